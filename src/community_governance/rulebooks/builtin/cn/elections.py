"""``cn`` election rules for residents' committees (2025 urban law, Art. 15–19; the 2018 urban
text left elections to provincial measures), and what the election, recall and evaluation
modules share: the citation helpers and the election scopes."""

from __future__ import annotations

from fractions import Fraction

from ....checks import elections as ec
from ....checks import proxies as pc
from ....checks import tally as tc
from ....models import Election
from ....rules.citation import Citation
from ....rules.parameter import Parameter
from ....rules.rule import Rule
from ....rules.scope import Scope
from ..sources import URBAN_2025, URBAN_2025_IN_FORCE, VILLAGE_2018
from .bodies import CLOSE_RELATIVES, U16_STAND

__all__ = [
    "MAJORITY_SHARE",
    "PARAMETERS",
    "RC",
    "RULES",
    "RUNOFF_SHARE",
    "TURNOUT_REPRESENTATIVES_SHARE",
    "TURNOUT_SHARE",
    "U16_STAND",
    "URBAN_ELECTION",
    "V18",
    "VC",
    "VILLAGE_ELECTION",
    "U",
]

RC, VC = "residents_committee", "village_committee"
#: The elections of a residents' committee (urban rules).
URBAN_ELECTION = Scope(Election, body_kind=RC)
#: The elections of a village committee (village rules).
VILLAGE_ELECTION = Scope(Election, body_kind=VC)
_FROM = URBAN_2025_IN_FORCE


def U(locator: str, quote: str) -> Citation:
    """A citation of the 2025 urban law."""
    return Citation(URBAN_2025, locator, quote)


def V18(locator: str, quote: str, note: str = "") -> Citation:
    """A citation of the 2018 village law."""
    return Citation(VILLAGE_2018, locator, quote, note=note)


U16_AGE = U("第十六条第一款", "年满十八周岁的居民")
U16_WORKER = U(
    "第十六条第三款",
    "户籍不在本社区，在本社区工作六个月以上的社区工作者，本人申请参加选举的，由居民选举委员会确认并进行登记",
)
U16_REG = U("第十六条第二款", "户籍不在本社区但在本社区常住的居民")
U17_LIST = U("第十七条第一款", "经登记的选民名单应当在选举日的二十日前公布")
U17_OBJ = U(
    "第十七条第二款",
    "应当自名单公布之日起五日内向居民选举委员会提出申诉，居民选举委员会应当自收到申诉之日起三日内作出处理决定",
)
U18_NOM = U("第十八条", "居民委员会成员候选人由社区党组织或者十名以上选民联合提名推荐")
U18_SEATS = U("第十八条", "候选人的名额应当多于应选名额")
U15_WITHDRAW = U(
    "第十五条第三款",
    "居民选举委员会成员或者其近亲属被提名为居民委员会成员候选人的，应当退出居民选举委员会",
)
U19_TURNOUT = U("第十九条第一款", "有选民的过半数参加投票，选举有效")
U19_TURNOUT_REPS = U(
    "第十九条第一款", "采取居民代表选举方式的，有超过三分之二的居民代表参加投票，选举有效"
)
U19_MAJORITY = U("第十九条第二款", "候选人获得参加投票的人员过半数的选票，始得当选")
U19_RUNOFF = U("第十九条第二款", "所得票数不得少于已投选票总数的三分之一")
U19_WRITTEN = U("第十九条第四款", "可以书面委托本社区其他选民代为投票")
U19_LIMIT = U("第十九条第四款", "每一选民接受的委托不得超过三人")
U19_CANDIDATE = U("第十九条第四款", "候选人不得接受委托投票")
U19_REPS = U("第十九条第四款", "采取居民代表选举方式的，不实行委托投票")
U19_PROXY_LIST = U("第十九条第四款", "居民选举委员会应当公布委托人和受托人的名单")
U19_BALLOT = U(
    "第十九条第三款",
    "选举实行无记名投票、公开计票的方法，选举结果应当当场公布。选举时，应当设立秘密写票处",
)
U18_BARS = U(
    "第十八条",
    "被开除中国共产党党籍，因犯罪受过刑事处罚，利用黑恶势力从事非法活动，组织或者参加非法宗教活动或者邪教活动的，不得作为候选人",
)
U18_MEET = U("第十八条", "居民选举委员会应当组织候选人与居民见面")
U17_ELECTORS = U(
    "第十七条第一款",
    "采取每户派代表或者居民代表选举方式的，应当同时公布户的代表或者新一届居民代表名单",
)
U17_RESULT = U(
    "第十七条第二款", "居民选举委员会应当自收到申诉之日起三日内作出处理决定，并公布处理结果"
)
U38_AUDITED = U("第三十八条第一款", "居民委员会主任实行任期和离任经济责任审计")
U38_OUTGOING = Citation(
    URBAN_2025,
    "第三十八条第二款",
    "其中离任经济责任审计结果应当在下一届居民委员会选举之前公布",
    note="The library's reading: the chair serving when the next committee is elected leaves "
    "that term (离任), so the audit's result is due before that election; the election records "
    "it (Election.outgoing_audit). A by-election or a run-off is not the next committee's "
    "election.",
)
U38_REQUESTS = U(
    "第三十八条第一款第四项", "本社区三分之一以上居民代表或者十分之一以上的居民要求审计的其他事项"
)
HALF, THIRD, TWO_THIRDS = Fraction(1, 2), Fraction(1, 3), Fraction(2, 3)

VOTER_AGE = Parameter.count(
    "election.voter-age",
    "选民年龄下限（周岁）",
    "voting age",
    (18, _FROM, None, U16_AGE),
    unit_zh="周岁",
)
WORKER_MONTHS = Parameter.count(
    "election.community-worker-months",
    "非户籍社区工作者在本社区工作月数下限",
    "months a non-registered community worker must have worked here",
    (6, _FROM, None, U16_WORKER),
    unit_zh="个月",
)
VOTER_LIST_DAYS = Parameter.count(
    "election.voter-list-days",
    "选民名单提前公布日数",
    "days the voter list is published before the election",
    (20, _FROM, None, U17_LIST),
    unit_zh="日",
)
OBJECTION_DAYS = Parameter.count(
    "election.objection-days",
    "申诉期限（日）",
    "days to object to the voter list",
    (5, _FROM, None, U17_OBJ),
    unit_zh="日",
)
OBJECTION_DECISION_DAYS = Parameter.count(
    "election.objection-decision-days",
    "申诉处理期限（日）",
    "days to decide an objection",
    (3, _FROM, None, U17_OBJ),
    unit_zh="日",
)
NOMINATORS = Parameter.count(
    "election.nominators",
    "联合提名选民人数下限",
    "fewest voters nominating jointly",
    (10, _FROM, None, U18_NOM),
    unit_zh="名",
)
TURNOUT_SHARE = Parameter.share(
    "election.turnout-share",
    "选举有效的投票比例（过半数）",
    "turnout for a valid election",
    (HALF, _FROM, None, U19_TURNOUT),
)
TURNOUT_REPRESENTATIVES_SHARE = Parameter.share(
    "election.turnout-representatives-share",
    "居民代表选举有效的投票比例（超过）",
    "turnout for a valid election by representatives",
    (TWO_THIRDS, _FROM, None, U19_TURNOUT_REPS),
)
MAJORITY_SHARE = Parameter.share(
    "election.majority-share",
    "当选所需票数比例（过半数）",
    "votes needed to be elected",
    (HALF, _FROM, None, U19_MAJORITY),
)
RUNOFF_SHARE = Parameter.share(
    "election.runoff-share",
    "另行选举当选票数比例下限",
    "least share of ballots to win a run-off",
    (THIRD, _FROM, None, U19_RUNOFF),
)
PROXIES_MAX = Parameter.count(
    "election.proxies.max",
    "每一选民接受委托人数上限",
    "most proxies one voter may hold",
    (3, _FROM, None, U19_LIMIT),
    unit_zh="人",
)

AUDIT_REPRESENTATIVES_SHARE = Parameter.share(
    "election.audit-request.representatives-share",
    "要求审计其他事项的居民代表比例下限",
    "least share of representatives whose request adds a matter to the audit",
    (THIRD, _FROM, None, U38_REQUESTS),
)
AUDIT_RESIDENTS_SHARE = Parameter.share(
    "election.audit-request.residents-share",
    "要求审计其他事项的居民比例下限",
    "least share of residents whose request adds a matter to the audit",
    (Fraction(1, 10), _FROM, None, U38_REQUESTS),
)
#: Registered in this order (the rules read them all; `cn` lists them for ``cgov rules``).
PARAMETERS = (
    VOTER_AGE,
    WORKER_MONTHS,
    VOTER_LIST_DAYS,
    OBJECTION_DAYS,
    OBJECTION_DECISION_DAYS,
    NOMINATORS,
    TURNOUT_SHARE,
    TURNOUT_REPRESENTATIVES_SHARE,
    MAJORITY_SHARE,
    RUNOFF_SHARE,
    PROXIES_MAX,
    AUDIT_REPRESENTATIVES_SHARE,
    AUDIT_RESIDENTS_SHARE,
)

#: What bars a person from standing under the urban law (Art. 18; no 宗族, which the village
#: law adds).
URBAN_BARS = (
    "expelled_from_party",
    "criminal_penalty",
    "organised_crime",
    "illegal_religion_or_cult",
)

RULES = (
    Rule(
        id="election.voter-list-notice",
        title_zh="选民名单应当在选举日的二十日前公布",
        title_en="The voter list is published at least 20 days before the election",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.voter_list_notice(VOTER_LIST_DAYS),
        citations=(U17_LIST,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.electors-list",
        title_zh="采取每户派代表或者居民代表选举方式的，应当同时公布户的代表或者新一届居民代表名单",
        title_en="By household or residents' representatives, their list is published with the "
        "voter list",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.electors_list,
        citations=(U17_ELECTORS,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.objections",
        title_zh="对选民名单的申诉应当在三日内作出处理决定",
        title_en="Objections to the voter list are decided within 3 days",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.objections(OBJECTION_DAYS, OBJECTION_DECISION_DAYS),
        citations=(U17_OBJ,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.objection-results",
        title_zh="申诉的处理结果应当公布",
        title_en="The decisions on objections are published",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.objection_results,
        citations=(U17_RESULT,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.eligibility",
        title_zh="选民登记：年满十八周岁，户籍或常住居民，或工作六个月以上的社区工作者",
        title_en="Voters are 18, registered or habitually resident, or community workers of "
        "6 months",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.urban_eligibility(VOTER_AGE, WORKER_MONTHS),
        citations=(U16_AGE, U16_REG, U16_WORKER),
        valid_from=_FROM,
    ),
    Rule(
        id="election.nomination",
        title_zh="候选人由社区党组织或者十名以上选民联合提名推荐",
        title_en="Candidates are nominated by the party organisation or by at least 10 voters "
        "jointly",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.nomination(NOMINATORS, _FROM, VOTER_AGE),
        citations=(U18_NOM, U16_STAND),
        valid_from=_FROM,
    ),
    Rule(
        id="election.candidate-eligibility",
        title_zh="候选人应当年满十八周岁且未被剥夺政治权利（被选举权）",
        title_en="Candidates are 18 or older and hold political rights (the right to stand)",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.candidate_eligibility(VOTER_AGE),
        citations=(U16_STAND,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.candidate-disqualification",
        title_zh="被开除党籍、因犯罪受过刑事处罚、利用黑恶势力从事非法活动、组织或者参加非法宗教"
        "活动或者邪教活动的，不得作为候选人",
        title_en="Nobody expelled from the Party, criminally punished, using organised crime, or "
        "organising or joining illegal religious or cult activities may stand",
        kind="prohibition",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.candidate_disqualifications(URBAN_BARS),
        citations=(U18_BARS,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.candidates-meet-voters",
        title_zh="居民选举委员会应当组织候选人与居民见面",
        title_en="The election committee has the candidates meet the residents",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.candidates_met_voters,
        citations=(U18_MEET,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.candidates-exceed-seats",
        title_zh="候选人的名额应当多于应选名额",
        title_en="More candidates than seats",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.candidates_exceed_seats,
        citations=(U18_SEATS,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.committee-withdrawal",
        title_zh="选举委员会成员或其近亲属被提名为候选人的应当退出",
        title_en="Election committee members who, or whose close relatives, stand must withdraw",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.committee_withdrawal(_FROM),
        citations=(U15_WITHDRAW, CLOSE_RELATIVES),
        valid_from=_FROM,
    ),
    Rule(
        id="election.turnout",
        title_zh="选民或户的代表过半数、或超过三分之二的居民代表参加投票，选举有效",
        title_en="Valid when more than half of voters or households, or more than 2/3 of "
        "representatives, vote",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=tc.turnout(TURNOUT_SHARE, TURNOUT_REPRESENTATIVES_SHARE),
        citations=(U19_TURNOUT, U19_TURNOUT_REPS),
        valid_from=_FROM,
    ),
    Rule(
        id="election.result",
        title_zh="候选人获得参加投票的人员过半数的选票始得当选；另行选举不少于三分之一",
        title_en="Elected with more than half of the ballots cast; a run-off needs at least 1/3",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=tc.result(TURNOUT_SHARE, TURNOUT_REPRESENTATIVES_SHARE, MAJORITY_SHARE, RUNOFF_SHARE),
        citations=(U19_MAJORITY, U19_RUNOFF),
        valid_from=_FROM,
    ),
    Rule(
        id="election.ballot",
        title_zh="无记名投票、公开计票，选举结果当场公布，设立秘密写票处",
        title_en="A secret ballot, counted in public, the result announced on the spot, with a "
        "private booth",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=tc.ballot(),
        citations=(U19_BALLOT,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.proxy-written",
        title_zh="委托投票应当书面委托",
        title_en="Proxies are given in writing",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=pc.proxy_written,
        citations=(U19_WRITTEN,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.proxy-limit",
        title_zh="每一选民接受的委托不得超过三人",
        title_en="Nobody holds more than 3 proxies",
        kind="prohibition",
        severity="must",
        scope=URBAN_ELECTION,
        check=pc.proxy_limit(PROXIES_MAX),
        citations=(U19_LIMIT,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.proxy-candidate",
        title_zh="候选人不得接受委托投票",
        title_en="Candidates may not hold proxies",
        kind="prohibition",
        severity="must",
        scope=URBAN_ELECTION,
        check=pc.proxy_candidate,
        citations=(U19_CANDIDATE,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.proxy-representatives",
        title_zh="采取居民代表选举方式的，不实行委托投票",
        title_en="No proxies when representatives elect",
        kind="prohibition",
        severity="must",
        scope=URBAN_ELECTION,
        check=pc.proxy_representatives,
        citations=(U19_REPS,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.proxy-list",
        title_zh="居民选举委员会应当公布委托人和受托人的名单",
        title_en="The election committee publishes who gave and who holds proxies",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=pc.proxy_list_published,
        citations=(U19_PROXY_LIST,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.outgoing-audit",
        title_zh="离任经济责任审计结果应当在下一届居民委员会选举之前公布",
        title_en="The outgoing chair's economic-responsibility audit is published before the next "
        "committee's election",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.outgoing_audit(frozenset({"chair"})),
        citations=(U38_AUDITED, U38_OUTGOING),
        valid_from=_FROM,
    ),
    Rule(
        id="election.audit-requests",
        title_zh="三分之一以上居民代表或者十分之一以上的居民要求审计的其他事项，应当纳入审计",
        title_en="A matter asked for by at least 1/3 of the representatives or 1/10 of the "
        "residents is audited",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.audit_requests(
            AUDIT_RESIDENTS_SHARE,
            AUDIT_REPRESENTATIVES_SHARE,
            village=False,
            audited_roles=frozenset({"chair"}),
        ),
        citations=(U38_REQUESTS,),
        valid_from=_FROM,
    ),
)
