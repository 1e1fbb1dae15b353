"""Shared data classes (time ranges, aggregate results, geo locations) and the aggregation classes."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from cognite.client.data_classes import aggregations as agg
from cognite.client.data_classes.shared import (
    AggregateResult,
    AggregateUniqueValuesResult,
    GeoLocation,
    GeoLocationFilter,
    Geometry,
    GeometryFilter,
    TimestampRange,
)


class TestTimestampRange:
    def test_dump_load(self) -> None:
        tr = TimestampRange(max=10, min=0)
        assert tr.dump() == {"max": 10, "min": 0}
        assert TimestampRange.load({"min": 0, "max": 10}) == tr
        assert TimestampRange.load('{"min": 5}') == TimestampRange(min=5)
        assert TimestampRange(min=5).dump() == {"min": 5}

    def test_positional_order_is_max_min(self) -> None:
        assert TimestampRange(10, 0) == TimestampRange(max=10, min=0)

    def test_unknown_keys_ignored(self) -> None:
        assert TimestampRange.load({"min": 1, "somethingNew": 2}) == TimestampRange(min=1)

    def test_bad_type(self) -> None:
        with pytest.raises(TypeError, match="min"):
            TimestampRange(min="yesterday")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="max"):
            TimestampRange(max=True)

    def test_matches_spec(self, validate_schema: Callable[[str, Any], None]) -> None:
        validate_schema("EpochTimestampRange", TimestampRange(max=10, min=0).dump())


class TestAggregateResults:
    def test_count(self) -> None:
        res = AggregateResult.load({"count": 10})
        assert res.count == 10
        assert res.dump() == {"count": 10}

    def test_unique_value(self) -> None:
        res = AggregateUniqueValuesResult.load({"count": 3, "value": "pump"})
        assert (res.count, res.value) == (3, "pump")
        assert AggregateUniqueValuesResult(count=1, value=5).dump(camel_case=False) == {"count": 1, "value": 5}


class TestGeometry:
    @pytest.mark.parametrize(
        "data",
        [
            {"type": "Point", "coordinates": [10.7, 59.9]},
            {"type": "LineString", "coordinates": [[0.0, 0.0], [1.0, 1.0]]},
            {"type": "Polygon", "coordinates": [[[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0]]]},
            {"type": "MultiPoint", "coordinates": [[0.0, 0.0], [1.0, 1.0]]},
            {"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [1.0, 2.0]}]},
        ],
    )
    def test_round_trip(self, data: dict[str, Any]) -> None:
        geometry = Geometry.load(data)
        assert geometry.dump() == data
        assert Geometry.load(json.dumps(data)) == geometry

    def test_nested_geometries_are_objects(self) -> None:
        geometry = Geometry("GeometryCollection", geometries=[{"type": "Point", "coordinates": [1, 2]}])  # type: ignore[list-item]
        assert geometry.geometries == [Geometry("Point", [1, 2])]

    def test_bad_type(self) -> None:
        with pytest.raises(ValueError, match=r"Geometry\.type"):
            Geometry("Circle", [0, 0])


class TestGeoLocation:
    def test_round_trip(self, validate_schema: Callable[[str, Any], None]) -> None:
        data = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [10.7, 59.9]}, "properties": {"a": 1}}
        geo = GeoLocation.load(data)
        assert geo.geometry == Geometry("Point", [10.7, 59.9])
        assert geo.dump() == data
        validate_schema("GeoLocation", geo.dump())

    def test_geometry_as_dict(self) -> None:
        geo = GeoLocation("Feature", {"type": "Point", "coordinates": [1, 2]})  # type: ignore[arg-type]
        assert isinstance(geo.geometry, Geometry)

    def test_bad_input(self) -> None:
        with pytest.raises(ValueError, match="Feature"):
            GeoLocation("Point", Geometry("Point", [1, 2]))
        with pytest.raises(TypeError, match="geometry"):
            GeoLocation("Feature", [1, 2])  # type: ignore[arg-type]


class TestGeoLocationFilter:
    def test_dump_load(self, validate_schema: Callable[[str, Any], None]) -> None:
        flt = GeoLocationFilter("within", GeometryFilter("Polygon", [[[0, 0], [0, 1], [1, 1], [0, 0]]]))
        dumped = flt.dump()
        assert dumped == {
            "relation": "WITHIN",
            "shape": {"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [0, 0]]]},
        }
        assert GeoLocationFilter.load(dumped) == flt
        # (the spec's PolygonCoordinates asks for two rings or more, against its own description; use a point)
        point = GeoLocationFilter("intersects", GeometryFilter("Point", [10.7, 59.9]))
        validate_schema("GeoLocationFilter", point.dump())

    def test_shape_as_dict(self) -> None:
        flt = GeoLocationFilter("INTERSECTS", {"type": "Point", "coordinates": [1, 2]})  # type: ignore[arg-type]
        assert flt.shape == GeometryFilter("Point", [1, 2])

    def test_geometry_filter_load(self) -> None:
        assert GeometryFilter.load({"type": "Point", "coordinates": [1, 2]}) == GeometryFilter("Point", [1, 2])
        with pytest.raises(TypeError):
            GeometryFilter.load([1, 2])  # type: ignore[arg-type]

    def test_bad_input(self) -> None:
        with pytest.raises(ValueError, match="relation"):
            GeoLocationFilter("NEAR", GeometryFilter("Point", [1, 2]))
        with pytest.raises(ValueError, match=r"GeometryFilter\.type"):
            GeometryFilter("GeometryCollection", [])
        with pytest.raises(TypeError, match="shape"):
            GeoLocationFilter("WITHIN", "POINT(1 2)")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- aggregations


class TestAggregations:
    @pytest.mark.parametrize(
        "aggregation, dumped",
        [
            (agg.Avg("w"), {"avg": {"property": "w"}}),
            (agg.Count("w"), {"count": {"property": "w"}}),
            (agg.Max("w"), {"max": {"property": "w"}}),
            (agg.Min("w"), {"min": {"property": "w"}}),
            (agg.Sum("w"), {"sum": {"property": "w"}}),
            (agg.Histogram("w", 5), {"histogram": {"property": "w", "interval": 5}}),
        ],
    )
    def test_dump_load(
        self, validate_schema: Callable[[str, Any], None], aggregation: agg.Aggregation, dumped: dict[str, Any]
    ) -> None:
        assert aggregation.dump() == dumped
        assert agg.Aggregation.load(dumped) == aggregation
        validate_schema("AggregationDefinition", dumped)

    def test_aliases(self) -> None:
        assert agg.Average is agg.Avg
        assert agg.AverageValue is agg.AvgValue

    def test_bad_input(self) -> None:
        with pytest.raises(TypeError, match="property"):
            agg.Avg(["a"])  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="interval"):
            agg.Histogram("w", 0)
        with pytest.raises(ValueError, match="Unknown aggregation"):
            agg.Aggregation.load({"median": {"property": "w"}})

    @pytest.mark.parametrize(
        "data, cls",
        [
            ({"aggregate": "avg", "property": "w", "value": 1.5}, agg.AvgValue),
            ({"aggregate": "count", "property": "w", "value": 3}, agg.CountValue),
            ({"aggregate": "max", "property": "w", "value": 9}, agg.MaxValue),
            ({"aggregate": "min", "property": "w", "value": 0}, agg.MinValue),
            ({"aggregate": "sum", "property": "w", "value": 10}, agg.SumValue),
        ],
    )
    def test_values(
        self, validate_schema: Callable[[str, Any], None], data: dict[str, Any], cls: type[agg.AggregatedValue]
    ) -> None:
        loaded = agg.AggregatedValue.load(data)
        assert type(loaded) is cls
        assert loaded.dump() == data
        assert agg.AggregatedValue.load(json.dumps(data)) == loaded
        validate_schema("AggregatedValueItem", loaded.dump())

    def test_histogram_value(self, validate_schema: Callable[[str, Any], None]) -> None:
        data = {
            "aggregate": "histogram",
            "property": "w",
            "interval": 5.0,
            "buckets": [{"start": 0.0, "count": 2}, {"start": 5.0, "count": 1}],
        }
        loaded = agg.AggregatedValue.load(data)
        assert isinstance(loaded, agg.HistogramValue)
        assert isinstance(loaded.buckets, agg.Buckets)
        assert loaded.buckets.starts == [0.0, 5.0]
        assert loaded.buckets.counts == [2, 1]
        assert loaded.dump() == data
        validate_schema("AggregatedValueItem", loaded.dump())

    def test_value_bad_input(self) -> None:
        with pytest.raises(ValueError, match="Unknown aggregate"):
            agg.AggregatedValue.load({"aggregate": "median", "property": "w"})
        with pytest.raises(ValueError, match="not a AggregatedNumberedValue"):
            agg.AggregatedNumberedValue.load({"aggregate": "histogram", "property": "w", "interval": 1, "buckets": []})

    def test_unique_results(self) -> None:
        res = agg.UniqueResultList.load(
            [{"count": 5, "values": ["a"]}, {"count": 2, "values": [{"externalId": "PUMP"}]}]
        )
        assert res.unique == ["a", agg.Label("PUMP")]
        assert res[0].value == "a"
        assert res[0].count == 5
        props = agg.UniqueResult.load({"count": 1, "values": [{"property": ["metadata", "k"]}]})
        assert props.value == {"property": ["metadata", "k"]}


class TestAggregationFilters:
    @pytest.mark.parametrize(
        "flt, dumped",
        [
            (agg.Prefix("pu"), {"prefix": {"value": "pu"}}),
            (agg.In(["a", "b"]), {"in": {"values": ["a", "b"]}}),
            (agg.Range(gte=1, lt=5), {"range": {"gte": 1, "lt": 5}}),
            (agg.Not(agg.Prefix("x")), {"not": {"prefix": {"value": "x"}}}),
            (
                agg.And(agg.Prefix("a"), agg.Or(agg.In(["b"]), agg.Range(gt="c"))),
                {"and": [{"prefix": {"value": "a"}}, {"or": [{"in": {"values": ["b"]}}, {"range": {"gt": "c"}}]}]},
            ),
        ],
    )
    def test_dump_load(self, flt: agg.AggregationFilter, dumped: dict[str, Any]) -> None:
        assert flt.dump() == dumped
        assert agg.AggregationFilter.load(dumped) == flt

    def test_operators(self) -> None:
        a, b, c = agg.Prefix("a"), agg.Prefix("b"), agg.Prefix("c")
        assert (a & b & c) == agg.And(a, b, c)
        assert (a | b) == agg.Or(a, b)
        assert ~~a == a

    def test_matches_spec(self, validate_schema: Callable[[str, Any], None]) -> None:
        # The spec's aggregate prefix value is typed as an object; in/range/bool are checked here.
        flt = agg.Or(agg.Not(agg.And(agg.In(["11", "12"]), agg.Range(gte=13, lt=15))), agg.In(["x"]))
        validate_schema("AssetAggregateFilter", flt.dump())

    def test_bad_input(self) -> None:
        with pytest.raises(ValueError, match="at least one"):
            agg.And()
        with pytest.raises(TypeError, match="filters"):
            agg.Or(agg.Prefix("a"), "b")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="value"):
            agg.Prefix(5)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="values"):
            agg.In("abc")
        with pytest.raises(ValueError, match="gt and gte"):
            agg.Range(gt=1, gte=1)
        with pytest.raises(ValueError, match="Unknown aggregate filter"):
            agg.AggregationFilter.load({"regex": {"value": "a.*"}})


def test_aggregation_objects_nested_in_structs_encode() -> None:
    from cognite.client.data_classes._base import basic_obj_dump

    payload = {"aggregateFilter": agg.Prefix("a"), "aggregate": agg.Avg("w")}
    assert basic_obj_dump(payload, camel_case=True) == {
        "aggregateFilter": {"prefix": {"value": "a"}},
        "aggregate": {"avg": {"property": "w"}},
    }


def test_the_lazy_exports_of_data_classes_match_their_type_checking_imports() -> None:
    import ast
    import importlib
    from pathlib import Path

    import cognite.client.data_classes as dc

    tree = ast.parse(Path(dc.__file__).read_text(encoding="utf-8"))
    imported: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for imp in node.body:
                if isinstance(imp, ast.ImportFrom) and imp.module:
                    imported.update({a.asname or a.name: imp.module for a in imp.names})
    assert imported == dc._LAZY
    assert sorted(dc.__all__) == sorted(dc._LAZY)
    for name, module in dc._LAZY.items():  # every name resolves to the class its module defines
        assert getattr(dc, name) is getattr(importlib.import_module(module), name), name
