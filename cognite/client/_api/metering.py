"""The Metering API (alpha): the consumption meters of a project (``/metering/meters``), by ids such as
``atlas.monthly_ai_tokens``, with averaged consumption over a time range when asked for.

Times go on the wire as ISO 8601 strings; the SDK takes milliseconds, datetimes or strings such as ``"2w-ago"``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime
from typing import Any, overload

from cognite.client._api._alpha import AlphaAPI
from cognite.client._api_client import check_type
from cognite.client._concurrency import execute, raise_if_failed
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.filters import Filter
from cognite.client.data_classes.metering import MeteringData, MeteringDataList, iso_timestamp
from cognite.client.utils._time import timestamp_to_ms

__all__ = ["MeteringAPI"]

_MAX_DATAPOINTS = 600
_BYIDS_LIMIT = 100


def _range_args(
    start: int | str | datetime | None, end: int | str | datetime | None, number_of_datapoints: int | None
) -> dict[str, Any]:
    """The wire form of the time range arguments (only those given)."""
    out: dict[str, Any] = {}
    for name, value in (("start", start), ("end", end)):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float | str | datetime):
            raise TypeError(f"{name} must be ms since epoch, a datetime or a time string, not {type(value).__name__}")
        out[name] = iso_timestamp(timestamp_to_ms(value))
    if number_of_datapoints is not None:
        if isinstance(number_of_datapoints, bool) or not isinstance(number_of_datapoints, int):
            raise TypeError(f"number_of_datapoints must be an int, not {type(number_of_datapoints).__name__}")
        if not 0 <= number_of_datapoints <= _MAX_DATAPOINTS:
            raise ValueError(f"number_of_datapoints must be 0 to {_MAX_DATAPOINTS}, got {number_of_datapoints}")
        out["numberOfDatapoints"] = number_of_datapoints
    return out


class MeteringAPI(AlphaAPI):
    """Read the consumption meters of the project.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     client.metering.retrieve("assets.resources").meter_id
        'assets.resources'
    """

    _RESOURCE_PATH = "/metering/meters"
    _RESOURCE_CLS = MeteringData
    _LIST_CLS = MeteringDataList
    _ID_PROPERTY = "meterId"

    async def list(
        self,
        filter: Filter | None = None,
        limit: int | None = 25,
        start: int | str | datetime | None = None,
        end: int | str | datetime | None = None,
        number_of_datapoints: int | None = None,
    ) -> MeteringDataList:
        """List the meters of the project, with averaged consumption when ``start`` and ``number_of_datapoints``
        are given.

        Args:
            filter: A ``Prefix`` filter on ``meterId`` (the only filter supported), e.g. ``Prefix("meterId", "atlas.")``.
            limit: Maximum number of meters (default 25; None, -1 or inf: all).
            start: Start of the time range (ms, datetime or e.g. ``"2w-ago"``); with ``number_of_datapoints``.
            end: End of the time range (default: now).
            number_of_datapoints: Number of equal-width time buckets between start and end (0 to 600).

        Returns:
            The meters.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.filters import Prefix
            >>> with emulated_client() as client:
            ...     client.metering.list(filter=Prefix("meterId", "assets.")).as_ids()
            ['assets.resources']
        """
        wire_filter = self._prefix_filter(filter)
        args = _range_args(start, end, number_of_datapoints)
        items = [item async for page in self._alpha_pages(limit, wire_filter, args) for item in page]
        return MeteringDataList._load(items, self._cognite_client)  # type: ignore[no-any-return]

    @overload
    async def retrieve(
        self,
        id: str,
        start: int | str | datetime | None = None,
        end: int | str | datetime | None = None,
        number_of_datapoints: int | None = None,
    ) -> MeteringData | None: ...
    @overload
    async def retrieve(
        self,
        id: SequenceNotStr[str],
        start: int | str | datetime | None = None,
        end: int | str | datetime | None = None,
        number_of_datapoints: int | None = None,
    ) -> MeteringDataList: ...
    async def retrieve(
        self,
        id: str | SequenceNotStr[str],
        start: int | str | datetime | None = None,
        end: int | str | datetime | None = None,
        number_of_datapoints: int | None = None,
    ) -> MeteringData | MeteringDataList | None:
        """Retrieve one or more meters by id, with averaged consumption when ``start`` and
        ``number_of_datapoints`` are given.

        Args:
            id: One meter id (gives the meter or None) or a list of them (gives a list; 100 per request, requests
                sent concurrently).
            start: Start of the time range (ms, datetime or e.g. ``"2w-ago"``); with ``number_of_datapoints``.
            end: End of the time range (default: now).
            number_of_datapoints: Number of equal-width time buckets between start and end (0 to 600).

        Returns:
            The meter (None if there is no such meter), or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.assets import AssetWrite
            >>> with emulated_client() as client:
            ...     _ = client.assets.create(AssetWrite(external_id="pump", name="Pump"))
            ...     meter = client.metering.retrieve("assets.resources", start="1d-ago", number_of_datapoints=2)
            ...     [dp.average for dp in meter.datapoints]
            [0, 1]
        """
        args = _range_args(start, end, number_of_datapoints)
        if isinstance(id, str):
            if not id:
                raise ValueError("id must be a non-empty str")
            body = await self._alpha_get_one(self._RESOURCE_PATH + "/{id}", id, params=args)
            return None if body is None else MeteringData.load(body, self._cognite_client)
        if not isinstance(id, Iterable):
            raise TypeError(f"id must be a str or a list of str, not {type(id).__name__}")
        ids = list(id)
        for value in ids:
            check_type(value, str, "id")
        chunks = [[{"meterId": x} for x in ids[i : i + _BYIDS_LIMIT]] for i in range(0, len(ids), _BYIDS_LIMIT)]

        def task(chunk: list[dict[str, str]]) -> Callable[[], Awaitable[list[Any]]]:
            async def run() -> list[Any]:
                resp = await self._alpha("POST", self._RESOURCE_PATH + "/byids", json={"items": chunk, **args})
                return list(resp.json().get("items", []))

            return run

        outcome = await execute([task(c) for c in chunks], self._max_workers("read"))
        raise_if_failed(outcome, chunks, unwrap=lambda ref: ref["meterId"])
        items = [item for found in outcome.values() for item in found]
        return MeteringDataList._load(items, self._cognite_client)  # type: ignore[no-any-return]
