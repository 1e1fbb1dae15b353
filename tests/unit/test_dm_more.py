"""Core Data Model typed classes, and data_modeling.streams / records / graphql / time_series / files, through
``httpx.MockTransport`` (a small canned fake per test); the SDK's own layers run for real."""

from __future__ import annotations

import gzip
import json
import typing
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig
from cognite.client.credentials import Token
from cognite.client.data_classes.data_modeling import NodeApply, NodeId, ViewId
from cognite.client.data_classes.data_modeling import _cdm_table as table
from cognite.client.data_classes.data_modeling.cdm import v1 as cdm
from cognite.client.data_classes.data_modeling.data_types import StateSetEntry
from cognite.client.data_classes.data_modeling.extractor_extensions import v1 as ext
from cognite.client.data_classes.data_modeling.ids import DirectRelationReference
from cognite.client.data_classes.data_modeling.instances import InstanceSort
from cognite.client.data_classes.data_modeling.records import (
    Record,
    RecordContainerId,
    RecordId,
    RecordIdSequence,
    RecordList,
    RecordSource,
    RecordSourceSelector,
    RecordTargetUnit,
    RecordTargetUnits,
    RecordWrite,
    SyncRecord,
    TimeRange,
    UnitSystemReference,
)
from cognite.client.data_classes.data_modeling.streams import (
    Stream,
    StreamTemplate,
    StreamWrite,
    StreamWriteSettings,
)
from cognite.client.data_classes.filters import Equals
from cognite.client.exceptions import CogniteAPIError, CogniteGraphQLError

PREFIX = "/api/v1/projects/p"
STREAM = {"externalId": "logs", "createdTime": 1, "createdFromTemplate": "MutableTestStream", "type": "Mutable",
          "settings": {"lifecycle": {"retainedAfterSoftDelete": "P1D"},
                       "limits": {"maxRecordsTotal": {"provisioned": 10}, "maxGigaBytesTotal": {"provisioned": 1}}}}  # fmt: skip
RECORD = {"space": "s", "externalId": "r1", "createdTime": 1, "lastUpdatedTime": 2,
          "properties": {"s": {"Log": {"n": 1}}}}  # fmt: skip

Answer = Callable[[str, str, Any, httpx.QueryParams], tuple[int, Any]]


class Fake:
    """Records requests (method, path, body, params) and answers them with ``answer``."""

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.requests: list[tuple[str, str, Any, httpx.QueryParams]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        raw = request.content
        data = gzip.decompress(raw) if request.headers.get("content-encoding") == "gzip" else raw
        body = json.loads(data) if data else None
        path = request.url.raw_path.decode().split("?")[0].removeprefix(PREFIX)  # as sent (still URL-encoded)
        self.requests.append((request.method, path, body, request.url.params))
        status, out = self.answer(request.method, path, body, request.url.params)
        return httpx.Response(status, json=out)


def client_for(answer: Answer) -> tuple[AsyncCogniteClient, Fake]:
    fake = Fake(answer)
    config = ClientConfig("unit", "p", Token("t"), base_url="https://x.cognitedata.com")
    return AsyncCogniteClient(config, transport=httpx.MockTransport(fake)), fake


# ---------------------------------------------------------------------------------------------- typed CDM classes


def _sample(kind: str) -> Any:
    base = kind.rstrip("!*")
    is_list = base.endswith("[]")
    base = base.removesuffix("[]")
    value: Any = {
        "text": "x", "bool": True, "int": 3, "float32": 1.5, "float64": 2.5, "json": {"a": 1},
        "timestamp": datetime(2024, 1, 2, tzinfo=timezone.utc), "direct": DirectRelationReference("s", "t"),
    }.get(base)  # fmt: skip
    if base.startswith("enum:"):
        value = base[5:].split("|")[0]
    if base == "states":
        return [StateSetEntry(numeric_value=1, string_value="ON")]
    return [value] if is_list else value


def _module(name: str) -> Any:
    return cdm if table.VIEWS[table.CLASSES[name][0]][0] == table.CDM_SPACE else ext


@pytest.mark.parametrize("name", sorted(table.CLASSES))
def test_every_typed_class_writes_and_reads_its_view(name: str) -> None:
    view, kind = table.CLASSES[name]
    space = table.VIEWS[view][0]
    module = _module(name)
    apply_cls, read_cls = getattr(module, name + "Apply"), getattr(module, name)
    props = [p for p, _ in table.view_properties(view)]
    writable = [p for p in props if not p[2].endswith("!")]
    values = {attr: _sample(k) for attr, _, k in writable}
    ends = ("s", "t"), ("s", "a"), ("s", "b")
    obj = apply_cls("s", "x1", *ends, **values) if kind == "edge" else apply_cls("s", "x1", **values)
    assert apply_cls.get_source() == ViewId(space, view, "v1")
    dumped = obj.dump()
    assert dumped["instanceType"] == kind
    (source,) = dumped["sources"]
    assert source["source"] == {"space": space, "externalId": view, "version": "v1", "type": "view"}
    assert set(source["properties"]) == {wire for _, wire, _ in writable}  # every property under its wire name
    for _, wire, k in writable:
        if k.startswith("timestamp"):
            assert source["properties"][wire] == "2024-01-02T00:00:00.000+00:00"
        elif k.startswith("direct"):
            ref = {"space": "s", "externalId": "t"}
            assert source["properties"][wire] == ([ref] if "[]" in k else ref)
    # read back from the wire form, and back to the write form
    wire_props = {**source["properties"], **{w: _wire(_sample(k)) for _, w, k in props if k.endswith("!")}}
    node: dict[str, Any] = {"instanceType": kind, "space": "s", "externalId": "x1", "version": 3, "createdTime": 1,
                            "lastUpdatedTime": 2, "properties": {space: {f"{view}/v1": wire_props}}}  # fmt: skip
    if kind == "edge":
        node.update(type={"space": "s", "externalId": "t"}, startNode={"space": "s", "externalId": "a"},
                    endNode={"space": "s", "externalId": "b"})  # fmt: skip
    read = read_cls._load(node)
    for attr, _, k in props:
        expected = _sample(k)
        assert getattr(read, attr) == expected, attr
    again = read.as_write()
    assert isinstance(again, apply_cls) and again.existing_version == 3
    assert again.dump()["sources"] == dumped["sources"]


def _wire(value: Any) -> Any:
    if isinstance(value, list):
        return [_wire(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, DirectRelationReference):
        return {"space": value.space, "externalId": value.external_id}
    return value


def test_typed_classes_check_their_arguments_and_convert_references() -> None:
    asset = cdm.CogniteAssetApply("s", "a", parent=("s", "p"), asset_type=NodeId("s", "t"))
    assert asset.parent == DirectRelationReference("s", "p")
    assert asset.dump()["sources"][0]["properties"]["type"] == {"space": "s", "externalId": "t"}
    with pytest.raises(TypeError, match="parent"):
        cdm.CogniteAssetApply("s", "a", parent=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="assets"):
        cdm.CogniteFileApply("s", "f", assets=("s", "a"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="start_time"):
        cdm.CogniteActivityApply("s", "a", start_time="yesterday")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cdm.CogniteTimeSeriesApply("s", "t")  # type: ignore[call-arg]  # is_step and the type are required
    with pytest.raises(ValueError, match="timezone"):
        cdm.CogniteActivityApply("s", "a", start_time=datetime(2024, 1, 1)).dump()
    ts = cdm.CogniteTimeSeriesApply("s", "t", is_step=False, time_series_type="numeric", source_unit="m")
    props = ts.dump()["sources"][0]["properties"]
    assert (props["isStep"], props["type"], props["sourceUnit"]) == (False, "numeric", "m")
    # names that clash with node fields are renamed and mapped back
    assert cdm.CogniteSourceSystemApply("s", "x", source_system_version="2").dump()["sources"][0]["properties"][
        "version"] == "2"  # fmt: skip
    states = cdm.CogniteStateSetApply("s", "st", states=[{"numericValue": 1, "stringValue": "ON"}])
    assert states.states == [StateSetEntry(numeric_value=1, string_value="ON")]
    assert states.dump()["sources"][0]["properties"]["states"] == [{"numericValue": 1, "stringValue": "ON"}]


def test_generated_modules_are_up_to_date() -> None:
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "gen_cdm.py"
    spec = importlib.util.spec_from_file_location("gen_cdm", script)
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    for space, target in gen.TARGETS.items():
        assert gen._formatted(gen.generate(space), target) == target.read_text(), target


def test_typed_class_annotations_resolve() -> None:
    for name in table.CLASSES:
        module = _module(name)
        for cls in (getattr(module, name), getattr(module, name + "Apply")):
            assert typing.get_type_hints(cls.__init__)


# ---------------------------------------------------------------------------------------------- streams


async def test_streams_create_one_request_per_stream_and_retrieve_none_when_missing() -> None:
    def answer(method: str, path: str, body: Any, params: httpx.QueryParams) -> tuple[int, Any]:
        if method == "POST" and path == "/streams":
            assert len(body["items"]) == 1
            return 201, {"items": [{**STREAM, "externalId": body["items"][0]["externalId"]}]}
        if path == "/streams/missing":
            return 404, {"error": {"code": 404, "message": "no"}}
        if method == "GET" and path.startswith("/streams/"):
            return 200, STREAM
        if path == "/streams/delete":
            return 200, {}
        return 200, {"items": [STREAM]}

    client, fake = client_for(answer)
    writes = [StreamWrite(f"s{i}", StreamWriteSettings(StreamTemplate("MutableTestStream"))) for i in range(3)]
    created = await client.data_modeling.streams.create(writes)
    assert [s.external_id for s in created] == ["s0", "s1", "s2"] and len(fake.requests) == 3
    one = await client.data_modeling.streams.create(Stream.load(STREAM))
    assert isinstance(one, Stream) and fake.requests[-1][2] == {
        "items": [{"externalId": "logs", "settings": {"template": {"name": "MutableTestStream"}}}]}  # fmt: skip
    assert await client.data_modeling.streams.retrieve("missing") is None
    got = await client.data_modeling.streams.retrieve("logs", include_statistics=True)
    assert got is not None and fake.requests[-1][3].get("includeStatistics") == "true"
    assert (await client.data_modeling.streams.list()).as_external_ids() == ["logs"]
    await client.data_modeling.streams.delete(["a", "b", "a"])
    assert [r[2] for r in fake.requests[-2:]] == [{"items": [{"externalId": "a"}]}, {"items": [{"externalId": "b"}]}]
    sent = len(fake.requests)
    with pytest.raises(TypeError, match="items"):
        await client.data_modeling.streams.create(["nope"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="external_id"):
        await client.data_modeling.streams.delete(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="include_statistics"):
        await client.data_modeling.streams.retrieve("x", include_statistics="yes")  # type: ignore[arg-type]
    assert len(fake.requests) == sent


# ---------------------------------------------------------------------------------------------- records


def _rec(i: int) -> RecordWrite:
    return RecordWrite("s", f"r{i}", [RecordSource(RecordContainerId("s", "Log"), {"n": i})])


async def test_records_writes_are_chunked_and_checked() -> None:
    client, fake = client_for(lambda m, p, b, q: (202, {}) if not p.endswith("/delete") else (200, {}))
    await client.data_modeling.records.ingest([_rec(i) for i in range(2500)], stream_id="logs")
    assert [len(r[2]["items"]) for r in fake.requests] == [1000, 1000, 500]
    assert {r[1] for r in fake.requests} == {"/streams/logs/records"}
    assert fake.requests[0][2]["items"][0] == {
        "space": "s", "externalId": "r0",
        "sources": [{"source": {"type": "container", "space": "s", "externalId": "Log"}, "properties": {"n": 0}}],
    }  # fmt: skip
    await client.data_modeling.records.upsert(Record.load(RECORD), stream_id="logs")
    assert fake.requests[-1][1] == "/streams/logs/records/upsert"
    assert fake.requests[-1][2]["items"][0]["sources"][0]["properties"] == {"n": 1}
    await client.data_modeling.records.delete([RecordId("s", "a"), ("s", "b")], stream_id="logs")
    assert fake.requests[-1][2] == {"items": [{"space": "s", "externalId": "a"}, {"space": "s", "externalId": "b"}]}
    sent = len(fake.requests)
    with pytest.raises(ValueError, match="upsert_mode"):
        await client.data_modeling.records.upsert(_rec(1), stream_id="logs", upsert_mode="patch")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ignore_unknown_ids"):
        await client.data_modeling.records.delete(("s", "a"), stream_id="logs", ignore_unknown_ids=False)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="items"):
        await client.data_modeling.records.ingest([{"space": "s"}], stream_id="logs")  # type: ignore[list-item]
    with pytest.raises(TypeError, match="stream_id"):
        await client.data_modeling.records.ingest(_rec(1), stream_id=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="items"):
        await client.data_modeling.records.delete(["s"], stream_id="logs")  # type: ignore[list-item]
    await client.data_modeling.records.ingest([], stream_id="logs")
    assert len(fake.requests) == sent


async def test_a_failed_ingest_reports_its_records() -> None:
    def answer(method: str, path: str, body: Any, params: httpx.QueryParams) -> tuple[int, Any]:
        if body["items"][0]["externalId"] == "r1000":
            return 400, {"error": {"code": 400, "message": "bad"}}
        return 202, {}

    client, _ = client_for(answer)
    with pytest.raises(CogniteAPIError) as err:
        await client.data_modeling.records.ingest([_rec(i) for i in range(1500)], stream_id="logs")
    assert len(err.value.successful) == 1000 and len(err.value.failed) == 500


async def test_records_filter_aggregate_and_sync_bodies() -> None:
    pages = iter([
        {"items": [{**RECORD, "status": "created"}], "nextCursor": "c1", "hasNext": True},
        {"items": [{**RECORD, "status": "deleted", "properties": None}], "nextCursor": "c2", "hasNext": False},
    ])  # fmt: skip

    def answer(method: str, path: str, body: Any, params: httpx.QueryParams) -> tuple[int, Any]:
        if path.endswith("/filter"):
            return 200, {"items": [RECORD], "typing": {"s": {"Log": {"n": {"type": {"type": "int64"}}}}}}
        if path.endswith("/aggregate"):
            return 200, {"aggregates": {"n": {"count": 1}}}
        return 200, next(pages)

    client, fake = client_for(answer)
    found = await client.data_modeling.records.filter(
        "logs", last_updated_time=TimeRange(gte=datetime(1970, 1, 1, 0, 0, 1, tzinfo=timezone.utc), lt="now"),
        filter=Equals(["s", "Log", "n"], 1), sources=[RecordSourceSelector(RecordContainerId("s", "Log"), ["n"])],
        sort=InstanceSort(["s", "Log", "n"], "descending", nulls_first=True), limit=5, include_typing=True,
    )  # fmt: skip
    assert isinstance(found, RecordList) and found.as_ids() == [RecordId("s", "r1")] and found.typing is not None
    assert fake.requests[-1][2] == {
        "lastUpdatedTime": {"gte": 1000, "lt": "now"}, "filter": {"equals": {"property": ["s", "Log", "n"], "value": 1}},
        "sources": [{"source": {"type": "container", "space": "s", "externalId": "Log"}, "properties": ["n"]}],
        "sort": [{"property": ["s", "Log", "n"], "direction": "descending"}], "limit": 5, "includeTyping": True,
    }  # fmt: skip
    await client.data_modeling.records.filter("logs")
    assert fake.requests[-1][2] == {"limit": 10}
    res = await client.data_modeling.records.aggregate(
        {"n": {"count": {}}}, stream_id="logs", target_units=[RecordTargetUnit(["s", "Log", "n"],
                                                                                UnitSystemReference("SI"))])  # fmt: skip
    assert res["n"] == {"count": 1}
    assert fake.requests[-1][2]["targetUnits"] == {
        "properties": [{"property": ["s", "Log", "n"], "unit": {"unitSystemName": "SI"}}]}  # fmt: skip
    changes = [p async for p in client.data_modeling.records.sync("logs", initialize_cursor="1d-ago", chunk_size=7)]
    assert [p.cursor for p in changes] == ["c1", "c2"] and [p[0].status for p in changes] == ["created", "deleted"]
    assert fake.requests[-2][2] == {"limit": 7, "initializeCursor": "1d-ago"}
    assert fake.requests[-1][2] == {"limit": 7, "cursor": "c1"}
    sent = len(fake.requests)
    with pytest.raises(ValueError, match="limit"):
        await client.data_modeling.records.filter("logs", limit=1001)
    with pytest.raises(ValueError, match="cursor"):
        client.data_modeling.records.sync("logs")
    with pytest.raises(TypeError, match="aggregates"):
        await client.data_modeling.records.aggregate({}, stream_id="logs")
    with pytest.raises(TypeError, match="sources"):
        await client.data_modeling.records.filter("logs", sources=["x"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="last_updated_time"):
        await client.data_modeling.records.filter("logs", last_updated_time=5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="TimeRange"):
        TimeRange(gt=1, gte=2)
    assert len(fake.requests) == sent


def test_record_classes() -> None:
    rec = Record.load(RECORD)
    assert rec.as_write().dump() == _rec(1).dump() | {"externalId": "r1"}
    assert Record.load(rec.dump()) == rec and rec.dump(camel_case=False)["external_id"] == "r1"
    assert SyncRecord.load({**RECORD, "status": "updated"}).dump()["status"] == "updated"
    ids = RecordIdSequence.load([("s", "a"), RecordId("s", "b"), _rec(3)])
    assert ids.as_primitives() == [("s", "a"), ("s", "b"), ("s", "r3")] and ids.are_unique()
    assert [len(c) for c in ids.chunked(2)] == [2, 1] and not ids.is_singleton()
    with pytest.raises(ValueError):
        ids.assert_singleton()
    assert RecordTargetUnits(unit_system_name="SI").dump(camel_case=False) == {"unit_system_name": "SI"}
    assert RecordList([rec]).as_write().as_ids() == [RecordId("s", "r1")]


# ---------------------------------------------------------------------------------------------- graphql


async def test_graphql_apply_dml_and_query() -> None:
    def answer(method: str, path: str, body: Any, params: httpx.QueryParams) -> tuple[int, Any]:
        if path == "/dml/graphql":
            result = {"space": "s", "externalId": "M", "version": "1", "createdTime": 1, "lastUpdatedTime": 1}
            return 200, {"data": {"upsertGraphQlDmlVersion": {"errors": None, "result": result}}}
        if "bad" in body["query"]:
            return 200, {"data": None, "errors": [{"message": "Unknown field"}]}
        return 200, {"data": {"listPump": {"items": []}}}

    client, fake = client_for(answer)
    res = await client.data_modeling.graphql.apply_dml(("s", "M", "1"), "type A { x: String }", name="M",
                                                        previous_version="0")  # fmt: skip
    assert res.as_id().version == "1"
    sent = fake.requests[-1][2]
    assert "upsertGraphQlDmlVersion" in sent["query"] and sent["variables"]["dmCreate"] == {
        "space": "s", "externalId": "M", "version": "1", "graphQlDml": "type A { x: String }", "name": "M",
        "previousVersion": "0"}  # fmt: skip
    data = await client.data_modeling.graphql.query(("s", "M/x", "1"), "{ listPump { items { name } } }", {"a": 1})
    assert data == {"listPump": {"items": []}}
    assert fake.requests[-1][1] == "/userapis/spaces/s/datamodels/M%2Fx/versions/1/graphql"
    with pytest.raises(CogniteGraphQLError) as err:
        await client.data_modeling.graphql.query(("s", "M", "1"), "{ bad }")
    assert err.value.errors[0].message == "Unknown field"
    sent_before = len(fake.requests)
    with pytest.raises(ValueError, match="version"):
        await client.data_modeling.graphql.query(("s", "M"), "{}")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="dml"):
        await client.data_modeling.graphql.apply_dml(("s", "M", "1"), None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="variables"):
        await client.data_modeling.graphql.query(("s", "M", "1"), "{}", variables=[1])  # type: ignore[arg-type]
    assert len(fake.requests) == sent_before


# ---------------------------------------------------------------------------------------------- time series, files


NODE = {"instanceType": "node", "space": "s", "externalId": "t", "version": 1, "createdTime": 1, "lastUpdatedTime": 1,
        "properties": {"cdf_cdm": {"CogniteTimeSeries/v1": {"isStep": False, "type": "numeric"}}}}  # fmt: skip


async def test_time_series_and_files_list_nodes_with_data_in_their_view() -> None:
    def answer(method: str, path: str, body: Any, params: httpx.QueryParams) -> tuple[int, Any]:
        if path == "/files/downloadlink":
            return 200, {"items": [{"instanceId": {"space": "s", "externalId": "f"}, "downloadUrl": "https://x/f"}]}
        if path.endswith("/byids"):
            return 200, {"items": [NODE]}
        return 200, {"items": [NODE]}

    client, fake = client_for(answer)
    nodes = await client.data_modeling.time_series.list(space="s", time_series_type=["numeric", "state"], limit=5)
    assert nodes.as_ids() == [NodeId("s", "t")]
    body = fake.requests[-1][2]
    view = {"type": "view", "space": "cdf_cdm", "externalId": "CogniteTimeSeries", "version": "v1"}
    assert body["sources"] == [{"source": view}] and body["limit"] == 5
    space, ours = body["filter"]["and"]
    assert space == {"equals": {"property": ["node", "space"], "value": "s"}}
    assert ours == {"and": [{"hasData": [view]}, {"in": {"property": ["cdf_cdm", "CogniteTimeSeries/v1", "type"],
                                                         "values": ["numeric", "state"]}}]}  # fmt: skip
    assert (await client.data_modeling.time_series.retrieve(("s", "t"))) is not None
    assert (await client.data_modeling.files.retrieve([("s", "t")])).as_ids() == []  # not a file node
    urls = await client.data_modeling.files.retrieve_download_urls(("s", "f"), extended_expiration=True)
    assert urls == {NodeId("s", "f"): "https://x/f"} and fake.requests[-1][3].get("extendedExpiration") == "true"
    sent = len(fake.requests)
    with pytest.raises(ValueError, match="time_series_type"):
        await client.data_modeling.time_series.list(time_series_type="bool")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="node_ids"):
        await client.data_modeling.files.retrieve("s")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="node"):
        await client.data_modeling.files.upload_bytes(b"x", node=NodeId("s", "f"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="node_id"):
        await client.data_modeling.files.download_bytes("f")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="source"):
        await client.data_modeling.files.list(source="CogniteFile")
    with pytest.raises(ValueError, match="path"):
        await client.data_modeling.files.upload("/no/such/file", NodeApply("s", "f"))
    assert len(fake.requests) == sent
