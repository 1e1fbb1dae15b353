"""Contract tests: every request of data_modeling.streams / records / graphql / time_series / files, and of applying
the typed Core Data Model classes, validates against the CDF OpenAPI spec (GraphQL against the operations the spec
lacks, added as errata); each method is called with every parameter it has."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes.data_modeling import _cdm_table as table
from cognite.client.data_classes.data_modeling.cdm import v1 as cdm
from cognite.client.data_classes.data_modeling.extractor_extensions import v1 as ext
from cognite.client.data_classes.data_modeling.ids import NodeId, ViewId
from cognite.client.data_classes.data_modeling.instances import InstanceSort
from cognite.client.data_classes.data_modeling.records import (
    RecordContainerId,
    RecordId,
    RecordSource,
    RecordSourceSelector,
    RecordTargetUnit,
    RecordTargetUnits,
    RecordWrite,
    TimeRange,
    UnitReference,
)
from cognite.client.data_classes.data_modeling.streams import StreamTemplate, StreamWrite, StreamWriteSettings
from cognite.client.data_classes.filters import Equals, Range
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

STORAGE = "https://storage.contract.example"
STREAM = {"externalId": "logs", "createdTime": 1, "createdFromTemplate": "MutableTestStream", "type": "Mutable",
          "settings": {"lifecycle": {"retainedAfterSoftDelete": "P1D", "dataDeletedAfter": "P7D"},
                       "limits": {"maxRecordsTotal": {"provisioned": 10, "consumed": 1},
                                  "maxGigaBytesTotal": {"provisioned": 1}, "maxFilteringInterval": "P1Y"}}}  # fmt: skip
RECORD = {"space": "s", "externalId": "r1", "createdTime": 1, "lastUpdatedTime": 2,
          "properties": {"s": {"Log": {"n": 1}}}}  # fmt: skip
FILE_NODE = {"instanceType": "node", "space": "s", "externalId": "f", "version": 1, "createdTime": 1,
             "lastUpdatedTime": 1, "properties": {"cdf_cdm": {"CogniteFile/v1": {"name": "f.txt"}}}}  # fmt: skip
FILE = {"id": 1, "name": "f.txt", "uploaded": True, "createdTime": 0, "lastUpdatedTime": 0,
        "instanceId": {"space": "s", "externalId": "f"}}  # fmt: skip


class MoreCDF(SpecCheckedCDF):
    """Canned valid answers of the streams, records, GraphQL, instances and files endpoints."""

    def __init__(self, spec: OpenAPISpec) -> None:
        super().__init__(spec)
        self.storage: list[httpx.Request] = []

    def answer_external(self, request: httpx.Request) -> httpx.Response:
        if not str(request.url).startswith(STORAGE):
            return super().answer_external(request)
        self.storage.append(request)
        return httpx.Response(200, content=b"content" if request.method == "GET" else b"")

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if path == "/streams" and method == "POST":
            return 201, {"items": [{**STREAM, "externalId": body["items"][0]["externalId"]}]}
        if path in ("/streams",) or (method == "GET" and template == "/streams/{streamId}"):
            return 200, {"items": [STREAM]} if path == "/streams" else STREAM
        if path == "/streams/delete" or path.endswith("/records/delete"):
            return 200, {}
        if path.endswith("/records") or path.endswith("/records/upsert"):
            return 202, {}
        if path.endswith("/records/filter"):
            return 200, {"items": [RECORD]}
        if path.endswith("/records/aggregate"):
            return 200, {"aggregates": {"n": {"count": 1}, "u": {"uniqueValueBuckets": [{"count": 1, "value": "a"}]}}}
        if path.endswith("/records/sync"):
            return 200, {"items": [{**RECORD, "status": "created"}], "nextCursor": "c1", "hasNext": False}
        if path == "/dml/graphql":
            result = {"space": "s", "externalId": "M", "version": "1", "createdTime": 1, "lastUpdatedTime": 1}
            return 200, {"data": {"upsertGraphQlDmlVersion": {"errors": None, "result": result}}}
        if path.endswith("/graphql"):
            return 200, {"data": {"listPump": {"items": []}}}
        if path == "/models/instances":
            return 200, {"items": [{"instanceType": i["instanceType"], "space": i["space"],
                                    "externalId": i["externalId"], "version": 1, "wasModified": True,
                                    "createdTime": 1, "lastUpdatedTime": 1} for i in body["items"]],
                         "deleted": []}  # fmt: skip
        if path.startswith("/models/instances"):
            return 200, {"items": [FILE_NODE]}
        if path == "/files/uploadlink":
            return 201, {**FILE, "uploadUrl": f"{STORAGE}/put/1"}
        if path == "/files/downloadlink":
            return 200, {"items": [{**ref, "downloadUrl": f"{STORAGE}/get/1"} for ref in body["items"]]}
        if path == "/files/byids":
            return 200, {"items": [FILE for _ in body["items"]]}
        raise AssertionError(f"unexpected {method} {path}")


@pytest.fixture
def cdf(spec: OpenAPISpec) -> MoreCDF:
    return MoreCDF(spec)


async def test_streams_and_records_requests_match_the_spec(client: AsyncCogniteClient, cdf: MoreCDF) -> None:
    dm = client.data_modeling
    await dm.streams.create([StreamWrite("logs", StreamWriteSettings(StreamTemplate("MutableTestStream"))),
                             StreamWrite("other", StreamWriteSettings(StreamTemplate("ImmutableTestStream")))])  # fmt: skip
    await dm.streams.retrieve("logs", include_statistics=True)
    await dm.streams.retrieve("logs")
    await dm.streams.list()
    await dm.streams.delete(["logs", "other"])
    records = [RecordWrite("s", f"r{i}", [RecordSource(RecordContainerId("s", "Log"), {"n": i, "tags": ["a"]})])
               for i in range(3)]  # fmt: skip
    await dm.records.ingest(records, stream_id="logs")
    await dm.records.upsert(records, stream_id="logs", upsert_mode="replace")
    await dm.records.delete([RecordId("s", "r1"), ("s", "r2")], stream_id="logs", ignore_unknown_ids=True)
    await dm.records.filter(
        "logs", last_updated_time=TimeRange(gte=datetime(2024, 1, 1, tzinfo=timezone.utc), lt="1d-ahead"),
        filter=Range(["s", "Log", "n"], gte=1), sources=[RecordSourceSelector(RecordContainerId("s", "Log"), ["*"])],
        sort=[InstanceSort(["s", "Log", "n"], "descending", nulls_first=False)], limit=1000, include_typing=True,
    )  # fmt: skip
    await dm.records.aggregate(
        {"n": {"count": {}}, "u": {"uniqueValues": {"property": ["s", "Log", "level"], "size": 5}}},
        stream_id="logs", last_updated_time=TimeRange(gt=0), filter=Equals(["s", "Log", "level"], "info"),
        target_units=RecordTargetUnits([RecordTargetUnit(["s", "Log", "t"], UnitReference("temperature:deg_c"))],
                                       unit_system_name="SI"),
        include_typing=True,
    )  # fmt: skip
    _ = [p async for p in dm.records.sync(
        "logs", initialize_cursor="2d-ago", filter=Equals(["s", "Log", "n"], 1),
        sources=[RecordSourceSelector(RecordContainerId("s", "Log"), ["n"])],
        target_units=RecordTargetUnits(unit_system_name="Imperial"), chunk_size=100, include_typing=True)]  # fmt: skip
    _ = [p async for p in dm.records.sync("logs", cursor="c0")]
    assert cdf.errors == []
    assert {t for _, t in cdf.seen} >= {"/streams", "/streams/{streamId}", "/streams/delete",
                                        "/streams/{streamId}/records", "/streams/{streamId}/records/upsert",
                                        "/streams/{streamId}/records/delete", "/streams/{streamId}/records/filter",
                                        "/streams/{streamId}/records/aggregate", "/streams/{streamId}/records/sync"}  # fmt: skip


async def test_graphql_requests_match_the_spec_errata(client: AsyncCogniteClient, cdf: MoreCDF) -> None:
    dm = client.data_modeling
    await dm.graphql.apply_dml(("s", "M", "1"), "type Pump { name: String }", name="M", description="d",
                               previous_version="0")  # fmt: skip
    await dm.graphql.query(("s", "M", "1"), "query Q($n: Int) { listPump(first: $n) { items { name } } }", {"n": 2})
    assert cdf.errors == [] and len(cdf.requests) == 2 and all(r.template is not None for r in cdf.requests)


async def test_core_nodes_and_typed_classes_match_the_spec(
    client: AsyncCogniteClient, cdf: MoreCDF, tmp_path: Path
) -> None:
    dm = client.data_modeling
    await dm.time_series.list(source=ViewId("cdf_cdm", "CogniteTimeSeries", "v1"), space=["s", "t"],
                              sort=InstanceSort(ViewId("cdf_cdm", "CogniteTimeSeries", "v1").as_property_ref("name")),
                              filter=Equals(["node", "externalId"], "x"), time_series_type="numeric", limit=None)  # fmt: skip
    await dm.time_series.retrieve([NodeId("s", "a"), ("s", "b")], source=("cdf_cdm", "CogniteTimeSeries", "v1"))
    await dm.time_series()
    await dm.files.list(space="s", sort={"property": ["node", "externalId"], "direction": "ascending"}, limit=3)
    await dm.files.retrieve(("s", "f"))
    await dm.files()
    (tmp_path / "f.txt").write_bytes(b"abc")
    await dm.files.upload(tmp_path / "f.txt", cdm.CogniteFileApply("s", "f", name="f.txt", mime_type="text/plain"))
    await dm.files.upload_bytes(b"abc", cdm.CogniteFileApply("s", "f"))
    await dm.files.upload_content(str(tmp_path / "f.txt"), NodeId("s", "f"))
    await dm.files.upload_content_bytes("abc", ("s", "f"))
    await dm.files.retrieve_download_urls([("s", "f")], extended_expiration=True)
    await dm.files.download_bytes(("s", "f"))
    await dm.files.download_to_path(tmp_path / "out.txt", ("s", "f"))
    await dm.files.download(tmp_path, [("s", "f")], keep_directory_structure=True, resolve_duplicate_file_names=True)
    # every typed class applies as a valid instance write
    nodes: list[Any] = []
    edges: list[Any] = []
    for name, (view, kind) in table.CLASSES.items():
        module = cdm if table.VIEWS[view][0] == table.CDM_SPACE else ext
        apply_cls = getattr(module, name + "Apply")
        if kind == "edge":
            edges.append(apply_cls("s", name, ("s", "t"), ("s", "a"), ("s", "b")))
        elif name in ("CogniteTimeSeries", "CogniteExtractorTimeSeries"):
            nodes.append(apply_cls("s", name, is_step=True, time_series_type="string",
                                   source_created_time=datetime(2024, 1, 1, tzinfo=timezone.utc)))  # fmt: skip
        else:
            nodes.append(apply_cls("s", name))
    await dm.instances.apply(nodes=nodes, edges=edges)
    assert cdf.errors == []
    assert cdf.storage and all("authorization" not in r.headers for r in cdf.storage)
