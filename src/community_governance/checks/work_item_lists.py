"""Work-item lists (工作事项清单) as law tables: entries with citations, declared list sizes,
and what an item found on no list gets.

The lists are rulebook tables (`Table`), layered like every table: a local rulebook adds rows,
replaces rows by key or removes them, and the three list rules (``work-item.listed``,
``work-item.negative-list``, ``certificate.not-to-issue``) read the merged tables through
``ctx.table(...)``. `work_item_lists` gives the same tables as one `WorkItemLists` view.

Table shape — the contract the built-in rulebooks and the rulebook file format build on:

``work-item.lists`` (`LISTS_TABLE`): one row per published list entry.
    * key: the entry's id (``EX-N-01``, ``cn.mca-2020-20.kinship``), the ``list_entry`` a
      work item names; unique across all lists of a rulebook's lineage.
    * value: the `ListEntry` (list id, kind, titles, citation, committees, dates).
    * citation: the entry's citation (``value.citation``).
    * validity: the entry's dates, ``Validity(value.valid_from, value.valid_to)``.
    * build a row with `list_row`, a layer with `lists_table`.

``work-item.lists.declared`` (`DECLARED_TABLE`): the published size of a list, for lists
modelled by their size until their items are loaded (Anhui's 17 / 38 / 7 / 41).
    * key: ``"<list id>/<kind>"`` (`declared_key`), e.g. ``anhui.guidance/assistance``.
    * value: the `DeclaredCount` (list id, kind, count, citation, dates).
    * citation: where the size is published (``value.citation``).
    * validity: the days the list is published (``value.valid_from`` / ``valid_to``; open when
      the source gives none).
    * build a row with `declared_row`, a layer with `declared_table`.

``work-item.lists.unlisted`` (`UNLISTED_TABLE`): what an item found on no list gets.
    * key: ``"verdict"`` (`UNLISTED_KEY`), the only key: at most one row.
    * value: ``"deny"`` or ``"indeterminate"``.
    * citation: the document that says so (a list file's first citation).
    * validity: the days the setting holds.
    * with no row in force: ``deny`` when every declared list in force holds as many entries
      in force as declared, else ``indeterminate`` (`WorkItemLists.unlisted_verdict`).
    * build a layer with `unlisted_table`.

Layers: ``cn`` defines the three tables (the organic laws' duties and assistance items, the
national certificate list and its declared size, no unlisted setting). A rulebook layers a
table of the same name (``Rulebook.extend(tables=...)``): its rows are *added*; a row whose key
the parent already has is a conflict unless the layer says ``replaces=True`` (then it replaces
the parent's row in place); ``remove=(key, ...)`` drops parent rows. So a province adds its
entries with ``lists_table(entries)``, declares sizes with ``declared_table(declared)``, and a
city that re-publishes an entry under the same id gives ``lists_table(entries,
replaces=True)``. A list entry's committees stay in its value: the rules compare them with the
item's committee; its dates are both in the value and the row's validity.

Kept apart from any file loader so that the built-in rulebooks build their tables without it.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Literal, Protocol

import attrs

from ..exceptions import RulebookError
from ..models.work_item import CommitteeKind
from ..rules.citation import Citation
from ..rules.table import Table, TableEntry
from ..rules.validity import Validity

__all__ = [
    "DECLARED_TABLE",
    "LISTS_TABLE",
    "LIST_KINDS",
    "UNLISTED_KEY",
    "UNLISTED_TABLE",
    "DeclaredCount",
    "ListEntry",
    "ListKind",
    "TableSource",
    "Unlisted",
    "WorkItemLists",
    "certificate_key",
    "declared_key",
    "declared_row",
    "declared_table",
    "list_row",
    "lists_table",
    "unlisted_table",
    "work_item_lists",
]

#: duty: 依法履职事项; assistance: 依法协助政府事项; negative: 不应承担工作事项 (负面清单);
#: certificate: 不应出具证明事项.
ListKind = Literal["duty", "assistance", "negative", "certificate"]
LIST_KINDS: tuple[ListKind, ...] = ("duty", "assistance", "negative", "certificate")
#: What an item found on no list gets.
Unlisted = Literal["deny", "indeterminate"]
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

LISTS_TABLE = "work-item.lists"
DECLARED_TABLE = "work-item.lists.declared"
UNLISTED_TABLE = "work-item.lists.unlisted"
UNLISTED_KEY = "verdict"


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

    Args:
        list_id: the published list.
        kind: the kind of entries counted.
        count: how many the source says the list has.
        citation: where the source says so.
        valid_from: first day the list is published, or ``None`` (not known: always).
        valid_to: first day it no longer is (exclusive), or ``None``.
    """

    list_id: str
    kind: ListKind
    count: int
    citation: Citation
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


#: Words around what a certificate attests, dropped before names are compared: 出具亲属关系的
#: 证明 is the certificate of 亲属关系. Longest first.
_PREFIXES = ("关于出具", "出具", "开具", "关于")
_SUFFIXES = ("的证明材料", "证明材料", "的证明书", "的证明信", "的证明", "证明书", "证明信", "证明")


def certificate_key(name: str) -> str:
    """The form in which certificate names are compared: NFKC, without whitespace or invisible
    characters, without the words around what is attested (出具…的证明).

    Examples:
        >>> [certificate_key(n) for n in ("亲属关系", "亲属关系证明", " 出具亲属关系的证明 ")]
        ['亲属关系', '亲属关系', '亲属关系']
        >>> certificate_key("证明")
        '证明'
    """
    text = "".join(
        ch
        for ch in unicodedata.normalize("NFKC", name)
        if not ch.isspace() and unicodedata.category(ch) != "Cf"
    )
    for prefix in _PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    return text


# --- rows and layers ---------------------------------------------------------------------


def list_row(entry: ListEntry) -> TableEntry:
    """The ``work-item.lists`` row of one entry (key: its id)."""
    return TableEntry(entry.id, entry, entry.citation, Validity(entry.valid_from, entry.valid_to))


def declared_key(list_id: str, kind: str) -> str:
    """The ``work-item.lists.declared`` key of a list's size: ``"<list id>/<kind>"``."""
    return f"{list_id}/{kind}"


def declared_row(declared: DeclaredCount) -> TableEntry:
    """The ``work-item.lists.declared`` row of one published size."""
    return TableEntry(
        declared_key(declared.list_id, declared.kind),
        declared,
        declared.citation,
        Validity(declared.valid_from, declared.valid_to),
    )


def lists_table(
    entries: Iterable[ListEntry] = (), *, replaces: bool = False, remove: Iterable[str] = ()
) -> Table:
    """A ``work-item.lists`` layer: these entries added (``replaces``: or replacing the
    parent's rows of the same id), the parent's rows ``remove`` dropped.

    Examples:
        >>> from community_governance.rules.citation import Citation
        >>> c = Citation("某市清单", "附件1 第1项", "协助受理高龄津贴申请")
        >>> t = lists_table([ListEntry("EX-A-01", "example-city", "assistance",
        ...                            "协助受理高龄津贴申请", "Assist", c)])
        >>> t.name, [e.key for e in t.entries]
        ('work-item.lists', ['EX-A-01'])
    """
    return Table(
        LISTS_TABLE,
        "社区工作事项清单",
        "work-item lists",
        tuple(list_row(e) for e in entries),
        replaces,
        tuple(remove),
    )


def declared_table(
    declared: Iterable[DeclaredCount] = (),
    *,
    replaces: bool = False,
    remove: Iterable[str] = (),
) -> Table:
    """A ``work-item.lists.declared`` layer: the published sizes of lists."""
    return Table(
        DECLARED_TABLE,
        "清单公布的事项数",
        "published sizes of work-item lists",
        tuple(declared_row(d) for d in declared),
        replaces,
        tuple(remove),
    )


def unlisted_table(
    verdict: Unlisted | None = None,
    citation: Citation | None = None,
    *,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
    replaces: bool = False,
    remove: bool = False,
) -> Table:
    """A ``work-item.lists.unlisted`` layer: what an item on no list gets (``None``: no row,
    the default rule applies), or, with ``remove``, the parent's setting dropped.

    Raises:
        RulebookError: a verdict other than ``deny`` / ``indeterminate``, or one without a
            citation.
    """
    rows: tuple[TableEntry, ...] = ()
    if verdict is not None:
        if verdict not in ("deny", "indeterminate"):
            raise RulebookError(
                f"table {UNLISTED_TABLE}",
                UNLISTED_KEY,
                f"must be 'deny' or 'indeterminate' (got {verdict!r})",
            )
        if citation is None:
            raise RulebookError(
                f"table {UNLISTED_TABLE}", UNLISTED_KEY, "the setting needs a citation"
            )
        rows = (TableEntry(UNLISTED_KEY, verdict, citation, Validity(valid_from, valid_to)),)
    return Table(
        UNLISTED_TABLE,
        "清单外事项的处理",
        "what an item on no list gets",
        rows,
        replaces,
        (UNLISTED_KEY,) if remove else (),
    )


# --- the view ----------------------------------------------------------------------------


@attrs.frozen(slots=True)
class WorkItemLists:
    """A jurisdiction's work-item lists as one value: entries, declared sizes, and what an
    unlisted item gets — a read-only view of the three tables (`work_item_lists`).

    Args:
        entries: every entry, inherited ones first.
        declared: published list sizes (``安徽: 17 / 38 / 7 / 41``).
        unlisted: ``deny``, ``indeterminate``, or ``None``: deny when every declared list is
            complete, else indeterminate.
        source: where the lists were defined (rulebook id), for messages.

    Raises:
        RulebookError: an entry id given twice, or a list holding more entries than declared.
    """

    entries: tuple[ListEntry, ...] = ()
    declared: tuple[DeclaredCount, ...] = ()
    unlisted: Unlisted | None = None
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

    @classmethod
    def from_rows(
        cls,
        entries: Iterable[TableEntry],
        declared: Iterable[TableEntry] = (),
        unlisted: Iterable[TableEntry] = (),
        source: str = "",
    ) -> WorkItemLists:
        """The view of table rows (as ``ctx.table(...)`` or ``Table.entries`` give them)."""
        setting: Unlisted | None = None
        for row in unlisted:
            if row.key == UNLISTED_KEY:
                setting = row.value
        return cls(
            tuple(r.value for r in entries),
            tuple(r.value for r in declared),
            setting,
            source,
        )

    def held(self, list_id: str, kind: str) -> int:
        """How many entries of ``kind`` of list ``list_id`` are held."""
        return sum(1 for e in self.entries if e.list_id == list_id and e.kind == kind)

    def find(self, entry_id: str) -> ListEntry | None:
        """The entry ``entry_id``, or ``None``."""
        return self._index.get(entry_id)

    def certificate_named(self, name: str) -> ListEntry | None:
        """The not-to-issue entry whose title is ``name`` once both are compared as
        `certificate_key` (亲属关系证明 is 亲属关系), or ``None``."""
        key = certificate_key(name)
        for e in self.entries:
            if e.kind == "certificate" and certificate_key(e.title_zh) == key:
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
    def unlisted_verdict(self) -> Unlisted:
        """What an item on no list gets: the explicit setting, else deny if complete."""
        if self.unlisted is not None:
            return self.unlisted
        return "indeterminate" if self.incomplete() else "deny"


class TableSource(Protocol):
    """What `work_item_lists` reads: anything with the rulebook's ``table(name)`` (a
    `Rulebook`, a compiled plan)."""

    @property
    def id(self) -> str:
        """The rulebook id (named in error messages)."""
        ...

    def table(self, name: str) -> Table:
        """The table ``name`` as the rulebook sees it."""
        ...


def work_item_lists(rulebook: TableSource, at: dt.date | None = None) -> WorkItemLists:
    """The work-item lists of a rulebook: its three list tables as one `WorkItemLists`.

    Args:
        rulebook: the rulebook (its merged tables are read).
        at: only the rows in force on that day (what the list rules see on ``at``);
            ``None``: every row, whatever its dates.

    Raises:
        UnknownReferenceError: the rulebook defines no work-item lists.
        RulebookError: a list holds more entries than its declared size.

    Examples:
        >>> from community_governance import get_rulebook
        >>> lists = work_item_lists(get_rulebook("cn.anhui"))
        >>> lists.unlisted_verdict, len(lists.incomplete())
        ('indeterminate', 4)
    """

    def rows(name: str) -> tuple[TableEntry, ...]:
        table = rulebook.table(name)
        return table.entries if at is None else table.entries_at(at)

    return WorkItemLists.from_rows(
        rows(LISTS_TABLE), rows(DECLARED_TABLE), rows(UNLISTED_TABLE), rulebook.id
    )
