"""Bad input gets one clear line naming the file (and line), exit code 1, no traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from graph071.corpus.manifest import bundled_data_dir

from .conftest import graph071
from .fuzz_corpus import PROGRAMME

# The fuzz run's small programme, with an action number used twice at the end.
MINI_PROGRAMME = PROGRAMME + """
2. Tweede actie nog eens
Omschrijving.

Trekker: gemeente Leiden

Resultaat

2014 2

4. Vierde actie
Omschrijving.

Trekker: Gemeente Leidn

Resultaat

2014 1
"""

MANIFEST_HEADER = "file,id,title,publisher,edition,kind,loader\n"


def corpus(tmp_path: Path, text: str | bytes | None = MINI_PROGRAMME,
           loader: str = "action_programme_2013") -> Path:
    folder = tmp_path / "corpus"
    (folder / "documents").mkdir(parents=True)
    shutil.copy(bundled_data_dir() / "organisations.csv", folder / "organisations.csv")
    (folder / "manifest.csv").write_text(
        MANIFEST_HEADER + f"documents/up.txt,up,Test,Test,2013-10,action_programme,{loader}\n",
        encoding="utf-8")
    if text is not None:
        path = folder / "documents" / "up.txt"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return folder




def assert_one_line_error(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0, result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


def test_a_small_programme_in_the_same_layout_loads(tmp_path):
    result = graph071("--data", str(corpus(tmp_path)), "orphans", "--json")
    assert [item["number"] for item in json.loads(result.stdout)] == [2]


def test_duplicate_action_number_and_gap_are_reported(tmp_path):
    result = json.loads(graph071("--data", str(corpus(tmp_path)), "check", "--json").stdout)
    messages = [w["message"] for w in result["warnings"]]
    assert any("actienummer 2 komt twee keer voor" in m for m in messages)
    assert any("actienummer 3 ontbreekt" in m for m in messages)


def test_unknown_name_is_listed_by_check_with_suggestions(tmp_path):
    result = json.loads(graph071("--data", str(corpus(tmp_path)), "check", "--json").stdout)
    unresolved = {u["name"]: u for u in result["unresolved"]}
    assert "Gemeente Leidn" in unresolved
    assert unresolved["Gemeente Leidn"]["suggestions"][0] == "gemeente Leiden"
    assert unresolved["Gemeente Leidn"]["where"] == ["up:42"]


def test_check_strict_fails_when_something_needs_attention(tmp_path):
    assert graph071("--data", str(corpus(tmp_path)), "check", "--strict").returncode == 1


def test_missing_document(tmp_path):
    assert_one_line_error(graph071("--data", str(corpus(tmp_path, None)), "summary"),
                          "up.txt", "ontbreekt")


def test_empty_document(tmp_path):
    assert_one_line_error(graph071("--data", str(corpus(tmp_path, "  \n\n")), "summary"),
                          "up.txt", "leeg")


def test_wrong_encoding_names_the_line(tmp_path):
    latin1 = MINI_PROGRAMME.replace("thema’s", "thema's").replace("–", "-").replace("Omschrijving.", "Financiële",
                                                                       1).encode("latin-1")
    assert_one_line_error(graph071("--data", str(corpus(tmp_path, latin1)), "summary"),
                          "up.txt:", "geen UTF-8-tekst", "sla de tekst op als UTF-8")


def test_unrecognised_layout(tmp_path):
    text = "Index071\nDe monitor van de economische ontwikkelingen.\n"
    assert_one_line_error(graph071("--data", str(corpus(tmp_path, text)), "summary"),
                          "up.txt", "opmaak niet herkend")


def test_unknown_loader_in_the_manifest(tmp_path):
    assert_one_line_error(graph071("--data", str(corpus(tmp_path, loader="spreadsheet_x")),
                                   "summary"), "manifest.csv:2", "onbekende lezer 'spreadsheet_x'")


def test_missing_corpus_folder(tmp_path):
    assert_one_line_error(graph071("--data", str(tmp_path / "nowhere"), "summary"),
                          "corpusmap niet gevonden")


def test_manifest_without_a_required_column(tmp_path):
    folder = corpus(tmp_path)
    (folder / "manifest.csv").write_text("file,id\nx.txt,x\n", encoding="utf-8")
    assert_one_line_error(graph071("--data", str(folder), "summary"), "manifest.csv:1",
                          "ontbrekende kolom")


def test_organisation_table_with_an_unknown_sector(tmp_path):
    folder = corpus(tmp_path)
    with (folder / "organisations.csv").open("a", encoding="utf-8") as handle:
        handle.write("Nieuwe club,vereniging,overig,no,,,,\n")
    assert_one_line_error(graph071("--data", str(folder), "summary"), "organisations.csv:",
                          "onbekende sector 'vereniging'")


@pytest.mark.parametrize("path", ["graph.xlsx", "no-such-folder/graph.json"])
def test_export_to_an_impossible_path(tmp_path, path):
    assert_one_line_error(graph071("export", str(tmp_path / path)))


def test_the_bundled_corpus_warns_only_where_index071_contradicts_itself():
    result = json.loads(graph071("check", "--json").stdout)
    assert result["unresolved"] == []
    warned = {w["document"] for w in result["warnings"] if w["level"] == "warning"}
    assert warned == {"index071-2017"}


def test_an_edge_the_schema_forbids_is_one_line_naming_the_row(tmp_path):
    # A record the schema forbids (a link from a project to an organisation, as a row of a
    # user's list could say) stops the build with one line naming the document and row.
    from graph071.build.builder import assemble
    from graph071.corpus.organisations import OrganisationTable
    from graph071.errors import SchemaError
    from graph071.records import EdgeRecord, LoadResult, NodeRecord, OrgName, Source
    from graph071.schema import Edge, Node

    table = OrganisationTable.load(bundled_data_dir() / "organisations.csv")
    loaded = LoadResult("projecten-2024")
    loaded.nodes.append(NodeRecord(Node.PROJECT, "p", "P", Source("projecten-2024", 3, "P")))
    loaded.edges.append(EdgeRecord(Edge.LINKS_TO, "project:p", OrgName("gemeente Leiden"),
                                   Source("projecten-2024", 3, "links: gemeente Leiden")))
    with pytest.raises(SchemaError) as raised:
        assemble([loaded], table, {}, tmp_path)
    assert str(raised.value).startswith("projecten-2024:3: LINKS_TO (hangt samen met) kan niet "
                                        "verbinden met Organisation 'gemeente Leiden'")
    assert "\n" not in str(raised.value)
