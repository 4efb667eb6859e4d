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

__all__ = ["Fields", "take_meta_line"]


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
    names = bylines.byline_names(line, credits=credits)
    if names is not None:
        fields.add_authors(names)
        found = dates.find_date(line)
        fields.take_date(found.iso if found is not None else None)
        return True
    when = bylines.date_line(line)
    if when is not None:
        fields.take_date(when)
        return True
    source = bylines.source_note(line)
    if source is not None:
        fields.attributions.append(source)
    return source is not None
