"""A Hypothesis state machine drives Jinjiang proposal runs with random steps: no run ever
reaches "implemented" without every stage, quorum and majority, and replay is deterministic."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from community_governance import StepRejected, get_rulebook
from community_governance.procedures import Event, ProcedureRun, RunState, apply, replay, start

from ._support import example_data

JINJIANG = get_rulebook("cn.sichuan.chengdu.jinjiang")
PROCEDURE = JINJIANG.procedure("major-matter")
ORDER = ("sponsor", "deliberate", "review", "vote", "publish", "implement")
ACTOR = {
    "sponsor": None,
    "deliberate": "joint_meeting",
    "review": "party_members_assembly",
    "vote": "representatives_assembly",
    "publish": "residents_committee",
    "implement": "residents_committee",
}
NEXT = {
    "drafted": "sponsor",
    "sponsored": "deliberate",
    "deliberated": "review",
    "reviewed": "vote",
    "adopted": "publish",
    "published": "implement",
}
GOOD = example_data("jinjiang/proposal-eligible.json")
SHORT = example_data("jinjiang/proposal-short.json")


def vote_meeting(on: dt.date, attendees: int, in_favour: int, result: str) -> dict[str, Any]:
    """A representatives' assembly of 55 members voting one motion on ``on``."""
    return {
        "id": "RA",
        "body": "representatives_assembly",
        "community_kind": "urban",
        "held_on": on.isoformat(),
        "constituted_by": "members",
        "entitled": 55,
        "attendees": attendees,
        "motions": [
            {
                "id": "1",
                "voted_on": on.isoformat(),
                "in_favour": in_favour,
                "against": attendees - in_favour,
                "result": result,
            }
        ],
    }


class ProposalRuns(RuleBasedStateMachine):
    """Random steps, good and bad, applied one at a time; the model predicts each outcome."""

    def __init__(self) -> None:
        super().__init__()
        self.run: RunState = start(PROCEDURE, JINJIANG, "SM")
        self.model = "drafted"
        self.day = dt.date(2026, 3, 1)

    @rule(
        step=st.sampled_from(ORDER),
        right_actor=st.booleans(),
        good_proposal=st.booleans(),
        quorate=st.booleans(),
        majority=st.booleans(),
        recorded_adopted=st.booleans(),
        supervised=st.booleans(),
    )
    def take_step(
        self,
        step: str,
        right_actor: bool,
        good_proposal: bool,
        quorate: bool,
        majority: bool,
        recorded_adopted: bool,
        supervised: bool,
    ) -> None:
        """Attempt a step; it is accepted exactly when order, body and record are lawful."""
        self._attempt(
            step, right_actor, good_proposal, quorate, majority, recorded_adopted, supervised
        )

    def _attempt(
        self,
        step: str,
        right_actor: bool,
        good_proposal: bool,
        quorate: bool,
        majority: bool,
        recorded_adopted: bool,
        supervised: bool,
    ) -> None:
        self.day += dt.timedelta(days=1)
        data: dict[str, Any] = {"step": step, "on": self.day.isoformat()}
        wanted = ACTOR[step]
        if wanted is not None:
            data["actor"] = wanted if right_actor else "owners_committee"
        if supervised:
            data["supervised_by"] = "assembly_working_committee"
        record_ok = True
        if step == "sponsor":
            data["proposal"] = GOOD if good_proposal else SHORT
            record_ok = good_proposal
        if step == "vote":
            attendees = 40 if quorate else 36
            in_favour = 30 if majority else 15
            result = "adopted" if recorded_adopted else "rejected"
            data["meeting"] = vote_meeting(self.day, attendees, in_favour, result)
            record_ok = quorate and (majority == recorded_adopted)
        actor_ok = wanted is None or right_actor
        expected = NEXT.get(self.model) == step and actor_ok and record_ok
        event = Event.model_validate_json(json.dumps(data))
        rejected: StepRejected | None = None
        try:
            self.run = apply(self.run, event)
        except StepRejected as e:
            rejected = e
        if rejected is not None:
            assert not expected, rejected.decision.explain()
            assert rejected.state == self.model
            return
        assert expected
        if step == "vote":
            self.model = "adopted" if recorded_adopted else "rejected"
        else:
            target = PROCEDURE.step(step)
            assert target is not None
            self.model = target.target

    @precondition(lambda self: self.model in NEXT)
    @rule(adopt=st.booleans())
    def take_the_next_lawful_step(self, adopt: bool) -> None:
        """Take the step the procedure expects next, lawfully (so that runs progress)."""
        step = NEXT[self.model]
        self._attempt(step, True, True, True, adopt, adopt, True)

    @precondition(lambda self: self.run.applied)
    @rule()
    def replay_gives_the_same_state(self) -> None:
        """Replaying the accepted events gives the same state and the same JSON."""
        run = ProcedureRun(
            format="cg.procedure-run/1",
            id="SM",
            rulebook=JINJIANG.id,
            events=tuple(a.event for a in self.run.applied),
        )
        again = replay(run, JINJIANG)
        assert again.rejection is None
        assert again.state == self.run.state
        assert json.dumps(again.to_dict()) == json.dumps(self.run.to_dict())

    @invariant()
    def state_matches_the_model(self) -> None:
        """The derived state is the one the model predicts."""
        assert self.run.state == self.model

    @invariant()
    def implemented_only_after_every_stage_quorum_and_majority(self) -> None:
        """'implemented' needs all six stages in order and a quorate, adopting vote."""
        if self.run.state != "implemented":
            return
        assert tuple(a.event.step for a in self.run.applied) == ORDER
        vote = self.run.applied[3].decision
        assert vote.finding("meeting.quorum").status == "passed"
        assert vote.finding("meeting.majority").status == "passed"
        assert self.run.applied[3].after == "adopted"


ProposalRuns.TestCase.settings = settings(max_examples=60, stateful_step_count=25, deadline=None)
TestProposalRuns = ProposalRuns.TestCase
