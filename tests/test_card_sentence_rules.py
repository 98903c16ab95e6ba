"""The role sentences of a project card are read alike whatever their letters: the quick test
that skips most sentences (each rule's trigger word) never changes what a sentence gives."""

from __future__ import annotations

from dataclasses import replace

import pytest

from graph071.loaders.project_cards.roles import SENTENCE_RULES, fold_case, sentence_mentions, sentence_rule
from graph071.schema import Edge

KNOWN = {"Hogeschool Leiden", "LUMC", "Universiteit Leiden", "gemeente Katwijk", "Rijnland"}

SENTENCES = (
    "Het project wordt gefinancierd door bijdragen van Hogeschool Leiden en LUMC.",
    "HET PROJECT WORDT GEFINANCIERD DOOR HOGESCHOOL LEIDEN EN LUMC.",
    "Het project wordt Gefınancierd door Hogeschool Leiden en LUMC.",  # a dotless ı
    "Er is nauw samengewerkt met Universiteit Leiden en gemeente Katwijk.",
    "De bestuurlijke trekkers vanuit Rijnland en LUMC zijn blij.",
    "LUMC en Hogeschool Leiden hebben de intentieverklaring Health Campus ondertekend.",
    "Rijnland is opdrachtgever.",
    "Het project loopt goed en er komt een vervolg.",
)


def read(text: str, rules) -> list[tuple[str, str, str]]:
    return [(m.kind, m.text, m.role) for m in sentence_mentions(text, lambda offset: 1, KNOWN.__contains__,
                                                                  rules)]


@pytest.mark.parametrize("text", SENTENCES)
def test_a_role_sentence_gives_the_same_roles_with_and_without_the_trigger_words(text):
    untriggered = tuple(replace(rule, trigger="") for rule in SENTENCE_RULES)
    assert read(text, SENTENCE_RULES) == read(text, untriggered)


def test_financiers_in_capitals_or_with_a_dotless_i_are_still_read():
    assert read(SENTENCES[2], SENTENCE_RULES) == [(Edge.FINANCIER, "Hogeschool Leiden", "Financier"),
                                                  (Edge.FINANCIER, "LUMC", "Financier")]
    assert {kind for kind, _, _ in read(SENTENCES[1], SENTENCE_RULES)} == {Edge.FINANCIER}


def test_case_folding_gives_every_letter_a_case_blind_pattern_takes_for_i_or_s():
    assert fold_case("GEFİNANCİERD ſamen ıs") == "gefinancierd samen is"


def test_a_rule_whose_trigger_word_is_not_in_its_pattern_is_refused():
    with pytest.raises(ValueError, match="trigger"):
        sentence_rule(r"betaald\s+door\s+(?P<names>.+)$", Edge.FINANCIER, "Financier", trigger="gefinancierd")
