"""The Extraction Pipelines API: pipelines (a table on the generic verbs), their runs and configuration revisions."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any, Literal, overload

from cognite.client._api_client import APIClient, IdentifierSequence, check_type, object_decoder
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.extractionpipelines import (
    ExtractionPipeline,
    ExtractionPipelineConfig,
    ExtractionPipelineConfigList,
    ExtractionPipelineConfigRevision,
    ExtractionPipelineConfigRevisionList,
    ExtractionPipelineConfigWrite,
    ExtractionPipelineList,
    ExtractionPipelineRun,
    ExtractionPipelineRunFilter,
    ExtractionPipelineRunList,
    ExtractionPipelineRunWrite,
    ExtractionPipelineUpdate,
    ExtractionPipelineWrite,
    RunStatus,
    StringFilter,
    check_status,
)
from cognite.client.data_classes.shared import TimestampRange

__all__ = ["ExtractionPipelineConfigsAPI", "ExtractionPipelineRunsAPI", "ExtractionPipelinesAPI"]

UpdateMode = Literal["replace_ignore_null", "patch", "replace"]


def _external_id(value: Any, name: str = "external_id") -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value:
        raise ValueError(f"{name} must be a non-empty str")
    return value


class ExtractionPipelinesAPI(APIClient[ExtractionPipeline, ExtractionPipelineList]):
    """Create, read, update and delete extraction pipelines; report runs (``.runs``) and manage configs (``.config``).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes import DataSetWrite, ExtractionPipelineWrite
        >>> with emulated_client() as client:
        ...     ds = client.data_sets.create(DataSetWrite(external_id="sources"))
        ...     _ = client.extraction_pipelines.create(ExtractionPipelineWrite("sap", "SAP", data_set_id=ds.id))
        ...     client.extraction_pipelines.retrieve(external_id="sap").name
        'SAP'
    """

    _RESOURCE_PATH = "/extpipes"
    _RESOURCE_CLS = ExtractionPipeline
    _LIST_CLS = ExtractionPipelineList
    _UPDATE_CLS = ExtractionPipelineUpdate
    _CREATE_LIMIT = 1000
    _RETRIEVE_LIMIT = 1000
    _UPDATE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _LIST_LIMIT = 1000

    runs: LazyAPI[ExtractionPipelineRunsAPI] = LazyAPI(
        "cognite.client._api.extractionpipelines:ExtractionPipelineRunsAPI"
    )
    config: LazyAPI[ExtractionPipelineConfigsAPI] = LazyAPI(
        "cognite.client._api.extractionpipelines:ExtractionPipelineConfigsAPI"
    )

    async def retrieve(self, id: int | None = None, external_id: str | None = None) -> ExtractionPipeline | None:
        """Retrieve one extraction pipeline by id or external id.

        Args:
            id: The id.
            external_id: The external id.

        Returns:
            The pipeline, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.extraction_pipelines.retrieve(external_id="missing") is None
            True
        """
        return await self._retrieve_multiple(IdentifierSequence.load_one(id=id, external_id=external_id))  # type: ignore[no-any-return]

    async def retrieve_multiple(
        self,
        ids: Sequence[int] | None = None,
        external_ids: SequenceNotStr[str] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> ExtractionPipelineList:
        """Retrieve several extraction pipelines by ids and/or external ids.

        Args:
            ids: The ids.
            external_ids: The external ids.
            ignore_unknown_ids: Leave out identifiers that do not exist instead of raising.

        Returns:
            The pipelines.

        Raises:
            CogniteNotFoundError: Some identifiers do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.extraction_pipelines.retrieve_multiple(external_ids=["a"], ignore_unknown_ids=True))
            0
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(ids=ids, external_ids=external_ids)
        identifiers.is_singleton = False
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def list(self, limit: int | None = 25) -> ExtractionPipelineList:
        """List extraction pipelines.

        Args:
            limit: Maximum number of pipelines (default 25; None, -1 or inf: all).

        Returns:
            The pipelines.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.extraction_pipelines.list(limit=5))
            0
        """
        return await self._list(limit=limit, method="GET")  # type: ignore[no-any-return]

    def __call__(
        self, chunk_size: int | None = None, limit: int | None = None
    ) -> AsyncIterator[ExtractionPipeline] | AsyncIterator[ExtractionPipelineList]:
        """Iterate over extraction pipelines lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many pipelines (None: one at a time).
            limit: Maximum number of pipelines (None: all).

        Returns:
            An async iterator of pipelines or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for pipeline in client.extraction_pipelines(chunk_size=10):
            ...         pass
        """
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET")

    @overload
    async def create(self, extraction_pipeline: ExtractionPipeline | ExtractionPipelineWrite) -> ExtractionPipeline: ...
    @overload
    async def create(
        self, extraction_pipeline: Sequence[ExtractionPipeline] | Sequence[ExtractionPipelineWrite]
    ) -> ExtractionPipelineList: ...
    async def create(
        self,
        extraction_pipeline: ExtractionPipeline
        | ExtractionPipelineWrite
        | Sequence[ExtractionPipeline]
        | Sequence[ExtractionPipelineWrite],
    ) -> ExtractionPipeline | ExtractionPipelineList:
        """Create one or more extraction pipelines (chunked by the API limit, chunks sent concurrently).

        Args:
            extraction_pipeline: A pipeline or a list of pipelines (write or read objects); the data sets must exist.

        Returns:
            The created pipeline, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import DataSetWrite, ExtractionPipelineWrite
            >>> with emulated_client() as client:
            ...     ds = client.data_sets.create(DataSetWrite(external_id="sources"))
            ...     client.extraction_pipelines.create(ExtractionPipelineWrite("sap", "SAP", ds.id, schedule="Continuous")).schedule
            'Continuous'
        """
        return await self._create_multiple(  # type: ignore[no-any-return]
            extraction_pipeline, write_cls=ExtractionPipelineWrite, input_name="extraction_pipeline"
        )

    @overload
    async def update(
        self, item: ExtractionPipeline | ExtractionPipelineWrite | ExtractionPipelineUpdate, mode: UpdateMode = ...
    ) -> ExtractionPipeline: ...
    @overload
    async def update(
        self,
        item: Sequence[ExtractionPipeline | ExtractionPipelineWrite | ExtractionPipelineUpdate],
        mode: UpdateMode = ...,
    ) -> ExtractionPipelineList: ...
    async def update(
        self,
        item: ExtractionPipeline
        | ExtractionPipelineWrite
        | ExtractionPipelineUpdate
        | Sequence[ExtractionPipeline | ExtractionPipelineWrite | ExtractionPipelineUpdate],
        mode: UpdateMode = "replace_ignore_null",
    ) -> ExtractionPipeline | ExtractionPipelineList:
        """Update one or more extraction pipelines, from ExtractionPipelineUpdate objects or from whole pipelines.

        Args:
            item: Pipeline(s) or ExtractionPipelineUpdate(s).
            mode: For whole pipelines: "replace_ignore_null" (set given fields), "patch" (also add to metadata, raw
                tables and contacts instead of replacing), or "replace" (clear what is not given).

        Returns:
            The updated pipeline, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import DataSetWrite, ExtractionPipelineUpdate, ExtractionPipelineWrite
            >>> with emulated_client() as client:
            ...     ds = client.data_sets.create(DataSetWrite(external_id="sources"))
            ...     _ = client.extraction_pipelines.create(ExtractionPipelineWrite("sap", "SAP", ds.id))
            ...     client.extraction_pipelines.update(ExtractionPipelineUpdate(external_id="sap").source.set("ERP")).source
            'ERP'
        """
        return await self._update_multiple(item, mode)  # type: ignore[no-any-return]

    async def delete(
        self, id: int | Sequence[int] | None = None, external_id: str | SequenceNotStr[str] | None = None
    ) -> None:
        """Delete one or more extraction pipelines (with their runs and configuration revisions).

        Args:
            id: Id(s) to delete.
            external_id: External id(s) to delete.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import DataSetWrite, ExtractionPipelineWrite
            >>> with emulated_client() as client:
            ...     ds = client.data_sets.create(DataSetWrite(external_id="sources"))
            ...     _ = client.extraction_pipelines.create(ExtractionPipelineWrite("sap", "SAP", ds.id))
            ...     client.extraction_pipelines.delete(external_id="sap")
        """
        identifiers = IdentifierSequence(ids=id, external_ids=external_id, id_name="id", external_id_name="external_id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=None)


class ExtractionPipelineRunsAPI(APIClient[ExtractionPipelineRun, ExtractionPipelineRunList]):
    """Report runs of extraction pipelines and list them (newest first).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes import DataSetWrite, ExtractionPipelineRunWrite, ExtractionPipelineWrite
        >>> with emulated_client() as client:
        ...     ds = client.data_sets.create(DataSetWrite(external_id="sources"))
        ...     _ = client.extraction_pipelines.create(ExtractionPipelineWrite("sap", "SAP", ds.id))
        ...     _ = client.extraction_pipelines.runs.create(ExtractionPipelineRunWrite("sap", "success", created_time=5))
        ...     client.extraction_pipelines.retrieve(external_id="sap").last_success
        5
    """

    _RESOURCE_PATH = "/extpipes/runs"
    _RESOURCE_CLS = ExtractionPipelineRun
    _LIST_CLS = ExtractionPipelineRunList
    _CREATE_LIMIT = 1000
    _LIST_LIMIT = 1000

    @staticmethod
    def _filter(
        external_id: str,
        statuses: Any,
        message_substring: str | None,
        created_time: dict[str, Any] | TimestampRange | str | None,
    ) -> dict[str, Any] | None:
        """The ``filter`` of ``/runs/list``, or None when only the pipeline is given (then ``GET /runs`` serves)."""
        if isinstance(statuses, str):
            statuses = [statuses]
        if statuses is not None:
            if not isinstance(statuses, Sequence):
                raise TypeError(f"statuses must be a status or a sequence of them, not {type(statuses).__name__}")
            for status in statuses:
                check_status(status, "statuses")
        check_type(message_substring, str, "message_substring")
        if isinstance(created_time, str):
            from cognite.client.utils._time import timestamp_to_ms

            created_time = TimestampRange(min=timestamp_to_ms(created_time))
        elif created_time is not None and not isinstance(created_time, dict | TimestampRange):
            raise TypeError(
                f"created_time must be a dict, a TimestampRange or a str, not {type(created_time).__name__}"
            )
        if statuses is None and message_substring is None and created_time is None:
            return None
        return ExtractionPipelineRunFilter(
            external_id=external_id,
            statuses=list(statuses) if statuses is not None else None,
            message=StringFilter(message_substring) if message_substring is not None else None,
            created_time=created_time,
        ).dump()

    async def list(
        self,
        external_id: str,
        statuses: RunStatus | Sequence[RunStatus] | SequenceNotStr[str] | None = None,
        message_substring: str | None = None,
        created_time: dict[str, Any] | TimestampRange | str | None = None,
        limit: int | None = 25,
    ) -> ExtractionPipelineRunList:
        """List the runs of an extraction pipeline, newest first.

        Args:
            external_id: The external id of the pipeline.
            statuses: Only runs with these statuses: "success", "failure", "seen".
            message_substring: Only runs whose message contains this (ignoring case).
            created_time: Range of run time: ``{"min": ms, "max": ms}``, a TimestampRange, or a string such as
                ``"24h-ago"`` (the earliest time).
            limit: Maximum number of runs (default 25; None, -1 or inf: all).

        Returns:
            The runs, each with ``extpipe_external_id`` set.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import DataSetWrite, ExtractionPipelineRunWrite, ExtractionPipelineWrite
            >>> with emulated_client() as client:
            ...     ds = client.data_sets.create(DataSetWrite(external_id="sources"))
            ...     _ = client.extraction_pipelines.create(ExtractionPipelineWrite("sap", "SAP", ds.id))
            ...     _ = client.extraction_pipelines.runs.create(
            ...         [ExtractionPipelineRunWrite("sap", "failure", "Timeout"), ExtractionPipelineRunWrite("sap", "seen")])
            ...     [r.status for r in client.extraction_pipelines.runs.list("sap", message_substring="time")]
            ['failure']
        """
        xid = _external_id(external_id)
        flt = self._filter(xid, statuses, message_substring, created_time)
        if flt is None:
            runs = await self._list(limit=limit, method="GET", filter={"externalId": xid})
        else:
            runs = await self._list(limit=limit, filter=flt)
        for run in runs:
            run.extpipe_external_id = xid
        return runs  # type: ignore[no-any-return]

    @overload
    async def create(self, run: ExtractionPipelineRun | ExtractionPipelineRunWrite) -> ExtractionPipelineRun: ...
    @overload
    async def create(
        self, run: Sequence[ExtractionPipelineRun] | Sequence[ExtractionPipelineRunWrite]
    ) -> ExtractionPipelineRunList: ...
    async def create(
        self,
        run: ExtractionPipelineRun
        | ExtractionPipelineRunWrite
        | Sequence[ExtractionPipelineRun]
        | Sequence[ExtractionPipelineRunWrite],
    ) -> ExtractionPipelineRun | ExtractionPipelineRunList:
        """Report one or more runs (chunked by the API limit); CDF updates the pipelines' last success/failure/seen.

        Args:
            run: A run or a list of runs (write or read objects).

        Returns:
            The created run, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import DataSetWrite, ExtractionPipelineRunWrite, ExtractionPipelineWrite
            >>> with emulated_client() as client:
            ...     ds = client.data_sets.create(DataSetWrite(external_id="sources"))
            ...     _ = client.extraction_pipelines.create(ExtractionPipelineWrite("sap", "SAP", ds.id))
            ...     client.extraction_pipelines.runs.create(ExtractionPipelineRunWrite("sap", "seen")).extpipe_external_id
            'sap'
        """
        return await self._create_multiple(run, write_cls=ExtractionPipelineRunWrite, input_name="run")  # type: ignore[no-any-return]


class ExtractionPipelineConfigsAPI(APIClient[ExtractionPipelineConfig, ExtractionPipelineConfigList]):
    """Configuration revisions of extraction pipelines: create, retrieve, list and revert.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes import DataSetWrite, ExtractionPipelineConfigWrite, ExtractionPipelineWrite
        >>> with emulated_client() as client:
        ...     ds = client.data_sets.create(DataSetWrite(external_id="sources"))
        ...     _ = client.extraction_pipelines.create(ExtractionPipelineWrite("sap", "SAP", ds.id))
        ...     _ = client.extraction_pipelines.config.create(ExtractionPipelineConfigWrite("sap", "batch: 100"))
        ...     client.extraction_pipelines.config.retrieve("sap").config
        'batch: 100'
    """

    _RESOURCE_PATH = "/extpipes/config"
    _RESOURCE_CLS = ExtractionPipelineConfig
    _LIST_CLS = ExtractionPipelineConfigList
    _LIST_LIMIT = 1000

    async def retrieve(
        self, external_id: str, revision: int | None = None, active_at_time: int | str | datetime | None = None
    ) -> ExtractionPipelineConfig:
        """Retrieve a configuration revision: the latest, a given one, or the one active at a time.

        Args:
            external_id: The external id of the pipeline.
            revision: The revision number (default: the latest).
            active_at_time: A time (ms, datetime or e.g. ``"2d-ago"``): the revision that was the latest then.

        Returns:
            The configuration revision.

        Raises:
            CogniteAPIError: The pipeline or the revision does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import DataSetWrite, ExtractionPipelineConfigWrite, ExtractionPipelineWrite
            >>> with emulated_client() as client:
            ...     ds = client.data_sets.create(DataSetWrite(external_id="sources"))
            ...     _ = client.extraction_pipelines.create(ExtractionPipelineWrite("sap", "SAP", ds.id))
            ...     for text in ("a: 1", "a: 2"):
            ...         _ = client.extraction_pipelines.config.create(ExtractionPipelineConfigWrite("sap", text))
            ...     client.extraction_pipelines.config.retrieve("sap", revision=1).config
            'a: 1'
        """
        params: dict[str, Any] = {"externalId": _external_id(external_id)}
        if revision is not None:
            if isinstance(revision, bool) or not isinstance(revision, int) or revision < 0:
                raise ValueError(f"revision must be a non-negative int, got {revision!r}")
            params["revision"] = revision
        if active_at_time is not None:
            if isinstance(active_at_time, bool) or not isinstance(active_at_time, int | str | datetime):
                raise TypeError(f"active_at_time must be ms, a str or a datetime, not {type(active_at_time).__name__}")
            from cognite.client.utils._time import timestamp_to_ms

            params["activeAtTime"] = timestamp_to_ms(active_at_time)
        resp = await self._get(self._RESOURCE_PATH, params=params)
        return object_decoder(ExtractionPipelineConfig).decode(resp.content)

    async def list(self, external_id: str) -> ExtractionPipelineConfigRevisionList:
        """List the configuration revisions of a pipeline (without their content), newest first.

        Args:
            external_id: The external id of the pipeline.

        Returns:
            The revisions.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import DataSetWrite, ExtractionPipelineConfigWrite, ExtractionPipelineWrite
            >>> with emulated_client() as client:
            ...     ds = client.data_sets.create(DataSetWrite(external_id="sources"))
            ...     _ = client.extraction_pipelines.create(ExtractionPipelineWrite("sap", "SAP", ds.id))
            ...     for text in ("a: 1", "a: 2"):
            ...         _ = client.extraction_pipelines.config.create(ExtractionPipelineConfigWrite("sap", text))
            ...     [r.revision for r in client.extraction_pipelines.config.list("sap")]
            [2, 1]
        """
        return await self._list(  # type: ignore[no-any-return]
            limit=None,
            method="GET",
            filter={"externalId": _external_id(external_id)},
            path=self._RESOURCE_PATH + "/revisions",
            resource_cls=ExtractionPipelineConfigRevision,
            list_cls=ExtractionPipelineConfigRevisionList,
        )

    async def create(
        self, config: ExtractionPipelineConfig | ExtractionPipelineConfigWrite
    ) -> ExtractionPipelineConfig:
        """Create a configuration revision: it becomes the latest, numbered one above the previous.

        Args:
            config: The configuration (write or read object).

        Returns:
            The created revision.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import DataSetWrite, ExtractionPipelineConfigWrite, ExtractionPipelineWrite
            >>> with emulated_client() as client:
            ...     ds = client.data_sets.create(DataSetWrite(external_id="sources"))
            ...     _ = client.extraction_pipelines.create(ExtractionPipelineWrite("sap", "SAP", ds.id))
            ...     client.extraction_pipelines.config.create(ExtractionPipelineConfigWrite("sap", "a: 1")).revision
            1
        """
        if not isinstance(config, ExtractionPipelineConfig | ExtractionPipelineConfigWrite):
            raise TypeError(
                f"config must be an ExtractionPipelineConfigWrite or ExtractionPipelineConfig, not {type(config).__name__}"
            )
        resp = await self._post(self._RESOURCE_PATH, json=config.as_write().dump())
        return object_decoder(ExtractionPipelineConfig).decode(resp.content)

    async def revert(self, external_id: str, revision: int) -> ExtractionPipelineConfig:
        """Make an earlier revision the latest again: CDF copies it into a new revision.

        Args:
            external_id: The external id of the pipeline.
            revision: The revision to go back to.

        Returns:
            The new (latest) revision.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import DataSetWrite, ExtractionPipelineConfigWrite, ExtractionPipelineWrite
            >>> with emulated_client() as client:
            ...     ds = client.data_sets.create(DataSetWrite(external_id="sources"))
            ...     _ = client.extraction_pipelines.create(ExtractionPipelineWrite("sap", "SAP", ds.id))
            ...     for text in ("a: 1", "a: 2"):
            ...         _ = client.extraction_pipelines.config.create(ExtractionPipelineConfigWrite("sap", text))
            ...     reverted = client.extraction_pipelines.config.revert("sap", revision=1)
            ...     reverted.revision, reverted.config
            (3, 'a: 1')
        """
        if isinstance(revision, bool) or not isinstance(revision, int) or revision < 0:
            raise ValueError(f"revision must be a non-negative int, got {revision!r}")
        body = {"externalId": _external_id(external_id), "revision": revision}
        resp = await self._post(self._RESOURCE_PATH + "/revert", json=body)
        return object_decoder(ExtractionPipelineConfig).decode(resp.content)
