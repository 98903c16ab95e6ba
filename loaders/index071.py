"""Loader for Index071, the monitor of the economic development of the Leidse regio.

The PDF's tables reach us flattened into lines. What is read, and how:

* The appendix ("Bijlage") is the reference for every figure. Its overview table
  ("Thema-mandje Weging 2012 ... 2016") has one row per basket ("Regiomarketing 19%
  100 103 109 117 119") and closes with the overall row ("Index071 totaal  100 ...").
  Then each basket has its own table: its name, a header "Weging 2012 ...", numbered
  parameters whose name may run over several lines before "27% 100 120 119 133 -",
  and the basket's own total row. "-" is a missing figure; a row with fewer figures
  than years had empty cells at the end.
* The data-source table after "Parameter Bron" gives, per basket, each parameter's
  name followed by its source; the names are the appendix's, so they cut the text.
* Each basket's chapter repeats its series under a year header and has a table
  "Parameters Weging" with the weights the text uses; the introduction counts the
  parameters in words ("ruim veertig"). Where these disagree with the appendix the
  appendix counts, and the disagreement becomes a warning (`graph071 check`).
* The agenda tables of chapter 7 ("Samenhang met huidige agenda") name the five
  speerpunten of the economic agenda; each basket is linked to the speerpunt whose
  name it shares, the one basket left over to the one speerpunt left over. The link is
  marked inferred and quotes the document's "corresponderen in hoge mate met de vijf
  speerpunten".
* Chapter 7's sections ("7.1 Energie- en klimaatneutraliteit") are the trends. Under
  "Good practices in de regio" short heading lines name the examples, first in the
  region, then (after "elders in het land" / "andere regio's") elsewhere in the
  country; the networks those examples name are organisations the resolution table
  knows (data/organisations.csv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph071 import i18n
from graph071.corpus.manifest import Document
from graph071.errors import InputError
from graph071.monitor.model import (Basket, CountClaim, Monitor, Parameter, Series, basket_form,
                            basket_weight_sum, findings, parameter_weight_sum, parse_number,
                            series_props, stored, years_covered)
from graph071.corpus.organisations import normalise, slug
from graph071.records import EdgeRecord, LoadResult, NodeRecord, OrgName, Source
from graph071.schema import Edge, Node, node_id

from graph071.loaders import ParseContext
from graph071.loaders.text import Line, join_lines

# The agenda whose speerpunten the baskets correspond to. The Index bases its agenda
# tables on "de in 2013 genoemde doelstellingen (Kennis & Werk #071 ...)": the themes of
# the uitvoeringsprogramma 2013-2015, whose loader gives them the ids theme:2013-2015/N.
AGENDA_PROGRAMME = "2013-2015"

APPENDIX = re.compile(r"^\s*Bijlage\s*$")
YEAR = r"(?:19|20)\d{2}"
WEIGHT_HEADER = re.compile(rf"^\s*(?P<label>.*?)\s*Weging\s+(?P<years>(?:{YEAR}\s+)*{YEAR})\s*$")
YEARS_ONLY = re.compile(rf"^\s*(?P<years>(?:{YEAR}\s+)+{YEAR})\s*$")
FIGURE = r"(?:\d+(?:,\d+)?|[-–])"
FIGURES_ONLY = re.compile(rf"^\s*(?P<cells>(?:{FIGURE}\s+)*{FIGURE})\s*$")
ROW = re.compile(rf"^\s*(?P<name>.*?[^\d\s%])\s+(?:(?P<weight>\d+(?:,\d+)?)\s*%\s+)?"
                 rf"(?P<cells>(?:{FIGURE}\s+)*{FIGURE})\s*$")
ITEM_START = re.compile(r"^\s*(?P<number>\d{1,2})\.?\s+(?P<text>[^\W\d].*)$")
WEIGHT_AND_CELLS = re.compile(rf"(?P<weight>\d+(?:,\d+)?)\s*%(?P<cells>(?:\s+{FIGURE})*)\s*$")
WEIGHT_AT_END = re.compile(r"(?P<weight>\d+(?:,\d+)?)\s*%\s*$")
TEXT_WEIGHT_HEADER = re.compile(r"^\s*Parameters?\s+Weging\s*$")
SOURCE_HEADER = re.compile(r"^\s*Parameter\s+Bron\s*$")
CHAPTER = re.compile(r"^\s*(?P<number>\d{1,2})\.\s+(?P<title>\S.{0,70}?)\s*$")
SECTION = re.compile(r"^\s*(?P<chapter>\d{1,2})\.(?P<section>\d{1,2})\s+(?P<title>[^\d\s].*?)\s*$")
FOOTNOTE_MARK = re.compile(r"(?<=\))\s+\d{1,2}$")
NUMBER_WORDS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
                "zeventig": 70, "tachtig": 80, "negentig": 90, "honderd": 100}
COUNT_CLAIM = re.compile(
    r"\b(?:(?P<qualifier>ruim|bijna|circa|ongeveer|meer\s+dan|zo[’']n)\s+)?"
    rf"(?P<count>\d{{2,3}}|{'|'.join(NUMBER_WORDS)})\s+(?:[^\W\d_]+\s+){{0,2}}?parameters\b",
    re.IGNORECASE)
CORRESPONDENCE = re.compile(r"[^.]*\bcorresponderen\b[^.]*\.", re.IGNORECASE)
AGENDA_TABLE_END = re.compile(r"Analyse\s+Projectmatig\s*$")
INLINE_LABEL = re.compile(r"^(?P<label>[A-Z][a-zé]+)\s+(?P<rest>[A-Z].*)$")
PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
FOOTNOTE = re.compile(r"^\s*\d{1,2}\s+[A-Z]")
GOOD_PRACTICES = re.compile(r"^\s*Good practices?\b", re.IGNORECASE)
AGENDA_SECTION = re.compile(r"^\s*Samenhang met\b", re.IGNORECASE)
MEASURABILITY = re.compile(r"^\s*Meetbaarheid\b", re.IGNORECASE)
ELSEWHERE = re.compile(r"elders in het land|andere regio|andere initiatieven", re.IGNORECASE)
PROSE_EXAMPLE = re.compile(
    r"\bvoorbeeld\b[^.]*?\bis\s+(?:uiteraard\s+)?(?:de\s+ontwikkeling\s+van\s+|het\s+|de\s+)?"
    r"(?P<name>[A-Z][\w’'/-]*(?:\s+(?:[A-Z0-9][\w’'/-]*|of|van|voor|a/d|de|der))*)")
NAMED_ITEM = re.compile(r"^\s*(?P<name>[A-Z][^:.]{2,50}):\s+(?P<text>\S.*)$")
STOPWORDS = {"en", "de", "het", "van", "in", "op"}
# A parameter's name runs over at most this many lines before its weight and figures.
MAX_NAME_LINES = 6

SCOPE_REGION = "071-regio"
SCOPE_ELSEWHERE = "elders in het land"
SCOPE_NATIONAL = "landelijk"


@dataclass
class _Item:
    """A numbered row of a table whose name may run over lines."""

    number: int
    line: int
    texts: list[str] = field(default_factory=list)


@dataclass
class Practice:
    """A good practice or example chapter 7 names for a trend."""

    name: str
    line: int
    scope: str
    description: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)  # heading and description, for networks


@dataclass
class Trend:
    """A section of chapter 7: a trend or theme with its examples."""

    section: str
    title: str
    line: int
    description: str = ""
    description_line: int = 0
    practices: list[Practice] = field(default_factory=list)


@dataclass
class Speerpunt:
    """A speerpunt of the agenda as the Index names it in its agenda tables."""

    number: int
    name: str
    line: int
    rows: list[Line] = field(default_factory=list)  # (first line, text) of its paragraphs


def load(document: Document, context: ParseContext) -> LoadResult:
    """Return the overall index, baskets, parameters, trends and examples of an Index071."""
    result = LoadResult(document.id)
    lines: list[Line] = list(enumerate(document.lines, start=1))
    appendix = next((n for n, text in lines if APPENDIX.match(text)), None)
    if appendix is None:
        raise InputError(document.path, i18n.text("error:index071.layout", "layout not recognised: no 'Bijlage' "
                                                  "with the index tables"),
                         hint=i18n.text("error:index071.layout.hint", "is this an Index071? check the manifest's "
                                        "loader column"))
    monitor = _read_appendix(document, lines[appendix:], result)
    _read_sources(monitor, lines[appendix:], result)
    before = lines[:appendix - 1]
    chapters = _chapters(before, monitor)
    _read_chapters(monitor, before, chapters, result)
    monitor.count_claims = _count_claims(document.lines[:appendix - 1])
    # Where the document contradicts itself (weights, the number of parameters) `check`
    # warns, as users must know which figure to trust; a year without a figure is a note.
    for finding in findings(monitor):
        if finding.topic == "jaren":
            result.note(finding.line, finding.message)
        else:
            result.warn(finding.line, finding.message)
    _emit_monitor(document, monitor, result)
    trend_lines = _trend_chapter(before, chapters)
    speerpunten = _speerpunten(trend_lines, result)
    _emit_correspondence(document, monitor, speerpunten, before, result)
    trends = _trends(trend_lines, before[:chapters[0][0] - 1] if chapters else [])
    _emit_trends(document, trends, context, result)
    return result


# ---------------------------------------------------------------- appendix

def _cells(text: str, years: list[int], line: int, what: str,
           result: LoadResult) -> tuple[Series, list[str]]:
    """Return the series and the cells as written of a row's figures."""
    cells = text.split()
    if len(cells) > len(years):
        result.warn(line, i18n.said("warning:index071.cells", "{what}: {cells} figures for {years} years; the last "
                                    "{extra} are ignored.", what=what, cells=len(cells), years=len(years),
                                    extra=len(cells) - len(years)))
        cells = cells[:len(years)]
    series = {year: value for year, cell in zip(years, cells)
              if (value := parse_number(cell)) is not None}
    return series, cells


def _read_appendix(document: Document, lines: list[Line], result: LoadResult) -> Monitor:
    """Return the monitor as the appendix gives it: overview table, then one table per basket."""
    headers = [(i, WEIGHT_HEADER.match(text)) for i, (_, text) in enumerate(lines)]
    headers = [(i, m) for i, m in headers if m]
    if not headers or not headers[0][1]["label"]:
        raise InputError(document.path, i18n.text("error:index071.overview", "layout not recognised: the appendix "
                                                  "has no overview table 'Thema-mandje Weging 2012 ...'"),
                         line=lines[0][0])
    first, header = headers[0]
    years = [int(y) for y in header["years"].split()]
    monitor = Monitor(document=document.id, name="", edition=document.entry.edition,
                      years=years, overall={}, base_year=None)
    number = 0
    for line, text in lines[first + 1:]:
        if not text.strip():
            continue
        row = ROW.match(text)
        if not row:
            result.warn(line, i18n.said("warning:index071.overview_line", "overview table in the appendix: line not "
                                        "read: {text!r}", text=text.strip()))
            break
        series, _ = _cells(row["cells"], years, line, row["name"].strip(), result)
        if row["weight"]:
            number += 1
            monitor.baskets.append(Basket(number, row["name"].strip(),
                                          parse_number(row["weight"]), series, line=line,
                                          quote=text.strip()))
        else:
            monitor.name, monitor.overall = row["name"].strip(), series
            monitor.line, monitor.quote = line, text.strip()
            break
    if not monitor.name:
        raise InputError(document.path, i18n.text("error:index071.total", "layout not recognised: the overview "
                                                  "table in the appendix has no total row ('Index071 totaal  100 "
                                                  "...')"), line=lines[first][0])
    # The base year is the year in which every series stands at 100.
    monitor.base_year = next((y for y in years if monitor.overall.get(y) == 100), None)
    tables = [i for i, m in headers[1:] if not m["label"]]
    if len(tables) != len(monitor.baskets):
        result.warn(lines[first][0], i18n.said("warning:index071.tables", "the appendix has {tables} basket "
                                               "tables for {baskets} baskets in the overall overview.",
                                               tables=len(tables), baskets=len(monitor.baskets)))
    for basket, start in zip(monitor.baskets, tables):
        _read_basket_table(basket, lines, start, years, result)
    return monitor


def _heading_above(lines: list[Line], index: int) -> Line:
    for line, text in reversed(lines[:index]):
        if text.strip():
            return line, text.strip()
    return 0, ""


def _read_basket_table(basket: Basket, lines: list[Line], start: int, years: list[int],
                       result: LoadResult) -> None:
    """Add the parameters of `basket` from its appendix table, whose header is lines[start]."""
    heading_line, heading = _heading_above(lines, start)
    if basket_form(heading).split()[:1] != basket_form(basket.name).split()[:1]:
        result.warn(heading_line, i18n.said("warning:index071.heading", "table ‘{heading}’ in the appendix stands "
                                            "where basket (mandje) ‘{basket}’ of the overall overview belongs; read as "
                                            "that basket.", heading=heading, basket=basket.name))
    if heading != basket.name:
        # The basket's own table names it as the chapters and the source table do
        # ("Onderwijs en Arbeidsmarkt"); the overview's wording stays an alias.
        basket.aliases.append(basket.name)
        basket.name = heading
    basket.table_line = heading_line
    current: _Item | None = None
    for line, text in lines[start + 1:]:
        if not text.strip():
            continue
        item = ITEM_START.match(text)
        if current is None and item and int(item["number"]) == len(basket.parameters) + 1:
            current = _Item(int(item["number"]), line, [item["text"]])
        elif current is not None and len(current.texts) < MAX_NAME_LINES:
            current.texts.append(text)
        else:
            row = ROW.match(text)
            if row and not row["weight"]:
                basket.table_series, _ = _cells(row["cells"], years, line, heading, result)
            else:
                result.warn(line, i18n.said("warning:index071.basket_line", "basket (mandje) ‘{basket}’ in the "
                                            "appendix: line not read: {text!r}", basket=basket.name,
                                            text=text.strip()))
            return
        joined = join_lines(current.texts)
        figures = WEIGHT_AND_CELLS.search(joined)
        if figures:
            name = joined[:figures.start()].strip()
            series, cells = _cells(figures["cells"], years, current.line,
                                   f"parameter {current.number} ‘{name}’", result)
            basket.parameters.append(Parameter(
                current.number, name, parse_number(figures["weight"]), series, line=current.line,
                quote=_lines_text(lines, current.line, line), cells=cells))
            current = None
    result.warn(basket.table_line, i18n.said("warning:index071.no_total", "basket (mandje) ‘{basket}’ in the "
                                             "appendix: no total row found.", basket=basket.name))


def _lines_text(lines: list[Line], first: int, last: int) -> str:
    """Return lines `first`..`last` (line numbers) of `lines` joined into one quote."""
    return " ".join(text.strip() for number, text in lines
                    if first <= number <= last and text.strip())


def _read_sources(monitor: Monitor, lines: list[Line], result: LoadResult) -> None:
    """Fill in each parameter's data source from the table after 'Parameter Bron'."""
    start = next((i for i, (_, text) in enumerate(lines) if SOURCE_HEADER.match(text)), None)
    if start is None:
        result.warn(lines[0][0], i18n.said("warning:index071.no_sources", "no source table ('Parameter Bron') in "
                                           "the appendix; the parameters get no source."))
        return
    flat, offsets = _flatten(lines[start + 1:])
    found: list[tuple[Basket, Parameter, int, int]] = []
    position = 0
    for basket in monitor.baskets:
        for parameter in basket.parameters:
            match = _words_pattern(parameter.name).search(flat, position)
            if match is None:
                result.warn(parameter.line, i18n.said(
                    "warning:index071.no_source", "basket (mandje) ‘{basket}’, parameter {number} ‘{name}’: not found "
                    "in the source table; no source.", basket=basket.name, number=parameter.number,
                    name=parameter.name))
                continue
            found.append((basket, parameter, match.start(), match.end()))
            position = match.end()
    for index, (basket, parameter, _, end) in enumerate(found):
        stop = found[index + 1][2] if index + 1 < len(found) else len(flat)
        text = flat[end:stop]
        following = found[index + 1][0] if index + 1 < len(found) else None
        if following is not None and following is not basket:
            text = _without_heading(text, following)
        source = re.sub(r"\s+", " ", text).strip()
        parameter.data_source = source
        parameter.source_line = _line_at(offsets, end + len(text) - len(text.lstrip()))


def _without_heading(text: str, basket: Basket) -> str:
    """Return `text` without the heading of `basket` at its end (it stands before its rows)."""
    words = text.split()
    forms = {basket_form(form) for form in [basket.name, *basket.aliases]}
    for size in range(min(8, len(words)), 0, -1):
        if basket_form(" ".join(words[-size:])) in forms:
            return " ".join(words[:-size])
    return text


def _flatten(lines: list[Line]) -> tuple[str, list[tuple[int, int]]]:
    """Return the non-blank lines joined by spaces, and (offset, line number) of each."""
    parts, offsets, position = [], [], 0
    for number, text in lines:
        if text.strip():
            offsets.append((position, number))
            parts.append(text.strip())
            position += len(text.strip()) + 1
    return " ".join(parts), offsets


def _line_at(offsets: list[tuple[int, int]], position: int) -> int:
    line = offsets[0][1] if offsets else 0
    for start, number in offsets:
        if start > position:
            break
        line = number
    return line


def _words_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(word) for word in name.split()), re.IGNORECASE)


# ---------------------------------------------------------------- chapters

def _chapters(lines: list[Line], monitor: Monitor) -> list[tuple[int, str, Basket | None]]:
    """Return (line, kind, basket) of the chapter headings: "overall", "basket" or "trends"."""
    found = []
    forms = {basket_form(form): basket for basket in monitor.baskets
             for form in [basket.name, *basket.aliases]}
    monitor_word = normalise(monitor.name).split()[0] if monitor.name else "index"
    for line, text in lines:
        match = CHAPTER.match(text)
        if not match or WEIGHT_AT_END.search(text):
            continue
        title = match["title"]
        basket = forms.get(basket_form(title))
        if basket is not None:
            found.append((line, "basket", basket))
            if title not in (basket.name, *basket.aliases):
                basket.aliases.append(title)
        elif monitor_word in normalise(title):
            found.append((line, "overall", None))
        elif re.search(r"\btrends?\b", title, re.IGNORECASE):
            found.append((line, "trends", None))
    return found


def _read_chapters(monitor: Monitor, lines: list[Line],
                   chapters: list[tuple[int, str, Basket | None]], result: LoadResult) -> None:
    """Read each chapter's series and weight table into the monitor's text_* fields."""
    for index, (first, kind, basket) in enumerate(chapters):
        # lines[first:...] starts just after the heading (line numbers are 1-based).
        last = chapters[index + 1][0] - 1 if index + 1 < len(chapters) else len(lines)
        body = lines[first:last]
        if kind == "overall":
            monitor.text_series, monitor.text_line = _text_series(body, monitor.years)
        elif kind == "basket" and basket is not None:
            basket.text_series, basket.text_line = _text_series(body, monitor.years)
            _read_text_weights(basket, body, result)


def _text_series(body: list[Line], years: list[int]) -> tuple[Series | None, int]:
    """Return the first series under a year header in a chapter, and its line."""
    for index, (_, text) in enumerate(body):
        header = YEARS_ONLY.match(text)
        if not header:
            continue
        for line, figures in body[index + 1:]:
            if not figures.strip():
                continue
            match = FIGURES_ONLY.match(figures)
            if not match:
                break
            header_years = [int(y) for y in header["years"].split()]
            return ({year: value for year, cell in zip(header_years, match["cells"].split())
                     if (value := parse_number(cell)) is not None}, line)
    return None, 0


def _read_text_weights(basket: Basket, body: list[Line], result: LoadResult) -> None:
    """Attach the weights of the chapter's table 'Parameters Weging' to the parameters."""
    start = next((i for i, (_, text) in enumerate(body) if TEXT_WEIGHT_HEADER.match(text)), None)
    if start is None:
        return
    items: list[tuple[_Item, str, float | int | None]] = []
    current: _Item | None = None
    for line, text in body[start + 1:]:
        if not text.strip():
            continue
        item = ITEM_START.match(text)
        if current is None and item and int(item["number"]) == len(items) + 1:
            current = _Item(int(item["number"]), line, [item["text"]])
        elif current is not None:
            current.texts.append(text)
        else:
            break
        joined = join_lines(current.texts)
        weight = WEIGHT_AT_END.search(joined)
        if weight:
            name = FOOTNOTE_MARK.sub("", joined[:weight.start()].strip())
            items.append((current, name, parse_number(weight["weight"])))
            current = None
    by_number = {p.number: p for p in basket.parameters}
    for item, name, weight in items:
        parameter = by_number.get(item.number)
        if parameter is None:
            result.warn(item.line, i18n.said("warning:index071.extra_parameter", "basket (mandje) ‘{basket}’: the "
                                             "text names parameter {number} ‘{name}’, which the appendix does not "
                                             "have.", basket=basket.name, number=item.number, name=name))
            continue
        parameter.name_in_text, parameter.weight_in_text = name, weight
        parameter.text_line = item.line
    if items and len(items) < len(basket.parameters):
        result.warn(body[start][0], i18n.said("warning:index071.fewer_parameters", "basket (mandje) ‘{basket}’: "
                                              "the table in the text names {text} parameters, the appendix "
                                              "{appendix}.", basket=basket.name, text=len(items),
                                              appendix=len(basket.parameters)))


def _count_claims(texts: list[str]) -> list[CountClaim]:
    """Return every place the text says how many parameters the index has."""
    text = "\n".join(texts)
    claims = []
    for match in COUNT_CLAIM.finditer(text):
        word = match["count"].lower()
        count = int(word) if word.isdigit() else NUMBER_WORDS[word]
        if count < 10:
            continue  # "drie nieuwe parameters" counts the new ones, not the index
        claims.append(CountClaim(re.sub(r"\s+", " ", match.group(0)), count,
                                 text.count("\n", 0, match.start()) + 1,
                                 re.sub(r"\s+", " ", match["qualifier"] or "").lower()))
    return claims


# ---------------------------------------------------------------- records of the monitor

def _emit_monitor(document: Document, monitor: Monitor, result: LoadResult) -> None:
    doc = document.id
    index_id = node_id(Node.INDEX, doc)
    result.nodes.append(NodeRecord(Node.INDEX, doc, monitor.name, Source(doc, monitor.line,
                                                                       monitor.quote), {
        "edition": monitor.edition, "title": document.entry.title, "years": monitor.years,
        "basket_weight_sum": stored(basket_weight_sum(monitor)),
        "parameter_count": len(monitor.parameters), **series_props(monitor.overall),
        # None is left out: a property that is sometimes empty breaks the GEXF export.
        **_present(base_year=monitor.base_year)}))
    result.edges.append(EdgeRecord(Edge.DESCRIBED_IN, index_id, node_id(Node.DOCUMENT, doc),
                                   Source(doc, monitor.line, monitor.quote)))
    for basket in monitor.baskets:
        basket_key = f"{doc}/{basket.number}"
        basket_id = node_id(Node.BASKET, basket_key)
        source = Source(doc, basket.line, basket.quote)
        result.nodes.append(NodeRecord(Node.BASKET, basket_key, basket.name, source, {
            "number": basket.number, "weight_pct": stored(basket.weight_pct),
            "aliases": basket.aliases, "parameter_count": len(basket.parameters),
            "parameter_weight_sum": stored(parameter_weight_sum(basket)),
            "table_line": basket.table_line, "index_name": monitor.name,
            **series_props(basket.series)}))
        result.edges.append(EdgeRecord(Edge.IN_INDEX, basket_id, index_id, source, role="mandje",
                                       props=_present(weight_pct=stored(basket.weight_pct))))
        for parameter in basket.parameters:
            key = f"{basket_key}.{parameter.number}"
            covered, missing = years_covered(parameter.series, monitor.years)
            psource = Source(doc, parameter.line, parameter.quote)
            result.nodes.append(NodeRecord(Node.INDICATOR, key, parameter.name, psource, {
                "number": parameter.number, "basket": basket.name,
                "basket_number": basket.number, "data_source": parameter.data_source,
                "source_line": parameter.source_line, "name_in_text": parameter.name_in_text,
                "text_line": parameter.text_line, "years_covered": covered,
                "years_missing": missing, **series_props(parameter.series),
                **_present(weight=stored(parameter.weight),
                           weight_in_text=stored(parameter.weight_in_text))}))
            result.edges.append(EdgeRecord(Edge.IN_BASKET, node_id(Node.INDICATOR, key), basket_id,
                                           psource, role="parameter",
                                           props=_present(weight=stored(parameter.weight))))


def _present(**values: object) -> dict[str, object]:
    return {key: value for key, value in values.items() if value is not None}


# ---------------------------------------------------------------- baskets -> speerpunten

def _trend_chapter(lines: list[Line], chapters: list[tuple[int, str, Basket | None]]) -> list[Line]:
    first = next((line for line, kind, _ in chapters if kind == "trends"), None)
    if first is None:
        return []
    return [(n, t) for n, t in lines if n > first]


def _speerpunten(lines: list[Line], result: LoadResult) -> list[Speerpunt]:
    """Return the speerpunten in agenda order, from the fullest agenda table of chapter 7.

    A row label is a short paragraph at the left margin ("Economische" /
    "structuurversterking") or the first word of a paragraph the analysis continues
    on the same line ("Vestigingsklimaat Het effect ..."). The other paragraphs are the
    rows' text, kept as evidence.
    """
    tables: list[list[Speerpunt]] = []
    current: list[Speerpunt] | None = None
    run: list[Line] = []

    def close_run() -> None:
        if current is not None and run:
            label = _label_of(run)
            if label:
                current.append(Speerpunt(len(current) + 1, label, run[0][0]))
            elif current:
                current[-1].rows.append((run[0][0], join_lines(t for _, t in run)))
        run.clear()

    for line, text in lines:
        if AGENDA_TABLE_END.search(text):
            close_run()
            current = []
            tables.append(current)
            continue
        if current is None:
            continue
        if MEASURABILITY.match(text) or SECTION.match(text):
            close_run()
            current = None
            continue
        if not text.strip() or PAGE_NUMBER.match(text):
            close_run()
            continue
        inline = INLINE_LABEL.match(text)
        if not run and inline and inline["label"] not in _ARTICLES:
            current.append(Speerpunt(len(current) + 1, inline["label"], line,
                                     [(line, inline["rest"].strip())]))
            continue
        run.append((line, text))
    close_run()
    return _fullest_table(tables, result)


def _fullest_table(tables: list[list[Speerpunt]], result: LoadResult) -> list[Speerpunt]:
    """Return the fullest agenda table, with the rows of the others kept as evidence."""
    if not tables:
        return []
    fullest = max(tables, key=len)
    names = [normalise(s.name) for s in fullest]
    if len(set(names)) != len(names):
        result.warn(fullest[0].line, i18n.said("warning:index071.speerpunt_twice", "agenda table in chapter 7: a "
                                               "speerpunt appears twice; baskets not linked to speerpunten."))
        return []
    # The rows of the other tables belong to the same speerpunten: keep them as evidence.
    by_name = {normalise(s.name): s for s in fullest}
    for table in tables:
        if table is fullest:
            continue
        for speerpunt in table:
            if normalise(speerpunt.name) in by_name:
                by_name[normalise(speerpunt.name)].rows.extend(speerpunt.rows)
    return fullest


def _label_of(run: list[Line]) -> str | None:
    """Return the row label a paragraph is ("Ondernemerschap / en starters"), or None."""
    texts = [text for _, text in run]
    words = " ".join(texts).split()
    if (texts[0][:1].isspace() or not texts[0].strip()[:1].isupper() or len(words) > 4
            or any(len(t.split()) > 2 for t in texts)
            or re.search(r"[\d.,;:()’'‘]", " ".join(texts))):
        return None
    return join_lines(texts)


def _content_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]+", normalise(name)) if w not in STOPWORDS}


def _emit_correspondence(document: Document, monitor: Monitor, speerpunten: list[Speerpunt],
                         lines: list[Line], result: LoadResult) -> None:
    """Link each basket to the speerpunt it corresponds to (inferred, with the quote)."""
    doc = document.id
    text = "\n".join(t for _, t in lines)
    sentence = CORRESPONDENCE.search(text)
    if sentence is None or not speerpunten:
        result.warn(monitor.line, i18n.said("warning:index071.not_linked", "baskets not linked to the themes of "
                                            "the economic agenda: no sentence with 'corresponderen' or no agenda "
                                            "table found."))
        return
    start = sentence.start() + len(sentence.group(0)) - len(sentence.group(0).lstrip())
    quote_line = text.count("\n", 0, start) + 1
    quote = re.sub(r"\s+", " ", sentence.group(0)).strip()
    pairs: dict[int, tuple[Speerpunt, str]] = {}
    taken: set[int] = set()
    for basket in monitor.baskets:
        words = _content_words(basket.name)
        shared = [s for s in speerpunten if words & _content_words(s.name)]
        if len(shared) == 1 and shared[0].number not in taken:
            pairs[basket.number] = (shared[0], "naam")
            taken.add(shared[0].number)
    left_baskets = [b for b in monitor.baskets if b.number not in pairs]
    left_speerpunten = [s for s in speerpunten if s.number not in taken]
    if len(left_baskets) == 1 and len(left_speerpunten) == 1:
        pairs[left_baskets[0].number] = (left_speerpunten[0], "overgebleven")
    elif left_baskets:
        result.warn(quote_line, i18n.said("warning:index071.left", "baskets without a clear speerpunt: {baskets}; "
                                          "not linked.", baskets=", ".join(b.name for b in left_baskets)))
    for basket in monitor.baskets:
        if basket.number not in pairs:
            continue
        speerpunt, basis = pairs[basket.number]
        props = {"inferred": True, "basis": basis, "speerpunt": speerpunt.name,
                 "speerpunt_line": speerpunt.line}
        evidence = _evidence(basket, speerpunt) if basis == "overgebleven" else None
        if evidence:
            props["evidence_line"], props["evidence_quote"] = evidence
        result.edges.append(EdgeRecord(
            Edge.MEASURES, node_id(Node.BASKET, f"{doc}/{basket.number}"),
            node_id(Node.THEME, f"{AGENDA_PROGRAMME}/{speerpunt.number}"),
            Source(doc, quote_line, quote), role="correspondeert met (afgeleid)", props=props))


def _evidence(basket: Basket, speerpunt: Speerpunt) -> tuple[int, str] | None:
    """Return the first agenda-table line of `speerpunt` that names a word of the basket."""
    words = _content_words(basket.name)
    for line, text in speerpunt.rows:
        if words & set(re.findall(r"[^\W\d_]+", normalise(text))):
            return line, text
    return None


# ---------------------------------------------------------------- trends and examples

def _trends(lines: list[Line], introduction: list[Line]) -> list[Trend]:
    """Return the sections of the trends chapter with their examples."""
    starts = [(i, m) for i, (_, text) in enumerate(lines) if (m := SECTION.match(text))]
    trends = []
    for position, (index, match) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        trend = Trend(f"{match['chapter']}.{match['section']}", match["title"], lines[index][0])
        trend.description, trend.description_line = _introduction_of(trend.title, introduction)
        trend.practices = _practices(lines[index + 1:end])
        trends.append(trend)
    return trends


def _introduction_of(title: str, introduction: list[Line]) -> tuple[str, int]:
    """Return the introduction's bullet about `title` ("Smart City. Dit thema ...")."""
    pattern = re.compile(rf"^\s*{re.escape(title)}\s*\.", re.IGNORECASE)
    for index, (line, text) in enumerate(introduction):
        if pattern.match(text):
            texts = [text]
            for _, following in introduction[index + 1:index + 16]:
                if not following:
                    continue
                if following[0].isspace():
                    break  # the next bullet, or the blank line that ends the list
                texts.append(following)
            return join_lines(texts), line
    return "", 0


def _practices(lines: list[Line]) -> list[Practice]:
    """Return the examples of one trend section: headed ones, ones in prose, listed ones."""
    practices: list[Practice] = []
    scope: str | None = None
    current: Practice | None = None
    prose: list[Line] = []
    previous = ""

    def flush_prose() -> None:
        if prose and scope:
            practices.extend(_prose_examples(prose, scope))
        prose.clear()

    runs_on, continues = _wrapped_lines(lines)
    for line, text in lines:
        stripped = text.strip()
        if not stripped or PAGE_NUMBER.match(text) or FOOTNOTE.match(text):
            continue
        if GOOD_PRACTICES.match(text):
            scope, current, previous = SCOPE_REGION, None, ""
            continue
        if AGENDA_SECTION.match(text) or MEASURABILITY.match(text):
            flush_prose()
            scope, current = None, None
            continue
        if scope is None:
            previous = stripped
            continue
        # The phrase may wrap from the line before ("elders in het" / "land").
        elsewhere = ELSEWHERE.search(text) or ELSEWHERE.search(f"{previous} {stripped}")
        if scope == SCOPE_REGION and elsewhere and not _is_heading(previous, stripped):
            flush_prose()
            scope, current = SCOPE_ELSEWHERE, None
            previous = stripped
            continue
        if _is_heading(previous, stripped) and line not in runs_on:
            flush_prose()
            current = Practice(stripped, line, scope, lines=[(line, stripped)])
            practices.append(current)
        elif current is not None and _title_goes_on(current, line, stripped):
            current.name = f"{current.name} {stripped}"
            current.lines[0] = (current.line, current.name)
        elif current is not None:
            current.description.append(stripped)
            current.lines.append((line, stripped))
        else:
            prose.append((line, stripped))
        # A bullet ("- City Alerts; ... door") wrapped onto the next line ("hulpverleners")
        # is still the bullet that the next heading follows.
        if not (line in continues and previous.startswith("-")):
            previous = stripped
    flush_prose()
    if not any(GOOD_PRACTICES.match(text) for _, text in lines):
        practices.extend(_listed_examples(lines))
    return practices


def _wrapped_lines(lines: list[Line]) -> tuple[set[int], set[int]]:
    """Return the lines that go on at the line right below them, and those lines: the
    one below starts in lower case. Such a line is a wrapped sentence, never a heading
    ("Het bij het vorige thema benoemde ..." / "initiatief past uiteraard ...")."""
    pairs = [(line, below) for (line, _), (below, text) in zip(lines, lines[1:])
             if below == line + 1 and text.strip()[:1].islower()]
    return {line for line, _ in pairs}, {below for _, below in pairs}


def _title_goes_on(practice: Practice, line: int, text: str) -> bool:
    """Return True for the second line of a title a narrow page wrapped ("Centrum voor
    Innovatief Vakmanschap bij de Leidse" / "Instrumentenmakers School (LIS)"): right
    below it, before any description, short and without a sentence's end."""
    return (not practice.description and line == practice.lines[-1][0] + 1
            and len(practice.lines) == 1 and len(text.split()) <= 6
            and (text[:1].isupper() or text[:1] == "(") and not re.search(r"[.,:;]$", text))


def _is_heading(previous: str, text: str) -> bool:
    """Return True for a short title line that follows a finished sentence."""
    words = text.split()
    return (0 < len(words) <= 12 and len(text) <= 90 and text[0].isupper()
            and not re.search(r"[.,:;]$", text) and not text.startswith("-") and ";" not in text
            and words[-1] not in STOPWORDS | {"of", "met", "voor", "aan", "tot", "naar", "om"}
            and (not previous or previous.startswith("-")
                 or bool(re.search(r"[.!?:]\s*$", previous))))


def _prose_examples(prose: list[Line], scope: str) -> list[Practice]:
    """Return the examples a paragraph names as "voorbeeld ... is NAME"."""
    flat, offsets = _flatten(prose)
    found = []
    for match in PROSE_EXAMPLE.finditer(flat):
        sentence_start = flat.rfind(". ", 0, match.start()) + 1
        sentence_end = flat.find(". ", match.end())
        sentence = flat[sentence_start:sentence_end + 1 if sentence_end >= 0 else len(flat)].strip()
        line = _line_at(offsets, match.start("name"))
        found.append(Practice(match["name"], line, scope, [sentence], [(line, sentence)]))
    return found


def _listed_examples(lines: list[Line]) -> list[Practice]:
    """Return the "Name: what it does" items that follow a line ending in ':'."""
    found: list[Practice] = []
    listing = False
    current: Practice | None = None
    for line, text in lines:
        stripped = text.strip()
        if not stripped:
            continue
        item = NAMED_ITEM.match(text)
        if listing and item:
            current = Practice(item["name"].strip(), line, SCOPE_NATIONAL, [item["text"]],
                               [(line, stripped)])
            found.append(current)
        elif listing and current is not None and not text[:1].isspace():
            current.description.append(stripped)
        else:
            listing = stripped.endswith(":")
            current = None
    return found


def _emit_trends(document: Document, trends: list[Trend], context: ParseContext,
                 result: LoadResult) -> None:
    doc = document.id
    for trend in trends:
        key = f"{doc}/{trend.section}"
        trend_id = node_id(Node.TREND, key)
        source = Source(doc, trend.line, f"{trend.section} {trend.title}")
        result.nodes.append(NodeRecord(Node.TREND, key, trend.title, source, {
            "section": trend.section, "description": trend.description,
            "description_line": trend.description_line,
            "practice_count": len(trend.practices)}))
        result.edges.append(EdgeRecord(Edge.DESCRIBED_IN, trend_id, node_id(Node.DOCUMENT, doc),
                                       source))
        seen: set[str] = set()
        for practice in trend.practices:
            practice_key = f"{key}/{slug(practice.name)}"
            if practice_key in seen:
                continue
            seen.add(practice_key)
            description = join_lines(practice.description)
            psource = Source(doc, practice.line, _first_sentence(
                f"{practice.name}: {description}" if description else practice.name))
            result.nodes.append(NodeRecord(Node.PRACTICE, practice_key, practice.name, psource, {
                "scope": practice.scope, "trend": trend.title, "description": description}))
            result.edges.append(EdgeRecord(Edge.EXAMPLE_OF, node_id(Node.PRACTICE, practice_key),
                                           trend_id, psource, role=practice.scope))
            if practice.scope == SCOPE_ELSEWHERE:
                for line, name, quote in _networks(practice, context):
                    result.edges.append(EdgeRecord(
                        Edge.GOOD_PRACTICE, OrgName(name), trend_id, Source(doc, line, quote),
                        role=f"{practice.scope}: {practice.name}",
                        props={"practice": practice.name, "name_as_written": name}))


def _first_sentence(text: str, limit: int = 300) -> str:
    end = text.find(". ")
    sentence = text[:end + 1] if 0 <= end < limit else text[:limit]
    return sentence.strip()


_OPENERS = "(‘“\"'"
_CLOSERS = ".,;:)’”\"'?!"
_CONNECTORS = {"in", "of", "van", "voor", "de", "der", "&", "a/d"}
_ARTICLES = {"De", "Het", "Een"}


def _networks(practice: Practice, context: ParseContext) -> list[tuple[int, str, str]]:
    """Return (line, name as written, quote) of the organisations an example names.

    Names are runs of capitalised words ("Economic Board in Utrecht", "EBU"); a run
    counts only when the resolution table knows it. A single word at the start of a
    sentence ("Ondernemers ...") is never taken for a name.
    """
    found: list[tuple[int, str, str]] = []
    # The description is read as one text, so a name the page wrapped ("Ook de Amsterdam"
    # / "Economic Board") is whole; each name keeps the line it starts on, and that line
    # is its quote.
    heading, description = practice.lines[:1], practice.lines[1:]
    flat, offsets = _flatten(description)
    starts = [match.start() for match in re.finditer(r"\S+", flat)]
    quotes = dict(description)
    for index, (line, text) in enumerate(heading + [(0, flat)] if description else heading):
        heading = index == 0
        for run in _capitalised_runs(text):
            words = [w for w, _, _ in run]
            taken = [False] * len(words)
            for size in range(len(words), 0, -1):
                for begin in range(0, len(words) - size + 1):
                    if any(taken[begin:begin + size]) or words[begin + size - 1] in _CONNECTORS:
                        continue
                    if words[begin] in _CONNECTORS:
                        continue
                    if size == 1 and run[begin][1] and not heading:
                        continue  # a sentence's first word
                    name = " ".join(words[begin:begin + size])
                    if context.is_known_organisation(name):
                        at = line or _line_at(offsets, starts[run[begin][2]])
                        found.append((at, name, text if line else quotes[at].strip()))
                        taken[begin:begin + size] = [True] * size
    return found


def _capitalised_runs(text: str) -> list[list[tuple[str, bool, int]]]:
    """Return the runs of capitalised words of `text` as (word, starts a sentence, index
    of the word in the text) triples."""
    runs: list[list[tuple[str, bool, int]]] = []
    run: list[tuple[str, bool, int]] = []
    sentence_start = True
    for index, raw in enumerate(text.split()):
        word = raw.strip(_OPENERS + _CLOSERS)
        opens = raw[0] in _OPENERS
        closes = raw[-1] in _CLOSERS
        if opens and run:
            runs.append(run)
            run = []
        if word and (word[0].isupper() or (run and word in _CONNECTORS)):
            run.append((word, sentence_start, index))
        elif run:
            runs.append(run)
            run = []
        if closes and run:
            runs.append(run)
            run = []
        sentence_start = raw[-1] in ".!?:"
    if run:
        runs.append(run)
    return runs
