"""The Transformations API: transformations (a table on the generic verbs), runs, cancel and preview; jobs,
schedules, notifications, destination schemas and external data sources as sub-APIs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any, Literal, overload

from cognite.client._api.transformations.externaldata import TransformationExternalDataSourcesAPI
from cognite.client._api.transformations.jobs import TransformationJobsAPI
from cognite.client._api.transformations.notifications import TransformationNotificationsAPI
from cognite.client._api.transformations.schedules import TransformationSchedulesAPI
from cognite.client._api.transformations.schema import TransformationSchemaAPI
from cognite.client._api_client import APIClient, IdentifierSequence, check_type, identifier_dicts, object_decoder
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes._base import SequenceNotStr, set_client
from cognite.client.data_classes.shared import TimestampRange
from cognite.client.data_classes.transformations import (
    CONFLICT_MODES,
    ContainsAny,
    TagsFilter,
    Transformation,
    TransformationFilter,
    TransformationList,
    TransformationPreviewResult,
    TransformationUpdate,
    TransformationWrite,
)
from cognite.client.data_classes.transformations.common import ASSET_CENTRIC_TYPES, NonceCredentials, OidcCredentials
from cognite.client.data_classes.transformations.jobs import TransformationJob

__all__ = [
    "TransformationExternalDataSourcesAPI",
    "TransformationJobsAPI",
    "TransformationNotificationsAPI",
    "TransformationSchedulesAPI",
    "TransformationSchemaAPI",
    "TransformationsAPI",
]

UpdateMode = Literal["replace_ignore_null", "patch", "replace"]
DESTINATION_TYPES: frozenset[str] = ASSET_CENTRIC_TYPES | {"raw", "sequence_rows", "nodes", "edges", "instances"}


def transformation_identifier(transformation_id: Any, transformation_external_id: Any) -> dict[str, Any]:
    """The wire identifier of one transformation, given by exactly one of id and external id."""
    if (transformation_id is None) == (transformation_external_id is None):
        raise ValueError("Exactly one of transformation_id and transformation_external_id must be given")
    if transformation_id is not None:
        if isinstance(transformation_id, bool) or not isinstance(transformation_id, int):
            raise TypeError(f"transformation_id must be an int, got {transformation_id!r}")
        return {"id": transformation_id}
    if not isinstance(transformation_external_id, str) or not transformation_external_id:
        raise TypeError(f"transformation_external_id must be a non-empty str, got {transformation_external_id!r}")
    return {"externalId": transformation_external_id}


def _time_range(value: Any, name: str) -> Any:
    if value is not None and not isinstance(value, dict | TimestampRange):
        raise TypeError(f"{name} must be a dict or a TimestampRange, not {type(value).__name__}")
    return value


class TransformationsAPI(APIClient[Transformation, TransformationList]):
    """Create, read, update, delete, run, cancel and preview transformations; ``.jobs``, ``.schedules``,
    ``.notifications``, ``.schema`` and ``.external_data_sources`` hold the rest.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.transformations import TransformationDestination, TransformationWrite
        >>> with emulated_client() as client:
        ...     _ = client.transformations.create(TransformationWrite(
        ...         "t1", "Assets", query="select 'a' as externalId, 'A' as name",
        ...         destination=TransformationDestination.assets(), conflict_mode="upsert"))
        ...     client.transformations.run(transformation_external_id="t1").status
        <TransformationJobStatus.COMPLETED: 'Completed'>
    """

    _RESOURCE_PATH = "/transformations"
    _RESOURCE_CLS = Transformation
    _LIST_CLS = TransformationList
    _UPDATE_CLS = TransformationUpdate
    _LIST_SUFFIX = "/filter"
    _CREATE_LIMIT = 1000
    _RETRIEVE_LIMIT = 1000
    _UPDATE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _LIST_LIMIT = 1000

    jobs: LazyAPI[TransformationJobsAPI] = LazyAPI("cognite.client._api.transformations.jobs:TransformationJobsAPI")
    schedules: LazyAPI[TransformationSchedulesAPI] = LazyAPI(
        "cognite.client._api.transformations.schedules:TransformationSchedulesAPI"
    )
    notifications: LazyAPI[TransformationNotificationsAPI] = LazyAPI(
        "cognite.client._api.transformations.notifications:TransformationNotificationsAPI"
    )
    schema: LazyAPI[TransformationSchemaAPI] = LazyAPI(
        "cognite.client._api.transformations.schema:TransformationSchemaAPI"
    )
    external_data_sources: LazyAPI[TransformationExternalDataSourcesAPI] = LazyAPI(
        "cognite.client._api.transformations.externaldata:TransformationExternalDataSourcesAPI"
    )

    # ------------------------------------------------------------------------------------------ filters

    @staticmethod
    def _filter(
        include_public: bool,
        name_regex: str | None,
        query_regex: str | None,
        destination_type: str | None,
        conflict_mode: str | None,
        cdf_project_name: str | None,
        has_blocked_error: bool | None,
        created_time: dict[str, Any] | TimestampRange | None,
        last_updated_time: dict[str, Any] | TimestampRange | None,
        data_set_ids: int | Sequence[int] | None,
        data_set_external_ids: str | Sequence[str] | None,
        tags: TagsFilter | Sequence[str] | None,
    ) -> dict[str, Any]:
        check_type(include_public, bool, "include_public")
        for value, name in (
            (name_regex, "name_regex"),
            (query_regex, "query_regex"),
            (cdf_project_name, "cdf_project_name"),
        ):
            check_type(value, str, name)
        check_type(has_blocked_error, bool, "has_blocked_error")
        if destination_type is not None and destination_type not in DESTINATION_TYPES:
            raise ValueError(f"destination_type must be one of {sorted(DESTINATION_TYPES)}, got {destination_type!r}")
        if conflict_mode is not None and conflict_mode not in CONFLICT_MODES:
            raise ValueError(f"conflict_mode must be one of {sorted(CONFLICT_MODES)}, got {conflict_mode!r}")
        if tags is not None and not isinstance(tags, TagsFilter):
            if isinstance(tags, str) or not isinstance(tags, Sequence) or not all(isinstance(t, str) for t in tags):
                raise TypeError(f"tags must be a ContainsAny filter or a list of str, got {tags!r}")
            tags = ContainsAny(list(tags))
        return TransformationFilter(
            include_public=include_public,
            name_regex=name_regex,
            query_regex=query_regex,
            destination_type=destination_type,
            conflict_mode=conflict_mode,
            cdf_project_name=cdf_project_name,
            has_blocked_error=has_blocked_error,
            created_time=_time_range(created_time, "created_time"),
            last_updated_time=_time_range(last_updated_time, "last_updated_time"),
            data_set_ids=identifier_dicts(data_set_ids, data_set_external_ids, "data_set_ids", "data_set_external_ids"),
            tags=tags,
        ).dump(camel_case=True)

    # ------------------------------------------------------------------------------------------ credentials

    async def _with_sessions(self, items: list[Any], keep_none: bool = False) -> list[Any]:
        """Turn credentials into sessions, as far as CDF allows: OIDC credentials without a nonce become a session of
        those credentials, and (unless ``keep_none``) a transformation with neither gets a session of the client's
        own credentials; one session per distinct credentials. A session that cannot be made leaves the item as it
        was (CDF then decides). Items of other kinds are passed through."""
        from cognite.client.exceptions import CogniteAPIError

        project = self._cognite_client.config.project
        sessions: dict[Any, NonceCredentials | None] = {}
        out = []
        for item in items:
            if not isinstance(item, Transformation | TransformationWrite):
                out.append(item)
                continue
            item = item.copy()
            for side in ("source", "destination"):
                nonce_attr, creds_attr = f"{side}_nonce", f"{side}_oidc_credentials"
                creds: OidcCredentials | None = getattr(item, creds_attr)
                if getattr(item, nonce_attr) is not None or (creds is None and keep_none):
                    continue
                key = None if creds is None else (creds.client_id, creds.client_secret)
                if key not in sessions:
                    try:
                        created = await self._cognite_client.iam.sessions.create(
                            None if creds is None else creds.as_client_credentials()
                        )
                    except CogniteAPIError:
                        sessions[key] = None
                    else:
                        cdf_project = project if creds is None else creds.cdf_project_name
                        sessions[key] = NonceCredentials(created.id, created.nonce, cdf_project)
                if sessions[key] is not None:
                    setattr(item, nonce_attr, sessions[key])
                    setattr(item, creds_attr, None)
            out.append(item)
        return out

    # ------------------------------------------------------------------------------------------ reading

    async def retrieve(self, id: int | None = None, external_id: str | None = None) -> Transformation | None:
        """Retrieve one transformation by id or external id (with its running and last finished jobs).

        Args:
            id: The id.
            external_id: The external id.

        Returns:
            The transformation, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.transformations.retrieve(external_id="missing") is None
            True
        """
        identifiers = IdentifierSequence.load_one(id=id, external_id=external_id)
        return await self._retrieve_multiple(identifiers, extra_body={"withJobDetails": True})  # type: ignore[no-any-return]

    async def retrieve_multiple(
        self,
        ids: Sequence[int] | None = None,
        external_ids: SequenceNotStr[str] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> TransformationList:
        """Retrieve several transformations by ids and/or external ids.

        Args:
            ids: The ids.
            external_ids: The external ids.
            ignore_unknown_ids: Leave out identifiers that do not exist instead of raising.

        Returns:
            The transformations.

        Raises:
            CogniteNotFoundError: Some identifiers do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.transformations.retrieve_multiple(external_ids=["a"], ignore_unknown_ids=True))
            0
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(ids=ids, external_ids=external_ids)
        identifiers.is_singleton = False
        return await self._retrieve_multiple(  # type: ignore[no-any-return]
            identifiers, ignore_unknown_ids, extra_body={"withJobDetails": True}
        )

    async def list(
        self,
        include_public: bool = True,
        name_regex: str | None = None,
        query_regex: str | None = None,
        destination_type: str | None = None,
        conflict_mode: str | None = None,
        cdf_project_name: str | None = None,
        has_blocked_error: bool | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        tags: TagsFilter | Sequence[str] | None = None,
        limit: int | None = 25,
    ) -> TransformationList:
        """List transformations matching the filters.

        Args:
            include_public: Include public transformations, not only the caller's own.
            name_regex: A regex the name matches.
            query_regex: A regex the query matches.
            destination_type: The destination type, e.g. ``"assets"`` or ``"raw"``.
            conflict_mode: abort, upsert, update or delete.
            cdf_project_name: The project the transformations read from.
            has_blocked_error: Only blocked (True) or only unblocked (False) transformations.
            created_time: Range of creation time (ms).
            last_updated_time: Range of last update time (ms).
            data_set_ids: In these data sets (ids).
            data_set_external_ids: In these data sets (external ids).
            tags: With any of these tags (a list, or ``ContainsAny``).
            limit: Maximum number of transformations (default 25; None, -1 or inf: all).

        Returns:
            The transformations.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.transformations import TransformationDestination, TransformationWrite
            >>> with emulated_client() as client:
            ...     _ = client.transformations.create([
            ...         TransformationWrite("a", "A", destination=TransformationDestination.assets(), tags=["x"]),
            ...         TransformationWrite("b", "B", destination=TransformationDestination.raw("db", "t"))])
            ...     [t.external_id for t in client.transformations.list(destination_type="raw")]
            ['b']
        """
        flt = self._filter(
            include_public, name_regex, query_regex, destination_type, conflict_mode, cdf_project_name,
            has_blocked_error, created_time, last_updated_time, data_set_ids, data_set_external_ids, tags,
        )  # fmt: skip
        return await self._list(limit=limit, filter=flt)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        include_public: bool = True,
        name_regex: str | None = None,
        query_regex: str | None = None,
        destination_type: str | None = None,
        conflict_mode: str | None = None,
        cdf_project_name: str | None = None,
        has_blocked_error: bool | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        tags: TagsFilter | Sequence[str] | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[Transformation] | AsyncIterator[TransformationList]:
        """Iterate over transformations lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many transformations (None: one at a time).
            include_public: Include public transformations, not only the caller's own.
            name_regex: A regex the name matches.
            query_regex: A regex the query matches.
            destination_type: The destination type.
            conflict_mode: abort, upsert, update or delete.
            cdf_project_name: The project the transformations read from.
            has_blocked_error: Only blocked (True) or only unblocked (False) transformations.
            created_time: Range of creation time (ms).
            last_updated_time: Range of last update time (ms).
            data_set_ids: In these data sets (ids).
            data_set_external_ids: In these data sets (external ids).
            tags: With any of these tags.
            limit: Maximum number of transformations (None: all).

        Returns:
            An async iterator of transformations or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for transformation in client.transformations(chunk_size=10):
            ...         pass
        """
        flt = self._filter(
            include_public, name_regex, query_regex, destination_type, conflict_mode, cdf_project_name,
            has_blocked_error, created_time, last_updated_time, data_set_ids, data_set_external_ids, tags,
        )  # fmt: skip
        return self._list_generator(chunk_size=chunk_size, limit=limit, filter=flt)

    # ------------------------------------------------------------------------------------------ writing

    @overload
    async def create(self, transformation: Transformation | TransformationWrite) -> Transformation: ...
    @overload
    async def create(
        self, transformation: Sequence[Transformation] | Sequence[TransformationWrite]
    ) -> TransformationList: ...
    async def create(
        self,
        transformation: Transformation | TransformationWrite | Sequence[Transformation] | Sequence[TransformationWrite],
    ) -> Transformation | TransformationList:
        """Create one or more transformations. Credentials become sessions: OIDC credentials without a nonce are
        exchanged for a client-credentials session, and without any credentials a session of the client's own
        credentials is made, so CDF stores nonces, never secrets.

        Args:
            transformation: A transformation or a list of them (write or read objects).

        Returns:
            The created transformation, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.transformations import TransformationDestination, TransformationWrite
            >>> with emulated_client() as client:
            ...     t = client.transformations.create(TransformationWrite(
            ...         "t1", "Events", destination=TransformationDestination.events()))
            ...     t.destination.type, t.source_session is not None
            ('events', True)
        """
        single = isinstance(transformation, Transformation | TransformationWrite)
        given = [transformation] if single else list(transformation)  # type: ignore[arg-type]
        writes: list[TransformationWrite] = []
        for item in given:
            if not isinstance(item, Transformation | TransformationWrite):
                raise TypeError(
                    f"transformation must be a TransformationWrite or Transformation, not {type(item).__name__}"
                )
            writes.append(item.as_write())
        with_sessions = await self._with_sessions(writes)
        return await self._create_multiple(  # type: ignore[no-any-return]
            with_sessions[0] if single else with_sessions, write_cls=TransformationWrite, input_name="transformation"
        )

    @overload
    async def update(
        self, item: Transformation | TransformationWrite | TransformationUpdate, mode: UpdateMode = ...
    ) -> Transformation: ...
    @overload
    async def update(
        self, item: Sequence[Transformation | TransformationWrite | TransformationUpdate], mode: UpdateMode = ...
    ) -> TransformationList: ...
    async def update(
        self,
        item: Transformation
        | TransformationWrite
        | TransformationUpdate
        | Sequence[Transformation | TransformationWrite | TransformationUpdate],
        mode: UpdateMode = "replace_ignore_null",
    ) -> Transformation | TransformationList:
        """Update one or more transformations, from TransformationUpdate objects or from whole transformations
        (whose OIDC credentials become sessions, as in ``create``).

        Args:
            item: Transformation(s) or TransformationUpdate(s).
            mode: For whole transformations: "replace_ignore_null" (set given fields), "patch" (also add tags), or
                "replace" (clear what is not given).

        Returns:
            The updated transformation, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.transformations import (
            ...     TransformationDestination, TransformationUpdate, TransformationWrite)
            >>> with emulated_client() as client:
            ...     _ = client.transformations.create(TransformationWrite("t1", "T", destination=TransformationDestination.assets()))
            ...     client.transformations.update(TransformationUpdate(external_id="t1").name.set("Renamed")).name
            'Renamed'
        """
        single = not isinstance(item, Sequence)
        given: list[Any] = [item] if not isinstance(item, Sequence) else list(item)
        items = await self._with_sessions(given, keep_none=True)
        return await self._update_multiple(items[0] if single else items, mode)  # type: ignore[no-any-return]

    async def delete(
        self,
        id: int | Sequence[int] | None = None,
        external_id: str | SequenceNotStr[str] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> None:
        """Delete one or more transformations (with their schedules, notifications and jobs).

        Args:
            id: Id(s) to delete.
            external_id: External id(s) to delete.
            ignore_unknown_ids: Ignore identifiers that do not exist instead of raising.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.transformations import TransformationDestination, TransformationWrite
            >>> with emulated_client() as client:
            ...     _ = client.transformations.create(TransformationWrite("t1", "T", destination=TransformationDestination.assets()))
            ...     client.transformations.delete(external_id="t1")
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(ids=id, external_ids=external_id, id_name="id", external_id_name="external_id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=ignore_unknown_ids)

    # ------------------------------------------------------------------------------------------ running

    async def run(
        self,
        transformation_id: int | None = None,
        transformation_external_id: str | None = None,
        wait: bool = True,
        timeout: float | None = None,
    ) -> TransformationJob:
        """Run a transformation: CDF starts a job; by default wait until it finishes.

        Args:
            transformation_id: The id of the transformation.
            transformation_external_id: The external id of the transformation.
            wait: Wait until the job is Completed or Failed (polling its status).
            timeout: With ``wait``: the most seconds to wait; the job is then returned in the status it has.

        Returns:
            The job.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.transformations import TransformationDestination, TransformationWrite
            >>> with emulated_client() as client:
            ...     _ = client.transformations.create(TransformationWrite("t1", "T", query="select 'a' as key, 1 as value",
            ...         destination=TransformationDestination.raw("db", "t")))
            ...     job = client.transformations.run(transformation_external_id="t1", wait=False)
            ...     job.status, job.wait().status
            (<TransformationJobStatus.CREATED: 'Created'>, <TransformationJobStatus.COMPLETED: 'Completed'>)
        """
        body = transformation_identifier(transformation_id, transformation_external_id)
        check_type(wait, bool, "wait")
        if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout < 0):
            raise ValueError(f"timeout must be a non-negative number or None, got {timeout!r}")
        resp = await self._post(self._RESOURCE_PATH + "/run", json=body)
        job = object_decoder(TransformationJob).decode(resp.content)
        set_client(job, self._cognite_client)
        if wait:
            await job.wait_async(timeout=timeout)
        return job

    async def cancel(self, transformation_id: int | None = None, transformation_external_id: str | None = None) -> None:
        """Cancel the running job of a transformation (it ends as Failed).

        Args:
            transformation_id: The id of the transformation.
            transformation_external_id: The external id of the transformation.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.transformations import TransformationDestination, TransformationWrite
            >>> with emulated_client() as client:
            ...     _ = client.transformations.create(TransformationWrite("t1", "T", query="select 'a' as key, 1 as value",
            ...         destination=TransformationDestination.raw("db", "t")))
            ...     job = client.transformations.run(transformation_external_id="t1", wait=False)
            ...     client.transformations.cancel(transformation_external_id="t1")
            ...     job.wait().status
            <TransformationJobStatus.FAILED: 'Failed'>
        """
        body = transformation_identifier(transformation_id, transformation_external_id)
        await self._post(self._RESOURCE_PATH + "/cancel", json=body)

    async def preview(
        self,
        query: str | None = None,
        convert_to_string: bool = False,
        limit: int | None = 100,
        source_limit: int | None = 100,
        infer_schema_limit: int | None = 10_000,
        timeout: int | None = 240,
    ) -> TransformationPreviewResult:
        """Run a query without writing anything, and return the schema of its result and the first rows.

        Args:
            query: The SQL query.
            convert_to_string: Give every value as a string.
            limit: The most rows to return.
            source_limit: The most rows to read from each source table (None: no limit).
            infer_schema_limit: The most rows to infer the schema of a RAW table from (None: no limit).
            timeout: The most seconds the query may run.

        Returns:
            The result's schema and rows.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     result = client.transformations.preview("select 1 as id, 'pump' as name")
            ...     result.results, [c.sql_type for c in result.schema]
            ([{'id': 1, 'name': 'pump'}], ['int', 'string'])
        """
        if not isinstance(query, str) or not query.strip():
            raise ValueError(f"query must be a non-empty str, got {query!r}")
        check_type(convert_to_string, bool, "convert_to_string")
        body: dict[str, Any] = {"query": query, "convertToString": convert_to_string}
        for value, name, key in (
            (limit, "limit", "limit"),
            (source_limit, "source_limit", "sourceLimit"),
            (infer_schema_limit, "infer_schema_limit", "inferSchemaLimit"),
            (timeout, "timeout", "timeout"),
        ):
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive int or None, got {value!r}")
            body[key] = value
        resp = await self._post(self._RESOURCE_PATH + "/query/run", json=body)
        return object_decoder(TransformationPreviewResult).decode(resp.content)
