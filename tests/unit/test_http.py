"""The HTTP layer: retry rules, backoff, error mapping, gzip, headers, logging and query parameters."""

from __future__ import annotations

import gzip
import json
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from cognite.client import ClientConfig, global_config
from cognite.client._http import HTTPClient, is_idempotent
from cognite.client._version import __version__
from cognite.client.credentials import Token
from cognite.client.exceptions import (
    CogniteAPIError,
    CogniteAuthorizationError,
    CogniteConnectionError,
    CogniteDuplicatedError,
    CogniteNotFoundError,
    CogniteReadTimeout,
)

Handler = Callable[[httpx.Request], httpx.Response]


class Script:
    """A transport handler that plays a script of outcomes (responses or exceptions), then succeeds."""

    def __init__(self, *outcomes: Any, final: httpx.Response | None = None) -> None:
        self.outcomes: Iterator[Any] = iter(outcomes)
        self.final = final
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        outcome = next(self.outcomes, None)
        if outcome is None:
            return self.final if self.final is not None else ok()
        if isinstance(outcome, BaseException):
            raise outcome
        if callable(outcome):
            outcome = outcome()
        return outcome

    @property
    def count(self) -> int:
        return len(self.requests)


def ok(body: Any = None, **headers: str) -> httpx.Response:
    return httpx.Response(200, json=body if body is not None else {"items": []}, headers=headers)


def status(code: int, **headers: str) -> Callable[[], httpx.Response]:
    return lambda: httpx.Response(
        code, json={"error": {"code": code, "message": f"status {code}"}}, headers={"x-request-id": "r", **headers}
    )


class Always:
    """A handler that always gives the same outcome."""

    def __init__(self, outcome: Any) -> None:
        self.outcome = outcome
        self.count = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.count += 1
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        return self.outcome()


def http_for(config: ClientConfig, handler: Any) -> HTTPClient:
    return HTTPClient(config, httpx.MockTransport(handler))


CREATE = ("POST", "/assets")
LIST = ("POST", "/assets/list")
GET = ("GET", "/assets")


# ---------------------------------------------------------------------------------------------- retry rules


@pytest.mark.usefixtures("no_backoff")
class TestRetryRules:
    async def test_429_is_retried_even_for_create(self, config: ClientConfig) -> None:
        script = Script(status(429), status(429))
        resp = await http_for(config, script).request(*CREATE, json={"items": [{"name": "a"}]})
        assert resp.status_code == 200
        assert script.count == 3

    @pytest.mark.parametrize("method, path", [GET, LIST, ("POST", "/assets/byids"), ("POST", "/assets/search")])
    async def test_503_is_retried_for_idempotent_requests(self, config: ClientConfig, method: str, path: str) -> None:
        script = Script(status(503), status(503))
        resp = await http_for(config, script).request(method, path, json={} if method == "POST" else None)
        assert resp.status_code == 200
        assert script.count == 3

    @pytest.mark.parametrize("code", [502, 503, 504])
    async def test_5xx_in_forcelist_not_retried_for_create(self, config: ClientConfig, code: int) -> None:
        script = Script(status(code))
        with pytest.raises(CogniteAPIError) as exc:
            await http_for(config, script).request(*CREATE, json={"items": [{"name": "a"}]})
        assert exc.value.code == code
        assert script.count == 1

    async def test_status_outside_forcelist_not_retried_even_for_get(self, config: ClientConfig) -> None:
        script = Script(status(500))
        with pytest.raises(CogniteAPIError) as exc:
            await http_for(config, script).request(*GET)
        assert exc.value.code == 500
        assert script.count == 1

    async def test_auto_retryable_header_makes_a_create_retryable(self, config: ClientConfig) -> None:
        script = Script(status(503, **{"cdf-is-auto-retryable": "true"}))
        resp = await http_for(config, script).request(*CREATE, json={"items": [{"name": "a"}]})
        assert resp.status_code == 200
        assert script.count == 2

    async def test_retryable_argument_overrides(self, config: ClientConfig) -> None:
        script = Script(status(503))
        await http_for(config, script).request(*CREATE, json={"items": []}, retryable=True)
        assert script.count == 2
        script = Script(status(503))
        with pytest.raises(CogniteAPIError):
            await http_for(config, script).request(*GET, retryable=False)
        assert script.count == 1

    @pytest.mark.parametrize("method, path", [CREATE, LIST, GET])
    async def test_connect_errors_retried_up_to_max_retries_connect(
        self, config: ClientConfig, method: str, path: str
    ) -> None:
        handler = Always(httpx.ConnectError("boom"))
        with pytest.raises(CogniteConnectionError):
            await http_for(config, handler).request(method, path, json={"items": []} if method == "POST" else None)
        assert handler.count == global_config.max_retries_connect + 1 == 4

    async def test_connect_error_then_success_for_create(self, config: ClientConfig) -> None:
        script = Script(httpx.ConnectError("boom"), httpx.ConnectTimeout("slow"))
        resp = await http_for(config, script).request(*CREATE, json={"items": []})
        assert resp.status_code == 200
        assert script.count == 3

    async def test_max_retries_connect_setting_is_used(self, config: ClientConfig) -> None:
        global_config.max_retries_connect = 1
        handler = Always(httpx.ConnectError("boom"))
        with pytest.raises(CogniteConnectionError):
            await http_for(config, handler).request(*GET)
        assert handler.count == 2

    @pytest.mark.parametrize(
        "error, expected",
        [
            (httpx.ReadTimeout("slow"), CogniteReadTimeout),
            (httpx.RemoteProtocolError("peer closed connection"), CogniteConnectionError),
            (httpx.ReadError("reset"), CogniteConnectionError),
        ],
    )
    async def test_errors_after_sending_not_retried_for_create(
        self, config: ClientConfig, error: Exception, expected: type[Exception]
    ) -> None:
        handler = Always(error)
        with pytest.raises(expected):
            await http_for(config, handler).request(*CREATE, json={"items": [{"name": "a"}]})
        assert handler.count == 1

    @pytest.mark.parametrize("method, path", [GET, LIST])
    @pytest.mark.parametrize("error", [httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("peer closed")])
    async def test_errors_after_sending_retried_for_idempotent(
        self, config: ClientConfig, method: str, path: str, error: Exception
    ) -> None:
        script = Script(error, error)
        resp = await http_for(config, script).request(method, path, json={} if method == "POST" else None)
        assert resp.status_code == 200
        assert script.count == 3

    async def test_read_timeout_mapped_when_retries_exhausted(self, config: ClientConfig) -> None:
        global_config.max_retries = 2
        handler = Always(httpx.ReadTimeout("slow"))
        with pytest.raises(CogniteReadTimeout):
            await http_for(config, handler).request(*GET)
        assert handler.count == 3

    @pytest.mark.parametrize("max_retries", [0, 1, 4])
    async def test_max_retries_respected(self, config: ClientConfig, max_retries: int) -> None:
        global_config.max_retries = max_retries
        handler = Always(status(503))
        with pytest.raises(CogniteAPIError) as exc:
            await http_for(config, handler).request(*GET)
        assert exc.value.code == 503
        assert handler.count == max_retries + 1

    async def test_max_retries_default_is_ten(self, config: ClientConfig) -> None:
        handler = Always(status(429))
        with pytest.raises(CogniteAPIError):
            await http_for(config, handler).request(*CREATE, json={"items": []})
        assert handler.count == 11

    async def test_max_retries_also_bounds_connect_retries(self, config: ClientConfig) -> None:
        global_config.max_retries = 1
        handler = Always(httpx.ConnectError("boom"))
        with pytest.raises(CogniteConnectionError):
            await http_for(config, handler).request(*GET)
        assert handler.count == 2

    async def test_status_forcelist_setting_is_used(self, config: ClientConfig) -> None:
        global_config.status_forcelist = {500}
        script = Script(status(500))
        assert (await http_for(config, script).request(*GET)).status_code == 200
        assert script.count == 2
        script = Script(status(503))
        with pytest.raises(CogniteAPIError):
            await http_for(config, script).request(*GET)
        assert script.count == 1


@pytest.mark.parametrize(
    "method, path, expected",
    [
        ("GET", "/assets", True),
        ("PUT", "/x", True),
        ("DELETE", "/x", True),
        ("POST", "/assets/list", True),
        ("POST", "/assets/byids", True),
        ("POST", "/assets/search", True),
        ("POST", "/assets/aggregate", True),
        ("POST", "/models/instances/query", True),
        ("POST", "/models/instances/sync", True),
        ("POST", "/timeseries/data/list", True),
        ("POST", "/timeseries/data/latest", True),
        ("POST", "/models/instances/inspect", True),
        ("POST", "/assets", False),
        ("POST", "/assets/update", False),
        ("POST", "/assets/delete", False),
        ("POST", "/timeseries/data", False),
        ("POST", "/assets/listing", False),
    ],
)
def test_is_idempotent(method: str, path: str, expected: bool) -> None:
    assert is_idempotent(method, path) is expected


# ---------------------------------------------------------------------------------------------- backoff


class TestBackoff:
    async def test_delays_capped_by_max_retry_backoff(self, config: ClientConfig, sleeps: list[float]) -> None:
        global_config.max_retry_backoff = 2
        handler = Always(status(503))
        with pytest.raises(CogniteAPIError):
            await http_for(config, handler).request(*GET)
        assert len(sleeps) == 10
        assert all(0 <= d <= 2 for d in sleeps)

    async def test_delays_grow_exponentially_with_full_jitter(self, config: ClientConfig, sleeps: list[float]) -> None:
        handler = Always(status(503))
        with pytest.raises(CogniteAPIError):
            await http_for(config, handler).request(*GET)
        for attempt, delay in enumerate(sleeps, start=1):
            assert 0 <= delay <= min(60, 0.25 * 2 ** (attempt - 1))

    def test_backoff_jitter_is_spread_and_capped(self, config: ClientConfig) -> None:
        http = http_for(config, Always(status(200)))
        global_config.max_retry_backoff = 10
        samples = [http._backoff(30, None) for _ in range(300)]
        assert max(samples) <= 10
        assert max(samples) > 5  # full jitter over [0, cap]: the upper half is reached
        assert min(samples) < 5
        global_config.max_retry_backoff = 0
        assert {http._backoff(a, None) for a in range(1, 20)} == {0}

    async def test_retry_after_is_honoured(self, config: ClientConfig, sleeps: list[float]) -> None:
        script = Script(status(429, **{"retry-after": "3"}), status(503, **{"retry-after": "1.5"}))
        await http_for(config, script).request(*GET)
        assert sleeps == [3.0, 1.5]

    async def test_retry_after_is_capped(self, config: ClientConfig, sleeps: list[float]) -> None:
        global_config.max_retry_backoff = 7
        script = Script(status(429, **{"retry-after": "1000"}))
        await http_for(config, script).request(*CREATE, json={"items": []})
        assert sleeps == [7.0]

    async def test_invalid_retry_after_falls_back_to_backoff(self, config: ClientConfig, sleeps: list[float]) -> None:
        script = Script(status(429, **{"retry-after": "soon"}))
        await http_for(config, script).request(*GET)
        assert len(sleeps) == 1
        assert 0 <= sleeps[0] <= 0.25

    async def test_retry_after_as_http_date(self, config: ClientConfig, sleeps: list[float]) -> None:
        from email.utils import formatdate

        script = Script(status(503, **{"retry-after": formatdate(time.time() + 20, usegmt=True)}))
        await http_for(config, script).request(*GET)
        assert len(sleeps) == 1
        assert 17 <= sleeps[0] <= 20

    async def test_no_sleep_without_retry(self, config: ClientConfig, sleeps: list[float]) -> None:
        with pytest.raises(CogniteAPIError):
            await http_for(config, Always(status(400))).request(*GET)
        assert sleeps == []


# ---------------------------------------------------------------------------------------------- error mapping


def error_handler(code: int, error: dict[str, Any] | None = None, text: str | None = None) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        if text is not None:
            return httpx.Response(code, text=text, headers={"x-request-id": "xrid-42"})
        body = {"error": {"code": code, "message": "Something went wrong", **(error or {})}}
        return httpx.Response(code, json=body, headers={"x-request-id": "xrid-42"})

    return handler


class TestErrorMapping:
    async def test_api_error_fields(self, config: ClientConfig) -> None:
        with pytest.raises(CogniteAPIError) as exc:
            await http_for(config, error_handler(400)).request(*CREATE, json={"items": []})
        err = exc.value
        assert type(err) is CogniteAPIError
        assert err.code == 400
        assert err.message == "Something went wrong"
        assert err.x_request_id == "xrid-42"
        assert err.project == config.project
        assert "Something went wrong" in str(err)
        assert "xrid-42" in str(err)
        assert "400" in str(err)

    async def test_missing_gives_not_found_error(self, config: ClientConfig) -> None:
        missing = [{"id": 1}, {"externalId": "x"}]
        with pytest.raises(CogniteNotFoundError) as exc:
            await http_for(config, error_handler(400, {"missing": missing})).request(*LIST, json={})
        assert exc.value.not_found == missing
        assert exc.value.missing == missing
        assert exc.value.code == 400
        assert exc.value.x_request_id == "xrid-42"

    async def test_duplicated_gives_duplicated_error(self, config: ClientConfig) -> None:
        dup = [{"externalId": "a"}]
        with pytest.raises(CogniteDuplicatedError) as exc:
            await http_for(config, error_handler(409, {"duplicated": dup})).request(*CREATE, json={"items": []})
        assert exc.value.duplicated == dup
        assert exc.value.code == 409
        assert isinstance(exc.value, CogniteAPIError)

    @pytest.mark.parametrize("code", [401, 403])
    async def test_auth_errors(self, config: ClientConfig, code: int) -> None:
        with pytest.raises(CogniteAuthorizationError) as exc:
            await http_for(config, error_handler(code)).request(*GET)
        assert exc.value.code == code
        assert isinstance(exc.value, CogniteAPIError)
        assert exc.value.x_request_id == "xrid-42"

    async def test_extra_fields_are_kept(self, config: ClientConfig) -> None:
        with pytest.raises(CogniteAPIError) as exc:
            await http_for(config, error_handler(422, {"details": "more"})).request(*GET)
        assert exc.value.extra == {"details": "more"}

    async def test_non_json_error_body(self, config: ClientConfig) -> None:
        with pytest.raises(CogniteAPIError) as exc:
            await http_for(config, error_handler(500, text="upstream exploded")).request(*GET)
        assert exc.value.code == 500
        assert "upstream exploded" in exc.value.message
        assert exc.value.x_request_id == "xrid-42"

    async def test_error_after_retries_is_the_last_one(self, config: ClientConfig, no_backoff: None) -> None:
        global_config.max_retries = 1
        with pytest.raises(CogniteAPIError) as exc:
            await http_for(config, error_handler(503)).request(*GET)
        assert exc.value.code == 503
        assert exc.value.x_request_id == "xrid-42"

    async def test_connection_error_message_names_the_request(self, config: ClientConfig) -> None:
        with pytest.raises(CogniteReadTimeout) as exc:
            await http_for(config, Always(httpx.ReadTimeout("slow"))).request(*CREATE, json={"items": []})
        assert "POST" in str(exc.value)
        assert "/assets" in str(exc.value)


# ---------------------------------------------------------------------------------------------- body, headers


def capture() -> tuple[list[httpx.Request], Handler]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return ok()

    return seen, handler


class TestBodyAndHeaders:
    async def test_body_is_gzipped(self, config: ClientConfig) -> None:
        seen, handler = capture()
        payload = {"items": [{"name": "pump", "metadata": {"k": "v"}}], "flag": True}
        await http_for(config, handler).request(*CREATE, json=payload)
        req = seen[0]
        assert req.headers["content-encoding"] == "gzip"
        assert req.headers["content-type"] == "application/json"
        assert json.loads(gzip.decompress(req.content)) == payload

    async def test_no_gzip_when_disabled(self, config: ClientConfig) -> None:
        global_config.disable_gzip = True
        seen, handler = capture()
        payload = {"items": [{"name": "pump"}]}
        await http_for(config, handler).request(*CREATE, json=payload)
        req = seen[0]
        assert "content-encoding" not in req.headers
        assert json.loads(req.content) == payload

    async def test_no_body_for_get(self, config: ClientConfig) -> None:
        seen, handler = capture()
        await http_for(config, handler).request(*GET)
        assert seen[0].content == b""
        assert "content-encoding" not in seen[0].headers

    async def test_standard_headers(self, config: ClientConfig, secret_token: str) -> None:
        seen, handler = capture()
        await http_for(config, handler).request(*GET)
        headers = seen[0].headers
        assert headers["x-cdp-sdk"] == f"CognitePythonSDK:{__version__}"
        assert headers["x-cdp-app"] == "unit-test-app"
        assert headers["cdf-version"] == "20230101"
        assert headers["authorization"] == f"Bearer {secret_token}"
        assert str(seen[0].url) == f"https://fake.cognitedata.com/api/v1/projects/{config.project}/assets"

    async def test_no_cdf_version_without_api_subversion(self) -> None:
        cfg = ClientConfig(client_name="c", project="p", credentials=Token("t"), base_url="https://x.example.com")
        seen, handler = capture()
        await http_for(cfg, handler).request(*GET)
        assert "cdf-version" not in seen[0].headers

    async def test_config_and_call_headers(self) -> None:
        cfg = ClientConfig(
            client_name="c", project="p", credentials=Token("t"), base_url="https://x.example.com", headers={"x-a": "1"}
        )
        seen, handler = capture()
        await http_for(cfg, handler).request(*GET, headers={"x-b": "2"})
        assert seen[0].headers["x-a"] == "1"
        assert seen[0].headers["x-b"] == "2"

    async def test_token_is_fetched_per_attempt(self, no_backoff: None) -> None:
        tokens = iter(["t1", "t2", "t3"])
        cfg = ClientConfig(client_name="c", project="p", credentials=Token(lambda: next(tokens)), base_url="https://x")
        script = Script(status(503))
        await http_for(cfg, script).request(*GET)
        assert [r.headers["authorization"] for r in script.requests] == ["Bearer t1", "Bearer t2"]

    async def test_query_params(self, config: ClientConfig) -> None:
        seen, handler = capture()
        params = {"flag": True, "other": False, "ids": [1, 2, 3], "gone": None, "name": "x y", "n": 5}
        await http_for(config, handler).request(*GET, params=params)
        assert list(seen[0].url.params.multi_items()) == [
            ("flag", "true"),
            ("other", "false"),
            ("ids", "1"),
            ("ids", "2"),
            ("ids", "3"),
            ("name", "x y"),
            ("n", "5"),
        ]

    async def test_absolute_url_is_used_as_is(self, config: ClientConfig) -> None:
        seen, handler = capture()
        await http_for(config, handler).request("GET", "https://files.example.com/upload/1")
        assert str(seen[0].url) == "https://files.example.com/upload/1"


# ---------------------------------------------------------------------------------------------- logging


class TestLogging:
    async def test_requests_logged_without_secrets(
        self, config: ClientConfig, caplog: pytest.LogCaptureFixture, no_backoff: None, secret_token: str
    ) -> None:
        TOKEN = secret_token
        caplog.set_level(logging.DEBUG, logger="cognite.client")
        http = http_for(config, Script(status(503), httpx.ReadTimeout("slow")))
        await http.request(*GET, params={"token": TOKEN})
        await http.request("GET", f"/assets?api_key={TOKEN}&sig={TOKEN}")
        with pytest.raises(CogniteAPIError):
            await http_for(config, error_handler(401)).request(*CREATE, json={"items": [], "token": TOKEN})
        records = [r for r in caplog.records if r.name.startswith("cognite.client")]
        assert len(records) >= 5
        assert any("status=503" in r.getMessage() for r in records)
        assert any("ReadTimeout" in r.getMessage() for r in records)
        for record in caplog.records:
            text = record.getMessage() + repr(record.args) + repr(record.__dict__)
            assert TOKEN not in text

    async def test_nothing_logged_above_debug(self, config: ClientConfig, caplog: pytest.LogCaptureFixture) -> None:
        caplog.set_level(logging.INFO, logger="cognite.client")
        await http_for(config, capture()[1]).request(*GET)
        assert [r for r in caplog.records if r.name.startswith("cognite.client")] == []

    async def test_token_not_in_error_messages(self, config: ClientConfig, secret_token: str) -> None:
        TOKEN = secret_token
        with pytest.raises(CogniteAPIError) as exc:
            await http_for(config, error_handler(403)).request(*GET)
        assert TOKEN not in str(exc.value)
        assert TOKEN not in repr(exc.value)
        assert TOKEN not in repr(config)
