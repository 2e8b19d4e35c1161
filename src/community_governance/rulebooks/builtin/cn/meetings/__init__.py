"""The meeting rules of the national rulebook: one rule per question (request, notice,
quorum, majority, owners' counting), driven by the pass rules of every meeting type, and the
rules of particular matters (matters reserved to the residents' and villagers' assemblies,
charters and their filing, the mediation committee's election, a collective's barred powers,
reports and proxies, owners' duties, dismissing the property service company); with them the
rules on an assembly's record of meetings (`frequency`) and a collective's officers
(`collective_bodies`).

A meeting is judged by the `PassRule` of its assembly (and community kind) in force on the
day, an entry of the table ``meeting.pass-rules`` (`PASS_RULE_TABLE`) that a local rulebook
may replace by key or add to; the numbers are the dated parameters each entry names, from
`meetings_urban`, `meetings_village`, `meetings_owners` and `meetings_collective`, each citing
its article. The rules of one assembly declare it in their scope.
"""

from __future__ import annotations

from .....checks import meetings as _meeting_checks
from .....checks.pass_rules import PASS_RULES
from .....models import Meeting
from .....rules.citation import Citation
from .....rules.rule import DeclaredCheck, Rule
from .....rules.scope import Scope
from .....rules.table import Table
from . import assemblies as meetings_assemblies
from . import charters as meetings_charters
from . import collective as meetings_collective
from . import collective_bodies as meetings_collective_bodies
from . import collective_powers as meetings_collective_powers
from . import frequency as meetings_frequency
from . import mediation as meetings_mediation
from . import owners as meetings_owners
from . import owners_duties as meetings_owners_duties
from . import property as meetings_property
from . import residents_matters as meetings_residents_matters
from . import urban as meetings_urban
from . import village as meetings_village
from . import villagers_matters as meetings_villagers_matters

_MODULES = (meetings_urban, meetings_village, meetings_owners, meetings_collective)

#: The table ``meeting.pass-rules``: every meeting type's pass rule under each text of the
#: law, keyed ``<assembly>[.<urban|village>].<year of the text>``.
PASS_RULE_TABLE = Table(
    PASS_RULES,
    "会议的召集、通知、到会人数和表决规则",
    "Meeting pass rules: request, notice, quorum and majority of each meeting type",
    tuple(e for mod in _MODULES for e in mod.ENTRIES),
)
TABLES = (PASS_RULE_TABLE,)


#: How 以上 / 超过 / 过半数 are read; the article fixing each number is cited with its value.
ART1259 = Citation(
    meetings_owners.CIVIL_CODE,
    "第一千二百五十九条",
    "民法所称的“以上”、“以下”、“以内”、“届满”，包括本数；所称的“不满”、“超过”、“以外”，不包括本数。",
    note="read into the quantifiers of every statute here (过半数: more than half); the "
    "article that fixes each number is cited with the parameter value used",
)


def _cited(aspect: str) -> tuple[Citation, ...]:
    return tuple(dict.fromkeys(c for mod in _MODULES for c in mod.CITATIONS[aspect]))


def _rule(
    rule_id: str, zh: str, en: str, aspect: str, check: DeclaredCheck, by_quantifier: bool = True
) -> Rule:
    """One of the four rules every meeting type shares, driven by the table of pass rules."""
    return Rule(
        id=rule_id,
        title_zh=zh,
        title_en=en,
        kind="obligation",
        severity="must",
        scope=Scope(Meeting),
        check=check,
        citations=(ART1259,) if by_quantifier else _cited(aspect),
    )


RULES = (
    _rule(
        "meeting.request",
        "达到法定比例的提议，召集人应当召集会议",
        "A request by the statutory share of members obliges the convener to call the meeting",
        "request",
        _meeting_checks.request,
    ),
    _rule(
        "meeting.notice",
        "召集会议应当按法定期限提前通知",
        "Notice of the meeting is given the statutory number of days ahead",
        "notice",
        _meeting_checks.notice,
        by_quantifier=False,
    ),
    _rule(
        "meeting.quorum",
        "会议应当有法定比例的人员参加方可召开（作出决定）",
        "The meeting decides only with the statutory share attending or taking part",
        "quorum",
        _meeting_checks.quorum,
    ),
    _rule(
        "meeting.majority",
        "会议决定应当经法定比例同意",
        "A motion is adopted only with the statutory majority of its base",
        "majority",
        _meeting_checks.majority,
    ),
    # 可以按照…计算 (SPC Interp. Art. 8-9): a permitted method, so a departure warns (review D6)
    Rule(
        id="meeting.owners-count",
        title_zh="业主人数可以按专有部分计算，同一买受人多套及建设单位未售部分按一人计算",
        title_en="Owners may be counted per unit; several units of one buyer, and the "
        "developer's unsold units, count as one owner",
        kind="obligation",
        severity="advisory",
        scope=Scope(Meeting, assembly="owners_assembly"),
        check=_meeting_checks.owners_count,
        citations=(meetings_owners.ART9, meetings_owners.ART8),
        valid_from=meetings_owners.CIVIL_CODE_IN_FORCE,
    ),
    *meetings_assemblies.RULES,
    *meetings_residents_matters.RULES,
    *meetings_villagers_matters.RULES,
    *meetings_charters.RULES,
    *meetings_mediation.RULES,
    *meetings_collective.RULES,
    *meetings_collective_powers.RULES,
    *meetings_property.RULES,
    *meetings_owners_duties.RULES,
    *meetings_frequency.RULES,
    *meetings_collective_bodies.RULES,
)
