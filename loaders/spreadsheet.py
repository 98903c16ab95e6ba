"""Loaders for the coordination group's own lists: actions and projects from .xlsx or .csv.

Every column is declared once below (its header, the Dutch headers users also
write, what it holds and an example); the templates (graph071.io.templates), the
docs and the messages all read these declarations. A list of actions gives the
same records as an uitvoeringsprogramma (loaders/action_programme.py): Action
and Theme nodes, TREKKER / PARTNER / TE_BETREKKEN edges from the names as
written (resolved later through organisations.csv), IN_THEME, DESCRIBED_IN and
LINKS_TO edges.

A file is refused whole: every problem in it is collected and raised together
(graph071.corpus.sheets.SheetError) before any record is given back, so nothing of a
bad file reaches the graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph071 import i18n
from graph071.corpus.manifest import EDITION, Document
from graph071.corpus.organisations import normalise, slug
from graph071.records import EdgeRecord, LoadResult, NodeRecord, OrgName, Source
from graph071.schema import CATEGORIE_COLOURS, Edge, Node, label, node_id
from graph071.corpus.sheets import (Column, Problem, Row, SheetError, Table, is_template_example,
                             read_table, split_lines, split_list, unknown_column_warnings)

from graph071.loaders import ParseContext
from graph071.loaders.action_programme import NO_TREKKER, ROLE_KINDS

ACTION_SHEETS = ("acties", "actions")
PROJECT_SHEETS = ("projecten", "projects")

ACTION_COLUMNS: tuple[Column, ...] = (
    Column("programme", "Period of the uitvoeringsprogramma the action belongs to, "
           "written as 2013-2015.", True, ("programma", "uitvoeringsprogramma"), "2013-2015"),
    Column("number", "Action number within the programme: a whole number.", True,
           ("nummer", "nr", "actienummer"), "63"),
    Column("title", "Title of the action.", True, ("titel", "naam", "actie titel"),
           "Voorbeeld: gezamenlijk bedrijfshuisvestingsconcept"),
    Column("theme", "Theme (doelstelling) number, or the theme's name as written in "
           "theme_name on some row.", True, ("thema", "doelstelling", "thema nummer"), "2"),
    Column("theme_name", "Name of the theme; needed on at least one row per theme.", False,
           ("themanaam", "naam thema", "naam doelstelling"), "Ondernemerschap & starters"),
    Column("voornemen_code", "Code of the voornemen, e.g. 2.3 (format the cell as text).",
           False, ("code voornemen", "voornemen nummer"), "2.3"),
    Column("voornemen", "The voornemen the action serves.", False, (),
           "Zorgen voor voldoende huisvesting voor starters en doorgroeiende bedrijven"),
    Column("description", "What the action is.", False, ("omschrijving", "beschrijving"),
           "Uitwerking van de haalbaarheidsstudie uit actie 17 tot een businessplan."),
    Column("trekkers", "The trekker(s); several separated by ';'. Write '?' or 'n.t.b.' "
           "when there is none yet: the action then counts as having no trekker.", True,
           ("trekker",), "gemeente Leiden"),
    Column("partners", "Partners; several separated by ';'.", False, ("partner",),
           "Universiteit Leiden; Hogeschool Leiden"),
    Column("te_betrekken", "Organisations to be involved; several separated by ';'.", False,
           ("te betrekken bij",), "VNO-NCW"),
    Column("result", "Beoogd resultaat.", False, ("resultaat", "beoogd resultaat"),
           "Businessplan"),
    Column("planning", "When.", False, ("wanneer",), "2016"),
    Column("categorie", "Categorie 1, 2, 3 or 4 (empty when unknown).", False,
           ("category", "cat"), "3"),
    Column("links", "Links to other actions or themes, separated by ';': '6', 'actie 6', "
           "'thema 3', optionally preceded by the kind of link: 'link:', 'prerequisite:' "
           "(randvoorwaarde: this action is needed for that one) or 'follow-up:' (vervolg: "
           "that action follows on this one).", False,
           ("link met", "verbindingen", "verbinding met"), "link: 17"),
    Column("notes", "N.B. notes; one per line (Alt+Enter in Excel).", False,
           ("n.b.", "nb", "noten", "opmerkingen"),
           "Bouwt voort op de haalbaarheidsstudie van actie 17"),
    Column("remarks", "Remarks about the trekker or partners that are not an organisation; "
           "one per line.", False, ("kanttekeningen",), ""),
)

PROJECT_COLUMNS: tuple[Column, ...] = (
    Column("name", "Name of the project.", True, ("naam", "project", "projectnaam"),
           "Voorbeeld: Smart071"),
    Column("edition", "Edition (date) of the list or card: 2024, 2024-03 or 2024-03-01.",
           False, ("editie", "datum"), "2024-03"),
    Column("categorie", "Stage of the project as the cards name it (aanjaagfase, lopend "
           "project, afgerond project, ...).", False, ("fase", "status", "category"),
           "lopend project"),
    Column("theme", "Theme (pijler) of the project, as written.", False, ("thema", "pijler"),
           "Innovatie"),
    Column("description", "What the project is.", False, ("omschrijving", "beschrijving"),
           "Slimme toepassingen van het Internet of Things in de regio."),
    Column("trekkers", "The bestuurlijke trekker(s); several separated by ';'. Write '?' or "
           "'n.t.b.' when there is none yet.", True, ("trekker", "bestuurlijk trekker",
                                                      "bestuurlijke trekkers"),
           "gemeente Leiden"),
    Column("partners", "Partners; several separated by ';'.", False,
           ("partner", "aangesloten partners"), "Universiteit Leiden; Hogeschool Leiden"),
    Column("te_betrekken", "Organisations to be involved; several separated by ';'.", False,
           ("te betrekken bij", "betrokken"), ""),
    Column("links", "Other projects this one is connected with, by name, separated by ';'.",
           False, ("verbinding met", "verbindingen", "link met"), ""),
    Column("notes", "Notes; one per line (Alt+Enter in Excel).", False,
           ("opmerkingen", "n.b."), ""),
)

ROLE_COLUMNS = {"trekkers": "trekker", "partners": "partner", "te_betrekken": "te_betrekken"}
LINK_KINDS = {"link": "link", "link met": "link", "prerequisite": "prerequisite",
              "randvoorwaarde": "prerequisite", "randvoorwaarde voor": "prerequisite",
              "follow-up": "follow-up", "follow up": "follow-up", "vervolg": "follow-up"}
LINK_ITEM = re.compile(
    r"^(?:(?P<kind>[a-z][a-z -]*?)\s*:\s*)?"
    r"(?:(?P<word>acties?|actions?|thema|theme|doelstelling)\s*)?"
    r"(?:(?P<programme>\d{4}-\d{4})/)?(?P<number>\d+)\.?$")
PROGRAMME = re.compile(r"^(?P<first>\d{4})\s*[-–]\s*(?P<last>\d{4})$")


# ---------------------------------------------------------------- actions

@dataclass
class SheetAction:
    """One row of a list of actions, checked."""

    row: Row
    programme: str
    number: int
    title: str
    theme: int
    # (link kind, "action" or "theme", programme, number) per link
    links: list[tuple[str, str, str, int]] = field(default_factory=list)
    categorie: int | None = None


def load_actions(document: Document, context: ParseContext) -> LoadResult:
    """Return the actions, themes, roles and links of a list of actions (.xlsx or .csv)."""
    table = read_table(document.path, ACTION_COLUMNS, ACTION_SHEETS)
    result = LoadResult(document.id)
    for line, message in unknown_column_warnings(table):
        result.warn(line, message)
    rows = _rows_without_example(table, ACTION_COLUMNS, result)
    problems: list[Problem] = []
    programmes = [_programme(row, problems) for row in rows]
    themes = _theme_names(list(zip(rows, programmes)), problems)
    actions: list[SheetAction] = []
    seen: dict[tuple[str, int], int] = {}
    for row, programme in zip(rows, programmes):
        action = _action(row, programme, themes, problems)
        if action is None:
            continue
        key = (action.programme, action.number)
        if key in seen:
            problems.append(row.problem("number", i18n.text(
                "error:spreadsheet.action_twice", "action {number} of {programme} is listed twice (also on row "
                "{other}); keep one row per action", number=action.number, programme=action.programme,
                other=seen[key])))
            continue
        seen[key] = row.number
        actions.append(action)
    if problems:
        raise SheetError(document.path, problems)
    _emit_actions(document, table, themes, actions, result)
    return result


def _rows_without_example(table: Table, columns: tuple[Column, ...],
                          result: LoadResult) -> list[Row]:
    """Return the rows of `table`, leaving out the template's example row (with a warning)."""
    rows = []
    for row in table.rows:
        if is_template_example(table, row, columns):
            result.note(row.number, i18n.said(
                "warning:spreadsheet.example_row", "row {row} is the template's example row and is not read; delete "
                "it from the sheet", row=row.number))
        else:
            rows.append(row)
    return rows


def _programme(row: Row, problems: list[Problem]) -> str:
    text = row.get("programme")
    match = PROGRAMME.match(text)
    if not text:
        problems.append(row.problem("programme", i18n.text(
            "error:spreadsheet.programme", "empty; write the programme period, e.g. 2013-2015")))
    elif not match:
        problems.append(row.problem("programme", i18n.text(
            "error:spreadsheet.not_programme", "{text!r} is not a programme period; write it as 2013-2015",
            text=text)))
    if not match:
        return ""
    return f"{match['first']}-{match['last']}"


def _whole_number(text: str) -> int | None:
    match = re.fullmatch(r"(\d+)\.?", text.strip())
    return int(match.group(1)) if match and int(match.group(1)) > 0 else None


def _theme_names(rows: list[tuple[Row, str]],
                 problems: list[Problem]) -> dict[tuple[str, int], tuple[str, Row]]:
    """Return {(programme, theme number): (name, row that names it)} from the theme columns."""
    names: dict[tuple[str, int], tuple[str, Row]] = {}
    for row, programme in rows:
        number, name = _theme_cell(row.get("theme"))
        name = row.get("theme_name") or name
        if not programme or number is None or not name:
            continue
        known = names.get((programme, number))
        if known is None:
            names[(programme, number)] = (name, row)
        elif normalise(known[0]) != normalise(name):
            problems.append(row.problem("theme_name", i18n.text(
                "error:spreadsheet.theme_names", "theme {number} is called {name!r} here but {other!r} on row "
                "{row}; use one name per theme", number=number, name=name, other=known[0], row=known[1].number)))
    return names


def _theme_cell(text: str) -> tuple[int | None, str]:
    """Return (number, name) of a theme cell: "2", "2. Ondernemerschap" or a name.

    >>> _theme_cell("2"), _theme_cell("2. Ondernemerschap & starters"), _theme_cell("Wonen")
    ((2, ''), (2, 'Ondernemerschap & starters'), (None, 'Wonen'))
    """
    match = re.fullmatch(r"(\d+)\.?(?:\s+(.*))?", text.strip())
    if match:
        return int(match.group(1)), (match.group(2) or "").strip()
    return None, text.strip()


def _action(row: Row, programme: str, themes: dict[tuple[str, int], tuple[str, Row]],
            problems: list[Problem]) -> SheetAction | None:
    before = len(problems)
    text = row.get("number")
    number = _whole_number(text)
    if not text:
        problems.append(row.problem("number", i18n.text(
            "error:spreadsheet.number", "empty; every action needs its number")))
    elif number is None:
        problems.append(row.problem("number", i18n.text(
            "error:spreadsheet.not_number", "{text!r} is not an action number; write a whole number such as 17",
            text=text)))
    title = row.get("title")
    if not title:
        problems.append(row.problem("title", i18n.text("error:spreadsheet.title", "empty; every action needs a title")))
    theme = _theme_of(row, programme, themes, problems)
    categorie = None
    if row.get("categorie"):
        categorie = _whole_number(row.get("categorie"))
        if categorie not in CATEGORIE_COLOURS:
            problems.append(row.problem("categorie", i18n.text(
                "error:spreadsheet.categorie", "{value!r} is not a categorie; write 1, 2, 3 or 4, or leave it empty",
                value=row.get('categorie'))))
    links = _links(row, programme, problems)
    if len(problems) > before or not programme:
        return None
    return SheetAction(row, programme, number, title, theme, links, categorie)


def _theme_of(row: Row, programme: str, themes: dict[tuple[str, int], tuple[str, Row]],
              problems: list[Problem]) -> int:
    text = row.get("theme")
    if not text:
        problems.append(row.problem("theme", i18n.text(
            "error:spreadsheet.theme", "empty; every action belongs to a theme (doelstelling): write its number")))
        return 0
    if not programme:
        return 0
    number, name = _theme_cell(text)
    known = {n: theme_name for (p, n), (theme_name, _) in themes.items() if p == programme}
    if number is None:
        number = next((n for n, theme_name in known.items()
                       if normalise(theme_name) == normalise(name)), None)
    if number is None or number not in known:
        listed = "; ".join(f"{n} {theme_name}" for n, theme_name in sorted(known.items()))
        fix = (i18n.text("error:spreadsheet.known_themes", "known themes of {programme}: {listed}",
                         programme=programme, listed=listed) if listed else
               i18n.text("error:spreadsheet.no_themes", "no row names a theme of {programme} yet", programme=programme))
        problems.append(row.problem("theme", i18n.text(
            "error:spreadsheet.unknown_theme", "unknown theme {text!r}: write a theme's name in column 'theme_name' "
            "on at least one row ({fix})", text=text, fix=fix)))
        return 0
    return number


def _links(row: Row, programme: str, problems: list[Problem]) -> list[tuple[str, str, str, int]]:
    links = []
    for item in split_list(row.get("links")):
        match = LINK_ITEM.match(item.lower())
        kind = LINK_KINDS.get((match["kind"] or "link").strip()) if match else None
        if match is None or kind is None:
            problems.append(row.problem("links", i18n.text(
                "error:spreadsheet.link", "{item!r} is not a link; write e.g. '6', 'actie 6', 'thema 3' or "
                "'prerequisite: 6'", item=item)))
            continue
        is_theme = (match["word"] or "") in ("thema", "theme", "doelstelling")
        target = "theme" if is_theme else "action"
        links.append((kind, target, match["programme"] or programme, int(match["number"])))
    return links


def _emit_actions(document: Document, table: Table,
                  themes: dict[tuple[str, int], tuple[str, Row]], actions: list[SheetAction],
                  result: LoadResult) -> None:
    doc = document.id
    for (programme, number), (name, row) in sorted(themes.items()):
        result.nodes.append(NodeRecord(
            Node.THEME, f"{programme}/{number}", name,
            Source(doc, row.number, row.quote(["theme", "theme_name"])),
            {"number": number, "programme": programme}))
    for action in actions:
        row = action.row
        key = f"{action.programme}/{action.number}"
        action_id = node_id(Node.ACTION, key)
        theme_name = themes[(action.programme, action.theme)][0]
        source = Source(doc, row.number, row.quote(["number", "title"]))
        _trekker_names(row, i18n.said("warning:spreadsheet.action", "action {number} of {programme}",
                                      number=action.number, programme=action.programme), result)
        props = {
            "number": action.number, "title": action.title, "programme": action.programme,
            "theme": action.theme, "theme_name": theme_name,
            "voornemen_code": row.get("voornemen_code") or None,
            "voornemen": row.get("voornemen"), "description": row.get("description"),
            "result": row.get("result"), "planning": row.get("planning"),
            "categorie": action.categorie,
            "categorie_colour": CATEGORIE_COLOURS.get(action.categorie or 0, ""),
            "trekker_text": row.get("trekkers"),
            "notes": split_lines(row.get("notes")), "remarks": split_lines(row.get("remarks")),
        }
        if table.sheet:
            props["sheet"] = table.sheet
        result.nodes.append(NodeRecord(Node.ACTION, key, f"{action.number}. {action.title}",
                                       source, props))
        result.edges.append(EdgeRecord(Edge.IN_THEME, action_id,
                                       node_id(Node.THEME, f"{action.programme}/{action.theme}"),
                                       source, role="doelstelling"))
        result.edges.append(EdgeRecord(Edge.DESCRIBED_IN, action_id, node_id(Node.DOCUMENT, doc),
                                       source))
        _emit_roles(doc, row, action_id, result)
        for kind, target, programme, number in action.links:
            target_id = node_id(Node.THEME if target == "theme" else Node.ACTION,
                                f"{programme}/{number}")
            if target_id == action_id:
                continue
            result.edges.append(EdgeRecord(
                Edge.LINKS_TO, action_id, target_id,
                Source(doc, row.number, row.quote(["links"])), role=kind,
                props={"link_kind": kind, "cell": row.cell("links")}))


def _trekker_names(row: Row, what: i18n.Said, result: LoadResult) -> list[str]:
    """Return the trekkers a row names; warn, naming the cell, when it names none.

    "?", "n.t.b." and the other words the documents use for "nobody yet" are no name.
    """
    text = row.get("trekkers")
    names = [item for item in split_list(text) if item.lower() not in NO_TREKKER]
    if not names:
        said = (i18n.said("warning:spreadsheet.means_none", "{text!r} means no trekker", text=text) if text
                else i18n.said("warning:spreadsheet.empty", "empty"))
        result.warn(row.number, i18n.said(
            "warning:spreadsheet.no_trekker", "{cell} (column {column!r}): {said}; {what} has no trekker",
            cell=row.cell('trekkers'), column=row.headers.get('trekkers', 'trekkers'), said=said, what=what))
    return names


def _emit_roles(doc: str, row: Row, work_id: str, result: LoadResult) -> None:
    """Add a role edge for every name in the trekkers, partners and te_betrekken cells."""
    for column, role in ROLE_COLUMNS.items():
        text = row.get(column)
        header = row.headers.get(column, column)
        for name in split_list(text):
            if name.lower() in NO_TREKKER:
                continue  # "?" or "n.t.b.": nobody yet (for trekkers, _trekker_text says so)
            result.edges.append(EdgeRecord(
                ROLE_KINDS[role], OrgName(name), work_id,
                Source(doc, row.number, f"{header}: {text}"), role=header,
                props={"name_as_written": name, "cell": row.cell(column)}))


# ---------------------------------------------------------------- projects

def load_projects(document: Document, context: ParseContext) -> LoadResult:
    """Return the projects, their roles and links from a list of projects (.xlsx or .csv).

    Records have the shape of the project cards (loaders/project_cards/reader.py): a name goes
    through the corpus's projects.csv, so a listed project joins the same project in the
    cards; each row is an appearance (APPEARS_IN the list, with its edition and categorie).
    """
    table = read_table(document.path, PROJECT_COLUMNS, PROJECT_SHEETS)
    projects_table = context.projects
    result = LoadResult(document.id)
    for line, message in unknown_column_warnings(table):
        result.warn(line, message)
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    projects: list[tuple[Row, str, str]] = []  # row, key, canonical name
    for row in _rows_without_example(table, PROJECT_COLUMNS, result):
        name = row.get("name")
        edition = row.get("edition")
        known = projects_table.resolve(name) if name else None
        if not name:
            problems.append(row.problem("name", i18n.text("error:spreadsheet.name", "empty; every project needs a name")))
        elif known is not None and known.kind != Node.PROJECT:
            problems.append(row.problem("name", i18n.text(
                "error:spreadsheet.not_project", "{name!r} is a {kind} in projects.csv, not a project; list it "
                "elsewhere", name=name, kind=label(known.kind).lower())))
        elif edition and not EDITION.match(edition):
            problems.append(row.problem("edition", i18n.text(
                "error:spreadsheet.edition", "{edition!r} is not an edition date; write 2024, 2024-03 or 2024-03-01",
                edition=edition)))
        else:
            key = known.key if known else slug(name)
            if key in seen:
                problems.append(row.problem("name", i18n.text(
                    "error:spreadsheet.project_twice", "project {name!r} is listed twice (also on row {other}); keep "
                    "one row per project", name=name, other=seen[key])))
            else:
                seen[key] = row.number
                projects.append((row, key, known.name if known else name))
                if known is None:
                    result.warn(row.number, i18n.said(
                        "warning:project_not_listed", "project {name!r} is not in projects.csv: add it there to join "
                        "it with the same project in other editions", name=name))
    if problems:
        raise SheetError(document.path, problems)
    for row, key, name in projects:
        _emit_project(document, table, projects_table, row, key, name, result)
    return result


def _emit_project(document: Document, table: Table, projects_table, row: Row, key: str,
                  name: str, result: LoadResult) -> None:
    doc = document.id
    project_id = node_id(Node.PROJECT, key)
    edition = row.get("edition") or document.entry.edition
    status = row.get("categorie") or "geen categorie"
    source = Source(doc, row.number, row.quote(["name"]))
    known = projects_table.resolve(row.get("name"))
    trekkers = _trekker_names(row, i18n.said("warning:spreadsheet.project", "project {name!r}", name=name), result)
    props = {"title": name, "names": [row.get("name")],
             "aliases": list(known.forms) if known else [], "editions": [edition],
             "timeline": [f"{edition}: {status}"], "description": row.get("description"),
             "notes": split_lines(row.get("notes"))}
    if row.get("theme"):
        props["theme_name"] = row.get("theme")
    if not trekkers:
        props["trekker_text"] = row.get("trekkers")
    if table.sheet:
        props["sheet"] = table.sheet
    result.nodes.append(NodeRecord(Node.PROJECT, key, name, source, props))
    result.edges.append(EdgeRecord(
        Edge.APPEARS_IN, project_id, node_id(Node.DOCUMENT, doc), source, role=status,
        props={"edition": edition, "categorie": row.get("categorie"),
               "name_as_written": row.get("name")}))
    _emit_roles(doc, row, project_id, result)
    for other in split_list(row.get("links")):
        known_other = projects_table.resolve(other)
        target = node_id(Node.PROJECT, known_other.key if known_other else slug(other))
        if target != project_id:
            result.edges.append(EdgeRecord(
                Edge.LINKS_TO, project_id, target, Source(doc, row.number, row.quote(["links"])),
                role="link", props={"link_kind": "link", "name_as_written": other,
                                    "cell": row.cell("links")}))
