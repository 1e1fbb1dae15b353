"""Integrations: on-premises extractors registered in CDF (``/integrations``), identified by external id.

Example:
    >>> from cognite.client.data_classes.integrations import Extractor, IntegrationWrite
    >>> IntegrationWrite("opcua-plant-1", Extractor("cognite-opcua", "1.2.3"), name="Plant 1").dump()
    {'externalId': 'opcua-plant-1', 'extractor': {'externalId': 'cognite-opcua', 'version': '1.2.3'}, 'name': 'Plant 1'}
"""

from __future__ import annotations

from typing import Any

from cognite.client.data_classes._base import (
    CogniteExternalIdUpdate,
    CogniteObject,
    CogniteObjectUpdate,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    ExternalIDTransformerMixin,
    PropertySpec,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    update_field,
)

__all__ = [
    "CogniteObjectUpdate",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "ExternalIDTransformerMixin",
    "Extractor",
    "Integration",
    "IntegrationCore",
    "IntegrationList",
    "IntegrationUpdate",
    "IntegrationWrite",
    "IntegrationWriteList",
    "PropertySpec",
    "Task",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]


class Extractor(CogniteObject):
    """The extractor an integration runs: its external id and version.

    Args:
        external_id: The extractor's external id (one starting with ``cognite`` must be a Cognite extractor).
        version: The extractor version.
    """

    external_id: str
    version: str | None = None


class Task(CogniteObject):
    """A task an integration performs, as reported by the extractor when it starts.

    Args:
        type: ``"continuous"`` or ``"batch"``.
        name: The task name (unique in the integration).
        action: Whether the task can be triggered by an external action.
        description: The task description.
        sources: What the task reads from.
        targets: What the task writes to.
    """

    type: str
    name: str
    action: bool | None = None
    description: str | None = None
    sources: list[Any] | None = None
    targets: list[Any] | None = None


class IntegrationCore(CogniteResource):
    """The fields an integration is created with (the base of :class:`IntegrationWrite`).

    Args:
        external_id: The external id.
        extractor: The extractor the integration runs.
        name: A descriptive name.
        description: A description.
        documentation: Documentation (markdown).
        metadata: Custom key/value pairs.
        allowed_not_seen_minutes: How long the extractor may go without checking in before it counts as down.
    """

    external_id: str
    extractor: Extractor
    name: str | None = None
    description: str | None = None
    documentation: str | None = None
    metadata: dict[str, str] | None = None
    allowed_not_seen_minutes: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.external_id, str) or not self.external_id:
            raise TypeError(f"external_id must be a non-empty str, got {self.external_id!r}")
        if isinstance(self.extractor, dict):
            self.extractor = Extractor._load(self.extractor)
        if not isinstance(self.extractor, Extractor):
            raise TypeError(f"extractor must be an Extractor, not {type(self.extractor).__name__}")


class IntegrationWrite(IntegrationCore):
    """An integration to create.

    Args:
        external_id: The external id.
        extractor: The extractor the integration runs.
        name: A descriptive name.
        description: A description.
        documentation: Documentation (markdown).
        metadata: Custom key/value pairs.
        allowed_not_seen_minutes: How long the extractor may go without checking in before it counts as down.
    """

    def as_write(self) -> IntegrationWrite:
        """Return the object itself (it is the write form)."""
        return self


class Integration(WriteableCogniteResource[IntegrationWrite]):
    """An integration, as read: what it was created with plus what its extractor reported.

    Args:
        external_id: The external id.
        extractor: The extractor the integration runs.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        name: A descriptive name.
        description: A description.
        documentation: Documentation (markdown).
        metadata: Custom key/value pairs.
        allowed_not_seen_minutes: How long the extractor may go without checking in before it counts as down.
        last_seen: When the extractor last checked in (ms since epoch).
        last_config_revision: The last published config revision.
        active_config_revision: The config revision in use (``"local"`` for a local config file).
        tasks: The tasks the extractor reported.
    """

    external_id: str
    extractor: Extractor
    created_time: int | None = None
    last_updated_time: int | None = None
    name: str | None = None
    description: str | None = None
    documentation: str | None = None
    metadata: dict[str, str] | None = None
    allowed_not_seen_minutes: int | None = None
    last_seen: int | None = None
    last_config_revision: int | None = None
    active_config_revision: int | str | None = None
    tasks: list[Task] | None = None

    def as_write(self) -> IntegrationWrite:
        """Return the write form (what the integration can be created with)."""
        return IntegrationWrite(
            self.external_id,
            self.extractor,
            self.name,
            self.description,
            self.documentation,
            self.metadata,
            self.allowed_not_seen_minutes,
        )


class IntegrationUpdate(CogniteExternalIdUpdate):
    """Changes to an integration: ``name``, ``description``, ``documentation``, ``metadata`` and
    ``allowed_not_seen_minutes``.

    Args:
        external_id: The external id of the integration.

    Example:
        >>> from cognite.client.data_classes.integrations import IntegrationUpdate
        >>> IntegrationUpdate("plant-1").name.set("Plant one").description.set(None).dump()
        {'externalId': 'plant-1', 'update': {'name': {'set': 'Plant one'}, 'description': {'setNull': True}}}
    """

    name = update_field(CognitePrimitiveUpdate)
    description = update_field(CognitePrimitiveUpdate)
    documentation = update_field(CognitePrimitiveUpdate)
    metadata = update_field(CogniteObjectUpdate)
    allowed_not_seen_minutes = update_field(CognitePrimitiveUpdate)

    _PROPERTIES = (
        PropertySpec("name"),
        PropertySpec("description"),
        PropertySpec("documentation"),
        PropertySpec("metadata", is_object=True),
        PropertySpec("allowed_not_seen_minutes"),
    )


class IntegrationWriteList(CogniteResourceList[IntegrationWrite], ExternalIDTransformerMixin):
    """A list of integrations to create.

    Args:
        resources: The integrations.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = IntegrationWrite


class IntegrationList(WriteableCogniteResourceList[IntegrationWrite, Integration], ExternalIDTransformerMixin):
    """A list of integrations.

    Args:
        resources: The integrations.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = Integration
    _WRITE_LIST = IntegrationWriteList
