# Two commands do all set-up on a fresh machine (see README):
#   make example   – install into .venv and check the bundled example plans
#   make test      – install into .venv (with dev tools) and run the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: example test lint install system-deps benchmark-deps benchmark accuracy clean

$(BIN)/plansjekk: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/plansjekk

install: $(BIN)/plansjekk

# Debian packages used by the browser test (chromium), the benchmarks (pdftotext) and the
# acceptance tests (qpdf makes password-protected PDFs).
system-deps:
	@command -v chromium >/dev/null && command -v pdftotext >/dev/null && command -v ocrmypdf >/dev/null && command -v qpdf >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils ocrmypdf tesseract-ocr-nor qpdf >/dev/null)

example: install
	@$(BIN)/plansjekk check examples/plans/; status=$$?; \
	  echo "(exitkode $$status – 1 betyr at minst én eksempelplan har mangler, slik det skal være)"; \
	  test $$status -le 1

test: install system-deps
	$(BIN)/ruff check src tests benchmarks examples
	$(BIN)/pytest -q

# LibreOffice's headless Writer turns the generated benchmark plans into PDF.
benchmark-deps:
	@command -v soffice >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui >/dev/null)

# Generates the plans once (kept in benchmarks/_data/), then prints the README's figures.
benchmark: install system-deps benchmark-deps
	$(BIN)/python benchmarks/make_plans.py
	$(BIN)/python benchmarks/speed.py

accuracy: install
	$(BIN)/python benchmarks/accuracy.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
