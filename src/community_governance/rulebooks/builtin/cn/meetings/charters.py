"""Charters and conventions (自治章程, 居民公约, 村规民约; a collective's 章程): who makes them, and
their filing (备案) with the government above.

Who makes the urban ones is `residents_matters` (urban 2018 Art. 15; 2025 Art. 30); the
village's are made by the villagers' assembly (2018 Art. 27(1); 2025 Art. 31(1)); a
collective's by its members' assembly (农村集体经济组织法 Art. 26(1)(一), `collective_powers`).

The law sets no time limit for the filing, so a charter never fails for a filing not yet made:
an adopted charter whose filing is not recorded is ``indeterminate`` (the procedure is not
shown complete), and one whose filing is recorded passes.
"""

from __future__ import annotations

import datetime as dt

import attrs

from .....models.meeting import Matter, Meeting
from .....rules.citation import Citation
from .....rules.rule import Check, Rule, RuleContext
from .....rules.scope import Scope
from ...sources import URBAN_2025, VILLAGE_2018, VILLAGE_2025
from . import urban, village
from .collective import COLLECTIVE_LAW, COLLECTIVE_LAW_IN_FORCE
from .residents_matters import ART15_2018_CONVENTION

ART27_2018_CHARTER = Citation(
    VILLAGE_2018,
    "第二十七条第一款",
    "村民会议可以制定和修改村民自治章程、村规民约，并报乡、民族乡、镇的人民政府备案。",
    note=village._NOTE_2018,
)
ART31_2025_CHARTER = Citation(
    VILLAGE_2025,
    "第三十一条第一款",
    "村民会议可以制定和修改村民自治章程、村规民约，并报乡、民族乡、镇的人民政府备案。",
    note=village._NOTE_2025,
)
ART25_2018_AUTHORISED = Citation(
    VILLAGE_2018,
    "第二十五条第一款",
    "人数较多或者居住分散的村，可以设立村民代表会议，讨论决定村民会议授权的事项。",
    note=village._NOTE_2018,
)
ART29_2025_AUTHORISED = Citation(
    VILLAGE_2025,
    "第二十九条第一款",
    "人数较多或者居住分散的村，可以设立村民代表会议，讨论决定村民会议授权的事项。",
    note=village._NOTE_2025,
)
ART31_2025_URBAN_FILING = Citation(
    URBAN_2025,
    "第三十一条第一款",
    "居民自治章程、居民公约应当报不设区的市、市辖区的人民政府或者街道办事处备案。",
)
ART20_COLLECTIVE_FILING = Citation(
    COLLECTIVE_LAW,
    "第二十条第二款",
    "农村集体经济组织章程应当报乡镇人民政府、街道办事处和县级人民政府农业农村主管部门备案。",
)

_INSTRUMENTS: frozenset[Matter] = frozenset({"charter", "convention"})
_VILLAGE_MEETINGS = Scope(Meeting, assembly=("villagers_assembly", "villager_group")) | Scope(
    Meeting, assembly="representatives_assembly", community_kind="rural"
)


def _village_texts(at: dt.date) -> tuple[Citation, Citation]:
    """The charter article and the representatives' assembly's article in force on ``at``."""
    if at >= village.NEW:
        return ART31_2025_CHARTER, ART29_2025_AUTHORISED
    return ART27_2018_CHARTER, ART25_2018_AUTHORISED


def village_charter(m: Meeting, ctx: RuleContext) -> Check:
    """The village's self-government charter and its village rules (村规民约) are made by the
    villagers' assembly — not by a villager group, nor by the representatives' assembly
    unless the villagers' assembly authorised it, and whether it may is not settled."""
    motions = [x for x in m.motions if x.matter in _INSTRUMENTS]
    if not motions:
        return Check.not_applicable(
            "会议未表决村民自治章程、村规民约", "no motion on the charter or the village rules"
        )
    charter, authorised = _village_texts(ctx.at)
    ids = [x.id for x in motions]
    evidence = {"motions": ids, "body": m.body, "delegated": m.delegated}
    if m.body == "villagers_assembly":
        return Check.passed(
            f"议题{'、'.join(ids)}（村民自治章程、村规民约）由村民会议制定",
            f"motion(s) {', '.join(ids)} on the charter or village rules made by the villagers' "
            "assembly",
            **evidence,
        ).citing(charter)
    if m.body == "representatives_assembly" and m.delegated:
        return Check(
            "indeterminate",
            "村民自治章程、村规民约由村民会议制定；村民代表会议讨论决定村民会议授权的事项，但法律列举"
            "可以授权的事项时未列入章程、村规民约，能否授权法律未明确，地方性法规此处未建模，无法判定",
            "the villagers' assembly makes the charter and the village rules; the representatives' "
            "assembly decides what the villagers' assembly authorises, but the law's lists of "
            "delegable matters leave these out, and whether they may be delegated is not settled "
            "nationally (local measures are not modelled), so it cannot be judged",
            {**evidence, "missing": "whether the charter may be delegated"},
        ).citing(charter, authorised)
    who = "村民小组会议" if m.body == "villager_group" else "村民代表会议（未经村民会议授权）"
    return Check.failed(
        f"议题{'、'.join(ids)}：村民自治章程、村规民约由村民会议制定，{who}不得制定",
        f"motion(s) {', '.join(ids)}: the charter and the village rules are made by the "
        f"villagers' assembly, not by a {m.body}"
        + (" without its authorisation" if m.body == "representatives_assembly" else ""),
        **evidence,
    ).citing(charter)


@attrs.frozen(slots=True)
class _Filing:
    """The duty to file an assembly's charter or convention under one text of the law."""

    matters: frozenset[Matter]
    citation: Citation


def _filing(m: Meeting, at: dt.date) -> _Filing | None:
    """The filing duty that binds the meeting's instruments on ``at``, if any is modelled."""
    urban_kinds = ("urban", "village_to_residence")
    if m.body == "residents_assembly" or (
        m.body == "representatives_assembly" and m.community_kind in urban_kinds
    ):
        if at >= urban.NEW:
            return _Filing(_INSTRUMENTS, ART31_2025_URBAN_FILING)
        if at >= urban.OLD:
            return _Filing(frozenset({"convention"}), ART15_2018_CONVENTION)
        return None
    if m.body in ("collective_members_assembly", "collective_representatives_assembly"):
        if at >= COLLECTIVE_LAW_IN_FORCE:
            return _Filing(frozenset({"charter"}), ART20_COLLECTIVE_FILING)
        return None
    if at >= village.OLD:
        return _Filing(_INSTRUMENTS, _village_texts(at)[0])
    return None


def charter_filed(m: Meeting, ctx: RuleContext) -> Check:
    """An adopted charter or convention is filed with the government above (备案); the law
    sets no time limit, so an unrecorded filing is unknown, never a failure."""
    duty = _filing(m, ctx.at)
    adopted = [x for x in m.motions if x.matter in _INSTRUMENTS and x.result == "adopted"]
    if duty is None or not [x for x in adopted if x.matter in duty.matters]:
        return Check.not_applicable(
            "会议未通过须备案的章程、公约", "no adopted charter or convention to file"
        )
    due = [x for x in adopted if x.matter in duty.matters]
    filed = {x.id: x.filed_on.isoformat() for x in due if x.filed_on is not None}
    unfiled = [x.id for x in due if x.filed_on is None]
    evidence = {"motions": [x.id for x in due], "filed": filed, "not_recorded": unfiled}
    if unfiled:
        return Check(
            "indeterminate",
            f"议题{'、'.join(unfiled)}通过的章程、公约应当报备案，记录未载明备案日期",
            f"the charter or convention adopted by motion(s) {', '.join(unfiled)} must be filed; "
            "the record does not show the filing (filed_on)",
            {**evidence, "missing": "motions.filed_on"},
        ).citing(duty.citation)
    return Check.passed(
        "通过的章程、公约已报备案：" + "；".join(f"议题{k}于{v}" for k, v in filed.items()),
        "the adopted charter or convention was filed: "
        + "; ".join(f"motion {k} on {v}" for k, v in filed.items()),
        **evidence,
    ).citing(duty.citation)


RULES = (
    Rule(
        id="meeting.villagers-assembly-charter",
        title_zh="村民自治章程、村规民约由村民会议制定和修改",
        title_en="The village's charter and village rules are made by the villagers' assembly",
        kind="obligation",
        severity="must",
        scope=_VILLAGE_MEETINGS,
        check=village_charter,
        citations=(
            ART27_2018_CHARTER,
            ART31_2025_CHARTER,
            ART25_2018_AUTHORISED,
            ART29_2025_AUTHORISED,
        ),
        valid_from=village.OLD,
    ),
    Rule(
        id="meeting.charter-filing",
        title_zh="自治章程、居民公约、村规民约和农村集体经济组织章程应当报备案",
        title_en="An adopted charter or convention is filed with the government above",
        kind="obligation",
        severity="must",
        scope=Scope(
            Meeting,
            assembly=(
                "residents_assembly",
                "representatives_assembly",
                "villagers_assembly",
                "collective_members_assembly",
                "collective_representatives_assembly",
            ),
        ),
        check=charter_filed,
        citations=(
            ART15_2018_CONVENTION,
            ART31_2025_URBAN_FILING,
            ART27_2018_CHARTER,
            ART31_2025_CHARTER,
            ART20_COLLECTIVE_FILING,
        ),
        valid_from=urban.OLD,
    ),
)
