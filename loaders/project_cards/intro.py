"""The pages of a cards edition outside the cards: foreword, programme and community pages.

What they hold, and what becomes of it:

* quoted people (the chair, the programme manager, wethouders): QUOTED the document,
  with the organisation they speak for;
* the theme overview of 2018 ("Thema 1 ... Economische structuurversterking. Project:
  Centrum voor Vitaliteit"): Theme nodes and IN_THEME edges;
* the new themes of 2018 ("Het gaat om de thema’s: • Duurzaamheid, hieronder vallen ...",
  "Het eerste thema is omarmd door wethouder ..."): Theme nodes, IN_THEME, AMBASSADEUR;
* community activities (Ondernemersdag071, masterclasses, Forum071; names from
  projects.csv): Activity nodes, and CONTRIBUTES_TO for who organises or pays for them;
* programme facts: the chair handing over ("het laatste voorwoord dat ik als voorzitter
  van Economie071 schrijf", "Ik draag het stokje ... over aan ... Fleur Spijker"),
  projects handed over ("Talent op Maat gaat verder ... als WIJIJ").
"""

from __future__ import annotations

import re

from graph071.corpus.organisations import slug
from graph071.records import NodeRecord, OrgName, PersonName
from graph071.schema import Edge, Node, node_id

from graph071.loaders.project_cards.roles import SentenceRule, sentence_rule, sentence_mentions, split_function, split_names
from graph071.loaders.project_cards.flow import (Flow, flow, is_person_name, known_span, sentences, strip_markup,
                                 text_blocks)
from graph071.loaders.text import Line

from graph071.loaders.project_cards.reader import Emitter, find_speakers

THEMA = re.compile(r"^\s*Thema\s+(?P<number>\d)\s*$")
THEME_PROJECTS = re.compile(r"^(?P<theme>.+?)\.?\s+Project(?:en)?\s*:\s*(?P<projects>.+)$")
NEW_THEMES = re.compile(r"Het gaat om de thema[’']s\s*:", re.IGNORECASE)
EMBRACED = re.compile(r"Het\s+(?P<ordinal>eerste|tweede|derde|vierde|vijfde)\s+thema\s+is\s+omarmd"
                      r"\s+door\s+(?P<who>[^.]+)\.", re.IGNORECASE)
ORDINALS = {"eerste": 0, "tweede": 1, "derde": 2, "vierde": 3, "vijfde": 4}
FOREWORD_AUTHOR = re.compile(r"^\s*Voorwoord\s+(?P<name>.+?)\s*$")
CHAIR_LEAVES = re.compile(r"\bals\s+voorzitter\s+van\s+(?P<org>[\w-]+)", re.IGNORECASE)
CHAIR_HANDOVER = re.compile(r"\bstokje\b.*?\bover\s+aan\s+(?P<who>[^.]+)", re.IGNORECASE)
PROJECT_STATUS = re.compile(r"(?P<status>afgeronde|nieuwe|lopende)\s+project\s*:?\s*$", re.IGNORECASE)

ACTIVITY_RULES: tuple[SentenceRule, ...] = (
    sentence_rule(r"georganiseerd\s+door\s+(?P<names>.+)$", Edge.CONTRIBUTES_TO, "organisator"),
    sentence_rule(r"samen\s+met\s+(?P<names>.+?)\s+(?:hebben|heeft|is|zijn|wordt|werd)\s+georganiseerd",
          Edge.CONTRIBUTES_TO,
          "organisator"),
    sentence_rule(r"heeft\s+(?P<names>(?:het|de)\s+\S+(?:\s+[\w-]+)?)\s+(?:de|het)\s+.*georganiseerd",
          Edge.CONTRIBUTES_TO, "organisator"),
    sentence_rule(r"^(?P<names>.+?)\s+maken\s+(?:\w+\s+){0,3}financieel\s+mogelijk", Edge.CONTRIBUTES_TO,
          "financier"),
    sentence_rule(r"vormgegeven\s+door\s+(?P<names>.+)$", Edge.CONTRIBUTES_TO, "vormgever"),
    sentence_rule(r"verzorgd\s+door\s+(?P<names>.+)$", Edge.CONTRIBUTES_TO, "kennispartner"),
    sentence_rule(r"samengewerkt\s+met\s+(?P<names>.+)$", Edge.CONTRIBUTES_TO, "samenwerkingspartner"),
)


def read_intro(regions: list[list[Line]], emitter: Emitter) -> None:
    """Emit what the pages outside the cards say about themes, people and activities."""
    document = node_id(Node.DOCUMENT, emitter.doc)
    author = ""
    for region in regions:
        speakers = find_speakers(region, emitter.known)
        used = {n for s in speakers for n in s.lines}
        for speaker in speakers:
            emitter.speaker(speaker, None, None)
            _quoted_text(speaker, emitter)
        # A speaker's lines belong to no theme block, even when a re-flowing extraction
        # dropped the blank line or page start between them.
        unquoted = [(n, "" if n in used else raw) for n, raw in region]
        _theme_overview(unquoted, emitter)
        _new_themes(region, emitter)
        for number, raw in region:
            match = FOREWORD_AUTHOR.match(strip_markup(raw))
            if match and is_person_name(match["name"], emitter.known):
                author = match["name"]
                emitter.edge(Edge.QUOTED, PersonName(author), document, number, raw.strip(),
                             "voorwoord", name_as_written=author)
        running = [(n, raw) for n, raw in region if n not in used]
        for run in text_blocks(running):
            paragraph = flow(run, emitter.glue)
            _paragraph(paragraph, emitter, author)


def _quoted_text(speaker, emitter: Emitter) -> None:
    text = Flow(speaker.quote, [(0, speaker.quote_line)])
    _paragraph(text, emitter, speaker.name)


def _paragraph(paragraph: Flow, emitter: Emitter, author: str) -> None:
    activity = ""
    for start, end in sentences(paragraph.text):
        text = paragraph.text[start:end]
        line = paragraph.line_at(start)
        for m_start, m_end, known in emitter.table.mentions(text):
            written = text[m_start:m_end]
            status = PROJECT_STATUS.search(text[:m_start])
            role = f"{status['status'].lower()} project" if status else "genoemd"
            identifier = emitter.mentioned_project(known, written, paragraph.line_at(start + m_start),
                                                   text, role=role)
            if known.kind == Node.ACTIVITY:
                activity = identifier
        if activity:
            for mention in sentence_mentions(text, lambda o, s=start: paragraph.line_at(s + o),
                                             emitter.known, ACTIVITY_RULES):
                emitter.edge(Edge.CONTRIBUTES_TO, OrgName(mention.text), activity, mention.line,
                             mention.quote, mention.role, name_as_written=mention.text)
        emitter.successions(text, line, None)
        _chair(text, line, emitter, author)


def _chair(text: str, line: int, emitter: Emitter, author: str) -> None:
    leaves = CHAIR_LEAVES.search(text)
    if leaves and author and re.search(r"\b(?:laatste|afscheid)\b", text, re.IGNORECASE):
        emitter.chair_organisation = leaves["org"]
        emitter.edge(Edge.VOORZITTER, PersonName(author), OrgName(leaves["org"]), line, text,
                     "voorzitter (laatste voorwoord)", name_as_written=leaves["org"], until=emitter.edition)
    handover = CHAIR_HANDOVER.search(text)
    if handover and getattr(emitter, "chair_organisation", ""):
        function, name = split_function(re.sub(r"^(?:mijn\s+)?", "", handover["who"].strip()))
        if is_person_name(name, emitter.known):
            emitter.edge(Edge.VOORZITTER, PersonName(name), OrgName(emitter.chair_organisation), line,
                         text, "voorzitter (neemt het stokje over)",
                         name_as_written=emitter.chair_organisation, since=emitter.edition,
                         function=function)


def _theme_overview(region: list[Line], emitter: Emitter) -> None:
    """Read "Thema N" blocks: the theme's name and the projects listed under it."""
    starts = [i for i, (_, raw) in enumerate(region) if THEMA.match(raw)]
    year = emitter.edition[:4]
    for position, index in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(region)
        number = int(THEMA.match(region[index][1])["number"])
        for run in text_blocks(region[index + 1:end]):
            text = flow(run, emitter.glue)
            match = THEME_PROJECTS.match(text.text)
            if not match:
                continue
            theme_id = node_id(Node.THEME, f"{year}/{number}")
            name = match["theme"].strip(" .")
            quote = f"Thema {number}: {text.text}"
            emitter.result.nodes.append(NodeRecord(
                Node.THEME, f"{year}/{number}", name, emitter.source(region[index][0], quote),
                {"number": number, "edition": emitter.edition, "programme": year}))
            offset = match.start("projects")
            for written, start in _project_list(match["projects"], emitter):
                line = text.line_at(offset + start)
                project = emitter.mentioned_project(emitter.resolve(written), written, line, quote,
                                                    role="thema-overzicht")
                emitter.themes[project] = (theme_id, name)
                emitter.edge(Edge.IN_THEME, project, theme_id, line, quote, f"Thema {number}",
                             name_as_written=written)


def _project_list(text: str, emitter: Emitter) -> list[tuple[str, int]]:
    """Return the project names of "PLNT en Smart071" / "Brede kenniskring Onderwijs en
    Arbeidsmarkt, Technolab": cut at "en" only where the whole is no known project."""
    found = []
    for start, end in split_names(text, lambda t: emitter.resolve(t) is not None):
        found.append((text[start:end].strip(" ."), start))
    return found


def _new_themes(region: list[Line], emitter: Emitter) -> None:
    """Read "Het gaat om de thema’s: • A, hieronder vallen ... • B. ..." and who embraced them."""
    texts = [(n, strip_markup(raw)) for n, raw in region]
    # The phrase may wrap onto the next line ("Het gaat om de" / "thema’s:").
    start = next((i for i, (_, t) in enumerate(texts) if NEW_THEMES.search(t) or (
        i + 1 < len(texts) and (found := NEW_THEMES.search(f"{t.rstrip()} {texts[i + 1][1].strip()}"))
        and found.start() < len(t.rstrip()))), None)
    if start is None:
        return
    following = [(n, t) for n, t in texts[start:] if t.strip()]
    whole = flow(following[:40], emitter.glue)
    intro = NEW_THEMES.search(whole.text)
    items = re.split(r"\s*•\s*", whole.text[intro.end():])
    year = emitter.edition[:4]
    themes: list[str] = []
    offset = intro.end()
    for item in items:
        position = whole.text.find(item, offset) if item else offset
        offset = position + len(item)
        if not item.strip() or len(themes) >= 5:
            continue
        name = re.split(r"[,.]", item, maxsplit=1)[0].strip()
        if not name or len(name.split()) > 6:
            break
        theme_id = node_id(Node.THEME, f"{year}/{slug(name)}")
        body = re.split(r"(?<=\.)\s+(?=Het\s+\w+\s+thema)", item)[0]
        line = whole.line_at(position)
        emitter.result.nodes.append(NodeRecord(
            Node.THEME, f"{year}/{slug(name)}", name, emitter.source(line, body),
            {"edition": emitter.edition, "programme": year, "new_theme": True}))
        themes.append(theme_id)
        for m_start, m_end, known in emitter.table.mentions(body, kinds=(Node.PROJECT,)):
            written = body[m_start:m_end]
            project = emitter.mentioned_project(known, written, whole.line_at(position + m_start),
                                                body)
            emitter.edge(Edge.IN_THEME, project, theme_id, whole.line_at(position + m_start), body,
                         "valt onder (nieuw thema)", name_as_written=written)
        if body != item:
            break
    for match in EMBRACED.finditer(whole.text):
        index = ORDINALS[match["ordinal"].lower()]
        if index >= len(themes):
            continue
        line = whole.line_at(match.start())
        who = match["who"]
        span = known_span(who, emitter.known)
        person_text = who[:span[0]] if span else who
        person_text = re.sub(r"\s+van(?:\s+de)?\s*$", "", person_text.strip())
        function, name = split_function(person_text)
        if not is_person_name(name, emitter.known):
            continue
        organisation = who[span[0]:span[1]] if span else ""
        emitter.edge(Edge.AMBASSADEUR, PersonName(name, organisation or None), themes[index], line,
                     match.group(0), f"omarmd door {function}".strip(), name_as_written=name)
        if organisation:
            emitter.works_for(name, organisation, function, line, match.group(0))
