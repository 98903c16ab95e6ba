// orphans: the actions and projects that have no trekker.
//
// Same answer as `graph071 orphans` (graph071.analytics.orphans): actions first,
// then projects, by number; "Trekker: onbekend" in the document counts as no
// trekker. Partners are listed by the line that names them.
//
// Parameters: none.
//
// In Neo4j Browser: paste from MATCH on.
MATCH (w:G071)
WHERE (w:Action OR w:Project)
  AND NOT EXISTS { MATCH (:G071)-[:TREKKER]->(w) }
RETURN w.id AS id,
       CASE WHEN w:Action THEN 'Action' ELSE 'Project' END AS kind,
       w.number AS number,
       w.name AS name,
       coalesce(w.title, w.name) AS title,
       w.theme AS theme,
       coalesce(w.theme_name, '') AS theme_name,
       w.categorie AS categorie,
       coalesce(w.categorie_colour, '') AS categorie_colour,
       coalesce(w.trekker_text, '') AS trekker_text,
       COLLECT {
         MATCH (o:G071)-[r:PARTNER]->(w)
         RETURN o.name ORDER BY coalesce(r.line, 0), o.id
       } AS partners,
       w.document AS document,
       w.line AS line
ORDER BY CASE kind WHEN 'Action' THEN 0 ELSE 1 END, coalesce(number, 0), name, w.g071_rank
