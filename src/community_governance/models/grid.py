"""A village's grid-management record for a period (网格化服务管理记录): the grid workers'
regular reviews, the service notice, the home visits to the persons the opinions single out,
and the problems reported to the township — the subject of Ningxia's grid routines.

Lists are answers: an empty ``visits`` means no visit was made, an empty ``focus_persons``
that the village has none of the persons to visit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar, Literal, get_args

from pydantic import Field, model_validator

from ._base import Date, Id, StrictModel, Subject, duplicates, path_error
from .community import CommunityKind

__all__ = [
    "FocusCategory",
    "FocusPerson",
    "GridRecord",
    "HomeVisit",
    "ReportedIssue",
    "Reporter",
    "ServiceNotice",
]

#: The persons the home visits single out (定期重点走访): 农村“三留守”人员, 困境儿童, 困难老人,
#: 高龄老人, 困难单亲母亲, 流动人口, 贫困残疾人, 优抚对象, and 社区服刑、戒毒、刑满释放等特殊人员.
FocusCategory = Literal[
    "left_behind",  # 农村“三留守”人员
    "child_in_difficulty",  # 困境儿童
    "elderly_in_difficulty",  # 困难老人
    "very_old",  # 高龄老人
    "single_mother_in_difficulty",  # 困难单亲母亲
    "migrant",  # 流动人口
    "poor_disabled",  # 贫困残疾人
    "entitled_group",  # 优抚对象
    "special_population",  # 社区服刑、戒毒、刑满释放等特殊人员
]
#: Who reported a problem to the township (乡镇/街道): the service station (社区服务站), a grid
#: worker directly, or someone else.
Reporter = Literal["service_station", "grid_worker", "other"]


class FocusPerson(StrictModel):
    """A person of the village in one of the groups to visit."""

    person_id: Id = Field(description="The person (an id of the village's records).")
    category: FocusCategory = Field(description="The group the person belongs to.")


class HomeVisit(StrictModel):
    """入户走访: one visit to a person at home."""

    person_id: Id = Field(description="The person visited.")
    visited_on: Date = Field(description="Day of the visit (走访日期).")


class ReportedIssue(StrictModel):
    """A problem residents raised with a grid worker that was reported to the township."""

    id: Id = Field(description="Issue id.")
    raised_on: Date = Field(description="Day residents raised it (反映日期).")
    reported_on: Date = Field(description="Day it was reported to the township (反映日期).")
    reported_by: Reporter = Field(
        description="service_station (社区服务站统一收集整理后反映), grid_worker (网格员直接反映) "
        "or other."
    )

    @model_validator(mode="after")
    def _order(self) -> ReportedIssue:
        if self.reported_on < self.raised_on:
            raise path_error(
                "reported_before_raised",
                "reported_on: {value} is before raised_on {raised} (上报日期早于反映日期)",
                {"value": self.reported_on.isoformat(), "raised": self.raised_on.isoformat()},
            )
        return self


class ServiceNotice(StrictModel):
    """服务公示: the notice posted in public places about the grid service."""

    posted_on: Date = Field(description="Day it was posted (公示日期).")
    services: bool = Field(description="It shows the service content (服务内容).")
    staff: bool = Field(description="It shows the service staff (服务人员).")
    contacts: bool = Field(description="It shows how to reach them (联系方式).")


class GridRecord(Subject):
    """网格化服务管理记录: what a village's grid management did from ``period_start`` up to
    (not including) ``period_end``.

    Examples:
        >>> import datetime as dt
        >>> r = GridRecord(id="G-2018", community_kind="rural",
        ...                period_start=dt.date(2018, 1, 1), period_end=dt.date(2018, 4, 1),
        ...                reviews=[dt.date(2018, 1, 25), dt.date(2018, 2, 26)],
        ...                notice=None, focus_persons=[], visits=[], reported_issues=[])
        >>> r.reference_date
        datetime.date(2018, 3, 31)
    """

    subject_type: ClassVar[str] = "grid_record"
    subject_zh: ClassVar[str] = "网格化服务管理记录"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "community_kind": get_args(CommunityKind)
    }

    id: Id = Field(description="Record id (the village and period).")
    community_kind: CommunityKind = Field(
        description="城市社区 urban / 村改居社区 village_to_residence / 农村社区 rural."
    )
    period_start: Date = Field(description="First day the record covers.")
    period_end: Date = Field(description="First day after the period (exclusive).")
    reviews: tuple[Date, ...] = Field(
        strict=False,
        description="Days the grid workers' regular meeting (网格员工作例会, also when held with "
        "the 两委联席会议 or 民主议政日) reviewed the grids' situation (梳理、分析社情民意).",
    )
    notice: ServiceNotice | None = Field(
        description="The service notice (服务公示); null: none was posted."
    )
    focus_persons: tuple[FocusPerson, ...] = Field(
        strict=False, description="The village's persons to visit; empty: there are none."
    )
    visits: tuple[HomeVisit, ...] = Field(
        strict=False, description="Home visits made in the period (入户走访)."
    )
    reported_issues: tuple[ReportedIssue, ...] = Field(
        strict=False,
        description="Problems reported to the township (向乡镇（街道）反映) in the period.",
    )

    def facts(self) -> tuple[str | None, ...]:
        """``(community_kind,)``: what rule scopes select on."""
        return (self.community_kind,)

    @property
    def subject_id(self) -> str:
        """The record's id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """The period's last day: the default date of a check."""
        return self.period_end - dt.timedelta(days=1)

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` falls in the period."""
        return self.period_start <= day < self.period_end

    @model_validator(mode="after")
    def _within_period(self) -> GridRecord:
        if self.period_end <= self.period_start:
            raise path_error(
                "period_order",
                "period_end: {value} must be after period_start {start}",
                {"value": self.period_end.isoformat(), "start": self.period_start.isoformat()},
            )
        days = [(f"reviews[{i}]", d) for i, d in enumerate(self.reviews)]
        days += [(f"visits[{i}].visited_on", v.visited_on) for i, v in enumerate(self.visits)]
        days += [
            (f"reported_issues[{i}].reported_on", x.reported_on)
            for i, x in enumerate(self.reported_issues)
        ]
        if self.notice is not None:
            days.append(("notice.posted_on", self.notice.posted_on))
        for field, day in days:
            if day >= self.period_end:
                raise path_error(
                    "after_period",
                    "{field}: {value} is not before period_end {end} (日期不在记录期间内)",
                    {"field": field, "value": day.isoformat(), "end": self.period_end.isoformat()},
                )
        for field, values in (
            ("focus_persons", [p.person_id for p in self.focus_persons]),
            ("reported_issues", [x.id for x in self.reported_issues]),
        ):
            dup = duplicates(values)
            if dup:
                raise path_error(
                    "duplicate_id",
                    "{field}: duplicate id(s) {ids}",
                    {"field": field, "ids": ", ".join(dup)},
                )
        return self
