# Two commands matter to a reader: `make book` and `make test`. Both set up
# .venv from requirements.txt on first use and are quick on a second run.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Notebooks are executed and verified with one BLAS/torch thread each, so the
# committed outputs and nbval's re-run do the same arithmetic in the same order
# (nbval runs two notebooks at a time, one per core).
export OMP_NUM_THREADS := 1
export OPENBLAS_NUM_THREADS := 1
export MKL_NUM_THREADS := 1
export PYTHONHASHSEED := 0
export MPLBACKEND := module://matplotlib_inline.backend_inline
export PYDEVD_DISABLE_FILE_VALIDATION := 1

BOOK_NOTEBOOKS = $(shell find book -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' | sort)
LAB_MASTERS = $(sort $(wildcard labs/*/*-master.ipynb))
LAB_DIRS = $(patsubst %/,%,$(sort $(dir $(LAB_MASTERS))))
# A cell may take minutes under baseline kernels (the language-model page trains for up to
# 180 s natively; LSTM kernels run 3.6x slower without AVX), so the limit is generous.
CELL_TIMEOUT ?= 900
JOBS ?= 2

# Baseline kernels for the portability check: every numerical library forced to
# its most generic code path (no AVX2/AVX-512 in NumPy, OpenBLAS, ATen, MKL,
# oneDNN). Committed text that survives both this and the native run is the
# same on any x86 CPU a reader or CI may have.
PORTABLE_ENV := ATEN_CPU_CAPABILITY=default MKL_CBWR=COMPATIBLE ONEDNN_MAX_CPU_ISA=SSE41 \
  OPENBLAS_CORETYPE=Sandybridge NPY_DISABLE_CPU_FEATURES="X86_V3 X86_V4 AVX512_ICL AVX512_SPR"
# Notebooks nbval checks: all of them, longest first by the status page's timings (so that
# neither worker ends alone on a long one), or NB=path/to.ipynb (several, space-separated).
NBVAL_TARGETS = $(or $(NB),$(shell $(PYTHON) scripts/order_by_time.py $(BOOK_NOTEBOOKS) $(LAB_MASTERS)),$(BOOK_NOTEBOOKS) $(LAB_MASTERS))
NBVAL = MLBOOK_QUIET=1 $(BIN)/python -m pytest -q -p no:cacheprovider -n $(JOBS) --dist loadscope --no-loadscope-reorder \
  --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-cell-timeout $(CELL_TIMEOUT)

.PHONY: setup book book-strict test test-book-and-site test-unit test-notebooks test-portable test-site execute labs grade grade-class autograder lab bench clean

# TORCH_INDEX=cpu: take PyTorch's CPU-only build from PyTorch's own index (a few hundred MB)
# instead of PyPI's Linux wheel, which bundles CUDA (several GB). Unset: PyPI only.
TORCH_INDEX ?=
PIP_TORCH_INDEX = $(if $(TORCH_INDEX),--extra-index-url https://download.pytorch.org/whl/$(TORCH_INDEX))

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: $(PYTHON) was not found (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(PIP_TORCH_INDEX) -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (mlbook)" >/dev/null
	touch $(STAMP)

## book: build the website into _build/html from the committed notebook outputs
book: setup
	$(BIN)/jupyter-book build . --builder html
	@echo "Open _build/html/index.html in a browser (or: $(BIN)/python -m http.server -d _build/html 8000)."

## book-strict: the same build, nitpicky, every warning an error (part of `make test`)
book-strict: setup
	rm -rf _build/.doctrees
	$(BIN)/jupyter-book build . --builder html -W -n --keep-going

## test: the whole check suite: utils and labs beside the strict site build and the site in a
## browser; then nbval (strict) on every notebook, and the same again on baseline CPU kernels
# The unit and lab tests spend much of their time waiting on graders' kernels, so the
# single-threaded site build and browser check run beside them; the two nbval passes,
# which keep both cores busy, follow one after the other.
test: setup
	@$(MAKE) --no-print-directory --output-sync=target -j2 test-unit test-book-and-site
	@$(MAKE) --no-print-directory test-notebooks
	@$(MAKE) --no-print-directory test-portable
	@echo "make test: all checks passed"

test-book-and-site: book-strict
	@$(MAKE) --no-print-directory test-site

## test-site: every page of the built site in headless Chromium with the network blocked:
## math rendered, no JavaScript errors, links and anchors resolve, real alt text, no code
## block wider than its column (screenshots in _build/screenshots/)
test-site: setup
	@test -f _build/html/intro.html || $(MAKE) book
	@if [ -n "$(CHROMIUM)" ] || command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then \
	  $(BIN)/python scripts/check_site.py $(if $(CHROMIUM),--chromium $(CHROMIUM)); \
	else echo "SKIPPED: no chromium found (install: apt-get install chromium)"; fi

## test-unit: utils against references, and every lab graded both ways
test-unit: setup
	$(BIN)/python -m pytest -q -n $(JOBS) tests

## test-notebooks: nbval (strict) re-runs every notebook and compares it with its committed outputs
test-notebooks: setup
	$(NBVAL) $(NBVAL_TARGETS)

## test-portable: the same nbval pass with every numerical library on its baseline kernels,
## so that committed text which depends on the CPU's vector instructions fails here
test-portable: setup
	env $(PORTABLE_ENV) $(NBVAL) $(NBVAL_TARGETS)

## execute: re-run notebooks from a fresh kernel and save their outputs (NB=path for one)
execute: setup
	MLBOOK_QUIET=1 $(BIN)/python scripts/execute.py $(or $(NB),$(BOOK_NOTEBOOKS) $(LAB_MASTERS))

## labs: regenerate every lab's student version from its master notebook
labs: setup
	@for d in $(LAB_DIRS); do $(BIN)/python -m utils.grading assign $$d || exit 1; done

## grade: grade a finished lab locally, e.g. make grade NB=labs/01-logistic-regression/student/lab01.ipynb
## (LAB=labs/<lab> if the notebook's metadata is gone; TIMEOUT= seconds per cell and per question,
## TOTAL= seconds for the whole notebook, MEMORY= MB for the notebook's kernel)
GRADE_LIMITS = $(if $(TIMEOUT),--timeout $(TIMEOUT)) $(if $(TOTAL),--total-timeout $(TOTAL)) $(if $(MEMORY),--memory-mb $(MEMORY))
grade: setup
	@test -n "$(NB)" || { echo "usage: make grade NB=path/to/your-lab.ipynb [LAB=labs/<lab>] [TIMEOUT=s] [TOTAL=s] [MEMORY=MB]"; exit 2; }
	$(BIN)/python -m utils.grading grade "$(NB)" $(if $(LAB),--lab $(LAB)) $(GRADE_LIMITS)

## grade-class: grade a folder of notebooks into DIR/gradebook.csv (resumes; JOBS at a time)
grade-class: setup
	@test -n "$(DIR)" -a -n "$(LAB)" || { echo "usage: make grade-class DIR=submissions/ LAB=labs/<lab> [JOBS=2] [TIMEOUT=s] [TOTAL=s] [MEMORY=MB]"; exit 2; }
	$(BIN)/python -m utils.grading grade-class "$(DIR)" --lab $(LAB) --jobs $(JOBS) $(GRADE_LIMITS)

## autograder: otter's autograder zip of a lab for Gradescope or `otter grade`, e.g. LAB=labs/01-logistic-regression
autograder: setup
	@test -n "$(LAB)" || { echo "usage: make autograder LAB=labs/<lab> [OUT=dist]"; exit 2; }
	$(BIN)/python -m utils.grading autograder $(LAB) --out $(or $(OUT),dist)

## lab: open JupyterLab on the repository
lab: setup
	$(BIN)/jupyter lab

## bench: wall time and peak memory of every notebook (not a test; budget 60 s each)
bench: setup
	MLBOOK_QUIET=1 $(BIN)/python scripts/bench.py $(BOOK_NOTEBOOKS) $(LAB_MASTERS)

clean:
	rm -rf _build .pytest_cache
