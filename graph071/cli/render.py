"""Readable Dutch tables for the analytics commands (hubs --by, orphans --suggest, path,
balance, diff, communities). The CLI hands these the library's results; JSON and CSV go
through graph071.cli.output unchanged. Nothing here computes: it only lays out.
"""

from __future__ import annotations

import re
from typing import Any

from graph071 import i18n
from graph071.cli import output
from graph071.schema import HELIX_SIDES, Edge, Node, label, label_nl

# A status the analytics computed (data/statuses.csv and graph071.build.periods), maybe with
# where it was last seen; the stored value stays Dutch, only the shown word is translated.
STATUS = re.compile(r"^(niet meer genoemd|opgevolgd door|verzelfstandigd|afgerond|lopend|genoemd)"
                    r"(?: \(laatst in (.+?)\))?(.*)$")


def word(value: Any) -> Any:
    """Return a Dutch word the analytics computed (a status, a colour, a verdict) in the
    language in use: the catalogue's row "word:<Dutch word>"; other values as they are."""
    if not isinstance(value, str) or not value:
        return value
    match = STATUS.match(value)
    if not match:
        return i18n.text(f"word:{value}", value)
    head, last, rest = match.groups()
    said = i18n.text(f"word:{head}", head)
    if last:
        said += i18n.text("word:last_in", " (last in {edition})", edition=last)
    return said + rest

HUB_TITLES = {  # in English; the catalogue's "hubs:title.<by>" rows say them in Dutch
    "score": "Hub organisations, by score",
    "trekker": "Hub organisations, by times trekker",
    "partner": "Hub organisations, by times partner",
    "betweenness": "Hub organisations by betweenness: the share of the shortest chains of "
                   "cooperation between two other organisations that run through them",
    "eigenvector": "Hub organisations by connectedness (eigenvector): they work with organisations "
                   "that themselves work with many; the best connected organisation = 1",
}
HUB_COLUMNS = [("rank", "#"), ("name", "Organisatie"), ("helix", "Kant"), ("trekker", "Trekker"),
               ("partner", "Partner"), ("te_betrekken", "Te betrekken"),
               ("projectboard", "Projectboard"), ("betrokken", "Betrokken"),
               ("financier", "Financier"), ("score", "Score")]


def hub_columns(by: str) -> list[tuple[str, str]]:
    """Return the hub table's columns: every role count, the score and, when ranked on
    another measure, that measure and why."""
    if by in ("score", "trekker", "partner"):
        return [*HUB_COLUMNS, ("centrality", "Centraliteit")]
    return [*HUB_COLUMNS, ("value_text", by.capitalize())]


def hub_title(rows: list[dict[str, Any]], by: str) -> str:
    """Return the hub table's title; it says when betweenness was estimated from a sample."""
    title = i18n.text(f"hubs:title.{by}", HUB_TITLES[by])
    if rows and by == "betweenness":
        title += f" ({rows[0]['method']})"
    return title


def print_orphan_suggestions(rows: list[dict[str, Any]]) -> None:
    """Print each action or project without trekker with its suggested owners and why."""
    out = output.console()
    esc = output.escape
    out.print("[bold]" + i18n.text("suggest:title", "Without a trekker ({count}), with suggested "
                                   "trekkers", count=len(rows)) + "[/bold]")
    out.print(i18n.text("suggest:points", "Points: already partner 3, another role on it 2, trekker "
                        "of a linked action or project 2, project leader works there 2, "
                        "opdrachtgever 1, role on a linked item 1, trekker in the same theme 0.25 "
                        "per item (max 1). See docs/analytics.md."))
    for row in rows:
        what = (i18n.text("suggest:action", "Action {number}", number=row["number"])
                if row["kind"] == Node.ACTION else label(Node.PROJECT))
        context = []
        if row.get("theme_name"):
            context.append(i18n.text("suggest:theme", "theme {name}", name=row["theme_name"]))
        if row.get("status"):
            context.append(i18n.text("suggest:status", "status {status}", status=word(row["status"])))
        if row.get("categorie"):
            context.append(f"categorie {row['categorie']}")
        out.print(f"\n[bold]{what}: {esc(row['title'])}[/bold]"
                  + (f" ({esc(', '.join(context))})" if context else ""))
        if not row["suggestions"]:
            out.print("  " + i18n.text("suggest:none", "No clue in the documents: nobody works on it or "
                                "next to it."))
        for suggestion in row["suggestions"]:
            out.print(f"  {suggestion['rank']}. {esc(suggestion['name'])}"
                      + (i18n.text("suggest:group", " (group)") if suggestion["is_group"] else "")
                      + ": " + (i18n.text("suggest:scored.one", "{points} point, {strength}",
                                          points=f"{suggestion['points']:g}",
                                          strength=word(suggestion["strength"]))
                                if suggestion["points"] == 1 else
                                i18n.text("suggest:scored", "{points} points, {strength}",
                                          points=f"{suggestion['points']:g}",
                                          strength=word(suggestion["strength"])))
                      + f" — {esc(suggestion['why'])}", soft_wrap=True)


def print_connection(result: dict[str, Any]) -> None:
    """Print how two organisations are connected, step by step, with the sources."""
    out = output.console()
    esc = output.escape
    out.print(f"[bold]{esc(result['text'])}[/bold]", soft_wrap=True)
    if len(result["steps"]) < 1:
        return
    line = i18n.text("show:line", "line")
    rows = [{"step": number, "text": step["text"],
             "shared": ", ".join(step["shared"][:6]) + (" …" if len(step["shared"]) > 6 else ""),
             "source": f"{step['document']}, {line} {step['line']}" if step["document"] else ""}
            for number, step in enumerate(result["steps"], start=1)]
    output.print_table(rows, [("step", "Stap"), ("text", "Verbinding"),
                              ("shared", "Alles wat ze delen"), ("source", "Bron")],
                       title=i18n.text("path:chain.one", "Chain of 1 step") if result["hops"] == 1
                       else i18n.text("path:chain", "Chain of {hops} steps", hops=result["hops"]))


def _sides(counts: dict[str, int]) -> str:
    return " / ".join(str(counts[side]) for side in HELIX_SIDES)


def print_balance(result: dict[str, Any]) -> None:
    """Print the helix balance per theme (or the detail of the chosen themes)."""
    out = output.console()
    esc = output.escape
    themes = result["themes"]
    if "total" in result:
        rows = [{**row, "trekkers": _sides(row["trekker"]), "others": _sides(row["other"]),
                 "verdict": word(row["verdict"]), "label": word(row["label"]),
                 "largest": (f"{row['largest_trekker']['name']} ({row['largest_trekker']['share']:.0%})"
                             if row["largest_trekker"] else "—")}
                for row in [*themes, result["total"]]]
        output.print_table(rows, [("label", "Thema"), ("works", "Acties/projecten"),
                                  ("without_trekker", "Zonder trekker"),
                                  ("trekkers", "Trekkerrollen*"),
                                  ("others", "Andere rollen*"), ("largest", "Grootste trekker"),
                                  ("verdict", "Oordeel")],
                           title=i18n.text("balance:title", "Balance of the triple helix per theme"))
        out.print(i18n.text("balance:legend", "* per side: {sides}. In balance: each side (overheid, "
                            "ondernemers, onderwijs & kennis) holds at least {share} of the trekker "
                            "roles; with fewer than {minimum} trekker roles no verdict.",
                            sides=" / ".join(label_in_use(side) for side in HELIX_SIDES),
                            share=f"{result['minimum_share']:.0%}",
                            minimum=result["minimum_trekker_roles"]))
        for row in [*themes, result["total"]]:
            out.print(f"[bold]{esc(word(row['label']))}[/bold]: {esc(row['text'])}", soft_wrap=True)
        return
    for row in themes:
        out.print("\n" + i18n.text("balance:theme", "[bold]Theme {label}[/bold]: {works} actions and "
                                   "projects, verdict: {verdict}", label=esc(row["label"]),
                                   works=row["works"], verdict=word(row["verdict"])))
        out.print(esc(row["text"]), soft_wrap=True)
        table = []
        for side in HELIX_SIDES:
            organisations = row["organisations"][side]
            table.append({"side": label_in_use(side, capital=True),
                          "trekker": row["trekker"][side], "other": row["other"][side],
                          "who": ", ".join(f"{o['name']} ({o['trekker']}/{o['other']})"
                                           for o in organisations) or "—"})
        output.print_table(table, [("side", "Kant"), ("trekker", "Trekkerrollen"),
                                   ("other", "Andere rollen"),
                                   ("who", "Organisaties (trekker/andere rollen)")])


def label_in_use(side: str, capital: bool = False) -> str:
    """Return a helix side's label in the language in use (Overheid; Government)."""
    dutch = HELIX_SIDES[side].label_nl
    said = i18n.text(f"word:{dutch.lower()}", dutch.lower())
    return said[:1].upper() + said[1:] if capital else said


def print_diff(result: dict[str, Any]) -> None:
    """Print the changes between two editions of the projectkaarten."""
    out = output.console()
    out.print(f"[bold]{output.escape(result['text'])}[/bold]", soft_wrap=True)
    project = label_nl(Node.PROJECT)
    output.print_table(result["new"], [("name", project), ("name_as_written", "Naam op de kaart"),
                                ("categorie", "Status"), ("note", "Toelichting")],
                       title=i18n.text("diff:new", "New ({count})", count=len(result["new"])),
                       empty=i18n.text("diff:no_new", "No new projects."))
    output.print_table(result["gone"], [("name", project), ("categorie", "Laatste status"),
                                        ("note", "Wat werd ervan")],
                       title=i18n.text("diff:gone", "Gone ({count})", count=len(result["gone"])),
                       empty=i18n.text("diff:no_gone", "No project gone."))
    output.print_table(result["status_changed"], [("name", project), ("before", "Was"),
                                                  ("after", "Wordt")],
                       title=i18n.text("diff:status", "Other status ({count})",
                                       count=len(result["status_changed"])), empty="—")
    output.print_table(result["renamed"], [("name", project), ("before", "Naam was"),
                                           ("after", "Naam wordt")],
                       title=i18n.text("diff:renamed", "Other name ({count})",
                                       count=len(result["renamed"])), empty="—")
    rows = [{"name": r["name"], "role": r["role_label"], "added": r["added"],
             "removed": r["removed"]} for r in result["roles_changed"]]
    output.print_table(rows, [("name", project), ("role", "Rol"), ("added", "Nieuw genoemd"),
                              ("removed", "Niet meer genoemd")],
                       title=i18n.text("diff:roles", "Other trekkers, partners or people "
                                       "({count} projects)", count=result["counts"]["roles_changed"]),
                       empty="—")
    if result["successions"]:
        derived = i18n.text("diff:derived", " (derived)")
        rows = [{**s, "how": s["cue"] + ("" if s["explicit"] else derived)}
                for s in result["successions"]]
        output.print_table(rows, [("older_name", "Was"), ("newer_name", "Gaat verder als"),
                                  ("how", "Volgens de tekst"), ("line", "Regel")],
                           title=i18n.text("diff:successions", "Succession according to the newer edition"))


def print_communities(result: dict[str, Any]) -> None:
    """Print the clusters of organisations, each with its one-line description."""
    out = output.console()
    rows = [{"number": c["number"], "size": c["size"], "description": c["description"]}
            for c in result["communities"]]
    output.print_table(rows, [("number", "#"), ("size", "Organisaties"),
                              ("description", "Wie, welke thema's, welke kant, samen waarbij")],
                       title=i18n.text("communities:title", "Clusters of organisations that work "
                                       "together ({count})", count=len(rows)),
                       empty=i18n.text("communities:none", "No organisations that work together."))
    out.print(i18n.text("communities:method", "Louvain on the network of cooperation of "
                        "{organisations} organisations (fixed seed {seed}); modularity {modularity}.",
                        organisations=result["organisations"], seed=result["seed"],
                        modularity=f"{result['modularity']:g}"))
    if result["alone"]:
        names = result["alone"]
        shown = ", ".join(names[:10]) + (i18n.text("communities:more", " and {count} more",
                                                   count=len(names) - 10) if len(names) > 10 else "")
        out.print(i18n.text("communities:alone", "Work with nobody ({count}): ", count=len(names))
                  + output.escape(shown), soft_wrap=True)


# ---------------------------------------------------------------- summary, who, action

def print_summary(result: dict[str, Any]) -> None:
    """Print `graph071 summary`: counts per kind, the orphans and the top hubs."""
    out = output.console()
    out.print(f"[bold]{i18n.text('summary:title', 'graph071: the network of Economie071')}[/bold]")
    # Node kinds as users name them (Actie, Organisatie); edges keep their relationship
    # types, the names Neo4j Browser shows too.
    out.print(i18n.text("summary:nodes", "Nodes: ") + ", ".join(f"{label(k)} {v}" for k, v in result["nodes"].items()))
    out.print(i18n.text("summary:edges", "Edges: ") + ", ".join(f"{k} {v}" for k, v in result["edges"].items()))
    output.print_table(result["orphans"], [("kind", "Soort"), ("number", "Nr"), ("title", "Titel"),
                                           ("categorie", "Cat."), ("partners", "Partners")],
                       title=orphans_title(len(result["orphans"])), empty=all_have_a_trekker())
    output.print_table(result["hubs"], [("rank", "#"), ("name", "Organisatie"),
                                        ("trekker", "Trekker"), ("partner", "Partner"),
                                        ("score", "Score")], title=i18n.text("summary:hubs", "Hub organisations"))


def orphans_title(count: int, ever: bool = False) -> str:
    """Return the title of a table of actions and projects without a trekker."""
    if ever:
        return i18n.text("orphans:title.ever", "Ever without a trekker ({count})", count=count)
    return i18n.text("orphans:title", "Without a trekker ({count})", count=count)


def all_have_a_trekker() -> str:
    """Return what an empty table of actions and projects without a trekker says."""
    return i18n.text("orphans:none", "Every action and project has a trekker.")


def print_who(result: dict[str, Any], other_roles: list[str], labels: dict[str, str]) -> None:
    """Print `graph071 who`: the organisation, its groups and its roles by kind."""
    out = output.console()
    esc = output.escape
    group = i18n.text("who:group", ", group") if result["is_group"] else ""
    out.print(f"[bold]{esc(result['name'])}[/bold] ({result['sector']}, {result['helix']}{group})")
    if result["member_of"]:
        out.print(i18n.text("who:member_of", "Member of: ") + esc(", ".join(result["member_of"])))
    if result["members"]:
        out.print(i18n.text("who:members", "Members: ") + esc(", ".join(result["members"])))
    columns = [("kind", "Soort"), ("name", "Naam"), ("period", "Periode"),
               ("role", "Rol zoals geschreven"), ("line", "Regel")]
    for key, title in (("trekker", i18n.text("who:trekker", "Trekker of")),
                       ("partner", i18n.text("who:partner", "Partner of")),
                       ("te_betrekken", i18n.text("who:te_betrekken", "To be involved in"))):
        output.print_table(result[key], columns, title=f"{title} ({len(result[key])})",
                           empty="—")
    # The other roles on projects (projectboard, financier, betrokken), where it has them.
    for kind in other_roles:
        items = result.get(kind.lower())
        if items:
            output.print_table(items, columns,
                               title=f"{labels[kind].capitalize()} ({len(items)})")


def print_action(result: dict[str, Any]) -> None:
    """Print `graph071 action`: the action, its roles, result, planning, links and source."""
    out = output.console()
    esc = output.escape
    reference = (f"{result['programme']}/{result['number']}" if result.get("programme")
                 else result["number"])
    out.print("[bold]" + i18n.text("action:title", "Action {reference}: {title}",
                                   reference=reference, title=esc(result["title"])) + "[/bold]")
    out.print(i18n.text("action:theme", "Theme {number}: {name}", number=result.get("theme"),
                        name=esc(result.get("theme_name", ""))))
    if result.get("voornemen"):
        out.print(f"Voornemen {result.get('voornemen_code') or ''}: {esc(result['voornemen'])}")
    out.print(f"Categorie {result.get('categorie')} ({word(result.get('categorie_colour'))})")
    if result.get("status"):  # at the moment asked: an old programme's action is "niet meer genoemd"
        since = result.get("status_since")
        out.print(esc(i18n.text("action:status", "Status: {status}", status=word(result["status"]))
                      + (i18n.text("action:since", " (since {since})", since=since) if since else "")))
    none = i18n.text("action:none", "none")
    for key, label in (("trekkers", "Trekker(s)"), ("partners", "Partners"),
                       ("te_betrekken", "Te betrekken")):
        names = ", ".join(p["name"] for p in result[key]) or (
            f"{none} ({result.get('trekker_text')})" if key == "trekkers" and result.get("trekker_text")
            else none if key == "trekkers" else "—")
        out.print(f"{label}: {esc(names)}")
    for key, label in (("result", i18n.text("action:result", "Intended result")),
                       ("planning", i18n.text("action:planning", "Planning")),
                       ("description", i18n.text("action:description", "Description"))):
        if result.get(key):
            out.print(f"{label}: {esc(result[key])}")
    line = i18n.text("show:line", "line")
    for link in result["links"]:
        arrow = "→" if link["direction"] == "out" else "←"
        out.print(f"{arrow} {esc(link['name'])} ({link['link_kind']}; {line} {link['line']}: "
                  f"\"{esc(link['quote'])}\")")
    out.print(i18n.text("action:source", "Source: {document}, line {line}: ",
                        document=result["document"], line=result["line"])
              + f"\"{esc(result['quote'])}\"")


def print_check(report: dict[str, list[dict[str, Any]]]) -> None:
    """Print `graph071 check`: unknown names with suggestions, then the reading warnings."""
    output.print_table(report["unresolved"], [("name", "Naam zoals geschreven"), ("where", "Waar"),
                                              ("suggestions", "Bedoelt u?")],
                       title=i18n.text("check:unknown", "Unknown names ({count})", count=len(report['unresolved'])),
                       empty=i18n.text("check:all_known", "Every name is recognised."))
    warnings = [{**w, "level": i18n.text(f"check:level.{w['level']}", w["level"])} for w in report["warnings"]]
    output.print_table(warnings, [("document", label_nl(Node.DOCUMENT)),
                                  ("line", "Regel"), ("level", "Soort"),
                                  ("message", "Melding")],
                       title=i18n.text("check:warnings", "Reading notes ({count})", count=len(report['warnings'])),
                       empty=i18n.text("check:no_warnings", "No notes."))


# ---------------------------------------------------------------- projects and people

def print_project(result: dict[str, Any], role_labels: dict[str, str]) -> None:
    """Print `graph071 project`: status per edition, organisations, people, links, lineage."""
    out = output.console()
    esc = output.escape
    out.print(f"[bold]Project: {esc(result['name'])}[/bold]")
    others = [n for n in result["names"] if n != result["name"]]
    if others:
        out.print(i18n.text("project:also", "Also written as: ") + esc("; ".join(others)))
    output.print_table(result["timeline"], [("edition", "Editie"), ("categorie", "Categorie"),
                                            ("name_as_written", "Naam op de kaart"),
                                            ("trekkers", "Bestuurlijke trekkers"),
                                            ("document", label_nl(Node.DOCUMENT)),
                                            ("line", "Regel")],
                       title=i18n.text("project:timeline", "Status per edition"),
                       empty=i18n.text("project:no_card", "No projectkaart in the editions read."))
    line = i18n.text("show:line", "line")
    for theme in result["themes"]:
        out.print(i18n.text("project:theme", "Theme: ") +
                  f"{esc(theme['name'])} ({theme['edition']}, {line} {theme['line']})")
    org_columns = [("name", "Organisatie"), ("role", "Rol zoals geschreven"),
                   ("editions", "Edities"), ("document", label_nl(Node.DOCUMENT)),
                   ("line", "Regel")]
    output.print_table(result["trekkers"], org_columns,
                       title=f"Bestuurlijke trekkers ({len(result['trekkers'])})",
                       empty=i18n.text("project:no_trekker", "No bestuurlijk trekker on the cards."))
    output.print_table(result["partners"], org_columns,
                       title=f"Partners ({len(result['partners'])})", empty="—")
    for kind, items in result["other_roles"].items():
        output.print_table(items, org_columns,
                           title=f"{role_labels[kind.upper()].capitalize()} ({len(items)})")
    _print_project_people(result["people"])
    output.print_table(result["links"], [("name", label_nl(Node.PROJECT)),
                                         ("direction", "Richting"), ("role", "Verbinding"),
                                         ("edition", "Editie"), ("line", "Regel")],
                       title=i18n.text("project:links", "Linked projects ({count})",
                                       count=len(result["links"])), empty="—")
    print_lineage(result["lineage"], heading=i18n.text("project:lineage", "Origin and succession"))


def _print_project_people(people: list[dict[str, Any]]) -> None:
    quoted = i18n.text("project:quoted", "quoted")
    rows = [{"name": p["name"], "organisations": p["organisations"],
             "roles": "; ".join(dict.fromkeys(
                 (r["role"] or r["label"]) + (f" ({r['function']})" if r["function"] else "")
                 for r in p["roles"] if r["kind"] != Edge.QUOTED)) or quoted,
             "editions": p["editions"], "line": p["roles"][0]["line"]} for p in people]
    output.print_table(rows, [("name", "Persoon"), ("roles", "Rol"),
                              ("organisations", "Namens"), ("editions", "Edities"),
                              ("line", "Regel")],
                       title=i18n.text("project:people", "People ({count})", count=len(rows)),
                       empty="—")


def print_lineage(result: dict[str, Any], heading: str) -> None:
    """Print a lineage: the chain oldest first, then each step with its quote or reason."""
    out = output.console()
    esc = output.escape
    if not result["steps"]:
        out.print(f"[bold]{esc(heading)}[/bold]: "
                  + i18n.text("lineage:none", "no predecessor or successor known."))
        return
    out.print(f"[bold]{esc(heading)}[/bold] " + i18n.text("lineage:oldest", "(oldest first)"))
    without = i18n.text("lineage:no_categorie", "without categorie")
    for number, member in enumerate(result["chain"], start=1):
        statuses = ", ".join(f"{s['edition']} {s['categorie'] or without}"
                             for s in member["statuses"])
        kind = {Node.ACTION: Node.ACTION, Node.ORGANISATION: Node.ORGANISATION}.get(
            member["kind"], Node.PROJECT)
        out.print(f"  {number}. {esc(member['name'])} ("
                  + i18n.text("lineage:member", "{kind}, from {edition}", kind=label(kind).lower(),
                              edition=member["first_edition"])
                  + (f"; {esc(statuses)}" if statuses else "") + ")")
    line = i18n.text("show:line", "line")
    for step in result["steps"]:
        if step["explicit"]:
            out.print(f"  {esc(step['newer_name'])} ← {esc(step['older_name'])}: "
                      f"{esc(step['cue'])} ({step['document']}, {step['edition']}, {line} "
                      f"{step['line']}): \"{esc(step['quote'])}\"")
        else:
            out.print(f"  {esc(step['newer_name'])} ← {esc(step['older_name'])}: "
                      + i18n.text("lineage:derived", "derived, not in the text. Reason: {reason}",
                                  reason=esc(step["reason"])))


def print_person(result: dict[str, Any]) -> None:
    """Print `graph071 person`: the organisations they act for, then their roles."""
    out = output.console()
    esc = output.escape
    out.print(f"[bold]{esc(result['name'])}[/bold]")
    line = i18n.text("show:line", "line")
    for row in result["organisations"]:
        function = f"{row['role']}; " if row["role"] else ""
        out.print(f"{row['label'].capitalize()} {esc(row['name'])} ({esc(function)}"
                  f"{', '.join(row['editions'])}; {row['document']} {line} {row['line']})")
    output.print_table(result["roles"], [("editions", "Edities"), ("label", "Rol"),
                                         ("name", "Project of thema"),
                                         ("role", "Rol zoals geschreven"),
                                         ("document", label_nl(Node.DOCUMENT)),
                                         ("line", "Regel")],
                       title=i18n.text("person:roles", "Roles ({count})", count=len(result["roles"])),
                       empty=i18n.text("person:none", "No roles found."))


def print_added(added: Any) -> None:
    """Print what `graph071 add` wrote and what the file gave."""
    entry = added.entry
    if added.copied_to:
        print(f"Gekopieerd naar: {added.copied_to}")
    print(f"Toegevoegd: {added.manifest}, regel {added.line} "
          f"(id {entry.id}, soort {entry.kind}, loader {entry.loader})")
    print("Gelezen: " + ", ".join(f"{k} {v}" for k, v in added.nodes.items())
          + "; " + ", ".join(f"{k} {v}" for k, v in added.edges.items()))
    if added.unresolved:
        print(f"Onbekende namen ({len(added.unresolved)}): {', '.join(added.unresolved)}; "
              "zie graph071 check voor suggesties")
    warnings = [w for w in added.warnings if w.level == "warning"]
    if warnings:
        print(f"Meldingen ({len(warnings)}): zie graph071 check")


# ---------------------------------------------------------------- answers across time

ORPHAN_COLUMNS = [("kind", "Soort"), ("programme", "Programma"), ("number", "Nr"),
                  ("title", "Titel"), ("theme_name", "Thema"), ("categorie", "Cat."),
                  ("categorie_colour", "Kleur"), ("status", "Status"), ("partners", "Partners")]
HISTORY_COLUMNS = [*ORPHAN_COLUMNS[:7], ("period", "Periode"), ("status", "Status"),
                   ("last_edition", "Laatst gezien in"), ("partners", "Partners")]


def orphan_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return orphan rows with the status as a reader wants it: "verzelfstandigd (sinds 2019)"."""
    shown = []
    for row in rows:
        status = row.get("status") or ""
        if row.get("status_since") and not status.startswith("niet meer genoemd"):
            status = word(status) + i18n.text("action:since", " (since {since})",
                                              since=row["status_since"])
        else:
            status = word(status)
        shown.append({**row, "status": status, "categorie_colour": word(row.get("categorie_colour"))})
    return shown


def print_timeline(result: dict[str, Any]) -> None:
    """Write an organisation's, project's or person's roles per period."""
    out = output.console()
    esc = output.escape
    status = ""
    if result["status"]:
        status = f" ({word(result['status'])}" + (
            i18n.text("timeline:since", ", since {since})", since=result["status_since"])
            if result["status_since"] else ")")
    out.print(f"[bold]{esc(result['name'])}[/bold]{esc(status)}: "
              + i18n.text("timeline:title", "roles per period"))
    if not result["periods"]:
        out.print(i18n.text("timeline:none", "No roles in the editions read."))
    for period in result["periods"]:
        out.print(f"[bold]{esc(period['label'])}[/bold] ({esc(period['period'])})")
        for role in period["roles"]:
            names = ", ".join(role["names"])
            out.print(f"  {esc(role['role'])} ({role['count']}): {esc(names)}")


def print_moment_diff(result: dict[str, Any]) -> None:
    """Write what changed between two moments."""
    out = output.console()
    out.print(f"[bold]{output.escape(result['text'])}[/bold]")
    for key, title in (("new", i18n.text("moments:new", "New")),
                       ("gone", i18n.text("moments:gone", "No longer"))):
        output.print_table([{"name": n} for n in result[key]], [("name", "Actie of project")],
                           title=f"{title} ({len(result[key])})", empty="—")
    columns = [("work", "Actie of project"), ("role", "Rol"), ("organisation", "Organisatie")]
    for key, title in (("roles_new", i18n.text("moments:roles_new", "New roles")),
                       ("roles_gone", i18n.text("moments:roles_gone", "Roles that no longer hold"))):
        output.print_table(result[key], columns, title=f"{title} ({len(result[key])})", empty="—")


