#!/usr/bin/env bash
# ACDC (Automated Cardiac Diagnosis Challenge, MICCAI 2017): cine MRI of 100 training and 50 test patients, end-diastole and
# end-systole frames labelled with the right ventricle (1), myocardium (2) and left-ventricle cavity (3).
#
# Where: the challenge's site at CREATIS (Universite de Lyon), https://www.creatis.insa-lyon.fr/Challenge/acdc/ ; the data are
# given after registration, for research use, and publications must cite Bernard et al., IEEE TMI 2018. Nothing here downloads it.
#
# Two converters, for the two forms people have:
# - the challenge's own download: training/patientNNN/ and testing/patientNNN/ with Info.cfg and patientNNN_frameFF[_gt].nii.gz
#   (ED and ES frames; patients are cases, each frame a volume with its slice thickness; slices resampled to one in-plane
#   spacing, by default the median; training/ split 80/20 into train and validation, testing/ is the test split):
#     mlds-repro data convert acdc --src /path/to/ACDC/database --out data/acdc
# - the preprocessed ACDC of the SSL4MIS repository (HiLab-git/SSL4MIS, its README links it): a folder ACDC/ with
#   data/slices/*.h5 (training slices), data/*.h5 (volumes), train_slices.list, val.list and test.list (its splits kept; the h5
#   files carry no pixel spacing, so give it):
#     mlds-repro data convert acdc-h5 --src /path/to/ACDC --spacing 1.5,1.5 [--slice-spacing 10] --out data/acdc
#   The same layout with the training slices beside the volumes in data/ (no data/slices/) is read too, e.g. the public
#   snapshot in the repository antares0811/3DCardiac (data/ACDC: 1312 training slices of 70 patients, 20 validation and 40
#   test volumes): its data/ACDC folder converts as it is (1902 images of 100 patients, 70/10/20).
#   The "3 cases" / "7 cases" labelled subsets of the semi-supervised tables: --budget full=0.042857 (3 of 70 patients) or
#   full=0.1 (7 of 70) with --budget-strategy listed (the first patients in order).
# Then one structure, e.g. the left-ventricle cavity of Liu et al., is the data set `data/acdc:LV`:
#   mlds-repro reproduce --paper liu2023 --scale paper --dataset data/acdc:LV --device cuda --out repro-acdc
set -euo pipefail
src=${1:?usage: data_scripts/acdc.sh /path/to/ACDC [OUT]}
if [ -d "$src/data" ]; then mlds-repro data convert acdc-h5 --src "$src" --spacing 1.5,1.5 --out "${2:-data/acdc}"
else mlds-repro data convert acdc --src "$src" --out "${2:-data/acdc}"; fi
