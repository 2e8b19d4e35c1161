"""Regenerate the example inputs in this folder (deterministic; run from the repo root).

The community is fictional: a Jinjiang-style urban community of 300 households with a
representatives' assembly of 51 representatives, elected for the 2021–2026 term.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"


def community(term_start: str = "2021-06-01", term_end: str = "2026-06-01") -> dict:
    households = [{"id": f"H{i:03d}"} for i in range(1, 301)]
    persons, memberships = [], []
    for i in range(1, 52):
        pid = f"R{i:02d}"
        persons.append(
            {
                "id": pid,
                "name": SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)],
                "gender": "female" if i % 2 else "male",
                "birth_date": f"{1950 + i % 40}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "household_id": f"H{i * 5:03d}",
            }
        )
        memberships.append(
            {
                "person_id": pid,
                "body_id": "RA",
                "role": "representative",
                "term_start": term_start,
                "term_end": term_end,
            }
        )
    committee = [
        ("C1", "chair", "female"),
        ("C2", "vice_chair", "male"),
        ("C3", "member", "female"),
        ("C4", "member", "male"),
        ("C5", "member", "male"),
    ]
    for pid, role, gender in committee:
        persons.append(
            {
                "id": pid,
                "name": f"居委会成员{pid}",
                "gender": gender,
                "birth_date": f"19{70 + int(pid[1:])}-03-01",
            }
        )
        memberships.append(
            {
                "person_id": pid,
                "body_id": "RC",
                "role": role,
                "term_start": term_start,
                "term_end": term_end,
            }
        )
    return {
        "id": "CN-510104-EX01",
        "name": "锦江区示例社区（虚构）",
        "kind": "urban",
        "street_office": "示例街道办事处",
        "households": households,
        "persons": persons,
        "bodies": [
            {"id": "RC", "kind": "residents_committee", "name": "示例社区居民委员会"},
            {"id": "RA", "kind": "representatives_assembly", "name": "示例社区居民代表会议"},
            {
                "id": "WC",
                "kind": "assembly_working_committee",
                "name": "示例社区居民代表会议工作委员会",
            },
            {"id": "PO", "kind": "party_organization", "name": "示例社区党委"},
        ],
        "memberships": memberships,
    }


def proposal(pid: str, title: str, reps: int, households: int, **extra: object) -> dict:
    return {
        "id": pid,
        "community": community(),
        "title": title,
        "category": "major",
        "proposer": "representatives" if reps else "households",
        "submitted_on": "2026-03-02",
        "sponsor_representative_ids": [f"R{i:02d}" for i in range(1, reps + 1)],
        "sponsor_household_ids": [f"H{i:03d}" for i in range(100, 100 + households)],
        **extra,
    }


def main() -> None:
    files = {
        "jinjiang/proposal-eligible.json": proposal(
            "JJ-2026-007", "老旧院落加装电梯及公共区域改造", reps=6, households=12
        ),
        "jinjiang/proposal-short.json": proposal(
            "JJ-2026-008", "重新选聘物业服务企业", reps=5, households=48
        ),
        "jinjiang/proposal-party.json": {
            **proposal("JJ-2026-009", "社区党群服务中心功能调整", reps=0, households=0),
            "proposer": "party_organization",
        },
    }
    body = {"community": community(), "body_id": "RC", "as_of": "2026-03-02"}
    files["jinjiang/residents-committee.json"] = body
    for name, data in files.items():
        path = HERE / name
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
