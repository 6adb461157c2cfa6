"""`mlds-repro train` through the installed command, on a folder in the layout with images of varied sizes."""
import json, subprocess, sys
from pathlib import Path
import numpy as np
from mlds_repro.data.core import write_dataset
from mlds_repro.models import load_model

EXE = Path(sys.executable).parent / 'mlds-repro'

def _varied(tmp_path):
    rng = np.random.default_rng(0)
    shapes = [(40, 60), (64, 48), (33, 90), (50, 50), (70, 30), (45, 45), (52, 61), (38, 44)]
    ims, mks = {}, {}
    for k, (h, w) in enumerate(shapes):
        m = np.zeros((h, w), np.uint8); m[h // 4: h // 2, w // 4: w // 2] = 1
        ims[f"i{k}"] = (rng.integers(0, 60, (h, w)) + 150 * m).astype(np.uint8); mks[f"i{k}"] = m
    cases = {i: [i] for i in ims}
    write_dataset(tmp_path / 'd', 'varied', ['background', 'lesion'], 'test', [0.5, 0.5], cases,
                  dict(train=[f"i{k}" for k in range(5)], val=['i5'], test=['i6', 'i7']), ims, mks)

def test_train_varied_sizes(tmp_path):
    _varied(tmp_path)
    r = subprocess.run([str(EXE), 'train', '--data', tmp_path / 'd', '--epochs', '2', '--size', '32', '--batch', '2',
                        '--width', '4', '--depth', '2', '--out', tmp_path / 'run'], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    m = json.loads((tmp_path / 'run' / 'metrics.json').read_text())
    assert set(m['test']['iou']) == {'background', 'lesion', 'mean'} and 0 <= m['test']['iou']['mean'] <= 1
    model, meta = load_model(tmp_path / 'run' / 'model.pth')
    assert meta['classes'] == ['background', 'lesion'] and meta['size'] == 32
    for f in ('curves.png', 'predictions.png', 'history.csv'): assert (tmp_path / 'run' / f).stat().st_size > 0
    # output piped (not a terminal): one line per epoch, no carriage-return progress bars
    assert '\r' not in r.stdout + r.stderr
    epochs = [l for l in r.stdout.splitlines() if l.startswith('epoch ')]
    assert [l.split()[1] for l in epochs] == ['1/2', '2/2'] and all(l.endswith(' s') and 'valid_loss' in l for l in epochs), r.stdout

def test_train_compiled_falls_back(tmp_path):
    "--compile where no C++ compiler works: one warning line, an eager run that finishes, and the reason in metrics.json"
    _varied(tmp_path)
    env = dict(__import__('os').environ, CXX='/nonexistent/c++', CC='/nonexistent/cc', TORCHINDUCTOR_CACHE_DIR=str(tmp_path / 'cache'))
    r = subprocess.run([str(EXE), 'train', '--data', tmp_path / 'd', '--epochs', '1', '--size', '32', '--batch', '2', '--width', '4',
                        '--depth', '2', '--compile', '--out', tmp_path / 'run'], capture_output=True, text=True, timeout=600, env=env)
    assert r.returncode == 0, r.stderr
    warn = [l for l in r.stderr.splitlines() if 'falling back to eager' in l]
    assert len(warn) == 1, r.stderr
    t = json.loads((tmp_path / 'run' / 'metrics.json').read_text())['timing']
    assert t['compile'] is False and t['fallback'], t

def test_reiss2021_on_other_data(tmp_path):
    "The Reiss et al. method on a two-class data set of varied sizes, with full masks, boxes and global labels"
    _varied(tmp_path)
    r = subprocess.run([str(EXE), 'train', '--data', tmp_path / 'd', '--method', 'reiss2021', '--budget', 'full=0.4,box=0.3,global=0.3',
                        '--budget-unit', 'image', '--epochs', '2', '--size', '32', '--batch', '4', '--width', '4', '--depth', '2',
                        '--out', tmp_path / 'run'], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    run = json.loads((tmp_path / 'run' / 'run.json').read_text())
    assert run['method'] == 'reiss2021' and run['budget'] == 'full=0.4,box=0.3,global=0.3'
    m = json.loads((tmp_path / 'run' / 'metrics.json').read_text())
    assert set(m['val']['dice']) == {'background', 'lesion', 'mean'}
