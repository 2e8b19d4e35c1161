"""Matters the residents' assembly (居民会议) decides, and its delegation to the residents'
representatives assembly (居民代表会议): urban 2018 Art. 10(2), Art. 15 (until 2025-12-31) and
2025 Art. 30(1)–(2) (from 2026-01-01).

From 2026 the residents' assembly may authorise the representatives' assembly to decide any
of them («居民会议可以授权居民代表会议讨论决定上述事项»), recorded as ``Meeting.delegated``.
The 2018 text has no representatives' assembly and no such authorisation: a representatives'
assembly that decided a reserved matter then fails, unless the record says it was authorised —
then the national text cannot say whether that was allowed (a provincial measure may have), and
the finding is ``indeterminate``.
"""

from __future__ import annotations

import datetime as dt

import attrs

from .....models.meeting import Matter, Meeting
from .....rules.citation import Citation
from .....rules.rule import Check, Rule, RuleContext
from .....rules.scope import Scope
from ...sources import URBAN_2018, URBAN_2025
from .urban import _NOTE_2018, NEW, OLD

ART10_2018_MATTERS = Citation(
    URBAN_2018,
    "第十条第二款",
    "涉及全体居民利益的重要问题，居民委员会必须提请居民会议讨论决定。",
    note=_NOTE_2018,
)
ART15_2018_CONVENTION = Citation(
    URBAN_2018,
    "第十五条第一款",
    "居民公约由居民会议讨论制定，报不设区的市、市辖区的人民政府或者它的派出机关备案",
    note=_NOTE_2018,
)
ART30_2025_MATTERS = Citation(
    URBAN_2025,
    "第三十条第一款、第二款",
    "居民会议制定或者修改居民自治章程、居民公约；审议居民委员会的年度工作报告，评议居民委员会成员的"
    "工作；讨论决定其他涉及全体居民利益的重要事项。居民会议可以授权居民代表会议讨论决定上述事项。",
)


@attrs.frozen(slots=True)
class ResidentsMatters:
    """The matters reserved to the residents' assembly in one text of the law."""

    valid_from: dt.date
    valid_to: dt.date | None
    matters: frozenset[Matter]
    citations: tuple[Citation, ...]
    #: whether the text lets the residents' assembly authorise the representatives' assembly
    delegable: bool


LISTS = (
    ResidentsMatters(
        OLD,
        NEW,
        frozenset({"common_interest", "convention"}),
        (ART10_2018_MATTERS, ART15_2018_CONVENTION),
        delegable=False,
    ),
    ResidentsMatters(
        NEW,
        None,
        frozenset(
            {"charter", "convention", "annual_work_report", "member_evaluation", "common_interest"}
        ),
        (ART30_2025_MATTERS,),
        delegable=True,
    ),
)

#: The urban meetings: the residents' assembly, and the representatives' assembly of an urban
#: or village-turned-residence community.
URBAN_MEETINGS = Scope(Meeting, assembly="residents_assembly") | Scope(
    Meeting, assembly="representatives_assembly", community_kind=("urban", "village_to_residence")
)


def residents_matters(m: Meeting, ctx: RuleContext) -> Check:
    """A matter reserved to the residents' assembly is decided by it, or (from 2026) by the
    representatives' assembly it authorised."""
    lst = next(
        r for r in LISTS if r.valid_from <= ctx.at and (r.valid_to is None or ctx.at < r.valid_to)
    )
    reserved = [x for x in m.motions if x.matter in lst.matters]
    if not reserved:
        return Check.not_applicable(
            "表决事项不属于须经居民会议讨论决定的事项",
            "no motion concerns a matter reserved to the residents' assembly",
        )
    ids = [x.id for x in reserved]
    matters = sorted({x.matter for x in reserved})
    evidence = {"motions": ids, "matters": matters, "body": m.body, "delegated": m.delegated}
    where = "；".join(f"{c.source} {c.locator}" for c in lst.citations)
    if m.body == "residents_assembly":
        return Check.passed(
            f"议题{'、'.join(ids)}属于须经居民会议讨论决定的事项，由居民会议决定",
            f"motion(s) {', '.join(ids)} on reserved matters ({', '.join(matters)}) decided by "
            "the residents' assembly",
            **evidence,
        ).citing(*lst.citations)
    if m.delegated and lst.delegable:
        return Check.passed(
            f"议题{'、'.join(ids)}由居民代表会议经居民会议授权决定",
            f"motion(s) {', '.join(ids)} decided by the representatives' assembly under the "
            "residents' assembly's authorisation",
            **evidence,
        ).citing(*lst.citations)
    if m.delegated:
        return Check(
            "indeterminate",
            f"议题{'、'.join(ids)}属于须经居民会议讨论决定的事项；当时的法律（{where}）未规定居民会议"
            "可以授权居民代表会议决定，地方性法规是否允许，此处未建模，无法判定",
            f"motion(s) {', '.join(ids)} concern matters reserved to the residents' assembly; the "
            f"law then ({where}) does not provide for authorising a representatives' assembly, "
            "and whether a provincial measure did is not modelled, so it cannot be judged",
            {**evidence, "missing": "a local rule allowing the delegation"},
        ).citing(*lst.citations)
    return Check.failed(
        f"议题{'、'.join(ids)}属于须经居民会议讨论决定的事项，居民代表会议未经居民会议授权不得决定"
        f"（{where}）",
        f"motion(s) {', '.join(ids)} concern matters reserved to the residents' assembly "
        f"({', '.join(matters)}); the representatives' assembly was not authorised to decide "
        f"them ({where})",
        **evidence,
    ).citing(*lst.citations)


RULES = (
    Rule(
        id="meeting.residents-assembly-matters",
        title_zh="居民自治章程、居民公约和涉及全体居民利益的重要事项由居民会议（或经其授权的居民代表会议）"
        "讨论决定",
        title_en="The residents' charter and convention, the committee's annual report and "
        "matters of all residents' interest are decided by the residents' assembly, or by the "
        "representatives' assembly it authorised",
        kind="obligation",
        severity="must",
        scope=URBAN_MEETINGS,
        check=residents_matters,
        citations=(ART10_2018_MATTERS, ART15_2018_CONVENTION, ART30_2025_MATTERS),
        valid_from=OLD,
    ),
)
