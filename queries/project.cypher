// project: one project with everyone who has a role on it, its themes, documents and links.
//
// Projects span editions of the projectkaarten; a project is found by its id,
// its name, any alias or name it had in an edition, or its title, in any case.
// Organisations per role (trekker, partner, te betrekken) come in the order of
// the lines that name them; other roles (people, financiers, ...) in
// `other_roles`, with the relationship type as `kind`. `predecessors` are the
// older projects or actions it continues (SUCCEEDS goes from newer to older),
// `successors` the newer ones; `explicit` is false for a succession graph071
// inferred rather than read, and `reason` then says why.
//
// Parameters:
//   $project  text, required: id, name or alias of the project, e.g. 'Talent op Maat'
//
// In Neo4j Browser, first:
// :param project => 'Talent op Maat'
MATCH (p:G071:Project)
WHERE p.id = $project
   OR replace(toLower(p.name), '-', ' ') = replace(toLower($project), '-', ' ')
   OR toLower(coalesce(p.title, '')) = toLower($project)
   OR any(alias IN coalesce(p.aliases, []) + coalesce(p.names, []) WHERE replace(toLower(alias), '-', ' ') = replace(toLower($project), '-', ' '))
WITH p
ORDER BY CASE WHEN p.id = $project THEN 0 WHEN replace(toLower(p.name), '-', ' ') = replace(toLower($project), '-', ' ') THEN 1 ELSE 2 END,
         p.g071_rank
LIMIT 1
RETURN p AS project,
       COLLECT {
         MATCH (o:G071)-[r:TREKKER]->(p)
         WITH o, r ORDER BY coalesce(r.line, 0), r.g071_rank[1]
         RETURN {id: o.id, name: o.name, role: coalesce(r.role, ''), document: r.document,
                 line: r.line, quote: coalesce(r.quote, '')}
       } AS trekkers,
       COLLECT {
         MATCH (o:G071)-[r:PARTNER]->(p)
         WITH o, r ORDER BY coalesce(r.line, 0), r.g071_rank[1]
         RETURN {id: o.id, name: o.name, role: coalesce(r.role, ''), document: r.document,
                 line: r.line, quote: coalesce(r.quote, '')}
       } AS partners,
       COLLECT {
         MATCH (o:G071)-[r:TE_BETREKKEN]->(p)
         WITH o, r ORDER BY coalesce(r.line, 0), r.g071_rank[1]
         RETURN {id: o.id, name: o.name, role: coalesce(r.role, ''), document: r.document,
                 line: r.line, quote: coalesce(r.quote, '')}
       } AS te_betrekken,
       COLLECT {
         MATCH (x:G071)-[r]->(p)
         WHERE (x:Organisation OR x:Person) AND NOT type(r) IN ['TREKKER', 'PARTNER', 'TE_BETREKKEN']
         WITH x, r ORDER BY type(r), coalesce(r.line, 0), r.g071_rank[1]
         RETURN {kind: type(r), id: x.id, name: x.name, role: coalesce(r.role, ''),
                 document: r.document, line: r.line, quote: coalesce(r.quote, '')}
       } AS other_roles,
       COLLECT { MATCH (p)-[:IN_THEME]->(t:G071) RETURN t.name ORDER BY t.id } AS themes,
       COLLECT {
         MATCH (p)-[r:DESCRIBED_IN]->(d:G071)
         WITH d, r ORDER BY coalesce(d.edition, ''), d.id
         RETURN {id: d.id, name: d.name, edition: d.edition, line: r.line}
       } AS documents,
       COLLECT {
         MATCH (p)-[r:SUCCEEDS]->(older:G071)
         WITH older, r ORDER BY older.id, r.g071_rank[0]
         RETURN {id: older.id, name: older.name, kind: CASE WHEN older:Action THEN 'Action' ELSE 'Project' END,
                 explicit: coalesce(r.explicit, true), reason: coalesce(r.reason, ''),
                 document: r.document, line: r.line, quote: coalesce(r.quote, '')}
       } AS predecessors,
       COLLECT {
         MATCH (newer:G071)-[r:SUCCEEDS]->(p)
         WITH newer, r ORDER BY newer.id, r.g071_rank[1]
         RETURN {id: newer.id, name: newer.name, kind: 'Project',
                 explicit: coalesce(r.explicit, true), reason: coalesce(r.reason, ''),
                 document: r.document, line: r.line, quote: coalesce(r.quote, '')}
       } AS successors,
       COLLECT {
         MATCH (p)-[r:LINKS_TO]-(other:G071)
         WITH other, r ORDER BY other.id
         RETURN {id: other.id, name: other.name, line: r.line, quote: coalesce(r.quote, '')}
       } AS links
