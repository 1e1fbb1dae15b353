"""End to end: every Sequences API method and every rows method against the emulator over real loopback HTTP,
sync and async (the emulator validates every request and response against the CDF spec)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pandas as pd
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes import AssetWrite
from cognite.client.data_classes import filters as flt
from cognite.client.data_classes.sequences import (
    Sequence,
    SequenceColumnUpdate,
    SequenceColumnWrite,
    SequenceFilter,
    SequenceList,
    SequenceProperty,
    SequenceRows,
    SequenceRowsList,
    SequenceUpdate,
    SequenceWrite,
)
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError
from cognite.client.testing import emulated_client

pytestmark = pytest.mark.e2e

COLUMNS = [
    SequenceColumnWrite("name", value_type="STRING"),
    SequenceColumnWrite("depth", metadata={"unit": "m"}),
    SequenceColumnWrite("count", value_type="LONG"),
]


@pytest.fixture
def client(config: ClientConfig) -> Iterator[CogniteClient]:
    with CogniteClient(config) as c:
        yield c


def _log(xid: str, **kwargs: object) -> SequenceWrite:
    return SequenceWrite(COLUMNS, external_id=xid, **kwargs)  # type: ignore[arg-type]


def test_sequences_metadata_methods(client: CogniteClient) -> None:
    root = client.assets.create(AssetWrite(name="root", external_id="root"))
    created = client.sequences.create(
        [
            _log("a1", name="pump curve", asset_id=root.id, metadata={"k": "v"}),
            _log("a2", name="well log", description="pump depth"),
            _log("b1", name="other"),
        ]
    )
    assert isinstance(created, SequenceList) and created.get(external_id="a1").asset_id == root.id  # type: ignore[union-attr]
    one = client.sequences.create(Sequence(external_id="c1", columns=created[0].columns))
    assert isinstance(one, Sequence) and one.column_value_types == ["STRING", "DOUBLE", "LONG"]
    assert one.columns is not None and one.columns[1].metadata == {"unit": "m"}

    assert client.sequences.retrieve(external_id="a2").description == "pump depth"  # type: ignore[union-attr]
    assert client.sequences.retrieve(id=1) is None
    many = client.sequences.retrieve_multiple(external_ids=["a1", "b1"], ids=[one.id])  # type: ignore[list-item]
    assert [s.external_id for s in many] == ["c1", "a1", "b1"]  # ids first, then external ids, as asked
    with pytest.raises(CogniteNotFoundError):
        client.sequences.retrieve_multiple(external_ids=["a1", "nope"])
    assert len(client.sequences.retrieve_multiple(external_ids=["nope"], ignore_unknown_ids=True)) == 0

    assert [s.external_id for s in client.sequences.list(external_id_prefix="a", limit=None)] == ["a1", "a2"]
    assert [s.external_id for s in client.sequences.list(asset_subtree_external_ids=["root"])] == ["a1"]
    assert [s.external_id for s in client.sequences.list(asset_ids=[root.id], metadata={"k": "v"})] == ["a1"]  # type: ignore[list-item]
    assert len(client.sequences.list(limit=None, partitions=2)) == 4
    names = [s.name for s in client.sequences.list(sort=("name", "desc"), limit=2)]
    assert names == [None, "well log"]  # c1 has no name: nulls come first in descending order
    adv = client.sequences.list(advanced_filter=flt.Equals(SequenceProperty.asset_root_id, root.id))  # type: ignore[arg-type]
    assert [s.external_id for s in adv] == ["a1"]
    assert sum(len(chunk) for chunk in client.sequences(chunk_size=3)) == 4
    assert sorted(s.external_id or "" for s in client.sequences.search(query="pump")) == ["a1", "a2"]
    assert client.sequences.search(name="curve", filter=SequenceFilter(external_id_prefix="a"))[0].external_id == "a1"

    assert client.sequences.aggregate_count() == 4
    assert client.sequences.aggregate_count(filter=SequenceFilter(name="other")) == 1
    assert client.sequences.aggregate_cardinality_values(SequenceProperty.name) == 3  # c1 has no name
    assert {v.values[0] for v in client.sequences.aggregate_unique_values(property="name")} >= {"other"}
    assert client.sequences.aggregate_cardinality_properties(path=["metadata"]) == 1
    assert [u.values[0] for u in client.sequences.aggregate_unique_properties(path=["metadata"])] == [
        {"property": ["metadata", "k"]}
    ]

    client.sequences.delete(external_id=["b1", "c1"])
    client.sequences.delete(external_id="gone", ignore_unknown_ids=True)
    with pytest.raises(CogniteNotFoundError):
        client.sequences.delete(external_id="gone")
    assert client.sequences.aggregate_count() == 2


def test_update_and_upsert_change_columns_and_keep_values(client: CogniteClient) -> None:
    client.sequences.create(_log("s"))
    client.sequences.data.insert({1: ["a", 1.5, 3], 2: ["b", 2.5, 4]}, external_id="s")
    upd = (
        SequenceUpdate(external_id="s")
        .name.set("log")
        .metadata.add({"k": "v"})
        .columns.modify(SequenceColumnUpdate(external_id="depth").external_id.set("md").name.set("Measured depth"))
        .columns.remove("name")
        .columns.add(SequenceColumnWrite("tool", value_type="STRING"))
    )
    seq = client.sequences.update(upd)
    assert seq.name == "log" and seq.column_external_ids == ["md", "count", "tool"]
    rows = client.sequences.data.retrieve(external_id="s")
    assert rows.values == [[1.5, 3, None], [2.5, 4, None]]

    # a whole sequence: columns compared with CDF's (retyped "count" is dropped and added again)
    wanted = SequenceWrite(
        [SequenceColumnWrite("md", name="MD"), SequenceColumnWrite("count", value_type="DOUBLE")],
        external_id="s",
        name="log",
    )
    seq = client.sequences.update(wanted, mode="replace")
    assert seq.column_external_ids == ["md", "count"] and seq.column_value_types == ["DOUBLE", "DOUBLE"]
    assert seq.metadata is None and seq.columns is not None and seq.columns[0].name == "MD"
    assert client.sequences.data.retrieve(external_id="s").values == [[1.5, None], [2.5, None]]

    patched = client.sequences.update(Sequence(external_id="s", metadata={"a": "b"}, columns=[]), mode="patch")
    assert patched.metadata == {"a": "b"} and patched.column_external_ids == ["md", "count"]

    up = client.sequences.upsert(
        [
            SequenceWrite([SequenceColumnWrite("x")], external_id="new"),
            SequenceWrite([SequenceColumnWrite("extra")], external_id="s"),
        ]
    )
    assert [s.external_id for s in up] == ["new", "s"]
    assert up[1].column_external_ids == ["md", "count", "extra"]  # patch: columns added, none removed
    replaced = client.sequences.upsert(SequenceWrite([SequenceColumnWrite("md")], external_id="s"), mode="replace")
    assert replaced.column_external_ids == ["md"]
    assert client.sequences.data.retrieve(external_id="s").values == [[1.5], [2.5]]


def test_rows_methods(client: CogniteClient) -> None:
    seq = client.sequences.create(_log("s"))
    data = client.sequences.data
    data.insert([(n, [f"r{n}", n / 2, n]) for n in range(0, 40, 2)], columns=["name", "depth", "count"], id=seq.id)
    data.insert([{"rowNumber": 3, "values": [7.5]}], columns=["depth"], external_id="s")
    rows = data.retrieve(external_id="s", start=2, end=8)
    assert isinstance(rows, SequenceRows) and rows.row_numbers == [2, 3, 4, 6]
    assert rows[3] == [None, 7.5, None] and rows.get_column("count") == [2, None, 4, 6]
    assert data.retrieve(id=seq.id, columns=["count"], limit=3).values == [[0], [2], [None]]  # type: ignore[arg-type]
    both = data.retrieve(external_id=["s"], id=[seq.id], limit=2)  # type: ignore[list-item]
    assert isinstance(both, SequenceRowsList) and [len(r) for r in both] == [2, 2]

    last = data.retrieve_last_row(external_id="s", columns=["name"])
    assert last.row_numbers == [38] and last.values == [["r38"]]
    assert data.retrieve_last_row(id=seq.id, before=3).row_numbers == [2]  # type: ignore[arg-type]

    df = data.retrieve_dataframe(0, 6, external_id="s")
    assert list(df.columns) == ["name", "depth", "count"] and list(df.index) == [0, 2, 3, 4]
    data.insert_dataframe(pd.DataFrame({"depth": [100.0, None], "name": ["x", None]}, index=[50, 51]), external_id="s")
    assert data.retrieve(external_id="s", start=50).values == [["x", 100.0, None]]

    data.delete([0, 2, 999], external_id="s")
    data.delete(3, id=seq.id)  # type: ignore[arg-type]
    data.delete_range(10, 20, external_id="s")
    remaining = data.retrieve(external_id="s").row_numbers
    assert remaining == [4, 6, 8, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 50]
    assert client.sequences.retrieve(external_id="s").rows(30, 35).row_numbers == [30, 32, 34]  # type: ignore[union-attr]

    with pytest.raises(CogniteAPIError):
        data.insert({1: ["not a number"]}, columns=["depth"], external_id="s")
    with pytest.raises(CogniteNotFoundError):
        data.retrieve(external_id="nope")
    with pytest.raises(CogniteNotFoundError):
        data.delete_range(0, None, external_id="nope")


async def test_async_rows_methods(config: ClientConfig) -> None:
    async with AsyncCogniteClient(config) as client:
        await client.sequences.create([_log(f"s{i}") for i in range(3)])
        await asyncio.gather(
            *(
                client.sequences.data.insert({n: [None, float(i), n] for n in range(5)}, external_id=f"s{i}")
                for i in range(3)
            )
        )
        res = await client.sequences.data.retrieve(external_id=["s0", "s1", "s2"], columns=["depth"])
        assert [r.values[0] for r in res] == [[0.0], [1.0], [2.0]]
        seq = await client.sequences.retrieve(external_id="s1")
        assert seq is not None and (await seq.rows_async(3, None)).row_numbers == [3, 4]
        frame = await client.sequences.data.retrieve_dataframe(
            0, None, external_id="s2", column_names="externalId|columnExternalId"
        )
        assert list(frame.columns) == ["s2|name", "s2|depth", "s2|count"]
        await client.sequences.data.delete_range(0, None, external_id="s0")
        assert len(await client.sequences.data.retrieve(external_id="s0")) == 0


def test_large_inserts_are_chunked_and_read_back_by_cursor() -> None:
    """Beyond the API's limits per request (rows, values, columns), over loopback (unvalidated: the spec checker
    is slow on payloads this size)."""
    wide = [SequenceColumnWrite(f"c{i}", value_type="LONG") for i in range(250)]
    with emulated_client(over_http=True, seed=3) as client:
        client.sequences.create(
            [SequenceWrite([SequenceColumnWrite("v")], external_id="tall"), SequenceWrite(wide, external_id="wide")]
        )
        client.sequences.data.insert({n: [n / 4] for n in range(25_000)}, external_id="tall")
        client.sequences.data.insert({n: list(range(250)) for n in range(1_000)}, external_id="wide")
        tall = client.sequences.data.retrieve(external_id="tall")
        assert len(tall) == 25_000 and tall.values[-1] == [24_999 / 4]
        wide_rows = client.sequences.data.retrieve(external_id="wide", start=500)
        assert len(wide_rows) == 500 and wide_rows.values[0] == list(range(250))
        client.sequences.data.delete_range(0, 24_000, external_id="tall")
        assert len(client.sequences.data.retrieve(external_id="tall")) == 1_000
