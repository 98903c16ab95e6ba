// lineage: the line of projects (and actions) a project continues and is continued by.
//
// SUCCEEDS goes from the newer project to the older one. `generation` is 0 for
// the project asked about, -1 for what it continues directly, -2 for what that
// continues, and +1, +2 for its successors: sorted by generation, the rows read
// from oldest to newest. `explicit` is true when a chain of successions the
// documents state links the row to the project, false when every chain has a
// succession graph071 inferred (the SUCCEEDS relationship's `reason` says why).
// Chains longer than 50 steps are not followed.
//
// Parameters:
//   $project  text, required: id, name or alias of a project or action, e.g. 'WIJIJ'
//
// In Neo4j Browser, first:
// :param project => 'WIJIJ'
MATCH (start:G071)
WHERE (start:Project OR start:Action)
  AND (start.id = $project
       OR replace(toLower(start.name), '-', ' ') = replace(toLower($project), '-', ' ')
       OR toLower(coalesce(start.title, '')) = toLower($project)
       OR any(alias IN coalesce(start.aliases, []) + coalesce(start.names, [])
              WHERE replace(toLower(alias), '-', ' ') = replace(toLower($project), '-', ' ')))
WITH start
ORDER BY CASE WHEN start.id = $project THEN 0 WHEN replace(toLower(start.name), '-', ' ') = replace(toLower($project), '-', ' ') THEN 1 ELSE 2 END,
         start.g071_rank
LIMIT 1
CALL (start) {
  RETURN start AS node, 0 AS generation, true AS explicit
  UNION
  MATCH chain = (start) (()-[:SUCCEEDS]->(:G071)){1,50} (older)
  WHERE older <> start
  RETURN older AS node, -min(length(chain)) AS generation,
         any(stated IN collect(all(r IN relationships(chain) WHERE coalesce(r.explicit, true))) WHERE stated)
           AS explicit
  UNION
  MATCH chain = (newer) (()-[:SUCCEEDS]->(:G071)){1,50} (start)
  WHERE newer <> start AND newer:G071
  RETURN newer AS node, min(length(chain)) AS generation,
         any(stated IN collect(all(r IN relationships(chain) WHERE coalesce(r.explicit, true))) WHERE stated)
           AS explicit
}
RETURN generation, node.id AS id,
       CASE WHEN node:Action THEN 'Action' ELSE 'Project' END AS kind,
       node.name AS name, explicit
ORDER BY generation, name, id
