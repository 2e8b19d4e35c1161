"""``cn.anhui``: Anhui's 2022 access system (准入), 权随责走 and the shape of its lists.

Seed 002 is undated; it is no older than the report to the 20th Party Congress it quotes
(2022-10-16), and Anhui's rules, texts and declared lists start then (the legal review of
2026-11, D9: "date it from the earliest document actually read"). Its 权随责走 is reported as a
policy drive («推动…严格遵循»), not read in a provincial text: the rule is advisory until one
is.

Seed 002 gives the sizes of Anhui's guidance list (17 duties, 38 assistance items, 7 items
not to undertake) and of its two batches of certificates not to issue (41), not the items.
This rulebook declares those sizes (rows of the ``work-item.lists.declared`` table) and holds
none of the items: until a list file supplies them (`load_work_item_lists`), an item found on
no list is ``indeterminate``, not refused.
"""

from __future__ import annotations

from ...checks import access as checks
from ...checks.access import Ground, grounded, reground
from ...checks.lists import LISTED
from ...checks.work_item_lists import DeclaredCount, declared_table
from ...models import WorkItem
from ...rules.citation import Citation
from ...rules.rule import Rule
from ...rules.scope import Scope
from .._rulebook import Replace, Rulebook
from .sources import ANHUI_SEED_EARLIEST, SEED_ANHUI

_NOTE = (
    "provincial case study reporting 2022 work; undated, it quotes the report to the 20th "
    "Party Congress (2022-10-16) as given, so its texts are applied from 2022-10-16"
)
_REDUCE = "“坚持减负增效的治理导向”段 一是"
AH_ACCESS = Citation(SEED_ANHUI, _REDUCE, "严格落实社区事项“准入制度”", note=_NOTE)
AH_FOLLOW = Citation(
    SEED_ANHUI,
    _REDUCE,
    "推动政府相关职能部门严格遵循“费随事转、权随责走”原则",
    note=_NOTE,
)
AH_SUPPORT = Citation(
    SEED_ANHUI, _REDUCE, "在业务上给予指导,在人员上给予支持,在经费上给予保障", note=_NOTE
)
AH_LIST = Citation(
    SEED_ANHUI,
    "“优化服务方面”段",
    "梳理依法履职事项17条,依法协助政府事项38条,不应承担工作事项7条,出台两批不应出具证明事项共41条",
    note=_NOTE + "; the seed gives the counts only, not the items",
)
GUIDANCE_LIST = "anhui.guidance"
CERTIFICATE_LIST = "anhui.certificates"
_FROM = ANHUI_SEED_EARLIEST
DECLARED = (
    DeclaredCount(GUIDANCE_LIST, "duty", 17, AH_LIST, valid_from=_FROM),
    DeclaredCount(GUIDANCE_LIST, "assistance", 38, AH_LIST, valid_from=_FROM),
    DeclaredCount(GUIDANCE_LIST, "negative", 7, AH_LIST, valid_from=_FROM),
    DeclaredCount(CERTIFICATE_LIST, "certificate", 41, AH_LIST, valid_from=_FROM),
)

RULES = (
    Rule(
        id="work-item.authority-follows-responsibility",
        title_zh="权随责走：履职所需权限随事项下放",
        title_en="Authority follows responsibility: the powers a task needs are handed over",
        kind="obligation",
        severity="advisory",
        scope=Scope(WorkItem),
        check=grounded(checks.authority, Ground(AH_FOLLOW, _FROM), Ground(AH_SUPPORT, _FROM)),
        citations=(AH_FOLLOW, AH_SUPPORT),
        valid_from=_FROM,
    ),
)


def build(parent: Rulebook) -> Rulebook:
    """Build the Anhui rulebook on top of ``cn``."""
    listed = parent.rule(LISTED)
    funding = parent.rule("work-item.funding-follows-task")
    replace = (
        Replace(
            listed.id,
            reground(listed, Ground(AH_ACCESS, _FROM), Ground(AH_LIST, _FROM)),
            "Anhui's list-based access system, with the sizes of its published lists",
            AH_ACCESS,
        ),
        Replace(
            funding.id,
            reground(funding, Ground(AH_FOLLOW, _FROM)),
            "Anhui's 费随事转 principle",
            AH_FOLLOW,
        ),
    )
    return parent.extend(
        "cn.anhui",
        "2022.1",
        title_zh="安徽省城乡社区治理：社区事项准入与依法履职事项指导清单（2022）",
        title_en="Anhui community governance: work-item access and guidance lists (2022)",
        rules=RULES,
        replace=replace,
        citations=(AH_ACCESS, AH_LIST),
        tables=(declared_table(DECLARED),),
    )
