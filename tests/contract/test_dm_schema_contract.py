"""Contract tests: every request the data-modeling schema APIs (spaces, containers, views, data models,
statistics) send validates against the CDF OpenAPI spec; each method is called with every parameter it has."""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes.data_modeling import (
    Boolean,
    BTreeIndexApply,
    ContainerApply,
    ContainerId,
    ContainerProperty,
    DataModelApply,
    DataModelId,
    Date,
    DirectRelation,
    DirectRelationReference,
    FileReference,
    Float32,
    Float64,
    Int32,
    Int64,
    InvertedIndexApply,
    Json,
    MappedPropertyApply,
    MultiEdgeConnectionApply,
    MultiReverseDirectRelationApply,
    PropertyId,
    RequiresConstraintApply,
    SequenceReference,
    SingleEdgeConnectionApply,
    SingleReverseDirectRelationApply,
    SpaceApply,
    Text,
    TimeSeriesReference,
    Timestamp,
    UniquenessConstraintApply,
    ViewApply,
    ViewId,
)
from cognite.client.data_classes.data_modeling.data_types import Enum, EnumValue, UnitReference
from cognite.client.data_classes.filters import Equals, HasData
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

STAMP = {"createdTime": 1, "lastUpdatedTime": 2, "isGlobal": False}
PROP = {
    "container": {"type": "container", "space": "s", "externalId": "C"},
    "containerPropertyIdentifier": "p",
    "type": {"type": "text", "list": False, "collation": "ucs_basic"},
    "nullable": True,
    "immutable": False,
    "autoIncrement": False,
    "constraintState": {},
}
CONTAINER = {
    "space": "s",
    "externalId": "C",
    "usedFor": "node",
    "properties": {"p": {k: v for k, v in PROP.items() if k not in ("container", "containerPropertyIdentifier")}},
    **STAMP,
}
VIEW = {
    "space": "s",
    "externalId": "V",
    "version": "1",
    "properties": {"p": PROP},
    "writable": True,
    "queryable": True,
    "usedFor": "node",
    "mappedContainers": [{"type": "container", "space": "s", "externalId": "C"}],
    "implements": [],
    **STAMP,
}
MODEL = {"space": "s", "externalId": "M", "version": "1", "views": [{"type": "view", "space": "s",
         "externalId": "V", "version": "1"}], **STAMP}  # fmt: skip
COUNT = {"count": 1, "limit": 10}
SPACE_STATS = {"space": "s", "containers": 1, "views": 1, "dataModels": 1, "edges": 0, "softDeletedEdges": 0,
               "nodes": 0, "softDeletedNodes": 0}  # fmt: skip


class SchemaCDF(SpecCheckedCDF):
    """Answers the schema endpoints with canned valid bodies (deletes echo what they were asked)."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if template == "/models/statistics":
            return 200, {"spaces": COUNT, "containers": COUNT, "views": COUNT, "dataModels": COUNT,
                         "containerProperties": COUNT, "concurrentReadLimit": 1, "concurrentWriteLimit": 1,
                         "concurrentDeleteLimit": 1,
                         "instances": {"edges": 0, "softDeletedEdges": 0, "nodes": 0, "softDeletedNodes": 0,
                                       "instances": 0, "instancesLimit": 1, "softDeletedInstances": 0,
                                       "softDeletedInstancesLimit": 1}}  # fmt: skip
        if template.startswith("/models/statistics/spaces"):
            return 200, {"items": [SPACE_STATS]}
        if template.endswith("/delete"):
            return 200, {"items": body["items"]}
        kind = template.split("/")[2]
        item = {"spaces": {"space": "s", **STAMP}, "containers": CONTAINER, "views": VIEW, "datamodels": MODEL}[kind]
        if template.endswith("/byids") or method == "POST":
            return 200, {"items": [item] * len(body["items"])}
        return 200, {"items": [item], "nextCursor": "c"} if "cursor" not in query else {"items": [item]}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> SchemaCDF:
    return SchemaCDF(spec)


async def test_every_schema_request_matches_the_spec(client: AsyncCogniteClient, cdf: SchemaCDF) -> None:
    dm = client.data_modeling
    await dm.spaces.apply([SpaceApply("s", description="d", name="n"), SpaceApply("t")])
    await dm.spaces.retrieve(["s", "t"])
    await dm.spaces.retrieve("s")
    await dm.spaces.delete(["s"])
    await dm.spaces.list(limit=None, include_global=True)
    _ = [s async for s in dm.spaces(chunk_size=10, limit=5)]

    every_type = {
        "text": ContainerProperty(Text(is_list=True, max_list_size=5, collation="en", max_text_size=100)),
        "bool": ContainerProperty(Boolean, nullable=False, default_value=True),
        "f32": ContainerProperty(Float32(unit=UnitReference("a:b", "b"))),
        "f64": ContainerProperty(Float64(is_list=True)),
        "i32": ContainerProperty(Int32, immutable=True),
        "i64": ContainerProperty(Int64, auto_increment=True, name="n", description="d"),
        "ts": ContainerProperty(Timestamp),
        "date": ContainerProperty(Date),
        "json": ContainerProperty(Json, default_value={"a": 1}),
        "tsref": ContainerProperty(TimeSeriesReference),
        "file": ContainerProperty(FileReference),
        "seq": ContainerProperty(SequenceReference(is_list=True)),
        "rel": ContainerProperty(DirectRelation(container=ContainerId("s", "D"))),
        "enum": ContainerProperty(Enum({"a": EnumValue("A", "the a"), "b": EnumValue()}, unknown_value="a")),
    }
    container = ContainerApply(
        "s", "C", every_type, description="d", name="n", used_for="all",
        constraints={"req": RequiresConstraintApply(ContainerId("s", "D")),
                     "uniq": UniquenessConstraintApply(["text"], by_space=True)},
        indexes={"bt": BTreeIndexApply(["text"], cursorable=True, by_space=True), "inv": InvertedIndexApply(["f64"])},
    )  # fmt: skip
    await dm.containers.apply(container)
    await dm.containers.retrieve([ContainerId("s", "C"), ("s", "D")])
    await dm.containers.delete(("s", "C"))
    await dm.containers.delete_constraints([(ContainerId("s", "C"), "req")])
    await dm.containers.delete_indexes([(ContainerId("s", "C"), "bt")])
    await dm.containers.list(space="s", limit=3, include_global=True, used_for=["node", "edge"])
    _ = [c async for c in dm.containers(chunk_size=2, space="s", include_global=True, used_for="all", limit=1)]

    v = ViewId("s", "V", "1")
    view = ViewApply(
        "s", "V", "1", description="d", name="n", filter=HasData(containers=[ContainerId("s", "C")]) & Equals(
            ("s", "C", "text"), "x"), implements=[ViewId("s", "Base", "1")],
        properties={
            "p": MappedPropertyApply(ContainerId("s", "C"), "text", name="n", description="d"),
            "rel": MappedPropertyApply(ContainerId("s", "C"), "rel", source=v),
            "edges": MultiEdgeConnectionApply(DirectRelationReference("s", "t"), v, "n", "d", v, "inwards"),
            "edge": SingleEdgeConnectionApply(("s", "t"), v),
            "back": MultiReverseDirectRelationApply(v, PropertyId(v, "rel"), "n", "d"),
            "one": SingleReverseDirectRelationApply(v, PropertyId(ContainerId("s", "C"), "rel")),
        },
    )  # fmt: skip
    await dm.views.apply([view])
    await dm.views.retrieve([v, ("s", "V")], include_inherited_properties=False, all_versions=False)
    await dm.views.delete(v)
    await dm.views.list(limit=None, space="s", include_inherited_properties=False, all_versions=True,
                        include_global=True)  # fmt: skip
    await dm.views.list(limit=5, used_for="node")
    _ = [x async for x in dm.views(chunk_size=1, limit=1, space="s", include_inherited_properties=True,
                                   all_versions=False, include_global=False, used_for=["node"])]  # fmt: skip

    await dm.data_models.apply(DataModelApply("s", "M", "1", "d", "n", views=[v, view]))
    await dm.data_models.retrieve(DataModelId("s", "M", "1"), inline_views=True)
    await dm.data_models.retrieve([("s", "M")])
    await dm.data_models.delete(("s", "M", "1"))
    await dm.data_models.list(inline_views=True, limit=None, space="s", all_versions=True, include_global=True)
    _ = [m async for m in dm.data_models(chunk_size=5, limit=2, space="s", inline_views=False, all_versions=False,
                                         include_global=True)]  # fmt: skip

    await dm.statistics.project()
    await dm.statistics.spaces.list()
    await dm.statistics.spaces.retrieve("s")
    await dm.statistics.spaces.retrieve(["s", "t"])

    assert cdf.errors == []
    templates = {(r.method, r.template) for r in cdf.requests}
    assert len(templates) == 21, sorted(templates, key=str)
