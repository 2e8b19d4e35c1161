"""Published JSON Schemas of the library's JSON formats, generated from the code.

The ``cg.decision/2`` schema is generated from a pydantic model of the document (built on
first use, not at import), so the schema, validation and the serialiser cannot drift apart: a
test checks every Decision the engine writes against it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..exceptions import FormatError
from ..rules.decision import DECISION_FORMAT

if TYPE_CHECKING:
    from pydantic import TypeAdapter

__all__ = ["SCHEMA_BASE", "decision_schema", "validate_decision"]

SCHEMA_BASE = "https://community-governance.readthedocs.io/schemas/"
"""Where the docs site publishes the schemas (``$id`` = base + ``decision-2.schema.json``)."""


@functools.cache
def _adapter() -> TypeAdapter[Any]:
    from pydantic import TypeAdapter

    from ._decision import DecisionDocument

    return TypeAdapter(DecisionDocument)


def decision_schema() -> dict[str, Any]:
    """The JSON Schema of ``cg.decision/2``.

    Examples:
        >>> decision_schema()["title"]
        'cg.decision/2'
    """
    schema: dict[str, Any] = _adapter().json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}decision-2.schema.json",
        **schema,
        "title": DECISION_FORMAT,
    }


def validate_decision(data: Mapping[str, Any]) -> None:
    """Check a parsed document against ``cg.decision/2``.

    Raises:
        FormatError: naming every problem with its path (``findings.0.status``).
    """
    from pydantic import ValidationError

    try:
        _adapter().validate_python(data, strict=True)
    except ValidationError as e:
        raise FormatError(
            DECISION_FORMAT,
            [(".".join(str(p) for p in err["loc"]), err["msg"]) for err in e.errors()],
        ) from None
