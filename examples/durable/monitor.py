"""Feed a JSON Lines stream of procedure events, records and clock ticks through durable-rules
monitors, one per rulebook in one host, and print what the library decided.

    pip install community-governance[durable]
    python examples/durable/monitor.py examples/durable/stream.jsonl
    python examples/durable/monitor.py examples/durable/stream.jsonl --json  # JSON Lines out

Each line names its rulebook (``"rulebook": "cn.ningxia"``); a ``{"clock": day}`` line moves
every monitor's clock. The first line must be a clock line: the day the monitors start.
"""

from __future__ import annotations

import argparse
import json
import sys

from community_governance import get_rulebook
from community_governance.durable import ClockLine, Monitor, Result, read_lines, shared_host


def main(argv: list[str] | None = None) -> int:
    """Read the stream and print each result."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stream", help="the JSON Lines file")
    parser.add_argument("--json", action="store_true", help="print JSON, one object a line")
    args = parser.parse_args(argv)
    monitors: dict[str, Monitor] = {}
    lines = read_lines(args.stream)
    first = next(lines)
    if not isinstance(first, ClockLine):
        parser.error("the first line must be a clock line: the day the monitors start")
    start = first.clock

    def show(rulebook: str, results: tuple[Result, ...]) -> None:
        for r in results:
            if args.json:
                print(json.dumps({"rulebook": rulebook, **r.to_dict()}, ensure_ascii=False))
            else:
                print(f"[{rulebook}] {r.describe()}")

    for line in lines:
        if isinstance(line, ClockLine):
            if not args.json:
                print(f"-- clock {line.clock.isoformat()}")
            fired = [(r, n) for r, m in monitors.items() for n in m.advance(line.clock)]
            for rulebook, notice in sorted(fired, key=lambda f: f[1].on):
                show(rulebook, (notice,))
            start = line.clock
            continue
        if line.rulebook is None:
            parser.error("every line but a clock line names its rulebook")
        monitor = monitors.get(line.rulebook)
        if monitor is None:  # several rulebooks side by side in one durable-rules host
            monitor = Monitor(get_rulebook(line.rulebook), at=start, host=shared_host())
            monitors[line.rulebook] = monitor
        show(line.rulebook, monitor.feed(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
