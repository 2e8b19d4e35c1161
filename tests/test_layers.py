"""The layers of DESIGN.md: dependencies point down only."""

from __future__ import annotations

import re
from pathlib import Path

import community_governance

PACKAGE = Path(community_governance.__file__).parent
#: models < rules < engine < rulebooks < procedures; rules know no domain (no models).
LAYER = {"models": 0, "rules": 1, "engine": 2, "rulebooks": 3, "procedures": 4}
FORBIDDEN = {("rules", "models")}
_IMPORT = re.compile(r"^\s*from \.\.(\w+)", re.M)


def test_no_module_imports_a_layer_above_its_own() -> None:
    """models, rules, engine, rulebooks and procedures import only downwards."""
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) < 2 or parts[0] not in LAYER:
            continue
        mine = parts[0]
        for target in _IMPORT.findall(path.read_text(encoding="utf-8")):
            if target in LAYER and (LAYER[target] > LAYER[mine] or (mine, target) in FORBIDDEN):
                wrong.append(f"{path.relative_to(PACKAGE)} imports ..{target}")
    assert not wrong, "\n".join(wrong)
