"""The pipeline, one way and one pass: corpus -> records -> graph -> corrections.

1. graph071.corpus.reader reads the manifest, the curated tables, the documents, the
   corrections and the rules and decisions the later steps apply (periods, statuses,
   checked findings, review decisions): nothing reads a corpus file after this step;
2. each document's loader (graph071.loaders) parses it into records with provenance;
3. graph071.build.builder resolves the names and builds the graph;
4. graph071.build.corrections applies the coordination group's corrections;
5. graph071.build.periods writes on every fact and node when it holds.

No step reaches back into an earlier one. graph071.load() wraps the result in a Network.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from graph071 import i18n
from graph071 import loaders
from graph071.build.builder import Build, assemble
from graph071.build.completeness import completeness, lineage_warnings
from graph071.build.reading import Missing, read_without_furniture
from graph071.build.corrections import apply_corrections
from graph071.build.periods import annotate as annotate_periods
from graph071.corpus.labels import corpus_labels
from graph071.corpus.manifest import MANIFEST, READ_BY_LOADER
from graph071.corpus.reader import Corpus, read_corpus
from graph071.errors import InputError
from graph071.loaders.prose.loader import LOADER_NAME as PROSE_LOADER, card_prose, people_in
from graph071.records import LoadResult


def build(data_dir: Path | None = None) -> Build:
    """Return the graph of every document in the corpus at `data_dir` (default: bundled).

    A document that cannot be read is left out (Build.missing says why; `check` and
    `summary` show it); when none reads, the first one's error is raised.
    """
    corpus = read_corpus(data_dir)
    results, missing = parse(corpus)
    if missing and not results:
        raise missing[0].error  # nothing to show: the one-line error of the first document
    read = {r.document: corpus.documents[r.document] for r in results}
    # The same prose reader as for news items, over the running prose of the project cards.
    prose = card_prose(results, read, corpus.organisations, corpus.projects)
    built = assemble([*results, *prose], corpus.organisations, read, corpus.data_dir)
    note_missing(built, missing)
    built.warnings.extend(completeness(results, corpus.entries, corpus.checked))
    apply_corrections(built, corpus.corrections)  # the coordination group's corrections last
    built.warnings.extend(lineage_warnings(built.graph, corpus.projects))
    annotate_periods(built.graph, corpus.entries, corpus.period_rules, corpus.status_rules,
                     corpus.data_dir / MANIFEST)  # when each fact holds
    return built


def parse(corpus: Corpus) -> tuple[list[LoadResult], list[Missing]]:
    """Return each document's records, parsed by the loader its manifest row names, and
    the documents that could not be read or parsed (each fails alone). The loaders read
    field labels from the corpus' own labels.csv too (graph071.corpus.labels)."""
    with corpus_labels(corpus.data_dir):
        return _parse(corpus)


def _parse(corpus: Corpus) -> tuple[list[LoadResult], list[Missing]]:
    context = parse_context(corpus)
    results: list[LoadResult] = []
    missing = [Missing(entry.id, entry.file, str(corpus.unread[entry.id]), entry.loader,
                       corpus.unread[entry.id]) for entry in corpus.entries
               if entry.id in corpus.unread]
    # Texts last: by then the people the other documents name are known by their full name.
    texts = [entry for entry in corpus.entries if entry.loader == PROSE_LOADER]
    for entry in [*(e for e in corpus.entries if e.loader != PROSE_LOADER), *texts]:
        if entry is (texts[0] if texts else None):
            context.people.update(people_in(results))
        loader = loaders.get(entry.loader)
        if loader is None:
            raise InputError(corpus.data_dir / MANIFEST, i18n.text("error:unknown_loader", "unknown loader {loader!r}",
                                                                   loader=entry.loader),
                             line=entry.manifest_line, hint=i18n.text("error:known_loaders", "known loaders: {loaders}",
                                                                      loaders=', '.join(loaders.names())))
        if entry.id in corpus.unread:
            continue
        document = corpus.documents[entry.id]
        try:
            result = read_without_furniture(loader, document, context)
        except InputError as error:
            if Path(entry.file).suffix.lower() in READ_BY_LOADER:
                raise  # a maintainer's own list with a mistake is refused whole
            missing.append(Missing(entry.id, entry.file, str(error), entry.loader, error))
            continue
        results.append(result)
    return results, missing


def note_missing(built: Build, missing: list[Missing]) -> None:
    """Record the documents that could not be read: on the Build, the graph and in check."""
    built.missing = [replace(m, error=None) for m in missing]  # a Build is pickled; errors are not
    built.warnings[:0] = [m.as_warning() for m in missing]
    if missing:
        built.graph.graph["missing_documents"] = [
            {"document": m.document, "file": m.file, "reason": m.reason, "loader": m.loader}
            for m in missing]


def parse_context(corpus: Corpus) -> loaders.ParseContext:
    """Return what the loaders may ask of the corpus: known organisations and projects."""
    table = corpus.organisations
    return loaders.ParseContext(is_known_organisation=lambda text: table.resolve(text) is not None,
                                projects=corpus.projects, organisations=table,
                                review=corpus.review)
