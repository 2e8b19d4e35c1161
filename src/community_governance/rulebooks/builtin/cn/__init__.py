"""``cn``: national statutes — the urban residents' committee organic law, dated."""

from __future__ import annotations

from ....checks import bodies as _body_checks
from ....models import BodyComposition
from ....rules.citation import Citation
from ....rules.parameter import Parameter, ParameterVersion
from ....rules.rule import Rule
from ....rules.scope import Scope
from ..._rulebook import Rulebook
from .. import procedures as procedures_major_matter
from ..sources import URBAN_1989_IN_FORCE, URBAN_2018, URBAN_2025, URBAN_2025_IN_FORCE
from . import access as access_cn
from . import bodies as cn_bodies
from . import disclosure, meetings
from . import elections as cn_elections
from . import evaluation as cn_evaluation
from . import lists as cn_lists
from . import recall as cn_recall
from . import village as cn_village
from . import village_elections as cn_village_elections

ART7_2018 = Citation(
    URBAN_2018,
    "第七条",
    "居民委员会由主任、副主任和委员共五至九人组成",
    note="Art. 7 is unchanged since the 1989 law took effect on 1990-01-01; cited as amended "
    "2018-12-29. Superseded by the 2025 revision (Art. 8) on 2026-01-01.",
)
ART8_2025 = Citation(URBAN_2025, "第八条第一款", "居民委员会由主任、副主任和委员共五至九人组成")
ART8_2025_WOMAN = Citation(URBAN_2025, "第八条第二款", "居民委员会成员中，应当有妇女成员")
ART50_2025 = Citation(URBAN_2025, "第五十条", "本法自2026年1月1日起施行")

PARAMETERS = (
    Parameter(
        "residents-committee.size.min",
        "居民委员会成员人数下限",
        "residents' committee: fewest members",
        "count",
        (
            ParameterVersion(5, URBAN_1989_IN_FORCE, URBAN_2025_IN_FORCE, ART7_2018),
            ParameterVersion(5, URBAN_2025_IN_FORCE, None, ART8_2025),
        ),
        unit_zh="名",
    ),
    Parameter(
        "residents-committee.size.max",
        "居民委员会成员人数上限",
        "residents' committee: most members",
        "count",
        (
            ParameterVersion(9, URBAN_1989_IN_FORCE, URBAN_2025_IN_FORCE, ART7_2018),
            ParameterVersion(9, URBAN_2025_IN_FORCE, None, ART8_2025),
        ),
        unit_zh="名",
    ),
)

RULES = (
    Rule(
        id="residents-committee.size",
        title_zh="居民委员会由主任、副主任和委员共五至九人组成",
        title_en="A residents' committee has 5 to 9 members (chair, vice-chairs, members)",
        kind="obligation",
        severity="must",
        scope=Scope(BodyComposition),
        check=_body_checks.size(
            "residents_committee",
            "residents-committee.size.min",
            "residents-committee.size.max",
            ("urban", "village_to_residence"),
        ),
        citations=(ART7_2018, ART8_2025),
        parameters=("residents-committee.size.min", "residents-committee.size.max"),
    ),
    Rule(
        id="residents-committee.woman",
        title_zh="居民委员会成员中应当有妇女成员",
        title_en="A residents' committee must include a woman",
        kind="obligation",
        severity="must",
        scope=Scope(BodyComposition),
        check=_body_checks.has_woman("residents_committee", ("urban", "village_to_residence")),
        citations=(ART8_2025_WOMAN, ART50_2025),
        valid_from=URBAN_2025_IN_FORCE,
    ),
)


def build() -> Rulebook:
    """Build the national rulebook."""
    return Rulebook(
        id="cn",
        version="2026.1",
        title_zh="国家法律（城市居民委员会组织法等）",
        title_en="National statutes (urban residents' committee organic law, …)",
        rules=(
            *RULES,
            *cn_bodies.RULES,
            *cn_village.RULES,
            *cn_elections.RULES,
            *cn_village_elections.RULES,
            *cn_recall.RULES,
            *cn_evaluation.RULES,
            *meetings.RULES,
            *disclosure.RULES,
            *access_cn.RULES,
        ),
        parameters=(
            *PARAMETERS,
            *cn_bodies.PARAMETERS,
            *cn_village.PARAMETERS,
            *cn_elections.PARAMETERS,
            *cn_village_elections.PARAMETERS,
            *cn_recall.PARAMETERS,
            *cn_evaluation.PARAMETERS,
            *meetings.PARAMETERS,
            *disclosure.PARAMETERS,
        ),
        citations=(ART7_2018, ART50_2025),
        procedures=(procedures_major_matter.NATIONAL,),
        tables=cn_lists.TABLES,
    )
