"""Index071 as data: the overall index, the weighted baskets (mandjes) and their parameters.

A `Monitor` is one edition of the monitor: the overall series, five baskets with
their weight and series, and each basket's parameters with weight, series and data
source. The loader (graph071.loaders.index071) builds one from the document; the
graph stores it as Index, Basket and Indicator nodes; `monitor_from_graph` reads it
back. Everything here is a pure function of a Monitor or a graph: the consistency
checks, the JSON of `graph071 index` and the rows of its table.

A series maps a year to the figure as written (an int, or a float where the
document writes a decimal comma). A year without a figure ("-" or an empty cell)
is absent from the series, never 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph071 import i18n
from graph071.errors import Graph071Error
from graph071.corpus.organisations import normalise
from graph071.schema import Edge, Node

Number = int | float
Series = dict[int, Number]

# Series are stored on nodes as one scalar property per year ("index_2012": 100.0), so
# that every backend (GraphML, GEXF, CSV, Neo4j) keeps them; a missing year has no property.
# Figures and weights are stored as floats: GEXF gives a property one type for all nodes,
# and 27 next to 12.5 would not read back. `as_written` turns 27.0 back into 27.
SERIES_PREFIX = "index_"
_SERIES_KEY = re.compile(rf"^{SERIES_PREFIX}(\d{{4}})$")

# Within this many index points the weighted baskets reproduce the overall figure:
# the document rounds every figure to whole points.
ROUNDING_TOLERANCE = 1.0


@dataclass
class Parameter:
    """One parameter of a basket: its weight (percent) and series as in the appendix."""

    number: int
    name: str
    weight: Number | None
    series: Series
    data_source: str = ""
    line: int = 0
    quote: str = ""
    # Cells as written in the appendix ("-" for a missing figure); fewer cells than
    # years means the last cells were empty.
    cells: list[str] = field(default_factory=list)
    name_in_text: str = ""  # the name in the chapter's weight table
    weight_in_text: Number | None = None
    text_line: int = 0
    source_line: int = 0  # line of the data-source table


@dataclass
class Basket:
    """A basket (mandje) of parameters, with its weight in the overall index."""

    number: int
    name: str
    weight_pct: Number | None
    series: Series
    parameters: list[Parameter] = field(default_factory=list)
    line: int = 0
    quote: str = ""
    aliases: list[str] = field(default_factory=list)  # other names the document uses
    table_line: int = 0  # line of the basket's own appendix table
    table_series: Series | None = None  # the basket's total row in its own table
    text_series: Series | None = None  # the series in the basket's chapter
    text_line: int = 0


@dataclass(frozen=True)
class CountClaim:
    """A number of parameters the text names, as written ("ruim veertig")."""

    phrase: str
    count: int
    line: int
    qualifier: str = ""  # "ruim", "bijna", ... ; "" when the text is exact


@dataclass
class Monitor:
    """One edition of Index071: the overall series and the baskets with their parameters."""

    document: str
    name: str
    edition: str
    years: list[int]
    overall: Series
    baskets: list[Basket] = field(default_factory=list)
    base_year: int | None = None
    line: int = 0
    quote: str = ""
    text_series: Series | None = None  # the overall series in chapter 1
    text_line: int = 0
    count_claims: list[CountClaim] = field(default_factory=list)

    @property
    def parameters(self) -> list[Parameter]:
        return [parameter for basket in self.baskets for parameter in basket.parameters]


@dataclass(frozen=True)
class Finding:
    """A consistency problem of the document itself, with the line it is about.

    `topic` says which check found it: "weging" (weights that do not add up, or text
    and appendix that disagree), "aantal" (the number of parameters), "reeks" (a series
    the chapters give differently) or "jaren" (years without a figure).
    """

    line: int
    message: str | i18n.Said
    topic: str = "weging"


# ---------------------------------------------------------------- numbers

def parse_number(text: str) -> Number | None:
    """Return the figure as written: an int, a float for a decimal comma, None for "-".

    >>> parse_number("113"), parse_number("12,5%"), parse_number("-"), parse_number("")
    (113, 12.5, None, None)
    """
    text = text.strip().rstrip("%").strip()
    if not text or set(text) <= {"-", "–"}:
        return None
    if "," in text:
        return float(text.replace(".", "").replace(",", "."))
    return int(text.replace(".", ""))


def as_written(value: Number | None) -> Number | None:
    """Return a stored figure as the document writes it: 27.0 -> 27, 12.5 stays 12.5.

    >>> as_written(27.0), as_written(12.5), as_written(None)
    (27, 12.5, None)
    """
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def stored(value: Number | None) -> float | None:
    """Return a figure as the graph stores it: always a float (see SERIES_PREFIX).

    >>> stored(27), stored(None)
    (27.0, None)
    """
    return None if value is None else float(value)


def pct(value: Number | None) -> str:
    """Return a weight as users write it: 12,5% or 30%.

    >>> pct(12.5), pct(30), pct(None)
    ('12,5%', '30%', '?')
    """
    if value is None:
        return "?"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:g}".replace(".", ",") + "%"
    return f"{int(value)}%"


def _total(values: list[Number | None]) -> Number:
    total = sum(v for v in values if v is not None)
    return int(total) if float(total).is_integer() else round(total, 2)


# ---------------------------------------------------------------- checks

def basket_weight_sum(monitor: Monitor) -> Number:
    """Return the sum of the basket weights in percent (the 2017 edition's add up to 99).

    >>> m = Monitor("d", "Index", "2017", [2012], {2012: 100},
    ...             [Basket(1, "A", 30, {}), Basket(2, "B", 69, {})])
    >>> basket_weight_sum(m)
    99
    """
    return _total([basket.weight_pct for basket in monitor.baskets])


def parameter_weight_sum(basket: Basket) -> Number:
    """Return the sum of the parameter weights of `basket` in percent.

    >>> parameter_weight_sum(Basket(1, "A", 30, {}, [Parameter(1, "x", 12.5, {}),
    ...                                              Parameter(2, "y", 87.5, {})]))
    100
    """
    return _total([parameter.weight for parameter in basket.parameters])


def years_covered(series: Series, years: list[int]) -> tuple[list[int], list[int]]:
    """Return (years with a figure, years without one) of `series` over `years`.

    >>> years_covered({2012: 100, 2013: 98, 2014: 107}, [2012, 2013, 2014, 2015, 2016])
    ([2012, 2013, 2014], [2015, 2016])
    """
    return ([year for year in years if series.get(year) is not None],
            [year for year in years if series.get(year) is None])


def recomputed_overall(monitor: Monitor) -> Series:
    """Return the overall series recomputed from the baskets: their weighted mean.

    The weights are divided by their sum, so weights adding to 99 still give an index.
    A year is left out when a basket has no figure for it.

    >>> m = Monitor("d", "Index", "2017", [2012, 2013], {2012: 100, 2013: 104},
    ...             [Basket(1, "A", 25, {2012: 100, 2013: 108}),
    ...              Basket(2, "B", 75, {2012: 100, 2013: 102})])
    >>> recomputed_overall(m)
    {2012: 100.0, 2013: 103.5}
    """
    weighted = [(b.weight_pct, b.series) for b in monitor.baskets if b.weight_pct]
    total = sum(weight for weight, _ in weighted)
    result: Series = {}
    if not total:
        return result
    for year in monitor.years:
        figures = [(weight, series.get(year)) for weight, series in weighted]
        if all(figure is not None for _, figure in figures):
            result[year] = round(sum(w * f for w, f in figures) / total, 2)
    return result


def claim_agrees(claim: CountClaim, count: int) -> bool:
    """Return True when `count` fits what the text says ("ruim veertig" is more than 40).

    >>> claim_agrees(CountClaim("ruim veertig", 40, 38, "ruim"), 38)
    False
    >>> claim_agrees(CountClaim("38", 38, 264), 38)
    True
    """
    qualifier = claim.qualifier.lower()
    if qualifier in ("ruim", "meer dan", "ruim over de"):
        return count > claim.count
    if qualifier == "bijna":
        return claim.count - 5 <= count < claim.count
    if qualifier in ("circa", "ongeveer", "zo'n", "zo’n", "rond de"):
        return abs(count - claim.count) <= 2
    return count == claim.count


def _span(years: list[int]) -> str:
    """Return years as Dutch readers write them: 2012-2015, or 2012, 2014 en 2016."""
    if not years:
        return i18n.text("monitor:no_year", "no year at all")
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 2:
        return f"{years[0]}-{years[-1]}"
    names = [str(y) for y in years]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + i18n.text("monitor:and", " and ") + names[-1]


def _series_text(series: Series, years: list[int]) -> str:
    return " ".join("-" if series.get(y) is None else f"{series[y]:g}".replace(".", ",")
                    for y in years)


def findings(monitor: Monitor) -> list[Finding]:
    """Return the consistency problems of `monitor`, in document order.

    Checked: the basket weights add up to 100; each basket's parameter weights add up
    to 100; each parameter has a figure for every year; the weights in the chapters
    agree with the appendix; the series in the chapters agree with the appendix; the
    number of parameters the text names agrees with the appendix; the weighted baskets
    reproduce the overall index. Where text and appendix disagree the appendix counts.
    """
    found: list[Finding] = []
    weight_sum = basket_weight_sum(monitor)
    if weight_sum != 100:
        weights = " + ".join(pct(b.weight_pct) for b in monitor.baskets)
        found.append(Finding(monitor.line or (monitor.baskets[0].line if monitor.baskets else 0), i18n.said(
            "monitor:basket_weights", "Weights of the baskets (mandjes): {weights} = {total}, not 100% (appendix, "
            "overall overview).", weights=weights, total=pct(weight_sum))))
    count = len(monitor.parameters)
    for claim in monitor.count_claims:
        if not claim_agrees(claim, count):
            found.append(Finding(claim.line, i18n.said(
                "monitor:count", "Number of parameters: the text speaks of ‘{phrase}’, the appendix counts {count}; "
                "the appendix's count holds.", phrase=claim.phrase, count=count), "aantal"))
    found.extend(_series_disagreements(monitor))
    for basket in monitor.baskets:
        found.extend(_basket_findings(monitor, basket))
    recomputed = recomputed_overall(monitor)
    for year, figure in recomputed.items():
        given = monitor.overall.get(year)
        if given is not None and abs(given - figure) > ROUNDING_TOLERANCE:
            found.append(Finding(monitor.line, i18n.said(
                "monitor:overall", "Index071 totaal {year}: the appendix gives {given:g}, the weighted mean of the "
                "baskets is {figure:g}.", year=year, given=given, figure=figure), "reeks"))
    return sorted(found, key=lambda f: f.line)


def _series_disagreements(monitor: Monitor) -> list[Finding]:
    found: list[Finding] = []
    chapter = i18n.said("monitor:chapter", "the chapter")
    pairs = [("Index071 totaal", monitor.overall, monitor.text_series, monitor.text_line, chapter)]
    for basket in monitor.baskets:
        label = i18n.said("monitor:basket", "Basket (mandje) ‘{name}’", name=basket.name)
        pairs.append((label, basket.series, basket.text_series, basket.text_line, chapter))
        pairs.append((label, basket.series, basket.table_series, basket.table_line,
                      i18n.said("monitor:own_table", "its own table in the appendix")))
    for label, appendix, other, line, where in pairs:
        if other is not None and other != appendix:
            found.append(Finding(line, i18n.said(
                "monitor:series", "{label}: {where} gives the series {other}, the overall overview in the appendix "
                "{appendix}; the appendix holds.", label=label, where=where,
                other=_series_text(other, monitor.years), appendix=_series_text(appendix, monitor.years)), "reeks"))
    return found


def _basket_findings(monitor: Monitor, basket: Basket) -> list[Finding]:
    found: list[Finding] = []
    label = i18n.said("monitor:basket", "Basket (mandje) ‘{name}’", name=basket.name)
    total = parameter_weight_sum(basket)
    if basket.parameters and total != 100:
        in_text = _total([p.weight_in_text for p in basket.parameters])
        text_note = (i18n.said("monitor:in_text", " (in the text, line {line}: {total})",
                               line=basket.parameters[0].text_line, total=pct(in_text))
                     if any(p.weight_in_text is not None for p in basket.parameters) else "")
        found.append(Finding(basket.table_line or basket.line, i18n.said(
            "monitor:parameter_weights", "{label}: the weights of the {count} parameters add up to {total} in the "
            "appendix, not 100%{note}.", label=label, count=len(basket.parameters), total=pct(total),
            note=text_note)))
    for parameter in basket.parameters:
        where = i18n.said("monitor:parameter", "{label}, parameter {number} ‘{name}’", label=label,
                          number=parameter.number, name=parameter.name)
        if (parameter.weight_in_text is not None and parameter.weight is not None
                and parameter.weight_in_text != parameter.weight):
            found.append(Finding(parameter.line, i18n.said(
                "monitor:weight", "{where}: weight in the text {text} (line {line}), in the appendix {appendix}; the "
                "appendix holds.", where=where, text=pct(parameter.weight_in_text), line=parameter.text_line,
                appendix=pct(parameter.weight))))
        covered, missing = years_covered(parameter.series, monitor.years)
        if missing:
            dashes = [y for y, cell in zip(monitor.years, parameter.cells) if cell in ("-", "–")]
            empty = [y for y in missing if y not in dashes]
            how = []
            if dashes:
                how.append(i18n.text("monitor:dash", "'-' for {years}", years=_span(dashes)))
            if empty:
                how.append(i18n.text("monitor:empty_cell", "an empty cell for {years}", years=_span(empty)))
            found.append(Finding(parameter.line, i18n.said(
                "monitor:years" if len(missing) == 1 else "monitor:years_plural",
                "{where}: figures for {covered}; {missing} is missing (in the appendix {how})." if len(missing) == 1
                else "{where}: figures for {covered}; {missing} are missing (in the appendix {how}).",
                where=where, covered=_span(covered), missing=_span(missing),
                how=i18n.text("monitor:and", " and ").join(how)), "jaren"))
    return found


# ---------------------------------------------------------------- graph

def series_from_props(props: dict[str, Any]) -> Series:
    """Return the series stored on a node as index_<year> properties.

    >>> series_from_props({"name": "x", "index_2013": 101, "index_2012": 100})
    {2012: 100, 2013: 101}
    """
    series = {int(m.group(1)): as_written(value) for key, value in props.items()
              if (m := _SERIES_KEY.match(key)) and value is not None}
    return dict(sorted(series.items()))


def series_props(series: Series) -> dict[str, Number]:
    """Return the node properties that store `series` (missing years get none).

    >>> series_props({2012: 100, 2016: None})
    {'index_2012': 100.0}
    """
    return {f"{SERIES_PREFIX}{year}": stored(value) for year, value in sorted(series.items())
            if value is not None}


class NoMonitor(Graph071Error):
    """The graph holds no Index071 (the corpus has no monitor document)."""


def monitor_from_graph(graph: nx.MultiDiGraph, edition: str | None = None) -> Monitor:
    """Return the monitor stored in `graph` (the newest edition, or `edition`).

    Raises NoMonitor when the graph holds no Index node.
    """
    indexes = sorted(((data.get("edition") or "", node) for node, data in graph.nodes(data=True)
                      if data.get("kind") == Node.INDEX
                      and (edition is None or data.get("edition") == edition)), reverse=True)
    if not indexes:
        unread = [m for m in graph.graph.get("missing_documents", []) if m.get("loader") == "index071"]
        if unread:  # the corpus has one, but it did not read: say why
            raise NoMonitor(i18n.text("error:monitor.unread", "the Index071 {document} could not be read: {reason}",
                                      document=unread[0]['document'], reason=unread[0]['reason']))
        edition_text = i18n.text("error:monitor.of_edition", " of edition {edition}",
                                 edition=edition) if edition else ""
        raise NoMonitor(i18n.text("error:monitor.none", "the graph holds no Index071") + edition_text,
                        hint=i18n.text("error:monitor.none.hint",
                                       "add the Index071 document (loader index071) to manifest.csv"))
    index = indexes[0][1]
    data = graph.nodes[index]
    monitor = Monitor(document=data.get("document", ""), name=data.get("name", ""),
                      edition=data.get("edition", ""),
                      years=[int(y) for y in data.get("years") or []],
                      overall=series_from_props(data), base_year=data.get("base_year"),
                      line=data.get("line", 0), quote=data.get("quote", ""))
    for basket_id in _sources_of(graph, index, Edge.IN_INDEX):
        props = graph.nodes[basket_id]
        basket = Basket(number=props.get("number", 0), name=props["name"],
                        weight_pct=as_written(props.get("weight_pct")),
                        series=series_from_props(props),
                        line=props.get("line", 0), quote=props.get("quote", ""),
                        aliases=list(props.get("aliases") or []))
        for parameter_id in _sources_of(graph, basket_id, Edge.IN_BASKET):
            p = graph.nodes[parameter_id]
            basket.parameters.append(Parameter(
                number=p.get("number", 0), name=p["name"], weight=as_written(p.get("weight")),
                series=series_from_props(p), data_source=p.get("data_source", ""),
                line=p.get("line", 0), quote=p.get("quote", ""),
                name_in_text=p.get("name_in_text", ""),
                weight_in_text=as_written(p.get("weight_in_text")),
                text_line=p.get("text_line", 0), source_line=p.get("source_line", 0)))
        basket.parameters.sort(key=lambda p: p.number)
        monitor.baskets.append(basket)
    monitor.baskets.sort(key=lambda b: b.number)
    if not monitor.years:
        monitor.years = sorted({y for s in [monitor.overall, *(b.series for b in monitor.baskets)]
                                for y in s})
    return monitor


def _sources_of(graph: nx.MultiDiGraph, target: str, kind: str) -> list[str]:
    return sorted({source for source, _, data in graph.in_edges(target, data=True)
                   if data.get("kind") == kind})


# ---------------------------------------------------------------- questions users ask

def find_basket(monitor: Monitor, text: str) -> Basket:
    """Return the basket `text` names: its number, its name or another name the document uses.

    A near miss raises Graph071Error with "did you mean" and the list of baskets.

    >>> m = Monitor("d", "Index071", "2017", [2012], {2012: 100},
    ...             [Basket(1, "Life Sciences & Health", 30, {}),
    ...              Basket(3, "Onderwijs en Arbeidsmarkt", 9, {},
    ...                     aliases=["Onderwijs – Arbeidsmarkt"])])
    >>> find_basket(m, "onderwijs-arbeidsmarkt").number
    3
    >>> find_basket(m, "1").name
    'Life Sciences & Health'
    """
    wanted = basket_form(text)
    for basket in monitor.baskets:
        forms = {str(basket.number), *(basket_form(n) for n in [basket.name, *basket.aliases])}
        if wanted in forms:
            return basket
    choices = {basket_form(n): b.name for b in monitor.baskets for n in [b.name, *b.aliases]}
    # A word of the name is enough when it names one basket only ("regiomarketing", "life").
    partial = {name for form, name in choices.items() if wanted and wanted in form}
    if len(partial) == 1:
        name = partial.pop()
        return next(b for b in monitor.baskets if b.name == name)
    from rapidfuzz import fuzz, process

    matches = process.extract(wanted, list(choices), scorer=fuzz.WRatio, limit=5)
    suggestions: list[str] = []
    for form, score, _ in matches:
        if score >= 75 and choices[form] not in suggestions:
            suggestions.append(choices[form])
    listing = "; ".join(f"{b.number} {b.name}" for b in monitor.baskets)
    hint = (i18n.text("error:did_you_mean", "did you mean {possibilities}?",
                      possibilities=' / '.join(repr(s) for s in suggestions[:2])) + " " if suggestions
            else "") + i18n.text("error:monitor.baskets", "the baskets are: {baskets}", baskets=listing)
    name = monitor.name.split()[0] if monitor.name else i18n.text("error:monitor.the_index", "the index")
    raise Graph071Error(i18n.text("error:monitor.no_basket", "no basket (mandje) called {text!r} in {name}",
                                  text=text, name=name), hint=hint)


def basket_form(text: str) -> str:
    """Return the form of a basket name that its spellings share (for comparing names)."""
    # "Onderwijs – Arbeidsmarkt", "Onderwijs-arbeidsmarkt" and "Onderwijs en Arbeidsmarkt"
    # are one basket: dashes and "en" between the words do not matter.
    form = normalise(text).replace("&", " en ")
    form = re.sub(r"[–—-]", " ", form)
    form = re.sub(r"\ben\b", " ", form)
    return re.sub(r"\s+", " ", form).strip()


def _series_json(series: Series, years: list[int]) -> dict[str, Number | None]:
    return {str(year): series.get(year) for year in years}


def parameter_json(parameter: Parameter, years: list[int]) -> dict[str, Any]:
    """Return a parameter as `graph071 index --json` writes it (a missing year is null)."""
    return {"name": parameter.name, "weight": parameter.weight,
            "series": _series_json(parameter.series, years), "source": parameter.data_source}


def basket_json(basket: Basket, years: list[int]) -> dict[str, Any]:
    """Return a basket with its parameters as `graph071 index --json` writes it."""
    return {"name": basket.name, "weight_pct": basket.weight_pct,
            "series": _series_json(basket.series, years),
            "parameters": [parameter_json(p, years) for p in basket.parameters]}


def index_json(monitor: Monitor, basket: Basket | None = None) -> dict[str, Any]:
    """Return {"overall": {"series"}, "baskets": [...]}: all baskets, or only `basket`.

    >>> m = Monitor("d", "Index071", "2017", [2012, 2013], {2012: 100, 2013: 101},
    ...             [Basket(1, "A", 30, {2012: 100, 2013: 102},
    ...                     [Parameter(1, "p", 12.5, {2012: 100}, data_source="CBS")])])
    >>> index_json(m)["baskets"][0]["parameters"][0]
    {'name': 'p', 'weight': 12.5, 'series': {'2012': 100, '2013': None}, 'source': 'CBS'}
    """
    baskets = [basket] if basket is not None else monitor.baskets
    return {"overall": {"series": _series_json(monitor.overall, monitor.years)},
            "baskets": [basket_json(b, monitor.years) for b in baskets]}


MISSING = "–"  # how a table shows a year without a figure


def _year_cells(series: Series, years: list[int]) -> dict[str, Any]:
    return {str(year): MISSING if series.get(year) is None else series[year] for year in years}


def overview_rows(monitor: Monitor) -> list[dict[str, Any]]:
    """Return the table of `graph071 index`: one row per basket, then the overall index."""
    rows = [{"number": b.number, "name": b.name, "weight": pct(b.weight_pct),
             "parameters": len(b.parameters), **_year_cells(b.series, monitor.years)}
            for b in monitor.baskets]
    rows.append({"number": "", "name": f"{monitor.name}", "weight": pct(basket_weight_sum(monitor)),
                 "parameters": len(monitor.parameters),
                 **_year_cells(monitor.overall, monitor.years)})
    return rows


def parameter_rows(monitor: Monitor, basket: Basket) -> list[dict[str, Any]]:
    """Return the table of `graph071 index BASKET`: its parameters, then the basket itself."""
    rows = [{"number": p.number, "name": p.name, "weight": pct(p.weight),
             **_year_cells(p.series, monitor.years), "source": p.data_source}
            for p in basket.parameters]
    rows.append({"number": "", "name": f"Mandje {basket.name}",
                 "weight": pct(parameter_weight_sum(basket)),
                 **_year_cells(basket.series, monitor.years), "source": ""})
    return rows
