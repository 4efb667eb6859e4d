"""The donation widget of reader-funded outlets: buttons, thermometer, wallets."""

from __future__ import annotations

import pytest

from masthead.extract import donations
from masthead.extract.boilerplate import Phrases

#: Widget lines (True) and article sentences that only mention money (False).
LINES = {
    "PayPal: editor@example.org": True,
    "Donate now": True,
    "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh": True,
    "ETH: 0x32Be343B94f860124dC4fEe278FDCBD38C102D88": True,
    "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlhGlued Title Of The Article": True,
    "Donations to the fund rose sharply in March, the charity said in its annual report.": False,
    "The ministry paid 0x32 in an old hexadecimal joke.": False,
    "Bitcoin fell below its March low as traders sold.": False,
}


@pytest.mark.parametrize("line", LINES)
def test_widget_lines_and_sentences(line: str) -> None:
    assert donations.is_widget_line(line) is LINES[line]


def test_an_address_in_a_long_sentence_is_kept() -> None:
    address = "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"
    assert donations.is_wallet_line(f"Send to {address}")
    assert not donations.is_wallet_line(f"Investigators traced the payments to the wallet {address} last year.")


@pytest.mark.parametrize("line", ["0 $", "2,500 $", "$5,000", "MARCH 2025", "MONERO (XMR): 4Ab", "USDT (TRC20): T9x"])
def test_labels_and_patterns_join_an_outlets_phrases(line: str) -> None:
    family = Phrases("donation", exact=donations.LABELS, patterns=donations.PATTERNS)
    assert family.matches(line)
    assert not family.matches("In March 2025 the talks resumed in Istanbul.")
