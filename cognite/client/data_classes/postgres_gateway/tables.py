"""Postgres gateway tables: custom foreign tables a user sees, on RAW tables (``raw_rows``) or data-modeling views
(``view``).

A table loads as the class of its ``type``; other kinds (e.g. the ``built_in`` tables CDF lists with
``include_built_ins``) load as :class:`UnknownTable`, which keeps the data as it was. Columns are a
:class:`ColumnList` in Python and a map of name to type on the wire.

Example:
    >>> from cognite.client.data_classes.postgres_gateway import Column, RawTableOptions, RawTableWrite
    >>> RawTableWrite("pumps", RawTableOptions("db", "pumps"), [Column("name", "TEXT")]).dump()
    {'type': 'raw_rows', 'tablename': 'pumps', 'options': {'database': 'db', 'table': 'pumps'}, 'columns': {'name': {'type': 'TEXT'}}}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResource,
    CogniteResourceList,
    UnknownCogniteResource,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
)
from cognite.client.data_classes.data_modeling.core import UnknownWireObject
from cognite.client.data_classes.data_modeling.ids import ViewId
from cognite.client.data_classes.hosted_extractors._poly import PolymorphicBase

__all__ = [
    "CogniteResource",
    "CogniteResourceList",
    "Column",
    "ColumnList",
    "RawTable",
    "RawTableOptions",
    "RawTableWrite",
    "Table",
    "TableList",
    "TableWrite",
    "TableWriteList",
    "UnknownCogniteResource",
    "UnknownTable",
    "ViewId",
    "ViewTable",
    "ViewTableWrite",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]


class Column(CogniteResource):
    """A column of a foreign table.

    Args:
        name: The column name.
        type: The PostgreSQL type, e.g. ``"TEXT"``, ``"BIGINT"``, ``"TIMESTAMPTZ"``, ``"JSON"``, ``"TEXT[]"``.
    """

    name: str
    type: str


class ColumnList(CogniteResourceList[Column]):
    """The columns of a table (a map of name to ``{"type": ...}`` on the wire).

    Args:
        resources: The columns.
        cognite_client: The client to attach (optional).

    Example:
        >>> from cognite.client.data_classes.postgres_gateway import ColumnList
        >>> ColumnList.load({"id": {"type": "BIGINT"}}).dump_wire()
        {'id': {'type': 'BIGINT'}}
    """

    _RESOURCE = Column

    @classmethod
    def load(cls, resource_list: Iterable[dict[str, Any]] | Mapping[str, Any] | str, cognite_client: Any = None) -> Any:
        """Load columns from the wire map (name -> ``{"type"}``), a list of column dicts or a JSON string.

        Args:
            resource_list: The columns.
            cognite_client: The client to attach (optional).

        Returns:
            The columns.
        """
        if isinstance(resource_list, Mapping):
            items = [Column(name, spec["type"] if isinstance(spec, Mapping) else str(spec))
                     for name, spec in resource_list.items()]  # fmt: skip
            return cls._from_items(items, cognite_client)
        return super().load(resource_list, cognite_client)

    @classmethod
    def _load_wire(cls, data: Any) -> Any:
        return data if isinstance(data, ColumnList) else cls.load(data)

    def dump_wire(self) -> dict[str, dict[str, str]]:
        """The columns in wire form: name -> ``{"type": ...}``."""
        return {c.name: {"type": c.type} for c in self.data}


def _columns(value: Any) -> ColumnList | None:
    if value is None or isinstance(value, ColumnList):
        return value
    if isinstance(value, Mapping):
        return ColumnList.load(value)  # type: ignore[no-any-return]
    return ColumnList(value)


def _view_id(value: Any) -> ViewId:
    if isinstance(value, ViewId):
        return value
    if isinstance(value, tuple):
        return ViewId(*value)
    if isinstance(value, Mapping):
        return ViewId(value["space"], value.get("externalId", value.get("external_id")), value.get("version"))
    raise TypeError(f"options must be a ViewId, not {type(value).__name__}")


class RawTableOptions(CogniteObject):
    """The RAW table a foreign table reads.

    Args:
        database: The RAW database.
        table: The RAW table.
        primary_key: The column the row keys go to.
    """

    database: str
    table: str
    primary_key: str | None = None


class TableWrite(PolymorphicBase):
    """Base of the tables to create; ``TableWrite.load`` picks the class by ``type``.

    Args:
        tablename: The table name.

    Example:
        >>> from cognite.client.data_classes.postgres_gateway import TableWrite
        >>> TableWrite.load({"type": "view", "tablename": "pumps", "options": {"space": "s", "externalId": "Pump", "version": "1"}})
        ViewTableWrite(tablename='pumps', options=ViewId(space='s', external_id='Pump', version='1'))
    """

    __slots__ = ()
    _WHAT = "table type"
    tablename: str

    def as_write(self) -> TableWrite:
        """Return the object itself (it is the write form)."""
        return self

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the table (with its ``type``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        raise NotImplementedError


class Table(PolymorphicBase):
    """Base of the tables as read; ``Table.load`` picks the class by ``type`` (``raw_rows``: :class:`RawTable`;
    ``view``, and ``nodes``/``edges`` as CDF lists tables on views: :class:`ViewTable`; other kinds give
    :class:`UnknownTable`).

    Args:
        tablename: The table name.
        created_time: When it was created (ms since epoch).
    """

    __slots__ = ()
    _WHAT = "table type"
    tablename: str

    def as_write(self) -> TableWrite:
        """Return the write form."""
        raise NotImplementedError

    @classmethod
    def _load_wire(cls, data: Any) -> Any:
        if (
            isinstance(data, Mapping)
            and data.get("type") in ("nodes", "edges")
            and isinstance(data.get("options"), Mapping)
        ):
            data = {**data, "type": "view"}  # a table on a view, listed by what the view is for
        return super()._load_wire(data)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the table (with its ``type``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        raise NotImplementedError


class UnknownTable(UnknownWireObject, Table, TableWrite):
    """A table of a kind this SDK version does not know, e.g. a built-in table (kept as it was).

    Args:
        data: The raw dictionary.

    Example:
        >>> from cognite.client.data_classes.postgres_gateway import Table
        >>> Table.load({"type": "built_in", "tablename": "assets", "columns": {}}).tablename
        'assets'
    """

    __slots__ = ()

    @property
    def tablename(self) -> str:
        """The table name."""
        return str(self.data.get("tablename", ""))

    @tablename.setter
    def tablename(self, value: str) -> None:
        self.data["tablename"] = value

    def as_write(self) -> UnknownTable:
        """Return the object itself."""
        return self


class _WireTable(CogniteObject):
    """Dumps columns as the wire map and a view's options without the id's ``type``."""

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the table (with its ``type``; columns as a map of name to type).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        out = super().dump(camel_case)
        columns = getattr(self, "columns", None)
        if columns is not None:
            out["columns"] = columns.dump_wire()
        options = getattr(self, "options", None)
        if isinstance(options, ViewId):
            key = "externalId" if camel_case else "external_id"
            out["options"] = {"space": options.space, key: options.external_id, "version": options.version}
            if options.version is None:
                del out["options"]["version"]
        return out


class RawTableWrite(_WireTable, TableWrite, tag_field="type", tag="raw_rows"):  # type: ignore[misc]
    """A foreign table on a RAW table, to create.

    Args:
        tablename: The table name.
        options: The RAW table it reads.
        columns: Its columns.
    """

    tablename: str
    options: RawTableOptions
    columns: ColumnList

    def __post_init__(self) -> None:
        self.columns = _columns(self.columns)  # type: ignore[assignment]


class ViewTableWrite(_WireTable, TableWrite, tag_field="type", tag="view"):  # type: ignore[misc]
    """A foreign table on a data-modeling view, to create (its columns are the view's properties).

    Args:
        tablename: The table name.
        options: The view.
    """

    tablename: str
    options: ViewId

    def __post_init__(self) -> None:
        self.options = _view_id(self.options)


class RawTable(_WireTable, WriteableCogniteResource[RawTableWrite], Table, tag_field="type", tag="raw_rows"):  # type: ignore[misc]
    """A foreign table on a RAW table, as read.

    Args:
        tablename: The table name.
        options: The RAW table it reads.
        columns: Its columns.
        created_time: When it was created (ms since epoch).
    """

    tablename: str
    options: RawTableOptions | None = None
    columns: ColumnList | None = None
    created_time: int | None = None

    def __post_init__(self) -> None:
        self.columns = _columns(self.columns)

    def as_write(self) -> RawTableWrite:
        """Return the write form."""
        if self.options is None:
            raise ValueError("options is required to turn a RawTable into a RawTableWrite")
        return RawTableWrite(self.tablename, self.options, ColumnList(list(self.columns or [])))


class ViewTable(_WireTable, WriteableCogniteResource[ViewTableWrite], Table, tag_field="type", tag="view"):  # type: ignore[misc]
    """A foreign table on a data-modeling view, as read.

    Args:
        tablename: The table name.
        options: The view.
        created_time: When it was created (ms since epoch).
        columns: Its columns (the view's properties).
    """

    tablename: str
    options: ViewId | None = None
    created_time: int | None = None
    columns: ColumnList | None = None

    def __post_init__(self) -> None:
        if self.options is not None:
            self.options = _view_id(self.options)
        self.columns = _columns(self.columns)

    def as_write(self) -> ViewTableWrite:
        """Return the write form."""
        if self.options is None:
            raise ValueError("options is required to turn a ViewTable into a ViewTableWrite")
        return ViewTableWrite(self.tablename, self.options)


Table._OPTIONS = {"raw_rows": RawTable, "view": ViewTable}
Table._UNKNOWN = UnknownTable
TableWrite._OPTIONS = {"raw_rows": RawTableWrite, "view": ViewTableWrite}
TableWrite._UNKNOWN = UnknownTable


class TableWriteList(CogniteResourceList[Any]):
    """A list of tables to create.

    Args:
        resources: The tables.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = TableWrite  # type: ignore[assignment]

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every table (with its ``type``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionaries.
        """
        return [t.dump(camel_case) for t in self.data]


class TableList(WriteableCogniteResourceList[Any, Any]):
    """A list of tables.

    Args:
        resources: The tables.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = Table  # type: ignore[assignment]
    _WRITE_LIST: ClassVar[type[CogniteResourceList[Any]]] = TableWriteList

    def as_tablenames(self) -> list[str]:
        """Return the table names, in order."""
        return [t.tablename for t in self.data]

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every table (with its ``type``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionaries.
        """
        return [t.dump(camel_case) for t in self.data]
