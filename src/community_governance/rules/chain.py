"""Hash chains for append-only logs (procedure-run events): each entry carries the SHA-256 of
the one before it, so an entry changed, removed, inserted or moved breaks the chain at the
first entry after the change.

An entry's digest is that of its canonical JSON (``json.dumps(entry, ensure_ascii=False,
sort_keys=True)`` as UTF-8), its own link included; the first entry links to `GENESIS`.
Entries are plain JSON objects (for a procedure-run event, its ``model_dump(mode="json",
exclude_defaults=True)``: see `community_governance.procedures.log`), so the chain does not
depend on a model's Python types, and anyone can check it with a JSON library and SHA-256.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["GENESIS", "LINK", "canonical_json", "canonical_sha256", "first_broken_link", "link"]

GENESIS = "0" * 64
"""What the first entry of a chain links to."""
LINK = "previous"
"""The field of an entry that holds the digest of the entry before it."""


def canonical_json(value: Any) -> str:
    """The canonical JSON text of ``value``: ``json.dumps(value, ensure_ascii=False,
    sort_keys=True)``, the text whose UTF-8 bytes `canonical_sha256` digests.

    Examples:
        >>> canonical_json({"b": 1, "a": "é"})
        '{"a": "é", "b": 1}'
    """
    # JSON data holds no cycles: not checking for them makes this a third faster, same text
    return json.dumps(value, ensure_ascii=False, sort_keys=True, check_circular=False)


def canonical_sha256(value: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of ``value``.

    Examples:
        >>> canonical_sha256({"b": 1, "a": "é"}) == hashlib.sha256(
        ...     '{"a": "é", "b": 1}'.encode()).hexdigest()
        True
    """
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def link(entries: Iterable[Mapping[str, Any]], field: str = LINK) -> list[dict[str, Any]]:
    """Copies of ``entries`` chained: each with ``field`` set to the digest of the entry
    before it (`GENESIS` for the first).

    Examples:
        >>> chained = link([{"step": "submit"}, {"step": "vote"}])
        >>> chained[0]["previous"] == GENESIS
        True
        >>> chained[1]["previous"] == canonical_sha256(chained[0])
        True
    """
    out: list[dict[str, Any]] = []
    previous = GENESIS
    for entry in entries:
        linked = {**entry, field: previous}
        out.append(linked)
        previous = canonical_sha256(linked)
    return out


def first_broken_link(
    entries: Sequence[Mapping[str, Any]], field: str = LINK
) -> tuple[int, str] | None:
    """The first entry whose link does not match the entry before it, with the reason;
    ``None`` if the chain is whole.

    Examples:
        >>> chained = link([{"step": "submit"}, {"step": "review"}, {"step": "vote"}])
        >>> first_broken_link(chained) is None
        True
        >>> chained[1]["step"] = "skip"
        >>> first_broken_link(chained)[0]
        2
        >>> first_broken_link([chained[0], chained[2]])[0]
        1
    """
    previous = GENESIS
    for i, entry in enumerate(entries):
        found = entry.get(field)
        if found != previous:
            what = "the start of the log" if i == 0 else f"entry {i - 1}"
            shown = found if isinstance(found, str) and len(found) == 64 else "no digest"
            return (
                i,
                f"{field} is {shown}, but {what} has digest {previous}: the log was changed, "
                "reordered or cut before this entry",
            )
        previous = canonical_sha256(entry)
    return None
