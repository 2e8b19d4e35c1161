"""Regenerate the body examples in this folder (deterministic; run from the repo root).

Two fictional communities: an urban one (residents' committee, party organisation,
supervision, mediation, owners' and election committees, a representatives' assembly of 30
representatives, each chosen by a residential compound or a building) and a rural village
(village committee, party branch, supervision body, villagers' representatives' assembly, a
villager group with its grid, a service station).
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
START, END = "2021-06-01", "2026-06-01"


def _m(
    pid: str, body: str, role: str, start: str = START, end: str | None = END, **extra: str
) -> dict:
    m = {"person_id": pid, "body_id": body, "role": role, "term_start": start}
    if end:
        m["term_end"] = end
    return {**m, **extra}


COMPOUNDS = ("幸福小区", "和平小区", "光明小区", "团结小区")


def _constituency(i: int) -> dict:
    """Representatives 1–20 chosen by four compounds (居民小区), 21–30 by five buildings (楼宇)."""
    if i <= 20:
        return {"kind": "compound", "name": COMPOUNDS[(i - 1) // 5]}
    return {"kind": "building", "name": f"{(i - 21) // 2 + 1}号楼"}


def _person(pid: str, gender: str, **extra: object) -> dict:
    """A registered adult resident."""
    return {
        "id": pid,
        "gender": gender,
        "birth_date": "1980-05-01",
        "registration": "registered",
        "habitual_resident": True,
        **extra,
    }


def urban(committee: list[tuple[str, str, str]] | None = None) -> dict:
    """The urban community; ``committee`` replaces the residents' committee (id, role, gender)."""
    committee = committee or [
        ("C1", "chair", "female"),
        ("C2", "vice_chair", "male"),
        ("C3", "member", "female"),
        ("C4", "member", "male"),
        ("C5", "member", "male"),
    ]
    persons = [_person(pid, g) for pid, _, g in committee]
    # elected by the representatives (居民代表选举, Art. 14(1)); the supervision committee is
    # chosen by the representatives' assembly (Art. 36(1))
    memberships = [_m(pid, "RC", role, elected_by="representatives") for pid, role, _ in committee]
    for pid, g in (("S1", "female"), ("S2", "male"), ("S3", "male")):
        persons.append(_person(pid, g))
    memberships += [
        _m("S1", "SC", "chair", chosen_by="RA"),
        _m("S2", "SC", "member", chosen_by="RA"),
        _m("S3", "SC", "member", chosen_by="RA"),
    ]
    for i in range(1, 31):
        persons.append(_person(f"R{i:02d}", "female" if i % 2 else "male"))
        memberships.append(
            {**_m(f"R{i:02d}", "RA", "representative"), "constituency": _constituency(i)}
        )
    memberships += [_m("C1", "PO", "chair"), _m("R01", "PO", "member")]
    for pid, g in (("M1", "female"), ("M2", "male"), ("M3", "male")):
        persons.append(_person(pid, g))
    memberships += [
        _m("M1", "MC", "chair", "2024-01-01", "2027-01-01"),
        _m("M2", "MC", "member", "2024-01-01", "2027-01-01"),
        _m("M3", "MC", "member", "2024-01-01", "2027-01-01"),
    ]
    for i in range(1, 8):
        persons.append(_person(f"O{i}", "male"))
        memberships.append(
            _m(f"O{i}", "OC", "chair" if i == 1 else "member", "2023-01-01", "2028-01-01")
        )
    return {
        "id": "CN-URBAN-EX02",
        "name": "示例城市社区（虚构）",
        "kind": "urban",
        "households": [{"id": f"H{i:03d}"} for i in range(1, 701)],
        "persons": persons,
        "bodies": [
            {"id": "RC", "kind": "residents_committee", "term_start": START, "term_end": END},
            {"id": "PO", "kind": "party_organization"},
            {"id": "SC", "kind": "supervision_committee", "term_start": START, "term_end": END},
            {"id": "RA", "kind": "representatives_assembly", "term_start": START, "term_end": END},
            {"id": "MC", "kind": "mediation_committee"},
            {"id": "OC", "kind": "owners_committee"},
        ],
        "memberships": memberships,
    }


def village() -> dict:
    """The rural village with its committee, representatives, supervision body, grid, station."""
    persons = [
        _person("V1", "male", group_id="G1"),
        _person("V2", "female", group_id="G1"),
        _person("V3", "male", group_id="G2"),
        _person("P1", "male", group_id="G1"),
        _person("W1", "male", finance_or_management_expertise=True),
        _person("W2", "female", finance_or_management_expertise=False),
        _person("W3", "male", finance_or_management_expertise=False),
        _person("L1", "male", group_id="G1"),
    ]
    # elected directly by the villagers (Art. 11(1) / 14(1)); the supervision body is chosen by
    # the representatives' assembly (Art. 32 / 37), the group leader by the group (Art. 28(2))
    memberships = [
        _m("V1", "VC", "chair", elected_by="voters"),
        _m("V2", "VC", "member", elected_by="voters"),
        _m("V3", "VC", "member", elected_by="voters"),
    ]
    memberships += [_m("P1", "PB", "chair"), _m("V1", "PB", "member")]
    memberships += [
        _m("W1", "VS", "chair", chosen_by="VA"),
        _m("W2", "VS", "member", chosen_by="VA"),
        _m("W3", "VS", "member", chosen_by="VA"),
    ]
    for i in range(1, 13):
        persons.append(_person(f"R{i:02d}", "female" if i <= 6 else "male"))
        memberships.append(_m(f"R{i:02d}", "VA", "representative"))
    memberships += [_m("L1", "G1", "group_leader", chosen_by="G1"), _m("L1", "GR1", "grid_worker")]
    memberships += [
        _m("V2", "GR1", "grid_worker"),
        _m("P1", "ST", "chair"),
        _m("V3", "ST", "member"),
    ]
    return {
        "id": "CN-VILLAGE-EX01",
        "name": "示例村（虚构）",
        "kind": "rural",
        "households": [{"id": f"H{i:03d}"} for i in range(1, 121)],
        "persons": persons,
        "bodies": [
            {"id": "VC", "kind": "village_committee", "term_start": START, "term_end": END},
            {"id": "PB", "kind": "party_organization"},
            {"id": "VS", "kind": "supervision_committee", "term_start": START, "term_end": END},
            {"id": "VA", "kind": "representatives_assembly", "term_start": START, "term_end": END},
            {"id": "G1", "kind": "villager_group"},
            {"id": "G2", "kind": "villager_group"},
            {"id": "GR1", "kind": "grid", "group_id": "G1"},
            {"id": "ST", "kind": "service_station"},
        ],
        "memberships": memberships,
    }


def composition(community: dict, body_id: str, as_of: str = "2026-03-02") -> dict:
    return {"community": community, "body_id": body_id, "as_of": as_of}


def write(name: str, data: dict) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    (HERE / name).write_text(text, encoding="utf-8")


def main() -> None:
    write("urban.json", composition(urban(), "RC"))
    four = [
        ("C1", "chair", "female"),
        ("C2", "member", "male"),
        ("C3", "member", "male"),
        ("C4", "member", "male"),
    ]
    write("residents-committee-4.json", composition(urban(four), "RC"))
    ten = [("C1", "chair", "female")] + [(f"C{i}", "member", "male") for i in range(2, 11)]
    write("residents-committee-10.json", composition(urban(ten), "RC"))
    men = [("C1", "chair", "male")] + [(f"C{i}", "member", "male") for i in range(2, 6)]
    write("residents-committee-no-woman.json", composition(urban(men), "RC"))
    related = urban()
    related["persons"][1]["relatives"] = [{"person_id": "C1", "relation": "spouse"}]
    write("residents-committee-relatives.json", composition(related, "RC"))
    write("village.json", composition(village(), "VC"))
    sc_relative = urban()
    sc_relative["persons"][5]["relatives"] = [{"person_id": "C2", "relation": "parent"}]
    write("supervision-committee-relative.json", composition(sc_relative, "SC"))
    for name, end in (("by-election", END), ("by-election-long", "2029-03-01")):
        by = urban()
        for m in by["memberships"]:
            if m["person_id"] == "C5" and m["body_id"] == "RC":
                m["term_end"] = "2024-03-01"
        by["persons"].append(_person("C6", "male"))
        by["memberships"].append(_m("C6", "RC", "member", "2024-03-01", end))
        write(f"residents-committee-{name}.json", composition(by, "RC"))
    vc_related = village()
    vc_related["persons"][2]["relatives"] = [{"person_id": "V1", "relation": "sibling"}]
    write("village-committee-relatives.json", composition(vc_related, "VC"))


if __name__ == "__main__":
    main()
