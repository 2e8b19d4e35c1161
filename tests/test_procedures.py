"""Procedures: replaying runs, rejecting unlawful steps with the Decision, next steps, due."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import attrs
import pytest

from community_governance import ConflictError, RulebookError, StepRejected, get_rulebook
from community_governance.checks.pass_rules import PASS_RULES
from community_governance.procedures import (
    Event,
    Procedure,
    ProcedureRun,
    Step,
    apply,
    assembly_due,
    due,
    judge,
    next_steps,
    replay,
    seal,
    sequence_rule,
    start,
)
from community_governance.rulebooks._rulebook import procedure_entry
from community_governance.rules import Citation
from community_governance.rules.parameter import Parameter
from community_governance.rules.table import Table, TableEntry

from ._support import example_data

JINJIANG = get_rulebook("cn.sichuan.chengdu.jinjiang")
NINGXIA = get_rulebook("cn.ningxia")
CN = get_rulebook("cn")


def run_data(name: str = "jinjiang-implemented") -> dict[str, Any]:
    """A shipped example run as JSON data (a deep copy)."""
    return copy.deepcopy(example_data(f"procedures/{name}.json"))


def as_run(data: dict[str, Any]) -> ProcedureRun:
    """Validate run data as a file from another app would be, its events (as a test edited
    them) hash-chained afresh, as a log written with the edits would be."""
    for e in data["events"]:
        e.pop("previous", None)
    return seal(ProcedureRun.model_validate_json(json.dumps(data)))


def unlinked(event: dict[str, Any]) -> Event:
    """An event of a shipped run without its link, to be applied on its own."""
    return Event.model_validate_json(json.dumps({**event, "previous": None}))


class TestJinjiangProposal:
    """Sponsored → deliberated → reviewed → voted → published → implemented."""

    def test_vote_before_party_members_review_is_rejected_citing_the_sequence_rule(
        self,
    ) -> None:
        """Voting straight after deliberation is refused by proposal.sequence."""
        state = replay(as_run(run_data("jinjiang-vote-before-review")), JINJIANG)
        assert state.state == "deliberated"
        assert state.rejection is not None
        decision = state.rejection.decision
        assert decision.verdict == "denied"
        finding = decision.finding("proposal.sequence")
        assert finding.status == "failed"
        assert "may only follow reviewed" in finding.message_en
        assert (
            finding.citations[0].quote
            == "经社区两委联席会议商议、党员大会审议、居民代表会议票决的方式决定"
        )

    def test_apply_raises_step_rejected_carrying_the_decision(self) -> None:
        """apply() refuses an out-of-order step with StepRejected and its attributes."""
        data = run_data()
        run = start(JINJIANG.procedure("major-matter"), JINJIANG, "JJ")
        run = apply(run, unlinked(data["events"][0]))
        with pytest.raises(StepRejected) as info:
            apply(run, unlinked(data["events"][2]))
        e = info.value
        assert (e.procedure, e.state, e.step) == ("major-matter", "sponsored", "review")
        assert e.decision.denials[0].rule == "proposal.sequence"

    def test_completed_in_order_reaches_implemented(self) -> None:
        """The whole run in order ends implemented, every step allowed."""
        state = replay(as_run(run_data()), JINJIANG)
        assert state.rejection is None
        assert state.is_complete
        assert [a.after for a in state.applied] == [
            "sponsored",
            "deliberated",
            "reviewed",
            "adopted",
            "published",
            "implemented",
        ]

    def test_implementation_before_publication_is_rejected(self) -> None:
        """'implemented' is reached only after the publication step."""
        data = run_data()
        del data["events"][4]
        state = replay(as_run(data), JINJIANG)
        assert state.state == "adopted"
        assert state.rejection is not None
        assert state.rejection.step == "implement"
        assert state.rejection.decision.finding("proposal.sequence").status == "failed"

    def test_posting_is_required_until_fifteen_days_after_it_went_up(self) -> None:
        """Posted 2026-03-21, the posting day not counted (民法典 第二百零一条 开始的当日不计入):
        up through 2026-04-05, reported open on that last day, gone on 2026-04-06."""
        state = replay(as_run(run_data("jinjiang-published")), JINJIANG)
        last_day = [d for d in due(state, at=dt.date(2026, 4, 5)) if d.kind == "posting"]
        assert len(last_day) == 1
        assert last_day[0].until == dt.date(2026, 4, 6)
        assert last_day[0].citations[0].locator == "第三十四条第三款"
        assert not [d for d in due(state, at=dt.date(2026, 4, 6)) if d.kind == "posting"]

    def test_posting_is_still_reported_after_implementation(self) -> None:
        """Implementing does not end the posting period."""
        state = replay(as_run(run_data()), JINJIANG)
        assert [d.kind for d in due(state, at=dt.date(2026, 4, 4))] == ["posting"]

    def test_sponsorship_reuses_the_proposal_rule(self) -> None:
        """A proposal short of sponsors is refused by proposal.sponsorship itself."""
        data = run_data()
        data["events"][0]["proposal"] = example_data("jinjiang/proposal-short.json")
        state = replay(as_run(data), JINJIANG)
        assert state.rejection is not None
        assert state.rejection.decision.finding("proposal.sponsorship").status == "failed"

    def test_vote_without_quorum_is_rejected(self) -> None:
        """35 of 55 members is short of 2/3: the vote is refused by meeting.quorum."""
        data = run_data()
        meeting = data["events"][3]["meeting"]
        meeting["attendees"] = 36
        meeting["motions"][0].update(in_favour=30, against=4, abstain=2)
        state = replay(as_run(data), JINJIANG)
        assert state.rejection is not None
        assert state.rejection.decision.finding("meeting.quorum").status == "failed"

    def test_adopted_without_majority_is_rejected(self) -> None:
        """A motion recorded adopted with 20 of 40 votes is refused by meeting.majority."""
        data = run_data()
        data["events"][3]["meeting"]["motions"][0].update(in_favour=20, against=18)
        state = replay(as_run(data), JINJIANG)
        assert state.rejection is not None
        assert state.rejection.decision.finding("meeting.majority").status == "failed"

    def test_rejected_vote_ends_the_run_rejected(self) -> None:
        """A vote recorded (correctly) as rejected leads to 'rejected', where nothing follows."""
        data = run_data()
        data["events"][3]["meeting"]["motions"][0].update(
            in_favour=15, against=23, result="rejected"
        )
        data["events"] = data["events"][:4]
        state = replay(as_run(data), JINJIANG)
        assert state.state == "rejected"
        outlook = next_steps(state, at=dt.date(2026, 4, 1))
        assert outlook.available == ()
        assert outlook.missing == ()

    def test_step_without_supervision_is_flagged_not_refused(self) -> None:
        """No supervision recorded: a warning from proposal.supervision, the step stands."""
        data = run_data()
        del data["events"][1]["supervised_by"]
        state = replay(as_run(data), JINJIANG)
        assert state.is_complete
        warnings = state.applied[1].decision.warnings
        assert [f.rule for f in warnings] == ["proposal.supervision"]

    def test_wrong_body_is_rejected(self) -> None:
        """The review is by the party members' assembly, not the joint meeting."""
        data = run_data()
        data["events"][2]["actor"] = "joint_meeting"
        state = replay(as_run(data), JINJIANG)
        assert state.rejection is not None
        assert state.rejection.decision.finding("procedure.actor").status == "failed"

    def test_replay_until_a_date_stops_before_later_events(self) -> None:
        """The run as it stood on a day: events dated after it have not happened yet."""
        run = as_run(run_data())
        assert replay(run, JINJIANG).state == "implemented"
        assert replay(run, JINJIANG, until=dt.date(2026, 4, 9)).state == "published"
        assert replay(run, JINJIANG, until=dt.date(2026, 4, 10)).state == "implemented"
        assert replay(run, JINJIANG, until=dt.date(2026, 3, 1)).state == "drafted"

    def test_step_dated_before_the_previous_one_is_rejected(self) -> None:
        """Events must not go back in time."""
        data = run_data()
        data["events"][2]["on"] = "2026-03-04"
        state = replay(as_run(data), JINJIANG)
        assert state.rejection is not None
        assert "before the previous step" in state.rejection.decision.denials[0].message_en

    def test_vote_dated_before_its_meeting_is_rejected(self) -> None:
        """The vote event cannot precede the meeting whose record it carries."""
        data = run_data()
        data["events"][3]["on"] = "2026-03-19"
        state = replay(as_run(data), JINJIANG)
        assert state.rejection is not None
        assert state.rejection.decision.finding("procedure.record").status == "failed"

    def test_vote_without_meeting_record_is_indeterminate(self) -> None:
        """A vote that carries no meeting record cannot be shown lawful: refused."""
        data = run_data()
        del data["events"][3]["meeting"]
        state = replay(as_run(data), JINJIANG)
        assert state.rejection is not None
        assert state.rejection.decision.verdict == "indeterminate"

    def test_a_record_nothing_judged_leaves_the_step_indeterminate(self) -> None:
        """An ordinary matter needs no sponsors, so no rule judges the proposal: the sponsor
        step cannot be shown lawful and is refused as indeterminate, naming the record."""
        data = run_data()
        data["events"][0]["proposal"]["category"] = "ordinary"
        state = replay(as_run(data), JINJIANG)
        assert state.state == "drafted"
        assert state.rejection is not None
        decision = state.rejection.decision
        assert decision.verdict == "indeterminate"
        assert not decision.denials
        assert decision.coverage.uncovered is not None
        assert decision.coverage.uncovered[1].startswith("the proposal ")

    def test_next_steps_say_what_may_happen_and_what_is_missing(self) -> None:
        """After deliberation the review may happen; four steps remain."""
        data = run_data()
        data["events"] = data["events"][:2]
        state = replay(as_run(data), JINJIANG)
        outlook = next_steps(state, at=dt.date(2026, 3, 6))
        assert outlook.available == ("review",)
        assert outlook.missing == ("review", "vote", "publish", "implement")
        assert [d.step for d in due(state, at=dt.date(2026, 3, 6))] == ["review"]

    def test_replay_is_deterministic(self) -> None:
        """The same events give the same state and byte-identical JSON."""
        run = as_run(run_data())
        a, b = replay(run, JINJIANG), replay(run, JINJIANG)
        assert a == b
        assert json.dumps(a.to_dict()) == json.dumps(b.to_dict())


@pytest.mark.parametrize(
    "name", ["jinjiang-implemented", "national-implemented", "ningxia-implemented"]
)
def test_shipped_runs_reach_their_final_state(name: str) -> None:
    """Every shipped complete run is implemented, each step allowed by rules that judged it."""
    data = run_data(name)
    state = replay(as_run(data), get_rulebook(data["rulebook"]))
    assert state.rejection is None
    assert state.is_complete
    assert {a.decision.verdict for a in state.applied} == {"allowed"}
    assert all(a.decision.coverage.uncovered is None for a in state.applied)


class TestRulebookChoosesTheProcedure:
    """Which procedure applies is the rulebook's choice, by id."""

    def test_each_rulebook_has_its_own_major_matter_procedure(self) -> None:
        """Jinjiang, Ningxia and the national rulebook define different steps."""
        steps = {
            book.id: tuple(s.name for s in book.procedure("major-matter").steps)
            for book in (CN, NINGXIA, JINJIANG)
        }
        assert steps["cn"] == ("review", "vote", "publish", "implement")
        assert steps["cn.ningxia"] == ("propose", "review", "decide", "publish", "implement")
        assert steps["cn.sichuan.chengdu.jinjiang"][:3] == ("sponsor", "deliberate", "review")

    def test_a_local_rulebook_can_replace_a_procedure(self) -> None:
        """A rulebook extending Jinjiang with its own definition replaces it."""
        local = JINJIANG.extend("cn.example", "1", procedures=(CN.procedure("major-matter"),))
        assert local.procedure("major-matter") is CN.procedure("major-matter")
        assert JINJIANG.procedure("major-matter").title_en == "Major-matter proposal (Jinjiang)"

    def test_unknown_procedure_is_an_error(self) -> None:
        """Asking for a procedure the rulebook lacks names the known ones."""
        with pytest.raises(LookupError, match="major-matter"):
            CN.procedure("budget")

    def test_procedures_are_the_procedures_table(self) -> None:
        """Each rulebook's procedures are entries of its table 'procedures', keyed by id,
        dated by the procedure and citing the law that orders the steps."""
        entry = JINJIANG.table("procedures").entry("major-matter")
        assert entry is not None
        assert entry.value is JINJIANG.procedure("major-matter")
        assert entry.validity.valid_from == dt.date(2011, 2, 22)
        assert entry.citation.quote.startswith("经社区两委联席会议商议")
        assert CN.table("procedures").entry("major-matter").value is CN.procedure("major-matter")
        assert JINJIANG.procedure_ids == ("major-matter",)

    def test_the_procedures_argument_builds_table_entries(self) -> None:
        """procedures= is a convenience: the definition becomes an entry replacing the
        parent's, dated by the procedure and citing its first guard's law."""
        local = JINJIANG.extend("cn.example", "1", procedures=(NINGXIA.procedure("major-matter"),))
        entry = local.table("procedures").entry("major-matter")
        assert entry is not None
        assert entry.value is NINGXIA.procedure("major-matter")
        assert entry.citation.source == "003_08e74ef2c04b700e.txt"
        assert entry.validity.valid_from == NINGXIA.procedure("major-matter").valid_from

    def test_a_procedures_table_layer_replaces_by_key(self) -> None:
        """A local rulebook may give its procedures as a table layer, like any table."""
        layer = Table(
            "procedures",
            "程序",
            "procedures",
            (procedure_entry(CN.procedure("major-matter")),),
            replaces=True,
        )
        local = JINJIANG.extend("cn.example", "1", tables=(layer,))
        assert local.procedure("major-matter") is CN.procedure("major-matter")

    def test_procedures_given_twice_are_refused(self) -> None:
        """The same procedure id twice, or both procedures= and a procedures table, conflict."""
        proc = CN.procedure("major-matter")
        with pytest.raises(ConflictError, match="procedure given twice"):
            CN.extend("cn.example", "1", procedures=(proc, proc))
        layer = Table("procedures", "程序", "procedures", (procedure_entry(proc),), replaces=True)
        with pytest.raises(ConflictError, match="both"):
            CN.extend("cn.example", "1", procedures=(proc,), tables=(layer,))

    def test_a_procedures_entry_must_hold_its_procedure(self) -> None:
        """An entry whose value is not the Procedure of its key is a RulebookError."""
        proc = CN.procedure("major-matter")
        wrong = TableEntry("budget", proc, Citation("s", "l"))
        layer = Table("procedures", "程序", "procedures", (wrong,))
        with pytest.raises(RulebookError, match=r"tables\.procedures\.entries\.budget"):
            CN.extend("cn.example", "1", tables=(layer,))


def national_events() -> list[dict[str, Any]]:
    """A national run (2026): party review, assembly vote, publication, implementation."""
    meeting = {
        "id": "RA-1",
        "body": "residents_assembly",
        "community_kind": "urban",
        "announced_on": "2026-03-01",
        "held_on": "2026-03-15",
        "constituted_by": "households",
        "entitled": 1000,
        "attendees": 600,
        "motions": [
            {
                "id": "1",
                "voted_on": "2026-03-15",
                "in_favour": 400,
                "against": 200,
                "result": "adopted",
            }
        ],
    }
    return [
        {"step": "review", "actor": "party_organization", "on": "2026-02-20"},
        {"step": "vote", "actor": "residents_assembly", "on": "2026-03-15", "meeting": meeting},
        {"step": "publish", "actor": "residents_committee", "on": "2026-03-16"},
        {"step": "implement", "actor": "residents_committee", "on": "2026-04-02"},
    ]


class TestNationalPartyFirst:
    """2025 Art. 30 (urban) / Art. 28 (village): the party organisation studies it first."""

    def test_in_order_run_is_implemented(self) -> None:
        """Review, vote, publish, implement: complete."""
        run = {
            "format": "cg.procedure-run/1",
            "id": "N-1",
            "rulebook": "cn",
            "events": national_events(),
        }
        assert replay(as_run(run), CN).is_complete

    def test_vote_before_party_review_is_rejected(self) -> None:
        """Voting without the party organisation's study is refused by the party-first rule."""
        run = {
            "format": "cg.procedure-run/1",
            "id": "N-2",
            "rulebook": "cn",
            "events": national_events()[1:],
        }
        state = replay(as_run(run), CN)
        assert state.rejection is not None
        f = state.rejection.decision.finding("major-matter.party-first")
        assert f.status == "failed"
        assert f.citations[0].locator == "第三十条第四款"

    def test_vote_with_short_notice_is_rejected(self) -> None:
        """Nine days' notice of a residents' assembly: refused by meeting.notice."""
        events = national_events()
        events[1]["meeting"]["announced_on"] = "2026-03-06"
        run = {"format": "cg.procedure-run/1", "id": "N-3", "rulebook": "cn", "events": events}
        state = replay(as_run(run), CN)
        assert state.rejection is not None
        assert state.rejection.decision.finding("meeting.notice").status == "failed"

    def test_national_procedure_does_not_apply_before_2026(self) -> None:
        """On 2025-12-31 the statutory party-first procedure is not yet in force."""
        events = national_events()[:1]
        events[0]["on"] = "2025-12-31"
        run = {"format": "cg.procedure-run/1", "id": "N-4", "rulebook": "cn", "events": events}
        state = replay(as_run(run), CN)
        assert state.rejection is not None
        assert "does not apply on 2025-12-31" in state.rejection.decision.denials[0].message_en
        assert next_steps(state, at=dt.date(2025, 12, 31)).available == ()


class TestNingxia:
    """提出议案 → 民主议定 → 公布告知 → 组织实施, supervised throughout."""

    def test_publication_before_decision_is_rejected(self) -> None:
        """公布告知 cannot precede 民主议定."""
        run = {
            "format": "cg.procedure-run/1",
            "id": "NX-1",
            "rulebook": "cn.ningxia",
            "events": [
                {"step": "propose", "on": "2026-03-01", "supervised_by": "supervision_committee"},
                {
                    "step": "publish",
                    "actor": "residents_committee",
                    "on": "2026-03-02",
                    "supervised_by": "supervision_committee",
                },
            ],
        }
        state = replay(as_run(run), NINGXIA)
        assert state.state == "proposed"
        assert state.rejection is not None
        assert state.rejection.decision.finding("proposal.sequence").citations[0].source == (
            "003_08e74ef2c04b700e.txt"
        )

    def test_no_posting_period_before_2026(self) -> None:
        """Published in 2020: no statutory minimum, so no posting is reported as open.

        The decision is a residents' assembly's (the 2018 urban law judges it): a 2020
        representatives' assembly has no statutory pass rule, so its vote cannot be shown
        lawful (see the next test).
        """
        state = replay(as_run(ningxia_2020(residents_assembly=True)), NINGXIA)
        assert state.rejection is None
        assert state.state == "published"
        assert [d.kind for d in due(state, at=dt.date(2020, 3, 20))] == ["step"]

    def test_a_2020_representatives_assembly_vote_is_indeterminate(self) -> None:
        """No law in the rulebook sets a 2020 urban representatives' assembly's quorum or
        majority: the decide step is refused as indeterminate, naming the gap (it used to be
        allowed because nothing judged the meeting)."""
        state = replay(as_run(ningxia_2020(residents_assembly=False)), NINGXIA)
        assert state.state == "proposed"
        assert state.rejection is not None
        decision = state.rejection.decision
        assert decision.verdict == "indeterminate"
        quorum = decision.finding("meeting.quorum")
        assert quorum.status == "indeterminate"
        assert "no pass rule in table meeting.pass-rules" in quorum.message_en


class TestPartyFirstFrom2026:
    """From 2026-01-01 a local procedure keeps the national party-first study: urban 2025
    Art. 30(4) «需由居民会议或者居民代表会议决定的重要事项，应当先经社区党组织研究讨论»
    (review E2 for Ningxia, D14 for Jinjiang)."""

    def test_ningxia_decision_without_the_party_study_is_rejected_from_2026(self) -> None:
        """The shipped 2026 Ningxia run without its review step: 民主议定 is refused by
        major-matter.party-first citing Art. 30(4) (it used to reach implemented)."""
        data = run_data("ningxia-implemented")
        data["events"] = [e for e in data["events"] if e["step"] != "review"]
        state = replay(as_run(data), NINGXIA)
        assert state.state == "proposed"
        assert state.rejection is not None
        assert state.rejection.step == "decide"
        f = state.rejection.decision.finding("major-matter.party-first")
        assert f.status == "failed"
        assert [(c.source, c.locator) for c in f.citations] == [
            ("城市居民委员会组织法(2025-10-28)", "第三十条第四款")
        ]

    def test_ningxia_decision_after_the_party_study_is_allowed(self) -> None:
        """提出议案 → 党组织研究讨论 → 民主议定: the study satisfies the guard."""
        state = replay(as_run(run_data("ningxia-implemented")), NINGXIA)
        decide = next(a for a in state.applied if a.event.step == "decide")
        assert decide.decision.finding("major-matter.party-first").status == "passed"

    def test_ningxia_before_2026_needs_no_party_study(self) -> None:
        """In 2020 the 2017 opinions' four steps suffice: the guard is not in force."""
        state = replay(as_run(ningxia_2020(residents_assembly=True)), NINGXIA)
        decide = next(a for a in state.applied if a.event.step == "decide")
        f = decide.decision.finding("major-matter.party-first")
        assert (f.status, f.evidence["in_force"]) == ("not_applicable", False)
        assert decide.decision.verdict == "allowed"

    def test_jinjiang_party_members_review_satisfies_the_statute_from_2026(self) -> None:
        """党员大会审议 is taken by a party body: the vote passes major-matter.party-first
        citing Art. 30(4), and its record guard cites Art. 30(4) before the report."""
        state = replay(as_run(run_data("jinjiang-implemented")), JINJIANG)
        vote = next(a for a in state.applied if a.event.step == "vote")
        assert vote.event.on >= dt.date(2026, 1, 1)
        party = vote.decision.finding("major-matter.party-first")
        assert party.status == "passed"
        assert party.citations[0].locator == "第三十条第四款"
        record = vote.decision.finding("procedure.record")
        assert [c.locator for c in record.citations][:1] == ["第三十条第四款"]

    def test_jinjiang_before_2026_cites_only_the_report(self) -> None:
        """A 2025 Jinjiang vote: the statutory guard is not in force, and the record guard
        cites the 2011 report alone."""
        vote = next(e for e in run_data("jinjiang-implemented")["events"] if e["step"] == "vote")
        vote["on"] = "2025-06-01"
        vote["meeting"]["held_on"] = "2025-06-01"
        vote["meeting"].pop("announced_on", None)
        for motion in vote["meeting"]["motions"]:
            motion["voted_on"] = "2025-06-01"
        run = attrs.evolve(start(JINJIANG.procedure("major-matter"), JINJIANG), state="reviewed")
        decision = judge(run, Event.model_validate_json(json.dumps(vote)))
        party = decision.finding("major-matter.party-first")
        assert party.status == "not_applicable"
        record = decision.finding("procedure.record")
        assert record.status == "passed"
        assert {c.source for c in record.citations} == {"004_63e647ccd94b093f.txt"}

    def test_a_village_decision_cites_the_village_article(self) -> None:
        """A villagers' assembly's decision without the party study fails citing village
        2025 Art. 28(3) «需由村民会议或者村民代表会议决定的重要事项，应当先经村党组织研究讨论»."""
        guard = NINGXIA.procedure("major-matter").guards[-1]
        assert guard.id == "major-matter.party-first"
        proc = Procedure(
            id="major-matter",
            title_zh="村",
            title_en="village",
            initial="drafted",
            final="adopted",
            steps=(
                Step("review", "研究", "study", ("drafted",), "reviewed", ("party_organization",)),
                Step(
                    "vote",
                    "决定",
                    "decide",
                    ("drafted", "reviewed"),
                    "adopted",
                    ("villagers_assembly",),
                    "meeting",
                ),
            ),
            guards=(guard,),
        )
        meeting = {
            "id": "V-1",
            "body": "villagers_assembly",
            "community_kind": "rural",
            "announced_on": "2026-03-01",
            "held_on": "2026-03-15",
            "constituted_by": "households",
            "entitled": 300,
            "attendees": 200,
            "motions": [
                {"id": "1", "voted_on": "2026-03-15", "in_favour": 150, "result": "adopted"}
            ],
        }
        vote = {
            "step": "vote",
            "actor": "villagers_assembly",
            "on": "2026-03-15",
            "meeting": meeting,
        }
        event = Event.model_validate_json(json.dumps(vote))
        with pytest.raises(StepRejected) as e:
            apply(start(proc, CN), event)
        f = e.value.decision.finding("major-matter.party-first")
        assert f.status == "failed"
        assert f.citations[0].locator == "第二十八条第三款"
        study = {"step": "review", "actor": "party_organization", "on": "2026-03-01"}
        reviewed = apply(start(proc, CN), Event.model_validate_json(json.dumps(study)))
        assert apply(reviewed, event).state == "adopted"


def ningxia_2020(*, residents_assembly: bool) -> dict[str, Any]:
    """The shipped Ningxia run moved to 2020, without the party organisation's study (not
    required before 2026) and stopped after publication; the decision is a residents'
    assembly of households, or the example's representatives' assembly."""
    data = copy.deepcopy(example_data("procedures/ningxia-implemented.json"))
    assert data["events"][1]["step"] == "review"
    data["events"] = [data["events"][0], *data["events"][2:4]]
    for event in data["events"]:
        event["on"] = event["on"].replace("2026", "2020")
    meeting = data["events"][1]["meeting"]
    meeting["held_on"] = meeting["held_on"].replace("2026", "2020")
    meeting["motions"][0]["voted_on"] = meeting["held_on"]
    if residents_assembly:
        data["events"][1]["actor"] = "residents_assembly"
        meeting.update(body="residents_assembly", constituted_by="households")
    return data


class TestDefinitionValidation:
    """A malformed procedure definition fails when it is built."""

    def test_unknown_source_state_is_rejected(self) -> None:
        """A step from a state nothing leads to is an error naming the step."""
        rule = sequence_rule("x.sequence", "顺序", "order", (Citation("s", "l"),))
        with pytest.raises(RulebookError, match=r"steps\[1\]\.sources"):
            Procedure(
                id="x",
                title_zh="x",
                title_en="x",
                initial="a",
                final="c",
                steps=(Step("go", "去", "go", ("a",), "b"), Step("on", "续", "on", ("z",), "c")),
                guards=(rule,),
            )

    def test_unreachable_final_state_is_rejected(self) -> None:
        """A final state no step reaches is an error."""
        rule = sequence_rule("x.sequence", "顺序", "order", (Citation("s", "l"),))
        with pytest.raises(RulebookError, match="cannot be reached"):
            Procedure(
                id="x",
                title_zh="x",
                title_en="x",
                initial="a",
                final="c",
                steps=(
                    Step("go", "去", "go", ("a",), "b"),
                    Step("back", "回", "back", ("b",), "a"),
                    Step("stay", "留", "stay", ("c",), "c"),
                ),
                guards=(rule,),
            )

    def test_mermaid_diagram_lists_every_transition(self) -> None:
        """The diagram has one arrow per transition, including the rejection."""
        text = JINJIANG.procedure("major-matter").mermaid()
        assert "reviewed --> rejected: vote (否决)" in text
        assert text.count("-->") == 9


class TestAssemblyDue:
    """Assemblies that must meet in each calendar period (review D1: 每半年 / 每季度 / 每年 are
    calendar half-years, quarters and years, as the library reads 民主评议每年至少进行一次 and
    一般事项至少每季度公布一次), evaluated at a date."""

    def test_urban_representatives_assembly_every_half_year(self) -> None:
        """每半年至少召开一次: last met 2026-01-15 (first half), so the second half of 2026 must
        hold the next — open on 2026-07-15 (rolling six months called it overdue), overdue on
        2027-01-01."""
        kwargs: dict[str, Any] = {
            "community_kind": "urban",
            "last_held_on": dt.date(2026, 1, 15),
            "rulebook": CN,
        }
        before = assembly_due("representatives_assembly", at=dt.date(2026, 7, 15), **kwargs)
        after = assembly_due("representatives_assembly", at=dt.date(2027, 1, 1), **kwargs)
        assert before is not None
        assert after is not None
        assert (before.status, before.until) == ("open", dt.date(2027, 1, 1))
        assert after.status == "overdue"
        assert "2026-07-01 – 2026-12-31" in after.message_en
        assert after.citations[0].locator == "第二十八条第二款"

    def test_village_representatives_assembly_every_calendar_quarter(self) -> None:
        """每季度召开一次: meetings on 5 Jan and 25 Jun satisfy Q1 and Q2, so on 5 Apr nothing
        is overdue (the rolling reading said it was); after 5 Jan with no Q2 meeting, 1 Jul is
        overdue."""
        kwargs: dict[str, Any] = {"community_kind": "rural", "rulebook": CN}
        item = assembly_due(
            "representatives_assembly",
            last_held_on=dt.date(2026, 1, 5),
            at=dt.date(2026, 4, 5),
            **kwargs,
        )
        assert item is not None
        assert (item.status, item.until) == ("open", dt.date(2026, 7, 1))
        late = assembly_due(
            "representatives_assembly",
            last_held_on=dt.date(2026, 1, 5),
            at=dt.date(2026, 7, 1),
            **kwargs,
        )
        assert late is not None
        assert late.status == "overdue"

    def test_village_representatives_assembly_under_both_texts(self) -> None:
        """Quarterly since the 2018 text: last met 2025-06-30 (Q2), Q3 passed without a
        meeting — overdue on 2025-10-01."""
        item = assembly_due(
            "representatives_assembly",
            community_kind="rural",
            last_held_on=dt.date(2025, 6, 30),
            at=dt.date(2025, 10, 1),
            rulebook=CN,
        )
        assert item is not None
        assert (item.status, item.until) == ("overdue", dt.date(2025, 10, 1))

    def test_villagers_assembly_yearly_only_from_2026(self) -> None:
        """The yearly villagers' assembly is new in the 2025 amendment: last met in 2025, the
        calendar year 2026 must hold one — open on 2026-03-01, overdue on 2027-01-01."""
        kwargs: dict[str, Any] = {"community_kind": "rural", "rulebook": CN}
        assert (
            assembly_due(
                "villagers_assembly",
                last_held_on=dt.date(2024, 1, 1),
                at=dt.date(2025, 12, 31),
                **kwargs,
            )
            is None
        )
        item = assembly_due(
            "villagers_assembly", last_held_on=dt.date(2025, 3, 1), at=dt.date(2026, 3, 1), **kwargs
        )
        assert item is not None
        assert (item.status, item.until) == ("open", dt.date(2027, 1, 1))
        late = assembly_due(
            "villagers_assembly", last_held_on=dt.date(2025, 3, 1), at=dt.date(2027, 1, 1), **kwargs
        )
        assert late is not None
        assert late.status == "overdue"

    def test_collective_members_assembly_yearly(self) -> None:
        """农村集体经济组织法 Art. 27: 成员大会每年至少召开一次 — last met 2025-06-01, due
        within 2026."""
        item = assembly_due(
            "collective_members_assembly",
            last_held_on=dt.date(2025, 6, 1),
            at=dt.date(2026, 1, 1),
            rulebook=CN,
        )
        assert item is not None
        assert (item.status, item.until) == ("open", dt.date(2027, 1, 1))

    def test_an_interval_that_does_not_divide_the_year_is_a_rulebook_error(self) -> None:
        """A local interval of five months has no calendar periods: refused, naming it."""
        entry = CN.table(PASS_RULES).entry("villagers-assembly.2025")
        assert entry is not None
        five = Parameter.count(
            "example.villagers-assembly.interval-months",
            "村民会议召开间隔（本地）",
            "villagers' assembly: months between meetings (example)",
            (5, dt.date(2026, 1, 1), None, Citation("某地办法", "第一条", "")),
            unit_zh="月",
        )
        local = CN.extend(
            "cn.example",
            "1",
            tables=(
                Table(
                    PASS_RULES,
                    "表决规则",
                    "pass rules",
                    (
                        TableEntry(
                            entry.key,
                            attrs.evolve(entry.value, interval_months=five),
                            entry.citation,
                            entry.validity,
                        ),
                    ),
                    replaces=True,
                ),
            ),
        )
        with pytest.raises(RulebookError, match=r"example\.villagers-assembly\.interval-months"):
            assembly_due(
                "villagers_assembly",
                community_kind="rural",
                last_held_on=dt.date(2026, 1, 1),
                at=dt.date(2026, 6, 1),
                rulebook=local,
            )
