#!/usr/bin/env bash
# Any data set in nnU-Net's raw layout (nnUNet_raw/DatasetXXX_Name/: dataset.json, imagesTr/<case>_0000.nii.gz,
# labelsTr/<case>.nii.gz), version 1 or 2 labels, e.g. the Medical Segmentation Decathlon converted by nnU-Net.
# Each data set keeps its own terms (the Decathlon: CC-BY-SA 4.0, http://medicaldecathlon.com/). Nothing here downloads it.
#
# Convert (sliced along the third axis, in-plane spacing from the headers, one input channel, a seeded 60/20/20 case split):
#   mlds-repro data convert nnunet --src /path/to/nnUNet_raw/Dataset004_Hippocampus --out data/hippocampus [--channel 0]
set -euo pipefail
src=${1:?usage: data_scripts/nnunet.sh /path/to/nnUNet_raw/DatasetXXX_Name OUT}
mlds-repro data convert nnunet --src "$src" --out "${2:?usage: data_scripts/nnunet.sh /path/to/nnUNet_raw/DatasetXXX_Name OUT}"
