#!/usr/bin/env bash
# JSRT (Japanese Society of Radiological Technology) chest radiographs, 247 images, with the SCR (Segmentation in Chest
# Radiographs) reference masks of both lungs, the heart and both clavicles.
#
# Where: JSRT from the society's site, http://db.jsrt.or.jp/eng.php (free for research and education, registration asked);
# SCR masks from the Image Sciences Institute / Grand Challenge, https://www.isi.uu.nl/Research/Databases/SCR/ (cite van
# Ginneken et al., Medical Image Analysis 2006, and Shiraishi et al., AJR 2000). Nothing here downloads them.
#
# What to download: All247images (the .IMG files: 2048x2048, 12 bits in big-endian 16-bit words, no header) and the SCR
# masks (fold1/masks/<structure>/<id>.gif and fold2/..., 1024x1024), both unpacked under one folder.
#
# Convert (images reduced to the masks' 1024x1024, 0.35 mm; overlaps: lungs < heart < clavicles; SCR fold 1 trains, fold 2
# is split into validation and test by --seed):
#   mlds-repro data convert jsrt --src /path/to/JSRT --out data/jsrt
set -euo pipefail
src=${1:?usage: data_scripts/jsrt.sh /path/to/JSRT [OUT]}
mlds-repro data convert jsrt --src "$src" --out "${2:-data/jsrt}"
