"""Findings and Decisions: what each rule found, and the combined verdict.

The JSON form, ``cg.decision/1``, is a published contract (see ``cgov schema decision``):
keys sorted, no timestamps, byte-identical for the same input.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from .citation import Citation

__all__ = ["DECISION_FORMAT", "Decision", "Finding", "FindingStatus", "Severity", "Verdict"]

DECISION_FORMAT = "cg.decision/1"

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


@attrs.frozen(slots=True)
class Finding:
    """What one rule found.

    Attributes:
        rule: the rule's stable id.
        status: ``passed`` / ``failed`` / ``not_applicable`` / ``indeterminate``.
        severity: ``must`` or ``advisory``.
        kind: ``obligation`` / ``prohibition`` / ``permission``.
        message_zh: the explanation in Chinese, with every number compared.
        message_en: the same in English.
        evidence: JSON-ready numbers and facts compared (ints, strings, bools, lists, dicts).
        citations: the rule's citations, then those of the parameter values it read.
    """

    rule: str
    status: FindingStatus
    severity: Severity
    kind: str
    message_zh: str
    message_en: str
    evidence: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    citations: tuple[Citation, ...] = ()

    @property
    def is_denial(self) -> bool:
        """A failed ``must`` finding: it alone makes the verdict ``denied``."""
        return self.status == "failed" and self.severity == "must"

    @property
    def is_warning(self) -> bool:
        """A failed or indeterminate ``advisory`` finding: reported, never decisive."""
        return self.severity == "advisory" and self.status in ("failed", "indeterminate")

    def to_dict(self) -> dict[str, Any]:
        """The ``findings[]`` element of ``cg.decision/1``."""
        return {
            "rule": self.rule,
            "status": self.status,
            "severity": self.severity,
            "kind": self.kind,
            "message": {"zh": self.message_zh, "en": self.message_en},
            "evidence": dict(self.evidence),
            "citations": [c.to_dict() for c in self.citations],
        }

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
        )


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


@attrs.frozen(slots=True)
class Decision:
    """The answer to a check: the verdict and every rule considered, with its reasons.

    Attributes:
        subject_type: ``proposal``, ``body``, ``work_item``…
        subject_id: the subject's id as given in the input.
        rulebook_id: the rulebook used (``cn.sichuan.chengdu.jinjiang``).
        rulebook_version: that rulebook's version string.
        at: the date the law was applied as of.
        verdict: ``allowed`` / ``denied`` / ``indeterminate`` (see `combine`).
        findings: one per rule considered, in rulebook order.
    """

    subject_type: str
    subject_id: str
    rulebook_id: str
    rulebook_version: str
    at: dt.date
    verdict: Verdict
    findings: tuple[Finding, ...]

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
            KeyError: no such rule was considered.
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
        """The ``cg.decision/1`` JSON object."""
        return {
            "format": DECISION_FORMAT,
            "subject": {"type": self.subject_type, "id": self.subject_id},
            "rulebook": {"id": self.rulebook_id, "version": self.rulebook_version},
            "at": self.at.isoformat(),
            "verdict": self.verdict,
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """Serialise to ``cg.decision/1``: sorted keys, UTF-8 text, byte-stable.

        Args:
            indent: ``None`` (default) for compact machine output, which also takes the
                json module's fast path; an int for people.
        """
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Decision:
        """Inverse of `to_dict`.

        Raises:
            ValueError: ``format`` is not ``cg.decision/1``.
        """
        if data.get("format") != DECISION_FORMAT:
            raise ValueError(f"format must be {DECISION_FORMAT!r} (got {data.get('format')!r})")
        return cls(
            subject_type=data["subject"]["type"],
            subject_id=data["subject"]["id"],
            rulebook_id=data["rulebook"]["id"],
            rulebook_version=data["rulebook"]["version"],
            at=dt.date.fromisoformat(data["at"]),
            verdict=data["verdict"],
            findings=tuple(Finding.from_dict(f) for f in data["findings"]),
        )

    @classmethod
    def from_json(cls, text: str) -> Decision:
        """Parse a ``cg.decision/1`` document."""
        return cls.from_dict(json.loads(text))

    def explain(self) -> str:
        """A plain-text explanation, Chinese first with English alongside, for people.

        Lists every rule that applied with its status, numbers and citations, then the rules
        that did not apply, one line each with the reason.
        """
        lines = [
            f"{self.subject_type} {self.subject_id}: {_VERDICT_ZH[self.verdict]} ({self.verdict})",
            f"规则集 rulebook: {self.rulebook_id} v{self.rulebook_version} · "
            f"适用日期 as of {self.at.isoformat()}",
        ]
        skipped = [f for f in self.findings if f.status == "not_applicable"]
        for f in self.findings:
            if f.status == "not_applicable":
                continue
            level = "" if f.severity == "must" else " [原则上/advisory]"
            lines.append("")
            lines.append(f"[{_STATUS_ZH[f.status]} {f.status}] {f.rule}{level}")
            lines.append(f"  {f.message_zh}")
            lines.append(f"  {f.message_en}")
            for c in f.citations:
                extra = f" ({c.confidence})" if c.confidence != "confirmed" else ""
                quote = f" “{c.quote}”" if c.quote else ""
                lines.append(f"  依据 source: {c.short()}{quote}{extra}")
                if c.note:
                    lines.append(f"    note: {c.note}")
        if skipped:
            lines.append("")
            lines.append(f"[不适用 not_applicable] {len(skipped)} rule(s):")
            lines.extend(f"  {f.rule}: {f.message_zh} / {f.message_en}" for f in skipped)
        return "\n".join(lines)
