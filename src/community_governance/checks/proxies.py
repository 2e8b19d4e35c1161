"""Checks of proxy voting (委托投票) in a committee election."""

from __future__ import annotations

from ..exceptions import MissingDataError
from ..models.election import Election
from ..rules.parameter import Parameter
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads
from ..rules.threshold import Threshold
from .elections import _from_comparison, _result
from .measures import PROXIES

__all__ = [
    "proxy_candidate",
    "proxy_limit",
    "proxy_list_published",
    "proxy_relative",
    "proxy_representatives",
    "proxy_written",
]

_NO_PROXIES = Check.not_applicable("没有委托投票", "no proxies")


def proxy_written(e: Election, ctx: RuleContext) -> Check:
    """Every proxy is given in writing (书面委托)."""
    if not e.proxies:
        return _NO_PROXIES
    bad = [p.principal_id for p in e.proxies if not p.written]
    return _result(
        not bad,
        "委托均为书面委托" if not bad else f"未书面委托：{'、'.join(bad)}",
        "every proxy is in writing"
        if not bad
        else f"proxies not in writing from: {', '.join(bad)}",
        not_written=bad,
    )


def proxy_limit(most: Parameter | str) -> DeclaredCheck:
    """Make a check: nobody holds more than ``most`` proxies (每一选民接受的委托不得超过三人)."""

    @reads(most)
    def check(e: Election, ctx: RuleContext) -> Check:
        if not e.proxies:
            return _NO_PROXIES
        t = Threshold("at_most", ctx.count(most), PROXIES)
        held: dict[str, int] = {}
        for p in e.proxies:
            held[p.proxy_id] = held.get(p.proxy_id, 0) + 1
        worst = max(held, key=lambda k: held[k])
        c = t.test(held[worst])
        return _from_comparison(c, f"受托最多的{worst}：", f"{worst}, holding the most: ")

    return check


def proxy_candidate(e: Election, ctx: RuleContext) -> Check:
    """No candidate holds a proxy (候选人不得接受委托投票)."""
    if not e.proxies:
        return _NO_PROXIES
    cands = {c.person_id for c in e.candidates}
    bad = sorted({p.proxy_id for p in e.proxies if p.proxy_id in cands})
    return _result(
        not bad,
        "候选人均未接受委托" if not bad else f"候选人接受了委托：{'、'.join(bad)}",
        "no candidate holds a proxy"
        if not bad
        else f"candidates holding proxies: {', '.join(bad)}",
        candidates_holding_proxies=bad,
    )


def proxy_representatives(e: Election, ctx: RuleContext) -> Check:
    """No proxies when representatives elect (居民代表选举不实行委托投票)."""
    if e.method != "representatives":
        return Check.not_applicable("不是居民代表选举方式", "not elected by representatives")
    n = len(e.proxies)
    return _result(
        n == 0,
        "居民代表选举未实行委托投票" if n == 0 else f"居民代表选举不实行委托投票，但有{n}项委托",
        "no proxies in an election by representatives"
        if n == 0
        else f"{n} proxies in an election by representatives",
        proxies=n,
    )


def proxy_relative(e: Election, ctx: RuleContext) -> Check:
    """Every proxy holder is a close relative of the voter (本村有选举权的近亲属)."""
    if not e.proxies:
        return _NO_PROXIES
    bad = [
        f"{p.principal_id}->{p.proxy_id}"
        for p in e.proxies
        if not e.community.are_close_relatives(p.principal_id, p.proxy_id)
    ]
    return _result(
        not bad,
        "受托人均为委托人的近亲属" if not bad else f"受托人不是委托人的近亲属：{'、'.join(bad)}",
        "every proxy is a close relative"
        if not bad
        else f"proxies who are not close relatives: {', '.join(bad)}",
        not_relatives=bad,
    )


def proxy_list_published(e: Election, ctx: RuleContext) -> Check:
    """With proxies, the election committee published who gave and who holds them (居民选举
    委员会应当公布委托人和受托人的名单); not recorded: indeterminate."""
    if not e.proxies:
        return _NO_PROXIES
    if e.proxy_list_published is None:
        raise MissingDataError(
            "proxy_list_published",
            f"whether the list of the {len(e.proxies)} proxies was published is not recorded",
            f"未登记是否公布了{len(e.proxies)}项委托的委托人和受托人名单",
        )
    n = len(e.proxies)
    what = f"the list of those giving and holding the proxies ({n})"
    return _result(
        e.proxy_list_published,
        f"{n}项委托的委托人和受托人名单已公布"
        if e.proxy_list_published
        else f"{n}项委托的委托人和受托人名单未公布",
        f"{what} was published" if e.proxy_list_published else f"{what} was not published",
        proxies=n,
    )
