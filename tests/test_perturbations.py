"""The next edition or another PDF-to-text tool changes the text: every fact survives, or a
warning names the card or action it was lost from.

Each test builds one bundled document alone (with the bundled tables), changed the way
a re-typeset edition or another extraction changes it (tests/perturb.py), and compares
the facts (edge kind, from, to) with those of the unchanged text.
"""

from __future__ import annotations

import re

import pytest

from graph071.build.pipeline import Build, build
from graph071.schema import Edge

from perturb import (bundled_text, corpus_with, ligatures, nbsp, renamed_labels, rewrap,
                     running_header, tabs)

CARDS = ("projectkaarten-2018", "projectoverzicht-2019", "projectkaarten-2022")
PROGRAMME = "uitvoeringsprogramma-2013-2015"
MONITOR = "index071-2017"
DOCUMENTS = (*CARDS, PROGRAMME, MONITOR)
_BASELINES: dict[str, Build] = {}


def baseline(tmp_path_factory, document: str) -> Build:
    """Return the build of the unchanged document (built once per test session)."""
    if document not in _BASELINES:
        _BASELINES[document] = build(corpus_with(tmp_path_factory.mktemp(document), document))
    return _BASELINES[document]


def facts(built: Build) -> set[tuple[str, str, str]]:
    return {(data["kind"], source, target) for source, target, data in built.graph.edges(data=True)}


def unwarned_losses(original: Build, changed: Build) -> list[tuple[str, str, str]]:
    """Return the facts of `original` that `changed` lost without a warning naming the
    card, action or organisation they belong to."""
    messages = " ".join(w.message for w in changed.warnings if w.level == "warning").lower()
    lost = []
    for kind, source, target in sorted(facts(original) - facts(changed)):
        names = set()
        for node in (source, target):
            data = original.graph.nodes[node]
            names |= {str(data.get("name", "")), str(data.get("title", ""))}
            if data.get("number") is not None:
                names.add(f"actie {data['number']} ")
        if not any(name and name.lower() in messages for name in names):
            lost.append((kind, source, target))
    return lost


@pytest.mark.parametrize("document", DOCUMENTS)
@pytest.mark.parametrize("change", [nbsp, tabs, ligatures], ids=["nbsp", "tabs", "ligatures"])
def test_spaces_tabs_and_ligatures_change_no_fact(tmp_path_factory, tmp_path, document, change):
    changed = build(corpus_with(tmp_path, document, change(bundled_text(document))))
    assert facts(changed) == facts(baseline(tmp_path_factory, document))


@pytest.mark.parametrize("width", [60, 110])
@pytest.mark.parametrize("document", DOCUMENTS)
def test_a_rewrapped_edition_keeps_every_fact_or_names_the_loss(tmp_path_factory, tmp_path,
                                                                 document, width):
    changed = build(corpus_with(tmp_path, document, rewrap(bundled_text(document), width)))
    assert unwarned_losses(baseline(tmp_path_factory, document), changed) == []


@pytest.mark.parametrize("width", [60, 110])
@pytest.mark.parametrize("document", DOCUMENTS)
def test_another_extraction_with_every_change_at_once_keeps_every_fact_or_names_the_loss(
        tmp_path_factory, tmp_path, document, width):
    text = rewrap(bundled_text(document), width)
    text = running_header(ligatures(tabs(nbsp(text))), "Economie071 projectkaarten")
    changed = build(corpus_with(tmp_path, document, text))
    assert unwarned_losses(baseline(tmp_path_factory, document), changed) == []


@pytest.mark.parametrize("document", DOCUMENTS)
def test_a_running_header_left_in_the_text_is_a_warning(tmp_path, document):
    text = running_header(bundled_text(document), "Economie071 projectkaarten")
    changed = build(corpus_with(tmp_path, document, text))
    headers = [w for w in changed.warnings if "Economie071 projectkaarten" in w.message
               and w.level == "warning"]
    assert headers and "graph071 add" in headers[0].message


@pytest.mark.parametrize("document", DOCUMENTS)
def test_a_running_header_is_left_out_so_it_cuts_no_list_or_sentence(tmp_path_factory, tmp_path,
                                                                      document):
    text = running_header(bundled_text(document), "Economie071 projectkaarten")
    changed = build(corpus_with(tmp_path, document, text))
    assert facts(changed) == facts(baseline(tmp_path_factory, document))
    # Every fact keeps the line it stands on in the file (the header lines counted): the
    # line of each DESCRIBED_IN / APPEARS_IN (one per card, action or trend) is the same text.
    lines, original = text.split("\n"), bundled_text(document).split("\n")
    before = {(source, data["kind"]): data["line"] for source, _, data
              in baseline(tmp_path_factory, document).graph.edges(data=True)
              if data["kind"] in (Edge.APPEARS_IN, Edge.DESCRIBED_IN) and data.get("line")}
    after = {(source, data["kind"]): data["line"] for source, _, data in changed.graph.edges(data=True)
             if data["kind"] in (Edge.APPEARS_IN, Edge.DESCRIBED_IN) and data.get("line")}
    assert before.keys() == after.keys()
    assert all(lines[after[key] - 1] == original[before[key] - 1] for key in before)


def renamed(text: str) -> str:
    return (text.replace("Bestuurlijke trekker: Martijn van Pelt",
                         "Bestuurlijk eigenaar: Martijn van Pelt")
            .replace("Partners: gemeenten Leiden, Katwijk", "Samenwerkingspartners: gemeenten Leiden, Katwijk"))


def test_renamed_labels_from_labels_csv_keep_every_role(tmp_path_factory, tmp_path):
    document = "projectkaarten-2022"
    text = renamed(bundled_text(document))
    assert "Bestuurlijk eigenaar:" in text and "Samenwerkingspartners:" in text
    changed = build(corpus_with(tmp_path, document, text))
    assert facts(changed) == facts(baseline(tmp_path_factory, document))


def test_a_label_added_to_the_corpus_own_labels_csv_is_read(tmp_path_factory, tmp_path):
    document = "projectkaarten-2022"
    text = bundled_text(document).replace("Bestuurlijke trekker: Martijn van Pelt",
                                          "Bestuurlijk aanjager: Martijn van Pelt")
    folder = corpus_with(tmp_path, document, text)
    (folder / "labels.csv").write_text(
        "label,role,organisation_edge,person_edge,organisation_via_person,match,scope,"
        "language,seen\nBestuurlijk aanjager,Bestuurlijke trekker,TREKKER,BESTUURLIJK_TREKKER,"
        "ja,exact,kaart,nl,our 2024 edition\n", encoding="utf-8")
    changed = build(folder)
    assert facts(changed) == facts(baseline(tmp_path_factory, document))
    assert not [w for w in changed.warnings if "aanjager" in w.message]


def test_without_a_labels_csv_of_its_own_the_warning_names_the_file_to_create(tmp_path):
    document = "projectkaarten-2022"
    text = bundled_text(document).replace("Bestuurlijke trekker: Martijn van Pelt",
                                          "Bestuurlijk aanjager: Martijn van Pelt")
    folder = corpus_with(tmp_path, document, text)
    (folder / "labels.csv").unlink()
    warning = next(w for w in build(folder).warnings if "Bestuurlijk aanjager" in w.message)
    assert str(folder / "labels.csv") in warning.message


@pytest.mark.parametrize("document", [*CARDS, PROGRAMME])
def test_every_label_renamed_as_labels_csv_allows_keeps_every_fact(tmp_path_factory, tmp_path,
                                                                   document):
    text = renamed_labels(bundled_text(document))
    assert text != bundled_text(document)
    changed = build(corpus_with(tmp_path, document, text))
    assert facts(changed) == facts(baseline(tmp_path_factory, document))


def test_an_unknown_label_is_a_warning_naming_card_line_and_file(tmp_path):
    document = "projectkaarten-2022"
    text = bundled_text(document).replace("Bestuurlijke trekker: Martijn van Pelt",
                                          "Bestuurlijk aanjager: Martijn van Pelt")
    changed = build(corpus_with(tmp_path, document, text))
    line = text.split("\n").index("Bestuurlijk aanjager: Martijn van Pelt, VNO-NCW Rijnland") + 1
    warning = next(w for w in changed.warnings if "Bestuurlijk aanjager" in w.message)
    assert warning.level == "warning" and warning.line == line
    assert "Stagepact071" not in warning.message  # the card of line 825 is MKB deal 071
    assert "labels.csv" in warning.message and "kaart 'Laat digitalisering" in warning.message
    assert not [w for w in changed.warnings if w.level == "warning"
                and "Martijn van Pelt" not in w.message and "aanjager" not in w.message
                and "geen trekker" not in w.message]


def card_at(text: str, title: str) -> tuple[int, int]:
    """Return the (first, end) line index of the 2022 card `title`: from its categorie
    line to the next card's categorie line."""
    lines = text.split("\n")
    start = lines.index(title) - 2
    end = next(i for i in range(start + 3, len(lines) + 1)
               if i == len(lines) or lines[i].strip().startswith("Categorie:"))
    return start, end


def test_cards_without_the_word_projectkaart_are_found_by_their_categorie_and_title(
        tmp_path_factory, tmp_path):
    document = "projectkaarten-2022"
    text = re.sub(r"(?m)^\s*Projectkaart\s*\n", "", bundled_text(document))
    assert "Projectkaart" not in text
    changed = build(corpus_with(tmp_path, document, text))
    lost = facts(baseline(tmp_path_factory, document)) - facts(changed)
    # Only the one card that has no "Categorie:" line above its title is not found.
    missing = "project:communicatie-van-strategie-naar-structuur"
    assert all(missing in (source, target) for _, source, target in lost)


def test_a_card_removed_is_a_warning_in_the_next_edition(tmp_path):
    text = bundled_text("projectkaarten-2022")
    start, end = card_at(text, "Stagepact071")
    lines = text.split("\n")
    folder = corpus_with(tmp_path, "projectkaarten-2022", "\n".join(lines[:start] + lines[end:]),
                         only=False)
    changed = build(folder)
    warning = next(w for w in changed.warnings if w.document == "projectkaarten-2022"
                   and "de vorige editie" in w.message and w.level == "warning")
    assert "7 kaarten" in warning.message and "projectoverzicht-2019" in warning.message


def test_a_card_added_adds_its_project_and_keeps_the_others(tmp_path_factory, tmp_path):
    document = "projectkaarten-2022"
    text = bundled_text(document)
    start, end = card_at(text, "Stagepact071")
    lines = text.split("\n")
    card = "\n".join(lines[start:end]).replace("Stagepact071", "Zorgpact071")
    changed = build(corpus_with(tmp_path, document, "\n".join(lines[:end]) + "\n" + card + "\n"
                                + "\n".join(lines[end:])))
    assert facts(baseline(tmp_path_factory, document)) <= facts(changed)
    assert "project:zorgpact071" in changed.graph
    assert any("Zorgpact071" in w.message and "projects.csv" in w.message for w in changed.warnings)


NEW_ACTION = """
63. Regionale stagebank
Een stagebank voor alle opleidingen in de regio, 
zodat studenten en bedrijven elkaar vinden.

Trekker: mboRijnland
Partners: Hogeschool Leiden

Stagebank Continu 2
"""


def test_an_action_added_is_read_and_keeps_the_others(tmp_path_factory, tmp_path):
    text = bundled_text(PROGRAMME).rstrip("\n") + "\n" + NEW_ACTION
    changed = build(corpus_with(tmp_path, PROGRAMME, text))
    assert facts(baseline(tmp_path_factory, PROGRAMME)) <= facts(changed)
    new = {(kind, source) for kind, source, target in facts(changed)
           if target == "action:2013-2015/63"}
    assert {(Edge.TREKKER, "org:mborijnland"), (Edge.PARTNER, "org:hogeschool-leiden")} <= new


def test_a_renumbered_action_cannot_re_point_a_lineage_silently(tmp_path):
    text = bundled_text(PROGRAMME)
    swapped = (text.replace("54. Strategie internationale congressen", "§§. Strategie internationale congressen")
               .replace("55. Continuering Expat Centre Leiden", "54. Continuering Expat Centre Leiden")
               .replace("§§. Strategie internationale congressen", "55. Strategie internationale congressen"))
    folder = corpus_with(tmp_path, PROGRAMME, swapped, only=False)
    warnings = [w for w in build(folder).warnings if w.document == "projects.csv"]
    assert any("action:2013-2015/55" in w.message and "Continuering Expat Centre Leiden" in w.message
               for w in warnings)


def test_the_bundled_corpus_has_no_lineage_or_label_warning(bundled):
    assert not [w for w in bundled.warnings if w.document == "projects.csv"
                or "labels.csv" in w.message or re.search(r"paginakop", w.message)]
    assert {(w.document, w.level) for w in bundled.warnings if "nagekeken" in w.message} <= {
        (d.id, "info") for d in bundled.documents}
    assert Edge.TREKKER  # the schema still names the role the checks look for
