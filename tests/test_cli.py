"""End-to-end tests of the installed `mlds-repro` console script."""
import json, subprocess, sys
from pathlib import Path
import pytest

EXE = Path(sys.executable).parent / 'mlds-repro'

def run(*args):
    return subprocess.run([str(EXE), *map(str, args)], capture_output=True, text=True, timeout=300)

def test_help():
    r = run('--help')
    assert r.returncode == 0 and 'evaluate' in r.stdout and 'data' in r.stdout

def test_synth_check_evaluate(tmp_path):
    r = run('data', 'synth-cxr', '--n', 12, '--size', 48, '--out', tmp_path / 'cxr')
    assert r.returncode == 0, r.stderr
    assert json.loads(run('data', 'check', tmp_path / 'cxr').stdout)['images'] == 12
    r = run('evaluate', '--pred', tmp_path / 'cxr' / 'masks', '--gt', tmp_path / 'cxr' / 'masks', '--dataset', tmp_path / 'cxr', '--out', tmp_path / 'm.json')
    assert r.returncode == 0, r.stderr
    m = json.loads((tmp_path / 'm.json').read_text())
    assert m['iou']['mean'] == 1.0 and m['hd95']['heart'] == 0.0 and 'left_clavicle' in m['asd']

def test_bad_input_is_one_line(tmp_path):
    r = run('data', 'check', tmp_path / 'missing')
    assert r.returncode == 2 and r.stderr.count('\n') == 1 and 'missing: no such data folder' in r.stderr
    r = run('--debug', 'data', 'check', tmp_path / 'missing')
    assert r.returncode != 0 and 'Traceback' in r.stderr

def test_output_not_overwritten(tmp_path):
    assert run('data', 'synth-oct', '--n', 15, '--per-volume', 5, '--size', 32, '--out', tmp_path / 'o').returncode == 0
    r = run('data', 'synth-oct', '--n', 15, '--per-volume', 5, '--size', 32, '--out', tmp_path / 'o')
    assert r.returncode == 2 and 'exists and is not empty' in r.stderr
