"""Rulebooks: built-in jurisdictions, extension and override, and rulebook files."""

from ._files import RULEBOOK_FORMAT, RulebookFile, load_rulebook, parse_rulebook
from ._registry import BUILTIN_RULEBOOKS, builtin_rulebooks, get_rulebook
from ._rulebook import Disable, Replace, Rulebook

__all__ = [
    "BUILTIN_RULEBOOKS",
    "RULEBOOK_FORMAT",
    "Disable",
    "Replace",
    "Rulebook",
    "RulebookFile",
    "builtin_rulebooks",
    "get_rulebook",
    "load_rulebook",
    "parse_rulebook",
]
