"""Checks for work items (准入): lists, roles, funding, legal basis, assessment, authority.

One defect, one failed finding: where two rules could both see the same fact, the more
specific one reports it and the other says ``not_applicable`` and names it. Every failure
message ends with what the community can answer the requesting body.
"""

from __future__ import annotations

from ..models.work_item import WorkItem
from ..rules.rule import Check, RuleContext
from .lists import failed as _failed

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
    """The requesting body's own statutory duties are not shifted onto the committee."""
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
        return Check.not_applicable(
            "由规则 work-item.not-responsible-party 判定",
            "decided by rule work-item.not-responsible-party",
            committee_role=item.committee_role,
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
    """Funding follows the task (费随事转): the delegating body pays."""
    if not is_delegated(item):
        return Check.not_applicable(
            "委员会自身职责，不属于委托协助事项", "the committee's own duty, not delegated work"
        )
    body = item.requested_by.name
    f = item.funding
    if f is None or f.amount_yuan == 0:
        return _failed(
            f"委托协助事项未随事项拨付经费（交办单位：{body}）",
            f"no funding comes with the delegated work (requesting body: {body})",
            "费随事转：请由贵单位承担并拨付所需经费后再交办",
            "funding follows the task: provide the funds before assigning the work",
            amount_yuan=None if f is None else f.amount_yuan,
            payer=None if f is None else f.payer,
            requesting_body=body,
        )
    if f.payer != body:
        return _failed(
            f"经费由“{f.payer}”承担，而不是委托单位“{body}”",
            f"the funding is paid by “{f.payer}”, not by the delegating body “{body}”",
            "所需经费应由委托部门承担，请由贵单位拨付",
            "the delegating body must pay: provide the funds yourselves",
            amount_yuan=f.amount_yuan,
            payer=f.payer,
            requesting_body=body,
        )
    return Check.passed(
        f"经费{f.amount_yuan}元由委托单位“{body}”承担",
        f"{f.amount_yuan} yuan paid by the delegating body “{body}”",
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
