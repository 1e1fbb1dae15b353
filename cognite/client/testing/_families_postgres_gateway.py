"""Emulator table entry for the Postgres gateway: users (``/postgresgateway``) and their custom tables
(``/postgresgateway/tables/{username}``), served by one store.

Users are a generic family keyed by user name (kept as the external id of the generic store, answered as
``username``). What the emulator makes up (canned, deterministic):

* a created user's name is ``emu_user_<n>`` (n counts up per project), its password a digest of the project, the user
  name and the nonce, its host ``fdw.emulator.local``; every nonce (on create or a credentials update) gives a fresh
  ``sessionId`` (the emulator does not keep the nonces of ``/sessions``);
* a view table's columns are ``space`` and ``external_id`` (TEXT): the emulator does not read the view's properties;
* ``includeBuiltIns`` lists the built-in tables ``assets``, ``events``, ``files``, ``sequences`` and ``timeseries``
  (type ``built_in``) after the user's own; their names cannot be used for custom tables.

Tables are answered with ``createdTime`` when created, without it when listed or retrieved (as the spec says); a
table on a view is answered with type ``view`` when created and ``nodes`` when listed or retrieved (the spec's
``TableType`` has no ``view``: the emulator assumes views of nodes).
Deleting a user deletes its tables.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import Item
from cognite.client.testing._store import Family, Hooks, Project, ResourceStore, _decode_cursor, _encode_cursor

__all__ = ["POSTGRES_GATEWAY_FAMILIES"]

_HOST = "fdw.emulator.local"
_COLUMN_TYPES = frozenset({
    "TEXT", "VARCHAR", "BOOL", "BIGINT", "DOUBLE PRECISION", "REAL", "TIMESTAMPTZ", "JSON", "TEXT[]", "VARCHAR[]",
    "BOOL[]", "BIGINT[]", "DOUBLE PRECISION[]", "REAL[]", "JSON[]", "BYTEA",
})  # fmt: skip
_BUILT_IN_COLUMNS = {"id": {"type": "BIGINT"}, "external_id": {"type": "TEXT"}, "name": {"type": "TEXT"}}
_BUILT_INS: dict[str, Item] = {
    name: {"type": "built_in", "tablename": name, "columns": dict(_BUILT_IN_COLUMNS)}
    for name in ("assets", "events", "files", "sequences", "timeseries")
}
_TABLE_LIMIT = 10


def _names(body: Any, key: str, maximum: int) -> list[str]:
    items = body.get("items") if isinstance(body, dict) else None
    if not isinstance(items, list) or not 1 <= len(items) <= maximum:
        raise CDFError(400, f"items must be a list of 1 to {maximum} objects")
    names = []
    for entry in items:
        if not isinstance(entry, dict) or set(entry) != {key} or not isinstance(entry[key], str):
            raise CDFError(400, f"Each item must be {{'{key}': string}}, got {entry!r}")
        names.append(entry[key])
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise CDFError(400, "Duplicated identifiers in the request", duplicated=[{key: n} for n in dup])
    return names


class PostgresGatewayStore(ResourceStore):
    """Postgres gateway users (generic items, the user name as external id) and their tables."""

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        self.tables: dict[str, dict[str, Item]] = {}
        self.created_users = 0

    # ----------------------------------------------------------------- users
    def public(self, items: list[Item]) -> list[Item]:
        """Users as answered."""
        keys = ("createdTime", "lastUpdatedTime", "sessionId")
        return [{"username": it["externalId"], **{k: it[k] for k in keys if k in it}} for it in items]

    def _session(self, credentials: Any) -> int:
        if (
            not isinstance(credentials, dict)
            or not isinstance(credentials.get("nonce"), str)
            or not credentials["nonce"]
        ):
            raise CDFError(400, "credentials must be {'nonce': string}")
        return self.new_id()

    def create(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /postgresgateway``: one user; its password is answered this once."""
        (entry,) = self._items_of(body, "create")
        if not isinstance(entry, dict) or set(entry) != {"credentials"}:
            raise CDFError(400, "A user is {'credentials': {'nonce': string}}")
        session_id = self._session(entry["credentials"])
        self.created_users += 1
        username = f"emu_user_{self.created_users}"
        (item,) = self._insert([{"externalId": username, "sessionId": session_id}], self.project.clock())
        digest = hashlib.sha256(f"{self.project.name}:{username}:{entry['credentials']['nonce']}".encode())
        created = {"host": _HOST, **self.public([item])[0], "password": digest.hexdigest()[:32]}
        return 200, {"items": [created]}

    def _refs(self, body: Mapping[str, Any], verb: str) -> dict[str, Any]:
        limit = self.family.limits[verb]
        names = _names(body, "username", limit)
        if not body.get("ignoreUnknownIds"):
            missing = [{"username": n} for n in names if n not in self.by_xid]
            if missing:
                raise CDFError(400, "Users not found", missing=missing)
        return {"items": [{"externalId": n} for n in names], "ignoreUnknownIds": True}

    def byids(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /postgresgateway/byids``."""
        return super().byids(self._refs(body, "byids"))

    def delete(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /postgresgateway/delete`` (the user's tables go with it)."""
        refs = self._refs(body, "delete")
        status, out = super().delete(refs)
        for ref in refs["items"]:
            self.tables.pop(ref["externalId"], None)
        return status, out

    def update(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /postgresgateway/update``: new credentials give a new session."""
        raw = self._items_of(body, "update")
        items = []
        for entry in raw:
            if not isinstance(entry, dict) or not isinstance(entry.get("username"), str):
                raise CDFError(400, f"Each update needs a username and an update, got {entry!r}")
            if entry["username"] not in self.by_xid:
                raise CDFError(400, "Users not found", missing=[{"username": entry["username"]}])
            items.append({"externalId": entry["username"], "update": entry.get("update")})
        return super().update({"items": items})

    # ----------------------------------------------------------------- tables
    def _user_tables(self, username: str) -> dict[str, Item]:
        if username not in self.by_xid:
            raise CDFError(404, f"User not found: {username!r}", missing=[{"username": username}])
        return self.tables.setdefault(username, {})

    @staticmethod
    def _view_columns(options: Mapping[str, Any]) -> dict[str, Any]:
        return {"space": {"type": "TEXT"}, "external_id": {"type": "TEXT"}}

    def _check_table(self, entry: Any, existing: Mapping[str, Item]) -> Item:
        if not isinstance(entry, dict):
            raise CDFError(400, f"Each table must be an object, got {entry!r}")
        name = entry.get("tablename")
        if not isinstance(name, str) or not 1 <= len(name) <= 60:
            raise CDFError(400, f"tablename must be a string of 1 to 60 characters, got {name!r}")
        if name in _BUILT_INS:
            raise CDFError(400, f"{name!r} is the name of a built-in table")
        options = entry.get("options")
        kind = entry.get("type")
        if kind == "raw_rows":
            if not isinstance(options, dict) or not {"database", "table"} <= set(options):
                raise CDFError(400, "A raw_rows table needs options {database, table[, primaryKey]}")
            columns = entry.get("columns")
            if not isinstance(columns, dict):
                raise CDFError(400, "A raw_rows table needs columns")
            for col, spec in columns.items():
                if not isinstance(spec, dict) or spec.get("type") not in _COLUMN_TYPES:
                    raise CDFError(400, f"Invalid type of column {col!r}: {spec!r}")
        elif kind == "view":
            if not isinstance(options, dict) or not {"space", "externalId"} <= set(options):
                raise CDFError(400, "A view table needs options {space, externalId[, version]}")
            columns = self._view_columns(options)
        else:
            raise CDFError(400, f"Unknown table type {kind!r}")
        return {"type": kind, "tablename": name, "options": dict(options), "columns": columns}

    def create_tables(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /postgresgateway/tables/{username}``: up to 10 tables."""
        tables = self._user_tables(params["username"])
        items = body.get("items") if isinstance(body, dict) else None
        if not isinstance(items, list) or not 1 <= len(items) <= _TABLE_LIMIT:
            raise CDFError(400, f"items must be a list of 1 to {_TABLE_LIMIT} tables")
        new = [self._check_table(entry, tables) for entry in items]
        names = [t["tablename"] for t in new]
        clash = sorted({n for n in names if n in tables or names.count(n) > 1})
        if clash:
            raise CDFError(409, "Tables already exist", duplicated=[{"tablename": n} for n in clash])
        now = self.project.clock()
        for table in new:
            table["createdTime"] = now
            tables[table["tablename"]] = table
        return 200, {"items": [dict(t) for t in new]}

    @staticmethod
    def _listed(table: Item) -> Item:
        """A table as listed or retrieved: without ``createdTime``, a table on a view typed ``nodes``."""
        out = {k: v for k, v in table.items() if k != "createdTime"}
        if out["type"] == "view":
            out["type"] = "nodes"
        return out

    def list_tables(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /postgresgateway/tables/{username}`` (``includeBuiltIns`` adds the built-in tables)."""
        tables = self._user_tables(params["username"])
        unknown = sorted(set(query) - {"limit", "cursor", "includeBuiltIns"})
        if unknown:
            raise CDFError(400, f"Unrecognized query parameter(s) {unknown}")
        try:
            limit = int(query.get("limit", "100"))
        except ValueError:
            raise CDFError(400, f"Invalid limit {query.get('limit')!r}") from None
        if not 1 <= limit <= 100:
            raise CDFError(400, f"limit must be between 1 and 100, got {limit}")
        every = [self._listed(t) for t in tables.values()]
        if query.get("includeBuiltIns") == "true":
            every += [dict(t) for t in _BUILT_INS.values()]
        start = 0 if query.get("cursor") is None else _decode_cursor(query["cursor"], "t")
        out: dict[str, Any] = {"items": every[start : start + limit]}
        if start + limit < len(every):
            out["nextCursor"] = _encode_cursor("t", start + limit)
        return 200, out

    def _table_refs(self, params: Mapping[str, str], body: Any) -> tuple[dict[str, Item], list[str]]:
        tables = self._user_tables(params["username"])
        names = _names(body, "tablename", _TABLE_LIMIT)
        if not body.get("ignoreUnknownIds"):
            missing = [{"tablename": n} for n in names if n not in tables]
            if missing:
                raise CDFError(400, "Tables not found", missing=missing)
        return tables, [n for n in names if n in tables]

    def tables_byids(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /postgresgateway/tables/{username}/byids``."""
        tables, names = self._table_refs(params, body)
        return 200, {"items": [self._listed(tables[n]) for n in names]}

    def delete_tables(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /postgresgateway/tables/{username}/delete``."""
        tables, names = self._table_refs(params, body)
        for name in names:
            del tables[name]
        return 200, {}


class _UserHooks(Hooks):
    def apply_update(self, store: ResourceStore, item: Item, name: str, op: Mapping[str, Any]) -> bool:
        assert isinstance(store, PostgresGatewayStore)
        if set(op) != {"set"}:
            raise CDFError(400, f"Invalid update for '{name}': {dict(op)!r}")
        item["sessionId"] = store._session(op["set"])
        return True


POSTGRES_GATEWAY_FAMILY = Family(
    name="postgres_gateway",
    path="/postgresgateway",
    write_fields={},
    updates={"credentials": "value"},
    verbs=frozenset({"create", "list", "byids", "update", "delete"}),
    internal_id=False,
    create_status=200,
    list_limit=(100, 100),
    limits={"create": 1, "byids": 10, "update": 1, "delete": 1},
    hooks=_UserHooks(),
    store_cls=PostgresGatewayStore,
    routes={
        ("GET", "/tables/{username}"): "list_tables",
        ("POST", "/tables/{username}"): "create_tables",
        ("POST", "/tables/{username}/byids"): "tables_byids",
        ("POST", "/tables/{username}/delete"): "delete_tables",
    },
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
POSTGRES_GATEWAY_FAMILIES: tuple[Family, ...] = (POSTGRES_GATEWAY_FAMILY,)
