"""Communities, households, persons, bodies and memberships (a graph with terms)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Literal

from pydantic import Field, model_validator

from ._base import Date, Id, StrictModel, Text, duplicates, path_error, repeated
from .constituency import Constituency

__all__ = [
    "Body",
    "BodyKind",
    "Community",
    "CommunityKind",
    "ElectedBy",
    "Gender",
    "Household",
    "Kinship",
    "Membership",
    "Person",
    "Registration",
    "Relation",
    "Role",
]

#: 城市社区 / 村改居社区 / 农村社区.
CommunityKind = Literal["urban", "village_to_residence", "rural"]
Gender = Literal["female", "male"]
#: Every body a community can have; names from the project glossary.
BodyKind = Literal[
    "residents_committee",  # 居民委员会
    "village_committee",  # 村民委员会
    "residents_assembly",  # 居民会议
    "villagers_assembly",  # 村民会议
    "representatives_assembly",  # 居民代表会议 / 村民代表会议
    "residents_group",  # 居民小组
    "villager_group",  # 村民小组
    "supervision_committee",  # 居务 / 村务监督委员会
    "party_organization",  # 社区党组织 / 村党组织
    "party_members_assembly",  # 党员大会
    "joint_meeting",  # 两委联席会议
    "assembly_working_committee",  # 居民代表会议工作委员会 (Jinjiang)
    "election_committee",  # 居民 / 村民选举委员会
    "mediation_committee",  # 人民调解委员会
    "owners_assembly",  # 业主大会
    "owners_committee",  # 业主委员会
    "service_station",  # 社区服务站
    "grid",  # 网格
]
#: A member's role in a body.
Role = Literal[
    "chair",  # 主任 / 书记 / 站长
    "vice_chair",  # 副主任 / 副书记
    "member",  # 委员 / 成员
    "representative",  # 居民代表 / 村民代表
    "group_leader",  # 居民小组长 / 村民小组长
    "grid_worker",  # 网格员
]


#: How a member came into a committee post (产生方式): elected by all voters (``voters``), by
#: household representatives (``household_representatives``) or by representatives
#: (``representatives``) — a by-election (补选) records the method it used — or ``appointed``
#: (指定、委派) by an organisation or a person.
ElectedBy = Literal["voters", "household_representatives", "representatives", "appointed"]


#: 户籍: ``registered`` here (户籍在本社区 / 本村) or ``non_registered`` (户籍不在本社区).
Registration = Literal["registered", "non_registered"]
#: A kinship link as the person's relation to the linked person: the linked person is my
#: spouse (配偶), parent (父母), child (子女), sibling (兄弟姐妹), grandparent (祖父母、外祖父母)
#: or grandchild (孙子女、外孙子女) — the close relatives (近亲属) of Civil Code Art. 1045.
Relation = Literal["spouse", "parent", "child", "sibling", "grandparent", "grandchild"]
_CONVERSE: dict[str, str] = {
    "spouse": "spouse",
    "parent": "child",
    "child": "parent",
    "sibling": "sibling",
    "grandparent": "grandchild",
    "grandchild": "grandparent",
}


class Household(StrictModel):
    """户: a household of the community."""

    id: Id = Field(description="Household id, unique in the community (户).")


class Kinship(StrictModel):
    """One kinship link (亲属关系): ``person_id`` is this person's ``relation``."""

    person_id: Id = Field(description="The relative (a Person id of the community).")
    relation: Relation = Field(
        description="What the relative is to this person: spouse 配偶, parent 父母, child 子女, "
        "sibling 兄弟姐妹, grandparent 祖父母/外祖父母, grandchild 孙子女/外孙子女."
    )


class Person(StrictModel):
    """A natural person living or working in the community (居民 / 村民)."""

    id: Id = Field(description="Person id, unique in the community.")
    name: Text | None = Field(default=None, description="Name (姓名), optional.")
    gender: Gender | None = Field(
        default=None,
        description="性别: female or male; None if not "
        "recorded (gender rules then come back indeterminate).",
    )
    birth_date: Date | None = Field(default=None, description="出生日期.")
    household_id: Id | None = Field(
        default=None, description="The household (户) the person belongs to, if recorded."
    )
    registration: Registration | None = Field(
        default=None,
        description="户籍: registered here (户籍在本社区/本村) or non_registered; None if not "
        "recorded.",
    )
    habitual_resident: bool | None = Field(
        default=None,
        description="Lives in the community (常住 / 在本村居住); None if not recorded.",
    )
    resident_since: Date | None = Field(
        default=None, description="First day of living in the community (居住起始日), if known."
    )
    community_worker_since: Date | None = Field(
        default=None,
        description="First day of working in the community as a community worker (社区工作者; "
        "village: 从事村务工作), if the person is one.",
    )
    political_rights_deprived: bool = Field(
        default=False,
        description="依照法律被剥夺政治权利: has no right to vote or stand (no 选举权和被选举权), "
        "so may not vote, stand, nominate, sponsor, hold a proxy or sit on a committee.",
    )
    party_member: bool | None = Field(
        default=None, description="中共党员: member of the Communist Party of China, if recorded."
    )
    finance_or_management_expertise: bool | None = Field(
        default=None,
        description="具备财会、管理知识 (village affairs supervision needs such a member); None "
        "if not recorded.",
    )
    group_id: Id | None = Field(
        default=None,
        description="The residents' group / villager group (居民小组 / 村民小组, a Body id) the "
        "person lives in, if recorded.",
    )
    relatives: tuple[Kinship, ...] = Field(
        default=(),
        strict=False,
        description="Kinship links (亲属关系) to other persons of the community; a link given "
        "once is enough (the converse is derived). Links not given are taken as absent.",
    )
    ethnicity: Text | None = Field(
        default=None,
        description="民族, as recorded (e.g. 汉族, 回族); None if not recorded. A community "
        "whose persons are recorded with more than one is a multi-ethnic area (多民族居住).",
    )
    sentenced_on: Date | None = Field(
        default=None,
        description="Day a criminal sentence against the person (被判处刑罚) took effect, if "
        "one is recorded: a committee member's post then ends by itself (职务自行终止).",
    )
    incapacitated_on: Date | None = Field(
        default=None,
        description="Day the person was found to have lost capacity (丧失行为能力), if "
        "recorded: a committee member's post then ends by itself (职务自行终止).",
    )

    def age_on(self, at: dt.date) -> int | None:
        """Whole years of age (周岁) on ``at``, or ``None`` without a birth date."""
        if self.birth_date is None:
            return None
        b = self.birth_date
        return at.year - b.year - ((at.month, at.day) < (b.month, b.day))


class Body(StrictModel):
    """An organisation of the community (居委会, 居民代表会议, 社区党组织…)."""

    id: Id = Field(description="Body id, unique in the community.")
    kind: BodyKind = Field(description="What body this is; see the glossary.")
    name: Text | None = Field(default=None, description="Local name, e.g. 某社区居民代表会议.")
    term_start: Date | None = Field(
        default=None, description="First day of the body's current term (本届任期开始), if known."
    )
    term_end: Date | None = Field(
        default=None,
        description="First day after the body's current term (exclusive; 本届任期届满), if known.",
    )
    group_id: Id | None = Field(
        default=None,
        description="For a grid (网格): the residents' group / villager group (a Body id) it "
        "covers.",
    )

    @model_validator(mode="after")
    def _term_order(self) -> Body:
        if (
            self.term_start is not None
            and self.term_end is not None
            and self.term_end <= self.term_start
        ):
            raise path_error(
                "term_order",
                "term_end: {term_end} must be after term_start {term_start}",
                {"term_end": self.term_end.isoformat(), "term_start": self.term_start.isoformat()},
            )
        return self


class Membership(StrictModel):
    """One person holding one role in one body for one term (任期).

    ``term_end`` is exclusive: the first day the person no longer holds the role. ``None`` means
    the term has not ended.
    """

    person_id: Id = Field(description="The member (a Person id of the community).")
    body_id: Id = Field(description="The body (a Body id of the community).")
    role: Role = Field(description="The role held (主任, 委员, 居民代表…).")
    term_start: Date = Field(description="First day of the term (任期开始).")
    term_end: Date | None = Field(
        default=None, description="First day after the term (exclusive); None while the term runs."
    )
    constituency: Constituency | None = Field(
        default=None,
        description="For a representative (居民代表 / 村民代表): the compound (居民小区), "
        "building (楼宇) or group that chose them (推选范围); None if not recorded.",
    )
    elected_by: ElectedBy | None = Field(
        default=None,
        description="For a committee member (居民委员会 / 村民委员会): how they came into the "
        "post — elected by voters, household_representatives or representatives (a by-election "
        "records the method it used), or appointed (指定、委派); None if not recorded.",
    )
    chosen_by: Id | None = Field(
        default=None,
        description="The body that chose (推选) the member, a Body id of the community: the "
        "residents' (villagers') assembly, the representatives' assembly, or a residents' "
        "(villager) group — for members the law has chosen by a meeting (election and "
        "supervision committees, group leaders: a group chooses its own leader, so it names "
        "the group itself); None if not recorded.",
    )
    resignation_approved_on: Date | None = Field(
        default=None,
        description="Day the residents' (villagers') assembly or representatives' assembly "
        "approved the member's resignation (辞职, 审议通过): the post ends from that day; None "
        "if the member did not resign or it is not recorded.",
    )

    @model_validator(mode="after")
    def _term_order(self) -> Membership:
        if self.term_end is not None and self.term_end <= self.term_start:
            raise path_error(
                "term_order",
                "term_end: {term_end} must be after term_start {term_start}",
                {"term_end": self.term_end.isoformat(), "term_start": self.term_start.isoformat()},
            )
        if (
            self.resignation_approved_on is not None
            and self.resignation_approved_on < self.term_start
        ):
            raise path_error(
                "date_order",
                "resignation_approved_on: {value} is before term_start {term_start} (辞职审议"
                "通过早于任期开始)",
                {
                    "value": self.resignation_approved_on.isoformat(),
                    "term_start": self.term_start.isoformat(),
                },
            )
        if self.constituency is not None and self.role != "representative":
            raise path_error(
                "constituency_role",
                "constituency: only a representative is chosen by a constituency (role is "
                "'{value}')",
                {"value": self.role},
            )
        return self

    def active_on(self, at: dt.date) -> bool:
        """Whether the term covers ``at``."""
        return self.term_start <= at and (self.term_end is None or at < self.term_end)


class Community(StrictModel):
    """社区: the area of one residents' committee (urban) or village, with its people and bodies.

    Memberships form a graph: a person may sit on several bodies, and a term can end.
    """

    id: Id = Field(description="Community id.")
    name: Text = Field(description="Community name (社区名称).")
    kind: CommunityKind = Field(
        description="城市社区 urban / 村改居社区 village_to_residence / 农村社区 rural."
    )
    street_office: str | None = Field(
        default=None,
        description="The street office or township above the community (街道办事处 / 乡镇).",
    )
    households: tuple[Household, ...] = Field(
        default=(), strict=False, description="Households (户) of the community."
    )
    persons: tuple[Person, ...] = Field(
        default=(), strict=False, description="Persons known to the input."
    )
    bodies: tuple[Body, ...] = Field(
        default=(), strict=False, description="Bodies (组织) of the community."
    )
    memberships: tuple[Membership, ...] = Field(
        default=(), strict=False, description="Who holds which role in which body, and when."
    )

    @model_validator(mode="after")
    def _references(self) -> Community:
        # pydantic runs "after" validators again on an instance given as a field value (a
        # community reused for many subjects, one from a community store): a frozen
        # community checked once stays checked; a copy with changed fields is checked anew
        # (`StrictModel.model_copy` drops the mark)
        if self.__dict__.get(_CHECKED):
            return self
        for field in ("households", "persons", "bodies"):
            if duplicates(x.id for x in getattr(self, field)):
                raise repeated(field, (x.id for x in getattr(self, field)))
        households = {h.id for h in self.households}
        for i, p in enumerate(self.persons):
            if p.household_id is not None and p.household_id not in households:
                raise path_error(
                    "unknown_reference",
                    "persons[{i}].household_id: '{value}' is not a household of community "
                    "{community}",
                    {"i": i, "value": p.household_id, "community": self.id},
                )
        persons = {p.id for p in self.persons}
        bodies = {b.id for b in self.bodies}
        for i, m in enumerate(self.memberships):
            if m.person_id not in persons:
                raise path_error(
                    "unknown_reference",
                    "memberships[{i}].person_id: '{value}' is not a person of community "
                    "{community}",
                    {"i": i, "value": m.person_id, "community": self.id},
                )
            if m.body_id not in bodies:
                raise path_error(
                    "unknown_reference",
                    "memberships[{i}].body_id: '{value}' is not a body of community {community}",
                    {"i": i, "value": m.body_id, "community": self.id},
                )
            if m.chosen_by is not None and m.chosen_by not in bodies:
                raise path_error(
                    "unknown_reference",
                    "memberships[{i}].chosen_by: '{value}' is not a body of community {community}",
                    {"i": i, "value": m.chosen_by, "community": self.id},
                )
        self._check_kinship(persons)
        self._check_groups()
        self._check_one_chair()
        self._check_born()
        self._check_one_role()
        self._check_body_kinds()
        self.__dict__[_CHECKED] = True
        return self

    def _check_born(self) -> None:
        born = {p.id: p.birth_date for p in self.persons}
        for i, m in enumerate(self.memberships):
            birth = born[m.person_id]
            if birth is not None and m.term_start < birth:
                raise path_error(
                    "born_after",
                    "memberships[{i}].term_start: {value} is before '{person}' was born on "
                    "{birth} (任期开始早于出生日期)",
                    {
                        "i": i,
                        "value": m.term_start.isoformat(),
                        "person": m.person_id,
                        "birth": birth.isoformat(),
                    },
                )

    def _check_one_role(self) -> None:
        """One person holds one role in one body at a time: a committee of 主任、副主任和委员
        共五至九人 counts persons, each in one office (two offices at once would let one person
        count as a chair and a member, or a representative and a committee member)."""
        seen: dict[tuple[str, str], list[tuple[int, Membership]]] = {}
        for i, m in enumerate(self.memberships):
            for j, other in seen.get((m.person_id, m.body_id), []):
                if _overlap(m, other):
                    raise path_error(
                        "two_roles",
                        "memberships[{i}]: '{person}' would hold two roles in body '{body}' "
                        "at once ('{role}', and '{other}' of memberships[{j}]) "
                        "(同一人不得同时在同一组织担任两个职务)",
                        {
                            "i": i,
                            "j": j,
                            "person": m.person_id,
                            "body": m.body_id,
                            "role": m.role,
                            "other": other.role,
                        },
                    )
            seen.setdefault((m.person_id, m.body_id), []).append((i, m))

    def _check_body_kinds(self) -> None:
        """The urban law's bodies belong to urban communities, the village law's to villages;
        and a community has one self-governing committee at a time (设立居民委员会的区域称为
        社区; a village has one 村民委员会)."""
        committees: list[tuple[int, Body]] = []
        for i, b in enumerate(self.bodies):
            foreign = (self.kind == "rural" and b.kind in _URBAN_ONLY) or (
                self.kind == "urban" and b.kind in _VILLAGE_ONLY
            )
            if foreign:
                raise path_error(
                    "body_kind_mismatch",
                    "bodies[{i}].kind: a '{value}' cannot be a body of a '{kind}' community "
                    "({why})",
                    {
                        "i": i,
                        "value": b.kind,
                        "kind": self.kind,
                        "why": "居民委员会、居民会议、居民小组依城市居民委员会组织法设于城市社区"
                        if b.kind in _URBAN_ONLY
                        else "村民委员会、村民会议、村民小组依村民委员会组织法设于村",
                    },
                )
            if b.kind not in ("residents_committee", "village_committee"):
                continue
            for j, other in committees:
                if _terms_overlap(b.term_start, b.term_end, other.term_start, other.term_end):
                    raise path_error(
                        "two_committees",
                        "bodies[{i}]: community {community} would have two self-governing "
                        "committees at once ('{value}' and '{other}' of bodies[{j}]); give "
                        "the earlier one's term_end, or drop it (一个社区只设一个居民委员会或"
                        "村民委员会)",
                        {
                            "i": i,
                            "j": j,
                            "community": self.id,
                            "value": b.id,
                            "other": other.id,
                        },
                    )
            committees.append((i, b))

    def _check_kinship(self, persons: set[str]) -> None:
        for i, p in enumerate(self.persons):
            for j, k in enumerate(p.relatives):
                if k.person_id not in persons or k.person_id == p.id:
                    raise path_error(
                        "unknown_reference",
                        "persons[{i}].relatives[{j}].person_id: '{value}' is not another person "
                        "of community {community}",
                        {"i": i, "j": j, "value": k.person_id, "community": self.id},
                    )

    def _check_groups(self) -> None:
        groups = {b.id for b in self.bodies if b.kind in ("residents_group", "villager_group")}
        refs = [("persons", i, p.group_id) for i, p in enumerate(self.persons)]
        refs += [("bodies", i, b.group_id) for i, b in enumerate(self.bodies)]
        for field, i, group_id in refs:
            if group_id is not None and group_id not in groups:
                raise path_error(
                    "unknown_reference",
                    "{field}[{i}].group_id: '{value}' is not a residents' group or villager "
                    "group of community {community}",
                    {"field": field, "i": i, "value": group_id, "community": self.id},
                )

    def _check_one_chair(self) -> None:
        chairs: dict[str, list[tuple[int, Membership]]] = {}
        for i, m in enumerate(self.memberships):
            if m.role != "chair":
                continue
            for j, other in chairs.get(m.body_id, []):
                if other.person_id != m.person_id and _overlap(m, other):
                    raise path_error(
                        "one_chair",
                        "memberships[{i}]: body '{body}' would have two chairs at once "
                        "('{value}' and '{other}' of memberships[{j}])",
                        {
                            "i": i,
                            "j": j,
                            "body": m.body_id,
                            "value": m.person_id,
                            "other": other.person_id,
                        },
                    )
            chairs.setdefault(m.body_id, []).append((i, m))

    def person(self, person_id: str) -> Person:
        """The person with id ``person_id``.

        Raises:
            KeyError: no such person.
        """
        for p in self.persons:
            if p.id == person_id:
                return p
        raise KeyError(f"no person {person_id!r} in community {self.id}")

    def close_relatives(self, person_id: str) -> frozenset[str]:
        """Ids of the close relatives (近亲属, Civil Code Art. 1045) of ``person_id``.

        Derived from the kinship links of both persons: links are symmetric (a parent link is
        the other's child link), and siblings (a shared parent), grandparents (a parent's
        parent) and grandchildren (a child's child) are inferred. In-laws are not close
        relatives.
        """
        return self._kin.get(person_id, frozenset())

    def are_close_relatives(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` are close relatives (近亲属)."""
        return b in self.close_relatives(a)

    @functools.cached_property
    def _kin(self) -> dict[str, frozenset[str]]:
        rel: dict[str, dict[str, set[str]]] = {}

        def add(a: str, relation: str, b: str) -> None:
            rel.setdefault(a, {}).setdefault(relation, set()).add(b)
            rel.setdefault(b, {}).setdefault(_CONVERSE[relation], set()).add(a)

        for p in self.persons:
            for k in p.relatives:
                add(p.id, k.relation, k.person_id)
        for pid in list(rel):
            links = rel[pid]
            for parent in list(links.get("parent", ())):
                for sib in rel.get(parent, {}).get("child", set()) - {pid}:
                    add(pid, "sibling", sib)
                for gp in list(rel.get(parent, {}).get("parent", ())):
                    add(pid, "grandparent", gp)
        return {
            pid: frozenset(x for ids in links.values() for x in ids) - {pid}
            for pid, links in rel.items()
        }

    @functools.cached_property
    def deprived_ids(self) -> frozenset[str]:
        """Ids of the persons deprived of political rights (依照法律被剥夺政治权利的人)."""
        return frozenset(p.id for p in self.persons if p.political_rights_deprived)

    def body_kind(self, body_id: str) -> BodyKind | None:
        """The kind of body ``body_id``, or ``None`` if the community has no such body."""
        for b in self.bodies:
            if b.id == body_id:
                return b.kind
        return None

    def bodies_of_kind(self, kind: BodyKind) -> tuple[Body, ...]:
        """The bodies of a kind, in input order."""
        return tuple(b for b in self.bodies if b.kind == kind)

    def members(self, body_id: str, at: dt.date, role: str | None = None) -> frozenset[str]:
        """Person ids holding a role (any, or ``role``) in body ``body_id`` on ``at``."""
        return frozenset(
            m.person_id
            for m in self.memberships
            if m.body_id == body_id and (role is None or m.role == role) and m.active_on(at)
        )

    def representatives(self, at: dt.date) -> frozenset[str]:
        """Person ids serving as representatives (居民代表 / 村民代表) of the community's
        representatives' assembly on ``at``.

        The community is immutable, so the terms are indexed once and each date's answer is
        remembered: a proposal's validation and its evaluation ask for the same date.
        """
        memo = self._representatives_memo
        found = memo.get(at)
        if found is None:
            found = frozenset(
                pid
                for start, end, pid in self._representative_terms
                if start <= at and (end is None or at < end)
            )
            memo[at] = found
        return found

    @functools.cached_property
    def _representative_terms(self) -> tuple[tuple[dt.date, dt.date | None, str], ...]:
        assemblies = {b.id for b in self.bodies if b.kind == "representatives_assembly"}
        return tuple(
            (m.term_start, m.term_end, m.person_id)
            for m in self.memberships
            if m.body_id in assemblies and m.role == "representative"
        )

    @functools.cached_property
    def _representatives_memo(self) -> dict[dt.date, frozenset[str]]:
        return {}


#: Marks (in an instance's ``__dict__``, not a field: never serialised nor compared) a
#: community whose cross-references passed `Community._references`.
_CHECKED = "_references_checked"


def _overlap(a: Membership, b: Membership) -> bool:
    """Whether two terms share a day (ends exclusive, ``None`` open-ended)."""
    return _terms_overlap(a.term_start, a.term_end, b.term_start, b.term_end)


def _terms_overlap(
    a_start: dt.date | None, a_end: dt.date | None, b_start: dt.date | None, b_end: dt.date | None
) -> bool:
    """Whether two terms share a day (ends exclusive; an unknown start or end is open)."""
    a_before_b = a_end is not None and b_start is not None and a_end <= b_start
    b_before_a = b_end is not None and a_start is not None and b_end <= a_start
    return not (a_before_b or b_before_a)


#: Bodies only the urban law sets up (a village-to-residence community may still have both
#: kinds while it changes over, so only a rural and an urban community are checked).
_URBAN_ONLY = frozenset({"residents_committee", "residents_assembly", "residents_group"})
_VILLAGE_ONLY = frozenset({"village_committee", "villagers_assembly", "villager_group"})
