"""The layers of DESIGN.md: dependencies point down only, seen through every import form."""

from __future__ import annotations

import ast
from pathlib import Path

import community_governance

PACKAGE = Path(community_governance.__file__).parent
ROOT = "community_governance"
#: Lower layers first. A module may import its own layer and those below, never above.
LAYER = {
    "exceptions": 0,
    "_version": 0,
    "_escape": 0,
    "_io": 0,
    "_datafiles": 0,
    "labels": 0,
    "models": 1,
    "rules": 2,
    "schemas": 2,
    "engine": 3,
    "checks": 4,
    "rulebooks": 5,
    "procedures": 6,
    "batch": 7,
    "durable": 7,
    "verify": 7,
    # the community store: reads and writes SQLite; above models and rules, below the CLI
    "store": 7,
    "text": 7,
    "strategies": 8,
    "testing": 8,
    "cli": 9,
    "_cli_parser": 9,
    "_cli_support": 9,
}
#: Pairs that may not meet even downwards: the rule language knows no domain.
FORBIDDEN = {("rules", "models"), ("engine", "models"), ("engine", "checks")}
#: Law data imports no I/O and no file loader: it is data for the machinery to read.
LAW = "rulebooks.builtin"
LAW_MAY_NOT = {"pathlib", "io", "json", "tomllib", "yaml", "os", "sys", "urllib", "socket"}


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every import in a module as an absolute dotted name (relative ones resolved)."""
    me = _module(path)
    package = me.split(".") if path.name == "__init__.py" else me.split(".")[:-1]
    out: list[tuple[int, str]] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {
        id(n)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for n in ast.walk(block)
    }
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            out.extend((node.lineno, a.name) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join([ROOT, *base, *([node.module] if node.module else [])])
            else:
                name = node.module or ""
            if node.module is None or name == ROOT:
                out.extend((node.lineno, f"{name}.{a.name}") for a in node.names)
            else:
                out.append((node.lineno, name))
    return out


def _layer(dotted: str) -> str | None:
    if not dotted.startswith(ROOT + "."):
        return None
    head = dotted[len(ROOT) + 1 :].split(".")[0]
    return head if head in LAYER else None


class TestLayers:
    """models < rules < engine < checks < rulebooks < procedures < adapters and test kits."""

    def test_no_module_imports_a_layer_above_its_own(self) -> None:
        """Every import form (absolute, relative, from-package) points down or sideways."""
        wrong = []
        for path in sorted(PACKAGE.rglob("*.py")):
            mine = _module(path).split(".")[0]
            if mine not in LAYER:
                continue
            for line, target in _imports(path):
                theirs = _layer(target)
                if theirs is None or theirs == mine:
                    continue
                if LAYER[theirs] > LAYER[mine] or (mine, theirs) in FORBIDDEN:
                    wrong.append(f"{path.relative_to(PACKAGE)}:{line} imports {target}")
        assert not wrong, "\n".join(wrong)

    def test_law_data_does_no_io_and_loads_no_files(self) -> None:
        """rulebooks/builtin/** imports no I/O module and not the file loader."""
        wrong = []
        for path in sorted((PACKAGE / "rulebooks" / "builtin").rglob("*.py")):
            for line, target in _imports(path):
                top = target.split(".")[0]
                if top in LAW_MAY_NOT or target.startswith(f"{ROOT}.rulebooks._files"):
                    wrong.append(f"{path.relative_to(PACKAGE)}:{line} imports {target}")
                if target.startswith(f"{ROOT}.") and _layer(target) in ("procedures", "testing"):
                    wrong.append(f"{path.relative_to(PACKAGE)}:{line} imports {target}")
        assert not wrong, "\n".join(wrong)

    def test_machinery_names_no_statute(self) -> None:
        """rules/, engine/, checks/ and the rulebook machinery hold no law: no statute or seed
        named in their code (docstring examples aside)."""
        wrong = []
        machinery = [
            *(PACKAGE / "rules").rglob("*.py"),
            *(PACKAGE / "engine").rglob("*.py"),
            *(PACKAGE / "checks").rglob("*.py"),
            *(PACKAGE / "rulebooks").glob("_*.py"),
        ]
        for path in machinery:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = {
                id(n.body[0].value)
                for n in ast.walk(tree)
                if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef))
                and n.body
                and isinstance(n.body[0], ast.Expr)
                and isinstance(n.body[0].value, ast.Constant)
            }
            for node in ast.walk(tree):
                if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                    continue
                if id(node) in docstrings:
                    continue
                for needle in ("组织法", "民法典", ".txt", "民发〔"):
                    if needle in node.value:
                        wrong.append(f"{path.relative_to(PACKAGE)}:{node.lineno} names {needle}")
        assert not wrong, "\n".join(wrong)

    def test_the_checker_sees_absolute_and_relative_imports(self) -> None:
        """The import reader resolves both forms (so the layer test cannot go blind)."""
        path = PACKAGE / "engine" / "_evaluate.py"
        targets = {t for _, t in _imports(path)}
        assert f"{ROOT}.rules.decision" in targets
        assert f"{ROOT}.exceptions" in targets
