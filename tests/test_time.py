"""The graph knows when: every document holds for a period, every answer is for one moment
(the latest state unless --as-of says otherwise) and says which, and two programmes with
the same action numbers never mix silently."""

from __future__ import annotations

import json

import pytest

from graph071.analytics.roles import NotFound, find_action, orphans
from graph071.analytics.time import as_of, find_moment, moment_diff, timeline
from graph071.build.periods import first_day, last_day
from graph071.build.pipeline import build
from graph071.corpus.manifest import bundled_data_dir
from graph071.errors import Graph071Error
from graph071.schema import Node
from .conftest import graph071, programme_corpus, run, two_programme_corpus

CVV = "project:centrum-voor-vitaliteit"


def _numbers(rows):
    return [row["number"] for row in rows if row["kind"] == Node.ACTION]


# ---------------------------------------------------------------- periods of the documents

def test_each_document_holds_for_its_period(graph):
    periods = {data["document"]: (data["valid_from"], data["valid_until"])
               for _, data in graph.nodes(data=True) if data["kind"] == Node.DOCUMENT}
    assert periods["uitvoeringsprogramma-2013-2015"] == ("2013-01-01", "2015-12-31")
    # A card edition holds until the next edition of the projectkaarten appears.
    assert periods["projectkaarten-2018"] == ("2018-10-01", "2019-05-31")
    assert periods["projectoverzicht-2019"] == ("2019-06-01", "2021-12-31")
    assert periods["projectkaarten-2022"] == ("2022-01-01", None)


def test_a_manifest_period_overrides_the_default(tmp_path):
    folder = programme_corpus(tmp_path / "corpus")
    manifest = folder / "manifest.csv"
    header, row = manifest.read_text(encoding="utf-8").splitlines()
    manifest.write_text(f"{header},valid_from,valid_until\n{row},2013-10,2016-06\n", encoding="utf-8")
    document = build(folder).graph.nodes["doc:uitvoeringsprogramma-2013-2015"]
    assert (document["valid_from"], document["valid_until"]) == ("2013-10-01", "2016-06-30")


def test_a_period_that_is_no_date_is_one_clear_line(tmp_path):
    folder = programme_corpus(tmp_path / "corpus")
    manifest = folder / "manifest.csv"
    header, row = manifest.read_text(encoding="utf-8").splitlines()
    manifest.write_text(f"{header},valid_from,valid_until\n{row},,eind 2015\n", encoding="utf-8")
    result = graph071("--data", str(folder), "orphans")
    assert result.returncode == 1
    assert "manifest.csv" in result.stderr and "valid_until" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name, line, wrong", [
    ("statuses.csv", "afgerond(,afgerond,gezien in een test", "is geen reguliere expressie"),
    ("periods.csv", "action_programme,jaarlijks,programma,gezien in een test", "onbekende regel 'jaarlijks'"),
])
def test_a_wrong_rule_in_the_corpus_is_one_line_naming_file_and_line(tmp_path, name, line, wrong):
    folder = programme_corpus(tmp_path / "corpus")
    rules = folder / name
    rules.write_text((bundled_data_dir() / name).read_text(encoding="utf-8") + line + "\n",
                     encoding="utf-8")
    number = len(rules.read_text(encoding="utf-8").splitlines())
    result = graph071("--data", str(folder), "orphans")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{name}:{number}" in result.stderr and wrong in result.stderr


def test_every_fact_carries_the_period_of_its_source(graph):
    for source, target, data in graph.edges(data=True):
        if data.get("seen_in"):
            assert data["valid_from"], (source, target, data["kind"])
    leiden = graph.nodes["org:gemeente-leiden"]
    assert (leiden["first_seen"], leiden["last_seen"]) == ("2013-10", "2022-01")


def test_moments_read_as_years_months_days_or_edition_ids(graph):
    assert find_moment(graph, "2014").day == "2014-12-31"
    assert find_moment(graph, "2019-06").documents[-1] == "projectoverzicht-2019"
    assert find_moment(graph, "projectkaarten-2018").day == "2018-10-01"
    assert find_moment(graph).documents[-1] == "projectkaarten-2022"
    assert (first_day("2018-10"), last_day("2024-02")) == ("2018-10-01", "2024-02-29")
    with pytest.raises(Graph071Error, match="is geen moment"):
        find_moment(graph, "volgend jaar")
    with pytest.raises(Graph071Error, match="geen document"):
        find_moment(graph, "2010")


# ---------------------------------------------------------------- the users' questions

def test_orphans_as_of_2014_are_actions_17_39_42(graph):
    assert _numbers(orphans(as_of(graph, "2014"))) == [17, 39, 42]
    assert [row["kind"] for row in orphans(as_of(graph, "2014"))] == [Node.ACTION] * 3
    items = json.loads(run("--as-of", "2014", "orphans", "--json").stdout)
    assert [(o["programme"], o["number"]) for o in items] == \
        [("2013-2015", 17), ("2013-2015", 39), ("2013-2015", 42)]


def test_orphans_today_leave_out_projects_that_became_independent(graph):
    now = orphans(as_of(graph))
    assert CVV not in {row["id"] for row in now}
    assert _numbers(now) == []  # the 2013-2015 programme ended in 2015
    assert {row["name"] for row in now} == {
        "Bedrijventerreinen Leidse regio", "Bedrijventerreinen in de Energietransitie",
        "Communicatie, van strategie naar structuur", "Index071"}
    result = run("orphans")
    assert result.stdout.splitlines()[0].startswith(
        "Stand: projectkaarten januari 2022 (nieuwste stand")
    assert "Centrum voor Vitaliteit" not in result.stdout


def test_orphans_all_lists_the_history_with_period_and_last_edition():
    rows = json.loads(run("orphans", "--all", "--json").stdout)
    by_name = {row["name"]: row for row in rows}
    assert _numbers(rows) == [17, 39, 42]
    cvv = by_name["Centrum voor Vitaliteit"]
    assert cvv["period"] == "2018-10 t/m 2019-05"
    assert cvv["last_edition"] == "projectkaarten oktober 2018"
    assert cvv["status"] == "verzelfstandigd (sinds 2019)"
    action = next(row for row in rows if row["number"] == 17)
    assert action["last_edition"] == "uitvoeringsprogramma 2013-2015"


def test_centrum_voor_vitaliteit_is_verzelfstandigd_since_2019(graph):
    cvv = graph.nodes[CVV]
    assert (cvv["status"], cvv["status_since"]) == ("verzelfstandigd", "2019")
    # Before 2019 the card only announced it: then it was still running.
    assert as_of(graph, "2018-12").nodes[CVV]["status"] == "lopend"
    assert CVV not in as_of(graph, "2019-06")


def test_a_project_succeeded_by_another_says_by_whom(graph):
    statuses = {d["name"]: d["status"] for _, d in graph.nodes(data=True) if d["kind"] == Node.PROJECT}
    assert statuses["Talent op Maat"] == "opgevolgd door WIJIJ"


def test_every_answer_says_which_moment_it_is_for():
    for args in (["summary"], ["hubs"], ["who", "gemeente Leiden"], ["--as-of", "2019", "balance"]):
        first = run(*args).stdout.splitlines()[0]
        assert first.startswith("Stand: "), args
    assert run("--as-of", "2019", "hubs").stdout.startswith("Stand: 2019 (projectkaarten juni 2019")
    # With --json the moment goes to stderr, so stdout stays data.
    result = run("hubs", "--json")
    assert json.loads(result.stdout) and result.stderr.startswith("Stand: ")


def test_a_moment_that_is_no_date_is_one_clear_line():
    result = graph071("--as-of", "2019-13", "orphans")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "2019-13" in result.stderr


def test_timeline_of_gemeente_leiden_shows_its_roles_per_period(graph):
    result = timeline(graph, "org:gemeente-leiden")
    labels = [period["label"] for period in result["periods"]]
    assert labels[0] == "uitvoeringsprogramma 2013-2015"
    trekker = next(r for r in result["periods"][0]["roles"] if r["role"] == "trekker")
    assert trekker["count"] >= 5 and "actie 2013-2015/1" in trekker["names"]
    assert "projectkaarten januari 2022" in labels
    out = run("timeline", "gemeente Leiden").stdout
    assert "uitvoeringsprogramma 2013-2015 (2013-01 t/m 2015-12)" in out


def test_diff_between_any_two_moments(graph):
    result = moment_diff(graph, "2014", "2022")
    assert "actie 2013-2015/17" in result["gone"]
    assert "Bedrijventerreinen in de Energietransitie" in result["new"]
    out = run("diff", "2014", "2022").stdout
    assert out.startswith("Van 2014 (uitvoeringsprogramma 2013-2015) naar 2022")
    # Two editions of the projectkaarten still give the card-by-card comparison.
    assert "Van 2018-10 (projectkaarten-2018) naar 2019-06" in run("diff", "2018-10", "2019-06").stdout


# ---------------------------------------------------------------- two programmes

def test_action_2_is_ambiguous_with_two_programmes(tmp_path):
    folder = two_programme_corpus(tmp_path / "corpus")
    graph = build(folder).graph
    with pytest.raises(NotFound) as asked:
        find_action(graph, 2)
    assert "2013-2015/2" in asked.value.hint and "2016-2018/2" in asked.value.hint
    assert find_action(graph, 2, "2016-2018") == "action:2016-2018/2"
    result = graph071("--data", str(folder), "action", "2")
    assert result.returncode == 1 and "2013-2015/2 of 2016-2018/2" in result.stderr
    shown = graph071("--data", str(folder), "action", "2016-2018/2", check=True).stdout
    assert "Actie 2016-2018/2" in shown
    written = tmp_path / "kaart.html"
    graph071("--data", str(folder), "map", "--focus", "2013-2015/17", "-o", str(written), check=True)
    focus = graph071("--data", str(folder), "map", "--focus", "actie 17", "-o", str(written))
    assert focus.returncode == 1 and "2016-2018/17" in focus.stderr
    # At one moment only one programme holds, so the number alone is enough.
    assert "Actie 2013-2015/2" in graph071("--data", str(folder), "--as-of", "2014", "action", "2",
                                           check=True).stdout
    orphans_2017 = json.loads(graph071("--data", str(folder), "--as-of", "2017", "orphans", "--json",
                                       check=True).stdout)
    assert {o["programme"] for o in orphans_2017} == {"2016-2018"}


def test_path_to_an_organisation_not_named_now_says_when_it_was_last_seen():
    result = graph071("path", "UvL", "gemeente Leiden")
    assert result.returncode == 1
    assert "Universiteit Leiden wordt op dit moment (" in result.stderr
    assert "--as-of" in result.stderr
    assert "Universiteit Leiden" in run("--as-of", "2014", "path", "UvL", "gemeente Leiden").stdout


def test_who_names_every_role_up_to_the_moment_with_its_period():
    who = json.loads(run("who", "UvL", "--json").stdout)
    assert who["name"] == "Universiteit Leiden"
    assert {item["period"] for item in who["trekker"]} == {"2013-01 t/m 2015-12", "2018-10 t/m 2021-12"}
    before = json.loads(run("--as-of", "2012", "who", "UvL", "--json", check=False).stdout or "{}")
    assert before == {}  # nothing was published yet in 2012


def test_an_old_action_shown_with_its_history_is_still_not_named_now(graph):
    # `action 2013-2015/17` looks at every edition published, but its status is today's.
    history = as_of(graph, None, history=True)
    action = history.nodes["action:2013-2015/17"]
    assert action["status"].startswith("niet meer genoemd (laatst in uitvoeringsprogramma 2013-2015")
    assert as_of(graph, "2014", history=True).nodes["action:2013-2015/17"]["status"] == "lopend"


def test_periods_statuses_and_decisions_are_read_once_with_the_corpus(tmp_path, monkeypatch):
    import shutil

    from graph071.build import pipeline
    from graph071.corpus import reader

    folder = tmp_path / "corpus"
    shutil.copytree(bundled_data_dir(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    periods = folder / "periods.csv"
    periods.write_text(periods.read_text(encoding="utf-8").replace(
        "project_cards,edition,projectkaarten,", "project_cards,edition,kaarten,"), encoding="utf-8")
    (folder / "review.csv").write_text("id,decision\n", encoding="utf-8")

    def read_then_remove(data_dir):
        corpus = reader.read_corpus(data_dir)
        for name in ("periods.csv", "statuses.csv", "checked.csv", "review.csv"):
            (folder / name).unlink()  # whatever reads them again now fails or falls back
        return corpus

    monkeypatch.setattr(pipeline, "read_corpus", read_then_remove)
    built = pipeline.build(folder)
    assert built.graph.nodes["doc:projectkaarten-2022"]["edition_label"] == "kaarten januari 2022"
    assert built.graph.nodes[CVV]["status"] == "verzelfstandigd"


def test_a_name_asked_before_it_appears_says_when_it_first_does():
    for args in (["project", "Talent op Maat"], ["timeline", "Smart071"], ["person", "Laura Platte"]):
        result = graph071("--as-of", "2014", *args)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "nog niet genoemd; voor het eerst in projectkaarten" in result.stderr, result.stderr
        assert "--as-of 20" in result.stderr


def test_an_action_says_its_status_at_the_moment_asked():
    assert "Status: lopend (sinds 2013-10)" in run("--as-of", "2014", "action", "17").stdout
    now = run("action", "2013-2015/17").stdout
    assert "Status: niet meer genoemd (laatst in uitvoeringsprogramma 2013-2015)" in now


def test_diff_compares_the_moments_it_names_not_the_as_of_one():
    refused = graph071("--as-of", "2014", "diff", "2014", "2019")
    assert refused.returncode == 1 and "--as-of" in refused.stderr and "Traceback" not in refused.stderr
    assert run("diff", "2014", "2019").stdout.startswith("Van 2014 (uitvoeringsprogramma 2013-2015) naar 2019")


def test_the_moment_is_said_in_english_with_lang_en():
    first = run("--lang", "en", "--as-of", "2014", "orphans").stdout.splitlines()[0]
    assert first == "As of: 2014 (uitvoeringsprogramma 2013-2015)"
    assert run("--as-of", "2014", "orphans").stdout.splitlines()[0] == "Stand: 2014 (uitvoeringsprogramma 2013-2015)"
