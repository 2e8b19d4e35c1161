"""Disclosure (居务公开 / 村务公开): how long a result stays posted, and how often a village
posts its general matters and finances.

The posting period is counted as the Civil Code counts periods (the legal review of 2026-11,
D2): the day of posting is not counted (Art. 201) and the last day runs to 24:00 (Art. 203).
With ``removed_on`` the first day a posting is no longer up, a posting of 15 days therefore
needs ``removed_on − posted_on ≥ 16``. A village's posting period is read from the village
law, an urban or village-to-residence community's from the urban law (D12).
"""

from __future__ import annotations

import datetime as dt

from ....exceptions import MissingDataError
from ....models.disclosure import Disclosure, Posting
from ....rules.citation import Citation
from ....rules.parameter import Parameter
from ....rules.rule import Check, Rule, RuleContext, reads
from ....rules.scope import Scope
from ....rules.threshold import Term, Threshold
from ..sources import CIVIL_CODE, URBAN_2025, URBAN_2025_IN_FORCE, VILLAGE_2018, VILLAGE_2025
from .meetings.village import _NOTE_2018, _NOTE_2025, NEW, OLD

URBAN_POSTING = Citation(
    URBAN_2025,
    "第三十四条第三款",
    "居民委员会应当设立居务公开栏，可以采用现代信息技术进行居务公开。公布的期限不得少于十五日。",
)
VILLAGE_POSTING = Citation(
    VILLAGE_2025,
    "第三十五条第四款",
    "村民委员会应当设立村务公开栏，可以采用现代信息技术进行村务公开。公布的期限不得少于十五日。",
    note=_NOTE_2025,
)
CADENCE_2018 = Citation(
    VILLAGE_2018,
    "第三十条第三款",
    "前款规定事项中，一般事项至少每季度公布一次；集体财务往来较多的，财务收支情况应当每月公布一次；"
    "涉及村民利益的重大事项应当随时公布。",
    note=_NOTE_2018,
)
CADENCE_2025 = Citation(
    VILLAGE_2025,
    "第三十五条第三款",
    "前款规定事项中，一般事项至少每季度公布一次；财务往来较多的，财务收支情况应当每月公布一次；"
    "涉及村民利益的重大事项应当随时公布。",
    note=_NOTE_2025,
)

_CIVIL_NOTE = (
    "the Civil Code's rules on counting periods, applied to the organic laws' posting period "
    "as the legal review of 2026-11 (D2) chooses; Arts. 201 and 203 are not in the shared "
    "excerpt 民法典（摘录）: quoted as the review gives them, read in a secondary copy"
)
CIVIL_201 = Citation(
    CIVIL_CODE,
    "第二百零一条",
    "按照年、月、日计算期间的，开始的当日不计入",
    "secondary",
    _CIVIL_NOTE,
)
CIVIL_203 = Citation(
    CIVIL_CODE,
    "第二百零三条",
    "期间的最后一日的截止时间为二十四时",
    "secondary",
    _CIVIL_NOTE + "; its rule for a last day that falls on a statutory holiday was not read "
    "and is not applied",
)

POSTING_DAYS = Parameter.count(
    "disclosure.posting-days",
    "公布的期限（不得少于）",
    "days a result must stay posted (at least): residents' committees",
    (15, URBAN_2025_IN_FORCE, None, URBAN_POSTING),
    unit_zh="日",
)
VILLAGE_POSTING_DAYS = Parameter.count(
    "disclosure.village.posting-days",
    "村务公开的公布期限（不得少于）",
    "days a result must stay posted (at least): village committees",
    (15, NEW, None, VILLAGE_POSTING),
    unit_zh="日",
)
GENERAL_MONTHS = Parameter.count(
    "disclosure.village.general-interval-months",
    "村务一般事项公布周期（月）",
    "village: months within which general matters are posted (a quarter)",
    (3, OLD, NEW, CADENCE_2018),
    (3, NEW, None, CADENCE_2025),
    unit_zh="月",
)
FINANCES_MONTHS = Parameter.count(
    "disclosure.village.finances-interval-months",
    "财务往来较多的村财务收支公布周期（月）",
    "village with frequent transactions: months within which finances are posted",
    (1, OLD, NEW, CADENCE_2018),
    (1, NEW, None, CADENCE_2025),
    unit_zh="月",
)
#: Registered by the rules that read them; kept for the national rulebook's parameter list.
PARAMETERS = (POSTING_DAYS, VILLAGE_POSTING_DAYS, GENERAL_MONTHS, FINANCES_MONTHS)

_DAYS = Term(
    "days_posted",
    "公布天数（公布当日不计入）",
    "days posted (the posting day not counted)",
    "日",
    ("day", "days"),
)


def days_posted(p: Posting) -> int | None:
    """Days a posting taken down stayed up, counted as the Civil Code counts a period: from
    the day after the posting day (Art. 201) through the last whole day it was up
    (``removed_on`` − 1, to 24:00, Art. 203); ``None`` while it is still up.

    Examples:
        >>> import datetime as dt
        >>> days_posted(Posting(id="p", category="general", posted_on=dt.date(2026, 1, 1),
        ...                     removed_on=dt.date(2026, 1, 17)))
        15
    """
    if p.removed_on is None:
        return None
    return (p.removed_on - p.posted_on).days - 1


@reads(POSTING_DAYS, VILLAGE_POSTING_DAYS)
def posting_period(d: Disclosure, ctx: RuleContext) -> Check:
    """Every posting taken down stayed up at least the statutory number of days, counted
    without the posting day; a village reads the village law, other communities the urban
    law."""
    village = d.community_kind == "rural"
    days = ctx.count(VILLAGE_POSTING_DAYS if village else POSTING_DAYS)
    article = VILLAGE_POSTING if village else URBAN_POSTING
    rule = Threshold("at_least", days, _DAYS)
    short: list[str] = []
    texts_zh: list[str] = []
    texts_en: list[str] = []
    for p in d.postings:
        posted = days_posted(p)
        if posted is None or p.removed_on is None:
            continue
        c = rule.test(posted)
        if not c.passed:
            short.append(p.id)
            zh, en = c.text()
            texts_zh.append(
                f"{p.id}（{p.posted_on.isoformat()}至{p.removed_on.isoformat()}）：{zh}"
            )
            texts_en.append(
                f"{p.id} ({p.posted_on.isoformat()} to {p.removed_on.isoformat()}): {en}"
            )
    removed = sum(1 for p in d.postings if p.removed_on is not None)
    if not removed:
        return Check.not_applicable(
            "没有已撤下的公布事项", "no posting has been taken down"
        ).citing(article)
    if short:
        return Check.failed(
            f"公布期限不足{days}日（公布当日不计入）：" + "；".join(texts_zh),
            f"taken down before {days} days (the posting day not counted): " + "; ".join(texts_en),
            short=short,
            required_days=days,
        ).citing(article, CIVIL_201, CIVIL_203)
    return Check.passed(
        f"{removed}项已撤下的公布事项均公布{days}日以上（公布当日不计入）",
        f"all {removed} postings taken down stayed up at least {days} days (the posting day "
        "not counted)",
        required_days=days,
    ).citing(article, CIVIL_201, CIVIL_203)


def _last_completed_period(at: dt.date, months: int) -> tuple[dt.date, dt.date]:
    """The last calendar period of ``months`` months (aligned on January) ended before ``at``:
    (first day, first day after)."""
    index = (at.year * 12 + at.month - 1) // months * months  # start of the current period
    start = index - months
    return (
        dt.date(start // 12, start % 12 + 1, 1),
        dt.date(index // 12, index % 12 + 1, 1),
    )


def _covered(postings: tuple[Posting, ...], category: str, span: tuple[dt.date, dt.date]) -> bool:
    return any(p.category == category and span[0] <= p.posted_on < span[1] for p in postings)


@reads(GENERAL_MONTHS, FINANCES_MONTHS)
def village_cadence(d: Disclosure, ctx: RuleContext) -> Check:
    """A village posts general matters at least every quarter, and its finances every month
    where transactions are frequent (else with the general matters)."""
    if not d.postings:
        raise MissingDataError(
            "postings", "no postings recorded, so the cadence cannot be checked", "未记录公布事项"
        )
    general = ctx.count(GENERAL_MONTHS)
    finances = ctx.count(FINANCES_MONTHS) if d.frequent_transactions else general
    missing_zh: list[str] = []
    missing_en: list[str] = []
    evidence: dict[str, object] = {}
    for category, months, zh in (
        ("general", general, "一般事项"),
        ("finances", finances, "财务收支"),
    ):
        span = _last_completed_period(d.as_of, months)
        ok = _covered(d.postings, category, span)
        evidence[category] = {
            "period": [span[0].isoformat(), span[1].isoformat()],
            "months": months,
            "posted": ok,
        }
        if not ok:
            end = span[1] - dt.timedelta(days=1)
            missing_zh.append(f"{span[0].isoformat()}至{end.isoformat()}未公布{zh}")
            missing_en.append(
                f"no {category} posting between {span[0].isoformat()} and {end.isoformat()}"
            )
    cadence = CADENCE_2025 if ctx.at >= NEW else CADENCE_2018
    if missing_zh:
        return Check.failed(
            "村务公开不及时：" + "；".join(missing_zh),
            "village disclosure overdue: " + "; ".join(missing_en),
            **evidence,
        ).citing(cadence)
    return Check.passed(
        "上一周期内已公布一般事项和财务收支",
        "general matters and finances were posted in the last period",
        **evidence,
    ).citing(cadence)


RULES = (
    Rule(
        id="disclosure.posting-period",
        title_zh="公布的期限不得少于十五日",
        title_en="A posted result stays up at least 15 days",
        kind="obligation",
        severity="must",
        scope=Scope(Disclosure),
        check=posting_period,
        citations=(URBAN_POSTING, VILLAGE_POSTING, CIVIL_201, CIVIL_203),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="disclosure.village-cadence",
        title_zh="村务一般事项至少每季度公布一次，财务往来较多的财务收支每月公布一次",
        title_en="A village posts general matters at least quarterly, and its finances monthly "
        "where transactions are frequent",
        kind="obligation",
        severity="must",
        scope=Scope(Disclosure, community_kind="rural"),
        check=village_cadence,
        citations=(CADENCE_2018, CADENCE_2025),
        valid_from=OLD,
    ),
)
