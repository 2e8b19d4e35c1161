"""Case files (``cg.cases/1``): inputs, rulebook, date and the expected explanation, as data.

A case asserts the verdict *and* the status of every rule considered, optionally substrings of
the messages. The pytest plugin (`community_governance.testing.pytest_plugin`) runs them; `run_case`
can be called from any test runner.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..engine import evaluate
from ..models import SUBJECT_MODELS
from ..rulebooks import Rulebook, get_rulebook, load_rulebook
from ..rules.decision import Decision

__all__ = ["CASES_FORMAT", "Case", "CaseFailure", "CaseFile", "load_case_file", "run_case"]

CASES_FORMAT = "cg.cases/1"


class _Spec(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")


class Messages(_Spec):
    """Substrings the finding's messages must contain."""

    zh: str | None = None
    en: str | None = None


Status = Literal["passed", "failed", "not_applicable", "indeterminate"]


class Expect(_Spec):
    """What the Decision must say."""

    verdict: Literal["allowed", "denied", "indeterminate"]
    findings: dict[str, Status] = Field(
        description="Rules considered, with their status. Complete unless `unlisted` is given."
    )
    unlisted: Status | None = Field(
        default=None,
        description="The status every rule not listed in `findings` must have (usually "
        "not_applicable), so that a case names the rules that matter and still fails if any "
        "other rule decides something. Without it, `findings` must list every rule.",
    )
    messages: dict[str, Messages] = Field(default_factory=dict)


class Case(_Spec):
    """One case: a subject input, a rulebook, a date and the expected Decision."""

    name: str = Field(min_length=1)
    subject: str
    rulebook: str = Field(
        description="A built-in rulebook id, or a rulebook file path relative to the case file."
    )
    at: dt.date | None = None
    input: dict[str, Any] | None = None
    input_file: str | None = Field(default=None, description="Path relative to the case file.")
    patch: dict[str, Any] | None = Field(
        default=None, description="JSON merge patch (RFC 7386) applied to the input."
    )
    expect: Expect

    @model_validator(mode="after")
    def _one_input(self) -> Case:
        if (self.input is None) == (self.input_file is None):
            raise ValueError("give exactly one of input or input_file")
        if self.subject not in SUBJECT_MODELS:
            raise ValueError(
                f"subject must be one of {sorted(SUBJECT_MODELS)} (got {self.subject!r})"
            )
        return self


class CaseFile(_Spec):
    """A ``cg.cases/1`` YAML document."""

    format: Literal["cg.cases/1"]
    cases: list[Case] = Field(strict=False, min_length=1)


class CaseFailure(AssertionError):
    """A case's Decision differs from what the case expects; the message lists every
    difference and the Decision's explanation."""


def load_case_file(path: str | Path) -> CaseFile:
    """Read and validate a case file.

    Raises:
        ValueError: unreadable YAML or malformed content, naming the file and the key.
    """
    import yaml

    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise ValueError(f"{p}: YAML syntax error: {e}") from None
    try:
        return CaseFile.model_validate(data)
    except ValidationError as e:
        lines = [f"{p}: invalid case file:"]
        for err in e.errors():
            loc = ".".join(str(x) for x in err["loc"])
            lines.append(f"  {loc}: {err['msg']}")
        raise ValueError("\n".join(lines)) from None


def _merge_patch(target: Any, patch: Any) -> Any:
    if not isinstance(patch, Mapping):
        return copy.deepcopy(patch)
    out = dict(target) if isinstance(target, Mapping) else {}
    for k, v in patch.items():
        if v is None:
            out.pop(k, None)
        else:
            out[k] = _merge_patch(out.get(k), v)
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON data: {value!r} ({type(value).__name__})")


def _rulebook(ref: str, base: Path) -> Rulebook:
    if ref.lower().endswith((".toml", ".yaml", ".yml")):
        return load_rulebook(base / ref)
    return get_rulebook(ref)


def run_case(case: Case, base: Path) -> Decision:
    """Evaluate one case and compare; return the Decision.

    The input is validated exactly as JSON from another app would be (dates as ISO strings,
    no coercion of numbers).

    Raises:
        CaseFailure: the Decision differs from the expectation.
    """
    if case.input_file is not None:
        data = json.loads((base / case.input_file).read_text(encoding="utf-8"))
    else:
        data = case.input
    if case.patch:
        data = _merge_patch(data, case.patch)
    model = SUBJECT_MODELS[case.subject]
    subject = model.model_validate_json(json.dumps(data, default=_jsonable))
    decision = evaluate(subject, _rulebook(case.rulebook, base), case.at)
    problems: list[str] = []
    if decision.verdict != case.expect.verdict:
        problems.append(f"verdict: expected {case.expect.verdict}, got {decision.verdict}")
    got = decision.statuses()
    for rule, status in case.expect.findings.items():
        if rule not in got:
            problems.append(f"finding {rule}: expected {status}, but the rule was not considered")
        elif got[rule] != status:
            problems.append(f"finding {rule}: expected {status}, got {got[rule]}")
    for rule in sorted(got.keys() - case.expect.findings.keys()):
        if case.expect.unlisted is None:
            problems.append(f"finding {rule}: {got[rule]}, but the case does not list it")
        elif got[rule] != case.expect.unlisted:
            problems.append(
                f"finding {rule}: {got[rule]}, but unlisted rules must be {case.expect.unlisted}"
            )
    for rule, msgs in case.expect.messages.items():
        if rule not in got:
            problems.append(f"messages {rule}: the rule was not considered")
            continue
        f = decision.finding(rule)
        if msgs.zh is not None and msgs.zh not in f.message_zh:
            problems.append(f"messages {rule}.zh: {msgs.zh!r} not in {f.message_zh!r}")
        if msgs.en is not None and msgs.en not in f.message_en:
            problems.append(f"messages {rule}.en: {msgs.en!r} not in {f.message_en!r}")
    if problems:
        raise CaseFailure(
            "\n".join(
                [f"case {case.name!r}:", *(f"  - {p}" for p in problems), "", decision.explain()]
            )
        )
    return decision
