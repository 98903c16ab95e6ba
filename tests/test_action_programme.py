"""The 2013-2015 uitvoeringsprogramma as the coordination group reads it."""

from __future__ import annotations

import csv
import re
from collections import defaultdict

import pytest

from graph071.analytics.roles import action_detail, orphans, role_holders

from .conftest import FIXTURES

PROGRAMME = "2013-2015"
ROLE_EDGES = {"trekker": "TREKKER", "partner": "PARTNER", "te_betrekken": "TE_BETREKKEN"}

# Where our reading differs on purpose from the hand reading in tests/fixtures (its notes
# name these as judgement calls): both labels say "Trekkers" (plural), so we read two
# trekkers; "hotels en congreslocaties" is one group, whose examples follow "o.a.".
INTERPRETATIONS = {
    "Regiogemeenten onder leiding van gemeente Leiden": ["regiogemeenten", "gemeente Leiden"],
    "Regiogemeenten Leiden": ["regiogemeenten", "gemeente Leiden"],
    "hotels": ["hotels en congreslocaties"],
    "congreslocaties": ["hotels en congreslocaties"],
}


def action_id(number: int) -> str:
    return f"action:{PROGRAMME}/{number}"


def names(graph, number: int, kind: str) -> set[str]:
    return {graph.nodes[o]["name"] for o in role_holders(graph, action_id(number), kind)}


def canonical(bundled, written: str) -> list[str]:
    if written in INTERPRETATIONS:
        return INTERPRETATIONS[written]
    table = bundled.organisations
    org = table.resolve(written) or table.resolve(re.sub(r"\s*\(.*\)\s*$", "", written))
    assert org is not None, f"the reading's name {written!r} is not in organisations.csv"
    return [org.name]


def hand_reading(bundled) -> dict[tuple[int, str], set[str]]:
    expected: dict[tuple[int, str], set[str]] = defaultdict(set)
    with (FIXTURES / "actions_2013_reading.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            expected[int(row["number"]), row["role"]].update(canonical(bundled, row["name"]))
    return expected


def test_all_62_actions_are_read(graph):
    numbers = sorted(d["number"] for _, d in graph.nodes(data=True) if d["kind"] == "Action")
    assert numbers == list(range(1, 63))


@pytest.mark.parametrize("number", range(1, 63))
def test_roles_match_the_hand_reading(bundled, number):
    expected = hand_reading(bundled)
    for role, kind in ROLE_EDGES.items():
        assert names(bundled.graph, number, kind) == expected.get((number, role), set()), (
            f"action {number}, {role}")


def test_orphans_are_exactly_the_actions_the_document_leaves_without_trekker(graph):
    assert [o["number"] for o in orphans(graph) if o["kind"] == "Action"] == [17, 39, 42]


def test_action_17_has_no_trekker(graph):
    assert names(graph, 17, "TREKKER") == set()
    assert graph.nodes[action_id(17)]["trekker_text"] == "onbekend"


def test_action_17_partners_are_regiogemeenten_and_bedrijfsleven_rijnland(graph):
    assert names(graph, 17, "PARTNER") == {"regiogemeenten", "Bedrijfsleven Rijnland"}


def test_action_10_is_prerequisite_for_11_and_12(graph):
    links = {(v, d["link_kind"]) for _, v, d in graph.out_edges(action_id(10), data=True)
             if d["kind"] == "LINKS_TO"}
    assert links == {(action_id(11), "prerequisite"), (action_id(12), "prerequisite")}


def test_actions_21_to_27_follow_up_on_action_20(graph):
    targets = sorted(graph.nodes[v]["number"] for _, v, d in graph.out_edges(action_id(20), data=True)
                     if d["kind"] == "LINKS_TO" and d["link_kind"] == "follow-up")
    assert targets == list(range(21, 28))


def test_action_6_links_to_action_17_and_to_theme_5(graph):
    links = {v for _, v, d in graph.out_edges(action_id(6), data=True)
             if d["kind"] == "LINKS_TO" and d["link_kind"] == "link"}
    assert links == {action_id(17), f"theme:{PROGRAMME}/5"}


def test_action_17_links_to_actions_6_and_7(graph):
    links = {v for _, v, d in graph.out_edges(action_id(17), data=True) if d["kind"] == "LINKS_TO"}
    assert links == {action_id(6), action_id(7)}


def test_te_betrekken_is_a_role_of_its_own(graph):
    assert names(graph, 25, "TE_BETREKKEN") == {
        "Samenwerking Beroepsonderwijs Bedrijfsleven (SBB)", "Holland Space Cluster",
        "onderwijsinstellingen", "zorg- en welzijninstellingen"}
    assert "Holland Space Cluster" not in names(graph, 25, "PARTNER")


def test_inline_te_betrekken_in_action_27_splits_the_partner_list(graph):
    assert names(graph, 27, "PARTNER") == {"DZB Leiden", "BV Leiden", "LUMC"}
    assert names(graph, 27, "TE_BETREKKEN") == {"UWV", "Holland Rijnland", "afstemmingsteam"}


def test_parters_typo_in_action_56_still_reads_as_partner(graph):
    assert names(graph, 56, "PARTNER") == {"regiogemeenten"}


@pytest.mark.parametrize("number, trekker, result", [
    (57, "Stuurgroep Economische agenda", "Stuurgroep Economische agenda operationeel"),
    (58, "Stuurgroep Economische agenda", "Capaciteit voor uitvoering"),
    (62, "gemeente Leiden", "Aanjaagbudget"),
])
def test_unlabelled_trekker_columns_of_57_58_62(graph, number, trekker, result):
    assert names(graph, number, "TREKKER") == {trekker}
    assert graph.nodes[action_id(number)]["result"] == result


@pytest.mark.parametrize("number, result, planning, categorie", [
    (18, "Kantorenloods functie in hele regio operationeel", "2015", 3),
    (33, "Betere interne bereikbaarheid agglomeratie", "Plan: 2013 Uitvoering: vanaf 2014", 2),
    (9, "Onderzoek", "Onderzoeksopzet: 1e kwartaal 2014 Onderzoek gereed: 2e kwartaal 2014", 2),
    (50, "PvA Talentpool", "Najaar 2013; 1e opzet in PvA", 1),
    (13, "Informatiebrochure Positieve grondhouding ondernemers richting verzoeken onderwijs", "", 4),
    (24, "Minder uitval MBO", "2014 (taak onderwijs)", 2),
    (1, "Versterking van het life sciences & health cluster en verbreding naar de regio",
     "Start 4e kwartaal 2013", 2),
])
def test_result_planning_and_categorie_sharing_lines(graph, number, result, planning, categorie):
    data = graph.nodes[action_id(number)]
    assert (data["result"], data["planning"], data["categorie"]) == (result, planning, categorie)


@pytest.mark.parametrize("categorie, colour", [(1, "groen"), (2, "groen"), (3, "oranje"), (4, "rood")])
def test_categorie_has_its_colour(graph, categorie, colour):
    colours = {d["categorie_colour"] for _, d in graph.nodes(data=True)
               if d["kind"] == "Action" and d["categorie"] == categorie}
    assert colours == {colour}


def test_every_action_has_a_categorie(graph):
    missing = [d["number"] for _, d in graph.nodes(data=True)
               if d["kind"] == "Action" and d["categorie"] not in (1, 2, 3, 4)]
    assert missing == []


@pytest.mark.parametrize("number, theme, code", [
    (1, 1, "1.1"), (4, 1, "1.2"), (9, 1, "1.3"), (10, 2, "2.1"), (19, 2, "2.4"), (20, 3, "3.1"),
    (25, 3, "3.4"), (28, 4, "4.1"), (45, 4, "4.6"), (46, 5, "5.1"), (56, 5, "5.4"),
])
def test_theme_and_voornemen_code(graph, number, theme, code):
    data = graph.nodes[action_id(number)]
    assert (data["theme"], data["voornemen_code"]) == (theme, code)


def test_voornemen_texts_are_clean(graph):
    assert graph.nodes[action_id(25)]["voornemen"] == "Voldoende stages en leerwerkplekken"
    assert graph.nodes[action_id(20)]["voornemen"] == "Informatie delen en samen monitoren"


@pytest.mark.parametrize("number, heading", [
    (57, "Sturing op de uitvoering"), (58, "Sturing op de uitvoering"),
    (59, "Uitvoeringsorganisatie"), (60, "Programmering en monitoring"),
    (61, "Programmering en monitoring"), (62, "Financiering"),
])
def test_organisatie_chapter_is_its_own_theme_with_sub_headings(graph, number, heading):
    data = graph.nodes[action_id(number)]
    assert (data["theme"], data["theme_name"], data["voornemen"]) == (6, "Organisatie", heading)


def test_titles_spanning_two_lines_are_joined(graph):
    assert graph.nodes[action_id(11)]["title"] == "Ondernemerschap in onderwijscurricula MBO, HBO, WO"
    assert graph.nodes[action_id(59)]["title"] == (
        "Kwartiermaken uitvoeringsorganisatie: programmamanager Economische agenda en "
        "tripartiete coördinatiegroep")


def test_footnote_does_not_leak_into_action_22(graph):
    data = graph.nodes[action_id(22)]
    assert "Voorschoten" not in data["planning"] + data["result"] + data["description"]


def test_every_edge_has_provenance(graph):
    for source, target, data in graph.edges(data=True):
        assert data.get("document") and isinstance(data.get("line"), int) and data.get("quote"), (
            source, target, data)


def test_role_quote_is_the_line_it_came_from(bundled):
    detail = action_detail(bundled.graph, action_id(3))
    oegstgeest = next(p for p in detail["partners"] if p["name"] == "gemeente Oegstgeest")
    assert oegstgeest["as_written"] == "gemeente Oegstgees"
    assert oegstgeest["line"] == 232  # "gemeente" ends line 232, "Oegstgees" starts 233
    assert "gemeente Oegstgees," in oegstgeest["quote"]


def test_a_group_trekker_is_not_turned_into_trekker_edges_on_its_members(graph):
    trekkers = names(graph, 18, "TREKKER")
    assert trekkers == {"regiogemeenten"}
    assert "gemeente Voorschoten" not in trekkers


def test_regiogemeenten_are_the_five_municipalities_named_in_the_opening(graph):
    members = {graph.nodes[s]["name"] for s, _, d in graph.in_edges("org:regiogemeenten", data=True)
               if d["kind"] == "MEMBER_OF"}
    assert members == {"gemeente Leiden", "gemeente Oegstgeest", "gemeente Leiderdorp",
                       "gemeente Voorschoten", "gemeente Zoeterwoude"}


def test_node_ids_are_the_same_on_every_build(graph):
    from graph071.build.pipeline import build

    assert sorted(build().graph.nodes) == sorted(graph.nodes)
