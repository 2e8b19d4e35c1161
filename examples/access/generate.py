"""Regenerate the work-item examples in this folder, or stream a large department list.

    python examples/access/generate.py                      # rewrite the example files
    python examples/access/generate.py --lines 100000 > /tmp/department-100k.jsonl
    python examples/access/generate.py --lines 100000 --bad-line 50000 > /tmp/100k.jsonl

The requesting bodies and items are fictional (a district of an urban area, 2026); the legal
bases cited are the real 2025 urban organic law. The large list repeats the templates below
with fresh ids and writes one malformed line at ``--bad-line`` (default: the middle).
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
BUREAU = "示例区民政局"
HOUSING = "示例区住房和城乡建设局"
STREET = "示例街道办事处"
URBAN_LAW = "城市居民委员会组织法(2025-10-28)"


def item(
    n: int,
    title: str,
    *,
    body: str = BUREAU,
    level: str = "district_department",
    role: str = "assisting",
    domain: str = "residents_interest",
    entry: str | None = "cn.urban-2025.art10.8",
    basis: tuple[str, str] | None = (URBAN_LAW, "第十条第一款第八项"),
    funding: tuple[int, str] | str | None = "self",
    assessment: dict[str, bool] | None = None,
    certificate: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """One work item as JSON data; ``funding="self"`` means paid by the requesting body."""
    paid = (20000, body) if funding == "self" else funding
    data: dict[str, Any] = {
        "id": f"WI-2026-{n:06d}",
        "title": title,
        "committee": "residents_committee",
        "requested_by": {"name": body, "level": level},
        "requested_on": "2026-03-02",
        "committee_role": role,
        "domain": domain,
        "list_entry": entry,
        "legal_basis": None if basis is None else {"statute": basis[0], "article": basis[1]},
        "funding": None if paid is None else {"amount_yuan": paid[0], "payer": paid[1]},
        "assessment": assessment,
        **extra,
    }
    if certificate is not None:
        data["certificate"] = certificate
    return data


TEMPLATES: list[dict[str, Any]] = [
    item(1, "协助开展老旧小区改造居民意见征询", body=HOUSING, deadline="2026-05-31"),
    item(
        2,
        "负责辖区违法建设拆除",
        body=HOUSING,
        role="responsible_party",
        domain="demolition",
    ),
    item(3, "协助开展人口抽样调查入户登记", funding=None, needs_funding=True),
    item(
        4,
        "出具亲属关系证明",
        domain="certificate",
        entry="cn.mca-2020-20.kinship",
        certificate={"name": "亲属关系", "legal_basis": None},
    ),
    item(
        5,
        "协助文明城市创建（实行一票否决）",
        assessment={"one_vote_veto": True, "separate_departmental": False},
    ),
    item(
        6,
        "协助开展背街小巷卫生评比",
        body=HOUSING,
        assessment={"one_vote_veto": False, "separate_departmental": True},
    ),
    item(7, "完成年度协税护税任务", domain="tax_assistance", entry=None),
    item(
        8,
        "协助做好防汛应急转移安置",
        body="示例区应急管理局",
        domain="public_security",
        entry="cn.urban-2025.art10.5",
        basis=("中华人民共和国突发事件应对法", "第三十九条"),
    ),
    item(9, "协助开展高龄津贴资格复核", funding=(15000, STREET)),
    item(
        10,
        "调解邻里纠纷",
        body=STREET,
        level="street_office",
        role="responsible_party",
        domain="dispute_mediation",
        entry="cn.urban-2025.art10.4",
        basis=None,
        funding=None,
    ),
    item(11, "协助开展养犬登记信息核查", basis=None),
]


def write_examples() -> None:
    """Rewrite the single-item examples and the department list."""
    singles = {
        "assistance-funded.json": TEMPLATES[0],
        "demolition-responsible.json": {
            **TEMPLATES[1],
            "list_entry": "cn.urban-2025.art10.8",
            "legal_basis": {"statute": URBAN_LAW, "article": "第十条第一款第八项"},
        },
        "assistance-unfunded.json": {
            **TEMPLATES[0],
            "id": "WI-2026-000012",
            "funding": None,
            "needs_funding": True,
        },
        "certificate-kinship.json": TEMPLATES[3],
    }
    for name, data in singles.items():
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        (HERE / name).write_text(text, encoding="utf-8")
    lines = [json.dumps(t, ensure_ascii=False) for t in TEMPLATES]
    bad = copy.deepcopy(TEMPLATES[0])
    bad["id"] = "WI-2026-000099"
    del bad["funding"]
    bad["requested_on"] = "2026-02-30"
    lines.insert(7, json.dumps(bad, ensure_ascii=False))
    (HERE / "department-list.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def stream(lines: int, bad_line: int, out: Any) -> None:
    """Write ``lines`` JSON lines to ``out``; line ``bad_line`` is malformed."""
    for n in range(1, lines + 1):
        if n == bad_line:
            out.write('{"id": "WI-BAD", "title": "malformed line", "funding": \n')
            continue
        data = TEMPLATES[n % len(TEMPLATES)]
        data = {**data, "id": f"WI-2026-{n:06d}"}
        out.write(json.dumps(data, ensure_ascii=False) + "\n")


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, help="stream this many lines to stdout")
    parser.add_argument("--bad-line", type=int, help="the malformed line (default: the middle)")
    args = parser.parse_args()
    if args.lines is None:
        write_examples()
        return
    stream(args.lines, args.bad_line or (args.lines + 1) // 2, sys.stdout)


if __name__ == "__main__":
    main()
