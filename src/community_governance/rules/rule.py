"""Rules: a stable id, bilingual titles, a kind and severity, validity dates, citations, the
parameters it reads, and the check that produces a finding."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, Protocol

import attrs

from .citation import Citation
from .decision import FindingStatus, Severity
from .parameter import ParameterValue, ParameterVersion

__all__ = ["Check", "CheckFn", "ParameterSource", "Rule", "RuleContext", "RuleKind"]

RuleKind = Literal["obligation", "prohibition", "permission"]
"""obligation (应当 / 须), prohibition (不得), permission (可以 / 有权)."""
_RULE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$")


class ParameterSource(Protocol):
    """What a rule context reads parameter values from (a `Rulebook`)."""

    def parameter_version(self, name: str, at: dt.date) -> ParameterVersion:
        """The version of parameter ``name`` in force on ``at``."""
        ...


@attrs.frozen(slots=True)
class Check:
    """What a rule's check function returns; the engine adds id, severity and citations."""

    status: FindingStatus
    message_zh: str
    message_en: str
    evidence: Mapping[str, Any] = attrs.field(factory=dict)
    #: The rule citations that ground *this* result, when a rule cites several laws and only
    #: some apply to the subject (a generic meeting rule citing every assembly's article);
    #: ``None`` means all of the rule's citations. Parameter citations are added either way.
    citations: tuple[Citation, ...] | None = None

    def citing(self, *citations: Citation) -> Check:
        """This result, grounded on ``citations`` only (plus the parameter values read)."""
        return attrs.evolve(self, citations=citations)

    @classmethod
    def passed(cls, zh: str, en: str, **evidence: Any) -> Check:
        """A passing result."""
        return cls("passed", zh, en, evidence)

    @classmethod
    def failed(cls, zh: str, en: str, **evidence: Any) -> Check:
        """A failing result."""
        return cls("failed", zh, en, evidence)

    @classmethod
    def not_applicable(cls, zh: str, en: str, **evidence: Any) -> Check:
        """The rule does not apply to this subject (say why)."""
        return cls("not_applicable", zh, en, evidence)


class RuleContext:
    """Given to a check: the date, and parameter lookup that records what was read.

    Attributes:
        at: the date the law is applied as of.
        used: the parameter versions read so far (their citations join the finding's).
    """

    __slots__ = ("at", "source", "used")

    def __init__(self, source: ParameterSource, at: dt.date) -> None:
        self.source = source
        self.at = at
        self.used: dict[str, ParameterVersion] = {}

    def param(self, name: str) -> ParameterValue:
        """The value of parameter ``name`` in force on ``self.at``."""
        version = self.source.parameter_version(name, self.at)
        self.used[name] = version
        return version.value


CheckFn = Callable[[Any, RuleContext], Check]
"""A rule's check: ``(subject, context) -> Check``; raise `MissingDataError` for missing facts."""


def _citations(value: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(value)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _rule_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _RULE_ID.match(value):
        raise ValueError(
            f"Rule.id must be dotted kebab-case like 'proposal.sponsorship' (got {value!r})"
        )


@attrs.frozen(slots=True)
class Rule:
    """One rule of law as code.

    Args:
        id: stable dotted kebab-case id, never renamed once released.
        title_zh: Chinese title.
        title_en: English title.
        kind: ``obligation`` / ``prohibition`` / ``permission``.
        severity: ``must``, or ``advisory`` for 原则上 / 一般 wording (warns, never denies).
        subject: the subject type it applies to (``proposal``, ``body``…).
        check: ``(subject, RuleContext) -> Check``.
        citations: where the rule comes from (at least one).
        parameters: names of the parameters the check reads.
        valid_from: first day in force, or ``None`` (no lower limit).
        valid_to: first day no longer in force (exclusive), or ``None``.
    """

    id: str = attrs.field(validator=_rule_id)
    title_zh: str
    title_en: str
    kind: RuleKind = attrs.field(
        validator=attrs.validators.in_(("obligation", "prohibition", "permission"))
    )
    severity: Severity = attrs.field(validator=attrs.validators.in_(("must", "advisory")))
    subject: str
    check: CheckFn = attrs.field(eq=False, repr=False)
    citations: tuple[Citation, ...] = attrs.field(converter=_citations)
    parameters: tuple[str, ...] = attrs.field(default=(), converter=_names)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if not self.citations:
            raise ValueError(f"rule {self.id}: every rule cites at least one source")
        if self.valid_from and self.valid_to and self.valid_to <= self.valid_from:
            raise ValueError(
                f"rule {self.id}: valid_to {self.valid_to} is not after valid_from "
                f"{self.valid_from}"
            )

    def in_force(self, at: dt.date) -> bool:
        """Whether the rule applies on ``at`` (``valid_to`` exclusive)."""
        return (self.valid_from is None or self.valid_from <= at) and (
            self.valid_to is None or at < self.valid_to
        )
