"""The Raw API: RAW databases, tables and rows, each a table of declarations on the generic verbs.

RAW names its resources instead of numbering them: databases and tables by ``name``, rows by ``key``. Names are
embedded (URL-encoded) in the paths; lists are GETs with query parameters; parallel reads of rows start from
cursors handed out by ``/cursors``.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, overload

from cognite.client._api_client import APIClient, IdentifierSequence, check_limit, resource_path
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes._base import _import_pandas
from cognite.client.data_classes.raw import (
    Database,
    DatabaseList,
    Row,
    RowList,
    RowWrite,
    Table,
    TableList,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["RawAPI", "RawDatabasesAPI", "RawRowsAPI", "RawTablesAPI"]


class RawAPI(APIClient[Any, Any]):
    """Work with RAW databases, tables and rows.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     client.raw.rows.insert("db", "table", {"r1": {"a": 1}}, ensure_parent=True)
        ...     client.raw.rows.retrieve("db", "table", "r1").columns
        {'a': 1}
    """

    _CATEGORY = "raw"

    databases: LazyAPI[RawDatabasesAPI] = LazyAPI("cognite.client._api.raw:RawDatabasesAPI")
    tables: LazyAPI[RawTablesAPI] = LazyAPI("cognite.client._api.raw:RawTablesAPI")
    rows: LazyAPI[RawRowsAPI] = LazyAPI("cognite.client._api.raw:RawRowsAPI")


class RawDatabasesAPI(APIClient[Database, DatabaseList]):
    """Create, list and delete RAW databases.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     _ = client.raw.databases.create("db")
        ...     client.raw.databases.list().as_names()
        ['db']
    """

    _RESOURCE_PATH = "/raw/dbs"
    _RESOURCE_CLS = Database
    _LIST_CLS = DatabaseList
    _CATEGORY = "raw"
    _CREATE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _LIST_LIMIT = 1000

    @overload
    async def create(self, name: str) -> Database: ...
    @overload
    async def create(self, name: list[str]) -> DatabaseList: ...
    async def create(self, name: str | list[str]) -> Database | DatabaseList:
        """Create one or more databases.

        Args:
            name: A database name, or a list of names.

        Returns:
            The created database, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.raw.databases.create("db").name
            'db'
        """
        names = IdentifierSequence.load_keys(name, "name", "name")
        items = names.as_dicts()
        return await self._create_multiple(items[0] if names.is_singleton else items)  # type: ignore[no-any-return]

    async def list(self, limit: int | None = 25) -> DatabaseList:
        """List databases.

        Args:
            limit: Maximum number of databases (default 25; None, -1 or inf: all).

        Returns:
            The databases.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.raw.databases.list(limit=None))
            0
        """
        return await self._list(limit=limit, method="GET")  # type: ignore[no-any-return]

    def __call__(
        self, chunk_size: int | None = None, limit: int | None = None
    ) -> AsyncIterator[Database] | AsyncIterator[DatabaseList]:
        """Iterate over databases lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many databases (None: one database at a time).
            limit: Maximum number of databases (None: all).

        Returns:
            An async iterator of databases or database lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.raw.databases.create(["a", "b"])
            ...     [db.name for db in client.raw.databases()]
            ['a', 'b']
        """
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET")

    async def delete(self, name: str | Sequence[str], recursive: bool = False) -> None:
        """Delete one or more databases.

        Args:
            name: A database name, or a list of names.
            recursive: Also delete the tables in them (otherwise deleting a database with tables fails).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.raw.databases.create("db")
            ...     client.raw.databases.delete("db")
            ...     len(client.raw.databases.list())
            0
        """
        _check_bool(recursive, "recursive")
        names = IdentifierSequence.load_keys(name, "name", "name")
        await self._delete_multiple(names, ignore_unknown_ids=None, extra_body={"recursive": recursive})


class RawTablesAPI(APIClient[Table, TableList]):
    """Create, list and delete the tables of a RAW database.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     _ = client.raw.databases.create("db")
        ...     _ = client.raw.tables.create("db", ["t1", "t2"])
        ...     client.raw.tables.list("db").as_names()
        ['t1', 't2']
    """

    _RESOURCE_PATH = "/raw/dbs/{db_name}/tables"
    _RESOURCE_CLS = Table
    _LIST_CLS = TableList
    _CATEGORY = "raw"
    _CREATE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _LIST_LIMIT = 1000

    def _path(self, db_name: str) -> str:
        return resource_path(self._RESOURCE_PATH, db_name=db_name)

    @overload
    async def create(self, db_name: str, name: str) -> Table: ...
    @overload
    async def create(self, db_name: str, name: list[str]) -> TableList: ...
    async def create(self, db_name: str, name: str | list[str]) -> Table | TableList:
        """Create one or more tables in a database.

        Args:
            db_name: The database.
            name: A table name, or a list of names.

        Returns:
            The created table, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.raw.databases.create("db")
            ...     client.raw.tables.create("db", "t").name
            't'
        """
        path = self._path(db_name)
        names = IdentifierSequence.load_keys(name, "name", "name")
        items = names.as_dicts()
        created = await self._create_multiple(items[0] if names.is_singleton else items, path=path)
        return _in_db(created, db_name)  # type: ignore[no-any-return]

    async def list(self, db_name: str, limit: int | None = 25) -> TableList:
        """List the tables of a database.

        Args:
            db_name: The database.
            limit: Maximum number of tables (default 25; None, -1 or inf: all).

        Returns:
            The tables.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.raw.databases.create("db")
            ...     len(client.raw.tables.list("db", limit=None))
            0
        """
        return _in_db(await self._list(limit=limit, method="GET", path=self._path(db_name)), db_name)  # type: ignore[no-any-return]

    def __call__(
        self, db_name: str, chunk_size: int | None = None, limit: int | None = None
    ) -> AsyncIterator[Table] | AsyncIterator[TableList]:
        """Iterate over the tables of a database lazily, one at a time or in lists of ``chunk_size``.

        Args:
            db_name: The database.
            chunk_size: Yield lists of this many tables (None: one table at a time).
            limit: Maximum number of tables (None: all).

        Returns:
            An async iterator of tables or table lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.raw.databases.create("db")
            ...     _ = client.raw.tables.create("db", ["t"])
            ...     [t.name for t in client.raw.tables("db")]
            ['t']
        """
        path = self._path(db_name)
        return _iterate_in_db(
            self._list_generator(chunk_size=chunk_size, limit=limit, method="GET", path=path), db_name
        )

    async def delete(self, db_name: str, name: str | Sequence[str]) -> None:
        """Delete one or more tables of a database (and their rows).

        Args:
            db_name: The database.
            name: A table name, or a list of names.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.raw.databases.create("db")
            ...     _ = client.raw.tables.create("db", "t")
            ...     client.raw.tables.delete("db", "t")
        """
        path = self._path(db_name)
        await self._delete_multiple(
            IdentifierSequence.load_keys(name, "name", "name"), ignore_unknown_ids=None, path=path
        )


def _in_db(tables: Any, db_name: str) -> Any:
    """Tell tables which database they belong to (for ``Table.rows()``)."""
    for table in tables if isinstance(tables, TableList) else [tables]:
        table.__dict__["_db_name"] = db_name
    return tables


async def _iterate_in_db(source: AsyncIterator[Any], db_name: str) -> AsyncIterator[Any]:
    async for x in source:
        yield _in_db(x, db_name)


class RawRowsAPI(APIClient[Row, RowList]):
    """Insert, retrieve, list and delete the rows of a RAW table.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.raw import RowWrite
        >>> with emulated_client() as client:
        ...     client.raw.rows.insert("db", "t", [RowWrite(key="r1", columns={"a": 1})], ensure_parent=True)
        ...     [r.key for r in client.raw.rows.list("db", "t")]
        ['r1']
    """

    _RESOURCE_PATH = "/raw/dbs/{db_name}/tables/{table_name}/rows"
    _RESOURCE_CLS = Row
    _LIST_CLS = RowList
    _CATEGORY = "raw"
    _CREATE_LIMIT = 10000
    _DELETE_LIMIT = 1000
    _LIST_LIMIT = 10000
    _CURSORS_PATH = "/raw/dbs/{db_name}/tables/{table_name}/cursors"
    _MAX_CURSORS = 10000

    def _path(self, db_name: str, table_name: str) -> str:
        return resource_path(self._RESOURCE_PATH, db_name=db_name, table_name=table_name)

    @staticmethod
    def _params(
        min_last_updated_time: int | None, max_last_updated_time: int | None, columns: Sequence[str] | None
    ) -> dict[str, Any]:
        params: dict[str, Any] = {}
        for arg, key, value in (
            ("min_last_updated_time", "minLastUpdatedTime", min_last_updated_time),
            ("max_last_updated_time", "maxLastUpdatedTime", max_last_updated_time),
        ):
            if value is not None:
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise ValueError(f"{arg} must be a non-negative int (ms since epoch), got {value!r}")
                params[key] = value
        if columns is not None:
            if isinstance(columns, str) or not isinstance(columns, Sequence):
                raise TypeError(f"columns must be a list of str, got {columns!r}")
            if any(not isinstance(c, str) or not c or "," in c for c in columns):
                raise ValueError(f"columns must contain non-empty str without commas, got {columns!r}")
            params["columns"] = ",".join(columns) if columns else ","
        return params

    def _partitions(self, partitions: int | None, max_items: int | None) -> int:
        """How many partitions to read with: as asked (default: all reads for an unlimited list, else one),
        capped by the raw read concurrency."""
        cap = self._max_workers("read")
        if partitions is None:
            return cap if max_items is None else 1
        if isinstance(partitions, bool) or not isinstance(partitions, int) or partitions < 1:
            raise ValueError(f"partitions must be a positive int, got {partitions!r}")
        return min(partitions, cap)

    async def _cursors(self, db_name: str, table_name: str, n: int, params: Mapping[str, Any]) -> list[str]:
        """Start cursors of ``n`` partitions of a table (for parallel reads)."""
        import msgspec

        path = resource_path(self._CURSORS_PATH, db_name=db_name, table_name=table_name)
        query = {k: v for k, v in params.items() if k != "columns"}
        resp = await self._get(path, params={**query, "numberOfCursors": min(n, self._MAX_CURSORS)})
        return list(msgspec.json.decode(resp.content)["items"])

    # ------------------------------------------------------------------------------------------ writing

    async def insert(
        self,
        db_name: str,
        table_name: str,
        row: Sequence[Row] | Sequence[RowWrite] | Row | RowWrite | dict[str, Any],
        ensure_parent: bool = False,
    ) -> None:
        """Insert rows into a table; a row whose key exists has its columns replaced.

        Sent in chunks of the API's limit (10,000 rows), chunks concurrently. Inserting is an upsert, so a chunk
        whose outcome is unknown (timeout, dropped connection, 5xx) is safely resent.

        Args:
            db_name: The database.
            table_name: The table.
            row: Rows (RowWrite or Row objects), one row, or a dict of row key -> columns.
            ensure_parent: Create the database and the table if they do not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.raw.rows.insert("db", "t", {"r1": {"a": 1}, "r2": {"a": 2}}, ensure_parent=True)
            ...     len(client.raw.rows.list("db", "t"))
            2
        """
        path = self._path(db_name, table_name)
        _check_bool(ensure_parent, "ensure_parent")
        rows = _rows_to_write(row)
        if not rows:
            return
        await self._create_multiple(
            rows, write_cls=RowWrite, path=path, input_name="row", decode=False, retryable=True,
            params={"ensureParent": True} if ensure_parent else None,
        )  # fmt: skip

    async def insert_dataframe(
        self,
        db_name: str,
        table_name: str,
        dataframe: pd.DataFrame,
        ensure_parent: bool = False,
        dropna: bool = True,
    ) -> None:
        """Insert the rows of a pandas DataFrame: the index gives the row keys, each column a column.

        Args:
            db_name: The database.
            table_name: The table.
            dataframe: The DataFrame (its index must be unique).
            ensure_parent: Create the database and the table if they do not exist.
            dropna: Leave out NaN values (None in object columns is kept as null); otherwise NaN becomes null.

        Example:
            >>> import pandas as pd
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     df = pd.DataFrame({"a": [1.0, None], "b": ["x", "y"]}, index=["r1", "r2"])
            ...     client.raw.rows.insert_dataframe("db", "t", df, ensure_parent=True)
            ...     client.raw.rows.retrieve("db", "t", "r2").columns
            {'b': 'y'}
        """
        pandas = _import_pandas()
        if not isinstance(dataframe, pandas.DataFrame):
            raise TypeError(f"dataframe must be a pandas DataFrame, got {type(dataframe).__name__}")
        if not dataframe.index.is_unique:
            raise ValueError("dataframe must have a unique index (it gives the row keys)")
        columns = [str(c) for c in dataframe.columns]
        rows = [
            RowWrite(key=str(key), columns=_json_columns(columns, values, dropna))
            for key, values in zip(dataframe.index, dataframe.itertuples(index=False, name=None), strict=True)
        ]
        await self.insert(db_name, table_name, rows, ensure_parent=ensure_parent)

    async def delete(self, db_name: str, table_name: str, key: str | Sequence[str]) -> None:
        """Delete rows of a table by key (keys that do not exist are ignored).

        Args:
            db_name: The database.
            table_name: The table.
            key: A row key, or a list of keys.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.raw.rows.insert("db", "t", {"r1": {"a": 1}}, ensure_parent=True)
            ...     client.raw.rows.delete("db", "t", "r1")
            ...     client.raw.rows.retrieve("db", "t", "r1") is None
            True
        """
        path = self._path(db_name, table_name)
        await self._delete_multiple(IdentifierSequence.load_keys(key, "key", "key"), ignore_unknown_ids=None, path=path)

    # ------------------------------------------------------------------------------------------ reading

    async def retrieve(self, db_name: str, table_name: str, key: str) -> Row | None:
        """Retrieve one row by key.

        Args:
            db_name: The database.
            table_name: The table.
            key: The row key.

        Returns:
            The row, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.raw.rows.insert("db", "t", {"r1": {"a": 1}}, ensure_parent=True)
            ...     client.raw.rows.retrieve("db", "t", "r1")["a"]
            1
        """
        path = resource_path(self._RESOURCE_PATH + "/{key}", db_name=db_name, table_name=table_name, key=key)
        return await self._retrieve(path)  # type: ignore[no-any-return]

    async def list(
        self,
        db_name: str,
        table_name: str,
        min_last_updated_time: int | None = None,
        max_last_updated_time: int | None = None,
        columns: Sequence[str] | None = None,
        limit: int | None = 25,
        partitions: int | None = None,
    ) -> RowList:
        """List the rows of a table.

        Args:
            db_name: The database.
            table_name: The table.
            min_last_updated_time: Only rows last updated after this time (exclusive, ms since epoch).
            max_last_updated_time: Only rows last updated at or before this time (inclusive, ms since epoch).
            columns: Only these columns (None: all; ``[]``: none, only keys).
            limit: Maximum number of rows (default 25; None, -1 or inf: all).
            partitions: Read this many partitions in parallel (also with a finite limit). Default: one for a
                finite limit, ``global_config.concurrency_settings.raw.read`` for an unlimited one (the cap).

        Returns:
            The rows.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.raw.rows.insert("db", "t", {"r1": {"a": 1, "b": 2}}, ensure_parent=True)
            ...     client.raw.rows.list("db", "t", columns=["a"])[0].columns
            {'a': 1}
        """
        path = self._path(db_name, table_name)
        params = self._params(min_last_updated_time, max_last_updated_time, columns)
        n = self._partitions(partitions, check_limit(limit))
        cursors = await self._cursors(db_name, table_name, n, params) if n > 1 else None
        return await self._list(  # type: ignore[no-any-return]
            limit=limit, method="GET", other_params=params, path=path, partition_cursors=cursors
        )

    def __call__(
        self,
        db_name: str,
        table_name: str,
        chunk_size: int | None = None,
        partitions: int | None = None,
        limit: int | None = None,
        min_last_updated_time: int | None = None,
        max_last_updated_time: int | None = None,
        columns: Sequence[str] | None = None,
    ) -> AsyncIterator[Row] | AsyncIterator[RowList]:
        """Iterate over the rows of a table lazily, one at a time or in lists of ``chunk_size``.

        With ``partitions``, partitions are read in parallel; at most two pages per partition wait for the
        consumer, so memory stays bounded.

        Args:
            db_name: The database.
            table_name: The table.
            chunk_size: Yield lists of this many rows (None: one row at a time).
            partitions: Read this many partitions in parallel (default: one; capped at the raw read concurrency).
            limit: Maximum number of rows (None: all).
            min_last_updated_time: Only rows last updated after this time (exclusive, ms since epoch).
            max_last_updated_time: Only rows last updated at or before this time (inclusive, ms since epoch).
            columns: Only these columns (None: all; ``[]``: none, only keys).

        Returns:
            An async iterator of rows or row lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.raw.rows.insert("db", "t", {f"r{i}": {"i": i} for i in range(5)}, ensure_parent=True)
            ...     [len(chunk) for chunk in client.raw.rows("db", "t", chunk_size=2)]
            [2, 2, 1]
        """
        path = self._path(db_name, table_name)
        params = self._params(min_last_updated_time, max_last_updated_time, columns)
        n = self._partitions(1 if partitions is None else partitions, check_limit(limit))
        return self._iterate(db_name, table_name, path, params, chunk_size, limit, n)

    async def _iterate(
        self,
        db_name: str,
        table_name: str,
        path: str,
        params: dict[str, Any],
        chunk_size: int | None,
        limit: int | None,
        n: int,
    ) -> AsyncIterator[Any]:
        cursors = await self._cursors(db_name, table_name, n, params) if n > 1 else None
        rows = self._list_generator(
            chunk_size=chunk_size, limit=limit, method="GET", other_params=params, path=path, partition_cursors=cursors
        )
        async for x in rows:
            yield x

    async def retrieve_dataframe(
        self,
        db_name: str,
        table_name: str,
        min_last_updated_time: int | None = None,
        max_last_updated_time: int | None = None,
        columns: Sequence[str] | None = None,
        limit: int | None = 25,
        partitions: int | None = None,
        last_updated_time_in_index: bool = False,
        infer_dtypes: bool = True,
    ) -> pd.DataFrame:
        """Retrieve the rows of a table as a pandas DataFrame, indexed by row key.

        Args:
            db_name: The database.
            table_name: The table.
            min_last_updated_time: Only rows last updated after this time (exclusive, ms since epoch).
            max_last_updated_time: Only rows last updated at or before this time (inclusive, ms since epoch).
            columns: Only these columns (None: all; ``[]``: none, only keys).
            limit: Maximum number of rows (default 25; None, -1 or inf: all).
            partitions: Read this many partitions in parallel (see :meth:`list`).
            last_updated_time_in_index: Index by (key, last updated time) instead of key.
            infer_dtypes: Let pandas infer column types (otherwise every column has dtype object).

        Returns:
            The DataFrame.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.raw.rows.insert("db", "t", {"r1": {"a": 1}, "r2": {"a": 2}}, ensure_parent=True)
            ...     client.raw.rows.retrieve_dataframe("db", "t")["a"].tolist()
            [1, 2]
        """
        _import_pandas()
        rows = await self.list(
            db_name, table_name, min_last_updated_time, max_last_updated_time, columns, limit, partitions
        )
        return rows.to_pandas(last_updated_time_in_index=last_updated_time_in_index, infer_dtypes=infer_dtypes)


def _check_bool(value: Any, name: str) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, got {value!r}")


def _rows_to_write(row: Any) -> list[RowWrite]:
    """Rows given as objects, one object, or a dict of key -> columns, as RowWrite objects (checked)."""
    if isinstance(row, dict):
        rows = [RowWrite(key=k, columns=v) for k, v in row.items()]
    elif isinstance(row, RowWrite | Row):
        rows = [row.as_write()]
    elif isinstance(row, Sequence) and not isinstance(row, str | bytes):
        rows = []
        for r in row:
            if not isinstance(r, RowWrite | Row):
                raise TypeError(f"row must contain Row or RowWrite objects, not {type(r).__name__}")
            rows.append(r if type(r) is RowWrite else r.as_write())
    else:
        raise TypeError(f"row must be a Row, a RowWrite, a list of them or a dict of key -> columns, got {row!r}")
    for r in rows:
        if not isinstance(r.key, str) or not r.key:
            raise ValueError(f"row keys must be non-empty str, got {r.key!r}")
        if not isinstance(r.columns, dict):
            raise TypeError(f"row columns must be a dict, got {r.columns!r} for key {r.key!r}")
    return rows


def _json_columns(names: list[str], values: tuple[Any, ...], dropna: bool) -> dict[str, Any]:
    """One DataFrame row as RAW columns: numpy/pandas scalars as JSON values; NaN left out (dropna) or null."""
    out: dict[str, Any] = {}
    for name, value in zip(names, values, strict=True):
        if value is not None and not isinstance(value, str | bool | int | float | list | dict):
            value = _json_value(value)
        if isinstance(value, float) and math.isnan(value):
            if dropna:
                continue
            value = None
        out[name] = value
    return out


def _json_value(value: Any) -> Any:
    """A pandas/numpy value as JSON: missing values as NaN, timestamps as ISO text, scalars via ``item()``."""
    import pandas

    if value is pandas.NA or value is pandas.NaT:
        return math.nan
    if isinstance(value, pandas.Timestamp):
        return value.isoformat()
    if getattr(value, "ndim", None) == 0 and hasattr(value, "item"):
        return value.item()
    tolist = getattr(value, "tolist", None)
    return tolist() if tolist is not None else value
