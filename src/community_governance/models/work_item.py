"""Work items (工作事项) a government body wants a residents' or village committee to take on.

A work item is the subject of the access check (准入): may this task be assigned to the
committee, and on what terms? Every fact the rules need is a required field, so a request that
does not say who pays, or on what legal basis, is an input error rather than a silent pass.
``null`` is an answer ("no funding is provided", "no legal basis is given"), not a gap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, ClassVar, Literal, get_args

from pydantic import Field, model_validator

from ._base import Date, Id, IdTuple, StrictModel, Subject, Text, duplicates, path_error, repeated

__all__ = [
    "Assessment",
    "CertificateRequest",
    "CommitteeKind",
    "CommitteeRole",
    "Funding",
    "LegalBasis",
    "RequesterLevel",
    "RequestingBody",
    "WorkDomain",
    "WorkItem",
]

#: 居民委员会 or 村民委员会: the committee asked to take the item on.
CommitteeKind = Literal["residents_committee", "village_committee"]
#: 责任主体 (the committee answers for the result) or 协助 (it assists the body that does).
CommitteeRole = Literal["responsible_party", "assisting"]
#: The level of the requesting body.
RequesterLevel = Literal[
    "city_government",  # 市人民政府
    "city_department",  # 市政府职能部门
    "district_government",  # 区（县）人民政府
    "district_department",  # 区（县）政府职能部门
    "street_office",  # 街道办事处
    "township",  # 乡、民族乡、镇人民政府
    "other",  # 其他单位
]
#: What the work is about. The first group are the committee's own duties (urban law 2025
#: Art. 10 (一)(二)(三)(四)(六)(九)); then the assistance domains of Art. 10 (五)(七)(八);
#: then the domains national policy and local rules single out; then certificates.
WorkDomain = Literal[
    "publicity",  # 宣传法律法规政策、倡导文明风尚
    "public_affairs",  # 办理公共事务和公益事业、便民利民服务
    "dispute_mediation",  # 调解民间纠纷
    "social_participation",  # 支持社会组织、社会工作者、志愿者参与
    "residents_feedback",  # 反映居民意见、要求和建议
    "public_security",  # 协助维护社会治安、信访、社区矫正、突发事件应对
    "property_management",  # 指导协助业主大会、业主委员会，协助调解物业纠纷
    "residents_interest",  # 协助政府做好与居民利益有关的其他工作
    "administrative_law_enforcement",  # 行政执法
    "demolition",  # 拆迁拆违
    "environmental_remediation",  # 环境整治
    "city_management",  # 城市管理
    "investment_attraction",  # 招商引资
    "tax_assistance",  # 协税护税
    "economic_quota",  # 经济创收等经济指标
    "certificate",  # 出具证明
    "other",  # 其他
]

#: A text that says something (`Text`: never blank, whitespace-only or invisible), at most
#: 500 characters.
_Text = Annotated[Text, Field(max_length=500)]


class RequestingBody(StrictModel):
    """The body that wants the committee to take the item on (委托部门 / 交办单位)."""

    name: _Text = Field(description="Name of the body (单位名称), e.g. 某区住房和城乡建设局.")
    level: RequesterLevel = Field(
        description="Its level: district_department (区政府职能部门), street_office (街道办事处), "
        "township (乡镇) …"
    )


class LegalBasis(StrictModel):
    """法律法规依据: the statute and article a task or a certificate rests on."""

    statute: _Text = Field(description="The law or regulation (法律、法规名称).")
    article: _Text = Field(description="The article relied on (条款), e.g. 第四十三条.")


class Funding(StrictModel):
    """经费: money provided for the task, and which body pays it (费随事转)."""

    amount_yuan: int = Field(ge=0, description="Amount provided, in yuan (经费金额，元).")
    payer: _Text = Field(
        description="The body that pays (经费承担单位); it must be the requesting body."
    )


class Assessment(StrictModel):
    """考核: how the committee's performance of the task would be assessed."""

    one_vote_veto: bool = Field(
        description="A one-vote veto (一票否决): failing this task fails the whole assessment."
    )
    separate_departmental: bool = Field(
        description="A department's own assessment or rating (单独组织考核评比), outside the "
        "basic-level government's unified assessment (统一综合考评)."
    )


class CertificateRequest(StrictModel):
    """证明事项: the certificate the committee is asked to issue."""

    name: _Text = Field(description="What the certificate attests (证明名称), e.g. 亲属关系.")
    legal_basis: LegalBasis | None = Field(
        description="The law requiring the committee to issue it (出具依据); null: none given."
    )


class WorkItem(Subject):
    """工作事项: a task a government body wants to assign to a community committee.

    Examples:
        >>> import datetime as dt
        >>> item = WorkItem(
        ...     id="WI-1", title="协助开展高龄津贴申报", committee="residents_committee",
        ...     requested_by={"name": "某区民政局", "level": "district_department"},
        ...     requested_on=dt.date(2026, 3, 1), committee_role="assisting",
        ...     domain="residents_interest", list_entry="cn.urban-2025.art10.8",
        ...     legal_basis={"statute": "城市居民委员会组织法(2025-10-28)", "article": "第十条"},
        ...     funding={"amount_yuan": 20000, "payer": "某区民政局"}, assessment=None)
        >>> item.subject_id
        'WI-1'
    """

    subject_type: ClassVar[str] = "work_item"
    subject_zh: ClassVar[str] = "工作事项"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {"committee": get_args(CommitteeKind)}

    def facts(self) -> tuple[str | None, ...]:
        """``(committee,)``: what rule scopes select on."""
        return (self.committee,)

    id: Id = Field(description="Id of the work item (事项编号).")
    title: _Text = Field(description="What is asked (事项名称).")
    committee: CommitteeKind = Field(
        description="residents_committee (居民委员会) or village_committee (村民委员会)."
    )
    requested_by: RequestingBody = Field(description="The requesting body (委托 / 交办单位).")
    requested_on: Date = Field(description="The day the request is made (交办日期).")
    committee_role: CommitteeRole = Field(
        description="responsible_party (责任主体) or assisting (协助)."
    )
    domain: WorkDomain = Field(description="The domain of the work (事项类别).")
    list_entry: Id | None = Field(
        description="Id of the entry of the jurisdiction's work-item list (工作事项清单) the item "
        "is assigned under; null: the item is on no list."
    )
    legal_basis: LegalBasis | None = Field(
        description="The law the delegation rests on (法律法规依据); null: none given."
    )
    funding: Funding | None = Field(
        description="Funding provided with the task (经费); null: none provided."
    )
    needs_funding: bool | None = Field(
        default=None,
        description="Whether the delegated task needs funds (所需经费 / 需要经费的); null: not "
        "recorded (an unfunded delegated task is then indeterminate, never passed).",
    )
    assessment: Assessment | None = Field(
        description="The assessment attached to the task (考核); null: none."
    )
    authority_needed: IdTuple = Field(
        default=(),
        description="Powers the task needs that a committee does not hold by itself "
        "(履职所需的权限), e.g. 现场检查.",
    )
    authority_transferred: IdTuple = Field(
        default=(), description="Powers handed over with the task (随事项下放的权限)."
    )
    resources: tuple[_Text, ...] = Field(
        default=(),
        strict=False,
        description="Staff, equipment or premises provided (人员、设备、场地), for the record.",
    )
    deadline: Date | None = Field(default=None, description="Deadline (完成时限), if any.")
    certificate: CertificateRequest | None = Field(
        default=None, description="For domain certificate: the certificate asked for (证明事项)."
    )

    @property
    def subject_id(self) -> str:
        """The work item's id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """The day of the request: the default date of a check."""
        return self.requested_on

    @model_validator(mode="after")
    def _consistent(self) -> WorkItem:
        if (self.domain == "certificate") != (self.certificate is not None):
            raise path_error(
                "certificate_mismatch",
                "certificate: must be given exactly when domain is 'certificate' "
                "(domain is '{value}', certificate is {given}) (证明事项须与类别一致)",
                {"value": self.domain, "given": "given" if self.certificate else "null"},
            )
        if self.deadline is not None and self.deadline < self.requested_on:
            raise path_error(
                "deadline_before_request",
                "deadline: '{value}' is before requested_on {on} (完成时限早于交办日期)",
                {"value": self.deadline.isoformat(), "on": self.requested_on.isoformat()},
            )
        for field in ("authority_needed", "authority_transferred"):
            if duplicates(getattr(self, field)):
                raise repeated(field, getattr(self, field), key=None)
        return self
