"""Work-item lists (工作事项清单) as values: entries with citations, and declared list sizes.

Kept apart from the file loader (`access_lists`) so that the built-in rulebooks can build
their lists without importing the loader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Literal

import attrs

from ..exceptions import RulebookError
from ..models.work_item import CommitteeKind
from ..rules.citation import Citation

__all__ = ["LIST_KINDS", "DeclaredCount", "ListEntry", "ListKind", "WorkItemLists"]

#: duty: 依法履职事项; assistance: 依法协助政府事项; negative: 不应承担工作事项 (负面清单);
#: certificate: 不应出具证明事项.
ListKind = Literal["duty", "assistance", "negative", "certificate"]
LIST_KINDS: tuple[ListKind, ...] = ("duty", "assistance", "negative", "certificate")
LIST_ZH: Mapping[str, str] = {
    "duty": "依法履职事项清单",
    "assistance": "依法协助政府事项清单",
    "negative": "不应承担工作事项清单（负面清单）",
    "certificate": "不应出具证明事项清单",
}
LIST_EN: Mapping[str, str] = {
    "duty": "list of duties performed by law",
    "assistance": "list of items assisting government by law",
    "negative": "list of items not to be undertaken (negative list)",
    "certificate": "list of certificates not to be issued",
}
BOTH: tuple[CommitteeKind, ...] = ("residents_committee", "village_committee")


@attrs.frozen(slots=True)
class ListEntry:
    """One entry of a published work-item list, with its source.

    Args:
        id: the entry's stable id (the ``list_entry`` a work item names).
        list_id: the published list it belongs to (declared sizes are counted per list).
        kind: ``duty`` / ``assistance`` / ``negative`` / ``certificate``.
        title_zh: the entry as published (for certificates: what is attested, e.g. 亲属关系).
        title_en: English rendering.
        citation: where the entry is published.
        committees: the committees it applies to.
        valid_from: first day on the list, or ``None``.
        valid_to: first day no longer on the list (exclusive), or ``None``.
    """

    id: str
    list_id: str
    kind: ListKind
    title_zh: str
    title_en: str
    citation: Citation
    committees: tuple[CommitteeKind, ...] = BOTH
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def applies(self, committee: str, at: dt.date) -> bool:
        """Whether the entry is on the list for ``committee`` on ``at`` (end exclusive)."""
        return (
            committee in self.committees
            and (self.valid_from is None or self.valid_from <= at)
            and (self.valid_to is None or at < self.valid_to)
        )

    def to_dict(self) -> dict[str, object]:
        """JSON form used in finding evidence."""
        return {
            "id": self.id,
            "list": self.list_id,
            "kind": self.kind,
            "title": {"zh": self.title_zh, "en": self.title_en},
            "citation": self.citation.to_dict(),
        }


@attrs.frozen(slots=True)
class DeclaredCount:
    """How many entries of one kind a published list has, as its source states.

    While a rulebook holds fewer entries of that list than declared, the list is incomplete
    and an item found on no list cannot be refused on that ground alone (indeterminate).
    """

    list_id: str
    kind: ListKind
    count: int
    citation: Citation


@attrs.frozen(slots=True)
class WorkItemLists:
    """A jurisdiction's work-item lists: entries, declared sizes, and what an unlisted item
    gets.

    Args:
        entries: every entry, inherited ones first.
        declared: published list sizes (``安徽: 17 / 38 / 7 / 41``).
        unlisted: ``deny``, ``indeterminate``, or ``None``: deny when every declared list is
            complete, else indeterminate.
        source: where the lists were defined (rulebook id or file), for messages.
    """

    entries: tuple[ListEntry, ...] = ()
    declared: tuple[DeclaredCount, ...] = ()
    unlisted: Literal["deny", "indeterminate"] | None = None
    source: str = ""
    _index: Mapping[str, ListEntry] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, ListEntry] = {}
        for i, e in enumerate(self.entries):
            if e.id in index:
                raise RulebookError(self.source, f"entries[{i}].id", f"duplicate entry {e.id!r}")
            index[e.id] = e
        for d in self.declared:
            held = self.held(d.list_id, d.kind)
            if held > d.count:
                raise RulebookError(
                    self.source,
                    f"declared.{d.list_id}.{d.kind}",
                    f"list {d.list_id!r} declares {d.count} {d.kind} entries but {held} are given",
                )
        object.__setattr__(self, "_index", index)

    def held(self, list_id: str, kind: str) -> int:
        """How many entries of ``kind`` of list ``list_id`` are held."""
        return sum(1 for e in self.entries if e.list_id == list_id and e.kind == kind)

    def find(self, entry_id: str) -> ListEntry | None:
        """The entry ``entry_id``, or ``None``."""
        return self._index.get(entry_id)

    def certificate_named(self, name: str) -> ListEntry | None:
        """The not-to-issue entry whose title is exactly ``name``, or ``None``."""
        for e in self.entries:
            if e.kind == "certificate" and e.title_zh == name:
                return e
        return None

    def of_kind(self, kind: str, committee: str, at: dt.date) -> tuple[ListEntry, ...]:
        """Entries of ``kind`` in force for ``committee`` on ``at``."""
        return tuple(e for e in self.entries if e.kind == kind and e.applies(committee, at))

    def incomplete(self) -> tuple[tuple[DeclaredCount, int], ...]:
        """Declared lists holding fewer entries than declared, with the number held."""
        out = []
        for d in self.declared:
            held = self.held(d.list_id, d.kind)
            if held < d.count:
                out.append((d, held))
        return tuple(out)

    @property
    def unlisted_verdict(self) -> Literal["deny", "indeterminate"]:
        """What an item on no list gets: the explicit setting, else deny if complete."""
        if self.unlisted is not None:
            return self.unlisted
        return "indeterminate" if self.incomplete() else "deny"

    def extend(
        self,
        entries: Iterable[ListEntry] = (),
        declared: Iterable[DeclaredCount] = (),
        unlisted: Literal["deny", "indeterminate"] | None = None,
        source: str = "",
    ) -> WorkItemLists:
        """These lists plus more entries and declared sizes (this value is unchanged).

        Raises:
            RulebookError: an entry id is already used, or a list holds more than declared.
        """
        return WorkItemLists(
            entries=(*self.entries, *entries),
            declared=(*self.declared, *declared),
            unlisted=unlisted if unlisted is not None else self.unlisted,
            source=source or self.source,
        )
