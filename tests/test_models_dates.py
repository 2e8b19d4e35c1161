"""Dates in Python-mode validation: the models as FastAPI/pydantic body types.

A dict decoded from JSON (what FastAPI hands a body model, what a form or a queue delivers)
validates exactly as the JSON text does, while the models stay strict about everything else.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from community_governance import strategies as cgst
from community_governance.models import SUBJECT_MODELS, Community, Election, Proposal, Subject
from community_governance.models.procedure_run import ProcedureRun

from ._support import EXAMPLES, example_data

#: A strategy for every subject model (Hypothesis examples of each).
SUBJECT_STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "Proposal": cgst.proposals(),
    "BodyComposition": cgst.body_compositions(),
    "WorkItem": cgst.work_items(),
    "Election": cgst.elections(),
    "Recall": cgst.recalls(),
    "AnnualEvaluationRecord": cgst.annual_evaluation_records(),
    "Meeting": cgst.meetings(),
    "Disclosure": cgst.disclosures(),
    "AssemblyRecord": cgst.assembly_records(),
    "BodySelection": cgst.body_selections(),
    "CadreEvaluation": cgst.cadre_evaluations(),
    "CollectiveAssetSpending": cgst.collective_asset_spendings(),
    "CollectiveOrganisation": cgst.collective_organisations(),
    "CommunityFacilities": cgst.community_facilities(),
    "Compound": cgst.compounds(),
    "FundAllocation": cgst.fund_allocations(),
    "GridRecord": cgst.grid_records(),
    "ServiceStationStaffing": cgst.service_station_staffings(),
    "SocialOrganization": cgst.social_organizations(),
    "WorkReport": cgst.work_reports(),
}


def _example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.glob("*/*.json"))


def _model_of(data: dict[str, Any]) -> type[BaseModel] | None:
    """The model an example file holds, by trying each (the files do not all say)."""
    if data.get("format") == "cg.procedure-run/1":
        return ProcedureRun
    for model in SUBJECT_MODELS.values():
        try:
            model.model_validate_json(json.dumps(data))
        except ValidationError:
            continue
        return model
    return None


def test_every_subject_model_has_a_strategy_here() -> None:
    """The property below draws every subject model the library has from a strategy of the
    library's own (a model missing here would be drawn by ``st.from_type`` alone)."""
    names = {m.__name__ for m in SUBJECT_MODELS.values()}
    assert names == set(SUBJECT_STRATEGIES)


@pytest.mark.parametrize(
    "subject",
    sorted(SUBJECT_MODELS),
)
def test_python_mode_of_decoded_json_equals_json_mode(subject: str) -> None:
    """For every subject model, validating ``json.loads`` of a dump gives the model that
    validating the JSON text gives."""
    model = SUBJECT_MODELS[subject]
    strategy = SUBJECT_STRATEGIES.get(model.__name__, st.from_type(model))

    @given(strategy)
    def check(x: Subject) -> None:
        text = x.model_dump_json()
        assert model.model_validate(json.loads(text)) == model.model_validate_json(text)

    check()


@pytest.mark.parametrize("path", _example_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_example_validates_from_decoded_json(path: Path) -> None:
    """Every shipped example (subjects and procedure runs) validates from a decoded dict as
    from its text: no "Input should be a valid date"."""
    data = json.loads(path.read_text(encoding="utf-8"))
    model = _model_of(data)
    if model is None:
        pytest.skip("not a subject or a procedure run (a deliberately invalid example)")
    assert model.model_validate(data) == model.model_validate_json(json.dumps(data))


def _proposal() -> dict[str, Any]:
    return example_data("jinjiang/proposal-eligible.json")


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("2026-03-01T00:00:00", "date_parsing"),
        ("2026-3-1", "date_parsing"),
        ("20260301", "date_parsing"),
        ("2026-02-30", "date_parsing"),
        (" 2026-03-01", "date_parsing"),
        ("２０２６-０３-０１", "date_parsing"),
        (20260301, "date_type"),
        (1.0, "date_type"),
        (dt.datetime(2026, 3, 1), "date_type"),
        (None, "date_type"),
    ],
)
def test_only_an_iso_date_or_a_date_is_a_date(value: object, error: str) -> None:
    """A datetime, a datetime string, another spelling, a number or None is never a date, in
    Python mode as in JSON mode."""
    data = _proposal() | {"submitted_on": value}
    with pytest.raises(ValidationError) as e:
        Proposal.model_validate(data)
    assert [(x["loc"], x["type"]) for x in e.value.errors()] == [(("submitted_on",), error)]
    if not isinstance(value, dt.date):  # JSON has no date objects
        with pytest.raises(ValidationError) as j:
            Proposal.model_validate_json(json.dumps(data))
        assert [x["type"] for x in j.value.errors()] == [error]


def test_an_iso_string_and_a_date_give_the_same_model() -> None:
    """``"2026-03-02"`` and ``datetime.date(2026, 3, 2)`` are the same day."""
    as_text = Proposal.model_validate(_proposal() | {"submitted_on": "2026-03-02"})
    as_date = Proposal.model_validate(_proposal() | {"submitted_on": dt.date(2026, 3, 2)})
    assert as_text == as_date
    assert type(as_text.submitted_on) is dt.date


@pytest.mark.parametrize(
    ("path", "value", "error"),
    [
        (("community", "kind"), 1, "literal_error"),
        (("community", "persons", 0, "birth_date"), "1990-01-01T00:00", "date_parsing"),
        (("community", "households"), "h1", "tuple_type"),
        (("title",), 100, "string_type"),
        (("id",), 1.0, "string_type"),
    ],
)
def test_python_mode_stays_strict_about_everything_else(
    path: tuple[str | int, ...], value: object, error: str
) -> None:
    """Only dates gained the ISO string: a number is never a string, a string never a
    number or a list."""
    data = _proposal()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ValidationError) as e:
        Proposal.model_validate(data)
    assert (path, error) in [(x["loc"], x["type"]) for x in e.value.errors()]


@pytest.mark.parametrize("value", ["1", 1.0, True])
def test_a_count_string_never_becomes_a_count(value: object) -> None:
    """``"1"`` is never 1, nor ``1.0`` nor ``True`` (an election's seats), in Python mode."""
    data = example_data("elections/voters-election.json") | {"seats": value}
    with pytest.raises(ValidationError) as e:
        Election.model_validate(data)
    assert [(x["loc"], x["type"]) for x in e.value.errors()] == [(("seats",), "int_type")]


def test_dates_dump_as_iso_strings() -> None:
    """Dumped to JSON a date is ``YYYY-MM-DD``; dumped to Python it stays a date."""
    c = Community.model_validate(
        {
            "id": "c",
            "name": "社区",
            "kind": "urban",
            "persons": [{"id": "p", "birth_date": "1990-05-04"}],
        }
    )
    assert json.loads(c.model_dump_json())["persons"][0]["birth_date"] == "1990-05-04"
    assert c.model_dump()["persons"][0]["birth_date"] == dt.date(1990, 5, 4)


def test_the_json_schema_of_a_date_is_unchanged() -> None:
    """The JSON Schema still says ``{"type": "string", "format": "date"}``."""
    prop = Proposal.model_json_schema()["properties"]["submitted_on"]
    assert (prop["type"], prop["format"]) == ("string", "date")
