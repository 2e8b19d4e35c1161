"""Griffe extension used by the docs build: show the ``__init__`` that attrs generates.

The engine values (`Rule`, `Citation`, `Threshold`, ...) are ``@attrs.frozen`` classes. Their
``__init__`` is written by attrs at import time, so static analysis sees no signature and the
``Args:`` sections of their docstrings would have nothing to document. This extension rebuilds
the signature from the annotated class attributes, the way attrs does: in definition order,
skipping ``attrs.field(init=False)``, taking ``default=`` / ``factory=`` as defaults, naming
a parameter by its ``alias=`` (else the attribute's name without its leading underscore) and
making every parameter keyword-only for ``kw_only=True`` classes.
"""

from __future__ import annotations

from typing import Any

import griffe

_ATTRS_DECORATORS = frozenset(
    {"attrs.frozen", "attrs.define", "attrs.mutable", "attr.s", "attr.attrs", "attr.frozen"}
)
_FIELD_FUNCTIONS = frozenset({"attrs.field", "attr.ib", "attr.attrib", "attr.field"})


def _path(expr: object) -> str:
    if isinstance(expr, griffe.ExprCall):
        expr = expr.function
    return getattr(expr, "canonical_path", str(expr))


def _is_attrs_class(cls: griffe.Class) -> bool:
    return any(_path(d.value) in _ATTRS_DECORATORS for d in cls.decorators)


def _kw_only(cls: griffe.Class) -> bool:
    for d in cls.decorators:
        if isinstance(d.value, griffe.ExprCall) and _path(d.value) in _ATTRS_DECORATORS:
            for arg in d.value.arguments:
                if isinstance(arg, griffe.ExprKeyword) and arg.name == "kw_only":
                    return str(arg.value) == "True"
    return False


def _field_kwargs(value: object) -> dict[str, Any] | None:
    """Keyword arguments of an ``attrs.field(...)`` call, or None for a plain default."""
    if isinstance(value, griffe.ExprCall) and _path(value) in _FIELD_FUNCTIONS:
        return {
            arg.name: arg.value for arg in value.arguments if isinstance(arg, griffe.ExprKeyword)
        }
    return None


class AttrsInit(griffe.Extension):
    """Give ``@attrs.frozen`` / ``@attrs.define`` classes their generated ``__init__``."""

    def on_class_members(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        """Add ``__init__`` to an attrs class that does not define one."""
        if "__init__" in cls.members or not _is_attrs_class(cls):
            return
        positional = griffe.ParameterKind("positional or keyword")
        kind = griffe.ParameterKind("keyword-only") if _kw_only(cls) else positional
        parameters = [griffe.Parameter("self", kind=positional)]
        for member in cls.members.values():
            if not isinstance(member, griffe.Attribute) or member.annotation is None:
                continue
            if "property" in member.labels:
                continue
            if str(member.annotation).startswith("ClassVar"):
                continue
            kwargs_ = _field_kwargs(member.value)
            default: str | griffe.Expr | None
            if kwargs_ is None:
                default = member.value
            elif str(kwargs_.get("init")) == "False":
                continue
            elif "default" in kwargs_:
                default = kwargs_["default"]
            elif "factory" in kwargs_:
                default = f"{kwargs_['factory']}()"
            else:
                default = None
            alias = (kwargs_ or {}).get("alias")
            name = str(alias).strip("'\"") if alias is not None else member.name.lstrip("_")
            parameters.append(
                griffe.Parameter(
                    name,
                    annotation=member.annotation,
                    kind=kind,
                    default=default,
                    docstring=member.docstring,
                )
            )
        cls.set_member(
            "__init__",
            griffe.Function(
                "__init__",
                lineno=cls.lineno,
                endlineno=cls.lineno,
                parent=cls,
                parameters=griffe.Parameters(*parameters),
                returns="None",
            ),
        )
