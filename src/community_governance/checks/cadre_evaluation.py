"""Checks of evaluations of community cadres by the residents (居民直评社区干部): who rated,
whether the results were announced on the spot, and whether they count for rewards."""

from __future__ import annotations

from ..exceptions import MissingDataError
from ..models.cadre_evaluation import CadreEvaluation
from ..rules.rule import Check, RuleContext

__all__ = ["announced_on_the_spot", "by_residents", "tied_to_rewards"]

_BY_ZH = {
    "residents": "居民",
    "representatives": "居民代表",
    "street_office": "街道",
    "other": "其他主体",
}


def by_residents(e: CadreEvaluation, ctx: RuleContext) -> Check:
    """The residents themselves rate the cadres (居民直评), not their representatives or the
    street office."""
    if e.evaluated_by == "residents":
        return Check.passed(
            "社区干部由居民直接评议", "the residents rated the cadres themselves", by="residents"
        )
    return Check.failed(
        f"社区干部由{_BY_ZH[e.evaluated_by]}评议，不是居民直评",
        f"the cadres were rated by the {e.evaluated_by.replace('_', ' ')}, not directly by the "
        "residents",
        by=e.evaluated_by,
    )


def announced_on_the_spot(e: CadreEvaluation, ctx: RuleContext) -> Check:
    """The results are announced on the spot (评议结果现场公布)."""
    if e.announcement is None:
        raise MissingDataError(
            "announcement",
            "how the results were announced is not recorded",
            "未登记评议结果的公布方式",
        )
    if e.announcement == "on_the_spot":
        return Check.passed(
            "评议结果现场公布", "the results were announced on the spot", announcement="on_the_spot"
        )
    return Check.failed(
        "评议结果应当现场公布，但" + ("事后才公布" if e.announcement == "later" else "未公布"),
        "the results are announced on the spot, but were "
        + ("announced later" if e.announcement == "later" else "not announced"),
        announcement=e.announcement,
    )


def tied_to_rewards(e: CadreEvaluation, ctx: RuleContext) -> Check:
    """The results count for the cadres' rewards and penalties (与奖惩挂钩)."""
    if e.tied_to_rewards is None:
        raise MissingDataError(
            "tied_to_rewards",
            "whether the results count for rewards and penalties is not recorded",
            "未登记评议结果是否与奖惩挂钩",
        )
    if e.tied_to_rewards:
        return Check.passed("评议结果与奖惩挂钩", "the results count for rewards and penalties")
    return Check.failed(
        "评议结果应当与奖惩挂钩，但未挂钩",
        "the results count for rewards and penalties, but these did not",
    )
