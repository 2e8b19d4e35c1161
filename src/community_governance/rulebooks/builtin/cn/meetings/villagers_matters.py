"""Matters only the villagers' assembly (村民会议) decides, unless it delegates them to the
village representatives' assembly: 2018 Art. 24 (until 2025-12-31), 2025 Art. 28 (from
2026-01-01).

A villager-group meeting decides its own group's land, enterprises, other property and public
welfare (2018 Art. 28(3); 2025 Art. 32(1), (4)). The record's ``matter`` does not say whether
the land or property is the group's or the village's, so a group's motion on such a matter is
``indeterminate`` (naming that fact), never refused; a matter that is the village's by its
nature (本村享受误工补贴的人员, 乡村建设, 本村重点帮扶人员) still fails.
"""

from __future__ import annotations

import datetime as dt

import attrs

from .....models.meeting import Matter, Meeting
from .....rules.citation import Citation
from .....rules.rule import Check, Rule, RuleContext
from .....rules.scope import Scope
from ...sources import VILLAGE_2018, VILLAGE_2025
from .village import _NOTE_2018, _NOTE_2025, ART19_LAND_CONTRACTING, NEW, OLD

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


ART28_GROUP_2018 = Citation(
    VILLAGE_2018,
    "第二十八条第三款",
    "属于村民小组的集体所有的土地、企业和其他财产的经营管理以及公益事项的办理，由村民小组会议依照"
    "有关法律的规定讨论决定",
    note=_NOTE_2018,
)
ART32_GROUP_2025 = Citation(
    VILLAGE_2025,
    "第三十二条第一款、第四款",
    "村民小组会议讨论决定本村民小组的重要事项。……村民小组代行农村集体经济组织职能的，由村民小组"
    "会议依照有关法律的规定讨论决定属于村民小组的集体所有的土地、企业和其他财产的经营管理以及公益"
    "事项的办理",
    note=_NOTE_2025,
)

#: Matters that may be a villager group's own: its land, enterprises and other property, and
#: its public welfare (2018 Art. 28(3); 2025 Art. 32). Which they are, the record does not say.
GROUP_MATTERS: frozenset[Matter] = frozenset(
    {
        "land_contracting",
        "collective_project",
        "collective_income_use",
        "homestead",
        "land_compensation",
        "collective_property",
        "public_welfare",
    }
)


@attrs.frozen(slots=True)
class ReservedMatters:
    """The matters reserved to the villagers' assembly in one text of the law."""

    valid_from: dt.date
    valid_to: dt.date | None
    matters: frozenset[Matter]
    citation: Citation
    group: Citation
    #: matters another law sends to the villagers' assembly (or its representatives), so a
    #: group decides them only for its own property: from 2026 the land-contracting plan,
    #: which the 2025 list dropped but 农村土地承包法 Art. 19 still sends there
    by_other_law: frozenset[Matter] = frozenset()


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
        ART28_GROUP_2018,
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
        ART32_GROUP_2025,
        frozenset({"land_contracting"}),
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
    if m.body == "villager_group":
        return _group(m, lst)
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
        ).citing(lst.citation)
    if m.body == "representatives_assembly" and m.delegated:
        return Check.passed(
            f"议题{'、'.join(ids)}由村民代表会议经村民会议授权决定",
            f"motion(s) {', '.join(ids)} decided by the village representatives' assembly under "
            "the villagers' assembly's authorisation",
            **evidence,
        ).citing(lst.citation)
    return Check.failed(
        f"议题{'、'.join(ids)}属于须经村民会议讨论决定的事项，未经村民会议授权（{where}）",
        f"motion(s) {', '.join(ids)} concern matters reserved to the villagers' assembly "
        f"({', '.join(matters)}); a {m.body} may decide them only if the villagers' assembly "
        f"authorised a representatives' assembly ({where})",
        **evidence,
    ).citing(lst.citation)


def _group(m: Meeting, lst: ReservedMatters) -> Check:
    """A villager group's motions on reserved matters: the village's own matters fail; the
    group's land, property and public welfare are its own to decide, but the record does not
    say whose they are (indeterminate)."""
    village = [x for x in m.motions if x.matter in lst.matters - GROUP_MATTERS]
    maybe = [
        x
        for x in m.motions
        if x.matter in (lst.matters | lst.by_other_law) and x.matter in GROUP_MATTERS
    ]
    where = f"{lst.citation.source} {lst.citation.locator}"
    if village:
        ids = [x.id for x in village]
        matters = sorted({x.matter for x in village})
        return Check.failed(
            f"议题{'、'.join(ids)}是本村的事项，须经村民会议讨论决定，村民小组会议无权决定（{where}）",
            f"motion(s) {', '.join(ids)} concern the village's own matters ({', '.join(matters)}), "
            f"reserved to the villagers' assembly; a villager-group meeting cannot decide them "
            f"({where})",
            motions=ids,
            matters=matters,
            body=m.body,
        ).citing(lst.citation)
    if not maybe:
        return Check.not_applicable(
            "表决事项不属于须经村民会议讨论决定的事项",
            "no motion concerns a matter reserved to the villagers' assembly",
        )
    ids = [x.id for x in maybe]
    matters = sorted({x.matter for x in maybe})
    group = f"{lst.group.source} {lst.group.locator}"
    cites: tuple[Citation, ...] = (lst.group, lst.citation)
    if lst.by_other_law & set(matters):
        cites = (*cites, ART19_LAND_CONTRACTING)
    return Check(
        "indeterminate",
        f"议题{'、'.join(ids)}涉及土地、集体财产或者公益事项：属于村民小组的，由村民小组会议讨论决定"
        f"（{group}）；属于村的，须经村民会议讨论决定（{where}）。会议记录未载明该财产或者事项属于"
        "村民小组还是村，无法判定",
        f"motion(s) {', '.join(ids)} concern land, collective property or public welfare "
        f"({', '.join(matters)}): the group's own are decided by the villager-group meeting "
        f"({group}), the village's by the villagers' assembly ({where}); the record does not "
        "say whose they are, so the motion cannot be judged",
        {
            "motions": ids,
            "matters": matters,
            "body": m.body,
            "missing": "whether the land, property or public welfare is the villager group's",
        },
    ).citing(*cites)


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
        citations=(ART24_2018, ART28_2025, ART28_GROUP_2018, ART32_GROUP_2025),
        valid_from=OLD,
    ),
)
