"""How fast `graph071 neo4j push` writes: relationships per second, against a naive loader.

A synthetic graph of the bundled corpus' shape with at least 100,000
relationships (bench/synthetic.py) is pushed into the Neo4j server that
NEO4J_URI names (scripts/bench.sh starts a private one), as the real push does
it: one transaction, batched UNWIND statements. In the same run a naive loader
writes a slice of the same shape with one MERGE per transaction. Both rates
count every relationship over the whole wall time, nodes included. The push is
timed five times into an empty load, after two warm-up pushes, and the median
counts; every time is printed and written to out/bench/neo4j_push.json.

    scripts/bench.sh neo4j_push        # or, with a server of your own:
    GRAPH071_BENCH_REPLACE=1 .venv/bin/python bench/neo4j_push.py

Targets: at least 20,000 relationships per second, and 20 times the naive loader.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

from synthetic import programmes_for, synthetic_graph

from graph071.neo4j import codec
from graph071.neo4j.store import BATCH, Settings, push, session

RELATIONSHIPS = 100_000
WARMUPS = 2  # a fresh server still compiles on its second big write (about 20% slower)
PUSHES = 5  # measured pushes; the median counts
NAIVE_PROGRAMMES = 3  # about 1,100 relationships: enough for a steady rate, minutes at most
OUT = Path("out/bench/neo4j_push.json")


def naive_load(settings: Settings, programmes: int) -> tuple[int, float]:
    """Write a synthetic slice one MERGE per transaction; return (relationships, seconds).

    It writes under labels of its own (NaiveAction, ...) so it never meets
    graph071's load, and removes them afterwards.
    """
    graph = synthetic_graph(programmes, seed=7)
    nodes = [row for rows in codec.node_rows(graph).values() for row in rows]
    edges = [row for rows in codec.edge_rows(graph).values() for row in rows]
    labels = sorted({f"Naive{codec.label(row.kind)}" for row in nodes})
    with session(settings) as opened:
        # The same uniqueness constraints the real push has: a fair comparison.
        for name in labels:
            opened.run(f"CREATE CONSTRAINT {name.lower()}_id IF NOT EXISTS "
                       f"FOR (n:{name}) REQUIRE n.id IS UNIQUE").consume()
        started = time.perf_counter()
        for row in nodes:
            props = row.props()
            opened.execute_write(lambda tx: tx.run(
                f"MERGE (n:Naive{codec.label(row.kind)} {{id: $id}}) SET n = $props",
                id=row.id, props=props).consume())
        for row in edges:
            props = row.props()
            source, target = graph.nodes[row.source]["kind"], graph.nodes[row.target]["kind"]
            opened.execute_write(lambda tx: tx.run(
                f"MATCH (a:Naive{codec.label(source)} {{id: $source}}) "
                f"MATCH (b:Naive{codec.label(target)} {{id: $target}}) "
                f"MERGE (a)-[r:{codec.rel_type(row.kind)} {{g071_key: $key}}]->(b) SET r = $props",
                source=row.source, target=row.target, key=row.key, props=props).consume())
        seconds = time.perf_counter() - started
        opened.run("MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH 'Naive') "
                   "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
        for name in labels:
            opened.run(f"DROP CONSTRAINT {name.lower()}_id IF EXISTS").consume()
    return len(edges), seconds


def clear(settings: Settings) -> None:
    """Remove graph071's load, so every run starts from an empty database."""
    with session(settings) as opened:
        opened.run("MATCH (n:G071) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
        opened.run("MATCH (m:G071Load) DELETE m").consume()


def main() -> None:
    settings = Settings.from_env()
    with session(settings) as opened:
        loaded = opened.run("MATCH (m:G071Load) RETURN m.load AS load").single()
        agent = opened.run("CALL dbms.components() YIELD versions, edition "
                           "RETURN 'Neo4j ' + versions[0] + ' ' + edition AS agent").single()["agent"]
    if loaded and not os.environ.get("GRAPH071_BENCH_REPLACE"):
        sys.exit(f"{settings.uri} holds a graph071 load; the benchmark would replace it. Run it "
                 "through scripts/bench.sh (a private server) or set GRAPH071_BENCH_REPLACE=1.")
    clear(settings)
    # Warm-up with a graph of the same size: a fresh server compiles its hot paths
    # on the first big writes (the first takes nearly twice as long); a user's
    # server has done that long before they push.
    warmup = synthetic_graph(programmes_for(RELATIONSHIPS), seed=3)
    for _ in range(WARMUPS):
        push(warmup, settings=settings)
        clear(settings)

    programmes = programmes_for(RELATIONSHIPS)
    made = time.perf_counter()
    graph = synthetic_graph(programmes)
    made = time.perf_counter() - made
    rels, nodes = graph.number_of_edges(), graph.number_of_nodes()
    print(f"synthetic graph: {programmes} programmes, {nodes:,} nodes, {rels:,} relationships "
          f"({programmes} programmes of 62 actions; made in {made:.1f} s)", flush=True)

    # The same push into an empty graph071 load, PUSHES times: one figure on a shared
    # 2-core machine swings by 10-20% with whatever else runs, the median less so.
    times = []
    for attempt in range(PUSHES):
        if attempt:
            clear(settings)
        started = time.perf_counter()
        report = push(graph, settings=settings)
        times.append(time.perf_counter() - started)
        assert report.relationships_created == rels and report.nodes_created == nodes
    first = statistics.median(times)
    started = time.perf_counter()
    again = push(graph, settings=settings)
    second = time.perf_counter() - started
    assert not again.changed

    naive_rels, naive_seconds = naive_load(settings, NAIVE_PROGRAMMES)
    batched_rate = rels / first
    naive_rate = naive_rels / naive_seconds
    figures = {
        "server": agent, "cores": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "nodes": nodes, "relationships": rels, "programmes": programmes,
        "push_seconds": round(first, 2), "push_seconds_each": [round(t, 2) for t in times],
        "push_rels_per_s": round(batched_rate),
        "second_push_seconds": round(second, 2),
        "naive_relationships": naive_rels, "naive_seconds": round(naive_seconds, 2),
        "naive_rels_per_s": round(naive_rate, 1), "ratio": round(batched_rate / naive_rate, 1),
    }
    print(f"push (one transaction, UNWIND batches of {BATCH:,}): {rels:,} relationships + "
          f"{nodes:,} nodes in {first:.2f} s (median of {', '.join(f'{t:.2f}' for t in times)} s) "
          f"= {batched_rate:,.0f} relationships/s (target >= 20,000)")
    print(f"second push of the same graph: {second:.2f} s, nothing written")
    print(f"naive (one MERGE per transaction): {naive_rels:,} relationships in {naive_seconds:.2f} s "
          f"= {naive_rate:,.0f} relationships/s")
    print(f"ratio: {batched_rate / naive_rate:,.1f}x (target >= 20x); load average "
          f"{figures['load_average']} on {os.cpu_count()} cores")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(f"figures written to {OUT}")


if __name__ == "__main__":
    main()
