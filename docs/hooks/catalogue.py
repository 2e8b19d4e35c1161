"""MkDocs hook: render the rule catalogue (docs/rules.md) from the built-in rulebooks.

The catalogue is never written by hand. At build time this hook imports the library, asks
for every built-in rulebook (`community_governance.builtin_rulebooks()`), and replaces the
marker line in ``rules.md`` with each rulebook's effective rules, grouped by subject type:
each rule's title as in force on the day the site is built (`Rule.title(rulebook, today)`),
its scope (the facts that select it), the tables and the dated parameter values it reads, and
its citations — the same data ``cgov rules --format json`` prints, from ``Rulebook.to_dict()``.
A rule is written out in full in the rulebook that defines it; a rulebook that inherits it
unchanged lists it and links there, and writes it out again only when it differs (a parameter
given new values, a replacement). Tables are written out in the rulebook that defines or
layers them. Nothing is fetched from the network.

Two more markers may appear on any page: ``<!-- rulebook-table -->`` becomes a table of the
built-in rulebooks linking into the catalogue, ``<!-- scope-facts -->`` a table of the facts
each subject model offers to rule scopes (``scope_facts``).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
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
FACTS_MARKER = "<!-- scope-facts -->"

_KIND = {
    "obligation": "义务 obligation",
    "prohibition": "禁止 prohibition",
    "permission": "权利 permission",
}
_SEVERITY = {"must": "必须 must", "advisory": "原则上 advisory (warns, never denies)"}
_SEVERITY_SHORT = {"must": "must", "advisory": "advisory 原则上"}
_PARAM_KIND = {"count": "数量 count", "share": "比例 share"}
_ESCAPE = str.maketrans({**{c: "\\" + c for c in "\\`*_[]|>"}, "<": "&lt;"})


def _md(text: str) -> str:
    """Escape text for inline Markdown (table cells included)."""
    return text.translate(_ESCAPE).replace("\n", " ")


def _anchor(book_id: str, rule_id: str | None = None) -> str:
    return f"{book_id}:{rule_id}" if rule_id else f"rulebook:{book_id}"


def _subject_anchor(book_id: str, subject: str) -> str:
    return f"{book_id}--{subject}"


def _table_anchor(book_id: str, name: str) -> str:
    return f"{book_id}:table:{name}"


def _subject(subject: str) -> str:
    """``议案 proposal``: the subject model's Chinese name, then the type."""
    from community_governance import SUBJECT_MODELS

    model = SUBJECT_MODELS.get(subject)
    zh = getattr(model, "subject_zh", "") if model is not None else ""
    return f"{zh} {subject}" if zh else subject


def _scope(scope: dict[str, Any]) -> str:
    """The facts a scope selects on, or "every …" when it selects on none; a union of scopes
    (``any_of``) as its parts joined by "or"."""
    if "any_of" in scope:
        return " **or** ".join(
            _scope({"subject": scope["subject"], "facts": facts}) for facts in scope["any_of"]
        )
    facts = scope["facts"]
    if not facts:
        return f"every `{scope['subject']}` 全部"
    return "; ".join(
        f"`{name}` = " + " \\| ".join(f"`{v}`" for v in values) for name, values in facts.items()
    )


def _template(text: str) -> str:
    """A title template, each ``{parameter}`` placeholder shown as code."""
    parts = re.split(r"(\{[a-z0-9][a-z0-9.\-]*\})", text)
    return "".join(f"`{p}`" if i % 2 else _md(p) for i, p in enumerate(parts))


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


def _table_origin(book: Any, name: str) -> Any:
    """The nearest rulebook, from ``book`` up, that defines or layers table ``name``."""
    current = book
    while current is not None:
        if any(t.name == name for t in current.tables):
            return current
        current = current.parent
    return book  # pragma: no cover - a table read by a rule is defined in the lineage


def _replacement(book: Any, rule_id: str) -> Any:
    return next((r for r in book.replace if r.rule.id == rule_id), None)


def _title(book: Any, rule_id: str, today: dt.date) -> tuple[str, str]:
    """The rule's title as in force on ``today`` (parameters rendered)."""
    return book.rule(rule_id).title(book, today)  # type: ignore[no-any-return]


def _rule(book: Any, r: dict[str, Any], origin: Any, today: dt.date) -> list[str]:
    if origin is book:
        defined = "this rulebook 本规则集"
    else:
        defined = (
            f"inherited from 继承自 [`{origin.id}`](#{_anchor(origin.id, r['id'])}), "
            "shown again because it differs here (parameter values 参数取值)"
        )
    zh, en = _title(book, r["id"], today)
    out = [
        f"#### `{r['id']}` {{ #{_anchor(book.id, r['id'])} }}",
        "",
        f"**{_md(zh)}**  ",
        _md(en),
        "",
        "| | |",
        "|---|---|",
    ]
    if (zh, en) != (r["title"]["zh"], r["title"]["en"]):
        out.append(
            f"| 标题模板 title template | {_template(r['title']['zh'])}<br>"
            f"{_template(r['title']['en'])} |"
        )
    out += [
        f"| 适用范围 scope | {_subject(r['subject'])}: {_scope(r['scope'])} |",
        f"| 种类 kind | {_KIND.get(r['kind'], r['kind'])} |",
        f"| 效力 severity | {_SEVERITY.get(r['severity'], r['severity'])} |",
        f"| 施行期间 in force | {_span(r['valid_from'], r['valid_to'])} |",
    ]
    if r["tables"]:
        links = ", ".join(
            f"[`{name}`](#{_table_anchor(_table_origin(book, name).id, name)})"
            for name in r["tables"]
        )
        out.append(f"| 规则表 tables | {links} |")
    out.append(f"| 来源 defined in | {defined} |")
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


def _entry_value(value: Any) -> str:
    """A short text for a table entry's value (the value itself when it is short data)."""
    if isinstance(value, str | int | Fraction):
        return _md(str(value))
    for zh, en in (("title_zh", "title_en"), ("name_zh", "name_en")):
        if hasattr(value, zh):
            return _md(f"{getattr(value, zh)} / {getattr(value, en, '')}".rstrip(" /"))
    describe = getattr(value, "describe", None)
    if callable(describe):
        return _md(str(describe()))
    return f"*{_md(type(value).__name__)}*"


def _tables(book: Any) -> list[str]:
    """The tables this rulebook defines or layers, as it sees them (merged over the parent)."""
    own = [t.name for t in book.tables]
    if not own:
        return []
    out = ["### 规则表 tables", ""]
    for name in own:
        t = book.table(name)
        layer = next(x for x in book.tables if x.name == name)
        inherited = book.parent is not None and name in book.parent.table_names
        how = (
            f"layered over 叠加于 [`{_table_origin(book.parent, name).id}`]"
            f"(#{_table_anchor(_table_origin(book.parent, name).id, name)})"
            + (
                f"; removes 删除 {', '.join(f'`{k}`' for k in layer.remove)}"
                if layer.remove
                else ""
            )
            if inherited
            else "defined here 本规则集定义"
        )
        out += [
            f"#### `{name}` {{ #{_table_anchor(book.id, name)} }}",
            "",
            f"**{_md(t.title_zh)}** / {_md(t.title_en)} — {how}",
            "",
            "| key 键 | entry 内容 | in force 施行期间 | citation 依据 |",
            "|---|---|---|---|",
        ]
        for e in t.entries:
            v = e.validity
            span = _span(
                v.valid_from.isoformat() if v.valid_from else None,
                v.valid_to.isoformat() if v.valid_to else None,
            )
            out.append(
                f"| `{_md(e.key)}` | {_entry_value(e.value)} | {span} | "
                f"{_citation(e.citation.to_dict(), bold=False)} |"
            )
        out.append("")
    return out


def _subject_order(subjects: list[str]) -> list[str]:
    """Subject types in the order of ``SUBJECT_MODELS``, unknown ones last."""
    from community_governance import SUBJECT_MODELS

    known = list(SUBJECT_MODELS)
    return sorted(subjects, key=lambda s: (known.index(s) if s in known else len(known), s))


def _rulebook(book: Any, today: dt.date) -> list[str]:
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
        f"- rules 规则: {len(data['rules'])}",
    ]
    if data["citations"]:
        out.append("- sources 依据:")
        out += [f"    - {_citation(c)}" for c in data["citations"]]
    out.append("")

    # Decide, rule by rule, whether it is written out here or only linked to.
    origin_dicts: dict[str, dict[str, Any]] = {}
    by_subject: dict[str, list[tuple[dict[str, Any], Any, bool]]] = {}
    for r in data["rules"]:
        origin = _origin(book, r["id"])
        if origin is not book:
            if origin.id not in origin_dicts:
                origin_dicts[origin.id] = {x["id"]: x for x in origin.to_dict()["rules"]}
            same = origin_dicts[origin.id].get(r["id"]) == r
        else:
            same = False
        by_subject.setdefault(r["subject"], []).append((r, origin, same))

    for subject in _subject_order(list(by_subject)):
        rules = by_subject[subject]
        out += [
            f"### {_subject(subject)} {{ #{_subject_anchor(book.id, subject)} }}",
            "",
            "| rule 规则 | title 标题 (in force today 现行) | scope 适用范围 | severity 效力 "
            "| from 来源 |",
            "|---|---|---|---|---|",
        ]
        for r, origin, same in rules:
            where = origin.id if same else book.id
            out.append(
                f"| [`{r['id']}`](#{_anchor(where, r['id'])}) | "
                f"{_md(_title(book, r['id'], today)[0])} | {_scope(r['scope'])} | "
                f"{_SEVERITY_SHORT.get(r['severity'], r['severity'])} | "
                + ("this rulebook" if origin is book else f"`{origin.id}`")
                + " |"
            )
        out.append("")
        for r, origin, same in rules:
            if not same:
                out += _rule(book, r, origin, today)
    out += _tables(book)
    if data["disabled"]:
        out += ["### 停用的规则 disabled rules", ""]
        out += [
            f"- `{d['rule']}` — {_md(d['reason'])} ({_citation(d['citation'], bold=False)})"
            for d in data["disabled"]
        ]
        out.append("")
    return out


def render(today: dt.date | None = None) -> str:
    """The catalogue of every built-in rulebook, as Markdown; titles as in force on
    ``today`` (default: the day the site is built)."""
    import community_governance as cg

    day = today or dt.date.today()
    out = [
        f"Generated from `community_governance` {cg.__version__} when this site was built; "
        f"titles and values as in force on {day.isoformat()} (现行).",
        "",
    ]
    out.append(table(""))
    for b in cg.builtin_rulebooks():
        out += _rulebook(b, day)
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


def scope_facts() -> str:
    """A table of every subject model's ``scope_facts`` and the values each fact can take."""
    from community_governance import SUBJECT_MODELS

    out = [
        "| subject 对象 | model 模型 | facts a scope may select on 适用范围事实: values |",
        "|---|---|---|",
    ]
    models: dict[str, Any] = dict(SUBJECT_MODELS)
    try:  # a procedure's guards judge a step being taken (not a `cgov check` subject)
        from community_governance.checks.procedure_guards import StepAttempt
    except ImportError:  # pragma: no cover - moved: the table lists what it finds
        pass
    else:
        models.setdefault(StepAttempt.subject_type, StepAttempt)
    for subject, model in models.items():
        facts = "<br>".join(
            f"`{name}`: " + ", ".join(f"`{v}`" for v in values)
            for name, values in model.scope_facts.items()
        )
        zh = getattr(model, "subject_zh", "")
        out.append(f"| {zh} {subject} | `{model.__name__}` | {facts or '— (none 无)'} |")
    return "\n".join(out) + "\n"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Fill in the catalogue in ``rules.md``, and the rulebook and scope-fact tables on any
    page."""
    src = page.file.src_uri
    if src == PAGE:
        if MARKER not in markdown:
            raise PluginError(f"{PAGE}: the marker {MARKER!r} is missing")
        markdown = markdown.replace(MARKER, render())
    if TABLE_MARKER in markdown:
        prefix = "" if src == PAGE else posixpath.relpath(PAGE, posixpath.dirname(src) or ".")
        markdown = markdown.replace(TABLE_MARKER, table(prefix))
    if FACTS_MARKER in markdown:
        markdown = markdown.replace(FACTS_MARKER, scope_facts())
    return markdown
