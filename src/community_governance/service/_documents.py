"""The service's own JSON documents as pydantic models: the source of their OpenAPI schemas."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..schemas._decision import DecisionDocument, Text

__all__ = ["ProblemDocument", "ProblemEntry", "RulebookSummary", "StateDocument"]


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProblemEntry(_Doc):
    """One problem of the request, at one place."""

    loc: list[str | int] = Field(
        description="Path from the request's root: `body`, `query` or `path`, then keys and "
        '0-based indexes (`["body", "sponsor_household_ids", 3]`).'
    )
    pointer: str = Field(description="`loc` as a JSON Pointer fragment (`#/body/…`).")
    type: str = Field(
        description="A stable error type to key on (`missing`, `date_parsing`, "
        "`unknown_reference`, `duplicate_id`…)."
    )
    detail: str = Field(description="What is wrong, without the path.")
    input: str | None = Field(description="A short, escaped excerpt of the offending value.")


class ProblemDocument(_Doc):
    """An RFC 9457 problem document (`application/problem+json`) with every problem."""

    type: str = Field(description="The problem type (a `tag:` URI).")
    title: str
    status: int
    detail: str
    instance: str | None = Field(default=None, description="The request path.")
    errors: list[ProblemEntry] = Field(description="Every problem, each at its path.")
    omitted: int | None = Field(default=None, description="Problems not listed (over 1000).")


class RulebookSummary(_Doc):
    """A rulebook the service offers."""

    id: str
    version: str
    extends: str | None
    title: Text
    rules: int = Field(description="How many rules are in effect in it.")
    kind: Literal["builtin", "file"]


class StepDoc(_Doc):
    """One accepted event of a replayed run."""

    step: str
    on: str
    from_: str = Field(alias="from")
    to: str
    verdict: Literal["allowed", "denied", "indeterminate"]
    warnings: list[str]


class RejectionDoc(_Doc):
    """The first event refused while replaying, with the Decision that refused it."""

    step: str
    state: str
    decision: DecisionDocument


class NextStepsDoc(_Doc):
    """What may happen now, and what is still missing to complete the run."""

    available: list[str]
    missing: list[str]


class StateDocument(_Doc):
    """A procedure run replayed (`cg.procedure-state/1`)."""

    format: Literal["cg.procedure-state/1"]
    run: str
    procedure: str
    rulebook: dict[str, str]
    state: str
    complete: bool
    events: list[StepDoc]
    rejection: RejectionDoc | None
    at: str | None = None
    next_steps: NextStepsDoc | None = None
    due: list[dict[str, Any]] | None = None
