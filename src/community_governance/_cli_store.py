"""``cgov store``: register community versions in a community store, list and show them; and
the ``--store PATH`` option of ``cgov check``, ``verify`` and ``serve``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
from typing import Any

from pydantic import ValidationError

from ._escape import excerpt, json_visible, visible
from ._io import loads_json, read_text
from .errors import format_text, problems
from .exceptions import InputError
from .models import Community

__all__ = ["add_store_parsers", "cmd_store", "open_store", "store_of"]

_STORE_HELP = (
    "a community store (an SQLite file, `cgov store put`): a subject may then name its "
    "community by community_id instead of carrying it whole"
)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(text: str) -> dt.date:
    try:
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD (got {excerpt(text)})")


def add_store_parsers(
    sub: Any, common: list[argparse.ArgumentParser], takes_store: list[argparse.ArgumentParser]
) -> None:
    """Add ``--store PATH`` to each parser of ``takes_store`` and the ``store`` command to
    ``sub``."""
    for p in takes_store:
        p.add_argument("--store", default=None, metavar="PATH", help=_STORE_HELP)
    store = sub.add_parser(
        "store",
        help="register communities once (社区登记) and list or show their dated versions",
        parents=common,
    )
    store_sub = store.add_subparsers(dest="store_command", required=True)
    put = store_sub.add_parser(
        "put",
        help="register a community file as the version in force from a date",
        parents=common,
        description="Register the community of FILE (JSON, `cgov schema community`) as its "
        "version in force from --from until the next version's date (exclusive). The store "
        "file is created if missing. Registering the same content again changes nothing; "
        "other content for the same id and date is refused: a version is never overwritten.",
    )
    put.add_argument("file", help="the community JSON file ('-' for standard input)")
    put.add_argument(
        "--from",
        dest="valid_from",
        type=_date,
        required=True,
        metavar="DATE",
        help="the first day the version is in force (YYYY-MM-DD)",
    )
    put.add_argument("--store", required=True, metavar="PATH", help="the store file")
    listing = store_sub.add_parser(
        "list", help="list the registered communities and their versions", parents=common
    )
    listing.add_argument("--store", required=True, metavar="PATH", help="the store file")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    show = store_sub.add_parser(
        "show", help="print the version of a community in force on a date", parents=common
    )
    show.add_argument("community_id", help="the community's id")
    show.add_argument(
        "--on",
        type=_date,
        default=None,
        metavar="DATE",
        help="the day (YYYY-MM-DD; default: today)",
    )
    show.add_argument("--store", required=True, metavar="PATH", help="the store file")


def open_store(path: str, *, create: bool = False) -> Any:
    """The SQLite community store at ``path``; unless ``create``, the file must exist (a
    mistyped path is an error, not an empty store)."""
    from .store import SQLiteCommunityStore

    if not create and not os.path.isfile(path):
        raise InputError(
            visible(path),
            None,
            "no such community store file (register a community with `cgov store put FILE "
            "--from DATE --store PATH` to create one)",
        )
    return SQLiteCommunityStore(path)


def store_of(args: argparse.Namespace) -> Any:
    """The store ``--store`` names, or ``None``."""
    path = getattr(args, "store", None)
    return None if path is None else open_store(path)


def _dates(store: Any, community_id: str) -> str:
    return ", ".join(v.valid_from.isoformat() for v in store.versions(community_id)) or "none"


def cmd_store(args: argparse.Namespace, run: Any) -> int:
    """Run ``cgov store put|list|show``; exit 0, or 1 (``show``: no version in force)."""
    if args.store_command == "put":
        text = read_text(args.file, limit=run.limits.input_bytes)
        loads_json(text, args.file, max_depth=run.limits.depth)
        try:
            community = Community.model_validate_json(text)
        except ValidationError as e:
            raise InputError(
                visible(args.file),
                None,
                "not a valid community:\n"
                + format_text(problems(e), source=args.file, what=e.title, limit=50),
            ) from None
        version = open_store(args.store, create=True).put(community, valid_from=args.valid_from)
        run.out.write(
            visible(
                f"registered: community {version.community_id} in force from "
                f"{version.valid_from.isoformat()} (sha256 {version.sha256})"
            )
            + "\n"
        )
        return 0
    store = open_store(args.store)
    if args.store_command == "list":
        found = {cid: store.versions(cid) for cid in store.community_ids()}
        if args.format == "json":
            data = {cid: [v.to_dict() for v in vs] for cid, vs in found.items()}
            run.out.write(json_visible(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
            return 0
        lines = [
            f"{cid}: "
            + ", ".join(f"from {v.valid_from.isoformat()} ({v.sha256[:12]}…)" for v in vs)
            for cid, vs in found.items()
        ]
        run.out.write(
            visible("\n".join(lines) or "(no communities registered)", keep_newlines=True) + "\n"
        )
        return 0
    on = args.on if args.on is not None else dt.date.today()
    stored = store.get(args.community_id, on)
    if stored is None:
        raise InputError(
            visible(args.store),
            None,
            f"community {args.community_id!r} has no version in force on {on.isoformat()} "
            f"(registered from: {_dates(store, args.community_id)})",
        )
    document = {
        "version": stored.version.to_dict(),
        "community": stored.community.model_dump(mode="json"),
    }
    run.out.write(json_visible(json.dumps(document, ensure_ascii=False, indent=2)) + "\n")
    return 0
