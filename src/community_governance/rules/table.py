"""Tables: named, dated law data a rule reads as a whole (work-item lists, meeting pass
rules, procedures), overridable by a local rulebook entry by entry, like parameters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from ..exceptions import RulebookError
from .citation import Citation
from .validity import Validity

__all__ = ["Table", "TableEntry"]


@attrs.frozen(slots=True)
class TableEntry:
    """One entry of a table: a key unique in the table, a value, its dates and its source.

    Args:
        key: the entry's key (a list entry's number, a meeting type, a procedure id).
        value: the entry (any immutable value the reading check understands).
        citation: the law that sets it.
        validity: the days it is in force.
    """

    key: str
    value: Any = attrs.field(eq=False)
    citation: Citation
    validity: Validity = attrs.field(factory=Validity)

    def covers(self, at: dt.date) -> bool:
        """Whether the entry is in force on ``at``."""
        return self.validity.covers(at)


def _entries(value: Iterable[TableEntry]) -> tuple[TableEntry, ...]:
    return tuple(value)


@attrs.frozen(slots=True)
class Table:
    """A named table of dated entries.

    A rulebook that defines a table of the same name as its parent's *adds* entries to it; an
    entry with a key the parent already has replaces the parent's entry (say so with
    ``replaces=True``, or it is a conflict), and ``remove`` drops parent entries by key.

    Args:
        name: stable dotted id (``work-item.lists``, ``meeting.pass-rules``, ``procedures``).
        title_zh: Chinese title.
        title_en: English title.
        entries: the entries this layer defines.
        replaces: whether entries may replace parent entries of the same key.
        remove: keys of parent entries this layer removes.

    Examples:
        >>> import datetime as dt
        >>> c = Citation("法", "第一条", "")
        >>> t = Table("t.x", "表", "table", (TableEntry("a", 1, c),))
        >>> [e.key for e in t.entries_at(dt.date(2026, 1, 1))]
        ['a']
    """

    name: str
    title_zh: str
    title_en: str
    entries: tuple[TableEntry, ...] = attrs.field(default=(), converter=_entries)
    replaces: bool = False
    remove: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for e in self.entries:
            if not isinstance(e, TableEntry):
                raise RulebookError(
                    f"table {self.name}", "entries", f"must be TableEntry values (got {e!r})"
                )
            if e.key in seen:
                raise RulebookError(f"table {self.name}", f"entries.{e.key}", "key given twice")
            seen.add(e.key)

    def entries_at(self, at: dt.date) -> tuple[TableEntry, ...]:
        """The entries in force on ``at``, in table order."""
        return tuple(e for e in self.entries if e.covers(at))

    def entry(self, key: str) -> TableEntry | None:
        """The entry with ``key`` (whatever its dates), or ``None``."""
        for e in self.entries:
            if e.key == key:
                return e
        return None

    def over(self, parent: Table, where: str) -> Table:
        """This layer merged over ``parent``: the merged table a rulebook reads."""
        own = {e.key: e for e in self.entries}
        for key in self.remove:
            if parent.entry(key) is None:
                raise RulebookError(where, f"tables.{self.name}.remove", f"no entry {key!r}")
        merged: list[TableEntry] = []
        for e in parent.entries:
            if e.key in self.remove:
                continue
            if e.key in own:
                if not self.replaces:
                    raise RulebookError(
                        where,
                        f"tables.{self.name}.entries.{e.key}",
                        "the parent has an entry with this key; set replaces to override it",
                    )
                merged.append(own.pop(e.key))
            else:
                merged.append(e)
        merged.extend(e for e in self.entries if e.key in own)
        return attrs.evolve(
            parent, entries=tuple(merged), replaces=False, remove=(), title_zh=parent.title_zh
        )
