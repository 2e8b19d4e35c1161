"""The meeting rules of the national rulebook: one rule per question (request, notice,
quorum, majority, owners' counting), driven by the pass rules of every meeting type, and the
rules of particular matters (reserved village matters, collective representatives, dismissing
the property service company).

A meeting is judged by the `PassRule` of its body (and community kind) in force on the day;
the numbers come from the dated parameters of `meetings_urban`, `meetings_village`,
`meetings_owners`, `meetings_collective` and `meetings_property`, each citing its article.
"""

from __future__ import annotations

from .....checks import meetings as _meeting_checks
from .....checks.pass_rules import PassRule
from .....models import Meeting
from .....rules.citation import Citation
from .....rules.rule import CheckFn, Rule
from .....rules.scope import Scope
from . import collective as meetings_collective
from . import owners as meetings_owners
from . import property as meetings_property
from . import urban as meetings_urban
from . import village as meetings_village
from . import villagers_matters as meetings_villagers_matters

_MODULES = (meetings_urban, meetings_village, meetings_owners, meetings_collective)

#: Every pass rule, in the order they are searched (the first that applies is used).
PASS_RULES: tuple[PassRule, ...] = tuple(r for mod in _MODULES for r in mod.PASS_RULES)
PARAMETERS = (
    *(p for mod in _MODULES for p in mod.PARAMETERS),
    *meetings_property.PARAMETERS,
)


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


def _params(aspect: str) -> tuple[str, ...]:
    names: list[str] = []
    for r in PASS_RULES:
        if aspect == "request":
            names += [s.parameter for s in r.request.values()]
        elif aspect == "notice" and r.notice_days:
            names.append(r.notice_days)
        elif aspect == "quorum":
            names += [s.parameter for shares in r.quorum.values() for s in shares]
        elif aspect == "majority":
            names += [s.parameter for s in (*r.majority, *r.special_majority)]
    return tuple(dict.fromkeys(names))


def _rule(
    rule_id: str, zh: str, en: str, aspect: str, check: CheckFn, by_quantifier: bool = True
) -> Rule:
    return Rule(
        id=rule_id,
        title_zh=zh,
        title_en=en,
        kind="obligation",
        severity="must",
        scope=Scope(Meeting),
        check=check,
        citations=(ART1259,) if by_quantifier else _cited(aspect),
        parameters=_params(aspect),
    )


RULES = (
    _rule(
        "meeting.request",
        "达到法定比例的提议，召集人应当召集会议",
        "A request by the statutory share of members obliges the convener to call the meeting",
        "request",
        _meeting_checks.request(PASS_RULES),
    ),
    _rule(
        "meeting.notice",
        "召集会议应当按法定期限提前通知",
        "Notice of the meeting is given the statutory number of days ahead",
        "notice",
        _meeting_checks.notice(PASS_RULES),
        by_quantifier=False,
    ),
    _rule(
        "meeting.quorum",
        "会议应当有法定比例的人员参加方可召开（作出决定）",
        "The meeting decides only with the statutory share attending or taking part",
        "quorum",
        _meeting_checks.quorum(PASS_RULES),
    ),
    _rule(
        "meeting.majority",
        "会议决定应当经法定比例同意",
        "A motion is adopted only with the statutory majority of its base",
        "majority",
        _meeting_checks.majority(PASS_RULES),
    ),
    Rule(
        id="meeting.owners-count",
        title_zh="业主人数按专有部分计算，同一买受人多套及建设单位未售部分按一人计算",
        title_en="Owners are counted per unit; several units of one buyer, and the developer's "
        "unsold units, count as one owner",
        kind="obligation",
        severity="must",
        scope=Scope(Meeting),
        check=_meeting_checks.owners_count,
        citations=(meetings_owners.ART8_9,),
        valid_from=meetings_owners.CIVIL_CODE_IN_FORCE,
    ),
    *meetings_villagers_matters.RULES,
    *meetings_collective.RULES,
    *meetings_property.RULES,
)
