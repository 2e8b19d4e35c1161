"""Writing ``cgov``'s output: a closed pipe and a failed write told apart from everything else.

`Output` wraps standard output. A reader that closes the pipe early (``cgov … | head -1``)
raises `PipeClosed`, which ends the run quietly; any other failure to write raises
`OutputError`, reported as such, never as a problem with the input.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from typing import Any, TextIO

__all__ = ["Output", "OutputError", "PipeClosed", "say", "silence_stdout", "tolerate_encoding"]


class PipeClosed(Exception):
    """Standard output was closed by its reader."""


class OutputError(Exception):
    """Writing the output failed (disk full, closed file…).

    Attributes:
        reason: the system's reason.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _failed(error: Exception) -> Exception:
    if isinstance(error, BrokenPipeError) or getattr(error, "errno", None) == errno.EPIPE:
        return PipeClosed()
    if isinstance(error, OSError):
        return OutputError(error.strerror or str(error))
    return OutputError(str(error))


class Output:
    """A text stream whose write failures are `PipeClosed` or `OutputError`; no stream at all
    (``sys.stdout`` is ``None`` when the process started with it closed) is a closed pipe."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write ``text``."""
        if self._stream is None:
            raise PipeClosed()
        try:
            return self._stream.write(text)
        except (OSError, ValueError) as e:  # ValueError: the file was closed
            raise _failed(e) from None

    def flush(self) -> None:
        """Flush the stream."""
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except (OSError, ValueError) as e:
            raise _failed(e) from None

    def isatty(self) -> bool:
        """Whether the stream is a terminal."""
        return bool(getattr(self._stream, "isatty", lambda: False)())

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def say(err: TextIO | None, line: str) -> None:
    """Write one line on ``err``; a closed standard error (``None`` when the process started
    with it closed) is no reason to fail."""
    if err is None:
        return
    with contextlib.suppress(OSError, ValueError):
        err.write(line + "\n")
        err.flush()


def silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's final flush of
    what is still buffered does not fail again on the closed pipe."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def tolerate_encoding(stream: TextIO) -> None:
    """Make a terminal that cannot encode a character show its escape instead of failing
    (a Latin-1 terminal and Chinese output)."""
    if isinstance(stream, io.TextIOWrapper):
        with contextlib.suppress(ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")
