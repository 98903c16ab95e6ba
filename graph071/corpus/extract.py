"""Text out of PDF, Word, web pages, text and markdown files: `extract(path) -> Extracted`.

* PDF (pypdfium2, pdfplumber's renderer, for the characters with their boxes and font
  sizes; pdfplumber for ruled tables, only on pages that draw lines): the words with their
  coordinates and font sizes. Lines are words
  on one baseline; a page with a gutter that no body line crosses is read as two
  columns, left first; a line set in a clearly larger font than the body is a title
  and stands alone; lines at the top or bottom of a page that repeat on most pages
  (running headers, footers) and page numbers are dropped. Tables found by pdfplumber
  are read row by row, one cell per line. A form feed starts every page after the
  first, so `page_of_line` says where each line was printed.
* Word (python-docx): paragraphs and tables in the order of the document; a table row
  of two cells ("Trekker" | "Gemeente Leiden") is written "Trekker: Gemeente Leiden".
* Web pages (trafilatura): the main text without navigation, its title and date.
* .txt and .md: the text as it is (UTF-8, else Windows-1252).

The text has gone through graph071.corpus.normalise (characters); the loaders get it
through read_document, which also joins hyphenated words.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from graph071 import i18n
from graph071.corpus.normalise import normalise, normalise_characters
from graph071.errors import InputError

FORMATS = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".txt": "txt",
           ".md": "md"}


@dataclass
class Extracted:
    """The text of a document and what the original says about itself.

    `text` has one form feed before each page after the first; `lines` and
    `page_of_line` are that text as read_document gives it to a loader.
    """

    text: str
    format: str  # pdf, docx, html, txt, md
    title: str = ""
    date: str = ""  # ISO date where the original states one
    pages: int = 0  # 0 for formats without pages
    page_of_line: list[int] = field(default_factory=list)  # 1-based page per line; [] without pages
    headings: list[int] = field(default_factory=list)  # 1-based lines set as titles
    notes: list[str] = field(default_factory=list)  # what was dropped (running headers, ...)

    @property
    def lines(self) -> list[str]:
        return normalise(self.text).lines


def extract(path: Path) -> Extracted:
    """Return the text of the document at `path`, or raise one clear InputError."""
    path = Path(path)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise InputError(path, i18n.text("error:extract.unsupported", "cannot read {suffix} files",
                                         suffix=path.suffix or i18n.text(
                                             "error:extract.no_suffix", "a file without extension")),
                         hint=i18n.text("error:extract.unsupported.hint",
                                        "give a .pdf, .docx, .html, .htm, .txt or .md file"))
    if not path.is_file():
        raise InputError(path, i18n.text("error:file_not_found", "file not found"),
                         hint=i18n.text("error:extract.not_found.hint", "give the path of the file to read"))
    try:
        extracted = _READERS[kind](path)
    except InputError:
        raise
    except Exception as error:  # a damaged file: the libraries raise their own errors
        raise InputError(path, i18n.text("error:extract.unreadable", "cannot read this {kind} file ({why})",
                                         kind=kind, why=f"{type(error).__name__}: {str(error)[:120]}"),
                         hint=i18n.text("error:extract.unreadable.hint",
                                        "open and save it again, or export it as text")) from None
    extracted.text = normalise_characters(extracted.text)
    if not extracted.text.strip():
        raise InputError(path, i18n.text("error:extract.no_text", "no text found in this {kind} file",
                                         kind=kind),
                         hint=i18n.text("error:extract.no_text.hint",
                                        "a scanned PDF has no text layer: run OCR first"))
    normalised = normalise(extracted.text)
    if kind == "pdf":
        extracted.page_of_line = normalised.page_of_line
    extracted.title = extracted.title.strip() or _first_line(normalised.lines)
    return extracted


def _first_line(lines: list[str]) -> str:
    return next((line.strip().lstrip("#").strip() for line in lines if line.strip()), "")


# ---------------------------------------------------------------- plain text

def _read_text(path: Path) -> Extracted:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return Extracted(text, "md" if path.suffix.lower() == ".md" else "txt")


# ---------------------------------------------------------------- web pages

def _read_html(path: Path) -> Extracted:
    import trafilatura

    html = path.read_bytes().decode("utf-8", errors="replace")
    text = trafilatura.extract(html, output_format="txt", include_tables=True,
                               include_comments=False)
    if not text:
        raise InputError(path, i18n.text("error:extract.no_main_text", "no main text found in this web page"),
                         hint=i18n.text("error:extract.no_main_text.hint",
                                        "save the page as text and add that instead"))
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title if metadata else "") or ""
    date = (metadata.date if metadata else "") or ""
    # One paragraph a line: a blank line between them, as in the other texts.
    return Extracted(text.replace("\n", "\n\n") + "\n", "html", title=title, date=date)


# ---------------------------------------------------------------- Word

def _read_docx(path: Path) -> Extracted:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    out: list[str] = []
    headings: list[int] = []
    title = ""
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            style = (block.style.name if block.style is not None else "").lower()
            text = block.text.strip()
            if style.startswith(("heading", "title", "kop")) and text:
                title = title or text
                out.append("")
                headings.append(len(out) + 1)
            out.extend(block.text.split("\n"))
            # A blank line after every paragraph, as in the other texts: a Word paragraph
            # is one line, and a reader of prose must not run two of them together.
            if text or style.startswith(("heading", "title", "kop")):
                out.append("")
        elif isinstance(block, Table):
            out.extend(_docx_table(block))
    properties = document.core_properties
    date = properties.created.date().isoformat() if properties.created else ""
    return Extracted("\n".join(out) + "\n", "docx", title=properties.title or title, date=date,
                     headings=headings)


def _docx_table(table) -> list[str]:
    lines: list[str] = [""]
    for row in table.rows:
        cells = list(dict.fromkeys(cell.text.strip() for cell in row.cells))  # merged cells repeat
        cells = [c for c in cells if c]
        if len(cells) == 2 and _is_label(cells[0]):
            lines.append(f"{cells[0].rstrip(':')}: {cells[1]}")
        else:
            lines.extend(cells + [""])
    return lines + [""]


def _is_label(text: str) -> bool:
    return "\n" not in text and len(text.split()) <= 5 and not text.rstrip(":").endswith(".")


# ---------------------------------------------------------------- PDF

@dataclass
class _Line:
    """One printed line: its words, where it stands and how large it is set."""

    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    words: list[dict]

    @property
    def text(self) -> str:
        # "(cid:127)": a glyph the font does not map to a character (often a bullet).
        return _CID.sub("•", " ".join(word["text"] for word in self.words)).strip()


def _read_pdf(path: Path) -> Extracted:
    import pypdfium2 as pdfium  # pdfplumber's own renderer: characters with boxes, in C++

    pages: list[list[_Line]] = []
    document = pdfium.PdfDocument(str(path))
    tables = _PdfTables(path)
    try:
        metadata = document.get_metadata_dict()
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            words = _page_words(page, height)
            found = tables.on_page(index) if _has_rules(page) else []
            lines = _group_lines([w for w in words if not any(_within(w, box) for box, _ in found)])
            pages.append(_with_tables(_order(lines, width), _table_lines(found, words)))
            page.close()
    finally:
        tables.close()
        document.close()
    text, headings, title, notes = _pdf_text(pages)
    return Extracted(text, "pdf", title=metadata.get("Title", "") or title,
                     date=_pdf_date(metadata.get("CreationDate", "")), pages=len(pages),
                     headings=headings, notes=notes)


def _pdf_text(pages: list[list[_Line]]) -> tuple[str, list[int], str, list[str]]:
    """Return the text of the pages (a form feed before each page after the first), the
    lines set as titles, the first title and what was dropped as page furniture."""
    sizes: Counter[float] = Counter()
    for line in (line for lines in pages for line in lines if line.words):
        sizes[round(line.size, 1)] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    furniture, notes = _furniture(pages)
    out: list[str] = []
    headings: list[int] = []
    title = ""
    for number, lines in enumerate(pages):
        first = True
        previous: _Line | None = None
        for line in lines:
            if id(line) in furniture:
                continue
            heading = body and line.size >= body * 1.25 and len(line.words) <= 14
            gap = previous is not None and line.top - previous.bottom > max(previous.size, 1) * 0.9
            after_heading = previous is not None and previous.size >= body * 1.25 and not heading
            if (heading or gap or after_heading) and out and out[-1]:
                out.append("")
            if heading:
                headings.append(len(out) + 1)
                title = title or line.text
            out.append(("\f" if first and number else "") + line.text)
            first = False
            previous = line
        if first and number:
            out.append("\f")  # an empty page still counts
    return "\n".join(out) + "\n", headings, title, notes


def _page_words(page, height: float) -> list[dict]:
    """Return the words of a pdfium page: characters joined while they touch on one
    baseline, with their box (top down, as pdfplumber measures) and font size."""
    import pypdfium2.raw as raw

    text_page = page.get_textpage()
    words: list[dict] = []
    current: dict | None = None
    try:
        for index in range(text_page.count_chars()):
            code = raw.FPDFText_GetUnicode(text_page.raw, index)
            char = chr(code) if code else " "
            if char.isspace() or code in (0xFFFE, 0xFFFF):
                current = None
                continue
            left, bottom, right, top = text_page.get_charbox(index, loose=True)
            size = raw.FPDFText_GetFontSize(text_page.raw, index) or (top - bottom)
            top, bottom = height - top, height - bottom
            if (current is not None and abs(current["bottom"] - bottom) <= size * 0.5
                    and -size * 0.5 <= left - current["x1"] <= size * 0.25):
                current["text"] += char
                current["x1"] = max(current["x1"], right)
                current["top"], current["bottom"] = min(current["top"], top), max(current["bottom"], bottom)
                current["size"] = max(current["size"], size)
                continue
            current = {"text": char, "x0": left, "x1": right, "top": top, "bottom": bottom,
                       "size": size}
            words.append(current)
    finally:
        text_page.close()
    return words


def _has_rules(page) -> bool:
    """Return True when the page draws lines or boxes (a ruled table may be on it)."""
    import pypdfium2.raw as raw

    paths = sum(raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, i)) == raw.FPDF_PAGEOBJ_PATH
                for i in range(raw.FPDFPage_CountObjects(page.raw)))
    return paths >= 4


class _PdfTables:
    """pdfplumber's table finder, opened only for pages that draw rules (it is slow)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pdf = None

    def on_page(self, index: int) -> list[tuple[tuple[float, float, float, float], list]]:
        import pdfplumber

        if self.pdf is None:
            self.pdf = pdfplumber.open(str(self.path))
        page = self.pdf.pages[index]
        found = [(table.bbox, table.extract()) for table in page.find_tables()]
        page.flush_cache()
        return found

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def _table_lines(tables: list, words: list[dict]) -> list[_Line]:
    """Return the tables as lines, row by row, one cell a line, a blank line after a row."""
    lines: list[_Line] = []
    for box, rows in tables:
        inside = [w["size"] for w in words if _within(w, box)]
        size = statistics.median(inside) if inside else 10.0
        for row in rows:
            for cell in row:
                for text in (cell or "").split("\n"):
                    if text.strip():
                        lines.append(_Line(box[1], box[1], box[0], box[2], size, [{"text": text}]))
            lines.append(_Line(box[1], box[1], 0, 0, size, []))
    return lines


def _pdf_date(value: str) -> str:
    match = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", str(value))
    return "-".join(match.groups()) if match else ""


def _within(word: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return word["x0"] >= x0 - 1 and word["x1"] <= x1 + 1 and word["top"] >= top - 1 \
        and word["bottom"] <= bottom + 1


def _group_lines(words: list[dict]) -> list[_Line]:
    """Return the words grouped into lines: same baseline, within half a font size."""
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        home = next((line for line in reversed(lines[-6:])
                     if abs(line.bottom - word["bottom"]) <= word["size"] * 0.5
                     and not _overlaps(line, word)), None)
        if home is None:
            lines.append(_Line(word["top"], word["bottom"], word["x0"], word["x1"], word["size"],
                               [word]))
            continue
        home.words.append(word)
        home.top, home.bottom = min(home.top, word["top"]), max(home.bottom, word["bottom"])
        home.x0, home.x1 = min(home.x0, word["x0"]), max(home.x1, word["x1"])
        home.size = max(home.size, word["size"])
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return _split_wide_gaps(sorted(lines, key=lambda l: (round(l.top), l.x0)))


def _overlaps(line: _Line, word: dict) -> bool:
    return any(w["x0"] < word["x1"] - 0.5 and word["x0"] < w["x1"] - 0.5 for w in line.words)


def _split_wide_gaps(lines: list[_Line]) -> list[_Line]:
    """Return the lines cut where two words stand a column gutter apart (> 3 ems)."""
    out: list[_Line] = []
    for line in lines:
        start = 0
        for i in range(1, len(line.words)):
            if line.words[i]["x0"] - line.words[i - 1]["x1"] > 3 * line.size:
                out.append(_part(line.words[start:i]))
                start = i
        out.append(_part(line.words[start:]) if start else line)
    return out


def _part(words: list[dict]) -> _Line:
    return _Line(min(w["top"] for w in words), max(w["bottom"] for w in words), words[0]["x0"],
                 words[-1]["x1"], max(w["size"] for w in words), words)


def _order(lines: list[_Line], width: float) -> list[_Line]:
    """Return the lines in reading order: a band of two columns is read left, then right."""
    gutter = _gutter(lines, width)
    if gutter is None:
        return lines
    ordered: list[_Line] = []
    band: list[_Line] = []
    for line in lines:  # top to bottom
        if line.x0 < gutter < line.x1:  # a full-width line ends the band of columns
            ordered += _read_band(band, gutter) + [line]
            band = []
        else:
            band.append(line)
    return ordered + _read_band(band, gutter)


def _with_tables(lines: list[_Line], tables: list[_Line]) -> list[_Line]:
    """Return the text lines with each table's lines put where the table stands."""
    for table_top in sorted({line.top for line in tables}, reverse=True):
        block = [line for line in tables if line.top == table_top]
        at = next((i for i, line in enumerate(lines) if line.top > table_top), len(lines))
        lines = lines[:at] + block + lines[at:]
    return lines


def _read_band(band: list[_Line], gutter: float) -> list[_Line]:
    left = [line for line in band if line.x1 <= gutter]
    return left + [line for line in band if line.x1 > gutter]


def _gutter(lines: list[_Line], width: float) -> float | None:
    """Return the x of a gutter between two columns, or None for a one-column page.

    A gutter lies in the middle half of the page, is crossed by at most a tenth of the
    lines, and has lines on both sides on at least a third of the body lines.
    """
    if len(lines) < 6:
        return None
    best: tuple[int, float] | None = None
    for step in range(26, 75):
        x = width * step / 100
        crossing = sum(line.x0 < x < line.x1 for line in lines)
        if best is None or crossing < best[0]:
            best = (crossing, x)
    if best is None or best[0] > len(lines) / 10:
        return None
    x = best[1]
    left = sum(line.x1 <= x for line in lines)
    right = sum(line.x0 >= x for line in lines)
    return x if min(left, right) >= len(lines) / 3 else None


def _furniture(pages: list[list[_Line]]) -> tuple[set[int], list[str]]:
    """Return the ids of running headers, footers and page numbers, and a note on each kind.

    A candidate is a page's top or bottom line (or one level with it); it is furniture
    when it is a page number, or when the same words (digits aside) stand at the same
    height on at least half of the pages. A "Label: value" line is never furniture.
    """
    if len(pages) < 2:
        return set(), []
    seen: dict[tuple[str, int], set[int]] = {}
    candidates: list[tuple[_Line, tuple[str, int]]] = []
    for number, lines in enumerate(pages):
        text_lines = [line for line in lines if line.words]
        if not text_lines:
            continue
        top = min(line.top for line in text_lines)
        bottom = max(line.bottom for line in text_lines)
        for line in text_lines:
            if (line.top - top > 2 and bottom - line.bottom > 2) or _FIELD.match(line.text):
                continue
            key = (re.sub(r"\d+", "#", line.text.strip().lower()), round(line.top / 4))
            seen.setdefault(key, set()).add(number)
            candidates.append((line, key))
    threshold = max(2, (len(pages) + 1) // 2)
    dropped: set[int] = set()
    notes: Counter[str] = Counter()
    for line, key in candidates:
        number = _PAGE_NUMBER.fullmatch(line.text.strip())
        if number or len(seen[key]) >= threshold:
            dropped.add(id(line))
            notes["paginanummers" if number else line.text.strip()] += 1
    return dropped, [f"weggelaten op {count} pagina's: {text}" for text, count in notes.items()]


_FIELD = re.compile(r"^\s*\w[\w\s/()-]{0,40}:\s+\S")
_PAGE_NUMBER = re.compile(r"(?i)(?:[-–]\s*)?(?:pagina|page|blz\.?|p\.)?\s*\d{1,4}"
                          r"(?:\s*(?:/|van|of)\s*\d{1,4})?(?:\s*[-–])?")

_CID = re.compile(r"\(cid:\d+\)")

_READERS = {"pdf": _read_pdf, "docx": _read_docx, "html": _read_html, "txt": _read_text,
            "md": _read_text}
