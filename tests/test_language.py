"""Dutch by default, English on request: help, typer's own words and usage errors.

A check is a list of words that only one of the two languages uses; a sentence of the
other language in the output fails the test."""

from __future__ import annotations

import ast
import json
import os
import re
from pathlib import Path

import typer.main

from graph071 import i18n
from graph071.cli.app import app
from graph071.cli.language import walk

from .conftest import graph071, programme_corpus

ENGLISH = re.compile(r"\b(the|and|with|Show this message|Usage|Options|Commands|Write|"
                     r"No such|Invalid value|default:|which|from the|Error)\b")
DUTCH = re.compile(r"\b(de|het|een|met|Gebruik|Opties|Commando's|Schrijf|Fout|Toon|"
                   r"standaard|onbekend|van de)\b")


def commands() -> list[tuple[str, ...]]:
    return [path for path, _ in walk(typer.main.get_command(app))]


def test_every_command_and_option_has_a_dutch_text_in_the_catalogue():
    texts = i18n.catalogue()
    missing = []
    for path, command in walk(typer.main.get_command(app)):
        where = " ".join(path)
        if not texts.get(f"command:{where}", {}).get("nl"):
            missing.append(f"command:{where}")
        for param in command.params:
            if param.help and not (texts.get(f"param:{where}:{param.name}", {}).get("nl")
                                   or texts.get(f"param:*:{param.name}", {}).get("nl")):
                missing.append(f"param:{where}:{param.name}")
    assert missing == []


def test_help_of_every_command_is_dutch_by_default_and_english_with_lang_en():
    for path in commands():
        dutch = graph071(*path, "--help", check=True).stdout
        english = graph071("--lang", "en", *path, "--help", check=True).stdout
        # Names and examples are Dutch in both (gemeente Leiden, Talent op Maat); the
        # sentences around them are not.
        assert not ENGLISH.findall(dutch), (path, ENGLISH.findall(dutch))
        assert dutch.startswith("Gebruik: graph071") and "Opties" in dutch
        assert english.startswith("Usage: graph071") and "Options" in english, path


def test_english_help_has_no_dutch_sentences():
    english = graph071("--lang", "en", "--help", check=True).stdout
    assert not DUTCH.findall(english), DUTCH.findall(english)


def test_usage_mistakes_are_one_dutch_line_and_english_on_request():
    for args in (("hubs", "--bogus"), ("nosuch",), ("hubs", "--top", "x"), ("who",),
                 ("hubs", "--by", "x")):
        result = graph071(*args)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, args
        assert result.stderr.startswith("Fout: ") and not ENGLISH.findall(result.stderr), args
        english = graph071("--lang", "en", *args, env={**os.environ, "GRAPH071_LANG": "nl"})
        assert english.stderr.startswith("Error: ") and not DUTCH.findall(english.stderr), args
    assert graph071("hubs", "--bogus", env={**os.environ, "GRAPH071_LANG": "en"}
                    ).stderr.startswith("Error: no such option")


# --- Messages of the library: said through the catalogue, never as an English literal ---

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = [path for folder in ("graph071", "loaders", "viz")
           for path in sorted((ROOT / folder).rglob("*.py"))
           # The language check itself speaks both languages: none is chosen yet.
           if path != ROOT / "graph071" / "i18n" / "__init__.py"]
# Calls whose text arguments users read: the exceptions of graph071.errors (and their
# subclasses, found below), a loader's warnings and notes, a spreadsheet's problems.
SAYING = {"warn", "note", "problem", "ParseWarning", "Problem", "Graph071Error", "InputError",
          "SchemaError"}
PHRASE = re.compile(r"[A-Za-z]{2,}[,:;]?\s+[A-Za-z(']")  # two words: a sentence, not a path


def _called(node: ast.Call) -> str:
    return node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")


def _literal(node: ast.AST) -> str:
    """Return the written text of a string literal or f-string (its fixed parts), else ""."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " ".join(_literal(part) for part in node.values)
    if isinstance(node, ast.BinOp):  # "..." + "..." and "..." % (...)
        return f"{_literal(node.left)} {_literal(node.right)}"
    return ""


def _trees() -> dict[Path, ast.AST]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in LIBRARY}


def _error_classes(trees: dict[Path, ast.AST]) -> set[str]:
    """Return the names of graph071's exception classes: Graph071Error and its subclasses."""
    names, bases = {"Graph071Error"}, {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
    while grown := {name for name, of in bases.items() if of & names} - names:
        names |= grown
    return names


def english_literals(trees: dict[Path, ast.AST]) -> list[str]:
    """Return file:line of every user-read message written as a bare literal."""
    saying = SAYING | _error_classes(trees)
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called(node) in saying:
                texts = [*node.args, *(k.value for k in node.keywords)]
            elif isinstance(node, ast.Call):  # a hint handed on: missing_hint="..."
                texts = [k.value for k in node.keywords if k.arg and k.arg.endswith(("hint", "message"))]
            else:
                continue
            if any(PHRASE.search(_literal(text)) for text in texts):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_error_or_warning_of_the_library_is_a_bare_english_literal():
    assert english_literals(_trees()) == []


def test_the_literal_check_catches_an_english_message():
    tree = ast.parse('class StoreError(InputError):\n    pass\n'
                     'def f(path):\n    raise StoreError(path, f"cannot read {path}", hint="try again")\n'
                     'def g(result):\n    result.warn(3, "no trekker column found")\n'
                     'def h(path):\n    raise InputError(path, text("error:x", "cannot read"))\n')
    assert english_literals({ROOT / "example.py": tree}) == ["example.py:4", "example.py:6"]


def catalogue_keys(trees: dict[Path, ast.AST]) -> set[str]:
    """Return every key written as the first argument of text(...) or said(...)."""
    return {node.args[0].value for tree in trees.values() for node in ast.walk(tree)
            if isinstance(node, ast.Call) and _called(node) in {"text", "said"} and node.args
            and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)}


def test_every_key_the_code_uses_has_a_dutch_text_in_the_catalogue():
    keys = catalogue_keys(_trees())
    assert len(keys) > 100  # the check sees the calls (a rename of text() would hide them)
    texts = i18n.catalogue()
    assert sorted(key for key in keys if not texts.get(key, {}).get("nl")) == []


# --- Errors and answers through the CLI: Dutch by default, English with --lang en ---

def _bad_inputs(folder: Path) -> dict[str, tuple[str, ...]]:
    """Return a user's mistakes, each as the command line that makes it."""
    corpus = programme_corpus(folder / "corpus")
    with (corpus / "manifest.csv").open("a", encoding="utf-8") as manifest:  # the same id again
        manifest.write("documents/weg.txt,uitvoeringsprogramma-2013-2015,Weg,,2014,"
                       "action_programme,action_programme_2013,\n")
    good = programme_corpus(folder / "good")
    (folder / "oud.doc").write_bytes(b"\xd0\xcf\x11\xe0 oud Word-bestand")
    (folder / "acties.csv").write_text("programme,number,title,theme,theme_name,trekkers\n"
                                       "2024-2026,drie,Kennis delen,1,Kennis,UvL\n", encoding="utf-8")
    (folder / "uit.json").mkdir()
    return {
        "unknown organisation": ("who", "Xyzzy"),
        "unknown action": ("action", "999"),
        "bad --as-of": ("--as-of", "gisteren", "orphans"),
        "file not found": ("read", str(folder / "weg.txt")),
        "unsupported extension": ("read", str(folder / "oud.doc")),
        "bad manifest row": ("--data", str(corpus), "orphans"),
        "bad spreadsheet cell": ("--data", str(good), "add", str(folder / "acties.csv"),
                                 "--kind", "actions", "--edition", "2024"),
        "output to a folder": ("export", str(folder / "uit.json")),
        "unknown template": ("template", "begroting", str(folder / "b.xlsx")),
    }


def test_a_users_mistakes_are_one_dutch_line_by_default_and_english_with_lang_en(tmp_path):
    for mistake, args in _bad_inputs(tmp_path).items():
        dutch = graph071(*args)
        lines = dutch.stderr.strip().splitlines()
        assert dutch.returncode == 1 and len(lines) == 1, (mistake, dutch.stderr)
        assert lines[0].startswith("Fout: ") and not ENGLISH.findall(lines[0]), (mistake, lines)
        english = graph071("--lang", "en", *args)
        said = english.stderr.strip().splitlines()
        assert english.returncode == 1 and len(said) == 1, (mistake, english.stderr)
        assert said[0].startswith("Error: ") and not DUTCH.findall(said[0]), (mistake, said)
        # Translated, not only the prefix: the sentences differ, the names and paths not.
        assert said[0].removeprefix("Error: ") != lines[0].removeprefix("Fout: "), mistake
    assert "kan .doc-bestanden niet lezen" in graph071("read", str(tmp_path / "oud.doc")).stderr


# Quotes of the documents ('...', ‘...’, "...") are Dutch in both languages, as are the
# names; what the tool itself says is not.
QUOTED = re.compile(r"'[^'\n]*'|‘[^’\n]*’|\"[^\"\n]*\"")
ANSWERS = [("summary",), ("hubs",), ("orphans",), ("orphans", "--all"), ("check",),
           ("who", "UvL"), ("action", "17"), ("project", "Smart071"), ("timeline", "UvL"),
           ("index",)]
# Said by graph071 in English output only where it has sentences of its own.
ENGLISH_ANSWERS = [("summary",), ("hubs",), ("orphans",), ("who", "UvL")]


def test_answers_say_nothing_in_english_by_default():
    for args in ANSWERS:
        out = graph071(*args, check=True).stdout
        assert not ENGLISH.findall(out), (args, ENGLISH.findall(out))


def without_names(text: str, graph) -> str:
    """Return `text` without the names of the graph's nodes (longest first) and its quotes."""
    names = {str(data.get(key)) for _, data in graph.nodes(data=True) for key in ("name", "title")
             if data.get(key)}
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    return QUOTED.sub("", text)


def test_answers_with_lang_en_say_nothing_in_dutch_outside_quotes_and_names(graph):
    wide = {**os.environ, "COLUMNS": "400"}  # no name wrapped over two lines
    for args in ENGLISH_ANSWERS:
        out = graph071("--lang", "en", *args, env=wide, check=True).stdout
        assert out.startswith("As of: "), args
        said = without_names(out, graph)
        assert not DUTCH.findall(said), (args, DUTCH.findall(said))
    table = graph071("--lang", "en", "check", env=wide, check=True).stdout
    assert "Unknown names (" in table and "Reading notes (" in table and " warning " in table
    check = graph071("--lang", "en", "check", "--json", env=wide, check=True).stdout
    messages = [w["message"] for w in json.loads(check)["warnings"]]
    assert any(m.startswith("footnote not attached to an action") for m in messages)
    dutch = [m for m in messages if DUTCH.findall(without_names(m, graph))]
    assert dutch == []


def test_a_build_cached_in_dutch_reads_in_english_with_lang_en(bundled):
    from graph071.build import snapshot

    cached = snapshot.loads(snapshot.dumps(bundled))  # what the build cache stores and reads back
    try:
        i18n.use("nl")
        dutch = [w.message for w in cached.warnings]
        i18n.use("en")
        english = [w.message for w in cached.warnings]
    finally:
        i18n.use(None)
    assert dutch == [w.message for w in bundled.warnings]
    changed = [(nl, en) for nl, en in zip(dutch, english) if nl != en]
    assert len(changed) > len(dutch) // 2, changed[:3]
    assert any(en.startswith("action 18: read 'Regiogemeenten' as the trekker") for _, en in changed)


def test_the_templates_explanations_are_dutch_and_english_with_lang_en(tmp_path):
    from openpyxl import load_workbook

    graph071("template", "actions", str(tmp_path / "nl.xlsx"), check=True)
    graph071("--lang", "en", "template", "actions", str(tmp_path / "en.xlsx"), check=True)
    dutch = [[c.value for c in row] for row in load_workbook(tmp_path / "nl.xlsx")["toelichting"].rows]
    english = [[c.value for c in row] for row in load_workbook(tmp_path / "en.xlsx")["toelichting"].rows]
    assert dutch[0] == ["kolom", "verplicht", "wat erin staat", "voorbeeld"]
    assert english[0] == ["column", "required", "what it holds", "example"]
    assert ["title", "ja", "Titel van de actie."] == dutch[3][:3]
    assert ["title", "yes", "Title of the action."] == english[3][:3]
    assert not ENGLISH.findall(" ".join(str(row[2]) for row in dutch[1:] if len(row) > 2 and row[2]))
    header = load_workbook(tmp_path / "nl.xlsx")["acties"]["B1"].comment.text
    assert header.startswith("Verplicht. Actienummer binnen het programma")


# The other answers: what graph071 computes and frames (statuses, colours, verdicts, reasons,
# titles) is English with --lang en; names, quotes, the corpus's labels (categorie, role as
# written, edition labels) and the Dutch terms users know stay as they are.
MORE_ANSWERS = [("action", "17"), ("project", "Expat Centre"), ("timeline", "gemeente Leiden"),
                ("timeline", "Expat Centre"), ("index",), ("balance",),
                ("diff", "2018-10", "2019-06"), ("path", "gemeente Leiden", "Ondernemend Leiden"),
                ("communities",), ("lineage", "Talent op Maat"), ("person", "Laura Platte"),
                ("orphans", "--suggest")]
# Words of graph071's own Dutch sentences that the corpus's names and labels do not hold.
DUTCH_FRAME = re.compile(DUTCH.pattern[:-3] + r"|geen|niet|sinds|regel|oordeel|zonder|wordt|"
                         r"lopend|afgerond|genoemd|oranje|groen|rood|scheef|Bron|Thema|Actie|"
                         r"Keten|Stap|Rollen|Mensen|Nieuw|Verdwenen|andere|samen|allebei|zijn|"
                         r"punten|bij|voor|van|als|aan|Lijn|Let op|taal|Genoemd)\b", re.IGNORECASE)
NEWS = ("Leiden, 3 maart 2023\n\nDe gemeente Leiden en Universiteit Leiden starten samen het "
        "project Talent op Maat. \"We zijn trots,\" zegt wethouder Jan Jansen van gemeente Leiden.\n")


# What graph071 computes from the corpus and keeps on the nodes: said in the language in use.
COMPUTED = {"kind", "status", "status_since", "helix", "sector", "categorie_colour"}


def corpus_text(graph) -> list[str]:
    """Return the corpus's own texts on the graph's nodes and edges (descriptions, labels,
    roles as written), longest first; not what graph071 computed."""
    values = {value for _, data in graph.nodes(data=True) for key, value in data.items()
              if key not in COMPUTED and isinstance(value, str)}
    values |= {value for *_, data in graph.edges(data=True) for key, value in data.items()
               if key not in COMPUTED and isinstance(value, str)}
    return sorted((v for v in values if len(v) > 3), key=len, reverse=True)


def own_words(text: str, graph, corpus: list[str]) -> str:
    """Return `text` without names, quotes and the texts of the corpus and data files."""
    for value in corpus:
        text = text.replace(value, "")
    return without_names(text, graph)


def dutch_frame(text: str, graph, corpus: list[str] = ()) -> list[str]:
    """Return the Dutch words of graph071's own in `text`, once names, quotes and the
    corpus's texts are gone."""
    return DUTCH_FRAME.findall(own_words(text, graph, corpus))


def test_the_frame_check_catches_a_dutch_line_left_in_english_output(graph):
    assert dutch_frame("Status: running (since 2013-10)\nCategorie 3 (orange)", graph) == []
    assert dutch_frame("Status: lopend (sinds 2013-10)", graph) == ["lopend", "sinds"]
    assert dutch_frame("Bron: uitvoeringsprogramma-2013-2015, regel 638: \"17. Haalbaarheidsstudie\"",
                       graph) == ["Bron", "regel"]


def test_more_answers_with_lang_en_say_nothing_in_dutch_outside_quotes_and_names(graph, tmp_path):
    wide = {**os.environ, "COLUMNS": "20000"}  # no description wrapped over two lines
    news = tmp_path / "nieuws.txt"
    news.write_text(NEWS, encoding="utf-8")
    corpus = corpus_text(graph)
    english, dutch = {}, {}
    for args in [*MORE_ANSWERS, ("read", str(news))]:
        out = graph071("--lang", "en", *args, env=wide, check=True).stdout
        default = graph071(*args, env=wide, check=True).stdout
        assert default != out, args
        english[args[0]] = dutch_frame(out, graph, corpus) + english.get(args[0], [])
        dutch[args[0]] = ENGLISH.findall(own_words(default, graph, corpus)) + dutch.get(args[0], [])
    assert {command: words for command, words in english.items() if words} == {}
    assert {command: words for command, words in dutch.items() if words} == {}
