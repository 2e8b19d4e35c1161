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


Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256, lowercase hex.")]


class RulebookIdentityDoc(_Doc):
    """A rulebook as an auditor identifies it."""

    id: str
    version: str
    kind: Literal["builtin", "file", "python"] = Field(
        description="builtin: shipped with the library; file: read from a rulebook file; "
        "python: built in a program's code."
    )
    sha256: Sha256 = Field(
        description="SHA-256 of the rulebook's canonical JSON: json.dumps(to_dict(), "
        "ensure_ascii=False, sort_keys=True) as UTF-8 (`cgov rules --format json`, compact)."
    )
    files: list[Sha256] = Field(
        description="SHA-256 of the bytes of each file the rulebook was read from."
    )


class CommunityVersionDoc(_Doc):
    """The registered version of the community a subject given by ``community_id`` was
    resolved with (`community_governance.store`)."""

    id: str = Field(description="The community's id.")
    valid_from: IsoDate = Field(
        description="The first day the version is in force (until the next version's, exclusive)."
    )
    sha256: Sha256 = Field(
        description="SHA-256 of the version's canonical JSON: the community model's "
        "model_dump_json() as UTF-8."
    )


class AuditDoc(_Doc):
    """What made the Decision, so that `cgov verify` can make it again."""

    library_version: str = Field(description="community-governance version that evaluated.")
    rulebook: RulebookIdentityDoc
    extends: list[RulebookIdentityDoc] = Field(
        description="The rulebooks it extends, its parent first, up to the root."
    )
    input_sha256: Sha256 = Field(
        description="SHA-256 of the canonical input: the subject model's model_dump_json() "
        "(fields in model order, defaults written out) as UTF-8."
    )
    masked: bool = Field(
        description="Person ids and personal evidence replaced by salted digests (--mask)."
    )
    community: CommunityVersionDoc | None = Field(
        default=None,
        description="Present when the input named its community by community_id: the "
        "registered version used. Absent when the input carried the whole community.",
    )


class DecisionDocument(_Doc):
    """A Decision: the verdict and every rule in scope, with its reasons."""

    format: Literal["cg.decision/2"]
    subject: SubjectDoc
    rulebook: RulebookDoc
    at: IsoDate
    verdict: Literal["allowed", "denied", "indeterminate"]
    coverage: CoverageDoc
    findings: list[FindingDoc]
    audit: AuditDoc | None = Field(
        default=None,
        description="The audit trail. Every Decision the engine makes has one; it is absent "
        "only from Decisions assembled otherwise (procedure steps, for now).",
    )
