"""End to end: every Raw API method against the emulator over real loopback HTTP (spec-validated), with a fault drill."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pandas as pd
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient, global_config
from cognite.client.credentials import Token
from cognite.client.data_classes.raw import Database, DatabaseList, Row, RowList, RowWrite, Table, TableList
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e


@pytest.fixture
def client(config: ClientConfig) -> Iterator[CogniteClient]:
    with CogniteClient(config) as c:
        yield c


@pytest.fixture
def fast_retries() -> Iterator[None]:
    before = (global_config.max_retry_backoff, global_config.max_retries)
    global_config.max_retry_backoff = 0
    yield
    global_config.max_retry_backoff, global_config.max_retries = before


def test_databases_and_tables(client: CogniteClient, emulator: CDFEmulator) -> None:
    db = client.raw.databases.create("plant/1")
    assert isinstance(db, Database) and db.name == "plant/1"
    dbs = client.raw.databases.create(["a b", "c"])
    assert isinstance(dbs, DatabaseList) and dbs.as_names() == ["a b", "c"]
    assert client.raw.databases.list(limit=None).as_names() == ["plant/1", "a b", "c"]
    assert [d.name for d in client.raw.databases(limit=2)] == ["plant/1", "a b"]
    assert [len(c) for c in client.raw.databases(chunk_size=2)] == [2, 1]

    table = client.raw.tables.create("plant/1", "pumps?")
    tables = client.raw.tables.create("plant/1", ["valves", "x/y"])
    assert isinstance(table, Table) and isinstance(tables, TableList)
    assert client.raw.tables.list("plant/1").as_names() == ["pumps?", "valves", "x/y"]
    assert [t.name for t in client.raw.tables("plant/1", limit=2)] == ["pumps?", "valves"]
    assert [len(c) for c in client.raw.tables("plant/1", chunk_size=2)] == [2, 1]
    assert client.raw.databases.list(limit=1)[0].tables().as_names() == ["pumps?", "valves", "x/y"]

    client.raw.tables.delete("plant/1", ["valves"])
    assert client.raw.tables.list("plant/1").as_names() == ["pumps?", "x/y"]
    with pytest.raises(CogniteAPIError):
        client.raw.databases.delete("plant/1")  # not empty
    client.raw.databases.delete(["plant/1", "c"], recursive=True)
    assert client.raw.databases.list().as_names() == ["a b"]
    with pytest.raises(CogniteNotFoundError) as err:
        client.raw.tables.list("plant/1")
    assert err.value.not_found == [{"name": "plant/1"}]
    assert emulator.spec_violations == []


def test_rows(client: CogniteClient, emulator: CDFEmulator) -> None:
    rows = [RowWrite(key=f"k/{i}", columns={"i": i, "even": i % 2 == 0, "nested": {"a": [i]}}) for i in range(3_000)]
    client.raw.rows.insert("db", "t", rows, ensure_parent=True)
    client.raw.rows.insert("db", "t", {"extra": {"i": -1}})
    client.raw.rows.insert("db", "t", Row(key="one", columns={"i": -2}))
    assert client.raw.rows.retrieve("db", "t", "k/7") == Row(
        key="k/7", columns={"i": 7, "even": False, "nested": {"a": [7]}}, last_updated_time=pytest.approx(0, abs=1e13)
    )
    assert client.raw.rows.retrieve("db", "t", "missing") is None

    everything = client.raw.rows.list("db", "t", limit=None)
    assert isinstance(everything, RowList) and len(everything) == 3_002
    assert len({r.key for r in everything}) == 3_002
    parted = client.raw.rows.list("db", "t", limit=None, partitions=4, columns=["i"])
    assert sorted(r.columns["i"] for r in parted) == sorted(r.columns["i"] for r in everything)  # type: ignore[index]
    assert all(set(r.columns or {}) == {"i"} for r in parted)
    assert len(client.raw.rows.list("db", "t", limit=1_234, partitions=3)) == 1_234
    assert len(client.raw.rows.list("db", "t")) == 25
    assert client.raw.rows.list("db", "t", limit=2, columns=[])[0].columns == {}

    newest = max(r.last_updated_time or 0 for r in everything)
    assert len(client.raw.rows.list("db", "t", limit=None, min_last_updated_time=newest)) == 0
    assert len(client.raw.rows.list("db", "t", limit=None, max_last_updated_time=newest)) == 3_002

    assert sum(1 for _ in client.raw.rows("db", "t", limit=100)) == 100
    chunks = list(client.raw.rows("db", "t", chunk_size=1_000, partitions=3))
    assert sum(len(c) for c in chunks) == 3_002 and all(len(c) <= 1_000 for c in chunks)

    client.raw.rows.delete("db", "t", [f"k/{i}" for i in range(500)])
    client.raw.rows.delete("db", "t", "one")
    assert len(client.raw.rows.list("db", "t", limit=None)) == 2_501
    table = client.raw.tables.list("db")[0]
    assert table.rows(key="extra") == client.raw.rows.retrieve("db", "t", "extra")
    assert len(table.rows(limit=3)) == 3  # type: ignore[arg-type]
    assert emulator.spec_violations == []
    assert emulator.counters.by_route["GET /raw/dbs/{dbName}/tables/{tableName}/cursors"] >= 2


def test_dataframes(client: CogniteClient) -> None:
    df = pd.DataFrame({"a": [1.5, None, 3.0], "b": ["x", "y", "z"]}, index=["r1", "r2", "r3"])
    client.raw.rows.insert_dataframe("db", "t", df, ensure_parent=True)
    assert client.raw.rows.retrieve("db", "t", "r2").columns == {"b": "y"}  # type: ignore[union-attr]
    back = client.raw.rows.retrieve_dataframe("db", "t", limit=None).sort_index()
    assert back["b"].tolist() == ["x", "y", "z"]
    assert back["a"].iloc[0] == 1.5 and pd.isna(back["a"].iloc[1])
    client.raw.rows.insert_dataframe("db", "t", df.iloc[1:2], dropna=False)
    assert client.raw.rows.retrieve("db", "t", "r2").columns == {"a": None, "b": "y"}  # type: ignore[union-attr]
    indexed = client.raw.rows.retrieve_dataframe("db", "t", columns=["b"], last_updated_time_in_index=True)
    assert indexed.index.names == ["key", "last_updated_time"] and list(indexed.columns) == ["b"]


async def test_async_client_iterates_partitions_concurrently(config: ClientConfig, emulator: CDFEmulator) -> None:
    async with AsyncCogniteClient(config) as client:
        await client.raw.rows.insert("db", "t", {f"k{i}": {"i": i} for i in range(3_000)}, ensure_parent=True)
        emulator.counters.reset()
        keys = [r.key async for r in client.raw.rows("db", "t", partitions=3)]
        assert sorted(keys) == sorted(f"k{i}" for i in range(3_000))
        results = await asyncio.gather(
            client.raw.rows.retrieve("db", "t", "k1"), client.raw.rows.retrieve("db", "t", "k2")
        )
        assert [r.columns for r in results] == [{"i": 1}, {"i": 2}]  # type: ignore[union-attr]


def test_fault_drill_insert_resends_and_loses_nothing(fast_retries: None) -> None:
    emulator = CDFEmulator(seed=5)  # not spec-validating: this drill is about resending 20k rows, fast
    rule = emulator.faults.add(path="/raw/*", statuses={503: 0.2}, reset_before=0.05, reset_after=0.05)
    with emulator.serve() as server, CogniteClient(ClientConfig("e2e", "drill", Token("t"), base_url=server.url)) as c:
        c.raw.rows.insert("db", "t", {f"k{i}": {"i": i} for i in range(20_001)}, ensure_parent=True)
        emulator.faults.clear()
        listed = c.raw.rows.list("db", "t", limit=None)
    assert rule.injected > 0
    assert sorted(r.key for r in listed) == sorted(f"k{i}" for i in range(20_001))  # type: ignore[type-var]
