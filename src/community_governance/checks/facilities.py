"""Checks of a community's service facilities (`CommunityFacilities`): floor space for services
per hundred households, the area of a rural community's service facility, and the standing
consultation committee.

Areas are in 0.01 m² and compared in whole numbers: ``area × 100 > 32 m² × 100 × households
/ 100`` becomes ``area > 32 × households`` in 0.01 m², never a float.
"""

from __future__ import annotations

from ..exceptions import MissingDataError
from ..models.facility import CommunityFacilities
from ..rules.parameter import Parameter
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads

__all__ = ["area_text", "consultation_committee", "facility_area", "space_per_hundred"]


def area_text(area: int) -> str:
    """An area in 0.01 m² as square metres (``3250`` → ``32.5``).

    Examples:
        >>> area_text(3250), area_text(300000), area_text(1)
        ('32.5', '3000', '0.01')
    """
    whole, cents = divmod(area, 100)
    return str(whole) if not cents else f"{whole}.{cents:02d}".rstrip("0")


def space_per_hundred(per_hundred: Parameter) -> DeclaredCheck:
    """Make a check: the community's service rooms exceed ``per_hundred`` m² for every hundred
    of its households (每百户…超…平方米: 超 is exclusive), the households being those the
    community's records list."""

    @reads(per_hundred)
    def check(f: CommunityFacilities, ctx: RuleContext) -> Check:
        households = len(f.community.households)
        if households == 0:
            raise MissingDataError(
                "community.households",
                "no household is recorded, so the space per hundred households is unknown",
                "未登记社区居民户，无法计算每百户面积",
            )
        if f.service_space_area is None:
            raise MissingDataError(
                "service_space_area",
                "the service rooms' area is not recorded",
                "未登记社区服务用房面积",
            )
        m2 = ctx.count(per_hundred)
        # area (0.01 m²) / households × 100 households > m2 m²  ⇔  area > m2 × households
        passed = f.service_space_area > m2 * households
        need = m2 * households + 1
        shown = area_text(f.service_space_area)
        zh = f"社区服务用房{shown}平方米，居民{households}户"
        en = f"{shown} m² of service rooms for {households} households"
        evidence = {
            "area": f.service_space_area,
            "households": households,
            "per_hundred_m2": m2,
            "needs_more_than": m2 * households,
        }
        if passed:
            return Check.passed(
                f"{zh}，每百户超过{m2}平方米", f"{en}: more than {m2} m² per hundred", **evidence
            )
        return Check.failed(
            f"{zh}，每百户未超过{m2}平方米（至少须{area_text(need)}平方米）",
            f"{en}: not more than {m2} m² per hundred households (needs {area_text(need)} m²)",
            **evidence,
        )

    return check


def facility_area(more_than: Parameter) -> DeclaredCheck:
    """Make a check: the comprehensive service facility exceeds ``more_than`` m² (超…平方米)."""

    @reads(more_than)
    def check(f: CommunityFacilities, ctx: RuleContext) -> Check:
        if f.service_facility_area is None:
            raise MissingDataError(
                "service_facility_area",
                "the service facility's area is not recorded",
                "未登记综合服务设施面积",
            )
        m2 = ctx.count(more_than)
        shown = area_text(f.service_facility_area)
        evidence = {"area": f.service_facility_area, "more_than_m2": m2}
        if f.service_facility_area > m2 * 100:
            return Check.passed(
                f"综合服务设施面积{shown}平方米，超过{m2}平方米",
                f"the service facility has {shown} m², more than {m2} m²",
                **evidence,
            )
        return Check.failed(
            f"综合服务设施面积{shown}平方米，未超过{m2}平方米",
            f"the service facility has {shown} m², not more than {m2} m²",
            **evidence,
        )

    return check


def consultation_committee(f: CommunityFacilities, ctx: RuleContext) -> Check:
    """The village or community has a consultation committee (协商委员会)."""
    if f.consultation_committee is None:
        raise MissingDataError(
            "consultation_committee",
            "whether there is a consultation committee is not recorded",
            "未登记是否设立协商委员会",
        )
    if f.consultation_committee:
        return Check.passed("已设立协商委员会", "a consultation committee is set up")
    return Check.failed("未设立协商委员会", "no consultation committee is set up")
