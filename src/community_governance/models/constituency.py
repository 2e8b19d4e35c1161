"""Where a representative was chosen (推选范围): a residential compound, a building, a group."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import StrictModel, Text

__all__ = ["Constituency", "ConstituencyKind"]

#: 居民小区 (a residential compound), 楼宇 (a building), 居民小组 / 村民小组 (a residents' or
#: villager group), or another area chosen as needed (其他适当范围).
ConstituencyKind = Literal["compound", "building", "group", "other"]


class Constituency(StrictModel):
    """推选范围: the compound, building or group whose residents chose a representative.

    Examples:
        >>> Constituency(kind="building", name="3号楼").kind
        'building'
    """

    kind: ConstituencyKind = Field(
        description="What chose the representative: compound 居民小区, building 楼宇, group "
        "居民小组/村民小组, or other 其他适当范围."
    )
    name: Text = Field(
        max_length=200,
        description="Its name (名称), e.g. 幸福小区 or 3号楼 (surrounding whitespace is "
        "stripped; a blank name is refused).",
    )
