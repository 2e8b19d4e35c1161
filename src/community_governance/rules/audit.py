"""The audit trail of a Decision: what made it, so that an auditor can make it again.

Every Decision the engine makes carries an `Audit`: the library version, the identity of the
rulebook applied and of each rulebook it extends (id, version, kind, content digest, the
digests of the files it was read from), and the SHA-256 of the canonical input. A subject
whose community was looked up in a community store by ``community_id`` also records which
version of that community was used (`CommunityVersion`).

*Canonical JSON* here is ``json.dumps(value, ensure_ascii=False, sort_keys=True)`` encoded as
UTF-8 (the bytes of ``Decision.to_json()``). A rulebook's digest is that of its ``to_dict()``
(what ``cgov rules --format json`` prints); the input's is that of
``subject.model_dump_json()`` (fields in model order, every default written out).

The engine keeps evaluation fast: it records only the subject and the rulebook; digests are
computed the first time the audit is read or the Decision serialised (a rulebook's once per
process).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from .._version import __version__

__all__ = [
    "BUILTIN",
    "COMMUNITY_VERSION_KEY",
    "PYTHON",
    "SHARED_FIELDS",
    "Audit",
    "CommunityVersion",
    "PendingAudit",
    "Provenance",
    "RulebookIdentity",
    "RulebookKind",
    "canonical_json",
    "community_version_of",
    "input_digest",
]

RulebookKind = Literal["builtin", "file", "python"]
"""Where a rulebook came from: shipped with the library (``builtin``), read from a file
(``file``), or built in a program's own code (``python``)."""


@attrs.frozen(slots=True)
class Provenance:
    """Where a rulebook came from.

    Attributes:
        kind: ``builtin``, ``file`` or ``python``.
        files: for a file rulebook, the SHA-256 (hex) of the bytes of each file it was read
            from.
    """

    kind: RulebookKind
    files: tuple[str, ...] = ()


BUILTIN = Provenance("builtin")
"""The provenance the built-in registry gives its rulebooks (and nothing else does)."""
PYTHON = Provenance("python")
"""The provenance of a rulebook built in code: not shipped, not read from a file."""


@attrs.frozen(slots=True, cache_hash=True)
class RulebookIdentity:
    """One rulebook as an auditor identifies it.

    Attributes:
        id: the rulebook's id.
        version: its version string.
        kind: ``builtin``, ``file`` or ``python`` (see `Provenance`).
        sha256: SHA-256 of the canonical JSON of its ``to_dict()``.
        files: SHA-256 of the bytes of each file it was read from (file rulebooks).
    """

    id: str
    version: str
    kind: RulebookKind
    sha256: str
    files: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The ``audit.rulebook`` (and ``audit.extends[]``) object of ``cg.decision/2``."""
        return {
            "id": self.id,
            "version": self.version,
            "kind": self.kind,
            "sha256": self.sha256,
            "files": list(self.files),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RulebookIdentity:
        """Inverse of `to_dict`."""
        return cls(data["id"], data["version"], data["kind"], data["sha256"], tuple(data["files"]))


@attrs.frozen(slots=True, cache_hash=True)
class CommunityVersion:
    """One registered version of a community, as an auditor identifies it.

    Attributes:
        community_id: the community's id.
        valid_from: the first day the version is in force; it stays in force until the next
            version's ``valid_from`` (exclusive).
        sha256: SHA-256 of the version's canonical JSON (``community.model_dump_json()`` as
            UTF-8).
    """

    community_id: str
    valid_from: dt.date
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        """The ``audit.community`` object of ``cg.decision/2``."""
        return {
            "id": self.community_id,
            "valid_from": self.valid_from.isoformat(),
            "sha256": self.sha256,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CommunityVersion:
        """Inverse of `to_dict`."""
        return cls(data["id"], dt.date.fromisoformat(data["valid_from"]), data["sha256"])


#: Where a subject validated from a ``community_id`` keeps the `CommunityVersion` it was
#: given: an entry of the instance's ``__dict__`` that is not a field, so it is neither
#: serialised nor compared, and a copy with changed fields drops it.
COMMUNITY_VERSION_KEY = "_community_version"


def community_version_of(subject: Any) -> CommunityVersion | None:
    """The community version a subject was resolved with, or ``None`` (its community was given
    whole, or it has none)."""
    found = getattr(subject, "__dict__", {}).get(COMMUNITY_VERSION_KEY)
    return found if isinstance(found, CommunityVersion) else None


@attrs.frozen(slots=True)
class Audit:
    """What made a Decision.

    Attributes:
        library_version: the version of community-governance that evaluated.
        rulebook: the rulebook applied.
        extends: the rulebooks it extends, its parent first, up to the root.
        input_sha256: SHA-256 of the canonical input (``subject.model_dump_json()``).
        masked: whether person ids and personal evidence were replaced by salted digests.
        community: the registered community version the subject was resolved with (its
            input named a ``community_id``), or ``None``: then ``audit.community`` is left
            out of the JSON, and a self-contained input's Decision is unchanged.
    """

    library_version: str
    rulebook: RulebookIdentity
    extends: tuple[RulebookIdentity, ...]
    input_sha256: str
    masked: bool = False
    community: CommunityVersion | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``audit`` object of ``cg.decision/2``."""
        data: dict[str, Any] = {
            "library_version": self.library_version,
            "rulebook": self.rulebook.to_dict(),
            "extends": [r.to_dict() for r in self.extends],
            "input_sha256": self.input_sha256,
            "masked": self.masked,
        }
        if self.community is not None:
            data["community"] = self.community.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Audit:
        """Inverse of `to_dict`."""
        return cls(
            library_version=data["library_version"],
            rulebook=RulebookIdentity.from_dict(data["rulebook"]),
            extends=tuple(RulebookIdentity.from_dict(r) for r in data["extends"]),
            input_sha256=data["input_sha256"],
            masked=data["masked"],
            community=(
                CommunityVersion.from_dict(data["community"])
                if data.get("community") is not None
                else None
            ),
        )


def input_digest(subject: Any) -> str:
    """SHA-256 (hex) of a subject's canonical JSON, ``subject.model_dump_json()``.

    Examples:
        >>> from pydantic import BaseModel
        >>> class S(BaseModel):
        ...     id: str
        >>> input_digest(S(id="x")) == hashlib.sha256(b'{"id":"x"}').hexdigest()
        True
    """
    h = hashlib.sha256()
    for part in _canonical_parts(subject):
        h.update(part)
    return h.hexdigest()


#: Fields whose value may be one frozen model shared by many subjects (a community from a
#: community store, reused by every line of a batch that names it): its JSON is written once
#: and kept on the instance, and each subject's JSON is put together around it.
SHARED_FIELDS = ("community",)
#: Where a shared value keeps its JSON, UTF-8 (in its ``__dict__``: not a field, never
#: compared; ``StrictModel.model_copy(update=...)`` drops it).
_JSON_KEY = "_canonical_json"


def canonical_json(subject: Any) -> str:
    """``subject.model_dump_json()``, the same text, without writing a shared frozen value
    (`SHARED_FIELDS`) again for every subject it is part of: its JSON is written the first
    time and kept on it. A 20,000-household community costs its serialisation once per
    batch, not once per Decision (`input_digest` hashes the same parts without joining
    them).

    Examples:
        >>> from pydantic import BaseModel, ConfigDict
        >>> class C(BaseModel):
        ...     model_config = ConfigDict(frozen=True)
        ...     id: str
        >>> class S(BaseModel):
        ...     id: str
        ...     community: C
        ...     n: int
        >>> s = S(id="x", community=C(id="c"), n=1)
        >>> canonical_json(s) == s.model_dump_json()
        True
    """
    return b"".join(_canonical_parts(subject)).decode("utf-8")


def _canonical_parts(subject: Any) -> list[bytes]:
    """The UTF-8 bytes of ``subject.model_dump_json()`` in parts: the fields before a shared
    value, the shared value's kept JSON, the fields after it."""
    # pydantic models only: another subject (a procedure step's input) writes its own JSON
    fields = list(getattr(type(subject), "model_fields", None) or ())
    for name in SHARED_FIELDS:
        value: Any = getattr(subject, name, None) if name in fields else None
        if not getattr(value, "model_config", {}).get("frozen"):
            continue
        shared = value.__dict__.get(_JSON_KEY)
        if shared is None:
            shared = value.model_dump_json().encode("utf-8")
            value.__dict__[_JSON_KEY] = shared
        i = fields.index(name)
        before = subject.model_dump_json(include=set(fields[:i]))[1:-1] if i else ""
        after = subject.model_dump_json(include=set(fields[i + 1 :]))[1:-1]
        head = "{" + (before + "," if before else "") + f'"{name}":'
        tail = ("," + after if after else "") + "}"
        return [head.encode("utf-8"), shared, tail.encode("utf-8")]
    return [subject.model_dump_json().encode("utf-8")]


def _identities(rulebook: Any) -> tuple[RulebookIdentity, ...] | None:
    out: list[RulebookIdentity] = []
    book = rulebook
    while book is not None:
        identity = getattr(book, "identity", None)
        if not isinstance(identity, RulebookIdentity):
            return None  # a rule source that cannot say what it is
        out.append(identity)
        book = getattr(book, "parent", None)
    return tuple(out)


class PendingAudit:
    """An `Audit` not computed yet: the engine records the subject and the rulebook, and the
    digests are computed on first `resolve` (then kept).

    A pending audit pickles as the resolved `Audit` (neither the subject nor the rulebook
    travels).
    """

    __slots__ = ("_audit", "_done", "rulebook", "subject")

    def __init__(self, subject: Any, rulebook: Any) -> None:
        self.subject = subject
        self.rulebook = rulebook
        self._done = False
        self._audit: Audit | None = None

    def resolve(self) -> Audit | None:
        """The `Audit` (``None`` if the rule source cannot identify itself)."""
        if not self._done:
            ids = _identities(self.rulebook)
            if ids is not None:
                self._audit = Audit(
                    __version__,
                    ids[0],
                    ids[1:],
                    input_digest(self.subject),
                    community=community_version_of(self.subject),
                )
            self._done = True
        return self._audit

    def __reduce__(self) -> tuple[Any, ...]:
        return (_resolved, (self.resolve(),))

    def __repr__(self) -> str:
        return (
            f"PendingAudit({self.subject.__class__.__name__}, {getattr(self.rulebook, 'id', '?')})"
        )


def _resolved(audit: Audit | None) -> Audit | None:
    return audit
