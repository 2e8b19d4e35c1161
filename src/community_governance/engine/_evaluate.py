"""evaluate(subject, rulebook, at) -> Decision: run every applicable rule and combine."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from ..exceptions import MissingDataError, UnknownReferenceError
from ..models._base import Subject
from ..rules.citation import Citation
from ..rules.decision import Decision, Finding, combine
from ..rules.parameter import ParameterVersion
from ..rules.rule import Check, Rule, RuleContext

__all__ = ["RuleSource", "evaluate", "evaluate_rule"]


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


def evaluate(
    subject: Subject,
    rulebook: RuleSource,
    at: dt.date | None = None,
    *,
    raise_errors: bool = False,
) -> Decision:
    """Judge ``subject`` by ``rulebook`` as the law stood on ``at``.

    Every rule of the rulebook for the subject's type is considered and reported, in rulebook
    order. ``must`` findings combine deny-overrides (one failure denies); a ``must`` rule that
    cannot be evaluated makes the verdict ``indeterminate`` unless another denies; ``advisory``
    rules only warn. A rule not in force on ``at`` is reported as ``not_applicable``.

    Args:
        subject: a validated subject model (`Proposal`, …).
        rulebook: the rulebook to apply.
        at: the date; defaults to the subject's own date (a proposal's ``submitted_on``).
        raise_errors: re-raise an unexpected exception from a rule's check instead of reporting
            it as an ``indeterminate`` finding (useful in tests of new rules).

    Returns:
        The `Decision`.

    Raises:
        UnknownReferenceError: the rulebook has no rule at all for this subject type.
        TypeError: ``subject`` is not a subject model, or ``at`` is not a date.

    Examples:
        >>> import json
        >>> from community_governance import Proposal, get_rulebook
        >>> data = json.load(open("examples/jinjiang/proposal-eligible.json", encoding="utf-8"))
        >>> decision = evaluate(Proposal.model_validate_json(json.dumps(data)),
        ...                     get_rulebook("cn.sichuan.chengdu.jinjiang"))
        >>> decision.verdict
        'allowed'
    """
    if not isinstance(subject, Subject) or not type(subject).subject_type:
        raise TypeError(
            f"subject must be a subject model such as Proposal (got {type(subject).__name__})"
        )
    when = subject.reference_date if at is None else at
    if not isinstance(when, dt.date) or isinstance(when, dt.datetime):
        raise TypeError(f"at must be a datetime.date (got {when!r})")
    subject_type = type(subject).subject_type
    rules = rulebook.rules_for(subject_type)
    if not rules:
        raise UnknownReferenceError(
            "subject type",
            subject_type,
            rulebook.subject_types,
            where=f"rulebook {rulebook.id} has no rules for the subject",
        )
    findings = tuple(evaluate_rule(rule, subject, rulebook, when, raise_errors) for rule in rules)
    verdict = combine(findings)
    if verdict == "allowed" and not any(rule.in_force(when) for rule in rules):
        # no rule of this rulebook speaks for that date: that is not a permission
        verdict = "indeterminate"
    return Decision(
        subject_type=subject_type,
        subject_id=subject.subject_id,
        rulebook_id=rulebook.id,
        rulebook_version=rulebook.version,
        at=when,
        verdict=verdict,
        findings=findings,
    )


def evaluate_rule(
    rule: Rule, subject: Any, rulebook: RuleSource, at: dt.date, raise_errors: bool = False
) -> Finding:
    """Run one rule and turn its result, or its failure to run, into a `Finding`."""
    if not rule.in_force(at):
        span = f"{rule.valid_from or '…'} – {rule.valid_to or '…'}"
        return _finding(
            rule,
            Check(
                "not_applicable",
                f"该规则在{at.isoformat()}不在施行期内（施行期间 {span}，截止日不含）",
                f"not in force on {at.isoformat()} (in force {span}, end date exclusive)",
                {
                    "in_force": False,
                    "valid_from": rule.valid_from.isoformat() if rule.valid_from else None,
                    "valid_to": rule.valid_to.isoformat() if rule.valid_to else None,
                },
            ),
            (),
        )
    ctx = RuleContext(rulebook, at)
    try:
        check = rule.check(subject, ctx)
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
        if raise_errors:
            raise
        check = Check(
            "indeterminate",
            f"规则运行出错：{type(e).__name__}: {e}",
            f"the rule raised {type(e).__name__}: {e}",
            {"error": type(e).__name__, "detail": str(e)},
        )
    return _finding(rule, check, tuple(v.citation for v in ctx.used.values()))


def _finding(rule: Rule, check: Check, extra: tuple[Citation, ...]) -> Finding:
    citations = rule.citations if check.citations is None else check.citations
    for c in extra:
        if c not in citations:
            citations = (*citations, c)
    return Finding(
        rule=rule.id,
        status=check.status,
        severity=rule.severity,
        kind=rule.kind,
        message_zh=check.message_zh,
        message_en=check.message_en,
        evidence=check.evidence,
        citations=citations,
    )
