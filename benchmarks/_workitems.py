"""A JSON Lines file of N work items for the batch benchmark, made from the access examples.

The items cycle through the single-item examples in ``examples/access/*.json`` (funded and
unfunded assistance, a kinship certificate, a demolition the committee would be made
responsible for), so admitted and refused items alternate; only the ids change, so every line
is valid and is checked in full.
"""

from __future__ import annotations

import json
from pathlib import Path

from _inputs import ROOT

__all__ = ["ACCESS_EXAMPLES", "write_work_items"]

ACCESS_EXAMPLES = ROOT / "examples" / "access"


def _templates() -> list[dict[str, object]]:
    paths = sorted(ACCESS_EXAMPLES.glob("*.json"))
    if not paths:
        raise FileNotFoundError(f"no work-item examples (*.json) in {ACCESS_EXAMPLES}")
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


def write_work_items(path: Path, count: int) -> int:
    """Write ``count`` work items, one compact JSON object a line, ids ``WI-BENCH-0000001``…;
    return the number of templates cycled through."""
    templates = _templates()
    with path.open("w", encoding="utf-8") as f:
        for n in range(count):
            item = {**templates[n % len(templates)], "id": f"WI-BENCH-{n + 1:07d}"}
            f.write(json.dumps(item, ensure_ascii=False))
            f.write("\n")
    return len(templates)
