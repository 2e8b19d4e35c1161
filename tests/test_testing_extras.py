"""The `testing` extra: what a user needs to test against the rules, without our dev tools."""

from __future__ import annotations

import re
import sys

from ._support import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

EXTRAS: dict[str, list[str]] = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))[
    "project"
]["optional-dependencies"]
DEV_TOOLS = {"mypy", "ruff", "types-pyyaml", "jsonschema"}
#: What the service's own tests need besides the service: a client and the OpenAPI validator.
SERVICE_TEST_TOOLS = {"httpx", "openapi-spec-validator"}


def names(requirements: list[str]) -> set[str]:
    """The distribution names of requirement strings, lower-cased (extras kept)."""
    return {re.split(r"[<>=!~;\s]", r, maxsplit=1)[0].lower() for r in requirements}


def test_testing_extra_has_the_kit() -> None:
    """`pip install community-governance[testing]` brings Hypothesis (strategies), pytest
    (the case-file plugin) and PyYAML (case files, `cgov test`)."""
    assert names(EXTRAS["testing"]) == {"hypothesis", "pytest", "pyyaml"}


def test_testing_extra_has_no_dev_tools() -> None:
    """Users do not get our type checker, linter, stubs or schema validator."""
    assert not names(EXTRAS["testing"]) & DEV_TOOLS


def test_the_ci_extra_is_the_kit_plus_the_dev_tools() -> None:
    """`.[test]`, which CI installs, includes the testing, service and dask extras, the
    service's test tools and the dev tools."""
    expected = {"community-governance[testing,service,dask]"} | SERVICE_TEST_TOOLS | DEV_TOOLS
    assert names(EXTRAS["test"]) == expected


def test_the_dask_extra_is_dask_alone() -> None:
    """`pip install community-governance[dask]` brings Dask (its bag is in the core package)."""
    assert names(EXTRAS["dask"]) == {"dask"}


def test_the_service_extra_is_fastapi_on_uvicorn() -> None:
    """`pip install community-governance[service]` brings FastAPI and uvicorn, nothing else."""
    assert names(EXTRAS["service"]) == {"fastapi", "uvicorn[standard]"}
