"""Named Cypher queries, one file each, runnable with `graph071 neo4j query NAME`.

Each file starts with a header comment that says what it answers and lists
its parameters, one per line, as

    //   $name  type, default VALUE: what it means
    //   $name  type, required: what it means

with type one of text, integer, number, boolean. The header also shows the
`:param` lines to paste into Neo4j Browser before the query itself.

Every query answers for one moment, `$asOf` (null: the latest state of the corpus), as
graph071.analytics.time.as_of does on networkx. Each starts with the same lines, MOMENT
(a test checks that they are there), that find the documents in force then; further on,
a node or relationship holds when one of the documents that state it (`seen_in`) does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from graph071.errors import Graph071Error

TYPES = ("text", "integer", "number", "boolean")
# The first lines of every query: the moment $asOf names, as graph071.analytics.time.find_moment
# reads it, and the documents that hold then (inForce) or were published by then (published).
MOMENT = """
MATCH (doc:G071:Document)
WITH collect(doc) AS docs, trim(coalesce($asOf, '')) AS asked
WITH docs, asked, CASE WHEN toLower(asked) STARTS WITH 'doc:' THEN substring(toLower(asked), 4)
                       ELSE toLower(asked) END AS wanted
WITH docs, CASE
       WHEN asked = '' THEN reduce(newest = '0001-01-01', d IN docs |
         CASE WHEN coalesce(d.valid_from, '0001-01-01') > newest THEN d.valid_from ELSE newest END)
       WHEN any(d IN docs WHERE toLower(d.document) = wanted)
         THEN head([d IN docs WHERE toLower(d.document) = wanted | coalesce(d.valid_from, '0001-01-01')])
       WHEN asked =~ '[0-9]{4}' THEN asked + '-12-31'
       WHEN asked =~ '[0-9]{4}-[0-9]{2}'
         THEN toString(date(asked + '-01') + duration({months: 1}) - duration({days: 1}))
       WHEN asked =~ '[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN asked
     END AS day
WITH docs, day, [d IN docs WHERE coalesce(d.valid_from, '0001-01-01') <= day
                             AND (d.valid_until IS NULL OR day <= d.valid_until)] AS held,
     [d IN docs WHERE coalesce(d.valid_from, '0001-01-01') <= day] AS out
WITH docs, day, [d IN held | d.document] AS inForce, [d IN out | d.document] AS published,
     [d IN held | toString(coalesce(d.edition, ''))] AS inForceEditions,
     [d IN out | toString(coalesce(d.edition, ''))] AS publishedEditions
"""
_PARAMETER = re.compile(
    r"^//\s+\$(?P<name>\w+)\s+(?P<type>\w+)(?:,\s*(?:(?P<required>required)|default\s+(?P<default>.+?)))?"
    r":\s*(?P<help>.*)$")


@dataclass(frozen=True)
class Parameter:
    """A parameter of a named query, as its header declares it."""

    name: str
    type: str
    required: bool
    default: Any
    help: str

    def convert(self, value: Any) -> Any:
        """Return `value` (often text from the command line) as this parameter's type.

        >>> Parameter("top", "integer", False, 10, "").convert("5")
        5
        >>> Parameter("top", "integer", False, 10, "").convert("vijf")
        Traceback (most recent call last):
        ...
        graph071.errors.Graph071Error: parameter top needs a whole number, not 'vijf'
        """
        if not isinstance(value, str) or self.type == "text":
            return value
        try:
            if self.type == "integer":
                return int(value)
            if self.type == "number":
                return float(value)
        except ValueError:
            kind = "a whole number" if self.type == "integer" else "a number"
            raise Graph071Error(f"parameter {self.name} needs {kind}, not {value!r}") from None
        if value.lower() in ("true", "ja", "yes", "1"):
            return True
        if value.lower() in ("false", "nee", "no", "0"):
            return False
        raise Graph071Error(f"parameter {self.name} needs true or false, not {value!r}")


@dataclass(frozen=True)
class CypherQuery:
    """A named query: its Cypher text, what it answers and its parameters."""

    name: str
    text: str
    summary: str
    parameters: tuple[Parameter, ...]

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Return the parameters to run with: `given` converted, defaults filled in.

        Unknown names and missing required parameters raise Graph071Error naming the known ones.
        """
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(given) - set(known))
        listing = ", ".join(known) or "none"
        if unknown:
            raise Graph071Error(f"query {self.name} has no parameter {', '.join(unknown)}",
                                hint=f"its parameters: {listing}")
        bound = {}
        for parameter in self.parameters:
            if parameter.name in given:
                bound[parameter.name] = parameter.convert(given[parameter.name])
            elif parameter.required:
                raise Graph071Error(f"query {self.name} needs --param {parameter.name}=...",
                                    hint=parameter.help)
            else:
                bound[parameter.name] = parameter.default
        return bound


def literal(text: str) -> Any:
    """Return the value of a Cypher literal as written in a header: 10, 2.5, 'text', true, null.

    >>> [literal(t) for t in ("10", "0.5", "'Gemeente Leiden'", "true", "null")]
    [10, 0.5, 'Gemeente Leiden', True, None]
    """
    text = text.strip()
    if text == "null":
        return None
    if text in ("true", "false"):
        return text == "true"
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    try:
        return int(text)
    except ValueError:
        return float(text)


def parse(name: str, text: str) -> CypherQuery:
    """Return the query called `name` whose file holds `text`.

    >>> q = parse("top", "// top: the first few.\\n// Parameters:\\n"
    ...           "//   $top  integer, default 3: how many\\nRETURN range(1, $top) AS numbers")
    >>> q.summary, q.parameters[0].default
    ('the first few.', 3)
    """
    lines = text.splitlines()
    header = [line for line in lines if line.startswith("//")]
    first = header[0][2:].strip() if header else ""
    summary = first.split(":", 1)[1].strip() if first.lower().startswith(f"{name.lower()}:") else first
    parameters = []
    for line in header:
        found = _PARAMETER.match(line)
        if not found:
            continue
        if found["type"] not in TYPES:
            raise Graph071Error(f"query {name}: parameter ${found['name']} has unknown type "
                                f"{found['type']!r}", hint=f"use one of {', '.join(TYPES)}")
        required = bool(found["required"]) or found["default"] is None
        default = None if required else literal(found["default"])
        parameters.append(Parameter(found["name"], found["type"], required, default,
                                    found["help"].strip()))
    return CypherQuery(name, text, summary, tuple(parameters))


def names() -> list[str]:
    """Return the names of the queries that ship with graph071."""
    return sorted(entry.name[:-len(".cypher")] for entry in resources.files(__name__).iterdir()
                  if entry.name.endswith(".cypher"))


def load(name: str) -> CypherQuery:
    """Return the shipped query called `name`; an unknown name lists the known ones."""
    if name not in names():
        raise Graph071Error(f"there is no query called {name!r}",
                            hint=f"known queries: {', '.join(names())}")
    return parse(name, resources.files(__name__).joinpath(f"{name}.cypher").read_text("utf-8"))
