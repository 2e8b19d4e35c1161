"""Countable terms of meeting checks (attendance, votes, area in 0.01 m²), for messages."""

from __future__ import annotations

from ..rules.threshold import Term


def _term(key: str, zh: str, en: str, unit: str, one: str, many: str, en_one: str = "") -> Term:
    return Term(key, zh, en, unit, (one, many), en_one)


_AREA_UNIT = "平方分米"  # 0.01 m²
ATTENDING: dict[str, tuple[Term, Term]] = {
    "adults": (
        _term(
            "attending_adults",
            "到会的十八周岁以上人员",
            "adults attending",
            "名",
            "adult",
            "adults",
        ),
        _term("adults", "十八周岁以上的居民（村民）", "adults", "名", "adult", "adults"),
    ),
    "households": (
        _term(
            "attending_households",
            "到会的户的代表",
            "households represented",
            "户",
            "household",
            "households",
        ),
        _term("households", "户", "households", "户", "household", "households"),
    ),
    "members": (
        _term(
            "attending_members",
            "到会的组成人员（成员）",
            "members attending",
            "名",
            "member",
            "members",
        ),
        _term("members", "组成人员（成员）", "members", "名", "member", "members"),
    ),
    "owners": (
        _term(
            "participating_owners", "参与表决的业主", "owners taking part", "名", "owner", "owners"
        ),
        _term("owners", "业主", "owners", "名", "owner", "owners"),
    ),
    "area": (
        _term(
            "participating_area",
            "参与表决的业主专有部分面积",
            "dm² of area taking part",
            _AREA_UNIT,
            "dm² of area",
            "dm² of area",
        ),
        _term("area", "专有部分总面积", "dm² of exclusive area", _AREA_UNIT, "dm²", "dm²"),
    ),
}
REQUESTING = _term(
    "requesters", "提议召集的人数（户数、组数）", "requesters", "名", "requester", "requesters"
)
REQUEST_BASE: dict[str, Term] = {
    "adults": _term("adults", "十八周岁以上居民", "adults", "名", "adult", "adults"),
    "households": _term("households", "户", "households", "户", "household", "households"),
    "representatives": _term(
        "representatives", "代表", "representatives", "名", "representative", "representatives"
    ),
    "residents_groups": _term(
        "residents_groups", "居民小组", "residents' groups", "个", "group", "groups"
    ),
    "villagers": _term("villagers", "村民", "villagers", "名", "villager", "villagers"),
    "owners": _term("owners", "业主", "owners", "名", "owner", "owners"),
    "members": _term("members", "成员", "members", "名", "member", "members"),
}
FOR = _term("in_favour", "同意票", "votes for", "票", "vote for", "votes for")
AREA_FOR = _term(
    "area_in_favour",
    "同意的业主专有部分面积",
    "dm² of area for",
    _AREA_UNIT,
    "dm² of area for",
    "dm² of area for",
)
MAJORITY_BASE: dict[str, tuple[Term, Term]] = {
    "present": (
        _term("present", "到会人员", "present", "名", "person", "persons"),
        _term(
            "present_area", "到会业主专有部分面积", "dm² of area present", _AREA_UNIT, "dm²", "dm²"
        ),
    ),
    "participating": (
        _term(
            "participating", "参与表决人数", "taking part in the vote", "名", "person", "persons"
        ),
        _term(
            "participating_area",
            "参与表决专有部分面积",
            "dm² of area taking part in the vote",
            _AREA_UNIT,
            "dm²",
            "dm²",
        ),
    ),
    "all": (
        _term("all_members", "全体成员", "all members", "名", "member", "members", "member in all"),
        _term("all_area", "专有部分总面积", "dm² of exclusive area", _AREA_UNIT, "dm²", "dm²"),
    ),
    # owners before the Civil Code: 占总人数 / 占建筑物总面积 (物业管理条例 Art. 12)
    "all_owners": (
        _term("all_owners", "全体业主", "all owners", "名", "owner", "owners", "owner in all"),
        _term("all_area", "专有部分总面积", "dm² of exclusive area", _AREA_UNIT, "dm²", "dm²"),
    ),
}
NOTICE = _term("notice_days", "提前通知的天数", "days of notice", "日", "day", "days")
