"""Matters only the villagers' assembly (村民会议) decides, unless it delegates them to the
village representatives' assembly: 2018 Art. 24 (until 2025-12-31), 2025 Art. 28 (from
2026-01-01)."""

from __future__ import annotations

import datetime as dt

import attrs

from .....models.meeting import Matter, Meeting
from .....rules.citation import Citation
from .....rules.rule import Check, Rule, RuleContext
from .....rules.scope import Scope
from ...sources import VILLAGE_2018, VILLAGE_2025
from .village import _NOTE_2018, _NOTE_2025, NEW, OLD

ART24_2018 = Citation(
    VILLAGE_2018,
    "第二十四条",
    "涉及村民利益的下列事项，经村民会议讨论决定方可办理……村民会议可以授权村民代表会议讨论决定"
    "前款规定的事项。",
    note=_NOTE_2018 + "; item (九), matters the assembly itself reserves, is not modelled",
)
ART28_2025 = Citation(
    VILLAGE_2025,
    "第二十八条第一款、第二款",
    "涉及村民利益的下列事项，经村民会议讨论决定方可办理……村民会议可以授权村民代表会议讨论决定"
    "前款规定的事项。",
    note=_NOTE_2025 + "; item (六), other matters set by law or reserved, is not modelled",
)


@attrs.frozen(slots=True)
class ReservedMatters:
    """The matters reserved to the villagers' assembly in one text of the law."""

    valid_from: dt.date
    valid_to: dt.date | None
    matters: frozenset[Matter]
    citation: Citation


LISTS = (
    ReservedMatters(
        OLD,
        NEW,
        frozenset(
            {
                "work_subsidy",
                "collective_income_use",
                "public_welfare",
                "land_contracting",
                "collective_project",
                "homestead",
                "land_compensation",
                "collective_property",
            }
        ),
        ART24_2018,
    ),
    ReservedMatters(
        NEW,
        None,
        frozenset(
            {
                "village_construction",
                "work_subsidy",
                "collective_income_use",
                "public_welfare",
                "assistance_plan",
            }
        ),
        ART28_2025,
    ),
)
#: The meetings of a village; a representatives' assembly is the village's only in a rural
#: community (elsewhere it is the residents' representatives' assembly of the urban law).
_VILLAGE_MEETINGS = Scope(Meeting, assembly=("villagers_assembly", "villager_group")) | Scope(
    Meeting, assembly="representatives_assembly", community_kind="rural"
)


def reserved_matters(m: Meeting, ctx: RuleContext) -> Check:
    """A reserved matter is decided by the villagers' assembly, or by the village
    representatives' assembly it authorised — not by anyone else."""
    lst = next(
        (
            r
            for r in LISTS
            if r.valid_from <= ctx.at and (r.valid_to is None or ctx.at < r.valid_to)
        ),
        None,
    )
    if lst is None:
        return Check.not_applicable(
            f"{ctx.at.isoformat()}未建模须经村民会议讨论决定的事项",
            f"no list of reserved matters is modelled on {ctx.at.isoformat()}",
        )
    reserved = [x for x in m.motions if x.matter in lst.matters]
    if not reserved:
        return Check.not_applicable(
            "表决事项不属于须经村民会议讨论决定的事项",
            "no motion concerns a matter reserved to the villagers' assembly",
        )
    ids = [x.id for x in reserved]
    matters = sorted({x.matter for x in reserved})
    evidence = {"motions": ids, "matters": matters, "body": m.body, "delegated": m.delegated}
    where = f"{lst.citation.source} {lst.citation.locator}"
    if m.body == "villagers_assembly":
        return Check.passed(
            f"议题{'、'.join(ids)}属于须经村民会议讨论决定的事项，由村民会议决定",
            f"motion(s) {', '.join(ids)} on reserved matters ({', '.join(matters)}) decided by "
            "the villagers' assembly",
            **evidence,
        )
    if m.body == "representatives_assembly" and m.delegated:
        return Check.passed(
            f"议题{'、'.join(ids)}由村民代表会议经村民会议授权决定",
            f"motion(s) {', '.join(ids)} decided by the village representatives' assembly under "
            "the villagers' assembly's authorisation",
            **evidence,
        )
    how = "未经村民会议授权" if m.body == "representatives_assembly" else "村民小组会议无权决定"
    return Check.failed(
        f"议题{'、'.join(ids)}属于须经村民会议讨论决定的事项，{how}（{where}）",
        f"motion(s) {', '.join(ids)} concern matters reserved to the villagers' assembly "
        f"({', '.join(matters)}); a {m.body} may decide them only if the villagers' assembly "
        f"authorised a representatives' assembly ({where})",
        **evidence,
    )


RULES = (
    Rule(
        id="meeting.villagers-assembly-matters",
        title_zh="涉及村民利益的法定事项经村民会议（或经其授权的村民代表会议）讨论决定方可办理",
        title_en="Matters reserved to the villagers' assembly are decided by it, or by the "
        "representatives' assembly it authorised",
        kind="obligation",
        severity="must",
        scope=_VILLAGE_MEETINGS,
        check=reserved_matters,
        citations=(ART24_2018, ART28_2025),
        valid_from=OLD,
    ),
)
