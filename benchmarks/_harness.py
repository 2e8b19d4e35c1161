"""Timing harness: calibrated loops, warm-up, interleaved repeats, median and min per call.

Only the standard library. Benchmarks compared with each other are timed in one group with
their repeats interleaved (A B C, B C A, …), so that a slow spell of the machine hits every
member of the group alike and the ratios stay meaningful even when absolute times drift.
"""

from __future__ import annotations

import gc
import itertools
import statistics
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

__all__ = ["Bench", "Settings", "Timing", "run_group"]


@dataclass(frozen=True)
class Settings:
    """How long to time: repeats per benchmark, and the target duration of one repeat."""

    repeats: int
    target_ns: int
    warmup_ns: int


@dataclass(frozen=True)
class Bench:
    """One thing to time: a zero-argument callable and what it is, for people."""

    label: str
    fn: Callable[[], object]


@dataclass
class Timing:
    """Per-call times (ns) of the repeats of one benchmark."""

    name: str
    label: str
    loops: int
    per_call_ns: list[float] = field(default_factory=list)

    @property
    def median_ns(self) -> float:
        """Median time of one call over the repeats."""
        return statistics.median(self.per_call_ns)

    @property
    def min_ns(self) -> float:
        """Fastest repeat's time of one call (least disturbed by the machine)."""
        return min(self.per_call_ns)

    @property
    def rate(self) -> float:
        """Calls per second at the median."""
        return 1e9 / self.median_ns

    def to_dict(self) -> dict[str, object]:
        """JSON form for ``--json``."""
        return {
            "label": self.label,
            "loops": self.loops,
            "repeats": len(self.per_call_ns),
            "median_ns": round(self.median_ns, 1),
            "min_ns": round(self.min_ns, 1),
            "per_second": round(self.rate, 1),
            "per_call_ns": [round(t, 1) for t in self.per_call_ns],
        }


def _time(fn: Callable[[], object], loops: int) -> int:
    it = itertools.repeat(None, loops)
    t0 = time.perf_counter_ns()
    for _ in it:
        fn()
    return time.perf_counter_ns() - t0


def _calibrate(fn: Callable[[], object], target_ns: int) -> int:
    """The number of loops for one repeat to last about ``target_ns``."""
    loops = 1
    while True:
        elapsed = _time(fn, loops)
        if elapsed >= target_ns // 4 or loops >= 1 << 24:
            break
        loops *= 4 if elapsed < target_ns // 40 else 2
    return max(1, round(loops * target_ns / max(elapsed, 1)))


def run_group(benches: Mapping[str, Bench], settings: Settings) -> dict[str, Timing]:
    """Time every benchmark of a group, repeats interleaved, and return per-call timings."""
    timings: dict[str, Timing] = {}
    for name, bench in benches.items():
        loops = _calibrate(bench.fn, settings.target_ns)
        # warm-up: caches, branch predictors, lazily built pydantic / attrs machinery
        warm = max(1, round(loops * settings.warmup_ns / settings.target_ns))
        _time(bench.fn, warm)
        timings[name] = Timing(name, bench.label, loops)
    names = list(benches)
    for r in range(settings.repeats):
        shift = r % len(names)
        for name in names[shift:] + names[:shift]:
            timing = timings[name]
            gc.collect()
            elapsed = _time(benches[name].fn, timing.loops)
            timing.per_call_ns.append(elapsed / timing.loops)
    return timings
