"""Every subject the strategies draw gets a Decision from every built-in rulebook, and that
Decision's verdict is the one its findings make.

The engine reports a check that raised as an ``indeterminate`` finding; here it runs with
``raise_errors=True``, so a crash in a rule is a failing test, not a quiet "cannot tell".
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import community_governance
from community_governance import SUBJECT_MODELS, Decision, builtin_rulebooks, evaluate
from community_governance import strategies as cgst
from community_governance.models import Subject

#: The library's strategy for each subject type (the ones registered for ``st.from_type``).
STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "proposal": cgst.proposals(),
    "body": cgst.body_compositions(),
    "work_item": cgst.work_items(),
    "election": cgst.elections(),
    "recall": cgst.recalls(),
    "annual_evaluation": cgst.annual_evaluation_records(),
    "meeting": cgst.meetings(),
    "disclosure": cgst.disclosures(),
    "social_organization": cgst.social_organizations(),
    "fund_allocation": cgst.fund_allocations(),
    "cadre_evaluation": cgst.cadre_evaluations(),
    "grid_record": cgst.grid_records(),
    "service_station_staffing": cgst.service_station_staffings(),
    "body_selection": cgst.body_selections(),
    "work_report": cgst.work_reports(),
    "community_facilities": cgst.community_facilities(),
    "compound": cgst.compounds(),
    "collective_asset_spending": cgst.collective_asset_spendings(),
    "assembly_record": cgst.assembly_records(),
    "collective_organisation": cgst.collective_organisations(),
}
RULEBOOKS = builtin_rulebooks()


def rulebooks(subject_type: str) -> st.SearchStrategy[Any]:
    """A built-in rulebook: half of the time one with a binding rule for ``subject_type`` (most
    subjects of the coverage work are ruled by one locality only), else any."""
    ruling = [
        rb for rb in RULEBOOKS if any(r.severity == "must" for r in rb.rules_for(subject_type))
    ]
    every = st.sampled_from(RULEBOOKS)
    return st.one_of(st.sampled_from(ruling), every) if ruling else every


def assert_consistent(d: Decision) -> None:
    """The verdict is what the binding (``must``) findings make it, deny-overrides: a failed
    one denies; else an indeterminate one, or nothing binding judging the subject, leaves it
    indeterminate; ``allowed`` needs a binding finding that passed and none failed or
    unresolved. Advisory findings never change it."""
    binding = [f.status for f in d.findings if f.severity == "must"]
    if "failed" in binding:
        assert d.verdict == "denied", d
    elif "indeterminate" in binding or "passed" not in binding:
        assert d.verdict == "indeterminate", d
    else:
        assert d.verdict == "allowed", d
    if d.verdict == "allowed":
        assert "passed" in binding
        assert d.coverage.uncovered is None
    if "passed" not in binding and "failed" not in binding and "indeterminate" not in binding:
        assert d.coverage.uncovered is not None, "nothing binding judged it: say what"


def test_every_subject_type_has_a_strategy_here() -> None:
    """The property below covers every subject type of `SUBJECT_MODELS`."""
    assert set(STRATEGIES) == set(SUBJECT_MODELS)


@pytest.mark.parametrize("subject_type", sorted(SUBJECT_MODELS))
def test_every_rulebook_gives_a_consistent_decision(subject_type: str) -> None:
    """For a drawn subject of each type and each built-in rulebook, `evaluate` does not raise
    (no rule crashes on valid input), and the verdict is the one its findings make; the
    Decision survives its JSON. 25 examples per type: 20 types × 6 rulebooks stay fast."""
    model = SUBJECT_MODELS[subject_type]

    @settings(
        max_examples=25,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(STRATEGIES[subject_type], rulebooks(subject_type))
    def check(subject: Subject, rulebook: Any) -> None:
        assert type(subject) is model
        d = evaluate(subject, rulebook, raise_errors=True)
        assert d.subject_type == subject_type
        assert d.rulebook_id == rulebook.id
        assert_consistent(d)
        assert Decision.from_json(d.to_json()) == d

    check()


def test_every_subject_model_is_exported_at_the_top() -> None:
    """Every subject model is a public name of `community_governance` (and of
    `community_governance.models`), so a user need not know the module it lives in."""
    from community_governance import models

    for model in SUBJECT_MODELS.values():
        assert model.__name__ in community_governance.__all__, model.__name__
        assert model.__name__ in models.__all__, model.__name__
        assert getattr(community_governance, model.__name__) is model


def test_strategies_define_only_their_public_names() -> None:
    """`community_governance.strategies` shows only its strategies: no stray module or
    helper (dt, st, Fraction, annotations) among its public names."""
    public = {n for n in vars(cgst) if n.isidentifier() and not n.startswith("_")}
    assert public == set(cgst.__all__)
