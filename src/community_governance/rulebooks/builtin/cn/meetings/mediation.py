"""The people's mediation committee (人民调解委员会) as a body the committees must set up, and
the assemblies that elect its members (人民调解法 Art. 8(1), 9(1), in force from 2011-01-01).

The mediation law says «设立» without exception, but the organic laws, re-enacted since,
have a committee set up its sub-committees «根据需要» and let a committee of few residents or a
village of few people do without them (urban 2018 Art. 13; 2025 Art. 9; village 2018 Art. 7;
2025 Art. 9), and the input records neither the need nor the population. So the rule only
warns (advisory): a community that records no mediation committee gets an ``indeterminate``
warning, never a silent pass, and the committee's own verdict does not turn on it.
"""

from __future__ import annotations

from .....exceptions import MissingDataError
from .....models.body import BodyComposition
from .....models.meeting import Meeting
from .....rules.citation import Citation
from .....rules.rule import Check, Rule, RuleContext
from .....rules.scope import Scope
from ...sources import (
    MEDIATION_2010,
    MEDIATION_IN_FORCE,
    URBAN_2018,
    URBAN_2025,
    VILLAGE_2018,
    VILLAGE_2025,
)
from . import urban, village

M8_REQUIRED = Citation(MEDIATION_2010, "第八条第一款", "村民委员会、居民委员会设立人民调解委员会。")
M9_ELECTED = Citation(
    MEDIATION_2010,
    "第九条第一款",
    "村民委员会、居民委员会的人民调解委员会委员由村民会议或者村民代表会议、居民会议推选产生",
)
U13_2018_FEW = Citation(
    URBAN_2018,
    "第十三条",
    "居民委员会根据需要设人民调解、治安保卫、公共卫生等委员会。……居民较少的居民委员会可以不设下属的"
    "委员会，由居民委员会的成员分工负责有关工作。",
    note=urban._NOTE_2018,
)
U9_2025_NEED = Citation(
    URBAN_2025, "第九条", "居民委员会根据需要设人民调解、治安保卫、公共卫生、环境和物业管理"
)
V7_2018_FEW = Citation(
    VILLAGE_2018,
    "第七条",
    "人口少的村的村民委员会可以不设下属委员会，由村民委员会成员分工负责人民调解、治安保卫、公共卫生"
    "与计划生育等工作。",
    note=village._NOTE_2018,
)
V9_2025_FEW = Citation(
    VILLAGE_2025,
    "第九条",
    "人口少的村的村民委员会可以不设下属委员会",
    note=village._NOTE_2025,
)

_URBAN_KINDS = ("urban", "village_to_residence")
COMMITTEES = Scope(
    BodyComposition, body_kind="residents_committee", community_kind=_URBAN_KINDS
) | Scope(BodyComposition, body_kind="village_committee", community_kind="rural")


def mediation_required(s: BodyComposition, ctx: RuleContext) -> Check:
    """The community of a residents' or village committee has a people's mediation committee."""
    found = [b.id for b in s.bodies_of_kind("mediation_committee")]
    if found:
        return Check.passed(
            f"已设立人民调解委员会（{'、'.join(found)}）",
            f"a people's mediation committee is set up ({', '.join(found)})",
            found=found,
        ).citing(M8_REQUIRED)
    raise MissingDataError(
        "community.bodies",
        "no mediation_committee is recorded; the committee must set one up — record it, or the "
        "community lacks it (the organic laws let a committee of few residents or a village of "
        "few people do without sub-committees; the population is not recorded)",
        "未登记人民调解委员会；村民委员会、居民委员会设立人民调解委员会（组织法规定居民较少的居民"
        "委员会、人口少的村的村民委员会可以不设下属委员会，人口未登记）",
    )


_ELECTING = ("residents_assembly", "villagers_assembly")


def mediation_election(m: Meeting, ctx: RuleContext) -> Check:
    """The committee's mediation committee is elected by the villagers' assembly, the village
    representatives' assembly or the residents' assembly (推选产生)."""
    motions = [x.id for x in m.motions if x.matter == "mediation_committee"]
    if not motions:
        return Check.not_applicable(
            "会议未推选人民调解委员会委员", "the meeting did not elect mediation committee members"
        )
    evidence = {"motions": motions, "body": m.body, "community_kind": m.community_kind}
    village_reps = m.body == "representatives_assembly" and m.community_kind == "rural"
    if m.body in _ELECTING or village_reps:
        return Check.passed(
            f"人民调解委员会委员由{m.body}推选产生",
            f"mediation committee members elected by the {m.body}",
            **evidence,
        )
    if m.body == "representatives_assembly" and m.delegated and ctx.at >= urban.NEW:
        return Check(
            "indeterminate",
            "人民调解法规定居民委员会的人民调解委员会委员由居民会议推选产生；居民会议可以授权居民代表会议"
            "讨论决定涉及全体居民利益的重要事项（城市居民委员会组织法第三十条第二款），是否包括推选人民"
            "调解委员会委员，法律未明确，无法判定",
            "the mediation law has the residents' assembly elect the mediation committee; the "
            "residents' assembly may authorise the representatives' assembly to decide matters "
            "of all residents' interest (urban 2025 Art. 30(2)), and whether that covers this "
            "election is not settled, so it cannot be judged",
            {**evidence, "missing": "whether the election may be delegated"},
        ).citing(M9_ELECTED)
    return Check.failed(
        "人民调解委员会委员由村民会议或者村民代表会议、居民会议推选产生，该会议不能推选",
        f"mediation committee members are elected by the villagers' assembly, the village "
        f"representatives' assembly or the residents' assembly, not by the {m.body}",
        **evidence,
    )


RULES = (
    Rule(
        id="mediation-committee.required",
        title_zh="村民委员会、居民委员会设立人民调解委员会（仅提示）",
        title_en="A residents' or village committee sets up a people's mediation committee "
        "(warns: the organic laws allow small communities to do without)",
        kind="obligation",
        severity="advisory",
        scope=COMMITTEES,
        check=mediation_required,
        citations=(M8_REQUIRED, U13_2018_FEW, U9_2025_NEED, V7_2018_FEW, V9_2025_FEW),
        valid_from=MEDIATION_IN_FORCE,
    ),
    Rule(
        id="meeting.mediation-committee-election",
        title_zh="人民调解委员会委员由村民会议或者村民代表会议、居民会议推选产生",
        title_en="Mediation committee members are elected by the villagers' assembly, the "
        "village representatives' assembly or the residents' assembly",
        kind="obligation",
        severity="must",
        scope=Scope(Meeting),
        check=mediation_election,
        citations=(M9_ELECTED,),
        valid_from=MEDIATION_IN_FORCE,
    ),
)
