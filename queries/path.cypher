// path: how two organisations are connected, by the shortest chains of relationships.
//
// Every shortest chain (ignoring direction) through graph071's nodes, up to 12
// steps: shared actions or projects (trekker, partner, te betrekken), groups
// (MEMBER_OF), links and successions between actions and projects, and any
// other relationship kind of graph071.schema except IN_THEME and DESCRIBED_IN,
// which join everything to the same theme or document and so say nothing about
// working together. Only what holds at $asOf counts (graph071.analytics.time.as_of): the
// relationships a document in force states, between nodes that hold then. Each row is
// one chain of nodes; `via` names the relationship types along it. No rows: no chain of
// at most 12 steps, or one of the two is not named at that moment.
//
// Parameters:
//   $from  text, required: id, name or alias of the first organisation, e.g. 'Gemeente Leiden'
//   $to    text, required: id, name or alias of the second organisation, e.g. 'Universiteit Leiden'
//   $asOf  text, default null: the moment, a year (2014), month (2019-06), day or document id; null is the latest state
//
// In Neo4j Browser, first:
// :param from => 'Gemeente Leiden'
// :param to => 'Universiteit Leiden'
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
MATCH (a:G071:Organisation)
WHERE (a.id = $from OR replace(toLower(a.name), '-', ' ') = replace(toLower($from), '-', ' ')
       OR any(alias IN coalesce(a.aliases, []) WHERE replace(toLower(alias), '-', ' ') = replace(toLower($from), '-', ' ')))
  AND EXISTS { MATCH (a)-[r]-(other:G071) WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (other:Organisation OR other:Person OR coalesce(other.seen_in, []) = [] OR any(d IN other.seen_in WHERE d IN held)) }
WITH held, a
ORDER BY CASE WHEN a.id = $from THEN 0 WHEN replace(toLower(a.name), '-', ' ') = replace(toLower($from), '-', ' ') THEN 1 ELSE 2 END, a.g071_rank
LIMIT 1
MATCH (b:G071:Organisation)
WHERE (b.id = $to OR replace(toLower(b.name), '-', ' ') = replace(toLower($to), '-', ' ')
       OR any(alias IN coalesce(b.aliases, []) WHERE replace(toLower(alias), '-', ' ') = replace(toLower($to), '-', ' ')))
  AND EXISTS { MATCH (b)-[r]-(other:G071) WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (other:Organisation OR other:Person OR coalesce(other.seen_in, []) = [] OR any(d IN other.seen_in WHERE d IN held)) }
WITH held, a, b
ORDER BY CASE WHEN b.id = $to THEN 0 WHEN replace(toLower(b.name), '-', ' ') = replace(toLower($to), '-', ' ') THEN 1 ELSE 2 END, b.g071_rank
LIMIT 1
MATCH chain = ALL SHORTEST (a) ((x:G071)-[r]-(y:G071) WHERE NOT type(r) IN ['IN_THEME', 'DESCRIBED_IN']
                                           AND (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (x:Organisation OR x:Person OR coalesce(x.seen_in, []) = [] OR any(d IN x.seen_in WHERE d IN held)) AND (y:Organisation OR y:Person OR coalesce(y.seen_in, []) = [] OR any(d IN y.seen_in WHERE d IN held))){0,12} (b)
WITH [n IN nodes(chain) | n.id] AS ids, [n IN nodes(chain) | n.name] AS names,
     [r IN relationships(chain) | type(r)] AS via
ORDER BY ids, via
WITH ids, names, collect(via)[0] AS via
RETURN size(ids) - 1 AS hops, ids, names, via
ORDER BY ids
