# Næringspuls — the two commands a new machine needs: `make run` and `make test`.
PYTHON      ?= python3
VENV        := .venv
PY          := $(VENV)/bin/python
DB          ?= data/naering.duckdb
RAW         := data/raw
PORT        ?= 8501
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
ETL_SOURCES := $(shell find etl -name '*.py' -o -name '*.sql' -o -name '*.toml' 2>/dev/null)
# Not hidden files, nor the upload journal (data/raw/.pending/) of a request in progress.
RAW_FILES   := $(shell find $(RAW) -type f -not -name '.*' -not -path '*/.*' 2>/dev/null)
CORRECTIONS := $(or $(NAERINGSPULS_CORRECTIONS),data/corrections.jsonl)

.PHONY: run test install install-test system-deps render-deps oidc-deps db benchmark evaluate clean help

help:
	@echo "make run        install into .venv, build $(DB) if needed, start the dashboard on 127.0.0.1:$(PORT) (all interfaces with login)"
	@echo "make test       install test extras and Chromium, run the whole test suite"
	@echo "make db         (re)build $(DB) from $(RAW) when inputs changed"
	@echo "make evaluate   precision/recall of the extraction against the golden files"
	@echo "make benchmark  run the benchmark scripts (see docs/benchmarks.md)"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Debian's Chromium renders chart exports (kaleido) and runs the browser tests;
# fonts-dejavu gives æøå in exported PNG/PDF files.
system-deps:
	@if command -v chromium >/dev/null 2>&1 && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
		echo "chromium: $$(command -v chromium)"; \
	elif command -v apt-get >/dev/null 2>&1; then \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	else \
		echo "Chromium is missing: install Debian's 'chromium' package for PNG/SVG/PDF exports"; \
	fi

# The board pack tests render the PowerPoint as a reader sees it: LibreOffice converts it to PDF and
# pdftoppm (poppler-utils) rasterises it; Carlito has Calibri's metrics, so text wraps as in Office.
# Only for `make test` (the dashboard itself never needs them).
render-deps:
	@if command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && fc-list | grep -q Carlito; then \
		echo "soffice: $$(command -v soffice), pdftoppm: $$(command -v pdftoppm)"; \
	elif command -v apt-get >/dev/null 2>&1; then \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
			libreoffice-impress poppler-utils fonts-crosextra-carlito >/dev/null; \
	else \
		echo "LibreOffice and pdftoppm are missing: install 'libreoffice-impress' and 'poppler-utils' for the board pack tests"; \
	fi

# Rebuilt when minutes, corrections or ETL code change; the build itself skips unchanged files.
# A bad file is reported but does not stop the dashboard from starting.
$(DB): $(VENV)/.installed $(RAW_FILES) $(ETL_SOURCES) $(wildcard $(CORRECTIONS))
	$(PY) -m etl build --input $(RAW) --db $(DB) || echo "Some minutes could not be loaded (see above); the rest is in $(DB)."
	@if [ -f $(DB) ]; then touch $(DB); fi

db: $(DB)

# The dashboard works without Chromium (exports fall back to CSV/Excel), so a
# failed install (no sudo, no network) only warns here; `make test` insists.
# dashboard.launch runs `streamlit run dashboard/serve.py` on 127.0.0.1 unless login is
# configured ([auth] in .streamlit/secrets.toml); NAERINGSPULS_ADDRESS=… asks for another address.
run: install $(DB)
	@$(MAKE) --no-print-directory system-deps || echo "Chromium could not be installed: PNG/SVG/PDF exports are off until 'apt-get install chromium'."
	NAERINGSPULS_DB=$(DB) $(PY) -m dashboard.launch --port $(PORT)

# The login tests run a real OIDC provider (npm's oidc-provider, pinned in tests/oidc/package-lock.json).
tests/oidc/node_modules/.package-lock.json: tests/oidc/package.json tests/oidc/package-lock.json
	@command -v npm >/dev/null 2>&1 || $(SUDO) apt-get install -y -qq nodejs npm >/dev/null
	npm ci --prefix tests/oidc --no-audit --no-fund --loglevel=error

oidc-deps: tests/oidc/node_modules/.package-lock.json

test: install-test system-deps render-deps oidc-deps
	$(PY) -m pytest -n 2 --dist loadgroup

evaluate: install
	$(PY) -m etl evaluate

benchmark: install-test system-deps $(DB)
	$(PY) benchmarks/bench_build.py
	$(PY) benchmarks/bench_pages.py
	$(PY) benchmarks/bench_first_render.py --db $(DB)
	$(PY) benchmarks/bench_export.py
	$(PY) benchmarks/bench_limits.py
	$(PY) benchmarks/bench_capacity.py --db /tmp/naeringspuls-bench-capacity.duckdb

clean:
	rm -rf $(VENV) $(DB) data/.naering.duckdb.* test-artifacts
