"""Case files (``cg.cases/2``): inputs, rulebook, date and the expected explanation, as data.

A case asserts the verdict *and* the status of the rules it names, optionally substrings of
the messages. A ``cg.cases/2`` case names the rules that matter: rules it does not name may say
anything (``complete: true`` makes it list every finding), so a release that adds a rule does
not break unrelated cases. A rule may be expected ``out_of_scope`` or ``not_in_force``: it is
then absent from the findings for that reason. ``cg.cases/1`` files are still read with their
old closed-world meaning, an expected ``not_applicable`` also satisfied by a rule now out of
scope or not in force. The pytest plugin (`community_governance.testing.pytest_plugin`) runs
them; `run_case` can be called from any test runner.
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
from ..store import CommunityStore, MemoryCommunityStore, validate_json

__all__ = ["CASES_FORMAT", "Case", "CaseFailure", "CaseFile", "load_case_file", "run_case"]

CASES_FORMAT = "cg.cases/2"


class _Spec(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")


class Messages(_Spec):
    """Substrings the finding's messages must contain."""

    zh: str | None = None
    en: str | None = None


Status = Literal["passed", "failed", "not_applicable", "indeterminate"]
Expected = Literal[
    "passed", "failed", "not_applicable", "indeterminate", "out_of_scope", "not_in_force"
]


class ExpectedProblem(_Spec):
    """A validation problem the input must have: at ``path`` (``community_id``,
    ``sponsor_household_ids.3``), of ``type`` if given."""

    path: str = Field(description="The problem's path, dotted (as `cgov check` prints it).")
    type: str | None = Field(default=None, description="The problem's stable type, if given.")


class Expect(_Spec):
    """What the Decision must say — or, with ``invalid``, that the input is refused."""

    verdict: Literal["allowed", "denied", "indeterminate"] | None = Field(
        default=None, description="The verdict; required unless the case expects `invalid`."
    )
    invalid: list[ExpectedProblem] | None = Field(
        default=None,
        strict=False,
        min_length=1,
        description="The input must be refused with (at least) these problems: nothing is "
        "judged. Not with `verdict`.",
    )
    findings: dict[str, Expected] = Field(
        default_factory=dict,
        description="Rules with their expected status; `out_of_scope` and `not_in_force` "
        "say the rule is absent from the findings for that reason.",
    )
    complete: bool = Field(
        default=False,
        description="Every finding of the Decision must be listed (cg.cases/1 files always are).",
    )
    unlisted: Status | None = Field(
        default=None,
        description="The status every finding not listed must have (usually not_applicable): "
        "a case names the rules that matter and still fails if another rule decides something.",
    )
    uncovered: bool | None = Field(
        default=None, description="Whether the Decision must say that no binding rule covered it."
    )
    messages: dict[str, Messages] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _verdict_or_invalid(self) -> Expect:
        if (self.verdict is None) == (self.invalid is None):
            raise ValueError("give exactly one of verdict or invalid")
        if self.invalid is not None and (self.findings or self.messages or self.uncovered):
            raise ValueError("an invalid input has no findings, messages or coverage to expect")
        return self


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


class CommunityFile(_Spec):
    """A community the cases may name by ``community_id``: a community file (JSON, as
    ``cgov store put`` reads it) registered as in force from ``valid_from``."""

    file: str = Field(min_length=1, description="Path relative to the case file.")
    valid_from: dt.date = Field(description="The first day this version is in force.")


class CaseFile(_Spec):
    """A ``cg.cases/2`` (or ``/1``) YAML document."""

    format: Literal["cg.cases/1", "cg.cases/2"]
    communities: list[CommunityFile] = Field(
        default_factory=list,
        strict=False,
        description="Communities registered once for the file's cases: an input may give "
        "community_id instead of the whole community.",
    )
    cases: list[Case] = Field(strict=False, min_length=1)

    def community_store(self, base: Path) -> CommunityStore | None:
        """A store holding the file's ``communities`` (``None`` if it lists none).

        Raises:
            ValueError: a community file is unreadable or not a valid community, naming it.
        """
        if not self.communities:
            return None
        from ..models import Community

        store = MemoryCommunityStore()
        for i, entry in enumerate(self.communities):
            path = base / entry.file
            try:
                community = Community.model_validate_json(path.read_bytes())
            except (OSError, ValidationError) as e:
                raise ValueError(f"communities[{i}].file: {path}: {_first_line(e)}") from None
            store.put(community, valid_from=entry.valid_from)
        return store


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
        from ..errors import format_text, problems

        found = format_text(problems(e), limit=None, separator="\n  ", inputs=False)
        raise ValueError(f"{p}: invalid case file:\n  {found}") from None


def _absence(rulebook: Rulebook, rule_id: str, subject: Any, at: dt.date) -> str | None:
    """Why a rule of the rulebook is not among the findings (``None``: no such rule)."""
    try:
        rule = rulebook.rule(rule_id)
    except LookupError:
        return None
    if rule.subject != type(subject).subject_type or rule.scope.matches(subject.facts()) is False:
        return "out_of_scope"
    return "not_in_force" if not rule.in_force(at) else "considered"


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


def run_case(
    case: Case, base: Path, *, closed: bool = False, store: CommunityStore | None = None
) -> Decision | None:
    """Evaluate one case and compare; return the Decision (``None`` for a case whose input
    must be refused, ``expect.invalid``).

    The input is validated exactly as JSON from another app would be (dates as ISO strings,
    no coercion of numbers); one naming its community by ``community_id`` is looked up in
    ``store`` (the case file's ``communities``, `CaseFile.community_store`).

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
    text = json.dumps(data, default=_jsonable)
    if case.expect.invalid is not None:
        _expect_invalid(case, model, text, store)
        return None
    subject = validate_json(model, text, store)
    rulebook = _rulebook(case.rulebook, base)
    decision = evaluate(subject, rulebook, case.at, raise_errors=True)
    problems: list[str] = []
    expect = case.expect
    if decision.verdict != expect.verdict:
        problems.append(f"verdict: expected {expect.verdict}, got {decision.verdict}")
    if expect.uncovered is not None and expect.uncovered != (
        decision.coverage.uncovered is not None
    ):
        problems.append(
            f"uncovered: expected {expect.uncovered}, got {decision.coverage.uncovered is not None}"
        )
    got = decision.statuses()
    for rule, status in expect.findings.items():
        absent = _absence(rulebook, rule, subject, decision.at) if rule not in got else None
        if rule in got:
            if got[rule] != status:
                problems.append(f"finding {rule}: expected {status}, got {got[rule]}")
        elif absent is None:
            problems.append(f"finding {rule}: expected {status}, but the rulebook has no such rule")
        elif status != absent and not (closed and status == "not_applicable"):
            problems.append(f"finding {rule}: expected {status}, but the rule is {absent}")
    for rule in sorted(got.keys() - expect.findings.keys()):
        if expect.unlisted is None:
            if not (closed or expect.complete):
                continue
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


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _expect_invalid(case: Case, model: type[Any], text: str, store: CommunityStore | None) -> None:
    """The input must be refused with every expected problem (by path, and type if given)."""
    from ..errors import problems

    expected = case.expect.invalid or []
    try:
        validate_json(model, text, store)
    except ValidationError as e:
        found = {(p.path, p.type) for p in problems(e)}
        missing = [
            x
            for x in expected
            if not any(path == x.path and x.type in (None, t) for path, t in found)
        ]
        if missing:
            raise CaseFailure(
                "\n".join(
                    [
                        f"case {case.name!r}:",
                        *(
                            f"  - invalid: expected a problem at {x.path}"
                            + (f" of type {x.type}" if x.type else "")
                            for x in missing
                        ),
                        "  the problems found:",
                        *(f"    {path} ({t})" for path, t in sorted(found)),
                    ]
                )
            ) from None
        return
    raise CaseFailure(
        f"case {case.name!r}:\n  - invalid: expected the input to be refused, but it is valid"
    )
