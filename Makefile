# The two commands: `make run` (the product) and `make test` (the tests).
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export CMAKE_BUILD_PARALLEL_LEVEL ?= 2

.PHONY: run test install models demo lint typecheck browsers bench eval clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch first, pinned: it installs from the machine's local CPU wheel
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# the trained models, built from files in the repo (seeded; a no-op when already cached);
# the extraction filter first: the ranker trains on the attributes it keeps
models: install
	$(BIN)/shopmage train understanding
	$(BIN)/shopmage train extraction
	$(BIN)/shopmage train ranker
	$(BIN)/shopmage train gate

demo: models
	$(BIN)/shopmage demo build --if-missing

run: demo
	$(BIN)/shopmage serve --host 127.0.0.1 --port 8000

browsers:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

test: models browsers
	# both cores for the suite, longest groups first (tests/scheduling.py); the few tests that
	# assert a wall-clock bound then run alone (the browser store is cached: tests/web/store_cache.py),
	# collected from the files that mark them (collecting every test again cost ~20 s CPU under load)
	SHOPMAGE_TEST_POSTGRES_URL=$$(scripts/postgres-for-tests.sh) sh -c '\
	  $(BIN)/python -m pytest -q -n 2 --dist loadgroup --no-loadscope-reorder --durations=15 -m "not timing" && $(BIN)/python -m pytest -q -m timing $$(grep -rl --include="*.py" "mark.timing" tests)'

# ruff's rules (pyproject.toml); the code is wrapped by hand, not by a formatter
lint: install
	$(BIN)/ruff check .

typecheck: install
	$(BIN)/mypy

clean:
	rm -rf $(VENV) data test-output

# Fuzz the running server's OpenAPI schema (issue target: 0 server errors).
fuzz: demo
	$(BIN)/python -m evals.fuzz_api
