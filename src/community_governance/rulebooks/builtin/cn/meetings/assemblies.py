"""Which community an assembly belongs to: the residents' assembly (居民会议) is the meeting of
a residents' committee's community under the urban organic law; the villagers' assembly
(村民会议) and the villager-group meeting (村民小组会议) are the meetings of a village under the
village organic law.

A residents' assembly recorded in a rural community (农村社区, a village), or a villagers'
assembly in an urban community, is judged by a rule that fails, with its reason, rather than
refused as invalid input: the record is well formed, but no law gives that community that
assembly, so no pass rule can make its decision stand. A residents' committee set up in a
county or township seat (2018 Art. 21; 2025 Art. 47) is an urban community in this model.
"""

from __future__ import annotations

from .....models.meeting import Meeting
from .....rules.rule import Check, Rule, RuleContext
from .....rules.scope import Scope
from . import urban, village

#: The urban law's own words on whose assembly the residents' assembly is, per text.
_URBAN = {
    "2018": (urban.ART1_2018, urban.ART9_1_2018),
    "2025": (urban.ART1_2025, urban.ART26_1_2025),
}
_VILLAGE = {
    "2018": (village.ART1_2018, village.ART21_1_2018),
    "2025": (village.ART1_2025, village.ART25_1_2025),
}

_ZH = {"urban": "城市社区", "village_to_residence": "村改居社区", "rural": "农村社区（村）"}
_VILLAGE_BODIES = ("villagers_assembly", "villager_group")


def assembly_community(m: Meeting, ctx: RuleContext) -> Check:
    """A residents' assembly meets in an urban (or village-turned-residence) community, a
    villagers' assembly or villager-group meeting in a village — not the other way round."""
    text = "2025" if ctx.at >= urban.NEW else "2018"
    kind = m.community_kind
    evidence = {"assembly": m.body, "community_kind": kind}
    if kind is None:
        return Check.not_applicable(
            "未登记社区类型，按会议类型适用相应的组织法",
            "the community kind is not recorded; the assembly is judged by the law of its kind",
            **evidence,
        )
    if m.body == "residents_assembly":
        cites = _URBAN[text]
        if kind == "rural":
            return Check.failed(
                "居民会议是居民委员会所在社区十八周岁以上居民的会议，农村社区（村）由村民会议"
                "讨论决定，不设居民会议",
                "a residents' assembly is the meeting of a residents' committee's community "
                "(城市居民委员会组织法); a rural community is a village, whose assembly is the "
                "villagers' assembly (村民委员会组织法)",
                **evidence,
            ).citing(*cites, *_VILLAGE[text])
        return Check.passed(
            f"居民会议在{_ZH[kind]}召开",
            f"a residents' assembly of an {kind} community",
            **evidence,
        ).citing(*cites)
    cites = _VILLAGE[text]
    if kind == "urban":
        return Check.failed(
            f"{'村民会议' if m.body == 'villagers_assembly' else '村民小组会议'}是村的会议，"
            "城市社区由居民会议讨论决定",
            f"a {m.body} is a meeting of a village (村民委员会组织法); an urban community's "
            "assembly is the residents' assembly",
            **evidence,
        ).citing(*cites, *_URBAN[text])
    if kind == "village_to_residence":
        return Check.not_applicable(
            "村改居社区是否仍召开村民会议（村民小组会议），会议记录不足以判断，此处不作判定",
            "whether a village-turned-residence community still holds a villagers' assembly or "
            "villager-group meeting is not judged here",
            **evidence,
        )
    return Check.passed(
        f"{'村民会议' if m.body == 'villagers_assembly' else '村民小组会议'}在村召开",
        f"a {m.body} of a village",
        **evidence,
    ).citing(*cites)


RULES = (
    Rule(
        id="meeting.assembly-community",
        title_zh="居民会议是城市社区的会议，村民会议、村民小组会议是村的会议",
        title_en="A residents' assembly meets in an urban community; a villagers' assembly or "
        "villager-group meeting in a village",
        kind="obligation",
        severity="must",
        scope=Scope(Meeting, assembly=("residents_assembly", *_VILLAGE_BODIES)),
        check=assembly_community,
        citations=(*_URBAN["2018"], *_URBAN["2025"], *_VILLAGE["2018"], *_VILLAGE["2025"]),
        valid_from=urban.URBAN_2018_AMENDED,
    ),
)
