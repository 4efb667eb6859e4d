"""The records masthead produces: :class:`Article` and its parts.

Models are frozen attrs classes with validators at the boundary, so an invalid
record cannot exist in memory, let alone reach a sink. They do no I/O; turning
them into JSON lives in :mod:`masthead.serialize`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import attrs
from attrs import validators as v

from masthead.extract.dates import parse_date
from masthead.extract.urls import url_problem

#: Version of the JSONL record layout. Bumped whenever a field is added,
#: removed or changes meaning; the JSON Schema carries the same number.
SCHEMA_VERSION = "1.1"

_ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


#: A UTF-16 surrogate code point: never valid on its own in UTF-8 output.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: Longest ``error`` and ``input`` a rejection keeps: a record explains, it
#: does not carry the bad data (a 256 MiB header line stays out of the file).
MAX_REJECTION_ERROR = 2000
MAX_REJECTION_INPUT = 4096


def clean_text(value: str) -> str:
    """``value`` with every surrogate code point replaced by U+FFFD.

    A surrogate reaches a string from an escape like ``"\\udc00"`` in a
    page's JSON-LD or a JSONL input, or from a plugin; it cannot be written
    as UTF-8, so one left in a record would fail the whole run at write
    time. Every string of a record passes here when the record is built.
    """
    # An ASCII string (known without a scan) holds no surrogate: most of a
    # record's strings are spared the search, and the rest are searched only
    # when they hold one.
    return value if type(value) is str and not _holds_surrogate(value) else _SURROGATE.sub("\ufffd", value)


def _holds_surrogate(value: str) -> bool:
    """Whether ``value`` holds a surrogate code point.

    Surrogates are the only code points UTF-8 cannot encode, so encoding
    the string tells: a C pass that takes a quarter of the time a search
    for them takes on a paragraph with curly quotes.
    """
    if value.isascii():
        return False
    try:
        value.encode()
    except UnicodeEncodeError:
        return True
    return False


def escape_path(value: str) -> str:
    """A file name as the OS gave it, in text that can be written anywhere.

    Python holds the bytes of a name that are not UTF-8 as surrogate escapes
    (``bad\\xff.txt`` reads as ``"bad\\udcff.txt"``); each becomes the
    visible escape ``\\xff``, other surrogates ``\\uXXXX``, so the name still
    says which file it was.
    """
    return value if type(value) is str and not _holds_surrogate(value) else _SURROGATE.sub(_escape_surrogate, value)


def _escape_surrogate(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def clip(value: str, limit: int) -> str:
    """``value`` cut to at most ``limit`` characters, saying how much was cut."""
    if len(value) <= limit:
        return value
    keep = max(limit - 40, 0)
    return f"{value[:keep]}... [{len(value) - keep} more characters]"


def _require_str(value: object, expected: str) -> str:
    if isinstance(value, str):
        return value
    raise TypeError(f"expected {expected}, got {type(value).__name__} {value!r}")


def _text(value: str) -> str:
    return clean_text(_require_str(value, "a string"))


def _strip(value: str | None) -> str | None:
    """Empty or blank strings become ``None``: unknown is null, never ``""``."""
    if value is None:
        return None
    return clean_text(_require_str(value, "a string or None")).strip() or None


def _stripped(value: str) -> str:
    return _text(value).strip()


def _optional_text(value: str | None) -> str | None:
    return None if value is None else _text(value)


def _path(value: str) -> str:
    return escape_path(_require_str(value, "a string"))


def _rejection_input(value: str) -> str:
    return clip(_path(value), MAX_REJECTION_INPUT)


def _rejection_error(value: str) -> str:
    return clip(_text(value), MAX_REJECTION_ERROR)


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
    kept = []
    for item in as_tuple(values):
        if not isinstance(item, str):
            raise TypeError(f"expected strings, got {type(item).__name__} {item!r}")
        # One loop, one strip per item, and clean_text's ASCII test inline:
        # every list of every record passes here, the body twice. Stripping
        # before cleaning is the same as after (a surrogate and U+FFFD are
        # no whitespace).
        text = item.strip()
        if text:
            kept.append(text if type(text) is str and text.isascii() else clean_text(text))
    return tuple(kept)


@functools.lru_cache(maxsize=1024)
def _real_moment(value: str, pattern: re.Pattern[str]) -> bool:
    """Whether ``value`` matches ``pattern`` and names a real moment: no 13th
    month, no 25th hour. Kept for the strings last asked: every record of a
    run's second carries the same ``extracted_at``, and a comment's date is
    checked when it is made and again with its article."""
    return bool(pattern.match(value) and parse_date(value))


def _iso_8601(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """ISO 8601 or null, and a real moment: no 13th month, no 25th hour."""
    if value is not None and not (isinstance(value, str) and _real_moment(value, _ISO_8601)):
        raise ValueError(f"{attribute.name} must be ISO 8601 or null, got {value!r}")


#: What a record's ``published`` may be: a date, or a time with its offset.
_DATE_OR_AWARE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:?\d{2}))?$")


def _check_published(name: str, value: str | None) -> None:
    """A date (``YYYY-MM-DD``) or a timestamp with a UTC offset, or null:
    never a naive time, which no reader can place on the time line."""
    if value is not None and not (isinstance(value, str) and _real_moment(value, _DATE_OR_AWARE)):
        raise ValueError(f"{name} must be an ISO 8601 date (YYYY-MM-DD) or timestamp with a UTC offset, got {value!r}")


def _date_or_aware(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    _check_published(attribute.name, value)


def _comment_dates(_inst: object, attribute: attrs.Attribute[Any], value: tuple[Comment, ...]) -> None:
    for index, comment in enumerate(value):
        _check_published(f"{attribute.name}[{index}].published", comment.published)


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


def sound_related(related: Iterable[Related]) -> tuple[list[Related], list[str]]:
    """``related`` with every unusable URL dropped (the title kept), and a
    ``related_url_dropped`` warning for each: one bad link in a page costs
    that link, not the article."""
    kept: list[Related] = []
    warnings: list[str] = []
    for item in related:
        problem = url_problem(item.url) if isinstance(item, Related) and item.url else None
        if problem:
            warnings.append(f"related_url_dropped: {clip(repr(item.url), 200)} ({problem})")
            item = attrs.evolve(item, url=None)
        kept.append(item)
    return kept, warnings


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

    input: str = attrs.field(converter=_path, validator=v.min_len(1))
    sha256: str = attrs.field(validator=v.matches_re(r"^[0-9a-f]{64}$"))
    plugin: str = attrs.field(converter=_text, validator=v.min_len(1))
    plugin_version: str = attrs.field(converter=_text, validator=v.instance_of(str))
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
    published: str | None = attrs.field(default=None, converter=_strip, validator=_date_or_aware)
    body: tuple[str, ...] = attrs.field(factory=tuple, converter=_clean_strings)
    captions: tuple[str, ...] = attrs.field(factory=tuple, converter=_clean_strings)
    related: tuple[Related, ...] = attrs.field(
        factory=tuple, converter=as_tuple, validator=v.deep_iterable(v.instance_of(Related))
    )
    comments: tuple[Comment, ...] = attrs.field(
        factory=tuple,
        converter=as_tuple,
        validator=[v.deep_iterable(v.instance_of(Comment)), _replies_point_back, _comment_dates],
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

    input: str = attrs.field(converter=_rejection_input)
    stage: str = attrs.field(validator=v.in_(("read", "decode", "route", "parse", "validate", "process")))
    reason: str = attrs.field(validator=v.matches_re(r"^[a-z][a-z0-9_]*$"))
    error: str = attrs.field(converter=_rejection_error)
    plugin: str | None = attrs.field(default=None, converter=_optional_text)
    sha256: str | None = None
