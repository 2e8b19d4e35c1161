"""MkDocs hook: render the rule catalogue (docs/rules.md) from the built-in rulebooks.

The catalogue is never written by hand. At build time this hook imports the library, asks
for every built-in rulebook (`community_governance.builtin_rulebooks()`), and replaces the
marker line in ``rules.md`` with each rulebook's effective rules, citations and dated
parameter values, taken from ``Rulebook.to_dict()`` — the same data ``cgov rules --format
json`` prints. A rule is written out in full in the rulebook that defines it; a rulebook that
inherits it unchanged lists it and links there, and writes it out again only when it differs
(a parameter given new values, a replacement). Nothing is fetched from the network.

A second marker, ``<!-- rulebook-table -->``, may appear on any page: it becomes a table of
the built-in rulebooks linking into the catalogue.
"""

from __future__ import annotations

import posixpath
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

# Build from the working tree even when the package is not installed in editable mode.
_SRC = Path(__file__).resolve().parents[2] / "src"
if _SRC.is_dir() and str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))

PAGE = "rules.md"
MARKER = "<!-- rule-catalogue -->"
TABLE_MARKER = "<!-- rulebook-table -->"

_KIND = {
    "obligation": "义务 obligation",
    "prohibition": "禁止 prohibition",
    "permission": "权利 permission",
}
_SEVERITY = {"must": "必须 must", "advisory": "原则上 advisory (warns, never denies)"}
_SEVERITY_SHORT = {"must": "must", "advisory": "advisory 原则上"}
_SUBJECT = {
    "proposal": "议案 proposal",
    "body": "组织组成 body",
    "meeting": "会议 meeting",
    "work_item": "工作事项 work_item",
    "election": "选举 election",
    "recall": "罢免 recall",
    "annual_evaluation": "民主评议 annual_evaluation",
    "disclosure": "公开公示 disclosure",
}
_PARAM_KIND = {"count": "数量 count", "share": "比例 share"}
_ESCAPE = str.maketrans({**{c: "\\" + c for c in "\\`*_[]|>"}, "<": "&lt;"})


def _md(text: str) -> str:
    """Escape text for inline Markdown (table cells included)."""
    return text.translate(_ESCAPE).replace("\n", " ")


def _anchor(book_id: str, rule_id: str | None = None) -> str:
    return f"{book_id}:{rule_id}" if rule_id else f"rulebook:{book_id}"


def _span(valid_from: str | None, valid_to: str | None) -> str:
    if not valid_from and not valid_to:
        return "no start or end date 不限"
    start = valid_from or "…"
    end = f"{valid_to} (exclusive 不含)" if valid_to else "open 至今"
    return f"{start} – {end}"


def _value(raw: int | str, kind: str) -> str:
    if kind == "share":
        percent = Fraction(str(raw)) * 100
        if percent.denominator == 1:
            return f"`{raw}` ({percent}%)"
    return f"`{raw}`"


def _citation(c: dict[str, Any], *, bold: bool = True) -> str:
    source = f"**{_md(c['source'])}**" if bold else _md(c["source"])
    text = f"{source} {_md(c['locator'])}"
    if c.get("quote"):
        text += f" “{_md(c['quote'])}”"
    if c.get("confidence"):
        text += f" *(confidence: {c['confidence']})*"
    if c.get("note"):
        text += f"<br>*note:* {_md(c['note'])}"
    return text


def _origin(book: Any, rule_id: str) -> Any:
    """The rulebook, from ``book`` up its lineage, that added or replaced in the rule."""
    current = book
    while current is not None:
        if any(r.id == rule_id for r in current.rules) or any(
            r.rule.id == rule_id for r in current.replace
        ):
            return current
        current = current.parent
    return book  # pragma: no cover - every effective rule comes from the lineage


def _replacement(book: Any, rule_id: str) -> Any:
    return next((r for r in book.replace if r.rule.id == rule_id), None)


def _rule(book: Any, r: dict[str, Any], origin: Any) -> list[str]:
    if origin is book:
        defined = "this rulebook 本规则集"
    else:
        defined = (
            f"inherited from 继承自 [`{origin.id}`](#{_anchor(origin.id, r['id'])}), "
            "shown again because it differs here (parameter values 参数取值)"
        )
    out = [
        f"### `{r['id']}` {{ #{_anchor(book.id, r['id'])} }}",
        "",
        f"**{_md(r['title']['zh'])}**  ",
        _md(r["title"]["en"]),
        "",
        "| | |",
        "|---|---|",
        f"| 种类 kind | {_KIND.get(r['kind'], r['kind'])} |",
        f"| 效力 severity | {_SEVERITY.get(r['severity'], r['severity'])} |",
        f"| 对象 subject | {_SUBJECT.get(r['subject'], r['subject'])} |",
        f"| 施行期间 in force | {_span(r['valid_from'], r['valid_to'])} |",
        f"| 来源 defined in | {defined} |",
    ]
    replacement = _replacement(origin, r["id"]) if origin is book else None
    if replacement is not None:
        target = (
            f"[`{replacement.replaces}`](#{_anchor(book.parent.id, replacement.replaces)})"
            if book.parent is not None
            else f"`{replacement.replaces}`"
        )
        out.append(
            f"| 取代 replaces | {target} of `{book.parent.id if book.parent else ''}` — "
            f"{_md(replacement.reason)} ({_citation(replacement.citation.to_dict(), bold=False)}) |"
        )
    out += ["", "依据 citations:", ""]
    out += [f"- {_citation(c)}" for c in r["citations"]]
    out.append("")
    for p in r["parameters"]:
        out += [
            f"参数 parameter `{p['name']}` — {_md(p['title']['zh'])} / "
            f"{_md(p['title']['en'])} ({_PARAM_KIND.get(p['kind'], p['kind'])}):",
            "",
            "| value 数值 | valid from 起 | valid to 止 (exclusive) | citation 依据 |",
            "|---|---|---|---|",
        ]
        for v in p["versions"]:
            out.append(
                f"| {_value(v['value'], p['kind'])} | {v['valid_from']} | "
                f"{v['valid_to'] or '—'} | {_citation(v['citation'], bold=False)} |"
            )
        out.append("")
    return out


def _rulebook(book: Any) -> list[str]:
    data = book.to_dict()
    parent = data["extends"]
    out = [
        f"## `{data['id']}` {{ #{_anchor(data['id'])} }}",
        "",
        f"**{_md(data['title']['zh'])}**  ",
        _md(data["title"]["en"]),
        "",
        f"- version 版本: `{data['version']}`",
        "- extends 上级规则集: "
        + (f"[`{parent}`](#{_anchor(parent)})" if parent else "— (root 根规则集)"),
        f"- rules in force 有效规则: {len(data['rules'])}",
    ]
    if data["citations"]:
        out.append("- sources 依据:")
        out += [f"    - {_citation(c)}" for c in data["citations"]]
    out.append("")

    # Decide, rule by rule, whether it is written out here or only linked to.
    origin_dicts: dict[str, dict[str, Any]] = {}
    rows: list[str] = []
    full: list[tuple[dict[str, Any], Any]] = []
    for r in data["rules"]:
        origin = _origin(book, r["id"])
        if origin is not book:
            if origin.id not in origin_dicts:
                origin_dicts[origin.id] = {x["id"]: x for x in origin.to_dict()["rules"]}
            same = origin_dicts[origin.id].get(r["id"]) == r
        else:
            same = False
        where = origin.id if same else book.id
        if not same:
            full.append((r, origin))
        rows.append(
            f"| [`{r['id']}`](#{_anchor(where, r['id'])}) | {_md(r['title']['zh'])} | "
            f"{_SUBJECT.get(r['subject'], r['subject'])} | "
            f"{_SEVERITY_SHORT.get(r['severity'], r['severity'])} | "
            + ("this rulebook" if origin is book else f"`{origin.id}`")
            + " |"
        )
    out += [
        "| rule 规则 | title 标题 | subject 对象 | severity 效力 | from 来源 |",
        "|---|---|---|---|---|",
        *rows,
        "",
    ]
    if data["disabled"]:
        out += ["停用的规则 disabled rules:", ""]
        out += [
            f"- `{d['rule']}` — {_md(d['reason'])} ({_citation(d['citation'], bold=False)})"
            for d in data["disabled"]
        ]
        out.append("")
    for r, origin in full:
        out += _rule(book, r, origin)
    return out


def render() -> str:
    """The catalogue of every built-in rulebook, as Markdown."""
    import community_governance as cg

    out = [f"Generated from `community_governance` {cg.__version__} when this site was built.", ""]
    out.append(table(""))
    for b in cg.builtin_rulebooks():
        out += _rulebook(b)
    return "\n".join(out) + "\n"


def table(link_prefix: str) -> str:
    """A table of the built-in rulebooks; links point to ``{link_prefix}#rulebook:ID``."""
    import community_governance as cg

    out = [
        "| rulebook 规则集 | version | extends | rules | title 名称 |",
        "|---|---|---|---|---|",
    ]
    for b in cg.builtin_rulebooks():
        parent = f"`{b.parent.id}`" if b.parent else "—"
        out.append(
            f"| [`{b.id}`]({link_prefix}#{_anchor(b.id)}) | `{b.version}` | {parent} | "
            f"{len(b.effective_rules)} | {_md(b.title_zh)}<br>{_md(b.title_en)} |"
        )
    return "\n".join(out) + "\n"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Fill in the catalogue in ``rules.md`` and the rulebook table on any page."""
    src = page.file.src_uri
    if src == PAGE:
        if MARKER not in markdown:
            raise PluginError(f"{PAGE}: the marker {MARKER!r} is missing")
        markdown = markdown.replace(MARKER, render())
    if TABLE_MARKER in markdown:
        prefix = "" if src == PAGE else posixpath.relpath(PAGE, posixpath.dirname(src) or ".")
        markdown = markdown.replace(TABLE_MARKER, table(prefix))
    return markdown
