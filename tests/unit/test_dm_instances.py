"""Data-modeling instances: data classes, and the Instances API through ``httpx.MockTransport`` (a small fake
answering like CDF; the SDK's own layers run for real)."""

from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes import data_modeling as dm
from cognite.client.data_classes.aggregations import Avg, AvgValue, Count, Histogram, HistogramValue
from cognite.client.data_classes.data_modeling.debug import DebugInfo, DebugParameters, UnknownDebugNotice
from cognite.client.data_classes.data_modeling.ids import ContainerId, EdgeId, NodeId, ViewId
from cognite.client.data_classes.data_modeling.instances import (
    DirectRelationReference,
    Edge,
    EdgeApply,
    EdgeList,
    InstanceAggregationResultList,
    InstancesApplyResult,
    InstanceSort,
    InvolvedViews,
    Node,
    NodeApply,
    NodeList,
    NodeOrEdgeData,
    Properties,
    PropertyOptions,
    TargetUnit,
    TypedEdge,
    TypedNode,
    TypedNodeApply,
    TypeInformation,
    UnitReference,
    UnitSystemReference,
)
from cognite.client.data_classes.data_modeling.query import (
    EdgeResultSetExpression,
    EdgeResultSetExpressionSync,
    Intersection,
    NodeResultSetExpression,
    NodeResultSetExpressionSync,
    Query,
    QueryResult,
    QuerySync,
    Select,
    SelectSync,
    SourceSelector,
    Union,
    UnionAll,
)
from cognite.client.data_classes.filters import Equals, HasData, Prefix
from cognite.client.exceptions import CogniteAPIError

API_ROOT = "/api/v1/projects/unit-test-project"
VIEW = ViewId("s", "Pump", "v1")


def node_json(xid: str, space: str = "s", **props: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "instanceType": "node", "space": space, "externalId": xid, "version": 1, "createdTime": 1, "lastUpdatedTime": 2,
    }  # fmt: skip
    if props:
        out["properties"] = {"s": {"Pump/v1": props}}
    return out


def edge_json(xid: str, start: str = "a", end: str = "b") -> dict[str, Any]:
    return {
        "instanceType": "edge", "space": "s", "externalId": xid, "version": 1, "createdTime": 1, "lastUpdatedTime": 2,
        "type": {"space": "s", "externalId": "flows"}, "startNode": {"space": "s", "externalId": start},
        "endNode": {"space": "s", "externalId": end},
    }  # fmt: skip


class FakeDMS:
    """Answers the instance endpoints from canned handlers; records every request body."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, Any]] = []
        self.handlers: dict[str, Callable[[Any], httpx.Response]] = {}
        self.in_flight = 0
        self.max_in_flight = 0
        self.delay = 0.0

    def calls(self, suffix: str) -> list[Any]:
        return [b for p, b in self.requests if p == "/models/instances" + suffix]

    async def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix(API_ROOT)
        data = request.content
        if request.headers.get("content-encoding") == "gzip":
            data = gzip.decompress(data)
        body = json.loads(data) if data else None
        self.requests.append((path, body))
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
            suffix = path.removeprefix("/models/instances")
            handler = self.handlers.get(suffix)
            if handler is None:
                return httpx.Response(404, json={"error": {"code": 404, "message": f"no handler for {path}"}})
            return handler(body)
        finally:
            self.in_flight -= 1


def applied(body: dict[str, Any]) -> httpx.Response:
    items = [
        {"instanceType": i["instanceType"], "space": i["space"], "externalId": i["externalId"], "version": 1,
         "wasModified": True, "createdTime": 1, "lastUpdatedTime": 1}
        for i in body["items"]
    ]  # fmt: skip
    return httpx.Response(200, json={"items": items, "deleted": []})


@pytest.fixture
def fake() -> FakeDMS:
    return FakeDMS()


@pytest.fixture
def client(config: ClientConfig, fake: FakeDMS) -> AsyncCogniteClient:
    return AsyncCogniteClient(config, transport=httpx.MockTransport(fake.handle))


# ------------------------------------------------------------------------------------------------ data classes


class TestDataClasses:
    def test_node_round_trip_and_property_access(self) -> None:
        raw = node_json("p1", name="P1", site={"space": "s", "externalId": "oslo"})
        raw["type"] = {"space": "s", "externalId": "Pump"}
        node = Node.load(raw)
        assert node.properties[VIEW]["name"] == "P1"
        assert node.properties[("s", "Pump", "v1")]["name"] == "P1"
        assert node["name"] == "P1" and node.get("missing", 7) == 7
        assert node.type == DirectRelationReference("s", "Pump")
        assert node.dump() == raw
        assert Node.load(json.dumps(raw)) == node
        assert node.dump(camel_case=False)["external_id"] == "p1"
        assert node.as_id() == NodeId("s", "p1")

    def test_load_does_not_share_values_with_its_input(self) -> None:
        raw = node_json("p1", tags=["a"])
        node = Node.load(raw)
        node.properties[VIEW]["tags"].append("b")
        assert raw["properties"]["s"]["Pump/v1"]["tags"] == ["a"]

    def test_instance_indexing_needs_exactly_one_source(self) -> None:
        node = Node("s", "a", 1, 0, 0, None, {VIEW: {"x": 1}, ContainerId("s", "C"): {"y": 2}}, None)
        with pytest.raises(RuntimeError, match="2 sources"):
            node["x"]
        node.drop_source(ContainerId("s", "C"))
        assert node["x"] == 1

    def test_as_write_keeps_properties_and_version(self) -> None:
        node = Node.load(node_json("p1", name="P1"))
        write = node.as_write()
        assert isinstance(write, NodeApply) and write.existing_version == 1
        assert write.dump() == {
            "instanceType": "node", "space": "s", "externalId": "p1", "existingVersion": 1,
            "sources": [{"source": VIEW.dump(), "properties": {"name": "P1"}}],
        }  # fmt: skip
        edge = Edge.load(edge_json("e"))
        assert edge.as_write().dump()["startNode"] == {"space": "s", "externalId": "a"}
        assert edge.as_id() == EdgeId("s", "e")

    def test_write_values_are_encoded(self) -> None:
        when = datetime(2024, 1, 2, 3, 4, 5, 6000, tzinfo=timezone.utc)
        data = NodeOrEdgeData(
            VIEW, {"at": when, "day": date(2024, 1, 2), "ref": NodeId("s", "x"), "refs": [("s", "y")]}
        )
        props = data.dump()["properties"]
        assert props["at"] == "2024-01-02T03:04:05.006+00:00"
        assert props["day"] == "2024-01-02"
        assert props["ref"] == {"space": "s", "externalId": "x"}
        assert props["refs"] == [["s", "y"]]  # tuples are plain lists; only id objects become references
        with pytest.raises(ValueError, match="timezone-aware"):
            NodeOrEdgeData(VIEW, {"at": datetime(2024, 1, 1)}).dump()

    def test_apply_classes_load_and_validate(self) -> None:
        node = NodeApply("s", "a", sources=[NodeOrEdgeData(ContainerId("s", "C"), {"x": None})], type=("s", "T"))
        assert NodeApply.load(node.dump()) == node
        edge = EdgeApply("s", "e", ("s", "t"), ("s", "a"), NodeId("s", "b"), existing_version=3)
        assert EdgeApply.load(edge.dump()) == edge
        with pytest.raises(TypeError, match="existing_version"):
            NodeApply("s", "a", existing_version="1")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="sources"):
            NodeApply("s", "a", sources=NodeOrEdgeData(VIEW, {}))  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="start_node"):
            EdgeApply("s", "e", ("s", "t"), 5, ("s", "b"))  # type: ignore[arg-type]

    def test_lists(self) -> None:
        nodes = NodeList([Node.load(node_json("a")), Node.load(node_json("b", space="t"))])
        assert nodes.as_ids() == [NodeId("s", "a"), NodeId("t", "b")]
        assert nodes.get(instance_id=("t", "b")).external_id == "b"  # type: ignore[union-attr]
        assert nodes.get(external_id="a").space == "s"  # type: ignore[union-attr]
        assert nodes.get(instance_id=NodeId("x", "y")) is None
        assert NodeList.load(nodes.dump()).dump() == nodes.dump()
        assert [n.external_id for n in nodes.as_write()] == ["a", "b"]
        with pytest.raises(ValueError, match="share"):
            nodes.extend([Node.load(node_json("a"))])
        df = NodeList([Node.load(node_json("a", name="x"))]).to_pandas(expand_properties=True)
        assert df.loc[0, "name"] == "x"
        edges = EdgeList([Edge.load(edge_json("e"))])
        assert edges.as_ids() == [EdgeId("s", "e")]

    def test_properties_mapping(self) -> None:
        props = Properties.load({"s": {"Pump/v1": {"a": 1}, "Box": {"b": 2}}})
        assert set(props) == {VIEW, ContainerId("s", "Box")}
        assert props.get(ViewId("s", "Other", "v1")) is None
        assert props.dump() == {"s": {"Pump/v1": {"a": 1}, "Box": {"b": 2}}}
        del props[VIEW]
        assert VIEW not in props and len(props) == 1

    def test_sort_target_units_and_typing(self) -> None:
        assert InstanceSort(VIEW.as_property_ref("x"), "descending", nulls_first=True).dump() == {
            "property": ["s", "Pump/v1", "x"], "direction": "descending", "nullsFirst": True,
        }  # fmt: skip
        with pytest.raises(ValueError, match="direction"):
            InstanceSort(["node", "externalId"], "desc")  # type: ignore[arg-type]
        assert TargetUnit.load(TargetUnit("t", UnitSystemReference("SI")).dump()).unit == UnitSystemReference("SI")
        assert TargetUnit("t", UnitReference("temperature:deg_c")).dump()["unit"] == {"externalId": "temperature:deg_c"}
        typing = TypeInformation.load({"s": {"Pump/v1": {"x": {"type": {"type": "text"}, "nullable": True}}}})
        assert typing["s"]["Pump/v1"]["x"].nullable is True

    def test_exports(self) -> None:
        for name in ("Node", "NodeApply", "EdgeList", "Query", "QuerySync", "SourceSelector", "DebugParameters"):
            assert getattr(dm, name).__name__ == name


class Person(TypedNode):
    birth_year = PropertyOptions("birthYear")

    def __init__(
        self,
        space: str,
        external_id: str,
        version: int,
        last_updated_time: int,
        created_time: int,
        name: str,
        birth_year: int | None = None,
        born: date | None = None,
        home: DirectRelationReference | None = None,
        type: DirectRelationReference | None = None,
        deleted_time: int | None = None,
    ) -> None:
        super().__init__(space, external_id, version, last_updated_time, created_time, deleted_time, type)
        self.name = name
        self.birth_year = birth_year
        self.born = born
        self.home = home

    @classmethod
    def get_source(cls) -> ViewId:
        return ViewId("s", "Person", "v1")


class PersonApply(TypedNodeApply):
    birth_year = PropertyOptions("birthYear")

    def __init__(self, space: str, external_id: str, name: str, birth_year: int | None = None) -> None:
        super().__init__(space, external_id)
        self.name = name
        self.birth_year = birth_year

    @classmethod
    def get_source(cls) -> ViewId:
        return ViewId("s", "Person", "v1")


class Flow(TypedEdge):
    def __init__(
        self,
        space: str,
        external_id: str,
        version: int,
        type: DirectRelationReference,
        last_updated_time: int,
        created_time: int,
        start_node: DirectRelationReference,
        end_node: DirectRelationReference,
        rate: float,
        deleted_time: int | None = None,
    ) -> None:
        super().__init__(
            space, external_id, version, type, last_updated_time, created_time, start_node, end_node, deleted_time
        )
        self.rate = rate

    @classmethod
    def get_source(cls) -> ViewId:
        return ViewId("s", "Flow", "v1")


class TestTypedInstances:
    def test_typed_node_load_and_dump(self) -> None:
        raw = node_json("ada")
        raw["properties"] = {"s": {"Person/v1": {
            "name": "Ada", "birthYear": 1815, "born": "1815-12-10", "home": {"space": "s", "externalId": "london"},
        }}}  # fmt: skip
        person = Person.load(raw)
        assert (person.name, person.birth_year, person.born) == ("Ada", 1815, date(1815, 12, 10))
        assert person.home == DirectRelationReference("s", "london")
        assert person.dump()["properties"]["s"]["Person/v1"]["birthYear"] == 1815
        assert person.properties[ViewId("s", "Person", "v1")]["name"] == "Ada"

    def test_typed_apply_dumps_its_view(self) -> None:
        dumped = PersonApply("s", "ada", "Ada", 1815).dump()
        assert dumped["sources"] == [{"source": ViewId("s", "Person", "v1").dump(), "properties": {
            "name": "Ada", "birthYear": 1815}}]  # fmt: skip
        assert PersonApply.load(dumped).birth_year == 1815

    def test_typed_edge(self) -> None:
        raw = edge_json("f")
        raw["properties"] = {"s": {"Flow/v1": {"rate": 2.5}}}
        flow = Flow.load(raw)
        assert flow.rate == 2.5 and flow.start_node.external_id == "a"


class TestQueryClasses:
    def test_query_dump_and_load(self) -> None:
        q = Query(
            with_={
                "pumps": NodeResultSetExpression(filter=Equals(["node", "space"], "s"), limit=5,
                                                 sort=[InstanceSort(["node", "externalId"])]),
                "flows": EdgeResultSetExpression(from_="pumps", max_distance=2, node_filter=HasData(views=[VIEW]),
                                                 limit_each=3),
                "sites": NodeResultSetExpression(from_="pumps", through=VIEW.as_property_ref("site")),
                "both": Union(["pumps", Intersection(["sites", "pumps"])], except_=["flows"]),
                "all": UnionAll(["pumps", "sites"]),
            },
            select={"pumps": Select([SourceSelector(VIEW, ["name"])], limit=3), "flows": Select()},
            parameters={"p": 1},
            cursors={"pumps": "c1", "flows": None},
        )  # fmt: skip
        dumped = q.dump()
        assert dumped["with"]["sites"]["nodes"]["through"] == {"source": VIEW.dump(), "identifier": "site"}
        assert dumped["with"]["flows"]["edges"] == {
            "from": "pumps", "nodeFilter": HasData(views=[VIEW]).dump(), "direction": "outwards", "maxDistance": 2,
            "limitEach": 3,
        }  # fmt: skip
        assert dumped["with"]["both"] == {"union": ["pumps", {"intersection": ["sites", "pumps"]}], "except": ["flows"]}
        assert dumped["cursors"] == {"pumps": "c1"}
        assert dumped["select"]["pumps"]["sources"][0]["properties"] == ["name"]
        assert Query.load(dumped).dump() == dumped
        types = q.instance_type_by_result_expression()
        assert types["flows"].__name__ == "EdgeListWithCursor" and types["both"].__name__ == "NodeListWithCursor"

    def test_query_validation(self) -> None:
        with pytest.raises(ValueError, match="not in with_"):
            Query(with_={"a": NodeResultSetExpression()}, select={"b": Select()})
        with pytest.raises(TypeError, match="ResultSetExpression"):
            Query(with_={"a": NodeResultSetExpressionSync()}, select={})
        with pytest.raises(ValueError, match="direction"):
            EdgeResultSetExpression(direction="up")  # type: ignore[arg-type]

    def test_sync_dump_and_load(self) -> None:
        q = QuerySync(
            with_={"n": NodeResultSetExpressionSync(filter=Prefix(["node", "externalId"], "p"), limit=10,
                                                    skip_already_deleted=False, sync_mode="twoPhase"),
                   "e": EdgeResultSetExpressionSync(from_="n")},
            select={"n": SelectSync([VIEW]), "e": SelectSync()},
            allow_expired_cursors_and_accept_missed_deletes=True,
        )  # fmt: skip
        dumped = q.dump()
        assert dumped["with"]["n"]["skipAlreadyDeleted"] is False and dumped["with"]["n"]["mode"] == "twoPhase"
        assert dumped["select"]["n"] == {"sources": [{"source": VIEW.dump(), "properties": ["*"]}]}
        assert dumped["allowExpiredCursorsAndAcceptMissedDeletes"] is True
        assert QuerySync.load(dumped).dump() == dumped

    def test_query_result(self) -> None:
        res = QueryResult.load(
            {"items": {"n": [node_json("a")], "e": [edge_json("e")]}, "nextCursor": {"n": "c"},
             "typing": {"n": {"s": {"Pump/v1": {"x": {"type": {"type": "text"}}}}}}}
        )  # fmt: skip
        assert res.cursors == {"n": "c", "e": None}
        assert res.get_nodes("n").as_ids() == [NodeId("s", "a")]
        assert res.get_edges("e").as_ids() == [EdgeId("s", "e")]
        assert res["n"].typing is not None
        with pytest.raises(RuntimeError, match="edges"):
            res.get_nodes("e")

    def test_debug_classes(self) -> None:
        assert DebugParameters(include_plan=True).requires_alpha_header()
        assert DebugParameters(profile=True).dump() == {"emitResults": True, "profile": True}
        info = DebugInfo.load({"notices": [{"code": "new", "category": "x", "level": "info", "hint": "h", "n": 1}]})
        assert isinstance(info.notices[0], UnknownDebugNotice) and info.notices[0].data == {"n": 1}


# ------------------------------------------------------------------------------------------------ the API


class TestApply:
    async def test_chunks_of_1000_sent_concurrently(self, client: AsyncCogniteClient, fake: FakeDMS) -> None:
        fake.handlers[""] = applied
        fake.delay = 0.02
        nodes = [NodeApply("s", f"n{i}") for i in range(2500)]
        edges = [EdgeApply("s", f"e{i}", ("s", "t"), ("s", "n0"), ("s", "n1")) for i in range(10)]
        res = await client.data_modeling.instances.apply(nodes, edges, auto_create_start_nodes=True, replace=True)
        assert isinstance(res, InstancesApplyResult)
        assert len(res.nodes) == 2500 and len(res.edges) == 10
        bodies = fake.calls("")
        assert [len(b["items"]) for b in bodies] == [1000, 1000, 500, 10]  # nodes first, then the edges
        assert {i["instanceType"] for i in bodies[-1]["items"]} == {"edge"}
        assert all(b["autoCreateStartNodes"] and b["replace"] and b["autoCreateDirectRelations"] for b in bodies)
        assert fake.max_in_flight > 1

    async def test_partial_failure_lists_each_instance(self, client: AsyncCogniteClient, fake: FakeDMS) -> None:
        def answer(body: dict[str, Any]) -> httpx.Response:
            first = body["items"][0]["externalId"]
            if first == "n1000":
                return httpx.Response(400, json={"error": {"code": 400, "message": "bad"}})
            if first == "n2000":
                return httpx.Response(500, json={"error": {"code": 500, "message": "boom"}})
            return applied(body)

        fake.handlers[""] = answer
        nodes = [NodeApply("s", f"n{i}") for i in range(2500)]
        with pytest.raises(CogniteAPIError) as err:
            await client.data_modeling.instances.apply(nodes)
        assert err.value.successful == nodes[:1000]
        assert err.value.failed == nodes[1000:2000]
        assert err.value.unknown == nodes[2000:]

    async def test_edges_are_skipped_when_their_nodes_fail(self, client: AsyncCogniteClient, fake: FakeDMS) -> None:
        def answer(body: dict[str, Any]) -> httpx.Response:
            if body["items"][0]["externalId"] == "n1000":
                return httpx.Response(400, json={"error": {"code": 400, "message": "bad"}})
            return applied(body)

        fake.handlers[""] = answer
        nodes = [NodeApply("s", f"n{i}") for i in range(1500)]
        edges = [EdgeApply("s", "e", ("s", "t"), ("s", "n0"), ("s", "n1400"))]
        with pytest.raises(CogniteAPIError) as err:
            await client.data_modeling.instances.apply(nodes, edges)
        assert err.value.successful == nodes[:1000] and err.value.failed == nodes[1000:]
        assert err.value.skipped == edges
        assert all(i["instanceType"] == "node" for b in fake.calls("") for i in b["items"])
        fake.requests.clear()
        await client.data_modeling.instances.apply(nodes[:10], edges)  # one chunk: sent together
        assert [len(b["items"]) for b in fake.calls("")] == [11]

    async def test_bad_input_fails_before_any_request(self, client: AsyncCogniteClient, fake: FakeDMS) -> None:
        api = client.data_modeling.instances
        with pytest.raises(TypeError, match="nodes"):
            await api.apply(nodes=[EdgeApply("s", "e", ("s", "t"), ("s", "a"), ("s", "b"))])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="replace"):
            await api.apply(NodeApply("s", "a"), replace="yes")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="instance_type"):
            await api.list(instance_type="nodes")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="limit"):
            await api.list(limit=-5)
        with pytest.raises(ValueError, match="version"):
            await api.search(ViewId("s", "V"), "x")
        with pytest.raises(TypeError, match="filter"):
            await api.list(filter="x")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="node_cls"):
            await api.retrieve_nodes(("s", "a"), node_cls=Edge)
        with pytest.raises(ValueError, match="involved"):
            await api.inspect(nodes=NodeId("s", "a"))
        with pytest.raises(TypeError, match=r"^nodes must be"):
            await api.retrieve(nodes=5)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^edges must be"):
            await api.delete(edges=[("s",)])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="sources"):
            await api.retrieve(nodes=("s", "a"), sources=[5])
        with pytest.raises(TypeError, match="sort"):
            await api.list(sort=["name"])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="space"):
            await api.list(space=[1])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="query"):
            await api.query("q")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="aggregates"):
            await api.aggregate(VIEW, ["avg"])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="histograms"):
            await api.histogram(VIEW, Avg("x"))  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="operator"):
            await api.search(VIEW, "x", operator="XOR")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="chunk_size"):
            api(chunk_size=0)
        assert fake.requests == []
        assert (await api.apply()).nodes.data == []
        assert fake.requests == []


class TestReadAndDelete:
    async def test_retrieve_by_ids(self, client: AsyncCogniteClient, fake: FakeDMS) -> None:
        fake.handlers["/byids"] = lambda body: httpx.Response(
            200, json={"items": [node_json("a", name="x"), edge_json("e")]}
        )
        res = await client.data_modeling.instances.retrieve(
            nodes=[("s", "a"), NodeId("s", "b")], edges=EdgeId("s", "e"), sources=[VIEW]
        )
        assert res.nodes.as_ids() == [NodeId("s", "a")] and res.edges.as_ids() == [EdgeId("s", "e")]
        (body,) = fake.calls("/byids")
        assert body["items"] == [
            {"space": "s", "externalId": "a", "instanceType": "node"},
            {"space": "s", "externalId": "b", "instanceType": "node"},
            {"space": "s", "externalId": "e", "instanceType": "edge"},
        ]
        assert body["sources"] == [{"source": VIEW.dump()}]

    async def test_retrieve_nodes_single_missing_and_typed(self, client: AsyncCogniteClient, fake: FakeDMS) -> None:
        api = client.data_modeling.instances
        fake.handlers["/byids"] = lambda body: httpx.Response(200, json={"items": []})
        assert await api.retrieve_nodes(("s", "missing")) is None
        raw = node_json("ada")
        raw["properties"] = {"s": {"Person/v1": {"name": "Ada"}}}
        fake.handlers["/byids"] = lambda body: httpx.Response(200, json={"items": [raw]})
        person = await api.retrieve_nodes(NodeId("s", "ada"), node_cls=Person)
        assert isinstance(person, Person) and person.name == "Ada"
        assert fake.calls("/byids")[-1]["sources"] == [{"source": ViewId("s", "Person", "v1").dump()}]
        many = await api.retrieve_nodes([("s", "ada")], node_cls=Person)
        assert isinstance(many, NodeList) and isinstance(many[0], Person)

    async def test_delete(self, client: AsyncCogniteClient, fake: FakeDMS) -> None:
        fake.handlers["/delete"] = lambda body: httpx.Response(200, json={"items": body["items"]})
        res = await client.data_modeling.instances.delete(nodes=[("s", f"n{i}") for i in range(1500)], edges=("s", "e"))
        assert len(res.nodes) == 1500 and res.edges == [EdgeId("s", "e")]
        assert [len(b["items"]) for b in fake.calls("/delete")] == [1000, 501]

    async def test_list_follows_cursors_to_the_limit(self, client: AsyncCogniteClient, fake: FakeDMS) -> None:
        def page(body: dict[str, Any]) -> httpx.Response:
            start = int(body.get("cursor") or 0)
            items = [node_json(f"n{i}") for i in range(start, min(start + body["limit"], 2500))]
            out: dict[str, Any] = {"items": items}
            if start + len(items) < 2500:
                out["nextCursor"] = str(start + len(items))
            return httpx.Response(200, json=out)

        fake.handlers["/list"] = page
        api = client.data_modeling.instances
        nodes = await api.list(limit=None, space=["s", "t"], filter=HasData(views=[VIEW]), sources=VIEW,
                               sort=InstanceSort(["node", "externalId"]), include_typing=True)  # fmt: skip
        assert len(nodes) == 2500 and isinstance(nodes, NodeList)
        first = fake.calls("/list")[0]
        assert first["filter"] == {"and": [{"in": {"property": ["node", "space"], "values": ["s", "t"]}},
                                           HasData(views=[VIEW]).dump()]}  # fmt: skip
        assert first["sort"] == [{"property": ["node", "externalId"], "direction": "ascending"}]
        assert first["includeTyping"] is True and first["limit"] == 1000
        assert len(await api.list(limit=1200)) == 1200
        assert fake.calls("/list")[-1]["limit"] == 200

    async def test_list_keeps_debug_notices(self, client: AsyncCogniteClient, fake: FakeDMS) -> None:
        notice = {"code": "excessiveTimeout", "category": "cursoring", "level": "warning", "hint": "h", "timeout": 9}
        fake.handlers["/list"] = lambda body: httpx.Response(
            200, json={"items": [node_json("a")], "debug": {"notices": [notice]}}
        )
        nodes = await client.data_modeling.instances.list(debug=DebugParameters(timeout=9))
        assert isinstance(nodes.debug, DebugInfo) and nodes.debug.notices[0].timeout == 9
        assert fake.calls("/list")[0]["debug"] == {"emitResults": True, "timeout": 9, "profile": False}

    async def test_iterate_in_chunks(self, client: AsyncCogniteClient, fake: FakeDMS) -> None:
        fake.handlers["/list"] = lambda body: httpx.Response(
            200, json={"items": [edge_json(f"e{i}") for i in range(5)]}
        )
        api = client.data_modeling.instances
        chunks = [c async for c in api(chunk_size=2, instance_type="edge")]
        assert [len(c) for c in chunks] == [2, 2, 1] and all(isinstance(c, EdgeList) for c in chunks)
        assert fake.calls("/list")[0]["limit"] == 2
        one_by_one = [e async for e in api(instance_type="edge", limit=3)]
        assert [e.external_id for e in one_by_one] == ["e0", "e1", "e2"]


class TestSearchAggregateQuery:
    async def test_search(self, client: AsyncCogniteClient, fake: FakeDMS) -> None:
        fake.handlers["/search"] = lambda body: httpx.Response(200, json={"items": [node_json("a")]})
        res = await client.data_modeling.instances.search(
            VIEW, "pump", properties=["name"], space="s", limit=None, operator="AND",
            target_units=[TargetUnit("t", UnitReference("temperature:deg_c"))],
        )  # fmt: skip
        assert res.as_ids() == [NodeId("s", "a")]
        (body,) = fake.calls("/search")
        assert body["view"] == VIEW.dump() and body["limit"] == 1000 and body["operator"] == "AND"
        assert body["filter"] == {"equals": {"property": ["node", "space"], "value": "s"}}
        assert body["targetUnits"] == [{"property": "t", "unit": {"externalId": "temperature:deg_c"}}]

    async def test_aggregate_and_histogram(self, client: AsyncCogniteClient, fake: FakeDMS) -> None:
        fake.handlers["/aggregate"] = lambda body: httpx.Response(200, json={"items": [{
            "instanceType": "node", "aggregates": [{"aggregate": "avg", "property": "flow", "value": 2.5},
                                                   {"aggregate": "count", "property": "flow", "value": 4}]}]})  # fmt: skip
        api = client.data_modeling.instances
        single = await api.aggregate(VIEW, Avg("flow"))
        assert isinstance(single, AvgValue) and single.value == 2.5
        both = await api.aggregate(VIEW, [Avg("flow"), Count("flow")], query="p", properties="name")
        assert [a.value for a in both] == [2.5, 4]
        body = fake.calls("/aggregate")[-1]
        assert body["aggregates"] == [{"avg": {"property": "flow"}}, {"count": {"property": "flow"}}]
        assert body["query"] == "p" and body["properties"] == ["name"] and body["limit"] == 25
        fake.handlers["/aggregate"] = lambda body: httpx.Response(200, json={"items": [
            {"instanceType": "node", "group": {"site": "a"}, "aggregates": [{"aggregate": "count", "property": "x",
                                                                              "value": 1}]}]})  # fmt: skip
        grouped = await api.aggregate(VIEW, Count("x"), group_by="site")
        assert isinstance(grouped, InstanceAggregationResultList) and grouped[0].group == {"site": "a"}
        fake.handlers["/aggregate"] = lambda body: httpx.Response(200, json={"items": [{"instanceType": "node",
            "aggregates": [{"aggregate": "histogram", "property": "x", "interval": 5.0,
                            "buckets": [{"start": 0.0, "count": 2}]}]}]})  # fmt: skip
        hist = await api.histogram(VIEW, Histogram("x", 5))
        assert isinstance(hist, HistogramValue) and hist.buckets.counts == [2]

    async def test_query_sync_and_inspect(self, client: AsyncCogniteClient, fake: FakeDMS) -> None:
        fake.handlers["/query"] = lambda body: httpx.Response(200, json={
            "items": {"n": [node_json("a")], "e": []}, "nextCursor": {"n": "c1"}})  # fmt: skip
        api = client.data_modeling.instances
        q = Query(with_={"n": NodeResultSetExpression(), "e": EdgeResultSetExpression(from_="n")},
                  select={"n": Select(), "e": Select()})  # fmt: skip
        res = await api.query(q, include_typing=True, debug=DebugParameters(timeout=100))
        assert res.get_nodes("n").cursor == "c1" and len(res.get_edges("e")) == 0
        body = fake.calls("/query")[0]
        assert body["includeTyping"] is True and body["debug"] == {
            "emitResults": True,
            "timeout": 100,
            "profile": False,
        }
        fake.handlers["/sync"] = lambda body: httpx.Response(200, json={"items": {"n": []}, "nextCursor": {"n": "s1"}})
        sq = QuerySync(with_={"n": NodeResultSetExpressionSync()}, select={"n": SelectSync()})
        assert (await api.sync(sq)).cursors == {"n": "s1"}
        with pytest.raises(TypeError, match="QuerySync"):
            await api.sync(q)  # type: ignore[arg-type]
        fake.handlers["/inspect"] = lambda body: httpx.Response(200, json={"items": [{
            "instanceType": "node", "space": "s", "externalId": "a",
            "inspectionResults": {"involvedViews": [VIEW.dump()]}}]})  # fmt: skip
        inspected = await api.inspect(nodes=[NodeId("s", "a")], involved_views=InvolvedViews(all_versions=True))
        assert inspected.nodes[0].inspection_results.involved_views == [VIEW]
        assert fake.calls("/inspect")[0]["inspectionOperations"] == {"involvedViews": {"allVersions": True}}


def test_sync_client_has_the_same_methods(config: ClientConfig, fake: FakeDMS) -> None:
    fake.handlers[""] = applied
    with CogniteClient(config, transport=httpx.MockTransport(fake.handle)) as client:
        res = client.data_modeling.instances.apply(NodeApply("s", "a"))
        assert res.nodes.as_ids() == [NodeId("s", "a")]


async def test_subscribe_calls_back_with_changes_and_stops_on_errors(client: AsyncCogniteClient, fake: FakeDMS) -> None:
    answers = iter([{"items": {"n": [node_json("a")]}, "nextCursor": {"n": "c1"}}])

    def answer(body: dict[str, Any]) -> httpx.Response:
        return httpx.Response(200, json=next(answers, {"items": {"n": []}, "nextCursor": {"n": "c2"}}))

    fake.handlers["/sync"] = answer
    api = client.data_modeling.instances
    seen: list[list[NodeId]] = []
    q = QuerySync(with_={"n": NodeResultSetExpressionSync()}, select={"n": SelectSync()})
    ctx = await api.subscribe(
        q, lambda res: seen.append(res["n"].as_ids()), poll_delay_seconds=0.001, throttle_seconds=0
    )
    while len(fake.calls("/sync")) < 3:
        await asyncio.sleep(0.001)
    assert seen == [[NodeId("s", "a")]] and ctx.is_alive() and q.cursors == {"n": "c2"}
    assert fake.calls("/sync")[1]["cursors"] == {"n": "c1"}
    ctx.cancel()
    while ctx.is_alive():
        await asyncio.sleep(0.001)
    assert ctx.error is None

    fake.handlers["/sync"] = lambda body: httpx.Response(400, json={"error": {"code": 400, "message": "expired"}})
    failing = await api.subscribe(q, lambda res: None, poll_delay_seconds=0.001)
    while failing.is_alive():
        await asyncio.sleep(0.001)
    assert isinstance(failing.error, CogniteAPIError) and failing.error.code == 400
    with pytest.raises(ValueError, match="poll_delay_seconds"):
        await api.subscribe(q, lambda res: None, poll_delay_seconds=-1)
