"""Data-modeling identifiers: construction, dump/load, hashing, property references and identifier sequences."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import msgspec
import pytest

from cognite.client.data_classes import data_modeling as dm
from cognite.client.data_classes.data_modeling.ids import (
    ContainerId,
    DataModelId,
    DataModelingId,
    DataModelingIdentifier,
    DataModelingIdentifierSequence,
    DirectRelationReference,
    EdgeId,
    IdLike,
    InstanceId,
    NodeId,
    PropertyId,
    VersionedDataModelingId,
    VersionedIdLike,
    ViewId,
)


class TestSchemaIds:
    def test_container_id(self, validate_schema: Callable[[str, Any], None]) -> None:
        cid = ContainerId("s", "Pump")
        assert cid.dump() == {"space": "s", "externalId": "Pump", "type": "container"}
        assert cid.dump(camel_case=False, include_type=False) == {"space": "s", "external_id": "Pump"}
        assert cid.as_tuple() == ("s", "Pump")
        assert cid.as_source_identifier() == "Pump"
        assert cid.as_property_ref("p") == ("s", "Pump", "p")
        validate_schema("ContainerReference", cid.dump())

    def test_view_id(self, validate_schema: Callable[[str, Any], None]) -> None:
        vid = ViewId("s", "Pump", "v1")
        assert vid.dump() == {"space": "s", "externalId": "Pump", "version": "v1", "type": "view"}
        assert vid.as_tuple() == ("s", "Pump", "v1")
        assert ViewId("s", "Pump").as_tuple() == ("s", "Pump")
        assert vid.as_source_identifier() == "Pump/v1"
        assert vid.as_property_ref("name") == ("s", "Pump/v1", "name")
        validate_schema("ViewReference", vid.dump())

    def test_data_model_id(self, validate_schema: Callable[[str, Any], None]) -> None:
        did = DataModelId("s", "Plant", "1")
        assert did.dump() == {"space": "s", "externalId": "Plant", "version": "1"}
        validate_schema("DataModelReference", did.dump())

    @pytest.mark.parametrize("cls", [ContainerId, ViewId, DataModelId])
    def test_load_forms(self, cls: type[DataModelingId]) -> None:
        ident = cls("s", "x") if cls is ContainerId else cls("s", "x", "1")  # type: ignore[call-arg]
        assert cls.load(ident.dump()) == ident
        assert cls.load(ident.dump(camel_case=False)) == ident
        assert cls.load(ident.as_tuple()) == ident
        assert cls.load(list(ident.as_tuple())) == ident
        assert cls.load(ident) is ident
        assert cls.load_if(None) is None
        assert cls.load_if(ident.as_tuple()) == ident

    def test_native_encoding_is_the_wire_reference(self) -> None:
        # Nested in other structs, ids are encoded natively: views and containers carry their type.
        assert msgspec.to_builtins(ViewId("s", "V", "1")) == {
            "type": "view",
            "space": "s",
            "externalId": "V",
            "version": "1",
        }
        assert msgspec.to_builtins(ContainerId("s", "C")) == {"type": "container", "space": "s", "externalId": "C"}
        assert msgspec.convert({"space": "s", "externalId": "V", "version": "1"}, ViewId) == ViewId("s", "V", "1")
        assert msgspec.json.decode(b'{"type":"view","space":"s","externalId":"V"}', type=ViewId) == ViewId("s", "V")

    def test_abstract_bases_cannot_be_instantiated(self) -> None:
        with pytest.raises(TypeError, match="abstract"):
            DataModelingId("s", "x")
        with pytest.raises(TypeError, match="abstract"):
            VersionedDataModelingId("s", "x", "1")

    def test_frozen_hashable_ordered(self) -> None:
        vid = ViewId("s", "V", "1")
        with pytest.raises(AttributeError):
            vid.space = "other"  # type: ignore[misc]
        assert {vid: 1}[ViewId("s", "V", "1")] == 1
        assert sorted([ContainerId("b", "a"), ContainerId("a", "z")]) == [ContainerId("a", "z"), ContainerId("b", "a")]
        assert ViewId("s", "V", "1") != ViewId("s", "V", "2")
        assert ContainerId("s", "x") != cast(object, DataModelId("s", "x"))

    def test_bad_input(self) -> None:
        with pytest.raises(TypeError, match="space"):
            ContainerId(1, "x")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="external_id"):
            ViewId("s", None, "1")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="ContainerId"):
            ContainerId.load("s")
        with pytest.raises(TypeError):
            ContainerId.load(("s", "x", "1"))
        with pytest.raises(KeyError):
            ViewId.load({"space": "s"})


class TestInstanceIds:
    def test_node_id(self, validate_schema: Callable[[str, Any], None]) -> None:
        nid = NodeId("s", "n1")
        assert nid.dump() == {"space": "s", "externalId": "n1", "instanceType": "node"}
        assert nid.dump(include_instance_type=False) == {"space": "s", "externalId": "n1"}
        assert nid.dump(camel_case=False) == {"space": "s", "external_id": "n1", "instance_type": "node"}
        assert nid.instance_type == "node"
        assert nid.as_tuple() == ("s", "n1")
        validate_schema("InstanceId", nid.dump(include_instance_type=False))
        validate_schema("CogniteInstanceId", msgspec.to_builtins(nid))

    def test_edge_id(self) -> None:
        eid = EdgeId("s", "e1")
        assert eid.dump() == {"space": "s", "externalId": "e1", "instanceType": "edge"}
        assert eid.instance_type == "edge"

    def test_instance_id(self) -> None:
        iid = InstanceId("s", "x")
        assert iid.dump() == {"space": "s", "externalId": "x"}
        assert iid.instance_type is None

    def test_native_encoding(self) -> None:
        assert msgspec.to_builtins(NodeId("s", "n")) == {"space": "s", "externalId": "n"}
        assert msgspec.convert({"space": "s", "externalId": "n", "instanceType": "node"}, NodeId) == NodeId("s", "n")

    def test_load(self) -> None:
        assert NodeId.load({"space": "s", "externalId": "n"}) == NodeId("s", "n")
        assert NodeId.load(("s", "n")) == NodeId("s", "n")
        assert EdgeId.load({"space": "s", "external_id": "e"}) == EdgeId("s", "e")
        assert InstanceId.load({"space": "s", "externalId": "n", "instanceType": "node"}) == NodeId("s", "n")
        assert InstanceId.load({"space": "s", "externalId": "e", "instanceType": "edge"}) == EdgeId("s", "e")
        assert InstanceId.load({"space": "s", "externalId": "x"}) == InstanceId("s", "x")
        assert NodeId.load(InstanceId("s", "x")) == NodeId("s", "x")
        assert NodeId.load_if(None) is None

    def test_equality_and_hash(self) -> None:
        assert NodeId("s", "a") == NodeId("s", "a")
        assert NodeId("s", "a") != cast(object, EdgeId("s", "a"))
        assert NodeId("s", "a") != InstanceId("s", "a")
        assert len({NodeId("s", "a"), NodeId("s", "a"), NodeId("s", "b")}) == 2
        assert sorted([NodeId("s", "b"), NodeId("s", "a")]) == [NodeId("s", "a"), NodeId("s", "b")]

    def test_bad_input(self) -> None:
        with pytest.raises(TypeError, match="space"):
            NodeId(None, "x")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="NodeId"):
            NodeId.load("s:x")


class TestPropertyId:
    def test_view_property(self) -> None:
        pid = PropertyId(ViewId("s", "V", "1"), "name")
        assert pid.as_property_ref() == ("s", "V/1", "name")
        dumped = pid.dump()
        assert dumped == {
            "source": {"space": "s", "externalId": "V", "version": "1", "type": "view"},
            "identifier": "name",
        }
        assert PropertyId.load(dumped) == pid
        assert msgspec.to_builtins(pid) == {
            "source": {"type": "view", "space": "s", "externalId": "V", "version": "1"},
            "identifier": "name",
        }

    def test_container_property(self) -> None:
        pid = PropertyId(ContainerId("s", "C"), "p")
        assert pid.as_property_ref() == ("s", "C", "p")
        assert PropertyId.load(pid.dump()) == pid
        assert hash(pid) == hash(PropertyId(ContainerId("s", "C"), "p"))

    def test_bad_input(self) -> None:
        with pytest.raises(TypeError, match="source"):
            PropertyId(("s", "C"), "p")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="property"):
            PropertyId(ContainerId("s", "C"), 5)  # type: ignore[arg-type]


class TestDirectRelationReference:
    def test_dump_load(self, validate_schema: Callable[[str, Any], None]) -> None:
        ref = DirectRelationReference("s", "n")
        assert ref.dump() == {"space": "s", "externalId": "n"}
        assert ref.dump(camel_case=False) == {"space": "s", "external_id": "n"}
        assert ref.as_tuple() == ("s", "n")
        assert DirectRelationReference.load(ref.dump()) == ref
        assert DirectRelationReference.load(("s", "n")) == ref
        assert DirectRelationReference.load(NodeId("s", "n")) == ref
        assert DirectRelationReference.load_if(None) is None
        validate_schema("DirectRelationReference", ref.dump())

    def test_bad_input(self) -> None:
        with pytest.raises(TypeError, match="DirectRelationReference"):
            DirectRelationReference.load(5)  # type: ignore[arg-type]


class TestProtocols:
    def test_id_like(self) -> None:
        assert isinstance(NodeId("s", "x"), IdLike)
        assert isinstance(ViewId("s", "x", "1"), VersionedIdLike)
        assert not isinstance("s", IdLike)


class TestIdentifierSequence:
    def test_single_node(self) -> None:
        seq = DataModelingIdentifierSequence.load(NodeId("s", "n"), id_type="node")
        assert seq.is_singleton()
        assert seq.as_dicts() == [{"space": "s", "externalId": "n", "instanceType": "node"}]

    def test_tuple_is_single(self) -> None:
        seq = DataModelingIdentifierSequence.load(("s", "V", "1"), id_type="view")
        assert seq.is_singleton()
        assert seq.as_primitives() == [("s", "V", "1")]

    def test_many(self) -> None:
        seq = DataModelingIdentifierSequence.load([("s", "a"), EdgeId("s", "b")], id_type="edge")
        assert not seq.is_singleton()
        assert len(seq) == 2
        assert seq.as_dicts(include_instance_type=False) == [
            {"space": "s", "externalId": "a"},
            {"space": "s", "externalId": "b"},
        ]
        assert [len(c) for c in seq.chunked(1)] == [1, 1]

    def test_spaces(self) -> None:
        assert DataModelingIdentifierSequence.load("s", id_type="space").as_dicts() == [{"space": "s"}]
        seq = DataModelingIdentifierSequence.load(["a", "b"], id_type="space")
        assert seq.as_primitives() == ["a", "b"]
        assert not seq.is_singleton()

    def test_identifier(self) -> None:
        ident = DataModelingIdentifier("s", "V", "1")
        assert ident.as_dict() == {"space": "s", "externalId": "V", "version": "1"}
        assert ident.as_primitive() == ("s", "V", "1")
        assert DataModelingIdentifier("s").as_primitive() == "s"

    def test_bad_input(self) -> None:
        with pytest.raises(TypeError):
            DataModelingIdentifierSequence.load(5, id_type="node")
        with pytest.raises(ValueError, match="chunk_size"):
            list(DataModelingIdentifierSequence.load(["a"], id_type="space").chunked(0))


class TestPackage:
    def test_reexports(self) -> None:
        assert dm.NodeId is NodeId
        assert dm.ViewId is ViewId
        assert dm.DirectRelationReference is DirectRelationReference

    def test_lazy_filter(self) -> None:
        from cognite.client.data_classes.filters import Filter

        assert dm.Filter is Filter
        assert "Filter" in dir(dm)
        with pytest.raises(AttributeError):
            dm.DoesNotExist  # noqa: B018
