"""A cache of built graphs, so everyday commands answer fast.

The key covers everything a build reads: every file in the corpus folder (name, size,
modification time) and every source file of graph071 itself. Change a document, the
organisation table or the code, and the next command builds afresh. Set
GRAPH071_NO_CACHE=1 to always build.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from graph071 import __version__
from graph071.build.builder import Build
from graph071.build.pipeline import build
from graph071.corpus.manifest import bundled_data_dir

_CODE_SUFFIXES = (".py", ".csv")


def cache_dir() -> Path:
    """Return the folder that holds cached builds."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "graph071" / "builds"


def _fingerprint(folders: list[Path], suffixes: tuple[str, ...] | None = None) -> list[str]:
    entries = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            if suffixes and path.suffix not in suffixes:
                continue
            stat = path.stat()
            entries.append(f"{path}|{stat.st_size}|{stat.st_mtime_ns}")
    return entries


def cache_key(data_dir: Path) -> str:
    """Return the key of a build of the corpus at `data_dir` by this code."""
    import graph071
    import graph071.loaders

    code = [Path(p) for p in (*graph071.__path__, *graph071.loaders.__path__)]
    parts = [__version__, str(data_dir.resolve()), *_fingerprint([data_dir]),
             *_fingerprint(code, _CODE_SUFFIXES)]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:32]


def cached_build(data_dir: Path | None = None) -> Build:
    """Return build(data_dir), from the cache when nothing it reads has changed."""
    data_dir = Path(data_dir) if data_dir else bundled_data_dir()
    if os.environ.get("GRAPH071_NO_CACHE") or not data_dir.is_dir():
        return build(data_dir)
    path = cache_dir() / f"{cache_key(data_dir)}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass  # no cache yet, or one written by other code: build afresh
    result = build(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)  # atomic: a reader never sees half a file
        _prune(path.parent)
    except OSError:
        pass  # a read-only home folder only costs speed
    return result


def _prune(folder: Path, keep: int = 8) -> None:
    """Delete all but the `keep` most recent cached builds."""
    builds = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in builds[keep:]:
        old.unlink(missing_ok=True)
