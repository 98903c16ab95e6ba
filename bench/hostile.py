"""What the safety rules of docs/safety.md cost, and that the bounds hold, measured in one run.

Questions:
- does the data-only JSON cache keep everyday commands well under a second (and how does
  reading it compare with the pickle it replaced)?
- does a project-card text of 1, 2, 5 and 10 MB read in seconds, in time linear in its size
  (CPU seconds per MB about equal)? And an action programme, an Index071 and a prose text
  (a news item, `add --kind text`) of 1 and 5 MB?
- is a zip-bomb workbook refused in seconds, with little memory?
- what do a workbook at the unpacked-size limit cost in time and memory?

Each case runs in a fresh process (as a user does); memory is the child's peak RSS and time
is the child's CPU time (user + system: the machine is shared, wall time says little).
"""

from __future__ import annotations

import pickle
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from graph071.build import snapshot
from graph071.build.pipeline import build
from graph071.corpus.manifest import bundled_data_dir

MANIFEST = "file,id,title,publisher,edition,kind,loader\n"


def child(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Run the CLI in a fresh process; return (seconds, peak MB of the child, exit code)."""
    seconds, _, peak, code = timed_child(args, env)
    return seconds, peak, code


def timed_child(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, int]:
    """Run the CLI in a fresh process; return (wall s, CPU s, peak MB, exit code) of the child."""
    import os

    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "graph071", *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(process.pid, 0)
    return (time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
            os.waitstatus_to_exitcode(status))


def cache_figures() -> None:
    result = build()
    text = snapshot.dumps(result)
    blob = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    json_ms = [_ms(lambda: snapshot.loads(text)) for _ in range(7)]
    pickle_ms = [_ms(lambda: pickle.loads(blob)) for _ in range(7)]
    print(f"cache entry: JSON {len(text) / 1e6:.2f} MB, read {statistics.median(json_ms):.1f} ms; "
          f"pickle {len(blob) / 1e6:.2f} MB, read {statistics.median(pickle_ms):.1f} ms (median of 7)")
    with tempfile.TemporaryDirectory() as folder:
        env = {"XDG_CACHE_HOME": folder}
        child(["orphans"], env)  # fill the cache
        times = [child(["orphans"], env)[0] for _ in range(5)]
        print(f"graph071 orphans from the cache: median {statistics.median(times):.3f} s "
              f"(5 runs, fresh process each)")


def _ms(function) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def card_corpus(folder: Path, megabytes: float) -> Path:
    """A corpus of one project-card edition whose first card has `megabytes` of running text."""
    lines = (bundled_data_dir() / "documents" / "2018_projectkaarten.txt").read_text(
        encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip() == "Projectkaart")
    paragraph = lines[first + 4:first + 13]
    body, size = [], 0
    while size < megabytes * 1024 * 1024:
        body.extend(paragraph)
        size += sum(len(line) + 1 for line in paragraph)
    (folder / "documents").mkdir(parents=True)
    (folder / "documents" / "kaarten.txt").write_text(
        "\n".join(lines[:first + 4] + body + lines[first + 4:]) + "\n", encoding="utf-8")
    for name in ("organisations.csv", "projects.csv"):
        shutil.copy(bundled_data_dir() / name, folder)
    (folder / "manifest.csv").write_text(
        MANIFEST + "documents/kaarten.txt,k,Kaarten,E071,2018-10,project_cards,project_cards\n",
        encoding="utf-8")
    return folder


# Other kinds of document, each a bundled one repeated to the size asked:
# kind -> (bundled file, edition, manifest kind, loader).
REPEATED = {
    "action programme": ("2013_uitvoeringsprogramma_2013-2015.txt", "2013-10", "action_programme",
                         "action_programme_2013"),
    "Index071": ("2017_index071.txt", "2017-06", "index_monitor", "index071"),
    "prose text (news)": ("2018_projectkaarten.txt", "2024-05", "news", "text"),
}


def repeated_corpus(folder: Path, kind: str, megabytes: float) -> Path:
    """A corpus of one document of `kind`: a bundled document repeated to `megabytes`."""
    name, edition, manifest_kind, loader = REPEATED[kind]
    text = (bundled_data_dir() / "documents" / name).read_text(encoding="utf-8")
    copies = max(1, round(megabytes * 1024 * 1024 / len(text.encode("utf-8"))))
    (folder / "documents").mkdir(parents=True)
    (folder / "documents" / "d.txt").write_text(text * copies, encoding="utf-8")
    for table in ("organisations.csv", "projects.csv"):
        shutil.copy(bundled_data_dir() / table, folder)
    (folder / "manifest.csv").write_text(
        MANIFEST + f"documents/d.txt,d,D,E071,{edition},{manifest_kind},{loader}\n", encoding="utf-8")
    return folder


def size_figures(tmp: Path) -> None:
    """Print CPU seconds and seconds per MB of `summary` on big documents of each kind."""
    env = {"GRAPH071_NO_CACHE": "1"}
    cases = [("project-card text", 1), ("project-card text", 2), ("project-card text", 5),
             ("project-card text", 10)] + [(kind, mb) for kind in REPEATED for mb in (1, 5)]
    print(f"{'document':24} {'MB':>4} {'CPU s':>7} {'s/MB':>6} {'wall s':>7} {'peak MB':>8} exit")
    for index, (kind, megabytes) in enumerate(cases):
        folder = tmp / f"size{index}"
        if kind == "project-card text":
            card_corpus(folder, megabytes)
        else:
            repeated_corpus(folder, kind, megabytes)
        wall, cpu, peak, code = timed_child(["--data", str(folder), "summary"], env)
        print(f"{kind:24} {megabytes:>4} {cpu:>7.1f} {cpu / megabytes:>6.2f} {wall:>7.1f} "
              f"{peak:>8.0f} {code:>4}", flush=True)


def workbook_corpus(folder: Path, megabytes: int, *, cells: bool) -> Path:
    """A corpus of one list of actions whose sheet XML is `megabytes` MB (spaces or real rows)."""
    (folder / "documents").mkdir(parents=True)
    shutil.copy(bundled_data_dir() / "organisations.csv", folder)
    (folder / "manifest.csv").write_text(
        MANIFEST + "documents/a.xlsx,a,A,E071,2024-03,actions,spreadsheet_actions\n", encoding="utf-8")
    from openpyxl import Workbook

    sample = folder / "sample.xlsx"
    workbook = Workbook()
    workbook.active.title = "acties"
    workbook.save(sample)
    with zipfile.ZipFile(sample) as archive:
        items = {i.filename: archive.read(i) for i in archive.infolist()}
    sample.unlink()
    header = ("<row r=\"1\">" + "".join(f'<c r="{c}1" t="inlineStr"><is><t>{h}</t></is></c>' for c, h in
              zip("ABCDEF", ("programme", "number", "title", "theme", "theme_name", "trekkers")))
              + "</row>").encode()
    with zipfile.ZipFile(folder / "documents" / "a.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in items.items():
            if name != "xl/worksheets/sheet1.xml":
                archive.writestr(name, data)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                        b"<sheetData>" + header)
            written, number = 0, 2
            while written < megabytes * 1024 * 1024:
                if cells:
                    row = (f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>2024-2026</t></is></c>'
                           f'<c r="B{number}"><v>{number}</v></c><c r="C{number}" t="inlineStr"><is><t>'
                           f"Actie {number}</t></is></c><c r=\"D{number}\"><v>1</v></c>"
                           f'<c r="E{number}" t="inlineStr"><is><t>Thema</t></is></c><c r="F{number}" '
                           f't="inlineStr"><is><t>gemeente Leiden</t></is></c></row>').encode()
                    number += 1
                else:
                    row = b" " * (1024 * 1024)
                sheet.write(row)
                written += len(row)
            sheet.write(b"</sheetData></worksheet>")
    return folder


def main() -> None:
    sizes_only = "--sizes-only" in sys.argv[1:]  # only the table of big documents
    if not sizes_only:
        cache_figures()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = {"GRAPH071_NO_CACHE": "1"}
        size_figures(tmp)
        if sizes_only:
            return
        bomb = workbook_corpus(tmp / "bomb", 2000, cells=False)
        packed = (bomb / "documents" / "a.xlsx").stat().st_size / 1e6
        seconds, peak, code = child(["--data", str(bomb), "summary"], env)
        print(f"zip bomb ({packed:.1f} MB packed, 2000 MB unpacked): refused in {seconds:.1f} s, "
              f"peak {peak:.0f} MB, exit {code}")
        at_limit = workbook_corpus(tmp / "limit", 18, cells=True)
        seconds, peak, code = child(["--data", str(at_limit), "summary"], env)
        print(f"a workbook of real rows just under the 20 MB unpacked limit: {seconds:.1f} s, "
              f"peak {peak:.0f} MB, exit {code}")


if __name__ == "__main__":
    main()
