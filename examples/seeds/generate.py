"""Regenerate the example inputs of the seeds' mechanisms (deterministic; run from the repo root:
``python examples/seeds/generate.py``).

Every community, person and body is fictional. The inputs are the case files' starting points
(``tests/cases/jinjiang/*.yaml``, ``tests/cases/seeds/*.yaml``): a case changes one fact with a
patch, so each file is valid as it stands and the facts a case varies are scalar.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent

Data = dict[str, Any]


def person(pid: str, **facts: Any) -> Data:
    return {"id": pid, "birth_date": "1975-05-01", "registration": "registered", **facts}


def member(pid: str, body: str, role: str, start: str, end: str | None = None) -> Data:
    out: Data = {"person_id": pid, "body_id": body, "role": role, "term_start": start}
    if end is not None:
        out["term_end"] = end
    return out


# --- Ningxia: a village with three villager groups, grids and a service station -----------

V_START = "2017-03-01"


def village(gaps: bool = False) -> Data:
    """A village; with ``gaps`` its third group has no grid and its first has two."""
    persons = [
        person("P1", name="村党支部书记", gender="male", group_id="G1"),
        person("P2", name="村委会主任", gender="female", group_id="G2"),
        person("P3", name="村委会委员", gender="female", group_id="G1"),
        person("P4", name="一组组长", gender="male", group_id="G1"),
        person("P5", name="二组组长", gender="male", group_id="G2"),
        person("P6", name="选调高校毕业生", gender="female"),
        person("P7", name="外聘人员", gender="male", group_id="G3"),
        person("P8", name="三组组长", gender="female", group_id="G3"),
    ]
    bodies = [
        {"id": "VC", "kind": "village_committee", "name": "示例村村民委员会"},
        {"id": "PO", "kind": "party_organization", "name": "示例村党支部"},
        {"id": "G1", "kind": "villager_group", "name": "一组"},
        {"id": "G2", "kind": "villager_group", "name": "二组"},
        {"id": "G3", "kind": "villager_group", "name": "三组"},
        {"id": "GR1", "kind": "grid", "name": "第一网格", "group_id": "G1"},
        {"id": "GR2", "kind": "grid", "name": "第二网格", "group_id": "G2"},
        {"id": "ST", "kind": "service_station", "name": "示例村农村社区服务站"},
    ]
    memberships = [
        member("P1", "PO", "chair", V_START),
        member("P2", "VC", "chair", V_START),
        member("P3", "VC", "member", V_START),
        member("P4", "G1", "group_leader", V_START),
        member("P5", "G2", "group_leader", V_START),
        member("P8", "G3", "group_leader", V_START),
        member("P4", "GR1", "grid_worker", V_START),
        member("P5", "GR2", "grid_worker", V_START),
        member("P1", "ST", "chair", V_START),
        member("P3", "ST", "member", V_START),
        member("P6", "ST", "member", V_START),
        member("P7", "ST", "member", V_START),
    ]
    if gaps:
        bodies.append({"id": "GR1B", "kind": "grid", "name": "第一网格（重复）", "group_id": "G1"})
        memberships.append(member("P3", "GR1B", "grid_worker", V_START))
    else:
        bodies.append({"id": "GR3", "kind": "grid", "name": "第三网格", "group_id": "G3"})
        memberships.append(member("P8", "GR3", "grid_worker", V_START))
    return {
        "id": "NX-V-EX01" + ("-GAPS" if gaps else ""),
        "name": "宁夏示例村（虚构）",
        "kind": "rural",
        "households": [{"id": f"H{i}"} for i in range(1, 9)],
        "persons": persons,
        "bodies": bodies,
        "memberships": memberships,
    }


# --- Ningxia: an urban community with a supervision committee -----------------------------

U_START, U_END = "2021-06-01", "2026-06-01"


def urban(assembly: bool = True) -> Data:
    """An urban community; without ``assembly`` it has no representatives' assembly and no
    supervision committee."""
    persons = [person(f"C{i}", gender="female" if i % 2 else "male") for i in range(1, 6)]
    persons += [
        person("S1", gender="female"),
        person("S2", gender="male", registration="non_registered", habitual_resident=True),
        person(
            "S3",
            gender="male",
            registration="non_registered",
            habitual_resident=False,
            community_worker_since="2019-03-01",
        ),
        person("R1", gender="female"),
        person("R2", gender="male"),
    ]
    roles = ("chair", "vice_chair", "member", "member", "member")
    bodies: list[Data] = [
        {"id": "RC", "kind": "residents_committee", "term_start": U_START, "term_end": U_END}
    ]
    memberships = [member(f"C{i}", "RC", r, U_START, U_END) for i, r in enumerate(roles, 1)]
    if assembly:
        bodies += [
            {
                "id": "RA",
                "kind": "representatives_assembly",
                "term_start": U_START,
                "term_end": U_END,
            },
            {"id": "SC", "kind": "supervision_committee", "term_start": U_START, "term_end": U_END},
        ]
        memberships += [
            member("R1", "RA", "representative", U_START, U_END),
            member("R2", "RA", "representative", U_START, U_END),
            # chosen by the representatives' assembly (居民代表会议推选), as the law requires
            {**member("S1", "SC", "chair", U_START, U_END), "chosen_by": "RA"},
            {**member("S2", "SC", "member", U_START, U_END), "chosen_by": "RA"},
            {**member("S3", "SC", "member", U_START, U_END), "chosen_by": "RA"},
        ]
    return {
        "id": "NX-U-EX01" + ("" if assembly else "-BARE"),
        "name": "宁夏示例社区（虚构）",
        "kind": "urban",
        "households": [{"id": f"H{i}"} for i in range(1, 11)],
        "persons": persons,
        "bodies": bodies,
        "memberships": memberships,
    }


def election() -> Data:
    """A 2020 urban election by all voters; N2, a non-registered adult living here, is not on
    the list."""
    c = urban(assembly=False)
    c["persons"] += [
        person("N1", registration="non_registered", habitual_resident=True),
        person("N2", registration="non_registered", habitual_resident=True),
        person(
            "N3", registration="non_registered", habitual_resident=True, birth_date="2005-01-01"
        ),
        person("N4", registration="non_registered", habitual_resident=False),
    ]
    voters = [f"C{i}" for i in range(1, 6)] + ["S1", "S2", "R1", "R2", "N1"]
    return {
        "id": "NX-E-2020",
        "community": c,
        "body_id": "RC",
        "method": "voters",
        "election_day": "2020-06-20",
        "seats": 5,
        "voter_list_published_on": "2020-05-25",
        "electorate_ids": voters,
        "candidates": [
            {"person_id": f"C{i}", "nominated_by": "party_organization"} for i in range(1, 6)
        ]
        + [{"person_id": "R1", "nominated_by": "party_organization"}],
    }


# --- Jinjiang: a representatives' assembly and its working committee ----------------------

J_START, J_END = "2021-06-01", "2026-06-01"


def jinjiang(short: bool = False) -> Data:
    """A Jinjiang community; with ``short`` representative R3's mandate ends before the term
    and the working committee is chaired by someone other than the party secretary."""
    persons = [person("PS", name="社区党委书记", gender="female")]
    persons += [person(f"R{i}", gender="female" if i % 2 else "male") for i in range(1, 6)]
    persons += [person("X1", name="居民", gender="male")]
    memberships = [member("PS", "PO", "chair", J_START, J_END)]
    for i in range(1, 6):
        end = "2024-01-01" if short and i == 3 else J_END
        memberships.append(member(f"R{i}", "RA", "representative", J_START, end))
    chair = "X1" if short else "PS"
    memberships += [
        member(chair, "WC", "chair", J_START, J_END),
        member("R1", "WC", "member", J_START, J_END),
    ]
    return {
        "id": "JJ-EX02" + ("-SHORT" if short else ""),
        "name": "锦江区示例社区二（虚构）",
        "kind": "urban",
        "households": [{"id": f"H{i}"} for i in range(1, 11)],
        "persons": persons,
        "bodies": [
            {"id": "PO", "kind": "party_organization", "name": "示例社区党委"},
            {
                "id": "RA",
                "kind": "representatives_assembly",
                "term_start": J_START,
                "term_end": J_END,
            },
            {
                "id": "WC",
                "kind": "assembly_working_committee",
                "term_start": J_START,
                "term_end": J_END,
            },
        ],
        "memberships": memberships,
    }


# --- Anhui, Shandong, Xiamen ------------------------------------------------------------


def hundred_households() -> Data:
    return {
        "id": "AH-C-EX01",
        "name": "安徽示例社区（虚构）",
        "kind": "urban",
        "households": [{"id": f"H{i:03d}"} for i in range(1, 101)],
    }


def village_to_residence(station: bool = True) -> Data:
    """A 村改居 community with its residents' committee and, with ``station``, a service
    station."""
    persons = [person(f"C{i}", gender="female" if i % 2 else "male") for i in range(1, 6)]
    persons.append(person("PS", name="社区党委书记", gender="male"))
    roles = ("chair", "vice_chair", "member", "member", "member")
    bodies: list[Data] = [
        {"id": "RC", "kind": "residents_committee", "term_start": "2022-06-01"},
        {"id": "PO", "kind": "party_organization"},
    ]
    if station:
        bodies.append({"id": "ST", "kind": "service_station", "name": "社区综合服务站"})
    return {
        "id": "V2R-EX01" + ("" if station else "-NOSTATION"),
        "name": "村改居示例社区（虚构）",
        "kind": "village_to_residence",
        "households": [{"id": f"H{i}"} for i in range(1, 11)],
        "persons": persons,
        "bodies": bodies,
        "memberships": [member(f"C{i}", "RC", r, "2022-06-01") for i, r in enumerate(roles, 1)]
        + [member("PS", "PO", "chair", "2022-06-01")],
    }


def gated() -> Data:
    c = village_to_residence(station=False)
    c.update(id="SD-C-EX01", name="山东示例社区（虚构）", kind="urban")
    c["bodies"].append({"id": "OC", "kind": "owners_committee", "name": "幸福小区业主委员会"})
    return c


def main() -> None:
    files: dict[str, Data] = {
        "ningxia-grid.json": {"community": village(), "body_id": "GR1", "as_of": "2018-09-01"},
        "ningxia-grid-gaps.json": {
            "community": village(gaps=True),
            "body_id": "GR1",
            "as_of": "2018-09-01",
        },
        "ningxia-station.json": {
            "id": "ST-2018",
            "community": village(),
            "station_id": "ST",
            "as_of": "2018-09-01",
            "recruited_graduate_ids": ["P6", "P7"],
            "pay": [
                {"person_id": "P6", "annual_yuan": 36000},
                {"person_id": "P7", "annual_yuan": 36000},
            ],
            "two_committee_pay_yuan": 36000,
        },
        "ningxia-grid-record.json": {
            "id": "NX-V-EX01-2018Q1",
            "community_kind": "rural",
            "period_start": "2018-01-01",
            "period_end": "2018-04-01",
            "reviews": ["2018-01-26", "2018-02-27", "2018-03-28"],
            "notice": {
                "posted_on": "2017-10-09",
                "services": True,
                "staff": True,
                "contacts": True,
            },
            "focus_persons": [
                {"person_id": "P9", "category": "left_behind"},
                {"person_id": "P10", "category": "very_old"},
            ],
            "visits": [
                {"person_id": "P9", "visited_on": "2018-02-02"},
                {"person_id": "P10", "visited_on": "2018-03-05"},
            ],
            "reported_issues": [
                {
                    "id": "I1",
                    "raised_on": "2018-01-10",
                    "reported_on": "2018-01-20",
                    "reported_by": "service_station",
                }
            ],
        },
        "ningxia-urban.json": {"community": urban(), "body_id": "RC", "as_of": "2024-03-01"},
        "ningxia-urban-bare.json": {
            "community": urban(assembly=False),
            "body_id": "RC",
            "as_of": "2024-03-01",
        },
        "ningxia-selection.json": {
            "id": "SEL-2021",
            "community": urban(),
            "body_id": "SC",
            "chosen_on": "2021-06-20",
            "chosen_by": "representatives_assembly",
            "chosen_ids": ["S1", "S2", "S3"],
        },
        "ningxia-election.json": election(),
        "jinjiang-assembly.json": {"community": jinjiang(), "body_id": "RA", "as_of": "2023-03-01"},
        "jinjiang-assembly-short.json": {
            "community": jinjiang(short=True),
            "body_id": "RA",
            "as_of": "2023-03-01",
        },
        "anhui-facilities.json": {
            "id": "AH-C-EX01-2023",
            "community": hundred_households(),
            "as_of": "2023-06-01",
            "service_space_area": 3300,
            "service_facility_area": None,
            "consultation_committee": True,
        },
        "village-to-residence.json": {
            "community": village_to_residence(),
            "body_id": "RC",
            "as_of": "2024-06-01",
        },
        "village-to-residence-no-station.json": {
            "community": village_to_residence(station=False),
            "body_id": "RC",
            "as_of": "2024-06-01",
        },
        "shandong-compound.json": {
            "id": "SD-X1",
            "name": "幸福小区",
            "community": gated(),
            "compound_kind": "gated",
            "as_of": "2016-03-01",
            "owners_committee_id": "OC",
            "property_service_enterprise": "示例物业服务有限公司",
        },
        # the seed subjects that stand without a community: the first lawful case of each
        # case file, as a file (tests/cases/jinjiang/*.yaml, tests/cases/seeds/*.yaml)
        "jinjiang-social-organization.json": {
            "id": "SO-1",
            "name": "某社区老年协会（虚构）",
            "as_of": "2012-06-01",
            "active_since": "2011-09-01",
            "registration": None,
            "filing": {"filed_on": "2011-08-15", "filed_with": "street_office"},
        },
        "jinjiang-fund-allocation.json": {
            "id": "F-2012-S1",
            "recipient": "street_office",
            "recipient_name": "示例街道办事处（虚构）",
            "fund": "public_service_and_social_management",
            "year": 2012,
            "decided_on": "2012-01-10",
            "amount_yuan": 1250000,
        },
        "jinjiang-cadre-evaluation.json": {
            "id": "EV-2011-1",
            "community_kind": "urban",
            "held_on": "2011-12-20",
            "evaluated_ids": ["C1", "C2", "C3"],
            "evaluated_by": "residents",
            "announcement": "on_the_spot",
            "tied_to_rewards": True,
        },
        "ningxia-work-report.json": {
            "id": "SC-2018",
            "body_kind": "supervision_committee",
            "community_kind": "urban",
            "reported_to": "representatives_assembly",
            "reported_on": "2018-12-20",
        },
        "xiamen-collective-asset-spending.json": {
            "id": "XM-A-1",
            "community_kind": "village_to_residence",
            "title": "建设社区综合服务站",
            "purpose": "public_facility",
            "amount_yuan": 3000000,
            "decided_on": "2024-05-10",
            "decided_by": "residents_assembly_vote",
        },
    }
    for name, data in files.items():
        path = HERE / name
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
