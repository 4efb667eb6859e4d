"""masthead: raw news pages in, clean structured articles out.

What a plugin author needs is importable from here: the hook marker, the
source base class and its :class:`Draft`, the page view, the models and the
errors a plugin may raise.
"""

from masthead.errors import Filtered, MastheadError, NotAnArticle, ParseError, PluginError
from masthead.extract.document import Page, RawDocument
from masthead.hookspecs import hookimpl
from masthead.layouts import Layout, VersionedSource
from masthead.models import SCHEMA_VERSION, Article, Comment, Provenance, Rejection, Related
from masthead.source import Draft, Source

__version__ = "0.2.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Comment",
    "Draft",
    "Filtered",
    "Layout",
    "MastheadError",
    "NotAnArticle",
    "Page",
    "ParseError",
    "PluginError",
    "Provenance",
    "RawDocument",
    "Rejection",
    "Related",
    "Source",
    "VersionedSource",
    "__version__",
    "hookimpl",
]
