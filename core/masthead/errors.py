"""The errors masthead documents; everything a plugin may raise on purpose.

Each carries a short snake_case ``reason`` that ends up in the rejects file,
so a run over a million pages can be summarised by reason.
"""

from __future__ import annotations

import re
from typing import Any

_REASON = re.compile(r"^[a-z][a-z0-9_]*$")


def normalise_reason(reason: object) -> str | None:
    """``reason`` as the snake_case word the rejects file needs, or ``None``.

    "Paywall" becomes ``paywall``, "paywall-hit" ``paywall_hit``, "Too Short"
    ``too_short``; what cannot be made one (a number, punctuation only) is
    ``None``.
    """
    if not isinstance(reason, str):
        return None
    if _REASON.match(reason):
        return reason
    word = re.sub(r"[^a-z0-9_]+", "_", reason.strip().lower()).strip("_")
    return word if _REASON.match(word) else None


class MastheadError(Exception):
    """Base of every error masthead raises on purpose.

    ``reason`` is normalised to snake_case ("Too Short" becomes
    ``too_short``); one that cannot be keeps the class's default.
    """

    reason = "error"

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        if reason is not None:
            self.reason = normalise_reason(reason) or type(self).reason


class InputError(MastheadError):
    """An input cannot be read or decoded (missing, empty, binary, ...)."""

    reason = "unreadable"


class RoutingError(MastheadError):
    """No source plugin can be chosen for a document with confidence."""

    reason = "unclaimed"


class ParseError(MastheadError):
    """A source plugin cannot turn the document into an article.

    Source plugins raise this (or :class:`NotAnArticle`) for documents they
    recognise as theirs but cannot or should not parse.
    """

    reason = "parse_failed"


class NotAnArticle(ParseError):
    """The document belongs to the outlet but is no article (a listing,
    a category or search page, an empty shell)."""

    reason = "not_article"


class PluginError(MastheadError):
    """A plugin broke its contract: raised an unexpected exception, returned
    the wrong type or an invalid value. The message names the plugin and hook."""

    reason = "plugin_error"

    def __init__(self, plugin: str, hook: str, problem: str, *, reason: str | None = None) -> None:
        super().__init__(f"plugin {plugin!r} in {hook}: {problem}", reason=reason)
        self.plugin = plugin
        self.hook = hook
        self.problem = problem

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception pickles as ``cls(*self.args)``: one message, which this
        # signature refuses; rebuild from the parts (reason rides in __dict__).
        return (type(self), (self.plugin, self.hook, self.problem), self.__dict__)


class Filtered(MastheadError):
    """Raised by a ``masthead_process_article`` hook to drop an article on
    purpose; the document is recorded as rejected with this reason."""

    reason = "filtered"
