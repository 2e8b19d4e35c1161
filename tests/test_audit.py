"""The audit trail of a Decision (library, rulebook identity and digest, input digest) and
masking of person ids and personal evidence."""

from __future__ import annotations

import hashlib
import json
import pickle
import subprocess
import sys

import pytest

from community_governance import (
    Decision,
    Election,
    Proposal,
    RulebookError,
    __version__,
    evaluate,
    get_rulebook,
)
from community_governance.rulebooks._provenance import file_digest, mark_file_rulebook
from community_governance.rules import audit as audit_module
from community_governance.rules.masking import Masker, Person

from ._support import example_data, load_example

JJ = "cn.sichuan.chengdu.jinjiang"


def canonical_sha256(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def proposal() -> Proposal:
    return Proposal.model_validate_json(load_example("jinjiang/proposal-short.json"))


def election(**changes: object) -> Election:
    data = example_data("elections/voters-election.json")
    persons = {p["id"]: p for p in data["community"]["persons"]}  # type: ignore[index]
    for pid, fields in changes.items():
        persons[pid].update(fields)  # type: ignore[union-attr]
    return Election.model_validate_json(json.dumps(data))


class TestAudit:
    """Every Decision the engine makes says what made it."""

    def test_names_library_rulebook_lineage_and_input(self) -> None:
        """Library version, the rulebook and its parents (built-in, digests), input digest."""
        p = proposal()
        audit = evaluate(p, get_rulebook(JJ)).audit
        assert audit is not None
        assert audit.library_version == __version__
        assert (audit.rulebook.id, audit.rulebook.kind) == (JJ, "builtin")
        assert audit.rulebook.sha256 == canonical_sha256(get_rulebook(JJ).to_dict())
        assert [(r.id, r.kind) for r in audit.extends] == [("cn", "builtin")]
        assert audit.extends[0].sha256 == canonical_sha256(get_rulebook("cn").to_dict())
        assert audit.input_sha256 == hashlib.sha256(p.model_dump_json().encode()).hexdigest()
        assert audit.masked is False

    def test_evaluation_computes_no_digest(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The hot path records the subject only; the digest is computed on serialisation."""
        calls: list[object] = []
        real = audit_module.input_digest
        monkeypatch.setattr(audit_module, "input_digest", lambda s: calls.append(s) or real(s))
        d = evaluate(proposal(), get_rulebook(JJ))
        assert calls == []
        d.to_json()
        d.to_json()
        assert len(calls) == 1

    def test_is_in_the_json_and_round_trips(self) -> None:
        """The audit object is part of cg.decision/2 and is read back."""
        d = evaluate(proposal(), get_rulebook(JJ))
        data = json.loads(d.to_json())
        assert data["audit"]["rulebook"]["kind"] == "builtin"
        again = Decision.from_json(d.to_json())
        assert again == d
        assert again.audit == d.audit

    def test_compact_json_is_the_reference_for_masked_and_file_decisions(self) -> None:
        """The fast serialiser writes json.dumps(to_dict(), sort_keys=True) with an audit of
        a file rulebook and its parents, masked or not."""
        book = get_rulebook(JJ).extend("cn.example-city", "2027.1")
        mark_file_rulebook(book, [file_digest(b"x")], "city.toml")
        d = evaluate(election(), get_rulebook("cn"))
        for decision in (evaluate(proposal(), book), d, d.masked(b"s")):
            reference = json.dumps(decision.to_dict(), ensure_ascii=False, sort_keys=True)
            assert decision.to_json() == reference

    def test_pickles_resolved(self) -> None:
        """A Decision pickles with its audit computed (the subject does not travel)."""
        d = evaluate(proposal(), get_rulebook(JJ))
        again = pickle.loads(pickle.dumps(d))
        assert again == d
        assert again.to_json() == d.to_json()

    def test_builtin_digests_are_the_same_in_every_process(self) -> None:
        """Rulebook digests do not depend on the hash seed."""
        code = (
            "from community_governance import builtin_rulebooks; "
            "print(*[b.identity.sha256 for b in builtin_rulebooks()])"
        )
        outs = {
            subprocess.run(
                [sys.executable, "-c", code],
                capture_output=True,
                check=True,
                env={"PYTHONHASHSEED": seed},
                timeout=60,
            ).stdout
            for seed in ("1", "2")
        }
        assert len(outs) == 1


class TestProvenance:
    """A rulebook says where it came from; a file cannot pass for a built-in."""

    def test_a_rulebook_built_in_code_is_python(self) -> None:
        """extend() in a program is neither built-in nor a file."""
        local = get_rulebook("cn").extend("cn.example", "1")
        assert local.identity.kind == "python"

    def test_a_file_rulebook_is_marked_file_with_its_digest(self) -> None:
        """The loader's mark: kind file and the SHA-256 of the file's bytes, in the audit."""
        book = get_rulebook(JJ).extend("cn.example-city", "2027.1")
        digest = file_digest(b"format = 'cg.rulebook/1'\n")
        mark_file_rulebook(book, [digest], "city.toml")
        d = evaluate(proposal(), book)
        assert d.audit is not None
        assert (d.audit.rulebook.kind, d.audit.rulebook.files) == ("file", (digest,))
        assert [r.id for r in d.audit.extends] == [JJ, "cn"]
        assert "file rulebook" in d.explain().splitlines()[1]

    def test_a_file_may_not_take_a_builtin_id(self) -> None:
        """A file rulebook with id 'cn' and other content is refused, naming the key."""
        fake = get_rulebook("cn").extend("cn", "2026.1")
        with pytest.raises(RulebookError) as info:
            mark_file_rulebook(fake, [file_digest(b"x")], "cn.toml")
        assert (info.value.source, info.value.key) == ("cn.toml", "id")


class TestMasking:
    """Person ids and personal evidence become salted digests, stable within a run."""

    def test_ids_in_evidence_and_messages_are_replaced(self) -> None:
        """The relatives' ids vanish from the findings; their tokens appear instead."""
        from community_governance import BodyComposition

        body = BodyComposition.model_validate_json(
            load_example("bodies/residents-committee-relatives.json")
        )
        d = evaluate(body, get_rulebook("cn"))
        masked = d.masked(b"run-salt")
        finding = masked.finding("residents-committee.close-relative-exclusion")
        token = Masker(b"run-salt", [Person("C1")]).token
        assert finding.evidence["close_relative_pairs"] == [[token("C1"), token("C2")]]
        assert f"{token('C1')} and {token('C2')}" in finding.message_en
        assert "C1" not in masked.to_json().replace(d.subject_id, "")
        assert masked.audit is not None
        assert masked.audit.masked

    def test_same_salt_same_token_other_salt_other_token(self) -> None:
        """Stable within one run (one salt), unlinkable across runs."""
        e = election()
        d = evaluate(e, get_rulebook("cn"))
        a, b, c = (json.loads(d.to_json(mask=s)) for s in (b"one", b"one", b"two"))
        assert a == b
        assert a != c

    def test_personal_facts_are_masked(self) -> None:
        """A voter deprived of political rights: neither the id nor the fact is shown."""
        e = election(R02={"political_rights_deprived": True})
        d = evaluate(e, get_rulebook("cn"))
        assert "R02: deprived of political rights" in d.finding("election.eligibility").message_en
        masked = d.masked("salt").finding("election.eligibility")
        assert "deprived" not in masked.message_en
        assert "R02" not in json.dumps(masked.to_dict(), ensure_ascii=False)

    def test_names_read_as_their_persons_token(self) -> None:
        """A unique name is masked as its person's token; a shared name ties no one."""
        m = Masker(b"s", [Person("V1", "张三"), Person("V2", "李四"), Person("V3", "李四")])
        assert m.text("张三") == m.token("V1")
        assert m.text("李四") not in (m.token("V2"), m.token("V3"))

    def test_ids_are_matched_as_whole_tokens(self) -> None:
        """V1 is not masked inside V10 or XV1."""
        m = Masker(b"s", [Person("V1")])
        assert m.text("V10, XV1, V1.") == f"V10, XV1, {m.token('V1')}."

    def test_a_decision_read_from_json_needs_the_people(self) -> None:
        """Without its subject a Decision cannot know whom to mask."""
        d = Decision.from_json(evaluate(proposal(), get_rulebook(JJ)).to_json())
        with pytest.raises(ValueError, match="pass the people"):
            d.masked(b"s")
        assert d.masked(b"s", people=[]).audit is not None


class TestChain:
    """Hash-chained logs, ready for procedure-run events."""

    def entries(self) -> list[dict[str, object]]:
        from community_governance.rules.chain import link

        return link({"step": s, "on": f"2026-03-0{i + 1}"} for i, s in enumerate("abcd"))

    def test_a_whole_chain_passes(self) -> None:
        """Linked entries verify."""
        from community_governance.rules.chain import first_broken_link

        assert first_broken_link(self.entries()) is None

    @pytest.mark.parametrize(
        ("tamper", "first_bad"),
        [
            (lambda e: e[1].update(step="x"), 2),
            (lambda e: e.pop(2), 2),
            (lambda e: e.insert(1, dict(e[1])), 2),
            (lambda e: e.reverse(), 0),
            (lambda e: e.pop(0), 0),
        ],
    )
    def test_a_tampered_log_is_refused_at_the_first_bad_entry(
        self, tamper: object, first_bad: int
    ) -> None:
        """Changed, removed, duplicated, reordered or cut: the first entry after the change."""
        from community_governance.rules.chain import first_broken_link

        entries = self.entries()
        tamper(entries)  # type: ignore[operator]
        found = first_broken_link(entries)
        assert found is not None
        assert found[0] == first_bad
