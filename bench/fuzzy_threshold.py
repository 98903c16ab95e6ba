"""Where the near-miss threshold of the prose reader comes from (names.FUZZY_THRESHOLD).

A name in a text that is no alias is read as a known organisation when its rapidfuzz
token_sort_ratio to an alias is at least the threshold. The threshold must lie above
the closest two *different* organisations of the table (else one would be read as the
other) and below the variants real texts write (word order, a typo, an added article).
This prints both sides: the closest pairs of different organisations in
data/organisations.csv, and the scores of variants composed in the style of news items
and partner profiles, with the canonical name each must find.

Usage: python bench/fuzzy_threshold.py
"""

from __future__ import annotations

from itertools import combinations

from rapidfuzz import fuzz

from graph071.corpus.manifest import ORGANISATIONS, bundled_data_dir
from graph071.corpus.organisations import OrganisationTable
from graph071.corpus.projects import ProjectTable
from graph071.loaders.prose.lexicon import Lexicon, key_of
from graph071.loaders.prose.names import FUZZY_THRESHOLD, NameReader

# (as a text writes it, the organisation it is): variants that are no alias in the table.
VARIANTS = [
    ("Koepel Leidse Ondernemersverenigingen", "Leidse Koepel van Ondernemersverenigingen"),
    ("Hogeschool Lieden", "Hogeschool Leiden"),
    ("Universiteit Leidem", "Universiteit Leiden"),
    ("Rabobank Katwijk-Leiden", "Rabobank Leiden-Katwijk"),
    ("Kamer van Koophandel Nederland", None),  # a different body: must stay unknown
    ("Economic Board Zuid Holland", "Economic Board Zuid-Holland"),
    ("Leidse Universitair Medisch Centrum", "LUMC"),
    ("Bio Science Park Leiden Foundation", "Bio Science Park Foundation"),
    ("Stichting Ondernemend Leiden", "Stichting Ondernemend Leiden"),
    ("Katwijkse Ondernemersvereniging KOV", "Katwijkse Ondernemers Vereniging (KOV)"),
    ("Provincie Zuid Holland", "Provincie Zuid-Holland"),
    ("Regionaal Platform Arbeidsmarkt Rijn-Gouwe", "Regionaal Platform Arbeidsmarkt Rijn Gouwe (RPA)"),
    ("Innovation Quarter Zuid-Holland", "Innovation Quarter"),
    ("Noordwijk Marketing Katwijk", None),
]


def main() -> None:
    data = bundled_data_dir()
    table = OrganisationTable.load(data / ORGANISATIONS)
    names = NameReader(Lexicon(table, ProjectTable.for_corpus(data)))
    forms = [(key_of(form).strip(), org.name) for org in table.organisations
             for form in (org.name, *org.aliases) if " " in key_of(form).strip()]
    pairs = sorted(((fuzz.token_sort_ratio(a, b), a, b) for (a, x), (b, y) in combinations(forms, 2)
                    if x != y), reverse=True)
    print("closest forms of two different organisations (must stay below the threshold):")
    for score, a, b in pairs[:8]:
        print(f"  {score:5.1f}  {a!r} ~ {b!r}")
    print(f"\nvariants (threshold {FUZZY_THRESHOLD:g}):")
    right = 0
    for written, expected in VARIANTS:
        entity, score, _ = names.near_miss(written)
        found = entity.name if entity else None
        right += found == expected
        print(f"  {score:5.1f}  {'ok ' if found == expected else 'BAD'} {written!r} -> {found!r}"
              f" (expected {expected!r})")
    print(f"\n{right} of {len(VARIANTS)} variants read as expected; highest score between two "
          f"different organisations: {pairs[0][0]:.1f}")


if __name__ == "__main__":
    main()
