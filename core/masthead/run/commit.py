"""Publishing a finished run's files as one step.

A run writes its output, its rejects and its summary under partial names.
Renaming them one after the other leaves a window where a kill publishes the
output but loses the rejects. So the end of a run is a small write-ahead
protocol:

1. every partial file is complete and fsynced;
2. the state is rewritten with ``phase: commit`` and the list of renames
   still to do: this atomic replace is the commit point;
3. the renames are done, each one skipped if already done;
4. the state and journal are removed.

A kill before step 2 leaves a resumable checkpoint; a kill after it leaves a
committed run whose renames :func:`publish` finishes on ``--resume``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable

import attrs

from masthead.io.checkpoint import Checkpoint, StateFile, fsync_directory, sidecar


def publish(renames: Iterable[tuple[str, str]]) -> None:
    """Rename every ``(partial, final)`` pair; a pair already renamed is skipped."""
    for partial, final in renames:
        if os.path.exists(partial):
            os.replace(partial, final)
            fsync_directory(final)


def commit(state: StateFile, last: Checkpoint, renames: list[tuple[str, str]], output: str) -> None:
    """Steps 2 to 4 of the module docstring, after ``last`` (the final checkpoint)."""
    state.save(attrs.evolve(last, phase="commit", publish=tuple(renames)))
    publish(renames)
    finished(state, output)


def finished(state: StateFile, output: str) -> None:
    """Remove what only an unfinished run needs."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(sidecar(output, ".journal"))
    state.remove()
    fsync_directory(state.path)
