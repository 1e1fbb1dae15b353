"""The emulator's streams and records, GraphQL, Core Data Model system views and file nodes, through raw HTTP (every
request and response validated against the CDF spec)."""

from __future__ import annotations

from typing import Any

import httpx

from cognite.client.testing import CDFEmulator
from cognite.client.testing._families_graphql import GRAPHQL, parse_dml
from cognite.client.testing._families_streams import STREAMS
from cognite.client.testing._openapi import OpenAPISpec

PROJECT = "test-project"
AUTH = {"Authorization": "Bearer test-token"}
LOG = {"type": "container", "space": "s", "externalId": "Log"}


def emulated(spec: OpenAPISpec, now: list[int]) -> tuple[CDFEmulator, httpx.AsyncClient]:
    emulator = CDFEmulator(seed=1, validate=True, spec=spec, clock=lambda: now[0])
    client = httpx.AsyncClient(transport=emulator.transport(), base_url=f"http://cdf.local/api/v1/projects/{PROJECT}",
                               headers=AUTH)  # fmt: skip
    return emulator, client


async def call(client: httpx.AsyncClient, path: str, body: Any = None, status: int = 200, method: str = "POST") -> Any:
    resp = await client.request(method, path, json=body)
    assert resp.status_code == status, resp.text
    return resp.json()


def record(i: int, **props: Any) -> dict[str, Any]:
    return {"space": "s", "externalId": f"r{i}", "sources": [{"source": LOG, "properties": {"n": i, **props}}]}


def test_every_route_is_a_spec_operation(spec: OpenAPISpec) -> None:
    for fam in (STREAMS, GRAPHQL):
        for (method, suffix), handler in fam.routes.items():
            op = spec.find_operation(method, fam.path + suffix)
            assert op is not None and op.path == fam.path + suffix, (method, suffix)
            assert hasattr(fam.store_cls, handler)


async def test_streams(spec: OpenAPISpec) -> None:
    now = [1000]
    emulator, client = emulated(spec, now)
    async with client:
        made = await call(client, "/streams", {"items": [{"externalId": "logs", "settings": {
            "template": {"name": "ImmutableTestStream"}}}]}, 201)  # fmt: skip
        assert made["items"][0]["type"] == "Immutable" and made["items"][0]["createdTime"] == 1000
        again = await call(client, "/streams", {"items": [{"externalId": "logs", "settings": {
            "template": {"name": "ImmutableTestStream"}}}]}, 409)  # fmt: skip
        assert again["error"]["duplicated"] == [{"externalId": "logs"}]
        await call(
            client, "/streams", {"items": [{"externalId": "x", "settings": {"template": {"name": "Nope"}}}]}, 400
        )
        await call(client, "/streams", {"items": [{"externalId": "Bad!", "settings": {
            "template": {"name": "BasicArchive"}}}]}, 400)  # fmt: skip
        got = await call(client, "/streams/logs?includeStatistics=true", method="GET")
        assert got["settings"]["limits"]["maxRecordsTotal"]["consumed"] == 0.0
        await call(client, "/streams/nope", method="GET", status=404)
        await call(client, "/streams/logs", method="DELETE", status=410)
        assert [s["externalId"] for s in (await call(client, "/streams", method="GET"))["items"]] == ["logs"]
        await call(client, "/streams/delete", {"items": [{"externalId": "logs"}]})
        await call(client, "/streams/delete", {"items": [{"externalId": "logs"}]}, 404)
        assert (await call(client, "/streams", method="GET"))["items"] == []
    assert emulator.spec_violations == []


async def test_records_write_read_and_sync(spec: OpenAPISpec) -> None:
    now = [1000]
    emulator, client = emulated(spec, now)
    async with client:
        await call(client, "/streams", {"items": [{"externalId": "live", "settings": {
            "template": {"name": "MutableTestStream"}}}]}, 201)  # fmt: skip
        await call(client, "/streams/live/records", {"items": [record(i, level=["a", "b"][i % 2]) for i in range(5)]},
                   202)  # fmt: skip
        conflict = await call(client, "/streams/live/records", {"items": [record(1), record(9)]}, 409)
        assert [p["code"] for p in conflict["error"]["partial"]] == [409, 202]  # r9 was written
        await call(client, "/streams/live/records", {"items": [record(7), record(7)]}, 422)
        await call(client, "/streams/live/records", {"items": [{**record(8), "sources": [
            {"source": {"type": "view", "space": "s", "externalId": "V", "version": "1"}, "properties": {"n": 1}}]}]},
            400)  # fmt: skip
        now[0] = 2000
        await call(client, "/streams/live/records/upsert", {"items": [record(0, level="z")]}, 202)
        page = await call(client, "/streams/live/records/filter", {
            "lastUpdatedTime": {"gte": 1500}, "includeTyping": True, "limit": 5,
            "sources": [{"source": LOG, "properties": ["level"]}]})  # fmt: skip
        assert page["items"] == [{"space": "s", "externalId": "r0", "createdTime": 1000, "lastUpdatedTime": 2000,
                                  "properties": {"s": {"Log": {"level": "z"}}}}]  # fmt: skip
        assert page["typing"] == {"s": {"Log": {"level": {"type": {"type": "text", "list": False}}}}}
        flt = {"and": [{"hasData": [LOG]}, {"prefix": {"property": ["externalId"], "value": "r"}},
                       {"not": {"in": {"property": ["s", "Log", "n"], "values": [0, 1]}}}]}  # fmt: skip
        found = await call(
            client,
            "/streams/live/records/filter",
            {"filter": flt, "sort": [{"property": ["s", "Log", "n"], "direction": "descending"}], "limit": 2},
        )
        assert [r["externalId"] for r in found["items"]] == ["r9", "r4"]
        agg = await call(client, "/streams/live/records/aggregate", {"aggregates": {
            "c": {"count": {}}, "avg": {"avg": {"property": ["s", "Log", "n"]}},
            "u": {"uniqueValues": {"property": ["s", "Log", "level"], "aggregates": {"m": {"min": {"property": [
                "s", "Log", "n"]}}}}}}})  # fmt: skip
        assert agg["aggregates"]["c"] == {"count": 6} and agg["aggregates"]["avg"] == {"avg": 19 / 6}
        assert agg["aggregates"]["u"]["uniqueValueBuckets"][0] == {"count": 2, "value": "b",
                                                                    "aggregates": {"m": {"min": 1.0}}}  # fmt: skip
        await call(client, "/streams/live/records/aggregate", {"aggregates": {"h": {"numberHistogram": {
            "property": ["s", "Log", "n"], "interval": 1}}}}, 400)  # fmt: skip
        await call(client, "/streams/live/records/delete", {"items": [{"space": "s", "externalId": "r4"},
                                                                      {"space": "s", "externalId": "none"}]})  # fmt: skip
        first = await call(client, "/streams/live/records/sync", {"initializeCursor": "1d-ago", "limit": 4})
        assert len(first["items"]) == 4 and first["hasNext"] is True
        rest = await call(client, "/streams/live/records/sync", {"cursor": first["nextCursor"], "limit": 4})
        assert rest["hasNext"] is False
        status = {r["externalId"]: r["status"] for r in first["items"] + rest["items"]}
        assert status == {"r1": "created", "r2": "created", "r3": "created", "r9": "created", "r0": "updated",
                          "r4": "deleted"}  # fmt: skip
        idle = await call(client, "/streams/live/records/sync", {"cursor": rest["nextCursor"]})
        assert idle["items"] == [] and idle["hasNext"] is False
        await call(client, "/streams/live/records/sync", {"limit": 1}, 400)
        await call(client, "/streams/live/records/sync", {"cursor": "garbage"}, 400)
        await call(client, "/streams/nope/records/filter", {}, 404)
    assert emulator.spec_violations == []


async def test_immutable_streams_refuse_changes_and_unbounded_reads(spec: OpenAPISpec) -> None:
    emulator, client = emulated(spec, [1000])
    async with client:
        await call(client, "/streams", {"items": [{"externalId": "arch", "settings": {
            "template": {"name": "BasicArchive"}}}]}, 201)  # fmt: skip
        await call(client, "/streams/arch/records", {"items": [record(1)]}, 202)
        await call(client, "/streams/arch/records/upsert", {"items": [record(1)]}, 422)
        await call(client, "/streams/arch/records/delete", {"items": [{"space": "s", "externalId": "r1"}]}, 422)
        await call(client, "/streams/arch/records/filter", {}, 400)
        await call(client, "/streams/arch/records/filter", {"lastUpdatedTime": {"lt": 5000}}, 400)
        got = await call(client, "/streams/arch/records/filter", {"lastUpdatedTime": {"gt": "2d-ago"}})
        assert [r["externalId"] for r in got["items"]] == ["r1"]
    assert emulator.spec_violations == []


async def test_graphql_dml_and_queries(spec: OpenAPISpec) -> None:
    emulator, client = emulated(spec, [1000])
    async with client:
        await call(client, "/models/spaces", {"items": [{"space": "s"}]})
        mutation = "mutation { upsertGraphQlDmlVersion(graphQlDmlVersion: $dmCreate) { result { space } } }"
        dml = '"""A pump."""\ntype Pump { name: String!, tags: [String], site: Site }\ntype Site { name: String }'
        out = await call(client, "/dml/graphql", {"query": mutation, "variables": {"dmCreate": {
            "space": "s", "externalId": "M", "version": "1", "graphQlDml": dml}}})  # fmt: skip
        result = out["data"]["upsertGraphQlDmlVersion"]["result"]
        assert (result["externalId"], result["graphQlDml"]) == ("M", dml)
        container = (await call(client, "/models/containers/byids", {"items": [
            {"space": "s", "externalId": "Pump"}]}))["items"][0]  # fmt: skip
        assert container["properties"]["name"]["nullable"] is False
        assert container["properties"]["tags"]["type"] == {"type": "text", "list": True, "collation": "ucs_basic"}
        assert container["properties"]["site"]["type"]["type"] == "direct"
        bad = await call(client, "/dml/graphql", {"query": mutation, "variables": {"dmCreate": {
            "space": "nope", "externalId": "M", "version": "1", "graphQlDml": dml}}})  # fmt: skip
        assert bad["data"]["upsertGraphQlDmlVersion"]["errors"][0]["kind"] == "DataModelError"
        other = await call(client, "/dml/graphql", {"query": "{ something }"})
        assert other["errors"] and other["data"] is None
        empty = await call(client, "/userapis/spaces/s/datamodels/M/versions/1/graphql",
                           {"query": "{ listPump { items { name } } listSite { items { name } } }"})  # fmt: skip
        assert empty == {"data": {"listPump": {"items": []}, "listSite": {"items": []}}}
        missing = await call(client, "/userapis/spaces/s/datamodels/Nope/versions/1/graphql", {"query": "{ x }"})
        assert missing["errors"]
    assert parse_dml("type A { b: [B!]! }") == {"A": {"b": ("B", True, True)}}
    assert emulator.spec_violations == []


async def test_core_data_model_views_and_file_nodes(spec: OpenAPISpec) -> None:
    emulator, client = emulated(spec, [1000])
    async with client:
        views = (await call(client, "/models/views?space=cdf_cdm&includeGlobal=true&limit=1000", method="GET"))["items"]
        by_id = {v["externalId"]: v for v in views}
        assert {"CogniteAsset", "CogniteFile", "CogniteActivity", "CogniteEquipment", "Cognite360Image",
                "CogniteDiagramAnnotation"} <= set(by_id)  # fmt: skip
        assert {"isStep", "type", "stateSet", "sourceId", "equipment"} <= set(by_id["CogniteTimeSeries"]["properties"])
        ext = await call(client, "/models/views/byids", {"items": [
            {"space": "cdf_extraction_extensions", "externalId": "CogniteExtractorFile", "version": "v1"}]})  # fmt: skip
        assert {"extractedData", "mimeType", "name"} <= set(ext["items"][0]["properties"])

        await call(client, "/models/spaces", {"items": [{"space": "s"}]})
        view = {"type": "view", "space": "cdf_cdm", "externalId": "CogniteFile", "version": "v1"}
        node = {"instanceType": "node", "space": "s", "externalId": "f",
                "sources": [{"source": view, "properties": {"name": "a.txt", "mimeType": "text/plain"}}]}  # fmt: skip
        await call(client, "/models/instances", {"items": [node]})
        files = await call(client, "/files/byids", {"items": [{"instanceId": {"space": "s", "externalId": "f"}}]})
        assert (files["items"][0]["name"], files["items"][0]["mimeType"]) == ("a.txt", "text/plain")
        node["sources"][0]["properties"] = {"name": "b.txt"}  # type: ignore[index]
        await call(client, "/models/instances", {"items": [node]})
        files = await call(client, "/files/byids", {"items": [{"instanceId": {"space": "s", "externalId": "f"}}]})
        assert files["items"][0]["name"] == "b.txt"
        await call(client, "/models/instances/delete", {"items": [{"instanceType": "node", "space": "s",
                                                                   "externalId": "f"}]})  # fmt: skip
        await call(client, "/files/byids", {"items": [{"instanceId": {"space": "s", "externalId": "f"}}]}, 400)

        ts_view = {"type": "view", "space": "cdf_cdm", "externalId": "CogniteTimeSeries", "version": "v1"}
        states = {"instanceType": "node", "space": "s", "externalId": "st", "sources": [
            {"source": ts_view, "properties": {"type": "state", "isStep": True, "name": "Valve"}}]}  # fmt: skip
        await call(client, "/models/instances", {"items": [states]})
        (series,) = (await call(client, "/timeseries/byids", {"items": [
            {"instanceId": {"space": "s", "externalId": "st"}}]}))["items"]  # fmt: skip
        assert (series["type"], series["isString"], series["isStep"], series["name"]) == ("state", False, True, "Valve")
    assert emulator.spec_violations == []
