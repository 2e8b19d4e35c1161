"""The durable_rules boundary: the lazy import, and the host the monitors run in.

durable_rules has no type hints, so everything taken from it is `Any`, here and only here.
"""

from __future__ import annotations

import importlib
import threading
from types import SimpleNamespace
from typing import Any

__all__ = ["EXTRA", "durable", "new_host", "shared_host"]

#: How to install what this package needs.
EXTRA = "pip install community-governance[durable]"

_lock = threading.Lock()
_shared: list[Any] = []


def durable() -> Any:
    """durable_rules' ``lang`` and ``engine`` modules (as ``.lang``, ``.engine``), imported on
    first use.

    Raises:
        ImportError: durable_rules is not installed (or its C extension does not load); the
            message names the extra to install.
    """
    try:
        lang = importlib.import_module("durable.lang")
        engine = importlib.import_module("durable.engine")
    except ImportError as e:
        raise ImportError(
            "community_governance.durable needs durable_rules, which is not installed or does "
            f"not load here ({e}): {EXTRA} (durable_rules builds from its source package: a C "
            "compiler is needed)"
        ) from e
    return SimpleNamespace(lang=lang, engine=engine)


def new_host() -> Any:
    """A new durable_rules host that runs every action inside the call that caused it.

    durable_rules' own ``Host`` starts two threads that dispatch pending actions and timers
    every 0.2 s; one of them could take an action that a `post` made ready and run it after
    `post` returned. A monitor answers each line when it is fed, so its host starts no
    dispatch thread: every action runs in `post` / `assert_fact`, in the caller's thread, in
    a deterministic order. The monitor's timers are its own (deadline facts fired by a clock
    fact), so durable_rules' wall-clock timers are not needed.
    """
    engine = durable().engine

    def _run(self: Any) -> None:
        """Start no dispatch thread (see `new_host`)."""

    host_type = type("SynchronousHost", (engine.Host,), {"_run": _run})
    return host_type()


def shared_host() -> Any:
    """The process-wide host of the monitors (made by `new_host` on first use): rulesets of
    several rulebooks, or of several versions of one, live side by side in it under their own
    names."""
    with _lock:
        if not _shared:
            _shared.append(new_host())
        return _shared[0]
