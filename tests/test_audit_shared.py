"""The input digest of a subject with a shared community: the canonical JSON is put
together around the community's JSON, written once per community, and is the text
``model_dump_json()`` writes, for every subject type."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from community_governance import evaluate, get_rulebook
from community_governance.models import SUBJECT_MODELS, Proposal
from community_governance.rules.audit import SHARED_FIELDS, canonical_json, input_digest

from ._support import example_data

WITH_COMMUNITY = sorted(s for s, m in SUBJECT_MODELS.items() if "community" in m.model_fields)


def test_some_subjects_carry_a_shared_field() -> None:
    """The shortcut has subjects to apply to (so the property below is not vacuous)."""
    assert "community" in SHARED_FIELDS
    assert len(WITH_COMMUNITY) >= 8


@pytest.mark.parametrize("subject", sorted(SUBJECT_MODELS))
def test_canonical_json_is_model_dump_json(subject: str) -> None:
    """For every subject type, drawn twice with the same community object (the second time
    from the kept JSON), the text is ``model_dump_json()``'s."""
    model = SUBJECT_MODELS[subject]

    @settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow], deadline=None)
    @given(st.from_type(model))
    def check(x: Any) -> None:
        assert canonical_json(x) == x.model_dump_json()
        assert canonical_json(x) == x.model_dump_json()  # now from the kept community JSON

    check()


def test_a_changed_community_copy_is_written_anew() -> None:
    """``model_copy(update=...)`` of a community drops its kept JSON: the digest of a
    subject with the changed community is that of its own text."""
    proposal = Proposal.model_validate(example_data("jinjiang/proposal-eligible.json"))
    canonical_json(proposal)  # keeps the community's JSON
    renamed = proposal.community.model_copy(update={"name": "另一个社区"})
    changed = proposal.model_copy(update={"community": renamed})
    text = changed.model_dump_json()
    assert "另一个社区" in canonical_json(changed)
    assert input_digest(changed) == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_a_decision_records_the_digest_of_the_whole_text() -> None:
    """The audit's input digest is the SHA-256 of ``model_dump_json()``, community included."""
    proposal = Proposal.model_validate(example_data("jinjiang/proposal-eligible.json"))
    decision = evaluate(proposal, get_rulebook("cn.sichuan.chengdu.jinjiang"))
    expected = hashlib.sha256(proposal.model_dump_json().encode("utf-8")).hexdigest()
    assert decision.audit is not None
    assert decision.audit.input_sha256 == expected


def test_a_subject_that_is_not_a_pydantic_model_writes_its_own_json() -> None:
    """A subject with a ``community`` attribute but no pydantic fields (a procedure step's
    input) is digested from its own ``model_dump_json()`` (regression: the shortcut read
    ``model_fields`` of any subject)."""

    class Step:
        community = object()

        def model_dump_json(self) -> str:
            return '{"step":"vote"}'

    assert canonical_json(Step()) == '{"step":"vote"}'
    assert input_digest(Step()) == hashlib.sha256(b'{"step":"vote"}').hexdigest()
