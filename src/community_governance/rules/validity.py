"""Validity: the half-open span of days a rule, a parameter value or a table entry is in force."""

from __future__ import annotations

import datetime as dt

import attrs

from ..exceptions import RulebookError

__all__ = ["Validity"]


@attrs.frozen(slots=True)
class Validity:
    """In force from ``valid_from`` (inclusive) up to ``valid_to`` (exclusive); ``None`` is an
    open end on that side.

    Examples:
        >>> import datetime as dt
        >>> v = Validity(dt.date(2026, 1, 1), None)
        >>> v.covers(dt.date(2025, 12, 31)), v.covers(dt.date(2026, 1, 1))
        (False, True)
        >>> v.describe()
        '2026-01-01 – …'
    """

    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("valid_from", "valid_to"):
            value = getattr(self, name)
            if value is not None and (
                not isinstance(value, dt.date) or isinstance(value, dt.datetime)
            ):
                raise RulebookError(
                    "validity", name, f"must be a datetime.date or None (got {value!r})"
                )
        if self.valid_from and self.valid_to and self.valid_to <= self.valid_from:
            raise RulebookError(
                "validity",
                "valid_to",
                f"{self.valid_to} is not after valid_from {self.valid_from} (end is exclusive)",
            )

    def covers(self, at: dt.date) -> bool:
        """Whether ``at`` falls in the span (``valid_to`` exclusive)."""
        return (self.valid_from is None or self.valid_from <= at) and (
            self.valid_to is None or at < self.valid_to
        )

    def contains(self, other: Validity) -> bool:
        """Whether every day of ``other`` falls in this span."""
        lower = self.valid_from is None or (
            other.valid_from is not None and self.valid_from <= other.valid_from
        )
        upper = self.valid_to is None or (
            other.valid_to is not None and other.valid_to <= self.valid_to
        )
        return lower and upper

    def overlaps(self, other: Validity) -> bool:
        """Whether the two spans share at least one day."""
        starts_before_other_ends = (
            other.valid_to is None or self.valid_from is None or self.valid_from < other.valid_to
        )
        other_starts_before_end = (
            self.valid_to is None or other.valid_from is None or other.valid_from < self.valid_to
        )
        return starts_before_other_ends and other_starts_before_end

    def describe(self) -> str:
        """``from – to`` with ``…`` for an open end (the end date is exclusive)."""
        start = self.valid_from.isoformat() if self.valid_from else "…"
        end = self.valid_to.isoformat() if self.valid_to else "…"
        return f"{start} – {end}"

    def to_dict(self) -> dict[str, str | None]:
        """JSON form: ISO dates or ``null``."""
        return {
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
        }
