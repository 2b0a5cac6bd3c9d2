# Two commands: `make run` and `make test`. Everything else is what they need.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint index eval bench bench-recall screenshots clean

setup: $(STAMP)

# torch is installed first and pinned: an unpinned torch pulls gigabytes of CUDA packages.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: setup
	$(BIN)/ofsted-qa

test: setup lint
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

index: setup
	$(BIN)/ofsted-qa index

# The seed questions on index/, and with ../shared/ofsted-ilacs present the corpus questions, the
# seed questions again and council precision@5 over seeds + corpus, indexed once into
# ~/.cache/ofsted-qa/eval-index/corpus (incremental; ~15 min from scratch, seconds when fresh).
eval: setup
	$(BIN)/ofsted-qa eval

bench: setup
	$(BIN)/python bench/run.py

# Recall on a million real embeddings: over an hour on 2 cores, resumable (bench/real_recall.py).
bench-recall: setup
	$(BIN)/python bench/real_recall.py
	$(BIN)/python bench/run.py --summary-only

screenshots: setup
	$(BIN)/python -m ofsted_qa.tui.screenshots docs

clean:
	rm -rf $(VENV) index/current index/.build-*

# Reading real PDFs (issue 16): libraries, fidelity, facts vs the CSV, furniture, speed (~7 min).
.PHONY: bench-reading
bench-reading: setup
	$(BIN)/python bench/reading.py
