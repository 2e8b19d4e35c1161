"""Rulebooks from TOML or YAML files: strictly validated data, never code.

A file may set dated parameter values (by name, each with its citation) and disable
inherited rules (by id, with a reason and citation). Anything wrong fails at load with the
file, the key and the reason.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import sys
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..exceptions import RulebookError, UnknownReferenceError
from ..rules.citation import Citation
from ..rules.parameter import Parameter, ParameterValue, ParameterVersion
from ._registry import get_rulebook
from ._rulebook import Disable, Rulebook

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, no-redef, unused-ignore]

__all__ = ["RULEBOOK_FORMAT", "RulebookFile", "load_rulebook", "parse_rulebook"]

RULEBOOK_FORMAT = "cg.rulebook/1"
_PERCENT = re.compile(r"^\d+(\.\d+)?%$")
_RATIO = re.compile(r"^\d+/[1-9]\d*$")


class FileSpec(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")


class CitationSpec(FileSpec):
    """A citation in a rulebook file."""

    source: str = Field(min_length=1, description="Document or statute (with version date).")
    locator: str = Field(min_length=1, description="Article, section or quoted phrase.")
    quote: str = Field(default="", description="Short verbatim quote.")
    confidence: Literal["confirmed", "secondary", "unconfirmed"] = "confirmed"
    note: str = ""


class Title(FileSpec):
    """Bilingual title."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class ParameterSpec(FileSpec):
    """A dated value for an inherited parameter."""

    name: str = Field(description="The parameter's name (must exist in the parent).")
    value: Any = Field(description="An integer for a count; '20%' or '1/5' for a share.")
    valid_from: dt.date = Field(description="First day in force (unquoted date).")
    valid_to: dt.date | None = Field(default=None, description="First day no longer in force.")
    citation: CitationSpec


class DisableSpec(FileSpec):
    """An inherited rule switched off by this rulebook."""

    rule: str
    reason: str = Field(min_length=1)
    citation: CitationSpec


class RulebookFile(FileSpec):
    """The ``cg.rulebook/1`` file format (TOML or YAML)."""

    format: Literal["cg.rulebook/1"]
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$")
    version: str = Field(min_length=1)
    extends: str = Field(description="Id of the rulebook extended (built-in or given).")
    title: Title
    citations: tuple[CitationSpec, ...] = Field(default=(), strict=False)
    parameters: tuple[ParameterSpec, ...] = Field(default=(), strict=False)
    disable: tuple[DisableSpec, ...] = Field(default=(), strict=False)


def to_citation(spec: CitationSpec) -> Citation:
    return Citation(spec.source, spec.locator, spec.quote, spec.confidence, spec.note)


def _value(kind: str, raw: object, source: str, key: str) -> ParameterValue:
    if isinstance(raw, float):
        raise RulebookError(
            source,
            key,
            f"{raw!r} is a float, which is not exact; write a "
            "share as '20%' or '1/5' and a count as an integer",
        )
    if kind == "count":
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise RulebookError(
                source,
                key,
                f"expected an integer count (got {raw!r} that is a {type(raw).__name__})",
            )
        return raw
    if not isinstance(raw, str):
        raise RulebookError(
            source,
            key,
            f"expected a share written as '20%' or '1/5' (got "
            f"{raw!r} that is a {type(raw).__name__})",
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
        raise RulebookError(
            source, key, f"expected a share written as '20%' or '1/5' (got {raw!r})"
        ) from None
    if not 0 <= value <= 1:
        raise RulebookError(source, key, f"a share must be between 0% and 100% (got {raw!r})")
    return value


def _closest(name: str, known: tuple[str, ...]) -> str:
    """``"; did you mean 'a', 'b'?"`` for the nearest known names (``cgov rules`` lists all)."""
    near = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    if near:
        return f"; did you mean {', '.join(repr(n) for n in near)}?"
    return f" ({len(known)} known; see `cgov rules --rulebook ID`)"


def error_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


SpecT = TypeVar("SpecT", bound=BaseModel)


def validate_file(model: type[SpecT], data: object, source: str) -> SpecT:
    """Validate parsed file data against a file-format model; the first problem becomes a
    `RulebookError` naming the file, the key and the reason (with a count of the others)."""
    if not isinstance(data, Mapping):
        raise RulebookError(
            source, None, f"expected a table/mapping at the top (got {type(data).__name__})"
        )
    try:
        return model.model_validate(data)
    except ValidationError as e:
        errors = e.errors()
        first = errors[0]
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        raise RulebookError(
            source,
            error_path(first["loc"]) or None,
            f"{first['msg']} (got {first.get('input')!r}){more}",
        ) from None


def resolve_parent(extends: str, source: str, parents: Mapping[str, Rulebook] | None) -> Rulebook:
    """The rulebook a file extends: one of ``parents`` by id, else a built-in one."""
    if parents and extends in parents:
        return parents[extends]
    try:
        return get_rulebook(extends)
    except UnknownReferenceError as e:
        raise RulebookError(source, "extends", str(e)) from None


def parse_rulebook(
    data: Mapping[str, Any], source: str, parents: Mapping[str, Rulebook] | None = None
) -> Rulebook:
    """Build a Rulebook from already-parsed file data.

    Args:
        data: the parsed TOML/YAML document.
        source: name used in error messages (the file path).
        parents: rulebooks the file may extend besides the built-in ones, by id.

    Raises:
        RulebookError: malformed content (file, key, reason).
    """
    spec = validate_file(RulebookFile, data, source)
    parent = resolve_parent(spec.extends, source, parents)
    parameters: list[Parameter] = []
    names: set[str] = set()
    for i, p in enumerate(spec.parameters):
        key = f"parameters[{i}]"
        if p.name not in parent.parameter_names:
            raise RulebookError(
                source,
                f"{key}.name",
                f"unknown parameter {p.name!r} in {parent.id}"
                f"{_closest(p.name, parent.parameter_names)}",
            )
        base = parent.parameter(p.name)
        value = _value(base.kind, p.value, source, f"{key}.value")
        if p.valid_to is not None and p.valid_to <= p.valid_from:
            raise RulebookError(
                source, f"{key}.valid_to", f"{p.valid_to} is not after valid_from {p.valid_from}"
            )
        version = ParameterVersion(value, p.valid_from, p.valid_to, to_citation(p.citation))
        if p.name in names:
            # several dated values of one parameter: merge into one override layer
            prev = next(x for x in parameters if x.name == p.name)
            parameters.remove(prev)
            try:
                parameters.append(prev.with_versions((*prev.versions, version)))
            except RulebookError as e:
                raise RulebookError(source, key, e.reason) from None
        else:
            names.add(p.name)
            parameters.append(
                Parameter(
                    base.name, base.title_zh, base.title_en, base.kind, (version,), base.unit_zh
                )
            )
    disables = []
    for i, d in enumerate(spec.disable):
        if d.rule not in {r.id for r in parent.effective_rules}:
            raise RulebookError(
                source,
                f"disable[{i}].rule",
                f"unknown rule {d.rule!r} in {parent.id}"
                f"{_closest(d.rule, tuple(r.id for r in parent.effective_rules))}",
            )
        disables.append(Disable(d.rule, d.reason, to_citation(d.citation)))
    return parent.extend(
        spec.id,
        spec.version,
        title_zh=spec.title.zh,
        title_en=spec.title.en,
        parameters=parameters,
        disable=disables,
        citations=[to_citation(c) for c in spec.citations],
    )


def read_document(path: str | Path) -> Any:
    """Read a TOML or YAML data file: UTF-8, ``tomllib`` or ``yaml.safe_load`` (no tags, no
    code), every failure a `RulebookError` naming the file."""
    p, source = Path(path), str(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise RulebookError(source, None, f"cannot read file: {e.strerror}") from None
    except UnicodeDecodeError as e:
        raise RulebookError(source, None, f"not UTF-8 text: {e}") from None
    suffix = p.suffix.lower()
    if suffix == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise RulebookError(source, None, f"TOML syntax error: {e}") from None
    if suffix not in (".yaml", ".yml"):
        raise RulebookError(
            source, None, f"expected a .toml, .yaml or .yml file (got {suffix or 'no suffix'!r})"
        )
    try:
        import yaml
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise RulebookError(
            source, None, "reading YAML needs PyYAML: pip install 'community-governance[yaml]'"
        ) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise RulebookError(source, None, f"YAML syntax error: {e}") from None


def load_rulebook(path: str | Path, parents: Mapping[str, Rulebook] | None = None) -> Rulebook:
    """Load a rulebook from a ``.toml``, ``.yaml`` or ``.yml`` file.

    YAML needs PyYAML (``pip install community-governance[yaml]``) and is read with
    ``yaml.safe_load``: no tags, no code.

    Raises:
        RulebookError: unreadable file, syntax error, or malformed content (file, key, reason).

    Examples:
        >>> book = load_rulebook("examples/rulebooks/example-city.toml")
        >>> book.parent.id
        'cn.sichuan.chengdu.jinjiang'
    """
    data = read_document(path)
    return parse_rulebook(data, str(path), parents)
