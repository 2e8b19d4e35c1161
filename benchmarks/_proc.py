"""Wall time of whole commands in fresh subprocesses, repeats interleaved like `_harness`.

Used where what is measured includes starting Python: imports, and the ``cgov`` batch.
Commands compared with each other are run in one group, in rotating order (A B C, B C A, …),
each pinned to the same single core with ``taskset -c 0`` when it is available, so that the
machine's other load (2 shared cores) hits all of them alike.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from _harness import Timing

__all__ = ["Command", "CommandFailed", "one_core", "run_once", "time_commands"]


def one_core() -> list[str]:
    """The prefix that pins a command to core 0, or ``[]`` where that is not possible."""
    taskset = shutil.which("taskset")
    if taskset is None or not hasattr(os, "sched_getaffinity") or 0 not in os.sched_getaffinity(0):
        return []
    return [taskset, "-c", "0"]


class CommandFailed(RuntimeError):
    """A command exited with a status it should not have."""


@dataclass(frozen=True)
class Command:
    """A command to time, what it is for people, and the exit statuses that mean success."""

    label: str
    argv: Sequence[str]
    ok: frozenset[int] = frozenset({0})


def run_once(
    command: Command, cwd: Path, *, capture: bool = False
) -> subprocess.CompletedProcess[bytes]:
    """Run once; raise `CommandFailed` on an unexpected exit status."""
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    done = subprocess.run(
        list(command.argv), cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.PIPE
    )
    if done.returncode not in command.ok:
        tail = done.stderr.decode("utf-8", "replace").strip()[-500:]
        raise CommandFailed(f"{' '.join(command.argv)} exited {done.returncode}: {tail}")
    return done


def time_commands(commands: Mapping[str, Command], repeats: int, cwd: Path) -> dict[str, Timing]:
    """Wall time of each command (ns per run, in `Timing.per_call_ns`), repeats interleaved,
    after one untimed run of each (bytecode caches, page cache)."""
    for command in commands.values():
        run_once(command, cwd)
    timings = {name: Timing(name, c.label, 1) for name, c in commands.items()}
    names = list(commands)
    for r in range(repeats):
        shift = r % len(names)
        for name in names[shift:] + names[:shift]:
            gc.collect()
            t0 = time.perf_counter_ns()
            run_once(commands[name], cwd)
            timings[name].per_call_ns.append(time.perf_counter_ns() - t0)
    return timings
