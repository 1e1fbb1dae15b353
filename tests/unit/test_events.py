"""The Events API and its data classes, against a fake CDF behind ``httpx.MockTransport``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, CogniteClient
from cognite.client.data_classes import aggregations as agg
from cognite.client.data_classes import filters as flt
from cognite.client.data_classes.aggregations import UniqueResultList
from cognite.client.data_classes.events import (
    EndTimeFilter,
    Event,
    EventFilter,
    EventList,
    EventProperty,
    EventSort,
    EventUpdate,
    EventWrite,
    EventWriteList,
    SortableEventProperty,
)
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError

Routes = Callable[[dict[str, Any]], Any]


def event(i: int, **fields: Any) -> dict[str, Any]:
    return {"id": i, "externalId": f"e{i}", "createdTime": 1, "lastUpdatedTime": 2, **fields}


def echo_created(body: dict[str, Any]) -> dict[str, Any]:
    return {"items": [event(i + 1, **item) for i, item in enumerate(body["items"])]}


def bodies(fake: Any, endpoint: str) -> list[Any]:
    return [r.body for r in fake.calls(endpoint)]


# ---------------------------------------------------------------------------------------------- data classes


class TestDataClasses:
    def test_read_write_roundtrip(self) -> None:
        raw = event(7, startTime=5, endTime=9, assetIds=[1, 2], metadata={"k": "v"}, type="t", unknownNew=1)
        ev = Event.load(raw)
        assert ev.id == 7 and ev.asset_ids == [1, 2] and ev.end_time == 9
        assert ev.as_write() == EventWrite(
            external_id="e7", start_time=5, end_time=9, asset_ids=[1, 2], metadata={"k": "v"}, type="t"
        )
        assert "unknownNew" not in ev.dump()
        assert Event.load(ev.dump(camel_case=False)) == ev

    def test_list_as_write_and_helpers(self) -> None:
        events = EventList.load([event(1), event(2)])
        writes = events.as_write()
        assert isinstance(writes, EventWriteList)
        assert writes.as_external_ids() == ["e1", "e2"]
        assert events.as_ids() == [1, 2]
        assert events.get(external_id="e2") is events[1]

    def test_end_time_filter(self) -> None:
        assert EndTimeFilter(is_null=False).dump() == {"isNull": False}
        assert EndTimeFilter(min=1).dump(camel_case=False) == {"min": 1}
        with pytest.raises(ValueError, match="either is_null or"):
            EndTimeFilter(min=1, is_null=True)
        with pytest.raises(TypeError, match="max"):
            EndTimeFilter(max="soon")  # type: ignore[arg-type]

    def test_filter_dumps_to_the_spec_shape(self) -> None:
        dumped = EventFilter(
            start_time={"min": 1},
            end_time={"is_null": True},
            active_at_time={"max": 5},
            asset_subtree_ids=[{"id": 1}],
            external_id_prefix="p",
        ).dump()
        assert dumped == {
            "startTime": {"min": 1},
            "endTime": {"isNull": True},
            "activeAtTime": {"max": 5},
            "assetSubtreeIds": [{"id": 1}],
            "externalIdPrefix": "p",
        }

    def test_filter_loads_snake_and_camel_keys(self) -> None:
        loaded = EventFilter.load({"end_time": {"isNull": False}, "assetIds": [3], "type": "t"})
        assert loaded == EventFilter(end_time=EndTimeFilter(is_null=False), asset_ids=[3], type="t")

    def test_update_kinds_follow_the_patch_schema(self) -> None:
        upd = (
            EventUpdate(external_id="e")
            .start_time.set(1)
            .end_time.set(None)
            .asset_ids.remove([4])
            .metadata.add({"a": "b"})
            .subtype.set("s")
        )
        assert upd.dump() == {
            "externalId": "e",
            "update": {
                "startTime": {"set": 1},
                "endTime": {"setNull": True},
                "assetIds": {"remove": [4]},
                "metadata": {"add": {"a": "b"}},
                "subtype": {"set": "s"},
            },
        }

    def test_sort_and_properties(self) -> None:
        assert EventSort("start_time", "desc", "last").dump() == {
            "property": ["startTime"],
            "order": "desc",
            "nulls": "last",
        }
        assert EventSort(SortableEventProperty.score).dump() == {"property": ["_score_"], "order": "asc"}
        assert EventProperty.metadata_key("site") == ["metadata", "site"]
        assert flt.Equals(EventProperty.asset_ids, 1).dump() == {"equals": {"property": ["assetIds"], "value": 1}}


# ---------------------------------------------------------------------------------------------- list, iterate


class TestList:
    async def test_every_filter_reaches_the_body(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"POST /events/list": {"items": [event(1)]}})
        result = await async_client.events.list(
            start_time={"min": 1, "max": 2},
            end_time=EndTimeFilter(is_null=True),
            active_at_time={"min": 3},
            type="t",
            subtype="s",
            metadata={"k": "v"},
            asset_ids=[1, 2],
            asset_external_ids=["a"],
            asset_subtree_ids=5,
            asset_subtree_external_ids=["root"],
            data_set_ids=[7],
            data_set_external_ids="ds",
            source="src",
            created_time={"max": 10},
            last_updated_time={"min": 0},
            external_id_prefix="e",
            advanced_filter=flt.Prefix(EventProperty.type, "al"),
            sort=[("start_time", "desc"), SortableEventProperty.external_id],
            limit=5,
        )
        assert isinstance(result, EventList) and isinstance(result[0], Event)
        assert bodies(fake, "POST /events/list") == [
            {
                "limit": 5,
                "advancedFilter": {"prefix": {"property": ["type"], "value": "al"}},
                "sort": [
                    {"property": ["startTime"], "order": "desc"},
                    {"property": ["externalId"], "order": "asc"},
                ],
                "filter": {
                    "startTime": {"min": 1, "max": 2},
                    "endTime": {"isNull": True},
                    "activeAtTime": {"min": 3},
                    "metadata": {"k": "v"},
                    "assetIds": [1, 2],
                    "assetExternalIds": ["a"],
                    "assetSubtreeIds": [{"id": 5}, {"externalId": "root"}],
                    "dataSetIds": [{"id": 7}, {"externalId": "ds"}],
                    "source": "src",
                    "type": "t",
                    "subtype": "s",
                    "createdTime": {"max": 10},
                    "lastUpdatedTime": {"min": 0},
                    "externalIdPrefix": "e",
                },
            }
        ]

    async def test_default_limit_and_cursor(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf(
            {"POST /events/list": [{"items": [event(i) for i in range(10)], "nextCursor": "c1"}, {"items": []}]}
        )
        assert len(await async_client.events.list()) == 10
        assert bodies(fake, "POST /events/list") == [{"limit": 25}, {"limit": 15, "cursor": "c1"}]

    async def test_partitions(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"POST /events/list": lambda body: {"items": [event(int(body["partition"][0]))]}})
        result = await async_client.events.list(partitions=3, limit=None, type="t")
        assert sorted(e.id for e in result) == [1, 2, 3]
        sent = bodies(fake, "POST /events/list")
        assert sorted(b["partition"] for b in sent) == ["1/3", "2/3", "3/3"]
        assert all(b["filter"] == {"type": "t"} and b["limit"] == 1000 for b in sent)

    @pytest.mark.parametrize(
        ("kwargs", "error"),
        [
            ({"partitions": 2, "limit": None, "sort": "start_time"}, ValueError),
            ({"partitions": 2}, ValueError),
            ({"asset_ids": ["1"]}, TypeError),
            ({"asset_external_ids": [1]}, TypeError),
            ({"data_set_ids": "x"}, TypeError),
            ({"end_time": {"min": 1, "isNull": True}}, ValueError),
            ({"sort": 3}, TypeError),
            ({"limit": -5}, ValueError),
        ],
    )
    async def test_bad_input_fails_before_any_request(
        self, routed_cdf: Any, async_client: AsyncCogniteClient, kwargs: dict[str, Any], error: type[Exception]
    ) -> None:
        fake = routed_cdf({})
        with pytest.raises(error):
            await async_client.events.list(**kwargs)
        assert fake.requests == []

    async def test_iterate_in_chunks(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf(
            {
                "POST /events/list": [
                    {"items": [event(i) for i in range(1, 4)], "nextCursor": "c"},
                    {"items": [event(i) for i in range(4, 6)]},
                ]
            }
        )
        chunks = [c async for c in async_client.events(chunk_size=3, source="s", sort=("type", "desc"))]
        assert [len(c) for c in chunks] == [3, 2] and all(isinstance(c, EventList) for c in chunks)
        first = bodies(fake, "POST /events/list")[0]
        assert first == {"limit": 3, "filter": {"source": "s"}, "sort": [{"property": ["type"], "order": "desc"}]}

    async def test_iterate_one_by_one_with_a_limit(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        routed_cdf({"POST /events/list": {"items": [event(1), event(2)], "nextCursor": "more"}})
        got = [e async for e in async_client.events(limit=2)]
        assert [e.id for e in got] == [1, 2] and all(isinstance(e, Event) for e in got)


# ---------------------------------------------------------------------------------------------- retrieve, search


class TestRetrieveAndSearch:
    async def test_retrieve_one(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"POST /events/byids": [{"items": [event(3)]}, {"items": []}]})
        got = await async_client.events.retrieve(id=3)
        assert isinstance(got, Event) and got.id == 3
        assert await async_client.events.retrieve(external_id="nope") is None
        assert bodies(fake, "POST /events/byids") == [
            {"items": [{"id": 3}], "ignoreUnknownIds": True},
            {"items": [{"externalId": "nope"}], "ignoreUnknownIds": True},
        ]

    async def test_retrieve_one_needs_exactly_one_identifier(self, async_client: AsyncCogniteClient) -> None:
        with pytest.raises(ValueError, match="Exactly one"):
            await async_client.events.retrieve(id=1, external_id="x")

    async def test_retrieve_multiple_missing(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        missing = httpx.Response(400, json={"error": {"code": 400, "message": "nf", "missing": [{"id": 9}]}})
        fake = routed_cdf({"POST /events/byids": [missing, {"items": [event(1)]}]})
        with pytest.raises(CogniteNotFoundError) as err:
            await async_client.events.retrieve_multiple(ids=[1, 9])
        assert err.value.not_found == [{"id": 9}]
        got = await async_client.events.retrieve_multiple(ids=[1, 9], external_ids=["e1"], ignore_unknown_ids=True)
        assert isinstance(got, EventList) and len(got) == 1
        assert bodies(fake, "POST /events/byids")[1] == {
            "items": [{"id": 1}, {"id": 9}, {"externalId": "e1"}],
            "ignoreUnknownIds": True,
        }

    async def test_search(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"POST /events/search": {"items": [event(1, description="pump trip")]}})
        got = await async_client.events.search(
            description="pump", filter={"asset_ids": [1], "end_time": {"is_null": True}}, limit=3
        )
        assert isinstance(got, EventList) and got[0].description == "pump trip"
        await async_client.events.search(filter=EventFilter(type="t"))
        assert bodies(fake, "POST /events/search") == [
            {"search": {"description": "pump"}, "filter": {"assetIds": [1], "endTime": {"isNull": True}}, "limit": 3},
            {"search": {}, "filter": {"type": "t"}, "limit": 25},
        ]

    async def test_search_rejects_bad_input(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({})
        with pytest.raises(TypeError, match="description"):
            await async_client.events.search(description=3)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="limit"):
            await async_client.events.search(description="x", limit=0)
        assert fake.requests == []


# ---------------------------------------------------------------------------------------------- writing


class TestWrite:
    async def test_create_one_and_many_in_chunks(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"POST /events": echo_created})
        one = await async_client.events.create(EventWrite(external_id="x", start_time=0, asset_ids=[1]))
        assert isinstance(one, Event) and one.external_id == "x"
        many = await async_client.events.create([EventWrite(external_id=f"x{i}") for i in range(2500)])
        assert isinstance(many, EventList) and len(many) == 2500
        sizes = sorted(len(b["items"]) for b in bodies(fake, "POST /events")[1:])
        assert sizes == [500, 1000, 1000]
        assert bodies(fake, "POST /events")[0] == {"items": [{"externalId": "x", "startTime": 0, "assetIds": [1]}]}

    async def test_create_from_read_objects_sends_the_write_form(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake = routed_cdf({"POST /events": echo_created})
        await async_client.events.create([Event.load(event(5, type="t"))])
        assert bodies(fake, "POST /events") == [{"items": [{"externalId": "e5", "type": "t"}]}]

    async def test_create_rejects_other_types(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({})
        with pytest.raises(TypeError, match="event"):
            await async_client.events.create([3])  # type: ignore[list-item]
        assert fake.requests == []

    @pytest.mark.parametrize(
        ("mode", "update"),
        [
            (
                "replace_ignore_null",
                {"externalId": {"set": "e1"}, "type": {"set": "t"}, "metadata": {"set": {"k": "v"}}},
            ),
            ("patch", {"externalId": {"set": "e1"}, "type": {"set": "t"}, "metadata": {"add": {"k": "v"}}}),
        ],
    )
    async def test_update_from_whole_events(
        self, routed_cdf: Any, async_client: AsyncCogniteClient, mode: Any, update: dict[str, Any]
    ) -> None:
        fake = routed_cdf({"POST /events/update": {"items": [event(1)]}})
        got = await async_client.events.update(EventWrite(external_id="e1", type="t", metadata={"k": "v"}), mode=mode)
        assert isinstance(got, Event)
        assert bodies(fake, "POST /events/update") == [{"items": [{"externalId": "e1", "update": update}]}]

    async def test_update_replace_clears_what_is_not_given(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake = routed_cdf({"POST /events/update": {"items": [event(1)]}})
        await async_client.events.update([Event(id=1, type="t")], mode="replace")
        (body,) = bodies(fake, "POST /events/update")
        update = body["items"][0]["update"]
        assert update["type"] == {"set": "t"}
        assert update["endTime"] == {"setNull": True} and update["assetIds"] == {"set": []}
        assert update["metadata"] == {"set": {}}

    async def test_update_objects(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"POST /events/update": {"items": [event(1), event(2)]}})
        got = await async_client.events.update([EventUpdate(id=1).source.set("s"), EventUpdate(id=2).type.set(None)])
        assert isinstance(got, EventList) and len(got) == 2
        assert bodies(fake, "POST /events/update") == [
            {"items": [{"id": 1, "update": {"source": {"set": "s"}}}, {"id": 2, "update": {"type": {"setNull": True}}}]}
        ]

    async def test_upsert_updates_existing_and_creates_the_rest(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        missing = httpx.Response(
            400, json={"error": {"code": 400, "message": "nf", "missing": [{"externalId": "new"}]}}
        )
        fake = routed_cdf(
            {
                "POST /events/update": [missing, {"items": [event(1, type="u")]}],
                "POST /events": echo_created,
            }
        )
        got = await async_client.events.upsert(
            [EventWrite(external_id="e1", type="u"), EventWrite(external_id="new", type="n")], mode="patch"
        )
        assert [e.type for e in got] == ["u", "n"]
        assert bodies(fake, "POST /events") == [{"items": [{"externalId": "new", "type": "n"}]}]

    async def test_delete(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"POST /events/delete": {}})
        await async_client.events.delete(id=1, external_id=["a", "b"], ignore_unknown_ids=True)
        assert bodies(fake, "POST /events/delete") == [
            {"items": [{"id": 1}, {"externalId": "a"}, {"externalId": "b"}], "ignoreUnknownIds": True}
        ]

    async def test_delete_failure_reports_what_failed(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        routed_cdf({"POST /events/delete": httpx.Response(400, json={"error": {"code": 400, "message": "bad"}})})
        with pytest.raises(CogniteAPIError) as err:
            await async_client.events.delete(id=[1, 2])
        assert err.value.failed == [1, 2]


# ---------------------------------------------------------------------------------------------- aggregates


class TestAggregates:
    async def test_bodies_and_results(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        def answer(body: dict[str, Any]) -> dict[str, Any]:
            if body["aggregate"] in ("uniqueValues", "uniqueProperties"):
                return {"items": [{"count": 4, "values": ["alarm"]}]}
            return {"items": [{"count": 6}]}

        fake = routed_cdf({"POST /events/aggregate": answer})
        ev = async_client.events
        assert await ev.aggregate_count() == 6
        assert await ev.aggregate_count(EventProperty.end_time, filter=EventFilter(type="t")) == 6
        values = await ev.aggregate_unique_values(
            property=EventProperty.type, advanced_filter=flt.Exists("source"), aggregate_filter=agg.Prefix("a")
        )
        assert isinstance(values, UniqueResultList) and values[0].values == ["alarm"]
        assert await ev.aggregate_cardinality_values(EventProperty.metadata_key("site")) == 6
        await ev.aggregate_unique_properties(["metadata"], filter={"source": "s"})
        assert await ev.aggregate_cardinality_properties(["metadata"]) == 6
        assert bodies(fake, "POST /events/aggregate") == [
            {"aggregate": "count"},
            {"aggregate": "count", "properties": [{"property": ["endTime"]}], "filter": {"type": "t"}},
            {
                "aggregate": "uniqueValues",
                "properties": [{"property": ["type"]}],
                "advancedFilter": {"exists": {"property": ["source"]}},
                "aggregateFilter": {"prefix": {"value": "a"}},
            },
            {"aggregate": "cardinalityValues", "properties": [{"property": ["metadata", "site"]}]},
            {"aggregate": "uniqueProperties", "path": ["metadata"], "filter": {"source": "s"}},
            {"aggregate": "cardinalityProperties", "path": ["metadata"]},
        ]


# ---------------------------------------------------------------------------------------------- sync client


def test_sync_client_gives_the_same_types(routed_cdf: Any, sync_client: CogniteClient) -> None:
    routed_cdf(
        {
            "POST /events/list": {"items": [event(1), event(2)]},
            "POST /events": echo_created,
            "POST /events/aggregate": {"items": [{"count": 2}]},
        }
    )
    listed = sync_client.events.list(limit=None)
    assert isinstance(listed, EventList) and len(listed) == 2
    assert [e.id for e in sync_client.events(limit=None)] == [1, 2]
    assert isinstance(sync_client.events.create(EventWrite(external_id="s")), Event)
    assert sync_client.events.aggregate_count() == 2
