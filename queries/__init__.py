"""Named Cypher queries, one file each, runnable with `graph071 neo4j query NAME`."""
