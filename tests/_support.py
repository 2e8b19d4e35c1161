"""Helpers shared by the tests (not fixtures): paths and example inputs."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def load_example(relative: str) -> str:
    """The text of an example input file."""
    return (EXAMPLES / relative).read_text(encoding="utf-8")


def example_data(relative: str) -> dict[str, object]:
    """An example input file parsed as JSON data."""
    data: dict[str, object] = json.loads(load_example(relative))
    return data
