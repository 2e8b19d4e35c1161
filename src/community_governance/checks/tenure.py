"""Checks of members' terms against their body's term: by-elected members serve to its end."""

from __future__ import annotations

from ..exceptions import MissingDataError
from ..models.body import BodyComposition
from ..rules.rule import Check, RuleContext
from .bodies import body_zh

__all__ = ["by_election_term"]


def by_election_term(s: BodyComposition, ctx: RuleContext) -> Check:
    """A member elected during the body's term (补选, ``term_start`` after the body's) serves
    until the end of that term (任期到本届任期届满时止): same ``term_end``."""
    body = s.body
    if body.term_start is None or body.term_end is None:
        raise MissingDataError(
            f"community.bodies[id={body.id}].term_start/term_end",
            "the body's current term is not recorded",
            f"未登记{body_zh(body.kind)}的本届任期",
        )
    by_elected = [
        m
        for m in s.community.memberships
        if m.body_id == body.id and m.active_on(s.as_of) and m.term_start > body.term_start
    ]
    if not by_elected:
        return Check.not_applicable(
            "本届没有补选的成员", "no member was elected during the term", by_elected=[]
        )
    wrong = [m.person_id for m in by_elected if m.term_end != body.term_end]
    ids = [m.person_id for m in by_elected]
    end = body.term_end.isoformat()
    if not wrong:
        return Check.passed(
            f"补选的成员{'、'.join(ids)}任期到本届届满（{end}）时止",
            f"by-elected members {', '.join(ids)} serve to the end of the term ({end})",
            by_elected=ids,
            wrong_term=[],
        )
    return Check.failed(
        f"补选的成员任期应到本届届满（{end}）时止，以下成员不符：{'、'.join(wrong)}",
        f"by-elected members serve to the end of the term ({end}); not so for {', '.join(wrong)}",
        by_elected=ids,
        wrong_term=wrong,
    )
