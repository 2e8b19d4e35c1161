"""Rulebooks from TOML or YAML files: strictly validated data, never code.

One format, ``cg.rulebook/2``: a file extends a built-in rulebook or another file, and gives
parameters dated values (or defines new ones), adds rules composed from the public check
vocabulary (`community_governance.checks.compose`), replaces, re-dates, re-titles or disables
inherited rules, and adds rows to tables. ``cg.rulebook/1`` files and legacy
``cg.work-item-lists/1`` files are read with the same meaning as before. Anything wrong fails
at load with the file, the key path and the reason — every problem at once.

A rulebook loaded from a file pickles by content: its ``origin`` rebuilds it from the texts
of the file and of the files it extends.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from .._datafiles import parse_data_text
from .._escape import visible
from .._io import ErrorFactory, Limits, read_text
from ..exceptions import RulebookError, UnknownReferenceError
from ._file_build import build
from ._file_specs import (
    FORMAT_1,
    FORMAT_2,
    LISTS_FORMAT,
    RulebookFile,
    RulebookFile1,
    WorkItemListsFile,
    validate_file,
)
from ._provenance import file_digest, mark_file_rulebook
from ._registry import get_rulebook
from ._rulebook import Rulebook

if sys.version_info >= (3, 11):
    pass
else:  # pragma: no cover - exercised on Python 3.10 only
    pass  # type: ignore[import-not-found, no-redef, unused-ignore]

__all__ = [
    "FORMATS",
    "LISTS_FORMAT",
    "RULEBOOK_FORMAT",
    "RulebookFile",
    "RulebookFile1",
    "WorkItemListsFile",
    "load_rulebook",
    "load_work_item_lists",
    "parse_rulebook",
    "parse_work_item_lists",
]

RULEBOOK_FORMAT = FORMAT_2
"""The current rulebook file format."""
FORMATS: tuple[str, ...] = (FORMAT_2, FORMAT_1, LISTS_FORMAT)
"""Every format `load_rulebook` reads."""
FILE_SUFFIXES = (".toml", ".yaml", ".yml")


@attrs.frozen(slots=True)
class Document:
    """One rulebook document as read: where it is, its name in messages, and its content.

    Args:
        key: the absolute path (a file) or ``data:<source>`` (data given to `parse_rulebook`).
        source: the name used in error messages (the path as the user gave it).
        folder: the absolute folder a relative ``extends`` is resolved in.
        content: the file's text, or the already-parsed data.
        suffix: ``.toml`` / ``.yaml`` / ``.yml`` (how the text is parsed).
    """

    key: str
    source: str
    folder: str
    content: str | Mapping[str, Any] = attrs.field(eq=False)
    suffix: str = ""


def _text(path: Path, source: str, limits: Limits | None = None) -> str:
    """A rulebook file's text, read within the limits: a regular file only (never a FIFO or
    a device), at most ``limits.rulebook_bytes``, strict UTF-8."""
    limit = (limits or Limits.from_env()).rulebook_bytes
    return read_text(str(path), limit=limit, kind="rulebook", error=_error_in(source))


def _error_in(source: str) -> ErrorFactory:
    def error(_: str, key: str | None, reason: str) -> Exception:
        return RulebookError(visible(source), key, reason)

    return error


def _suffix(path: Path, source: str) -> str:
    suffix = path.suffix.lower()
    if suffix not in FILE_SUFFIXES:
        raise RulebookError(
            source, None, f"expected a .toml, .yaml or .yml file (got {suffix or 'no suffix'!r})"
        )
    return suffix


def parse_text(text: str, suffix: str, source: str, limits: Limits | None = None) -> Any:
    """Parse TOML or YAML text strictly (`community_governance._datafiles`): no YAML aliases,
    tags or ambiguous scalars (``1:30`` is not 90), no duplicate keys, nesting within
    ``limits.depth``; an error is a `RulebookError` naming the file, the key and the reason."""
    depth = (limits or Limits.from_env()).depth
    return parse_data_text(text, suffix, source, max_depth=depth)


def read_document(path: str | Path, limits: Limits | None = None) -> Any:
    """Read a TOML or YAML data file within the limits: every failure a `RulebookError`
    naming it."""
    p, source = Path(path), str(path)
    suffix = _suffix(p, source)
    return parse_text(_text(p, source, limits), suffix, source, limits)


def is_file_reference(ref: str) -> bool:
    """Whether a rulebook reference names a file (``.toml`` / ``.yaml`` / ``.yml``) rather
    than a rulebook id."""
    return ref.lower().endswith(FILE_SUFFIXES)


def _key(path: Path) -> str:
    return os.path.normpath(path.absolute())


class _Loader:
    """Loads one rulebook document and the files it extends, detecting cycles; the
    documents it read become the rulebooks' ``origin`` (`_rebuild` needs no disk)."""

    def __init__(
        self,
        parents: Mapping[str, Rulebook] | None,
        documents: tuple[Document, ...] = (),
        limits: Limits | None = None,
    ) -> None:
        self.limits = limits or Limits.from_env()
        self.parents = dict(parents or {})
        self.known = {d.key: d for d in documents}
        self.read: dict[str, tuple[Document, ...]] = {}
        self.used: dict[str, Rulebook] = {}  # the ``parents`` extended, for the origin

    def file(self, path: Path, source: str, chain: tuple[Document, ...]) -> Rulebook:
        key = _key(path)
        for i, d in enumerate(chain):
            if d.key == key:
                names = " → ".join(x.source for x in (*chain[i:], d))
                raise RulebookError(
                    chain[-1].source, "extends", f"the files extend each other in a cycle: {names}"
                )
        doc = self.known.get(key)
        if doc is None:
            suffix = _suffix(path, source)
            text = _text(path, source, self.limits)
            doc = Document(key, source, str(Path(key).parent), text, suffix)
        return self.document(doc, chain)

    def document(self, doc: Document, chain: tuple[Document, ...] = ()) -> Rulebook:
        content = doc.content
        if isinstance(content, str):
            data = parse_text(content, doc.suffix, doc.source, self.limits)
        else:
            data = content
        parent_docs: tuple[Document, ...] = ()

        def parent(extends: str) -> Rulebook:
            nonlocal parent_docs
            if is_file_reference(extends):
                target = Path(doc.folder) / extends
                shown = str(Path(doc.source).parent / extends)
                try:
                    book = self.file(target, shown, (*chain, doc))
                except RulebookError as e:
                    if e.source == doc.source:
                        raise
                    raise RulebookError(
                        e.source, e.key, f"{e.reason} (in the file {doc.source} extends)"
                    ) from None
                parent_docs = self.read[_key(target)]
                return book
            if extends in self.parents:
                self.used[extends] = self.parents[extends]
                return self.parents[extends]
            try:
                return get_rulebook(extends)
            except UnknownReferenceError as e:
                raise RulebookError(doc.source, "extends", str(e)) from None

        book = build(_spec(data, doc.source), doc.source, parent)
        if isinstance(content, str):
            # read from a file: it can never pass for a built-in (its audit names the file)
            mark_file_rulebook(book, [file_digest(content)], doc.source)
        self.read[doc.key] = (doc, *parent_docs)
        given = tuple(sorted(self.used.items()))
        object.__setattr__(book, "origin", (_rebuild, (doc.key, self.read[doc.key], given)))
        return book


def _spec(data: Any, source: str) -> RulebookFile | RulebookFile1 | WorkItemListsFile:
    fmt = data.get("format") if isinstance(data, Mapping) else None
    if fmt == FORMAT_1:
        return validate_file(RulebookFile1, data, source)
    if fmt == LISTS_FORMAT:
        return validate_file(WorkItemListsFile, data, source)
    if fmt != FORMAT_2 and isinstance(data, Mapping):
        raise RulebookError(
            source, "format", f"expected one of {', '.join(map(repr, FORMATS))} (got {fmt!r})"
        )
    return validate_file(RulebookFile, data, source)


def _rebuild(
    key: str, documents: tuple[Document, ...], parents: tuple[tuple[str, Rulebook], ...]
) -> Rulebook:
    """Rebuild a rulebook loaded from files from the documents read (unpickling)."""
    loader = _Loader(dict(parents), documents)
    return loader.document(loader.known[key])


def parse_rulebook(
    data: Mapping[str, Any], source: str, parents: Mapping[str, Rulebook] | None = None
) -> Rulebook:
    """Build a Rulebook from already-parsed file data (any format `load_rulebook` reads).

    Args:
        data: the parsed TOML/YAML document.
        source: name used in error messages (the file path); a relative ``extends`` file is
            resolved next to it.
        parents: rulebooks the file may extend besides the built-in ones, by id.

    Raises:
        RulebookError: malformed content (file, key, reason).
    """
    folder = str(Path(source).parent.absolute())
    doc = Document(f"data:{source}", source, folder, data)
    return _Loader(parents).document(doc)


def load_rulebook(
    path: str | Path,
    parents: Mapping[str, Rulebook] | None = None,
    *,
    limits: Limits | None = None,
) -> Rulebook:
    """Load a rulebook from a ``.toml``, ``.yaml`` or ``.yml`` file.

    Reads ``cg.rulebook/2`` files, and ``cg.rulebook/1`` and legacy ``cg.work-item-lists/1``
    files with their meaning. YAML needs PyYAML (``pip install community-governance[yaml]``)
    and is read with ``yaml.safe_load``: no tags, no code.

    Args:
        path: the file.
        parents: rulebooks the file may extend by id besides the built-in ones (a file may
            also extend another file by its path).
        limits: size and depth caps for every file read (default: `Limits.from_env()`).

    Raises:
        RulebookError: unreadable file (not a regular file, too large, not UTF-8), syntax
            error, a cycle of files, a built-in's id, or malformed content (file, key,
            reason — every problem found).

    Examples:
        >>> book = load_rulebook("examples/rulebooks/locality-2027.toml")
        >>> book.lineage
        ('cn.sichuan.chengdu.jinjiang.example-street', 'cn.sichuan.chengdu.jinjiang', 'cn')
    """
    return _Loader(parents, limits=limits).file(Path(path), str(path), ())


def parse_work_item_lists(
    data: Mapping[str, Any], source: str, parents: Mapping[str, Rulebook] | None = None
) -> Rulebook:
    """Build a rulebook from already-parsed ``cg.work-item-lists/1`` data.

    Raises:
        RulebookError: malformed content, or data in another format (file, key, reason).
    """
    if isinstance(data, Mapping) and data.get("format") != LISTS_FORMAT:
        validate_file(WorkItemListsFile, data, source)  # reports the format, as it always did
    return parse_rulebook(data, source, parents)


def load_work_item_lists(
    path: str | Path, parents: Mapping[str, Rulebook] | None = None
) -> Rulebook:
    """Load a rulebook file adding work-item lists: a legacy ``cg.work-item-lists/1`` file or
    a ``cg.rulebook/2`` file (then the same as `load_rulebook`).

    Examples:
        >>> from community_governance import work_item_lists
        >>> book = load_work_item_lists("examples/access/example-city-lists.toml")
        >>> work_item_lists(book).find("EX-N-01").kind
        'negative'
    """
    return load_rulebook(path, parents)
