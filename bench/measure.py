"""Run one command and report its wall time and peak memory as JSON.

Used by ``bench/run.py`` as a fresh parent for every measured run, because
``getrusage(RUSAGE_CHILDREN).ru_maxrss`` is the peak over *all* children a
process ever waited for: only a new parent per run gives each run its own
number. That figure is the largest single process among those reaped by
their parents; workers started through a fork server are reaped by the
server, which is killed, so they escape it. Hence, when psutil is
installed, the process tree is also sampled every 50 ms: the largest single
process and the sum over all processes.

    python bench/measure.py -- COMMAND [ARG...]
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import threading
import time


def sample_tree(pid: int, peak: list[int], done: threading.Event) -> None:
    """Keep ``peak`` as [largest summed RSS of the tree, largest single RSS]."""
    try:
        import psutil
    except ImportError:
        return
    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not done.is_set():
        total = 0
        try:
            for process in [root, *root.children(recursive=True)]:
                try:
                    rss = process.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                peak[1] = max(peak[1], rss)
        except psutil.Error:
            break
        peak[0] = max(peak[0], total)
        done.wait(0.05)


def main(argv: list[str]) -> int:
    command = argv[argv.index("--") + 1 :] if "--" in argv else argv
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = [0, 0]
    done = threading.Event()
    sampler = threading.Thread(target=sample_tree, args=(process.pid, peak, done), daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = {
        "seconds": round(seconds, 3),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "max_rss_mb": round(usage.ru_maxrss / 1024, 1),  # kilobytes on Linux
        "tree_rss_mb": round(peak[0] / 2**20, 1) if peak[0] else None,
        "process_rss_mb": round(peak[1] / 2**20, 1) if peak[1] else None,
        "returncode": process.returncode,
        "stderr_tail": stderr[-2000:],
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
