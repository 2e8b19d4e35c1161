"""Baseline for the batch benchmark: read JSON Lines and only parse and validate each line.

    python benchmarks/batch_baseline.py FILE.jsonl

Per non-blank line: `json.loads` and `WorkItem.model_validate_json`, nothing else (no rules,
no output but the count of items). `run.py --section batch` runs it as a subprocess exactly
as it runs ``cgov check work-items``, so the two differ by what cgov does beyond parsing:
evaluating the rules, serialising each `Decision` and the summary.
"""

from __future__ import annotations

import json
import sys

from community_governance import WorkItem


def main(argv: list[str]) -> int:
    """Parse and validate every line of the file named in ``argv``; print how many."""
    (path,) = argv
    count = 0
    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            json.loads(line)
            WorkItem.model_validate_json(line)
            count += 1
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
