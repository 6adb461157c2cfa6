"A seeded study of the teacher-method fixes at cpu scale on synth-oct, 6% full masks: validation to choose, test reported. Run: python nbs/repro/fixes_study.py OUT_DIR"
import sys
from pathlib import Path
from mlds_repro.experiments import scale_config, prepare_data, grid, run_experiments, summary, local_cluster
def main():
    cfg = scale_config('cpu'); out = Path(sys.argv[1] if len(sys.argv) > 1 else '/work/study12')
    data = prepare_data('synth-oct', cfg, out)
    f = 0.06; seeds = 3
    g = lambda k: f"full={f:g},{k}={1 - f:g}"
    R = 'reiss2021'; MT = 'mean_teacher'
    fix = dict(mlds_reduction='mean', weak_batch='extra')
    variants = [
        ('lower bound', 'supervised', f"full={f:g}", {}),
        ('lower bound, covering', 'supervised', f"full={f:g}", dict(budget_strategy='covering')),
        ('reiss2021 (as before)', R, g('global'), {}),
        ('reiss2021 teacher off', R, g('global'), dict(teacher=False)),
        ('reiss2021 MLDS mean', R, g('global'), dict(mlds_reduction='mean')),
        ('reiss2021 MLDS mean + extra', R, g('global'), fix),
        ('reiss2021 MLDS mean + extra + burn-in', R, g('global'), dict(fix, burn_in=0.3)),
        ('reiss2021 MLDS mean + extra + burn-in, covering', R, g('global'), dict(fix, burn_in=0.3, budget_strategy='covering')),
        ('mean teacher (as before)', MT, g('none'), {}),
        ('mean teacher SSL4MIS (class mean, ramp 1.0)', MT, g('none'), dict(class_mean=True, rampup=1.0)),
        ('mean teacher SSL4MIS + extra', MT, g('none'), dict(class_mean=True, rampup=1.0, weak_batch='extra')),
    ]
    runs = [r for label, m, b, kw in variants for r in grid('study', [(label, m, kw)], b, seeds)]
    with local_cluster(2) as c: rows = run_experiments('study12', runs, data, cfg, out, scheduler=c.scheduler_address)
    val = {x['method']: x for x in summary(rows, split='val')}; test = {x['method']: x for x in summary(rows, split='test')}
    print('\n| variant | budget | val mIoU | test mIoU | seeds |\n|---|---|---|---|---|')
    for label, m, b, kw in variants:
        v, t = val[label], test[label]
        print(f"| {label} | {b} | {v['mean']:.3f} ± {v['std']:.3f} | {t['mean']:.3f} ± {t['std']:.3f} | {t['n']} |")

if __name__ == '__main__': main()
