"""The build cache answers fast and never answers stale."""

import shutil

import pytest

from graph071.build import cache
from graph071.corpus.manifest import bundled_data_dir


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("GRAPH071_NO_CACHE", raising=False)
    folder = tmp_path / "corpus"
    shutil.copytree(bundled_data_dir(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return folder


def test_a_second_build_comes_from_the_cache(corpus):
    assert cache.cached(corpus) is None  # nothing cached yet: the first call builds
    first = cache.cached_build(corpus)
    assert len(list(cache.cache_dir().glob(f"*{cache.SUFFIX}"))) == 1
    hit = cache.cached(corpus)
    assert hit is not None  # so the second call is a hit, and gives what the cache holds
    second = cache.cached_build(corpus)
    assert list(second.graph.nodes(data=True)) == list(hit.graph.nodes(data=True))
    assert list(second.graph.edges(keys=True, data=True)) == list(first.graph.edges(keys=True, data=True))


def test_changing_a_document_builds_afresh(corpus):
    before = cache.cached_build(corpus)
    organisations = corpus / "organisations.csv"
    organisations.write_text(organisations.read_text(encoding="utf-8").replace(
        "UvL;", "UvL;Leidse Universiteit;"), encoding="utf-8")
    after = cache.cached_build(corpus)
    assert "Leidse Universiteit" in after.organisations.resolve("UvL").aliases
    assert "Leidse Universiteit" not in before.organisations.resolve("UvL").aliases


def _data_files() -> list[str]:
    """Every data file a build may read: the bundled data/ and a corpus's review.csv."""
    return sorted({p.name for p in bundled_data_dir().iterdir()
                   if p.is_file() and p.suffix != ".py"} | {"review.csv"})


def test_changing_any_data_file_of_the_corpus_changes_the_key(corpus):
    assert {"periods.csv", "statuses.csv", "labels.csv", "checked.csv"} <= set(_data_files())
    before = cache.cache_key(corpus)
    for name in _data_files():
        path = corpus / name
        kept = path.read_bytes() if path.exists() else None
        with path.open("a", encoding="utf-8") as handle:
            handle.write("# een regel erbij\n")
        assert cache.cache_key(corpus) != before, name
        if kept is None:
            path.unlink()
        else:
            path.write_bytes(kept)
        assert cache.cache_key(corpus) == before, name


def test_changing_a_bundled_data_file_changes_the_key(corpus, tmp_path, monkeypatch):
    # labels.csv, words.csv, ... are read from the bundled data/ only: they count too.
    bundled = tmp_path / "bundled"
    shutil.copytree(bundled_data_dir(), bundled, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "bundled_data_dir", lambda: bundled)
    before = cache.cache_key(corpus)
    for name in ("labels.csv", "words.csv", "periods.csv", "statuses.csv"):
        kept = (bundled / name).read_bytes()
        (bundled / name).write_bytes(kept + b"# een regel erbij\n")
        assert cache.cache_key(corpus) != before, name
        (bundled / name).write_bytes(kept)


def test_the_corpus_periods_and_statuses_are_read_and_a_change_builds_afresh(corpus):
    before = cache.cached_build(corpus)
    statuses, periods = corpus / "statuses.csv", corpus / "periods.csv"
    statuses.write_text(statuses.read_text(encoding="utf-8").replace(  # no pattern for it
        "verzelfstandig|zelfstandig verder,", "# verzelfstandig|zelfstandig verder,"), encoding="utf-8")
    periods.write_text(periods.read_text(encoding="utf-8").replace(
        "project_cards,edition,projectkaarten,", "project_cards,edition,kaarten,"), encoding="utf-8")
    after = cache.cached_build(corpus)
    cvv = "project:centrum-voor-vitaliteit"
    assert before.graph.nodes[cvv]["status"] == "verzelfstandigd"
    assert after.graph.nodes[cvv]["status"].startswith("niet meer genoemd")
    label = after.graph.nodes["doc:projectkaarten-2022"]["edition_label"]
    assert label == "kaarten januari 2022"
