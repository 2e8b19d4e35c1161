"""The composable check vocabulary: rules made of named measures, parameters and tables.

A rule needs no Python of its own when its check is one of:

* a **threshold**: a subject's named measure compared, by an exact legal quantifier
  (``at_least`` 以上, ``more_than`` 超过, ``at_most`` 以下, ``less_than`` 不满), with the value of
  a parameter in force — a count, or a share of the measure's base;
* **any_of** / **all_of** thresholds (either suffices / all are required);
* **member_of** / **not_member_of**: a subject's named fact is (is not) the key of an entry of
  a table in force;

optionally narrowed by **when**, a condition on a named fact outside which the rule is
``not_applicable`` (a proposal that is not a major matter).

A rulebook file (``cg.rulebook/2``) writes these as data; Python writes them with `threshold`,
`any_of`, `all_of`, `member_of` and `not_member_of`. Either way the check is a `DeclaredCheck`
around a `ComposedCheck`: a plain value holding names, never a closure, so it pickles, and the
rule's parameters and tables derive from it. Its findings are explained by the same
`Threshold` machinery as the built-in rules: the numbers compared and what is missing.

The names a check may use are registered per subject type in `MEASURES` (counts) and `FACTS`
(categorical values); an unknown name is a `RulebookError` naming the nearest known ones.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Collection, Iterable, Mapping
from fractions import Fraction
from typing import Any, Literal

import attrs

from ..exceptions import MissingDataError, RulebookError
from ..models import SUBJECT_MODELS
from ..rules.citation import Citation
from ..rules.parameter import Parameter, ParameterKind
from ..rules.rule import Check, DeclaredCheck, RuleContext
from ..rules.threshold import QUANTIFIERS, Comparison, Outcome, Quantifier, Term, Threshold
from ._named import FACTS, MEASURES, NamedFact, NamedMeasure

__all__ = [
    "FACTS",
    "MEASURES",
    "Compare",
    "ComposedCheck",
    "Group",
    "MemberOf",
    "NamedFact",
    "NamedMeasure",
    "When",
    "all_of",
    "any_of",
    "composed",
    "member_of",
    "not_member_of",
    "problems",
    "threshold",
]

#: The quantifiers with the statute's words, for messages and hints.
QUANTIFIER_ZH: Mapping[str, str] = {
    "at_least": "以上",
    "more_than": "超过",
    "at_most": "以下",
    "less_than": "不满",
}


def _strings(value: str | Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _name(p: Parameter | str) -> str:
    return p if isinstance(p, str) else p.name


@attrs.frozen(slots=True)
class When:
    """The condition of a composed check: fact ``fact`` has one of ``values``; otherwise the
    rule is ``not_applicable`` to the subject.

    Examples:
        >>> When("category", "major")
        When(fact='category', values=('major',))
    """

    fact: str
    values: tuple[str, ...] = attrs.field(converter=_strings)


@attrs.frozen(slots=True)
class Compare:
    """One threshold: named measure ``measure`` is ``quantifier`` the value of ``parameter``
    (a count, or a share of the measure's base)."""

    measure: str
    quantifier: Quantifier
    parameter: Parameter | str = attrs.field(eq=False)
    parameter_name: str = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "parameter_name", _name(self.parameter))


def _compares(parts: Iterable[Compare]) -> tuple[Compare, ...]:
    return tuple(parts)


@attrs.frozen(slots=True)
class Group:
    """Thresholds of which any one (``any_of``) or all (``all_of``) must pass."""

    mode: Literal["any_of", "all_of"]
    parts: tuple[Compare, ...] = attrs.field(converter=_compares)


@attrs.frozen(slots=True)
class MemberOf:
    """Named fact ``fact`` is (``member=True``) or is not the key of an entry of ``table`` in
    force."""

    fact: str
    table: str
    member: bool = True


Criterion = Compare | Group | MemberOf
"""What a composed check judges."""


def _subject_type(subject: type[Any] | str) -> str:
    if isinstance(subject, str):
        return subject
    kind = getattr(subject, "subject_type", None)
    if not isinstance(subject, type) or not isinstance(kind, str) or not kind:
        raise RulebookError(
            "check",
            "subject",
            f"must be a subject model class such as Proposal (got {subject!r})",
        )
    return kind


def near(name: str, known: Iterable[str]) -> str:
    """``" (did you mean 'a', 'b'?)"`` for the known names nearest ``name``, else all of them."""
    names = tuple(sorted(known))
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    if close:
        return f" (did you mean {', '.join(repr(n) for n in close)}?)"
    if not names:
        return " (none are defined)"
    shown = ", ".join(names[:12]) + (", …" if len(names) > 12 else "")
    return f" (known: {shown})"


def problems(
    subject: type[Any] | str,
    criterion: Criterion,
    when: When | None = None,
    parameters: Mapping[str, ParameterKind] | None = None,
    tables: Collection[str] | None = None,
) -> list[tuple[str, str]]:
    """Every problem of a composed check, as ``(key, reason)`` pairs (empty: none).

    Keys are those of a rulebook file's ``check`` table (``threshold.measure``,
    ``any_of[1].quantifier``, ``when.is``). ``parameters`` (names and kinds) and ``tables``
    are what the rulebook defines; ``None`` skips those checks (the rulebook makes them).
    """
    st = _subject_type(subject)
    out: list[tuple[str, str]] = []
    if st not in SUBJECT_MODELS:
        return [("subject", f"unknown subject type {st!r}{near(st, SUBJECT_MODELS)}")]
    measures, facts = MEASURES.get(st, {}), FACTS.get(st, {})

    def fact(key: str, name: str) -> NamedFact | None:
        found = facts.get(name)
        if found is None:
            out.append((key, f"unknown fact {name!r} of a {st}{near(name, facts)}"))
        return found

    def compare(key: str, c: Compare) -> None:
        m = measures.get(c.measure)
        if m is None:
            out.append(
                (
                    f"{key}.measure",
                    f"unknown measure {c.measure!r} of a {st}{near(c.measure, measures)}",
                )
            )
        if c.quantifier not in QUANTIFIERS:
            words = ", ".join(f"{q} {w}" for q, w in QUANTIFIER_ZH.items())
            out.append(
                (
                    f"{key}.quantifier",
                    f"unknown quantifier {c.quantifier!r}{near(c.quantifier, QUANTIFIERS)}; "
                    f"one of {words}",
                )
            )
        kind: str | None = None
        if isinstance(c.parameter, Parameter):
            kind = c.parameter.kind
        elif parameters is not None:
            kind = parameters.get(c.parameter_name)
            if kind is None:
                out.append(
                    (
                        f"{key}.parameter",
                        f"unknown parameter {c.parameter_name!r}"
                        f"{near(c.parameter_name, parameters)}",
                    )
                )
        if m is not None and kind == "share" and m.base is None:
            out.append(
                (
                    f"{key}.parameter",
                    f"parameter {c.parameter_name!r} is a share, but measure {m.name!r} has no "
                    "base to take a share of; use a count parameter",
                )
            )

    if isinstance(criterion, Compare):
        compare("threshold", criterion)
    elif isinstance(criterion, Group):
        if not criterion.parts:
            out.append((criterion.mode, "needs at least one threshold"))
        for i, part in enumerate(criterion.parts):
            compare(f"{criterion.mode}[{i}]", part)
    else:
        key = "member_of" if criterion.member else "not_member_of"
        fact(f"{key}.fact", criterion.fact)
        if tables is not None and criterion.table not in tables:
            out.append(
                (
                    f"{key}.table",
                    f"unknown table {criterion.table!r}{near(criterion.table, tables)}",
                )
            )
    if when is not None:
        f = fact("when.fact", when.fact)
        if f is not None and f.values:
            for v in when.values:
                if v not in f.values:
                    out.append(("when.is", f"{v!r} is not a value of {f.name}{near(v, f.values)}"))
        if not when.values:
            out.append(("when.is", "needs at least one value"))
    return out


def composed(
    subject: type[Any] | str, criterion: Criterion, when: When | None = None
) -> DeclaredCheck:
    """The check judging ``criterion`` on subjects of ``subject`` (a model class or its type
    name), where ``when`` holds.

    Raises:
        RulebookError: an unknown measure, fact or quantifier (naming the nearest known), or a
            share parameter over a measure without a base.
    """
    st = _subject_type(subject)
    found = problems(st, criterion, when)
    if found:
        key, reason = found[0]
        if len(found) > 1:
            rest = "; ".join(f"{k}: {r}" for k, r in found[1:])
            reason += f" (and {len(found) - 1} more problem(s): {rest})"
        raise RulebookError(f"composed {st} check", key, reason)
    if isinstance(criterion, Compare):
        params: tuple[Parameter | str, ...] = (criterion.parameter,)
    elif isinstance(criterion, Group):
        params = tuple(c.parameter for c in criterion.parts)
    else:
        params = ()
    tables = (criterion.table,) if isinstance(criterion, MemberOf) else ()
    return DeclaredCheck(ComposedCheck(st, criterion, when), params, tables)


def threshold(
    subject: type[Any] | str,
    measure: str,
    quantifier: Quantifier,
    parameter: Parameter | str,
    *,
    when: When | None = None,
) -> DeclaredCheck:
    """Make a check: named measure ``measure`` is ``quantifier`` the value of ``parameter``.

    Examples:
        >>> import datetime as dt
        >>> from community_governance.models import Proposal
        >>> from community_governance.rules import Citation
        >>> c = Citation("示例规则（虚构）", "第一条", "三户以上")
        >>> p = Parameter.count("x.households", "户数", "households",
        ...                     (3, dt.date(2027, 1, 1), None, c))
        >>> check = threshold(Proposal, "sponsoring_households", "at_least", p,
        ...                   when=When("category", "major"))
        >>> check.parameters[0] is p, check.fn.criterion.measure
        (True, 'sponsoring_households')
    """
    return composed(subject, Compare(measure, quantifier, parameter), when)


def any_of(subject: type[Any] | str, *parts: Compare, when: When | None = None) -> DeclaredCheck:
    """Make a check: at least one of the thresholds ``parts`` passes (all are reported)."""
    return composed(subject, Group("any_of", parts), when)


def all_of(subject: type[Any] | str, *parts: Compare, when: When | None = None) -> DeclaredCheck:
    """Make a check: every threshold of ``parts`` passes (all are reported)."""
    return composed(subject, Group("all_of", parts), when)


def member_of(
    subject: type[Any] | str, fact: str, table: str, *, when: When | None = None
) -> DeclaredCheck:
    """Make a check: named fact ``fact`` is the key of an entry of ``table`` in force."""
    return composed(subject, MemberOf(fact, table, True), when)


def not_member_of(
    subject: type[Any] | str, fact: str, table: str, *, when: When | None = None
) -> DeclaredCheck:
    """Make a check: named fact ``fact`` is the key of no entry of ``table`` in force."""
    return composed(subject, MemberOf(fact, table, False), when)


@functools.lru_cache(maxsize=256)
def _threshold(q: Quantifier, value: int | Fraction, counted: Term, base: Term | None) -> Threshold:
    return Threshold(q, value, counted, base)


@attrs.frozen(slots=True)
class ComposedCheck:
    """A check composed of named parts (see the module docs); made by `composed` and the
    helpers, run by the engine like any check."""

    subject_type: str
    criterion: Criterion
    when: When | None = None

    def __call__(self, subject: Any, ctx: RuleContext) -> Check:
        """Judge ``subject``: not_applicable outside ``when``, else the criterion."""
        if self.when is not None:
            skip = self._unless(subject)
            if skip is not None:
                return skip
        c = self.criterion
        if isinstance(c, Compare):
            comparison = self._compare(c, subject, ctx)
            return Check.lazy(
                "passed" if comparison.passed else "failed",
                comparison.text,
                comparison.to_evidence(),
            )
        if isinstance(c, Group):
            results = tuple(self._compare(part, subject, ctx) for part in c.parts)
            passed = (
                any(r.passed for r in results)
                if c.mode == "any_of"
                else all(r.passed for r in results)
            )
            outcome = Outcome(c.mode, results, passed)
            return Check.lazy(
                "passed" if passed else "failed",
                functools.partial(_group_text, outcome),
                outcome.to_evidence(),
            )
        return self._member(c, subject, ctx)

    def _fact(self, name: str, subject: Any) -> tuple[NamedFact, str | None]:
        fact = FACTS[self.subject_type][name]
        value = fact.read(subject)
        if value is None and not fact.optional:
            raise MissingDataError(
                fact.source, f"the {fact.en} is not recorded", f"未登记{fact.zh}"
            )
        return fact, value

    def _unless(self, subject: Any) -> Check | None:
        assert self.when is not None
        fact, value = self._fact(self.when.fact, subject)
        if value in self.when.values:
            return None
        wanted = self.when.values
        what_zh = getattr(SUBJECT_MODELS.get(self.subject_type), "subject_zh", "") or "对象"
        shown_zh = "未注明" if value is None else f"“{fact.shown_zh(value)}”"
        shown_en = "not given" if value is None else repr(value)
        return Check.not_applicable(
            f"{fact.zh}为{shown_zh}，本规则只适用于{fact.zh}为"
            f"“{'”或“'.join(map(fact.shown_zh, wanted))}”的{what_zh}",
            f"the {fact.en} is {shown_en}, not {' or '.join(repr(v) for v in wanted)}: "
            "the rule does not apply",
            **{fact.name: value},
        )

    def _compare(self, c: Compare, subject: Any, ctx: RuleContext) -> Comparison:
        measures = MEASURES[self.subject_type]
        m = measures[c.measure]
        value = ctx.param(c.parameter)
        if not isinstance(value, Fraction):
            return _threshold(c.quantifier, value, m.term, None).test(m.read(subject))
        if m.base is None:
            raise RulebookError(
                f"rule {ctx.rule_id}",
                "check",
                f"parameter {c.parameter_name!r} is a share, but measure {m.name!r} has no base",
            )
        b = measures[m.base]
        base = b.read(subject)
        if base == 0:
            raise MissingDataError(
                b.source,
                f"no {b.term.en} recorded: the base of the share is 0, so the share of "
                f"{m.term.en} cannot be judged",
                f"未登记{b.term.zh}，无法计算{m.term.zh}所占比例",
            )
        observed = m.read(subject)
        if observed > base:
            raise MissingDataError(
                m.source,
                f"{observed} {m.term.en} exceed their base of {b.term.count(base)}: the records "
                "disagree",
                f"{m.term.zh}{observed}{m.term.unit_zh}超过{b.term.zh}{base}{b.term.unit_zh}，记录有误",
            )
        return _threshold(c.quantifier, value, m.term, b.term).test(observed, base)

    def _member(self, c: MemberOf, subject: Any, ctx: RuleContext) -> Check:
        fact, value = self._fact(c.fact, subject)
        entries = ctx.table(c.table)
        entry = None if value is None else next((e for e in entries if e.key == value), None)
        found = entry is not None
        evidence: dict[str, object] = {
            "fact": fact.name,
            "value": value,
            "table": c.table,
            "member": found,
        }
        if entry is not None:
            evidence["entry"] = {"key": entry.key, "citation": entry.citation.to_dict()}
            zh = f"{fact.zh}“{fact.shown_zh(entry.key)}”列于{c.table}（{_cite(entry.citation)}）"
            en = f"the {fact.en} {value!r} is an entry of {c.table} ({_cite(entry.citation)})"
        elif value is None:
            zh, en = f"未注明{fact.zh}，不在{c.table}中", f"no {fact.en} is given: not in {c.table}"
        else:
            zh = f"{fact.zh}“{fact.shown_zh(value)}”不在{ctx.at.isoformat()}施行的{c.table}中"
            en = f"the {fact.en} {value!r} is not an entry of {c.table} in force on {ctx.at}"
        passed = found == c.member
        return Check("passed" if passed else "failed", zh, en, evidence)


def _cite(c: Citation) -> str:
    return c.short()


def _group_text(outcome: Outcome) -> tuple[str, str]:
    parts = [c.text() for c in outcome.comparisons()]
    detail_zh = "；".join(zh for zh, _ in parts)
    detail_en = "; ".join(en for _, en in parts)
    how_zh, how_en = (
        ("满足其一即可", "either suffices")
        if outcome.mode == "any_of"
        else ("须全部满足", "all required")
    )
    if outcome.passed:
        return f"符合要求（{how_zh}）：{detail_zh}", f"complies ({how_en}): {detail_en}"
    need_zh, need_en = outcome.shortfall_text()
    return (
        f"不符合要求（{how_zh}），{need_zh}：{detail_zh}",
        f"does not comply ({how_en}) — {need_en}: {detail_en}",
    )
