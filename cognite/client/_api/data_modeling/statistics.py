"""The data-modeling statistics API (``client.data_modeling.statistics``): counts and limits of the project, and
counts per space."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, overload

from cognite.client._api.data_modeling._schema import SCHEMA_ITEMS_LIMIT
from cognite.client._api_client import APIClient, object_decoder
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.data_modeling.ids import DataModelingIdentifierSequence
from cognite.client.data_classes.data_modeling.statistics import (
    ProjectStatistics,
    SpaceStatistics,
    SpaceStatisticsList,
)

__all__ = ["SpaceStatisticsAPI", "StatisticsAPI"]


class StatisticsAPI(APIClient[Any, Any]):
    """Counts and limits of the data-modeling resources of the project (and, in ``spaces``, per space).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     client.data_modeling.statistics.project().spaces.limit
        100
    """

    _RESOURCE_PATH = "/models/statistics"
    _CATEGORY = "data_modeling"

    spaces: LazyAPI[SpaceStatisticsAPI] = LazyAPI("cognite.client._api.data_modeling.statistics:SpaceStatisticsAPI")

    async def project(self) -> ProjectStatistics:
        """Retrieve the counts and limits of the project's spaces, containers, views, data models and instances.

        Returns:
            The statistics.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply([SpaceApply("a"), SpaceApply("b")])
            ...     client.data_modeling.statistics.project().spaces.count
            2
        """
        resp = await self._get(self._RESOURCE_PATH)
        stats = object_decoder(ProjectStatistics).decode(resp.content)
        stats.__dict__["_project"] = self._cognite_client.config.project
        return stats


class SpaceStatisticsAPI(APIClient[SpaceStatistics, SpaceStatisticsList]):
    """Counts of the data-modeling resources of each space.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     len(client.data_modeling.statistics.spaces.list())
        0
    """

    _RESOURCE_PATH = "/models/statistics/spaces"
    _RESOURCE_CLS = SpaceStatistics
    _LIST_CLS = SpaceStatisticsList
    _CATEGORY = "data_modeling"
    _RETRIEVE_LIMIT = SCHEMA_ITEMS_LIMIT

    @overload
    async def retrieve(self, space: str) -> SpaceStatistics | None: ...
    @overload
    async def retrieve(self, space: SequenceNotStr[str]) -> SpaceStatisticsList: ...
    async def retrieve(self, space: str | SequenceNotStr[str]) -> SpaceStatistics | SpaceStatisticsList | None:
        """Retrieve the statistics of one or more spaces (spaces that do not exist are left out).

        Args:
            space: A space id (gives one object or None) or a sequence of them (gives a list).

        Returns:
            The statistics of the space (None if it does not exist), or a list for a sequence.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("plant"))
            ...     client.data_modeling.statistics.spaces.retrieve("plant").containers
            0
        """
        if not isinstance(space, str) and (
            not isinstance(space, Sequence) or any(not isinstance(s, str) for s in space)
        ):
            raise TypeError(f"space must be a str or a sequence of str, got {space!r}")
        seq = DataModelingIdentifierSequence.load(
            space if isinstance(space, str) else list(dict.fromkeys(space)), "space"
        )
        found = await self._retrieve_items(seq.as_dicts())
        if seq.is_singleton():
            return found[0] if found else None  # type: ignore[no-any-return]
        return found  # type: ignore[no-any-return]

    async def list(self) -> SpaceStatisticsList:
        """Retrieve the statistics of every space.

        Returns:
            The statistics, one object per space.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("plant"))
            ...     [s.space for s in client.data_modeling.statistics.spaces.list()]
            ['plant']
        """
        resp = await self._get(self._RESOURCE_PATH)
        return self._make_list(self._decode_items(resp.content).items)  # type: ignore[no-any-return]
