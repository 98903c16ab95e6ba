"""Project resolution: project and activity names as written -> one canonical project.

The curated table data/projects.csv is the only place where we say that
"Professioneel Expat Centre" (2018) and "Professioneel Expat Centre Leiden" (2019)
are one project, or that a project grew out of an action of the 2013-2015
programme without the text saying so. It is the analogue of organisations.csv.

Project node ids are node_id("Project", slug(canonical name)), so the table decides
which cards of which editions become one node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from graph071 import i18n
from graph071.errors import InputError
from graph071.corpus.organisations import normalise, slug
from graph071.corpus.tables import cell as table_cell
from graph071.corpus.tables import cells as table_cells
from graph071.corpus.tables import read_table
from graph071.schema import Node

PROJECTS = "projects.csv"
REQUIRED_COLUMNS = ("name", "kind", "aliases")
KINDS = (Node.PROJECT, Node.ACTIVITY)

_QUOTE_CHARS = "‘’'\"“”„`´*"
# Words around a name that do not belong to it: "het project Smart071", "project AOA".
_LEAD_WORDS = re.compile(r"^(?:(?:het|de|een)\s+)?(?:(?:nieuwe|afgeronde|lopende)\s+)?"
                         r"(?:project(?:en)?\s+)?", re.IGNORECASE)


@dataclass(frozen=True)
class KnownProject:
    """A row of the project table: a project or community activity with its other names."""

    name: str
    kind: str  # "Project" or "Activity"
    aliases: tuple[str, ...] = ()
    # Node ids of older actions or projects this one grew out of by our inference only.
    grew_out_of: tuple[str, ...] = ()
    grew_out_of_reason: str = ""
    note: str = ""
    # The title each grew_out_of id had when the row was written (column grew_out_of_titles),
    # so that a renumbered edition cannot re-point the lineage unseen.
    grew_out_of_titles: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return slug(self.name)

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def comparison_form(text: str) -> str:
    """Return the form two project names are compared in: quotes, case, spacing folded.

    >>> comparison_form("Human Capital Actieplan ‘Talent op Maat’")
    'human capital actieplan talent op maat'
    >>> comparison_form("het project  Smart071")
    'smart071'
    """
    text = text.translate({ord(ch): " " for ch in _QUOTE_CHARS})
    text = _LEAD_WORDS.sub("", text.strip())
    return normalise(text)


def _spaceless(text: str) -> str:
    # PDF extraction sometimes drops the hyphen of a broken word ("Bedrijven terreinen").
    return re.sub(r"[\s\-–]+", "", comparison_form(text))


class ProjectTable:
    """The curated projects and activities, looked up by any of their names."""

    def __init__(self, projects: list[KnownProject]) -> None:
        self.projects = projects
        self.by_name = {p.name: p for p in projects}
        self._by_form: dict[str, KnownProject] = {}
        self._by_spaceless: dict[str, KnownProject] = {}
        for project in projects:
            for form in project.forms:
                self._by_form.setdefault(comparison_form(form), project)
                self._by_spaceless.setdefault(_spaceless(form), project)
        self._pattern: re.Pattern | None = None

    @classmethod
    def load(cls, path: Path) -> "ProjectTable":
        """Read the table from `path`; a malformed row is an InputError naming the row."""
        return cls(read_table(path, REQUIRED_COLUMNS, _row,
                              missing_hint=i18n.text(
                                  "error:projects.needs_table", "a corpus folder with project cards needs a projects.csv")))

    @classmethod
    def for_corpus(cls, data_dir: Path) -> "ProjectTable":
        """Return the table of the corpus folder `data_dir`, or an empty table when it has none."""
        path = Path(data_dir) / PROJECTS
        return cls.load(path) if path.exists() else cls([])

    def resolve(self, text: str) -> KnownProject | None:
        """Return the project or activity `text` names, or None when no name matches.

        >>> table = ProjectTable([KnownProject("Smart071", "Project", ("IoT project",))])
        >>> table.resolve("het project Smart071").name
        'Smart071'
        >>> table.resolve("Expat Centre") is None
        True
        """
        form = comparison_form(text)
        if not form:
            return None
        return self._by_form.get(form) or self._by_spaceless.get(_spaceless(text))

    def mentions(self, text: str, kinds: tuple[str, ...] = KINDS) -> list[tuple[int, int, KnownProject]]:
        """Return (start, end, project) for every name of the table written in `text`.

        The longest name wins where names overlap; matching ignores case and quotes.

        >>> table = ProjectTable([KnownProject("Smart071", "Project", ("Internet of Things / Smart071",)),
        ...                       KnownProject("Expat Centre", "Project")])
        >>> [(text[s:e], p.name) for text in ["aan Internet of Things / Smart071 en het Expat Centre"]
        ...  for s, e, p in table.mentions(text)]
        [('Internet of Things / Smart071', 'Smart071'), ('Expat Centre', 'Expat Centre')]
        """
        if not self.projects:
            return []
        if self._pattern is None:
            forms = sorted({form for p in self.projects for form in p.forms}, key=len, reverse=True)
            self._pattern = re.compile(
                r"(?<![\w])(?:" + "|".join(_form_pattern(f) for f in forms) + r")(?![\w])",
                re.IGNORECASE)
        found = []
        for match in self._pattern.finditer(text):
            written = match.group(0)
            project = self.resolve(written)
            if project is None or project.kind not in kinds:
                continue
            # A one-word name in lower case is an ordinary word ("vitaliteit", "regiomarketing").
            if " " not in written and written[:1].islower() and not any(
                    form[:1].islower() for form in project.forms if " " not in form):
                continue
            found.append((match.start(), match.end(), project))
        return found


def _form_pattern(form: str) -> str:
    parts = []
    for ch in form:
        if ch in _QUOTE_CHARS:
            parts.append(f"[{re.escape(_QUOTE_CHARS)}]?")
        elif ch.isspace():
            parts.append(r"\s+")
        elif ch in "-–":
            parts.append(r"\s*[-–]?\s*")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def _row(path: Path, number: int, row: dict[str, str]) -> KnownProject:
    def cell(name: str) -> str:
        return table_cell(row, name)

    def cells(name: str) -> tuple[str, ...]:
        return table_cells(row, name)

    if not cell("name"):
        raise InputError(path, i18n.text("error:table.empty_name", "empty name"), line=number)
    if cell("kind") not in KINDS:
        raise InputError(path, i18n.text("error:projects.kind", "unknown kind {value!r}", value=cell('kind')),
                         line=number, hint=i18n.text("error:use_one_of", "use one of {choices}",
                                                     choices=', '.join(KINDS)))
    grew_out_of = cells("grew_out_of")
    for ref in grew_out_of:
        if ":" not in ref:
            raise InputError(path, i18n.text("error:projects.ref", "grew_out_of {ref!r} is not a node id", ref=ref),
                             line=number, hint=i18n.text("error:projects.ref.hint",
                                                         'write ids such as "action:2013-2015/55"'))
    if grew_out_of and not cell("grew_out_of_reason"):
        raise InputError(path, i18n.text("error:projects.reason",
                                         "grew_out_of needs a grew_out_of_reason: an inference must say why"),
                         line=number)
    titles = cells("grew_out_of_titles")
    if titles and len(titles) != len(grew_out_of):
        raise InputError(path, i18n.text("error:projects.titles", "{titles} grew_out_of_titles for {ids} grew_out_of ids",
                                         titles=len(titles), ids=len(grew_out_of)), line=number,
                         hint=i18n.text("error:projects.titles.hint",
                                        "give one title per id, in the same order, separated by ';'"))
    return KnownProject(name=cell("name"), kind=cell("kind"), aliases=cells("aliases"),
                        grew_out_of=grew_out_of, grew_out_of_reason=cell("grew_out_of_reason"),
                        note=cell("note"), grew_out_of_titles=titles)
