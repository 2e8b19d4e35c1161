"""Checks of residential compounds (`Compound`): the bodies that govern a gated compound."""

from __future__ import annotations

from ..exceptions import MissingDataError
from ..models.compound import Compound
from ..rules.rule import Check, RuleContext

__all__ = ["four_in_one"]


def four_in_one(x: Compound, ctx: RuleContext) -> Check:
    """The four that run a gated compound together (“四位一体”) are each there: the community
    party organisation, the residents' committee, the compound's owners' committee and its
    property service enterprise. A party organisation or residents' committee the community's
    records do not list is not recorded, not absent."""
    lacking_zh: list[str] = []
    lacking_en: list[str] = []
    if x.owners_committee_id is None:
        lacking_zh.append("业主委员会")
        lacking_en.append("owners' committee")
    if x.property_service_enterprise is None:
        lacking_zh.append("物业服务企业")
        lacking_en.append("property service enterprise")
    c = x.community
    unrecorded = [
        kind for kind in ("party_organization", "residents_committee") if not c.bodies_of_kind(kind)
    ]
    if lacking_zh:
        return Check.failed(
            f"封闭型小区“{x.name}”缺少：{'、'.join(lacking_zh)}，未形成“四位一体”管理",
            f"gated compound {x.name} has no {' and no '.join(lacking_en)}: the four bodies do "
            "not govern it together",
            lacking=lacking_en,
        )
    if unrecorded:
        raise MissingDataError(
            "community.bodies",
            f"no {' or '.join(unrecorded)} of the community is recorded",
            "未登记社区党组织或居民委员会",
        )
    return Check.passed(
        f"封闭型小区“{x.name}”社区党组织、居委会、业主委员会、物业服务企业俱全",
        f"gated compound {x.name} has the party organisation, the residents' committee, an "
        "owners' committee and a property service enterprise",
        lacking=[],
    )
