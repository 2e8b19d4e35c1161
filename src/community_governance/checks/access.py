"""Checks for work items (准入): lists, roles, funding, legal basis, assessment, authority.

Where two rules see the same fact, each judges it on its own legal ground: a binding rule
never steps aside for an advisory one (a committee made the responsible party for demolition
fails ``work-item.no-transfer``, 不得转嫁, and the advisory ``work-item.not-responsible-party``
adds its warning, 原则上一律取消, on top). Every failure message ends with what the community
can answer the requesting body.

A rule's findings cite its *grounds* (`Ground`): the texts it rests on, each with the days
and the committees it grounds. A finding cites the grounds that hold for the item on the day
judged, the deciding text first (a list entry before the policy that makes lists binding); a
text not yet issued, or superseded, on that day is not cited. When no ground holds, the rule
cannot judge the item and says so (``indeterminate``).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from typing import Any

import attrs

from ..exceptions import MissingDataError
from ..labels import label
from ..models.work_item import CommitteeKind, WorkItem
from ..rules.citation import Citation
from ..rules.rule import Check, CheckFn, DeclaredCheck, Rule, RuleContext
from .lists import failed as _failed

__all__ = [
    "BANNED",
    "BOTH",
    "DOMAIN_ZH",
    "OWN_DUTY",
    "QUOTA",
    "Ground",
    "GroundedCheck",
    "authority",
    "certificate_basis",
    "funding",
    "grounded",
    "is_delegated",
    "legal_basis",
    "no_quotas",
    "no_transfer",
    "no_veto",
    "not_enforcement_party",
    "not_responsible_party",
    "reground",
    "same_body",
    "unified_assessment",
]

BOTH: tuple[CommitteeKind, ...] = ("residents_committee", "village_committee")
#: The committee's own duties (urban law 2025 Art. 10 (一)(二)(三)(四)(六)(九)).
OWN_DUTY = frozenset(
    {
        "publicity",
        "public_affairs",
        "dispute_mediation",
        "social_participation",
        "residents_feedback",
    }
)
#: Domains a committee is never the responsible party for (Ningxia 2017 §(八); 136号 §一).
BANNED = frozenset(
    {
        "administrative_law_enforcement",
        "demolition",
        "environmental_remediation",
        "city_management",
        "investment_attraction",
    }
)
#: Economic quotas national policy abolishes in principle (136号 §一).
QUOTA = frozenset({"investment_attraction", "tax_assistance", "economic_quota"})
DOMAIN_ZH = {
    "administrative_law_enforcement": "行政执法",
    "demolition": "拆迁拆违",
    "environmental_remediation": "环境整治",
    "city_management": "城市管理",
    "investment_attraction": "招商引资",
    "tax_assistance": "协税护税",
    "economic_quota": "经济创收指标",
}


# --- grounds: which texts a finding cites -------------------------------------------------


@attrs.frozen(slots=True)
class Ground:
    """One text a rule rests on, with the days and the committees it grounds.

    Args:
        citation: the text.
        valid_from: first day it grounds a finding (its date of issue or entry into force),
            or ``None``.
        valid_to: first day it no longer does (superseded; exclusive), or ``None``.
        committees: the committees it speaks of.

    Examples:
        >>> import datetime as dt
        >>> g = Ground(Citation("法", "第一条"), dt.date(2026, 1, 1), None, ("village_committee",))
        >>> g.holds("village_committee", dt.date(2026, 1, 1)), g.holds("village_committee",
        ...     dt.date(2025, 12, 31)), g.holds("residents_committee", dt.date(2026, 1, 1))
        (True, False, False)
    """

    citation: Citation
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    committees: tuple[CommitteeKind, ...] = BOTH

    def holds(self, committee: str, at: dt.date) -> bool:
        """Whether the text grounds a finding on a ``committee``'s item on ``at``."""
        return (
            committee in self.committees
            and (self.valid_from is None or self.valid_from <= at)
            and (self.valid_to is None or at < self.valid_to)
        )


def _unique(citations: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(dict.fromkeys(citations))


@attrs.frozen(slots=True)
class GroundedCheck(DeclaredCheck):
    """A check whose results cite the grounds that hold for the item on the day judged.

    The inner check may name the text that decides its result itself (``Check.citing``: a
    list entry); the grounds that hold follow, in the order given. If no ground holds for the
    item's committee on that day, the rule rests on nothing in force for it: a result that
    judges the item becomes ``indeterminate`` (a ``not_applicable`` one stays).
    """

    grounds: tuple[Ground, ...] = ()

    def __call__(self, subject: Any, ctx: RuleContext) -> Check:
        """Run the check and cite the grounds that hold."""
        committee: str = subject.committee
        held = tuple(g.citation for g in self.grounds if g.holds(committee, ctx.at))
        result = self.fn(subject, ctx)
        if held:
            return result.citing(*_unique((*(result.citations or ()), *held)))
        if result.status == "not_applicable":
            return result
        return Check(
            "indeterminate",
            f"本规则所依据的文本在{ctx.at.isoformat()}均不适用于"
            f"{label('committee_kind', committee)}，"
            "本库未收录当时施行的条文，无法判定",
            f"none of the texts this rule rests on applies to a {committee} on "
            f"{ctx.at.isoformat()}: the text then in force is not held, so the rule cannot "
            "judge the item",
            {"grounds_in_force": []},
            self.citations,
        )

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every ground's citation, in order (what the rule lists as its citations)."""
        return _unique(g.citation for g in self.grounds)

    def with_grounds(
        self, *grounds: Ground, first: bool = False, before: Citation | None = None
    ) -> GroundedCheck:
        """The same check with more grounds: before the others (``first``), before the ground
        citing ``before``, or after the others.

        Raises:
            ValueError: no ground cites ``before``.
        """
        if before is not None:
            at = next((i for i, g in enumerate(self.grounds) if g.citation == before), None)
            if at is None:
                raise ValueError(f"no ground cites {before.short()}")
            ordered = (*self.grounds[:at], *grounds, *self.grounds[at:])
        else:
            ordered = (*grounds, *self.grounds) if first else (*self.grounds, *grounds)
        return attrs.evolve(self, grounds=ordered)


def grounded(check: CheckFn, *grounds: Ground) -> GroundedCheck:
    """``check`` citing ``grounds`` (see `GroundedCheck`); what it declares it reads is kept.

    Raises:
        ValueError: no ground given.
    """
    if not grounds:
        raise ValueError("a grounded check needs at least one ground")
    if isinstance(check, DeclaredCheck):
        return GroundedCheck(check.fn, check.parameters, check.tables, grounds)
    return GroundedCheck(check, (), (), grounds)


def reground(
    rule: Rule,
    *grounds: Ground,
    first: bool = False,
    before: Citation | None = None,
    **changes: object,
) -> Rule:
    """``rule`` with more grounds (a local rulebook's own texts, dated; placed as
    `GroundedCheck.with_grounds` says), its citations to match, and any other field
    ``changes`` names (severity, titles, dates).

    Raises:
        TypeError: the rule's check is not a `GroundedCheck`.
    """
    if not isinstance(rule.check, GroundedCheck):
        raise TypeError(f"rule {rule.id}: its check cites no grounds (not a GroundedCheck)")
    check = rule.check.with_grounds(*grounds, first=first, before=before)
    citations = _unique((*check.citations, *rule.citations))
    return attrs.evolve(rule, check=check, citations=citations, **changes)  # type: ignore[arg-type]


def _plain(text: str) -> str:
    """``text`` compared as text: NFKC, without whitespace or invisible format characters."""
    return "".join(
        ch
        for ch in unicodedata.normalize("NFKC", text)
        if not ch.isspace() and unicodedata.category(ch) != "Cf"
    )


def same_body(a: str, b: str) -> bool:
    """Whether two names of bodies are the same name once compared as text."""
    return _plain(a) == _plain(b) != ""


def is_delegated(item: WorkItem) -> bool:
    """Work handed to the committee by the requesting body: anything but the committee's own
    duty performed as responsible party."""
    return not (item.committee_role == "responsible_party" and item.domain in OWN_DUTY)


def certificate_basis(item: WorkItem, ctx: RuleContext) -> Check:
    """A committee issues a certificate only on a clear legal basis."""
    if item.certificate is None:
        return Check.not_applicable("不是证明事项", "not a certificate")
    basis = item.certificate.legal_basis
    if basis is None:
        return _failed(
            f"出具“{item.certificate.name}”证明没有明确的法律法规依据",
            f"no legal basis is given for the certificate “{item.certificate.name}”",
            "请提供要求村（居）民委员会出具该证明的法律法规依据；无依据的不予出具",
            "give the law that requires the committee to issue it; without one it is not issued",
            legal_basis=None,
        )
    return Check.passed(
        f"出具依据：{basis.statute}{basis.article}",
        f"legal basis: {basis.statute} {basis.article}",
        legal_basis={"statute": basis.statute, "article": basis.article},
    )


def no_transfer(item: WorkItem, ctx: RuleContext) -> Check:
    """The requesting body's own statutory duties are not shifted onto the committee
    (不得转嫁): whatever the domain, a committee made the responsible party for work that is
    not its own duty fails — enforcement, demolition and the other domains national policy
    singles out included (the advisory ``work-item.not-responsible-party`` only adds to it)."""
    if item.committee_role == "assisting":
        return Check.passed(
            "社区为协助方，责任仍由交办单位承担",
            "the committee assists; the requesting body stays responsible",
            committee_role=item.committee_role,
        )
    if item.domain in OWN_DUTY:
        return Check.passed(
            "该事项属于委员会依法履行的自身职责",
            "the item is one of the committee's own duties by law",
            committee_role=item.committee_role,
        )
    if item.domain in BANNED:
        name = DOMAIN_ZH[item.domain]
        return _failed(
            f"将委员会列为{name}事项“{item.title}”的责任主体，把交办单位的职责转嫁给了"
            "基层群众性自治组织",
            f"making the committee the responsible party for "
            f"{item.domain.replace('_', ' ')} (“{item.title}”) shifts the requesting body's "
            "duty onto a self-governing organisation",
            f"{name}属于贵单位的职责，不得转嫁给社区；社区可以协助，但不作为责任主体",
            "the duty is yours and may not be shifted onto the community; the committee may "
            "assist but will not be the responsible party",
            committee_role=item.committee_role,
            domain=item.domain,
        )
    return _failed(
        f"将委员会列为“{item.title}”的责任主体，把交办单位的职责转嫁给了基层群众性自治组织",
        f"making the committee the responsible party for “{item.title}” shifts the requesting "
        "body's duty onto a self-governing organisation",
        "该事项由贵单位依法履行，社区可以协助，但不作为责任主体",
        "the duty is yours by law; the committee may assist but will not be the responsible party",
        committee_role=item.committee_role,
        domain=item.domain,
    )


def not_responsible_party(item: WorkItem, ctx: RuleContext) -> Check:
    """A committee is never the responsible party for enforcement, demolition, etc."""
    if item.domain not in BANNED:
        return Check.not_applicable(
            "事项不属于行政执法、拆迁拆违、环境整治、城市管理、招商引资等类别",
            "not law enforcement, demolition, environmental remediation, city management or "
            "investment attraction",
            domain=item.domain,
        )
    name = DOMAIN_ZH[item.domain]
    if item.committee_role == "assisting":
        return Check.passed(
            f"{name}事项中委员会仅为协助方",
            f"the committee only assists in this {item.domain.replace('_', ' ')} item",
            domain=item.domain,
            committee_role=item.committee_role,
        )
    return _failed(
        f"不得将基层群众性自治组织作为{name}事项的责任主体",
        f"a committee may not be the responsible party for {item.domain.replace('_', ' ')}",
        f"{name}由贵单位作为责任主体依法实施，社区仅可协助，请修改交办内容",
        "you remain the responsible party; the committee can only assist: change the request",
        domain=item.domain,
        committee_role=item.committee_role,
    )


def not_enforcement_party(powerless: Iterable[str]) -> CheckFn:
    """The check that a committee is not the responsible party for administrative law
    enforcement (行政执法): it assists the government and holds no enforcement power of its
    own. An item whose legal basis is none, or a statute named in ``powerless`` (laws known to
    empower no committee, e.g. the organic laws; matched as text within the statute's name),
    fails; whether another law cited as the basis empowers the committee is for a person to
    read (``indeterminate``)."""
    names = tuple(_plain(n) for n in powerless)

    def check(item: WorkItem, ctx: RuleContext) -> Check:
        if item.domain != "administrative_law_enforcement":
            return Check.not_applicable(
                "事项不属于行政执法", "not administrative law enforcement", domain=item.domain
            )
        if item.committee_role == "assisting":
            return Check.passed(
                "行政执法事项中委员会仅为协助方",
                "the committee only assists in this law-enforcement item",
                committee_role=item.committee_role,
            )
        basis = item.legal_basis
        cited = None if basis is None else {"statute": basis.statute, "article": basis.article}
        if basis is not None and not any(n in _plain(basis.statute) for n in names):
            return Check(
                "indeterminate",
                f"委员会被列为行政执法事项的责任主体，依据为{basis.statute}{basis.article}："
                "须人工核对该条款是否授权基层群众性自治组织实施行政执法",
                f"the committee is made the responsible party for law enforcement on the basis "
                f"of {basis.statute} {basis.article}: a person must read whether that article "
                "empowers a self-governing organisation to enforce the law",
                {"committee_role": item.committee_role, "legal_basis": cited},
            )
        return _failed(
            "居（村）民委员会协助政府开展工作，没有行政执法权，不能作为行政执法事项的责任主体",
            "a residents' or village committee assists the government and holds no "
            "law-enforcement power: it cannot be the responsible party for law enforcement",
            "行政执法由贵单位依法实施，社区仅可协助；如有法律、法规授权社区执法，请提供授权条款",
            "enforcement is yours by law; the committee can only assist. If a law or regulation "
            "empowers the committee itself, give that article",
            committee_role=item.committee_role,
            legal_basis=cited,
        )

    return check


def no_quotas(item: WorkItem, ctx: RuleContext) -> Check:
    """Investment, tax and revenue quotas on communities are abolished in principle."""
    if item.domain not in QUOTA:
        return Check.not_applicable(
            "不涉及招商引资、协税护税、经济创收等指标", "no investment, tax or revenue quota"
        )
    if item.domain in BANNED and item.committee_role == "responsible_party":
        return Check.not_applicable(
            "由规则 work-item.not-responsible-party 判定",
            "decided by rule work-item.not-responsible-party",
        )
    return _failed(
        f"向社区下达{DOMAIN_ZH[item.domain]}任务指标，原则上应一律取消",
        f"a {item.domain.replace('_', ' ')} quota on the community is abolished in principle",
        "社区承担的招商引资、协税护税、经济创收等指标原则上一律取消",
        "investment, tax and revenue quotas on communities are abolished in principle",
        domain=item.domain,
    )


def legal_basis(item: WorkItem, ctx: RuleContext) -> Check:
    """Delegated work must rest on a law or regulation (2025 organic laws, Art. 43)."""
    if not is_delegated(item):
        return Check.not_applicable(
            "委员会自身职责，不属于委托协助事项", "the committee's own duty, not delegated work"
        )
    if item.legal_basis is None:
        return _failed(
            "委托协助事项未提供法律、法规依据",
            "the delegated work gives no legal basis (law or regulation)",
            "请提供该事项的法律、法规依据（法律名称及条款）；委托事项应当符合法律、法规规定",
            "give the law or regulation (statute and article) the delegation rests on",
            legal_basis=None,
        )
    b = item.legal_basis
    return Check.passed(
        f"依据：{b.statute}{b.article}",
        f"legal basis: {b.statute} {b.article}",
        legal_basis={"statute": b.statute, "article": b.article},
    )


def funding(item: WorkItem, ctx: RuleContext) -> Check:
    """Funding follows the task (费随事转): the funds the delegated task needs (所需经费) are
    borne by the delegating body. A task that needs no funds passes without them; where the
    item does not say whether the task needs funds and none come with it, the rule cannot
    tell (``needs_funding``)."""
    if not is_delegated(item):
        return Check.not_applicable(
            "委员会自身职责，不属于委托协助事项", "the committee's own duty, not delegated work"
        )
    body = item.requested_by.name
    f = item.funding
    needs = item.needs_funding
    if needs is False:
        return Check.passed(
            "该事项不需要经费",
            "the task needs no funds",
            needs_funding=False,
            amount_yuan=None if f is None else f.amount_yuan,
            requesting_body=body,
        )
    if f is None or f.amount_yuan == 0:
        if needs is None:
            raise MissingDataError(
                "needs_funding",
                f"no funding comes with the delegated work (requesting body: {body}), and the "
                "item does not say whether the task needs funds (所需经费 / 需要经费的)",
                f"委托协助事项未随事项拨付经费（交办单位：{body}），也未写明该事项是否需要经费",
            )
        return _failed(
            f"委托协助事项需要经费，但未随事项拨付经费（交办单位：{body}）",
            f"the delegated task needs funds and none come with it (requesting body: {body})",
            "费随事转：请由贵单位承担并拨付所需经费后再交办",
            "funding follows the task: provide the funds before assigning the work",
            needs_funding=needs,
            amount_yuan=None if f is None else f.amount_yuan,
            payer=None if f is None else f.payer,
            requesting_body=body,
        )
    if not same_body(f.payer, body):
        return _failed(
            f"经费由“{f.payer}”承担，而不是委托单位“{body}”",
            f"the funding is paid by “{f.payer}”, not by the delegating body “{body}”",
            "所需经费应由委托部门承担，请由贵单位拨付",
            "the delegating body must pay: provide the funds yourselves",
            needs_funding=needs,
            amount_yuan=f.amount_yuan,
            payer=f.payer,
            requesting_body=body,
        )
    return Check.passed(
        f"经费{f.amount_yuan}元由委托单位“{body}”承担",
        f"{f.amount_yuan} yuan paid by the delegating body “{body}”",
        needs_funding=needs,
        amount_yuan=f.amount_yuan,
        payer=f.payer,
        requesting_body=body,
    )


def no_veto(item: WorkItem, ctx: RuleContext) -> Check:
    """No one-vote-veto assessment of community work."""
    if item.assessment is None or not item.assessment.one_vote_veto:
        return Check.passed("未附“一票否决”考核", "no one-vote-veto assessment attached")
    return _failed(
        "事项附带“一票否决”性考核",
        "the item comes with a one-vote-veto assessment",
        "不得对社区工作实行“一票否决”；取消该考核后，事项本身仍可按清单承接",
        "one-vote vetoes on community work are not allowed; without that assessment the item "
        "itself may be admitted",
        one_vote_veto=True,
    )


def unified_assessment(item: WorkItem, ctx: RuleContext) -> Check:
    """Departments do not assess community work separately from the unified assessment."""
    if item.assessment is None or not item.assessment.separate_departmental:
        return Check.passed("未附部门单独考核评比", "no separate departmental assessment attached")
    return _failed(
        f"“{item.requested_by.name}”对该事项单独组织考核评比",
        f"“{item.requested_by.name}” attaches its own assessment outside the unified one",
        "社区工作由基层政府统一综合考评，各职能部门不再单独考核；取消该考核后，事项本身仍可承接",
        "community work is assessed once by the basic-level government; without that "
        "assessment the item itself may be admitted",
        separate_departmental=True,
    )


def authority(item: WorkItem, ctx: RuleContext) -> Check:
    """Authority follows responsibility (权随责走): powers the task needs are handed over."""
    missing = [a for a in item.authority_needed if a not in item.authority_transferred]
    if not item.authority_needed:
        return Check.passed("事项不需要额外权限", "the task needs no powers beyond the committee's")
    if not missing:
        return Check.passed(
            f"所需权限已随事项下放：{'、'.join(item.authority_needed)}",
            f"the powers needed are handed over: {', '.join(item.authority_needed)}",
            authority_missing=[],
        )
    return _failed(
        f"事项所需权限未随事项下放：{'、'.join(missing)}",
        f"powers the task needs are not handed over: {', '.join(missing)}",
        "权随责走：请同时明确并下放履职所需的权限，或由贵单位自行办理",
        "authority follows responsibility: hand over the powers the task needs, or do the "
        "work yourselves",
        authority_missing=missing,
    )
