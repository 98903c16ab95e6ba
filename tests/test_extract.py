"""PDF, Word and web pages in: the text comes out in reading order, without page furniture,
and a card typeset as a PDF reads into the same roles as its text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph071.build.add import add_document
from graph071.build.pipeline import build
from graph071.corpus.extract import extract
from graph071.corpus.manifest import bundled_data_dir
from graph071.errors import InputError
from graph071.schema import Edge

from typeset import card_docx, card_pdf, news_html, paragraphs_of, table_pdf

from .conftest import graph071

STAGEPACT = "Stagepact071"


def stagepact_text() -> tuple[str, str]:
    """Return (categorie line, the text of the 2022 Stagepact071 card below its title)."""
    lines = (bundled_data_dir() / "documents" / "2022_projectkaarten.txt").read_text(
        encoding="utf-8").split("\n")
    start = lines.index(STAGEPACT)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].strip().startswith("Categorie"))
    return lines[start - 2].strip(), "\n".join(lines[start + 1:end])


def corpus(tmp_path: Path, documents: dict[str, str] | None = None) -> Path:
    """Return a corpus folder with the bundled tables and the given text documents."""
    folder = tmp_path / "corpus"
    (folder / "documents").mkdir(parents=True)
    for table in ("organisations.csv", "projects.csv"):
        shutil.copy(bundled_data_dir() / table, folder / table)
    rows = ["file,id,title,publisher,edition,kind,loader"]
    for name, text in (documents or {}).items():
        (folder / "documents" / name).write_text(text, encoding="utf-8")
        rows.append(f"documents/{name},{Path(name).stem},{name},Economie071,2022-01,"
                    "project_cards,project_cards")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def roles(graph) -> set[tuple[str, str, str]]:
    """Return (edge kind, who, on what) for every role edge, by node name."""
    skip = {Edge.APPEARS_IN, Edge.DESCRIBED_IN}
    return {(data["kind"], graph.nodes[source]["name"], graph.nodes[target]["name"])
            for source, target, data in graph.edges(data=True) if data["kind"] not in skip}


def test_a_one_column_card_comes_back_in_reading_order(tmp_path):
    pdf = card_pdf(tmp_path / "kaart.pdf", [("Projectkaart Index071", [
        "Categorie: kennisdeling", "Adviseur Rob Manders, bureau Blaauwberg.",
        "Projectleider: Jasmijn Bongers, Economie071"])])
    extracted = extract(pdf)
    assert extracted.format == "pdf" and extracted.pages == 1
    assert extracted.title == "Projectkaart Index071"
    assert [line for line in extracted.lines if line] == [
        "Projectkaart Index071", "Categorie: kennisdeling",
        "Adviseur Rob Manders, bureau Blaauwberg.", "Projectleider: Jasmijn Bongers, Economie071"]
    assert extracted.headings == [1]


def test_a_two_column_card_loses_its_running_header_and_page_numbers(tmp_path):
    left = ["Focus", "De linkerkolom begint hier en loopt door tot onderaan. " * 4]
    right = ["Projectstructuur", "Projectleider: Marjan van Duijn, gemeente Leiden"]
    pdf = card_pdf(tmp_path / "kaart.pdf", [("Projectkaart Een", left + right),
                                             ("Projectkaart Twee", left + right)],
                   columns=2, header="Economie071 projectkaarten 2024", footer="pagina {page}")
    extracted = extract(pdf)
    text = "\n".join(extracted.lines)
    assert "Economie071 projectkaarten 2024" not in text and "pagina" not in text
    assert text.index("Focus") < text.index("onderaan") < text.index("Projectstructuur")
    assert " ".join(extracted.lines).count("Projectleider: Marjan van Duijn, gemeente") == 2
    assert extracted.pages == 2
    assert extracted.page_of_line[extracted.lines.index("Projectkaart Twee")] == 2
    assert any("Economie071 projectkaarten 2024" in note for note in extracted.notes)


def test_a_programme_table_is_read_row_by_row(tmp_path):
    pdf = table_pdf(tmp_path / "programma.pdf", "Uitvoeringsprogramma 2024",
                    ["Nr", "Actie", "Trekker"],
                    [["1", "Ondernemersdag071", "gemeente Leiden"],
                     ["2", "Startersdag Leidse regio", "Rabobank Leiden"]])
    lines = [line for line in extract(pdf).lines if line]
    assert lines.index("Ondernemersdag071") < lines.index("gemeente Leiden") \
        < lines.index("2") < lines.index("Startersdag Leidse regio") < lines.index("Rabobank Leiden")


def test_a_word_card_reads_paragraphs_and_the_field_table_in_order(tmp_path):
    path = card_docx(tmp_path / "kaart.docx", "Projectkaart Index071",
                     ["De Index071 laat zien dat de economie robuust is."],
                     [("Trekker", "gemeente Leiden"), ("Partners", "LUMC, Hogeschool Leiden")])
    extracted = extract(path)
    lines = [line for line in extracted.lines if line]
    assert extracted.title == "Projectkaart Index071"
    assert lines == ["Projectkaart Index071", "De Index071 laat zien dat de economie robuust is.",
                     "Trekker: gemeente Leiden", "Partners: LUMC, Hogeschool Leiden",
                     "Meer informatie bij Economie071."]


def test_a_news_page_gives_its_article_title_and_date_without_navigation(tmp_path):
    paragraphs = ["Economie071 start met het Stagepact071, een afspraak tussen onderwijs en "
                  "bedrijfsleven over stageplaatsen in de Leidse regio voor studenten van het mbo.",
                  "Trekker is de gemeente Leiden, samen met mboRijnland en Hogeschool Leiden. "
                  "De eerste bijeenkomst is in april, in het stadhuis van Leiden."]
    extracted = extract(news_html(tmp_path / "nieuws.html", "Nieuw project Stagepact071",
                                  "2024-03-05", paragraphs))
    text = "\n".join(extracted.lines)
    assert extracted.format == "html" and extracted.date == "2024-03-05"
    assert extracted.title.startswith("Nieuw project Stagepact071")
    assert "Trekker is de gemeente Leiden" in text
    assert "Privacyverklaring" not in text and "Contact" not in text


def test_an_unknown_format_is_one_clear_error(tmp_path):
    (tmp_path / "kaart.odt").write_bytes(b"PK")
    with pytest.raises(InputError, match="kan .odt-bestanden niet lezen"):
        extract(tmp_path / "kaart.odt")


def test_a_damaged_pdf_is_one_clear_error(tmp_path):
    (tmp_path / "kapot.pdf").write_bytes(b"%PDF-1.4 dit is geen pdf")
    with pytest.raises(InputError, match="kan dit pdf-bestand niet lezen"):
        extract(tmp_path / "kapot.pdf")


def two_column_card_pdf(path):
    """Return the Stagepact071 card of 2022 typeset in two columns over two pages, with a
    running header and a page number in the footer."""
    categorie, body = stagepact_text()
    paragraphs = paragraphs_of(body)
    half = len(paragraphs) // 2
    return card_pdf(path, [(f"Projectkaart {STAGEPACT}", [categorie] + paragraphs[:half]),
                           ("", paragraphs[half:])],
                    columns=2, header="Economie071 projectkaarten 2024", footer="{page}")


def test_a_two_column_pdf_card_reads_into_the_same_roles_as_its_text(tmp_path):
    categorie, body = stagepact_text()
    text_corpus = corpus(tmp_path / "tekst", {"kaart.txt": f"{categorie}\nProjectkaart\n"
                                                            f"{STAGEPACT}\n{body}\n"})
    pdf = two_column_card_pdf(tmp_path / "kaarten.pdf")
    pdf_corpus = corpus(tmp_path / "pdf")
    added = add_document(pdf, "project_cards", "2024-01", data_dir=pdf_corpus,
                         loader="project_cards")
    assert added.entry.file == "documents/kaarten.txt"
    assert added.entry.extra["original"] == "documents/kaarten.pdf"
    from_text, from_pdf = build(text_corpus).graph, build(pdf_corpus).graph
    assert roles(from_text) and sorted(roles(from_pdf) ^ roles(from_text)) == []
    pages = {data.get("page") for _, _, data in from_pdf.edges(data=True)
             if data["kind"] == Edge.PROJECTLEIDER}
    assert pages == {1} or pages == {2}


def card_roles(graph, document: str, project: str) -> set[tuple[str, str]]:
    """Return (edge kind, who) of the roles `document` gives `project` (a fact two
    editions give is one edge, seen in both)."""
    skip = {Edge.APPEARS_IN, Edge.DESCRIBED_IN}
    return {(data["kind"], source) for source, target, data in graph.edges(data=True)
            if target == project and data["kind"] not in skip
            and document in data.get("seen_in", [data.get("document")])}


def test_a_new_pdf_edition_is_added_to_a_copy_of_the_corpus_with_graph071_add(tmp_path):
    folder = tmp_path / "kopie"
    shutil.copytree(bundled_data_dir(), folder, ignore=shutil.ignore_patterns("__*"))
    pdf = two_column_card_pdf(tmp_path / "kaarten.pdf")
    added = graph071("--data", str(folder), "add", str(pdf), "--kind", "project_cards",
                     "--edition", "2024-01")
    assert added.returncode == 0, added.stderr
    assert (folder / "documents" / "kaarten.pdf").exists()
    graph = build(folder).graph
    assert graph.nodes["doc:kaarten"]
    project = "project:stagepact071"
    in_2022 = card_roles(graph, "projectkaarten-2022", project)
    assert in_2022 and card_roles(graph, "kaarten", project) == in_2022
