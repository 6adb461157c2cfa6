#!/usr/bin/env bash
# Colonoscopy polyp sets with binary masks: Kvasir-SEG (1000 frames), CVC-ClinicDB (612 frames from 29 videos), CVC-ColonDB
# and others laid out as an image folder and a mask folder matched by file name.
#
# Where: Kvasir-SEG from Simula, https://datasets.simula.no/kvasir-seg/ (research and education; cite Jha et al., MMM 2020);
# CVC-ClinicDB from the CVC (Universitat Autonoma de Barcelona), https://polyp.grand-challenge.org/CVCClinicDB/ (cite Bernal et
# al., CMIG 2015). Nothing here downloads them.
#
# What to download: the unpacked archive, with images/ + masks/ (Kvasir-SEG) or Original/ + Ground Truth/ (CVC-ClinicDB);
# other names with --images and --masks.
#
# Convert (RGB kept, masks thresholded at half their range, no pixel spacing (1 x 1), a seeded 60/20/20 split of the frames):
#   mlds-repro data convert polyp --src /path/to/Kvasir-SEG --out data/kvasir-seg
#   mlds-repro data convert polyp --src /path/to/CVC-ClinicDB --out data/cvc-clinicdb
set -euo pipefail
src=${1:?usage: data_scripts/polyp.sh /path/to/POLYP_SET OUT}
mlds-repro data convert polyp --src "$src" --out "${2:?usage: data_scripts/polyp.sh /path/to/POLYP_SET OUT}"
