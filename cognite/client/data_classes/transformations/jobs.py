"""Transformation jobs (one run of a transformation) and their metrics.

A job moves ``Created`` -> ``Running`` -> ``Completed`` (or ``Failed``). A job loaded by a client can refresh itself
(``update``), wait until it finishes (``wait``), cancel its transformation's run (``cancel``) and read its metrics
(``metrics``), each also as ``..._async``.

Example:
    >>> from cognite.client.data_classes.transformations.jobs import TransformationJob, TransformationJobStatus
    >>> job = TransformationJob.load({"id": 1, "status": "Completed", "transformationId": 2,
    ...     "destination": {"type": "raw", "database": "db", "table": "t"}})
    >>> job.status == TransformationJobStatus.COMPLETED, job.destination.table
    (True, 't')
"""

from __future__ import annotations

import asyncio
import time
from enum import Enum
from typing import Any

from cognite.client._sync import run_sync
from cognite.client.data_classes._base import (
    CogniteFilter,
    CogniteResource,
    CogniteResourceList,
    CogniteResourceWithClientRef,
    InternalIdTransformerMixin,
)
from cognite.client.data_classes.transformations.common import TransformationDestination, load_destination

__all__ = [
    "CogniteFilter",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteResourceWithClientRef",
    "InternalIdTransformerMixin",
    "TransformationDestination",
    "TransformationJob",
    "TransformationJobFilter",
    "TransformationJobList",
    "TransformationJobMetric",
    "TransformationJobMetricList",
    "TransformationJobStatus",
]


class TransformationJobStatus(str, Enum):
    """The status of a transformation job."""

    RUNNING = "Running"
    CREATED = "Created"
    FAILED = "Failed"
    COMPLETED = "Completed"


_FINISHED = frozenset({"Completed", "Failed"})


class TransformationJobMetric(CogniteResource):
    """A counter of a job, e.g. the rows it read or the resources it created.

    Args:
        timestamp: When the counter was reported (ms since epoch).
        name: The name of the counter.
        count: The value.
    """

    timestamp: int | None = None
    name: str | None = None
    count: int | None = None


class TransformationJobMetricList(CogniteResourceList[TransformationJobMetric]):
    """A list of job metrics."""

    _RESOURCE = TransformationJobMetric


class TransformationJob(CogniteResourceWithClientRef):
    """One run of a transformation.

    Args:
        id: The job id.
        uuid: The job's UUID.
        status: Created, Running, Completed or Failed.
        transformation_id: The id of the transformation.
        transformation_external_id: The external id of the transformation.
        source_project: The project read from.
        destination_project: The project written to.
        destination: Where the job writes.
        conflict_mode: abort, upsert, update or delete.
        query: The SQL query run.
        ignore_null_fields: Whether nulls leave fields unchanged.
        created_time: When the job was created (ms since epoch).
        error: Why the job failed.
        started_time: When it started running.
        finished_time: When it finished.
        last_seen_time: When it last reported progress.
    """

    _NEEDS_CLIENT = True

    id: int | None = None
    uuid: str | None = None
    status: str | None = None
    transformation_id: int | None = None
    transformation_external_id: str | None = None
    source_project: str | None = None
    destination_project: str | None = None
    destination: Any = None
    conflict_mode: str | None = None
    query: str | None = None
    ignore_null_fields: bool | None = None
    created_time: int | None = None
    error: str | None = None
    started_time: int | None = None
    finished_time: int | None = None
    last_seen_time: int | None = None

    def __post_init__(self) -> None:
        self.destination = load_destination(self.destination)
        if self.status is not None and not isinstance(self.status, TransformationJobStatus):
            known = {s.value: s for s in TransformationJobStatus}
            self.status = known.get(self.status, self.status)  # a status this SDK version does not know stays a str

    def _require_id(self) -> int:
        if self.id is None:
            raise ValueError("This TransformationJob has no id")
        return self.id

    def _copy_from(self, other: TransformationJob) -> None:
        for name in self.__struct_fields__:
            setattr(self, name, getattr(other, name))

    async def update_async(self) -> None:
        """Refresh this job (status, times, error) from CDF."""
        fresh = await self._get_client().transformations.jobs.retrieve(id=self._require_id())
        if fresh is not None:
            self._copy_from(fresh)

    def update(self) -> None:
        """Refresh this job from CDF (sync form of ``update_async``)."""
        run_sync(self.update_async())

    async def cancel_async(self) -> None:
        """Cancel the run of this job's transformation."""
        await self._get_client().transformations.cancel(transformation_id=self.transformation_id)

    def cancel(self) -> None:
        """Cancel the run of this job's transformation (sync form of ``cancel_async``)."""
        run_sync(self.cancel_async())

    async def metrics_async(self) -> TransformationJobMetricList:
        """Return the metrics (counters) of this job."""
        return await self._get_client().transformations.jobs.list_metrics(id=self._require_id())

    def metrics(self) -> TransformationJobMetricList:
        """Return the metrics of this job (sync form of ``metrics_async``)."""
        return run_sync(self.metrics_async())

    async def wait_async(self, polling_interval: float = 5, timeout: float | None = None) -> TransformationJob:
        """Wait until the job is Completed or Failed, or ``timeout`` seconds have passed.

        The first polls come quickly (after 0.05 s, then doubling) and then every ``polling_interval`` seconds.

        Args:
            polling_interval: The most seconds between two polls.
            timeout: Give up after this many seconds (None: wait as long as it takes); the job is then returned
                in the status it had.

        Returns:
            This job, refreshed.
        """
        if isinstance(polling_interval, bool) or not isinstance(polling_interval, int | float) or polling_interval <= 0:
            raise ValueError(f"polling_interval must be a positive number, got {polling_interval!r}")
        if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout < 0):
            raise ValueError(f"timeout must be a non-negative number or None, got {timeout!r}")
        deadline = None if timeout is None else time.monotonic() + timeout
        delay = 0.05
        while str(getattr(self.status, "value", self.status)) not in _FINISHED:
            pause = min(delay, polling_interval)
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                pause = min(pause, remaining)
            await asyncio.sleep(pause)
            delay *= 2
            await self.update_async()
        return self

    def wait(self, polling_interval: float = 5, timeout: float | None = None) -> TransformationJob:
        """Wait until the job finishes (sync form of ``wait_async``).

        Args:
            polling_interval: The most seconds between two polls.
            timeout: Give up after this many seconds (None: no limit).

        Returns:
            This job, refreshed.
        """
        return run_sync(self.wait_async(polling_interval, timeout))


class TransformationJobList(CogniteResourceList[TransformationJob], InternalIdTransformerMixin):
    """A list of transformation jobs."""

    _RESOURCE = TransformationJob


class TransformationJobFilter(CogniteFilter):
    """Which jobs to list: those of one transformation.

    Args:
        transformation_id: The id of the transformation.
        transformation_external_id: The external id of the transformation.
    """

    transformation_id: int | None = None
    transformation_external_id: str | None = None
