"""Rules: a stable id, bilingual titles, a kind and severity, a declared scope, validity
dates, citations, the parameters and tables it reads, and the check that produces a finding.

A rule is declared data around a small check: the engine applies the scope and the dates; the
check only computes. What a check reads is declared with `reads` and enforced when it runs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from fractions import Fraction
from typing import Any, Literal, Protocol

import attrs

from ..exceptions import RulebookError
from ._text import share_text
from .citation import Citation
from .decision import FindingStatus, Severity, cached
from .parameter import Parameter, ParameterValue, ParameterVersion
from .scope import AnyScope, Scope
from .table import Table, TableEntry
from .validity import Validity

__all__ = [
    "Check",
    "CheckFn",
    "DeclaredCheck",
    "ParameterSource",
    "Rule",
    "RuleContext",
    "RuleKind",
    "reads",
]

RuleKind = Literal["obligation", "prohibition", "permission"]
"""obligation (应当 / 须), prohibition (不得), permission (可以 / 有权)."""
_RULE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$")
_PLACEHOLDER = re.compile(r"\{([a-z0-9][a-z0-9.\-]*)\}")


class ParameterSource(Protocol):
    """What a rule context reads law data from (a `Rulebook`)."""

    def parameter_version(self, name: str, at: dt.date) -> ParameterVersion:
        """The version of parameter ``name`` in force on ``at``."""
        ...

    def table(self, name: str) -> Table:
        """The table ``name`` as this rulebook sees it."""
        ...

    def entries(self, name: str, at: dt.date) -> tuple[TableEntry, ...]:
        """The entries of table ``name`` in force on ``at``."""
        ...


Render = Callable[[], tuple[str, str]]
"""Builds ``(zh, en)`` message text on first read (messages are rendered lazily)."""


@attrs.frozen(slots=True, init=False)
class Check:
    """What a rule's check function returns; the engine adds id, severity and citations.

    The message may be given as text, or as a ``render`` callable that builds it on first read
    (`Check.lazy`): a Decision nobody reads as text never pays for its messages.
    """

    status: FindingStatus
    _evidence: Mapping[str, Any] | Callable[[], Mapping[str, Any]] = attrs.field(
        eq=False, repr=False
    )
    #: The rule citations that ground *this* result, when a rule cites several laws and only
    #: some apply to the subject (a generic meeting rule citing every assembly's article);
    #: ``None`` means all of the rule's citations. Parameter citations are added either way.
    citations: tuple[Citation, ...] | None
    render: Render = attrs.field(eq=False, repr=False)

    def __init__(
        self,
        status: FindingStatus,
        message_zh: str,
        message_en: str,
        evidence: Mapping[str, Any] | None = None,
        citations: tuple[Citation, ...] | None = None,
    ) -> None:
        texts = (message_zh, message_en)
        self.__attrs_init__(status, {} if evidence is None else evidence, citations, lambda: texts)

    @classmethod
    def lazy(
        cls,
        status: FindingStatus,
        render: Render,
        evidence: Mapping[str, Any] | Callable[[], Mapping[str, Any]] | None = None,
    ) -> Check:
        """A result whose ``(zh, en)`` message is built by ``render`` only when read; the
        evidence may be a callable too (called at most once, when read)."""
        return cls._make(status, {} if evidence is None else evidence, None, cached(render))

    @property
    def evidence(self) -> Mapping[str, Any]:
        """The numbers and facts compared (built on first read for a lazy result)."""
        found = self._evidence
        if callable(found):
            found = found()
            object.__setattr__(self, "_evidence", found)
        return found

    @classmethod
    def _make(
        cls,
        status: FindingStatus,
        evidence: Mapping[str, Any] | Callable[[], Mapping[str, Any]],
        citations: tuple[Citation, ...] | None,
        render: Render,
    ) -> Check:
        out = cls.__new__(cls)
        out.__attrs_init__(status, evidence, citations, render)
        return out

    @property
    def message_zh(self) -> str:
        """The Chinese message."""
        return self.render()[0]

    @property
    def message_en(self) -> str:
        """The English message."""
        return self.render()[1]

    def citing(self, *citations: Citation) -> Check:
        """This result, grounded on ``citations`` only (plus the parameter values read)."""
        return self._make(self.status, self._evidence, citations, self.render)

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
        """The rule is in scope, but the subject's facts do not call for it (say why)."""
        return cls("not_applicable", zh, en, evidence)


class RuleContext:
    """Given to a check: the date, and lookups of the law data the rule declared it reads.

    A lookup of a parameter or table the rule did not declare raises `RulebookError`: what a
    rule reads is what its explanation and ``cgov rules`` say it reads.

    Attributes:
        at: the date the law is applied as of.
        used: the parameter versions read so far (they join the finding's explanation).
    """

    __slots__ = ("at", "declared", "rule_id", "source", "tables", "used")

    def __init__(
        self,
        source: ParameterSource,
        at: dt.date,
        declared: Collection[str] | None = None,
        rule_id: str = "",
        tables: Collection[str] = (),
    ) -> None:
        self.source = source
        self.at = at
        self.declared = declared
        self.tables = tables
        self.rule_id = rule_id
        self.used: dict[str, ParameterVersion] = {}

    def _version(self, name: str) -> ParameterVersion:
        declared = self.declared
        if declared is not None and name not in declared:
            raise RulebookError(
                f"rule {self.rule_id}",
                "parameters",
                f"the check reads parameter {name!r}, which the rule does not declare "
                "(declare it with reads(...) on the check)",
            )
        version = self.source.parameter_version(name, self.at)
        self.used[name] = version
        return version

    def as_of(self, day: dt.date) -> RuleContext | None:
        """The same lookups as of another day — for a fact judged by the law in force when
        it happened (a grant by the cap in force on the day it was paid) — or ``None`` if a
        parameter the rule declares has no value in force that day (the law did not exist
        yet: the fact is not governed by it). Versions read through it join this context's
        ``used``.

        Examples:
            >>> import datetime as dt
            >>> from community_governance import get_rulebook
            >>> book = get_rulebook("cn.sichuan.chengdu.jinjiang")
            >>> ctx = RuleContext(book, dt.date(2026, 3, 1),
            ...                   ("social-organization.start-up-grant.filed.max",))
            >>> ctx.as_of(dt.date(2009, 1, 1)) is None
            True
            >>> ctx.as_of(dt.date(2012, 1, 1)).count("social-organization.start-up-grant.filed.max")
            5000
        """
        for name in self.declared or ():
            try:
                self.source.parameter_version(name, day)
            except LookupError:
                return None
        other = RuleContext(self.source, day, self.declared, self.rule_id, self.tables)
        other.used = self.used
        return other

    def param(self, p: Parameter | str) -> ParameterValue:
        """The value in force on ``self.at`` of a parameter (a handle or its name)."""
        return self._version(p if type(p) is str else p.name).value  # type: ignore[union-attr]

    def count(self, p: Parameter | str) -> int:
        """A ``count`` parameter's value.

        Raises:
            RulebookError: the parameter is a share.
        """
        value = self._version(p if type(p) is str else p.name).value  # type: ignore[union-attr]
        if type(value) is not int:
            raise RulebookError(
                f"rule {self.rule_id}", _name(p), f"is read as a count but holds {value}"
            )
        return value

    def share(self, p: Parameter | str) -> Fraction:
        """A ``share`` parameter's value.

        Raises:
            RulebookError: the parameter is a count.
        """
        value = self._version(p if type(p) is str else p.name).value  # type: ignore[union-attr]
        if not isinstance(value, Fraction):
            raise RulebookError(
                f"rule {self.rule_id}", _name(p), f"is read as a share but holds {value}"
            )
        return value

    def table(self, t: Table | str) -> tuple[TableEntry, ...]:
        """The entries of a table in force on ``self.at``."""
        name = _name(t)
        if self.declared is not None and name not in self.tables:
            raise RulebookError(
                f"rule {self.rule_id}",
                "tables",
                f"the check reads table {name!r}, which the rule does not declare",
            )
        return self.source.entries(name, self.at)


def _name(p: Parameter | Table | str) -> str:
    return p if isinstance(p, str) else p.name


CheckFn = Callable[[Any, RuleContext], Check]
"""A rule's check: ``(subject, context) -> Check``; raise `MissingDataError` for missing facts."""


@attrs.frozen(slots=True)
class DeclaredCheck:
    """A check with the parameters and tables it reads declared (see `reads`)."""

    fn: CheckFn = attrs.field(repr=False)
    parameters: tuple[Parameter | str, ...] = ()
    tables: tuple[Table | str, ...] = ()

    def __call__(self, subject: Any, ctx: RuleContext) -> Check:
        """Run the check."""
        return self.fn(subject, ctx)


def reads(
    *parameters: Parameter | str, tables: Iterable[Table | str] = ()
) -> Callable[[CheckFn], DeclaredCheck]:
    """Declare what a check reads; the rule's ``parameters`` and ``tables`` derive from it.

    Examples:
        >>> from fractions import Fraction
        >>> @reads("proposal.sponsorship.households")
        ... def check(subject, ctx):
        ...     return Check.passed("符合", "complies")
        >>> check.parameters
        ('proposal.sponsorship.households',)
    """
    params, tabs = tuple(parameters), tuple(tables)

    def wrap(fn: CheckFn) -> DeclaredCheck:
        return DeclaredCheck(fn, params, tabs)

    return wrap


def _citations(value: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(value)


def _handles(value: Iterable[Parameter | str]) -> tuple[Parameter | str, ...]:
    return tuple(value)


def _rule_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _RULE_ID.match(value):
        raise RulebookError(
            "rule",
            "id",
            f"must be dotted kebab-case like 'proposal.sponsorship' (got {value!r})",
        )


def _scope(
    instance: object, attribute: attrs.Attribute[Scope | AnyScope], value: Scope | AnyScope
) -> None:
    if not isinstance(value, (Scope, AnyScope)):
        raise RulebookError(
            f"rule {getattr(instance, 'id', '?')}",
            "scope",
            f"must be a Scope naming a subject model class, e.g. Scope(Proposal) (got {value!r})",
        )


def _one_of(*allowed: str) -> Callable[[object, attrs.Attribute[str], str], None]:
    def check(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
        if value not in allowed:
            raise RulebookError(
                f"rule {getattr(instance, 'id', '?')}",
                attribute.name,
                f"must be one of {', '.join(allowed)} (got {value!r})",
            )

    return check


@attrs.frozen(slots=True, kw_only=True)
class Rule:
    """One rule of law as code.

    Args:
        id: stable dotted kebab-case id, never renamed once released.
        title_zh: Chinese title; ``{parameter-name}`` placeholders render the value in force.
        title_en: English title, likewise.
        kind: ``obligation`` / ``prohibition`` / ``permission``.
        severity: ``must``, or ``advisory`` for 原则上 / 一般 wording (warns, never denies).
        scope: what the rule applies to (`Scope`: the subject's model class and facts; `|`
            joins scopes into an `AnyScope`).
        check: ``(subject, RuleContext) -> Check``; declare what it reads with `reads`.
        citations: where the rule comes from (at least one).
        parameters: parameters read besides those the check declares (handles or names).
        tables: tables read besides those the check declares.
        valid_from: first day in force, or ``None`` (no lower limit).
        valid_to: first day no longer in force (exclusive), or ``None``.

    Raises:
        RulebookError: a malformed id, scope, kind, severity, dates, no citation, or a title
            placeholder naming a parameter the rule does not read.
    """

    id: str = attrs.field(validator=_rule_id)
    title_zh: str
    title_en: str
    kind: RuleKind = attrs.field(validator=_one_of("obligation", "prohibition", "permission"))
    severity: Severity = attrs.field(validator=_one_of("must", "advisory"))
    scope: Scope | AnyScope = attrs.field(validator=_scope)
    check: CheckFn = attrs.field(eq=False, repr=False)
    citations: tuple[Citation, ...] = attrs.field(converter=_citations)
    extra_parameters: tuple[Parameter | str, ...] = attrs.field(
        default=(), converter=_handles, alias="parameters", eq=False, repr=False
    )
    extra_tables: tuple[Table | str, ...] = attrs.field(
        default=(), converter=tuple, alias="tables", eq=False, repr=False
    )
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    validity: Validity = attrs.field(init=False, eq=False, repr=False)
    parameter_handles: tuple[Parameter, ...] = attrs.field(init=False, eq=False, repr=False)
    parameters: tuple[str, ...] = attrs.field(init=False)
    tables: tuple[str, ...] = attrs.field(init=False)
    #: The function the engine calls: the check, unwrapped from its declaration.
    run: CheckFn = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        where = f"rule {self.id}"
        if not self.citations:
            raise RulebookError(where, "citations", "every rule cites at least one source")
        for c in self.citations:
            if not isinstance(c, Citation):
                raise RulebookError(where, "citations", f"must be Citation values (got {c!r})")
        try:
            validity = Validity(self.valid_from, self.valid_to)
        except RulebookError as e:
            raise RulebookError(where, e.key, e.reason) from None
        declared = self.check if isinstance(self.check, DeclaredCheck) else None
        handles = (*(declared.parameters if declared else ()), *self.extra_parameters)
        names = tuple(dict.fromkeys(_name(p) for p in handles))
        tables = (*(declared.tables if declared else ()), *self.extra_tables)
        object.__setattr__(self, "validity", validity)
        object.__setattr__(
            self, "parameter_handles", tuple(p for p in handles if isinstance(p, Parameter))
        )
        object.__setattr__(self, "parameters", names)
        # a plain declaration only wraps its function; a subclass may add behaviour to calls
        run = declared.fn if declared is not None and type(declared) is DeclaredCheck else None
        object.__setattr__(self, "run", run or self.check)
        object.__setattr__(self, "tables", tuple(dict.fromkeys(_name(t) for t in tables)))
        for text in (self.title_zh, self.title_en):
            for name in _PLACEHOLDER.findall(text):
                if name not in names:
                    raise RulebookError(
                        where,
                        "title",
                        f"the title names parameter {{{name}}}, which the rule does not read",
                    )

    @property
    def subject(self) -> str:
        """The subject type name the rule applies to (``proposal``, ``body``…)."""
        return self.scope.subject_type

    def in_force(self, at: dt.date) -> bool:
        """Whether the rule applies on ``at`` (``valid_to`` exclusive)."""
        return self.validity.covers(at)

    def title(self, source: ParameterSource, at: dt.date) -> tuple[str, str]:
        """``(zh, en)`` titles with each ``{parameter}`` rendered as its value on ``at``
        (``…`` where no value is in force that day)."""
        return _render(self.title_zh, source, at, "zh"), _render(self.title_en, source, at, "en")


def _render(text: str, source: ParameterSource, at: dt.date, lang: str) -> str:
    if "{" not in text:
        return text

    def value(m: re.Match[str]) -> str:
        try:
            v = source.parameter_version(m.group(1), at).value
        except LookupError:
            return "…"
        if isinstance(v, Fraction):
            zh, en = share_text(v)
            return zh if lang == "zh" else en
        return str(v)

    return _PLACEHOLDER.sub(value, text)
