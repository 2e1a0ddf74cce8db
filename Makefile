# `make demo` sets everything up and converts the bundled samples; `make test` runs the checks;
# `make bench` compares newsnorm with its peers (benchmarks/results.md, results.png).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
PLUGINS := $(wildcard plugins/*/pyproject.toml)
INSTALLED := $(VENV)/.installed
# ajv (JavaScript's common JSON Schema validator) for the test that compiles schemas/ in its
# strict mode; pinned by tests/ajv/package-lock.json, installed beside the venv, not committed.
AJV := .cache/ajv/node_modules/.package-lock.json

.PHONY: install ajv demo test lint format schema bench bench-scale clean

install: $(INSTALLED)

$(INSTALLED): pyproject.toml $(PLUGINS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]' $(foreach p,$(PLUGINS),-e $(dir $(p)))
	touch $@

# Without npm the test that needs ajv skips, saying why; nothing else depends on it.
ajv: $(AJV)

$(AJV): tests/ajv/package.json tests/ajv/package-lock.json
	@if command -v npm >/dev/null; then \
		mkdir -p .cache/ajv && cp tests/ajv/package.json tests/ajv/package-lock.json .cache/ajv/ && \
		npm ci --prefix .cache/ajv --no-audit --no-fund --silent; \
	else echo "npm not found: the ajv schema test will be skipped"; fi

demo: $(INSTALLED)
	$(BIN)/newsnorm plugins
	$(BIN)/newsnorm convert $(SHARED)/samples/text/ --explain -o demo-output/articles.jsonl
	$(BIN)/newsnorm validate demo-output/articles.jsonl
	@echo "Wrote demo-output/articles.jsonl; first record:"
	@head -n 1 demo-output/articles.jsonl | $(BIN)/python -m json.tool --no-ensure-ascii
	$(BIN)/python benchmarks/corpus_archive.py --shared $(SHARED) --records 60 demo-output/crawl.warc.gz
	$(BIN)/python benchmarks/corpus_archive.py --shared $(SHARED) --records 60 demo-output/pages.jsonl
	$(BIN)/newsnorm convert demo-output/crawl.warc.gz -o demo-output/crawl.jsonl.gz --errors demo-output/errors.jsonl
	$(BIN)/newsnorm convert demo-output/pages.jsonl --html-field html --url-field url -o demo-output/pages-articles.jsonl
	@echo "Wrote demo-output/crawl.jsonl.gz and demo-output/pages-articles.jsonl (60 pages each)"

# Each plugin in plugins/ is also checked as its author would (`newsnorm check-plugin`), by
# the names of its `newsnorm` entry points, read from its pyproject.toml.
ENTRY_POINT_NAMES := import sys, tomllib; \
	print(*tomllib.load(open(sys.argv[1], "rb"))["project"]["entry-points"]["newsnorm"])

test: $(INSTALLED) $(AJV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@for pyproject in $(PLUGINS); do \
		names=$$($(BIN)/python -c '$(ENTRY_POINT_NAMES)' $$pyproject) || exit 1; \
		for name in $$names; do \
			echo "newsnorm check-plugin $$name"; \
			$(BIN)/newsnorm check-plugin $$name || exit 1; \
		done; \
	done
	$(BIN)/python -m pytest

# On demand, not in CI: newsnorm beside trafilatura, readability-lxml and newspaper4k.
bench: $(INSTALLED)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	cd benchmarks && ../$(BIN)/python compare.py --shared $(abspath $(SHARED))
	cd benchmarks && ../$(BIN)/python language_ids.py --shared $(abspath $(SHARED))
	cd benchmarks && ../$(BIN)/python startup.py --shared $(abspath $(SHARED))
	cd benchmarks && ../$(BIN)/python learn_gain.py --shared $(abspath $(SHARED)) --scratch $(abspath demo-output)/learn-gain

# On demand: converting web archives of 2,000 and 20,000 records, 1 worker, every core,
# and a Dask LocalCluster of as many worker processes; then the memory of the same runs into
# a Parquet file beside JSON Lines (its table goes into docs/formats.md).
bench-scale: $(INSTALLED)
	$(BIN)/python -m pip install --quiet -e '.[bench,dask,parquet]'
	cd benchmarks && ../$(BIN)/python scale.py --shared $(abspath $(SHARED))
	cd benchmarks && ../$(BIN)/python learn_scale.py --shared $(abspath $(SHARED))
	cd benchmarks && ../$(BIN)/python dedup_scale.py --shared $(abspath $(SHARED))
	cd benchmarks && ../$(BIN)/python parquet_memory.py --shared $(abspath $(SHARED))

format: $(INSTALLED)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

schema: $(INSTALLED)
	$(BIN)/python -m newsnorm.schema > schemas/article.v1.json
	$(BIN)/python -m newsnorm.profiles.schema > schemas/profile.v1.json

clean:
	rm -rf $(VENV) demo-output .cache
