"""The Sequences API (``client.sequences``) and its rows (``client.sequences.data``): tables of declarations and a
few lines per method on the generic verbs."""

from __future__ import annotations

import operator
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, overload

from cognite.client._api._mixins import WithAggregates
from cognite.client._api_client import (
    APIClient,
    IdentifierSequence,
    advanced_list_params,
    check_limit,
    check_type,
    chunks,
    id_list,
    identifier_dicts,
    split_filter,
)
from cognite.client._cognite_client import LazyAPI
from cognite.client._concurrency import execute, raise_if_failed
from cognite.client.data_classes._base import _import_pandas, set_client
from cognite.client.data_classes.sequences import (
    _COLUMN_NAMES,
    ColumnNames,
    SequenceFilter,
    SequenceList,
    SequenceRow,
    SequenceRows,
    SequenceRowsList,
    SequenceSort,
    SequenceUpdate,
    SequenceWrite,
    SortableSequenceProperty,
)
from cognite.client.data_classes.sequences import Sequence as SequenceResource
from cognite.client.data_classes.shared import TimestampRange

if TYPE_CHECKING:
    import pandas

    from cognite.client.data_classes.filters import Filter

__all__ = ["SequencesAPI", "SequencesDataAPI"]

SortSpec = (
    SequenceSort
    | str
    | SortableSequenceProperty
    | tuple[str, Literal["asc", "desc"]]
    | tuple[str, Literal["asc", "desc"], Literal["auto", "first", "last"]]
)
SortSpecs = SortSpec | list[SortSpec]
UpdateMode = Literal["replace_ignore_null", "patch", "replace"]
RowsInput: TypeAlias = (
    SequenceRows
    | Mapping[int, Sequence[Any]]
    | Sequence[tuple[int, Sequence[Any]]]
    | Sequence[dict[str, Any]]
    | Sequence[SequenceRow]
)


class SequencesAPI(WithAggregates[SequenceResource, SequenceList]):
    """Create, read, update, delete, search and aggregate sequences; their rows are in ``data``.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceWrite
        >>> with emulated_client() as client:
        ...     _ = client.sequences.create(SequenceWrite([SequenceColumnWrite("depth")], external_id="log"))
        ...     client.sequences.retrieve(external_id="log").column_external_ids
        ['depth']
    """

    _RESOURCE_PATH = "/sequences"
    _RESOURCE_CLS = SequenceResource
    _LIST_CLS = SequenceList
    _UPDATE_CLS = SequenceUpdate
    _CREATE_LIMIT = 1000
    _RETRIEVE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _UPDATE_LIMIT = 1000
    _LIST_LIMIT = 1000
    #: The most values each list filter takes in one request (``maxItems``); longer lists are split.
    _FILTER_LIMITS = {"assetIds": 100, "assetSubtreeIds": 100, "dataSetIds": 100}

    data: LazyAPI[SequencesDataAPI] = LazyAPI("cognite.client._api.sequences:SequencesDataAPI")

    @staticmethod
    def _filter(
        name: str | None = None,
        external_id_prefix: str | None = None,
        metadata: dict[str, str] | None = None,
        asset_ids: Sequence[int] | None = None,
        asset_subtree_ids: int | Sequence[int] | None = None,
        asset_subtree_external_ids: str | Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
    ) -> list[dict[str, Any] | None]:
        flt = SequenceFilter(
            name=check_type(name, str, "name"),
            external_id_prefix=check_type(external_id_prefix, str, "external_id_prefix"),
            metadata=check_type(metadata, dict, "metadata"),
            asset_ids=id_list(asset_ids, "asset_ids"),
            asset_subtree_ids=identifier_dicts(
                asset_subtree_ids, asset_subtree_external_ids, "asset_subtree_ids", "asset_subtree_external_ids"
            ),
            data_set_ids=identifier_dicts(data_set_ids, data_set_external_ids, "data_set_ids", "data_set_external_ids"),
            created_time=created_time,
            last_updated_time=last_updated_time,
        ).dump(camel_case=True)
        return split_filter(flt, SequencesAPI._FILTER_LIMITS)

    async def _with_column_changes(self, item: Any, mode: UpdateMode) -> Any:
        """Turn whole sequences that exist into SequenceUpdates that also change their columns (see
        ``SequenceUpdate._from_sequence``); everything else is passed on as it is."""
        single = not isinstance(item, Sequence)
        items = [item] if single else list(item)
        whole = {
            id(x): x
            for x in items
            if isinstance(x, SequenceResource | SequenceWrite)
            and x.columns is not None
            and (getattr(x, "id", None) is not None or x.external_id is not None)
        }
        if not whole:
            return item
        ids = [x.id for x in whole.values() if isinstance(x, SequenceResource) and x.id is not None]
        xids = [x.external_id for x in whole.values() if getattr(x, "id", None) is None and x.external_id is not None]
        current = await self.retrieve_multiple(ids=ids or None, external_ids=xids or None, ignore_unknown_ids=True)

        def convert(x: Any) -> Any:
            if id(x) not in whole:
                return x
            found = (
                current.get(id=x.id) if getattr(x, "id", None) is not None else current.get(external_id=x.external_id)
            )
            return x if found is None else SequenceUpdate._from_sequence(x, found, mode)

        converted = [convert(x) for x in items]
        return converted[0] if single else converted

    # ------------------------------------------------------------------------------------------ reading

    async def retrieve(self, id: int | None = None, external_id: str | None = None) -> SequenceResource | None:
        """Retrieve one sequence by id or external id.

        Args:
            id: The id.
            external_id: The external id.

        Returns:
            The sequence, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.sequences.retrieve(external_id="missing") is None
            True
        """
        return await self._retrieve_multiple(IdentifierSequence.load_one(id=id, external_id=external_id))  # type: ignore[no-any-return]

    async def retrieve_multiple(
        self,
        ids: Sequence[int] | None = None,
        external_ids: Sequence[str] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> SequenceList:
        """Retrieve several sequences by ids and/or external ids.

        Args:
            ids: The ids.
            external_ids: The external ids.
            ignore_unknown_ids: Leave out identifiers that do not exist instead of raising.

        Returns:
            The sequences (duplicates in the input are asked for once).

        Raises:
            CogniteNotFoundError: Some identifiers do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.sequences.retrieve_multiple(external_ids=["a", "b"], ignore_unknown_ids=True))
            0
        """
        identifiers = IdentifierSequence(ids=ids, external_ids=external_ids)
        identifiers.is_singleton = False
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def list(
        self,
        name: str | None = None,
        external_id_prefix: str | None = None,
        metadata: dict[str, str] | None = None,
        asset_ids: Sequence[int] | None = None,
        asset_subtree_ids: int | Sequence[int] | None = None,
        asset_subtree_external_ids: str | Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        limit: int | None = 25,
        partitions: int | None = None,
        advanced_filter: Filter | dict[str, Any] | None = None,
        sort: SortSpecs | None = None,
    ) -> SequenceList:
        """List sequences matching the filters.

        Args:
            name: Exact name.
            external_id_prefix: Prefix of the external id.
            metadata: Metadata key-value pairs that must all match.
            asset_ids: Only sequences linked to these assets (ids).
            asset_subtree_ids: Only sequences linked to assets in the subtrees of these ids.
            asset_subtree_external_ids: Only sequences linked to assets in the subtrees of these external ids.
            data_set_ids: Only sequences in these data sets (ids).
            data_set_external_ids: Only sequences in these data sets (external ids).
            created_time: Range of creation time (ms), e.g. ``{"min": 0, "max": 1}``.
            last_updated_time: Range of last update time (ms).
            limit: Maximum number of sequences (default 25; None, -1 or inf: all).
            partitions: Fetch this many partitions in parallel (only with an unlimited limit).
            advanced_filter: An advanced filter (``cognite.client.data_classes.filters``).
            sort: Sort specification(s): property name, (property, order[, nulls]), SortableSequenceProperty or
                SequenceSort (not with partitions).

        Returns:
            The sequences.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceWrite
            >>> with emulated_client() as client:
            ...     _ = client.sequences.create([SequenceWrite([SequenceColumnWrite("x")], name=n) for n in "ab"])
            ...     [s.name for s in client.sequences.list(name="b")]
            ['b']
        """
        filters = self._filter(
            name, external_id_prefix, metadata, asset_ids, asset_subtree_ids, asset_subtree_external_ids,
            data_set_ids, data_set_external_ids, created_time, last_updated_time,
        )  # fmt: skip
        params = advanced_list_params(advanced_filter, sort, SequenceSort, partitions)
        return await self._list_many(filters=filters, limit=limit, partitions=partitions, other_params=params)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        name: str | None = None,
        external_id_prefix: str | None = None,
        metadata: dict[str, str] | None = None,
        asset_ids: Sequence[int] | None = None,
        asset_subtree_ids: int | Sequence[int] | None = None,
        asset_subtree_external_ids: str | Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        limit: int | None = None,
        advanced_filter: Filter | dict[str, Any] | None = None,
        sort: SortSpecs | None = None,
    ) -> AsyncIterator[SequenceResource] | AsyncIterator[SequenceList]:
        """Iterate over sequences lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many sequences (None: one sequence at a time).
            name: Exact name.
            external_id_prefix: Prefix of the external id.
            metadata: Metadata key-value pairs that must all match.
            asset_ids: Only sequences linked to these assets (ids).
            asset_subtree_ids: Only sequences linked to assets in these subtrees (ids).
            asset_subtree_external_ids: Only sequences linked to assets in these subtrees (external ids).
            data_set_ids: Only sequences in these data sets (ids).
            data_set_external_ids: Only sequences in these data sets (external ids).
            created_time: Range of creation time.
            last_updated_time: Range of last update time.
            limit: Maximum number of sequences (None: all).
            advanced_filter: An advanced filter.
            sort: Sort specification(s).

        Returns:
            An async iterator of sequences or sequence lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for chunk in client.sequences(chunk_size=100, external_id_prefix="log"):
            ...         pass
        """
        filters = self._filter(
            name, external_id_prefix, metadata, asset_ids, asset_subtree_ids, asset_subtree_external_ids,
            data_set_ids, data_set_external_ids, created_time, last_updated_time,
        )  # fmt: skip
        params = advanced_list_params(advanced_filter, sort, SequenceSort)
        return self._list_generator(chunk_size=chunk_size, limit=limit, filters=filters, other_params=params)

    async def search(
        self,
        name: str | None = None,
        description: str | None = None,
        query: str | None = None,
        filter: SequenceFilter | dict[str, Any] | None = None,
        limit: int = 25,
    ) -> SequenceList:
        """Search sequences by name, description or a free-text query (relevance ordered).

        Args:
            name: Fuzzy search on the name.
            description: Fuzzy search on the description.
            query: Free-text search on name and description.
            filter: A SequenceFilter (or dict, camelCase or snake_case keys) to narrow the search.
            limit: Maximum number of results (default 25).

        Returns:
            The matching sequences.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceWrite
            >>> with emulated_client() as client:
            ...     _ = client.sequences.create(SequenceWrite([SequenceColumnWrite("x")], name="well log"))
            ...     client.sequences.search(name="log")[0].name
            'well log'
        """
        flt = SequenceFilter.load(filter) if isinstance(filter, dict) else filter
        text = {"name": name, "description": description, "query": query}
        return await self._search_text(text, flt, limit)  # type: ignore[no-any-return]

    # ------------------------------------------------------------------------------------------ writing

    @overload
    async def create(self, sequence: SequenceResource | SequenceWrite) -> SequenceResource: ...
    @overload
    async def create(self, sequence: Sequence[SequenceResource] | Sequence[SequenceWrite]) -> SequenceList: ...
    async def create(
        self, sequence: SequenceResource | SequenceWrite | Sequence[SequenceResource] | Sequence[SequenceWrite]
    ) -> SequenceResource | SequenceList:
        """Create one or more sequences with their columns (chunked by the API limit, chunks sent concurrently).

        Args:
            sequence: A sequence or a list of sequences (write or read objects).

        Returns:
            The created sequence, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceWrite
            >>> with emulated_client() as client:
            ...     cols = [SequenceColumnWrite("depth", value_type="LONG"), SequenceColumnWrite("tool", value_type="STRING")]
            ...     client.sequences.create(SequenceWrite(cols, external_id="log")).column_value_types
            ['LONG', 'STRING']
        """
        return await self._create_multiple(sequence, write_cls=SequenceWrite, input_name="sequence")  # type: ignore[no-any-return]

    @overload
    async def update(
        self, item: SequenceResource | SequenceWrite | SequenceUpdate, mode: UpdateMode = "replace_ignore_null"
    ) -> SequenceResource: ...
    @overload
    async def update(
        self,
        item: Sequence[SequenceResource | SequenceWrite | SequenceUpdate],
        mode: UpdateMode = "replace_ignore_null",
    ) -> SequenceList: ...
    async def update(
        self,
        item: SequenceResource
        | SequenceWrite
        | SequenceUpdate
        | Sequence[SequenceResource | SequenceWrite | SequenceUpdate],
        mode: UpdateMode = "replace_ignore_null",
    ) -> SequenceResource | SequenceList:
        """Update one or more sequences, from SequenceUpdate objects or from whole sequences (columns included).

        A whole sequence's columns are compared with the ones in CDF: new columns are added, changed ones
        modified, and (except with "patch") columns it lacks are removed; a column whose value type changed is
        removed and added again (its values are lost).

        Args:
            item: Sequence(s) or SequenceUpdate(s).
            mode: For whole sequences: "replace_ignore_null" (set given fields), "patch" (also add to metadata
                instead of replacing, never remove columns), or "replace" (clear what is not given).

        Returns:
            The updated sequence, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceUpdate, SequenceWrite
            >>> with emulated_client() as client:
            ...     _ = client.sequences.create(SequenceWrite([SequenceColumnWrite("a")], external_id="s"))
            ...     upd = SequenceUpdate(external_id="s").columns.add(SequenceColumnWrite("b")).columns.remove("a")
            ...     client.sequences.update(upd).column_external_ids
            ['b']
        """
        return await self._update_multiple(await self._with_column_changes(item, mode), mode)  # type: ignore[no-any-return]

    @overload
    async def upsert(
        self, item: SequenceResource | SequenceWrite, mode: Literal["patch", "replace"] = "patch"
    ) -> SequenceResource: ...
    @overload
    async def upsert(
        self, item: Sequence[SequenceResource | SequenceWrite], mode: Literal["patch", "replace"] = "patch"
    ) -> SequenceList: ...
    async def upsert(
        self,
        item: SequenceResource | SequenceWrite | Sequence[SequenceResource | SequenceWrite],
        mode: Literal["patch", "replace"] = "patch",
    ) -> SequenceResource | SequenceList:
        """Update the sequences that exist (columns included, see ``update``) and create the others (not atomic).

        Args:
            item: Sequence(s) to upsert, identified by id or external id.
            mode: "patch" (only given fields; columns are added or changed, never removed) or "replace" (clear
                what is not given, remove columns not given).

        Returns:
            The upserted sequence(s), in input order.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceWrite
            >>> with emulated_client() as client:
            ...     [s.external_id for s in client.sequences.upsert([SequenceWrite([SequenceColumnWrite("a")], external_id="s")])]
            ['s']
        """
        if mode not in ("patch", "replace"):
            raise ValueError(f"mode must be 'patch' or 'replace', got {mode!r}")
        items = await self._with_column_changes(item, mode)
        return await self._upsert_multiple(items, mode, write_cls=SequenceWrite)  # type: ignore[no-any-return]

    async def delete(
        self,
        id: int | Sequence[int] | None = None,
        external_id: str | Sequence[str] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> None:
        """Delete one or more sequences (and their rows).

        Args:
            id: Id(s) to delete.
            external_id: External id(s) to delete.
            ignore_unknown_ids: Do not fail on identifiers that do not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.sequences.delete(external_id=["gone"], ignore_unknown_ids=True)
        """
        identifiers = IdentifierSequence(ids=id, external_ids=external_id, id_name="id", external_id_name="external_id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=ignore_unknown_ids)


class SequencesDataAPI(APIClient[SequenceRows, SequenceRowsList]):
    """Insert, retrieve and delete the rows of sequences.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceWrite
        >>> with emulated_client() as client:
        ...     _ = client.sequences.create(SequenceWrite([SequenceColumnWrite("v")], external_id="s"))
        ...     client.sequences.data.insert({1: [1.5], 2: [2.5]}, columns=["v"], external_id="s")
        ...     client.sequences.data.retrieve(external_id="s").values
        [[1.5], [2.5]]
    """

    _RESOURCE_PATH = "/sequences/data"
    _RESOURCE_CLS = SequenceRows
    _LIST_CLS = SequenceRowsList
    #: Rows per insert request.
    _INSERT_ROWS_LIMIT = 10_000
    #: Values (rows times columns) per insert request.
    _INSERT_VALUES_LIMIT = 100_000
    #: Columns per inserted item (``maxItems`` of ``columns``); wider rows are sent in column groups.
    _INSERT_COLUMNS_LIMIT = 200
    #: The largest ``limit`` of a rows request (pages may hold fewer rows: the API limits values per page).
    _RETRIEVE_ROWS_LIMIT = 10_000
    #: Row numbers per deleted item (``maxItems`` of ``rows``).
    _DELETE_ROWS_LIMIT = 10_000

    # ------------------------------------------------------------------------------------------ helpers

    @staticmethod
    def _identifier(id: int | None, external_id: str | None) -> dict[str, Any]:
        return IdentifierSequence.load_one(id=id, external_id=external_id).as_dicts()[0]

    async def _sequence(self, id: int | None, external_id: str | None) -> SequenceResource:
        """The sequence (CogniteNotFoundError when it does not exist)."""
        if id is not None:
            return (await self._cognite_client.sequences.retrieve_multiple(ids=[id]))[0]
        return (await self._cognite_client.sequences.retrieve_multiple(external_ids=[external_id or ""]))[0]

    @staticmethod
    def _columns(columns: Any, name: str = "columns") -> list[str] | None:
        if columns is None:
            return None
        if isinstance(columns, str) or not isinstance(columns, Iterable):
            raise TypeError(f"{name} must be a list of column external ids, got {columns!r}")
        out = list(columns)
        if not out or any(not isinstance(c, str) for c in out):
            raise ValueError(f"{name} must be a non-empty list of column external ids (str), got {out!r}")
        return out

    @staticmethod
    def _row_number(value: Any, name: str = "row number") -> int:
        try:
            number = operator.index(value)
        except TypeError:
            raise TypeError(f"{name} must be an int, got {value!r}") from None
        if isinstance(value, bool) or number < 0:
            raise ValueError(f"{name} must be a non-negative int, got {value!r}")
        return number

    def _row_pairs(self, rows: Any, width: int | None) -> list[tuple[int, list[Any]]]:
        """Rows in any accepted form as ``(row_number, values)`` pairs, checked against the number of columns
        (None: every row has as many values as the first)."""
        if isinstance(rows, SequenceRows):
            raw: Iterable[Any] = ((r.row_number, r.values) for r in rows.rows)
        elif isinstance(rows, Mapping):
            raw = rows.items()
        elif isinstance(rows, str | bytes) or not isinstance(rows, Iterable):
            raise TypeError(
                f"rows must be SequenceRows, a dict, or a list of tuples, dicts or SequenceRows, got {rows!r}"
            )
        else:
            raw = (_pair(r) for r in rows)
        out = []
        for number, values in raw:
            if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
                raise TypeError(f"the values of row {number!r} must be a list, got {values!r}")
            vals = [_plain(v) for v in values]
            width = len(vals) if width is None else width
            if len(vals) != width:
                raise ValueError(f"row {number!r} has {len(vals)} values for {width} columns")
            out.append((self._row_number(number), vals))
        return out

    def _insert_bodies(
        self, ident: dict[str, Any], columns: list[str], pairs: list[tuple[int, list[Any]]]
    ) -> list[dict[str, Any]]:
        """Split rows by the API's limits: column groups of at most 200, then rows by rows and values per request."""
        bodies = []
        for lo in range(0, len(columns), self._INSERT_COLUMNS_LIMIT):
            group = columns[lo : lo + self._INSERT_COLUMNS_LIMIT]
            per_request = max(1, min(self._INSERT_ROWS_LIMIT, self._INSERT_VALUES_LIMIT // len(group)))
            hi = lo + len(group)
            for chunk in chunks(pairs, per_request):
                rows = [{"rowNumber": n, "values": vals[lo:hi]} for n, vals in chunk]
                bodies.append({"items": [{**ident, "columns": group, "rows": rows}]})
        return bodies

    async def _fetch_rows(self, body: dict[str, Any], max_rows: int | None) -> SequenceRows:
        rows: list[SequenceRow] = []
        first: _RowsPage | None = None
        pages = self._cursor_pages(
            self._RESOURCE_PATH + "/list", body, _RowsPage, max_items=max_rows,
            page_limit=self._RETRIEVE_ROWS_LIMIT, count=lambda page: len(page.rows),
        )  # fmt: skip
        async for page in pages:
            first = first or page
            rows.extend(page.rows)
        if first is None:  # limit=0: nothing asked
            return SequenceRows(rows=[], columns=[], id=body.get("id"), external_id=body.get("externalId"))
        result = SequenceRows(rows=rows[:max_rows], columns=first.columns, id=first.id, external_id=first.external_id)
        set_client(result, self._cognite_client)
        return result

    @staticmethod
    def _range(start: Any, end: Any) -> dict[str, Any]:
        body: dict[str, Any] = {"start": SequencesDataAPI._row_number(start, "start")}
        if end is not None and end != -1:
            body["end"] = SequencesDataAPI._row_number(end, "end")
        return body

    # ------------------------------------------------------------------------------------------ writing

    async def insert(
        self,
        rows: RowsInput,
        columns: Sequence[str] | None = None,
        id: int | None = None,
        external_id: str | None = None,
    ) -> None:
        """Insert rows into a sequence; values in the given columns of existing rows are overwritten.

        Requests are split by the API's limits (rows and values per request, 200 columns per request) and
        sent concurrently.

        Args:
            rows: The rows: a dict ``{row_number: values}``, a list of ``(row_number, values)`` tuples, a list of
                ``{"rowNumber": ..., "values": ...}`` dicts or SequenceRow objects, or a SequenceRows object.
            columns: The external ids of the columns the values are for (default: the columns of a SequenceRows
                object, otherwise all columns of the sequence, in order).
            id: The id of the sequence.
            external_id: The external id of the sequence.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceWrite
            >>> with emulated_client() as client:
            ...     cols = [SequenceColumnWrite("name", value_type="STRING"), SequenceColumnWrite("v")]
            ...     _ = client.sequences.create(SequenceWrite(cols, external_id="s"))
            ...     client.sequences.data.insert([(1, ["pi", 3.14]), (2, ["e", 2.72])], external_id="s")
            ...     client.sequences.data.retrieve(external_id="s").get_column("name")
            ['pi', 'e']
        """
        ident = self._identifier(id, external_id)
        cols = self._columns(columns)
        if cols is None and isinstance(rows, SequenceRows):
            cols = rows.column_external_ids
        pairs = self._row_pairs(rows, None if cols is None else len(cols))
        if not pairs:
            return
        if cols is None:
            cols = (await self._sequence(id, external_id)).column_external_ids
            self._row_pairs(pairs, len(cols))
        bodies = self._insert_bodies(ident, cols, pairs)
        reported = [[row["rowNumber"] for row in b["items"][0]["rows"]] for b in bodies]
        await self._post_concurrently(self._RESOURCE_PATH, bodies, reported=reported)

    async def insert_dataframe(
        self, dataframe: pandas.DataFrame, id: int | None = None, external_id: str | None = None, dropna: bool = True
    ) -> None:
        """Insert the rows of a pandas DataFrame: the index holds row numbers, the column names are column external
        ids (the sequence and its columns must exist).

        Args:
            dataframe: The rows.
            id: The id of the sequence.
            external_id: The external id of the sequence.
            dropna: Leave out rows where every value is missing (other missing values are sent as null).

        Example:
            >>> import pandas as pd
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceWrite
            >>> with emulated_client() as client:
            ...     _ = client.sequences.create(SequenceWrite([SequenceColumnWrite("a"), SequenceColumnWrite("b")], external_id="s"))
            ...     client.sequences.data.insert_dataframe(pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, None]}, index=[5, 6]), external_id="s")
            ...     client.sequences.data.retrieve(external_id="s").values
            [[1.0, 3.0], [2.0, None]]
        """
        pd = _import_pandas()
        if not isinstance(dataframe, pd.DataFrame):
            raise TypeError(f"dataframe must be a pandas DataFrame, not {type(dataframe).__name__}")
        frame = dataframe.dropna(how="all") if dropna else dataframe
        columns = list(frame.columns)
        values = frame.astype(object).where(frame.notna(), None).to_numpy().tolist()
        await self.insert(list(zip(frame.index, values, strict=True)), columns=columns, id=id, external_id=external_id)

    async def delete(self, rows: int | Sequence[int], id: int | None = None, external_id: str | None = None) -> None:
        """Delete rows of a sequence by row number (every column of them).

        Args:
            rows: The row number(s).
            id: The id of the sequence.
            external_id: The external id of the sequence.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceWrite
            >>> with emulated_client() as client:
            ...     _ = client.sequences.create(SequenceWrite([SequenceColumnWrite("v")], external_id="s"))
            ...     client.sequences.data.insert({1: [1.0], 2: [2.0]}, columns=["v"], external_id="s")
            ...     client.sequences.data.delete([1], external_id="s")
            ...     client.sequences.data.retrieve(external_id="s").row_numbers
            [2]
        """
        ident = self._identifier(id, external_id)
        numbers = [self._row_number(r, "rows") for r in ([rows] if not isinstance(rows, Iterable) else rows)]
        row_chunks = chunks(list(dict.fromkeys(numbers)), self._DELETE_ROWS_LIMIT)
        bodies = [{"items": [{**ident, "rows": list(c)}]} for c in row_chunks]
        await self._post_concurrently(self._RESOURCE_PATH + "/delete", bodies, operation="delete", reported=row_chunks)

    async def delete_range(
        self, start: int, end: int | None, id: int | None = None, external_id: str | None = None
    ) -> None:
        """Delete the rows with row numbers in ``[start, end)`` of a sequence.

        Args:
            start: The first row number to delete (inclusive).
            end: The row number to stop before (None or -1: to the end).
            id: The id of the sequence.
            external_id: The external id of the sequence.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceWrite
            >>> with emulated_client() as client:
            ...     _ = client.sequences.create(SequenceWrite([SequenceColumnWrite("v")], external_id="s"))
            ...     client.sequences.data.insert({n: [float(n)] for n in range(10)}, columns=["v"], external_id="s")
            ...     client.sequences.data.delete_range(2, 8, external_id="s")
            ...     client.sequences.data.retrieve(external_id="s").row_numbers
            [0, 1, 8, 9]
        """
        self._identifier(id, external_id)
        body = self._range(start, end)
        seq = await self._sequence(id, external_id)
        found = await self._fetch_rows({"id": seq.id, **body, "columns": seq.column_external_ids[:1]}, None)
        if found.rows:
            await self.delete(found.row_numbers, id=seq.id)

    # ------------------------------------------------------------------------------------------ reading

    @overload
    async def retrieve(
        self,
        external_id: str,
        id: None = None,
        start: int = 0,
        end: int | None = None,
        columns: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> SequenceRows: ...
    @overload
    async def retrieve(
        self,
        external_id: None = None,
        *,
        id: int,
        start: int = 0,
        end: int | None = None,
        columns: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> SequenceRows: ...
    @overload
    async def retrieve(
        self,
        external_id: list[str] | tuple[str, ...] | None = None,
        id: list[int] | tuple[int, ...] | None = None,
        start: int = 0,
        end: int | None = None,
        columns: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> SequenceRowsList: ...
    @overload
    async def retrieve(
        self,
        external_id: str | Sequence[str] | None = None,
        id: int | Sequence[int] | None = None,
        start: int = 0,
        end: int | None = None,
        columns: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> SequenceRows | SequenceRowsList: ...
    async def retrieve(
        self,
        external_id: str | Sequence[str] | None = None,
        id: int | Sequence[int] | None = None,
        start: int = 0,
        end: int | None = None,
        columns: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> SequenceRows | SequenceRowsList:
        """Retrieve the rows of one or more sequences with row numbers in ``[start, end)``, following cursors;
        several sequences are fetched concurrently.

        Args:
            external_id: The external id(s) of the sequence(s).
            id: The id(s) of the sequence(s).
            start: The first row number (inclusive, default 0).
            end: The row number to stop before (None or -1: to the end).
            columns: External ids of the columns to get (default: all, in the sequence's order).
            limit: Maximum number of rows per sequence (None: all).

        Returns:
            SequenceRows for one identifier, a SequenceRowsList (in the order asked) for several.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceWrite
            >>> with emulated_client() as client:
            ...     _ = client.sequences.create(SequenceWrite([SequenceColumnWrite("v")], external_id="s"))
            ...     client.sequences.data.insert({n: [float(n)] for n in range(5)}, columns=["v"], external_id="s")
            ...     client.sequences.data.retrieve(external_id="s", start=1, end=4).row_numbers
            [1, 2, 3]
        """
        identifiers = IdentifierSequence(ids=id, external_ids=external_id, id_name="id", external_id_name="external_id")
        if not identifiers:
            raise ValueError("Give id or external_id of the sequence(s) to retrieve rows from")
        base = self._range(start, end)
        cols = self._columns(columns)
        if cols is not None:
            base["columns"] = cols
        max_rows = check_limit(limit)
        idents = identifiers.as_dicts()

        def task(ident: dict[str, Any]) -> Any:
            return lambda: self._fetch_rows({**ident, **base}, max_rows)

        outcome = await execute([task(i) for i in idents], self._max_workers("read"))
        raise_if_failed(outcome, [[i] for i in idents])
        if identifiers.is_singleton:
            return outcome.values()[0]  # type: ignore[no-any-return]
        return SequenceRowsList._from_items(outcome.values(), self._cognite_client)

    async def retrieve_last_row(
        self,
        id: int | None = None,
        external_id: str | None = None,
        columns: Sequence[str] | None = None,
        before: int | None = None,
    ) -> SequenceRows:
        """Retrieve the row with the highest row number of a sequence (optionally below ``before``).

        Args:
            id: The id of the sequence.
            external_id: The external id of the sequence.
            columns: External ids of the columns to get (default: all).
            before: Only rows with a row number below this.

        Returns:
            The last row (no rows when the sequence has none).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceWrite
            >>> with emulated_client() as client:
            ...     _ = client.sequences.create(SequenceWrite([SequenceColumnWrite("v")], external_id="s"))
            ...     client.sequences.data.insert({n: [float(n)] for n in range(5)}, columns=["v"], external_id="s")
            ...     client.sequences.data.retrieve_last_row(external_id="s", before=3).row_numbers
            [2]
        """
        body = self._identifier(id, external_id)
        cols = self._columns(columns)
        if cols is not None:
            body["columns"] = cols
        if before is not None:
            if self._row_number(before, "before") < 1:
                raise ValueError(f"before must be a positive int, got {before!r}")
            body["before"] = before
        resp = await self._post(self._RESOURCE_PATH + "/latest", json=body)
        return SequenceRows.load(resp.content, self._cognite_client)

    async def retrieve_dataframe(
        self,
        start: int,
        end: int | None,
        columns: list[str] | None = None,
        external_id: str | None = None,
        column_names: ColumnNames | None = None,
        id: int | None = None,
        limit: int | None = None,
    ) -> pandas.DataFrame:
        """Retrieve the rows of a sequence as a pandas DataFrame indexed by row number.

        Args:
            start: The first row number (inclusive).
            end: The row number to stop before (None or -1: to the end).
            columns: External ids of the columns to get (default: all).
            external_id: The external id of the sequence.
            column_names: What names the DataFrame's columns: "columnExternalId" (default for one sequence),
                "externalId|columnExternalId" (default for several), "id|columnExternalId", "externalId" or "id".
            id: The id of the sequence.
            limit: Maximum number of rows (None: all).

        Returns:
            The rows as a DataFrame.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceWrite
            >>> with emulated_client() as client:
            ...     _ = client.sequences.create(SequenceWrite([SequenceColumnWrite("v")], external_id="s"))
            ...     client.sequences.data.insert({1: [1.0], 2: [2.0]}, columns=["v"], external_id="s")
            ...     client.sequences.data.retrieve_dataframe(0, None, external_id="s")["v"].tolist()
            [1.0, 2.0]
        """
        _import_pandas()
        if column_names is not None and column_names not in _COLUMN_NAMES:
            raise ValueError(f"column_names must be one of {list(_COLUMN_NAMES)}, got {column_names!r}")
        found = await self.retrieve(external_id=external_id, id=id, start=start, end=end, columns=columns, limit=limit)
        if isinstance(found, SequenceRows):
            return found.to_pandas(column_names=column_names or "columnExternalId")
        return found.to_pandas(column_names=column_names or "externalId|columnExternalId", concat=True)


class _RowsPage(SequenceRows):
    """One page of rows as CDF answers it (with the cursor of the next page)."""

    next_cursor: str | None = None


def _pair(row: Any) -> tuple[Any, Any]:
    if isinstance(row, SequenceRow):
        return row.row_number, row.values
    if isinstance(row, Mapping):
        if "values" not in row or ("rowNumber" not in row and "row_number" not in row):
            raise ValueError(f"a row dict needs 'rowNumber' and 'values', got {row!r}")
        return row.get("rowNumber", row.get("row_number")), row["values"]
    if isinstance(row, tuple | list) and len(row) == 2:
        return row[0], row[1]
    raise TypeError(f"rows must contain (row_number, values) tuples, dicts or SequenceRow objects, got {row!r}")


def _plain(value: Any) -> Any:
    """A value as JSON takes it: numpy scalars become Python numbers (NaN is sent as null)."""
    if value is None or type(value) in (int, float, str):
        return value
    item = getattr(value, "item", None)
    return item() if item is not None and not isinstance(value, str) else value
