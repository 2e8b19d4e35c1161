"""Compiled plans: what a rulebook says about one subject type on one date, resolved once.

A `Plan` holds the rules of a subject type in force on a date, in rulebook order; the rules in
scope for each combination of the subject's facts (selected once per combination, then looked
up); parameter versions as they are first read; and rule titles rendered from the values in
force. Evaluation then only runs the checks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any, Protocol

import attrs

from ..rules._text import share_json
from ..rules.citation import Citation
from ..rules.decision import Coverage, ParameterUse
from ..rules.parameter import ParameterVersion
from ..rules.rule import Rule
from ..rules.scope import FactValues
from ..rules.table import Table, TableEntry

__all__ = ["Plan", "RuleSource", "Selection"]


class RuleSource(Protocol):
    """What the engine needs of a rulebook (the engine knows no rulebook class)."""

    @property
    def id(self) -> str:
        """Rulebook id."""
        ...

    @property
    def version(self) -> str:
        """Rulebook version."""
        ...

    @property
    def subject_types(self) -> tuple[str, ...]:
        """Subject types with rules."""
        ...

    def rules_for(self, subject_type: str) -> tuple[Rule, ...]:
        """Rules for a subject type, in order."""
        ...

    def parameter_version(self, name: str, at: dt.date) -> ParameterVersion:
        """Parameter value in force on a date."""
        ...

    def table(self, name: str) -> Table:
        """A table as the rulebook sees it."""
        ...

    def entries(self, name: str, at: dt.date) -> tuple[TableEntry, ...]:
        """A table's entries in force on a date."""
        ...

    def table_parameters(self, name: str) -> frozenset[str]:
        """The parameters a table's entries name."""
        ...

    def plan(self, subject_type: str, at: dt.date) -> Plan:
        """The compiled plan for a subject type on a date (cached by the rulebook)."""
        ...


@attrs.frozen(slots=True)
class Selection:
    """The rules a plan applies to subjects with one combination of facts.

    Attributes:
        rules: in scope and in force, in rulebook order; each with the facts its scope needs
            that the subject does not record (empty when the scope is decided).
        out_of_scope: how many of the subject type's rules the facts exclude.
        not_in_force: ids of in-scope rules not in force on the plan's date.
        binding: whether a ``must`` rule is among ``rules``.
    """

    rules: tuple[tuple[Rule, tuple[str, ...]], ...]
    out_of_scope: int
    not_in_force: tuple[str, ...]
    binding: bool
    #: The Decision's coverage when something judged the subject (nothing uncovered).
    coverage: Coverage = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "coverage", Coverage(self.out_of_scope, self.not_in_force))


class Plan:
    """One rulebook's rules for one subject type on one date, compiled.

    Built by `Rulebook.plan` and cached there; safe to share (it only fills caches of values
    that do not change).
    """

    __slots__ = (
        "_allowed",
        "_entries",
        "_explained",
        "_params",
        "_selections",
        "_titles",
        "_uses",
        "at",
        "rules",
        "source",
        "subject_type",
    )

    def __init__(self, source: RuleSource, subject_type: str, at: dt.date) -> None:
        self.source = source
        self.subject_type = subject_type
        self.at = at
        self.rules = source.rules_for(subject_type)
        self._selections: dict[FactValues, Selection] = {}
        self._params: dict[str, ParameterVersion] = {}
        self._entries: dict[str, tuple[TableEntry, ...]] = {}
        self._allowed: dict[str, frozenset[str]] = {}
        self._uses: dict[tuple[str, ParameterVersion], ParameterUse] = {}
        self._titles: dict[str, Callable[[], tuple[str, str]]] = {}
        self._explained: dict[
            tuple[object, ...], tuple[tuple[ParameterUse, ...], tuple[Citation, ...]]
        ] = {}

    def select(self, facts: FactValues) -> Selection:
        """The rules for a subject with these facts (computed once per combination)."""
        found = self._selections.get(facts)
        if found is None:
            found = self._selections[facts] = self._select(facts)
        return found

    def _select(self, facts: FactValues) -> Selection:
        chosen: list[tuple[Rule, tuple[str, ...]]] = []
        out, not_in_force = 0, []
        for rule in self.rules:
            match = rule.scope.matches(facts)
            if match is False:
                out += 1
            elif not rule.in_force(self.at):
                not_in_force.append(rule.id)
            else:
                chosen.append((rule, () if match else rule.scope.missing(facts)))
        binding = any(r.severity == "must" for r, _ in chosen)
        return Selection(tuple(chosen), out, tuple(not_in_force), binding)

    # --- what a RuleContext reads ---------------------------------------------------------

    def parameter_version(self, name: str, at: dt.date) -> ParameterVersion:
        """The version of ``name`` in force on ``at`` (the plan's date: cached)."""
        if at != self.at:
            return self.source.parameter_version(name, at)
        version = self._params.get(name)
        if version is None:
            version = self._params[name] = self.source.parameter_version(name, at)
        return version

    def table(self, name: str) -> Table:
        """The table ``name`` as the rulebook sees it."""
        return self.source.table(name)

    def allowed(self, rule: Rule) -> frozenset[str]:
        """The parameters ``rule`` may read: those it declares, and those named by the
        entries of the tables it declares."""
        found = self._allowed.get(rule.id)
        if found is None:
            names = set(rule.parameters)
            for t in rule.tables:
                names |= self.source.table_parameters(t)
            found = self._allowed[rule.id] = frozenset(names)
        return found

    def entries(self, name: str, at: dt.date) -> tuple[TableEntry, ...]:
        """The entries of table ``name`` in force on ``at`` (the plan's date: cached)."""
        if at != self.at:
            return self.source.table(name).entries_at(at)
        found = self._entries.get(name)
        if found is None:
            found = self._entries[name] = self.source.table(name).entries_at(at)
        return found

    # --- what a Finding records -----------------------------------------------------------

    def use(self, name: str, version: ParameterVersion) -> ParameterUse:
        """The explanation record of one parameter value read (shared between findings)."""
        key = (name, version)
        found = self._uses.get(key)
        if found is None:
            v = version.value
            value: Any = share_json(v) if isinstance(v, Fraction) else v
            found = self._uses[key] = ParameterUse(
                name, value, version.valid_from, version.valid_to, version.citation
            )
        return found

    def explained(
        self, citations: tuple[Citation, ...], used: Mapping[str, ParameterVersion]
    ) -> tuple[tuple[ParameterUse, ...], tuple[Citation, ...]]:
        """The parameter records of a finding (by name) and its citations: the rule's (or
        the check's), then each parameter value's not already among them. Computed once per
        combination (parameter versions live as long as their rulebook)."""
        key = (citations, *map(id, used.values()))
        found = self._explained.get(key)
        if found is None:
            uses = tuple(self.use(name, used[name]) for name in sorted(used))
            extra = [u.citation for u in uses if u.citation not in citations]
            merged = (*citations, *dict.fromkeys(extra)) if extra else citations
            found = self._explained[key] = (uses, merged)
        return found

    def title(self, rule: Rule) -> Callable[[], tuple[str, str]]:
        """The rule's title as rendered on the plan's date (rendered on first read)."""
        found = self._titles.get(rule.id)
        if found is None:
            box: list[tuple[str, str]] = []

            def render() -> tuple[str, str]:
                if not box:
                    box.append(rule.title(self.source, self.at))
                return box[0]

            found = self._titles[rule.id] = render
        return found
