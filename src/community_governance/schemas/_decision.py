"""The ``cg.decision/2`` document as a pydantic model: the source of its JSON Schema."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["DecisionDocument"]

_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
IsoDate = Annotated[str, Field(pattern=_ISO_DATE, description="An ISO date, YYYY-MM-DD.")]
Exact = Annotated[
    int | Annotated[str, Field(pattern=r"^\d+/\d+$")],
    Field(description="A count (int) or an exact share as 'p/q'."),
]


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Text(_Doc):
    """Bilingual text."""

    zh: str
    en: str


class CitationDoc(_Doc):
    """A legal source."""

    source: str = Field(min_length=1)
    locator: str = Field(min_length=1)
    quote: str
    confidence: Literal["secondary", "unconfirmed"] | None = Field(
        default=None, description="Absent when the quote was read in the text itself."
    )
    note: str | None = None


class ParameterDoc(_Doc):
    """A parameter value a rule read, with the dates of that value and its source."""

    value: Exact
    valid_from: IsoDate
    valid_to: IsoDate | None = Field(description="Exclusive; null for an open end.")
    citation: CitationDoc


class FindingDoc(_Doc):
    """What one rule found."""

    rule: str
    status: Literal["passed", "failed", "not_applicable", "indeterminate"]
    severity: Literal["must", "advisory"]
    kind: Literal["obligation", "prohibition", "permission"]
    title: Text
    message: Text
    evidence: dict[str, object]
    citations: list[CitationDoc]
    parameters: dict[str, ParameterDoc]


class SubjectDoc(_Doc):
    """The subject judged."""

    type: str
    id: str


class RulebookDoc(_Doc):
    """The rulebook applied."""

    id: str
    version: str


class CoverageDoc(_Doc):
    """What the findings leave out, and what no rule covered."""

    out_of_scope: int = Field(ge=0)
    not_in_force: list[str]
    uncovered: Text | None


class DecisionDocument(_Doc):
    """A Decision: the verdict and every rule in scope, with its reasons."""

    format: Literal["cg.decision/2"]
    subject: SubjectDoc
    rulebook: RulebookDoc
    at: IsoDate
    verdict: Literal["allowed", "denied", "indeterminate"]
    coverage: CoverageDoc
    findings: list[FindingDoc]
