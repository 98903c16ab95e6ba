"""The house rules a maintainer relies on, checked on the source: no import cycles (imports
inside functions count too), no private names imported across modules, node and edge kinds
only through graph071.schema, and functions short enough to read on one screen."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

from graph071.schema import EDGE_KINDS, NODE_KINDS

ROOT = Path(__file__).resolve().parent.parent
# Where each installed package's source lives in the repository.
FOLDERS = {"graph071": ROOT / "graph071", "graph071.loaders": ROOT / "loaders",
           "graph071.queries": ROOT / "queries", "graph071.viz": ROOT / "viz"}
LONGEST_FUNCTION = 60


def _modules() -> dict[str, Path]:
    modules = {}
    for package, folder in FOLDERS.items():
        for path in sorted(folder.rglob("*.py")):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join([package, *parts])] = path
    return modules


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _imports(name: str) -> list[tuple[str, str, int]]:
    """Return (module imported, name imported or "", line) for every import in `name`."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, "", node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if _is_package(name) else name.split(".")[:-1]
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                if submodule in MODULES:
                    found.append((submodule, "", node.lineno))
                else:
                    found.append((base, alias.name, node.lineno))
    return [(module, imported, line) for module, imported, line in found if module in MODULES]


def import_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(MODULES)
    for name in MODULES:
        for module, _, line in _imports(name):
            if module != name and not name.startswith(module + "."):
                # A module importing its own package's __init__ is Python's normal order.
                graph.add_edge(name, module, line=line)
    return graph


def test_the_modules_import_each_other_without_a_cycle():
    cycles = list(nx.simple_cycles(import_graph()))
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c + [c[0]]) for c in cycles[:5])


def test_no_private_name_is_imported_from_another_module():
    private = [f"{MODULES[name].relative_to(ROOT)}:{line} imports {imported} from {module}"
               for name in MODULES for module, imported, line in _imports(name)
               if imported.startswith("_") and not imported.startswith("__")]
    assert not private, "\n".join(private)


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def kind_literals(path: Path) -> list[str]:
    """Return "file:line: 'Kind'" for every string literal in `path` that is a node or edge
    kind's name (docstrings and parts of f-strings are prose, not code)."""
    kinds = set(NODE_KINDS) | set(EDGE_KINDS)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree) | {id(value) for node in ast.walk(tree)
                                if isinstance(node, ast.JoinedStr) for value in node.values}
    return [f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and node.value in kinds and id(node) not in skip]


def test_node_and_edge_kinds_are_named_only_in_the_schema():
    schema = ROOT / "graph071" / "schema.py"
    found = [hit for path in MODULES.values() if path != schema for hit in kind_literals(path)]
    assert not found, "use graph071.schema.Node / Edge instead of:\n" + "\n".join(found)


def test_the_kind_literal_check_can_fail(tmp_path):
    sample = ROOT / "graph071" / "_sample_for_test.py"
    try:
        sample.write_text('KIND = "Organisation"\n"""A docstring naming Action is fine."""\n')
        assert kind_literals(sample) == ["graph071/_sample_for_test.py:1: 'Organisation'"]
    finally:
        sample.unlink()


def test_every_declared_kind_has_its_constant():
    from graph071.schema import Edge, Node

    assert {v for k, v in vars(Node).items() if k.isupper()} == set(NODE_KINDS)
    assert {v for k, v in vars(Edge).items() if k.isupper()} == set(EDGE_KINDS)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_functions_fit_on_a_screen(name):
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    long = [f"{node.name} ({node.end_lineno - node.lineno + 1} lines, line {node.lineno})"
            for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 >= LONGEST_FUNCTION]
    assert not long, f"{name}: " + ", ".join(long)


def test_every_module_opens_with_a_docstring_saying_what_lives_there():
    missing = [name for name, path in MODULES.items()
               if path.read_text(encoding="utf-8").strip()
               and ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) is None]
    assert not missing, missing
