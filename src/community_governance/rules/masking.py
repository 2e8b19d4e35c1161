"""Masking a Decision: person ids and personal evidence replaced by salted digests.

A masked Decision can be shown to an auditor without naming anyone: every person id becomes
``P-`` and ten hex digits of HMAC-SHA256(salt, id), so the same person reads the same
throughout the Decision (and throughout one run, which uses one salt), and the auditor can
still follow a person from finding to finding. A person's name becomes that person's token;
a birth date and the personal facts the rules state about someone (an age, a deprivation of
political rights) become ``F-`` tokens, equal for equal facts. Whoever holds the salt and the
input can recompute every token.

The people are read from the subject: the persons of its community (``community.persons``:
id, name, birth date) and the owners of a meeting's units (``units[].owner_id``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .decision import Finding

__all__ = ["PERSONAL_KEYS", "Masker", "Person", "new_salt", "people_of"]

#: Evidence keys whose values are personal facts: masked wherever they appear.
PERSONAL_KEYS = frozenset(
    {"age", "birth_date", "gender", "name", "political_rights", "political_rights_deprived"}
)
# Personal facts the rules write into texts about one person ("V1: aged 17 < 18").
_FACTS = re.compile(r"aged \d+(?: < \d+)?|deprived of political rights|被剥夺政治权利")
# An id is masked as a token: not inside a longer run of ASCII letters and digits.
_BEFORE, _AFTER = r"(?<![A-Za-z0-9_])", r"(?![A-Za-z0-9_])"


@attrs.frozen(slots=True)
class Person:
    """What masking needs to know of a person: the id, and the name and birth date if any."""

    id: str
    name: str | None = None
    birth_date: str | None = None


def people_of(subject: Any) -> tuple[Person, ...]:
    """The people a subject names: its community's persons, a meeting's unit owners."""
    found: list[Person] = []
    community = getattr(subject, "community", None)
    for p in getattr(community, "persons", ()) or ():
        born = getattr(p, "birth_date", None)
        found.append(Person(p.id, getattr(p, "name", None), born.isoformat() if born else None))
    for unit in getattr(subject, "units", ()) or ():
        owner = getattr(unit, "owner_id", None)
        if isinstance(owner, str):
            found.append(Person(owner))
    return tuple(found)


def new_salt() -> bytes:
    """A random salt for one run (16 bytes)."""
    return secrets.token_bytes(16)


class Masker:
    """Replaces the people's ids, names, birth dates and personal facts in texts and evidence.

    Args:
        salt: the run's salt (text is UTF-8 encoded).
        people: the people to mask (see `people_of`).

    Examples:
        >>> m = Masker(b"salt", [Person("V1", "张三")])
        >>> m.text("not eligible: V1: aged 17 < 18") == (
        ...     f"not eligible: {m.token('V1')}: {m.token('aged 17 < 18', 'F-')}")
        True
        >>> m.text("张三与V10") == f"{m.token('V1')}与V10"
        True
    """

    def __init__(self, salt: bytes | str, people: Iterable[Person]) -> None:
        self._key = salt.encode("utf-8") if isinstance(salt, str) else bytes(salt)
        people = tuple(people)
        names = Counter(p.name for p in people if p.name)
        tokens: dict[str, str] = {}
        for p in people:
            tokens[p.id] = self.token(p.id)
        for p in people:
            if p.name and p.name not in tokens:
                # a name shared by two persons must not tie them together
                unique = names[p.name] == 1
                tokens[p.name] = self.token(p.id if unique else f"name\0{p.name}")
            if p.birth_date and p.birth_date not in tokens:
                tokens[p.birth_date] = self.token(f"birth_date\0{p.birth_date}", "F-")
        self._tokens = tokens
        alternatives = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
        self._ids = re.compile(f"{_BEFORE}(?:{alternatives}){_AFTER}") if tokens else None

    def token(self, value: str, prefix: str = "P-") -> str:
        """``prefix`` and ten hex digits of HMAC-SHA256(salt, value)."""
        digest = hmac.new(self._key, value.encode("utf-8"), hashlib.sha256).hexdigest()
        return prefix + digest[:10]

    def text(self, text: str) -> str:
        """``text`` with personal facts, ids, names and birth dates replaced by tokens."""
        text = _FACTS.sub(lambda m: self.token(m.group(), "F-"), text)
        if self._ids is not None:
            text = self._ids.sub(lambda m: self._tokens[m.group()], text)
        return text

    def value(self, value: Any) -> Any:
        """Evidence with every string masked as `text`, dict keys too, and the values under
        personal keys (`PERSONAL_KEYS`) replaced by ``F-`` tokens."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, Mapping):
            return {
                self.text(str(k)): self._fact(k, v) if k in PERSONAL_KEYS else self.value(v)
                for k, v in value.items()
            }
        if isinstance(value, (list, tuple)):
            return [self.value(v) for v in value]
        return value

    def _fact(self, key: str, value: Any) -> Any:
        if value is None:
            return None
        return self.token(f"{key}\0{json.dumps(value, sort_keys=True, default=str)}", "F-")

    def finding(self, finding: Finding) -> Finding:
        """``finding`` with its messages and evidence masked (titles and citations are law,
        and stay)."""
        return Finding(
            finding.rule,
            finding.status,
            finding.severity,
            finding.kind,
            self.text(finding.message_zh),
            self.text(finding.message_en),
            self.value(dict(finding.evidence)),
            finding.citations,
            finding.parameters,
            title=(finding.title_zh, finding.title_en),
        )
