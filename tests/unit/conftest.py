"""Shared fixtures of the unit tests: a small in-memory CDF (assets only) behind ``httpx.MockTransport``.

HTTP is the only seam: the SDK's own layers (HTTP client, executor, verbs, data classes) run for real.
"""

from __future__ import annotations

import asyncio
import base64
import copy
import gzip
import itertools
import json
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient, global_config
from cognite.client.credentials import Token

TOKEN = "unit-test-t0ken-s3cr3t"
PROJECT = "unit-test-project"
BASE_URL = "https://fake.cognitedata.com"
API_ROOT = f"/api/v1/projects/{PROJECT}"


# ---------------------------------------------------------------------------------------------- recorded requests


@dataclass
class Recorded:
    """One request as the fake server saw it (body decoded; gzip undone)."""

    method: str
    path: str  # relative to /api/v1/projects/{project}
    params: list[tuple[str, str]]
    headers: httpx.Headers
    raw: bytes
    body: Any = None

    @property
    def endpoint(self) -> str:
        return f"{self.method} {self.path}"


def decode_body(request: httpx.Request) -> tuple[bytes, Any]:
    raw = request.content
    data = gzip.decompress(raw) if request.headers.get("content-encoding") == "gzip" else raw
    return raw, (json.loads(data) if data else None)


def relative_path(request: httpx.Request) -> str:
    path = request.url.path
    return path[len(API_ROOT) :] if path.startswith(API_ROOT) else path


def error_response(status: int, message: str, **extra: Any) -> httpx.Response:
    return httpx.Response(status, json={"error": {"code": status, "message": message, **extra}})


# ---------------------------------------------------------------------------------------------- the fake CDF


@dataclass
class FakeCDF:
    """An in-memory assets store answering the assets endpoints like CDF does.

    Attributes:
        max_page_size: The server's own cap on items per list page (forces cursors in tests).
        delay: Seconds each request takes (lets tests observe concurrency).
        intercept: Called with each request before the store; a returned response (or raised exception)
            is used instead of the store's answer.
    """

    max_page_size: int = 1000
    delay: float = 0.0
    intercept: Callable[[Recorded], httpx.Response | None] | None = None
    assets: dict[int, dict[str, Any]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    _request_ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    # -------------------------------------------------------------------------------- helpers for tests

    def add(self, n: int, **fields: Any) -> list[dict[str, Any]]:
        """Store ``n`` assets directly (no request), external ids ``a-<id>``."""
        out = []
        for _ in range(n):
            i = next(self._ids)
            asset = {
                "id": i,
                "externalId": f"a-{i}",
                "name": f"asset {i}",
                "rootId": i,
                "createdTime": 1000 + i,
                "lastUpdatedTime": 1000 + i,
                **fields,
            }
            self.assets[i] = asset
            out.append(asset)
        return out

    def calls(self, endpoint: str | None = None) -> list[Recorded]:
        """The recorded requests, optionally only those to ``"POST /assets/list"`` and the like."""
        return [r for r in self.requests if endpoint is None or r.endpoint == endpoint]

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)

    # -------------------------------------------------------------------------------- the handler

    async def handler(self, request: httpx.Request) -> httpx.Response:
        raw, body = decode_body(request)
        rec = Recorded(
            request.method, relative_path(request), list(request.url.params.multi_items()), request.headers, raw, body
        )
        self.requests.append(rec)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
            response = self.intercept(rec) if self.intercept is not None else None
            if response is None:
                response = self._route(rec)
        finally:
            self.in_flight -= 1
        if "x-request-id" not in response.headers:
            response.headers["x-request-id"] = f"req-{next(self._request_ids)}"
        return response

    def _route(self, rec: Recorded) -> httpx.Response:
        routes: dict[str, Callable[[Any], httpx.Response]] = {
            "POST /assets": self._create,
            "POST /assets/list": self._list,
            "POST /assets/byids": self._byids,
            "POST /assets/update": self._update,
            "POST /assets/delete": self._delete,
            "POST /assets/search": self._search,
            "POST /assets/aggregate": self._aggregate,
        }
        if rec.endpoint == "GET /assets":
            params: dict[str, Any] = {}
            for k, v in rec.params:
                params[k] = v
            body = {"limit": int(params.get("limit", 100)), "cursor": params.get("cursor")}
            body["partition"] = params.get("partition")
            return self._list(body)
        route = routes.get(rec.endpoint)
        if route is None:
            return error_response(404, f"No route {rec.endpoint}")
        return route(rec.body or {})

    # -------------------------------------------------------------------------------- identifiers

    def _find(self, ident: dict[str, Any]) -> dict[str, Any] | None:
        if "id" in ident:
            return self.assets.get(ident["id"])
        xid = ident.get("externalId")
        return next((a for a in self.assets.values() if a.get("externalId") == xid), None)

    def _resolve(self, items: list[dict[str, Any]], ignore_unknown: bool) -> tuple[list[dict[str, Any]], list[Any]]:
        found, missing = [], []
        for ident in items:
            key = {k: v for k, v in ident.items() if k in ("id", "externalId")}
            asset = self._find(key)
            if asset is None:
                missing.append(key)
            else:
                found.append(asset)
        if missing and not ignore_unknown:
            return found, missing
        return found, []

    # -------------------------------------------------------------------------------- endpoints

    def _create(self, body: dict[str, Any]) -> httpx.Response:
        items = body["items"]
        existing = {a.get("externalId") for a in self.assets.values()}
        dup = [{"externalId": it["externalId"]} for it in items if it.get("externalId") in existing]
        if dup:
            return error_response(409, "Duplicated external ids", duplicated=dup)
        created = []
        for it in items:
            i = next(self._ids)
            asset = {**copy.deepcopy(it), "id": i, "createdTime": 1, "lastUpdatedTime": 1}
            parent = self._find({"id": it["parentId"]}) if "parentId" in it else None
            asset["rootId"] = parent["rootId"] if parent else i
            self.assets[i] = asset
            created.append(asset)
        return httpx.Response(200, json={"items": created})

    def _list(self, body: dict[str, Any]) -> httpx.Response:
        everything = sorted(self.assets.values(), key=lambda a: a["id"])
        flt = body.get("filter") or {}
        if "parentIds" in flt:
            everything = [a for a in everything if a.get("parentId") in flt["parentIds"]]
        if "name" in flt:
            everything = [a for a in everything if a.get("name") == flt["name"]]
        partition = body.get("partition")
        if partition:
            m, n = (int(x) for x in partition.split("/"))
            everything = [a for k, a in enumerate(everything) if k % n == m - 1]
        cursor = body.get("cursor")
        start = int(base64.b64decode(cursor)) if cursor else 0
        size = min(int(body.get("limit", 100)), self.max_page_size)
        page = everything[start : start + size]
        end = start + len(page)
        next_cursor = base64.b64encode(str(end).encode()).decode() if end < len(everything) else None
        return httpx.Response(200, json={"items": page, "nextCursor": next_cursor})

    def _byids(self, body: dict[str, Any]) -> httpx.Response:
        found, missing = self._resolve(body["items"], body.get("ignoreUnknownIds", False))
        if missing:
            return error_response(400, "Ids not found", missing=missing)
        return httpx.Response(200, json={"items": found})

    def _update(self, body: dict[str, Any]) -> httpx.Response:
        found, missing = self._resolve(body["items"], False)
        if missing:
            return error_response(400, "Ids not found", missing=missing)
        for asset, item in zip(found, body["items"], strict=True):
            for prop, op in item["update"].items():
                if "set" in op:
                    asset[prop] = copy.deepcopy(op["set"])
                elif op.get("setNull"):
                    asset.pop(prop, None)
                if "add" in op:
                    if isinstance(op["add"], dict):
                        asset[prop] = {**asset.get(prop, {}), **op["add"]}
                    else:
                        asset[prop] = [*asset.get(prop, []), *op["add"]]
                if "remove" in op:
                    if isinstance(asset.get(prop), dict):
                        asset[prop] = {k: v for k, v in asset[prop].items() if k not in op["remove"]}
                    elif isinstance(asset.get(prop), list):
                        asset[prop] = [v for v in asset[prop] if v not in op["remove"]]
            asset["lastUpdatedTime"] += 1
        return httpx.Response(200, json={"items": found})

    def _delete(self, body: dict[str, Any]) -> httpx.Response:
        found, missing = self._resolve(body["items"], body.get("ignoreUnknownIds", False))
        if missing:
            return error_response(400, "Ids not found", missing=missing)
        for asset in found:
            children = [a for a in self.assets.values() if a.get("parentId") == asset["id"]]
            if children and not body.get("recursive"):
                return error_response(400, "Asset has children")
        for asset in found:
            self.assets.pop(asset["id"], None)
        return httpx.Response(200, json={})

    def _search(self, body: dict[str, Any]) -> httpx.Response:
        name = (body.get("search") or {}).get("name")
        hits = [a for a in self.assets.values() if name is None or name in a.get("name", "")]
        return httpx.Response(200, json={"items": hits[: body.get("limit", 100)]})

    def _aggregate(self, body: dict[str, Any]) -> httpx.Response:
        if body.get("aggregate") == "count":
            return httpx.Response(200, json={"items": [{"count": len(self.assets)}]})
        if body.get("aggregate") == "uniqueValues":
            prop = body["properties"][0]["property"][0]
            counts: dict[Any, int] = {}
            for a in self.assets.values():
                if prop in a:
                    counts[a[prop]] = counts.get(a[prop], 0) + 1
            buckets = sorted(counts.items(), key=lambda kv: -kv[1])
            return httpx.Response(200, json={"items": [{"count": c, "values": [v]} for v, c in buckets]})
        return error_response(400, f"Unsupported aggregate {body.get('aggregate')!r}")


# ---------------------------------------------------------------------------------------------- fixtures


@pytest.fixture
def no_backoff() -> None:
    """Retries happen without waiting."""
    global_config.max_retry_backoff = 0


class _SleepRecorder(types.ModuleType):
    """Stands in for ``asyncio`` inside ``cognite.client._http``: ``sleep`` records its delay and yields only."""

    def __init__(self) -> None:
        super().__init__("asyncio")
        self.delays: list[float] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(asyncio, name)

    async def sleep(self, delay: float, result: Any = None) -> Any:
        self.delays.append(delay)
        await asyncio.sleep(0)
        return result


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The backoff delays the HTTP layer asked for (nothing is actually waited)."""
    import cognite.client._http as http_mod

    recorder = _SleepRecorder()
    monkeypatch.setattr(http_mod, "asyncio", recorder)
    return recorder.delays


@pytest.fixture
def secret_token() -> str:
    """The token the ``config`` fixture authenticates with (must never appear in logs or messages)."""
    return TOKEN


@pytest.fixture
def config() -> ClientConfig:
    return ClientConfig(
        client_name="unit-test-app",
        project=PROJECT,
        credentials=Token(TOKEN),
        base_url=BASE_URL,
        api_subversion="20230101",
    )


@pytest.fixture
def fake_cdf() -> FakeCDF:
    return FakeCDF()


@pytest.fixture
def make_fake_cdf() -> Callable[..., FakeCDF]:
    """Build a fake CDF with options: ``make_fake_cdf(max_page_size=10, delay=0.01, intercept=...)``."""
    return FakeCDF


@pytest.fixture
def async_client(config: ClientConfig, fake_cdf: FakeCDF) -> AsyncCogniteClient:
    return AsyncCogniteClient(config, transport=fake_cdf.transport)


@pytest.fixture
def sync_client(config: ClientConfig, fake_cdf: FakeCDF) -> CogniteClient:
    return CogniteClient(config, transport=fake_cdf.transport)


@pytest.fixture(scope="session")
def validate_schema() -> Callable[[str, Any], None]:
    """Validate a value against a named schema of the CDF spec (``oneOf`` read as ``anyOf``, errata applied)."""
    from cognite.client.testing._openapi import OpenAPISpec

    return OpenAPISpec.load().validate_schema


@pytest.fixture
def routed_cdf(fake_cdf: FakeCDF) -> Callable[[dict[str, Any]], FakeCDF]:
    """Make the fake CDF answer from a route table instead of its assets store (for any API family).

    ``routed_cdf({"POST /events/list": answer, ...})``: an answer is a JSON body, an ``httpx.Response``, or a
    function of the request body giving either; a list of answers is served one per request, in order. Other
    routes get 404. Requests are recorded as usual (``fake_cdf.calls("POST /events/list")``).
    """

    def install(routes: dict[str, Any]) -> FakeCDF:
        def intercept(rec: Recorded) -> httpx.Response:
            if rec.endpoint not in routes:
                return error_response(404, f"No route {rec.endpoint}")
            answer = routes[rec.endpoint]
            if isinstance(answer, list):
                answer = answer.pop(0)
            if callable(answer):
                answer = answer(rec.body)
            return answer if isinstance(answer, httpx.Response) else httpx.Response(200, json=answer)

        fake_cdf.intercept = intercept
        return fake_cdf

    return install
