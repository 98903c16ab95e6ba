// orphans: the actions and projects that have no trekker, at one moment.
//
// Same answer as `graph071 orphans` (graph071.analytics.orphans on the graph at $asOf,
// graph071.analytics.time.as_of): actions first, then projects, by number; "Trekker:
// onbekend" in the document counts as no trekker. Only what holds at the moment counts:
// the items of the documents in force then, and the trekker and partner relationships
// that a document in force states (one drawn by hand, without seen_in, always holds).
// Partners are listed by the line that names them. A project's status is its latest
// card's categorie published by then; a project only mentioned in other cards (no card of
// its own in force, so no editions) is left out: nothing says who leads it.
//
// Parameters:
//   $asOf  text, default null: the moment, a year (2014), month (2019-06), day or document id; null is the latest state
//
// In Neo4j Browser, first:
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
WITH inForce AS held, inForceEditions, publishedEditions
MATCH (w:G071)
WHERE (w:Action OR w:Project)
  AND any(d IN coalesce(w.seen_in, []) WHERE d IN held)
  AND NOT EXISTS { MATCH (:G071)-[r:TREKKER]->(w)
                   WHERE coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held) }
  AND NOT (w:Project AND size([e IN coalesce(w.editions, []) WHERE e IN inForceEditions]) = 0)
WITH w, held, split(coalesce(last([t IN coalesce(w.timeline, [])
                                   WHERE split(t, ':')[0] IN publishedEditions]), ''), ': ') AS latest
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
         WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held))
           AND (o:Organisation OR o:Person OR coalesce(o.seen_in, []) = []
                OR any(d IN o.seen_in WHERE d IN held))
         RETURN o.name ORDER BY coalesce(r.line, 0), o.id
       } AS partners,
       w.document AS document,
       w.line AS line
ORDER BY CASE kind WHEN 'Action' THEN 0 ELSE 1 END, coalesce(number, 0), name, w.g071_rank
