"""Changes a next edition or another PDF-to-text tool makes to a document's text.

Each function takes the text of a bundled document and returns it changed the way a
re-typeset edition or another extraction would change it; the perturbation tests
build the corpus from the changed text and compare the facts.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

from graph071.corpus.manifest import bundled_data_dir

FIELD = re.compile(r"^\s*(?:[•\-–*]\s*)?[A-ZÀ-Ý][\w()/' -]{1,60}:\s")
BULLET = re.compile(r"^\s*(?:[•\-–˚*]|\d{1,2}\.)\s")


def column_width(lines: list[str]) -> int:
    """Return the width the text was set at: the 90th percentile of its line lengths."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def logical_paragraphs(lines: list[str]) -> list[list[str] | None]:
    """Return the text as paragraphs (lists of lines) and blank lines (None).

    As a re-flowing tool sees it: a line continues the paragraph when the line before it
    filled the column (85% of the width the text was set at), and it starts no label or
    bullet of its own. A text without a column width (one paragraph a line, as the 2019
    export) has only hard line breaks.
    """
    width = column_width(lines)
    soft = 0 < width <= 120
    out: list[list[str] | None] = []
    for line in lines:
        text = line.rstrip("\n")
        if not text.strip():
            out.append(None)
            continue
        text = text.lstrip()
        previous = out[-1] if out else None
        continues = (soft and previous is not None and len(previous[-1].rstrip()) >= width * 0.85
                     and not previous[-1].rstrip().endswith(":") and not FIELD.match(text)
                     and not BULLET.match(text))
        if continues:
            previous.append(text)
        else:
            out.append([text])
    return out


def join_paragraph(lines: list[str], unspaced_breaks: bool = False) -> str:
    """Return the lines of one paragraph as one text, hyphenated words joined.

    `unspaced_breaks`: the text ends a line broken between words with a space (the PDF
    editions), so a line without one broke inside a word whose hyphen the extraction
    lost ("program" / "mabureau"); a re-typeset edition has the word whole."""
    text, broken_word = "", False
    for raw in lines:
        line = raw.strip()
        if re.search(r"[^\W\d_]-$", text) and line[:1].islower() and not re.match(r"(en|of)\b", line):
            text = text[:-1] + line
        elif broken_word and line[:1].islower():
            text += line
        else:
            text = f"{text} {line}" if text else line
        broken_word = unspaced_breaks and not raw.endswith(" ") and bool(re.search(r"[^\W\d_]$", line))
    return text


def rewrap(text: str, width: int) -> str:
    """Return `text` with every paragraph wrapped again at `width` characters."""
    out: list[str] = []
    lines = text.split("\n")
    filled = [line for line in lines if line.strip()]
    unspaced = sum(line.endswith(" ") for line in filled) >= len(filled) // 5
    for paragraph in logical_paragraphs(lines):
        if paragraph is None:
            out.append("")
        else:
            out.extend(textwrap.wrap(join_paragraph(paragraph, unspaced), width, break_on_hyphens=False,
                                     break_long_words=False))
    return "\n".join(out) + "\n"


def nbsp(text: str) -> str:
    """Return `text` with the spaces after commas and colons non-breaking (as Word does)."""
    return text.replace(", ", ",\u00a0").replace(": ", ":\u00a0")


def tabs(text: str) -> str:
    """Return `text` with runs of spaces, and the space after a label, as tabs."""
    return re.sub(r"(?m)^(\s*[A-Z][\w ]{2,30}:) ", "\\1\t", text).replace("  ", "\t")


def ligatures(text: str) -> str:
    """Return `text` with fi, fl and ff as the ligature characters a PDF gives."""
    return text.replace("ffi", "\ufb03").replace("fi", "\ufb01").replace("fl", "\ufb02") \
        .replace("ff", "\ufb00")


def running_header(text: str, header: str, every: int = 45) -> str:
    """Return `text` with a running header line (and page number) every `every` lines."""
    out: list[str] = []
    for index, line in enumerate(text.split("\n")):
        if index and index % every == 0:
            out.append(f"{header} {index // every + 1}")
        out.append(line)
    return "\n".join(out)


def corpus_with(tmp_path: Path, document_id: str, text: str | None = None,
                only: bool = True) -> Path:
    """Return a copy of the bundled corpus (only `document_id` if `only`) with that
    document's text replaced by `text`."""
    source = bundled_data_dir()
    folder = tmp_path / "corpus"
    (folder / "documents").mkdir(parents=True)
    for table in ("organisations.csv", "projects.csv", "labels.csv", "checked.csv"):
        shutil.copy(source / table, folder / table)
    lines = (source / "manifest.csv").read_text(encoding="utf-8").split("\n")
    rows = [lines[0]] + [line for line in lines[1:] if line and (
        not only or f",{document_id}," in line)]
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    for row in rows[1:]:
        file = row.split(",", 1)[0]
        target = folder / file
        original = (source / file).read_text(encoding="utf-8")
        target.write_text(text if text is not None and f",{document_id}," in row else original,
                          encoding="utf-8")
    return folder


def bundled_text(document_id: str) -> str:
    """Return the text of the bundled document `document_id`."""
    for line in (bundled_data_dir() / "manifest.csv").read_text(encoding="utf-8").split("\n"):
        if f",{document_id}," in line:
            return (bundled_data_dir() / line.split(",", 1)[0]).read_text(encoding="utf-8")
    raise KeyError(document_id)


# Labels a next edition may use instead (each a row of data/labels.csv with the same role).
RENAMED_LABELS = {
    "Bestuurlijke trekkers": "Bestuurlijk eigenaar",
    "Bestuurlijke trekker": "Bestuurlijk eigenaar",
    "Trekkers": "Eigenaar",
    "Trekker": "Eigenaar",
    "Partners": "Samenwerkingspartners",
    "Betrokken partners": "Betrokken partijen",
    "Projectleider": "Projectcoördinator",
    "Opdrachtnemer/projectmanager": "Projectmanager",
}


def renamed_labels(text: str) -> str:
    """Return `text` with every field label of RENAMED_LABELS, at a line's start, renamed."""
    names = "|".join(re.escape(label) for label in sorted(RENAMED_LABELS, key=len, reverse=True))
    return re.sub(rf"(?m)^(\s*(?:[•\-–]\s*)?)({names})(\s*:)",
                  lambda m: m[1] + RENAMED_LABELS[m[2]] + m[3], text)
