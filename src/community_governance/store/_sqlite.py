"""A community store in an SQLite database (the standard library's ``sqlite3``)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

from .._escape import visible
from ..exceptions import StoreError
from ..rules.audit import CommunityVersion
from ._protocol import DEFAULT_CACHE_SIZE, DocumentStore

__all__ = ["SCHEMA_VERSION", "SQLiteCommunityStore"]

#: The schema version this library writes (SQLite's ``PRAGMA user_version``).
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS community_versions (
    community_id TEXT NOT NULL,
    valid_from   TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    document     BLOB NOT NULL,
    PRIMARY KEY (community_id, valid_from)
) WITHOUT ROWID;
"""
#: How long a connection waits for another's write lock before failing (milliseconds).
_BUSY_MS = 30_000


class SQLiteCommunityStore(DocumentStore):
    """A `CommunityStore` in an SQLite file (or ``":memory:"``).

    One row per version: ``(community_id, valid_from, sha256, document)``, the document the
    canonical JSON of the community. A file store is opened in WAL mode with a busy timeout,
    so several threads (each gets its own connection) and several processes can read while
    one writes; registering a version is one transaction, so two writers racing for one
    ``(id, valid_from)`` cannot both win. ``":memory:"`` is one private database shared by
    this object's threads.

    Args:
        path: the database file (created if missing) or ``":memory:"``.
        cache_size: how many validated communities to keep in memory.

    Raises:
        StoreError: the file is not an SQLite database, or was written by a newer schema.

    Examples:
        >>> import datetime as dt
        >>> from community_governance.models import Community
        >>> store = SQLiteCommunityStore(":memory:")
        >>> v = store.put(Community(id="c1", name="示例社区", kind="urban"),
        ...               valid_from=dt.date(2026, 1, 1))
        >>> [x.valid_from.isoformat() for x in store.versions("c1")]
        ['2026-01-01']
    """

    def __init__(self, path: str | os.PathLike[str], *, cache_size: int = DEFAULT_CACHE_SIZE):
        self.path = str(path)
        super().__init__(visible(self.path), cache_size=cache_size)
        self._memory = self.path == ":memory:"
        self._local = threading.local()
        self._shared: sqlite3.Connection | None = None
        self._shared_lock = threading.RLock()
        if not self._memory and Path(self.path).is_dir():
            raise StoreError(self.name, "is a directory: give an SQLite file")
        with self._connection() as db:
            self._migrate(db)

    def __reduce__(self) -> tuple[Any, ...]:
        """A file store is sent to another process (a batch worker) as its path: the
        worker opens its own connections. An ``":memory:"`` database cannot be sent."""
        if self._memory:
            raise TypeError(
                "an SQLite ':memory:' community store cannot be sent to another process: "
                "use a file (SQLiteCommunityStore(path)) or a MemoryCommunityStore"
            )
        return (_reopen, (self.path, self._cache_size))

    # --- connections ----------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(
                self.path,
                timeout=_BUSY_MS / 1000,
                isolation_level=None,  # explicit BEGIN / COMMIT
                check_same_thread=not self._memory,
            )
            db.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
            if not self._memory:
                db.execute("PRAGMA journal_mode = WAL")
        except sqlite3.Error as e:
            raise StoreError(self.name, f"cannot open the store: {e}") from None
        return db

    class _Using:
        """A connection for one operation (the thread's own; for ``:memory:``, the shared
        one under a lock)."""

        def __init__(self, store: SQLiteCommunityStore) -> None:
            self.store = store

        def __enter__(self) -> sqlite3.Connection:
            s = self.store
            if s._memory:
                s._shared_lock.acquire()
                if s._shared is None:
                    s._shared = s._open()
                return s._shared
            db: sqlite3.Connection | None = getattr(s._local, "db", None)
            if db is None:
                db = s._local.db = s._open()
            return db

        def __exit__(self, *exc: object) -> None:
            if self.store._memory:
                self.store._shared_lock.release()

    def _connection(self) -> SQLiteCommunityStore._Using:
        return SQLiteCommunityStore._Using(self)

    def close(self) -> None:
        """Close this thread's connection (and the shared one of a ``:memory:`` store,
        which loses its data)."""
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None
        if self._shared is not None:
            self._shared.close()
            self._shared = None

    def _migrate(self, db: sqlite3.Connection) -> None:
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                (version,) = db.execute("PRAGMA user_version").fetchone()
                if version > SCHEMA_VERSION:
                    raise StoreError(
                        self.name,
                        f"the store's schema version is {version}; this library reads up to "
                        f"{SCHEMA_VERSION}: upgrade community-governance",
                    )
                if version < SCHEMA_VERSION:
                    db.execute(_SCHEMA)
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as e:
            raise StoreError(self.name, f"not a community store: {e}") from None

    def _query(self, sql: str, args: tuple[object, ...]) -> list[tuple[object, ...]]:
        with self._connection() as db:
            try:
                return db.execute(sql, args).fetchall()
            except sqlite3.Error as e:
                raise StoreError(self.name, f"cannot read the store: {e}") from None

    # --- DocumentStore --------------------------------------------------------------------

    def find_version(self, community_id: str, on: dt.date) -> CommunityVersion | None:
        rows = self._query(
            "SELECT valid_from, sha256 FROM community_versions WHERE community_id = ? "
            "AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1",
            (community_id, on.isoformat()),
        )
        if not rows:
            return None
        valid_from, sha = rows[0]
        return CommunityVersion(community_id, dt.date.fromisoformat(str(valid_from)), str(sha))

    def read_document(self, version: CommunityVersion) -> bytes:
        rows = self._query(
            "SELECT document FROM community_versions WHERE community_id = ? AND valid_from = ?",
            (version.community_id, version.valid_from.isoformat()),
        )
        if not rows:
            raise StoreError(self.name, f"community {version.community_id!r} version vanished")
        document = rows[0][0]
        if not isinstance(document, bytes):
            raise StoreError(self.name, f"community {version.community_id!r}: not a document")
        return document

    def add_document(self, version: CommunityVersion, document: bytes) -> CommunityVersion:
        with self._connection() as db:
            try:
                db.execute(
                    "BEGIN IMMEDIATE"
                )  # the write lock first: no race between check and insert
                try:
                    row = db.execute(
                        "SELECT sha256 FROM community_versions WHERE community_id = ? "
                        "AND valid_from = ?",
                        (version.community_id, version.valid_from.isoformat()),
                    ).fetchone()
                    if row is None:
                        db.execute(
                            "INSERT INTO community_versions VALUES (?, ?, ?, ?)",
                            (
                                version.community_id,
                                version.valid_from.isoformat(),
                                version.sha256,
                                document,
                            ),
                        )
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
            except sqlite3.Error as e:
                raise StoreError(self.name, f"cannot write the store: {e}") from None
        return (
            version
            if row is None
            else CommunityVersion(version.community_id, version.valid_from, str(row[0]))
        )

    def versions(self, community_id: str) -> tuple[CommunityVersion, ...]:
        rows = self._query(
            "SELECT valid_from, sha256 FROM community_versions WHERE community_id = ? "
            "ORDER BY valid_from",
            (community_id,),
        )
        return tuple(
            CommunityVersion(community_id, dt.date.fromisoformat(str(d)), str(sha))
            for d, sha in rows
        )

    def community_ids(self) -> tuple[str, ...]:
        rows = self._query(
            "SELECT DISTINCT community_id FROM community_versions ORDER BY community_id", ()
        )
        return tuple(str(r[0]) for r in rows)


def _reopen(path: str, cache_size: int) -> SQLiteCommunityStore:
    """The store of the file ``path``, opened anew (how a pickled file store is restored)."""
    return SQLiteCommunityStore(path, cache_size=cache_size)
