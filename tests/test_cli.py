"""The command line as users run it: from any folder, readable by default, JSON for scripts."""

from __future__ import annotations

import json

import pytest

from graph071.cli.app import app

from .conftest import run




def test_orphans_json_lists_actions_17_39_42_from_any_directory(tmp_path):
    # As of their programme's period; today's orphans are projects (tests/test_time.py).
    items = json.loads(run("--as-of", "2014", "orphans", "--json", cwd=tmp_path).stdout)
    actions = [i for i in items if i["kind"] == "Action"]
    assert [i["number"] for i in actions] == [17, 39, 42]
    assert actions[0]["partners"] == ["regiogemeenten", "Bedrijfsleven Rijnland"]


def test_orphans_table_is_readable():
    out = run("--as-of", "2014", "orphans").stdout
    assert "Haalbaarheidsstudie" in out and "Zonder trekker" in out
    assert "Programma" in out and "2013-2015" in out


def test_summary_counts_kinds_and_names_orphans_and_hubs():
    out = run("--as-of", "2014", "summary").stdout
    assert "Actie 62" in out
    assert "Zonder trekker" in out and "Spilorganisaties" in out


def test_hubs_json_ranks_gemeente_leiden_first():
    rows = json.loads(run("hubs", "--top", "3", "--json").stdout)
    assert rows[0]["name"] == "gemeente Leiden"
    assert len(rows) == 3
    assert {"trekker", "partner", "score", "centrality"} <= rows[0].keys()


def test_who_accepts_an_alias():
    result = json.loads(run("--as-of", "2014", "who", "UvL", "--json").stdout)
    assert result["name"] == "Universiteit Leiden"
    assert 9 in [item["number"] for item in result["trekker"]]


def test_who_near_miss_says_did_you_mean():
    result = run("who", "Universiteit Leidn", check=False)
    assert result.returncode == 1
    assert "bedoelde u 'Universiteit Leiden'" in result.stderr
    assert "Traceback" not in result.stderr


def test_action_17_shows_trekker_onbekend_links_and_source():
    out = run("action", "17").stdout
    assert "geen (onbekend)" in out
    assert "6. Opzetten biobased cluster" in out
    assert "regel" in out


def test_action_json_has_trekkers_partners_links_and_quote():
    result = json.loads(run("action", "10", "--json").stdout)
    assert [t["name"] for t in result["trekkers"]] == ["gemeente Leiden"]
    assert {l["link_kind"] for l in result["links"]} == {"prerequisite"}
    assert result["quote"].startswith("10. Inventarisatie")


def test_unknown_action_number_is_one_clear_line():
    result = run("action", "99", check=False)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "geen actie met nummer 99" in result.stderr


def test_check_reports_parse_warnings_with_lines():
    result = json.loads(run("check", "--json").stdout)
    messages = [w["message"] for w in result["warnings"]]
    assert any("Kantorenloods" in m for m in messages)


@pytest.mark.parametrize("command", [c.name or c.callback.__name__ for c in app.registered_commands])
def test_every_command_help_has_an_example(command):
    out = run(command.replace("_", "-") if command != "map_" else "map", "--help").stdout
    assert "Voorbeeld:" in out  # Dutch by default (--lang en: "Example:")
