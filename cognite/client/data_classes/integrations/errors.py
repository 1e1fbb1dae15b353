"""Integration errors: what extractors reported going wrong (``GET /integrations/errors``).

Example:
    >>> from cognite.client.data_classes.integrations import IntegrationError
    >>> IntegrationError.load({"externalId": "plant-1", "level": "error", "description": "lost connection",
    ...                        "details": "timeout", "startTime": 0}).level
    'error'
"""

from __future__ import annotations

from cognite.client.data_classes._base import CogniteResource, CogniteResourceList, ExternalIDTransformerMixin

__all__ = [
    "CogniteResource",
    "CogniteResourceList",
    "ExternalIDTransformerMixin",
    "IntegrationError",
    "IntegrationErrorList",
]


class IntegrationError(CogniteResource):
    """An error an extractor reported.

    Args:
        external_id: The external id of the integration it belongs to.
        level: ``"warning"``, ``"error"`` or ``"fatal"``.
        description: A short description.
        start_time: When it started (ms since epoch).
        type: The kind of error, when given.
        details: The long details.
        end_time: When it ended (ms since epoch; None while it lasts).
        task: The task it belongs to (None: the extractor in general).
        active_config_revision: The config revision in use when it happened (``"local"`` for a local file).
    """

    external_id: str | None = None
    level: str | None = None
    description: str | None = None
    start_time: int | None = None
    type: str | None = None
    details: str | None = None
    end_time: int | None = None
    task: str | None = None
    active_config_revision: int | str | None = None


class IntegrationErrorList(CogniteResourceList[IntegrationError]):
    """A list of integration errors.

    Args:
        resources: The errors.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = IntegrationError
