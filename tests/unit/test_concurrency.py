"""The bounded executor: order, bounds, outcome classification and structured cancellation."""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client._concurrency import TaskResult, execute, raise_if_failed
from cognite.client.data_classes import AssetWrite
from cognite.client.exceptions import (
    CogniteAPIError,
    CogniteConnectionError,
    CogniteConnectionRefused,
    CogniteDuplicatedError,
    CogniteNotFoundError,
    CogniteReadTimeout,
)


def returning(value: Any, delay: float = 0.0) -> Callable[[], Awaitable[Any]]:
    async def run() -> Any:
        await asyncio.sleep(delay)
        return value

    return run


def raising(exc: BaseException, delay: float = 0.0) -> Callable[[], Awaitable[Any]]:
    async def run() -> Any:
        await asyncio.sleep(delay)
        raise exc

    return run


@pytest.fixture
async def loop_errors() -> AsyncIterator[list[dict[str, Any]]]:
    """Everything reported to the loop's exception handler or the unraisable hook (e.g. "never retrieved")."""
    seen: list[dict[str, Any]] = []
    loop = asyncio.get_running_loop()
    previous_handler = loop.get_exception_handler()
    previous_hook = sys.unraisablehook
    loop.set_exception_handler(lambda _loop, context: seen.append(context))
    sys.unraisablehook = lambda unraisable: seen.append({"unraisable": unraisable.exc_value})
    try:
        yield seen
    finally:
        gc.collect()
        loop.set_exception_handler(previous_handler)
        sys.unraisablehook = previous_hook


# ---------------------------------------------------------------------------------------------- execute


class TestExecute:
    async def test_results_in_input_order(self) -> None:
        delays = [0.03, 0.0, 0.02, 0.005, 0.01, 0.0, 0.025]
        outcome = await execute([returning(i, d) for i, d in enumerate(delays)], max_workers=4)
        assert outcome.values() == list(range(len(delays)))
        assert not outcome.failed

    async def test_empty(self) -> None:
        outcome = await execute([], max_workers=3)
        assert outcome.values() == []
        assert not outcome.failed

    @pytest.mark.parametrize("max_workers, n", [(1, 5), (3, 10), (5, 5), (8, 3)])
    async def test_bounded(self, max_workers: int, n: int) -> None:
        running = 0
        peak = 0

        def task(i: int) -> Callable[[], Awaitable[int]]:
            async def run() -> int:
                nonlocal running, peak
                running += 1
                peak = max(peak, running)
                await asyncio.sleep(0.01)
                running -= 1
                return i

            return run

        outcome = await execute([task(i) for i in range(n)], max_workers=max_workers)
        assert peak == min(max_workers, n)
        assert outcome.values() == list(range(n))

    async def test_errors_collected_not_raised_and_others_run(self) -> None:
        boom = ValueError("boom")
        outcome = await execute([returning(1), raising(boom), returning(3, 0.01)], max_workers=2)
        assert outcome.failed
        assert outcome.errors == [None, boom, None]
        assert outcome.results == [1, None, 3]

    async def test_single_task_error_collected(self) -> None:
        boom = ValueError("boom")
        outcome = await execute([raising(boom)], max_workers=2)
        assert outcome.errors == [boom]


# ---------------------------------------------------------------------------------------------- raise_if_failed


def api_error(code: int, **kwargs: Any) -> CogniteAPIError:
    return CogniteAPIError(f"status {code}", code, x_request_id=f"r{code}", **kwargs)


class TestRaiseIfFailed:
    def test_nothing_raised_when_all_succeeded(self) -> None:
        raise_if_failed(TaskResult([1, 2], [None, None]), [["a"], ["b"]])

    def test_classification_is_exact(self) -> None:
        errors: list[BaseException | None] = [
            None,
            api_error(400),
            api_error(503),
            None,
            CogniteReadTimeout("slow"),
            CogniteConnectionError("dropped"),
            api_error(409),
            api_error(500),
            CogniteConnectionRefused("refused"),
        ]
        items = [[f"i{k}a", f"i{k}b"] for k in range(len(errors))]
        with pytest.raises(CogniteAPIError) as exc:
            raise_if_failed(TaskResult([None] * len(errors), errors), items)
        err = exc.value
        assert err is errors[1]  # the first error in input order
        assert err.successful == ["i0a", "i0b", "i3a", "i3b"]
        assert err.failed == ["i1a", "i1b", "i6a", "i6b", "i8a", "i8b"]
        assert err.unknown == ["i2a", "i2b", "i4a", "i4b", "i5a", "i5b", "i7a", "i7b"]
        text = str(err)
        assert "status 400" in text

    def test_non_api_first_error_keeps_type_and_gets_outcome(self) -> None:
        timeout = CogniteReadTimeout("slow")
        errors: list[BaseException | None] = [timeout, None, api_error(400)]
        with pytest.raises(CogniteReadTimeout) as exc:
            raise_if_failed(TaskResult([None, 1, None], errors), [[1], [2], [3]])
        assert exc.value is timeout
        assert exc.value.successful == [2]  # type: ignore[attr-defined]
        assert exc.value.failed == [3]  # type: ignore[attr-defined]
        assert exc.value.unknown == [1]  # type: ignore[attr-defined]

    def test_missing_and_duplicated_merged(self) -> None:
        errors: list[BaseException | None] = [
            CogniteNotFoundError("nf", 400, missing=[{"id": 1}]),
            None,
            CogniteNotFoundError("nf", 400, missing=[{"id": 7}]),
            CogniteDuplicatedError("dup", 409, duplicated=[{"externalId": "x"}]),
        ]
        with pytest.raises(CogniteNotFoundError) as exc:
            raise_if_failed(TaskResult([None] * 4, errors), [[{"id": 1}], [{"id": 2}], [{"id": 7}], [{"id": 8}]])
        assert exc.value.not_found == [{"id": 1}, {"id": 7}]
        assert exc.value.duplicated == [{"externalId": "x"}]
        assert exc.value.successful == [{"id": 2}]
        assert exc.value.failed == [{"id": 1}, {"id": 7}, {"id": 8}]

    def test_unwrap(self) -> None:
        errors: list[BaseException | None] = [None, api_error(400)]
        with pytest.raises(CogniteAPIError) as exc:
            raise_if_failed(
                TaskResult([None, None], errors),
                [[{"id": 1}], [{"externalId": "b"}]],
                unwrap=lambda d: next(iter(d.values())),
            )
        assert exc.value.successful == [1]
        assert exc.value.failed == ["b"]


# ---------------------------------------------------------------------------------------------- cancellation


class TestCancellation:
    async def test_cancelling_the_caller_cancels_in_flight_tasks(self, loop_errors: list[dict[str, Any]]) -> None:
        started: list[int] = []
        cancelled: list[int] = []
        finished: list[int] = []
        all_started = asyncio.Event()

        def task(i: int) -> Callable[[], Awaitable[int]]:
            async def run() -> int:
                started.append(i)
                if len(started) == 3:
                    all_started.set()
                try:
                    await asyncio.sleep(10)
                except asyncio.CancelledError:
                    cancelled.append(i)
                    raise
                finished.append(i)
                return i

            return run

        caller = asyncio.create_task(execute([task(i) for i in range(10)], max_workers=3))
        await asyncio.wait_for(all_started.wait(), 1)
        caller.cancel()
        with pytest.raises(asyncio.CancelledError):
            await caller
        assert sorted(started) == [0, 1, 2]  # no new task was started after the cancellation
        assert sorted(cancelled) == [0, 1, 2]
        assert finished == []
        assert asyncio.all_tasks() == {asyncio.current_task()}
        await asyncio.sleep(0)
        gc.collect()
        assert loop_errors == []

    async def test_timeout_around_execute_leaves_nothing_running(self, loop_errors: list[dict[str, Any]]) -> None:
        tasks = [returning(i, 0.0) for i in range(3)] + [returning(i, 10) for i in range(3, 8)]
        tasks.append(raising(ValueError("late"), 0.001))
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(execute(tasks, max_workers=4), 0.05)
        assert asyncio.all_tasks() == {asyncio.current_task()}
        await asyncio.sleep(0)
        gc.collect()
        assert loop_errors == []

    async def test_failing_and_cancelled_tasks_leave_no_unretrieved_exception(
        self, loop_errors: list[dict[str, Any]]
    ) -> None:
        async def fail_soon() -> None:
            await asyncio.sleep(0)
            raise RuntimeError("failed while the caller was being cancelled")

        caller = asyncio.create_task(execute([fail_soon, returning(1, 10), fail_soon, returning(2, 10)], 4))
        await asyncio.sleep(0.01)
        caller.cancel()
        with pytest.raises(asyncio.CancelledError):
            await caller
        assert asyncio.all_tasks() == {asyncio.current_task()}
        del caller
        gc.collect()
        await asyncio.sleep(0)
        assert loop_errors == []

    async def test_cancelling_a_chunked_create_cancels_its_requests(
        self, make_fake_cdf: Any, config: Any, loop_errors: list[dict[str, Any]]
    ) -> None:
        fake = make_fake_cdf(delay=10)
        client = AsyncCogniteClient(config, transport=fake.transport)
        items = [AssetWrite(name=f"n{i}", external_id=f"x{i}") for i in range(2500)]
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(client.assets.create(items), 0.3)
        assert len(fake.requests) == 3  # all three chunks were in flight
        assert fake.in_flight == 0  # and every one of them was cancelled
        assert fake.assets == {}
        assert asyncio.all_tasks() == {asyncio.current_task()}
        gc.collect()
        await asyncio.sleep(0)
        assert loop_errors == []

    async def test_no_new_task_starts_after_cancellation_even_if_a_task_swallows_it(self) -> None:
        started: list[int] = []

        def task(i: int) -> Callable[[], Awaitable[int]]:
            async def run() -> int:
                started.append(i)
                if i < 2:
                    try:
                        await asyncio.sleep(10)
                    except asyncio.CancelledError:
                        raise RuntimeError("cleanup failed while cancelled") from None
                return i

            return run

        caller = asyncio.create_task(execute([task(i) for i in range(6)], max_workers=2))
        await asyncio.sleep(0.01)
        caller.cancel()
        with pytest.raises(asyncio.CancelledError):
            await caller
        assert started == [0, 1]
