"""The FastAPI application: routes, strict body reading, problem documents, OpenAPI."""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import os
from collections.abc import Awaitable, Callable, Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any

import attrs
from fastapi import FastAPI, Query, Request
from fastapi import Path as Path_
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.json_schema import models_json_schema
from starlette.exceptions import HTTPException as StarletteHTTPException

from .._cli_parser import FILE_FORMATS, cli_name
from .._datafiles import DATA_FILE_SUFFIXES
from .._io import Limits, loads_json
from .._version import __version__
from ..engine import evaluate
from ..errors import PROBLEM_MEDIA_TYPE, Problem, problems, to_problem_json
from ..exceptions import InputError, RulebookError, StoreError, UnknownReferenceError
from ..models import SUBJECT_MODELS, Community, Date, Subject
from ..models.procedure_run import ProcedureRun
from ..rulebooks import Rulebook, builtin_rulebooks, get_rulebook, load_rulebook
from ..schemas import decision_schema
from ..schemas._decision import CommunityVersionDoc, DecisionDocument
from ..store import CommunityStore, validate_json
from ._documents import ProblemDocument, RulebookSummary, StateDocument

__all__ = ["ENV_RULEBOOK_DIR", "ENV_STORE", "ServiceError", "app_from_env", "create_app"]

log = logging.getLogger("community_governance.service")

#: The JSON media type of every successful answer.
_JSON = "application/json"


class ServiceError(Exception):
    """A request that cannot be answered: becomes an ``application/problem+json`` response.

    Args:
        status: the HTTP status.
        type_: the problem type's name (``unknown-rulebook``, ``invalid-json``…).
        title: the summary, the same for every occurrence of the type.
        detail: this occurrence.
        found: the problems, each at its path (may be empty).
    """

    def __init__(
        self, status: int, type_: str, title: str, detail: str, found: Iterable[Problem] = ()
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.type_ = type_
        self.title = title
        self.detail = detail
        self.found = list(found)


@attrs.frozen
class _Books:
    """The rulebooks the service answers with: built-in ones by id, plus files."""

    files: Mapping[str, Rulebook]

    def get(self, rulebook_id: str) -> Rulebook:
        if rulebook_id in self.files:
            return self.files[rulebook_id]
        try:
            return get_rulebook(rulebook_id)
        except UnknownReferenceError:
            known = ", ".join([*(b.id for b in builtin_rulebooks()), *self.files])
            raise ServiceError(
                404,
                "unknown-rulebook",
                "No such rulebook",
                f"no rulebook has the id {rulebook_id!r} (known: {known})",
                [Problem(("query", "rulebook"), "unknown_rulebook", "no such rulebook", None)],
            ) from None

    def all(self) -> list[tuple[Rulebook, str]]:
        return [(b, "builtin") for b in builtin_rulebooks()] + [
            (b, "file") for b in self.files.values()
        ]


def _load_dir(directory: Path, limits: Limits) -> dict[str, Rulebook]:
    """Every rulebook file of ``directory`` (``.toml``, ``.yaml``, ``.yml``) by id; a file may
    extend another of the directory by id, in any order."""
    pending = sorted(
        p for p in directory.iterdir() if p.is_file() and p.name.endswith(DATA_FILE_SUFFIXES)
    )
    books: dict[str, Rulebook] = {}
    while pending:
        failed: list[tuple[Path, RulebookError]] = []
        for path in pending:
            try:
                book = load_rulebook(path, parents=books, limits=limits)
            except RulebookError as e:
                failed.append((path, e))
                continue
            if book.id in books:
                raise RulebookError(str(path), "id", f"{book.id!r} is given by two files")
            books[book.id] = book
        if len(failed) == len(pending):  # no progress: the first error is the real one
            raise failed[0][1]
        pending = [path for path, _ in failed]
    return books


@functools.cache
def _date_adapter() -> TypeAdapter[dt.date]:
    return TypeAdapter(Date)


def _date(value: str | None, name: str = "at") -> dt.date | None:
    """A ``YYYY-MM-DD`` query (or path) value read as the models read dates."""
    if value is None:
        return None
    try:
        return _date_adapter().validate_python(value)
    except ValidationError as e:
        where = "path" if name == "valid_from" else "query"
        raise ServiceError(
            422,
            "invalid-input",
            "The input is not valid",
            f"{name}: expected a date YYYY-MM-DD",
            problems(e, prefix=(where, name)),
        ) from None


async def _body_text(request: Request, limits: Limits) -> str:
    """The request body as strict JSON text: bounded in size, UTF-8, no key given twice, no
    ``NaN``, nesting within the limit (what ``cgov check`` requires of a file)."""
    limit = limits.input_bytes
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    try:
        text = b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError as e:
        raise ServiceError(
            400, "invalid-json", "The body is not JSON", f"not UTF-8 text at byte {e.start}"
        ) from None
    try:
        loads_json(text, "body", max_depth=limits.depth)
    except InputError as e:
        where = tuple(e.key.split(".")) if e.key else ()
        raise ServiceError(
            400,
            "invalid-json",
            "The body is not JSON",
            e.reason,
            [Problem(("body", *where), "invalid_json", e.reason, None)],
        ) from None
    return text


def _too_large(limit: int) -> ServiceError:
    return ServiceError(
        413, "too-large", "The body is too large", f"the body is larger than {limit:,} bytes"
    )


def _validate(model: type[BaseModel], text: str, store: CommunityStore | None = None) -> Any:
    try:
        if issubclass(model, Subject):
            return validate_json(model, text, store)
        return model.model_validate_json(text)
    except StoreError as e:
        log.error("community store: %s", e)
        raise ServiceError(
            500,
            "store-error",
            "The community store failed",
            "the community store failed: nothing was judged",
        ) from None
    except ValidationError as e:
        raise ServiceError(
            422,
            "invalid-input",
            "The input is not valid",
            f"{e.error_count()} problem(s) in {e.title}",
            problems(e, prefix=("body",)),
        ) from None


def _problem_response(error: ServiceError, instance: str) -> Response:
    doc = to_problem_json(
        error.found,
        status=error.status,
        title=error.title,
        type_=error.type_,
        detail=error.detail,
        instance=instance,
    )
    return JSONResponse(doc, status_code=error.status, media_type=PROBLEM_MEDIA_TYPE)


def _responses(ok: type[BaseModel] | None, *errors: int) -> dict[int | str, dict[str, Any]]:
    out: dict[int | str, dict[str, Any]] = {}
    if ok is not None:
        out[200] = {
            "description": "OK",
            "content": {_JSON: {"schema": {"$ref": f"#/components/schemas/{ok.__name__}"}}},
        }
    reasons = {
        400: "The body is not strict JSON (not UTF-8, a key given twice, NaN, too deep)",
        404: "No such rulebook, schema or community version",
        409: "Another version of the community is registered from that day",
        413: "The body is larger than the limit",
        422: "The input is not valid: every problem, each at its path",
    }
    for status in errors:
        out[status] = {
            "description": reasons[status],
            "content": {
                PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/ProblemDocument"}}
            },
        }
    return out


def _request_body(model: type[BaseModel]) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {_JSON: {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}},
        }
    }


RulebookQuery = Annotated[
    str,
    Query(
        description="The rulebook's id: a built-in one (`GET /v1/rulebooks`) or one loaded "
        "from the service's rulebook directory.",
        examples=["cn.sichuan.chengdu.jinjiang"],
    ),
]
AtQuery = Annotated[
    str | None,
    Query(
        description="Apply the law as of this day (YYYY-MM-DD); default: the subject's own "
        "date (a proposal's submitted_on, a body's as_of…).",
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        examples=["2026-03-02"],
    ),
]


def _check_endpoint(
    model: type[Subject], books: _Books, limits: Limits, store: CommunityStore | None
) -> Callable[..., Awaitable[Response]]:
    async def check(request: Request, rulebook: RulebookQuery, at: AtQuery = None) -> Response:
        book = books.get(rulebook)
        when = _date(at)
        subject = _validate(model, await _body_text(request, limits), store)
        decision = evaluate(subject, book, when)
        return Response(decision.to_json(indent=None), media_type=_JSON)

    check.__name__ = f"check_{model.subject_type}"
    check.__doc__ = (
        f"Check a {model.subject_type.replace('_', ' ')} ({model.subject_zh}) against a "
        "rulebook: the `cg.decision/2` Decision, with every finding, its citations and the "
        "verdict (allowed, denied or indeterminate)."
    )
    return check


#: The environment variables `app_from_env` reads (``cgov serve --workers`` sets them).
ENV_RULEBOOK_DIR = "CGOV_RULEBOOK_DIR"
ENV_STORE = "CGOV_STORE"


def app_from_env() -> FastAPI:
    """The service configured from the environment, for servers that start one process per
    core and build the app in each (``uvicorn community_governance.service:app_from_env
    --factory --workers 4``; ``cgov serve --workers N`` does the same):
    ``CGOV_RULEBOOK_DIR`` (a directory of rulebook files), ``CGOV_STORE`` (an SQLite
    community store file, which must exist) and the limits ``CGOV_MAX_INPUT_BYTES``,
    ``CGOV_MAX_RULEBOOK_BYTES``, ``CGOV_MAX_DEPTH``. The store is offered read-only.

    Raises:
        RulebookError: a file of the rulebook directory is not a valid rulebook.
        InputError: a limit is malformed, or ``CGOV_STORE`` names no file.
        StoreError: ``CGOV_STORE`` is not a community store.
    """
    from ..store import SQLiteCommunityStore

    limits = Limits.from_env()
    rulebook_dir = os.environ.get(ENV_RULEBOOK_DIR) or None
    store_path = os.environ.get(ENV_STORE) or None
    store = None
    if store_path is not None:
        if not os.path.isfile(store_path):
            raise InputError(ENV_STORE, None, f"{store_path!r}: no such community store file")
        store = SQLiteCommunityStore(store_path)
    return create_app(rulebook_dir=rulebook_dir, limits=limits, store=store)


def create_app(
    *,
    rulebooks: Iterable[Rulebook] = (),
    rulebook_dir: str | Path | None = None,
    limits: Limits | None = None,
    store: CommunityStore | None = None,
    store_writable: bool = False,
) -> FastAPI:
    """The HTTP service as a FastAPI application (serve it with uvicorn, or `cgov serve`).

    Routes (all JSON; errors are RFC 9457 ``application/problem+json`` documents listing
    every problem with its path):

    * ``POST /v1/check/{subject}?rulebook=ID&at=DATE`` — one route per subject
      (``proposal``, ``body-composition``, ``election``…); body: the subject model; answer:
      the ``cg.decision/2`` Decision.
    * ``GET /v1/rulebooks`` — the rulebooks; ``GET /v1/rulebooks/{id}/rules`` — a rulebook's
      rules with citations and parameters (what ``cgov rules --format json`` prints).
    * ``GET /v1/schemas/{name}`` — the JSON Schema of a subject, a file format or the
      Decision (what ``cgov schema`` prints).
    * ``POST /v1/procedures/replay?rulebook=ID&at=DATE`` — a ``cg.procedure-run/1`` run
      replayed into its ``cg.procedure-state/1`` state.
    * ``GET /v1/health``; ``GET /openapi.json`` and ``/docs``, generated from the models.
    * With a ``store``: ``GET /v1/communities`` (the registered ids),
      ``GET /v1/communities/{id}/versions``, ``GET /v1/communities/{id}?on=DATE`` (the
      version in force); with ``store_writable`` also ``PUT
      /v1/communities/{id}/versions/{valid_from}`` (body: the community). A subject body may
      then carry ``community_id`` instead of ``community``.

    Args:
        rulebooks: rulebooks to offer besides the built-in ones (by their ids).
        rulebook_dir: a directory of rulebook files (``.toml``, ``.yaml``) to offer too.
        limits: the largest body and the deepest nesting read (default:
            `Limits.from_env`, as ``cgov``).
        store: a community store (`community_governance.store`): subjects may name their
            community by ``community_id``, looked up as of the subject's own date.
        store_writable: also offer the route registering community versions (off by
            default: put the service behind your own authentication first).

    Raises:
        RulebookError: a file of ``rulebook_dir`` is not a valid rulebook, or two rulebooks
            have one id.

    Examples:
        >>> app = create_app()
        >>> paths = {r.path for r in app.routes}
        >>> "/v1/check/proposal" in paths, "/v1/procedures/replay" in paths
        (True, True)
    """
    limits = limits if limits is not None else Limits.from_env()
    files = dict(_load_dir(Path(rulebook_dir), limits)) if rulebook_dir is not None else {}
    builtin = {b.id for b in builtin_rulebooks()}
    for book in rulebooks:
        if book.id in files or book.id in builtin:
            raise RulebookError(book.id, "id", f"{book.id!r} is offered twice")
        files[book.id] = book
    books = _Books(files)

    app = FastAPI(
        title="community_governance",
        version=__version__,
        summary="城乡社区治理规则检查 — check community-governance inputs against rulebooks.",
        description="Typed models of Chinese urban–rural community governance and an "
        "explainable rules engine. Every answer cites the law it applies; every refused "
        "input lists each problem at its path (RFC 9457 problem documents).",
    )

    @app.exception_handler(ServiceError)
    async def _service_error(request: Request, error: ServiceError) -> Response:
        return _problem_response(error, request.url.path)

    @app.exception_handler(RequestValidationError)
    async def _request_error(request: Request, error: RequestValidationError) -> Response:
        found = problems(error.errors())
        return _problem_response(
            ServiceError(
                422,
                "invalid-input",
                "The input is not valid",
                f"{len(found)} problem(s) in the request",
                found,
            ),
            request.url.path,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, error: StarletteHTTPException) -> Response:
        title = {404: "Not found", 405: "Method not allowed"}.get(error.status_code, "Error")
        slug = title.lower().replace(" ", "-")
        return _problem_response(
            ServiceError(error.status_code, slug, title, str(error.detail)), request.url.path
        )

    @app.exception_handler(Exception)
    async def _internal(request: Request, error: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return _problem_response(
            ServiceError(500, "internal-error", "Internal error", "a bug: nothing was judged"),
            request.url.path,
        )

    @app.get("/v1/health", tags=["service"])
    async def health() -> dict[str, str]:
        """The service is up: its version."""
        return {"status": "ok", "version": __version__}

    for subject_type, model in SUBJECT_MODELS.items():
        app.add_api_route(
            f"/v1/check/{cli_name(subject_type)}",
            _check_endpoint(model, books, limits, store),
            methods=["POST"],
            tags=["check"],
            summary=f"Check a {subject_type.replace('_', ' ')} ({model.subject_zh})",
            operation_id=f"check_{subject_type}",
            response_class=Response,
            responses=_responses(DecisionDocument, 400, 404, 413, 422),
            openapi_extra=_request_body(model),
        )

    @app.get(
        "/v1/rulebooks",
        tags=["rulebooks"],
        response_model=list[RulebookSummary],
    )
    async def list_rulebooks() -> list[dict[str, Any]]:
        """The rulebooks offered: built-in ones and those loaded from files."""
        return [
            {
                "id": b.id,
                "version": b.version,
                "extends": b.parent.id if b.parent else None,
                "title": {"zh": b.title_zh, "en": b.title_en},
                "rules": len(b.effective_rules),
                "kind": kind,
            }
            for b, kind in books.all()
        ]

    @app.get(
        "/v1/rulebooks/{rulebook_id}/rules",
        tags=["rulebooks"],
        responses=_responses(None, 404),
    )
    async def rules(rulebook_id: str) -> dict[str, Any]:
        """A rulebook's rules with their citations, scopes, dates and parameters (each
        parameter with its dated values and citations): ``cgov rules --format json``."""
        data: dict[str, Any] = books.get(rulebook_id).to_dict()
        return data

    if store is not None:
        _community_routes(app, store, limits, writable=store_writable)

    schema_names = sorted(
        [*(cli_name(s) for s in SUBJECT_MODELS), *FILE_FORMATS, "decision", "problem"]
    )

    @app.get("/v1/schemas", tags=["schemas"])
    async def schemas() -> list[str]:
        """The names ``GET /v1/schemas/{name}`` answers."""
        return schema_names

    @app.get("/v1/schemas/{name}", tags=["schemas"], responses=_responses(None, 404))
    async def schema(name: str) -> dict[str, Any]:
        """The JSON Schema of a subject (``proposal``…), a file format (``rulebook-file``,
        ``procedure-run``…), the Decision (``decision``) or a problem document
        (``problem``)."""
        if name == "decision":
            return decision_schema()
        if name == "problem":
            return ProblemDocument.model_json_schema()
        if name in FILE_FORMATS:
            return FILE_FORMATS[name].model_json_schema()
        model = SUBJECT_MODELS.get(name.replace("-", "_"))
        if model is None or name != cli_name(model.subject_type):
            raise ServiceError(
                404,
                "unknown-schema",
                "No such schema",
                f"no schema is named {name!r} (known: {', '.join(schema_names)})",
            )
        return model.model_json_schema()

    async def replay_run(
        request: Request,
        rulebook: Annotated[
            str | None,
            Query(description="Override the rulebook the run names (an id)."),
        ] = None,
        at: AtQuery = None,
    ) -> Response:
        """Replay a ``cg.procedure-run/1`` run into its state: the steps accepted, the first
        one refused (with its Decision), next steps and what is due as of ``at`` (default:
        the last event's day; later events have not happened yet)."""
        from ..procedures import replay

        when = _date(at)
        record: ProcedureRun = _validate(ProcedureRun, await _body_text(request, limits))
        book = books.get(rulebook or record.rulebook)
        try:
            state = replay(record, book, until=when)
            text = JSONResponse(state.to_dict(when)).body
        except OverflowError:
            raise ServiceError(
                422,
                "invalid-input",
                "The input is not valid",
                "a date is too far ahead to count deadlines from",
            ) from None
        return Response(text, media_type=_JSON)

    app.add_api_route(
        "/v1/procedures/replay",
        replay_run,
        methods=["POST"],
        tags=["procedures"],
        summary="Replay a procedure run",
        operation_id="replay_procedure",
        response_class=Response,
        responses=_responses(StateDocument, 400, 404, 413, 422),
        openapi_extra=_request_body(ProcedureRun),
    )

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _openapi(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


CommunityIdPath = Annotated[str, Path_(description="The community's id.")]
OnQuery = Annotated[
    str | None,
    Query(
        description="The day (YYYY-MM-DD) the version asked for is in force on; default: today.",
        pattern=r"^\d{4}-\d{2}-\d{2}$",
    ),
]


def _community_routes(
    app: FastAPI, store: CommunityStore, limits: Limits, *, writable: bool
) -> None:
    """The routes reading (and, if ``writable``, registering) community versions."""

    def no_version(community_id: str, on: dt.date) -> ServiceError:
        known = ", ".join(v.valid_from.isoformat() for v in store.versions(community_id))
        return ServiceError(
            404,
            "unknown-community",
            "No such community version",
            f"community {community_id!r} has no version in force on {on.isoformat()} "
            f"(registered from: {known or 'none'})",
        )

    @app.get("/v1/communities", tags=["communities"])
    async def communities() -> list[str]:
        """The ids of the registered communities (社区登记)."""
        return list(store.community_ids())

    @app.get(
        "/v1/communities/{community_id}/versions",
        tags=["communities"],
        response_model=list[CommunityVersionDoc],
    )
    async def versions(community_id: CommunityIdPath) -> list[dict[str, Any]]:
        """Every registered version of a community, earliest first: each is in force from
        its ``valid_from`` until the next one's (exclusive)."""
        return [v.to_dict() for v in store.versions(community_id)]

    @app.get(
        "/v1/communities/{community_id}",
        tags=["communities"],
        responses=_responses(None, 404, 422),
    )
    async def community(community_id: CommunityIdPath, on: OnQuery = None) -> Response:
        """The version of a community in force on ``on``: ``{"version": {id, valid_from,
        sha256}, "community": {…}}``."""
        day = _date(on, "on") or dt.date.today()
        stored = store.get(community_id, day)
        if stored is None:
            raise no_version(community_id, day)
        body = (
            f'{{"community": {stored.community.model_dump_json()}, '
            f'"version": {json.dumps(stored.version.to_dict(), sort_keys=True)}}}'
        )
        return Response(body, media_type=_JSON)

    if not writable:
        return

    async def put_version(
        request: Request,
        community_id: CommunityIdPath,
        valid_from: Annotated[
            str, Path_(description="The first day the version is in force (YYYY-MM-DD).")
        ],
    ) -> Response:
        """Register a community version in force from ``valid_from``: 201 when new, 200 when
        the same content was registered already, 409 when other content is."""
        day = _date(valid_from, "valid_from")
        if day is None:  # pragma: no cover - a path parameter is never absent
            raise ServiceError(404, "not-found", "Not found", "no date")
        given: Community = _validate(Community, await _body_text(request, limits))
        if given.id != community_id:
            raise ServiceError(
                422,
                "invalid-input",
                "The input is not valid",
                f"the body's id {given.id!r} is not the path's {community_id!r}",
                [Problem(("body", "id"), "id_mismatch", "not the id of the path", given.id)],
            )
        before = store.versions(community_id)
        try:
            version = store.put(given, valid_from=day)
        except StoreError as e:
            raise ServiceError(409, "version-exists", "The version exists", e.reason) from None
        status = 200 if version in before else 201
        return JSONResponse(version.to_dict(), status_code=status)

    app.add_api_route(
        "/v1/communities/{community_id}/versions/{valid_from}",
        put_version,
        methods=["PUT"],
        tags=["communities"],
        summary="Register a community version",
        operation_id="put_community_version",
        response_class=Response,
        responses=_responses(CommunityVersionDoc, 400, 409, 413, 422),
        openapi_extra=_request_body(Community),
    )


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, with the bodies' and answers' schemas generated from the models
    (the routes read their bodies themselves, strictly, so FastAPI does not see them)."""
    doc = get_openapi(
        title=app.title,
        version=app.version,
        summary=app.summary,
        description=app.description,
        routes=app.routes,
    )
    inputs: list[type[BaseModel]] = [*SUBJECT_MODELS.values(), ProcedureRun, Community]
    outputs: list[type[BaseModel]] = [
        CommunityVersionDoc,
        DecisionDocument,
        StateDocument,
        ProblemDocument,
        RulebookSummary,
    ]
    _, defs = models_json_schema(
        [(m, "validation") for m in inputs] + [(m, "serialization") for m in outputs],
        ref_template="#/components/schemas/{model}",
    )
    components = doc.setdefault("components", {}).setdefault("schemas", {})
    # FastAPI's own 422 (HTTPValidationError) never happens here: every error is a problem
    for operations in doc["paths"].values():
        for operation in operations.values():
            if "422" in operation.get("responses", {}):
                operation["responses"]["422"] = _responses(None, 422)[422]
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    for name, schema in defs.get("$defs", {}).items():
        components.setdefault(name, schema)
    return doc
