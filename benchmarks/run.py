"""Benchmark the rules engine against hand-written Python, as ratios measured in one run.

    python benchmarks/run.py            # default run, about 3 min on 2 cores (< 4 min)
    python benchmarks/run.py --quick    # short run, under 1 minute
    python benchmarks/run.py --json benchmarks/results/$(date +%F).json

Sections (``--section``, repeatable; all by default):

* ``decision``: `evaluate` on the Jinjiang ``proposal.sponsorship`` rule vs a plain function
  doing the same comparison on the same validated model (design budget: ≤ 10×);
* ``e2e``: JSON text → `Proposal` → `Decision` JSON text vs pydantic parsing alone;
* ``memory``: bytes kept per `Decision`, peak bytes while evaluating (tracemalloc);
* ``scaling``: the same comparisons for communities of 51, 500 and 5000 representatives;
* ``peers``: the same rule in durable_rules and in Cedar (``pip install -e ".[bench]"``;
  a missing peer is skipped with the reason);
* ``json``: `Decision.to_json()` vs `evaluate()`;
* ``batch``: ``cgov check work-items`` lines per second on one core vs parsing alone;
* ``scale``: the same JSON Lines file checked serially, by ``--jobs 2`` (and each chunk
  size), and by Dask on 2 local processes (`community_governance.batch.dask`, ``pip install
  -e ".[dask]"``; skipped without it): lines per second and ratios to serial;
* ``import``: ``import community_governance`` vs ``from pydantic import BaseModel``;
* ``memory-1e6``: RSS and live blocks over 10^6 evaluations (10^5 with ``--quick``): flat?
* ``cold-50k``: the first `evaluate` on a fresh 50,000-representative proposal vs a
  hand-written scan of its memberships;
* ``durable``: procedure events per second through the durable-rules monitor
  (`community_governance.durable`, ``pip install -e ".[durable]"``) vs native `replay`.
* ``service``: ``POST /v1/check/proposal`` of the 300-household example to a real ``cgov
  serve`` on loopback vs the library call (JSON text -> Decision JSON), latency p50/p95 for
  one client and under 8 concurrent clients (``pip install -e ".[service]"``; skipped
  without it).
* ``store``: per-proposal validation with ``community_id`` looked up in a community store
  (SQLite file and in memory; the community validated once, cached) vs the self-contained
  proposal, for the 300-household example and a 20,000-household community.

This is a measurement, not a test: it asserts nothing about time and always exits 0 once it
has run (it exits 1 only if the engine, the plain function and the peers disagree on a
verdict).
See ``benchmarks/README.md`` for how to read the numbers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import itertools
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _harness import Bench, Settings, Timing, run_group
from _inputs import (
    ROOT,
    example_text,
    plain_floor,
    plain_representatives_count,
    plain_sponsorship,
    synthetic_proposal_text,
)
from _peers import Peer, load_peers
from _proc import Command, CommandFailed, one_core, run_once, time_commands
from _workitems import write_work_items

import community_governance
from community_governance import Proposal, Rulebook, evaluate, get_rulebook
from community_governance._io import loads_json
from community_governance.engine import evaluate_rule
from community_governance.procedures import ProcedureRun, replay

RULEBOOK = "cn.sichuan.chengdu.jinjiang"
RULE = "proposal.sponsorship"
#: Design budget (DESIGN.md, "Performance stance"): full explained decision / plain function.
BUDGET = 10.0
SECTIONS = (
    "decision",
    "e2e",
    "memory",
    "scaling",
    "peers",
    "json",
    "batch",
    "scale",
    "import",
    "memory-1e6",
    "cold-50k",
    "durable",
    "service",
    "store",
)
QUICK = Settings(repeats=5, target_ns=20_000_000, warmup_ns=10_000_000)
DEFAULT = Settings(repeats=11, target_ns=100_000_000, warmup_ns=50_000_000)
SCALING_SIZES = (51, 500, 5000)
#: Goals of the newer sections (benchmarks/README.md): ratios to stay at or under, and the
#: batch throughput to reach.
PEER_GOAL = 0.1  # engine / peer: the full explained decision ≥ 10× faster than either peer
BATCH_GOAL_LINES_PER_S = 20_000
IMPORT_GOAL = 1.3  # import community_governance / from pydantic import BaseModel
COLD_GOAL = 1.0  # first evaluate on a fresh proposal / hand-written memberships scan
SERVICE_GOAL = 2.0  # an HTTP request / the library call, for the 300-household proposal
#: scale: lines (default, quick), the chunk sizes compared for --jobs 2, the Dask partitions.
SCALE_LINES = (40_000, 8_000)
SCALE_CHUNKS = (32, 256, 1024)
SCALE_PARTITIONS = 8
#: service: concurrent clients; rounds, and requests per client in a round (default, quick).
SERVICE_CLIENTS = 8
SERVICE_ROUNDS = (7, 3)
SERVICE_REQUESTS = (20, 10)
FLAT_GROWTH = 0.01  # memory-1e6: growth over the last 5 samples below 1% is "flat"
RESULTS = Path(__file__).resolve().parent / "results"
#: The runs of examples/procedures timed by the ``durable`` section (one refused at a step).
DURABLE_RUNS = (
    "jinjiang-implemented",
    "jinjiang-vote-before-review",
    "ningxia-implemented",
    "national-implemented",
)


def _noop(_: object) -> None:
    """An empty function, called like the others: the harness's own cost per call."""


# --- printing ---------------------------------------------------------------------------


def _ns(ns: float) -> str:
    if ns >= 1e6:
        return f"{ns / 1e6:8.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:8.2f} µs"
    return f"{ns:8.1f} ns"


def _show(timings: dict[str, Timing]) -> None:
    width = max(len(t.label) for t in timings.values())
    for t in timings.values():
        # calls per second, with the precision a slow call (a whole command) needs
        rate = f"{t.rate:>12,.0f}" if t.rate >= 10 else f"{t.rate:>12,.2f}"
        print(f"    {t.label:<{width}}  median {_ns(t.median_ns)}  min {_ns(t.min_ns)}  {rate} /s")


def _ratio(
    timings: dict[str, Timing],
    num: str,
    den: str,
    label: str,
    budget: float | None = None,
    *,
    goal: float | None = None,
) -> dict[str, Any]:
    """Print and return median/median and min/min; ``budget`` (the design budget) and
    ``goal`` (a section's target) are upper bounds on the median ratio."""
    a, b = timings[num], timings[den]
    med, low = a.median_ns / b.median_ns, a.min_ns / b.min_ns
    verdict = ""
    if budget is not None:
        verdict = "  within budget" if med <= budget else f"  OVER BUDGET (> {budget:g}×)"
    elif goal is not None:
        verdict = "  meets goal" if med <= goal else f"  MISSES GOAL (> {goal:g}×)"
    print(f"    {label:<58} {med:8.2f}×  (min/min {low:.2f}×){verdict}")
    out: dict[str, Any] = {"median": round(med, 3), "min": round(low, 3)}
    if budget is not None:
        out["budget"] = budget
        out["within_budget"] = med <= budget
    elif goal is not None:
        out["goal"] = goal
        out["meets_goal"] = med <= goal
    return out


def _head(title: str) -> None:
    print(f"\n== {title} ==", flush=True)


# --- sections ---------------------------------------------------------------------------


def _check_agreement(p: Proposal, rulebook: Rulebook, where: str) -> str:
    """The engine's and the plain function's answers must agree, or the comparison is void."""
    finding = evaluate(p, rulebook).finding(RULE)
    reps = len(p.community.representatives(p.submitted_on))
    plain = plain_sponsorship(p)
    floor = plain_floor(len(p.sponsor_representative_ids), reps, len(p.sponsor_household_ids))
    if (finding.status == "passed") != plain or plain != floor:
        print(
            f"error: {where}: engine says {finding.status}, plain {plain}, floor {floor}",
            file=sys.stderr,
        )
        raise SystemExit(1)
    return finding.status


def _decision_benches(p: Proposal, rulebook: Rulebook) -> dict[str, Bench]:
    reps = len(p.community.representatives(p.submitted_on))
    n_sponsors, n_households = len(p.sponsor_representative_ids), len(p.sponsor_household_ids)
    rule = rulebook.rule(RULE)
    return {
        "engine": Bench(
            "engine   evaluate(p, rulebook) -> Decision (all rules)",
            functools.partial(evaluate, p, rulebook),
        ),
        "engine_rule": Bench(
            "engine   evaluate_rule(sponsorship) -> Finding only",
            functools.partial(evaluate_rule, rule, p, rulebook, p.submitted_on),
        ),
        "plain": Bench(
            "plain    plain_sponsorship(p) -> bool (scans representatives)",
            functools.partial(plain_sponsorship, p),
        ),
        "representatives": Bench(
            "part     p.community.representatives(date) alone",
            functools.partial(p.community.representatives, p.submitted_on),
        ),
        "floor": Bench(
            "floor    plain_floor(counts precomputed) -> bool",
            functools.partial(plain_floor, n_sponsors, reps, n_households),
        ),
        "harness": Bench(
            "harness  empty function call (loop + call cost)", functools.partial(_noop, p)
        ),
    }


def _decision_ratios(t: dict[str, Timing]) -> dict[str, Any]:
    return {
        "engine/plain": _ratio(
            t, "engine", "plain", "full explained Decision / plain function", BUDGET
        ),
        "engine_rule/plain": _ratio(
            t, "engine_rule", "plain", "sponsorship Finding alone / plain function"
        ),
        "plain/representatives": _ratio(
            t, "plain", "representatives", "plain function / its representatives scan"
        ),
        "engine/floor": _ratio(
            t, "engine", "floor", "full Decision / bare comparison floor (counts given)"
        ),
    }


def section_decision(settings: Settings, rulebook: Rulebook) -> dict[str, Any]:
    """Decisions per second: the engine vs a plain function on the same validated model."""
    _head(f"1. decisions per second: evaluate() vs plain Python ({RULEBOOK}, {RULE})")
    out: dict[str, Any] = {}
    for case in ("eligible", "short"):
        p = Proposal.model_validate_json(example_text(case))
        status = _check_agreement(p, rulebook, case)
        reps = len(p.community.representatives(p.submitted_on))
        print(
            f"  case {case}: {reps} representatives, {len(p.sponsor_representative_ids)} "
            f"sponsoring, {len(p.sponsor_household_ids)} households -> {RULE} {status}",
            flush=True,
        )
        timings = run_group(_decision_benches(p, rulebook), settings)
        _show(timings)
        out[case] = {
            "status": status,
            "benchmarks": {k: v.to_dict() for k, v in timings.items()},
            "ratios": _decision_ratios(timings),
            "engine_overhead_ns": round(
                timings["engine"].median_ns - timings["plain"].median_ns, 1
            ),
        }
    return out


def _end_to_end(text: str, rulebook: Rulebook) -> str:
    return evaluate(Proposal.model_validate_json(text), rulebook).to_json()


def _e2e_benches(text: str, rulebook: Rulebook) -> dict[str, Bench]:
    decision = evaluate(Proposal.model_validate_json(text), rulebook)
    return {
        "e2e": Bench(
            "end to end  JSON -> Proposal -> evaluate -> Decision.to_json()",
            functools.partial(_end_to_end, text, rulebook),
        ),
        "parse": Bench(
            "parse only  Proposal.model_validate_json(text)",
            functools.partial(Proposal.model_validate_json, text),
        ),
        "to_json": Bench(
            "part        decision.to_json() alone", functools.partial(decision.to_json)
        ),
    }


def section_e2e(settings: Settings, rulebook: Rulebook) -> dict[str, Any]:
    """End to end: JSON text in, Decision JSON text out, vs pydantic parsing alone."""
    _head("2. end to end: JSON text -> validated model -> Decision JSON vs parse alone")
    out: dict[str, Any] = {}
    for case in ("eligible", "short"):
        text = example_text(case)
        print(f"  case {case}: {len(text.encode()):,} bytes of input JSON", flush=True)
        timings = run_group(_e2e_benches(text, rulebook), settings)
        _show(timings)
        out[case] = {
            "input_bytes": len(text.encode()),
            "benchmarks": {k: v.to_dict() for k, v in timings.items()},
            "ratios": {
                "e2e/parse": _ratio(timings, "e2e", "parse", "end to end / pydantic parse alone"),
                "to_json/parse": _ratio(
                    timings, "to_json", "parse", "Decision.to_json() / pydantic parse"
                ),
            },
        }
    return out


def _traced(make: Callable[[], object], count: int) -> tuple[float, float]:
    """(bytes kept per object, peak bytes above the start while making one)."""
    gc.collect()
    tracemalloc.start()
    try:
        make()  # first call may build caches; not counted
        gc.collect()
        start = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        one = make()
        peak = tracemalloc.get_traced_memory()[1] - start
        del one
        gc.collect()
        start = tracemalloc.get_traced_memory()[0]
        kept = [make() for _ in range(count)]
        per_object = (tracemalloc.get_traced_memory()[0] - start) / count
        del kept
    finally:
        tracemalloc.stop()
    return per_object, peak


def section_memory(quick: bool, rulebook: Rulebook) -> dict[str, Any]:
    """Bytes a Decision keeps alive, and the peak while one is made (tracemalloc)."""
    _head("3a. memory per Decision (tracemalloc; citations and rules are shared, not counted)")
    out: dict[str, Any] = {}
    count = 200 if quick else 1000
    for case in ("eligible", "short"):
        text = example_text(case)
        p = Proposal.model_validate_json(text)
        decision_kept, decision_peak = _traced(functools.partial(evaluate, p, rulebook), count)
        model_kept, _ = _traced(
            functools.partial(Proposal.model_validate_json, text), max(10, count // 20)
        )
        json_text = evaluate(p, rulebook).to_json()
        print(
            f"  case {case}: Decision keeps {decision_kept:,.0f} B, peak while evaluating "
            f"{decision_peak:,.0f} B; its JSON is {len(json_text.encode()):,} B; "
            f"the validated Proposal keeps {model_kept:,.0f} B",
            flush=True,
        )
        out[case] = {
            "decision_kept_bytes": round(decision_kept),
            "evaluate_peak_bytes": decision_peak,
            "decision_json_bytes": len(json_text.encode()),
            "proposal_kept_bytes": round(model_kept),
        }
    return out


def section_scaling(settings: Settings, rulebook: Rulebook, sizes: Sequence[int]) -> dict[str, Any]:
    """The same ratios as the community grows."""
    _head("3b. scaling with community size (synthetic; 6 households per representative, ≥ 300)")
    out: dict[str, Any] = {}
    for n in sizes:
        text = synthetic_proposal_text(n)
        p = Proposal.model_validate_json(text)
        status = _check_agreement(p, rulebook, f"{n} representatives")
        print(
            f"  {n} representatives, {len(p.community.households):,} households, "
            f"{len(text.encode()):,} bytes of JSON -> {RULE} {status}",
            flush=True,
        )
        benches = _decision_benches(p, rulebook)
        benches = {k: benches[k] for k in ("engine", "plain", "floor")}
        benches.update(_e2e_benches(text, rulebook))
        del benches["to_json"]
        timings = run_group(benches, settings)
        _show(timings)
        out[str(n)] = {
            "households": len(p.community.households),
            "input_bytes": len(text.encode()),
            "benchmarks": {k: v.to_dict() for k, v in timings.items()},
            "ratios": {
                "engine/plain": _ratio(
                    timings, "engine", "plain", "full explained Decision / plain function", BUDGET
                ),
                "engine/floor": _ratio(
                    timings, "engine", "floor", "full Decision / bare comparison floor"
                ),
                "e2e/parse": _ratio(timings, "e2e", "parse", "end to end / pydantic parse alone"),
            },
        }
    return out


def _fail(message: str) -> None:
    """A disagreement makes every ratio meaningless: say so and exit 1."""
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(1)


def _check_peer_grid(peers: dict[str, Peer]) -> int:
    """Each peer against `plain_floor` around both thresholds (10% exactly, 50 households),
    untimed: a peer whose rule is not the law's is not worth timing. Returns cases checked."""
    cases = 0
    for reps in (1, 9, 10, 11, 49, 50, 51, 100, 5000):
        for sponsors in (0, 1, 5, 6, 10, 500):
            for households in (0, 12, 49, 50, 51):
                want = plain_floor(sponsors, reps, households)
                for peer in peers.values():
                    assert peer.rule is not None
                    ask = getattr(peer.rule, "check", peer.rule)  # cedar: errors raise
                    got = ask(sponsors, reps, households)
                    if got != want:
                        _fail(
                            f"{peer.name}: sponsors={sponsors} reps={reps} "
                            f"households={households} -> {got}, the law says {want}"
                        )
                cases += 1
    return cases


def _peer_benches(p: Proposal, rulebook: Rulebook, peers: dict[str, Peer]) -> dict[str, Bench]:
    benches = _decision_benches(p, rulebook)
    benches = {k: benches[k] for k in ("engine", "engine_rule", "plain")}
    counts = (
        len(p.sponsor_representative_ids),
        len(p.community.representatives(p.submitted_on)),
        len(p.sponsor_household_ids),
    )
    labels = {
        "durable": "peer     durable_rules post(event with the 3 counts) -> bool",
        "cedar": "peer     cedarpy is_authorized(context: the 3 counts) -> bool",
    }
    for key, peer in peers.items():
        assert peer.rule is not None
        benches[key] = Bench(labels[key], functools.partial(peer.rule, *counts))
    return benches


def section_peers(settings: Settings, rulebook: Rulebook) -> dict[str, Any]:
    """The same rule in two peer rule engines, durable_rules and Cedar, given the counts."""
    _head(f"4. peer rule engines: evaluate() vs durable_rules and Cedar ({RULE})")
    peers = load_peers()
    out: dict[str, Any] = {
        "peers": {
            k: {"package": p.package, "version": p.version, "skipped": p.skipped}
            for k, p in peers.items()
        }
    }
    for peer in peers.values():
        if peer.skipped:
            print(f"  skipped {peer.name}: {peer.skipped}")
        else:
            print(f"  {peer.name} {peer.version}: ready")
    ready = {k: p for k, p in peers.items() if p.rule is not None}
    if ready:
        cases = _check_peer_grid(ready)
        print(f"  agreement with the law's arithmetic on {cases} count combinations: yes")
    for case in ("eligible", "short"):
        p = Proposal.model_validate_json(example_text(case))
        status = _check_agreement(p, rulebook, case)
        counts = (
            len(p.sponsor_representative_ids),
            len(p.community.representatives(p.submitted_on)),
            len(p.sponsor_household_ids),
        )
        answers = {k: peer.rule(*counts) for k, peer in ready.items() if peer.rule is not None}
        for key, allowed in answers.items():
            if allowed != (status == "passed"):
                _fail(f"{case}: engine says {status}, {peers[key].name} says {allowed}")
        agree = ", ".join(["engine", "plain", *(ready[k].name for k in answers)])
        print(f"  case {case}: counts {counts} -> {status}; all agree ({agree})", flush=True)
        timings = run_group(_peer_benches(p, rulebook, ready), settings)
        _show(timings)
        ratios: dict[str, Any] = {}
        for key, peer in ready.items():
            ratios[f"engine/{key}"] = _ratio(
                timings,
                "engine",
                key,
                f"full explained Decision / {peer.name}",
                goal=PEER_GOAL,
            )
        ratios["engine/plain"] = _ratio(
            timings, "engine", "plain", "full explained Decision / plain function", BUDGET
        )
        for key, peer in ready.items():
            ratios[f"engine_rule/{key}"] = _ratio(
                timings, "engine_rule", key, f"sponsorship Finding alone / {peer.name}"
            )
        out[case] = {
            "status": status,
            "counts": dict(zip(("sponsoring_reps", "reps", "households"), counts, strict=True)),
            "benchmarks": {k: v.to_dict() for k, v in timings.items()},
            "ratios": ratios,
        }
    return out


def _evaluate_to_json(p: Proposal, rulebook: Rulebook) -> str:
    return evaluate(p, rulebook).to_json()


def section_json(settings: Settings, rulebook: Rulebook) -> dict[str, Any]:
    """What serialising a Decision costs next to making it."""
    _head("5. Decision.to_json() vs evaluate()")
    out: dict[str, Any] = {}
    for case in ("eligible", "short"):
        p = Proposal.model_validate_json(example_text(case))
        decision = evaluate(p, rulebook)
        size = len(decision.to_json().encode())
        print(f"  case {case}: {len(decision.findings)} findings, {size:,} bytes of JSON")
        timings = run_group(
            {
                "evaluate": Bench(
                    "engine   evaluate(p, rulebook) -> Decision",
                    functools.partial(evaluate, p, rulebook),
                ),
                "to_json": Bench(
                    "json     decision.to_json() (the same Decision each call)",
                    functools.partial(decision.to_json),
                ),
                "both": Bench(
                    "both     evaluate(p, rulebook).to_json() (a fresh Decision)",
                    functools.partial(_evaluate_to_json, p, rulebook),
                ),
            },
            settings,
        )
        _show(timings)
        out[case] = {
            "json_bytes": size,
            "benchmarks": {k: v.to_dict() for k, v in timings.items()},
            "ratios": {
                "to_json/evaluate": _ratio(
                    timings, "to_json", "evaluate", "Decision.to_json() / evaluate()"
                ),
                "both/evaluate": _ratio(
                    timings, "both", "evaluate", "evaluate + to_json / evaluate alone"
                ),
            },
        }
    return out


def _cgov() -> list[str] | None:
    """The ``cgov`` console script of this Python's environment, else the one on PATH."""
    beside = Path(sys.executable).with_name("cgov")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("cgov")
    return [found] if found else None


def _verify_batch(cgov: Command, baseline: Command, count: int) -> None:
    """Both commands must process every line: cgov writes one Decision per line."""
    done = run_once(cgov, ROOT, capture=True)
    lines = done.stdout.decode("utf-8").splitlines()
    formats = {json.loads(line).get("format") for line in lines}
    if len(lines) != count or formats != {"cg.decision/2"}:
        raise CommandFailed(f"cgov wrote {len(lines)} lines of {formats} for {count} items")
    counted = run_once(baseline, ROOT, capture=True).stdout.decode().strip()
    if counted != str(count):
        raise CommandFailed(f"the baseline counted {counted!r} items of {count}")


def section_batch(quick: bool) -> dict[str, Any]:
    """cgov check work-items on a generated JSON Lines file, lines per second on one core."""
    lines = 5_000 if quick else 20_000
    repeats = 5 if quick else 7
    pin = one_core()
    _head(f"6. batch: cgov check work-items --format json, {lines:,} lines, one core")
    cgov = _cgov()
    if cgov is None:
        print("  skipped: no cgov script (pip install -e . in this environment)")
        return {"skipped": "no cgov script"}
    baseline_script = str(Path(__file__).resolve().parent / "batch_baseline.py")
    with tempfile.TemporaryDirectory(prefix="cg-bench-") as tmp:
        files = {"big": Path(tmp) / f"items-{lines}.jsonl", "one": Path(tmp) / "items-1.jsonl"}
        templates = write_work_items(files["big"], lines)
        write_work_items(files["one"], 1)
        small = Path(tmp) / "items-check.jsonl"
        write_work_items(small, 200)

        def cg(path: Path, label: str) -> Command:
            argv = [*pin, *cgov, "check", "work-items", str(path), "--rulebook", "cn"]
            # exit 1: some items refused, 3: some indeterminate; 2 would mean invalid lines
            return Command(label, [*argv, "--format", "json"], frozenset({0, 1, 3}))

        def base(path: Path, label: str) -> Command:
            return Command(label, [*pin, sys.executable, baseline_script, str(path)])

        print(
            f"  {lines:,} items cycling {templates} examples/access templates; "
            f"{'pinned with taskset -c 0' if pin else 'not pinned (no taskset)'}; "
            f"{repeats} repeats, median",
            flush=True,
        )
        commands = {
            "cgov": cg(files["big"], f"cgov check work-items, {lines:,} lines"),
            "cgov_1": cg(files["one"], "cgov check work-items, 1 line (start-up)"),
            "base": base(files["big"], f"baseline json.loads + model_validate_json, {lines:,}"),
            "base_1": base(files["one"], "baseline, 1 line (start-up)"),
        }
        try:
            _verify_batch(cg(small, "check"), base(small, "check"), 200)
            timings = time_commands(commands, repeats, ROOT)
        except (CommandFailed, OSError, ValueError) as e:
            print(f"  error, section skipped: {e}")
            return {"skipped": str(e)}
    _show(timings)
    # Per line in the steady state: the N-line run less the 1-line run (start-up, imports,
    # rulebook), from the medians, and in brackets from the minima.
    per_line = {
        (k, stat): (getattr(timings[k], stat) - getattr(timings[f"{k}_1"], stat)) / (lines - 1)
        for k in ("cgov", "base")
        for stat in ("median_ns", "min_ns")
    }
    rate = {key: 1e9 / ns for key, ns in per_line.items()}
    cgov, base = rate["cgov", "median_ns"], rate["base", "median_ns"]
    raw = lines / (timings["cgov"].median_ns / 1e9)
    ratio = base / cgov
    ratio_min = rate["base", "min_ns"] / rate["cgov", "min_ns"]
    meets = cgov >= BATCH_GOAL_LINES_PER_S
    verdict = "meets goal" if meets else f"MISSES GOAL (< {BATCH_GOAL_LINES_PER_S:,})"
    print(
        f"    {'cgov, start-up subtracted':<40} {cgov:>9,.0f} lines/s "
        f"(min: {rate['cgov', 'min_ns']:,.0f})  {verdict}\n"
        f"    {'cgov, start-up included':<40} {raw:>9,.0f} lines/s\n"
        f"    {'baseline, start-up subtracted':<40} {base:>9,.0f} lines/s "
        f"(min: {rate['base', 'min_ns']:,.0f})\n"
        f"    {'cgov / baseline, time per line':<40} {ratio:9.2f}×  (min/min {ratio_min:.2f}×)"
    )
    return {
        "lines": lines,
        "pinned": bool(pin),
        "benchmarks": {k: v.to_dict() for k, v in timings.items()},
        "cgov_lines_per_s": round(cgov),
        "cgov_lines_per_s_with_startup": round(raw),
        "baseline_lines_per_s": round(base),
        "cgov/baseline": {"median": round(ratio, 3), "min": round(ratio_min, 3)},
        "goal_lines_per_s": BATCH_GOAL_LINES_PER_S,
        "meets_goal": meets,
    }


_DASK_SCRIPT = """
import sys
from community_governance.batch.dask import audit_dataset
summary = audit_dataset(sys.argv[1], "work-item", "cn", sys.argv[2], num_workers=2)
print(summary.total)
"""


def _split(source: Path, parts: int, folder: Path) -> None:
    """``source`` in ``parts`` partition files of consecutive lines."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    size = -(-len(lines) // parts)
    folder.mkdir()
    for i in range(parts):
        chunk = lines[i * size : (i + 1) * size]
        (folder / f"part-{i:03d}.jsonl").write_text("".join(chunk), encoding="utf-8")


def section_scale(quick: bool) -> dict[str, Any]:
    """Serial vs --jobs 2 (by chunk size) vs Dask on 2 processes, on one generated file."""
    lines = SCALE_LINES[1] if quick else SCALE_LINES[0]
    repeats = 3 if quick else 5
    _head(f"7. scale: {lines:,} work-item lines, serial vs --jobs 2 vs Dask (2 processes)")
    cgov = _cgov()
    if cgov is None:
        print("  skipped: no cgov script (pip install -e . in this environment)")
        return {"skipped": "no cgov script"}
    try:
        import dask  # noqa: F401

        has_dask = True
    except ImportError:
        has_dask = False
    with tempfile.TemporaryDirectory(prefix="cg-scale-") as tmp:
        data = Path(tmp) / "items.jsonl"
        write_work_items(data, lines)
        _split(data, SCALE_PARTITIONS, Path(tmp) / "parts")
        ok = frozenset({0, 1, 3})

        def cg(*extra: str) -> list[str]:
            base = [*cgov, "check", "work-item", "--jsonl", str(data), "--rulebook", "cn"]
            return [*base, "--format", "json", *extra]

        commands = {"serial": Command("cgov --jsonl, serial", cg(), ok)}
        for chunk in SCALE_CHUNKS:
            commands[f"jobs2_c{chunk}"] = Command(
                f"cgov --jsonl --jobs 2 --chunk-size {chunk}",
                cg("--jobs", "2", "--chunk-size", str(chunk)),
                ok,
            )
        if has_dask:
            dask_argv = [
                sys.executable,
                "-c",
                _DASK_SCRIPT,
                str(Path(tmp) / "parts"),
                str(Path(tmp) / "out"),
            ]
            commands["dask2"] = Command(
                f"Dask, {SCALE_PARTITIONS} partitions, 2 processes", dask_argv
            )
        print(
            f"  {os.cpu_count()} CPUs (shared), not pinned; {repeats} repeats, median; "
            f"every run writes one Decision a line",
            flush=True,
        )
        try:
            serial = run_once(commands["serial"], ROOT, capture=True).stdout
            pooled = run_once(commands["jobs2_c256"], ROOT, capture=True).stdout
            if serial != pooled:
                raise CommandFailed("--jobs 2 wrote other bytes than serial")
            if has_dask:
                run_once(commands["dask2"], ROOT, capture=True)
                written = b"".join(
                    p.read_bytes() for p in sorted((Path(tmp) / "out").glob("*.jsonl"))
                )
                if written != serial:
                    raise CommandFailed("Dask wrote other decisions than serial")
            timings = time_commands(commands, repeats, ROOT)
        except (CommandFailed, OSError, ValueError) as e:
            print(f"  error, section skipped: {e}")
            return {"skipped": str(e)}
    _show(timings)
    rate = {k: lines / (t.median_ns / 1e9) for k, t in timings.items()}
    for key, value in rate.items():
        ratio = value / rate["serial"]
        print(f"    {timings[key].label:<48} {value:>9,.0f} lines/s  {ratio:5.2f}× serial")
    if not has_dask:
        print("  Dask: skipped (pip install -e '.[dask]')")
    return {
        "lines": lines,
        "cpu_count": os.cpu_count(),
        "benchmarks": {k: v.to_dict() for k, v in timings.items()},
        "lines_per_s": {k: round(v) for k, v in rate.items()},
        "ratio_to_serial": {k: round(v / rate["serial"], 3) for k, v in rate.items()},
        "dask": has_dask,
        "identical_output": True,
    }


def _importtime(python: str, module: str) -> list[tuple[str, int, int]]:
    """(module, self µs, cumulative µs) from ``python -X importtime``.

    A module can be reported twice: where it ran, and again, with almost no time of its own,
    where an ``import a.b.c`` that first had to import its package ``a.b`` returned (that
    line's cumulative time is the package's). The line with more time of its own is kept.
    """
    done = subprocess.run(
        [python, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    rows: dict[str, tuple[str, int, int]] = {}
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3 or not parts[0].strip().isdigit():
            continue
        name = parts[2].strip()
        row = (name, int(parts[0]), int(parts[1]))
        if name not in rows or row[1] > rows[name][1]:
            rows[name] = row
    return list(rows.values())


def _write_importtime(rows: list[tuple[str, int, int]], path: Path) -> list[dict[str, Any]]:
    own = sorted(
        (r for r in rows if r[0].split(".")[0] == "community_governance"),
        key=lambda r: -r[2],
    )[:10]
    slowest = sorted(rows, key=lambda r: -r[1])[:10]
    text = [
        f"python -X importtime -c 'import community_governance'  ({sys.version.split()[0]}, "
        f"commit {(_git_commit() or '?')[:12]}, {dt.datetime.now().isoformat(timespec='seconds')})",
        "",
        "top 10 community_governance modules by cumulative time (µs; includes what they import)",
        *(f"  {c:>9,}  {s:>9,}  {n}" for n, s, c in own),
        "",
        "top 10 modules of any package by their own time (µs)",
        *(f"  {s:>9,}  {n}" for n, s, _ in slowest),
        "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(text), encoding="utf-8")
    return [{"module": n, "self_us": s, "cumulative_us": c} for n, s, c in own]


def section_import(quick: bool) -> dict[str, Any]:
    """Import time of the package vs pydantic's BaseModel, fresh interpreters."""
    repeats = 15 if quick else 25
    pin = one_core()
    _head(f"7. import time: fresh interpreters, {repeats} interleaved repeats, median")
    py = sys.executable
    commands = {
        "package": Command(
            "python -c 'import community_governance'",
            [*pin, py, "-c", "import community_governance"],
        ),
        "pydantic": Command(
            "python -c 'from pydantic import BaseModel'",
            [*pin, py, "-c", "from pydantic import BaseModel"],
        ),
        "bare": Command("python -c pass (the interpreter alone)", [*pin, py, "-c", "pass"]),
    }
    timings = time_commands(commands, repeats, ROOT)
    _show(timings)
    above = (timings["package"].median_ns - timings["bare"].median_ns) / (
        timings["pydantic"].median_ns - timings["bare"].median_ns
    )
    ratios = {
        "package/pydantic": _ratio(
            timings,
            "package",
            "pydantic",
            "import community_governance / from pydantic import BaseModel",
            goal=IMPORT_GOAL,
        )
    }
    print(f"    {'the same, each less the bare interpreter':<58} {above:8.2f}×")
    path = RESULTS / "importtime-community_governance.txt"
    top = _write_importtime(_importtime(py, "community_governance"), path)
    print("  slowest community_governance imports, cumulative (python -X importtime):")
    for row in top[:5]:
        print(f"    {row['cumulative_us'] / 1e3:8.1f} ms  {row['module']}")
    print(f"  top 10 written to {path.relative_to(ROOT)}")
    return {
        "benchmarks": {k: v.to_dict() for k, v in timings.items()},
        "ratios": ratios,
        "package/pydantic_above_bare": round(above, 3),
        "importtime_top10": top,
    }


def _rss() -> int:
    """Resident set size now, in bytes (Linux /proc; else the peak, from getrusage)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


def _growth(samples: list[int]) -> float:
    """Relative growth over the last five samples."""
    first, last = samples[-5], samples[-1]
    return (last - first) / first


def section_memory_1e6(quick: bool, rulebook: Rulebook) -> dict[str, Any]:
    """Does memory stay flat over a million decisions? RSS and live blocks, then tracemalloc."""
    total = 100_000 if quick else 1_000_000
    step = total // 10
    _head(f"8. memory over {total:,} evaluations (nothing kept), sampled every {step:,}")
    a = Proposal.model_validate_json(example_text("eligible"))
    b = Proposal.model_validate_json(example_text("short"))
    for _ in range(1000):  # warm: lazily built caches are not growth
        evaluate(a, rulebook)
        evaluate(b, rulebook)
    gc.collect()
    rss, blocks = [_rss()], [sys.getallocatedblocks()]
    started = time.perf_counter()
    for _ in range(10):
        for _ in itertools.repeat(None, step // 2):
            evaluate(a, rulebook)
            evaluate(b, rulebook)
        gc.collect()
        rss.append(_rss())
        blocks.append(sys.getallocatedblocks())
    elapsed = time.perf_counter() - started
    rss_growth, block_growth = _growth(rss), _growth(blocks)
    flat = rss_growth < FLAT_GROWTH and block_growth < FLAT_GROWTH
    print(f"  {total:,} evaluations (eligible and short alternately) in {elapsed:.1f} s")
    print(f"    {'evaluations':>11}  {'RSS MiB':>9}  {'live blocks':>12}")
    for i, (r, n) in enumerate(zip(rss, blocks, strict=True)):
        print(f"    {i * step:>11,}  {r / 2**20:9.2f}  {n:>12,}")
    print(
        f"    growth over the last 5 samples: RSS {rss_growth:+.3%}, live blocks "
        f"{block_growth:+.3%} -> {'flat' if flat else 'GROWING'} (flat: both < 1%)"
    )
    # tracemalloc is ~7× slower, so it only watches a short window, to say where any growth is.
    window = 2_000 if quick else 10_000
    gc.collect()
    tracemalloc.start()
    try:
        for _ in range(window):
            evaluate(a, rulebook)
        gc.collect()
        before = tracemalloc.take_snapshot()
        for _ in range(window):
            evaluate(a, rulebook)
        gc.collect()
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    mine = [tracemalloc.Filter(False, tracemalloc.__file__)]  # the snapshots' own memory
    diff = after.filter_traces(mine).compare_to(before.filter_traces(mine), "lineno")
    net = sum(d.size_diff for d in diff)
    print(
        f"    tracemalloc over {window:,} more evaluations: {net:+,} B "
        f"({net / window:+.2f} B per evaluation)"
    )
    if net > 0:  # where the memory went
        for d in sorted(diff, key=lambda d: -d.size_diff)[:3]:
            print(f"      {d.size_diff:+,} B  {d.traceback[0]}")
    return {
        "evaluations": total,
        "step": step,
        "rss_bytes": rss,
        "allocated_blocks": blocks,
        "rss_growth_last5": round(rss_growth, 5),
        "blocks_growth_last5": round(block_growth, 5),
        "flat": flat,
        "tracemalloc_window": window,
        "tracemalloc_net_bytes": net,
        "elapsed_s": round(elapsed, 1),
    }


def _once(fn: Callable[[], object]) -> tuple[int, object]:
    gc.collect()
    t0 = time.perf_counter_ns()
    result = fn()
    return time.perf_counter_ns() - t0, result


def section_cold(quick: bool, rulebook: Rulebook) -> dict[str, Any]:
    """The first evaluate on a freshly validated 50,000-representative proposal vs a scan."""
    size, repeats = 50_000, 3 if quick else 7
    _head(f"9. cold start: first evaluate() on a fresh {size:,}-representative proposal")
    text = synthetic_proposal_text(size)
    labels = {
        "cold": "engine   first evaluate(p, rulebook) on a fresh proposal",
        "scan": "plain    plain_representatives_count(p): one memberships scan",
        "warm": "engine   second evaluate(p, rulebook), caches warm",
        "miss": "part     p.community.representatives(another date): memo miss",
        "parse": "parse    Proposal.model_validate_json(text), validators included",
    }
    timings = {k: Timing(k, label, 1) for k, label in labels.items()}
    print(f"  {len(text.encode()):,} bytes of JSON; {repeats} fresh proposals, one call each")
    for r in range(repeats):
        ns, parsed = _once(functools.partial(Proposal.model_validate_json, text))
        timings["parse"].per_call_ns.append(ns)
        p = parsed  # a fresh object: no evaluation has seen it
        assert isinstance(p, Proposal)
        del parsed
        order = ("cold", "scan") if r % 2 == 0 else ("scan", "cold")
        calls: dict[str, Callable[[], object]] = {
            "cold": functools.partial(evaluate, p, rulebook),
            "scan": functools.partial(plain_representatives_count, p),
        }
        results: dict[str, object] = {}
        for key in order:
            ns, results[key] = _once(calls[key])
            timings[key].per_call_ns.append(ns)
        ns, _ = _once(functools.partial(evaluate, p, rulebook))
        timings["warm"].per_call_ns.append(ns)
        other = p.submitted_on + dt.timedelta(days=1)
        ns, _ = _once(functools.partial(p.community.representatives, other))
        timings["miss"].per_call_ns.append(ns)
        if r == 0:
            counted = results["scan"]
            assert isinstance(counted, int)
            status = _check_agreement(p, rulebook, f"{size} representatives")
            if counted != len(p.community.representatives(p.submitted_on)):
                _fail(f"the hand scan counts {counted} representatives, the model another")
            floor = plain_floor(
                len(p.sponsor_representative_ids), counted, len(p.sponsor_household_ids)
            )
            if floor != (status == "passed"):
                _fail(f"cold-50k: engine says {status}, the hand scan's counts say {floor}")
            print(f"  {counted:,} representatives on {p.submitted_on} -> {RULE} {status}")
        del p, calls, results
    _show(timings)
    ratios = {
        "cold/scan": _ratio(
            timings, "cold", "scan", "first evaluate / hand-written scan", goal=COLD_GOAL
        ),
        "miss/scan": _ratio(
            timings, "miss", "scan", "representatives() memo miss / hand-written scan"
        ),
        "cold/warm": _ratio(timings, "cold", "warm", "first evaluate / second evaluate"),
    }
    print(
        "  note: validating a Proposal already asks representatives(submitted_on) to check the\n"
        "  sponsors, so its scan is paid while parsing and the first evaluate finds it done;\n"
        "  'memo miss' shows what that scan costs the model on a date not yet asked."
    )
    return {
        "representatives": size,
        "input_bytes": len(text.encode()),
        "benchmarks": {k: v.to_dict() for k, v in timings.items()},
        "ratios": ratios,
    }


class _MonitorRun:
    """Feed a run's events through a durable-rules monitor, then forget the run, so that
    every call starts it afresh (as `replay` does) under the same id; the lines are built
    once, like the `ProcedureRun` that replay reads."""

    def __init__(self, monitor: Any, run: ProcedureRun, line: Callable[..., Any]) -> None:
        self.monitor = monitor
        self.run_id = run.id
        self.lines = [line(run=run.id, event=e) for e in run.events]

    def __call__(self) -> Any:
        for line in self.lines:
            self.monitor.feed(line)
        state = self.monitor.run(self.run_id)
        self.monitor.forget(self.run_id)
        return state


def section_durable(settings: Settings) -> dict[str, Any]:
    """Procedure events per second: the durable-rules monitor vs native replay, same runs."""
    _head("10. durable-rules monitor vs native replay(): procedure events per second")
    try:
        from community_governance.durable import Monitor, StepLine, new_host

        host = new_host()
    except ImportError as e:
        print(f"  skipped: {e}")
        return {"skipped": str(e)}
    print(
        f"  durable_rules {_package_version('durable_rules')}: ready (the monitors' own "
        "host: no dispatch threads)"
    )
    out: dict[str, Any] = {}
    totals = {"monitor": [0.0, 0.0], "replay": [0.0, 0.0]}
    events_total = 0
    for name in DURABLE_RUNS:
        path = ROOT / "examples" / "procedures" / f"{name}.json"
        run = ProcedureRun.model_validate_json(path.read_text(encoding="utf-8"))
        rulebook = get_rulebook(run.rulebook)
        monitor = Monitor(rulebook, at=run.events[0].on, host=host)
        fed = _MonitorRun(monitor, run, StepLine)
        native = replay(run, rulebook)
        if fed().to_dict() != native.to_dict():
            _fail(f"durable: the monitor and replay() disagree on {name}")
        outcome = "refused at " + native.rejection.step if native.rejection else native.state
        n = len(run.events)
        print(
            f"  run {name} ({run.rulebook}): {n} events -> {outcome}; monitor and replay agree",
            flush=True,
        )
        timings = run_group(
            {
                "monitor": Bench(
                    "monitor  Monitor.feed(StepLine) per event, the run then forgotten", fed
                ),
                "replay": Bench(
                    "native   replay(run, rulebook)", functools.partial(replay, run, rulebook)
                ),
            },
            settings,
        )
        _show(timings)
        rates = {k: n * 1e9 / t.median_ns for k, t in timings.items()}
        for k, t in timings.items():
            totals[k][0] += t.median_ns
            totals[k][1] += t.min_ns
        events_total += n
        print(
            f"    {'events per second':<58} monitor {rates['monitor']:>9,.0f}   "
            f"replay {rates['replay']:>9,.0f}"
        )
        out[name] = {
            "rulebook": run.rulebook,
            "events": n,
            "outcome": outcome,
            "benchmarks": {k: v.to_dict() for k, v in timings.items()},
            "events_per_s": {k: round(v) for k, v in rates.items()},
            "ratios": {
                "monitor/replay": _ratio(
                    timings, "monitor", "replay", "monitor / replay, time per event"
                )
            },
        }
    monitor_rate = events_total * 1e9 / totals["monitor"][0]
    replay_rate = events_total * 1e9 / totals["replay"][0]
    ratio = totals["monitor"][0] / totals["replay"][0]
    ratio_min = totals["monitor"][1] / totals["replay"][1]
    print(
        f"  all {len(DURABLE_RUNS)} runs, {events_total} events: monitor {monitor_rate:,.0f} "
        f"events/s, replay {replay_rate:,.0f} events/s; monitor / replay {ratio:.2f}× "
        f"(min/min {ratio_min:.2f}×)"
    )
    out["all"] = {
        "events": events_total,
        "events_per_s": {"monitor": round(monitor_rate), "replay": round(replay_rate)},
        "monitor/replay": {"median": round(ratio, 3), "min": round(ratio_min, 3)},
    }
    return out


# --- service ------------------------------------------------------------------------------


def _percentiles(samples_ns: list[int]) -> dict[str, float]:
    """p50 and p95 (nearest rank) and the mean, in milliseconds."""
    ordered = sorted(samples_ns)

    def rank(q: float) -> float:
        return ordered[max(0, -(-len(ordered) * q // 100) - 1)] / 1e6

    return {
        "p50_ms": round(rank(50), 3),
        "p95_ms": round(rank(95), 3),
        "mean_ms": round(sum(ordered) / len(ordered) / 1e6, 3),
        "count": len(ordered),
    }


def _start_server(workers: int = 1) -> tuple[subprocess.Popen[str], str]:
    """``cgov serve --port 0 --workers N`` on 127.0.0.1; the process and its port once it
    listens and every worker process has started its application."""
    import queue
    import re
    import threading

    argv = [sys.executable, "-m", "community_governance.cli", "serve", "--port", "0"]
    proc = subprocess.Popen(
        [*argv, "--workers", str(workers)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    stderr = proc.stderr
    assert stderr is not None
    threading.Thread(target=lambda: [lines.put(x) for x in stderr], daemon=True).start()
    deadline = time.monotonic() + 60
    port, started = None, 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        m = re.search(r"running on http://127\.0\.0\.1:(\d+)", line)
        port = m.group(1) if m else port
        started += "Application startup complete" in line
        if port is not None and started >= workers:
            return proc, port
    proc.kill()
    raise RuntimeError("cgov serve did not start")


def _clients(
    count: int, per_client: int, call: Callable[[Any], object], make: Callable[[], Any]
) -> tuple[list[int], float]:
    """``count`` threads, each with its own ``make()`` state, calling ``call`` ``per_client``
    times after a start barrier: every call's latency (ns) and the wall time (s)."""
    import threading

    samples: list[list[int]] = [[] for _ in range(count)]
    barrier = threading.Barrier(count + 1)

    def worker(i: int) -> None:
        state = make()
        barrier.wait()
        for _ in range(per_client):
            t0 = time.perf_counter_ns()
            call(state)
            samples[i].append(time.perf_counter_ns() - t0)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    return [x for s in samples for x in s], time.perf_counter() - start


def section_service(quick: bool, rulebook: Rulebook) -> dict[str, Any]:
    """An HTTP request to a real server vs the library call, one client and 8 at once."""
    _head("11. service: POST /v1/check/proposal on loopback vs the library call")
    try:
        import http.client

        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as e:
        print(f"  skipped: {e} (pip install -e '.[service]')")
        return {"skipped": str(e)}
    text = example_text("eligible")
    body = text.encode("utf-8")
    path = f"/v1/check/proposal?rulebook={RULEBOOK}"
    expected = _end_to_end(text, rulebook)
    per_client = SERVICE_REQUESTS[1 if quick else 0]
    n = SERVICE_CLIENTS
    print(
        f"  input: examples/jinjiang/proposal-eligible.json, {len(body):,} bytes, 300 "
        f"households; {SERVICE_ROUNDS[1 if quick else 0]} rounds of {n} clients x "
        f"{per_client} requests (keep-alive), after a warm-up",
        flush=True,
    )
    rounds = SERVICE_ROUNDS[1 if quick else 0]
    one_lib: list[int] = []
    one_strict: list[int] = []
    one_http: list[int] = []
    many_lib: list[int] = []
    many_http: list[int] = []
    many_pool: list[int] = []
    lib_wall = http_wall = pool_wall = 0.0

    def library(_: object) -> str:
        return _end_to_end(text, rulebook)

    def strict(_: object) -> str:
        # what `cgov check` and the service do: the strict reader first (a key given twice,
        # NaN, depth), then the library call
        loads_json(text, "body")
        return _end_to_end(text, rulebook)

    proc, port = _start_server()
    # the same service in one process per core (cgov serve --workers 2)
    pool_proc, pool_port = _start_server(workers=2)
    try:

        def connect() -> http.client.HTTPConnection:
            return http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)

        def connect_pool() -> http.client.HTTPConnection:
            return http.client.HTTPConnection("127.0.0.1", int(pool_port), timeout=30)

        def request(conn: http.client.HTTPConnection) -> bytes:
            conn.request("POST", path, body, {"Content-Type": "application/json"})
            response = conn.getresponse()
            data = response.read()
            if response.status != 200:
                raise RuntimeError(f"HTTP {response.status}: {data[:200]!r}")
            return data

        warm = connect()
        if request(warm).decode("utf-8") != expected:
            _fail("service: the HTTP answer differs from the library's Decision")
        for _ in range(per_client):
            request(warm)
            library(None)
        for _ in range(4):  # each worker process builds its plans on its first requests
            _clients(n, per_client, request, connect_pool)
        # rounds interleave the four measurements, so that a slow moment of the machine
        # slows all of them, not one
        for _ in range(rounds):
            one_lib += _clients(1, per_client * 2, library, lambda: None)[0]
            one_strict += _clients(1, per_client * 2, strict, lambda: None)[0]
            one_http += _clients(1, per_client * 2, request, lambda: warm)[0]
            samples, wall = _clients(n, per_client, library, lambda: None)
            many_lib, lib_wall = many_lib + samples, lib_wall + wall
            samples, wall = _clients(n, per_client, request, connect)
            many_http, http_wall = many_http + samples, http_wall + wall
            samples, wall = _clients(n, per_client, request, connect_pool)
            many_pool, pool_wall = many_pool + samples, pool_wall + wall
        warm.close()
    finally:
        for p in (proc, pool_proc):
            p.terminate()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
    rows = {
        "library, 1 caller": _percentiles(one_lib),
        "strict read + library": _percentiles(one_strict),
        "HTTP, 1 client": _percentiles(one_http),
        f"library, {n} threads": _percentiles(many_lib),
        f"HTTP, {n} clients": _percentiles(many_http),
        f"HTTP, {n}, 2 workers": _percentiles(many_pool),
    }
    for label, r in rows.items():
        print(f"    {label:<22} p50 {r['p50_ms']:8.2f} ms  p95 {r['p95_ms']:8.2f} ms")
    thr_http, thr_lib = len(many_http) / http_wall, len(many_lib) / lib_wall
    thr_pool = len(many_pool) / pool_wall
    print(
        f"    throughput, {n} at once: HTTP {thr_http:,.0f} /s, HTTP with 2 workers "
        f"{thr_pool:,.0f} /s, library {thr_lib:,.0f} /s (one process: one core, the GIL)"
    )
    ratios = {}
    for key, num, den in (
        ("p50, 1 client", "HTTP, 1 client", "library, 1 caller"),
        ("p95, 1 client", "HTTP, 1 client", "library, 1 caller"),
        ("p50, vs strict read", "HTTP, 1 client", "strict read + library"),
        (f"p50, {n} clients", f"HTTP, {n} clients", f"library, {n} threads"),
        (f"p95, {n} clients", f"HTTP, {n} clients", f"library, {n} threads"),
        (f"p50, {n}, 2 workers", f"HTTP, {n}, 2 workers", f"library, {n} threads"),
        (f"p95, {n}, 2 workers", f"HTTP, {n}, 2 workers", f"library, {n} threads"),
    ):
        q = "p50_ms" if key.startswith("p50") else "p95_ms"
        ratio = rows[num][q] / rows[den][q]
        verdict = "meets goal" if ratio <= SERVICE_GOAL else f"MISSES GOAL (> {SERVICE_GOAL:g}×)"
        print(f"    HTTP / library, {key:<20} {ratio:8.2f}×  {verdict}")
        ratios[key] = {"ratio": round(ratio, 3), "goal": SERVICE_GOAL}
    cost = thr_lib / thr_http
    print(f"    cost per request, {n} at once (1/throughput): {cost:.2f}× the library's")
    ratios["cost per request"] = {"ratio": round(cost, 3), "goal": SERVICE_GOAL}
    pooled = thr_lib / thr_pool
    print(f"    cost per request, {n} at once, 2 workers: {pooled:.2f}× the library's")
    ratios["cost per request, 2 workers"] = {"ratio": round(pooled, 3), "goal": SERVICE_GOAL}
    return {
        "input_bytes": len(body),
        "clients": n,
        "rounds": rounds,
        "requests_per_client_per_round": per_client,
        "latency": rows,
        "throughput_per_s": {
            "http": round(thr_http, 1),
            "http_2_workers": round(thr_pool, 1),
            "library": round(thr_lib, 1),
        },
        "ratios": ratios,
    }


def _package_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


# --- main -------------------------------------------------------------------------------


def _git_commit() -> str | None:
    try:
        return subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "HEAD"],
            check=True,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def _meta(mode: str, settings: Settings) -> dict[str, Any]:
    import attrs
    import pydantic
    import pydantic_core

    return {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "mode": mode,
        "settings": {
            "repeats": settings.repeats,
            "target_ms": settings.target_ns / 1e6,
            "warmup_ms": settings.warmup_ns / 1e6,
        },
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor(),
        "cpu_count": os.cpu_count(),
        "community_governance": community_governance.__version__,
        "pydantic": pydantic.VERSION,
        "pydantic_core": pydantic_core.__version__,
        "attrs": attrs.__version__,
        "git_commit": _git_commit(),
    }


def _by_id_text(text: str) -> tuple[str, Any]:
    """The proposal of ``text`` naming its community by id, and the community."""
    data = json.loads(text)
    community = data.pop("community")
    return json.dumps({"community_id": community["id"], **data}, ensure_ascii=False), community


def section_store(settings: Settings) -> dict[str, Any]:
    """Per-proposal validation: ``community_id`` through a store vs the whole community."""
    from community_governance.models import Community
    from community_governance.store import (
        MemoryCommunityStore,
        SQLiteCommunityStore,
        validate_json,
    )

    _head("store: a proposal naming its community by id vs carrying it whole")
    out: dict[str, Any] = {}
    cases = {
        "300-households": example_text("eligible"),
        "20000-households": synthetic_proposal_text(3334),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for case, text in cases.items():
            by_id, community_data = _by_id_text(text)
            community = Community.model_validate(community_data)
            day = dt.date(2000, 1, 1)
            sqlite = SQLiteCommunityStore(Path(tmp) / f"{case}.db")
            memory = MemoryCommunityStore()
            for store in (sqlite, memory):
                store.put(community, valid_from=day)
            whole = Proposal.model_validate_json(text)
            for store in (sqlite, memory):  # the same model, and the cache warmed
                assert validate_json(Proposal, by_id, store) == whole
            print(
                f"  case {case}: {len(text.encode()):,} bytes whole, "
                f"{len(by_id.encode()):,} bytes by id",
                flush=True,
            )
            timings = run_group(
                {
                    "whole": Bench(
                        "whole       Proposal.model_validate_json(text)",
                        functools.partial(Proposal.model_validate_json, text),
                    ),
                    "sqlite": Bench(
                        "by id       validate_json(Proposal, text, SQLite store)",
                        functools.partial(validate_json, Proposal, by_id, sqlite),
                    ),
                    "memory": Bench(
                        "by id       validate_json(Proposal, text, memory store)",
                        functools.partial(validate_json, Proposal, by_id, memory),
                    ),
                },
                settings,
            )
            _show(timings)
            out[case] = {
                "input_bytes": {"whole": len(text.encode()), "by_id": len(by_id.encode())},
                "benchmarks": {k: v.to_dict() for k, v in timings.items()},
                "ratios": {
                    "sqlite/whole": _ratio(
                        timings, "sqlite", "whole", "by id (SQLite) / whole community"
                    ),
                    "memory/whole": _ratio(
                        timings, "memory", "whole", "by id (memory) / whole community"
                    ),
                },
            }
            sqlite.close()
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks, print them, optionally write JSON; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short run (< 1 min)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write results as JSON")
    parser.add_argument(
        "--section",
        action="append",
        choices=SECTIONS,
        help="run only this section (repeatable; default: all)",
    )
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else DEFAULT
    mode = "quick" if args.quick else "default"
    sections = args.section or list(SECTIONS)
    meta = _meta(mode, settings)
    print(
        f"community_governance {meta['community_governance']} · Python {meta['python']} "
        f"({meta['implementation']}) · pydantic {meta['pydantic']} · {meta['platform']} · "
        f"{meta['cpu_count']} CPUs · {mode} run: {settings.repeats} repeats of "
        f"~{settings.target_ns / 1e6:g} ms, median and min per call"
    )
    rulebook = get_rulebook(RULEBOOK)
    started = dt.datetime.now()
    results: dict[str, Any] = {"meta": meta}
    if "decision" in sections:
        results["decision"] = section_decision(settings, rulebook)
    if "e2e" in sections:
        results["e2e"] = section_e2e(settings, rulebook)
    if "memory" in sections:
        results["memory"] = section_memory(args.quick, rulebook)
    if "scaling" in sections:
        results["scaling"] = section_scaling(settings, rulebook, SCALING_SIZES)
    if "peers" in sections:
        results["peers"] = section_peers(settings, rulebook)
    if "json" in sections:
        results["json"] = section_json(settings, rulebook)
    if "batch" in sections:
        results["batch"] = section_batch(args.quick)
    if "scale" in sections:
        results["scale"] = section_scale(args.quick)
    if "import" in sections:
        results["import"] = section_import(args.quick)
    if "memory-1e6" in sections:
        results["memory-1e6"] = section_memory_1e6(args.quick, rulebook)
    if "cold-50k" in sections:
        results["cold-50k"] = section_cold(args.quick, rulebook)
    if "durable" in sections:
        results["durable"] = section_durable(settings)
    if "service" in sections:
        results["service"] = section_service(args.quick, rulebook)
    if "store" in sections:
        results["store"] = section_store(settings)
    elapsed = (dt.datetime.now() - started).total_seconds()
    results["meta"]["elapsed_s"] = round(elapsed, 1)
    print(f"\ndone in {elapsed:.1f} s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print(f"results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
