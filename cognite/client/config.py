"""Client configuration (:class:`ClientConfig`) and the process-wide settings (:data:`global_config`)."""

from __future__ import annotations

import json
import re
from typing import Any

from cognite.client.credentials import CredentialProvider

__all__ = ["ClientConfig", "ConcurrencySettings", "CredentialProvider", "GlobalConfig", "global_config"]

_PROJECT_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,254}$")


class _OperationLimits:
    """Limits on concurrent requests of one API category, by kind of operation."""

    __slots__ = ("_frozen", "_owner", "delete", "read", "write")
    _owner: ConcurrencySettings

    def __init__(self, owner: ConcurrencySettings, read: int, write: int, delete: int) -> None:
        object.__setattr__(self, "_owner", owner)
        object.__setattr__(self, "_frozen", False)
        self.read = read
        self.write = write
        self.delete = delete

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("read", "write", "delete"):
            if self._owner.is_frozen:
                raise RuntimeError(
                    "concurrency_settings are frozen once a client has sent its first request; set them before"
                )
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"concurrency limit {name!r} must be an int, not {type(value).__name__}")
            if value < 1:
                raise ValueError(f"concurrency limit {name!r} must be >= 1, got {value}")
        object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        return f"(read={self.read}, write={self.write}, delete={self.delete})"


class ConcurrencySettings:
    """Per API category limits on concurrent requests (per project), frozen after the first request.

    Categories: ``general`` (most resource APIs), ``raw``, ``datapoints``, ``data_modeling``, ``files``;
    each with ``read``, ``write`` and ``delete`` limits.

    Example:
        >>> from cognite.client import global_config
        >>> global_config.concurrency_settings.datapoints.read = 8  # before the first request
    """

    def __init__(self) -> None:
        self._frozen = False
        self.general = _OperationLimits(self, read=5, write=5, delete=5)
        self.raw = _OperationLimits(self, read=5, write=5, delete=5)
        self.datapoints = _OperationLimits(self, read=5, write=5, delete=5)
        self.data_modeling = _OperationLimits(self, read=5, write=5, delete=5)
        self.files = _OperationLimits(self, read=5, write=5, delete=5)

    @property
    def is_frozen(self) -> bool:
        """True once a client has sent its first request."""
        return self._frozen

    def _freeze(self) -> None:
        self._frozen = True

    def get(self, category: str, operation: str) -> int:
        """Return the limit of one category and operation.

        Args:
            category: general, raw, datapoints, data_modeling or files.
            operation: read, write or delete.

        Returns:
            The maximum number of concurrent requests.
        """
        limits = getattr(self, category, None)
        if not isinstance(limits, _OperationLimits):
            raise ValueError(f"Unknown concurrency category {category!r}")
        if operation not in ("read", "write", "delete"):
            raise ValueError(f"Unknown operation {operation!r}; use read, write or delete")
        return int(getattr(limits, operation))

    def __repr__(self) -> str:
        cats = ", ".join(
            f"{c}={getattr(self, c)!r}" for c in ("general", "raw", "datapoints", "data_modeling", "files")
        )
        return f"ConcurrencySettings({cats})"


def _check_int(name: str, value: Any, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return value


class GlobalConfig:
    """Process-wide settings; use the :data:`global_config` singleton.

    Set these before creating a client for them to take effect.

    Attributes:
        default_client_config: Used by ``CogniteClient()`` when no config is given.
        max_retries: Maximum retries of one request (default 10).
        max_retries_connect: Maximum retries on connection errors (default 3).
        max_retry_backoff: Cap of the backoff between retries in seconds (default 60).
        status_forcelist: Statuses that are retried (default {429, 502, 503, 504}).
        max_connection_pool_size: Connections kept per client (default 20).
        disable_gzip: Send request bodies uncompressed.
        disable_ssl: Skip TLS certificate verification.
        proxy: Proxy URL.
        follow_redirects: Follow HTTP redirects (default False).
        disable_pypi_version_check: Kept for compatibility (no check is ever made).
        silence_feature_preview_warnings: Silence warnings of alpha/beta features.
        event_loop: Kept for compatibility; the sync client runs its own loop thread.
        concurrency_settings: Per category limits on concurrent requests.

    Example:
        >>> from cognite.client import global_config
        >>> global_config.max_retries = 5
    """

    _VALIDATORS: dict[str, Any] = {}

    def __init__(self) -> None:
        self.default_client_config: ClientConfig | None = None
        self.disable_gzip = False
        self.disable_pypi_version_check = True
        self.status_forcelist: set[int] = {429, 502, 503, 504}
        self.max_retries = 10
        self.max_retries_connect = 3
        self.max_retry_backoff = 60
        self.max_connection_pool_size = 20
        self.disable_ssl = False
        self.proxy: str | None = None
        self.follow_redirects = False
        self.silence_feature_preview_warnings = False
        self.event_loop: Any = None
        self.max_workers = 5
        self.file_download_chunk_size: int | None = None
        self.file_upload_chunk_size: int | None = None
        self.concurrency_settings = ConcurrencySettings()

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("max_retries", "max_retries_connect", "max_retry_backoff"):
            _check_int(name, value, 0)
        elif name in ("max_connection_pool_size", "max_workers"):
            _check_int(name, value, 1)
        elif name in ("disable_gzip", "disable_ssl", "follow_redirects", "disable_pypi_version_check"):
            if not isinstance(value, bool):
                raise TypeError(f"{name} must be a bool, not {type(value).__name__}")
        elif name == "status_forcelist":
            if not isinstance(value, set | frozenset | list | tuple) or not all(
                isinstance(v, int) and 100 <= v <= 599 for v in value
            ):
                raise TypeError("status_forcelist must be a set of HTTP status codes (ints 100-599)")
            value = set(value)
        elif name == "proxy":
            if value is not None and not isinstance(value, str):
                raise TypeError(f"proxy must be a str or None, not {type(value).__name__}")
        elif name == "default_client_config":
            if value is not None and not isinstance(value, ClientConfig):
                raise TypeError(f"default_client_config must be a ClientConfig, not {type(value).__name__}")
        elif name == "concurrency_settings" and not isinstance(value, ConcurrencySettings):
            raise TypeError("concurrency_settings must be a ConcurrencySettings")
        object.__setattr__(self, name, value)

    def apply_settings(self, settings: dict[str, Any] | str) -> None:
        """Apply settings from a dict (or a JSON string); unknown keys raise.

        Args:
            settings: e.g. ``{"max_retries": 5, "default_client_config": {...}}``.

        Example:
            >>> from cognite.client import global_config
            >>> global_config.apply_settings({"max_retries": 3, "disable_gzip": True})
            >>> global_config.apply_settings({"max_retries": 10, "disable_gzip": False})
        """
        if isinstance(settings, str):
            settings = json.loads(settings)
        if not isinstance(settings, dict):
            raise TypeError(f"settings must be a dict, not {type(settings).__name__}")
        for key in settings:
            if key not in vars(self):
                raise ValueError(f"Unknown global_config setting {key!r}")
        for key, value in settings.items():
            if key == "default_client_config" and isinstance(value, dict):
                value = ClientConfig.load(value)
            setattr(self, key, value)

    def __repr__(self) -> str:
        shown = {k: v for k, v in vars(self).items() if k != "default_client_config"}
        return f"GlobalConfig({shown})"


global_config = GlobalConfig()


class ClientConfig:
    """Configuration of one client: project, where CDF is, credentials and timeouts.

    Args:
        client_name: A name for your application (sent as ``x-cdp-app``).
        project: The CDF project.
        credentials: A credential provider, such as :class:`~cognite.client.credentials.Token`.
        api_subversion: API subversion (sent as ``cdf-version``).
        base_url: The CDF base URL, e.g. ``https://westeurope-1.cognitedata.com``.
        cluster: The CDF cluster (``westeurope-1``); an alternative to ``base_url``.
        headers: Extra headers to send with every request.
        timeout: Request timeout in seconds (default 60).
        file_transfer_timeout: Timeout of file transfers in seconds (default 600).
        debug: Log every request at DEBUG level.

    Example:
        >>> from cognite.client import ClientConfig
        >>> from cognite.client.credentials import Token
        >>> cfg = ClientConfig(client_name="my-app", project="my-project", credentials=Token("abc"), cluster="westeurope-1")
        >>> cfg.base_url
        'https://westeurope-1.cognitedata.com'
    """

    def __init__(
        self,
        client_name: str,
        project: str,
        credentials: CredentialProvider,
        api_subversion: str | None = None,
        base_url: str | None = None,
        cluster: str | None = None,
        headers: dict[str, str] | None = None,
        timeout: int | float | None = None,
        file_transfer_timeout: int | float | None = None,
        debug: bool = False,
    ) -> None:
        if not isinstance(client_name, str) or not client_name:
            raise TypeError("client_name must be a non-empty str")
        if not isinstance(project, str) or not project:
            raise TypeError("project must be a non-empty str")
        if not isinstance(credentials, CredentialProvider):
            raise TypeError(
                f"credentials must be a CredentialProvider (e.g. Token(...)), not {type(credentials).__name__}"
            )
        if base_url is None and cluster is None:
            raise ValueError("Pass either base_url or cluster (e.g. cluster='westeurope-1')")
        if base_url is not None and cluster is not None:
            expected = f"https://{cluster}.cognitedata.com"
            if base_url.rstrip("/") != expected:
                raise ValueError(f"base_url {base_url!r} and cluster {cluster!r} disagree; pass one of them")
        if base_url is not None and not isinstance(base_url, str):
            raise TypeError("base_url must be a str")
        if cluster is not None and (not isinstance(cluster, str) or not re.fullmatch(r"[a-z0-9-]+", cluster)):
            raise ValueError(f"cluster must be a cluster name like 'westeurope-1', got {cluster!r}")
        if headers is not None and not isinstance(headers, dict):
            raise TypeError("headers must be a dict of str")
        for name, value in (("timeout", timeout), ("file_transfer_timeout", file_transfer_timeout)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int | float) or value <= 0):
                raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")
        self.client_name = client_name
        self.project = project
        self.credentials = credentials
        self.api_subversion = api_subversion
        self.base_url = (base_url or f"https://{cluster}.cognitedata.com").rstrip("/")
        self.headers = dict(headers or {})
        self.timeout = float(timeout) if timeout is not None else 60.0
        self.file_transfer_timeout = float(file_transfer_timeout) if file_transfer_timeout is not None else 600.0
        self.debug = bool(debug)
        if debug:
            from cognite.client._http import enable_debug_logging

            enable_debug_logging()

    @property
    def cdf_cluster(self) -> str | None:
        """The cluster name taken from the base URL, if it is a cognitedata.com URL."""
        m = re.match(r"https://([^./]+)\.cognitedata\.com", self.base_url)
        return m.group(1) if m else None

    @classmethod
    def default(
        cls, project: str, cdf_cluster: str, credentials: CredentialProvider, client_name: str | None = None
    ) -> ClientConfig:
        """Create a config for a project on a cluster with the default settings.

        Args:
            project: The CDF project.
            cdf_cluster: The cluster, e.g. ``westeurope-1``.
            credentials: The credential provider.
            client_name: A name for your application (default: your user name).

        Returns:
            The config.
        """
        return cls(
            client_name=client_name or _default_client_name(),
            project=project,
            credentials=credentials,
            cluster=cdf_cluster,
        )

    @classmethod
    def load(cls, config: dict[str, Any] | str) -> ClientConfig:
        """Load a config from a dict or a JSON string (snake_case or camelCase keys).

        Args:
            config: e.g. ``{"client_name": ..., "project": ..., "base_url": ..., "credentials": {"token": "abc"}}``.

        Returns:
            The config.
        """
        if isinstance(config, str):
            config = json.loads(config)
        if not isinstance(config, dict):
            raise TypeError(f"config must be a dict or a JSON string, not {type(config).__name__}")
        data = {_snake(k): v for k, v in config.items()}
        creds = data.get("credentials")
        if isinstance(creds, dict | str):
            data["credentials"] = CredentialProvider.load(creds)
        return cls(**data)

    def __repr__(self) -> str:
        return (
            f"ClientConfig(client_name={self.client_name!r}, project={self.project!r}, base_url={self.base_url!r}, "
            f"credentials={type(self.credentials).__name__}(...), timeout={self.timeout})"
        )


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _default_client_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:
        return "cognite-sdk-user"
