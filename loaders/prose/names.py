"""Names the tables do not know yet: proposed organisations, near misses, and people with their roles.

Organisations are proposed from the name patterns of data/prose_patterns.csv
(a head word such as "stichting" before a name, a tail such as "B.V." after it, a
name followed by its acronym in parentheses); `near_miss` first asks whether the
name is a small spelling or word-order variant of a known one (rapidfuzz, with the
threshold bench/fuzzy_threshold.py measures). People are read from a function word
before or after a capitalised name ("wethouder Fleur Spijker van de gemeente
Leiden", "Bas Reichert, voorzitter van ...", "Martijn van Pelt (VNO-NCW)").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from graph071.corpus.organisations import slug
from graph071.loaders.prose.lexicon import Entity, Lexicon, fold, key_of
from graph071.loaders.prose.mentions import NAME, Mention, Paragraph, Spans
from graph071.schema import Node, node_id

# A score (0-100, rapidfuzz token_sort_ratio on folded names) at or above which a name
# is read as a known organisation. bench/fuzzy_threshold.py measures it on the table: the
# closest two different organisations score 87.8 ("Ondernemend Leiden" ~ "Ondernemersfonds
# Leiden"), the composed variants (word order, a typo, a hyphen) 94-100; a name with an
# added qualifier ("Innovation Quarter Zuid-Holland", 73.5) stays a proposal for review.
FUZZY_THRESHOLD = 88.0
SUGGESTION_FLOOR = 60.0

_PARTICLES = r"(?:van|de|der|den|ter|ten|te|von|da|di|du|le|la|'t|in\s+'t)"
_GIVEN = r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?"
PERSON = (rf"{_GIVEN}(?:\s+[A-Z]\.)*(?:\s+{_PARTICLES})*\s+[A-Z][a-zà-ÿ'’]+"
          rf"(?:-[A-Z][a-zà-ÿ]+)?")
_ACRONYM = re.compile(rf"(?P<name>{NAME})\s*\((?P<acronym>[A-Z][A-Za-z0-9&.\-]{{1,11}})\)")
_NAME = re.compile(NAME)
_LEGAL_FORM = re.compile(r"\s+(B\.V\.|N\.V\.|BV\b|NV\b)")
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[^()\s]{2,12})\)")
# "X en Y ..." may be one name: X one ordinary capitalised word, then "en", "and" or "&".
_ORDINARY_WORD = re.compile(r"[A-Z][a-zà-ÿ]+")
_COORDINATION = re.compile(r"\s+(en|and|&)\s+")
_FOR_ORGANISATION = re.compile(r"^\s*(?:,\s*)?(?:van|bij|namens|of|at|for|from)\s+"
                               r"(?:de\s+|het\s+|the\s+)?|^\s*\(\s*", re.IGNORECASE)


@dataclass
class RoleFound:
    """A person's function as a sentence states it, with the organisation or project it is for."""

    person: Mention
    role: str  # as written: "wethouder", "voorzitter"
    meaning: str  # voorzitter, projectleider, trekker, opdrachtgever or works_for
    target: Mention | None
    start: int
    end: int


@dataclass
class NameReader:
    """The compiled name patterns of one lexicon."""

    lexicon: Lexicon
    stops: set[str] = field(default_factory=set)
    roles: dict[str, str] = field(default_factory=dict)
    _capitalised: tuple[Paragraph, list[tuple[str, int, int]]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        patterns = self.lexicon.patterns
        self.stops = patterns.words("name_stop")
        self.region_tails = patterns.words("name_region_tail")
        self.roles = {row["pattern"].lower(): row["value"] for row in patterns.of("person_role")}
        role = "|".join(re.escape(r).replace(r"\ ", r"\s+")
                        for r in sorted(self.roles, key=len, reverse=True))
        self.role_after = re.compile(rf"(?P<person>{PERSON})\s*,\s*(?:(?:de|het|the)\s+)?"
                                     rf"(?P<role>(?i:{role}))\b")
        # "wethouder Fleur Spijker"; in English also "its chairman, Bas Reichert".
        self.role_before = re.compile(rf"(?<![\w-])(?P<role>(?i:{role}))(?:\s+|,\s+(?=[A-Z]\w+\s+"
                                      rf"(?:{_PARTICLES}\s+)*[A-Z]\w+\s*,))(?P<person>{PERSON})")
        self.role_is = re.compile(
            rf"(?P<person>{PERSON})\s+(?:is|wordt|was|werd|blijft|has\s+been|is\s+now|becomes|became)"
            rf"\s+(?:(?:per|sinds|vanaf|from|since|as\s+of)\s+\d{{1,2}}\s+\w+(?:\s+\d{{4}})?\s+)?"
            rf"(?:(?:benoemd|gekozen)\s+(?:tot|als)\s+|(?:appointed|elected)\s+(?:as\s+)?)?"
            rf"(?:(?:de|het|the|a|an)\s+)?(?:(?:nieuwe|new)\s+)?(?P<role>(?i:{role}))\b")
        self.role_inverted = re.compile(
            rf"\b(?:is|wordt|werd|was)\s+(?P<person>{PERSON})\s+(?:(?:de|het)\s+)?(?:nieuwe\s+)?"
            rf"(?P<role>(?i:{role}))\b")
        self.person_org = re.compile(rf"(?P<person>{PERSON})\s*\((?P<org>[^()]{{2,60}})\)")
        tails = sorted(patterns.words("org_tail"), key=len, reverse=True)
        self.tails = {t.lower(): t for t in tails}
        self.choices = {key_of(form).strip(): forms[0].entity
                        for form, forms in ((f.text, fs) for fs in self.lexicon.forms.values()
                                            for f in fs)
                        if forms[0].entity.kind == Node.ORGANISATION}
        self.choices.update({key_of(org.name).strip(): self.lexicon.entity_of_organisation(org.name)
                             for org in self.lexicon.organisations.organisations})

    # ------------------------------------------------------------------ organisations

    def near_miss(self, name: str) -> tuple[Entity | None, float, list[str]]:
        """Return (the known organisation `name` is a variant of or None, its score, suggestions)."""
        query = key_of(name).strip()
        if not query or not self.choices:
            return None, 0.0, []
        found = process.extract(query, list(self.choices), scorer=fuzz.token_sort_ratio, limit=8)
        suggestions: list[str] = []
        for form, score, _ in found:
            if score >= SUGGESTION_FLOOR and self.choices[form].name not in suggestions:
                suggestions.append(self.choices[form].name)
        best_form, best, _ = found[0]
        entity = self.choices[best_form] if best >= FUZZY_THRESHOLD else None
        return entity, float(best), suggestions[:3]

    def proposal(self, name: str, surface: str, start: int, end: int, how: str,
                 confidence: float, alias: str = "") -> Mention:
        """Return a mention of `name`: known when it is a near miss, proposed otherwise."""
        known = self.lexicon.entity_of_organisation(name)
        if known is not None:
            return Mention(Node.ORGANISATION, known.name, surface, start, end, known, 1.0, how)
        entity, score, suggestions = self.near_miss(name)
        if entity is not None:
            return Mention(Node.ORGANISATION, entity.name, surface, start, end, entity,
                           round(score / 100, 2), "fuzzy")
        return Mention(Node.ORGANISATION, name, surface, start, end, None, confidence, how,
                       alias, suggestions)

    def with_known_acronym(self, text: str, mention: Mention) -> Mention:
        """Return a proposed name followed by a known acronym ("... Katwijk (KOV)") as that organisation."""
        following = _ACRONYM_AFTER.match(text, mention.end)
        known = self.lexicon.entity_of_organisation(following.group("acronym")) if following else None
        if known is None:
            return mention
        end = following.end()
        return Mention(Node.ORGANISATION, known.name, text[mention.start:end], mention.start, end,
                       known, 0.9, "acronym")

    def trim(self, text: str, start: int) -> tuple[str, int]:
        """Return a capitalised run without its leading sentence words ("Samen", "De")."""
        words = text.split(" ")
        while words and words[0].lower() in self.stops:
            start += len(words[0]) + 1
            words = words[1:]
        return " ".join(words), start

    def organisations(self, paragraph: Paragraph, taken: list[Mention]) -> list[Mention]:
        """Return organisations proposed by an acronym in parentheses or a tail word."""
        found: list[Mention] = []
        for match in _ACRONYM.finditer(paragraph.text):
            name, start = self.trim(match.group("name"), match.start())
            acronym = match.group("acronym")
            if not name or sum(ch.isupper() for ch in acronym) < 2 or _inside(start, match.end(), taken):
                continue
            if not acronym_fits(acronym, name):
                continue
            found.append(self.proposal(name, paragraph.text[start:match.end()], start, match.end(),
                                       "acronym", 0.75, acronym))
        for name, start, name_end in self.capitalised(paragraph):
            words = name.split()
            tail = self._tail(paragraph.text, name_end, words)
            if not tail or len(words) < 1 + (tail == words[-1]) or _inside(start, name_end, taken):
                continue
            end = name_end if tail == words[-1] else name_end + len(tail) + 1
            found.append(self.proposal(paragraph.text[start:end], paragraph.text[start:end],
                                       start, end, "tail", 0.7))
        return found

    def capitalised(self, paragraph: Paragraph) -> list[tuple[str, int, int]]:
        """Return the capitalised runs of a paragraph: (run trimmed, its start, where it ends).

        Kept for the last paragraph: the near misses and the proposals both read them, and
        scanning a long paragraph twice is costly.
        """
        if self._capitalised is None or self._capitalised[0] is not paragraph:
            runs = [(*self.trim(m.group(), m.start()), m.end()) for m in _NAME.finditer(paragraph.text)]
            self._capitalised = (paragraph, runs)
        return self._capitalised[1]

    def joined_name(self, text: str, start: int, name: str, limit: int) -> str:
        """Return `name` continued over "en", "and" or "&" where the whole reads as one name.

        "Transport en Logistiek Nederland" is one organisation: one ordinary word, "en",
        and a name of two words or more ending in a country or region word
        (data/prose_patterns.csv, name_region_tail); "Ernst & Young" is one name too. A
        known name or place on the left ("Leiden en Leiderdorp"), a left side of more
        than one word, or a right side that is only a region stays a list.
        """
        key = key_of(name)
        if not _ORDINARY_WORD.fullmatch(name) or name.lower() in self.stops \
                or self.lexicon.decided(key) or self.lexicon.entity_of_organisation(name):
            return name
        glue = _COORDINATION.match(text, start + len(name))
        right = re.compile(NAME).match(text, glue.end()) if glue else None
        if right is None or right.end() > limit:
            return name
        words = right.group().split()
        if glue.group(1) == "&" or (len(words) >= 2 and words[-1].lower() in self.region_tails):
            return text[start:right.end()]
        return name

    def _tail(self, text: str, end: int, words: list[str]) -> str:
        following = _LEGAL_FORM.match(text, end)
        if following:
            return following.group(1)
        return words[-1] if words and words[-1].lower() in self.tails else ""

    # ------------------------------------------------------------------ people

    def people(self, paragraph: Paragraph, mentions: list[Mention]) -> list[RoleFound]:
        """Return the people a paragraph names with a function, each with what it is for."""
        found: list[RoleFound] = []
        text = paragraph.text
        index = MentionIndex(mentions)
        for pattern in (self.role_after, self.role_before, self.role_is, self.role_inverted):
            for match in pattern.finditer(text):
                person = self.person(match.group("person"), match.start("person"), mentions, index)
                if person is None:
                    continue
                role = " ".join(match.group("role").lower().split())
                target = self._target(text, match.end(), mentions, index)
                found.append(RoleFound(person, role, self.roles[role], target, match.start(),
                                       target.end if target else match.end()))
        for match in self.person_org.finditer(text):
            person = self.person(match.group("person"), match.start("person"), mentions, index)
            inner = index.first_inside(match.start("org"), match.end("org"))
            if person is not None and inner and not any(f.person.start == person.start for f in found):
                found.append(RoleFound(person, "", "works_for", inner, match.start(), match.end()))
        return found

    def person(self, written: str, start: int, mentions: list[Mention],
               index: MentionIndex | None = None) -> Mention | None:
        """Return the person `written` names, or None when it is not a person's name."""
        words = written.split()
        if words[0].lower() in self.stops or words[0].lower() in self.roles:
            return None
        index = index or MentionIndex(mentions)
        end = start + len(written)
        if index.others.overlaps(start, end):
            return None  # a known organisation or project, not a person
        if self.lexicon.entity_of_organisation(written) or self.lexicon.entity_of_project(written):
            return None
        known = index.person_at.get(start)
        if known is not None:
            return known
        name = " ".join(words)
        return Mention(Node.PERSON, name, written, start, end, None, 0.8, "person")

    def surnames(self, paragraph: Paragraph, people: list[tuple[int, Mention]],
                 taken: list[Mention]) -> list[Mention]:
        """Return the later mentions of people by surname alone ("Bongers" after "Jasmijn Bongers").

        `people` are (where in the paragraph, -1 for an earlier one; the person's mention).
        Only a surname that one person named before it has; not where a capitalised word
        before it makes it another person's name ("Jan Bongers"), and not at the start of a
        sentence when the text also uses it as a word ("Winter" and "winter").
        """
        by_surname: dict[str, list[tuple[int, Mention]]] = {}
        for at, person in people:
            words = person.name.split()
            if len(words) >= 2:
                by_surname.setdefault(" ".join(words[1:]).lower(), []).append((at, person))
        text = paragraph.text
        folded = text.lower()
        found: list[Mention] = []
        for surname, named in by_surname.items():
            if surname not in folded:
                continue
            pattern = re.compile(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", re.IGNORECASE)
            as_word = re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text) is not None
            for match in pattern.finditer(text):
                start, end = match.span()
                before = {p.name: p for at, p in named if at < start}
                if len(before) != 1 or not match.group().split()[-1][:1].isupper() \
                        or _inside(start, end, taken) or self._another_given_name(text, start) \
                        or (as_word and paragraph.sentence_at(start)[0] == start):
                    continue  # nobody or two people before it; a word; another person
                person = next(iter(before.values()))
                found.append(Mention(Node.PERSON, person.name, match.group(), start, end,
                                     person.entity, 0.8, "surname"))
        return found

    def _another_given_name(self, text: str, start: int) -> bool:
        before = re.search(r"([A-Z][a-zà-ÿ]+)\s+$", text[max(0, start - 30):start])
        return before is not None and before.group(1).lower() not in self.stops

    def _target(self, text: str, end: int, mentions: list[Mention],
                index: MentionIndex | None = None) -> Mention | None:
        glue = _FOR_ORGANISATION.match(text[end:end + 30])
        if glue is None:
            return None
        # The mention may hold the article the glue read ("de Kamer van Koophandel" is an alias).
        return (index or MentionIndex(mentions)).other_covering(end, end + glue.end())


class MentionIndex:
    """A paragraph's mentions, indexed for what the name reader asks at every match: asking
    the whole list each time is quadratic in a long paragraph full of names."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.others = Spans([m for m in mentions if m.kind != Node.PERSON])
        self.person_at: dict[int, Mention] = {}  # start -> the first person mention there
        for mention in mentions:
            if mention.kind == Node.PERSON:
                self.person_at.setdefault(mention.start, mention)
        self.order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
        self.starts = [mentions[i].start for i in self.order]

    def inside(self, start: int, end: int) -> list[Mention]:
        """Return the mentions written within start..end, in list order."""
        low, high = bisect_left(self.starts, start), bisect_right(self.starts, end)
        return [self.mentions[i] for i in sorted(i for i in self.order[low:high]
                                                 if self.mentions[i].end <= end)]

    def first_inside(self, start: int, end: int) -> Mention | None:
        """Return the first mention (in list order) written within start..end, or None."""
        return next(iter(self.inside(start, end)), None)

    def other_covering(self, low: int, at: int) -> Mention | None:
        """Return the first mention (in list order), not a person, that starts within
        low..at and goes on past `at`."""
        first, last = bisect_left(self.starts, low), bisect_right(self.starts, at)
        found = [i for i in self.order[first:last]
                 if self.mentions[i].kind != Node.PERSON and self.mentions[i].end > at]
        return self.mentions[min(found)] if found else None


def acronym_fits(acronym: str, name: str) -> bool:
    """Return whether the capitals of `acronym` are initials of `name`'s words, in order.

    >>> acronym_fits("LBSP", "Entrepreneurs Association Leiden Bio Science Park")
    True
    >>> acronym_fits("IoT", "Things")
    False
    """
    initials = iter(word[0].upper() for word in re.findall(r"\w+", name))
    return all(any(ch == initial for initial in initials) for ch in acronym if ch.isupper())


def _inside(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(m.start <= start and end <= m.end for m in mentions)


def person_id(name: str) -> str:
    """Return the node id a person of this name gets (graph071.build resolves PersonName so)."""
    return node_id(Node.PERSON, slug(name))


def folded(text: str) -> str:
    """Return the comparison form of a proposed name."""
    return " ".join(fold(text).split())
