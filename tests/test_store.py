"""The community store: protocol conformance of both implementations, dated versions,
digests, concurrency and every error of resolving a ``community_id``."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from community_governance.exceptions import StoreError
from community_governance.models import SUBJECT_MODELS, Community, Proposal
from community_governance.rules.audit import community_version_of
from community_governance.store import (
    SCHEMA_VERSION,
    CommunityStore,
    CommunityVersion,
    MemoryCommunityStore,
    SQLiteCommunityStore,
    canonical_document,
    resolve,
    validate_json,
)

from ._support import example_data, load_example

JJ = "CN-510104-EX01"


def _community(name: str = "示例社区", cid: str = "c1", households: int = 2) -> Community:
    return Community(
        id=cid, name=name, kind="urban", households=[{"id": f"h{i}"} for i in range(households)]
    )


def _jinjiang() -> Community:
    return Community.model_validate_json(load_example("communities/CN-510104-EX01.json"))


def _by_id(name: str = "jinjiang/proposal-eligible-by-id.json") -> dict[str, Any]:
    return example_data(name)


@pytest.fixture(params=["memory", "sqlite-memory", "sqlite-file"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], CommunityStore]:
    """A factory of empty stores of each implementation."""
    counter = iter(range(1000))

    def make() -> CommunityStore:
        if request.param == "memory":
            return MemoryCommunityStore()
        if request.param == "sqlite-memory":
            return SQLiteCommunityStore(":memory:")
        return SQLiteCommunityStore(tmp_path / f"store-{next(counter)}.db")

    return make


class TestProtocol:
    def test_implementations_satisfy_the_protocol(
        self, make_store: Callable[[], CommunityStore]
    ) -> None:
        """Both implementations are `CommunityStore`s (runtime-checkable protocol)."""
        assert isinstance(make_store(), CommunityStore)

    def test_put_then_get_returns_the_validated_community_and_its_version(
        self, make_store: Callable[[], CommunityStore]
    ) -> None:
        """A registered community comes back equal, with id, first day and digest of its
        canonical JSON."""
        store, c = make_store(), _community()
        version = store.put(c, valid_from=dt.date(2026, 1, 1))
        assert version == CommunityVersion("c1", dt.date(2026, 1, 1), canonical_document(c)[1])
        found = store.get("c1", dt.date(2026, 1, 1))
        assert found is not None
        assert (found.version, found.community) == (version, c)
        assert store.versions("c1") == (version,)
        assert store.community_ids() == ("c1",)

    def test_an_unknown_id_has_no_version(self, make_store: Callable[[], CommunityStore]) -> None:
        """An id never registered gives ``None`` and no versions."""
        store = make_store()
        assert store.get("nope", dt.date(2026, 1, 1)) is None
        assert store.versions("nope") == ()
        assert store.community_ids() == ()

    def test_registering_the_same_content_again_changes_nothing(
        self, make_store: Callable[[], CommunityStore]
    ) -> None:
        """``put`` is idempotent for the same content and day."""
        store = make_store()
        first = store.put(_community(), valid_from=dt.date(2026, 1, 1))
        assert store.put(_community(), valid_from=dt.date(2026, 1, 1)) == first
        assert store.versions("c1") == (first,)

    def test_a_version_is_never_overwritten(self, make_store: Callable[[], CommunityStore]) -> None:
        """Other content for an existing (id, valid_from) is refused; the first stays."""
        store = make_store()
        first = store.put(_community(), valid_from=dt.date(2026, 1, 1))
        with pytest.raises(StoreError, match="never overwritten"):
            store.put(_community(name="改名社区"), valid_from=dt.date(2026, 1, 1))
        got = store.get("c1", dt.date(2026, 6, 1))
        assert got is not None
        assert got.version == first
        assert got.community.name == "示例社区"

    def test_a_lookup_is_validated_once_per_version(
        self, make_store: Callable[[], CommunityStore]
    ) -> None:
        """Two lookups of one version hand out the same (cached) Community object."""
        store = make_store()
        store.put(_community(), valid_from=dt.date(2026, 1, 1))
        a, b = store.get("c1", dt.date(2026, 2, 1)), store.get("c1", dt.date(2026, 3, 1))
        assert a is not None
        assert b is not None
        assert a.community is b.community

    def test_valid_from_must_be_a_date(self, make_store: Callable[[], CommunityStore]) -> None:
        """A datetime or a string is not a first day."""
        store = make_store()
        with pytest.raises(TypeError):
            store.put(_community(), valid_from=dt.datetime(2026, 1, 1))  # type: ignore[arg-type]


#: Three versions of one community, their first days drawn apart.
VERSION_DAYS = st.lists(
    st.dates(min_value=dt.date(2000, 1, 2), max_value=dt.date(2099, 12, 30)),
    min_size=1,
    max_size=4,
    unique=True,
).map(sorted)


class TestDatedVersions:
    @settings(max_examples=40, deadline=None)
    @given(days=VERSION_DAYS, kind=st.sampled_from(["memory", "sqlite"]))
    def test_the_version_in_force_changes_on_its_first_day(
        self, days: list[dt.date], kind: str
    ) -> None:
        """Around each version's first day: the day before gives the previous version (or
        none), the day itself and the day after give this one (start inclusive, the next
        version's start exclusive)."""
        store: CommunityStore = (
            MemoryCommunityStore() if kind == "memory" else SQLiteCommunityStore(":memory:")
        )
        for i, day in enumerate(days):
            store.put(_community(name=f"社区{i}"), valid_from=day)
        one = dt.timedelta(days=1)
        for i, day in enumerate(days):
            before = store.get("c1", day - one)
            if i == 0:
                assert before is None
            else:
                assert before is not None
                assert before.community.name == f"社区{i - 1}"
            for on in (day, day + one):
                got = store.get("c1", on)
                expected = i + 1 if i + 1 < len(days) and days[i + 1] == on else i
                assert got is not None
                assert got.community.name == f"社区{expected}"
        assert [v.valid_from for v in store.versions("c1")] == days

    def test_a_subject_is_judged_with_the_version_in_force_on_its_own_date(self) -> None:
        """The proposal's submitted_on picks the version: a later one is not used."""
        store = MemoryCommunityStore()
        old, new = _jinjiang(), _jinjiang().model_copy(update={"name": "改名后的社区"})
        store.put(old, valid_from=dt.date(2026, 1, 1))
        store.put(new, valid_from=dt.date(2026, 3, 3))  # the day after submitted_on
        p = resolve(Proposal, _by_id(), store)
        assert p.community.name == old.name
        version = community_version_of(p)
        assert version is not None
        assert version.valid_from == dt.date(2026, 1, 1)
        later = resolve(Proposal, {**_by_id(), "submitted_on": "2026-03-03"}, store)
        assert later.community.name == "改名后的社区"


class TestSQLite:
    def test_two_connections_see_each_others_versions(self, tmp_path: Path) -> None:
        """Two store objects on one file (as two processes would open it) share versions,
        and a conflicting put through the second is refused."""
        path = tmp_path / "shared.db"
        a, b = SQLiteCommunityStore(path), SQLiteCommunityStore(path)
        v = a.put(_community(), valid_from=dt.date(2026, 1, 1))
        got = b.get("c1", dt.date(2026, 1, 1))
        assert got is not None
        assert got.version == v
        with pytest.raises(StoreError):
            b.put(_community(name="别的"), valid_from=dt.date(2026, 1, 1))

    def test_racing_writers_register_one_version(self, tmp_path: Path) -> None:
        """Threads racing to register different content for one (id, day): exactly one
        wins, every other is refused, and the stored one is the winner's."""
        path = tmp_path / "race.db"
        SQLiteCommunityStore(path)  # created once
        won: list[str] = []
        refused: list[str] = []
        barrier = threading.Barrier(4)

        def write(i: int) -> None:
            store = SQLiteCommunityStore(path)
            barrier.wait()
            try:
                store.put(_community(name=f"社区{i}"), valid_from=dt.date(2026, 1, 1))
                won.append(f"社区{i}")
            except StoreError:
                refused.append(f"社区{i}")

        threads = [threading.Thread(target=write, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(won) == 1
        assert len(refused) == 3
        got = SQLiteCommunityStore(path).get("c1", dt.date(2026, 1, 1))
        assert got is not None
        assert got.community.name == won[0]

    def test_a_store_is_shared_by_threads(self, tmp_path: Path) -> None:
        """One store object used from several threads (each with its own connection)."""
        store = SQLiteCommunityStore(tmp_path / "threads.db")
        store.put(_community(), valid_from=dt.date(2026, 1, 1))
        found: list[str] = []

        def read() -> None:
            got = store.get("c1", dt.date(2026, 1, 2))
            found.append(got.community.id if got else "")

        threads = [threading.Thread(target=read) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert found == ["c1"] * 4

    def test_a_document_changed_behind_the_store_is_refused(self, tmp_path: Path) -> None:
        """A row whose bytes no longer match their digest is never used."""
        path = tmp_path / "tampered.db"
        SQLiteCommunityStore(path).put(_community(), valid_from=dt.date(2026, 1, 1))
        db = sqlite3.connect(path)
        doc = json.loads(db.execute("SELECT document FROM community_versions").fetchone()[0])
        doc["households"].append({"id": "h99"})
        db.execute("UPDATE community_versions SET document = ?", (json.dumps(doc).encode(),))
        db.commit()
        db.close()
        with pytest.raises(StoreError, match="changed outside the store"):
            SQLiteCommunityStore(path).get("c1", dt.date(2026, 1, 1))

    def test_the_schema_version_is_recorded_and_a_newer_one_refused(self, tmp_path: Path) -> None:
        """The file says which schema wrote it; a newer schema is refused, not misread."""
        path = tmp_path / "newer.db"
        SQLiteCommunityStore(path)
        db = sqlite3.connect(path)
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        db.commit()
        db.close()
        with pytest.raises(StoreError, match="upgrade"):
            SQLiteCommunityStore(path)

    def test_a_file_that_is_not_sqlite_is_refused(self, tmp_path: Path) -> None:
        """A text file named as the store is a StoreError, not a crash."""
        path = tmp_path / "not.db"
        path.write_text("hello, not a database " * 100)
        with pytest.raises(StoreError, match="not a database"):
            SQLiteCommunityStore(path)

    def test_a_directory_is_refused(self, tmp_path: Path) -> None:
        """A directory is not a store file."""
        with pytest.raises(StoreError, match="directory"):
            SQLiteCommunityStore(tmp_path)

    def test_the_cache_is_bounded(self) -> None:
        """With ``cache_size=1`` a second version evicts the first (it is validated again
        from the store, and still equal)."""
        store = SQLiteCommunityStore(":memory:", cache_size=1)
        store.put(_community(), valid_from=dt.date(2026, 1, 1))
        store.put(_community(name="二"), valid_from=dt.date(2026, 2, 1))
        a = store.get("c1", dt.date(2026, 1, 1))
        store.get("c1", dt.date(2026, 2, 1))
        again = store.get("c1", dt.date(2026, 1, 1))
        assert a is not None
        assert again is not None
        assert again.community is not a.community
        assert again.community == a.community


@pytest.fixture
def jj_store() -> MemoryCommunityStore:
    """A store holding the Jinjiang example community from 2026-01-01."""
    store = MemoryCommunityStore()
    store.put(_jinjiang(), valid_from=dt.date(2026, 1, 1))
    return store


def _errors(e: pytest.ExceptionInfo[ValidationError]) -> list[tuple[Any, str]]:
    return [(x["loc"], x["type"]) for x in e.value.errors()]


class TestResolveErrors:
    def test_the_resolved_subject_equals_the_self_contained_one(
        self, jj_store: MemoryCommunityStore
    ) -> None:
        """The by-id example validates to the model the self-contained example gives, with
        the registered version recorded."""
        p = resolve(Proposal, _by_id(), jj_store)
        whole = Proposal.model_validate_json(load_example("jinjiang/proposal-eligible.json"))
        assert p == whole
        assert p.model_dump_json() == whole.model_dump_json()
        assert community_version_of(p) == jj_store.versions(JJ)[0]
        assert community_version_of(whole) is None

    def test_unknown_id(self, jj_store: MemoryCommunityStore) -> None:
        """An id not registered: an error at community_id naming it."""
        with pytest.raises(ValidationError, match="no community 'X-1' is registered") as e:
            resolve(Proposal, {**_by_id(), "community_id": "X-1"}, jj_store)
        assert _errors(e) == [(("community_id",), "unknown_community")]

    def test_no_version_in_force(self, jj_store: MemoryCommunityStore) -> None:
        """A subject dated before the first version: an error at community_id naming the
        date and the first version's day."""
        data = {**_by_id(), "submitted_on": "2025-12-31"}
        with pytest.raises(ValidationError, match="no version in force on 2025-12-31") as e:
            resolve(Proposal, data, jj_store)
        assert _errors(e) == [(("community_id",), "no_community_version")]
        assert "2026-01-01" in str(e.value)

    def test_both_community_and_community_id(self, jj_store: MemoryCommunityStore) -> None:
        """Both given: refused at community_id (never one silently preferred)."""
        data = {**example_data("jinjiang/proposal-eligible.json"), "community_id": JJ}
        with pytest.raises(ValidationError, match="not both") as e:
            resolve(Proposal, data, jj_store)
        assert _errors(e) == [(("community_id",), "community_and_community_id")]

    def test_community_id_without_a_store(self) -> None:
        """No store: an error at community_id saying how to give one."""
        with pytest.raises(ValidationError, match="--store PATH") as e:
            resolve(Proposal, _by_id(), None)
        assert _errors(e) == [(("community_id",), "no_community_store")]

    def test_community_id_straight_to_the_model_is_not_silently_accepted(self) -> None:
        """Bypassing the boundary, the model refuses the key and asks for its community."""
        with pytest.raises(ValidationError) as e:
            Proposal.model_validate_json(json.dumps(_by_id()))
        assert set(_errors(e)) == {
            (("community",), "missing"),
            (("community_id",), "extra_forbidden"),
        }

    @pytest.mark.parametrize("value", [7, "", " ", None, ["x"]])
    def test_a_community_id_that_is_not_an_id(
        self, jj_store: MemoryCommunityStore, value: object
    ) -> None:
        """A number, a blank or a list is refused at community_id, never coerced."""
        with pytest.raises(ValidationError) as e:
            resolve(Proposal, {**_by_id(), "community_id": value}, jj_store)
        assert all(loc[0] == "community_id" for loc, _ in _errors(e))

    def test_a_missing_date(self, jj_store: MemoryCommunityStore) -> None:
        """Without the subject's date no version can be chosen: errors at the date field and
        at community_id."""
        data = {k: v for k, v in _by_id().items() if k != "submitted_on"}
        with pytest.raises(ValidationError) as e:
            resolve(Proposal, data, jj_store)
        assert _errors(e) == [
            (("submitted_on",), "missing"),
            (("community_id",), "community_version_undetermined"),
        ]

    @pytest.mark.parametrize("value", ["2026-03-02T00:00:00", 20260302, "2026-02-30"])
    def test_an_invalid_date(self, jj_store: MemoryCommunityStore, value: object) -> None:
        """A date that is no date is reported at its field, as the model would."""
        with pytest.raises(ValidationError) as e:
            resolve(Proposal, {**_by_id(), "submitted_on": value}, jj_store)
        assert [loc for loc, _ in _errors(e)] == [("submitted_on",)]

    def test_other_problems_are_located_as_in_the_whole_input(
        self, jj_store: MemoryCommunityStore
    ) -> None:
        """A sponsor unknown to the registered community is reported at its element."""
        data = {**_by_id(), "sponsor_household_ids": ["H100", "H999"]}
        with pytest.raises(ValidationError) as e:
            resolve(Proposal, data, jj_store)
        assert _errors(e) == [(("sponsor_household_ids", 1), "unknown_reference")]

    def test_a_subject_without_a_community_refuses_community_id(
        self, jj_store: MemoryCommunityStore
    ) -> None:
        """A work item has no community: community_id is an unknown key there."""
        model = SUBJECT_MODELS["work_item"]
        assert "community" not in model.model_fields
        with pytest.raises(ValidationError) as e:
            resolve(model, {"community_id": JJ}, jj_store)
        assert (("community_id",), "extra_forbidden") in _errors(e)

    def test_validate_json_without_community_id_is_the_models_own(self) -> None:
        """JSON text without community_id is validated by the model in JSON mode, unchanged."""
        text = load_example("jinjiang/proposal-short.json")
        assert validate_json(Proposal, text) == Proposal.model_validate_json(text)

    def test_a_copy_with_changed_fields_drops_the_version(
        self, jj_store: MemoryCommunityStore
    ) -> None:
        """``model_copy(update=…)`` may change the community: the record of the registered
        version does not follow it; a plain copy keeps it."""
        p = resolve(Proposal, _by_id(), jj_store)
        assert community_version_of(p.model_copy()) is not None
        assert community_version_of(p.model_copy(update={"title": "别的议题"})) is None


class TestReferenceDates:
    @pytest.mark.parametrize(
        "subject", sorted(s for s, m in SUBJECT_MODELS.items() if "community" in m.model_fields)
    )
    def test_every_subject_with_a_community_declares_its_date_field(self, subject: str) -> None:
        """Each subject with a community names the date field its community is looked up as
        of, and that field is a date."""
        model = SUBJECT_MODELS[subject]
        field = model.model_fields.get(model.reference_date_field)
        assert field is not None
        assert field.annotation is dt.date

    @pytest.mark.parametrize(
        ("name", "whole"),
        [
            ("jinjiang/proposal-eligible-by-id.json", "jinjiang/proposal-eligible.json"),
            ("jinjiang/residents-committee-by-id.json", "jinjiang/residents-committee.json"),
            ("bodies/urban-by-id.json", "bodies/urban.json"),
            ("elections/recall-by-id.json", "elections/recall.json"),
        ],
    )
    def test_the_declared_field_is_the_reference_date(self, name: str, whole: str) -> None:
        """The declared field holds the subject's ``reference_date`` (what ``--at``
        defaults to), for the by-id examples of each kind."""
        store = MemoryCommunityStore()
        for cid in ("CN-510104-EX01", "CN-URBAN-EX02"):
            text = load_example(f"communities/{cid}.json")
            store.put(Community.model_validate_json(text), valid_from=dt.date(2026, 1, 1))
        data = example_data(name)
        model = next(m for m in SUBJECT_MODELS.values() if _validates(m, load_example(whole)))
        subject = resolve(model, data, store)
        assert subject.reference_date == getattr(subject, model.reference_date_field)
        assert subject == model.model_validate_json(load_example(whole))


def _validates(model: Any, text: str) -> bool:
    try:
        model.model_validate_json(text)
    except ValidationError:
        return False
    return True


class TestCheckedOnce:
    def test_a_reused_community_is_checked_once(self) -> None:
        """A checked community given to a subject is not checked again (the store's saving),
        and the mark is neither serialised nor compared."""
        c = _jinjiang()
        assert c.__dict__.get("_references_checked") is True
        p = resolve(Proposal, _by_id(), _store_with(c))
        assert p.community is c
        assert "_references_checked" not in c.model_dump_json()
        assert c == Community.model_validate_json(c.model_dump_json())

    def test_a_changed_copy_is_checked_again(self) -> None:
        """Regression: a copy with changed fields (not validated by model_copy) is checked
        when given to a subject: a duplicate person is still refused."""
        c = _jinjiang()
        broken = c.model_copy(update={"persons": (*c.persons, c.persons[0])})
        data = {**example_data("jinjiang/proposal-eligible.json"), "community": broken}
        with pytest.raises(ValidationError) as e:
            Proposal.model_validate(data)
        assert e.value.errors()[0]["type"] == "duplicate_id"


def _store_with(c: Community) -> MemoryCommunityStore:
    store = MemoryCommunityStore()
    store.put(c, valid_from=dt.date(2026, 1, 1))
    store._cache.clear()  # the lookup validates the stored document: a new object
    store._cache[store.versions(c.id)[0]] = c
    return store
