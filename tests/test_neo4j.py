"""graph071 and a real Neo4j server (started by `make test`): push, pull, queries, errors.

Nothing here is mocked and nothing is skipped: without a server these tests fail
and say how to get one (tests/conftest.py, fixture neo4j_settings).
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from graph071 import queries
from graph071.analytics import roles as analytics
from graph071.analytics.time import as_of
from graph071.io.export import to_node_link
from graph071.schema import role_edge_kinds
from graph071.neo4j.store import (Neo4jError, Settings, check_version, parse_version, pull,
                                  pull_graph, push, run_query, session)

from .conftest import graph071 as run_graph071

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.neo4j


def _synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "bench" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthetic"] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def settings(neo4j_settings) -> Settings:
    return Settings(**neo4j_settings)


@pytest.fixture
def pushed(graph, settings):
    """The bundled graph, pushed (a no-op when Neo4j already holds it)."""
    push(graph, settings=settings)
    return graph


def cypher(settings: Settings, statement: str, **params):
    with session(settings) as opened:
        return opened.run(statement, params).data()


def exported(graph: nx.MultiDiGraph) -> str:
    # JSON tells 1 from 1.0 from true, which == on Python values does not.
    return json.dumps(to_node_link(graph), sort_keys=True, ensure_ascii=False, default=str)


def environment(settings: Settings, **changes: str) -> dict[str, str]:
    env = {**os.environ, "NEO4J_URI": settings.uri, "NEO4J_USER": settings.user,
           "NEO4J_PASSWORD": settings.password, "NEO4J_DATABASE": settings.database}
    env.update(changes)
    return {key: value for key, value in env.items() if value is not None}


def graph071(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return run_graph071(*args, env=env, cwd=ROOT)


def foreign_things(settings: Settings) -> list:
    """Everything in the database that graph071 did not write, with its properties."""
    nodes = cypher(settings, "MATCH (n) WHERE n.g071_load IS NULL AND NOT n:G071Load "
                             "RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props "
                             "ORDER BY eid")
    rels = cypher(settings, "MATCH ()-[r]->() WHERE r.g071_rank IS NULL "
                            "RETURN elementId(r) AS eid, type(r) AS type, properties(r) AS props "
                            "ORDER BY eid")
    return [nodes, rels]


# ---------------------------------------------------------------- push and pull

def test_the_bundled_graph_comes_back_identical_node_for_node_edge_for_edge(pushed, settings):
    pulled = pull_graph(settings)
    assert to_node_link(pulled) == to_node_link(pushed)
    assert exported(pulled) == exported(pushed)
    # Even the order networkx keeps, which decides how ties are listed.
    assert list(pulled.nodes) == list(pushed.nodes)
    assert all(list(pulled.in_edges(n, keys=True)) == list(pushed.in_edges(n, keys=True))
               and list(pulled.out_edges(n, keys=True)) == list(pushed.out_edges(n, keys=True))
               for n in pushed)


def test_analytics_on_the_pulled_graph_answer_as_on_the_built_one(pushed, settings):
    pulled = pull_graph(settings)
    assert analytics.summary(pulled, top=20) == analytics.summary(pushed, top=20)
    for node, data in pushed.nodes(data=True):
        if data["kind"] == "Organisation":
            assert analytics.who(pulled, node) == analytics.who(pushed, node)
        if data["kind"] == "Action":
            assert analytics.action_detail(pulled, node) == analytics.action_detail(pushed, node)


def test_a_second_push_changes_nothing(pushed, settings):
    def state():
        return (cypher(settings, "MATCH (n:G071) RETURN count(n) AS nodes, "
                                 "collect(DISTINCT n.g071_load) AS loads")[0],
                cypher(settings, "MATCH (:G071)-[r]->(:G071) RETURN count(r) AS rels")[0],
                cypher(settings, "MATCH (m:G071Load) RETURN properties(m) AS props")[0])

    before = state()
    report = push(pushed, settings=settings)
    assert not report.changed
    # queries/ read the schema's role kinds from the record of the last push.
    assert pull(settings).load["role_kinds"] == list(role_edge_kinds())
    assert (report.nodes, report.relationships) == (pushed.number_of_nodes(), pushed.number_of_edges())
    assert (report.nodes_created, report.nodes_updated, report.nodes_removed) == (0, 0, 0)
    assert state() == before


def test_a_load_bigger_than_a_read_chunk_is_read_back_whole(pushed, settings):
    # Push and pull read a load back in records of READ_CHUNK rows; 17 synthetic
    # programmes make 2,143 nodes and 6,258 relationships: several records each,
    # the last one partial.
    from graph071.neo4j.store import READ_CHUNK

    big = _synthetic().synthetic_graph(17)
    assert READ_CHUNK < big.number_of_nodes() < big.number_of_edges()
    assert big.number_of_nodes() % READ_CHUNK and big.number_of_edges() % READ_CHUNK
    try:
        push(big, settings=settings)
        assert exported(pull_graph(settings)) == exported(big)
        report = push(big, settings=settings)
        assert not report.changed and report.relationships_unchanged == big.number_of_edges()
        edited = big.copy()
        gone = next(node for node, data in big.nodes(data=True) if data["kind"] == "Action")
        edited.remove_node(gone)
        report = push(edited, settings=settings)
        assert (report.nodes_removed, report.nodes_created, report.nodes_updated) == (1, 0, 0)
        assert report.relationships_removed == big.degree(gone)
        assert exported(pull_graph(settings)) == exported(edited)
    finally:
        push(pushed, settings=settings)


def _edited_copy(graph: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, str, tuple]:
    """The graph with one action gone, one organisation renamed and one partner edge gone."""
    edited = graph.copy()
    gone = analytics.find_action(graph, 2)
    edited.remove_node(gone)
    renamed = analytics.find_node(graph, "Universiteit Leiden")
    edited.nodes[renamed]["name"] = "Universiteit Leiden (hernoemd)"
    partner = next((s, t, k) for s, t, k, d in edited.edges(keys=True, data=True)
                   if d["kind"] == "PARTNER")
    edited.remove_edge(*partner)
    return edited, gone, partner


def test_dry_run_counts_what_would_change_and_writes_nothing(pushed, settings):
    edited, gone, _ = _edited_copy(pushed)
    lost_edges = pushed.degree(gone) + 1  # its own edges and the partner edge
    dry = push(edited, dry_run=True, settings=settings)
    assert (dry.nodes_created, dry.nodes_updated, dry.nodes_removed) == (0, 1, 1)
    assert (dry.relationships_created, dry.relationships_removed) == (0, lost_edges)
    assert exported(pull_graph(settings)) == exported(pushed)

    real = push(edited, settings=settings)
    assert {k: v for k, v in real.as_dict().items() if k not in ("load", "dry_run", "seconds")} == \
        {k: v for k, v in dry.as_dict().items() if k not in ("load", "dry_run", "seconds")}
    assert exported(pull_graph(settings)) == exported(edited)
    back = push(pushed, settings=settings)
    assert (back.nodes_created, back.nodes_updated, back.relationships_created) == (1, 1, lost_edges)
    assert exported(pull_graph(settings)) == exported(pushed)


def test_none_lists_booleans_ints_floats_and_edge_keys_survive_the_round_trip(graph, settings):
    odd = nx.MultiDiGraph()
    odd.add_node("org:a", kind="Organisation", name="A", is_group=True, resolved=False,
                 aliases=[], note=None, score=1, weight=1.0, ratio=0.5, big=2 ** 62,
                 mixed=[1, "een", None], nested={"x": [1, 2.0], "y": None}, flags=[True, False],
                 numbers=[1, 2, 3], floats=[1.0, 2.5], words=["a", "b"], empty="")
    odd.add_node("action:odd/1", kind="Action", name="1. Vreemd", number=1, title=None)
    odd.add_node("theme:odd/7", kind="Theme", name="Thema", number=7)
    # Three parallel edges between the same two nodes: two keyed like the builder, one by integer.
    odd.add_edge("org:a", "action:odd/1", key="PARTNER", kind="PARTNER", line=3, role=None)
    odd.add_edge("org:a", "action:odd/1", key="PARTNER#2", kind="PARTNER", line=4, quote="")
    odd.add_edge("org:a", "action:odd/1", key=0, kind="TREKKER", line=2.0)
    odd.add_edge("action:odd/1", "theme:odd/7", key="IN_THEME", kind="IN_THEME")
    try:
        push(odd, settings=settings)
        pulled = pull_graph(settings)
        assert exported(pulled) == exported(odd)
        assert type(pulled.nodes["org:a"]["weight"]) is float
        assert type(pulled.nodes["org:a"]["score"]) is int
        assert pulled.nodes["org:a"]["note"] is None
        assert sorted(pulled.get_edge_data("org:a", "action:odd/1"), key=str) == [0, "PARTNER", "PARTNER#2"]
        assert not push(odd, settings=settings).changed
        # Relationships carry their rank (graph071's mark), the key only where it is not the type.
        stored = cypher(settings, "MATCH (:G071 {id: 'org:a'})-[r]->(:G071 {id: 'action:odd/1'}) "
                                  "RETURN type(r) AS type, r.g071_key AS key, r.g071_rank IS NOT NULL AS mark, "
                                  "r.g071_load AS load ORDER BY r.line")
        assert stored == [{"type": "TREKKER", "key": 0, "mark": True, "load": None},
                          {"type": "PARTNER", "key": None, "mark": True, "load": None},
                          {"type": "PARTNER", "key": "PARTNER#2", "mark": True, "load": None}]
    finally:
        push(graph, settings=settings)


def test_a_value_neo4j_cannot_store_is_refused_before_anything_is_written(pushed, settings):
    broken = pushed.copy()
    broken.nodes[analytics.find_action(pushed, 1)]["when"] = {1, 2}  # a set: not even JSON
    with pytest.raises(Exception, match="niet kan bewaren"):
        push(broken, settings=settings)
    assert exported(pull_graph(settings)) == exported(pushed)


# ---------------------------------------------------------------- other people's data

def test_nodes_and_relationships_graph071_did_not_write_are_never_touched(pushed, settings):
    action_1 = analytics.find_action(pushed, 1)
    cypher(settings, "CREATE (:Organisation {id: 'org:foreign-test', name: 'Niet van graph071'})")
    cypher(settings, "MATCH (a:G071 {id: $id}) CREATE (:Note {text: 'notitie'})-[:ABOUT {by: 'ambtenaar'}]->(a)",
           id=action_1)
    try:
        before = foreign_things(settings)
        edited, _, _ = _edited_copy(pushed)
        report = push(edited, settings=settings)
        assert report.nodes_removed == 1 and report.relationships_removed > 0
        assert foreign_things(settings) == before
        push(pushed, settings=settings)
        assert foreign_things(settings) == before

        # graph071 will not take over a node it did not write ...
        claiming = pushed.copy()
        claiming.add_node("org:foreign-test", kind="Organisation", name="Van graph071?")
        with pytest.raises(Neo4jError, match="niet schreef"):
            push(claiming, settings=settings)
        # ... nor drop someone's relationship along with a node the documents no longer have.
        without_1 = pushed.copy()
        without_1.remove_node(action_1)
        with pytest.raises(Neo4jError, match="nooit de relaties van anderen"):
            push(without_1, settings=settings)
        assert foreign_things(settings) == before
        assert exported(pull_graph(settings)) == exported(pushed)
    finally:
        cypher(settings, "MATCH (n:Note {text: 'notitie'}) DETACH DELETE n")
        cypher(settings, "MATCH (n:Organisation {id: 'org:foreign-test'}) WHERE n.g071_load IS NULL DELETE n")


def test_a_node_someone_else_writes_during_the_push_is_not_taken_over(pushed, settings):
    # The push removes a relationship first, then merges the new node. After the
    # removal (push's progress callback) someone else commits a node with the
    # new node's label and id, in a transaction of their own.
    claiming = pushed.copy()
    claiming.remove_edge(*next((s, t, k) for s, t, k, d in pushed.edges(keys=True, data=True)
                               if d["kind"] == "PARTNER"))
    claiming.add_node("org:written-meanwhile", kind="Organisation", name="Van graph071")
    written = []

    def someone_writes_meanwhile(done: int, total: int) -> None:
        if not written:
            written.append(done)
            cypher(settings, "CREATE (:Organisation {id: 'org:written-meanwhile', name: 'Van iemand anders'})")

    before = exported(pull_graph(settings))
    try:
        with pytest.raises(Neo4jError, match="tijdens de push in Neo4j verschenen") as raised:
            push(claiming, settings=settings, progress=someone_writes_meanwhile)
        assert written == [1]  # after the removal, before the node
        assert "verschenen (1)" in str(raised.value) and "\n" not in str(raised.value)
        theirs = cypher(settings, "MATCH (n:Organisation {id: 'org:written-meanwhile'}) "
                                  "RETURN labels(n) AS labels, properties(n) AS props")
        assert theirs == [{"labels": ["Organisation"],
                           "props": {"id": "org:written-meanwhile", "name": "Van iemand anders"}}]
        assert exported(pull_graph(settings)) == before  # the previous load, whole
    finally:
        cypher(settings, "MATCH (n:Organisation {id: 'org:written-meanwhile'}) WHERE n.g071_load IS NULL "
               "DETACH DELETE n")


def test_a_trekker_set_in_neo4j_browser_shows_in_orphans_with_source_neo4j(pushed, settings):
    orphan = analytics.orphans(pushed)[0]
    leiden = analytics.find_node(pushed, "gemeente Leiden")
    env = environment(settings)
    cypher(settings, "MATCH (o:G071 {id: $org}), (a:G071 {id: $action}) "
                     "CREATE (o)-[:TREKKER {role: 'Trekker (gezet in Neo4j Browser)'}]->(a)",
           org=leiden, action=orphan["id"])
    try:
        # Action 17 is of 2013-2015; an edge drawn in Neo4j holds whenever its action does.
        shown = graph071("--source", "neo4j", "--as-of", "2014", "orphans", "--json", env=env)
        assert shown.returncode == 0, shown.stderr
        ids = [row["id"] for row in json.loads(shown.stdout)]
        assert orphan["id"] not in ids
        assert ids == [row["id"] for row in analytics.orphans(as_of(pushed, "2014"))[1:]]
        # The next push keeps the edit: graph071 did not write that relationship.
        push(pushed, settings=settings)
        assert orphan["id"] not in [row["id"] for row in analytics.orphans(pull_graph(settings))]
    finally:
        cypher(settings, "MATCH (:G071 {id: $org})-[r:TREKKER]->(:G071 {id: $action}) "
                         "WHERE r.g071_rank IS NULL DELETE r", org=leiden, action=orphan["id"])
    assert [row["id"] for row in analytics.orphans(pull_graph(settings))][0] == orphan["id"]


# ---------------------------------------------------------------- the query library

def test_every_query_file_says_what_it_answers_and_how_to_run_it_in_the_browser():
    assert {"orphans", "hubs", "who", "action", "project", "lineage", "path"} <= set(queries.names())
    for name in queries.names():
        query = queries.load(name)
        assert query.summary, name
        for parameter in query.parameters:
            assert f":param {parameter.name} =>" in query.text, (name, parameter.name)


def test_the_hubs_query_weighs_roles_as_the_schema_does():
    from graph071 import schema

    text = " ".join(queries.load("hubs").text.split())
    for kind, weight in schema.HUB_WEIGHTS.items():
        assert f"WHEN '{kind}' THEN {weight}" in text
    assert f"ELSE {schema.OTHER_ROLE_WEIGHT} END" in text


def test_every_query_answers_for_a_moment_found_as_on_networkx():
    moment = " ".join(queries.MOMENT.split())
    for name in queries.names():
        query = queries.load(name)
        assert "asOf" in [p.name for p in query.parameters], name
        assert moment in " ".join(query.text.split()), f"{name}.cypher lacks the lines of queries.MOMENT"


def _at(when: str | None) -> dict:
    return {"asOf": when} if when else {}


@pytest.mark.parametrize("when", [None, "2014", "projectkaarten-2018", "2019-06", "2020-01-15"])
def test_the_orphans_query_gives_the_networkx_answer_at_each_moment(pushed, settings, when):
    assert run_query("orphans", _at(when), settings=settings) == analytics.orphans(as_of(pushed, when))


def test_orphans_as_of_2014_are_actions_17_39_42_in_cypher_too(pushed, settings):
    rows = run_query("orphans", {"asOf": "2014"}, settings=settings)
    assert [(row["programme"], row["number"]) for row in rows] == [
        ("2013-2015", 17), ("2013-2015", 39), ("2013-2015", 42)]
    latest = run_query("orphans", settings=settings)
    assert latest and all(row["kind"] == "Project" for row in latest)  # nothing of 2013-2015 now


def test_a_moment_neo4j_cannot_answer_for_is_refused_as_on_networkx(pushed, settings):
    from graph071.errors import Graph071Error

    for when, words in (("2012", "geen document van het corpus geldt"), ("gisteren", "is geen moment")):
        with pytest.raises(Graph071Error, match=words):
            run_query("orphans", {"asOf": when}, settings=settings)


def test_a_push_carries_every_edition_with_the_period_on_each_fact(pushed, settings):
    documents = {d["document"] for d in cypher(settings, "MATCH (d:G071:Document) RETURN d.document AS document")}
    seen = cypher(settings, "MATCH (n:G071) UNWIND n.seen_in AS d RETURN collect(DISTINCT d) AS documents")
    assert set(seen[0]["documents"]) == documents and len(documents) == 5
    unstamped = cypher(settings, "MATCH (:G071)-[r]->(:G071) WHERE size(coalesce(r.seen_in, [])) = 0 "
                                 "OR r.valid_from IS NULL RETURN count(r) AS n")
    assert unstamped == [{"n": 0}]
    action = cypher(settings, "MATCH (a:G071:Action {id: 'action:2013-2015/17'}) "
                              "RETURN a.valid_from AS start, a.valid_until AS end, a.seen_in AS seen")
    assert action == [{"start": "2013-01-01", "end": "2015-12-31", "seen": ["uitvoeringsprogramma-2013-2015"]}]


@pytest.mark.parametrize("when", [None, "2014", "projectkaarten-2018"])
def test_the_hubs_query_gives_the_networkx_answer(pushed, settings, when):
    for top in (10, 3, 0):
        assert run_query("hubs", {**_at(when), "top": str(top)}, settings=settings) == \
            analytics.hubs(as_of(pushed, when), top=top), top


def _who_as_analytics(row: dict) -> dict:
    row = dict(row)
    row.update({item["kind"]: item["items"] for item in row.pop("other_roles")})
    return row


@pytest.mark.parametrize("when", [None, "2014"])
def test_the_who_query_gives_the_networkx_answer_for_every_organisation(pushed, settings, when):
    history = as_of(pushed, when, history=True)  # who tells every edition published by then
    for node, data in history.nodes(data=True):
        if data["kind"] == "Organisation":
            rows = run_query("who", {**_at(when), "organisation": node}, settings=settings)
            assert [_who_as_analytics(row) for row in rows] == [analytics.who(history, node)], node


def test_the_who_query_knows_no_organisation_before_it_is_named(pushed, settings):
    # WIJIJ is first named in the cards of 2022.
    assert run_query("who", {"organisation": "org:wijij", "asOf": "2014"}, settings=settings) == []
    assert run_query("who", {"organisation": "org:wijij"}, settings=settings)


@pytest.mark.parametrize("written", ["UvL", "universiteit van leiden", "VNO NCW"])
def test_the_who_query_finds_an_organisation_by_any_alias(pushed, settings, written):
    rows = run_query("who", {"organisation": written}, settings=settings)
    assert [row["id"] for row in rows] == [analytics.find_node(pushed, written)]


@pytest.mark.parametrize("when", [None, "2014"])
def test_the_action_query_gives_the_networkx_answer_for_every_action(pushed, settings, when):
    history = as_of(pushed, when, history=True)
    for node, data in history.nodes(data=True):
        if data["kind"] != "Action":
            continue
        rows = run_query("action", {**_at(when), "number": data["number"],
                                    "programme": data.get("programme")}, settings=settings)
        row = rows[0]
        answer = {**row["action"], **row["at"], **{key: row[key] for key in
                                                   ("trekkers", "partners", "te_betrekken", "links")}}
        assert answer == analytics.action_detail(history, node), node
    if when is None:  # the status is today's, though the answer tells every edition
        assert row["at"]["status"].startswith("niet meer genoemd")


def _shortest_paths(graph: nx.MultiDiGraph, source: str, target: str) -> list[list[str]]:
    """Every shortest chain between two nodes, direction ignored, without IN_THEME and
    DESCRIBED_IN (the networkx side of path.cypher)."""
    kept = nx.MultiGraph()
    kept.add_nodes_from(graph)
    kept.add_edges_from((s, t) for s, t, d in graph.edges(data=True)
                        if d["kind"] not in ("IN_THEME", "DESCRIBED_IN"))
    try:
        return sorted(nx.all_shortest_paths(kept, source, target))
    except nx.NetworkXNoPath:
        return []


@pytest.mark.parametrize("when", [None, "2014", "projectkaarten-2018"])
def test_the_path_query_gives_the_networkx_shortest_chains(pushed, settings, when):
    view = as_of(pushed, when)
    ranked = [row["id"] for row in analytics.hubs(view, top=None)]
    quiet = [n for n, d in view.nodes(data=True) if d["kind"] == "Organisation" and n not in ranked]
    pairs = [(ranked[0], ranked[1]), (ranked[0], ranked[-1]), (ranked[3], ranked[-2]),
             (ranked[5], ranked[5]), *((ranked[-1 - i], quiet[i]) for i in range(min(3, len(quiet))))]
    for source, target in pairs:
        rows = run_query("path", {**_at(when), "from": source, "to": target}, settings=settings)
        expected = _shortest_paths(view, source, target)
        if expected and len(expected[0]) > 13:
            expected = []  # path.cypher follows chains of at most 12 steps
        assert [row["ids"] for row in rows] == expected, (source, target)
        assert all(row["hops"] == len(row["ids"]) - 1 == len(row["via"]) for row in rows)


def _project_core(detail: dict) -> dict:
    """The part of projects.project_detail that project.cypher answers (see its header)."""
    def organisation(row: dict) -> dict:
        return {key: row[key] for key in ("id", "name", "role", "document", "line", "edition", "quote")}

    return {
        "id": detail["id"], "name": detail["name"], "names": detail["names"], "note": detail["note"],
        "trekkers": [organisation(r) for r in detail["trekkers"]],
        "partners": [organisation(r) for r in detail["partners"]],
        "other_roles": [{"kind": kind, "items": [organisation(r) for r in rows]}
                        for kind, rows in detail["other_roles"].items()],
        "people": [{"id": p["id"], "name": p["name"], "roles": [r["kind"] for r in p["roles"]]}
                   for p in detail["people"]],
        "themes": [{key: t[key] for key in ("id", "name", "role")} for t in detail["themes"]],
        "links": [{key: link[key] for key in ("id", "name", "direction")} for link in detail["links"]],
        "mentioned_in": [{"document": m["document"], "line": m["line"]} for m in detail["mentioned_in"]],
        "document": detail["document"], "line": detail["line"], "quote": detail["quote"],
    }


@pytest.mark.parametrize("when", [None, "projectkaarten-2018"])
def test_the_project_query_gives_the_networkx_answer_for_every_project(pushed, settings, when):
    from graph071.analytics import projects

    history = as_of(pushed, when, history=True)
    found = [node for node, data in history.nodes(data=True) if data["kind"] == "Project"]
    assert found, "the bundled corpus has no projects"
    for node in found:
        rows = run_query("project", {**_at(when), "project": node}, settings=settings)
        assert rows == [_project_core(projects.project_detail(history, node))], node
    assert repr(list(projects.PERSON_ROLES)) in queries.load("project").text  # same person roles


@pytest.mark.parametrize("when", [None, "projectkaarten-2018"])
def test_the_lineage_query_gives_the_networkx_chain_from_every_member(pushed, settings, when):
    from graph071.analytics import projects

    history = as_of(pushed, when, history=True)
    members = {end for s, t, d in history.edges(data=True) if d["kind"] == "SUCCEEDS" for end in (s, t)}
    assert members, "the bundled corpus has no successions"
    for node in sorted(members):
        assert run_query("lineage", {**_at(when), "project": node}, settings=settings) == [
            projects.lineage(history, node)], node


def test_project_and_lineage_queries_on_a_small_hand_built_line(graph, settings):
    from graph071.analytics import projects

    line = nx.MultiDiGraph()
    for key, edition in (("k18", "2018-10"), ("k19", "2019-06"), ("k22", "2022-01")):
        line.add_node(f"doc:{key}", kind="Document", name=key, document=key, edition=edition)
    line.add_node("action:2013-2015/50", kind="Action", name="50. Talentpool", number=50,
                  document="uitvoeringsprogramma-2013-2015")
    line.add_node("project:a", kind="Project", name="Project A", names=["A"], document="k18", line=1)
    line.add_node("project:b", kind="Project", name="Project B", document="k19", line=1)
    line.add_node("org:c", kind="Organisation", name="Stichting C", document="k22", line=5)
    for project, key, edition in (("project:a", "k18", "2018-10"), ("project:a", "k19", "2019-06"),
                                  ("project:b", "k22", "2022-01")):
        line.add_edge(project, f"doc:{key}", kind="APPEARS_IN", edition=edition, document=key,
                      line=1, categorie="lopend project", name_as_written=line.nodes[project]["name"])
    line.add_edge("project:a", "action:2013-2015/50", key="SUCCEEDS", kind="SUCCEEDS",
                  explicit=False, reason="zelfde doel", document="k18", line=2, quote="")
    line.add_edge("project:b", "project:a", key="SUCCEEDS", kind="SUCCEEDS", explicit=True,
                  document="k22", line=3, quote="B gaat verder waar A stopte")
    line.add_edge("org:c", "project:b", key="SUCCEEDS", kind="SUCCEEDS", explicit=True,
                  document="k22", line=5, quote="C neemt B over")
    line.add_edge("org:c", "project:b", key="TREKKER", kind="TREKKER", role="Trekker",
                  document="k22", line=4, quote="Trekker: C")
    try:
        push(line, settings=settings)
        for node in ("project:a", "org:c", "action:2013-2015/50"):
            rows = run_query("lineage", {"project": node}, settings=settings)
            assert rows == [projects.lineage(line, node)]
        assert [m["id"] for m in rows[0]["chain"]] == [
            "action:2013-2015/50", "project:a", "project:b", "org:c"]
        assert [s["explicit"] for s in rows[0]["steps"]] == [False, True, True]
        by_name = run_query("project", {"project": "a"}, settings=settings)
        assert by_name == [_project_core(projects.project_detail(line, "project:a"))]
        assert run_query("project", {"project": "Project B"}, settings=settings)[0]["trekkers"][0]["id"] == "org:c"
    finally:
        push(graph, settings=settings)


# ---------------------------------------------------------------- the command line

def test_push_pull_and_query_on_the_command_line(pushed, settings, tmp_path):
    env = environment(settings)
    dry = graph071("neo4j", "push", "--dry-run", "--json", env=env)
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["changed"] is False
    again = graph071("neo4j", "push", env=env)
    assert again.returncode == 0 and "niets veranderd" in again.stdout
    target = tmp_path / "uit-neo4j.json"
    pulled = graph071("neo4j", "pull", "-o", str(target), env=env)
    assert pulled.returncode == 0, pulled.stderr
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(
        json.dumps(to_node_link(pushed), ensure_ascii=False, default=str))
    who = graph071("neo4j", "query", "who", "--param", "organisation=UvL", "--json", env=env)
    assert who.returncode == 0, who.stderr
    history = as_of(pushed, None, history=True)
    assert [_who_as_analytics(row) for row in json.loads(who.stdout)] == [
        analytics.who(history, analytics.find_node(history, "UvL"))]
    # The global --as-of is the query's $asOf, and the answer says which moment it is for.
    old = graph071("--as-of", "2014", "neo4j", "query", "orphans", "--json", env=env)
    assert old.returncode == 0, old.stderr
    assert [row["number"] for row in json.loads(old.stdout)] == [17, 39, 42]
    assert old.stderr.startswith("Stand: 2014 (uitvoeringsprogramma 2013-2015)")
    wrong = graph071("neo4j", "query", "hubs", "--param", "top=veel", env=env)
    assert wrong.returncode == 1 and "needs a whole number" in wrong.stderr


def test_the_neo4j_tables_go_to_excel_with_dutch_headers(pushed, settings, tmp_path):
    from openpyxl import load_workbook

    env = environment(settings)
    orphans, push_report = tmp_path / "zonder-trekker.xlsx", tmp_path / "push.xlsx"
    shown = graph071("--as-of", "2014", "neo4j", "query", "orphans", "--xlsx", str(orphans), env=env)
    assert shown.returncode == 0, shown.stderr
    sheet = load_workbook(orphans).active
    headers = [c.value for c in sheet[1]]
    assert headers[:5] == ["Id", "Soort", "Nr", "Programma", "Naam"] and "Partners" in headers
    assert [row[2].value for row in sheet.iter_rows(min_row=2)] == [17, 39, 42]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    assert graph071("neo4j", "push", "--dry-run", "--xlsx", str(push_report), env=env).returncode == 0
    assert [c.value for c in load_workbook(push_report).active[1]][:2] == ["Soort", "Nieuw"]
    raw = graph071("neo4j", "query", "hubs", "--param", "top=3", "--csv", env=env).stdout
    assert raw.startswith("\ufeffId;Naam;") and len(raw.strip().splitlines()) == 4


# ---------------------------------------------------------------- errors

def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _one_clear_line(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fout: "), result.stderr
    for word in words:
        assert word in lines[0], lines[0]


@pytest.mark.parametrize("case, changes, words", [
    ("server down", {"NEO4J_URI": "bolt://127.0.0.1:{port}"}, ("antwoordt niet", "NEO4J_URI")),
    ("wrong password", {"NEO4J_PASSWORD": "niet-het-wachtwoord"},
     ("verkeerde gebruikersnaam of verkeerd wachtwoord",)),
    ("unknown database", {"NEO4J_DATABASE": "bestaatniet"}, ("geen database 'bestaatniet'",)),
    ("no server set", {"NEO4J_URI": None}, ("NEO4J_URI is niet gezet",)),
    ("not a neo4j address", {"NEO4J_URI": "http//kapot"}, ("geen Neo4j-adres",)),
])
def test_a_server_problem_is_one_clear_line_and_leaves_local_files_alone(
        pushed, settings, tmp_path, case, changes, words):
    changes = {k: v.format(port=_closed_port()) if v else v for k, v in changes.items()}
    env = environment(settings, **changes)
    kept = tmp_path / "graph.json"
    kept.write_text('{"mine": true}\n', encoding="utf-8")
    _one_clear_line(graph071("neo4j", "pull", "-o", str(kept), env=env), *words)
    assert kept.read_text(encoding="utf-8") == '{"mine": true}\n'
    if case == "wrong password":
        return  # after 3 wrong passwords in a row Neo4j locks the user for 5 s, for every test
    _one_clear_line(graph071("neo4j", "push", env=env), *words)
    _one_clear_line(graph071("--source", "neo4j", "orphans", env=env), *words)
    _one_clear_line(graph071("neo4j", "query", "orphans", env=env), *words)


def test_statements_are_encoded_ahead_in_a_thread_that_hands_on_errors_and_stops_with_the_caller():
    import threading
    import time

    from graph071.neo4j.store import _ahead

    def items():
        yield from (1, 2)
        raise ValueError("3 cannot be stored")

    seen = []
    with pytest.raises(ValueError, match="3 cannot be stored"):
        for item in _ahead(items(), 1):
            seen.append(item)
    assert seen == [1, 2]

    made = []

    def endless():
        while True:
            made.append(len(made))
            yield made[-1]

    before = threading.active_count()
    for item in _ahead(endless(), 2):
        if item == 5:
            break  # the generator is closed here: the thread must stop
    time.sleep(0.3)
    assert threading.active_count() == before
    assert len(made) <= 5 + 2 + 2


def test_a_server_that_is_too_old_is_named_with_its_version():
    assert parse_version("Neo4j/5.26.30") == (5, 26, 30)
    check_version("Neo4j/5.26.30")
    check_version("Neo4j/2025.10.1")
    with pytest.raises(Neo4jError, match=r"versie 4\.4\.41, te oud .* 5\.21 of nieuwer"):
        check_version("Neo4j/4.4.41", "bolt://oud:7687")


# ---------------------------------------------------------------- a push that dies half-way

PUSH_BIG_GRAPH = """
import sys
sys.path.insert(0, "bench")
from synthetic import synthetic_graph
from graph071.neo4j.store import push

graph = synthetic_graph(60)
push(graph, progress=lambda done, total: print(done, total, flush=True))
print("finished", flush=True)
"""


def _start_big_push(settings: Settings) -> subprocess.Popen:
    """Start pushing a synthetic graph (~22,000 relationships) and return once it is half-way."""
    proc = subprocess.Popen([sys.executable, "-c", PUSH_BIG_GRAPH], cwd=ROOT, text=True,
                            env=environment(settings), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    for line in proc.stdout:
        done, total = map(int, line.split())
        if done >= total / 2:
            return proc
    proc.wait()
    pytest.fail(f"the big push ended before half-way: {proc.stderr.read()}")


def test_a_push_whose_client_is_killed_half_way_leaves_the_previous_load_intact(pushed, settings):
    proc = _start_big_push(settings)
    proc.kill()
    proc.wait()
    assert exported(pull_graph(settings)) == exported(pushed)
    assert not push(pushed, settings=settings).changed


def test_a_push_whose_server_is_killed_half_way_leaves_the_previous_load_intact(
        pushed, settings, neo4j_settings):
    rundir = os.environ.get("GRAPH071_NEO4J_RUNDIR")
    if not rundir:
        pytest.fail("GRAPH071_NEO4J_RUNDIR is not set: this test kills and restarts the server "
                    "that `make test` (scripts/test.sh) started; run the suite with `make test`.")
    tool = [sys.executable, str(ROOT / "scripts" / "neo4j" / "neo4j_local.py")]
    proc = _start_big_push(settings)
    subprocess.run([*tool, "kill", "--dir", rundir], check=True, capture_output=True, timeout=60)
    proc.wait(timeout=120)
    assert proc.returncode != 0
    assert "finished" not in proc.stdout.read()
    started = subprocess.run([*tool, "start", "--dir", rundir], check=True, capture_output=True,
                             text=True, timeout=300)
    for line in started.stdout.splitlines():  # the port is kept when free; follow it if not
        key, _, value = line.removeprefix("export ").partition("=")
        if key == "NEO4J_URI" and value.strip("'") != settings.uri:
            os.environ["NEO4J_URI"] = neo4j_settings["uri"] = value.strip("'")
            settings = Settings(**neo4j_settings)
    assert exported(pull_graph(settings)) == exported(pushed)
    assert not push(pushed, settings=settings).changed


def test_the_synthetic_benchmark_graph_has_the_shape_of_the_bundled_corpus(graph):
    synthetic = _synthetic()
    one = synthetic.synthetic_graph(1)
    kinds = {d["kind"] for _, d in one.nodes(data=True)}
    assert {"Action", "Organisation", "Theme", "Document"} <= kinds
    assert abs(one.number_of_edges() - 370) < 60
    assert synthetic.synthetic_graph(2, seed=5).edges == synthetic.synthetic_graph(2, seed=5).edges
    assert synthetic.programmes_for(100_000) * synthetic.relationships_per_programme() >= 100_000
