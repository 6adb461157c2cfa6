#!/usr/bin/env bash
# Duke DME (Chiu et al., "Kernel regression based segmentation of optical coherence tomography images with diabetic macular
# edema", Biomedical Optics Express 2015): Spectralis SD-OCT volumes of 10 subjects with DME, 61 B-scans each, of which about
# 11 per subject are traced by two graders: eight retinal layer boundaries and the fluid.
#
# Where: the Duke VIP lab's page for the paper (people.duke.edu/~sf59/, "Chiu_BOE_2014_dataset"); free for research, cite the
# paper. Nothing here downloads it.
#
# What to download: the zip of the .mat files (Subject_01.mat ... Subject_10.mat: images, manualLayers1/2, manualFluid1/2).
#
# Convert (a subject is a case; the traced B-scans are the images, cropped to the traced columns; labels: 7 layers and fluid;
# subjects 1-5 train, 6 validation, 7-10 test; the files carry no spacing: give --spacing dy,dx in mm for distances in mm):
#   mlds-repro data convert duke-dme --src /path/to/2015_BOE_Chiu --grader 1 --out data/duke-dme
set -euo pipefail
src=${1:?usage: data_scripts/duke-dme.sh /path/to/2015_BOE_Chiu [OUT] [GRADER]}
mlds-repro data convert duke-dme --src "$src" --grader "${3:-1}" --out "${2:-data/duke-dme}"
