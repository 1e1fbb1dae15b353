"""The emulator's synthetic time series expressions (``POST /timeseries/synthetic/query``): parsing, alignment,
interpolation, functions, per-point errors and limits; every request and answer checked against the spec."""

from __future__ import annotations

import math
from typing import Any

import pytest

from cognite.client.testing._errors import CDFError
from cognite.client.testing._openapi import OpenAPISpec
from cognite.client.testing._synthetic import FUNCTIONS, SeriesData, SeriesRef, parse, synthetic_query

PATH = "/timeseries/synthetic/query"
SERIES = {
    (("id", 1),): SeriesData([0, 10, 20], [1.0, 2.0, 3.0]),
    (("externalId", "z"),): SeriesData([0, 10, 20], [0.0, 1.0, 0.0], is_step=True),
    (("externalId", "valve"),): SeriesData([5, 15], ["OPEN", "CLOSED"], is_string=True),
    (("instanceId", (("space", "sp"), ("externalId", "n"))),): SeriesData([10], [4.0]),
    (("id", 2),): SeriesData([-10, 30], [0.0, 40.0]),  # only points outside [0, 25): used to interpolate
    (("id", 3),): SeriesData([5, 15], [0.0, 0.0]),
}


class Fetcher:
    """The datapoints source: records every reference it is asked for."""

    def __init__(self) -> None:
        self.refs: list[SeriesRef] = []

    def __call__(self, ref: SeriesRef) -> SeriesData:
        self.refs.append(ref)
        if ref.aggregate is not None:
            return SeriesData([0, 3_600_000], [100.0, 200.0])
        try:
            return SERIES[ref.identifier]
        except KeyError:
            raise CDFError(400, "Time series not found", missing=[ref.identifier_dict()]) from None


@pytest.fixture
def fetch() -> Fetcher:
    return Fetcher()


def query(spec: OpenAPISpec, fetch: Fetcher, *items: dict[str, Any]) -> list[list[dict[str, Any]]]:
    body = {"items": [{"end": 25, **item} for item in items]}
    assert spec.request_errors("POST", PATH, body, None) == []
    status, answer = synthetic_query(body, fetch, now_ms=10_000_000)
    assert spec.response_errors("POST", PATH, status, answer) == []
    assert all(item["isString"] is False for item in answer["items"])
    return [item["datapoints"] for item in answer["items"]]


def values(points: list[dict[str, Any]]) -> list[tuple[int, Any]]:
    return [(p["timestamp"], round(p["value"], 9) if "value" in p else p["error"].split(":")[0]) for p in points]


def test_arithmetic_precedence_and_unary_minus(spec: OpenAPISpec, fetch: Fetcher) -> None:
    (points,) = query(spec, fetch, {"expression": "3.6 * TS{id=1} + -1 - 2 * (1 + 1) / 4"})
    assert values(points) == [(0, 1.6), (10, 5.2), (20, 8.8)]


def test_series_are_aligned_and_interpolated(spec: OpenAPISpec, fetch: Fetcher) -> None:
    (points,) = query(spec, fetch, {"expression": "ts{id=1} + ts{id=2}"})
    # id 2 has points only outside the range: it is interpolated at id 1's timestamps, adds no timestamps of its own
    assert values(points) == [(0, 11.0), (10, 22.0), (20, 33.0)]
    (points,) = query(spec, fetch, {"expression": "ts{id=1} * ts{externalId='z'}", "start": 5})
    assert values(points) == [(10, 2.0), (20, 0.0)]
    (points,) = query(spec, fetch, {"expression": "ts{id=1} + 0 * ts{space='sp', externalId=\"n\"}"})
    assert values(points) == [(10, 2.0)]  # the instance-id series has one point: no value elsewhere


def test_step_series_are_not_interpolated_linearly(spec: OpenAPISpec, fetch: Fetcher) -> None:
    (points,) = query(spec, fetch, {"expression": "ts{externalId='z'} + ts{id=3}"})
    assert values(points) == [(5, 0.0), (10, 1.0), (15, 1.0)]  # linear would give 0.5 at 5 and at 15


def test_functions(spec: OpenAPISpec, fetch: Fetcher) -> None:
    expressions = {
        "sin(pi() / 2) + cos(0)": 2.0,
        "ln(exp(2)) + sqrt(16) + abs(-3)": 9.0,
        "pow(2, 10) + round(3.14159, 2)": 1027.14,
        "max(1, 5, 3) + min(4, -2) + avg(1, 2, 3, 4)": 5.5,
        "round(1234.5, -2)": 1200.0,
    }
    items = [{"expression": f"{expr} + 0 * ts{{id=1}}", "limit": 1} for expr in expressions]
    answers = query(spec, fetch, *items)
    assert [values(points)[0][1] for points in answers] == list(expressions.values())
    assert set(FUNCTIONS) == {"sin", "cos", "pi", "ln", "pow", "sqrt", "exp", "abs", "max", "min", "avg", "round",
                              "on_error", "map"}  # fmt: skip


def test_point_errors_and_on_error(spec: OpenAPISpec, fetch: Fetcher) -> None:
    errors, caught, overflow, domain, text = query(
        spec, fetch,
        {"expression": "1 / ts{externalId='z'}"},
        {"expression": "on_error(1 / ts{externalId='z'}, -1)"},
        {"expression": "exp(1000 * ts{id=1})"},
        {"expression": "ln(ts{externalId='z'} - 1) + sqrt(-ts{id=1})"},
        {"expression": "ts{externalId='valve'} * 2"},
    )  # fmt: skip
    assert values(errors) == [(0, "BAD_DOMAIN"), (10, 1.0), (20, "BAD_DOMAIN")]
    assert values(caught) == [(0, -1.0), (10, 1.0), (20, -1.0)]
    assert values(overflow) == [(0, "OVERFLOW"), (10, "OVERFLOW"), (20, "OVERFLOW")]
    assert {v for _, v in values(domain)} == {"BAD_DOMAIN"}
    assert values(text) == [(5, "TYPE_ERROR"), (15, "TYPE_ERROR")]


def test_map_turns_strings_into_numbers(spec: OpenAPISpec, fetch: Fetcher) -> None:
    (points,) = query(spec, fetch, {"expression": "map(TS{externalId='valve'}, ['OPEN', 'CLOSED'], [1, 0], -1)"})
    assert values(points) == [(5, 1.0), (15, 0.0)]
    (points,) = query(spec, fetch, {"expression": "map(ts{id=1}, ['x'], [1], -1)"})
    assert values(points) == [(0, -1.0), (10, -1.0), (20, -1.0)]


def test_aggregates_and_options_reach_the_fetcher(spec: OpenAPISpec, fetch: Fetcher) -> None:
    (points,) = query(
        spec, fetch,
        {"expression": "ts{id=1, aggregate='average', granularity='1h', targetUnit='temperature:deg_f'}",
         "start": "2h-ago", "end": "now"},
    )  # fmt: skip
    assert values(points) == [(3_600_000, 200.0)]  # the bucket at 0 is before '2h-ago'
    (ref,) = fetch.refs
    assert (ref.aggregate, ref.granularity, ref.options) == ("average", "1h", (("targetUnit", "temperature:deg_f"),))
    assert (ref.start, ref.end) == (10_000_000 - 7_200_000, 10_000_000)
    assert ref.identifier_dict() == {"id": 1}


def test_limit_and_repeated_references(spec: OpenAPISpec, fetch: Fetcher) -> None:
    (points,) = query(spec, fetch, {"expression": "ts{id=1} + ts{id=1}", "limit": 2})
    assert values(points) == [(0, 2.0), (10, 4.0)]
    assert len(fetch.refs) == 1  # one fetch per distinct reference


@pytest.mark.parametrize(
    "expression, message",
    [
        ("1 +", "unexpected"),
        ("foo(1)", "unknown function"),
        ("ts{id=1", "expected"),
        ("pow(1)", "takes 2 arguments"),
        ("max()", "at least 1"),
        ("ts{name='x'}", "give id, externalId"),
        ("ts{id=1, aggregate='average'}", "granularity"),
        ("ts{id=1, id=2}", "twice"),
        ("'a' + ts{id=1}", "only allowed"),
        ("map(ts{id=1}, ['a'], [1, 2], 0)", "same length"),
        ("map(ts{id=1}, ['a'], ['b'], 0)", "to numbers"),
        ("1 $ 2", "unexpected character"),
        ("", "non-empty"),
        (" + ".join(["ts{id=1}"] * 101), "at most 100"),
    ],
)
def test_invalid_expressions_are_rejected(fetch: Fetcher, expression: str, message: str) -> None:
    with pytest.raises(CDFError) as err:
        synthetic_query({"items": [{"expression": expression}]}, fetch, now_ms=0)
    assert err.value.code == 400 and message in str(err.value)
    assert fetch.refs == []  # nothing fetched for an invalid expression


@pytest.mark.parametrize(
    "body, message",
    [
        ({"items": []}, "1 to 10"),
        ({"items": [{"expression": "ts{id=1}"}] * 11}, "1 to 10"),
        ({"items": [{"expression": "ts{id=1}", "limit": 10_001}]}, "limit"),
        ({"items": [{"expression": "ts{id=1}", "start": "yesterday"}]}, "start"),
    ],
)
def test_invalid_requests(fetch: Fetcher, body: dict[str, Any], message: str) -> None:
    with pytest.raises(CDFError, match=message):
        synthetic_query(body, fetch, now_ms=0)


def test_unknown_series_is_the_fetchers_error(fetch: Fetcher) -> None:
    with pytest.raises(CDFError) as err:
        synthetic_query({"items": [{"expression": "ts{externalId='nope'}"}]}, fetch, now_ms=0)
    assert err.value.body()["error"]["missing"] == [{"externalId": "nope"}]


def test_parser_builds_a_tree_not_code() -> None:
    tree = parse("abs(-ts{id=1})")
    assert tree.kind == "call" and tree.value == "abs" and tree.children[0].kind == "neg"
    with pytest.raises(CDFError, match="unknown function"):
        parse("__import__('os')")
    assert math.isclose(SeriesData([0, 10], [0.0, 10.0]).value_at(4), 4.0)
    assert SeriesData([0, 10], [0.0, 10.0]).value_at(11) is None
