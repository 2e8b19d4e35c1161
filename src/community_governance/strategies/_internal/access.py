"""Hypothesis strategies for work items (准入); re-exported by `community_governance.strategies`.

A *defect* is named by the id of the rule it breaks, so "the reasons equal the defects
planted" is a plain set comparison: ``{f.rule for f in decision.findings if f.status ==
"failed"} == defects``. Some defects bring others with them, because several rules judge the
same fact on their own grounds: a committee made the responsible party for demolition also has
a duty shifted onto it (``work-item.not-responsible-party`` implies ``work-item.no-transfer``),
and for law enforcement all three fail (``work-item.not-responsible-for-enforcement``). A set of
defects is plantable only with what it implies (`compatible`); `work_item_defect_sets` draws
such sets.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from hypothesis import strategies as st

from ...checks.access import BANNED
from ...checks.work_item_lists import work_item_lists
from ...models.work_item import CommitteeKind, WorkItem
from ...rulebooks import Rulebook, get_rulebook

__all__ = ["with_defects", "work_item_defect_sets", "work_item_defects", "work_items"]

_ENFORCEMENT = "work-item.not-responsible-for-enforcement"
_RESPONSIBLE = "work-item.not-responsible-party"
_TRANSFER = "work-item.no-transfer"
_ENTRY = frozenset({"work-item.listed", "work-item.negative-list", "certificate.not-to-issue"})
_CERTIFICATE = frozenset({"certificate.not-to-issue", "certificate.legal-basis"})
#: What a defect brings with it: the other rules that judge the same fact.
_IMPLIES: dict[str, frozenset[str]] = {
    _RESPONSIBLE: frozenset({_TRANSFER}),
    _ENFORCEMENT: frozenset({_TRANSFER, _RESPONSIBLE}),
}
_SIMPLE = (
    "certificate.legal-basis",
    _TRANSFER,
    _RESPONSIBLE,
    _ENFORCEMENT,
    "work-item.no-economic-quotas",
    "work-item.legal-basis",
    "work-item.funding-follows-task",
    "work-item.no-one-vote-veto",
    "work-item.unified-assessment",
    "work-item.authority-follows-responsibility",
)
_BODIES = (
    ("示例区民政局", "district_department"),
    ("示例区卫生健康委员会", "district_department"),
    ("示例街道办事处", "street_office"),
    ("示例镇人民政府", "township"),
)
_TITLES = ("协助开展高龄津贴资格复核", "协助做好防汛应急转移安置", "协助开展人口抽样调查")
_BASIS = {"statute": "城市居民委员会组织法(2025-10-28)", "article": "第十条第一款第八项"}


def work_item_defects(
    rulebook: Rulebook, *, at: dt.date, committee: CommitteeKind = "residents_committee"
) -> tuple[str, ...]:
    """The defects `with_defects` can plant in an item judged by ``rulebook`` on ``at``: the
    rule ids, in rulebook order, that one change to an admissible item makes fail (with the
    defects that change implies, see `implied`)."""
    lists = work_item_lists(rulebook, at)
    possible = {
        "work-item.listed": lists.unlisted_verdict == "deny",
        "work-item.negative-list": bool(lists.of_kind("negative", committee, at)),
        "certificate.not-to-issue": bool(lists.of_kind("certificate", committee, at)),
        **dict.fromkeys(_SIMPLE, True),
    }
    offered = [
        r.id
        for r in rulebook.rules_for("work_item")
        if r.in_force(at) and possible.get(r.id, False)
    ]
    return tuple(d for d in offered if implied({d}) <= set(offered))


def implied(defects: Iterable[str]) -> frozenset[str]:
    """The defects planting ``defects`` brings with it (``defects`` included)."""
    out = set(defects)
    for d in list(out):
        out |= _IMPLIES.get(d, frozenset())
    return frozenset(out)


def compatible(defects: Iterable[str]) -> bool:
    """Whether these defects can be planted together: one list entry, one domain (a banned
    one, a quota, or a certificate), and every defect they imply among them."""
    d = set(defects)
    domains = (
        bool(d & {_RESPONSIBLE, _ENFORCEMENT})
        + ("work-item.no-economic-quotas" in d)
        + bool(d & _CERTIFICATE)
    )
    return len(d & _ENTRY) <= 1 and domains <= 1 and implied(d) == d


def with_defects(
    item: WorkItem, defects: Iterable[str], *, rulebook: Rulebook, variant: int = 0
) -> WorkItem:
    """``item`` (an admissible one from `work_items`) with the given defects planted.

    Each defect is the id of the rule it breaks; ``variant`` picks among equivalent ways of
    planting one (which banned domain, which way the funding is wrong). A committee made the
    responsible party is assigned under one of the committee's duty entries (an assistance
    entry admits it only as an assistant), unless a list defect names the entry.

    Raises:
        ValueError: unknown or incompatible defects, or a set without what it implies (see
            `compatible`).
    """
    wanted = set(defects)
    known = set(_SIMPLE) | _ENTRY
    if wanted - known or not compatible(wanted):
        raise ValueError(
            f"cannot plant {sorted(wanted)} together (known: {sorted(known)}; with what they "
            f"imply: {sorted(implied(wanted))})"
        )
    at = item.requested_on
    lists = work_item_lists(rulebook, at)
    data = item.model_dump(mode="json")
    if "work-item.listed" in wanted:
        data["list_entry"] = f"UNLISTED-{variant}"
    if "work-item.negative-list" in wanted:
        negatives = lists.of_kind("negative", item.committee, at)
        data["list_entry"] = negatives[variant % len(negatives)].id
    if wanted & _CERTIFICATE:
        data["domain"] = "certificate"
        basis = None if "certificate.legal-basis" in wanted else _BASIS
        data["certificate"] = {"name": f"示例证明{variant}", "legal_basis": basis}
    if "certificate.not-to-issue" in wanted:
        banned = lists.of_kind("certificate", item.committee, at)
        entry = banned[variant % len(banned)]
        data["list_entry"] = entry.id
        data["certificate"]["name"] = entry.title_zh
    if _TRANSFER in wanted:
        data["committee_role"] = "responsible_party"
        if not wanted & _ENTRY:
            duties = lists.of_kind("duty", item.committee, at)
            data["list_entry"] = duties[variant % len(duties)].id
    if _RESPONSIBLE in wanted:
        domains = sorted(BANNED - {"administrative_law_enforcement"})
        data["domain"] = domains[variant % len(domains)]
    if _ENFORCEMENT in wanted:
        data["domain"] = "administrative_law_enforcement"
    if "work-item.no-economic-quotas" in wanted:
        data["domain"] = ("tax_assistance", "economic_quota")[variant % 2]
    if "work-item.legal-basis" in wanted:
        data["legal_basis"] = None
    if "work-item.funding-follows-task" in wanted:
        payer = data["requested_by"]["name"]
        other = {"amount_yuan": 1000, "payer": payer + "以外的单位"}
        # a task that needs funds: none, none at all, or paid by another body
        data["needs_funding"] = True
        data["funding"] = (None, {"amount_yuan": 0, "payer": payer}, other)[variant % 3]
    if wanted & {"work-item.no-one-vote-veto", "work-item.unified-assessment"}:
        data["assessment"] = {
            "one_vote_veto": "work-item.no-one-vote-veto" in wanted,
            "separate_departmental": "work-item.unified-assessment" in wanted,
        }
    if "work-item.authority-follows-responsibility" in wanted:
        data["authority_needed"] = [*data["authority_needed"], "现场检查权"]
    return WorkItem.model_validate_json(_dumps(data))


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False)


@st.composite
def _work_items(
    draw: st.DrawFn,
    rulebook: Rulebook | str,
    at: st.SearchStrategy[dt.date],
    committee: st.SearchStrategy[CommitteeKind],
) -> WorkItem:
    rulebook = get_rulebook(rulebook) if isinstance(rulebook, str) else rulebook
    on = draw(at)
    kind = draw(committee)
    entries = work_item_lists(rulebook, on).of_kind("assistance", kind, on)
    if not entries:
        raise ValueError(f"rulebook {rulebook.id} has no assistance list entry for {kind} on {on}")
    body, level = draw(st.sampled_from(_BODIES))
    transferred = draw(st.lists(st.sampled_from(("入户核查权", "信息采集权")), unique=True))
    needed = [a for a in transferred if draw(st.booleans())]
    veto, separate = False, False
    deadline = draw(st.none() | st.integers(0, 365).map(lambda d: on + dt.timedelta(days=d)))
    data = {
        "id": draw(st.from_regex(r"WI-[0-9]{1,6}", fullmatch=True)),
        "title": draw(st.sampled_from(_TITLES)),
        "committee": kind,
        "requested_by": {"name": body, "level": level},
        "requested_on": on.isoformat(),
        "committee_role": "assisting",
        "domain": draw(st.sampled_from(("public_security", "residents_interest", "other"))),
        "list_entry": draw(st.sampled_from(entries)).id,
        "legal_basis": _BASIS,
        "funding": {"amount_yuan": draw(st.integers(1, 10**7)), "payer": body},
        "assessment": draw(
            st.none() | st.just({"one_vote_veto": veto, "separate_departmental": separate})
        ),
        "authority_needed": needed,
        "authority_transferred": transferred,
        "deadline": None if deadline is None else deadline.isoformat(),
    }
    return WorkItem.model_validate_json(_dumps(data))


def work_items(
    *,
    rulebook: Rulebook | str = "cn",
    at: st.SearchStrategy[dt.date] | None = None,
    committee: st.SearchStrategy[CommitteeKind] | None = None,
) -> st.SearchStrategy[WorkItem]:
    """Admissible work items: assistance items on one of ``rulebook``'s assistance lists,
    funded by the requesting body, with a legal basis, no banned assessment, and every power
    they need handed over. Plant defects with `with_defects`.

    Args:
        rulebook: whose lists the items are drawn from: a `Rulebook` or a built-in id.
        at: strategy for ``requested_on`` (default 2020-04-01 – 2030-12-31).
        committee: strategy for the committee kind (default: either).
    """
    return _work_items(
        rulebook,
        at if at is not None else st.dates(dt.date(2020, 4, 1), dt.date(2030, 12, 31)),
        committee
        if committee is not None
        else st.sampled_from(("residents_committee", "village_committee")),
    )


@st.composite
def _defect_sets(
    draw: st.DrawFn, rulebook: Rulebook, at: dt.date, committee: CommitteeKind, min_size: int
) -> frozenset[str]:
    order = draw(st.permutations(work_item_defects(rulebook, at=at, committee=committee)))
    size = draw(st.integers(min_size, len(order)))
    chosen: frozenset[str] = frozenset()
    for d in order:
        more = implied(chosen | {d})
        if len(chosen) < size and compatible(more):
            chosen = more
    return chosen


def work_item_defect_sets(
    *,
    rulebook: Rulebook,
    at: dt.date,
    committee: CommitteeKind = "residents_committee",
    min_size: int = 0,
) -> st.SearchStrategy[frozenset[str]]:
    """Sets of defects that can be planted together in an item judged by ``rulebook`` on
    ``at`` (see `work_item_defects`); at least ``min_size`` of them when that many fit."""
    return _defect_sets(rulebook, at, committee, min_size)
