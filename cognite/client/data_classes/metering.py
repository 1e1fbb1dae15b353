"""Metering: the consumption meters of a project (``/metering/meters``), identified by ``<service>.<meter>`` ids
such as ``atlas.monthly_ai_tokens``, optionally with averaged consumption over a time range.

On the wire, datapoint timestamps are ISO 8601 strings; the data classes hold them as milliseconds since epoch.

Example:
    >>> from cognite.client.data_classes.metering import MeteringData
    >>> data = MeteringData.load({"meterId": "files.storage_bytes",
    ...                           "datapoints": [{"timestamp": "1970-01-01T00:00:01Z", "average": 2.5}]})
    >>> data.datapoints[0].timestamp, data.as_id()
    (1000, 'files.storage_bytes')
"""

from __future__ import annotations

import json
from typing import Any

from cognite.client.data_classes._base import CogniteObject, CogniteResource, CogniteResourceList
from cognite.client.utils._time import datetime_to_ms_iso_timestamp, ms_to_datetime, timestamp_to_ms

__all__ = ["CogniteResource", "CogniteResourceList", "MeteringData", "MeteringDataList", "MeteringDataPoint"]


class MeteringDataPoint(CogniteObject):
    """The average consumption over one time bucket.

    Args:
        timestamp: The start of the bucket (ms since epoch; ISO 8601 strings are converted when loaded).
        average: The average value in the bucket.
    """

    timestamp: int
    average: float | int | None = None

    @classmethod
    def _load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> MeteringDataPoint:
        return super()._load(_ms_timestamp(resource), cognite_client)

    @classmethod
    def load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> MeteringDataPoint:
        """Load a datapoint from its wire form (an ISO 8601 or millisecond timestamp).

        Args:
            resource: The datapoint as a dict or a JSON string.
            cognite_client: Not used.

        Returns:
            The datapoint.
        """
        return super().load(_ms_timestamp(resource), cognite_client)


class MeteringData(CogniteResource):
    """A meter and, when asked for a time range, its consumption datapoints.

    Args:
        meter_id: The meter id, e.g. ``atlas.monthly_ai_tokens``.
        datapoints: Averages per time bucket (empty unless a start and a number of datapoints were asked for).
    """

    meter_id: str
    datapoints: list[MeteringDataPoint] | None = None

    @classmethod
    def load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> MeteringData:
        """Load a meter from its wire form (datapoint timestamps as ISO 8601 strings or milliseconds).

        Args:
            resource: The meter as a dict or a JSON string.
            cognite_client: The client to attach (optional).

        Returns:
            The meter.
        """
        if isinstance(resource, str):
            resource = json.loads(resource)
        if isinstance(resource, dict) and isinstance(resource.get("datapoints"), list):
            resource = {**resource, "datapoints": [_ms_timestamp(dp) for dp in resource["datapoints"]]}
        return super().load(resource, cognite_client)

    def as_id(self) -> str:
        """Return the meter id.

        Returns:
            The meter id.
        """
        return self.meter_id

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the meter; datapoint timestamps stay milliseconds since epoch.

        Args:
            camel_case: Use camelCase keys (default) or snake_case.

        Returns:
            The meter as a dict.
        """
        out: dict[str, Any] = {"meterId" if camel_case else "meter_id": self.meter_id}
        if self.datapoints is not None:
            out["datapoints"] = [dp.dump(camel_case) for dp in self.datapoints]
        return out


class MeteringDataList(CogniteResourceList[MeteringData]):
    """A list of meters.

    Args:
        resources: The meters.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = MeteringData

    def as_ids(self) -> list[str]:
        """Return the meter ids.

        Returns:
            The meter ids, in order.
        """
        return [meter.meter_id for meter in self]


def _ms_timestamp(datapoint: Any) -> Any:
    """A wire datapoint with its timestamp in milliseconds (ISO 8601 strings converted)."""
    if isinstance(datapoint, str):
        datapoint = json.loads(datapoint)
    if isinstance(datapoint, dict) and isinstance(datapoint.get("timestamp"), str):
        return {**datapoint, "timestamp": timestamp_to_ms(datapoint["timestamp"])}
    return datapoint


def iso_timestamp(ms: int) -> str:
    """The ISO 8601 form (UTC, ``Z``) of a time in milliseconds since epoch, as the metering API takes it."""
    return datetime_to_ms_iso_timestamp(ms_to_datetime(ms)).replace("+00:00", "Z")
