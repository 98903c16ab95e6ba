"""The coordination group's own Excel and CSV lists of actions, read like any document.

Every workbook here is a real .xlsx file written with openpyxl; every bad file is
refused whole, with the file, sheet, row and column of each problem.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from graph071 import i18n
from graph071.build.pipeline import build
from graph071.corpus.manifest import bundled_data_dir
from graph071.loaders.spreadsheet import ACTION_COLUMNS, PROJECT_COLUMNS
from graph071.corpus.sheets import SheetError
from graph071.io.templates import action_rows, write_sheet, write_template

from .conftest import ROOT, graph071

HEADER = ["programme", "number", "title", "theme", "theme_name", "trekkers", "partners",
          "te_betrekken", "result", "planning", "categorie", "links", "notes"]
ROWS = [
    ["2024-2026", 1, "Talentenprogramma techniek", 1, "Talent & arbeidsmarkt",
     "gemeente Leiden", "UvL; Hogeschool Leiden", "", "200 stages", "2025", 2,
     "actie 2", "Vervolg op actie 23 uit 2013-2015"],
    ["2024-2026", 2, "Huisvesting voor starters", 2, "Ondernemerschap",
     "?", "VNO NCW", "Rabobank", "Een plan", "2026", 3, "", ""],
    ["2024-2026", 3, "Regionale innovatieagenda", 2, "", "n.t.b.", "", "", "", "", "", "", ""],
]


def write_xlsx(path: Path, rows: list[list], header: list[str] = HEADER,
               sheet: str = "acties") -> Path:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    worksheet.append(header)
    for row in rows:
        worksheet.append(row)
    workbook.save(path)
    return path


def corpus(tmp_path: Path, files: dict[str, tuple[str, str]], name: str = "corpus") -> Path:
    """A corpus folder with the bundled organisation table and `files`: name -> (id, loader)."""
    folder = tmp_path / name
    (folder / "documents").mkdir(parents=True)
    shutil.copy(bundled_data_dir() / "organisations.csv", folder / "organisations.csv")
    lines = ["file,id,title,publisher,edition,kind,loader"]
    for file, (document_id, loader) in files.items():
        lines.append(f"documents/{file},{document_id},{document_id},Economie071,2024-03,"
                     f"actions,{loader}")
    (folder / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def list_corpus(tmp_path: Path, rows: list[list] = ROWS, header: list[str] = HEADER,
                sheet: str = "acties") -> Path:
    folder = corpus(tmp_path, {"acties.xlsx": ("acties-2024", "spreadsheet_actions")})
    write_xlsx(folder / "documents" / "acties.xlsx", rows, header, sheet)
    return folder




def refused(folder: Path, *fragments: str) -> str:
    """Run `summary` on `folder`: it must fail with exit 1, no traceback, naming `fragments`
    (in English, as the fragments are written; test_language checks the Dutch)."""
    result = graph071("--lang", "en", "--data", str(folder), "summary")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert "nothing from this file was loaded" in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr
    return result.stderr


def problems_of(folder: Path) -> list[str]:
    """Return the problems a build of `folder` refuses it for, said in English."""
    try:
        i18n.use("en")
        with pytest.raises(SheetError) as caught:
            build(folder)
        return [str(problem) for problem in caught.value.problems]
    finally:
        i18n.use(None)


# ---------------------------------------------------------------- a good list

def test_an_excel_list_of_actions_gives_actions_with_trekkers_partners_and_themes(tmp_path):
    graph = build(list_corpus(tmp_path)).graph
    action = graph.nodes["action:2024-2026/1"]
    assert action["title"] == "Talentenprogramma techniek"
    assert action["theme_name"] == "Talent & arbeidsmarkt"
    assert (action["categorie"], action["categorie_colour"]) == (2, "groen")
    assert action["document"] == "acties-2024" and action["line"] == 2
    assert action["notes"] == ["Vervolg op actie 23 uit 2013-2015"]
    roles = {(s, d["kind"]) for s, _, d in graph.in_edges("action:2024-2026/1", data=True)}
    assert roles == {("org:gemeente-leiden", "TREKKER"), ("org:universiteit-leiden", "PARTNER"),
                     ("org:hogeschool-leiden", "PARTNER")}
    assert graph.has_edge("action:2024-2026/1", "theme:2024-2026/1")
    assert graph.has_edge("action:2024-2026/1", "action:2024-2026/2")
    assert graph.has_edge("action:2024-2026/1", "doc:acties-2024")


def test_each_name_keeps_its_cell_as_provenance(tmp_path):
    graph = build(list_corpus(tmp_path)).graph
    edge = graph.get_edge_data("org:universiteit-leiden", "action:2024-2026/1")["PARTNER"]
    assert edge["name_as_written"] == "UvL"
    assert (edge["document"], edge["line"], edge["cell"]) == ("acties-2024", 2, "acties!G2")
    assert edge["quote"] == "partners: UvL; Hogeschool Leiden"


def test_a_theme_named_on_one_row_serves_the_others(tmp_path):
    graph = build(list_corpus(tmp_path)).graph
    assert graph.nodes["action:2024-2026/3"]["theme_name"] == "Ondernemerschap"
    assert graph.nodes["theme:2024-2026/2"]["name"] == "Ondernemerschap"


def test_question_mark_and_ntb_mean_no_trekker_and_check_says_so(tmp_path):
    folder = list_corpus(tmp_path)
    orphans = json.loads(graph071("--data", str(folder), "orphans", "--json").stdout)
    assert [(o["number"], o["trekker_text"]) for o in orphans] == [(2, "?"), (3, "n.t.b.")]
    checked = json.loads(graph071("--data", str(folder), "check", "--json").stdout)
    messages = [(w["line"], w["message"]) for w in checked["warnings"] if w["level"] == "warning"]
    assert (3, "acties!F3 (kolom 'trekkers'): '?' betekent: geen trekker; actie 2 van 2024-2026 "
               "heeft geen trekker") in messages
    assert any(line == 4 and "'n.t.b.' betekent: geen trekker" in m for line, m in messages)
    # Nobody becomes an organisation called "?".
    assert not [n for n, d in build(folder).graph.nodes(data=True) if d["name"] in ("?", "n.t.b.")]


def test_dutch_headers_as_users_write_them_are_read(tmp_path):
    dutch = ["Programma", "Nummer", "Titel", "Thema", "Naam thema", "Trekker(s)", "Partner",
             "Te betrekken", "Beoogd resultaat", "Planning", "Categorie", "Link met", "N.B."]
    graph = build(list_corpus(tmp_path, header=dutch)).graph
    assert graph.nodes["action:2024-2026/1"]["result"] == "200 stages"
    assert graph.has_edge("org:gemeente-leiden", "action:2024-2026/1")


def test_a_csv_list_gives_the_same_graph_as_the_workbook_also_with_dutch_semicolons(tmp_path):
    from graph071.io.export import to_node_link

    def without_cells(graph):
        data = to_node_link(graph)
        for item in data["nodes"] + data["edges"]:
            for where in ("cell", "sheet", "file"):  # a CSV file has no sheets
                item.pop(where, None)
        return data

    xlsx = without_cells(build(list_corpus(tmp_path)).graph)
    for delimiter in (",", ";"):
        folder = corpus(tmp_path, {"acties.csv": ("acties-2024", "spreadsheet_actions")},
                        name=f"csv{delimiter == ';'}")
        with (folder / "documents" / "acties.csv").open("w", encoding="utf-8-sig",
                                                       newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter)
            writer.writerow(HEADER)
            writer.writerows(ROWS)
        assert without_cells(build(folder).graph) == xlsx


def test_a_column_graph071_does_not_know_is_reported_not_silently_dropped(tmp_path):
    header = [*HEADER[:-1], "contactpersoon"]
    built = build(list_corpus(tmp_path, header=header))
    assert any("kolom 'contactpersoon' (M) wordt niet gelezen" in w.message for w in built.warnings)


def test_a_misspelt_column_is_reported_with_its_likely_meaning(tmp_path):
    header = [*HEADER[:6], "partnrs", *HEADER[7:]]
    built = build(list_corpus(tmp_path, header=header))
    assert any("'partnrs' (G) wordt niet gelezen; bedoelde u 'partners'?" in w.message
               for w in built.warnings)


def test_the_sheet_called_acties_is_read_when_there_are_several(tmp_path):
    folder = list_corpus(tmp_path)
    path = folder / "documents" / "acties.xlsx"
    workbook = load_workbook(path)
    workbook.create_sheet("toelichting", 0).append(["Dit blad is uitleg, geen acties."])
    workbook.save(path)
    built = build(folder)
    assert "action:2024-2026/1" in built.graph
    assert not any("niet gelezen" in w.message for w in built.warnings)


# ---------------------------------------------------------------- refused whole

def test_a_missing_required_column_is_refused_naming_the_column(tmp_path):
    header = [h for h in HEADER if h != "trekkers"]
    rows = [[v for h, v in zip(HEADER, row) if h != "trekkers"] for row in ROWS]
    refused(list_corpus(tmp_path, rows, header), "acties.xlsx", "sheet 'acties', row 1",
            "column 'trekkers'", "required column missing")


def test_an_action_number_that_is_not_a_number_is_refused_with_sheet_row_and_column(tmp_path):
    rows = [ROWS[0], ["2024-2026", "zeventien", *ROWS[1][2:]], ROWS[2]]
    refused(list_corpus(tmp_path, rows), "acties.xlsx",
            "sheet 'acties', row 3, column 'number' (B): 'zeventien' is not an action number")


def test_a_duplicate_action_number_is_refused_naming_both_rows(tmp_path):
    rows = [ROWS[0], ROWS[1], ["2024-2026", 1, "Nog een keer", 1, "", "UWV", "", "", "", "",
                               "", "", ""]]
    refused(list_corpus(tmp_path, rows), "sheet 'acties', row 4, column 'number' (B)",
            "action 1 of 2024-2026 is listed twice (also on row 2)")


def test_an_unknown_theme_is_refused(tmp_path):
    rows = [*ROWS, ["2024-2026", 4, "Zonder bekend thema", 7, "", "UWV", "", "", "", "", "",
                    "", ""]]
    refused(list_corpus(tmp_path, rows), "row 5, column 'theme' (D): unknown theme '7'",
            "known themes of 2024-2026: 1 Talent & arbeidsmarkt; 2 Ondernemerschap")


def test_a_theme_written_by_a_name_no_row_defines_is_refused(tmp_path):
    rows = [*ROWS, ["2024-2026", 4, "Thema als naam", "Wonen", "", "UWV", "", "", "", "", "",
                    "", ""]]
    refused(list_corpus(tmp_path, rows), "row 5, column 'theme' (D): unknown theme 'Wonen'")


def test_a_file_that_is_not_a_spreadsheet_is_refused(tmp_path):
    folder = list_corpus(tmp_path)
    (folder / "documents" / "acties.xlsx").write_text("Dit is een tekst, geen Excel.\n",
                                                      encoding="utf-8")
    refused(folder, "acties.xlsx", "not an Excel workbook (.xlsx)", "save it as Excel workbook")


def test_a_text_document_given_to_the_spreadsheet_loader_is_refused(tmp_path):
    folder = corpus(tmp_path, {"up.txt": ("up", "spreadsheet_actions")})
    shutil.copy(bundled_data_dir() / "documents" / "2013_uitvoeringsprogramma_2013-2015.txt",
                folder / "documents" / "up.txt")
    refused(folder, "up.txt", "not a spreadsheet: give an Excel workbook (.xlsx) or a CSV file")


def test_an_old_xls_file_is_refused_with_what_to_do(tmp_path):
    folder = corpus(tmp_path, {"acties.xls": ("acties", "spreadsheet_actions")})
    (folder / "documents" / "acties.xls").write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    refused(folder, ".xls files cannot be read", "save it as Excel workbook (.xlsx)")


def test_a_csv_in_the_wrong_encoding_is_refused_with_how_to_save_it(tmp_path):
    folder = corpus(tmp_path, {"acties.csv": ("acties", "spreadsheet_actions")})
    text = ",".join(HEADER) + "\n2024-2026,1,Financiële steun,1,Talent,gemeente Leiden\n"
    (folder / "documents" / "acties.csv").write_bytes(text.encode("cp1252"))
    refused(folder, "acties.csv", "row 2: not UTF-8 text", "CSV UTF-8")


def test_every_problem_of_a_file_is_listed_at_once_and_nothing_of_it_is_loaded(tmp_path):
    rows = [["2024-2026", "één", "Eerste", 1, "Talent", "UWV", "", "", "", "", 9, "", ""],
            ["2024-2026", 2, "", 5, "", "UWV", "", "", "", "", "", "zie boven", ""],
            ["twintig", 3, "Derde", 1, "", "UWV", "", "", "", "", "", "", ""]]
    problems = problems_of(list_corpus(tmp_path, rows))
    assert problems == [
        "sheet 'acties', row 2, column 'number' (B): 'één' is not an action number; "
        "write a whole number such as 17",
        "sheet 'acties', row 2, column 'categorie' (K): '9' is not a categorie; write 1, 2, "
        "3 or 4, or leave it empty",
        "sheet 'acties', row 3, column 'title' (C): empty; every action needs a title",
        "sheet 'acties', row 3, column 'theme' (D): unknown theme '5': write a theme's name in "
        "column 'theme_name' on at least one row (known themes of 2024-2026: 1 Talent)",
        "sheet 'acties', row 3, column 'links' (L): 'zie boven' is not a link; write e.g. '6', "
        "'actie 6', 'thema 3' or 'prerequisite: 6'",
        "sheet 'acties', row 4, column 'programme' (A): 'twintig' is not a programme period; "
        "write it as 2013-2015",
    ]
    stderr = refused(list_corpus(tmp_path / "cli", rows), "6 problems")
    assert len(stderr.strip().splitlines()) == 7  # the summary line and one line per problem


def test_a_bad_list_next_to_a_good_document_stops_the_whole_build(tmp_path):
    """Nothing half-loaded: no graph at all, so no export and no Neo4j push of a partial one."""
    folder = corpus(tmp_path, {"up.txt": ("uitvoeringsprogramma-2013-2015",
                                          "action_programme_2013"),
                               "acties.xlsx": ("acties-2024", "spreadsheet_actions")})
    shutil.copy(bundled_data_dir() / "documents" / "2013_uitvoeringsprogramma_2013-2015.txt",
                folder / "documents" / "up.txt")
    write_xlsx(folder / "documents" / "acties.xlsx", [ROWS[0], ["2024-2026", "x", *ROWS[1][2:]]])
    out = tmp_path / "graph.json"
    result = graph071("--data", str(folder), "export", str(out))
    assert result.returncode == 1 and "rij 3, kolom 'number'" in result.stderr
    assert not out.exists()


def bad_list_corpus(tmp_path: Path) -> Path:
    return list_corpus(tmp_path, [ROWS[0], ["2024-2026", "drie", *ROWS[1][2:]]])


def test_a_bad_list_stops_a_neo4j_push_before_it_connects(tmp_path):
    # Nothing listens on port 9: the refusal must come before any connection is tried.
    env = {**os.environ, "NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "-"}
    result = subprocess.run([sys.executable, "-m", "graph071", "--data",
                             str(bad_list_corpus(tmp_path)), "neo4j", "push"],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "rij 3, kolom 'number' (B): 'drie' is geen actienummer" in result.stderr


@pytest.mark.neo4j
def test_a_bad_list_leaves_neo4j_as_it_was(tmp_path, neo4j_settings):
    def in_neo4j() -> dict:
        answer = graph071("--source", "neo4j", "summary", "--json")
        assert answer.returncode == 0, answer.stderr
        summary = json.loads(answer.stdout)
        return {"nodes": summary["nodes"], "edges": summary["edges"]}

    before = in_neo4j()
    pushed = graph071("--data", str(bad_list_corpus(tmp_path)), "neo4j", "push")
    assert pushed.returncode == 1 and "niets uit dit bestand is ingelezen" in pushed.stderr
    assert in_neo4j() == before


# ---------------------------------------------------------------- templates and the round trip

def test_the_template_has_every_documented_column_and_its_example_row_is_not_loaded(tmp_path):
    folder = corpus(tmp_path, {"acties.xlsx": ("acties", "spreadsheet_actions")})
    path = write_template("actions", folder / "documents" / "acties.xlsx")
    workbook = load_workbook(path)
    assert [c.value for c in workbook["acties"][1]] == [c.name for c in ACTION_COLUMNS]
    assert workbook["acties"]["B2"].value == "63"
    assert "toelichting" in workbook.sheetnames
    built = build(folder)
    assert not [n for n, d in built.graph.nodes(data=True) if d["kind"] == "Action"]
    assert any("voorbeeldrij" in w.message and w.level == "info" for w in built.warnings)


def test_a_filled_in_template_row_is_loaded(tmp_path):
    folder = corpus(tmp_path, {"acties.xlsx": ("acties", "spreadsheet_actions")})
    path = write_template("actions", folder / "documents" / "acties.xlsx")
    workbook = load_workbook(path)
    workbook["acties"]["C2"] = "Gezamenlijk bedrijfshuisvestingsconcept"
    workbook.save(path)
    graph = build(folder).graph
    assert graph.nodes["action:2013-2015/63"]["title"] == "Gezamenlijk bedrijfshuisvestingsconcept"
    assert graph.has_edge("org:vno-ncw", "action:2013-2015/63")


def test_template_command_writes_xlsx_and_csv_and_refuses_to_overwrite(tmp_path):
    assert graph071("template", "projects", "projecten.xlsx", cwd=tmp_path).returncode == 0
    assert graph071("template", "corrections", "c.csv", cwd=tmp_path).returncode == 0
    header = (tmp_path / "c.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "correction,subject,role,organisation,new_name,reason,date"
    again = graph071("template", "projects", "projecten.xlsx", cwd=tmp_path)
    assert again.returncode == 1 and "bestaat al" in again.stderr
    unknown = graph071("template", "begroting", "b.xlsx", cwd=tmp_path)
    assert unknown.returncode == 1 and "gebruik een van actions, projects, corrections" in unknown.stderr


ACTION_PROPERTIES = ("number", "title", "programme", "theme", "theme_name", "voornemen_code",
                     "voornemen", "description", "result", "planning", "categorie",
                     "categorie_colour", "notes", "remarks")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_bundled_actions_exported_as_a_spreadsheet_load_back_as_the_same_graph(tmp_path,
                                                                                    suffix):
    """Export the 62 actions of the 2013-2015 programme, load the sheet instead of the text.

    Compared: every node (id, kind, name), every Action property a column carries, the
    Theme numbers, the organisations (resolution, sector, helix, every name as written),
    and every edge (ends, kind, key, name as written, link kind), MEMBER_OF included.

    Not carried, by design, and so not compared: the PDF's line numbers and quotes (a
    sheet's provenance is its row and cell), the role label exactly as the document wrote
    it ("Trekkers", "Parters"; a sheet has its column header), the action's first/last
    line, and the trekker text of actions that have a trekker (the document's
    "Gemeente Leiden, UvL" becomes the cell "Gemeente Leiden; UvL"). Actions without a
    trekker keep their trekker text ("onbekend").
    """
    text = bundled_data_dir() / "documents" / "2013_uitvoeringsprogramma_2013-2015.txt"
    document_id = "uitvoeringsprogramma-2013-2015"
    original_folder = corpus(tmp_path, {"up.txt": (document_id, "action_programme_2013")},
                             name="text")
    shutil.copy(text, original_folder / "documents" / "up.txt")
    original = build(original_folder).graph
    # The sheet stands in for the document: same id, so Document node and edges match.
    sheet_folder = corpus(tmp_path, {f"acties{suffix}": (document_id, "spreadsheet_actions")},
                          name="sheet")
    write_sheet(sheet_folder / "documents" / f"acties{suffix}", ACTION_COLUMNS,
                action_rows(original), "acties")
    loaded = build(sheet_folder).graph

    assert sum(1 for _, d in original.nodes(data=True) if d["kind"] == "Action") == 62
    assert {n: (d["kind"], d["name"]) for n, d in loaded.nodes(data=True)} == \
           {n: (d["kind"], d["name"]) for n, d in original.nodes(data=True)}
    for node, data in original.nodes(data=True):
        other = loaded.nodes[node]
        if data["kind"] == "Action":
            assert {k: other.get(k) for k in ACTION_PROPERTIES} == \
                   {k: data.get(k) for k in ACTION_PROPERTIES}, node
            if not any(d["kind"] == "TREKKER" for _, _, d in original.in_edges(node, data=True)):
                assert other["trekker_text"] == data["trekker_text"]
        elif data["kind"] == "Theme":
            assert (other["number"], other["programme"]) == (data["number"], data["programme"])
        elif data["kind"] == "Organisation":
            keys = ("sector", "helix", "is_group", "resolved")
            assert {k: other.get(k) for k in keys} == {k: data.get(k) for k in keys}, node
            assert set(other["aliases"]) == set(data["aliases"]), node

    def edges(graph):
        return Counter((s, t, k, d["kind"], d.get("name_as_written"), d.get("link_kind"))
                       for s, t, k, d in graph.edges(keys=True, data=True))

    assert edges(loaded) == edges(original)
    assert sum(1 for *_, d in original.edges(data=True) if d["kind"] == "LINKS_TO") == 18


# ---------------------------------------------------------------- projects

def test_a_list_of_projects_gives_projects_with_their_trekkers(tmp_path):
    folder = corpus(tmp_path, {"projecten.xlsx": ("projecten-2024", "spreadsheet_projects")})
    write_xlsx(folder / "documents" / "projecten.xlsx",
               [["Smart071", "2024-03", "lopend project", "gemeente Leiden", "UvL", "Kenniskring"],
                ["Kenniskring", "", "aanjaagfase", "n.t.b.", "", ""]],
               header=["naam", "editie", "fase", "trekker", "partners", "verbinding met"],
               sheet="projecten")
    built = build(folder)
    graph = built.graph
    project = graph.nodes["project:smart071"]
    assert project["timeline"] == ["2024-03: lopend project"]
    appearance = graph.get_edge_data("project:smart071", "doc:projecten-2024")["APPEARS_IN"]
    assert (appearance["edition"], appearance["line"]) == ("2024-03", 2)
    assert graph.has_edge("org:gemeente-leiden", "project:smart071")
    assert graph.has_edge("project:smart071", "project:kenniskring")
    assert graph.nodes["project:kenniskring"]["timeline"] == ["2024-03: aanjaagfase"]
    assert any("project 'Kenniskring' heeft geen trekker" in w.message for w in built.warnings)
    orphans = json.loads(graph071("--data", str(folder), "orphans", "--json").stdout)
    assert [(o["kind"], o["name"]) for o in orphans] == [("Project", "Kenniskring")]


def test_a_listed_project_joins_the_same_project_of_the_cards_through_projects_csv(tmp_path):
    folder = corpus(tmp_path, {"projecten.csv": ("projecten-2024", "spreadsheet_projects")})
    shutil.copy(bundled_data_dir() / "projects.csv", folder)
    (folder / "documents" / "projecten.csv").write_text(
        "name,trekkers,links\nInternet of Things / Smart071,gemeente Leiden,brede Kenniskring\n"
        "Kenniskring Onderwijs en Arbeidsmarkt,Universiteit Leiden,\n", encoding="utf-8")
    built = build(folder)
    project = built.graph.nodes["project:smart071"]
    assert (project["name"], project["names"]) == ("Smart071", ["Internet of Things / Smart071"])
    assert built.graph.has_edge("project:smart071",
                                "project:brede-kenniskring-onderwijs-en-arbeidsmarkt")
    assert not any("staat niet in projects.csv" in w.message for w in built.warnings)


def test_a_project_listed_twice_is_refused(tmp_path):
    folder = corpus(tmp_path, {"projecten.csv": ("projecten-2024", "spreadsheet_projects")})
    (folder / "documents" / "projecten.csv").write_text(
        "name,trekkers\nSmart071,gemeente Leiden\nSMART071,UvL\n", encoding="utf-8")
    refused(folder, "projecten.csv", "row 3, column 'name' (A): project 'SMART071' is listed "
            "twice (also on row 2)")


# ---------------------------------------------------------------- the documentation

def test_the_maintenance_guide_names_every_column_graph071_reads():
    from graph071.corpus.corrections import CORRECTION_COLUMNS

    guide = (ROOT / "docs" / "data-maintenance.md").read_text(encoding="utf-8")
    for column in (*ACTION_COLUMNS, *PROJECT_COLUMNS, *CORRECTION_COLUMNS):
        assert f"`{column.name}`" in guide, column.name
