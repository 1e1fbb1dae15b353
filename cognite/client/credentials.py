"""Credential providers: where the ``Authorization`` header of every request comes from.

The SDK calls ``await provider.auth_header_async(http_client)`` once per request and sends the
``(name, value)`` pair it returns. ``http_client`` is the SDK's own ``httpx.AsyncClient``, so token requests use
the same transport (proxies, TLS settings, test transports). ``provider.authorization_header()`` is the
synchronous form, kept for code written against earlier SDK versions; it runs the same async code.

Token-fetching providers cache the token and fetch a new one ``token_expiry_leeway_seconds`` before it expires.
Fetching is single-flight: however many requests need a new token at once, from however many event loops or
threads, one token request is made and all of them get its result (or its error).

Secrets (client secrets, tokens, certificates) never appear in ``repr``, ``str``, log records or error messages.
"""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import contextlib
import inspect
import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from cognite.client._sync import run_sync
from cognite.client.exceptions import CogniteAuthError, CogniteImportError, CogniteOAuthError
from cognite.client.utils._text import to_snake_case

if TYPE_CHECKING:
    import httpx

__all__ = [
    "CogniteAuthError",
    "CogniteOAuthError",
    "CredentialProvider",
    "OAuthClientCertificate",
    "OAuthClientCredentials",
    "OAuthDeviceCode",
    "OAuthInteractive",
    "Token",
]

_logger = logging.getLogger(__name__)

_DEFAULT_LEEWAY_SECONDS = 30
# Lifetime assumed for a token whose response says nothing about expiry and that is not a JWT with "exp".
_FALLBACK_TOKEN_LIFETIME_SECONDS = 300.0
_REDACTED = "<redacted>"
_ENTRA_AUTHORITY = "https://login.microsoftonline.com/{tenant_id}"
_CDF_SCOPE = "https://{cdf_cluster}.cognitedata.com/.default"
_DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"

_P = TypeVar("_P", bound="CredentialProvider")


def _entra_defaults(tenant_id: str, cdf_cluster: str) -> tuple[str, list[str]]:
    """The Entra ID authority URL of a tenant and the default CDF scope of a cluster (arguments checked)."""
    _check_str("tenant_id", tenant_id)
    _check_str("cdf_cluster", cdf_cluster)
    return _ENTRA_AUTHORITY.format(tenant_id=tenant_id), [_CDF_SCOPE.format(cdf_cluster=cdf_cluster)]


def _now() -> float:
    """Wall-clock seconds since the epoch (module-level so that tests can replace the clock)."""
    return time.time()


def _default_http_client() -> httpx.AsyncClient:
    """The short-lived client used for token requests when the caller passes none."""
    import httpx

    return httpx.AsyncClient(timeout=30.0)


# ---------------------------------------------------------------------------------------------------------------
# Argument validation
# ---------------------------------------------------------------------------------------------------------------


def _check_str(name: str, value: Any, *, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must be a non-empty string")
    return value


def _check_url(name: str, value: Any, *, optional: bool = False) -> Any:
    if _check_str(name, value, optional=optional) is None:
        return None
    if not value.startswith(("https://", "http://")):
        raise ValueError(f"{name} must be an http(s) URL, got {value!r}")
    return value


def _check_scopes(value: Any, *, optional: bool = True) -> list[str]:
    if value is None:
        if optional:
            return []
        raise TypeError("scopes must be a list of strings, got None")
    if isinstance(value, str):
        value = value.split()
    if not isinstance(value, Sequence) or not all(isinstance(s, str) and s.strip() for s in value):
        raise TypeError(f"scopes must be a list of non-empty strings, got {value!r}")
    return list(value)


def _check_leeway(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"token_expiry_leeway_seconds must be a number, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"token_expiry_leeway_seconds must be >= 0, got {value}")
    return value


def _check_bool(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, got {type(value).__name__}")
    return value


def _redact(text: str, secrets: Sequence[str | None]) -> str:
    for secret in secrets:
        if secret and len(secret) >= 8:  # shorter values would mangle ordinary words
            text = text.replace(secret, _REDACTED)
    return text


# ---------------------------------------------------------------------------------------------------------------
# Loading from dict / JSON / YAML
# ---------------------------------------------------------------------------------------------------------------


def _config_to_dict(config: Any) -> dict[str, Any]:
    if isinstance(config, Mapping):
        return dict(config)
    if not isinstance(config, str):
        raise TypeError(f"config must be a dict or a JSON/YAML string, got {type(config).__name__}")
    try:
        loaded = json.loads(config)
    except ValueError:
        try:
            import yaml  # type: ignore[import-untyped]
        except ImportError:
            raise ValueError("config is not valid JSON (install PyYAML to load YAML strings)") from None
        try:
            loaded = yaml.safe_load(config)
        except Exception:
            # Never quote the text: it may hold a secret.
            raise ValueError("config is neither valid JSON nor valid YAML") from None
    if not isinstance(loaded, dict):
        raise ValueError(f"config must describe a mapping, got {type(loaded).__name__}")
    return loaded


def _snake_keys(config: Mapping[str, Any]) -> dict[str, Any]:
    return {to_snake_case(k) if isinstance(k, str) else k: v for k, v in config.items()}


# ---------------------------------------------------------------------------------------------------------------
# Base classes
# ---------------------------------------------------------------------------------------------------------------


def _bearer(token: str) -> tuple[str, str]:
    return "Authorization", f"Bearer {token}"


class CredentialProvider:
    """Base class of credential providers: produces the ``Authorization`` header of each request.

    Subclasses implement ``auth_header_async`` (preferred) or, as in earlier SDK versions, the synchronous
    ``authorization_header``; each form is derived from the other.

    Example:
        >>> from cognite.client.credentials import CredentialProvider
        >>> class StaticToken(CredentialProvider):
        ...     async def auth_header_async(self, http_client=None):
        ...         return "Authorization", "Bearer my-token"
    """

    _load_key: ClassVar[str | None] = None

    def __new__(cls, *args: Any, **kwargs: Any) -> CredentialProvider:
        if cls is CredentialProvider:
            raise TypeError(
                "CredentialProvider is abstract: use Token, OAuthClientCredentials, OAuthClientCertificate, "
                "OAuthDeviceCode or OAuthInteractive, or CredentialProvider.load(config)"
            )
        return super().__new__(cls)

    async def auth_header_async(self, http_client: httpx.AsyncClient | None = None) -> tuple[str, str]:
        """Return the authorization header to send, fetching or refreshing a token if needed.

        Args:
            http_client: The SDK's HTTP client, used for token requests. Without one, a short-lived client is used.

        Returns:
            The header as ``(name, value)``, e.g. ``("Authorization", "Bearer eyJ...")``.

        Example:
            >>> name, value = await Token("abc").auth_header_async()  # doctest: +SKIP
        """
        if type(self).authorization_header is CredentialProvider.authorization_header:
            raise NotImplementedError(f"{type(self).__name__} must implement auth_header_async or authorization_header")
        # A provider written for the synchronous API: run it off the event loop, it may do I/O.
        return await asyncio.to_thread(self.authorization_header)

    def authorization_header(self) -> tuple[str, str]:
        """Return the authorization header synchronously (same logic as :meth:`auth_header_async`).

        Returns:
            The header as ``(name, value)``.

        Example:
            >>> Token("abc").authorization_header()
            ('Authorization', 'Bearer abc')
        """
        if type(self).auth_header_async is CredentialProvider.auth_header_async:
            raise NotImplementedError(f"{type(self).__name__} must implement auth_header_async or authorization_header")
        return run_sync(self.auth_header_async(None))

    def _invalidate_token(self) -> None:
        """Forget any cached token, so that the next header is built from a fresh one (e.g. after a 401)."""

    @classmethod
    def load(cls: type[_P], config: dict[str, Any] | str) -> _P:
        """Build a credential provider from a dict or a JSON/YAML string.

        On ``CredentialProvider`` the config has exactly one top-level key naming the type: ``"token"``,
        ``"client_credentials"``, ``"client_certificate"``, ``"device_code"`` or ``"interactive"`` (camelCase
        accepted), whose value holds that provider's arguments. On a subclass the config holds its arguments.

        Args:
            config: The configuration.

        Returns:
            The credential provider.

        Example:
            >>> from cognite.client.credentials import CredentialProvider
            >>> CredentialProvider.load({"token": "abc"})
            Token(token=<redacted>)
            >>> creds = CredentialProvider.load(
            ...     {"clientCredentials": {"clientId": "abcd", "clientSecret": "s3cr3t",
            ...      "tokenUrl": "https://login.example.com/token", "scopes": ["https://x.cognitedata.com/.default"]}}
            ... )
        """
        data = _config_to_dict(config)
        if cls is CredentialProvider:
            kinds = {sub._load_key: sub for sub in _PROVIDER_TYPES if sub._load_key is not None}
            if len(data) != 1:
                raise ValueError(
                    f"config must have exactly one top-level key, one of {sorted(kinds)}; got {sorted(map(str, data))}"
                )
            ((key, value),) = data.items()
            provider_cls = kinds.get(to_snake_case(str(key)))
            if provider_cls is None:
                raise ValueError(f"Unknown credential provider type {key!r}; expected one of {sorted(kinds)}")
            return provider_cls._from_config(value)  # type: ignore[return-value]
        if len(data) == 1 and cls._load_key is not None:
            ((key, value),) = data.items()
            if to_snake_case(str(key)) == cls._load_key and cls._load_key != "token":
                data = _config_to_dict(value)
        return cls._from_config(data)

    @classmethod
    def _from_config(cls: type[_P], value: Any) -> _P:
        return cls(**_snake_keys(_config_to_dict(value)))

    def __str__(self) -> str:
        return repr(self)


class _RefreshAbandoned(Exception):
    """The task fetching a token was cancelled; a waiting caller should try to fetch it itself."""


async def _wait_for(fut: concurrent.futures.Future[str]) -> str:
    """Await a concurrent future from any event loop; cancelling the waiter leaves the future alone."""
    loop = asyncio.get_running_loop()
    waiter: asyncio.Future[None] = loop.create_future()

    def wake(_: concurrent.futures.Future[str]) -> None:
        def set_done() -> None:
            if not waiter.done():
                waiter.set_result(None)

        with contextlib.suppress(RuntimeError):  # a closed loop has nobody waiting any more
            loop.call_soon_threadsafe(set_done)

    fut.add_done_callback(wake)
    await waiter
    return fut.result()


class _CachingTokenProvider(CredentialProvider):
    """A provider that fetches tokens, caches them and refreshes them ahead of expiry, single-flight.

    Every subclass is an OAuth client: it sets ``_client_id`` and ``_scopes``.
    """

    _client_id: str
    _scopes: list[str]

    @property
    def client_id(self) -> str:
        """The client id."""
        return self._client_id

    @property
    def scopes(self) -> list[str]:
        """The scopes requested."""
        return list(self._scopes)

    def __init__(self, token_expiry_leeway_seconds: float) -> None:
        self._leeway = _check_leeway(token_expiry_leeway_seconds)
        self._token: str | None = None
        self._expires_at = 0.0
        self._state_lock = threading.Lock()
        self._inflight: concurrent.futures.Future[str] | None = None

    @property
    def token_expiry_leeway_seconds(self) -> float:
        """Seconds before expiry at which the token is refreshed."""
        return self._leeway

    async def _fetch_token(self, http_client: httpx.AsyncClient) -> tuple[str, float]:
        """Fetch a new token; return it with its expiry time (epoch seconds)."""
        raise NotImplementedError

    def _cached_token(self) -> str | None:
        token = self._token
        if token is not None and _now() < self._expires_at - self._leeway:
            return token
        return None

    def _invalidate_token(self) -> None:
        with self._state_lock:
            self._token = None
            self._expires_at = 0.0

    async def auth_header_async(self, http_client: httpx.AsyncClient | None = None) -> tuple[str, str]:
        """Return ``("Authorization", "Bearer <token>")``, fetching a new token when the cached one is about to expire.

        Args:
            http_client: The SDK's HTTP client, used for token requests. Without one, a short-lived client is used.

        Returns:
            The header as ``(name, value)``.

        Example:
            >>> name, value = await credentials.auth_header_async(http_client)  # doctest: +SKIP
        """
        if (token := self._cached_token()) is not None:
            return _bearer(token)
        return _bearer(await self._get_token(http_client))

    def authorization_header(self) -> tuple[str, str]:
        """Return ``("Authorization", "Bearer <token>")`` synchronously (a cached token needs no event loop).

        Returns:
            The header as ``(name, value)``.

        Example:
            >>> name, value = credentials.authorization_header()  # doctest: +SKIP
        """
        if (token := self._cached_token()) is not None:
            return _bearer(token)
        return run_sync(self.auth_header_async(None))

    async def _get_token(self, http_client: httpx.AsyncClient | None) -> str:
        while True:
            with self._state_lock:
                if (token := self._cached_token()) is not None:
                    return token
                fut = self._inflight
                owner = fut is None
                if fut is None:
                    fut = self._inflight = concurrent.futures.Future()
            if owner:
                return await self._refresh(fut, http_client)
            try:
                return await _wait_for(fut)
            except _RefreshAbandoned:
                continue  # the fetching task was cancelled: one of the waiters takes over

    async def _refresh(self, fut: concurrent.futures.Future[str], http_client: httpx.AsyncClient | None) -> str:
        try:
            if http_client is None:
                async with _default_http_client() as own_client:
                    token, expires_at = await self._fetch_token(own_client)
            else:
                token, expires_at = await self._fetch_token(http_client)
        except BaseException as exc:
            with self._state_lock:
                self._inflight = None
            fut.set_exception(exc if isinstance(exc, Exception) else _RefreshAbandoned())
            raise
        with self._state_lock:
            self._token, self._expires_at = token, expires_at
            self._inflight = None
        fut.set_result(token)
        return token

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        for transient in ("_state_lock", "_inflight", "_token", "_expires_at"):
            state.pop(transient, None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._state_lock = threading.Lock()
        self._inflight = None
        self._token = None
        self._expires_at = 0.0


def _jwt_expiry(token: str) -> float | None:
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
        exp = payload.get("exp")
    except (ValueError, AttributeError, TypeError):
        return None
    return float(exp) if isinstance(exp, (int, float)) and not isinstance(exp, bool) else None


def _token_from_payload(payload: Mapping[str, Any], requested_at: float, source: str) -> tuple[str, float]:
    token = payload.get("access_token")
    if not isinstance(token, str) or not token:
        raise CogniteAuthError(f"The token response from {source} holds no access_token")
    expires_at: float | None = None
    try:
        if payload.get("expires_in") is not None:
            expires_at = requested_at + float(payload["expires_in"])
        elif payload.get("expires_at") is not None:
            expires_at = float(payload["expires_at"])
    except (TypeError, ValueError):
        expires_at = None
    if expires_at is None:
        expires_at = _jwt_expiry(token) or requested_at + _FALLBACK_TOKEN_LIFETIME_SECONDS
    return token, expires_at


async def _post_token_endpoint(
    http_client: httpx.AsyncClient, url: str, data: Mapping[str, Any], secrets: Sequence[str | None]
) -> dict[str, Any]:
    """POST a form to an OAuth endpoint; return the JSON body or raise CogniteOAuthError/CogniteAuthError."""
    import httpx

    try:
        response = await http_client.post(url, data=dict(data), headers={"Accept": "application/json"})
    except httpx.TimeoutException as exc:
        raise CogniteAuthError(f"Timed out requesting a token from {url} ({type(exc).__name__})") from None
    except httpx.HTTPError as exc:
        raise CogniteAuthError(
            f"Could not connect to the token endpoint {url}: {type(exc).__name__}: {_redact(str(exc), secrets)}"
        ) from None
    try:
        payload = response.json()
    except ValueError:
        payload = None
    if isinstance(payload, dict) and payload.get("error"):
        description = payload.get("error_description")
        raise CogniteOAuthError(
            _redact(str(payload["error"]), secrets),
            _redact(str(description), secrets) if description is not None else None,
        )
    if response.status_code >= 400:
        raise CogniteAuthError(f"The token endpoint {url} answered HTTP {response.status_code}")
    if not isinstance(payload, dict):
        raise CogniteAuthError(f"The token endpoint {url} answered HTTP {response.status_code} without a JSON object")
    return payload


# ---------------------------------------------------------------------------------------------------------------
# Token
# ---------------------------------------------------------------------------------------------------------------


def _is_async_callable(obj: Any) -> bool:
    while hasattr(obj, "func"):  # functools.partial
        obj = obj.func
    return inspect.iscoroutinefunction(obj) or inspect.iscoroutinefunction(getattr(obj, "__call__", None))  # noqa: B004


def _check_token_value(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"The token callable must return a str, got {type(value).__name__}")
    if not value:
        raise CogniteAuthError("The token callable returned an empty token")
    return value


class Token(CredentialProvider):
    """A fixed token, or a function that returns the token to use for each request.

    A sync callable is called on the event loop thread while holding a thread lock, so keep it quick or pass an
    async callable (``async def``), which is awaited.

    Args:
        token: The token, or a callable (sync or async) returning it.

    Example:
        >>> from cognite.client.credentials import Token
        >>> token_provider = Token("my secret token")
        >>> token_factory_provider = Token(lambda: "my secret token")
    """

    _load_key = "token"

    def __init__(self, token: str | Callable[[], str] | Callable[[], Awaitable[str]]) -> None:
        if isinstance(token, str):
            if not token.strip():
                raise ValueError("token must be a non-empty string")
        elif not callable(token):
            raise TypeError(f"token must be a str or a callable returning a str, got {type(token).__name__}")
        self.__token = token
        self.__lock = threading.Lock()

    @classmethod
    def _from_config(cls, value: Any) -> Token:
        if isinstance(value, str):
            return cls(value)
        return cls(**_snake_keys(_config_to_dict(value)))

    async def auth_header_async(self, http_client: httpx.AsyncClient | None = None) -> tuple[str, str]:
        """Return ``("Authorization", "Bearer <token>")``.

        Args:
            http_client: Unused; accepted for the common provider interface.

        Returns:
            The header as ``(name, value)``.

        Example:
            >>> await Token("abc").auth_header_async()  # doctest: +SKIP
            ('Authorization', 'Bearer abc')
        """
        token = self.__token
        if isinstance(token, str):
            return _bearer(token)
        if _is_async_callable(token):
            return _bearer(_check_token_value(await token()))  # type: ignore[misc]
        with self.__lock:
            value: Any = token()
        if inspect.isawaitable(value):
            value = await value
        return _bearer(_check_token_value(value))

    def authorization_header(self) -> tuple[str, str]:
        """Return ``("Authorization", "Bearer <token>")`` synchronously.

        Returns:
            The header as ``(name, value)``.

        Example:
            >>> Token(lambda: "abc").authorization_header()
            ('Authorization', 'Bearer abc')
        """
        token = self.__token
        if isinstance(token, str):
            return _bearer(token)
        if _is_async_callable(token):
            return _bearer(_check_token_value(run_sync(token())))  # type: ignore[arg-type]
        with self.__lock:
            value: Any = token()
        if inspect.isawaitable(value):
            value = run_sync(_await(value))
        return _bearer(_check_token_value(value))

    def __repr__(self) -> str:
        token = self.__token
        if isinstance(token, str):
            return f"Token(token={_REDACTED})"
        name = getattr(token, "__qualname__", None) or type(token).__name__
        return f"Token(token=<callable {name}>)"

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("_Token__lock", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__lock = threading.Lock()


async def _await(value: Awaitable[Any]) -> Any:
    return await value


# ---------------------------------------------------------------------------------------------------------------
# OAuth client credentials
# ---------------------------------------------------------------------------------------------------------------


class OAuthClientCredentials(_CachingTokenProvider):
    """OAuth "client credentials" flow: a service principal's id and secret are exchanged for a token.

    Args:
        token_url: The OAuth token URL.
        client_id: Your application's client id.
        client_secret: Your application's client secret.
        scopes: The scopes to request (a list, or one space-separated string).
        token_expiry_leeway_seconds: The token is refreshed when this many seconds are left before expiry.
        **token_custom_args: Extra form fields for the token request, e.g. ``audience`` for some identity providers.

    Example:
        >>> from cognite.client.credentials import OAuthClientCredentials
        >>> import os
        >>> oauth_provider = OAuthClientCredentials(
        ...     token_url="https://login.microsoftonline.com/xyz/oauth2/v2.0/token",
        ...     client_id="abcd",
        ...     client_secret=os.environ.get("OAUTH_CLIENT_SECRET", "s3cr3t"),
        ...     scopes=["https://greenfield.cognitedata.com/.default"],
        ...     audience="some-audience",  # any extra identity provider specific argument
        ... )
    """

    _load_key = "client_credentials"

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        scopes: list[str] | None = None,
        token_expiry_leeway_seconds: int = _DEFAULT_LEEWAY_SECONDS,
        **token_custom_args: Any,
    ) -> None:
        super().__init__(token_expiry_leeway_seconds)
        self._token_url: str = _check_url("token_url", token_url)
        self._client_id: str = _check_str("client_id", client_id)
        self._client_secret: str = _check_str("client_secret", client_secret)
        self._scopes = _check_scopes(scopes)
        reserved = {"grant_type", "client_id", "client_secret", "scope"} & set(token_custom_args)
        if reserved:
            raise ValueError(f"token_custom_args may not set {sorted(reserved)}; use the named arguments")
        self._token_custom_args: dict[str, Any] = dict(token_custom_args)

    @property
    def token_url(self) -> str:
        """The OAuth token URL."""
        return self._token_url

    @property
    def client_secret(self) -> str:
        """The client secret."""
        return self._client_secret

    @property
    def token_custom_args(self) -> dict[str, Any]:
        """The extra token request arguments."""
        return dict(self._token_custom_args)

    @classmethod
    def default_for_entra_id(
        cls,
        tenant_id: str,
        client_id: str,
        client_secret: str,
        cdf_cluster: str,
        token_expiry_leeway_seconds: int = _DEFAULT_LEEWAY_SECONDS,
        **token_custom_args: Any,
    ) -> OAuthClientCredentials:
        """Create client credentials for Microsoft Entra ID with the default token URL and CDF scope.

        Token URL ``https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token`` and scopes
        ``["https://{cdf_cluster}.cognitedata.com/.default"]``.

        Args:
            tenant_id: The Entra ID tenant id.
            client_id: Your application's client id.
            client_secret: Your application's client secret.
            cdf_cluster: The CDF cluster, e.g. ``"westeurope-1"``.
            token_expiry_leeway_seconds: Refresh this many seconds before expiry.
            **token_custom_args: Extra form fields for the token request.

        Returns:
            The credential provider.

        Example:
            >>> from cognite.client.credentials import OAuthClientCredentials
            >>> creds = OAuthClientCredentials.default_for_entra_id("my-tenant", "abcd", "s3cr3t", "westeurope-1")
            >>> creds.token_url
            'https://login.microsoftonline.com/my-tenant/oauth2/v2.0/token'
        """
        authority, scopes = _entra_defaults(tenant_id, cdf_cluster)
        return cls(
            token_url=authority + "/oauth2/v2.0/token",
            client_id=client_id,
            client_secret=client_secret,
            scopes=scopes,
            token_expiry_leeway_seconds=token_expiry_leeway_seconds,
            **token_custom_args,
        )

    default_for_azure_ad = default_for_entra_id

    async def _fetch_token(self, http_client: httpx.AsyncClient) -> tuple[str, float]:
        data: dict[str, Any] = {
            "grant_type": "client_credentials",
            "client_id": self._client_id,
            "client_secret": self._client_secret,
        }
        if self._scopes:
            data["scope"] = " ".join(self._scopes)
        data.update(self._token_custom_args)
        _logger.debug("Requesting a token from %s for client_id %s", self._token_url, self._client_id)
        requested_at = _now()
        payload = await _post_token_endpoint(http_client, self._token_url, data, [self._client_secret])
        token, expires_at = _token_from_payload(payload, requested_at, self._token_url)
        _logger.debug("Got a token from %s, valid for %.0f s", self._token_url, expires_at - requested_at)
        return token, expires_at

    def __repr__(self) -> str:
        custom = f", token_custom_args={sorted(self._token_custom_args)}" if self._token_custom_args else ""
        return (
            f"OAuthClientCredentials(token_url={self._token_url!r}, client_id={self._client_id!r}, "
            f"client_secret={_REDACTED}, scopes={self._scopes!r}, "
            f"token_expiry_leeway_seconds={self._leeway!r}{custom})"
        )


# ---------------------------------------------------------------------------------------------------------------
# msal-based providers
# ---------------------------------------------------------------------------------------------------------------


def _import_msal() -> Any:
    try:
        import msal
    except ImportError:
        raise CogniteImportError(
            "msal", "This credential provider requires 'msal' (pip install 'cognite-sdk[msal]' or pip install msal)."
        ) from None
    return msal


def _default_cache_path(client_id: str) -> Path:
    return Path(tempfile.gettempdir()) / f"cognitetokencache.{client_id}.bin"


def _write_private_file(path: Path, text: str) -> None:
    """Write a file readable by its owner only, atomically.

    The temporary file is created with ``mkstemp`` (``O_EXCL``, mode 0600) next to the target, so a file or symlink
    planted in a shared directory such as ``/tmp`` is never written through.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _load_msal_cache(msal: Any, path: Path | None) -> Any:
    """A ``msal.SerializableTokenCache`` filled from ``path``; an unreadable or corrupt file gives an empty cache."""
    cache = msal.SerializableTokenCache()
    if path is not None and path.exists():
        try:
            cache.deserialize(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            _logger.warning("Ignoring the unreadable token cache %s (%s); signing in again", path, type(exc).__name__)
            cache = msal.SerializableTokenCache()
    return cache


def _save_msal_cache(cache: Any, path: Path | None) -> None:
    """Write msal's token cache to ``path`` (owner-only) if it changed; failing to write only logs a warning."""
    if path is None or cache is None or not cache.has_state_changed:
        return
    try:
        _write_private_file(path, cache.serialize())  # serialize() clears has_state_changed
    except OSError as exc:
        cache.has_state_changed = True  # try again after the next token request
        _logger.warning("Could not write the token cache %s (%s)", path, type(exc).__name__)


def _stale_from_msal_cache(result: Any, leeway: float) -> bool:
    """Whether msal answered from its own cache with a token that expires within our leeway.

    msal reuses a cached token until 5 minutes before it expires; with a longer leeway such a token would be
    refreshed by us again on every request, so a new one must be fetched past msal's cache.
    """
    if not isinstance(result, dict) or "access_token" not in result or result.get("token_source") != "cache":
        return False
    try:
        return float(result.get("expires_in", 0)) <= leeway
    except (TypeError, ValueError):
        return False


def _msal_silent(app: Any, scopes: list[str], leeway: float, force: bool, username: str | None = None) -> Any:
    """A token for the first cached account (of ``username`` if given) without user interaction, or None."""
    accounts = app.get_accounts(username=username) if username else app.get_accounts()
    if not accounts:
        return None
    if force:
        result = app.acquire_token_silent(scopes, account=accounts[0], force_refresh=True)
    else:
        result = app.acquire_token_silent(scopes, account=accounts[0])
        if _stale_from_msal_cache(result, leeway):
            result = app.acquire_token_silent(scopes, account=accounts[0], force_refresh=True)
    return result if isinstance(result, dict) and "access_token" in result else None


async def _run_msal(blocking: Callable[[], Any], source: str, secrets: Sequence[str | None]) -> Any:
    """Run a blocking msal call in a worker thread; errors other than ours become CogniteAuthError (redacted)."""
    try:
        return await asyncio.to_thread(blocking)
    except CogniteAuthError:
        raise
    except Exception as exc:
        raise CogniteAuthError(
            f"Could not get a token from {source} (msal): {type(exc).__name__}: {_redact(str(exc), secrets)}"
        ) from None


_NO_MSAL_OPTIONS: Mapping[str, Any] = MappingProxyType({})


def _msal_result_to_token(result: Any, requested_at: float, source: str) -> tuple[str, float]:
    if not isinstance(result, dict):
        raise CogniteAuthError(f"No token was obtained from {source}")
    if "access_token" not in result:
        raise CogniteOAuthError(str(result.get("error", "no_token")), result.get("error_description"))
    return _token_from_payload(result, requested_at, source)


class _MsalProvider(_CachingTokenProvider):
    """Shared plumbing of the msal-based providers: msal runs in a worker thread; its app is built lazily.

    ``_msal_app_options`` (private, not part of the public API) holds extra keyword arguments for msal's application
    constructor, e.g. ``{"http_client": ..., "instance_discovery": False}``: the unit tests use it to put a fake
    identity provider behind the real msal. Set it on an instance before its first token request; it is not pickled.
    """

    _msal_app_options: Mapping[str, Any] = _NO_MSAL_OPTIONS

    def __init__(self, token_expiry_leeway_seconds: float) -> None:
        super().__init__(token_expiry_leeway_seconds)
        self._msal = _import_msal()
        self._app: Any = None
        self._msal_cache: Any = None
        self._cache_path: Path | None = None
        self._msal_force_refresh = False

    def _build_app(self) -> Any:
        raise NotImplementedError

    def _acquire(self, app: Any, force: bool) -> Any:
        raise NotImplementedError

    def _secrets(self) -> list[str | None]:
        return []

    def _invalidate_token(self) -> None:
        super()._invalidate_token()
        self._msal_force_refresh = True  # msal would otherwise hand back the token it has cached

    def _load_cache(self) -> Any:
        return _load_msal_cache(self._msal, self._cache_path)

    def _save_cache(self) -> None:
        _save_msal_cache(self._msal_cache, self._cache_path)

    def _acquire_blocking(self) -> Any:
        if self._app is None:
            self._app = self._build_app()
        force, self._msal_force_refresh = self._msal_force_refresh, False
        try:
            return self._acquire(self._app, force)
        finally:
            self._save_cache()

    async def _fetch_token(self, http_client: httpx.AsyncClient) -> tuple[str, float]:
        # msal does its own HTTP; http_client is not used.
        requested_at = _now()
        source = str(getattr(self, "_authority_url", None) or type(self).__name__)
        result = await _run_msal(self._acquire_blocking, source, self._secrets())
        return _msal_result_to_token(result, requested_at, source)

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        for transient in ("_msal", "_app", "_msal_cache", "_msal_app_options", "_msal_force_refresh"):
            state.pop(transient, None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        self._msal = _import_msal()
        self._app = None
        self._msal_cache = None
        self._msal_force_refresh = False


class OAuthClientCertificate(_MsalProvider):
    """OAuth client credentials flow with a certificate instead of a secret (Microsoft Entra ID; needs ``msal``).

    Args:
        authority_url: The authority, e.g. ``"https://login.microsoftonline.com/{tenant_id}"``.
        client_id: Your application's client id.
        cert_thumbprint: The thumbprint of the certificate registered with the application.
        certificate: The PEM-encoded private key of the certificate.
        scopes: The scopes to request.
        token_expiry_leeway_seconds: The token is refreshed when this many seconds are left before expiry.

    Example:
        >>> from cognite.client.credentials import OAuthClientCertificate
        >>> from pathlib import Path
        >>> oauth_provider = OAuthClientCertificate(  # doctest: +SKIP
        ...     authority_url="https://login.microsoftonline.com/xyz",
        ...     client_id="abcd",
        ...     cert_thumbprint="XYZ123",
        ...     certificate=Path("certificate.pem").read_text(),
        ...     scopes=["https://greenfield.cognitedata.com/.default"],
        ... )
    """

    _load_key = "client_certificate"

    def __init__(
        self,
        authority_url: str,
        client_id: str,
        cert_thumbprint: str,
        certificate: str,
        scopes: list[str],
        token_expiry_leeway_seconds: int = _DEFAULT_LEEWAY_SECONDS,
    ) -> None:
        self._authority_url: str = _check_url("authority_url", authority_url)
        self._client_id: str = _check_str("client_id", client_id)
        self._cert_thumbprint: str = _check_str("cert_thumbprint", cert_thumbprint)
        self._certificate: str = _check_str("certificate", certificate)
        self._scopes = _check_scopes(scopes, optional=False)
        if not self._scopes:
            raise ValueError("scopes must hold at least one scope")
        super().__init__(token_expiry_leeway_seconds)

    @property
    def authority_url(self) -> str:
        """The authority URL."""
        return self._authority_url

    @property
    def cert_thumbprint(self) -> str:
        """The certificate thumbprint."""
        return self._cert_thumbprint

    @property
    def certificate(self) -> str:
        """The PEM-encoded private key."""
        return self._certificate

    @classmethod
    def default_for_entra_id(
        cls,
        tenant_id: str,
        client_id: str,
        cert_thumbprint: str,
        certificate: str,
        cdf_cluster: str,
        token_expiry_leeway_seconds: int = _DEFAULT_LEEWAY_SECONDS,
    ) -> OAuthClientCertificate:
        """Create certificate credentials for Microsoft Entra ID with the default authority and CDF scope.

        Args:
            tenant_id: The Entra ID tenant id.
            client_id: Your application's client id.
            cert_thumbprint: The certificate thumbprint.
            certificate: The PEM-encoded private key.
            cdf_cluster: The CDF cluster, e.g. ``"westeurope-1"``.
            token_expiry_leeway_seconds: Refresh this many seconds before expiry.

        Returns:
            The credential provider.

        Example:
            >>> creds = OAuthClientCertificate.default_for_entra_id(  # doctest: +SKIP
            ...     "my-tenant", "abcd", "XYZ123", Path("certificate.pem").read_text(), "westeurope-1"
            ... )
        """
        authority, scopes = _entra_defaults(tenant_id, cdf_cluster)
        return cls(
            authority_url=authority,
            client_id=client_id,
            cert_thumbprint=cert_thumbprint,
            certificate=certificate,
            scopes=scopes,
            token_expiry_leeway_seconds=token_expiry_leeway_seconds,
        )

    default_for_azure_ad = default_for_entra_id

    def _build_app(self) -> Any:
        return self._msal.ConfidentialClientApplication(
            client_id=self._client_id,
            authority=self._authority_url,
            client_credential={"thumbprint": self._cert_thumbprint, "private_key": self._certificate},
            **self._msal_app_options,
        )

    def _secrets(self) -> list[str | None]:
        return [self._certificate, *self._certificate.splitlines()]

    def _acquire(self, app: Any, force: bool) -> Any:
        if force:
            app.remove_tokens_for_client()
        result = app.acquire_token_for_client(scopes=self._scopes)
        if _stale_from_msal_cache(result, self._leeway):
            app.remove_tokens_for_client()
            result = app.acquire_token_for_client(scopes=self._scopes)
        return result

    def __repr__(self) -> str:
        return (
            f"OAuthClientCertificate(authority_url={self._authority_url!r}, client_id={self._client_id!r}, "
            f"cert_thumbprint={self._cert_thumbprint!r}, certificate={_REDACTED}, scopes={self._scopes!r}, "
            f"token_expiry_leeway_seconds={self._leeway!r})"
        )


class OAuthInteractive(_MsalProvider):
    """OAuth interactive login in a web browser (authorization code flow via ``msal``), with a token cache file.

    Tokens are cached in ``token_cache_path``; a cached account is refreshed silently before the browser is opened.

    Args:
        authority_url: The authority, e.g. ``"https://login.microsoftonline.com/{tenant_id}"``.
        client_id: Your application's client id (a public client with redirect URI ``http://localhost:{port}``).
        scopes: The scopes to request.
        redirect_port: The local port the browser redirects to.
        token_cache_path: Where to keep the token cache; default ``{tempdir}/cognitetokencache.{client_id}.bin``.
        token_expiry_leeway_seconds: The token is refreshed when this many seconds are left before expiry.
        prompt: Passed to the identity provider, e.g. ``"select_account"`` or ``"login"``.
        login_hint: A username to prefill on the login page.

    Example:
        >>> from cognite.client.credentials import OAuthInteractive
        >>> oauth_provider = OAuthInteractive(  # doctest: +SKIP
        ...     authority_url="https://login.microsoftonline.com/xyz",
        ...     client_id="abcd",
        ...     scopes=["https://greenfield.cognitedata.com/.default"],
        ... )
    """

    _load_key = "interactive"

    def __init__(
        self,
        authority_url: str,
        client_id: str,
        scopes: list[str],
        redirect_port: int = 53000,
        token_cache_path: Path | str | None = None,
        token_expiry_leeway_seconds: int = _DEFAULT_LEEWAY_SECONDS,
        prompt: str | None = None,
        login_hint: str | None = None,
    ) -> None:
        self._authority_url: str = _check_url("authority_url", authority_url)
        self._client_id: str = _check_str("client_id", client_id)
        self._scopes = _check_scopes(scopes, optional=False)
        if not self._scopes:
            raise ValueError("scopes must hold at least one scope")
        if isinstance(redirect_port, bool) or not isinstance(redirect_port, int):
            raise TypeError(f"redirect_port must be an int, got {type(redirect_port).__name__}")
        if not 0 < redirect_port < 65536:
            raise ValueError(f"redirect_port must be a port number (1-65535), got {redirect_port}")
        self._redirect_port = redirect_port
        if token_cache_path is not None and not isinstance(token_cache_path, (str, os.PathLike)):
            raise TypeError(f"token_cache_path must be a path, got {type(token_cache_path).__name__}")
        self._prompt: str | None = _check_str("prompt", prompt, optional=True)
        self._login_hint: str | None = _check_str("login_hint", login_hint, optional=True)
        super().__init__(token_expiry_leeway_seconds)
        self._cache_path = Path(token_cache_path) if token_cache_path is not None else _default_cache_path(client_id)

    @property
    def authority_url(self) -> str:
        """The authority URL."""
        return self._authority_url

    @property
    def token_cache_path(self) -> Path | None:
        """Where the token cache is kept."""
        return self._cache_path

    @classmethod
    def default_for_entra_id(
        cls,
        tenant_id: str,
        client_id: str,
        cdf_cluster: str,
        token_expiry_leeway_seconds: int = _DEFAULT_LEEWAY_SECONDS,
        **kwargs: Any,
    ) -> OAuthInteractive:
        """Create interactive login for Microsoft Entra ID with the default authority and CDF scope.

        Args:
            tenant_id: The Entra ID tenant id.
            client_id: Your application's client id.
            cdf_cluster: The CDF cluster, e.g. ``"westeurope-1"``.
            token_expiry_leeway_seconds: Refresh this many seconds before expiry.
            **kwargs: Other constructor arguments (redirect_port, token_cache_path, prompt, login_hint).

        Returns:
            The credential provider.

        Example:
            >>> creds = OAuthInteractive.default_for_entra_id("my-tenant", "abcd", "westeurope-1")  # doctest: +SKIP
        """
        authority, scopes = _entra_defaults(tenant_id, cdf_cluster)
        return cls(
            authority_url=authority,
            client_id=client_id,
            scopes=scopes,
            token_expiry_leeway_seconds=token_expiry_leeway_seconds,
            **kwargs,
        )

    default_for_azure_ad = default_for_entra_id

    def _build_app(self) -> Any:
        self._msal_cache = self._load_cache()
        return self._msal.PublicClientApplication(
            client_id=self._client_id,
            authority=self._authority_url,
            token_cache=self._msal_cache,
            **self._msal_app_options,
        )

    def _acquire(self, app: Any, force: bool) -> Any:
        # A cached account (of login_hint, if given) is refreshed silently; the browser is the last resort.
        result = _msal_silent(app, self._scopes, self._leeway, force, self._login_hint)
        if result is not None:
            return result
        return app.acquire_token_interactive(
            scopes=self._scopes, port=self._redirect_port, prompt=self._prompt, login_hint=self._login_hint
        )

    def __repr__(self) -> str:
        return (
            f"OAuthInteractive(authority_url={self._authority_url!r}, client_id={self._client_id!r}, "
            f"scopes={self._scopes!r}, redirect_port={self._redirect_port}, "
            f"token_cache_path={str(self._cache_path)!r}, token_expiry_leeway_seconds={self._leeway!r})"
        )


class OAuthDeviceCode(_CachingTokenProvider):
    """OAuth device code flow: sign in on another device with a short code (for terminals without a browser).

    With ``authority_url`` (Microsoft Entra ID) the flow runs through ``msal``. With ``oauth_discovery_url`` any
    identity provider that supports RFC 8628 works: the endpoints are read from its OpenID configuration and the
    flow runs over the SDK's own HTTP client; a refresh token, when given, renews the token without a new sign-in.

    Args:
        authority_url: The authority for Entra ID, e.g. ``"https://login.microsoftonline.com/{tenant_id}"``.
        client_id: Your application's client id (a public client allowing the device code flow).
        scopes: The scopes to request. Defaults to the CDF scope of ``cdf_cluster``.
        cdf_cluster: The CDF cluster, e.g. ``"westeurope-1"``; gives the default scopes.
        oauth_discovery_url: Where ``/.well-known/openid-configuration`` is found, for identity providers other
            than Entra ID.
        token_cache_path: Where to cache tokens; default ``{tempdir}/cognitetokencache.{client_id}.bin``.
        token_expiry_leeway_seconds: The token is refreshed when this many seconds are left before expiry.
        clear_cache: Delete the cached tokens when the provider is created.
        mem_cache_only: Keep tokens in memory only, never on disk.
        **token_custom_args: Extra form fields for the device code and token requests (e.g. ``audience``).

    Example:
        >>> from cognite.client.credentials import OAuthDeviceCode
        >>> oauth_provider = OAuthDeviceCode(
        ...     oauth_discovery_url="https://my-idp.example.com/realms/cdf",
        ...     client_id="abcd",
        ...     cdf_cluster="westeurope-1",
        ...     mem_cache_only=True,
        ... )
    """

    _load_key = "device_code"
    # Extra keyword arguments for msal's application (Entra ID mode); private, see _MsalProvider.
    _msal_app_options: Mapping[str, Any] = _NO_MSAL_OPTIONS

    def __init__(
        self,
        authority_url: str | None = None,
        client_id: str | None = None,
        scopes: list[str] | None = None,
        cdf_cluster: str | None = None,
        oauth_discovery_url: str | None = None,
        token_cache_path: Path | str | None = None,
        token_expiry_leeway_seconds: int = _DEFAULT_LEEWAY_SECONDS,
        clear_cache: bool = False,
        mem_cache_only: bool = False,
        **token_custom_args: Any,
    ) -> None:
        self._authority_url: str | None = _check_url("authority_url", authority_url, optional=True)
        self._discovery_url: str | None = _check_url("oauth_discovery_url", oauth_discovery_url, optional=True)
        if (self._authority_url is None) == (self._discovery_url is None):
            raise ValueError("Pass exactly one of authority_url (Entra ID, uses msal) and oauth_discovery_url")
        self._client_id: str = _check_str("client_id", client_id)
        self._cdf_cluster: str | None = _check_str("cdf_cluster", cdf_cluster, optional=True)
        self._scopes = _check_scopes(scopes)
        if not self._scopes:
            if self._cdf_cluster is None:
                raise ValueError("Pass scopes, or cdf_cluster to use the default CDF scope")
            self._scopes = [_CDF_SCOPE.format(cdf_cluster=self._cdf_cluster)]
            if self._discovery_url is not None:
                self._scopes.append("offline_access")  # ask for a refresh token
        if token_cache_path is not None and not isinstance(token_cache_path, (str, os.PathLike)):
            raise TypeError(f"token_cache_path must be a path, got {type(token_cache_path).__name__}")
        _check_bool("clear_cache", clear_cache)
        self._mem_cache_only = _check_bool("mem_cache_only", mem_cache_only)
        self._token_custom_args: dict[str, Any] = dict(token_custom_args)
        super().__init__(token_expiry_leeway_seconds)
        path = Path(token_cache_path) if token_cache_path is not None else _default_cache_path(self._client_id)
        self._cache_path_on_disk = None if mem_cache_only else path
        self._msal: Any = None
        self._msal_app: Any = None
        self._msal_cache: Any = None
        self._msal_force_refresh = False
        self._refresh_token: str | None = None
        self._endpoints: tuple[str, str] | None = None
        if self._authority_url is not None:
            self._msal = _import_msal()
        if clear_cache and path.exists():
            path.unlink()

    @property
    def authority_url(self) -> str | None:
        """The Entra ID authority URL, if used."""
        return self._authority_url

    @property
    def oauth_discovery_url(self) -> str | None:
        """The OpenID discovery URL, if used."""
        return self._discovery_url

    @property
    def token_cache_path(self) -> Path | None:
        """Where tokens are cached on disk (None with mem_cache_only)."""
        return self._cache_path_on_disk

    @classmethod
    def default_for_entra_id(
        cls,
        tenant_id: str,
        client_id: str,
        cdf_cluster: str,
        token_expiry_leeway_seconds: int = _DEFAULT_LEEWAY_SECONDS,
        **kwargs: Any,
    ) -> OAuthDeviceCode:
        """Create a device code flow for Microsoft Entra ID with the default authority and CDF scope.

        Args:
            tenant_id: The Entra ID tenant id.
            client_id: Your application's client id.
            cdf_cluster: The CDF cluster, e.g. ``"westeurope-1"``.
            token_expiry_leeway_seconds: Refresh this many seconds before expiry.
            **kwargs: Other constructor arguments (token_cache_path, clear_cache, mem_cache_only, custom args).

        Returns:
            The credential provider.

        Example:
            >>> creds = OAuthDeviceCode.default_for_entra_id("my-tenant", "abcd", "westeurope-1")  # doctest: +SKIP
        """
        authority, scopes = _entra_defaults(tenant_id, cdf_cluster)
        return cls(
            authority_url=authority,
            client_id=client_id,
            scopes=scopes,
            cdf_cluster=cdf_cluster,
            token_expiry_leeway_seconds=token_expiry_leeway_seconds,
            **kwargs,
        )

    default_for_azure_ad = default_for_entra_id

    async def _fetch_token(self, http_client: httpx.AsyncClient) -> tuple[str, float]:
        if self._authority_url is not None:
            requested_at = _now()
            result = await _run_msal(self._msal_acquire, self._authority_url, [])
            return _msal_result_to_token(result, requested_at, self._authority_url)
        return await self._generic_fetch(http_client)

    def _invalidate_token(self) -> None:
        super()._invalidate_token()
        self._msal_force_refresh = True  # msal would otherwise hand back the token it has cached

    # -- Entra ID via msal ---------------------------------------------------------------------------------------

    def _msal_acquire(self) -> Any:
        if self._msal_app is None:
            self._msal_cache = _load_msal_cache(self._msal, self._cache_path_on_disk)
            self._msal_app = self._msal.PublicClientApplication(
                client_id=self._client_id,
                authority=self._authority_url,
                token_cache=self._msal_cache,
                **self._msal_app_options,
            )
        app = self._msal_app
        force, self._msal_force_refresh = self._msal_force_refresh, False
        try:
            result = _msal_silent(app, self._scopes, self._leeway, force)
            if result is not None:
                return result
            flow = app.initiate_device_flow(scopes=self._scopes)
            if "user_code" not in flow:
                raise CogniteOAuthError(str(flow.get("error", "device_flow_failed")), flow.get("error_description"))
            message = flow.get("message") or (
                f"To sign in, open {flow.get('verification_uri') or flow.get('verification_url')} "
                f"and enter the code {flow['user_code']}"
            )
            print(message, flush=True)  # the user must see where to sign in
            if self._token_custom_args:
                return app.acquire_token_by_device_flow(flow, data=dict(self._token_custom_args))
            return app.acquire_token_by_device_flow(flow)
        finally:
            _save_msal_cache(self._msal_cache, self._cache_path_on_disk)

    # -- any RFC 8628 identity provider ------------------------------------------------------------------------

    async def _discover(self, http_client: httpx.AsyncClient) -> tuple[str, str]:
        if self._endpoints is not None:
            return self._endpoints
        assert self._discovery_url is not None
        import httpx

        url = self._discovery_url.rstrip("/")
        if not url.endswith("/.well-known/openid-configuration"):
            url += "/.well-known/openid-configuration"
        try:
            response = await http_client.get(url, headers={"Accept": "application/json"})
            config = response.json() if response.status_code < 400 else None
        except (httpx.HTTPError, ValueError) as exc:
            raise CogniteAuthError(f"Could not read the OpenID configuration at {url}: {type(exc).__name__}") from None
        if not isinstance(config, dict):
            raise CogniteAuthError(f"Could not read the OpenID configuration at {url} (HTTP {response.status_code})")
        device_url, token_url = config.get("device_authorization_endpoint"), config.get("token_endpoint")
        if not isinstance(device_url, str) or not isinstance(token_url, str):
            raise CogniteAuthError(f"The OpenID configuration at {url} has no device_authorization_endpoint")
        self._endpoints = (device_url, token_url)
        return self._endpoints

    def _read_disk_cache(self) -> None:
        path = self._cache_path_on_disk
        if path is None or self._refresh_token is not None or not path.exists():
            return
        try:
            cached = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(cached, dict) and cached.get("client_id") == self._client_id:
            if isinstance(cached.get("refresh_token"), str):
                self._refresh_token = cached["refresh_token"]
            if isinstance(cached.get("access_token"), str) and isinstance(cached.get("expires_at"), (int, float)):
                self._token, self._expires_at = cached["access_token"], float(cached["expires_at"])

    def _write_disk_cache(self, token: str, expires_at: float) -> None:
        if self._cache_path_on_disk is None:
            return
        data = {
            "client_id": self._client_id,
            "access_token": token,
            "expires_at": expires_at,
            "refresh_token": self._refresh_token,
        }
        _write_private_file(self._cache_path_on_disk, json.dumps(data))

    async def _generic_fetch(self, http_client: httpx.AsyncClient) -> tuple[str, float]:
        self._read_disk_cache()
        if (token := self._cached_token()) is not None:
            return token, self._expires_at
        device_url, token_url = await self._discover(http_client)
        secrets = [self._refresh_token]
        if self._refresh_token is not None:
            requested_at = _now()
            data = {
                "grant_type": "refresh_token",
                "client_id": self._client_id,
                "refresh_token": self._refresh_token,
                "scope": " ".join(self._scopes),
                **self._token_custom_args,
            }
            try:
                payload = await _post_token_endpoint(http_client, token_url, data, secrets)
            except CogniteOAuthError as exc:
                _logger.info("Refreshing the token failed (%s); starting a new device code sign-in", exc.error)
                self._refresh_token = None
            else:
                return self._accept(payload, requested_at, token_url)
        return await self._device_flow(http_client, device_url, token_url)

    async def _device_flow(self, http_client: httpx.AsyncClient, device_url: str, token_url: str) -> tuple[str, float]:
        start = _now()
        data = {"client_id": self._client_id, "scope": " ".join(self._scopes), **self._token_custom_args}
        flow = await _post_token_endpoint(http_client, device_url, data, [])
        device_code, user_code = flow.get("device_code"), flow.get("user_code")
        verification = flow.get("verification_uri") or flow.get("verification_url")
        if not isinstance(device_code, str) or not isinstance(user_code, str) or not verification:
            raise CogniteAuthError(f"The device authorization response from {device_url} is incomplete")
        try:
            interval = float(flow["interval"]) if flow.get("interval") is not None else 5.0
            deadline = start + (float(flow["expires_in"]) if flow.get("expires_in") is not None else 900.0)
        except (TypeError, ValueError):
            raise CogniteAuthError(f"The device authorization response from {device_url} is malformed") from None
        message = flow.get("message") or f"To sign in, open {verification} and enter the code {user_code}"
        print(message, flush=True)  # the user must see where to sign in
        poll = {"grant_type": _DEVICE_CODE_GRANT, "device_code": device_code, "client_id": self._client_id}
        while True:
            requested_at = _now()
            try:
                payload = await _post_token_endpoint(http_client, token_url, poll, [device_code])
            except CogniteOAuthError as exc:
                if exc.error == "authorization_pending":
                    pass
                elif exc.error == "slow_down":
                    interval += 5
                else:
                    raise
            else:
                return self._accept(payload, requested_at, token_url)
            if _now() + interval > deadline:
                raise CogniteAuthError("The device code expired before the sign-in was completed")
            await asyncio.sleep(interval)

    def _accept(self, payload: Mapping[str, Any], requested_at: float, source: str) -> tuple[str, float]:
        token, expires_at = _token_from_payload(payload, requested_at, source)
        if isinstance(payload.get("refresh_token"), str):
            self._refresh_token = payload["refresh_token"]
        self._write_disk_cache(token, expires_at)
        return token, expires_at

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        for transient in (
            "_msal",
            "_msal_app",
            "_msal_cache",
            "_msal_app_options",
            "_msal_force_refresh",
            "_refresh_token",
        ):
            state.pop(transient, None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        self._msal = _import_msal() if self._authority_url is not None else None
        self._msal_app = None
        self._msal_cache = None
        self._msal_force_refresh = False
        self._refresh_token = None

    def __repr__(self) -> str:
        where = (
            f"authority_url={self._authority_url!r}"
            if self._authority_url is not None
            else f"oauth_discovery_url={self._discovery_url!r}"
        )
        custom = f", token_custom_args={sorted(self._token_custom_args)}" if self._token_custom_args else ""
        return (
            f"OAuthDeviceCode({where}, client_id={self._client_id!r}, scopes={self._scopes!r}, "
            f"token_cache_path={str(self._cache_path_on_disk) if self._cache_path_on_disk else None!r}, "
            f"mem_cache_only={self._mem_cache_only}, token_expiry_leeway_seconds={self._leeway!r}{custom})"
        )


_PROVIDER_TYPES: tuple[type[CredentialProvider], ...] = (
    Token,
    OAuthClientCredentials,
    OAuthClientCertificate,
    OAuthDeviceCode,
    OAuthInteractive,
)
