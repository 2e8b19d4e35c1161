"""The documents the built-in rulebooks cite: the names citations use (seed files, statutes with
their version dates, document numbers), the dates rules start from, and `SOURCES`, the registry
that gives each document the title people read."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...rules.citation import Source

URBAN_2018 = "城市居民委员会组织法(2018-12-29)"
URBAN_2025 = "城市居民委员会组织法(2025-10-28)"
VILLAGE_2018 = "村民委员会组织法(2018-12-29)"
VILLAGE_2025 = "村民委员会组织法(2025-10-28)"
SEED_NINGXIA = "003_08e74ef2c04b700e.txt"
SEED_JINJIANG = "004_63e647ccd94b093f.txt"

#: The urban organic law as revised on 2025-10-28 is in force from this day (Art. 50).
URBAN_2025_IN_FORCE = dt.date(2026, 1, 1)
#: Article 7 (5–9 members) of the urban law has stood since the 1989 law took effect.
URBAN_1989_IN_FORCE = dt.date(1990, 1, 1)
#: Ningxia's implementation opinions are dated 2017-08-22 (seed 003, first line).
NINGXIA_2017 = dt.date(2017, 8, 22)
#: The Jinjiang report was published 2011-02-22 (seed 004); the practice it reports is older.
JINJIANG_2011 = dt.date(2011, 2, 22)
CIVIL_CODE = "民法典"
MEDIATION_2010 = "人民调解法(2010-08-28)"
OWNERS_GUIDANCE_2009 = "业主大会和业主委员会指导规则(建房〔2009〕274号)"

#: The village organic law as amended on 2018-12-29 took effect on publication (Art. 41).
VILLAGE_2018_IN_FORCE = dt.date(2018, 12, 29)
#: The 2025 village amendment: reported in force from 2026-01-01 (secondary, 中新社), while the
#: consolidated text's Art. 50 says "自公布之日起施行" (2025-10-28). Rules use this date and
#: say so in a citation note; a rulebook that reads the text otherwise replaces the rules.
VILLAGE_2025_IN_FORCE = dt.date(2026, 1, 1)
#: The people's mediation law is in force from 2011-01-01 (Art. 35).
MEDIATION_IN_FORCE = dt.date(2011, 1, 1)
#: The Civil Code is in force from 2021-01-01.
CIVIL_CODE_IN_FORCE = dt.date(2021, 1, 1)

# --- work-item access (准入) ---------------------------------------------------------------
SEED_ANHUI = "002_835ac93eff91c8cb.txt"
#: 民政部 中组部《关于进一步开展社区减负工作的通知》: read only in a secondary copy.
MCA_2015_136 = "民发〔2015〕136号"
#: 民发〔2015〕136号 is dated 2015年7月13日 (read by the legal review of 2026-11, E8, in a
#: secondary copy): the rules resting on it start that day.
MCA_2015_136_DATED = dt.date(2015, 7, 13)
#: 民政部等6部门 on certificates issued by self-governing organisations: secondary copy only.
MCA_2020_20 = "民发〔2020〕20号"
#: 民发〔2020〕20号 was published by the 民政部 on 2020-04-28 (the legal review of 2026-11,
#: D10, read the publication in a secondary copy; the signing day was not read).
MCA_2020_20_PUBLISHED = dt.date(2020, 4, 28)
#: Kept under its old name: the day the certificate rules start (was 2020-04-01, a guess).
MCA_2020_ISSUED = MCA_2020_20_PUBLISHED
#: Seed 002, the earliest (and only) document read on Anhui's lists, is undated; it quotes
#: the report to the 20th Party Congress (党的二十大报告, delivered 2022-10-16) as already given,
#: so it is no older than that day. Anhui's rules and declared lists start then (the legal
#: review of 2026-11, D9: "date it from the earliest document actually read").
ANHUI_SEED_EARLIEST = dt.date(2022, 10, 16)
#: Kept under its old name: the day Anhui's rules start (was 2022-01-01, a guess).
ANHUI_2022 = ANHUI_SEED_EARLIEST
#: 中华人民共和国行政处罚法: not in the shared law folder (cited, never quoted).
ADMIN_PENALTY_LAW = "行政处罚法"

# --- the source registry: every document a built-in rulebook cites, with its title ------

#: Statutes cited by the meeting rules (also named in their modules; one string each).
COLLECTIVE_LAW = "农村集体经济组织法(2024-06-28)"
PROPERTY_REGULATION = "物业管理条例(2018-03-19)"
BUILDING_INTERPRETATION = (
    "最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释(2020-12-29)"
)
LAND_CONTRACTING_LAW = "农村土地承包法"
#: The two seeds no rule cites yet: registered so every seed has a title.
SEED_XIAMEN = "000_614ec7aeb38a72ba.txt"
SEED_SHANDONG = "001_b8651b238e8282bd.txt"

_NPCSC_ZH = "全国人民代表大会常务委员会"
_NPCSC_EN = "Standing Committee of the National People's Congress"


def _seed(file: str, title_zh: str, title_en: str, issuer: tuple[str, str], **kw: Any) -> Source:
    return Source(file, title_zh, title_en, "seed", issuer[0], issuer[1], file=file, **kw)


def _law(
    id: str,
    title_zh: str,
    title_en: str,
    date: dt.date | None,
    *,
    file: str | None = None,
    **kw: Any,
) -> Source:
    """A statute, by default issued by the NPC Standing Committee, its text in the shared file
    named by its id (``file``: another file, or ``""`` for none)."""
    kw.setdefault("issuer_zh", _NPCSC_ZH)
    kw.setdefault("issuer_en", _NPCSC_EN)
    path = f"{id}.md" if file is None else file
    return Source(id, title_zh, title_en, "statute", date=date, file=path, **kw)


#: Every document the built-in rulebooks cite, and every seed, by the id citations use. The
#: root rulebook (``cn``) registers them, so every built-in rulebook finds them.
SOURCES: tuple[Source, ...] = (
    _law(
        URBAN_2018,
        "城市居民委员会组织法（2018年修正）",
        "Organic Law of the Urban Residents' Committees (2018 amendment)",
        dt.date(2018, 12, 29),
    ),
    _law(
        URBAN_2025,
        "城市居民委员会组织法（2025年修订）",
        "Organic Law of the Urban Residents' Committees (2025 revision)",
        dt.date(2025, 10, 28),
    ),
    _law(
        VILLAGE_2018,
        "村民委员会组织法（2018年修正）",
        "Organic Law of the Villagers' Committees (2018 amendment)",
        dt.date(2018, 12, 29),
    ),
    _law(
        VILLAGE_2025,
        "村民委员会组织法（2025年修正）",
        "Organic Law of the Villagers' Committees (2025 amendment)",
        dt.date(2025, 10, 28),
    ),
    _law(
        CIVIL_CODE,
        "中华人民共和国民法典",
        "Civil Code of the People's Republic of China",
        dt.date(2020, 5, 28),
        issuer_zh="全国人民代表大会",
        issuer_en="National People's Congress",
        aliases=("民法典（摘录）",),
        file="民法典（摘录）.md",
        note="adopted 2020-05-28, in force 2021-01-01; the shared folder holds an excerpt "
        "(民法典（摘录）.md), once also cited by that name",
    ),
    _law(
        MEDIATION_2010,
        "人民调解法（2010）",
        "People's Mediation Law (2010)",
        dt.date(2010, 8, 28),
    ),
    _law(
        COLLECTIVE_LAW,
        "农村集体经济组织法（2024）",
        "Law on Rural Collective Economic Organisations (2024)",
        dt.date(2024, 6, 28),
    ),
    _law(
        PROPERTY_REGULATION,
        "物业管理条例（2018年修订）",
        "Regulation on Property Management (2018 revision)",
        dt.date(2018, 3, 19),
        issuer_zh="国务院",
        issuer_en="State Council",
    ),
    _law(
        BUILDING_INTERPRETATION,
        "最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释（2020年修正）",
        "Supreme People's Court interpretation on disputes over ownership of building units "
        "(2020 amendment)",
        dt.date(2020, 12, 29),
        issuer_zh="最高人民法院",
        issuer_en="Supreme People's Court",
        note="adopted by the court's judicial committee 2020-12-23; the shared file is dated "
        "by its publication, 2020-12-29",
    ),
    _law(
        LAND_CONTRACTING_LAW,
        "农村土地承包法",
        "Law on Land Contracting in Rural Areas",
        None,
        file="",
        note="cited without a version; its text is not in the shared law folder",
    ),
    _law(
        ADMIN_PENALTY_LAW,
        "行政处罚法",
        "Law on Administrative Penalties",
        None,
        file="",
        issuer_zh="",
        issuer_en="",
        note="cited without a version, never quoted; its text is not in the shared law folder",
    ),
    Source(
        MCA_2015_136,
        "关于进一步开展社区减负工作的通知（民发〔2015〕136号）",
        "Notice on further reducing the burden on communities (MCA [2015] No. 136)",
        "policy",
        "民政部、中共中央组织部",
        "Ministry of Civil Affairs; Organisation Department of the CPC Central Committee",
        date=MCA_2015_136_DATED,
        note="read only in a secondary copy",
    ),
    Source(
        MCA_2020_20,
        "民政部等6部门关于自治组织出具证明事项的文件（民发〔2020〕20号）",
        "Ministry of Civil Affairs et al. on certificates issued by self-governing "
        "organisations (MCA [2020] No. 20)",
        "policy",
        "民政部等6部门",
        "Ministry of Civil Affairs and five other departments",
        date=MCA_2020_20_PUBLISHED,
        note="read only in a secondary copy, its exact title not read (described by its "
        "subject); dated by its publication (the signing day was not read)",
    ),
    Source(
        OWNERS_GUIDANCE_2009,
        "业主大会和业主委员会指导规则（建房〔2009〕274号）",
        "Guiding Rules on Owners' Assemblies and Owners' Committees (MOHURD [2009] No. 274)",
        "policy",
        "住房和城乡建设部",
        "Ministry of Housing and Urban-Rural Development",
        note="read in an app copy; article numbers unverified",
    ),
    _seed(
        SEED_XIAMEN,
        "厦门市创新社区治理体制和治理能力现代化情况汇报（约2014）",
        "Xiamen: report on innovating community governance (c. 2014)",
        ("厦门市", "Xiamen city"),
        note="undated; the seed catalogue places it about 2014",
    ),
    _seed(
        SEED_SHANDONG,
        "山东省：创新治理机制 提升服务效能 构建社区治理和服务新格局（约2015）",
        "Shandong: new mechanisms and better services in community governance (c. 2015)",
        ("陈先运（山东省民政厅）", "Chen Xianyun (Shandong Department of Civil Affairs)"),
        note="undated; the seed catalogue places it about 2015; the file is in traditional "
        "characters",
    ),
    _seed(
        SEED_ANHUI,
        "安徽：持续完善城乡社区治理工作（2022年后）",
        "Anhui: improving urban and rural community governance (after 2022)",
        ("安徽省", "Anhui province"),
        note="undated case study; it quotes the report to the 20th Party Congress "
        "(2022-10-16) as already given",
    ),
    _seed(
        SEED_NINGXIA,
        "宁夏回族自治区关于加强和完善城乡社区治理的实施意见（2017）",
        "Ningxia: implementation opinions on urban and rural community governance (2017)",
        ("宁夏回族自治区", "Ningxia Hui Autonomous Region"),
        date=NINGXIA_2017,
    ),
    _seed(
        SEED_JINJIANG,
        "成都市锦江区基层社会管理体制改革（2011）",
        "Chengdu Jinjiang district grassroots governance reform (2011)",
        ("成都市锦江区", "Jinjiang district, Chengdu"),
        date=JINJIANG_2011,
        note="a report published on 中直党建网 on 2011-02-22",
    ),
)
