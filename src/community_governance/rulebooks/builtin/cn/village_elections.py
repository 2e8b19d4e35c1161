"""``cn`` village election rules (村民委员会组织法: 2018 text Art. 11–15, 2025 amendment
Art. 14–18, by date)."""

from __future__ import annotations

from fractions import Fraction

from ....checks import elections as ec
from ....checks import proxies as pc
from ....checks import tally as tc
from ....checks.people import Dated, dated
from ....models.body import COMMITTEE_ROLES
from ....rules.citation import Citation
from ....rules.parameter import Parameter
from ....rules.rule import Rule
from ..sources import VILLAGE_2018_IN_FORCE, VILLAGE_2025, VILLAGE_2025_IN_FORCE
from .bodies import CLOSE_RELATIVES
from .elections import V18, VILLAGE_ELECTION
from .village import V13_STAND, V16_STAND, VILLAGE_2025_DATE_NOTE, _v25

__all__ = ["PARAMETERS", "RULES", "TURNOUT_SHARE"]

#: The 2018 text is in force from _OLD until _NEW, the 2025 amendment from _NEW.
_OLD, _NEW = VILLAGE_2018_IN_FORCE, VILLAGE_2025_IN_FORCE
HALF, THIRD = Fraction(1, 2), Fraction(1, 3)

V11_DIRECT = V18("第十一条第一款", "村民委员会主任、副主任和委员，由村民直接选举产生")
V14_DIRECT = _v25("第十四条第一款", "村民委员会主任、副主任和委员，由村民直接选举产生")
V13_AGE = V18("第十三条第一款", "年满十八周岁的村民")
V16_AGE = _v25("第十六条第一款", "年满十八周岁的村民")

V13_RES = V18(
    "第十三条第二款",
    "户籍不在本村，在本村居住一年以上，本人申请参加选举，并且经村民会议或者村民代表会议同意参加选举的公民",
)
V16_RES = _v25(
    "第十六条第二款",
    "户籍不在本村，在本村居住或者从事村务工作一年以上，本人申请参加选举，并且经村民会议或者村民代表会议同意参加选举的公民",
)
V13_ONCE = V18(
    "第十三条第三款",
    "已在户籍所在村或者居住村登记参加选举的村民，不得再参加其他地方村民委员会的选举",
)
V16_ONCE = _v25(
    "第十六条第三款",
    "已在户籍所在村或者居住村登记参加选举的村民，不得再参加其他地方村民委员会的选举",
)
V14_LIST = V18("第十四条第一款", "登记参加选举的村民名单应当在选举日的二十日前由村民选举委员会公布")
V17_LIST = _v25(
    "第十七条第一款", "登记参加选举的村民名单应当在选举日的二十日前由村民选举委员会公布"
)
V14_OBJ = V18(
    "第十四条第二款",
    "应当自名单公布之日起五日内向村民选举委员会申诉，村民选举委员会应当自收到申诉之日起三日内作出处理决定",
)
V17_OBJ = _v25(
    "第十七条第二款",
    "应当自名单公布之日起五日内向村民选举委员会申诉，村民选举委员会应当自收到申诉之日起三日内作出处理决定",
)
V15_NOM = V18(
    "第十五条第一款",
    "由登记参加选举的村民直接提名候选人",
    note="Read as: any one registered voter may nominate; the party organisation is not named.",
)
V18_NOM = _v25("第十八条第一款", "村民委员会成员候选人由村党组织或者登记参加选举的村民提名推荐")
V15_SEATS = V18("第十五条第一款", "候选人的名额应当多于应选名额")
V18_SEATS = _v25("第十八条第一款", "候选人的名额应当多于应选名额")
V12_WITHDRAW = V18(
    "第十二条第三款", "村民选举委员会成员被提名为村民委员会成员候选人，应当退出村民选举委员会"
)
V15_WITHDRAW = _v25(
    "第十五条第三款",
    "村民选举委员会成员或者其近亲属被提名为村民委员会成员候选人的，应当退出村民选举委员会",
)
V15_VALID = V18("第十五条第二款", "有登记参加选举的村民过半数投票，选举有效")
V18_VALID = _v25("第十八条第二款", "有登记参加选举的村民过半数投票，选举有效")
V15_MAJORITY = V18("第十五条第二款", "候选人获得参加投票的村民过半数的选票，始得当选")
V18_MAJORITY = _v25("第十八条第二款", "候选人获得参加投票的村民过半数的选票，始得当选")
V15_RUNOFF = V18("第十五条第二款", "所得票数不得少于已投选票总数的三分之一")
V18_RUNOFF = _v25("第十八条第二款", "所得票数不得少于已投选票总数的三分之一")
V15_PROXY = V18("第十五条第四款", "可以书面委托本村有选举权的近亲属代为投票")
V18_PROXY = _v25("第十八条第四款", "可以书面委托本村有选举权的近亲属或者其他村民代为投票")
V18_LIMIT = _v25("第十八条第四款", "每一村民接受委托不得超过三人")
V18_CANDIDATE = _v25("第十八条第四款", "候选人不得接受委托投票")
V18_BARS = _v25(
    "第十八条第一款",
    "被开除中国共产党党籍，因犯罪受过刑事处罚，利用宗族或者黑恶势力从事非法活动，组织或者参加非法宗教活动或者邪教活动的，不得作为候选人",
)
V15_MEET = V18("第十五条第一款", "村民选举委员会应当组织候选人与村民见面")
V18_MEET = _v25("第十八条第一款", "村民选举委员会应当组织候选人与村民见面")
V14_RESULT = V18(
    "第十四条第二款", "村民选举委员会应当自收到申诉之日起三日内作出处理决定，并公布处理结果"
)
V17_RESULT = _v25(
    "第十七条第二款", "村民选举委员会应当自收到申诉之日起三日内作出处理决定，并公布处理结果"
)
V15_BALLOT = V18(
    "第十五条第三款",
    "选举实行无记名投票、公开计票的方法，选举结果应当当场公布。选举时，应当设立秘密写票处",
)
V18_BALLOT = _v25(
    "第十八条第三款",
    "选举实行无记名投票、公开计票的方法，选举结果应当当场公布。选举时，应当设立秘密写票处",
)
V15_PROXY_LIST = V18("第十五条第四款", "村民选举委员会应当公布委托人和受委托人的名单")
V18_PROXY_LIST = _v25("第十八条第四款", "村民选举委员会应当公布委托人和受委托人的名单")
V35_AUDITED = V18("第三十五条第一款", "村民委员会成员实行任期和离任经济责任审计")
V40_AUDITED = _v25("第四十条第一款", "村民委员会成员实行任期和离任经济责任审计")
_OUTGOING_NOTE = (
    "The library's reading: the members serving when the next committee is elected leave that "
    "term (离任), so the audit's result is due before that election; the election records it "
    "(Election.outgoing_audit). A by-election or a run-off is not the next committee's election."
)
V35_OUTGOING = V18(
    "第三十五条第二款",
    "其中离任经济责任审计结果应当在下一届村民委员会选举之前公布",
    note=_OUTGOING_NOTE,
)
V40_OUTGOING = Citation(
    VILLAGE_2025,
    "第四十条第二款",
    "其中离任经济责任审计结果应当在下一届村民委员会选举之前公布",
    note=f"{_OUTGOING_NOTE} {VILLAGE_2025_DATE_NOTE}",
)
V35_REQUESTS = V18("第三十五条第一款第六项", "本村五分之一以上的村民要求审计的其他事项")
V40_REQUESTS = _v25("第四十条第一款第六项", "本村五分之一以上的村民要求审计的其他事项")


VOTER_AGE = Parameter.count(
    "village-election.voter-age",
    "村民选民年龄下限（周岁）",
    "voting age (village)",
    (18, _OLD, _NEW, V13_AGE),
    (18, _NEW, None, V16_AGE),
    unit_zh="周岁",
)
RESIDENCE_YEARS = Parameter.count(
    "village-election.residence-years",
    "非户籍村民居住年数下限",
    "years a non-registered resident must have lived in the village",
    (1, _OLD, _NEW, V13_RES),
    (1, _NEW, None, V16_RES),
    unit_zh="年",
)
VOTER_LIST_DAYS = Parameter.count(
    "village-election.voter-list-days",
    "村民名单提前公布日数",
    "days the voter list is published before the election (village)",
    (20, _OLD, _NEW, V14_LIST),
    (20, _NEW, None, V17_LIST),
    unit_zh="日",
)
OBJECTION_DAYS = Parameter.count(
    "village-election.objection-days",
    "申诉期限（日）",
    "days to object to the voter list (village)",
    (5, _OLD, _NEW, V14_OBJ),
    (5, _NEW, None, V17_OBJ),
    unit_zh="日",
)
OBJECTION_DECISION_DAYS = Parameter.count(
    "village-election.objection-decision-days",
    "申诉处理期限（日）",
    "days to decide an objection (village)",
    (3, _OLD, _NEW, V14_OBJ),
    (3, _NEW, None, V17_OBJ),
    unit_zh="日",
)
NOMINATORS = Parameter.count(
    "village-election.nominators",
    "提名候选人的村民人数下限",
    "fewest registered villagers nominating",
    (1, _OLD, _NEW, V15_NOM),
    (1, _NEW, None, V18_NOM),
    unit_zh="名",
)
TURNOUT_SHARE = Parameter.share(
    "village-election.turnout-share",
    "选举有效的投票比例（过半数）",
    "turnout for a valid village election",
    (HALF, _OLD, _NEW, V15_VALID),
    (HALF, _NEW, None, V18_VALID),
)
MAJORITY_SHARE = Parameter.share(
    "village-election.majority-share",
    "当选所需票数比例（过半数）",
    "votes needed to be elected (village)",
    (HALF, _OLD, _NEW, V15_MAJORITY),
    (HALF, _NEW, None, V18_MAJORITY),
)
RUNOFF_SHARE = Parameter.share(
    "village-election.runoff-share",
    "另行选举当选票数比例下限",
    "least share of ballots to win a run-off (village)",
    (THIRD, _OLD, _NEW, V15_RUNOFF),
    (THIRD, _NEW, None, V18_RUNOFF),
)
#: The 2018 text set no limit: the parameter starts with the 2025 amendment.
PROXIES_MAX = Parameter.count(
    "village-election.proxies.max",
    "每一村民接受委托人数上限",
    "most proxies one villager may hold",
    (3, _NEW, None, V18_LIMIT),
    unit_zh="人",
)

AUDIT_VILLAGERS_SHARE = Parameter.share(
    "village-election.audit-request.villagers-share",
    "要求审计其他事项的村民比例下限",
    "least share of villagers whose request adds a matter to the audit",
    (Fraction(1, 5), _OLD, _NEW, V35_REQUESTS),
    (Fraction(1, 5), _NEW, None, V40_REQUESTS),
)

#: Registered in this order (the rules read them all; `cn` lists them for ``cgov rules``).
PARAMETERS = (
    VOTER_AGE,
    RESIDENCE_YEARS,
    VOTER_LIST_DAYS,
    OBJECTION_DAYS,
    OBJECTION_DECISION_DAYS,
    NOMINATORS,
    TURNOUT_SHARE,
    MAJORITY_SHARE,
    RUNOFF_SHARE,
    PROXIES_MAX,
    AUDIT_VILLAGERS_SHARE,
)

#: What bars a person from standing under the village law (2025 Art. 18(1), which adds 宗族).
VILLAGE_BARS = (
    "expelled_from_party",
    "criminal_penalty",
    "organised_crime",
    "clan_force",
    "illegal_religion_or_cult",
)


def _texts(old: Citation, new: Citation) -> Dated:
    """The 2018 citation from _OLD, the 2025 one from _NEW (for `dated`)."""
    return ((_OLD, (old,)), (_NEW, (new,)))


RULES = (
    Rule(
        id="village-election.direct",
        title_zh="村民委员会由村民直接选举产生",
        title_en="A village committee is elected directly by the villagers",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=tc.direct_election,
        citations=(V11_DIRECT, V14_DIRECT),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.voter-list-notice",
        title_zh="登记参加选举的村民名单应当在选举日的二十日前公布",
        title_en="The village voter list is published at least 20 days before the election",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=ec.voter_list_notice(VOTER_LIST_DAYS),
        citations=(V14_LIST, V17_LIST),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.objections",
        title_zh="对村民名单的申诉应当在三日内作出处理决定",
        title_en="Objections to the village voter list are decided within 3 days",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=ec.objections(OBJECTION_DAYS, OBJECTION_DECISION_DAYS),
        citations=(V14_OBJ, V17_OBJ),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.objection-results",
        title_zh="申诉的处理结果应当公布",
        title_en="The decisions on objections to the village voter list are published",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=dated(ec.objection_results, _texts(V14_RESULT, V17_RESULT)),
        citations=(V14_RESULT, V17_RESULT),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.eligibility",
        title_zh="村民选民登记：年满十八周岁，户籍村民，或居住一年以上经同意的非户籍公民",
        title_en="Village voters are 18 and registered, or resident a year and approved",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=ec.village_eligibility(VOTER_AGE, RESIDENCE_YEARS, _NEW),
        citations=(V13_AGE, V13_RES, V16_AGE, V16_RES),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.one-registration",
        title_zh="已在户籍所在村或者居住村登记参加选举的村民，不得再参加其他地方村民委员会的选举",
        title_en="A villager registered to vote in one village may not also take part in another "
        "village's election",
        kind="prohibition",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=ec.one_registration(V13_ONCE, V16_ONCE, _NEW),
        citations=(V13_ONCE, V16_ONCE),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.nomination",
        title_zh="候选人由登记参加选举的村民提名（2026年起亦可由村党组织提名）",
        title_en="Candidates are nominated by registered villagers (from 2026 also by the village "
        "party organisation)",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=ec.nomination(NOMINATORS, _NEW, VOTER_AGE),
        citations=(V15_NOM, V18_NOM),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.candidate-eligibility",
        title_zh="候选人应当年满十八周岁且未被剥夺政治权利（被选举权）",
        title_en="Candidates are 18 or older and hold political rights (village)",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=ec.candidate_eligibility(VOTER_AGE, ((_OLD, (V13_STAND,)), (_NEW, (V16_STAND,)))),
        citations=(V13_STAND, V16_STAND),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.candidate-disqualification",
        title_zh="被开除党籍、因犯罪受过刑事处罚、利用宗族或者黑恶势力从事非法活动、组织或者参加"
        "非法宗教活动或者邪教活动的，不得作为候选人",
        title_en="Nobody expelled from the Party, criminally punished, using clan or organised "
        "crime, or organising or joining illegal religious or cult activities may stand (village)",
        kind="prohibition",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=ec.candidate_disqualifications(VILLAGE_BARS),
        citations=(V18_BARS,),
        valid_from=_NEW,
    ),
    Rule(
        id="village-election.candidates-meet-voters",
        title_zh="村民选举委员会应当组织候选人与村民见面",
        title_en="The village election committee has the candidates meet the villagers",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=dated(ec.candidates_met_voters, _texts(V15_MEET, V18_MEET)),
        citations=(V15_MEET, V18_MEET),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.candidates-exceed-seats",
        title_zh="候选人的名额应当多于应选名额",
        title_en="More candidates than seats (village)",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=ec.candidates_exceed_seats,
        citations=(V15_SEATS, V18_SEATS),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.committee-withdrawal",
        title_zh="村民选举委员会成员（2026年起含其近亲属）被提名为候选人的应当退出",
        title_en="Election committee members (from 2026: or their close relatives) who stand "
        "must withdraw",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=ec.committee_withdrawal(_NEW),
        citations=(V12_WITHDRAW, V15_WITHDRAW, CLOSE_RELATIVES),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.turnout",
        title_zh="有登记参加选举的村民过半数投票，选举有效",
        title_en="Valid when more than half of the registered villagers vote",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=tc.turnout(TURNOUT_SHARE, None),
        citations=(V15_VALID, V18_VALID),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.result",
        title_zh="候选人获得参加投票的村民过半数的选票始得当选；另行选举不少于三分之一",
        title_en="Elected with more than half of the ballots cast; a run-off needs at least 1/3 "
        "(village)",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=tc.result(TURNOUT_SHARE, None, MAJORITY_SHARE, RUNOFF_SHARE),
        citations=(V15_MAJORITY, V15_RUNOFF, V18_MAJORITY, V18_RUNOFF),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.ballot",
        title_zh="无记名投票、公开计票，选举结果当场公布，设立秘密写票处",
        title_en="A secret ballot, counted in public, the result announced on the spot, with a "
        "private booth (village)",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=tc.ballot(_texts(V15_BALLOT, V18_BALLOT)),
        citations=(V15_BALLOT, V18_BALLOT),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.proxy-written",
        title_zh="委托投票应当书面委托",
        title_en="Proxies are given in writing (village)",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=pc.proxy_written,
        citations=(V15_PROXY, V18_PROXY),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.proxy-relative",
        title_zh="受托人应当是本村有选举权的近亲属（2018年文本）",
        title_en="A proxy must be a close relative with a vote here (2018 text)",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=pc.proxy_relative,
        citations=(V15_PROXY, CLOSE_RELATIVES),
        valid_from=_OLD,
        valid_to=_NEW,
    ),
    Rule(
        id="village-election.proxy-limit",
        title_zh="每一村民接受委托不得超过三人",
        title_en="Nobody holds more than 3 proxies (village, from 2026)",
        kind="prohibition",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=pc.proxy_limit(PROXIES_MAX),
        citations=(V18_LIMIT,),
        valid_from=_NEW,
    ),
    Rule(
        id="village-election.proxy-candidate",
        title_zh="候选人不得接受委托投票",
        title_en="Candidates may not hold proxies (village, from 2026)",
        kind="prohibition",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=pc.proxy_candidate,
        citations=(V18_CANDIDATE,),
        valid_from=_NEW,
    ),
    Rule(
        id="village-election.proxy-list",
        title_zh="村民选举委员会应当公布委托人和受委托人的名单",
        title_en="The village election committee publishes who gave and who holds proxies",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=dated(pc.proxy_list_published, _texts(V15_PROXY_LIST, V18_PROXY_LIST)),
        citations=(V15_PROXY_LIST, V18_PROXY_LIST),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.outgoing-audit",
        title_zh="离任经济责任审计结果应当在下一届村民委员会选举之前公布",
        title_en="The outgoing members' economic-responsibility audit is published before the "
        "next village committee's election",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=dated(
            ec.outgoing_audit(COMMITTEE_ROLES),
            ((_OLD, (V35_AUDITED, V35_OUTGOING)), (_NEW, (V40_AUDITED, V40_OUTGOING))),
        ),
        citations=(V35_AUDITED, V35_OUTGOING, V40_AUDITED, V40_OUTGOING),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election.audit-requests",
        title_zh="本村五分之一以上的村民要求审计的其他事项，应当纳入审计",
        title_en="A matter asked for by at least 1/5 of the villagers is audited",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=ec.audit_requests(
            AUDIT_VILLAGERS_SHARE, None, village=True, audited_roles=COMMITTEE_ROLES
        ),
        citations=(V35_REQUESTS, V40_REQUESTS),
        valid_from=_OLD,
    ),
)
