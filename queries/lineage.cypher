// lineage: the chain of successions a project, action or organisation belongs to, oldest first.
//
// Same answer as `graph071 lineage NAME` (graph071.projects.lineage): every
// project, action or organisation joined to it by SUCCEEDS relationships, in
// either direction (SUCCEEDS goes from the newer to the older), so any member
// gives the same chain. `chain` lists them by the edition they first appear
// in, with each project's status per edition; `steps` lists each succession
// with whether the documents state it (explicit) or graph071 inferred it
// (then `reason` says why), and its source.
//
// Parameters:
//   $project  text, required: id, name or alias of a project, action or organisation, e.g. 'Talent op Maat'
//
// In Neo4j Browser, first:
// :param project => 'Talent op Maat'
MATCH (start:G071)
WHERE (start:Project OR start:Action OR start:Organisation)
  AND (start.id = $project
       OR replace(toLower(start.name), '-', ' ') = replace(toLower($project), '-', ' ')
       OR any(alias IN coalesce(start.aliases, []) + coalesce(start.names, [])
              WHERE replace(toLower(alias), '-', ' ') = replace(toLower($project), '-', ' ')))
WITH start
ORDER BY CASE WHEN start.id = $project THEN 0 WHEN start:Project THEN 1 ELSE 2 END, start.g071_rank
LIMIT 1
MATCH (start)-[:SUCCEEDS*0..]-(member:G071)
WITH start, collect(DISTINCT member) AS members
UNWIND members AS m
// The edition of a fact: its own, else its document's.
WITH start, members, m,
     CASE WHEN m:Project THEN COLLECT {
            MATCH (m)-[a:APPEARS_IN]->(:G071)
            RETURN CASE WHEN coalesce(a.edition, '') <> '' THEN a.edition
                        ELSE coalesce(head(COLLECT { MATCH (d:G071:Document) WHERE d.id = 'doc:' + a.document
                                                     RETURN d.edition }), '') END }
          WHEN m:Organisation THEN COLLECT {
            MATCH (m)-[s:SUCCEEDS]->(:G071)
            RETURN CASE WHEN coalesce(s.edition, '') <> '' THEN s.edition
                        ELSE coalesce(head(COLLECT { MATCH (d:G071:Document) WHERE d.id = 'doc:' + s.document
                                                     RETURN d.edition }), '') END }
          ELSE [] END AS editions,
     CASE WHEN coalesce(m.edition, '') <> '' THEN m.edition
          ELSE coalesce(head(COLLECT { MATCH (d:G071:Document) WHERE d.id = 'doc:' + m.document
                                       RETURN d.edition }), '') END AS own_edition
WITH start, members, m,
     coalesce(reduce(first = null, e IN [e IN editions WHERE e <> ''] |
                     CASE WHEN first IS NULL OR e < first THEN e ELSE first END), own_edition) AS first_edition
WITH start, collect({
       id: m.id, name: m.name,
       kind: [k IN labels(m) WHERE k IN ['Project', 'Action', 'Organisation']][0],
       first_edition: first_edition,
       statuses: CASE WHEN m:Project THEN COLLECT {
         MATCH (m)-[a:APPEARS_IN]->(:G071)
         WITH a, CASE WHEN coalesce(a.edition, '') <> '' THEN a.edition
                      ELSE coalesce(head(COLLECT { MATCH (d:G071:Document) WHERE d.id = 'doc:' + a.document
                                                   RETURN d.edition }), '') END AS edition
         ORDER BY edition, coalesce(a.document, ''), coalesce(a.line, 0)
         RETURN {edition: edition, categorie: coalesce(a.categorie, ''),
                 name_as_written: coalesce(a.name_as_written, '')} } ELSE [] END,
       older: [(m)-[:SUCCEEDS]->(o:G071) WHERE o IN members | o.id]
     }) AS members
// Oldest first: each time, of the members whose predecessors are all placed, the one
// with the earliest first edition (then name) comes next.
WITH start, members, reduce(order = [], step IN range(1, size(members)) |
       order + [reduce(next = null, candidate IN [c IN members WHERE NOT c.id IN order
                                                   AND all(o IN c.older WHERE o IN order)] |
                  CASE WHEN next IS NULL OR candidate.first_edition < next.first_edition
                            OR (candidate.first_edition = next.first_edition AND candidate.name < next.name)
                       THEN candidate ELSE next END).id]) AS order
WITH start, order,
     [id IN order | head([c IN members WHERE c.id = id | c {.id, .name, .kind, .first_edition, .statuses}])]
       AS chain
RETURN start.id AS id, start.name AS name, chain,
       COLLECT {
         UNWIND order AS newer_id
         MATCH (newer:G071 {id: newer_id})-[e:SUCCEEDS]->(older:G071)
         WHERE older.id IN order
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
