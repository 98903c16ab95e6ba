"""How fast the everyday commands answer: `graph071 orphans` must answer well under a second.

Runs the real CLI in a fresh process (as a user does), several times, and reports the
median wall time per command, plus the slowest imports on the start-up path.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

COMMANDS = [["orphans"], ["orphans", "--json"], ["hubs"], ["who", "UvL"], ["action", "17"],
            ["--help"]]
RUNS = 7


def wall_time(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "graph071", *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def slowest_imports(limit: int = 8) -> list[tuple[int, str]]:
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "graph071", "orphans"],
                            capture_output=True, text=True, check=True)
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = (part.strip() for part in line.split(":", 1)[1].split("|"))
        if cumulative.isdigit() and not name.startswith(" "):
            rows.append((int(cumulative), name))
    return sorted(rows, reverse=True)[:limit]


def main() -> None:
    print(f"{'command':<28} {'median s':>9} {'min s':>7}  ({RUNS} runs, fresh process each)")
    for args in COMMANDS:
        times = [wall_time(args) for _ in range(RUNS)]
        print(f"{'graph071 ' + ' '.join(args):<28} {statistics.median(times):>9.3f} "
              f"{min(times):>7.3f}")
    print("\nslowest top-level imports for `graph071 orphans` (cumulative ms):")
    for micros, name in slowest_imports():
        print(f"  {micros / 1000:8.1f}  {name}")


if __name__ == "__main__":
    main()
