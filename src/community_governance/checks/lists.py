"""Checks that read the work-item lists (工作事项清单) from the rulebook's tables.

The three list rules declare the tables they read (`reads`); a rulebook that adds entries,
declares list sizes or says what an unlisted item gets layers those tables (see
`community_governance.checks.work_item_lists` for their shape), and the rules stay the same.
"""

from __future__ import annotations

from ..labels import label
from ..models.work_item import WorkItem
from ..rules.citation import Citation
from ..rules.rule import Check, RuleContext, reads
from ..rules.table import TableEntry
from .work_item_lists import (
    DECLARED_TABLE,
    LIST_EN,
    LIST_ZH,
    LISTS_TABLE,
    UNLISTED_TABLE,
    ListEntry,
    WorkItemLists,
    certificate_key,
    work_item_lists,
)

__all__ = [
    "CERTIFICATE_LIST",
    "LISTED",
    "LIST_RULES",
    "NEGATIVE",
    "certificate_key",
    "certificate_list",
    "cite",
    "failed",
    "listed",
    "negative_list",
    "work_item_lists",
]

LISTED, NEGATIVE, CERTIFICATE_LIST = (
    "work-item.listed",
    "work-item.negative-list",
    "certificate.not-to-issue",
)
LIST_RULES = (LISTED, NEGATIVE, CERTIFICATE_LIST)


def failed(zh: str, en: str, reply_zh: str, reply_en: str, **evidence: object) -> Check:
    """A failed result whose message ends with what to answer the requesting body."""
    return Check.failed(
        f"{zh}。答复交办单位：{reply_zh}",
        f"{en}. Reply to the requesting body: {reply_en}",
        **evidence,
    )


def cite(c: Citation, lang: str = "en") -> str:
    """A citation as messages quote it, with its confidence when not confirmed, said in
    ``lang`` (``zh``: ``据二手资料``; ``en``: the confidence itself)."""
    if c.confidence == "confirmed":
        return c.short()
    if lang == "zh":
        return f"{c.short()}，{label('confidence', c.confidence)}"
    return f"{c.short()} ({c.confidence})"


def _entry_text(e: ListEntry) -> tuple[str, str]:
    return (
        f"{LIST_ZH[e.kind]}第{e.id}项“{e.title_zh}”（{cite(e.citation, 'zh')}）",
        f"entry {e.id} “{e.title_en}” of the {LIST_EN[e.kind]} ({cite(e.citation)})",
    )


def _find(rows: tuple[TableEntry, ...], entry_id: str | None) -> ListEntry | None:
    """The entry ``entry_id`` among the rows in force (a scan: the rows are few, and building
    an index per item would cost more than it saves)."""
    if entry_id is not None:
        for row in rows:
            if row.key == entry_id:
                found: ListEntry = row.value
                return found
    return None


def _certificate(rows: tuple[TableEntry, ...], item: WorkItem) -> ListEntry | None:
    """The not-to-issue entry the item names, else the one whose title is its certificate's
    name once both are compared as `certificate_key`."""
    entry = _find(rows, item.list_entry)
    if (entry is None or entry.kind != "certificate") and item.certificate is not None:
        key = certificate_key(item.certificate.name)
        for row in rows:
            e: ListEntry = row.value
            if (
                e.kind == "certificate"
                and item.committee in e.committees
                and certificate_key(e.title_zh) == key
            ):
                return e
        return None
    return entry


@reads(tables=(LISTS_TABLE, DECLARED_TABLE, UNLISTED_TABLE))
def listed(item: WorkItem, ctx: RuleContext) -> Check:
    """``work-item.listed``: the item must be on a list in force, in the role the entry gives
    the committee (an entry for assisting does not admit the committee as the responsible
    party); an item on no list is refused, or indeterminate while a declared list is
    incomplete (or by the unlisted setting). A finding on an entry cites the entry first."""
    rows = ctx.table(LISTS_TABLE)
    entry = _find(rows, item.list_entry)
    if entry is None and item.certificate is not None:
        entry = _certificate(rows, item)
    if entry is not None and entry.applies(item.committee, ctx.at):
        zh, en = _entry_text(entry)
        if entry.kind in ("negative", "certificate"):
            rule = NEGATIVE if entry.kind == "negative" else CERTIFICATE_LIST
            return Check.not_applicable(
                f"事项列于{zh}，见规则 {rule}",
                f"the item is {en}; see rule {rule}",
                entry=entry.to_dict(),
            ).citing(entry.citation)
        if entry.kind == "assistance" and item.committee_role == "responsible_party":
            return failed(
                f"事项列于{zh}，清单所列为协助事项，不能据此将委员会作为责任主体",
                f"the item is {en}: the entry admits the committee as an assistant, not as "
                "the responsible party",
                "清单只允许社区协助该事项；请将社区的角色改为协助，或按准入程序报批",
                "the list admits the committee only to assist in this work: make the committee "
                "an assistant, or have the item admitted through the access procedure",
                entry=entry.to_dict(),
                committee_role=item.committee_role,
            ).citing(entry.citation)
        return Check.passed(f"事项列于{zh}", f"the item is {en}", entry=entry.to_dict()).citing(
            entry.citation
        )
    if item.list_entry is None:
        why_zh, why_en = "交办时未注明清单事项编号", "the request names no list entry"
    elif entry is None:
        why_zh = f"本规则集在{ctx.at.isoformat()}施行的清单中没有编号为“{item.list_entry}”的事项"
        why_en = f"no entry {item.list_entry!r} on this rulebook's lists in force on {ctx.at}"
    else:
        why_zh = f"事项“{entry.id}”在{ctx.at.isoformat()}不适用于该委员会"
        why_en = f"entry {entry.id} is not on the list for a {item.committee} on {ctx.at}"
    lists = WorkItemLists.from_rows(rows, ctx.table(DECLARED_TABLE), ctx.table(UNLISTED_TABLE))
    evidence = {"list_entry": item.list_entry, "unlisted": lists.unlisted_verdict}
    if lists.unlisted_verdict == "deny":
        return failed(
            f"不在工作事项清单内：须经准入程序（{why_zh}）",
            f"not on the work-item list: it must go through the access procedure ({why_en})",
            "该事项未列入社区工作事项清单，请先按准入程序报批纳入清单后再交办",
            "the item is on no work-item list; have it admitted through the access "
            "procedure (added to the list) before assigning it",
            **evidence,
        )
    gaps = lists.incomplete()
    held_zh = "；".join(
        f"{d.list_id}公布{label('list_kind', d.kind)}{d.count}项，本规则集收录{n}项"
        for d, n in gaps
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


@reads(tables=(LISTS_TABLE,))
def negative_list(item: WorkItem, ctx: RuleContext) -> Check:
    """``work-item.negative-list``: an item whose list entry is on the negative list is
    refused."""
    entry = _find(ctx.table(LISTS_TABLE), item.list_entry)
    if entry is None or entry.kind != "negative" or not entry.applies(item.committee, ctx.at):
        return Check.passed("事项不在负面清单内", "the item is not on the negative list")
    zh, en = _entry_text(entry)
    return failed(
        f"事项列于{zh}，社区不应承担",
        f"the item is {en}: the committee should not undertake it",
        f"该事项属于不应由社区承担的事项（{cite(entry.citation, 'zh')}），社区不予承接",
        f"the item is one a committee should not undertake ({cite(entry.citation)}); the "
        "committee declines it",
        entry=entry.to_dict(),
    ).citing(entry.citation)


@reads(tables=(LISTS_TABLE,))
def certificate_list(item: WorkItem, ctx: RuleContext) -> Check:
    """``certificate.not-to-issue``: a certificate on the not-to-issue list is refused — found
    by the entry the item names, or by its name compared as `certificate_key` (亲属关系证明 is
    亲属关系). A name that matches no entry is not proof that the certificate is off the list
    (单身证明 attests 婚姻状况): the finding is then ``indeterminate``, never "not on the
    list"."""
    if item.certificate is None:
        return Check.not_applicable("不是证明事项", "not a certificate")
    rows = ctx.table(LISTS_TABLE)
    name = item.certificate.name
    entry = _certificate(rows, item)
    if entry is not None and entry.applies(item.committee, ctx.at):
        zh, en = _entry_text(entry)
        return failed(
            f"“{name}”证明列于{zh}",
            f"the certificate “{name}” is {en}",
            f"该证明属于不应由村（居）民委员会出具的证明事项（{cite(entry.citation, 'zh')}），"
            "请由有关部门依职责自行核实",
            f"committees should not issue this certificate ({cite(entry.citation)}); the "
            "department should verify the fact itself",
            entry=entry.to_dict(),
        ).citing(entry.citation)
    listed_names = [
        e.title_zh
        for e in (row.value for row in rows)
        if isinstance(e, ListEntry)
        and e.kind == "certificate"
        and e.applies(item.committee, ctx.at)
    ]
    if not listed_names:
        return Check.passed(
            "本规则集在该日没有适用于该委员会的不应出具证明事项清单",
            "no list of certificates not to issue applies to this committee on that day",
            certificate=name,
        )
    key = certificate_key(name)
    near = [
        t for t in listed_names if key and (certificate_key(t) in key or key in certificate_key(t))
    ]
    near_zh = f"，与清单所列“{'”“'.join(near)}”相近" if near else ""
    near_en = f"; it resembles {', '.join(near)} on the list" if near else ""
    return Check(
        "indeterminate",
        f"“{name}”与不应出具证明事项清单所列{len(listed_names)}项的名称均不相同{near_zh}；"
        "仅凭名称不能断定其不在清单上，须人工核对：属于清单所列证明的，不予出具",
        f"the certificate “{name}” matches none of the {len(listed_names)} names on the list "
        f"of certificates not to issue{near_en}; a name alone does not show it is off the "
        "list: a person must check it (a listed certificate is not issued)",
        {"certificate": name, "compared_as": key, "resembles": near},
    )
