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
WOMEN = Term("women", "妇女成员", "women members", "名", ("woman", "women"), "woman member")
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

# --- terms of the named measures composed rules compare (checks/compose.py) ---------------

VICE_CHAIRS = Term("vice_chairs", "副主任", "vice-chairs", "名", ("vice-chair", "vice-chairs"))
ENTITLED = Term("entitled", "应到人数", "persons entitled", "名", ("person", "persons"))
ATTENDEES = Term("attendees", "实到人数", "attendees", "名", ("attendee", "attendees"))
MOTIONS = Term("motions", "表决事项", "motions", "项", ("motion", "motions"))
REQUEST_POOL = Term(
    "request_pool",
    "可提议召集的人员（户、组）总数",
    "persons (households, groups) who may request a meeting",
    "名",
    ("person", "persons"),
)
NOTICE_DAYS = Term("notice_days", "提前通知的天数", "days of notice", "日", ("day", "days"))
ENTITLED_AREA = Term(
    "entitled_area", "专有部分总面积", "dm² of exclusive area", "平方分米", ("dm²", "dm²")
)
ATTENDEE_AREA = Term(
    "attendee_area",
    "参与表决的专有部分面积",
    "dm² of area taking part",
    "平方分米",
    ("dm² of area", "dm² of area"),
)
MEMBER_HOUSEHOLDS = Term(
    "member_households", "成员户数", "member households", "户", ("household", "households")
)
SEATS = Term("seats", "应选名额", "seats", "名", ("seat", "seats"))
OBJECTIONS = Term("objections", "申诉", "objections", "件", ("objection", "objections"))
ADMITTED = Term(
    "admitted",
    "经确认参加选举的非户籍人员",
    "non-registered persons admitted",
    "名",
    ("person admitted", "persons admitted"),
)
RECALL_VOTES_FOR = Term(
    "votes_for", "赞成罢免票", "votes for the recall", "票", ("vote for", "votes for")
)
FUNDING_YUAN = Term("funding_yuan", "随事项拨付的经费", "yuan of funding", "元", ("yuan", "yuan"))
AUTHORITY_NEEDED = Term(
    "authority_needed", "履职所需的权限", "powers needed", "项", ("power", "powers")
)
AUTHORITY_TRANSFERRED = Term(
    "authority_transferred", "随事项下放的权限", "powers transferred", "项", ("power", "powers")
)
AUTHORITY_MISSING = Term(
    "authority_missing",
    "所需但未随事项下放的权限",
    "powers needed but not transferred",
    "项",
    ("power", "powers"),
)
RESOURCES = Term(
    "resources",
    "随事项提供的人员、设备、场地",
    "resources provided",
    "项",
    ("resource", "resources"),
)
DEADLINE_DAYS = Term(
    "deadline_days", "交办至完成时限的天数", "days from request to deadline", "日", ("day", "days")
)
