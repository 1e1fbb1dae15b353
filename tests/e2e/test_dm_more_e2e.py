"""End to end: Core Data Model typed classes, data_modeling.time_series / files / graphql / streams / records against
the emulator over real loopback HTTP (every request and response spec-validated), and the docstring examples (run
against a validating emulator too)."""

from __future__ import annotations

import doctest
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from cognite.client import ClientConfig, CogniteClient
from cognite.client.data_classes.data_modeling import NodeApply, NodeId, NodeOrEdgeData, SpaceApply, ViewId
from cognite.client.data_classes.data_modeling.cdm.v1 import (
    CogniteActivity,
    CogniteActivityApply,
    CogniteAnnotation,
    CogniteAnnotationApply,
    CogniteAsset,
    CogniteAssetApply,
    CogniteFile,
    CogniteFileApply,
    CogniteStateSetApply,
    CogniteTimeSeries,
    CogniteTimeSeriesApply,
)
from cognite.client.data_classes.data_modeling.data_types import StateSetEntry
from cognite.client.data_classes.data_modeling.extractor_extensions.v1 import (
    CogniteExtractorFile,
    CogniteExtractorFileApply,
)
from cognite.client.data_classes.data_modeling.instances import InstanceSort
from cognite.client.data_classes.data_modeling.records import (
    RecordContainerId,
    RecordSource,
    RecordSourceSelector,
    RecordWrite,
    TimeRange,
)
from cognite.client.data_classes.data_modeling.streams import StreamTemplate, StreamWrite, StreamWriteSettings
from cognite.client.data_classes.filters import Equals, HasData, In, Range
from cognite.client.exceptions import CogniteAPIError, CogniteGraphQLError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e

LOG = RecordContainerId("s", "Log")
T0 = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)


@pytest.fixture
def client(config: ClientConfig) -> Iterator[CogniteClient]:
    with CogniteClient(config) as c:
        c.data_modeling.spaces.apply(SpaceApply("s"))
        yield c


def rec(i: int, **props: Any) -> RecordWrite:
    return RecordWrite("s", f"r{i}", [RecordSource(LOG, {"n": i, "level": "error" if i % 2 else "info", **props})])


def stream(client: CogniteClient, xid: str, template: str) -> None:
    client.data_modeling.streams.create(StreamWrite(xid, StreamWriteSettings(StreamTemplate(template))))


def test_typed_core_classes_round_trip_through_instances(client: CogniteClient, emulator: CDFEmulator) -> None:
    inst = client.data_modeling.instances
    inst.apply(nodes=[
        CogniteAssetApply("s", "root", name="Root", source_created_time=T0, tags=["a", "b"]),
        CogniteAssetApply("s", "pump", name="Pump", parent=("s", "root"), asset_type=("s", "pumpType")),
        CogniteTimeSeriesApply("s", "flow", is_step=False, time_series_type="numeric", assets=[("s", "pump")],
                               source_unit="m3/h", name="Flow"),
        CogniteActivityApply("s", "job", start_time=T0, assets=[("s", "pump")], time_series=[("s", "flow")]),
        CogniteStateSetApply("s", "modes", states=[StateSetEntry(numeric_value=1, string_value="ON")]),
        CogniteExtractorFileApply("s", "ext", name="ext.txt", extracted_data={"k": "v"}),
    ], edges=[CogniteAnnotationApply("s", "ann", ("s", "annotation"), ("s", "job"), ("s", "pump"), confidence=0.9)])  # fmt: skip
    pump = inst.retrieve_nodes(NodeId("s", "pump"), node_cls=CogniteAsset)
    assert isinstance(pump, CogniteAsset) and pump.name == "Pump" and pump.parent is not None
    assert pump.parent.as_tuple() == ("s", "root") and pump.asset_type is not None
    root = inst.retrieve_nodes(NodeId("s", "root"), node_cls=CogniteAsset)
    assert root is not None and root.source_created_time == T0 and root.tags == ["a", "b"]
    flow = inst.retrieve_nodes(NodeId("s", "flow"), node_cls=CogniteTimeSeries)
    assert flow is not None and (flow.time_series_type, flow.is_step, flow.source_unit) == ("numeric", False, "m3/h")
    assert [a.external_id for a in flow.assets or []] == ["pump"]
    job = inst.retrieve_nodes(NodeId("s", "job"), node_cls=CogniteActivity)
    assert job is not None and job.start_time == T0 and job.time_series is not None
    ext = inst.retrieve_nodes(NodeId("s", "ext"), node_cls=CogniteExtractorFile)
    assert ext is not None and ext.extracted_data == {"k": "v"}
    (ann,) = inst.retrieve_edges([("s", "ann")], edge_cls=CogniteAnnotation)
    assert ann.confidence == 0.9 and ann.start_node.as_tuple() == ("s", "job")
    listed = inst.list(instance_type=CogniteAsset, space="s", sort=InstanceSort(["node", "externalId"]),
                       filter=HasData(views=[CogniteAsset.get_source()]))  # fmt: skip
    assert [a.external_id for a in listed] == ["pump", "root"] and all(isinstance(a, CogniteAsset) for a in listed)
    # an unchanged re-apply from the read form changes nothing
    again = inst.apply(pump.as_write())
    assert again.nodes[0].was_modified is False
    # the system views know every property the classes use
    view = client.data_modeling.views.retrieve(ViewId("cdf_cdm", "CogniteAsset", "v1"))[0]
    assert {"object3D", "name", "sourceId", "parent", "root", "path", "assetClass", "type"} <= set(view.properties)
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_time_series_and_files_apis(client: CogniteClient, tmp_path: Path, emulator: CDFEmulator) -> None:
    inst = client.data_modeling.instances
    inst.apply([
        CogniteTimeSeriesApply("s", "temp", is_step=False, time_series_type="numeric", name="Temp"),
        CogniteTimeSeriesApply("s", "mode", is_step=True, time_series_type="string", name="Mode"),
        NodeApply("s", "plain"),
        CogniteFileApply("s", "doc", name="doc.txt", mime_type="text/plain", directory="/docs"),
    ])  # fmt: skip
    ts = client.data_modeling.time_series
    assert sorted(n.external_id for n in ts.list(limit=None)) == ["mode", "temp"]
    assert ts.list(time_series_type="string").as_ids() == [NodeId("s", "mode")]
    assert ts.list(filter=Equals(ViewId("cdf_cdm", "CogniteTimeSeries", "v1").as_property_ref("name"), "Temp"),
                   space="s").as_ids() == [NodeId("s", "temp")]  # fmt: skip
    assert ts.retrieve(("s", "plain")) is None and len(ts.retrieve([("s", "temp"), ("s", "nope")])) == 1
    # the nodes' time series hold their datapoints
    client.time_series.data.insert([(0, 1.5), (1000, 2.5)], instance_id=NodeId("s", "temp"))
    client.time_series.data.insert([(0, "on")], instance_id=NodeId("s", "mode"))
    points = client.time_series.data.retrieve(instance_id=NodeId("s", "temp"), start=0, end=2000)
    assert points is not None and list(points.value) == [1.5, 2.5]  # type: ignore[union-attr]
    mode = client.time_series.retrieve(instance_id=NodeId("s", "mode"))
    assert mode is not None and (mode.is_string, mode.is_step, mode.name) == (True, True, "Mode")

    files = client.data_modeling.files
    assert files.list().as_ids() == [NodeId("s", "doc")]
    files.upload_content_bytes(b"hello", NodeId("s", "doc"))
    assert files.download_bytes(("s", "doc")) == b"hello"
    (tmp_path / "report.pdf").write_bytes(b"%PDF")
    files.upload(tmp_path / "report.pdf", CogniteFileApply("s", "report", name="report.pdf"))
    urls = files.retrieve_download_urls([("s", "doc"), NodeId("s", "report")], extended_expiration=True)
    assert set(urls) == {NodeId("s", "doc"), NodeId("s", "report")}
    out = tmp_path / "out"
    out.mkdir()
    files.download(out, [("s", "doc"), ("s", "report")], keep_directory_structure=True)
    assert (out / "docs" / "doc.txt").read_bytes() == b"hello" and (out / "report.pdf").read_bytes() == b"%PDF"
    files.download_to_path(tmp_path / "x" / "copy.pdf", ("s", "report"))
    assert (tmp_path / "x" / "copy.pdf").read_bytes() == b"%PDF"
    assert client.files.retrieve(instance_id=NodeId("s", "report")) is not None  # the node's file, in the files API
    node = files.retrieve(("s", "report"))
    assert node is not None and node.properties[ViewId("cdf_cdm", "CogniteFile", "v1")]["name"] == "report.pdf"
    typed = inst.retrieve_nodes(NodeId("s", "doc"), node_cls=CogniteFile)
    assert typed is not None and typed.mime_type == "text/plain"
    inst.delete(NodeId("s", "doc"))  # the file goes with its node
    assert client.files.retrieve(instance_id=NodeId("s", "doc")) is None
    with pytest.raises(CogniteAPIError):
        files.download_bytes(("s", "doc"))
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_streams_and_records(client: CogniteClient, emulator: CDFEmulator) -> None:
    streams, records = client.data_modeling.streams, client.data_modeling.records
    stream(client, "live", "MutableTestStream")
    stream(client, "archive", "ImmutableTestStream")
    assert sorted(streams.list().as_external_ids()) == ["archive", "live"]
    with pytest.raises(CogniteAPIError) as err:
        stream(client, "live", "MutableTestStream")
    assert err.value.code == 409
    live = streams.retrieve("live", include_statistics=True)
    assert live is not None and live.type == "Mutable" and live.as_write().settings.template.name == "MutableTestStream"
    assert streams.retrieve("gone") is None

    records.ingest([rec(i) for i in range(1500)], stream_id="live")
    live = streams.retrieve("live", include_statistics=True)
    assert live is not None and live.settings.limits.max_records_total.consumed == 1500
    found = records.filter("live", filter=Range(["s", "Log", "n"], gte=1495), limit=1000,
                           sort=InstanceSort(["s", "Log", "n"], "descending"), include_typing=True)  # fmt: skip
    assert [r.external_id for r in found] == ["r1499", "r1498", "r1497", "r1496", "r1495"]
    assert found.typing is not None and "s" in found.typing
    only = records.filter("live", filter=In(["externalId"], ["r1"]),
                          sources=[RecordSourceSelector(LOG, ["level"])])  # fmt: skip
    assert only[0].properties == {"s": {"Log": {"level": "error"}}}
    with pytest.raises(CogniteAPIError) as err:
        records.ingest(rec(1), stream_id="live")  # exists already
    assert err.value.code == 409
    records.upsert([rec(1, extra=True)], stream_id="live")
    assert records.filter("live", filter=Equals(["externalId"], "r1"))[0].properties["s"]["Log"]["extra"] is True
    records.delete([("s", "r1"), ("s", "r2"), ("s", "nope")], stream_id="live")
    agg = records.aggregate({"all": {"count": {}}, "levels": {"uniqueValues": {"property": ["s", "Log", "level"],
                                                                                "aggregates": {"s": {"sum": {"property": ["s", "Log", "n"]}}}}},
                             "max": {"max": {"property": ["s", "Log", "n"]}}}, stream_id="live")  # fmt: skip
    assert agg["all"] == {"count": 1498} and agg["max"] == {"max": 1499.0}
    assert {b["value"]: b["count"] for b in agg["levels"]["uniqueValueBuckets"]} == {"info": 749, "error": 749}

    pages = list(records.sync("live", initialize_cursor="365d-ago", chunk_size=1000))
    assert [len(p) for p in pages] == [1000, 500] and not pages[-1].has_next
    statuses = {r.external_id: r.status for p in pages for r in p}
    assert statuses["r1"] == "deleted" and statuses["r3"] == "created"
    records.upsert(rec(3, more=1), stream_id="live")
    (change,) = list(records.sync("live", cursor=pages[-1].cursor))
    assert [(r.external_id, r.status) for r in change] == [("r3", "updated")]

    # an immutable stream takes ingests only, and reads need a lower time bound
    records.ingest([rec(i) for i in range(3)], stream_id="archive")
    with pytest.raises(CogniteAPIError) as err:
        records.upsert(rec(1), stream_id="archive")
    assert err.value.code == 422
    with pytest.raises(CogniteAPIError):
        records.filter("archive")
    assert len(records.filter("archive", last_updated_time=TimeRange(gte=0))) == 3
    streams.delete(["live", "archive"])
    assert streams.list().as_external_ids() == []
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_graphql(client: CogniteClient, emulator: CDFEmulator) -> None:
    gql = client.data_modeling.graphql
    dml = """
    type Pump @view {
      name: String!
      flow: Float
      tags: [String]
      site: Site
    }
    type Site { name: String }
    """
    res = gql.apply_dml(("s", "Plant", "1"), dml, name="Plant", description="Pumps and sites")
    assert (res.space, res.external_id, res.version, res.name) == ("s", "Plant", "1", "Plant")
    model = client.data_modeling.data_models.retrieve(("s", "Plant", "1"), inline_views=True)[0]
    assert sorted(v.external_id for v in model.views) == ["Pump", "Site"]  # type: ignore[union-attr]
    pump_view = ViewId("s", "Pump", "1")
    client.data_modeling.instances.apply([
        NodeApply("s", f"p{i}", sources=[NodeOrEdgeData(pump_view, {"name": f"P{i}", "flow": i * 1.5,
                                                                     "site": {"space": "s", "externalId": "oslo"}})])
        for i in range(3)
    ])  # fmt: skip
    data = gql.query(("s", "Plant", "1"), "{ listPump(first: 2) { items { externalId name flow site } } }")
    assert data == {"listPump": {"items": [
        {"externalId": "p0", "name": "P0", "flow": 0.0, "site": {"space": "s", "externalId": "oslo"}},
        {"externalId": "p1", "name": "P1", "flow": 1.5, "site": {"space": "s", "externalId": "oslo"}},
    ]}}  # fmt: skip
    with pytest.raises(CogniteGraphQLError):
        gql.query(("s", "Plant", "1"), "{ listNope { items { name } } }")
    with pytest.raises(CogniteGraphQLError):
        gql.apply_dml(("s", "Bad", "1"), "type { }")
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


class _Validating(CDFEmulator):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("validate", True)
        super().__init__(*args, **kwargs)


def test_docstring_examples_run_against_a_validating_emulator(monkeypatch: pytest.MonkeyPatch) -> None:
    import cognite.client._api.data_modeling.files as files_api
    import cognite.client._api.data_modeling.graphql as graphql_api
    import cognite.client._api.data_modeling.records as records_api
    import cognite.client._api.data_modeling.streams as streams_api
    import cognite.client._api.data_modeling.time_series as time_series_api
    import cognite.client.data_classes.data_modeling.cdm.v1 as cdm_module
    import cognite.client.data_classes.data_modeling.extractor_extensions.v1 as ext_module
    import cognite.client.data_classes.data_modeling.graphql as graphql_classes
    import cognite.client.data_classes.data_modeling.records as records_classes
    import cognite.client.data_classes.data_modeling.streams as streams_classes
    import cognite.client.testing._app as app

    monkeypatch.setattr(app, "CDFEmulator", _Validating)
    modules = (files_api, graphql_api, records_api, streams_api, time_series_api, cdm_module, ext_module,
               graphql_classes, records_classes, streams_classes)  # fmt: skip
    for module in modules:
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module) if t.examples]
        assert tests, module.__name__
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
