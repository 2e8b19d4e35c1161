"""Chinese and English labels for every closed vocabulary the library speaks: verdicts, finding
statuses, severities, rule kinds, subject types, body kinds, community kinds and the rest.

The labels are data, so an application shows ``不予 / 不符合`` for ``denied`` without
hard-coding it, and the library's own texts name states in the reader's language (no
``representatives_assembly`` inside a Chinese sentence). ``LABELS[group][value]`` is
``{"zh": …, "en": …}``; `label` reads one, `labels_text` prints them all (for a future
``cgov labels``), `to_dict` gives plain JSON-ready dicts.

Examples:
    >>> LABELS["verdict"]["denied"]["zh"]
    '不予 / 不符合'
    >>> label("body_kind", "representatives_assembly")
    '居（村）民代表会议'
    >>> label("status", "not_applicable", "en")
    'not applicable'
    >>> bilingual("依据", "source", "zh+en")
    '依据 source'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Literal, get_args

from .exceptions import UnknownReferenceError

__all__ = [
    "GROUPS",
    "LABELS",
    "LANGS",
    "Lang",
    "bilingual",
    "check_lang",
    "label",
    "labels_text",
    "to_dict",
]

Lang = Literal["zh", "en", "zh+en"]
"""The language of a text for people: Chinese, English, or both (Chinese first)."""
LANGS: tuple[Lang, ...] = get_args(Lang)

Label = Mapping[str, str]


def _group(**values: tuple[str, str]) -> Mapping[str, Label]:
    return MappingProxyType(
        {key: MappingProxyType({"zh": zh, "en": en}) for key, (zh, en) in values.items()}
    )


#: What each group labels, as ``(zh, en)``: the heading `labels_text` prints.
GROUPS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "verdict": ("结论", "verdict"),
        "status": ("规则判定结果", "finding status"),
        "severity": ("约束力", "severity"),
        "rule_kind": ("规则类型", "rule kind"),
        "confidence": ("依据核实程度", "confidence"),
        "source_kind": ("依据类型", "source kind"),
        "quantifier": ("数量词", "quantifier"),
        "parameter_kind": ("参数类型", "parameter kind"),
        "subject_type": ("审查对象", "subject type"),
        "community_kind": ("社区类型", "community kind"),
        "body_kind": ("组织类型", "body kind"),
        "meeting_body": ("会议类型", "meeting body"),
        "role": ("职务", "role"),
        "gender": ("性别", "gender"),
        "registration": ("户籍", "registration"),
        "relation": ("亲属关系", "relation"),
        "election_method": ("选举方式", "election method"),
        "election_round": ("选举轮次", "election round"),
        "nominator": ("提名主体", "nominator"),
        "sponsor_kind": ("罢免联名主体", "recall sponsors"),
        "rating": ("评议结果", "rating"),
        "motion_result": ("表决结果", "motion result"),
        "matter": ("表决事项", "matter"),
        "attendance_base": ("到会人数的计算基础", "attendance base"),
        "request_base": ("提议召集的主体", "request base"),
        "majority_base": ("表决通过的计算基数", "majority base"),
        "proposal_category": ("议案类别", "proposal category"),
        "proposer": ("提案主体", "proposer"),
        "disclosure_category": ("公开事项类别", "disclosure category"),
        "constituency_kind": ("推选范围", "constituency kind"),
        "committee_kind": ("委员会", "committee"),
        "committee_role": ("委员会的角色", "committee role"),
        "requester_level": ("交办单位层级", "requester level"),
        "work_domain": ("事项类别", "work domain"),
        "list_kind": ("清单类别", "list kind"),
    }
)

LABELS: Mapping[str, Mapping[str, Label]] = MappingProxyType(
    {
        "verdict": _group(
            allowed=("准予 / 符合", "allowed"),
            denied=("不予 / 不符合", "denied"),
            indeterminate=("无法判定", "indeterminate"),
        ),
        "status": _group(
            passed=("符合", "passed"),
            failed=("不符合", "failed"),
            not_applicable=("不适用", "not applicable"),
            indeterminate=("无法判定", "indeterminate"),
        ),
        "severity": _group(
            must=("必须", "must"),
            advisory=("原则上", "advisory"),
        ),
        "rule_kind": _group(
            obligation=("义务", "obligation"),
            prohibition=("禁止", "prohibition"),
            permission=("许可", "permission"),
        ),
        "confidence": _group(
            confirmed=("已核对原文", "confirmed in the text"),
            secondary=("据二手资料", "read in a secondary copy"),
            unconfirmed=("未经核实", "unconfirmed"),
        ),
        "source_kind": _group(
            statute=("法律法规", "statute"),
            policy=("政策文件", "policy document"),
            seed=("地方文件", "local document"),
        ),
        "quantifier": _group(
            at_least=("以上", "at least"),
            more_than=("超过", "more than"),
            at_most=("以下", "at most"),
            less_than=("不满", "less than"),
        ),
        "parameter_kind": _group(
            count=("数目", "count"),
            share=("比例", "share"),
        ),
        "subject_type": _group(
            assembly_record=("会议召开记录", "assembly record"),
            body_selection=("推选产生", "body selection"),
            cadre_evaluation=("社区干部评议", "cadre evaluation"),
            collective_asset_spending=("集体资产拨付", "collective asset spending"),
            collective_organisation=("农村集体经济组织", "collective economic organisation"),
            community_facilities=("社区服务设施", "community facilities"),
            compound=("住宅小区", "residential compound"),
            fund_allocation=("专项资金安排", "fund allocation"),
            grid_record=("网格化服务管理记录", "grid record"),
            service_station_staffing=("服务站人员", "service station staffing"),
            social_organization=("社会组织", "social organisation"),
            work_report=("工作报告", "work report"),
            proposal=("议案", "proposal"),
            body=("组织", "body"),
            work_item=("工作事项", "work item"),
            election=("选举", "election"),
            recall=("罢免", "recall"),
            annual_evaluation=("民主评议", "annual evaluation"),
            meeting=("会议", "meeting"),
            disclosure=("公开记录", "disclosure"),
            procedure_step=("程序步骤", "procedure step"),
        ),
        "community_kind": _group(
            urban=("城市社区", "urban community"),
            village_to_residence=("村改居社区", "village-turned-residence community"),
            rural=("农村社区", "rural community"),
        ),
        "body_kind": _group(
            residents_committee=("居民委员会", "residents' committee"),
            village_committee=("村民委员会", "village committee"),
            residents_assembly=("居民会议", "residents' assembly"),
            villagers_assembly=("村民会议", "villagers' assembly"),
            representatives_assembly=("居（村）民代表会议", "representatives' assembly"),
            residents_group=("居民小组", "residents' group"),
            villager_group=("村民小组", "villager group"),
            supervision_committee=("居（村）务监督委员会", "supervision committee"),
            party_organization=("社区（村）党组织", "party organisation"),
            party_members_assembly=("党员大会", "party members' assembly"),
            joint_meeting=("两委联席会议", "joint meeting of the two committees"),
            assembly_working_committee=(
                "居民代表会议工作委员会",
                "working committee of the representatives' assembly",
            ),
            election_committee=("居（村）民选举委员会", "election committee"),
            mediation_committee=("人民调解委员会", "people's mediation committee"),
            owners_assembly=("业主大会", "owners' assembly"),
            owners_committee=("业主委员会", "owners' committee"),
            service_station=("社区服务站", "community service station"),
            grid=("网格", "grid"),
        ),
        "meeting_body": _group(
            collective_council=("农村集体经济组织理事会", "collective's council"),
            residents_assembly=("居民会议", "residents' assembly"),
            villagers_assembly=("村民会议", "villagers' assembly"),
            representatives_assembly=("居（村）民代表会议", "representatives' assembly"),
            villager_group=("村民小组会议", "villager group meeting"),
            owners_assembly=("业主大会", "owners' assembly"),
            collective_members_assembly=(
                "农村集体经济组织成员大会",
                "members' assembly of the collective economic organisation",
            ),
            collective_representatives_assembly=(
                "农村集体经济组织成员代表大会",
                "members' representatives' assembly of the collective economic organisation",
            ),
        ),
        "role": _group(
            chair=("主任", "chair"),
            vice_chair=("副主任", "vice-chair"),
            member=("委员", "member"),
            representative=("代表", "representative"),
            group_leader=("小组长", "group leader"),
            grid_worker=("网格员", "grid worker"),
        ),
        "gender": _group(female=("女", "female"), male=("男", "male")),
        "registration": _group(
            registered=("户籍居民", "registered resident"),
            non_registered=("非户籍居民", "non-registered resident"),
        ),
        "relation": _group(
            spouse=("配偶", "spouse"),
            parent=("父母", "parent"),
            child=("子女", "child"),
            sibling=("兄弟姐妹", "sibling"),
            grandparent=("祖父母、外祖父母", "grandparent"),
            grandchild=("孙子女、外孙子女", "grandchild"),
        ),
        "election_method": _group(
            voters=("全体选民选举", "by all voters"),
            household_representatives=("每户派代表选举", "by household representatives"),
            representatives=("居（村）民代表选举", "by the representatives"),
        ),
        "election_round": _group(
            first=("首轮选举", "first ballot"), runoff=("另行选举", "run-off")
        ),
        "nominator": _group(
            party_organization=("党组织提名", "nominated by the party organisation"),
            voters=("选民联合提名", "nominated by voters jointly"),
        ),
        "sponsor_kind": _group(
            voters=("选民（户的代表）联名", "voters (household representatives)"),
            representatives=("居（村）民代表联名", "representatives"),
        ),
        "rating": _group(
            fit=("称职", "fit"),
            basically_fit=("基本称职", "basically fit"),
            unfit=("不称职", "unfit"),
        ),
        "motion_result": _group(adopted=("通过", "adopted"), rejected=("否决", "rejected")),
        "matter": _group(
            charter=("制定、修改自治章程", "charter"),
            convention=("制定、修改居民公约、村规民约", "convention"),
            annual_work_report=("审议年度工作报告", "annual work report"),
            member_evaluation=("评议委员会成员的工作", "evaluation of committee members"),
            common_interest=("涉及全体居民利益的重要事项", "matter of common interest"),
            mediation_committee=("推选人民调解委员会委员", "electing the mediation committee"),
            residence_to_commercial=("将住宅改变为经营性用房", "residence turned commercial"),
            member_confirmation=("确认农村集体经济组织成员", "confirming members"),
            annual_accounts=("年度财务预决算、收益分配方案", "annual accounts"),
            share_quantification=("集体经营性财产收益权份额量化方案", "share quantification"),
            merger_division=("合并、分立", "merger or division"),
            non_member_rights=("非成员享有成员的部分权利", "rights for non-members"),
            general=("一般事项", "general matter"),
            rules_of_procedure=("制定和修改业主大会议事规则", "rules of procedure"),
            management_statute=("制定和修改管理规约", "management statute"),
            owners_committee=(
                "选举业主委员会或者更换业主委员会成员",
                "electing or changing the owners' committee",
            ),
            property_service_company=(
                "选聘和解聘物业服务企业或者其他管理人",
                "hiring or dismissing the property manager",
            ),
            property_service_dismissal=("解聘物业服务人", "dismissing the property manager"),
            use_maintenance_fund=(
                "使用建筑物及其附属设施的维修资金",
                "using the maintenance fund",
            ),
            raise_maintenance_fund=(
                "筹集建筑物及其附属设施的维修资金",
                "raising the maintenance fund",
            ),
            rebuild=("改建、重建建筑物及其附属设施", "rebuilding"),
            change_common_use=(
                "改变共有部分的用途或者利用共有部分从事经营活动",
                "changing the use of common parts",
            ),
            other_major=(
                "有关共有和共同管理权利的其他重大事项",
                "other major matter of common ownership",
            ),
            village_construction=("村庄规划、建设等乡村建设重要事项", "village construction"),
            work_subsidy=("享受误工补贴的人员及补贴标准", "work subsidies"),
            collective_income_use=(
                "村集体经济所得收益（资金和物资）的使用",
                "use of the collective's income",
            ),
            public_welfare=(
                "公益事业的兴办和筹资筹劳方案及建设承包方案",
                "public-welfare projects",
            ),
            land_contracting=("土地承包经营方案", "land contracting plan"),
            collective_project=(
                "村集体经济项目的立项、承包方案",
                "collective economic projects",
            ),
            homestead=("宅基地的使用方案", "homestead use plan"),
            land_compensation=(
                "征地补偿费的使用、分配方案",
                "use of land compensation",
            ),
            collective_property=(
                "以借贷、租赁或者其他方式处分村集体财产",
                "disposal of collective property",
            ),
            assistance_plan=("重点帮扶人员、帮扶方案", "assistance plan"),
        ),
        "attendance_base": _group(
            adults=("十八周岁以上的居民（村民）", "adults"),
            households=("户的代表", "household representatives"),
            members=("组成人员（成员）", "members"),
            owners=("业主", "owners"),
        ),
        "request_base": _group(
            adults=("十八周岁以上居民", "adults"),
            households=("户（户的代表）", "households"),
            representatives=("居（村）民代表", "representatives"),
            residents_groups=("居民小组", "residents' groups"),
            villagers=("村民", "villagers"),
            owners=("业主", "owners"),
            members=("成员", "members"),
        ),
        "majority_base": _group(
            present=("到会人员", "those present"),
            participating=("参与表决的人员", "those taking part in the vote"),
            all=("全体成员", "all members"),
        ),
        "proposal_category": _group(
            major=("重大事项", "major matter"), ordinary=("一般事项", "ordinary matter")
        ),
        "proposer": _group(
            representatives=("居民代表联名", "representatives jointly"),
            households=("居民（户）联名", "households jointly"),
            party_organization=("社区党组织", "the community party organisation"),
        ),
        "disclosure_category": _group(
            decision=("会议决定事项", "decisions"),
            finances=("财务收支", "finances"),
            general=("一般事项", "general matters"),
            major=("重大事项", "major matters"),
        ),
        "constituency_kind": _group(
            compound=("居民小区", "residential compound"),
            building=("楼宇", "building"),
            group=("居民小组（村民小组）", "residents' (villager) group"),
            other=("其他适当范围", "other area"),
        ),
        "committee_kind": _group(
            residents_committee=("居民委员会", "residents' committee"),
            village_committee=("村民委员会", "village committee"),
        ),
        "committee_role": _group(
            responsible_party=("责任主体", "responsible party"), assisting=("协助", "assisting")
        ),
        "requester_level": _group(
            city_government=("市人民政府", "city government"),
            city_department=("市政府职能部门", "city department"),
            district_government=("区（县）人民政府", "district (county) government"),
            district_department=("区（县）政府职能部门", "district (county) department"),
            street_office=("街道办事处", "street office"),
            township=("乡、民族乡、镇人民政府", "township government"),
            other=("其他单位", "other body"),
        ),
        "work_domain": _group(
            publicity=("宣传法律法规政策", "publicity of laws and policies"),
            public_affairs=("公共事务和公益事业", "public affairs and welfare"),
            dispute_mediation=("调解民间纠纷", "mediating disputes"),
            social_participation=("支持社会力量参与", "supporting social participation"),
            residents_feedback=("反映居民意见和建议", "passing on residents' views"),
            public_security=("协助维护社会治安", "assisting public security"),
            property_management=(
                "指导协助业主大会、业主委员会",
                "guiding owners' assemblies and committees",
            ),
            residents_interest=("与居民利益有关的其他工作", "other work in residents' interest"),
            administrative_law_enforcement=("行政执法", "administrative law enforcement"),
            demolition=("拆迁拆违", "demolition"),
            environmental_remediation=("环境整治", "environmental remediation"),
            city_management=("城市管理", "city management"),
            investment_attraction=("招商引资", "investment attraction"),
            tax_assistance=("协税护税", "tax assistance"),
            economic_quota=("经济创收指标", "economic quota"),
            certificate=("出具证明", "issuing a certificate"),
            other=("其他", "other"),
        ),
        "list_kind": _group(
            duty=("依法履职事项", "duties performed by law"),
            assistance=("依法协助政府事项", "items assisting government by law"),
            negative=("不应承担工作事项", "items not to be undertaken"),
            certificate=("不应出具证明事项", "certificates not to be issued"),
        ),
    }
)


#: Bodies whose Chinese name differs between a community (居) and a village (村): the name in
#: an urban or village-turned-residence community, then in a rural one.
_BY_COMMUNITY: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "representatives_assembly": ("居民代表会议", "村民代表会议"),
        "supervision_committee": ("居务监督委员会", "村务监督委员会"),
        "party_organization": ("社区党组织", "村党组织"),
        "election_committee": ("居民选举委员会", "村民选举委员会"),
    }
)
_BODY_GROUPS = frozenset({"body_kind", "meeting_body"})


def check_lang(lang: str) -> Lang:
    """``lang`` if it is one of `LANGS`.

    Raises:
        ValueError: any other value (the message lists the choices).
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)} (got {lang!r})")
    return lang


def bilingual(zh: str, en: str, lang: Lang, sep: str = " ") -> str:
    """``zh``, ``en``, or both joined by ``sep`` (Chinese first), as ``lang`` asks."""
    if lang == "zh":
        return zh
    if lang == "en":
        return en
    return f"{zh}{sep}{en}"


def label(group: str, value: str, lang: Lang = "zh", *, community_kind: str | None = None) -> str:
    """The label of ``value`` in ``group`` (``label("status", "failed") == "不符合"``).

    A value the group does not know is returned as it is, so a text never fails on a value
    a newer model allows; `LABELS` covers every value of the library's own types (a test
    says so).

    Args:
        group: a key of `LABELS`.
        value: the value to name.
        lang: ``zh``, ``en`` or ``zh+en``.
        community_kind: for a body kind, the kind of community it belongs to, where known:
            the Chinese name is then the community's or the village's (``村民代表会议``
            rather than ``居（村）民代表会议``).

    Examples:
        >>> label("body_kind", "supervision_committee", community_kind="rural")
        '村务监督委员会'

    Raises:
        UnknownReferenceError: no such group.
    """
    try:
        values = LABELS[group]
    except KeyError:
        raise UnknownReferenceError("label group", group, tuple(LABELS)) from None
    found = values.get(value)
    if found is None:
        return value
    zh = found["zh"]
    if community_kind is not None and group in _BODY_GROUPS and value in _BY_COMMUNITY:
        zh = _BY_COMMUNITY[value][community_kind == "rural"]
    return bilingual(zh, found["en"], lang)


def to_dict() -> dict[str, dict[str, dict[str, str]]]:
    """`LABELS` as plain, JSON-ready dicts: ``{group: {value: {"zh": …, "en": …}}}``."""
    return {g: {v: dict(t) for v, t in values.items()} for g, values in LABELS.items()}


def labels_text(lang: Lang = "zh+en", groups: Iterable[str] | None = None) -> str:
    """Every label (or those of ``groups``), one line each under its group's heading.

    Examples:
        >>> print(labels_text("zh+en", ["verdict"]))
        verdict — 结论 verdict
          allowed        准予 / 符合  allowed
          denied         不予 / 不符合  denied
          indeterminate  无法判定  indeterminate

    Raises:
        UnknownReferenceError: an unknown group.
    """
    lang = check_lang(lang)
    names = tuple(LABELS) if groups is None else tuple(groups)
    blocks: list[str] = []
    for name in names:
        if name not in LABELS:
            raise UnknownReferenceError("label group", name, tuple(LABELS))
        values = LABELS[name]
        width = max(len(v) for v in values) + 2
        lines = [f"{name} — {bilingual(*GROUPS[name], lang)}"]
        lines.extend(
            f"  {v.ljust(width)}{bilingual(t['zh'], t['en'], lang, '  ')}"
            for v, t in values.items()
        )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
