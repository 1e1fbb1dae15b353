"""Transformation jobs: list, retrieve and read the metrics of the runs of transformations."""

from __future__ import annotations

from collections.abc import Sequence

from cognite.client._api_client import APIClient, IdentifierSequence, check_type
from cognite.client.data_classes.transformations.jobs import (
    TransformationJob,
    TransformationJobList,
    TransformationJobMetric,
    TransformationJobMetricList,
)

__all__ = ["TransformationJobsAPI"]


def _job_id(id: object) -> int:
    if isinstance(id, bool) or not isinstance(id, int):
        raise TypeError(f"id must be an int, got {id!r}")
    return id


class TransformationJobsAPI(APIClient[TransformationJob, TransformationJobList]):
    """The jobs (runs) of transformations, newest first.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.transformations import TransformationDestination, TransformationWrite
        >>> with emulated_client() as client:
        ...     _ = client.transformations.create(TransformationWrite("t1", "T", query="select 'a' as key, 1 as value",
        ...         destination=TransformationDestination.raw("db", "t")))
        ...     job = client.transformations.run(transformation_external_id="t1")
        ...     [j.id for j in client.transformations.jobs.list(transformation_external_id="t1")] == [job.id]
        True
    """

    _RESOURCE_PATH = "/transformations/jobs"
    _RESOURCE_CLS = TransformationJob
    _LIST_CLS = TransformationJobList
    _RETRIEVE_LIMIT = 1000
    _LIST_LIMIT = 1000

    async def list(
        self,
        limit: int | None = 25,
        transformation_id: int | None = None,
        transformation_external_id: str | None = None,
    ) -> TransformationJobList:
        """List jobs, newest first: of every transformation, or of one.

        Args:
            limit: Maximum number of jobs (default 25; None, -1 or inf: all).
            transformation_id: Only jobs of the transformation with this id.
            transformation_external_id: Only jobs of the transformation with this external id.

        Returns:
            The jobs.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.transformations.jobs.list(limit=5))
            0
        """
        params: dict[str, object] = {}
        if transformation_id is not None:
            params["transformationId"] = _job_id(transformation_id)
        if transformation_external_id is not None:
            check_type(transformation_external_id, str, "transformation_external_id")
            params["transformationExternalId"] = transformation_external_id
        return await self._list(limit=limit, method="GET", filter=params)  # type: ignore[no-any-return]

    async def retrieve(self, id: int) -> TransformationJob | None:
        """Retrieve one job by id.

        Args:
            id: The job id.

        Returns:
            The job, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.transformations.jobs.retrieve(id=123) is None
            True
        """
        return await self._retrieve_multiple(IdentifierSequence.load_one(id=_job_id(id)))  # type: ignore[no-any-return]

    async def retrieve_multiple(self, ids: Sequence[int], ignore_unknown_ids: bool = False) -> TransformationJobList:
        """Retrieve several jobs by ids.

        Args:
            ids: The job ids.
            ignore_unknown_ids: Leave out ids that do not exist instead of raising.

        Returns:
            The jobs.

        Raises:
            CogniteNotFoundError: Some ids do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.transformations.jobs.retrieve_multiple([1, 2], ignore_unknown_ids=True))
            0
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(ids=ids)
        identifiers.is_singleton = False
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def list_metrics(self, id: int) -> TransformationJobMetricList:
        """List the metrics (counters, e.g. rows read and resources written) of a job.

        Args:
            id: The job id.

        Returns:
            The metrics.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.transformations import TransformationDestination, TransformationWrite
            >>> with emulated_client() as client:
            ...     _ = client.transformations.create(TransformationWrite("t1", "T", query="select 'a' as key, 1 as value",
            ...         destination=TransformationDestination.raw("db", "t")))
            ...     job = client.transformations.run(transformation_external_id="t1")
            ...     {m.name: m.count for m in client.transformations.jobs.list_metrics(job.id)}
            {'requests': 1, 'raw.upserted': 1}
        """
        resp = await self._get(f"{self._RESOURCE_PATH}/{_job_id(id)}/metrics")
        items = self._decode_items(resp.content, TransformationJobMetric).items
        return self._make_list(items, TransformationJobMetricList)  # type: ignore[no-any-return]
