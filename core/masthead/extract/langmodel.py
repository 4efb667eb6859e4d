"""py3langid's model, loaded in a twentieth of the time after the first run.

The model ships LZMA-compressed (4.6 MB of a 68 MB NumPy archive);
decompressing it is nine tenths of the half CPU second a process spends
loading it, paid again by every run and every worker. The first load keeps
the decompressed archive in a cache folder (``MASTHEAD_CACHE_DIR``, else
``$XDG_CACHE_HOME/masthead``, else ``~/.cache/masthead``), written to a
temporary file and renamed into place so a concurrent reader never sees it
half written; later loads read it as is. The same arrays go into the same
identifier, so answers do not change. Its name carries a digest of the
packaged file (a few milliseconds to compute): environments with the same
model share one copy, and a new model gets a copy of its own. Where the
folder cannot be written, or the model is in a layout this does not know,
the identifier is loaded from the package as before.
"""

from __future__ import annotations

import hashlib
import lzma
import os
import shutil
import tempfile
from array import array
from pathlib import Path
from typing import TYPE_CHECKING, Any

import structlog

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

CACHE_ENV = "MASTHEAD_CACHE_DIR"
#: The packaged layout this reads: a NumPy archive inside LZMA.
_SUFFIX = ".npz.xz"
_TYPECODES = {2: "H", 4: "I", 8: "Q"}

log = structlog.get_logger("masthead.language")


def cache_dir() -> Path:
    """Where the decompressed model is kept."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "masthead"


def load_identifier() -> LanguageIdentifier:
    """py3langid's identifier with normalized probabilities."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    packaged = Path(MODEL_DIR) / MODEL_FILE
    if packaged.name.endswith(_SUFFIX):
        try:
            return _from_archive(_decompressed(packaged), LanguageIdentifier)
        except (OSError, ValueError, KeyError) as exc:
            log.info("language_model_cache_unused", error=str(exc))
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _decompressed(packaged: Path) -> Path:
    """The cached archive of ``packaged``, written on first use."""
    digest = hashlib.sha256(packaged.read_bytes()).hexdigest()[:20]
    target = cache_dir() / f"py3langid-{digest}.npz"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".partial-", delete=False) as partial:
            try:
                with lzma.open(packaged) as source:
                    shutil.copyfileobj(source, partial, length=1 << 20)
                partial.close()
                os.replace(partial.name, target)
            except BaseException:
                Path(partial.name).unlink(missing_ok=True)
                raise
    return target


def _from_archive(path: Path, identifier: Any) -> LanguageIdentifier:
    """The identifier from a decompressed archive, built as py3langid builds
    it from its packaged file (transition tables as ``array`` objects)."""
    import numpy as np

    with np.load(path, allow_pickle=False) as data:
        built: LanguageIdentifier = identifier(
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            _as_array(data["nextmove"]),
            data["out_feat"].tolist(),
            norm_probs=True,
            tk_row=_as_array(data["nextmove_row"]),
        )
    return built


def _as_array(values: Any) -> array[int]:
    """A NumPy array of unsigned integers as a standard-library ``array``."""
    import numpy as np

    out = array(_TYPECODES[values.dtype.itemsize])
    # Straight from NumPy's buffer: a ``tobytes()`` copy in between would
    # add the transition table's 37 MB to every process's peak memory.
    out.frombytes(memoryview(np.ascontiguousarray(values)).cast("B"))
    return out
