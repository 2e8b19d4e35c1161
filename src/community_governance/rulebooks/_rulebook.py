"""Rulebooks: a jurisdiction's rules and dated parameters, extending a parent by name."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from ..engine._plan import Plan
from ..exceptions import ConflictError, RulebookError, UnknownReferenceError
from ..rules.audit import PYTHON, Provenance, RulebookIdentity
from ..rules.citation import Citation, Source
from ..rules.parameter import Parameter, ParameterVersion
from ..rules.procedure import Procedure
from ..rules.rule import Rule
from ..rules.table import Table, TableEntry
from ..rules.validity import Validity

#: How many (subject type, date) plans a rulebook keeps; a batch over many dates stays bounded.
_PLAN_CACHE = 4096

__all__ = ["PROCEDURES", "Disable", "Replace", "Rulebook", "procedure_entry"]

#: The table of procedure definitions (state machines), keyed by procedure id.
PROCEDURES = "procedures"


@attrs.frozen(slots=True)
class Disable:
    """A parent rule switched off in this rulebook, by id, with the reason and its source."""

    rule: str
    reason: str
    citation: Citation


@attrs.frozen(slots=True)
class Replace:
    """A parent rule replaced by ``rule`` (same position), with the reason and its source."""

    replaces: str
    rule: Rule
    reason: str
    citation: Citation


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


def procedure_entry(procedure: Procedure, citation: Citation | None = None) -> TableEntry:
    """The ``procedures`` table entry of ``procedure``: keyed by its id, dated by its own
    validity, citing ``citation`` (default: the first citation of its guards).

    Examples:
        >>> from community_governance import get_rulebook
        >>> proc = get_rulebook("cn").procedure("major-matter")
        >>> procedure_entry(proc).key, procedure_entry(proc).validity.describe()
        ('major-matter', '2026-01-01 – …')
    """
    cited = citation or next((c for g in procedure.guards for c in g.citations), None)
    return TableEntry(
        procedure.id,
        procedure,
        cited or Citation("procedure", procedure.id, note="no guard of the procedure cites a law"),
        Validity(procedure.valid_from, procedure.valid_to),
    )


def _procedure_layer(book_id: str, procedures: tuple[Procedure, ...]) -> Table:
    seen: set[str] = set()
    for proc in procedures:
        if proc.id in seen:
            raise ConflictError(
                f"rulebook {book_id}", f"procedures.{proc.id}", "procedure given twice"
            )
        seen.add(proc.id)
    # a definition given by id replaces the parent's definition of the same id
    return Table(
        PROCEDURES,
        "程序",
        "procedures",
        tuple(procedure_entry(p) for p in procedures),
        replaces=True,
    )


@attrs.frozen(slots=True)
class Rulebook:
    """One jurisdiction's rules and parameters (规则集), immutable.

    A rulebook may extend a parent. It then inherits the parent's rules and parameters and may:

    * add rules (an id already in force in the parent is a `ConflictError`: say ``replace``),
    * replace a parent rule by naming it (`Replace`) or disable it (`Disable`), each with a
      reason and a citation,
    * give parameters new dated values by name (an override only covers its own dates; outside
      them the parent's values still apply), or define new parameters.

    Everything is resolved and checked when the rulebook is built; evaluation only looks up.

    Args:
        id: dotted jurisdiction id (``cn.sichuan.chengdu.jinjiang``).
        version: version string reported in every Decision.
        title_zh: Chinese title.
        title_en: English title.
        parent: the rulebook extended, or ``None``.
        rules: rules added by this rulebook.
        parameters: parameters defined or overridden (by name) by this rulebook.
        replace: parent rules replaced.
        disable: parent rules disabled.
        citations: the documents the rulebook as a whole rests on.
        procedures: procedure definitions (state machines) added, or replacing the parent's
            definition of the same id — so the rulebook, not the engine, chooses the procedure.
            A convenience: they become this rulebook's layer of the ``procedures`` table
            (`procedure_entry`), which may instead be given in ``tables``, not both.
        tables: law tables defined, or layered over the parent's table of the same name
            (`Table.over`: entries added, replaced by key, removed).
        sources: the documents cited, with their titles (`Source`), added to the parent's; a
            source with the id of a parent's source replaces it. Texts for people look titles
            up by a citation's ``source`` (`source`).
        origin: how to rebuild this rulebook in another process (set by the built-in registry
            and the file loader); a rulebook without one does not pickle.

    Attributes:
        provenance: where the rulebook came from: ``builtin`` (set only by the built-in
            registry), ``file`` (set by the file loader, with the digests of the files read)
            or ``python`` (built in code: the default). Not an argument: a rulebook cannot
            declare itself built-in.
    """

    id: str
    version: str
    title_zh: str
    title_en: str
    parent: Rulebook | None = None
    rules: tuple[Rule, ...] = attrs.field(default=(), converter=_tuple)
    parameters: tuple[Parameter, ...] = attrs.field(default=(), converter=_tuple)
    replace: tuple[Replace, ...] = attrs.field(default=(), converter=_tuple)
    disable: tuple[Disable, ...] = attrs.field(default=(), converter=_tuple)
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=_tuple)
    procedures: tuple[Procedure, ...] = attrs.field(default=(), converter=_tuple)
    tables: tuple[Table, ...] = attrs.field(default=(), converter=_tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple)
    origin: tuple[Any, ...] | None = attrs.field(default=None, eq=False, repr=False)
    provenance: Provenance = attrs.field(init=False, default=PYTHON, eq=False, repr=False)
    _identity: RulebookIdentity | None = attrs.field(init=False, default=None, eq=False, repr=False)
    _effective: tuple[Rule, ...] = attrs.field(init=False, repr=False, eq=False)
    _by_subject: Mapping[str, tuple[Rule, ...]] = attrs.field(init=False, repr=False, eq=False)
    _params: Mapping[str, tuple[Parameter, ...]] = attrs.field(init=False, repr=False, eq=False)
    _tables: Mapping[str, Table] = attrs.field(init=False, repr=False, eq=False)
    _table_params: Mapping[str, frozenset[str]] = attrs.field(init=False, repr=False, eq=False)
    _plans: dict[tuple[str, dt.date], Plan] = attrs.field(init=False, repr=False, eq=False)
    _sources: Mapping[str, Source] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        effective = list(self.parent.effective_rules) if self.parent else []
        index = {r.id: i for i, r in enumerate(effective)}

        def known() -> tuple[str, ...]:
            return tuple(sorted(index))

        removed: set[int] = set()
        for d in self.disable:
            if d.rule not in index:
                raise UnknownReferenceError(
                    "rule", d.rule, known(), where=f"rulebook {self.id}: disable"
                )
            removed.add(index[d.rule])
        for r in self.replace:
            if r.replaces not in index:
                raise UnknownReferenceError(
                    "rule", r.replaces, known(), where=f"rulebook {self.id}: replace"
                )
            effective[index[r.replaces]] = r.rule
        effective = [r for i, r in enumerate(effective) if i not in removed]
        ids = {r.id for r in effective}
        for rule in self.rules:
            if rule.id in ids:
                raise ConflictError(
                    f"rulebook {self.id}",
                    f"rules.{rule.id}",
                    "a rule with this id is already in force (from the parent or added twice); "
                    "name it in `replace` with a reason to override it",
                )
            ids.add(rule.id)
            effective.append(rule)

        params: dict[str, tuple[Parameter, ...]] = dict(self.parent._params) if self.parent else {}
        seen: set[str] = set()
        for p in self.parameters:
            if p.name in seen:
                raise ConflictError(
                    f"rulebook {self.id}",
                    f"parameters.{p.name}",
                    "parameter given twice in one rulebook",
                )
            seen.add(p.name)
            if p.name in params and params[p.name][0].kind != p.kind:
                raise RulebookError(
                    f"rulebook {self.id}",
                    f"parameters.{p.name}",
                    f"override is a {p.kind} but the parameter is a {params[p.name][0].kind}",
                )
            params[p.name] = (p, *params.get(p.name, ()))
        own_rules = [*self.rules, *(r.rule for r in self.replace)]
        for rule in own_rules:
            # a rule's parameter handles define the parameter where no rulebook layer does
            for handle in rule.parameter_handles:
                if handle.name not in params:
                    params[handle.name] = (handle,)
                    seen.add(handle.name)
        tables: dict[str, Table] = dict(self.parent._tables) if self.parent else {}
        own_tables: set[str] = set()
        layers = self.tables
        if self.procedures:
            if any(t.name == PROCEDURES for t in self.tables):
                raise ConflictError(
                    f"rulebook {self.id}",
                    f"tables.{PROCEDURES}",
                    "procedures given both as `procedures` and as the procedures table",
                )
            layers = (*layers, _procedure_layer(self.id, self.procedures))
        for t in layers:
            if t.name in own_tables:
                raise ConflictError(f"rulebook {self.id}", f"tables.{t.name}", "table given twice")
            own_tables.add(t.name)
            tables[t.name] = (
                t.over(tables[t.name], f"rulebook {self.id}") if t.name in tables else t
            )
            if t.name == PROCEDURES:
                for e in t.entries:
                    if not isinstance(e.value, Procedure) or e.value.id != e.key:
                        raise RulebookError(
                            f"rulebook {self.id}",
                            f"tables.{PROCEDURES}.entries.{e.key}",
                            "must hold the Procedure whose id is the key "
                            f"(got {type(e.value).__name__})",
                        )
        # what a table's entries name (a pass rule's numbers) is read through the table:
        # register the handles and check the names, as for a rule's own parameters
        table_params: dict[str, frozenset[str]] = {}
        for tname, table in tables.items():
            named: set[str] = set()
            for entry in table.entries:
                lister = getattr(entry.value, "parameters", None)
                if not callable(lister):
                    continue
                for handle in lister():
                    pname = handle if isinstance(handle, str) else handle.name
                    if pname not in params:
                        if not isinstance(handle, Parameter):
                            raise RulebookError(
                                f"rulebook {self.id}",
                                f"tables.{tname}.{entry.key}",
                                f"names parameter {pname!r}, which no rulebook defines",
                            )
                        params[pname] = (handle,)
                    named.add(pname)
            table_params[tname] = frozenset(named)
        for rule in effective:
            for name in rule.tables:
                if name not in tables:
                    raise RulebookError(
                        f"rulebook {self.id}",
                        f"rules.{rule.id}",
                        f"reads table {name!r}, which no rulebook defines",
                    )
            for name in rule.parameters:
                if name not in params:
                    raise RulebookError(
                        f"rulebook {self.id}",
                        f"rules.{rule.id}",
                        f"reads parameter {name!r}, which no rulebook defines",
                    )
        by_subject: dict[str, list[Rule]] = {}
        for rule in effective:
            by_subject.setdefault(rule.subject, []).append(rule)
        object.__setattr__(self, "_effective", tuple(effective))
        object.__setattr__(self, "_by_subject", {k: tuple(v) for k, v in by_subject.items()})
        object.__setattr__(self, "_params", params)
        object.__setattr__(self, "_tables", tables)
        object.__setattr__(self, "_table_params", table_params)
        object.__setattr__(self, "_plans", {})
        object.__setattr__(self, "_sources", self._source_index())

    def _source_index(self) -> dict[str, Source]:
        """Every key (id, file, alias) of the sources known here, to its source: this
        rulebook's own over the parent's."""
        index: dict[str, Source] = dict(self.parent._sources) if self.parent else {}
        own: dict[str, str] = {}
        for src in self.sources:
            for key in src.keys:
                if key in own:
                    raise ConflictError(
                        f"rulebook {self.id}",
                        f"sources.{src.id}",
                        f"{key!r} already names source {own[key]!r} in this rulebook",
                    )
                own[key] = src.id
        for src in self.sources:
            replaced = index.get(src.id)
            if replaced is not None:
                for key in replaced.keys:
                    index.pop(key, None)
            for key in src.keys:
                if key in index and index[key].id != src.id:
                    raise ConflictError(
                        f"rulebook {self.id}",
                        f"sources.{src.id}",
                        f"{key!r} already names source {index[key].id!r} in the parent",
                    )
                index[key] = src
        return index

    def lint(self) -> tuple[str, ...]:
        """Problems a build cannot see as errors, for ``cgov``/tests to report: days a rule is
        in force while a parameter it reads has no value (the rule would be indeterminate
        there). An open start of a rule counts from the parameter's first value.

        Examples:
            >>> from community_governance import get_rulebook
            >>> get_rulebook("cn.sichuan.chengdu.jinjiang").lint()
            ()
        """
        problems: list[str] = []
        for rule in self._effective:
            for name in rule.parameters:
                versions = self.parameter(name).versions
                if not versions:
                    problems.append(f"rule {rule.id}: parameter {name} has no value at all")
                    continue
                day = rule.valid_from or versions[0].valid_from
                end = rule.valid_to
                for v in versions:
                    if v.valid_to is not None and v.valid_to <= day:
                        continue
                    if v.valid_from > day:
                        problems.append(
                            f"rule {rule.id}: parameter {name} has no value from {day} to "
                            f"{v.valid_from}"
                        )
                    day = v.valid_to if v.valid_to is not None else dt.date.max
                    if end is not None and day >= end:
                        break
                if day != dt.date.max and (end is None or day < end):
                    problems.append(
                        f"rule {rule.id}: parameter {name} has no value from {day}"
                        + (f" to {end}" if end else " on")
                    )
        return tuple(problems)

    @property
    def identity(self) -> RulebookIdentity:
        """This rulebook as an auditor identifies it: id, version, kind (`provenance`), the
        SHA-256 of its canonical JSON (``json.dumps(to_dict(), ensure_ascii=False,
        sort_keys=True)`` as UTF-8) and the digests of the files it was read from. Computed
        once, on first use.

        Examples:
            >>> from community_governance import get_rulebook
            >>> get_rulebook("cn").identity.kind
            'builtin'
        """
        found = self._identity
        if found is None:
            canonical = json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)
            found = RulebookIdentity(
                self.id,
                self.version,
                self.provenance.kind,
                hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
                self.provenance.files,
            )
            object.__setattr__(self, "_identity", found)
        return found

    # --- pickling: rebuilt from its origin, never from closures ---------------------------

    def __reduce__(self) -> tuple[Any, ...]:
        if self.origin is None:
            raise TypeError(
                f"rulebook {self.id} was built in Python and cannot be pickled; pickle a "
                "built-in rulebook (by id) or a rulebook loaded from a file (by its content)"
            )
        return self.origin

    # --- compiled plans -------------------------------------------------------------------

    def plan(self, subject_type: str, at: dt.date) -> Plan:
        """The compiled `Plan` of this rulebook for ``subject_type`` on ``at`` (cached)."""
        key = (subject_type, at)
        plans = self._plans
        found = plans.get(key)
        if found is None:
            if len(plans) >= _PLAN_CACHE:
                plans.clear()
            found = plans[key] = Plan(self, subject_type, at)
        return found

    def table(self, name: str) -> Table:
        """The table ``name`` as this rulebook sees it (the parent's, with this rulebook's
        layer merged over it).

        Raises:
            UnknownReferenceError: no rulebook in the lineage defines it.
        """
        try:
            return self._tables[name]
        except KeyError:
            raise UnknownReferenceError(
                "table", name, tuple(sorted(self._tables)), where=f"rulebook {self.id}"
            ) from None

    def entries(self, name: str, at: dt.date) -> tuple[TableEntry, ...]:
        """The entries of table ``name`` in force on ``at``."""
        return self.table(name).entries_at(at)

    def table_parameters(self, name: str) -> frozenset[str]:
        """The parameters the entries of table ``name`` name (a value with ``parameters()``):
        a rule that declares the table may read them."""
        return self._table_params.get(name, frozenset())

    def count(self, p: Parameter | str, at: dt.date) -> int:
        """A ``count`` parameter's value on ``at`` (a handle or a name).

        Raises:
            RulebookError: the parameter is a share.
            UnknownReferenceError: unknown parameter, or no value in force on ``at``.
        """
        value = self.parameter_version(p if isinstance(p, str) else p.name, at).value
        if not isinstance(value, int):
            raise RulebookError(f"rulebook {self.id}", _pname(p), f"is a share ({value})")
        return value

    def share(self, p: Parameter | str, at: dt.date) -> Fraction:
        """A ``share`` parameter's value on ``at`` (a handle or a name).

        Raises:
            RulebookError: the parameter is a count.
            UnknownReferenceError: unknown parameter, or no value in force on ``at``.
        """
        value = self.parameter_version(p if isinstance(p, str) else p.name, at).value
        if not isinstance(value, Fraction):
            raise RulebookError(f"rulebook {self.id}", _pname(p), f"is a count ({value})")
        return value

    # --- sources: the documents cited, by id ---------------------------------------------

    def source(self, key: str) -> Source:
        """The document a citation names (``Citation.source``): found by its id, its file or
        one of its aliases, here or in a parent.

        Examples:
            >>> from community_governance import get_rulebook
            >>> get_rulebook("cn.sichuan.chengdu.jinjiang").source(
            ...     "004_63e647ccd94b093f.txt").title_zh
            '成都市锦江区基层社会管理体制改革（2011）'

        Raises:
            UnknownReferenceError: no rulebook in the lineage registers it.
        """
        try:
            return self._sources[key]
        except KeyError:
            raise UnknownReferenceError(
                "source", key, self.source_ids, where=f"rulebook {self.id}"
            ) from None

    @property
    def source_ids(self) -> tuple[str, ...]:
        """The ids of every document registered here or in a parent."""
        return tuple(sorted({s.id for s in self._sources.values()}))

    @property
    def table_names(self) -> tuple[str, ...]:
        """Every table known to this rulebook (own and inherited)."""
        return tuple(sorted(self._tables))

    # --- lookups -------------------------------------------------------------------------

    @property
    def effective_rules(self) -> tuple[Rule, ...]:
        """Every rule in force in this rulebook after inheritance, replacement and disabling."""
        return self._effective

    @property
    def lineage(self) -> tuple[str, ...]:
        """Ids from this rulebook up to the root (``jinjiang``, ``cn``)."""
        out: list[str] = []
        book: Rulebook | None = self
        while book is not None:
            out.append(book.id)
            book = book.parent
        return tuple(out)

    def rules_for(self, subject_type: str) -> tuple[Rule, ...]:
        """The rules that apply to a subject type, in rulebook order."""
        return self._by_subject.get(subject_type, ())

    @property
    def subject_types(self) -> tuple[str, ...]:
        """The subject types this rulebook has rules for."""
        return tuple(sorted(self._by_subject))

    def rule(self, rule_id: str) -> Rule:
        """The effective rule ``rule_id``.

        Raises:
            UnknownReferenceError: no such rule is in force in this rulebook.
        """
        for r in self._effective:
            if r.id == rule_id:
                return r
        raise UnknownReferenceError(
            "rule", rule_id, tuple(r.id for r in self._effective), where=f"rulebook {self.id}"
        )

    @property
    def parameter_names(self) -> tuple[str, ...]:
        """Every parameter known to this rulebook (own and inherited)."""
        return tuple(sorted(self._params))

    @property
    def procedure_ids(self) -> tuple[str, ...]:
        """Ids of the procedures (state machines) defined here or inherited: the keys of the
        ``procedures`` table."""
        table = self._tables.get(PROCEDURES)
        return tuple(sorted(e.key for e in table.entries)) if table else ()

    def procedure(self, procedure_id: str) -> Procedure:
        """The procedure definition ``procedure_id`` as this rulebook defines it (its entry in
        the ``procedures`` table, whatever the dates): the most local rulebook's definition
        replaces its parent's.

        Raises:
            UnknownReferenceError: no such procedure in this rulebook.
        """
        table = self._tables.get(PROCEDURES)
        entry = table.entry(procedure_id) if table else None
        if entry is None:
            raise UnknownReferenceError(
                "procedure", procedure_id, self.procedure_ids, where=f"rulebook {self.id}"
            )
        proc: Procedure = entry.value
        return proc

    def parameter(self, name: str) -> Parameter:
        """The parameter ``name`` as this rulebook sees it: one timeline of dated values where
        a more local rulebook's values cut into the parent's for the dates they cover."""
        layers = self._layers(name)
        return attrs.evolve(layers[-1], versions=_visible(layers))

    def _layers(self, name: str) -> tuple[Parameter, ...]:
        try:
            return self._params[name]
        except KeyError:
            raise UnknownReferenceError(
                "parameter", name, self.parameter_names, where=f"rulebook {self.id}"
            ) from None

    def parameter_version(self, name: str, at: dt.date) -> ParameterVersion:
        """The value of parameter ``name`` in force on ``at`` in this rulebook.

        The most local rulebook whose own values cover ``at`` wins; outside its dates the
        parent's values apply.

        Raises:
            UnknownReferenceError: unknown parameter, or no value in force on ``at``.
        """
        layers = self._layers(name)
        for layer in layers:
            version = layer.version_at(at)
            if version is not None:
                return version
        raise UnknownReferenceError(
            "parameter value", f"{name} on {at.isoformat()}", where=f"rulebook {self.id}"
        )

    def extend(
        self,
        id: str,
        version: str,
        *,
        title_zh: str = "",
        title_en: str = "",
        rules: Iterable[Rule] = (),
        parameters: Iterable[Parameter] = (),
        replace: Iterable[Replace] = (),
        disable: Iterable[Disable] = (),
        citations: Iterable[Citation] = (),
        procedures: Iterable[Procedure] = (),
        tables: Iterable[Table] = (),
        sources: Iterable[Source] = (),
        origin: tuple[Any, ...] | None = None,
    ) -> Rulebook:
        """A new rulebook extending this one (this one is unchanged).

        Examples:
            >>> from community_governance import get_rulebook
            >>> local = get_rulebook("cn").extend("cn.example", "1", title_en="Example")
            >>> local.parent.id
            'cn'
        """
        return Rulebook(
            id=id,
            version=version,
            title_zh=title_zh or id,
            title_en=title_en or id,
            parent=self,
            rules=tuple(rules),
            parameters=tuple(parameters),
            replace=tuple(replace),
            disable=tuple(disable),
            citations=tuple(citations),
            procedures=tuple(procedures),
            tables=tuple(tables),
            sources=tuple(sources),
            origin=origin,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the rulebook and its effective rules, for ``cgov rules``."""
        return {
            "id": self.id,
            "version": self.version,
            "title": {"zh": self.title_zh, "en": self.title_en},
            "extends": self.parent.id if self.parent else None,
            "citations": [c.to_dict() for c in self.citations],
            "rules": [self._rule_dict(r) for r in self._effective],
            "disabled": [
                {"rule": d.rule, "reason": d.reason, "citation": d.citation.to_dict()}
                for d in self._all_disabled()
            ],
            "replaced": [
                {
                    "rule": r.replaces,
                    "by": r.rule.id,
                    "in": book_id,
                    "reason": r.reason,
                    "citation": r.citation.to_dict(),
                }
                for book_id, r in self._all_replaced()
            ],
        }

    def _all_replaced(self) -> list[tuple[str, Replace]]:
        out: list[tuple[str, Replace]] = []
        book: Rulebook | None = self
        while book is not None:
            out.extend((book.id, r) for r in book.replace)
            book = book.parent
        return out

    def _all_disabled(self) -> list[Disable]:
        out: list[Disable] = []
        book: Rulebook | None = self
        while book is not None:
            out.extend(book.disable)
            book = book.parent
        return out

    def _rule_dict(self, r: Rule) -> dict[str, Any]:
        return {
            "id": r.id,
            "title": {"zh": r.title_zh, "en": r.title_en},
            "kind": r.kind,
            "severity": r.severity,
            "subject": r.subject,
            "scope": r.scope.to_dict(),
            "scope_text": r.scope.describe(),
            "tables": list(r.tables),
            "valid_from": r.valid_from.isoformat() if r.valid_from else None,
            "valid_to": r.valid_to.isoformat() if r.valid_to else None,
            "citations": [c.to_dict() for c in r.citations],
            "parameters": [self.parameter(n).to_dict() for n in r.parameters],
        }


def _pname(p: Parameter | str) -> str:
    return p if isinstance(p, str) else p.name


def _visible(layers: tuple[Parameter, ...]) -> tuple[ParameterVersion, ...]:
    """Versions as seen through the layers: a lower layer's version is cut where a higher
    layer's versions cover its dates, so the result never overlaps."""
    segments: list[ParameterVersion] = []
    for layer in layers:
        for v in layer.versions:
            pieces: list[tuple[dt.date, dt.date | None]] = [(v.valid_from, v.valid_to)]
            for s in segments:
                nxt: list[tuple[dt.date, dt.date | None]] = []
                for start, end in pieces:
                    # part before s
                    if start < s.valid_from:
                        e = s.valid_from if end is None or end > s.valid_from else end
                        nxt.append((start, e))
                    # part after s
                    if s.valid_to is not None and (end is None or end > s.valid_to):
                        st = max(start, s.valid_to)
                        nxt.append((st, end))
                pieces = [(a, b) for a, b in nxt if b is None or a < b]
            segments.extend(attrs.evolve(v, valid_from=a, valid_to=b) for a, b in pieces)
    return tuple(sorted(segments, key=lambda x: x.valid_from))
