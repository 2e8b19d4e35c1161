"""How often an assembly must meet, judged on its record of meetings (`AssemblyRecord`) by
calendar period (the legal review of 2026-11, D1): the residents' representatives assembly in
every half of the calendar year (urban 2025 Art. 28(2) 每半年至少召开一次, from 2026), the
village representatives' assembly in every calendar quarter (2018 Art. 26; 2025 Art. 30(1)
每季度召开一次 — at least once: a meeting requested by a fifth of the representatives is
lawful too), the villagers' assembly in every calendar year (2025 Art. 25(3) 每年至少召开一次,
from 2026) and a collective's members' assembly in every calendar year (农村集体经济组织法
Art. 27(2), from 2025-05-01).

The interval is the one the assembly's pass rule names (table ``meeting.pass-rules``), so a
local rulebook that replaces the entry changes it. A period is judged only if it ended by the
record's ``as_of``, began on or after its ``since`` and lay wholly under an interval of the
same length (a year in which the duty began part-way is not judged).
"""

from __future__ import annotations

import datetime as dt

from .....checks.pass_rules import PASS_RULES, covering
from .....exceptions import RulebookError
from .....models.assembly_record import AssemblyRecord
from .....rules.periods import add_months, calendar_period
from .....rules.rule import Check, Rule, RuleContext, reads
from .....rules.scope import Scope
from .collective import ART27_YEARLY
from .urban import ART28_2025
from .village import ART25_2025_YEARLY, ART26_2018_QUARTERLY, ART30_2025_QUARTERLY, OLD

_ZH = {3: "季度", 6: "半年", 12: "年"}
_EN = {3: "quarter", 6: "half-year", 12: "year"}
_NTH_ZH = "一二三四"


def _label(start: dt.date, months: int) -> tuple[str, str]:
    """A calendar period named: 2026年第二季度 / 2026 Q2, 2026年下半年 / 2026 H2, 2026年 / 2026."""
    n = (start.month - 1) // months
    if months == 3:
        return f"{start.year}年第{_NTH_ZH[n]}季度", f"{start.year} Q{n + 1}"
    if months == 6:
        return f"{start.year}年{'上下'[n]}半年", f"{start.year} H{n + 1}"
    if months == 12:
        return f"{start.year}年", f"{start.year}"
    end = add_months(start, months) - dt.timedelta(days=1)
    return f"{start.isoformat()}至{end.isoformat()}", f"{start.isoformat()} – {end.isoformat()}"


def _months_on(r: AssemblyRecord, ctx: RuleContext, day: dt.date) -> int | None:
    """The interval in months the rulebook sets for the assembly on ``day``, if any."""
    entry = covering(ctx.source.entries(PASS_RULES, day), r.assembly, r.community_kind)
    if entry is None or entry.value.interval_months is None:
        return None
    value = ctx.source.parameter_version(entry.value.interval_months.name, day).value
    return value if isinstance(value, int) else None


@reads(tables=[PASS_RULES])
def frequency(r: AssemblyRecord, ctx: RuleContext) -> Check:
    """The assembly met at least once in every calendar period of its interval that the record
    covers in full."""
    entry = covering(ctx.table(PASS_RULES), r.assembly, r.community_kind)
    if entry is None or entry.value.interval_months is None:
        return Check.not_applicable(
            f"{ctx.at.isoformat()}施行的规则未规定该会议（{r.assembly}）的召开频次",
            f"no rule in force on {ctx.at.isoformat()} sets how often a {r.assembly} meets",
        )
    pr = entry.value
    months = ctx.count(pr.interval_months)
    if months <= 0 or 12 % months:
        raise RulebookError(
            f"table {PASS_RULES}",
            pr.interval_months.name,
            f"a calendar period divides the year: {months} months does not",
        )
    until = min(ctx.at, r.as_of + dt.timedelta(days=1))
    start, _ = calendar_period(until, months)
    periods: list[tuple[dt.date, dt.date]] = []
    while True:
        previous = add_months(start, -months)
        if previous < r.since or _months_on(r, ctx, previous) != months:
            break
        periods.append((previous, start))
        start = previous
    periods.reverse()
    name_zh, name_en = _ZH.get(months, f"{months}个月"), _EN.get(months, f"{months}-month period")
    if not periods:
        return Check.not_applicable(
            f"记录（{r.since.isoformat()}起）尚未涵盖一个完整的已结束的{name_zh}",
            f"the record (from {r.since.isoformat()}) covers no whole calendar {name_en} that "
            "has ended under this duty",
            periods=[],
        )
    missing = [(s, e) for s, e in periods if not r.held_between(s, e)]
    first, last = _label(periods[0][0], months), _label(periods[-1][0], months)
    span_zh, span_en = f"{first[0]}至{last[0]}", f"{first[1]} – {last[1]}"
    evidence = {
        "interval_months": months,
        "periods": [s.isoformat() for s, _ in periods],
        "missing": [s.isoformat() for s, _ in missing],
    }
    if not missing:
        return Check.passed(
            f"{pr.title_zh}在{span_zh}的每个{name_zh}均已召开",
            f"the {pr.title_en} met in every calendar {name_en}, {span_en}",
            **evidence,
        ).citing()
    gaps = [_label(s, months) for s, _ in missing]
    gaps_zh = "、".join(g[0] for g in gaps)
    return Check.failed(
        f"{pr.title_zh}应当每个{name_zh}至少召开一次；未召开的{name_zh}：{gaps_zh}",
        f"the {pr.title_en} must meet at least once every calendar {name_en}; it did not meet in "
        f"{', '.join(g[1] for g in gaps)}",
        **evidence,
    ).citing()


RULES = (
    Rule(
        id="meeting.frequency",
        title_zh="会议应当按法定周期召开（每季度、每半年、每年至少一次）",
        title_en="An assembly meets at least once in every calendar period the law sets "
        "(quarter, half-year or year)",
        kind="obligation",
        severity="must",
        scope=Scope(AssemblyRecord),
        check=frequency,
        citations=(
            ART26_2018_QUARTERLY,
            ART30_2025_QUARTERLY,
            ART28_2025,
            ART25_2025_YEARLY,
            ART27_YEARLY,
        ),
        valid_from=OLD,
    ),
)
