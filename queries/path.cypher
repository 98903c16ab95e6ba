// path: how two organisations are connected, by the shortest chains of relationships.
//
// Every shortest chain (ignoring direction) through graph071's nodes, up to 12
// steps: shared actions or projects (trekker, partner, te betrekken), groups
// (MEMBER_OF), links and successions between actions and projects, and any
// other relationship kind of graph071.schema except IN_THEME and DESCRIBED_IN,
// which join everything to the same theme or document and so say nothing about
// working together. Each row is one chain of nodes; `via` names the
// relationship types along it. No rows: no chain of at most 12 steps.
//
// Parameters:
//   $from  text, required: id, name or alias of the first organisation, e.g. 'Gemeente Leiden'
//   $to    text, required: id, name or alias of the second organisation, e.g. 'Universiteit Leiden'
//
// In Neo4j Browser, first:
// :param from => 'Gemeente Leiden'
// :param to => 'Universiteit Leiden'
MATCH (a:G071:Organisation)
WHERE a.id = $from OR replace(toLower(a.name), '-', ' ') = replace(toLower($from), '-', ' ')
   OR any(alias IN coalesce(a.aliases, []) WHERE replace(toLower(alias), '-', ' ') = replace(toLower($from), '-', ' '))
WITH a
ORDER BY CASE WHEN a.id = $from THEN 0 WHEN replace(toLower(a.name), '-', ' ') = replace(toLower($from), '-', ' ') THEN 1 ELSE 2 END, a.g071_rank
LIMIT 1
MATCH (b:G071:Organisation)
WHERE b.id = $to OR replace(toLower(b.name), '-', ' ') = replace(toLower($to), '-', ' ')
   OR any(alias IN coalesce(b.aliases, []) WHERE replace(toLower(alias), '-', ' ') = replace(toLower($to), '-', ' '))
WITH a, b
ORDER BY CASE WHEN b.id = $to THEN 0 WHEN replace(toLower(b.name), '-', ' ') = replace(toLower($to), '-', ' ') THEN 1 ELSE 2 END, b.g071_rank
LIMIT 1
MATCH chain = ALL SHORTEST (a) ((x:G071)-[r]-(y:G071) WHERE NOT type(r) IN ['IN_THEME', 'DESCRIBED_IN']){0,12} (b)
WITH [n IN nodes(chain) | n.id] AS ids, [n IN nodes(chain) | n.name] AS names,
     [r IN relationships(chain) | type(r)] AS via
ORDER BY ids, via
WITH ids, names, collect(via)[0] AS via
RETURN size(ids) - 1 AS hops, ids, names, via
ORDER BY ids
