"""`graph071 read`, `graph071 add --kind text` and the review round trip, as a user runs them
(in the CLI and through Excel), on a news item written for these tests."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from openpyxl import load_workbook

from graph071.build.pipeline import build
from graph071.corpus.manifest import bundled_data_dir
from graph071.schema import Edge

from .conftest import graph071, programme_corpus
from .typeset import card_docx, card_pdf, news_html

NEWS = """Nieuwe samenwerking in de Leidse regio
Leiden, 12 maart 2024

Wethouder Fleur Spijker van de gemeente Leiden opende woensdag het nieuwe loket.
De gemeente Leiden werkt daarvoor nauw samen met de Kamer van Koophandel en Copper8.
Een bedrijf in Leiden kan er terecht; ook het bedrijfsleven in Katwijk is welkom.
Stichting Leidse Starters (SLS) sluit zich aan bij Economie071.
Programmamanager Jasmijn Bongers was er ook bij.
"""


def corpus(tmp_path: Path) -> Path:
    folder = programme_corpus(tmp_path / "corpus")
    shutil.copy(bundled_data_dir() / "projects.csv", folder)
    return folder


def news(tmp_path: Path) -> Path:
    path = tmp_path / "nieuws-2024-03.txt"
    path.write_text(NEWS, encoding="utf-8")
    return path


def test_read_json_gives_mentions_people_and_relations_with_quotes(tmp_path):
    folder = corpus(tmp_path)
    result = graph071("--data", str(folder), "read", str(news(tmp_path)), "--json", check=True)
    reading = json.loads(result.stdout)
    assert reading["document"] == {"file": "nieuws-2024-03.txt", "format": "txt",
                                   "title": "Nieuwe samenwerking in de Leidse regio",
                                   "date": "2024-03-12", "language": "nl"}
    known = {m["name"] for m in reading["mentions"] if not m["new"]}
    assert known == {"gemeente Leiden", "Kamer van Koophandel", "Economie071"}
    assert {m["name"] for m in reading["mentions"] if m["new"]} == {"Copper8",
                                                                    "Stichting Leidse Starters",
                                                                    "Fleur Spijker",
                                                                    "Jasmijn Bongers"}
    assert reading["people"][0]["roles"][0]["organisation"] == "gemeente Leiden"
    partner = next(r for r in reading["relations"] if r["object"] == "Kamer van Koophandel")
    assert partner["subject"] == "gemeente Leiden" and partner["line"] == 5
    assert partner["quote"].startswith("De gemeente Leiden werkt daarvoor nauw samen")


MENTION_KEYS = ["kind", "id", "name", "new", "surface", "line", "quote", "confidence"]
RELATION_KEYS = ["subject", "subject_id", "predicate", "object", "object_id", "line", "quote",
                 "confidence"]
ROLE_KEYS = ["role", "organisation", "organisation_id", "project", "line", "quote"]


def assert_promised_shape(reading: dict, *, pages: bool = False) -> None:
    """The JSON shape of the issue, key for key; a document with pages adds `page`."""
    extra = ["page"] if pages else []
    assert list(reading) == ["document", "mentions", "people", "relations", "warnings"]
    assert list(reading["document"]) == ["file", "format", "title", "date", "language"]
    assert all(list(m) == MENTION_KEYS + extra for m in reading["mentions"])
    assert all(list(p) == ["name", "id", "roles"] for p in reading["people"])
    assert all(list(r) == ROLE_KEYS + extra for p in reading["people"] for r in p["roles"])
    assert all(list(r) == RELATION_KEYS + extra for r in reading["relations"])
    assert all(isinstance(w, str) for w in reading["warnings"])


def read_json(folder: Path, path: Path) -> dict:
    return json.loads(graph071("--data", str(folder), "read", str(path), "--json",
                               check=True).stdout)


def test_read_takes_a_news_page_as_published_on_the_web(tmp_path):
    page = news_html(tmp_path / "loket.html", "Nieuw ondernemersloket in Leiden", "2024-03-05", [
        "Wethouder Fleur Spijker van de gemeente Leiden opende woensdag het nieuwe "
        "ondernemersloket in het centrum van de stad, samen met vele ondernemers uit de regio.",
        "De gemeente Leiden werkt daarvoor nauw samen met de Kamer van Koophandel en met de "
        "ondernemersverenigingen van de omliggende gemeenten in de Leidse regio.",
        "Een bedrijf in Katwijk kan er ook terecht, zo laat de gemeente weten in een bericht "
        "aan alle ondernemers in de regio."])
    reading = read_json(corpus(tmp_path), page)
    assert_promised_shape(reading)
    # Title and date from the page's metadata, not its navigation or footer.
    assert reading["document"] == {"file": "loket.html", "format": "html",
                                   "title": "Nieuw ondernemersloket in Leiden",
                                   "date": "2024-03-05", "language": "nl"}
    assert {m["name"] for m in reading["mentions"] if not m["new"]} == {
        "gemeente Leiden", "Kamer van Koophandel"}
    partner = next(r for r in reading["relations"] if r["object"] == "Kamer van Koophandel")
    assert partner["subject"] == "gemeente Leiden"
    assert partner["quote"].startswith("De gemeente Leiden werkt daarvoor nauw samen")
    assert "Home" not in json.dumps(reading) and "Privacyverklaring" not in json.dumps(reading)


def test_read_takes_a_partner_profile_written_in_word(tmp_path):
    profile = card_docx(tmp_path / "profiel.docx", "Partnerprofiel Kamer van Koophandel", [
        "Leiden, 4 april 2024",
        "Bas Reichert, voorzitter van de Kamer van Koophandel, werkt samen met Hogeschool Leiden.",
        "Samen met Copper8 organiseert de Kamer van Koophandel een circulaire ondernemersdag."],
        [("Website", "www.example.nl")])
    reading = read_json(corpus(tmp_path), profile)
    assert_promised_shape(reading)
    # The date the profile states outranks the Word file's own creation date.
    assert reading["document"] == {"file": "profiel.docx", "format": "docx",
                                   "title": "Partnerprofiel Kamer van Koophandel",
                                   "date": "2024-04-04", "language": "nl"}
    bas = next(p for p in reading["people"] if p["name"] == "Bas Reichert")
    assert [(r["role"], r["organisation"]) for r in bas["roles"]] == [
        ("voorzitter", "Kamer van Koophandel")]
    assert ("Kamer van Koophandel", "partner", "Hogeschool Leiden") in {
        (r["subject"], r["predicate"], r["object"]) for r in reading["relations"]}
    # One Word paragraph is one paragraph: the date line does not run into the next sentence.
    assert all(not m["quote"].startswith("Leiden, 4 april") for m in reading["mentions"])
    assert "Copper8" in {m["name"] for m in reading["mentions"] if m["new"]}


def test_read_takes_a_pdf_letter_and_says_the_page_of_every_finding(tmp_path):
    letter = card_pdf(tmp_path / "raadsbrief.pdf", [
        ("Raadsinformatiebrief bedrijventerreinen", [
            "Leiden, 12 maart 2024",
            "De gemeenten Leiden en Leiderdorp hebben de strategie voor de bedrijventerreinen "
            "vastgesteld."]),
        ("Vervolg", ["De Kamer van Koophandel werkt daarbij nauw samen met Hogeschool Leiden."])])
    reading = read_json(corpus(tmp_path), letter)
    assert_promised_shape(reading, pages=True)
    assert reading["document"] == {"file": "raadsbrief.pdf", "format": "pdf",
                                   "title": "Raadsinformatiebrief bedrijventerreinen",
                                   "date": "2024-03-12", "language": "nl"}
    pages = {m["name"]: m["page"] for m in reading["mentions"]}
    assert pages == {"gemeente Leiden": 1, "gemeente Leiderdorp": 1, "Kamer van Koophandel": 2,
                     "Hogeschool Leiden": 2}
    [partner] = reading["relations"]
    assert (partner["subject"], partner["object"], partner["page"]) == (
        "Kamer van Koophandel", "Hogeschool Leiden", 2)


def test_add_text_takes_a_web_page_and_keeps_its_text_beside_it(tmp_path):
    folder = corpus(tmp_path)
    page = news_html(tmp_path / "samenwerking.html", "Samenwerking in de regio", "2024-05-01", [
        "De gemeente Leiden werkt sinds deze maand nauw samen met de Kamer van Koophandel om "
        "startende ondernemers in de hele Leidse regio beter te helpen.",
        "Het loket is elke werkdag open en de eerste bezoekers waren enthousiast over de "
        "nieuwe aanpak van de twee organisaties."])
    graph071("--data", str(folder), "add", str(page), "--kind", "text", "--edition", "2024-05",
             check=True)
    assert (folder / "documents" / "samenwerking.html").is_file()
    assert "nauw samen met de Kamer" in (folder / "documents" / "samenwerking.txt").read_text(
        encoding="utf-8")
    row = list(csv.DictReader((folder / "manifest.csv").open(encoding="utf-8")))[-1]
    assert (row["file"], row["original"], row["title"]) == (
        "documents/samenwerking.txt", "documents/samenwerking.html", "Samenwerking in de regio")
    graph = build(folder).graph
    collaboration = [(graph.nodes[u]["name"], graph.nodes[v]["name"], d["line"])
                     for u, v, d in graph.edges(data=True) if d["kind"] == Edge.COLLABORATES_WITH]
    assert [c[:2] for c in collaboration] == [("gemeente Leiden", "Kamer van Koophandel")]


def test_read_prints_a_dutch_report(tmp_path):
    result = graph071("--data", str(corpus(tmp_path)), "read", str(news(tmp_path)), check=True)
    assert "Genoemd (3)" in result.stdout and "Relaties" in result.stdout
    assert "Let op: regel 5: 'Copper8' staat niet in de tabellen" in result.stdout


def test_read_refuses_a_missing_file_an_unknown_format_and_a_damaged_pdf_in_one_line(tmp_path):
    missing = graph071("--lang", "en", "read", str(tmp_path / "weg.txt"))
    rtf = tmp_path / "brief.rtf"
    rtf.write_text("{\\rtf1 Brief}", encoding="utf-8")
    unknown = graph071("--lang", "en", "read", str(rtf))
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    damaged = graph071("--lang", "en", "read", str(pdf))
    for result in (missing, unknown, damaged):
        assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr
    assert "weg.txt" in missing.stderr and "brief.rtf" in unknown.stderr and ".docx" in unknown.stderr
    assert "brief.pdf" in damaged.stderr
    dutch = graph071("read", str(rtf))
    assert dutch.returncode == 1 and dutch.stderr.startswith("Fout:") and ".docx" in dutch.stderr


def test_add_text_links_known_names_with_their_line_and_quote(tmp_path):
    folder = corpus(tmp_path)
    graph071("--data", str(folder), "add", str(news(tmp_path)), "--kind", "text", "--edition",
             "2024-03", check=True)
    graph = build(folder).graph
    document = "doc:nieuws-2024-03"
    mentioned = {graph.nodes[u]["name"]: d for u, v, d in graph.edges(data=True)
                 if v == document and d["kind"] == Edge.MENTIONED_IN}
    assert set(mentioned) == {"gemeente Leiden", "Kamer van Koophandel", "Economie071",
                              "Fleur Spijker"}
    assert mentioned["gemeente Leiden"]["lines"] == [4, 5]
    assert mentioned["Kamer van Koophandel"]["quote"].startswith("De gemeente Leiden werkt")
    collaboration = [d for u, v, d in graph.edges(data=True) if d["kind"] == Edge.COLLABORATES_WITH]
    assert [(c["document"], c["line"]) for c in collaboration] == [("nieuws-2024-03", 5)]
    works_for = [d for u, v, d in graph.edges(data=True) if d["kind"] == Edge.WORKS_FOR]
    assert works_for[0]["role"] == "wethouder"
    assert not any(d.get("name") == "Copper8" for _, d in graph.nodes(data=True))  # to review


def cards_corpus(tmp_path: Path) -> Path:
    """The programme and the 2022 project cards, which name people by their full name."""
    folder = corpus(tmp_path)
    shutil.copy(bundled_data_dir() / "documents" / "2022_projectkaarten.txt", folder / "documents")
    with (folder / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write("documents/2022_projectkaarten.txt,projectkaarten-2022,Projectkaarten 2022,"
                       "Economie071,2022-01,project_cards,project_cards,\n")
    return folder


MEETING = """Ondernemers praten mee over de regio
Leiden, 3 juni 2024

Spijker en Bongers zijn allebei bekend in de regio.
Jasmijn Bongers opende de bijeenkomst in het stadhuis met een terugblik op het jaar.
Daarna sprak Bongers met ondernemers uit Katwijk; Jasmijn bleef tot het einde.
Ook Fleur Spijker was aanwezig. Een zekere Jan Bongers stelde een vraag.
"""


def test_a_known_person_is_linked_by_full_name_without_a_function_word(tmp_path):
    folder = cards_corpus(tmp_path)
    text = tmp_path / "bijeenkomst.txt"
    text.write_text(MEETING, encoding="utf-8")
    reading = read_json(folder, text)
    people = [(m["surface"], m["id"], m["line"]) for m in reading["mentions"]
              if m["kind"] == "Person"]
    # The full names link, and the surname once the full name said who it is; not a surname
    # before that, not the first name alone, and not another Bongers.
    assert people == [("Jasmijn Bongers", "person:jasmijn-bongers", 5),
                      ("Bongers", "person:jasmijn-bongers", 6),
                      ("Fleur Spijker", "person:fleur-spijker", 7)]
    graph071("--data", str(folder), "add", str(text), "--kind", "text", "--edition", "2024-06",
             check=True)
    graph = build(folder).graph
    mentioned = {graph.nodes[u]["name"]: d for u, v, d in graph.edges(data=True)
                 if v == "doc:bijeenkomst" and d["kind"] == Edge.MENTIONED_IN}
    assert set(mentioned) == {"Jasmijn Bongers", "Fleur Spijker"}
    assert mentioned["Jasmijn Bongers"]["quote"].startswith("Jasmijn Bongers opende de bijeenkomst")
    assert mentioned["Jasmijn Bongers"]["lines"] == [5, 6]


def review_json(folder: Path) -> list[dict]:
    return json.loads(graph071("--data", str(folder), "review", "--json", check=True).stdout)


def test_review_accept_alias_and_reject_are_written_and_never_asked_again(tmp_path):
    folder = corpus(tmp_path)
    graph071("--data", str(folder), "add", str(news(tmp_path)), "--kind", "text", "--edition",
             "2024-03", check=True)
    items = {item["subject"]: item for item in review_json(folder)}
    assert {"Copper8", "Stichting Leidse Starters", "Jasmijn Bongers"} <= set(items)
    starters, copper8 = items["Stichting Leidse Starters"], items["Copper8"]
    graph071("--data", str(folder), "review", "accept", starters["id"], "--reason",
             "nieuwe partner", check=True)
    graph071("--data", str(folder), "review", "alias", copper8["id"], "TNO", check=True)
    rows = {row["name"]: row for row in csv.DictReader((folder / "organisations.csv").open())}
    assert rows["Stichting Leidse Starters"]["aliases"] == "SLS"
    assert "nieuwe partner" in rows["Stichting Leidse Starters"]["note"]
    assert "Copper8" in rows["TNO"]["aliases"].split(";")
    left = review_json(folder)
    assert {item["subject"] for item in left} == {"Jasmijn Bongers"}  # no organisation named
    for item in left:
        graph071("--data", str(folder), "review", "reject", item["id"], check=True)
    assert review_json(folder) == []
    decisions = list(csv.DictReader((folder / "review.csv").open()))
    assert {d["decision"] for d in decisions} == {"accept", "alias", "reject"}
    assert all(d["date"] and d["reason"] for d in decisions)
    graph = build(folder).graph
    joined = [(graph.nodes[u]["name"], graph.nodes[v]["name"]) for u, v, d in graph.edges(data=True)
              if d["kind"] == Edge.MEMBER_OF and d["document"] == "nieuws-2024-03"]
    assert joined == [("Stichting Leidse Starters", "Economie071")]


def corrections_rows(folder: Path) -> list[dict]:
    lines = (folder / "corrections.csv").read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def added_news(tmp_path: Path) -> Path:
    folder = corpus(tmp_path)
    graph071("--data", str(folder), "add", str(news(tmp_path)), "--kind", "text", "--edition",
             "2024-03", check=True)
    return folder


def test_a_rejection_is_kept_in_corrections_and_holds_without_review_csv_and_under_another_id(
        tmp_path):
    folder = added_news(tmp_path)
    copper8 = next(item for item in review_json(folder) if item["subject"] == "Copper8")
    graph071("--data", str(folder), "review", "reject", copper8["id"], "--reason",
             "een adviesbureau, geen partner", check=True)
    [row] = [r for r in corrections_rows(folder) if r["correction"] == "reject"]
    assert (row["subject"], row["role"]) == ("Copper8", "organisation")
    assert row["reason"].startswith("een adviesbureau, geen partner (citaat: De gemeente Leiden")
    assert row["date"]
    (folder / "review.csv").unlink()  # the log is gone; the curated table still says it
    assert "Copper8" not in {item["subject"] for item in review_json(folder)}
    again = tmp_path / "nieuws-kopie.txt"
    again.write_text(NEWS, encoding="utf-8")
    graph071("--data", str(folder), "add", str(again), "--kind", "text", "--edition", "2024-04",
             check=True)
    subjects = [(item["subject"], item["document"]) for item in review_json(folder)]
    assert ("Stichting Leidse Starters", "nieuws-kopie") in subjects  # the copy is read ...
    assert "Copper8" not in {subject for subject, _ in subjects}  # ... and not asked again
    # The row is a decision, not a change to the graph: the build has nothing to warn about.
    assert not [w for w in build(folder).warnings if w.document == "corrections.csv"]


def test_an_accepted_person_is_kept_in_corrections_and_in_the_graph_without_review_csv(tmp_path):
    folder = added_news(tmp_path)
    bongers = next(item for item in review_json(folder) if item["subject"] == "Jasmijn Bongers")
    graph071("--data", str(folder), "review", "accept", bongers["id"], "--reason",
             "programmamanager van Economie071", check=True)
    assert [(r["correction"], r["subject"], r["role"]) for r in corrections_rows(folder)] == [
        ("accept", "Jasmijn Bongers", "person")]
    (folder / "review.csv").unlink()
    assert "Jasmijn Bongers" not in {item["subject"] for item in review_json(folder)}
    graph = build(folder).graph
    mentioned = [graph.nodes[u]["name"] for u, v, d in graph.edges(data=True)
                 if d["kind"] == Edge.MENTIONED_IN and v == "doc:nieuws-2024-03"]
    assert "Jasmijn Bongers" in mentioned


def test_an_alias_decision_says_why_and_when_in_organisations_csv(tmp_path):
    folder = added_news(tmp_path)
    copper8 = next(item for item in review_json(folder) if item["subject"] == "Copper8")
    graph071("--data", str(folder), "review", "alias", copper8["id"], "TNO", "--reason",
             "zelfde bureau", check=True)
    rows = {row["name"]: row for row in csv.DictReader((folder / "organisations.csv").open())}
    assert "Copper8" in rows["TNO"]["aliases"].split(";")
    assert "zelfde bureau" in rows["TNO"]["note"] and "graph071 review op 20" in rows["TNO"]["note"]
    (folder / "review.csv").unlink()
    assert "Copper8" not in {item["subject"] for item in review_json(folder)}


def queue_in_excel(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus with the news item added, and its review queue written as a workbook."""
    folder = corpus(tmp_path)
    graph071("--data", str(folder), "add", str(news(tmp_path)), "--kind", "text", "--edition",
             "2024-03", check=True)
    workbook = tmp_path / "review.xlsx"
    graph071("--data", str(folder), "review", "--xlsx", str(workbook), check=True)
    return folder, workbook


def decide_in_excel(workbook, name: str, decision: str, reason: str) -> None:
    """Fill in the decision and reason of the item `name` in the review workbook, as a user
    does in Excel (the sheet and its Dutch column headers as graph071 wrote them)."""
    book = load_workbook(workbook)
    sheet = book["review"]
    header = [cell.value for cell in sheet[1]]
    assert "beslissing" in header and "reden" in header
    rows = [dict(zip(header, row)) for row in sheet.iter_rows(min_row=2)]
    chosen = [values for values in rows if values["naam"].value == name]
    assert chosen, f"{name} is not in the review workbook"
    for values in chosen:
        values["beslissing"].value = decision
        values["reden"].value = reason
    book.save(workbook)


def test_review_round_trip_through_excel(tmp_path):
    folder, workbook = queue_in_excel(tmp_path)
    decide_in_excel(workbook, "Copper8", "accept", "adviesbureau circulaire economie")
    result = graph071("--data", str(folder), "review", "--apply", str(workbook), check=True)
    assert "1 beslissingen verwerkt" in result.stdout
    assert "Copper8" in (folder / "organisations.csv").read_text(encoding="utf-8")
    assert "Copper8" not in {item["subject"] for item in review_json(folder)}


def test_a_rejection_through_excel_is_kept_in_corrections(tmp_path):
    folder, workbook = queue_in_excel(tmp_path)
    decide_in_excel(workbook, "Stichting Leidse Starters", "afwijzen", "bestaat niet meer")
    graph071("--data", str(folder), "review", "--apply", str(workbook), check=True)
    assert [(r["correction"], r["subject"]) for r in corrections_rows(folder)] == [
        ("reject", "Stichting Leidse Starters")]
    (folder / "review.csv").unlink()
    assert "Stichting Leidse Starters" not in {item["subject"] for item in review_json(folder)}


def test_a_workbook_with_a_bad_decision_writes_nothing(tmp_path):
    folder, workbook = queue_in_excel(tmp_path)
    book = load_workbook(workbook)
    book["review"]["I2"] = "misschien"
    book["review"]["I3"] = "accept"
    book.save(workbook)
    before = (folder / "organisations.csv").read_text(encoding="utf-8")
    result = graph071("--data", str(folder), "review", "--apply", str(workbook))
    assert result.returncode == 1 and ":2: beslissing 'misschien'" in result.stderr
    assert (folder / "organisations.csv").read_text(encoding="utf-8") == before
    assert not (folder / "review.csv").exists()
