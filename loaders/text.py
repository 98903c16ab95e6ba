"""Text helpers shared by the loaders: undo PDF line breaks and hyphenation, cut lists."""

from __future__ import annotations

import re
from collections.abc import Iterable

Line = tuple[int, str]  # (1-based line number, text)

_WORD_HYPHEN = re.compile(r"[^\W\d_]-$")


def join_lines(lines: Iterable[str]) -> str:
    """Return the lines as one text, with PDF hyphenation undone.

    >>> join_lines(["Start 4e kwar-", "taal 2013"])
    'Start 4e kwartaal 2013'
    >>> join_lines(["Holland-", "Rijnland", "onderwijs-", "en kennis"])
    'Holland-Rijnland onderwijs- en kennis'
    """
    text = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not text:
            text = line
        elif _WORD_HYPHEN.search(text) and line[0].islower() and not re.match(r"(en|of)\b", line):
            text = text[:-1] + line  # a word broken over two lines
        elif _WORD_HYPHEN.search(text) and line[0].isupper():
            text += line  # a compound such as Holland-Rijnland
        else:
            text += " " + line
    return re.sub(r"\s+", " ", text).strip()


def soft_width(lines: list[str]) -> int:
    """Return the column width a text was wrapped at, or 0 for one paragraph a line.

    The width is the 90th percentile of the line lengths; a line at least 85% as long
    filled its column, so the extraction broke it there and the next line goes on with
    it. A text whose lines are longer than 120 characters has only hard line breaks.

    >>> soft_width(["Een regel die de kolom vult", "en de rest", ""])
    27
    >>> soft_width(["x" * 300])
    0
    """
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    return width if width <= 120 else 0


def fills_column(text: str, width: int) -> bool:
    """Return True when `text` is a line that filled a column of `width` characters."""
    return bool(width) and len(text.rstrip()) >= width * 0.85


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Return the runs of non-blank lines, in order."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    for number, text in lines:
        if text.strip():
            current.append((number, text))
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def split_outside_parentheses(text: str, separator: str = r"[,;]") -> list[str]:
    r"""Return `text` cut where the `separator` pattern matches outside parentheses.

    >>> split_outside_parentheses("UWV en Holland Rijnland (project 3D, werkgroep), LUMC")
    ['UWV en Holland Rijnland (project 3D, werkgroep)', 'LUMC']
    >>> split_outside_parentheses("UWV en afstemmingsteam (UWV en anderen)", r"\s+en\s+")
    ['UWV', 'afstemmingsteam (UWV en anderen)']
    """
    depth_at = []
    depth = 0
    for ch in text:
        depth += ch == "("
        depth_at.append(depth)
        depth -= ch == ")" and depth > 0
    parts, start = [], 0
    for match in re.finditer(separator, text):
        if match.start() >= start and depth_at[match.start()] == 0 and match.end() > match.start():
            parts.append(text[start:match.start()])
            start = match.end()
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def parentheses_open(text: str) -> bool:
    """Return True when `text` opens more parentheses than it closes."""
    return text.count("(") > text.count(")")


NUMBER_LIST = r"\d+(?:\s*(?:,|en|t/m|tot en met)\s*\d+)*"


def numbers_in(text: str) -> list[int]:
    """Return the numbers a Dutch list names, with ranges ("21 t/m 27") spelled out.

    >>> numbers_in("11 en 12")
    [11, 12]
    >>> numbers_in("21 t/m 24")
    [21, 22, 23, 24]
    """
    numbers: list[int] = []
    for first, last in re.findall(r"(\d+)(?:\s*(?:t/m|tot en met)\s*(\d+))?", text):
        start = int(first)
        numbers.extend(range(start, int(last) + 1) if last else [start])
    return numbers
