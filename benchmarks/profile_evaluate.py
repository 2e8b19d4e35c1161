"""Profile `evaluate` (or the whole JSON-in, JSON-out path) with cProfile, to find hot spots.

    python benchmarks/profile_evaluate.py                       # evaluate() on proposal-short
    python benchmarks/profile_evaluate.py --case eligible --sort cumulative
    python benchmarks/profile_evaluate.py --e2e --calls 2000    # parse + evaluate + to_json
    python benchmarks/profile_evaluate.py --representatives 5000

cProfile adds a fixed cost to every Python call, so it overstates small functions: use it to
see *where* time goes, and `run.py` to see *how much*.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from collections.abc import Sequence

from _inputs import EXAMPLES, example_text, synthetic_proposal_text

from community_governance import Proposal, evaluate, get_rulebook

RULEBOOK = "cn.sichuan.chengdu.jinjiang"


def main(argv: Sequence[str] | None = None) -> int:
    """Profile, print the top functions; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--case",
        choices=sorted(EXAMPLES),
        default="short",
        help="example proposal (default: short, the denied one)",
    )
    parser.add_argument(
        "--representatives",
        type=int,
        metavar="N",
        help="use a synthetic community of N representatives instead",
    )
    parser.add_argument(
        "--e2e",
        action="store_true",
        help="profile JSON -> Proposal -> evaluate -> to_json, not evaluate alone",
    )
    parser.add_argument("--calls", type=int, default=20_000, help="calls profiled")
    parser.add_argument("--sort", default="tottime", help="pstats sort key (tottime, cumulative)")
    parser.add_argument("--limit", type=int, default=30, help="rows printed")
    args = parser.parse_args(argv)

    rulebook = get_rulebook(RULEBOOK)
    if args.representatives:
        text = synthetic_proposal_text(args.representatives)
    else:
        text = example_text(args.case)
    proposal = Proposal.model_validate_json(text)

    def work() -> None:
        if args.e2e:
            for _ in range(args.calls):
                evaluate(Proposal.model_validate_json(text), rulebook).to_json()
        else:
            for _ in range(args.calls):
                evaluate(proposal, rulebook)

    for _ in range(min(args.calls, 500)):  # warm-up
        evaluate(proposal, rulebook)
    profiler = cProfile.Profile()
    profiler.runcall(work)
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.strip_dirs().sort_stats(args.sort).print_stats(args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
