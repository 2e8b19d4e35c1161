"""Labels: every value of the library's closed vocabularies has a Chinese and an English label."""

from __future__ import annotations

import json
import re
from typing import Any, get_args

import pytest

from community_governance import labels
from community_governance.checks.pass_rules import MajorityBase
from community_governance.checks.procedure_guards import StepAttempt
from community_governance.checks.work_item_lists import LIST_ZH, ListKind
from community_governance.exceptions import UnknownReferenceError
from community_governance.models import SUBJECT_MODELS
from community_governance.models.community import (
    BodyKind,
    CommunityKind,
    Gender,
    Registration,
    Relation,
    Role,
)
from community_governance.models.constituency import ConstituencyKind
from community_governance.models.disclosure import DisclosureCategory
from community_governance.models.election import (
    ElectionMethod,
    ElectionRound,
    Nominator,
    SponsorKind,
)
from community_governance.models.evaluation import RatingValue
from community_governance.models.meeting import (
    AttendanceBase,
    Matter,
    MeetingBody,
    MotionResult,
    RequestBase,
)
from community_governance.models.proposal import ProposalCategory, Proposer
from community_governance.models.work_item import (
    CommitteeKind,
    CommitteeRole,
    RequesterLevel,
    WorkDomain,
)
from community_governance.rules.citation import Confidence, SourceKind
from community_governance.rules.decision import FindingStatus, Severity, Verdict
from community_governance.rules.parameter import ParameterKind
from community_governance.rules.rule import RuleKind
from community_governance.rules.threshold import Quantifier

#: Each label group and the type whose values it labels.
TYPES: dict[str, Any] = {
    "verdict": Verdict,
    "status": FindingStatus,
    "severity": Severity,
    "rule_kind": RuleKind,
    "confidence": Confidence,
    "source_kind": SourceKind,
    "quantifier": Quantifier,
    "parameter_kind": ParameterKind,
    "community_kind": CommunityKind,
    "body_kind": BodyKind,
    "meeting_body": MeetingBody,
    "role": Role,
    "gender": Gender,
    "registration": Registration,
    "relation": Relation,
    "election_method": ElectionMethod,
    "election_round": ElectionRound,
    "nominator": Nominator,
    "sponsor_kind": SponsorKind,
    "rating": RatingValue,
    "motion_result": MotionResult,
    "matter": Matter,
    "attendance_base": AttendanceBase,
    "request_base": RequestBase,
    "majority_base": MajorityBase,
    "proposal_category": ProposalCategory,
    "proposer": Proposer,
    "disclosure_category": DisclosureCategory,
    "constituency_kind": ConstituencyKind,
    "committee_kind": CommitteeKind,
    "committee_role": CommitteeRole,
    "requester_level": RequesterLevel,
    "work_domain": WorkDomain,
    "list_kind": ListKind,
}
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ASCII_WORD = re.compile(r"[A-Za-z_]{2,}")


class TestCoverage:
    """The labels cover the types exactly: a new value without a label fails here."""

    @pytest.mark.parametrize("group", sorted(TYPES))
    def test_every_literal_value_has_a_label(self, group: str) -> None:
        """The group labels every value of its Literal type, and nothing else."""
        assert set(labels.LABELS[group]) == set(get_args(TYPES[group]))

    def test_every_subject_type_has_a_label_that_agrees_with_its_model(self) -> None:
        """Subject types (every subject model and procedure steps) are labelled as the models
        name themselves."""
        subjects = {**SUBJECT_MODELS, StepAttempt.subject_type: StepAttempt}
        assert set(labels.LABELS["subject_type"]) == set(subjects)
        for name, model in SUBJECT_MODELS.items():
            assert labels.LABELS["subject_type"][name]["zh"] == model.subject_zh

    def test_every_group_is_typed_and_titled(self) -> None:
        """Every group is one of the types above and has a heading."""
        assert set(labels.LABELS) == {*TYPES, "subject_type"}
        assert set(labels.GROUPS) == set(labels.LABELS)

    def test_chinese_labels_are_chinese_and_english_labels_are_english(self) -> None:
        """A zh label has Chinese characters and no English words; an en label no Chinese."""
        for group, values in labels.LABELS.items():
            for value, text in values.items():
                assert _HAN.search(text["zh"]), (group, value)
                assert not _ASCII_WORD.search(text["zh"]), (group, value)
                assert text["en"], (group, value)
                assert not _HAN.search(text["en"]), (group, value)

    def test_list_kinds_agree_with_the_list_names_of_the_access_checks(self) -> None:
        """The list-kind label is the start of the name the access checks give the list."""
        for kind, name in LIST_ZH.items():
            assert name.startswith(labels.label("list_kind", kind))


class TestLookup:
    """`label`, `bilingual`, `to_dict` and `labels_text`."""

    def test_label_in_each_language(self) -> None:
        """zh, en and zh+en (Chinese first, a space between)."""
        assert labels.label("status", "not_applicable") == "不适用"
        assert labels.label("status", "not_applicable", "en") == "not applicable"
        assert labels.label("status", "not_applicable", "zh+en") == "不适用 not applicable"

    def test_an_unknown_value_is_shown_as_it_is(self) -> None:
        """A value no label names comes back unchanged (a newer model's value never breaks a
        text)."""
        assert labels.label("body_kind", "neighbourhood_watch") == "neighbourhood_watch"

    def test_an_unknown_group_is_an_error(self) -> None:
        """A misspelt group raises, naming the known groups."""
        with pytest.raises(UnknownReferenceError, match="body_kind"):
            labels.label("body_kinds", "grid")

    def test_to_dict_is_plain_json(self) -> None:
        """`to_dict` round-trips through JSON unchanged."""
        data = labels.to_dict()
        assert json.loads(json.dumps(data, ensure_ascii=False)) == data
        assert data["verdict"]["allowed"] == {"zh": "准予 / 符合", "en": "allowed"}

    def test_labels_are_read_only(self) -> None:
        """The shared mapping cannot be changed by a consumer."""
        with pytest.raises(TypeError):
            labels.LABELS["verdict"]["allowed"]["zh"] = "x"  # type: ignore[index]

    def test_labels_text_lists_every_group_in_the_chosen_language(self) -> None:
        """Every group heading appears; zh text has no English labels, en text no Chinese."""
        both = labels.labels_text()
        assert all(f"{group} — " in both for group in labels.LABELS)
        assert "不予 / 不符合  denied" in both
        chinese = labels.labels_text("zh")
        assert "不适用" in chinese
        assert "not applicable" not in chinese
        assert not _HAN.search(labels.labels_text("en"))

    def test_labels_text_rejects_an_unknown_language(self) -> None:
        """Only zh, en and zh+en."""
        with pytest.raises(ValueError, match="zh, en, zh\\+en"):
            labels.labels_text("fr")  # type: ignore[arg-type]
