"""Seeded studies of the teacher-method fixes at cpu scale on synth-oct, 6% full masks, image labels (or nothing) on the rest:
validation to choose, test reported. Run: python nbs/repro/fixes_study.py STUDY OUT_DIR [SEEDS]  (STUDY: random | covering | weak | weak_cxr | teacher_cxr | bn_oct | targets_oct |
targets_cxr | targets_core_oct | targets_core_cxr | irf | targets_2x_oct | targets_2x_6_oct | targets_2x_weak_oct | schedule_oct | schedule_cxr | reduction_cxr | mlds_cxr; SEEDS: 3 unless given; runs already in OUT_DIR
with the same key are read back). Every study counts its schedule in multiples of 500 steps (20 epochs of 25), the cpu scale's
schedule when the studies were run: `schedule=2` is 1,000 steps, the cpu scale's schedule on synth-oct now (`data_epochs`).
A variant is (label, method, budget, options) or (label, method, budget, options, training overrides such as lr or bs)."""
import sys
from pathlib import Path
from mlds_repro.experiments import scale_config, prepare_data, grid, run_experiments, summary, local_cluster
from mlds_repro.train import CPU_SCALE

F = 0.06
R, MT, S = 'reiss2021', 'mean_teacher', 'supervised'
def g(k, f=F): return f"full={f:g},{k}={1 - f:g}"

def random_study():
    "The first study: budgets drawn at random (6% is one volume, which may lack classes); reiss2021 without Dice"
    fix = dict(mlds_reduction='mean', weak_batch='extra')
    return [('lower bound', S, f"full={F:g}", {}),
            ('lower bound, covering', S, f"full={F:g}", dict(budget_strategy='covering')),
            ('reiss2021 (as before)', R, g('global'), {}),
            ('reiss2021 teacher off', R, g('global'), dict(teacher=False)),
            ('reiss2021 MLDS mean', R, g('global'), dict(mlds_reduction='mean')),
            ('reiss2021 MLDS mean + extra', R, g('global'), fix),
            ('reiss2021 MLDS mean + extra + burn-in', R, g('global'), dict(fix, burn_in=0.3)),
            ('reiss2021 MLDS mean + extra + burn-in, covering', R, g('global'), dict(fix, burn_in=0.3, budget_strategy='covering')),
            ('mean teacher (as before)', MT, g('none'), {}),
            ('mean teacher SSL4MIS (class mean, ramp 1.0)', MT, g('none'), dict(class_mean=True, rampup=1.0)),
            ('mean teacher SSL4MIS + extra', MT, g('none'), dict(class_mean=True, rampup=1.0, weak_batch='extra'))]

def covering_study():
    "The second study: class-covering budgets and the fair protocol (bs full masks + bs others per step), Dice on for every method"
    c = dict(budget_strategy='covering', dice=True)
    off = dict(c, weak_batch='extra', teacher=False)
    on = dict(c, weak_batch='extra', mlds_reduction='mean', burn_in=0.3)
    return [('lower bound', S, f"full={F:g}", c),
            ('upper bound', S, 'full=1', c),
            ('reiss2021 teacher off, all masks', R, 'full=1', off),
            ('reiss2021 teacher off, ds none', R, g('global'), dict(off, ds='none')),
            ('reiss2021 teacher off, ds standard', R, g('global'), dict(off, ds='standard')),
            ('reiss2021 teacher off, MLDS sum', R, g('global'), off),
            ('reiss2021 teacher off, MLDS mean', R, g('global'), dict(off, mlds_reduction='mean')),
            ('reiss2021 soft PL, burn-in', R, g('global'), on),
            ('reiss2021 complete PL, burn-in', R, g('global'), dict(on, pl_mode='complete')),
            ('reiss2021 complete PL, burn-in, teacher train mode', R, g('global'), dict(on, pl_mode='complete', teacher_mode='train')),
            ('reiss2021 complete PL, burn-in, threshold 0.9', R, g('global'), dict(on, pl_mode='complete', pl_threshold=0.9)),
            ('mean teacher', MT, g('none'), dict(c, weak_batch='extra')),
            ('mean teacher SSL4MIS (class mean, ramp 1.0)', MT, g('none'), dict(c, weak_batch='extra', class_mean=True, rampup=1.0))]

def weak_study():
    "The third study: what boxes and image labels give reiss2021 (the boxes' tightness prior and its weight, the image term's heads)"
    c = dict(budget_strategy='covering', dice=True)
    old = dict(c, tightness=0., image_heads='coarsest')  # the defaults before this study
    return [('lower bound', S, f"full={F:g}", c),
            ('boxes, no tightness prior, image term on the coarsest head', R, g('box'), old)]  \
        + [(f"boxes, tightness {w:g}, image term on the coarsest head", R, g('box'), dict(old, tightness=w)) for w in (0.03, 0.1, 0.3, 1., 3.)] \
        + [('boxes, tightness 1 on the mask output too', R, g('box'), dict(old, tightness=1., tightness_mask=True)),
           ('image labels, image term on the coarsest head', R, g('global'), old),
           ('image labels, image term on every head (the defaults now)', R, g('global'), c),
           ('boxes (the defaults now: tightness 0.1, image term on every head)', R, g('box'), c),
           ('lower bound, 25%', S, 'full=0.25', c),
           ('image labels, 25% (the defaults now)', R, g('global', 0.25), c)]

def weak_cxr_study():
    "The third study's check on synth-cxr (5% full masks): boxes and image labels with the defaults before and after it"
    c = dict(budget_strategy='covering', dice=True); old = dict(c, tightness=0., image_heads='coarsest')
    h = lambda k: f"full=0.05,{k}=0.95"
    return [('lower bound', S, 'full=0.05', c), ('boxes, the defaults before', R, h('box'), old), ('boxes, the defaults now', R, h('box'), c),
            ('image labels, the defaults before', R, h('global'), old), ('image labels, the defaults now', R, h('global'), c)]

def teacher_cxr_study():
    "Why the teacher methods collapse on synth-cxr at 5%: the other images in the batch without the consistency, the teacher's mode, BatchNorm per group"
    c = dict(budget_strategy='covering', dice=True); h = 'full=0.05,none=0.95'
    return [('lower bound', S, 'full=0.05', c), ('mean teacher', MT, h, c), ('mean teacher, consistency weight 0', MT, h, dict(c, weight=0.)),
            ('mean teacher, teacher in train mode', MT, h, dict(c, teacher_mode='train')),
            ('mean teacher, consistency weight 0, BatchNorm per group', MT, h, dict(c, weight=0., bn='split')),
            ('mean teacher, BatchNorm per group', MT, h, dict(c, bn='split')),
            ('mean teacher, BatchNorm per group, running statistics of the full masks', MT, h, dict(c, bn='split', bn_track='first')),
            ('reiss2021 image labels', R, 'full=0.05,global=0.95', c),
            ('reiss2021 image labels, BatchNorm per group', R, 'full=0.05,global=0.95', dict(c, bn='split'))]

def bn_oct_study():
    "BatchNorm per group on synth-oct (6%): the check of the choice made on synth-cxr"
    c = dict(budget_strategy='covering', dice=True)
    return [('lower bound', S, f"full={F:g}", c), ('mean teacher', MT, g('none'), c), ('mean teacher, BatchNorm per group', MT, g('none'), dict(c, bn='split')),
            ('reiss2021 image labels', R, g('global'), c), ('reiss2021 image labels, BatchNorm per group', R, g('global'), dict(c, bn='split'))]

def targets_study(f):
    "Issue 12's targets with BatchNorm per group (the default now): 5-6% and 25% full masks, the mean teacher's consistency variants, boxes against image labels, MLDS against standard deep supervision"
    c = dict(budget_strategy='covering', dice=True)
    h = lambda k, s=f: f"full={s:g},{k}={1 - s:g}"
    return [('lower bound', S, f"full={f:g}", c), ('mean teacher', MT, h('none'), c),
            ('mean teacher, burn-in 0.3', MT, h('none'), dict(c, burn_in=0.3)),
            ('mean teacher, SSL4MIS consistency (class mean, ramp over the run)', MT, h('none'), dict(c, class_mean=True, rampup=1.0)),
            ('mean teacher, teacher in train mode', MT, h('none'), dict(c, teacher_mode='train')),
            ('reiss2021 image labels', R, h('global'), c), ('reiss2021 image labels, standard deep supervision', R, h('global'), dict(c, ds='standard')),
            ('reiss2021 boxes', R, h('box'), c),
            ('lower bound, 25%', S, 'full=0.25', c), ('mean teacher, 25%', MT, h('none', .25), c), ('reiss2021 image labels, 25%', R, h('global', .25), c)]

def irf_study():
    "Why synth-oct's IRF is missed whole on some seeds: supervised training on every mask, its Dice term and its schedule varied"
    c = dict(budget_strategy='covering', dice=True)
    return [('every mask', S, 'full=1', c), ('every mask, Dice per image', S, 'full=1', dict(c, batch_dice=False)),
            ('every mask, CE alone', S, 'full=1', dict(c, dice=False)), ('every mask, 2x the schedule', S, 'full=1', dict(c, schedule=2))]

def targets_2x(labels):
    "Rows `labels` of issue 12's targets on synth-oct (`targets_study`) at twice the schedule (1,000 steps)"
    return [(l + ', 2x the schedule', m, b, dict(kw, schedule=2)) for l, m, b, kw in targets_study(F) if l in labels]

def schedule_study(full, others=False):
    "Is the cpu scale's 500-step schedule long enough? The lower bound at `full` and on every mask, at 500 and 1,000 steps; with `others`, also lr 1e-2 and 1,000 steps of 4 images"
    c = dict(budget_strategy='covering', dice=True); budgets = ('full=1', f"full={full:g}")
    rows = [(f"{b}, {k:g}x", S, b, dict(c, schedule=k)) for k in (1, 2) for b in budgets]
    if others: rows += [(f"{b}, lr 0.01", S, b, c, dict(lr=0.01)) for b in budgets] \
                     + [(f"{b}, 2x with 4 images a step", S, b, dict(c, schedule=2), dict(bs=4)) for b in budgets]
    return rows

def targets_rows(f, labels):
    "The rows of `targets_study(f)` with these labels"
    return [v for v in targets_study(f) if v[0] in labels]

def targets_core(f):
    "The rows of `targets_study` that issue 12's targets compare (no mean-teacher variant, no standard deep supervision), to run with more seeds"
    return targets_rows(f, ('lower bound', 'mean teacher', 'reiss2021 image labels', 'reiss2021 boxes', 'lower bound, 25%', 'mean teacher, 25%',
                            'reiss2021 image labels, 25%'))

def mlds_study(f):
    "The MLDS target at today's defaults: reiss2021 with image labels, multi-label against standard deep supervision, beside the lower bound"
    return targets_rows(f, ('lower bound', 'reiss2021 image labels', 'reiss2021 image labels, standard deep supervision'))

def reduction_study(f):
    "The reiss2021 rows of `targets_core` with MLDS averaged over the batch beside the default (summed, chosen on synth-oct's validation): does the choice carry over?"
    core = targets_core(f)
    return [v for v in core if v[1] == S] + [x for l, m, b, kw in core if m == R for x in ((l, m, b, kw), (l + ', MLDS averaged', m, b, dict(kw, mlds_reduction='mean')))]

STUDIES = dict(random=random_study, covering=covering_study, weak=weak_study, weak_cxr=weak_cxr_study, teacher_cxr=teacher_cxr_study, bn_oct=bn_oct_study,
               targets_oct=lambda: targets_study(F), targets_cxr=lambda: targets_study(0.05),
               irf=irf_study, targets_2x_oct=lambda: targets_2x(('lower bound, 25%', 'mean teacher, 25%', 'reiss2021 image labels, 25%')),
               targets_2x_6_oct=lambda: targets_2x(('lower bound', 'mean teacher', 'reiss2021 image labels')),
               targets_2x_weak_oct=lambda: targets_2x(('lower bound', 'reiss2021 image labels', 'reiss2021 image labels, standard deep supervision', 'reiss2021 boxes')),
               targets_core_oct=lambda: targets_core(F), targets_core_cxr=lambda: targets_core(0.05),
               schedule_oct=lambda: schedule_study(0.25, others=True), schedule_cxr=lambda: schedule_study(0.05),
               reduction_cxr=lambda: reduction_study(0.05), mlds_cxr=lambda: mlds_study(0.05))
JOINT_BN = ('random', 'covering', 'weak', 'weak_cxr', 'teacher_cxr', 'bn_oct')  # every row without 'BatchNorm per group' in its label is 'joint'
DATA = dict(weak_cxr='synth-cxr', teacher_cxr='synth-cxr', targets_cxr='synth-cxr', targets_core_cxr='synth-cxr', schedule_cxr='synth-cxr', reduction_cxr='synth-cxr', mlds_cxr='synth-cxr')

def main():
    study = sys.argv[1] if len(sys.argv) > 1 else 'covering'
    if study not in STUDIES: sys.exit(f"unknown study {study!r}; expected one of {', '.join(STUDIES)}")
    cfg = scale_config('cpu', epochs=CPU_SCALE['epochs']); out = Path(sys.argv[2] if len(sys.argv) > 2 else f'study-{study}')  # 500 steps on every data set
    n_seeds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    data = prepare_data(DATA.get(study, 'synth-oct'), cfg, out)
    variants = [v if len(v) == 5 else (*v, {}) for v in STUDIES[study]()]
    if study in JOINT_BN:  # studies measured before bn='split' became the default: their teacher-method rows keep BatchNorm over the whole batch
        variants = [(l, m, b, kw if m == S or 'bn' in kw else dict(kw, bn='joint'), o) for l, m, b, kw, o in variants]
    groups = {}  # runs by their training overrides: one `run_experiments` call each
    for label, m, b, kw, o in variants: groups.setdefault(tuple(sorted(o.items())), []).extend(grid('study', [(label, m, kw)], b, n_seeds))
    rows = []
    with local_cluster(2) as c:
        for o, runs in groups.items():
            rows += run_experiments(f'study-{study}' + ''.join(f"-{k}{v:g}" for k, v in o), runs, data, dict(cfg, train={**cfg['train'], **dict(o)}), out,
                                    scheduler=c.scheduler_address)
    val = {x['method']: x for x in summary(rows, split='val')}; test = {x['method']: x for x in summary(rows, split='test')}
    print('\n| variant | budget | val mIoU | test mIoU | seeds |\n|---|---|---|---|---|')
    for label, m, b, kw, _ in variants:
        v, t = val[label], test[label]
        print(f"| {label} | {b} | {v['mean']:.3f} ± {v['std']:.3f} | {t['mean']:.3f} ± {t['std']:.3f} | {t['n']} |")
    # per class (test IoU, mean over seeds; in brackets the seeds where the class scored 0): a class missed on one seed moves the foreground mean
    classes = list(dict.fromkeys(r['class'] for r in rows if r['split'] == 'test' and r['metric'] == 'iou' and r['class'] not in ('mean', 'background')))
    print('\n| variant | ' + ' | '.join(classes) + ' |\n|---|' + '---|' * len(classes))
    for label, m, b, kw, _ in variants:
        cells = []
        for k in classes:
            v = [float(r['value']) for r in rows if r['method'] == label and r['split'] == 'test' and r['metric'] == 'iou' and r['class'] == k and r['value'] != '']
            cells.append(f"{sum(v) / len(v):.3f}" + (f" ({sum(x == 0 for x in v)} at 0)" if any(x == 0 for x in v) else '') if v else '')
        print(f"| {label} | " + ' | '.join(cells) + ' |')

if __name__ == '__main__': main()
