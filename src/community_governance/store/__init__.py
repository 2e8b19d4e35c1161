"""Communities registered once (社区登记): a store of dated community versions, and subjects
that name their community by ``community_id`` instead of carrying it whole.

* `CommunityStore` — the protocol (``get``, ``put``, ``versions``, ``community_ids``);
  `SQLiteCommunityStore` (a file or ``":memory:"``) and `MemoryCommunityStore` implement
  it; `DocumentStore` is the base to implement it over another database.
* `resolve` / `validate_json` — a subject input with ``community_id``, looked up as of the
  subject's own date; the Decision's ``audit.community`` names the version used.

This package does I/O (the store); the models never do.
"""

from __future__ import annotations

from ..rules.audit import CommunityVersion, community_version_of
from ._memory import MemoryCommunityStore
from ._protocol import (
    DEFAULT_CACHE_SIZE,
    CommunityStore,
    DocumentStore,
    StoredCommunity,
    canonical_document,
)
from ._resolve import names_community_id, resolve, validate_json
from ._sqlite import SCHEMA_VERSION, SQLiteCommunityStore

__all__ = [
    "DEFAULT_CACHE_SIZE",
    "SCHEMA_VERSION",
    "CommunityStore",
    "CommunityVersion",
    "DocumentStore",
    "MemoryCommunityStore",
    "SQLiteCommunityStore",
    "StoredCommunity",
    "canonical_document",
    "community_version_of",
    "names_community_id",
    "resolve",
    "validate_json",
]
