"""Chinese texts name states, bodies and kinds in Chinese, never by their English codes."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from pydantic import ValidationError

from community_governance import (
    Election,
    Meeting,
    Proposal,
    WorkItem,
    builtin_rulebooks,
    check_work_item,
    evaluate,
    get_rulebook,
    load_rulebook,
)
from community_governance.checks.bodies import body_zh
from community_governance.labels import LABELS, label
from community_governance.models import SUBJECT_MODELS
from community_governance.procedures import ProcedureRun, replay
from community_governance.rules.decision import Decision

from ._support import EXAMPLES, example_data, load_example

#: Every labelled code that could leak into a sentence.
CODES = {value for values in LABELS.values() for value in values}
#: A code as a word of its own (not part of a rule id, a field path or a table name).
_WORD = re.compile(r"(?<![\w.\-/=\[])[a-z][a-z_]*(?![\w.\-/\]])")


def leaked(text: str) -> set[str]:
    """The labelled codes ``text`` uses as words."""
    return {w for w in _WORD.findall(text) if w in CODES}


def jinjiang_vote_before_review() -> Decision:
    run = ProcedureRun.model_validate_json(
        load_example("procedures/jinjiang-vote-before-review.json")
    )
    state = replay(run, get_rulebook(run.rulebook))
    assert state.rejection is not None
    return state.rejection.decision


class TestProcedureSteps:
    """A rejected step says in Chinese which steps come first and who acts."""

    def test_the_order_is_told_by_the_steps_not_the_state_codes(self) -> None:
        """ "reviewed"/"deliberated" become the steps that lead there."""
        msg = jinjiang_vote_before_review().finding("proposal.sequence").message_zh
        assert msg.startswith("“居民代表会议票决”只能在“党员大会审议”之后进行；")
        assert "当前已完成“两委联席会议商议”" in msg
        assert not leaked(msg)

    def test_bodies_and_results_are_named_in_chinese(self) -> None:
        """Actor, supervisor and the recorded result are Chinese words; an urban meeting's
        assembly is the residents' representatives' assembly."""
        d = jinjiang_vote_before_review()
        assert d.finding("procedure.actor").message_zh == "“居民代表会议票决”由居民代表会议进行"
        assert "记录为通过" in d.finding("procedure.record").message_zh
        assert d.finding("proposal.supervision").message_zh == (
            "该步骤由居民代表会议工作委员会监督"
        )
        assert not set().union(*(leaked(f.message_zh) for f in d.findings))

    def test_the_evidence_keeps_the_codes(self) -> None:
        """Machines still read codes: the evidence is unchanged."""
        evidence = jinjiang_vote_before_review().finding("proposal.sequence").evidence
        assert evidence["state"] == "deliberated"


class TestMeetings:
    """Meeting texts name the assembly, the community kind and the matter in Chinese."""

    def test_a_meeting_without_a_pass_rule(self) -> None:
        """The gap message names 居民会议 and 城市社区."""
        m = Meeting.model_validate_json(load_example("meetings/residents-assembly.json"))
        d = evaluate(m, get_rulebook("cn"), dt.date(2010, 3, 12))
        msg = d.finding("meeting.quorum").message_zh
        assert "没有适用于该会议（居民会议，城市社区）的表决规则" in msg
        assert "residents_assembly" in d.finding("meeting.quorum").message_en

    def test_a_motion_names_its_matter(self) -> None:
        """议题1（一般事项）, not 议题1（general）."""
        m = Meeting.model_validate_json(load_example("meetings/villagers-assembly.json"))
        msg = evaluate(m, get_rulebook("cn")).finding("meeting.majority").message_zh
        assert re.search(r"议题\S+（一般事项）", msg)
        assert "general" not in msg


class TestComposedAndListedRules:
    """Composed rules and the access lists show values by their labels."""

    def test_a_composed_when_names_the_proposer(self) -> None:
        """A rulebook-file rule limited to household proposals says so in Chinese."""
        book = load_rulebook(str(EXAMPLES / "rulebooks" / "locality-2027.toml"))
        p = Proposal.model_validate_json(load_example("rulebooks/locality-proposal.json"))
        msg = evaluate(p, book).finding("proposal.household-share").message_zh
        assert msg == ("提案主体为“居民代表联名”，本规则只适用于提案主体为“居民（户）联名”的议案")

    def test_incomplete_lists_name_their_kinds(self) -> None:
        """Anhui's incomplete lists: 依法履职事项, not duty."""
        data = {**example_data("access/assistance-funded.json"), "list_entry": "AH-A-01"}
        item = WorkItem.model_validate_json(json.dumps(data, ensure_ascii=False))
        d = check_work_item(item, "cn.anhui")
        msg = d.finding("work-item.listed").message_zh
        assert "公布依法履职事项17项" in msg
        assert not leaked(msg)

    def test_a_secondary_source_is_said_in_chinese(self) -> None:
        """A certificate on the national list cites a secondary copy: 据二手资料."""
        item = WorkItem.model_validate_json(load_example("access/certificate-kinship.json"))
        d = evaluate(item, get_rulebook("cn"))
        zh = " ".join(f.message_zh for f in d.findings)
        assert "据二手资料" in zh
        assert "(secondary)" not in zh
        assert "(secondary)" in " ".join(f.message_en for f in d.findings)

    def test_a_village_election_by_representatives_names_the_method(self) -> None:
        """选举方式为居（村）民代表选举, not representatives."""
        data = example_data("elections/village-election.json")
        data["method"] = "representatives"
        try:
            e = Election.model_validate_json(json.dumps(data, ensure_ascii=False))
        except ValidationError:
            pytest.skip("the model refuses this method for a village")
        msg = evaluate(e, get_rulebook("cn")).finding("village-election.direct")
        assert "选举方式为居（村）民代表选举" in msg.message_zh


class TestNames:
    """Names of bodies."""

    def test_body_zh_names_every_body_kind(self) -> None:
        """A kind the old table lacked gets its label, not its code."""
        assert body_zh("villager_group") == "村民小组"
        assert body_zh("residents_committee") == "居民委员会"

    def test_a_village_body_is_named_for_the_village(self) -> None:
        """村务监督委员会 in a village, 居务监督委员会 in a community."""
        kind = "supervision_committee"
        assert label("body_kind", kind, community_kind="rural") == "村务监督委员会"
        assert label("body_kind", kind, community_kind="urban") == "居务监督委员会"
        assert label("body_kind", kind) == "居（村）务监督委员会"
        assert label("body_kind", kind, "en", community_kind="rural") == "supervision committee"


def _subjects() -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for path in sorted(EXAMPLES.rglob("*.json")):
        text = path.read_text(encoding="utf-8")
        for model in SUBJECT_MODELS.values():
            try:
                out.append((str(path.relative_to(EXAMPLES)), model.model_validate_json(text)))
                break
            except ValidationError:
                continue
    return out


def test_no_example_decision_puts_a_code_in_chinese() -> None:
    """Across every example and built-in rulebook, no Chinese message or title uses a
    labelled English code as a word."""
    problems: set[tuple[str, str, str]] = set()
    subjects = _subjects()
    assert len(subjects) > 20
    for name, subject in subjects:
        for book in builtin_rulebooks():
            for f in evaluate(subject, book).findings:
                for word in leaked(f.message_zh) | leaked(f.title_zh):
                    problems.add((name, f.rule, word))
    assert not problems, sorted(problems)


def test_the_sweep_would_see_a_leak() -> None:
    """The detector finds a code used as a word, not inside an id or a path."""
    assert leaked("议题1（general）") == {"general"}
    assert leaked("community.memberships 与 proposal.sponsorship") == set()
