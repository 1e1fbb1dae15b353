"""The Relationships API: a table of declarations and a few lines per method on the generic verbs.

Relationships are identified by external id only. Lists of source/target external ids longer than the API takes
in one request are split into several requests, sent concurrently, and the results merged.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any, Literal, overload

from cognite.client._api_client import APIClient, IdentifierSequence, identifier_dicts, split_filter
from cognite.client.data_classes.labels import LabelFilter
from cognite.client.data_classes.relationships import (
    Relationship,
    RelationshipFilter,
    RelationshipList,
    RelationshipUpdate,
    RelationshipWrite,
)
from cognite.client.data_classes.shared import TimestampRange

__all__ = ["RelationshipsAPI"]

TimeRange = dict[str, Any] | TimestampRange


class RelationshipsAPI(APIClient[Relationship, RelationshipList]):
    """Create, read, update and delete relationships between assets, time series, files, events and sequences.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.relationships import RelationshipWrite
        >>> with emulated_client() as client:
        ...     _ = client.relationships.create(RelationshipWrite("r1", "pump", "asset", "tank", "asset"))
        ...     client.relationships.retrieve(external_id="r1").target_external_id
        'tank'
    """

    _RESOURCE_PATH = "/relationships"
    _RESOURCE_CLS = Relationship
    _LIST_CLS = RelationshipList
    _UPDATE_CLS = RelationshipUpdate
    _CREATE_LIMIT = 1000
    _RETRIEVE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _UPDATE_LIMIT = 1000
    _LIST_LIMIT = 1000
    #: The most values of each list filter one list request takes (``maxItems`` of the spec); longer lists are
    #: split over several requests.
    _FILTER_LIMITS = {"sourceExternalIds": 1000, "targetExternalIds": 1000, "dataSetIds": 1000}

    # ------------------------------------------------------------------------------------------ filters

    def _filter(
        self,
        source_external_ids: Sequence[str] | None,
        source_types: Sequence[str] | None,
        target_external_ids: Sequence[str] | None,
        target_types: Sequence[str] | None,
        data_set_ids: int | Sequence[int] | None,
        data_set_external_ids: str | Sequence[str] | None,
        start_time: TimeRange | None,
        end_time: TimeRange | None,
        confidence: dict[str, Any] | None,
        last_updated_time: TimeRange | None,
        created_time: TimeRange | None,
        active_at_time: TimeRange | None,
        labels: LabelFilter | None,
        fetch_resources: bool,
    ) -> tuple[list[dict[str, Any] | None], dict[str, Any]]:
        """The filter split into parts within the API's limits, and the other body fields."""
        ranges: dict[str, Any] = {
            "start_time": start_time, "end_time": end_time, "confidence": confidence,
            "last_updated_time": last_updated_time, "created_time": created_time, "active_at_time": active_at_time,
        }  # fmt: skip
        for name, value in ranges.items():
            if value is not None and not isinstance(value, dict | TimestampRange):
                raise TypeError(f"{name} must be a dict such as {{'min': .., 'max': ..}}, not {type(value).__name__}")
        lists = {
            "source_external_ids": source_external_ids, "source_types": source_types,
            "target_external_ids": target_external_ids, "target_types": target_types,
        }  # fmt: skip
        for name, values in lists.items():
            if values is not None and not isinstance(values, str) and len(values) == 0:
                raise ValueError(f"{name} must not be empty (give None to not filter on it)")
        other = _fetch(fetch_resources)
        flt = RelationshipFilter(
            source_external_ids=source_external_ids,  # type: ignore[arg-type]
            source_types=source_types,  # type: ignore[arg-type]
            target_external_ids=target_external_ids,  # type: ignore[arg-type]
            target_types=target_types,  # type: ignore[arg-type]
            data_set_ids=identifier_dicts(data_set_ids, data_set_external_ids, "data_set_ids", "data_set_external_ids"),
            labels=labels,
            **ranges,
        ).dump(camel_case=True)
        return split_filter(flt, self._FILTER_LIMITS), other

    # ------------------------------------------------------------------------------------------ reading

    async def retrieve(self, external_id: str, fetch_resources: bool = False) -> Relationship | None:
        """Retrieve one relationship by external id.

        Args:
            external_id: The external id.
            fetch_resources: Also return the source and target resources (``source``, ``target``).

        Returns:
            The relationship, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.relationships.retrieve(external_id="missing") is None
            True
        """
        identifiers = IdentifierSequence.load_one(external_id=external_id)
        return await self._retrieve_multiple(identifiers, extra_body=_fetch(fetch_resources))  # type: ignore[no-any-return]

    async def retrieve_multiple(
        self,
        external_ids: Sequence[str],
        fetch_resources: bool = False,
        ignore_unknown_ids: bool = False,
    ) -> RelationshipList:
        """Retrieve several relationships by external ids (in chunks, sent concurrently).

        Args:
            external_ids: The external ids.
            fetch_resources: Also return the source and target resources (``source``, ``target``).
            ignore_unknown_ids: Leave out external ids that do not exist instead of raising.

        Returns:
            The relationships (duplicates in the input are asked for once).

        Raises:
            CogniteNotFoundError: Some external ids do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.relationships.retrieve_multiple(external_ids=["a", "b"], ignore_unknown_ids=True))
            0
        """
        if isinstance(external_ids, str):
            raise TypeError("external_ids must be a sequence of str, not a str (use retrieve for one)")
        identifiers = IdentifierSequence(external_ids=external_ids, external_id_name="external_ids")
        identifiers.is_singleton = False
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids, extra_body=_fetch(fetch_resources))  # type: ignore[no-any-return]

    async def list(
        self,
        source_external_ids: Sequence[str] | None = None,
        source_types: Sequence[str] | None = None,
        target_external_ids: Sequence[str] | None = None,
        target_types: Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        start_time: dict[str, int] | TimestampRange | None = None,
        end_time: dict[str, int] | TimestampRange | None = None,
        confidence: dict[str, float] | None = None,
        last_updated_time: dict[str, int] | TimestampRange | None = None,
        created_time: dict[str, int] | TimestampRange | None = None,
        active_at_time: dict[str, int] | TimestampRange | None = None,
        labels: LabelFilter | None = None,
        limit: int | None = 25,
        partitions: int | None = None,
        fetch_resources: bool = False,
    ) -> RelationshipList:
        """List relationships matching the filters.

        Any number of source and target external ids can be given: lists longer than one request takes are
        split over several requests, sent concurrently, and the results merged (``limit`` applies to the total).

        Args:
            source_external_ids: Sources with any of these external ids.
            source_types: Sources of any of these types (asset, timeSeries, file, event, sequence).
            target_external_ids: Targets with any of these external ids.
            target_types: Targets of any of these types.
            data_set_ids: Only relationships in these data sets (ids).
            data_set_external_ids: Only relationships in these data sets (external ids).
            start_time: Range of start time (ms), e.g. ``{"min": 0, "max": 1}``.
            end_time: Range of end time (ms).
            confidence: Range of confidence, e.g. ``{"min": 0.5, "max": 1.0}``.
            last_updated_time: Range of last update time (ms).
            created_time: Range of creation time (ms).
            active_at_time: Only relationships active at some time in this range (ms).
            labels: Label filter.
            limit: Maximum number of relationships (default 25; None, -1 or inf: all).
            partitions: Fetch this many partitions in parallel (only with an unlimited limit).
            fetch_resources: Also return the source and target resources (``source``, ``target``).

        Returns:
            The relationships.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.relationships.list(source_types=["asset"], confidence={"min": 0.5}, limit=5))
            0
        """
        filters, other = self._filter(
            source_external_ids, source_types, target_external_ids, target_types, data_set_ids,
            data_set_external_ids, start_time, end_time, confidence, last_updated_time, created_time,
            active_at_time, labels, fetch_resources,
        )  # fmt: skip
        return await self._list_many(filters=filters, limit=limit, partitions=partitions, other_params=other)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        source_external_ids: Sequence[str] | None = None,
        source_types: Sequence[str] | None = None,
        target_external_ids: Sequence[str] | None = None,
        target_types: Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        start_time: dict[str, int] | TimestampRange | None = None,
        end_time: dict[str, int] | TimestampRange | None = None,
        confidence: dict[str, float] | None = None,
        last_updated_time: dict[str, int] | TimestampRange | None = None,
        created_time: dict[str, int] | TimestampRange | None = None,
        active_at_time: dict[str, int] | TimestampRange | None = None,
        labels: LabelFilter | None = None,
        limit: int | None = None,
        fetch_resources: bool = False,
    ) -> AsyncIterator[Relationship] | AsyncIterator[RelationshipList]:
        """Iterate over relationships lazily, one at a time or in lists of ``chunk_size``.

        Long lists of source or target external ids are split; the parts are fetched one after another.

        Args:
            chunk_size: Yield lists of this many relationships (None: one at a time).
            source_external_ids: Sources with any of these external ids.
            source_types: Sources of any of these types.
            target_external_ids: Targets with any of these external ids.
            target_types: Targets of any of these types.
            data_set_ids: Only relationships in these data sets (ids).
            data_set_external_ids: Only relationships in these data sets (external ids).
            start_time: Range of start time (ms).
            end_time: Range of end time (ms).
            confidence: Range of confidence.
            last_updated_time: Range of last update time (ms).
            created_time: Range of creation time (ms).
            active_at_time: Only relationships active at some time in this range (ms).
            labels: Label filter.
            limit: Maximum number of relationships (None: all).
            fetch_resources: Also return the source and target resources.

        Returns:
            An async iterator of relationships or relationship lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for rel in client.relationships(target_types=["event"], limit=10):
            ...         pass
        """
        filters, other = self._filter(
            source_external_ids, source_types, target_external_ids, target_types, data_set_ids,
            data_set_external_ids, start_time, end_time, confidence, last_updated_time, created_time,
            active_at_time, labels, fetch_resources,
        )  # fmt: skip
        return self._list_generator(chunk_size=chunk_size, limit=limit, filters=filters, other_params=other)

    # ------------------------------------------------------------------------------------------ writing

    @overload
    async def create(self, relationship: Relationship | RelationshipWrite) -> Relationship: ...
    @overload
    async def create(self, relationship: Sequence[Relationship | RelationshipWrite]) -> RelationshipList: ...
    async def create(
        self, relationship: Relationship | RelationshipWrite | Sequence[Relationship | RelationshipWrite]
    ) -> Relationship | RelationshipList:
        """Create one or more relationships (chunked by the API limit, chunks sent concurrently).

        Args:
            relationship: A relationship or a list of relationships (write or read objects).

        Returns:
            The created relationship, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.relationships import RelationshipWrite
            >>> with emulated_client() as client:
            ...     client.relationships.create(RelationshipWrite("r", "pump", "asset", "ts", "timeSeries")).source_type
            'asset'
        """
        return await self._create_multiple(relationship, write_cls=RelationshipWrite, input_name="relationship")  # type: ignore[no-any-return]

    @overload
    async def update(
        self,
        item: Relationship | RelationshipWrite | RelationshipUpdate,
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> Relationship: ...
    @overload
    async def update(
        self,
        item: Sequence[Relationship | RelationshipWrite | RelationshipUpdate],
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> RelationshipList: ...
    async def update(
        self,
        item: Relationship
        | RelationshipWrite
        | RelationshipUpdate
        | Sequence[Relationship | RelationshipWrite | RelationshipUpdate],
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> Relationship | RelationshipList:
        """Update one or more relationships (by external id), from RelationshipUpdate objects or whole relationships.

        Args:
            item: Relationship(s) or RelationshipUpdate(s).
            mode: For whole relationships: "replace_ignore_null" (set given fields), "patch" (also add to labels
                instead of replacing them), or "replace" (clear what is not given).

        Returns:
            The updated relationship, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.relationships import RelationshipUpdate, RelationshipWrite
            >>> with emulated_client() as client:
            ...     _ = client.relationships.create(RelationshipWrite("r", "a", "asset", "b", "asset"))
            ...     client.relationships.update(RelationshipUpdate("r").confidence.set(0.5)).confidence
            0.5
        """
        return await self._update_multiple(item, mode)  # type: ignore[no-any-return]

    @overload
    async def upsert(
        self, item: Relationship | RelationshipWrite, mode: Literal["patch", "replace"] = "patch"
    ) -> Relationship: ...
    @overload
    async def upsert(
        self, item: Sequence[Relationship | RelationshipWrite], mode: Literal["patch", "replace"] = "patch"
    ) -> RelationshipList: ...
    async def upsert(
        self,
        item: Relationship | RelationshipWrite | Sequence[Relationship | RelationshipWrite],
        mode: Literal["patch", "replace"] = "patch",
    ) -> Relationship | RelationshipList:
        """Update the relationships that exist (by external id) and create the others (not atomic).

        Args:
            item: Relationship(s) to upsert.
            mode: "patch" (only given fields; labels are added) or "replace" (clear what is not given).

        Returns:
            The upserted relationship(s), in input order.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.relationships import RelationshipWrite
            >>> with emulated_client() as client:
            ...     res = client.relationships.upsert([RelationshipWrite("r", "a", "asset", "b", "event")])
            ...     res.as_external_ids()
            ['r']
        """
        return await self._upsert_multiple(item, mode, write_cls=RelationshipWrite)  # type: ignore[no-any-return]

    async def delete(self, external_id: str | Sequence[str], ignore_unknown_ids: bool = False) -> None:
        """Delete one or more relationships.

        Args:
            external_id: External id(s) to delete.
            ignore_unknown_ids: Do not fail on external ids that do not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.relationships.delete(external_id=["a", "b"], ignore_unknown_ids=True)
        """
        identifiers = IdentifierSequence(external_ids=external_id, external_id_name="external_id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=ignore_unknown_ids)


def _fetch(fetch_resources: bool) -> dict[str, Any]:
    if not isinstance(fetch_resources, bool):
        raise TypeError(f"fetch_resources must be a bool, not {type(fetch_resources).__name__}")
    return {"fetchResources": True} if fetch_resources else {}
