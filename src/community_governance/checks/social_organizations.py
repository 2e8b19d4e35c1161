"""Checks of social organisations (社会组织): the track that admits one to act (登记 or 备案),
its start-up grants (开办扶持资金) and its assessments (综合评估)."""

from __future__ import annotations

from ..exceptions import MissingDataError
from ..models.social_organization import SocialOrganization
from ..rules.parameter import Parameter
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads
from ..rules.threshold import Term, Threshold

__all__ = ["assessment", "dual_track", "one_start_up_grant", "start_up_grant"]

GRANT_YUAN = Term("grant_yuan", "开办扶持资金", "yuan granted", "元", ("yuan", "yuan"))
_TRACK_ZH = {"registered": "已登记", "filed": "已备案", "none": "未登记也未备案"}


def dual_track(org: SocialOrganization, ctx: RuleContext) -> Check:
    """An organisation carrying out activities on the day judged is registered (登记), or, not
    yet eligible to register, filed with the street office (在街道备案后即享有开展活动的身份).

    The day before it was filed is not judged: the record says on what day it began to act,
    not whether it acted every day in between."""
    if org.active_since is None or org.active_since > ctx.at:
        return Check.not_applicable(
            "该社会组织尚未开展活动", "the organisation carries out no activities yet"
        )
    track = org.track_on(ctx.at)
    if track == "registered":
        return Check.passed(
            "该社会组织已依法登记，可以开展活动",
            "the organisation is registered and may carry out activities",
            track=track,
        )
    if track == "filed" and org.filing is not None and org.filing.filed_with == "street_office":
        return Check.passed(
            f"该社会组织已于{org.filing.filed_on.isoformat()}在街道备案，可以开展活动",
            f"the organisation was filed with the street office on "
            f"{org.filing.filed_on.isoformat()} and may carry out activities",
            track=track,
        )
    if track == "filed":
        return Check.failed(
            "该社会组织的备案不是在街道办理的：暂不符合登记条件的社会组织在街道备案后方可开展活动",
            "the organisation was filed with a body other than the street office: one not yet "
            "eligible to register acts once filed with the street office",
            track=track,
            filed_with="other",
        )
    return Check.failed(
        f"该社会组织自{org.active_since.isoformat()}开展活动，但{ctx.at.isoformat()}既未登记也"
        "未在街道备案",
        f"the organisation has carried out activities since {org.active_since.isoformat()} but "
        f"on {ctx.at.isoformat()} is neither registered nor filed with the street office",
        track=track,
    )


def start_up_grant(registered_max: Parameter, filed_max: Parameter) -> DeclaredCheck:
    """Make a check: each start-up grant is at most ``registered_max`` yuan for an organisation
    registered on the day of the grant, at most ``filed_max`` for one filed (最高…元/个); an
    organisation on neither track gets none. A grant is judged by the caps in force on the
    day it was paid; one paid before any cap was in force is not governed by the rule."""

    @reads(registered_max, filed_max)
    def check(org: SocialOrganization, ctx: RuleContext) -> Check:
        grants = [g for g in org.start_up_grants if g.granted_on <= ctx.at]
        if not grants:
            return Check.not_applicable("未获开办扶持资金", "no start-up grant received")
        bad_zh: list[str] = []
        bad_en: list[str] = []
        good_zh: list[str] = []
        good_en: list[str] = []
        evidence: list[dict[str, object]] = []
        for g in grants:
            day = g.granted_on.isoformat()
            then = ctx.as_of(g.granted_on)
            if then is None:
                evidence.append({"granted_on": day, "governed": False})
                continue
            track = org.track_on(g.granted_on)
            if track == "none":
                bad_zh.append(f"{day}扶持时该组织既未登记也未备案")
                bad_en.append(f"on {day} the organisation was neither registered nor filed")
                evidence.append({"granted_on": day, "track": track, "passed": False})
                continue
            cap = then.count(registered_max if track == "registered" else filed_max)
            c = Threshold("at_most", cap, GRANT_YUAN).test(g.amount_yuan)
            zh, en = c.text()
            evidence.append({"granted_on": day, "track": track, **c.to_evidence()})
            (bad_zh if not c.passed else good_zh).append(f"{day}（{_TRACK_ZH[track]}）{zh}")
            (bad_en if not c.passed else good_en).append(f"{day} ({track}): {en}")
        if bad_zh:
            return Check.failed("；".join(bad_zh), "; ".join(bad_en), grants=evidence)
        if all(e.get("governed") is False for e in evidence):
            return Check.not_applicable(
                "开办扶持资金均在扶持标准施行前给予",
                "every start-up grant was paid before the standard was in force",
                grants=evidence,
            )
        return Check.passed(
            "开办扶持资金未超过给予之日的标准：" + "；".join(good_zh),
            "start-up support within the standard in force on the day it was paid: "
            + "; ".join(good_en),
            grants=evidence,
        )

    return check


def one_start_up_grant(org: SocialOrganization, ctx: RuleContext) -> Check:
    """Start-up support is paid once (一次性开办扶持资金): at most one start-up grant."""
    days = sorted(g.granted_on.isoformat() for g in org.start_up_grants if g.granted_on <= ctx.at)
    if not days:
        return Check.not_applicable("未获开办扶持资金", "no start-up grant received")
    if len(days) == 1:
        return Check.passed(
            "开办扶持资金一次性给予", "start-up support was paid once", granted_on=days
        )
    return Check.failed(
        f"开办扶持资金应当一次性给予，但给予了{len(days)}次（{'、'.join(days)}）",
        f"start-up support is paid once, but was paid {len(days)} times ({', '.join(days)})",
        granted_on=days,
    )


def assessment(org: SocialOrganization, ctx: RuleContext) -> Check:
    """Each assessment of the organisation was free of charge (免费) and its result published
    (评估结果对外公开); a result whose publication is not recorded is indeterminate."""
    done = [a for a in org.assessments if a.year <= ctx.at.year]
    if not done:
        return Check.not_applicable("未接受评估", "not assessed")
    charged = [a.year for a in done if a.fee_yuan > 0]
    unpublished = [a.year for a in done if a.published is False]
    unknown = [a.year for a in done if a.published is None]
    if charged or unpublished:
        parts_zh = [f"{y}年评估收费" for y in charged]
        parts_zh += [f"{y}年评估结果未公开" for y in unpublished]
        parts_en = [f"the {y} assessment charged a fee" for y in charged]
        parts_en += [f"the {y} result was not published" for y in unpublished]
        return Check.failed(
            "社会组织评估应当免费并公开结果：" + "；".join(parts_zh),
            "assessments are free and their results published: " + "; ".join(parts_en),
            charged=charged,
            unpublished=unpublished,
        )
    if unknown:
        years = ", ".join(str(y) for y in unknown)
        raise MissingDataError(
            "assessments[].published",
            f"whether the result was published is not recorded for {years}",
            f"未登记{years}年评估结果是否公开",
        )
    return Check.passed(
        "评估均免费进行，结果均已公开",
        "every assessment was free and its result published",
        years=[a.year for a in done],
    )
