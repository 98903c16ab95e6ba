"""Shared fixtures. Tests that need Neo4j or a browser never skip: without one they fail
with a message that says how to get it (`make test` starts both)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph071.build.builder import Build
from graph071.build.pipeline import build
from graph071.corpus.manifest import bundled_data_dir

ROOT = Path(__file__).resolve().parent.parent
# Tests that talk to a real server or browser: in CI they may never be left out.
REAL_COMPONENT_MARKERS = ("neo4j", "browser")
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = ROOT / "test-artifacts"
# Helper modules of the tests (typeset.py: PDFs, Word files and web pages made in the
# tests) import by name; --import-mode=importlib does not put tests/ on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent))


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_deselected(items: list[pytest.Item]) -> None:
    """In CI, refuse a -m / -k selection that leaves out Neo4j or browser tests."""
    if not in_ci():
        return
    left_out = sorted(item.nodeid for item in items
                      if any(item.get_closest_marker(m) for m in REAL_COMPONENT_MARKERS))
    if left_out:
        raise pytest.UsageError(
            f"CI=true: this selection leaves out {len(left_out)} test(s) that need Neo4j or a "
            f"browser (e.g. {left_out[0]}); CI runs them all, so run without -m/-k")


@pytest.fixture(scope="session")
def bundled() -> Build:
    """The graph of the bundled corpus, built once per test session."""
    return build()


@pytest.fixture(scope="session")
def graph(bundled):
    return bundled.graph


@pytest.fixture(scope="session")
def neo4j_settings() -> dict[str, str]:
    """Connection settings of the Neo4j server `make test` started (or the user's own)."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.fail("No Neo4j server: run the suite with `make test`, which starts one, "
                    "or set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (and NEO4J_DATABASE).")
    return {"uri": uri, "user": os.environ.get("NEO4J_USER", "neo4j"),
            "password": os.environ.get("NEO4J_PASSWORD", ""),
            "database": os.environ.get("NEO4J_DATABASE", "neo4j")}


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Path of Debian's headless Chromium (`make test` installs it)."""
    path = os.environ.get("GRAPH071_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("No Chromium: run the suite with `make test` (it installs Debian's chromium) "
                    "or set GRAPH071_CHROMIUM to a Chromium binary.")
    return path


@pytest.fixture(scope="module")
def browser(chromium_path):
    """A headless Chromium for one test module's pages (Playwright drives Debian's)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots and other files a reader of the test report may want."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def graph071(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
             check: bool = False) -> subprocess.CompletedProcess:
    """Run the real CLI in a fresh process, as a user does; `check` asserts exit code 0.

    Tables come out as a 200-column terminal shows them (tests of narrow terminals pass
    their own COLUMNS in `env`), so a name is found whole in the text."""
    if env is None:
        env = {**os.environ, "COLUMNS": "200"}
    result = subprocess.run([sys.executable, "-m", "graph071", *args], capture_output=True,
                            text=True, cwd=cwd, env=env, timeout=300)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def run(*args: str, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """Run the CLI and expect it to succeed (`check=False` to look at a failure)."""
    return graph071(*args, cwd=cwd, check=check)


PROGRAMME = "2013_uitvoeringsprogramma_2013-2015.txt"


def programme_corpus(folder: Path) -> Path:
    """Make `folder` a corpus holding only the 2013-2015 programme, as a user's own copy would."""
    (folder / "documents").mkdir(parents=True)
    shutil.copy(bundled_data_dir() / "organisations.csv", folder)
    shutil.copy(bundled_data_dir() / "documents" / PROGRAMME, folder / "documents")
    (folder / "manifest.csv").write_text(
        "file,id,title,publisher,edition,kind,loader,origin\n"
        f"documents/{PROGRAMME},uitvoeringsprogramma-2013-2015,Uitvoeringsprogramma,"
        "Economische agenda Leidse regio,2013-10,action_programme,action_programme_2013,\n",
        encoding="utf-8")
    return folder


def two_programme_corpus(folder: Path) -> Path:
    """A corpus with the 2013-2015 programme and a (made-up) 2016-2018 one with the same numbers."""
    programme_corpus(folder)
    text = (bundled_data_dir() / "documents" / PROGRAMME).read_text(encoding="utf-8")
    for old, new in (("2013 – 2015", "2016 – 2018"), ("2013-2015", "2016-2018")):
        text = text.replace(old, new)
    (folder / "documents" / "2016_programma.txt").write_text(text, encoding="utf-8")
    with (folder / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write("documents/2016_programma.txt,uitvoeringsprogramma-2016-2018,"
                       "Uitvoeringsprogramma 2016-2018,Economie071,2016-01,action_programme,"
                       "action_programme_2013,\n")
    return folder
