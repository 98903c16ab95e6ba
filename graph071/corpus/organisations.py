"""Organisation resolution: surface forms as written -> one canonical organisation.

The curated table data/organisations.csv is the only place where we say that
"UvL" and "Universiteit van Leiden" are Universiteit Leiden. Loaders never
resolve names themselves; the graph builder does, through this module.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from graph071 import i18n
from graph071.errors import InputError
from graph071.schema import HELIX_SIDES, SECTORS
from graph071.corpus.tables import cell as table_cell
from graph071.corpus.tables import cells, read_table

REQUIRED_COLUMNS = ("name", "sector", "helix", "is_group", "aliases")


@dataclass(frozen=True)
class Organisation:
    """A row of the organisation table."""

    name: str
    sector: str
    helix: str
    is_group: bool
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    # The passage that makes the members clear: "<document id>: <quote>" (a long quote as
    # "start ... end"); "<document id>:<line>[-<line>]" still reads, but breaks on a re-wrap.
    members_source: str = ""
    note: str = ""

    @property
    def key(self) -> str:
        return slug(self.name)


_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})


def normalise(text: str) -> str:
    """Return the comparison form of a name: case, quotes, hyphens and spacing folded.

    >>> normalise(" VNO-NCW ")
    'vno ncw'
    >>> normalise("ROC ‘s") == normalise("ROC’s")
    True
    """
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).lower()
    text = re.sub(r"\s*'\s*s\b", "'s", text)
    text = re.sub(r"(?<=\w)-(?=\w)", " ", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .,;:")


def slug(text: str) -> str:
    """Return a stable id-safe key for a name.

    >>> slug("Universiteit Leiden")
    'universiteit-leiden'
    >>> slug("ROC’s")
    'rocs'
    """
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"'", "", text)
    text = re.sub(r"[^a-z0-9]+", "-", text)
    return text.strip("-")


class OrganisationTable:
    """The curated organisations, looked up by any of their surface forms."""

    def __init__(self, organisations: list[Organisation]) -> None:
        self.organisations = organisations
        self.by_name = {org.name: org for org in organisations}
        self._by_form: dict[str, Organisation] = {}
        for org in organisations:
            for form in (org.name, *org.aliases):
                self._by_form.setdefault(normalise(form), org)

    @classmethod
    def load(cls, path: Path) -> "OrganisationTable":
        """Read the table from `path`; a malformed row is an InputError naming the row."""
        return cls(read_table(path, REQUIRED_COLUMNS, _row_to_organisation))

    def resolve(self, text: str) -> Organisation | None:
        """Return the organisation `text` names, or None when no surface form matches."""
        return self._by_form.get(normalise(text))

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Return the canonical names closest to `text`, best first."""
        from rapidfuzz import fuzz, process, utils

        choices = {form: org.name for form, org in self._by_form.items()}
        matches = process.extract(normalise(text), list(choices), scorer=fuzz.WRatio,
                                  processor=utils.default_process, limit=limit * 3)
        names: list[str] = []
        for form, score, _ in matches:
            if score >= 60 and choices[form] not in names:
                names.append(choices[form])
        return names[:limit]


def _row_to_organisation(path: Path, number: int, row: dict[str, str]) -> Organisation:
    def cell(name: str) -> str:
        return table_cell(row, name)

    if not cell("name"):
        raise InputError(path, i18n.text("error:table.empty_name", "empty name"), line=number)
    if cell("sector") not in SECTORS:
        raise InputError(path, i18n.text("error:organisations.sector", "unknown sector {value!r}",
                                         value=cell('sector')), line=number,
                         hint=i18n.text("error:use_one_of", "use one of {choices}", choices=', '.join(SECTORS)))
    if cell("helix") not in HELIX_SIDES:
        raise InputError(path, i18n.text("error:organisations.helix", "unknown triple-helix side {value!r}",
                                         value=cell('helix')), line=number,
                         hint=i18n.text("error:use_one_of", "use one of {choices}", choices=', '.join(HELIX_SIDES)))
    if cell("is_group") not in ("yes", "no"):
        raise InputError(path, i18n.text("error:organisations.is_group", "is_group must be yes or no, not {value!r}",
                                         value=cell('is_group')), line=number)
    return Organisation(
        name=cell("name"), sector=cell("sector"), helix=cell("helix"),
        is_group=cell("is_group") == "yes", aliases=cells(row, "aliases"),
        members=cells(row, "members"), members_source=cell("members_source"), note=cell("note"),
    )
