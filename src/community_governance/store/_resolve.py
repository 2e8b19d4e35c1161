"""Subjects that name their community by ``community_id``: looked up at the boundary.

The models do no I/O: a subject's ``community`` is a `Community`. An input may instead carry
``community_id``; `resolve` looks the community up in a store as of the subject's own date
(``model.reference_date_field``), puts the validated (cached) community in its place and
validates the subject, recording the version used for the Decision's audit.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from ..models import Date, Id, Subject
from ..rules.audit import COMMUNITY_VERSION_KEY
from ._protocol import CommunityStore

__all__ = ["names_community_id", "resolve", "validate_json"]

S = TypeVar("S", bound=Subject)

_KEY = "community_id"


@functools.cache
def _id_adapter() -> TypeAdapter[str]:
    return TypeAdapter(Id)


@functools.cache
def _date_adapter() -> TypeAdapter[dt.date]:
    return TypeAdapter(Date)


def names_community_id(model: type[Subject], data: object) -> bool:
    """Whether ``data`` is a subject input of ``model`` naming its community by id."""
    return isinstance(data, Mapping) and _KEY in data and "community" in model.model_fields


Found = tuple[tuple[str | int, ...], str, str, Mapping[str, Any] | None, Any]


def _error(model: type[Subject], found: list[Found]) -> ValidationError:
    """One `ValidationError` titled by the model, each problem at its ``loc``."""
    details: list[InitErrorDetails] = [
        {
            "type": PydanticCustomError(type_, message, dict(context) if context else None),
            "loc": loc,
            "input": value,
        }
        for loc, type_, message, context, value in found
    ]
    return ValidationError.from_exception_data(model.__name__, details)


def _at_id(
    model: type[Subject], type_: str, message: str, context: Mapping[str, Any], raw: Any
) -> ValidationError:
    return _error(model, [((_KEY,), type_, message, context, raw)])


def _relocated(model: type[Subject], error: ValidationError, field: str) -> ValidationError:
    """``error`` (about one value) as errors at ``field``, types and messages kept."""
    return _error(
        model,
        [((field, *e["loc"]), e["type"], e["msg"], None, e["input"]) for e in error.errors()],
    )


def resolve(model: type[S], data: Mapping[str, Any], store: CommunityStore | None) -> S:
    """Validate ``data`` (a subject input decoded from JSON, or built in Python) as ``model``,
    looking its community up in ``store`` when it names one by ``community_id``.

    The version used is the one in force on the subject's own date (the field
    ``model.reference_date_field``: a proposal's ``submitted_on``, a body's ``as_of``…).
    The community comes validated from the store (once per version, cached), so a subject
    costs what its own fields cost. Data without ``community_id`` is validated as it is.

    Args:
        model: the subject model.
        data: the input: the keys of ``model``, with ``community_id`` instead of ``community``.
        store: the community store, or ``None``.

    Returns:
        The subject; `community_governance.rules.audit.community_version_of` gives the
        version used, and the Decision's ``audit.community`` records it.

    Raises:
        ValidationError: every problem at its path; about the community at
            ``community_id``: both ``community`` and ``community_id`` given; no store given;
            an id not registered; no version in force on the subject's date; a missing or
            invalid date (then at that field too).
        StoreError: the store holds a document changed behind its back.

    Examples:
        >>> import datetime as dt
        >>> from community_governance.models import Community, Proposal
        >>> from community_governance.store import MemoryCommunityStore
        >>> store = MemoryCommunityStore()
        >>> _ = store.put(Community(id="c1", name="示例社区", kind="urban",
        ...                         households=[{"id": "h1"}]), valid_from=dt.date(2026, 1, 1))
        >>> p = resolve(Proposal, {"id": "P-1", "community_id": "c1", "title": "加装电梯",
        ...     "category": "major", "proposer": "households", "submitted_on": "2026-03-01",
        ...     "sponsor_household_ids": ["h1"]}, store)
        >>> p.community.name
        '示例社区'
        >>> resolve(Proposal, {"id": "P-1", "community_id": "c1", "title": "加装电梯",
        ...     "category": "major", "proposer": "households", "submitted_on": "2025-03-01"},
        ...     store)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for Proposal
        community_id
          community_id: community 'c1' has no version in force on 2025-03-01 (its first ...
    """
    if not names_community_id(model, data):
        return model.model_validate(data)
    raw_id = data[_KEY]
    if "community" in data:
        raise _at_id(
            model,
            "community_and_community_id",
            "community_id: give the whole community or its community_id, not both",
            {},
            raw_id,
        )
    if store is None:
        raise _at_id(
            model,
            "no_community_store",
            "community_id: '{value}' names a registered community, but no community store "
            "was given to look it up in: give one (cgov --store PATH, create_app(store=...), "
            "resolve(model, data, store)) or give the whole community",
            {"value": str(raw_id)[:200]},
            raw_id,
        )
    try:
        community_id = _id_adapter().validate_python(raw_id)
    except ValidationError as e:
        raise _relocated(model, e, _KEY) from None
    field = model.reference_date_field
    if field not in data:
        raise _error(
            model,
            [
                ((field,), "missing", "Field required", None, dict(data)),
                (
                    (_KEY,),
                    "community_version_undetermined",
                    "community_id: the version of community '{value}' in force cannot be "
                    "chosen without {field}",
                    {"value": community_id, "field": field},
                    raw_id,
                ),
            ],
        )
    try:
        on = _date_adapter().validate_python(data[field])
    except ValidationError as e:
        raise _relocated(model, e, field) from None
    stored = store.get(community_id, on)
    if stored is None:
        versions = store.versions(community_id)
        if not versions:
            raise _at_id(
                model,
                "unknown_community",
                "community_id: no community '{value}' is registered in the community store "
                "(社区未登记)",
                {"value": community_id},
                raw_id,
            )
        raise _at_id(
            model,
            "no_community_version",
            "community_id: community '{value}' has no version in force on {date} (its first "
            "version is in force from {first}; {field} is {date})",
            {
                "value": community_id,
                "date": on.isoformat(),
                "first": versions[0].valid_from.isoformat(),
                "field": field,
            },
            raw_id,
        )
    given = {k: v for k, v in data.items() if k != _KEY}
    given["community"] = stored.community
    subject = model.model_validate(given)
    subject.__dict__[COMMUNITY_VERSION_KEY] = stored.version
    return subject


def validate_json(model: type[S], text: str | bytes, store: CommunityStore | None = None) -> S:
    """A subject from JSON text: a document naming ``community_id`` is decoded and `resolve`d
    with ``store``; any other is validated by ``model.model_validate_json`` exactly as
    without a store. (Read untrusted text with ``community_governance._io.loads_json`` first:
    it refuses keys given twice, ``NaN`` and deep nesting.)"""
    probe = text if isinstance(text, str) else text.decode("utf-8", "replace")
    if f'"{_KEY}"' in probe and "community" in model.model_fields:
        data = json.loads(text)
        if names_community_id(model, data):
            return resolve(model, data, store)
    return model.model_validate_json(text)
