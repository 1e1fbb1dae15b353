"""Run the emulator over real HTTP with uvicorn, in a background thread (for end-to-end tests and benchmarks)."""

from __future__ import annotations

import asyncio
import socket
import threading
from types import TracebackType
from typing import Any

from cognite.client.testing._app import TRANSPORT_EXTENSION, CDFEmulator

__all__ = ["EmulatorServer", "protocol_class"]

_PROTOCOL: type[asyncio.Protocol] | None = None


def protocol_class() -> type[asyncio.Protocol]:
    """Return uvicorn's HTTP protocol (httptools if installed, else h11) extended to pass its socket transport
    to the app, so that the emulator can drop a connection without a response (an injected reset).

    Returns:
        The protocol class for ``uvicorn.Config(http=...)``.
    """
    global _PROTOCOL
    if _PROTOCOL is not None:
        return _PROTOCOL
    base: type[Any]
    try:
        import httptools  # noqa: F401
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol as base
    except ImportError:
        from uvicorn.protocols.http.h11_impl import H11Protocol as base

    class EmulatorHTTPProtocol(base):  # type: ignore[misc, valid-type]
        """uvicorn's protocol with the connection's transport in ``scope["extensions"]``."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            inner: Any = self.app  # type: ignore[has-type]

            async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
                scope.setdefault("extensions", {})[TRANSPORT_EXTENSION] = self.transport
                await inner(scope, receive, send)

            self.app = app

    _PROTOCOL = EmulatorHTTPProtocol
    return _PROTOCOL


class EmulatorServer:
    """An emulator served by uvicorn on a loopback port in a background thread; a context manager.

    Args:
        emulator: The emulator (default: a new one).
        host: The interface to bind (loopback by default).
        port: The port (0: pick a free one).
        log_level: uvicorn's log level.
        **config: More arguments for ``uvicorn.Config``.
    """

    def __init__(
        self,
        emulator: CDFEmulator | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        log_level: str = "warning",
        **config: Any,
    ) -> None:
        self.emulator = emulator if emulator is not None else CDFEmulator()
        self.host = host
        self._requested_port = port
        self.port = port
        self._log_level = log_level
        self._config = config
        self._server: Any = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None

    @property
    def url(self) -> str:
        """The base URL, e.g. ``http://127.0.0.1:53211``."""
        return f"http://{self.host}:{self.port}"

    def project_url(self, project: str) -> str:
        """The API base URL of a project.

        Args:
            project: The project name.

        Returns:
            ``{url}/api/v1/projects/{project}``.
        """
        return f"{self.url}/api/v1/projects/{project}"

    def start(self, timeout: float = 10.0) -> EmulatorServer:
        """Bind the port and start serving; returns once the server accepts connections.

        Args:
            timeout: Seconds to wait for startup.

        Returns:
            self.
        """
        import uvicorn

        if self._thread is not None:
            raise RuntimeError("The server is already running")
        # IPPROTO_TCP explicitly: asyncio only sets TCP_NODELAY on accepted sockets whose proto is TCP (with proto
        # 0, Nagle + delayed ACK add ~40 ms to every response).
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self._requested_port))
        sock.listen(1024)
        self._socket = sock
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.emulator.app,
            http=protocol_class(),
            log_level=self._log_level,
            access_log=False,
            lifespan="off",
            ws="none",
            **self._config,
        )
        self._server = uvicorn.Server(config)
        self._server.install_signal_handlers = lambda: None  # not the main thread
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="cdf-emulator", daemon=True
        )
        self._thread.start()
        started = threading.Event()

        def wait() -> None:
            while not self._server.started and self._thread is not None and self._thread.is_alive():
                started.wait(0.01)

        waiter = threading.Thread(target=wait, daemon=True)
        waiter.start()
        waiter.join(timeout)
        if not self._server.started:
            self.stop()
            raise RuntimeError("The emulator server did not start")
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving and wait for the thread to end.

        Args:
            timeout: Seconds to wait.
        """
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None
        self._server = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None

    def __enter__(self) -> EmulatorServer:
        if self._thread is None:
            self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
