"""Pass rules of meeting types as data: the base and threshold of the quorum and of the
majority, the request that obliges the convener, the notice period, the meeting interval and
the majorities other laws set for some matters (`OtherLaw`).

A rulebook holds them in the table ``meeting.pass-rules`` (`PASS_RULES`): one entry per
meeting type and text of the law, keyed stably (``residents-assembly.2025``), dated by the
entry's validity and citing the article that fixes the pass rule. A local rulebook replaces an
entry by key or adds one, like a parameter. A `PassRule` names the dated parameters that hold
the numbers (typed handles) and says which legal quantifier (以上 / 过半数) applies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Literal

import attrs

from ..exceptions import RulebookError
from ..models.community import CommunityKind
from ..models.meeting import AttendanceBase, Matter, MeetingBody, RequestBase
from ..rules.citation import Citation
from ..rules.parameter import Parameter
from ..rules.table import TableEntry
from ..rules.threshold import Quantifier
from ..rules.validity import Validity

__all__ = [
    "PASS_RULES",
    "MajorityBase",
    "OtherLaw",
    "PassRule",
    "Share",
    "covering",
]

#: The name of the table of pass rules a rulebook defines and the meeting checks read.
PASS_RULES = "meeting.pass-rules"

#: 到会人员 (present), 参与表决 (participating in the vote), 全体成员 (all members).
MajorityBase = Literal["present", "participating", "all"]


@attrs.frozen(slots=True)
class Share:
    """One share a pass rule requires: ``quantifier`` the ``parameter`` share of heads or area."""

    quantifier: Quantifier
    parameter: Parameter
    measure: Literal["heads", "area"] = "heads"


@attrs.frozen(slots=True)
class OtherLaw:
    """法律另有规定: the majority another law sets for some matters an assembly decides, which
    replaces the assembly's own («法律对召开村民会议及作出决定另有规定的，依照其规定»).

    The shares are taken of **all** the assembly's members (``entitled``), but only where the
    meeting counts the persons the other law counts (``measured_by``): a villagers' assembly
    constituted by household representatives does not record how many members it has, and a
    motion of such a meeting on such a matter cannot be judged (``indeterminate``).

    Args:
        key: a stable name, reported in the evidence (``land-contracting``).
        title_zh: what the other law requires, in Chinese.
        title_en: the same in English.
        matters: the matters it governs.
        majority: the shares of all members whose votes for adopt the motion (all of).
        validity: the days it applies.
        citation: the article that sets it (its quote, or a note saying where it was read).
        measured_by: the attendance bases whose ``entitled`` count is the other law's base;
            empty where the meeting record never holds it (village representatives).
        base_zh: the other law's base, named in the message when the record lacks it.
        base_en: the same in English.
        condition_zh: a fact the record does not hold on which the other law's application
            depends (the village committee acting for the collective), or ``""`` where it
            applies outright. A conditional rule decides a motion only where it and the
            assembly's own majority give the same result; otherwise the motion is
            ``indeterminate``, naming the fact.
        condition_en: the same in English.
    """

    key: str
    title_zh: str
    title_en: str
    matters: frozenset[Matter]
    majority: tuple[Share, ...]
    validity: Validity
    citation: Citation
    measured_by: tuple[AttendanceBase, ...] = ("adults",)
    base_zh: str = "全体组成人员"
    base_en: str = "all its members"
    condition_zh: str = ""
    condition_en: str = ""

    def governs(self, matter: str, at: dt.date) -> bool:
        """Whether it sets the majority of a ``matter`` motion voted on ``at``."""
        return matter in self.matters and self.validity.covers(at)


@attrs.frozen(slots=True, hash=False)
class PassRule:
    """The pass rule of one meeting type under one text of the law, as data (the value of a
    ``meeting.pass-rules`` table entry, whose validity says when it is in force).

    Args:
        body: the assembly.
        title_zh: Chinese name of the meeting type (``居民会议``).
        title_en: English name.
        quorum: for each admissible attendance base, the shares of it that must attend (all of).
        majority_base: what the majority is taken of.
        majority: the shares of votes for that adopt an ordinary motion (all of).
        community_kinds: the community kinds it applies to (None: any).
        request: the share of each base whose request obliges the convener to convene.
        notice_days: the parameter holding the days of notice, or None (no statutory notice).
        interval_months: the parameter holding the longest gap between meetings, or None.
        urgent_notice: whether special circumstances allow notice at short notice (临时通知).
        special_matters: matters needing ``special_majority`` instead.
        special_majority: the shares for those matters (all of).
        other_laws: majorities other laws set for some matters, in their own dates; where one
            governs a motion it replaces ``majority`` and ``special_majority``.
    """

    body: MeetingBody
    title_zh: str
    title_en: str
    quorum: Mapping[AttendanceBase, tuple[Share, ...]]
    majority_base: MajorityBase
    majority: tuple[Share, ...]
    community_kinds: tuple[CommunityKind, ...] | None = None
    request: Mapping[RequestBase, Share] = attrs.field(factory=dict)
    notice_days: Parameter | None = None
    interval_months: Parameter | None = None
    urgent_notice: bool = False
    special_matters: frozenset[Matter] = frozenset()
    special_majority: tuple[Share, ...] = ()
    other_laws: tuple[OtherLaw, ...] = ()

    def matches(self, body: str, community_kind: str | None) -> bool:
        """Whether this rule governs a meeting of ``body`` in a ``community_kind`` community."""
        if body != self.body:
            return False
        return self.community_kinds is None or community_kind in self.community_kinds

    def other_law(self, matter: str, at: dt.date) -> OtherLaw | None:
        """The other law that sets the majority of a ``matter`` motion voted on ``at``, if any
        (the first listed governs where two would)."""
        return next((law for law in self.other_laws if law.governs(matter, at)), None)

    def parameters(self) -> tuple[Parameter, ...]:
        """Every parameter this rule names (its numbers), each once."""
        shares = [*self.request.values(), *(s for v in self.quorum.values() for s in v)]
        shares += [*self.majority, *self.special_majority]
        shares += [s for law in self.other_laws for s in law.majority]
        handles = [s.parameter for s in shares]
        handles += [p for p in (self.notice_days, self.interval_months) if p is not None]
        return tuple({p.name: p for p in handles}.values())


def covering(
    entries: Iterable[TableEntry], body: str, community_kind: str | None
) -> TableEntry | None:
    """The one entry among ``entries`` (those in force on a day) whose pass rule governs a
    meeting of ``body`` in a ``community_kind`` community, or ``None``.

    Raises:
        RulebookError: two entries govern the same meeting (a local rulebook added an entry
            where it should have replaced the parent's by key).
    """
    found = [e for e in entries if _rule(e).matches(body, community_kind)]
    if len(found) > 1:
        keys = ", ".join(e.key for e in found)
        raise RulebookError(
            f"table {PASS_RULES}",
            "entries",
            f"entries {keys} all govern a {body} meeting ({community_kind or 'any community'}) "
            "on the same day; replace the parent's entry by key instead of adding another",
        )
    return found[0] if found else None


def _rule(entry: TableEntry) -> PassRule:
    if not isinstance(entry.value, PassRule):
        raise RulebookError(
            f"table {PASS_RULES}",
            f"entries.{entry.key}",
            f"must hold a PassRule (got {type(entry.value).__name__})",
        )
    return entry.value
