"""The `text` loader: any text about the partnership becomes mentions and stated relations in the graph.

`load` (registered as "text") reads a news item, partner profile or council
letter: every known organisation, project and person gets one MENTIONED_IN edge
to the document (line and quote of the first mention, all lines in `lines`);
a stated relation sure enough and between known ends becomes an edge of its kind
(PARTNER, COLLABORATES_WITH, TREKKER, FINANCIER, SUCCEEDS, MEMBER_OF, ...); a
person named with a function and a known organisation gets VOORZITTER, WORKS_FOR
or PROJECTLEIDER. Everything else waits in the review queue
(graph071.loaders.prose.review); a decision taken there is honoured here.
`card_prose` runs the same reader over the running prose of the project cards.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph071 import i18n
from graph071.corpus.manifest import ORGANISATIONS, Document
from graph071.corpus.organisations import OrganisationTable
from graph071.corpus.projects import ProjectTable
from graph071.loaders import ParseContext
from graph071.loaders.prose.lexicon import Entity, Lexicon
from graph071.loaders.prose.mentions import Mention
from graph071.loaders.prose.names import person_id
from graph071.loaders.prose.reading import Reader, Reading, StatedRelation, StatedRole
from graph071.loaders.prose.review import accepted_ids, decision_key, item_id, relation_key
from graph071.records import EdgeRecord, LoadResult, NodeRecord, OrgName, PersonName, Ref, Source
from graph071.schema import Edge, Node, node_id

_WORK = (Node.PROJECT, Node.ACTIVITY)
# The manifest's name of this loader: its documents are read after the others, so that
# the people those name are known by their full name (graph071.build.pipeline).
LOADER_NAME = "text"


@dataclass(frozen=True)
class Fact:
    """An edge a relation stands for: its kind and ends (mentions), in the schema's direction."""

    kind: str
    source: Mention
    target: Mention


def corpus_dir(document: Document) -> Path:
    """Return the corpus folder of `document` (its path minus the manifest's file path)."""
    return document.path.parents[len(Path(document.entry.file).parts) - 1]


def reader_for(data_dir: Path, people: dict[str, str] | None = None) -> Reader:
    """Return a prose reader over the organisation and project tables of the corpus `data_dir`."""
    table = OrganisationTable.load(Path(data_dir) / ORGANISATIONS)
    return Reader(Lexicon(table, ProjectTable.for_corpus(Path(data_dir)), people, Path(data_dir)))


def people_in(results: list[LoadResult]) -> dict[str, str]:
    """Return the people the records of `results` name: full name -> node id."""
    people: dict[str, str] = {}
    for result in results:
        for edge in result.edges:
            for ref in (edge.source_ref, edge.target_ref):
                if isinstance(ref, PersonName):
                    people.setdefault(ref.text, person_id(ref.text))
    return people


def load(document: Document, context: ParseContext) -> LoadResult:
    """Return the mentions, roles and confident relations of one text about the partnership."""
    data_dir = corpus_dir(document)
    if context.organisations is not None:
        reader = Reader(Lexicon(context.organisations, context.projects, context.people, data_dir))
    else:
        reader = reader_for(data_dir, context.people)
    reading = reader.read_lines(document.lines, file=document.entry.file,
                                title=document.entry.title, date=document.entry.edition,
                                document_id=document.id)
    return records(reading, document.id, accepted_ids(data_dir, context.review))


def records(reading: Reading, document_id: str, accepted: set[str] = frozenset()) -> LoadResult:
    """Return the graph records of a reading: mentions, roles and relations sure enough."""
    result = LoadResult(document_id)
    doc = node_id(Node.DOCUMENT, document_id)
    mentioned: dict[str, list] = {}
    for found in reading.mentions:
        if found.mention.entity is not None:
            mentioned.setdefault(found.mention.entity.id, []).append(found)
        elif found.mention.kind == Node.PERSON and _accepted(accepted, document_id, "person",
                                                             found.mention.name):
            mentioned.setdefault(found.mention.name, []).append(found)  # accepted in review
    for finds in mentioned.values():
        first = finds[0]
        result.edges.append(EdgeRecord(
            Edge.MENTIONED_IN, _ref(first.mention, result, first.line, first.quote, document_id),
            doc, Source(document_id, first.line, first.quote), role="genoemd",
            props={"lines": sorted({f.line for f in finds}), "surface": first.mention.surface}))
    for role in reading.roles:
        person = role.found.person
        if _role_is_sure(role, document_id, accepted):
            _role_record(role, result, document_id)
            if person.entity is None and person.name not in mentioned:
                mentioned[person.name] = [role]  # a new person the text places: now in the graph
                result.edges.append(EdgeRecord(
                    Edge.MENTIONED_IN, PersonName(person.name), doc,
                    Source(document_id, role.line, role.quote), role="genoemd",
                    props={"lines": [role.line], "surface": person.surface}))
    for stated in reading.relations:
        if stated.confident or _accepted(accepted, document_id, "relation", relation_key(stated)):
            for fact in facts(stated):
                result.edges.append(_fact_record(fact, stated, result, document_id))
    for found in reading.mentions:
        if found.mention.new:
            result.note(found.line, i18n.said("warning:prose.proposed", "{name!r} is not in the tables: proposed for "
                                              "review (graph071 review)", name=found.mention.name))
    return result


# What a stated predicate becomes between an organisation and a project ...
WORK_EDGES = {"partner": Edge.PARTNER, "trekker": Edge.TREKKER, "opdrachtgever": Edge.OPDRACHTGEVER,
              "financier": Edge.FINANCIER, "uitvoerder": Edge.UITVOERDER}
# ... and between two organisations.
ORGANISATION_EDGES = {"partner": Edge.COLLABORATES_WITH, "merged": Edge.MERGED_INTO,
                      "joined": Edge.MEMBER_OF, "succeeds": Edge.SUCCEEDS}


def facts(stated: StatedRelation) -> list[Fact]:
    """Return the edges a stated relation stands for (none when the schema has no such edge)."""
    relation = stated.relation
    subject, obj = relation.subject, relation.object
    if subject is None or obj is None:
        return []
    predicate = relation.predicate
    if subject.kind == obj.kind == Node.ORGANISATION:
        kind = ORGANISATION_EDGES.get(predicate)
        return [Fact(kind, subject, obj)] if kind else []
    if predicate in ("succeeds", "independent"):
        # The newer project, or the organisation it became, continues the older project.
        fits = obj.kind == Node.PROJECT and subject.kind in (Node.ORGANISATION, Node.PROJECT)
        return [Fact(Edge.SUCCEEDS, subject, obj)] if fits else []
    pair = _org_and_work(subject, obj)
    kind = WORK_EDGES.get(predicate)
    return [Fact(kind, *pair)] if kind and pair and pair[1].kind == Node.PROJECT else []


def _org_and_work(a: Mention, b: Mention) -> tuple[Mention, Mention] | None:
    if a.kind == Node.ORGANISATION and b.kind in _WORK:
        return a, b
    if b.kind == Node.ORGANISATION and a.kind in _WORK:
        return b, a
    return None


def _ref(mention: Mention, result: LoadResult, line: int, quote: str, document_id: str) -> Ref:
    entity = mention.entity
    if mention.kind == Node.ORGANISATION:
        return OrgName(entity.name if entity else mention.name)
    if mention.kind == Node.PERSON:
        return PersonName(entity.name if entity else mention.name)
    if entity is not None:
        # The project may have no card in this corpus: the text makes it known.
        result.nodes.append(NodeRecord(entity.kind, entity.id.split(":", 1)[1], entity.name,
                                       Source(document_id, line, quote)))
        return entity.id
    return mention.name


def _fact_record(fact: Fact, stated: StatedRelation, result: LoadResult,
                 document_id: str) -> EdgeRecord:
    source = Source(document_id, stated.line, stated.quote)
    return EdgeRecord(fact.kind, _ref(fact.source, result, stated.line, stated.quote, document_id),
                      _ref(fact.target, result, stated.line, stated.quote, document_id), source,
                      role=stated.relation.cue, props=_fact_props(fact, stated))


def _fact_props(fact: Fact, stated: StatedRelation) -> dict:
    props = {"confidence": stated.relation.confidence, "read_by": "prose"}
    if fact.kind == Edge.SUCCEEDS:  # as the card loader writes a stated succession
        props.update(explicit=True, reason="", cue=stated.relation.cue)
    return props


def _role_is_sure(role: StatedRole, document_id: str, accepted: set[str]) -> bool:
    target = role.found.target
    if target is None or target.new:
        return False
    person = role.found.person
    return not person.new or _accepted(accepted, document_id, "person", person.name) \
        or role.found.role != ""


def _accepted(accepted: set[str], document_id: str, kind: str, words: str) -> bool:
    """Return whether the item was accepted: by its id in review.csv, or by its words in
    corrections.csv (whatever document it came from)."""
    return item_id(document_id, kind, words) in accepted or decision_key(kind, words) in accepted


def _role_record(role: StatedRole, result: LoadResult, document_id: str) -> None:
    found = role.found
    target = found.target
    meaning = found.meaning
    if target.kind in _WORK:
        kind = {"projectleider": Edge.PROJECTLEIDER, "opdrachtgever": Edge.OPDRACHTGEVER,
                "trekker": Edge.BESTUURLIJK_TREKKER}.get(meaning)
        if kind is None or target.kind != Node.PROJECT:
            return
    else:
        kind = Edge.VOORZITTER if meaning == "voorzitter" else Edge.WORKS_FOR
    source = Source(document_id, role.line, role.quote)
    organisation = target.name if target.kind == Node.ORGANISATION else None
    person = PersonName(found.person.entity.name if found.person.entity else found.person.name,
                        organisation)
    result.edges.append(EdgeRecord(kind, person, _ref(target, result, role.line, role.quote,
                                                      document_id), source,
                                   role=found.role or "namens", props={"read_by": "prose"}))


def card_prose(results: list[LoadResult], documents: dict[str, Document],
               organisations: OrganisationTable, projects: ProjectTable) -> list[LoadResult]:
    """Return the relations stated in the running prose of each project card, one result per document.

    A card's range and project come from its APPEARS_IN record (first_line, last_line);
    a relation the card loader already gives (same kind, same ends) is left out.
    """
    reader: Reader | None = None
    found: list[LoadResult] = []
    for loaded in results:
        cards = [(e.props["first_line"], e.props["last_line"], e.source_ref) for e in loaded.edges
                 if e.kind == Edge.APPEARS_IN and "first_line" in e.props]
        if not cards or loaded.document not in documents:
            continue
        reader = reader or Reader(Lexicon(organisations, projects))
        found.append(_card_relations(reader, documents[loaded.document], cards, loaded))
    return found


def _card_relations(reader: Reader, document: Document, cards: list[tuple[int, int, str]],
                    loaded: LoadResult) -> LoadResult:
    result = LoadResult(document.id)
    have = {(e.kind, _plain(e.source_ref, reader), _plain(e.target_ref, reader))
            for e in loaded.edges}
    for first, last, project in cards:
        entity = _project_entity(project, loaded)
        reading = reader.read_lines(document.lines[first - 1:last], first_line=first,
                                    document_id=document.id, context=lambda _line, e=entity: e)
        for stated in reading.relations:
            if not stated.confident:
                continue
            for fact in facts(stated):
                if fact.kind == Edge.SUCCEEDS:
                    continue  # the card loader reads a card's successions with its own rules
                ends = (fact.kind, _plain_mention(fact.source), _plain_mention(fact.target))
                if ends not in have:
                    have.add(ends)
                    result.edges.append(_fact_record(fact, stated, result, document.id))
    result.nodes.clear()  # the card loader made every card's project
    return result


def _project_entity(project: str, loaded: LoadResult) -> Entity:
    node = next((n for n in loaded.nodes if node_id(n.kind, n.key) == project), None)
    return Entity(node.kind if node else Node.PROJECT, project, node.name if node else project)


def _plain(ref: Ref, reader: Reader) -> str:
    if isinstance(ref, OrgName):
        entity = reader.lexicon.entity_of_organisation(ref.text)
        return entity.id if entity else ref.text
    if isinstance(ref, PersonName):
        return ref.text
    return ref


def _plain_mention(mention: Mention) -> str:
    return mention.entity.id if mention.entity else mention.name
