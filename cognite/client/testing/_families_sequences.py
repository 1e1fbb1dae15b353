"""Emulator table entries for sequences and their rows (filter factories and hooks come from ``_families``).

Sequences are a generic family plus columns with behaviour (validated at create, changed by ``columns``
add/remove/modify updates) and rows: a :class:`SequenceStore` keeps the rows of each sequence by row number, values
keyed by a stable internal column key, so renaming a column keeps its values and removing one drops them. The rows
endpoints (``/sequences/data``, ``/data/list``, ``/data/latest``, ``/data/delete``) are the family's own routes.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from cognite.client.testing._errors import CDFError
from cognite.client.testing._families import _TIME_FILTERS, eq, metadata, one_of, prefix, refs, subtree
from cognite.client.testing._filters import Item, Predicate
from cognite.client.testing._store import Family, Hooks, ResourceStore, _decode_cursor, _encode_cursor

__all__ = ["SEQUENCES", "SEQUENCE_FAMILIES", "SequenceHooks", "SequenceStore"]

VALUE_TYPES = ("STRING", "DOUBLE", "LONG")
MAX_COLUMNS = 400  # columns of a sequence (maxItems of PostSequenceDTO.columns)
INSERT_COLUMNS = 200  # columns of one inserted item (maxItems of SequenceDataInsertion.columns)
INSERT_ROWS = 10_000  # rows of one request
INSERT_VALUES = 100_000  # values (rows x columns) of one request
ROWS_LIMIT = (100, 10_000)  # (default, maximum) of ``limit`` of a rows request
PAGE_VALUES = 100_000  # the "dynamic limit" of a rows page: rows x columns
DELETE_ROWS = 10_000  # row numbers of one deleted item
_COLUMN_FIELDS = {"externalId": str, "name": str, "description": str, "valueType": str, "metadata": dict}


class SequenceStore(ResourceStore):
    """The sequences of one project and their rows.

    Attributes:
        rows: Sequence id -> row number -> column key -> value (absent: null).
        column_keys: Sequence id -> column external id -> its internal key (stable across renames).
    """

    def __init__(self, family: Family, project: Any) -> None:
        super().__init__(family, project)
        self.rows: dict[int, dict[int, dict[int, Any]]] = {}
        self.column_keys: dict[int, dict[str, int]] = {}
        self.pending: dict[int, tuple[list[Item], dict[str, int]]] = {}
        self._sorted: dict[int, list[int]] = {}
        self._keys = itertools.count(1)

    def new_key(self) -> int:
        """A fresh internal column key."""
        return next(self._keys)

    def row_numbers(self, seq_id: int) -> list[int]:
        """The row numbers of a sequence, sorted (cached until its rows change)."""
        numbers = self._sorted.get(seq_id)
        if numbers is None:
            numbers = self._sorted[seq_id] = sorted(self.rows.get(seq_id, {}))
        return numbers

    def _changed(self, seq_id: int) -> None:
        self._sorted.pop(seq_id, None)

    # ----------------------------------------------------------------- helpers
    def _sequence(self, ref: Mapping[str, Any]) -> Item:
        idents = {k: v for k, v in ref.items() if k in ("id", "externalId")}
        if len(idents) != 1:
            raise CDFError(400, "Give exactly one of 'id' and 'externalId' of the sequence")
        return self.resolve([idents], ignore_unknown=False)[0]

    def _entries(self, body: Any, verb: str) -> list[tuple[dict[str, Any], Item]]:
        """The items of a rows request with their sequences (a sequence may be named more than once); 400 listing
        every sequence that does not exist."""
        entries = self._items_of(body, verb)
        refs = []
        for entry in entries:
            if not isinstance(entry, dict):
                raise CDFError(400, f"Each item must be an object, got {entry!r}")
            refs.append({k: v for k, v in entry.items() if k in ("id", "externalId")})
            if len(refs[-1]) != 1:
                raise CDFError(400, "Give exactly one of 'id' and 'externalId' of each sequence")
        found = [self.get(ref) for ref in refs]
        missing = {str(ref): ref for ref, seq in zip(refs, found, strict=True) if seq is None}
        if missing:
            raise CDFError(400, "Sequences not found", missing=list(missing.values()))
        return [(entry, cast("Item", seq)) for entry, seq in zip(entries, found, strict=True)]

    def _select(self, seq: Item, columns: Any, limit: int) -> list[Item]:
        """The columns a request names (all, in order, when it names none)."""
        if columns is None:
            return list(seq["columns"])
        if not isinstance(columns, list) or not 1 <= len(columns) <= limit:
            raise CDFError(400, f"'columns' must be a list of 1 to {limit} column external ids")
        by_xid = {c["externalId"]: c for c in seq["columns"]}
        unknown = [c for c in columns if c not in by_xid]
        if unknown:
            raise CDFError(400, f"Columns not found in sequence {seq['id']}: {unknown}")
        if len(set(columns)) != len(columns):
            raise CDFError(400, "'columns' has duplicates")
        return [by_xid[c] for c in columns]

    def _answer(self, seq: Item, columns: list[Item], numbers: Sequence[int]) -> dict[str, Any]:
        keys = [self.column_keys[seq["id"]][c["externalId"]] for c in columns]
        rows = self.rows.get(seq["id"], {})
        out: dict[str, Any] = {
            "id": seq["id"],
            "columns": [{k: c[k] for k in ("externalId", "name", "valueType") if k in c} for c in columns],
            "rows": [{"rowNumber": n, "values": [rows[n].get(k) for k in keys]} for n in numbers],
        }
        if "externalId" in seq:
            out["externalId"] = seq["externalId"]
        return out

    @staticmethod
    def _int(body: Mapping[str, Any], name: str, default: int | None, minimum: int) -> int | None:
        value = body.get(name, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise CDFError(400, f"'{name}' must be an integer >= {minimum}, got {value!r}")
        return value

    # ----------------------------------------------------------------- rows endpoints
    def insert_rows(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /sequences/data``: insert rows (overwriting the given columns of rows that exist); all or nothing."""
        plan: list[tuple[int, list[int], list[Any]]] = []
        total_rows = total_values = 0
        for entry, seq in self._entries(body, "data"):
            if entry.get("columns") is None:
                raise CDFError(400, "Each item needs 'columns'")
            columns = self._select(seq, entry["columns"], INSERT_COLUMNS)
            rows = entry.get("rows")
            if not isinstance(rows, list) or not 1 <= len(rows) <= INSERT_ROWS:
                raise CDFError(400, f"'rows' must be a list of 1 to {INSERT_ROWS} rows")
            checks = [_VALUE_CHECKS[c["valueType"]] for c in columns]
            for row in rows:
                if not isinstance(row, dict):
                    raise CDFError(400, f"Each row must be an object, got {row!r}")
                self._int(row, "rowNumber", None, 0)
                values = row.get("values")
                if "rowNumber" not in row or not isinstance(values, list) or len(values) != len(columns):
                    raise CDFError(400, f"Row {row.get('rowNumber')!r} needs a rowNumber and {len(columns)} values")
                row["values"] = [check(v, c) for v, c, check in zip(values, columns, checks, strict=True)]
            total_rows += len(rows)
            total_values += len(rows) * len(columns)
            plan.append((seq["id"], [self.column_keys[seq["id"]][c["externalId"]] for c in columns], rows))
        if total_rows > INSERT_ROWS or total_values > INSERT_VALUES:
            raise CDFError(
                400, f"At most {INSERT_ROWS} rows and {INSERT_VALUES} values per request, got {total_rows} rows "
                f"and {total_values} values",
            )  # fmt: skip
        for seq_id, keys, rows in plan:
            stored = self.rows.setdefault(seq_id, {})
            for row in rows:
                target = stored.setdefault(row["rowNumber"], {})
                for key, value in zip(keys, row["values"], strict=True):
                    if value is None:
                        target.pop(key, None)
                    else:
                        target[key] = value
                if not target:  # a row exists while it has a value
                    del stored[row["rowNumber"]]
            self._changed(seq_id)
        return 200, {}

    def list_rows(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /sequences/data/list``: rows in ``[start, end)`` by row number, a page at a time (the page size is
        the smaller of ``limit`` and a budget of values, like CDF's dynamic limit)."""
        seq = self._sequence(body)
        columns = self._select(seq, body.get("columns"), MAX_COLUMNS)
        start = cast("int", self._int(body, "start", 0, 0))
        end = self._int(body, "end", None, 0)
        limit = self._limit(body.get("limit"), ROWS_LIMIT)
        numbers = self.row_numbers(seq["id"])
        position = start
        if body.get("cursor") is not None:
            position = _decode_cursor(body["cursor"], "r")
            if position < start:
                raise CDFError(400, f"Invalid cursor {body['cursor']!r} for start {start}")
        lo = bisect.bisect_left(numbers, position)
        hi = len(numbers) if end is None else bisect.bisect_left(numbers, end)
        size = min(limit, max(1, PAGE_VALUES // len(columns)))
        page = numbers[lo : max(lo, min(hi, lo + size))]
        out = self._answer(seq, columns, page)
        if lo + len(page) < hi:
            out["nextCursor"] = _encode_cursor("r", numbers[lo + len(page)])
        return 200, out

    def latest_row(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /sequences/data/latest``: the row with the highest row number (below ``before``)."""
        seq = self._sequence(body)
        columns = self._select(seq, body.get("columns"), MAX_COLUMNS)
        before = self._int(body, "before", None, 1)
        numbers = self.row_numbers(seq["id"])
        index = len(numbers) if before is None else bisect.bisect_left(numbers, before)
        return 200, self._answer(seq, columns, numbers[index - 1 : index] if index else [])

    def delete_rows(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /sequences/data/delete``: delete rows by row number (rows that do not exist are ignored)."""
        plan: list[tuple[int, list[int]]] = []
        for entry, seq in self._entries(body, "data_delete"):
            numbers = entry.get("rows")
            if not isinstance(numbers, list) or not 1 <= len(numbers) <= DELETE_ROWS:
                raise CDFError(400, f"'rows' must be a list of 1 to {DELETE_ROWS} row numbers")
            if any(isinstance(n, bool) or not isinstance(n, int) for n in numbers):
                raise CDFError(400, "'rows' must hold integer row numbers")
            plan.append((seq["id"], numbers))
        for seq_id, numbers in plan:
            stored = self.rows.get(seq_id, {})
            for n in numbers:
                stored.pop(n, None)
            self._changed(seq_id)
        return 200, {}


# --------------------------------------------------------------------------- columns
def _check_string(value: Any, column: Item) -> Any:
    if value is None or isinstance(value, str):
        return value
    raise CDFError(400, f"Column '{column['externalId']}' is STRING; got {value!r}")


def _check_double(value: Any, column: Item) -> Any:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CDFError(400, f"Column '{column['externalId']}' is DOUBLE; got {value!r}")
    return float(value)


def _check_long(value: Any, column: Item) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CDFError(400, f"Column '{column['externalId']}' is LONG; got {value!r}")
    return value


_VALUE_CHECKS: dict[str, Callable[[Any, Item], Any]] = {
    "STRING": _check_string,
    "DOUBLE": _check_double,
    "LONG": _check_long,
}


def _new_column(raw: Any, now: int) -> Item:
    """A column from a create or ``columns.add``: checked, ``valueType`` normalized, timestamps set."""
    if not isinstance(raw, dict):
        raise CDFError(400, f"Each column must be an object, got {raw!r}")
    for key, value in raw.items():
        expected = _COLUMN_FIELDS.get(key)
        if expected is None:
            raise CDFError(400, f"Unrecognized column field '{key}'")
        if value is not None and (isinstance(value, bool) or not isinstance(value, expected)):
            raise CDFError(400, f"Invalid value for column field '{key}': {value!r}")
    if not raw.get("externalId"):
        raise CDFError(400, "Every column needs an externalId")
    value_type = str(raw.get("valueType") or "DOUBLE").upper()
    if value_type not in VALUE_TYPES:
        raise CDFError(400, f"Invalid valueType {raw.get('valueType')!r}: expected one of {list(VALUE_TYPES)}")
    column = {k: v for k, v in raw.items() if v is not None}
    column.update(valueType=value_type, createdTime=now, lastUpdatedTime=now)
    return column


def _check_columns(columns: list[Item]) -> None:
    if not 1 <= len(columns) <= MAX_COLUMNS:
        raise CDFError(400, f"A sequence must have 1 to {MAX_COLUMNS} columns, got {len(columns)}")
    xids = [c["externalId"] for c in columns]
    duplicated = sorted({x for x in xids if xids.count(x) > 1})
    if duplicated:
        raise CDFError(400, "Column externalIds duplicated", duplicated=[{"externalId": x} for x in duplicated])


def _modify_column(column: Item, update: Any, now: int) -> Item:
    """Apply a ``columns.modify`` update (externalId: set; name, description: set/setNull; metadata: object)."""
    if not isinstance(update, dict):
        raise CDFError(400, f"A column update needs an 'update' object, got {update!r}")
    out = dict(column)
    for name, op in update.items():
        if name not in ("externalId", "name", "description", "metadata") or not isinstance(op, dict) or not op:
            raise CDFError(400, f"Invalid column update of '{name}': {op!r}")
        if name == "metadata":
            current = {} if "set" in op else dict(out.get("metadata") or {})
            current.update(op.get("set") or {})
            for key in op.get("remove") or []:
                current.pop(key, None)
            current.update(op.get("add") or {})
            if current:
                out["metadata"] = current
            else:
                out.pop("metadata", None)
        elif op.get("setNull") is True and name != "externalId":
            out.pop(name, None)
        elif isinstance(op.get("set"), str) and op["set"]:
            out[name] = op["set"]
        else:
            raise CDFError(400, f"Invalid column update of '{name}': {op!r}")
    out["lastUpdatedTime"] = now
    return out


class SequenceHooks(Hooks):
    """Columns (created, added, removed, modified) and the rows that belong to them."""

    def prepare_create(self, store: ResourceStore, new: list[Item]) -> None:
        """Check the columns of new sequences and complete them."""
        for item in new:
            raw = item.get("columns")
            if not isinstance(raw, list):
                raise CDFError(400, "'columns' must be a list")
            item["columns"] = [_new_column(c, item["createdTime"]) for c in raw]
            _check_columns(item["columns"])

    def after_insert(self, store: ResourceStore, new: list[Item]) -> None:
        """Give the columns of new sequences their keys."""
        seqs = cast("SequenceStore", store)
        for item in new:
            seqs.column_keys[item["id"]] = {c["externalId"]: seqs.new_key() for c in item["columns"]}
            seqs.rows[item["id"]] = {}

    def apply_update(self, store: ResourceStore, item: Item, name: str, op: Mapping[str, Any]) -> bool:
        """``columns``: modify, then remove, then add; the new column keys wait in ``pending`` until the whole
        update request succeeded."""
        if name != "columns":
            return False
        seqs = cast("SequenceStore", store)
        unknown = set(op) - {"add", "remove", "modify"}
        if unknown or any(not isinstance(op.get(k, []), list) for k in ("add", "remove", "modify")):
            raise CDFError(400, f"Invalid columns update: {dict(op)!r}")
        now = store.project.clock()
        keys = dict(seqs.column_keys[item["id"]])
        columns = {c["externalId"]: c for c in item["columns"]}
        missing: list[dict[str, Any]] = []
        for change in op.get("modify", []):
            xid = change.get("externalId") if isinstance(change, dict) else None
            if not isinstance(xid, str) or xid not in columns:
                missing.append({"externalId": xid})
                continue
            column = _modify_column(columns[xid], change.get("update"), now)
            new_xid = column["externalId"]
            if new_xid != xid and new_xid in columns:
                raise CDFError(400, "Column externalIds duplicated", duplicated=[{"externalId": new_xid}])
            columns = {(new_xid if k == xid else k): (column if k == xid else c) for k, c in columns.items()}
            keys[new_xid] = keys.pop(xid)
        for ref in op.get("remove", []):
            xid = ref.get("externalId") if isinstance(ref, dict) else None
            if not isinstance(xid, str) or columns.pop(xid, None) is None:
                missing.append({"externalId": xid})
                continue
            keys.pop(xid, None)
        if missing:
            raise CDFError(400, "Columns not found", missing=missing)
        for raw in op.get("add", []):
            column = _new_column(raw, now)
            if column["externalId"] in columns:
                raise CDFError(400, "Column externalIds duplicated", duplicated=[{"externalId": column["externalId"]}])
            columns[column["externalId"]] = column
            keys[column["externalId"]] = seqs.new_key()
        item["columns"] = list(columns.values())
        _check_columns(item["columns"])
        seqs.pending[item["id"]] = (item["columns"], keys)
        return True

    def after_update(self, store: ResourceStore, old: Item, new: Item) -> None:
        """Take the new column keys; drop the values of removed columns (and rows left without values)."""
        seqs = cast("SequenceStore", store)
        pending = seqs.pending.pop(new["id"], None)
        if pending is None or pending[0] is not new.get("columns"):
            return  # a columns change of a request that failed
        keys = pending[1]
        seqs.column_keys[new["id"]] = keys
        live = set(keys.values())
        rows = seqs.rows.get(new["id"], {})
        for number in list(rows):
            row = rows[number]
            for key in [k for k in row if k not in live]:
                del row[key]
            if not row:
                del rows[number]
        seqs._changed(new["id"])

    def after_delete(self, store: ResourceStore, removed: list[Item]) -> None:
        """Drop the rows of deleted sequences."""
        seqs = cast("SequenceStore", store)
        for item in removed:
            seqs.rows.pop(item["id"], None)
            seqs.column_keys.pop(item["id"], None)
            seqs._changed(item["id"])

    def store_property_getter(self, store: ResourceStore, path: Sequence[str]) -> Callable[[Item], Any] | None:
        """``assetRootId``: the root of the linked asset."""
        if list(path) != ["assetRootId"]:
            return None
        assets = store.project.stores.get("assets")
        return lambda item: _asset_root(assets, item)


def _asset_root(assets: ResourceStore | None, item: Item) -> Any:
    asset = None if assets is None else assets.items.get(item.get("assetId"))  # type: ignore[arg-type]
    return None if asset is None else asset.get("rootId")


def _root_asset_ids(value: Any, store: ResourceStore) -> Predicate:
    """Filter: the linked asset is in a hierarchy rooted at one of these asset ids."""
    if not isinstance(value, list):
        raise CDFError(400, "rootAssetIds needs a list")
    roots = {v.get("id") if isinstance(v, dict) else v for v in value}
    assets = store.project.stores.get("assets")
    return lambda item: _asset_root(assets, item) in roots


SEQUENCES = Family(
    name="sequences",
    path="/sequences",
    write_fields={
        "externalId": str,
        "name": str,
        "description": str,
        "assetId": int,
        "dataSetId": int,
        "metadata": dict,
        "columns": list,
    },
    required=("columns",),
    updates={
        "externalId": "nullable",
        "name": "nullable",
        "description": "nullable",
        "assetId": "nullable",
        "dataSetId": "nullable",
        "metadata": "object",
        "columns": "columns",
    },
    filters={
        "name": eq("name"),
        "externalIdPrefix": prefix("externalId"),
        "metadata": metadata(),
        "assetIds": one_of("assetId"),
        "rootAssetIds": _root_asset_ids,
        "assetSubtreeIds": subtree("assetId"),
        "dataSetIds": refs("dataSetId", "datasets"),
        **_TIME_FILTERS,
    },
    search_fields={"name": ("name",), "description": ("description",), "query": ("name", "description")},
    filter_properties=frozenset(
        {
            "id",
            "externalId",
            "name",
            "description",
            "assetId",
            "assetRootId",
            "dataSetId",
            "metadata",
            "createdTime",
            "lastUpdatedTime",
        }
    ),
    limits={"create": 1000, "byids": 1000, "update": 1000, "delete": 1000, "data": 1000, "data_delete": 1000},
    verbs=frozenset({"create", "list", "byids", "update", "delete", "search", "aggregate"}),
    sortable=True,
    hooks=SequenceHooks(),
    routes={
        ("POST", "/data"): "insert_rows",
        ("POST", "/data/list"): "list_rows",
        ("POST", "/data/latest"): "latest_row",
        ("POST", "/data/delete"): "delete_rows",
    },
    store_cls=SequenceStore,
)

SEQUENCE_FAMILIES: tuple[Family, ...] = (SEQUENCES,)
