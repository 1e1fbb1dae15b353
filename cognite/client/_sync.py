"""The sync bridge: one background event loop thread that runs the async code for the sync client.

- The loop starts lazily, on the first synchronous call, in a daemon thread.
- It works from any thread, including a thread that already runs an event loop (Jupyter), since the
  coroutine runs on the background loop, never on the caller's.
- After ``os.fork()`` the child starts its own loop on first use (the parent's thread does not exist there).
- Ctrl-C while waiting cancels the coroutine in flight and re-raises ``KeyboardInterrupt``.
- Async generators are turned into sync iterators that pull one item at a time (memory stays bounded).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import threading
from collections.abc import AsyncIterator, Coroutine, Iterator
from typing import Any, Generic, TypeVar, overload

__all__ = ["SyncIterator", "SyncLazyAPI", "get_loop", "run_sync"]

T = TypeVar("T")


class _LoopThread:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._pid = os.getpid()

    def get(self) -> asyncio.AbstractEventLoop:
        loop = self._loop
        if loop is not None and self._pid == os.getpid():
            return loop
        with self._lock:
            if self._loop is None or self._pid != os.getpid():
                self._start()
            assert self._loop is not None
            return self._loop

    def _start(self) -> None:
        loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)
            loop.call_soon(ready.set)
            loop.run_forever()

        thread = threading.Thread(target=run, name="cognite-sdk-event-loop", daemon=True)
        thread.start()
        ready.wait()
        self._loop, self._thread, self._pid = loop, thread, os.getpid()

    def reset_after_fork(self) -> None:
        # The thread does not exist in the child; forget the loop (never touch the parent's objects).
        self._lock = threading.Lock()
        self._loop = None
        self._thread = None
        self._pid = os.getpid()

    @property
    def thread(self) -> threading.Thread | None:
        return self._thread


_LOOP = _LoopThread()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_LOOP.reset_after_fork)


def get_loop() -> asyncio.AbstractEventLoop:
    """Return the background event loop of the sync bridge, starting it if needed."""
    return _LOOP.get()


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine on the background loop and wait for its result.

    Args:
        coro: The coroutine to run.

    Returns:
        The coroutine's result; its exception is raised here.
    """
    loop = _LOOP.get()
    if threading.current_thread() is _LOOP.thread:
        coro.close()
        raise RuntimeError("The synchronous CogniteClient cannot be called from its own event loop thread")
    future = asyncio.run_coroutine_threadsafe(coro, loop)
    try:
        return future.result()
    except (KeyboardInterrupt, SystemExit):
        future.cancel()
        with contextlib.suppress(concurrent.futures.CancelledError, concurrent.futures.TimeoutError, Exception):
            future.result(timeout=5)
        raise


class SyncIterator(Iterator[T]):
    """A sync iterator over an async iterator, pulling one item at a time through the bridge.

    Args:
        agen: The async iterator (usually an async generator) to drive.
    """

    def __init__(self, agen: AsyncIterator[T]) -> None:
        self._agen = agen
        self._done = False

    def __iter__(self) -> SyncIterator[T]:
        return self

    def __next__(self) -> T:
        if self._done:
            raise StopIteration
        try:
            return run_sync(_anext(self._agen))
        except StopAsyncIteration:
            self._done = True
            raise StopIteration from None
        except BaseException:
            self._done = True
            raise

    def close(self) -> None:
        """Stop the iteration and release what the async generator holds."""
        if not self._done:
            self._done = True
            aclose = getattr(self._agen, "aclose", None)
            if aclose is not None:
                run_sync(aclose())

    def __del__(self) -> None:
        if not self._done and _LOOP._pid == os.getpid():
            with contextlib.suppress(Exception):
                self.close()


async def _anext(agen: AsyncIterator[T]) -> T:
    return await agen.__anext__()


class SyncLazyAPI(Generic[T]):
    """Declares a sync API family on the sync client (or a sync sub-API); built on first use.

    It wraps the async API object of the same name on the wrapped async object.

    Args:
        target: ``"module.path:ClassName"`` of the sync API class.
    """

    def __init__(self, target: str) -> None:
        self.target = target
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> SyncLazyAPI[T]: ...
    @overload
    def __get__(self, obj: object, objtype: type | None = None) -> T: ...
    def __get__(self, obj: object | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        import importlib

        module_name, cls_name = self.target.split(":")
        cls = getattr(importlib.import_module(module_name), cls_name)
        inner = getattr(obj, "_async_client", None) or obj._async_api  # type: ignore[attr-defined]
        instance = cls(getattr(inner, self.name))
        obj.__dict__[self.name] = instance
        return instance
