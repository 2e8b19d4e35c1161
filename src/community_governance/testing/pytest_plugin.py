"""pytest plugin for case files — opt-in.

Installed through the ``pytest11`` entry point, the plugin does nothing in a project until the
project asks for it with the ini option ``cg_cases``::

    [tool.pytest.ini_options]
    cg_cases = true

(``pytest -o cg_cases=true`` for one run). Then every ``*.yaml`` / ``*.yml`` file under a
directory named ``cases`` (or the ``cg_cases_dirname`` ini option) that mentions the
``cg.cases/`` format is a case file, strictly validated; each case is one test item. Other YAML
files are left alone. Until a case file is collected the plugin imports nothing of the library,
so installing the package costs other projects' test runs nothing.

``pytest -p no:community_governance`` removes the plugin altogether.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .cases import Case


def pytest_addoption(parser: pytest.Parser) -> None:
    """Register the ``cg_cases`` and ``cg_cases_dirname`` ini options."""
    parser.addini(
        "cg_cases",
        "collect community_governance case files (cg.cases/2) under `cases` directories",
        type="bool",
        default=False,
    )
    parser.addini(
        "cg_cases_dirname",
        "directory name whose YAML files are cg.cases/2 (or /1) case files (community_governance)",
        default="cases",
    )


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.File | None:
    """Collect case files, in a project that opted in."""
    if file_path.suffix not in (".yaml", ".yml"):
        return None
    config = parent.config
    if not config.getini("cg_cases"):
        return None
    if config.getini("cg_cases_dirname") not in file_path.parent.parts:
        return None
    # Leave the project's other YAML under a `cases/` folder alone. A file that names the
    # format at all (even misspelt, e.g. cg.cases/9) is ours to validate.
    try:
        if "cg.cases/" not in file_path.read_text(encoding="utf-8", errors="replace"):
            return None
    except OSError:
        return None
    result: pytest.File = CaseFileItem.from_parent(parent, path=file_path)
    return result


class CaseFileItem(pytest.File):
    """A ``cg.cases/2`` (or ``/1``) file."""

    def collect(self) -> Iterator[pytest.Item]:
        """One item per case; a malformed file fails as one item naming the key."""
        from .cases import load_case_file

        try:
            spec = load_case_file(self.path)
        except ValueError as e:
            yield BrokenCaseFile.from_parent(self, name="<invalid case file>", error=str(e))
            return
        try:
            store = spec.community_store(self.path.parent)
        except ValueError as e:
            yield BrokenCaseFile.from_parent(self, name="<invalid case file>", error=str(e))
            return
        for case in spec.cases:
            closed = spec.format == "cg.cases/1"
            yield CaseItem.from_parent(self, name=case.name, case=case, closed=closed, store=store)


class CaseItem(pytest.Item):
    """One case."""

    def __init__(
        self, *, case: Case, closed: bool = False, store: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.closed = closed
        self.store = store

    def runtest(self) -> None:
        """Evaluate the case and compare."""
        from .cases import run_case

        run_case(self.case, self.path.parent, closed=self.closed, store=self.store)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """Show the differences and the Decision's explanation, not a traceback."""
        from .cases import CaseFailure

        if isinstance(excinfo.value, CaseFailure):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the case is."""
        return self.path, None, f"case: {self.name}"


class BrokenCaseFile(pytest.Item):
    """Stands for a case file that failed validation."""

    def __init__(self, *, error: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.error = error

    def runtest(self) -> None:
        """Fail with the validation error."""
        from .cases import CaseFailure

        raise CaseFailure(self.error)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """The validation error, naming the key."""
        return str(excinfo.value)
