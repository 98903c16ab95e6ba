"""Documents typeset in the tests: PDFs (reportlab), Word files (python-docx), web pages.

Each helper takes the text a document should hold and lays it out the way a
publisher would (one or two columns, a running header and footer, a table), so a
test can check that extraction gives the text back in reading order.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

WIDTH, HEIGHT = A4
MARGIN = 56
BODY, TITLE = 10, 18


def card_pdf(path: Path, pages: list[tuple[str, list[str]]], *, columns: int = 1,
             header: str = "", footer: str = "") -> Path:
    """Write a PDF with one (title, body lines) per page and return its path.

    The title is set large across the page; the body runs in `columns` columns. `header`
    and `footer` are printed on every page ("{page}" becomes the page number).
    """
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setTitle(pages[0][0] if pages else "")
    for number, (title, body) in enumerate(pages, start=1):
        if header:
            canvas.setFont("Helvetica", 8)
            canvas.drawString(MARGIN, HEIGHT - 30, header.format(page=number))
        if footer:
            canvas.setFont("Helvetica", 8)
            canvas.drawString(WIDTH / 2 - 20, 24, footer.format(page=number))
        y = HEIGHT - 80
        if title:
            canvas.setFont("Helvetica-Bold", TITLE)
            canvas.drawString(MARGIN, y, title)
            y -= TITLE * 2
        _column_text(canvas, body, columns, y)
        canvas.showPage()
    canvas.save()
    return path


def _column_text(canvas: Canvas, body: list[str], columns: int, top: float) -> None:
    """Set the paragraphs of `body` in columns, a blank row after each paragraph."""
    gutter = 24
    width = (WIDTH - 2 * MARGIN - gutter * (columns - 1)) / columns
    per_line = int(width / (BODY * 0.5))
    lines: list[str] = []
    for paragraph in body:
        lines.extend(textwrap.wrap(paragraph, per_line, break_on_hyphens=False) + [""])
    per_column = -(-len(lines) // columns)
    canvas.setFont("Helvetica", BODY)
    for index, line in enumerate(lines):
        column, row = divmod(index, per_column)
        canvas.drawString(MARGIN + column * (width + gutter), top - row * BODY * 1.3, line)


def paragraphs_of(text: str) -> list[str]:
    """Return the paragraphs of a card's text as a typesetter would get them.

    Lines are joined up to a blank line; a label ("Projectleider: ...") or a short
    heading ("Focus") starts a paragraph of its own, and a speaker's name and role
    keep their own lines.
    """
    out: list[list[str]] = [[]]
    for line in text.split("\n"):
        line = line.strip()
        heading = line and len(line) < 40 and not line.endswith((".", ",", ":")) \
            and line[0].isupper() and len(line.split()) <= 5
        label = re.match(r"^[A-Z][\w ()/-]{1,50}:\s", line)
        if not line or heading or label:
            out.append([])
        if line:
            out[-1].append(line)
        # A heading, a speaker's name ("Marjan van Duijn,") and role ("projectleider ...:")
        # stand on lines of their own.
        if heading or line.endswith(":") or (line.endswith(",") and len(line.split()) <= 5):
            out.append([])
    joined = [re.sub(r"(?<=[a-z])- (?=[a-z])", "", " ".join(p)) for p in out if p]
    return [p for p in joined if p]


def table_pdf(path: Path, title: str, header: list[str], rows: list[list[str]]) -> Path:
    """Write a one-page PDF with a title and a ruled table; return its path."""
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    cell = styles["BodyText"]
    data = [[Paragraph(text, cell) for text in row] for row in [header, *rows]]
    table = Table(data, colWidths=[(WIDTH - 2 * MARGIN) / len(header)] * len(header))
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=A4, title=title).build(
        [Paragraph(title, styles["Title"]), table])
    return path


def card_docx(path: Path, title: str, paragraphs: list[str], fields: list[tuple[str, str]]) -> Path:
    """Write a Word file: a heading, paragraphs and a two-column table of fields."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=0, cols=2)
    for label, value in fields:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_paragraph("Meer informatie bij Economie071.")
    document.save(str(path))
    return path


def news_html(path: Path, title: str, date: str, paragraphs: list[str]) -> Path:
    """Write a news page with navigation, the article and a footer; return its path."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    path.write_text(f"""<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>{title} | Economie071</title>
<meta property="article:published_time" content="{date}T09:00:00+01:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/nieuws">Nieuws</a></li>
<li><a href="/projecten">Projecten</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<main><article><h1>{title}</h1><time datetime="{date}">{date}</time>
{body}
</article></main>
<footer><p>Economie071 · Postbus 9100 · Leiden</p><p>Privacyverklaring · Cookies</p></footer>
</body></html>""", encoding="utf-8")
    return path
