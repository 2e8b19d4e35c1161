"""Shared configuration of every input model: frozen, no extra keys, no coercion."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["Id", "IdTuple", "StrictModel", "Subject", "duplicates"]

#: An identifier: a non-empty string without surrounding whitespace.
Id = Annotated[
    str,
    StringConstraints(min_length=1, max_length=200, strip_whitespace=False, pattern=r"^\S(.*\S)?$"),
]
#: A tuple of ids; a JSON array or a Python list/tuple is accepted, items stay strict strings.
IdTuple = Annotated[tuple[Id, ...], Field(strict=False)]


class StrictModel(BaseModel):
    """Base of all input models: frozen, ``extra="forbid"``, strict types.

    A string ``"100"`` is never a count, ``1.0`` is never an int, and unknown keys are errors.
    """

    model_config = ConfigDict(
        strict=True,
        frozen=True,
        extra="forbid",
        allow_inf_nan=False,
        validate_default=True,
        use_attribute_docstrings=False,
        # schemas are built on first validation, not at import: most programs validate a
        # few subject types, and `import community_governance` stays light
        defer_build=True,
    )

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy, as pydantic makes it, without the values of ``functools.cached_property``
        indexes: they were computed from the old fields and ``update`` may change those."""
        copy = super().model_copy(update=update, deep=deep)
        for name in _cached_properties(type(self)):
            copy.__dict__.pop(name, None)
        return copy


@functools.cache
def _cached_properties(cls: type) -> tuple[str, ...]:
    return tuple(
        name
        for klass in cls.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, functools.cached_property)
    )


class Subject(StrictModel):
    """A model that rules are evaluated against (a proposal, a body, a work item…)."""

    #: The subject type rules are selected by (``Rule.subject``).
    subject_type: ClassVar[str] = ""
    #: The subject type's Chinese name, for messages.
    subject_zh: ClassVar[str] = ""
    #: The facts a rule's scope may select on, each with the values it can take.
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {}

    def facts(self) -> tuple[str | None, ...]:
        """The values of ``scope_facts``, in order (``None`` where not recorded)."""
        return ()

    @property
    def subject_id(self) -> str:
        """The id reported in the Decision."""
        raise NotImplementedError  # pragma: no cover - every concrete subject overrides it

    @property
    def reference_date(self) -> object:
        """The date the law applies as of when none is given (the subject's own date)."""
        return None


def duplicates(values: Iterable[str]) -> list[str]:
    """The values occurring more than once, in first-seen order."""
    counts = Counter(values)
    return [v for v, n in counts.items() if n > 1]
