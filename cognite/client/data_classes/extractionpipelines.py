"""Extraction pipelines: the pipelines, the runs they report, and their configuration revisions.

Example:
    >>> from cognite.client.data_classes.extractionpipelines import (
    ...     ExtractionPipelineContact, ExtractionPipelineRunWrite, ExtractionPipelineUpdate, ExtractionPipelineWrite)
    >>> ExtractionPipelineWrite("sap", "SAP", data_set_id=1, schedule="Continuous",
    ...     contacts=[ExtractionPipelineContact(name="Ola", email="ola@example.com")]).dump()
    {'externalId': 'sap', 'name': 'SAP', 'dataSetId': 1, 'schedule': 'Continuous', 'contacts': [{'name': 'Ola', 'email': 'ola@example.com'}]}
    >>> ExtractionPipelineRunWrite("sap", "failure", message="timeout").dump()
    {'externalId': 'sap', 'status': 'failure', 'message': 'timeout'}
    >>> ExtractionPipelineUpdate(external_id="sap").schedule.set(None).dump()
    {'externalId': 'sap', 'update': {'schedule': {'setNull': True}}}
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec

from cognite.client.data_classes._base import (
    CogniteFilter,
    CogniteListUpdate,
    CogniteObject,
    CogniteObjectUpdate,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    ExternalIDTransformerMixin,
    IdTransformerMixin,
    PropertySpec,
    SequenceNotStr,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    update_field,
)
from cognite.client.data_classes.shared import TimestampRange

__all__ = [
    "CogniteFilter",
    "CogniteListUpdate",
    "CogniteObjectUpdate",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "ExternalIDTransformerMixin",
    "ExtractionPipeline",
    "ExtractionPipelineConfig",
    "ExtractionPipelineConfigCore",
    "ExtractionPipelineConfigList",
    "ExtractionPipelineConfigRevision",
    "ExtractionPipelineConfigRevisionList",
    "ExtractionPipelineConfigWrite",
    "ExtractionPipelineConfigWriteList",
    "ExtractionPipelineContact",
    "ExtractionPipelineCore",
    "ExtractionPipelineList",
    "ExtractionPipelineNotificationConfiguration",
    "ExtractionPipelineRun",
    "ExtractionPipelineRunCore",
    "ExtractionPipelineRunFilter",
    "ExtractionPipelineRunList",
    "ExtractionPipelineRunWrite",
    "ExtractionPipelineRunWriteList",
    "ExtractionPipelineUpdate",
    "ExtractionPipelineWrite",
    "ExtractionPipelineWriteList",
    "IdTransformerMixin",
    "PropertySpec",
    "RunStatus",
    "SequenceNotStr",
    "StringFilter",
    "TimestampRange",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]

RunStatus = Literal["success", "failure", "seen"]
RUN_STATUSES: frozenset[str] = frozenset({"success", "failure", "seen"})


def check_status(status: Any, name: str = "status") -> None:
    """Raise ValueError unless ``status`` is one of "success", "failure" and "seen"."""
    if status not in RUN_STATUSES:
        raise ValueError(f"{name} must be one of {sorted(RUN_STATUSES)}, got {status!r}")


# ---------------------------------------------------------------------------------------------- nested objects


class ExtractionPipelineContact(CogniteObject):
    """A person to contact about an extraction pipeline.

    Args:
        name: The name.
        email: The email address.
        role: The role, e.g. ``"Maintainer"``.
        send_notification: Whether the contact gets notification emails.

    Example:
        >>> from cognite.client.data_classes.extractionpipelines import ExtractionPipelineContact
        >>> ExtractionPipelineContact("Kari", "kari@example.com", "Owner", True).dump(camel_case=False)
        {'name': 'Kari', 'email': 'kari@example.com', 'role': 'Owner', 'send_notification': True}
    """

    name: str | None = None
    email: str | None = None
    role: str | None = None
    send_notification: bool | None = None


class ExtractionPipelineNotificationConfiguration(CogniteObject):
    """When CDF notifies the contacts of a pipeline.

    Args:
        allowed_not_seen_range_in_minutes: Notify when no run has been reported for this many minutes.

    Example:
        >>> from cognite.client.data_classes.extractionpipelines import ExtractionPipelineNotificationConfiguration
        >>> ExtractionPipelineNotificationConfiguration(60).dump()
        {'allowedNotSeenRangeInMinutes': 60}
    """

    allowed_not_seen_range_in_minutes: int | None = None


def _contacts(value: Any) -> list[ExtractionPipelineContact] | None:
    if value is None:
        return None
    return [ExtractionPipelineContact.load(c) if isinstance(c, dict) else c for c in value]


def _notification(value: Any) -> ExtractionPipelineNotificationConfiguration | None:
    if isinstance(value, dict):
        return ExtractionPipelineNotificationConfiguration.load(value)
    return value  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------------------------- pipelines


class ExtractionPipelineCore(WriteableCogniteResource["ExtractionPipelineWrite"]):
    """Base of the read and write forms of an extraction pipeline (holds no fields of its own)."""

    def __post_init__(self) -> None:
        self.contacts = _contacts(getattr(self, "contacts", None))  # type: ignore[attr-defined]
        self.notification_config = _notification(getattr(self, "notification_config", None))  # type: ignore[attr-defined]


class ExtractionPipeline(ExtractionPipelineCore):
    """An extraction pipeline as read from CDF: where an extractor writes, who to contact, and how it is doing.

    Args:
        id: The internal id.
        external_id: The external id.
        name: The name.
        data_set_id: The id of the data set the pipeline belongs to.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        description: A description.
        raw_tables: The RAW tables it writes to, as ``{"dbName": ..., "tableName": ...}``.
        last_success: The time of the last successful run (ms).
        last_failure: The time of the last failed run (ms).
        last_message: The message of the last failed run.
        last_seen: The time of the last run of any status (ms).
        schedule: "On trigger", "Continuous" or a cron expression.
        contacts: The contacts.
        metadata: Custom string key-value pairs.
        source: The source system.
        documentation: Documentation (Markdown).
        notification_config: When to notify the contacts.
        created_by: Who created it (usually an email address).

    Example:
        >>> from cognite.client.data_classes.extractionpipelines import ExtractionPipeline
        >>> ExtractionPipeline.load({"id": 1, "externalId": "sap", "name": "SAP", "dataSetId": 2, "lastSeen": 5}).as_write()
        ExtractionPipelineWrite(external_id='sap', name='SAP', data_set_id=2)
    """

    id: int | None = None
    external_id: str | None = None
    name: str | None = None
    data_set_id: int | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    description: str | None = None
    raw_tables: list[dict[str, str]] | None = None
    last_success: int | None = None
    last_failure: int | None = None
    last_message: str | None = None
    last_seen: int | None = None
    schedule: str | None = None
    contacts: list[ExtractionPipelineContact] | None = None
    metadata: dict[str, str] | None = None
    source: str | None = None
    documentation: str | None = None
    notification_config: ExtractionPipelineNotificationConfiguration | None = None
    created_by: str | None = None

    def as_write(self) -> ExtractionPipelineWrite:
        """Return the write form of this pipeline (what ``create`` accepts)."""
        if self.external_id is None or self.name is None or self.data_set_id is None:
            raise ValueError("An ExtractionPipeline needs external_id, name and data_set_id to be written")
        return ExtractionPipelineWrite(
            external_id=self.external_id,
            name=self.name,
            data_set_id=self.data_set_id,
            description=self.description,
            raw_tables=self.raw_tables,
            schedule=self.schedule,
            contacts=self.contacts,
            metadata=self.metadata,
            source=self.source,
            documentation=self.documentation,
            notification_config=self.notification_config,
            created_by=self.created_by,
        )


class ExtractionPipelineWrite(ExtractionPipelineCore):
    """An extraction pipeline to create.

    Args:
        external_id: A unique external id.
        name: The name.
        data_set_id: The id of the data set it belongs to (must exist).
        description: A description.
        raw_tables: The RAW tables it writes to, as ``{"dbName": ..., "tableName": ...}``.
        schedule: "On trigger", "Continuous" or a cron expression.
        contacts: The contacts.
        metadata: Custom string key-value pairs.
        source: The source system.
        documentation: Documentation (Markdown).
        notification_config: When to notify the contacts.
        created_by: Who created it (usually an email address).

    Example:
        >>> from cognite.client.data_classes.extractionpipelines import ExtractionPipelineWrite
        >>> ExtractionPipelineWrite("sap", "SAP", 1, raw_tables=[{"dbName": "db", "tableName": "t"}]).dump(camel_case=False)
        {'external_id': 'sap', 'name': 'SAP', 'data_set_id': 1, 'raw_tables': [{'dbName': 'db', 'tableName': 't'}]}
    """

    external_id: str
    name: str
    data_set_id: int
    description: str | None = None
    raw_tables: list[dict[str, str]] | None = None
    schedule: str | None = None
    contacts: list[ExtractionPipelineContact] | None = None
    metadata: dict[str, str] | None = None
    source: str | None = None
    documentation: str | None = None
    notification_config: ExtractionPipelineNotificationConfiguration | None = None
    created_by: str | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if not isinstance(self.external_id, str) or not self.external_id:
            raise TypeError(f"external_id must be a non-empty str, got {self.external_id!r}")
        if not isinstance(self.name, str) or not self.name:
            raise TypeError(f"name must be a non-empty str, got {self.name!r}")
        if isinstance(self.data_set_id, bool) or not isinstance(self.data_set_id, int):
            raise TypeError(f"data_set_id must be an int, got {self.data_set_id!r}")

    def as_write(self) -> ExtractionPipelineWrite:
        """Return this object (it is already the write form)."""
        return self


class ExtractionPipelineWriteList(CogniteResourceList[ExtractionPipelineWrite], ExternalIDTransformerMixin):
    """A list of extraction pipelines to create."""

    _RESOURCE = ExtractionPipelineWrite


class ExtractionPipelineList(
    WriteableCogniteResourceList[ExtractionPipelineWrite, ExtractionPipeline],
    IdTransformerMixin,
    ExternalIDTransformerMixin,
):
    """A list of extraction pipelines.

    Example:
        >>> from cognite.client.data_classes.extractionpipelines import ExtractionPipelineList
        >>> ExtractionPipelineList.load([{"id": 1, "externalId": "a", "name": "A", "dataSetId": 1}]).as_ids()
        [1]
    """

    _RESOURCE = ExtractionPipeline
    _WRITE_LIST = ExtractionPipelineWriteList

    def as_write(self) -> ExtractionPipelineWriteList:
        """Return the write form of every pipeline."""
        return ExtractionPipelineWriteList._from_items([p.as_write() for p in self.data], self._cognite_client)


class ExtractionPipelineUpdate(CogniteUpdate):
    """Changes to an extraction pipeline, by id or external id.

    Args:
        id: The id of the pipeline.
        external_id: The external id of the pipeline.

    Example:
        >>> from cognite.client.data_classes.extractionpipelines import ExtractionPipelineUpdate
        >>> ExtractionPipelineUpdate(id=1).raw_tables.add([{"dbName": "db", "tableName": "t"}]).metadata.remove(["k"]).dump()
        {'id': 1, 'update': {'rawTables': {'add': [{'dbName': 'db', 'tableName': 't'}]}, 'metadata': {'remove': ['k']}}}
    """

    _PROPERTIES = (
        PropertySpec("external_id", is_nullable=False),
        PropertySpec("name", is_nullable=False),
        PropertySpec("description"),
        PropertySpec("data_set_id", is_nullable=False),
        PropertySpec("raw_tables", is_list=True),
        PropertySpec("schedule"),
        PropertySpec("contacts", is_list=True),
        PropertySpec("metadata", is_object=True),
        PropertySpec("source"),
        PropertySpec("documentation"),
        PropertySpec("notification_config", is_nullable=False),
    )

    external_id: CognitePrimitiveUpdate[ExtractionPipelineUpdate] = update_field(CognitePrimitiveUpdate)
    name: CognitePrimitiveUpdate[ExtractionPipelineUpdate] = update_field(CognitePrimitiveUpdate)
    description: CognitePrimitiveUpdate[ExtractionPipelineUpdate] = update_field(CognitePrimitiveUpdate)
    data_set_id: CognitePrimitiveUpdate[ExtractionPipelineUpdate] = update_field(CognitePrimitiveUpdate)
    raw_tables: CogniteListUpdate[ExtractionPipelineUpdate] = update_field(CogniteListUpdate)
    schedule: CognitePrimitiveUpdate[ExtractionPipelineUpdate] = update_field(CognitePrimitiveUpdate)
    contacts: CogniteListUpdate[ExtractionPipelineUpdate] = update_field(CogniteListUpdate)
    metadata: CogniteObjectUpdate[ExtractionPipelineUpdate] = update_field(CogniteObjectUpdate)
    source: CognitePrimitiveUpdate[ExtractionPipelineUpdate] = update_field(CognitePrimitiveUpdate)
    documentation: CognitePrimitiveUpdate[ExtractionPipelineUpdate] = update_field(CognitePrimitiveUpdate)
    notification_config: CognitePrimitiveUpdate[ExtractionPipelineUpdate] = update_field(CognitePrimitiveUpdate)

    def __init__(self, id: int | None = None, external_id: str | None = None) -> None:
        super().__init__(id=id, external_id=external_id)


# ---------------------------------------------------------------------------------------------- runs


class ExtractionPipelineRunCore(WriteableCogniteResource["ExtractionPipelineRunWrite"]):
    """Base of the read and write forms of a run (holds no fields of its own)."""


class ExtractionPipelineRun(ExtractionPipelineRunCore):
    """A run an extraction pipeline reported: its status at a moment.

    Args:
        id: The internal id.
        status: "success", "failure" or "seen".
        extpipe_external_id: The external id of the pipeline (``externalId`` on the wire).
        message: A message, typically why it failed.
        created_time: When the run happened (ms since epoch).

    Example:
        >>> from cognite.client.data_classes.extractionpipelines import ExtractionPipelineRun
        >>> run = ExtractionPipelineRun.load({"id": 7, "status": "seen", "externalId": "sap", "createdTime": 10})
        >>> run.extpipe_external_id, run.as_write().dump()
        ('sap', {'externalId': 'sap', 'status': 'seen', 'createdTime': 10})
    """

    id: int | None = None
    status: str | None = None
    extpipe_external_id: str | None = msgspec.field(default=None, name="externalId")
    message: str | None = None
    created_time: int | None = None

    def as_write(self) -> ExtractionPipelineRunWrite:
        """Return the write form of this run."""
        if self.extpipe_external_id is None or self.status is None:
            raise ValueError("An ExtractionPipelineRun needs extpipe_external_id and status to be written")
        return ExtractionPipelineRunWrite(
            extpipe_external_id=self.extpipe_external_id,
            status=self.status,  # type: ignore[arg-type]
            message=self.message,
            created_time=self.created_time,
        )

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the run to a dictionary (the pipeline's external id is ``externalId`` in camelCase).

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The run as a dictionary.
        """
        return super().dump(camel_case)


class ExtractionPipelineRunWrite(ExtractionPipelineRunCore):
    """A run to report for an extraction pipeline.

    Args:
        extpipe_external_id: The external id of the pipeline.
        status: "success", "failure" or "seen".
        message: A message, typically why it failed (at most 1000 characters).
        created_time: When the run happened (ms since epoch; default: when CDF receives it).

    Example:
        >>> from cognite.client.data_classes.extractionpipelines import ExtractionPipelineRunWrite
        >>> ExtractionPipelineRunWrite("sap", "success", created_time=1).dump(camel_case=False)
        {'extpipe_external_id': 'sap', 'status': 'success', 'created_time': 1}
    """

    extpipe_external_id: str = msgspec.field(name="externalId")
    status: RunStatus
    message: str | None = None
    created_time: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.extpipe_external_id, str) or not self.extpipe_external_id:
            raise TypeError(f"extpipe_external_id must be a non-empty str, got {self.extpipe_external_id!r}")
        check_status(self.status)

    def as_write(self) -> ExtractionPipelineRunWrite:
        """Return this object (it is already the write form)."""
        return self

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the run to a dictionary (the pipeline's external id is ``externalId`` in camelCase).

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The run as a dictionary.
        """
        return super().dump(camel_case)


class ExtractionPipelineRunWriteList(CogniteResourceList[ExtractionPipelineRunWrite]):
    """A list of runs to report."""

    _RESOURCE = ExtractionPipelineRunWrite


class ExtractionPipelineRunList(WriteableCogniteResourceList[ExtractionPipelineRunWrite, ExtractionPipelineRun]):
    """A list of runs.

    Example:
        >>> from cognite.client.data_classes.extractionpipelines import ExtractionPipelineRunList
        >>> len(ExtractionPipelineRunList.load([{"id": 1, "status": "seen", "externalId": "sap"}]).as_write())
        1
    """

    _RESOURCE = ExtractionPipelineRun
    _WRITE_LIST = ExtractionPipelineRunWriteList

    def as_write(self) -> ExtractionPipelineRunWriteList:
        """Return the write form of every run."""
        return ExtractionPipelineRunWriteList._from_items([r.as_write() for r in self.data], self._cognite_client)


class StringFilter(CogniteFilter):
    """A filter on a text: it contains ``substring``, ignoring case.

    Args:
        substring: The text to look for.

    Example:
        >>> from cognite.client.data_classes.extractionpipelines import StringFilter
        >>> StringFilter("timeout").dump()
        {'substring': 'timeout'}
    """

    substring: str | None = None


class ExtractionPipelineRunFilter(CogniteFilter):
    """Filter on the runs of one pipeline.

    Args:
        external_id: The external id of the pipeline.
        statuses: Only runs with these statuses.
        message: Only runs whose message contains a substring (ignoring case).
        created_time: Range of run time (``{"min": ms, "max": ms}`` or TimestampRange).

    Example:
        >>> from cognite.client.data_classes.extractionpipelines import ExtractionPipelineRunFilter, StringFilter
        >>> ExtractionPipelineRunFilter("sap", ["failure"], StringFilter("time"), {"min": 0}).dump()
        {'externalId': 'sap', 'statuses': ['failure'], 'message': {'substring': 'time'}, 'createdTime': {'min': 0}}
    """

    external_id: str | None = None
    statuses: list[str] | None = None
    message: StringFilter | None = None
    created_time: dict[str, Any] | TimestampRange | None = None


# ---------------------------------------------------------------------------------------------- configs


class ExtractionPipelineConfigCore(WriteableCogniteResource["ExtractionPipelineConfigWrite"]):
    """Base of the read and write forms of a configuration revision (holds no fields of its own)."""


class ExtractionPipelineConfig(ExtractionPipelineConfigCore):
    """A configuration revision of an extraction pipeline, with its content.

    Args:
        external_id: The external id of the pipeline.
        revision: The revision number (1 for the first; each new one counts up).
        created_time: When the revision was made (ms since epoch).
        config: The configuration (typically YAML).
        description: A description of the revision.

    Example:
        >>> from cognite.client.data_classes.extractionpipelines import ExtractionPipelineConfig
        >>> ExtractionPipelineConfig.load({"externalId": "sap", "revision": 2, "config": "a: 1"}).as_write()
        ExtractionPipelineConfigWrite(external_id='sap', config='a: 1')
    """

    external_id: str | None = None
    revision: int | None = None
    created_time: int | None = None
    config: str | None = None
    description: str | None = None

    def as_write(self) -> ExtractionPipelineConfigWrite:
        """Return the write form of this revision (what ``config.create`` accepts)."""
        if self.external_id is None:
            raise ValueError("An ExtractionPipelineConfig needs external_id to be written")
        return ExtractionPipelineConfigWrite(
            external_id=self.external_id, config=self.config, description=self.description
        )


class ExtractionPipelineConfigWrite(ExtractionPipelineConfigCore):
    """A configuration revision to create for an extraction pipeline.

    Args:
        external_id: The external id of the pipeline.
        config: The configuration (typically YAML).
        description: A description of the revision.

    Example:
        >>> from cognite.client.data_classes.extractionpipelines import ExtractionPipelineConfigWrite
        >>> ExtractionPipelineConfigWrite("sap", "a: 1", "first").dump()
        {'externalId': 'sap', 'config': 'a: 1', 'description': 'first'}
    """

    external_id: str
    config: str | None = None
    description: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.external_id, str) or not self.external_id:
            raise TypeError(f"external_id must be a non-empty str, got {self.external_id!r}")

    def as_write(self) -> ExtractionPipelineConfigWrite:
        """Return this object (it is already the write form)."""
        return self


class ExtractionPipelineConfigWriteList(CogniteResourceList[ExtractionPipelineConfigWrite], ExternalIDTransformerMixin):
    """A list of configuration revisions to create."""

    _RESOURCE = ExtractionPipelineConfigWrite


class ExtractionPipelineConfigList(
    WriteableCogniteResourceList[ExtractionPipelineConfigWrite, ExtractionPipelineConfig], ExternalIDTransformerMixin
):
    """A list of configuration revisions with their content."""

    _RESOURCE = ExtractionPipelineConfig
    _WRITE_LIST = ExtractionPipelineConfigWriteList

    def as_write(self) -> ExtractionPipelineConfigWriteList:
        """Return the write form of every revision."""
        return ExtractionPipelineConfigWriteList._from_items([c.as_write() for c in self.data], self._cognite_client)


class ExtractionPipelineConfigRevision(CogniteResource):
    """A configuration revision as listed: its number and description, without the content.

    Args:
        external_id: The external id of the pipeline.
        revision: The revision number.
        description: A description of the revision.
        created_time: When the revision was made (ms since epoch).

    Example:
        >>> from cognite.client.data_classes.extractionpipelines import ExtractionPipelineConfigRevision
        >>> ExtractionPipelineConfigRevision.load({"externalId": "sap", "revision": 3, "createdTime": 5}).revision
        3
    """

    external_id: str | None = None
    revision: int | None = None
    description: str | None = None
    created_time: int | None = None


class ExtractionPipelineConfigRevisionList(CogniteResourceList[ExtractionPipelineConfigRevision]):
    """A list of configuration revisions (newest first, as CDF lists them)."""

    _RESOURCE = ExtractionPipelineConfigRevision
