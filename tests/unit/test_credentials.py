from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import pickle
import stat
import sys
import threading
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from cognite.client import credentials as creds_mod
from cognite.client.credentials import (
    CogniteAuthError,
    CogniteOAuthError,
    CredentialProvider,
    OAuthClientCertificate,
    OAuthClientCredentials,
    OAuthDeviceCode,
    OAuthInteractive,
    Token,
)
from cognite.client.exceptions import CogniteImportError

SECRET = "sup3r-s3cr3t-value"
TOKEN_URL = "https://idp.example.com/oauth2/token"


class Clock:
    def __init__(self, t: float = 1_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(creds_mod, "_now", c)
    return c


class TokenServer:
    """A mock token endpoint: records requests, answers with successive tokens or a given response."""

    def __init__(self, expires_in: Any = 3600, respond: Callable[[httpx.Request], httpx.Response] | None = None):
        self.requests: list[httpx.Request] = []
        self.expires_in = expires_in
        self.respond = respond
        self.release: asyncio.Event | None = None

    async def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.release is not None:
            await self.release.wait()
        if self.respond is not None:
            return self.respond(request)
        body: dict[str, Any] = {"access_token": f"tok-{len(self.requests)}", "token_type": "Bearer"}
        if self.expires_in is not None:
            body["expires_in"] = self.expires_in
        return httpx.Response(200, json=body)

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self.handler))

    def form(self, i: int = 0) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.requests[i].content.decode()).items()}


def make_cc(**kwargs: Any) -> OAuthClientCredentials:
    args: dict[str, Any] = dict(
        token_url=TOKEN_URL, client_id="my-client", client_secret=SECRET, scopes=["https://x.cognitedata.com/.default"]
    )
    args.update(kwargs)
    return OAuthClientCredentials(**args)


# ---------------------------------------------------------------------------------------------------------------
# Token
# ---------------------------------------------------------------------------------------------------------------


class TestToken:
    async def test_string_token(self) -> None:
        t = Token("abc")
        assert await t.auth_header_async() == ("Authorization", "Bearer abc")
        assert t.authorization_header() == ("Authorization", "Bearer abc")

    async def test_callable_is_called_per_request(self) -> None:
        calls = []

        def factory() -> str:
            calls.append(1)
            return f"t{len(calls)}"

        t = Token(factory)
        assert await t.auth_header_async() == ("Authorization", "Bearer t1")
        assert t.authorization_header() == ("Authorization", "Bearer t2")
        assert len(calls) == 2

    async def test_async_callable(self) -> None:
        async def factory() -> str:
            await asyncio.sleep(0)
            return "async-token"

        t = Token(factory)
        assert await t.auth_header_async() == ("Authorization", "Bearer async-token")
        assert t.authorization_header() == ("Authorization", "Bearer async-token")

    async def test_callable_returning_non_str(self) -> None:
        t = Token(lambda: 123)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="must return a str"):
            await t.auth_header_async()

    @pytest.mark.parametrize("bad", [None, 123, b"abc", ["x"]])
    def test_invalid_type(self, bad: Any) -> None:
        with pytest.raises(TypeError, match="token"):
            Token(bad)

    def test_empty_string(self) -> None:
        with pytest.raises(ValueError, match="token"):
            Token("  ")

    def test_repr_hides_token(self) -> None:
        t = Token(SECRET)
        assert SECRET not in repr(t) and SECRET not in str(t)
        assert repr(t) == "Token(token=<redacted>)"

        def my_factory() -> str:
            return SECRET

        assert "my_factory" in repr(Token(my_factory)) and SECRET not in repr(Token(my_factory))

    def test_pickle(self) -> None:
        t = pickle.loads(pickle.dumps(Token("abc")))
        assert t.authorization_header() == ("Authorization", "Bearer abc")


# ---------------------------------------------------------------------------------------------------------------
# OAuthClientCredentials
# ---------------------------------------------------------------------------------------------------------------


class TestClientCredentialsRequest:
    async def test_form_body_and_header(self, clock: Clock) -> None:
        server = TokenServer()
        cc = make_cc(scopes=["a", "b"], audience="my-audience")
        async with server.client() as client:
            assert await cc.auth_header_async(client) == ("Authorization", "Bearer tok-1")
        req = server.requests[0]
        assert req.method == "POST" and str(req.url) == TOKEN_URL
        assert req.headers["content-type"] == "application/x-www-form-urlencoded"
        assert server.form() == {
            "grant_type": "client_credentials",
            "client_id": "my-client",
            "client_secret": SECRET,
            "scope": "a b",
            "audience": "my-audience",
        }

    async def test_token_is_cached(self, clock: Clock) -> None:
        server = TokenServer()
        cc = make_cc()
        async with server.client() as client:
            for _ in range(5):
                assert await cc.auth_header_async(client) == ("Authorization", "Bearer tok-1")
        assert len(server.requests) == 1

    async def test_refresh_ahead_of_expiry(self, clock: Clock) -> None:
        server = TokenServer(expires_in=3600)
        cc = make_cc(token_expiry_leeway_seconds=30)
        start = clock.t
        async with server.client() as client:
            assert (await cc.auth_header_async(client))[1] == "Bearer tok-1"
            clock.t = start + 3600 - 31  # 31 s left: still good
            assert (await cc.auth_header_async(client))[1] == "Bearer tok-1"
            clock.t = start + 3600 - 29  # inside the leeway: refresh before it expires
            assert (await cc.auth_header_async(client))[1] == "Bearer tok-2"
        assert len(server.requests) == 2

    async def test_expires_in_as_string_and_expires_at(self, clock: Clock) -> None:
        server = TokenServer(expires_in="100")
        cc = make_cc(token_expiry_leeway_seconds=0)
        async with server.client() as client:
            await cc.auth_header_async(client)
            clock.t += 99
            await cc.auth_header_async(client)
            assert len(server.requests) == 1
            clock.t += 2
            await cc.auth_header_async(client)
            assert len(server.requests) == 2

        at = clock.t + 50
        server2 = TokenServer(respond=lambda r: httpx.Response(200, json={"access_token": "x", "expires_at": at}))
        cc2 = make_cc(token_expiry_leeway_seconds=10)
        async with server2.client() as client:
            await cc2.auth_header_async(client)
            clock.t += 39
            await cc2.auth_header_async(client)
            assert len(server2.requests) == 1
            clock.t += 2
            await cc2.auth_header_async(client)
            assert len(server2.requests) == 2

    async def test_jwt_exp_used_when_response_has_no_expiry(self, clock: Clock) -> None:
        payload = base64.urlsafe_b64encode(json.dumps({"exp": clock.t + 120}).encode()).decode().rstrip("=")
        jwt = f"eyJhbGciOiJub25lIn0.{payload}.sig"
        server = TokenServer(respond=lambda r: httpx.Response(200, json={"access_token": jwt}))
        cc = make_cc(token_expiry_leeway_seconds=0)
        async with server.client() as client:
            await cc.auth_header_async(client)
            clock.t += 119
            await cc.auth_header_async(client)
            assert len(server.requests) == 1
            clock.t += 2
            await cc.auth_header_async(client)
            assert len(server.requests) == 2

    async def test_invalidate_forces_new_token(self, clock: Clock) -> None:
        server = TokenServer()
        cc = make_cc()
        async with server.client() as client:
            await cc.auth_header_async(client)
            cc._invalidate_token()
            assert (await cc.auth_header_async(client))[1] == "Bearer tok-2"

    async def test_no_scopes_sends_no_scope_field(self, clock: Clock) -> None:
        server = TokenServer()
        cc = make_cc(scopes=None, audience="aud")
        async with server.client() as client:
            await cc.auth_header_async(client)
        assert "scope" not in server.form() and server.form()["audience"] == "aud"


class TestSingleFlight:
    async def test_100_concurrent_calls_one_request(self, clock: Clock) -> None:
        server = TokenServer()
        server.release = asyncio.Event()
        cc = make_cc()
        async with server.client() as client:
            tasks = [asyncio.create_task(cc.auth_header_async(client)) for _ in range(100)]
            for _ in range(10):
                await asyncio.sleep(0)
            server.release.set()
            results = await asyncio.gather(*tasks)
        assert len(server.requests) == 1
        assert set(results) == {("Authorization", "Bearer tok-1")}

    async def test_100_concurrent_calls_with_expired_token_one_request(self, clock: Clock) -> None:
        server = TokenServer(expires_in=60)
        cc = make_cc()
        async with server.client() as client:
            await cc.auth_header_async(client)
            clock.t += 3600
            server.release = asyncio.Event()
            tasks = [asyncio.create_task(cc.auth_header_async(client)) for _ in range(100)]
            for _ in range(10):
                await asyncio.sleep(0)
            server.release.set()
            results = await asyncio.gather(*tasks)
        assert len(server.requests) == 2
        assert set(results) == {("Authorization", "Bearer tok-2")}

    async def test_error_is_shared_then_retried(self, clock: Clock) -> None:
        fail = [True]

        def respond(request: httpx.Request) -> httpx.Response:
            if fail[0]:
                return httpx.Response(401, json={"error": "invalid_client", "error_description": "nope"})
            return httpx.Response(200, json={"access_token": "ok", "expires_in": 3600})

        server = TokenServer(respond=respond)
        server.release = asyncio.Event()
        cc = make_cc()
        async with server.client() as client:
            tasks = [asyncio.create_task(cc.auth_header_async(client)) for _ in range(50)]
            for _ in range(10):
                await asyncio.sleep(0)
            server.release.set()
            results = await asyncio.gather(*tasks, return_exceptions=True)
            assert len(server.requests) == 1
            assert all(isinstance(r, CogniteOAuthError) for r in results)
            fail[0] = False
            assert await cc.auth_header_async(client) == ("Authorization", "Bearer ok")
        assert len(server.requests) == 2

    async def test_cancelled_fetch_is_taken_over_by_a_waiter(self, clock: Clock) -> None:
        server = TokenServer()
        server.release = asyncio.Event()
        cc = make_cc()
        async with server.client() as client:
            owner = asyncio.create_task(cc.auth_header_async(client))
            await asyncio.sleep(0)
            waiter = asyncio.create_task(cc.auth_header_async(client))
            for _ in range(5):
                await asyncio.sleep(0)
            owner.cancel()
            for _ in range(5):
                await asyncio.sleep(0)
            server.release.set()
            assert await waiter == ("Authorization", "Bearer tok-2")
            assert owner.cancelled()
        assert len(server.requests) == 2

    def test_used_from_several_event_loops(self, clock: Clock) -> None:
        server = TokenServer(expires_in=60)
        cc = make_cc()

        async def get() -> tuple[str, str]:
            async with server.client() as client:
                return await cc.auth_header_async(client)

        assert asyncio.run(get())[1] == "Bearer tok-1"
        clock.t += 3600
        assert asyncio.run(get())[1] == "Bearer tok-2"
        clock.t += 3600
        # the sync bridge's background loop, then a user loop again
        server_transport = httpx.MockTransport(server.handler)
        orig = creds_mod._default_http_client
        try:
            creds_mod._default_http_client = lambda: httpx.AsyncClient(transport=server_transport)
            assert cc.authorization_header()[1] == "Bearer tok-3"
        finally:
            creds_mod._default_http_client = orig
        clock.t += 3600
        assert asyncio.run(get())[1] == "Bearer tok-4"

    def test_sync_path_many_threads_one_request(self, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
        server = TokenServer()
        gate = threading.Event()

        async def slow_handler(request: httpx.Request) -> httpx.Response:
            await asyncio.to_thread(gate.wait, 5)
            return await server.handler(request)

        monkeypatch.setattr(
            creds_mod, "_default_http_client", lambda: httpx.AsyncClient(transport=httpx.MockTransport(slow_handler))
        )
        cc = make_cc()
        results: list[tuple[str, str]] = []
        threads = [threading.Thread(target=lambda: results.append(cc.authorization_header())) for _ in range(20)]
        for t in threads:
            t.start()
        while cc._inflight is None:  # wait for the fetch to begin, then let it finish
            threading.Event().wait(0.001)
        gate.set()
        for t in threads:
            t.join(5)
        assert len(server.requests) == 1
        assert results == [("Authorization", "Bearer tok-1")] * 20


class TestClientCredentialsErrors:
    async def test_oauth_error_body(self, clock: Clock) -> None:
        body = {"error": "invalid_client", "error_description": f"AADSTS7000215: Invalid secret {SECRET} provided."}
        server = TokenServer(respond=lambda r: httpx.Response(401, json=body))
        cc = make_cc()
        async with server.client() as client:
            with pytest.raises(CogniteOAuthError) as exc_info:
                await cc.auth_header_async(client)
        err = exc_info.value
        assert isinstance(err, CogniteAuthError)
        assert err.error == "invalid_client"
        assert err.description is not None and "AADSTS7000215" in err.description
        assert SECRET not in str(err) and SECRET not in repr(err) and SECRET not in err.description

    async def test_connection_failure(self, clock: Clock) -> None:
        def respond(request: httpx.Request) -> httpx.Response:
            raise httpx.ConnectError("Connection refused", request=request)

        cc = make_cc()
        async with TokenServer(respond=respond).client() as client:
            with pytest.raises(CogniteAuthError, match=r"Could not connect to the token endpoint .*ConnectError") as ei:
                await cc.auth_header_async(client)
        assert SECRET not in str(ei.value)

    async def test_timeout(self, clock: Clock) -> None:
        def respond(request: httpx.Request) -> httpx.Response:
            raise httpx.ReadTimeout("timed out", request=request)

        async with TokenServer(respond=respond).client() as client:
            with pytest.raises(CogniteAuthError, match="Timed out"):
                await make_cc().auth_header_async(client)

    async def test_non_json_error(self, clock: Clock) -> None:
        server = TokenServer(respond=lambda r: httpx.Response(502, text="<html>bad gateway</html>"))
        async with server.client() as client:
            with pytest.raises(CogniteAuthError, match="HTTP 502"):
                await make_cc().auth_header_async(client)

    async def test_missing_access_token(self, clock: Clock) -> None:
        server = TokenServer(respond=lambda r: httpx.Response(200, json={"token_type": "Bearer"}))
        async with server.client() as client:
            with pytest.raises(CogniteAuthError, match="no access_token"):
                await make_cc().auth_header_async(client)

    async def test_no_secret_in_logs(self, clock: Clock, caplog: pytest.LogCaptureFixture) -> None:
        server = TokenServer(
            respond=lambda r: httpx.Response(200, json={"access_token": "TOKEN-XYZ", "expires_in": 60})
        )
        caplog.set_level(logging.DEBUG)
        cc = make_cc()
        async with server.client() as client:
            await cc.auth_header_async(client)
        assert caplog.records, "expected debug logs about the token request"
        assert SECRET not in caplog.text and "TOKEN-XYZ" not in caplog.text


class TestClientCredentialsConstruction:
    def test_repr_and_str_hide_secret(self) -> None:
        cc = make_cc(audience="aud")
        for text in (repr(cc), str(cc), f"{cc}"):
            assert SECRET not in text
        assert "my-client" in repr(cc) and "<redacted>" in repr(cc)

    @pytest.mark.parametrize(
        "kwargs, exc, name",
        [
            ({"token_url": 123}, TypeError, "token_url"),
            ({"token_url": "not-a-url"}, ValueError, "token_url"),
            ({"client_id": None}, TypeError, "client_id"),
            ({"client_id": ""}, ValueError, "client_id"),
            ({"client_secret": 42}, TypeError, "client_secret"),
            ({"client_secret": ""}, ValueError, "client_secret"),
            ({"scopes": [1, 2]}, TypeError, "scopes"),
            ({"token_expiry_leeway_seconds": -1}, ValueError, "token_expiry_leeway_seconds"),
            ({"token_expiry_leeway_seconds": "30"}, TypeError, "token_expiry_leeway_seconds"),
            ({"grant_type": "password"}, ValueError, "token_custom_args"),
        ],
    )
    def test_invalid_arguments(self, kwargs: dict[str, Any], exc: type[Exception], name: str) -> None:
        with pytest.raises(exc, match=name) as ei:
            make_cc(**kwargs)
        assert SECRET not in str(ei.value)

    def test_invalid_secret_type_message_does_not_echo_value(self) -> None:
        with pytest.raises(TypeError) as ei:
            make_cc(client_secret=[SECRET])
        assert SECRET not in str(ei.value)

    async def test_default_for_entra_id(self, clock: Clock) -> None:
        for factory in (OAuthClientCredentials.default_for_entra_id, OAuthClientCredentials.default_for_azure_ad):
            cc = factory("my-tenant", "cid", SECRET, "westeurope-1", audience="aud")
            assert cc.token_url == "https://login.microsoftonline.com/my-tenant/oauth2/v2.0/token"
            assert cc.scopes == ["https://westeurope-1.cognitedata.com/.default"]
            assert cc.client_id == "cid" and cc.client_secret == SECRET
            assert cc.token_custom_args == {"audience": "aud"}
            assert cc.token_expiry_leeway_seconds == 30
        server = TokenServer()
        async with server.client() as client:
            await cc.auth_header_async(client)
        assert server.form()["audience"] == "aud"
        assert server.form()["scope"] == "https://westeurope-1.cognitedata.com/.default"

    async def test_pickle_drops_cached_token(self, clock: Clock) -> None:
        server = TokenServer()
        cc = make_cc()
        async with server.client() as client:
            await cc.auth_header_async(client)
            copy = pickle.loads(pickle.dumps(cc))
            assert copy._token is None and copy.client_secret == SECRET
            assert (await copy.auth_header_async(client))[1] == "Bearer tok-2"


# ---------------------------------------------------------------------------------------------------------------
# Base class and load
# ---------------------------------------------------------------------------------------------------------------


class TestCredentialProviderBase:
    def test_cannot_instantiate_base(self) -> None:
        with pytest.raises(TypeError, match="abstract"):
            CredentialProvider()

    async def test_legacy_sync_subclass_works_async(self) -> None:
        class Legacy(CredentialProvider):
            def authorization_header(self) -> tuple[str, str]:
                return "Authorization", f"Bearer legacy-{threading.current_thread().name}"

        name, value = await Legacy().auth_header_async()
        assert name == "Authorization" and value.startswith("Bearer legacy-")
        assert value != f"Bearer legacy-{threading.current_thread().name}"  # ran off the event loop thread

    def test_async_subclass_works_sync(self) -> None:
        class Modern(CredentialProvider):
            async def auth_header_async(self, http_client: httpx.AsyncClient | None = None) -> tuple[str, str]:
                return "Authorization", "Bearer modern"

        assert Modern().authorization_header() == ("Authorization", "Bearer modern")

    async def test_subclass_implementing_nothing(self) -> None:
        class Empty(CredentialProvider):
            pass

        with pytest.raises(NotImplementedError):
            await Empty().auth_header_async()
        with pytest.raises(NotImplementedError):
            Empty().authorization_header()


class TestLoad:
    def test_token(self) -> None:
        t = CredentialProvider.load({"token": "abc"})
        assert isinstance(t, Token) and t.authorization_header()[1] == "Bearer abc"
        assert CredentialProvider.load('{"token": "abc"}').authorization_header()[1] == "Bearer abc"
        assert Token.load({"token": "abc"}).authorization_header()[1] == "Bearer abc"

    @pytest.mark.parametrize(
        "config",
        [
            {
                "client_credentials": {
                    "client_id": "abcd",
                    "client_secret": SECRET,
                    "token_url": TOKEN_URL,
                    "scopes": ["s1"],
                    "token_expiry_leeway_seconds": 10,
                    "audience": "aud",
                }
            },
            {
                "clientCredentials": {
                    "clientId": "abcd",
                    "clientSecret": SECRET,
                    "tokenUrl": TOKEN_URL,
                    "scopes": ["s1"],
                    "tokenExpiryLeewaySeconds": 10,
                    "audience": "aud",
                }
            },
        ],
    )
    def test_client_credentials(self, config: dict[str, Any]) -> None:
        for cfg in (config, json.dumps(config)):
            cc = CredentialProvider.load(cfg)
            assert isinstance(cc, OAuthClientCredentials)
            assert (cc.client_id, cc.client_secret, cc.token_url, cc.scopes) == ("abcd", SECRET, TOKEN_URL, ["s1"])
            assert cc.token_expiry_leeway_seconds == 10 and cc.token_custom_args == {"audience": "aud"}
        inner = next(iter(config.values()))
        assert OAuthClientCredentials.load(inner).client_id == "abcd"
        assert OAuthClientCredentials.load(config).client_id == "abcd"

    def test_device_code(self) -> None:
        dc = CredentialProvider.load(
            {
                "deviceCode": {
                    "clientId": "abcd",
                    "oauthDiscoveryUrl": "https://idp.example.com",
                    "cdfCluster": "api",
                    "memCacheOnly": True,
                }
            }
        )
        assert isinstance(dc, OAuthDeviceCode) and dc.token_cache_path is None

    @pytest.mark.parametrize(
        "config, match",
        [
            ({}, "exactly one top-level key"),
            ({"token": "a", "client_credentials": {}}, "exactly one top-level key"),
            ({"password": {"user": "x"}}, "Unknown credential provider type"),
        ],
    )
    def test_invalid(self, config: dict[str, Any], match: str) -> None:
        with pytest.raises(ValueError, match=match):
            CredentialProvider.load(config)

    def test_bad_string_does_not_echo_secret(self) -> None:
        with pytest.raises(ValueError) as ei:
            CredentialProvider.load("{client_credentials: {client_secret: '" + SECRET + "', [")
        assert SECRET not in str(ei.value)

    def test_wrong_type(self) -> None:
        with pytest.raises(TypeError, match="config"):
            CredentialProvider.load(42)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------------------------
# msal-based providers
# ---------------------------------------------------------------------------------------------------------------


@pytest.fixture
def no_msal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "msal", None)  # makes `import msal` raise ImportError


class FakeCache:
    def __init__(self) -> None:
        self.data = ""
        self.has_state_changed = False

    def deserialize(self, text: str) -> None:
        self.data = text

    def serialize(self) -> str:
        return self.data


class FakeMsal:
    """Stands in for the msal module; records how it is called."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.result: dict[str, Any] = {"access_token": "msal-token", "expires_in": 3600}
        self.accounts: list[dict[str, str]] = []
        self.silent_result: dict[str, Any] | None = None
        fake = self

        class App:
            def __init__(self, **kwargs: Any) -> None:
                fake.calls.append((type(self).__name__, kwargs))
                self.cache: Any = kwargs.get("token_cache")

            def acquire_token_for_client(self, scopes: list[str]) -> dict[str, Any]:
                fake.calls.append(("acquire_token_for_client", scopes))
                return fake.result

            def get_accounts(self) -> list[dict[str, str]]:
                return fake.accounts

            def acquire_token_silent(self, scopes: list[str], account: Any) -> dict[str, Any] | None:
                fake.calls.append(("acquire_token_silent", (scopes, account)))
                return fake.silent_result

            def acquire_token_interactive(self, **kwargs: Any) -> dict[str, Any]:
                fake.calls.append(("acquire_token_interactive", kwargs))
                self.cache.data = '{"tokens": "cached"}'
                self.cache.has_state_changed = True
                return fake.result

            def initiate_device_flow(self, scopes: list[str]) -> dict[str, Any]:
                fake.calls.append(("initiate_device_flow", scopes))
                return {"user_code": "ABC-123", "message": "Go to https://microsoft.com/devicelogin, code ABC-123"}

            def acquire_token_by_device_flow(self, flow: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
                fake.calls.append(("acquire_token_by_device_flow", kwargs))
                return fake.result

        class ConfidentialClientApplication(App):
            pass

        class PublicClientApplication(App):
            pass

        self.module = types.ModuleType("msal")
        self.module.ConfidentialClientApplication = ConfidentialClientApplication  # type: ignore[attr-defined]
        self.module.PublicClientApplication = PublicClientApplication  # type: ignore[attr-defined]
        self.module.SerializableTokenCache = FakeCache  # type: ignore[attr-defined]


@pytest.fixture
def fake_msal(monkeypatch: pytest.MonkeyPatch) -> FakeMsal:
    fake = FakeMsal()
    monkeypatch.setitem(sys.modules, "msal", fake.module)
    return fake


AUTHORITY = "https://login.microsoftonline.com/my-tenant"
CERT = "-----BEGIN PRIVATE KEY-----\nMIIEvQ" + SECRET + "\n-----END PRIVATE KEY-----"


class TestMsalProviders:
    def test_missing_msal_raises_import_error(self, no_msal: None, tmp_path: Path) -> None:
        with pytest.raises(CogniteImportError) as ei:
            OAuthClientCertificate(AUTHORITY, "cid", "THUMB", CERT, ["s"])
        assert ei.value.module == "msal"
        with pytest.raises(CogniteImportError):
            OAuthInteractive(AUTHORITY, "cid", ["s"], token_cache_path=tmp_path / "c.bin")
        with pytest.raises(CogniteImportError):
            OAuthDeviceCode(authority_url=AUTHORITY, client_id="cid", scopes=["s"], mem_cache_only=True)

    def test_arguments_validated_before_msal_import(self, no_msal: None) -> None:
        with pytest.raises(TypeError, match="client_id"):
            OAuthClientCertificate(AUTHORITY, 123, "THUMB", CERT, ["s"])  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="scopes"):
            OAuthClientCertificate(AUTHORITY, "cid", "THUMB", CERT, [])
        with pytest.raises(ValueError, match="authority_url"):
            OAuthInteractive("login.microsoftonline.com", "cid", ["s"])
        with pytest.raises(ValueError, match="redirect_port"):
            OAuthInteractive(AUTHORITY, "cid", ["s"], redirect_port=0)
        with pytest.raises(TypeError, match="certificate"):
            OAuthClientCertificate(AUTHORITY, "cid", "THUMB", None, ["s"])  # type: ignore[arg-type]

    async def test_client_certificate(self, fake_msal: FakeMsal, clock: Clock) -> None:
        cc = OAuthClientCertificate.default_for_entra_id("my-tenant", "cid", "THUMB", CERT, "westeurope-1")
        assert fake_msal.calls == []  # building the msal app (which does network I/O) is deferred
        assert await cc.auth_header_async() == ("Authorization", "Bearer msal-token")
        assert await cc.auth_header_async() == ("Authorization", "Bearer msal-token")
        name, kwargs = fake_msal.calls[0]
        assert name == "ConfidentialClientApplication"
        assert kwargs == {
            "client_id": "cid",
            "authority": AUTHORITY,
            "client_credential": {"thumbprint": "THUMB", "private_key": CERT},
        }
        assert fake_msal.calls[1:] == [("acquire_token_for_client", ["https://westeurope-1.cognitedata.com/.default"])]
        assert SECRET not in repr(cc) and "BEGIN PRIVATE KEY" not in repr(cc)

    async def test_msal_error(self, fake_msal: FakeMsal, clock: Clock) -> None:
        fake_msal.result = {"error": "invalid_client", "error_description": "AADSTS700027: bad certificate"}
        cc = OAuthClientCertificate(AUTHORITY, "cid", "THUMB", CERT, ["s"])
        with pytest.raises(CogniteOAuthError, match="AADSTS700027") as ei:
            cc.authorization_header()
        assert ei.value.error == "invalid_client" and SECRET not in str(ei.value)

    async def test_interactive_writes_private_cache(self, fake_msal: FakeMsal, clock: Clock, tmp_path: Path) -> None:
        path = tmp_path / "cache.bin"
        oi = OAuthInteractive.default_for_azure_ad("my-tenant", "cid", "api", token_cache_path=path, prompt="login")
        assert await oi.auth_header_async() == ("Authorization", "Bearer msal-token")
        interactive = [kw for name, kw in fake_msal.calls if name == "acquire_token_interactive"]
        assert interactive == [
            {"scopes": ["https://api.cognitedata.com/.default"], "port": 53000, "prompt": "login", "login_hint": None}
        ]
        assert path.read_text() == '{"tokens": "cached"}'
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600

    async def test_interactive_silent_first(self, fake_msal: FakeMsal, clock: Clock, tmp_path: Path) -> None:
        fake_msal.accounts = [{"username": "me"}]
        fake_msal.silent_result = {"access_token": "silent", "expires_in": 3600}
        oi = OAuthInteractive(AUTHORITY, "cid", ["s"], token_cache_path=tmp_path / "c.bin")
        assert await oi.auth_header_async() == ("Authorization", "Bearer silent")
        assert not any(name == "acquire_token_interactive" for name, _ in fake_msal.calls)

    async def test_device_code_msal(
        self, fake_msal: FakeMsal, clock: Clock, capsys: pytest.CaptureFixture[str]
    ) -> None:
        dc = OAuthDeviceCode.default_for_entra_id("my-tenant", "cid", "api", mem_cache_only=True)
        assert await dc.auth_header_async() == ("Authorization", "Bearer msal-token")
        assert "ABC-123" in capsys.readouterr().out
        assert ("initiate_device_flow", ["https://api.cognitedata.com/.default"]) in fake_msal.calls


# ---------------------------------------------------------------------------------------------------------------
# OAuthDeviceCode against any RFC 8628 identity provider
# ---------------------------------------------------------------------------------------------------------------


class DeviceIdP:
    base = "https://idp.example.com/realms/cdf"

    def __init__(self, pending: int = 1) -> None:
        self.pending = pending
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.issued = 0

    def handler(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        self.requests.append((path, form))
        if path.endswith("/.well-known/openid-configuration"):
            return httpx.Response(
                200,
                json={
                    "device_authorization_endpoint": f"{self.base}/device",
                    "token_endpoint": f"{self.base}/token",
                },
            )
        if path.endswith("/device"):
            return httpx.Response(
                200,
                json={
                    "device_code": "DEV-CODE-SECRET",
                    "user_code": "WXYZ-1234",
                    "verification_uri": "https://idp.example.com/activate",
                    "expires_in": 600,
                    "interval": 0,
                },
            )
        if form.get("grant_type") == "urn:ietf:params:oauth:grant-type:device_code":
            if self.pending > 0:
                self.pending -= 1
                return httpx.Response(400, json={"error": "authorization_pending"})
        elif form.get("grant_type") == "refresh_token" and form.get("refresh_token") != f"refresh-{self.issued}":
            return httpx.Response(400, json={"error": "invalid_grant"})
        self.issued += 1
        return httpx.Response(
            200,
            json={"access_token": f"dc-{self.issued}", "refresh_token": f"refresh-{self.issued}", "expires_in": 3600},
        )

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self.handler))


class TestDeviceCodeGeneric:
    async def test_flow_cache_and_refresh(
        self, clock: Clock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        idp = DeviceIdP(pending=2)
        path = tmp_path / "tokens.json"
        dc = OAuthDeviceCode(
            oauth_discovery_url=idp.base, client_id="cid", cdf_cluster="api", token_cache_path=path, audience="aud"
        )
        async with idp.client() as client:
            assert await dc.auth_header_async(client) == ("Authorization", "Bearer dc-1")
        out = capsys.readouterr().out
        assert "WXYZ-1234" in out and "https://idp.example.com/activate" in out
        paths = [p for p, _ in idp.requests]
        assert paths[0] == "/realms/cdf/.well-known/openid-configuration"
        assert paths[1] == "/realms/cdf/device" and paths.count("/realms/cdf/token") == 3
        device_form = idp.requests[1][1]
        assert device_form == {
            "client_id": "cid",
            "scope": "https://api.cognitedata.com/.default offline_access",
            "audience": "aud",
        }
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600

        # A new provider reuses the cached access token: no request at all.
        idp.requests.clear()
        dc2 = OAuthDeviceCode(oauth_discovery_url=idp.base, client_id="cid", cdf_cluster="api", token_cache_path=path)
        async with idp.client() as client:
            assert await dc2.auth_header_async(client) == ("Authorization", "Bearer dc-1")
            assert idp.requests == []
            # After expiry the refresh token is used, no new sign-in.
            clock.t += 3600
            assert await dc2.auth_header_async(client) == ("Authorization", "Bearer dc-2")
        assert [form.get("grant_type") for _, form in idp.requests if form] == ["refresh_token"]
        assert "DEV-CODE-SECRET" not in repr(dc) and "refresh-" not in repr(dc2)

    async def test_rejected_refresh_token_starts_device_flow(self, clock: Clock) -> None:
        idp = DeviceIdP(pending=0)
        dc = OAuthDeviceCode(oauth_discovery_url=idp.base, client_id="cid", scopes=["openid"], mem_cache_only=True)
        async with idp.client() as client:
            await dc.auth_header_async(client)
            dc._refresh_token = "stale"
            clock.t += 7200
            assert (await dc.auth_header_async(client))[1] == "Bearer dc-2"
        assert sum(p.endswith("/device") for p, _ in idp.requests) == 2

    async def test_denied(self, clock: Clock) -> None:
        def handler(request: httpx.Request) -> httpx.Response:
            if request.url.path.endswith("openid-configuration"):
                return httpx.Response(
                    200, json={"device_authorization_endpoint": "https://i/d", "token_endpoint": "https://i/t"}
                )
            if request.url.path == "/d":
                return httpx.Response(
                    200, json={"device_code": "d", "user_code": "u", "verification_uri": "https://i/v", "interval": 0}
                )
            return httpx.Response(400, json={"error": "access_denied", "error_description": "user said no"})

        dc = OAuthDeviceCode(oauth_discovery_url="https://i", client_id="cid", scopes=["s"], mem_cache_only=True)
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            with pytest.raises(CogniteOAuthError, match="access_denied"):
                await dc.auth_header_async(client)

    def test_clear_cache_and_mem_cache_only(self, tmp_path: Path) -> None:
        path = tmp_path / "tokens.json"
        path.write_text("{}")
        OAuthDeviceCode(
            oauth_discovery_url=DeviceIdP.base, client_id="cid", scopes=["s"], token_cache_path=path, clear_cache=True
        )
        assert not path.exists()
        dc = OAuthDeviceCode(
            oauth_discovery_url=DeviceIdP.base,
            client_id="cid",
            scopes=["s"],
            token_cache_path=path,
            mem_cache_only=True,
        )
        assert dc.token_cache_path is None

    @pytest.mark.parametrize(
        "kwargs, exc, match",
        [
            ({"client_id": "c", "scopes": ["s"]}, ValueError, "exactly one of authority_url"),
            (
                {"client_id": "c", "scopes": ["s"], "authority_url": AUTHORITY, "oauth_discovery_url": "https://i"},
                ValueError,
                "exactly one of authority_url",
            ),
            ({"oauth_discovery_url": "https://i", "scopes": ["s"]}, TypeError, "client_id"),
            ({"oauth_discovery_url": "https://i", "client_id": "c"}, ValueError, "cdf_cluster"),
            (
                {"oauth_discovery_url": "https://i", "client_id": "c", "scopes": ["s"], "clear_cache": 1},
                TypeError,
                "clear_cache",
            ),
        ],
    )
    def test_invalid_arguments(self, kwargs: dict[str, Any], exc: type[Exception], match: str) -> None:
        with pytest.raises(exc, match=match):
            OAuthDeviceCode(**kwargs)


class TestAgainstEmulator:
    async def test_client_credentials_with_emulator_token_endpoint(self) -> None:
        from cognite.client.testing import CDFEmulator

        emu = CDFEmulator(auth="strict", clients={"cid": SECRET})
        base = "https://emulator.cognitedata.com"
        async with httpx.AsyncClient(transport=emu.transport(), base_url=base) as client:
            cc = OAuthClientCredentials(f"{base}/oauth2/token", "cid", SECRET, ["https://x/.default"])
            headers = await asyncio.gather(*[cc.auth_header_async(client) for _ in range(100)])
            assert len(set(headers)) == 1 and emu.counters.token_requests == 1
            response = await client.get("/api/v1/projects/p/assets", headers=dict([headers[0]]))
            assert response.status_code == 200

            wrong = OAuthClientCredentials(f"{base}/oauth2/token", "cid", "wrong-secret-value", ["s"])
            with pytest.raises(CogniteOAuthError) as ei:
                await wrong.auth_header_async(client)
            assert ei.value.error == "invalid_client" and "wrong-secret-value" not in str(ei.value)
