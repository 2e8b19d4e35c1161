"""The national work-item lists: duties and assistance items of the organic laws, and the
first national list of certificates committees should not issue (民发〔2020〕20号, read only in
a secondary copy: every entry says so).
"""

from __future__ import annotations

import datetime as dt

from ....checks.work_item_lists import (
    DeclaredCount,
    ListEntry,
    ListKind,
    declared_table,
    lists_table,
    unlisted_table,
)
from ....models.work_item import CommitteeKind
from ....rules.citation import Citation
from ..sources import (
    MCA_2020_20,
    MCA_2020_20_PUBLISHED,
    URBAN_1989_IN_FORCE,
    URBAN_2018,
    URBAN_2025,
    URBAN_2025_IN_FORCE,
    VILLAGE_2018,
    VILLAGE_2018_IN_FORCE,
    VILLAGE_2025,
    VILLAGE_2025_IN_FORCE,
)

NOTE_2020 = (
    "民政部等6部门 document on certificates issued by self-governing organisations, published "
    "2020-04-28 (the legal review of 2026-11, D10): read only in a secondary copy (statute "
    "catalogue G5–G6)"
)
_NAMES_2020 = (
    "the 20 item names are as the catalogue gives them; the legal review of 2026-11 (§1.6 #106) "
    "found all 20 in the ministry's release (also a secondary copy)"
)
C2020_LIST = Citation(
    MCA_2020_20,
    "附件",
    "第一批不应由自治组织出具的证明20项",
    "secondary",
    NOTE_2020 + "; the quote is the catalogue's summary of the annex, not its wording "
    "(paraphrased); " + _NAMES_2020,
)
NOTE_VILLAGE_2025 = (
    "the 2025 amendment is in force from 2026-01-01 (主席令第五十九号: 现予公布，自2026年1月1日"
    "起施行, read by the legal review of 2026-11, §4(b), in a secondary copy); the consolidated "
    "text's 本法自公布之日起施行 is the 1998 clause carried forward"
)

RC: tuple[CommitteeKind, ...] = ("residents_committee",)
VC: tuple[CommitteeKind, ...] = ("village_committee",)
#: One entry of a statute's list: (locator within the article, kind, Chinese, English).
Item = tuple[str, ListKind, str, str]


def _entries(
    list_id: str,
    source: str,
    article: str,
    items: tuple[Item, ...],
    committees: tuple[CommitteeKind, ...],
    valid: tuple[dt.date, dt.date | None],
    note: str = "",
) -> tuple[ListEntry, ...]:
    return tuple(
        ListEntry(
            id=f"{list_id}.{n}",
            list_id=list_id,
            kind=kind,
            title_zh=zh,
            title_en=en,
            citation=Citation(source, f"{article}{loc}" if loc else article, zh, note=note),
            committees=committees,
            valid_from=valid[0],
            valid_to=valid[1],
        )
        for n, (loc, kind, zh, en) in enumerate(items, start=1)
    )


URBAN_2018_DUTIES = _entries(
    "cn.urban-2018.art3",
    URBAN_2018,
    "第三条",
    (
        (
            "（一）",
            "duty",
            "宣传宪法、法律、法规和国家的政策",
            "publicise the law and state policy",
        ),
        (
            "（二）",
            "duty",
            "办理本居住地区居民的公共事务和公益事业",
            "run public affairs and welfare",
        ),
        ("（三）", "duty", "调解民间纠纷", "mediate civil disputes"),
        ("（四）", "assistance", "协助维护社会治安", "assist in maintaining public order"),
        (
            "（五）",
            "assistance",
            "协助人民政府或者它的派出机关做好与居民利益有关的公共卫生、计划生育、优抚救济、"
            "青少年教育等项工作",
            "assist government in public health, family planning, relief and youth education",
        ),
        (
            "（六）",
            "duty",
            "向人民政府或者它的派出机关反映居民的意见、要求和提出建议",
            "convey residents' opinions and requests to government",
        ),
    ),
    RC,
    (URBAN_1989_IN_FORCE, URBAN_2025_IN_FORCE),
    note="unchanged since the 1989 law took effect on 1990-01-01; replaced by Art. 10 of the "
    "2025 revision on 2026-01-01",
)
URBAN_2025_DUTIES = _entries(
    "cn.urban-2025.art10",
    URBAN_2025,
    "第十条",
    (
        ("（一）", "duty", "宣传宪法、法律、法规，宣传党和国家的政策", "publicise law and policy"),
        ("（二）", "duty", "支持和引导居民践行社会主义核心价值观", "promote civic values"),
        (
            "（三）",
            "duty",
            "办理本社区居民的公共事务和公益事业，开展便民利民的社区服务活动",
            "run public affairs and welfare; community services",
        ),
        ("（四）", "duty", "调解民间纠纷", "mediate civil disputes"),
        (
            "（五）",
            "assistance",
            "协助维护社会治安，组织居民参与群防群治，协助处理信访事项和协调化解矛盾纠纷，"
            "协助做好社区矫正工作和刑满释放人员帮教工作，协助做好突发事件应对工作",
            "assist in public order, petitions, community correction and emergencies",
        ),
        (
            "（六）",
            "duty",
            "支持和引导社会组织、社会工作者、志愿者等社会力量参与社区治理，提供社区服务",
            "bring social organisations, social workers and volunteers in",
        ),
        (
            "（七）",
            "assistance",
            "指导和协助设立业主大会和选举业主委员会，协助指导和监督业主大会和业主委员会依法履行职责，"
            "协助调解物业纠纷",
            "guide and assist owners' assemblies and committees; help mediate property disputes",
        ),
        (
            "（八）",
            "assistance",
            "协助人民政府或者街道办事处做好与居民利益有关的其他工作",
            "assist government with other work concerning residents' interests",
        ),
        (
            "（九）",
            "duty",
            "向人民政府或者街道办事处反映居民的意见、要求和提出建议",
            "convey residents' opinions and requests to government",
        ),
    ),
    RC,
    (URBAN_2025_IN_FORCE, None),
)
_VILLAGE_ART2: tuple[Item, ...] = (
    (
        "第二款",
        "duty",
        "办理本村的公共事务和公益事业",
        "run the village's public affairs and welfare",
    ),
    ("第二款", "duty", "调解民间纠纷", "mediate civil disputes"),
    ("第二款", "assistance", "协助维护社会治安", "assist in maintaining public order"),
    ("第二款", "duty", "向人民政府反映村民的意见、要求和提出建议", "convey villagers' opinions"),
)
VILLAGE_2018_DUTIES = _entries(
    "cn.village-2018.art2",
    VILLAGE_2018,
    "第二条",
    _VILLAGE_ART2,
    VC,
    (VILLAGE_2018_IN_FORCE, VILLAGE_2025_IN_FORCE),
)
VILLAGE_2025_DUTIES = _entries(
    "cn.village-2025.art2",
    VILLAGE_2025,
    "第二条",
    _VILLAGE_ART2,
    VC,
    (VILLAGE_2025_IN_FORCE, None),
    note=NOTE_VILLAGE_2025,
) + _entries(
    "cn.village-2025.art11",
    VILLAGE_2025,
    "第十一条第二款",
    (
        (
            "",
            "assistance",
            "协助组织村民参与群防群治，协助处理信访事项和协调化解矛盾纠纷，"
            "协助做好社区矫正工作和刑满释放人员帮教工作，协助做好突发事件应对工作",
            "assist in public order, petitions, community correction and emergencies",
        ),
    ),
    VC,
    (VILLAGE_2025_IN_FORCE, None),
    note=NOTE_VILLAGE_2025,
)
_CERTIFICATES = (
    ("kinship", "亲属关系", "kinship"),
    ("identity", "居民身份信息", "resident identity information"),
    (
        "household-change",
        "户口登记项目内容变更申请",
        "application to change household registration",
    ),
    ("dog", "居民养犬", "dog keeping"),
    ("no-criminal-record", "无犯罪记录", "no criminal record"),
    ("drug-rehabilitation", "社区戒毒社区康复人员情况", "persons in community drug rehabilitation"),
    ("missing-person", "人员失踪", "missing person"),
    ("marital-status", "婚姻状况", "marital status"),
    ("birth", "出生", "birth"),
    ("alive", "健在", "being alive"),
    ("death", "死亡", "death"),
    ("illness", "疾病状况", "illness"),
    ("disability", "残疾状况", "disability"),
    ("childbearing", "婚育状况", "marriage and childbearing status"),
    ("employment", "居民就业状况", "employment status"),
    ("personal-file", "居民个人档案", "personal file"),
    ("property", "居民财产", "personal property"),
    ("inheritance", "遗产继承权", "right of inheritance"),
    ("business-address", "市场主体住所", "business premises of a market entity"),
    ("lost-document", "证件遗失", "loss of a document"),
)
NATIONAL_CERTIFICATES = tuple(
    ListEntry(
        id=f"cn.mca-2020-20.{key}",
        list_id="cn.mca-2020-20",
        kind="certificate",
        title_zh=zh,
        title_en=en,
        citation=Citation(
            MCA_2020_20, f"附件 第{n}项", zh, "secondary", f"{NOTE_2020}; {_NAMES_2020}"
        ),
        valid_from=MCA_2020_20_PUBLISHED,
    )
    for n, (key, zh, en) in enumerate(_CERTIFICATES, start=1)
)

#: The national layers of the three work-item list tables (see `checks.work_item_lists`):
#: the entries, the declared size of the national certificate list (published with it), and
#: no unlisted setting (an item on no list is refused while every declared list is complete).
TABLES = (
    lists_table(
        (
            *URBAN_2018_DUTIES,
            *URBAN_2025_DUTIES,
            *VILLAGE_2018_DUTIES,
            *VILLAGE_2025_DUTIES,
            *NATIONAL_CERTIFICATES,
        )
    ),
    declared_table(
        (
            DeclaredCount(
                "cn.mca-2020-20", "certificate", 20, C2020_LIST, valid_from=MCA_2020_20_PUBLISHED
            ),
        )
    ),
    unlisted_table(),
)
