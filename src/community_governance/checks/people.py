"""Whether the people a rule counts may act in their role on a date: of age (年满十八周岁),
holding political rights (依照法律被剥夺政治权利的人除外) and, for a voter, belonging to the
community by the records. Checks of elections, recalls, bodies and proposals share these.

A person is sorted into one of three heaps: eligible, ineligible (with the reason, in Chinese
and English) or unknown (the birth date, or where the person lives, is not recorded). A rule
that rests on the fact fails on an ineligible person and is indeterminate on an unknown one,
naming who: missing data never passes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from ..exceptions import MissingDataError
from ..models.community import Community, Person
from ..rules.citation import Citation
from ..rules.rule import Check, CheckFn, DeclaredCheck, RuleContext

__all__ = ["Dated", "Sorted", "belongs", "cited_on", "dated", "judge", "sort_people", "unfit"]

#: The texts a finding rests on, by the day they start: ``((start, citations), …)``.
Dated = tuple[tuple[dt.date, tuple[Citation, ...]], ...]


def cited_on(check: Check, at: dt.date, texts: Dated) -> Check:
    """``check`` grounded on the texts in force on ``at`` (the last entry of ``texts`` that
    starts on or before it), so a superseded text is not cited after it ended; ``check``
    unchanged when ``texts`` is empty."""
    chosen: tuple[Citation, ...] | None = None
    for start, citations in texts:
        if start <= at:
            chosen = citations
    return check if chosen is None else check.citing(*chosen)


def dated(check: CheckFn, texts: Dated) -> CheckFn:
    """``check`` whose findings cite the entry of ``texts`` in force on the date (see
    `cited_on`), keeping what a declared check reads; ``check`` itself when ``texts`` is
    empty."""
    if not texts:
        return check
    inner = check.fn if isinstance(check, DeclaredCheck) else check

    def run(subject: object, ctx: RuleContext) -> Check:
        return cited_on(inner(subject, ctx), ctx.at, texts)

    if isinstance(check, DeclaredCheck):
        return DeclaredCheck(run, check.parameters, check.tables)
    return run


def unfit(p: Person, at: dt.date, age: int) -> tuple[str, str] | None:
    """Why ``p`` may not vote or stand on ``at`` — ``(zh, en)`` — or ``None`` when nothing
    recorded says so (an unknown birth date is not a reason; see `sort_people`).

    Examples:
        >>> p = Person(id="k", birth_date=dt.date(2015, 3, 1))
        >>> unfit(p, dt.date(2026, 5, 20), 18)
        ('k未满18周岁（11周岁）', 'k is 11, under 18')
        >>> unfit(Person(id="d", political_rights_deprived=True), dt.date(2026, 5, 20), 18)
        ('d依照法律被剥夺政治权利', 'd is deprived of political rights')
    """
    if p.political_rights_deprived:
        return f"{p.id}依照法律被剥夺政治权利", f"{p.id} is deprived of political rights"
    years = p.age_on(at)
    if years is not None and years < age:
        return f"{p.id}未满{age}周岁（{years}周岁）", f"{p.id} is {years}, under {age}"
    return None


def belongs(p: Person, kind: str) -> bool | None:
    """Whether the records show ``p`` as a voter of the community — urban: registered here or
    habitually resident (户籍在本社区 / 在本社区常住); village: registered in and living in the
    village (户籍在本村并且在本村居住) — or ``None`` when the records do not tell.

    This is the floor the records give: a non-registered community worker or a resident
    admitted on application may be on a list without it.
    """
    if kind == "rural":
        if p.registration is None or p.habitual_resident is None:
            return None
        return p.registration == "registered" and p.habitual_resident
    if p.registration == "registered" or p.habitual_resident:
        return True
    if p.registration is None or p.habitual_resident is None:
        return None
    return False


@attrs.frozen
class Sorted:
    """People sorted by eligibility: ids eligible, ``(id, zh, en)`` ineligible, ids unknown."""

    eligible: tuple[str, ...]
    ineligible: tuple[tuple[str, str, str], ...]
    unknown: tuple[str, ...]


def sort_people(
    community: Community, ids: Iterable[str], at: dt.date | dict[str, dt.date], age: int
) -> Sorted:
    """Sort ``ids`` (persons of ``community``) by `unfit` on ``at`` (one date, or a date per
    person); a person with no birth date and no other reason is unknown."""
    persons = {p.id: p for p in community.persons}
    ok: list[str] = []
    bad: list[tuple[str, str, str]] = []
    unknown: list[str] = []
    for pid in ids:
        p = persons[pid]
        day = at[pid] if isinstance(at, dict) else at
        reason = unfit(p, day, age)
        if reason is not None:
            bad.append((pid, *reason))
        elif p.birth_date is None:
            unknown.append(pid)
        else:
            ok.append(pid)
    return Sorted(tuple(ok), tuple(bad), tuple(unknown))


def judge(found: Sorted, age: int, who_zh: str, who_en: str, /, **evidence: object) -> Check:
    """The finding on people who must all be eligible (``age`` or older, holding political
    rights): failed naming the ineligible, else indeterminate naming those without a birth
    date, else passed."""
    n = len(found.eligible) + len(found.ineligible) + len(found.unknown)
    if found.ineligible:
        zh = "；".join(z for _, z, _ in found.ineligible)
        en = "; ".join(e for _, _, e in found.ineligible)
        return Check.failed(
            f"{who_zh}应当年满{age}周岁且未被剥夺政治权利：{zh}",
            f"{who_en} must be {age} or older and hold political rights: {en}",
            ineligible=[pid for pid, _, _ in found.ineligible],
            **evidence,
        )
    if found.unknown:
        raise MissingDataError(
            "community.persons[].birth_date",
            f"not recorded for {who_en} {', '.join(found.unknown)}",
            f"以下{who_zh}未登记出生日期：{'、'.join(found.unknown)}",
        )
    return Check.passed(
        f"{who_zh}{n}名均年满{age}周岁且未被剥夺政治权利",
        f"all {n} {who_en} are {age} or older and hold political rights",
        ineligible=[],
        **evidence,
    )
