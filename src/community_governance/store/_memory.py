"""A community store held in memory: for tests, and for programs that load their
communities at start-up."""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from typing import Any

from ..rules.audit import CommunityVersion
from ._protocol import DEFAULT_CACHE_SIZE, DocumentStore

__all__ = ["MemoryCommunityStore"]


class MemoryCommunityStore(DocumentStore):
    """A `CommunityStore` in this process's memory (lost when it ends); thread-safe.

    Examples:
        >>> import datetime as dt
        >>> from community_governance.models import Community
        >>> store = MemoryCommunityStore()
        >>> v = store.put(Community(id="c1", name="示例社区", kind="urban"),
        ...               valid_from=dt.date(2026, 1, 1))
        >>> store.get("c1", dt.date(2025, 12, 31)) is None
        True
        >>> store.get("c1", dt.date(2026, 1, 1)).version == v
        True
    """

    def __init__(self, *, cache_size: int = DEFAULT_CACHE_SIZE) -> None:
        super().__init__(":memory:", cache_size=cache_size)
        self._rows: dict[str, list[tuple[dt.date, str, bytes]]] = {}
        self._rows_lock = threading.Lock()

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        self._rows_lock = threading.Lock()

    def find_version(self, community_id: str, on: dt.date) -> CommunityVersion | None:
        with self._rows_lock:
            rows = self._rows.get(community_id, [])
            i = bisect.bisect_right(rows, on, key=lambda row: row[0])
            if i == 0:
                return None
            valid_from, sha, _ = rows[i - 1]
        return CommunityVersion(community_id, valid_from, sha)

    def read_document(self, version: CommunityVersion) -> bytes:
        with self._rows_lock:
            for valid_from, _, document in self._rows.get(version.community_id, []):
                if valid_from == version.valid_from:
                    return document
        raise LookupError(f"no version {version}")  # pragma: no cover - found just before

    def add_document(self, version: CommunityVersion, document: bytes) -> CommunityVersion:
        with self._rows_lock:
            rows = self._rows.setdefault(version.community_id, [])
            for valid_from, sha, _ in rows:
                if valid_from == version.valid_from:
                    return CommunityVersion(version.community_id, valid_from, sha)
            bisect.insort(rows, (version.valid_from, version.sha256, document), key=lambda r: r[0])
        return version

    def versions(self, community_id: str) -> tuple[CommunityVersion, ...]:
        with self._rows_lock:
            rows = list(self._rows.get(community_id, []))
        return tuple(CommunityVersion(community_id, d, sha) for d, sha, _ in rows)

    def community_ids(self) -> tuple[str, ...]:
        with self._rows_lock:
            return tuple(sorted(k for k, rows in self._rows.items() if rows))
