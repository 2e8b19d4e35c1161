"""The Jinjiang sponsorship rule written for two peer rule engines, durable_rules and Cedar.

Both are optional (``pip install -e ".[bench]"``). `load_peers` returns, for each, either a
callable ``(sponsoring_reps, reps, households) -> bool`` or the reason it is unavailable, so
that the benchmark can skip a missing peer and say why instead of failing.

Each peer is given the three counts already computed (the representatives scan is not theirs
to do) and answers the same question as `_inputs.plain_floor`: at least 10% of the
representatives, inclusive (``sponsoring_reps * 10 >= reps``), or at least 50 households.
Every call is a real evaluation: nothing is memoised on either side.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from typing import Any

__all__ = ["CedarSponsorship", "DurableSponsorship", "Peer", "load_peers"]

#: A peer's rule: (sponsoring representatives, representatives, sponsoring households) -> passes?
PeerRule = Callable[[int, int, int], bool]

_names = itertools.count(1)


class DurableSponsorship:
    """The rule as a durable_rules ruleset; each call posts one event with the counts.

    durable_rules keeps its rulesets in one process-wide host, and a name can be registered
    there only once (a second registration raises "Ruleset with name … already registered"),
    so each instance registers a ruleset under a name unique to this process and instance.

    Events, unlike facts, are consumed by the rule they match, so nothing accumulates in the
    session between calls and an identical event posted again is evaluated again (facts would
    have to be retracted first, or the engine reports them as already observed). The two rules
    are complementary so that every event matches one: durable_rules raises
    ``MessageNotHandledException`` for an event no rule matches. Actions run synchronously
    inside `post`, and record the verdict where `__call__` reads it.

    Note: the durable_rules host starts two daemon timer threads (every ~0.2 s) when first
    used; they stay for the rest of the process.
    """

    def __init__(self) -> None:
        from durable.lang import m, post, ruleset, when_all

        self.name = f"cg_bench_sponsorship_{os.getpid()}_{next(_names)}"
        verdict: list[bool | None] = [None]
        with ruleset(self.name):

            @when_all((m.reps <= m.sponsoring_reps * 10) | (m.households >= 50))
            def sponsored(_: object) -> None:
                verdict[0] = True

            @when_all((m.reps > m.sponsoring_reps * 10) & (m.households < 50))
            def short(_: object) -> None:
                verdict[0] = False

        # durable_rules has no `a * k >= b`, only `b <= a * k`: arithmetic must be on the right.
        self._verdict = verdict
        self._post = post
        self(0, 1, 0)  # registers the ruleset with the host (done on first use)

    def __call__(self, sponsoring_reps: int, reps: int, households: int) -> bool:
        """Post one event with the counts and return the verdict its rule recorded."""
        self._verdict[0] = None
        self._post(
            self.name, {"sponsoring_reps": sponsoring_reps, "reps": reps, "households": households}
        )
        found = self._verdict[0]
        if found is None:
            raise RuntimeError(f"durable_rules: no rule of {self.name} fired")
        return found


#: The rule in Cedar: integers only, so 10% is ``sponsoring_reps * 10 >= reps`` (Cedar has no
#: division). Default deny: no permit means the proposal is short of sponsors.
CEDAR_POLICY = """\
permit (
    principal,
    action == Action::"submit_major_proposal",
    resource
)
when {
    context.sponsoring_reps * 10 >= context.reps || context.households >= 50
};
"""


class CedarSponsorship:
    """The rule as a Cedar policy, asked with `cedarpy.is_authorized`, schema-less.

    The policy set and the (empty) entity set are parsed once, as the engine's rulebook is;
    each call builds the request with the counts as context attributes.
    """

    def __init__(self) -> None:
        import cedarpy

        self._authorize: Any = cedarpy.is_authorized
        policy_set = getattr(cedarpy, "PolicySet", None)
        entities = getattr(cedarpy, "Entities", None)
        # Older cedarpy takes only text; newer parses once into reusable handles.
        self._policies: object = (
            policy_set.from_str(CEDAR_POLICY) if policy_set is not None else CEDAR_POLICY
        )
        self._entities: object = entities.from_json_str("[]") if entities is not None else []
        self._principal = 'Sponsors::"bench"'
        self._action = 'Action::"submit_major_proposal"'
        self._resource = 'Proposal::"bench"'
        self.check(0, 1, 0)

    def result(self, sponsoring_reps: int, reps: int, households: int) -> Any:
        """The full `AuthzResult` (decision and diagnostics)."""
        request = {
            "principal": self._principal,
            "action": self._action,
            "resource": self._resource,
            "context": {
                "sponsoring_reps": sponsoring_reps,
                "reps": reps,
                "households": households,
            },
        }
        return self._authorize(request, self._policies, self._entities)

    def __call__(self, sponsoring_reps: int, reps: int, households: int) -> bool:
        """Allowed?"""
        return bool(self.result(sponsoring_reps, reps, households).allowed)

    def check(self, sponsoring_reps: int, reps: int, households: int) -> bool:
        """Like calling it, but an evaluation error (which Cedar turns into a silent deny)
        raises instead."""
        found = self.result(sponsoring_reps, reps, households)
        errors = list(found.diagnostics.errors)
        if errors:
            raise RuntimeError(f"cedar policy error: {errors}")
        return bool(found.allowed)


@dataclass(frozen=True)
class Peer:
    """A peer engine: its rule, or why it is unavailable; and its package version."""

    name: str
    package: str
    rule: PeerRule | None
    version: str | None
    skipped: str | None


def _load(name: str, package: str, make: Callable[[], PeerRule]) -> Peer:
    try:
        version: str | None = metadata.version(package)
    except metadata.PackageNotFoundError:
        version = None
    try:
        rule = make()
    except ImportError as e:
        reason = f"{package} is not installed ({e}); pip install -e '.[bench]'"
        return Peer(name, package, None, version, reason)
    except Exception as e:  # a peer that cannot run is skipped, never fatal
        return Peer(name, package, None, version, f"{package} failed to start: {e!r}")
    return Peer(name, package, rule, version, None)


def load_peers() -> dict[str, Peer]:
    """The peers, keyed ``durable`` and ``cedar``; a missing one carries its skip reason."""
    return {
        "durable": _load("durable_rules", "durable_rules", DurableSponsorship),
        "cedar": _load("cedar", "cedarpy", CedarSponsorship),
    }
