"""Shared configuration of every input model: frozen, no extra keys, no coercion."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    ValidationError,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import InitErrorDetails, PydanticCustomError, SchemaValidator, core_schema

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "Date",
    "Id",
    "IdTuple",
    "StrictModel",
    "Subject",
    "Text",
    "duplicates",
    "located",
    "normalise_id",
    "normalise_text",
    "path_error",
    "path_of",
    "problems_error",
    "repeated",
]

#: Code points that render as nothing (Unicode Default_Ignorable_Code_Point, plus the Hangul
#: fillers and the blank braille pattern, which render as blank space).
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
#: Categories no id or text may contain: controls, format characters (zero-width…), surrogates,
#: private use and unassigned code points.
_REFUSED = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_SPACES = re.compile(r"\s+")


#: The only refused characters an ASCII text can hold: the C0 controls and DEL (category Cc).
_ASCII_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _refused(text: str, allowed: str = "") -> str | None:
    """The first invisible or control character of ``text`` (``allowed`` excepted), as
    ``U+XXXX``, or ``None``."""
    if text.isascii():  # most ids and many texts: one regex scan instead of one per character
        for m in _ASCII_CONTROL.finditer(text):
            if m.group() not in allowed:
                return f"U+{ord(m.group()):04X}"
        return None
    for ch in text:
        if ch not in allowed and _is_refused(ch):
            return f"U+{ord(ch):04X}"
    return None


@functools.lru_cache(maxsize=1 << 16)
def _is_refused(ch: str) -> bool:
    """Whether the character ``ch`` renders as nothing or is a control, format, surrogate,
    private-use or unassigned code point (kept per character: texts repeat theirs)."""
    return _INVISIBLE.match(ch) is not None or unicodedata.category(ch) in _REFUSED


def normalise_id(value: str) -> str:
    """An id as it is compared: NFKC, surrounding whitespace stripped, inner runs of
    whitespace made one space. Refuses a blank id and one holding an invisible (zero-width,
    format) or control character, which would make two ids that look the same differ.

    Examples:
        >>> normalise_id(" Ｒ１ ")
        'R1'
        >>> normalise_id("a\u3000 b")
        'a b'
        >>> normalise_id("R1\u200b")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        pydantic_core...PydanticCustomError: an id may not contain the invisible or control ...
    """
    out = _SPACES.sub(" ", unicodedata.normalize("NFKC", value)).strip()
    bad = _refused(out)
    if bad is not None:
        raise PydanticCustomError(
            "invisible_character",
            "an id may not contain the invisible or control character {char}",
            {"char": bad},
        )
    if not out:
        raise PydanticCustomError("blank_id", "an id may not be blank (空白的标识)", {})
    return out


def normalise_text(value: str) -> str:
    """A text as it is kept and compared: NFKC, surrounding whitespace stripped. Refuses a
    text with nothing visible in it (blank, whitespace-only, zero-width) and one holding an
    invisible (zero-width, format) or control character other than tab and newline.

    Examples:
        >>> normalise_text("  某区民政局 ")
        '某区民政局'
        >>> normalise_text("\u3000\u200b")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        pydantic_core...PydanticCustomError: a text may not contain the invisible or control ...
    """
    out = unicodedata.normalize("NFKC", value).strip()
    bad = _refused(out, allowed="\t\n\r")
    if bad is not None:
        raise PydanticCustomError(
            "invisible_character",
            "a text may not contain the invisible or control character {char}",
            {"char": bad},
        )
    if not out:
        raise PydanticCustomError(
            "blank_text", "a text may not be blank or whitespace only (空白文本)", {}
        )
    return out


#: An identifier, compared after normalisation (`normalise_id`): NFKC, stripped, inner
#: whitespace one space; never blank, never holding an invisible or control character.
Id = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(normalise_id)]
#: A tuple of ids; a JSON array or a Python list/tuple is accepted, items stay strict strings.
IdTuple = Annotated[tuple[Id, ...], Field(strict=False)]
#: A text that says something (a title, a reason, a legal basis, a payer's name): NFKC,
#: stripped, with something visible in it (`normalise_text`).
Text = Annotated[
    str, StringConstraints(min_length=1, max_length=2000), AfterValidator(normalise_text)
]


#: Tuples with more items than this, or whose repr would be longer than `_SHORT`, are
#: summarised as ``<n>`` in a model's repr.
_SHOWN_ITEMS = 3
_SHORT = 100
#: Strings longer than this are cut (with an ellipsis) in a model's repr.
_TEXT = 60


class _Shown:
    """A value as a model's repr shows it: its summary text, unquoted."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _shown(value: Any) -> Any:
    """``value`` as a repr shows it: a long tuple as ``<n>``, a long string cut."""
    if isinstance(value, tuple):
        if len(value) > _SHOWN_ITEMS:
            return _Shown(f"<{len(value)}>")
        text = repr(value)
        return _Shown(f"<{len(value)}>") if len(text) > _SHORT else value
    if isinstance(value, str) and len(value) > _TEXT:
        return _Shown(repr(value[: _TEXT - 1] + "…"))
    return value


#: The strict date validator, as in JSON: a ``YYYY-MM-DD`` string (no time, no offset, no
#: other spelling) or, in Python, a `datetime.date` that is not a `datetime.datetime`.
_STRICT_DATE = SchemaValidator(core_schema.date_schema(strict=True))


def _python_date(value: object) -> dt.date:
    """A date given to Python-mode validation: a `datetime.date`, or an ISO ``YYYY-MM-DD``
    string read exactly as JSON-mode validation reads it. Anything else (a datetime, a number,
    a datetime string) is refused with pydantic's own ``date_type`` / ``date_parsing`` error."""
    if type(value) is dt.date:
        return value
    if isinstance(value, str):
        # pydantic-core types the input as a mapping of strings; a plain string is read too
        return _STRICT_DATE.validate_strings(value, strict=True)  # type: ignore[arg-type,no-any-return]
    return _STRICT_DATE.validate_python(value, strict=True)  # type: ignore[no-any-return]


class _IsoDate:
    """Marker giving `Date` its schema: strict `datetime.date` in JSON mode, and in Python mode
    the same plus the ISO string JSON would carry (a dict decoded from JSON, a form, YAML)."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.json_or_python_schema(
            json_schema=core_schema.date_schema(strict=True),
            python_schema=core_schema.no_info_plain_validator_function(
                _python_date, json_schema_input_schema=core_schema.date_schema()
            ),
            serialization=core_schema.plain_serializer_function_ser_schema(
                _serialise_date, when_used="json-unless-none"
            ),
        )


def _serialise_date(value: dt.date) -> str:
    return value.isoformat()


#: A calendar day. Strict, yet usable as a FastAPI or pydantic body type: JSON-mode validation
#: takes ``"2026-03-01"``; Python-mode validation takes a `datetime.date` or the same ISO
#: string (a dict decoded from JSON validates as the JSON text does). A datetime, a datetime
#: string, a timestamp or another spelling is never a date.
Date = Annotated[dt.date, _IsoDate]


def located(
    loc: tuple[str | int, ...],
    type_: str,
    message: str,
    context: Mapping[str, Any] | None = None,
    *,
    input: Any = None,
) -> ValidationError:
    """A validation error at ``loc`` (relative to the model validated), for a model or field
    validator to raise: pydantic puts it under the path of that model in the whole input, so a
    cross-field problem lands on the element it is about (``sponsor_household_ids.3``), not on
    the model (``loc=()``).

    Examples:
        >>> e = located(("ids", 3), "unknown_reference", "'{value}' is unknown", {"value": "x"})
        >>> e.errors()[0]["loc"], e.errors()[0]["msg"]
        (('ids', 3), "'x' is unknown")
    """
    return problems_error([(loc, type_, message, context, input)])


#: A path as the library's messages start with it: ``memberships[3].person_id``.
_PATH = re.compile(r"[A-Za-z_]\w*(?:\[\d+\]|\.[A-Za-z_]\w*)*")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_PATH_PART = re.compile(r"\[(\d+)\]|\.?([A-Za-z_]\w*)")


def path_of(path: str) -> tuple[str | int, ...]:
    """A path as written in a message (``memberships[3].person_id``) as a ``loc``.

    Examples:
        >>> path_of("persons[2].relatives[0].person_id")
        ('persons', 2, 'relatives', 0, 'person_id')
    """
    return tuple(int(i) if i else name for i, name in _PATH_PART.findall(path))


def path_error(
    type_: str, message: str, context: Mapping[str, Any] | None = None, *, input: Any = None
) -> ValidationError:
    """A cross-field error located at the path its message starts with.

    The library's messages name the element they are about first (``"memberships[{i}]
    .person_id: '{value}' is not a person…"``, relative to the model validated): that path,
    its placeholders filled from ``context``, becomes the error's ``loc``, and pydantic puts
    the model's own path before it. ``input`` defaults to the context's ``value``. A message
    that starts with no path is located at the model.

    Examples:
        >>> e = path_error("unknown_reference", "proxies[{i}].proxy_id: '{value}' is unknown",
        ...                {"i": 2, "value": "p9"})
        >>> e.errors()[0]["loc"], e.errors()[0]["input"]
        (('proxies', 2, 'proxy_id'), 'p9')
    """
    ctx = dict(context) if context else {}
    head, colon, _ = message.partition(": ")
    filled = _PLACEHOLDER.sub(lambda m: str(ctx.get(m.group(1), m.group(0))), head)
    loc = path_of(filled) if colon and _PATH.fullmatch(filled) else ()
    return located(loc, type_, message, ctx, input=ctx.get("value") if input is None else input)


def repeated(field: str, ids: Iterable[str], key: str | None = "id") -> ValidationError:
    """Every repeat of an id in the list ``field`` (the first listing is not a problem), each
    at its own element (``persons.4.id``; ``key=None`` for a list of ids: ``voted_ids.4``).

    Examples:
        >>> [e["loc"] for e in repeated("persons", ["a", "b", "a"]).errors()]
        [('persons', 2, 'id')]
    """
    listed = list(ids)
    dup = duplicates(listed)
    first = {v: listed.index(v) for v in dup}
    tail = () if key is None else (key,)
    return problems_error(
        (
            (field, i, *tail),
            "duplicate_id",
            "{field}: duplicate id(s) {ids}",
            {"field": field, "ids": ", ".join(dup)},
            v,
        )
        for i, v in enumerate(listed)
        if v in first and first[v] != i
    )


def problems_error(
    found: Iterable[tuple[tuple[str | int, ...], str, str, Mapping[str, Any] | None, Any]],
) -> ValidationError:
    """One `ValidationError` holding every ``(loc, type, message, context, input)`` found,
    to raise at once."""
    details: list[InitErrorDetails] = [
        {
            "type": PydanticCustomError(type_, message, dict(context) if context else None),
            "loc": loc,
            "input": input,
        }
        for loc, type_, message, context, input in found
    ]
    return ValidationError.from_exception_data("problems", details)


class StrictModel(BaseModel):
    """Base of all input models: frozen, ``extra="forbid"``, strict types.

    A string ``"100"`` is never a count, ``1.0`` is never an int, and unknown keys are errors.

    The repr is a summary, so that a failing example or a log line stays short whatever the
    size of the input: fields left at their default are omitted, a tuple of more than three
    items (or a long one) is shown as ``<n>``, its number of items, and a string longer than
    60 characters is cut. ``model_dump_json()`` is the complete record.

    Examples:
        >>> from community_governance.models import Community
        >>> Community(id="C1", name="示例社区", kind="urban",
        ...           households=[{"id": f"H{i}"} for i in range(300)])
        Community(id='C1', name='示例社区', kind='urban', households=<300>)
    """

    model_config = ConfigDict(
        strict=True,
        frozen=True,
        extra="forbid",
        allow_inf_nan=False,
        validate_default=True,
        use_attribute_docstrings=False,
        # schemas are built on first validation, not at import: most programs validate a
        # few subject types, and `import community_governance` stays light
        defer_build=True,
    )

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy, as pydantic makes it, without the values of ``functools.cached_property``
        indexes: they were computed from the old fields and ``update`` may change those. A
        copy with changed fields also drops what was recorded about the old ones (the
        registered community version a subject was resolved with)."""
        copy = super().model_copy(update=update, deep=deep)
        for name in _cached_properties(type(self)):
            copy.__dict__.pop(name, None)
        if update:
            fields = type(self).model_fields
            for name in [k for k in copy.__dict__ if k not in fields]:
                del copy.__dict__[name]
        return copy

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        """The fields a repr shows (see the class docstring): set ones, summarised."""
        fields = type(self).model_fields
        for name, value in super().__repr_args__():
            field = fields.get(name) if name is not None else None
            if (
                field is not None
                and field.default_factory is None
                and not field.is_required()
                and _same(value, field.default)
            ):
                continue
            yield name, _shown(value)


def _same(value: Any, default: Any) -> bool:
    """Whether a field's value equals its default (without comparing unlike types)."""
    return type(value) is type(default) and bool(value == default)


@functools.cache
def _cached_properties(cls: type) -> tuple[str, ...]:
    return tuple(
        name
        for klass in cls.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, functools.cached_property)
    )


class Subject(StrictModel):
    """A model that rules are evaluated against (a proposal, a body, a work item…)."""

    #: The subject type rules are selected by (``Rule.subject``).
    subject_type: ClassVar[str] = ""
    #: The subject type's Chinese name, for messages.
    subject_zh: ClassVar[str] = ""
    #: The facts a rule's scope may select on, each with the values it can take.
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    #: The field holding the subject's own date (`reference_date`), for a subject with a
    #: ``community``: a ``community_id`` is looked up as of that day
    #: (`community_governance.store`). Empty for a subject without a community.
    reference_date_field: ClassVar[str] = ""

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """The model's schema; a subject with a ``community`` takes either the whole
        ``community`` or a ``community_id`` registered in a community store."""
        found = handler(schema)
        if "community" not in cls.model_fields:
            return found
        target = handler.resolve_ref_schema(found)
        target.setdefault("properties", {})["community_id"] = {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "title": "Community Id",
            "description": "Instead of community: the id of a community registered in the "
            "community store (社区登记), looked up as of the subject's "
            f"{cls.reference_date_field or 'own date'}.",
        }
        target["required"] = [r for r in target.get("required", []) if r != "community"]
        target["oneOf"] = [{"required": ["community"]}, {"required": ["community_id"]}]
        return found

    def facts(self) -> tuple[str | None, ...]:
        """The values of ``scope_facts``, in order (``None`` where not recorded)."""
        return ()

    @property
    def subject_id(self) -> str:
        """The id reported in the Decision."""
        raise NotImplementedError  # pragma: no cover - every concrete subject overrides it

    @property
    def reference_date(self) -> object:
        """The date the law applies as of when none is given (the subject's own date)."""
        return None


def duplicates(values: Iterable[str]) -> list[str]:
    """The values occurring more than once, in first-seen order."""
    counts = Counter(values)
    return [v for v, n in counts.items() if n > 1]
