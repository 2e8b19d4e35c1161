"""Helpers shared by the tests (not fixtures): paths and example inputs."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def load_example(relative: str) -> str:
    """The text of an example input file."""
    return (EXAMPLES / relative).read_text(encoding="utf-8")


def example_data(relative: str) -> dict[str, object]:
    """An example input file parsed as JSON data."""
    data: dict[str, object] = json.loads(load_example(relative))
    return data


def seeds_finding(
    strategy: Any, agrees: Callable[[Any], None], seeds: range = range(10), examples: int = 200
) -> int:
    """In how many of ``seeds`` Hypothesis, drawing ``examples`` values of ``strategy`` (no
    shrinking, no database), finds one on which ``agrees`` fails its assertion: how the
    planted off-by-one tests measure a strategy."""
    from hypothesis import HealthCheck, Phase, given, seed, settings

    caught = 0
    for s in seeds:
        check = seed(s)(
            settings(
                max_examples=examples,
                derandomize=False,
                database=None,
                deadline=None,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
            )(given(strategy)(agrees))
        )
        try:
            check()
        except AssertionError:
            caught += 1
    return caught


@contextlib.contextmanager
def cgov_serve(*options: str, env: dict[str, str] | None = None, workers: int = 1) -> Iterator[str]:
    """``cgov serve --port 0 OPTIONS`` in a child process: its base URL once it listens and
    ``workers`` applications have started; stopped (SIGTERM, then killed if need be) after."""
    import os
    import queue
    import re
    import subprocess
    import sys
    import threading
    import time

    argv = [sys.executable, "-m", "community_governance.cli", "serve", "--port", "0"]
    proc = subprocess.Popen(
        [*argv, *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env={**os.environ, **(env or {})},
    )
    stream = proc.stderr
    assert stream is not None
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(x) for x in stream], daemon=True)
    reader.start()
    url, started, seen = None, 0, []
    deadline = time.monotonic() + 60
    while (url is None or started < workers) and time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(line)
        m = re.search(r"running on (http://127\.0\.0\.1:\d+)", line)
        url = m.group(1) if m else url
        started += "Application startup complete" in line
    try:
        assert url is not None, "the server did not start:\n" + "".join(seen)
        assert started >= workers, "a worker did not start:\n" + "".join(seen)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:  # pragma: no cover - a hung server
            proc.kill()
            proc.wait(timeout=10)
        reader.join(timeout=5)  # at end of file once the server is gone
        stream.close()


class InProcessClient:
    """An ASGI app called in this process through httpx, for tests that need an app built
    in Python (a writable store, a patched environment) rather than a `cgov serve` child.

    Starlette's ``TestClient`` would do, but with plain httpx it now warns that it is
    deprecated; httpx's own ASGI transport is all these tests need. The app's lifespan is not
    run (ours has none)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def request(self, method: str, url: str, **kwargs: Any) -> Any:
        import asyncio

        import httpx

        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
                return await c.request(method, url, **kwargs)

        return asyncio.run(call())

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> Any:
        return self.request("POST", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> Any:
        return self.request("PUT", url, **kwargs)
