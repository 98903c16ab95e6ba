// who: what an organisation is trekker, partner or "te betrekken" of, its other roles and its groups.
//
// Same answer as `graph071 who NAME` (graph071.analytics.who). The organisation
// is found by its id, its name or any alias, in any case. `other_roles` holds
// one {kind, items} per further role kind of graph071.schema (financier,
// projectboard, ...: every push records them on the :G071Load node), where
// analytics.who has one key per kind.
//
// Parameters:
//   $organisation  text, required: id, name or alias, e.g. 'Gemeente Leiden' or 'org:gemeente-leiden'
//
// In Neo4j Browser, first:
// :param organisation => 'Gemeente Leiden'
MATCH (load:G071Load {graph: 'graph071'})
WITH load.role_kinds AS roles
MATCH (o:G071:Organisation)
WHERE o.id = $organisation
   OR replace(toLower(o.name), '-', ' ') = replace(toLower($organisation), '-', ' ')
   OR any(alias IN coalesce(o.aliases, []) WHERE replace(toLower(alias), '-', ' ') = replace(toLower($organisation), '-', ' '))
WITH roles, o
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
         MATCH (o)-[r:TREKKER]->(w:G071) WHERE w:Action OR w:Project
         WITH w, r ORDER BY CASE WHEN w:Action THEN 0 ELSE 1 END, coalesce(w.number, 0), w.name, r.g071_rank[0]
         RETURN {id: w.id, kind: CASE WHEN w:Action THEN 'Action' ELSE 'Project' END, number: w.number, programme: coalesce(w.programme, ''),
                 name: w.name, role: coalesce(r.role, ''), document: r.document, line: r.line,
                 quote: coalesce(r.quote, '')}
       } AS trekker,
       COLLECT {
         MATCH (o)-[r:PARTNER]->(w:G071) WHERE w:Action OR w:Project
         WITH w, r ORDER BY CASE WHEN w:Action THEN 0 ELSE 1 END, coalesce(w.number, 0), w.name, r.g071_rank[0]
         RETURN {id: w.id, kind: CASE WHEN w:Action THEN 'Action' ELSE 'Project' END, number: w.number, programme: coalesce(w.programme, ''),
                 name: w.name, role: coalesce(r.role, ''), document: r.document, line: r.line,
                 quote: coalesce(r.quote, '')}
       } AS partner,
       COLLECT {
         MATCH (o)-[r:TE_BETREKKEN]->(w:G071) WHERE w:Action OR w:Project
         WITH w, r ORDER BY CASE WHEN w:Action THEN 0 ELSE 1 END, coalesce(w.number, 0), w.name, r.g071_rank[0]
         RETURN {id: w.id, kind: CASE WHEN w:Action THEN 'Action' ELSE 'Project' END, number: w.number, programme: coalesce(w.programme, ''),
                 name: w.name, role: coalesce(r.role, ''), document: r.document, line: r.line,
                 quote: coalesce(r.quote, '')}
       } AS te_betrekken,
       COLLECT {
         UNWIND roles AS kind
         WITH kind WHERE NOT kind IN ['TREKKER', 'PARTNER', 'TE_BETREKKEN']
         RETURN {kind: toLower(kind), items: COLLECT {
           MATCH (o)-[r]->(w:G071) WHERE type(r) = kind AND (w:Action OR w:Project)
           WITH w, r ORDER BY CASE WHEN w:Action THEN 0 ELSE 1 END, coalesce(w.number, 0), w.name, r.g071_rank[0]
           RETURN {id: w.id, kind: CASE WHEN w:Action THEN 'Action' ELSE 'Project' END, number: w.number, programme: coalesce(w.programme, ''),
                   name: w.name, role: coalesce(r.role, ''), document: r.document, line: r.line,
                   quote: coalesce(r.quote, '')}
         }}
       } AS other_roles,
       COLLECT { MATCH (o)-[:MEMBER_OF]->(g:G071) RETURN g.name ORDER BY g.name } AS member_of,
       COLLECT { MATCH (m:G071)-[:MEMBER_OF]->(o) RETURN m.name ORDER BY m.name } AS members
