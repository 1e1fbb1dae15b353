"""Simulator logs: what connectors report about model revisions, integrations and simulation runs.

Example:
    >>> from cognite.client.data_classes.simulators import SimulatorLog
    >>> log = SimulatorLog.load({"id": 1, "dataSetId": 2, "createdTime": 0, "lastUpdatedTime": 0,
    ...     "data": [{"timestamp": 0, "message": "started", "severity": "Information"}]})
    >>> log.data[0].message
    'started'
"""

from __future__ import annotations

from cognite.client.data_classes._base import CogniteObject, CogniteResource, CogniteResourceList, IdTransformerMixin

__all__ = [
    "CogniteResource",
    "CogniteResourceList",
    "IdTransformerMixin",
    "SimulatorLog",
    "SimulatorLogData",
    "SimulatorLogList",
]


class SimulatorLogData(CogniteObject):
    """One log entry.

    Args:
        timestamp: When (ms since epoch).
        message: The message.
        severity: Debug, Information, Warning or Error.
    """

    timestamp: int
    message: str
    severity: str


class SimulatorLog(CogniteResource):
    """A log of a simulator resource (a run, a model revision or an integration).

    Args:
        id: The id.
        data: The entries.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        data_set_id: Its data set.
        severity: The minimum severity logged.
    """

    id: int | None = None
    data: list[SimulatorLogData] | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    data_set_id: int | None = None
    severity: str | None = None


class SimulatorLogList(CogniteResourceList[SimulatorLog], IdTransformerMixin):
    """A list of simulator logs."""

    _RESOURCE = SimulatorLog
