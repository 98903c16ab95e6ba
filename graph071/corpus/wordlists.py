"""Word lists and phrase rules the loaders use, read from data/ (words.csv, successions.csv).

Each entry has a `seen` column saying where in the documents it was found, so a
maintainer can judge it and extend a list for a next edition without touching code:

* words.csv, `list` column: organisation_word (a word that makes a capitalised phrase
  an organisation, never a person), organisation_part (the same, inside a word),
  function_word (a function written before a name: "wethouder"), lead_in (words before a
  list of names that are not a name: "tot nu toe zijn betrokken").
* successions.csv: sentences that say one project continues another (a regular
  expression with the groups `older` and `newer`, the cue shown to users, whether the
  newer side is looked up as an organisation first, and trigger words).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from graph071 import i18n
from graph071.corpus.manifest import bundled_data_dir
from graph071.corpus.tables import read_table
from graph071.errors import InputError

WORDS = "words.csv"
SUCCESSIONS = "successions.csv"
LISTS = ("organisation_word", "organisation_part", "function_word", "lead_in")


@dataclass(frozen=True)
class Succession:
    """One succession phrase of successions.csv."""

    pattern: str
    cue: str
    newer_is_organisation: bool
    triggers: tuple[str, ...]
    seen: str


@lru_cache(maxsize=1)
def _word_rows() -> tuple[tuple[str, str], ...]:
    def row(path, number: int, values: dict[str, str]) -> tuple[str, str]:
        name, word = (values["list"] or "").strip(), (values["word"] or "").strip()
        if name not in LISTS or not word:
            raise InputError(path, i18n.text("error:wordlists.word", "list {name!r} with word {word!r}",
                                             name=name, word=word), line=number,
                             hint=i18n.text("error:wordlists.word.hint", "lists are {lists}; a word may not be empty",
                                            lists=', '.join(LISTS)))
        return name, word
    return tuple(read_table(bundled_data_dir() / WORDS, ("list", "word", "seen"), row))


def words(name: str) -> tuple[str, ...]:
    """Return the words of one list of data/words.csv, in the file's order.

    >>> "wethouder" in words("function_word")
    True
    """
    return tuple(word for list_name, word in _word_rows() if list_name == name)


@lru_cache(maxsize=1)
def successions() -> tuple[Succession, ...]:
    """Return the succession phrases of data/successions.csv, in the file's order."""
    def row(path, number: int, values: dict[str, str]) -> Succession:
        pattern = values["pattern"] or ""
        if "(?P<older>" not in pattern and "(?P<newer>" not in pattern:
            raise InputError(path, i18n.text("error:wordlists.group",
                                             "a succession pattern needs a group (?P<older>...) or (?P<newer>...)"),
                             line=number)
        return Succession(pattern, values["cue"].strip(),
                          values["newer_is_organisation"].strip() == "ja",
                          tuple((values["triggers"] or "").split("|")) if values["triggers"]
                          else (), values["seen"].strip())
    return tuple(read_table(bundled_data_dir() / SUCCESSIONS,
                            ("pattern", "cue", "newer_is_organisation", "triggers", "seen"), row))
