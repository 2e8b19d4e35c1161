"""Procedure-run logs as append-only, hash-chained records.

Each event of a chained log carries ``previous``: the SHA-256 of the canonical JSON of the
event before it (64 zeros, `GENESIS`, for the first). An event's canonical JSON is that of the
event *as the library reads it* — ``event.model_dump(mode="json", exclude_defaults=True)``
(ids normalised, dates as ISO strings, fields left at their default left out), ``previous``
included — written by ``json.dumps(…, ensure_ascii=False, sort_keys=True)``. Leaving defaults
out keeps a log's digests the same whether a writer spells defaults out or not, and when a
later version adds a field with a default.

So an event changed, removed, inserted or moved breaks the link of the event after it
(`broken_link` names the first). A change to the *last* event breaks no link: keep its digest
(`head`, printed by ``cgov procedure replay``) elsewhere to detect it.

`append_event` adds an event to a log, computing its link; `seal` links a legacy log whose
events carry no links.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ..exceptions import InputError
from ..models.procedure_run import Event, ProcedureRun
from ..rules.chain import GENESIS, canonical_sha256, first_broken_link
from ..rules.masking import Person, people_of

__all__ = [
    "GENESIS",
    "append_event",
    "broken_link",
    "event_digest",
    "event_entry",
    "head",
    "log_document",
    "people_of_events",
    "refuse_after",
    "seal",
]


def event_entry(event: Event) -> dict[str, Any]:
    """The event as the chain digests it: its JSON form without the fields left at their
    default."""
    return event.model_dump(mode="json", exclude_defaults=True)


def event_digest(event: Event) -> str:
    """SHA-256 (hex) of the event's canonical JSON: what the next event's ``previous`` holds.

    Examples:
        >>> event = Event.model_validate_json('{"step": "propose", "on": "2026-03-01"}')
        >>> event_digest(event) == canonical_sha256({"step": "propose", "on": "2026-03-01"})
        True
    """
    return canonical_sha256(event_entry(event))


def head(run: ProcedureRun) -> str:
    """The digest the next event of ``run`` links to: its last event's, or `GENESIS`."""
    return event_digest(run.events[-1]) if run.events else GENESIS


def broken_link(run: ProcedureRun) -> tuple[int, str] | None:
    """The first event of a chained log whose ``previous`` is not the digest of the event
    before it, with the reason; ``None`` if the chain is whole or the log is not chained.

    Examples:
        >>> first = Event.model_validate_json('{"step": "propose", "on": "2026-03-01"}')
        >>> later = Event.model_validate_json('{"step": "review", "on": "2026-03-05"}')
        >>> run = ProcedureRun(format="cg.procedure-run/1", id="R", rulebook="cn.ningxia")
        >>> run = append_event(append_event(run, first), later)
        >>> broken_link(run) is None
        True
        >>> swapped = run.model_copy(update={"events": run.events[::-1]})
        >>> broken_link(swapped)[0]
        0
    """
    if not run.is_chained:
        return None
    entries = [event_entry(e) for e in run.events]
    found = first_broken_link(entries)
    if found is None:
        return None
    i = found[0]
    expected = GENESIS if i == 0 else canonical_sha256(entries[i - 1])
    got = run.events[i].previous
    what = "the start of the log" if i == 0 else f"events[{i - 1}] ({run.events[i - 1].step})"
    return (
        i,
        f"previous is {got[:16] if got else 'missing'}…, but {what} has digest "
        f"{expected[:16]}…: the log was changed, reordered or cut before this event",
    )


def refuse_after(run_id: str, index: int, event: Event, at: dt.date | None) -> None:
    """Refuse an event dated after the day its log is read as of (``at``; default today): a
    log records only the steps already taken.

    Raises:
        InputError: ``event`` (at ``index`` in run ``run_id``) is dated after ``at``.
    """
    day = at if at is not None else dt.date.today()
    if event.on > day:
        whose = "the day the log is read as of" if at is not None else "today"
        raise InputError(
            f"run {run_id}",
            f"events[{index}].on",
            f"{event.on.isoformat()} ({event.step}) is too far ahead: it is after "
            f"{day.isoformat()}, {whose}, and a log records only the steps already taken",
        )


def _source(run: ProcedureRun) -> str:
    return f"run {run.id}"


def append_event(run: ProcedureRun, event: Event, *, at: dt.date | None = None) -> ProcedureRun:
    """``run`` with ``event`` appended, linked to the log's last event.

    The log is an append-only record of the steps taken: this does not judge the step
    (`replay` does), and a step refused on replay stays in the log.

    Args:
        run: the log.
        event: the step taken.
        at: the day it is recorded as of (default: today): ``event`` may not be dated after.

    Raises:
        InputError: the log has events but is not chained (`seal` it first), its chain is
            broken, ``event`` carries a ``previous`` that is not the log's `head`, or it is
            dated after ``at``.
    """
    refuse_after(run.id, len(run.events), event, at)
    if run.events and not run.is_chained:
        raise InputError(
            _source(run),
            "events",
            "the log is not hash-chained: seal it first (seal(run), cgov procedure seal)",
        )
    broken = broken_link(run)
    if broken is not None:
        raise InputError(_source(run), f"events[{broken[0]}].previous", broken[1])
    link = head(run)
    if event.previous is not None and event.previous != link:
        raise InputError(
            _source(run),
            f"events[{len(run.events)}].previous",
            f"{event.previous[:16]}… does not link to the log's last event (digest {link[:16]}…)",
        )
    linked = event if event.previous is not None else event.model_copy(update={"previous": link})
    return _with_events(run, (*run.events, linked))


def seal(run: ProcedureRun, *, at: dt.date | None = None) -> ProcedureRun:
    """A legacy log chained: each event given the digest of the one before it, in the order
    the log has them. A chained or empty log is returned as it is.

    Sealing vouches for the events as they stand: seal a log you trust, once.

    Raises:
        InputError: an event is dated after ``at`` (default: today), or the log is chained
            and its chain is broken.
    """
    for i, event in enumerate(run.events):
        refuse_after(run.id, i, event, at)
    broken = broken_link(run)
    if broken is not None:
        raise InputError(_source(run), f"events[{broken[0]}].previous", broken[1])
    if not run.events or run.is_chained:
        return run
    link = GENESIS
    events: list[Event] = []
    for event in run.events:
        linked = event.model_copy(update={"previous": link})
        events.append(linked)
        link = event_digest(linked)
    return _with_events(run, tuple(events))


def _with_events(run: ProcedureRun, events: tuple[Event, ...]) -> ProcedureRun:
    # validated again, so that the all-or-nothing rule on links holds for the new log
    return ProcedureRun.model_validate({**dict(run), "events": events})


def log_document(run: ProcedureRun) -> dict[str, Any]:
    """The log as a ``cg.procedure-run/1`` JSON object, each event in the form its digest is
    computed from (what ``cgov procedure append`` and ``seal`` print)."""
    return {
        "format": run.format,
        "id": run.id,
        "rulebook": run.rulebook,
        "procedure": run.procedure,
        "events": [event_entry(e) for e in run.events],
    }


def people_of_events(events: Iterable[Event | None]) -> tuple[Person, ...]:
    """The people the events' records name, for masking: the persons of a proposal's
    community, a meeting's unit owners."""
    found: dict[str, Person] = {}
    for event in events:
        if event is None:
            continue
        for record in (event.proposal, event.meeting):
            for person in people_of(record):
                found.setdefault(person.id, person)
    return tuple(found.values())
