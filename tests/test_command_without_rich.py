"""The ``masthead`` command imports structlog without rich; a program that
imports masthead gets structlog as it comes.

Run as separate interpreters, since the choice is made once, when structlog
is first imported.
"""

from __future__ import annotations

import subprocess
import sys

_CHECK = "import structlog.dev; print('rich' if structlog.dev.rich is not None else 'no rich')"


def run(*args: str) -> str:
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1]


def test_python_m_masthead_imports_structlog_without_rich() -> None:
    script = (
        "import runpy, sys; sys.argv = ['masthead', '--version']\n"
        "try:\n"
        "    runpy.run_module('masthead', run_name='__main__', alter_sys=True)\n"
        "except SystemExit:\n"
        "    pass\n"
        f"{_CHECK}"
    )
    assert run("-c", script) == "no rich"


def test_a_program_importing_the_command_module_keeps_structlogs_rich() -> None:
    assert run("-c", f"import masthead.cli\n{_CHECK}") == "rich"
    script = f"import masthead.cli\ntry:\n    masthead.cli.main(['--version'])\nexcept SystemExit:\n    pass\n{_CHECK}"
    assert run("-c", script) == "rich"


def test_the_console_script_runs_and_its_progress_bar_module_still_imports() -> None:
    script = (
        "import sys; sys.argv = ['/usr/bin/masthead', '--version']\n"
        "import masthead.cli\n"
        "import rich.progress\n"
        f"{_CHECK}"
    )
    assert run("-c", script) == "no rich"
