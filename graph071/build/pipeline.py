"""The pipeline, one way and one pass: corpus -> records -> graph -> corrections.

1. graph071.corpus.reader reads the manifest, the curated tables, the documents and the
   corrections (nothing reads a corpus file after this step);
2. each document's loader (graph071.loaders) parses it into records with provenance;
3. graph071.build.builder resolves the names and builds the graph;
4. graph071.build.corrections applies the coordination group's corrections;
5. graph071.build.periods writes on every fact and node when it holds.

No step reaches back into an earlier one. graph071.load() wraps the result in a Network.
"""

from __future__ import annotations

from pathlib import Path

from graph071 import loaders
from graph071.build.builder import Build, assemble
from graph071.build.corrections import apply_corrections
from graph071.build.periods import annotate as annotate_periods
from graph071.corpus.manifest import MANIFEST
from graph071.corpus.reader import Corpus, read_corpus
from graph071.errors import InputError
from graph071.records import LoadResult


def build(data_dir: Path | None = None) -> Build:
    """Return the graph of every document in the corpus at `data_dir` (default: bundled)."""
    corpus = read_corpus(data_dir)
    built = assemble(parse(corpus), corpus.organisations, corpus.documents, corpus.data_dir)
    apply_corrections(built, corpus.corrections)  # the coordination group's corrections last
    annotate_periods(built.graph, corpus.entries, corpus.data_dir)  # when each fact holds
    return built


def parse(corpus: Corpus) -> list[LoadResult]:
    """Return each document's records, parsed by the loader its manifest row names."""
    context = parse_context(corpus)
    results = []
    for entry in corpus.entries:
        loader = loaders.get(entry.loader)
        if loader is None:
            raise InputError(corpus.data_dir / MANIFEST, f"unknown loader {entry.loader!r}",
                             line=entry.manifest_line,
                             hint=f"known loaders: {', '.join(loaders.names())}")
        results.append(loader(corpus.documents[entry.id], context))
    return results


def parse_context(corpus: Corpus) -> loaders.ParseContext:
    """Return what the loaders may ask of the corpus: known organisations and projects."""
    table = corpus.organisations
    return loaders.ParseContext(is_known_organisation=lambda text: table.resolve(text) is not None,
                                projects=corpus.projects)
