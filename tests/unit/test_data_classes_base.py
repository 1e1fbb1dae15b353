"""Data classes: load/dump, write forms, lists, pandas, updates, missing client and hierarchy validation."""

from __future__ import annotations

import io
import json
from typing import Any

import pandas as pd
import pytest

from cognite.client.data_classes import Asset, AssetHierarchy, AssetList, AssetUpdate, AssetWrite
from cognite.client.data_classes.assets import AggregateResultItem, AssetWriteList
from cognite.client.data_classes.labels import Label
from cognite.client.exceptions import CogniteAssetHierarchyError, CogniteMissingClientError

WIRE = {
    "id": 1,
    "externalId": "pump-1",
    "name": "pump",
    "parentId": 10,
    "rootId": 10,
    "dataSetId": 5,
    "description": "a pump",
    "metadata": {"site": "oslo", "kind": "centrifugal"},
    "source": "sap",
    "labels": [{"externalId": "rotating"}],
    "createdTime": 100,
    "lastUpdatedTime": 200,
    "aggregates": {"childCount": 2, "depth": 1},
}

SNAKE = {
    "id": 1,
    "external_id": "pump-1",
    "name": "pump",
    "parent_id": 10,
    "root_id": 10,
    "data_set_id": 5,
    "description": "a pump",
    "metadata": {"site": "oslo", "kind": "centrifugal"},
    "source": "sap",
    "labels": [{"external_id": "rotating"}],
    "created_time": 100,
    "last_updated_time": 200,
    "aggregates": {"child_count": 2, "depth": 1},
}


def check_loaded(asset: Asset) -> None:
    assert isinstance(asset, Asset)
    assert asset.id == 1
    assert asset.external_id == "pump-1"
    assert asset.parent_id == 10
    assert asset.root_id == 10
    assert asset.data_set_id == 5
    assert asset.created_time == 100
    assert asset.last_updated_time == 200
    assert asset.metadata == {"site": "oslo", "kind": "centrifugal"}
    assert asset.labels == [Label(external_id="rotating")]
    assert isinstance(asset.aggregates, AggregateResultItem)
    assert asset.aggregates.child_count == 2
    assert asset.aggregates.depth == 1


class TestLoadDump:
    def test_load_camel_case(self) -> None:
        check_loaded(Asset.load(WIRE))

    def test_load_snake_case(self) -> None:
        flat = {k: v for k, v in SNAKE.items() if k not in ("labels", "aggregates")}
        asset = Asset.load(flat)
        assert asset == Asset.load({k: v for k, v in WIRE.items() if k not in ("labels", "aggregates")})
        assert asset.external_id == "pump-1"
        assert asset.last_updated_time == 200
        assert asset.metadata == {"site": "oslo", "kind": "centrifugal"}

    def test_load_snake_case_nested(self) -> None:
        check_loaded(Asset.load(SNAKE))

    def test_snake_dump_without_nested_objects_round_trips(self) -> None:
        asset = Asset(id=1, name="a", external_id="x", metadata={"k": "v"}, parent_id=2)
        assert Asset.load(asset.dump(camel_case=False)) == asset

    def test_load_json_string(self) -> None:
        check_loaded(Asset.load(json.dumps(WIRE)))

    def test_unknown_fields_ignored(self) -> None:
        asset = Asset.load({**WIRE, "brandNewField": {"x": 1}, "another": [1, 2]})
        check_loaded(asset)
        assert "brandNewField" not in asset.dump()
        check_loaded(Asset.load(json.dumps({**WIRE, "brandNewField": 1})))

    def test_metadata_keys_are_not_renamed(self) -> None:
        asset = Asset.load({"id": 1, "metadata": {"snake_key": "v", "camelKey": "w"}})
        assert asset.metadata == {"snake_key": "v", "camelKey": "w"}
        assert asset.dump(camel_case=False)["metadata"] == {"snake_key": "v", "camelKey": "w"}
        assert asset.dump()["metadata"] == {"snake_key": "v", "camelKey": "w"}

    def test_dump_camel_case_round_trips(self) -> None:
        assert Asset.load(WIRE).dump() == WIRE
        assert Asset.load(WIRE).dump(camel_case=True) == WIRE

    def test_dump_snake_case(self) -> None:
        assert Asset.load(WIRE).dump(camel_case=False) == SNAKE

    def test_dump_leaves_out_none(self) -> None:
        assert Asset(id=3, name="n").dump() == {"id": 3, "name": "n"}
        assert AssetWrite(name="n", external_id="x").dump() == {"name": "n", "externalId": "x"}

    def test_write_load(self) -> None:
        write = AssetWrite.load({"name": "n", "externalId": "x", "parentExternalId": "p", "id": 99})
        assert write == AssetWrite(name="n", external_id="x", parent_external_id="p")
        assert AssetWrite.load({"name": "n", "parent_external_id": "p"}).parent_external_id == "p"

    def test_write_labels_from_strings(self) -> None:
        write = AssetWrite(name="n", labels=["a", {"externalId": "b"}, Label(external_id="c")])  # type: ignore[list-item]
        assert write.dump()["labels"] == [{"externalId": "a"}, {"externalId": "b"}, {"externalId": "c"}]

    def test_as_write(self) -> None:
        write = Asset.load(WIRE).as_write()
        assert isinstance(write, AssetWrite)
        assert write.dump() == {
            "name": "pump",
            "externalId": "pump-1",
            "parentId": 10,
            "description": "a pump",
            "dataSetId": 5,
            "metadata": {"site": "oslo", "kind": "centrifugal"},
            "source": "sap",
            "labels": [{"externalId": "rotating"}],
        }

    def test_as_write_needs_name(self) -> None:
        with pytest.raises(ValueError, match="name"):
            Asset(id=1).as_write()

    def test_equality(self) -> None:
        assert Asset.load(WIRE) == Asset.load(json.dumps(WIRE))
        assert Asset.load(WIRE) == Asset.load(WIRE, cognite_client=object())  # the client is not a field
        assert Asset.load(WIRE) != Asset.load({**WIRE, "name": "other"})
        assert Asset(id=1, name="a") != AssetWrite(name="a")

    def test_repr_omits_none(self) -> None:
        text = repr(Asset(id=1, name="pump"))
        assert text == "Asset(id=1, name='pump')"
        assert "None" not in repr(Asset.load(WIRE))

    def test_load_rejects_other_types(self) -> None:
        with pytest.raises(TypeError, match="dict or a JSON string"):
            Asset.load(42)  # type: ignore[arg-type]


class TestAssetList:
    @pytest.fixture
    def assets(self) -> AssetList:
        return AssetList([Asset(id=i, external_id=f"x{i}", name=f"n{i}", metadata={"k": str(i)}) for i in range(1, 4)])

    def test_get(self, assets: AssetList) -> None:
        assert assets.get(id=2) is assets[1]
        assert assets.get(external_id="x3") is assets[2]
        assert assets.get(id=99) is None
        assert assets.get(external_id="nope") is None

    def test_get_needs_exactly_one_identifier(self, assets: AssetList) -> None:
        with pytest.raises(ValueError):
            assets.get()
        with pytest.raises(ValueError):
            assets.get(id=1, external_id="x1")

    def test_get_after_extend(self, assets: AssetList) -> None:
        assets.get(id=1)
        assets.get(external_id="x1")
        assets.extend([Asset(id=4, external_id="x4")])
        assert assets.get(id=4) is assets[3]
        assert assets.get(external_id="x4") is assets[3]

    def test_get_after_append(self, assets: AssetList) -> None:
        assert assets.get(id=1) is not None
        assert assets.get(external_id="x1") is not None
        assets.append(Asset(id=5, external_id="x5"))
        assert assets.get(id=5) is assets[3]
        assert assets.get(external_id="x5") is assets[3]

    def test_load_and_dump(self) -> None:
        lst = AssetList.load([WIRE, {**WIRE, "id": 2}])
        assert [a.id for a in lst] == [1, 2]
        assert lst.dump() == [WIRE, {**WIRE, "id": 2}]
        assert lst.dump(camel_case=False)[0] == SNAKE
        assert AssetList.load(json.dumps([WIRE])).dump() == [WIRE]

    def test_slice_is_a_list(self, assets: AssetList) -> None:
        part = assets[:2]
        assert isinstance(part, AssetList)
        assert [a.id for a in part] == [1, 2]

    def test_ids_and_write_list(self, assets: AssetList) -> None:
        assert assets.as_ids() == [1, 2, 3]
        assert assets.as_external_ids() == ["x1", "x2", "x3"]
        writes = assets.as_write()
        assert isinstance(writes, AssetWriteList)
        assert [w.external_id for w in writes] == ["x1", "x2", "x3"]

    def test_wrong_item_type(self) -> None:
        with pytest.raises(TypeError, match="Asset"):
            AssetList([AssetWrite(name="a")])  # type: ignore[list-item]

    def test_to_pandas(self, assets: AssetList) -> None:
        df = assets.to_pandas()
        assert isinstance(df, pd.DataFrame)
        assert list(df["id"]) == [1, 2, 3]
        assert list(df["external_id"]) == ["x1", "x2", "x3"]
        assert "metadata" in df.columns
        camel = assets.to_pandas(camel_case=True)
        assert "externalId" in camel.columns
        expanded = assets.to_pandas(expand_metadata=True)
        assert "metadata" not in expanded.columns
        assert list(expanded["metadata.k"]) == ["1", "2", "3"]
        prefixed = assets.to_pandas(expand_metadata=True, metadata_prefix="m_")
        assert list(prefixed["m_k"]) == ["1", "2", "3"]

    def test_single_to_pandas(self) -> None:
        df = Asset.load(WIRE).to_pandas(expand_metadata=True)
        assert list(df.columns) == ["value"]
        assert df.loc["external_id", "value"] == "pump-1"
        assert df.loc["metadata.site", "value"] == "oslo"
        assert "metadata" not in df.index

    def test_empty_list_to_pandas(self) -> None:
        assert len(AssetList([]).to_pandas()) == 0


class TestAssetUpdate:
    def test_dump(self) -> None:
        upd = AssetUpdate(id=1).name.set("x").metadata.add({"k": "v"}).labels.remove(["l"])
        assert upd.dump() == {
            "id": 1,
            "update": {
                "name": {"set": "x"},
                "metadata": {"add": {"k": "v"}},
                "labels": {"remove": [{"externalId": "l"}]},
            },
        }

    def test_external_id_set_null_and_containers(self) -> None:
        upd = (
            AssetUpdate(external_id="a")
            .description.set(None)
            .data_set_id.set(3)
            .metadata.remove(["old"])
            .labels.add(["x", Label(external_id="y")])
            .parent_external_id.set("p")
        )
        assert upd.dump() == {
            "externalId": "a",
            "update": {
                "description": {"setNull": True},
                "dataSetId": {"set": 3},
                "metadata": {"remove": ["old"]},
                "labels": {"add": [{"externalId": "x"}, {"externalId": "y"}]},
                "parentExternalId": {"set": "p"},
            },
        }

    def test_add_and_remove_on_the_same_property(self) -> None:
        upd = AssetUpdate(id=1).metadata.add({"a": "1"}).metadata.remove(["b"])
        assert upd.dump()["update"] == {"metadata": {"add": {"a": "1"}, "remove": ["b"]}}

    def test_set_replaces_previous_operations(self) -> None:
        upd = AssetUpdate(id=1).metadata.add({"a": "1"}).metadata.set({"b": "2"})
        assert upd.dump()["update"] == {"metadata": {"set": {"b": "2"}}}

    def test_equality_and_repr(self) -> None:
        assert AssetUpdate(id=1).name.set("x") == AssetUpdate(id=1).name.set("x")
        assert AssetUpdate(id=1).name.set("x") != AssetUpdate(id=2).name.set("x")
        assert '"set": "x"' in repr(AssetUpdate(id=1).name.set("x"))

    def test_needs_an_identifier(self) -> None:
        with pytest.raises(ValueError, match="id"):
            AssetUpdate().name.set("x").dump()


class TestMissingClient:
    def test_hand_built_asset_has_no_client(self) -> None:
        asset = Asset(id=1, name="a")
        with pytest.raises(CogniteMissingClientError, match="Asset"):
            asset.children()

    async def test_hand_built_asset_has_no_client_async(self) -> None:
        with pytest.raises(CogniteMissingClientError):
            await Asset(id=1, name="a").children_async()
        with pytest.raises(CogniteMissingClientError):
            await Asset(id=1, name="a", parent_id=3).parent_async()

    def test_loaded_without_client_has_none(self) -> None:
        with pytest.raises(CogniteMissingClientError):
            Asset.load(WIRE).subtree()

    def test_hand_built_list_has_no_client(self) -> None:
        with pytest.raises(CogniteMissingClientError):
            AssetList([Asset(id=1)]).events()


# ---------------------------------------------------------------------------------------------- hierarchy


def w(xid: str | None, parent: str | None = None, name: str | None = "n", **kwargs: Any) -> AssetWrite:
    return AssetWrite(name=name, external_id=xid, parent_external_id=parent, **kwargs)  # type: ignore[arg-type]


class TestAssetHierarchy:
    def test_valid(self) -> None:
        h = AssetHierarchy([w("root"), w("a", "root"), w("b", "root"), w("a1", "a")])
        assert h.is_valid()
        assert h.is_valid(on_error="raise")
        assert len(h) == 4
        assert [a.external_id for a in h.roots] == ["root"]
        assert h.orphans.dump() == []
        assert h.duplicates == {}
        assert h.cycles == []
        assert h.invalid.dump() == []

    def test_levels(self) -> None:
        h = AssetHierarchy([w("a1", "a"), w("b", "root"), w("root"), w("a", "root"), w("a1x", "a1")])
        levels = [[a.external_id for a in level] for level in h.levels()]
        assert levels == [["root"], ["b", "a"], ["a1"], ["a1x"]]

    def test_orphans(self) -> None:
        h = AssetHierarchy([w("root"), w("o", "not-here")])
        assert not h.is_valid()
        assert [a.external_id for a in h.orphans] == ["o"]
        with pytest.raises(CogniteAssetHierarchyError) as exc:
            h.is_valid(on_error="raise")
        assert "orphans: 1" in str(exc.value)
        assert exc.value.hierarchy is h
        ignoring = AssetHierarchy([w("root"), w("o", "not-here")], ignore_orphans=True)
        assert ignoring.is_valid()
        assert [[a.external_id for a in lvl] for lvl in ignoring.levels()] == [["root", "o"]]

    def test_duplicates(self) -> None:
        h = AssetHierarchy([w("a"), w("a", name="second"), w("b")])
        assert not h.is_valid()
        assert list(h.duplicates) == ["a"]
        assert [x.name for x in h.duplicates["a"]] == ["n", "second"]

    def test_cycles(self) -> None:
        h = AssetHierarchy([w("root"), w("a", "c"), w("b", "a"), w("c", "b"), w("d", "a")])
        assert not h.is_valid()
        assert len(h.cycles) == 1
        assert sorted(h.cycles[0]) == ["a", "b", "c"]
        assert h.orphans.dump() == []

    @pytest.mark.parametrize(
        "asset",
        [
            w(None),
            w("x", name=""),
            w("x", "p", parent_id=1),
            w("self", "self"),
        ],
        ids=["no-external-id", "empty-name", "both-parents", "own-parent"],
    )
    def test_invalid(self, asset: AssetWrite) -> None:
        h = AssetHierarchy([w("p"), asset], ignore_orphans=True)
        assert not h.is_valid()
        assert [a.external_id for a in h.invalid] == [asset.external_id]

    def test_parent_by_id_is_unsure_not_orphan(self) -> None:
        h = AssetHierarchy([AssetWrite(name="n", external_id="x", parent_id=42)])
        assert h.is_valid()
        assert [a.external_id for a in h.unsure_parents] == ["x"]
        assert h.orphans.dump() == []
        assert [[a.external_id for a in lvl] for lvl in h.levels()] == [["x"]]

    def test_warn(self) -> None:
        with pytest.warns(UserWarning, match="duplicated"):
            assert not AssetHierarchy([w("a"), w("a")]).is_valid(on_error="warn")

    def test_validate_raises_by_default(self) -> None:
        with pytest.raises(CogniteAssetHierarchyError):
            AssetHierarchy([w("a"), w("a")]).validate()

    def test_read_objects_accepted_other_types_rejected(self) -> None:
        h = AssetHierarchy(
            [Asset(id=1, name="r", external_id="r"), Asset(name="c", external_id="c", parent_external_id="r")]
        )
        assert h.is_valid()
        with pytest.raises(TypeError, match="Asset"):
            AssetHierarchy([{"name": "x"}])  # type: ignore[list-item]

    def test_print_to(self) -> None:
        out = io.StringIO()
        AssetHierarchy([w("root"), w("a", "root"), w("b", "root"), w("a1", "a")]).print_to(out)
        lines = out.getvalue().splitlines()
        assert lines[0] == "root"
        assert [line.split()[-1] for line in lines] == ["root", "a", "a1", "b"]


@pytest.mark.parametrize("bad", ["", None, 5])
def test_updates_identified_by_external_id_only_refuse_a_missing_one(bad: object) -> None:
    from cognite.client.data_classes.hosted_extractors.jobs import JobUpdate
    from cognite.client.data_classes.relationships import RelationshipUpdate

    for cls in (JobUpdate, RelationshipUpdate):
        with pytest.raises(TypeError, match="external_id"):
            cls(bad)  # type: ignore[arg-type]
    assert RelationshipUpdate("r1").dump()["externalId"] == "r1"
