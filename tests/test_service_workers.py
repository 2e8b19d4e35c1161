"""``cgov serve --workers N``: one server process per core, each building the app from the
environment (`app_from_env`) with the rulebook directory, the community store and the limits
``cgov serve`` was given — the answers are those of one process."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service extra is not installed")
pytest.importorskip("uvicorn", reason="the service extra is not installed")
httpx = pytest.importorskip("httpx", reason="httpx is not installed")

from community_governance import cli, evaluate, get_rulebook  # noqa: E402
from community_governance.exceptions import InputError  # noqa: E402
from community_governance.models import Community, Proposal  # noqa: E402
from community_governance.service import (  # noqa: E402
    ENV_RULEBOOK_DIR,
    ENV_STORE,
    app_from_env,
)
from community_governance.store import SQLiteCommunityStore, resolve  # noqa: E402

from ._support import EXAMPLES, InProcessClient, cgov_serve, example_data  # noqa: E402

JJ = "cn.sichuan.chengdu.jinjiang"
BY_ID = "jinjiang/proposal-eligible-by-id.json"
LOCALITY = EXAMPLES / "rulebooks" / "locality-2027.toml"


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store file with the Jinjiang example community, in force from 2026-01-01."""
    import datetime as dt

    path = tmp_path_factory.mktemp("workers") / "communities.db"
    community = Community.model_validate_json(
        (EXAMPLES / "communities" / "CN-510104-EX01.json").read_text("utf-8")
    )
    SQLiteCommunityStore(path).put(community, valid_from=dt.date(2026, 1, 1))
    return path


@pytest.fixture(scope="module")
def rulebook_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding the locality rulebook file (it extends Jinjiang)."""
    d = tmp_path_factory.mktemp("rulebooks")
    shutil.copy(LOCALITY, d / LOCALITY.name)
    return d


@pytest.fixture(scope="module")
def pool(store_file: Path, rulebook_dir: Path) -> Iterator[str]:
    """``cgov serve --workers 2`` on a free port: its base URL once both workers started."""
    options = ["--workers", "2", "--store", str(store_file), "--rulebook-dir", str(rulebook_dir)]
    with cgov_serve(*options, env={"CGOV_MAX_INPUT_BYTES": "200000"}, workers=2) as url:
        yield url


def test_every_worker_answers_the_library_decision_from_the_store(
    pool: str, store_file: Path
) -> None:
    """Requests spread over both workers: each answers the by-id proposal with the
    Decision the library makes from the same store, byte for byte."""
    text = (EXAMPLES / BY_ID).read_text("utf-8")
    subject = resolve(Proposal, example_data(BY_ID), SQLiteCommunityStore(store_file))
    expected = evaluate(subject, get_rulebook(JJ)).to_json(indent=None)
    # separate connections, so that the kernel hands them to either worker
    answers = set()
    for _ in range(8):
        with httpx.Client(base_url=pool, timeout=30) as client:
            r = client.post("/v1/check/proposal", params={"rulebook": JJ}, content=text)
            assert r.status_code == 200, r.text
            answers.add(r.text)
    assert answers == {expected}


def test_the_workers_offer_the_rulebook_directory(pool: str) -> None:
    """The file rulebooks of ``--rulebook-dir`` are offered by the workers too."""
    with httpx.Client(base_url=pool, timeout=30) as client:
        books = client.get("/v1/rulebooks").json()
    assert "file" in {b["kind"] for b in books}


def test_the_workers_keep_the_input_limit(pool: str) -> None:
    """The limits cgov serve read reach the workers: a body over them is a 413 problem."""
    with httpx.Client(base_url=pool, timeout=30) as client:
        r = client.post("/v1/check/proposal", params={"rulebook": JJ}, content=b" " * 200_001)
    assert r.status_code == 413


def test_a_negative_worker_count_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """``--workers -1`` is refused before anything starts (exit 2, naming the option)."""
    assert cli.main(["serve", "--workers", "-1"], io.StringIO(), io.StringIO()) == 2
    assert "argument --workers: expected 0 or a positive whole number" in capsys.readouterr().err


class TestAppFromEnv:
    """`app_from_env`, the factory each worker calls."""

    def test_it_reads_the_store_and_the_directory(
        self, monkeypatch: pytest.MonkeyPatch, store_file: Path, rulebook_dir: Path
    ) -> None:
        """``CGOV_STORE`` and ``CGOV_RULEBOOK_DIR`` configure the app as ``create_app`` would."""
        monkeypatch.setenv(ENV_STORE, str(store_file))
        monkeypatch.setenv(ENV_RULEBOOK_DIR, str(rulebook_dir))
        client = InProcessClient(app_from_env())
        assert client.get("/v1/communities").json()
        assert "file" in {b["kind"] for b in client.get("/v1/rulebooks").json()}

    def test_a_missing_store_file_is_an_error(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """A ``CGOV_STORE`` naming no file is an error naming the variable, not an empty
        store."""
        monkeypatch.setenv(ENV_STORE, str(tmp_path / "missing.db"))
        monkeypatch.delenv(ENV_RULEBOOK_DIR, raising=False)
        with pytest.raises(InputError, match="CGOV_STORE"):
            app_from_env()
