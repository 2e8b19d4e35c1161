"""Verify a Decision: make it again from its input and rulebook, and compare byte for byte.

A Decision's audit trail names the input (its SHA-256), the rulebook (id, version, kind,
content digest, file digests) and the rulebooks it extends. `verify_decision` checks the
input against its digest, takes the same rulebook (a built-in one by id, checking its digest;
a file rulebook only when it is given and its digests match), evaluates again as of the
Decision's date, and compares the canonical JSON of both Decisions.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import attrs

from ._escape import excerpt
from ._io import key_path
from ._version import __version__
from .engine import evaluate
from .exceptions import InputError, UnknownReferenceError
from .models import Subject
from .rulebooks import Rulebook, get_rulebook
from .rules.audit import Audit, RulebookIdentity, community_version_of, input_digest
from .rules.decision import Decision

__all__ = ["Verification", "verify_decision"]


@attrs.frozen(slots=True)
class Verification:
    """The outcome of `verify_decision`.

    Attributes:
        verified: the Decision was made again, byte for byte.
        difference: the first difference found, for people (``None`` when verified).
        notes: remarks that do not decide (the library versions differ).
    """

    verified: bool
    difference: str | None = None
    notes: tuple[str, ...] = ()


def _canonical(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _first_difference(given: Any, made: Any) -> str:
    """The first path where two JSON values differ, in sorted-key order, without recursion."""
    stack: list[tuple[tuple[str | int, ...], Any, Any]] = [((), given, made)]
    while stack:
        path, a, b = stack.pop()
        if isinstance(a, dict) and isinstance(b, dict):
            keys = sorted(set(a) | set(b), reverse=True)
            stack.extend(((*path, k), a.get(k, _ABSENT), b.get(k, _ABSENT)) for k in keys)
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            stack.extend(((*path, i), a[i], b[i]) for i in reversed(range(len(a))))
        elif _canonical(a) != _canonical(b) or type(a) is not type(b):
            where = key_path(path) or "(document)"
            return f"{where}: the Decision has {_show(a)}, evaluating again gives {_show(b)}"
    return "the documents differ in their bytes only"


_ABSENT = object()


def _show(value: Any) -> str:
    return "nothing" if value is _ABSENT else excerpt(value)


def _identity_problem(found: RulebookIdentity, named: RulebookIdentity, where: str) -> str | None:
    for field in ("id", "version", "sha256", "files"):
        mine, theirs = getattr(found, field), getattr(named, field)
        if mine != theirs:
            return (
                f"{where}.{field}: the Decision names {excerpt(theirs)}, the rulebook here "
                f"has {excerpt(mine)}"
            )
    return None


def _rulebook(audit: Audit, given: Rulebook | None, source: str) -> Rulebook | str:
    """The rulebook to evaluate again with, or why there is none (a difference)."""
    named = audit.rulebook
    if named.kind == "builtin":
        if given is not None:
            raise InputError(
                source,
                "audit.rulebook",
                f"the Decision was made with the built-in rulebook {excerpt(named.id)}: give "
                "no rulebook file",
            )
        try:
            return get_rulebook(named.id)
        except UnknownReferenceError:
            return f"audit.rulebook.id: this library has no built-in rulebook {excerpt(named.id)}"
    if given is None:
        raise InputError(
            source,
            "audit.rulebook",
            f"the Decision was made with a {named.kind} rulebook ({excerpt(named.id)}): give the "
            "rulebook file it was made with",
        )
    return given


def _community_problem(audit: Audit, subject: Subject) -> str | None:
    """Why the community version the subject was resolved with is not the one the Decision
    names (``None`` when they agree, or neither names one)."""
    named, found = audit.community, community_version_of(subject)
    if named is None and found is None:
        return None
    if named is None:
        return (
            "audit.community: the Decision was made from an input carrying its whole "
            "community; this input names it by community_id: verify with that input"
        )
    where = f"community {excerpt(named.community_id)} from {named.valid_from.isoformat()}"
    if found is None:
        return (
            f"audit.community: the Decision was made with the registered {where} (sha256 "
            f"{named.sha256[:16]}…); this input carries its whole community: verify with the "
            "input naming its community_id and the store (cgov verify --store PATH)"
        )
    for field, mine, theirs in (
        ("id", found.community_id, named.community_id),
        ("valid_from", found.valid_from.isoformat(), named.valid_from.isoformat()),
        ("sha256", found.sha256, named.sha256),
    ):
        if mine != theirs:
            return (
                f"audit.community.{field}: the Decision was made with {where} (sha256 "
                f"{named.sha256[:16]}…); the store here gives {excerpt(mine)}: it holds "
                "another version of the community for that day"
            )
    return None


def verify_decision(
    decision: Mapping[str, Any],
    subject: Subject,
    rulebook: Rulebook | None = None,
    *,
    salt: bytes | str | None = None,
    source: str = "decision",
) -> Verification:
    """Make a Decision again and compare it byte for byte with ``decision``.

    Args:
        decision: the ``cg.decision/2`` document, parsed.
        subject: the input it was made from, validated as its subject type (an input
            naming its ``community_id``: resolved with the store,
            `community_governance.store.resolve`).
        rulebook: for a Decision made with a file rulebook, that rulebook (loaded from the
            file); for a built-in one, ``None``: the library's own is used, digest checked.
        salt: the salt of a masked Decision (``audit.masked``).
        source: the Decision's name, for errors.

    Returns:
        `Verification`: verified, or the first difference (the registered community version,
        input digest, rulebook identity, then the first differing path of the Decision).

    Raises:
        FormatError: not a ``cg.decision/2`` document.
        InputError: the Decision has no audit trail; a masked Decision without ``salt``; a
            rulebook file missing (file rulebook) or given for a built-in one.

    Examples:
        >>> import json
        >>> from community_governance import Proposal, evaluate, get_rulebook
        >>> p = Proposal.model_validate_json(
        ...     open("examples/jinjiang/proposal-short.json", encoding="utf-8").read())
        >>> made = json.loads(evaluate(p, get_rulebook("cn.sichuan.chengdu.jinjiang")).to_json())
        >>> verify_decision(made, p).verified
        True
        >>> made["verdict"] = "allowed"
        >>> verify_decision(made, p).difference
        "verdict: the Decision has 'allowed', evaluating again gives 'denied'"
    """
    given = Decision.from_dict(decision)
    audit = given.audit
    if audit is None:
        raise InputError(source, "audit", "the Decision has no audit trail: it cannot be verified")
    if audit.masked and salt is None:
        raise InputError(source, "audit.masked", "the Decision is masked: give the salt it used")
    notes: tuple[str, ...] = ()
    if audit.library_version != __version__:
        notes = (
            f"made with community-governance {audit.library_version}, verified with "
            f"{__version__}: rules may have changed between them",
        )
    problem = _community_problem(audit, subject)
    if problem is not None:
        return Verification(False, problem, notes)
    digest = input_digest(subject)
    if digest != audit.input_sha256:
        return Verification(
            False,
            f"audit.input_sha256: the Decision was made from input {audit.input_sha256}, "
            f"this input is {digest}",
            notes,
        )
    book = _rulebook(audit, rulebook, source)
    if isinstance(book, str):
        return Verification(False, book, notes)
    lineage: list[Rulebook] = []
    cursor: Rulebook | None = book
    while cursor is not None:
        lineage.append(cursor)
        cursor = cursor.parent
    named = (audit.rulebook, *audit.extends)
    if len(lineage) != len(named):
        return Verification(
            False,
            f"audit.extends: the Decision names {len(named) - 1} parent rulebook(s), the "
            f"rulebook here has {len(lineage) - 1}",
            notes,
        )
    for i, (found, claimed) in enumerate(zip(lineage, named, strict=True)):
        problem = _identity_problem(
            found.identity, claimed, "audit.rulebook" if i == 0 else f"audit.extends[{i - 1}]"
        )
        if problem is not None:
            return Verification(False, problem, notes)
    again = evaluate(subject, book, given.at)
    if audit.masked and salt is not None:  # a masked Decision without a salt was refused
        again = again.masked(salt)
    made = json.loads(again.to_json())
    if _canonical(decision) == _canonical(made):
        return Verification(True, None, notes)
    return Verification(False, _first_difference(dict(decision), made), notes)
