"""Index071 (edition 2017) as the partners read it: every figure against our own hand reading,
the warnings where text and appendix disagree, the baskets on the agenda's themes, the chart."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from graph071.corpus.manifest import bundled_data_dir
from graph071.monitor.model import (Basket, CountClaim, Monitor, Parameter, basket_weight_sum,
                            find_basket, findings, index_json, monitor_from_graph,
                            recomputed_overall, years_covered)

from .conftest import FIXTURES, run

DOCUMENT = "index071-2017"
YEARS = ["2012", "2013", "2014", "2015", "2016"]


def reading() -> list[dict[str, str]]:
    with (FIXTURES / "index071_reading.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def figure(text: str) -> int | float | None:
    """A figure of the hand reading: empty is missing, a decimal comma is a float."""
    if not text:
        return None
    return float(text.replace(",", ".")) if "," in text else int(text)




@pytest.fixture(scope="module")
def monitor(graph) -> Monitor:
    return monitor_from_graph(graph)


@pytest.fixture(scope="module")
def notes(bundled) -> list:
    return [w for w in bundled.warnings if w.document == DOCUMENT]


def _row_id(row: dict[str, str]) -> str:
    return f"{row['level']}-{row['basket'] or 'totaal'}-{row['number']}"


# ---------------------------------------------------------------- every figure

@pytest.mark.parametrize("row", reading(), ids=_row_id)
def test_every_figure_matches_the_hand_reading(monitor, row):
    expected_series = {int(year): figure(row[year]) for year in YEARS}
    if row["level"] == "overall":
        assert monitor.name == row["name"]
        assert monitor.line == int(row["line"])
        assert {y: monitor.overall.get(y) for y in expected_series} == expected_series
        return
    basket = find_basket(monitor, row["basket"])
    if row["level"] == "basket":
        assert (basket.number, basket.name) == (int(row["number"]), row["name"])
        assert basket.weight_pct == figure(row["weight"])
        assert basket.line == int(row["line"])
        assert {y: basket.series.get(y) for y in expected_series} == expected_series
        return
    parameter = next(p for p in basket.parameters if p.number == int(row["number"]))
    assert parameter.name == row["name"]
    assert parameter.weight == figure(row["weight"])
    assert parameter.weight_in_text == figure(row["weight_in_text"])
    assert {y: parameter.series.get(y) for y in expected_series} == expected_series
    assert parameter.data_source == row["source"]
    assert parameter.line == int(row["line"])


def test_the_index_has_38_parameters_in_five_baskets(monitor):
    assert [len(b.parameters) for b in monitor.baskets] == [7, 8, 8, 9, 6]
    assert len(monitor.parameters) == 38 == sum(1 for r in reading() if r["level"] == "parameter")


def test_base_year_2012_is_100_everywhere(monitor):
    assert monitor.base_year == 2012
    assert all(p.series[2012] == 100 for p in monitor.parameters)


def test_a_missing_year_is_missing_never_zero(monitor):
    verhuisd = find_basket(monitor, "Regiomarketing").parameters[0]
    assert verhuisd.name.startswith("Aantal verhuisde personen")
    assert verhuisd.series == {2012: 100, 2013: 98, 2014: 107}
    assert years_covered(verhuisd.series, monitor.years) == ([2012, 2013, 2014], [2015, 2016])
    # "13% 100 107 113 118" has an empty last cell rather than "-".
    studenten = find_basket(monitor, "Ondernemerschap").parameters[6]
    assert 2016 not in studenten.series and 0 not in studenten.series.values()


def test_a_weight_with_a_decimal_comma_is_a_float(monitor):
    onderwijs = find_basket(monitor, "Onderwijs en Arbeidsmarkt")
    assert {p.weight for p in onderwijs.parameters} == {12.5}
    assert isinstance(onderwijs.parameters[0].weight, float)


def test_baskets_are_found_by_any_name_the_document_uses(monitor):
    for name in ("Onderwijs – Arbeidsmarkt", "Onderwijs-arbeidsmarkt",
                 "onderwijs en arbeidsmarkt", "3"):
        assert find_basket(monitor, name).number == 3


def test_the_weighted_baskets_reproduce_the_overall_index(monitor):
    recomputed = recomputed_overall(monitor)
    assert all(abs(recomputed[year] - monitor.overall[year]) <= 1 for year in monitor.years)


# ---------------------------------------------------------------- warnings in check

def test_basket_weights_add_up_to_99_and_check_says_so(monitor, notes):
    assert basket_weight_sum(monitor) == 99
    [note] = [n for n in notes if n.message.startswith("Weging van de mandjes")]
    assert "30% + 19% + 9% + 22% + 19% = 99%" in note.message and note.line == 2625


def test_ruim_veertig_and_veertig_disagree_with_38(notes):
    counts = {n.line: n.message for n in notes if n.message.startswith("Aantal parameters")}
    assert sorted(counts) == [38, 50]  # line 264 says 38, which agrees
    assert "‘ruim veertig economische parameters’" in counts[38] and "telt er 38" in counts[38]


@pytest.mark.parametrize("line,text,appendix", [
    (2668, "16%", "15%"), (2670, "25%", "23%"), (2684, "15%", "14%"), (2686, "14%", "13%"),
    (2803, "18%", "17%")])
def test_weights_where_text_and_appendix_disagree_keep_the_appendix(monitor, notes, line, text,
                                                                    appendix):
    [note] = [n for n in notes if n.line == line and "weging in de tekst" in n.message]
    assert f"weging in de tekst {text}" in note.message
    assert f"in de bijlage {appendix}; de bijlage geldt" in note.message
    parameter = next(p for p in monitor.parameters if p.line == line)
    assert f"{parameter.weight:g}%" == appendix


def test_only_five_weights_differ_between_text_and_appendix(notes):
    assert sum("weging in de tekst" in n.message for n in notes) == 5


def test_parameter_weights_of_ondernemerschap_add_up_to_94(notes):
    [note] = [n for n in notes if "tellen in de bijlage op tot" in n.message]
    assert "Ondernemerschap en jong talent" in note.message and "94%" in note.message
    assert "in de tekst, regel 540: 99%" in note.message


def test_every_parameter_without_a_figure_is_noted_with_its_line(notes):
    missing = [r for r in reading() if r["level"] == "parameter" and not all(r[y] for y in YEARS)]
    noted = {n.line: n.message for n in notes if "ontbr" in n.message}
    assert sorted(noted) == sorted(int(r["line"]) for r in missing)
    assert "2015 en 2016 ontbreken" in noted[2789]
    assert "lege cel voor 2016" in noted[2686]


def test_disagreements_are_warnings_and_missing_years_are_notes(notes):
    warned = [n.message for n in notes if n.level == "warning"]
    assert any("ruim veertig" in m for m in warned)
    assert any("= 99%" in m for m in warned)
    assert not any("ontbr" in m for m in warned)
    assert any("ontbr" in n.message for n in notes if n.level == "info")


def test_check_lists_the_disagreements():
    data = json.loads(run("check", "--json").stdout)
    ours = [w for w in data["warnings"] if w["document"] == DOCUMENT]
    assert any(w["line"] == 38 and "ruim veertig" in w["message"] for w in ours)
    assert any("= 99%" in w["message"] for w in ours)


def test_findings_on_a_small_monitor_name_weights_counts_and_years():
    parameters = [Parameter(1, "Aantal starters", 15, {2012: 100, 2013: 109}, line=20,
                            cells=["100", "109"], weight_in_text=16, text_line=5),
                  Parameter(2, "Aantal expats", 85, {2012: 100, 2013: 105}, line=21,
                            cells=["100", "105"])]
    monitor = Monitor("doc", "Index071 totaal", "2017", [2012, 2013], {2012: 100, 2013: 106},
                      [Basket(1, "Regio", 99, {2012: 100, 2013: 106}, parameters, line=10)],
                      line=12, count_claims=[CountClaim("ruim twintig parameters", 20, 3, "ruim")])
    found = {(f.line, f.topic) for f in findings(monitor)}
    assert found == {(3, "aantal"), (12, "weging"), (20, "weging")}
    monitor.baskets[0].parameters[1].series.pop(2013)
    assert (21, "jaren") in {(f.line, f.topic) for f in findings(monitor)}


# ---------------------------------------------------------------- the graph

EXPECTED_THEMES = {
    "Life Sciences & Health": "Economische structuurversterking",
    "Ondernemerschap en jong talent": "Ondernemerschap & starters",
    "Onderwijs en Arbeidsmarkt": "Onderwijs & arbeidsmarkt",
    "Vestigingsklimaat": "Vestigingsklimaat, ruimte & mobiliteit",
    "Regiomarketing": "Regiomarketing & acquisitie",
}


def test_each_basket_corresponds_to_its_theme_of_the_agenda(graph):
    links = {graph.nodes[s]["name"]: (graph.nodes[t]["name"], d)
             for s, t, d in graph.edges(data=True) if d["kind"] == "MEASURES"}
    assert {basket: theme for basket, (theme, _) in links.items()} == EXPECTED_THEMES
    for _, edge in links.values():
        assert edge["inferred"] is True
        assert "corresponderen in hoge mate met de vijf speerpunten" in edge["quote"]
        assert edge["line"] == 38


def test_life_sciences_is_linked_by_elimination_with_the_text_as_evidence(graph):
    [edge] = [d for s, _, d in graph.edges(data=True)
              if d["kind"] == "MEASURES" and graph.nodes[s]["name"] == "Life Sciences & Health"]
    assert edge["basis"] == "overgebleven"
    assert "life science" in edge["evidence_quote"]


def test_baskets_and_indicators_carry_their_series(graph):
    basket = graph.nodes[f"basket:{DOCUMENT}/5"]
    assert basket["name"] == "Regiomarketing" and basket["weight_pct"] == 19
    assert [basket[f"index_{y}"] for y in YEARS] == [100, 103, 109, 117, 119]
    indicator = graph.nodes[f"indicator:{DOCUMENT}/5.1"]
    assert "index_2015" not in indicator and indicator["years_missing"] == [2015, 2016]
    in_basket = [t for _, t, d in graph.out_edges(f"indicator:{DOCUMENT}/5.1", data=True)
                 if d["kind"] == "IN_BASKET"]
    assert in_basket == [f"basket:{DOCUMENT}/5"]


def test_six_trends_of_chapter_7(graph):
    trends = sorted((d["section"], d["name"]) for _, d in graph.nodes(data=True)
                    if d["kind"] == "Trend")
    assert trends == [("7.1", "Energie- en klimaatneutraliteit"), ("7.2", "Circulaire economie"),
                      ("7.3", "Smart City"), ("7.4", "Uitnodigingsplanologie"),
                      ("7.5", "Bètatechniek"), ("7.6", "Robotisering en de arbeidsmarkt")]


def test_brainport_is_a_good_practice_network_for_three_trends(graph):
    trends = sorted(graph.nodes[t]["name"] for s, t, d in graph.edges(data=True)
                    if d["kind"] == "GOOD_PRACTICE"
                    and graph.nodes[s]["name"] == "Brainport Development")
    assert trends == ["Bètatechniek", "Energie- en klimaatneutraliteit", "Smart City"]
    assert graph.nodes["org:brainport-development"]["sector"] == "samenwerkingsverband"


def test_technolab_is_a_good_practice_in_the_region_for_betatechniek(graph):
    [(practice, trend, edge)] = [(s, t, d) for s, t, d in graph.edges(data=True)
                                 if d["kind"] == "EXAMPLE_OF"
                                 and graph.nodes[s]["name"] == "Technolab Leiden"]
    assert graph.nodes[trend]["name"] == "Bètatechniek"
    assert graph.nodes[practice]["scope"] == "071-regio" and edge["line"] == 2222


def test_examples_elsewhere_in_the_country_per_trend(graph):
    elsewhere = sorted((graph.nodes[t]["section"], graph.nodes[s]["name"])
                       for s, t, d in graph.edges(data=True)
                       if d["kind"] == "EXAMPLE_OF"
                       and graph.nodes[s]["scope"] == "elders in het land")
    assert elsewhere == [
        ("7.1", "Brainport"), ("7.1", "Nijmegen"), ("7.1", "Region Food Valley"),
        ("7.1", "Utrecht"),
        ("7.2", "Amsterdam"), ("7.2", "Hengelo"), ("7.2", "Utrecht"),
        ("7.3", "Amsterdam"), ("7.3", "Assen"), ("7.3", "Eindhoven/Helmond"),
        ("7.4", "Amsterdam"), ("7.4", "Apeldoorn"),
        ("7.5", "Den Haag"), ("7.5", "Eindhoven"), ("7.5", "Nijmegen/Arnhem/Wageningen")]


# ---------------------------------------------------------------- the command line

def test_index_json_has_exactly_the_documented_shape():
    data = json.loads(run("index", "--json").stdout)
    assert list(data) == ["overall", "baskets"]
    assert data["overall"] == {"series": {"2012": 100, "2013": 101, "2014": 105, "2015": 110,
                                          "2016": 113}}
    assert [b["name"] for b in data["baskets"]] == list(EXPECTED_THEMES)
    for basket in data["baskets"]:
        assert list(basket) == ["name", "weight_pct", "series", "parameters"]
        for parameter in basket["parameters"]:
            assert list(parameter) == ["name", "weight", "series", "source"]
            assert list(parameter["series"]) == YEARS


def test_index_of_one_basket_gives_its_parameters_with_null_for_a_missing_year():
    data = json.loads(run("index", "Regiomarketing", "--json").stdout)
    [basket] = data["baskets"]
    assert basket["weight_pct"] == 19 and len(basket["parameters"]) == 6
    assert basket["parameters"][0]["series"]["2015"] is None
    assert basket["parameters"][1] == {
        "name": "Aantal expats", "weight": 19, "source": "CBS",
        "series": {"2012": 100, "2013": 105, "2014": 111, "2015": 116, "2016": 122}}


def test_index_table_is_readable():
    out = run("index").stdout
    assert "Life Sciences & Health" in out and "30%" in out and "113" in out
    out = run("index", "vestigingsklimaat").stdout
    assert "Autobereikbaarheid economische hotspots" in out and "Blaauwberg" in out and "–" in out


def test_a_misspelt_basket_is_one_line_with_did_you_mean():
    result = run("index", "Regiomarkting", check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "bedoelde u 'Regiomarketing'" in result.stderr


def _image(path: Path):
    import matplotlib.image

    return matplotlib.image.imread(path)


@pytest.mark.parametrize("basket", [None, "Life Sciences & Health"])
def test_the_chart_is_a_slide_sized_png(artifacts, basket):
    name = "index071_overview.png" if basket is None else "index071_life_sciences.png"
    path = artifacts / name
    path.unlink(missing_ok=True)
    args = ["index", "--plot", str(path)] + ([basket] if basket else [])
    assert "Grafiek geschreven" in run(*args).stdout
    image = _image(path)
    assert image.shape[:2] == (1125, 1999)
    assert image[..., :3].std() > 0.05  # lines were drawn, not an empty canvas


def test_a_chart_in_an_unknown_format_is_one_clear_line(tmp_path):
    result = run("index", "--plot", str(tmp_path / "index.jpg"), check=False)
    assert result.returncode == 1 and ".png" in result.stderr and "Traceback" not in result.stderr


def test_a_corpus_without_the_index_says_what_to_do(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(bundled_data_dir(), folder)
    manifest = folder / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join(l for l in lines if ",index071," not in l), encoding="utf-8")
    result = run("--data", str(folder), "index", check=False)
    assert result.returncode == 1 and "manifest.csv" in result.stderr


def test_an_index_without_its_appendix_is_refused(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(bundled_data_dir(), folder)
    document = folder / "documents" / "2017_index071.txt"
    text = document.read_text(encoding="utf-8")
    document.write_text(text.split("\n Bijlage")[0], encoding="utf-8")
    result = run("--data", str(folder), "index", check=False)
    assert result.returncode == 1 and "Bijlage" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_index_json_on_a_hand_built_monitor_keeps_missing_years_null():
    monitor = Monitor("d", "Index071 totaal", "2017", [2012, 2013], {2012: 100, 2013: 101},
                      [Basket(1, "A", 100, {2012: 100}, [Parameter(1, "p", 100, {2012: 100})])])
    data = index_json(monitor)
    assert data["baskets"][0]["series"] == {"2012": 100, "2013": None}
