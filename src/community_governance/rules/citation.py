"""Citations: where a rule or a number comes from."""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = ["Citation", "Confidence"]

Confidence = Literal["confirmed", "secondary", "unconfirmed"]
"""How firmly the cited text was read: in the statute or seed itself (``confirmed``), in a
secondary copy such as an official-site excerpt (``secondary``), or not confirmed."""
_CONFIDENCES = ("confirmed", "secondary", "unconfirmed")


def _non_empty(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"Citation.{attribute.name} must be a non-empty str (got {value!r})")


def _confidence(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in _CONFIDENCES:
        raise ValueError(f"Citation.confidence must be one of {_CONFIDENCES} (got {value!r})")


@attrs.frozen(slots=True, cache_hash=True)
class Citation:
    """The legal source (法规依据 / 出处) of a rule or of one dated parameter value.

    Args:
        source: a seed file name (``004_63e647ccd94b093f.txt``) or a statute with its version
            date (``城市居民委员会组织法(2025-10-28)``).
        locator: where in the source: article (``第八条``), section (``§二 results 二是``).
        quote: a short verbatim quote of the text relied on.
        confidence: ``confirmed`` (read in the text itself), ``secondary`` (read in a secondary
            copy) or ``unconfirmed``.
        note: anything a reader must know about this source (doubts, dates, scope).

    Examples:
        >>> c = Citation("004_63e647ccd94b093f.txt", "§二 results 二是", "10%以上社区居民代表")
        >>> c.short()
        '004_63e647ccd94b093f.txt §二 results 二是'
    """

    source: str = attrs.field(validator=_non_empty)
    locator: str = attrs.field(validator=_non_empty)
    quote: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    confidence: Confidence = attrs.field(default="confirmed", validator=_confidence)
    note: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    def short(self) -> str:
        """Return ``source locator``, the form used inside messages."""
        return f"{self.source} {self.locator}"

    def to_dict(self) -> dict[str, str]:
        """Return the JSON form used in ``cg.decision/2`` and ``cgov rules --format json``."""
        out = {"source": self.source, "locator": self.locator, "quote": self.quote}
        if self.confidence != "confirmed":
            out["confidence"] = self.confidence
        if self.note:
            out["note"] = self.note
        return out

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> Citation:
        """Build a Citation from its JSON form (the inverse of `to_dict`)."""
        return cls(
            source=data["source"],
            locator=data["locator"],
            quote=data.get("quote", ""),
            confidence=data.get("confidence", "confirmed"),  # type: ignore[arg-type]
            note=data.get("note", ""),
        )
