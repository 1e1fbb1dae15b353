"""The advanced-filter DSL: dump shapes, load round trips, operators, bad input, and the CDF spec's filter schemas."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from cognite.client.data_classes import filters as f
from cognite.client.data_classes.data_modeling.ids import ContainerId, NodeId, PropertyId, ViewId
from cognite.client.data_classes.shared import Geometry


class PumpProperty(f.EnumProperty):
    external_id = "externalId"
    metadata = "metadata"
    source_file_name = ("sourceFile", "name")


# ---------------------------------------------------------------------------------------------- dump shapes


class TestDump:
    def test_equals_basic(self) -> None:
        assert f.Equals("name", "x").dump() == {"equals": {"property": ["name"], "value": "x"}}

    def test_snake_case_property_kept_by_default(self) -> None:
        assert f.Equals("external_id", "x").dump() == {"equals": {"property": ["external_id"], "value": "x"}}

    def test_camel_case_property(self) -> None:
        dumped = f.Equals("external_id", "x").dump(camel_case_property=True)
        assert dumped == {"equals": {"property": ["externalId"], "value": "x"}}

    def test_metadata_key_kept_as_is(self) -> None:
        dumped = f.Equals(("metadata", "asset_type"), "pump").dump(camel_case_property=True)
        assert dumped == {"equals": {"property": ["metadata", "asset_type"], "value": "pump"}}

    def test_list_property(self) -> None:
        assert f.Exists(["source_file", "name"]).dump(camel_case_property=True) == {
            "exists": {"property": ["sourceFile", "name"]}
        }

    def test_enum_property(self) -> None:
        assert f.Equals(PumpProperty.external_id, "p").dump() == {"equals": {"property": ["externalId"], "value": "p"}}
        assert PumpProperty.metadata.as_reference() == ["metadata"]
        assert f.Exists(PumpProperty.source_file_name).dump() == {"exists": {"property": ["sourceFile", "name"]}}

    def test_property_id_and_view_property_ref(self) -> None:
        view = ViewId("s", "Pump", "v1")
        expected = {"equals": {"property": ["s", "Pump/v1", "name"], "value": "x"}}
        assert f.Equals(PropertyId(view, "name"), "x").dump() == expected
        assert f.Equals(view.as_property_ref("name"), "x").dump() == expected
        assert f.Exists(ContainerId("s", "C").as_property_ref("p")).dump() == {"exists": {"property": ["s", "C", "p"]}}

    def test_dm_property_not_camel_cased(self) -> None:
        # Data-modeling properties are user-defined; without camel_case_property they are kept exactly.
        assert f.Equals(("s", "View/v1", "my_prop"), 1).dump() == {
            "equals": {"property": ["s", "View/v1", "my_prop"], "value": 1}
        }

    def test_values_filters(self) -> None:
        assert f.In("source", ["a", "b"]).dump() == {"in": {"property": ["source"], "values": ["a", "b"]}}
        assert f.ContainsAny("labels", ("a",)).dump() == {"containsAny": {"property": ["labels"], "values": ["a"]}}
        assert f.ContainsAll("labels", ["a", "b"]).dump() == {
            "containsAll": {"property": ["labels"], "values": ["a", "b"]}
        }
        assert f.InAssetSubtree("asset_ids", [1, 2]).dump(camel_case_property=True) == {
            "inAssetSubtree": {"property": ["assetIds"], "values": [1, 2]}
        }

    def test_value_filters(self) -> None:
        assert f.Prefix("name", "pu").dump() == {"prefix": {"property": ["name"], "value": "pu"}}
        assert f.Search("description", "big pump").dump() == {
            "search": {"property": ["description"], "value": "big pump"}
        }

    def test_range_only_given_bounds(self) -> None:
        assert f.Range("created_time", gt=1, lte=5).dump(camel_case_property=True) == {
            "range": {"property": ["createdTime"], "gt": 1, "lte": 5}
        }

    def test_overlaps(self) -> None:
        dumped = f.Overlaps(("s", "C", "start"), ("s", "C", "end"), gte="2020-01-01", lt="2021-01-01").dump()
        assert dumped == {
            "overlaps": {
                "startProperty": ["s", "C", "start"],
                "endProperty": ["s", "C", "end"],
                "gte": "2020-01-01",
                "lt": "2021-01-01",
            }
        }

    def test_parameter_and_property_reference_values(self) -> None:
        assert f.Equals(("s", "C", "p"), f.ParameterValue("param")).dump() == {
            "equals": {"property": ["s", "C", "p"], "value": {"parameter": "param"}}
        }
        assert f.In(("s", "C", "p"), f.ParameterValue("many")).dump() == {
            "in": {"property": ["s", "C", "p"], "values": {"parameter": "many"}}
        }
        assert f.Range(("s", "C", "end"), gt=f.PropertyReferenceValue(("s", "C", "start"))).dump() == {
            "range": {"property": ["s", "C", "end"], "gt": {"property": ["s", "C", "start"]}}
        }

    def test_direct_relation_value(self) -> None:
        dumped = f.Equals(("s", "C", "site"), NodeId("s", "oslo")).dump()
        assert dumped == {"equals": {"property": ["s", "C", "site"], "value": {"space": "s", "externalId": "oslo"}}}
        dumped = f.Equals(("s", "C", "site"), f.DirectRelationReference("s", "oslo")).dump()
        assert dumped["equals"]["value"] == {"space": "s", "externalId": "oslo"}

    def test_label_value(self) -> None:
        assert f.ContainsAny("labels", [f.Label("PUMP")]).dump() == {
            "containsAny": {"property": ["labels"], "values": [{"externalId": "PUMP"}]}
        }

    def test_compound(self) -> None:
        dumped = f.And(f.Equals("a", 1), f.Or(f.Exists("b"), f.Not(f.Prefix("c", "x")))).dump()
        assert dumped == {
            "and": [
                {"equals": {"property": ["a"], "value": 1}},
                {"or": [{"exists": {"property": ["b"]}}, {"not": {"prefix": {"property": ["c"], "value": "x"}}}]},
            ]
        }

    def test_camel_case_property_propagates(self) -> None:
        dumped = f.Not(f.And(f.Exists("parent_id"), f.Nested("some_scope", f.Exists("data_set_id")))).dump(
            camel_case_property=True
        )
        assert dumped == {
            "not": {
                "and": [
                    {"exists": {"property": ["parentId"]}},
                    {"nested": {"scope": ["someScope"], "filter": {"exists": {"property": ["dataSetId"]}}}},
                ]
            }
        }

    def test_match_all(self) -> None:
        assert f.MatchAll().dump() == {"matchAll": {}}

    def test_has_data(self) -> None:
        dumped = f.HasData(containers=[("s", "C")], views=[ViewId("s", "V", "1"), ("s", "W", "2")]).dump()
        assert dumped == {
            "hasData": [
                {"type": "container", "space": "s", "externalId": "C"},
                {"type": "view", "space": "s", "externalId": "V", "version": "1"},
                {"type": "view", "space": "s", "externalId": "W", "version": "2"},
            ]
        }

    def test_nested(self) -> None:
        dumped = f.Nested(("s", "Pump/v1", "site"), f.Equals(("s", "Site/v1", "name"), "Oslo")).dump()
        assert dumped == {
            "nested": {
                "scope": ["s", "Pump/v1", "site"],
                "filter": {"equals": {"property": ["s", "Site/v1", "name"], "value": "Oslo"}},
            }
        }

    def test_geojson(self) -> None:
        geometry = Geometry("Point", [10.7, 59.9])
        for cls, name in [
            (f.GeoJSONIntersects, "geojsonIntersects"),
            (f.GeoJSONDisjoint, "geojsonDisjoint"),
            (f.GeoJSONWithin, "geojsonWithin"),
        ]:
            assert cls("geo_location", geometry).dump(camel_case_property=True) == {
                name: {"property": ["geoLocation"], "geometry": {"type": "Point", "coordinates": [10.7, 59.9]}}
            }
        # a geometry may be given as a dict
        assert f.GeoJSONWithin("g", {"type": "Point", "coordinates": [1, 2]}).geometry == Geometry("Point", [1, 2])

    def test_instance_references(self) -> None:
        assert f.InstanceReferences([NodeId("s", "a"), ("s", "b")]).dump() == {
            "instanceReferences": [{"space": "s", "externalId": "a"}, {"space": "s", "externalId": "b"}]
        }

    def test_space_filter(self) -> None:
        assert f.SpaceFilter("s").dump() == {"equals": {"property": ["node", "space"], "value": "s"}}
        assert f.SpaceFilter(["a", "b"], "edge").dump() == {"in": {"property": ["edge", "space"], "values": ["a", "b"]}}

    def test_is_null(self) -> None:
        assert f.IsNull("parent_id").dump(camel_case_property=True) == {"not": {"exists": {"property": ["parentId"]}}}

    def test_unknown_and_invalid(self) -> None:
        assert f.UnknownFilter("future", {"x": [1]}).dump() == {"future": {"x": [1]}}
        inv = f.InvalidFilter([["s", "C", "gone"]], "equals")
        assert inv.dump() == {
            "invalid": {"previouslyReferencedProperties": [["s", "C", "gone"]], "filterType": "equals"}
        }

    def test_dump_is_json_serializable(self) -> None:
        flt = f.And(f.Equals(("s", "C", "p"), NodeId("s", "x")), f.HasData(views=[("s", "V", "1")]))
        json.dumps(flt.dump())


# ---------------------------------------------------------------------------------------------- load round trips

ROUND_TRIP = [
    f.Equals("name", "x"),
    f.Equals(("metadata", "key"), 1.5),
    f.Equals(("s", "C", "p"), {"space": "s", "externalId": "x"}),
    f.Equals(("s", "C", "p"), f.ParameterValue("param")),
    f.In("source", ["a", "b"]),
    f.In(("s", "C", "p"), f.PropertyReferenceValue(("s", "C", "q"))),
    f.ContainsAny("labels", ["a"]),
    f.ContainsAll("labels", ["a", "b"]),
    f.InAssetSubtree("assetIds", [1]),
    f.Prefix("name", "pu"),
    f.Search("description", "pump"),
    f.Exists("parentId"),
    f.Range("createdTime", gte=0, lt=10),
    f.Range(("s", "C", "end"), gt=f.PropertyReferenceValue(("s", "C", "start"))),
    f.Overlaps(("s", "C", "a"), ("s", "C", "b"), gt=1, lte=5),
    f.MatchAll(),
    f.HasData(containers=[ContainerId("s", "C")], views=[ViewId("s", "V", "1")]),
    f.Nested(("s", "V/1", "rel"), f.Equals(("s", "W/1", "p"), "x")),
    f.GeoJSONIntersects("geoLocation", Geometry("Point", [1.0, 2.0])),
    f.GeoJSONDisjoint("geoLocation", Geometry("Polygon", [[[0, 0], [0, 1], [1, 1], [0, 0]]])),
    f.GeoJSONWithin("geoLocation", Geometry("Point", [1.0, 2.0])),
    f.InstanceReferences([("s", "a")]),
    f.InvalidFilter([["s", "C", "p"]], "range"),
    f.And(f.Equals("a", 1), f.Or(f.Exists("b"), f.Not(f.Prefix("c", "x")))),
    f.UnknownFilter("somethingNew", {"property": ["x"]}),
]


@pytest.mark.parametrize("flt", ROUND_TRIP, ids=lambda x: type(x).__name__)
def test_load_round_trip(flt: f.Filter) -> None:
    dumped = flt.dump()
    loaded = f.Filter.load(dumped)
    assert type(loaded) is type(flt)
    assert loaded == flt
    assert loaded.dump() == dumped
    # and through JSON
    assert f.Filter.load(json.loads(json.dumps(dumped))).dump() == dumped


def test_load_values_become_value_objects() -> None:
    loaded = f.Filter.load({"equals": {"property": ["s", "C", "p"], "value": {"parameter": "x"}}})
    assert isinstance(loaded, f.Equals)
    assert loaded.value == f.ParameterValue("x")
    loaded = f.Filter.load({"range": {"property": ["s", "C", "p"], "gt": {"property": ["s", "C", "q"]}}})
    assert isinstance(loaded, f.Range)
    assert loaded.gt == f.PropertyReferenceValue(("s", "C", "q"))


def test_load_if() -> None:
    assert f.Filter.load_if(None) is None
    assert f.Filter.load_if({"matchAll": {}}) == f.MatchAll()


def test_load_accepts_filter() -> None:
    flt = f.Exists("a")
    assert f.Filter.load(flt) is flt  # type: ignore[arg-type]


def test_load_older_has_data_form() -> None:
    loaded = f.Filter.load({"hasData": {"views": [{"space": "s", "externalId": "V", "version": "1"}]}})
    assert loaded == f.HasData(views=[ViewId("s", "V", "1")])


def test_space_filter_load() -> None:
    assert f.SpaceFilter.load({"equals": {"property": ["node", "space"], "value": "s"}}) == f.SpaceFilter("s")
    assert f.SpaceFilter.load({"in": {"property": ["edge", "space"], "values": ["a"]}}) == f.SpaceFilter(["a"], "edge")
    with pytest.raises(ValueError, match="Not a space filter"):
        f.SpaceFilter.load({"equals": {"property": ["name"], "value": "s"}})


def test_is_null_load() -> None:
    assert f.IsNull.load({"not": {"exists": {"property": ["a"]}}}) == f.IsNull("a")
    with pytest.raises(ValueError):
        f.IsNull.load({"exists": {"property": ["a"]}})


@pytest.mark.parametrize(
    "bad, exc",
    [
        ({}, ValueError),
        ({"equals": {}, "in": {}}, ValueError),
        ({"equals": {"value": 1}}, ValueError),
        ({"and": {"equals": {}}}, ValueError),
        ("equals", TypeError),
    ],
)
def test_load_bad_input(bad: Any, exc: type[Exception]) -> None:
    with pytest.raises(exc):
        f.Filter.load(bad)


# ---------------------------------------------------------------------------------------------- operators


class TestOperators:
    def test_and_or_not(self) -> None:
        a, b = f.Exists("a"), f.Exists("b")
        assert (a & b) == f.And(a, b)
        assert (a | b) == f.Or(a, b)
        assert ~a == f.Not(a)

    def test_flattening(self) -> None:
        a, b, c, d = (f.Exists(x) for x in "abcd")
        assert (a & b & c) == f.And(a, b, c)
        assert ((a & b) & (c & d)) == f.And(a, b, c, d)
        assert (a | b | c) == f.Or(a, b, c)
        assert ((a & b) | c) == f.Or(f.And(a, b), c)

    def test_double_negation(self) -> None:
        a = f.Exists("a")
        assert ~~a == a
        assert ~f.IsNull("a") == f.Exists("a")

    def test_operator_with_non_filter(self) -> None:
        with pytest.raises(TypeError):
            f.Exists("a") & {"exists": {"property": ["b"]}}  # type: ignore[operator]

    def test_equality_and_hash(self) -> None:
        assert f.Equals("a", 1) == f.Equals(["a"], 1)
        assert f.Equals("a", 1) != f.Equals("a", 2)
        assert f.Equals("a", "x") != f.Prefix("a", "x")
        assert len({f.Equals("a", 1), f.Equals(("a",), 1), f.Exists("a")}) == 2

    def test_repr(self) -> None:
        assert repr(f.Equals("a", 1)) == "Equals(property='a', value=1)"
        assert repr(f.And(f.Exists("a"))) == "And(Exists(property='a'))"

    def test_involved_filter_types(self) -> None:
        flt = f.And(f.Search("name", "x"), f.Not(f.Exists("a")))
        assert flt._involved_filter_types() == {f.And, f.Search, f.Not, f.Exists}


# ---------------------------------------------------------------------------------------------- bad input


class TestBadInput:
    @pytest.mark.parametrize("prop", [1, None, (), [1, 2], {"a": 1}])
    def test_bad_property(self, prop: Any) -> None:
        with pytest.raises(TypeError, match="property"):
            f.Equals(prop, 1)

    def test_bad_values(self) -> None:
        with pytest.raises(TypeError, match="values"):
            f.In("a", "abc")
        with pytest.raises(TypeError, match="values"):
            f.ContainsAny("a", 5)  # type: ignore[arg-type]

    def test_range_bounds(self) -> None:
        with pytest.raises(ValueError, match="gt and gte"):
            f.Range("a", gt=1, gte=1)
        with pytest.raises(ValueError, match="lt and lte"):
            f.Range("a", lt=1, lte=1)
        with pytest.raises(ValueError, match="at least one"):
            f.Range("a")
        with pytest.raises(ValueError, match="at least one"):
            f.Overlaps("a", "b")

    def test_compound(self) -> None:
        with pytest.raises(ValueError, match="at least one"):
            f.And()
        with pytest.raises(TypeError, match="filters"):
            f.Or(f.Exists("a"), {"exists": {}})  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="filter"):
            f.Not("a")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="scope"):
            f.Nested(5, f.Exists("a"))  # type: ignore[arg-type]

    def test_space_filter(self) -> None:
        with pytest.raises(ValueError, match="instance_type"):
            f.SpaceFilter("s", "view")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="space"):
            f.SpaceFilter([])

    def test_geometry(self) -> None:
        with pytest.raises(TypeError, match="geometry"):
            f.GeoJSONWithin("g", [1, 2])  # type: ignore[arg-type]

    def test_parameter(self) -> None:
        with pytest.raises(TypeError, match="parameter"):
            f.ParameterValue(1)  # type: ignore[arg-type]

    def test_has_data(self) -> None:
        with pytest.raises(TypeError, match="views"):
            f.HasData(views="abc")  # type: ignore[arg-type]

    def test_instance_references(self) -> None:
        with pytest.raises(TypeError, match="references"):
            f.InstanceReferences("s")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- the spec's schemas

# Prefix is left out here: the spec types the classic prefix value as an object ({"value": str}), while CDF
# takes a plain string (the documents schema below does accept it).
CLASSIC = [
    f.Equals(("metadata", "asset_type"), "gas pump"),
    f.In("source", ["blueprint", "inventory"]),
    f.Range("data_set_id", gte=1, lt=10),
    f.ContainsAny("labels", ["pump", "cooler"]),
    f.ContainsAll("labels", ["pump"]),
    f.Exists("parent_id"),
    f.Search("description", "My favorite pump"),
    f.Or(
        f.Not(f.And(f.Equals("parent_id", 95867294876), f.In("source", ["a"]))),
        f.Search("name", "x"),
    ),
    f.IsNull("description"),
]


@pytest.mark.parametrize("flt", CLASSIC, ids=lambda x: type(x).__name__)
def test_asset_filters_match_spec(validate_schema: Callable[[str, Any], None], flt: f.Filter) -> None:
    validate_schema("AssetAdvancedFilter", {"advancedFilter": flt.dump(camel_case_property=True)})


@pytest.mark.parametrize("flt", CLASSIC, ids=lambda x: type(x).__name__)
def test_event_filters_match_spec(validate_schema: Callable[[str, Any], None], flt: f.Filter) -> None:
    validate_schema("EventAdvancedFilter", flt.dump(camel_case_property=True))


@pytest.mark.parametrize("flt", CLASSIC, ids=lambda x: type(x).__name__)
def test_time_series_filters_match_spec(validate_schema: Callable[[str, Any], None], flt: f.Filter) -> None:
    validate_schema("TimeSeriesFilterLanguage", flt.dump(camel_case_property=True))


DOCUMENTS = [
    f.GeoJSONIntersects("geo_location", Geometry("Point", [10.7, 59.9])),
    f.GeoJSONDisjoint("geo_location", Geometry("Polygon", [[[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0]]])),
    f.GeoJSONWithin("geo_location", Geometry("MultiPoint", [[1.0, 2.0]])),
    f.InAssetSubtree("asset_ids", [51276, 94287]),
    f.Prefix("name", "Report"),
    f.Equals("labels", f.Label("PUMP")),
    f.And(f.Search("content", "Report"), f.Exists(["source_file", "name"])),
]


@pytest.mark.parametrize("flt", DOCUMENTS, ids=lambda x: type(x).__name__)
def test_document_filters_match_spec(validate_schema: Callable[[str, Any], None], flt: f.Filter) -> None:
    validate_schema("DocumentFilter", flt.dump(camel_case_property=True))


DATA_MODELING = [
    f.Equals(("s", "Pump/v1", "name"), "x"),
    f.Equals(("s", "Pump/v1", "site"), NodeId("s", "oslo")),
    f.Equals(("node", "externalId"), f.ParameterValue("xid")),
    f.In(("s", "C", "p"), [1, 2, 3]),
    f.In(("s", "C", "p"), f.PropertyReferenceValue(("s", "C", "q"))),
    f.Range(("s", "C", "p"), gte=0, lt=100),
    f.Range(("s", "C", "end"), gt=f.PropertyReferenceValue(("s", "C", "start"))),
    f.Prefix(("s", "C", "p"), "ab"),
    f.Prefix(("s", "C", "p"), f.ParameterValue("pre")),
    f.Exists(("s", "C", "p")),
    f.ContainsAny(("s", "C", "tags"), ["a"]),
    f.ContainsAll(("s", "C", "tags"), ["a", "b"]),
    f.MatchAll(),
    f.Nested(("s", "Pump/v1", "site"), f.Equals(("s", "Site/v1", "name"), "Oslo")),
    f.Overlaps(("s", "C", "start"), ("s", "C", "end"), gte=0, lt=10),
    f.HasData(containers=[("s", "C")], views=[("s", "V", "1")]),
    f.InstanceReferences([("s", "a"), NodeId("s", "b")]),
    f.SpaceFilter("s"),
    f.SpaceFilter(["a", "b"], "edge"),
    f.And(f.HasData(views=[ViewId("s", "V", "1")]), ~f.Equals(("node", "space"), "x")) | f.MatchAll(),
]


@pytest.mark.parametrize("flt", DATA_MODELING, ids=lambda x: type(x).__name__)
def test_data_modeling_filters_match_spec(validate_schema: Callable[[str, Any], None], flt: f.Filter) -> None:
    validate_schema("FilterDefinition", flt.dump())


def test_spec_validation_catches_bad_shapes(validate_schema: Callable[[str, Any], None]) -> None:
    from cognite.client.testing._openapi import SpecValidationError

    with pytest.raises(SpecValidationError):
        validate_schema("FilterDefinition", {"equals": {"property": ["s", "C", "p"]}})


def test_filters_nested_in_structs_encode() -> None:
    # Data classes dump nested non-struct values through their dump(camel_case=True): filters must accept it.
    from cognite.client.data_classes._base import basic_obj_dump

    payload = {"filter": f.Equals(("s", "C", "p"), f.ParameterValue("x")), "value": f.PropertyReferenceValue(("a",))}
    assert basic_obj_dump(payload, camel_case=True) == {
        "filter": {"equals": {"property": ["s", "C", "p"], "value": {"parameter": "x"}}},
        "value": {"property": ["a"]},
    }
