"""Method groups shared by several API families, written once on the generic verbs.

The sync generator includes a mixin's public methods in every sync API class built on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cognite.client._api_client import APIClient, T_List, T_Resource
from cognite.client.data_classes._base import CogniteFilter

if TYPE_CHECKING:
    from cognite.client.data_classes.aggregations import UniqueResultList
    from cognite.client.data_classes.filters import Filter

__all__ = ["WithAggregates"]


class WithAggregates(APIClient[T_Resource, T_List]):
    """The aggregate family of CDF's classic resources (assets, events, time series, sequences, files)."""

    async def aggregate_count(
        self,
        property: Any = None,
        advanced_filter: Filter | dict[str, Any] | None = None,
        filter: CogniteFilter | dict[str, Any] | None = None,
    ) -> int:
        """Count resources, optionally those that have a property, matching the filters.

        Args:
            property: Count only resources with this property set.
            advanced_filter: An advanced filter.
            filter: The family's filter (e.g. AssetFilter) or a dict.

        Returns:
            The count.
        """
        items = await self._advanced_aggregate(
            "count", properties=property, advanced_filter=advanced_filter, filter=filter
        )
        return int(items[0]["count"]) if items else 0

    async def aggregate_cardinality_values(
        self,
        property: Any,
        advanced_filter: Filter | dict[str, Any] | None = None,
        aggregate_filter: Any = None,
        filter: CogniteFilter | dict[str, Any] | None = None,
    ) -> int:
        """Approximate number of distinct values of a property.

        Args:
            property: The property (name, enum member or path such as ``["metadata", "key"]``).
            advanced_filter: An advanced filter.
            aggregate_filter: A filter on the aggregated values.
            filter: The family's filter (e.g. AssetFilter) or a dict.

        Returns:
            The approximate count.
        """
        items = await self._advanced_aggregate(
            "cardinalityValues", properties=property, advanced_filter=advanced_filter,
            aggregate_filter=aggregate_filter, filter=filter,
        )  # fmt: skip
        return int(items[0]["count"]) if items else 0

    async def aggregate_cardinality_properties(
        self,
        path: Any,
        advanced_filter: Filter | dict[str, Any] | None = None,
        aggregate_filter: Any = None,
        filter: CogniteFilter | dict[str, Any] | None = None,
    ) -> int:
        """Approximate number of distinct properties (metadata keys) under ``path``.

        Args:
            path: The scope, ``["metadata"]``.
            advanced_filter: An advanced filter.
            aggregate_filter: A filter on the aggregated keys.
            filter: The family's filter (e.g. AssetFilter) or a dict.

        Returns:
            The approximate count.
        """
        items = await self._advanced_aggregate(
            "cardinalityProperties", path=path, advanced_filter=advanced_filter,
            aggregate_filter=aggregate_filter, filter=filter,
        )  # fmt: skip
        return int(items[0]["count"]) if items else 0

    async def aggregate_unique_values(
        self,
        property: Any,
        advanced_filter: Filter | dict[str, Any] | None = None,
        aggregate_filter: Any = None,
        filter: CogniteFilter | dict[str, Any] | None = None,
    ) -> UniqueResultList:
        """Distinct values of a property with their counts (most frequent first).

        Args:
            property: The property.
            advanced_filter: An advanced filter.
            aggregate_filter: A filter on the aggregated values.
            filter: The family's filter (e.g. AssetFilter) or a dict.

        Returns:
            The unique values and counts.
        """
        from cognite.client.data_classes.aggregations import UniqueResultList

        items = await self._advanced_aggregate(
            "uniqueValues", properties=property, advanced_filter=advanced_filter,
            aggregate_filter=aggregate_filter, filter=filter,
        )  # fmt: skip
        return UniqueResultList.load(items)  # type: ignore[no-any-return]

    async def aggregate_unique_properties(
        self,
        path: Any,
        advanced_filter: Filter | dict[str, Any] | None = None,
        aggregate_filter: Any = None,
        filter: CogniteFilter | dict[str, Any] | None = None,
    ) -> UniqueResultList:
        """Distinct properties (metadata keys) under ``path`` with their counts.

        Args:
            path: The scope, ``["metadata"]``.
            advanced_filter: An advanced filter.
            aggregate_filter: A filter on the aggregated keys.
            filter: The family's filter (e.g. AssetFilter) or a dict.

        Returns:
            The unique properties and counts.
        """
        from cognite.client.data_classes.aggregations import UniqueResultList

        items = await self._advanced_aggregate(
            "uniqueProperties", path=path, advanced_filter=advanced_filter,
            aggregate_filter=aggregate_filter, filter=filter,
        )  # fmt: skip
        return UniqueResultList.load(items)  # type: ignore[no-any-return]
