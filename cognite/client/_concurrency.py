"""The one bounded, order-preserving task executor.

Every fan-out (chunks of a create, partitions of a list, many retrieves) goes through :func:`execute`.
It runs at most ``max_workers`` tasks at a time, keeps results in input order, and never leaves a task
running: if the caller is cancelled, the tasks in flight are cancelled and awaited before the
cancellation propagates. On failure it raises one error that says what happened to every item:
``successful`` (done), ``failed`` (known not done), ``unknown`` (may or may not have been done).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

from cognite.client.exceptions import (
    CogniteAPIError,
    CogniteConnectionRefused,
    CogniteFileUploadError,
    CogniteMultiException,
)

__all__ = ["TaskResult", "execute", "raise_if_failed"]

T = TypeVar("T")


class TaskResult(Generic[T]):
    """The outcome of every task, in input order.

    Args:
        results: Result per task (None where it failed).
        errors: Exception per task (None where it succeeded).
    """

    def __init__(self, results: list[T | None], errors: list[BaseException | None]) -> None:
        self.results = results
        self.errors = errors

    @property
    def failed(self) -> bool:
        """True if any task failed."""
        return any(e is not None for e in self.errors)

    def values(self) -> list[T]:
        """The results (only valid when nothing failed)."""
        return self.results  # type: ignore[return-value]


async def execute(tasks: Sequence[Callable[[], Awaitable[T]]], max_workers: int) -> TaskResult[T]:
    """Run tasks with at most ``max_workers`` at a time; collect every result and error in input order.

    Args:
        tasks: Zero-argument async callables.
        max_workers: Maximum concurrent tasks.

    Returns:
        A :class:`TaskResult`; errors are collected, not raised (see :func:`raise_if_failed`).
    """
    n = len(tasks)
    results: list[T | None] = [None] * n
    errors: list[BaseException | None] = [None] * n
    if n == 0:
        return TaskResult(results, errors)
    if n == 1:
        try:
            results[0] = await tasks[0]()
        except Exception as exc:
            errors[0] = exc
        return TaskResult(results, errors)

    indexes = iter(range(n))
    stopped = False

    async def worker() -> None:
        for i in indexes:
            if stopped:
                return
            try:
                results[i] = await tasks[i]()
            except Exception as exc:
                errors[i] = exc

    workers = [asyncio.ensure_future(worker()) for _ in range(min(max_workers, n))]
    try:
        # wait (not gather): the caller's cancellation reaches this frame first, so no worker takes a new task.
        await asyncio.wait(workers)
    except BaseException:
        stopped = True
        for w in workers:
            w.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        raise
    for w in workers:
        w.result()  # re-raise what a worker could not handle (KeyboardInterrupt, SystemExit)
    return TaskResult(results, errors)


def _is_definitive_failure(exc: BaseException) -> bool:
    """True when the error proves the request was not carried out."""
    if isinstance(exc, CogniteAPIError):
        return exc.code < 500
    if isinstance(exc, CogniteFileUploadError):  # the storage host refused the content
        return exc.code is not None and exc.code < 500
    return isinstance(exc, CogniteConnectionRefused)


def raise_if_failed(
    outcome: TaskResult[Any],
    items_per_task: Sequence[Sequence[Any]],
    unwrap: Callable[[Any], Any] = lambda x: x,
) -> None:
    """Raise one error describing every item's outcome, if any task failed.

    The first error (in input order) is raised, with ``successful``, ``failed`` and ``unknown`` filled in
    (and ``missing``/``duplicated`` merged from every failed task).

    Args:
        outcome: The executor's result.
        items_per_task: The items each task carried.
        unwrap: Turns an item into what the error reports (e.g. an identifier).
    """
    if not outcome.failed:
        return
    successful: list[Any] = []
    failed: list[Any] = []
    unknown: list[Any] = []
    missing: list[Any] = []
    duplicated: list[Any] = []
    first: BaseException | None = None
    for err, items in zip(outcome.errors, items_per_task, strict=True):
        reported = [unwrap(x) for x in items]
        if err is None:
            successful.extend(reported)
            continue
        if first is None:
            first = err
        (failed if _is_definitive_failure(err) else unknown).extend(reported)
        if isinstance(err, CogniteAPIError):
            missing.extend(err.missing or [])
            duplicated.extend(err.duplicated or [])
    assert first is not None
    if isinstance(first, CogniteAPIError):
        if missing:
            first.missing = missing
        if duplicated:
            first.duplicated = duplicated
    if isinstance(first, CogniteMultiException):
        first.successful, first.failed, first.unknown = successful, failed, unknown
        if isinstance(first, CogniteAPIError):
            first.args = (str(first),)
    else:
        # Non-API errors (connection, timeouts) keep their type; the outcome is attached all the same.
        first.successful = successful  # type: ignore[attr-defined]
        first.failed = failed  # type: ignore[attr-defined]
        first.unknown = unknown  # type: ignore[attr-defined]
        first.skipped = []  # type: ignore[attr-defined]
    raise first


class AsyncSDKTask(Generic[T]):
    """A deferred call of an async function, scheduled on the running loop when asked.

    Args:
        fn: The async function.
        *args: Its positional arguments.
        **kwargs: Its keyword arguments.
    """

    def __init__(self, fn: Callable[..., Awaitable[T]], *args: Any, **kwargs: Any) -> None:
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self._task: asyncio.Task[T] | None = None

    def async_task(self) -> Awaitable[T]:
        """Return the awaitable of the call."""
        return self.fn(*self.args, **self.kwargs)

    def schedule(self) -> asyncio.Task[T]:
        """Start the call as a task on the running loop."""
        if self._task is None:
            self._task = asyncio.ensure_future(self.async_task())
        return self._task

    def cancelled(self) -> bool:
        """True if the scheduled task was cancelled."""
        return self._task is not None and self._task.cancelled()

    def exception(self) -> BaseException | None:
        """The exception of the finished task, if any."""
        return self._task.exception() if self._task is not None and self._task.done() else None

    def result(self) -> T:
        """The result of the finished task."""
        if self._task is None or not self._task.done():
            raise RuntimeError("The task has not finished")
        return self._task.result()
