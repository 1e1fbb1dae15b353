"""The data-modeling schema APIs and classes through ``httpx.MockTransport``: a small in-memory fake of the schema
endpoints; the SDK's own layers (HTTP client, executor, verbs, data classes) run for real."""

from __future__ import annotations

import asyncio
import gzip
import json
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient, global_config
from cognite.client.data_classes.data_modeling import (
    BTreeIndex,
    BTreeIndexApply,
    Constraint,
    ContainerApply,
    ContainerId,
    ContainerProperty,
    ContainerPropertyApply,
    DataModel,
    DataModelApply,
    DataModelId,
    DataModelList,
    DirectRelation,
    Float64,
    Index,
    Int64,
    InvertedIndex,
    MappedProperty,
    MappedPropertyApply,
    MultiEdgeConnection,
    MultiEdgeConnectionApply,
    PropertyType,
    RequiresConstraint,
    SingleEdgeConnection,
    SingleReverseDirectRelation,
    Space,
    SpaceApply,
    SpaceList,
    Text,
    UniquenessConstraintApply,
    View,
    ViewApply,
    ViewId,
    ViewList,
)
from cognite.client.data_classes.data_modeling.containers import (
    Container,
    ContainerList,
    UnknownConstraint,
    UnknownIndex,
)
from cognite.client.data_classes.data_modeling.core import DataModelingSort
from cognite.client.data_classes.data_modeling.data_types import Enum, EnumValue, UnitReference, UnknownPropertyType
from cognite.client.data_classes.data_modeling.statistics import SpaceStatisticsList
from cognite.client.data_classes.data_modeling.views import UnknownViewProperty, ViewProperty, ViewPropertyApply
from cognite.client.data_classes.filters import Equals
from cognite.client.exceptions import CogniteAPIError

API_ROOT = "/api/v1/projects/unit-test-project"
STAMP = {"createdTime": 1, "lastUpdatedTime": 1, "isGlobal": False}


def _view(xid: str, version: str = "1", used_for: str = "node", created: int = 1) -> dict[str, Any]:
    return {"space": "s", "externalId": xid, "version": version, "properties": {}, "writable": False,
            "queryable": True, "usedFor": used_for, "mappedContainers": [], "implements": [], "isGlobal": False,
            "createdTime": created, "lastUpdatedTime": created}  # fmt: skip


class FakeSchema:
    """The schema endpoints in memory: apply echoes read forms, byids answers what it holds, lists page by 2."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, list[tuple[str, str]], Any]] = []
        self.spaces: dict[str, dict[str, Any]] = {}
        self.views: list[dict[str, Any]] = []
        self.fail: int | None = None  # answer this status to the next apply
        self.in_flight = 0
        self.max_in_flight = 0

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def calls(self, method: str, path: str) -> list[tuple[str, str, list[tuple[str, str]], Any]]:
        return [r for r in self.requests if r[0] == method and r[1] == path]

    async def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix(API_ROOT)
        body = None
        if request.content:
            data = request.content
            if request.headers.get("content-encoding") == "gzip":
                data = gzip.decompress(data)
            body = json.loads(data)
        params = list(request.url.params.multi_items())
        self.requests.append((request.method, path, params, body))
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0.001)
            return self.route(request.method, path, dict(params), body)
        finally:
            self.in_flight -= 1

    def route(self, method: str, path: str, query: dict[str, str], body: Any) -> httpx.Response:
        if self.fail is not None and method == "POST" and path == "/models/spaces":
            status, self.fail = self.fail, None
            return httpx.Response(status, json={"error": {"code": status, "message": "boom"}})
        if path == "/models/spaces" and method == "POST":
            for item in body["items"]:
                self.spaces[item["space"]] = {**item, **STAMP}
            return httpx.Response(200, json={"items": [self.spaces[i["space"]] for i in body["items"]]})
        if path == "/models/spaces/byids":
            return httpx.Response(200, json={"items": [self.spaces[i["space"]] for i in body["items"]
                                                       if i["space"] in self.spaces]})  # fmt: skip
        if path == "/models/spaces/delete":
            return httpx.Response(200, json={"items": body["items"]})
        if path == "/models/spaces" and method == "GET":
            return self.page(list(self.spaces.values()), query)
        if path == "/models/views" and method == "GET":
            return self.page(self.views, query)
        if path == "/models/views/byids":
            return httpx.Response(200, json={"items": self.views})
        if path == "/models/containers/constraints/delete":
            return httpx.Response(200, json={"items": body["items"]})
        if path == "/models/statistics/spaces/byids":
            stats = {"containers": 0, "views": 0, "dataModels": 0, "edges": 0, "softDeletedEdges": 0, "nodes": 0,
                     "softDeletedNodes": 0}  # fmt: skip
            return httpx.Response(200, json={"items": [{"space": i["space"], **stats} for i in body["items"]]})
        return httpx.Response(404, json={"error": {"code": 404, "message": f"no route {method} {path}"}})

    @staticmethod
    def page(items: list[dict[str, Any]], query: dict[str, str]) -> httpx.Response:
        start = int(query.get("cursor", 0))
        size = min(2, int(query["limit"]))
        out: dict[str, Any] = {"items": items[start : start + size]}
        if start + size < len(items):
            out["nextCursor"] = str(start + size)
        return httpx.Response(200, json=out)


@pytest.fixture
def fake() -> FakeSchema:
    return FakeSchema()


@pytest.fixture
def client(config: ClientConfig, fake: FakeSchema) -> AsyncCogniteClient:
    return AsyncCogniteClient(config, transport=fake.transport)


# ---------------------------------------------------------------------------------------------- the APIs


async def test_apply_chunks_by_100_concurrently_and_keeps_order(client: AsyncCogniteClient, fake: FakeSchema) -> None:
    spaces = await client.data_modeling.spaces.apply([SpaceApply(f"s{i}") for i in range(250)])
    assert isinstance(spaces, SpaceList) and spaces.as_ids() == [f"s{i}" for i in range(250)]
    sizes = [len(r[3]["items"]) for r in fake.calls("POST", "/models/spaces")]
    assert sorted(sizes) == [50, 100, 100] and fake.max_in_flight > 1
    one = await client.data_modeling.spaces.apply(Space("x", False, 0, 0, name="X"))  # a read form is applied as write
    assert isinstance(one, Space) and fake.calls("POST", "/models/spaces")[-1][3] == {
        "items": [{"space": "x", "name": "X"}]
    }
    assert await client.data_modeling.spaces.apply([]) == SpaceList([])


async def test_apply_is_resent_after_an_unknown_outcome(client: AsyncCogniteClient, fake: FakeSchema) -> None:
    before = global_config.max_retry_backoff
    global_config.max_retry_backoff = 0
    try:
        fake.fail = 503
        assert (await client.data_modeling.spaces.apply(SpaceApply("a"))).space == "a"
        assert len(fake.calls("POST", "/models/spaces")) == 2
    finally:
        global_config.max_retry_backoff = before


async def test_failed_chunk_reports_what_happened(client: AsyncCogniteClient, fake: FakeSchema) -> None:
    fake.fail = 400
    with pytest.raises(CogniteAPIError) as err:
        await client.data_modeling.spaces.apply([SpaceApply(f"s{i}") for i in range(150)])
    assert err.value.code == 400 and len(err.value.failed) + len(err.value.successful) == 150
    assert len(err.value.failed) in (50, 100)


async def test_bad_arguments_fail_before_any_request(client: AsyncCogniteClient, fake: FakeSchema) -> None:
    dm = client.data_modeling
    with pytest.raises(TypeError, match="spaces"):
        await dm.spaces.apply(ContainerApply("s", "c", {"p": ContainerProperty(Text)}))  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="spaces"):
        await dm.spaces.retrieve(1)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="include_global"):
        await dm.spaces.list(include_global="yes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="limit"):
        await dm.spaces.list(limit=-5)
    with pytest.raises(ValueError, match="used_for"):
        await dm.containers.list(used_for="nodes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="space"):
        await dm.views.list(space=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        await dm.containers.delete_constraints([("s", "c")])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="version"):
        await dm.views.delete(("s", "V"))
    with pytest.raises(ValueError, match="version"):
        await dm.data_models.delete(DataModelId("s", "M"))
    with pytest.raises(TypeError, match="inline_views"):
        await dm.data_models.retrieve(("s", "M", "1"), inline_views=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="space"):
        await dm.statistics.spaces.retrieve(5)  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="chunk_size"):
        dm.views(chunk_size=0, used_for="node")
    with pytest.raises(TypeError, match="ids"):
        await dm.containers.retrieve(5)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="ids"):
        await dm.views.retrieve([("s", 1, "v")])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="ids"):
        await dm.containers.delete_indexes([(5, "i")])  # type: ignore[list-item]
    assert fake.requests == []


async def test_retrieve_one_or_many(client: AsyncCogniteClient, fake: FakeSchema) -> None:
    await client.data_modeling.spaces.apply([SpaceApply("a"), SpaceApply("b")])
    assert isinstance(await client.data_modeling.spaces.retrieve("a"), Space)
    assert await client.data_modeling.spaces.retrieve("zz") is None
    found = await client.data_modeling.spaces.retrieve(["a", "zz", "b", "a"])
    assert isinstance(found, SpaceList) and found.as_ids() == ["a", "b"]
    assert fake.calls("POST", "/models/spaces/byids")[-1][3] == {"items": [{"space": "a"}, {"space": "zz"},
                                                                            {"space": "b"}]}  # fmt: skip
    assert await client.data_modeling.spaces.delete(["a", "b"]) == ["a", "b"]
    deleted = await client.data_modeling.containers.delete_constraints([(ContainerId("s", "C"), "u")])
    assert deleted == [(ContainerId("s", "C"), "u")]
    stats = await client.data_modeling.statistics.spaces.retrieve(["a", "b"])
    assert isinstance(stats, SpaceStatisticsList) and stats.get("b") is not None


async def test_lists_follow_cursors_and_send_query_parameters(client: AsyncCogniteClient, fake: FakeSchema) -> None:
    await client.data_modeling.spaces.apply([SpaceApply(f"s{i}") for i in range(5)])
    assert len(await client.data_modeling.spaces.list(limit=None, include_global=True)) == 5
    params = [p for m, path, p, _ in fake.requests if m == "GET"]
    assert params[0] == [("includeGlobal", "true"), ("limit", "1000")]
    assert ("cursor", "2") in params[1]
    assert len(await client.data_modeling.spaces.list(limit=3)) == 3
    assert [len(c) async for c in client.data_modeling.spaces(chunk_size=2)] == [2, 2, 1]


async def test_views_used_for_is_filtered_client_side(client: AsyncCogniteClient, fake: FakeSchema) -> None:
    fake.views = [_view("A", used_for="edge"), _view("B"), _view("C", used_for="all"), _view("D"), _view("E")]
    views = await client.data_modeling.views.list(used_for="node", limit=2)
    assert isinstance(views, ViewList) and [v.external_id for v in views] == ["B", "D"]
    assert [v.external_id for v in await client.data_modeling.views.list(used_for=["edge", "all"], limit=None)] == [
        "A",
        "C",
    ]
    sent = [dict(p) for m, path, p, _ in fake.requests if path == "/models/views"]
    assert all("usedFor" not in p for p in sent) and sent[0]["includeInheritedProperties"] == "true"
    chunks = [c async for c in client.data_modeling.views(chunk_size=2, used_for="node")]
    assert [[v.external_id for v in c] for c in chunks] == [["B", "D"], ["E"]]
    assert [v.external_id async for v in client.data_modeling.views(used_for="node", limit=1)] == ["B"]


async def test_views_retrieve_latest_versions(client: AsyncCogniteClient, fake: FakeSchema) -> None:
    fake.views = [_view("A", "1", created=5), _view("A", "2", created=9), _view("B", "1", created=1)]
    everything = await client.data_modeling.views.retrieve([("s", "A"), ViewId("s", "B", "1")])
    assert [v.version for v in everything] == ["1", "2", "1"]
    assert fake.calls("POST", "/models/views/byids")[0][3] == {
        "items": [{"space": "s", "externalId": "A"}, {"space": "s", "externalId": "B", "version": "1"}]
    }
    latest = await client.data_modeling.views.retrieve(("s", "A"), all_versions=False)
    assert [v.as_id() for v in latest] == [ViewId("s", "A", "2"), ViewId("s", "B", "1")]


def test_sync_client_has_the_same_surface(config: ClientConfig, fake: FakeSchema) -> None:
    with CogniteClient(config, transport=fake.transport) as client:
        assert client.data_modeling.spaces.apply(SpaceApply("a")).space == "a"
        assert [s.space for s in client.data_modeling.spaces()] == ["a"]


# ---------------------------------------------------------------------------------------------- the classes


def test_property_types_load_dump_and_unknown_kinds() -> None:
    for ptype in (Text(is_list=True, max_list_size=3, collation="en"), Int64(unit=UnitReference("a:b", "b")),
                  DirectRelation(container=ContainerId("s", "c")), Enum({"x": EnumValue("X")}, unknown_value="x")):  # fmt: skip
        assert PropertyType.load(ptype.dump()) == ptype
        assert PropertyType.load(ptype.dump(camel_case=False)) == ptype
    assert (
        Text().dump() == {"type": "text"}
        and repr(PropertyType.load({"type": "text", "collation": "ucs_basic"})) == "Text()"
    )
    unknown = PropertyType.load({"type": "vector", "dims": 3})
    assert isinstance(unknown, UnknownPropertyType) and unknown.dump() == {"type": "vector", "dims": 3}
    container = Container.load({"space": "s", "externalId": "c", "properties": {"v": {"type": {"type": "vector"}}},
                                **STAMP})  # fmt: skip
    assert container.as_write().dump()["properties"] == {"v": {"type": {"type": "vector"}}}
    assert ContainerProperty(Float64).type == Float64()  # a type class stands for its defaults
    with pytest.raises(TypeError, match="type"):
        ContainerProperty("text")  # type: ignore[arg-type]


def test_container_round_trips_and_write_forms() -> None:
    wire = {
        "space": "s", "externalId": "c", "usedFor": "all", **STAMP,
        "properties": {"p": {"type": {"type": "text", "list": False}, "nullable": False, "autoIncrement": False,
                             "immutable": False, "constraintState": {"nullability": "current"}}},
        "constraints": {"r": {"constraintType": "requires", "state": "current",
                              "require": {"type": "container", "space": "s", "externalId": "d"}},
                        "u": {"constraintType": "uniqueness", "properties": ["p"], "state": "failed"}},
        "indexes": {"b": {"properties": ["p"], "cursorable": True, "state": "current"},
                    "i": {"indexType": "inverted", "properties": ["p"], "state": "pending"}},
    }  # fmt: skip
    container = Container.load(wire)
    assert isinstance(container.constraints["r"], RequiresConstraint)  # type: ignore[index]
    assert isinstance(container.indexes["b"], BTreeIndex) and isinstance(container.indexes["i"], InvertedIndex)  # type: ignore[index]
    assert (
        Container.load(container.dump()) == container and Container.load(container.dump(camel_case=False)) == container
    )
    write = container.as_write()
    assert isinstance(write.properties["p"], ContainerPropertyApply)
    assert write.dump() == {
        "space": "s", "externalId": "c", "usedFor": "all", "properties": {"p": {"type": {"type": "text"}, "nullable": False}},
        "constraints": {"r": {"constraintType": "requires", "require": {"type": "container", "space": "s", "externalId": "d"}},
                        "u": {"constraintType": "uniqueness", "properties": ["p"]}},
        "indexes": {"b": {"indexType": "btree", "properties": ["p"], "cursorable": True},
                    "i": {"indexType": "inverted", "properties": ["p"]}},
    }  # fmt: skip
    assert ContainerApply.load(write.dump()).dump() == write.dump()
    assert isinstance(Constraint.load({"constraintType": "uniqueness", "properties": ["a"]}), Constraint)
    assert isinstance(Index.load({"properties": ["a"]}), BTreeIndex)
    assert ContainerList([container]).get(("s", "c")) is container and ContainerList([container]).as_ids() == [
        ContainerId("s", "c")
    ]
    applied = ContainerApply("s", "c", {"p": ContainerProperty(Text)}, constraints={"u": UniquenessConstraintApply(["p"])},
                             indexes={"b": BTreeIndexApply(["p"])})  # fmt: skip
    assert applied.as_id().as_property_ref("p") == ("s", "c", "p")
    with pytest.raises(TypeError, match="space"):
        ContainerApply(1, "c", {})  # type: ignore[arg-type]
    magic = Constraint.load({"constraintType": "magic", "level": 3})  # a kind CDF adds later is kept as it is
    assert isinstance(magic, UnknownConstraint) and magic.as_apply().dump() == {"constraintType": "magic", "level": 3}
    kept = Container.load({**wire, "indexes": {"v": {"indexType": "vector", "properties": ["p"]}}})
    assert isinstance(kept.indexes["v"], UnknownIndex)  # type: ignore[index]
    assert kept.as_write().dump()["indexes"] == {"v": {"indexType": "vector", "properties": ["p"]}}


def test_view_properties_load_by_shape() -> None:
    source = {"type": "view", "space": "s", "externalId": "V", "version": "1"}
    mapped = ViewProperty.load({"container": {"type": "container", "space": "s", "externalId": "C"},
                                "containerPropertyIdentifier": "p", "type": {"type": "direct", "source": source}})  # fmt: skip
    assert isinstance(mapped, MappedProperty) and mapped.source == ViewId("s", "V", "1")
    assert mapped.type == DirectRelation()
    assert isinstance(ViewProperty.load({"type": {"space": "s", "externalId": "t"}, "source": source}),
                      MultiEdgeConnection)  # fmt: skip
    single = ViewProperty.load({"connectionType": "single_edge_connection", "type": {"space": "s", "externalId": "t"},
                                "source": source, "direction": "inwards"})  # fmt: skip
    assert isinstance(single, SingleEdgeConnection) and single.as_apply().dump()["direction"] == "inwards"
    reverse = ViewProperty.load({"connectionType": "single_reverse_direct_relation", "source": source, "targetsList": True,
                                 "through": {"source": source, "identifier": "p"}})  # fmt: skip
    assert isinstance(reverse, SingleReverseDirectRelation) and reverse.targets_list is True
    assert isinstance(ViewPropertyApply.load({"type": {"space": "s", "externalId": "t"}, "source": source}),
                      MultiEdgeConnectionApply)  # fmt: skip
    teleport = ViewProperty.load({"connectionType": "teleport", "to": "x"})
    assert isinstance(teleport, UnknownViewProperty) and teleport.as_apply().dump() == {"connectionType": "teleport",
                                                                                         "to": "x"}  # fmt: skip


def test_view_and_data_model_round_trips() -> None:
    view = View.load({**_view("V"), "filter": {"equals": {"property": ["s", "C", "p"], "value": 1}},
                      "implements": [{"type": "view", "space": "s", "externalId": "B", "version": "1"}],
                      "properties": {"p": {"container": {"type": "container", "space": "s", "externalId": "C"},
                                           "containerPropertyIdentifier": "p", "type": {"type": "int64"}}}})  # fmt: skip
    assert view.filter == Equals(["s", "C", "p"], 1)
    assert View.load(view.dump()) == view and View.load(view.dump(camel_case=False)) == view
    assert view.referenced_containers() == {ContainerId("s", "C")}
    write = view.as_write()
    assert isinstance(write, ViewApply) and write.properties == {"p": MappedPropertyApply(ContainerId("s", "C"), "p")}
    assert write.dump()["filter"] == {"equals": {"property": ["s", "C", "p"], "value": 1}}
    assert ViewApply.load(write.dump()) == write
    assert ViewList([view]).get(ViewId("s", "V", "1")) is view

    model = DataModel.load({"space": "s", "externalId": "M", "version": "1", **STAMP,
                            "views": [_view("V"), {"type": "view", "space": "s", "externalId": "W", "version": "1"}]})  # fmt: skip
    assert isinstance(model.views[0], View) and model.views[1] == ViewId("s", "W", "1")  # type: ignore[index]
    assert model.as_write() == DataModelApply("s", "M", "1", views=[ViewId("s", "V", "1"), ViewId("s", "W", "1")])
    assert DataModelApply("s", "M", "1", views=[model.views[0]]).views == [model.views[0].as_write()]  # type: ignore[index]
    assert DataModel.load(model.dump()) == model
    models = DataModelList([model, DataModel("s", "M", "2", False, 5, 9)])
    assert models.latest_version().version == "2" and models.get(("s", "M", "1")) is model
    with pytest.raises(ValueError):
        DataModelList([]).latest_version()
    assert DataModelingSort(["node", "externalId"], "descending", True).dump(camel_case=False) == {
        "property": ["node", "externalId"],
        "direction": "descending",
        "nulls_first": True,
    }
    with pytest.raises(ValueError):
        DataModelingSort("x", "sideways")  # type: ignore[arg-type]
