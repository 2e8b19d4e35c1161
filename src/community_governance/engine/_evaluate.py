"""evaluate(subject, rulebook, at) -> Decision: run every rule in scope and combine."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..exceptions import MissingDataError, RulebookError, UnknownReferenceError
from ..rules.audit import PendingAudit
from ..rules.decision import Coverage, Decision, Finding, ParameterUse, Verdict
from ..rules.rule import Check, Rule, RuleContext
from ..rules.scope import ScopedSubject
from ._plan import Plan, RuleSource

__all__ = ["evaluate", "evaluate_rule"]


def evaluate(
    subject: ScopedSubject,
    rulebook: RuleSource,
    at: dt.date | None = None,
    *,
    raise_errors: bool = False,
) -> Decision:
    """Judge ``subject`` by ``rulebook`` as the law stood on ``at``.

    The rules of the subject's type whose declared scope takes in the subject and that are in
    force on ``at`` are run and reported, in rulebook order; the others are counted in the
    Decision's ``coverage``. ``must`` findings combine deny-overrides (one failure denies); a
    ``must`` rule that cannot be evaluated makes the verdict ``indeterminate`` unless another
    denies; ``advisory`` rules only warn. If no ``must`` rule in force covers the subject, the
    verdict is ``indeterminate`` and ``coverage.uncovered`` says what is uncovered: ``allowed``
    always means that binding rules judged the subject and found it lawful.

    Args:
        subject: a validated subject model (`Proposal`, …).
        rulebook: the rulebook to apply.
        at: the date; defaults to the subject's own date (a proposal's ``submitted_on``).
        raise_errors: re-raise an unexpected exception from a rule's check (or a rule reading
            law data it did not declare) instead of reporting it as an ``indeterminate``
            finding — for tests of new rules.

    Returns:
        The `Decision`.

    Raises:
        TypeError: ``subject`` is not a subject model, ``rulebook`` is not a rulebook (an id
            string is refused, naming ``get_rulebook``), or ``at`` is not a date.

    Examples:
        >>> import json
        >>> from community_governance import Proposal, get_rulebook
        >>> data = json.load(open("examples/jinjiang/proposal-eligible.json", encoding="utf-8"))
        >>> decision = evaluate(Proposal.model_validate_json(json.dumps(data)),
        ...                     get_rulebook("cn.sichuan.chengdu.jinjiang"))
        >>> decision.verdict
        'allowed'
    """
    cls = type(subject)
    subject_type = getattr(cls, "subject_type", "")
    if not subject_type or not hasattr(cls, "scope_facts"):
        raise TypeError(
            f"subject must be a subject model such as Proposal (got {type(subject).__name__})"
        )
    when = subject.reference_date if at is None else at
    if type(when) is not dt.date and (
        not isinstance(when, dt.date) or isinstance(when, dt.datetime)
    ):
        raise TypeError(f"at must be a datetime.date (got {when!r})")
    try:
        plan = rulebook.plan(subject_type, when)
    except AttributeError:
        if hasattr(rulebook, "plan"):
            raise
        raise TypeError(
            f"rulebook must be a Rulebook (got {rulebook!r}); for a built-in id use "
            f"get_rulebook({rulebook!r}), for a file load_rulebook(path)"
        ) from None
    facts = subject.facts()
    selection = plan.select(facts)
    findings = tuple(
        [_run(r, missing, subject, plan, raise_errors) for r, missing in selection.rules]
    )
    # deny-overrides (see `combine`), and whether any binding rule judged the subject at all
    verdict: Verdict = "allowed"
    judged = False
    for f in findings:
        if f.severity != "must":
            continue
        status = f.status
        if status == "failed":
            verdict = "denied"
            judged = True
            break
        if status == "indeterminate":
            verdict = "indeterminate"
            judged = True
        elif status == "passed":
            judged = True
    coverage = selection.coverage
    if not judged:
        # nothing binding judged the subject: no rule in scope and in force, or every one
        # found its conditions unmet — that is not a permission
        uncovered = _uncovered(cls, rulebook.id, when, facts, selection.binding)
        coverage = Coverage(selection.out_of_scope, selection.not_in_force, uncovered)
        verdict = "indeterminate"
    return Decision(
        subject_type,
        subject.subject_id,
        rulebook.id,
        rulebook.version,
        when,
        verdict,
        findings,
        coverage,
        # digests are computed when the Decision is serialised or its audit read, not here
        PendingAudit(subject, rulebook),
    )


def _uncovered(
    cls: Any, rulebook_id: str, at: dt.date, facts: tuple[str | None, ...], in_scope: bool
) -> tuple[str, str]:
    names = tuple(cls.scope_facts)
    known = [f"{n}={v}" for n, v in zip(names, facts, strict=True) if v is not None]
    what_en = cls.subject_type + (f" ({', '.join(known)})" if known else "")
    what_zh = getattr(cls, "subject_zh", cls.subject_type) + (
        f"（{'，'.join(known)}）" if known else ""
    )
    if in_scope:
        return (
            f"规则集 {rulebook_id} 在{at.isoformat()}施行的约束性规则均不适用于此{what_zh}，"
            "无法判定其是否合规",
            f"every binding rule of {rulebook_id} in force on {at.isoformat()} for this "
            f"{what_en} found its conditions unmet: nothing judged it",
        )
    return (
        f"规则集 {rulebook_id} 在{at.isoformat()}没有施行中的约束性规则适用于此{what_zh}，"
        "无法判定其是否合规",
        f"no binding rule of {rulebook_id} in force on {at.isoformat()} covers this {what_en}: "
        "it cannot be judged",
    )


def evaluate_rule(
    rule: Rule, subject: Any, rulebook: RuleSource, at: dt.date, raise_errors: bool = False
) -> Finding:
    """Run one rule on a subject, whatever its scope, and return its `Finding` (a rule not in
    force on ``at`` is reported ``not_applicable``)."""
    plan = rulebook.plan(rule.subject, at)
    if not rule.in_force(at):
        span = rule.validity.describe()
        return _finding(
            rule,
            Check(
                "not_applicable",
                f"该规则在{at.isoformat()}不在施行期内（施行期间 {span}，截止日不含）",
                f"not in force on {at.isoformat()} (in force {span}, end date exclusive)",
                {"in_force": False, **rule.validity.to_dict()},
            ),
            plan,
            None,
        )
    return _run(rule, (), subject, plan, raise_errors)


def _run(
    rule: Rule, missing: tuple[str, ...], subject: Any, plan: Plan, raise_errors: bool
) -> Finding:
    if missing:
        fields = ", ".join(missing)
        return _finding(
            rule,
            Check(
                "indeterminate",
                f"无法确定该规则是否适用：未登记{fields}",
                f"cannot tell whether the rule applies: {fields} not recorded",
                {"missing": list(missing)},
            ),
            plan,
            None,
        )
    ctx = RuleContext(plan, plan.at, plan.allowed(rule), rule.id, rule.tables)
    try:
        check = rule.run(subject, ctx)
    except MissingDataError as e:
        check = Check(
            "indeterminate",
            f"缺少判定所需的数据：{e.field}（{e.reason_zh}）",
            f"missing data: {e.field} ({e.reason})",
            {"missing": e.field},
        )
    except UnknownReferenceError as e:
        check = Check(
            "indeterminate",
            f"规则集缺少参数值：{e.name}",
            f"rulebook has no value for {e.name}",
            {"missing_parameter": e.name},
        )
    except Exception as e:
        if raise_errors or isinstance(e, RulebookError):
            raise
        check = Check(
            "indeterminate",
            f"规则运行出错：{type(e).__name__}: {e}",
            f"the rule raised {type(e).__name__}: {e}",
            {"error": type(e).__name__, "detail": str(e)},
        )
    return _finding(rule, check, plan, ctx)


def _finding(rule: Rule, check: Check, plan: Plan, ctx: RuleContext | None) -> Finding:
    uses: tuple[ParameterUse, ...] = ()
    citations = rule.citations if check.citations is None else check.citations
    if ctx is not None and ctx.used:
        uses, citations = plan.explained(citations, ctx.used)
    return Finding.judged(
        rule.id,
        check.status,
        rule.severity,
        rule.kind,
        check._evidence,
        citations,
        uses,
        check.render,
        plan.title(rule),
    )
