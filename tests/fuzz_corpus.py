"""A bounded fuzz run: mutated documents, manifests, workbooks and cache files through the build.

Every input must give a result or a Graph071Error (one message, exit 1 in the CLI);
any other exception is a traceback a user would see, and an input that takes longer
than `per_input` seconds is a hang. The run is bounded in count and in time, and
reproducible from its seed.
"""

from __future__ import annotations

import io
import random
import shutil
import signal
import subprocess
import sys
import time
import traceback
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from graph071.build import cache, snapshot
from graph071.build.pipeline import build
from graph071.corpus.manifest import bundled_data_dir
from graph071.errors import Graph071Error

PROGRAMME = """\
Dit uitvoeringsprogramma heeft betrekking op de periode 2013 – 2015.
In de Economische agenda is deze ambitie vertaald in vijf met elkaar samenhangende thema’s:
1. Economische structuurversterking
2. Ondernemerschap & starters

Doelstelling 1 - Economische structuurversterking

1.1 – Versterken van wat sterk is

1. Eerste actie
Omschrijving van de eerste actie.

Trekker: gemeente Leiden
Partners: UvL, Hogeschool Leiden

Een resultaat

2015 3

2. Tweede actie
Omschrijving.

Trekker: onbekend
Partners: VNO NCW

Een ander resultaat

2014 2
"""
LIST_HEADER = ["programme", "number", "title", "theme", "theme_name", "trekkers", "partners"]
LIST_ROWS = [["2024-2026", 1, "Talenten", 1, "Talent", "gemeente Leiden", "UvL; Hogeschool Leiden"],
             ["2024-2026", 2, "Starters", 2, "Ondernemerschap", "?", "VNO NCW"]]
# What a hostile or careless file holds: formulas, escapes, paths, Excel errors, odd bytes.
SPLICES = [b"=cmd|' /C calc'!A0", b"\x1b]0;x\x07", b"../../etc/passwd", b"/etc/passwd", b"#N/A",
           b"\x00", b"\xff\xfe", b"\r", b"\n\n\n", b",,,,,,", b'"', b"Projectkaart  \n",
           b"Trekker: ", b"Partners: ", b"1. ", b"x" * 5000, b"\xe2\x80\xae", b";", b"\t",
           b"<dimension ref=\"A1:A1\"/>", b"]]>", b"&#0;", b"{\"$record\":\"Build\"}"]


@dataclass
class Figures:
    """What a fuzz run tried and what came out."""

    tried: int = 0
    outcomes: Counter = field(default_factory=Counter)  # (family, "result"|"refused") -> count
    tracebacks: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    cli_runs: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        """Return the figures in one paragraph, for the test report."""
        parts = ", ".join(f"{family} {outcome} {n}" for (family, outcome), n
                          in sorted(self.outcomes.items()))
        return (f"fuzz: {self.tried} inputs in {self.seconds:.1f} s ({parts}); "
                f"{self.cli_runs} also through the CLI; tracebacks {len(self.tracebacks)}, "
                f"hangs {len(self.hangs)}")


class _Hang(Exception):
    pass


def _alarm(signum, frame):  # noqa: ARG001
    raise _Hang()


class FuzzRun:
    """Mutate seed files and feed each mutant through the build (and sometimes the CLI)."""

    def __init__(self, folder: Path, *, seed: int, inputs: int, seconds: float,
                 per_input: float = 20.0, cli_every: int = 25) -> None:
        self.folder = folder
        self.random = random.Random(seed)
        self.inputs = inputs
        self.seconds = seconds
        self.per_input = per_input
        self.cli_every = cli_every
        self.figures = Figures()
        self.seeds = {"document": PROGRAMME.encode("utf-8"), "list": self._list_csv(),
                      "workbook": self._workbook(), "manifest": b"", "cards": self._cards()}

    # ------------------------------------------------------------ seeds and mutations

    @staticmethod
    def _cards() -> bytes:
        """Two project cards of the 2018 edition: a seed for the card reader."""
        lines = (bundled_data_dir() / "documents" / "2018_projectkaarten.txt").read_bytes().split(b"\n")
        starts = [i for i, line in enumerate(lines) if line.strip() == b"Projectkaart"]
        return b"\n".join(lines[starts[0]:starts[2]])

    @staticmethod
    def _list_csv() -> bytes:
        out = io.StringIO()
        import csv

        csv.writer(out).writerows([LIST_HEADER, *LIST_ROWS])
        return out.getvalue().encode("utf-8")

    @staticmethod
    def _workbook() -> bytes:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "acties"
        for row in [LIST_HEADER, *LIST_ROWS]:
            sheet.append(row)
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()

    def mutate(self, data: bytes) -> bytes:
        """Return `data` with one to four random changes: flips, splices, cuts, copies."""
        data = bytearray(data)
        for _ in range(self.random.randint(1, 4)):
            at = self.random.randrange(len(data) + 1)
            operation = self.random.choice(("flip", "splice", "cut", "copy", "truncate", "swap"))
            if operation == "flip" and data:
                data[min(at, len(data) - 1)] ^= 1 << self.random.randrange(8)
            elif operation == "splice":
                data[at:at] = self.random.choice(SPLICES)
            elif operation == "cut":
                del data[at:at + self.random.randint(1, 200)]
            elif operation == "copy":
                data[at:at] = data[max(0, at - 300):at] * self.random.randint(1, 3)
            elif operation == "truncate":
                del data[at:]
            else:
                lines = bytes(data).split(b"\n")
                self.random.shuffle(lines)
                data = bytearray(b"\n".join(lines))
        return bytes(data)

    def mutate_workbook(self, data: bytes) -> bytes:
        """Return the workbook with its sheet XML mutated (or, sometimes, the zip itself)."""
        if self.random.random() < 0.3:
            return self.mutate(data)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            items = {info.filename: archive.read(info) for info in archive.infolist()}
        name = self.random.choice(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml",
                                   "xl/workbook.xml", "xl/sharedStrings.xml", "[Content_Types].xml"])
        if name in items:
            items[name] = self.mutate(items[name])
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for item, content in items.items():
                archive.writestr(item, content)
        return out.getvalue()

    # ------------------------------------------------------------ corpora

    def corpus(self, family: str, content: bytes) -> Path:
        """Return a fresh corpus folder whose one document (or manifest) is `content`."""
        folder = self.folder / f"corpus-{self.figures.tried}"
        (folder / "documents").mkdir(parents=True)
        shutil.copy(bundled_data_dir() / "organisations.csv", folder)
        name, loader, kind = {"document": ("up.txt", "action_programme_2013", "action_programme"),
                              "list": ("acties.csv", "spreadsheet_actions", "actions"),
                              "workbook": ("acties.xlsx", "spreadsheet_actions", "actions"),
                              "manifest": ("up.txt", "action_programme_2013", "action_programme"),
                              "cache": ("up.txt", "action_programme_2013", "action_programme"),
                              "cards": ("kaarten.txt", "project_cards", "project_cards"),
                              }[family]
        shutil.copy(bundled_data_dir() / "projects.csv", folder)
        manifest = (f"file,id,title,publisher,edition,kind,loader\n"
                    f"documents/{name},doc,Titel,Economie071,2024-03,{kind},{loader}\n").encode()
        if family == "manifest":
            manifest = self.mutate(manifest)
        (folder / "manifest.csv").write_bytes(manifest)
        document = self.seeds["document"] if family in ("manifest", "cache") else content
        (folder / "documents" / name).write_bytes(document)
        return folder

    # ------------------------------------------------------------ the run

    def one(self, family: str) -> tuple[Path, str]:
        """Make one mutant of `family`; return its corpus folder and how to build it."""
        if family == "workbook":
            return self.corpus(family, self.mutate_workbook(self.seeds["workbook"])), "build"
        if family == "cache":
            return self.corpus(family, b""), "cache"
        seed = self.seeds.get(family) or self.seeds["document"]
        return self.corpus(family, self.mutate(seed)), "build"

    def _cache_attack(self, folder: Path) -> object:
        """Plant a mutated snapshot of this corpus's own build where the cache looks."""
        import os

        os.environ["XDG_CACHE_HOME"] = str(self.folder / "cache")
        os.environ.pop("GRAPH071_NO_CACHE", None)
        try:
            good = snapshot.dumps(build(folder)).encode("utf-8")
            path = cache.cache_dir() / f"{cache.cache_key(folder)}{cache.SUFFIX}"
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            path.write_bytes(self.mutate(good))
            path.chmod(0o600)
            return cache.cached_build(folder)
        finally:
            os.environ["GRAPH071_NO_CACHE"] = "1"

    def run(self) -> Figures:
        """Try up to `inputs` mutants within `seconds`; return the figures."""
        import os

        previous = os.environ.get("GRAPH071_NO_CACHE")
        os.environ["GRAPH071_NO_CACHE"] = "1"
        old_handler = signal.signal(signal.SIGALRM, _alarm)
        started = time.monotonic()
        families = ["document", "cards", "list", "workbook", "manifest", "cache"]
        try:
            while (self.figures.tried < self.inputs
                   and time.monotonic() - started < self.seconds):
                family = families[self.figures.tried % len(families)]
                folder, how = self.one(family)
                self._try(family, folder, how)
                if self.figures.tried % self.cli_every == 0 and how == "build":
                    self._through_cli(family, folder)
                shutil.rmtree(folder, ignore_errors=True)
                self.figures.tried += 1
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old_handler)
            if previous is None:
                os.environ.pop("GRAPH071_NO_CACHE", None)
            else:
                os.environ["GRAPH071_NO_CACHE"] = previous
        self.figures.seconds = time.monotonic() - started
        return self.figures

    def _try(self, family: str, folder: Path, how: str) -> None:
        signal.setitimer(signal.ITIMER_REAL, self.per_input)
        try:
            result = self._cache_attack(folder) if how == "cache" else build(folder)
            outcome = "result" if result is not None else "none"
        except Graph071Error:
            outcome = "refused"
        except _Hang:
            self.figures.hangs.append(f"{family} #{self.figures.tried}")
            return
        except Exception:  # noqa: BLE001 - exactly what the run looks for
            keep = self.folder / f"traceback-{self.figures.tried}"
            shutil.copytree(folder, keep, dirs_exist_ok=True)
            self.figures.tracebacks.append(f"{family} #{self.figures.tried} (kept in {keep}): "
                                           + traceback.format_exc(limit=-3))
            return
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        self.figures.outcomes[family, outcome] += 1

    def _through_cli(self, family: str, folder: Path) -> None:
        """Run `graph071 --data FOLDER check` as a user: exit 0 or 1, never a traceback."""
        self.figures.cli_runs += 1
        try:
            result = subprocess.run([sys.executable, "-m", "graph071", "--data", str(folder),
                                     "check"], capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            self.figures.hangs.append(f"{family} #{self.figures.tried} (CLI)")
            return
        if result.returncode not in (0, 1) or "Traceback" in result.stderr:
            self.figures.tracebacks.append(f"{family} #{self.figures.tried} (CLI, exit "
                                           f"{result.returncode}): {result.stderr[-800:]}")
