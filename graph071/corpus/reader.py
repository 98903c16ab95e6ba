"""The corpus read in one pass: manifest, curated tables, documents, corrections, and the
rules and decisions a build applies (periods, statuses, checked findings, review).

`read_corpus` is the first step of the pipeline (graph071.build.pipeline): after it,
nothing reads a file of the corpus again. Loaders get what they need of it through
graph071.loaders.ParseContext. (Every file of the corpus folder and of the bundled data/
is in the build cache's key, graph071.build.cache, whether read here or not.)
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph071.corpus.corrections import Correction, corrections_in, read_corrections
from graph071.corpus.manifest import (ORGANISATIONS, READ_BY_LOADER, Document, DocumentEntry,
                                      bundled_data_dir, read_document, read_manifest)
from graph071.corpus.organisations import OrganisationTable
from graph071.corpus.periods import KindRule, kind_rules, status_rules
from graph071.corpus.projects import ProjectTable
from graph071.corpus.tables import read_table
from graph071.errors import InputError

CHECKED = "checked.csv"  # findings of the completeness checks a maintainer looked at
REVIEW = "review.csv"  # decisions taken in `graph071 review` (graph071.loaders.prose.review)


@dataclass
class Corpus:
    """Everything a build reads, read once: the documents in manifest order, the curated
    organisation and project tables, and the corrections in apply order."""

    data_dir: Path
    entries: list[DocumentEntry]
    organisations: OrganisationTable
    projects: ProjectTable
    documents: dict[str, Document] = field(default_factory=dict)
    # Documents that could not be read, by id: each fails alone (graph071.build.pipeline).
    unread: dict[str, InputError] = field(default_factory=dict)
    corrections: list[Correction] = field(default_factory=list)
    # periods.csv and statuses.csv of the corpus, else the bundled ones (graph071.corpus.periods).
    period_rules: dict[str, KindRule] = field(default_factory=dict)
    status_rules: list[tuple[re.Pattern, str]] = field(default_factory=list)
    # checked.csv: (document, check, subject) -> why a maintainer let the finding be.
    checked: dict[tuple[str, str, str], str] = field(default_factory=dict)
    # review.csv: the decisions of `graph071 review`, as rows, in the order taken.
    review: list[dict[str, str]] = field(default_factory=list)


def read_corpus(data_dir: Path | None = None) -> Corpus:
    """Return the corpus at `data_dir` (default: the bundled one), every file read and checked.

    A table or list that cannot be read raises InputError (or SheetError for a spreadsheet
    of corrections) naming the file and the line; a published document that cannot be read
    is kept in `unread` with its error, so the rest of the corpus still builds.
    """
    data_dir = Path(data_dir) if data_dir else bundled_data_dir()
    entries = read_manifest(data_dir)
    corpus = Corpus(data_dir, entries, OrganisationTable.load(data_dir / ORGANISATIONS),
                    ProjectTable.for_corpus(data_dir))
    for entry in entries:
        try:
            corpus.documents[entry.id] = read_document(data_dir, entry)
        except InputError as error:
            if Path(entry.file).suffix.lower() in READ_BY_LOADER:
                raise  # a maintainer's own list with a mistake is refused whole
            corpus.unread[entry.id] = error
    for path in corrections_in(data_dir):
        corpus.corrections.extend(read_corrections(path))
    corpus.period_rules, corpus.status_rules = kind_rules(data_dir), status_rules(data_dir)
    corpus.checked, corpus.review = read_checked(data_dir), read_review(data_dir)
    return corpus


def read_checked(data_dir: Path) -> dict[tuple[str, str, str], str]:
    """Return the findings a maintainer checked (checked.csv of the corpus): key -> reason."""
    path = Path(data_dir) / CHECKED
    if not path.is_file():
        return {}
    rows = read_table(path, ("document", "check", "subject", "reason"),
                      lambda p, n, row: ((row["document"].strip(), row["check"].strip(),
                                          row["subject"].strip()), row["reason"].strip()))
    return dict(rows)


def read_review(data_dir: Path) -> list[dict[str, str]]:
    """Return the rows of review.csv of the corpus (none when it has none), # lines left out."""
    path = Path(data_dir) / REVIEW
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))
