"""Relations a sentence states explicitly: who is partner, trekker, financier, successor of whom.

A relation cue (data/prose_patterns.csv, kind "relation") names a predicate and an
order: "forward" when the subject stands before the cue and the object after it
("het ECL werkt nauw samen met Innovation Quarter"), "reverse" when the object
comes first ("het onderzoek is uitgevoerd door Bureau Blaauwberg"), "role" when an
organisation takes a role on the project the sentence names anywhere ("Voor
Stagepact071 is mboRijnland penvoerder", "de lead ligt bij de gemeente Leiden"). The side after
the cue may be a list ("samen met stichting Wireless Leiden en SURFnet Nederland"):
one relation per name; a capitalised name there that the tables do not know is
proposed as an organisation the text calls a partner. A side the sentence leaves
implicit is the document's own subject (the project of a project card), at a
lower confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from graph071.loaders.prose.lexicon import Lexicon
from graph071.loaders.prose.mentions import NAME, Mention, Paragraph, longest
from graph071.loaders.prose.names import MentionIndex, NameReader
from graph071.schema import Node

# Between the cue and the first name, and between the names of a list.
_LEAD_IN = re.compile(r"^\s*(?:(?:de|het|een|the|a|an|onder\s+andere|o\.a\.|onder meer)\s+)*$",
                      re.IGNORECASE)
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*(?:en|and|&|evenals|alsook|as\s+well\s+as))?\s*"
                       r"(?:(?:de|het|the)\s+)?$", re.IGNORECASE)
# A name followed by a lower-case noun in one word is a common noun.
_COMPOUND_NOUN = re.compile(r"\S+-[a-zà-ÿ]{3,}")
# A side the sentence leaves implicit is less certain.
IMPLICIT = 0.9
NEW_NAME = 0.75


@dataclass(frozen=True)
class Cue:
    """A compiled relation row: its pattern, predicate, order and confidence."""

    pattern: re.Pattern
    predicate: str
    order: str  # forward, reverse or role
    confidence: float
    triggers: tuple[str, ...]  # one of these occurs in any sentence the cue matches
    comment: str


@dataclass
class Relation:
    """A stated relation: subject, predicate, object (mentions), where and how sure."""

    subject: Mention | None
    predicate: str
    object: Mention | None
    cue: str
    confidence: float
    start: int


class CueBook:
    """The relation cues of a lexicon, with one automaton over their trigger words."""

    def __init__(self, cue_list: list[Cue], anaphors: set[str] = frozenset()) -> None:
        self.cues = cue_list
        # "Deze (non-profit) stichting ...", "said the association works ...": the side before
        # the cue is an organisation the sentence does not name.
        nouns = "|".join(sorted(map(re.escape, anaphors), key=len, reverse=True)) or "(?!)"
        self.anaphor = re.compile(
            rf"\b(?:de|het|the|deze|die|dit|dat|this|that|these|those|its|their|zijn|haar)\s+"
            rf"(?:[\w-]+\s+){{0,2}}(?:{nouns})\b", re.IGNORECASE)
        self.always = [cue for cue in cue_list if "" in cue.triggers]
        self.automaton = ahocorasick.Automaton()
        by_word: dict[str, list[Cue]] = {}
        for cue in cue_list:
            for word in cue.triggers:
                if word:
                    by_word.setdefault(word, []).append(cue)
        for word, found in by_word.items():
            self.automaton.add_word(word, found)
        if by_word:
            self.automaton.make_automaton()
        # The cues written in a sentence, per distinct sentence: a long text repeats its
        # sentences, and trying every cue's pattern again is most of reading one.
        self._written: dict[str, list[tuple[Cue, re.Match]]] = {}

    def written(self, sentence: str) -> list[tuple[Cue, re.Match]]:
        """Return the cues written in `sentence`; of two overlapping ones the longer one counts."""
        found = self._written.get(sentence)
        if found is None:
            if len(self._written) >= 100_000:
                self._written.clear()  # sentences of documents read before
            candidates = self.candidates(sentence)
            found = self._written[sentence] = _cue_matches(sentence, candidates) if candidates else []
        return found

    def candidates(self, sentence: str) -> list[Cue]:
        """Return the cues one of whose trigger words occurs in `sentence`."""
        found = {id(cue): cue for cue in self.always}
        if self.automaton.kind == ahocorasick.AHOCORASICK:
            for _, cue_list in self.automaton.iter(sentence.lower()):
                found.update((id(cue), cue) for cue in cue_list)
        return list(found.values())


def cues(lexicon: Lexicon) -> CueBook:
    """Return the relation cues of the lexicon's patterns."""
    found = []
    for row in lexicon.patterns.of("relation"):
        order, confidence, triggers = (row["extra"].split(" ") + ["0.8", ""])[:3]
        found.append(Cue(re.compile(row["pattern"], re.IGNORECASE), row["value"], order,
                         float(confidence), tuple(triggers.split("/")) if triggers else ("",),
                         row["comment"]))
    return CueBook(found, lexicon.patterns.words("org_anaphor"))


def relations(paragraph: Paragraph, mentions: list[Mention], cue_book: CueBook,
              names: NameReader, context: Mention | None) -> tuple[list[Relation], list[Mention]]:
    """Return the relations the paragraph states, and the organisations proposed as their objects."""
    found: list[Relation] = []
    proposed: list[Mention] = []
    index = MentionIndex(mentions)
    for start, end in paragraph.sentences:
        written = cue_book.written(paragraph.text[start:end])
        if not written:
            continue
        inside = index.inside(start, end)
        for cue, match in written:
            cue_start, cue_end = start + match.start(), start + match.end()
            after, new = _listed(paragraph.text, cue_end, end, inside, names)
            proposed.extend(new)
            before = [m for m in inside if m.end <= cue_end and m not in after]
            named = paragraph.text[max([start, *(m.end for m in before)]):cue_start]
            if cue_book.anaphor.search(named):
                # The side before the cue is an organisation the sentence does not name:
                # neither the name before it nor the document's subject.
                before, here = [], None
            else:
                here = context
            relations_here = _relate(cue, before, after, inside, here, cue_start, match.group())
            found.extend(_with_coordinated_subjects(paragraph.text, relations_here, before, cue))
    return found, proposed


def _cue_matches(sentence: str, cue_list: list[Cue]) -> list[tuple[Cue, re.Match]]:
    """Return the cues written in a sentence; of two overlapping cues the longer one counts."""
    matches = [(cue, match) for cue in cue_list for match in cue.pattern.finditer(sentence)]
    chosen: list[tuple[Cue, re.Match]] = []
    for cue, match in sorted(matches, key=lambda cm: cm[1].start() - cm[1].end()):
        if all(match.end() <= m.start() or match.start() >= m.end() for _, m in chosen):
            chosen.append((cue, match))
    return sorted(chosen, key=lambda cm: cm[1].start())


# Predicates between an organisation and a project: the project end is the work the
# sentence is about ("Het project Smart071 wordt ... gefinancierd door de provincie").
WORK_PREDICATES = ("trekker", "opdrachtgever", "financier", "uitvoerder")


def _relate(cue: Cue, before: list[Mention], after: list[Mention], inside: list[Mention],
            context: Mention | None, start: int, written: str) -> list[Relation]:
    if cue.order == "role":
        return _role_relation(cue, before, after, inside, context, start, written)
    near = _near(cue, before)
    implicit = near is None
    near = near or context
    if cue.predicate == "independent":
        return _independent(cue, before, after, inside, context, start, written)
    if not after:
        return []
    confidence = cue.confidence * (IMPLICIT if implicit else 1.0)
    made = []
    for other in after or [None]:
        sure = confidence * (NEW_NAME if other is not None and other.new else 1.0)
        if cue.order == "reverse":
            subject, obj = other, near
        else:
            subject, obj = near, other
        if subject is None or obj is None or subject is obj or not _fits(cue.predicate, obj, subject):
            continue
        if any((r.subject.name, r.object.name) == (subject.name, obj.name) for r in made):
            continue  # one name written twice in a list
        made.append(Relation(subject, cue.predicate, obj, written, round(sure, 2), start))
    return made


def _with_coordinated_subjects(text: str, made: list[Relation], before: list[Mention],
                               cue: Cue) -> list[Relation]:
    """Return the relations again for each name of a list that ends at their subject.

    "The municipalities of Oegstgeest, Voorschoten and Katwijk, together with ..." makes
    all three partners, not Katwijk alone.
    """
    if cue.order != "forward" or cue.predicate in ("succeeds", "independent", "merged") \
            or not made or made[0].subject not in before:
        return made
    index = before.index(made[0].subject)
    listed = [before[index]]
    while index > 0 and _LIST_GAP.match(text[before[index - 1].end:before[index].start]) \
            and before[index - 1].kind == before[index].kind:
        index -= 1
        listed.insert(0, before[index])
    more = [Relation(subject, r.predicate, r.object, r.cue, r.confidence, r.start)
            for subject in listed[:-1] for r in made if r.subject is listed[-1]]
    return more + made


def _fits(predicate: str, obj: Mention, subject: Mention) -> bool:
    """Return whether the ends can carry the predicate: work predicates need a project."""
    if predicate in WORK_PREDICATES:
        return Node.PROJECT in (obj.kind, subject.kind) or Node.ACTIVITY in (obj.kind, subject.kind)
    return True


def _independent(cue: Cue, before: list[Mention], after: list[Mention], inside: list[Mention],
                 context: Mention | None, start: int, written: str) -> list[Relation]:
    """Return "<the sentence's subject> became independent" (of the card's project, if any)."""
    subject = next((m for m in inside if m.kind in (Node.ORGANISATION, Node.PROJECT)), context)
    if subject is None:
        return []
    obj = context if context is not None and context is not subject else None
    return [Relation(subject, cue.predicate, obj, written, cue.confidence, start)]


def _near(cue: Cue, before: list[Mention]) -> Mention | None:
    """Return the mention before the cue that the relation is about."""
    if not before:
        return None
    # Work predicates are about the project ("Het project Smart071 wordt gefinancierd door");
    # a partner is the partner of the organisation that acts ("De KvK organiseert de
    # Startersdag i.s.m. ...").
    wanted = (Node.PROJECT, Node.ACTIVITY) if cue.predicate in WORK_PREDICATES else \
        (Node.ORGANISATION, Node.PERSON) if cue.predicate == "partner" else ()
    preferred = [m for m in before if m.kind in wanted]
    return preferred[-1] if preferred else before[-1]


def _role_relation(cue: Cue, before: list[Mention], after: list[Mention], inside: list[Mention],
                   context: Mention | None, start: int, written: str) -> list[Relation]:
    """Return "<organisation> is penvoerder / heeft de lead" of the project the sentence names."""
    actors = [m for m in before if m.kind in (Node.ORGANISATION, Node.PERSON)]
    subject = actors[-1] if actors else next((m for m in after if m.kind == Node.ORGANISATION), None)
    work = [m for m in inside if m.kind in (Node.PROJECT, Node.ACTIVITY)]
    work.sort(key=lambda m: abs(m.start - start))
    obj = work[0] if work else context
    if subject is None or obj is None:
        return []
    sure = cue.confidence * (1.0 if work else IMPLICIT) * (NEW_NAME if subject.new else 1.0)
    return [Relation(subject, cue.predicate, obj, written, round(sure, 2), start)]


def _listed(text: str, at: int, limit: int, mentions: list[Mention],
            names: NameReader) -> tuple[list[Mention], list[Mention]]:
    """Return the names listed right after `at` (known or proposed) and the proposed ones."""
    listed: list[Mention] = []
    proposed: list[Mention] = []
    gap = _LEAD_IN
    while at < limit:
        nxt = next((m for m in mentions if m.start >= at), None)
        unknown = re.compile(NAME).search(text, at, nxt.start if nxt else limit)
        if unknown is not None and gap.match(text[at:unknown.start()]):
            name, start = names.trim(unknown.group(), unknown.start())
            if not name:
                break
            if _COMPOUND_NOUN.fullmatch(name):
                break  # "CvV-medewerkers", "MKB-bedrijven": a kind of people or firms, no name
            name = names.joined_name(text, start, name, limit)
            mention = names.proposal(name, name, start, start + len(name), "partner", 0.6)
            listed.append(mention)
            if mention.new:
                proposed.append(mention)
            at, gap = start + len(name), _LIST_GAP
            continue
        if nxt is None or nxt.start >= limit or not gap.match(text[at:nxt.start]):
            break
        listed.append(nxt)
        at, gap = nxt.end, _LIST_GAP
    return longest(listed) if len(listed) > 1 else listed, proposed
