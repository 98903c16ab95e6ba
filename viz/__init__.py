"""Interactive network maps (pyvis, self-contained HTML)."""
