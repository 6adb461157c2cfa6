"""Data-parallel training: `mlds-repro train` in 2 CPU processes (torchrun, gloo) against 1 process with the same global batch."""
import csv, json, subprocess, sys
from pathlib import Path
import pytest, torch

BIN = Path(sys.executable).parent
EXE, TORCHRUN = str(BIN / 'mlds-repro'), str(BIN / 'torchrun')
CFG = ['--epochs', '3', '--size', '32', '--width', '4', '--depth', '3', '--batch', '8', '--steps-per-epoch', '6', '--threads', '1']
# The stated tolerance. Two processes differ from one by design: BatchNorm normalises each process's 4 images with their own
# statistics, a batch Dice is per process, CutMix mixes within a process. Measured over 18 steps: training loss per epoch within
# 0.3%, weights within 1.5% (relative L2), validation loss within 0.1%.
TOL = dict(loss=0.01, weights=0.05, valid_loss=0.01, miou=0.05)

@pytest.fixture(scope='module')
def data(tmp_path_factory):
    d = tmp_path_factory.mktemp('ddp') / 'oct'
    assert subprocess.run([EXE, 'data', 'synth-oct', '--n', '64', '--size', '32', '--out', str(d)], capture_output=True).returncode == 0
    return d

def train(data, out, method, budget, *extra, procs=1):
    cmd = [EXE] if procs == 1 else [TORCHRUN, '--standalone', '--nproc_per_node', str(procs), EXE]
    return subprocess.run([*cmd, 'train', '--data', str(data), '--method', method, '--budget', budget, *CFG, '--out', str(out), *extra],
                          capture_output=True, text=True, timeout=600)

def history(run): return list(csv.DictReader(open(run / 'history.csv')))

def weights(run):
    d = torch.load(run / 'model.pth', weights_only=False)
    return {k: v.float() for k, v in d['state_dict'].items() if v.is_floating_point()}

def rel(a, b): return abs(a - b) / max(abs(a), 1e-12)

# The teacher methods run with bn=joint here, so that the stated tolerance holds. With their default bn=split each process
# normalises its 4 full-mask and 4 other images as two groups, against 8 and 8 in one process. The losses still agree (within
# 0.03% at epoch 1), but the 4-wide net of epoch 1 then sits at an argmax tie, and its mIoU reads 0.0 in one run and 0.333 in
# the other. The bn=split case is therefore checked on everything except the per-epoch mIoU.
JOINT = ('--opt', 'bn=joint')
@pytest.mark.parametrize('method,budget,opts,per_epoch_miou', [
    ('mean_teacher', 'full=0.25,none=0.75', JOINT, True),    # EMA teacher
    ('mean_teacher', 'full=0.25,none=0.75', (), False),      # + BatchNorm per group of the batch (the default)
    ('seibold2022', 'full=0.25,none=0.75', JOINT, True),     # + a reference bank filled by every process
    ('pan2022', 'full=0.25,box=0.75', (), True)])            # + per-image weights updated by every process
def test_two_processes_match_one(data, tmp_path, method, budget, opts, per_epoch_miou):
    one = train(data, tmp_path / 'one', method, budget, *opts); assert one.returncode == 0, one.stderr[-2000:]
    two = train(data, tmp_path / 'two', method, budget, *opts, procs=2); assert two.returncode == 0, two.stderr[-3000:]
    assert two.stdout.count('wrote ') == 1 and two.stdout.count('epoch 3/3') == 1     # one writer
    assert not (tmp_path / 'two' / '.lock').exists()
    m1, m2 = (json.loads((tmp_path / r / 'metrics.json').read_text()) for r in ('one', 'two'))
    assert m2['timing']['processes'] == 2 and m1['timing']['processes'] == 1
    h1, h2 = history(tmp_path / 'one'), history(tmp_path / 'two')
    assert len(h1) == len(h2) == 3
    for a, b in zip(h1, h2):
        assert rel(float(a['train_loss']), float(b['train_loss'])) < TOL['loss'], (a, b)
        assert rel(float(a['valid_loss']), float(b['valid_loss'])) < TOL['valid_loss'], (a, b)
        if per_epoch_miou: assert abs(float(a['iou']) - float(b['iou'])) < TOL['miou'], (a, b)
    w1, w2 = weights(tmp_path / 'one'), weights(tmp_path / 'two')
    gap = sum(float((w1[k] - w2[k]).norm() ** 2) for k in w1) ** .5 / sum(float(w1[k].norm() ** 2) for k in w1) ** .5
    assert 0 < gap < TOL['weights'], gap    # 0 would mean the two-process run did not split the batch at all
    for s in ('val', 'test'): assert abs(m1[s]['iou']['mean'] - m2[s]['iou']['mean']) < TOL['miou']

def test_two_processes_resume_and_refuse_bad_batch(data, tmp_path):
    r = train(data, tmp_path / 'r', 'supervised', 'full=1', procs=2); assert r.returncode == 0, r.stderr[-2000:]
    before = json.loads((tmp_path / 'r' / 'metrics.json').read_text())
    again = train(data, tmp_path / 'r', 'supervised', 'full=1', '--resume', procs=2)   # rank 0 reads the checkpoint, sends it on
    assert again.returncode == 0, again.stderr[-2000:]
    after = json.loads((tmp_path / 'r' / 'metrics.json').read_text())
    assert {k: v for k, v in before.items() if k != 'timing'} == {k: v for k, v in after.items() if k != 'timing'}
    assert len(history(tmp_path / 'r')) == 3
    bad = subprocess.run([TORCHRUN, '--standalone', '--nproc_per_node', '2', EXE, 'train', '--data', str(data), '--batch', '3', '--epochs', '1',
                          '--size', '32', '--out', str(tmp_path / 'bad')], capture_output=True, text=True, timeout=300)
    assert bad.returncode != 0 and '--batch 3 with 2 processes' in bad.stderr and not (tmp_path / 'bad').exists()
