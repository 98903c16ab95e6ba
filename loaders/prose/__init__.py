"""The prose reader: mentions, new names, people and stated relations in any text about the partnership.

lexicon.py holds the known names (one automaton) and the patterns of data/;
mentions.py finds known names, names.py proposes new organisations and people,
relations.py reads stated relations, reading.py puts them together for one
document, loader.py turns a reading into graph records, review.py keeps the
review queue and its decisions.
"""
