"""`mlds-repro reproduce` through the installed command: outputs, re-runs, interruption, failures."""
import csv, json, os, re, signal, subprocess, sys, time
from pathlib import Path

EXE = str(Path(sys.executable).parent / 'mlds-repro')
COLUMNS = 'paper,experiment,dataset,method,budget,seed,split,metric,class,value'.split(',')

def reproduce(*args, timeout=900):
    return subprocess.run([EXE, 'reproduce', *map(str, args)], capture_output=True, text=True, timeout=timeout)

def planned(stdout):
    "(planned, finished earlier, to train) of every grid a reproduction announced"
    return [tuple(map(int, m)) for m in re.findall(r"(\d+) runs planned, (\d+) finished earlier, (\d+) to train", stdout)]

def test_all_smoke_then_rerun(tmp_path):
    out = tmp_path / 'r'
    r = reproduce('--paper', 'all', '--scale', 'smoke', '--out', out)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    with open(out / 'results.csv', newline='') as f: rows = list(csv.DictReader(f))
    assert list(rows[0]) == COLUMNS
    assert {x['paper'] for x in rows} == {'baselines', 'reiss2021', 'liu2023', 'pan2022', 'seibold2022'}
    assert {x['metric'] for x in rows} == {'iou', 'dice', 'hd95', 'asd', 'case_dice', 'case_hd95', 'case_asd'} and {x['split'] for x in rows} == {'val', 'test'}
    report = (out / 'report.md').read_text()
    for s in ('## baselines', '## reiss2021', '## liu2023', '## pan2022', '## seibold2022', '### fluid', 'with KL alone', 'uniform weights', '### annotation_types', '94.22%', 'validation', '## Annotation cost', 'Failed runs\n\nNone.'):
        assert s in report, s
    figs = {p.name for p in (out / 'figures').glob('*.png')}
    assert {'baselines_budget_sweep.png', 'reiss2021_budget_curve.png', 'reiss2021_qualitative.png', 'liu2023_strong_budget.png',
            'liu2023_entropy_maps.png', 'pan2022_noise_sweep.png', 'pan2022_weights_vs_quality.png',
            'seibold2022_share_sweep.png', 'seibold2022_confirmation_bias.png', 'seibold2022_examples.png'} <= figs
    assert {p.name for p in (out / 'runs').glob('*.ipynb')} == {'baselines__scale-smoke.ipynb', 'reiss2021__scale-smoke.ipynb',
                                                                  'liu2023__scale-smoke.ipynb', 'pan2022__scale-smoke.ipynb',
                                                                  'seibold2022__scale-smoke.ipynb'}
    stamps = {p: p.stat().st_mtime_ns for p in (out / 'train').glob('*/metrics.json')}
    r2 = reproduce('--paper', 'all', '--scale', 'smoke', '--out', out)
    assert r2.returncode == 0, r2.stderr[-3000:]
    p = planned(r2.stdout)
    assert 'trained in' not in r2.stdout and p and all(n == done and todo == 0 for n, done, todo in p), r2.stdout
    assert '\r' not in r.stdout + r2.stdout and 'local Dask cluster of 2' in r.stdout  # the default: two Dask workers
    assert stamps == {p: p.stat().st_mtime_ns for p in (out / 'train').glob('*/metrics.json')}, 'finished runs were recomputed'
    with open(out / 'results.csv', newline='') as f: assert list(csv.DictReader(f)) == rows

def test_interrupted_then_resumed(tmp_path):
    out = tmp_path / 'r'
    p = subprocess.Popen([EXE, 'reproduce', '--paper', 'baselines', '--scale', 'smoke', '--jobs', '1', '--out', str(out)],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    t0 = time.time()
    while not list((out / 'train').glob('*/metrics.json')) and time.time() - t0 < 300: time.sleep(0.2)
    os.killpg(p.pid, signal.SIGKILL); p.wait()
    done = {q: q.stat().st_mtime_ns for q in (out / 'train').glob('*/metrics.json')}
    assert done and not (out / 'results.csv').exists()
    r = reproduce('--paper', 'baselines', '--scale', 'smoke', '--jobs', '1', '--out', out)
    assert r.returncode == 0, r.stderr[-3000:]
    assert sum(d for _, d, _ in planned(r.stdout)) >= len(done) and "in the notebooks' process" in r.stdout
    assert all(q.stat().st_mtime_ns == t for q, t in done.items()), 'a finished run was recomputed'
    assert (out / 'report.md').exists() and (out / 'figures' / 'baselines_budget_sweep.png').exists()

def test_failures_and_refusals(tmp_path):
    out = tmp_path / 'r'
    r = reproduce('--paper', 'baselines', '--scale', 'smoke', '--dataset', tmp_path / 'nowhere', '--out', out)
    assert r.returncode == 2 and 'neither a synthetic benchmark' in r.stderr and not out.exists()  # refused before any kernel or folder
    r = reproduce('--paper', 'liu2023', '--scale', 'smoke', '--dataset', 'synth-oct', '--out', out)   # a notebook that fails: liu2023 is binary
    assert r.returncode == 1 and 'failed' in r.stderr
    assert "task is binary" in r.stdout and 'liu2023__scale-smoke__dataset-synth-oct.ipynb' in r.stdout
    assert 'liu2023__scale-smoke__dataset-synth-oct.ipynb' in (out / 'report.md').read_text()
    r = reproduce('--paper', 'baselines', '--scale', 'cpu', '--out', out)
    assert r.returncode == 2 and "holds results of scale 'smoke'" in r.stderr and r.stderr.count('\n') == 1
    r = reproduce('--paper', 'nosuch', '--scale', 'smoke', '--out', tmp_path / 'x')
    assert r.returncode == 2 and 'invalid choice' in r.stderr and not (tmp_path / 'x').exists()
