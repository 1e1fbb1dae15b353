"""Labels: Label, LabelFilter, label definitions and their lists."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from cognite.client.data_classes.labels import (
    Label,
    LabelDefinition,
    LabelDefinitionFilter,
    LabelDefinitionList,
    LabelDefinitionWrite,
    LabelDefinitionWriteList,
    LabelFilter,
)

READ = {"externalId": "PUMP", "name": "Pump", "createdTime": 1700000000000, "description": "Pumps", "dataSetId": 7}


class TestLabel:
    @pytest.mark.parametrize("given", ["PUMP", {"externalId": "PUMP"}, {"external_id": "PUMP"}, Label("PUMP")])
    def test_load_from_many_forms(self, given: Any) -> None:
        assert Label._load(given) == Label("PUMP")

    def test_load_from_definition(self) -> None:
        assert Label._load(LabelDefinition.load(READ)) == Label("PUMP")

    def test_dump(self, validate_schema: Callable[[str, Any], None]) -> None:
        assert Label("PUMP").dump() == {"externalId": "PUMP"}
        assert Label("PUMP").dump(camel_case=False) == {"external_id": "PUMP"}
        validate_schema("Label", Label("PUMP").dump())

    def test_hashable(self) -> None:
        assert len({Label("a"), Label("a"), Label("b")}) == 2

    def test_convert_label(self) -> None:
        assert Label.convert_label(None) is None
        assert Label.convert_label("a") == Label("a")
        assert Label.convert_label(["a", {"externalId": "b"}, Label("c")]) == [Label("a"), Label("b"), Label("c")]

    def test_bad_input(self) -> None:
        with pytest.raises(TypeError, match="Label"):
            Label._load(5)
        with pytest.raises(ValueError, match="externalId"):
            Label._load({"name": "x"})
        with pytest.raises(TypeError, match="external_id"):
            Label(5)  # type: ignore[arg-type]


class TestLabelFilter:
    def test_contains_any(self, validate_schema: Callable[[str, Any], None]) -> None:
        flt = LabelFilter(contains_any=["PUMP", Label("VALVE")])
        assert flt.dump() == {"containsAny": [{"externalId": "PUMP"}, {"externalId": "VALVE"}]}
        validate_schema("LabelFilter", flt.dump())

    def test_contains_all(self, validate_schema: Callable[[str, Any], None]) -> None:
        flt = LabelFilter(contains_all=[{"externalId": "PUMP"}])
        assert flt.dump() == {"containsAll": [{"externalId": "PUMP"}]}
        assert flt.dump(camel_case=False) == {"contains_all": [{"external_id": "PUMP"}]}
        validate_schema("LabelFilter", flt.dump())

    def test_load_round_trip(self) -> None:
        flt = LabelFilter(contains_any=["a", "b"])
        assert LabelFilter.load(flt.dump()) == flt
        assert LabelFilter.load({"contains_all": ["x"]}) == LabelFilter(contains_all=[Label("x")])

    def test_bad_input(self) -> None:
        with pytest.raises(ValueError, match="exactly one"):
            LabelFilter()
        with pytest.raises(ValueError, match="exactly one"):
            LabelFilter(contains_any=["a"], contains_all=["b"])
        with pytest.raises(TypeError, match="contains_any"):
            LabelFilter(contains_any="PUMP")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="contains_all"):
            LabelFilter(contains_all=[])


class TestLabelDefinition:
    def test_load_dump(self, validate_schema: Callable[[str, Any], None]) -> None:
        ld = LabelDefinition.load(READ)
        assert ld == LabelDefinition("PUMP", "Pump", 1700000000000, "Pumps", 7)
        assert ld.dump() == READ
        assert ld.dump(camel_case=False) == {
            "external_id": "PUMP",
            "name": "Pump",
            "created_time": 1700000000000,
            "description": "Pumps",
            "data_set_id": 7,
        }
        validate_schema("LabelDefinition", ld.dump())

    def test_unknown_fields_ignored(self) -> None:
        assert LabelDefinition.load({**READ, "newField": 1}) == LabelDefinition.load(READ)

    def test_load_from_json_and_snake_case(self) -> None:
        assert LabelDefinition.load(json.dumps(READ)) == LabelDefinition.load(READ)
        assert LabelDefinition.load(LabelDefinition.load(READ).dump(camel_case=False)) == LabelDefinition.load(READ)

    def test_as_write(self, validate_schema: Callable[[str, Any], None]) -> None:
        write = LabelDefinition.load(READ).as_write()
        assert write == LabelDefinitionWrite("PUMP", "Pump", "Pumps", 7)
        assert write.as_write() is write
        assert write.dump() == {"externalId": "PUMP", "name": "Pump", "description": "Pumps", "dataSetId": 7}
        validate_schema("ExternalLabelDefinition", write.dump())

    def test_write_minimal(self) -> None:
        assert LabelDefinitionWrite(external_id="A", name="a").dump() == {"externalId": "A", "name": "a"}


class TestLabelDefinitionFilter:
    def test_dump(self) -> None:
        flt = LabelDefinitionFilter(name="Pump", external_id_prefix="PU", data_set_ids=[1, "ds", {"external_id": "x"}])  # type: ignore[list-item]
        assert flt.dump() == {
            "name": "Pump",
            "externalIdPrefix": "PU",
            "dataSetIds": [{"id": 1}, {"externalId": "ds"}, {"externalId": "x"}],
        }

    def test_matches_spec(self, validate_schema: Callable[[str, Any], None]) -> None:
        flt = LabelDefinitionFilter(external_id_prefix="PU", data_set_ids=[{"id": 1}])
        validate_schema("LabelDefinitionFilter", {"filter": flt.dump()})

    def test_bad_data_set_id(self) -> None:
        with pytest.raises(TypeError, match="data_set_ids"):
            LabelDefinitionFilter(data_set_ids=[1.5])  # type: ignore[list-item]


class TestLists:
    def test_list_load_and_write(self) -> None:
        lst = LabelDefinitionList.load([READ, {**READ, "externalId": "VALVE"}])
        assert lst.as_external_ids() == ["PUMP", "VALVE"]
        assert lst.get(external_id="VALVE") is lst[1]
        write = lst.as_write()
        assert isinstance(write, LabelDefinitionWriteList)
        assert write.as_external_ids() == ["PUMP", "VALVE"]
        assert write.dump()[0] == {"externalId": "PUMP", "name": "Pump", "description": "Pumps", "dataSetId": 7}

    def test_list_dump_round_trip(self) -> None:
        lst = LabelDefinitionList.load([READ])
        assert LabelDefinitionList.load(lst.dump()).dump() == lst.dump() == [READ]

    def test_list_type_check(self) -> None:
        with pytest.raises(TypeError, match="LabelDefinition"):
            LabelDefinitionList([LabelDefinitionWrite("A", "a")])
