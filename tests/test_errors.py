"""Form-ready validation: every problem at once, each at its element, with a stable type;
one formatter (`community_governance.errors`) shared by the CLI, batch, case files and the
service."""

from __future__ import annotations

import ast
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from community_governance import cli
from community_governance.batch import check_work_items
from community_governance.errors import (
    PROBLEM_TYPE_BASE,
    Problem,
    format_text,
    problems,
    to_problem_json,
)
from community_governance.models import Community, Election, Proposal
from community_governance.testing.cases import load_case_file

from ._support import ROOT, example_data

MODELS = ROOT / "src" / "community_governance" / "models"


def _problems(model: type[Any], data: Any) -> list[Problem]:
    with pytest.raises(ValidationError) as e:
        model.model_validate(data)
    found = problems(e.value)
    with pytest.raises(ValidationError) as j:  # the JSON text gives the same problems
        model.model_validate_json(json.dumps(data, ensure_ascii=False))
    assert problems(j.value) == found
    return found


def _where(found: list[Problem]) -> list[tuple[str, str]]:
    return [(p.path, p.type) for p in found]


def _proposal() -> dict[str, Any]:
    return example_data("jinjiang/proposal-eligible.json")


def _election() -> dict[str, Any]:
    return example_data("elections/voters-election.json")


def test_a_bad_sponsor_is_located_at_its_index() -> None:
    """A sponsoring household that is not of the community is at ``sponsor_household_ids.3``,
    not at the whole list."""
    data = _proposal()
    data["sponsor_household_ids"][3] = "H-nowhere"
    assert _where(_problems(Proposal, data)) == [("sponsor_household_ids.3", "unknown_reference")]


def test_every_problem_is_listed_at_once() -> None:
    """Field problems anywhere and every bad sponsor come in one error, each at its place."""
    data = _proposal()
    data["title"] = ""
    data["category"] = "urgent"
    data["sponsor_household_ids"][1] = "H-a"
    data["sponsor_household_ids"][4] = "H-b"
    assert _where(_problems(Proposal, data)) == [
        ("title", "string_too_short"),
        ("category", "literal_error"),
        ("sponsor_household_ids.1", "unknown_reference"),
        ("sponsor_household_ids.4", "unknown_reference"),
    ]


def test_a_check_needing_an_invalid_field_waits_for_it() -> None:
    """A cross-field check runs once the fields it reads are valid: with the community
    invalid, its problem is listed and the sponsors (checked against it) are not judged."""
    data = _proposal()
    data["community"]["persons"][2]["birth_date"] = "1990-02-30"
    data["sponsor_household_ids"][1] = "H-a"
    assert _where(_problems(Proposal, data)) == [("community.persons.2.birth_date", "date_parsing")]


def test_every_repeat_of_an_id_is_located() -> None:
    """Each repeated sponsor is at its own index; the first listing is no problem."""
    data = _proposal()
    ids = data["sponsor_household_ids"]
    data["sponsor_household_ids"] = [*ids, ids[0], ids[2]]
    n = len(ids)
    assert _where(_problems(Proposal, data)) == [
        (f"sponsor_household_ids.{n}", "duplicate_id"),
        (f"sponsor_household_ids.{n + 1}", "duplicate_id"),
    ]


def _set(path: tuple[str | int, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


@pytest.mark.parametrize(
    ("model", "change", "where"),
    [
        (
            Proposal,
            _set(("community", "memberships", 0, "person_id"), "ghost"),
            ("community.memberships.0.person_id", "unknown_reference"),
        ),
        (
            Proposal,
            _set(("community", "memberships", 1, "term_end"), "2000-01-01"),
            ("community.memberships.1.term_end", "term_order"),
        ),
        (
            Proposal,
            _set(("community", "persons", 1, "household_id"), "H-none"),
            ("community.persons.1.household_id", "unknown_reference"),
        ),
        (
            Proposal,
            _set(("community", "persons", 3, "id"), "R01"),
            ("community.persons.3.id", "duplicate_id"),
        ),
        (Election, _set(("proxies", 1, "proxy_id"), "R02"), ("proxies.1.proxy_id", "self_proxy")),
        (Election, _set(("voted_ids", 5), "nobody"), ("voted_ids.5", "unknown_reference")),
        (
            Election,
            _set(("candidates", 0, "votes"), 10_000),
            ("candidates.0.votes", "too_many_votes"),
        ),
        (
            Election,
            _set(("voter_list_published_on",), "2026-06-01"),
            ("voter_list_published_on", "date_order"),
        ),
    ],
)
def test_a_cross_field_problem_carries_its_path_in_loc(
    model: type[Any], change: Callable[[dict[str, Any]], None], where: tuple[str, str]
) -> None:
    """Model validators put the element they are about in ``loc`` (not only in the
    message), under the path of the model in the whole input."""
    data = _proposal() if model is Proposal else _election()
    change(data)
    assert where in _where(_problems(model, data))


def test_the_message_does_not_repeat_the_path() -> None:
    """A form shows the message next to the field: the path it would repeat is left out,
    while ``str(error)`` keeps it for readers of a traceback."""
    data = _proposal()
    data["community"]["memberships"][0]["person_id"] = "ghost"
    with pytest.raises(ValidationError) as e:
        Proposal.model_validate(data)
    (p,) = problems(e.value)
    assert p.message.startswith("'ghost' is not a person of community")
    assert "memberships[0].person_id: 'ghost'" in str(e.value)
    assert p.input == "'ghost'"


def test_no_model_validator_raises_an_unlocated_error() -> None:
    """Cross-field checks in the models raise located errors (``path_error``, ``located``,
    ``repeated``): a bare PydanticCustomError in a model validator would land at ``loc=()``.
    Only the field-level normalisers in ``_base.py`` may raise it (pydantic locates them)."""
    offenders = []
    for path in sorted(MODELS.glob("*.py")):
        if path.name == "_base.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise | ast.Return) and isinstance(
                getattr(node, "exc", None) or getattr(node, "value", None), ast.Call
            ):
                call = node.exc if isinstance(node, ast.Raise) else node.value
                assert isinstance(call, ast.Call)
                if getattr(call.func, "id", None) == "PydanticCustomError":
                    offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_input_excerpts_are_short_and_escaped() -> None:
    """The input is quoted short, with a bidi override shown as an escape."""
    data = _proposal()
    data["category"] = "\u202e" + "x" * 500
    (p,) = _problems(Proposal, data)
    assert p.input is not None
    assert "\\u202e" in p.input
    assert "\u202e" not in p.input
    assert len(p.input) < 80


def test_a_missing_field_has_no_input() -> None:
    """A missing field quotes nothing (the input would be the whole object)."""
    data = _proposal()
    del data["title"]
    (p,) = _problems(Proposal, data)
    assert (p.loc, p.type, p.input) == (("title",), "missing", None)


def test_problem_json_is_rfc_9457_with_every_error() -> None:
    """``to_problem_json`` gives type, title, status, detail and instance, plus ``errors``
    with each problem's loc, JSON Pointer, type, detail and input."""
    data = _proposal()
    data["sponsor_household_ids"][0] = "H/~x"
    data["title"] = 5
    with pytest.raises(ValidationError) as e:
        Proposal.model_validate(data)
    doc = to_problem_json(e.value, instance="/v1/check/proposal")
    assert doc["type"] == PROBLEM_TYPE_BASE + "invalid-input"
    assert (doc["status"], doc["instance"]) == (422, "/v1/check/proposal")
    assert doc["detail"] == "2 problem(s) in Proposal"
    assert doc["errors"] == [
        {
            "loc": ["title"],
            "pointer": "#/title",
            "type": "string_type",
            "detail": "Input should be a valid string",
            "input": "5",
        },
        {
            "loc": ["sponsor_household_ids", 0],
            "pointer": "#/sponsor_household_ids/0",
            "type": "unknown_reference",
            "detail": "'H/~x' is not a household of community CN-510104-EX01 (不是该社区的居民户)",
            "input": "'H/~x'",
        },
    ]
    json.dumps(doc)  # serialisable as it is


def test_a_json_pointer_escapes_tilde_and_slash() -> None:
    """RFC 6901: ``~`` is ``~0`` and ``/`` is ``~1`` in a pointer."""
    assert Problem(("a/b", "c~d", 2), "x", "m").pointer == "#/a~1b/c~0d/2"
    assert Problem((), "x", "m").pointer == "#"


def test_a_huge_list_of_problems_is_bounded() -> None:
    """At most ``limit`` errors are listed; ``omitted`` counts the rest."""
    found = [Problem(("ids", i), "x", "m") for i in range(5)]
    doc = to_problem_json(found, limit=3)
    assert (len(doc["errors"]), doc["omitted"]) == (3, 2)
    assert format_text(found, source="f", what="W", limit=2).endswith("… and 3 more")


def test_the_cli_prints_each_problem_at_its_path(tmp_path: Path) -> None:
    """``cgov check`` lists the problems through the shared formatter."""
    data = _proposal()
    data["sponsor_household_ids"][3] = "H-nowhere"
    data["title"] = ""
    f = tmp_path / "p.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(
        ["check", "proposal", str(f), "--rulebook", "cn.sichuan.chengdu.jinjiang"], out, err
    )
    assert code == 2
    lines = err.getvalue().splitlines()
    assert lines[0].endswith("2 validation error(s) in Proposal:")
    assert lines[1] == "  title: String should have at least 1 character (got '')"
    assert lines[2].startswith("  sponsor_household_ids.3: 'H-nowhere' is not a household")


def test_the_batch_reports_a_line_through_the_shared_formatter() -> None:
    """An invalid work-item line is reported with the same paths and messages."""
    item = example_data("access/assistance-funded.json")
    item["deadline"] = "1999-01-01"
    (result,) = check_work_items([json.dumps(item, ensure_ascii=False)], "cn.ningxia")
    assert result.decision is None
    assert result.error is not None
    assert result.error.startswith("deadline: '1999-01-01' is before requested_on")


def test_a_case_file_is_reported_through_the_shared_formatter(tmp_path: Path) -> None:
    """A malformed case file names each problem at its path."""
    pytest.importorskip("yaml")
    f = tmp_path / "bad.yaml"
    f.write_text("format: cg.cases/2\ncases: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"invalid case file:\n  cases: List should have") as e:
        load_case_file(f)
    assert "(got" not in str(e.value)  # a case file's author has the file open: no excerpts


def test_community_problems_stay_under_the_community_path() -> None:
    """A community validated on its own gives the same paths without the ``community.``."""
    data = _proposal()["community"]
    data["memberships"][0]["person_id"] = "ghost"
    assert _where(_problems(Community, data)) == [("memberships.0.person_id", "unknown_reference")]
