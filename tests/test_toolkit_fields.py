"""Article fields collected line by line, then a Draft."""

from __future__ import annotations

from masthead import Related
from masthead.extract.fields import Fields


def test_repeats_merge_and_the_first_date_wins() -> None:
    fields = Fields(title="A Title")
    fields.add_authors(["Anna Smith", "ANNA SMITH", "John Doe"])
    fields.add_authors(["John Doe"])
    fields.take_date("2025-04-07")
    fields.take_date("2025-04-09")
    fields.take_date(None)
    fields.captions += ["Photo: X", "Photo: X"]
    fields.related.append(Related("Next"))
    draft = fields.draft(url="https://example.org/a", language="en")
    assert draft.authors == ("Anna Smith", "John Doe")
    assert draft.published == "2025-04-07"
    assert draft.captions == ("Photo: X",)
    assert draft.title == "A Title"
    assert draft.url == "https://example.org/a"
    assert draft.related == (Related("Next"),)
