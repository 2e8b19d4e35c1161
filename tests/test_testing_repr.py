"""Compact reprs: a failing example prints a summary, never the whole community."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from community_governance import models
from community_governance.models import Community, Person, Proposal

ON = dt.date(2026, 3, 1)


def _community(households: int = 300, representatives: int = 120) -> Community:
    """A community of ``households`` households and ``representatives`` representatives."""
    return Community.model_validate(
        {
            "id": "C1",
            "name": "示例社区",
            "kind": "urban",
            "households": [{"id": f"H{i}"} for i in range(households)],
            "persons": [{"id": f"R{i}"} for i in range(representatives)],
            "bodies": [{"id": "RA", "kind": "representatives_assembly"}],
            "memberships": [
                {
                    "person_id": f"R{i}",
                    "body_id": "RA",
                    "role": "representative",
                    "term_start": dt.date(2021, 6, 1),
                }
                for i in range(representatives)
            ],
        }
    )


def _proposal(community: Community) -> Proposal:
    """A major-matter proposal sponsored by 12 representatives and 50 households."""
    return Proposal(
        id="P-1",
        community=community,
        title="加装电梯",
        category="major",
        proposer="representatives",
        submitted_on=ON,
        sponsor_representative_ids=tuple(f"R{i}" for i in range(12)),
        sponsor_household_ids=tuple(f"H{i}" for i in range(50)),
    )


class TestRepr:
    """A model's repr summarises; its JSON stays complete."""

    def test_a_300_household_community_is_under_300_characters(self) -> None:
        """A community of 300 households and 120 representatives prints in < 300 characters,
        with its id, kind and the counts of households, persons and memberships."""
        text = repr(_community())
        assert len(text) < 300, text
        for part in ("id='C1'", "kind='urban'", "households=<300>", "persons=<120>"):
            assert part in text
        assert "memberships=<120>" in text

    def test_a_proposal_shows_its_facts_and_counts_its_sponsors(self) -> None:
        """A proposal around that community prints its id, category, date and the number of
        sponsors, in < 500 characters."""
        text = repr(_proposal(_community()))
        assert len(text) < 500, text
        for part in (
            "id='P-1'",
            "category='major'",
            "datetime.date(2026, 3, 1)",
            "sponsor_representative_ids=<12>",
            "sponsor_household_ids=<50>",
        ):
            assert part in text

    def test_json_stays_complete(self) -> None:
        """model_dump_json() keeps every household and sponsor: it round-trips to an equal
        proposal."""
        proposal = _proposal(_community())
        text = proposal.model_dump_json()
        assert Proposal.model_validate_json(text).model_dump_json() == text
        assert '"H299"' in text
        assert len(text) > 100 * len(repr(proposal))

    def test_fields_at_their_default_are_omitted(self) -> None:
        """Fields left at their default are not shown."""
        assert repr(Person(id="a")) == "Person(id='a')"
        assert repr(Person(id="a", party_member=False)) == "Person(id='a', party_member=False)"

    def test_short_tuples_are_shown_in_full(self) -> None:
        """A tuple of up to three short items is shown as it is."""
        community = _community(households=2, representatives=0)
        assert "households=(Household(id='H0'), Household(id='H1'))" in repr(community)

    def test_long_strings_are_cut(self) -> None:
        """A string longer than 60 characters is cut with an ellipsis."""
        text = repr(Person(id="a", name="长" * 500))
        assert "长…'" in text
        assert len(text) < 100


SUBJECTS = sorted(models.SUBJECT_MODELS.values(), key=lambda m: m.__name__)


def _registered(model: type[models.Subject]) -> bool:
    from community_governance.testing._hypothesis import TYPE_STRATEGIES

    return model.__name__ in TYPE_STRATEGIES


@pytest.mark.parametrize("model", SUBJECTS, ids=lambda m: m.__name__)
def test_every_subject_prints_in_under_1000_characters(model: type[models.Subject]) -> None:
    """Whatever the strategies draw (or, for subjects with no strategy yet, their case files'
    inputs), a subject's repr stays under 1000 characters."""
    if not _registered(model):
        from .test_fuzz_cli import example

        subject = model.model_validate_json(
            __import__("json").dumps(example(model.subject_type.replace("_", "-")))
        )
        assert len(repr(subject)) < 1000, repr(subject)
        return

    @settings(max_examples=10, database=None, deadline=None)
    @given(st.from_type(model))
    def short(subject: models.Subject) -> None:
        assert len(repr(subject)) < 1000, repr(subject)

    short()
