"""End to end: the data-modeling Instances API against the emulator over real loopback HTTP (spec-validated), with a
fault drill and the docstring examples."""

from __future__ import annotations

import asyncio
import doctest
from collections.abc import Iterator

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient, global_config
from cognite.client.credentials import Token
from cognite.client.data_classes.aggregations import Avg, Count, Histogram
from cognite.client.data_classes.data_modeling import SpaceApply
from cognite.client.data_classes.data_modeling.ids import EdgeId, NodeId, ViewId
from cognite.client.data_classes.data_modeling.instances import (
    DirectRelationReference,
    EdgeApply,
    InstanceSort,
    NodeApply,
    NodeList,
    NodeOrEdgeData,
    TypedNode,
)
from cognite.client.data_classes.data_modeling.query import (
    EdgeResultSetExpression,
    NodeResultSetExpression,
    NodeResultSetExpressionSync,
    Query,
    QuerySync,
    Select,
    SelectSync,
    SourceSelector,
)
from cognite.client.data_classes.filters import And, Equals, HasData, Nested, Prefix, Range
from cognite.client.exceptions import CogniteAPIError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e

VIEW = ViewId("plant", "Pump", "v1")


@pytest.fixture
def client(config: ClientConfig) -> Iterator[CogniteClient]:
    with CogniteClient(config) as c:
        c.data_modeling.spaces.apply([SpaceApply("plant"), SpaceApply("s")])
        yield c


@pytest.fixture
def fast_retries() -> Iterator[None]:
    before = (global_config.max_retry_backoff, global_config.max_retries)
    global_config.max_retry_backoff = 0
    yield
    global_config.max_retry_backoff, global_config.max_retries = before


def pump(i: int) -> NodeApply:
    site = DirectRelationReference("plant", "oslo" if i % 2 else "bergen")
    return NodeApply(
        "plant", f"pump{i:05}", sources=[NodeOrEdgeData(VIEW, {"name": f"pump {i}", "flow": i, "site": site})]
    )


def test_apply_10k_nodes_then_list_retrieve_and_delete(client: CogniteClient, emulator: CDFEmulator) -> None:
    api = client.data_modeling.instances
    applied = api.apply([pump(i) for i in range(10_000)])
    assert len(applied.nodes) == 10_000 and {r.version for r in applied.nodes} == {1}
    assert emulator.counters.by_route["POST /models/instances"] >= 10

    everything = api.list(space="plant", filter=HasData(views=[VIEW]), limit=None)
    assert isinstance(everything, NodeList) and len(everything) == 10_000
    big = api.list(filter=Range(VIEW.as_property_ref("flow"), gte=9_990), sources=VIEW, limit=None,
                   sort=InstanceSort(VIEW.as_property_ref("flow"), "descending"))  # fmt: skip
    assert [n["flow"] for n in big] == list(range(9_999, 9_989, -1))
    chunks = list(api(chunk_size=3_000, space="plant", filter=HasData(views=[VIEW])))
    assert [len(c) for c in chunks] == [3_000, 3_000, 3_000, 1_000]
    first = next(iter(api(space="plant", filter=Prefix(["node", "externalId"], "pump0000"), sources=[VIEW])))
    assert first.properties[VIEW]["name"] == "pump 0"

    in_oslo = api.list(filter=And(HasData(views=[VIEW]), Equals(VIEW.as_property_ref("site"), {"space": "plant",
                       "externalId": "oslo"})), limit=None)  # fmt: skip
    assert len(in_oslo) == 5_000
    got = api.retrieve_nodes([("plant", "pump00007"), ("plant", "nope")], sources=VIEW, include_typing=True)
    assert [n["site"] for n in got] == [{"space": "plant", "externalId": "oslo"}]
    assert got.typing is not None and "Pump/v1" in got.typing["plant"]

    deleted = api.delete(nodes=[n.as_id() for n in everything])
    assert len(deleted.nodes) == 10_000
    assert len(api.list(space="plant", filter=HasData(views=[VIEW]), limit=None)) == 0
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_versions_edges_and_auto_create(client: CogniteClient, emulator: CDFEmulator) -> None:
    api = client.data_modeling.instances
    api.apply(NodeApply("s", "a", sources=[NodeOrEdgeData(VIEW, {"n": 1})]))
    again = api.apply(NodeApply("s", "a", sources=[NodeOrEdgeData(VIEW, {"n": 1})]))
    assert again.nodes[0].was_modified is False and again.nodes[0].version == 1
    with pytest.raises(CogniteAPIError) as err:
        api.apply(NodeApply("s", "a", existing_version=0))
    assert err.value.code == 409 and err.value.failed == [NodeApply("s", "a", existing_version=0)]
    skipped = api.apply(NodeApply("s", "a", existing_version=0), skip_on_version_conflict=True)
    assert len(skipped.nodes) == 0

    with pytest.raises(CogniteAPIError):
        api.apply(edges=EdgeApply("s", "e", ("s", "flows"), ("s", "a"), ("s", "b")))
    api.apply(edges=EdgeApply("s", "e", ("s", "flows"), ("s", "a"), ("s", "b")), auto_create_end_nodes=True)
    assert api.retrieve(nodes=("s", "b"), edges=EdgeId("s", "e")).edges[0].end_node.external_id == "b"
    deleted = api.delete(nodes=NodeId("s", "b"))
    assert deleted.nodes == [NodeId("s", "b")]
    assert api.retrieve_edges(("s", "e")) is None  # the edge went with its end node
    assert emulator.spec_violations == []


def test_edges_between_nodes_of_other_chunks(client: CogniteClient) -> None:
    nodes = [NodeApply("s", f"n{i}") for i in range(2_500)]
    edges = [EdgeApply("s", f"e{i}", ("s", "next"), ("s", f"n{i}"), ("s", f"n{2_499 - i}")) for i in range(600)]
    res = client.data_modeling.instances.apply(nodes, edges)  # no auto-create: the nodes are written first
    assert len(res.nodes) == 2_500 and len(res.edges) == 600
    assert len(client.data_modeling.instances.list(instance_type="edge", limit=None)) == 600


class Pump(TypedNode):
    def __init__(
        self,
        space: str,
        external_id: str,
        version: int,
        last_updated_time: int,
        created_time: int,
        name: str,
        flow: int | None = None,
        site: DirectRelationReference | None = None,
        type: DirectRelationReference | None = None,
        deleted_time: int | None = None,
    ) -> None:
        super().__init__(space, external_id, version, last_updated_time, created_time, deleted_time, type)
        self.name = name
        self.flow = flow
        self.site = site

    @classmethod
    def get_source(cls) -> ViewId:
        return VIEW


def test_typed_nodes_search_and_aggregates(client: CogniteClient) -> None:
    api = client.data_modeling.instances
    api.apply([pump(i) for i in range(20)])
    typed = api.retrieve_nodes([("plant", "pump00003")], node_cls=Pump)
    assert isinstance(typed[0], Pump) and typed[0].site == DirectRelationReference("plant", "oslo")
    listed = api.list(instance_type=Pump, filter=HasData(views=[VIEW]), limit=5)
    assert len(listed) == 5 and all(isinstance(p, Pump) and p.name.startswith("pump") for p in listed)
    assert all(isinstance(p, Pump) for chunk in api(chunk_size=7, instance_type=Pump, filter=HasData(views=[VIEW]))
               for p in chunk)  # fmt: skip
    found = api.search(VIEW, "pump 7", instance_type=Pump, limit=3)
    assert isinstance(found[0], Pump) and found[0].name == "pump 7"
    assert api.aggregate(VIEW, Count("name")).value == 20
    per_site = api.aggregate(VIEW, [Avg("flow")], group_by="site")
    assert sorted(r.aggregates[0].value for r in per_site) == [9.0, 10.0]
    assert api.histogram(VIEW, Histogram("flow", 10)).buckets.counts == [10, 10]


def test_query_and_sync(client: CogniteClient) -> None:
    api = client.data_modeling.instances
    api.apply(
        nodes=[pump(1), pump(2), NodeApply("plant", "oslo", sources=[NodeOrEdgeData(VIEW, {"name": "Oslo"})])],
        edges=[EdgeApply("plant", "p1-p2", ("plant", "feeds"), ("plant", "pump00001"), ("plant", "pump00002"))],
    )
    query = Query(
        with_={
            "pumps": NodeResultSetExpression(filter=Prefix(["node", "externalId"], "pump")),
            "feeds": EdgeResultSetExpression(from_="pumps", direction="outwards", max_distance=1),
            "fed": NodeResultSetExpression(from_="feeds"),
            "sites": NodeResultSetExpression(from_="pumps", through=VIEW.as_property_ref("site")),
        },
        select={"pumps": Select([SourceSelector(VIEW, ["flow"])], sort=[InstanceSort(["node", "externalId"])]),
                "feeds": Select(), "fed": Select(), "sites": Select([VIEW])},
    )  # fmt: skip
    res = api.query(query)
    assert [n["flow"] for n in res.get_nodes("pumps")] == [1, 2]
    assert res.get_edges("feeds").as_ids() == [EdgeId("plant", "p1-p2")]
    assert [n.external_id for n in res["fed"]] == ["pump00002"]
    assert [n.external_id for n in res["sites"]] == ["oslo", "bergen"]  # bergen was auto-created, without properties
    assert res["sites"].get(instance_id=("plant", "oslo"))["name"] == "Oslo"
    nested = api.list(filter=Nested(VIEW.as_property_ref("site"), Equals(VIEW.as_property_ref("name"), "Oslo")))
    assert [n.external_id for n in nested] == ["pump00001"]

    sync = QuerySync(with_={"p": NodeResultSetExpressionSync(filter=HasData(views=[VIEW]), limit=2)},
                     select={"p": SelectSync([VIEW])})  # fmt: skip
    seen: list[str] = []
    while True:
        page = api.sync(sync)
        sync.cursors = page.cursors
        if not page["p"]:
            break
        seen += [n.external_id for n in page["p"]]
    assert sorted(seen) == ["oslo", "pump00001", "pump00002"]
    api.delete(nodes=("plant", "pump00002"))
    changes = api.sync(sync)["p"]
    assert [(n.external_id, n.deleted_time is not None) for n in changes] == [("pump00002", True)]


def test_sync_with_file_cache_resumes_from_its_backup(config: ClientConfig) -> None:
    def query() -> QuerySync:
        return QuerySync(with_={"p": NodeResultSetExpressionSync(filter=HasData(views=[VIEW]), limit=50)},
                         select={"p": SelectSync([VIEW])})  # fmt: skip

    async def main() -> tuple[list[str], list[str], int]:
        async with AsyncCogniteClient(config) as client:
            await client.data_modeling.spaces.apply(SpaceApply("plant"))
            api = client.data_modeling.instances
            await api.apply([pump(i) for i in range(120)])
            session = await api.sync_with_file_cache(query(), file_external_id="pump-cache", security_category=7,
                                                     backup_on_exit=True)  # fmt: skip
            async with session:
                await session.sync_until_live()
            await api.apply([pump(i) for i in range(120, 125)])
            await api.delete(nodes=("plant", "pump00000"))
            resumed = await api.sync_with_file_cache(query(), file_external_id="pump-cache", security_category=7)
            async with resumed:
                first = await resumed.sync()  # only what changed since the backup
                changed = sorted(n.external_id for n in first["p"])
                await resumed.sync_until_live()
                cached = [n.external_id for n in resumed.get_nodes("p")]
            backup = await client.files.retrieve(external_id="pump-cache")
            assert backup is not None and backup.security_categories == [7]
            return changed, cached, len(session.get_nodes("p"))

    changed, cached, first_session = asyncio.run(main())
    assert first_session == 120
    assert changed == ["pump00000", *(f"pump{i:05}" for i in range(120, 125))]
    assert len(cached) == 124 and "pump00000" not in cached


def test_async_client_concurrent_applies(config: ClientConfig) -> None:
    async def main() -> int:
        async with AsyncCogniteClient(config) as client:
            await client.data_modeling.spaces.apply(SpaceApply("plant"))
            api = client.data_modeling.instances
            await asyncio.gather(*(api.apply([pump(i) for i in range(k, 3_000, 3)]) for k in range(3)))
            return len([n async for n in api(space="plant", filter=HasData(views=[VIEW]))])

    assert asyncio.run(main()) == 3_000


def test_fault_drill_reads_retry_and_apply_reports_truthfully(fast_retries: None) -> None:
    emulator = CDFEmulator(seed=3)
    with emulator.serve() as server, CogniteClient(ClientConfig("e2e", "drill", Token("t"), base_url=server.url)) as c:
        c.data_modeling.spaces.apply(SpaceApply("plant"))
        c.data_modeling.instances.apply([pump(i) for i in range(3_000)])
        rule = emulator.faults.add(path="/models/instances/list", statuses={503: 0.3}, reset_after=0.1)
        chunks = c.data_modeling.instances(chunk_size=100, space="plant", filter=HasData(views=[VIEW]))
        listed = [n for chunk in chunks for n in chunk]
        assert rule.injected > 0 and len(listed) == 3_000
        emulator.faults.clear()
        emulator.faults.add(path="/models/instances", methods=["POST"], statuses={503: 1.0}, max_faults=1)
        with pytest.raises(CogniteAPIError) as err:
            c.data_modeling.instances.apply([pump(i) for i in range(3_000, 5_500)])
        assert len(err.value.unknown) == 1_000 and len(err.value.successful) == 1_500 and err.value.failed == []


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.data_modeling.instances as api_module
    import cognite.client.data_classes.data_modeling.debug as debug_module
    import cognite.client.data_classes.data_modeling.instances as classes_module
    import cognite.client.data_classes.data_modeling.query as query_module
    import cognite.client.data_classes.data_modeling.sync as sync_module

    for module in (api_module, classes_module, query_module, debug_module, sync_module):
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module) if t.examples]
        assert tests
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
