"""Plain text for people, in the language they read: decisions, rule listings, rulebooks.

What ``cgov`` prints, as functions an application can call too. ``lang`` is ``zh+en``
(Chinese first, English alongside; the default), ``zh`` or ``en``. Cited documents are shown
by their titles (``成都市锦江区基层社会管理体制改革（2011） §二…``), looked up in the rulebook
(`Rulebook.source`); an id no rulebook registers is shown as it is. The labels of states and
kinds are in `community_governance.labels` (``labels_text`` prints them).

Examples:
    >>> from community_governance import Proposal, evaluate, get_rulebook
    >>> from pathlib import Path
    >>> proposal = Proposal.model_validate_json(
    ...     Path("examples/jinjiang/proposal-short.json").read_text(encoding="utf-8"))
    >>> decision = evaluate(proposal, get_rulebook("cn.sichuan.chengdu.jinjiang"))
    >>> print(explain(decision, "zh").splitlines()[0])
    议案 JJ-2026-008：不予 / 不符合
    >>> [line[:40] for line in explain(decision, "zh").splitlines() if "依据" in line][0]
    '  依据：成都市锦江区基层社会管理体制改革（2011） §二 成效“二是” “凡'
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from typing import Any

from .labels import Lang, bilingual, check_lang, label
from .rulebooks import BUILTIN_RULEBOOKS, Rulebook, builtin_rulebooks, get_rulebook
from .rules.decision import Decision

__all__ = ["explain", "rulebooks_text", "rules_text", "source_title"]


def explain(decision: Decision, lang: Lang = "zh+en", *, rulebook: Rulebook | None = None) -> str:
    """``decision.explain(lang)`` with cited documents shown by title.

    Args:
        decision: the decision to explain.
        lang: ``zh+en``, ``zh`` or ``en``.
        rulebook: the rulebook the decision was made with, where the titles are looked up;
            by default the built-in rulebook the decision names, if it names one.

    Raises:
        ValueError: an unknown ``lang``.
    """
    book = rulebook
    if book is None and decision.rulebook_id in BUILTIN_RULEBOOKS:
        book = get_rulebook(decision.rulebook_id)
    return decision.explain(lang, sources=book)


def source_title(book: Rulebook, source: str, lang: Lang = "zh") -> str:
    """The title of the document ``source`` names (a citation's ``source``), in Chinese unless
    ``lang`` is ``en``; the id itself when ``book`` registers no such document.

    Examples:
        >>> source_title(get_rulebook("cn"), "民法典")
        '中华人民共和国民法典'
        >>> source_title(get_rulebook("cn"), "某某条例(2030-01-01)")
        '某某条例(2030-01-01)'
    """
    with contextlib.suppress(LookupError):
        return book.source(source).title("en" if lang == "en" else "zh")
    return source


def _cite(book: Rulebook, c: Mapping[str, Any], lang: Lang) -> str:
    return f"{source_title(book, c['source'], lang)} {c['locator']}"


def rules_text(book: Rulebook, lang: Lang = "zh+en") -> str:
    """Every rule in force in ``book``: id, kind, scope, dates, titles, citations, parameters
    and their dated values, then the rules replaced and disabled along the lineage (the text
    of ``cgov rules``).

    Raises:
        ValueError: an unknown ``lang``.
    """
    lang = check_lang(lang)
    data = book.to_dict()
    title = bilingual(book.title_zh, book.title_en, lang, " / ")
    lines = [f"{book.id} v{book.version} — {title}"]
    zh = lang == "zh"
    for r in data["rules"]:
        level = ""
        if r["severity"] != "must":
            level = {"zh+en": " [原则上 advisory]", "zh": " [原则上]", "en": " [advisory]"}[lang]
        span = f"{r['valid_from'] or '…'} – {r['valid_to'] or '…'}"
        kind = label("rule_kind", r["kind"], "zh") if zh else r["kind"]
        lines.append("")
        lines.append(
            f"{r['id']}（{kind}，{r['scope_text']}）{level}  施行期间 {span}"
            if zh
            else f"{r['id']} ({kind}, {r['scope_text']}){level}  in force {span}"
        )
        lines.extend(f"  {t}" for t in _pick(r["title"]["zh"], r["title"]["en"], lang))
        if r["tables"]:
            lines.append(f"  {_head('表', 'tables', lang)}{', '.join(r['tables'])}")
        for c in r["citations"]:
            lines.append(f"  {_head('依据', 'source', lang)}{_cite(book, c, lang)} “{c['quote']}”")
        for p in r["parameters"]:
            ptitle = p["title"]["en"] if lang == "en" else p["title"]["zh"]
            lines.append(
                f"  参数 {p['name']}（{ptitle}）："
                if zh
                else f"  {bilingual('参数', 'parameter', lang)} {p['name']} ({ptitle}):"
            )
            lines.extend(
                f"    {v['value']}  {v['valid_from']} – {v['valid_to'] or '…'}  "
                f"[{_cite(book, v['citation'], lang)}]"
                for v in p["versions"]
            )
    for r in data["replaced"]:
        cited = _cite(book, r["citation"], lang)
        lines.append("")
        lines.append(
            f"{r['rule']} 在 {r['in']} 中由 {r['by']} 替换：{r['reason']} [{cited}]"
            if zh
            else f"replaced {r['rule']} by {r['by']} in {r['in']}: {r['reason']} [{cited}]"
        )
    for d in data["disabled"]:
        lines.append("")
        lines.append(
            f"{d['rule']} 已停用：{d['reason']}" if zh else f"disabled {d['rule']}: {d['reason']}"
        )
    return "\n".join(lines)


def rulebooks_text(books: Iterable[Rulebook] | None = None, lang: Lang = "zh+en") -> str:
    """One entry per rulebook (by default the built-in ones): id, version, parent, how many
    rules, title (the text of ``cgov rulebooks``).

    Examples:
        >>> jinjiang = get_rulebook("cn.sichuan.chengdu.jinjiang")
        >>> print(rulebooks_text([jinjiang], "en"))  # doctest: +ELLIPSIS
        cn.sichuan.chengdu.jinjiang v2011.1 (extends cn): ... rules
          Chengdu Jinjiang district grassroots governance reform (2011)

    Raises:
        ValueError: an unknown ``lang``.
    """
    lang = check_lang(lang)
    lines: list[str] = []
    for b in builtin_rulebooks() if books is None else books:
        n = len(b.effective_rules)
        if lang == "zh":
            parent = f"（继承 {b.parent.id}）" if b.parent else ""
            lines.append(f"{b.id} v{b.version}{parent}：{n}条规则")
        else:
            parent = f" (extends {b.parent.id})" if b.parent else ""
            lines.append(f"{b.id} v{b.version}{parent}: {n} rule{'' if n == 1 else 's'}")
        lines.extend(f"  {t}" for t in _pick(b.title_zh, b.title_en, lang))
    return "\n".join(lines)


def _head(zh: str, en: str, lang: Lang) -> str:
    return {"zh+en": f"{zh} {en}: ", "zh": f"{zh}：", "en": f"{en}: "}[lang]


def _pick(zh: str, en: str, lang: Lang) -> list[str]:
    return {"zh+en": [zh, en], "zh": [zh], "en": [en]}[lang]
