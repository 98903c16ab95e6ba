"""How long a document of each kind holds, and how a card's categorie reads as a status:
periods.csv and statuses.csv, from the corpus folder or else the bundled data/. They are
read once, with the corpus (graph071.corpus.reader); graph071.build.periods applies them."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from graph071 import i18n
from graph071.corpus.manifest import bundled_data_dir
from graph071.errors import InputError

PERIODS = "periods.csv"
STATUSES = "statuses.csv"
RULES = ("programme", "edition", "news")


@dataclass(frozen=True)
class KindRule:
    """How long a document of one kind holds, and what readers call that kind."""

    kind: str
    rule: str  # programme, edition or news
    label_nl: str


def rules_file(data_dir: Path | str | None, name: str) -> Path:
    """Return the file `name` of the corpus folder, or the bundled one when it has none."""
    folder = Path(data_dir) if data_dir else None
    return folder / name if folder and (folder / name).is_file() else bundled_data_dir() / name


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Return (line number, row) of the CSV file `path`; blank and # lines left out."""
    numbered = [(number, line) for number, line in
                enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(line for _, line in numbered)
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(path, i18n.text("error:tables.columns", "missing column(s) {columns}",
                                         columns=", ".join(missing)),
                         line=numbered[0][0] if numbered else 1)
    return [(number, {k: (v or "").strip() for k, v in row.items() if k})
            for (number, _), row in zip(numbered[1:], reader)]


def kind_rules(data_dir: Path | str | None = None) -> dict[str, KindRule]:
    """Return the period rule per document kind (periods.csv of the corpus, else the bundled one)."""
    path = rules_file(data_dir, PERIODS)
    rules = {}
    for line, row in _rows(path, ("kind", "rule", "label_nl")):
        if row["rule"] not in RULES:
            raise InputError(path, i18n.text("error:periods.rule", "unknown rule {rule!r}", rule=row["rule"]),
                             line=line, hint=i18n.text("error:periods.rule.hint", "use programme, edition or news"))
        rules[row["kind"]] = KindRule(row["kind"], row["rule"], row["label_nl"])
    return rules


def status_rules(data_dir: Path | str | None = None) -> list[tuple[re.Pattern, str]]:
    """Return (pattern, status) pairs that turn a card's categorie into a status, in order
    (statuses.csv of the corpus, else the bundled one)."""
    path = rules_file(data_dir, STATUSES)
    found = []
    for line, row in _rows(path, ("pattern", "status")):
        try:
            found.append((re.compile(row["pattern"], re.IGNORECASE), row["status"]))
        except re.error as error:
            raise InputError(path, i18n.text("error:periods.pattern", "pattern {pattern!r} is no regular "
                                             "expression ({error})", pattern=row["pattern"], error=error),
                             line=line, hint=i18n.text("error:periods.pattern.hint",
                                                       "write it as in Python's re module")) from None
    return found
