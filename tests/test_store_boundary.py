"""A subject naming its community by ``community_id`` gives the Decision the self-contained
file gives — through the library, ``cgov`` and the HTTP service — and ``cgov verify`` makes
it again from the store.

The one field that legitimately differs is ``audit.community``: present (the registered
version's id, first day and digest) for the by-id input, absent for the self-contained one.
``audit.input_sha256`` is the same: it is the digest of the resolved subject, which is the
same model whichever way the community came.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from community_governance import cli, evaluate, get_rulebook
from community_governance.models import Community, Proposal
from community_governance.store import SQLiteCommunityStore, resolve
from community_governance.verify import verify_decision

from ._support import EXAMPLES, InProcessClient, example_data, load_example

JINJIANG = "cn.sichuan.chengdu.jinjiang"
#: (by-id file, self-contained file, cgov subject, rulebook)
PAIRS = [
    ("jinjiang/proposal-eligible-by-id.json", "jinjiang/proposal-eligible.json", "proposal"),
    ("jinjiang/proposal-short-by-id.json", "jinjiang/proposal-short.json", "proposal"),
    ("jinjiang/proposal-party-by-id.json", "jinjiang/proposal-party.json", "proposal"),
    ("jinjiang/residents-committee-by-id.json", "jinjiang/residents-committee.json", "body"),
    ("bodies/urban-by-id.json", "bodies/urban.json", "body"),
    ("elections/recall-by-id.json", "elections/recall.json", "recall"),
]
FROM = "2026-01-01"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store file with both shared example communities registered by ``cgov store put``."""
    path = str(tmp_path_factory.mktemp("store") / "communities.db")
    for cid in ("CN-510104-EX01", "CN-URBAN-EX02"):
        code, out, err = _run(
            "store",
            "put",
            str(EXAMPLES / "communities" / f"{cid}.json"),
            "--from",
            FROM,
            "--store",
            path,
        )
        assert code == 0, err
        assert out.startswith(f"registered: community {cid} in force from {FROM}")
    return path


def _without_community_version(decision: dict[str, Any]) -> dict[str, Any]:
    out = json.loads(json.dumps(decision))
    del out["audit"]["community"]
    return out


def _rulebook(whole: str) -> str:
    return JINJIANG if whole.startswith("jinjiang/") else "cn"


class TestSameDecision:
    def test_the_by_id_proposal_is_a_few_hundred_bytes(self) -> None:
        """The example refers to its community instead of carrying 23 KB of it."""
        assert len((EXAMPLES / "jinjiang" / "proposal-eligible-by-id.json").read_bytes()) < 600
        assert len((EXAMPLES / "jinjiang" / "proposal-eligible.json").read_bytes()) > 20_000

    @pytest.mark.parametrize(("by_id", "whole", "subject"), PAIRS)
    def test_library(self, store_path: str, by_id: str, whole: str, subject: str) -> None:
        """Through `resolve`: the same verdict, findings, explanation and JSON but for
        ``audit.community``, which names the registered version."""
        store = SQLiteCommunityStore(store_path)
        book = get_rulebook(_rulebook(whole))
        text = load_example(whole)
        model = type(cli._subject_model(subject).model_validate_json(text))
        a = evaluate(resolve(model, example_data(by_id), store), book)
        b = evaluate(model.model_validate_json(text), book)
        assert (a.verdict, a.findings, a.explain()) == (b.verdict, b.findings, b.explain())
        made, whole_made = json.loads(a.to_json()), json.loads(b.to_json())
        assert "community" not in whole_made["audit"]
        cid = example_data(by_id)["community_id"]
        assert made["audit"]["community"]["id"] == cid
        assert made["audit"]["community"]["valid_from"] == FROM
        assert made["audit"]["community"]["sha256"] == store.versions(str(cid))[0].sha256
        assert _without_community_version(made) == whole_made

    @pytest.mark.parametrize(("by_id", "whole", "subject"), PAIRS)
    def test_cli(self, store_path: str, by_id: str, whole: str, subject: str) -> None:
        """``cgov check --store`` prints the Decision ``cgov check`` prints for the whole
        file (but for audit.community), with the same exit code and the same text."""
        book = _rulebook(whole)
        code_a, a, _ = _run(
            "check",
            subject,
            str(EXAMPLES / by_id),
            "--rulebook",
            book,
            "--store",
            store_path,
            "--format",
            "json",
        )
        code_b, b, _ = _run(
            "check", subject, str(EXAMPLES / whole), "--rulebook", book, "--format", "json"
        )
        assert code_a == code_b
        assert _without_community_version(json.loads(a)) == json.loads(b)
        text_a = _run(
            "check", subject, str(EXAMPLES / by_id), "--rulebook", book, "--store", store_path
        )[1]
        text_b = _run("check", subject, str(EXAMPLES / whole), "--rulebook", book)[1]
        assert text_a == text_b


class TestCliErrors:
    def test_community_id_without_store(self) -> None:
        """Without --store: exit 2, the error at community_id says how to give one."""
        code, _, err = _run(
            "check", "proposal", str(EXAMPLES / PAIRS[0][0]), "--rulebook", JINJIANG
        )
        assert code == 2
        assert "community_id:" in err
        assert "--store PATH" in err

    def test_a_missing_store_file_is_not_an_empty_store(self, tmp_path: Path) -> None:
        """A mistyped --store path is an error (exit 2), not a new empty store."""
        path = tmp_path / "typo.db"
        code, _, err = _run(
            "check",
            "proposal",
            str(EXAMPLES / PAIRS[0][0]),
            "--rulebook",
            JINJIANG,
            "--store",
            str(path),
        )
        assert code == 2
        assert "no such community store file" in err
        assert not path.exists()

    def test_no_version_in_force(self, store_path: str, tmp_path: Path) -> None:
        """A proposal dated before the registered version: exit 2, located at community_id."""
        data = {**example_data(PAIRS[0][0]), "submitted_on": "2025-06-01"}
        f = tmp_path / "early.json"
        f.write_text(json.dumps(data), encoding="utf-8")
        code, _, err = _run(
            "check", "proposal", str(f), "--rulebook", JINJIANG, "--store", store_path
        )
        assert code == 2
        assert "community_id: community 'CN-510104-EX01' has no version" in err

    def test_put_refuses_other_content_for_a_registered_day(
        self, store_path: str, tmp_path: Path
    ) -> None:
        """``cgov store put`` of changed content for the same day: exit 2, nothing
        overwritten."""
        data = json.loads(load_example("communities/CN-510104-EX01.json"))
        data["name"] = "改名社区"
        f = tmp_path / "changed.json"
        f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        code, _, err = _run("store", "put", str(f), "--from", FROM, "--store", store_path)
        assert code == 2
        assert "never overwritten" in err

    def test_put_refuses_an_invalid_community(self, tmp_path: Path) -> None:
        """An invalid community file is refused with its located errors (exit 2)."""
        f = tmp_path / "bad.json"
        f.write_text('{"id": "c", "name": "x", "kind": "town"}', encoding="utf-8")
        code, _, err = _run(
            "store", "put", str(f), "--from", FROM, "--store", str(tmp_path / "s.db")
        )
        assert code == 2
        assert "kind" in err

    def test_list_and_show(self, store_path: str) -> None:
        """``cgov store list`` names each community and version; ``show`` prints the version
        in force on a day, and exits 2 when none is."""
        code, out, _ = _run("store", "list", "--store", store_path, "--format", "json")
        listed = json.loads(out)
        assert code == 0
        assert set(listed) == {"CN-510104-EX01", "CN-URBAN-EX02"}
        assert listed["CN-510104-EX01"][0]["valid_from"] == FROM
        code, out, _ = _run(
            "store", "show", "CN-510104-EX01", "--on", "2026-03-02", "--store", store_path
        )
        shown = json.loads(out)
        assert code == 0
        assert shown["version"]["valid_from"] == FROM
        assert Community.model_validate(shown["community"]) == Community.model_validate_json(
            load_example("communities/CN-510104-EX01.json")
        )
        code, _, err = _run(
            "store", "show", "CN-510104-EX01", "--on", "2025-12-31", "--store", store_path
        )
        assert code == 2
        assert "no version in force on 2025-12-31" in err


class TestVerify:
    def _decision(self, store_path: str, tmp_path: Path) -> Path:
        code, out, _ = _run(
            "check",
            "proposal",
            str(EXAMPLES / PAIRS[0][0]),
            "--rulebook",
            JINJIANG,
            "--store",
            store_path,
            "--format",
            "json",
        )
        assert code == 0
        path = tmp_path / "decision.json"
        path.write_text(out, encoding="utf-8")
        return path

    def test_verify_makes_a_by_id_decision_again(self, store_path: str, tmp_path: Path) -> None:
        """``cgov verify --store`` reproduces the Decision byte for byte."""
        decision = self._decision(store_path, tmp_path)
        code, out, err = _run(
            "verify", str(decision), str(EXAMPLES / PAIRS[0][0]), "--store", store_path
        )
        assert (code, out.split(":")[0]) == (0, "verified"), err

    def test_verify_refuses_another_version_of_the_community(
        self, store_path: str, tmp_path: Path
    ) -> None:
        """A store whose version for that day has other content: not verified, naming
        audit.community."""
        decision = self._decision(store_path, tmp_path)
        other = tmp_path / "other.db"
        community = Community.model_validate_json(load_example("communities/CN-510104-EX01.json"))
        SQLiteCommunityStore(other).put(
            community.model_copy(update={"name": "另一版本"}), valid_from=dt.date(2026, 1, 1)
        )
        code, out, _ = _run(
            "verify", str(decision), str(EXAMPLES / PAIRS[0][0]), "--store", str(other)
        )
        assert code == 1
        assert out.startswith("not verified: audit.community.sha256:")

    def test_verify_refuses_a_version_from_another_day(self, tmp_path: Path) -> None:
        """The same content registered from another day is another version."""
        store_a, store_b = SQLiteCommunityStore(":memory:"), SQLiteCommunityStore(":memory:")
        community = Community.model_validate_json(load_example("communities/CN-510104-EX01.json"))
        store_a.put(community, valid_from=dt.date(2026, 1, 1))
        store_b.put(community, valid_from=dt.date(2026, 2, 1))
        data = example_data(PAIRS[0][0])
        made = json.loads(
            evaluate(resolve(Proposal, data, store_a), get_rulebook(JINJIANG)).to_json()
        )
        result = verify_decision(made, resolve(Proposal, data, store_b))
        assert not result.verified
        assert (result.difference or "").startswith("audit.community.valid_from:")

    def test_verify_with_the_whole_file_says_to_use_the_store(
        self, store_path: str, tmp_path: Path
    ) -> None:
        """Verifying a by-id Decision against the self-contained file: not verified, and the
        difference says to verify with the by-id input and --store."""
        decision = self._decision(store_path, tmp_path)
        code, out, _ = _run("verify", str(decision), str(EXAMPLES / PAIRS[0][1]))
        assert code == 1
        assert "cgov verify --store PATH" in out


class TestService:
    @pytest.fixture
    def client(self, store_path: str) -> Any:
        """The app with the example store, writable, in process."""
        pytest.importorskip("fastapi")
        from community_governance.service import create_app

        app = create_app(store=SQLiteCommunityStore(store_path), store_writable=True)
        return InProcessClient(app)

    def test_a_by_id_body_answers_the_self_contained_decision(self, client: Any) -> None:
        """``POST /v1/check/proposal`` with community_id: the whole file's Decision but for
        audit.community."""
        a = client.post(
            "/v1/check/proposal", params={"rulebook": JINJIANG}, content=load_example(PAIRS[0][0])
        )
        b = client.post(
            "/v1/check/proposal", params={"rulebook": JINJIANG}, content=load_example(PAIRS[0][1])
        )
        assert a.status_code == b.status_code == 200, a.text
        assert _without_community_version(a.json()) == b.json()
        assert a.json()["audit"]["community"]["valid_from"] == FROM

    def test_without_a_store_the_problem_is_at_community_id(self) -> None:
        """A service without a store answers 422 with the problem at body.community_id."""
        pytest.importorskip("fastapi")
        from community_governance.service import create_app

        r = InProcessClient(create_app()).post(
            "/v1/check/proposal", params={"rulebook": JINJIANG}, content=load_example(PAIRS[0][0])
        )
        assert r.status_code == 422
        problems = r.json()["problems"] if "problems" in r.json() else r.json()["errors"]
        assert any("community_id" in json.dumps(p) for p in problems)

    def test_read_routes(self, client: Any) -> None:
        """Communities, their versions and the version in force on a day are served; a day
        with none is 404."""
        assert set(client.get("/v1/communities").json()) == {"CN-510104-EX01", "CN-URBAN-EX02"}
        versions = client.get("/v1/communities/CN-510104-EX01/versions").json()
        assert [v["valid_from"] for v in versions] == [FROM]
        r = client.get("/v1/communities/CN-510104-EX01", params={"on": "2026-03-02"})
        assert r.status_code == 200
        assert r.json()["version"] == versions[0]
        assert (
            client.get("/v1/communities/CN-510104-EX01", params={"on": "2025-01-01"}).status_code
            == 404
        )

    def test_put_route(self, client: Any) -> None:
        """PUT registers (201), again is a no-op (200), other content is 409, an id unlike the
        path's is 422."""
        body = _community_json("X-PUT", "示例")
        url = "/v1/communities/X-PUT/versions/2026-05-01"
        assert client.put(url, content=body).status_code == 201
        assert client.put(url, content=body).status_code == 200
        assert client.put(url, content=_community_json("X-PUT", "别的")).status_code == 409
        assert client.put("/v1/communities/Y/versions/2026-05-01", content=body).status_code == 422
        assert (
            client.put("/v1/communities/X-PUT/versions/2026-13-01", content=body).status_code == 422
        )

    def test_put_is_off_unless_writable(self, store_path: str) -> None:
        """Without ``store_writable`` the registering route does not exist."""
        pytest.importorskip("fastapi")
        from community_governance.service import create_app

        c = InProcessClient(create_app(store=SQLiteCommunityStore(store_path)))
        r = c.put("/v1/communities/X/versions/2026-05-01", content=_community_json("X", "x"))
        assert r.status_code in (404, 405)

    def test_the_openapi_document_validates_with_the_store_routes(self, client: Any) -> None:
        """The OpenAPI document stays valid, offers community_id in subject bodies and the
        community routes."""
        from openapi_spec_validator import validate

        doc = client.get("/openapi.json").json()
        validate(doc)
        proposal = doc["components"]["schemas"]["Proposal"]
        assert "community_id" in proposal["properties"]
        assert {"required": ["community_id"]} in proposal["oneOf"]
        assert "/v1/communities/{community_id}/versions/{valid_from}" in doc["paths"]


def _community_json(cid: str, name: str) -> str:
    return json.dumps({"id": cid, "name": name, "kind": "urban"}, ensure_ascii=False)
