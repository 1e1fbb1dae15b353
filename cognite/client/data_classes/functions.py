"""Cognite Functions: functions, their calls (with responses and logs), schedules, limits and activation status.

Example:
    >>> from cognite.client.data_classes.functions import FunctionScheduleWrite, FunctionWrite
    >>> FunctionWrite("hello", file_id=7, env_vars={"MODE": "test"}).dump()
    {'name': 'hello', 'fileId': 7, 'envVars': {'MODE': 'test'}}
    >>> FunctionScheduleWrite("hourly", "0 * * * *", function_id=3, data={"x": 1}).dump(camel_case=False)
    {'name': 'hourly', 'cron_expression': '0 * * * *', 'function_id': 3, 'data': {'x': 1}}
"""

from __future__ import annotations

import asyncio
from typing import Any, Literal, Protocol

from cognite.client._sync import run_sync
from cognite.client.data_classes._base import (
    CogniteFilter,
    CogniteResource,
    CogniteResourceList,
    CogniteResourceWithClientRef,
    ExternalIDTransformerMixin,
    IdTransformerMixin,
    InternalIdTransformerMixin,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    WriteableCogniteResourceWithClientRef,
)
from cognite.client.data_classes.shared import TimestampRange

__all__ = [
    "Backoff",
    "CogniteFilter",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteResourceWithClientRef",
    "ExternalIDTransformerMixin",
    "Function",
    "FunctionCall",
    "FunctionCallList",
    "FunctionCallLog",
    "FunctionCallLogEntry",
    "FunctionCallStatus",
    "FunctionCallsFilter",
    "FunctionCore",
    "FunctionFilter",
    "FunctionHandle",
    "FunctionList",
    "FunctionSchedule",
    "FunctionScheduleCore",
    "FunctionScheduleWrite",
    "FunctionScheduleWriteList",
    "FunctionSchedulesFilter",
    "FunctionSchedulesList",
    "FunctionStatus",
    "FunctionWrite",
    "FunctionWriteList",
    "FunctionsLimits",
    "FunctionsStatus",
    "IdTransformerMixin",
    "InternalIdTransformerMixin",
    "TimestampRange",
    "WriteableCogniteResourceList",
    "WriteableCogniteResourceWithClientRef",
]

FunctionStatus = Literal["Queued", "Deploying", "Ready", "Failed"]
FunctionCallStatus = Literal["Running", "Completed", "Failed", "Timeout"]
#: The arguments a function's ``handle`` may take (by name, in any order).
HANDLE_ARGS = frozenset({"data", "client", "secrets", "function_call_info"})


class FunctionHandle(Protocol):
    """The ``handle`` function of a Cognite Function: takes any of ``data``, ``client``, ``secrets`` and
    ``function_call_info`` (by name) and returns something JSON-serializable."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any: ...


class Backoff:
    """Waiting times that grow exponentially, for polling (e.g. waiting for a function call to finish).

    Each ``next()`` gives the next wait in seconds: ``multiplier * base ** n``, at least ``min_wait`` and at most
    ``max_wait``.

    Args:
        multiplier: The first wait (before ``min_wait``/``max_wait``).
        max_wait: The longest wait.
        base: The growth factor.
        min_wait: The shortest wait.

    Example:
        >>> from cognite.client.data_classes.functions import Backoff
        >>> backoff = Backoff(multiplier=0.5, max_wait=3, base=2)
        >>> [next(backoff) for _ in range(5)]
        [0.5, 1.0, 2.0, 3, 3]
    """

    def __init__(self, multiplier: float = 0.1, max_wait: float = 10.0, base: float = 2.0, min_wait: float = 0.0):
        if multiplier <= 0 or base < 1 or max_wait < min_wait or min_wait < 0:
            raise ValueError("Backoff needs multiplier > 0, base >= 1 and 0 <= min_wait <= max_wait")
        self.multiplier = multiplier
        self.max_wait = max_wait
        self.base = base
        self.min_wait = min_wait
        self._n = 0

    def __iter__(self) -> Backoff:
        return self

    def __next__(self) -> float:
        wait = self.multiplier * self.base**self._n
        self._n += 1
        return min(self.max_wait, max(self.min_wait, wait))

    def has_progressed(self) -> bool:
        """Whether any wait has been handed out since the start (or the last reset)."""
        return self._n > 0

    def reset(self) -> None:
        """Start over from the first wait."""
        self._n = 0


def _refresh(target: Any, source: Any) -> None:
    """Copy every field of ``source`` into ``target`` (same class), keeping the client reference."""
    for name in target.__struct_fields__:
        setattr(target, name, getattr(source, name))


# ---------------------------------------------------------------------------------------------- functions


class FunctionCore(WriteableCogniteResource["FunctionWrite"]):
    """Base of the read and write forms of a function (holds no fields of its own)."""


class Function(FunctionCore):
    """A function as read from CDF: Python code (a zip file in CDF Files) with a ``handle`` that CDF can call.

    Args:
        id: The internal id.
        created_time: When it was created (ms since epoch).
        name: The name.
        status: Deployment status: "Queued", "Deploying", "Ready" or "Failed".
        file_id: The id of the zip file holding the code.
        external_id: The external id.
        description: A description.
        owner: The owner (e.g. an email address).
        function_path: The path of the file with ``handle`` inside the zip (default ``handler.py``).
        secrets: The secrets (values scrambled as ``***``).
        env_vars: Environment variables of the function.
        cpu: CPU cores per call.
        memory: Memory per call, in GB.
        runtime: The Python runtime, e.g. "py312".
        runtime_version: The full Python version, e.g. "Python 3.12.4".
        metadata: Custom string key-value pairs.
        error: Why deployment failed (``{"message", "trace"}``), when it did.
        last_called: When it was last called (ms since epoch).
        index_url: The package index requirements were installed from.
        extra_index_urls: Further package indexes.

    Example:
        >>> from cognite.client.data_classes.functions import Function
        >>> Function.load({"id": 1, "name": "f", "fileId": 2, "status": "Ready", "createdTime": 0}).as_write()
        FunctionWrite(name='f', file_id=2)
    """

    _NEEDS_CLIENT = True

    id: int | None = None
    created_time: int | None = None
    name: str | None = None
    status: str | None = None
    file_id: int | None = None
    external_id: str | None = None
    description: str | None = None
    owner: str | None = None
    function_path: str | None = None
    secrets: dict[str, str] | None = None
    env_vars: dict[str, str] | None = None
    cpu: float | None = None
    memory: float | None = None
    runtime: str | None = None
    runtime_version: str | None = None
    metadata: dict[str, str] | None = None
    error: dict[str, Any] | None = None
    last_called: int | None = None
    index_url: str | None = None
    extra_index_urls: list[str] | None = None

    def as_write(self) -> FunctionWrite:
        """Return the write form of this function (secrets are left out: CDF answers them scrambled)."""
        if self.name is None or self.file_id is None:
            raise ValueError("name and file_id are required to turn a Function into a FunctionWrite")
        return FunctionWrite(
            name=self.name,
            file_id=self.file_id,
            external_id=self.external_id,
            description=self.description,
            owner=self.owner,
            function_path=self.function_path,
            env_vars=self.env_vars,
            cpu=self.cpu,
            memory=self.memory,
            runtime=self.runtime,
            metadata=self.metadata,
            index_url=self.index_url,
            extra_index_urls=self.extra_index_urls,
        )

    def _require_id(self) -> int:
        if self.id is None:
            raise ValueError("This function has no id")
        return self.id

    async def call_async(
        self, data: dict[str, Any] | None = None, wait: bool = True, nonce: str | None = None
    ) -> FunctionCall:
        """Call this function.

        Args:
            data: Input passed to ``handle`` as ``data``.
            wait: Wait until the call has finished.
            nonce: A session nonce to run the call with (default: a new one-shot session).

        Returns:
            The call.
        """
        return await self._get_client().functions.call(id=self._require_id(), data=data, wait=wait, nonce=nonce)

    def call(self, data: dict[str, Any] | None = None, wait: bool = True, nonce: str | None = None) -> FunctionCall:
        """Call this function (sync form of ``call_async``)."""
        return run_sync(self.call_async(data, wait, nonce))

    async def list_calls_async(
        self,
        status: str | None = None,
        schedule_id: int | None = None,
        start_time: dict[str, int] | TimestampRange | None = None,
        end_time: dict[str, int] | TimestampRange | None = None,
        limit: int | None = 25,
    ) -> FunctionCallList:
        """List the calls of this function.

        Args:
            status: Only calls with this status.
            schedule_id: Only calls made by this schedule.
            start_time: Range of start times (ms).
            end_time: Range of end times (ms).
            limit: Maximum number of calls (None: all).

        Returns:
            The calls.
        """
        return await self._get_client().functions.calls.list(
            function_id=self._require_id(), status=status, schedule_id=schedule_id, start_time=start_time,
            end_time=end_time, limit=limit,
        )  # fmt: skip

    def list_calls(
        self,
        status: str | None = None,
        schedule_id: int | None = None,
        start_time: dict[str, int] | TimestampRange | None = None,
        end_time: dict[str, int] | TimestampRange | None = None,
        limit: int | None = 25,
    ) -> FunctionCallList:
        """List the calls of this function (sync form of ``list_calls_async``)."""
        return run_sync(self.list_calls_async(status, schedule_id, start_time, end_time, limit))

    async def list_schedules_async(self, limit: int | None = 25) -> FunctionSchedulesList:
        """List the schedules of this function.

        Args:
            limit: Maximum number of schedules (None: all).

        Returns:
            The schedules.
        """
        return await self._get_client().functions.schedules.list(function_id=self._require_id(), limit=limit)

    def list_schedules(self, limit: int | None = 25) -> FunctionSchedulesList:
        """List the schedules of this function (sync form of ``list_schedules_async``)."""
        return run_sync(self.list_schedules_async(limit))

    async def retrieve_call_async(self, id: int) -> FunctionCall | None:
        """Retrieve one call of this function.

        Args:
            id: The call id.

        Returns:
            The call, or None if it does not exist.
        """
        return await self._get_client().functions.calls.retrieve(call_id=id, function_id=self._require_id())

    def retrieve_call(self, id: int) -> FunctionCall | None:
        """Retrieve one call of this function (sync form of ``retrieve_call_async``)."""
        return run_sync(self.retrieve_call_async(id))

    async def update_async(self) -> None:
        """Refresh this object with the function's current state in CDF (e.g. its deployment status)."""
        latest = await self._get_client().functions.retrieve(id=self._require_id())
        if latest is None:
            raise ValueError(f"The function {self.id} no longer exists")
        _refresh(self, latest)

    def update(self) -> None:
        """Refresh this object with the function's current state in CDF (sync form of ``update_async``)."""
        run_sync(self.update_async())


class FunctionWrite(FunctionCore):
    """A function to create, from code already uploaded as a zip file (see ``client.functions.create`` for creating
    from a folder or a Python function).

    Args:
        name: The name.
        file_id: The id of the zip file holding the code.
        external_id: The external id.
        description: A description.
        owner: The owner.
        function_path: The path of the file with ``handle`` inside the zip (CDF default ``handler.py``).
        secrets: Secrets (lower-case keys of at most 15 characters; at most 30).
        env_vars: Environment variables (at most 100).
        cpu: CPU cores per call.
        memory: Memory per call, in GB.
        runtime: The Python runtime: "py310", "py311", "py312" or "py313".
        metadata: Custom string key-value pairs.
        index_url: The package index to install requirements from.
        extra_index_urls: Further package indexes.

    Example:
        >>> from cognite.client.data_classes.functions import FunctionWrite
        >>> FunctionWrite("f", 1, function_path="src/main.py").dump(camel_case=False)
        {'name': 'f', 'file_id': 1, 'function_path': 'src/main.py'}
    """

    name: str
    file_id: int
    external_id: str | None = None
    description: str | None = None
    owner: str | None = None
    function_path: str | None = None
    secrets: dict[str, str] | None = None
    env_vars: dict[str, str] | None = None
    cpu: float | None = None
    memory: float | None = None
    runtime: str | None = None
    metadata: dict[str, str] | None = None
    index_url: str | None = None
    extra_index_urls: list[str] | None = None

    def as_write(self) -> FunctionWrite:
        """Return this object (it is already a write object)."""
        return self


class FunctionWriteList(CogniteResourceList[FunctionWrite], ExternalIDTransformerMixin):
    """A list of functions to create."""

    _RESOURCE = FunctionWrite


class FunctionList(
    WriteableCogniteResourceList[FunctionWrite, Function], IdTransformerMixin, ExternalIDTransformerMixin
):
    """A list of functions.

    Example:
        >>> from cognite.client.data_classes.functions import FunctionList
        >>> FunctionList([{"id": 1, "name": "f", "fileId": 2, "status": "Ready", "createdTime": 0}]).as_ids()
        [1]
    """

    _RESOURCE = Function
    _WRITE_LIST = FunctionWriteList


class FunctionFilter(CogniteFilter):
    """Filter on functions (all given conditions must hold).

    Args:
        name: The name.
        owner: The owner.
        file_id: The code file.
        status: The deployment status.
        external_id_prefix: A prefix of the external id.
        created_time: Range of creation time (``{"min": ms, "max": ms}`` or TimestampRange).
        metadata: Metadata key-value pairs that must all match.

    Example:
        >>> from cognite.client.data_classes.functions import FunctionFilter
        >>> FunctionFilter(status="Ready", external_id_prefix="etl-").dump()
        {'status': 'Ready', 'externalIdPrefix': 'etl-'}
    """

    name: str | None = None
    owner: str | None = None
    file_id: int | None = None
    status: str | None = None
    external_id_prefix: str | None = None
    created_time: dict[str, Any] | TimestampRange | None = None
    metadata: dict[str, str] | None = None


# ---------------------------------------------------------------------------------------------- calls


class FunctionCall(WriteableCogniteResourceWithClientRef[Any]):
    """One call of a function: its status and timing; its response and logs are fetched on demand.

    Args:
        id: The call id.
        start_time: When it started (ms since epoch).
        status: "Running", "Completed", "Failed" or "Timeout".
        function_id: The function called.
        end_time: When it ended (ms since epoch).
        scheduled_time: When a schedule planned it (ms), for scheduled calls.
        schedule_id: The schedule that made it, for scheduled calls.
        error: What went wrong (``{"message", "trace"}``), for failed calls.

    Example:
        >>> from cognite.client.data_classes.functions import FunctionCall
        >>> FunctionCall.load({"id": 5, "functionId": 1, "status": "Failed", "startTime": 0,
        ...                    "error": {"message": "boom"}}).error["message"]
        'boom'
    """

    _NEEDS_CLIENT = True

    id: int | None = None
    start_time: int | None = None
    status: str | None = None
    function_id: int | None = None
    end_time: int | None = None
    scheduled_time: int | None = None
    schedule_id: int | None = None
    error: dict[str, Any] | None = None

    def as_write(self) -> Any:
        """Function calls have no write form: call the function instead (``client.functions.call``)."""
        raise ValueError("A FunctionCall cannot be written; call the function with client.functions.call")

    def _ids(self) -> tuple[int, int]:
        if self.id is None or self.function_id is None:
            raise ValueError("This call has no id or function_id")
        return self.id, self.function_id

    async def get_response_async(self) -> Any:
        """Return what the function's ``handle`` returned (None while the call runs or when it failed).

        Returns:
            The response (any JSON value).
        """
        call_id, function_id = self._ids()
        return await self._get_client().functions.calls.get_response(call_id=call_id, function_id=function_id)

    def get_response(self) -> Any:
        """Return what the function's ``handle`` returned (sync form of ``get_response_async``)."""
        return run_sync(self.get_response_async())

    async def get_logs_async(self) -> FunctionCallLog:
        """Return the log of this call (what the function printed).

        Returns:
            The log entries.
        """
        call_id, function_id = self._ids()
        return await self._get_client().functions.calls.get_logs(call_id=call_id, function_id=function_id)

    def get_logs(self) -> FunctionCallLog:
        """Return the log of this call (sync form of ``get_logs_async``)."""
        return run_sync(self.get_logs_async())

    async def update_async(self) -> None:
        """Refresh this object with the call's current state in CDF (e.g. after calling with ``wait=False``)."""
        call_id, function_id = self._ids()
        latest = await self._get_client().functions.calls.retrieve(call_id=call_id, function_id=function_id)
        if latest is None:
            raise ValueError(f"The call {call_id} of function {function_id} no longer exists")
        _refresh(self, latest)

    def update(self) -> None:
        """Refresh this object with the call's current state (sync form of ``update_async``)."""
        run_sync(self.update_async())

    async def wait_async(self, backoff: Backoff | None = None, timeout: float | None = None) -> None:
        """Wait until the call has finished (its status is no longer "Running"), polling with growing waits.

        Args:
            backoff: The waits between polls (default: 0.1 s doubling up to 10 s).
            timeout: Give up after this many seconds (raises TimeoutError); None: wait as long as it runs.
        """
        waits = backoff or Backoff(multiplier=0.1, max_wait=10.0, base=2.0)
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        while self.status == "Running":
            pause = next(waits)
            if deadline is not None and loop.time() + pause > deadline:
                raise TimeoutError(f"The call {self.id} was still running after {timeout} s")
            await asyncio.sleep(pause)
            await self.update_async()

    def wait(self, backoff: Backoff | None = None, timeout: float | None = None) -> None:
        """Wait until the call has finished (sync form of ``wait_async``)."""
        run_sync(self.wait_async(backoff, timeout))


class FunctionCallList(CogniteResourceList[FunctionCall], InternalIdTransformerMixin):
    """A list of function calls."""

    _RESOURCE = FunctionCall


class FunctionCallLogEntry(CogniteResource):
    """One line of a function call's log.

    Args:
        message: The line.
        timestamp: When it was written (ms since epoch).
    """

    message: str | None = None
    timestamp: int | None = None


class FunctionCallLog(CogniteResourceList[FunctionCallLogEntry]):
    """The log of a function call.

    Example:
        >>> from cognite.client.data_classes.functions import FunctionCallLog
        >>> log = FunctionCallLog([{"message": "start", "timestamp": 0}, {"message": "done", "timestamp": 1000}])
        >>> print(log.to_text(with_timestamps=True))
        [1970-01-01 00:00:00.000] start
        [1970-01-01 00:00:01.000] done
    """

    _RESOURCE = FunctionCallLogEntry

    def to_text(self, with_timestamps: bool = False) -> str:
        """Return the log as text, one entry per line.

        Args:
            with_timestamps: Start each line with its time (UTC).

        Returns:
            The text.
        """
        from datetime import datetime, timezone

        lines = []
        for entry in self.data:
            message = entry.message or ""
            if with_timestamps and entry.timestamp is not None:
                when = datetime.fromtimestamp(entry.timestamp / 1000, tz=timezone.utc)
                message = f"[{when.strftime('%Y-%m-%d %H:%M:%S.%f')[:-3]}] {message}"
            lines.append(message)
        return "\n".join(lines)


class FunctionCallsFilter(CogniteFilter):
    """Filter on the calls of a function.

    Args:
        status: The call status.
        schedule_id: The schedule that made the calls.
        start_time: Range of start time (``{"min": ms, "max": ms}`` or TimestampRange).
        end_time: Range of end time.

    Example:
        >>> from cognite.client.data_classes.functions import FunctionCallsFilter
        >>> FunctionCallsFilter(status="Failed", start_time={"min": 0}).dump()
        {'status': 'Failed', 'startTime': {'min': 0}}
    """

    status: str | None = None
    schedule_id: int | None = None
    start_time: dict[str, Any] | TimestampRange | None = None
    end_time: dict[str, Any] | TimestampRange | None = None


# ---------------------------------------------------------------------------------------------- schedules


class FunctionScheduleCore(WriteableCogniteResource["FunctionScheduleWrite"]):
    """Base of the read and write forms of a function schedule (holds no fields of its own)."""


class FunctionSchedule(FunctionScheduleCore):
    """A schedule that calls a function by a cron expression (UTC), with fixed input data.

    Args:
        id: The id.
        name: The name.
        created_time: When it was created (ms since epoch).
        cron_expression: When to call, e.g. ``"0 * * * *"`` (hourly).
        session_id: The session the calls run with.
        when: The cron expression in words.
        function_id: The function called.
        function_external_id: The external id of the function called (schedules made by external id).
        description: A description.

    Example:
        >>> from cognite.client.data_classes.functions import FunctionSchedule
        >>> FunctionSchedule.load({"id": 1, "name": "s", "cronExpression": "0 * * * *", "functionId": 2}).as_write()
        FunctionScheduleWrite(name='s', cron_expression='0 * * * *', function_id=2)
    """

    _NEEDS_CLIENT = True

    id: int | None = None
    name: str | None = None
    created_time: int | None = None
    cron_expression: str | None = None
    session_id: str | None = None
    when: str | None = None
    function_id: int | None = None
    function_external_id: str | None = None
    description: str | None = None

    def as_write(self) -> FunctionScheduleWrite:
        """Return the write form of this schedule (without its input data, which CDF does not answer here)."""
        if self.name is None or self.cron_expression is None:
            raise ValueError("name and cron_expression are required to turn a FunctionSchedule into a write object")
        return FunctionScheduleWrite(
            name=self.name,
            cron_expression=self.cron_expression,
            function_id=self.function_id,
            function_external_id=self.function_external_id,
            description=self.description,
        )

    async def get_input_data_async(self) -> dict[str, Any] | None:
        """Return the input data the schedule calls its function with.

        Returns:
            The data, or None when the schedule has none.
        """
        if self.id is None:
            raise ValueError("This schedule has no id")
        return await self._get_client().functions.schedules.get_input_data(self.id)

    def get_input_data(self) -> dict[str, Any] | None:
        """Return the input data of the schedule (sync form of ``get_input_data_async``)."""
        return run_sync(self.get_input_data_async())


class FunctionScheduleWrite(FunctionScheduleCore):
    """A schedule to create.

    Args:
        name: The name.
        cron_expression: When to call (cron, UTC), e.g. ``"*/15 * * * *"``.
        function_id: The function to call.
        function_external_id: The function to call, by external id.
        description: A description.
        data: Input data for every call (a JSON object).
        nonce: A session nonce the calls run with (``client.functions.schedules.create`` makes one).
    """

    name: str
    cron_expression: str
    function_id: int | None = None
    function_external_id: str | None = None
    description: str | None = None
    data: dict[str, Any] | None = None
    nonce: str | None = None

    def as_write(self) -> FunctionScheduleWrite:
        """Return this object (it is already a write object)."""
        return self


class FunctionScheduleWriteList(CogniteResourceList[FunctionScheduleWrite]):
    """A list of schedules to create."""

    _RESOURCE = FunctionScheduleWrite


class FunctionSchedulesList(WriteableCogniteResourceList[FunctionScheduleWrite, FunctionSchedule], IdTransformerMixin):
    """A list of function schedules."""

    _RESOURCE = FunctionSchedule
    _WRITE_LIST = FunctionScheduleWriteList


class FunctionSchedulesFilter(CogniteFilter):
    """Filter on function schedules.

    Args:
        name: The name.
        function_id: The function called.
        function_external_id: The function called, by external id.
        created_time: Range of creation time (``{"min": ms, "max": ms}`` or TimestampRange).
        cron_expression: The cron expression.

    Example:
        >>> from cognite.client.data_classes.functions import FunctionSchedulesFilter
        >>> FunctionSchedulesFilter(function_id=1, cron_expression="0 0 * * *").dump()
        {'functionId': 1, 'cronExpression': '0 0 * * *'}
    """

    name: str | None = None
    function_id: int | None = None
    function_external_id: str | None = None
    created_time: dict[str, Any] | TimestampRange | None = None
    cron_expression: str | None = None


# ---------------------------------------------------------------------------------------------- project-wide


class FunctionsLimits(CogniteResource):
    """What functions of this project may use.

    Args:
        timeout_minutes: The longest a call may run.
        cpu_cores: CPU cores per call: ``{"min", "max", "default"}``.
        memory_gb: Memory per call in GB: ``{"min", "max", "default"}``.
        runtimes: The Python runtimes available, e.g. ``["py310", "py311", "py312"]``.
        response_size_mb: The largest response of a call, in MB.
    """

    timeout_minutes: int | None = None
    cpu_cores: dict[str, float] | None = None
    memory_gb: dict[str, float] | None = None
    runtimes: list[str] | None = None
    response_size_mb: int | None = None


class FunctionsStatus(CogniteResource):
    """Whether Cognite Functions is activated for the project.

    Args:
        status: "inactive", "requested" or "activated".
    """

    status: str | None = None
