"""Sequence data classes: sequences and their columns (read, write, update, filter, list, sort) and rows.

Example:
    >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceWrite
    >>> SequenceWrite(columns=[SequenceColumnWrite("depth")], external_id="log").dump()
    {'columns': [{'externalId': 'depth', 'valueType': 'DOUBLE'}], 'externalId': 'log'}
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Sequence as SequenceType
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, overload

from cognite.client._sync import run_sync
from cognite.client.data_classes._base import (
    CogniteFilter,
    CogniteLabelUpdate,
    CogniteListUpdate,
    CogniteObject,
    CogniteObjectUpdate,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteSort,
    CogniteUpdate,
    ExternalIDTransformerMixin,
    IdTransformerMixin,
    PropertySpec,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    WriteableCogniteResourceWithClientRef,
    _import_pandas,
    _to_builtins,
    _UpdateField,
    update_field,
)
from cognite.client.data_classes.filters import EnumProperty
from cognite.client.data_classes.shared import TimestampRange

if TYPE_CHECKING:
    import pandas

__all__ = [
    "CogniteFilter",
    "CogniteLabelUpdate",
    "CogniteListUpdate",
    "CogniteObjectUpdate",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteSort",
    "CogniteUpdate",
    "ColumnNames",
    "EnumProperty",
    "ExternalIDTransformerMixin",
    "IdTransformerMixin",
    "PropertySpec",
    "RowValues",
    "Sequence",
    "SequenceColumn",
    "SequenceColumnCore",
    "SequenceColumnList",
    "SequenceColumnUpdate",
    "SequenceColumnWrite",
    "SequenceColumnWriteList",
    "SequenceDataList",
    "SequenceFilter",
    "SequenceList",
    "SequenceProperty",
    "SequenceRow",
    "SequenceRows",
    "SequenceRowsList",
    "SequenceSort",
    "SequenceUpdate",
    "SequenceWrite",
    "SequenceWriteList",
    "SortableSequenceProperty",
    "TimestampRange",
    "ValueType",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
    "WriteableCogniteResourceWithClientRef",
]

ValueType: TypeAlias = Literal["STRING", "DOUBLE", "LONG"]
#: One value of a row: a number, a string, or None where the row has no value in that column.
RowValues: TypeAlias = int | float | str | None
#: How ``to_pandas`` names the columns of a DataFrame of rows.
ColumnNames: TypeAlias = Literal[
    "externalId", "id", "columnExternalId", "id|columnExternalId", "externalId|columnExternalId"
]
_VALUE_TYPES: tuple[ValueType, ...] = ("STRING", "DOUBLE", "LONG")
_COLUMN_NAMES = ("externalId", "id", "columnExternalId", "id|columnExternalId", "externalId|columnExternalId")


def _value_type(value: Any) -> ValueType:
    """Normalize a column value type ("string", "Double", ...) to the wire form; None means DOUBLE."""
    if value is None:
        return "DOUBLE"
    if isinstance(value, str) and value.upper() in _VALUE_TYPES:
        return value.upper()  # type: ignore[return-value]
    raise ValueError(f"value_type must be one of {list(_VALUE_TYPES)} (any case), got {value!r}")


# ---------------------------------------------------------------------------------------------- columns


class SequenceColumnCore(WriteableCogniteResource["SequenceColumnWrite"]):
    """Base of the read and write forms of a sequence column."""


class SequenceColumnWrite(SequenceColumnCore):
    """A column of a sequence to create.

    Args:
        external_id: The external id of the column (unique within the sequence).
        name: The name.
        description: A description.
        value_type: "STRING", "DOUBLE" (default) or "LONG" (any case).
        metadata: Custom string key-value pairs.

    Example:
        >>> from cognite.client.data_classes.sequences import SequenceColumnWrite
        >>> SequenceColumnWrite("depth", value_type="long").dump()
        {'externalId': 'depth', 'valueType': 'LONG'}
    """

    external_id: str
    name: str | None = None
    description: str | None = None
    value_type: str | None = None
    metadata: dict[str, str] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.external_id, str):
            raise TypeError(f"external_id of a column must be a str, got {self.external_id!r}")
        self.value_type = _value_type(self.value_type)

    def as_write(self) -> SequenceColumnWrite:
        """Return this object (it is already the write form)."""
        return self


class SequenceColumn(SequenceColumnCore):
    """A column of a sequence, as read from CDF.

    Args:
        external_id: The external id of the column.
        value_type: "STRING", "DOUBLE" or "LONG".
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        name: The name.
        description: A description.
        metadata: Custom string key-value pairs.
    """

    external_id: str | None = None
    value_type: str | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    name: str | None = None
    description: str | None = None
    metadata: dict[str, str] | None = None

    def __post_init__(self) -> None:
        self.value_type = _value_type(self.value_type)

    def as_write(self) -> SequenceColumnWrite:
        """Return the write form of this column."""
        if self.external_id is None:
            raise ValueError("external_id is required to turn a SequenceColumn into a SequenceColumnWrite")
        return SequenceColumnWrite(
            external_id=self.external_id,
            name=self.name,
            description=self.description,
            value_type=self.value_type,
            metadata=self.metadata,
        )


class SequenceColumnWriteList(CogniteResourceList[SequenceColumnWrite], ExternalIDTransformerMixin):
    """A list of columns to create."""

    _RESOURCE = SequenceColumnWrite

    def value_types(self) -> list[ValueType]:
        """The value types of the columns, in order."""
        return [_value_type(c.value_type) for c in self.data]


class SequenceColumnList(WriteableCogniteResourceList[SequenceColumnWrite, SequenceColumn], ExternalIDTransformerMixin):
    """A list of sequence columns."""

    _RESOURCE = SequenceColumn
    _WRITE_LIST = SequenceColumnWriteList

    def value_types(self) -> list[ValueType]:
        """The value types of the columns, in order."""
        return [_value_type(c.value_type) for c in self.data]


def _columns(value: Any, cls: type[SequenceColumn] | type[SequenceColumnWrite]) -> list[Any]:
    """Columns given as column objects, dicts or (read class only) external ids, as ``cls`` objects."""
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise TypeError(f"columns must be a list of columns, got {type(value).__name__}")
    out: list[Any] = []
    for col in value:
        if isinstance(col, cls):
            out.append(col)
        elif isinstance(col, SequenceColumnCore):
            out.append(col.as_write() if cls is SequenceColumnWrite else cls.load(col.dump()))
        elif isinstance(col, dict):
            out.append(cls.load(col))
        elif isinstance(col, str) and cls is SequenceColumn:
            out.append(SequenceColumn(external_id=col))
        else:
            raise TypeError(f"columns must contain {cls.__name__} objects or dicts, not {type(col).__name__}")
    return out


# ---------------------------------------------------------------------------------------------- sequences


class SequenceWrite(CogniteObject):
    """A sequence to create: a table of rows indexed by row number, with typed columns.

    Args:
        columns: The columns (at least one; at most 400).
        name: The name.
        description: A description.
        asset_id: The asset it belongs to.
        external_id: A unique external id.
        metadata: Custom string key-value pairs.
        data_set_id: The data set it belongs to.

    Example:
        >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceWrite
        >>> SequenceWrite([SequenceColumnWrite("a", value_type="STRING")], name="log").dump()["columns"]
        [{'externalId': 'a', 'valueType': 'STRING'}]
    """

    columns: list[SequenceColumnWrite]
    name: str | None = None
    description: str | None = None
    asset_id: int | None = None
    external_id: str | None = None
    metadata: dict[str, str] | None = None
    data_set_id: int | None = None

    def __post_init__(self) -> None:
        self.columns = _columns(self.columns, SequenceColumnWrite)

    def as_write(self) -> SequenceWrite:
        """Return this object (it is already the write form)."""
        return self

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the sequence to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The sequence, fields without a value left out.
        """
        return super().dump(camel_case)


class Sequence(WriteableCogniteResource["SequenceWrite"]):
    """A sequence as read from CDF: a table of rows indexed by row number, with typed columns.

    Args:
        id: The internal id.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        columns: The columns.
        name: The name.
        description: A description.
        asset_id: The asset it belongs to.
        external_id: The external id.
        metadata: Custom string key-value pairs.
        data_set_id: The data set it belongs to.
    """

    _NEEDS_CLIENT = True

    id: int | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    columns: list[SequenceColumn] | None = None
    name: str | None = None
    description: str | None = None
    asset_id: int | None = None
    external_id: str | None = None
    metadata: dict[str, str] | None = None
    data_set_id: int | None = None

    def __post_init__(self) -> None:
        if self.columns is not None:
            self.columns = _columns(self.columns, SequenceColumn)

    def as_write(self) -> SequenceWrite:
        """Return the write form of this sequence (what ``create`` accepts)."""
        return SequenceWrite(
            columns=[c.as_write() for c in self.columns or []],
            name=self.name,
            description=self.description,
            asset_id=self.asset_id,
            external_id=self.external_id,
            metadata=self.metadata,
            data_set_id=self.data_set_id,
        )

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the sequence to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The sequence, fields without a value left out.
        """
        return super().dump(camel_case)

    @property
    def column_external_ids(self) -> list[str]:
        """The external ids of the columns, in order."""
        return [c.external_id for c in self.columns or [] if c.external_id is not None]

    @property
    def column_value_types(self) -> list[ValueType]:
        """The value types of the columns, in order."""
        return [_value_type(c.value_type) for c in self.columns or []]

    async def rows_async(self, start: int, end: int | None) -> SequenceRows:
        """Retrieve the rows of this sequence with row numbers in ``[start, end)``.

        Args:
            start: The first row number (inclusive).
            end: The row number to stop before (None or -1: to the end).

        Returns:
            The rows.
        """
        if self.id is None:
            raise ValueError("This sequence has no id")
        return await self._get_client().sequences.data.retrieve(id=self.id, start=start, end=end)

    def rows(self, start: int, end: int | None) -> SequenceRows:
        """Retrieve the rows of this sequence with row numbers in ``[start, end)`` (sync form of ``rows_async``).

        Args:
            start: The first row number (inclusive).
            end: The row number to stop before (None or -1: to the end).

        Returns:
            The rows.
        """
        return run_sync(self.rows_async(start, end))


class SequenceWriteList(CogniteResourceList[SequenceWrite], ExternalIDTransformerMixin):
    """A list of sequences to create."""

    _RESOURCE = SequenceWrite


class SequenceList(
    WriteableCogniteResourceList[SequenceWrite, Sequence], IdTransformerMixin, ExternalIDTransformerMixin
):
    """A list of sequences."""

    _RESOURCE = Sequence
    _WRITE_LIST = SequenceWriteList


# ---------------------------------------------------------------------------------------------- updates


class SequenceColumnUpdate(CogniteUpdate):
    """Changes to one column of a sequence, identified by its external id (used in ``SequenceUpdate.columns``).

    Args:
        id: Not used by CDF for columns (kept for compatibility); give ``external_id``.
        external_id: The external id of the column.

    Example:
        >>> from cognite.client.data_classes.sequences import SequenceColumnUpdate
        >>> SequenceColumnUpdate(external_id="depth").name.set("Depth (m)").dump()
        {'externalId': 'depth', 'update': {'name': {'set': 'Depth (m)'}}}
    """

    _PROPERTIES = (
        PropertySpec("description"),
        PropertySpec("external_id", is_nullable=False),
        PropertySpec("metadata", is_object=True),
        PropertySpec("name"),
    )

    description: CognitePrimitiveUpdate[SequenceColumnUpdate] = update_field(CognitePrimitiveUpdate)
    external_id: CognitePrimitiveUpdate[SequenceColumnUpdate] = update_field(CognitePrimitiveUpdate)
    metadata: CogniteObjectUpdate[SequenceColumnUpdate] = update_field(CogniteObjectUpdate)
    name: CognitePrimitiveUpdate[SequenceColumnUpdate] = update_field(CognitePrimitiveUpdate)

    def __init__(self, id: int | None = None, external_id: str | None = None) -> None:
        super().__init__(id=id, external_id=external_id)

    def _identifier(self) -> dict[str, Any]:
        if self._external_id is None:
            raise ValueError("SequenceColumnUpdate needs the external_id of the column")
        return {"externalId": self._external_id}


ColumnInput: TypeAlias = "SequenceColumnWrite | SequenceColumn | dict[str, Any]"


class SequenceColumnsUpdate(_UpdateField["SequenceUpdate"]):
    """The column changes of a SequenceUpdate: ``add`` columns, ``remove`` columns, ``modify`` columns.

    Each call adds to what earlier calls recorded.
    """

    def _extend(self, op: str, values: list[dict[str, Any]]) -> SequenceUpdate:
        ops = self._update_object._update_object.setdefault(self._name, {})
        ops.setdefault(op, []).extend(values)
        return self._update_object

    def add(self, value: ColumnInput | SequenceType[ColumnInput]) -> SequenceUpdate:
        """Add one or more columns.

        Args:
            value: Column(s) to add (write or read objects, or dicts).

        Returns:
            The update.
        """
        values = [value] if isinstance(value, SequenceColumnCore | dict) else list(value)
        return self._extend("add", [_to_builtins(c) for c in _columns(values, SequenceColumnWrite)])

    def remove(self, value: str | SequenceColumnCore | SequenceType[str | SequenceColumnCore]) -> SequenceUpdate:
        """Remove one or more columns (and their values in every row).

        Args:
            value: External id(s) of the columns, or column objects.

        Returns:
            The update.
        """
        values = [value] if isinstance(value, str | SequenceColumnCore) else list(value)
        xids = [v if isinstance(v, str) else getattr(v, "external_id", None) for v in values]
        if any(not isinstance(x, str) for x in xids):
            raise TypeError(f"columns to remove must be given by external id, got {values!r}")
        return self._extend("remove", [{"externalId": x} for x in xids])

    def modify(self, value: SequenceColumnUpdate | SequenceType[SequenceColumnUpdate]) -> SequenceUpdate:
        """Change one or more existing columns.

        Args:
            value: SequenceColumnUpdate(s) naming the column by external id.

        Returns:
            The update.
        """
        values = [value] if isinstance(value, SequenceColumnUpdate) else list(value)
        for v in values:
            if not isinstance(v, SequenceColumnUpdate):
                raise TypeError(f"modify takes SequenceColumnUpdate objects, not {type(v).__name__}")
        return self._extend("modify", [v.dump() for v in values])


class SequenceUpdate(CogniteUpdate):
    """Changes to a sequence, by id or external id, columns included.

    Args:
        id: The id of the sequence.
        external_id: The external id of the sequence.

    Example:
        >>> from cognite.client.data_classes.sequences import SequenceColumnWrite, SequenceUpdate
        >>> upd = SequenceUpdate(id=1).name.set("log").columns.add(SequenceColumnWrite("b")).columns.remove("a")
        >>> upd.dump()["update"]["columns"]
        {'add': [{'externalId': 'b', 'valueType': 'DOUBLE'}], 'remove': [{'externalId': 'a'}]}
    """

    _PROPERTIES = (
        PropertySpec("name"),
        PropertySpec("description"),
        PropertySpec("asset_id"),
        PropertySpec("external_id"),
        PropertySpec("metadata", is_object=True),
        PropertySpec("data_set_id"),
    )

    name: CognitePrimitiveUpdate[SequenceUpdate] = update_field(CognitePrimitiveUpdate)
    description: CognitePrimitiveUpdate[SequenceUpdate] = update_field(CognitePrimitiveUpdate)
    asset_id: CognitePrimitiveUpdate[SequenceUpdate] = update_field(CognitePrimitiveUpdate)
    external_id: CognitePrimitiveUpdate[SequenceUpdate] = update_field(CognitePrimitiveUpdate)
    metadata: CogniteObjectUpdate[SequenceUpdate] = update_field(CogniteObjectUpdate)
    data_set_id: CognitePrimitiveUpdate[SequenceUpdate] = update_field(CognitePrimitiveUpdate)
    columns: SequenceColumnsUpdate = update_field(SequenceColumnsUpdate)

    def __init__(self, id: int | None = None, external_id: str | None = None) -> None:
        super().__init__(id=id, external_id=external_id)

    @classmethod
    def _from_sequence(
        cls,
        item: Sequence | SequenceWrite,
        current: Sequence | None,
        mode: Literal["replace_ignore_null", "patch", "replace"],
    ) -> SequenceUpdate:
        """The update that turns ``current`` into ``item`` following ``mode``, columns included.

        Columns of ``item`` missing in ``current`` are added, changed ones modified; with "replace" or
        "replace_ignore_null" columns not in ``item`` are removed (never with "patch"). A column whose value
        type changed is removed and added again (its values are lost).
        """
        wire = cls._from_resource(item, mode)
        upd = cls(id=wire.get("id"), external_id=wire.get("externalId"))
        upd._update_object = dict(wire["update"])
        if item.columns is None or current is None:
            return upd
        wanted = {c.external_id: c.as_write() for c in item.columns if c.external_id is not None}
        existing = {c.external_id: c for c in current.columns or [] if c.external_id is not None}
        retyped = [
            x for x, c in wanted.items() if x in existing and _value_type(existing[x].value_type) != c.value_type
        ]
        removed = [x for x in existing if x not in wanted and mode != "patch"] + retyped
        if removed:
            upd.columns.remove(removed)
        added = [c for x, c in wanted.items() if x not in existing or x in retyped]
        if added:
            upd.columns.add(added)
        modified = [
            _column_change(c, existing[x], mode) for x, c in wanted.items() if x in existing and x not in retyped
        ]
        if any(m._update_object for m in modified):
            upd.columns.modify([m for m in modified if m._update_object])
        return upd


def _column_change(
    new: SequenceColumnWrite, old: SequenceColumn, mode: Literal["replace_ignore_null", "patch", "replace"]
) -> SequenceColumnUpdate:
    change = SequenceColumnUpdate(external_id=new.external_id)
    for name in ("name", "description"):
        value = getattr(new, name)
        if value is not None and value != getattr(old, name):
            getattr(change, name).set(value)
        elif value is None and mode == "replace" and getattr(old, name) is not None:
            getattr(change, name).set(None)
    if new.metadata is not None and new.metadata != old.metadata:
        if mode == "patch":
            change.metadata.add(new.metadata)
        else:
            change.metadata.set(new.metadata)
    elif new.metadata is None and mode == "replace" and old.metadata:
        change.metadata.set({})
    return change


# ---------------------------------------------------------------------------------------------- filter, sort, properties


class SequenceFilter(CogniteFilter):
    """Filter on sequences with exact matching.

    Args:
        name: Exact name.
        external_id_prefix: Prefix of the external id.
        metadata: Metadata key-value pairs that must all match.
        asset_ids: Only sequences linked to these assets (ids).
        asset_subtree_ids: Only sequences linked to assets in these subtrees (``{"id": ..}`` or
            ``{"externalId": ..}``).
        created_time: Range of creation time.
        last_updated_time: Range of last update time.
        data_set_ids: Only sequences in these data sets (``{"id": ..}`` or ``{"externalId": ..}``).

    Example:
        >>> from cognite.client.data_classes.sequences import SequenceFilter
        >>> SequenceFilter(name="log", asset_ids=[1]).dump()
        {'name': 'log', 'assetIds': [1]}
    """

    name: str | None = None
    external_id_prefix: str | None = None
    metadata: dict[str, str] | None = None
    asset_ids: SequenceType[int] | None = None
    asset_subtree_ids: SequenceType[dict[str, Any]] | None = None
    created_time: dict[str, Any] | TimestampRange | None = None
    last_updated_time: dict[str, Any] | TimestampRange | None = None
    data_set_ids: SequenceType[dict[str, Any]] | None = None


class SequenceProperty(EnumProperty):
    """Sequence properties for advanced filters and aggregates."""

    asset_id = "assetId"
    asset_root_id = "assetRootId"
    created_time = "createdTime"
    data_set_id = "dataSetId"
    description = "description"
    external_id = "externalId"
    id = "id"
    last_updated_time = "lastUpdatedTime"
    metadata = "metadata"
    name = "name"


class SortableSequenceProperty(EnumProperty):
    """Sequence properties that can be sorted on."""

    asset_id = "assetId"
    created_time = "createdTime"
    data_set_id = "dataSetId"
    description = "description"
    external_id = "externalId"
    last_updated_time = "lastUpdatedTime"
    name = "name"


class SequenceSort(CogniteSort):
    """A sort on sequences.

    Args:
        property: A sortable property (name, enum member or metadata path).
        order: "asc" or "desc".
        nulls: "first", "last" or "auto".
    """


# ---------------------------------------------------------------------------------------------- rows


class SequenceRow(CogniteObject):
    """One row of a sequence: a row number and one value per column.

    Args:
        row_number: The row number (>= 0).
        values: The values, in the order of the columns (None where there is no value).

    Example:
        >>> from cognite.client.data_classes.sequences import SequenceRow
        >>> SequenceRow(1, [2.5, "x"]).dump()
        {'rowNumber': 1, 'values': [2.5, 'x']}
    """

    row_number: int
    values: list[RowValues]


class SequenceRows(CogniteResource):
    """Rows of one sequence, with the columns they hold values for.

    Args:
        rows: The rows, by increasing row number.
        columns: The columns (objects, dicts or external ids), in the order of each row's values.
        id: The id of the sequence.
        external_id: The external id of the sequence.

    Example:
        >>> from cognite.client.data_classes.sequences import SequenceRow, SequenceRows
        >>> rows = SequenceRows([SequenceRow(1, [1.0, "a"]), SequenceRow(2, [2.0, "b"])], ["x", "y"], id=7)
        >>> rows[2], rows.get_column("y"), list(rows.items())[0]
        ([2.0, 'b'], ['a', 'b'], (1, [1.0, 'a']))
    """

    rows: list[SequenceRow]
    columns: list[SequenceColumn]
    id: int | None = None
    external_id: str | None = None

    def __post_init__(self) -> None:
        self.rows = [r if isinstance(r, SequenceRow) else SequenceRow.load(r) for r in self.rows]
        self.columns = _columns(self.columns, SequenceColumn)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[SequenceRow]:
        return iter(self.rows)

    def __getitem__(self, row_number: int) -> list[RowValues]:
        for row in self.rows:
            if row.row_number == row_number:
                return row.values
        raise KeyError(row_number)

    @property
    def row_numbers(self) -> list[int]:
        """The row numbers, in order."""
        return [r.row_number for r in self.rows]

    @property
    def values(self) -> list[list[RowValues]]:
        """The values of every row, in order."""
        return [r.values for r in self.rows]

    @property
    def column_external_ids(self) -> list[str]:
        """The external ids of the columns, in order."""
        return [c.external_id or "" for c in self.columns]

    @property
    def column_value_types(self) -> list[ValueType]:
        """The value types of the columns, in order."""
        return [_value_type(c.value_type) for c in self.columns]

    def items(self) -> Iterator[tuple[int, list[RowValues]]]:
        """Iterate over ``(row_number, values)`` pairs."""
        for row in self.rows:
            yield row.row_number, row.values

    def get_column(self, external_id: str) -> list[RowValues]:
        """The values of one column, one per row.

        Args:
            external_id: The external id of the column.

        Returns:
            The values, in row order.
        """
        try:
            index = self.column_external_ids.index(external_id)
        except ValueError:
            raise ValueError(f"No column {external_id!r}; the columns are {self.column_external_ids}") from None
        return [r.values[index] for r in self.rows]

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the rows to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            ``{"id", "externalId", "columns", "rows"}`` (fields without a value left out).
        """
        return super().dump(camel_case)

    def _column_labels(self, column_names: ColumnNames) -> list[Any]:
        if column_names not in _COLUMN_NAMES:
            raise ValueError(f"column_names must be one of {list(_COLUMN_NAMES)}, got {column_names!r}")
        if column_names == "columnExternalId":
            return self.column_external_ids
        seq = self.external_id if column_names.startswith("externalId") else self.id
        if "|" not in column_names:
            return [seq] * len(self.columns)
        return [f"{seq}|{c}" for c in self.column_external_ids]

    def to_pandas(self, column_names: ColumnNames = "columnExternalId") -> pandas.DataFrame:  # type: ignore[override]
        """Convert the rows to a pandas DataFrame indexed by row number, one column per sequence column.

        Args:
            column_names: What names the columns: "columnExternalId" (default), "externalId|columnExternalId",
                "id|columnExternalId", "externalId" or "id".

        Returns:
            The DataFrame (missing values are NaN for numeric columns and None for string columns).
        """
        pd = _import_pandas()
        labels = self._column_labels(column_names)
        index = pd.Index(self.row_numbers, dtype="int64")
        frame = pd.DataFrame(self.values or None, index=index, columns=labels)
        for label, vtype in zip(labels, self.column_value_types, strict=True):
            if vtype != "STRING" and not isinstance(frame[label], pd.DataFrame):
                frame[label] = pd.to_numeric(frame[label])
        return frame


class SequenceRowsList(CogniteResourceList[SequenceRows]):
    """Rows of several sequences."""

    _RESOURCE = SequenceRows

    @overload  # type: ignore[override]
    def to_pandas(  # type: ignore[overload-overlap]
        self,
        key: Literal["id", "external_id"] = "external_id",
        column_names: ColumnNames = "externalId|columnExternalId",
        concat: Literal[False] = False,
    ) -> dict[str | int, pandas.DataFrame]: ...
    @overload
    def to_pandas(
        self,
        key: Literal["id", "external_id"] = "external_id",
        column_names: ColumnNames = "externalId|columnExternalId",
        *,
        concat: Literal[True],
    ) -> pandas.DataFrame: ...
    def to_pandas(  # type: ignore[override]
        self,
        key: Literal["id", "external_id"] = "external_id",
        column_names: ColumnNames = "externalId|columnExternalId",
        concat: bool = False,
    ) -> pandas.DataFrame | dict[str | int, pandas.DataFrame]:
        """Convert the rows of every sequence to pandas DataFrames.

        Args:
            key: With ``concat=False``, key the DataFrames by "external_id" or "id" of their sequence.
            column_names: What names the columns (see ``SequenceRows.to_pandas``).
            concat: Join every sequence into one DataFrame (outer join on the row number).

        Returns:
            One DataFrame (``concat=True``) or a dict of DataFrames by sequence.
        """
        if key not in ("id", "external_id"):
            raise ValueError(f"key must be 'id' or 'external_id', got {key!r}")
        frames = [rows.to_pandas(column_names=column_names) for rows in self.data]
        if concat:
            pd = _import_pandas()
            if not frames:
                return pd.DataFrame()
            return pd.concat(frames, axis=1, join="outer").sort_index()
        return {getattr(rows, key): frame for rows, frame in zip(self.data, frames, strict=True)}


#: The former name of SequenceRowsList.
SequenceDataList = SequenceRowsList
