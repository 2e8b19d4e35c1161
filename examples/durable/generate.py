"""Regenerate stream.jsonl (deterministic; run from the repository root).

The stream interleaves three runs of examples/procedures (Jinjiang, Ningxia, the national
party-first procedure), a national run that votes before the party review, a result taken
down early, a village notice board, a meeting record and clock ticks, through 2026.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
PROCEDURES = HERE.parent / "procedures"
JINJIANG = "cn.sichuan.chengdu.jinjiang"


def _events(name: str) -> dict[str, dict[str, Any]]:
    run = json.loads((PROCEDURES / name).read_text(encoding="utf-8"))
    return {e["step"]: e for e in run["events"]}


def stream_lines() -> list[dict[str, Any]]:
    """The lines of the stream, in order."""
    jj = _events("jinjiang-implemented.json")
    nx = _events("ningxia-implemented.json")
    cn = _events("national-implemented.json")

    def step(rulebook: str, run: str, event: dict[str, Any], community: str | None = None):
        line: dict[str, Any] = {"rulebook": rulebook, "run": run}
        if community is not None:
            line["community"] = community
        return {**line, "event": event}

    ra_meeting = {
        "id": "JJ-RA-2026-05",
        "body": "representatives_assembly",
        "community_kind": "urban",
        "title": "居民代表会议（半年例会）",
        "announced_on": "2026-09-01",
        "held_on": "2026-09-10",
        "constituted_by": "members",
        "entitled": 55,
        "attendees": 41,
        "motions": [
            {
                "id": "1",
                "title": "上半年居务工作报告",
                "voted_on": "2026-09-10",
                "in_favour": 39,
                "against": 2,
                "result": "adopted",
            }
        ],
    }
    board = {
        "id": "V-BOARD-01",
        "community_kind": "rural",
        "as_of": "2026-03-31",
        "postings": [
            {"id": "2025Q4-g", "category": "general", "posted_on": "2025-11-10"},
            {"id": "2025Q4-f", "category": "finances", "posted_on": "2025-11-10"},
            {"id": "2026Q1-g", "category": "general", "posted_on": "2026-01-12"},
            {"id": "2026Q1-f", "category": "finances", "posted_on": "2026-01-12"},
        ],
    }
    return [
        {"clock": "2026-02-01"},
        step("cn", "N-2026-01", cn["review"], "CN-URBAN-01"),
        step("cn.ningxia", "NX-2026-03", nx["propose"], "NX-01"),
        step(JINJIANG, "JJ-2026-007", jj["sponsor"]),
        step(JINJIANG, "JJ-2026-007", jj["deliberate"]),
        step(JINJIANG, "JJ-2026-007", jj["review"]),
        step("cn", "N-2026-02", cn["vote"], "CN-URBAN-01"),
        step("cn.ningxia", "NX-2026-03", nx["decide"]),
        step("cn", "N-2026-01", cn["vote"]),
        step("cn.ningxia", "NX-2026-03", nx["publish"]),
        step("cn", "N-2026-01", cn["publish"]),
        step("cn", "N-2026-02", cn["publish"]),
        step(JINJIANG, "JJ-2026-007", jj["vote"]),
        step(JINJIANG, "JJ-2026-007", jj["publish"]),
        {"rulebook": "cn.ningxia", "run": "NX-2026-03", "removed_on": "2026-03-25"},
        {"rulebook": "cn", "disclosure": board},
        {"clock": "2026-04-01"},
        step("cn", "N-2026-01", cn["implement"]),
        step("cn.ningxia", "NX-2026-03", nx["implement"]),
        step(JINJIANG, "JJ-2026-007", jj["implement"]),
        {"rulebook": JINJIANG, "community": "CN-510104-EX01", "meeting": ra_meeting},
        {"clock": "2026-10-01"},
    ]


def main() -> None:
    """Write stream.jsonl."""
    text = "".join(
        json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"
        for line in stream_lines()
    )
    (HERE / "stream.jsonl").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
