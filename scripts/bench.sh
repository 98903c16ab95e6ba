#!/usr/bin/env bash
# Run every benchmark in bench/ (each prints its own figures). Starts a private Neo4j for the
# benchmarks that need one, unless NEO4J_URI points at a server already.
# Usage: scripts/bench.sh [NAME ...]   e.g. scripts/bench.sh startup map
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
RUNDIR=.neo4j-bench
started=""
cleanup() { if [ -n "$started" ]; then "$BIN/python" scripts/neo4j/neo4j_local.py stop --dir "$RUNDIR" >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT
if [ -z "${NEO4J_URI:-}" ]; then
  rm -rf "$RUNDIR"
  eval "$("$BIN/python" scripts/neo4j/neo4j_local.py start --dir "$RUNDIR")"
  started=1
fi
mkdir -p out/bench
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for file in bench/*.py; do
    case "$(basename "$file")" in _*|synthetic*) continue ;; esac
    names+=("$(basename "$file" .py)")
  done
fi
for name in "${names[@]}"; do
  echo "== bench/$name.py"
  "$BIN/python" "bench/$name.py"
done
