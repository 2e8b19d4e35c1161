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
