# Two commands on a fresh Debian machine: `make run` and `make test`.
# Everything lives in .venv; Debian packages are installed only where a target needs them.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The suite runs on TEST_WORKERS processes (pytest-xdist's -n; 0: in make's own process).
TEST_WORKERS ?= 2

.PHONY: run test test-archive lint typecheck unit venv bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e ".[test,bench,faces]"
	touch $(STAMP)

venv: $(STAMP)

## make run: set up, then start the service (API and console) on SQLite in .safeguard/ at
## http://127.0.0.1:8000. The first start creates the database and prints how to create the
## first admin key (safeguard keys create --role admin).
## make run PORT=8080 HOST=0.0.0.0: somewhere else (or set SAFEGUARD_PORT / SAFEGUARD_HOST).
run: $(STAMP)
	$(BIN)/safeguard serve $(if $(HOST),--host $(HOST)) $(if $(PORT),--port $(PORT))

## make test: set up, lint, type-check, run the test suite.
test: $(STAMP) lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	@# The console's browser test runs in Debian's chromium (Playwright downloads nothing);
	@# the triage tests build FAT, exFAT, ext4, NTFS, MBR/GPT and E01 images with Debian's tools;
	@# the place-linking tests use opencv-doc's sample pairs (Graffiti, Leuven, aloe).
	@missing=""; \
	for tool in chromium:chromium mkfs.vfat:dosfstools mcopy:mtools mkfs.ext4:e2fsprogs \
	            sfdisk:fdisk ewfacquire:ewf-tools mkntfs:ntfs-3g mkfs.exfat:exfatprogs; do \
	  command -v $${tool%%:*} >/dev/null || PATH="$$PATH:/sbin:/usr/sbin" command -v $${tool%%:*} >/dev/null \
	    || missing="$$missing $${tool##*:}"; \
	done; \
	[ -d /usr/share/doc/opencv-doc/examples/data ] || missing="$$missing opencv-doc"; \
	if [ -n "$$missing" ]; then apt-get update && apt-get install -y $$missing; fi
	@# One BLAS and one OpenCV thread a test process, as the service runs them (cli/app.py,
	@# cli/serve.py): the suite already runs a process a core.
	@# The archived generators' property tests are left out (tests/bench/conftest.py).
	OPENBLAS_NUM_THREADS=1 OPENCV_FOR_THREADS_NUM=1 $(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile \
	  -m "not archive"

## make test-archive: the archived place generators' property tests (about 4 CPU-minutes).
test-archive: $(STAMP)
	OPENBLAS_NUM_THREADS=1 OPENCV_FOR_THREADS_NUM=1 $(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile \
	  -m archive tests/bench

bench: $(STAMP)
	$(BIN)/python -m bench.hashing

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
