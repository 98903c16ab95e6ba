// hubs: organisations ranked by how much of the programme they carry, at one moment.
//
// Same answer as `graph071 hubs` (graph071.analytics.hubs on the graph at $asOf). The
// score counts an organisation's roles on actions and projects: 2 per trekker role, 1 per
// partner role, 0.5 per "te betrekken" and 1 per other role (financier,
// projectboard, ...: the role kinds of graph071.schema, which every push
// records on the :G071Load node). Ties go to the higher centrality: the share
// of the other organisations it works with on some action or project. A group
// such as "regiogemeenten" counts as one organisation; its members are not
// credited with the group's roles. Only roles that a document in force states count,
// on the actions and projects of those documents.
//
// Parameters:
//   $top   integer, default 10: how many organisations to show (0 shows all)
//   $asOf  text, default null: the moment, a year (2014), month (2019-06), day or document id; null is the latest state
//
// In Neo4j Browser, first:
// :param top => 10
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
WITH inForce AS held
MATCH (load:G071Load {graph: 'graph071'})
WITH held, load.role_kinds AS roles
// The organisations there at the moment: a relationship that holds names them.
MATCH (everyone:G071:Organisation)
WHERE EXISTS { MATCH (everyone)-[r]-(other:G071) WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (other:Organisation OR other:Person OR coalesce(other.seen_in, []) = [] OR any(d IN other.seen_in WHERE d IN held)) }
WITH held, roles, count(everyone) AS organisations
MATCH (o:G071:Organisation)
WITH held, roles, organisations, o,
     COUNT { MATCH (o)-[r:TREKKER]->(w:G071) WHERE (w:Action OR w:Project) AND (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (w:Organisation OR w:Person OR coalesce(w.seen_in, []) = [] OR any(d IN w.seen_in WHERE d IN held)) } AS trekker,
     COUNT { MATCH (o)-[r:PARTNER]->(w:G071) WHERE (w:Action OR w:Project) AND (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (w:Organisation OR w:Person OR coalesce(w.seen_in, []) = [] OR any(d IN w.seen_in WHERE d IN held)) } AS partner,
     COUNT { MATCH (o)-[r:TE_BETREKKEN]->(w:G071) WHERE (w:Action OR w:Project) AND (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (w:Organisation OR w:Person OR coalesce(w.seen_in, []) = [] OR any(d IN w.seen_in WHERE d IN held)) } AS te_betrekken,
     reduce(total = 0.0, kind IN COLLECT {
       MATCH (o)-[r]->(w:G071) WHERE (w:Action OR w:Project) AND type(r) IN roles AND (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (w:Organisation OR w:Person OR coalesce(w.seen_in, []) = [] OR any(d IN w.seen_in WHERE d IN held))
       RETURN type(r)
     } | total + CASE kind WHEN 'TREKKER' THEN 2.0 WHEN 'PARTNER' THEN 1.0
                           WHEN 'TE_BETREKKEN' THEN 0.5 ELSE 1.0 END) AS score
WHERE score > 0
WITH o, trekker, partner, te_betrekken, score,
     CASE WHEN organisations > 1 THEN round(toFloat(size(COLLECT {
       MATCH (o)-[mine]->(w:G071)<-[theirs]-(other:G071)
       WHERE (w:Action OR w:Project) AND type(mine) IN roles AND type(theirs) IN roles AND other <> o
         AND (coalesce(mine.seen_in, []) = [] OR any(d IN mine.seen_in WHERE d IN held)) AND (coalesce(theirs.seen_in, []) = [] OR any(d IN theirs.seen_in WHERE d IN held)) AND (w:Organisation OR w:Person OR coalesce(w.seen_in, []) = [] OR any(d IN w.seen_in WHERE d IN held)) AND (other:Organisation OR other:Person OR coalesce(other.seen_in, []) = [] OR any(d IN other.seen_in WHERE d IN held))
       RETURN DISTINCT other
     })) / (organisations - 1), 4) ELSE 0.0 END AS centrality
ORDER BY score DESC, centrality DESC, toLower(o.name), o.g071_rank
WITH collect({id: o.id, name: o.name, sector: coalesce(o.sector, ''), helix: coalesce(o.helix, ''),
              is_group: coalesce(o.is_group, false), trekker: trekker, partner: partner,
              te_betrekken: te_betrekken, score: score, centrality: centrality}) AS ranked
UNWIND range(1, size(ranked)) AS rank
WITH ranked[rank - 1] AS row, rank
WHERE $top IS NULL OR $top <= 0 OR rank <= $top
RETURN row.id AS id, row.name AS name, row.sector AS sector, row.helix AS helix,
       row.is_group AS is_group, row.trekker AS trekker, row.partner AS partner,
       row.te_betrekken AS te_betrekken, row.score AS score, row.centrality AS centrality,
       rank
ORDER BY rank
