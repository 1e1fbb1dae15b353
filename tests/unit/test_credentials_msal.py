"""The msal-based credential providers against the REAL ``msal`` library, with no network.

msal lets its applications take an ``http_client``; the providers pass on ``_msal_app_options`` (a private hook) to
msal's application constructor, so every request msal makes lands in ``FakeIdP`` below: a small Entra ID look-alike
answering OpenID discovery, instance discovery, the token endpoint (client credentials with a signed client
assertion, authorization code with PKCE, refresh token, device code) and the device authorization endpoint.

A guard refuses any socket connection that is not to the loopback interface (the interactive flow's local redirect
server is the only socket used). msal's clock (``time.time``) and the providers' clock move together.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import datetime
import hashlib
import json
import logging
import os
import pickle
import socket
import stat
import tempfile
import threading
import time
import urllib.request
import webbrowser
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlencode, urlparse

import jwt
import msal
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from cognite.client import credentials as creds_mod
from cognite.client.credentials import (
    CogniteAuthError,
    CogniteOAuthError,
    OAuthClientCertificate,
    OAuthDeviceCode,
    OAuthInteractive,
)

TENANT = "my-tenant"
TENANT_ID = "72f988bf-0000-4000-8000-2d7cd011db47"
AUTHORITY = f"https://login.microsoftonline.com/{TENANT}"
CUSTOM_HOST = "login.fake-idp.test"
CLIENT_ID = "11111111-2222-3333-4444-555555555555"
SCOPES = ["https://westeurope-1.cognitedata.com/.default"]
INSTANCE_DISCOVERY = "https://login.microsoftonline.com/common/discovery/instance"


# ---------------------------------------------------------------------------------------------------------------
# Clock, network guard
# ---------------------------------------------------------------------------------------------------------------


class Clock:
    """One clock for msal (``time.time``) and the providers (``credentials._now``)."""

    def __init__(self, t: float) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock(float(int(time.time())))
    monkeypatch.setattr(time, "time", c)
    monkeypatch.setattr(creds_mod, "_now", c)
    return c


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse connections other than to loopback: msal must only talk to the fake identity provider."""
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"unexpected network connection to {address!r}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture(autouse=True)
def no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a browser is a test failure unless a test installs its fake browser."""

    def refuse(*args: Any, **kwargs: Any) -> bool:
        raise AssertionError("a browser was opened")

    monkeypatch.setattr(webbrowser, "open", refuse)
    monkeypatch.setattr(webbrowser, "get", refuse)


# ---------------------------------------------------------------------------------------------------------------
# A throwaway certificate
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cert:
    key_pem: str
    cert: x509.Certificate
    thumbprint: str  # SHA-1, hex, as shown in the Entra ID portal

    @property
    def key_body(self) -> str:
        """A line from the middle of the private key's PEM: must never leak."""
        return self.key_pem.splitlines()[5]


def make_cert() -> Cert:
    """A fresh RSA key and a self-signed certificate for it."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "cognite-sdk-unit-test")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return Cert(pem, certificate, certificate.fingerprint(hashes.SHA1()).hex().upper())


@pytest.fixture(scope="module")
def cert() -> Cert:
    return make_cert()


# ---------------------------------------------------------------------------------------------------------------
# The fake identity provider, given to msal as its http_client
# ---------------------------------------------------------------------------------------------------------------


class Response:
    """What msal expects of its http_client's responses."""

    def __init__(self, status_code: int, body: Any, headers: dict[str, str] | None = None) -> None:
        self.status_code = status_code
        self.text = body if isinstance(body, str) else json.dumps(body)
        self.headers = headers or {"Content-Type": "application/json"}

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise RuntimeError(f"HTTP {self.status_code}")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _b64url_json(obj: Any) -> str:
    return _b64url(json.dumps(obj).encode())


@dataclass
class Request:
    method: str
    url: str
    data: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class User:
    oid: str
    username: str


class FakeIdP:
    """An Entra ID look-alike; msal's http_client (``post``/``get``)."""

    def __init__(self, clock: Clock, host: str = "login.microsoftonline.com", tenant: str = TENANT) -> None:
        self.clock = clock
        self.base = f"https://{host}/{tenant}"
        self.issuer = f"https://{host}/{TENANT_ID}/v2.0"
        self.token_endpoint = f"{self.base}/oauth2/v2.0/token"
        self.device_endpoint = f"{self.base}/oauth2/v2.0/devicecode"
        self.requests: list[Request] = []
        self.lock = threading.Lock()
        self.lifetime = 3600
        self.issued = 0
        self.cert: Cert | None = None  # the certificate registered for the client
        self.refresh_tokens: dict[str, User] = {}
        self.auth_codes: dict[str, tuple[User, dict[str, str]]] = {}  # code -> user, authorization request
        self.device_codes: dict[str, tuple[User, str]] = {}  # device code -> user, scope requested
        self.device_pending = 1  # polls answered "authorization_pending" before the user has signed in
        self.device_error: str | None = None  # poll answer instead of a token, e.g. "expired_token"
        self.device_message = True
        self.token_error: tuple[int, dict[str, Any]] | None = None  # next token answer, instead of a token
        self.discovery_status = 200
        self.verified_assertions: list[dict[str, Any]] = []

    # -- http_client interface ---------------------------------------------------------------------------------

    def get(self, url: str, headers: Any = None, params: Any = None, **kwargs: Any) -> Response:
        with self.lock:
            self.requests.append(Request("GET", url, params=dict(params or {})))
        if url == f"{self.base}/v2.0/.well-known/openid-configuration":
            if self.discovery_status != 200:
                return Response(self.discovery_status, {"error": "invalid_tenant", "error_description": "no tenant"})
            return Response(
                200,
                {
                    "issuer": self.issuer,
                    "authorization_endpoint": f"{self.base}/oauth2/v2.0/authorize",
                    "token_endpoint": self.token_endpoint,
                    "device_authorization_endpoint": self.device_endpoint,
                },
            )
        if url == INSTANCE_DISCOVERY:
            aliases = ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"]
            return Response(
                200,
                {
                    "tenant_discovery_endpoint": f"{self.base}/v2.0/.well-known/openid-configuration",
                    "metadata": [
                        {
                            "preferred_network": "login.microsoftonline.com",
                            "preferred_cache": "login.windows.net",
                            "aliases": aliases,
                        }
                    ],
                },
            )
        return Response(404, {"error": "not_found"})

    def post(self, url: str, headers: Any = None, data: Any = None, **kwargs: Any) -> Response:
        form = {k: v.decode() if isinstance(v, bytes) else v for k, v in dict(data or {}).items()}
        with self.lock:
            self.requests.append(Request("POST", url, data=form))
        if url == self.device_endpoint:
            return self._device_authorization(form)
        if url != self.token_endpoint:
            return Response(404, {"error": "not_found"})
        if self.token_error is not None:
            status, body = self.token_error
            self.token_error = None
            return Response(status, body)
        grant = form.get("grant_type")
        if grant == "client_credentials":
            return self._client_credentials(form)
        if grant == "authorization_code":
            return self._authorization_code(form)
        if grant == "refresh_token":
            user = self.refresh_tokens.pop(form.get("refresh_token", ""), None)
            if user is None:
                return self._error("invalid_grant", "AADSTS70000: The refresh token is invalid or expired.")
            return self._user_token(user, form)
        if grant == "urn:ietf:params:oauth:grant-type:device_code":
            return self._device_poll(form)
        return self._error("unsupported_grant_type", f"grant_type {grant!r}")

    # -- endpoints ---------------------------------------------------------------------------------------------

    def _error(self, error: str, description: str, status: int = 400) -> Response:
        return Response(status, {"error": error, "error_description": description, "error_codes": [50000]})

    def _access_token(self) -> dict[str, Any]:
        self.issued += 1
        return {"access_token": f"at-{self.issued}", "token_type": "Bearer", "expires_in": self.lifetime}

    def _client_credentials(self, form: dict[str, Any]) -> Response:
        assert self.cert is not None
        if form.get("client_assertion_type") != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer":
            return self._error("invalid_client", "AADSTS7000216: client_assertion is required.", 401)
        assertion = form["client_assertion"]
        header = jwt.get_unverified_header(assertion)
        expected_x5t = _b64url(binascii.a2b_hex(self.cert.thumbprint))
        if header.get("x5t", "").rstrip("=") != expected_x5t:
            return self._error("invalid_client", "AADSTS700027: The certificate is not registered.", 401)
        try:
            claims = jwt.decode(
                assertion,
                self.cert.cert.public_key(),  # type: ignore[arg-type]
                algorithms=[header["alg"]],
                audience=self.token_endpoint,
                options={"verify_exp": False, "verify_iat": False, "verify_nbf": False},
            )
        except jwt.InvalidTokenError as exc:
            return self._error("invalid_client", f"AADSTS700027: Client assertion is invalid: {exc}", 401)
        assert claims["iss"] == claims["sub"] == form["client_id"]
        assert claims["exp"] > self.clock()
        self.verified_assertions.append({"header": header, "claims": claims})
        return Response(200, self._access_token())

    def _user_token(self, user: User, form: dict[str, Any], nonce: str | None = None) -> Response:
        body = self._access_token()
        refresh_token = f"rt-{self.issued}"
        self.refresh_tokens[refresh_token] = user
        now = int(self.clock())
        id_claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": form.get("client_id", CLIENT_ID),
            "iat": now,
            "nbf": now,
            "exp": now + self.lifetime,
            "sub": f"sub-{user.oid}",
            "oid": user.oid,
            "tid": TENANT_ID,
            "preferred_username": user.username,
            "name": user.username,
        }
        if nonce is not None:
            id_claims["nonce"] = nonce
        body.update(
            refresh_token=refresh_token,
            scope=" ".join(s for s in str(form.get("scope", "")).split() if s not in ("openid", "profile")),
            id_token=f"{_b64url_json({'alg': 'none', 'typ': 'JWT'})}.{_b64url_json(id_claims)}.sig",
            client_info=_b64url_json({"uid": user.oid, "utid": TENANT_ID}),
        )
        return Response(200, body)

    def _authorization_code(self, form: dict[str, Any]) -> Response:
        issued = self.auth_codes.pop(form.get("code", ""), None)
        if issued is None:
            return self._error("invalid_grant", "AADSTS70008: The authorization code is invalid.")
        user, auth_request = issued
        if form.get("redirect_uri") != auth_request.get("redirect_uri"):
            return self._error("invalid_grant", "AADSTS50148: redirect_uri mismatch.")
        if "code_challenge" in auth_request:  # PKCE, S256
            challenge = _b64url(hashlib.sha256(str(form.get("code_verifier", "")).encode()).digest())
            if challenge != auth_request["code_challenge"]:
                return self._error("invalid_grant", "AADSTS501481: The Code_Verifier does not match.")
        return self._user_token(user, form, nonce=auth_request.get("nonce"))

    def issue_code(self, user: User, auth_request: dict[str, str]) -> str:
        code = f"code-{len(self.auth_codes) + 1}-{user.oid}"
        self.auth_codes[code] = (user, auth_request)
        return code

    def _device_authorization(self, form: dict[str, Any]) -> Response:
        if form.get("client_id") != CLIENT_ID:
            return self._error("unauthorized_client", "AADSTS700016: Application not found.")
        device_code = f"device-code-{len(self.device_codes) + 1}-s3cr3t"
        self.device_codes[device_code] = (User("oid-device", "device.user@example.com"), form.get("scope", ""))
        body: dict[str, Any] = {
            "device_code": device_code,
            "user_code": "FAKE-1234",
            "verification_uri": "https://microsoft.com/devicelogin",
            "expires_in": 900,
            "interval": 0,  # msal's poll loop sleeps `interval` seconds between polls
        }
        if self.device_message:
            body["message"] = "To sign in, use a web browser to open https://microsoft.com/devicelogin, code FAKE-1234"
        return Response(200, body)

    def _device_poll(self, form: dict[str, Any]) -> Response:
        issued = self.device_codes.get(form.get("device_code", ""))
        if issued is None:
            return self._error("invalid_grant", "AADSTS70000: unknown device code")
        if self.device_pending > 0:
            self.device_pending -= 1
            return self._error("authorization_pending", "AADSTS70016: OAuth 2.0 device flow error.")
        if self.device_error is not None:
            return self._error(self.device_error, f"AADSTS70020: {self.device_error}")
        del self.device_codes[form["device_code"]]
        user, scope = issued
        return self._user_token(user, {**form, "scope": scope})

    # -- inspection --------------------------------------------------------------------------------------------

    def token_posts(self, grant_type: str | None = None) -> list[Request]:
        return [
            r
            for r in self.requests
            if r.method == "POST"
            and r.url == self.token_endpoint
            and (grant_type is None or r.data.get("grant_type") == grant_type)
        ]


@pytest.fixture
def idp(clock: Clock) -> FakeIdP:
    return FakeIdP(clock)


_P = TypeVar("_P", OAuthClientCertificate, OAuthDeviceCode, OAuthInteractive)


def with_idp(provider: _P, idp: Any, **options: Any) -> _P:
    """Put the fake identity provider behind the provider's msal application (the private hook)."""
    provider._msal_app_options = {"http_client": idp, **options}
    return provider


def make_cert_provider(idp: FakeIdP, cert: Cert, **kwargs: Any) -> OAuthClientCertificate:
    idp.cert = cert
    args: dict[str, Any] = dict(
        authority_url=AUTHORITY, client_id=CLIENT_ID, cert_thumbprint=cert.thumbprint, certificate=cert.key_pem
    )
    args.update(kwargs)
    args.setdefault("scopes", SCOPES)
    return with_idp(OAuthClientCertificate(**args), idp)


def assert_private_file(path: Path) -> None:
    assert path.is_file()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


# ---------------------------------------------------------------------------------------------------------------
# OAuthClientCertificate
# ---------------------------------------------------------------------------------------------------------------


class TestClientCertificate:
    async def test_signed_assertion_accepted(self, idp: FakeIdP, cert: Cert) -> None:
        provider = make_cert_provider(idp, cert)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")

        # msal discovered the tenant's endpoints, then posted a client assertion signed with the certificate's key
        assert [(r.method, r.url) for r in idp.requests] == [
            ("GET", f"{AUTHORITY}/v2.0/.well-known/openid-configuration"),
            ("POST", idp.token_endpoint),
        ]
        (post,) = idp.token_posts("client_credentials")
        assert post.data["client_id"] == CLIENT_ID
        assert post.data["scope"] == SCOPES[0]
        assert "client_secret" not in post.data
        (verified,) = idp.verified_assertions
        assert verified["header"]["alg"] == "RS256"
        assert verified["claims"]["aud"] == idp.token_endpoint

    async def test_default_for_entra_id(self, idp: FakeIdP, cert: Cert) -> None:
        idp.cert = cert
        provider = OAuthClientCertificate.default_for_entra_id(
            TENANT, CLIENT_ID, cert.thumbprint, cert.key_pem, "westeurope-1"
        )
        with_idp(provider, idp)
        assert provider.authorization_header() == ("Authorization", "Bearer at-1")
        assert idp.token_posts()[0].data["scope"] == SCOPES[0]

    async def test_custom_authority_without_instance_discovery(self, clock: Clock, cert: Cert) -> None:
        idp = FakeIdP(clock, host=CUSTOM_HOST)
        idp.cert = cert
        provider = OAuthClientCertificate(
            f"https://{CUSTOM_HOST}/{TENANT}", CLIENT_ID, cert.thumbprint, cert.key_pem, SCOPES
        )
        with_idp(provider, idp, instance_discovery=False, validate_authority=False)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")
        provider._invalidate_token()
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-2")
        assert all(urlparse(r.url).hostname == CUSTOM_HOST for r in idp.requests)
        assert not any(r.url == INSTANCE_DISCOVERY for r in idp.requests)

    async def test_cached_and_refreshed_ahead_of_expiry(self, idp: FakeIdP, cert: Cert, clock: Clock) -> None:
        provider = make_cert_provider(idp, cert, token_expiry_leeway_seconds=30)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")
        clock.advance(3569)  # 31 s left: still cached, msal is not even asked
        n_requests = len(idp.requests)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")
        assert len(idp.requests) == n_requests
        clock.advance(2)  # 29 s left: inside the leeway, a new token is fetched from the identity provider
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-2")
        assert len(idp.token_posts()) == 2
        clock.advance(3569)  # the new token's expiry is counted from when it was requested
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-2")
        clock.advance(2)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-3")

    async def test_leeway_longer_than_msal_cache_window(self, idp: FakeIdP, cert: Cert, clock: Clock) -> None:
        # msal hands out a cached token until 5 minutes before expiry. With a 10 minute leeway, its cached token
        # would be stale to the provider on arrival, so each request would go back to msal for the same token.
        provider = make_cert_provider(idp, cert, token_expiry_leeway_seconds=600)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")
        clock.advance(3001)  # 599 s left
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-2")
        for _ in range(3):
            assert await provider.auth_header_async() == ("Authorization", "Bearer at-2")
        assert len(idp.token_posts()) == 2

    async def test_invalidated_token_is_not_served_from_msal_cache(self, idp: FakeIdP, cert: Cert) -> None:
        provider = make_cert_provider(idp, cert)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")
        provider._invalidate_token()  # e.g. CDF answered 401
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-2")

    async def test_concurrent_requests_fetch_one_token(self, idp: FakeIdP, cert: Cert) -> None:
        provider = make_cert_provider(idp, cert)
        headers = await asyncio.gather(*(provider.auth_header_async() for _ in range(20)))
        assert set(headers) == {("Authorization", "Bearer at-1")}
        assert len(idp.token_posts()) == 1

    async def test_idp_error_becomes_oauth_error(self, idp: FakeIdP, cert: Cert) -> None:
        provider = make_cert_provider(idp, cert)
        idp.token_error = (
            401,
            {
                "error": "invalid_client",
                "error_description": "AADSTS700027: Client assertion contains an invalid signature.",
            },
        )
        with pytest.raises(CogniteOAuthError) as ei:
            await provider.auth_header_async()
        assert ei.value.error == "invalid_client"
        assert "AADSTS700027" in str(ei.value)
        assert cert.key_body not in str(ei.value)
        # the next request tries again and succeeds
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")

    async def test_unregistered_certificate_rejected(self, idp: FakeIdP, cert: Cert) -> None:
        provider = make_cert_provider(idp, cert, cert_thumbprint="AB" * 20)  # not the certificate's thumbprint
        with pytest.raises(CogniteOAuthError, match="AADSTS700027") as ei:
            await provider.auth_header_async()
        assert ei.value.error == "invalid_client"

    async def test_unknown_tenant_becomes_auth_error(self, idp: FakeIdP, cert: Cert) -> None:
        idp.discovery_status = 400
        provider = make_cert_provider(idp, cert)
        with pytest.raises(CogniteAuthError, match="Unable to get authority configuration") as ei:
            await provider.auth_header_async()
        assert type(ei.value) is CogniteAuthError
        idp.discovery_status = 200  # the msal application is built again on the next request
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")

    async def test_transport_error_becomes_auth_error(self, idp: FakeIdP, cert: Cert) -> None:
        provider = make_cert_provider(idp, cert)

        class Unreachable:
            def get(self, url: str, **kwargs: Any) -> Any:
                raise ConnectionError(f"cannot reach {url}")

            post = get

        with_idp(provider, Unreachable())
        with pytest.raises(CogniteAuthError, match="ConnectionError: cannot reach"):
            await provider.auth_header_async()

    async def test_malformed_private_key(self, idp: FakeIdP, cert: Cert) -> None:
        bad_pem = "-----BEGIN PRIVATE KEY-----\nTm90QUtleU5vdEFLZXlOb3RBS2V5Tm90QUtleQ==\n-----END PRIVATE KEY-----"
        provider = make_cert_provider(idp, cert, certificate=bad_pem)
        with pytest.raises(CogniteAuthError) as ei:
            await provider.auth_header_async()
        assert "Tm90QUtleU5vdEFLZXlOb3RBS2V5Tm90QUtleQ" not in str(ei.value)
        assert ei.value.__cause__ is None and ei.value.__suppress_context__

    async def test_secrets_never_in_repr_logs_or_errors(
        self, idp: FakeIdP, cert: Cert, caplog: pytest.LogCaptureFixture
    ) -> None:
        caplog.set_level(logging.DEBUG)
        provider = make_cert_provider(idp, cert)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")
        idp.token_error = (400, {"error": "invalid_request", "error_description": "AADSTS90014: missing field"})
        provider._invalidate_token()
        with pytest.raises(CogniteOAuthError) as ei:
            await provider.auth_header_async()
        assertion = idp.token_posts()[0].data["client_assertion"]
        for text in (repr(provider), str(provider), str(ei.value), caplog.text):
            assert cert.key_body not in text
            assert "PRIVATE KEY" not in text
            assert assertion not in text
        assert "at-1" not in caplog.text  # neither our logs nor msal's (which are on at DEBUG here)

    async def test_pickle_drops_msal_state(self, idp: FakeIdP, cert: Cert) -> None:
        provider = make_cert_provider(idp, cert)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")
        clone = pickle.loads(pickle.dumps(provider))
        assert "_msal_app_options" not in vars(clone) and clone._app is None
        assert clone.cert_thumbprint == cert.thumbprint
        with_idp(clone, idp)
        assert await clone.auth_header_async() == ("Authorization", "Bearer at-2")  # no token is pickled


# ---------------------------------------------------------------------------------------------------------------
# OAuthDeviceCode (Entra ID mode, through msal)
# ---------------------------------------------------------------------------------------------------------------


def make_device_provider(idp: FakeIdP, **kwargs: Any) -> OAuthDeviceCode:
    args: dict[str, Any] = dict(authority_url=AUTHORITY, client_id=CLIENT_ID, scopes=SCOPES)
    args.update(kwargs)
    return with_idp(OAuthDeviceCode(**args), idp)


class TestDeviceCode:
    async def test_device_flow(self, idp: FakeIdP, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        idp.device_pending = 2
        path = tmp_path / "cache.bin"
        provider = make_device_provider(idp, token_cache_path=path, audience="my-audience")
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")

        out = capsys.readouterr().out
        assert "https://microsoft.com/devicelogin" in out and "FAKE-1234" in out
        assert "device-code" not in out  # the device code itself is a secret
        (authorization,) = [r for r in idp.requests if r.url == idp.device_endpoint]
        assert authorization.data["client_id"] == CLIENT_ID
        assert SCOPES[0] in authorization.data["scope"].split()
        polls = idp.token_posts("urn:ietf:params:oauth:grant-type:device_code")
        assert len(polls) == 3  # pending, pending, token
        assert {p.data["device_code"] for p in polls} == {"device-code-1-s3cr3t"}
        assert all(p.data["audience"] == "my-audience" for p in polls)  # token_custom_args
        assert_private_file(path)
        assert "rt-1" in path.read_text()

    async def test_secrets_not_logged(
        self, idp: FakeIdP, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
    ) -> None:
        caplog.set_level(logging.DEBUG)
        provider = make_device_provider(idp, mem_cache_only=True)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")
        for secret in ("at-1", "rt-1"):
            assert secret not in caplog.text
            assert secret not in repr(provider)
        # msal itself logs the (short-lived, single-use) device code at DEBUG; our own records never hold it
        ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("cognite"))
        assert "device-code-1-s3cr3t" not in ours

    async def test_token_cache_reloaded_then_refreshed_silently(
        self, idp: FakeIdP, tmp_path: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "cache.bin"
        first = make_device_provider(idp, token_cache_path=path)
        assert await first.auth_header_async() == ("Authorization", "Bearer at-1")
        capsys.readouterr()

        # A new process: the cached account's token is used without any request to the identity provider ...
        n_posts = len(idp.token_posts())
        second = make_device_provider(idp, token_cache_path=path)
        assert await second.auth_header_async() == ("Authorization", "Bearer at-1")
        assert len(idp.token_posts()) == n_posts
        # ... and once it nears expiry, the refresh token renews it without a new sign-in
        clock.advance(3600 - 29)
        assert await second.auth_header_async() == ("Authorization", "Bearer at-2")
        (refresh,) = idp.token_posts("refresh_token")
        assert refresh.data["refresh_token"] == "rt-1"
        assert capsys.readouterr().out == ""  # no device code prompt
        assert len([r for r in idp.requests if r.url == idp.device_endpoint]) == 1
        assert_private_file(path)
        assert "rt-2" in path.read_text()

    async def test_mem_cache_only_writes_nothing(
        self, idp: FakeIdP, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
        provider = make_device_provider(idp, mem_cache_only=True)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")
        assert provider.token_cache_path is None
        assert list(tmp_path.iterdir()) == []

    async def test_message_missing_from_idp(self, idp: FakeIdP, capsys: pytest.CaptureFixture[str]) -> None:
        idp.device_message = False
        provider = make_device_provider(idp, mem_cache_only=True)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")
        assert "open https://microsoft.com/devicelogin and enter the code FAKE-1234" in capsys.readouterr().out

    @pytest.mark.parametrize("error", ["expired_token", "authorization_declined", "bad_verification_code"])
    async def test_poll_error_becomes_oauth_error(
        self, idp: FakeIdP, error: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        idp.device_error = error
        provider = make_device_provider(idp, mem_cache_only=True)
        with pytest.raises(CogniteOAuthError) as ei:
            await provider.auth_header_async()
        assert ei.value.error == error
        assert "device-code" not in str(ei.value)

    async def test_device_authorization_error(self, idp: FakeIdP, capsys: pytest.CaptureFixture[str]) -> None:
        provider = with_idp(
            OAuthDeviceCode(authority_url=AUTHORITY, client_id="unknown-client", scopes=SCOPES, mem_cache_only=True),
            idp,
        )
        with pytest.raises(CogniteOAuthError, match="AADSTS700016") as ei:
            await provider.auth_header_async()
        assert ei.value.error == "unauthorized_client"
        assert capsys.readouterr().out == ""

    async def test_reserved_scope_is_an_auth_error(self, idp: FakeIdP) -> None:
        provider = make_device_provider(idp, scopes=[*SCOPES, "offline_access"], mem_cache_only=True)
        with pytest.raises(CogniteAuthError, match="reserved"):
            await provider.auth_header_async()

    async def test_corrupt_cache_file_is_ignored(
        self, idp: FakeIdP, tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "cache.bin"
        path.write_text("{not json")
        provider = make_device_provider(idp, token_cache_path=path)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")
        assert "Ignoring the unreadable token cache" in caplog.text
        assert "FAKE-1234" in capsys.readouterr().out
        assert_private_file(path)
        json.loads(path.read_text())


# ---------------------------------------------------------------------------------------------------------------
# OAuthInteractive
# ---------------------------------------------------------------------------------------------------------------

REDIRECT_URI = "http://localhost:53000"


def seed_cache(idp: FakeIdP, path: Path, *users: User) -> None:
    """Sign users in with real msal's authorization code flow (what acquire_token_interactive runs around the
    browser: PKCE, state and nonce checked), and save msal's token cache where OAuthInteractive will look for it."""
    cache = msal.SerializableTokenCache()
    app = msal.PublicClientApplication(CLIENT_ID, authority=AUTHORITY, token_cache=cache, http_client=idp)
    for user in users:
        flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT_URI, response_mode="form_post")
        auth_request = {k: v[0] for k, v in parse_qs(urlparse(flow["auth_uri"]).query).items()}
        code = idp.issue_code(user, auth_request)  # the user signed in
        result = app.acquire_token_by_auth_code_flow(flow, {"code": code, "state": auth_request["state"]})
        assert "access_token" in result, result
    path.write_text(cache.serialize())


ALICE = User("oid-alice", "alice@example.com")
BOB = User("oid-bob", "bob@example.com")


class FakeBrowser:
    """Stands in for the user's browser: 'signs in' and posts the authorization code to msal's local server."""

    def __init__(self, idp: FakeIdP, user: User) -> None:
        self.idp = idp
        self.user = user
        self.opened: list[dict[str, str]] = []
        self.threads: list[threading.Thread] = []

    def open(self, url: str, *args: Any, **kwargs: Any) -> bool:
        query = {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}
        self.opened.append(query)
        code = self.idp.issue_code(self.user, query)
        form = urlencode({"code": code, "state": query["state"]}).encode()
        port = urlparse(query["redirect_uri"]).port

        def post() -> None:
            request = urllib.request.Request(f"http://127.0.0.1:{port}", data=form, method="POST")
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()

        thread = threading.Thread(target=post, daemon=True)
        thread.start()
        self.threads.append(thread)
        return True

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(webbrowser, "open", self.open)
        monkeypatch.setattr(webbrowser, "get", lambda *a, **k: self)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_interactive(idp: FakeIdP, path: Path, **kwargs: Any) -> OAuthInteractive:
    return with_idp(OAuthInteractive(AUTHORITY, CLIENT_ID, SCOPES, token_cache_path=path, **kwargs), idp)


class TestInteractive:
    async def test_cached_account_used_silently(self, idp: FakeIdP, tmp_path: Path, clock: Clock) -> None:
        path = tmp_path / "cache.bin"
        seed_cache(idp, path, ALICE)
        n_posts = len(idp.token_posts())
        provider = make_interactive(idp, path)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")  # from the cache file
        assert len(idp.token_posts()) == n_posts

        clock.advance(3600 - 29)  # near expiry: renewed with the refresh token, no browser
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-2")
        (refresh,) = idp.token_posts("refresh_token")
        assert refresh.data["refresh_token"] == "rt-1" and refresh.data["client_id"] == CLIENT_ID
        assert_private_file(path)

        # The rewritten cache file is what the next process starts from.
        n_posts = len(idp.token_posts())
        reloaded = make_interactive(idp, path)
        assert await reloaded.auth_header_async() == ("Authorization", "Bearer at-2")
        assert len(idp.token_posts()) == n_posts

    async def test_login_hint_selects_the_cached_account(self, idp: FakeIdP, tmp_path: Path) -> None:
        path = tmp_path / "cache.bin"
        seed_cache(idp, path, ALICE, BOB)  # at-1 for alice, at-2 for bob
        assert await make_interactive(idp, path, login_hint="bob@example.com").auth_header_async() == (
            "Authorization",
            "Bearer at-2",
        )
        assert await make_interactive(idp, path, login_hint="alice@example.com").auth_header_async() == (
            "Authorization",
            "Bearer at-1",
        )

    async def test_invalidated_token_is_refreshed(self, idp: FakeIdP, tmp_path: Path) -> None:
        path = tmp_path / "cache.bin"
        seed_cache(idp, path, ALICE)
        provider = make_interactive(idp, path)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")
        provider._invalidate_token()
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-2")
        assert len(idp.token_posts("refresh_token")) == 1

    async def test_browser_flow(self, idp: FakeIdP, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        browser = FakeBrowser(idp, ALICE)
        browser.install(monkeypatch)
        path = tmp_path / "sub" / "cache.bin"
        port = free_port()
        provider = make_interactive(idp, path, redirect_port=port, prompt="select_account", login_hint="alice@x")
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")
        for thread in browser.threads:
            thread.join(5)

        (query,) = browser.opened
        assert query["client_id"] == CLIENT_ID
        assert query["redirect_uri"] == f"http://localhost:{port}"
        assert query["prompt"] == "select_account" and query["login_hint"] == "alice@x"
        assert query["code_challenge_method"] == "S256"
        assert SCOPES[0] in query["scope"].split()
        (redeemed,) = idp.token_posts("authorization_code")
        assert redeemed.data["code_verifier"]  # PKCE verified by the fake identity provider
        assert_private_file(path)

        # A new process finds the account in the cache file: no browser this time.
        browser.opened.clear()
        reloaded = make_interactive(idp, path, redirect_port=port)
        assert await reloaded.auth_header_async() == ("Authorization", "Bearer at-1")
        assert browser.opened == []

    async def test_error_from_idp_after_sign_in(
        self, idp: FakeIdP, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        FakeBrowser(idp, ALICE).install(monkeypatch)
        idp.token_error = (400, {"error": "invalid_grant", "error_description": "AADSTS65001: consent required"})
        provider = make_interactive(idp, tmp_path / "cache.bin", redirect_port=free_port())
        with pytest.raises(CogniteOAuthError, match="AADSTS65001") as ei:
            await provider.auth_header_async()
        assert ei.value.error == "invalid_grant"

    async def test_cache_write_failure_only_warns(
        self, idp: FakeIdP, tmp_path: Path, caplog: pytest.LogCaptureFixture
    ) -> None:
        path = tmp_path / "cache.bin"
        seed_cache(idp, path, ALICE)
        provider = make_interactive(idp, path)
        assert await provider.auth_header_async() == ("Authorization", "Bearer at-1")

        def fail(*args: Any, **kwargs: Any) -> None:
            raise PermissionError("read-only file system")

        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(creds_mod, "_write_private_file", fail)
            provider._invalidate_token()
            assert await provider.auth_header_async() == ("Authorization", "Bearer at-2")
        assert "Could not write the token cache" in caplog.text
        assert "rt-" not in caplog.text

    async def test_repr_has_no_tokens(self, idp: FakeIdP, tmp_path: Path) -> None:
        path = tmp_path / "cache.bin"
        seed_cache(idp, path, ALICE)
        provider = make_interactive(idp, path)
        await provider.auth_header_async()
        assert "at-1" not in repr(provider) and "rt-1" not in repr(provider)


# ---------------------------------------------------------------------------------------------------------------
# The token cache file
# ---------------------------------------------------------------------------------------------------------------


class TestPrivateFile:
    @pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
    def test_replaces_looser_file_and_ignores_planted_temp_symlink(self, tmp_path: Path) -> None:
        target = tmp_path / "cache.bin"
        target.write_text("old")
        target.chmod(0o644)
        victim = tmp_path / "victim.txt"
        victim.write_text("untouched")
        # A temp name predictable from the pid must not be followed
        (tmp_path / f".cache.bin.{os.getpid()}.tmp").symlink_to(victim)
        creds_mod._write_private_file(target, "new")
        assert target.read_text() == "new"
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert victim.read_text() == "untouched"
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            ["cache.bin", "victim.txt", f".cache.bin.{os.getpid()}.tmp"]
        )
