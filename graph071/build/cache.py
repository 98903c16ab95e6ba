"""A cache of built graphs, so everyday commands answer fast, and it can never run code.

A cached build is a data-only JSON snapshot (graph071.build.snapshot), never a pickle.
The key is the content (not the name or the time) of every file a build reads: every
file in the corpus folder, wherever a symlink or the manifest points, and every source
and data file of graph071 itself. Change a document, the organisation table or the code,
and the next command builds afresh.

The cache lives in $XDG_CACHE_HOME/graph071/builds (default ~/.cache). A cache folder
or file owned by another user, or writable by others, is not used (the build is made
afresh and `graph071 check` says why); an unreadable or corrupt entry is rebuilt and
replaced. Set GRAPH071_NO_CACHE=1 to always build.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from graph071 import __version__
from graph071 import i18n
from graph071.build import snapshot
from graph071.build.builder import Build
from graph071.build.pipeline import build
from graph071.corpus.manifest import bundled_data_dir
from graph071.records import ParseWarning

_CODE_SUFFIXES = (".py", ".csv", ".html", ".cypher", ".txt", ".js")
SUFFIX = ".json"
# Only one user's cache is trusted: its own, not writable by group or others.
_UNSAFE_MODE = stat.S_IWGRP | stat.S_IWOTH


def cache_dir() -> Path:
    """Return the folder that holds cached builds."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "graph071" / "builds"


def _files(folder: Path, suffixes: tuple[str, ...] | None = None) -> list[Path]:
    found = []
    # followlinks: a symlinked documents/ folder is part of what the build reads.
    for root, folders, names in os.walk(folder, followlinks=True):
        folders[:] = sorted(f for f in folders if f != "__pycache__" and not f.startswith("."))
        for name in sorted(names):
            if suffixes is None or name.endswith(suffixes):
                found.append(Path(root) / name)
    return found


def _digest(paths: list[Path], base: Path, digest: "hashlib._Hash") -> None:
    for path in paths:
        try:
            content = path.read_bytes()
        except OSError as error:
            content = f"unreadable: {error.strerror}".encode()
        name = str(path.relative_to(base)) if path.is_relative_to(base) else str(path)
        digest.update(f"\0{name}\0{len(content)}\0".encode("utf-8", "surrogateescape"))
        digest.update(content)


def _manifest_targets(data_dir: Path) -> list[Path]:
    """Return the files the manifest names that lie outside the corpus folder."""
    from graph071.corpus.manifest import manifest_paths

    try:
        paths = manifest_paths(data_dir)
    except Exception:  # noqa: BLE001 - a broken manifest is the build's to report
        return []
    root = data_dir.resolve()
    return [p for p in paths if p.is_file() and not p.resolve().is_relative_to(root)]


def cache_key(data_dir: Path) -> str:
    """Return the key of a build of the corpus at `data_dir` by this code: a content hash."""
    import graph071
    import graph071.loaders

    # The language too: warnings keep their keys, but a build also holds texts said as it was
    # made (the notes of corrections on nodes), which exports write out as they are.
    digest = hashlib.sha256(f"{__version__}\0{snapshot.FORMAT}\0{i18n.language()}\0{data_dir.resolve()}"
                            .encode("utf-8", "surrogateescape"))
    _digest(_files(data_dir), data_dir, digest)
    _digest(_manifest_targets(data_dir), data_dir, digest)
    for folder in (*graph071.__path__, *graph071.loaders.__path__, bundled_data_dir()):
        folder = Path(folder)
        digest.update(f"\0code:{folder}".encode("utf-8", "surrogateescape"))
        _digest(_files(folder, _CODE_SUFFIXES), folder, digest)
    return digest.hexdigest()[:32]


def unsafe_reason(path: Path) -> str | None:
    """Return why the cache folder or file `path` must not be trusted, or None (also if absent)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        return i18n.text("warning:cache.unchecked", "{path} cannot be checked ({why})", path=path,
                         why=error.strerror)
    if stat.S_ISLNK(info.st_mode):
        return i18n.text("warning:cache.link", "{path} is a symbolic link", path=path)
    if info.st_uid != os.getuid():
        return i18n.text("warning:cache.owner", "{path} belongs to another user (uid {uid})", path=path,
                         uid=info.st_uid)
    if info.st_mode & _UNSAFE_MODE:
        return i18n.text("warning:cache.writable", "{path} is writable by other users", path=path)
    return None


def _trusted_folder(folder: Path) -> str | None:
    for path in (folder.parent, folder):
        reason = unsafe_reason(path)
        if reason:
            return reason
    return None


def _read(path: Path) -> Build | None:
    """Return the build cached at `path`, or None when there is none or it cannot be used."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if info.st_uid != os.getuid() or info.st_mode & _UNSAFE_MODE:
            return None
        try:
            return snapshot.loads(handle.read())
        except Exception:  # noqa: BLE001 - any damage at all means: build afresh
            return None


def _write(path: Path, result: Build) -> None:
    from graph071.io.safe import atomic_file

    try:
        text = snapshot.dumps(result)
    except (TypeError, ValueError, RecursionError):
        return  # a value the snapshot cannot carry: this build is simply not cached
    path.parent.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.parent.mkdir(mode=0o700, exist_ok=True)
    with atomic_file(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(path, 0o600)


def cached(data_dir: Path | None = None) -> Build | None:
    """Return the cached build of the corpus at `data_dir` as it is now, or None (nothing
    cached for it, the cache may not be used, or the entry is damaged); never builds."""
    data_dir = Path(data_dir) if data_dir else bundled_data_dir()
    if os.environ.get("GRAPH071_NO_CACHE") or not data_dir.is_dir():
        return None
    folder = cache_dir()
    path = folder / f"{cache_key(data_dir)}{SUFFIX}"
    if _trusted_folder(folder) or unsafe_reason(path):
        return None
    return _read(path)


def cached_build(data_dir: Path | None = None) -> Build:
    """Return build(data_dir), from the cache when nothing it reads has changed."""
    data_dir = Path(data_dir) if data_dir else bundled_data_dir()
    if os.environ.get("GRAPH071_NO_CACHE") or not data_dir.is_dir():
        return build(data_dir)
    hit = cached(data_dir)
    if hit is not None:
        return hit
    folder = cache_dir()
    path = folder / f"{cache_key(data_dir)}{SUFFIX}"
    refused = _trusted_folder(folder) or unsafe_reason(path)
    result = build(data_dir)
    if refused is not None:
        result.warnings.append(ParseWarning("cache", 0, i18n.said(
            "warning:cache.refused", "build cache not used: {why}; remove it or set XDG_CACHE_HOME to a "
            "folder of your own", why=refused), level="info"))
        return result
    try:
        _write(path, result)
        _prune(folder)
    except Exception:  # noqa: BLE001 - a cache that cannot be written only costs speed
        pass
    return result


def _prune(folder: Path, keep: int = 8) -> None:
    """Delete all but the `keep` most recent cached builds (and any old pickles)."""
    for old in folder.glob("*.pickle"):
        old.unlink(missing_ok=True)
    builds = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in builds[keep:]:
        old.unlink(missing_ok=True)
