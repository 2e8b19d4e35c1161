"""A JSON Lines batch whose lines name their community by ``community_id``: the store is
given once (``--store``, ``store=``), each line is resolved as a single file is, in worker
processes too, and a line naming a community without a store is an invalid line, not a
verdict."""

from __future__ import annotations

import datetime as dt
import io
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from community_governance.batch import check_jsonl
from community_governance.cli import main
from community_governance.models import Community
from community_governance.store import MemoryCommunityStore, SQLiteCommunityStore

from ._support import EXAMPLES

JJ = "cn.sichuan.chengdu.jinjiang"
COMMUNITY = EXAMPLES / "communities" / "CN-510104-EX01.json"
FROM = dt.date(2026, 1, 1)
#: (by-id file, self-contained file): proposals judged allowed and denied.
PAIRS = [
    ("jinjiang/proposal-eligible-by-id.json", "jinjiang/proposal-eligible.json"),
    ("jinjiang/proposal-short-by-id.json", "jinjiang/proposal-short.json"),
]


def one_line(name: str) -> str:
    """An example file as one JSON Lines line."""
    return json.dumps(json.loads((EXAMPLES / name).read_text("utf-8")), ensure_ascii=False)


def run(*argv: str) -> tuple[int, str, str]:
    """``cgov`` in-process: exit code, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def community() -> Community:
    return Community.model_validate_json(COMMUNITY.read_text("utf-8"))


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    """An SQLite store file holding the Jinjiang example community from 2026-01-01."""
    path = tmp_path / "communities.db"
    SQLiteCommunityStore(path).put(community(), valid_from=FROM)
    return path


@pytest.fixture
def batch_file(tmp_path: Path) -> Path:
    """Lines by id and whole, alternating, for both proposals (a few lines each)."""
    lines = [one_line(name) for _ in range(3) for pair in PAIRS for name in pair]
    path = tmp_path / "proposals.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def without_community_version(line: str) -> dict[str, Any]:
    """A Decision line without ``audit.community`` (present only for a by-id line)."""
    doc = json.loads(line)
    doc["audit"].pop("community", None)
    return doc


def test_a_by_id_line_gives_the_decision_of_the_whole_line(
    store_file: Path, batch_file: Path
) -> None:
    """With ``--store``, each by-id line's Decision is the self-contained line's, but for
    ``audit.community`` naming the registered version."""
    code, out, _ = run(
        "check", "proposal", "--jsonl", str(batch_file), "--rulebook", JJ,
        "--store", str(store_file), "--format", "json",
    )  # fmt: skip
    lines = out.splitlines()
    assert code == 1  # the short proposal is denied
    assert len(lines) == 12
    for by_id, whole in zip(lines[0::2], lines[1::2], strict=True):
        assert without_community_version(by_id) == without_community_version(whole)
        assert json.loads(by_id)["audit"]["community"]["id"] == "CN-510104-EX01"
        assert "community" not in json.loads(whole)["audit"]
    verdicts = [json.loads(x)["verdict"] for x in lines]
    assert verdicts == ["allowed", "allowed", "denied", "denied"] * 3


def test_jobs_2_with_a_store_is_serial_byte_for_byte(store_file: Path, batch_file: Path) -> None:
    """Workers open the store file themselves: ``--jobs 2`` writes what serial writes."""
    argv = ["check", "proposal", "--jsonl", str(batch_file), "--rulebook", JJ]
    argv += ["--store", str(store_file), "--format", "json"]
    serial = run(*argv)
    pooled = run(*argv, "--jobs", "2", "--chunk-size", "2")
    assert pooled[:2] == serial[:2]
    assert [json.loads(x)["verdict"] for x in serial[1].splitlines()].count("allowed") == 6


def test_without_a_store_a_by_id_line_is_invalid(batch_file: Path) -> None:
    """No store: every by-id line is an invalid line located at ``community_id`` (exit 2),
    the other lines are judged."""
    code, out, _ = run(
        "check", "proposal", "--jsonl", str(batch_file), "--rulebook", JJ, "--format", "json"
    )
    docs = [json.loads(x) for x in out.splitlines()]
    assert code == 2
    errors = docs[0::2]
    assert {d["format"] for d in errors} == {"cg.batch-error/1"}
    assert {(tuple(p["loc"]), p["type"]) for d in errors for p in d["problems"]} == {
        (("community_id",), "no_community_store")
    }
    assert [d["verdict"] for d in docs[1::2]] == ["allowed", "denied"] * 3


def test_a_line_dated_before_the_registered_version_is_invalid(
    store_file: Path, tmp_path: Path
) -> None:
    """A by-id line whose own date precedes every registered version: invalid, at
    ``community_id`` — never judged against a community of a later day."""
    data = json.loads((EXAMPLES / PAIRS[0][0]).read_text("utf-8"))
    data["submitted_on"] = "2025-12-31"
    path = tmp_path / "early.jsonl"
    path.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    code, out, _ = run(
        "check", "proposal", "--jsonl", str(path), "--rulebook", JJ,
        "--store", str(store_file), "--format", "json",
    )  # fmt: skip
    [doc] = [json.loads(x) for x in out.splitlines()]
    assert code == 2
    assert [(tuple(p["loc"]), p["type"]) for p in doc["problems"]] == [
        (("community_id",), "no_community_version")
    ]


@pytest.mark.parametrize("jobs", [1, 2])
def test_check_jsonl_takes_a_memory_store(jobs: int) -> None:
    """The Python API: ``check_jsonl(..., store=MemoryCommunityStore)``, in this process or
    copied to the workers, judges by-id lines as whole ones."""
    store = MemoryCommunityStore()
    store.put(community(), valid_from=FROM)
    lines = [one_line(name) for pair in PAIRS for name in pair]
    results = list(check_jsonl(lines, "proposal", JJ, jobs=jobs, chunk_size=1, store=store))
    verdicts = [r.decision.verdict if r.decision else r.error for r in results]
    assert verdicts == ["allowed", "allowed", "denied", "denied"]


class TestPickling:
    """What a worker process is given of a store."""

    def test_a_file_store_travels_as_its_path(self, store_file: Path) -> None:
        """A pickled SQLite file store opens the same file and finds the same version."""
        copy = pickle.loads(pickle.dumps(SQLiteCommunityStore(store_file)))
        assert isinstance(copy, SQLiteCommunityStore)
        assert copy.path == str(store_file)
        assert copy.versions("CN-510104-EX01") == SQLiteCommunityStore(store_file).versions(
            "CN-510104-EX01"
        )

    def test_an_sqlite_memory_store_cannot_travel(self) -> None:
        """``:memory:`` is private to its process: pickling it is a TypeError saying what to
        use instead, never an empty store in the worker."""
        with pytest.raises(TypeError, match=r"':memory:' community store cannot be sent"):
            pickle.dumps(SQLiteCommunityStore(":memory:"))

    def test_a_memory_store_travels_with_its_versions(self) -> None:
        """A MemoryCommunityStore is copied with its versions (its cache is rebuilt)."""
        store = MemoryCommunityStore()
        store.put(community(), valid_from=FROM)
        copy = pickle.loads(pickle.dumps(store))
        assert copy.versions("CN-510104-EX01") == store.versions("CN-510104-EX01")
        found = copy.get("CN-510104-EX01", FROM)
        assert found is not None
        assert found.community == community()


def test_dask_audits_by_id_partitions_with_a_file_store(
    store_file: Path, batch_file: Path, tmp_path: Path
) -> None:
    """The Dask recipe with ``store=``: local worker processes open the store file and write
    the partition the serial batch writes."""
    pytest.importorskip("dask", reason="the dask extra is not installed")
    from community_governance.batch.dask import audit_dataset

    parts = tmp_path / "in"
    parts.mkdir()
    (parts / "part-0.jsonl").write_bytes(batch_file.read_bytes())
    store = SQLiteCommunityStore(store_file)
    summary = audit_dataset(
        parts, "proposal", JJ, tmp_path / "out", scheduler="processes", num_workers=2,
        store=store,
    )  # fmt: skip
    _, serial, _ = run(
        "check", "proposal", "--jsonl", str(batch_file), "--rulebook", JJ,
        "--store", str(store_file), "--format", "json",
    )  # fmt: skip
    assert (tmp_path / "out" / "part-0.jsonl").read_text("utf-8") == serial
    assert (summary.total, summary.exit_code) == (12, 1)
