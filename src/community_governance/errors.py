"""Validation problems for forms, terminals and HTTP clients: one formatter for every front end.

A pydantic `ValidationError` lists every problem of an input at once; `problems` turns it into
`Problem` values, each at the exact element it is about (``sponsor_household_ids.3``, not the
whole list) with a stable ``type`` a form can key on. The same values are rendered as text by
`format_text` (the CLI, batch lines, case files) and as an RFC 9457
``application/problem+json`` document by `to_problem_json` (the HTTP service).

The library's exceptions themselves are in `community_governance.exceptions`.

Examples:
    >>> from pydantic import ValidationError
    >>> from community_governance.models import Community
    >>> try:
    ...     Community.model_validate({"id": "c", "name": "社区", "kind": "town",
    ...                               "households": [{"id": "h1"}, {"id": ""}]})
    ... except ValidationError as e:
    ...     found = problems(e)
    >>> [(p.path, p.type) for p in found]
    [('kind', 'literal_error'), ('households.1.id', 'string_too_short')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
from pydantic import ValidationError

from ._escape import excerpt, visible

__all__ = [
    "PROBLEM_MEDIA_TYPE",
    "PROBLEM_TYPE_BASE",
    "Problem",
    "format_text",
    "problems",
    "to_problem_json",
]

#: The media type of an RFC 9457 problem document.
PROBLEM_MEDIA_TYPE = "application/problem+json"
#: The problem ``type`` URIs are this base plus a name (``invalid-input``, ``not-found``…):
#: identifiers to compare, not pages to fetch (RFC 9457 §3.1.1 allows a tag URI).
PROBLEM_TYPE_BASE = "tag:community-governance,2026:problem/"
#: How many characters of the offending input a problem quotes.
_INPUT_EXCERPT = 60
#: A message that starts with its own path (``memberships[3].person_id: …``): the path part.
_LEADING_PATH = re.compile(r"^([A-Za-z_]\w*(?:\[\d+\]|\.[A-Za-z_]\w*)*): ")
_INDEX = re.compile(r"\[(\d+)\]")


@attrs.frozen
class Problem:
    """One problem of an input, at one place.

    Attributes:
        loc: the path from the document's root to the element: keys and 0-based indexes
            (``("community", "persons", 3, "birth_date")``).
        type: a stable error type to key on (pydantic's: ``missing``, ``date_parsing``,
            ``literal_error``…, or the library's: ``unknown_reference``, ``duplicate_id``,
            ``term_order``…).
        message: what is wrong, in words (without the path, which is in ``loc``).
        input: a short, escaped excerpt of the offending value (``None`` where there is none:
            a missing field).
    """

    loc: tuple[str | int, ...]
    type: str
    message: str
    input: str | None = None

    @property
    def path(self) -> str:
        """``loc`` as a dotted path (``sponsor_household_ids.3``); ``""`` for the document."""
        return ".".join(str(part) for part in self.loc)

    @property
    def pointer(self) -> str:
        """``loc`` as a JSON Pointer in a URI fragment (``#/sponsor_household_ids/3``), as
        RFC 9457's examples locate a problem in a request body."""
        escaped = (str(p).replace("~", "~0").replace("/", "~1") for p in self.loc)
        return "#" + "".join("/" + part for part in escaped)

    def to_dict(self) -> dict[str, Any]:
        """The problem as one entry of a problem document's ``errors``."""
        return {
            "loc": list(self.loc),
            "pointer": self.pointer,
            "type": self.type,
            "detail": self.message,
            "input": self.input,
        }


def _message(message: str, loc: tuple[str | int, ...]) -> str:
    """``message`` without a leading path that only repeats part of ``loc`` (the library's
    messages name their field, for readers of ``str(error)``)."""
    m = _LEADING_PATH.match(message)
    if m is None:
        return message
    said = tuple(_INDEX.sub(r".\1", m.group(1)).split("."))
    parts = tuple(str(part) for part in loc)
    n = len(said)
    repeats = any(parts[i : i + n] == said for i in range(len(parts) - n + 1))
    return message[m.end() :] if repeats else message


def problems(
    error: ValidationError | Iterable[Mapping[str, Any]],
    *,
    prefix: tuple[str | int, ...] = (),
) -> list[Problem]:
    """Every problem of a validation error, in pydantic's order.

    Args:
        error: a pydantic `ValidationError`, or its ``errors()`` (what FastAPI's
            ``RequestValidationError.errors()`` gives).
        prefix: put before every ``loc`` (``("body",)`` for a request body).

    Returns:
        One `Problem` per error: ``loc`` to the element, the error type, the message without
        the path it may repeat, and an escaped excerpt of the input (``None`` for a missing
        field or a problem of the whole document).

    Examples:
        >>> from community_governance.models import located
        >>> e = located(("sponsor_household_ids", 3), "unknown_reference",
        ...             "sponsor_household_ids[3]: '{value}' is not a household", {"value": "h9"},
        ...             input="h9")
        >>> problems(e)
        [Problem(loc=('sponsor_household_ids', 3), type='unknown_reference', message="'h9' is not a household", input="'h9'")]
    """  # noqa: E501
    errors = error.errors(include_url=False) if isinstance(error, ValidationError) else error
    out = []
    for e in errors:
        loc = prefix + tuple(e.get("loc", ()))
        kind = str(e.get("type", "value_error"))
        value = e.get("input")
        shown = None if kind == "missing" or value is None else excerpt(value, _INPUT_EXCERPT)
        out.append(Problem(loc, kind, _message(str(e.get("msg", "")), loc), shown))
    return out


def format_text(
    found: Sequence[Problem],
    *,
    source: str | None = None,
    what: str = "input",
    limit: int | None = 50,
    separator: str = "\n",
    top: str = "(top level)",
    inputs: bool = True,
) -> str:
    """Problems as text for a terminal: a heading (when ``source`` is given), then one
    ``path: message (got excerpt)`` per problem, every input-derived part escaped.

    Args:
        found: the problems (`problems`).
        source: the file or stream the input came from; ``None`` for no heading.
        what: what was validated (a model's name), for the heading.
        limit: list at most this many; the rest are counted. ``None``: all.
        separator: between the lines (``"; "`` puts them on one line).
        top: what a problem of the whole document is shown at.
        inputs: show each problem's input excerpt (``(got …)``).

    Examples:
        >>> print(format_text([Problem(("persons", 0, "id"), "missing", "Field required")],
        ...                   source="c.json", what="Community"))
        c.json: 1 validation error(s) in Community:
          persons.0.id: Field required
    """
    lines = (
        []
        if source is None
        else [f"{visible(source)}: {len(found)} validation error(s) in {what}:"]
    )
    indent = "" if source is None else "  "
    shown = found if limit is None else found[:limit]
    for p in shown:
        path = visible(p.path)[:200] or top
        got = "" if p.input is None or not inputs else f" (got {p.input})"
        lines.append(f"{indent}{path}: {visible(p.message)[:300]}{got}")
    if len(found) > len(shown):
        lines.append(f"{indent}… and {len(found) - len(shown)} more")
    return separator.join(lines)


def to_problem_json(
    error: ValidationError | Sequence[Problem],
    *,
    status: int = 422,
    title: str = "The input is not valid",
    type_: str = "invalid-input",
    detail: str | None = None,
    instance: str | None = None,
    prefix: tuple[str | int, ...] = (),
    limit: int = 1000,
) -> dict[str, Any]:
    """An RFC 9457 problem document (``application/problem+json``) listing every problem with
    its path.

    Args:
        error: a `ValidationError`, or problems already made (`problems`).
        status: the HTTP status the document goes with.
        title: a short summary, the same for every problem of this ``type_``.
        type_: the problem type's name under `PROBLEM_TYPE_BASE`.
        detail: this occurrence in words; default: the count and what was validated.
        instance: the request path the problem occurred at.
        prefix: put before every ``loc`` (for a ``ValidationError``).
        limit: list at most this many errors (``omitted`` counts the rest).

    Returns:
        ``{"type", "title", "status", "detail", ["instance"], "errors": [...]}``, each error
        ``{"loc", "pointer", "type", "detail", "input"}`` (`Problem.to_dict`).

    Examples:
        >>> doc = to_problem_json([Problem(("seats",), "int_type", "Input should be a valid "
        ...                                "integer", "'1'")])
        >>> doc["status"], doc["errors"][0]["pointer"], doc["errors"][0]["type"]
        (422, '#/seats', 'int_type')
    """
    if isinstance(error, ValidationError):
        found = problems(error, prefix=prefix)
        what = error.title
    else:
        found = list(error)
        what = "the input"
    doc: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + type_,
        "title": title,
        "status": status,
        "detail": detail if detail is not None else f"{len(found)} problem(s) in {what}",
    }
    if instance is not None:
        doc["instance"] = instance
    doc["errors"] = [p.to_dict() for p in found[:limit]]
    if len(found) > limit:
        doc["omitted"] = len(found) - limit
    return doc
