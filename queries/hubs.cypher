// hubs: organisations ranked by how much of the programme they carry.
//
// Same answer as `graph071 hubs` (graph071.analytics.hubs). The score counts an
// organisation's roles on actions and projects: 2 per trekker role, 1 per
// partner role, 0.5 per "te betrekken" and 1 per other role (financier,
// projectboard, ...: the role kinds of graph071.schema, which every push
// records on the :G071Load node). Ties go to the higher centrality: the share
// of the other organisations it works with on some action or project. A group
// such as "regiogemeenten" counts as one organisation; its members are not
// credited with the group's roles.
//
// Parameters:
//   $top  integer, default 10: how many organisations to show (0 shows all)
//
// In Neo4j Browser, first:
// :param top => 10
MATCH (load:G071Load {graph: 'graph071'})
WITH load.role_kinds AS roles
MATCH (everyone:G071:Organisation)
WITH roles, count(everyone) AS organisations
MATCH (o:G071:Organisation)
WITH roles, organisations, o,
     COUNT { MATCH (o)-[:TREKKER]->(w:G071) WHERE w:Action OR w:Project } AS trekker,
     COUNT { MATCH (o)-[:PARTNER]->(w:G071) WHERE w:Action OR w:Project } AS partner,
     COUNT { MATCH (o)-[:TE_BETREKKEN]->(w:G071) WHERE w:Action OR w:Project } AS te_betrekken,
     reduce(total = 0.0, kind IN COLLECT {
       MATCH (o)-[r]->(w:G071) WHERE (w:Action OR w:Project) AND type(r) IN roles RETURN type(r)
     } | total + CASE kind WHEN 'TREKKER' THEN 2.0 WHEN 'PARTNER' THEN 1.0
                           WHEN 'TE_BETREKKEN' THEN 0.5 ELSE 1.0 END) AS score
WHERE score > 0
WITH o, trekker, partner, te_betrekken, score,
     CASE WHEN organisations > 1 THEN round(toFloat(size(COLLECT {
       MATCH (o)-[mine]->(w:G071)<-[theirs]-(other:G071)
       WHERE (w:Action OR w:Project) AND type(mine) IN roles AND type(theirs) IN roles AND other <> o
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
