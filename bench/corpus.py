"""Build the benchmark corpus: realistic news pages of several sizes, reproducibly.

Speed measured on toy pages says little, so the pages are built like real
ones. Each outlet page starts from one of that outlet's article fixtures
(``plugins/*/tests/fixtures/*.html``, the markup its plugin is written for),
gets its article text replaced, a new headline and URL in its head metadata
(title, canonical link, OpenGraph), and the furniture real pages carry
around an article: navigation menus, inline scripts and styles,
related-link lists, reader comments. One page in five is a generic news
page of an unknown site (for ``--fallback generic``) with OpenGraph,
``article:`` meta and JSON-LD in its head. Sizes vary from about 20 KB to
400 KB. The same ``--seed`` always builds the same corpus.

What keeps the corpus honest:

* Article text comes from reviewed article bodies only (the ``body`` of
  every expected record of ``corpus/`` and the plugins' fixtures), never
  from raw dumps, so no outlet's boilerplate reaches another site's page;
  paragraphs naming an outlet are left out. Each page's paragraphs are new
  combinations of those bodies' sentences, so pages do not repeat.
* A share of pages (:data:`NO_URL_SHARE`) loses every self-declared address
  (canonical link, ``og:url``, JSON-LD ``url``): routing then has to detect
  the outlet from the content, as for a page saved without its address.
* Real pages (``real=`` a folder of ``*.html`` or ``*.html.gz``, such as
  the ScrapingHub article-extraction benchmark's ``html/``) are mixed in
  as the generic share when given.

Text dumps go to a separate folder: the corpus seeds and the plugins' dump
fixtures, each copy with its headline, body paragraphs and reader comments
rewritten from the same sentence pool (the outlet's furniture is kept, as
real pages of an outlet repeat it), half of them with CRLF line ends.
"""

from __future__ import annotations

import functools
import gzip
import html
import json
import random
import re
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parents[1]
#: Fixture names that are listings or index pages, not articles.
_NOT_ARTICLE = re.compile(r"listing|index|category")
PER_FOLDER = 1000
SIZES = {  # paragraphs, navigation links, script kilobytes, comments
    "small": (4, 30, 8, 0),
    "medium": (12, 120, 40, 5),
    "large": (40, 300, 150, 30),
}
SIZE_WEIGHTS = {"small": 0.4, "medium": 0.45, "large": 0.15}
GENERIC_SHARE = 0.2
#: Share of pages that declare no address of their own, so routing must detect.
NO_URL_SHARE = 0.3
_WORDS = ["market", "sanctions", "ruble", "policy", "energy", "trade", "report", "minister", "growth", "export"]
#: Outlet names: a paragraph naming one is kept out of the text pool.
_OUTLETS = re.compile(r"moscow\s*times|south\s*front|econotimes|russia\s*briefing|dezan\s*shira", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")


def _expected_records() -> list[Path]:
    fixtures = sorted(ROOT.glob("plugins/*/tests/fixtures/**/*.expected.json"))
    return sorted(ROOT.glob("corpus/*.expected.json")) + fixtures


@functools.cache
def bodies() -> list[str]:
    """Paragraphs of reviewed article bodies (8 words or more), no outlet named."""
    found = []
    for record in _expected_records():
        for paragraph in json.loads(record.read_text(encoding="utf-8")).get("body") or ():
            if len(paragraph.split()) >= 8 and not _OUTLETS.search(paragraph):
                found.append(paragraph.strip())
    return sorted(set(found))


@functools.cache
def sentences() -> list[str]:
    return [s for p in bodies() for s in _SENTENCE_END.split(p) if len(s.split()) >= 4]


def paragraph(rng: random.Random) -> str:
    """A new paragraph: two to five sentences of the reviewed bodies."""
    return " ".join(rng.choices(sentences(), k=rng.randint(2, 5)))


def paragraphs_for(rng: random.Random, count: int) -> list[str]:
    return [paragraph(rng) for _ in range(count)]


@functools.cache
def headlines() -> list[str]:
    found = []
    for record in _expected_records():
        title = json.loads(record.read_text(encoding="utf-8")).get("title") or ""
        if 3 <= len(title.split()) <= 20 and not _OUTLETS.search(title):
            found.append(title.strip())
    return sorted(set(found)) or ["Markets steady as talks resume"]


def templates() -> list[tuple[str, str, str]]:
    """``(outlet, domain, html)`` of every article fixture that has a canonical URL."""
    found = []
    for fixture in sorted(ROOT.glob("plugins/*/tests/fixtures/*.html")):
        if _NOT_ARTICLE.search(fixture.name):
            continue
        text = fixture.read_text(encoding="utf-8", errors="replace")
        match = re.search(r'rel="canonical"\s+href="https?://([^/"]+)', text) or re.search(
            r'property="og:url"\s+content="https?://([^/"]+)', text
        )
        if match:
            found.append((fixture.parts[-4], match.group(1), text))
    return found


def _script(rng: random.Random, kilobytes: int) -> str:
    lines = []
    size = 0
    while size < kilobytes * 1024:
        name = rng.choice(_WORDS) + str(rng.randrange(1000))
        line = f"window.__cfg_{name} = {json.dumps({'id': rng.randrange(10**9), 'tags': rng.sample(_WORDS, 3)})};"
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)


def _furniture(rng: random.Random, links: int, kilobytes: int, comments: int, domain: str) -> str:
    """Menus, scripts, related links and comments around the article, as real pages have."""
    menu = "".join(
        f'<li><a href="https://{domain}/{rng.choice(_WORDS)}/{n}">{rng.choice(_WORDS).title()} {n}</a></li>'
        for n in range(links)
    )
    related = "".join(
        f'<li><a href="https://{domain}/news/{n}">{html.escape(rng.choice(headlines()))}</a></li>' for n in range(8)
    )
    thread = "".join(
        f'<div class="comment"><span class="author">reader{n}</span><p>{html.escape(text)}</p></div>'
        for n, text in enumerate(paragraphs_for(rng, comments))
    )
    half = max(1, kilobytes // 2)
    return (
        f'<nav class="site-menu"><ul>{menu}</ul></nav>'
        f'<aside class="related-posts"><h3>Related</h3><ul>{related}</ul></aside>'
        + (f'<section class="comments"><h3>Comments</h3>{thread}</section>' if comments else "")
        + f"<script>{_script(rng, half)}</script>"
        f"<style>{'.c1{margin:1px}' * (half * 64)}</style>"
        f'<footer class="site-footer"><ul>{menu[: len(menu) // 3]}</ul></footer>'
    )


def _drop_addresses(tree: lxml.html.HtmlElement) -> None:
    """Remove every address the page declares for itself (canonical, og:url, JSON-LD url)."""
    for link in list(tree.iter("link")):
        if "canonical" in (link.get("rel") or "").lower().split():
            link.drop_tree()
    for meta in list(tree.iter("meta")):
        if (meta.get("property") or meta.get("name") or "").lower() in ("og:url", "twitter:url"):
            meta.drop_tree()
    for script in tree.iter("script"):
        if script.get("type") == "application/ld+json" and script.text:
            try:
                data = json.loads(script.text)
            except ValueError:
                continue
            script.text = json.dumps(_without_urls(data))


def _without_urls(data: object) -> object:
    if isinstance(data, list):
        return [_without_urls(item) for item in data]
    if isinstance(data, dict):
        return {k: _without_urls(v) for k, v in data.items() if k not in ("url", "mainEntityOfPage", "@id")}
    return data


def outlet_page(
    rng: random.Random, template: tuple[str, str, str], number: int, size: str, *, with_url: bool = True
) -> str:
    _, domain, source = template
    count, links, kilobytes, comments = SIZES[size]
    tree = lxml.html.document_fromstring(source)
    body_holder = max(tree.iter(), key=lambda el: sum(1 for child in el if child.tag == "p"))
    old = [child for child in body_holder if child.tag == "p"]
    anchor = body_holder.index(old[0]) if old else len(body_holder)
    for child in old:
        body_holder.remove(child)
    for offset, text in enumerate(paragraphs_for(rng, count)):
        paragraph = lxml.html.Element("p")
        paragraph.text = text
        body_holder.insert(anchor + offset, paragraph)
    title = f"{rng.choice(headlines())} ({number})"
    url = f"https://www.{domain.removeprefix('www.')}/news/{number}-{rng.choice(_WORDS)}.html"
    for element in tree.iter("title", "h1"):
        element.text = title
    for meta in tree.iter("meta"):
        if meta.get("property") in ("og:title", "twitter:title"):
            meta.set("content", title)
        if meta.get("property") == "og:url":
            meta.set("content", url)
    for link in tree.iter("link"):
        if link.get("rel") == "canonical":
            link.set("href", url)
    if not with_url:
        _drop_addresses(tree)
    body = tree.find("body")
    if body is not None:
        furniture = _furniture(rng, links, kilobytes, comments, domain)
        body.append(lxml.html.fragment_fromstring(furniture, create_parent="div"))
    return "<!DOCTYPE html>\n" + lxml.html.tostring(tree, encoding="unicode")


def generic_page(rng: random.Random, number: int, size: str, *, with_url: bool = True) -> str:
    count, links, kilobytes, comments = SIZES[size]
    domain = f"news{number % 50}.example.org"
    title = f"{rng.choice(headlines())} ({number})"
    url = f"https://{domain}/{2020 + number % 5}/{number}.html"
    published = f"{2020 + number % 5}-0{1 + number % 9}-1{number % 10}T08:30:00+00:00"
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": published,
        "author": {"@type": "Person", "name": f"Reporter {number % 40}"},
    }
    if with_url:
        ld["url"] = url
    address = f'<link rel="canonical" href="{url}"><meta property="og:url" content="{url}">' if with_url else ""
    text = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs_for(rng, count))
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} | News {number % 50}</title>"
        f"{address}"
        f'<meta property="og:title" content="{html.escape(title)}">'
        f'<meta property="og:type" content="article">'
        f'<meta property="article:published_time" content="{published}">'
        f'<meta name="author" content="Reporter {number % 40}">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        f"<style>{'.x{color:red}' * 200}</style></head><body>"
        f'<header><a href="/">News {number % 50}</a></header>'
        f'<main><article><h1>{html.escape(title)}</h1><p class="byline">By Reporter {number % 40}</p>{text}'
        f"</article></main>{_furniture(rng, links, kilobytes, comments, domain)}</body></html>"
    )


@functools.cache
def dump_sources() -> list[tuple[str, dict[str, object] | None]]:
    """Every text dump the project has (the corpus seeds and the plugins' dump
    fixtures), each with its reviewed record where it has one."""
    found = sorted(ROOT.glob("corpus/*.txt")) + sorted(ROOT.glob("plugins/*/tests/fixtures/dumps/*.txt"))
    sources: list[tuple[str, dict[str, object] | None]] = []
    for path in found:
        expected = path.with_name(path.name.removesuffix(".txt") + ".expected.json")
        record = json.loads(expected.read_text(encoding="utf-8")) if expected.exists() else None
        sources.append((path.read_text(encoding="utf-8"), record))
    return sources


#: A line ending so is a finished sentence; one that does not is a subhead
#: (short) or a paragraph cut short by the dump (long).
_FINISHED = tuple(".!?…\"”’')]")
#: Lines shorter than this without a sentence's end are subheads: kept.
_SUBHEAD_CHARS = 80


def _key(line: str) -> str:
    """A line as records give it: spaces (no-break ones included) collapsed."""
    return " ".join(line.split())


@functools.cache
def outlet_headlines() -> dict[str, list[str]]:
    """Each outlet's reviewed headlines (its style: title or sentence case)."""
    found: dict[str, set[str]] = {}
    for record in _expected_records():
        data = json.loads(record.read_text(encoding="utf-8"))
        title = data.get("title") or ""
        if 3 <= len(title.split()) <= 20 and not _OUTLETS.search(title):
            found.setdefault(str(data.get("outlet")), set()).add(title.strip())
    return {outlet: sorted(titles) for outlet, titles in found.items()}


def _headline_like(rng: random.Random, pool: list[str]) -> str:
    """A new headline in the style of ``pool``: one of them with two of its
    words (not the first) swapped for words of the others, so that a run's
    headlines seldom repeat."""
    words = rng.choice(pool).split()
    others = [word for headline in pool for word in headline.split()[1:]]
    for index in rng.sample(range(1, len(words)), k=min(2, len(words) - 1)):
        words[index] = rng.choice(others)
    return " ".join(words)


def _paragraph_like(rng: random.Random, line: str) -> str:
    """New text for a body paragraph: as many sentences as it had; a
    paragraph the dump cut short stays cut, at about the same length."""
    count = max(1, len(_SENTENCE_END.split(line)))
    text = " ".join(rng.choices(sentences(), k=count))
    if line.endswith(_FINISHED):
        return text
    return text[: max(len(line), 40)].rstrip(" .!?…,;:")


def _rewrites(rng: random.Random, record: dict[str, object]) -> dict[str, str]:
    """New text for the lines of a dump that belong to its article, keyed by
    :func:`_key`: the headline (one of the same outlet's, so in its style),
    every body paragraph (:func:`_paragraph_like`; a subhead is kept) and
    every line of every reader comment. What is left is the outlet's
    furniture, which real pages of the outlet repeat too."""
    swaps: dict[str, str] = {}
    title = _key(str(record.get("title") or ""))
    if title:
        pool = outlet_headlines().get(str(record.get("outlet"))) or headlines()
        swaps[title] = _headline_like(rng, pool)
    for line in record.get("body") or ():
        key = _key(line) if isinstance(line, str) else ""
        if key and (key.endswith(_FINISHED) or len(key) >= _SUBHEAD_CHARS):
            swaps[key] = _paragraph_like(rng, key)
    for comment in record.get("comments") or ():
        text = comment.get("text") if isinstance(comment, dict) else None
        for part in text.split("\n") if isinstance(text, str) else ():
            if _key(part):
                swaps[_key(part)] = " ".join(rng.choices(sentences(), k=rng.randint(1, 3)))
    return swaps


def text_dump(rng: random.Random, number: int) -> str:
    """One of the project's dumps with its article's lines rewritten (see
    :func:`_rewrites`; a dump without a reviewed record, such as a listing,
    is kept as it is), half of them with CRLF line ends: the dumps of a run
    share their outlets' furniture but hardly ever a line of an article.
    The old headline is also replaced where a furniture line quotes it
    ("2 thoughts on “...”", a ticker entry, a caption)."""
    text, record = dump_sources()[number % len(dump_sources())]
    if record is not None:
        swaps = _rewrites(rng, record)
        title = _key(str(record.get("title") or ""))
        lines = text.split("\n")
        for index, line in enumerate(lines):
            key = _key(line)
            new = swaps.get(key)
            if new is None and len(title) >= 20 and title in key:
                new = key.replace(title, swaps[title])
            if new is not None:
                lines[index] = line[: len(line) - len(line.lstrip())] + new
        text = "\n".join(lines)
    return text if rng.random() < 0.5 else text.replace("\n", "\r\n")


def real_pages(folder: Path | None) -> list[str]:
    """The pages of ``folder`` (``*.html``, ``*.html.gz``), sorted by name."""
    if folder is None:
        return []
    found = []
    for path in sorted(folder.rglob("*.htm*")):
        data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
        found.append(data.decode("utf-8", errors="replace"))
    return found


def build(
    folder: Path,
    count: int,
    *,
    seed: int = 0,
    text_share: float = 0.0,
    dumps: int | None = None,
    real: Path | None = None,
) -> dict[str, int]:
    """Write ``count`` HTML pages to ``folder/html`` (and ``dumps``, or
    ``count * text_share``, text dumps to ``folder/text``); return how many
    of each size and kind.
    With ``real``, the generic share is taken from the real pages of that
    folder, in turn."""
    rng = random.Random(seed)
    outlets = templates()
    if not outlets:
        raise SystemExit("no article fixtures with a canonical URL under plugins/*/tests/fixtures")
    reals = real_pages(real)
    made: dict[str, int] = {}
    for number in range(count):
        size = rng.choices(list(SIZE_WEIGHTS), weights=list(SIZE_WEIGHTS.values()))[0]
        with_url = rng.random() >= NO_URL_SHARE
        if rng.random() < GENERIC_SHARE:
            if reals:
                page, kind = reals[number % len(reals)], "real"
            else:
                page, kind = generic_page(rng, number, size, with_url=with_url), "generic"
        else:
            template = rng.choice(outlets)
            page, kind = outlet_page(rng, template, number, size, with_url=with_url), template[0]
        if not with_url and kind != "real":
            made["no_url"] = made.get("no_url", 0) + 1
        target = folder / "html" / f"{number // PER_FOLDER:03d}" / f"{number:06d}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
        if kind != "real":
            made[size] = made.get(size, 0) + 1
        made[kind] = made.get(kind, 0) + 1
    for number in range(int(count * text_share) if dumps is None else dumps):
        target = folder / "text" / f"{number // PER_FOLDER:03d}" / f"{number:06d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text_dump(rng, number), encoding="utf-8")
    return made
