"""The HTTP service: the engine behind a FastAPI application (``pip install
community-governance[service]``; ``cgov serve``).

One POST route per subject (``/v1/check/proposal?rulebook=…``) answers with the
``cg.decision/2`` Decision; rulebooks, their rules and parameters, the JSON Schemas and
procedure replay are served too; ``/openapi.json`` is generated from the models; every refused
request is an RFC 9457 ``application/problem+json`` document listing each problem at its path
(`community_governance.errors`). See the docs page "HTTP service".
"""

from __future__ import annotations

try:
    import fastapi  # noqa: F401
except ImportError as e:  # pragma: no cover - depends on the installed extras
    raise ImportError(
        "the HTTP service needs FastAPI and uvicorn: pip install 'community-governance[service]'"
    ) from e

from ._app import ENV_RULEBOOK_DIR, ENV_STORE, ServiceError, app_from_env, create_app

__all__ = ["ENV_RULEBOOK_DIR", "ENV_STORE", "ServiceError", "app_from_env", "create_app"]
