"""Scope: what a rule applies to — the subject's model class and the facts that select it.

A rule's scope is declared, not coded: the engine indexes rules by subject class and selects
those whose facts match (a body kind, a community kind, an assembly…), so a Decision lists only
the rules in scope. A rule in scope whose conditions the subject does not meet (a proposal that
is not a major matter) still reports ``not_applicable`` from its check.

The rule language knows no domain: a subject class says which facts it has
(``scope_facts``, each with its admissible values) and gives them (``facts()``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Protocol

import attrs

from ..exceptions import RulebookError

__all__ = ["AnyScope", "FactValues", "Scope", "ScopedSubject"]

#: The facts of one subject, in the order of its class's ``scope_facts``.
FactValues = tuple[str | None, ...]


class ScopedSubject(Protocol):
    """What the engine needs of a subject model (`Proposal`, `BodyComposition`…)."""

    subject_type: ClassVar[str]
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]]

    @property
    def subject_id(self) -> str:
        """The id reported in the Decision."""
        ...

    @property
    def reference_date(self) -> Any:
        """The subject's own date (the default date of a check)."""
        ...

    def facts(self) -> FactValues:
        """The values of ``scope_facts``, in order (``None`` where not recorded)."""
        ...


def _values(name: str, value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    try:
        out = tuple(value)
    except TypeError:
        raise RulebookError(
            "scope", name, f"must be a str or a list of str (got {value!r})"
        ) from None
    if not out or not all(isinstance(v, str) for v in out):
        raise RulebookError("scope", name, f"must be a non-empty list of str (got {value!r})")
    return out


@attrs.frozen(slots=True, init=False)
class Scope:
    """The subjects a rule applies to.

    Args:
        subject: the subject's model class (`BodyComposition`, `Meeting`…), never a string.
        **facts: for each fact the class declares, the value or values that select the rule
            (``body_kind="residents_committee"``, ``community_kind=("urban", "rural")``).

    Raises:
        RulebookError: not a subject class, a fact the class does not have, or a value the
            fact cannot take — all at definition time, never silently at run time.

    Examples:
        >>> from community_governance.models import BodyComposition
        >>> s = Scope(BodyComposition, body_kind="residents_committee")
        >>> s.describe()
        'body (body_kind=residents_committee)'
        >>> Scope(BodyComposition, body_kind="residents_comittee")
        Traceback (most recent call last):
        ...
        community_governance.exceptions.RulebookError: scope: body_kind: 'residents_comittee' \
is not a value of body_kind (did you mean 'residents_committee'?)
    """

    subject: type[Any]
    facts: tuple[tuple[str, frozenset[str]], ...]
    _positions: tuple[tuple[int, frozenset[str]], ...] = attrs.field(eq=False, repr=False)

    def __init__(self, subject: type[Any], **facts: str | Iterable[str]) -> None:
        declared = _declared(subject)
        names = tuple(declared)
        pairs: list[tuple[str, frozenset[str]]] = []
        positions: list[tuple[int, frozenset[str]]] = []
        for name, raw in sorted(facts.items()):
            if name not in declared:
                raise RulebookError(
                    "scope",
                    name,
                    f"{subject.__name__} has no fact {name!r} (it has: {', '.join(names) or '—'})",
                )
            values = _values(name, raw)
            for v in values:
                if v not in declared[name]:
                    raise RulebookError(
                        "scope", name, f"{v!r} is not a value of {name}{_hint(v, declared[name])}"
                    )
            chosen = frozenset(values)
            pairs.append((name, chosen))
            positions.append((names.index(name), chosen))
        self.__attrs_init__(subject, tuple(pairs), tuple(positions))

    @property
    def subject_type(self) -> str:
        """The subject type name (``body``, ``meeting``…), as Decisions and files name it."""
        return str(self.subject.subject_type)

    def matches(self, values: FactValues) -> bool | None:
        """Whether a subject with these fact values is in scope; ``None`` when a fact the scope
        selects on is not recorded (the subject may or may not be in scope)."""
        unknown = False
        for i, allowed in self._positions:
            v = values[i]
            if v is None:
                unknown = True
            elif v not in allowed:
                return False
        return None if unknown else True

    def missing(self, values: FactValues) -> tuple[str, ...]:
        """The facts this scope selects on that ``values`` leave unrecorded."""
        names = tuple(_declared(self.subject))
        return tuple(names[i] for i, _ in self._positions if values[i] is None)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: ``{"subject": type, "facts": {name: [values]}}``."""
        return {
            "subject": self.subject_type,
            "facts": {name: sorted(values) for name, values in self.facts},
        }

    def describe(self) -> str:
        """One line for people: ``body (body_kind=residents_committee)``."""
        if not self.facts:
            return self.subject_type
        inner = "; ".join(f"{k}={'|'.join(sorted(v))}" for k, v in self.facts)
        return f"{self.subject_type} ({inner})"

    def __or__(self, other: Scope | AnyScope) -> AnyScope:
        """Either scope: ``Scope(Meeting, assembly="villagers_assembly") |
        Scope(Meeting, assembly="representatives_assembly", community_kind="rural")``."""
        parts = other.parts if isinstance(other, AnyScope) else (other,)
        return AnyScope((self, *parts))


@attrs.frozen(slots=True)
class AnyScope:
    """The union of scopes of one subject class: in scope when any part takes the subject in.

    Build it with ``|`` between `Scope` values.

    Examples:
        >>> from community_governance.models import Meeting
        >>> s = Scope(Meeting, assembly="villagers_assembly") | Scope(
        ...     Meeting, assembly="representatives_assembly", community_kind="rural")
        >>> s.matches(("representatives_assembly", "urban"))
        False
        >>> s.matches(("villagers_assembly", None))
        True
        >>> s.matches(("representatives_assembly", None)) is None
        True
    """

    parts: tuple[Scope, ...]

    def __attrs_post_init__(self) -> None:
        subjects = {p.subject for p in self.parts}
        if len(self.parts) < 2 or len(subjects) != 1:
            raise RulebookError(
                "scope", "any_of", "a union joins two or more scopes of one subject class"
            )

    @property
    def subject(self) -> type[Any]:
        """The subject model class."""
        return self.parts[0].subject

    @property
    def subject_type(self) -> str:
        """The subject type name."""
        return self.parts[0].subject_type

    def matches(self, values: FactValues) -> bool | None:
        """True if any part matches; ``None`` if none does but one cannot tell."""
        unknown = False
        for p in self.parts:
            m = p.matches(values)
            if m:
                return True
            if m is None:
                unknown = True
        return None if unknown else False

    def missing(self, values: FactValues) -> tuple[str, ...]:
        """The unrecorded facts that leave the union undecided."""
        out: dict[str, None] = {}
        for p in self.parts:
            if p.matches(values) is None:
                out.update(dict.fromkeys(p.missing(values)))
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: ``{"subject": type, "any_of": [{name: [values]}, …]}``."""
        return {
            "subject": self.subject_type,
            "any_of": [p.to_dict()["facts"] for p in self.parts],
        }

    def describe(self) -> str:
        """One line for people, the parts joined by ``or``."""
        return " or ".join(p.describe() for p in self.parts)

    def __or__(self, other: Scope | AnyScope) -> AnyScope:
        """This union with one more scope."""
        parts = other.parts if isinstance(other, AnyScope) else (other,)
        return AnyScope((*self.parts, *parts))


def _declared(subject: object) -> Mapping[str, tuple[str, ...]]:
    kind = getattr(subject, "subject_type", None)
    facts = getattr(subject, "scope_facts", None)
    if not isinstance(subject, type) or not isinstance(kind, str) or not kind:
        raise RulebookError(
            "scope",
            "subject",
            f"must be a subject model class such as Proposal or BodyComposition (got {subject!r})",
        )
    if not isinstance(facts, Mapping):
        raise RulebookError("scope", "subject", f"{subject.__name__} declares no scope_facts")
    return facts


def _hint(value: str, known: tuple[str, ...]) -> str:
    import difflib

    near = difflib.get_close_matches(value, known, n=1)
    return f" (did you mean {near[0]!r}?)" if near else f" (expected one of {', '.join(known)})"
