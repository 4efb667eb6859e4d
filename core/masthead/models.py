"""The records masthead produces: :class:`Article` and its parts.

Models are frozen attrs classes with validators at the boundary, so an invalid
record cannot exist in memory, let alone reach a sink. They do no I/O; turning
them into JSON lives in :mod:`masthead.serialize`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs
from attrs import validators as v

from masthead.extract.dates import parse_date

#: Version of the JSONL record layout. Bumped whenever a field is added,
#: removed or changes meaning; the JSON Schema carries the same number.
SCHEMA_VERSION = "1.0"

_ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


def _require_str(value: object, expected: str) -> str:
    if isinstance(value, str):
        return value
    raise TypeError(f"expected {expected}, got {type(value).__name__} {value!r}")


def _strip(value: str | None) -> str | None:
    """Empty or blank strings become ``None``: unknown is null, never ``""``."""
    if value is None:
        return None
    return _require_str(value, "a string or None").strip() or None


def _stripped(value: str) -> str:
    return _require_str(value, "a string").strip()


def as_tuple(values: Iterable[Any] | None) -> tuple[Any, ...]:
    """A list field's value as a tuple; ``None`` is empty.

    A lone string (or bytes) is refused rather than split into characters:
    ``authors="Ann Lee"`` is a mistake for ``authors=["Ann Lee"]``.
    """
    if values is None:
        return ()
    if isinstance(values, (str, bytes)):
        raise TypeError(f"expected a list, got the {type(values).__name__} {values!r}")
    return tuple(values)


def _clean_strings(values: Any) -> tuple[str, ...]:
    """Drop blank entries and surrounding whitespace from a list of strings."""
    values = as_tuple(values)
    for item in values:
        if not isinstance(item, str):
            raise TypeError(f"expected strings, got {type(item).__name__} {item!r}")
    return tuple(s.strip() for s in values if s.strip())


def _iso_8601(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """ISO 8601 or null, and a real moment: no 13th month, no 25th hour."""
    if value is not None and not (_ISO_8601.match(value) and parse_date(value)):
        raise ValueError(f"{attribute.name} must be ISO 8601 or null, got {value!r}")


def _iso_8601_required(inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        raise TypeError(f"{attribute.name} must be an ISO 8601 string, got None")
    _iso_8601(inst, attribute, value)


def _not_bool(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be an index, got {value!r}")


def _replies_point_back(_inst: object, attribute: attrs.Attribute[Any], value: tuple[Comment, ...]) -> None:
    for index, comment in enumerate(value):
        if comment.parent is not None and comment.parent >= index:
            raise ValueError(f"{attribute.name}[{index}].parent must point at an earlier comment, got {comment.parent}")


_opt_str = v.optional(v.instance_of(str))


@attrs.define(frozen=True)
class Related:
    """A link the page recommends next to the article ("Related Reading")."""

    title: str = attrs.field(converter=_stripped, validator=v.min_len(1))
    url: str | None = attrs.field(default=None, converter=_strip, validator=_opt_str)


@attrs.define(frozen=True)
class Comment:
    """One reader comment. Replies are flattened; ``parent`` points at the
    index of the comment replied to when the page shows threading."""

    text: str = attrs.field(converter=_stripped)
    author: str | None = attrs.field(default=None, converter=_strip, validator=_opt_str)
    published: str | None = attrs.field(default=None, converter=_strip, validator=_iso_8601)
    parent: int | None = attrs.field(default=None, validator=v.optional(v.and_(_not_bool, v.instance_of(int), v.ge(0))))


@attrs.define(frozen=True)
class Provenance:
    """Where a record came from, so every line can be traced back and redone."""

    input: str = attrs.field(validator=v.min_len(1))
    sha256: str = attrs.field(validator=v.matches_re(r"^[0-9a-f]{64}$"))
    plugin: str = attrs.field(validator=v.min_len(1))
    plugin_version: str = attrs.field(validator=v.instance_of(str))
    extracted_at: str = attrs.field(validator=_iso_8601_required)
    layout: str | None = attrs.field(default=None, converter=_strip, validator=_opt_str)


@attrs.define(frozen=True, kw_only=True)
class Article:
    """One clean article: the line masthead writes for every ingested page.

    Unknown values are ``None`` or empty; a source plugin never invents them.
    ``body`` holds only the article's own paragraphs: captions, related links,
    comments and credited wire agencies each have their own field.
    """

    id: str = attrs.field(validator=v.matches_re(r"^[0-9a-f]{16}$"))
    outlet: str = attrs.field(validator=v.matches_re(r"^[a-z][a-z0-9_]*$"))
    url: str | None = attrs.field(default=None, converter=_strip, validator=_opt_str)
    title: str | None = attrs.field(default=None, converter=_strip, validator=_opt_str)
    subtitle: str | None = attrs.field(default=None, converter=_strip, validator=_opt_str)
    authors: tuple[str, ...] = attrs.field(factory=tuple, converter=_clean_strings)
    published: str | None = attrs.field(default=None, converter=_strip, validator=_iso_8601)
    body: tuple[str, ...] = attrs.field(factory=tuple, converter=_clean_strings)
    captions: tuple[str, ...] = attrs.field(factory=tuple, converter=_clean_strings)
    related: tuple[Related, ...] = attrs.field(
        factory=tuple, converter=as_tuple, validator=v.deep_iterable(v.instance_of(Related))
    )
    comments: tuple[Comment, ...] = attrs.field(
        factory=tuple,
        converter=as_tuple,
        validator=[v.deep_iterable(v.instance_of(Comment)), _replies_point_back],
    )
    attributions: tuple[str, ...] = attrs.field(factory=tuple, converter=_clean_strings)
    language: str | None = attrs.field(
        default=None, converter=_strip, validator=v.optional(v.matches_re(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"))
    )
    provenance: Provenance = attrs.field(validator=v.instance_of(Provenance))
    warnings: tuple[str, ...] = attrs.field(factory=tuple, converter=_clean_strings)
    schema_version: str = attrs.field(default=SCHEMA_VERSION, validator=v.in_([SCHEMA_VERSION]))


@attrs.define(frozen=True, kw_only=True)
class Rejection:
    """Why one input did not become an :class:`Article`.

    Written to the rejects sink so that every input is accounted for:
    ``ingested + rejected == read`` holds for every run.
    """

    input: str
    stage: str = attrs.field(validator=v.in_(("read", "decode", "route", "parse", "validate", "process")))
    reason: str = attrs.field(validator=v.matches_re(r"^[a-z][a-z0-9_]*$"))
    error: str
    plugin: str | None = None
    sha256: str | None = None
