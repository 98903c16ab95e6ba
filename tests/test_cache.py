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
    first = cache.cached_build(corpus)
    assert len(list(cache.cache_dir().glob(f"*{cache.SUFFIX}"))) == 1
    second = cache.cached_build(corpus)
    assert sorted(second.graph.nodes) == sorted(first.graph.nodes)


def test_changing_a_document_builds_afresh(corpus):
    before = cache.cached_build(corpus)
    organisations = corpus / "organisations.csv"
    organisations.write_text(organisations.read_text(encoding="utf-8").replace(
        "UvL;", "UvL;Leidse Universiteit;"), encoding="utf-8")
    after = cache.cached_build(corpus)
    assert "Leidse Universiteit" in after.organisations.resolve("UvL").aliases
    assert "Leidse Universiteit" not in before.organisations.resolve("UvL").aliases
