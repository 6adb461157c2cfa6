"""Fault injection through the installed command: a training run killed mid-epoch resumes to the same result; two runs into one folder."""
import json, os, signal, subprocess, sys, time
from pathlib import Path

EXE = str(Path(sys.executable).parent / 'mlds-repro')
ARGS = ['--method', 'mean_teacher', '--budget', 'full=0.5,none=0.5', '--epochs', '4', '--size', '32', '--batch', '4', '--width', '4',
        '--depth', '2', '--steps-per-epoch', '30']

def train(data, out, *extra, **kw):
    return subprocess.run([EXE, 'train', '--data', str(data), *ARGS, '--out', str(out), *extra], capture_output=True, text=True, timeout=600, **kw)

def rows(p): return (p / 'history.csv').read_text().splitlines()

def test_killed_mid_epoch_resumes_to_the_same_result(tmp_path):
    data = tmp_path / 'oct'
    assert subprocess.run([EXE, 'data', 'synth-oct', '--n', '30', '--per-volume', '5', '--size', '32', '--out', str(data)]).returncode == 0
    ref = train(data, tmp_path / 'ref'); assert ref.returncode == 0, ref.stderr
    p = subprocess.Popen([EXE, 'train', '--data', str(data), *ARGS, '--out', str(tmp_path / 'k')], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True, start_new_session=True)
    t0 = time.time()
    while not ((tmp_path / 'k' / 'history.csv').exists() and len(rows(tmp_path / 'k')) >= 2) and time.time() - t0 < 300: time.sleep(0.05)
    time.sleep(0.3)  # into the second epoch
    os.killpg(p.pid, signal.SIGKILL); p.wait()
    done = len(rows(tmp_path / 'k')) - 1  # epochs checkpointed before the kill
    assert 1 <= done < 4 and not (tmp_path / 'k' / 'metrics.json').exists()
    r = train(data, tmp_path / 'k', '--resume')   # the killed process's lock is stale: taken over
    assert r.returncode == 0, r.stderr
    strip = lambda m: {k: v for k, v in m.items() if k != 'timing'}
    a, b = (json.loads((tmp_path / x / 'metrics.json').read_text()) for x in ('ref', 'k'))
    assert strip(a) == strip(b)
    assert rows(tmp_path / 'ref') == rows(tmp_path / 'k')   # the history too, with no epoch twice
    assert not (tmp_path / 'k' / '.lock').exists()

def test_two_runs_into_one_folder(tmp_path):
    data = tmp_path / 'oct'
    assert subprocess.run([EXE, 'data', 'synth-oct', '--n', '30', '--per-volume', '5', '--size', '32', '--out', str(data)]).returncode == 0
    p = subprocess.Popen([EXE, 'train', '--data', str(data), *ARGS, '--out', str(tmp_path / 'k')], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t0 = time.time()
    while not (tmp_path / 'k' / '.lock').exists() and time.time() - t0 < 120: time.sleep(0.05)
    r = train(data, tmp_path / 'k', '--resume')
    p.wait()
    assert r.returncode == 2 and r.stderr.count('\n') == 1 and 'in use by process' in r.stderr, r.stderr
    assert p.returncode == 0 and (tmp_path / 'k' / 'metrics.json').exists()
