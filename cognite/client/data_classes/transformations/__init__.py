"""Transformations: SQL queries that read from CDF (or RAW, or external data) and write to a destination.

The read form :class:`Transformation` never shows credentials: reprs hide secrets and nonces, and ``dump`` of a
read object masks client secrets (``"***"``). The write form :class:`TransformationWrite` dumps what CDF takes.

Example:
    >>> from cognite.client.data_classes.transformations import (
    ...     TransformationDestination, TransformationUpdate, TransformationWrite)
    >>> TransformationWrite("t1", "Assets", query="select 1 as id",
    ...     destination=TransformationDestination.assets(), conflict_mode="upsert").dump()
    {'externalId': 't1', 'name': 'Assets', 'ignoreNullFields': False, 'query': 'select 1 as id', 'destination': {'type': 'assets'}, 'conflictMode': 'upsert', 'isPublic': True}
    >>> TransformationUpdate(external_id="t1").query.set("select 2 as id").tags.add(["daily"]).dump()
    {'externalId': 't1', 'update': {'query': {'set': 'select 2 as id'}, 'tags': {'add': ['daily']}}}
"""

from __future__ import annotations

import copy as _copy
from typing import Any, Literal

from cognite.client._sync import run_sync
from cognite.client.data_classes._base import (
    CogniteFilter,
    CogniteListUpdate,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    ExternalIDTransformerMixin,
    IdTransformerMixin,
    PropertySpec,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    WriteableCogniteResourceWithClientRef,
    update_field,
)
from cognite.client.data_classes.shared import TimestampRange
from cognite.client.data_classes.transformations.common import (
    DataModelInfo,
    Edges,
    EdgeType,
    Instances,
    Nodes,
    NonceCredentials,
    OidcCredentials,
    RawTable,
    SequenceRowsDestination,
    SessionDetails,
    TransformationBlockedInfo,
    TransformationDestination,
    ViewInfo,
    load_destination,
)
from cognite.client.data_classes.transformations.externaldata import (
    ExternalDataSource,
    ExternalDataSourceList,
    ExternalDataSourceUsability,
    ExternalDataSourceWrite,
    ExternalDataSourceWriteList,
    OneLakeCredentials,
    OneLakeCredentialsWrite,
    OneLakeExternalDataSource,
    OneLakeExternalDataSourceWrite,
    OneLakeLocationDescription,
    OneLakeSettings,
    OneLakeSettingsWrite,
)
from cognite.client.data_classes.transformations.jobs import (
    TransformationJob,
    TransformationJobFilter,
    TransformationJobList,
    TransformationJobMetric,
    TransformationJobMetricList,
    TransformationJobStatus,
)
from cognite.client.data_classes.transformations.notifications import (
    TransformationNotification,
    TransformationNotificationFilter,
    TransformationNotificationList,
    TransformationNotificationWrite,
    TransformationNotificationWriteList,
)
from cognite.client.data_classes.transformations.schedules import (
    TransformationSchedule,
    TransformationScheduleList,
    TransformationScheduleUpdate,
    TransformationScheduleWrite,
    TransformationScheduleWriteList,
)
from cognite.client.data_classes.transformations.schema import (
    TransformationSchemaColumn,
    TransformationSchemaColumnList,
)
from cognite.client.exceptions import CogniteAPIError, PyodideJsException

__all__ = [
    "CogniteAPIError",
    "CogniteFilter",
    "CogniteListUpdate",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "ContainsAny",
    "DataModelInfo",
    "EdgeType",
    "Edges",
    "ExternalDataSource",
    "ExternalDataSourceList",
    "ExternalDataSourceUsability",
    "ExternalDataSourceWrite",
    "ExternalDataSourceWriteList",
    "ExternalIDTransformerMixin",
    "IdTransformerMixin",
    "Instances",
    "Nodes",
    "NonceCredentials",
    "OidcCredentials",
    "OneLakeCredentials",
    "OneLakeCredentialsWrite",
    "OneLakeExternalDataSource",
    "OneLakeExternalDataSourceWrite",
    "OneLakeLocationDescription",
    "OneLakeSettings",
    "OneLakeSettingsWrite",
    "PropertySpec",
    "PyodideJsException",
    "RawTable",
    "SequenceRowsDestination",
    "SessionDetails",
    "TagsFilter",
    "TimestampRange",
    "Transformation",
    "TransformationBlockedInfo",
    "TransformationDestination",
    "TransformationFilter",
    "TransformationJob",
    "TransformationJobFilter",
    "TransformationJobList",
    "TransformationJobMetric",
    "TransformationJobMetricList",
    "TransformationJobStatus",
    "TransformationList",
    "TransformationNotification",
    "TransformationNotificationFilter",
    "TransformationNotificationList",
    "TransformationNotificationWrite",
    "TransformationNotificationWriteList",
    "TransformationPreviewResult",
    "TransformationSchedule",
    "TransformationScheduleList",
    "TransformationScheduleUpdate",
    "TransformationScheduleWrite",
    "TransformationScheduleWriteList",
    "TransformationSchemaColumn",
    "TransformationSchemaColumnList",
    "TransformationUpdate",
    "TransformationWrite",
    "TransformationWriteList",
    "ViewInfo",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
    "WriteableCogniteResourceWithClientRef",
]

ConflictMode = Literal["abort", "delete", "update", "upsert"]
CONFLICT_MODES: frozenset[str] = frozenset({"abort", "delete", "update", "upsert"})


def _load_if(value: Any, cls: Any) -> Any:
    return cls.load(value) if isinstance(value, dict) else value


class _TransformationCore(WriteableCogniteResourceWithClientRef["TransformationWrite"]):
    """Base of the read and write forms: loads nested credentials and the destination."""

    def __post_init__(self) -> None:
        self.destination = load_destination(getattr(self, "destination", None))
        for name in ("source_oidc_credentials", "destination_oidc_credentials"):
            setattr(self, name, _load_if(getattr(self, name), OidcCredentials))
        for name in ("source_nonce", "destination_nonce"):
            setattr(self, name, _load_if(getattr(self, name), NonceCredentials))
        conflict_mode = getattr(self, "conflict_mode", None)
        if conflict_mode is not None and conflict_mode not in CONFLICT_MODES:
            raise ValueError(f"conflict_mode must be one of {sorted(CONFLICT_MODES)}, got {conflict_mode!r}")

    def copy(self) -> Any:
        """Return a deep copy."""
        return _copy.deepcopy(self)


class Transformation(_TransformationCore):
    """A transformation as read from CDF. Credentials are never shown: CDF returns none, and ``dump`` masks secrets
    set on the object.

    Args:
        id: The id.
        external_id: The external id.
        name: The name.
        query: The SQL query.
        destination: Where it writes.
        conflict_mode: abort, upsert, update or delete.
        is_public: Whether others in the project can see and run it.
        ignore_null_fields: Whether nulls leave fields unchanged.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        owner: Who owns it.
        owner_is_current_user: Whether the caller owns it.
        source_oidc_credentials: Credentials to read with (set on objects to write; CDF never returns them).
        destination_oidc_credentials: Credentials to write with.
        running_job: The job running now.
        last_finished_job: The last job that finished.
        blocked: Why it is blocked, if it is.
        schedule: Its schedule.
        data_set_id: The data set it belongs to.
        source_nonce: A session to read with (write only).
        destination_nonce: A session to write with (write only).
        source_session: The session it reads with.
        destination_session: The session it writes with.
        tags: Tags.
        has_source_oidc_credentials: Whether it has credentials to read with.
        has_destination_oidc_credentials: Whether it has credentials to write with.

    Example:
        >>> from cognite.client.data_classes.transformations import OidcCredentials, Transformation
        >>> t = Transformation(id=1, external_id="t1", name="T", source_oidc_credentials=OidcCredentials(
        ...     "app", "s3cr3t", "https://idp/token", "proj"))
        >>> t.dump()["sourceOidcCredentials"]["clientSecret"], "s3cr3t" in repr(t)
        ('***', False)
    """

    _NEEDS_CLIENT = True

    id: int | None = None
    external_id: str | None = None
    name: str | None = None
    query: str | None = None
    destination: Any = None
    conflict_mode: str | None = None
    is_public: bool | None = None
    ignore_null_fields: bool | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    owner: str | None = None
    owner_is_current_user: bool | None = None
    source_oidc_credentials: OidcCredentials | None = None
    destination_oidc_credentials: OidcCredentials | None = None
    running_job: TransformationJob | None = None
    last_finished_job: TransformationJob | None = None
    blocked: TransformationBlockedInfo | None = None
    schedule: TransformationSchedule | None = None
    data_set_id: int | None = None
    source_nonce: NonceCredentials | None = None
    destination_nonce: NonceCredentials | None = None
    source_session: SessionDetails | None = None
    destination_session: SessionDetails | None = None
    tags: list[str] | None = None
    has_source_oidc_credentials: bool | None = None
    has_destination_oidc_credentials: bool | None = None

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the transformation; client secrets and nonces are masked (``"***"``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        out = super().dump(camel_case)
        for name in ("source_oidc_credentials", "destination_oidc_credentials", "source_nonce", "destination_nonce"):
            key = _camel(name) if camel_case else name
            secret = ("clientSecret" if camel_case else "client_secret") if "oidc" in name else "nonce"
            if isinstance(out.get(key), dict) and secret in out[key]:
                out[key] = {**out[key], secret: "***"}
        return out

    def as_write(self) -> TransformationWrite:
        """Return the write form (what ``create`` takes); credentials set on this object are kept."""
        if self.external_id is None or self.name is None:
            raise ValueError("A Transformation needs external_id and name to be written")
        return TransformationWrite(
            external_id=self.external_id,
            name=self.name,
            ignore_null_fields=bool(self.ignore_null_fields),
            query=self.query,
            destination=self.destination,
            conflict_mode=self.conflict_mode,
            is_public=True if self.is_public is None else self.is_public,
            source_oidc_credentials=self.source_oidc_credentials,
            destination_oidc_credentials=self.destination_oidc_credentials,
            data_set_id=self.data_set_id,
            source_nonce=self.source_nonce,
            destination_nonce=self.destination_nonce,
            tags=self.tags,
        )

    def _require_id(self) -> dict[str, Any]:
        if self.id is not None:
            return {"transformation_id": self.id}
        if self.external_id is not None:
            return {"transformation_external_id": self.external_id}
        raise ValueError("This Transformation has neither id nor external_id")

    async def run_async(self, wait: bool = True, timeout: float | None = None) -> TransformationJob:
        """Run this transformation.

        Args:
            wait: Wait until the job finishes.
            timeout: The most seconds to wait.

        Returns:
            The job.
        """
        return await self._get_client().transformations.run(**self._require_id(), wait=wait, timeout=timeout)

    def run(self, wait: bool = True, timeout: float | None = None) -> TransformationJob:
        """Run this transformation (sync form of ``run_async``).

        Args:
            wait: Wait until the job finishes.
            timeout: The most seconds to wait.

        Returns:
            The job.
        """
        return run_sync(self.run_async(wait, timeout))

    async def cancel_async(self) -> None:
        """Cancel the running job of this transformation."""
        await self._get_client().transformations.cancel(**self._require_id())

    def cancel(self) -> None:
        """Cancel the running job of this transformation (sync form of ``cancel_async``)."""
        run_sync(self.cancel_async())

    async def jobs_async(self) -> TransformationJobList:
        """Return the jobs of this transformation."""
        return await self._get_client().transformations.jobs.list(**self._require_id(), limit=None)

    def jobs(self) -> TransformationJobList:
        """Return the jobs of this transformation (sync form of ``jobs_async``)."""
        return run_sync(self.jobs_async())


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.capitalize() for p in rest)


class TransformationWrite(_TransformationCore):
    """A transformation to create. Without credentials or nonces, ``create`` makes a session from the client's own
    credentials; OIDC credentials are turned into sessions (nonces), so no secret is stored in CDF.

    Args:
        external_id: A unique external id.
        name: The name.
        ignore_null_fields: Whether nulls leave fields unchanged.
        query: The SQL query.
        destination: Where it writes.
        conflict_mode: abort, upsert, update or delete.
        is_public: Whether others in the project can see and run it.
        source_oidc_credentials: Credentials to read with.
        destination_oidc_credentials: Credentials to write with.
        data_set_id: The data set it belongs to.
        source_nonce: A session to read with.
        destination_nonce: A session to write with.
        tags: Tags (at most 5).
    """

    external_id: str
    name: str
    ignore_null_fields: bool = False
    query: str | None = None
    destination: Any = None
    conflict_mode: str | None = None
    is_public: bool = True
    source_oidc_credentials: OidcCredentials | None = None
    destination_oidc_credentials: OidcCredentials | None = None
    data_set_id: int | None = None
    source_nonce: NonceCredentials | None = None
    destination_nonce: NonceCredentials | None = None
    tags: list[str] | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if not isinstance(self.external_id, str) or not self.external_id:
            raise TypeError(f"external_id must be a non-empty str, got {self.external_id!r}")
        if not isinstance(self.name, str) or not self.name:
            raise TypeError(f"name must be a non-empty str, got {self.name!r}")
        if not isinstance(self.ignore_null_fields, bool):
            raise TypeError(f"ignore_null_fields must be a bool, got {self.ignore_null_fields!r}")

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the transformation in the form CDF takes (``ignoreNullFields`` and ``isPublic`` always included).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        out = super().dump(camel_case)
        if camel_case:
            out.setdefault("ignoreNullFields", self.ignore_null_fields)
            out.setdefault("isPublic", self.is_public)
        else:
            out.setdefault("ignore_null_fields", self.ignore_null_fields)
            out.setdefault("is_public", self.is_public)
        return {k: out[k] for k in sorted(out, key=lambda k: _WRITE_ORDER.get(k, len(_WRITE_ORDER)))}

    def as_write(self) -> TransformationWrite:
        """Return this object (it is already the write form)."""
        return self


_WRITE_ORDER = {f: i for i, f in enumerate(
    ["externalId", "name", "ignoreNullFields", "query", "destination", "conflictMode", "isPublic",
     "sourceOidcCredentials", "destinationOidcCredentials", "dataSetId", "sourceNonce", "destinationNonce", "tags",
     "external_id", "ignore_null_fields", "conflict_mode", "is_public", "source_oidc_credentials",
     "destination_oidc_credentials", "data_set_id", "source_nonce", "destination_nonce"]
)}  # fmt: skip


class TransformationWriteList(CogniteResourceList[TransformationWrite], ExternalIDTransformerMixin):
    """A list of transformations to create."""

    _RESOURCE = TransformationWrite


class TransformationList(
    WriteableCogniteResourceList[TransformationWrite, Transformation], IdTransformerMixin, ExternalIDTransformerMixin
):
    """A list of transformations."""

    _RESOURCE = Transformation
    _WRITE_LIST = TransformationWriteList

    def as_write(self) -> TransformationWriteList:
        """Return the write form of every transformation."""
        return TransformationWriteList._from_items([t.as_write() for t in self.data], self._cognite_client)


class TransformationUpdate(CogniteUpdate):
    """Changes to a transformation, by id or external id.

    Args:
        id: The id.
        external_id: The external id.
    """

    _PROPERTIES = (
        PropertySpec("name", is_nullable=False),
        PropertySpec("external_id", is_nullable=False),
        PropertySpec("query", is_nullable=False),
        PropertySpec("destination", is_nullable=False),
        PropertySpec("conflict_mode", is_nullable=False),
        PropertySpec("is_public", is_nullable=False),
        PropertySpec("ignore_null_fields", is_nullable=False),
        PropertySpec("source_oidc_credentials"),
        PropertySpec("destination_oidc_credentials"),
        PropertySpec("source_nonce"),
        PropertySpec("destination_nonce"),
        PropertySpec("data_set_id"),
        PropertySpec("tags", is_list=True),
    )

    name: CognitePrimitiveUpdate[TransformationUpdate] = update_field(CognitePrimitiveUpdate)
    external_id: CognitePrimitiveUpdate[TransformationUpdate] = update_field(CognitePrimitiveUpdate)
    query: CognitePrimitiveUpdate[TransformationUpdate] = update_field(CognitePrimitiveUpdate)
    destination: CognitePrimitiveUpdate[TransformationUpdate] = update_field(CognitePrimitiveUpdate)
    conflict_mode: CognitePrimitiveUpdate[TransformationUpdate] = update_field(CognitePrimitiveUpdate)
    is_public: CognitePrimitiveUpdate[TransformationUpdate] = update_field(CognitePrimitiveUpdate)
    ignore_null_fields: CognitePrimitiveUpdate[TransformationUpdate] = update_field(CognitePrimitiveUpdate)
    source_oidc_credentials: CognitePrimitiveUpdate[TransformationUpdate] = update_field(CognitePrimitiveUpdate)
    destination_oidc_credentials: CognitePrimitiveUpdate[TransformationUpdate] = update_field(CognitePrimitiveUpdate)
    source_nonce: CognitePrimitiveUpdate[TransformationUpdate] = update_field(CognitePrimitiveUpdate)
    destination_nonce: CognitePrimitiveUpdate[TransformationUpdate] = update_field(CognitePrimitiveUpdate)
    data_set_id: CognitePrimitiveUpdate[TransformationUpdate] = update_field(CognitePrimitiveUpdate)
    tags: CogniteListUpdate[TransformationUpdate] = update_field(CogniteListUpdate)


class TagsFilter:
    """Base of filters on the tags of transformations."""

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the filter."""
        raise NotImplementedError


class ContainsAny(TagsFilter):
    """Transformations with any of these tags.

    Args:
        tags: The tags.

    Example:
        >>> from cognite.client.data_classes.transformations import ContainsAny
        >>> ContainsAny(["a", "b"]).dump()
        {'containsAny': ['a', 'b']}
    """

    def __init__(self, tags: list[str] | None = None) -> None:
        self.tags = list(tags or [])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ContainsAny) and other.tags == self.tags

    def __repr__(self) -> str:
        return f"ContainsAny({self.tags!r})"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the filter.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        return {"containsAny" if camel_case else "contains_any": list(self.tags)}


class TransformationFilter(CogniteFilter):
    """Which transformations to list.

    Args:
        include_public: Include public transformations (not only the caller's own).
        name_regex: A regex the name matches.
        query_regex: A regex the query matches.
        destination_type: The destination type, e.g. ``"assets"``.
        conflict_mode: abort, upsert, update or delete.
        cdf_project_name: The project the transformation reads from.
        has_blocked_error: Only blocked (True) or only unblocked (False) ones.
        created_time: Range of creation time (ms).
        last_updated_time: Range of last update time (ms).
        data_set_ids: Data sets, as ``{"id": ...}`` or ``{"externalId": ...}``.
        tags: Tags filter (``ContainsAny``).
    """

    include_public: bool | None = None
    name_regex: str | None = None
    query_regex: str | None = None
    destination_type: str | None = None
    conflict_mode: str | None = None
    cdf_project_name: str | None = None
    has_blocked_error: bool | None = None
    created_time: dict[str, Any] | TimestampRange | None = None
    last_updated_time: dict[str, Any] | TimestampRange | None = None
    data_set_ids: list[dict[str, Any]] | None = None
    tags: Any = None

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the filter (``include_public`` is sent as ``isPublic``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        out = super().dump(camel_case)
        key = "includePublic" if camel_case else "include_public"
        if key in out:
            out["isPublic" if camel_case else "is_public"] = out.pop(key)
        if isinstance(self.tags, TagsFilter):
            out["tags"] = self.tags.dump(camel_case)
        return out


class TransformationPreviewResult(CogniteResource):
    """The result of a preview: the schema of the query's result and its rows.

    Args:
        schema: The columns of the result.
        results: The rows.
    """

    schema: Any = None
    results: Any = None

    def __post_init__(self) -> None:
        if isinstance(self.schema, dict):
            self.schema = TransformationSchemaColumnList.load(self.schema.get("items", []))
        elif isinstance(self.schema, list):
            self.schema = TransformationSchemaColumnList.load(self.schema)
        if isinstance(self.results, dict):  # the wire wraps the rows in {"items": [...]}
            self.results = list(self.results.get("items", []))

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the result.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        schema = (
            self.schema.dump(camel_case) if isinstance(self.schema, TransformationSchemaColumnList) else self.schema
        )
        return {"schema": schema, "results": self.results}
