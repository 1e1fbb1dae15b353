"""The Hosted Extractors API: sources, destinations, jobs (with their logs and metrics) and mappings.

Every sub-API is a table on the generic verbs: resources are identified by external id only, listed with GET and
a cursor (100 per page), retrieved with ``/byIds``; creates and updates are chunked by the API's limits.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any, ClassVar, Literal, overload

from cognite.client._api_client import APIClient, IdentifierSequence, check_limit, check_type, items_decoder
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.hosted_extractors import (
    Destination,
    DestinationList,
    DestinationUpdate,
    DestinationWrite,
    Job,
    JobList,
    JobLogs,
    JobLogsList,
    JobMetrics,
    JobMetricsList,
    JobUpdate,
    JobWrite,
    Mapping,
    MappingList,
    MappingUpdate,
    MappingWrite,
    Source,
    SourceList,
    SourceUpdate,
    SourceWrite,
)

__all__ = ["DestinationsAPI", "HostedExtractorsAPI", "JobsAPI", "MappingsAPI", "SourcesAPI"]

UpdateMode = Literal["replace_ignore_null", "patch", "replace"]


def _wire_items(items: Any, kinds: tuple[type, ...], name: str) -> Any:
    """The write form of one item or a list of items (as dicts), checked to be of ``kinds`` (write or read classes)."""
    single = not isinstance(items, Sequence) or isinstance(items, str | bytes)
    out = []
    for item in [items] if single else list(items):
        if not isinstance(item, kinds):
            expected = " or ".join(k.__name__ for k in kinds)
            raise TypeError(f"{name} must be {expected} (or a list of them), not {type(item).__name__}")
        write: Any = item.as_write()  # type: ignore[attr-defined]
        out.append(write.dump(camel_case=True))
    return out[0] if single else out


class _ExternalIdAPI(APIClient[Any, Any]):
    """The verbs every hosted-extractor resource shares: external ids, ``/byIds``, GET lists of 100 per page."""

    _BYIDS_SUFFIX: ClassVar[str] = "/byIds"
    _LIST_LIMIT = 100
    _RETRIEVE_LIMIT = 100
    _DELETE_LIMIT = 100
    _UPDATE_LIMIT = 10
    _CREATE_LIMIT = 10
    _KINDS: ClassVar[tuple[type, ...]] = ()

    async def _retrieve_xids(self, external_ids: str | SequenceNotStr[str], ignore_unknown_ids: bool) -> Any:
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(external_ids=external_ids)
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)

    async def _delete_xids(
        self, external_ids: str | SequenceNotStr[str], ignore_unknown_ids: bool, force: bool | None = None
    ) -> None:
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        check_type(force, bool, "force")
        identifiers = IdentifierSequence(external_ids=external_ids)
        extra = {"force": True} if force else None
        await self._delete_multiple(identifiers, ignore_unknown_ids=ignore_unknown_ids, extra_body=extra)

    async def _create_items(self, items: Any, name: str) -> Any:
        return await self._create_multiple(_wire_items(items, self._KINDS, name), input_name=name)


class SourcesAPI(_ExternalIdAPI):
    """Create, read, update and delete the sources hosted extractors read from (MQTT, Kafka, Event Hub, REST).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.hosted_extractors import MQTT5SourceWrite
        >>> with emulated_client() as client:
        ...     _ = client.hosted_extractors.sources.create(MQTT5SourceWrite("broker", "mqtt.example.com"))
        ...     type(client.hosted_extractors.sources.retrieve("broker")).__name__
        'MQTT5Source'
    """

    _RESOURCE_PATH = "/hostedextractors/sources"
    _RESOURCE_CLS = Source
    _LIST_CLS = SourceList
    _UPDATE_CLS = SourceUpdate
    _KINDS = (SourceWrite, Source)

    @overload
    async def create(self, items: SourceWrite) -> Source: ...
    @overload
    async def create(self, items: Sequence[SourceWrite]) -> SourceList: ...
    async def create(self, items: SourceWrite | Sequence[SourceWrite]) -> Source | SourceList:
        """Create one or more sources (10 per request, requests sent concurrently).

        Args:
            items: A source or a list of sources (write or read objects of any source type).

        Returns:
            The created source (as read: without secrets), or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.hosted_extractors import BasicAuthenticationWrite, MQTT3SourceWrite
            >>> with emulated_client() as client:
            ...     src = client.hosted_extractors.sources.create(
            ...         MQTT3SourceWrite("broker", "mqtt.example.com", authentication=BasicAuthenticationWrite("ada", "pw")))
            ...     src.authentication
            BasicAuthentication(username='ada')
        """
        return await self._create_items(items, "items")  # type: ignore[no-any-return]

    @overload
    async def retrieve(self, external_ids: str, ignore_unknown_ids: bool = False) -> Source | None: ...
    @overload
    async def retrieve(self, external_ids: SequenceNotStr[str], ignore_unknown_ids: bool = False) -> SourceList: ...
    async def retrieve(
        self, external_ids: str | SequenceNotStr[str], ignore_unknown_ids: bool = False
    ) -> Source | SourceList | None:
        """Retrieve one or more sources by external id.

        Args:
            external_ids: One external id (gives the source or None) or a list of them (gives a list).
            ignore_unknown_ids: Leave out external ids that do not exist instead of raising.

        Returns:
            The source (None if it does not exist), or a list for a list.

        Raises:
            CogniteNotFoundError: Some external ids do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.hosted_extractors.sources.retrieve("missing") is None
            True
        """
        return await self._retrieve_xids(external_ids, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def delete(
        self, external_ids: str | SequenceNotStr[str], ignore_unknown_ids: bool = False, force: bool = False
    ) -> None:
        """Delete one or more sources.

        Args:
            external_ids: The external id(s).
            ignore_unknown_ids: Do not raise for external ids that do not exist.
            force: Also delete the jobs that read from the sources (without it, a source in use cannot be deleted).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.hosted_extractors import MQTT5SourceWrite
            >>> with emulated_client() as client:
            ...     _ = client.hosted_extractors.sources.create(MQTT5SourceWrite("broker", "mqtt.example.com"))
            ...     client.hosted_extractors.sources.delete("broker")
            ...     len(client.hosted_extractors.sources.list())
            0
        """
        await self._delete_xids(external_ids, ignore_unknown_ids, force)

    @overload
    async def update(self, items: SourceWrite | SourceUpdate, mode: UpdateMode = "replace_ignore_null") -> Source: ...
    @overload
    async def update(
        self, items: Sequence[SourceWrite | SourceUpdate], mode: UpdateMode = "replace_ignore_null"
    ) -> SourceList: ...
    async def update(
        self,
        items: SourceWrite | SourceUpdate | Sequence[SourceWrite | SourceUpdate],
        mode: UpdateMode = "replace_ignore_null",
    ) -> Source | SourceList:
        """Update one or more sources, from update objects (``MQTT3SourceUpdate``, ``KafkaSourceUpdate``, ...) or
        from whole sources.

        Args:
            items: Source(s) or source update(s).
            mode: For whole sources: "replace_ignore_null" (set what is given), "patch" (the same: sources have no
                lists to add to) or "replace" (also clear what is not given).

        Returns:
            The updated source, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.hosted_extractors import MQTT5SourceUpdate, MQTT5SourceWrite
            >>> with emulated_client() as client:
            ...     _ = client.hosted_extractors.sources.create(MQTT5SourceWrite("broker", "mqtt.example.com"))
            ...     client.hosted_extractors.sources.update(MQTT5SourceUpdate("broker").port.set(8883)).port
            8883
        """
        return await self._update_multiple(items, mode)  # type: ignore[no-any-return]

    async def list(self, limit: int | None = 25) -> SourceList:
        """List sources.

        Args:
            limit: Maximum number of sources (default 25; None, -1 or inf: all).

        Returns:
            The sources.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.hosted_extractors.sources.list(limit=5))
            0
        """
        return await self._list(limit=limit, method="GET")  # type: ignore[no-any-return]

    def __call__(
        self, chunk_size: int | None = None, limit: int | None = None
    ) -> AsyncIterator[Source] | AsyncIterator[SourceList]:
        """Iterate over sources lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many sources (None: one at a time).
            limit: Maximum number of sources (None: all).

        Returns:
            An async iterator of sources or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [s.external_id for s in client.hosted_extractors.sources()]
            []
        """
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET")


class DestinationsAPI(_ExternalIdAPI):
    """Create, read, update and delete the destinations hosted extractors write to.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.hosted_extractors import DestinationWrite, SessionWrite
        >>> with emulated_client() as client:
        ...     dest = client.hosted_extractors.destinations.create(DestinationWrite("cdf", SessionWrite("nonce")))
        ...     dest.session_id is not None
        True
    """

    _RESOURCE_PATH = "/hostedextractors/destinations"
    _RESOURCE_CLS = Destination
    _LIST_CLS = DestinationList
    _UPDATE_CLS = DestinationUpdate
    _CREATE_LIMIT = 100
    _KINDS = (DestinationWrite, Destination)

    @overload
    async def create(self, items: DestinationWrite) -> Destination: ...
    @overload
    async def create(self, items: Sequence[DestinationWrite]) -> DestinationList: ...
    async def create(self, items: DestinationWrite | Sequence[DestinationWrite]) -> Destination | DestinationList:
        """Create one or more destinations (100 per request, requests sent concurrently).

        Args:
            items: A destination or a list of them (write or read objects).

        Returns:
            The created destination, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.hosted_extractors import DestinationWrite, SessionWrite
            >>> with emulated_client() as client:
            ...     client.hosted_extractors.destinations.create(DestinationWrite("cdf", SessionWrite("n"))).external_id
            'cdf'
        """
        return await self._create_items(items, "items")  # type: ignore[no-any-return]

    @overload
    async def retrieve(self, external_ids: str, ignore_unknown_ids: bool = False) -> Destination | None: ...
    @overload
    async def retrieve(
        self, external_ids: SequenceNotStr[str], ignore_unknown_ids: bool = False
    ) -> DestinationList: ...
    async def retrieve(
        self, external_ids: str | SequenceNotStr[str], ignore_unknown_ids: bool = False
    ) -> Destination | DestinationList | None:
        """Retrieve one or more destinations by external id.

        Args:
            external_ids: One external id (gives the destination or None) or a list of them (gives a list).
            ignore_unknown_ids: Leave out external ids that do not exist instead of raising.

        Returns:
            The destination (None if it does not exist), or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.hosted_extractors.destinations.retrieve(["a", "b"], ignore_unknown_ids=True))
            0
        """
        return await self._retrieve_xids(external_ids, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def delete(
        self, external_ids: str | SequenceNotStr[str], ignore_unknown_ids: bool = False, force: bool = False
    ) -> None:
        """Delete one or more destinations.

        Args:
            external_ids: The external id(s).
            ignore_unknown_ids: Do not raise for external ids that do not exist.
            force: Also delete the jobs that write to the destinations (without it, one in use cannot be deleted).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.hosted_extractors.destinations.delete("missing", ignore_unknown_ids=True)
        """
        await self._delete_xids(external_ids, ignore_unknown_ids, force)

    @overload
    async def update(
        self, items: DestinationWrite | DestinationUpdate, mode: UpdateMode = "replace_ignore_null"
    ) -> Destination: ...
    @overload
    async def update(
        self, items: Sequence[DestinationWrite | DestinationUpdate], mode: UpdateMode = "replace_ignore_null"
    ) -> DestinationList: ...
    async def update(
        self,
        items: DestinationWrite | DestinationUpdate | Sequence[DestinationWrite | DestinationUpdate],
        mode: UpdateMode = "replace_ignore_null",
    ) -> Destination | DestinationList:
        """Update one or more destinations: new credentials (a session) or target data set.

        Args:
            items: Destination(s) or DestinationUpdate(s).
            mode: For whole destinations: "replace_ignore_null", "patch" or "replace" (clear what is not given).

        Returns:
            The updated destination, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import DataSetWrite
            >>> from cognite.client.data_classes.hosted_extractors import DestinationUpdate, DestinationWrite
            >>> with emulated_client() as client:
            ...     ds = client.data_sets.create(DataSetWrite(external_id="extracted"))
            ...     _ = client.hosted_extractors.destinations.create(DestinationWrite("cdf"))
            ...     update = DestinationUpdate("cdf").target_data_set_id.set(ds.id)
            ...     client.hosted_extractors.destinations.update(update).target_data_set_id == ds.id
            True
        """
        return await self._update_multiple(items, mode)  # type: ignore[no-any-return]

    async def list(self, limit: int | None = 25) -> DestinationList:
        """List destinations.

        Args:
            limit: Maximum number of destinations (default 25; None, -1 or inf: all).

        Returns:
            The destinations.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.hosted_extractors.destinations.list(limit=None))
            0
        """
        return await self._list(limit=limit, method="GET")  # type: ignore[no-any-return]

    def __call__(
        self, chunk_size: int | None = None, limit: int | None = None
    ) -> AsyncIterator[Destination] | AsyncIterator[DestinationList]:
        """Iterate over destinations lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many destinations (None: one at a time).
            limit: Maximum number of destinations (None: all).

        Returns:
            An async iterator of destinations or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [d.external_id for d in client.hosted_extractors.destinations(chunk_size=10)]
            []
        """
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET")


class JobsAPI(_ExternalIdAPI):
    """Create, read, update and delete hosted-extractor jobs, and read their logs and metrics.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     len(client.hosted_extractors.jobs.list())
        0
    """

    _RESOURCE_PATH = "/hostedextractors/jobs"
    _RESOURCE_CLS = Job
    _LIST_CLS = JobList
    _UPDATE_CLS = JobUpdate
    _KINDS = (JobWrite, Job)
    _LOGS_LIMIT = 1000

    @overload
    async def create(self, items: JobWrite) -> Job: ...
    @overload
    async def create(self, items: Sequence[JobWrite]) -> JobList: ...
    async def create(self, items: JobWrite | Sequence[JobWrite]) -> Job | JobList:
        """Create one or more jobs (10 per request, requests sent concurrently); the source, destination and (for a
        custom format) mapping must exist.

        Args:
            items: A job or a list of jobs (write or read objects).

        Returns:
            The created job, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.hosted_extractors import (
            ...     DestinationWrite, JobWrite, MQTT5SourceWrite, MQTTConfig, SessionWrite, ValueFormat)
            >>> with emulated_client() as client:
            ...     _ = client.hosted_extractors.sources.create(MQTT5SourceWrite("broker", "mqtt.example.com"))
            ...     _ = client.hosted_extractors.destinations.create(DestinationWrite("cdf", SessionWrite("n")))
            ...     job = client.hosted_extractors.jobs.create(JobWrite("job", "cdf", "broker", ValueFormat(), MQTTConfig("a/#")))
            ...     job.target_status, job.status
            ('running', 'running')
        """
        return await self._create_items(items, "items")  # type: ignore[no-any-return]

    @overload
    async def retrieve(self, external_ids: str, ignore_unknown_ids: bool = False) -> Job | None: ...
    @overload
    async def retrieve(self, external_ids: SequenceNotStr[str], ignore_unknown_ids: bool = False) -> JobList: ...
    async def retrieve(
        self, external_ids: str | SequenceNotStr[str], ignore_unknown_ids: bool = False
    ) -> Job | JobList | None:
        """Retrieve one or more jobs by external id.

        Args:
            external_ids: One external id (gives the job or None) or a list of them (gives a list).
            ignore_unknown_ids: Leave out external ids that do not exist instead of raising.

        Returns:
            The job (None if it does not exist), or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.hosted_extractors.jobs.retrieve("missing") is None
            True
        """
        return await self._retrieve_xids(external_ids, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def delete(self, external_ids: str | SequenceNotStr[str], ignore_unknown_ids: bool = False) -> None:
        """Delete one or more jobs.

        Args:
            external_ids: The external id(s).
            ignore_unknown_ids: Do not raise for external ids that do not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.hosted_extractors.jobs.delete(["a", "b"], ignore_unknown_ids=True)
        """
        await self._delete_xids(external_ids, ignore_unknown_ids)

    @overload
    async def update(self, items: JobWrite | JobUpdate, mode: UpdateMode = "replace_ignore_null") -> Job: ...
    @overload
    async def update(
        self, items: Sequence[JobWrite | JobUpdate], mode: UpdateMode = "replace_ignore_null"
    ) -> JobList: ...
    async def update(
        self, items: JobWrite | JobUpdate | Sequence[JobWrite | JobUpdate], mode: UpdateMode = "replace_ignore_null"
    ) -> Job | JobList:
        """Update one or more jobs, e.g. pause one with ``JobUpdate(xid).target_status.set("paused")``.

        Args:
            items: Job(s) or JobUpdate(s).
            mode: For whole jobs: "replace_ignore_null", "patch" or "replace" (jobs have no field to clear).

        Returns:
            The updated job, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.hosted_extractors import (
            ...     DestinationWrite, JobUpdate, JobWrite, MQTT5SourceWrite, MQTTConfig, SessionWrite, ValueFormat)
            >>> with emulated_client() as client:
            ...     _ = client.hosted_extractors.sources.create(MQTT5SourceWrite("broker", "mqtt.example.com"))
            ...     _ = client.hosted_extractors.destinations.create(DestinationWrite("cdf", SessionWrite("n")))
            ...     _ = client.hosted_extractors.jobs.create(JobWrite("job", "cdf", "broker", ValueFormat(), MQTTConfig("a/#")))
            ...     client.hosted_extractors.jobs.update(JobUpdate("job").target_status.set("paused")).status
            'paused'
        """
        return await self._update_multiple(items, mode)  # type: ignore[no-any-return]

    async def list(self, limit: int | None = 25) -> JobList:
        """List jobs.

        Args:
            limit: Maximum number of jobs (default 25; None, -1 or inf: all).

        Returns:
            The jobs.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.hosted_extractors.jobs.list(limit=-1))
            0
        """
        return await self._list(limit=limit, method="GET")  # type: ignore[no-any-return]

    def __call__(
        self, chunk_size: int | None = None, limit: int | None = None
    ) -> AsyncIterator[Job] | AsyncIterator[JobList]:
        """Iterate over jobs lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many jobs (None: one at a time).
            limit: Maximum number of jobs (None: all).

        Returns:
            An async iterator of jobs or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [j.external_id for j in client.hosted_extractors.jobs()]
            []
        """
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET")

    async def _job_entries(
        self, suffix: str, job: str | None, source: str | None, destination: str | None, limit: int | None, cls: Any
    ) -> Any:
        for value, name in ((job, "job"), (source, "source"), (destination, "destination")):
            check_type(value, str, name)
        max_items = check_limit(limit)
        if max_items == 0:
            return []
        count = self._LOGS_LIMIT if max_items is None else min(max_items, self._LOGS_LIMIT)
        params = {"job": job, "source": source, "destination": destination, "limit": count}
        resp = await self._get(self._RESOURCE_PATH + suffix, params={k: v for k, v in params.items() if v is not None})
        return items_decoder(cls).decode(resp.content).items

    async def list_logs(
        self,
        job: str | None = None,
        source: str | None = None,
        destination: str | None = None,
        limit: int | None = 25,
    ) -> JobLogsList:
        """List job log entries, newest first, optionally of one job, source or destination.

        Args:
            job: Only entries of this job (external id).
            source: Only entries of jobs reading from this source (external id).
            destination: Only entries of jobs writing to this destination (external id).
            limit: Maximum number of entries (default 25; None, -1 or inf: as many as CDF gives, at most 1000: the
                endpoint has no cursor).

        Returns:
            The log entries.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.hosted_extractors.jobs.list_logs(job="missing"))
            0
        """
        items = await self._job_entries("/logs", job, source, destination, limit, JobLogs)
        return JobLogsList._from_items(items, self._cognite_client)

    async def list_metrics(
        self,
        job: str | None = None,
        source: str | None = None,
        destination: str | None = None,
        limit: int | None = 25,
    ) -> JobMetricsList:
        """List job metrics, newest first, optionally of one job, source or destination.

        Args:
            job: Only metrics of this job (external id).
            source: Only metrics of jobs reading from this source (external id).
            destination: Only metrics of jobs writing to this destination (external id).
            limit: Maximum number of entries (default 25; None, -1 or inf: as many as CDF gives, at most 1000: the
                endpoint has no cursor).

        Returns:
            The metrics.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.hosted_extractors.jobs.list_metrics(source="missing"))
            0
        """
        items = await self._job_entries("/metrics", job, source, destination, limit, JobMetrics)
        return JobMetricsList._from_items(items, self._cognite_client)


class MappingsAPI(_ExternalIdAPI):
    """Create, read, update and delete the mappings that turn source messages into CDF data.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.hosted_extractors import CustomMapping, MappingWrite
        >>> with emulated_client() as client:
        ...     _ = client.hosted_extractors.mappings.create(MappingWrite("m", CustomMapping("input"), published=True))
        ...     client.hosted_extractors.mappings.retrieve("m").input
        JSONInput()
    """

    _RESOURCE_PATH = "/hostedextractors/mappings"
    _RESOURCE_CLS = Mapping
    _LIST_CLS = MappingList
    _UPDATE_CLS = MappingUpdate
    _CREATE_LIMIT = 10
    _KINDS = (MappingWrite, Mapping)

    @overload
    async def create(self, items: MappingWrite) -> Mapping: ...
    @overload
    async def create(self, items: Sequence[MappingWrite]) -> MappingList: ...
    async def create(self, items: MappingWrite | Sequence[MappingWrite]) -> Mapping | MappingList:
        """Create one or more mappings (10 per request, requests sent concurrently).

        Args:
            items: A mapping or a list of mappings (write or read objects).

        Returns:
            The created mapping, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.hosted_extractors import CSVInput, CustomMapping, MappingWrite
            >>> with emulated_client() as client:
            ...     client.hosted_extractors.mappings.create(MappingWrite("m", CustomMapping("input"), True, CSVInput(";"))).input
            CSVInput(delimiter=';')
        """
        return await self._create_items(items, "items")  # type: ignore[no-any-return]

    @overload
    async def retrieve(self, external_ids: str, ignore_unknown_ids: bool = False) -> Mapping | None: ...
    @overload
    async def retrieve(self, external_ids: SequenceNotStr[str], ignore_unknown_ids: bool = False) -> MappingList: ...
    async def retrieve(
        self, external_ids: str | SequenceNotStr[str], ignore_unknown_ids: bool = False
    ) -> Mapping | MappingList | None:
        """Retrieve one or more mappings by external id.

        Args:
            external_ids: One external id (gives the mapping or None) or a list of them (gives a list).
            ignore_unknown_ids: Leave out external ids that do not exist instead of raising.

        Returns:
            The mapping (None if it does not exist), or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.hosted_extractors.mappings.retrieve("missing") is None
            True
        """
        return await self._retrieve_xids(external_ids, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def delete(
        self, external_ids: str | SequenceNotStr[str], ignore_unknown_ids: bool = False, force: bool = False
    ) -> None:
        """Delete one or more mappings.

        Args:
            external_ids: The external id(s).
            ignore_unknown_ids: Do not raise for external ids that do not exist.
            force: Also delete the jobs that use the mappings (without it, a mapping in use cannot be deleted).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.hosted_extractors.mappings.delete("missing", ignore_unknown_ids=True)
        """
        await self._delete_xids(external_ids, ignore_unknown_ids, force)

    @overload
    async def update(self, items: MappingWrite | MappingUpdate) -> Mapping: ...
    @overload
    async def update(self, items: Sequence[MappingWrite | MappingUpdate]) -> MappingList: ...
    async def update(
        self, items: MappingWrite | MappingUpdate | Sequence[MappingWrite | MappingUpdate]
    ) -> Mapping | MappingList:
        """Update one or more mappings (expression, input format, published).

        Args:
            items: Mapping(s) (the fields given are set) or MappingUpdate(s).

        Returns:
            The updated mapping, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.hosted_extractors import CustomMapping, MappingUpdate, MappingWrite
            >>> with emulated_client() as client:
            ...     _ = client.hosted_extractors.mappings.create(MappingWrite("m", CustomMapping("input"), True))
            ...     client.hosted_extractors.mappings.update(MappingUpdate("m").published.set(False)).published
            False
        """
        return await self._update_multiple(items)  # type: ignore[no-any-return]

    async def list(self, limit: int | None = 25) -> MappingList:
        """List mappings.

        Args:
            limit: Maximum number of mappings (default 25; None, -1 or inf: all).

        Returns:
            The mappings.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.hosted_extractors.mappings.list())
            0
        """
        return await self._list(limit=limit, method="GET")  # type: ignore[no-any-return]

    def __call__(
        self, chunk_size: int | None = None, limit: int | None = None
    ) -> AsyncIterator[Mapping] | AsyncIterator[MappingList]:
        """Iterate over mappings lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many mappings (None: one at a time).
            limit: Maximum number of mappings (None: all).

        Returns:
            An async iterator of mappings or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [m.external_id for m in client.hosted_extractors.mappings()]
            []
        """
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET")


class HostedExtractorsAPI(APIClient[Any, Any]):
    """Hosted extractors: ``sources``, ``destinations``, ``jobs`` and ``mappings``.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     len(client.hosted_extractors.sources.list())
        0
    """

    sources: LazyAPI[SourcesAPI] = LazyAPI("cognite.client._api.hosted_extractors:SourcesAPI")
    destinations: LazyAPI[DestinationsAPI] = LazyAPI("cognite.client._api.hosted_extractors:DestinationsAPI")
    jobs: LazyAPI[JobsAPI] = LazyAPI("cognite.client._api.hosted_extractors:JobsAPI")
    mappings: LazyAPI[MappingsAPI] = LazyAPI("cognite.client._api.hosted_extractors:MappingsAPI")
