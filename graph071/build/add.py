"""Adding a document or a spreadsheet to a corpus: check that it reads, then write its manifest row.

A new edition of a known kind is one manifest row: it takes the loader of the
newest document of that kind. An Excel or CSV list takes the spreadsheet loader
of its kind (actions or projects). Nothing is written when the file does not
read: the loader's InputError (naming sheet, row and column) comes back as is.
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from graph071 import i18n
from graph071 import loaders
from graph071.build.completeness import completeness
from graph071.build.reading import read_without_furniture
from graph071.corpus.extract import Extracted, extract
from graph071.corpus.labels import corpus_labels
from graph071.corpus.manifest import (EDITION, MANIFEST, ORGANISATIONS, DocumentEntry, append_to_manifest,
                     bundled_data_dir, read_document, read_manifest)
from graph071.errors import InputError
from graph071.build.builder import assemble
from graph071.build.cache import cached_build
from graph071.build.pipeline import parse_context
from graph071.build.review import people_of
from graph071.loaders import ParseContext
from graph071.loaders.prose.loader import LOADER_NAME as PROSE_LOADER
from graph071.corpus.organisations import OrganisationTable, slug
from graph071.corpus.projects import ProjectTable
from graph071.corpus.reader import Corpus, read_checked, read_review
from graph071.records import LoadResult, ParseWarning
from graph071.corpus.sheets import SPREADSHEET_SUFFIXES

# Read into text first; the text is written beside the original.
EXTRACTED = (".pdf", ".docx", ".html", ".htm")
# Kinds of free text (news items, partner profiles, council letters): the prose reader.
TEXT_LOADERS = {"text": PROSE_LOADER, "tekst": PROSE_LOADER}
# Document kind -> the loader that reads a spreadsheet of that kind.
SPREADSHEET_LOADERS = {"actions": "spreadsheet_actions", "action_programme": "spreadsheet_actions",
                       "projects": "spreadsheet_projects", "project_cards": "spreadsheet_projects"}


@dataclass
class Added:
    """What `add_document` did: the manifest row it wrote and what the file gave."""

    entry: DocumentEntry
    manifest: Path
    line: int
    copied_to: Path | None
    nodes: dict[str, int]  # node kind -> how many the file gave
    edges: dict[str, int]
    warnings: list[ParseWarning] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)  # names not in organisations.csv


def add_document(path: Path, kind: str, edition: str, *, data_dir: Path | None = None,
                 title: str | None = None, loader: str | None = None,
                 document_id: str | None = None, publisher: str = "") -> Added:
    """Return what was added after checking that `path` reads and appending its manifest row.

    A file outside the corpus folder is copied into its documents/ folder first.
    Raises InputError (and writes nothing) when the file is missing or does not read,
    the edition is not a date, the id is taken or no loader fits.
    """
    data_dir = Path(data_dir) if data_dir else bundled_data_dir()
    path = Path(path)
    entries = read_manifest(data_dir)
    if not path.is_file():
        raise InputError(path, i18n.text("error:file_not_found", "file not found"),
                         hint=i18n.text("error:add.not_found.hint", "give the path of the file to add"))
    if not EDITION.match(edition):
        raise InputError(path, i18n.text("error:add.edition", "edition {edition!r} is not a date", edition=edition),
                         hint=i18n.text("error:add.edition.hint", "write --edition 2024, 2024-03 or 2024-03-01"))
    loader = loader or _loader_for(path, kind, entries)
    read = loaders.get(loader)
    if read is None:
        raise InputError(path, i18n.text("error:unknown_loader", "unknown loader {loader!r}", loader=loader),
                         hint=i18n.text("error:known_loaders", "known loaders: {loaders}",
                                        loaders=', '.join(loaders.names())))
    document_id = document_id or slug(path.stem)
    taken = next((e for e in entries if e.id == document_id), None)
    if taken is not None:
        raise InputError(path, i18n.text("error:add.id_taken", "document id {id!r} is already used on line {line} of "
                                         "{file}", id=document_id, line=taken.manifest_line, file=data_dir / MANIFEST),
                         hint=i18n.text("error:add.id_taken.hint", "choose another with --id"))
    file, copy_to = _place(path, data_dir, entries)
    extracted, text_file = _extract(path, file, data_dir, entries)
    entry = DocumentEntry(file=text_file or file, id=document_id,
                          title=title or (extracted.title if extracted else "") or path.stem,
                          publisher=publisher, edition=edition, kind=kind, loader=loader,
                          extra={"original": file} if text_file else {})

    corpus = Corpus(data_dir, [entry], OrganisationTable.load(data_dir / ORGANISATIONS),
                    ProjectTable.for_corpus(data_dir), checked=read_checked(data_dir),
                    review=read_review(data_dir))
    written = _write(path, copy_to, extracted, data_dir / text_file if text_file else None)
    try:
        # Read it exactly as `build` will, from its place in the corpus (its labels.csv too).
        with corpus_labels(data_dir):
            document = corpus.documents[entry.id] = read_document(data_dir, entry)
            result = read_without_furniture(read, document, _context(corpus, loader))
            built = assemble([result], corpus.organisations, corpus.documents, data_dir)
            built.warnings.extend(_completeness(result, entry, entries, corpus))
    except BaseException:
        for made in written:
            made.unlink(missing_ok=True)  # a file that does not read is not added
        raise
    line = append_to_manifest(data_dir, entry)
    nodes = Counter(record.kind for record in result.nodes)
    edges = Counter(record.kind for record in result.edges)
    return Added(replace(entry, manifest_line=line), data_dir / MANIFEST, line, copy_to,
                 dict(sorted(nodes.items())), dict(sorted(edges.items())), built.warnings,
                 sorted(built.unresolved))


def _context(corpus: Corpus, loader: str) -> ParseContext:
    """Return the parse context of a new document; a text also gets the people the corpus
    names, as `build` gives them (graph071.build.pipeline reads texts last for that)."""
    context = parse_context(corpus)
    if loader == PROSE_LOADER:
        context.people.update(people_of(cached_build(corpus.data_dir).graph))
    return context


def _completeness(result: LoadResult, entry: DocumentEntry, entries: list[DocumentEntry],
                  corpus: Corpus) -> list[ParseWarning]:
    """Return the completeness findings of the new document, compared with the previous
    edition of its series (read again for that)."""
    same_kind = sorted((e for e in entries if e.kind == entry.kind and e.edition <= entry.edition),
                       key=lambda e: e.edition)
    results = [result]
    if same_kind:
        previous = same_kind[-1]
        read = loaders.get(previous.loader)
        try:
            results.insert(0, read(read_document(corpus.data_dir, previous), parse_context(corpus)))
        except InputError:
            pass  # the previous edition does not read: `check` says so; nothing to compare
    found = completeness(results, [*same_kind[-1:], entry], corpus.checked)
    return [w for w in found if w.document == entry.id]


def _extract(path: Path, file: str, data_dir: Path, entries: list[DocumentEntry]
             ) -> tuple[Extracted | None, str | None]:
    """Return the text of a PDF, Word file or web page and the manifest value of its text
    file beside the original (documents/kaarten.pdf -> documents/kaarten.txt)."""
    if path.suffix.lower() not in EXTRACTED:
        return None, None
    extracted = extract(path)
    text_file = Path(file).with_suffix(".txt").as_posix()
    listed = next((e for e in entries if e.file == text_file), None)
    target = data_dir / text_file
    if listed is not None or (target.exists() and target.read_text(encoding="utf-8")
                              != extracted.text):
        raise InputError(path, i18n.text("error:add.text_taken", "{file} is already in the corpus and holds another "
                                         "text", file=text_file),
                         hint=i18n.text("error:add.rename.hint", "rename your file before adding it"))
    return extracted, text_file


def _write(path: Path, copy_to: Path | None, extracted: Extracted | None,
           text_path: Path | None) -> list[Path]:
    """Copy the original into the corpus and write its text; return the files made."""
    written: list[Path] = []
    if copy_to is not None:
        copy_to.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy_to)
        written.append(copy_to)
    if extracted is not None and text_path is not None and not text_path.exists():
        text_path.write_text(extracted.text, encoding="utf-8")
        written.append(text_path)
    return written


def _loader_for(path: Path, kind: str, entries: list[DocumentEntry]) -> str:
    if kind in TEXT_LOADERS and path.suffix.lower() not in SPREADSHEET_SUFFIXES:
        return TEXT_LOADERS[kind]
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        if kind not in SPREADSHEET_LOADERS:
            raise InputError(path, i18n.text("error:add.no_sheet_loader", "no spreadsheet loader for kind {kind!r}",
                                             kind=kind),
                             hint=i18n.text("error:add.no_sheet_loader.hint",
                                            "an Excel or CSV list takes --kind actions or --kind projects"))
        return SPREADSHEET_LOADERS[kind]
    same_kind = sorted((e for e in entries if e.kind == kind
                        and Path(e.file).suffix.lower() not in SPREADSHEET_SUFFIXES),
                       key=lambda e: e.edition)
    if not same_kind:
        kinds = sorted({e.kind for e in entries})
        raise InputError(path, i18n.text("error:add.no_kind", "no document of kind {kind!r} in the corpus yet, so no "
                                         "loader to copy", kind=kind),
                         hint=i18n.text("error:add.no_kind.hint", "known kinds: {kinds}; or name one with --loader "
                                        "({loaders})", kinds=', '.join(kinds), loaders=', '.join(loaders.names())))
    return same_kind[-1].loader


def _place(path: Path, data_dir: Path, entries: list[DocumentEntry]) -> tuple[str, Path | None]:
    """Return (the manifest's file value, where to copy the file to, or None)."""
    try:
        file, target = path.resolve().relative_to(data_dir.resolve()).as_posix(), None
    except ValueError:
        target = data_dir / "documents" / path.name
        file = target.relative_to(data_dir).as_posix()
        if target.exists() and target.read_bytes() != path.read_bytes():
            raise InputError(path, i18n.text("error:add.file_taken", "{file} exists already and holds another file",
                                             file=target),
                             hint=i18n.text("error:add.rename.hint", "rename your file before adding it")) from None
    listed = next((e for e in entries if e.file == file), None)
    if listed is not None:
        raise InputError(path, i18n.text("error:add.listed", "{file} is already in the manifest (line {line}, id {id!r})",
                                         file=file, line=listed.manifest_line, id=listed.id),
                         hint=i18n.text("error:add.listed.hint", "rename your file if it is a new edition"))
    return file, (target if target is not None and not target.exists() else None)
