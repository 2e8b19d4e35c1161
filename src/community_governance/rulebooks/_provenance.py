"""Marking a rulebook read from files, so that it can never pass for a built-in one.

The file loader calls `mark_file_rulebook` on every rulebook it builds from a file (each
file it extends is its own rulebook, marked with its own digest). The Decisions made with it
then name it ``file`` in their audit, with the SHA-256 of the file's bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from .._escape import excerpt, visible
from ..exceptions import RulebookError
from ..rules.audit import Provenance
from ._registry import BUILTIN_RULEBOOKS, get_rulebook
from ._rulebook import Rulebook

__all__ = ["file_digest", "mark_file_rulebook"]


def file_digest(content: bytes | str) -> str:
    """SHA-256 (hex) of a file's bytes (text is taken as its UTF-8 bytes, which are the
    file's bytes when it was read as strict UTF-8)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()


def mark_file_rulebook(book: Rulebook, files: Iterable[str], source: str) -> Rulebook:
    """Record that ``book`` was read from files: its provenance becomes ``file`` with the
    given digests, and its audit identity is recomputed.

    Args:
        book: the rulebook just built from the file.
        files: SHA-256 (hex) of the bytes of each file it was read from (`file_digest`).
        source: the file's name, for the error.

    Returns:
        ``book`` (marked in place: it was just built and nothing has used it yet).

    Raises:
        RulebookError: the rulebook takes the id of a built-in rulebook with other content
            (a file cannot stand in for a built-in).
    """
    if book.id in BUILTIN_RULEBOOKS:
        builtin = get_rulebook(book.id)
        if book.identity.sha256 != builtin.identity.sha256:
            raise RulebookError(
                visible(source),
                "id",
                f"{excerpt(book.id)} is the id of a built-in rulebook, and this file's content "
                "differs from it: give the file rulebook an id of its own (extend the built-in "
                "one instead)",
            )
    object.__setattr__(book, "provenance", Provenance("file", tuple(files)))
    object.__setattr__(book, "_identity", None)
    return book
