#!/usr/bin/env bash
# Run the whole suite: start a private Neo4j (unless NEO4J_URI points at one), run pytest, stop it.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
RUNDIR=.neo4j-test
started=""
cleanup() { if [ -n "$started" ]; then "$BIN/python" scripts/neo4j/neo4j_local.py stop --dir "$RUNDIR" >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT
if [ -z "${NEO4J_URI:-}" ]; then
  "$BIN/python" scripts/neo4j/neo4j_local.py fetch
  rm -rf "$RUNDIR"
  eval "$("$BIN/python" scripts/neo4j/neo4j_local.py start --dir "$RUNDIR")"
  export GRAPH071_NEO4J_RUNDIR="$RUNDIR"
  started=1
fi
export GRAPH071_CHROMIUM="${GRAPH071_CHROMIUM:-$(command -v chromium || true)}"
mkdir -p test-artifacts
"$BIN/python" -m pytest -q "$@"
