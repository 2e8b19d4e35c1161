"""``cn.shandong``: Shandong's community governance as its civil-affairs department reported it
(seed 001, ~2015).

The seed is an article by the department's head reporting results, not a normative text. What
it reports as done becomes a rule a locality can hold itself to, and only warns (advisory):

- the items communities assist the government with cut from over a hundred to 30: a cap on
  the size of an assistance list (``work-item.lists.assistance.max``), which a locality's
  rulebook file may set to its own number; Shandong's list itself (30 items) is declared by its
  size, its items not being published in the seed, so an item found on no list is
  indeterminate here, not refused;
- 四位一体 in gated communities: the community party organisation, the residents' committee,
  the owners' committee and the property service enterprise each present (the seed names
  these four; it names no police station);
- every 村改居 community with a service station.

Dating: the article is undated. It reports a provincial meeting of October 2015 and the year's
documents (今年出台文件9个) as past, so it is no older than October 2015; its rules start on
2015-11-01, the first day after that month, so that they never apply before it can have been
written.
"""

from __future__ import annotations

import datetime as dt

from ...checks import composition as _composition_checks
from ...checks import compounds, list_caps
from ...checks.work_item_lists import DeclaredCount, declared_table
from ...models import BodyComposition, WorkItem
from ...models.compound import Compound
from ...rules.citation import Citation
from ...rules.parameter import Parameter
from ...rules.rule import Rule
from ...rules.scope import Scope
from .._rulebook import Rulebook

__all__ = ["SEED_SHANDONG", "SHANDONG_FROM", "build"]

SEED_SHANDONG = "001_b8651b238e8282bd.txt"
#: The first day after October 2015, the latest month the undated article reports as past.
SHANDONG_FROM = dt.date(2015, 11, 1)
_NOTE = (
    "article by Shandong's head of civil affairs reporting results (~2015), not a normative "
    "text: read as the locality's benchmark, the rule warns; undated, it reports October 2015 "
    "as past, so its rules start on 2015-11-01"
)

ARTICLE = Citation(
    SEED_SHANDONG,
    "第一部分（堅持從戰略…）一是 (dated)",
    "2015年10月,省政府召開全省城鄉(xiāng)社區(qū)治理和服務(wù)創(chuàng)新工作會(huì)議進(jìn)行專題部署",
    note=_NOTE,
)
LISTS = Citation(
    SEED_SHANDONG,
    "第三部分（堅持突出重點…）一是",
    "實(shí)行社區(qū)居委會(huì)依法自治和依法協(xié)助政府開展公共服務(wù)事項(xiàng)清單管理",
    note=_NOTE,
)
CUT_TO_30 = Citation(
    SEED_SHANDONG,
    "第三部分（堅持突出重點…）一是",
    "社區(qū)協(xié)助政府辦理的行政事項(xiàng)由100余項(xiàng)減為30項(xiàng)",
    note=_NOTE + "; the 30 items are not published in the seed: the list is declared by its size",
)
FOUR_IN_ONE = Citation(
    SEED_SHANDONG,
    "第二部分（堅持緊扣統籌…）二是",
    "在封閉型社區(qū)推行社區(qū)黨組織、居委會(huì)、業(yè)主委員會(huì)、物業(yè)服務(wù)企業(yè)“四位一體”管理模式",
    note=_NOTE + "; 推行 (promote) is read as guidance",
)
STATIONS = Citation(
    SEED_SHANDONG,
    "第二部分（堅持緊扣統籌…）一是",
    "3041個(gè)“村改居”社區(qū)全部建立社區(qū)服務(wù)站",
    note=_NOTE + "; 3,041 is a progress figure; what it reports — every 村改居 community with "
    "a service station — is the rule",
)

#: The most items an assistance list may hold (減為30項: at most 30).
ASSISTANCE_MAX = Parameter.count(
    "work-item.lists.assistance.max",
    "依法协助政府事项清单事项数上限",
    "assistance list: most items",
    (30, SHANDONG_FROM, None, CUT_TO_30),
    unit_zh="项",
)
SHANDONG_LIST = "shandong.community-lists"
DECLARED = (DeclaredCount(SHANDONG_LIST, "assistance", 30, CUT_TO_30, valid_from=SHANDONG_FROM),)
#: Judged on the residents' committee of a 村改居 community: the community must have a station.
VILLAGE_TO_RESIDENCE = Scope(
    BodyComposition, body_kind="residents_committee", community_kind="village_to_residence"
)

RULES = (
    Rule(
        id="work-item.assistance-list-size",
        title_zh="社区协助政府办理的行政事项不超过{work-item.lists.assistance.max}项",
        title_en="An assistance list holds at most {work-item.lists.assistance.max} items",
        kind="prohibition",
        severity="advisory",
        scope=Scope(WorkItem, committee="residents_committee"),
        check=list_caps.assistance_list_size(ASSISTANCE_MAX),
        citations=(CUT_TO_30, LISTS),
        valid_from=SHANDONG_FROM,
    ),
    Rule(
        id="compound.four-in-one",
        title_zh="封闭型社区推行社区党组织、居委会、业主委员会、物业服务企业“四位一体”管理模式",
        title_en="A gated community is run by the party organisation, the residents' committee, "
        "the owners' committee and the property service enterprise together",
        kind="obligation",
        severity="advisory",
        scope=Scope(Compound, compound_kind="gated"),
        check=compounds.four_in_one,
        citations=(FOUR_IN_ONE,),
        valid_from=SHANDONG_FROM,
    ),
    Rule(
        id="service-station.village-to-residence",
        title_zh="“村改居”社区建立社区服务站",
        title_en="A village-to-residence community has a service station",
        kind="obligation",
        severity="advisory",
        scope=VILLAGE_TO_RESIDENCE,
        check=_composition_checks.required_body("service_station"),
        citations=(STATIONS,),
        valid_from=SHANDONG_FROM,
    ),
)


def build(parent: Rulebook) -> Rulebook:
    """Build the Shandong rulebook on top of ``cn``."""
    return parent.extend(
        "cn.shandong",
        "2015.1",
        title_zh="山东省城乡社区治理（民政厅，约2015年）",
        title_en="Shandong community governance (civil-affairs department, ~2015)",
        rules=RULES,
        citations=(ARTICLE,),
        tables=(declared_table(DECLARED),),
    )
