"""The donation widget reader-funded outlets print around their articles.

Whatever an outlet's own appeal says, the widget under it looks the same
everywhere: a thermometer of amounts ("0 $", "2,500 $") with its month
("MARCH 2025") and labels ("Goal", "Collected", "One-time", "Monthly"),
payment buttons ("PayPal", "Donate now", "Bank card"), crypto-currency
names with their addresses ("MONERO (XMR): 4...", "BTC: bc1q..."). An
outlet adds :data:`LABELS` and :data:`PATTERNS` to its own donation
:class:`masthead.extract.boilerplate.Phrases` and asks
:func:`is_widget_line` for the rest.
"""

from __future__ import annotations

import re

from masthead.extract.boilerplate import Phrases

__all__ = ["LABELS", "PATTERNS", "WIDGETS", "is_wallet_line", "is_widget_line"]

_TICKERS = r"btc|bch|eth|ltc|xmr|usdt|usdc|doge|trx|ton|sol|bnb|dash|zec"
_COINS = r"bitcoin(?: cash)?|ethereum|eth|litecoin|monero|tether|dogecoin|tron|zcash"

#: Whole-line labels of the thermometer and the payment choices.
LABELS = (
    *("wallet", "one-time", "one time", "monthly", "once", "subscribe", "goal", "collected", "raised"),
    *("monero", "bitcoin", "bitcoin cash", "eth", "ethereum", "usdt", "litecoin", "crypto", "paypal"),
)
#: Patterns of folded widget lines.
PATTERNS = (
    # "BTC: ...", "USDT (TRC20): ...", "MONERO (XMR): ...", "ETH - 0x...".
    r"^(?:(?:" + _TICKERS + "|" + _COINS + r")(?:\s*\((?:erc|trc|bep)-?20\))?\s*[:\-=]"
    r"|[a-z][a-z ]{0,30}\((?:" + _TICKERS + r"|(?:erc|trc|bep)-?20)\)\s*:)",
    # The monthly thermometer: "0 $", "2,500 $", "$5,000"; its month label "MARCH 2025".
    # Each number is taken whole (the lookahead): a long run of digits is read once.
    r"^(?:(?:\$\s*\d[\d.,]*(?![\d.,])|\d[\d.,]*(?![\d.,])\s*(?:\$|usd|eur|€))\s*)+$",
    r"^(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+\d{4}$",
)
_WIDGET_WORDS = (
    *("donate", "donation", "donations", "paypal", "patreon", "bank card", "credit card", "crypto"),
    *("cryptocurrency", "cryptocurrencies", "pdf download", "download pdf", "fast support"),
)
#: Payment words leading a short line ("PayPal: ...", "Donate now").
WIDGETS = Phrases(
    "donation",
    exact=_WIDGET_WORDS,
    prefixes=tuple(w + sep for w in _WIDGET_WORDS for sep in (" ", ":", ",")),
    prefix_words=8,
)
_ADDRESS = (
    r"bc1[a-z0-9]{25,62}|0x[0-9a-fA-F]{40}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}"
    r"|T[1-9A-HJ-NP-Za-km-z]{33}|[48][0-9AB][1-9A-HJ-NP-Za-km-z]{93}"
)
_WALLET = re.compile(
    r"(?<![A-Za-z0-9])(?:" + _ADDRESS + r")(?![A-Za-z0-9])|(?<![A-Za-z0-9])(?:bitcoincash:)?q[a-z0-9]{41}(?![a-z0-9])"
)
#: A line that opens with an address: widgets glue the picture's alt text
#: (the title) to it ("bc1q...Title Of The Article").
_WALLET_START = re.compile(
    r"^(?:bc1[a-z0-9]{25,62}|0x[0-9a-fA-F]{40}|(?:bitcoincash:)?q[a-z0-9]{41}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}"
    r"|[48][0-9AB][1-9A-HJ-NP-Za-km-z]{93})"
)
#: A line holding an address anywhere is a wallet line up to this many words.
WALLET_WORDS = 6


def is_wallet_line(line: str) -> bool:
    """A crypto-currency address, alone or with a few words, or opening the line."""
    if _WALLET_START.match(line.strip()):
        return True
    # Words counted first, and only up to one too many: a paragraph is never
    # a wallet line, and searching it for an address costs more than that.
    return len(line.split(maxsplit=WALLET_WORDS)) <= WALLET_WORDS and _WALLET.search(line) is not None


def is_widget_line(line: str) -> bool:
    """A payment button or a wallet line (see the module docstring)."""
    return WIDGETS.matches(line) or is_wallet_line(line)
