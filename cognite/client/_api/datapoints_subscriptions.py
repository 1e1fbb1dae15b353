"""The Datapoint Subscriptions API (``client.time_series.subscriptions``): a table of declarations and a few lines
per method on the generic verbs.

A subscription follows a set of time series (listed explicitly or matched by a filter) and records every change
to their datapoints in partitioned streams that ``iterate_data`` reads with cursors. CDF takes one subscription
per create/update/delete request and at most 100 member time series per request; longer member lists are sent as
a create (or update) followed by updates adding the rest.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, Literal

from cognite.client._api_client import APIClient, IdentifierSequence, check_limit, check_type
from cognite.client.data_classes._base import SequenceNotStr, set_client
from cognite.client.data_classes.datapoints_subscriptions import (
    MEMBERS_PER_REQUEST,
    DatapointSubscription,
    DatapointSubscriptionBatch,
    DatapointSubscriptionList,
    DataPointSubscriptionUpdate,
    DataPointSubscriptionWrite,
    TimeSeriesID,
    TimeSeriesIDList,
    decode_batch,
    split_member_update,
)

__all__ = ["DatapointsSubscriptionAPI"]

UpdateMode = Literal["replace_ignore_null", "patch", "replace"]


class DatapointsSubscriptionAPI(APIClient[DatapointSubscription, DatapointSubscriptionList]):
    """Create datapoint subscriptions and read the changes to the datapoints of the time series they follow.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.datapoints_subscriptions import DataPointSubscriptionWrite
        >>> with emulated_client() as client:
        ...     sub = client.time_series.subscriptions.create(DataPointSubscriptionWrite("s", 1, ["a"]))
        ...     client.time_series.subscriptions.retrieve("s").partition_count
        1
    """

    _RESOURCE_PATH = "/timeseries/subscriptions"
    _RESOURCE_CLS = DatapointSubscription
    _LIST_CLS = DatapointSubscriptionList
    _UPDATE_CLS = DataPointSubscriptionUpdate
    _CREATE_LIMIT = 1
    _RETRIEVE_LIMIT = 1
    _UPDATE_LIMIT = 1
    _DELETE_LIMIT = 1
    _LIST_LIMIT = 100
    _DATA_LIMIT = 100_000  # ``limit`` of /data/list
    _POLL_TIMEOUT_MAX = 5  # ``pollTimeoutSeconds`` of /data/list

    # ------------------------------------------------------------------------------------------ writing

    async def create(self, subscription: DataPointSubscriptionWrite) -> DatapointSubscription:
        """Create a subscription; more than 100 member time series are added by updates after the create.

        Args:
            subscription: The subscription to create.

        Returns:
            The created subscription.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.datapoints_subscriptions import DataPointSubscriptionWrite
            >>> with emulated_client() as client:
            ...     sub = DataPointSubscriptionWrite("pumps", partition_count=1, time_series_ids=["p1", "p2"])
            ...     client.time_series.subscriptions.create(sub).time_series_count
            2
        """
        if not isinstance(subscription, DataPointSubscriptionWrite):
            raise TypeError(f"subscription must be a DataPointSubscriptionWrite, not {type(subscription).__name__}")
        if not isinstance(subscription.external_id, str):
            raise TypeError(f"subscription.external_id must be a str, got {subscription.external_id!r}")
        count = subscription.partition_count
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 100:
            raise ValueError(f"subscription.partition_count must be an int from 1 to 100, got {count!r}")
        body = subscription.dump(camel_case=True)
        later: dict[str, Any] = {}
        for key in ("timeSeriesIds", "instanceIds"):
            ids = body.get(key) or []
            if len(ids) > MEMBERS_PER_REQUEST:
                body[key], later[key] = ids[:MEMBERS_PER_REQUEST], {"add": ids[MEMBERS_PER_REQUEST:]}
        created: DatapointSubscription = await self._create_multiple(body, input_name="subscription")
        if later:
            for part in split_member_update({"externalId": subscription.external_id, "update": later}):
                created = await self._post_update(part)
        return created

    async def _post_update(self, dumped: dict[str, Any]) -> DatapointSubscription:
        resp = await self._post(self._RESOURCE_PATH + "/update", json={"items": [dumped]})
        item: DatapointSubscription = self._decode_items(resp.content).items[0]
        set_client(item, self._cognite_client)
        return item

    async def update(
        self,
        update: DataPointSubscriptionUpdate | DataPointSubscriptionWrite,
        mode: UpdateMode = "replace_ignore_null",
    ) -> DatapointSubscription:
        """Update a subscription: name, description, data set, filter, or the time series it follows (more than
        100 ids are sent over several requests). The partition count cannot change.

        Args:
            update: The changes, or a whole subscription (write form) to update from.
            mode: For a whole subscription: "replace_ignore_null" (set the fields given), "patch" (also add to
                the member lists instead of replacing them) or "replace" (also clear the fields not given).

        Returns:
            The updated subscription.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.datapoints_subscriptions import DataPointSubscriptionUpdate, DataPointSubscriptionWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.subscriptions.create(DataPointSubscriptionWrite("s", 1, ["a"]))
            ...     upd = DataPointSubscriptionUpdate("s").name.set("Pumps").time_series_ids.add(["b", "c"])
            ...     client.time_series.subscriptions.update(upd).time_series_count
            3
        """
        if mode not in ("replace_ignore_null", "patch", "replace"):
            raise ValueError(f"mode must be 'replace_ignore_null', 'patch' or 'replace', got {mode!r}")
        if isinstance(update, DataPointSubscriptionUpdate):
            dumped = update.dump()
        elif isinstance(update, DataPointSubscriptionWrite):
            dumped = DataPointSubscriptionUpdate._from_resource(update, mode)
        else:
            raise TypeError(
                f"update must be a DataPointSubscriptionUpdate or DataPointSubscriptionWrite, not {type(update).__name__}"
            )
        result: DatapointSubscription | None = None
        for part in split_member_update(dumped, MEMBERS_PER_REQUEST):
            result = await self._post_update(part)
        assert result is not None
        return result

    async def delete(self, external_id: str | SequenceNotStr[str], ignore_unknown_ids: bool = False) -> None:
        """Delete one or more subscriptions (the time series and their datapoints stay).

        Args:
            external_id: External id(s) of the subscriptions.
            ignore_unknown_ids: Do not fail on subscriptions that do not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.time_series.subscriptions.delete("gone", ignore_unknown_ids=True)
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(external_ids=external_id, external_id_name="external_id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=ignore_unknown_ids)

    # ------------------------------------------------------------------------------------------ reading

    async def retrieve(self, external_id: str) -> DatapointSubscription | None:
        """Retrieve a subscription by external id.

        Args:
            external_id: The external id.

        Returns:
            The subscription, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.time_series.subscriptions.retrieve("missing") is None
            True
        """
        return await self._retrieve_multiple(IdentifierSequence.load_one(external_id=external_id))  # type: ignore[no-any-return]

    async def list(self, limit: int | None = 25) -> DatapointSubscriptionList:
        """List subscriptions.

        Args:
            limit: Maximum number of subscriptions (default 25; None, -1 or inf: all).

        Returns:
            The subscriptions.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.time_series.subscriptions.list(limit=None))
            0
        """
        return await self._list(limit=limit, method="GET")  # type: ignore[no-any-return]

    def __call__(
        self, chunk_size: int | None = None, limit: int | None = None
    ) -> AsyncIterator[DatapointSubscription] | AsyncIterator[DatapointSubscriptionList]:
        """Iterate over subscriptions lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many subscriptions (None: one at a time).
            limit: Maximum number of subscriptions (None: all).

        Returns:
            An async iterator of subscriptions or subscription lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [s.external_id for s in client.time_series.subscriptions(limit=10)]
            []
        """
        check_limit(limit)
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET")

    async def list_member_time_series(self, external_id: str, limit: int | None = 25) -> TimeSeriesIDList:
        """List the time series a subscription follows (for an explicit subscription, by the identifier each was
        added with; ``id`` is None for one that does not exist).

        Args:
            external_id: The external id of the subscription.
            limit: Maximum number of time series (default 25; None, -1 or inf: all).

        Returns:
            The time series identifiers.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.datapoints_subscriptions import DataPointSubscriptionWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.subscriptions.create(DataPointSubscriptionWrite("s", 1, ["a", "b"]))
            ...     client.time_series.subscriptions.list_member_time_series("s").as_external_ids()
            ['a', 'b']
        """
        check_type(external_id, str, "external_id")
        return await self._list(  # type: ignore[no-any-return]
            limit=limit, method="GET", filter={"externalId": external_id}, path=self._RESOURCE_PATH + "/members",
            resource_cls=TimeSeriesID, list_cls=TimeSeriesIDList,
        )  # fmt: skip

    def iterate_data(
        self,
        external_id: str,
        start: str | None = None,
        limit: int = 25,
        partition: int = 0,
        poll_timeout: int = 5,
        cursor: str | None = None,
        include_status: bool = False,
        ignore_bad_datapoints: bool = True,
        treat_uncertain_as_bad: bool = True,
    ) -> AsyncIterator[DatapointSubscriptionBatch]:
        """Iterate over the changes in one partition of a subscription: upserted datapoints, deleted ranges and time
        series added to or removed from the subscription. The iteration never ends by itself: after the changes
        available now (``has_next`` False), each request waits up to ``poll_timeout`` seconds for new ones.

        Args:
            external_id: The external id of the subscription.
            start: Where to start when no ``cursor`` is given: None (the beginning of the stream), ``"now"`` (only
                new changes) or ``"N[w|d|h|m]-ago"``.
            limit: Approximate number of changes per batch (1-100,000; changes from one ingestion stay together).
            partition: The partition to read (0 to ``partition_count - 1``).
            poll_timeout: Seconds (0-5) a request waits for changes when there are none.
            cursor: A cursor of an earlier batch to continue from.
            include_status: Include the status codes of datapoints (Good is left out).
            ignore_bad_datapoints: Leave out datapoints with a Bad status.
            treat_uncertain_as_bad: Treat Uncertain statuses as Bad.

        Returns:
            An async iterator of batches.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.datapoints_subscriptions import DataPointSubscriptionWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.subscriptions.create(DataPointSubscriptionWrite("s", 1, ["a"]))
            ...     for batch in client.time_series.subscriptions.iterate_data("s", poll_timeout=0):
            ...         if not batch.has_next:
            ...             break
            ...     (len(batch.updates), batch.has_next)
            (0, False)
        """
        check_type(external_id, str, "external_id")
        check_type(start, str, "start")
        check_type(cursor, str, "cursor")
        flags = {"include_status": include_status, "ignore_bad_datapoints": ignore_bad_datapoints,
                 "treat_uncertain_as_bad": treat_uncertain_as_bad}  # fmt: skip
        for name, flag in flags.items():
            check_type(flag, bool, name)
        bounds = {"limit": (limit, 1, self._DATA_LIMIT), "partition": (partition, 0, None),
                  "poll_timeout": (poll_timeout, 0, self._POLL_TIMEOUT_MAX)}  # fmt: skip
        for name, (number, low, high) in bounds.items():
            if isinstance(number, bool) or not isinstance(number, int) or number < low or (high and number > high):
                raise ValueError(f"{name} must be an int from {low} to {high or 'partition_count - 1'}, got {number!r}")
        body: dict[str, Any] = {
            "externalId": external_id,
            "limit": limit,
            "pollTimeoutSeconds": poll_timeout,
            "includeStatus": include_status,
            "ignoreBadDataPoints": ignore_bad_datapoints,
            "treatUncertainAsBad": treat_uncertain_as_bad,
        }
        if start is not None and cursor is None:
            body["initializeCursors"] = start
        return self._data_batches(body, partition, cursor)

    async def _data_batches(
        self, body: dict[str, Any], partition: int, cursor: str | None
    ) -> AsyncIterator[DatapointSubscriptionBatch]:
        path = self._RESOURCE_PATH + "/data/list"
        while True:
            part: dict[str, Any] = {"index": partition} if cursor is None else {"index": partition, "cursor": cursor}
            resp = await self._post(path, json={**body, "partitions": [part]})
            batch = decode_batch(resp.content, partition)
            yield batch
            body.pop("initializeCursors", None)
            cursor = batch.cursor or cursor
