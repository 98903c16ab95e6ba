// who: what an organisation is trekker, partner or "te betrekken" of, its other roles and its groups.
//
// Same answer as `graph071 who NAME` (graph071.analytics.who on the graph of every
// edition published by $asOf, graph071.analytics.time.as_of with history): each item
// with its period. The organisation is found by its id, its name or any alias, in any
// case, among those named by then. `other_roles` holds
// one {kind, items} per further role kind of graph071.schema (financier,
// projectboard, ...: every push records them on the :G071Load node), where
// analytics.who has one key per kind.
//
// Parameters:
//   $organisation  text, required: id, name or alias, e.g. 'Gemeente Leiden' or 'org:gemeente-leiden'
//   $asOf          text, default null: the moment, a year (2014), month (2019-06), day or document id; null is the latest state
//
// In Neo4j Browser, first:
// :param organisation => 'Gemeente Leiden'
// :param asOf => null
// The moment: the documents in force at $asOf (the same lines start every query).
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
WITH published AS held
MATCH (load:G071Load {graph: 'graph071'})
WITH held, load.role_kinds AS roles
MATCH (o:G071:Organisation)
WHERE (o.id = $organisation
       OR replace(toLower(o.name), '-', ' ') = replace(toLower($organisation), '-', ' ')
       OR any(alias IN coalesce(o.aliases, []) WHERE replace(toLower(alias), '-', ' ') = replace(toLower($organisation), '-', ' ')))
  AND EXISTS { MATCH (o)-[r]-(other:G071) WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (other:Organisation OR other:Person OR coalesce(other.seen_in, []) = [] OR any(d IN other.seen_in WHERE d IN held)) }
WITH held, roles, o
ORDER BY CASE WHEN o.id = $organisation THEN 0
              WHEN replace(toLower(o.name), '-', ' ') = replace(toLower($organisation), '-', ' ') THEN 1 ELSE 2 END, o.g071_rank
LIMIT 1
RETURN o.id AS id,
       o.name AS name,
       coalesce(o.sector, '') AS sector,
       coalesce(o.helix, '') AS helix,
       coalesce(o.is_group, false) AS is_group,
       coalesce(o.aliases, []) AS aliases,
       COLLECT {
         MATCH (o)-[r:TREKKER]->(w:G071) WHERE (w:Action OR w:Project) AND (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (w:Organisation OR w:Person OR coalesce(w.seen_in, []) = [] OR any(d IN w.seen_in WHERE d IN held))
         WITH w, r ORDER BY CASE WHEN w:Action THEN 0 ELSE 1 END, coalesce(w.number, 0), w.name, r.g071_rank[0]
         RETURN {id: w.id, kind: CASE WHEN w:Action THEN 'Action' ELSE 'Project' END, number: w.number, programme: coalesce(w.programme, ''),
                 period: CASE WHEN coalesce(w.valid_from, '') = '' THEN '' WHEN coalesce(w.valid_until, '') = '' THEN 'vanaf ' + left(w.valid_from, 7) ELSE left(w.valid_from, 7) + ' t/m ' + left(w.valid_until, 7) END,
                 name: w.name, role: coalesce(r.role, ''), document: r.document, line: r.line,
                 quote: coalesce(r.quote, '')}
       } AS trekker,
       COLLECT {
         MATCH (o)-[r:PARTNER]->(w:G071) WHERE (w:Action OR w:Project) AND (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (w:Organisation OR w:Person OR coalesce(w.seen_in, []) = [] OR any(d IN w.seen_in WHERE d IN held))
         WITH w, r ORDER BY CASE WHEN w:Action THEN 0 ELSE 1 END, coalesce(w.number, 0), w.name, r.g071_rank[0]
         RETURN {id: w.id, kind: CASE WHEN w:Action THEN 'Action' ELSE 'Project' END, number: w.number, programme: coalesce(w.programme, ''),
                 period: CASE WHEN coalesce(w.valid_from, '') = '' THEN '' WHEN coalesce(w.valid_until, '') = '' THEN 'vanaf ' + left(w.valid_from, 7) ELSE left(w.valid_from, 7) + ' t/m ' + left(w.valid_until, 7) END,
                 name: w.name, role: coalesce(r.role, ''), document: r.document, line: r.line,
                 quote: coalesce(r.quote, '')}
       } AS partner,
       COLLECT {
         MATCH (o)-[r:TE_BETREKKEN]->(w:G071) WHERE (w:Action OR w:Project) AND (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (w:Organisation OR w:Person OR coalesce(w.seen_in, []) = [] OR any(d IN w.seen_in WHERE d IN held))
         WITH w, r ORDER BY CASE WHEN w:Action THEN 0 ELSE 1 END, coalesce(w.number, 0), w.name, r.g071_rank[0]
         RETURN {id: w.id, kind: CASE WHEN w:Action THEN 'Action' ELSE 'Project' END, number: w.number, programme: coalesce(w.programme, ''),
                 period: CASE WHEN coalesce(w.valid_from, '') = '' THEN '' WHEN coalesce(w.valid_until, '') = '' THEN 'vanaf ' + left(w.valid_from, 7) ELSE left(w.valid_from, 7) + ' t/m ' + left(w.valid_until, 7) END,
                 name: w.name, role: coalesce(r.role, ''), document: r.document, line: r.line,
                 quote: coalesce(r.quote, '')}
       } AS te_betrekken,
       COLLECT {
         UNWIND roles AS kind
         WITH kind WHERE NOT kind IN ['TREKKER', 'PARTNER', 'TE_BETREKKEN']
         RETURN {kind: toLower(kind), items: COLLECT {
           MATCH (o)-[r]->(w:G071) WHERE type(r) = kind AND (w:Action OR w:Project) AND (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (w:Organisation OR w:Person OR coalesce(w.seen_in, []) = [] OR any(d IN w.seen_in WHERE d IN held))
           WITH w, r ORDER BY CASE WHEN w:Action THEN 0 ELSE 1 END, coalesce(w.number, 0), w.name, r.g071_rank[0]
           RETURN {id: w.id, kind: CASE WHEN w:Action THEN 'Action' ELSE 'Project' END, number: w.number, programme: coalesce(w.programme, ''),
                 period: CASE WHEN coalesce(w.valid_from, '') = '' THEN '' WHEN coalesce(w.valid_until, '') = '' THEN 'vanaf ' + left(w.valid_from, 7) ELSE left(w.valid_from, 7) + ' t/m ' + left(w.valid_until, 7) END,
                   name: w.name, role: coalesce(r.role, ''), document: r.document, line: r.line,
                   quote: coalesce(r.quote, '')}
         }}
       } AS other_roles,
       COLLECT { MATCH (o)-[r:MEMBER_OF]->(g:G071) WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (g:Organisation OR g:Person OR coalesce(g.seen_in, []) = [] OR any(d IN g.seen_in WHERE d IN held)) RETURN g.name ORDER BY g.name } AS member_of,
       COLLECT { MATCH (m:G071)-[r:MEMBER_OF]->(o) WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (m:Organisation OR m:Person OR coalesce(m.seen_in, []) = [] OR any(d IN m.seen_in WHERE d IN held)) RETURN m.name ORDER BY m.name } AS members
