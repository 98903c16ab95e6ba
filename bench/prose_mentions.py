"""How fast the prose reader links mentions: words per second on one core, target >= 200,000.

The text corpus is the bundled documents 100 times over (about 4.8 million words). Two
figures, each the best of --runs runs on one process (one core):

Times are CPU seconds of this process (time.process_time), the best of the runs.

* linking: text lines -> paragraphs -> known names over the whole alias table (one
  Aho-Corasick pass per paragraph, context rules included) and head words with lists
  ("de gemeenten Leiden en Leiderdorp"): what `mention linking` means in issue 14;
* full reading: the above plus near misses (rapidfuzz), proposed organisations, people
  with roles and stated relations, as `graph071 read` does it. Near misses are cached per
  name, which a corpus 100 times the same text flatters; the first copy shows the cold cost.

Usage: python bench/prose_mentions.py [--copies 100] [--runs 3] [--full-copies 10]
"""

from __future__ import annotations

import argparse
import time

from graph071.corpus.manifest import ORGANISATIONS, bundled_data_dir, read_manifest
from graph071.corpus.organisations import OrganisationTable
from graph071.corpus.projects import ProjectTable
from graph071.loaders.prose.lexicon import Lexicon
from graph071.loaders.prose.mentions import head_mentions, known_mentions, paragraphs
from graph071.loaders.prose.reading import Reader


def corpus_lines() -> list[str]:
    data = bundled_data_dir()
    lines: list[str] = []
    for entry in read_manifest(data):
        lines.extend((data / entry.file).read_text(encoding="utf-8").splitlines())
        lines.append("")
    return lines


def link(reader: Reader, lines: list[str]) -> int:
    found = 0
    for paragraph in paragraphs(lines, reader.abbreviations):
        found += len(known_mentions(paragraph, reader.lexicon))
        found += len(head_mentions(paragraph, reader.lexicon, reader.heads))
    return found


def best(function, runs: int) -> tuple[float, int]:
    """Return the least CPU time of `runs` calls (the machine is shared: wall time is noisy)."""
    times, result = [], 0
    for _ in range(runs):
        start = time.process_time()
        result = function()
        times.append(time.process_time() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--full-copies", type=int, default=10,
                        help="copies for the full reading (slower; the target is for linking)")
    args = parser.parse_args()
    data = bundled_data_dir()
    start = time.perf_counter()
    reader = Reader(Lexicon(OrganisationTable.load(data / ORGANISATIONS), ProjectTable.for_corpus(data)))
    print(f"lexicon: {len(reader.lexicon.forms)} names in the automaton, built in "
          f"{time.perf_counter() - start:.3f} s")
    one = corpus_lines()
    lines = one * args.copies
    words = sum(len(line.split()) for line in lines)
    print(f"corpus: bundled documents x {args.copies} = {words:,} words, {len(lines):,} lines")
    seconds, found = best(lambda: link(reader, lines), args.runs)
    print(f"linking       {seconds:8.2f} s  {words / seconds:>12,.0f} words/s  {found:,} mentions"
          f"  (target 200,000 words/s: {'met' if words / seconds >= 200_000 else 'NOT met'})")
    cold, _ = best(lambda: Reader(reader.lexicon).read_lines(one), 1)
    one_words = words // args.copies
    print(f"full, 1 copy  {cold:8.2f} s  {one_words / cold:>12,.0f} words/s  (cold near-miss cache)")
    lines = one * args.full_copies
    words = sum(len(line.split()) for line in lines)
    seconds, reading = best(lambda: reader.read_lines(lines), 1)
    print(f"full x{args.full_copies:<7} {seconds:8.2f} s  {words / seconds:>12,.0f} words/s  "
          f"{len(reading.mentions):,} mentions, {len(reading.relations):,} relations")


if __name__ == "__main__":
    main()
