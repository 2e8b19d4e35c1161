"""Published JSON Schemas of the library's JSON formats."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["decision_schema"]


def decision_schema() -> dict[str, Any]:
    """The JSON Schema of ``cg.decision/1``.

    Examples:
        >>> decision_schema()["title"]
        'cg.decision/1'
    """
    text = resources.files(__name__).joinpath("decision-1.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
