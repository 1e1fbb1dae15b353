"""Emulator table entry for extraction pipelines (``/extpipes``), with their runs and configuration revisions.

The pipelines themselves are a generic :class:`~cognite.client.testing._store.Family` (create, list, byids,
update, delete); :class:`ExtPipesStore` adds the routes of runs and configs, kept per pipeline (by internal id, so
they follow a pipeline whose external id changes, and go when it is deleted).

Behaviour, as CDF's:

* A pipeline's data set must exist.
* A run updates its pipeline: every run sets ``lastSeen``; a success sets ``lastSuccess``; a failure sets
  ``lastFailure`` and ``lastMessage`` (each to the latest run time reported, so a late report of an old run does not
  move them back). Runs list newest first.
* Config revisions count up from 1 per pipeline; a revert copies an earlier revision into a new one. A config is read
  by revision, as active at a time (the latest made at or before it), or the latest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._families import eq, metadata, prefix, refs, time_range
from cognite.client.testing._filters import Item, LegacyFilter, Predicate
from cognite.client.testing._store import Family, Hooks, ResourceStore, _decode_cursor, _encode_cursor

__all__ = ["EXTPIPES", "EXTPIPES_FAMILIES", "ExtPipesHooks", "ExtPipesStore"]

RUN_STATUSES = frozenset({"success", "failure", "seen"})
_MESSAGE_MAX = 1000
_PAGE = (100, 1000)  # default and maximum ``limit`` of runs and config revisions
#: The list fields of a pipeline, and what makes two of their elements the same.
_LIST_KEYS: dict[str, Callable[[Any], Any]] = {
    "rawTables": lambda t: (t.get("dbName"), t.get("tableName")) if isinstance(t, dict) else t,
    "contacts": lambda c: tuple(sorted(c.items())) if isinstance(c, dict) else c,
}
_NULLABLE = frozenset({"description", "schedule", "source", "documentation"})
Query = Mapping[str, str]


def contains_all(field: str) -> LegacyFilter:
    """Filter: the item's list field holds every given element (raw tables, contacts)."""
    key = _LIST_KEYS[field]

    def make(value: Any, store: ResourceStore) -> Predicate:
        if not isinstance(value, list):
            raise CDFError(400, f"Filter on '{field}' needs a list")
        wanted = {key(v) for v in value}
        return lambda item: wanted <= {key(v) for v in item.get(field) or ()}

    return make


class ExtPipesHooks(Hooks):
    """Pipelines refer to existing data sets; list fields add/remove objects; deleting a pipeline drops its runs."""

    @staticmethod
    def _check_data_sets(store: ResourceStore, ids: list[Any]) -> None:
        data_sets = store.project.stores.get("datasets")
        missing = [{"id": i} for i in dict.fromkeys(ids) if data_sets is None or i not in data_sets.items]
        if missing:
            raise CDFError(400, "Data sets not found", missing=missing)

    def prepare_create(self, store: ResourceStore, new: list[Item]) -> None:
        """Reject pipelines in data sets that do not exist."""
        self._check_data_sets(store, [it["dataSetId"] for it in new])

    def apply_update(self, store: ResourceStore, item: Item, name: str, op: Mapping[str, Any]) -> bool:
        """``set: null`` clears a nullable field (the spec's way); list fields add/remove whole objects."""
        if name in _NULLABLE and op == {"set": None}:
            item.pop(name, None)
            return True
        if name == "dataSetId" and "set" in op:
            self._check_data_sets(store, [op["set"]])
            return False
        if name not in _LIST_KEYS:
            return False
        key = _LIST_KEYS[name]
        for opname, value in op.items():
            if opname not in ("set", "add", "remove") or not isinstance(value, list | None):
                raise CDFError(400, f"Invalid update of '{name}': {op!r}")
        if "set" in op and len(op) > 1:
            raise CDFError(400, f"'set' cannot be combined with other operations for '{name}'")
        current = list(op["set"] or []) if "set" in op else list(item.get(name) or [])
        removed = {key(v) for v in op.get("remove") or ()}
        current = [v for v in current if key(v) not in removed]
        present = {key(v) for v in current}
        for value in op.get("add") or ():
            if key(value) not in present:
                present.add(key(value))
                current.append(value)
        if current:
            item[name] = current
        else:
            item.pop(name, None)
        return True

    def after_delete(self, store: ResourceStore, removed: list[Item]) -> None:
        """Drop the runs and config revisions of deleted pipelines."""
        for item in removed:
            store.state.setdefault("runs", {}).pop(item["id"], None)
            store.state.setdefault("configs", {}).pop(item["id"], None)


def _int_query(query: Query, name: str, default: int | None, lo: int, hi: int | None = None) -> int | None:
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


def _only(query: Query, *allowed: str) -> None:
    unknown = sorted(set(query) - set(allowed))
    if unknown:
        raise CDFError(400, f"Unrecognized query parameter(s) {unknown}")


def _limit(value: Any) -> int:
    if value is None:
        return _PAGE[0]
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= _PAGE[1]:
        raise CDFError(400, f"limit must be an integer between 1 and {_PAGE[1]}, got {value!r}")
    return value


def _page(items: list[Item], limit: int, cursor: Any, kind: str) -> dict[str, Any]:
    start = 0 if cursor is None else _decode_cursor(cursor, kind)
    out: dict[str, Any] = {"items": items[start : start + limit]}
    if start + limit < len(items):
        out["nextCursor"] = _encode_cursor(kind, start + limit)
    return out


class ExtPipesStore(ResourceStore):
    """Extraction pipelines of one project, with their runs and config revisions."""

    # ----------------------------------------------------------------- helpers
    def pipeline(self, external_id: Any) -> Item:
        """The pipeline with an external id (400 listing it as missing when there is none)."""
        if not isinstance(external_id, str) or not external_id:
            raise CDFError(400, f"Invalid externalId {external_id!r}")
        item = self.get({"externalId": external_id})
        if item is None:
            raise CDFError(400, "Extraction pipeline not found", missing=[{"externalId": external_id}])
        return item

    def _runs(self, pipeline: Item) -> list[Item]:
        runs: dict[int, list[Item]] = self.state.setdefault("runs", {})
        return runs.setdefault(pipeline["id"], [])

    def _configs(self, pipeline: Item) -> list[Item]:
        configs: dict[int, list[Item]] = self.state.setdefault("configs", {})
        return configs.setdefault(pipeline["id"], [])

    def retrieve_route(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /extpipes/{id}``."""
        _only(query)
        return self.retrieve(params["id"])

    # ----------------------------------------------------------------- runs
    def create_runs(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /extpipes/runs``: report runs; all or nothing; each updates its pipeline's last times."""
        _only(query)
        entries = self._items_of(body, "create")
        now = self.project.clock()
        planned: list[tuple[Item, Item]] = []
        missing: list[dict[str, Any]] = []
        for entry in entries:
            if not isinstance(entry, dict):
                raise CDFError(400, f"Each run must be an object, got {entry!r}")
            unknown = set(entry) - {"externalId", "status", "message", "createdTime"}
            if unknown:
                raise CDFError(400, f"Unrecognized field(s) {sorted(unknown)} of a run")
            if entry.get("status") not in RUN_STATUSES:
                raise CDFError(400, f"status must be one of {sorted(RUN_STATUSES)}, got {entry.get('status')!r}")
            message, created = entry.get("message"), entry.get("createdTime")
            if message is not None and (not isinstance(message, str) or len(message) > _MESSAGE_MAX):
                raise CDFError(400, f"message must be a string of at most {_MESSAGE_MAX} characters")
            if created is not None and (isinstance(created, bool) or not isinstance(created, int) or created < 0):
                raise CDFError(400, f"createdTime must be a non-negative integer, got {created!r}")
            xid = entry.get("externalId")
            pipeline = self.get({"externalId": xid}) if isinstance(xid, str) and xid else None
            if pipeline is None:
                missing.append({"externalId": xid})
                continue
            run: Item = {
                "id": self._next_run_id(),
                "status": entry["status"],
                "createdTime": now if created is None else created,
            }
            if message is not None:
                run["message"] = message
            planned.append((pipeline, run))
        if missing:
            raise CDFError(400, "Extraction pipelines not found", missing=missing)
        out = []
        for pipeline, run in planned:
            self._runs(pipeline).append(run)
            self._record(pipeline, run)
            out.append({**run, "externalId": pipeline["externalId"]})
        return 200, {"items": out}

    def _next_run_id(self) -> int:
        self.state["run_seq"] = self.state.get("run_seq", 0) + 1
        return int(self.state["run_seq"])

    def _record(self, pipeline: Item, run: Item) -> None:
        """Move the pipeline's last seen/success/failure times forward to the run's time."""
        item = dict(self.items[pipeline["id"]])
        at = run["createdTime"]
        if at >= item.get("lastSeen", -1):
            item["lastSeen"] = at
        if run["status"] == "success" and at >= item.get("lastSuccess", -1):
            item["lastSuccess"] = at
        if run["status"] == "failure" and at >= item.get("lastFailure", -1):
            item["lastFailure"] = at
            if "message" in run:
                item["lastMessage"] = run["message"]
            else:
                item.pop("lastMessage", None)
        self.items[pipeline["id"]] = item

    def _list_runs(self, flt: Mapping[str, Any], limit: Any, cursor: Any) -> tuple[int, Any]:
        pipeline = self.pipeline(flt.get("externalId"))
        preds: list[Callable[[Item], bool]] = []
        statuses = flt.get("statuses")
        if statuses is not None:
            if not isinstance(statuses, list) or not set(statuses) <= RUN_STATUSES:
                raise CDFError(400, f"statuses must be a list of {sorted(RUN_STATUSES)}, got {statuses!r}")
            wanted = set(statuses)
            preds.append(lambda run: run["status"] in wanted)
        if flt.get("createdTime") is not None:
            preds.append(time_range("createdTime")(flt["createdTime"], self))
        message = flt.get("message")
        if message is not None:
            if not isinstance(message, dict) or not isinstance(message.get("substring", ""), str):
                raise CDFError(400, f"message must be {{'substring': string}}, got {message!r}")
            needle = str(message.get("substring", "")).casefold()
            preds.append(lambda run: needle in str(run.get("message", "")).casefold())
        runs = [r for r in self._runs(pipeline) if all(p(r) for p in preds)]
        newest_first = sorted(runs, key=lambda r: (-r["createdTime"], -r["id"]))
        return 200, _page(newest_first, _limit(limit), cursor, "runs")

    def list_runs_get(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /extpipes/runs?externalId=...``: the runs of a pipeline, newest first."""
        _only(query, "externalId", "limit", "cursor")
        limit = _int_query(query, "limit", None, 1, _PAGE[1])
        return self._list_runs({"externalId": query.get("externalId")}, limit, query.get("cursor"))

    def list_runs(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /extpipes/runs/list``: the runs of a pipeline matching a filter, newest first."""
        _only(query)
        flt = body.get("filter")
        if not isinstance(flt, dict):
            raise CDFError(400, "The request body needs a 'filter' object with 'externalId'")
        unknown = set(flt) - {"externalId", "statuses", "createdTime", "message"}
        if unknown:
            raise CDFError(400, f"Unrecognized filter(s) {sorted(unknown)} of runs")
        return self._list_runs(flt, body.get("limit"), body.get("cursor"))

    # ----------------------------------------------------------------- configs
    def _new_revision(self, pipeline: Item, config: Any, description: Any) -> Item:
        configs = self._configs(pipeline)
        revision: Item = {
            "externalId": pipeline["externalId"],
            "revision": configs[-1]["revision"] + 1 if configs else 1,
            "createdTime": self.project.clock(),
        }
        if config is not None:
            revision["config"] = config
        if description is not None:
            revision["description"] = description
        configs.append(revision)
        return revision

    def create_config(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /extpipes/config``: a new revision, one above the latest."""
        _only(query)
        unknown = set(body) - {"externalId", "config", "description"}
        if unknown:
            raise CDFError(400, f"Unrecognized field(s) {sorted(unknown)} of a config")
        for name in ("config", "description"):
            if body.get(name) is not None and not isinstance(body[name], str):
                raise CDFError(400, f"'{name}' must be a string")
        pipeline = self.pipeline(body.get("externalId"))
        return 200, self._new_revision(pipeline, body.get("config"), body.get("description"))

    def _revision(self, pipeline: Item, revision: int) -> Item:
        found = next((c for c in self._configs(pipeline) if c["revision"] == revision), None)
        if found is None:
            raise CDFError(400, f"Config revision {revision} of {pipeline['externalId']!r} not found")
        return found

    def get_config(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /extpipes/config``: a revision by number, the one active at a time, or the latest."""
        _only(query, "externalId", "revision", "activeAtTime")
        pipeline = self.pipeline(query.get("externalId"))
        revision = _int_query(query, "revision", 0, 0)
        active_at = _int_query(query, "activeAtTime", 0, 0)
        configs = self._configs(pipeline)
        if revision:
            return 200, self._revision(pipeline, revision)
        if active_at:
            active = [c for c in configs if c["createdTime"] <= active_at]
            if not active:
                raise CDFError(400, f"No config of {pipeline['externalId']!r} was active at {active_at}")
            return 200, active[-1]
        if not configs:
            raise CDFError(400, f"Extraction pipeline {pipeline['externalId']!r} has no config")
        return 200, configs[-1]

    def list_config_revisions(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /extpipes/config/revisions``: the revisions (without content), newest first."""
        _only(query, "externalId", "limit", "cursor")
        pipeline = self.pipeline(query.get("externalId"))
        limit = _limit(_int_query(query, "limit", None, 1, _PAGE[1]))
        revisions = [{k: v for k, v in c.items() if k != "config"} for c in reversed(self._configs(pipeline))]
        return 200, _page(revisions, limit, query.get("cursor"), "revisions")

    def revert_config(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /extpipes/config/revert``: copy an earlier revision into a new (latest) one."""
        _only(query)
        pipeline = self.pipeline(body.get("externalId"))
        revision = body.get("revision")
        if isinstance(revision, bool) or not isinstance(revision, int):
            raise CDFError(400, f"revision must be an integer, got {revision!r}")
        old = self._revision(pipeline, revision)
        return 200, self._new_revision(pipeline, old.get("config"), old.get("description"))


EXTPIPES = Family(
    name="extpipes",
    path="/extpipes",
    write_fields={
        "externalId": str,
        "name": str,
        "description": str,
        "dataSetId": int,
        "rawTables": list,
        "schedule": str,
        "contacts": list,
        "metadata": dict,
        "source": str,
        "documentation": str,
        "notificationConfig": dict,
        "createdBy": str,
    },
    required=("externalId", "name", "dataSetId"),
    updates={
        "externalId": "value",
        "name": "value",
        "description": "nullable",
        "dataSetId": "value",
        "schedule": "nullable",
        "rawTables": "list",
        "contacts": "list",
        "metadata": "object",
        "source": "nullable",
        "documentation": "nullable",
        "notificationConfig": "value",
    },
    filters={
        "externalIdPrefix": prefix("externalId"),
        "name": eq("name"),
        "description": eq("description"),
        "dataSetIds": refs("dataSetId", "datasets"),
        "schedule": eq("schedule"),
        "contacts": contains_all("contacts"),
        "rawTables": contains_all("rawTables"),
        "metadata": metadata(),
        "source": eq("source"),
        "documentation": eq("documentation"),
        "createdBy": eq("createdBy"),
        "createdTime": time_range("createdTime"),
        "lastUpdatedTime": time_range("lastUpdatedTime"),
    },
    limits={"create": 1000, "byids": 1000, "update": 1000, "delete": 1000},
    create_status=200,
    verbs=frozenset({"create", "list", "byids", "update", "delete"}),
    hooks=ExtPipesHooks(),
    store_cls=ExtPipesStore,
    routes={
        ("GET", "/{id}"): "retrieve_route",
        ("POST", "/runs"): "create_runs",
        ("GET", "/runs"): "list_runs_get",
        ("POST", "/runs/list"): "list_runs",
        ("POST", "/config"): "create_config",
        ("GET", "/config"): "get_config",
        ("GET", "/config/revisions"): "list_config_revisions",
        ("POST", "/config/revert"): "revert_config",
    },
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
EXTPIPES_FAMILIES: tuple[Family, ...] = (EXTPIPES,)
