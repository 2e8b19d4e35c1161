"""The cg.decision/2 JSON format: schema, determinism, round trip, explanation."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from hypothesis import given

from community_governance import Decision, FormatError, Proposal, evaluate, get_rulebook
from community_governance.schemas import decision_schema
from community_governance.strategies import proposals

from ._support import ROOT, load_example

JJ = "cn.sichuan.chengdu.jinjiang"


def decide(name: str) -> Decision:
    return evaluate(Proposal.model_validate_json(load_example(name)), get_rulebook(JJ))


class TestFormat:
    """Every Decision validates against the published schema."""

    def test_examples_validate(self) -> None:
        """The shipped examples' decisions match cg.decision/2."""
        for name in ("proposal-eligible", "proposal-short", "proposal-party"):
            d = decide(f"jinjiang/{name}.json")
            jsonschema.validate(json.loads(d.to_json()), decision_schema())

    @given(proposals())
    def test_generated_decisions_validate(self, p: Proposal) -> None:
        """Decisions for arbitrary valid proposals match the schema."""
        jsonschema.validate(evaluate(p, get_rulebook(JJ)).to_dict(), decision_schema())

    def test_top_level_shape(self) -> None:
        """format, subject, rulebook, at, verdict, findings — as documented."""
        data = json.loads(decide("jinjiang/proposal-short.json").to_json())
        assert data["format"] == "cg.decision/2"
        assert data["subject"] == {"type": "proposal", "id": "JJ-2026-008"}
        assert data["rulebook"] == {"id": JJ, "version": "2011.1"}
        assert (data["at"], data["verdict"]) == ("2026-03-02", "denied")


class TestDeterminism:
    """Same input → byte-identical JSON, in one process and across processes."""

    @given(proposals())
    def test_same_input_same_bytes(self, p: Proposal) -> None:
        """Evaluating twice gives identical text."""
        assert evaluate(p, get_rulebook(JJ)).to_json() == evaluate(p, get_rulebook(JJ)).to_json()

    def test_across_processes(self) -> None:
        """A fresh interpreter (other hash seed) prints the same bytes."""
        code = (
            "import sys; from community_governance import *; "
            "p = Proposal.model_validate_json(open(sys.argv[1], encoding='utf-8').read()); "
            f"sys.stdout.write(evaluate(p, get_rulebook({JJ!r})).to_json())"
        )
        path = str(ROOT / "examples/jinjiang/proposal-short.json")
        outs = {
            subprocess.run(
                [sys.executable, "-c", code, path],
                capture_output=True,
                check=True,
                env={"PYTHONHASHSEED": seed},
            ).stdout
            for seed in ("1", "2")
        }
        assert len(outs) == 1
        assert outs.pop().decode("utf-8") == decide("jinjiang/proposal-short.json").to_json()


class TestRoundTrip:
    """from_json(to_json(d)) == d."""

    @given(proposals())
    def test_round_trip(self, p: Proposal) -> None:
        """Parsing the JSON gives back an equal Decision."""
        d = evaluate(p, get_rulebook(JJ))
        assert Decision.from_json(d.to_json()) == d

    def test_wrong_format_is_refused(self) -> None:
        """A document of another format is not silently read."""
        data = decide("jinjiang/proposal-short.json").to_dict()
        data["format"] = "cg.decision/1"
        with pytest.raises(FormatError, match=r"cg\.decision/2"):
            Decision.from_dict(data)

    def test_malformed_document_names_every_problem(self) -> None:
        """A broken document is a FormatError listing each path, not a KeyError."""
        data = decide("jinjiang/proposal-short.json").to_dict()
        del data["subject"]
        data["findings"][0]["status"] = "maybe"
        with pytest.raises(FormatError) as info:
            Decision.from_dict(data)
        paths = [p for p, _ in info.value.problems]
        assert "subject" in paths
        assert "findings.0.status" in paths


class TestCompactJson:
    """The fast compact serialiser writes exactly json.dumps(to_dict(), sort_keys=True)."""

    @given(proposals())
    def test_fast_path_equals_the_reference(self, p: Proposal) -> None:
        """Byte-identical to the eager, key-sorted rendering of to_dict()."""
        d = evaluate(p, get_rulebook(JJ))
        reference = json.dumps(d.to_dict(), ensure_ascii=False, sort_keys=True)
        assert d.to_json() == reference

    def test_lazy_messages_render_the_same_as_eager(self) -> None:
        """Reading the messages first or serialising first gives the same bytes."""
        a = decide("jinjiang/proposal-short.json")
        b = decide("jinjiang/proposal-short.json")
        _ = [f.message_zh for f in a.findings]
        assert a.to_json() == b.to_json()

    def test_decision_pickles_with_its_texts(self) -> None:
        """A Decision crosses process boundaries with its messages rendered."""
        import pickle

        d = decide("jinjiang/proposal-short.json")
        again = pickle.loads(pickle.dumps(d))
        assert again == d
        assert again.to_json() == d.to_json()


class TestExplanation:
    """The text explanation names every rule, its numbers and its source."""

    def test_explain_lists_rules_numbers_and_sources(self) -> None:
        """A community worker can read why, in Chinese with English alongside."""
        text = decide("jinjiang/proposal-short.json").explain()
        assert "不予 / 不符合 (denied)" in text
        assert "[不符合 failed] proposal.sponsorship" in text
        assert "联名居民代表5名" in text
        assert "5 sponsoring representatives < 10% of 51 representatives" in text
        assert "依据 source: 成都市锦江区基层社会管理体制改革（2011） §二 成效“二是”" in text
