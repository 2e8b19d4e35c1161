"""议题: the motions an assembly votes, their matters and tallies, and the owners' unit
register (专有部分) owners' votes are counted by.

Counts are whole numbers; floor area (专有部分面积) is an integer number of 0.01 m² units
(``12345`` is 123.45 m²), so that owners' votes are compared exactly, never as floats.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ._base import Date, Id, IdTuple, StrictModel
from .dismissal import DismissalNotice

__all__ = ["MOTION_FIELDS", "Count", "Matter", "Motion", "MotionResult", "Unit", "owner_headcount"]

#: What a motion decides. ``general`` for anything without a special rule; the owners'
#: matters are the nine items of Civil Code Art. 278(1) (``property_service_dismissal`` is the
#: dismissal half of item (四), whose notice Art. 946 governs).
Matter = Literal[
    "general",
    "rules_of_procedure",  # (一) 业主大会议事规则
    "management_statute",  # (二) 管理规约
    "owners_committee",  # (三) 选举/更换业主委员会
    "property_service_company",  # (四) 选聘和解聘物业服务企业
    "property_service_dismissal",  # (四) 解聘物业服务人 — with the notice of 民法典第九百四十六条
    "use_maintenance_fund",  # (五) 使用维修资金
    "raise_maintenance_fund",  # (六) 筹集维修资金
    "rebuild",  # (七) 改建、重建
    "change_common_use",  # (八) 改变共有部分用途或利用共有部分经营
    "other_major",  # (九) 其他重大事项
    # matters the villagers' assembly decides (村民委员会组织法 2018 Art. 24 / 2025 Art. 28)
    "village_construction",  # 村庄规划、建设等乡村建设重要事项 (2025)
    "work_subsidy",  # 享受误工补贴的人员及补贴标准
    "collective_income_use",  # 村集体经济所得收益（资金和物资）的使用
    "public_welfare",  # 公益事业的兴办和筹资筹劳方案及建设承包方案
    "land_contracting",  # 土地承包经营方案 (2018)
    "collective_project",  # 村集体经济项目的立项、承包方案 (2018)
    "homestead",  # 宅基地的使用方案 (2018)
    "land_compensation",  # 征地补偿费的使用、分配方案 (2018)
    "collective_property",  # 以借贷、租赁或者其他方式处分村集体财产 (2018)
    "assistance_plan",  # 重点帮扶人员、帮扶方案 (2025)
    # the assemblies' own instruments and reviews (urban 2018 Art. 10, 15; 2025 Art. 30; village
    # 2018 Art. 23, 27; 2025 Art. 27, 31; 农村集体经济组织法 Art. 26(1)(一))
    "charter",  # 制定、修改自治章程 (居民 / 村民自治章程; a collective's 章程)
    "convention",  # 制定、修改居民公约 / 村规民约
    "annual_work_report",  # 审议居民（村民）委员会的年度工作报告
    "member_evaluation",  # 评议居民（村民）委员会成员的工作
    "common_interest",  # 其他涉及全体居民利益的重要事项 (urban)
    "mediation_committee",  # 推选人民调解委员会委员 (人民调解法 Art. 9)
    "residence_to_commercial",  # 将住宅改变为经营性用房 (民法典 Art. 279)
    # the collective economic organisation's matters (农村集体经济组织法 Art. 15, 26(1))
    "member_confirmation",  # (三) 确认农村集体经济组织成员
    "annual_accounts",  # (七) 年度财务预决算、收益分配方案
    "share_quantification",  # (八) 集体经营性财产收益权份额量化方案
    "merger_division",  # (十二) 合并、分立
    "non_member_rights",  # Art. 15: 非成员享有成员的部分权利
]
#: 决议 (adopted) / 否决 (rejected).
MotionResult = Literal["adopted", "rejected"]

Count = Annotated[int, Field(ge=0)]


class Unit(StrictModel):
    """专有部分: one exclusively owned unit of a building, for counting owners' votes."""

    id: Id = Field(description="Unit id (专有部分编号).")
    owner_id: Id = Field(
        description="The owner (业主). Units of one buyer share one id; unsold or undelivered "
        "units share the developer's (建设单位) id."
    )
    area: Annotated[int, Field(gt=0)] = Field(
        description="Exclusive floor area (专有部分面积) in 0.01 m² (12345 = 123.45 m²), as in "
        "the real-estate register, else the survey, else the sales contract."
    )
    building: Id | None = Field(
        default=None,
        description="The building (栋) the unit is in; None if not recorded (the owners of a "
        "building are interested in a change of use of its homes, 建筑物区分所有权解释 第十一条).",
    )


class Motion(StrictModel):
    """议题: one motion voted at the meeting, with its tally (表决结果)."""

    id: Id = Field(description="Motion id.")
    title: str = Field(default="", description="What was voted on (议题).")
    matter: Matter = Field(default="general", description="The kind of matter (事项).")
    voted_on: Date = Field(description="The day of the vote (表决日期).")
    in_favour: Count = Field(description="Votes for (同意).")
    against: Count = Field(default=0, description="Votes against (反对).")
    abstain: Count = Field(default=0, description="Abstentions (弃权).")
    area_in_favour: Count | None = Field(
        default=None, description="Owners: exclusive area (0.01 m²) of owners voting for."
    )
    area_against: Count | None = Field(
        default=None, description="Owners: exclusive area (0.01 m²) of owners voting against."
    )
    area_abstain: Count | None = Field(
        default=None, description="Owners: exclusive area (0.01 m²) of owners abstaining."
    )
    result: MotionResult = Field(
        description="The result the record declares: adopted (决议) or rejected (否决)."
    )
    dismissal_notice: DismissalNotice | None = Field(
        default=None,
        description="Owners: the written notice to the property service company of its "
        "dismissal (解聘物业服务人的书面通知); only on a property_service_dismissal motion.",
    )
    filed_on: Date | None = Field(
        default=None,
        description="The day what the motion adopted was filed (备案): a charter or convention "
        "with the government above, an elected owners' committee with the housing authority; "
        "None if not recorded. Only on charter, convention and owners_committee motions.",
    )
    committee_first_met_on: Date | None = Field(
        default=None,
        description="Owners: the day the owners' committee elected by this motion first met "
        "(首次会议); None if not recorded. Only on an owners_committee motion.",
    )
    unit_id: Id | None = Field(
        default=None,
        description="Owners: the unit (专有部分) whose home would become business premises; only "
        "on a residence_to_commercial motion.",
    )
    consenting_owners: IdTuple = Field(
        default=(),
        description="Owners: the owners (owner_id of the unit register) who consented to the "
        "change of use (同意); only on a residence_to_commercial motion.",
    )

    @property
    def ballots(self) -> int:
        """Persons (or owners) who took part in this vote: for + against + abstain."""
        return self.in_favour + self.against + self.abstain

    @property
    def area_ballots(self) -> int | None:
        """Area of the owners who took part in this vote, or None if not recorded."""
        parts = (self.area_in_favour, self.area_against, self.area_abstain)
        if self.area_in_favour is None:
            return None
        return sum(p or 0 for p in parts)


#: The motion fields only some matters record, with those matters.
MOTION_FIELDS: dict[str, frozenset[str]] = {
    "filed_on": frozenset({"charter", "convention", "owners_committee"}),
    "committee_first_met_on": frozenset({"owners_committee"}),
    "unit_id": frozenset({"residence_to_commercial"}),
    "consenting_owners": frozenset({"residence_to_commercial"}),
}


def owner_headcount(units: tuple[Unit, ...]) -> tuple[int, int]:
    """Owners and total area as the building-ownership interpretation counts them.

    One unit counts as one owner, but several units of one buyer, and the developer's unsold
    or undelivered units, count as one (Art. 9); area is the sum of the units' areas (Art. 8).

    Examples:
        >>> owner_headcount((Unit(id="1", owner_id="a", area=9000),
        ...                  Unit(id="2", owner_id="a", area=8000),
        ...                  Unit(id="3", owner_id="dev", area=10000)))
        (2, 27000)
    """
    return len({u.owner_id for u in units}), sum(u.area for u in units)
