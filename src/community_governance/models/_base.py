"""Shared configuration of every input model: frozen, no extra keys, no coercion."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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
    )


class Subject(StrictModel):
    """A model that rules are evaluated against (a proposal, a body, a work item…)."""

    #: The subject type rules are selected by (``Rule.subject``).
    subject_type: ClassVar[str] = ""

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
