"""Checks of how a body is led, chosen and held to account: who chairs it, which meeting chose
its members and from among whom, and to whom it reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..exceptions import MissingDataError
from ..models.body import BodyComposition
from ..models.community import Person
from ..models.report import WorkReport
from ..models.selection import BodySelection
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads
from .bodies import body_zh

__all__ = [
    "chaired_by",
    "chosen_by",
    "from_residents",
    "is_resident",
    "reports_to",
    "standing_mandates",
]

_CHOOSER_ZH = {
    "residents_assembly": "居民会议",
    "representatives_assembly": "居民代表会议",
    "villagers_assembly": "村民会议",
    "villager_group": "村民小组会议",
    "residents_committee": "居民委员会",
    "village_committee": "村民委员会",
    "party_organization": "党组织",
    "street_office": "街道办事处",
    "township": "乡镇人民政府",
    "other": "其他主体",
}


def _names(kinds: Iterable[str]) -> str:
    return "或".join(_CHOOSER_ZH.get(k, k) for k in kinds)


def chaired_by(kind: str) -> DeclaredCheck:
    """Make a check: the body's chair (主任, role ``chair``) on the day is the chair of the
    community's body of ``kind`` (社区党组织书记担任…主任)."""

    @reads()
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        chairs = [p.id for p in s.holders("chair")]
        if not chairs:
            raise MissingDataError(
                f"community.memberships[body_id={s.body_id}]",
                f"no chair of {s.body_id} is recorded on {s.as_of.isoformat()}",
                f"未登记{s.body_id}在{s.as_of.isoformat()}的主任",
            )
        leaders = {p.id for p in s.members_of_kind(kind, frozenset({"chair"}))}
        if not leaders:
            raise MissingDataError(
                "community.memberships",
                f"no chair of a {kind} is recorded on {s.as_of.isoformat()}",
                f"未登记{body_zh(kind)}负责人（书记）",
            )
        bad = [c for c in chairs if c not in leaders]
        if bad:
            return Check.failed(
                f"主任{'、'.join(bad)}不是{body_zh(kind)}书记（{'、'.join(sorted(leaders))}）",
                f"chair {', '.join(bad)} is not the {kind} chair ({', '.join(sorted(leaders))})",
                chairs=chairs,
                expected=sorted(leaders),
            )
        return Check.passed(
            f"主任由{body_zh(kind)}书记{'、'.join(chairs)}担任",
            f"the chair is the {kind} chair ({', '.join(chairs)})",
            chairs=chairs,
        )

    return check


def chosen_by(allowed: tuple[str, ...]) -> DeclaredCheck:
    """Make a check: the members were chosen by one of the ``allowed`` meetings (通过居民会议或
    居民代表会议…推选产生)."""

    @reads()
    def check(s: BodySelection, ctx: RuleContext) -> Check:
        if s.chosen_by in allowed:
            return Check.passed(
                f"成员由{_CHOOSER_ZH[s.chosen_by]}推选产生",
                f"the members were chosen by the {s.chosen_by.replace('_', ' ')}",
                chosen_by=s.chosen_by,
            )
        return Check.failed(
            f"成员应当由{_names(allowed)}推选产生，但由{_CHOOSER_ZH[s.chosen_by]}产生",
            f"the members are chosen by the {' or the '.join(a.replace('_', ' ') for a in allowed)}"
            f", but were chosen by the {s.chosen_by.replace('_', ' ')}",
            chosen_by=s.chosen_by,
            allowed=list(allowed),
        )

    return check


def is_resident(p: Person) -> bool | None:
    """Whether ``p`` is a resident (居民) of the community: registered here (户籍) or living here
    (常住); ``None`` when the records do not tell."""
    if p.registration == "registered" or p.habitual_resident is True:
        return True
    if p.registration == "non_registered" and p.habitual_resident is False:
        return False
    return None


def _worker(p: Person, day: dt.date) -> bool:
    return p.community_worker_since is not None and p.community_worker_since <= day


def from_residents(workers_from: dt.date | None = None) -> DeclaredCheck:
    """Make a check: every member sitting on the day is a resident of the community (在居民中
    推选产生); from ``workers_from`` a community worker (社区工作者) also qualifies. A member the
    records do not place makes the finding indeterminate, unless another member fails."""

    @reads()
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        workers = workers_from is not None and ctx.at >= workers_from
        bad: list[str] = []
        unknown: list[str] = []
        for p in s.members():
            if workers and _worker(p, s.as_of):
                continue
            resident = is_resident(p)
            if resident is False:
                bad.append(p.id)
            elif resident is None:
                unknown.append(p.id)
        who_zh = "居民或者社区工作者" if workers else "居民"
        who_en = "residents or community workers" if workers else "residents"
        if bad:
            return Check.failed(
                f"成员应当在{who_zh}中推选产生，以下成员既非本社区户籍也不在本社区居住"
                f"{'或工作' if workers else ''}：{'、'.join(bad)}",
                f"members are chosen from among {who_en}; not one: {', '.join(bad)}",
                not_residents=bad,
            )
        if unknown:
            raise MissingDataError(
                "community.persons[].registration",
                f"whether these members live or are registered in the community is not "
                f"recorded: {', '.join(unknown)}",
                f"未登记以下成员的户籍或居住情况：{'、'.join(unknown)}",
            )
        return Check.passed(
            f"成员均为{who_zh}", f"every member is one of the {who_en}", not_residents=[]
        )

    return check


def reports_to(allowed: tuple[str, ...]) -> DeclaredCheck:
    """Make a check: the report was made to one of the ``allowed`` meetings (向居民会议和居民
    代表会议负责并报告工作)."""

    @reads()
    def check(r: WorkReport, ctx: RuleContext) -> Check:
        if r.reported_to in allowed:
            return Check.passed(
                f"向{_CHOOSER_ZH[r.reported_to]}报告工作",
                f"reported to the {r.reported_to.replace('_', ' ')}",
                reported_to=r.reported_to,
            )
        return Check.failed(
            f"应当向{_names(allowed)}报告工作，但向{_CHOOSER_ZH[r.reported_to]}报告",
            f"reports go to the {' or the '.join(a.replace('_', ' ') for a in allowed)}, but "
            f"this one went to the {r.reported_to.replace('_', ' ')}",
            reported_to=r.reported_to,
            allowed=list(allowed),
        )

    return check


def standing_mandates(s: BodyComposition, ctx: RuleContext) -> Check:
    """Every representative serving on the day holds a standing mandate (居民代表常任制): one
    that runs with the assembly's term, not one that ends before it (a representative chosen
    for a meeting or a matter). A mandate recorded to end earlier fails; whether it does is
    unknown while the assembly's term end (``Body.term_end``) is not recorded."""
    mandates = [
        m
        for m in s.community.memberships
        if m.body_id == s.body_id and m.role == "representative" and m.active_on(s.as_of)
    ]
    if not mandates:
        return Check.not_applicable("当日没有在任的居民代表", "no representative serves on the day")
    end = s.body.term_end
    short = [
        m.person_id
        for m in mandates
        if m.term_end is not None and end is not None and m.term_end < end
    ]
    if short:
        return Check.failed(
            f"以下居民代表的任期早于代表会议本届任期（{end}）结束，不是常任代表：{'、'.join(short)}",
            f"these representatives' mandates end before the assembly's term ends on {end}: "
            f"not standing representatives: {', '.join(short)}",
            short=short,
            term_end=str(end),
        )
    if end is None and any(m.term_end is not None for m in mandates):
        raise MissingDataError(
            f"community.bodies[id={s.body_id}].term_end",
            "the assembly's term end is not recorded, so the representatives' mandates cannot "
            "be compared with it",
            "未登记居民代表会议本届任期届满日期，无法比较代表任期",
        )
    return Check.passed(
        f"在任居民代表{len(mandates)}名均任满代表会议本届任期（常任制）",
        f"all {len(mandates)} serving representatives hold standing mandates for the "
        "assembly's term",
        short=[],
    )
