"""How fast documents are read: PDF pages per second, and the whole bundled corpus from scratch.

Target (issue 13): a 40-page project-card PDF, two columns with a running header and a
page footer, is read in at most 5 s on this 2-core machine.

* PDF: cards typeset by the tests' own typesetter (tests/typeset.py, reportlab): one
  card a page, the text of the 2022 Stagepact071 card, two columns, running header,
  footer with the page number. Reported: seconds for the whole file (median of the
  runs) and pages per second, for 10 and 40 pages, one and two columns.
* Corpus: `build()` of the bundled corpus in this process (every document normalised,
  read by its loader, the graph assembled, checks run), and `graph071 summary` in a fresh
  process with GRAPH071_NO_CACHE=1 (what a user waits for after changing a document).

    .venv/bin/python bench/reading.py            # 3 runs each
    .venv/bin/python bench/reading.py --runs 1
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from graph071.build.pipeline import build  # noqa: E402
from graph071.corpus.extract import extract  # noqa: E402
from graph071.corpus.manifest import bundled_data_dir  # noqa: E402
from typeset import card_pdf, paragraphs_of  # noqa: E402

TARGET_SECONDS = 5.0


def card_pages(count: int) -> list[tuple[str, list[str]]]:
    """Return `count` pages, each one card with the text of the 2022 Stagepact071 card."""
    lines = (bundled_data_dir() / "documents" / "2022_projectkaarten.txt").read_text(
        encoding="utf-8").split("\n")
    start = lines.index("Stagepact071")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].strip().startswith("Categorie"))
    body = paragraphs_of("\n".join(lines[start + 1:end]))[:14]  # what fits on one page
    return [(f"Projectkaart Project {n}", ["Categorie: lopend project", *body])
            for n in range(1, count + 1)]


def timed(function, runs: int, clock=time.perf_counter) -> float:
    times = []
    for _ in range(runs):
        start = clock()
        function()
        times.append(clock() - start)
    return statistics.median(times)


def plumber_words(path: Path) -> int:
    """Read every page's words with their font size through pdfplumber, as issue 13 first
    asked: what the reading order, columns and titles would be built from."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_words(extra_attrs=["size"])) for page in pdf.pages)


def pdf_figures(runs: int) -> None:
    print(f"{'pdf':<28} {'pages':>5} {'median s':>9} {'pages/s':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for pages in (10, 40):
            for columns in (1, 2):
                path = card_pdf(Path(folder) / f"kaarten-{pages}-{columns}.pdf", card_pages(pages),
                                columns=columns, header="Economie071 projectkaarten 2024",
                                footer="pagina {page}")
                seconds = timed(lambda: extract(path), runs)
                print(f"{f'{columns} column(s)':<28} {pages:>5} {seconds:>9.2f} "
                      f"{pages / seconds:>8.1f}")
                if pages == 40 and columns == 2:
                    verdict = "met" if seconds <= TARGET_SECONDS else "NOT met"
                    print(f"target: 40 two-column pages in <= {TARGET_SECONDS:g} s: {verdict}")
                    # CPU time, so that other work on the shared machine does not count.
                    ours = timed(lambda: extract(path), runs, time.process_time)
                    words = timed(lambda: plumber_words(path), runs, time.process_time)
                    print(f"{'  cpu s: graph071 extract':<28} {pages:>5} {ours:>9.2f} "
                          f"{pages / ours:>8.1f}")
                    print(f"{'  cpu s: pdfplumber words only':<28} {pages:>5} {words:>9.2f} "
                          f"{pages / words:>8.1f}")


def corpus_figures(runs: int) -> None:
    in_process = timed(build, runs)
    environment = {**os.environ, "GRAPH071_NO_CACHE": "1"}
    fresh = timed(lambda: subprocess.run([sys.executable, "-m", "graph071", "summary"],
                                         check=True, stdout=subprocess.DEVNULL, env=environment),
                  runs)
    print(f"{'bundled corpus, build() in process':<40} {in_process:>6.2f} s")
    print(f"{'graph071 summary, no cache, fresh':<40} {fresh:>6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pdf_figures(args.runs)
    corpus_figures(args.runs)


if __name__ == "__main__":
    main()
