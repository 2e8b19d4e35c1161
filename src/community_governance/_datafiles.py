"""YAML and TOML data files (rulebooks) read without surprises.

`safe_yaml_load` is ``yaml.safe_load`` with what a data file of law does not need taken away:

* aliases and anchors (``&x`` / ``*x``): a 400-byte "billion laughs" file cannot expand;
* explicit tags other than ``!!str``;
* keys given twice (YAML keeps the last silently) and keys that are not plain scalars;
* scalars that YAML 1.1 and YAML 1.2 read differently: ``1:30`` (90 in base 60), ``012``
  (octal 10), ``0x1F``, ``0b101``, ``1_000``, ``1e3``, ``yes``/``no``/``on``/``off``. Each
  is refused with the reason; quote it to mean text. ``true``/``false``, decimal integers,
  decimal fractions, ``null``/``~`` and dates (``2026-01-01``) read as before;
* nesting deeper than a limit, checked while composing (before any recursion goes deep);
* an impossible date (``2026-02-30``) is an error naming the key, not a crash.

`safe_toml_load` adds the depth limit (and a clean error for nesting too deep for
``tomllib``). Every error is a `RulebookError` naming the file, the key path and the reason,
without quoting the file's lines.
"""

from __future__ import annotations

import hashlib
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

from ._escape import excerpt, visible
from ._io import (
    DEFAULT_MAX_DEPTH,
    Limits,
    _first_clause,
    _nodes,
    decode_utf8,
    key_path,
    read_bytes,
)
from .exceptions import RulebookError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, no-redef, unused-ignore]

__all__ = [
    "DATA_FILE_SUFFIXES",
    "parse_data_text",
    "read_data_file",
    "safe_toml_load",
    "safe_yaml_load",
]

DATA_FILE_SUFFIXES = (".toml", ".yaml", ".yml")

_Y = "tag:yaml.org,2002:"
_AMBIGUOUS = "tag:community-governance:ambiguous"
_ALLOWED_EXPLICIT = (None, "!", f"{_Y}str")
_DIGITS = list("0123456789")
#: Our own resolvers for booleans and numbers: only forms YAML 1.1 and 1.2 read alike. Nulls
#: and dates keep PyYAML's resolvers.
_RESOLVERS: tuple[tuple[str, str, list[str]], ...] = (
    (f"{_Y}bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    (f"{_Y}int", r"^[-+]?(?:0|[1-9][0-9]*)$", [*_DIGITS, "-", "+"]),
    # YAML 1.1 wants a dot, and a sign in an exponent
    (
        f"{_Y}float",
        r"^(?:[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
        r"|\.(?:nan|NaN|NAN))$",
        [*_DIGITS, "-", "+", "."],
    ),
)
_KEPT = (f"{_Y}null", f"{_Y}timestamp")
#: Plain scalars YAML 1.1 and 1.2 read differently, with what the difference is.
_AMBIGUITIES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$"), "a base-60 number"),
    (re.compile(r"^[-+]?0[0-9_]+$"), "an octal number (leading zero)"),
    (re.compile(r"^[-+]?0x[0-9a-fA-F_]+$"), "a hexadecimal number"),
    (re.compile(r"^[-+]?0o[0-7_]+$"), "an octal number"),
    (re.compile(r"^[-+]?0b[01_]+$"), "a binary number"),
    (re.compile(r"^[-+]?[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?$"), "a number with _ separators"),
    (re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+$"), "a number"),
    (re.compile(r"^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$"), "a boolean"),
)


@cache
def _loader_class() -> type[Any]:
    """The strict loader class, built on first use (PyYAML is an optional dependency)."""
    import yaml

    class StrictLoader(yaml.SafeLoader):
        yaml_implicit_resolvers: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}  # noqa: RUF012
        max_depth = DEFAULT_MAX_DEPTH

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.peek_event()  # type: ignore[no-untyped-call]
            if isinstance(event, yaml.AliasEvent):
                raise _Refused(
                    "YAML aliases (*name) are not allowed in a data file: write the value out",
                    event.start_mark,
                )
            if getattr(event, "anchor", None) is not None:
                raise _Refused(
                    "YAML anchors (&name) are not allowed in a data file", event.start_mark
                )
            if getattr(event, "tag", None) not in _ALLOWED_EXPLICIT:
                raise _Refused(
                    f"explicit YAML tag {excerpt(event.tag)} is not allowed: a data file holds "
                    "plain values (quote text, or use !!str)",
                    event.start_mark,
                )
            nests = isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent))
            if nests:
                self.depth += 1
                if self.depth > self.max_depth:
                    raise _Refused(f"nested deeper than {self.max_depth} levels", event.start_mark)
            try:
                return super().compose_node(parent, index)
            finally:
                if nests:
                    self.depth -= 1

    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items():
        for tag, regexp in resolvers:
            if tag in _KEPT:
                StrictLoader.add_implicit_resolver(tag, regexp, [first])
    for tag, text, chars in _RESOLVERS:
        StrictLoader.add_implicit_resolver(tag, re.compile(text), list(chars))
    for ambiguous, _ in _AMBIGUITIES:
        StrictLoader.add_implicit_resolver(_AMBIGUOUS, ambiguous, None)
    return StrictLoader


class _Refused(Exception):
    def __init__(self, reason: str, mark: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.mark = mark


def _at(mark: Any) -> str:
    return f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""


def safe_yaml_load(text: str, source: str, *, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
    """Parse a YAML data file strictly (see the module docs for what is refused).

    Args:
        text: the file's text.
        source: the file's name, for messages.
        max_depth: deepest nesting of mappings and sequences accepted.

    Raises:
        RulebookError: naming the file, the key path where known, and the reason; the file's
            lines are never quoted.

    Examples:
        >>> safe_yaml_load("a: 1\\nb: [true, 2026-01-01]", "x.yaml")
        {'a': 1, 'b': [True, datetime.date(2026, 1, 1)]}
        >>> try:
        ...     safe_yaml_load("start: 1:30", "x.yaml")
        ... except RulebookError as e:
        ...     print(e.key, "|", e.reason[:55])
        start | '1:30' is read by YAML 1.1 as a base-60 number (90) and
    """
    try:
        import yaml
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise RulebookError(
            source, None, "reading YAML needs PyYAML: pip install 'community-governance[yaml]'"
        ) from None
    source = visible(source)
    loader = None
    try:
        loader = _loader_class()(text)
        loader.max_depth = max_depth
        node = loader.get_single_node()
        if node is None:
            return None
        _check_nodes(loader, node, source)
        return loader.construct_document(node)
    except RulebookError:
        raise
    except _Refused as e:
        raise RulebookError(source, None, e.reason + _at(e.mark)) from None
    except yaml.MarkedYAMLError as e:
        what = " ".join(p for p in (e.context, e.problem) if p)
        raise RulebookError(
            source, None, f"YAML syntax error: {visible(what)[:200]}{_at(e.problem_mark)}"
        ) from None
    except yaml.reader.ReaderError as e:
        raise RulebookError(
            source,
            None,
            f"not YAML text: character {excerpt(chr(e.character))} at offset {e.position} is "
            "not allowed in YAML",
        ) from None
    except yaml.YAMLError as e:
        raise RulebookError(source, None, f"YAML error: {visible(str(e))[:200]}") from None
    except (ValueError, OverflowError) as e:
        raise RulebookError(source, None, f"bad value: {visible(str(e))[:200]}") from None
    finally:
        if loader is not None:
            loader.dispose()


def _check_nodes(loader: Any, root: Any, source: str) -> None:
    """Refuse, with the key path: keys given twice or not plain scalars, ambiguous scalars,
    impossible dates and integers too long to convert."""
    import yaml

    stack: list[tuple[tuple[str | int, ...], Any]] = [((), root)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: set[tuple[str, str]] = set()
            children = []
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    raise _keyed(source, path, "keys must be plain text or numbers", key)
                if (key.tag, key.value) in seen:
                    raise _keyed(source, (*path, key.value), "key given twice in one mapping", key)
                seen.add((key.tag, key.value))
                children.append(((*path, key.value), key))
                children.append(((*path, key.value), value))
            stack.extend(reversed(children))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed([((*path, i), v) for i, v in enumerate(node.value)]))
        elif node.tag == _AMBIGUOUS:
            raise _keyed(source, path, _ambiguity(loader, node.value), node)
        elif node.tag in (f"{_Y}timestamp", f"{_Y}int"):
            try:
                loader.construct_object(node)
            except (ValueError, OverflowError) as e:
                why = _first_clause(e)
                raise _keyed(source, path, f"{excerpt(node.value, 24)}: {why}", node) from None


def _keyed(source: str, path: tuple[str | int, ...], reason: str, node: Any) -> RulebookError:
    return RulebookError(source, key_path(path) or None, reason + _at(node.start_mark))


def _ambiguity(loader: Any, value: str) -> str:
    import yaml

    what = next(why for pattern, why in _AMBIGUITIES if pattern.match(value))
    if what == "a number":
        return (
            f"{excerpt(value)} is read by YAML 1.2 as a number and by YAML 1.1 as text: quote "
            "it for text, or write the number with a decimal point and a signed exponent"
        )
    if what == "a boolean":
        return (
            f"{excerpt(value)} is read by YAML 1.1 as a boolean and by YAML 1.2 as text: "
            "write true or false, or quote it for text"
        )
    try:  # what YAML 1.1 (PyYAML's own resolver) makes of it
        as11 = yaml.SafeLoader.construct_yaml_int(loader, yaml.ScalarNode(f"{_Y}int", value))
        shown = f" ({as11})"
    except (ValueError, TypeError):
        shown = ""
    return (
        f"{excerpt(value)} is read by YAML 1.1 as {what}{shown} and by YAML 1.2 as text: quote "
        "it for text, or write the value another way"
    )


def safe_toml_load(text: str, source: str, *, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
    """Parse TOML with ``tomllib``, refusing nesting deeper than ``max_depth``.

    Raises:
        RulebookError: a syntax error (line and column), or nesting too deep (key path).

    Examples:
        >>> safe_toml_load('a = [[1]]', "x.toml")
        {'a': [[1]]}
    """
    source = visible(source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise RulebookError(source, None, f"TOML syntax error: {visible(str(e))[:200]}") from None
    except RecursionError:
        raise RulebookError(source, None, f"nested deeper than {max_depth} levels") from None
    except ValueError as e:  # an integer too long to convert
        raise RulebookError(source, None, f"bad value: {_first_clause(e)}") from None
    for path, value in _nodes(data):
        if len(path) >= max_depth and isinstance(value, (dict, list)):
            raise RulebookError(source, key_path(path), f"nested deeper than {max_depth} levels")
    return data


def parse_data_text(
    text: str, suffix: str, source: str, *, max_depth: int = DEFAULT_MAX_DEPTH
) -> Any:
    """Parse a data file's text by its suffix (``.toml``, ``.yaml``, ``.yml``) with
    `safe_toml_load` or `safe_yaml_load`.

    Raises:
        RulebookError: an unknown suffix, or what those raise.
    """
    suffix = suffix.lower()
    if suffix == ".toml":
        return safe_toml_load(text, source, max_depth=max_depth)
    if suffix in (".yaml", ".yml"):
        return safe_yaml_load(text, source, max_depth=max_depth)
    raise RulebookError(
        visible(source),
        None,
        f"expected a .toml, .yaml or .yml file (got {excerpt(suffix or 'no suffix')})",
    )


def read_data_file(path: str | Path, limits: Limits | None = None) -> tuple[Any, str]:
    """Read and parse a TOML or YAML data file within ``limits``; return the data and the
    SHA-256 (hex) of the file's bytes.

    Only a regular file of at most ``limits.rulebook_bytes`` is read (see
    `community_governance._io.open_input`); the text must be UTF-8.

    Raises:
        RulebookError: the file cannot be read within the limits, or cannot be parsed.
    """
    limits = limits or Limits.from_env()
    name = str(path)
    suffix = Path(name).suffix
    if suffix.lower() not in DATA_FILE_SUFFIXES:
        parse_data_text("", suffix, name)  # raises: not a data file
    data = read_bytes(name, limit=limits.rulebook_bytes, kind="rulebook", error=RulebookError)
    text = decode_utf8(data, name, RulebookError)
    parsed = parse_data_text(text, suffix, name, max_depth=limits.depth)
    return parsed, hashlib.sha256(data).hexdigest()
