"""Every exception the library raises.

A "no" from the rules is a value (a `Decision`), never an exception. These are raised for
misuse: a malformed rulebook, an unknown reference, a procedure step that the rules forbid.
pydantic's `ValidationError` crosses the boundary unchanged for bad input models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .rules.decision import Decision

__all__ = [
    "ConflictError",
    "FormatError",
    "GovernanceError",
    "InputError",
    "MissingDataError",
    "ProcedureError",
    "RulebookError",
    "StepRejected",
    "StoreError",
    "UnknownReferenceError",
]


class GovernanceError(Exception):
    """Base class of every exception raised by community_governance."""


class RulebookError(GovernanceError, ValueError):
    """A rulebook file or definition is malformed.

    Attributes:
        source: the file path or rulebook id the problem was found in.
        key: the dotted key inside it (``parameters[2].value``), or ``None``.
        reason: what was expected and what was found.
        problems: every problem found, as ``(key, reason)`` pairs (the first is ``key`` /
            ``reason``); a file with several mistakes reports them all at once.
    """

    def __init__(
        self,
        source: str,
        key: str | None,
        reason: str,
        problems: list[tuple[str | None, str]] | None = None,
    ) -> None:
        self.source = source
        self.key = key
        self.reason = reason
        self.problems = problems if problems else [(key, reason)]
        where = f"{source}: {key}" if key else source
        super().__init__(f"{where}: {reason}")


class InputError(GovernanceError, ValueError):
    """An input cannot be read safely: not a regular file, too large, not UTF-8, not JSON,
    nested too deeply, or with a key given twice.

    The message never quotes more of the input than a short, escaped excerpt.

    Attributes:
        source: the file path (``-`` for standard input) or another name of the input.
        key: the path of the offending key inside the document (``community.persons[2]``),
            or ``None``.
        reason: what was expected and what was found.
    """

    def __init__(self, source: str, key: str | None, reason: str) -> None:
        self.source = source
        self.key = key
        self.reason = reason
        where = f"{source}: {key}" if key else source
        super().__init__(f"{where}: {reason}")


class FormatError(GovernanceError, ValueError):
    """A document does not match its published ``cg.*`` format.

    Attributes:
        format: the format expected (``cg.decision/2``).
        problems: every problem found, as ``(path, reason)`` pairs.
    """

    def __init__(self, format: str, problems: list[tuple[str, str]]) -> None:
        self.format = format
        self.problems = problems
        listed = "; ".join(f"{path or '(document)'}: {why}" for path, why in problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        super().__init__(f"not a {format} document: {listed}{more}")


class ConflictError(RulebookError):
    """Two rules apply to the same question and no priority was declared between them."""


class StoreError(GovernanceError, ValueError):
    """A community store cannot do what was asked: a version registered again with other
    content, a stored document that no longer matches its digest, a store file of an unknown
    schema version.

    Attributes:
        store: the store (its path, or ``:memory:``).
        reason: what was expected and what was found.
    """

    def __init__(self, store: str, reason: str) -> None:
        self.store = store
        self.reason = reason
        super().__init__(f"{store}: {reason}")


class UnknownReferenceError(GovernanceError, LookupError):
    """A reference names nothing known: a rule id, a rulebook, a parameter, a person, a body.

    Attributes:
        kind: what kind of thing was looked up (``"rule"``, ``"rulebook"``, ``"parameter"``).
        name: the name that was not found.
        known: the names that would have been accepted (possibly truncated).
    """

    def __init__(self, kind: str, name: str, known: tuple[str, ...] = (), where: str = "") -> None:
        self.kind = kind
        self.name = name
        self.known = known
        hint = f"; known: {', '.join(known[:20])}" if known else ""
        prefix = f"{where}: " if where else ""
        super().__init__(f"{prefix}unknown {kind} {name!r}{hint}")


class MissingDataError(GovernanceError, LookupError):
    """A rule needs a fact the subject does not record.

    Raised inside a rule's check; the engine turns it into an ``indeterminate`` finding that
    names the missing field, so missing data never passes a rule silently.

    Attributes:
        field: the path of the missing fact in the subject (``community.bodies``).
        reason: what was needed, in English.
        reason_zh: the same in Chinese.
    """

    def __init__(self, field: str, reason: str, reason_zh: str | None = None) -> None:
        self.field = field
        self.reason = reason
        self.reason_zh = reason_zh or reason
        super().__init__(f"{field}: {reason}")


class ProcedureError(GovernanceError):
    """Base class for misuse of a procedure (state machine)."""


class StepRejected(ProcedureError):
    """A procedure step was refused by the rules; carries the `Decision` that forbade it.

    Attributes:
        procedure: the procedure's id.
        state: the state the run was in.
        step: the step that was attempted.
        decision: the Decision whose failed findings forbid the step.
    """

    def __init__(self, procedure: str, state: str, step: str, decision: Decision | Any) -> None:
        self.procedure = procedure
        self.state = state
        self.step = step
        self.decision = decision
        super().__init__(f"{procedure}: step {step!r} rejected in state {state!r}")
