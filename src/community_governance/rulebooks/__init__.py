"""Rulebooks: built-in jurisdictions, extension and override, and rulebook files."""

from ._files import (
    FORMATS,
    RULEBOOK_FORMAT,
    RulebookFile,
    load_rulebook,
    load_work_item_lists,
    parse_rulebook,
    parse_work_item_lists,
)
from ._registry import BUILTIN_RULEBOOKS, builtin_rulebooks, get_rulebook
from ._rulebook import PROCEDURES, Disable, Replace, Rulebook, procedure_entry

__all__ = [
    "BUILTIN_RULEBOOKS",
    "FORMATS",
    "PROCEDURES",
    "RULEBOOK_FORMAT",
    "Disable",
    "Replace",
    "Rulebook",
    "RulebookFile",
    "builtin_rulebooks",
    "get_rulebook",
    "load_rulebook",
    "load_work_item_lists",
    "parse_rulebook",
    "parse_work_item_lists",
    "procedure_entry",
]
