"""The message catalogue: every text users read, in Dutch (the default) and English.

graph071/i18n/messages.csv holds one row per text: its key, the Dutch text and the
English text (empty: the English text written in the code, such as a command's
docstring). `use("en")` or GRAPH071_LANG=en switches to English; `text(key)` gives
the text in the language in use.

A message with values is written once, in English, where it is raised, with a key
whose Dutch row is in messages.csv (its en column left empty, so the code stays the
one English text):

    raise InputError(path, text("error:extract.unsupported",
                                "cannot read {suffix} files", suffix=suffix))

Errors are said when they are raised (the CLI chose the language before any library
code runs). Warnings are kept in a build that is cached and shown later, perhaps in
the other language, so they keep key and values: `said(...)` gives a `Said`, which
becomes text only when it is shown.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from graph071.errors import Graph071Error

LANGUAGES = ("nl", "en")
DEFAULT = "nl"
ENVIRONMENT = "GRAPH071_LANG"
_chosen: list[str] = []  # the language use() chose; empty: the environment decides


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """Return key -> {"nl": ..., "en": ...} from messages.csv (rows starting "#" skipped)."""
    text = (resources.files("graph071.i18n") / "messages.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(keepends=True))
    return {row["key"]: {"nl": row["nl"], "en": row["en"]} for row in rows
            if row["key"] and not row["key"].startswith("#")}


def checked(lang: str) -> str:
    """Return `lang` when graph071 speaks it, else raise Graph071Error (in Dutch and English)."""
    if lang.lower() in LANGUAGES:
        return lang.lower()
    raise Graph071Error(f"onbekende taal {lang!r} / unknown language {lang!r}",
                        hint="kies nl of en / choose nl or en")


def use(lang: str | None) -> str:
    """Use `lang` (nl or en; None: GRAPH071_LANG, else Dutch) from now on; return it."""
    _chosen[:] = [checked(lang or os.environ.get(ENVIRONMENT) or DEFAULT)]
    return _chosen[0]


def language() -> str:
    """Return the language in use: nl or en."""
    return _chosen[0] if _chosen else checked(os.environ.get(ENVIRONMENT) or DEFAULT)


def text(key: str, default: str | None = None, /, **values: object) -> str:
    """Return the text of `key` in the language in use, with `values` filled in.

    An English row left empty (or a key not in the catalogue) gives `default`, the
    text in the code; without a default the key itself, so a gap shows rather than hides.
    `key` and `default` are positional only, so a message may have a {key} placeholder.
    """
    return text_in(language(), key, default, **values)


def text_in(lang: str, key: str, default: str | None = None, /, **values: object) -> str:
    """Return the text of `key` in `lang` (nl or en), with `values` filled in."""
    entry = catalogue().get(key, {})
    found = entry.get(lang) or default or entry.get(DEFAULT) or key
    # A value that is itself a message (a warning about a correction) is said in `lang` too.
    values = {name: _said_in(lang, value) for name, value in values.items()}
    return found.format(**values) if values else found


def _said_in(lang: str, value: object) -> object:
    if isinstance(value, Said):
        return text_in(lang, value.key, value.default, **dict(value.values))
    return value


def language_in(args: list[str]) -> str | None:
    """Return the value of --lang in command-line `args` (--lang en or --lang=en), if any.

    >>> language_in(["--lang", "en", "hubs"]), language_in(["--lang=nl"]), language_in(["hubs"])
    ('en', 'nl', None)
    """
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


@dataclass(frozen=True)
class Said:
    """A message kept as key, English default and values; str() says it in the language in use.

    >>> str(Said("nosuch:key", "{n} cards", (("n", 2),)))
    '2 cards'
    """

    key: str
    default: str
    values: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return text(self.key, self.default, **dict(self.values))


def english(message: object) -> str:
    """Return `message` in English: a Said in English, anything else as str().

    A message's English text is its stable form, the same whichever language is in use
    (review ids are made from it).
    """
    return str(_said_in("en", message))


def said(key: str, default: str, /, **values: object) -> Said:
    """Return the message `key` (English `default`, `values` filled in) to be said later."""
    return Said(key, default, tuple(values.items()))
