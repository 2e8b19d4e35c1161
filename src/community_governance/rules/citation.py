"""Citations: where a rule or a number comes from."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Protocol

import attrs

from ..labels import Lang, bilingual

__all__ = ["Citation", "Confidence", "Source", "SourceKind", "Sources"]

Confidence = Literal["confirmed", "secondary", "unconfirmed"]
"""How firmly the cited text was read: in the statute or seed itself (``confirmed``), in a
secondary copy such as an official-site excerpt (``secondary``), or not confirmed."""
_CONFIDENCES = ("confirmed", "secondary", "unconfirmed")
SourceKind = Literal["statute", "policy", "seed"]
"""What a source is: a law or regulation (``statute``), a government policy document
(``policy``), or one of the local documents the project was created from (``seed``)."""
_SOURCE_KINDS = ("statute", "policy", "seed")


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


def _keys(value: Any) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@attrs.frozen(slots=True, cache_hash=True)
class Source:
    """A document citations rest on, with the title a reader knows it by.

    A citation names its source by `id` (``Citation.source``, stable in every Decision); a
    rulebook registers the `Source` so texts for people show the title instead
    (``Rulebook.source(id)``, ``Decision.explain(sources=rulebook)``).

    Args:
        id: the key citations use: a statute with its version date
            (``城市居民委员会组织法(2025-10-28)``), a document number, or a seed's file name.
        title_zh: the title people read, with the year or version (``成都市锦江区基层社会管理体制
            改革（2011）``).
        title_en: the same in English.
        kind: ``statute``, ``policy`` or ``seed``.
        issuer_zh: who issued or published it, in Chinese.
        issuer_en: the same in English.
        date: the day it was adopted, amended or published (the version cited), or ``None``
            where no document read gives it.
        file: the file holding its text in the project's shared law or seed folders (a seed's
            file name, ``004_63e647ccd94b093f.txt``), or ``""``; a lookup key as well.
        aliases: other names citations have used for the same document; lookup keys too, so
            one document has one entry however it was cited.
        url: where the text is published, or ``""``.
        note: anything a reader must know (how the date was read, what is missing).

    Examples:
        >>> import datetime as dt
        >>> s = Source("004_63e647ccd94b093f.txt", "成都市锦江区基层社会管理体制改革（2011）",
        ...            "Chengdu Jinjiang district grassroots governance reform (2011)", "seed",
        ...            date=dt.date(2011, 2, 22), file="004_63e647ccd94b093f.txt")
        >>> s.title("zh")
        '成都市锦江区基层社会管理体制改革（2011）'
        >>> s.keys
        ('004_63e647ccd94b093f.txt',)
    """

    id: str = attrs.field(validator=_non_empty)
    title_zh: str = attrs.field(validator=_non_empty)
    title_en: str = attrs.field(validator=_non_empty)
    kind: SourceKind = attrs.field(validator=attrs.validators.in_(_SOURCE_KINDS))
    issuer_zh: str = ""
    issuer_en: str = ""
    date: dt.date | None = None
    file: str = ""
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_keys)
    url: str = ""
    note: str = ""

    @property
    def keys(self) -> tuple[str, ...]:
        """Every name the source is found by: its id, its file, its aliases (no repeats)."""
        return tuple(dict.fromkeys(k for k in (self.id, self.file, *self.aliases) if k))

    def title(self, lang: Lang = "zh") -> str:
        """The title in ``lang`` (``zh+en``: both, the English in parentheses)."""
        return bilingual(
            self.title_zh, f"({self.title_en})" if lang == "zh+en" else self.title_en, lang
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form, for listings of a rulebook's sources."""
        return {
            "id": self.id,
            "title": {"zh": self.title_zh, "en": self.title_en},
            "kind": self.kind,
            "issuer": {"zh": self.issuer_zh, "en": self.issuer_en},
            "date": self.date.isoformat() if self.date else None,
            "file": self.file or None,
            "aliases": list(self.aliases),
            "url": self.url or None,
            "note": self.note,
        }


class Sources(Protocol):
    """Anything that finds a `Source` by the key a citation names (a `Rulebook` does)."""

    def source(self, key: str) -> Source:
        """The source ``key`` names; raises a `LookupError` when none is registered."""
        ...
