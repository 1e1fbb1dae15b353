"""Emulator table entry for RAW: databases -> tables -> rows keyed by ``key``, served by :class:`RawStore`.

RAW is shaped unlike the classic resources: things are named, not numbered, and the names are embedded in the
paths (``/raw/dbs/{dbName}/tables/{tableName}/rows``). The family declares its routes; the store keeps, per
table, a dict of rows and an append-only order of keys. A list cursor is a position in that order (a range of
positions for the partitions that ``/cursors`` hands out), so reading 100k rows is a slice walk, not a sort.
"""

from __future__ import annotations

import base64
import binascii
from collections import Counter
from collections.abc import Mapping
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import Item
from cognite.client.testing._store import Family, Project, ResourceStore, _decode_cursor, _encode_cursor

__all__ = ["RAW", "RAW_FAMILIES", "RawStore"]

_DB_NAME_MAX = 32
_TABLE_NAME_MAX = 64
_ROW_KEY_MAX = 1024
Query = Mapping[str, str]


class _Table:
    """The rows of one table: key -> (position, row), and the keys in insertion order (positions)."""

    __slots__ = ("order", "rows")

    def __init__(self) -> None:
        self.rows: dict[str, tuple[int, Item]] = {}
        self.order: list[str] = []

    def live(self, pos: int) -> Item | None:
        """The row at a position, or None when it was deleted (or re-inserted at a later position)."""
        entry = self.rows.get(self.order[pos])
        return entry[1] if entry is not None and entry[0] == pos else None


def _row_cursor(pos: int, end: int | None, lo: int | None, hi: int | None) -> str:
    text = ":".join("" if v is None else str(v) for v in (pos, end, lo, hi))
    return base64.urlsafe_b64encode(f"cdfemu:raw:{text}".encode()).decode().rstrip("=")


def _decode_row_cursor(cursor: str) -> tuple[int, int | None, int | None, int | None]:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        tag, kind, *values = text.split(":")
        if tag != "cdfemu" or kind != "raw" or len(values) != 4:
            raise ValueError(text)
        pos, end, lo, hi = (int(v) if v else None for v in values)
        if pos is None:
            raise ValueError(text)
        return pos, end, lo, hi
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise CDFError(400, f"Invalid cursor: {cursor!r}") from None


def _int_param(query: Query, name: str, default: int | None, lo: int, hi: int | None = None) -> int | None:
    raw = query.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise CDFError(400, f"Invalid value for query parameter '{name}': {raw!r}") from None
    if value < lo or (hi is not None and value > hi):
        raise CDFError(400, f"'{name}' must be between {lo} and {hi if hi is not None else 'any'}, got {value}")
    return value


def _bool_param(query: Query, name: str) -> bool:
    raw = query.get(name, "false")
    if raw not in ("true", "false"):
        raise CDFError(400, f"Invalid value for query parameter '{name}': {raw!r}")
    return raw == "true"


def _only(query: Query, *allowed: str) -> None:
    unknown = sorted(set(query) - set(allowed))
    if unknown:
        raise CDFError(400, f"Unrecognized query parameter(s) {unknown}")


class RawStore(ResourceStore):
    """The RAW databases, tables and rows of one project.

    Args:
        family: The RAW family entry.
        project: The owning project.
    """

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        self.dbs: dict[str, dict[str, _Table]] = {}

    # ----------------------------------------------------------------- helpers
    def db(self, name: str) -> dict[str, _Table]:
        """The tables of a database (404 when it does not exist)."""
        tables = self.dbs.get(name)
        if tables is None:
            raise CDFError(404, f"Database not found: {name!r}", missing=[{"name": name}])
        return tables

    def table(self, db_name: str, table_name: str, *, ensure_parent: bool = False) -> _Table:
        """A table (404 when it or its database does not exist; created with ``ensure_parent``)."""
        if ensure_parent:
            _check_name(db_name, _DB_NAME_MAX, "database")
            _check_name(table_name, _TABLE_NAME_MAX, "table")
            return self.dbs.setdefault(db_name, {}).setdefault(table_name, _Table())
        table = self.db(db_name).get(table_name)
        if table is None:
            raise CDFError(404, f"Table not found: {table_name!r}", missing=[{"name": table_name}])
        return table

    def _names(self, body: Mapping[str, Any], verb: str, max_len: int, kind: str) -> list[str]:
        names = []
        for entry in self._items_of(body, verb):
            if not isinstance(entry, dict) or set(entry) != {"name"}:
                raise CDFError(400, f"Each item must be {{'name': string}}, got {entry!r}")
            names.append(_check_name(entry["name"], max_len, kind))
        dup = {n for n, count in Counter(names).items() if count > 1}
        if dup:
            raise CDFError(400, "Duplicate names in the request", duplicated=[{"name": n} for n in sorted(dup)])
        return names

    def _page_of_names(self, names: list[str], query: Query, kind: str) -> tuple[int, dict[str, Any]]:
        _only(query, "limit", "cursor")
        limit = _int_param(query, "limit", 25, 1, 1000)
        assert limit is not None
        start = 0 if query.get("cursor") is None else _decode_cursor(query["cursor"], kind)
        out: dict[str, Any] = {"items": [{"name": n} for n in names[start : start + limit]]}
        if start + limit < len(names):
            out["nextCursor"] = _encode_cursor(kind, start + limit)
        return 200, out

    # ----------------------------------------------------------------- databases
    def list_dbs(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``GET /raw/dbs``."""
        return self._page_of_names(list(self.dbs), query, "rawdbs")

    def create_dbs(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /raw/dbs``."""
        names = self._names(body, "dbs", _DB_NAME_MAX, "database")
        existing = [n for n in names if n in self.dbs]
        if existing:
            raise CDFError(400, "Databases already created", duplicated=[{"name": n} for n in existing])
        for name in names:
            self.dbs[name] = {}
        return 201, {"items": [{"name": n} for n in names]}

    def delete_dbs(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /raw/dbs/delete`` (``recursive`` also deletes tables)."""
        names = self._names(body, "dbs", _DB_NAME_MAX, "database")
        recursive = body.get("recursive", False)
        if not isinstance(recursive, bool):
            raise CDFError(400, f"'recursive' must be a boolean, got {recursive!r}")
        missing = [n for n in names if n not in self.dbs]
        if missing:
            raise CDFError(404, "Databases not found", missing=[{"name": n} for n in missing])
        not_empty = [n for n in names if self.dbs[n] and not recursive]
        if not_empty:
            raise CDFError(400, f"Databases are not empty (use recursive): {not_empty}")
        for name in names:
            del self.dbs[name]
        return 200, {}

    # ----------------------------------------------------------------- tables
    def list_tables(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``GET /raw/dbs/{dbName}/tables``."""
        return self._page_of_names(list(self.db(path["dbName"])), query, "rawtables")

    def create_tables(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /raw/dbs/{dbName}/tables`` (``ensureParent`` creates the database)."""
        _only(query, "ensureParent")
        names = self._names(body, "tables", _TABLE_NAME_MAX, "table")
        db_name = path["dbName"]
        if _bool_param(query, "ensureParent"):
            _check_name(db_name, _DB_NAME_MAX, "database")
            tables = self.dbs.setdefault(db_name, {})
        else:
            tables = self.db(db_name)
        existing = [n for n in names if n in tables]
        if existing:
            raise CDFError(400, "Tables already created", duplicated=[{"name": n} for n in existing])
        for name in names:
            tables[name] = _Table()
        return 201, {"items": [{"name": n} for n in names]}

    def delete_tables(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /raw/dbs/{dbName}/tables/delete``."""
        names = self._names(body, "tables", _TABLE_NAME_MAX, "table")
        tables = self.db(path["dbName"])
        missing = [n for n in names if n not in tables]
        if missing:
            raise CDFError(404, "Tables not found", missing=[{"name": n} for n in missing])
        for name in names:
            del tables[name]
        return 200, {}

    # ----------------------------------------------------------------- rows
    def insert_rows(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST .../rows``: upsert; a row's lastUpdatedTime changes only when its columns do."""
        _only(query, "ensureParent")
        items = self._items_of(body, "rows")
        checked: list[tuple[str, dict[str, Any]]] = []
        for entry in items:
            if not isinstance(entry, dict) or set(entry) - {"key", "columns"}:
                raise CDFError(400, f"Each row must be {{'key': string, 'columns': object}}, got {entry!r}")
            key, columns = entry.get("key"), entry.get("columns")
            if not isinstance(key, str) or not 1 <= len(key) <= _ROW_KEY_MAX:
                raise CDFError(400, f"Row keys must be strings of 1 to {_ROW_KEY_MAX} characters, got {key!r}")
            if not isinstance(columns, dict):
                raise CDFError(400, f"Row columns must be an object, got {columns!r} for key {key!r}")
            checked.append((key, columns))
        table = self.table(path["dbName"], path["tableName"], ensure_parent=_bool_param(query, "ensureParent"))
        now = self.project.clock()
        rows, order = table.rows, table.order
        for key, columns in checked:
            old = rows.get(key)
            if old is None:
                rows[key] = (len(order), {"key": key, "columns": columns, "lastUpdatedTime": now})
                order.append(key)
            elif old[1]["columns"] != columns:
                rows[key] = (old[0], {"key": key, "columns": columns, "lastUpdatedTime": now})
        return 200, {}

    def retrieve_row(self, path: Query, query: Query, body: Any) -> tuple[int, Item]:
        """``GET .../rows/{rowKey}``."""
        entry = self.table(path["dbName"], path["tableName"]).rows.get(path["rowKey"])
        if entry is None:
            raise CDFError(404, f"Row not found: {path['rowKey']!r}")
        return 200, entry[1]

    def delete_rows(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST .../rows/delete`` (keys that do not exist are ignored)."""
        items = self._items_of(body, "delete_rows")
        keys = []
        for entry in items:
            if not isinstance(entry, dict) or not isinstance(entry.get("key"), str) or len(entry) != 1:
                raise CDFError(400, f"Each item must be {{'key': string}}, got {entry!r}")
            keys.append(entry["key"])
        rows = self.table(path["dbName"], path["tableName"]).rows
        for key in keys:
            rows.pop(key, None)
        return 200, {}

    def list_rows(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``GET .../rows``: ``limit``, ``cursor``, ``columns``, and the lastUpdatedTime range (ignored with a
        cursor, which carries the range it was made for)."""
        _only(query, "limit", "cursor", "columns", "minLastUpdatedTime", "maxLastUpdatedTime")
        table = self.table(path["dbName"], path["tableName"])
        limit = _int_param(query, "limit", 25, 1, 10000)
        assert limit is not None
        if query.get("cursor"):
            pos, end, lo, hi = _decode_row_cursor(query["cursor"])
        else:
            pos, end = 0, None
            lo = _int_param(query, "minLastUpdatedTime", None, 0)
            hi = _int_param(query, "maxLastUpdatedTime", None, 0)
        selected = _columns(query.get("columns"))
        stop = len(table.order) if end is None else min(end, len(table.order))
        page: list[Item] = []
        next_pos: int | None = None
        while pos < stop:
            row = table.live(pos)
            if (
                row is not None
                and (lo is None or row["lastUpdatedTime"] > lo)
                and (hi is None or row["lastUpdatedTime"] <= hi)
            ):
                if len(page) == limit:
                    next_pos = pos
                    break
                page.append(row if selected is None else _project(row, selected))
            pos += 1
        out: dict[str, Any] = {"items": page}
        if next_pos is not None:
            out["nextCursor"] = _row_cursor(next_pos, end, lo, hi)
        return 200, out

    def row_cursors(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``GET .../cursors``: start cursors of ``numberOfCursors`` ranges of the table, for parallel reads."""
        _only(query, "numberOfCursors", "minLastUpdatedTime", "maxLastUpdatedTime")
        table = self.table(path["dbName"], path["tableName"])
        n = _int_param(query, "numberOfCursors", 10, 1, 10000)
        assert n is not None
        lo = _int_param(query, "minLastUpdatedTime", None, 0)
        hi = _int_param(query, "maxLastUpdatedTime", None, 0)
        size = len(table.order)
        bounds = [size * i // n for i in range(n + 1)]
        cursors = [_row_cursor(bounds[i], bounds[i + 1] if i < n - 1 else None, lo, hi) for i in range(n)]
        return 200, {"items": cursors}


def _check_name(name: Any, max_len: int, kind: str) -> str:
    if not isinstance(name, str) or not 1 <= len(name) <= max_len:
        raise CDFError(400, f"A {kind} name must be a string of 1 to {max_len} characters, got {name!r}")
    return name


def _columns(raw: str | None) -> list[str] | None:
    """The ``columns`` selection: None for all, [] for none (``","``), else the names in order."""
    if raw is None or raw == "":
        return None
    return [c for c in raw.split(",") if c]


def _project(row: Item, selected: list[str]) -> Item:
    columns = row["columns"]
    return {
        "key": row["key"],
        "columns": {c: columns[c] for c in selected if c in columns},
        "lastUpdatedTime": row["lastUpdatedTime"],
    }


_ROWS = "/{dbName}/tables/{tableName}/rows"

RAW = Family(
    name="raw",
    path="/raw/dbs",
    write_fields={},
    verbs=frozenset(),
    limits={"dbs": 1000, "tables": 1000, "rows": 10000, "delete_rows": 10000},
    routes={
        ("GET", ""): "list_dbs",
        ("POST", ""): "create_dbs",
        ("POST", "/delete"): "delete_dbs",
        ("GET", "/{dbName}/tables"): "list_tables",
        ("POST", "/{dbName}/tables"): "create_tables",
        ("POST", "/{dbName}/tables/delete"): "delete_tables",
        ("GET", _ROWS): "list_rows",
        ("POST", _ROWS): "insert_rows",
        ("POST", _ROWS + "/delete"): "delete_rows",
        ("GET", _ROWS + "/{rowKey}"): "retrieve_row",
        ("GET", "/{dbName}/tables/{tableName}/cursors"): "row_cursors",
    },
    store_cls=RawStore,
)

RAW_FAMILIES: tuple[Family, ...] = (RAW,)
