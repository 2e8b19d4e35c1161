"""The Dask recipe: a partitioned JSON Lines dataset of communities' subjects audited by
local Dask processes gives, partition by partition, the bytes a serial batch writes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from community_governance.batch import BatchSummary, run_batch, subject_model
from community_governance.batch.dask import audit_dataset, partition_paths

from ._support import EXAMPLES

pytest.importorskip("dask", reason="the dask extra is not installed")


def bodies() -> list[str]:
    """Every example body composition (several communities), one JSON line each."""
    model = subject_model("body")
    out = []
    for path in sorted((EXAMPLES / "bodies").glob("*.json")):
        text = path.read_text(encoding="utf-8")
        try:
            model.model_validate_json(text)
        except ValueError:
            continue
        out.append(json.dumps(json.loads(text), ensure_ascii=False))
    return out


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """Three partitions of body compositions; one has a blank and an invalid line."""
    lines = bodies()
    assert len(lines) >= 4
    d = tmp_path / "in"
    d.mkdir()
    (d / "part-0.jsonl").write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    (d / "part-1.jsonl").write_text(
        "\n".join([lines[2], "", '{"community": 1}', *lines[3:]]) + "\n", encoding="utf-8"
    )
    (d / "part-2.jsonl").write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    return d


def serial(path: Path) -> tuple[str, BatchSummary]:
    """What `cgov check body --jsonl PATH --format json` writes, and its summary."""
    out = io.StringIO()
    with path.open("rb") as f:
        summary = run_batch(f, "cn", subject="body", out=out, err=io.StringIO(), fmt="json")
    return out.getvalue(), summary


@pytest.mark.parametrize("scheduler", ["processes", "sync"])
def test_partitions_are_written_as_the_serial_batch_writes_them(
    dataset: Path, tmp_path: Path, scheduler: str
) -> None:
    """Each output partition is byte for byte the serial batch's output of its input, and
    the summary adds up the partitions' (exit 2: one line invalid)."""
    out = tmp_path / "out"
    summary = audit_dataset(
        str(dataset / "part-*.jsonl"), "body", "cn", out, scheduler=scheduler, num_workers=2
    )
    expected = BatchSummary(access=False)
    for path in sorted(dataset.glob("*.jsonl")):
        text, part = serial(path)
        assert (out / path.name).read_text(encoding="utf-8") == text
        expected.merge(part)
    assert summary == expected
    assert (summary.invalid, summary.exit_code) == (1, 2)
    assert not list(out.glob(".*partial"))


def test_a_directory_is_its_jsonl_files(dataset: Path) -> None:
    """A directory stands for its *.jsonl files, sorted."""
    assert [p.name for p in partition_paths(dataset)] == [
        "part-0.jsonl",
        "part-1.jsonl",
        "part-2.jsonl",
    ]


def test_nothing_to_audit(tmp_path: Path) -> None:
    """A glob that matches nothing is an error, not an empty success."""
    with pytest.raises(FileNotFoundError, match="no JSON Lines partitions"):
        partition_paths(str(tmp_path / "none-*.jsonl"))


def test_partitions_named_alike_are_refused(tmp_path: Path) -> None:
    """Two inputs with one file name would write one output: refused before any work."""
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "p.jsonl").write_text("{}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"same file name: p\.jsonl"):
        partition_paths([tmp_path / "a" / "p.jsonl", tmp_path / "b" / "p.jsonl"])
