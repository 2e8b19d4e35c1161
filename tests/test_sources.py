"""Sources: every document a built-in rulebook cites has one entry with a readable title."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from community_governance import Citation, builtin_rulebooks, get_rulebook
from community_governance.exceptions import ConflictError, UnknownReferenceError
from community_governance.rulebooks.builtin.sources import SOURCES
from community_governance.rules.citation import Source

from ._support import ROOT
from .test_citations import all_citations

SHARED = ROOT.parent / "shared"
JINJIANG_SEED = "004_63e647ccd94b093f.txt"
_STAMP = re.compile(r"\((\d{4}-\d{2}-\d{2})\)$")
_NO_SHARED = not (SHARED / "seeds").is_dir()


def _source(id: str = "doc", **kw: object) -> Source:
    fields: dict[str, object] = {"title_zh": "文件", "title_en": "A document", "kind": "policy"}
    fields.update(kw)
    return Source(id, **fields)  # type: ignore[arg-type]


class TestBuiltinRegistry:
    """The built-in registry names every document once, with a title people can read."""

    def test_every_cited_source_is_registered(self) -> None:
        """Each citation of every built-in rulebook finds its document in every rulebook."""
        cited = {c.source for c in all_citations()}
        for book in builtin_rulebooks():
            assert not [s for s in sorted(cited) if _finds(book, s) is None], book.id

    def test_citations_use_ids_never_aliases(self) -> None:
        """One name per document: a built-in citation names a source by its id, not by an
        alias or its file (the Civil Code was once cited as 民法典（摘录）)."""
        ids = set(get_rulebook("cn").source_ids)
        assert {c.source for c in all_citations()} <= ids

    def test_the_civil_code_has_one_name(self) -> None:
        """民法典 and its old name 民法典（摘录） are one source."""
        book = get_rulebook("cn")
        assert book.source("民法典（摘录）") is book.source("民法典")
        assert book.source("民法典").file == "民法典（摘录）.md"

    @pytest.mark.skipif(
        not (SHARED / "seeds").is_dir(), reason="shared/ is not beside the checkout"
    )
    def test_every_seed_has_a_title_found_by_its_file_name(self) -> None:
        """All five seeds, cited or not, are registered under their file names."""
        book = get_rulebook("cn")
        for path in sorted((SHARED / "seeds").glob("*.txt")):
            src = book.source(path.name)
            assert src.kind == "seed"
            assert src.file == path.name
            assert ".txt" not in src.title_zh

    @pytest.mark.skipif(_NO_SHARED, reason="shared/ is not beside the checkout")
    def test_every_shared_statute_text_belongs_to_a_source(self) -> None:
        """Each statute file in shared/law is some source's text (the file is a lookup key)."""
        book = get_rulebook("cn")
        for path in sorted((SHARED / "law").glob("*.md")):
            if path.name == "README.md":
                continue
            assert book.source(path.name).file == path.name

    def test_titles_are_distinct_and_readable(self) -> None:
        """No two sources share a title; no title is a file name."""
        titles = [s.title_zh for s in SOURCES]
        assert len(set(titles)) == len(titles)
        assert not [t for t in titles if t.endswith((".txt", ".md"))]

    def test_every_source_with_a_version_date_in_its_id_is_dated_so(self) -> None:
        """A statute id's version date ``(YYYY-MM-DD)`` is the source's date."""
        dated = [(s, _STAMP.search(s.id)) for s in SOURCES]
        assert [s.id for s, m in dated if m and s.date != dt.date.fromisoformat(m[1])] == []

    def test_the_jinjiang_seed_reads_as_the_report_it_is(self) -> None:
        """The issue's example: seed 004 is the Jinjiang 2011 report."""
        src = get_rulebook("cn.sichuan.chengdu.jinjiang").source(JINJIANG_SEED)
        assert src.title_zh == "成都市锦江区基层社会管理体制改革（2011）"
        assert src.date == dt.date(2011, 2, 22)


def _finds(book: object, key: str) -> Source | None:
    try:
        return book.source(key)  # type: ignore[attr-defined, no-any-return]
    except UnknownReferenceError:
        return None


class TestRulebookSources:
    """`Rulebook.source` finds a document by id, file or alias, here or in a parent."""

    def test_a_child_inherits_and_adds_sources(self) -> None:
        """A local rulebook sees the parent's sources and its own."""
        local = get_rulebook("cn").extend("cn.x", "1", sources=[_source("local-doc")])
        assert local.source("local-doc").title_zh == "文件"
        assert local.source(JINJIANG_SEED).kind == "seed"
        assert "local-doc" in local.source_ids
        assert "local-doc" not in get_rulebook("cn").source_ids

    def test_a_child_replaces_a_parent_source_by_id(self) -> None:
        """A source with a parent's id replaces it, aliases and all."""
        better = _source("民法典", title_zh="民法典（新标题）")
        local = get_rulebook("cn").extend("cn.x", "1", sources=[better])
        assert local.source("民法典").title_zh == "民法典（新标题）"
        with pytest.raises(UnknownReferenceError):
            local.source("民法典（摘录）")

    def test_an_unknown_source_names_the_known_ones(self) -> None:
        """An unregistered id raises, listing the registered ids."""
        with pytest.raises(UnknownReferenceError, match="民法典"):
            get_rulebook("cn").source("no-such-document")

    def test_two_sources_may_not_share_a_key_in_one_rulebook(self) -> None:
        """An alias naming another source of the same rulebook is a conflict."""
        with pytest.raises(ConflictError, match="already names source"):
            get_rulebook("cn").extend(
                "cn.x", "1", sources=[_source("a"), _source("b", aliases=("a",))]
            )

    def test_a_key_may_not_take_over_another_parent_source(self) -> None:
        """A new source cannot claim a key the parent gives to a different source."""
        with pytest.raises(ConflictError, match="in the parent"):
            get_rulebook("cn").extend("cn.x", "1", sources=[_source("x", aliases=("民法典",))])


class TestSource:
    """The `Source` value."""

    def test_keys_are_id_file_and_aliases_without_repeats(self) -> None:
        """A seed's id and file are one key."""
        s = _source("f.txt", file="f.txt", aliases=("old name",))
        assert s.keys == ("f.txt", "old name")

    def test_title_in_each_language(self) -> None:
        """zh, en, and both (the English in parentheses)."""
        s = _source()
        assert (s.title("zh"), s.title("en"), s.title("zh+en")) == (
            "文件",
            "A document",
            "文件 (A document)",
        )

    def test_a_blank_title_or_unknown_kind_is_refused(self) -> None:
        """Titles are never empty; the kind is statute, policy or seed."""
        with pytest.raises(ValueError, match="title_zh"):
            _source(title_zh=" ")
        with pytest.raises(ValueError, match="kind"):
            _source(kind="blog")

    def test_to_dict(self) -> None:
        """The JSON form gives titles and issuers as zh/en maps and the date as ISO text."""
        s = _source(date=dt.date(2020, 1, 2), issuer_zh="民政部", issuer_en="MCA")
        d = s.to_dict()
        assert d["title"] == {"zh": "文件", "en": "A document"}
        assert d["issuer"] == {"zh": "民政部", "en": "MCA"}
        assert d["date"] == "2020-01-02"

    def test_citation_json_is_unchanged(self) -> None:
        """A citation still carries only the source's id (cg.decision/2 is unchanged)."""
        assert Citation(JINJIANG_SEED, "§二").to_dict() == {
            "source": JINJIANG_SEED,
            "locator": "§二",
            "quote": "",
        }
