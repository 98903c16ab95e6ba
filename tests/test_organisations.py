"""Organisation resolution: one node per organisation, whatever the spelling."""

import pytest

from graph071.corpus.organisations import OrganisationTable, normalise


@pytest.fixture(scope="module")
def table(bundled) -> OrganisationTable:
    return bundled.organisations


@pytest.mark.parametrize("written", ["UvL", "Universiteit van Leiden", "Universiteit Leiden"])
def test_uvl_resolves_to_universiteit_leiden(table, written):
    assert table.resolve(written).name == "Universiteit Leiden"


def test_gemeente_oegstgees_typo_resolves_to_gemeente_oegstgeest(table):
    assert table.resolve("gemeente Oegstgees").name == "gemeente Oegstgeest"


@pytest.mark.parametrize("written", ["VNO NCW", "VNO-NCW", "vno-ncw"])
def test_vno_ncw_spellings_are_one_organisation(table, written):
    assert table.resolve(written).name == "VNO-NCW"


def test_bsp_association_foundation_and_park_stay_three(table):
    found = {table.resolve(n).name for n in
             ("ondernemersvereniging BSP", "BSP Foundation", "Leiden Bio Science Park")}
    assert len(found) == 3


def test_curly_and_straight_apostrophes_are_the_same(table):
    assert table.resolve("ROC’s") is table.resolve("ROC's") is table.resolve("ROC ‘s")


def test_groups_are_marked_as_groups(table):
    assert table.resolve("regiogemeenten").is_group
    assert not table.resolve("gemeente Leiden").is_group


def test_unknown_name_gets_close_suggestions(table):
    assert table.suggest("Universiteit Leidn")[0] == "Universiteit Leiden"


def test_every_organisation_in_the_graph_is_resolved(bundled):
    assert bundled.unresolved == {}


def test_normalise_folds_case_hyphens_and_quotes():
    assert normalise("  VNO-NCW ") == normalise("vno ncw")
