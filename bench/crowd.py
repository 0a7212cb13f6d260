"""The crowd the load benchmarks share (bench/load.py, bench/website_load.py): one thread per
simulated person, each running until a deadline, and the latencies and errors they collect.

    results = Results(key=lambda path: path.split("?")[0])
    elapsed = run_crowd(200, lambda i, deadline: visit(i, deadline, results), seconds=60)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


def _whole(path: str) -> str:
    return path


@dataclass
class Results:
    """Every request's latency by page (`key(path)` groups the paths of one page) and every
    error, from many threads at once."""

    key: Callable[[str], str] = _whole
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    requests: int = 0

    def add(self, path: str, seconds: float, status: int) -> None:
        """A request answered (`status` 0 when it failed): anything but 200 is an error."""
        with self.lock:
            self.requests += 1
            self.latencies.setdefault(self.key(path), []).append(seconds)
            if status != 200:
                self.errors.append(f"{status} {path}")

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)

    def every(self) -> list[float]:
        return [s for values in self.latencies.values() for s in values]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run_crowd(
    size: int, person: Callable[[int, float], None], *, seconds: float, grace: float
) -> float:
    """Run `person(index, deadline)` in `size` threads, each until `seconds` have passed; wait
    at most `grace` seconds more for the slowest. Returns the seconds the crowd ran."""
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=person, args=(index, deadline), daemon=True)
        for index in range(size)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + grace)
    return time.monotonic() - started
