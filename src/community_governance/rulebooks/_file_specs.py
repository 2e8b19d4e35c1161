"""The rulebook file formats as pydantic models: ``cg.rulebook/2`` (and ``/1``), and the
legacy ``cg.work-item-lists/1``.

Strict: no coercion (``"100"`` is not 100, ``0.2`` is not a share), no unknown keys. Every
problem pydantic finds is reported at once, each with its key path (`validate_file`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..checks.work_item_lists import BOTH, ListKind
from ..exceptions import RulebookError
from ..models.work_item import CommitteeKind
from ..rules.citation import Citation
from ..rules.parameter import ParameterValue

__all__ = [
    "FORMAT_1",
    "FORMAT_2",
    "LISTS_FORMAT",
    "RulebookFile",
    "RulebookFile1",
    "WorkItemListsFile",
]

FORMAT_1 = "cg.rulebook/1"
FORMAT_2 = "cg.rulebook/2"
LISTS_FORMAT = "cg.work-item-lists/1"
ID = r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$"
DOTTED = r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$"
ENTRY_ID = r"^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$"
_PERCENT = re.compile(r"^\d+(\.\d+)?%$")
_RATIO = re.compile(r"^\d+/[1-9]\d*$")


class FileSpec(BaseModel):
    """Base of the file-format models: frozen, strict, no unknown keys."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid", populate_by_name=False)


class CitationSpec(FileSpec):
    """A citation: where a rule, a value or an entry comes from."""

    source: str = Field(min_length=1, description="Document or statute (with version date).")
    locator: str = Field(min_length=1, description="Article, section or quoted phrase.")
    quote: str = Field(default="", description="Short verbatim quote.")
    confidence: Literal["confirmed", "secondary", "unconfirmed"] = "confirmed"
    note: str = ""

    def citation(self) -> Citation:
        """The `Citation`."""
        return Citation(self.source, self.locator, self.quote, self.confidence, self.note)


class Title(FileSpec):
    """Bilingual title."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class ParameterSpec1(FileSpec):
    """``cg.rulebook/1``: a dated value for an inherited parameter."""

    name: str = Field(description="The parameter's name (must exist in the parent).")
    value: Any = Field(description="An integer for a count; '20%' or '1/5' for a share.")
    valid_from: dt.date = Field(description="First day in force (unquoted date).")
    valid_to: dt.date | None = Field(default=None, description="First day no longer in force.")
    citation: CitationSpec


class ParameterSpec(ParameterSpec1):
    """A dated value of a parameter: an inherited one (by name), or a new one, which names
    its ``kind`` and ``title`` (on one of its values)."""

    kind: Literal["count", "share"] | None = Field(
        default=None, description="New parameters only: count or share."
    )
    title: Title | None = Field(default=None, description="New parameters only.")
    unit_zh: str | None = Field(
        default=None, description="New count parameters only: the Chinese unit (户, 名, 日)."
    )


class DisableSpec(FileSpec):
    """An inherited rule switched off by this rulebook."""

    rule: str
    reason: str = Field(min_length=1)
    citation: CitationSpec


class ThresholdSpec(FileSpec):
    """A named measure compared with a parameter's value by a legal quantifier."""

    measure: str = Field(description="A named measure of the rule's subject.")
    quantifier: str = Field(
        description="at_least 以上 / more_than 超过 / at_most 以下 / less_than 不满."
    )
    parameter: str = Field(description="A parameter defined in the file or inherited.")


class MemberSpec(FileSpec):
    """A named fact looked up among the keys of a table's entries in force."""

    fact: str
    table: str


#: One string, or a list of them.
Strings = str | Annotated[tuple[str, ...], Field(strict=False, min_length=1)]


class WhenSpec(FileSpec):
    """The condition outside which the rule is not_applicable."""

    fact: str
    is_: Strings = Field(alias="is")


_CRITERIA = ("threshold", "any_of", "all_of", "member_of", "not_member_of")


class CheckSpec(FileSpec):
    """A composed check: exactly one criterion, and optionally ``when``."""

    when: WhenSpec | None = None
    threshold: ThresholdSpec | None = None
    any_of: tuple[ThresholdSpec, ...] | None = Field(default=None, strict=False, min_length=1)
    all_of: tuple[ThresholdSpec, ...] | None = Field(default=None, strict=False, min_length=1)
    member_of: MemberSpec | None = None
    not_member_of: MemberSpec | None = None

    @model_validator(mode="after")
    def _one(self) -> CheckSpec:
        given = [k for k in _CRITERIA if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(
                f"give exactly one of {', '.join(_CRITERIA)} (got {', '.join(given) or 'none'})"
            )
        return self


Facts = dict[str, Strings]


class RuleSpec(FileSpec):
    """A rule added by the file, its check composed from the public vocabulary."""

    id: str = Field(pattern=DOTTED, description="Dotted kebab-case: 'proposal.major-title'.")
    title: Title
    kind: Literal["obligation", "prohibition", "permission"]
    severity: Literal["must", "advisory"]
    subject: str = Field(description="A subject type: proposal, body, meeting, election…")
    scope: Facts = Field(default_factory=dict)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    citations: tuple[CitationSpec, ...] = Field(strict=False, min_length=1)
    check: CheckSpec


class ReplaceSpec(FileSpec):
    """An inherited rule replaced by itself with some fields changed."""

    rule: str
    reason: str = Field(min_length=1)
    citation: CitationSpec
    title: Title | None = None
    kind: Literal["obligation", "prohibition", "permission"] | None = None
    severity: Literal["must", "advisory"] | None = None
    scope: Facts | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    citations: tuple[CitationSpec, ...] | None = Field(default=None, strict=False, min_length=1)
    check: CheckSpec | None = None


class TableSpec(FileSpec):
    """This file's layer of a table: entries added (or replacing, with ``replaces``),
    entries removed by key; a new table also needs a ``title``."""

    title: Title | None = None
    replaces: bool = False
    remove: tuple[str, ...] = Field(default=(), strict=False)
    entries: tuple[dict[str, Any], ...] = Field(
        default=(), strict=False, description="Rows; their keys depend on the table."
    )


class EntrySpec(FileSpec):
    """A row of a table with no special row format: a key, titles, a plain value."""

    key: str = Field(min_length=1)
    title: Title | None = None
    value: str | int | bool | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    citation: CitationSpec


class _ListEntryFields(FileSpec):
    """What a published list entry says, in either file format."""

    list: str = Field(pattern=ENTRY_ID, description="The published list it belongs to.")
    kind: ListKind = Field(description="duty / assistance / negative / certificate.")
    title: Title
    committees: tuple[CommitteeKind, ...] = Field(default=BOTH, strict=False, min_length=1)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    citation: CitationSpec


class ListEntrySpec(_ListEntryFields):
    """A row of ``work-item.lists``: one published list entry."""

    key: str = Field(pattern=ENTRY_ID, description="The entry's id (the list_entry items name).")


class DeclaredRowSpec(FileSpec):
    """A row of ``work-item.lists.declared``: the published size of one list."""

    list: str = Field(pattern=ENTRY_ID)
    kind: ListKind
    count: int = Field(ge=0)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    citation: CitationSpec


class UnlistedRowSpec(FileSpec):
    """The row of ``work-item.lists.unlisted``: what an item on no list gets."""

    value: Literal["deny", "indeterminate"]
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    citation: CitationSpec


class _Header(FileSpec):
    id: str = Field(pattern=ID)
    version: str = Field(min_length=1)
    extends: str = Field(
        min_length=1,
        description="A built-in rulebook id, a rulebook given to load_rulebook(parents=...), or "
        "(cg.rulebook/2) another rulebook file, relative to this one (.toml/.yaml/.yml).",
    )
    title: Title
    citations: tuple[CitationSpec, ...] = Field(default=(), strict=False)


class RulebookFile1(_Header):
    """The ``cg.rulebook/1`` file format: dated parameter values and disabled rules."""

    format: Literal["cg.rulebook/1"]
    parameters: tuple[ParameterSpec1, ...] = Field(default=(), strict=False)
    disable: tuple[DisableSpec, ...] = Field(default=(), strict=False)


class RulebookFile(_Header):
    """The ``cg.rulebook/2`` file format (TOML or YAML): see docs/how-to/rulebook-file.md."""

    format: Literal["cg.rulebook/2"]
    parameters: tuple[ParameterSpec, ...] = Field(default=(), strict=False)
    rules: tuple[RuleSpec, ...] = Field(default=(), strict=False)
    replace: tuple[ReplaceSpec, ...] = Field(default=(), strict=False)
    disable: tuple[DisableSpec, ...] = Field(default=(), strict=False)
    tables: dict[str, TableSpec] = Field(default_factory=dict)


class LegacyEntrySpec(_ListEntryFields):
    """``cg.work-item-lists/1``: one list entry."""

    id: str = Field(pattern=ENTRY_ID, description="The entry's id (the list_entry items name).")


class LegacyDeclaredSpec(FileSpec):
    """``cg.work-item-lists/1``: the published size of one list."""

    list: str = Field(pattern=ENTRY_ID)
    kind: ListKind
    count: int = Field(ge=0)
    citation: CitationSpec


class WorkItemListsFile(FileSpec):
    """The legacy ``cg.work-item-lists/1`` file format (read as a ``cg.rulebook/2`` file
    adding rows to the ``work-item.lists`` tables)."""

    format: Literal["cg.work-item-lists/1"]
    id: str = Field(pattern=ID)
    version: str = Field(min_length=1)
    extends: str = Field(description="Id of the rulebook extended (built-in or given).")
    title: Title
    unlisted: Literal["deny", "indeterminate"] | None = Field(
        default=None,
        description="What an item on no list gets; default: deny once every declared list "
        "is complete, else indeterminate.",
    )
    citations: tuple[CitationSpec, ...] = Field(
        strict=False, min_length=1, description="Where the lists are published (at least one)."
    )
    declared: tuple[LegacyDeclaredSpec, ...] = Field(default=(), strict=False)
    entries: tuple[LegacyEntrySpec, ...] = Field(default=(), strict=False)


# --- values and errors -------------------------------------------------------------------


def parameter_value(kind: str, raw: object) -> ParameterValue:
    """A parameter value from a file: an int count, or a share written ``"15%"`` / ``"3/20"``.

    Raises:
        ValueError: a float, a string count, a malformed share, or a share outside 0–100%.
    """
    if isinstance(raw, float):
        raise ValueError(
            f"{raw!r} is a float, which is not exact; write a share as '20%' or '1/5' and a "
            "count as an integer"
        )
    if kind == "count":
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueError(
                f"expected an integer count (got {raw!r} that is a {type(raw).__name__})"
            )
        if raw < 0:
            raise ValueError(f"a count must be >= 0 (got {raw})")
        return raw
    if not isinstance(raw, str):
        raise ValueError(
            f"expected a share written as '20%' or '1/5' (got {raw!r} that is a "
            f"{type(raw).__name__})"
        )
    text = raw.strip()
    try:
        if _PERCENT.match(text):
            value = Fraction(Decimal(text[:-1])) * Fraction(1, 100)
        elif _RATIO.match(text):
            value = Fraction(text)
        else:
            raise ValueError
    except (ValueError, InvalidOperation):
        raise ValueError(f"expected a share written as '20%' or '1/5' (got {raw!r})") from None
    if not 0 <= value <= 1:
        raise ValueError(f"a share must be between 0% and 100% (got {raw!r})")
    return value


def key_path(loc: tuple[int | str, ...] | list[int | str]) -> str:
    """``rules[2].check.threshold.measure``; a name holding a dot is quoted as TOML quotes it
    (``tables."work-item.lists".entries[0]``)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = f'"{part}"' if "." in part or not part else part
            out += f".{name}" if out else name
    return out


def joined(problems: list[tuple[str, str]]) -> tuple[str | None, str]:
    """The key and reason of a `RulebookError` reporting every problem: the first one's,
    followed by the others."""
    key, reason = problems[0]
    if len(problems) > 1:
        rest = "; ".join(f"{k or '(document)'}: {r}" for k, r in problems[1:])
        reason += f" (and {len(problems) - 1} more problem(s): {rest})"
    return key or None, reason


SpecT = TypeVar("SpecT", bound=BaseModel)


def pydantic_problems(error: ValidationError, prefix: str = "") -> list[tuple[str, str]]:
    """Every problem of a pydantic error as ``(key, reason)`` pairs."""
    out = []
    for e in error.errors():
        path = key_path(tuple(e["loc"]))
        key = f"{prefix}.{path}" if prefix and path else prefix or path
        msg = e["msg"].removeprefix("Value error, ")
        out.append((key, f"{msg} (got {e.get('input')!r})" if "input" in e else msg))
    return out


def validate_file(model: type[SpecT], data: object, source: str) -> SpecT:
    """Validate parsed file data against a file-format model; every problem becomes part of
    one `RulebookError` naming the file, the first key and each reason."""
    if not isinstance(data, Mapping):
        raise RulebookError(
            source, None, f"expected a table/mapping at the top (got {type(data).__name__})"
        )
    try:
        return model.model_validate(data)
    except ValidationError as e:
        found = pydantic_problems(e)
        raise RulebookError(source, *joined(found), problems=list(found)) from None
