"""The project cards of 2018, 2019 and 2022 as newcomers ask about them: who works on what,
and what became of it."""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict

import pytest

from graph071.analytics.roles import orphans, who
from graph071.errors import InputError
from graph071.corpus.projects import ProjectTable
from graph071.analytics.projects import find_project, lineage, person_roles, project_detail

from graph071.schema import stating_documents

from .conftest import FIXTURES, run

CARD_DOCUMENTS = ("projectkaarten-2018", "projectoverzicht-2019", "projectkaarten-2022")


def read_hand_reading() -> list[dict[str, str]]:
    with (FIXTURES / "project_cards_reading.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def appearances(graph) -> dict[tuple[str, int], tuple[str, dict]]:
    """(document, title line) -> (project id, APPEARS_IN edge data)."""
    return {(data["document"], data["line"]): (project, data)
            for project, _, data in graph.edges(data=True) if data["kind"] == "APPEARS_IN"}


def canonical(bundled, names: str) -> set[str]:
    found = set()
    for name in filter(None, names.split(";")):
        org = bundled.organisations.resolve(name) or bundled.organisations.resolve(
            re.sub(r"\s*\(.*\)\s*$", "", name))
        assert org is not None, f"the reading's name {name!r} is not in organisations.csv"
        found.add(org.name)
    return found


def card_roles(bundled, project: str, edge: dict, kind: str) -> set[str]:
    """The names the card of `edge` gives in role `kind` under its labels (the hand reading):
    the role edges that card states. Partners named only in a card's running prose are read
    by the prose reader (read_by "prose", tests/test_prose.py)."""
    graph = bundled.graph
    return {graph.nodes[source]["name"] for source, _, data in graph.in_edges(project, data=True)
            if data["kind"] == kind and edge["document"] in stating_documents(data)
            and data.get("read_by") != "prose"}


def edges_between(graph, source: str, target: str, kind: str) -> list[dict]:
    return [d for d in (graph.get_edge_data(source, target) or {}).values() if d["kind"] == kind]




# ---------------------------------------------------------------- every card, per edition

def test_the_three_editions_hold_27_cards_as_counted_by_hand(graph):
    hand = read_hand_reading()
    per_document = defaultdict(int)
    for row in hand:
        per_document[row["document"]] += 1
    assert dict(per_document) == {"projectkaarten-2018": 9, "projectoverzicht-2019": 10,
                                  "projectkaarten-2022": 8}
    assert sorted(appearances(graph)) == sorted((r["document"], int(r["line"])) for r in hand)


@pytest.mark.parametrize("row", read_hand_reading(), ids=lambda r: f"{r['document']}:{r['line']}")
def test_each_card_has_its_title_categorie_trekkers_and_partners_as_read_by_hand(bundled, row):
    project, edge = appearances(bundled.graph)[row["document"], int(row["line"])]
    assert edge["name_as_written"] == row["title"]
    assert edge["categorie"] == row["categorie"]
    assert card_roles(bundled, project, edge, "TREKKER") == canonical(bundled, row["trekkers"])
    assert card_roles(bundled, project, edge, "PARTNER") == canonical(bundled, row["partners"])
    # The graph holds those roles as edges too, each with its source.
    for kind, names in (("TREKKER", row["trekkers"]), ("PARTNER", row["partners"])):
        holders = {bundled.graph.nodes[s]["name"] for s, _, d in bundled.graph.in_edges(project, data=True)
                   if d["kind"] == kind}
        assert canonical(bundled, names) <= holders


def test_cards_of_the_same_project_in_other_editions_are_one_node(graph):
    projects = {project for project, _ in appearances(graph).values()}
    assert len(projects) == 16


def test_smart071_appears_in_2018_and_2019(graph):
    smart071 = find_project(graph, "Smart071")
    editions = [(t["edition"], t["categorie"]) for t in project_detail(graph, smart071)["timeline"]]
    assert editions == [("2018-10", "lopend project"), ("2019-06", "lopend project")]


def test_professioneel_expat_centre_and_its_leiden_name_are_one_project_with_both_names(graph):
    project = find_project(graph, "Professioneel Expat Centre Leiden")
    assert project == find_project(graph, "Professioneel Expat Centre")
    detail = project_detail(graph, project)
    assert {"Professioneel Expat Centre", "Professioneel Expat Centre Leiden"} <= set(detail["names"])
    assert [t["categorie"] for t in detail["timeline"]] == ["verzelfstandiging in 2019",
                                                            "afgerond project"]


def test_project_ids_are_the_slug_of_the_canonical_name(graph):
    assert find_project(graph, "Human Capital Actieplan") == "project:talent-op-maat"
    assert find_project(graph, "Regionale bedrijventerreinenstrategie") == \
        "project:bedrijventerreinen-leidse-regio"


def test_technolab_trekkers_are_oegstgeest_and_universiteit_leiden(graph):
    detail = project_detail(graph, find_project(graph, "Technolab"))
    trekkers = {t["name"]: t["editions"] for t in detail["trekkers"]}
    assert trekkers == {"gemeente Oegstgeest": ["2018-10", "2019-06"],
                        "Universiteit Leiden": ["2018-10", "2019-06"]}
    assert all(t["document"] and t["line"] and "Bestuurlijke trekkers" in t["quote"]
               for t in detail["trekkers"])


def test_be_good_and_tell_it_is_led_by_leiden_marketing_as_penvoerder(graph):
    detail = project_detail(graph, find_project(graph, "Be Good And Tell It"))
    [trekker] = detail["trekkers"]
    assert trekker["name"] == "Leiden Marketing" and trekker["role"] == "Penvoerder"
    assert "als penvoerder" in trekker["quote"]


def test_a_trekker_written_as_a_person_makes_their_gemeente_trekker(graph):
    detail = project_detail(graph, find_project(graph, "Stagepact071"))
    assert [t["name"] for t in detail["trekkers"]] == ["gemeente Leiden"]
    person = next(p for p in detail["people"] if p["name"] == "Yvonne van Delft")
    assert [r["kind"] for r in person["roles"]] == ["BESTUURLIJK_TREKKER"]
    assert person["organisations"][0] == "gemeente Leiden"


def test_a_bestuurlijk_opdrachtgever_is_not_a_trekker(graph):
    detail = project_detail(graph, find_project(graph, "Bedrijventerreinen Leidse regio"))
    assert detail["trekkers"] == []
    opdrachtgevers = {p["name"]: [r["role"] for r in p["roles"]] for p in detail["people"]}
    assert opdrachtgevers["Willem Joosten"] == ["Bestuurlijk opdrachtgever"]
    assert opdrachtgevers["Jacco Knape"] == ["Bestuurlijk opdrachtgever"]


# ---------------------------------------------------------------- orphans and who

def test_orphans_report_projects_without_a_bestuurlijk_trekker_as_projects(graph):
    names = {o["name"] for o in orphans(graph) if o["kind"] == "Project"}
    assert {"Smart071", "Bedrijventerreinen Leidse regio", "Duurzame mobiliteit",
            "Centrum voor Vitaliteit", "Index071"} <= names
    # Trekkers written as a person, as penvoerder or in running text still count.
    assert not names & {"Stagepact071", "Be Good And Tell It", "Professioneel Expat Centre",
                        "Laat digitalisering voor je werken", "Talent op Maat",
                        "Technolab op Leiden Bio Science Park", "Circulaire economie"}


def test_orphans_json_marks_projects_with_kind_project():
    # Smart071 has no card in 2022: it is an orphan as of the 2018 and 2019 editions.
    items = json.loads(run("--as-of", "2019", "orphans", "--json").stdout)
    smart071 = next(i for i in items if i["name"] == "Smart071")
    assert smart071["kind"] == "Project" and smart071["id"] == "project:smart071"
    assert "stuurgroep" in smart071["trekker_text"].lower()


def test_who_gemeente_oegstgeest_includes_its_projects(graph):
    result = who(graph, "org:gemeente-oegstgeest")
    assert {"Technolab op Leiden Bio Science Park", "Professioneel Expat Centre"} <= {
        i["name"] for i in result["trekker"] if i["kind"] == "Project"}
    assert any(i["kind"] == "Project" for i in result["projectboard"])


def test_who_table_lists_project_roles_beyond_trekker_and_partner():
    out = run("who", "mboRijnland").stdout
    assert "Talent op Maat" in out and "Financiert" in out


# ---------------------------------------------------------------- people

def test_laura_platte_was_projectleider_of_technolab_and_the_expat_centre_in_2018_and_2019(graph):
    result = person_roles(graph, "person:laura-platte")
    leads = {(r["name"], tuple(r["editions"])) for r in result["roles"] if r["kind"] == "PROJECTLEIDER"}
    assert leads == {("Technolab op Leiden Bio Science Park", ("2018-10", "2019-06")),
                     ("Professioneel Expat Centre", ("2018-10", "2019-06"))}
    assert [o["name"] for o in result["organisations"]] == ["gemeente Oegstgeest"]


def test_people_keep_the_organisation_they_act_for(graph):
    roles = person_roles(graph, "person:martijn-van-pelt")
    assert [(r["kind"], r["name"]) for r in roles["roles"]] == [
        ("BESTUURLIJK_TREKKER", "Laat digitalisering voor je werken")]
    assert roles["organisations"][0]["name"] == "VNO-NCW"
    nico = person_roles(graph, "person:nico-van-tol")
    assert nico["organisations"][0]["name"] == "Hogeschool Leiden"
    assert nico["organisations"][0]["role"] == "directeur van de Faculteit Gezondheidszorg"


def test_the_project_team_gives_each_person_their_organisation(graph):
    team = {p["name"]: p["organisations"] for p in
            project_detail(graph, find_project(graph, "Centrum voor Vitaliteit"))["people"]}
    assert team["Alice van Liemt"] == ["Hogeschool Leiden"]
    assert team["Camilla Jaspers"] == ["Hogeschool Leiden"]
    assert team["Jan Willem Faessen"] == ["eHealthCompany"]
    assert "Kees Wassenaar" in team  # "(voorheen: Kees Wassenaar)" in the projectboard


def test_quoted_speakers_are_people_quoted_on_their_card(graph):
    quoted = [d for s, t, d in graph.in_edges("project:index071", data=True) if d["kind"] == "QUOTED"]
    assert [q["name_as_written"] for q in quoted] == ["Rob Manders"]
    assert "bureau Blaauwberg" in quoted[0]["role"] and "Index071" in quoted[0]["quote"]


def test_the_chair_of_economie071_changes_in_2022(graph):
    chairs = {(graph.nodes[s]["name"], d.get("edition")) for s, t, d in graph.edges(data=True)
              if d["kind"] == "VOORZITTER" and t == "org:economie071"}
    assert ("Yvonne van Delft", "2019-06") in chairs
    assert ("Fleur Spijker", "2022-01") in chairs


def test_person_cli_shows_roles_over_the_years():
    out = run("person", "Joost Bruggeman").stdout
    assert "Werkt voor mboRijnland" in out and "2018-10" in out and "2022-01" in out
    roles = json.loads(run("person", "Joost Bruggeman", "--json").stdout)["roles"]
    leads = {(r["name"], tuple(r["editions"])) for r in roles if r["kind"] == "PROJECTLEIDER"}
    assert leads == {("Aansluiting Onderwijs en Arbeidsmarkt", ("2018-10", "2019-06")),
                     ("Talent op Maat", ("2022-01",))}


# ---------------------------------------------------------------- links and lineage

def test_technolab_links_to_smart071_regiomarketing_and_the_expat_centre(graph):
    technolab = find_project(graph, "Technolab")
    links = edges_between(graph, technolab, "project:smart071", "LINKS_TO")
    assert links and links[0]["role"].startswith("Verbinding met andere projecten")
    assert "Smart071" in links[0]["quote"]
    for other in ("project:be-good-and-tell-it", "project:professioneel-expat-centre"):
        assert edges_between(graph, technolab, other, "LINKS_TO")


def test_wijij_succeeds_talent_op_maat(graph):
    [edge] = edges_between(graph, "org:wijij", "project:talent-op-maat", "SUCCEEDS")[:1]
    assert edge["explicit"] is True
    assert "Talent op Maat gaat verder" in edge["quote"] and "als WIJIJ" in edge["quote"]
    assert (edge["document"], edge["line"]) == ("projectkaarten-2022", 45)


def test_lineage_of_talent_op_maat_and_of_wijij_is_the_same_chain(graph):
    from_project = lineage(graph, find_project(graph, "Talent op Maat"))
    from_wijij = lineage(graph, "org:wijij")
    assert [m["name"] for m in from_project["chain"]] == ["Talent op Maat", "WIJIJ"]
    assert from_project["chain"] == from_wijij["chain"]
    assert from_project["steps"][0]["explicit"] is True


@pytest.mark.parametrize("newer, older, words", [
    ("project:brede-kenniskring-onderwijs-en-arbeidsmarkt",
     "project:aansluiting-onderwijs-en-arbeidsmarkt", "is in 2018 omgevormd naar een brede Kenniskring"),
    ("project:smart071", "project:internet-of-things",
     "Smart071 is de volgende fase van het Internet of Things (IoT) project"),
    ("project:plnt", "project:hubspot", "PLNT (voorheen HUBspot)"),
    ("org:expat-centre-leiden", "project:professioneel-expat-centre",
     "geen project meer van Economie071"),
])
def test_successions_the_cards_state_are_explicit_with_their_quote(graph, newer, older, words):
    edges = edges_between(graph, newer, older, "SUCCEEDS")
    assert edges and all(e["explicit"] is True for e in edges)
    assert words in edges[0]["quote"]


@pytest.mark.parametrize("project, actions", [
    ("project:professioneel-expat-centre", ["action:2013-2015/55"]),
    ("project:regionale-visie-op-retail-en-werklandschappen", ["action:2013-2015/30"]),
    ("project:be-good-and-tell-it", ["action:2013-2015/46", "action:2013-2015/47"]),
])
def test_links_to_2013_actions_are_inferences_with_a_reason_never_facts(graph, project, actions):
    for action in actions:
        [edge] = edges_between(graph, project, action, "SUCCEEDS")
        assert edge["explicit"] is False
        assert "do not name the action" in edge["reason"]


def test_every_explicit_succession_quote_is_in_its_document(bundled):
    documents = {d.id: d for d in map(_document, CARD_DOCUMENTS)}
    for _, _, edge in bundled.graph.edges(data=True):
        if edge["kind"] == "SUCCEEDS" and edge["explicit"]:
            text = " ".join(documents[edge["document"]].lines[edge["line"] - 1:edge["line"] + 8])
            assert _squash(edge["quote"])[:30] in _squash(text), edge["quote"]


def test_lineage_cli_shows_the_chain_from_talent_op_maat_to_wijij():
    out = run("lineage", "Talent op Maat").stdout
    assert out.index("Talent op Maat") < out.index("WIJIJ")
    assert "projectkaarten-2022" in out and "gaat verder" in out
    assert run("lineage", "WIJIJ", "--json").stdout == run("lineage", "Talent op Maat", "--json").stdout \
        .replace('"id": "project:talent-op-maat"', '"id": "org:wijij"', 1) \
        .replace('"name": "Talent op Maat"', '"name": "WIJIJ"', 1)


def test_lineage_cli_says_an_inference_is_not_in_the_text():
    out = run("lineage", "Expat Centre").stdout
    assert "afgeleid, staat niet in de tekst" in out and "Continuering Expat Centre Leiden" in out


# ---------------------------------------------------------------- themes and community

def test_the_2018_theme_overview_puts_projects_in_their_theme(graph):
    themes = {(graph.nodes[s]["name"], graph.nodes[t]["name"]) for s, t, d in graph.edges(data=True)
              if d["kind"] == "IN_THEME" and t.startswith("theme:2018/")}
    assert ("Centrum voor Vitaliteit", "Economische structuurversterking") in themes
    assert {("PLNT", "Starters en Ondernemerschap"), ("Smart071", "Starters en Ondernemerschap")} <= themes
    assert ("Be Good And Tell It", "Regiomarketing") in themes
    assert ("Circulaire economie", "Duurzaamheid") in themes


def test_community_activities_name_who_organises_and_pays(graph):
    contributors = {(graph.nodes[s]["name"], d["role"]) for s, _, d in
                    graph.in_edges("activity:ondernemersdag071", data=True)
                    if d["kind"] == "CONTRIBUTES_TO"}
    assert contributors == {("ondernemersverenigingen", "organisator"),
                            ("Rabobank Leiden-Katwijk", "financier"), ("Economie071", "financier")}


def test_the_new_themes_of_2018_were_embraced_by_two_wethouders(graph):
    ambassadors = {(graph.nodes[s]["name"], graph.nodes[t]["name"]) for s, t, d in graph.edges(data=True)
                   if d["kind"] == "AMBASSADEUR" and t.startswith("theme:")}
    assert ambassadors == {("Yvonne van Delft", "Duurzaamheid"),
                           ("Nanning Mol", "Arbeidsmarkt van de toekomst")}


# ---------------------------------------------------------------- provenance, CLI, data

def test_every_card_edge_carries_document_line_and_a_quote_near_its_name(bundled):
    documents = {d.id: d for d in map(_document, CARD_DOCUMENTS)}
    checked = 0
    for _, _, edge in bundled.graph.edges(data=True):
        if edge.get("document") not in documents:
            continue
        assert edge["line"] >= 1 and edge["quote"], edge
        written = edge.get("name_as_written")
        if written and edge["kind"] not in ("SUCCEEDS", "DESCRIBED_IN", "IN_THEME", "LINKS_TO"):
            lines = documents[edge["document"]].lines[max(0, edge["line"] - 2):edge["line"] + 2]
            # PDF line breaks may split the word ("program" / "mabureau").
            assert _squash(written.split()[0].strip("(,")) in _squash(" ".join(lines)), (
                edge["kind"], written, edge["line"])
            checked += 1
    assert checked > 300


def test_project_cli_shows_the_project_across_editions():
    out = run("project", "Expat Centre").stdout
    assert "Professioneel Expat Centre" in out and "verzelfstandiging in 2019" in out
    assert "afgerond project" in out and "Corine van der Ceelen" in out
    data = json.loads(run("project", "HCA", "--json").stdout)
    assert data["name"] == "Talent op Maat"
    assert [t["edition"] for t in data["timeline"]] == ["2019-06", "2022-01"]


def test_a_near_miss_project_name_says_did_you_mean():
    result = run("project", "Smart 071", check=False)
    assert result.returncode == 1 and "bedoelde u 'Smart071'" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_new_command_has_an_example_in_its_help():
    for command in ("project", "lineage", "person"):
        assert "Voorbeeld: graph071 " in run(command, "--help").stdout


def test_the_project_table_refuses_an_inference_without_a_reason(tmp_path):
    path = tmp_path / "projects.csv"
    path.write_text("name,kind,aliases,grew_out_of,grew_out_of_reason\n"
                    "Expat,Project,,action:2013-2015/55,\n", encoding="utf-8")
    with pytest.raises(InputError, match="projects.csv:2: grew_out_of vraagt een grew_out_of_reason"):
        ProjectTable.load(path)


def test_a_card_missing_from_the_project_table_is_still_read_and_reported(tmp_path, bundled):
    from graph071.build.pipeline import build

    corpus = _copy_corpus(tmp_path, bundled.data_dir)
    (corpus / "projects.csv").write_text("name,kind,aliases\n", encoding="utf-8")
    built = build(corpus)
    assert "project:professioneel-expat-centre-leiden" in built.graph  # no table: names apart
    assert any("staat niet in projects.csv" in w.message for w in built.warnings)


# ---------------------------------------------------------------- helpers

def _document(document_id: str):
    from graph071.corpus.manifest import bundled_data_dir, read_document, read_manifest

    data = bundled_data_dir()
    entry = next(e for e in read_manifest(data) if e.id == document_id)
    return read_document(data, entry)


def _squash(text: str) -> str:
    return re.sub(r"[\s\-‘’'*]+", "", text)


def _copy_corpus(tmp_path, source):
    import shutil

    target = tmp_path / "corpus"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target
