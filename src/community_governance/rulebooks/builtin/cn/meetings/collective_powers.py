"""The collective economic organisation's assemblies (农村集体经济组织法, from 2025-05-01): the
powers its members' representatives assembly may not exercise (Art. 28(4), Art. 15), the
reports members may read ten days before an assembly (Art. 46) and proxies within the
household (Art. 27(1)).

Art. 46 is read as binding the assembly that considers the annual reports and the income
distribution plan: a meeting with an ``annual_accounts`` motion (Art. 26(1)(七) 年度财务预决算、
收益分配方案). A meeting without one is not judged by it.
"""

from __future__ import annotations

from .....exceptions import MissingDataError
from .....models.meeting import Matter, Meeting
from .....rules.citation import Citation
from .....rules.parameter import Parameter
from .....rules.rule import Check, Rule, RuleContext, reads
from .....rules.scope import Scope
from .....rules.threshold import Term, Threshold
from .collective import ART15_NON_MEMBERS, COLLECTIVE_LAW, START

ART26_POWERS = Citation(
    COLLECTIVE_LAW,
    "第二十六条第一款",
    "（一）制定、修改农村集体经济组织章程；……（三）确认农村集体经济组织成员；……（八）对农村土地"
    "承包、宅基地使用和集体经营性财产收益权份额量化方案等事项作出决定；……（十）决定土地补偿费等的"
    "分配、使用办法；……（十二）决定农村集体经济组织合并、分立等重大事项；",
)
ART28_BARRED = Citation(
    COLLECTIVE_LAW,
    "第二十八条第四款",
    "成员代表大会按照农村集体经济组织章程规定行使本法第二十六条第一款规定的成员大会部分职权，但是"
    "第一项、第三项、第八项、第十项、第十二项规定的职权除外。",
)
ART46_REPORTS = Citation(
    COLLECTIVE_LAW,
    "第四十六条",
    "农村集体经济组织应当编制年度经营报告、年度财务会计报告和收益分配方案，并于成员大会、成员代表"
    "大会召开十日前，提供给农村集体经济组织成员查阅。",
    note="read as binding the assembly that considers the reports and the plan (a meeting "
    "with an annual_accounts motion); 十日前 counted like a notice period, the meeting day "
    "not included",
)
ART27_PROXY = Citation(
    COLLECTIVE_LAW,
    "第二十七条第一款",
    "成员无法在现场参加会议的，可以通过即时通讯工具在线参加会议，或者书面委托本农村集体经济组织同一"
    "户内具有完全民事行为能力的其他家庭成员代为参加会议。",
)

#: The members' assembly's powers a representatives' assembly may not exercise, by the item of
#: Art. 26(1) they belong to (Art. 28(4)).
BARRED: dict[Matter, str] = {
    "charter": "（一）制定、修改章程",
    "member_confirmation": "（三）确认成员",
    "land_contracting": "（八）农村土地承包方案",
    "homestead": "（八）宅基地使用方案",
    "share_quantification": "（八）集体经营性财产收益权份额量化方案",
    "land_compensation": "（十）土地补偿费等的分配、使用办法",
    "merger_division": "（十二）合并、分立",
}


def representatives_powers(m: Meeting, ctx: RuleContext) -> Check:
    """A members' representatives assembly decides none of the members' assembly's powers of
    Art. 26(1) items (一)(三)(八)(十)(十二), nor a non-member's rights, which Art. 15 gives to
    the members' assembly by ALL its members."""
    barred = [x for x in m.motions if x.matter in BARRED]
    non_members = [x for x in m.motions if x.matter == "non_member_rights"]
    if not barred and not non_members:
        return Check.not_applicable(
            "表决事项不属于成员代表大会不得行使的职权",
            "no motion concerns a power the representatives' assembly may not exercise",
        )
    ids = [x.id for x in (*barred, *non_members)]
    items = [BARRED[x.matter] for x in barred] + ["第十五条 非成员享有成员部分权利"] * bool(
        non_members
    )
    cites = (ART28_BARRED, ART26_POWERS) * bool(barred) + (ART15_NON_MEMBERS,) * bool(non_members)
    return Check.failed(
        f"议题{'、'.join(ids)}属于成员大会的职权，成员代表大会不得行使：{'；'.join(dict.fromkeys(items))}",
        f"motion(s) {', '.join(ids)} concern powers of the members' assembly that a "
        f"representatives' assembly may not exercise ({', '.join(x.matter for x in barred)}"
        + (", non_member_rights: Art. 15 needs 3/4 of ALL members" if non_members else "")
        + ")",
        motions=ids,
        matters=sorted({x.matter for x in (*barred, *non_members)}),
    ).citing(*cites)


REPORT_DAYS = Parameter.count(
    "meeting.collective-assemblies.reports-days",
    "年度报告和收益分配方案提供成员查阅的提前天数",
    "collective assemblies: days before the meeting the annual reports and the income "
    "distribution plan are open to members",
    (10, START, None, ART46_REPORTS),
    unit_zh="日",
)
_REPORT_DAYS = Term(
    "reports_days",
    "报告提供查阅至会议召开的天数",
    "days from the reports being open to the meeting",
    "日",
    ("day", "days"),
)


@reads(REPORT_DAYS)
def reports_ahead(m: Meeting, ctx: RuleContext) -> Check:
    """The annual operating and financial reports and the income distribution plan are open to
    the members ten days before the assembly that considers them."""
    motions = [x.id for x in m.motions if x.matter == "annual_accounts"]
    if not motions:
        return Check.not_applicable(
            "会议未审议年度财务预决算、收益分配方案",
            "the meeting does not consider the annual accounts or the distribution plan",
        )
    if m.reports_available_on is None:
        raise MissingDataError(
            "reports_available_on",
            "the day the annual reports and the distribution plan were open to the members is "
            "needed",
            "需要年度经营报告、年度财务会计报告和收益分配方案提供成员查阅的日期",
        )
    days = ctx.count(REPORT_DAYS)
    c = Threshold("at_least", days, _REPORT_DAYS).test((m.held_on - m.reports_available_on).days)
    zh, en = c.text()
    evidence = {
        **c.to_evidence(),
        "motions": motions,
        "reports_available_on": m.reports_available_on.isoformat(),
    }
    if c.passed:
        return Check.passed(
            f"年度报告和收益分配方案已于会议召开前提供成员查阅：{zh}",
            f"the reports were open to the members ahead of the meeting: {en}",
            **evidence,
        )
    return Check.failed(
        f"年度报告和收益分配方案提供成员查阅的时间不足：{zh}",
        f"the reports were not open to the members long enough before the meeting: {en}",
        **evidence,
    )


def household_proxies(m: Meeting, ctx: RuleContext) -> Check:
    """A member who cannot attend may send, by written proxy, another member of the same
    household with full civil capacity (书面委托…同一户内具有完全民事行为能力的其他家庭成员)."""
    if not m.proxies:
        return Check.not_applicable("没有委托代为参加会议", "no one attended by proxy")
    bad: dict[str, list[str]] = {}
    unknown: dict[str, list[str]] = {}
    for p in m.proxies:
        households = (p.principal_household_id, p.holder_household_id)
        same = None if None in households else households[0] == households[1]
        facts = (
            ("written", p.written),
            ("same_household", same),
            ("holder_full_capacity", p.holder_full_capacity),
        )
        for key, value in facts:
            if value is False:
                bad.setdefault(p.principal_id, []).append(key)
            elif value is None:
                unknown.setdefault(p.principal_id, []).append(key)
    evidence = {"proxies": len(m.proxies), "failing": bad, "unknown": unknown}
    if bad:
        detail = "；".join(f"{pid}：{'、'.join(keys)}" for pid, keys in bad.items())
        return Check.failed(
            f"委托代为参加会议不符合书面委托同一户内具有完全民事行为能力的其他家庭成员的要求：{detail}",
            "a proxy must be written and held by another member of the principal's household "
            "with full civil capacity: "
            + "; ".join(f"{pid}: {', '.join(keys)}" for pid, keys in bad.items()),
            **evidence,
        )
    if unknown:
        detail = "；".join(f"{pid}：{'、'.join(keys)}" for pid, keys in unknown.items())
        return Check(
            "indeterminate",
            f"委托记录未载明：{detail}",
            "the proxy record does not say: "
            + "; ".join(f"{pid}: {', '.join(keys)}" for pid, keys in unknown.items()),
            evidence,
        )
    return Check.passed(
        f"{len(m.proxies)}项委托均为书面委托同一户内具有完全民事行为能力的其他家庭成员",
        f"each of the {len(m.proxies)} proxies is written and held by another member of the "
        "household with full civil capacity",
        **evidence,
    )


RULES = (
    Rule(
        id="meeting.collective-representatives-powers",
        title_zh="成员代表大会不得行使成员大会制定章程、确认成员、承包宅基地量化方案、土地补偿费分配和"
        "合并分立的职权",
        title_en="A collective's representatives' assembly does not exercise the members' "
        "assembly's powers over the charter, membership, land plans, land compensation, "
        "merger and division, or non-members' rights",
        kind="prohibition",
        severity="must",
        scope=Scope(Meeting, assembly="collective_representatives_assembly"),
        check=representatives_powers,
        citations=(ART28_BARRED, ART26_POWERS, ART15_NON_MEMBERS),
        valid_from=START,
    ),
    Rule(
        id="meeting.collective-reports",
        title_zh="年度经营报告、年度财务会计报告和收益分配方案于成员大会、成员代表大会召开十日前提供成员查阅",
        title_en="The annual reports and the income distribution plan are open to members ten "
        "days before the assembly",
        kind="obligation",
        severity="must",
        scope=Scope(
            Meeting,
            assembly=("collective_members_assembly", "collective_representatives_assembly"),
        ),
        check=reports_ahead,
        citations=(ART46_REPORTS,),
        valid_from=START,
    ),
    Rule(
        id="meeting.collective-proxy",
        title_zh="成员可以书面委托同一户内具有完全民事行为能力的其他家庭成员代为参加成员大会",
        title_en="A member may send by written proxy another member of the household with full "
        "civil capacity",
        kind="obligation",
        severity="must",
        scope=Scope(Meeting, assembly="collective_members_assembly"),
        check=household_proxies,
        citations=(ART27_PROXY,),
        valid_from=START,
    ),
)
