"""Ctrl-C and SIGTERM: stop a run at a safe point, never in the middle of a write.

Python raises ``KeyboardInterrupt`` wherever the main thread happens to be
when SIGINT arrives, for instance between counting a record and writing it,
or between writing a batch and forgetting it. A run installs
:func:`stop_signals` instead: SIGINT and SIGTERM raise :class:`Stop` at once
while documents are read or parsed (a hanging plugin can still be
interrupted), but inside a :func:`deferred` block, the commit path of a
record or a checkpoint, the signal is remembered and raised when the block
ends. So a stopped run always holds whole records and a checkpoint that
matches them.

Because a user's interrupt arrives as :class:`Stop`, a plain
``KeyboardInterrupt`` (or ``SystemExit``) seen inside a plugin call was
raised by the plugin itself, and :mod:`masthead.run.tracing` turns it into
a rejection naming that plugin.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType, TracebackType


class Stop(KeyboardInterrupt):
    """The run was asked to stop by ``signum`` (SIGINT or SIGTERM).

    A ``KeyboardInterrupt``, so code that handles Ctrl-C handles it too.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class _State:
    depth = 0
    pending: int | None = None
    installed = False


_state = _State()
SIGNALS = tuple(s for s in (signal.SIGINT, getattr(signal, "SIGTERM", None)) if s is not None)


def _handler(signum: int, frame: FrameType | None) -> None:
    if _state.depth:
        _state.pending = signum
        return
    raise Stop(signum)


@contextlib.contextmanager
def stop_signals() -> Iterator[None]:
    """Within this block, SIGINT and SIGTERM raise :class:`Stop` at a safe point.

    Only the main thread can handle signals; elsewhere, and when already
    installed by an outer block, this does nothing.
    """
    if _state.installed or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _handler) for signum in SIGNALS}
    _state.installed, _state.pending, _state.depth = True, None, 0
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _state.installed = False


class deferred:  # lower case: called as the function it was
    """A block a stop signal may not cut: it is raised when the block ends
    (or, with ``reraise=False``, dropped: the run is stopping anyway). A
    block left by an exception leaves a pending signal for the outer code.

    A class rather than a generator-based context manager: every record
    delivered passes one, and this costs a fifth of that.
    """

    __slots__ = ("reraise",)

    def __init__(self, *, reraise: bool = True) -> None:
        self.reraise = reraise

    def __enter__(self) -> None:
        _state.depth += 1

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        _state.depth -= 1
        if kind is None and _state.depth == 0 and _state.pending is not None:
            signum, _state.pending = _state.pending, None
            if self.reraise:
                raise Stop(signum)
