"""Checks of funds allocated to street offices and communities (专项资金安排) against a
per-recipient standard (按照每个街道…元、每个社区…元的标准安排)."""

from __future__ import annotations

from ..models.funding import FundAllocation
from ..rules.parameter import Parameter
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads
from ..rules.threshold import Term, Threshold

__all__ = ["meets_standard"]

FUND_YUAN = Term("fund_yuan", "专项资金", "yuan allocated", "元", ("yuan", "yuan"))
_RECIPIENT_ZH = {"street_office": "街道", "community": "社区"}


def meets_standard(standard: Parameter) -> DeclaredCheck:
    """Make a check: the year's public-service and social-management fund for one recipient is
    at least ``standard`` yuan (足额保障: the standard is the amount the recipient is given, so
    less falls short and more does not). Another fund is not judged."""

    @reads(standard)
    def check(a: FundAllocation, ctx: RuleContext) -> Check:
        if a.fund != "public_service_and_social_management":
            return Check.not_applicable(
                "不是公共服务和社会管理专项资金",
                "not the public-service and social-management fund",
            )
        c = Threshold("at_least", ctx.count(standard), FUND_YUAN).test(a.amount_yuan)
        zh, en = c.text()
        who = _RECIPIENT_ZH[a.recipient]
        evidence = {"year": a.year, "recipient": a.recipient, **c.to_evidence()}
        if c.passed:
            return Check.passed(
                f"{a.year}年{who}“{a.recipient_name}”{zh}",
                f"{a.year}, {a.recipient} {a.recipient_name}: {en}",
                **evidence,
            )
        return Check.failed(
            f"{a.year}年{who}“{a.recipient_name}”未足额安排：{zh}",
            f"{a.year}, {a.recipient} {a.recipient_name}: below the standard — {en}",
            **evidence,
        )

    return check
