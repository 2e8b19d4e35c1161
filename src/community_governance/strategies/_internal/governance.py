"""Hypothesis strategies for how bodies are chosen and held to account: the choosing of a body's
members (推选产生), a body's report on its work (报告工作) and the evaluation of community
cadres (社区干部评议) (re-exported by `community_governance.strategies`)."""

from __future__ import annotations

import datetime as dt
from typing import get_args

from hypothesis import strategies as st

from ...models import BodySelection, CadreEvaluation, WorkReport
from ...models.cadre_evaluation import Announcement, Evaluators
from ...models.community import BodyKind, CommunityKind, Registration
from ...models.report import ReportAudience
from ...models.selection import Chooser
from .bounds import days_for
from .people import ids, maybe

__all__ = ["body_selections", "cadre_evaluations", "work_reports"]

_FIRST, _LAST = dt.date(2010, 1, 1), dt.date(2030, 12, 31)
#: The body kinds a rule on choosing or reporting names, drawn half of the time.
_NAMED: tuple[BodyKind, ...] = ("supervision_committee",)
_URBAN_ONLY = ("residents_committee", "residents_assembly", "residents_group")
_VILLAGE_ONLY = ("village_committee", "villagers_assembly", "villager_group")
_ASSEMBLIES = ("residents_assembly", "representatives_assembly")


def _kinds(kind: st.SearchStrategy[BodyKind] | None) -> st.SearchStrategy[BodyKind]:
    return (
        kind
        if kind is not None
        else st.one_of(st.sampled_from(_NAMED), st.sampled_from(get_args(BodyKind)))
    )


def _community_kinds(
    kind: st.SearchStrategy[CommunityKind] | None,
) -> st.SearchStrategy[CommunityKind]:
    return (
        kind
        if kind is not None
        else st.one_of(st.just("urban"), st.sampled_from(get_args(CommunityKind)))
    )


@st.composite
def _body_selections(
    draw: st.DrawFn,
    body_kind: st.SearchStrategy[BodyKind],
    community_kind: st.SearchStrategy[CommunityKind],
    chosen_on: st.SearchStrategy[dt.date],
) -> BodySelection:
    n = draw(st.integers(1, 6))
    persons = [
        {
            "id": f"P{i}",
            "registration": draw(maybe(st.sampled_from(get_args(Registration)))),
            "habitual_resident": draw(maybe(st.booleans())),
        }
        for i in range(n)
    ]
    body = draw(body_kind)
    kind = draw(community_kind)
    if (body in _URBAN_ONLY and kind == "rural") or (body in _VILLAGE_ONLY and kind == "urban"):
        kind = "village_to_residence"  # the urban and the village law's bodies both fit there
    chosen = draw(st.lists(st.sampled_from([p["id"] for p in persons]), min_size=1, unique=True))
    return BodySelection.model_validate(
        {
            "id": draw(ids("S")),
            "community": {
                "id": "C1",
                "name": "示例社区",
                "kind": kind,
                "persons": persons,
                "bodies": [{"id": "B", "kind": body}],
            },
            "body_id": "B",
            "chosen_on": draw(chosen_on),
            "chosen_by": draw(
                st.one_of(st.sampled_from(_ASSEMBLIES), st.sampled_from(get_args(Chooser)))
            ),
            "chosen_ids": chosen,
        }
    )


def body_selections(
    *,
    body_kind: st.SearchStrategy[BodyKind] | None = None,
    community_kind: st.SearchStrategy[CommunityKind] | None = None,
    chosen_on: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[BodySelection]:
    """Valid choosings of a body's members (推选产生): one to six persons of the community,
    residents or not (户籍, 常住, each recorded or not), chosen by an assembly half of the
    time, by any chooser otherwise.

    Args:
        body_kind: strategy for the body's kind (default: supervision committee half of the
            time, any kind otherwise).
        community_kind: strategy for the community's kind (default: urban half of the time).
        chosen_on: strategy for the day (default: 2010–2030, half of the time at the day
            a built-in rule on the subject came into force, a day either side, or later).
    """
    return _body_selections(
        _kinds(body_kind),
        _community_kinds(community_kind),
        chosen_on if chosen_on is not None else days_for("body_selection", _FIRST, _LAST),
    )


def work_reports(
    *,
    body_kind: st.SearchStrategy[BodyKind] | None = None,
    community_kind: st.SearchStrategy[CommunityKind] | None = None,
    reported_on: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[WorkReport]:
    """Valid reports of a body on its work (报告工作), to an assembly half of the time.

    Args:
        body_kind: strategy for the reporting body's kind (default: supervision committee half
            of the time, any kind otherwise).
        community_kind: strategy for the community's kind (default: urban half of the time).
        reported_on: strategy for the day (default: 2010–2030, half of the time at the day
            a built-in rule on the subject came into force, a day either side, or later).
    """
    return st.builds(
        lambda rid, body, kind, to, day: WorkReport.model_validate(
            {
                "id": rid,
                "body_kind": body,
                "community_kind": kind,
                "reported_to": to,
                "reported_on": day,
            }
        ),
        ids("R"),
        _kinds(body_kind),
        _community_kinds(community_kind),
        st.one_of(st.sampled_from(_ASSEMBLIES), st.sampled_from(get_args(ReportAudience))),
        reported_on if reported_on is not None else days_for("work_report", _FIRST, _LAST),
    )


def cadre_evaluations(
    *,
    community_kind: st.SearchStrategy[CommunityKind] | None = None,
    held_on: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[CadreEvaluation]:
    """Valid evaluations of community cadres (社区干部评议): by the residents or others, the
    results announced on the spot, later, not at all or not recorded, tied to rewards or not.

    Args:
        community_kind: strategy for the community's kind (default: urban half of the time).
        held_on: strategy for the day (default: 2010–2030, half of the time at the day
            a built-in rule on the subject came into force, a day either side, or later).
    """
    return st.builds(
        lambda eid, kind, day, evaluated, by, announcement, tied: CadreEvaluation.model_validate(
            {
                "id": eid,
                "community_kind": kind,
                "held_on": day,
                "evaluated_ids": evaluated,
                "evaluated_by": by,
                "announcement": announcement,
                "tied_to_rewards": tied,
            }
        ),
        ids("EV"),
        _community_kinds(community_kind),
        held_on if held_on is not None else days_for("cadre_evaluation", _FIRST, _LAST),
        st.lists(ids("P", at_most=99), min_size=1, max_size=5, unique=True),
        st.one_of(st.just("residents"), st.sampled_from(get_args(Evaluators))),
        maybe(st.sampled_from(get_args(Announcement))),
        maybe(st.booleans()),
    )
