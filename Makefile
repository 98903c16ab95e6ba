# graph071: `make run` builds the graph and writes a map; `make test` runs the whole suite
# against a real Neo4j and a real headless Chromium. Both work on a fresh clone.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    := out

.PHONY: run test install dev browser neo4j neo4j-stop bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

run: install
	$(BIN)/graph071 summary
	mkdir -p $(OUT)
	$(BIN)/graph071 map -o $(OUT)/graph071.html

dev: $(VENV)/.dev-installed

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
browser:
	@command -v chromium >/dev/null 2>&1 || scripts/install-chromium.sh

# A real Neo4j 5.26 built from Maven Central artifacts, started on a free loopback port.
neo4j: dev
	$(BIN)/python scripts/neo4j/neo4j_local.py fetch
	@eval "$$($(BIN)/python scripts/neo4j/neo4j_local.py start)" && echo "Neo4j draait: $$NEO4J_URI (stop: make neo4j-stop)"

neo4j-stop:
	$(BIN)/python scripts/neo4j/neo4j_local.py stop

test: dev browser
	scripts/test.sh

bench: dev browser
	scripts/bench.sh

clean:
	-$(BIN)/python scripts/neo4j/neo4j_local.py stop 2>/dev/null
	rm -rf $(VENV) $(OUT) .neo4j-run .neo4j-test .pytest_cache test-artifacts
