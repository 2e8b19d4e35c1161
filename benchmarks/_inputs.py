"""Benchmark inputs and the hand-written baselines the engine is measured against."""

from __future__ import annotations

import json
from pathlib import Path

from community_governance import Proposal

__all__ = [
    "EXAMPLES",
    "example_text",
    "plain_floor",
    "plain_representatives_count",
    "plain_sponsorship",
    "synthetic_proposal_text",
]

ROOT = Path(__file__).resolve().parent.parent
#: The Jinjiang example inputs (made by ``examples/generate.py``): case name -> file.
EXAMPLES = {
    "eligible": ROOT / "examples" / "jinjiang" / "proposal-eligible.json",
    "short": ROOT / "examples" / "jinjiang" / "proposal-short.json",
}


def example_text(case: str) -> str:
    """The JSON text of an example proposal."""
    return EXAMPLES[case].read_text(encoding="utf-8")


def plain_sponsorship(p: Proposal) -> bool:
    """The Jinjiang sponsorship test written by hand: ≥ 10% of representatives or ≥ 50
    households, integers only, no explanation. The floor the engine is compared with."""
    reps = len(p.community.representatives(p.submitted_on))
    return len(p.sponsor_representative_ids) * 10 >= reps or len(p.sponsor_household_ids) >= 50


def plain_floor(sponsors: int, reps: int, households: int) -> bool:
    """The bare comparison, with every count already computed (the representatives scan
    excluded): what is left when nothing but the law's arithmetic is done."""
    return sponsors * 10 >= reps or households >= 50


def plain_representatives_count(p: Proposal) -> int:
    """The representatives on the proposal's date counted by hand, with no index and no memo:
    one pass over the community's memberships, keeping representatives of a representatives'
    assembly whose term covers the date (end exclusive, ``None`` open). The baseline of the
    cold-start benchmark: what a first evaluation should cost no more than."""
    at = p.submitted_on
    community = p.community
    assemblies = {b.id for b in community.bodies if b.kind == "representatives_assembly"}
    return len(
        {
            m.person_id
            for m in community.memberships
            if m.role == "representative"
            and m.body_id in assemblies
            and m.term_start <= at
            and (m.term_end is None or at < m.term_end)
        }
    )


def synthetic_proposal_text(representatives: int, *, households_per_rep: int = 6) -> str:
    """A Jinjiang-style proposal JSON whose community has ``representatives`` representatives.

    The community grows with the assembly: ``households_per_rep`` households per representative
    (at least 300, as in the example), five residents' committee members, and four bodies. The
    proposal is sponsored by exactly 10% of the representatives (rounded up) and 12 households,
    so it passes by the representative share at the boundary.
    """
    n_households = max(300, representatives * households_per_rep)
    width = len(str(max(representatives, n_households)))
    households = [{"id": f"H{i:0{width}d}"} for i in range(1, n_households + 1)]
    persons: list[dict[str, object]] = []
    memberships: list[dict[str, object]] = []
    term = {"term_start": "2021-06-01", "term_end": "2026-06-01"}
    for i in range(1, representatives + 1):
        pid = f"R{i:0{width}d}"
        persons.append(
            {"id": pid, "gender": "female" if i % 2 else "male", "household_id": f"H{i:0{width}d}"}
        )
        memberships.append({"person_id": pid, "body_id": "RA", "role": "representative", **term})
    for pid, role in (
        ("C1", "chair"),
        ("C2", "vice_chair"),
        ("C3", "member"),
        ("C4", "member"),
        ("C5", "member"),
    ):
        persons.append({"id": pid})
        memberships.append({"person_id": pid, "body_id": "RC", "role": role, **term})
    sponsors = -(-representatives // 10)
    data = {
        "id": f"BENCH-{representatives}",
        "community": {
            "id": "CN-BENCH",
            "name": "基准测试社区（虚构）",
            "kind": "urban",
            "households": households,
            "persons": persons,
            "bodies": [
                {"id": "RC", "kind": "residents_committee"},
                {"id": "RA", "kind": "representatives_assembly"},
                {"id": "WC", "kind": "assembly_working_committee"},
                {"id": "PO", "kind": "party_organization"},
            ],
            "memberships": memberships,
        },
        "title": "基准测试议案",
        "category": "major",
        "proposer": "representatives",
        "submitted_on": "2026-03-02",
        "sponsor_representative_ids": [f"R{i:0{width}d}" for i in range(1, sponsors + 1)],
        "sponsor_household_ids": [f"H{i:0{width}d}" for i in range(100, 112)],
    }
    return json.dumps(data, ensure_ascii=False)
