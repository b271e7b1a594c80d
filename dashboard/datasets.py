"""The tables behind every chart: URL filters → DataTable (what the chart plots, its table view
and its downloads). Each is registered with `exports.dataset`, so /daten/<name>.csv serves it.

Sections per page; add a page's datasets in its own section.
"""

from __future__ import annotations

# --- overview ---------------------------------------------------------------------------------

# --- challenges (/herausforderungen) ----------------------------------------------------------

# --- gallery (/loesungen) -----------------------------------------------------------------------

# --- programme (/programm) ----------------------------------------------------------------------
