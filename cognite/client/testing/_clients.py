"""Helpers for users' own tests: clients wired to the emulator, and autospecced client mocks."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any
from unittest.mock import MagicMock, create_autospec, patch

if TYPE_CHECKING:
    from cognite.client._cognite_client import AsyncCogniteClient
    from cognite.client._sync_client import CogniteClient
    from cognite.client.testing._app import CDFEmulator

__all__ = [
    "AsyncCogniteClientMock",
    "CogniteClientMock",
    "async_emulated_client",
    "emulated_client",
    "flip_spec_set_on",
    "monkeypatch_async_cognite_client",
    "monkeypatch_cognite_client",
]


#: The project of ``emulated_client()`` and of the pytest fixtures, where seeding helpers put data by default.
DEFAULT_PROJECT = "emulated"


def _config(project: str, base_url: str, **config_kwargs: Any) -> Any:
    from cognite.client.config import ClientConfig
    from cognite.client.credentials import Token

    config_kwargs.setdefault("client_name", "emulated")
    config_kwargs.setdefault("credentials", Token("emulated-token"))
    return ClientConfig(project=project, base_url=base_url, **config_kwargs)


@contextlib.contextmanager
def emulated_client(
    project: str = DEFAULT_PROJECT,
    *,
    emulator: CDFEmulator | None = None,
    over_http: bool = False,
    seed: int | None = None,
    **config_kwargs: Any,
) -> Iterator[CogniteClient]:
    """A CogniteClient talking to a local CDF emulator (in-process by default, or over loopback HTTP).

    Args:
        project: The project name.
        emulator: An emulator to use (default: a fresh one).
        over_http: Serve the emulator with uvicorn on 127.0.0.1 and talk to it over real HTTP.
        seed: Seed of a fresh emulator.
        **config_kwargs: Other ClientConfig arguments (client_name, credentials, timeout, ...).

    Returns:
        A context manager yielding the client; connections are closed on exit.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes import AssetWrite
        >>> with emulated_client() as client:
        ...     _ = client.assets.create(AssetWrite(name="pump", external_id="pump"))
        ...     client.assets.retrieve(external_id="pump").name
        'pump'
    """
    from cognite.client._sync_client import CogniteClient
    from cognite.client.testing._app import CDFEmulator

    emu = emulator if emulator is not None else CDFEmulator(seed=seed)
    if over_http:
        with emu.serve() as server:
            client = CogniteClient(_config(project, server.url, **config_kwargs))
            try:
                yield client
            finally:
                client.close()
        return
    client = CogniteClient(_config(project, "http://emulator.local", **config_kwargs), transport=emu.transport())
    try:
        yield client
    finally:
        client.close()


@contextlib.asynccontextmanager
async def async_emulated_client(
    project: str = DEFAULT_PROJECT,
    *,
    emulator: CDFEmulator | None = None,
    over_http: bool = False,
    seed: int | None = None,
    **config_kwargs: Any,
) -> AsyncIterator[AsyncCogniteClient]:
    """An AsyncCogniteClient talking to a local CDF emulator (in-process by default, or over loopback HTTP).

    Args:
        project: The project name.
        emulator: An emulator to use (default: a fresh one).
        over_http: Serve the emulator on 127.0.0.1 and talk to it over real HTTP.
        seed: Seed of a fresh emulator.
        **config_kwargs: Other ClientConfig arguments.

    Returns:
        An async context manager yielding the client.

    Example:
        >>> import asyncio
        >>> from cognite.client.testing import async_emulated_client
        >>> async def main():
        ...     async with async_emulated_client() as client:
        ...         return len(await client.assets.list())
        >>> asyncio.run(main())
        0
    """
    from cognite.client._cognite_client import AsyncCogniteClient
    from cognite.client.testing._app import CDFEmulator

    emu = emulator if emulator is not None else CDFEmulator(seed=seed)
    if over_http:
        with emu.serve() as server:
            async with AsyncCogniteClient(_config(project, server.url, **config_kwargs)) as client:
                yield client
        return
    async with AsyncCogniteClient(
        _config(project, "http://emulator.local", **config_kwargs), transport=emu.transport()
    ) as client:
        yield client


def _api_attributes(cls: type) -> dict[str, str]:
    """Names of the lazily declared API attributes of a client or API class and their target classes."""
    from cognite.client._cognite_client import LazyAPI
    from cognite.client._sync import SyncLazyAPI

    out = {}
    for klass in reversed(cls.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, LazyAPI | SyncLazyAPI):
                out[name] = value.target
    return out


def _load(target: str) -> type:
    import importlib

    module, name = target.split(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


class CogniteClientMock(MagicMock):
    """A mock of CogniteClient whose APIs are autospecced (``spec_set``): unknown attributes raise.

    Args:
        *args: Passed to MagicMock.
        **kwargs: Passed to MagicMock.

    Example:
        >>> from cognite.client.testing import CogniteClientMock
        >>> client = CogniteClientMock()
        >>> client.assets.retrieve.return_value = None
        >>> client.assets.retrieve(id=1) is None
        True
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from cognite.client._sync_client import CogniteClient

        if "parent" in kwargs:
            super().__init__(*args, **kwargs)
            return
        super().__init__(*args, spec=CogniteClient, **kwargs)
        _populate(self, CogniteClient)


class AsyncCogniteClientMock(MagicMock):
    """A mock of AsyncCogniteClient whose APIs are autospecced; coroutine methods are AsyncMocks.

    Args:
        *args: Passed to MagicMock.
        **kwargs: Passed to MagicMock.

    Example:
        >>> import asyncio
        >>> from cognite.client.testing import AsyncCogniteClientMock
        >>> client = AsyncCogniteClientMock()
        >>> client.assets.retrieve.return_value = None
        >>> asyncio.run(client.assets.retrieve(id=1)) is None
        True
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from cognite.client._cognite_client import AsyncCogniteClient

        if "parent" in kwargs:
            super().__init__(*args, **kwargs)
            return
        super().__init__(*args, spec=AsyncCogniteClient, **kwargs)
        _populate(self, AsyncCogniteClient)


def _populate(mock: MagicMock, cls: type) -> None:
    for name, target in _api_attributes(cls).items():
        api_cls = _load(target)
        api_mock = create_autospec(api_cls, instance=True)
        _populate(api_mock, api_cls)
        setattr(mock, name, api_mock)
    mock._spec_set = True


@contextlib.contextmanager
def monkeypatch_cognite_client() -> Iterator[CogniteClientMock]:
    """Replace ``CogniteClient`` everywhere it is constructed by a :class:`CogniteClientMock`.

    Returns:
        A context manager yielding the mock that every ``CogniteClient(...)`` returns.

    Example:
        >>> from cognite.client import CogniteClient
        >>> from cognite.client.testing import monkeypatch_cognite_client
        >>> with monkeypatch_cognite_client() as mock:
        ...     mock.assets.list.return_value = []
        ...     CogniteClient().assets.list()
        []
    """
    mock = CogniteClientMock()
    with patch("cognite.client._sync_client.CogniteClient.__new__", lambda *a, **k: mock):
        yield mock


@contextlib.contextmanager
def monkeypatch_async_cognite_client() -> Iterator[AsyncCogniteClientMock]:
    """Replace ``AsyncCogniteClient`` everywhere it is constructed by an :class:`AsyncCogniteClientMock`.

    Returns:
        A context manager yielding the mock that every ``AsyncCogniteClient(...)`` returns.
    """
    mock = AsyncCogniteClientMock()
    with patch("cognite.client._cognite_client.AsyncCogniteClient.__new__", lambda *a, **k: mock):
        yield mock


@contextlib.contextmanager
def flip_spec_set_on(*mocked_apis: MagicMock) -> Iterator[None]:
    """Temporarily allow setting attributes that are not in the spec on the given mocks.

    Args:
        *mocked_apis: The mocked APIs.

    Returns:
        A context manager; the original ``spec_set`` is restored on exit.
    """
    before = [m._spec_set for m in mocked_apis]
    for m in mocked_apis:
        m._spec_set = None
    try:
        yield
    finally:
        for m, old in zip(mocked_apis, before, strict=True):
            m._spec_set = old
