# The two commands a maintainer needs (see README.md):
#   make serve   build every language and serve it on http://127.0.0.1:8000 with live reload
#   make test    install what the tests need, build with --strict, run every test
# Everything installs into .venv from pinned requirements; Debian packages come from apt-get.

VENV   := .venv
PY     := $(VENV)/bin/python
VNU_JAR := tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test system-packages bench clean translations outdated stamp reading-level urls fonts preview-images

serve: $(VENV)/.build-installed
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(VENV)/.build-installed
	@[ -x /usr/bin/chromium ] || $(MAKE) --no-print-directory system-packages  # the printable PDFs need Chromium
	$(PY) -m mkdocs build --strict

test: $(VENV)/.test-installed system-packages $(VNU_JAR)
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

# The W3C Nu HTML checker for tests/test_valid_html.py: vnu.jar from npm (pinned in tools/vnu/package-lock.json), run by
# Debian's Java. --ignore-scripts: the package's install script would download a Java of its own if none were found.
$(VNU_JAR): tools/vnu/package.json tools/vnu/package-lock.json
	@command -v java >/dev/null || { echo "Installing Debian packages: default-jre-headless"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }
	@command -v npm >/dev/null || { echo "Installing Debian packages: npm"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	cd tools/vnu && npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $@

# Debian's Chromium (browser tests), nginx and its brotli module (served with the generated security headers and
# .br copies), zbar and poppler (printables); installed only when missing. Tools that download their own browser
# cannot work here.
SYSTEM_TOOLS := /usr/bin/chromium /usr/sbin/nginx /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
system-packages:
	@missing=""; for tool in $(SYSTEM_TOOLS); do [ -e $$tool ] || missing=yes; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: chromium nginx-light libnginx-mod-http-brotli-static"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium nginx-light libnginx-mod-http-brotli-static >/dev/null; \
	fi

# Benchmark against stock Material (not part of the tests): prints a table, writes build/bench.json.
bench: $(VENV)/.test-installed system-packages
	$(PY) scripts/commands/bench.py

# Maintenance commands (none runs during a build; the README lists them).
translations: $(VENV)/.build-installed   ## how many pages each language has reviewed, machine-translated, outdated, missing
	$(PY) scripts/commands/translations.py status
outdated: $(VENV)/.build-installed       ## the translations whose English page changed since they were made
	$(PY) scripts/commands/translations.py outdated
stamp: $(VENV)/.build-installed          ## make stamp FILES="docs/x.pl.md …": these now translate the current English
	$(PY) scripts/commands/translations.py stamp $(FILES)
reading-level: $(VENV)/.test-installed   ## reading age of each English page
	$(PY) scripts/commands/reading_level.py
urls: $(VENV)/.build-installed           ## every address the built site answers (for data/published-urls.txt)
	$(PY) scripts/commands/urls.py
fonts: $(VENV)/.test-installed           ## remake the Urdu font subsets after new Urdu letters
	$(PY) scripts/commands/subset_urdu_font.py
preview-images: $(VENV)/.test-installed system-packages  ## redraw the link-preview images
	$(PY) scripts/commands/preview_images.py
.PHONY: language
language: $(VENV)/.build-installed       ## make language CODE=de: a new language's files, after its block in mkdocs.yml
	$(PY) scripts/commands/scaffold_language.py $(CODE)

clean:
	rm -rf site build .cache .pytest_cache
