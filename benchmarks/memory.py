"""Peak memory of the process that does the work, read from the kernel's own high-water mark.

`resource.getrusage(...).ru_maxrss` is no measure of a child process: Linux carries it across
fork and exec, so a small command started by a large benchmark reports the benchmark's size.
VmHWM in /proc/PID/status belongs to the address space the program runs in, which exec makes new.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path

# Python source a child runs last to print its own peak, in MB.
OWN_PEAK = "int([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]) / 1024"


def peak_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM"):
            return int(line.split()[1]) / 1024
    return 0.0


class DescendantPeaks:
    """The highest peak of any process below `pid` (its workers), sampled while they live."""

    def __init__(self, pid: int, every: float = 0.2):
        self.pid, self.every, self.peak = pid, every, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _children(self, pid: int) -> list[int]:
        found = []
        for task in Path(f"/proc/{pid}/task").glob("*/children"):
            try:
                found += [int(p) for p in task.read_text().split()]
            except OSError:
                pass
        return found

    def _watch(self):
        while not self._stop.is_set():
            stack = self._children(self.pid)
            while stack:
                child = stack.pop()
                try:
                    self.peak = max(self.peak, peak_mb(child))
                except OSError:
                    continue
                stack += self._children(child)
            time.sleep(self.every)
