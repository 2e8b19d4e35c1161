"""The community store's protocol and the shared machinery of its implementations.

A store keeps dated versions of communities: a version registered with ``valid_from`` is in
force from that day until the next version's ``valid_from`` (exclusive). What is kept is the
version's canonical JSON (``community.model_dump_json()``, UTF-8) and its SHA-256.
"""

from __future__ import annotations

import abc
import collections
import datetime as dt
import hashlib
import threading
from typing import Any, Protocol, runtime_checkable

import attrs

from ..exceptions import StoreError
from ..models import Community
from ..rules.audit import CommunityVersion

__all__ = [
    "DEFAULT_CACHE_SIZE",
    "CommunityStore",
    "DocumentStore",
    "StoredCommunity",
    "canonical_document",
]

#: How many validated `Community` objects a store keeps (one per version, least recently
#: used dropped first).
DEFAULT_CACHE_SIZE = 64


@attrs.frozen(slots=True)
class StoredCommunity:
    """A community version as a store hands it out.

    Attributes:
        version: which version (id, first day in force, digest).
        community: the validated community; the same object for every lookup of that
            version while it is cached, so it is validated once, not per subject.
    """

    version: CommunityVersion
    community: Community


@runtime_checkable
class CommunityStore(Protocol):
    """What the library needs of a community store (社区登记库). `SQLiteCommunityStore` and
    `MemoryCommunityStore` implement it; an application can implement it over its own
    database (most simply by subclassing `DocumentStore`)."""

    def get(self, community_id: str, on: dt.date) -> StoredCommunity | None:
        """The version of ``community_id`` in force on ``on``: the one with the latest
        ``valid_from`` on or before ``on``; ``None`` if there is none (the id is unknown, or
        its first version is later)."""
        ...

    def put(self, community: Community, *, valid_from: dt.date) -> CommunityVersion:
        """Register ``community`` as the version of ``community.id`` in force from
        ``valid_from``. Registering the same content again is a no-op; other content for an
        existing ``(id, valid_from)`` raises `StoreError` (a version is never overwritten)."""
        ...

    def versions(self, community_id: str) -> tuple[CommunityVersion, ...]:
        """Every version of ``community_id``, earliest first (empty if unknown)."""
        ...

    def community_ids(self) -> tuple[str, ...]:
        """The ids of every registered community, sorted."""
        ...


def canonical_document(community: Community) -> tuple[bytes, str]:
    """A community's canonical JSON (``model_dump_json()`` as UTF-8) and its SHA-256 (hex):
    what a store keeps, and what ``audit.community.sha256`` names.

    Examples:
        >>> c = Community(id="c1", name="示例社区", kind="urban")
        >>> document, sha = canonical_document(c)
        >>> document[:19], len(sha)
        (b'{"id":"c1","name":"', 64)
    """
    document = community.model_dump_json().encode("utf-8")
    return document, hashlib.sha256(document).hexdigest()


class DocumentStore(abc.ABC):
    """A `CommunityStore` over any storage of documents: a subclass stores and finds
    ``(community_id, valid_from, sha256, document)`` rows; this class canonicalises, checks
    digests, validates and caches.

    Every document read is checked against its digest before it is validated, so a row
    changed behind the store's back is refused (`StoreError`), never used.

    Args:
        name: the store's name in errors (a path, ``:memory:``).
        cache_size: how many validated communities to keep (`DEFAULT_CACHE_SIZE`).
    """

    def __init__(self, name: str, *, cache_size: int = DEFAULT_CACHE_SIZE) -> None:
        if cache_size < 0:
            raise ValueError(f"cache_size must be 0 or more (got {cache_size})")
        self.name = name
        self._cache_size = cache_size
        self._cache: collections.OrderedDict[CommunityVersion, Community] = (
            collections.OrderedDict()
        )
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        """What a copy sent to another process carries: the store's data, without its locks
        and its cache of validated communities (rebuilt there on first use)."""
        state = {k: v for k, v in self.__dict__.items() if not _is_process_local(v)}
        state["_cache"] = collections.OrderedDict()
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    # --- what a subclass provides ---------------------------------------------------------

    @abc.abstractmethod
    def find_version(self, community_id: str, on: dt.date) -> CommunityVersion | None:
        """The version of ``community_id`` with the latest ``valid_from`` on or before
        ``on``, or ``None``."""

    @abc.abstractmethod
    def read_document(self, version: CommunityVersion) -> bytes:
        """The document stored for ``version`` (by its id and ``valid_from``)."""

    @abc.abstractmethod
    def add_document(self, version: CommunityVersion, document: bytes) -> CommunityVersion:
        """Store ``document`` for ``version`` unless a row exists for its id and
        ``valid_from``, atomically; return the row now stored (the given version, or the
        existing one, whose digest may differ)."""

    @abc.abstractmethod
    def versions(self, community_id: str) -> tuple[CommunityVersion, ...]:
        """Every version of ``community_id``, earliest first."""

    @abc.abstractmethod
    def community_ids(self) -> tuple[str, ...]:
        """The ids of every registered community, sorted."""

    # --- the protocol ---------------------------------------------------------------------

    def get(self, community_id: str, on: dt.date) -> StoredCommunity | None:
        """See `CommunityStore.get`.

        Raises:
            StoreError: the stored document does not match its digest, or is no longer a
                valid community.
        """
        version = self.find_version(community_id, on)
        if version is None:
            return None
        with self._lock:
            cached = self._cache.get(version)
            if cached is not None:
                self._cache.move_to_end(version)
                return StoredCommunity(version, cached)
        community = self._load(version)
        with self._lock:
            if self._cache_size:
                self._cache[version] = community
                self._cache.move_to_end(version)
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return StoredCommunity(version, community)

    def put(self, community: Community, *, valid_from: dt.date) -> CommunityVersion:
        """See `CommunityStore.put`.

        Raises:
            StoreError: another version of ``community.id`` is registered from
                ``valid_from`` with other content.
        """
        if type(valid_from) is not dt.date:
            raise TypeError(f"valid_from must be a datetime.date (got {valid_from!r})")
        document, sha = canonical_document(community)
        version = CommunityVersion(community.id, valid_from, sha)
        stored = self.add_document(version, document)
        if stored.sha256 != sha:
            raise StoreError(
                self.name,
                f"community {community.id!r} already has a version in force from "
                f"{valid_from.isoformat()} with other content (sha256 {stored.sha256[:16]}…, "
                f"this one {sha[:16]}…): a version is never overwritten; register the change "
                "from the day it takes effect",
            )
        return stored

    def _load(self, version: CommunityVersion) -> Community:
        document = self.read_document(version)
        found = hashlib.sha256(document).hexdigest()
        where = f"community {version.community_id!r} from {version.valid_from.isoformat()}"
        if found != version.sha256:
            raise StoreError(
                self.name,
                f"{where}: the stored document's sha256 is {found[:16]}…, registered as "
                f"{version.sha256[:16]}…: it was changed outside the store; it is not used",
            )
        try:
            return Community.model_validate_json(document)
        except ValueError as e:
            raise StoreError(self.name, f"{where}: the stored document is not valid: {e}") from None


#: Types of the state a process keeps for itself: locks, thread-local connections.
_LOCAL_TYPES = (type(threading.Lock()), type(threading.RLock()), threading.local)


def _is_process_local(value: object) -> bool:
    return isinstance(value, _LOCAL_TYPES)
