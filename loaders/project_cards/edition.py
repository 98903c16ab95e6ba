"""One edition of the projectkaarten, read whole: the introduction first (its theme overview
gives the cards their theme), then every card. The registered loader "project_cards"."""

from __future__ import annotations

from graph071 import i18n
from graph071.corpus.manifest import Document
from graph071.errors import InputError
from graph071.loaders import ParseContext
from graph071.loaders.project_cards.intro import read_intro
from graph071.loaders.project_cards.reader import Emitter, find_cards, intro_regions, read_card
from graph071.records import LoadResult


def load(document: Document, context: ParseContext) -> LoadResult:
    """Return the projects, people, roles, links and successions of one edition of cards."""
    result = LoadResult(document.id)
    table = context.projects
    lines = list(enumerate(document.lines, start=1))
    cards = find_cards(lines, context.is_known_organisation)
    if not cards:
        raise InputError(document.path, i18n.text(
            "error:cards.layout", "layout not recognised: no card found (no 'Projectkaart' line, "
            "no title below a 'Categorie:' line)"),
                         hint=i18n.text("error:cards.layout.hint", "is this an edition of the projectkaarten? check "
                                        "the manifest's loader column"))
    emitter = Emitter(document, context, table, result, cards)
    # The introduction first: its theme overview gives the cards their theme.
    read_intro(intro_regions(lines, cards), emitter)
    for card in cards:
        read_card(card, lines[card.first - 1:card.last], emitter)
    emitter.finish()
    return result
