"""The Examples blocks in the library's docstrings run as tests: the core, the loaders,
the queries and the maps (the last three install under graph071 from their own folders)."""

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import graph071
import graph071.loaders
import graph071.queries
import graph071.viz

PACKAGES = (graph071, graph071.loaders, graph071.queries, graph071.viz)

MODULES = sorted(
    name
    for package in PACKAGES
    for _, name, _ in pkgutil.walk_packages(package.__path__, f"{package.__name__}.")
    if not name.endswith("__main__")
)


def test_every_package_is_walked():
    assert {"graph071.loaders.action_programme", "graph071.viz.layout"} <= set(MODULES)


@pytest.mark.parametrize("module_name", MODULES)
def test_docstring_examples_run(module_name):
    module = importlib.import_module(module_name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0


def test_the_library_guide_runs_as_a_notebook_session(tmp_path):
    """docs/library.md shows a notebook session; every example in it must still hold."""
    guide = Path(__file__).resolve().parent.parent / "docs" / "library.md"
    failures, tried = doctest.testfile(str(guide), module_relative=False, globs={"tmp": tmp_path},
                                       optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert tried > 10 and failures == 0
