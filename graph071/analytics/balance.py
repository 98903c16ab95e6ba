"""The triple-helix balance per theme: who leads (trekker) and who takes part, counted per
side (overheid, ondernemers, onderwijs/kennis, overig), with a verdict in words.

Pure functions: a graph in, plain data out. Every role counts once: an action with two
trekkers gives two trekker roles. A group such as "regiogemeenten" is one organisation
on the side the organisation table gives it (overheid); its members are not counted
separately. A theme is "in balans" when each of the three helix sides holds at least
BALANCE_MINIMUM of its trekker roles; with fewer than MINIMUM_TREKKER_ROLES trekker
roles there is too little to judge.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from graph071 import i18n
from graph071.analytics.roles import join_nl, roles_on, work_label
from graph071.errors import Graph071Error
from graph071.corpus.organisations import normalise
from graph071.schema import Edge, HELIX_SIDES, Node, WORK_KINDS

BALANCE_MINIMUM = 0.2
MINIMUM_TREKKER_ROLES = 3
SIDES = tuple(HELIX_SIDES)  # overheid, ondernemers, onderwijs/kennis, overig
HELIX = ("overheid", "ondernemers", "onderwijs/kennis")
NO_THEME = "(zonder thema)"


def side_of(data: dict[str, Any]) -> str:
    """Return the helix side of an organisation's node data ("overig" when unknown).

    >>> side_of({"helix": "ondernemers"}), side_of({"helix": ""})
    ('ondernemers', 'overig')
    """
    helix = data.get("helix") or "overig"
    return helix if helix in HELIX_SIDES else "overig"


def theme_label(data: dict[str, Any]) -> str:
    """Return how a theme reads in lists: "2. Ondernemerschap & starters (2013-2015)"."""
    number = f"{data['number']}. " if data.get("number") is not None else ""
    programme = f" ({data['programme']})" if data.get("programme") else ""
    return f"{number}{data.get('name', '')}{programme}"


def find_themes(graph: nx.MultiDiGraph, theme: str) -> list[str]:
    """Return the Theme ids `theme` names: a number (in every programme), a name or an id.

    Raises Graph071Error listing the themes when nothing matches.
    """
    themes = sorted((n, d) for n, d in graph.nodes(data=True) if d["kind"] == Node.THEME)
    wanted = normalise(theme)
    found = [n for n, d in themes if str(d.get("number", "")) == theme.strip()
             or normalise(d["name"]) == wanted or n == theme]
    if not found:
        found = [n for n, d in themes if wanted and wanted in normalise(d["name"])]
    if not found:
        listing = "; ".join(theme_label(d) for _, d in themes)
        raise Graph071Error(i18n.text("error:balance.theme", "no theme {theme!r}", theme=theme),
                            hint=i18n.text("error:balance.themes", "themes: {themes}", themes=listing) if listing
                            else i18n.text("error:balance.no_themes", "this graph has no themes"))
    return found


def _groups(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Return the actions and projects per theme id (NO_THEME for those without one)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for work, data in graph.nodes(data=True):
        if data["kind"] not in WORK_KINDS:
            continue
        if data["kind"] == Node.PROJECT and not data.get("editions") and not data.get("appearances"):
            continue  # known only from a mention on another card: nobody's role is written down
        themes = [t for _, t, d in graph.out_edges(work, data=True) if d["kind"] == Edge.IN_THEME]
        for theme in dict.fromkeys(themes) or [NO_THEME]:
            groups[theme].append(work)
    return groups


def work_balance(graph: nx.MultiDiGraph, works: list[str], detail: bool = False) -> dict[str, Any]:
    """Return the balance of `works`: trekker and other roles per helix side, the largest
    trekker, the works without trekker, a verdict and the sentence that explains it.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org:l", kind="Organisation", name="gemeente Leiden", helix="overheid")
    >>> G.add_node("org:v", kind="Organisation", name="VNO-NCW", helix="ondernemers")
    >>> G.add_node("action:1", kind="Action", name="1. X", number=1)
    >>> _ = G.add_edge("org:l", "action:1", kind="TREKKER")
    >>> _ = G.add_edge("org:v", "action:1", kind="PARTNER")
    >>> result = work_balance(G, ["action:1"])
    >>> result["trekker"]["overheid"], result["other"]["ondernemers"], result["verdict"]
    (1, 1, 'te weinig trekkers')
    """
    trekker: Counter = Counter()
    other: Counter = Counter()
    per_org: dict[str, Counter] = defaultdict(Counter)
    without: list[str] = []
    for work in works:
        roles = roles_on(graph, work)
        if not any(Edge.TREKKER in kinds for kinds in roles.values()):
            without.append(work)
        for org, kinds in roles.items():
            side = side_of(graph.nodes[org])
            for kind in kinds:
                bucket = "trekker" if kind == Edge.TREKKER else "other"
                (trekker if bucket == "trekker" else other)[side] += 1
                per_org[org][bucket] += 1
    total = sum(trekker.values())
    share = {side: (trekker[side] / total if total else 0.0) for side in SIDES}
    lacking = [side for side in HELIX if share[side] < BALANCE_MINIMUM]
    if total < MINIMUM_TREKKER_ROLES:
        verdict = "te weinig trekkers"
    else:
        verdict = "scheef" if lacking else "in balans"
    leaders = sorted(((counts["trekker"], graph.nodes[org]["name"]) for org, counts in per_org.items()
                      if counts["trekker"]), key=lambda t: (-t[0], t[1].lower()))
    largest = ({"name": leaders[0][1], "roles": leaders[0][0],
                "share": round(leaders[0][0] / total, 3)} if leaders else None)
    result: dict[str, Any] = {
        "works": len(works), "without_trekker": len(without),
        "without_trekker_works": [work_label(graph, w) for w in _ordered(graph, without)],
        "trekker_roles": total, "trekker": {side: trekker[side] for side in SIDES},
        "trekker_share": {side: round(share[side], 3) for side in SIDES},
        "other_roles": sum(other.values()), "other": {side: other[side] for side in SIDES},
        "largest_trekker": largest, "verdict": verdict, "lacking": lacking if total else [],
    }
    result["text"] = _sentence(graph, result, per_org)
    if detail:
        result["organisations"] = {
            side: [{"id": org, "name": graph.nodes[org]["name"], "trekker": counts["trekker"],
                    "other": counts["other"]}
                   for org, counts in sorted(per_org.items(), key=lambda item: (
                       -item[1]["trekker"], -item[1]["other"], graph.nodes[item[0]]["name"].lower()))
                   if side_of(graph.nodes[org]) == side]
            for side in SIDES}
    return result


def _ordered(graph: nx.MultiDiGraph, works: list[str]) -> list[str]:
    return sorted(works, key=lambda w: (WORK_KINDS.index(graph.nodes[w]["kind"]),
                                        graph.nodes[w].get("number") or 0, graph.nodes[w]["name"]))


def _sentence(graph: nx.MultiDiGraph, result: dict[str, Any], per_org: dict[str, Counter]) -> str:
    total = result["trekker_roles"]
    works = result["without_trekker_works"]
    listed = join_nl(works) if len(works) <= 5 else i18n.text(
        "balance:more", "{names} and {count} more", names=", ".join(works[:5]), count=len(works) - 5)
    if not total:
        return (i18n.text("balance:no_trekker", "Not a single trekker: {works}.", works=listed)
                if works else i18n.text("balance:no_works", "No actions or projects."))
    shares = [f"{_side(side)} {result['trekker'][side]} "
              f"({result['trekker_share'][side]:.0%})" for side in SIDES if result["trekker"][side]
              or side in HELIX]
    text = f"{total} {_roles(total)}: {join_nl(shares)}."
    if result["verdict"] == "te weinig trekkers":
        text += i18n.text("balance:too_few", " Too few trekker roles (fewer than {minimum}) to judge.",
                          minimum=MINIMUM_TREKKER_ROLES)
    elif result["verdict"] == "in balans":
        text += i18n.text("balance:balanced", " In balance: each side holds at least {share} of the "
                          "trekker roles.", share=f"{BALANCE_MINIMUM:.0%}")
    else:
        parts = []
        for side in result["lacking"]:
            helpers = sorted(((counts["other"], graph.nodes[org]["name"]) for org, counts in per_org.items()
                              if side_of(graph.nodes[org]) == side and counts["other"]
                              and not counts["trekker"]), key=lambda h: (-h[0], h[1].lower()))
            names = [name for _, name in helpers]
            count = result["trekker"][side]
            part = (f"{_side(side)} {count} {_roles(count)} "
                    f"({result['trekker_share'][side]:.0%})")
            if names:
                more = (i18n.text("balance:others", " and {count} others", count=len(names) - 3)
                        if len(names) > 3 else "")
                part += i18n.text("balance:helpers", ", taking part without leading: {names}",
                                  names=", ".join(names[:3])) + more
            parts.append(part)
        text += i18n.text("balance:lopsided", " Lopsided, under {share}: ",
                          share=f"{BALANCE_MINIMUM:.0%}") + "; ".join(parts) + "."
    largest = result["largest_trekker"]
    if largest:
        text += i18n.text("balance:largest", " Largest trekker: {name} ({roles} of the {total}, "
                          "{share}).", name=largest["name"], roles=largest["roles"], total=total,
                          share=f"{largest['share']:.0%}")
    if works:
        text += i18n.text("balance:without", " Without trekker: {works}.", works=listed)
    return text


def _roles(count: int) -> str:
    return (i18n.text("balance:role", "trekker role") if count == 1
            else i18n.text("balance:roles", "trekker roles"))


def _side(side: str) -> str:
    dutch = HELIX_SIDES[side].label_nl.lower()
    return i18n.text(f"word:{dutch}", dutch)


def balance(graph: nx.MultiDiGraph, theme: str | None = None) -> dict[str, Any]:
    """Return the triple-helix balance of every theme (and of the whole programme), or of
    the themes `theme` names, then with the organisations on each side.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("theme:1", kind="Theme", name="Starters", number=1)
    >>> G.add_node("org:l", kind="Organisation", name="gemeente Leiden", helix="overheid")
    >>> G.add_node("action:1", kind="Action", name="1. X", number=1)
    >>> _ = G.add_edge("action:1", "theme:1", kind="IN_THEME")
    >>> _ = G.add_edge("org:l", "action:1", kind="TREKKER")
    >>> [row["label"] for row in balance(G)["themes"]]
    ['1. Starters']
    """
    groups = _groups(graph)
    chosen = find_themes(graph, theme) if theme else None
    rows = []
    for theme_id, works in groups.items():
        if chosen is not None and theme_id not in chosen:
            continue
        data = graph.nodes[theme_id] if theme_id != NO_THEME else {"name": NO_THEME}
        rows.append({"id": theme_id if theme_id != NO_THEME else None, "name": data["name"],
                     "number": data.get("number"), "programme": data.get("programme", ""),
                     "label": theme_label(data),
                     **work_balance(graph, works, detail=chosen is not None)})
    for theme_id in chosen or []:
        if theme_id not in groups:  # a theme nothing falls under still gets its row
            data = graph.nodes[theme_id]
            rows.append({"id": theme_id, "name": data["name"], "number": data.get("number"),
                         "programme": data.get("programme", ""), "label": theme_label(data),
                         **work_balance(graph, [], detail=True)})
    rows.sort(key=lambda r: (r["id"] is None, str(r["programme"]),
                             r["number"] if r["number"] is not None else 999, r["name"]))
    result: dict[str, Any] = {"minimum_share": BALANCE_MINIMUM,
                              "minimum_trekker_roles": MINIMUM_TREKKER_ROLES, "themes": rows}
    if chosen is None:
        everything = sorted({w for works in groups.values() for w in works})
        result["total"] = {"label": "Alle acties en projecten", **work_balance(graph, everything)}
    return result
