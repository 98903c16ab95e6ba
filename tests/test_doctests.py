"""The Examples blocks in the library's docstrings run as tests."""

import doctest
import importlib
import pkgutil

import pytest

import graph071

MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(graph071.__path__, "graph071.")
    if not name.endswith(("cli", "__main__"))
)


@pytest.mark.parametrize("module_name", MODULES)
def test_docstring_examples_run(module_name):
    module = importlib.import_module(module_name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0
