"""The detector's and splitter's shortcuts skip only lines that cannot count.

The detector reads only lines holding what its evidence must hold ("south"
for the site's name, "more" and "topic" for the marker, "click to see" for
the map link), and the splitter asks for donations only of boilerplate:
each shortcut rests on a necessary condition, checked here on the
fixtures' lines and on varied text.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from opinion_site_helpers import CORPUS, FIXTURES

from masthead.extract.text import fold
from masthead_opinion_site import boilerplate as bp
from masthead_opinion_site import detect, splitter


def _fixture_lines() -> list[str]:
    paths = [*sorted((FIXTURES / "dumps").glob("*.txt")), *sorted(Path(CORPUS).glob("*.txt"))]
    return sorted({line.strip() for path in paths for line in path.read_text(encoding="utf-8").splitlines()} - {""})


_PHRASES = (
    *("MORE ON THE TOPIC:", "More  on the topic: Syria", "more on the topics", "Support SouthFront", "SOUTH FRONT"),
    *("Written by Ann Lee exclusively for SouthFront", "Click to see full-size map", "click to see the full-size"),
    *("PayPal: southfront@list.ru", "patreon.com/southfront", "Do you like this content? Consider helping us!"),
    *(
        "SouthFront's work is impossible without your support.",
        "Support us",
        "Ｓｏｕｔｈ Ｆｒｏｎｔ",
        "ＭＯＲＥ ON THE TOPIC",
    ),
)
_LINES = st.one_of(
    st.sampled_from(_fixture_lines()),
    st.lists(st.one_of(st.sampled_from(_PHRASES), st.text(max_size=12)), min_size=1, max_size=4).map(" ".join),
)


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_evidence_lines_hold_what_the_detector_looks_for(line: str) -> None:
    key = fold(line)
    if bp.marker_rest(line) is not None:
        assert key.startswith(detect._MARKER_FIRST) and detect._MARKER_LAST in key
    if detect._is_button(key) or detect._is_appeal(line, key) or detect._is_own_byline(key):
        assert detect._SOUTH in key
    if any(name in key for name in detect._NAMES):
        assert detect._SOUTH in key
    if bp.is_full_size_helper_folded(key):
        assert detect._HELPER_WORDS in key


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_a_donation_line_is_boilerplate(line: str) -> None:
    assert splitter._is_donation(line) is bp.is_donation(line)
