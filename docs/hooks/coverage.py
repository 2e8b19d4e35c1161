"""MkDocs hook: render the coverage page (docs/coverage.md) from the built-in rulebooks and ONE
data file, ``docs/coverage/items.yaml``.

The data file lists every item of the legal review of 2026-11 — the national obligations of
§5 and the rows of the seed tables of §6 — each with the rule ids that encode it or the reason
it is not encoded. At build time this hook checks every rule id against the rulebook the item
names (a rule renamed or removed fails the build: the page cannot drift from the code), and
replaces the marker line in ``coverage.md`` with tables: each rule linked into the rule
catalogue with its title as in force on the day the site is built, each seed with its Y / P / N
counts. ``tests/test_coverage.py`` checks the same file without building the site.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path
from typing import Any

# Build from the working tree even when the package is not installed in editable mode.
_SRC = Path(__file__).resolve().parents[2] / "src"
if _SRC.is_dir() and str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))

PAGE = "coverage.md"
MARKER = "<!-- coverage -->"
DATA = Path(__file__).resolve().parents[1] / "coverage" / "items.yaml"
#: What a reason starts with: why an item is not (wholly) encoded.
REASONS = (
    "partly",
    "progress figure",
    "no fact to check",
    "text not read",
    "input cannot carry the fact",
)
STATUSES = ("Y", "P", "N")
_STATUS = {"Y": "Y 已编码 encoded", "P": "P 部分 partly", "N": "N 未编码 not encoded"}
_SECTIONS = (
    ("top-", "Top 10 for an app that validates procedures 最优先的十项"),
    ("M-U", "Urban organic law 2025 城市居民委员会组织法"),
    ("M-V", "Village organic law 2018 / 2025 村民委员会组织法"),
    ("M-O", "Civil Code, SPC interpretation, 物业管理条例, 指导规则"),
    ("M-C", "农村集体经济组织法"),
    ("M-M", "人民调解法"),
)
_ESCAPE = str.maketrans({**{c: "\\" + c for c in "\\`*_[]|>"}, "<": "&lt;"})


def _md(text: str) -> str:
    return str(text).translate(_ESCAPE).replace("\n", " ")


def load(path: Path = DATA) -> dict[str, Any]:
    """The data file, parsed."""
    import yaml

    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def entries(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every item, national and seed, each seed item with its seed's rulebook filled in."""
    out = [dict(e) for e in data.get("national", [])]
    for seed in data.get("seeds", []):
        for e in seed.get("items", []):
            out.append({"rulebook": seed["rulebook"], "seed": seed["seed"], **e})
    return out


def _guards(book: Any) -> set[str]:
    return {g.id for pid in book.procedure_ids for g in book.procedure(pid).guards}


def problems(data: dict[str, Any]) -> list[str]:
    """Everything wrong with the data file: unknown rulebooks, rule or guard ids not in the
    named rulebook, an item without rules or a reason, a status its entry contradicts, a reason
    of no known kind, an id given twice."""
    import community_governance as cg

    out: list[str] = []
    seen: Counter[str] = Counter()
    for e in entries(data):
        item = e.get("id", "?")
        seen[item] += 1
        if not e.get("item"):
            out.append(f"{item}: no item text")
        book_id = e.get("rulebook")
        if book_id not in cg.BUILTIN_RULEBOOKS:
            out.append(f"{item}: rulebook {book_id!r} is not a built-in rulebook")
            continue
        book = cg.get_rulebook(book_id)
        ids = {r.id for r in book.effective_rules}
        out += [
            f"{item}: rule {r!r} is not in {book_id}" for r in e.get("rules", []) if r not in ids
        ]
        guards = _guards(book)
        out += [
            f"{item}: guard {g!r} is in no procedure of {book_id}"
            for g in e.get("guards", [])
            if g not in guards
        ]
        encoded = bool(e.get("rules") or e.get("guards"))
        reason = e.get("reason") or ""
        status = e.get("status")
        if status not in STATUSES:
            out.append(f"{item}: status must be one of {', '.join(STATUSES)} (got {status!r})")
        elif status == "Y" and not encoded:
            out.append(f"{item}: status Y needs the rules or guards that encode it")
        elif status == "Y" and reason:
            out.append(f"{item}: status Y takes a note, not a reason")
        elif status == "N" and encoded:
            out.append(f"{item}: status N names rules; make it P")
        elif status in ("P", "N") and not reason:
            out.append(f"{item}: status {status} needs a reason")
        if reason and not reason.startswith(REASONS):
            out.append(f"{item}: a reason starts with one of {', '.join(REASONS)}")
    out += [f"{item}: given {n} times" for item, n in seen.items() if n > 1]
    return out


def counts(items: list[dict[str, Any]]) -> dict[str, int]:
    """How many items have each status."""
    found = Counter(e["status"] for e in items)
    return {s: found.get(s, 0) for s in STATUSES}


def _anchor_book(book: Any, rule_id: str, cache: dict[str, dict[str, Any]]) -> str:
    """The rulebook whose catalogue entry writes the rule out (as docs/hooks/catalogue.py
    decides): the one that defines or replaces it, unless this one shows it differently."""

    def rules_of(b: Any) -> dict[str, Any]:
        if b.id not in cache:
            cache[b.id] = {r["id"]: r for r in b.to_dict()["rules"]}
        return cache[b.id]

    origin = book
    while origin is not None and not (
        any(r.id == rule_id for r in origin.rules)
        or any(r.rule.id == rule_id for r in origin.replace)
    ):
        origin = origin.parent
    if origin is None or origin is book:
        return str(book.id)
    same = rules_of(origin).get(rule_id) == rules_of(book).get(rule_id)
    return str(origin.id) if same else str(book.id)


def _encoded(e: dict[str, Any], today: dt.date, cache: dict[str, dict[str, Any]]) -> str:
    import community_governance as cg

    book = cg.get_rulebook(e["rulebook"])
    parts = []
    for rule_id in e.get("rules", []):
        where = _anchor_book(book, rule_id, cache)
        rule = book.rule(rule_id)
        zh, _ = rule.title(book, today)
        advisory = " *(advisory)*" if rule.severity == "advisory" else ""
        parts.append(f"[`{rule_id}`](rules.md#{where}:{rule_id}) {_md(zh)}{advisory}")
    parts += [f"guard `{g}`" for g in e.get("guards", [])]
    return "<br>".join(parts) or "—"


def _why(e: dict[str, Any]) -> str:
    text = e.get("reason") or e.get("note") or ""
    return _md(text) if text else "—"


def _table(
    items: list[dict[str, Any]], today: dt.date, cache: dict[str, dict[str, Any]]
) -> list[str]:
    out = [
        "| item 项目 | obligation / mechanism 内容 | status | encoded by 规则 "
        "| reason or note 说明 |",
        "|---|---|---|---|---|",
    ]
    for e in items:
        out.append(
            f"| **{_md(e['id'])}** | {_md(e['item'])} | {e['status']} | "
            f"{_encoded(e, today, cache)} | {_why(e)} |"
        )
    return [*out, ""]


def render(data: dict[str, Any] | None = None, today: dt.date | None = None) -> str:
    """The page body: the summary, the national items by statute, each seed with its counts.

    Raises:
        ValueError: the data file has problems (see `problems`).
    """
    data = load() if data is None else data
    found = problems(data)
    if found:
        raise ValueError("docs/coverage/items.yaml:\n" + "\n".join(found))
    day = today or dt.date.today()
    cache: dict[str, dict[str, Any]] = {}
    national = [dict(e) for e in data["national"]]
    out = [
        f"Generated from the built-in rulebooks and `docs/coverage/items.yaml` when this site "
        f"was built; rule titles as in force on {day.isoformat()}.",
        "",
        "## Summary 概览",
        "",
        "| part 部分 | items | Y | P | N |",
        "|---|---|---|---|---|",
    ]
    c = counts(national)
    out.append(
        f"| [National obligations (§5)](#national) | {len(national)} | {c['Y']} | {c['P']} | "
        f"{c['N']} |"
    )
    for seed in data["seeds"]:
        c = counts(seed["items"])
        out.append(
            f"| [Seed {seed['seed']} {_md(seed['name'])}](#seed-{seed['seed']}) | "
            f"{len(seed['items'])} | {c['Y']} | {c['P']} | {c['N']} |"
        )
    out += ["", "## National obligations (§5) 国家法律义务 { #national }", ""]
    for prefix, title in _SECTIONS:
        part = [e for e in national if e["id"].startswith(prefix)]
        out += [f"### {title}", "", *_table(part, day, cache)]
    out += ["## Seeds (§6) 种子文件 { #seeds }", ""]
    for seed in data["seeds"]:
        c = counts(seed["items"])
        r = seed.get("review", {})
        out += [
            f"### {seed['seed']} {_md(seed['name'])} {{ #seed-{seed['seed']} }}",
            "",
            f"Rulebook [`{seed['rulebook']}`](rules.md#rulebook:{seed['rulebook']}). "
            f"Now **{c['Y']} Y / {c['P']} P / {c['N']} N** of {len(seed['items'])} items"
            + (
                f" (the review counted {r.get('Y', 0)} Y / {r.get('P', 0)} P / {r.get('N', 0)} N "
                "by table row)."
                if r
                else "."
            ),
            "",
            *_table([{"rulebook": seed["rulebook"], **e} for e in seed["items"]], day, cache),
        ]
    return "\n".join(out) + "\n"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Fill in the coverage tables in ``coverage.md``."""
    if page.file.src_uri != PAGE:
        return markdown
    from mkdocs.exceptions import PluginError

    if MARKER not in markdown:
        raise PluginError(f"{PAGE}: the marker {MARKER!r} is missing")
    try:
        return markdown.replace(MARKER, render())
    except ValueError as e:
        raise PluginError(str(e)) from None
