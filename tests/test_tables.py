"""Tables a user reads or takes to Excel: 80 columns without cut names, CSV that Dutch Excel
splits into columns, and --xlsx workbooks with Dutch headers, filters and a frozen header."""

from __future__ import annotations

import json
import os

from openpyxl import load_workbook

from .conftest import graph071


def narrow(*args: str, columns: int = 80):
    env = {**os.environ, "COLUMNS": str(columns)}
    return graph071(*args, env=env, check=True).stdout


def test_hubs_fit_80_columns_with_whole_names():
    text = narrow("hubs", "--top", "10")
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 80
    assert "…" not in text
    for name in ("Voorschoten", "mboRijnland", "VNO-NCW", "Ondernemend Leiden"):
        assert name in text


def test_a_column_that_is_0_everywhere_is_left_out_of_the_table():
    rows = json.loads(graph071("hubs", "--top", "5", "--json", check=True).stdout)
    assert all(row["te_betrekken"] == 0 for row in rows)
    assert "Te betrekken" not in narrow("hubs", "--top", "5", columns=200)
    assert "Trekker" in narrow("hubs", "--top", "5", columns=200)


def test_piped_output_follows_columns():
    wide = narrow("orphans", columns=160)
    assert max(len(line.rstrip()) for line in wide.splitlines()) > 100
    assert max(len(line.rstrip()) for line in narrow("orphans").splitlines()) <= 80


def test_orphans_csv_opens_as_columns_in_dutch_excel(tmp_path):
    raw = graph071("--as-of", "2014", "orphans", "--csv", check=True).stdout
    assert raw.startswith("\ufeff")
    header, first = raw.lstrip("\ufeff").splitlines()[:2]
    assert header.split(";")[:3] == ["Soort", "Programma", "Nr"]
    assert ";17;Haalbaarheidsstudie bedrijfshuisvesting;" in first


def test_hubs_and_who_write_workbooks_with_dutch_headers(tmp_path):
    result = graph071("hubs", "--xlsx", str(tmp_path / "hubs.xlsx"), check=True)
    assert "Werkmap geschreven" in result.stderr
    sheet = load_workbook(tmp_path / "hubs.xlsx").active
    assert [c.value for c in sheet[1]][:3] == ["#", "Organisatie", "Kant"]
    assert sheet[1][1].font.bold and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}11"
    assert sheet.column_dimensions["B"].width > 15
    assert isinstance(sheet["D2"].value, int)  # numbers stay numbers
    graph071("who", "UvL", "--xlsx", str(tmp_path / "uvl.xlsx"), check=True)
    titles = load_workbook(tmp_path / "uvl.xlsx").sheetnames
    assert any(t.startswith("Trekker van") for t in titles)
    assert any(t.startswith("Partner van") for t in titles)


def test_xlsx_refuses_another_extension_and_json(tmp_path):
    wrong = graph071("hubs", "--xlsx", str(tmp_path / "hubs.csv"))
    assert wrong.returncode == 1 and ".xlsx" in wrong.stderr
    empty = graph071("orphans", "--json", "--xlsx", str(tmp_path / "o.xlsx"))
    assert empty.returncode == 1 and not (tmp_path / "o.xlsx").exists()


def _commands(group, prefix=()):
    """Every command of the CLI with its path (("neo4j", "push"), ...)."""
    import typer.main

    click_group = typer.main.get_command(group) if not hasattr(group, "commands") else group
    for name, command in click_group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))
        yield (*prefix, name), command


def test_every_listing_command_takes_xlsx_and_csv():
    from graph071.cli.app import app

    # Commands that write files of their own or change the corpus list nothing.
    writers = {("export",), ("template",), ("add",), ("map",), ("presentatie",), ("neo4j", "pull"),
               ("neo4j",), ("review",), ("review", "accept"), ("review", "reject"), ("review", "alias")}
    missing = [(" ".join(path), option) for path, command in _commands(app) if path not in writers
               for option in ("--xlsx", "--csv")
               if option not in {o for p in command.params for o in getattr(p, "opts", [])}]
    assert not missing, missing


def test_a_command_with_several_tables_writes_each_under_its_title_as_csv():
    raw = graph071("who", "UvL", "--csv", check=True).stdout
    assert raw.startswith("\ufeff") and raw.count("\ufeff") == 1
    blocks = raw.lstrip("\ufeff").replace("\r\n", "\n").split("\n\n")
    assert blocks[0].startswith("Trekker van (") and len(blocks) >= 2
    assert blocks[0].splitlines()[1].split(";")[:3] == ["Soort", "Naam", "Periode"]
    assert "Universiteit Leiden" not in raw.splitlines()[0]  # the heading went to stderr


def test_csv_of_a_command_without_a_table_is_one_line_saying_what_to_use():
    result = graph071("timeline", "UvL", "--csv")
    assert result.returncode == 1 and "--json" in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_the_neo4j_query_list_writes_a_workbook_with_dutch_headers(tmp_path):
    path = tmp_path / "queries.xlsx"
    graph071("neo4j", "queries", "--xlsx", str(path), check=True)
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[1]] == ["Naam", "Beantwoordt", "Parameters"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:C{sheet.max_row}"
    assert "orphans" in [c.value for c in sheet["A"]]
