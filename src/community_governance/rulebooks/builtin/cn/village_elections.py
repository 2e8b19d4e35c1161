"""``cn`` village election rules (村民委员会组织法: 2018 text Art. 11–15, 2025 amendment
Art. 14–18, by date)."""

from __future__ import annotations

from fractions import Fraction

from ....checks import elections as ec
from ....checks import proxies as pc
from ....checks import tally as tc
from .bodies import CLOSE_RELATIVES
from .elections import _NEW, V18, VC, _rule, village_param
from .village import _v25

__all__ = ["PARAMETERS", "RULES"]

HALF, THIRD = Fraction(1, 2), Fraction(1, 3)
_VILLAGE_TURNOUT = ("village-election.turnout-share", None)

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


PARAMETERS = (
    village_param(
        "village-election.voter-age",
        "村民选民年龄下限（周岁）",
        "voting age (village)",
        18,
        V13_AGE,
        V16_AGE,
        "周岁",
    ),
    village_param(
        "village-election.residence-years",
        "非户籍村民居住年数下限",
        "years a non-registered resident must have lived in the village",
        1,
        V13_RES,
        V16_RES,
        "年",
    ),
    village_param(
        "village-election.voter-list-days",
        "村民名单提前公布日数",
        "days the voter list is published before the election (village)",
        20,
        V14_LIST,
        V17_LIST,
        "日",
    ),
    village_param(
        "village-election.objection-days",
        "申诉期限（日）",
        "days to object to the voter list (village)",
        5,
        V14_OBJ,
        V17_OBJ,
        "日",
    ),
    village_param(
        "village-election.objection-decision-days",
        "申诉处理期限（日）",
        "days to decide an objection (village)",
        3,
        V14_OBJ,
        V17_OBJ,
        "日",
    ),
    village_param(
        "village-election.nominators",
        "提名候选人的村民人数下限",
        "fewest registered villagers nominating",
        1,
        V15_NOM,
        V18_NOM,
    ),
    village_param(
        "village-election.turnout-share",
        "选举有效的投票比例（过半数）",
        "turnout for a valid village election",
        HALF,
        V15_VALID,
        V18_VALID,
    ),
    village_param(
        "village-election.majority-share",
        "当选所需票数比例（过半数）",
        "votes needed to be elected (village)",
        HALF,
        V15_MAJORITY,
        V18_MAJORITY,
    ),
    village_param(
        "village-election.runoff-share",
        "另行选举当选票数比例下限",
        "least share of ballots to win a run-off (village)",
        THIRD,
        V15_RUNOFF,
        V18_RUNOFF,
    ),
    village_param(
        "village-election.proxies.max",
        "每一村民接受委托人数上限",
        "most proxies one villager may hold",
        3,
        None,
        V18_LIMIT,
        "人",
    ),
)

RULES = (
    _rule(
        "village-election.direct",
        "村民委员会由村民直接选举产生",
        "A village committee is elected directly by the villagers",
        tc.direct_election(VC),
        (V11_DIRECT, V14_DIRECT),
        village=True,
    ),
    _rule(
        "village-election.voter-list-notice",
        "登记参加选举的村民名单应当在选举日的二十日前公布",
        "The village voter list is published at least 20 days before the election",
        ec.voter_list_notice(VC, "village-election.voter-list-days"),
        (V14_LIST, V17_LIST),
        ("village-election.voter-list-days",),
        village=True,
    ),
    _rule(
        "village-election.objections",
        "对村民名单的申诉应当在三日内作出处理决定",
        "Objections to the village voter list are decided within 3 days",
        ec.objections(
            VC, "village-election.objection-days", "village-election.objection-decision-days"
        ),
        (V14_OBJ, V17_OBJ),
        ("village-election.objection-days", "village-election.objection-decision-days"),
        village=True,
    ),
    _rule(
        "village-election.eligibility",
        "村民选民登记：年满十八周岁，户籍村民，或居住一年以上经同意的非户籍公民",
        "Village voters are 18 and registered, or resident a year and approved",
        ec.village_eligibility(
            "village-election.voter-age", "village-election.residence-years", _NEW
        ),
        (V13_AGE, V13_RES, V16_AGE, V16_RES),
        ("village-election.voter-age", "village-election.residence-years"),
        village=True,
    ),
    _rule(
        "village-election.one-registration",
        "已在户籍所在村或者居住村登记参加选举的村民，不得再参加其他地方村民委员会的选举",
        "A villager registered to vote in one village may not also take part in another "
        "village's election",
        ec.one_registration(VC, V13_ONCE, V16_ONCE, _NEW),
        (V13_ONCE, V16_ONCE),
        kind="prohibition",
        village=True,
    ),
    _rule(
        "village-election.nomination",
        "候选人由登记参加选举的村民提名（2026年起亦可由村党组织提名）",
        "Candidates are nominated by registered villagers (from 2026 also by the village party "
        "organisation)",
        ec.nomination(VC, "village-election.nominators", _NEW),
        (V15_NOM, V18_NOM),
        ("village-election.nominators",),
        village=True,
    ),
    _rule(
        "village-election.candidates-exceed-seats",
        "候选人的名额应当多于应选名额",
        "More candidates than seats (village)",
        ec.candidates_exceed_seats(VC),
        (V15_SEATS, V18_SEATS),
        village=True,
    ),
    _rule(
        "village-election.committee-withdrawal",
        "村民选举委员会成员（2026年起含其近亲属）被提名为候选人的应当退出",
        "Election committee members (from 2026: or their close relatives) who stand must withdraw",
        ec.committee_withdrawal(VC, _NEW),
        (V12_WITHDRAW, V15_WITHDRAW, CLOSE_RELATIVES),
        village=True,
    ),
    _rule(
        "village-election.turnout",
        "有登记参加选举的村民过半数投票，选举有效",
        "Valid when more than half of the registered villagers vote",
        tc.turnout(VC, *_VILLAGE_TURNOUT),
        (V15_VALID, V18_VALID),
        ("village-election.turnout-share",),
        village=True,
    ),
    _rule(
        "village-election.result",
        "候选人获得参加投票的村民过半数的选票始得当选；另行选举不少于三分之一",
        "Elected with more than half of the ballots cast; a run-off needs at least 1/3 (village)",
        tc.result(
            VC,
            *_VILLAGE_TURNOUT,
            "village-election.majority-share",
            "village-election.runoff-share",
        ),
        (V15_MAJORITY, V15_RUNOFF, V18_MAJORITY, V18_RUNOFF),
        (
            "village-election.turnout-share",
            "village-election.majority-share",
            "village-election.runoff-share",
        ),
        village=True,
    ),
    _rule(
        "village-election.proxy-written",
        "委托投票应当书面委托",
        "Proxies are given in writing (village)",
        pc.proxy_written(VC),
        (V15_PROXY, V18_PROXY),
        village=True,
    ),
    _rule(
        "village-election.proxy-relative",
        "受托人应当是本村有选举权的近亲属（2018年文本）",
        "A proxy must be a close relative with a vote here (2018 text)",
        pc.proxy_relative(VC),
        (V15_PROXY, CLOSE_RELATIVES),
        village=True,
        valid_to=_NEW,
    ),
    _rule(
        "village-election.proxy-limit",
        "每一村民接受委托不得超过三人",
        "Nobody holds more than 3 proxies (village, from 2026)",
        pc.proxy_limit(VC, "village-election.proxies.max"),
        (V18_LIMIT,),
        ("village-election.proxies.max",),
        kind="prohibition",
        valid_from=_NEW,
    ),
    _rule(
        "village-election.proxy-candidate",
        "候选人不得接受委托投票",
        "Candidates may not hold proxies (village, from 2026)",
        pc.proxy_candidate(VC),
        (V18_CANDIDATE,),
        kind="prohibition",
        valid_from=_NEW,
    ),
)
