// action: one action with its trekkers, partners, "te betrekken", links and source quote.
//
// Same answer as `graph071 action NUMBER` (graph071.analytics.action_detail):
// the action node with all its properties, the organisations per role in the
// order of the lines that name them, and its LINKS_TO and SUCCEEDS links both ways.
//
// Parameters:
//   $number     integer, required: the action's number, e.g. 17
//   $programme  text, default null: the programme period when there are several, e.g. '2013-2015'
//
// In Neo4j Browser, first:
// :param number => 17
// :param programme => null
MATCH (a:G071:Action {number: $number})
WHERE $programme IS NULL OR a.programme = $programme
WITH a ORDER BY coalesce(a.programme, ''), a.id
LIMIT 1
RETURN a AS action,
       COLLECT {
         MATCH (o:G071)-[r:TREKKER]->(a)
         WITH o, r ORDER BY coalesce(r.line, 0), r.g071_rank[1]
         RETURN {id: o.id, name: o.name, as_written: coalesce(r.name_as_written, ''),
                 role: coalesce(r.role, ''), line: r.line, quote: coalesce(r.quote, '')}
       } AS trekkers,
       COLLECT {
         MATCH (o:G071)-[r:PARTNER]->(a)
         WITH o, r ORDER BY coalesce(r.line, 0), r.g071_rank[1]
         RETURN {id: o.id, name: o.name, as_written: coalesce(r.name_as_written, ''),
                 role: coalesce(r.role, ''), line: r.line, quote: coalesce(r.quote, '')}
       } AS partners,
       COLLECT {
         MATCH (o:G071)-[r:TE_BETREKKEN]->(a)
         WITH o, r ORDER BY coalesce(r.line, 0), r.g071_rank[1]
         RETURN {id: o.id, name: o.name, as_written: coalesce(r.name_as_written, ''),
                 role: coalesce(r.role, ''), line: r.line, quote: coalesce(r.quote, '')}
       } AS te_betrekken,
       COLLECT {
         MATCH (a)-[r:LINKS_TO|SUCCEEDS]-(other:G071)
         WITH other, r, CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END AS direction
         ORDER BY direction, coalesce(r.line, 0), other.id,
                  CASE direction WHEN 'out' THEN r.g071_rank[0] ELSE r.g071_rank[1] END
         RETURN {id: other.id, name: other.name, kind: type(r),
                 link_kind: coalesce(r.link_kind, r.role, ''), direction: direction,
                 line: r.line, quote: coalesce(r.quote, '')}
       } AS links
