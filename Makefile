# The two commands a maintainer needs (see README.md):
#   make serve   build every language and serve it on http://127.0.0.1:8000 with live reload
#   make test    install what the tests need, build with --strict, run every test
# Everything installs into .venv from pinned requirements; Debian packages come from apt-get.

VENV   := .venv
PY     := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test system-packages bench clean

serve: $(VENV)/.build-installed
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(VENV)/.build-installed
	@[ -x /usr/bin/chromium ] || $(MAKE) --no-print-directory system-packages  # the printable PDFs need Chromium
	$(PY) -m mkdocs build --strict

test: $(VENV)/.test-installed system-packages
	$(PY) -m mkdocs build --strict
	@command -v pdftoppm >/dev/null && command -v zbarimg >/dev/null || { echo "Installing Debian packages: poppler-utils zbar-tools"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils zbar-tools >/dev/null; }  # the printables' tests
	$(PY) -m pytest

$(VENV)/bin/python:
	python3 -m venv $(VENV)

$(VENV)/.build-installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements.txt requirements-test.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $(VENV)/.build-installed $@

# Debian's Chromium (browser tests), nginx (served with the generated security headers), zbar and poppler
# (printables); installed only when missing. Tools that download their own browser cannot work here.
SYSTEM_TOOLS := /usr/bin/chromium /usr/sbin/nginx
system-packages:
	@missing=""; for tool in $(SYSTEM_TOOLS); do [ -x $$tool ] || missing=yes; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: chromium nginx-light"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium nginx-light >/dev/null; \
	fi

# Benchmark against stock Material (not part of the tests): prints a table, writes build/bench.json.
bench: $(VENV)/.test-installed system-packages
	$(PY) scripts/bench.py

clean:
	rm -rf site build .cache .pytest_cache
