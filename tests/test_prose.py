"""The prose reader on sentences in the style of regional news, partner profiles and council
letters (Dutch and English), written for these tests: who is mentioned, who does what, and
the traps (place names, generic nouns, the region versus the organisation)."""

from __future__ import annotations

import pytest

from graph071.corpus.manifest import ORGANISATIONS, bundled_data_dir
from graph071.corpus.organisations import OrganisationTable
from graph071.corpus.projects import ProjectTable
from graph071.loaders.prose.lexicon import Lexicon
from graph071.loaders.prose.reading import Reader
from graph071.schema import Edge, Node


@pytest.fixture(scope="module")
def reader() -> Reader:
    data = bundled_data_dir()
    return Reader(Lexicon(OrganisationTable.load(data / ORGANISATIONS), ProjectTable.for_corpus(data)))


def read(reader: Reader, *lines: str, **kw):
    return reader.read_lines(list(lines), document_id="test", **kw).as_json()


def names(reading, kind: str = Node.ORGANISATION, new: bool | None = False) -> list[str]:
    return [m["name"] for m in reading["mentions"]
            if m["kind"] == kind and (new is None or m["new"] is new)]


def relations(reading) -> set[tuple[str, str, str]]:
    return {(r["subject"], r["predicate"], r["object"]) for r in reading["relations"]}


# ------------------------------------------------------------------ mentions


def test_de_gemeenten_leiden_en_leiderdorp_are_two_organisations(reader):
    reading = read(reader, "De gemeenten Leiden en Leiderdorp hebben de strategie "
                           "bedrijventerreinen vastgesteld.")
    assert names(reading) == ["gemeente Leiden", "gemeente Leiderdorp"]
    assert names(reading, Node.PROJECT) == ["Bedrijventerreinen Leidse regio"]


def test_the_municipalities_of_oegstgeest_voorschoten_and_katwijk_are_three(reader):
    reading = read(reader, "The municipalities of Oegstgeest, Voorschoten and Katwijk signed the "
                           "regional retail vision.")
    assert names(reading) == ["gemeente Oegstgeest", "gemeente Voorschoten", "gemeente Katwijk"]
    assert reading["document"]["language"] == "en"


def test_the_municipality_of_katwijk_is_gemeente_katwijk(reader):
    reading = read(reader, "Funding comes from the municipality of Katwijk.")
    assert names(reading) == ["gemeente Katwijk"]
    assert reading["mentions"][0]["surface"] == "municipality of Katwijk"


def test_a_company_in_leiden_is_a_place_not_the_gemeente(reader):
    reading = read(reader, "Een bedrijf in Leiden won de prijs; ondernemers uit Katwijk en "
                           "Oegstgeest waren er ook.")
    assert names(reading, new=None) == []


def test_generic_nouns_are_not_organisations(reader):
    reading = read(reader, "Het bedrijfsleven, de gemeenten en onderwijsinstellingen trekken samen "
                           "op; ook bedrijven en marktpartijen doen mee.")
    assert names(reading, new=None) == []


def test_holland_rijnland_the_region_is_not_the_organisation(reader):
    region = read(reader, "Veel gemeenten in Holland Rijnland kampen met krapte op de arbeidsmarkt.")
    english = read(reader, "Companies across the Holland Rijnland region are growing.")
    organisation = read(reader, "Het samenwerkingsorgaan Holland Rijnland subsidieert de pilot.")
    partner = read(reader, "De gemeente Leiden werkt samen met Holland Rijnland aan de Retailvisie.")
    assert names(region) == [] and names(english) == []
    assert names(organisation) == ["Holland Rijnland"]
    assert "Holland Rijnland" in names(partner)


def test_internet_of_things_the_technology_is_not_the_project(reader):
    technology = read(reader, "Het LoRa-netwerk faciliteert het Internet of Things in de regio.")
    project = read(reader, "Smart071 is de volgende fase van het Internet of Things (IoT) project.")
    assert names(technology, Node.PROJECT) == []
    assert names(project, Node.PROJECT) == ["Smart071", "Internet of Things"]


def test_acronyms_and_aliases_resolve_to_the_canonical_name(reader):
    reading = read(reader, "Het Expat Centre Leiden (ECL) en de KvK openen een loket; het ECL "
                           "betaalt de huur, VNO NCW de koffie.")
    assert names(reading) == ["Expat Centre Leiden", "Kamer van Koophandel", "Expat Centre Leiden",
                              "VNO-NCW"]


def test_word_order_and_branch_variants_are_near_misses_of_known_names(reader):
    reading = read(reader, "De Koepel Leidse Ondernemersverenigingen en VNO-NCW Bedrijfsleven "
                           "Rijnland schreven een brief.")
    assert names(reading) == ["Leidse Koepel van Ondernemersverenigingen", "VNO-NCW"]
    assert all(m["confidence"] < 1 for m in reading["mentions"])


def test_a_one_word_name_must_be_written_with_its_capitals(reader):
    assert names(read(reader, "Het corpus van teksten groeit onder de koepel van de regio.")) == []
    assert names(read(reader, "Corpus opent een nieuwe zaal.")) == ["Corpus"]


# ------------------------------------------------------------------ new organisations and people


def test_new_organisations_come_from_dutch_and_english_name_patterns(reader):
    reading = read(reader, "Stichting Leidse Huisvesting en Adviesbureau Rijnzicht B.V. openen een "
                           "kantoor bij Hogeschool Utrecht.",
                   "The Entrepreneurs Association Leiden Bio Science Park (LBSP) welcomed them.")
    assert names(reading, new=True) == ["Stichting Leidse Huisvesting", "Adviesbureau Rijnzicht B.V.",
                                        "Hogeschool Utrecht",
                                        "Entrepreneurs Association Leiden Bio Science Park"]
    lbsp = next(m for m in reading["mentions"] if m["name"].startswith("Entrepreneurs"))
    assert lbsp["id"] is None and lbsp["surface"].endswith("(LBSP)")
    assert any("Ondernemersvereniging Bio Science Park" in w or "Bio Science Park" in w
               for w in reading["warnings"])


def test_a_name_called_a_partner_is_proposed(reader):
    reading = read(reader, "Samen met stichting Wireless Leiden en SURFnet Nederland is een "
                           "LoRa-netwerk opgezet.")
    assert names(reading) == ["Stichting Wireless"]
    assert names(reading, new=True) == ["SURFnet Nederland"]


def test_people_with_their_role_and_organisation_in_either_order(reader):
    reading = read(reader,
                   "Bas Reichert, voorzitter van ondernemersvereniging Katwijk (KOV), opende de dag.",
                   "",
                   "Wethouder Fleur Spijker van de gemeente Leiden sprak daarna.",
                   "",
                   "Programmamanager Jasmijn Bongers sloot af; Martijn van Pelt (VNO-NCW) was er ook.",
                   "",
                   "Sanne de Wit, alderman of the municipality of Voorschoten, joined online.")
    people = {p["name"]: p["roles"][0] for p in reading["people"]}
    assert people["Bas Reichert"]["role"] == "voorzitter"
    assert people["Bas Reichert"]["organisation"] == "Katwijkse Ondernemers Vereniging (KOV)"
    assert people["Fleur Spijker"]["organisation"] == "gemeente Leiden"
    assert people["Fleur Spijker"]["line"] == 3
    assert people["Jasmijn Bongers"]["role"] == "programmamanager"
    assert people["Martijn van Pelt"]["organisation"] == "VNO-NCW"
    assert people["Sanne de Wit"] == {**people["Sanne de Wit"], "role": "alderman",
                                      "organisation": "gemeente Voorschoten"}


def test_a_person_appointed_is_read_with_the_function(reader):
    reading = read(reader, "Per 1 april is Jasmijn Bongers programmamanager van Economie071.",
                   "Noor Jansen is benoemd tot voorzitter van de Katwijkse Ondernemers Vereniging.")
    people = {p["name"]: p["roles"][0] for p in reading["people"]}
    assert people["Noor Jansen"]["organisation"] == "Katwijkse Ondernemers Vereniging (KOV)"
    assert people["Jasmijn Bongers"]["organisation"] == "Economie071"


# ------------------------------------------------------------------ relations


@pytest.mark.parametrize("sentence, expected", [
    ("De gemeente Leiden werkt nauw samen met Innovation Quarter.",
     ("gemeente Leiden", "partner", "Innovation Quarter")),
    ("De KvK organiseert de Startersdag i.s.m. Rabobank Leiden-Katwijk.",
     ("Kamer van Koophandel", "partner", "Rabobank Leiden-Katwijk")),
    ("TNO ontwikkelt de app in samenwerking met het LUMC.", ("TNO", "partner", "LUMC")),
    ("Leiden University works in partnership with the municipality of Katwijk.",
     ("Universiteit Leiden", "partner", "gemeente Katwijk")),
    ("Voor Stagepact071 is mboRijnland penvoerder.", ("mboRijnland", "trekker", "Stagepact071")),
    ("Bij Talent op Maat heeft de gemeente Voorschoten in de lead.",
     ("gemeente Voorschoten", "trekker", "Talent op Maat")),
    ("De Index071 is opgesteld in opdracht van Economie071.",
     ("Economie071", "opdrachtgever", "Index071")),
    ("Het project Smart071 wordt gefinancierd door de Provincie Zuid-Holland.",
     ("Provincie Zuid-Holland", "financier", "Smart071")),
    ("De quickscan voor Aansluiting Onderwijs en Arbeidsmarkt is uitgevoerd door Bureau Blaauwberg.",
     ("Bureau Blaauwberg", "uitvoerder", "Aansluiting Onderwijs en Arbeidsmarkt")),
    ("Talent op Maat gaat vanaf 1 mei verder als WIJIJ.", ("WIJIJ", "succeeds", "Talent op Maat")),
    ("HUBspot heet nu PLNT.", ("PLNT", "succeeds", "HUBspot")),
    ("PLNT, formerly HUBspot, hosts the event.", ("PLNT", "succeeds", "HUBspot")),
    ("WFIA/ROM is opgegaan in Innovation Quarter.", ("WFIA/ROM", "merged", "Innovation Quarter")),
    ("Rabobank Leiden-Katwijk sluit zich aan bij Economie071.",
     ("Rabobank Leiden-Katwijk", "joined", "Economie071")),
])
def test_a_stated_relation_is_read_with_its_quote(reader, sentence, expected):
    reading = read(reader, sentence)
    assert expected in relations(reading)
    relation = next(r for r in reading["relations"] if (r["subject"], r["predicate"], r["object"])
                    == expected)
    assert relation["quote"] == sentence and relation["line"] == 1
    assert relation["subject_id"] and relation["object_id"] and relation["confidence"] >= 0.7


def test_becoming_independent_is_read(reader):
    reading = read(reader, "Sinds 1 juni 2019 is het Expat Centre Leiden verzelfstandigd.")
    assert ("Expat Centre Leiden", "independent", None) in relations(reading)


def test_a_partner_list_gives_one_relation_per_partner_with_the_card_as_subject(reader):
    smart = reader.lexicon.entity_of_project("Smart071")
    reading = read(reader, "Samen met stichting Wireless Leiden en SURFnet Nederland is een LoRa",
                   "netwerk opgezet.", context=lambda line: smart)
    found = {(r["subject"], r["object"]): r for r in reading["relations"]}
    assert found[("Smart071", "Stichting Wireless")]["confidence"] >= 0.7
    assert found[("Smart071", "SURFnet Nederland")]["object_id"] is None  # new: to review


def test_generic_partners_give_no_relation(reader):
    reading = read(reader, "De gemeente Leiden werkt samen met het bedrijfsleven en de gemeenten.")
    assert reading["relations"] == []


def test_the_json_has_exactly_the_promised_shape(reader):
    reading = read(reader, "Wethouder Fleur Spijker van de gemeente Leiden werkt samen met TNO.",
                   file="bericht.txt", title="Bericht", date="2024-03-12")
    assert list(reading) == ["document", "mentions", "people", "relations", "warnings"]
    assert list(reading["document"]) == ["file", "format", "title", "date", "language"]
    assert list(reading["mentions"][0]) == ["kind", "id", "name", "new", "surface", "line", "quote",
                                            "confidence"]
    assert list(reading["people"][0]) == ["name", "id", "roles"]
    assert list(reading["people"][0]["roles"][0]) == ["role", "organisation", "organisation_id",
                                                      "project", "line", "quote"]
    assert list(reading["relations"][0]) == ["subject", "subject_id", "predicate", "object",
                                             "object_id", "line", "quote", "confidence"]


def test_a_word_broken_over_two_lines_is_read_whole_with_the_line_it_starts_on(reader):
    reading = read(reader, "Dit jaar werkt de ge-", "meente Katwijk samen met TNO.")
    mention = reading["mentions"][0]
    assert mention["name"] == "gemeente Katwijk" and mention["line"] == 1


# ------------------------------------------------------------------ the bundled cards


def test_the_bundled_cards_prose_partners_are_in_the_graph_with_their_quote(graph):
    def edge(source: str, target: str, kind: str):
        return next((d for u, v, d in graph.edges(data=True) if d["kind"] == kind
                     and graph.nodes[u]["name"] == source and graph.nodes[v]["name"] == target), None)

    wireless = edge("Stichting Wireless", "Smart071", Edge.PARTNER)
    assert wireless and "Samen met stichting Wireless Leiden" in wireless["quote"]
    assert wireless["document"] == "projectkaarten-2018" and wireless["line"] == 1219
    ecl = edge("Expat Centre Leiden", "Innovation Quarter", Edge.COLLABORATES_WITH)
    assert ecl and "werkt het ECL ook nauw samen met Innovation Quarter" in ecl["quote"]
    uvl = edge("Universiteit Leiden", "Circulaire economie", Edge.PARTNER)
    assert uvl and "onder begeleiding van Universiteit Leiden en Copper8" in uvl["quote"]


def test_an_english_news_item_gives_coordinated_partners_and_english_names(reader):
    reading = read(reader, "The municipalities of Oegstgeest and Katwijk, together with Leiden "
                           "University and the Leiden University Medical Center, launched a "
                           "talent programme funded by the Province of South Holland.")
    assert relations(reading) >= {("gemeente Oegstgeest", "partner", "Universiteit Leiden"),
                                  ("gemeente Katwijk", "partner", "Universiteit Leiden"),
                                  ("gemeente Oegstgeest", "partner", "LUMC"),
                                  ("gemeente Katwijk", "partner", "LUMC")}
    assert "Provincie Zuid-Holland" in names(reading)
    # funded, but the sentence names no project of the table: no financier relation
    assert not any(r["predicate"] == "financier" for r in reading["relations"])


def test_a_known_name_at_the_start_of_a_longer_name_is_not_that_organisation(reader):
    reading = read(reader, "Onderzoekers van de Universiteit Leiden Science Faculty werken samen "
                           "met TNO.")
    new = [m for m in reading["mentions"] if m["new"]]
    assert [m["name"] for m in new] == ["Universiteit Leiden Science Faculty"]
    assert "Universiteit Leiden" in reading["warnings"][0]  # the closest known name first


def test_becoming_independent_is_said_of_the_sentences_subject(reader):
    reading = read(reader, "The Expat Centre Leiden, formerly a project of Economie071, became "
                           "independent in 2019.")
    assert ("Expat Centre Leiden", "independent", None) in relations(reading)


def test_a_council_letter_names_the_gemeenten_of_its_colleges(reader):
    reading = read(reader, "Geachte raad, de colleges van Leiden, Oegstgeest en Zoeterwoude hebben "
                           "besloten de Regionale Retailvisie vast te stellen.")
    assert names(reading) == ["gemeente Leiden", "gemeente Oegstgeest", "gemeente Zoeterwoude"]
    assert names(reading, Node.PROJECT) == ["Regionale visie op Retail en Werklandschappen"]


def test_a_partner_profile_lists_its_partners_for_the_project_it_is_about(reader):
    project = reader.lexicon.entity_of_project("Stagepact071")
    reading = read(reader, "Partners zijn de Hogeschool Leiden, ROC Leiden en de KvK.",
                   context=lambda line: project)
    assert {(r["subject"], r["object"]) for r in reading["relations"]} == {
        ("Stagepact071", "Hogeschool Leiden"), ("Stagepact071", "ROC Leiden"),
        ("Stagepact071", "Kamer van Koophandel")}


# ------------------------------------------------------------------ names with "en", unnamed subjects


@pytest.mark.parametrize("sentence, one_name", [
    ("De stichting werkt in opdracht van VNO-NCW West en Transport en Logistiek Nederland.",
     "Transport en Logistiek Nederland"),
    ("Het ECL werkt nauw samen met Handel en Industrie Nederland.", "Handel en Industrie Nederland"),
    ("The Expat Centre works together with Transport and Logistics Netherlands.",
     "Transport and Logistics Netherlands"),
    ("Het onderzoek is uitgevoerd door Ernst & Young.", "Ernst & Young"),
])
def test_a_name_with_en_that_reads_as_one_organisation_is_not_split(reader, sentence, one_name):
    reading = read(reader, sentence)
    proposed = names(reading, new=True)
    assert one_name in proposed
    halves = {one_name.split(" ", 1)[0], one_name.split(" ", 2)[-1]}
    assert not halves & set(proposed)


@pytest.mark.parametrize("sentence, two", [
    ("Samen met Copper8 en SURFnet Nederland is een netwerk opgezet.",
     ["Copper8", "SURFnet Nederland"]),
    ("Het onderzoek wordt gedaan in opdracht van Bouwend Nederland en Techniek Nederland.",
     ["Bouwend Nederland", "Techniek Nederland"]),
])
def test_a_list_of_two_names_stays_two(reader, sentence, two):
    smart = reader.lexicon.entity_of_project("Smart071")
    reading = read(reader, sentence, context=lambda line: smart)
    assert names(reading, new=True) == two


def test_the_gemeenten_of_a_list_are_not_joined_into_one_name(reader):
    reading = read(reader, "In opdracht van de gemeenten Leiden en Leiderdorp en Katwijk Marketing "
                           "is een plan gemaakt.")
    assert names(reading) == ["gemeente Leiden", "gemeente Leiderdorp", "Katwijk Marketing"]


@pytest.mark.parametrize("sentence", [
    "Deze non-profit stichting werkt in opdracht van o.a. De MRDH en VNO-NCW West.",
    "Die organisatie werkt nauw samen met de Kamer van Koophandel.",
    "This foundation works together with the Kamer van Koophandel.",
    "De stichting wordt gefinancierd door de provincie Zuid-Holland.",
])
def test_an_unnamed_organisation_acting_is_not_the_cards_project(reader, sentence):
    smart = reader.lexicon.entity_of_project("Smart071")
    reading = read(reader, sentence, context=lambda line: smart)
    assert all("Smart071" not in (r["subject"], r["object"]) for r in reading["relations"])


def test_a_commission_on_the_cards_own_work_goes_to_the_card(reader):
    smart = reader.lexicon.entity_of_project("Smart071")
    reading = read(reader, "Het onderzoek wordt uitgevoerd in opdracht van VNO-NCW West.",
                   context=lambda line: smart)
    assert relations(reading) == {("VNO-NCW", "opdrachtgever", "Smart071")}


# ------------------------------------------------------------------ news items, profiles, letters


def roles_of(reading, person: str) -> list[tuple]:
    found = next(p for p in reading["people"] if p["name"] == person)
    return [(r["role"], r["organisation"]) for r in found["roles"]]


def test_a_news_items_title_and_dateline_are_no_part_of_a_name(reader):
    reading = read(reader, "Nieuwe programmamanager voor Economie071", "Leiden, 14 februari 2025", "",
                   "Per 1 maart is Sanne de Vries de nieuwe programmamanager van Economie071.",
                   title="Nieuwe programmamanager voor Economie071")
    assert names(reading, new=True) == []
    assert names(reading, Node.PERSON, new=True) == ["Sanne de Vries"]
    assert roles_of(reading, "Sanne de Vries") == [("programmamanager", "Economie071")]


def test_a_function_with_the_organisation_in_parentheses(reader):
    reading = read(reader, "Wethouder Fleur Spijker (gemeente Leiden) is blij met de benoeming.")
    assert roles_of(reading, "Fleur Spijker") == [("wethouder", "gemeente Leiden")]


def test_an_english_function_set_off_by_commas_and_the_association_it_speaks_for(reader):
    reading = read(reader, "Its chairman, Bas Reichert, said the association works closely with "
                           "InnovationQuarter and the Chamber of Commerce.")
    assert roles_of(reading, "Bas Reichert") == [("chairman", None)]
    # The association works with them, not its chairman.
    assert reading["relations"] == []
    assert names(reading) == ["Innovation Quarter", "Kamer van Koophandel"]


def test_a_head_word_before_a_variant_of_a_known_name_is_that_organisation(reader):
    reading = read(reader, "Volgens Bas Reichert, voorzitter van ondernemersvereniging Leiden Bio "
                           "Science Park, groeit het park nog steeds.")
    assert roles_of(reading, "Bas Reichert") == [("voorzitter", "Ondernemersvereniging Bio Science Park")]
    assert "Leiden Bio Science Park" not in names(reading)  # the park itself is not meant


def test_a_name_ending_in_leidse_regio_is_proposed_whole(reader):
    reading = read(reader, "De strategie is opgesteld in opdracht van de Economische Programmaraad "
                           "Leidse regio en uitgevoerd door Stec Groep B.V.")
    assert names(reading, new=True) == ["Economische Programmaraad Leidse regio", "Stec Groep B.V."]


@pytest.mark.parametrize("sentence", [
    "Since 2019 the Leiden Expat Centre has been an independent foundation.",
    "Het Expat Centre Leiden is sinds 2019 een zelfstandige stichting.",
])
def test_an_organisation_that_is_now_independent(reader, sentence):
    assert ("Expat Centre Leiden", "independent", None) in relations(read(reader, sentence))


def test_a_self_employed_person_is_no_organisation_becoming_independent(reader):
    reading = read(reader, "Sanne de Vries is sinds 2019 zelfstandig ondernemer in Katwijk.")
    assert reading["relations"] == [] and names(reading) == []


def test_a_council_letter_keeps_places_and_unnamed_actors_out(reader):
    reading = read(reader,
                   "Bij de uitvoering werkt de gemeente nauw samen met de ondernemersverenigingen, "
                   "het Ondernemersfonds Leiden en de Rabobank.",
                   "Ook bedrijven uit Leiderdorp en Leiden zijn betrokken.")
    assert names(reading) == ["Ondernemersfonds Leiden", "Rabobank Leiden-Katwijk"]
    assert names(reading, new=True) == []
    assert reading["relations"] == []  # "de gemeente" is not named: no subject to relate


@pytest.mark.parametrize("lines", [
    ["Studenten deden onderzoek samen met CvV-", "medewerkers en docenten."],
    ["De gemeente Leiden werkt samen met MKB-bedrijven uit de regio."],
])
def test_a_name_and_a_noun_in_one_word_is_no_partner(reader, lines):
    reading = read(reader, *lines)
    assert names(reading, new=True) == [] and reading["relations"] == []


def test_a_surname_alone_is_the_person_named_before_and_only_then(reader):
    reading = read(reader, "Bongers was er ook.", "Programmamanager Jasmijn Bongers opende de dag.",
                   "Volgens Bongers gaat het goed. Een zekere Jan Bongers stelde een vraag.")
    people = [(m["surface"], m["name"]) for m in reading["mentions"] if m["kind"] == Node.PERSON]
    assert people == [("Jasmijn Bongers", "Jasmijn Bongers"), ("Bongers", "Jasmijn Bongers")]


def test_a_surname_that_is_also_a_word_is_not_linked_at_a_sentence_start(reader):
    reading = read(reader, "Programmamanager Ricardo Winter opende de dag.",
                   "De winter was koud. Winter is een seizoen; daarna sprak Winter.")
    surfaces = [m["surface"] for m in reading["mentions"] if m["kind"] == Node.PERSON]
    assert surfaces == ["Ricardo Winter", "Winter"]  # only "sprak Winter"


def test_two_people_of_one_surname_leave_the_surname_alone_unlinked(reader):
    reading = read(reader, "Wethouder Fleur Spijker en directeur Anna Spijker openden de dag.",
                   "Daarna sprak Spijker.")
    assert [m["surface"] for m in reading["mentions"] if m["kind"] == Node.PERSON] == [
        "Fleur Spijker", "Anna Spijker"]
