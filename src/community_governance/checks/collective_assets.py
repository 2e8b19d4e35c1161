"""Checks of payments out of collective assets (`CollectiveAssetSpending`)."""

from __future__ import annotations

from ..models.collective_assets import CollectiveAssetSpending
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads

__all__ = ["decided_by"]

_ZH = {
    "residents_assembly_vote": "居民大会表决",
    "representatives_assembly_vote": "居民代表会议表决",
    "democratic_consultation": "民主协商",
    "residents_committee": "居民委员会自行决定",
    "collective_management": "集体经济组织管理层决定",
    "government": "政府决定",
    "other": "其他方式",
}


def decided_by(allowed: tuple[str, ...]) -> DeclaredCheck:
    """Make a check: a payment for public facilities was decided in one of the ``allowed``
    self-governing forms (通过居民大会表决、民主协商等自治形式)."""

    @reads()
    def check(s: CollectiveAssetSpending, ctx: RuleContext) -> Check:
        if s.purpose != "public_facility":
            return Check.not_applicable(
                "不是用于公共服务设施的拨付", "not a payment for public facilities"
            )
        how = _ZH[s.decided_by]
        if s.decided_by in allowed:
            return Check.passed(
                f"从集体资产中拨付资金用于“{s.title}”，经{how}决定",
                f"the payment for {s.title} was decided by {s.decided_by.replace('_', ' ')}",
                decided_by=s.decided_by,
            )
        return Check.failed(
            f"从集体资产中拨付资金用于“{s.title}”，由{how}，未经居民大会表决、民主协商等自治形式",
            f"the payment for {s.title} was decided by {s.decided_by.replace('_', ' ')}, not "
            "by a residents' assembly vote, democratic consultation or a like self-governing "
            "form",
            decided_by=s.decided_by,
            allowed=list(allowed),
        )

    return check
