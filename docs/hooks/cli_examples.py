"""MkDocs hook: replace ``<!-- cgov: ARGS -->`` markers with the real output of ``cgov ARGS``.

Pages show what the command line prints without a hand-copied transcript that could drift:
the command runs in-process (``community_governance.cli.main``) from the repository root at
build time, and the marker becomes a ``console`` block with the command, its output and its
exit code. Options go in brackets: ``<!-- cgov[head=12]: rules --rulebook cn -->`` keeps the
first 12 lines of output, ``tail=2`` the last 2 (with ``head``, both ends), and ``expect=1``
fails the build unless the command exits with 1.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

_SRC = Path(__file__).resolve().parents[2] / "src"
if _SRC.is_dir() and str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))

_MARKER = re.compile(r"^<!--\s*cgov(?:\[(?P<opts>[^\]]*)\])?:\s*(?P<args>.+?)\s*-->$", re.M)


@contextlib.contextmanager
def _cwd(path: Path) -> Any:
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def _options(text: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in (text or "").split(","):
        if item.strip():
            key, _, value = item.partition("=")
            out[key.strip()] = value.strip()
    return out


def run(args: list[str], root: Path) -> tuple[str, int]:
    """Run ``cgov args`` in-process from ``root``; return (stdout + stderr, exit code)."""
    from community_governance.cli import main

    out, err = io.StringIO(), io.StringIO()
    with _cwd(root):
        code = main(args, out=out, err=err)
    return out.getvalue() + err.getvalue(), code


def _render(match: re.Match[str], root: Path, page: str) -> str:
    args = shlex.split(match["args"])
    opts = _options(match["opts"])
    text, code = run(args, root)
    lines = text.rstrip("\n").split("\n")
    head = int(opts["head"]) if "head" in opts else (0 if "tail" in opts else len(lines))
    tail = int(opts.get("tail", 0))
    if head + tail < len(lines):
        skipped = len(lines) - head - tail
        lines = [*lines[:head], f"… ({skipped} more lines)", *lines[len(lines) - tail :]]
    if "expect" in opts and int(opts["expect"]) != code:
        raise PluginError(
            f"{page}: `cgov {match['args']}` exited with {code}, the page expects {opts['expect']}"
        )
    command = "cgov " + " ".join(shlex.quote(a) for a in args)
    block = ["```console", f"$ {command}", *lines, "$ echo $?", str(code), "```"]
    return "\n".join(block)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Run every ``cgov`` marker of the page and put its output in place."""
    if "cgov" not in markdown:
        return markdown
    root = Path(config.config_file_path).resolve().parent
    return _MARKER.sub(lambda m: _render(m, root, page.file.src_uri), markdown)
