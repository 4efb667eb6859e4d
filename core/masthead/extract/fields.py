"""The fields of an article while a parser collects them.

A line-by-line parser finds the title, the authors, the date, paragraphs,
captions, related links and comments as it goes, often more than once (a
byline in the head and again at the end, a caption printed twice).
:class:`Fields` keeps them in page order, merges repeats, and becomes the
:class:`masthead.Draft` the plugin returns. A plugin subclasses it to add
what only its own parser needs to remember.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from masthead.extract import bylines, dates
from masthead.extract.text import fold
from masthead.models import Comment, Related
from masthead.source import Draft

__all__ = ["Fields", "is_meta_line", "take_meta_line"]


@dataclass
class Fields:
    """Mutable article fields; lists keep the page's order."""

    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    body: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    attributions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add_authors(self, names: Iterable[str]) -> None:
        """Add names not yet listed (compared folded: case and quotes aside)."""
        known = {fold(a) for a in self.authors}
        for name in names:
            if fold(name) not in known:
                known.add(fold(name))
                self.authors.append(name)

    def take_date(self, iso: str | None) -> None:
        """Keep the first date found; later ones (an update, a comment) do not replace it."""
        if self.published is None:
            self.published = iso

    def draft(self, *, url: str | None = None, language: str | None = None, layout: str | None = None) -> Draft:
        """The :class:`masthead.Draft` of these fields, repeated captions merged."""
        return Draft(
            url=url,
            title=self.title,
            subtitle=self.subtitle,
            authors=self.authors,
            published=self.published,
            body=self.body,
            captions=list(dict.fromkeys(self.captions)),
            related=self.related,
            comments=self.comments,
            attributions=self.attributions,
            language=language,
            warnings=self.warnings,
            layout=layout,
        )


def take_meta_line(fields: Fields, line: str, *, credits: Iterable[str] = ()) -> bool:
    """Take a byline, a date line or a source note into ``fields``; whether ``line`` was one.

    A byline may carry the date too ("By Drago Bosnic, 21.11.2025");
    ``credits`` are the outlet's collective sign-offs ("SF Team", see
    :func:`masthead.extract.bylines.byline_names`). A source note ("Source:
    RT") goes to the attributions.
    """
    found = _meta_of(line, credits)
    if found is None:
        return False
    names, when, source = found
    if names is not None:
        fields.add_authors(names)
        stamp = dates.find_date(line)
        fields.take_date(stamp.iso if stamp is not None else None)
    elif when is not None:
        fields.take_date(when)
    elif source is not None:
        fields.attributions.append(source)
    return True


def is_meta_line(line: str, *, credits: Iterable[str] = ()) -> bool:
    """Whether :func:`take_meta_line` would take ``line``, without taking it:
    for a plugin that asks each line once, keeps the answer, and takes only
    the lines it says yes to."""
    return _meta_of(line, credits) is not None


def _meta_of(line: str, credits: Iterable[str]) -> tuple[tuple[str, ...] | None, str | None, str | None] | None:
    """The byline's names, the date line's date or the source note's source
    ``line`` is, tried in that order (the first found is the answer, the
    others ``None``); ``None`` for a line that is none of them."""
    names = bylines.byline_names(line, credits=credits)
    if names is not None:
        return names, None, None
    when = bylines.date_line(line)
    if when is not None:
        return None, when, None
    source = bylines.source_note(line)
    return None if source is None else (None, None, source)
