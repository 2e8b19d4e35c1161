"""Pass rules of meeting types as data: the base and threshold of the quorum and of the
majority, the request that obliges the convener, the notice period and the meeting interval.

A rulebook holds them in the table ``meeting.pass-rules`` (`PASS_RULES`): one entry per
meeting type and text of the law, keyed stably (``residents-assembly.2025``), dated by the
entry's validity and citing the article that fixes the pass rule. A local rulebook replaces an
entry by key or adds one, like a parameter. A `PassRule` names the dated parameters that hold
the numbers (typed handles) and says which legal quantifier (以上 / 过半数) applies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

import attrs

from ..exceptions import RulebookError
from ..models.community import CommunityKind
from ..models.meeting import AttendanceBase, Matter, MeetingBody, RequestBase
from ..rules.parameter import Parameter
from ..rules.table import TableEntry
from ..rules.threshold import Quantifier

__all__ = [
    "PASS_RULES",
    "MajorityBase",
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

    def matches(self, body: str, community_kind: str | None) -> bool:
        """Whether this rule governs a meeting of ``body`` in a ``community_kind`` community."""
        if body != self.body:
            return False
        return self.community_kinds is None or community_kind in self.community_kinds

    def parameters(self) -> tuple[Parameter, ...]:
        """Every parameter this rule names (its numbers), each once."""
        shares = [*self.request.values(), *(s for v in self.quorum.values() for s in v)]
        shares += [*self.majority, *self.special_majority]
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
