"""Countable terms used in messages, named once (see the project glossary)."""

from __future__ import annotations

from ..rules.threshold import Term

REPRESENTATIVES = Term(
    "representatives", "居民代表", "representatives", "名", ("representative", "representatives")
)
SPONSORING_REPRESENTATIVES = Term(
    "sponsoring_representatives",
    "联名居民代表",
    "sponsoring representatives",
    "名",
    ("representative", "representatives"),
)
SPONSORING_HOUSEHOLDS = Term(
    "sponsoring_households",
    "联名居民户",
    "sponsoring households",
    "户",
    ("household", "households"),
)
MEMBERS = Term("members", "成员", "members", "名", ("member", "members"))
CHAIRS = Term("chairs", "主任", "chairs", "名", ("chair", "chairs"))
ORDINARY_MEMBERS = Term(
    "ordinary_members", "委员", "members other than the chair", "名", ("member", "members")
)
WOMEN = Term("women", "妇女成员", "women members", "名", ("woman", "women"))
VILLAGE_REPRESENTATIVES = Term(
    "representatives", "村民代表", "representatives", "名", ("representative", "representatives")
)
ASSEMBLY_MEMBERS = Term(
    "assembly_members",
    "代表会议组成人员",
    "members of the assembly",
    "名",
    ("member", "members"),
)
WOMEN_REPRESENTATIVES = Term(
    "women_representatives",
    "妇女村民代表",
    "women representatives",
    "名",
    ("woman representative", "women representatives"),
)
HOUSEHOLDS = Term("households", "户数", "households", "户", ("household", "households"))
GRID_WORKERS = Term("grid_workers", "网格员", "grid workers", "名", ("grid worker", "grid workers"))
VOTERS = Term("voters", "有选举权的人员", "voters", "名", ("voter", "voters"))
PARTICIPANTS = Term(
    "participants", "参加投票的人员", "persons voting", "名", ("person voting", "persons voting")
)
VOTES = Term("votes", "得票", "votes", "票", ("vote", "votes"))
BALLOTS = Term("ballots", "选票", "ballots cast", "张", ("ballot", "ballots"))
SPONSORS = Term("sponsors", "联名人员", "sponsors", "名", ("sponsor", "sponsors"))
NOMINATORS = Term("nominators", "联合提名的选民", "nominating voters", "名", ("voter", "voters"))
CANDIDATES = Term("candidates", "候选人", "candidates", "名", ("candidate", "candidates"))
DAYS = Term("days", "天数", "days", "日", ("day", "days"))
PROXIES = Term("proxies", "接受的委托", "proxies held", "人", ("proxy", "proxies"))
