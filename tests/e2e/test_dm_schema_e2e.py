"""End to end: the data-modeling schema APIs (spaces, containers, views, data models, statistics) against the
emulator over real loopback HTTP, every request and response validated against the spec; docstring examples."""

from __future__ import annotations

import asyncio
import doctest
from collections.abc import Iterator

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes.data_modeling import (
    BTreeIndexApply,
    ContainerApply,
    ContainerId,
    ContainerList,
    ContainerProperty,
    DataModel,
    DataModelApply,
    DataModelId,
    DataModelList,
    DirectRelation,
    DirectRelationReference,
    Float64,
    Int64,
    InvertedIndexApply,
    MappedProperty,
    MappedPropertyApply,
    MultiEdgeConnection,
    MultiEdgeConnectionApply,
    MultiReverseDirectRelation,
    MultiReverseDirectRelationApply,
    PropertyId,
    RequiresConstraintApply,
    SingleEdgeConnectionApply,
    Space,
    SpaceApply,
    SpaceList,
    Text,
    Timestamp,
    UniquenessConstraintApply,
    View,
    ViewApply,
    ViewId,
    ViewList,
)
from cognite.client.data_classes.data_modeling.data_types import Enum, EnumValue, UnitReference
from cognite.client.data_classes.filters import Equals, HasData
from cognite.client.exceptions import CogniteAPIError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e

PUMP = ContainerId("plant", "Pump")
PUMP_VIEW = ViewId("plant", "Pump", "v1")


@pytest.fixture
def client(config: ClientConfig) -> Iterator[CogniteClient]:
    with CogniteClient(config) as c:
        yield c


def plant(client: CogniteClient) -> None:
    """A space, two containers and a pump view with every kind of property."""
    client.data_modeling.spaces.apply(SpaceApply("plant", name="Plant"))
    client.data_modeling.containers.apply(
        [
            ContainerApply(
                "plant",
                "Asset",
                {"name": ContainerProperty(Text), "tags": ContainerProperty(Text(is_list=True, max_list_size=10))},
            ),
            ContainerApply(
                "plant",
                "Pump",
                {
                    "serial": ContainerProperty(Text, nullable=False),
                    "pressure": ContainerProperty(Float64(unit=UnitReference("pressure:bar", "bar"))),
                    "installed": ContainerProperty(Timestamp()),
                    "count": ContainerProperty(Int64, auto_increment=True),
                    "state": ContainerProperty(Enum({"on": EnumValue("On"), "off": EnumValue()}, unknown_value="on")),
                    "parent": ContainerProperty(DirectRelation(container=ContainerId("plant", "Asset"))),
                },
                constraints={
                    "asset": RequiresConstraintApply(ContainerId("plant", "Asset")),
                    "uniqueSerial": UniquenessConstraintApply(["serial"]),
                },
                indexes={
                    "bySerial": BTreeIndexApply(["serial"], cursorable=True),
                    "byState": InvertedIndexApply(["state"]),
                },
            ),
        ]
    )
    client.data_modeling.views.apply(
        [
            ViewApply(
                "plant", "Asset", "v1", properties={"name": MappedPropertyApply(ContainerId("plant", "Asset"), "name")}
            ),
            ViewApply(
                "plant",
                "Pump",
                "v1",
                name="Pump",
                filter=HasData(containers=[PUMP]),
                implements=[ViewId("plant", "Asset", "v1")],
                properties={
                    "serialNumber": MappedPropertyApply(PUMP, "serial"),
                    "pressure": MappedPropertyApply(PUMP, "pressure"),
                    "parent": MappedPropertyApply(PUMP, "parent", source=PUMP_VIEW),
                    "children": MultiReverseDirectRelationApply(PUMP_VIEW, PropertyId(PUMP_VIEW, "parent")),
                    "feeds": MultiEdgeConnectionApply(DirectRelationReference("plant", "feeds"), PUMP_VIEW),
                    "owner": SingleEdgeConnectionApply(
                        ("plant", "owns"), ViewId("plant", "Asset", "v1"), direction="inwards"
                    ),
                },
            ),
        ]
    )


def test_spaces(client: CogniteClient, emulator: CDFEmulator) -> None:
    spaces = client.data_modeling.spaces
    one = spaces.apply(SpaceApply("plant", name="Plant"))
    assert isinstance(one, Space) and one.name == "Plant" and not one.is_global
    many = spaces.apply([SpaceApply(f"s{i}", description=f"space {i}") for i in range(12)])
    assert isinstance(many, SpaceList) and len(many) == 12
    again = spaces.apply(SpaceApply("plant", name="Plant"))
    assert again.last_updated_time == one.last_updated_time  # unchanged: not touched
    renamed = spaces.apply(one.as_write().__class__("plant", name="Plant 2"))
    assert renamed.name == "Plant 2" and renamed.created_time == one.created_time
    assert spaces.retrieve("plant").name == "Plant 2"  # type: ignore[union-attr]
    assert spaces.retrieve("missing") is None
    assert spaces.retrieve(["s1", "missing", "s2"]).as_ids() == ["s1", "s2"]
    assert len(spaces.list(limit=None)) == 13
    assert len(spaces.list(limit=5)) == 5
    assert "cdf_cdm" in spaces.list(limit=None, include_global=True).as_ids()
    assert "cdf_cdm" not in spaces.list(limit=None).as_ids()
    assert [len(c) for c in spaces(chunk_size=5)] == [5, 5, 3]
    assert len(list(spaces(limit=7))) == 7
    assert spaces.delete(["s0", "s1"]) == ["s0", "s1"]
    assert spaces.retrieve(["s0", "s1"]).as_ids() == []
    with pytest.raises(CogniteAPIError) as err:
        spaces.apply(SpaceApply("cdf_mine"))
    assert err.value.code == 400
    with pytest.raises(CogniteAPIError):
        spaces.delete("cdf_cdm")
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_containers(client: CogniteClient, emulator: CDFEmulator) -> None:
    plant(client)
    containers = client.data_modeling.containers
    pump = containers.retrieve(PUMP)
    assert pump is not None and pump.used_for == "node" and not pump.is_global
    assert pump.properties["serial"].nullable is False
    assert pump.properties["pressure"].type == Float64(unit=UnitReference("pressure:bar", "bar"))
    assert pump.properties["state"].type.dump()["values"] == {"on": {"name": "On"}, "off": {}}  # type: ignore[union-attr]
    assert pump.properties["parent"].type == DirectRelation(container=ContainerId("plant", "Asset"))
    assert {k: c.state for k, c in (pump.constraints or {}).items()} == {"asset": "current", "uniqueSerial": "current"}
    assert set(pump.indexes or {}) == {"bySerial", "byState"}
    assert pump.as_write().dump() == containers.apply(pump.as_write()).as_write().dump()  # re-apply: no change

    listed = containers.list(space="plant")
    assert isinstance(listed, ContainerList) and sorted(c.external_id for c in listed) == ["Asset", "Pump"]
    assert containers.list(space="cdf_cdm") == ContainerList([])
    assert len(containers.list(space="cdf_cdm", include_global=True)) > 2  # the Core Data Model's containers
    assert containers.list(used_for="edge", space="plant") == ContainerList([])
    assert len(containers.list(used_for=["edge", "node"], space="plant")) == 2
    assert [c.external_id for c in containers(space="plant", limit=1)] == ["Asset"]
    assert containers.retrieve([PUMP, ("plant", "missing")]).as_ids() == [PUMP]  # type: ignore[union-attr]

    grown = pump.as_write()
    grown.properties["extra"] = ContainerProperty(Text)
    assert "extra" in containers.apply(grown).properties
    changed = pump.as_write()
    changed.properties["serial"] = ContainerProperty(Int64)
    with pytest.raises(CogniteAPIError) as err:
        containers.apply(changed)
    assert err.value.code == 409

    assert containers.delete_constraints([(PUMP, "uniqueSerial"), (PUMP, "missing")]) == [(PUMP, "uniqueSerial")]
    assert containers.delete_indexes([(PUMP, "byState")]) == [(PUMP, "byState")]
    after = containers.retrieve(PUMP)
    assert after is not None and set(after.constraints or {}) == {"asset"} and set(after.indexes or {}) == {"bySerial"}
    assert containers.delete([PUMP, ("plant", "gone")]) == [PUMP, ContainerId("plant", "gone")]
    assert containers.retrieve(PUMP) is None
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_views(client: CogniteClient, emulator: CDFEmulator) -> None:
    plant(client)
    views = client.data_modeling.views
    (pump,) = views.retrieve(PUMP_VIEW)
    assert isinstance(pump, View) and pump.writable and pump.used_for == "node"
    assert set(pump.properties) == {"name", "serialNumber", "pressure", "parent", "children", "feeds", "owner"}
    serial = pump.properties["serialNumber"]
    assert isinstance(serial, MappedProperty) and serial.type == Text() and serial.nullable is False
    parent = pump.properties["parent"]
    assert isinstance(parent, MappedProperty) and parent.source == PUMP_VIEW
    children = pump.properties["children"]
    assert isinstance(children, MultiReverseDirectRelation) and children.targets_list is False
    assert isinstance(pump.properties["feeds"], MultiEdgeConnection)
    assert pump.filter == HasData(containers=[PUMP])
    assert pump.referenced_containers() == {PUMP, ContainerId("plant", "Asset")}
    own = views.retrieve(PUMP_VIEW, include_inherited_properties=False)[0]
    assert "name" not in own.properties

    assert views.apply(pump.as_write().__class__(**{**_fields(own.as_write()), "name": "Pump!"})).name == "Pump!"
    changed = own.as_write()
    changed.properties = {"serialNumber": MappedPropertyApply(PUMP, "serial")}
    with pytest.raises(CogniteAPIError) as err:
        views.apply(changed)
    assert err.value.code == 409
    changed.version = "v2"
    v2 = views.apply(changed)
    assert v2.version == "v2"

    assert [v.version for v in views.retrieve(("plant", "Pump"))] == ["v1", "v2"]
    assert [v.version for v in views.retrieve(("plant", "Pump"), all_versions=False)] == ["v2"]
    latest = views.list(space="plant")
    assert isinstance(latest, ViewList) and sorted(v.as_id().as_tuple() for v in latest) == [
        ("plant", "Asset", "v1"),
        ("plant", "Pump", "v2"),
    ]
    assert len(views.list(space="plant", all_versions=True)) == 3
    assert len(views.list(space="plant", used_for="edge")) == 0
    assert len(list(views(space="plant", all_versions=True, chunk_size=2))) == 2
    assert [v.external_id for v in views(space="plant", used_for="node", limit=1)] == ["Asset"]
    assert views.list(include_global=True, space="cdf_cdm", limit=None).as_ids()[:2] == [
        ViewId("cdf_cdm", "CogniteDescribable", "v1"),
        ViewId("cdf_cdm", "CogniteTimeSeries", "v1"),
    ]
    with pytest.raises(CogniteAPIError):  # maps a container that does not exist
        views.apply(ViewApply("plant", "Bad", "v1", properties={"x": MappedPropertyApply(("plant", "Nope"), "x")}))
    assert views.delete([ViewId("plant", "Pump", "v2")]) == [ViewId("plant", "Pump", "v2")]
    assert views.retrieve(("plant", "Pump", "v2")) == ViewList([])
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def _fields(obj: object) -> dict[str, object]:
    return {name: getattr(obj, name) for name in obj.__struct_fields__}  # type: ignore[attr-defined]


def test_data_models_and_deleting_spaces(client: CogniteClient, emulator: CDFEmulator) -> None:
    plant(client)
    models = client.data_modeling.data_models
    model = models.apply(
        DataModelApply("plant", "Plant", "1", name="Plant", views=[PUMP_VIEW, ViewApply("plant", "Site", "v1")])
    )
    assert isinstance(model, DataModel) and model.views == [PUMP_VIEW, ViewId("plant", "Site", "v1")]
    assert client.data_modeling.views.retrieve(("plant", "Site", "v1"))  # applied with the model
    inline = models.retrieve(DataModelId("plant", "Plant", "1"), inline_views=True)
    assert isinstance(inline, DataModelList) and isinstance(inline[0].views[0], View)  # type: ignore[index]
    assert inline[0].views[0].properties["serialNumber"].container == PUMP  # type: ignore[index, union-attr]
    models.apply(DataModelApply("plant", "Plant", "2", views=[PUMP_VIEW]))
    assert [m.version for m in models.list(space="plant")] == ["2"]
    assert [m.version for m in models.list(space="plant", all_versions=True)] == ["1", "2"]
    assert [m.version for m in models.retrieve(("plant", "Plant"))] == ["1", "2"]
    assert models.list(space="plant", all_versions=True).latest_version().version == "2"
    assert [m.external_id for m in models(include_global=True, space="cdf_cdm")] == ["CogniteCore"]
    with pytest.raises(CogniteAPIError) as err:
        models.apply(DataModelApply("plant", "Broken", "1", views=[ViewId("plant", "Nope", "v1")]))
    assert err.value.code == 400

    stats = client.data_modeling.statistics
    project = stats.project()
    assert (project.spaces.count, project.containers.count, project.views.count, project.data_models.count) == (
        1,
        2,
        3,
        2,
    )
    assert project.container_properties.count == 8 and project.project == client.config.project
    plant_stats = stats.spaces.retrieve("plant")
    assert plant_stats is not None and (plant_stats.containers, plant_stats.views, plant_stats.data_models) == (2, 3, 2)
    assert [s.space for s in stats.spaces.list()] == ["plant"]
    assert stats.spaces.retrieve(["plant", "missing"]).get("plant") is not None  # type: ignore[union-attr]

    with pytest.raises(CogniteAPIError) as err:
        client.data_modeling.spaces.delete("plant")
    assert err.value.code == 400 and "empty" in err.value.message
    assert models.delete([("plant", "Plant", "1"), ("plant", "Plant", "2")]) == [
        DataModelId("plant", "Plant", "1"),
        DataModelId("plant", "Plant", "2"),
    ]
    client.data_modeling.views.delete(client.data_modeling.views.list(space="plant", all_versions=True).as_ids())
    client.data_modeling.containers.delete(client.data_modeling.containers.list(space="plant").as_ids())
    assert client.data_modeling.spaces.delete("plant") == ["plant"]
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_async_client_and_chunking(config: ClientConfig, emulator: CDFEmulator) -> None:
    async def run() -> None:
        async with AsyncCogniteClient(config) as client:
            spaces = await client.data_modeling.spaces.apply([SpaceApply(f"space{i}") for i in range(250)])
            assert len(spaces) == 250
            assert len(await client.data_modeling.spaces.retrieve([f"space{i}" for i in range(250)])) == 250
            listed = [s async for s in client.data_modeling.spaces(chunk_size=100)]
            assert [len(c) for c in listed] == [100, 100, 50]
            deleted = await client.data_modeling.spaces.delete([f"space{i}" for i in range(250)])
            assert len(deleted) == 250

    asyncio.run(run())
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_fault_drill_apply_and_reads_survive_faults(config: ClientConfig, emulator: CDFEmulator) -> None:
    from cognite.client import global_config

    before = (global_config.max_retry_backoff, global_config.max_retries)
    global_config.max_retry_backoff, global_config.max_retries = 0, 30
    rule = emulator.faults.add(path="/models/*", statuses={503: 0.3}, reset_before=0.05, reset_after=0.05)
    try:
        with CogniteClient(config) as client:
            client.data_modeling.spaces.apply([SpaceApply(f"s{i}") for i in range(300)])  # apply is resent safely
            props = {"p": ContainerProperty(Text)}
            client.data_modeling.containers.apply([ContainerApply(f"s{i}", "C", props) for i in range(150)])
            listed = client.data_modeling.spaces.list(limit=None)
            found = client.data_modeling.containers.retrieve([(f"s{i}", "C") for i in range(150)])
    finally:
        emulator.faults.clear()
        global_config.max_retry_backoff, global_config.max_retries = before
    assert rule.injected > 0
    assert sorted(listed.as_ids()) == sorted(f"s{i}" for i in range(300)) and len(found) == 150


def test_global_resources_read_through_the_sdk(client: CogniteClient) -> None:
    (ts,) = client.data_modeling.views.retrieve(ViewId("cdf_cdm", "CogniteTimeSeries", "v1"))
    assert ts.is_global and ViewId("cdf_cdm", "CogniteDescribable", "v1") in ts.implements
    assert {"name", "isStep", "type", "assets"} <= set(ts.properties)
    model = client.data_modeling.data_models.retrieve(("cdf_cdm", "CogniteCore", "v1"))[0]
    assert model.is_global and model.views[:2] == [
        ViewId("cdf_cdm", "CogniteDescribable", "v1"),
        ViewId("cdf_cdm", "CogniteTimeSeries", "v1"),
    ]
    filtered = client.data_modeling.views.list(space="cdf_cdm", include_global=True, used_for=["node", "all"])
    assert len(filtered) > 2
    assert Equals(ts.as_property_ref("isStep"), True).dump()["equals"]["property"] == [
        "cdf_cdm",
        "CogniteTimeSeries/v1",
        "isStep",
    ]


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.data_modeling.containers as containers_api
    import cognite.client._api.data_modeling.data_models as data_models_api
    import cognite.client._api.data_modeling.spaces as spaces_api
    import cognite.client._api.data_modeling.statistics as statistics_api
    import cognite.client._api.data_modeling.views as views_api
    import cognite.client.data_classes.data_modeling.containers as containers
    import cognite.client.data_classes.data_modeling.core as core
    import cognite.client.data_classes.data_modeling.data_models as data_models
    import cognite.client.data_classes.data_modeling.data_types as data_types
    import cognite.client.data_classes.data_modeling.spaces as spaces
    import cognite.client.data_classes.data_modeling.statistics as statistics
    import cognite.client.data_classes.data_modeling.views as views

    modules = (spaces_api, containers_api, views_api, data_models_api, statistics_api, core, spaces, containers,
               data_types, views, data_models, statistics)  # fmt: skip
    for module in modules:
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module) if t.examples]
        assert tests, module.__name__
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
