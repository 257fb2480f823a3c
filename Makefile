# The two commands of the README: `make serve` and `make test`.
# Both build their own virtual environment in .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8866
# The address participants reach the course at, for the QR code (e.g. http://10.0.0.5:8866).
PUBLIC_URL ?=
STAMP  := $(VENV)/.installed

.PHONY: serve test bytecode chromium libreoffice clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Byte-compiled once here, so each page's kernel does not compile the course again.
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q course widgets >/dev/null

serve: bytecode
	$(BIN)/python -m course.serve --host $(HOST) --port $(PORT) --public-url "$(PUBLIC_URL)"

# Debian's chromium for the browser tests (Playwright's own download cannot work here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installerer chromium (Debian) til browsertestene …"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's LibreOffice (Writer, no GUI) lays out the Word documents in a test.
libreoffice:
	@command -v soffice >/dev/null 2>&1 || { \
	  echo "Installerer LibreOffice (Debian) til testen af Word-dokumenterne …"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    libreoffice-writer-nogui >/dev/null; }

# Lint and formatting first (ruff, configured in pyproject.toml), then the whole suite.
test: bytecode chromium libreoffice
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache
