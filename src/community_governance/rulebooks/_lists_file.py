"""Work-item lists (工作事项清单) from TOML or YAML files: a city's or province's own lists.

A ``cg.work-item-lists/1`` file extends a rulebook (built-in or given) and adds list entries,
each with its citation: duties (依法履职), assistance items (依法协助), items not to be
undertaken (不应承担 / negative list) and certificates not to be issued. It may declare the
published size of a list and say what an item found on no list gets. The result is a new
rulebook layering the work-item list tables (their shape: `checks.work_item_lists`). Anything
wrong fails at load with the file, the key and the reason, as rulebook files do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from ..checks.work_item_lists import (
    BOTH,
    LIST_KINDS,
    UNLISTED_KEY,
    UNLISTED_TABLE,
    DeclaredCount,
    ListEntry,
    ListKind,
    WorkItemLists,
    declared_table,
    lists_table,
    unlisted_table,
    work_item_lists,
)
from ..exceptions import RulebookError, UnknownReferenceError
from ..models.work_item import CommitteeKind
from ._files import (
    CitationSpec,
    FileSpec,
    Title,
    read_document,
    resolve_parent,
    to_citation,
    validate_file,
)
from ._rulebook import Rulebook

__all__ = [
    "LISTS_FORMAT",
    "LIST_KINDS",
    "DeclaredCount",
    "ListEntry",
    "WorkItemLists",
    "WorkItemListsFile",
    "load_work_item_lists",
    "parse_work_item_lists",
    "work_item_lists",
]

LISTS_FORMAT = "cg.work-item-lists/1"
_ID = r"^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$"


class EntrySpec(FileSpec):
    """One list entry in a file."""

    id: str = Field(pattern=_ID, description="The entry's id (the list_entry items name).")
    list: str = Field(pattern=_ID, description="The published list it belongs to.")
    kind: ListKind = Field(description="duty / assistance / negative / certificate.")
    title: Title
    committees: tuple[CommitteeKind, ...] = Field(default=BOTH, strict=False, min_length=1)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    citation: CitationSpec


class DeclaredSpec(FileSpec):
    """The published size of one list."""

    list: str = Field(pattern=_ID)
    kind: ListKind
    count: int = Field(ge=0)
    citation: CitationSpec


class WorkItemListsFile(FileSpec):
    """The ``cg.work-item-lists/1`` file format (TOML or YAML)."""

    format: Literal["cg.work-item-lists/1"]
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$")
    version: str = Field(min_length=1)
    extends: str = Field(description="Id of the rulebook extended (built-in or given).")
    title: Title
    unlisted: Literal["deny", "indeterminate"] | None = Field(
        default=None,
        description="What an item on no list gets; default: deny once every declared list "
        "is complete, else indeterminate.",
    )
    citations: tuple[CitationSpec, ...] = Field(
        strict=False, min_length=1, description="Where the lists are published (at least one)."
    )
    declared: tuple[DeclaredSpec, ...] = Field(default=(), strict=False)
    entries: tuple[EntrySpec, ...] = Field(default=(), strict=False)


def parse_work_item_lists(
    data: Mapping[str, Any], source: str, parents: Mapping[str, Rulebook] | None = None
) -> Rulebook:
    """Build a rulebook with the file's lists from already-parsed file data.

    Args:
        data: the parsed TOML/YAML document.
        source: name used in error messages (the file path).
        parents: rulebooks the file may extend besides the built-in ones, by id.

    Raises:
        RulebookError: malformed content (file, key, reason).
    """
    spec = validate_file(WorkItemListsFile, data, source)
    parent = resolve_parent(spec.extends, source, parents)
    try:
        base = work_item_lists(parent)
    except UnknownReferenceError as error:
        raise RulebookError(source, "extends", str(error)) from None
    entries: list[ListEntry] = []
    for i, e in enumerate(spec.entries):
        key = f"entries[{i}]"
        if base.find(e.id) is not None or any(x.id == e.id for x in entries):
            raise RulebookError(source, f"{key}.id", f"entry id {e.id!r} is already used")
        if e.valid_from and e.valid_to and e.valid_to <= e.valid_from:
            raise RulebookError(
                source, f"{key}.valid_to", f"{e.valid_to} is not after valid_from {e.valid_from}"
            )
        entries.append(
            ListEntry(
                id=e.id,
                list_id=e.list,
                kind=e.kind,
                title_zh=e.title.zh,
                title_en=e.title.en,
                citation=to_citation(e.citation),
                committees=e.committees,
                valid_from=e.valid_from,
                valid_to=e.valid_to,
            )
        )
    declared = [
        DeclaredCount(d.list, d.kind, d.count, to_citation(d.citation)) for d in spec.declared
    ]
    citations = [to_citation(c) for c in spec.citations]
    inherited = parent.table(UNLISTED_TABLE).entry(UNLISTED_KEY) is not None
    tables = (
        lists_table(entries),
        declared_table(declared),
        unlisted_table(spec.unlisted, citations[0], replaces=inherited),
    )
    try:
        book = parent.extend(
            spec.id,
            spec.version,
            title_zh=spec.title.zh,
            title_en=spec.title.en,
            citations=citations,
            tables=tables,
        )
        work_item_lists(book)
    except RulebookError as error:
        raise RulebookError(source, error.key, error.reason) from None
    return book


def load_work_item_lists(
    path: str | Path, parents: Mapping[str, Rulebook] | None = None
) -> Rulebook:
    """Load a ``cg.work-item-lists/1`` file (``.toml``, ``.yaml`` or ``.yml``).

    Returns:
        A rulebook extending the file's ``extends``, whose list tables hold the merged lists.

    Raises:
        RulebookError: unreadable file, syntax error, or malformed content (file, key, reason).

    Examples:
        >>> book = load_work_item_lists("examples/access/example-city-lists.toml")
        >>> work_item_lists(book).find("EX-N-01").kind
        'negative'
    """
    return parse_work_item_lists(read_document(path), str(path), parents)
