"""Checks of the size of a work-item list (工作事项清单): a locality that caps how many items
its communities assist the government with sets the cap as a parameter, and each item
assigned under an assistance list is checked against the size of that list."""

from __future__ import annotations

from ..models.work_item import WorkItem
from ..rules.parameter import Parameter
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads
from ..rules.threshold import Term, Threshold
from .work_item_lists import DECLARED_TABLE, LISTS_TABLE, DeclaredCount, ListEntry

__all__ = ["assistance_list_size"]

LIST_ITEMS = Term("list_items", "协助政府事项", "assistance items", "项", ("item", "items"))


def assistance_list_size(max_param: Parameter) -> DeclaredCheck:
    """Make a check: the assistance list (依法协助政府事项清单) the item is assigned under has at
    most ``max_param`` items, counting the larger of the entries held for the committee on the
    day and the size the list declares (a list known only by its size counts by its size)."""

    @reads(max_param, tables=(LISTS_TABLE, DECLARED_TABLE))
    def check(item: WorkItem, ctx: RuleContext) -> Check:
        rows = ctx.table(LISTS_TABLE)
        entry: ListEntry | None = next(
            (r.value for r in rows if item.list_entry is not None and r.key == item.list_entry),
            None,
        )
        if entry is None or entry.kind != "assistance" or not entry.applies(item.committee, ctx.at):
            return Check.not_applicable(
                "事项未列于协助政府事项清单", "the item is not assigned under an assistance list"
            )
        held = sum(
            1
            for r in rows
            if r.value.list_id == entry.list_id
            and r.value.kind == "assistance"
            and r.value.applies(item.committee, ctx.at)
        )
        declared = [
            d.count
            for d in (r.value for r in ctx.table(DECLARED_TABLE))
            if isinstance(d, DeclaredCount)
            and d.list_id == entry.list_id
            and d.kind == "assistance"
        ]
        size = max([held, *declared])
        c = Threshold("at_most", ctx.count(max_param), LIST_ITEMS).test(size)
        zh, en = c.text()
        evidence = {"list": entry.list_id, "held": held, "declared": declared, **c.to_evidence()}
        if c.passed:
            return Check.passed(
                f"清单“{entry.list_id}”{zh}", f"list {entry.list_id}: {en}", **evidence
            ).citing(entry.citation)
        return Check.failed(
            f"清单“{entry.list_id}”所列协助政府事项过多：{zh}",
            f"list {entry.list_id} has too many assistance items: {en}",
            **evidence,
        ).citing(entry.citation)

    return check
