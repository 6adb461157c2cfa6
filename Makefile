# Two commands do all the set-up on a fresh clone: `make reproduce` and `make test`.
PY    ?= python3
VENV  := .venv
BIN   := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO  ?= demo

.PHONY: install test reproduce demo sync-check golden

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

# nbdev-test runs every notebook in nbs/ (slow and cuda cells skipped); pytest runs the CLI tests (exit 5 = no tests).
test: $(STAMP)
	$(BIN)/nbdev-test --n-workers 2
	@$(BIN)/python -m pytest -q tests; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest: no tests collected"; rc=0; fi; exit $$rc

# The main job: every paper's reproduction notebook, executed with papermill, on the embedded synthetic data.
# SCALE=smoke proves the path in a few minutes; SCALE=cpu gives the numbers (see README for times). Re-running continues.
SCALE ?= cpu
OUT   ?= repro-$(SCALE)
reproduce: $(STAMP)
	$(BIN)/mlds-repro reproduce --paper all --scale $(SCALE) --out $(OUT)

# A quick tour of the command line: data, checks, figures, scoring, and a short training run (resumed when run again).
demo: $(STAMP)
	$(BIN)/mlds-repro data synth-oct --n 200 --size 128 --seed 0 --out $(DEMO)/synth-oct --overwrite
	$(BIN)/mlds-repro data synth-cxr --n 100 --size 128 --seed 0 --out $(DEMO)/synth-cxr --overwrite
	$(BIN)/mlds-repro data weak $(DEMO)/synth-oct --overwrite
	$(BIN)/mlds-repro data check $(DEMO)/synth-oct
	$(BIN)/mlds-repro data show $(DEMO)/synth-oct --out $(DEMO)/synth-oct.png --n 8
	$(BIN)/mlds-repro data show $(DEMO)/synth-cxr --out $(DEMO)/synth-cxr.png --n 8
	$(BIN)/mlds-repro evaluate --pred $(DEMO)/synth-oct/masks --gt $(DEMO)/synth-oct/masks --dataset $(DEMO)/synth-oct --out $(DEMO)/metrics_identity.json
	$(BIN)/mlds-repro train --data $(DEMO)/synth-oct --method supervised --budget full=1 --epochs 8 --steps-per-epoch 25 \
		--size 96 --width 8 --lr 3e-3 --out $(DEMO)/train-supervised --resume

# nbdev-export and nbdev-clean must leave no diff.
sync-check: $(STAMP)
	$(BIN)/nbdev-export
	$(BIN)/nbdev-clean
	@if [ -n "$$(git status --porcelain)" ]; then echo "nbdev-export / nbdev-clean changed files:"; git status --porcelain; git --no-pager diff --stat; exit 1; fi

# Renew the golden record (mlds_repro/golden.json) after raising NUMERICS or a method's version on purpose (see nbs/07a_runs.ipynb).
golden: $(STAMP)
	$(BIN)/python -c "from mlds_repro.runs import write_golden; print('wrote', write_golden())"
