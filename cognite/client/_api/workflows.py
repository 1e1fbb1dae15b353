"""The Data Workflows API: workflows, versions, executions, tasks and triggers.

Workflows, versions and triggers are upserted one per request (the API's limit) and keyed by external ids (a version
by ``(workflow external id, version)``); the API has no ``/byids``, so retrieving several is one GET each.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, MutableSequence, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

from cognite.client._api_client import (
    APIClient,
    IdentifierSequence,
    check_type,
    chunks,
    external_id_list,
    object_decoder,
    resource_path,
    split_filter,
)
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.workflows import (
    WORKFLOW_STATUSES,
    Workflow,
    WorkflowExecution,
    WorkflowExecutionDetailed,
    WorkflowExecutionList,
    WorkflowIds,
    WorkflowList,
    WorkflowStatus,
    WorkflowTaskExecution,
    WorkflowTrigger,
    WorkflowTriggerList,
    WorkflowTriggerRun,
    WorkflowTriggerRunList,
    WorkflowTriggerUpsert,
    WorkflowUpsert,
    WorkflowVersion,
    WorkflowVersionId,
    WorkflowVersionIdentifier,
    WorkflowVersionList,
    WorkflowVersionUpsert,
    wire_status,
)

if TYPE_CHECKING:
    from cognite.client.data_classes.iam import ClientCredentials

__all__ = ["WorkflowAPI", "WorkflowExecutionAPI", "WorkflowTaskAPI", "WorkflowTriggerAPI", "WorkflowVersionAPI"]

T = TypeVar("T")
_FILTER_LIMITS = {"workflowFilters": 100}
_TASK_UPDATE_STATUSES = ("completed", "failed", "failed_with_terminal_error")


def _check_replace(mode: Any) -> None:
    if mode != "replace":
        raise ValueError(f"mode must be 'replace' (workflow upserts always replace), got {mode!r}")


def _version_ids(value: Any, name: str, *, versions_required: bool) -> list[WorkflowVersionId]:
    """Validate workflow version identifiers given by a user (one or a sequence)."""
    if isinstance(value, WorkflowVersionId | tuple | str | WorkflowIds):
        raw: list[Any] = list(WorkflowIds.load(value))
    elif isinstance(value, Sequence) and not isinstance(value, bytes):
        raw = list(value)
    else:
        raise TypeError(f"{name} must be a WorkflowVersionId, a (workflow_external_id, version) tuple or a sequence")
    ids = []
    for item in raw:
        if not isinstance(item, WorkflowVersionId | tuple | str):
            raise TypeError(f"{name} must hold WorkflowVersionId or tuples, not {type(item).__name__}")
        ident = WorkflowVersionId.load(item)
        if versions_required and ident.version is None:
            raise ValueError(f"{name} needs a version for {ident.workflow_external_id!r}")
        ids.append(ident)
    return list(dict.fromkeys(ids))


def _workflow_filters(value: Any, name: str) -> dict[str, Any] | None:
    if value is None:
        return None
    ids = _version_ids(value, name, versions_required=False)
    return {"workflowFilters": [{"externalId": i.workflow_external_id, **({"version": i.version} if i.version else {})}
                                for i in ids]}  # fmt: skip


async def _nonce(api: APIClient[Any, Any], client_credentials: ClientCredentials | None, nonce: str | None) -> str:
    """The nonce to authenticate an execution with: the one given, or one of a new session."""
    if nonce is not None:
        check_type(nonce, str, "nonce")
        if not nonce:
            raise ValueError("nonce must be a non-empty str")
        return nonce
    session = await api._cognite_client.iam.sessions.create(client_credentials)
    if not session.nonce:
        raise ValueError("The session CDF created has no nonce")
    return session.nonce


class WorkflowAPI(APIClient[Workflow, WorkflowList]):
    """Upsert, retrieve, list and delete workflows; ``.versions``, ``.executions``, ``.tasks`` and ``.triggers``.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes import WorkflowUpsert
        >>> with emulated_client() as client:
        ...     _ = client.workflows.upsert(WorkflowUpsert("etl", description="nightly"))
        ...     client.workflows.retrieve("etl").description
        'nightly'
    """

    _RESOURCE_PATH = "/workflows"
    _RESOURCE_CLS = Workflow
    _LIST_CLS = WorkflowList
    _CREATE_LIMIT = 1
    _DELETE_LIMIT = 100
    _LIST_LIMIT = 1000

    versions: LazyAPI[WorkflowVersionAPI] = LazyAPI("cognite.client._api.workflows:WorkflowVersionAPI")
    executions: LazyAPI[WorkflowExecutionAPI] = LazyAPI("cognite.client._api.workflows:WorkflowExecutionAPI")
    tasks: LazyAPI[WorkflowTaskAPI] = LazyAPI("cognite.client._api.workflows:WorkflowTaskAPI")
    triggers: LazyAPI[WorkflowTriggerAPI] = LazyAPI("cognite.client._api.workflows:WorkflowTriggerAPI")

    @overload
    async def upsert(self, workflow: WorkflowUpsert | Workflow, mode: Literal["replace"] = "replace") -> Workflow: ...
    @overload
    async def upsert(
        self, workflow: Sequence[WorkflowUpsert] | Sequence[Workflow], mode: Literal["replace"] = "replace"
    ) -> WorkflowList: ...
    async def upsert(
        self,
        workflow: WorkflowUpsert | Workflow | Sequence[WorkflowUpsert] | Sequence[Workflow],
        mode: Literal["replace"] = "replace",
    ) -> Workflow | WorkflowList:
        """Create or replace one or more workflows (one per request, sent concurrently).

        Args:
            workflow: The workflow(s) (write or read objects).
            mode: Always "replace": fields not given are cleared.

        Returns:
            The workflow, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import WorkflowUpsert
            >>> with emulated_client() as client:
            ...     [w.external_id for w in client.workflows.upsert([WorkflowUpsert("a"), WorkflowUpsert("b")])]
            ['a', 'b']
        """
        _check_replace(mode)
        return await self._create_multiple(  # type: ignore[no-any-return]
            workflow, write_cls=WorkflowUpsert, input_name="workflow", retryable=True
        )

    @overload
    async def retrieve(self, external_id: str, ignore_unknown_ids: bool = False) -> Workflow | None: ...
    @overload
    async def retrieve(self, external_id: SequenceNotStr[str], ignore_unknown_ids: bool = False) -> WorkflowList: ...
    async def retrieve(
        self, external_id: str | SequenceNotStr[str], ignore_unknown_ids: bool = False
    ) -> Workflow | WorkflowList | None:
        """Retrieve one workflow (None if it does not exist) or several.

        Args:
            external_id: One external id, or a sequence of them.
            ignore_unknown_ids: For several: leave out those that do not exist instead of raising.

        Returns:
            The workflow or None for one external id; a list for several.

        Raises:
            CogniteNotFoundError: Some of several do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import WorkflowUpsert
            >>> with emulated_client() as client:
            ...     _ = client.workflows.upsert(WorkflowUpsert("a"))
            ...     client.workflows.retrieve("missing") is None, len(client.workflows.retrieve(["a", "x"], True))
            (True, 1)
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        if isinstance(external_id, str):
            return await self._retrieve(resource_path("/workflows/{external_id}", external_id=external_id))  # type: ignore[no-any-return]
        if not isinstance(external_id, Sequence):
            raise TypeError(f"external_id must be a str or a sequence of str, not {type(external_id).__name__}")
        xids = external_id_list(list(external_id), "external_id") or []
        paths = [resource_path("/workflows/{external_id}", external_id=x) for x in xids]
        return await self._retrieve_paths(paths, [{"externalId": x} for x in xids], ignore_unknown_ids)  # type: ignore[no-any-return]

    async def list(self, limit: int | None = 25) -> WorkflowList:
        """List workflows.

        Args:
            limit: Maximum number of workflows (default 25; None, -1 or inf: all).

        Returns:
            The workflows.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.workflows.list(limit=None))
            0
        """
        return await self._list(limit=limit, method="GET")  # type: ignore[no-any-return]

    def __call__(
        self, chunk_size: int | None = None, limit: int | None = None
    ) -> AsyncIterator[Workflow] | AsyncIterator[WorkflowList]:
        """Iterate over workflows lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many workflows (None: one at a time).
            limit: Maximum number of workflows (None: all).

        Returns:
            An async iterator of workflows or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import WorkflowUpsert
            >>> with emulated_client() as client:
            ...     _ = client.workflows.upsert([WorkflowUpsert("a"), WorkflowUpsert("b")])
            ...     [len(chunk) for chunk in client.workflows(chunk_size=1)]
            [1, 1]
        """
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET")

    async def delete(self, external_id: str | SequenceNotStr[str], ignore_unknown_ids: bool = False) -> None:
        """Delete one or more workflows, with their versions.

        Args:
            external_id: One external id or a sequence of them.
            ignore_unknown_ids: Ignore external ids that do not exist instead of raising.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import WorkflowUpsert
            >>> with emulated_client() as client:
            ...     _ = client.workflows.upsert(WorkflowUpsert("a"))
            ...     client.workflows.delete(["a", "b"], ignore_unknown_ids=True)
            ...     client.workflows.retrieve("a") is None
            True
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(external_ids=external_id, external_id_name="external_id")
        await self._delete_multiple(
            identifiers, ignore_unknown_ids=None, params={"ignoreUnknownIds": ignore_unknown_ids}
        )


class WorkflowVersionAPI(APIClient[WorkflowVersion, WorkflowVersionList]):
    """Upsert, retrieve, list and delete workflow versions (the tasks a workflow runs, under a version name).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes import (
        ...     CDFTaskParameters, WorkflowDefinitionUpsert, WorkflowTask, WorkflowVersionUpsert)
        >>> with emulated_client() as client:
        ...     task = WorkflowTask("count", CDFTaskParameters("/assets", "GET"))
        ...     _ = client.workflows.versions.upsert(WorkflowVersionUpsert("etl", "1", WorkflowDefinitionUpsert([task])))
        ...     client.workflows.versions.retrieve(("etl", "1")).workflow_definition.tasks[0].type
        'cdf'
    """

    _RESOURCE_PATH = "/workflows/versions"
    _RESOURCE_CLS = WorkflowVersion
    _LIST_CLS = WorkflowVersionList
    _CREATE_LIMIT = 1
    _DELETE_LIMIT = 100
    _LIST_LIMIT = 1000

    @overload
    async def upsert(
        self, version: WorkflowVersionUpsert | WorkflowVersion, mode: Literal["replace"] = "replace"
    ) -> WorkflowVersion: ...
    @overload
    async def upsert(
        self, version: Sequence[WorkflowVersionUpsert] | Sequence[WorkflowVersion], mode: Literal["replace"] = "replace"
    ) -> WorkflowVersionList: ...
    async def upsert(
        self,
        version: WorkflowVersionUpsert | WorkflowVersion | Sequence[WorkflowVersionUpsert] | Sequence[WorkflowVersion],
        mode: Literal["replace"] = "replace",
    ) -> WorkflowVersion | WorkflowVersionList:
        """Create or replace one or more workflow versions (one per request, sent concurrently).

        Args:
            version: The version(s) (write or read objects).
            mode: Always "replace": the definition given replaces the one stored.

        Returns:
            The version, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import (
            ...     TransformationTaskParameters, WorkflowDefinitionUpsert, WorkflowTask, WorkflowVersionUpsert)
            >>> with emulated_client() as client:
            ...     task = WorkflowTask("t", TransformationTaskParameters("my-transformation"))
            ...     v = client.workflows.versions.upsert(WorkflowVersionUpsert("etl", "1", WorkflowDefinitionUpsert([task])))
            ...     v.as_id().as_tuple()
            ('etl', '1')
        """
        _check_replace(mode)
        return await self._create_multiple(  # type: ignore[no-any-return]
            version, write_cls=WorkflowVersionUpsert, input_name="version", retryable=True
        )

    @overload
    async def retrieve(
        self, workflow_external_id: WorkflowVersionIdentifier, ignore_unknown_ids: bool = False
    ) -> WorkflowVersion | None: ...
    @overload
    async def retrieve(
        self,
        workflow_external_id: MutableSequence[WorkflowVersionIdentifier] | WorkflowIds,
        ignore_unknown_ids: bool = False,
    ) -> WorkflowVersionList: ...
    async def retrieve(
        self,
        workflow_external_id: WorkflowVersionIdentifier | MutableSequence[WorkflowVersionIdentifier] | WorkflowIds,
        ignore_unknown_ids: bool = False,
    ) -> WorkflowVersion | WorkflowVersionList | None:
        """Retrieve one workflow version (None if it does not exist) or several.

        Args:
            workflow_external_id: A WorkflowVersionId or ``(workflow_external_id, version)`` tuple, or a sequence of
                them (or WorkflowIds).
            ignore_unknown_ids: For several: leave out those that do not exist instead of raising.

        Returns:
            The version or None for one identifier; a list for several.

        Raises:
            CogniteNotFoundError: Some of several do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import WorkflowVersionId
            >>> with emulated_client() as client:
            ...     client.workflows.versions.retrieve(WorkflowVersionId("etl", "1")) is None
            True
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        single = isinstance(workflow_external_id, WorkflowVersionId | tuple | str)
        ids = _version_ids(workflow_external_id, "workflow_external_id", versions_required=True)
        paths = [
            resource_path("/workflows/{workflow_external_id}/versions/{version}",
                          workflow_external_id=i.workflow_external_id, version=i.version)
            for i in ids
        ]  # fmt: skip
        if single:
            return await self._retrieve(paths[0])  # type: ignore[no-any-return]
        return await self._retrieve_paths(paths, [i.dump() for i in ids], ignore_unknown_ids)  # type: ignore[no-any-return]

    async def list(
        self,
        workflow_version_ids: WorkflowVersionIdentifier | MutableSequence[WorkflowVersionIdentifier] | None = None,
        limit: int | None = 25,
    ) -> WorkflowVersionList:
        """List workflow versions, of every workflow or of given ones.

        Args:
            workflow_version_ids: Only these: a workflow external id (every version of it), a WorkflowVersionId or
                tuple, or a sequence of them.
            limit: Maximum number of versions (default 25; None, -1 or inf: all).

        Returns:
            The versions.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import (
            ...     CDFTaskParameters, WorkflowDefinitionUpsert, WorkflowTask, WorkflowVersionUpsert)
            >>> with emulated_client() as client:
            ...     definition = WorkflowDefinitionUpsert([WorkflowTask("a", CDFTaskParameters("/assets", "GET"))])
            ...     for xid, version in [("etl", "1"), ("etl", "2"), ("other", "1")]:
            ...         _ = client.workflows.versions.upsert(WorkflowVersionUpsert(xid, version, definition))
            ...     client.workflows.versions.list("etl").as_ids().as_tuples()
            [('etl', '1'), ('etl', '2')]
        """
        flt = _workflow_filters(workflow_version_ids, "workflow_version_ids")
        return await self._list_many(filters=split_filter(flt, _FILTER_LIMITS), limit=limit)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        workflow_version_ids: WorkflowVersionIdentifier | MutableSequence[WorkflowVersionIdentifier] | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[WorkflowVersion] | AsyncIterator[WorkflowVersionList]:
        """Iterate over workflow versions lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many versions (None: one at a time).
            workflow_version_ids: Only these (as in ``list``).
            limit: Maximum number of versions (None: all).

        Returns:
            An async iterator of versions or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for version in client.workflows.versions(workflow_version_ids=["etl"]):
            ...         pass
        """
        flt = _workflow_filters(workflow_version_ids, "workflow_version_ids")
        return self._list_generator(chunk_size=chunk_size, limit=limit, filters=split_filter(flt, _FILTER_LIMITS))

    async def delete(
        self,
        workflow_version_id: WorkflowVersionIdentifier | MutableSequence[WorkflowVersionIdentifier],
        ignore_unknown_ids: bool = False,
    ) -> None:
        """Delete one or more workflow versions.

        Args:
            workflow_version_id: A WorkflowVersionId or ``(workflow_external_id, version)`` tuple, or a sequence.
            ignore_unknown_ids: Ignore versions that do not exist instead of raising.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.workflows.versions.delete(("etl", "1"), ignore_unknown_ids=True)
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        ids = [i.dump() for i in _version_ids(workflow_version_id, "workflow_version_id", versions_required=True)]
        bodies = [{"items": list(c)} for c in chunks(ids, self._DELETE_LIMIT)]
        await self._post_concurrently(
            self._RESOURCE_PATH + "/delete", bodies, operation="delete", reported=[b["items"] for b in bodies],
            params={"ignoreUnknownIds": ignore_unknown_ids},
        )  # fmt: skip


class WorkflowExecutionAPI(APIClient[WorkflowExecution, WorkflowExecutionList]):
    """Run workflow versions and follow, cancel and retry their executions.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes import (
        ...     CDFTaskParameters, WorkflowDefinitionUpsert, WorkflowTask, WorkflowVersionUpsert)
        >>> with emulated_client() as client:
        ...     task = WorkflowTask("count", CDFTaskParameters("/assets/list", "POST", body={"limit": 1}))
        ...     _ = client.workflows.versions.upsert(WorkflowVersionUpsert("etl", "1", WorkflowDefinitionUpsert([task])))
        ...     execution = client.workflows.executions.run("etl", "1")
        ...     detailed = client.workflows.executions.retrieve_detailed(execution.id)
        ...     detailed.status, detailed.executed_tasks[0].output.status_code
        ('completed', 200)
    """

    _RESOURCE_PATH = "/workflows/executions"
    _RESOURCE_CLS = WorkflowExecution
    _LIST_CLS = WorkflowExecutionList
    _LIST_LIMIT = 1000

    async def run(
        self,
        workflow_external_id: str,
        version: str,
        input: dict[str, Any] | None = None,
        metadata: dict[str, Any] | None = None,
        client_credentials: ClientCredentials | None = None,
        nonce: str | None = None,
    ) -> WorkflowExecution:
        """Start an execution of a workflow version.

        Without ``nonce``, a session is created (with ``client_credentials`` when given, else as the client's own
        credentials allow) and the execution runs with its nonce.

        Args:
            workflow_external_id: The external id of the workflow.
            version: The version to run.
            input: The input, which tasks refer to as ``${workflow.input.<key>}``.
            metadata: Custom metadata of the execution.
            client_credentials: Client credentials to create the session with.
            nonce: The nonce of an existing session to run with.

        Returns:
            The execution (usually still running).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import (
            ...     CDFTaskParameters, WorkflowDefinitionUpsert, WorkflowTask, WorkflowVersionUpsert)
            >>> with emulated_client() as client:
            ...     task = WorkflowTask("get", CDFTaskParameters("${workflow.input.path}", "GET"))
            ...     _ = client.workflows.versions.upsert(WorkflowVersionUpsert("etl", "1", WorkflowDefinitionUpsert([task])))
            ...     client.workflows.executions.run("etl", "1", input={"path": "/assets"}, metadata={"by": "me"}).metadata
            {'by': 'me'}
        """
        path = resource_path(
            "/workflows/{workflow_external_id}/versions/{version}/run",
            workflow_external_id=workflow_external_id, version=version,
        )  # fmt: skip
        check_type(input, dict, "input")
        check_type(metadata, dict, "metadata")
        body: dict[str, Any] = {"authentication": {"nonce": await _nonce(self, client_credentials, nonce)}}
        if input is not None:
            body["input"] = input
        if metadata is not None:
            body["metadata"] = metadata
        resp = await self._post(path, json=body)
        return self._one(resp.content, WorkflowExecution)

    def _one(self, content: bytes, cls: type[T]) -> T:
        from cognite.client.data_classes._base import set_client

        item = object_decoder(cls).decode(content)
        set_client(item, self._cognite_client)
        return item

    async def list(
        self,
        workflow_version_ids: WorkflowVersionIdentifier | MutableSequence[WorkflowVersionIdentifier] | None = None,
        created_time_start: int | None = None,
        created_time_end: int | None = None,
        statuses: WorkflowStatus | MutableSequence[WorkflowStatus] | None = None,
        limit: int | None = 25,
    ) -> WorkflowExecutionList:
        """List workflow executions, newest first.

        Args:
            workflow_version_ids: Only executions of these workflows (an external id: every version) or versions.
            created_time_start: Only executions created at or after this time (ms).
            created_time_end: Only executions created at or before this time (ms).
            statuses: Only executions with these statuses: running, completed, failed, timed_out, terminated.
            limit: Maximum number of executions (default 25; None, -1 or inf: all).

        Returns:
            The executions.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import (
            ...     CDFTaskParameters, WorkflowDefinitionUpsert, WorkflowTask, WorkflowVersionUpsert)
            >>> with emulated_client() as client:
            ...     task = WorkflowTask("a", CDFTaskParameters("/assets", "GET"))
            ...     _ = client.workflows.versions.upsert(WorkflowVersionUpsert("etl", "1", WorkflowDefinitionUpsert([task])))
            ...     _ = client.workflows.executions.run("etl", "1")
            ...     [e.status for e in client.workflows.executions.list(("etl", "1"), statuses=["completed"])]
            ['completed']
        """
        flt: dict[str, Any] = _workflow_filters(workflow_version_ids, "workflow_version_ids") or {}
        for name, value in (("createdTimeStart", created_time_start), ("createdTimeEnd", created_time_end)):
            if value is not None:
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise ValueError(f"{name} must be a non-negative int (ms), got {value!r}")
                flt[name] = value
        if statuses is not None:
            listed = [statuses] if isinstance(statuses, str) else statuses
            if not isinstance(listed, Sequence):
                raise TypeError(f"statuses must be a status or a sequence of them, not {type(statuses).__name__}")
            flt["status"] = list(dict.fromkeys(wire_status(s, WORKFLOW_STATUSES, "statuses") for s in listed))
        return await self._list_many(filters=split_filter(flt or None, _FILTER_LIMITS), limit=limit)  # type: ignore[no-any-return]

    async def retrieve_detailed(self, id: str) -> WorkflowExecutionDetailed | None:
        """Retrieve an execution with its definition, input and task executions (None if it does not exist).

        Args:
            id: The id of the execution.

        Returns:
            The detailed execution, or None.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.workflows.executions.retrieve_detailed("00000000-0000-4000-8000-000000000000") is None
            True
        """
        path = resource_path("/workflows/executions/{id}", id=id)
        return await self._retrieve(path, resource_cls=WorkflowExecutionDetailed)  # type: ignore[no-any-return]

    async def cancel(self, id: str, reason: str | None = None) -> WorkflowExecution:
        """Cancel a running execution: it becomes terminated, and its running tasks cancelled.

        Args:
            id: The id of the execution.
            reason: Why (kept as its reason for incompletion).

        Returns:
            The execution.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import (
            ...     FunctionTaskParameters, WorkflowDefinitionUpsert, WorkflowTask, WorkflowVersionUpsert)
            >>> with emulated_client() as client:
            ...     task = WorkflowTask("wait", FunctionTaskParameters("fn", is_async_complete=True))
            ...     _ = client.workflows.versions.upsert(WorkflowVersionUpsert("etl", "1", WorkflowDefinitionUpsert([task])))
            ...     execution = client.workflows.executions.run("etl", "1")
            ...     client.workflows.executions.cancel(execution.id, reason="not today").status
            'terminated'
        """
        path = resource_path("/workflows/executions/{id}/cancel", id=id)
        check_type(reason, str, "reason")
        resp = await self._post(path, json={} if reason is None else {"reason": reason})
        return self._one(resp.content, WorkflowExecution)

    async def retry(self, id: str, client_credentials: ClientCredentials | None = None) -> WorkflowExecution:
        """Retry a failed, timed out or terminated execution: its unfinished tasks run again.

        Args:
            id: The id of the execution.
            client_credentials: Client credentials to create the session with (default: as the client's own
                credentials allow).

        Returns:
            The execution.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import (
            ...     CDFTaskParameters, WorkflowDefinitionUpsert, WorkflowTask, WorkflowVersionUpsert)
            >>> with emulated_client() as client:
            ...     task = WorkflowTask("get", CDFTaskParameters("/assets/${workflow.input.id}", "GET"), retries=0)
            ...     _ = client.workflows.versions.upsert(WorkflowVersionUpsert("etl", "1", WorkflowDefinitionUpsert([task])))
            ...     execution = client.workflows.executions.run("etl", "1", input={"id": 123})
            ...     client.workflows.executions.retrieve_detailed(execution.id).status
            ...     client.workflows.executions.retry(execution.id).status
            'failed'
            'failed'
        """
        path = resource_path("/workflows/executions/{id}/retry", id=id)
        resp = await self._post(path, json={"authentication": {"nonce": await _nonce(self, client_credentials, None)}})
        return self._one(resp.content, WorkflowExecution)


class WorkflowTaskAPI(APIClient[Any, Any]):
    """Complete asynchronous tasks (tasks with ``is_async_complete``) from outside the workflow.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     try:
        ...         client.workflows.tasks.update("00000000-0000-4000-8000-000000000000", "completed")
        ...     except Exception as err:
        ...         print(type(err).__name__)
        CogniteNotFoundError
    """

    _RESOURCE_PATH = "/workflows/tasks"

    async def update(
        self,
        task_id: str,
        status: Literal["completed", "failed", "failed_with_terminal_error"],
        output: dict[str, Any] | None = None,
    ) -> WorkflowTaskExecution:
        """Set the status (and output) of an asynchronous task that is in progress; the workflow then goes on.

        Args:
            task_id: The id of the task execution.
            status: "completed", "failed" or "failed_with_terminal_error" (no retries).
            output: Output to merge into the task's output.

        Returns:
            The task execution.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import (
            ...     FunctionTaskParameters, WorkflowDefinitionUpsert, WorkflowTask, WorkflowVersionUpsert)
            >>> with emulated_client() as client:
            ...     task = WorkflowTask("wait", FunctionTaskParameters("fn", is_async_complete=True))
            ...     _ = client.workflows.versions.upsert(WorkflowVersionUpsert("etl", "1", WorkflowDefinitionUpsert([task])))
            ...     execution = client.workflows.executions.run("etl", "1")
            ...     task_id = client.workflows.executions.retrieve_detailed(execution.id).executed_tasks[0].id
            ...     client.workflows.tasks.update(task_id, "completed", {"rows": 3}).output.response
            ...     client.workflows.executions.retrieve_detailed(execution.id).status
            {'rows': 3}
            'completed'
        """
        path = resource_path("/workflows/tasks/{task_id}/update", task_id=task_id)
        check_type(output, dict, "output")
        body: dict[str, Any] = {"status": wire_status(status, _TASK_UPDATE_STATUSES)}
        if output is not None:
            body["output"] = output
        resp = await self._post(path, json=body)
        return WorkflowTaskExecution._load(msgspec_decode(resp.content))


def msgspec_decode(content: bytes) -> dict[str, Any]:
    """Decode a JSON object (a response body)."""
    import msgspec

    decoded = msgspec.json.decode(content)
    if not isinstance(decoded, dict):
        raise ValueError("Expected a JSON object in the response")
    return decoded


class WorkflowTriggerAPI(APIClient[WorkflowTrigger, WorkflowTriggerList]):
    """Triggers: rules (a schedule, changes in data modeling) that start a workflow version.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     len(client.workflows.triggers.list())
        0
    """

    _RESOURCE_PATH = "/workflows/triggers"
    _RESOURCE_CLS = WorkflowTrigger
    _LIST_CLS = WorkflowTriggerList
    _DELETE_LIMIT = 1
    _LIST_LIMIT = 1000

    async def upsert(
        self, workflow_trigger: WorkflowTriggerUpsert, client_credentials: ClientCredentials | None = None
    ) -> WorkflowTrigger:
        """Create or replace a trigger; it runs its workflow with a new session (made with ``client_credentials``
        when given, else as the client's own credentials allow).

        Args:
            workflow_trigger: The trigger.
            client_credentials: Client credentials for the session the executions run with.

        Returns:
            The trigger.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import (CDFTaskParameters, WorkflowDefinitionUpsert, WorkflowTask,
            ...     WorkflowTriggerUpsert, WorkflowVersionUpsert)
            >>> from cognite.client.data_classes.workflows import WorkflowScheduledTriggerRule
            >>> with emulated_client() as client:
            ...     task = WorkflowTask("a", CDFTaskParameters("/assets", "GET"))
            ...     _ = client.workflows.versions.upsert(WorkflowVersionUpsert("etl", "1", WorkflowDefinitionUpsert([task])))
            ...     rule = WorkflowScheduledTriggerRule("0 * * * *")
            ...     client.workflows.triggers.upsert(WorkflowTriggerUpsert("hourly", rule, "etl", "1")).is_paused
            False
        """
        if isinstance(workflow_trigger, WorkflowTrigger):
            workflow_trigger = workflow_trigger.as_write()
        if not isinstance(workflow_trigger, WorkflowTriggerUpsert):
            raise TypeError(f"workflow_trigger must be a WorkflowTriggerUpsert, not {type(workflow_trigger).__name__}")
        item = workflow_trigger.dump()
        item["authentication"] = {"nonce": await _nonce(self, client_credentials, None)}
        return await self._create_multiple(item, retryable=True)  # type: ignore[no-any-return]

    async def delete(self, external_id: str | SequenceNotStr[str]) -> None:
        """Delete one or more triggers.

        Args:
            external_id: One external id or a sequence of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     try:
            ...         client.workflows.triggers.delete("missing")
            ...     except Exception as err:
            ...         print(type(err).__name__)
            CogniteNotFoundError
        """
        identifiers = IdentifierSequence(external_ids=external_id, external_id_name="external_id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=None)

    async def list(self, limit: int | None = 25) -> WorkflowTriggerList:
        """List triggers.

        Args:
            limit: Maximum number of triggers (default 25; None, -1 or inf: all).

        Returns:
            The triggers.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.workflows.triggers.list(limit=None))
            0
        """
        return await self._list(limit=limit, method="GET")  # type: ignore[no-any-return]

    async def list_runs(self, external_id: str, limit: int | None = 25) -> WorkflowTriggerRunList:
        """List the runs (firings) of a trigger, newest first.

        Args:
            external_id: The external id of the trigger.
            limit: Maximum number of runs (default 25; None, -1 or inf: all).

        Returns:
            The runs.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import (CDFTaskParameters, WorkflowDefinitionUpsert, WorkflowTask,
            ...     WorkflowTriggerUpsert, WorkflowVersionUpsert)
            >>> from cognite.client.data_classes.workflows import WorkflowScheduledTriggerRule
            >>> with emulated_client() as client:
            ...     task = WorkflowTask("a", CDFTaskParameters("/assets", "GET"))
            ...     _ = client.workflows.versions.upsert(WorkflowVersionUpsert("etl", "1", WorkflowDefinitionUpsert([task])))
            ...     _ = client.workflows.triggers.upsert(WorkflowTriggerUpsert("t", WorkflowScheduledTriggerRule("* * * * *"), "etl", "1"))
            ...     len(client.workflows.triggers.list_runs("t"))
            0
        """
        path = resource_path("/workflows/triggers/{external_id}/history", external_id=external_id)
        return await self._list(  # type: ignore[no-any-return]
            limit=limit, method="GET", path=path, resource_cls=WorkflowTriggerRun, list_cls=WorkflowTriggerRunList
        )

    async def pause(self, external_id: str) -> None:
        """Pause a trigger: it does not fire until resumed.

        Args:
            external_id: The external id of the trigger.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import (CDFTaskParameters, WorkflowDefinitionUpsert, WorkflowTask,
            ...     WorkflowTriggerUpsert, WorkflowVersionUpsert)
            >>> from cognite.client.data_classes.workflows import WorkflowScheduledTriggerRule
            >>> with emulated_client() as client:
            ...     task = WorkflowTask("a", CDFTaskParameters("/assets", "GET"))
            ...     _ = client.workflows.versions.upsert(WorkflowVersionUpsert("etl", "1", WorkflowDefinitionUpsert([task])))
            ...     _ = client.workflows.triggers.upsert(WorkflowTriggerUpsert("t", WorkflowScheduledTriggerRule("* * * * *"), "etl", "1"))
            ...     client.workflows.triggers.pause("t")
            ...     client.workflows.triggers.list()[0].is_paused
            True
        """
        await self._post(resource_path("/workflows/triggers/{external_id}/pause", external_id=external_id))

    async def resume(self, external_id: str) -> None:
        """Resume a paused trigger.

        Args:
            external_id: The external id of the trigger.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import (CDFTaskParameters, WorkflowDefinitionUpsert, WorkflowTask,
            ...     WorkflowTriggerUpsert, WorkflowVersionUpsert)
            >>> from cognite.client.data_classes.workflows import WorkflowScheduledTriggerRule
            >>> with emulated_client() as client:
            ...     task = WorkflowTask("a", CDFTaskParameters("/assets", "GET"))
            ...     _ = client.workflows.versions.upsert(WorkflowVersionUpsert("etl", "1", WorkflowDefinitionUpsert([task])))
            ...     _ = client.workflows.triggers.upsert(WorkflowTriggerUpsert("t", WorkflowScheduledTriggerRule("* * * * *"), "etl", "1"))
            ...     client.workflows.triggers.pause("t")
            ...     client.workflows.triggers.resume("t")
            ...     client.workflows.triggers.list()[0].is_paused
            False
        """
        await self._post(resource_path("/workflows/triggers/{external_id}/resume", external_id=external_id))
