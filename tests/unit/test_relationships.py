"""The Relationships API and data classes, against an in-memory fake of the relationships endpoints.

HTTP is the only seam (``httpx.MockTransport``); the SDK's own layers run for real.
"""

from __future__ import annotations

import asyncio
import base64
import gzip
import importlib.util
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client._api_client import split_filter
from cognite.client.data_classes.assets import Asset
from cognite.client.data_classes.labels import Label, LabelFilter
from cognite.client.data_classes.relationships import (
    Relationship,
    RelationshipCore,
    RelationshipFilter,
    RelationshipList,
    RelationshipUpdate,
    RelationshipWrite,
    RelationshipWriteList,
)
from cognite.client.data_classes.shared import TimestampRange
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError

API_ROOT = "/api/v1/projects/unit-test-project"


def _rel(xid: str, source: str = "s", target: str = "t", **extra: Any) -> dict[str, Any]:
    return {
        "externalId": xid,
        "sourceExternalId": source,
        "sourceType": "asset",
        "targetExternalId": target,
        "targetType": "event",
        "createdTime": 1,
        "lastUpdatedTime": 1,
        **extra,
    }


class FakeRelationships:
    """Answers the relationships endpoints like CDF: external ids only, list filters, cursors, partitions."""

    def __init__(self, page_size: int = 1000, delay: float = 0.0) -> None:
        self.items: dict[str, dict[str, Any]] = {}
        self.requests: list[tuple[str, Any]] = []
        self.page_size = page_size
        self.delay = delay
        self.in_flight = 0
        self.max_in_flight = 0
        self.resources: dict[tuple[str, str], dict[str, Any]] = {}

    def add(self, *rels: dict[str, Any]) -> None:
        for r in rels:
            self.items[r["externalId"]] = r

    def bodies(self, endpoint: str) -> list[Any]:
        return [body for ep, body in self.requests if ep == endpoint]

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    async def handle(self, request: httpx.Request) -> httpx.Response:
        raw = request.content
        if request.headers.get("content-encoding") == "gzip":
            raw = gzip.decompress(raw)
        body = json.loads(raw) if raw else None
        endpoint = f"{request.method} {request.url.path.removeprefix(API_ROOT)}"
        self.requests.append((endpoint, body))
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
            response = self.route(endpoint, body)
        finally:
            self.in_flight -= 1
        response.headers["x-request-id"] = "req"
        return response

    def route(self, endpoint: str, body: Any) -> httpx.Response:
        if endpoint == "POST /relationships":
            dup = [{"externalId": it["externalId"]} for it in body["items"] if it["externalId"] in self.items]
            if dup:
                return _error(409, "duplicated", duplicated=dup)
            created = [{**it, "createdTime": 1, "lastUpdatedTime": 1} for it in body["items"]]
            self.add(*created)
            return httpx.Response(201, json={"items": created})
        if endpoint in ("POST /relationships/byids", "POST /relationships/update", "POST /relationships/delete"):
            xids = [it["externalId"] for it in body["items"]]
            missing = [{"externalId": x} for x in xids if x not in self.items]
            if missing and not body.get("ignoreUnknownIds"):
                return _error(400, "not found", missing=missing)
            found = [x for x in xids if x in self.items]
            if endpoint.endswith("/delete"):
                for x in found:
                    del self.items[x]
                return httpx.Response(202, json={})
            if endpoint.endswith("/update"):
                for it in body["items"]:
                    self._apply(self.items[it["externalId"]], it["update"])
            return httpx.Response(200, json={"items": [self._present(self.items[x], body) for x in found]})
        if endpoint == "POST /relationships/list":
            return self._list(body)
        return _error(404, f"no route {endpoint}")

    def _present(self, item: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
        if not body.get("fetchResources"):
            return item
        out = dict(item)
        for end in ("source", "target"):
            res = self.resources.get((item[f"{end}Type"], item[f"{end}ExternalId"]))
            if res is not None:
                out[end] = res
        return out

    @staticmethod
    def _apply(item: dict[str, Any], update: dict[str, Any]) -> None:
        for key, op in update.items():
            if "set" in op:
                item[key] = op["set"]
            if op.get("setNull"):
                item.pop(key, None)
            if "add" in op:
                item[key] = [*item.get(key, []), *op["add"]]
            if "remove" in op:
                item[key] = [v for v in item.get(key, []) if v not in op["remove"]]

    def _list(self, body: dict[str, Any]) -> httpx.Response:
        flt = body.get("filter") or {}
        everything = sorted(self.items.values(), key=lambda r: r["externalId"])
        for key, field in (("sourceExternalIds", "sourceExternalId"), ("targetExternalIds", "targetExternalId")):
            if key in flt:
                assert 1 <= len(flt[key]) <= 1000, f"{key} has {len(flt[key])} values"
                everything = [r for r in everything if r[field] in flt[key]]
        if "partition" in body:
            m, n = (int(x) for x in body["partition"].split("/"))
            everything = everything[m - 1 :: n]
        start = int(base64.b64decode(body["cursor"])) if body.get("cursor") else 0
        size = min(body.get("limit", 100), self.page_size)
        page = everything[start : start + size]
        out: dict[str, Any] = {"items": [self._present(r, body) for r in page]}
        if start + size < len(everything):
            out["nextCursor"] = base64.b64encode(str(start + size).encode()).decode()
        return httpx.Response(200, json=out)


def _error(code: int, message: str, **extra: Any) -> httpx.Response:
    return httpx.Response(code, json={"error": {"code": code, "message": message, **extra}})


@pytest.fixture
def fake() -> FakeRelationships:
    return FakeRelationships()


@pytest.fixture
def client(config: ClientConfig, fake: FakeRelationships) -> AsyncCogniteClient:
    return AsyncCogniteClient(config, transport=fake.transport)


@pytest.fixture
def sync_client(config: ClientConfig, fake: FakeRelationships) -> Iterator[CogniteClient]:
    c = CogniteClient(config, transport=fake.transport)
    yield c
    c.close()


# ---------------------------------------------------------------------------------------------- data classes


class TestDataClasses:
    def test_write_normalizes_types_and_labels(self) -> None:
        w = RelationshipWrite("r", "a", "Asset", "ts", "timeseries", labels=["L", {"externalId": "M"}])
        assert (w.source_type, w.target_type) == ("asset", "timeSeries")
        assert w.labels == [Label("L"), Label("M")]
        assert w.dump() == {
            "externalId": "r",
            "sourceExternalId": "a",
            "sourceType": "asset",
            "targetExternalId": "ts",
            "targetType": "timeSeries",
            "labels": [{"externalId": "L"}, {"externalId": "M"}],
        }
        assert w.as_write() is w
        assert isinstance(w, RelationshipCore)

    @pytest.mark.parametrize(
        "kwargs, error",
        [
            ({"source_type": "widget"}, ValueError),
            ({"target_type": 3}, TypeError),
            ({"confidence": 1.5}, ValueError),
            ({"confidence": "high"}, TypeError),
        ],
    )
    def test_write_rejects_bad_values(self, kwargs: dict[str, Any], error: type[Exception]) -> None:
        args = {"source_type": "asset", "target_type": "event", **kwargs}
        with pytest.raises(error, match=next(iter(kwargs))):
            RelationshipWrite("r", "a", target_external_id="b", **args)

    def test_read_loads_and_turns_into_write(self) -> None:
        rel = Relationship.load(_rel("r", confidence=0.5, labels=[{"externalId": "L"}], dataSetId=7))
        assert rel.external_id == "r" and rel.created_time == 1 and rel.labels == [Label("L")]
        assert not hasattr(rel, "id")
        w = rel.as_write()
        assert isinstance(w, RelationshipWrite)
        assert w.dump() == {
            "externalId": "r",
            "sourceExternalId": "s",
            "sourceType": "asset",
            "targetExternalId": "t",
            "targetType": "event",
            "confidence": 0.5,
            "dataSetId": 7,
            "labels": [{"externalId": "L"}],
        }
        with pytest.raises(ValueError, match="source_type"):
            Relationship(external_id="r", source_external_id="s").as_write()

    def test_load_snake_case_and_json(self) -> None:
        a = Relationship.load({"external_id": "r", "source_type": "asset", "start_time": 5})
        b = Relationship.load('{"externalId": "r", "sourceType": "asset", "startTime": 5}')
        assert a == b and a.start_time == 5
        assert a.dump(camel_case=False) == {"external_id": "r", "source_type": "asset", "start_time": 5}

    @pytest.mark.parametrize(
        "rtype, module, cls_name",
        [
            ("asset", "cognite.client.data_classes.assets", "Asset"),
            ("event", "cognite.client.data_classes.events", "Event"),
            ("timeSeries", "cognite.client.data_classes.time_series", "TimeSeries"),
            ("sequence", "cognite.client.data_classes.sequences", "Sequence"),
            ("file", "cognite.client.data_classes.files", "FileMetadata"),
        ],
    )
    def test_fetched_resources_load_by_type(self, rtype: str, module: str, cls_name: str) -> None:
        resource = {"id": 5, "externalId": "x", "createdTime": 1, "lastUpdatedTime": 1}
        rel = Relationship.load(
            {"externalId": "r", "sourceType": rtype, "sourceExternalId": "x", "source": resource, "targetType": rtype}
        )
        if importlib.util.find_spec(module) is not None:
            assert type(rel.source).__name__ == cls_name
            assert type(rel.source).__module__ == module
            assert rel.source.external_id == "x"  # type: ignore[union-attr]
        else:  # that family's data classes are not part of this build: the resource stays a dict
            assert rel.source == resource
        assert rel.target is None
        assert rel.dump()["source"]["externalId"] == "x"

    def test_unknown_resource_type_keeps_the_dict(self) -> None:
        rel = Relationship.load({"externalId": "r", "sourceType": "widget", "source": {"name": "w"}})
        assert rel.source == {"name": "w"}

    def test_lists(self) -> None:
        rels = RelationshipList([Relationship.load(_rel("a")), Relationship.load(_rel("b"))])
        assert rels.as_external_ids() == ["a", "b"]
        assert rels.get(external_id="b") is rels[1]
        writes = rels.as_write()
        assert isinstance(writes, RelationshipWriteList) and writes.as_external_ids() == ["a", "b"]
        assert RelationshipList.load([_rel("c")])[0].external_id == "c"

    def test_update_dump_and_kinds(self) -> None:
        upd = (
            RelationshipUpdate("r")
            .source_external_id.set("s2")
            .source_type.set("TimeSeries")
            .target_type.set("file")
            .target_external_id.set("t2")
            .start_time.set(None)
            .end_time.set(9)
            .confidence.set(0.1)
            .data_set_id.set(None)
            .labels.add(["A"])
            .labels.remove([Label("B")])
        )
        assert upd.dump() == {
            "externalId": "r",
            "update": {
                "sourceExternalId": {"set": "s2"},
                "sourceType": {"set": "timeSeries"},
                "targetType": {"set": "file"},
                "targetExternalId": {"set": "t2"},
                "startTime": {"setNull": True},
                "endTime": {"set": 9},
                "confidence": {"set": 0.1},
                "dataSetId": {"setNull": True},
                "labels": {"add": [{"externalId": "A"}], "remove": [{"externalId": "B"}]},
            },
        }
        with pytest.raises(ValueError, match="source_type"):
            RelationshipUpdate("r").source_type.set("widget").dump()
        with pytest.raises(TypeError, match="external_id"):
            RelationshipUpdate(1)  # type: ignore[arg-type]

    def test_filter_dump(self) -> None:
        flt = RelationshipFilter(
            source_external_ids=["a"],
            source_types=["Asset"],
            target_types=["timeseries"],
            data_set_ids=[{"id": 1}],
            start_time=TimestampRange(min=1),
            active_at_time={"max": 5},
            confidence={"min": 0.5},
            labels=LabelFilter(contains_all=["L"]),
        )
        assert flt.dump() == {
            "sourceExternalIds": ["a"],
            "sourceTypes": ["asset"],
            "targetTypes": ["timeSeries"],
            "dataSetIds": [{"id": 1}],
            "startTime": {"min": 1},
            "confidence": {"min": 0.5},
            "activeAtTime": {"max": 5},
            "labels": {"containsAll": [{"externalId": "L"}]},
        }
        with pytest.raises(TypeError, match="source_external_ids"):
            RelationshipFilter(source_external_ids="abc")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="labels"):
            RelationshipFilter(labels=["L"])  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- the generic split


class TestSplitFilter:
    def test_within_limits_is_unchanged(self) -> None:
        flt = {"sourceExternalIds": ["a"], "sourceTypes": ["asset"]}
        assert split_filter(flt, {"sourceExternalIds": 1}) == [flt]
        assert split_filter(None, {"x": 1}) == [None]

    def test_every_combination_of_the_chunks(self) -> None:
        flt = {"a": [1, 2, 3], "b": ["x", "y"], "c": "kept"}
        parts = split_filter(flt, {"a": 2, "b": 1})
        assert parts == [
            {"a": [1, 2], "b": ["x"], "c": "kept"},
            {"a": [1, 2], "b": ["y"], "c": "kept"},
            {"a": [3], "b": ["x"], "c": "kept"},
            {"a": [3], "b": ["y"], "c": "kept"},
        ]


# ---------------------------------------------------------------------------------------------- reading


class TestRetrieve:
    async def test_retrieve_by_external_id(self, fake: FakeRelationships, client: AsyncCogniteClient) -> None:
        fake.add(_rel("r"))
        rel = await client.relationships.retrieve(external_id="r")
        assert isinstance(rel, Relationship) and rel.source_external_id == "s"
        assert await client.relationships.retrieve("nope") is None
        assert fake.bodies("POST /relationships/byids") == [
            {"items": [{"externalId": "r"}], "ignoreUnknownIds": True},
            {"items": [{"externalId": "nope"}], "ignoreUnknownIds": True},
        ]

    async def test_fetch_resources(self, fake: FakeRelationships, client: AsyncCogniteClient) -> None:
        fake.add(_rel("r"))
        fake.resources[("asset", "s")] = {"id": 1, "externalId": "s", "name": "pump", "rootId": 1}
        rel = await client.relationships.retrieve("r", fetch_resources=True)
        assert rel is not None and isinstance(rel.source, Asset) and rel.source.name == "pump"
        assert rel.target is None  # the fake has no such event
        assert fake.bodies("POST /relationships/byids")[0]["fetchResources"] is True

    async def test_retrieve_multiple(self, fake: FakeRelationships, client: AsyncCogniteClient) -> None:
        fake.add(_rel("a"), _rel("b"))
        rels = await client.relationships.retrieve_multiple(external_ids=["a", "b", "a"])
        assert isinstance(rels, RelationshipList) and rels.as_external_ids() == ["a", "b"]
        with pytest.raises(CogniteNotFoundError) as err:
            await client.relationships.retrieve_multiple(["a", "zz"])
        assert err.value.not_found == [{"externalId": "zz"}]
        found = await client.relationships.retrieve_multiple(["a", "zz"], ignore_unknown_ids=True)
        assert found.as_external_ids() == ["a"]

    async def test_retrieve_multiple_in_concurrent_chunks(self, config: ClientConfig) -> None:
        fake = FakeRelationships(delay=0.005)
        fake.add(*[_rel(f"r{i}") for i in range(2500)])
        client = AsyncCogniteClient(config, transport=fake.transport)
        rels = await client.relationships.retrieve_multiple([f"r{i}" for i in range(2500)], fetch_resources=True)
        assert len(rels) == 2500
        sent = fake.bodies("POST /relationships/byids")
        assert sorted(len(b["items"]) for b in sent) == [500, 1000, 1000]
        assert all(b["fetchResources"] is True for b in sent)
        assert fake.max_in_flight > 1

    @pytest.mark.parametrize(
        "call, error",
        [
            (lambda api: api.retrieve(external_id=1), TypeError),
            (lambda api: api.retrieve(external_id="r", fetch_resources="yes"), TypeError),
            (lambda api: api.retrieve_multiple(external_ids="abc"), TypeError),
            (lambda api: api.retrieve_multiple(external_ids=[1]), TypeError),
        ],
    )
    async def test_bad_input_sends_nothing(
        self, fake: FakeRelationships, client: AsyncCogniteClient, call: Any, error: type[Exception]
    ) -> None:
        with pytest.raises(error):
            await call(client.relationships)
        assert fake.requests == []


class TestList:
    async def test_filter_body(self, fake: FakeRelationships, client: AsyncCogniteClient) -> None:
        await client.relationships.list(
            source_external_ids=["a"],
            source_types=["Asset"],
            target_external_ids=["b"],
            target_types=["event", "timeSeries"],
            data_set_ids=[1],
            data_set_external_ids=["ds"],
            start_time={"min": 1},
            end_time=TimestampRange(max=9),
            confidence={"min": 0.2, "max": 0.8},
            last_updated_time={"min": 2},
            created_time={"max": 3},
            active_at_time={"min": 4, "max": 5},
            labels=LabelFilter(contains_any=["L"]),
            limit=7,
            fetch_resources=True,
        )
        assert fake.bodies("POST /relationships/list") == [
            {
                "limit": 7,
                "fetchResources": True,
                "filter": {
                    "sourceExternalIds": ["a"],
                    "sourceTypes": ["asset"],
                    "targetExternalIds": ["b"],
                    "targetTypes": ["event", "timeSeries"],
                    "dataSetIds": [{"id": 1}, {"externalId": "ds"}],
                    "startTime": {"min": 1},
                    "endTime": {"max": 9},
                    "confidence": {"min": 0.2, "max": 0.8},
                    "lastUpdatedTime": {"min": 2},
                    "createdTime": {"max": 3},
                    "activeAtTime": {"min": 4, "max": 5},
                    "labels": {"containsAny": [{"externalId": "L"}]},
                },
            }
        ]

    async def test_default_limit_and_cursors(self, config: ClientConfig) -> None:
        fake = FakeRelationships(page_size=10)
        fake.add(*[_rel(f"r{i:03}") for i in range(60)])
        client = AsyncCogniteClient(config, transport=fake.transport)
        assert len(await client.relationships.list()) == 25
        assert len(await client.relationships.list(limit=None)) == 60
        assert [b["limit"] for b in fake.bodies("POST /relationships/list")][:3] == [25, 15, 5]

    async def test_long_source_lists_are_split_and_merged(self, config: ClientConfig) -> None:
        fake = FakeRelationships(delay=0.005)
        sources = [f"s{i}" for i in range(2500)]
        fake.add(*[_rel(f"r{i}", source=f"s{i}") for i in range(0, 2500, 100)])
        client = AsyncCogniteClient(config, transport=fake.transport)
        rels = await client.relationships.list(source_external_ids=sources, limit=None)
        assert sorted(rels.as_external_ids()) == sorted(f"r{i}" for i in range(0, 2500, 100))
        sent = fake.bodies("POST /relationships/list")
        assert [len(b["filter"]["sourceExternalIds"]) for b in sent] == [1000, 1000, 500]
        assert [x for b in sent for x in b["filter"]["sourceExternalIds"]] == sources
        assert fake.max_in_flight > 1

    async def test_sources_and_targets_split_together(
        self, fake: FakeRelationships, client: AsyncCogniteClient
    ) -> None:
        fake.add(_rel("hit", source="s1500", target="t1"), _rel("miss", source="s1", target="nope"))
        rels = await client.relationships.list(
            source_external_ids=[f"s{i}" for i in range(2000)],
            target_external_ids=[f"t{i}" for i in range(1001)],
            limit=None,
        )
        assert rels.as_external_ids() == ["hit"]
        sent = fake.bodies("POST /relationships/list")
        shapes = sorted((len(b["filter"]["sourceExternalIds"]), len(b["filter"]["targetExternalIds"])) for b in sent)
        assert shapes == [(1000, 1), (1000, 1), (1000, 1000), (1000, 1000)]

    async def test_limit_applies_to_the_merged_total(self, fake: FakeRelationships, client: AsyncCogniteClient) -> None:
        fake.add(*[_rel(f"r{i}", source=f"s{i}") for i in range(0, 2000, 10)])
        rels = await client.relationships.list(source_external_ids=[f"s{i}" for i in range(2000)], limit=150)
        assert len(rels) == 150
        assert all(b["limit"] <= 150 for b in fake.bodies("POST /relationships/list"))

    async def test_partitions_with_a_split_filter(self, fake: FakeRelationships, client: AsyncCogniteClient) -> None:
        fake.add(*[_rel(f"r{i}", source=f"s{i}") for i in range(0, 1500, 50)])
        rels = await client.relationships.list(
            source_external_ids=[f"s{i}" for i in range(1500)], partitions=3, limit=None
        )
        assert sorted(rels.as_external_ids()) == sorted(f"r{i}" for i in range(0, 1500, 50))
        sent = fake.bodies("POST /relationships/list")
        assert sorted((len(b["filter"]["sourceExternalIds"]), b["partition"]) for b in sent) == [
            (500, "1/3"), (500, "2/3"), (500, "3/3"), (1000, "1/3"), (1000, "2/3"), (1000, "3/3"),
        ]  # fmt: skip

    @pytest.mark.parametrize(
        "kwargs, error, name",
        [
            ({"source_types": ["widget"]}, ValueError, "source_types"),
            ({"source_types": "asset"}, TypeError, "source_types"),
            ({"source_external_ids": []}, ValueError, "source_external_ids"),
            ({"target_external_ids": "abc"}, TypeError, "target_external_ids"),
            ({"start_time": 5}, TypeError, "start_time"),
            ({"labels": ["L"]}, TypeError, "labels"),
            ({"fetch_resources": 1}, TypeError, "fetch_resources"),
            ({"data_set_ids": ["x"]}, TypeError, "data_set_ids"),
            ({"partitions": 2}, ValueError, "partitions"),
            ({"limit": -5}, ValueError, "limit"),
        ],
    )
    async def test_bad_input_sends_nothing(
        self,
        fake: FakeRelationships,
        client: AsyncCogniteClient,
        kwargs: dict[str, Any],
        error: type[Exception],
        name: str,
    ) -> None:
        with pytest.raises(error, match=name):
            await client.relationships.list(**kwargs)
        with pytest.raises(error, match=name):
            await client.relationships.list(**{"source_external_ids": [f"s{i}" for i in range(1001)], **kwargs})
        assert fake.requests == []


class TestIterate:
    async def test_one_at_a_time(self, fake: FakeRelationships, client: AsyncCogniteClient) -> None:
        fake.add(*[_rel(f"r{i}") for i in range(5)])
        seen = [r async for r in client.relationships(fetch_resources=True)]
        assert all(isinstance(r, Relationship) for r in seen)
        assert [r.external_id for r in seen if isinstance(r, Relationship)] == [f"r{i}" for i in range(5)]
        assert fake.bodies("POST /relationships/list")[0]["fetchResources"] is True

    async def test_split_filter_parts_are_chained_with_one_limit(self, config: ClientConfig) -> None:
        fake = FakeRelationships(page_size=4)
        fake.add(*[_rel(f"r{i:04}", source=f"s{i}") for i in range(0, 2500, 250)])  # 10, over all three parts
        client = AsyncCogniteClient(config, transport=fake.transport)
        sources = [f"s{i}" for i in range(2500)]
        chunks = [c async for c in client.relationships(chunk_size=3, source_external_ids=sources)]
        lists = [c for c in chunks if isinstance(c, RelationshipList)]
        assert [len(c) for c in lists] == [3, 3, 3, 1]
        assert sorted(xid for c in lists for xid in c.as_external_ids()) == sorted(fake.items)
        limited = [r async for r in client.relationships(source_external_ids=sources, limit=5)]
        assert len(limited) == 5

    async def test_bad_input_raises_when_called(self, fake: FakeRelationships, client: AsyncCogniteClient) -> None:
        with pytest.raises(ValueError, match="target_types"):
            client.relationships(target_types=["nope"])
        assert fake.requests == []


# ---------------------------------------------------------------------------------------------- writing


class TestWrite:
    async def test_create_one_and_many(self, fake: FakeRelationships, client: AsyncCogniteClient) -> None:
        one = await client.relationships.create(RelationshipWrite("a", "s", "asset", "t", "event", confidence=0.3))
        assert isinstance(one, Relationship) and one.confidence == 0.3
        many = await client.relationships.create(
            [Relationship.load(_rel("b")), RelationshipWrite("c", "s", "file", "t", "sequence")]
        )
        assert isinstance(many, RelationshipList) and many.as_external_ids() == ["b", "c"]
        sent = fake.bodies("POST /relationships")
        assert sent[0] == {
            "items": [
                {
                    "externalId": "a",
                    "sourceExternalId": "s",
                    "sourceType": "asset",
                    "targetExternalId": "t",
                    "targetType": "event",
                    "confidence": 0.3,
                }
            ]
        }
        assert "createdTime" not in sent[1]["items"][0]  # read objects are sent in their write form

    async def test_create_in_concurrent_chunks(self, config: ClientConfig) -> None:
        fake = FakeRelationships(delay=0.005)
        client = AsyncCogniteClient(config, transport=fake.transport)
        created = await client.relationships.create(
            [RelationshipWrite(f"r{i}", "s", "asset", "t", "asset") for i in range(2001)]
        )
        assert created.as_external_ids() == [f"r{i}" for i in range(2001)]
        assert sorted(len(b["items"]) for b in fake.bodies("POST /relationships")) == [1, 1000, 1000]
        assert fake.max_in_flight > 1

    async def test_duplicate_raises(self, fake: FakeRelationships, client: AsyncCogniteClient) -> None:
        fake.add(_rel("a"))
        with pytest.raises(CogniteAPIError) as err:
            await client.relationships.create(RelationshipWrite("a", "s", "asset", "t", "asset"))
        assert err.value.code == 409 and err.value.duplicated == [{"externalId": "a"}]

    async def test_update_object(self, fake: FakeRelationships, client: AsyncCogniteClient) -> None:
        fake.add(_rel("a", confidence=0.1))
        res = await client.relationships.update(RelationshipUpdate("a").confidence.set(None).labels.add(["L"]))
        assert isinstance(res, Relationship) and res.confidence is None and res.labels == [Label("L")]
        assert fake.bodies("POST /relationships/update") == [
            {
                "items": [
                    {
                        "externalId": "a",
                        "update": {"confidence": {"setNull": True}, "labels": {"add": [{"externalId": "L"}]}},
                    }
                ]
            }
        ]

    @pytest.mark.parametrize(
        "mode, expected",
        [
            (
                "replace_ignore_null",
                {
                    "sourceExternalId": {"set": "s"},
                    "sourceType": {"set": "asset"},
                    "targetExternalId": {"set": "t"},
                    "targetType": {"set": "event"},
                    "confidence": {"set": 0.5},
                    "labels": {"set": [{"externalId": "L"}]},
                },
            ),
            (
                "patch",
                {
                    "sourceExternalId": {"set": "s"},
                    "sourceType": {"set": "asset"},
                    "targetExternalId": {"set": "t"},
                    "targetType": {"set": "event"},
                    "confidence": {"set": 0.5},
                    "labels": {"add": [{"externalId": "L"}]},
                },
            ),
            (
                "replace",
                {
                    "sourceExternalId": {"set": "s"},
                    "sourceType": {"set": "asset"},
                    "targetExternalId": {"set": "t"},
                    "targetType": {"set": "event"},
                    "startTime": {"setNull": True},
                    "endTime": {"setNull": True},
                    "dataSetId": {"setNull": True},
                    "confidence": {"set": 0.5},
                    "labels": {"set": [{"externalId": "L"}]},
                },
            ),
        ],
    )
    async def test_update_whole_relationship_by_mode(
        self, fake: FakeRelationships, client: AsyncCogniteClient, mode: Any, expected: dict[str, Any]
    ) -> None:
        fake.add(_rel("a"))
        item = RelationshipWrite("a", "s", "asset", "t", "event", confidence=0.5, labels=["L"])
        await client.relationships.update([item], mode=mode)
        assert fake.bodies("POST /relationships/update") == [{"items": [{"externalId": "a", "update": expected}]}]

    async def test_update_bad_input(self, fake: FakeRelationships, client: AsyncCogniteClient) -> None:
        with pytest.raises(TypeError):
            await client.relationships.update("a")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="mode"):
            await client.relationships.update(RelationshipUpdate("a"), mode="merge")  # type: ignore[call-overload]
        assert fake.requests == []

    async def test_upsert_updates_existing_and_creates_the_rest(
        self, fake: FakeRelationships, client: AsyncCogniteClient
    ) -> None:
        fake.add(_rel("old"))
        res = await client.relationships.upsert(
            [
                RelationshipWrite("new", "s", "asset", "t", "asset"),
                RelationshipWrite("old", "s2", "asset", "t", "asset"),
            ]
        )
        assert isinstance(res, RelationshipList)
        assert res.as_external_ids() == ["new", "old"]
        assert fake.items["old"]["sourceExternalId"] == "s2" and "new" in fake.items
        single = await client.relationships.upsert(RelationshipWrite("x", "s", "asset", "t", "asset"), mode="replace")
        assert isinstance(single, Relationship) and single.external_id == "x"

    async def test_delete(self, fake: FakeRelationships, client: AsyncCogniteClient) -> None:
        fake.add(*[_rel(f"r{i}") for i in range(1500)])
        await client.relationships.delete(external_id=[f"r{i}" for i in range(1500)])
        assert fake.items == {}
        assert sorted(len(b["items"]) for b in fake.bodies("POST /relationships/delete")) == [500, 1000]
        await client.relationships.delete("gone", ignore_unknown_ids=True)
        assert fake.bodies("POST /relationships/delete")[-1] == {
            "items": [{"externalId": "gone"}],
            "ignoreUnknownIds": True,
        }
        with pytest.raises(CogniteNotFoundError):
            await client.relationships.delete("gone")
        with pytest.raises(TypeError, match="external_id"):
            await client.relationships.delete(external_id=5)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- sync client


def test_sync_client_runs_every_method(fake: FakeRelationships, sync_client: CogniteClient) -> None:
    api = sync_client.relationships
    created = api.create(
        [RelationshipWrite("a", "s", "asset", "t", "asset"), RelationshipWrite("b", "s", "asset", "u", "asset")]
    )
    assert isinstance(created, RelationshipList)
    one = api.retrieve("a")
    assert isinstance(one, Relationship)
    assert api.retrieve_multiple(["a", "b"]).as_external_ids() == ["a", "b"]
    assert len(api.list(source_external_ids=["s"], limit=None)) == 2
    assert [getattr(r, "external_id", None) for r in api(target_external_ids=["u"])] == ["b"]
    assert [len(c) for c in api(chunk_size=1) if isinstance(c, RelationshipList)] == [1, 1]
    assert api.update(RelationshipUpdate("a").end_time.set(5)).end_time == 5
    assert api.upsert(RelationshipWrite("c", "s", "event", "t", "asset")).source_type == "event"
    api.delete(["a", "b", "c"])
    assert len(api.list()) == 0
