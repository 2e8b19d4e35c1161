"""Text is text: blank, whitespace-only and invisible strings are no id, requester, payer or
legal basis, and ids are compared after normalisation (NFKC, stripped)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from community_governance import Election, Proposal, Recall, WorkItem, evaluate, get_rulebook
from community_governance.models import normalise_id, normalise_text

from ._support import example_data

#: Strings with nothing visible in them: empty, spaces, a full-width space (NFKC: a space),
#: no-break space, zero-width space / joiner / no-break (BOM), a Hangul filler.
BLANK = [
    "",
    " ",
    "\t\n",
    "\u3000",
    "\u00a0",
    "\u200b",
    "\u200d",
    "\ufeff",
    " \u200b\u3000 ",
    "\u3164",
]


def refused(model: type[Any], data: Any) -> list[str]:
    """The dotted locations of the validation errors ``data`` raises."""
    with pytest.raises(ValidationError) as info:
        model.model_validate_json(json.dumps(data, ensure_ascii=False))
    return [".".join(str(x) for x in e["loc"]) for e in info.value.errors()]


class TestIds:
    """An id is compared after NFKC and stripping; a blank or invisible id is refused."""

    @pytest.mark.parametrize("blank", BLANK)
    def test_a_blank_id_is_refused(self, blank: str) -> None:
        """A proposal id with nothing visible in it names the field."""
        data = example_data("jinjiang/proposal-short.json")
        data["id"] = blank
        assert refused(Proposal, data) == ["id"]

    @pytest.mark.parametrize("hidden", ["R1\u200b", "\ufeffR1", "R\u200d1", "R1\u0007"])
    def test_an_id_hiding_an_invisible_character_is_refused(self, hidden: str) -> None:
        """ "R1" and "R1" plus a zero-width or control character look the same: refused."""
        with pytest.raises(Exception, match="invisible or control character"):
            normalise_id(hidden)

    @pytest.mark.parametrize(
        ("given", "compared"),
        [("Ｒ０１", "R01"), (" R01 ", "R01"), ("R01\u3000", "R01"), ("某 \u3000 社区", "某 社区")],
    )
    def test_ids_are_compared_after_normalisation(self, given: str, compared: str) -> None:
        """Full-width forms (NFKC), surrounding and repeated whitespace make no new id."""
        assert normalise_id(given) == compared

    def test_a_full_width_duplicate_sponsor_is_a_duplicate(self) -> None:
        """ "Ｈ100" is "H100": listing both sponsors the same household twice (联名户重复)."""
        data = example_data("jinjiang/proposal-short.json")
        data["sponsor_household_ids"] = [*data["sponsor_household_ids"], "Ｈ100"]  # type: ignore[list-item]
        assert refused(Proposal, data) == [
            f"sponsor_household_ids.{len(data['sponsor_household_ids']) - 1}"
        ]

    def test_a_padded_voter_is_the_listed_voter(self) -> None:
        """A voter listed as "R01" and again as " R01\u3000" is one voter listed twice."""
        data = example_data("elections/representatives-election.json")
        data["electorate_ids"] = [*data["electorate_ids"], " R01\u3000"]  # type: ignore[list-item]
        with pytest.raises(ValidationError, match="electorate_ids: duplicate id"):
            Election.model_validate_json(json.dumps(data, ensure_ascii=False))


class TestTexts:
    """A text the law rests on says something: a requester, a payer, a legal basis, a title,
    a reason."""

    @pytest.mark.parametrize("blank", BLANK)
    @pytest.mark.parametrize(
        "path",
        [
            ("requested_by", "name"),
            ("funding", "payer"),
            ("legal_basis", "statute"),
            ("legal_basis", "article"),
            ("title",),
        ],
    )
    def test_a_blank_text_is_refused(self, blank: str, path: tuple[str, ...]) -> None:
        """A requester, payer or legal basis of nothing visible is an input error naming the
        field, not a basis (法律法规依据须有内容)."""
        data = example_data("access/assistance-funded.json")
        target = data
        for key in path[:-1]:
            target = target[key]  # type: ignore[assignment]
        target[path[-1]] = blank
        assert refused(WorkItem, data) == [".".join(path)]

    def test_a_work_item_with_a_blank_basis_is_never_allowed(self) -> None:
        """Before: «法律法规依据» of a zero-width space counted as a legal basis. Now refused."""
        data = example_data("access/assistance-funded.json")
        data["legal_basis"] = {"statute": "\u200b", "article": "\u3000"}
        with pytest.raises(ValidationError):
            evaluate(
                WorkItem.model_validate_json(json.dumps(data, ensure_ascii=False)),
                get_rulebook("cn"),
            )

    def test_texts_are_kept_normalised(self) -> None:
        """A payer written in full-width letters is the requester written in half-width ones:
        texts are compared as NFKC, stripped."""
        data = example_data("access/assistance-funded.json")
        data["requested_by"]["name"] = "ＸＹ区民政局"  # type: ignore[index]
        data["funding"]["payer"] = " XY区民政局\u3000"  # type: ignore[index]
        item = WorkItem.model_validate_json(json.dumps(data, ensure_ascii=False))
        assert item.funding is not None
        assert item.funding.payer == item.requested_by.name == "XY区民政局"

    def test_newlines_inside_a_text_are_kept(self) -> None:
        """A reason over two lines is text; only invisible and control characters are not."""
        assert normalise_text("长期不履行职责\n多次缺席会议") == "长期不履行职责\n多次缺席会议"

    def test_a_blank_recall_reason_is_refused(self) -> None:
        """«说明要求罢免的理由»: a reason of spaces is no reason."""
        data = example_data("elections/recall.json")
        data["reason"] = "\u3000\u3000"
        assert refused(Recall, data) == ["reason"]


class TestRefusedCharacters:
    """The refusal of invisible and control characters, read character by character."""

    @staticmethod
    def by_character(text: str, allowed: str = "") -> str | None:
        """The rule as written: the first character (``allowed`` excepted) that renders as
        nothing or is of category Cc, Cf, Cs, Co or Cn."""
        import unicodedata

        from community_governance.models._base import _INVISIBLE

        for ch in text:
            if ch in allowed:
                continue
            if _INVISIBLE.match(ch) or unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn"}:
                return f"U+{ord(ch):04X}"
        return None

    @settings(max_examples=300)
    @given(
        st.text(st.characters(codec=None), max_size=30)
        | st.text(st.characters(max_codepoint=0x7F), max_size=30),
        st.sampled_from(["", "\t\n\r"]),
    )
    def test_the_fast_paths_agree_with_the_rule(self, text: str, allowed: str) -> None:
        """The ASCII scan and the per-character cache find what a character-by-character
        reading finds, for any text (ASCII or not) and either set of allowed characters."""
        from community_governance.models._base import _refused

        assert _refused(text, allowed) == self.by_character(text, allowed)
        assert _refused(text, allowed) == self.by_character(text, allowed)  # cached now
