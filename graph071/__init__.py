"""graph071: the Economie071 documents as a knowledge graph of actions, projects,
organisations and people, with analytics, Neo4j storage and interactive maps."""

__version__ = "0.1.0"
