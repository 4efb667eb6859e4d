"""``masthead new-plugin``: a complete, installable source plugin package.

The generated package is what the plugin author's guide describes: a
pyproject with the entry point, a source with ``detect``/``parse`` stubs that
say clearly they are not written yet, a fixtures folder, tests that use
masthead's test kit and a README. It installs and is listed at once.
"""

from __future__ import annotations

import json
import unicodedata
from importlib.resources import files
from pathlib import Path
from string import Template

from masthead import __version__
from masthead.manager import BUILTIN_MODULES, DOMAIN, OUTLET_NAME

#: Names of the built-in plugins; a new plugin cannot take one.
RESERVED = tuple(module.rsplit(".", 1)[-1] for module in BUILTIN_MODULES)

#: template file -> path in the new package ({package} and {key} filled in).
_LAYOUT = {
    "pyproject.toml.tmpl": "pyproject.toml",
    "README.md.tmpl": "README.md",
    "__init__.py.tmpl": "src/{package}/__init__.py",
    "test_plugin.py.tmpl": "tests/test_{key}.py",
    "example.txt.tmpl": "tests/fixtures/example.txt",
}


def create_plugin(key: str, directory: Path, *, title: str | None = None, domain: str | None = None) -> list[Path]:
    """Write a new plugin package for outlet ``key`` into ``directory``.

    Raises ``ValueError`` for a key that is not snake_case or is a built-in
    plugin's name, a domain that is not a lower-case host name, or a title
    with control characters; ``FileExistsError`` if ``directory`` exists and
    is not empty.
    """
    if not OUTLET_NAME.match(key):
        raise ValueError(f"plugin name must be snake_case like 'daily_planet', got {key!r}")
    if key in RESERVED:
        raise ValueError(f"{key!r} is the name of a built-in plugin; reserved: {', '.join(RESERVED)}")
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
