"""Regenerate the election and recall examples in this folder (deterministic; run from the
repo root). They use the fictional communities of ``examples/bodies/generate.py``."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).parent
_spec = importlib.util.spec_from_file_location("bodies", HERE.parent / "bodies" / "generate.py")
assert _spec is not None
assert _spec.loader is not None
bodies = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bodies)

REPS = [f"R{i:02d}" for i in range(1, 31)]


#: The conduct of a lawful vote (无记名投票、公开计票、当场公布、秘密写票处).
BALLOT = {
    "secret": True,
    "counted_publicly": True,
    "announced_on_the_spot": True,
    "private_booth": True,
}


def _candidates(votes: list[int] | None, ids: list[str], **nomination: object) -> list[dict]:
    out = []
    for i, pid in enumerate(ids):
        c: dict = {"person_id": pid, **(nomination or {"nominated_by": "party_organization"})}
        c["disqualifications"] = []  # the vetting (资格审查) found no bar to standing
        if votes is not None:
            c["votes"] = votes[i]
        out.append(c)
    return out


def representatives_election(voted: int = 21) -> dict:
    """5 seats elected by the 30 representatives; ``voted`` of them take part."""
    return {
        "id": "E-2026-RC",
        "community": bodies.urban(),
        "body_id": "RC",
        "method": "representatives",
        "election_day": "2026-05-20",
        "seats": 5,
        "voter_list_published_on": "2026-04-20",
        "electors_list_published_on": "2026-04-20",
        "electorate_ids": REPS,
        "candidates": _candidates([21, 18, 15, 12, 11, 8], ["C1", "C2", "C3", "C4", "C5", "S2"]),
        "candidates_met_voters_on": "2026-05-10",
        "voted_ids": REPS[:voted],
        "ballot": BALLOT,
        "outgoing_audit": {"published_on": "2026-05-08"},
    }


def audit_requests() -> dict:
    """The representatives' election, in a community of 120 recorded residents (the example's 48
    and 72 more, X01–X72): a tenth is 12 residents, a third of the 30 representatives is 10.
    The outgoing audit was published; case files add the requests made of it."""
    data = representatives_election()
    data["id"] = "E-2026-RC-AUDIT"
    for i in range(1, 73):
        data["community"]["persons"].append(bodies._person(f"X{i:02d}", "male"))
    return data


def voters_election() -> dict:
    """A chair elected by all 40 voters, two of whom vote by written proxy."""
    community = bodies.urban()
    voters = [*REPS, "C1", "C2", "C3", "C4", "C5", "S1", "S2", "S3", "M1", "M2"]
    community["persons"].append(
        {
            "id": "K1",
            "gender": "female",
            "birth_date": "1990-01-01",
            "registration": "non_registered",
            "community_worker_since": "2025-01-01",
        }
    )
    voters.append("K1")
    return {
        "id": "E-2026-CHAIR",
        "community": community,
        "body_id": "RC",
        "method": "voters",
        "election_day": "2026-05-20",
        "seats": 1,
        "voter_list_published_on": "2026-04-25",
        "electorate_ids": voters,
        "admitted_ids": ["K1"],
        "candidates": _candidates(
            [22, 14], ["C1", "C2"], nominated_by="voters", nominator_ids=REPS[:10]
        ),
        "candidates_met_voters_on": "2026-05-10",
        "voted_ids": voters[:36],
        "ballot": BALLOT,
        "proxies": [
            {"principal_id": "R01", "proxy_id": "R03", "written": True},
            {"principal_id": "R02", "proxy_id": "R03", "written": True},
        ],
        "proxy_list_published": True,
        "objections": [
            {"filed_on": "2026-04-27", "decided_on": "2026-04-29", "result_published": True}
        ],
        "outgoing_audit": {"published_on": "2026-05-08"},
    }


def village_election(day: str = "2024-05-20") -> dict:
    """The village committee (3 seats) elected directly; one proxy by a close relative."""
    community = bodies.village()
    community["persons"][1]["relatives"] = [{"person_id": "R01", "relation": "child"}]
    voters = [p["id"] for p in community["persons"]]
    year = int(day[:4])
    return {
        "id": f"E-{year}-VC",
        "community": community,
        "body_id": "VC",
        "method": "voters",
        "election_day": day,
        "seats": 3,
        "voter_list_published_on": f"{year}-04-20",
        "electorate_ids": voters,
        "candidates": _candidates(
            [15, 14, 12, 3], ["V1", "V2", "V3", "W3"], nominated_by="voters", nominator_ids=["R05"]
        ),
        "candidates_met_voters_on": f"{year}-05-10",
        "voted_ids": voters[:17],
        "ballot": BALLOT,
        "proxies": [{"principal_id": "R01", "proxy_id": "V2", "written": True}],
        "proxy_list_published": True,
        "outgoing_audit": {"published_on": f"{year}-05-08"},
    }


def recall(voted: int | None = 20) -> dict:
    """Three representatives (of 30: 1/10) ask to recall C4; ``voted`` vote, 15 in favour."""
    data: dict = {
        "id": "RC-2026-1",
        "community": bodies.urban(),
        "body_id": "RC",
        "person_id": "C4",
        "method": "representatives",
        "requested_on": "2026-04-01",
        "electorate_ids": REPS,
        "sponsors": "representatives",
        "sponsor_ids": REPS[:10],
        "reason": "长期不履行职责",
    }
    if voted is not None:
        data["voted_ids"] = REPS[:voted]
        data["votes_for"] = 15
        data["defence_heard"] = True
    return data


def village_recall() -> dict:
    """A fifth of the village's 20 voters ask to recall V3; 12 vote, 7 in favour."""
    community = bodies.village()
    voters = [p["id"] for p in community["persons"]]
    return {
        "id": "VR-2024-1",
        "community": community,
        "body_id": "VC",
        "person_id": "V3",
        "method": "voters",
        "requested_on": "2024-09-01",
        "electorate_ids": voters,
        "sponsors": "voters",
        "sponsor_ids": voters[8:12],
        "reason": "违规处分集体财产",
        "voted_ids": voters[:12],
        "votes_for": 7,
        "defence_heard": True,
    }


def evaluation(c4_until: str | None = "2027-12-10") -> dict:
    """The committee elected for 2026-06-01 – 2031-06-01, evaluated each December; C4 is
    rated unfit twice in a row and leaves the post on the day of the second evaluation."""
    community = bodies.urban()
    for b in community["bodies"]:
        if b["id"] in ("RC", "SC"):
            b.update(term_start="2026-06-01", term_end="2031-06-01")
    for m in community["memberships"]:
        if m["body_id"] in ("RC", "SC"):
            m.update(term_start="2026-06-01", term_end="2031-06-01")
            if m["person_id"] == "C4":
                m["term_end"] = c4_until
                if c4_until is None:
                    del m["term_end"]
    members = ["C1", "C2", "C3", "C4", "C5"]

    def held(day: str, unfit: list[str]) -> dict:
        return {
            "held_on": day,
            "results_published_on": day,
            "chaired_by": "SC",
            "ratings": [
                {"person_id": p, "rating": "unfit" if p in unfit else "fit"} for p in members
            ],
        }

    return {
        "id": "EV-RC-2028",
        "community": community,
        "body_id": "RC",
        "as_of": "2028-02-01",
        "evaluations": [held("2026-12-10", ["C4"]), held("2027-12-10", ["C4"])],
    }


def write(name: str, data: dict) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    (HERE / name).write_text(text, encoding="utf-8")


def main() -> None:
    write("representatives-election.json", representatives_election())
    write("voters-election.json", voters_election())
    write("audit-requests.json", audit_requests())
    write("village-election.json", village_election())
    write("recall.json", recall())
    write("village-recall.json", village_recall())
    write("evaluation.json", evaluation())
    write("evaluation-still-serving.json", evaluation(None))


if __name__ == "__main__":
    main()
