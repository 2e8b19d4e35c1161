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
