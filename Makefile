# Everyday commands. Each one creates or refreshes .venv by itself.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site serve test check offline bench clean

site: $(STAMP)            ## build the website into site/
	$(BIN)/builder build

serve: $(STAMP)           ## preview at http://127.0.0.1:8000/ while editing
	$(BIN)/builder serve

test: $(STAMP)            ## run the whole test suite
	$(BIN)/python -m pytest

check: $(STAMP)           ## check content/ and site_config/ without building
	$(BIN)/builder check

clean:
	rm -rf docs site dist .cache .docs.new .site.new

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	@$(PYTHON) -m venv $(VENV) || { echo "Cannot create .venv: on Debian/Ubuntu install python3-venv (sudo apt install python3-venv)"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)
