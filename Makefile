# `make demo` sets everything up and converts the bundled samples; `make test` runs the checks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
PLUGINS := $(wildcard plugins/*/pyproject.toml)
INSTALLED := $(VENV)/.installed

.PHONY: install demo test lint format schema clean

install: $(INSTALLED)

$(INSTALLED): pyproject.toml $(PLUGINS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]' $(foreach p,$(PLUGINS),-e $(dir $(p)))
	touch $@

demo: $(INSTALLED)
	$(BIN)/newsnorm plugins
	$(BIN)/newsnorm convert $(SHARED)/samples/text/ --explain -o demo-output/articles.jsonl
	$(BIN)/newsnorm validate demo-output/articles.jsonl
	@echo "Wrote demo-output/articles.jsonl; first record:"
	@head -n 1 demo-output/articles.jsonl | $(BIN)/python -m json.tool --no-ensure-ascii

test: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

format: $(INSTALLED)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

schema: $(INSTALLED)
	$(BIN)/python -m newsnorm.schema > schemas/article.v1.json

clean:
	rm -rf $(VENV) demo-output
