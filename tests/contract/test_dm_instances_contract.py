"""Contract tests: every request the data-modeling Instances API sends validates against the CDF OpenAPI spec."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes.aggregations import Avg, Count, Histogram
from cognite.client.data_classes.data_modeling.debug import DebugParameters
from cognite.client.data_classes.data_modeling.ids import ContainerId, EdgeId, NodeId, ViewId
from cognite.client.data_classes.data_modeling.instances import (
    EdgeApply,
    InstanceSort,
    InvolvedContainers,
    InvolvedViews,
    NodeApply,
    NodeOrEdgeData,
    TargetUnit,
    UnitReference,
    UnitSystemReference,
)
from cognite.client.data_classes.data_modeling.query import (
    EdgeResultSetExpression,
    EdgeResultSetExpressionSync,
    NodeResultSetExpression,
    NodeResultSetExpressionSync,
    Query,
    QuerySync,
    Select,
    SelectSync,
    SourceSelector,
    Union,
)
from cognite.client.data_classes.filters import (
    And,
    Equals,
    HasData,
    In,
    InstanceReferences,
    MatchAll,
    Nested,
    Not,
    Overlaps,
    ParameterValue,
    Prefix,
    Range,
)
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

VIEW = ViewId("s", "Pump", "v1")
NODE = {"instanceType": "node", "space": "s", "externalId": "a", "version": 1, "createdTime": 1, "lastUpdatedTime": 1}
EDGE = {
    **NODE, "instanceType": "edge", "externalId": "e", "type": {"space": "s", "externalId": "t"},
    "startNode": {"space": "s", "externalId": "a"}, "endNode": {"space": "s", "externalId": "b"},
}  # fmt: skip


class InstancesCDF(SpecCheckedCDF):
    """Answers instance requests with canned valid bodies."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if template == "/models/instances":
            items = [
                {**{k: i[k] for k in ("instanceType", "space", "externalId")}, "version": 1, "wasModified": True,
                 "createdTime": 1, "lastUpdatedTime": 1}
                for i in body["items"]
            ]  # fmt: skip
            return 200, {"items": items, "deleted": []}
        if template.endswith("/delete"):
            return 200, {"items": body["items"]}
        if template.endswith("/aggregate"):
            aggs = [
                {"aggregate": "histogram", "property": "x", "interval": 1.0, "buckets": [{"start": 0.0, "count": 1}]}
                if "histogram" in a else {"aggregate": next(iter(a)), "property": "x", "value": 1.0}
                for a in body["aggregates"]
            ]  # fmt: skip
            return 200, {"items": [{"instanceType": "node", "aggregates": aggs}]}
        if template.endswith("/inspect"):
            return 200, {"items": [{"instanceType": "node", "space": "s", "externalId": "a", "inspectionResults": {}}]}
        if template.endswith(("/query", "/sync")):
            return 200, {"items": {name: [] for name in body["select"]}, "nextCursor": {}}
        return 200, {"items": [NODE if body.get("instanceType", "node") == "node" else EDGE]}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> InstancesCDF:
    return InstancesCDF(spec)


async def test_every_instances_request_matches_the_spec(client: AsyncCogniteClient, cdf: InstancesCDF) -> None:
    api = client.data_modeling.instances
    when = datetime(2024, 5, 1, tzinfo=timezone.utc)
    await api.apply(
        nodes=[
            NodeApply("s", "a", sources=[NodeOrEdgeData(VIEW, {"name": "x", "at": when, "day": date(2024, 1, 1),
                                                               "site": NodeId("s", "b"), "gone": None,
                                                               "tags": ["a"], "doc": {"k": [1, None]}})],
                      type=("s", "Pump")),
            NodeApply("s", "b", existing_version=0, sources=[NodeOrEdgeData(ContainerId("s", "Box"), {"n": 1})]),
        ],
        edges=EdgeApply("s", "e", ("s", "t"), ("s", "a"), ("s", "b"), sources=[NodeOrEdgeData(VIEW, {"w": 1.5})]),
        auto_create_start_nodes=True, auto_create_end_nodes=True, auto_create_direct_relations=False,
        skip_on_version_conflict=True, replace=True,
    )  # fmt: skip
    await api.retrieve(nodes=[("s", "a")], edges=EdgeId("s", "e"), sources=[VIEW], include_typing=True)
    await api.retrieve_nodes(
        NodeId("s", "a"), sources=SourceSelector(VIEW, ["name"], [TargetUnit("t", UnitSystemReference("SI"))])
    )
    await api.retrieve_edges([EdgeId("s", "e")])
    flt = And(
        Equals(VIEW.as_property_ref("name"), "x"),
        In(["node", "externalId"], ["a", "b"]),
        Range(VIEW.as_property_ref("n"), gte=1, lt=5),
        Prefix(["node", "externalId"], "a"),
        HasData(views=[VIEW], containers=[ContainerId("s", "Box")]),
        Nested(VIEW.as_property_ref("site"), Equals(["node", "externalId"], "b")),
        InstanceReferences([NodeId("s", "a")]),
        Overlaps(VIEW.as_property_ref("start"), VIEW.as_property_ref("end"), gt=1, lte=9),
        Not(MatchAll()),
        Equals(VIEW.as_property_ref("site"), {"space": "s", "externalId": "b"}),
    )
    sort = [InstanceSort(VIEW.as_property_ref("name"), "descending", nulls_first=True)]
    await api.list(space="s", filter=flt, sort=sort, sources=[VIEW], limit=5, include_typing=True,
                   debug=DebugParameters(timeout=1000))  # fmt: skip
    await api.list(instance_type="edge", space=["s", "t"], limit=None)
    _ = [n async for n in api(chunk_size=2, sources=VIEW)]
    await api.search(VIEW, "pump", properties=["name"], filter=flt, space="s", limit=10, sort=sort, operator="AND",
                     target_units=[TargetUnit("t", UnitReference("temperature:deg_c"))], include_typing=True)  # fmt: skip
    await api.search(VIEW, instance_type="edge")
    await api.aggregate(VIEW, [Avg("x"), Count("x")], group_by=["site"], query="p", properties=["name"], space="s",
                        filter=flt, limit=10)  # fmt: skip
    await api.histogram(VIEW, [Histogram("x", 1)], instance_type="edge")
    await api.inspect(nodes=NodeId("s", "a"), edges=[EdgeId("s", "e")], involved_views=InvolvedViews(),
                      involved_containers=InvolvedContainers())  # fmt: skip
    query = Query(
        with_={
            "pumps": NodeResultSetExpression(filter=Equals(VIEW.as_property_ref("name"), ParameterValue("n")),
                                             sort=sort, limit=10),
            "sites": NodeResultSetExpression(from_="pumps", through=VIEW.as_property_ref("site"), direction="inwards"),
            "flows": EdgeResultSetExpression(from_="pumps", direction="inwards", max_distance=3, limit_each=2,
                                             node_filter=HasData(views=[VIEW]), termination_filter=MatchAll(),
                                             post_sort=sort, chain_to="source"),
            "ends": NodeResultSetExpression(from_="flows"),
            "both": Union(["pumps", "sites"], except_=["ends"], limit=10),
        },
        select={"pumps": Select([SourceSelector(VIEW, ["name"])], sort=sort, limit=5), "flows": Select(),
                "both": Select([VIEW])},
        parameters={"n": "x"},
        cursors={"pumps": "c1"},
    )  # fmt: skip
    await api.query(query, include_typing=True, debug=DebugParameters(profile=True))
    sync = QuerySync(
        with_={"n": NodeResultSetExpressionSync(filter=HasData(views=[VIEW]), limit=100, sync_mode="twoPhase",
                                                backfill_sort=[InstanceSort(["node", "externalId"])]),
               "e": EdgeResultSetExpressionSync(from_="n", skip_already_deleted=False, max_distance=1)},
        select={"n": SelectSync([SourceSelector(VIEW)]), "e": SelectSync()},
        cursors={"n": "c"},
        allow_expired_cursors_and_accept_missed_deletes=True,
    )  # fmt: skip
    await api.sync(sync, include_typing=True)
    await api.delete(nodes=[("s", "a")], edges=EdgeId("s", "e"))
    assert cdf.errors == []
    templates = {t for _, t in cdf.seen}
    assert {t for t in cdf.spec.raw["paths"] if t.startswith("/models/instances")} == templates
