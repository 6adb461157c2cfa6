#!/usr/bin/env bash
# RETOUCH (Retinal OCT Fluid Challenge, MICCAI 2017): 70 training OCT volumes of three vendors (Cirrus, Spectralis, Topcon)
# with references for intraretinal fluid (1), subretinal fluid (2) and pigment epithelial detachment (3).
#
# Where: the challenge's site, https://retouch.grand-challenge.org/ ; the data are given after registration and a signed data
# agreement, for research use; publications must cite Bogunovic et al., IEEE TMI 2019. Nothing here downloads it.
#
# What to download: the training set folders (RETOUCH-TrainingSet-Cirrus/, -Spectralis/, -Topcon/), each volume a folder
# with oct.mhd/.raw and reference.mhd/.raw. The test set's references are withheld, so train/val/test are drawn from the
# training volumes (seeded; --seed).
#
# Convert one vendor (vendors differ in image size and spacing; the spacing is read from the headers):
#   mlds-repro data convert retouch --src /path/to/RETOUCH --vendor Spectralis --out data/retouch-spectralis
# Then, e.g., Reiss et al. at paper scale:
#   mlds-repro reproduce --paper reiss2021 --scale paper --dataset data/retouch-spectralis --device cuda --out repro-retouch
set -euo pipefail
src=${1:?usage: data_scripts/retouch.sh /path/to/RETOUCH VENDOR [OUT]}
vendor=${2:?usage: data_scripts/retouch.sh /path/to/RETOUCH VENDOR [OUT]}
mlds-repro data convert retouch --src "$src" --vendor "$vendor" --out "${3:-data/retouch-${vendor,,}}"
