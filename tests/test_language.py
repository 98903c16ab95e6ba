"""Dutch by default, English on request: help, typer's own words and usage errors.

A check is a list of words that only one of the two languages uses; a sentence of the
other language in the output fails the test."""

from __future__ import annotations

import os
import re

import typer.main

from graph071 import i18n
from graph071.cli.app import app
from graph071.cli.language import walk

from .conftest import graph071

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
