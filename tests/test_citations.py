"""Every quote a built-in rulebook cites is the source's own words (ellipses aside)."""

from __future__ import annotations

import re

import pytest

from community_governance import Citation, builtin_rulebooks, get_rulebook

from ._support import ROOT

SHARED = ROOT.parent / "shared"
_FILES = {
    **{p.name: p for p in (SHARED / "law").glob("*.md")},
    **{p.name: p for p in (SHARED / "seeds").glob("*.txt")},
}
#: The shared text of each source a built-in rulebook registers, by the id citations use.
SOURCES = {
    sid: _FILES[src.file]
    for sid in get_rulebook("cn").source_ids
    if (src := get_rulebook("cn").source(sid)).file in _FILES
}
_SPACE = re.compile(r"\s+")
_GAP = re.compile(r"…+|\.\.\.")


def all_citations() -> list[Citation]:
    seen: dict[Citation, None] = {}
    for book in builtin_rulebooks():
        for rule in book.effective_rules:
            seen.update(dict.fromkeys(rule.citations))
        for name in book.parameter_names:
            seen.update(dict.fromkeys(v.citation for v in book.parameter(name).versions))
        for entry in _list_citations(book):
            seen[entry] = None
        for pid in book.procedure_ids:
            proc = book.procedure(pid)
            for guard in proc.guards:
                seen.update(dict.fromkeys(guard.citations))
            if proc.posting is not None:
                seen[proc.posting.citation] = None
    return list(seen)


def _list_citations(book: object) -> list[Citation]:
    from community_governance.checks.lists import work_item_lists

    try:
        lists = work_item_lists(book)  # type: ignore[arg-type]
    except Exception:
        return []
    return [e.citation for e in lists.entries]


def _normalise(text: str) -> str:
    return _SPACE.sub("", text).replace(",", "，").replace("(", "（").replace(")", "）")


@pytest.mark.skipif(not SOURCES, reason="shared/law and shared/seeds are not beside the checkout")
class TestQuotes:
    """Quotes are checked against ../shared/law and ../shared/seeds when they are present."""

    def test_confirmed_quotes_are_verbatim(self) -> None:
        """Each part of a confirmed quote (split at ……) occurs in the cited text."""
        problems = []
        checked = 0
        for c in all_citations():
            path = SOURCES.get(c.source)
            if path is None or not c.quote or c.confidence != "confirmed":
                continue
            text = _normalise(path.read_text(encoding="utf-8"))
            checked += 1
            for part in _GAP.split(c.quote):
                if part.strip() and _normalise(part) not in text:
                    problems.append(f"{c.source} {c.locator}: {part!r}")
        assert checked > 50
        assert not problems, "quotes not found verbatim:\n" + "\n".join(problems)

    def test_every_statute_source_names_a_shared_text_or_says_it_is_secondary(self) -> None:
        """A citation of a text we do not hold is marked secondary or unconfirmed."""
        unheld = {
            c.source
            for c in all_citations()
            if c.source not in SOURCES and c.confidence == "confirmed"
        }
        assert not unheld, f"confirmed citations of texts not in shared/: {sorted(unheld)}"
