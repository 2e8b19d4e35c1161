"""The built-in rulebooks, built on first use and shared (they are immutable values)."""

from __future__ import annotations

import functools

from ..exceptions import UnknownReferenceError
from ..rules.audit import BUILTIN
from ._rulebook import Rulebook
from .builtin import anhui, cn, jinjiang, ningxia, shandong, xiamen

__all__ = ["BUILTIN_RULEBOOKS", "builtin_rulebooks", "get_rulebook"]

BUILTIN_RULEBOOKS: tuple[str, ...] = (
    "cn",
    "cn.anhui",
    "cn.fujian.xiamen",
    "cn.ningxia",
    "cn.shandong",
    "cn.sichuan.chengdu.jinjiang",
)
"""Ids of the built-in rulebooks."""


@functools.cache
def _build(rulebook_id: str) -> Rulebook:
    book = _make(rulebook_id)
    # a built-in pickles by id: another process rebuilds (or already has) the same value
    object.__setattr__(book, "origin", (get_rulebook, (rulebook_id,)))
    # only the registry says "built-in": a Decision's audit then names the rulebook as such
    object.__setattr__(book, "provenance", BUILTIN)
    return book


def _make(rulebook_id: str) -> Rulebook:
    if rulebook_id == "cn":
        return cn.build()
    if rulebook_id == "cn.anhui":
        return anhui.build(_build("cn"))
    if rulebook_id == "cn.fujian.xiamen":
        return xiamen.build(_build("cn"))
    if rulebook_id == "cn.shandong":
        return shandong.build(_build("cn"))
    if rulebook_id == "cn.ningxia":
        return ningxia.build(_build("cn"))
    if rulebook_id == "cn.sichuan.chengdu.jinjiang":
        return jinjiang.build(_build("cn"))
    raise UnknownReferenceError("rulebook", rulebook_id, BUILTIN_RULEBOOKS)


def get_rulebook(rulebook_id: str) -> Rulebook:
    """A built-in rulebook by id.

    Built once per process and shared; a rulebook is immutable, so sharing is safe.

    Raises:
        UnknownReferenceError: no built-in rulebook has that id.

    Examples:
        >>> get_rulebook("cn.sichuan.chengdu.jinjiang").lineage
        ('cn.sichuan.chengdu.jinjiang', 'cn')
    """
    return _build(rulebook_id)


def builtin_rulebooks() -> tuple[Rulebook, ...]:
    """Every built-in rulebook."""
    return tuple(_build(i) for i in BUILTIN_RULEBOOKS)
