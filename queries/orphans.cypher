// orphans: the actions and projects that have no trekker.
//
// Same answer as `graph071 orphans` (graph071.analytics.orphans): actions first,
// then projects, by number; "Trekker: onbekend" in the document counts as no
// trekker. Partners are listed by the line that names them. A project's status is
// the categorie of its latest card; a project only mentioned in other cards (no
// card of its own, so no editions) is left out: nothing says who leads it.
//
// Parameters: none.
//
// In Neo4j Browser: paste from MATCH on.
MATCH (w:G071)
WHERE (w:Action OR w:Project)
  AND NOT EXISTS { MATCH (:G071)-[:TREKKER]->(w) }
  AND NOT (w:Project AND size(coalesce(w.editions, [])) = 0)
WITH w, split(coalesce(last(w.timeline), ''), ': ') AS latest
RETURN w.id AS id,
       CASE WHEN w:Action THEN 'Action' ELSE 'Project' END AS kind,
       w.number AS number,
       coalesce(w.programme, '') AS programme,
       w.name AS name,
       coalesce(w.title, w.name) AS title,
       w.theme AS theme,
       coalesce(w.theme_name, '') AS theme_name,
       w.categorie AS categorie,
       coalesce(w.categorie_colour, '') AS categorie_colour,
       // "2019-06: aanjaagfase" -> "aanjaagfase" (what follows the first ": ")
       CASE WHEN size(latest) < 2 THEN latest[0]
            ELSE reduce(text = latest[1], part IN latest[2..] | text + ': ' + part) END AS status,
       coalesce(w.trekker_text, '') AS trekker_text,
       COLLECT {
         MATCH (o:G071)-[r:PARTNER]->(w)
         RETURN o.name ORDER BY coalesce(r.line, 0), o.id
       } AS partners,
       w.document AS document,
       w.line AS line
ORDER BY CASE kind WHEN 'Action' THEN 0 ELSE 1 END, coalesce(number, 0), name, w.g071_rank
