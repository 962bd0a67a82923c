# Everyday commands. Each one creates or refreshes .venv by itself.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site serve test check offline bench bench-extract bench-entities clean

site: $(STAMP)            ## build the website into site/
	$(BIN)/builder build

serve: $(STAMP)           ## preview at http://127.0.0.1:8000/ while editing
	$(BIN)/builder serve

test: $(STAMP)            ## run the whole test suite
	$(BIN)/python -m pytest

check: $(STAMP)           ## check content/ and site_config/ without building
	$(BIN)/builder check

offline: $(STAMP)         ## zip the website for reading with no network: dist/<site-name>-offline.zip
	$(BIN)/builder bundle

BBC ?= $(firstword $(wildcard ../shared/corpora/bbc-news ../../shared/corpora/bbc-news))
bench: $(STAMP)           ## benchmarks (issues 7, 18) -> benchmarks/RESULTS.md; about 30 minutes (BBC=folder of real articles)
	$(BIN)/python -m benchmarks.run $(if $(BBC),--real $(BBC))

AEB ?= $(firstword $(wildcard ../shared/corpora/aeb-dev ../../shared/corpora/aeb-dev))
bench-extract: $(STAMP)   ## extraction on real pages (a folder with text/ + gold.json: AEB=path)
	$(BIN)/python -m benchmarks.extraction $(AEB)
	$(if $(wildcard $(AEB)/html/.),$(BIN)/python -m benchmarks.extraction $(AEB) --html)

bench-entities: $(STAMP)  ## people, organisations, places against hand-marked news (DATA=folder like conll-dev)
	$(BIN)/python -m benchmarks.entities $(if $(DATA),--data $(DATA)) $(if $(SPEED),--speed $(SPEED))

clean:
	rm -rf docs site dist .cache .build.lock .docs.new .docs.ready .docs.old .site.new .site.ready .site.old

$(STAMP): pyproject.toml package-lock.json
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	@$(PYTHON) -m venv $(VENV) || { echo "Cannot create .venv: on Debian/Ubuntu install python3-venv (sudo apt install python3-venv)"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@# axe-core for the browser tests' accessibility checks; they are skipped without it.
	@if command -v npm >/dev/null 2>&1; then npm ci --silent --no-audit --no-fund; \
	 else echo "npm not found: the accessibility checks will be skipped (sudo apt install npm)"; fi
	@touch $(STAMP)
