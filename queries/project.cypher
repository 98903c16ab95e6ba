// project: one project across editions: who works on it in which role, its themes, links and sources.
//
// The core of `graph071 project NAME` (graph071.projects.project_detail): the
// organisations per role (trekkers, partners, and in `other_roles` one
// {kind, items} per further role kind: financier, projectboard, ...), each
// with its role as written and its first source; the people with their roles;
// themes, linked projects and the documents that mention it. The project is
// found by its id, its name or any name it had in an edition, in any case.
// (project_detail also gives per organisation every edition that names it; that
// needs graph071's name matching and is left to the command.)
//
// Parameters:
//   $project  text, required: id, name or alias of the project, e.g. 'Talent op Maat'
//
// In Neo4j Browser, first:
// :param project => 'Talent op Maat'
MATCH (load:G071Load {graph: 'graph071'})
WITH load.role_kinds + ['OPDRACHTGEVER'] AS organisation_roles,
     ['BESTUURLIJK_TREKKER', 'OPDRACHTGEVER', 'PROJECTLEIDER', 'WORKS_ON', 'AMBASSADEUR', 'QUOTED']
       AS person_roles
MATCH (p:G071:Project)
WHERE p.id = $project
   OR replace(toLower(p.name), '-', ' ') = replace(toLower($project), '-', ' ')
   OR any(alias IN coalesce(p.aliases, []) + coalesce(p.names, [])
          WHERE replace(toLower(alias), '-', ' ') = replace(toLower($project), '-', ' '))
WITH organisation_roles, person_roles, p
ORDER BY CASE WHEN p.id = $project THEN 0 ELSE 1 END, p.g071_rank
LIMIT 1
// One row per organisation and role kind, its first source by edition and line.
WITH p, person_roles, COLLECT { UNWIND organisation_roles AS kind RETURN DISTINCT kind ORDER BY kind }
       AS organisation_roles
WITH p, person_roles, [kind IN organisation_roles | {kind: kind, items: COLLECT {
       MATCH (o:G071:Organisation)-[r]->(p) WHERE type(r) = kind
       WITH DISTINCT o
       WITH o,
            COLLECT {
              MATCH (o)-[r]->(p) WHERE type(r) = kind
              WITH r, CASE WHEN coalesce(r.edition, '') <> '' THEN r.edition
                           ELSE coalesce(head(COLLECT { MATCH (d:G071:Document) WHERE d.id = 'doc:' + r.document
                                                        RETURN d.edition }), '') END AS edition
              ORDER BY edition, coalesce(r.line, 0)
              RETURN {document: r.document, line: r.line, edition: edition, quote: coalesce(r.quote, '')}
            }[0] AS first,
            COLLECT {
              MATCH (o)-[r]->(p) WHERE type(r) = kind AND coalesce(r.role, '') <> ''
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
         MATCH (person:G071:Person)-[r]->(p) WHERE type(r) IN person_roles
         WITH person, collect(r) AS rels
         WITH person, rels, reduce(lowest = 99, r IN rels |
                CASE WHEN head([i IN range(0, size(person_roles) - 1) WHERE person_roles[i] = type(r)]) < lowest
                     THEN head([i IN range(0, size(person_roles) - 1) WHERE person_roles[i] = type(r)])
                     ELSE lowest END) AS first_role
         ORDER BY first_role, person.name
         RETURN {id: person.id, name: person.name, roles: COLLECT {
           MATCH (person)-[r]->(p) WHERE type(r) IN person_roles
           WITH r, CASE WHEN coalesce(r.edition, '') <> '' THEN r.edition
                        ELSE coalesce(head(COLLECT { MATCH (d:G071:Document) WHERE d.id = 'doc:' + r.document
                                                     RETURN d.edition }), '') END AS edition
           ORDER BY head([i IN range(0, size(person_roles) - 1) WHERE person_roles[i] = type(r)]),
                    edition, coalesce(r.line, 0)
           RETURN type(r) }}
       } AS people,
       COLLECT {
         MATCH (p)-[r:IN_THEME]->(t:G071) WITH t, r ORDER BY r.g071_rank[0]
         RETURN {id: t.id, name: t.name, role: coalesce(r.role, '')}
       } AS themes,
       COLLECT {
         // One row per linked project and direction, dated by the first mention.
         MATCH (p)-[r:LINKS_TO]-(other:G071)
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
         MATCH (p)-[r:DESCRIBED_IN]->(:G071) WITH r ORDER BY r.g071_rank[0]
         RETURN {document: r.document, line: r.line}
       } AS mentioned_in,
       p.document AS document, p.line AS line, coalesce(p.quote, '') AS quote
