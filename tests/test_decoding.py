"""How page bytes become text when they are not clean UTF-8."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from masthead.errors import InputError
from masthead.extract.document import _CONTROL_CHARS, _checked, _control_bytes, decode

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
RUSSIAN = "Президент заявил, что переговоры продолжатся на следующей неделе в Москве.\n" * 20
#: The legacy candidates decode() may answer with (besides a declared charset).
ALLOWED = {
    codecs.lookup(n).name for n in ("cp1252", "cp1251", "koi8-r", "iso-8859-2", "iso-8859-5", "iso-8859-15", "latin-1")
}


def _with_byte(data: bytes, byte: bytes) -> bytes:
    middle = len(data) // 2
    while middle < len(data) and data[middle] >= 0x80:  # not inside a character
        middle += 1
    return data[:middle] + byte + data[middle:]


@pytest.mark.parametrize("byte", [b"\x81", b"\xff"])
def test_one_bad_byte_in_an_english_utf8_page_keeps_it_utf8(byte: bytes) -> None:
    data = (CORPUS / "000_e8f30686367901c1.txt").read_bytes()
    text, encoding = decode(_with_byte(data, byte))
    assert encoding == "utf-8"
    # the bad byte is kept as U+FFFD, everything else is exactly the page
    assert text.count("\ufffd") == 1 and text.replace("\ufffd", "") == data.decode("utf-8")


def test_one_bad_byte_in_a_russian_utf8_page_keeps_it_utf8() -> None:
    text, encoding = decode(_with_byte(RUSSIAN.encode(), b"\xff"))
    assert encoding == "utf-8" and text.replace("\ufffd", "") == RUSSIAN


def test_a_legacy_page_is_not_taken_for_damaged_utf8() -> None:
    # one accented letter among ASCII: a lone high byte, not a UTF-8 sequence
    text, encoding = decode(("Plain words. " * 200 + "Café.").encode("latin-1"))
    assert text.endswith("Café.") and encoding != "utf-8"


def test_heavily_damaged_bytes_get_an_allowed_legacy_encoding_not_an_exotic_one() -> None:
    data = (CORPUS / "000_e8f30686367901c1.txt").read_bytes()
    damaged = b"".join(data[i : i + 100] + b"\x81" for i in range(0, len(data), 100))  # 1%: not "mostly UTF-8"
    assert decode(damaged)[1] in ALLOWED
    assert decode("abc \u2019 def".encode() + b"\x81\x81")[1] in ALLOWED
    assert decode("Привет мир".encode("koi8-r"))[1] in ALLOWED


def test_legacy_russian_encodings_still_decode() -> None:
    for codec in ("cp1251", "koi8-r", "iso-8859-5"):
        text, encoding = decode(RUSSIAN.encode(codec))
        assert text == RUSSIAN and encoding == codecs.lookup(codec).name


def test_a_declared_charset_outside_the_allow_list_is_still_used() -> None:
    text, encoding = decode("Zażółć gęślą jaźń.".encode("cp1250"), declared="windows-1250")
    assert (text, encoding) == ("Zażółć gęślą jaźń.", "cp1250")


def _outcome(call: Callable[[], str]) -> str:
    try:
        return call()
    except InputError as exc:
        return f"InputError {exc.reason}: {exc}"


@given(
    st.text(
        alphabet=st.one_of(
            # Any character but a surrogate: a UTF-8 page decodes to none.
            st.sampled_from("\x00\x01\x08\t\n\x0b\x0c\r\x0e\x1f\x7f a\u00e9\u2019\U0001f600"),
            st.characters(blacklist_categories=["Cs"]),
        ),
        max_size=300,
    )
)
def test_control_characters_counted_on_the_bytes_as_on_the_text(text: str) -> None:
    """A UTF-8 page's control characters are counted on its bytes; the
    plain rule counts them on the decoded text: the same verdict and text."""
    data = text.encode("utf-8")
    assert _control_bytes(data) == len(_CONTROL_CHARS.findall(text, 0, 65536))
    assert _outcome(lambda: _checked(text, _control_bytes(data))) == _outcome(lambda: _checked(text))
