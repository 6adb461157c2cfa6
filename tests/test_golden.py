"Every method's fixed-seed smoke run still computes what the golden record holds (run keys rely on it: see nbs/07a_runs.ipynb)."
from mlds_repro.runs import check_golden, GOLDEN_RUNS

def test_golden_record_matches_every_method():
    got = check_golden()  # raises, naming each run that moved, when numerics changed without a version raised
    assert set(got['runs']) == set(GOLDEN_RUNS)
