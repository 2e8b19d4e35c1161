"""The named measures and facts a composed check may use, per subject type.

A measure is a count read from a validated subject (with, for a share, the measure it is a
share of); a fact is a categorical value. Both raise `MissingDataError` where the subject does
not record what they read, so a composed rule is ``indeterminate`` there, never silently
passed. Re-exported by `community_governance.checks.compose`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, get_args

import attrs

from ..exceptions import MissingDataError
from ..labels import label
from ..models import BodyComposition, Election, Meeting, Proposal, Recall, WorkItem
from ..models.community import BodyKind, CommunityKind
from ..models.election import ElectionMethod, ElectionRound, SponsorKind
from ..models.meeting import AttendanceBase, MeetingBody
from ..models.proposal import ProposalCategory, Proposer
from ..models.work_item import CommitteeKind, CommitteeRole, RequesterLevel, WorkDomain
from ..rules.threshold import Term
from . import measures as t
from .meeting_measures import REQUESTING

__all__ = ["FACTS", "MEASURES", "NamedFact", "NamedMeasure"]


@attrs.frozen(slots=True)
class NamedMeasure:
    """A count a composed rule may compare.

    Args:
        name: the name rules use (``sponsoring_households``).
        term: how messages name what is counted.
        read: ``subject -> int``; raises `MissingDataError` where the subject does not
            record it.
        source: the subject's field it counts (for documentation and missing-data messages).
        base: the measure a share of this one is taken of, or ``None`` (compared as a count
            only).
    """

    name: str
    term: Term
    read: Callable[[Any], int] = attrs.field(eq=False, repr=False)
    source: str
    base: str | None = None


@attrs.frozen(slots=True)
class NamedFact:
    """A categorical value a composed rule may test (``when``) or look up (``member_of``).

    Args:
        name: the name rules use (``category``).
        zh: the Chinese name, for messages.
        en: the English name, for messages.
        read: ``subject -> str``, or ``None`` where the subject does not record it.
        source: the subject's field it reads.
        values: the values it can take (empty: any string, such as an id).
        optional: ``None`` is an answer (the item names no list entry), not a gap: such a
            value is on no table and meets no ``when``.
        labels: the group of `community_governance.labels.LABELS` that names its values in
            messages (``""``: the values are shown as they are, such as ids and names).
    """

    name: str
    zh: str
    en: str
    read: Callable[[Any], str | None] = attrs.field(eq=False, repr=False)
    source: str
    values: tuple[str, ...] = ()
    optional: bool = False
    labels: str = ""

    def shown_zh(self, value: str) -> str:
        """``value`` as a Chinese message names it (its label, where the values have one)."""
        return label(self.labels, value) if self.labels else value


def _index(*items: Any) -> Mapping[str, Any]:
    return MappingProxyType({item.name: item for item in items})


def _women(s: BodyComposition) -> int:
    members = s.members()
    unknown = [p.id for p in members if p.gender is None]
    if unknown:
        raise MissingDataError(
            "community.persons[].gender",
            f"gender not recorded for {', '.join(unknown)}",
            f"以下成员未登记性别：{'、'.join(unknown)}",
        )
    return sum(1 for p in members if p.gender == "female")


def _requesters(m: Meeting) -> int:
    if m.requested_by is None:
        raise MissingDataError(
            "requested_by", "no request to convene is recorded", "未登记提议召集的情况"
        )
    return m.requested_by.count


def _request_pool(m: Meeting) -> int:
    if m.requested_by is None:
        raise MissingDataError(
            "requested_by", "no request to convene is recorded", "未登记提议召集的情况"
        )
    return m.requested_by.of


def _notice_days(m: Meeting) -> int:
    if m.announced_on is None:
        raise MissingDataError(
            "announced_on", "the day of notice is not recorded", "未登记通知日期"
        )
    return (m.held_on - m.announced_on).days


def _area(field: str) -> Callable[[Meeting], int]:
    def read(m: Meeting) -> int:
        value: int | None = getattr(m, field)
        if value is None:
            raise MissingDataError(field, f"{field} is not recorded", f"未登记{field}")
        return value

    return read


def _member_households(m: Meeting) -> int:
    if m.member_households is None:
        raise MissingDataError(
            "member_households", "the member households are not recorded", "未登记成员户数"
        )
    return m.member_households


def _voted(subject: Election | Recall) -> int:
    if subject.voted_ids is None:
        raise MissingDataError("voted_ids", "no vote is recorded yet", "尚未登记投票情况")
    return len(subject.voted_ids)


def _votes_for(r: Recall) -> int:
    if r.votes_for is None:
        raise MissingDataError("votes_for", "no vote is recorded yet", "尚未登记表决结果")
    return r.votes_for


def _deadline_days(w: WorkItem) -> int:
    if w.deadline is None:
        raise MissingDataError("deadline", "no deadline is given", "交办时未规定完成时限")
    return (w.deadline - w.requested_on).days


#: Named measures by subject type, then by name.
MEASURES: Mapping[str, Mapping[str, NamedMeasure]] = MappingProxyType(
    {
        Proposal.subject_type: _index(
            NamedMeasure(
                "sponsoring_households",
                t.SPONSORING_HOUSEHOLDS,
                lambda p: len(p.sponsor_household_ids),
                "sponsor_household_ids",
                "households",
            ),
            NamedMeasure(
                "sponsoring_representatives",
                t.SPONSORING_REPRESENTATIVES,
                lambda p: len(p.sponsor_representative_ids),
                "sponsor_representative_ids",
                "representatives",
            ),
            NamedMeasure(
                "representatives",
                t.REPRESENTATIVES,
                lambda p: len(p.community.representatives(p.submitted_on)),
                "community.memberships",
            ),
            NamedMeasure(
                "households",
                t.HOUSEHOLDS,
                lambda p: len(p.community.households),
                "community.households",
            ),
        ),
        BodyComposition.subject_type: _index(
            NamedMeasure("members", t.MEMBERS, lambda s: len(s.members()), "community.memberships"),
            NamedMeasure("women", t.WOMEN, _women, "community.persons[].gender", "members"),
            NamedMeasure(
                "chairs", t.CHAIRS, lambda s: len(s.holders("chair")), "community.memberships"
            ),
            NamedMeasure(
                "vice_chairs",
                t.VICE_CHAIRS,
                lambda s: len(s.holders("vice_chair")),
                "community.memberships",
            ),
            NamedMeasure(
                "ordinary_members",
                t.ORDINARY_MEMBERS,
                lambda s: len(s.holders("member")),
                "community.memberships",
                "members",
            ),
        ),
        Meeting.subject_type: _index(
            NamedMeasure("entitled", t.ENTITLED, lambda m: m.entitled, "entitled"),
            NamedMeasure("attendees", t.ATTENDEES, lambda m: m.attendees, "attendees", "entitled"),
            NamedMeasure("motions", t.MOTIONS, lambda m: len(m.motions), "motions"),
            NamedMeasure(
                "requesters", REQUESTING, _requesters, "requested_by.count", "request_pool"
            ),
            NamedMeasure("request_pool", t.REQUEST_POOL, _request_pool, "requested_by.of"),
            NamedMeasure("notice_days", t.NOTICE_DAYS, _notice_days, "announced_on"),
            NamedMeasure("entitled_area", t.ENTITLED_AREA, _area("entitled_area"), "entitled_area"),
            NamedMeasure(
                "attendee_area",
                t.ATTENDEE_AREA,
                _area("attendee_area"),
                "attendee_area",
                "entitled_area",
            ),
            NamedMeasure(
                "member_households", t.MEMBER_HOUSEHOLDS, _member_households, "member_households"
            ),
        ),
        Election.subject_type: _index(
            NamedMeasure("seats", t.SEATS, lambda e: e.seats, "seats"),
            NamedMeasure("voters", t.VOTERS, lambda e: len(e.electorate_ids), "electorate_ids"),
            NamedMeasure("participants", t.PARTICIPANTS, _voted, "voted_ids", "voters"),
            NamedMeasure("candidates", t.CANDIDATES, lambda e: len(e.candidates), "candidates"),
            NamedMeasure("proxies", t.PROXIES, lambda e: len(e.proxies), "proxies", "voters"),
            NamedMeasure("objections", t.OBJECTIONS, lambda e: len(e.objections), "objections"),
            NamedMeasure(
                "admitted", t.ADMITTED, lambda e: len(e.admitted_ids), "admitted_ids", "voters"
            ),
        ),
        Recall.subject_type: _index(
            NamedMeasure("voters", t.VOTERS, lambda r: len(r.electorate_ids), "electorate_ids"),
            NamedMeasure(
                "sponsors", t.SPONSORS, lambda r: len(r.sponsor_ids), "sponsor_ids", "voters"
            ),
            NamedMeasure("participants", t.PARTICIPANTS, _voted, "voted_ids", "voters"),
            NamedMeasure("votes_for", t.RECALL_VOTES_FOR, _votes_for, "votes_for", "voters"),
        ),
        WorkItem.subject_type: _index(
            NamedMeasure(
                "funding_yuan",
                t.FUNDING_YUAN,
                lambda w: 0 if w.funding is None else w.funding.amount_yuan,
                "funding.amount_yuan",
            ),
            NamedMeasure(
                "authority_needed",
                t.AUTHORITY_NEEDED,
                lambda w: len(w.authority_needed),
                "authority_needed",
            ),
            NamedMeasure(
                "authority_transferred",
                t.AUTHORITY_TRANSFERRED,
                lambda w: len(w.authority_transferred),
                "authority_transferred",
            ),
            NamedMeasure(
                "authority_missing",
                t.AUTHORITY_MISSING,
                lambda w: len(set(w.authority_needed) - set(w.authority_transferred)),
                "authority_needed",
                "authority_needed",
            ),
            NamedMeasure("resources", t.RESOURCES, lambda w: len(w.resources), "resources"),
            NamedMeasure("deadline_days", t.DEADLINE_DAYS, _deadline_days, "deadline"),
        ),
    }
)


def _body_kind(subject: Any) -> str | None:
    kind: str | None = subject.community.body_kind(subject.body_id)
    return kind


_COMMUNITY_KINDS = get_args(CommunityKind)
_BODY_KINDS = get_args(BodyKind)


def _community_kind(source: str = "community.kind") -> NamedFact:
    return NamedFact(
        "community_kind",
        "社区类型",
        "community kind",
        lambda s: s.community.kind,
        source,
        _COMMUNITY_KINDS,
        labels="community_kind",
    )


def _body_kind_fact() -> NamedFact:
    return NamedFact(
        "body_kind", "组织类型", "body kind", _body_kind, "body_id", _BODY_KINDS, labels="body_kind"
    )


#: Named facts by subject type, then by name.
FACTS: Mapping[str, Mapping[str, NamedFact]] = MappingProxyType(
    {
        Proposal.subject_type: _index(
            NamedFact(
                "category",
                "议案类别",
                "category",
                lambda p: p.category,
                "category",
                get_args(ProposalCategory),
                labels="proposal_category",
            ),
            NamedFact(
                "proposer",
                "提案主体",
                "proposer",
                lambda p: p.proposer,
                "proposer",
                get_args(Proposer),
                labels="proposer",
            ),
            _community_kind(),
        ),
        BodyComposition.subject_type: _index(_body_kind_fact(), _community_kind()),
        Meeting.subject_type: _index(
            NamedFact(
                "assembly",
                "会议",
                "assembly",
                lambda m: m.body,
                "body",
                get_args(MeetingBody),
                labels="meeting_body",
            ),
            NamedFact(
                "community_kind",
                "社区类型",
                "community kind",
                lambda m: m.community_kind,
                "community_kind",
                _COMMUNITY_KINDS,
                labels="community_kind",
            ),
            NamedFact(
                "constituted_by",
                "到会人数的计算基础",
                "attendance base",
                lambda m: m.constituted_by,
                "constituted_by",
                get_args(AttendanceBase),
                labels="attendance_base",
            ),
        ),
        Election.subject_type: _index(
            NamedFact(
                "method",
                "选举方式",
                "method",
                lambda e: e.method,
                "method",
                get_args(ElectionMethod),
                labels="election_method",
            ),
            NamedFact(
                "round",
                "轮次",
                "round",
                lambda e: e.round,
                "round",
                get_args(ElectionRound),
                labels="election_round",
            ),
            _body_kind_fact(),
            _community_kind(),
        ),
        Recall.subject_type: _index(
            NamedFact(
                "method",
                "表决方式",
                "method",
                lambda r: r.method,
                "method",
                get_args(ElectionMethod),
                labels="election_method",
            ),
            NamedFact(
                "sponsors",
                "联名主体",
                "sponsors",
                lambda r: r.sponsors,
                "sponsors",
                get_args(SponsorKind),
                labels="sponsor_kind",
            ),
            _body_kind_fact(),
            _community_kind(),
        ),
        WorkItem.subject_type: _index(
            NamedFact(
                "committee",
                "承接的委员会",
                "committee",
                lambda w: w.committee,
                "committee",
                get_args(CommitteeKind),
                labels="committee_kind",
            ),
            NamedFact(
                "domain",
                "事项类别",
                "domain",
                lambda w: w.domain,
                "domain",
                get_args(WorkDomain),
                labels="work_domain",
            ),
            NamedFact(
                "committee_role",
                "委员会的角色",
                "committee's role",
                lambda w: w.committee_role,
                "committee_role",
                get_args(CommitteeRole),
                labels="committee_role",
            ),
            NamedFact(
                "requester_level",
                "交办单位层级",
                "requesting body's level",
                lambda w: w.requested_by.level,
                "requested_by.level",
                get_args(RequesterLevel),
                labels="requester_level",
            ),
            NamedFact(
                "list_entry",
                "清单事项编号",
                "list entry",
                lambda w: w.list_entry,
                "list_entry",
                optional=True,
            ),
            NamedFact(
                "certificate",
                "证明名称",
                "certificate",
                lambda w: None if w.certificate is None else w.certificate.name,
                "certificate.name",
            ),
        ),
    }
)
