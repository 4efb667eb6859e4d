"""A consent banner dumped with the page is no part of any outlet's article."""

from __future__ import annotations

from pathlib import Path

import pytest

from masthead import Article
from masthead.extract.boilerplate import COOKIE_NOTICES
from masthead.testing import document, ingest

SEEDS = Path(__file__).resolve().parents[1] / "corpus"
BANNER = [
    "This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out.",
    "Accept all cookies",
    "Cookie settings",
]


def test_the_banners_sentences_and_buttons_are_told_and_prose_is_not() -> None:
    assert all(COOKIE_NOTICES.matches(line) for line in BANNER)
    assert COOKIE_NOTICES.matches("We use cookies to give you the best experience on our website.")
    assert not COOKIE_NOTICES.matches("The ministry said it would accept the proposal.")
    assert not COOKIE_NOTICES.matches("Okay, the minister said, we will see.")
    # A poll's options and an interview's answers are the article's.
    assert not any(COOKIE_NOTICES.matches(line) for line in ("Agree", "Accept", "Reject.", "Ok", "Okay.", "Decline"))
    # A story on privacy may open so.
    assert not COOKIE_NOTICES.matches("We use cookies, says the banner on every Russian website since the law.")
    assert not COOKIE_NOTICES.matches("By continuing to use this loophole, the firm saved millions.")


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("0*.txt")), ids=lambda path: path.stem)
@pytest.mark.parametrize("where", ["top", "bottom"])
def test_a_banner_above_or_below_a_seed_changes_no_field(seed: Path, where: str) -> None:
    text = seed.read_text(encoding="utf-8")
    banner = "\n\n".join(BANNER)
    varied = f"{banner}\n\n{text}" if where == "top" else f"{text.rstrip()}\n\n{banner}\n"
    before, after = ingest(document(text, uri=seed.name)), ingest(document(varied, uri=seed.name))
    assert isinstance(before, Article) and isinstance(after, Article), (before, after)
    assert (after.outlet, after.title, after.subtitle, after.body) == (
        before.outlet,
        before.title,
        before.subtitle,
        before.body,
    )
