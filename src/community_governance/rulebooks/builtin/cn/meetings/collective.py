"""Rural collective economic organisations (农村集体经济组织): the members' assembly (成员大会)
and the members' representatives assembly (成员代表大会), law in force from 2025-05-01.

Their decisions are counted of **all** members (or all representatives), not of those present.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from .....checks.pass_rules import PassRule, Share
from .....exceptions import MissingDataError
from .....models.meeting import Meeting
from .....rules.citation import Citation
from .....rules.parameter import Parameter
from .....rules.rule import Check, Rule, RuleContext, reads
from .....rules.scope import Scope
from .....rules.table import TableEntry
from .....rules.threshold import AllOf, Measure, Quantifier, Term, Threshold
from .....rules.validity import Validity

COLLECTIVE_LAW = "农村集体经济组织法(2024-06-28)"
#: Art. 67: the law is in force from 2025-05-01.
COLLECTIVE_LAW_IN_FORCE = dt.date(2025, 5, 1)

ART27_NOTICE = Citation(
    COLLECTIVE_LAW,
    "第二十七条第一款",
    "农村集体经济组织召开成员大会，应当将会议召开的时间、地点和审议的事项于会议召开十日前通知"
    "全体成员，有三分之二以上具有完全民事行为能力的成员参加。",
)
ART28_SIZE = Citation(
    COLLECTIVE_LAW,
    "第二十八条第二款",
    "设立成员代表大会的，一般每五户至十五户选举代表一人，代表人数应当多于二十人，并且有适当数量的"
    "妇女代表。",
)
ART27_YEARLY = Citation(COLLECTIVE_LAW, "第二十七条第二款", "成员大会每年至少召开一次")
ART27_DECISION = Citation(
    COLLECTIVE_LAW,
    "第二十七条第三款",
    "成员大会作出决定，应当经本农村集体经济组织成员大会全体成员三分之二以上同意",
    note="a stricter rule in this or another law, or in the organisation's charter, prevails",
)
ART28_DECISION = Citation(
    COLLECTIVE_LAW,
    "第二十八条第五款",
    "成员代表大会作出决定，应当经全体成员代表三分之二以上同意。",
)
ART15_NON_MEMBERS = Citation(
    COLLECTIVE_LAW,
    "第十五条",
    "非农村集体经济组织成员长期在农村集体经济组织工作，对集体做出贡献的，经农村集体经济组织成员大会"
    "全体成员四分之三以上同意，可以享有本法第十三条第七项、第九项、第十项规定的权利。",
    note="a stricter rule of this law (本法…有更严格规定的，从其规定, Art. 27(3)): it replaces the "
    "members' assembly's two thirds for this matter",
)
ART31_COUNCIL = Citation(
    COLLECTIVE_LAW,
    "第三十一条第一款、第二款",
    "理事会会议应当有三分之二以上的理事会成员出席。理事会实行一人一票的表决方式。理事会作出决定，"
    "应当经全体理事的过半数同意。",
)

_AT_LEAST: Quantifier = "at_least"
START = COLLECTIVE_LAW_IN_FORCE
TWO_THIRDS = Fraction(2, 3)

REPRESENTATIVES_MIN = Parameter.count(
    "meeting.collective-representatives-assembly.representatives",
    "成员代表人数（应当多于）",
    "collective representatives' assembly: representatives (more than)",
    (20, START, None, ART28_SIZE),
    unit_zh="名",
)
HOUSEHOLDS_MIN = Parameter.count(
    "meeting.collective-representatives-assembly.households-per-representative.min",
    "每名成员代表对应的户数（一般不少于）",
    "collective representatives' assembly: households per representative, fewest (as a rule)",
    (5, START, None, ART28_SIZE),
    unit_zh="户",
)
HOUSEHOLDS_MAX = Parameter.count(
    "meeting.collective-representatives-assembly.households-per-representative.max",
    "每名成员代表对应的户数（一般不多于）",
    "collective representatives' assembly: households per representative, most (as a rule)",
    (15, START, None, ART28_SIZE),
    unit_zh="户",
)
MEMBERS_INTERVAL = Parameter.count(
    "meeting.collective-members-assembly.interval-months",
    "成员大会召开间隔（每年至少一次）",
    "collective members' assembly: meets at least once a year",
    (12, START, None, ART27_YEARLY),
    unit_zh="月",
)
MEMBERS_NOTICE_DAYS = Parameter.count(
    "meeting.collective-members-assembly.notice-days",
    "召开成员大会提前通知的天数",
    "collective members' assembly: days of notice",
    (10, START, None, ART27_NOTICE),
    unit_zh="日",
)
MEMBERS_QUORUM = Parameter.share(
    "meeting.collective-members-assembly.quorum",
    "成员大会到会的具有完全民事行为能力的成员比例（以上）",
    "collective members' assembly: share of members with full capacity that must attend",
    (TWO_THIRDS, START, None, ART27_NOTICE),
)
MEMBERS_MAJORITY = Parameter.share(
    "meeting.collective-members-assembly.majority",
    "成员大会决定所需全体成员比例（以上）",
    "collective members' assembly: share of ALL members needed to decide (at least)",
    (TWO_THIRDS, START, None, ART27_DECISION),
)
NON_MEMBER_RIGHTS = Parameter.share(
    "meeting.collective-members-assembly.non-member-rights.majority",
    "非成员享有成员部分权利所需成员大会全体成员比例（以上）",
    "collective members' assembly: share of ALL members needed to extend members' rights to a "
    "non-member (at least)",
    (Fraction(3, 4), START, None, ART15_NON_MEMBERS),
)
COUNCIL_QUORUM = Parameter.share(
    "meeting.collective-council.quorum",
    "理事会会议出席的理事会成员比例（以上）",
    "collective council: share of its members that must attend (at least)",
    (TWO_THIRDS, START, None, ART31_COUNCIL),
)
COUNCIL_MAJORITY = Parameter.share(
    "meeting.collective-council.majority",
    "理事会决定所需全体理事比例（过半数）",
    "collective council: share of ALL council members needed to decide (more than)",
    (Fraction(1, 2), START, None, ART31_COUNCIL),
)
REPS_MAJORITY = Parameter.share(
    "meeting.collective-representatives-assembly.majority",
    "成员代表大会决定所需全体成员代表比例（以上）",
    "collective representatives' assembly: share of ALL representatives needed to decide",
    (TWO_THIRDS, START, None, ART28_DECISION),
)

#: The ``meeting.pass-rules`` entries of the collective economic organisation law.
ENTRIES = (
    TableEntry(
        "collective-members-assembly.2025",
        PassRule(
            body="collective_members_assembly",
            title_zh="农村集体经济组织成员大会",
            title_en="collective members' assembly",
            notice_days=MEMBERS_NOTICE_DAYS,
            interval_months=MEMBERS_INTERVAL,
            quorum={"members": (Share(_AT_LEAST, MEMBERS_QUORUM),)},
            majority_base="all",
            majority=(Share(_AT_LEAST, MEMBERS_MAJORITY),),
            special_matters=frozenset({"non_member_rights"}),
            special_majority=(Share(_AT_LEAST, NON_MEMBER_RIGHTS),),
        ),
        ART27_DECISION,
        Validity(START, None),
    ),
    TableEntry(
        "collective-representatives-assembly.2025",
        PassRule(
            body="collective_representatives_assembly",
            title_zh="农村集体经济组织成员代表大会",
            title_en="collective representatives' assembly",
            quorum={},
            majority_base="all",
            majority=(Share(_AT_LEAST, REPS_MAJORITY),),
        ),
        ART28_DECISION,
        Validity(START, None),
    ),
    TableEntry(
        "collective-council.2025",
        PassRule(
            body="collective_council",
            title_zh="农村集体经济组织理事会会议",
            title_en="collective council meeting",
            quorum={"members": (Share(_AT_LEAST, COUNCIL_QUORUM),)},
            majority_base="all",
            majority=(Share("more_than", COUNCIL_MAJORITY),),
        ),
        ART31_COUNCIL,
        Validity(START, None),
    ),
)

CITATIONS = {
    "request": (),
    "notice": (ART27_NOTICE,),
    "quorum": (ART27_NOTICE, ART28_DECISION, ART31_COUNCIL),
    "majority": (ART27_DECISION, ART28_DECISION, ART15_NON_MEMBERS, ART31_COUNCIL),
}


_REPRESENTATIVES = Term(
    "representatives", "成员代表", "representatives", "名", ("representative", "representatives")
)


@reads(REPRESENTATIVES_MIN)
def representatives_count(m: Meeting, ctx: RuleContext) -> Check:
    """A collective's representatives' assembly has more than 20 representatives."""
    minimum = ctx.count(REPRESENTATIVES_MIN)
    c = Threshold("more_than", minimum, _REPRESENTATIVES).test(m.entitled)
    zh, en = c.text()
    if c.passed:
        return Check.passed(f"成员代表人数：{zh}", f"representatives: {en}", **c.to_evidence())
    return Check.failed(
        f"成员代表人数不符合要求：{zh}", f"too few representatives: {en}", **c.to_evidence()
    )


_HOUSEHOLDS = Term(
    "member_households", "成员户数", "members' households", "户", ("household", "households")
)


@reads(HOUSEHOLDS_MIN, HOUSEHOLDS_MAX)
def households_per_representative(m: Meeting, ctx: RuleContext) -> Check:
    """As a rule (一般), one representative per five to fifteen households of the members:
    ``5 × representatives ≤ member_households ≤ 15 × representatives``.

    Mirrors ``representatives-assembly.households`` of the urban law, but reads the
    organisation's households from the meeting record (`Meeting.member_households`): the
    households of a collective's members are not the households of a residents' community.
    """
    if m.member_households is None:
        raise MissingDataError(
            "member_households",
            "the number of the members' households is needed to check one representative per "
            "five to fifteen households",
            "需要本集体经济组织成员的户数，才能判断是否每五户至十五户选举代表一人",
        )
    lo, hi = ctx.count(HOUSEHOLDS_MIN), ctx.count(HOUSEHOLDS_MAX)
    reps = m.entitled
    outcome = AllOf(
        (
            Threshold("at_least", lo * reps, _HOUSEHOLDS),
            Threshold("at_most", hi * reps, _HOUSEHOLDS),
        )
    ).evaluate({_HOUSEHOLDS.key: Measure(m.member_households)})
    texts = [c.text() for c in outcome.comparisons()]
    detail_zh = f"成员代表{reps}名，按一般每{lo}户至{hi}户选举代表一人计：" + "；".join(
        t[0] for t in texts
    )
    detail_en = f"{reps} representatives at one per {lo}–{hi} households, as a rule: " + "; ".join(
        t[1] for t in texts
    )
    evidence = {"representatives": reps, **outcome.to_evidence()}
    if outcome.passed:
        return Check.passed(detail_zh, detail_en, **evidence)
    return Check.failed(detail_zh, detail_en, **evidence)


RULES = (
    Rule(
        id="meeting.collective-representatives-count",
        title_zh="农村集体经济组织成员代表人数应当多于二十人",
        title_en="A collective's representatives' assembly has more than 20 representatives",
        kind="obligation",
        severity="must",
        scope=Scope(Meeting, assembly="collective_representatives_assembly"),
        check=representatives_count,
        citations=(ART28_SIZE,),
        valid_from=START,
    ),
    Rule(
        id="meeting.collective-representatives-households",
        title_zh="设立成员代表大会的，一般每五户至十五户选举代表一人",
        title_en="As a rule, a collective elects one representative per five to fifteen households",
        kind="obligation",
        severity="advisory",
        scope=Scope(Meeting, assembly="collective_representatives_assembly"),
        check=households_per_representative,
        citations=(ART28_SIZE,),
        valid_from=START,
    ),
)
