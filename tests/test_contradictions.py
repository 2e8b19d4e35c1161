"""Never a false "allowed": a valid input of any subject type with ONE planted contradiction —
an ineligible person in a role, a base the input states about itself, blank or invisible text,
a structural contradiction — is refused (ValidationError) or judged not allowed."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from community_governance import evaluate, get_rulebook
from community_governance.models import SUBJECT_MODELS
from community_governance.strategies import (
    annual_evaluation_records,
    bodies_near_size_limit,
    disclosures,
    elections,
    meetings,
    recalls,
    recalls_near_initiation,
    sponsorship_proposals,
    work_items,
)

Data = dict[str, Any]
#: Plants one contradiction in a subject's data; may ``assume`` what it needs.
Plant = Callable[[Data, st.DataObject], None]

CN = get_rulebook("cn")
JINJIANG = get_rulebook("cn.sichuan.chengdu.jinjiang")
ZW = "\u200b"  # zero-width space


def _day(value: str, days: int) -> str:
    return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()


def _person(data: Data, pid: str, community: str = "community") -> Data:
    person: Data = next(p for p in data[community]["persons"] if p["id"] == pid)
    return person


def _full_width(text: str) -> str:
    """The NFKC-equivalent full-width form of an ASCII id (Ｒ１ for R1)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# --- proposal (Jinjiang: 10% of representatives or 50 households) --------------------------


def deprived_sponsor(d: Data, data: st.DataObject) -> None:
    """A sponsoring representative deprived of political rights, at the bound."""
    assume(d["sponsor_representative_ids"])
    pid = data.draw(st.sampled_from(d["sponsor_representative_ids"]))
    _person(d, pid)["political_rights_deprived"] = True


def sponsor_born_after(d: Data, data: st.DataObject) -> None:
    """A sponsoring representative born after the proposal."""
    assume(d["sponsor_representative_ids"])
    _person(d, d["sponsor_representative_ids"][0])["birth_date"] = _day(d["submitted_on"], 1)


def sponsor_not_a_representative(d: Data, data: st.DataObject) -> None:
    """A sponsor who is not a representative on the day counts himself into the base."""
    d["community"]["persons"].append({"id": "X1"})
    d["sponsor_representative_ids"].append("X1")


def blank_title(d: Data, data: st.DataObject) -> None:
    """The matter proposed (议题) is a full-width space and a zero-width space."""
    d["title"] = "\u3000" + ZW


def invisible_id(d: Data, data: st.DataObject) -> None:
    """The subject's id hides a zero-width space."""
    d["id"] += ZW


def full_width_household(d: Data, data: st.DataObject) -> None:
    """A sponsoring household listed again in full-width letters (NFKC: the same id)."""
    assume(d["sponsor_household_ids"])
    d["sponsor_household_ids"].append(_full_width(d["sponsor_household_ids"][0]))


# --- body (a residents' or village committee at its least size) -----------------------------


def member_aged_eleven(d: Data, data: st.DataObject) -> None:
    """A committee member who was 11 when the term began."""
    m = data.draw(st.sampled_from(d["community"]["memberships"]))
    start = dt.date.fromisoformat(m["term_start"])
    _person(d, m["person_id"])["birth_date"] = start.replace(year=start.year - 11).isoformat()


def member_deprived(d: Data, data: st.DataObject) -> None:
    """A committee member deprived of political rights."""
    m = data.draw(st.sampled_from(d["community"]["memberships"]))
    _person(d, m["person_id"])["political_rights_deprived"] = True


def member_born_2030(d: Data, data: st.DataObject) -> None:
    """A committee member born in 2030."""
    m = data.draw(st.sampled_from(d["community"]["memberships"]))
    _person(d, m["person_id"])["birth_date"] = "2030-01-01"


def two_roles(d: Data, data: st.DataObject) -> None:
    """The chair is also a member of the same committee at the same time."""
    m = dict(d["community"]["memberships"][0])
    d["community"]["memberships"].append({**m, "role": "vice_chair"})


def second_committee(d: Data, data: st.DataObject) -> None:
    """A second residents' or village committee in the same community and term."""
    kind = next(b["kind"] for b in d["community"]["bodies"] if b["id"] == d["body_id"])
    d["community"]["bodies"].append({"id": "B2", "kind": kind})


def other_law_assembly(d: Data, data: st.DataObject) -> None:
    """A residents' assembly in a rural village, a villagers' assembly in an urban community."""
    rural = d["community"]["kind"] == "rural"
    kind = "residents_assembly" if rural else "villagers_assembly"
    d["community"]["bodies"].append({"id": "AS", "kind": kind})


def invisible_member_id(d: Data, data: st.DataObject) -> None:
    """A member's id hides a zero-width joiner (here and in the membership)."""
    m = d["community"]["memberships"][0]
    _person(d, m["person_id"])["id"] += "\u200d"
    m["person_id"] += "\u200d"


# --- election ------------------------------------------------------------------------------


def candidate_aged_eleven(d: Data, data: st.DataObject) -> None:
    """A candidate aged 11 on the election day."""
    c = data.draw(st.sampled_from(d["candidates"]))
    _person(d, c["person_id"])["birth_date"] = _day(d["election_day"], -11 * 365 - 3)


def candidate_deprived(d: Data, data: st.DataObject) -> None:
    """A candidate deprived of political rights."""
    c = data.draw(st.sampled_from(d["candidates"]))
    _person(d, c["person_id"])["political_rights_deprived"] = True


def voter_born_after(d: Data, data: st.DataObject) -> None:
    """A listed voter born after the election day."""
    pid = data.draw(st.sampled_from(d["electorate_ids"]))
    _person(d, pid)["birth_date"] = _day(d["election_day"], 1)


def self_proxy(d: Data, data: st.DataObject) -> None:
    """A voter who gives their vote to themselves."""
    pid = data.draw(st.sampled_from(d["electorate_ids"]))
    d["proxies"] = [{"principal_id": pid, "proxy_id": pid, "written": True}]


def proxy_chain(d: Data, data: st.DataObject) -> None:
    """A proxy holder who gave their own vote away (a chain a -> b -> c)."""
    assume(len(d["electorate_ids"]) >= 3)
    a, b, c = data.draw(st.permutations(d["electorate_ids"]))[:3]
    d["proxies"] = [
        {"principal_id": a, "proxy_id": b, "written": True},
        {"principal_id": b, "proxy_id": c, "written": True},
    ]


def duplicate_nominator(d: Data, data: st.DataObject) -> None:
    """One voter listed ten times as the candidate's joint nominators."""
    pid = data.draw(st.sampled_from(d["electorate_ids"]))
    d["candidates"][0].update(nominated_by="voters", nominator_ids=[pid] * 10)


def under_age_nominator(d: Data, data: st.DataObject) -> None:
    """Exactly enough nominators (10 urban, 1 village), one of them aged 16."""
    need = 1 if d["community"]["kind"] == "rural" else 10
    assume(len(d["electorate_ids"]) >= need)
    chosen = d["electorate_ids"][:need]
    d["candidates"][0].update(nominated_by="voters", nominator_ids=chosen)
    _person(d, chosen[-1])["birth_date"] = _day(d["election_day"], -16 * 365)


def shrunk_representatives(d: Data, data: st.DataObject) -> None:
    """Elected by representatives, but one serving representative is left off the list."""
    assume(d["method"] == "representatives" and len(d["electorate_ids"]) >= 2)
    gone = d["electorate_ids"].pop()
    if d["voted_ids"] is not None and gone in d["voted_ids"]:
        d["voted_ids"].remove(gone)
        for c in d["candidates"]:
            c["votes"] = min(c["votes"], len(d["voted_ids"]))
        while sum(c["votes"] for c in d["candidates"]) > len(d["voted_ids"]) * d["seats"]:
            for c in d["candidates"]:
                c["votes"] //= 2


def full_width_voter(d: Data, data: st.DataObject) -> None:
    """A voter listed again in full-width letters (NFKC: the same voter twice)."""
    d["electorate_ids"].append(_full_width(d["electorate_ids"][0]))


def invisible_voter(d: Data, data: st.DataObject) -> None:
    """A listed voter's id hides a zero-width space."""
    d["electorate_ids"][0] += ZW


# --- recall --------------------------------------------------------------------------------


def shrunk_voters(d: Data, data: st.DataObject) -> None:
    """The request lists only some of the voters the community records."""
    keep = set(d["sponsor_ids"]) | {d["person_id"]}
    dropped = [p for p in d["electorate_ids"] if p not in keep]
    assume(dropped)
    d["electorate_ids"] = [p for p in d["electorate_ids"] if p in keep]


def deprived_recall_sponsor(d: Data, data: st.DataObject) -> None:
    """Exactly enough sponsors, one deprived of political rights («有选举权的居民»)."""
    assume(d["sponsor_ids"])
    pid = data.draw(st.sampled_from(d["sponsor_ids"]))
    _person(d, pid)["political_rights_deprived"] = True


def minor_recall_sponsor(d: Data, data: st.DataObject) -> None:
    """Exactly enough sponsors, one aged 12."""
    assume(d["sponsor_ids"])
    pid = data.draw(st.sampled_from(d["sponsor_ids"]))
    _person(d, pid)["birth_date"] = _day(d["requested_on"], -12 * 365)


def no_sponsors(d: Data, data: st.DataObject) -> None:
    """Nobody sponsors the request (0 never satisfies a share)."""
    d["sponsor_ids"] = []


def no_representatives(d: Data, data: st.DataObject) -> None:
    """Sponsored by representatives, but none is recorded on the day (0 of 0)."""
    assume(d["sponsors"] == "representatives")
    members = d["community"]["memberships"]
    d["community"]["memberships"] = [m for m in members if m["role"] != "representative"]
    d["sponsor_ids"] = []


def blank_reason(d: Data, data: st.DataObject) -> None:
    """The reasons (罢免理由) are a full-width space."""
    d["reason"] = "\u3000"


def recall_sponsor_born_after(d: Data, data: st.DataObject) -> None:
    """A sponsor born after the request."""
    assume(d["sponsor_ids"])
    _person(d, d["sponsor_ids"][0])["birth_date"] = _day(d["requested_on"], 1)


# --- annual evaluation ---------------------------------------------------------------------


def duplicate_rating(d: Data, data: st.DataObject) -> None:
    """A member rated twice, the same way, in one evaluation."""
    ev = data.draw(st.sampled_from(d["evaluations"]))
    ev["ratings"].append(dict(ev["ratings"][0]))


def contradictory_rating(d: Data, data: st.DataObject) -> None:
    """A member rated "fit" and "unfit" in one evaluation."""
    ev = data.draw(st.sampled_from(d["evaluations"]))
    first = ev["ratings"][0]
    other = "unfit" if first["rating"] != "unfit" else "fit"
    ev["ratings"].append({**first, "rating": other})


def empty_evaluation(d: Data, data: st.DataObject) -> None:
    """An evaluation that rates nobody."""
    data.draw(st.sampled_from(d["evaluations"]))["ratings"] = []


def member_left_out(d: Data, data: st.DataObject) -> None:
    """An evaluation leaves out a member serving that day."""
    ev = data.draw(st.sampled_from(d["evaluations"]))
    ev["ratings"].pop(data.draw(st.integers(0, len(ev["ratings"]) - 1)))


def invisible_rated_id(d: Data, data: st.DataObject) -> None:
    """A rated member's id hides a zero-width space."""
    d["evaluations"][0]["ratings"][0]["person_id"] += ZW


# --- meeting, disclosure, work item --------------------------------------------------------


def request_own_base(d: Data, data: st.DataObject) -> None:
    """A request to convene counted against a base it states itself (of: 10 while many
    more are entitled)."""
    assume(d["entitled"] > 20)
    d["requested_by"] = {"count": 10, "base": d["constituted_by"], "of": 10}


def request_zero_of_zero(d: Data, data: st.DataObject) -> None:
    """A request by 0 of 0 (0 of 0 is never ≥ 1/10)."""
    d["requested_by"] = {"count": 0, "base": d["constituted_by"], "of": 0}


def residents_assembly_in_a_village(d: Data, data: st.DataObject) -> None:
    """A residents' assembly (居民会议) held in a rural community."""
    d["community_kind"] = "rural"


def invisible_posting_id(d: Data, data: st.DataObject) -> None:
    """A posting id hides a zero-width no-break space (BOM)."""
    assume(d["postings"])
    d["postings"][0]["id"] = "\ufeff" + d["postings"][0]["id"]


def full_width_posting(d: Data, data: st.DataObject) -> None:
    """A posting listed again under its full-width id."""
    assume(d["postings"])
    d["postings"].append({**d["postings"][0], "id": _full_width(d["postings"][0]["id"])})


def blank_payer(d: Data, data: st.DataObject) -> None:
    """Funding paid by a full-width space."""
    d["funding"]["payer"] = "\u3000"


def invisible_requester(d: Data, data: st.DataObject) -> None:
    """A requesting body whose name is a zero-width space."""
    d["requested_by"]["name"] = ZW


def blank_legal_basis(d: Data, data: st.DataObject) -> None:
    """A legal basis (法律法规依据) of spaces."""
    d["legal_basis"] = {"statute": "  ", "article": "\u3000"}


def responsible_through_assistance(d: Data, data: st.DataObject) -> None:
    """The committee made the responsible party (责任主体) of an item listed for assisting."""
    d["committee_role"] = "responsible_party"


def responsible_for_demolition(d: Data, data: st.DataObject) -> None:
    """The committee made the responsible party for enforcement, demolition, remediation, city
    management or investment through an entry for assisting (E1: 不得转嫁给社区)."""
    d["committee_role"] = "responsible_party"
    d["domain"] = data.draw(
        st.sampled_from(
            (
                "administrative_law_enforcement",
                "demolition",
                "environmental_remediation",
                "city_management",
                "investment_attraction",
            )
        )
    )


_AT_BOUND = sponsorship_proposals(representatives_distance=0)
_RC = bodies_near_size_limit(distance=st.integers(0, 2))
_VC = bodies_near_size_limit(kind="village_committee", community_kind="rural")
_BOUND_RECALLS = st.sampled_from(["urban", "rural"]).flatmap(
    lambda kind: st.sampled_from(["voters", "representatives"]).flatmap(
        lambda sponsors: recalls_near_initiation(
            kind=kind,
            sponsors=sponsors,
            size=st.integers(1, 60),  # type: ignore[arg-type]
        )
    )
)
_WORK = work_items(at=st.dates(dt.date(2026, 1, 1), dt.date(2030, 12, 31)))

CASES: list[Any] = [
    # proposal: the Jinjiang rulebook judges proposals
    ("proposal", _AT_BOUND, deprived_sponsor),
    ("proposal", _AT_BOUND, sponsor_born_after),
    ("proposal", _AT_BOUND, sponsor_not_a_representative),
    ("proposal", _AT_BOUND, blank_title),
    ("proposal", _AT_BOUND, invisible_id),
    ("proposal", _AT_BOUND, full_width_household),
    # body
    ("body", _RC, member_aged_eleven),
    ("body", _VC, member_aged_eleven),
    ("body", _RC, member_deprived),
    ("body", _VC, member_deprived),
    ("body", _RC, member_born_2030),
    ("body", _RC, two_roles),
    ("body", _RC, second_committee),
    ("body", _VC, second_committee),
    ("body", _RC, other_law_assembly),
    ("body", _VC, other_law_assembly),
    ("body", _RC, invisible_member_id),
    # election
    ("election", elections(), candidate_aged_eleven),
    ("election", elections(), candidate_deprived),
    ("election", elections(), voter_born_after),
    ("election", elections(), self_proxy),
    ("election", elections(), proxy_chain),
    ("election", elections(), duplicate_nominator),
    ("election", elections(), under_age_nominator),
    ("election", elections(kind=st.just("urban")), shrunk_representatives),
    ("election", elections(), full_width_voter),
    ("election", elections(), invisible_voter),
    # recall
    ("recall", recalls(), shrunk_voters),
    ("recall", _BOUND_RECALLS, deprived_recall_sponsor),
    ("recall", _BOUND_RECALLS, minor_recall_sponsor),
    ("recall", recalls(), no_sponsors),
    ("recall", recalls(), no_representatives),
    ("recall", recalls(), blank_reason),
    ("recall", recalls(), recall_sponsor_born_after),
    ("recall", recalls(), invisible_id),
    # annual evaluation
    ("annual_evaluation", annual_evaluation_records(), duplicate_rating),
    ("annual_evaluation", annual_evaluation_records(), contradictory_rating),
    ("annual_evaluation", annual_evaluation_records(), empty_evaluation),
    ("annual_evaluation", annual_evaluation_records(), member_left_out),
    ("annual_evaluation", annual_evaluation_records(kind="rural"), member_left_out),
    ("annual_evaluation", annual_evaluation_records(), invisible_rated_id),
    # meeting
    ("meeting", meetings(), request_own_base),
    ("meeting", meetings(), request_zero_of_zero),
    ("meeting", meetings(), residents_assembly_in_a_village),
    ("meeting", meetings(), invisible_id),
    # disclosure
    ("disclosure", disclosures(), invisible_posting_id),
    ("disclosure", disclosures(), full_width_posting),
    ("disclosure", disclosures(), invisible_id),
    # work item
    ("work_item", _WORK, blank_payer),
    ("work_item", _WORK, invisible_requester),
    ("work_item", _WORK, blank_legal_basis),
    ("work_item", _WORK, invisible_id),
    ("work_item", _WORK, responsible_through_assistance),
    ("work_item", _WORK, responsible_for_demolition),
]


def _named(case: Any) -> Any:
    """A case as a pytest param with the id ``subject-plant``."""
    values, marks = (case.values, case.marks) if hasattr(case, "values") else (case, ())
    return pytest.param(*values, marks=marks, id=f"{values[0]}-{values[2].__name__}")


@pytest.mark.parametrize(("subject", "valid", "plant"), [_named(c) for c in CASES])
def test_one_planted_contradiction_is_never_allowed(
    subject: str, valid: st.SearchStrategy[Any], plant: Plant
) -> None:
    """A valid input with the contradiction ``plant`` names is refused or not allowed."""
    model = SUBJECT_MODELS[subject]
    book = JINJIANG if subject == "proposal" else CN

    @settings(max_examples=40)
    @given(valid, st.data())
    def run(subject_value: Any, data: st.DataObject) -> None:
        d: Data = json.loads(subject_value.model_dump_json())
        plant(d, data)
        try:
            planted = model.model_validate_json(json.dumps(d, ensure_ascii=False))
        except ValidationError:
            return
        decision = evaluate(planted, book)
        assert decision.verdict != "allowed", decision.explain()

    run()


@pytest.mark.parametrize(
    ("subject", "valid"),
    [
        ("proposal", _AT_BOUND),
        ("body", _RC),
        ("body", _VC),
        ("election", elections()),
        ("recall", _BOUND_RECALLS),
        ("annual_evaluation", annual_evaluation_records()),
        ("meeting", meetings()),
        ("disclosure", disclosures()),
        ("work_item", _WORK),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_the_valid_inputs_can_be_allowed(subject: str, valid: st.SearchStrategy[Any]) -> None:
    """The property above is not empty: unplanted, the same strategies yield allowed inputs."""
    book = JINJIANG if subject == "proposal" else CN
    seen: list[str] = []

    @settings(max_examples=60)
    @given(valid)
    def run(value: Any) -> None:
        seen.append(evaluate(value, book).verdict)

    run()
    assert "allowed" in seen, seen
