"""Analytics people can act on: who could lead what has no trekker, who carries the
network, how two organisations are connected, whether a theme leans on one side of the
triple helix, what changed between editions and which organisations form clusters.

Small graphs built here pin each rule down; the bundled corpus checks the answers users
get; a synthetic corpus checks the measures that are sampled above a size.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import networkx as nx
import pytest

from graph071.analytics import roles as analytics
from graph071.analytics.roles import find_action, find_node, hubs
from graph071.analytics.balance import balance
from graph071.analytics.centrality import (EXACT_BETWEENNESS_LIMIT, collaboration_betweenness,
                                           collaboration_eigenvector, hub_ranking,
                                           working_network)
from graph071.analytics.communities import communities
from graph071.analytics.owners import orphans_with_suggestions, suggested_owners
from graph071.analytics.paths import connection
from graph071.cli.render import hub_title
from graph071.analytics.diff import edition_diff, find_edition, project_card_editions
from graph071.errors import Graph071Error

from .conftest import run

BENCH = Path(__file__).resolve().parent.parent / "bench"




def org(graph: nx.MultiDiGraph, key: str, name: str, helix: str = "overheid", **data) -> str:
    graph.add_node(f"org:{key}", kind="Organisation", name=name, helix=helix, aliases=[], **data)
    return f"org:{key}"


def action(graph: nx.MultiDiGraph, number: int, title: str = "", theme: str | None = None) -> str:
    node = f"action:{number}"
    graph.add_node(node, kind="Action", name=f"{number}. {title or 'Actie'}", number=number,
                   title=title or "Actie")
    if theme:
        graph.add_edge(node, theme, kind="IN_THEME")
    return node


def role(graph: nx.MultiDiGraph, organisation: str, work: str, kind: str) -> None:
    graph.add_edge(organisation, work, kind=kind, document="doc", line=1, quote="...")


def names(rows: list[dict]) -> list[str]:
    return [row["name"] for row in rows]


# ---------------------------------------------------------------- suggested owners

def test_suggested_owners_for_action_17_are_its_partners_and_the_trekker_of_actions_6_and_7(graph):
    suggestions = suggested_owners(graph, find_action(graph, 17))
    top = {s["name"]: s for s in suggestions[:3]}
    assert set(top) == {"regiogemeenten", "Bedrijfsleven Rijnland", "Holland Rijnland"}
    assert "is al partner bij deze actie" in top["Bedrijfsleven Rijnland"]["why"]
    holland = top["Holland Rijnland"]["why"]
    assert "trekker van actie 6 (Opzetten biobased cluster)" in holland
    assert "trekker van actie 7 (Opzetten space cluster)" in holland
    assert top["regiogemeenten"]["is_group"] is True


def test_every_suggestion_carries_its_evidence_with_points_that_add_up(graph):
    for row in orphans_with_suggestions(graph, limit=None):
        for suggestion in row["suggestions"]:
            assert suggestion["evidence"], suggestion
            assert suggestion["points"] == pytest.approx(
                sum(item["points"] for item in suggestion["evidence"]))
            assert suggestion["why"] == "; ".join(i["text"] for i in suggestion["evidence"])


def test_an_organisation_already_trekker_is_never_suggested():
    G = nx.MultiDiGraph()
    lead, other = org(G, "lead", "Lead"), org(G, "other", "Other")
    work = action(G, 1)
    role(G, lead, work, "TREKKER")
    role(G, lead, work, "PARTNER")
    role(G, other, work, "PARTNER")
    assert names(suggested_owners(G, work)) == ["Other"]


def test_a_group_partner_is_suggested_but_its_members_are_not_credited():
    G = nx.MultiDiGraph()
    group = org(G, "rg", "regiogemeenten", is_group=True)
    member = org(G, "katwijk", "gemeente Katwijk")
    G.add_edge(member, group, kind="MEMBER_OF")
    work = action(G, 17)
    role(G, group, work, "PARTNER")
    assert names(suggested_owners(G, work)) == ["regiogemeenten"]


def test_partners_outrank_trekkers_of_the_same_theme():
    G = nx.MultiDiGraph()
    G.add_node("theme:1", kind="Theme", name="Starters", number=1)
    partner, busy = org(G, "p", "Partner"), org(G, "b", "Busy")
    orphan = action(G, 1, theme="theme:1")
    role(G, partner, orphan, "PARTNER")
    for number in range(2, 8):  # Busy leads six other actions in the theme
        role(G, busy, action(G, number, theme="theme:1"), "TREKKER")
    ranked = suggested_owners(G, orphan)
    assert names(ranked) == ["Partner", "Busy"]
    assert ranked[1]["points"] == 1.0  # the theme evidence is capped
    assert ranked[1]["strength"] == "zwak"


def test_people_on_a_project_count_once_per_organisation():
    G = nx.MultiDiGraph()
    hs = org(G, "hs", "Hogeschool Leiden", helix="onderwijs/kennis")
    G.add_node("project:p", kind="Project", name="Centrum", editions=["2018-10"])
    for key, kind in (("lead", "PROJECTLEIDER"), ("a", "WORKS_ON"), ("b", "WORKS_ON")):
        G.add_node(f"person:{key}", kind="Person", name=key.upper())
        G.add_edge(f"person:{key}", "project:p", kind=kind)
        G.add_edge(f"person:{key}", hs, kind="WORKS_FOR")
    G.add_edge("person:lead", "project:p", kind="WORKS_ON")  # the leader is in the team too
    [suggestion] = suggested_owners(G, "project:p")
    assert suggestion["points"] == 3.0  # projectleider 2 + team members together 1
    assert suggestion["why"] == "projectleider LEAD werkt voor hen; A en B werken voor hen"


def test_an_orphan_nobody_works_near_gets_no_suggestion():
    G = nx.MultiDiGraph()
    org(G, "x", "X")
    assert suggested_owners(G, action(G, 39)) == []


def test_orphans_suggest_on_the_command_line_explains_itself():
    # The 2013-2015 actions are orphans as of their programme's period, no longer today.
    out = run("--as-of", "2014", "orphans", "--suggest").stdout
    assert "Actie 17: Haalbaarheidsstudie bedrijfshuisvesting" in out
    assert "Holland Rijnland" in out and "die samenhangt met deze actie" in out
    rows = json.loads(run("--as-of", "2014", "orphans", "--suggest", "--limit", "2", "--json").stdout)
    assert all(len(row["suggestions"]) <= 2 for row in rows)
    assert rows[0]["number"] == 17 and rows[0]["suggestions"][0]["evidence"]


# ---------------------------------------------------------------- hubs, four ways

def test_hubs_by_score_keeps_the_ranking_of_hubs_and_adds_every_role_count(graph):
    ranked = hub_ranking(graph, top=None)
    assert [r["id"] for r in ranked] == [r["id"] for r in hubs(graph, top=None)]
    for row in ranked:
        weighted = (2 * row["trekker"] + row["partner"] + 0.5 * row["te_betrekken"]
                    + row["projectboard"] + row["betrokken"] + row["financier"])
        assert row["score"] == pytest.approx(weighted), row["name"]


def test_a_trekker_who_also_pays_counts_both_roles():
    G = nx.MultiDiGraph()
    a, b = org(G, "a", "A"), org(G, "b", "B")
    G.add_node("project:p", kind="Project", name="P")
    for kind in ("TREKKER", "FINANCIER", "PROJECTBOARD"):
        role(G, a, "project:p", kind)
    role(G, b, "project:p", "PARTNER")
    row = hub_ranking(G)[0]
    assert (row["name"], row["score"], row["financier"], row["projectboard"]) == ("A", 4.0, 1, 1)
    assert row["why"] == "2×1 trekker + 2 andere rollen = 4"


def test_hubs_by_trekker_puts_gemeente_leiden_first_and_explains(graph):
    first = hub_ranking(graph, by="trekker", top=1)[0]
    assert first["name"] == "gemeente Leiden"
    assert first["why"] == f"{first['trekker']} keer trekker"


def test_betweenness_on_the_real_corpus_is_exactly_the_networkx_computation(graph):
    network = working_network(graph)
    assert len(network) < EXACT_BETWEENNESS_LIMIT
    exact = nx.betweenness_centrality(network)
    computed = collaboration_betweenness(network)
    assert computed.sampled is False and computed.samples is None
    assert computed.values == pytest.approx(exact, abs=1e-12)
    ranked = hub_ranking(graph, by="betweenness", top=None)
    expected = sorted(ranked, key=lambda r: (-round(exact[r["id"]], 12), -r["score"],
                                             r["name"].lower()))
    assert [r["id"] for r in ranked] == [r["id"] for r in expected]
    assert all(r["sampled"] is False and r["method"].startswith("exact") for r in ranked)
    assert ranked[0]["name"] == "gemeente Leiden"


def test_the_collaboration_network_is_that_of_analytics_restricted_to_who_works(graph):
    network = working_network(graph)
    full = analytics.collaboration_graph(graph)
    assert sorted(network.edges(data="weight")) == sorted(full.subgraph(network).edges(data="weight"))
    assert all(full.degree(n) == 0 for n in set(full) - set(network))  # they hold no role


def test_above_the_limit_betweenness_is_sampled_with_a_fixed_seed_and_says_so(graph):
    network = working_network(graph)
    sampled = collaboration_betweenness(network, exact_limit=10, samples=30)
    assert sampled.sampled is True and sampled.samples == 30
    # The same sample networkx draws for that seed, and the same figures.
    assert sampled.values == pytest.approx(nx.betweenness_centrality(network, k=30, seed=71),
                                           abs=1e-12)
    again = collaboration_betweenness(network, exact_limit=10, samples=30)
    assert again.values == sampled.values
    rows = hub_ranking(graph, by="betweenness", exact_limit=10, samples=30)
    assert rows[0]["sampled"] is True and rows[0]["samples"] == 30
    assert "steekproef van 30" in rows[0]["method"] and "seed 71" in rows[0]["method"]
    assert "steekproef van 30" in hub_title(rows, "betweenness")


def test_eigenvector_is_the_networkx_computation_scaled_to_the_best_connected(graph):
    network = working_network(graph)
    reference = nx.eigenvector_centrality(network, weight="weight", max_iter=1000, tol=1e-08)
    top = max(reference.values())
    ours = collaboration_eigenvector(network)
    assert ours == pytest.approx({n: v / top for n, v in reference.items()}, abs=1e-9)
    assert max(ours.values()) == 1.0


def test_hubs_by_betweenness_on_the_command_line_says_exact_and_keeps_the_json_shape():
    out = run("hubs", "--by", "betweenness", "--top", "3").stdout
    assert "tussenpositie" in out and "exact" in out
    rows = json.loads(run("hubs", "--by", "eigenvector", "--top", "3", "--json").stdout)
    assert len(rows) == 3 and rows[0]["value"] == 1.0
    assert {"trekker", "partner", "projectboard", "betrokken", "financier", "score",
            "centrality", "why", "sampled"} <= rows[0].keys()


def test_hubs_help_states_the_weights_and_the_measures():
    out = run("hubs", "--help").stdout
    assert "0.5" in out and "financier" in out and "betweenness" in out and "Voorbeeld:" in out


def test_an_unknown_ranking_is_refused_with_the_choices(graph):
    with pytest.raises(Graph071Error, match="kies uit score, trekker"):
        hub_ranking(graph, by="populariteit")


# ---------------------------------------------------------------- path

def test_hogeschool_leiden_and_vno_ncw_are_both_partner_at_action_25(graph):
    result = connection(graph, find_node(graph, "Hogeschool Leiden"), find_node(graph, "VNO-NCW"))
    assert result["connected"] and result["hops"] == 1
    [step] = result["steps"]
    assert "actie 25" in step["shared"]
    assert result["text"].startswith("Hogeschool Leiden en VNO-NCW zijn allebei partner bij actie")
    assert step["document"] == "uitvoeringsprogramma-2013-2015" and step["line"]


def test_a_chain_names_every_step_and_prefers_the_strongest_ties():
    G = nx.MultiDiGraph()
    a, weak, strong, b = (org(G, k, k.upper()) for k in ("a", "weak", "strong", "b"))
    one, two, three, four = (action(G, n, f"Werk {n}") for n in (1, 2, 3, 4))
    role(G, a, one, "TREKKER"), role(G, weak, one, "PARTNER")
    role(G, weak, two, "PARTNER"), role(G, b, two, "PARTNER")
    for work in (three, four):  # A and STRONG share two actions
        role(G, a, work, "PARTNER"), role(G, strong, work, "TREKKER")
    role(G, strong, two, "PARTNER")
    result = connection(G, a, b)
    assert result["chain_names"] == ["A", "STRONG", "B"]
    assert result["text"] == "A en B zijn verbonden in 2 stappen, via STRONG."
    assert result["steps"][0]["text"] == ("A is partner en STRONG is trekker bij actie 3 (Werk 3); "
                                          "ze werken samen aan nog 1 andere actie of project.")


def test_a_group_and_its_member_are_one_step_apart():
    G = nx.MultiDiGraph()
    group, member = org(G, "rg", "regiogemeenten", is_group=True), org(G, "k", "gemeente Katwijk")
    G.add_edge(member, group, kind="MEMBER_OF", document="organisations.csv", line=4)
    assert connection(G, group, member)["text"] == "gemeente Katwijk is lid van regiogemeenten."


def test_organisations_without_a_chain_are_said_to_be_unconnected(graph):
    result = connection(graph, find_node(graph, "WIJIJ"), find_node(graph, "gemeente Leiden"))
    assert result["connected"] is False and result["steps"] == []
    assert "niet verbonden" in result["text"]


def test_path_on_the_command_line_and_its_errors():
    # Both worked together in the 2013-2015 programme; today they share no project.
    out = run("--as-of", "2014", "path", "Hogeschool Leiden", "VNO NCW").stdout
    assert "zijn allebei partner bij actie" in out and "Keten van 1 stap" in out
    assert json.loads(run("--as-of", "2014", "path", "UvL", "SpaceNed", "--json").stdout)["connected"] is True
    wrong = run("path", "Hogeschool Leidn", "VNO-NCW", check=False)
    assert wrong.returncode == 1 and wrong.stderr.count("\n") == 1
    assert "bedoelde u 'Hogeschool Leiden'" in wrong.stderr and "Traceback" not in wrong.stderr


# ---------------------------------------------------------------- balance

def test_theme_4_of_2013_is_led_by_overheid_alone(graph):
    [theme] = [t for t in balance(graph, "4")["themes"] if t["programme"] == "2013-2015"]
    assert theme["trekker"]["overheid"] == theme["trekker_roles"] == 18
    assert theme["verdict"] == "scheef" and theme["lacking"] == ["ondernemers", "onderwijs/kennis"]
    assert theme["without_trekker_works"] == ["actie 39", "actie 42"]
    assert "Leidse Koepel van Ondernemersverenigingen" in theme["text"]
    assert [o["name"] for o in theme["organisations"]["overheid"]][:2] == ["regiogemeenten",
                                                                           "gemeente Leiden"]


def test_the_whole_programme_counts_every_trekker_role_once(graph):
    total = balance(graph)["total"]
    assert total["trekker_roles"] == sum(1 for _, t, d in graph.edges(data=True)
                                         if d["kind"] == "TREKKER"
                                         and graph.nodes[t]["kind"] in ("Action", "Project"))
    assert total["without_trekker"] == len(analytics.orphans(graph))


def test_a_group_counts_once_on_its_own_side():
    G = nx.MultiDiGraph()
    G.add_node("theme:1", kind="Theme", name="Starters", number=1)
    group = org(G, "rg", "regiogemeenten", is_group=True)
    for key in ("k", "l"):
        G.add_edge(org(G, key, key.upper()), group, kind="MEMBER_OF")
    kvk = org(G, "kvk", "KvK", helix="ondernemers")
    uni = org(G, "ul", "UL", helix="onderwijs/kennis")
    for number, leader in enumerate((group, kvk, uni), start=1):
        role(G, leader, action(G, number, theme="theme:1"), "TREKKER")
    [theme] = balance(G)["themes"]
    assert theme["trekker"] == {"overheid": 1, "ondernemers": 1, "onderwijs/kennis": 1, "overig": 0}
    assert theme["verdict"] == "in balans"


def test_fewer_than_three_trekker_roles_get_no_verdict():
    G = nx.MultiDiGraph()
    G.add_node("theme:1", kind="Theme", name="Starters", number=1)
    role(G, org(G, "a", "A"), action(G, 1, theme="theme:1"), "TREKKER")
    assert balance(G)["themes"][0]["verdict"] == "te weinig trekkers"


def test_balance_on_the_command_line():
    out = run("balance").stdout
    assert "Balans van de triple helix" in out and "Alle acties en projecten" in out
    # The themes of the projectkaarten 2018 (the 2022 cards name none).
    detail = json.loads(run("--as-of", "2018-10", "balance", "--theme", "Vestigingsklimaat",
                            "--json").stdout)
    assert [t["label"] for t in detail["themes"]] == ["4. Vestigingsklimaat (2018)"]
    wrong = run("--as-of", "2014", "balance", "--theme", "99", check=False)
    assert wrong.returncode == 1 and "geen thema '99'" in wrong.stderr
    assert "Ondernemerschap & starters" in wrong.stderr  # the themes it could have been


# ---------------------------------------------------------------- diff

def test_from_2018_to_2019_the_cards_say_what_changed(graph):
    result = edition_diff(graph, "2018-10", "2019-06")
    assert names(result["new"]) == ["Circulaire economie", "Talent op Maat"]
    assert names(result["gone"]) == ["Centrum voor Vitaliteit"]
    status = {r["name"]: (r["before"], r["after"]) for r in result["status_changed"]}
    assert status["Be Good And Tell It"] == ("lopend project", "doorstart project")
    renamed = {r["name"]: r["after"] for r in result["renamed"]}
    assert renamed["Technolab op Leiden Bio Science Park"].startswith("Technolab met Open")
    leaders = [r for r in result["roles_changed"]
               if r["name"] == "Bedrijventerreinen Leidse regio" and r["role"] == "PROJECTLEIDER"]
    assert leaders[0]["added"] == ["Niels Dekker"] and leaders[0]["removed"] == ["Gerbrand Kuipers"]
    assert result["text"].startswith("Van 2018-10 (projectkaarten-2018) naar 2019-06")


def test_from_2019_to_2022_gone_projects_say_what_became_of_them(graph):
    result = edition_diff(graph, "2019-06", "2022-01")
    gone = {r["name"]: r["note"] for r in result["gone"]}
    assert gone["Professioneel Expat Centre"].startswith("gaat verder als Expat Centre Leiden")
    assert "laatste status: lopend project" in gone["Smart071"]
    assert ("Talent op Maat", "WIJIJ") in {(s["older_name"], s["newer_name"])
                                          for s in result["successions"]}


def test_an_edition_is_a_manifest_edition_a_year_or_a_document_id(graph):
    assert find_edition(graph, "2019") == find_edition(graph, "projectoverzicht-2019")
    assert find_edition(graph, "2019-06").document == "projectoverzicht-2019"
    assert edition_diff(graph, "2018", "projectoverzicht-2019") == \
        edition_diff(graph, "2018-10", "2019-06")


@pytest.mark.parametrize("written, expected", [
    ("2020", "bedoelde u '2022-01'?"),
    ("2013-10", "bevat geen projectkaarten"),
    ("uitvoeringsprogramma-2013-2015", "bevat geen projectkaarten"),
])
def test_an_edition_without_cards_is_refused_with_the_editions_there_are(graph, written, expected):
    with pytest.raises(Graph071Error) as error:
        find_edition(graph, written)
    assert expected in str(error.value)
    assert "2018-10 (projectkaarten-2018)" in str(error.value)


def test_diff_on_the_command_line():
    out = run("diff", "2018-10", "2019-06").stdout
    assert "Verdwenen (1)" in out and "Centrum voor Vitaliteit" in out
    result = json.loads(run("diff", "2019", "2022", "--json").stdout)
    assert result["from"]["document"] == "projectoverzicht-2019"
    same = run("diff", "2019", "2019-06", check=False)
    assert same.returncode == 1 and "dezelfde editie" in same.stderr


# ---------------------------------------------------------------- communities

def test_two_groups_that_never_meet_are_two_clusters():
    G = nx.MultiDiGraph()
    G.add_node("theme:1", kind="Theme", name="Starters", number=1)
    G.add_node("theme:2", kind="Theme", name="Regiomarketing", number=2)
    left = [org(G, f"l{i}", f"L{i}") for i in range(3)]
    right = [org(G, f"r{i}", f"R{i}", helix="ondernemers") for i in range(3)]
    for number, (members, theme) in enumerate(((left, "theme:1"), (right, "theme:2")), start=1):
        work = action(G, number, theme=theme)
        for member in members:
            role(G, member, work, "PARTNER")
    result = communities(G)
    assert [sorted(m["name"] for m in c["members"]) for c in result["communities"]] == \
        [["L0", "L1", "L2"], ["R0", "R1", "R2"]]
    assert result["communities"][1]["description"] == \
        "R0, R1 en R2; vooral ‘Regiomarketing’; overwegend ondernemers (3 van 3); samen bij actie 2 (Actie)"


def test_communities_of_the_corpus_are_the_same_every_time_and_cover_who_works(graph):
    first, second = communities(graph), communities(graph)
    assert first == second
    clustered = sum(c["size"] for c in first["communities"]) + len(first["alone"])
    assert clustered == first["organisations"] == len(working_network(graph))
    assert all(c["description"] and c["themes"] for c in first["communities"])


def test_communities_on_the_command_line():
    assert "Clusters van samenwerkende organisaties" in run("communities").stdout
    result = json.loads(run("communities", "--json").stdout)
    assert result["method"] == "louvain" and result["seed"] == 71


# ---------------------------------------------------------------- the synthetic corpus

@pytest.fixture(scope="module")
def synthetic_corpus():
    sys.path.insert(0, str(BENCH))
    try:
        return importlib.import_module("synthetic_corpus")
    finally:
        sys.path.remove(str(BENCH))


def test_the_synthetic_corpus_has_the_shape_the_analytics_meet(synthetic_corpus):
    graph = synthetic_corpus.corpus_graph(3)
    kinds = [d["kind"] for _, d in graph.nodes(data=True)]
    assert kinds.count("Action") == 3 * 62 and kinds.count("Project") == 3 * 20
    assert analytics.orphans(graph)  # actions and projects without trekker, as in the corpus
    assert any(d["kind"] == "SUCCEEDS" for _, _, d in graph.edges(data=True))
    assert [e.edition for e in project_card_editions(graph)] == ["2018-10", "2019-06", "2022-01"]
    assert synthetic_corpus.corpus_graph(3).edges == graph.edges  # the same every time
    result = edition_diff(graph, "2018-10", "2019-06")
    assert result["counts"]["in_both"] and result["roles_changed"]
    assert orphans_with_suggestions(graph)[0]["suggestions"]
