"""Wire credits: the agencies a careful reader would list, and no others."""

from __future__ import annotations

import pytest

from masthead.extract.agencies import AGENCIES, Agency, agency_named, credited_agencies


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The talks will resume next week, as reported by TASS.", ("TASS",)),
        ("Reuters reported that the deal was close.", ("Reuters",)),
        ("Sales fell 4%, according to Bloomberg.", ("Bloomberg",)),
        ("WASHINGTON (AP) — The Senate passed the bill.", ("AP",)),
        ("The death toll rose to 12, AFP said.", ("AFP",)),
        ("The ministry said exports rose, Xinhua News Agency reported.", ("Xinhua",)),
        ("A spokesman told Interfax the plant was shut.", ("Interfax",)),
        ("RIA Novosti cited a source in the ministry.", ("RIA Novosti",)),
        ("The launch was detected at dawn, Yonhap said.", ("Yonhap",)),
        ("Kyodo News said the cabinet would approve it.", ("Kyodo",)),
        ("The company is in talks, Dow Jones reported.", ("Dow Jones",)),
        ("The figures were published by Dow Jones Newswires.", ("Dow Jones",)),
        ("The strike hit a depot, state news agency Sputnik said.", ("Sputnik",)),
        ("Most economists polled by Reuters expect a cut.", ("Reuters",)),
        ("The envoy said in a statement to Reuters that talks went well.", ("Reuters",)),
        ("The report, first published by ITAR-TASS, was denied.", ("TASS",)),
        ("He told the Associated Press he would run.", ("AP",)),
        ("SEOUL, Feb 10 (Reuters) - South Korea's exports rose.", ("Reuters",)),
        ("Exports rose, per Reuters.", ("Reuters",)),
        ("Sources told Bloomberg News the deal was close.", ("Bloomberg",)),
        ("Reuters' calculations show a 4% drop.", ("Reuters",)),
        ("A Reuters/Ipsos poll showed support slipping.", ("Reuters",)),
        ("Bloomberg, citing people familiar with the matter, said the talks stalled.", ("Bloomberg",)),
        ("Taiwan's Central News Agency said two ships were spotted.", ("CNA",)),
        ("The Saudi Press Agency reported the meeting.", ("SPA",)),
        ("Palestinian news agency WAFA said three people were killed.", ("WAFA",)),
        ("Iran's Tasnim news agency reported the launch.", ("Tasnim",)),
        ("The semi-official Fars news agency said.", ("Fars",)),
        ("Agence France-Presse reported the blast.", ("AFP",)),
        ("Russia's RIA news agency quoted him as saying.", ("RIA Novosti",)),
        ("The AP's count showed 12 dead.", ("AP",)),
        ("He said the Sputnik V vaccine works, Reuters reported.", ("Reuters",)),
    ],
)
def test_credits_are_found(sentence: str, expected: tuple[str, ...]) -> None:
    assert credited_agencies([sentence]) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Thomson Reuters reported higher quarterly revenue on Tuesday.",
        "Former mayor Michael Bloomberg said he would donate $1 billion.",
        "The Dow Jones Industrial Average rose 1.2% on Friday.",
        "The Dow Jones index closed at a record.",
        "Hungary approved the Sputnik V vaccine in January.",
        "PTI said in a statement that the rally would go ahead.",
        "Reuters is a news agency based in London and employs thousands.",
        "The AP Stylebook changed its rules on hyphens.",
        "Bloomberg Philanthropies said it would fund the program.",
        "The Australian Federal Police (AFP) said the man was charged.",
        "The AFP said it had arrested a man in Sydney.",
        "Police in Andhra Pradesh (AP) arrested two men.",
        "Registered investment advisers (RIA) must file forms.",
        "AP Moller-Maersk said shipping rates fell.",
        "According to Bloomberg Philanthropies, the grant is $50 million.",
        "The Reuters Institute for the Study of Journalism said trust fell.",
        "A former Reuters journalist said the book is out.",
        "Bloomberg LP said it would cut jobs.",
        "Fars province was hit by floods.",
    ],
)
def test_non_credits_are_ignored(sentence: str) -> None:
    assert credited_agencies([sentence]) == ()


def test_order_of_first_mention_and_dedup() -> None:
    paragraphs = [
        "Officials confirmed the plan, Xinhua reported.",
        "Reuters reported later that talks had stalled, as reported by TASS earlier.",
        "Xinhua and Reuters both reported the outcome; TASS said little.",
    ]
    assert credited_agencies(paragraphs) == ("Xinhua", "Reuters", "TASS")


def test_empty_input() -> None:
    assert credited_agencies([]) == ()


def test_kcna_is_not_taiwans_central_news_agency() -> None:
    assert credited_agencies(["The Korean Central News Agency said the test succeeded."]) == ("KCNA",)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Reuters", "Reuters"),
        ("Reuters Staff", "Reuters"),
        ("Bloomberg News", "Bloomberg"),
        ("Xinhua", "Xinhua"),
        ("Associated Press", "AP"),
        ("Jane Doe", None),
        ("Michael Bloomberg", None),
    ],
)
def test_agency_named_in_a_byline(name: str, expected: str | None) -> None:
    assert agency_named(name) == expected


#: Every spelling of a mention the patterns accept, line breaks inside
#: included, with the literal keyword ("Dow Jones") only further on.
_SPELLINGS = (
    *("ITAR-TASS", "Tass", "(Reuters)", "Reuters\nNews", "(Bloomberg)", "Bloomberg\nNews", "Associated\nPress", "AP"),
    *("Agence\nFrance-Presse", "AFP", "Xinhua", "Interfax", "RIA-Novosti", "RIA", "Yonhap", "Kyodo", "Jiji\nPress"),
    *("Dow\nJones Newswires", "Dow\nJones", "Sputnik", "Anadolu", "Bernama", "KCNA", "Korean\nCentral News Agency"),
    *("Central\nNews Agency", "Saudi\nPress Agency", "SPA", "Emirates\nNews Agency", "WAM", "WAFA", "IRNA", "Tasnim"),
    *("Fars\nnews agency", "Fars", "Ukrinform", "UNIAN", "EFE", "ANSA", "Deutsche\nPresse-Agentur", "dpa"),
    *("Press\nTrust of India", "PTI", "Asian\nNews International", "ANI", "Antara"),
)


@pytest.mark.parametrize("agency", AGENCIES, ids=lambda agency: agency.name)
def test_no_mention_starts_before_search_from(agency: Agency) -> None:
    """credited_agencies starts each agency's patterns at ``search_from``: no
    spelling they match may start earlier, whatever follows."""
    tail = " ".join((*agency.keywords, agency.name))
    for spelling in _SPELLINGS:
        text = f"Earlier on, officials said so. {spelling} said it. {tail}"
        start = agency.search_from(text)
        for pattern in (agency.free, agency.contextual):
            first = pattern.search(text) if pattern is not None else None
            assert first is None or first.start() >= start, (spelling, first)


def test_a_text_naming_no_agency_credits_none() -> None:
    assert credited_agencies(["Officials said so on Monday.", "The talks go on."]) == ()
