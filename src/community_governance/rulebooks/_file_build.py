"""Build a rulebook from a validated file: every problem collected, then reported at once.

``cg.rulebook/1`` files are read as ``cg.rulebook/2`` files (they are a subset), legacy
``cg.work-item-lists/1`` files as a layer of the work-item list tables.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Mapping
from typing import Any, cast

import attrs
from pydantic import ValidationError

from ..checks.compose import Compare, Criterion, Group, MemberOf, When, composed, near, problems
from ..checks.work_item_lists import (
    DECLARED_TABLE,
    LISTS_TABLE,
    UNLISTED_KEY,
    UNLISTED_TABLE,
    DeclaredCount,
    ListEntry,
    declared_row,
    declared_table,
    list_row,
    lists_table,
    unlisted_table,
    work_item_lists,
)
from ..exceptions import RulebookError, UnknownReferenceError
from ..models import SUBJECT_MODELS
from ..rules.parameter import Parameter, ParameterKind, ParameterVersion
from ..rules.rule import DeclaredCheck, Rule
from ..rules.scope import Scope
from ..rules.table import Table, TableEntry
from ..rules.threshold import Quantifier
from ..rules.validity import Validity
from ._file_specs import (
    DOTTED,
    CheckSpec,
    DeclaredRowSpec,
    EntrySpec,
    FileSpec,
    ListEntrySpec,
    ParameterSpec,
    RulebookFile,
    RulebookFile1,
    ThresholdSpec,
    UnlistedRowSpec,
    WorkItemListsFile,
    joined,
    key_path,
    parameter_value,
    pydantic_problems,
)
from ._rulebook import Disable, Replace, Rulebook

__all__ = ["EntryValue", "build"]

ParentOf = Callable[[str], Rulebook]
"""Resolves a file's ``extends`` to the rulebook it extends."""


@attrs.frozen(slots=True)
class EntryValue:
    """The value of a table row written in a file, for a table with no special row format:
    its titles and an optional plain value (a string, an integer or a boolean)."""

    title_zh: str = ""
    title_en: str = ""
    value: str | int | bool | None = None


def _validity(spec: Any) -> Validity:
    return Validity(spec.valid_from, spec.valid_to)


def _list_row(s: ListEntrySpec) -> TableEntry:
    entry = ListEntry(
        id=s.key,
        list_id=s.list,
        kind=s.kind,
        title_zh=s.title.zh,
        title_en=s.title.en,
        citation=s.citation.citation(),
        committees=s.committees,
        valid_from=s.valid_from,
        valid_to=s.valid_to,
    )
    _validity(s)
    return list_row(entry)


def _declared_row(s: DeclaredRowSpec) -> TableEntry:
    _validity(s)
    return declared_row(
        DeclaredCount(s.list, s.kind, s.count, s.citation.citation(), s.valid_from, s.valid_to)
    )


def _unlisted_row(s: UnlistedRowSpec) -> TableEntry:
    return TableEntry(UNLISTED_KEY, s.value, s.citation.citation(), _validity(s))


def _generic_row(s: EntrySpec) -> TableEntry:
    title = s.title
    value = EntryValue(title.zh if title else "", title.en if title else "", s.value)
    return TableEntry(s.key, value, s.citation.citation(), _validity(s))


#: How a file writes the rows of a table: the row model, and how a row becomes an entry.
ROW_FORMATS: Mapping[str, tuple[type[FileSpec], Callable[[Any], TableEntry]]] = {
    LISTS_TABLE: (ListEntrySpec, _list_row),
    DECLARED_TABLE: (DeclaredRowSpec, _declared_row),
    UNLISTED_TABLE: (UnlistedRowSpec, _unlisted_row),
}
_GENERIC = (EntrySpec, _generic_row)


def build(
    spec: RulebookFile | RulebookFile1 | WorkItemListsFile, source: str, parent_of: ParentOf
) -> Rulebook:
    """The rulebook a validated file describes, extending ``parent_of(spec.extends)``.

    Raises:
        RulebookError: every problem found (file, first key, each reason).
    """
    if isinstance(spec, WorkItemListsFile):
        return _legacy_lists(spec, source, parent_of(spec.extends))
    if isinstance(spec, RulebookFile1):
        spec = RulebookFile.model_validate({**spec.model_dump(), "format": "cg.rulebook/2"})
        return _Builder(spec, source, parent_of(spec.extends), defines=False).build()
    return _Builder(spec, source, parent_of(spec.extends)).build()


def _tables_path(name: str) -> str:
    return key_path(("tables", name))


class _Builder:
    def __init__(
        self, spec: RulebookFile, source: str, parent: Rulebook, *, defines: bool = True
    ) -> None:
        self.spec, self.source, self.parent, self.defines = spec, source, parent, defines
        self.problems: list[tuple[str, str]] = []
        self.kinds: dict[str, ParameterKind] = {
            n: parent.parameter(n).kind for n in parent.parameter_names
        }
        self.in_force = {r.id: r for r in parent.effective_rules}

    def add(self, key: str, reason: str) -> None:
        self.problems.append((key, reason))

    def build(self) -> Rulebook:
        spec = self.spec
        parameters = self._parameters()
        tables = self._tables()
        names = {*self.parent.table_names, *spec.tables}
        rules = self._rules(names)
        replace = self._replace(names)
        disable = self._disable()
        if self.problems:
            raise RulebookError(self.source, *joined(self.problems), problems=list(self.problems))
        try:
            book = self.parent.extend(
                spec.id,
                spec.version,
                title_zh=spec.title.zh,
                title_en=spec.title.en,
                rules=rules,
                parameters=parameters,
                replace=replace,
                disable=disable,
                citations=[c.citation() for c in spec.citations],
                tables=tables,
            )
            if {LISTS_TABLE, DECLARED_TABLE, UNLISTED_TABLE} & set(spec.tables):
                work_item_lists(book)
        except RulebookError as e:
            raise RulebookError(self.source, e.key, e.reason) from None
        return book

    # --- parameters ----------------------------------------------------------------------

    def _parameters(self) -> list[Parameter]:
        groups: dict[str, list[tuple[int, ParameterSpec]]] = {}
        for i, p in enumerate(self.spec.parameters):
            groups.setdefault(p.name, []).append((i, p))
        out = []
        for name, items in groups.items():
            before = len(self.problems)
            head = self._head(name, items)
            if head is None:
                continue
            kind, title_zh, title_en, unit = head
            versions: list[tuple[int, ParameterVersion]] = []
            for i, p in items:
                key = f"parameters[{i}]"
                try:
                    value = parameter_value(kind, p.value)
                except ValueError as e:
                    self.add(f"{key}.value", f"{e} (parameter {name})")
                    continue
                if p.valid_to is not None and p.valid_to <= p.valid_from:
                    self.add(
                        f"{key}.valid_to", f"{p.valid_to} is not after valid_from {p.valid_from}"
                    )
                    continue
                version = ParameterVersion(value, p.valid_from, p.valid_to, p.citation.citation())
                versions.append((i, version))
            versions.sort(key=lambda iv: iv[1].valid_from)
            for (_, a), (j, b) in itertools.pairwise(versions):
                if a.valid_to is None or a.valid_to > b.valid_from:
                    self.add(
                        f"parameters[{j}].valid_from",
                        f"{name}: this value from {b.valid_from} overlaps the one from "
                        f"{a.valid_from} (to {a.valid_to or 'open end'})",
                    )
            if len(self.problems) == before:
                out.append(
                    Parameter(name, title_zh, title_en, kind, tuple(v for _, v in versions), unit)
                )
        return out

    def _head(
        self, name: str, items: list[tuple[int, ParameterSpec]]
    ) -> tuple[ParameterKind, str, str, str] | None:
        """The kind, titles and unit of a parameter given values: the parent's, or those the
        file defines it with (then recorded for the file's rules)."""
        if name in self.kinds:
            base = self.parent.parameter(name)
            for i, p in items:
                for field in ("kind", "title", "unit_zh"):
                    if getattr(p, field) is not None:
                        self.add(
                            f"parameters[{i}].{field}",
                            f"{name!r} is inherited from {self.parent.id} (a {base.kind}): "
                            "give it only dated values",
                        )
            return base.kind, base.title_zh, base.title_en, base.unit_zh
        first = items[0][0]
        defining = [(i, p) for i, p in items if p.kind or p.title or p.unit_zh]
        if not defining:
            hint = "; to define a new parameter, give its kind and title" if self.defines else ""
            self.add(
                f"parameters[{first}].name",
                f"unknown parameter {name!r} in {self.parent.id}"
                f"{near(name, tuple(self.kinds))}{hint}",
            )
            return None
        i, d = defining[0]
        ok = True
        if not re.match(DOTTED, name):
            self.add(
                f"parameters[{i}].name", f"must be dotted kebab-case like 'x.y-z' (got {name!r})"
            )
            ok = False
        if d.kind is None or d.title is None:
            missing = "kind" if d.kind is None else "title"
            self.add(f"parameters[{i}].{missing}", f"a new parameter needs a {missing}")
            return None
        if d.unit_zh and d.kind == "share":
            self.add(f"parameters[{i}].unit_zh", "a share has no unit")
            ok = False
        for j, q in defining[1:]:
            if (q.kind, q.title, q.unit_zh) != (d.kind, d.title, d.unit_zh):
                self.add(
                    f"parameters[{j}]",
                    f"defines {name!r} again, differently from parameters[{i}]: give kind, "
                    "title and unit_zh once",
                )
                ok = False
        self.kinds[name] = d.kind
        return (d.kind, d.title.zh, d.title.en, d.unit_zh or "") if ok else None

    # --- rules ---------------------------------------------------------------------------

    def _scope(self, subject: type[Any], facts: Mapping[str, Any], key: str) -> Scope | None:
        try:
            return Scope(subject, **facts)
        except RulebookError as e:
            self.add(f"{key}.{e.key}", e.reason)
            return None

    def _check(
        self, subject: type[Any], spec: CheckSpec, key: str, tables: Collection[str]
    ) -> DeclaredCheck | None:
        def compare(t: ThresholdSpec) -> Compare:
            return Compare(t.measure, cast(Quantifier, t.quantifier), t.parameter)

        criterion: Criterion
        if spec.threshold is not None:
            criterion = compare(spec.threshold)
        elif spec.any_of is not None:
            criterion = Group("any_of", [compare(t) for t in spec.any_of])
        elif spec.all_of is not None:
            criterion = Group("all_of", [compare(t) for t in spec.all_of])
        elif spec.member_of is not None:
            criterion = MemberOf(spec.member_of.fact, spec.member_of.table, True)
        else:
            assert spec.not_member_of is not None
            criterion = MemberOf(spec.not_member_of.fact, spec.not_member_of.table, False)
        when = None if spec.when is None else When(spec.when.fact, spec.when.is_)
        found = problems(subject, criterion, when, self.kinds, tables)
        for k, reason in found:
            self.add(f"{key}.{k}", reason)
        return None if found else composed(subject, criterion, when)

    def _rules(self, tables: Collection[str]) -> list[Rule]:
        out: list[Rule] = []
        seen: set[str] = set()
        for i, r in enumerate(self.spec.rules):
            key = f"rules[{i}]"
            if r.id in self.in_force:
                self.add(
                    f"{key}.id",
                    f"rule {r.id!r} is already in force in {self.parent.id}: change it in "
                    "[[replace]] (with a reason and a citation) instead",
                )
            elif r.id in seen:
                self.add(f"{key}.id", f"rule {r.id!r} is given twice in this file")
            seen.add(r.id)
            model = SUBJECT_MODELS.get(r.subject)
            if model is None:
                self.add(
                    f"{key}.subject",
                    f"unknown subject type {r.subject!r}{near(r.subject, SUBJECT_MODELS)}",
                )
                continue
            scope = self._scope(model, r.scope, f"{key}.scope")
            check = self._check(model, r.check, f"{key}.check", tables)
            if scope is None or check is None:
                continue
            try:
                out.append(
                    Rule(
                        id=r.id,
                        title_zh=r.title.zh,
                        title_en=r.title.en,
                        kind=r.kind,
                        severity=r.severity,
                        scope=scope,
                        check=check,
                        citations=tuple(c.citation() for c in r.citations),
                        valid_from=r.valid_from,
                        valid_to=r.valid_to,
                    )
                )
            except RulebookError as e:
                self.add(f"{key}.{e.key}" if e.key else key, e.reason)
        return out

    def _replace(self, tables: Collection[str]) -> list[Replace]:
        out: list[Replace] = []
        seen: set[str] = set()
        disabled = {d.rule for d in self.spec.disable}
        for i, r in enumerate(self.spec.replace):
            key = f"replace[{i}]"
            old = self._inherited(r.rule, f"{key}.rule")
            if old is None:
                continue
            if r.rule in seen or r.rule in disabled:
                self.add(f"{key}.rule", f"rule {r.rule!r} is replaced or disabled twice")
            seen.add(r.rule)
            changes: dict[str, Any] = {
                k: getattr(r, k)
                for k in ("kind", "severity", "valid_from", "valid_to")
                if getattr(r, k) is not None
            }
            if r.title is not None:
                changes.update(title_zh=r.title.zh, title_en=r.title.en)
            if r.citations is not None:
                changes["citations"] = tuple(c.citation() for c in r.citations)
            subject = old.scope.subject
            if r.scope is not None:
                changes["scope"] = self._scope(subject, r.scope, f"{key}.scope")
            if r.check is not None:
                changes["check"] = self._check(subject, r.check, f"{key}.check", tables)
            if not changes:
                self.add(
                    key,
                    "changes nothing: give title, kind, severity, scope, valid_from, valid_to, "
                    "citations or check (or disable the rule)",
                )
                continue
            if any(v is None for v in changes.values()):
                continue
            try:
                new = attrs.evolve(old, **changes)
            except RulebookError as e:
                self.add(f"{key}.{e.key}" if e.key else key, e.reason)
                continue
            out.append(Replace(r.rule, new, r.reason, r.citation.citation()))
        return out

    def _inherited(self, rule_id: str, key: str) -> Rule | None:
        found = self.in_force.get(rule_id)
        if found is None:
            self.add(
                key, f"unknown rule {rule_id!r} in {self.parent.id}{near(rule_id, self.in_force)}"
            )
        return found

    def _disable(self) -> list[Disable]:
        out = []
        for i, d in enumerate(self.spec.disable):
            if self._inherited(d.rule, f"disable[{i}].rule") is not None:
                out.append(Disable(d.rule, d.reason, d.citation.citation()))
        return out

    # --- tables --------------------------------------------------------------------------

    def _tables(self) -> list[Table]:
        out = []
        for name, t in self.spec.tables.items():
            key = _tables_path(name)
            inherited = self.parent.table(name) if name in self.parent.table_names else None
            model, make = ROW_FORMATS.get(name, _GENERIC)
            title = (inherited.title_zh, inherited.title_en) if inherited else None
            if not re.match(DOTTED, name):
                self.add(key, f"a table name is dotted kebab-case like 'x.y-z' (got {name!r})")
            if inherited is not None and t.title is not None:
                self.add(
                    f"{key}.title",
                    f"{name!r} is inherited from {self.parent.id}: it keeps its title",
                )
            elif inherited is None and t.title is None:
                self.add(
                    f"{key}.title",
                    f"{name!r} is not a table of {self.parent.id}"
                    f"{near(name, self.parent.table_names)}; a new table needs a title",
                )
            elif t.title is not None:
                title = (t.title.zh, t.title.en)
            if (
                inherited is not None
                and name not in ROW_FORMATS
                and t.entries
                and not all(isinstance(e.value, EntryValue) for e in inherited.entries)
            ):
                self.add(
                    f"{key}.entries",
                    f"the rows of {name!r} are defined in Python, not in files: a file may "
                    "only remove them",
                )
                continue
            rows = self._rows(name, t.entries, t.replaces, inherited, model, make)
            for k, gone in enumerate(t.remove):
                if inherited is None or inherited.entry(gone) is None:
                    known = () if inherited is None else tuple(e.key for e in inherited.entries)
                    self.add(
                        f"{key}.remove[{k}]", f"no entry {gone!r} to remove{near(gone, known)}"
                    )
            if title is not None and rows is not None:
                out.append(Table(name, title[0], title[1], rows, t.replaces, t.remove))
        return out

    def _rows(
        self,
        name: str,
        raw: tuple[dict[str, Any], ...],
        replaces: bool,
        inherited: Table | None,
        model: type[FileSpec],
        make: Callable[[Any], TableEntry],
    ) -> tuple[TableEntry, ...] | None:
        rows: dict[str, TableEntry] = {}
        ok = True
        for j, data in enumerate(raw):
            key = f"{_tables_path(name)}.entries[{j}]"
            try:
                row = make(model.model_validate(data))
            except ValidationError as e:
                self.problems.extend(pydantic_problems(e, key))
                ok = False
                continue
            except RulebookError as e:
                self.add(f"{key}.{e.key}" if e.key else key, e.reason)
                ok = False
                continue
            at = f"{key}.key" if "key" in data else key
            if row.key in rows:
                self.add(at, f"key {row.key!r} is given twice")
                ok = False
            elif inherited is not None and inherited.entry(row.key) is not None and not replaces:
                self.add(
                    at,
                    f"{self.parent.id} already has the row {row.key!r}: set replaces = true on "
                    "the table to replace it",
                )
                ok = False
            rows[row.key] = row
        return tuple(rows.values()) if ok else None


def _legacy_lists(spec: WorkItemListsFile, source: str, parent: Rulebook) -> Rulebook:
    """A ``cg.work-item-lists/1`` file: its entries, declared sizes and unlisted setting as a
    layer of the work-item list tables."""
    try:
        base = work_item_lists(parent)
    except UnknownReferenceError as error:
        raise RulebookError(source, "extends", str(error)) from None
    found: list[tuple[str, str]] = []
    entries: list[ListEntry] = []
    for i, e in enumerate(spec.entries):
        key = f"entries[{i}]"
        if base.find(e.id) is not None or any(x.id == e.id for x in entries):
            found.append((f"{key}.id", f"entry id {e.id!r} is already used"))
        if e.valid_from and e.valid_to and e.valid_to <= e.valid_from:
            found.append(
                (f"{key}.valid_to", f"{e.valid_to} is not after valid_from {e.valid_from}")
            )
            continue
        entries.append(
            ListEntry(
                e.id,
                e.list,
                e.kind,
                e.title.zh,
                e.title.en,
                e.citation.citation(),
                e.committees,
                e.valid_from,
                e.valid_to,
            )
        )
    if found:
        raise RulebookError(source, *joined(found))
    declared = [
        DeclaredCount(d.list, d.kind, d.count, d.citation.citation()) for d in spec.declared
    ]
    citations = [c.citation() for c in spec.citations]
    inherited = parent.table(UNLISTED_TABLE).entry(UNLISTED_KEY) is not None
    try:
        book = parent.extend(
            spec.id,
            spec.version,
            title_zh=spec.title.zh,
            title_en=spec.title.en,
            citations=citations,
            tables=(
                lists_table(entries),
                declared_table(declared),
                unlisted_table(spec.unlisted, citations[0], replaces=inherited),
            ),
        )
        work_item_lists(book)
    except RulebookError as error:
        raise RulebookError(source, error.key, error.reason) from None
    return book
