"""The spec-checking fake CDF of ``cognite.client.testing``: it passes valid traffic and reports every problem."""

from __future__ import annotations

import gzip
import json
from typing import Any

import httpx
import pytest

import cognite.client.testing as testing
from cognite.client.data_classes import AssetWrite
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._contract import ContractRequest
from cognite.client.testing._openapi import OpenAPISpec

ASSET = {"id": 1, "externalId": "a", "name": "a", "rootId": 1, "createdTime": 0, "lastUpdatedTime": 0}
ROOT = "https://contract.cognitedata.com/api/v1/projects/contract"


class AssetsCDF(SpecCheckedCDF):
    """Answers creates and lists with a valid asset, unless told to answer something else."""

    def __init__(self, spec: OpenAPISpec, reply: Any = None) -> None:
        super().__init__(spec)
        self.reply = reply

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if self.reply is not None:
            return 200, self.reply
        return (201 if (method, template) == ("POST", "/assets") else 200), {"items": [ASSET]}


@pytest.fixture(scope="module")
def spec() -> OpenAPISpec:
    return OpenAPISpec.load()


def send(cdf: SpecCheckedCDF, method: str, url: str, **kwargs: Any) -> httpx.Response:
    with httpx.Client(transport=httpx.MockTransport(cdf)) as http:
        return http.request(method, url, **kwargs)


async def test_valid_traffic_passes_and_is_recorded(spec: OpenAPISpec) -> None:
    cdf = AssetsCDF(spec)
    client = cdf.client()
    created = await client.assets.create(AssetWrite(name="a", external_id="a"))
    listed = await client.assets.list(limit=5)
    assert created.external_id == "a" and len(listed) == 1
    assert cdf.errors == []
    assert cdf.seen == {("POST", "/assets"), ("POST", "/assets/list")}
    method, path, template, body, query = cdf.requests[0]
    assert (method, path, template, query) == ("POST", "/assets", "/assets", {})
    assert body["items"][0]["externalId"] == "a"


def test_gzipped_json_is_decoded_and_query_checked(spec: OpenAPISpec) -> None:
    cdf = AssetsCDF(spec)
    content = gzip.compress(json.dumps({"items": [{"name": "a"}]}).encode())
    response = send(cdf, "POST", f"{ROOT}/assets", content=content, headers={"content-encoding": "gzip"})
    assert response.status_code == 201 and cdf.errors == []
    assert cdf.requests == [ContractRequest("POST", "/assets", "/assets", {"items": [{"name": "a"}]}, {})]
    send(cdf, "GET", f"{ROOT}/assets", params={"limit": "many"})
    assert cdf.errors and all(e.startswith("GET /assets: query parameter 'limit'") for e in cdf.errors)


def test_an_invalid_request_body_is_caught(spec: OpenAPISpec) -> None:
    cdf = AssetsCDF(spec)
    send(cdf, "POST", f"{ROOT}/assets", json={"items": [{"externalId": "no-name"}]})
    assert cdf.errors and all(e.startswith("POST /assets: ") for e in cdf.errors)
    assert any("name" in e for e in cdf.errors)


def test_a_non_json_body_stays_bytes_and_is_reported(spec: OpenAPISpec) -> None:
    cdf = AssetsCDF(spec)
    send(cdf, "POST", f"{ROOT}/assets/list", content=b"\x00\xff", headers={"content-type": "application/octet-stream"})
    assert cdf.requests[0].body == b"\x00\xff"
    assert "POST /assets/list: the request body is not JSON" in cdf.errors


def test_an_invalid_answer_is_caught(spec: OpenAPISpec) -> None:
    cdf = AssetsCDF(spec, reply={"items": [{"id": "not a number"}]})
    response = send(cdf, "POST", f"{ROOT}/assets/list", json={"limit": 1})
    assert response.json() == {"items": [{"id": "not a number"}]}
    assert cdf.errors and all(e.startswith("POST /assets/list -> 200: ") for e in cdf.errors)


def test_unknown_routes_are_reported_and_answered_404(spec: OpenAPISpec) -> None:
    cdf = AssetsCDF(spec)
    response = send(cdf, "POST", f"{ROOT}/no/such/route", json={})
    assert response.status_code == 404
    assert cdf.errors == ["POST /no/such/route: no such operation in the CDF API spec"]
    assert cdf.requests[0].template is None and cdf.seen == set()


def test_requests_outside_the_project_go_to_answer_external(spec: OpenAPISpec) -> None:
    cdf = AssetsCDF(spec)
    assert send(cdf, "PUT", "https://storage.example/upload/1", content=b"x").status_code == 404
    assert send(cdf, "GET", "https://contract.cognitedata.com/api/v1/projects/other/assets").status_code == 404
    assert len(cdf.errors) == 2 and all("outside project 'contract'" in e for e in cdf.errors)
    assert cdf.requests == []

    class Storage(AssetsCDF):
        def answer_external(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, content=b"stored")

    storage = Storage(spec)
    assert send(storage, "PUT", "https://storage.example/upload/1", content=b"x").content == b"stored"
    assert storage.errors == []


def test_bytes_and_response_answers_are_returned_as_given(spec: OpenAPISpec) -> None:
    assert send(AssetsCDF(spec, reply=b"raw"), "GET", f"{ROOT}/assets").content == b"raw"
    teapot = httpx.Response(418, json={"error": {"code": 418, "message": "teapot"}})
    cdf = AssetsCDF(spec, reply=teapot)
    assert send(cdf, "GET", f"{ROOT}/assets").status_code == 418
    assert cdf.errors == []


def test_without_an_answer_override_every_request_is_an_error(spec: OpenAPISpec) -> None:
    cdf = SpecCheckedCDF(spec, project="p")
    assert cdf.prefix == "/api/v1/projects/p"
    response = send(cdf, "POST", "https://x.example/api/v1/projects/p/assets/list", json={})
    assert response.status_code == 501
    assert cdf.errors == ["POST /assets/list: no canned answer (SpecCheckedCDF.answer is not overridden)"]


def test_it_is_exported_lazily() -> None:
    assert "SpecCheckedCDF" in testing.__all__
    assert testing.SpecCheckedCDF is SpecCheckedCDF
