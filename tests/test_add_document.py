"""`graph071 add`: a new edition or an Excel list gets into the corpus with one command."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook

from graph071.corpus.manifest import bundled_data_dir

from .conftest import PROGRAMME, graph071, programme_corpus

def corpus(tmp_path: Path) -> Path:
    """A corpus folder holding the 2013-2015 programme, as a user's own copy would."""
    return programme_corpus(tmp_path / "mijn-corpus")




def excel_list(path: Path, number: object = 1) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "acties"
    sheet.append(["programme", "number", "title", "theme", "theme_name", "trekkers", "partners"])
    sheet.append(["2016-2018", number, "Campus Bio Science Park", 1, "Kennis", "n.t.b.",
                  "Universiteit Leiden; Stichting Campus071"])
    workbook.save(path)
    return path


def test_add_an_excel_list_writes_its_manifest_row_and_the_actions_show_up(tmp_path):
    folder = corpus(tmp_path)
    result = graph071("--data", str(folder), "add", str(excel_list(tmp_path / "acties-2016.xlsx")),
                      "--kind", "actions", "--edition", "2016-01", "--title", "Acties 2016")
    assert result.returncode == 0, result.stderr
    assert "regel 3" in result.stdout and "loader spreadsheet_actions" in result.stdout
    assert "Onbekende namen (1): Stichting Campus071" in result.stdout
    assert (folder / "documents" / "acties-2016.xlsx").exists()
    assert (folder / "manifest.csv").read_text(encoding="utf-8").splitlines()[-1] == \
        "documents/acties-2016.xlsx,acties-2016,Acties 2016,,2016-01,actions,spreadsheet_actions,"
    orphans = json.loads(graph071("--data", str(folder), "orphans", "--json").stdout)
    assert [(o["number"], o["title"]) for o in orphans if o["number"] == 1] == \
           [(1, "Campus Bio Science Park")]


def test_add_refuses_a_bad_list_and_writes_nothing(tmp_path):
    folder = corpus(tmp_path)
    manifest = (folder / "manifest.csv").read_text(encoding="utf-8")
    result = graph071("--data", str(folder), "add",
                      str(excel_list(tmp_path / "acties.xlsx", number="een")),
                      "--kind", "actions", "--edition", "2016-01")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "blad 'acties', rij 2, kolom 'number' (B): 'een' is geen actienummer" \
        in result.stderr
    assert (folder / "manifest.csv").read_text(encoding="utf-8") == manifest
    assert not (folder / "documents" / "acties.xlsx").exists()


def test_a_new_text_edition_takes_the_loader_of_its_kind_and_new_names_reach_check(tmp_path):
    folder = corpus(tmp_path)
    text = (bundled_data_dir() / "documents" / PROGRAMME).read_text(encoding="utf-8")
    edition = tmp_path / "uitvoeringsprogramma-2016.txt"
    edition.write_text(text.replace("Trekker: Holland Rijnland", "Trekker: Holand Rijnland", 1),
                       encoding="utf-8")
    result = graph071("--data", str(folder), "add", str(edition), "--kind", "action_programme",
                      "--edition", "2016-01", "--id", "uitvoeringsprogramma-2016")
    assert result.returncode == 0, result.stderr
    assert "loader action_programme_2013" in result.stdout
    checked = json.loads(graph071("--data", str(folder), "check", "--json").stdout)
    unknown = {u["name"]: u for u in checked["unresolved"]}
    assert unknown["Holand Rijnland"]["suggestions"][0] == "Holland Rijnland"


def test_add_says_what_to_do_when_the_kind_has_no_loader_yet(tmp_path):
    folder = corpus(tmp_path)
    notes = tmp_path / "notulen.txt"
    notes.write_text("Notulen van het overleg\n", encoding="utf-8")
    result = graph071("--data", str(folder), "add", str(notes), "--kind", "notulen",
                      "--edition", "2024-03")
    assert result.returncode == 1
    assert "nog geen document van soort 'notulen'" in result.stderr and "--loader" in result.stderr


def test_add_refuses_a_missing_file_a_bad_edition_and_a_taken_id(tmp_path):
    folder = corpus(tmp_path)
    missing = graph071("--data", str(folder), "add", str(tmp_path / "weg.xlsx"), "--kind",
                       "actions", "--edition", "2024")
    assert missing.returncode == 1 and "bestand niet gevonden" in missing.stderr
    listed = excel_list(tmp_path / "a.xlsx")
    bad_date = graph071("--data", str(folder), "add", str(listed), "--kind", "actions",
                        "--edition", "maart 2024")
    assert bad_date.returncode == 1 and "editie 'maart 2024' is geen datum" in bad_date.stderr
    taken = graph071("--data", str(folder), "add", str(listed), "--kind", "actions",
                     "--edition", "2024", "--id", "uitvoeringsprogramma-2013-2015")
    assert taken.returncode == 1 and "wordt al gebruikt op regel 2" in taken.stderr
