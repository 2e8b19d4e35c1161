"""The HTTP service (``cgov serve``), tested against a real uvicorn server on loopback."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the service extra is not installed")
pytest.importorskip("uvicorn", reason="the service extra is not installed")
httpx = pytest.importorskip("httpx", reason="httpx (the test extra) is not installed")

from community_governance import cli, evaluate, get_rulebook  # noqa: E402
from community_governance.errors import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE  # noqa: E402
from community_governance.models import SUBJECT_MODELS, Proposal  # noqa: E402
from community_governance.models.procedure_run import ProcedureRun  # noqa: E402
from community_governance.procedures import replay  # noqa: E402
from community_governance.rulebooks import load_rulebook  # noqa: E402

from ._support import EXAMPLES, ROOT, cgov_serve, example_data, load_example  # noqa: E402

JINJIANG = "cn.sichuan.chengdu.jinjiang"
#: The body limit the test server runs with (CGOV_MAX_INPUT_BYTES).
LIMIT = 1_000_000
#: One example per subject route, and the rulebook it is checked against.
SUBJECT_EXAMPLES = {
    "proposal": ("jinjiang/proposal-eligible.json", JINJIANG),
    "body": ("bodies/residents-committee-4.json", "cn"),
    "work-item": ("access/assistance-funded.json", "cn.ningxia"),
    "election": ("elections/voters-election.json", "cn"),
    "recall": ("elections/recall.json", "cn"),
    "annual-evaluation": ("elections/evaluation.json", "cn"),
    "meeting": ("meetings/residents-assembly.json", "cn"),
    "disclosure": ("meetings/village-disclosure.json", "cn"),
}


@pytest.fixture(scope="module")
def rulebook_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory with two rulebook files, one extending the other's parent."""
    d = tmp_path_factory.mktemp("rulebooks")
    for name in ("example-city.toml", "locality-2027.toml"):
        shutil.copy(EXAMPLES / "rulebooks" / name, d / name)
    return d


@pytest.fixture(scope="module")
def server(rulebook_dir: Path) -> Iterator[str]:
    """``cgov serve --port 0`` in a child process: its base URL once it listens; stopped
    (SIGTERM, then killed if need be) after the module's tests."""
    with cgov_serve(
        "--rulebook-dir", str(rulebook_dir), env={"CGOV_MAX_INPUT_BYTES": str(LIMIT)}
    ) as url:
        yield url


@pytest.fixture
def client(server: str) -> Iterator[httpx.Client]:
    """An HTTP client of the test server; every request bounded to 30 s."""
    with httpx.Client(base_url=server, timeout=30) as c:
        yield c


def _problem(response: httpx.Response, status: int, type_: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    doc: dict[str, Any] = response.json()
    assert doc["type"] == PROBLEM_TYPE_BASE + type_
    assert doc["status"] == status
    return doc


def test_health(client: httpx.Client) -> None:
    """``GET /v1/health`` answers while the server runs."""
    r = client.get("/v1/health")
    assert (r.status_code, r.json()["status"]) == (200, "ok")


def _example_of(subject: str) -> tuple[str, str] | None:
    """An example file holding ``subject`` and the rulebook to check it against: the one
    named above, else the first example file that validates as the subject (against ``cn``)."""
    if subject in SUBJECT_EXAMPLES:
        return SUBJECT_EXAMPLES[subject]
    model = SUBJECT_MODELS[subject.replace("-", "_")]
    for path in sorted(EXAMPLES.glob("*/*.json")):
        try:
            model.model_validate_json(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        return f"{path.parent.name}/{path.name}", "cn"
    return None


def test_every_subject_has_its_route(client: httpx.Client) -> None:
    """Every subject model has its check route, in the OpenAPI document too."""
    paths = client.get("/openapi.json").json()["paths"]
    assert {p for p in paths if p.startswith("/v1/check/")} == {
        f"/v1/check/{s.replace('_', '-')}" for s in SUBJECT_MODELS
    }


@pytest.mark.parametrize("subject", sorted(s.replace("_", "-") for s in SUBJECT_MODELS))
def test_a_check_answers_the_library_decision_byte_for_byte(
    client: httpx.Client, subject: str
) -> None:
    """``POST /v1/check/{subject}`` answers the Decision the library makes, byte for byte."""
    found = _example_of(subject)
    if found is None:
        pytest.skip(f"no example file holds a {subject}")
    path, rulebook = found
    text = load_example(path)
    r = client.post(f"/v1/check/{subject}", params={"rulebook": rulebook}, content=text)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    model = SUBJECT_MODELS[subject.replace("-", "_")]
    expected = evaluate(model.model_validate_json(text), get_rulebook(rulebook))
    assert r.content.decode("utf-8") == expected.to_json(indent=None)


def test_at_applies_the_law_as_of_another_day(client: httpx.Client) -> None:
    """``at=`` is the library's ``at``: the Decision is made as of that day."""
    text = load_example("jinjiang/proposal-eligible.json")
    r = client.post(
        "/v1/check/proposal", params={"rulebook": JINJIANG, "at": "2025-01-01"}, content=text
    )
    assert r.status_code == 200, r.text
    day = dt.date(2025, 1, 1)
    expected = evaluate(Proposal.model_validate_json(text), get_rulebook(JINJIANG), day)
    assert r.json() == json.loads(expected.to_json())


def test_a_file_rulebook_from_the_directory_is_used(
    client: httpx.Client, rulebook_dir: Path
) -> None:
    """A rulebook of ``--rulebook-dir`` is found by its id."""
    text = load_example("jinjiang/proposal-eligible.json")
    r = client.post("/v1/check/proposal", params={"rulebook": "cn.example.city"}, content=text)
    assert r.status_code == 200, r.text
    book = load_rulebook(rulebook_dir / "example-city.toml")
    assert r.content.decode() == evaluate(Proposal.model_validate_json(text), book).to_json(
        indent=None
    )


def test_an_invalid_body_lists_every_problem_at_its_path(client: httpx.Client) -> None:
    """422 ``application/problem+json``: each problem at its path under ``body``, with a
    stable type — a bad sponsor at its index, a cross-field error at its element."""
    data = example_data("jinjiang/proposal-eligible.json")
    data["title"] = ""
    data["sponsor_household_ids"][3] = "H-nowhere"  # type: ignore[index]
    r = client.post("/v1/check/proposal", params={"rulebook": JINJIANG}, json=data)
    doc = _problem(r, 422, "invalid-input")
    assert doc["instance"] == "/v1/check/proposal"
    assert [(e["loc"], e["type"]) for e in doc["errors"]] == [
        (["body", "title"], "string_too_short"),
        (["body", "sponsor_household_ids", 3], "unknown_reference"),
    ]
    assert doc["errors"][1]["pointer"] == "#/body/sponsor_household_ids/3"
    assert doc["errors"][1]["detail"].startswith("'H-nowhere' is not a household")


def test_a_cross_field_problem_in_the_community_is_located(client: httpx.Client) -> None:
    """A membership naming nobody is at ``body.community.memberships.0.person_id``."""
    data: Any = example_data("jinjiang/proposal-eligible.json")
    data["community"]["memberships"][0]["person_id"] = "ghost"
    doc = _problem(
        client.post("/v1/check/proposal", params={"rulebook": JINJIANG}, json=data),
        422,
        "invalid-input",
    )
    assert [e["loc"] for e in doc["errors"]] == [
        ["body", "community", "memberships", 0, "person_id"]
    ]


@pytest.mark.parametrize(
    ("body", "where"),
    [
        (b'{"id": "a", "id": "b"}', ["body", "id"]),
        (b"{not json", ["body"]),
        (b'{"seats": NaN}', ["body"]),
        (b"[" * 100 + b"]" * 100, ["body"]),
    ],
    ids=["key-twice", "not-json", "nan", "too-deep"],
)
def test_a_body_that_is_not_strict_json_is_refused(
    client: httpx.Client, body: bytes, where: list[str]
) -> None:
    """400: a key given twice, malformed JSON, NaN and nesting past the limit are refused
    before validation, as ``cgov check`` refuses such a file."""
    r = client.post("/v1/check/election", params={"rulebook": "cn"}, content=body)
    doc = _problem(r, 400, "invalid-json")
    assert doc["errors"][0]["loc"] == where


def test_a_body_that_is_not_utf8_is_refused(client: httpx.Client) -> None:
    """400 for bytes that are not UTF-8."""
    r = client.post("/v1/check/election", params={"rulebook": "cn"}, content=b'{"id": "\xff"}')
    _problem(r, 400, "invalid-json")


def test_a_body_over_the_limit_is_refused_unread(client: httpx.Client) -> None:
    """413 for a body larger than the limit (CGOV_MAX_INPUT_BYTES)."""
    body = b'{"id": "' + b"x" * (LIMIT + 10) + b'"}'
    r = client.post("/v1/check/election", params={"rulebook": "cn"}, content=body)
    _problem(r, 413, "too-large")


def test_an_unknown_rulebook_is_404_at_the_query(client: httpx.Client) -> None:
    """404 names the rulebook parameter and the rulebooks known."""
    text = load_example("jinjiang/proposal-eligible.json")
    r = client.post("/v1/check/proposal", params={"rulebook": "cn.nowhere"}, content=text)
    doc = _problem(r, 404, "unknown-rulebook")
    assert doc["errors"][0]["loc"] == ["query", "rulebook"]
    assert "cn.example.city" in doc["detail"]


@pytest.mark.parametrize("at", ["2026-13-01", "2026-02-30", "20260301", "2026-03-01T00:00"])
def test_a_bad_at_is_a_problem_at_the_query(client: httpx.Client, at: str) -> None:
    """422 at ``query.at`` for anything but a real ``YYYY-MM-DD`` day."""
    text = load_example("jinjiang/proposal-eligible.json")
    r = client.post("/v1/check/proposal", params={"rulebook": JINJIANG, "at": at}, content=text)
    doc = _problem(r, 422, "invalid-input")
    assert [e["loc"] for e in doc["errors"]] == [["query", "at"]]


def test_a_missing_rulebook_is_a_problem_at_the_query(client: httpx.Client) -> None:
    """422 at ``query.rulebook`` when no rulebook is named."""
    r = client.post("/v1/check/proposal", content=b"{}")
    doc = _problem(r, 422, "invalid-input")
    assert [(e["loc"], e["type"]) for e in doc["errors"]] == [(["query", "rulebook"], "missing")]


def test_an_unknown_route_is_a_problem_document(client: httpx.Client) -> None:
    """404 and 405 are problem documents too."""
    _problem(
        client.post("/v1/check/nothing", params={"rulebook": "cn"}, content=b"{}"), 404, "not-found"
    )
    _problem(client.get("/v1/check/proposal"), 405, "method-not-allowed")


def test_rulebooks_are_listed_built_in_and_from_files(client: httpx.Client) -> None:
    """``GET /v1/rulebooks`` lists the built-in rulebooks and the directory's files."""
    r = client.get("/v1/rulebooks")
    assert r.status_code == 200
    kinds = {b["id"]: b["kind"] for b in r.json()}
    assert kinds[JINJIANG] == "builtin"
    assert kinds["cn.example.city"] == "file"
    assert kinds["cn.sichuan.chengdu.jinjiang.example-street"] == "file"


def test_rules_come_with_citations_and_parameters(client: httpx.Client) -> None:
    """``GET /v1/rulebooks/{id}/rules`` is ``Rulebook.to_dict()``: rules, citations, dated
    parameters."""
    r = client.get(f"/v1/rulebooks/{JINJIANG}/rules")
    assert r.status_code == 200
    data = r.json()
    assert data == json.loads(json.dumps(get_rulebook(JINJIANG).to_dict()))
    rule = next(x for x in data["rules"] if x["id"] == "proposal.sponsorship")
    assert rule["citations"]
    assert rule["parameters"][0]["versions"]
    _problem(client.get("/v1/rulebooks/cn.nowhere/rules"), 404, "unknown-rulebook")


def test_schemas_are_served(client: httpx.Client) -> None:
    """``GET /v1/schemas/{name}``: the models' JSON Schemas; an unknown name is 404."""
    names = client.get("/v1/schemas").json()
    assert {"proposal", "decision", "problem", "procedure-run", "rulebook-file"} <= set(names)
    assert client.get("/v1/schemas/proposal").json() == Proposal.model_json_schema()
    assert client.get("/v1/schemas/decision").json()["title"] == "cg.decision/2"
    _problem(client.get("/v1/schemas/nothing"), 404, "unknown-schema")


@pytest.mark.parametrize("at", [None, "2026-04-01"])
def test_a_procedure_run_is_replayed(client: httpx.Client, at: str | None) -> None:
    """``POST /v1/procedures/replay`` answers the state ``replay`` gives, as of ``at``."""
    text = load_example("procedures/jinjiang-implemented.json")
    params = {} if at is None else {"at": at}
    r = client.post("/v1/procedures/replay", params=params, content=text)
    assert r.status_code == 200, r.text
    run = ProcedureRun.model_validate_json(text)
    when = None if at is None else dt.date.fromisoformat(at)
    state = replay(run, get_rulebook(run.rulebook), until=when)
    assert r.json() == json.loads(json.dumps(state.to_dict(when)))


def test_a_replay_that_refuses_a_step_says_which(client: httpx.Client) -> None:
    """A run whose vote came before the review answers its rejection, with the Decision."""
    text = load_example("procedures/jinjiang-vote-before-review.json")
    r = client.post("/v1/procedures/replay", content=text)
    assert r.status_code == 200, r.text
    assert r.json()["rejection"]["decision"]["format"] == "cg.decision/2"


def test_the_openapi_document_validates(client: httpx.Client) -> None:
    """``/openapi.json`` is a valid OpenAPI 3.1 document; each check route's body is its
    model's schema, and errors are problem documents."""
    from openapi_spec_validator import validate

    doc = client.get("/openapi.json").json()
    validate(doc)
    assert doc["openapi"].startswith("3.1")
    for subject, model in SUBJECT_MODELS.items():
        op = doc["paths"][f"/v1/check/{subject.replace('_', '-')}"]["post"]
        body = op["requestBody"]["content"]["application/json"]["schema"]
        assert body == {"$ref": f"#/components/schemas/{model.__name__}"}
        assert model.__name__ in doc["components"]["schemas"]
        assert "application/problem+json" in op["responses"]["422"]["content"]
    assert "HTTPValidationError" not in doc["components"]["schemas"]


def test_eight_concurrent_clients_get_their_own_answers(server: str) -> None:
    """Concurrent requests (8 clients, 32 requests, bounded) each get their own Decision."""
    text = load_example("jinjiang/proposal-eligible.json")
    expected = evaluate(Proposal.model_validate_json(text), get_rulebook(JINJIANG))

    def one(_: int) -> str:
        with httpx.Client(base_url=server, timeout=30) as c:
            r = c.post("/v1/check/proposal", params={"rulebook": JINJIANG}, content=text)
            return r.content.decode()

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(one, range(32)))
    assert set(answers) == {expected.to_json(indent=None)}


def test_serve_refuses_a_missing_rulebook_dir(tmp_path: Path) -> None:
    """``cgov serve --rulebook-dir`` of no directory is a usage error (exit 2)."""
    err = io.StringIO()
    code = cli.main(["serve", "--rulebook-dir", str(tmp_path / "none")], io.StringIO(), err)
    assert code == 2
    assert "not a directory" in err.getvalue()


def test_serve_refuses_an_invalid_rulebook_file(tmp_path: Path) -> None:
    """A rulebook file that does not load stops ``cgov serve`` before it listens (exit 2)."""
    (tmp_path / "bad.toml").write_text('format = "cg.rulebook/2"\n', encoding="utf-8")
    err = io.StringIO()
    assert cli.main(["serve", "--rulebook-dir", str(tmp_path)], io.StringIO(), err) == 2
    assert "bad.toml" in err.getvalue()


def _block_after(page: Path, marker: str, fence: str) -> str:
    """The fenced block that follows ``marker`` in a docs page."""
    text = page.read_text(encoding="utf-8")
    start = text.index(marker)
    m = re.compile(rf"```{fence}\n(.*?)```", re.S).search(text, start)
    assert m is not None, f"no ```{fence} block after {marker!r} in {page}"
    return m.group(1)


def test_the_docs_problem_example_is_what_the_service_answers(client: httpx.Client) -> None:
    """The problem document shown in docs/service.md is the server's answer to its input."""
    shown = json.loads(_block_after(ROOT / "docs" / "service.md", "<!-- problem-example", "json"))
    data: Any = example_data("jinjiang/proposal-short.json")
    data["title"] = ""
    data["sponsor_household_ids"][3] = "H-999"
    r = client.post("/v1/check/proposal", params={"rulebook": JINJIANG}, json=data)
    assert r.json() == shown


@pytest.fixture
def docs_app(tmp_path: Path) -> Iterator[str]:
    """The FastAPI example of docs/how-to/embed.md, written to a file, imported and served
    by uvicorn on a free loopback port (in a thread); its base URL."""
    import importlib.util

    import uvicorn

    code = _block_after(ROOT / "docs" / "how-to" / "embed.md", "<!-- fastapi-example", "python")
    assert len(code.strip().splitlines()) <= 20
    path = tmp_path / "docs_app.py"
    path.write_text(code, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("docs_app", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    server = uvicorn.Server(
        uvicorn.Config(module.app, host="127.0.0.1", port=0, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


# FastAPI's OpenAPI generation for a body model built with defer_build=True makes pydantic
# (2.12+) warn about a parameter alias it does apply: an upstream false positive
@pytest.mark.filterwarnings("ignore::pydantic.warnings.UnsupportedFieldAttributeWarning")
def test_the_docs_fastapi_app_uses_the_models_directly(docs_app: str) -> None:
    """The ≤ 20-line app of the docs takes ``Proposal`` as its body type: a valid body is
    judged (FastAPI's Python-mode validation reads the ISO dates), an invalid one is a
    problem document with each problem at its path, and its OpenAPI document validates."""
    from openapi_spec_validator import validate

    with httpx.Client(base_url=docs_app, timeout=30) as c:
        ok = c.post("/proposals/check", json=example_data("jinjiang/proposal-short.json"))
        assert ok.status_code == 200, ok.text
        assert ok.json()["verdict"] == "denied"
        assert ok.json()["reasons"]
        data: Any = example_data("jinjiang/proposal-short.json")
        data["sponsor_household_ids"][3] = "H-999"
        data["submitted_on"] = "2026-03-02T00:00"
        bad = c.post("/proposals/check", json=data)
        assert bad.status_code == 422
        assert bad.headers["content-type"] == PROBLEM_MEDIA_TYPE
        assert [(e["loc"], e["type"]) for e in bad.json()["errors"]] == [
            (["body", "submitted_on"], "date_parsing"),
            (["body", "sponsor_household_ids", 3], "unknown_reference"),
        ]
        data["submitted_on"] = "2026-03-02"
        bad = c.post("/proposals/check", json=data)
        assert [e["loc"] for e in bad.json()["errors"]] == [["body", "sponsor_household_ids", 3]]
        doc = c.get("/openapi.json").json()
    validate(doc)
    assert "Proposal" in doc["components"]["schemas"]
