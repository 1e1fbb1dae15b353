"""End to end: every 3D method, SDK against the emulator over loopback HTTP.

The emulator (``conftest.py``) validates every request and response against the CDF spec, so a wrong body fails here too.
"""

from __future__ import annotations

import doctest
from collections.abc import Iterator

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes import (
    AssetWrite,
    BoundingBox3D,
    FileMetadataWrite,
    ThreeDAssetMappingList,
    ThreeDAssetMappingWrite,
    ThreeDModel,
    ThreeDModelList,
    ThreeDModelRevision,
    ThreeDModelRevisionList,
    ThreeDModelRevisionUpdate,
    ThreeDModelRevisionWrite,
    ThreeDModelUpdate,
    ThreeDModelWrite,
    ThreeDNodeList,
)
from cognite.client.data_classes.three_d import RevisionCameraProperties
from cognite.client.exceptions import CogniteAPIError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e


@pytest.fixture
def client(config: ClientConfig, emulator: CDFEmulator) -> Iterator[CogniteClient]:
    with CogniteClient(config) as c:
        yield c
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def _revision(client: CogniteClient, model_id: int, name: str = "plant.fbx", **kwargs: object) -> ThreeDModelRevision:
    file, _ = client.files.create(FileMetadataWrite(name=name))
    assert file.id is not None
    return client.three_d.revisions.create(model_id, ThreeDModelRevisionWrite(file_id=file.id, **kwargs))  # type: ignore[arg-type]


def test_models_over_loopback(client: CogniteClient) -> None:
    models = client.three_d.models
    created = models.create([f"m{i}" for i in range(30)], metadata={"site": "north"})
    assert isinstance(created, ThreeDModelList) and len(created) == 30
    assert created[0].metadata == {"site": "north"} and created[0].created_time is not None
    one = models.create(ThreeDModelWrite("solo", metadata={"k": "v"}))
    assert isinstance(one, ThreeDModel) and one.name == "solo"
    assert models.retrieve(one.id).metadata == {"k": "v"}  # type: ignore[arg-type,union-attr]
    assert models.retrieve(123) is None
    assert len(models.list(limit=5)) == 5 and len(models.list(limit=None)) == 31
    assert sum(len(chunk) for chunk in models(chunk_size=7)) == 31
    updated = models.update(ThreeDModelUpdate(id=one.id).name.set("duo").metadata.add({"x": "y"}))
    assert updated.name == "duo" and updated.metadata == {"k": "v", "x": "y"}
    replaced = models.update(ThreeDModel(id=one.id, name="trio"), mode="replace")
    assert replaced.name == "trio" and replaced.metadata is None
    # published: models with a published revision
    _revision(client, one.id, published=True)  # type: ignore[arg-type]
    assert models.list(published=True).as_ids() == [one.id]
    assert len(models.list(published=False, limit=None)) == 30
    models.delete([m.id for m in created[:10]])  # type: ignore[misc]
    models.delete(one.id)  # type: ignore[arg-type]
    assert len(models.list(limit=None)) == 20
    with pytest.raises(CogniteAPIError):
        models.delete(one.id)  # type: ignore[arg-type]


def test_revisions_over_loopback(client: CogniteClient) -> None:
    model = client.three_d.models.create("plant")
    assert model.id is not None
    revs = client.three_d.revisions
    camera = RevisionCameraProperties(target=[0, 0, 0], position=[1, 2, 3])
    rev = _revision(client, model.id, rotation=[0, 0, 1], camera=camera, metadata={"v": "1"})
    assert rev.status == "Queued" and rev.published is False and rev.asset_mapping_count == 0
    assert rev.camera == RevisionCameraProperties(target=[0.0, 0.0, 0.0], position=[1.0, 2.0, 3.0])
    assert rev.id is not None
    # each read moves the status one step
    assert [revs.retrieve(model.id, rev.id).status for _ in range(3)] == ["Processing", "Done", "Done"]  # type: ignore[union-attr]
    assert revs.retrieve(model.id, 999) is None
    published = _revision(client, model.id, published=True)
    many = revs.create(model.id, [ThreeDModelRevisionWrite(file_id=rev.file_id) for _ in range(3)])  # type: ignore[arg-type]
    assert isinstance(many, ThreeDModelRevisionList) and len(many) == 3
    assert revs.list(model.id).as_ids() == [rev.id, *many.as_ids()]  # default: unpublished
    assert revs.list(model.id, published=True).as_ids() == [published.id]
    assert [r.id for r in revs(model.id, published=True)] == [published.id]
    assert [len(c) for c in revs(model.id, chunk_size=2)] == [2, 2]
    upd = revs.update(model.id, ThreeDModelRevisionUpdate(id=rev.id).published.set(True).scale.set([2, 2, 2]))
    assert upd.published is True and upd.scale == [2.0, 2.0, 2.0]
    whole = revs.update(model.id, [ThreeDModelRevision(id=many[0].id, metadata={"a": "b"}, translation=[1, 1, 1])])
    assert whole[0].metadata == {"a": "b"} and whole[0].translation == [1.0, 1.0, 1.0]
    revs.delete(model.id, [r.id for r in many])  # type: ignore[misc]
    revs.delete(model.id, published.id)  # type: ignore[arg-type]
    assert revs.list(model.id, published=True).as_ids() == [rev.id]
    with pytest.raises(CogniteAPIError):
        revs.create(model.id, ThreeDModelRevisionWrite(file_id=424242))
    with pytest.raises(CogniteAPIError):
        revs.list(model_id=31337)


def test_thumbnail_and_files_over_loopback(client: CogniteClient) -> None:
    model = client.three_d.models.create("plant")
    assert model.id is not None
    rev = _revision(client, model.id)
    image = client.files.upload_bytes(b"\x89PNG...", name="thumb.png", mime_type="image/png")
    client.three_d.revisions.update_thumbnail(model.id, rev.id, image.id)  # type: ignore[arg-type]
    got = client.three_d.revisions.retrieve(model.id, rev.id)  # type: ignore[arg-type]
    assert got is not None and got.thumbnail_threed_file_id is not None
    assert got.thumbnail_url is not None and got.thumbnail_url.endswith(f"/3d/files/{got.thumbnail_threed_file_id}")
    assert client.three_d.files.retrieve(got.thumbnail_threed_file_id) == b"\x89PNG..."
    with pytest.raises(CogniteAPIError):
        client.three_d.files.retrieve(1)


def test_nodes_over_loopback(client: CogniteClient, emulator: CDFEmulator) -> None:
    model = client.three_d.models.create("plant")
    assert model.id is not None
    rev = _revision(client, model.id)
    assert rev.id is not None
    revs = client.three_d.revisions
    nodes = revs.list_nodes(model.id, rev.id, limit=None)
    assert isinstance(nodes, ThreeDNodeList)
    assert [n.name for n in nodes] == ["plant.fbx", "Area A", "Pipe 1", "Pipe 2", "Area B", "Valve 1"]
    assert [n.tree_index for n in nodes] == list(range(6)) and nodes[0].subtree_size == 6
    area_a = nodes[1]
    assert area_a.bounding_box == BoundingBox3D(max=[5.0, 5.0, 5.0], min=[0.0, 0.0, 0.0])
    assert [n.name for n in revs.list_nodes(model.id, rev.id, node_id=area_a.id, depth=0)] == ["Area A"]
    assert [n.name for n in revs.list_nodes(model.id, rev.id, node_id=area_a.id)] == ["Area A", "Pipe 1", "Pipe 2"]
    assert len(revs.list_nodes(model.id, rev.id, limit=2)) == 2
    by_id = revs.list_nodes(model.id, rev.id, sort_by_node_id=True, limit=None)
    assert by_id.as_ids() == sorted(nodes.as_ids())
    parts = revs.list_nodes(model.id, rev.id, sort_by_node_id=True, partitions=3, limit=None)
    assert sorted(parts.as_ids()) == sorted(nodes.as_ids())
    pipes = revs.filter_nodes(model.id, rev.id, {"Item": {"Type": ["Pipe", "Valve"]}}, limit=None)
    assert [n.name for n in pipes] == ["Pipe 1", "Pipe 2", "Valve 1"]
    assert len(revs.filter_nodes(model.id, rev.id, limit=None, partitions=2)) == 6
    chain = revs.list_ancestor_nodes(model.id, rev.id, node_id=pipes[0].id)
    assert [n.name for n in chain] == ["plant.fbx", "Area A", "Pipe 1"]
    # a seeded tree replaces the default one (and marks the revision Done)
    seeded = emulator.store(client.config.project, "3d").seed_nodes(
        model.id, rev.id, {"name": "r", "children": [{"name": f"c{i}"} for i in range(1200)]}
    )
    assert len(seeded) == 1201
    assert len(revs.list_nodes(model.id, rev.id, limit=None)) == 1201
    assert len(revs.list_nodes(model.id, rev.id, depth=0)) == 1
    assert revs.retrieve(model.id, rev.id).status == "Done"  # type: ignore[union-attr]


def test_asset_mappings_over_loopback(client: CogniteClient) -> None:
    model = client.three_d.models.create("plant")
    assert model.id is not None
    rev = _revision(client, model.id)
    assert rev.id is not None
    pump = client.assets.create(AssetWrite(name="pump"))
    valve = client.assets.create(AssetWrite(name="valve"))
    nodes = client.three_d.revisions.list_nodes(model.id, rev.id, limit=None)
    am = client.three_d.asset_mappings
    created = am.create(model.id, rev.id, [ThreeDAssetMappingWrite(n.id, pump.id) for n in nodes])  # type: ignore[arg-type]
    assert isinstance(created, ThreeDAssetMappingList) and len(created) == 6
    one = am.create(model.id, rev.id, ThreeDAssetMappingWrite(nodes[5].id, valve.id))  # type: ignore[arg-type]
    assert one.tree_index == 5 and one.subtree_size == 1
    assert client.three_d.revisions.retrieve(model.id, rev.id).asset_mapping_count == 7  # type: ignore[union-attr]
    assert len(am.list(model.id, rev.id, limit=None)) == 7
    assert len(am.list(model.id, rev.id, limit=3)) == 3
    assert [m.asset_id for m in am.list(model.id, rev.id, node_id=nodes[5].id)] == [pump.id, valve.id]
    assert len(am.list(model.id, rev.id, asset_id=valve.id)) == 1
    box = BoundingBox3D(min=[6.5, 6.5, 6.5], max=[20, 20, 20])
    inside = am.list(model.id, rev.id, intersects_bounding_box=box, limit=None)
    assert sorted(m.node_id for m in inside) == sorted([nodes[0].id, nodes[4].id, nodes[5].id, nodes[5].id])  # type: ignore[type-var]
    am.delete(model.id, rev.id, created)
    am.delete(model.id, rev.id, one)
    assert len(am.list(model.id, rev.id)) == 0
    with pytest.raises(CogniteAPIError):
        am.create(model.id, rev.id, ThreeDAssetMappingWrite(nodes[0].id, 123))  # type: ignore[arg-type]
    with pytest.raises(CogniteAPIError):
        am.create(model.id, rev.id, ThreeDAssetMappingWrite(1, pump.id))  # type: ignore[arg-type]


async def test_async_three_d(config: ClientConfig, emulator: CDFEmulator) -> None:
    async with AsyncCogniteClient(config) as client:
        await client.three_d.models.create(["a", "b", "c"])
        names = [m.name async for m in client.three_d.models()]  # type: ignore[union-attr]
        assert sorted(names) == ["a", "b", "c"]  # type: ignore[type-var]
        model = (await client.three_d.models.list())[0]
        file, _ = await client.files.create(FileMetadataWrite(name="x.obj"))
        rev = await client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file_id=file.id))  # type: ignore[arg-type]
        nodes = await client.three_d.revisions.list_nodes(model.id, rev.id, limit=None)  # type: ignore[arg-type]
        assert nodes[0].name == "x.obj"
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.three_d as three_d_api
    import cognite.client.data_classes.three_d as three_d_classes
    import cognite.client.testing._families_three_d as three_d_emulator

    for module in (three_d_api, three_d_classes, three_d_emulator):
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module) if t.examples]
        assert tests
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
