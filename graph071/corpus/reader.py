"""The corpus read in one pass: manifest, curated tables, documents and corrections.

`read_corpus` is the first step of the pipeline (graph071.build.pipeline): after it,
nothing reads a file of the corpus again. Loaders get what they need of it through
graph071.loaders.ParseContext.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from graph071.corpus.corrections import Correction, corrections_in, read_corrections
from graph071.corpus.manifest import (ORGANISATIONS, READ_BY_LOADER, Document, DocumentEntry,
                                      bundled_data_dir, read_document, read_manifest)
from graph071.errors import InputError
from graph071.corpus.organisations import OrganisationTable
from graph071.corpus.projects import ProjectTable


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
    return corpus
