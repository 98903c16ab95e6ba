"""The installed package: everything under the graph071 namespace, the corpus inside it."""

import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> list[str]:
    target = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(target), str(ROOT)], check=True, capture_output=True)
    (wheel,) = target.glob("graph071-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def test_no_generic_top_level_modules_are_installed(wheel_names):
    top_level = {name.split("/")[0] for name in wheel_names if not name.startswith("graph071-")}
    assert top_level == {"graph071"}


def test_the_corpus_ships_with_the_package(wheel_names):
    assert "graph071/data/manifest.csv" in wheel_names
    assert "graph071/data/organisations.csv" in wheel_names
    assert "graph071/data/documents/2013_uitvoeringsprogramma_2013-2015.txt" in wheel_names


def test_loaders_queries_and_viz_live_under_graph071(wheel_names):
    assert "graph071/loaders/action_programme.py" in wheel_names
    assert "graph071/viz/network_map.py" in wheel_names
    assert "graph071/queries/__init__.py" in wheel_names
