"""Social organisations (社会组织): how one is admitted to act (登记 or 备案), the start-up support
it received (开办扶持资金) and its assessments (综合评估) — the subject of Jinjiang's dual track.

A record says, for each fact a rule needs, what happened: ``registration`` and ``filing`` are
required, and ``null`` is an answer ("not registered", "not filed"), never a gap. Events are
recorded as they stand on ``as_of``: nothing dated after that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from ._base import Date, Id, StrictModel, Subject, Text, path_error

__all__ = [
    "CivilAffairsRegistration",
    "Filing",
    "FilingAuthority",
    "OrganizationAssessment",
    "OrganizationTrack",
    "SocialOrganization",
    "StartUpGrant",
]

#: Where an organisation not yet eligible to register is filed (备案): the street office
#: (街道办事处) or another body.
FilingAuthority = Literal["street_office", "other"]
#: The track an organisation is on, on a day: registered (登记), filed (备案) or neither.
OrganizationTrack = Literal["registered", "filed", "none"]

_Yuan = Annotated[int, Field(ge=0)]


class CivilAffairsRegistration(StrictModel):
    """依法登记: the organisation's registration with the civil-affairs authority."""

    registered_on: Date = Field(description="Day of registration (登记日期).")
    authority: Text | None = Field(
        default=None, description="The registering authority (登记管理机关), for the record."
    )


class Filing(StrictModel):
    """备案: the filing of an organisation not yet eligible to register."""

    filed_on: Date = Field(description="Day of filing (备案日期).")
    filed_with: FilingAuthority = Field(
        description="street_office (在街道备案) or other (another body)."
    )


class StartUpGrant(StrictModel):
    """一次性开办扶持资金: one start-up grant paid to the organisation."""

    granted_on: Date = Field(description="Day the grant was decided (扶持日期).")
    amount_yuan: _Yuan = Field(description="Amount granted, in yuan (扶持金额，元).")


class OrganizationAssessment(StrictModel):
    """综合评估: one assessment of the organisation by the district's assessment committee."""

    year: Annotated[int, Field(ge=1949, le=9999)] = Field(description="The year assessed.")
    fee_yuan: _Yuan = Field(description="The fee charged to the organisation (0: free, 免费).")
    published: bool | None = Field(
        default=None,
        description="Whether the result was published (评估结果对外公开); null: not recorded.",
    )


class SocialOrganization(Subject):
    """社会组织: a social organisation, as its records stand on ``as_of``.

    Examples:
        >>> import datetime as dt
        >>> org = SocialOrganization(
        ...     id="SO-1", name="某社区老年协会", as_of=dt.date(2012, 6, 1),
        ...     active_since=dt.date(2011, 9, 1), registration=None,
        ...     filing={"filed_on": dt.date(2011, 8, 15), "filed_with": "street_office"})
        >>> org.track_on(dt.date(2011, 9, 1))
        'filed'
    """

    subject_type: ClassVar[str] = "social_organization"
    subject_zh: ClassVar[str] = "社会组织"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {}

    id: Id = Field(description="Organisation id.")
    name: Text = Field(description="Name (名称).")
    as_of: Date = Field(description="The day the record is judged as of (截至日期).")
    active_since: Date | None = Field(
        description="First day the organisation carried out activities (开展活动); null: it "
        "has carried out none."
    )
    registration: CivilAffairsRegistration | None = Field(
        description="Its registration (登记); null: not registered."
    )
    filing: Filing | None = Field(description="Its filing (备案); null: not filed.")
    start_up_grants: tuple[StartUpGrant, ...] = Field(
        default=(), strict=False, description="Start-up grants received (开办扶持资金)."
    )
    assessments: tuple[OrganizationAssessment, ...] = Field(
        default=(), strict=False, description="Its assessments (综合评估), any order."
    )

    def facts(self) -> tuple[str | None, ...]:
        """No scope facts: every rule on social organisations applies to each one."""
        return ()

    @property
    def subject_id(self) -> str:
        """The organisation's id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """``as_of``: the default date of a check."""
        return self.as_of

    def track_on(self, day: dt.date) -> OrganizationTrack:
        """Its track on ``day``: ``registered`` once registered, else ``filed`` once filed,
        else ``none``."""
        if self.registration is not None and self.registration.registered_on <= day:
            return "registered"
        if self.filing is not None and self.filing.filed_on <= day:
            return "filed"
        return "none"

    @model_validator(mode="after")
    def _dated_by_as_of(self) -> SocialOrganization:
        events: list[tuple[str, dt.date]] = []
        if self.active_since is not None:
            events.append(("active_since", self.active_since))
        if self.registration is not None:
            events.append(("registration.registered_on", self.registration.registered_on))
        if self.filing is not None:
            events.append(("filing.filed_on", self.filing.filed_on))
        events += [
            (f"start_up_grants[{i}].granted_on", g.granted_on)
            for i, g in enumerate(self.start_up_grants)
        ]
        for field, day in events:
            if day > self.as_of:
                raise path_error(
                    "after_as_of",
                    "{field}: {value} is after as_of {as_of} (a record holds what happened by "
                    "as_of) (记录日期晚于截至日期)",
                    {"field": field, "value": day.isoformat(), "as_of": self.as_of.isoformat()},
                )
        years = [a.year for a in self.assessments]
        twice = sorted({y for y in years if years.count(y) > 1})
        if twice:
            raise path_error(
                "duplicate_year",
                "assessments: year {value} given twice (同一年度的评估重复)",
                {"value": ", ".join(str(y) for y in twice)},
            )
        return self
