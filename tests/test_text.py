"""Text for people: a language choice (zh, en, zh+en) and cited documents shown by title."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from community_governance import (
    BUILTIN_RULEBOOKS,
    Citation,
    Decision,
    Finding,
    Proposal,
    WorkItem,
    evaluate,
    get_rulebook,
)
from community_governance.text import explain, rulebooks_text, rules_text, source_title

from ._support import load_example

JJ = "cn.sichuan.chengdu.jinjiang"
SEED = "004_63e647ccd94b093f.txt"
JINJIANG_TITLE = "成都市锦江区基层社会管理体制改革（2011）"
_HAN = re.compile(r"[\u4e00-\u9fff]")


def short() -> Decision:
    return evaluate(
        Proposal.model_validate_json(load_example("jinjiang/proposal-short.json")),
        get_rulebook(JJ),
    )


def _chinese_lines(text: str) -> list[str]:
    """Lines with Chinese characters other than citations (locators and quotes of the law
    stay in the law's language)."""
    return [
        line
        for line in text.splitlines()
        if _HAN.search(line) and not line.lstrip().startswith("source:")
    ]


class TestDecisionExplain:
    """`Decision.explain(lang, sources=…)`."""

    def test_the_default_is_both_languages_as_before(self) -> None:
        """No argument: Chinese first with English alongside, citations by the titles of the
        rulebook the decision was made with."""
        d = short()
        text = d.explain()
        assert text == d.explain("zh+en")
        assert "[不符合 failed] proposal.sponsorship" in text
        assert f"依据 source: {JINJIANG_TITLE} §二" in text
        assert SEED not in text
        assert d.finding("proposal.sponsorship").message_en in text

    def test_a_decision_read_back_shows_ids_unless_given_the_rulebook(self) -> None:
        """A Decision from JSON knows only its rulebook's id: citations by id, or by title
        when the rulebook is given."""
        d = Decision.from_json(short().to_json())
        assert f"依据 source: {SEED} §二" in d.explain()
        assert f"依据 source: {JINJIANG_TITLE} §二" in d.explain(sources=get_rulebook(JJ))

    def test_sources_show_the_document_title_instead_of_its_id(self) -> None:
        """Given the rulebook, the seed reads as the report it is; its file name is gone."""
        text = short().explain(sources=get_rulebook(JJ))
        assert f"依据 source: {JINJIANG_TITLE} §二 成效“二是”" in text
        assert SEED not in text

    def test_chinese_only(self) -> None:
        """zh: Chinese labels and messages, no English message, no English state names."""
        d = short()
        text = d.explain("zh", sources=get_rulebook(JJ))
        assert text.splitlines()[0] == "议案 JJ-2026-008：不予 / 不符合"
        assert "[不符合] proposal.sponsorship" in text
        assert f"依据：{JINJIANG_TITLE}" in text
        assert "[不适用] 1条规则：" in text
        assert d.finding("proposal.sponsorship").message_en not in text
        for word in ("failed", "denied", "not_applicable", "source", "parameter"):
            assert word not in text

    def test_english_only(self) -> None:
        """en: English labels, messages and titles; Chinese only inside quotes of the law."""
        d = short()
        text = d.explain("en", sources=get_rulebook(JJ))
        assert text.splitlines()[0] == "proposal JJ-2026-008: denied"
        assert "[failed] proposal.sponsorship" in text
        assert "source: Chengdu Jinjiang district grassroots governance reform (2011) §二" in text
        assert "[not applicable] 1 rule:" in text
        assert _chinese_lines(text) == []

    def test_an_unknown_language_is_refused(self) -> None:
        """Only zh, en and zh+en."""
        with pytest.raises(ValueError, match="zh, en, zh\\+en"):
            short().explain("fr")  # type: ignore[arg-type]

    def test_an_unregistered_source_is_shown_by_its_id(self) -> None:
        """A citation no rulebook registers keeps its id (nothing fails)."""
        f = Finding(
            "x.rule",
            "failed",
            "must",
            "obligation",
            "中文",
            "English",
            citations=(Citation("某某条例(2030-01-01)", "第一条"),),
        )
        d = Decision("proposal", "p", "cn", "1", dt.date(2026, 1, 1), "denied", (f,))
        assert "依据 source: 某某条例(2030-01-01) 第一条" in d.explain(sources=get_rulebook("cn"))

    def test_confidence_is_said_in_the_reader_s_language(self) -> None:
        """A secondary citation says so in Chinese (zh), in English (en), as a code (zh+en)."""
        item = WorkItem.model_validate_json(load_example("access/certificate-kinship.json"))
        d = evaluate(item, get_rulebook("cn"))
        assert "（据二手资料）" in d.explain("zh")
        assert "(read in a secondary copy)" in d.explain("en")
        assert " (secondary)" in d.explain()


class TestTextModule:
    """`community_governance.text`: what ``cgov`` prints, with titles and a language."""

    def test_explain_finds_the_built_in_rulebook_by_itself(self) -> None:
        """A decision of a built-in rulebook is explained with its titles by default."""
        text = explain(short())
        assert JINJIANG_TITLE in text
        assert SEED not in text

    def test_explain_of_an_unknown_rulebook_keeps_ids(self) -> None:
        """A stored decision whose rulebook is not built in shows ids unless the rulebook is
        given (one made in this process knows its rulebook)."""
        local = get_rulebook(JJ).extend("cn.example", "1")
        proposal = Proposal.model_validate_json(load_example("jinjiang/proposal-short.json"))
        made = evaluate(proposal, local)
        stored = Decision.from_json(made.to_json())
        assert JINJIANG_TITLE in explain(made)
        assert SEED in explain(stored)
        assert JINJIANG_TITLE in explain(stored, rulebook=local)

    def test_source_title(self) -> None:
        """A title by id, in Chinese unless asked for English; an unknown id as it is."""
        book = get_rulebook(JJ)
        assert source_title(book, SEED) == JINJIANG_TITLE
        assert source_title(book, SEED, "en").startswith("Chengdu Jinjiang")
        assert source_title(book, "not-registered") == "not-registered"

    def test_rules_text_names_documents_by_title(self) -> None:
        """The rule listing cites titles, never a seed file name."""
        text = rules_text(get_rulebook(JJ))
        assert f"依据 source: {JINJIANG_TITLE} §二 成效“二是”" in text
        assert "[城市居民委员会组织法（2025年修订） 第八条第一款]" in text
        assert ".txt" not in text

    def test_rules_text_in_one_language(self) -> None:
        """zh drops the English titles; en drops the Chinese ones (quotes aside)."""
        book = get_rulebook(JJ)
        zh, en = rules_text(book, "zh"), rules_text(book, "en")
        assert "居民委员会由主任、副主任和委员共五至九人组成" in zh
        assert "A residents' committee has 5 to 9 members" not in zh
        assert "residents-committee.size（义务，" in zh
        assert "A residents' committee has 5 to 9 members" in en
        assert "in force" in en
        assert "施行期间" not in en

    def test_rulebooks_text(self) -> None:
        """The built-in rulebooks, one entry each, in the chosen language."""
        heads = [line for line in rulebooks_text().splitlines() if not line.startswith("  ")]
        assert [h.split(" ")[0] for h in heads] == list(BUILTIN_RULEBOOKS)
        assert all(h.endswith(" rules") for h in heads)
        assert "（继承 cn）" in rulebooks_text(lang="zh")
        assert not _HAN.search(rulebooks_text(lang="en"))
