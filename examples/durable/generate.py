"""Regenerate stream.jsonl (deterministic; run from the repository root).

The stream interleaves, by day, the three implemented runs of examples/procedures (Jinjiang,
Ningxia, the national party-first procedure), a national run that skips the party review, a
result taken down early, a village notice board, a meeting record and clock ticks, through
2026. The runs are read from examples/procedures, so the stream follows them; their events
carry the links of their hash-chained logs, and the run made up here is chained afresh.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from community_governance.rules.chain import LINK, link

HERE = Path(__file__).parent
PROCEDURES = HERE.parent / "procedures"


def _run(name: str) -> dict[str, Any]:
    run: dict[str, Any] = json.loads((PROCEDURES / name).read_text(encoding="utf-8"))
    return run


def _step(run: dict[str, Any], event: dict[str, Any], community: str | None) -> dict[str, Any]:
    line: dict[str, Any] = {"rulebook": run["rulebook"], "run": run["id"]}
    if community is not None:
        line["community"] = community
    return {**line, "event": event}


def stream_lines() -> list[dict[str, Any]]:
    """The lines of the stream, in order: by day, a clock tick before the lines of its day."""
    jj = _run("jinjiang-implemented.json")
    nx = _run("ningxia-implemented.json")
    cn = _run("national-implemented.json")
    dated: list[tuple[str, dict[str, Any]]] = []
    # the three runs, each in its own order (the Jinjiang run's community is its proposal's)
    for run, community in ((cn, "CN-URBAN-01"), (nx, "NX-01"), (jj, None)):
        dated += [(e["on"], _step(run, e, community)) for e in run["events"]]
    # a national run that skips the party review: its vote is refused, its publication ignored
    # (its own log, chained from its first event, so that the vote is refused by the law)
    skipped = {**cn, "id": "N-2026-02"}
    unlinked = [{k: v for k, v in e.items() if k != LINK} for e in cn["events"][1:3]]
    dated += [(e["on"], _step(skipped, e, "CN-URBAN-01")) for e in link(unlinked)]
    # the Ningxia result taken down after 9 days
    published = next(e for e in nx["events"] if e["step"] == "publish")
    removed = (dt.date.fromisoformat(published["on"]) + dt.timedelta(days=9)).isoformat()
    dated.append((removed, {"rulebook": nx["rulebook"], "run": nx["id"], "removed_on": removed}))
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
    dated.append((board["as_of"], {"rulebook": "cn", "disclosure": board}))
    # the Jinjiang representatives' assembly meets again in the second half of the year
    meeting = {
        "id": "JJ-RA-2026-05",
        "body": "representatives_assembly",
        "community_kind": "urban",
        "title": "居民代表会议（下半年例会）",
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
    community = jj["events"][0]["proposal"]["community"]["id"]
    dated.append(
        (
            meeting["held_on"],
            {"rulebook": jj["rulebook"], "community": community, "meeting": meeting},
        )
    )
    clocks = ("2026-02-01", "2026-04-01", "2027-01-10")
    ordered = sorted(
        [(day, 0, {"clock": day}) for day in clocks] + [(d, 1, line) for d, line in dated],
        key=lambda item: (item[0], item[1]),
    )
    return [line for _, _, line in ordered]


def main() -> None:
    """Write stream.jsonl."""
    text = "".join(
        json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"
        for line in stream_lines()
    )
    (HERE / "stream.jsonl").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
