"""Corrections: the coordination group knows that action 17 has found a trekker.

Each test writes a corrections file next to a copy of the 2013-2015 programme and
asks what users ask: who is trekker now, where does that fact come from, and what
happened to a correction that matches nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from graph071.analytics.roles import orphans, role_holders, who
from graph071.build.pipeline import build
from graph071.corpus.manifest import bundled_data_dir
from graph071.corpus.corrections import describe_correction, read_corrections
from graph071.io.export import export
from graph071.corpus.sheets import SheetError
from graph071.io.templates import write_template

from .conftest import graph071, programme_corpus

HEADER = "correction,subject,role,organisation,new_name,reason,date\n"
REASON = "Besloten in het coördinatieoverleg van 12 maart 2024"


def corpus_with(tmp_path: Path, corrections: str | None) -> Path:
    """A corpus of the 2013-2015 programme with `corrections` as its corrections.csv."""
    folder = programme_corpus(tmp_path / "corpus")
    if corrections is not None:
        (folder / "corrections.csv").write_text(HEADER + corrections, encoding="utf-8")
    return folder




def numbers(items: list[dict]) -> list[int]:
    return [item["number"] for item in items if item["kind"] == "Action"]


def test_without_corrections_action_17_has_no_trekker(tmp_path):
    assert numbers(orphans(build(corpus_with(tmp_path, None)).graph)) == [17, 39, 42]


def test_action_17_found_a_trekker_and_the_fact_says_it_comes_from_a_correction(tmp_path):
    folder = corpus_with(tmp_path, f"set_trekker,actie 17,,gemeente Leiden,,{REASON},12-3-2024\n")
    graph = build(folder).graph
    assert numbers(orphans(graph)) == [39, 42]
    edge = graph.get_edge_data("org:gemeente-leiden", "action:2013-2015/17")["TREKKER"]
    assert (edge["document"], edge["line"]) == ("corrections.csv", 2)
    assert (edge["correction"], edge["correction_reason"], edge["correction_date"]) == \
           ("set_trekker", REASON, "2024-03-12")
    assert describe_correction(edge) == f"correctie 2024-03-12: {REASON}"
    action = graph.nodes["action:2013-2015/17"]
    assert action["correction_reason"] == REASON
    assert action["corrections"] == [
        f"2024-03-12: trekker gezet op gemeente Leiden; was geen (onbekend); reden: {REASON} "
        "(corrections.csv:2)"]


def test_set_trekker_replaces_the_trekkers_the_document_names_and_keeps_what_they_were(tmp_path):
    folder = corpus_with(tmp_path, f"trekker,2013-2015/18,,Holland Rijnland;UWV,,{REASON},"
                                   "2024-03-12\n")
    graph = build(folder).graph
    trekkers = role_holders(graph, "action:2013-2015/18", "TREKKER")
    assert sorted(trekkers) == ["org:holland-rijnland", "org:uwv"]
    assert "was regiogemeenten (uitvoeringsprogramma-2013-2015:" in \
           graph.nodes["action:2013-2015/18"]["corrections"][0]


def test_who_shows_a_role_added_by_correction(tmp_path):
    folder = corpus_with(tmp_path, f"add_role,actie 42,partner,UvL,,{REASON},2024-03-12\n")
    answer = json.loads(graph071("--data", str(folder), "who", "Universiteit Leiden",
                                 "--json").stdout)
    added = [item for item in answer["partner"] if item["number"] == 42]
    assert added and added[0]["document"] == "corrections.csv" and added[0]["line"] == 2


def test_remove_role_takes_a_partner_away_and_says_where_it_was_written(tmp_path):
    graph = build(corpus_with(tmp_path, "rol verwijderen,actie 17,partner,Bedrijfsleven "
                                        f"Rijnland,,{REASON},2024-03-12\n")).graph
    partners = [graph.nodes[o]["name"] for o in role_holders(graph, "action:2013-2015/17",
                                                               "PARTNER")]
    assert partners == ["regiogemeenten"]
    note = graph.nodes["action:2013-2015/17"]["corrections"][0]
    assert "partner Bedrijfsleven Rijnland verwijderd (stond in uitvoeringsprogramma-2013-2015:" in note


def test_rename_keeps_the_old_name_as_an_alias(tmp_path):
    graph = build(corpus_with(tmp_path, f"rename,Leiden Marketing,,,Leiden&Partners,{REASON},"
                                        "2024-03-12\n")).graph
    node = graph.nodes["org:leiden-marketing"]
    assert node["name"] == "Leiden&Partners"
    assert "Leiden Marketing" in node["aliases"]
    assert who(graph, "org:leiden-marketing")["trekker"]


def test_merge_moves_every_role_to_the_organisation_kept(tmp_path):
    before = build(corpus_with(tmp_path / "a", None)).graph
    roles_of_hsl = {(t, d["kind"]) for _, t, d in before.out_edges("org:hogeschool-leiden",
                                                                    data=True)}
    graph = build(corpus_with(tmp_path / "b", f"samenvoegen,Hogeschool Leiden,,Universiteit "
                                              f"Leiden,,{REASON},2024-03-12\n")).graph
    assert "org:hogeschool-leiden" not in graph
    roles_of_uvl = {(t, d["kind"]) for _, t, d in graph.out_edges("org:universiteit-leiden",
                                                                  data=True)}
    assert len(roles_of_hsl) >= 5 and roles_of_hsl <= roles_of_uvl
    moved = [d for _, _, d in graph.out_edges("org:universiteit-leiden", data=True)
             if d.get("merged_from")]
    assert moved and all(d["correction_reason"] == REASON for d in moved)
    assert "Hogeschool Leiden" in graph.nodes["org:universiteit-leiden"]["aliases"]


def test_a_correction_that_matches_nothing_is_reported_by_check(tmp_path):
    folder = corpus_with(tmp_path, f"add_role,actie 99,partner,UWV,,{REASON},2024-03-12\n"
                                   f"remove_role,actie 17,trekker,UWV,,{REASON},2024-03-12\n"
                                   f"rename,Philips,,,Signify,{REASON},2024-03-12\n")
    checked = json.loads(graph071("--lang", "en", "--data", str(folder), "check", "--json").stdout)
    reported = {w["line"]: w["message"] for w in checked["warnings"]
                if w["document"] == "corrections.csv"}
    assert reported == {
        2: "correction add_role ('actie 99'): matches nothing: there is no action 'actie 99' "
           "in the graph",
        3: "correction remove_role ('actie 17'): matches nothing: UWV is not trekker of "
           "17. Haalbaarheidsstudie bedrijfshuisvesting",
        4: "correction rename ('Philips'): matches nothing: no organisation called 'Philips'",
    }
    assert graph071("--data", str(folder), "check", "--strict").returncode == 1


def test_a_correction_a_document_now_makes_unnecessary_is_reported(tmp_path):
    built = build(corpus_with(tmp_path, f"add_role,actie 18,trekker,Regiogemeenten,,{REASON},"
                                        "2024-03-12\n"))
    (warning,) = [w for w in built.warnings if w.document == "corrections.csv"]
    assert warning.line == 2
    assert "niet meer nodig: regiogemeenten is al trekker van 18." in warning.message
    edges = built.graph.get_edge_data("org:regiogemeenten", "action:2013-2015/18")
    assert [d["kind"] for d in edges.values()].count("TREKKER") == 1


def test_a_new_name_in_a_correction_is_listed_by_check_with_suggestions(tmp_path):
    folder = corpus_with(tmp_path, f"add_role,actie 39,trekker,Gemeente Leidn,,{REASON},"
                                   "2024-03-12\n")
    checked = json.loads(graph071("--data", str(folder), "check", "--json").stdout)
    (unknown,) = checked["unresolved"]
    assert unknown["name"] == "Gemeente Leidn"
    assert unknown["where"] == ["corrections.csv:2"]
    assert unknown["suggestions"][0] == "gemeente Leiden"


def test_a_malformed_corrections_file_is_refused_whole_with_row_and_column(tmp_path):
    folder = corpus_with(tmp_path, f"set_trekker,actie 17,,gemeente Leiden,,{REASON},2024-03-12\n"
                                   "verplaatsen,actie 18,,UWV,,reden,2024-03-12\n"
                                   "add_role,actie 19,baas,UWV,,,gisteren\n")
    result = graph071("--lang", "en", "--data", str(folder), "orphans")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert "corrections.csv: 4 problems, nothing from this file was loaded" in lines[0]
    assert [line.strip() for line in lines[1:]] == [
        "row 3, column 'correction' (A): 'verplaatsen' is not a correction; write one of "
        "add_role, remove_role, set_trekker, rename, merge",
        "row 4, column 'role' (C): 'baas' is not a role; write trekker, partner or te betrekken",
        "row 4, column 'reason' (F): empty; every correction needs its reason",
        "row 4, column 'date' (G): 'gisteren' is not a date; write 2024-03-12 (or 12-3-2024)",
    ]


def test_a_corrections_file_without_a_reason_column_is_refused(tmp_path):
    folder = corpus_with(tmp_path, None)
    (folder / "corrections.csv").write_text("correction,subject,organisation,date\n",
                                            encoding="utf-8")
    with pytest.raises(SheetError) as caught:
        build(folder)
    assert [str(p) for p in caught.value.problems] == [
        "rij 1, kolom 'reason': verplichte kolom ontbreekt in de kopregel"]


def test_corrections_can_live_in_an_excel_sheet_of_the_same_shape(tmp_path):
    folder = corpus_with(tmp_path, None)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "correcties"
    sheet.append(["correctie", "onderwerp", "rol", "organisatie", "nieuwe naam", "reden", "datum"])
    import datetime as dt

    sheet.append(["trekker", "actie 39", None, "Holland Rijnland", None, REASON,
                  dt.datetime(2024, 3, 12)])
    workbook.save(folder / "corrections.xlsx")
    graph = build(folder).graph
    edge = graph.get_edge_data("org:holland-rijnland", "action:2013-2015/39")["TREKKER"]
    assert (edge["document"], edge["line"], edge["correction_date"]) == \
           ("corrections.xlsx", 2, "2024-03-12")


def test_the_template_example_row_is_never_applied(tmp_path):
    folder = corpus_with(tmp_path, None)
    write_template("corrections", folder / "corrections.csv", overwrite=True)
    assert read_corrections(folder / "corrections.csv") == []
    assert numbers(orphans(build(folder).graph)) == [17, 39, 42]


def test_exports_carry_the_correction_and_its_reason(tmp_path):
    graph = build(corpus_with(tmp_path, f"set_trekker,actie 17,,gemeente Leiden,,{REASON},"
                                        "2024-03-12\n")).graph
    export(graph, tmp_path / "graph.json")
    data = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    (edge,) = [e for e in data["edges"] if e.get("correction") == "set_trekker"]
    assert (edge["source"], edge["target"], edge["correction_reason"]) == \
           ("org:gemeente-leiden", "action:2013-2015/17", REASON)
    export(graph, tmp_path / "graph.graphml")
    assert REASON in (tmp_path / "graph.graphml").read_text(encoding="utf-8")


def test_the_bundled_corpus_stays_as_the_documents_say(graph):
    assert read_corrections(bundled_data_dir() / "corrections.csv") == []
    assert not [n for n, d in graph.nodes(data=True) if d.get("correction_reason")]
    assert not [e for *_, e in graph.edges(data=True) if e.get("correction_reason")]
