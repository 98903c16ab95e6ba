"""How fast the analytics commands answer on the bundled corpus and at 10x and 100x its size.

Every command runs as a user runs it: a fresh Python process, the CLI parsing its
arguments, the graph loaded from a pickle (as graph071's build cache loads it) and the
readable table written (to /dev/null). The bundled corpus runs through the real CLI with
its warm cache; 1x, 10x and 100x are synthetic corpora of the same shape
(bench/synthetic_corpus.py: programmes, project cards in three editions, successions).
Target: every command within 5 s at 100x on this 2-core machine.

It also measures how close sampled betweenness comes to the exact figures at 100x (the
exact run takes about 20 s): the overlap of the top 10 and the largest rank shift.

    .venv/bin/python bench/scale.py              # all sizes, 3 runs each
    .venv/bin/python bench/scale.py --sizes 1 10 --runs 1 --no-exact
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

OUT = ROOT / "out" / "bench"
LIMIT = 5.0
BUNDLED = "bundled"


def commands(graph) -> list[list[str]]:
    """Return the commands to time on `graph`, with organisation names it holds."""
    from graph071.analytics.centrality import hub_ranking

    ranked = hub_ranking(graph, top=None)
    first, far = ranked[0]["name"], ranked[-1]["name"]
    return [["summary"], ["orphans"], ["orphans", "--suggest"], ["orphans", "--suggest", "--json"],
            ["hubs"], ["hubs", "--by", "trekker"], ["hubs", "--by", "partner"],
            ["hubs", "--by", "betweenness"], ["hubs", "--by", "eigenvector"],
            ["path", first, far], ["balance"], ["balance", "--theme", "1"],
            ["diff", "2018-10", "2019-06"], ["communities"], ["communities", "--json"],
            ["who", first], ["action", "17"]]


def label(args: list[str]) -> str:
    """Return a command as the table shows it (organisation names stand as ORG)."""
    shown = []
    for position, word in enumerate(args):
        named = args[0] in ("path", "who") and position > 0
        shown.append("ORG" if named else word)
    return " ".join(shown)


def run_child(pickle_path: Path, args: list[str]) -> None:
    """In a fresh process: load the pickled graph and run one CLI command on it."""
    from graph071.cli.app import main
    from graph071.cli.session import Session
    from graph071.network import Network

    with pickle_path.open("rb") as handle:
        graph = pickle.load(handle)
    # What the cache would have given: the CLI runs on this graph instead of building one.
    main(args, Session(prebuilt=Network(graph)))


def wall_time(command: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr.strip()}")
    return seconds


def time_size(size: str, runs: int, graph, pickle_path: Path | None) -> dict[str, float]:
    """Return the median wall time of every command on one corpus size."""
    times = {}
    for args in commands(graph):
        if pickle_path is None:
            command = [sys.executable, "-m", "graph071", *args]
        else:
            command = [sys.executable, __file__, "--child", str(pickle_path), "--", *args]
        times[label(args)] = statistics.median(wall_time(command) for _ in range(runs))
        print(f"  {size:>7}  {label(args):<32} {times[label(args)]:6.2f} s", flush=True)
    return times


def sampled_against_exact(graph) -> dict[str, object]:
    """Return how the sampled betweenness ranking compares with the exact one on `graph`."""
    from graph071.analytics.centrality import collaboration_betweenness, working_network

    network = working_network(graph)
    started = time.perf_counter()
    sampled = collaboration_betweenness(network)
    sampled_seconds = time.perf_counter() - started
    started = time.perf_counter()
    exact = collaboration_betweenness(network, exact_limit=len(network))
    exact_seconds = time.perf_counter() - started

    def order(values: dict[str, float]) -> list[str]:
        return sorted(values, key=lambda n: (-round(values[n], 12), n))

    top_sampled, top_exact = order(sampled.values), order(exact.values)
    rank = {node: i for i, node in enumerate(top_exact)}
    return {"organisations": len(network), "samples": sampled.samples,
            "sampled_seconds": round(sampled_seconds, 2), "exact_seconds": round(exact_seconds, 2),
            "top10_overlap": len(set(top_sampled[:10]) & set(top_exact[:10])),
            "top10_largest_rank_shift": max(abs(rank[n] - i) for i, n in enumerate(top_sampled[:10])),
            "top10_same_order": top_sampled[:10] == top_exact[:10]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="*", type=int, default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-exact", action="store_true",
                        help="skip the exact betweenness at 100x (about 20 s)")
    options = parser.parse_args()

    from synthetic_corpus import corpus_graph

    from graph071.build.cache import cached_build

    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, float]] = {}
    shapes: dict[str, str] = {}
    bundled = cached_build().graph  # warms the cache the CLI runs will read
    shapes[BUNDLED] = f"{bundled.number_of_nodes():,} nodes, {bundled.number_of_edges():,} edges"
    print(f"{BUNDLED}: {shapes[BUNDLED]}", flush=True)
    results[BUNDLED] = time_size(BUNDLED, options.runs, bundled, None)
    quality = None
    for scale in options.sizes:
        graph = corpus_graph(scale)
        name = f"{scale}x"
        shapes[name] = f"{graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges"
        print(f"{name}: {shapes[name]}", flush=True)
        path = OUT / f"scale-{name}.pickle"
        with path.open("wb") as handle:
            pickle.dump(graph, handle, protocol=pickle.HIGHEST_PROTOCOL)
        results[name] = time_size(name, options.runs, graph, path)
        path.unlink()
        if scale == max(options.sizes) and scale >= 100 and not options.no_exact:
            quality = sampled_against_exact(graph)
    sizes = list(results)
    print(f"\nmedian wall time in seconds ({options.runs} runs, fresh process each, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}):")
    print(f"{'command':<32}" + "".join(f"{s:>10}" for s in sizes))
    slow = []
    for command in results[BUNDLED]:
        cells = []
        for size in sizes:
            seconds = results[size].get(command)
            cells.append(f"{seconds:>10.2f}" if seconds is not None else f"{'-':>10}")
            if seconds is not None and seconds > LIMIT:
                slow.append(f"{command} at {size} ({seconds:.2f} s)")
        print(f"{command:<32}" + "".join(cells))
    for size in sizes:
        print(f"  {size}: {shapes[size]}")
    if quality:
        print(f"\nbetweenness at 100x: sample of {quality['samples']} of {quality['organisations']} "
              f"organisations in {quality['sampled_seconds']} s, exact in {quality['exact_seconds']} s; "
              f"top 10: {quality['top10_overlap']} of 10 the same, largest rank shift "
              f"{quality['top10_largest_rank_shift']}, same order: {quality['top10_same_order']}")
    figures = {"runs": options.runs, "cores": os.cpu_count(), "limit_seconds": LIMIT,
               "shapes": shapes, "seconds": results, "betweenness_quality": quality}
    (OUT / "scale.json").write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(f"figures written to {OUT / 'scale.json'}")
    # Said loudly, but no failing exit: scripts/bench.sh (set -e) would skip the benchmarks after.
    print("SLOWER THAN 5 s: " + "; ".join(slow) if slow else f"every command within {LIMIT:g} s")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        run_child(Path(sys.argv[2]), sys.argv[4:])
    else:
        main()
