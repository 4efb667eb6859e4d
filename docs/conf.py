"""Sphinx configuration for masthead's documentation (built strict: -W)."""

from __future__ import annotations

import masthead

project = "masthead"
author = "masthead contributors"
copyright = "2026, masthead contributors"
release = version = masthead.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx_click",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
nitpicky = False
html_theme = "furo"
html_title = f"masthead {release}"
# Option names must be copied as typed: no "--" turned into an en dash, no curly quotes.
smartquotes = False
html_static_path: list[str] = []
suppress_warnings = ["myst.xref_missing"]
