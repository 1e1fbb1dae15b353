"""RAW data classes: databases, tables and rows (read, write and list classes), with pandas conversion."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from typing_extensions import Self

from cognite.client._sync import run_sync
from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResourceList,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    WriteableCogniteResourceWithClientRef,
    _import_pandas,
)

if TYPE_CHECKING:
    import pandas

__all__ = [
    "CogniteResourceList",
    "Database",
    "DatabaseList",
    "DatabaseWrite",
    "DatabaseWriteList",
    "NameTransformerMixin",
    "Row",
    "RowCore",
    "RowList",
    "RowListCore",
    "RowWrite",
    "RowWriteList",
    "Table",
    "TableList",
    "TableWrite",
    "TableWriteList",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
    "WriteableCogniteResourceWithClientRef",
]


class NameTransformerMixin:
    """Lists whose items have names: ``as_names()``."""

    __slots__ = ()

    def as_names(self) -> list[str]:
        """The names of the items."""
        return [item.name for item in self]  # type: ignore[attr-defined]


T_NamedWrite = TypeVar("T_NamedWrite", bound="_NamedWrite")


class _NamedWrite(CogniteObject):
    """The write form of a named RAW resource (a database or a table)."""

    name: str

    def as_write(self) -> Self:
        """Return this object (it is already the write form)."""
        return self


class _Named(WriteableCogniteResource[T_NamedWrite]):
    """A named RAW resource (a database or a table) as read."""

    _WRITE: ClassVar[type[_NamedWrite]]
    name: str | None = None
    created_time: int | None = None

    def as_write(self) -> T_NamedWrite:
        """Return the write form (what ``create`` takes)."""
        if self.name is None:
            raise ValueError(f"name is required to turn a {type(self).__name__} into its write form")
        return cast("T_NamedWrite", self._WRITE(name=self.name))


# ---------------------------------------------------------------------------------------------- databases


class DatabaseWrite(_NamedWrite):
    """A RAW database to create.

    Args:
        name: The name of the database (1-32 characters).

    Example:
        >>> from cognite.client.data_classes.raw import DatabaseWrite
        >>> DatabaseWrite(name="db").dump()
        {'name': 'db'}
    """


class Database(_Named[DatabaseWrite]):
    """A RAW database: a named group of tables.

    Args:
        name: The name of the database.
        created_time: When it was created (ms since epoch), if known.
    """

    _NEEDS_CLIENT = True

    _WRITE = DatabaseWrite

    async def tables_async(self, limit: int | None = None) -> TableList:
        """List the tables of this database.

        Args:
            limit: Maximum number of tables (None: all).

        Returns:
            The tables.
        """
        if self.name is None:
            raise ValueError("This database has no name")
        return await self._get_client().raw.tables.list(db_name=self.name, limit=limit)

    def tables(self, limit: int | None = None) -> TableList:
        """List the tables of this database (sync form of ``tables_async``).

        Args:
            limit: Maximum number of tables (None: all).

        Returns:
            The tables.
        """
        return run_sync(self.tables_async(limit=limit))


class DatabaseWriteList(NameTransformerMixin, CogniteResourceList[DatabaseWrite]):
    """A list of databases to create."""

    _RESOURCE = DatabaseWrite


class DatabaseList(NameTransformerMixin, WriteableCogniteResourceList[DatabaseWrite, Database]):
    """A list of databases."""

    _RESOURCE = Database
    _WRITE_LIST = DatabaseWriteList


# ---------------------------------------------------------------------------------------------- tables


class TableWrite(_NamedWrite):
    """A RAW table to create.

    Args:
        name: The name of the table (1-64 characters).

    Example:
        >>> from cognite.client.data_classes.raw import TableWrite
        >>> TableWrite(name="t").dump()
        {'name': 't'}
    """


class Table(_Named[TableWrite]):
    """A RAW table: rows of JSON columns, keyed by row key. A table the API returns knows its database.

    Args:
        name: The name of the table.
        created_time: When it was created (ms since epoch), if known.
    """

    _NEEDS_CLIENT = True

    _WRITE = TableWrite

    def _location(self) -> tuple[str, str]:
        db_name = self.__dict__.get("_db_name")
        if db_name is None or self.name is None:
            raise ValueError("This table does not know its database; get it from client.raw.tables")
        return db_name, self.name

    async def rows_async(self, key: str | None = None, limit: int | None = None) -> Row | RowList | None:
        """Retrieve one row of this table by key, or list its rows.

        Args:
            key: The key of one row to retrieve.
            limit: Without a key: maximum number of rows (None: all).

        Returns:
            The row (None if it does not exist) for a key, otherwise the rows.
        """
        db_name, table_name = self._location()
        rows = self._get_client().raw.rows
        if key is not None:
            return await rows.retrieve(db_name, table_name, key)
        return await rows.list(db_name, table_name, limit=limit)

    def rows(self, key: str | None = None, limit: int | None = None) -> Row | RowList | None:
        """Retrieve one row of this table by key, or list its rows (sync form of ``rows_async``).

        Args:
            key: The key of one row to retrieve.
            limit: Without a key: maximum number of rows (None: all).

        Returns:
            The row (None if it does not exist) for a key, otherwise the rows.
        """
        return run_sync(self.rows_async(key=key, limit=limit))


class TableWriteList(NameTransformerMixin, CogniteResourceList[TableWrite]):
    """A list of tables to create."""

    _RESOURCE = TableWrite


class TableList(NameTransformerMixin, WriteableCogniteResourceList[TableWrite, Table]):
    """A list of tables."""

    _RESOURCE = Table
    _WRITE_LIST = TableWriteList


# ---------------------------------------------------------------------------------------------- rows


class RowCore:
    """What rows to write and rows read have in common: a key and columns, read like a dict of columns."""

    __slots__ = ()
    key: Any
    columns: Any

    def get(self, column: str, default: Any = None) -> Any:
        """The value of a column, or ``default`` when the row has no such column.

        Args:
            column: The column name.
            default: What to return for a missing column.

        Returns:
            The value.
        """
        return (self.columns or {}).get(column, default)

    def __getitem__(self, column: str) -> Any:
        return (self.columns or {})[column]

    def __setitem__(self, column: str, value: Any) -> None:
        if self.columns is None:
            self.columns = {}
        self.columns[column] = value

    def __delitem__(self, column: str) -> None:
        del (self.columns or {})[column]

    def __contains__(self, column: object) -> bool:
        return column in (self.columns or {})

    def to_pandas(self, camel_case: bool = False, expand_metadata: bool = False) -> pandas.DataFrame:
        """Convert the row to a one-row pandas DataFrame: the key as index, one column per column.

        Args:
            camel_case: Unused (column names are the user's own).
            expand_metadata: Unused (rows have no metadata).

        Returns:
            The DataFrame.
        """
        pd = _import_pandas()
        return pd.DataFrame([self.columns or {}], index=[self.key])


class RowWrite(RowCore, CogniteObject):
    """A RAW row to insert (an existing row with the same key has its columns replaced).

    Args:
        key: The row key (unique in the table).
        columns: The columns: names to any JSON values.

    Example:
        >>> from cognite.client.data_classes.raw import RowWrite
        >>> RowWrite(key="r1", columns={"a": 1}).dump()
        {'key': 'r1', 'columns': {'a': 1}}
    """

    key: str
    columns: dict[str, Any]

    def as_write(self) -> RowWrite:
        """Return this object (it is already the write form)."""
        return self


class Row(RowCore, WriteableCogniteResource["RowWrite"]):
    """A RAW row.

    Args:
        key: The row key.
        columns: The columns: names to JSON values.
        last_updated_time: When the columns last changed (ms since epoch).
    """

    key: str | None = None
    columns: dict[str, Any] | None = None
    last_updated_time: int | None = None

    def as_write(self) -> RowWrite:
        """Return the write form of this row."""
        if self.key is None:
            raise ValueError("key is required to turn a Row into a RowWrite")
        return RowWrite(key=self.key, columns=dict(self.columns or {}))


class RowListCore:
    """What lists of rows have in common: conversion to one pandas DataFrame indexed by row key."""

    __slots__ = ()
    data: list[Any]

    def to_pandas(
        self,
        camel_case: bool = False,
        expand_metadata: bool = False,
        metadata_prefix: str = "metadata.",
        last_updated_time_in_index: bool = False,
        infer_dtypes: bool = True,
    ) -> pandas.DataFrame:
        """Convert the rows to a pandas DataFrame: row keys as the index, one column per column name.

        Args:
            camel_case: Unused (column names are the user's own).
            expand_metadata: Unused (rows have no metadata).
            metadata_prefix: Unused.
            last_updated_time_in_index: Index by (key, last updated time) instead of key.
            infer_dtypes: Let pandas infer column types (otherwise every column has dtype object).

        Returns:
            The DataFrame.
        """
        pd = _import_pandas()
        rows = self.data
        index: Any = [r.key for r in rows]
        if last_updated_time_in_index:
            times = pd.to_datetime([getattr(r, "last_updated_time", None) for r in rows], unit="ms")
            index = pd.MultiIndex.from_arrays([index, times], names=["key", "last_updated_time"])
        return pd.DataFrame([r.columns or {} for r in rows], index=index, dtype=None if infer_dtypes else object)


class RowWriteList(RowListCore, CogniteResourceList[RowWrite]):
    """A list of rows to insert."""

    _RESOURCE = RowWrite

    def as_write(self) -> RowWriteList:
        """Return this list (it is already the write form)."""
        return self


class RowList(RowListCore, WriteableCogniteResourceList[RowWrite, Row]):
    """A list of rows."""

    _RESOURCE = Row
    _WRITE_LIST = RowWriteList
