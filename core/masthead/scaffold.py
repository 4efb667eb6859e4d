"""``masthead new-plugin``: a complete, installable source plugin package.

The generated package is what the plugin author's guide describes: a
pyproject with the entry point, a source with ``detect``/``parse`` stubs that
say clearly they are not written yet, placeholder fixtures of every kind the
tests read (a text dump, an HTML page, a page that is no article), tests that
use masthead's test kit, a README and a ``.gitignore``. It installs and is
listed at once; until the parser and the golden files are written, each
failing test names the author's next step.
"""

from __future__ import annotations

import json
import re
import unicodedata
from importlib.metadata import entry_points
from importlib.resources import files
from pathlib import Path
from string import Template

from masthead import __version__
from masthead.manager import BUILTIN_MODULES, DOMAIN, ENTRY_POINT_GROUP

#: Names of the built-in plugins; a new plugin cannot take one.
RESERVED = tuple(module.rsplit(".", 1)[-1] for module in BUILTIN_MODULES)
#: A plugin key: snake_case words, so that ``masthead-<key with dashes>`` is a
#: valid distribution name (no leading, trailing or doubled separators).
PLUGIN_KEY = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")

#: template file -> path in the new package ({package} and {key} filled in).
_LAYOUT = {
    "pyproject.toml.tmpl": "pyproject.toml",
    "README.md.tmpl": "README.md",
    "__init__.py.tmpl": "src/{package}/__init__.py",
    "test_plugin.py.tmpl": "tests/test_{key}.py",
    "gitignore.tmpl": ".gitignore",
    "example.txt.tmpl": "tests/fixtures/example.txt",
    "example-page.html.tmpl": "tests/fixtures/example-page.html",
    "section-front.html.tmpl": "tests/fixtures/not_articles/section-front.html",
}


def taken_names() -> dict[str, str]:
    """Plugin names a new plugin cannot take, each with who holds it: the
    built-ins and every installed plugin (masthead's own included). A second
    plugin of the same name would replace or be refused beside the first."""
    names = dict.fromkeys(RESERVED, "a built-in plugin")
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        dist = ep.dist.metadata["Name"] if ep.dist else "an unknown distribution"
        names.setdefault(ep.name, f"the installed plugin of {dist}")
    return names


def create_plugin(key: str, directory: Path, *, title: str | None = None, domain: str | None = None) -> list[Path]:
    """Write a new plugin package for outlet ``key`` into ``directory``.

    Raises ``ValueError`` for a key that is not snake_case words or is the
    name of a built-in or installed plugin (:func:`taken_names`), a domain
    that is not a lower-case host name, or a title with control characters;
    ``FileExistsError`` if ``directory`` exists and is not empty.
    """
    if not PLUGIN_KEY.match(key):
        raise ValueError(
            f"plugin name must be snake_case words like 'daily_planet' (no leading, trailing or double '_'), "
            f"got {key!r}"
        )
    holder = taken_names().get(key)
    if holder is not None:
        raise ValueError(f"{key!r} is already taken by {holder}; choose another name")
    domain = domain or f"{key.replace('_', '')}.example"
    if not DOMAIN.match(domain):
        raise ValueError(
            f"domain must be a lower-case host name like 'dailyplanet.com' (no scheme, path or port), got {domain!r}"
        )
    title = title or key.replace("_", " ").title()
    if not title.strip() or any(unicodedata.category(c) in ("Cc", "Cs") for c in title):
        raise ValueError(f"title must be one line of printable text, got {title!r}")
    if directory.exists() and any(directory.iterdir()):
        raise FileExistsError(f"{directory} exists and is not empty")
    package = f"masthead_{key}"
    values = {
        "key": key,
        "package": package,
        "distribution": f"masthead-{key.replace('_', '-')}",
        "title": title,
        # The title inside a TOML basic string (JSON string syntax is valid there
        # once control characters are excluded) and inside a Python docstring.
        "description_toml": json.dumps(f"masthead source plugin for {title}", ensure_ascii=False),
        "title_docstring": title.replace("\\", "\\\\").replace('"', '\\"'),
        "domain": domain,
        "class_name": "".join(part.title() for part in key.split("_")) + "Source",
        "masthead_version": __version__,
    }
    templates = files("masthead").joinpath("templates").joinpath("plugin")
    written = []
    for template, target in _LAYOUT.items():
        path = directory / target.format(package=package, key=key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(Template(templates.joinpath(template).read_text("utf-8")).substitute(values), "utf-8")
        written.append(path)
    typed = directory / "src" / package / "py.typed"
    typed.touch()
    written.append(typed)
    return written
