"""Checks bound to a rulebook's work-item lists (工作事项清单), and how to rebind them.

The three list rules hold their lists in the check itself (a callable value), so a rulebook
that loads more lists replaces those rules by name with the same rules bound to the merged
lists; `work_item_lists` reads them back from a rulebook.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from ..exceptions import UnknownReferenceError
from ..models.work_item import WorkItem
from ..rulebooks._rulebook import Replace, Rulebook
from ..rules.citation import Citation
from ..rules.rule import Check, CheckFn, RuleContext
from .work_item_lists import LIST_EN, LIST_ZH, ListEntry, WorkItemLists

LISTED, NEGATIVE, CERTIFICATE_LIST = (
    "work-item.listed",
    "work-item.negative-list",
    "certificate.not-to-issue",
)
LIST_RULES = (LISTED, NEGATIVE, CERTIFICATE_LIST)


def failed(zh: str, en: str, reply_zh: str, reply_en: str, **evidence: object) -> Check:
    return Check.failed(
        f"{zh}。答复交办单位：{reply_zh}",
        f"{en}. Reply to the requesting body: {reply_en}",
        **evidence,
    )


def cite(c: Citation) -> str:
    return c.short() + (f" ({c.confidence})" if c.confidence != "confirmed" else "")


def _entry_text(e: ListEntry) -> tuple[str, str]:
    return (
        f"{LIST_ZH[e.kind]}第{e.id}项“{e.title_zh}”（{cite(e.citation)}）",
        f"entry {e.id} “{e.title_en}” of the {LIST_EN[e.kind]} ({cite(e.citation)})",
    )


def _entry(lists: WorkItemLists, item: WorkItem) -> ListEntry | None:
    found = lists.find(item.list_entry) if item.list_entry else None
    if found is None and item.certificate is not None:
        found = lists.certificate_named(item.certificate.name)
    return found


@attrs.frozen(slots=True)
class ListedCheck:
    """``work-item.listed``: the item must be on a list of this rulebook (bound to its lists)."""

    lists: WorkItemLists

    def __call__(self, item: WorkItem, ctx: RuleContext) -> Check:
        """Look the item up; an item on no list is refused or indeterminate by configuration."""
        entry = _entry(self.lists, item)
        if entry is not None and entry.applies(item.committee, ctx.at):
            zh, en = _entry_text(entry)
            if entry.kind in ("negative", "certificate"):
                rule = NEGATIVE if entry.kind == "negative" else CERTIFICATE_LIST
                return Check.not_applicable(
                    f"事项列于{zh}，见规则 {rule}",
                    f"the item is {en}; see rule {rule}",
                    entry=entry.to_dict(),
                )
            return Check.passed(f"事项列于{zh}", f"the item is {en}", entry=entry.to_dict())
        if item.list_entry is None:
            why_zh, why_en = "交办时未注明清单事项编号", "the request names no list entry"
        elif entry is None:
            why_zh = f"本规则集的清单中没有编号为“{item.list_entry}”的事项"
            why_en = f"no entry {item.list_entry!r} on this rulebook's lists"
        else:
            why_zh = f"事项“{entry.id}”在{ctx.at.isoformat()}不适用于该委员会"
            why_en = f"entry {entry.id} is not on the list for a {item.committee} on {ctx.at}"
        evidence = {"list_entry": item.list_entry, "unlisted": self.lists.unlisted_verdict}
        if self.lists.unlisted_verdict == "deny":
            return failed(
                f"不在工作事项清单内：须经准入程序（{why_zh}）",
                f"not on the work-item list: it must go through the access procedure ({why_en})",
                "该事项未列入社区工作事项清单，请先按准入程序报批纳入清单后再交办",
                "the item is on no work-item list; have it admitted through the access "
                "procedure (added to the list) before assigning it",
                **evidence,
            )
        gaps = self.lists.incomplete()
        held_zh = "；".join(
            f"{d.list_id}公布{d.kind}事项{d.count}项，本规则集收录{n}项" for d, n in gaps
        )
        held_en = "; ".join(
            f"{d.list_id} publishes {d.count} {d.kind} items, {n} held" for d, n in gaps
        )
        return Check(
            "indeterminate",
            f"未在清单中找到该事项（{why_zh}），但本规则集的清单不完整或规定此类事项待定"
            f"{'：' + held_zh if held_zh else ''}；请核对本地公布的清单或加载清单文件",
            f"not found on the lists ({why_en}), but this rulebook's lists are incomplete or "
            f"leave such items undecided{': ' + held_en if held_en else ''}; check the published "
            "list or load the list file",
            {**evidence, "incomplete": [{"list": d.list_id, "kind": d.kind} for d, _ in gaps]},
        )


@attrs.frozen(slots=True)
class NegativeListCheck:
    """``work-item.negative-list``: items on the negative list are refused."""

    lists: WorkItemLists

    def __call__(self, item: WorkItem, ctx: RuleContext) -> Check:
        """Refuse an item whose list entry is on the negative list."""
        entry = self.lists.find(item.list_entry) if item.list_entry else None
        if entry is None or entry.kind != "negative" or not entry.applies(item.committee, ctx.at):
            return Check.passed("事项不在负面清单内", "the item is not on the negative list")
        zh, en = _entry_text(entry)
        return failed(
            f"事项列于{zh}，社区不应承担",
            f"the item is {en}: the committee should not undertake it",
            f"该事项属于不应由社区承担的事项（{cite(entry.citation)}），社区不予承接",
            f"the item is one a committee should not undertake ({cite(entry.citation)}); the "
            "committee declines it",
            entry=entry.to_dict(),
        )


@attrs.frozen(slots=True)
class CertificateListCheck:
    """``certificate.not-to-issue``: certificates on the not-to-issue list are refused."""

    lists: WorkItemLists

    def __call__(self, item: WorkItem, ctx: RuleContext) -> Check:
        """Refuse a certificate on the not-to-issue list (by entry id or by exact name)."""
        if item.certificate is None:
            return Check.not_applicable("不是证明事项", "not a certificate")
        entry = self.lists.find(item.list_entry) if item.list_entry else None
        if entry is None or entry.kind != "certificate":
            entry = self.lists.certificate_named(item.certificate.name)
        if entry is None or not entry.applies(item.committee, ctx.at):
            return Check.passed(
                f"“{item.certificate.name}”证明不在不应出具证明事项清单内",
                f"the certificate “{item.certificate.name}” is not on the not-to-issue list",
            )
        zh, en = _entry_text(entry)
        return failed(
            f"“{item.certificate.name}”证明列于{zh}",
            f"the certificate “{item.certificate.name}” is {en}",
            f"该证明属于不应由村（居）民委员会出具的证明事项（{cite(entry.citation)}），"
            "请由有关部门依职责自行核实",
            f"committees should not issue this certificate ({cite(entry.citation)}); the "
            "department should verify the fact itself",
            entry=entry.to_dict(),
        )


def work_item_lists(rulebook: Rulebook) -> WorkItemLists:
    """The work-item lists a rulebook's access rules are bound to.

    Raises:
        UnknownReferenceError: the rulebook has no ``work-item.listed`` rule bound to lists.
    """
    check = rulebook.rule(LISTED).check
    if not isinstance(check, ListedCheck):
        raise UnknownReferenceError(
            "work-item lists", rulebook.id, where=f"rule {LISTED} is not bound to lists"
        )
    return check.lists


_CHECKS: dict[str, Callable[[WorkItemLists], CheckFn]] = {
    LISTED: ListedCheck,
    NEGATIVE: NegativeListCheck,
    CERTIFICATE_LIST: CertificateListCheck,
}


def bind_lists(
    parent: Rulebook,
    lists: WorkItemLists,
    reason: str,
    citation: Citation,
    citations: Iterable[Citation] = (),
) -> tuple[Replace, ...]:
    """Replacements of the parent's list rules by the same rules bound to ``lists``, citing
    ``citations`` besides their own."""
    out = []
    for rule_id in LIST_RULES:
        rule = parent.rule(rule_id)
        extra = tuple(c for c in citations if c not in rule.citations)
        bound = attrs.evolve(rule, check=_CHECKS[rule_id](lists), citations=rule.citations + extra)
        out.append(Replace(rule_id, bound, reason, citation))
    return tuple(out)
