// project: one project across editions: who works on it in which role, its themes, links and sources.
//
// The core of `graph071 project NAME` (graph071.projects.project_detail on the graph of
// every edition published by $asOf, graph071.analytics.time.as_of with history): the
// organisations per role (trekkers, partners, and in `other_roles` one
// {kind, items} per further role kind: financier, projectboard, ...), each
// with its role as written and its first source; the people with their roles;
// themes, linked projects and the documents that mention it. The project is
// found by its id, its name or any name it had in an edition, in any case; only what the
// documents published by then state counts.
// (project_detail also gives per organisation every edition that names it; that
// needs graph071's name matching and is left to the command.)
//
// Parameters:
//   $project  text, required: id, name or alias of the project, e.g. 'Talent op Maat'
//   $asOf     text, default null: the moment, a year (2014), month (2019-06), day or document id; null is the latest state
//
// In Neo4j Browser, first:
// :param project => 'Talent op Maat'
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
WITH held, load.role_kinds + ['OPDRACHTGEVER'] AS organisation_roles,
     ['BESTUURLIJK_TREKKER', 'OPDRACHTGEVER', 'PROJECTLEIDER', 'WORKS_ON', 'AMBASSADEUR', 'QUOTED']
       AS person_roles
MATCH (p:G071:Project)
WHERE (p.id = $project
       OR replace(toLower(p.name), '-', ' ') = replace(toLower($project), '-', ' ')
       OR any(alias IN coalesce(p.aliases, []) + coalesce(p.names, [])
              WHERE replace(toLower(alias), '-', ' ') = replace(toLower($project), '-', ' ')))
  AND (p:Organisation OR p:Person OR coalesce(p.seen_in, []) = [] OR any(d IN p.seen_in WHERE d IN held))
WITH held, organisation_roles, person_roles, p
ORDER BY CASE WHEN p.id = $project THEN 0 ELSE 1 END, p.g071_rank
LIMIT 1
// One row per organisation and role kind, its first source by edition and line.
WITH held, p, person_roles, COLLECT { UNWIND organisation_roles AS kind RETURN DISTINCT kind ORDER BY kind }
       AS organisation_roles
WITH held, p, person_roles, [kind IN organisation_roles | {kind: kind, items: COLLECT {
       MATCH (o:G071:Organisation)-[r]->(p) WHERE type(r) = kind AND (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held))
       WITH DISTINCT o
       WITH o,
            COLLECT {
              MATCH (o)-[r]->(p) WHERE type(r) = kind AND (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held))
              WITH r, CASE WHEN coalesce(r.edition, '') <> '' THEN r.edition
                           ELSE coalesce(head(COLLECT { MATCH (d:G071:Document) WHERE d.id = 'doc:' + r.document
                                                        RETURN d.edition }), '') END AS edition
              ORDER BY edition, coalesce(r.line, 0)
              RETURN {document: r.document, line: r.line, edition: edition, quote: coalesce(r.quote, '')}
            }[0] AS first,
            COLLECT {
              MATCH (o)-[r]->(p) WHERE type(r) = kind AND coalesce(r.role, '') <> '' AND (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held))
              WITH r ORDER BY r.g071_rank[1]
              RETURN r.role
            } AS roles
       ORDER BY first.edition, coalesce(first.line, 0), o.name
       RETURN {id: o.id, name: o.name,
               role: reduce(text = '', role IN reduce(seen = [], role IN roles |
                                                      CASE WHEN role IN seen THEN seen ELSE seen + role END) |
                            text + CASE WHEN text = '' THEN '' ELSE '; ' END + role),
               document: first.document, line: first.line, edition: first.edition, quote: first.quote}
     }}] AS organisations
RETURN p.id AS id, p.name AS name, coalesce(p.names, []) AS names, coalesce(p.note, '') AS note,
       [role IN organisations WHERE role.kind = 'TREKKER'][0].items AS trekkers,
       [role IN organisations WHERE role.kind = 'PARTNER'][0].items AS partners,
       [role IN organisations WHERE NOT role.kind IN ['TREKKER', 'PARTNER'] AND size(role.items) > 0
          | {kind: toLower(role.kind), items: role.items}] AS other_roles,
       COLLECT {
         MATCH (person:G071:Person)-[r]->(p) WHERE type(r) IN person_roles AND (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held))
         WITH person, collect(r) AS rels
         WITH person, rels, reduce(lowest = 99, r IN rels |
                CASE WHEN head([i IN range(0, size(person_roles) - 1) WHERE person_roles[i] = type(r)]) < lowest
                     THEN head([i IN range(0, size(person_roles) - 1) WHERE person_roles[i] = type(r)])
                     ELSE lowest END) AS first_role
         ORDER BY first_role, person.name
         RETURN {id: person.id, name: person.name, roles: COLLECT {
           MATCH (person)-[r]->(p) WHERE type(r) IN person_roles AND (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held))
           WITH r, CASE WHEN coalesce(r.edition, '') <> '' THEN r.edition
                        ELSE coalesce(head(COLLECT { MATCH (d:G071:Document) WHERE d.id = 'doc:' + r.document
                                                     RETURN d.edition }), '') END AS edition
           ORDER BY head([i IN range(0, size(person_roles) - 1) WHERE person_roles[i] = type(r)]),
                    edition, coalesce(r.line, 0)
           RETURN type(r) }}
       } AS people,
       COLLECT {
         MATCH (p)-[r:IN_THEME]->(t:G071) WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (t:Organisation OR t:Person OR coalesce(t.seen_in, []) = [] OR any(d IN t.seen_in WHERE d IN held)) WITH t, r ORDER BY r.g071_rank[0]
         RETURN {id: t.id, name: t.name, role: coalesce(r.role, '')}
       } AS themes,
       COLLECT {
         // One row per linked project and direction, dated by the first mention.
         MATCH (p)-[r:LINKS_TO]-(other:G071) WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (other:Organisation OR other:Person OR coalesce(other.seen_in, []) = [] OR any(d IN other.seen_in WHERE d IN held))
         WITH other, r, CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction
         ORDER BY CASE direction WHEN 'out' THEN r.g071_rank[0] ELSE r.g071_rank[1] END
         WITH other, direction, head(collect(r)) AS first
         WITH other, direction,
              CASE WHEN coalesce(first.edition, '') <> '' THEN first.edition
                   ELSE coalesce(head(COLLECT { MATCH (d:G071:Document) WHERE d.id = 'doc:' + first.document
                                                RETURN d.edition }), '') END AS edition
         ORDER BY direction <> 'out', edition, other.name
         RETURN {id: other.id, name: other.name, direction: direction}
       } AS links,
       COLLECT {
         MATCH (p)-[r:DESCRIBED_IN]->(d:G071) WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (d:Organisation OR d:Person OR coalesce(d.seen_in, []) = [] OR any(d IN d.seen_in WHERE d IN held)) WITH r ORDER BY r.g071_rank[0]
         RETURN {document: r.document, line: r.line}
       } AS mentioned_in,
       p.document AS document, p.line AS line, coalesce(p.quote, '') AS quote
