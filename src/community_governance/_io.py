"""Reading inputs safely: regular files or standard input, bounded in size and depth.

Every input the command line and the batch read goes through here:

* only a regular file or standard input is read; a directory, a FIFO, a device or a socket is
  refused from ``os.stat`` before it is opened (so ``/dev/zero`` or a FIFO never hangs);
* a file larger than the limit is refused before it is read; standard input is read up to
  the limit and refused beyond it;
* text must be UTF-8; the first bad byte is named by its line and offset;
* JSON objects may not give a key twice, ``NaN``/``Infinity`` are not JSON, and nesting
  deeper than the limit is refused before any parser recurses;
* YAML and TOML rulebook files: see `community_governance._datafiles` (no aliases, no
  ambiguous YAML 1.1 scalars, no duplicate keys, bounded depth).

Errors never quote more of the input than a short escaped excerpt.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Mapping
from itertools import accumulate
from typing import Any, BinaryIO

import attrs

from ._escape import visible
from .exceptions import InputError

__all__ = [
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_INPUT_BYTES",
    "DEFAULT_MAX_RULEBOOK_BYTES",
    "ENV_MAX_DEPTH",
    "ENV_MAX_INPUT_BYTES",
    "ENV_MAX_RULEBOOK_BYTES",
    "Limits",
    "OverlongLine",
    "bounded_lines",
    "decode_utf8",
    "json_depth",
    "key_path",
    "loads_json",
    "open_input",
    "parse_size",
    "read_bytes",
    "read_text",
]

#: Makes the exception raised for a problem: ``error(source, key, reason)``.
ErrorFactory = Callable[[str, "str | None", str], Exception]

_MIB = 1 << 20
DEFAULT_MAX_INPUT_BYTES = 64 * _MIB
"""Largest input document read (a subject, a Decision, one line of a batch): 64 MiB."""
DEFAULT_MAX_RULEBOOK_BYTES = 8 * _MIB
"""Largest rulebook file read: 8 MiB."""
DEFAULT_MAX_DEPTH = 64
"""Deepest nesting of objects and arrays (mappings and sequences) read."""
ENV_MAX_INPUT_BYTES = "CGOV_MAX_INPUT_BYTES"
ENV_MAX_RULEBOOK_BYTES = "CGOV_MAX_RULEBOOK_BYTES"
ENV_MAX_DEPTH = "CGOV_MAX_DEPTH"

_HOW_TO_RAISE = {
    "input": f"--max-input-bytes or {ENV_MAX_INPUT_BYTES}",
    "rulebook": f"--max-rulebook-bytes or {ENV_MAX_RULEBOOK_BYTES}",
}
_SIZE = re.compile(r"^\s*(\d+)\s*(?:([kmg])(?:i?b)?|b)?\s*$", re.IGNORECASE)
_UNITS = {None: 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def parse_size(text: str, what: str = "size") -> int:
    """A size in bytes from ``4096``, ``512K``, ``64M``, ``8MiB`` or ``1G`` (binary units).

    Raises:
        InputError: not a positive size.

    Examples:
        >>> parse_size("64M"), parse_size("8MiB"), parse_size("1000")
        (67108864, 8388608, 1000)
    """
    m = _SIZE.match(text)
    size = int(m.group(1)) * _UNITS[(m.group(2) or "").lower() or None] if m else 0
    if size < 1:
        raise InputError(
            what, None, f"expected a size in bytes such as 4096, 512K or 64M (got {text[:40]!r})"
        )
    return size


def _positive(text: str, what: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise InputError(what, None, f"expected a whole number of levels (got {text[:40]!r})")
    return int(text)


@attrs.frozen(slots=True)
class Limits:
    """The bounds on what is read.

    Args:
        input_bytes: largest input document (also the longest line of a JSON Lines batch).
        rulebook_bytes: largest rulebook file.
        depth: deepest nesting of objects/arrays (JSON) or mappings/sequences (YAML, TOML).
    """

    input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    rulebook_bytes: int = DEFAULT_MAX_RULEBOOK_BYTES
    depth: int = DEFAULT_MAX_DEPTH

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, overridden by ``CGOV_MAX_INPUT_BYTES``, ``CGOV_MAX_RULEBOOK_BYTES``
        and ``CGOV_MAX_DEPTH`` where set.

        Raises:
            InputError: a variable is set to something that is not a size (or a depth).
        """
        env = os.environ if environ is None else environ
        found = cls()
        if env.get(ENV_MAX_INPUT_BYTES):
            found = attrs.evolve(
                found, input_bytes=parse_size(env[ENV_MAX_INPUT_BYTES], ENV_MAX_INPUT_BYTES)
            )
        if env.get(ENV_MAX_RULEBOOK_BYTES):
            found = attrs.evolve(
                found,
                rulebook_bytes=parse_size(env[ENV_MAX_RULEBOOK_BYTES], ENV_MAX_RULEBOOK_BYTES),
            )
        if env.get(ENV_MAX_DEPTH):
            found = attrs.evolve(found, depth=_positive(env[ENV_MAX_DEPTH], ENV_MAX_DEPTH))
        return found


# --- files -------------------------------------------------------------------------------


def _not_regular(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    for test, name in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _check(
    st: os.stat_result, path: str, limit: int | None, kind: str, error: ErrorFactory
) -> None:
    what = _not_regular(st.st_mode)
    if what is not None:
        raise error(
            path, None, f"cannot read: {what}; give a regular file or '-' for standard input"
        )
    if limit is not None and st.st_size > limit:
        raise error(path, None, _too_large(st.st_size, limit, kind))


def _too_large(size: int | None, limit: int, kind: str) -> str:
    found = f"{size:,} bytes, over" if size is not None else "more than"
    return (
        f"too large: {found} the limit of {limit:,} bytes "
        f"(raise it with {_HOW_TO_RAISE.get(kind, _HOW_TO_RAISE['input'])})"
    )


def _source(path: str) -> str:
    return visible(path)


def open_input(
    path: str, *, limit: int | None, kind: str = "input", error: ErrorFactory = InputError
) -> BinaryIO:
    """Open a regular file for binary reading, refusing anything else before opening it.

    Args:
        path: the file.
        limit: largest size accepted, or ``None`` (a stream read line by line).
        kind: ``input`` or ``rulebook``: which option raises the limit (for the message).
        error: makes the exception raised (`InputError`; a loader passes `RulebookError`).

    Raises:
        InputError: (or what ``error`` makes) missing, unreadable, not a regular file, or
            over the limit.
    """
    source = _source(path)
    if "\0" in path:  # possible in a name read from a document, never in argv
        raise error(source, None, "cannot read: not a file name (it holds a NUL)")
    try:
        _check(os.stat(path), source, limit, kind, error)
        # O_NONBLOCK: if the path became a FIFO since stat, opening it does not wait for a
        # writer; fstat below then refuses it. It has no effect on a regular file.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError as e:
        raise error(source, None, f"cannot read: {e.strerror or e}") from None
    try:
        _check(os.fstat(fd), source, limit, kind, error)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_bytes(
    path: str, *, limit: int, kind: str = "input", error: ErrorFactory = InputError
) -> bytes:
    """The bytes of a regular file, or of standard input for ``-``, at most ``limit`` of them.

    Raises:
        InputError: (or what ``error`` makes) see `open_input`; standard input longer than
            ``limit``.
    """
    if path == "-":
        if sys.stdin is None:  # the process started with standard input closed
            raise error("-", None, "cannot read standard input: it is closed")
        stream = getattr(sys.stdin, "buffer", None)
        try:
            if stream is None:  # a text stream put in place of stdin (tests, embedding)
                data = sys.stdin.read(limit + 1).encode("utf-8", "surrogateescape")
            else:
                data = stream.read(limit + 1)
        except (OSError, ValueError) as e:
            why = getattr(e, "strerror", None) or e
            raise error("-", None, f"cannot read standard input: {why}") from None
        if len(data) > limit:
            raise error("-", None, _too_large(None, limit, kind))
        return data
    with open_input(path, limit=limit, kind=kind, error=error) as f:
        try:
            data = f.read(limit + 1)
        except OSError as e:
            raise error(_source(path), None, f"cannot read: {e.strerror or e}") from None
    if len(data) > limit:  # the file grew since it was checked
        raise error(_source(path), None, _too_large(None, limit, kind))
    return data


def decode_utf8(data: bytes, source: str, error: ErrorFactory = InputError) -> str:
    """``data`` as UTF-8 text; the first bad byte is named by its line and offset.

    Examples:
        >>> decode_utf8(b"ok", "x")
        'ok'
        >>> try:
        ...     decode_utf8(b"a\\nb\\xff", "x.json")
        ... except InputError as e:
        ...     print(e)
        x.json: not UTF-8 text: byte 0xff at line 2, offset 3
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise error(
            _source(source),
            None,
            f"not UTF-8 text: byte {data[e.start]:#04x} at line {line}, offset {e.start}",
        ) from None


def read_text(
    path: str, *, limit: int, kind: str = "input", error: ErrorFactory = InputError
) -> str:
    """`read_bytes` then `decode_utf8`."""
    return decode_utf8(read_bytes(path, limit=limit, kind=kind, error=error), path, error)


@attrs.frozen(slots=True)
class OverlongLine:
    """Stands for a line of a JSON Lines stream longer than the limit (it was skipped).

    Attributes:
        length: its length in bytes, newline included.
    """

    length: int


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | OverlongLine]:
    """The lines of a binary stream, each at most ``limit`` bytes (newline not counted); a
    longer line is read past in pieces and stands as an `OverlongLine`, so memory stays
    bounded whatever the input."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        length = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(_MIB)
            if not line:
                break
            length += len(line)
        yield OverlongLine(length)


# --- JSON --------------------------------------------------------------------------------

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DELTA = {"[": 1, "{": 1, "]": -1, "}": -1}
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in JSON ``text``, found without parsing (so
    without recursion): strings are removed, then brackets are counted.

    Examples:
        >>> json_depth('{"a": [1, {"b": "[[["}]}'), json_depth("3")
        (3, 0)
    """
    if text.count("[") + text.count("{") <= 1:
        return int("[" in text or "{" in text)
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    if not brackets:
        return 0
    return max(0, max(accumulate(map(_DELTA.__getitem__, brackets))))


class _Twice(dict[str, Any]):
    """An object in which a key was given twice (found after parsing, with its path)."""

    key: str = ""


class _NotJson(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NotJson(f"{name} is not a JSON value")


def key_path(path: tuple[str | int, ...]) -> str:
    """``("community", "persons", 2, "id")`` as ``community.persons[2].id`` (escaped).

    Examples:
        >>> key_path(("community", "persons", 2, "id"))
        'community.persons[2].id'
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    shown = visible(out)
    return shown if len(shown) <= 200 else shown[:199] + "…"


def _nodes(data: Any) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every value of parsed data with its path, depth first in document order, without
    recursion."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, dict):
            stack.extend(reversed([((*path, k), v) for k, v in value.items()]))
        elif isinstance(value, list):
            stack.extend(reversed([((*path, i), v) for i, v in enumerate(value)]))


def loads_json(text: str, source: str, *, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
    """Parse JSON strictly: a key given twice in one object, ``NaN``/``Infinity``, a lone
    surrogate escape and nesting deeper than ``max_depth`` are refused.

    Raises:
        InputError: naming the source, the key path where known, and the reason; the input
            itself is never quoted.

    Examples:
        >>> loads_json('{"a": 1}', "x.json")
        {'a': 1}
        >>> loads_json('{"a": {"b": 1, "b": 2}}', "x.json")
        Traceback (most recent call last):
        ...
        community_governance.exceptions.InputError: x.json: a.b: key given twice in one object
    """
    source = _source(source)
    # fewer brackets than the limit cannot nest deeper than it: no need to measure
    if text.count("[") + text.count("{") > max_depth:
        depth = json_depth(text)
        if depth > max_depth:
            raise InputError(source, None, _too_deep(depth, max_depth))
    twice: list[_Twice] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(items)
        if len(found) == len(items):
            return found
        marked = _Twice(found)
        seen: set[str] = set()
        marked.key = next(k for k, _ in items if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        twice.append(marked)
        return marked

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=_refuse_constant)
    except json.JSONDecodeError as e:
        raise InputError(
            source, None, f"not JSON: {e.msg} at line {e.lineno}, column {e.colno}"
        ) from None
    except _NotJson as e:
        raise InputError(source, None, f"not JSON: {e}") from None
    except ValueError as e:  # an integer too long to convert
        raise InputError(source, None, f"not JSON: {_first_clause(e)}") from None
    except RecursionError:
        raise InputError(source, None, _too_deep(None, max_depth)) from None
    if twice or ("\\u" in text and _SURROGATE_ESCAPE.search(text)):
        _refuse_marked(data, source)
    return data


def _refuse_marked(data: Any, source: str) -> None:
    for path, value in _nodes(data):
        if isinstance(value, _Twice):
            raise InputError(source, key_path((*path, value.key)), "key given twice in one object")
        texts = (
            [value] if isinstance(value, str) else list(value) if isinstance(value, dict) else []
        )
        for text in texts:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise InputError(
                    source,
                    key_path(path) or None,
                    "a string holds a lone surrogate (\\ud800-\\udfff), which is not text",
                ) from None


def _first_clause(error: Exception) -> str:
    """An exception's message up to its first colon, escaped and short (Python's messages
    about over-long integers go on to name interpreter settings)."""
    return visible(str(error).split(":")[0])[:120]


def _too_deep(depth: int | None, limit: int) -> str:
    found = f"{depth} levels" if depth is not None else "too deep to read"
    return (
        f"nested too deeply: {found}, over the limit of {limit} "
        f"(raise it with --max-depth or {ENV_MAX_DEPTH})"
    )
