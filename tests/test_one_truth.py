"""One truth per fact: a project-card role lives only as an edge, so a correction of a
trekker shows in `project`, its timeline, `diff` and the exports alike."""

from __future__ import annotations

import json
import shutil

import pytest

import graph071
from graph071.corpus.manifest import bundled_data_dir
from graph071.schema import Edge

PROJECT = "Professioneel Expat Centre"
CORRECTION = ("correction,subject,role,organisation,new_name,reason,date\n"
              f"set_trekker,{PROJECT},,gemeente Leiden,,Besloten in het coördinatieoverleg,"
              "2024-03-12\n")


def expat_trekker_roles(diff: dict) -> list[str]:
    return [r["text"] for r in diff["roles_changed"]
            if r["name"].startswith(PROJECT) and "trekker" in r["text"]]


@pytest.fixture(scope="module")
def corrected(tmp_path_factory) -> graph071.Network:
    folder = tmp_path_factory.mktemp("corpus") / "data"
    shutil.copytree(bundled_data_dir(), folder,
                    ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    (folder / "corrections.csv").write_text(CORRECTION, encoding="utf-8")
    return graph071.load(folder, cache=False)


def test_the_cards_name_lumc_and_oegstgeest_as_trekker_in_2018_and_nobody_in_2019():
    net = graph071.load()
    timeline = {row["edition"]: row["trekkers"] for row in net.project(PROJECT)["timeline"]}
    assert timeline == {"2018-10": ["LUMC", "Oegstgeest"], "2019-06": []}
    assert expat_trekker_roles(net.diff("2018-10", "2019-06")) == [
        f"{PROJECT}: niet meer genoemd als trekker: gemeente Oegstgeest en LUMC"]


def test_set_trekker_on_a_project_card_shows_in_project_and_its_timeline(corrected):
    project = corrected.project(PROJECT)
    assert [t["name"] for t in project["trekkers"]] == ["gemeente Leiden"]
    assert {row["edition"]: row["trekkers"] for row in project["timeline"]} == {
        "2018-10": ["gemeente Leiden (correctie)"], "2019-06": ["gemeente Leiden (correctie)"]}


def test_set_trekker_on_a_project_card_shows_in_the_diff(corrected):
    # The correction holds for both editions: the diff no longer reports a trekker leaving.
    assert expat_trekker_roles(corrected.diff("2018-10", "2019-06")) == []


def test_set_trekker_on_a_project_card_shows_in_the_export(corrected, tmp_path):
    [written] = corrected.export(tmp_path / "graph.json")
    data = json.loads(written.read_text(encoding="utf-8"))
    project = next(n["id"] for n in data["nodes"] if n.get("name") == PROJECT)
    trekkers = [e for e in data["edges"] if e["target"] == project and e["kind"] == Edge.TREKKER]
    assert [(e["source"], e["correction"]) for e in trekkers] == [
        ("org:gemeente-leiden", "set_trekker")]


def test_a_card_keeps_no_second_copy_of_its_roles():
    net = graph071.load()
    appearances = [d for _, _, d in net.graph.edges(data=True) if d["kind"] == Edge.APPEARS_IN]
    assert appearances and not any("roles" in d or "trekkers" in d for d in appearances)
