// lineage: the chain of successions a project, action or organisation belongs to, oldest first.
//
// Same answer as `graph071 lineage NAME` (graph071.projects.lineage on the graph of every
// edition published by $asOf, graph071.analytics.time.as_of with history): every
// project, action or organisation joined to it by SUCCEEDS relationships, in
// either direction (SUCCEEDS goes from the newer to the older), so any member
// gives the same chain. `chain` lists them by the edition they first appear
// in, with each project's status per edition; `steps` lists each succession
// with whether the documents state it (explicit) or graph071 inferred it
// (then `reason` says why), and its source.
//
// Parameters:
//   $project  text, required: id, name or alias of a project, action or organisation, e.g. 'Talent op Maat'
//   $asOf     text, default null: the moment, a year (2014), month (2019-06), day or document id; null is the latest state
//
// In Neo4j Browser, first:
// :param project => 'Talent op Maat'
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
WITH published AS held
MATCH (start:G071)
WHERE (start:Project OR start:Action OR start:Organisation)
  AND CASE WHEN start:Organisation THEN EXISTS { MATCH (start)-[r]-(other:G071) WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held)) AND (other:Organisation OR other:Person OR coalesce(other.seen_in, []) = [] OR any(d IN other.seen_in WHERE d IN held)) }
           ELSE (start:Organisation OR start:Person OR coalesce(start.seen_in, []) = [] OR any(d IN start.seen_in WHERE d IN held)) END
  AND (start.id = $project
       OR replace(toLower(start.name), '-', ' ') = replace(toLower($project), '-', ' ')
       OR any(alias IN coalesce(start.aliases, []) + coalesce(start.names, [])
              WHERE replace(toLower(alias), '-', ' ') = replace(toLower($project), '-', ' ')))
WITH held, start
ORDER BY CASE WHEN start.id = $project THEN 0 WHEN start:Project THEN 1 ELSE 2 END, start.g071_rank
LIMIT 1
MATCH chain = (start)-[:SUCCEEDS*0..]-(member:G071)
WHERE all(r IN relationships(chain) WHERE (coalesce(r.seen_in, []) = [] OR any(d IN r.seen_in WHERE d IN held))) AND all(n IN nodes(chain) WHERE (n:Organisation OR n:Person OR coalesce(n.seen_in, []) = [] OR any(d IN n.seen_in WHERE d IN held)))
WITH held, start, collect(DISTINCT member) AS members
UNWIND members AS m
// The edition of a fact: its own, else its document's.
WITH held, start, members, m,
     CASE WHEN m:Project THEN COLLECT {
            MATCH (m)-[a:APPEARS_IN]->(:G071) WHERE (coalesce(a.seen_in, []) = [] OR any(d IN a.seen_in WHERE d IN held))
            RETURN CASE WHEN coalesce(a.edition, '') <> '' THEN a.edition
                        ELSE coalesce(head(COLLECT { MATCH (d:G071:Document) WHERE d.id = 'doc:' + a.document
                                                     RETURN d.edition }), '') END }
          WHEN m:Organisation THEN COLLECT {
            MATCH (m)-[s:SUCCEEDS]->(older:G071) WHERE (coalesce(s.seen_in, []) = [] OR any(d IN s.seen_in WHERE d IN held)) AND (older:Organisation OR older:Person OR coalesce(older.seen_in, []) = [] OR any(d IN older.seen_in WHERE d IN held))
            RETURN CASE WHEN coalesce(s.edition, '') <> '' THEN s.edition
                        ELSE coalesce(head(COLLECT { MATCH (d:G071:Document) WHERE d.id = 'doc:' + s.document
                                                     RETURN d.edition }), '') END }
          ELSE [] END AS editions,
     CASE WHEN coalesce(m.edition, '') <> '' THEN m.edition
          ELSE coalesce(head(COLLECT { MATCH (d:G071:Document) WHERE d.id = 'doc:' + m.document
                                       RETURN d.edition }), '') END AS own_edition
WITH held, start, members, m,
     coalesce(reduce(first = null, e IN [e IN editions WHERE e <> ''] |
                     CASE WHEN first IS NULL OR e < first THEN e ELSE first END), own_edition) AS first_edition
WITH held, start, collect({
       id: m.id, name: m.name,
       kind: [k IN labels(m) WHERE k IN ['Project', 'Action', 'Organisation']][0],
       first_edition: first_edition,
       statuses: CASE WHEN m:Project THEN COLLECT {
         MATCH (m)-[a:APPEARS_IN]->(:G071) WHERE (coalesce(a.seen_in, []) = [] OR any(d IN a.seen_in WHERE d IN held))
         WITH a, CASE WHEN coalesce(a.edition, '') <> '' THEN a.edition
                      ELSE coalesce(head(COLLECT { MATCH (d:G071:Document) WHERE d.id = 'doc:' + a.document
                                                   RETURN d.edition }), '') END AS edition
         ORDER BY edition, coalesce(a.document, ''), coalesce(a.line, 0)
         RETURN {edition: edition, categorie: coalesce(a.categorie, ''),
                 name_as_written: coalesce(a.name_as_written, '')} } ELSE [] END,
       older: [(m)-[s:SUCCEEDS]->(o:G071) WHERE o IN members AND (coalesce(s.seen_in, []) = [] OR any(d IN s.seen_in WHERE d IN held)) | o.id]
     }) AS members
// Oldest first: each time, of the members whose predecessors are all placed, the one
// with the earliest first edition (then name) comes next.
WITH held, start, members, reduce(order = [], step IN range(1, size(members)) |
       order + [reduce(next = null, candidate IN [c IN members WHERE NOT c.id IN order
                                                   AND all(o IN c.older WHERE o IN order)] |
                  CASE WHEN next IS NULL OR candidate.first_edition < next.first_edition
                            OR (candidate.first_edition = next.first_edition AND candidate.name < next.name)
                       THEN candidate ELSE next END).id]) AS order
WITH held, start, order,
     [id IN order | head([c IN members WHERE c.id = id | c {.id, .name, .kind, .first_edition, .statuses}])]
       AS chain
RETURN start.id AS id, start.name AS name, chain,
       COLLECT {
         UNWIND order AS newer_id
         MATCH (newer:G071 {id: newer_id})-[e:SUCCEEDS]->(older:G071)
         WHERE older.id IN order AND (coalesce(e.seen_in, []) = [] OR any(d IN e.seen_in WHERE d IN held))
         WITH newer, older, e,
              CASE WHEN coalesce(e.edition, '') <> '' THEN e.edition
                   ELSE coalesce(head(COLLECT { MATCH (d:G071:Document) WHERE d.id = 'doc:' + e.document
                                                RETURN d.edition }), '') END AS edition
         ORDER BY edition, coalesce(e.line, 0)
         WITH newer, older, collect({explicit: coalesce(e.explicit, false), cue: coalesce(e.cue, e.role, ''),
                                     reason: coalesce(e.reason, ''), document: e.document, line: e.line,
                                     edition: edition, quote: coalesce(e.quote, '')}) AS sources
         WITH newer, older, sources, [s IN sources WHERE s.explicit] AS stated
         WITH newer, older, sources, stated,
              CASE WHEN size(stated) > 0 THEN stated[0] ELSE sources[0] END AS shown
         ORDER BY head([i IN range(0, size(order) - 1) WHERE order[i] = newer.id]),
                  head([i IN range(0, size(order) - 1) WHERE order[i] = older.id])
         RETURN {older: older.id, older_name: older.name, newer: newer.id, newer_name: newer.name,
                 explicit: size(stated) > 0, cue: shown.cue,
                 reason: CASE WHEN size(stated) > 0 THEN '' ELSE shown.reason END,
                 document: shown.document, line: shown.line, edition: shown.edition, quote: shown.quote,
                 sources: [s IN sources | {explicit: s.explicit, cue: s.cue, document: s.document,
                                           line: s.line, edition: s.edition, quote: s.quote}]}
       } AS steps
