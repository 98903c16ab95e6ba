// action: one action with its trekkers, partners, "te betrekken", links and source quote.
//
// Same answer as `graph071 action NUMBER` (graph071.analytics.action_detail on the graph
// of every edition published by $asOf, graph071.analytics.time.as_of with history): the
// action node with all its properties, the organisations per role in the order of the
// lines that name them, and its LINKS_TO and SUCCEEDS links both ways; only what the
// documents published by then state. `at` gives what as_of writes on the node for the
// moment: first_seen, last_seen, last_document, status (opgevolgd door ..., lopend, niet
// meer genoemd (laatst in ...)) and status_since; the node itself keeps those of the
// latest state. (Actions have no cards, so no categorie enters their status.)
//
// Parameters:
//   $number     integer, required: the action's number, e.g. 17
//   $programme  text, default null: the programme period when there are several, e.g. '2013-2015'
//   $asOf       text, default null: the moment, a year (2014), month (2019-06), day or document id; null is the latest state
//
// In Neo4j Browser, first:
// :param number => 17
// :param programme => null
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
WITH docs, day, inForce, published AS held
MATCH (a:G071:Action {number: $number})
WHERE ($programme IS NULL OR a.programme = $programme) AND (a:Organisation OR a:Person OR coalesce(a.seen_in, []) = [] OR any(d IN a.seen_in WHERE d IN held))
WITH docs, day, inForce, held, a ORDER BY coalesce(a.programme, ''), a.id
LIMIT 1
// What the documents published by then say of it (graph071.build.periods.status_at).
WITH docs, day, inForce, held, a,
     [d IN coalesce(a.seen_in, []) WHERE coalesce(head([x IN docs WHERE x.document = d | x.valid_from]), '') <= day]
       AS known
WITH docs, day, inForce, held, a, known,
     [d IN known | toString(coalesce(head([x IN docs WHERE x.document = d | x.edition]), ''))] AS editions,
     head(COLLECT {
       MATCH (newer:G071)-[s:SUCCEEDS]->(a)
       WHERE coalesce(s.explicit, true) AND coalesce(s.valid_from, '') <= day
       WITH newer, s ORDER BY s.g071_rank[1]
       RETURN {name: newer.name,
               edition: toString(coalesce(head([x IN docs WHERE x.document = s.document | x.edition]), ''))}
     }) AS successor
RETURN a AS action,
       {first_seen: coalesce(head(editions), ''), last_seen: coalesce(last(editions), ''),
        last_document: coalesce(last(known), ''),
        status: CASE WHEN size(known) = 0 THEN ''
                     WHEN successor IS NOT NULL THEN 'opgevolgd door ' + successor.name
                     WHEN any(d IN known WHERE d IN inForce) THEN 'lopend'
                     ELSE 'niet meer genoemd (laatst in ' + coalesce(head([x IN docs WHERE x.document = last(known)
                                                                            | x.edition_label]), last(known)) + ')' END,
        status_since: CASE WHEN size(known) = 0 THEN ''
                           WHEN successor IS NOT NULL THEN successor.edition
                           WHEN any(d IN known WHERE d IN inForce) THEN coalesce(head(editions), '')
                           ELSE coalesce(last(editions), '') END} AS at,
       COLLECT {
         MATCH (o:G071)-[r:TREKKER]->(a) WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (o:Organisation OR o:Person OR coalesce(o.seen_in, []) = [] OR any(d IN o.seen_in WHERE d IN held))
         WITH o, r ORDER BY coalesce(r.line, 0), r.g071_rank[1]
         RETURN {id: o.id, name: o.name, as_written: coalesce(r.name_as_written, ''),
                 role: coalesce(r.role, ''), line: r.line, quote: coalesce(r.quote, '')}
       } AS trekkers,
       COLLECT {
         MATCH (o:G071)-[r:PARTNER]->(a) WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (o:Organisation OR o:Person OR coalesce(o.seen_in, []) = [] OR any(d IN o.seen_in WHERE d IN held))
         WITH o, r ORDER BY coalesce(r.line, 0), r.g071_rank[1]
         RETURN {id: o.id, name: o.name, as_written: coalesce(r.name_as_written, ''),
                 role: coalesce(r.role, ''), line: r.line, quote: coalesce(r.quote, '')}
       } AS partners,
       COLLECT {
         MATCH (o:G071)-[r:TE_BETREKKEN]->(a) WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (o:Organisation OR o:Person OR coalesce(o.seen_in, []) = [] OR any(d IN o.seen_in WHERE d IN held))
         WITH o, r ORDER BY coalesce(r.line, 0), r.g071_rank[1]
         RETURN {id: o.id, name: o.name, as_written: coalesce(r.name_as_written, ''),
                 role: coalesce(r.role, ''), line: r.line, quote: coalesce(r.quote, '')}
       } AS te_betrekken,
       COLLECT {
         MATCH (a)-[r:LINKS_TO|SUCCEEDS]-(other:G071) WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (other:Organisation OR other:Person OR coalesce(other.seen_in, []) = [] OR any(d IN other.seen_in WHERE d IN held))
         WITH other, r, CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END AS direction
         ORDER BY direction, coalesce(r.line, 0), other.id,
                  CASE direction WHEN 'out' THEN r.g071_rank[0] ELSE r.g071_rank[1] END
         RETURN {id: other.id, name: other.name, kind: type(r),
                 link_kind: coalesce(r.link_kind, r.role, ''), direction: direction,
                 line: r.line, quote: coalesce(r.quote, '')}
       } AS links
