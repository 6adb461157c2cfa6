"""`reproduce --scale paper` starts on data sets converted from the real formats (written here in those formats):
reiss2021 on RETOUCH, liu2023 on ACDC, pan2022 on Kvasir-SEG (seibold2022 on JSRT is not among them: its sample would be
megabytes of 12-bit raw images).

Paper scale trains U-Nets of width 64 on 512 x 512 images for 25,000 steps, which is GPU work: these tests only see each
reproduction start on a converted sample (its first run written with the paper scale's settings) and stop it.
"""
import json, os, signal, subprocess, sys, time
from pathlib import Path
import numpy as np

EXE = str(Path(sys.executable).parent / 'mlds-repro')

def started(args, out, timeout=420):
    "Start `mlds-repro reproduce ARGS --out OUT`; once a run's run.json exists, stop it; that run.json and the log"
    p = subprocess.Popen([EXE, 'reproduce', *map(str, args), '--jobs', '1', '--out', str(out)],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    t0 = time.time()
    try:
        while time.time() - t0 < timeout and p.poll() is None:
            runs = list((out / 'train').glob('*/run.json'))
            if runs: return json.loads(runs[0].read_text()), None
            time.sleep(0.5)
    finally:
        if p.poll() is None: os.killpg(p.pid, signal.SIGKILL)
        log = p.communicate()[0]
    return None, log

def test_reiss2021_paper_scale_starts_on_converted_retouch(tmp_path):
    import SimpleITK as sitk
    rng = np.random.default_rng(0)
    for i in range(10):   # ten Spectralis volumes of 4 B-scans, the RETOUCH training layout
        v = tmp_path / 'RETOUCH' / 'RETOUCH-TrainingSet-Spectralis' / f"TRAIN{i:03d}"; v.mkdir(parents=True)
        lab = np.zeros((4, 48, 64), np.uint8); lab[:, 20:26, 10:30] = 1 + i % 3; lab[i % 4, 30:34, 40:50] = 1 + (i + 1) % 3
        for name, a in (('oct', rng.integers(0, 255, lab.shape).astype(np.uint8)), ('reference', lab)):
            im = sitk.GetImageFromArray(a); im.SetSpacing((0.0113, 0.0039, 0.12)); sitk.WriteImage(im, str(v / f"{name}.mhd"))
    data = tmp_path / 'retouch'
    r = subprocess.run([EXE, 'data', 'convert', 'retouch', '--src', str(tmp_path / 'RETOUCH'), '--vendor', 'Spectralis', '--out', str(data)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    run, log = started(['--paper', 'reiss2021', '--scale', 'paper', '--dataset', data], tmp_path / 'repro')
    assert run is not None, log[-3000:]
    assert (run['size'], run['width'], Path(run['data']).resolve()) == (512, 64, data.resolve()), run

def test_liu2023_paper_scale_starts_on_converted_acdc(tmp_path):
    import nibabel as nib
    for p in range(1, 17):   # the ACDC download: 16 training patients (the budget figure needs 11), ED and ES frames
        pdir = tmp_path / 'ACDC' / 'training' / f"patient{p:03d}"; pdir.mkdir(parents=True); (pdir / 'Info.cfg').write_text('ED: 1\nES: 9\n')
        lab = np.zeros((40, 36, 3), np.uint8); lab[10:20, 8:18] = 3; lab[20:24, 8:22] = 2; lab[25:30, 10:16] = 1
        for fr in (1, 9):
            nib.save(nib.Nifti1Image(np.random.default_rng(p).random(lab.shape).astype(np.float32), np.diag([1.5, 1.5, 10., 1.])), str(pdir / f"patient{p:03d}_frame{fr:02d}.nii.gz"))
            nib.save(nib.Nifti1Image(lab, np.diag([1.5, 1.5, 10., 1.])), str(pdir / f"patient{p:03d}_frame{fr:02d}_gt.nii.gz"))
    data = tmp_path / 'acdc'
    r = subprocess.run([EXE, 'data', 'convert', 'acdc', '--src', str(tmp_path / 'ACDC'), '--out', str(data)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    run, log = started(['--paper', 'liu2023', '--scale', 'paper', '--dataset', f"{data}:LV"], tmp_path / 'repro')
    assert run is not None, log[-3000:]
    assert (run['size'], run['width'], run['lr']) == (256, 64, 1e-4) and run['data'].lower().endswith('acdc-lv'), run   # Liu et al.'s own settings

def test_pan2022_paper_scale_starts_on_converted_kvasir(tmp_path):
    from PIL import Image
    rng = np.random.default_rng(0)
    for f in ('images', 'masks'): (tmp_path / 'Kvasir-SEG' / f).mkdir(parents=True)
    for k in range(30):   # Kvasir-SEG's layout: RGB frames and their masks as JPEG, sizes varying
        h, w = 60 + 2 * k, 72
        Image.fromarray(rng.integers(0, 255, (h, w, 3), dtype=np.uint8)).save(tmp_path / 'Kvasir-SEG' / 'images' / f"cju{k:04d}.jpg")
        m = np.zeros((h, w), np.uint8); m[15 + k % 9:40, 20:50 - k % 7] = 255
        Image.fromarray(m).save(tmp_path / 'Kvasir-SEG' / 'masks' / f"cju{k:04d}.jpg")
    data = tmp_path / 'kvasir'
    r = subprocess.run([EXE, 'data', 'convert', 'polyp', '--src', str(tmp_path / 'Kvasir-SEG'), '--out', str(data)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    run, log = started(['--paper', 'pan2022', '--scale', 'paper', '--dataset', data], tmp_path / 'repro')
    assert run is not None, log[-3000:]
    assert (run['size'], run['width'], Path(run['data']).resolve()) == (352, 64, data.resolve()), run
