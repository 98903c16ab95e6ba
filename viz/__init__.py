"""Interactive network maps: one self-contained HTML file per map, offline and stable.

network_map  write_map / write_lineage_map: the public entry points
selection    which part of the graph a map shows (--focus, --depth, --theme, --kind, --edition)
payload      what the page draws, from graph071.schema: styles, labels, sizes, tooltips
layout       positions computed in Python with a fixed seed (no physics in the browser)
assets       vis-network, inlined from the pyvis package
template.html  the page: search, filters, legend, tooltips (texts only via textContent)
"""
