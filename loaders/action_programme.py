"""Loader for an uitvoeringsprogramma: themes, voornemens and numbered actions with roles.

The text comes from a PDF table whose columns (voornemen | actie | trekker/partners
| beoogd resultaat | planning | categorie) are interleaved line by line. The rules
below follow that layout:

* an action starts at a line "N. Title" (the voornemen column may stand before it);
* its description runs until the first role label ("Trekker(s):", "Partner(s):",
  "Parters:", "Te betrekken:"); without any label (actions 57, 58, 62) the first
  paragraph after the description is the trekker column;
* where the trekker column shares its first line with the result column
  ("Trekkers: Regiogemeenten Kantorenloods"), the line is cut after the longest
  known organisation name and the rest is result text;
* the categorie is a lone digit 1-4, or the last word of the planning line ("2015 3");
* "N.B." lines hold the cross-references (link, prerequisite, follow-up).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph071 import i18n
from graph071.corpus.manifest import Document
from graph071.errors import InputError
from graph071.records import EdgeRecord, LoadResult, NodeRecord, OrgName, Source
from graph071.schema import CATEGORIE_COLOURS, Edge, Node, node_id

from graph071.corpus.labels import LabelPattern, label_of, scope_alternatives
from graph071.loaders import ParseContext
from graph071.loaders.text import (NUMBER_LIST, Line, join_lines, numbers_in, paragraphs,
                   parentheses_open, split_outside_parentheses)

# "Trekker: onbekend" and friends: the document says nobody owns the action.
NO_TREKKER = {"onbekend", "nog onbekend", "n.t.b.", "ntb", "nader te bepalen", "?", "-"}

# The role labels of the actions' trekker/partner column: the "actie" rows of data/labels.csv.
_ACTION_LABELS = scope_alternatives("actie", roles_only=True)
ROLE_LABEL = LabelPattern(lambda table: rf"^\s*(?P<label>{_ACTION_LABELS(table)})\s*:\s*",
                          re.IGNORECASE)
INLINE_TE_BETREKKEN = re.compile(r"\bte\s+betrekken\s*:\s*", re.IGNORECASE)
ACTION_START = re.compile(
    r"^\s*(?:(?P<prefix>[^\W\d].*?)\s+)?(?P<number>\d{1,3})\.\s+(?P<title>[(‘'\"\w].*?)\s*$")
VOORNEMEN_START = re.compile(r"^\s*(?:Voornemen\s*)?(?P<code>\d[.,]\d)\s*[–-]\s*(?P<text>.*)$")
VOORNEMEN_LABEL = re.compile(r"^\s*Voornemen(?:\s+(?P<code>\d[.,]\d))?\s*$")
THEME_TABLE = re.compile(r"^\s*Doelstelling\s+(?P<number>\d)\s*[–-]\s*(?P<name>.+?)\s*$")
CHAPTER_INTRO = re.compile(r"^\s*\d\.1\s+Doelstelling\s*$")
TABLE_HEADER = re.compile(r"Beoogd resultaat\s+Planning\s+Categorie")
FOOTNOTE = re.compile(r"^ \d{1,2} [A-Z]")
NOTE_START = re.compile(r"^\s*N\.?\s?B\.?\s*:?\s*", re.IGNORECASE)
CATEGORIE_ALONE = re.compile(r"^\s*(?P<cat>[1-4])\s*$")
CATEGORIE_AFTER_PLANNING = re.compile(
    r"^(?P<pre>.*(?:\b\d{4}(?:-\d{2,4})?;?|\b[Cc]ontinu|\b[Jj]aarlijks))\s+(?P<cat>[1-4])\s*$")
PLANNING_WORD = re.compile(
    r"\b(?:(?:[Ee]ind|[Nn]ajaar|[Vv]oorjaar|[Zz]omer|[Ss]tart|[Vv]anaf|[Bb]egin)\s+(?:\w+\s+)?"
    r"\d{4}|\d{4}(?:-\d{2,4})?|[Cc]ontinu|[Jj]aarlijks|[Ll]opende)")
PLANNING_LIKE = re.compile(r"\b(?:19|20)\d{2}\b|kwartaal|[Cc]ontinu|[Jj]aarlijks|[Ll]opend")
TITLE_CONNECTOR = re.compile(r"(?:[,&:]|\b(?:en|voor|als|van|met|vanuit|de|het|in|op))\s*$")
# "Meld- en Coördinatiepunt" is one name: never cut at an "en" that follows a hyphen.
NAME_SEPARATORS = r"(?<!-)\s+(?:en|&|onder leiding van)\s+|\s*/\s*"
PROGRAMME_PERIOD = re.compile(r"\b(20\d\d)\s*[–-]\s*(20\d\d)\b")
THEME_LIST_INTRO = re.compile(r"samenhangende\s+thema|vijf\s+thema", re.IGNORECASE)
THEME_LIST_ITEM = re.compile(r"^\s*(?P<number>\d)\.\s+(?P<name>\S.*?)\s*$")
# A chapter of its own after the numbered themes (the document's last chapter).
ORGANISATION_CHAPTER = "Organisatie"

ROLE_KINDS = {"trekker": Edge.TREKKER, "partner": Edge.PARTNER, "te_betrekken": Edge.TE_BETREKKEN}


@dataclass
class RoleMention:
    """One organisation named in the trekker/partner column of an action."""

    role: str  # trekker, partner or te_betrekken
    text: str  # the name as written, qualifier included
    line: int
    quote: str
    label: str  # the label as written ("Trekkers", "Parters", "" when there is none)


@dataclass
class ParsedAction:
    """Everything the table says about one action."""

    number: int
    line: int
    title: str
    theme: int
    voornemen_code: str | None
    voornemen: str
    description: str = ""
    notes: list[tuple[int, str]] = field(default_factory=list)
    roles: list[RoleMention] = field(default_factory=list)
    remarks: list[tuple[int, str]] = field(default_factory=list)
    trekker_text: str = ""
    result: str = ""
    planning: str = ""
    categorie: int | None = None
    trailing: list[Line] = field(default_factory=list)
    last_line: int = 0


@dataclass
class _Block:
    number: int
    line: int
    title: str
    theme: int
    voornemen_code: str | None
    voornemen: str
    lines: list[Line] = field(default_factory=list)


def load(document: Document, context: ParseContext) -> LoadResult:
    """Return the themes, actions, roles and cross-references of an uitvoeringsprogramma."""
    result = LoadResult(document.id)
    lines = [(number, text) for number, text in enumerate(document.lines, start=1)]
    programme = _programme_period(document)
    themes = _theme_list(lines)
    if not themes:
        raise InputError(document.path, i18n.text(
            "error:programme.no_themes", "layout not recognised: no numbered theme list ('vijf ... thema’s: 1. ... 5. "
            "...') found"), hint=i18n.text("error:programme.hint", "is this an uitvoeringsprogramma? check the "
                                           "manifest's loader column"))
    blocks = _action_blocks(lines, themes, result)
    if not blocks:
        raise InputError(document.path, i18n.text(
            "error:programme.no_actions", "layout not recognised: no numbered actions found after a 'Doelstelling N "
            "- ...' table header"))
    actions = _parse_blocks(blocks, context, result)
    _check_numbering(actions, result)
    _emit(document, programme, themes, actions, result)
    return result


# ---------------------------------------------------------------- structure

def _programme_period(document: Document) -> str:
    head = " ".join(document.lines[:60])
    match = PROGRAMME_PERIOD.search(head)
    return f"{match.group(1)}-{match.group(2)}" if match else document.entry.edition[:4]


def _theme_list(lines: list[Line]) -> dict[int, str]:
    """Return {number: name} from the numbered theme list in the introduction."""
    for index, (_, text) in enumerate(lines):
        if THEME_LIST_INTRO.search(text):
            themes: dict[int, str] = {}
            for _, item in lines[index + 1:index + 12]:
                match = THEME_LIST_ITEM.match(item)
                if match:
                    themes[int(match["number"])] = match["name"]
                elif themes:
                    break
            if themes:
                return themes
    return {}


def _is_chapter_header(text: str, themes: dict[int, str]) -> tuple[int, str] | None:
    match = THEME_LIST_ITEM.match(text)
    if not match:
        return None
    number, name = int(match["number"]), match["name"]
    if themes.get(number) == name or name == ORGANISATION_CHAPTER:
        return number, name
    return None


def _action_blocks(lines: list[Line], themes: dict[int, str], result: LoadResult) -> list[_Block]:
    """Cut the table region into one block of lines per action, with theme and voornemen."""
    cutter = _BlockCutter(themes, result)
    for number, text in lines:
        cutter.read(number, text)
    cutter.close()
    return cutter.blocks


class _BlockCutter:
    """Reads the programme line by line: chapters and theme tables, voornemens, actions."""

    def __init__(self, themes: dict[int, str], result: LoadResult) -> None:
        self.themes = themes
        self.result = result
        self.blocks: list[_Block] = []
        self.in_table = False
        self.theme = 0
        self.voornemen_code: str | None = None
        self.voornemen_lines: list[str] = []
        self.collecting_voornemen = False
        self.pending_voornemen_label = False
        self.in_footnote = False
        self.current: _Block | None = None

    def close(self) -> None:
        if self.current is not None:
            self.blocks.append(self.current)
            self.current = None

    def read(self, number: int, text: str) -> None:
        if self._structure(number, text) or self._voornemen(text) or self._action(number, text):
            return
        if self.current is not None:
            self.current.lines.append((number, text))

    def _structure(self, number: int, text: str) -> bool:
        """Footnotes, chapters, theme tables, table headers and page numbers; True if read."""
        stripped = text.strip()
        if self.in_footnote:
            if text.startswith("  ") and stripped:
                return True
            self.in_footnote = False
        if FOOTNOTE.match(text):
            self.in_footnote = True
            self.result.note(number, i18n.said("warning:programme.footnote", "footnote not attached to an action: "
                                               "{text!r}", text=stripped[:80]))
            return True
        if CHAPTER_INTRO.match(text):
            self.close()
            self.in_table = False
            return True
        chapter = _is_chapter_header(text, self.themes)
        if chapter:
            self.close()
            if chapter[1] == ORGANISATION_CHAPTER:
                self.theme, self.in_table = chapter[0], True
                self.themes.setdefault(chapter[0], ORGANISATION_CHAPTER)
                self.voornemen_code, self.voornemen_lines = None, []
            return True
        table = THEME_TABLE.match(text)
        if table:
            self.close()
            self.theme, self.in_table = int(table["number"]), True
            self.voornemen_code, self.voornemen_lines = None, []
            return True
        if not self.in_table or TABLE_HEADER.search(text):
            return True
        if stripped == self.themes.get(self.theme):
            return True  # the theme row of the table ("Organisatie")
        # A page number (a categorie is 1-4, a year has four digits).
        return bool(re.fullmatch(r"\d{1,3}", stripped)) and int(stripped) > 4

    def _voornemen(self, text: str) -> bool:
        """A voornemen's label, its first line or its continuation; True if read."""
        stripped = text.strip()
        label = VOORNEMEN_LABEL.match(text)
        if label:
            self.close()
            if label["code"]:
                self.voornemen_code, self.voornemen_lines = label["code"].replace(",", "."), []
                self.collecting_voornemen = True
            else:
                self.pending_voornemen_label = True
            return True
        start = VOORNEMEN_START.match(text)
        if start or (self.pending_voornemen_label and stripped.startswith(("–", "-"))):
            self.close()
            if start:
                self.voornemen_code = start["code"].replace(",", ".")
                self.voornemen_lines = [start["text"]]
            else:
                self.voornemen_lines = [stripped.lstrip("–- ")]
            self.collecting_voornemen, self.pending_voornemen_label = True, False
            return True
        if self.collecting_voornemen:
            if stripped:
                self.voornemen_lines.append(stripped.lstrip("–- ") if not self.voornemen_lines
                                            else stripped)
                return True
            self.collecting_voornemen = False
            return True
        return False

    def _action(self, number: int, text: str) -> bool:
        """The first line of an action ("17. Haalbaarheidsstudie ..."); True if read."""
        action = ACTION_START.match(text)
        if not (action and _accept_action_start(action, self.blocks, self.current)):
            return False
        self.close()
        blocks, theme = self.blocks, self.theme
        if action["prefix"]:
            self.voornemen_code, self.voornemen_lines = None, [action["prefix"]]
        elif theme == _organisation_theme(self.themes) and blocks and blocks[-1].theme == theme:
            heading = _trailing_heading(blocks[-1])
            if heading:
                self.voornemen_code, self.voornemen_lines = None, [heading]
        self.current = _Block(int(action["number"]), number, action["title"], theme,
                              self.voornemen_code, join_lines(self.voornemen_lines))
        return True


def _organisation_theme(themes: dict[int, str]) -> int | None:
    return next((n for n, name in themes.items() if name == ORGANISATION_CHAPTER), None)


def _trailing_heading(block: _Block) -> str:
    """Return the sub-heading that stands after the categorie at the end of `block`."""
    trailing = _split_tail_after_categorie(block.lines)[1]
    return join_lines(text for _, text in trailing if not text.strip().startswith("("))


def _accept_action_start(match: re.Match, blocks: list[_Block], current: _Block | None) -> bool:
    number = int(match["number"])
    last = current.number if current else (blocks[-1].number if blocks else 0)
    if match["prefix"]:
        # Text before the number is the voornemen column; only trust it in sequence.
        return number == last + 1
    return 0 < number <= last + 10 or any(b.number == number for b in blocks)


# ---------------------------------------------------------------- one action

def _parse_blocks(blocks: list[_Block], context: ParseContext,
                  result: LoadResult) -> list[ParsedAction]:
    return [_parse_block(block, context, result) for block in blocks]


def _parse_block(block: _Block, context: ParseContext, result: LoadResult) -> ParsedAction:
    action = ParsedAction(block.number, block.line, block.title, block.theme,
                          block.voornemen_code, block.voornemen)
    body = list(block.lines)
    title_lines = [block.title]
    while body and body[0][1].strip() and _continues_title(title_lines[-1], body[0][1]):
        title_lines.append(body.pop(0)[1])
    action.title = join_lines(title_lines)

    role_start = next((i for i, (_, text) in enumerate(body) if ROLE_LABEL.match(text)), None)
    if role_start is None:
        runs = paragraphs(body)
        if len(runs) < 2:
            result.warn(block.line, i18n.said("warning:programme.no_trekker_column", "action {number}: no trekker "
                                              "column found", number=block.number))
            description, role_lines, rest = body, [], []
        else:
            description = runs[0]
            role_lines = runs[1]
            rest = [line for line in body if line[0] > role_lines[-1][0]]
    else:
        description = body[:role_start]
        role_lines = []
        for line in body[role_start:]:
            if not line[1].strip():
                break
            role_lines.append(line)
        rest = body[role_start + len(role_lines):]

    action.description, notes = _description_and_notes(description)
    action.notes.extend(notes)
    spilled = _parse_roles(action, role_lines, context=context,
                           result=result)
    _parse_tail(action, spilled, rest, result)
    action.last_line = block.lines[-1][0] if block.lines else block.line
    return action


def _continues_title(previous: str, line: str) -> bool:
    line = line.strip()
    if NOTE_START.match(line) and line[:2].upper() in ("NB", "N."):
        return False
    return line[:1].islower() or bool(TITLE_CONNECTOR.search(previous.strip()))


def _description_and_notes(lines: list[Line]) -> tuple[str, list[tuple[int, str]]]:
    """Return the description text and the N.B. notes (line, text) found in it."""
    text_lines: list[str] = []
    notes: list[tuple[int, list[str]]] = []
    for number, text in lines:
        if _is_note(text):
            notes.append((number, [NOTE_START.sub("", text.strip(), count=1)]))
        elif notes and text.strip():
            notes[-1][1].append(text)
        elif notes:
            notes.append((0, []))  # a blank line ends a note
        else:
            text_lines.append(text)
    return (join_lines(text_lines),
            [(number, join_lines(parts)) for number, parts in notes if number and parts])


def _is_note(text: str) -> bool:
    return bool(re.match(r"^\s*(N\.\s?B\.?|NB)\b[.:]?", text))


# ---------------------------------------------------------------- roles

@dataclass
class _Segment:
    role: str
    label: str
    text: str = ""
    offsets: list[tuple[int, int]] = field(default_factory=list)  # (char offset, line)
    first_line: int = 0

    def add(self, line: int, text: str, joiner: str) -> None:
        if self.text:
            if self.text.endswith("-") and text[:1].islower() and not text.startswith(("en ", "of ")):
                self.text = self.text[:-1]
                joiner = ""
            self.text += joiner
        self.offsets.append((len(self.text), line))
        self.text += text

    def line_at(self, offset: int) -> int:
        line = self.first_line
        for start, number in self.offsets:
            if start <= offset:
                line = number
        return line


def _role_of(label: str) -> str:
    """Return the column a role label fills: trekker, partner or te_betrekken."""
    row = label_of(label, "actie")
    kind = row.organisation_edge if row else Edge.PARTNER
    return {Edge.TREKKER: "trekker", Edge.BETROKKEN: "te_betrekken"}.get(kind, "partner")


def _parse_roles(action: ParsedAction, lines: list[Line], *,
                 context: ParseContext, result: LoadResult) -> list[Line]:
    """Fill action.roles from the trekker/partner column; return result lines cut off it."""
    known = _Names(context)
    segments: list[_Segment] = []
    spilled: list[Line] = []
    for index, (number, raw) in enumerate(lines):
        text = raw.strip()
        if spilled:
            if ROLE_LABEL.match(text):
                spilled.append((number, ""))  # keep going: labelled lines are roles again
            else:
                spilled.append((number, text))
                continue
        label = ROLE_LABEL.match(text)
        if label:
            segment = _Segment(_role_of(label["label"]), label["label"], first_line=number)
            segments.append(segment)
            text = text[label.end():]
        elif not segments:
            segment = _Segment("trekker", "", first_line=number)
            segments.append(segment)
        else:
            segment = segments[-1]
        next_text = lines[index + 1][1].strip() if index + 1 < len(lines) else ""
        if index == 0 and text:
            text, rest = known.cut_spill(text, next_text)
            if rest:
                spilled.append((number, rest))
                result.note(number, i18n.said(
                    "warning:programme.spill", "action {number}: read {text!r} as the trekker and {rest!r} as the "
                    "start of the beoogd resultaat", number=action.number, text=text, rest=rest))
        if text:
            segment.add(number, text, _joiner(segment.text, text, known))
    for segment in segments:
        _segment_to_mentions(action, segment, known, result)
    return [line for line in spilled if line[1]]


def _joiner(previous: str, text: str, known: "_Names") -> str:
    """Return how a continuation line joins the list so far: as more of a name, or a new one."""
    previous = previous.rstrip()
    if not previous:
        return ""
    if _ends_with_connector(previous) or previous.endswith((",", ";")):
        return " "
    if text.startswith("(") or parentheses_open(previous):
        return " "
    tail = split_outside_parentheses(previous)[-1] if split_outside_parentheses(previous) else ""
    head = split_outside_parentheses(text)[0] if split_outside_parentheses(text) else ""
    if known.known(f"{tail} {head}"):
        return " "  # one name broken over two lines ("Universiteit" / "Leiden")
    if known.names_all(tail):
        return ", "
    return " "


def _segment_to_mentions(action: ParsedAction, segment: _Segment, known: "_Names",
                         result: LoadResult) -> None:
    pieces = [(segment.role, segment.label, segment.text, 0)]
    inline = INLINE_TE_BETREKKEN.search(segment.text)
    if inline:
        pieces = [(segment.role, segment.label, segment.text[:inline.start()], 0),
                  ("te_betrekken", inline.group(0).split(":")[0].strip(),
                   segment.text[inline.end():], inline.end())]
    quote = f"{segment.label}: {segment.text}" if segment.label else segment.text
    for role, label, text, base in pieces:
        cursor = base
        for item in split_outside_parentheses(text):
            offset = segment.text.find(item, cursor)
            cursor = max(cursor, offset)
            line = segment.line_at(offset)
            item = re.sub(r"^o\.a\.\s*", "", item).rstrip(". ").strip()
            if role == "trekker" and item.lower() in NO_TREKKER:
                action.trekker_text = item
                continue
            names = known.split(item)
            if names is None:
                if len(item.split()) >= 5:
                    action.remarks.append((line, item))
                    result.note(line, i18n.said(
                        "warning:programme.remark", "action {number}: {item!r} in the {role} column is read as a "
                        "remark, not an organisation", number=action.number, item=item, role=role))
                    continue
                names = [item]
            for name in names:
                action.roles.append(RoleMention(role, name, line, quote, label))
    if segment.role == "trekker" and not action.trekker_text:
        action.trekker_text = segment.text


def _ends_with_connector(text: str) -> bool:
    """True when a list line stops in the middle of a name or before the next one."""
    return bool(re.search(r"(?:[&/-]|\b(?:en|of|o\.a\.))$", text.rstrip()))


class _Names:
    """Questions about organisation names, answered by the resolution table."""

    def __init__(self, context: ParseContext) -> None:
        self._known = context.is_known_organisation

    def known(self, text: str) -> bool:
        text = text.strip().rstrip(".").strip()
        if not text:
            return False
        if text.lower() in NO_TREKKER or self._known(text):
            return True
        base = re.sub(r"\s*\(.*\)\s*$", "", text)
        return base != text and bool(base) and self._known(base)

    def split(self, item: str) -> list[str] | None:
        """Return the organisations `item` names, or None when it is not made of known names."""
        if self.known(item):
            return [item]
        plural = re.match(r"^gemeenten\s+(?P<names>.+)$", item, re.IGNORECASE)
        if plural:
            names = [f"gemeente {n.strip()}" for n in re.split(r",|\s+en\s+", plural["names"])]
            if all(self.known(n) for n in names):
                return names
        parts = split_outside_parentheses(item, NAME_SEPARATORS)
        if len(parts) > 1 and all(self.known(p) for p in parts):
            return [p.strip() for p in parts]
        words = item.split()
        for cut in range(len(words) - 1, 0, -1):
            head, rest = " ".join(words[:cut]), " ".join(words[cut:])
            if self.known(head) and self.split(rest):
                return [head, *self.split(rest)]  # two names without a separator
        return None

    def names_all(self, text: str) -> bool:
        return bool(text.strip()) and self.split(text) is not None

    def cut_spill(self, text: str, next_text: str) -> tuple[str, str]:
        """Cut a first role line where the trekker name ends and the result column begins."""
        items = split_outside_parentheses(text)
        if not items or text.rstrip().endswith(","):
            return text, ""
        last = items[-1]
        head = split_outside_parentheses(next_text)[0] if split_outside_parentheses(next_text) else ""
        if (self.names_all(last) or parentheses_open(last)
                or _ends_with_connector(last.rstrip("-"))
                or (head and self.names_all(f"{last} {head}"))):
            return text, ""
        words = last.split()
        for cut in range(len(words) - 1, 0, -1):
            name, rest = " ".join(words[:cut]), " ".join(words[cut:])
            if self.names_all(name):
                kept = text[:text.rfind(last)] + name
                return kept, rest
        return text, ""


# ---------------------------------------------------------------- result, planning, categorie

def _split_tail_after_categorie(lines: list[Line]) -> tuple[list[Line], list[Line], Line | None]:
    """Return (lines before the categorie line, lines after it, the categorie line)."""
    for index, (number, text) in enumerate(lines):
        if CATEGORIE_ALONE.match(text) or CATEGORIE_AFTER_PLANNING.match(text.rstrip()):
            return lines[:index], [l for l in lines[index + 1:] if l[1].strip()], (number, text)
    return lines, [], None


def _parse_tail(action: ParsedAction, spilled: list[Line], rest: list[Line],
                result: LoadResult) -> None:
    before, after, categorie_line = _split_tail_after_categorie(rest)
    pre = ""
    if categorie_line is None:
        result.warn(action.line, i18n.said("warning:programme.no_categorie", "action {number}: no categorie (1-4) "
                                           "found", number=action.number))
    else:
        match = (CATEGORIE_ALONE.match(categorie_line[1])
                 or CATEGORIE_AFTER_PLANNING.match(categorie_line[1].rstrip()))
        action.categorie = int(match["cat"])
        pre = match.groupdict().get("pre") or ""

    runs = []
    for run in paragraphs(before):
        if _is_note(run[0][1]):
            action.notes.append((run[0][0], join_lines(
                [NOTE_START.sub("", run[0][1].strip(), count=1)] + [t for _, t in run[1:]])))
        else:
            runs.append(run)
    spill_text = join_lines(text for _, text in spilled)
    texts = [join_lines(text for _, text in run) for run in runs]
    if pre.strip():
        found, planning = _cut_planning(pre.strip())
        action.result = _join(spill_text, *texts, found)
        action.planning = planning
    elif len(runs) >= 2:
        action.result = _join(spill_text, *texts[:-1])
        action.planning = texts[-1]
    elif len(runs) == 1 and spill_text:
        action.result, action.planning = spill_text, texts[0]
    elif len(runs) == 1 and PLANNING_LIKE.search(texts[0]):
        first, *others = [text for _, text in runs[0]]
        found, planning = _cut_planning(first.strip(), last_word_fallback=True)
        action.result = found
        action.planning = join_lines([planning, *others])
    else:
        action.result = _join(spill_text, *texts)

    # After the categorie: a remark on the planning in brackets, then maybe a sub-heading.
    if after and after[0][1].strip().startswith("("):
        remark: list[str] = []
        while after:
            remark.append(after.pop(0)[1])
            if not parentheses_open(" ".join(remark)):
                break
        action.planning = _join(action.planning, join_lines(remark))
    action.trailing = after


def _cut_planning(text: str, last_word_fallback: bool = False) -> tuple[str, str]:
    """Cut a line shared by the result and planning columns into (result, planning)."""
    match = PLANNING_WORD.search(text)
    if match:
        return text[:match.start()].strip(), text[match.start():].strip()
    words = text.split()
    if last_word_fallback and len(words) > 1:
        # The planning column is narrow: on a shared line it holds the last word only.
        return " ".join(words[:-1]), words[-1]
    return "", text


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part).strip()


# ---------------------------------------------------------------- checks and records

def _check_numbering(actions: list[ParsedAction], result: LoadResult) -> None:
    seen: dict[int, int] = {}
    for action in actions:
        if action.number in seen:
            result.warn(action.line, i18n.said(
                "warning:programme.twice", "action number {number} appears twice (first on line {first}); the "
                "second is ignored", number=action.number, first=seen[action.number]))
        else:
            seen[action.number] = action.line
    expected = set(range(1, max(seen, default=0) + 1))
    for missing in sorted(expected - set(seen)):
        result.warn(0, i18n.said("warning:programme.missing", "action number {number} is missing from the "
                                 "numbering", number=missing))


def _emit(document: Document, programme: str, themes: dict[int, str],
          actions: list[ParsedAction], result: LoadResult) -> None:
    doc = document.id
    theme_ids: dict[int, str] = {}
    first_theme_line = _first_line_of_themes(document)
    for number, name in themes.items():
        key = f"{programme}/{number}"
        theme_ids[number] = node_id(Node.THEME, key)
        result.nodes.append(NodeRecord(
            Node.THEME, key, name, Source(doc, first_theme_line.get(number, 1),
                                       f"{number}. {name}"),
            {"number": number, "programme": programme}))
    done: set[int] = set()
    for action in actions:
        if action.number in done:
            continue
        done.add(action.number)
        key = f"{programme}/{action.number}"
        action_id = node_id(Node.ACTION, key)
        title_quote = document.quote(action.line)
        props = {
            "number": action.number, "title": action.title, "programme": programme,
            "theme": action.theme, "theme_name": themes.get(action.theme, ""),
            "voornemen_code": action.voornemen_code, "voornemen": action.voornemen,
            "description": action.description, "result": action.result,
            "planning": action.planning, "categorie": action.categorie,
            "categorie_colour": CATEGORIE_COLOURS.get(action.categorie or 0, ""),
            "trekker_text": action.trekker_text,
            "notes": [text for _, text in action.notes],
            "remarks": [text for _, text in action.remarks],
            "first_line": action.line, "last_line": action.last_line,
        }
        source = Source(doc, action.line, title_quote)
        result.nodes.append(NodeRecord(Node.ACTION, key, f"{action.number}. {action.title}",
                                       source, props))
        if action.theme in theme_ids:
            result.edges.append(EdgeRecord(Edge.IN_THEME, action_id, theme_ids[action.theme],
                                           source, role="doelstelling"))
        result.edges.append(EdgeRecord(Edge.DESCRIBED_IN, action_id, node_id(Node.DOCUMENT, doc),
                                       source))
        for mention in action.roles:
            result.edges.append(EdgeRecord(
                ROLE_KINDS[mention.role], OrgName(mention.text), action_id,
                Source(doc, mention.line, mention.quote),
                role=mention.label or mention.role,
                props={"name_as_written": mention.text}))
        for line, note in action.notes:
            for link in _links(note, action.number):
                source_number, target, kind = link
                source_id = node_id(Node.ACTION, f"{programme}/{source_number}")
                target_id = (node_id(Node.THEME, f"{programme}/{target[1]}") if target[0] == "theme"
                             else node_id(Node.ACTION, f"{programme}/{target[1]}"))
                if source_id == target_id:
                    continue
                result.edges.append(EdgeRecord(
                    Edge.LINKS_TO, source_id, target_id, Source(doc, line, f"N.B. {note}"),
                    role=kind, props={"link_kind": kind}))


def _first_line_of_themes(document: Document) -> dict[int, str]:
    lines: dict[int, int] = {}
    for number, text in enumerate(document.lines, start=1):
        match = THEME_TABLE.match(text)
        if match:
            lines.setdefault(int(match["number"]), number)
    return lines


def _links(note: str, number: int) -> list[tuple[int, tuple[str, int], str]]:
    """Return (source action, (target kind, target number), link kind) for a note's references."""
    links: list[tuple[int, tuple[str, int], str]] = []
    prerequisite = re.search(rf"[Aa]ctie\s+(\d+)\s+is\s+randvoorwaarde\s+voor\s+acties?\s+"
                             rf"({NUMBER_LIST})", note)
    if prerequisite:
        source = int(prerequisite.group(1))
        links += [(source, ("action", n), "prerequisite") for n in numbers_in(prerequisite.group(2))]
    follow_up = re.search(rf"n\.a\.v\.\s+actie\s+(\d+)\b.*?acties?\s+({NUMBER_LIST})", note)
    if follow_up:
        source = int(follow_up.group(1))
        links += [(source, ("action", n), "follow-up") for n in numbers_in(follow_up.group(2))]
    link = re.search(r"\b[Ll]ink met\b(?P<rest>.*)", note)
    if link:
        rest = link["rest"]
        for themes in re.finditer(r"doelstelling\s+(\d)", rest):
            links.append((number, ("theme", int(themes.group(1))), "link"))
        for listed in re.finditer(rf"\bacties?\s+({NUMBER_LIST})", rest):
            links += [(number, ("action", n), "link") for n in numbers_in(listed.group(1))]
    return links
