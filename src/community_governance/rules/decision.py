"""Findings and Decisions: what each rule found, and the combined verdict.

The JSON form, ``cg.decision/2``, is a published contract (see ``cgov schema decision``):
keys sorted, no timestamps, byte-identical for the same input. Messages and titles are built
on first read (a Decision only checked for its verdict never renders text); the output is the
same bytes as if they had been built eagerly. So is the audit trail (`rules.audit`): its
digests are computed when the Decision is first serialised or its ``audit`` read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ..labels import Lang, bilingual, check_lang, label
from .audit import Audit, PendingAudit, RulebookIdentity
from .citation import Citation, Sources

if TYPE_CHECKING:
    from .masking import Person

__all__ = [
    "DECISION_FORMAT",
    "Decision",
    "Finding",
    "FindingStatus",
    "ParameterUse",
    "Severity",
    "Verdict",
]

DECISION_FORMAT = "cg.decision/2"

FindingStatus = Literal["passed", "failed", "not_applicable", "indeterminate"]
"""What one rule found about the subject."""
Severity = Literal["must", "advisory"]
"""``must`` rules decide; ``advisory`` rules (原则上 / 一般) only warn."""
Verdict = Literal["allowed", "denied", "indeterminate"]
"""The combined answer: deny-overrides, then indeterminate, then allowed."""

_STATUS_ZH = {
    "passed": "符合",
    "failed": "不符合",
    "not_applicable": "不适用",
    "indeterminate": "无法判定",
}
_VERDICT_ZH = {"allowed": "准予 / 符合", "denied": "不予 / 不符合", "indeterminate": "无法判定"}
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
#: ``json.dumps(x, ensure_ascii=False, sort_keys=True)`` without building an encoder per call.
_dumps = _ENCODER.encode
#: A JSON string literal (what the encoder writes for a str).
_string = json.encoder.encode_basestring
Texts = Callable[[], tuple[str, str]]


def _texts_key(render: Texts) -> tuple[str, str]:
    return render()


def _evidence_key(value: Mapping[str, Any] | Callable[[], Mapping[str, Any]]) -> Any:
    return value() if callable(value) else value


@attrs.frozen(slots=True, cache_hash=True)
class ParameterUse:
    """One parameter value a rule read: its name, value, the dates of that value, its source.

    Attributes:
        name: the parameter's dotted name.
        value: an int, or ``"p/q"`` for a share (exact).
        valid_from: first day of the value read.
        valid_to: first day after it (exclusive), or ``None``.
        citation: the law that sets the value.
    """

    name: str
    value: int | str
    valid_from: dt.date
    valid_to: dt.date | None
    citation: Citation

    def to_dict(self) -> dict[str, Any]:
        """The value of ``findings[].parameters[name]`` in ``cg.decision/2``."""
        return {
            "value": self.value,
            "valid_from": self.valid_from.isoformat(),
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "citation": self.citation.to_dict(),
        }

    @classmethod
    def from_dict(cls, name: str, data: Mapping[str, Any]) -> ParameterUse:
        """Inverse of `to_dict`."""
        return cls(
            name=name,
            value=data["value"],
            valid_from=dt.date.fromisoformat(data["valid_from"]),
            valid_to=dt.date.fromisoformat(data["valid_to"]) if data["valid_to"] else None,
            citation=Citation.from_dict(data["citation"]),
        )


def _fixed(zh: str, en: str) -> Texts:
    return lambda: (zh, en)


@attrs.frozen(slots=True, init=False)
class Finding:
    """What one rule found.

    Attributes:
        rule: the rule's stable id.
        status: ``passed`` / ``failed`` / ``not_applicable`` / ``indeterminate``.
        severity: ``must`` or ``advisory``.
        kind: ``obligation`` / ``prohibition`` / ``permission``.
        message_zh: the explanation in Chinese, with every number compared.
        message_en: the same in English.
        title_zh: the rule's title, its numbers rendered from the parameter values in force.
        title_en: the same in English.
        evidence: JSON-ready numbers and facts compared (ints, strings, bools, lists, dicts).
        citations: the law that grounds the result, then that of each parameter value read.
        parameters: every parameter value the rule read (name, value, dates, citation), by name.
    """

    rule: str
    status: FindingStatus
    severity: Severity
    kind: str
    _evidence: Mapping[str, Any] | Callable[[], Mapping[str, Any]] = attrs.field(
        eq=_evidence_key, hash=False, repr=False
    )
    citations: tuple[Citation, ...]
    parameters: tuple[ParameterUse, ...]
    _message: Texts = attrs.field(eq=_texts_key, hash=False, repr=False)
    _title: Texts = attrs.field(eq=_texts_key, hash=False, repr=False)

    def __init__(
        self,
        rule: str,
        status: FindingStatus,
        severity: Severity,
        kind: str,
        message_zh: str = "",
        message_en: str = "",
        evidence: Mapping[str, Any] | Callable[[], Mapping[str, Any]] | None = None,
        citations: tuple[Citation, ...] = (),
        parameters: tuple[ParameterUse, ...] = (),
        *,
        title: tuple[str, str] = ("", ""),
        render: Texts | None = None,
        render_title: Texts | None = None,
    ) -> None:
        self.__attrs_init__(
            rule,
            status,
            severity,
            kind,
            {} if evidence is None else evidence,
            citations,
            parameters,
            render or _fixed(message_zh, message_en),
            render_title or _fixed(*title),
        )

    @classmethod
    def judged(
        cls,
        rule: str,
        status: FindingStatus,
        severity: Severity,
        kind: str,
        evidence: Mapping[str, Any] | Callable[[], Mapping[str, Any]],
        citations: tuple[Citation, ...],
        parameters: tuple[ParameterUse, ...],
        render: Texts,
        render_title: Texts,
    ) -> Finding:
        """A finding as the engine makes it: every part given, texts rendered on first read."""
        out = cls.__new__(cls)
        out.__attrs_init__(
            rule, status, severity, kind, evidence, citations, parameters, render, render_title
        )
        return out

    def __reduce__(self) -> tuple[Any, ...]:
        # texts travel rendered: a render closure does not pickle, its result does
        zh, en = self._message()
        return (
            _restore,
            (
                self.rule,
                self.status,
                self.severity,
                self.kind,
                zh,
                en,
                dict(self.evidence),
                self.citations,
                self.parameters,
                self._title(),
            ),
        )

    @property
    def evidence(self) -> Mapping[str, Any]:
        """JSON-ready numbers and facts compared (built on first read where the check
        deferred them)."""
        found = self._evidence
        if callable(found):
            found = found()
            object.__setattr__(self, "_evidence", found)
        return found

    @property
    def message_zh(self) -> str:
        """The explanation in Chinese."""
        return self._message()[0]

    @property
    def message_en(self) -> str:
        """The explanation in English."""
        return self._message()[1]

    @property
    def title_zh(self) -> str:
        """The rule's title in Chinese, as in force on the Decision's date."""
        return self._title()[0]

    @property
    def title_en(self) -> str:
        """The rule's title in English."""
        return self._title()[1]

    @property
    def is_denial(self) -> bool:
        """A failed ``must`` finding: it alone makes the verdict ``denied``."""
        return self.status == "failed" and self.severity == "must"

    @property
    def is_warning(self) -> bool:
        """A failed or indeterminate ``advisory`` finding: reported, never decisive."""
        return self.severity == "advisory" and self.status in ("failed", "indeterminate")

    def to_dict(self) -> dict[str, Any]:
        """The ``findings[]`` element of ``cg.decision/2``."""
        zh, en = self._message()
        tzh, ten = self._title()
        return {
            "rule": self.rule,
            "status": self.status,
            "severity": self.severity,
            "kind": self.kind,
            "title": {"zh": tzh, "en": ten},
            "message": {"zh": zh, "en": en},
            "evidence": dict(self.evidence),
            "citations": [c.to_dict() for c in self.citations],
            "parameters": {p.name: p.to_dict() for p in self.parameters},
        }

    def to_json(self) -> str:
        """This finding as compact, key-sorted JSON: the same bytes as ``json.dumps(to_dict())``
        with sorted keys, assembled from cached fragments (citations, parameter values and
        titles are shared by many findings)."""
        zh, en = self._message()
        return (
            f'{{"citations": {_citations_json(self.citations)}, '
            f'"evidence": {_dumps(self.evidence)}, "kind": "{self.kind}", '
            f'"message": {{"en": {_string(en)}, "zh": {_string(zh)}}}, '
            f'"parameters": {_parameters_json(self.parameters)}, "rule": {_string(self.rule)}, '
            f'"severity": "{self.severity}", "status": "{self.status}", '
            f'"title": {_title_json(self._title())}}}'
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Inverse of `to_dict`."""
        return cls(
            rule=data["rule"],
            status=data["status"],
            severity=data["severity"],
            kind=data["kind"],
            message_zh=data["message"]["zh"],
            message_en=data["message"]["en"],
            evidence=dict(data["evidence"]),
            citations=tuple(Citation.from_dict(c) for c in data["citations"]),
            parameters=tuple(
                ParameterUse.from_dict(k, v) for k, v in sorted(data["parameters"].items())
            ),
            title=(data["title"]["zh"], data["title"]["en"]),
        )


def _restore(
    rule: str,
    status: FindingStatus,
    severity: Severity,
    kind: str,
    zh: str,
    en: str,
    evidence: Mapping[str, Any],
    citations: tuple[Citation, ...],
    parameters: tuple[ParameterUse, ...],
    title: tuple[str, str],
) -> Finding:
    return Finding(
        rule, status, severity, kind, zh, en, evidence, citations, parameters, title=title
    )


def cached(render: Texts) -> Texts:
    """``render``, called at most once (its text is kept)."""
    box: list[tuple[str, str]] = []

    def once() -> tuple[str, str]:
        if not box:
            box.append(render())
        return box[0]

    return once


@functools.lru_cache(maxsize=4096)
def _citations_json(citations: tuple[Citation, ...]) -> str:
    return _dumps([c.to_dict() for c in citations])


@functools.lru_cache(maxsize=4096)
def _parameters_json(parameters: tuple[ParameterUse, ...]) -> str:
    return _dumps({p.name: p.to_dict() for p in parameters})


@functools.lru_cache(maxsize=4096)
def _title_json(title: tuple[str, str]) -> str:
    return f'{{"en": {_string(title[1])}, "zh": {_string(title[0])}}}'


@functools.lru_cache(maxsize=1024)
def _coverage_json(coverage: Coverage) -> str:
    return _dumps(coverage.to_dict())


@functools.lru_cache(maxsize=256)
def _identities_json(
    rulebook: RulebookIdentity, extends: tuple[RulebookIdentity, ...]
) -> tuple[str, str]:
    return _dumps(rulebook.to_dict()), _dumps([r.to_dict() for r in extends])


def _audit_json(audit: Audit) -> str:
    rulebook, extends = _identities_json(audit.rulebook, audit.extends)
    community = (
        "" if audit.community is None else f'"community": {_dumps(audit.community.to_dict())}, '
    )
    return (
        f'{{{community}"extends": {extends}, "input_sha256": {_string(audit.input_sha256)}, '
        f'"library_version": {_string(audit.library_version)}, '
        f'"masked": {"true" if audit.masked else "false"}, "rulebook": {rulebook}}}'
    )


def _audit_key(value: Audit | PendingAudit | None) -> Audit | None:
    return value.resolve() if isinstance(value, PendingAudit) else value


def combine(findings: tuple[Finding, ...]) -> Verdict:
    """Deny-overrides: a failed ``must`` finding denies; else an indeterminate ``must`` finding
    makes the whole indeterminate; advisory findings never change the verdict."""
    verdict: Verdict = "allowed"
    for f in findings:
        if f.severity != "must":
            continue
        if f.status == "failed":
            return "denied"
        if f.status == "indeterminate":
            verdict = "indeterminate"
    return verdict


@attrs.frozen(slots=True, cache_hash=True)
class Coverage:
    """How much of the rulebook spoke to the subject.

    Attributes:
        out_of_scope: rules of the rulebook for this subject type whose scope excludes it.
        not_in_force: ids of in-scope rules not in force on the date.
        uncovered: when no binding rule in force is in scope, ``(zh, en)`` saying what is
            uncovered; the verdict is then ``indeterminate``.
    """

    out_of_scope: int = 0
    not_in_force: tuple[str, ...] = ()
    uncovered: tuple[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``coverage`` object of ``cg.decision/2``."""
        return {
            "out_of_scope": self.out_of_scope,
            "not_in_force": list(self.not_in_force),
            "uncovered": None
            if self.uncovered is None
            else {"zh": self.uncovered[0], "en": self.uncovered[1]},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Coverage:
        """Inverse of `to_dict`."""
        u = data["uncovered"]
        return cls(
            out_of_scope=data["out_of_scope"],
            not_in_force=tuple(data["not_in_force"]),
            uncovered=None if u is None else (u["zh"], u["en"]),
        )


@attrs.frozen(slots=True)
class Decision:
    """The answer to a check: the verdict and every rule in scope, with its reasons.

    Attributes:
        subject_type: ``proposal``, ``body``, ``work_item``…
        subject_id: the subject's id as given in the input.
        rulebook_id: the rulebook used (``cn.sichuan.chengdu.jinjiang``).
        rulebook_version: that rulebook's version string.
        at: the date the law was applied as of.
        verdict: ``allowed`` / ``denied`` / ``indeterminate`` (see `combine`).
        findings: one per rule in scope and in force, in rulebook order.
        coverage: the rules not listed (out of scope, not in force) and, if nothing binding
            covered the subject, what is uncovered.
        audit: what made the Decision (library version, rulebook identity and digest, input
            digest; see `community_governance.rules.audit`), or ``None`` for a Decision not
            made by the engine. Computed on first read.
    """

    subject_type: str
    subject_id: str
    rulebook_id: str
    rulebook_version: str
    at: dt.date
    verdict: Verdict
    findings: tuple[Finding, ...]
    coverage: Coverage = Coverage()
    _audit: Audit | PendingAudit | None = attrs.field(
        default=None, eq=_audit_key, hash=False, repr=False
    )

    @property
    def audit(self) -> Audit | None:
        """What made the Decision: library version, rulebook identity (kind, digest, files)
        and the SHA-256 of the canonical input; ``None`` if not made by the engine."""
        found = self._audit
        return found.resolve() if isinstance(found, PendingAudit) else found

    @property
    def allowed(self) -> bool:
        """``verdict == "allowed"``."""
        return self.verdict == "allowed"

    @property
    def denials(self) -> tuple[Finding, ...]:
        """The failed ``must`` findings: the reasons for a ``denied`` verdict."""
        return tuple(f for f in self.findings if f.is_denial)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Advisory findings that did not pass."""
        return tuple(f for f in self.findings if f.is_warning)

    @property
    def unresolved(self) -> tuple[Finding, ...]:
        """``must`` findings that could not be evaluated."""
        return tuple(
            f for f in self.findings if f.status == "indeterminate" and f.severity == "must"
        )

    def finding(self, rule: str) -> Finding:
        """The finding of rule ``rule``.

        Raises:
            KeyError: no such rule was considered (out of scope, not in force, or unknown).
        """
        for f in self.findings:
            if f.rule == rule:
                return f
        raise KeyError(
            f"no finding for rule {rule!r}; considered: {', '.join(f.rule for f in self.findings)}"
        )

    def statuses(self) -> dict[str, FindingStatus]:
        """``{rule id: status}`` for every finding — convenient for assertions."""
        return {f.rule: f.status for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        """The ``cg.decision/2`` JSON object (``audit`` is left out when there is none)."""
        data: dict[str, Any] = {
            "format": DECISION_FORMAT,
            "subject": {"type": self.subject_type, "id": self.subject_id},
            "rulebook": {"id": self.rulebook_id, "version": self.rulebook_version},
            "at": self.at.isoformat(),
            "verdict": self.verdict,
            "coverage": self.coverage.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
        }
        audit = self.audit
        if audit is not None:
            data["audit"] = audit.to_dict()
        return data

    def to_json(self, *, indent: int | None = None, mask: bytes | str | None = None) -> str:
        """Serialise to ``cg.decision/2``: sorted keys, UTF-8 text, byte-stable.

        Args:
            indent: ``None`` (default) for compact machine output, assembled from cached
                fragments (the same bytes as ``json.dumps(to_dict(), sort_keys=True)``); an
                int for people.
            mask: a salt: serialise `masked` (salt) instead, person ids and personal evidence
                replaced by salted digests.
        """
        if mask is not None:
            return self.masked(mask).to_json(indent=indent)
        if indent is not None:
            return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, indent=indent)
        findings = ", ".join(f.to_json() for f in self.findings)
        audit = self.audit
        trail = "" if audit is None else f'"audit": {_audit_json(audit)}, '
        return (
            f'{{"at": "{self.at.isoformat()}", {trail}"coverage": {_coverage_json(self.coverage)}, '
            f'"findings": [{findings}], "format": "{DECISION_FORMAT}", '
            f'"rulebook": {{"id": {_string(self.rulebook_id)}, '
            f'"version": {_string(self.rulebook_version)}}}, '
            f'"subject": {{"id": {_string(self.subject_id)}, '
            f'"type": {_string(self.subject_type)}}}, '
            f'"verdict": "{self.verdict}"}}'
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Decision:
        """Inverse of `to_dict`; the document is validated against the published schema first.

        Raises:
            FormatError: not a ``cg.decision/2`` document; every problem is named with its path.
        """
        from ..schemas import validate_decision

        validate_decision(data)
        return cls(
            subject_type=data["subject"]["type"],
            subject_id=data["subject"]["id"],
            rulebook_id=data["rulebook"]["id"],
            rulebook_version=data["rulebook"]["version"],
            at=dt.date.fromisoformat(data["at"]),
            verdict=data["verdict"],
            findings=tuple(Finding.from_dict(f) for f in data["findings"]),
            coverage=Coverage.from_dict(data["coverage"]),
            audit=Audit.from_dict(data["audit"]) if data.get("audit") is not None else None,
        )

    def masked(self, salt: bytes | str, people: Iterable[Person] | None = None) -> Decision:
        """This Decision with person ids, names, birth dates and personal facts in findings'
        evidence and messages replaced by salted digests (``P-`` + 10 hex digits of
        HMAC-SHA256(salt, id)); see `community_governance.rules.masking`.

        Use one salt for one run: the same person then reads the same in every Decision.

        Args:
            salt: the run's salt.
            people: whom to mask; default: the people of the subject the engine judged (its
                community's persons, a meeting's unit owners).

        Raises:
            ValueError: ``people`` not given and the Decision holds no subject (it was read
                from JSON or unpickled).
        """
        from .masking import Masker, people_of

        if people is None:
            pending = self._audit
            if not isinstance(pending, PendingAudit):
                raise ValueError(
                    "this Decision holds no subject (it was read from JSON or unpickled): "
                    "pass the people to mask"
                )
            people = people_of(pending.subject)
        masker = Masker(salt, people)
        findings = tuple(masker.finding(f) for f in self.findings)
        audit = self.audit
        return attrs.evolve(
            self,
            findings=findings,
            audit=None if audit is None else attrs.evolve(audit, masked=True),
        )

    @classmethod
    def from_json(cls, text: str) -> Decision:
        """Parse a ``cg.decision/2`` document."""
        return cls.from_dict(json.loads(text))

    def explain(self, lang: Lang = "zh+en", *, sources: Sources | None = None) -> str:
        """A plain-text explanation for people.

        Lists every rule in scope with its status, numbers, parameter values and citations,
        then the in-scope rules that did not apply, one line each with the reason, and what
        was not considered (out of scope, not in force, uncovered).

        Args:
            lang: ``zh+en`` (default: Chinese first, English alongside), ``zh`` or ``en``.
            sources: where to look up the documents cited — by default the rulebook the
                decision was made with, when the Decision was made in this process (one read
                from JSON or unpickled knows only the rulebook's id: pass it, or use
                `community_governance.text.explain`); each citation then shows the document's
                title (``成都市锦江区基层社会管理体制改革（2011） §二…``) instead of its id. Ids
                no one registers are shown as they are.

        Raises:
            ValueError: ``lang`` is not ``zh``, ``en`` or ``zh+en``.
        """
        lang = check_lang(lang)
        if sources is None and isinstance(self._audit, PendingAudit):
            made_with = self._audit.rulebook
            sources = made_with if callable(getattr(made_with, "source", None)) else None

        def head(zh: str, en: str) -> str:
            # "依据 source: " / "依据：" / "source: "
            return {"zh+en": f"{zh} {en}: ", "zh": f"{zh}：", "en": f"{en}: "}[lang]

        def tag(zh: str, en: str, code: str) -> str:
            # "[符合 passed]" / "[符合]" / "[passed]": zh+en keeps the code after the Chinese
            return f"[{bilingual(zh, code, lang) if lang != 'en' else en}]"

        def pick(zh: str, en: str) -> list[str]:
            return {"zh+en": [zh, en], "zh": [zh], "en": [en]}[lang]

        subject = (
            self.subject_type if lang == "zh+en" else label("subject_type", self.subject_type, lang)
        )
        verdict = {
            "zh+en": f"{_VERDICT_ZH[self.verdict]} ({self.verdict})",
            "zh": _VERDICT_ZH[self.verdict],
            "en": label("verdict", self.verdict, "en"),
        }[lang]
        sep = "；" if lang == "zh" else "; "
        book = f"{self.rulebook_id} v{self.rulebook_version}"
        audit = self.audit
        if audit is not None and audit.rulebook.kind != "builtin":
            # a file or Python rulebook never passes for a built-in one in the text either
            kind_zh = "文件规则集" if audit.rulebook.kind == "file" else "程序构建的规则集"
            digest = f"sha256 {audit.rulebook.sha256[:16]}…"
            book += {
                "zh+en": f" ({kind_zh} {audit.rulebook.kind} rulebook, {digest})",
                "zh": f"（{kind_zh}，{digest}）",
                "en": f" ({audit.rulebook.kind} rulebook, {digest})",
            }[lang]
        day = self.at.isoformat()
        lines = [
            f"{subject} {self.subject_id}{'：' if lang == 'zh' else ': '}{verdict}",
            {
                "zh+en": f"规则集 rulebook: {book} · 适用日期 as of {day}",
                "zh": f"规则集：{book} · 适用日期：{day}",
                "en": f"rulebook: {book} · as of {day}",
            }[lang],
        ]
        if self.coverage.uncovered is not None:
            zh, en = self.coverage.uncovered
            lines.append("")
            texts = pick(zh, en)
            lines.append(f"{tag('无规则', 'uncovered', 'uncovered')} {texts[0]}")
            lines.extend(f"  {t}" for t in texts[1:])
        skipped = [f for f in self.findings if f.status == "not_applicable"]
        for f in self.findings:
            if f.status == "not_applicable":
                continue
            level = (
                ""
                if f.severity == "must"
                else {"zh+en": " [原则上/advisory]", "zh": " [原则上]", "en": " [advisory]"}[lang]
            )
            status_en = label("status", f.status, "en")
            lines.append("")
            lines.append(f"{tag(_STATUS_ZH[f.status], status_en, f.status)} {f.rule}{level}")
            lines.extend(f"  {t}" for t in pick(f.message_zh, f.message_en))
            for p in f.parameters:
                end = p.valid_to.isoformat() if p.valid_to else "…"
                lines.append(
                    f"  {head('参数', 'parameter')}{p.name} = {p.value} "
                    f"({p.valid_from.isoformat()} – {end})"
                )
            for c in f.citations:
                lines.append(f"  {head('依据', 'source')}{_cited(c, lang, sources)}")
                if c.note:
                    lines.append(
                        f"    {head('说明', 'note') if lang == 'zh' else 'note: '}{c.note}"
                    )
        if skipped:
            lines.append("")
            n = len(skipped)
            rules = f"{n} rule{'' if n == 1 else 's'}:"
            count = f"{n}条规则：" if lang == "zh" else rules
            lines.append(f"{tag('不适用', 'not applicable', 'not_applicable')} {count}")
            colon = "：" if lang == "zh" else ": "
            lines.extend(
                f"  {f.rule}{colon}{' / '.join(pick(f.message_zh, f.message_en))}" for f in skipped
            )
        cov = self.coverage
        if cov.out_of_scope or cov.not_in_force:
            lines.append("")
            lines.append(
                f"{tag('未考虑', 'not considered', 'not considered')} "
                f"{head('范围外', 'out of scope')}{cov.out_of_scope}{sep}"
                f"{head('未施行', 'not in force')}{', '.join(cov.not_in_force) or '—'}"
            )
        return "\n".join(lines)


def _cited(c: Citation, lang: Lang, sources: Sources | None) -> str:
    """A citation as an explanation shows it: the document's title where ``sources`` knows it
    (Chinese unless ``lang`` is ``en``), its locator, the quote, and how firmly it was read."""
    where = c.source
    if sources is not None:
        with contextlib.suppress(LookupError):
            where = sources.source(c.source).title("en" if lang == "en" else "zh")
    quote = f" “{c.quote}”" if c.quote else ""
    extra = ""
    if c.confidence != "confirmed":
        extra = {
            "zh+en": f" ({c.confidence})",
            "zh": f"（{label('confidence', c.confidence)}）",
            "en": f" ({label('confidence', c.confidence, 'en')})",
        }[lang]
    return f"{where} {c.locator}{quote}{extra}"
