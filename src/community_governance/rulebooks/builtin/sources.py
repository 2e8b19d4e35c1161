"""Source names used by the built-in rulebooks' citations (seed files and statute texts)."""

from __future__ import annotations

import datetime as dt

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
