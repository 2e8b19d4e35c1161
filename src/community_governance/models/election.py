"""Elections (选举) of a residents' or village committee and recalls (罢免) of its members."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar, Literal, get_args

from pydantic import Field, ValidationError, model_validator

from ._base import Date, Id, IdTuple, StrictModel, Subject, Text, duplicates, path_error, repeated
from .community import BodyKind, Community, CommunityKind

__all__ = [
    "AuditRequest",
    "Ballot",
    "Candidate",
    "CandidateBar",
    "Election",
    "ElectionMethod",
    "ElectionRound",
    "Nominator",
    "Objection",
    "OtherRegistration",
    "OutgoingAudit",
    "Proxy",
    "Recall",
    "SponsorKind",
]

#: 全体有选举权的居民 (all voters), 每户派代表 (one representative per household) or 居民代表
#: (the residents' representatives). Village committees are always elected by all voters.
ElectionMethod = Literal["voters", "household_representatives", "representatives"]
#: 社区党组织 / 村党组织, or voters jointly (选民联合提名 / 登记参加选举的村民提名).
Nominator = Literal["party_organization", "voters"]
#: The first ballot, or a run-off (另行选举) for seats the first ballot left unfilled.
ElectionRound = Literal["first", "runoff"]
#: Who sponsors a recall (联名): voters or household representatives, or representatives.
SponsorKind = Literal["voters", "representatives"]
#: What bars a person from standing (不得作为候选人; urban 2025 Art. 18, village 2025 Art.
#: 18(1)): 被开除中国共产党党籍 (``expelled_from_party``), 因犯罪受过刑事处罚
#: (``criminal_penalty``), 利用黑恶势力从事非法活动 (``organised_crime``), 利用宗族势力从事非法
#: 活动 (``clan_force``, named by the village law only), 组织或者参加非法宗教活动或者邪教活动
#: (``illegal_religion_or_cult``).
CandidateBar = Literal[
    "expelled_from_party",
    "criminal_penalty",
    "organised_crime",
    "clan_force",
    "illegal_religion_or_cult",
]


def _unknown(field: str, value: str, what: str) -> ValidationError:
    return path_error(
        "unknown_reference",
        "{field}: '{value}' is not {what}",
        {"field": field, "value": value, "what": what},
    )


def _no_duplicates(field: str, values: tuple[str, ...]) -> None:
    if duplicates(values):
        raise repeated(field, values, key=None)


def _born_by(community: Community, roles: list[tuple[str, str]], day: dt.date, what: str) -> None:
    """Refuse a person acting in a role (``(field, person id)``) who was born after ``day``:
    nobody votes, stands, nominates or sponsors before being born."""
    born = {p.id: p.birth_date for p in community.persons}
    for field, pid in roles:
        birth = born.get(pid)
        if birth is not None and birth > day:
            raise path_error(
                "born_after",
                "{field}: '{value}' was born on {birth}, after {what} {day} (出生日期晚于{zh})",
                {
                    "field": field,
                    "value": pid,
                    "birth": birth.isoformat(),
                    "what": what,
                    "day": day.isoformat(),
                    "zh": "选举日" if what == "the election day" else "提出罢免之日",
                },
            )


def _one_per_household(community: Community, field: str, ids: tuple[str, ...]) -> None:
    """Household representatives (户的代表): each belongs to a household, one per household."""
    household = {p.id: p.household_id for p in community.persons}
    seen: dict[str, str] = {}
    for i, pid in enumerate(ids):
        h = household.get(pid)
        if h is None:
            raise path_error(
                "no_household",
                "{field}[{i}]: '{value}' represents no household (household_id is not "
                "recorded), yet the method is household_representatives (每户派代表)",
                {"field": field, "i": i, "value": pid},
            )
        if h in seen:
            raise path_error(
                "two_per_household",
                "{field}[{i}]: '{value}' and '{other}' both represent household '{household}' "
                "(每户派一名代表)",
                {"field": field, "i": i, "value": pid, "other": seen[h], "household": h},
            )
        seen[h] = pid


def _proxies(proxies: tuple[Proxy, ...]) -> None:
    """委托: a voter gives their vote to another voter (本社区其他选民 / 本村…其他村民), and a
    voter who gave their vote away holds nobody else's (no chains)."""
    _no_duplicates("proxies", tuple(p.principal_id for p in proxies))
    principals = {p.principal_id: i for i, p in enumerate(proxies)}
    for i, p in enumerate(proxies):
        if p.proxy_id == p.principal_id:
            raise path_error(
                "self_proxy",
                "proxies[{i}].proxy_id: '{value}' would vote for themselves (委托其他选民代为"
                "投票: the proxy must be another voter)",
                {"i": i, "value": p.proxy_id},
            )
        if p.proxy_id in principals:
            raise path_error(
                "proxy_chain",
                "proxies[{i}].proxy_id: '{value}' gave their own vote away (proxies[{j}]) and "
                "cannot vote for another (受托人已委托他人投票)",
                {"i": i, "value": p.proxy_id, "j": principals[p.proxy_id]},
            )


class Candidate(StrictModel):
    """候选人: a person standing, who nominated them, and (once counted) their votes."""

    person_id: Id = Field(description="The candidate (a Person id of the community).")
    nominated_by: Nominator = Field(
        description="提名推荐: party_organization (社区党组织 / 村党组织) or voters (选民联合提名)."
    )
    nominator_ids: IdTuple = Field(
        default=(), description="The voters who jointly nominated the candidate (联合提名的选民)."
    )
    votes: int | None = Field(
        default=None, ge=0, description="Votes received (得票数) once counted; None before."
    )
    disqualifications: tuple[CandidateBar, ...] | None = Field(
        default=None,
        strict=False,
        description="What the vetting of the candidate (资格审查) found among the bars to "
        "standing (不得作为候选人): expelled_from_party, criminal_penalty, organised_crime, "
        "clan_force, illegal_religion_or_cult; [] when it found none; None when not recorded.",
    )


class Ballot(StrictModel):
    """How the vote was conducted (选举实行无记名投票、公开计票的方法，选举结果应当当场公布。
    选举时，应当设立秘密写票处)."""

    secret: bool = Field(description="无记名投票: the ballot was secret.")
    counted_publicly: bool = Field(description="公开计票: the votes were counted in public.")
    announced_on_the_spot: bool = Field(
        description="选举结果当场公布: the result was announced on the spot."
    )
    private_booth: bool = Field(description="设立秘密写票处: a private booth was set up.")


class AuditRequest(StrictModel):
    """A request that the economic-responsibility audit cover a further matter (要求审计的其他
    事项): who asked, when, and whether the audit covered it."""

    matter: Text = Field(description="The matter to audit (要求审计的事项).")
    requested_on: Date = Field(description="Day the request was made.")
    sponsor_ids: IdTuple = Field(
        min_length=1, description="The persons who asked (Person ids of the community)."
    )
    included: bool = Field(description="Whether the audit covered the matter.")


class OutgoingAudit(StrictModel):
    """The outgoing committee's economic-responsibility audit (任期和离任经济责任审计) before
    the election: when its result was published and the matters residents asked it to cover."""

    published_on: Date | None = Field(
        default=None,
        description="Day the outgoing (离任) audit result was published (审计结果公布); None if "
        "not published or not recorded.",
    )
    requests: tuple[AuditRequest, ...] = Field(
        default=(),
        strict=False,
        description="Requests that the audit cover further matters; empty means none recorded.",
    )


class Proxy(StrictModel):
    """委托投票: a voter away during the election lets another voter vote for them."""

    principal_id: Id = Field(description="The voter who delegates (委托人).")
    proxy_id: Id = Field(description="The voter who votes for them (受托人).")
    written: bool = Field(description="Whether the delegation is in writing (书面委托).")


class Objection(StrictModel):
    """申诉: an objection to the published voter list and its handling."""

    filed_on: Date = Field(description="Day the objection reached the election committee.")
    decided_on: Date | None = Field(
        default=None,
        description="Day the election committee decided it (处理决定); None if not yet.",
    )
    result_published: bool | None = Field(
        default=None,
        description="Whether the decision was published (公布处理结果); None if not recorded.",
    )

    @model_validator(mode="after")
    def _order(self) -> Objection:
        if self.decided_on is not None and self.decided_on < self.filed_on:
            raise path_error(
                "date_order",
                "decided_on: {value} is before filed_on {filed_on}",
                {"value": self.decided_on.isoformat(), "filed_on": self.filed_on.isoformat()},
            )
        if self.decided_on is None and self.result_published:
            raise path_error(
                "undecided_published",
                "result_published: true, yet the objection is not decided (decided_on is not "
                "given): no result to publish",
                {},
            )
        return self


class OtherRegistration(StrictModel):
    """登记参加其他地方的选举: a listed voter also registered to vote, for the same election,
    in other communities (villages)."""

    person_id: Id = Field(description="The voter (on this election's electorate list).")
    community_ids: IdTuple = Field(
        min_length=1,
        description="The other communities (村 / 社区) where the person is also registered to "
        "vote in the same election (登记参加选举).",
    )


class Election(Subject):
    """选举: one ballot electing members of a residents' or village committee.

    ``electorate_ids`` is the published list of those entitled to vote by the method used:
    voters (选民名单), household representatives (户的代表名单) or residents' representatives.
    ``voted_ids`` are those who took part (in person or by proxy); ``len(voted_ids)`` is the
    number of ballots cast (已投选票总数).

    Examples:
        >>> import datetime as dt
        >>> c = Community(id="c1", name="示例社区", kind="urban",
        ...               persons=[{"id": "a"}, {"id": "b"}],
        ...               bodies=[{"id": "RC", "kind": "residents_committee"}])
        >>> e = Election(id="E1", community=c, body_id="RC", method="voters",
        ...              election_day=dt.date(2026, 5, 1), seats=1, electorate_ids=["a", "b"],
        ...              candidates=[{"person_id": "a", "nominated_by": "party_organization"},
        ...                          {"person_id": "b", "nominated_by": "party_organization"}])
        >>> e.ballots_cast is None
        True
    """

    subject_type: ClassVar[str] = "election"
    subject_zh: ClassVar[str] = "选举"
    reference_date_field: ClassVar[str] = "election_day"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "body_kind": get_args(BodyKind),
        "community_kind": get_args(CommunityKind),
    }

    def facts(self) -> tuple[str | None, ...]:
        """``(body_kind, community_kind)``: what rule scopes select on."""
        return (self.community.body_kind(self.body_id), self.community.kind)

    id: Id = Field(description="Election id.")
    community: Community = Field(description="The community electing.")
    body_id: Id = Field(description="The committee elected (居民委员会 / 村民委员会), a Body id.")
    method: ElectionMethod = Field(
        description="选举方式: voters, household_representatives, representatives."
    )
    election_day: Date = Field(description="选举日.")
    round: ElectionRound = Field(default="first", description="first ballot or runoff (另行选举).")
    seats: int = Field(ge=1, description="应选名额: seats to fill in this ballot.")
    voter_list_published_on: Date | None = Field(
        default=None, description="Day the voter list was published (选民名单公布日)."
    )
    electorate_ids: IdTuple = Field(
        description="Those entitled to vote (选民 / 户的代表 / 居民代表)."
    )
    admitted_ids: IdTuple = Field(
        default=(),
        description="Non-registered persons admitted on application: community workers "
        "confirmed by the election committee (urban) or residents approved by the villagers' "
        "(representatives') assembly (village).",
    )
    candidates: tuple[Candidate, ...] = Field(strict=False, description="候选人.")
    voted_ids: IdTuple | None = Field(
        default=None,
        description="Those who took part (参加投票), in person or by proxy; None before the vote.",
    )
    proxies: tuple[Proxy, ...] = Field(default=(), strict=False, description="委托投票.")
    objections: tuple[Objection, ...] = Field(
        default=(), strict=False, description="Objections to the voter list (申诉)."
    )
    handover_completed_on: Date | None = Field(
        default=None,
        description="Day the outgoing committee completed the handover (工作移交) to the one "
        "elected; None if not yet.",
    )
    other_registrations: tuple[OtherRegistration, ...] = Field(
        default=(),
        strict=False,
        description="Listed voters also registered to vote elsewhere in the same election "
        "(已在其他地方登记参加选举); empty means none recorded.",
    )
    by_election: bool = Field(
        default=False,
        description="A by-election (补选) filling seats left vacant during the term (出缺), "
        "not the election of the next committee (换届选举).",
    )
    electors_list_published_on: Date | None = Field(
        default=None,
        description="By household representatives or representatives: day the list of the "
        "household representatives or of the new representatives was published (户的代表或者"
        "新一届居民代表名单); None if not recorded.",
    )
    candidates_met_voters_on: Date | None = Field(
        default=None,
        description="Day the election committee had the candidates meet the voters (组织候选人"
        "与居民/村民见面); None if not held or not recorded.",
    )
    ballot: Ballot | None = Field(
        default=None, description="How the vote was conducted; None if not recorded."
    )
    proxy_list_published: bool | None = Field(
        default=None,
        description="Whether the election committee published the list of those who gave and "
        "those who hold proxies (公布委托人和受托人的名单); None if not recorded.",
    )
    outgoing_audit: OutgoingAudit | None = Field(
        default=None,
        description="The outgoing committee's economic-responsibility audit; None if not recorded.",
    )

    @model_validator(mode="after")
    def _references(self) -> Election:
        c = self.community
        bodies = {b.id: b for b in c.bodies}
        body = bodies.get(self.body_id)
        if body is None or body.kind not in ("residents_committee", "village_committee"):
            raise _unknown(
                "body_id", self.body_id, f"a residents' or village committee of community {c.id}"
            )
        persons = {p.id for p in c.persons}
        electorate = set(self.electorate_ids)
        if not self.electorate_ids:
            raise path_error(
                "empty_electorate",
                "electorate_ids: nobody is entitled to vote; an election needs its published "
                "list (选民名单)",
                {},
            )
        _no_duplicates("electorate_ids", self.electorate_ids)
        for i, pid in enumerate(self.electorate_ids):
            if pid not in persons:
                raise _unknown(f"electorate_ids[{i}]", pid, f"a person of community {c.id}")
        if self.method == "household_representatives":
            _one_per_household(c, "electorate_ids", self.electorate_ids)
        for i, pid in enumerate(self.admitted_ids):
            if pid not in electorate:
                raise _unknown(f"admitted_ids[{i}]", pid, "on the electorate list")
        _no_duplicates("candidates", tuple(x.person_id for x in self.candidates))
        for i, cand in enumerate(self.candidates):
            if cand.person_id not in persons:
                raise _unknown(
                    f"candidates[{i}].person_id", cand.person_id, f"a person of community {c.id}"
                )
            _no_duplicates(f"candidates[{i}].nominator_ids", cand.nominator_ids)
            for j, n in enumerate(cand.nominator_ids):
                if n not in electorate:
                    raise _unknown(
                        f"candidates[{i}].nominator_ids[{j}]", n, "on the electorate list"
                    )
        if self.voted_ids is not None:
            _no_duplicates("voted_ids", self.voted_ids)
            for i, pid in enumerate(self.voted_ids):
                if pid not in electorate:
                    raise _unknown(f"voted_ids[{i}]", pid, "on the electorate list")
            cast = len(self.voted_ids)
            for i, cand in enumerate(self.candidates):
                if cand.votes is None:
                    raise path_error(
                        "missing_votes",
                        "candidates[{i}].votes: required once voted_ids is given",
                        {"i": i},
                    )
                if cand.votes > cast:
                    raise path_error(
                        "too_many_votes",
                        "candidates[{i}].votes: {value} exceeds the {cast} ballots cast",
                        {"i": i, "value": cand.votes, "cast": cast},
                    )
            total = sum(x.votes or 0 for x in self.candidates)
            if total > cast * self.seats:
                raise path_error(
                    "too_many_votes",
                    "candidates: {value} votes in all exceed {cast} ballots x {seats} seats",
                    {"value": total, "cast": cast, "seats": self.seats},
                )
        _proxies(self.proxies)
        for i, p in enumerate(self.proxies):
            for field in ("principal_id", "proxy_id"):
                value = getattr(p, field)
                if value not in electorate:
                    raise _unknown(f"proxies[{i}].{field}", value, "on the electorate list")
        self._check_other_registrations(electorate)
        self._check_audit(persons)
        roles = [(f"electorate_ids[{i}]", pid) for i, pid in enumerate(self.electorate_ids)]
        roles += [
            (f"candidates[{i}].person_id", x.person_id) for i, x in enumerate(self.candidates)
        ]
        _born_by(c, roles, self.election_day, "the election day")
        if (
            self.voter_list_published_on is not None
            and self.voter_list_published_on > self.election_day
        ):
            raise path_error(
                "date_order",
                "voter_list_published_on: {value} is after the election day {day}",
                {
                    "value": self.voter_list_published_on.isoformat(),
                    "day": self.election_day.isoformat(),
                },
            )
        if (
            self.handover_completed_on is not None
            and self.handover_completed_on < self.election_day
        ):
            raise path_error(
                "date_order",
                "handover_completed_on: {value} is before the election day {day}",
                {
                    "value": self.handover_completed_on.isoformat(),
                    "day": self.election_day.isoformat(),
                },
            )
        return self

    def _check_audit(self, persons: set[str]) -> None:
        audit = self.outgoing_audit
        if audit is None:
            return
        for i, r in enumerate(audit.requests):
            _no_duplicates(f"outgoing_audit.requests[{i}].sponsor_ids", r.sponsor_ids)
            for j, pid in enumerate(r.sponsor_ids):
                if pid not in persons:
                    raise _unknown(
                        f"outgoing_audit.requests[{i}].sponsor_ids[{j}]",
                        pid,
                        f"a person of community {self.community.id}",
                    )
            if r.requested_on > self.election_day:
                raise path_error(
                    "date_order",
                    "outgoing_audit.requests[{i}].requested_on: {value} is after the election "
                    "day {day}",
                    {
                        "i": i,
                        "value": r.requested_on.isoformat(),
                        "day": self.election_day.isoformat(),
                    },
                )

    def _check_other_registrations(self, electorate: set[str]) -> None:
        _no_duplicates("other_registrations", tuple(r.person_id for r in self.other_registrations))
        for i, r in enumerate(self.other_registrations):
            if r.person_id not in electorate:
                raise _unknown(
                    f"other_registrations[{i}].person_id", r.person_id, "on the electorate list"
                )
            _no_duplicates(f"other_registrations[{i}].community_ids", r.community_ids)
            for j, cid in enumerate(r.community_ids):
                if cid == self.community.id:
                    raise _unknown(
                        f"other_registrations[{i}].community_ids[{j}]",
                        cid,
                        "another community (it is the one electing)",
                    )

    @property
    def subject_id(self) -> str:
        """The election id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """``election_day``."""
        return self.election_day

    @property
    def ballots_cast(self) -> int | None:
        """已投选票总数: how many took part, or ``None`` before the vote."""
        return None if self.voted_ids is None else len(self.voted_ids)


class Recall(Subject):
    """罢免: a request to recall a committee member and, once held, its vote.

    Examples:
        >>> import datetime as dt
        >>> c = Community(id="c1", name="示例村", kind="rural", persons=[{"id": "a"}],
        ...               bodies=[{"id": "VC", "kind": "village_committee"}],
        ...               memberships=[{"person_id": "a", "body_id": "VC", "role": "chair",
        ...                             "term_start": dt.date(2024, 1, 1)}])
        >>> Recall(id="R1", community=c, body_id="VC", person_id="a", method="voters",
        ...        requested_on=dt.date(2026, 4, 1), electorate_ids=["a"], sponsors="voters",
        ...        sponsor_ids=["a"], reason="长期不履职").subject_id
        'R1'
    """

    subject_type: ClassVar[str] = "recall"
    subject_zh: ClassVar[str] = "罢免"
    reference_date_field: ClassVar[str] = "requested_on"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "body_kind": get_args(BodyKind),
        "community_kind": get_args(CommunityKind),
    }

    def facts(self) -> tuple[str | None, ...]:
        """``(body_kind, community_kind)``: what rule scopes select on."""
        return (self.community.body_kind(self.body_id), self.community.kind)

    id: Id = Field(description="Recall id.")
    community: Community = Field(description="The community.")
    body_id: Id = Field(description="The committee (居民委员会 / 村民委员会).")
    person_id: Id = Field(description="The member whose recall is requested (被提出罢免的成员).")
    method: ElectionMethod = Field(
        description="How the member was elected; the recall vote follows it (按照产生时的选举方式)."
    )
    requested_on: Date = Field(description="Day the request was made (提出罢免要求).")
    electorate_ids: IdTuple | None = Field(
        default=None,
        description="Those entitled to vote by that method, as the request lists them; checked "
        "against the community's records, which prevail: by representatives it must be the "
        "representatives serving on requested_on; by voters, voters the records show and the "
        "list omits still count in the base; by household representatives the base is the "
        "community's households. None: taken from the records.",
    )
    sponsors: SponsorKind = Field(
        description="Who sponsor: voters (or household representatives) or representatives."
    )
    sponsor_ids: IdTuple = Field(description="The sponsors (联名人员).")
    reason: Text | None = Field(default=None, description="The reasons given (罢免理由).")
    voted_ids: IdTuple | None = Field(
        default=None, description="Those who voted on the recall (参加投票); None before the vote."
    )
    votes_for: int | None = Field(default=None, ge=0, description="Votes for the recall (赞成票).")
    defence_heard: bool | None = Field(
        default=None,
        description="Whether the member could state a defence (提出申辩意见) before the vote; "
        "None if not recorded.",
    )

    @model_validator(mode="after")
    def _references(self) -> Recall:
        c = self.community
        body = next((b for b in c.bodies if b.id == self.body_id), None)
        if body is None or body.kind not in ("residents_committee", "village_committee"):
            raise _unknown(
                "body_id", self.body_id, f"a residents' or village committee of community {c.id}"
            )
        if self.person_id not in c.members(self.body_id, self.requested_on):
            raise _unknown(
                "person_id", self.person_id, f"a member of {self.body_id} on {self.requested_on}"
            )
        persons = {p.id for p in c.persons}
        listed = self.electorate_ids or ()
        _no_duplicates("electorate_ids", listed)
        _no_duplicates("sponsor_ids", self.sponsor_ids)
        for field, ids in (
            ("electorate_ids", listed),
            ("sponsor_ids", self.sponsor_ids),
            ("voted_ids", self.voted_ids or ()),
        ):
            for i, pid in enumerate(ids):
                if pid not in persons:
                    raise _unknown(f"{field}[{i}]", pid, f"a person of community {c.id}")
        self._check_electorate()
        if self.voted_ids is not None:
            _no_duplicates("voted_ids", self.voted_ids)
            if self.electorate_ids is not None or self.method == "representatives":
                electorate = set(self.listed_electorate)
                for i, pid in enumerate(self.voted_ids):
                    if pid not in electorate:
                        raise _unknown(f"voted_ids[{i}]", pid, "on the electorate list")
            if self.votes_for is None:
                raise path_error("missing_votes", "votes_for: required once voted_ids is given", {})
            if self.votes_for > len(self.voted_ids):
                raise path_error(
                    "too_many_votes",
                    "votes_for: {value} exceeds the {cast} who voted",
                    {"value": self.votes_for, "cast": len(self.voted_ids)},
                )
        return self

    def _check_electorate(self) -> None:
        c = self.community
        if self.electorate_ids is not None and not self.electorate_ids:
            raise path_error(
                "empty_electorate",
                "electorate_ids: an empty list; leave it out to take the electorate from the "
                "community's records",
                {},
            )
        if self.method == "representatives" and self.electorate_ids is not None:
            serving = c.representatives(self.requested_on)
            listed = set(self.electorate_ids)
            if listed != serving:
                missing = sorted(serving - listed)
                extra = sorted(listed - serving)
                raise path_error(
                    "electorate_contradicts_records",
                    "electorate_ids: by the representatives method the electorate is the "
                    "representatives serving on {day} (居民代表/村民代表); not listed: "
                    "{missing}; listed but not serving: {extra}",
                    {
                        "day": self.requested_on.isoformat(),
                        "missing": ", ".join(missing) or "none",
                        "extra": ", ".join(extra) or "none",
                    },
                )
        if self.method == "household_representatives" and self.electorate_ids is not None:
            _one_per_household(c, "electorate_ids", self.electorate_ids)
        roles = [(f"sponsor_ids[{i}]", pid) for i, pid in enumerate(self.sponsor_ids)]
        roles += [(f"voted_ids[{i}]", pid) for i, pid in enumerate(self.voted_ids or ())]
        roles += [(f"electorate_ids[{i}]", pid) for i, pid in enumerate(self.electorate_ids or ())]
        _born_by(c, roles, self.requested_on, "the request day")

    @property
    def listed_electorate(self) -> tuple[str, ...]:
        """The electorate as listed: ``electorate_ids``, or by the representatives method the
        representatives serving on ``requested_on`` when no list is given (the base the
        checks use is derived from the records; see `checks.recall`)."""
        if self.electorate_ids is not None:
            return self.electorate_ids
        if self.method == "representatives":
            return tuple(sorted(self.community.representatives(self.requested_on)))
        return ()

    @property
    def subject_id(self) -> str:
        """The recall id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """``requested_on``."""
        return self.requested_on
