"""Pass rules of meeting types as data: the base and threshold of the quorum and of the
majority, the request that obliges the convener, the notice period and the meeting interval.

The numbers are dated parameters with citations; a `PassRule` names them and says which legal
quantifier (以上 / 过半数) applies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction
from typing import Literal

import attrs

from ..models.community import CommunityKind
from ..models.meeting import AttendanceBase, Matter, Meeting, MeetingBody, RequestBase
from ..rules.citation import Citation
from ..rules.parameter import Parameter, ParameterKind, ParameterVersion
from ..rules.threshold import Quantifier

__all__ = ["Dated", "MajorityBase", "PassRule", "Share", "dated_parameter"]

#: 到会人员 (present), 参与表决 (participating in the vote), 全体成员 (all members).
MajorityBase = Literal["present", "participating", "all"]


@attrs.frozen(slots=True)
class Share:
    """One share a pass rule requires: ``quantifier`` the ``parameter`` share of heads or area."""

    quantifier: Quantifier
    parameter: str
    measure: Literal["heads", "area"] = "heads"


@attrs.frozen(slots=True, hash=False)
class PassRule:
    """The pass rule of one meeting type, as data.

    Args:
        body: the assembly.
        title_zh: Chinese name of the meeting type (``居民会议``).
        title_en: English name.
        valid_from: first day this rule is in force.
        valid_to: first day it is no longer in force (exclusive), or None.
        community_kinds: the community kinds it applies to (None: any).
        request: the share of each base whose request obliges the convener to convene.
        notice_days: parameter naming the days of notice, or None (no statutory notice).
        interval_months: parameter naming the longest gap between meetings, or None.
        urgent_notice: whether special circumstances allow notice at short notice (临时通知).
        quorum: for each admissible attendance base, the shares of it that must attend (all of).
        majority_base: what the majority is taken of.
        majority: the shares of votes for that adopt an ordinary motion (all of).
        special_matters: matters needing ``special_majority`` instead.
        special_majority: the shares for those matters (all of).
    """

    body: MeetingBody
    title_zh: str
    title_en: str
    valid_from: dt.date
    valid_to: dt.date | None
    quorum: Mapping[AttendanceBase, tuple[Share, ...]]
    majority_base: MajorityBase
    majority: tuple[Share, ...]
    community_kinds: tuple[CommunityKind, ...] | None = None
    request: Mapping[RequestBase, Share] = attrs.field(factory=dict)
    notice_days: str | None = None
    interval_months: str | None = None
    urgent_notice: bool = False
    special_matters: frozenset[Matter] = frozenset()
    special_majority: tuple[Share, ...] = ()

    def applies(self, m: Meeting, at: dt.date) -> bool:
        """Whether this rule governs meeting ``m`` on ``at``."""
        return self.covers(m.body, m.community_kind, at)

    def covers(self, body: str, community_kind: str | None, at: dt.date) -> bool:
        """Whether this rule governs a meeting of ``body`` in a ``community_kind`` community
        on ``at``."""
        if body != self.body:
            return False
        if self.community_kinds is not None and community_kind not in self.community_kinds:
            return False
        return self.valid_from <= at and (self.valid_to is None or at < self.valid_to)

    def parameters(self) -> tuple[str, ...]:
        """Every parameter this rule reads."""
        names = [s.parameter for s in self.request.values()]
        names += [s.parameter for shares in self.quorum.values() for s in shares]
        names += [s.parameter for s in (*self.majority, *self.special_majority)]
        if self.notice_days:
            names.append(self.notice_days)
        return tuple(dict.fromkeys(names))


#: One dated value of a parameter: (value, valid_from, valid_to exclusive, citation).
Dated = tuple[int | Fraction, dt.date, dt.date | None, Citation]


def dated_parameter(name: str, zh: str, en: str, *versions: Dated, unit_zh: str = "") -> Parameter:
    """A share (Fraction values) or count (int values) parameter from dated values."""
    kind: ParameterKind = "share" if isinstance(versions[0][0], Fraction) else "count"
    return Parameter(
        name,
        zh,
        en,
        kind,
        tuple(ParameterVersion(v, start, end, c) for v, start, end, c in versions),
        unit_zh=unit_zh,
    )
