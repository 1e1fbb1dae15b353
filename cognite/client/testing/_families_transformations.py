"""Emulator table entries for transformations (``/transformations``): transformations, their jobs, schedules,
notifications, destination schemas, previews and external data sources.

Behaviour:

* **Credentials never come back.** OIDC credentials are kept out of the stored item (``hasSourceOidcCredentials`` /
  ``hasDestinationOidcCredentials`` tell whether there are some); a nonce becomes ``sourceSession`` /
  ``destinationSession`` (session id, project). Every transformation is owned by the caller (``owner``
  ``"emulator-user"``, ``ownerIsCurrentUser`` true), so ``includePublic`` / ``isPublic`` in list requests change
  nothing. List, filter and byids answers carry the transformation's ``schedule``, ``runningJob`` and
  ``lastFinishedJob`` (whatever ``withJobDetails`` says).
* **Jobs move one step each time they are read.** ``POST /run`` answers a job ``Created``; every answer of
  ``GET /transformations/jobs`` or ``POST /transformations/jobs/byids`` that shows the job first moves it one step:
  ``Created`` -> ``Running`` (``startedTime``) -> ``Completed`` (``finishedTime``) or ``Failed``. So a client
  polling a job sees ``Running`` on its first poll and the end on its second, with no clock involved. A job finishes
  by running the query with the emulator's SQL subset (:mod:`cognite.client.testing._transformations_sql`): a query
  outside it, or an empty one, fails the job with the reason in ``error``. A RAW destination is really written
  (``key`` column required; the other columns become the row's columns; conflict mode ``delete`` deletes the keys).
  Assets (and asset hierarchies, rows in the order given), events, time series, sequences, relationships, data sets
  and labels are written through their stores, with their checks: ``abort`` creates, ``update`` updates (by ``id``
  or ``externalId``; every row must exist), ``upsert`` does either, ``delete`` deletes (unknown ones ignored);
  columns are the resources' wire fields, a null sets the field to null unless ``ignoreNullFields``. Other
  destinations (datapoints, files, sequence rows, data modeling) are not written; their rows are only counted. Metrics of a finished job: ``requests`` (1) and
  ``<destination type>.<upserted|updated|created|deleted>`` (the rows). A second run while a job runs answers 409;
  ``/cancel`` fails the running job (``error`` ``"Job cancelled by the user"``), and answers 400 when none runs.
* **Previews** (``/query/run``) run the SQL subset on the emulator's RAW tables; a query outside it answers 400.
* **Schemas** (``/schema/{type}``) are tables of the columns per destination type; ``conflictMode=delete`` gives the
  identifiers only. ``/schema/sequence_rows`` gives ``externalId``, ``rowNumber`` and the sequence's columns;
  ``/schema/instances`` gives ``externalId`` (and ``space`` when ``withInstanceSpace``), ``startNode``/``endNode`` for
  edges, and the properties of the view when the emulator knows it.
* **Schedules** and **notifications** belong to a transformation (named by ``id`` or ``externalId``; the schedule's
  id and external id are the transformation's) and go when it is deleted.
* **External data sources** (``/transformations/externaldata``, not in the spec: described by a spec erratum) are
  keyed by external id; a create of an existing one replaces it; the client secret is never answered. ``/usability``
  gives a ``usableVersion`` for a data source that exists.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._families import refs, time_range
from cognite.client.testing._filters import Item, LegacyFilter, Predicate
from cognite.client.testing._store import Family, Hooks, ResourceStore, _decode_cursor, _encode_cursor
from cognite.client.testing._transformations_sql import UnsupportedQuery, column_schema, run_query

__all__ = [
    "EXTERNAL_DATA",
    "TRANSFORMATIONS",
    "TRANSFORMATIONS_FAMILIES",
    "TRANSFORMATION_NOTIFICATIONS",
    "TRANSFORMATION_SCHEDULES",
    "TransformationsStore",
]

Query = Mapping[str, str]
OWNER = "emulator-user"
ASSET_CENTRIC = frozenset(
    {"assets", "events", "asset_hierarchy", "datapoints", "string_datapoints", "timeseries", "sequences", "files",
     "labels", "relationships", "data_sets"}
)  # fmt: skip
DESTINATION_TYPES = ASSET_CENTRIC | {"raw", "sequence_rows", "nodes", "edges", "instances"}
CONFLICT_MODES = frozenset({"abort", "delete", "update", "upsert"})
#: Destinations written through the emulator's resource stores (destination type -> store).
_RESOURCE_STORES = {"assets": "assets", "asset_hierarchy": "assets", "events": "events", "timeseries": "timeseries",
                    "sequences": "sequences", "relationships": "relationships", "data_sets": "datasets",
                    "labels": "labels"}  # fmt: skip
_WRITTEN = {"upsert": "upserted", "update": "updated", "abort": "created", "delete": "deleted"}
_PAGE = (100, 1000)


def _only(query: Query, *allowed: str) -> None:
    unknown = sorted(set(query) - set(allowed))
    if unknown:
        raise CDFError(400, f"Unrecognized query parameter(s) {unknown}")


def _int(raw: str | None, name: str, default: int | None = None, lo: int = 1, hi: int | None = None) -> int | None:
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise CDFError(400, f"Invalid value for '{name}': {raw!r}") from None
    if value < lo or (hi is not None and value > hi):
        raise CDFError(400, f"'{name}' must be between {lo} and {hi}, got {value}")
    return value


def _check_destination(dest: Any) -> None:
    if not isinstance(dest, dict) or dest.get("type") not in DESTINATION_TYPES:
        raise CDFError(400, f"Invalid destination {dest!r}: type must be one of {sorted(DESTINATION_TYPES)}")
    kind = dest["type"]
    if kind == "raw" and not (isinstance(dest.get("database"), str) and isinstance(dest.get("table"), str)):
        raise CDFError(400, "A raw destination needs 'database' and 'table'")
    if kind == "sequence_rows" and not isinstance(dest.get("externalId"), str):
        raise CDFError(400, "A sequence_rows destination needs 'externalId'")
    if kind == "instances" and not isinstance(dest.get("dataModel"), dict):
        raise CDFError(400, "An instances destination needs 'dataModel'")


class TransformationsHooks(Hooks):
    """Checks of transformations; credentials kept out of the item; schedules, notifications and jobs follow."""

    @staticmethod
    def _credentials(store: ResourceStore, item: Item, side: str, value: Any) -> None:
        key = f"{side}OidcCredentials"
        secrets: dict[tuple[int, str], Any] = store.state.setdefault("credentials", {})
        if value is None:
            secrets.pop((item["id"], side), None)
            item[f"has{side.capitalize()}OidcCredentials"] = False
        else:
            if not isinstance(value, dict) or not all(
                isinstance(value.get(k), str) for k in ("clientId", "clientSecret")
            ):
                raise CDFError(400, f"Invalid {key}: clientId and clientSecret are required")
            secrets[(item["id"], side)] = dict(value)
            item[f"has{side.capitalize()}OidcCredentials"] = True
        item.pop(key, None)

    @staticmethod
    def _nonce(store: ResourceStore, item: Item, side: str, value: Any) -> None:
        item.pop(f"{side}Nonce", None)
        if value is None:
            item.pop(f"{side}Session", None)
            return
        if not isinstance(value, dict) or not isinstance(value.get("sessionId"), int) or not value.get("nonce"):
            raise CDFError(400, f"Invalid {side}Nonce: sessionId and nonce are required")
        session: dict[str, Any] = {"sessionId": value["sessionId"], "projectName": value.get("cdfProjectName")}
        sessions = store.project.stores.get("sessions")
        found = sessions.items.get(value["sessionId"]) if sessions is not None else None
        if found is not None and found.get("clientId"):
            session["clientId"] = found["clientId"]
        item[f"{side}Session"] = {k: v for k, v in session.items() if v is not None}

    def _check(self, store: ResourceStore, item: Item) -> None:
        _check_destination(item.get("destination"))
        if item.get("conflictMode") not in CONFLICT_MODES:
            raise CDFError(
                400, f"conflictMode must be one of {sorted(CONFLICT_MODES)}, got {item.get('conflictMode')!r}"
            )
        tags = item.get("tags")
        if tags is not None and (len(tags) > 5 or not all(isinstance(t, str) and 1 <= len(t) <= 35 for t in tags)):
            raise CDFError(400, "tags must be at most 5 strings of 1 to 35 characters")
        if item.get("dataSetId") is not None:
            data_sets = store.project.stores.get("datasets")
            if data_sets is None or item["dataSetId"] not in data_sets.items:
                raise CDFError(400, "Data sets not found", missing=[{"id": item["dataSetId"]}])

    def prepare_create(self, store: ResourceStore, new: list[Item]) -> None:
        """Fill in what CDF fills in, check, and keep credentials out of the items."""
        for item in new:
            item.setdefault("owner", OWNER)
            item.setdefault("ownerIsCurrentUser", True)
            self._check(store, item)
            for side in ("source", "destination"):
                self._credentials(store, item, side, item.get(f"{side}OidcCredentials"))
                self._nonce(store, item, side, item.get(f"{side}Nonce"))

    def apply_update(self, store: ResourceStore, item: Item, name: str, op: Mapping[str, Any]) -> bool:
        """Credentials and nonces: set (kept out of the item) or setNull; other fields: checked after the update."""
        for side in ("source", "destination"):
            if name in (f"{side}OidcCredentials", f"{side}Nonce"):
                if set(op) - {"set", "setNull"} or not op:
                    raise CDFError(400, f"Invalid update of '{name}': {op!r}")
                value = None if op.get("setNull") else op.get("set")
                if name.endswith("Nonce"):
                    self._nonce(store, item, side, value)
                else:
                    self._credentials(store, item, side, value)
                return True
        if name == "destination" and "set" in op:
            _check_destination(op["set"])
        if name == "conflictMode" and op.get("set") not in CONFLICT_MODES:
            raise CDFError(400, f"conflictMode must be one of {sorted(CONFLICT_MODES)}")
        return False

    def after_update(self, store: ResourceStore, old: Item, new: Item) -> None:
        """A schedule follows its transformation's external id."""
        self._check(store, new)
        schedules = store.project.stores.get("transformation_schedules")
        if schedules is not None and new["id"] in schedules.items and old.get("externalId") != new.get("externalId"):
            sched = dict(schedules.items[new["id"]])
            schedules.by_xid.pop(sched["externalId"], None)
            sched["externalId"] = new["externalId"]
            schedules.items[new["id"]] = sched
            schedules.by_xid[new["externalId"]] = new["id"]

    def after_delete(self, store: ResourceStore, removed: list[Item]) -> None:
        """Schedules, notifications, jobs and stored credentials of deleted transformations go with them."""
        gone = {it["id"] for it in removed}
        schedules = store.project.stores.get("transformation_schedules")
        if schedules is not None:
            for tid in gone & set(schedules.items):
                sched = schedules.items.pop(tid)
                schedules.by_xid.pop(sched["externalId"], None)
        notifications = store.project.stores.get("transformation_notifications")
        if notifications is not None:
            for nid in [n["id"] for n in notifications.items.values() if n["transformationId"] in gone]:
                notifications.items.pop(nid)
        jobs: dict[int, Item] = store.state.setdefault("jobs", {})
        for jid in [j["id"] for j in jobs.values() if j["transformationId"] in gone]:
            jobs.pop(jid)
        secrets: dict[tuple[int, str], Any] = store.state.setdefault("credentials", {})
        for key in [k for k in secrets if k[0] in gone]:
            secrets.pop(key)

    def present(self, store: ResourceStore, items: list[Item], body: Mapping[str, Any]) -> list[Item]:
        """Answers carry the schedule, the running job and the last finished job."""
        assert isinstance(store, TransformationsStore)
        return [store.decorate_item(it) for it in items]


def _regex(field: str) -> LegacyFilter:
    def make(value: Any, store: ResourceStore) -> Predicate:
        try:
            pattern = re.compile(str(value))
        except re.error as err:
            raise CDFError(400, f"Invalid regex for '{field}': {err}") from None
        return lambda item: isinstance(v := item.get(field), str) and pattern.search(v) is not None

    return make


def _accept(value: Any, store: ResourceStore) -> Predicate:
    return lambda item: True


def _destination_type(value: Any, store: ResourceStore) -> Predicate:
    return lambda item: (item.get("destination") or {}).get("type") == value


def _conflict_mode(value: Any, store: ResourceStore) -> Predicate:
    return lambda item: item.get("conflictMode") == value


def _blocked(value: Any, store: ResourceStore) -> Predicate:
    return lambda item: ("blocked" in item) is bool(value)


def _project(value: Any, store: ResourceStore) -> Predicate:
    return lambda item: value == store.project.name


def _tags(value: Any, store: ResourceStore) -> Predicate:
    if not isinstance(value, dict) or not isinstance(value.get("containsAny"), list):
        raise CDFError(400, "tags must be {'containsAny': [...]}")
    wanted = set(value["containsAny"])
    return lambda item: not wanted.isdisjoint(item.get("tags") or ())


def _page(items: list[Item], limit: int, cursor: Any, kind: str) -> dict[str, Any]:
    start = 0 if cursor is None else _decode_cursor(cursor, kind)
    out: dict[str, Any] = {"items": items[start : start + limit]}
    if start + limit < len(items):
        out["nextCursor"] = _encode_cursor(kind, start + limit)
    return out


class Int32IdStore(ResourceStore):
    """A store whose internal ids fit in 32 bits, as the spec's ``int32`` ids of transformations and notifications."""

    def new_id(self) -> int:
        """Return a fresh random-ish positive id below 2**31."""
        while True:
            candidate = self.project.rng.randint(1, 2**31 - 1)
            if candidate not in self.items:
                return candidate


class TransformationsStore(Int32IdStore):
    """Transformations of one project, with their jobs (in ``state["jobs"]``)."""

    # ----------------------------------------------------------------- helpers
    def _jobs(self) -> dict[int, Item]:
        jobs: dict[int, Item] = self.state.setdefault("jobs", {})
        return jobs

    def _transformation(self, body: Any) -> Item:
        if not isinstance(body, dict):
            raise CDFError(400, "The request body must name a transformation by id or externalId")
        ref = {k: v for k, v in body.items() if k in ("id", "externalId")}
        return self.resolve([ref], ignore_unknown=False)[0]

    def _job_view(self, job: Item) -> Item:
        return {k: v for k, v in job.items() if not k.startswith("_")}

    def decorate_item(self, item: Item) -> Item:
        """The item with its schedule and jobs (as answered)."""
        out = dict(item)
        schedules = self.project.stores.get("transformation_schedules")
        if schedules is not None and item["id"] in schedules.items:
            out["schedule"] = schedules.items[item["id"]]
        mine = [j for j in self._jobs().values() if j["transformationId"] == item["id"]]
        running = [j for j in mine if j["status"] in ("Created", "Running")]
        finished = [j for j in mine if j["status"] in ("Completed", "Failed")]
        if running:
            out["runningJob"] = self._job_view(running[-1])
        if finished:
            out["lastFinishedJob"] = self._job_view(max(finished, key=lambda j: (j["finishedTime"], j["id"])))
        return out

    def read_raw(self, db: str, table: str, limit: int | None) -> list[dict[str, Any]]:
        """The rows of a RAW table of this project, for the SQL subset."""
        raw = self.project.stores.get("raw")
        tables = getattr(raw, "dbs", {}).get(db) if raw is not None else None
        found = tables.get(table) if tables is not None else None
        if found is None:
            raise UnsupportedQuery(f"Table not found: `{db}`.`{table}`")
        rows = []
        for pos in range(len(found.order)):
            row = found.live(pos)
            if row is not None:
                rows.append({"key": row["key"], "lastUpdatedTime": row["lastUpdatedTime"], **row["columns"]})
                if limit is not None and len(rows) >= limit:
                    break
        return rows

    # ----------------------------------------------------------------- listing
    def list_route(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /transformations`` (``includePublic`` and ``withJobDetails`` change nothing: see the module)."""
        _only(query, "limit", "cursor", "includePublic", "withJobDetails")
        request: dict[str, Any] = {"limit": _int(query.get("limit"), "limit", None, 1, 1000)}
        if query.get("cursor"):
            request["cursor"] = query["cursor"]
        return self.list({k: v for k, v in request.items() if v is not None})

    def filter_route(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /transformations/filter``."""
        _only(query)
        return self.list({k: v for k, v in body.items() if k in ("filter", "limit", "cursor")})

    # ----------------------------------------------------------------- jobs
    def run(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /transformations/run``: a new job, ``Created`` (409 while another job of it runs)."""
        _only(query)
        item = self._transformation(body)
        if any(
            j["transformationId"] == item["id"] and j["status"] in ("Created", "Running") for j in self._jobs().values()
        ):
            raise CDFError(409, f"Transformation {item['id']} already has a running job")
        if body.get("nonce") is not None:
            TransformationsHooks._nonce(self, dict(item), "source", body["nonce"])  # checked, not stored
        self.state["job_seq"] = job_id = self.state.get("job_seq", 0) + 1
        job: Item = {
            "id": job_id,
            "uuid": str(uuid.UUID(int=self.project.rng.getrandbits(128), version=4)),
            "transformationId": item["id"],
            "transformationExternalId": item["externalId"],
            "sourceProject": self.project.name,
            "destinationProject": self.project.name,
            "destination": item["destination"],
            "conflictMode": item["conflictMode"],
            "query": item.get("query", ""),
            "ignoreNullFields": item["ignoreNullFields"],
            "status": "Created",
            "createdTime": self.project.clock(),
        }
        self._jobs()[job_id] = job
        return 200, self._job_view(job)

    def _advance(self, job: Item) -> None:
        now = self.project.clock()
        if job["status"] == "Created":
            job.update(status="Running", startedTime=now, lastSeenTime=now)
        elif job["status"] == "Running":
            job.update(lastSeenTime=now, finishedTime=now)
            try:
                written = self._execute(job)
            except (UnsupportedQuery, CDFError) as err:
                job.update(status="Failed", error=str(err.message if isinstance(err, CDFError) else err))
                written = 0
            else:
                job["status"] = "Completed"
            kind, mode = job["destination"]["type"], job["conflictMode"]
            job["_metrics"] = [
                {"timestamp": now, "name": "requests", "count": 1},
                {"timestamp": now, "name": f"{kind}.{_WRITTEN[mode]}", "count": written},
            ]

    def _execute(self, job: Item) -> int:
        """Run the job's query; write a RAW destination. Returns the rows written (or counted)."""
        if not job["query"].strip():
            raise UnsupportedQuery("The transformation has no query")
        result = run_query(job["query"], self.read_raw)
        dest = job["destination"]
        if dest["type"] in _RESOURCE_STORES:
            return self._write_resources(_RESOURCE_STORES[dest["type"]], job, result.rows)
        if dest["type"] != "raw":
            return len(result.rows)
        raw = self.project.stores["raw"]
        if any(not isinstance(r.get("key"), str) or not r["key"] for r in result.rows):
            raise UnsupportedQuery("A raw destination needs a non-empty string column 'key'")
        path = {"dbName": dest["database"], "tableName": dest["table"]}
        if job["conflictMode"] == "delete":
            if result.rows:
                raw.delete_rows(path, {}, {"items": [{"key": r["key"]} for r in result.rows]})  # type: ignore[attr-defined]
            return len(result.rows)
        rows = [{"key": r["key"], "columns": {k: v for k, v in r.items() if k != "key"}} for r in result.rows]
        for start in range(0, len(rows), 10000):
            raw.insert_rows(path, {"ensureParent": "true"}, {"items": rows[start : start + 10000]})  # type: ignore[attr-defined]
        return len(rows)

    def _write_resources(self, store_name: str, job: Item, rows: list[dict[str, Any]]) -> int:
        """Write rows to a resource store by the conflict mode: abort creates, update updates, upsert does either
        (by ``id`` or ``externalId``), delete deletes; all through the store's own verbs (and checks)."""
        store = self.project.store(store_name)
        mode, ignore_nulls = job["conflictMode"], job["ignoreNullFields"]

        def ref(row: dict[str, Any]) -> dict[str, Any]:
            if row.get("id") is not None:
                return {"id": row["id"]}
            if row.get("externalId") is not None:
                return {"externalId": row["externalId"]}
            raise UnsupportedQuery(f"Each row needs an id or an externalId for conflict mode {mode!r}")

        def update(row: dict[str, Any]) -> dict[str, Any]:
            key = ref(row)
            ops = {k: ({"setNull": True} if v is None else {"set": v}) for k, v in row.items()
                   if k not in key and k != "id" and not (v is None and ignore_nulls)}  # fmt: skip
            return {**key, "update": ops}

        for start in range(0, len(rows), 1000):
            chunk = rows[start : start + 1000]
            if mode == "delete":
                store.delete({"items": [ref(r) for r in chunk], "ignoreUnknownIds": True})
                continue
            existing = [r for r in chunk if mode != "abort" and store.get(ref(r)) is not None]
            new = [] if mode == "update" else [r for r in chunk if not any(r is e for e in existing)]
            if mode == "update" and len(existing) < len(chunk):
                missing = [ref(r) for r in chunk if not any(r is e for e in existing)]
                raise CDFError(400, f"Cannot update resources that do not exist: {missing}")
            if existing:
                store.update({"items": [update(r) for r in existing]})
            if new:
                store.create({"items": [{k: v for k, v in r.items() if k != "id" and v is not None} for r in new]})
        return len(rows)

    def cancel(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /transformations/cancel``: the running job fails (400 when none runs)."""
        _only(query)
        item = self._transformation(body)
        running = [
            j
            for j in self._jobs().values()
            if j["transformationId"] == item["id"] and j["status"] in ("Created", "Running")
        ]
        if not running:
            raise CDFError(400, f"Transformation {item['id']} has no running job")
        now = self.project.clock()
        for job in running:
            job.update(status="Failed", error="Job cancelled by the user", finishedTime=now, lastSeenTime=now)
            job.setdefault("startedTime", now)
            job["_metrics"] = [{"timestamp": now, "name": "requests", "count": 0}]
        return 200, {}

    def list_jobs(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /transformations/jobs``: newest first; each job shown moves one step."""
        _only(query, "transformationId", "transformationExternalId", "limit", "cursor")
        jobs = list(self._jobs().values())
        tid = _int(query.get("transformationId"), "transformationId", None, 0)
        if tid is not None:
            jobs = [j for j in jobs if j["transformationId"] == tid]
        if query.get("transformationExternalId") is not None:
            jobs = [j for j in jobs if j["transformationExternalId"] == query["transformationExternalId"]]
        jobs.sort(key=lambda j: -j["id"])
        limit = _int(query.get("limit"), "limit", _PAGE[0], 1, _PAGE[1]) or _PAGE[0]
        page = _page(jobs, limit, query.get("cursor"), "jobs")
        for job in page["items"]:
            self._advance(job)
        page["items"] = [self._job_view(j) for j in page["items"]]
        return 200, page

    def jobs_byids(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /transformations/jobs/byids``: each job shown moves one step."""
        _only(query)
        refs_ = self._items_of(body, "byids")
        jobs, found, missing = self._jobs(), [], []
        for ref in refs_:
            jid = ref.get("id") if isinstance(ref, dict) else None
            if isinstance(jid, bool) or not isinstance(jid, int):
                raise CDFError(400, f"Invalid job identifier {ref!r}: expected {{'id': int}}")
            if jid in jobs:
                found.append(jobs[jid])
            else:
                missing.append({"id": jid})
        if missing and not body.get("ignoreUnknownIds", False):
            raise CDFError(400, "Jobs not found", missing=missing)
        for job in found:
            self._advance(job)
        return 200, {"items": [self._job_view(j) for j in found]}

    def job_metrics(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /transformations/jobs/{id}/metrics``: the counters of a finished job (none before)."""
        _only(query)
        job = self._jobs().get(_int(params["id"], "id", None, 0) or 0)
        if job is None:
            raise CDFError(404, f"Job {params['id']} not found")
        return 200, {"items": list(job.get("_metrics", []))}

    # ----------------------------------------------------------------- preview
    def preview(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /transformations/query/run``: run the SQL subset on the emulator's RAW tables."""
        _only(query)
        for name in ("limit", "sourceLimit", "inferSchemaLimit", "timeout"):
            value = body.get(name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                raise CDFError(400, f"'{name}' must be a positive integer, got {value!r}")
        try:
            result = run_query(
                body["query"], self.read_raw, limit=body.get("limit", 1000), source_limit=body.get("sourceLimit"),
                convert_to_string=bool(body.get("convertToString")),
            )  # fmt: skip
        except UnsupportedQuery as err:
            raise CDFError(400, f"Query failed: {err}") from None
        columns = [column_schema(c) for c in result.columns]
        if body.get("convertToString"):
            columns = [{**c, "sqlType": "string", "type": "string"} for c in columns]
        return 200, {"schema": {"items": columns}, "results": {"items": result.rows}}

    # ----------------------------------------------------------------- schemas
    def schema(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /transformations/schema/{schemaType}``."""
        _only(query, "conflictMode")
        kind = params["schemaType"]
        columns = _SCHEMAS.get(kind)
        if columns is None:
            raise CDFError(400, f"Unknown schema type {kind!r}; one of {sorted(_SCHEMAS)}")
        mode = query.get("conflictMode", "upsert")
        if mode not in CONFLICT_MODES:
            raise CDFError(400, f"conflictMode must be one of {sorted(CONFLICT_MODES)}")
        if mode == "delete":
            columns = [c for c in columns if c[0] in _DELETE_KEYS.get(kind, ("id", "externalId"))]
        return 200, {"items": [_column(*c) for c in columns]}

    def schema_sequence_rows(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /transformations/schema/sequence_rows?externalId=``: the sequence's columns."""
        _only(query, "externalId")
        out = [_column("externalId", "string", False), _column("rowNumber", "bigint", False)]
        sequences = self.project.stores.get("sequences")
        seq = sequences.get({"externalId": query.get("externalId", "")}) if sequences is not None else None
        if seq is None:
            raise CDFError(400, "Sequence not found", missing=[{"externalId": query.get("externalId")}])
        types = {"STRING": "string", "DOUBLE": "double", "LONG": "bigint"}
        for col in seq.get("columns", []):
            out.append(_column(col["externalId"], types.get(col.get("valueType", "DOUBLE"), "double"), True))
        return 200, {"items": out}

    def schema_instances(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /transformations/schema/instances``: identifiers, plus the view's properties when known."""
        out = [_column("externalId", "string", False)]
        if query.get("withInstanceSpace", "false") == "true":
            out.append(_column("space", "string", False))
        is_edge = query.get("instanceType") == "edges" or query.get("relationshipFromType") is not None
        if is_edge:
            out += [_struct_column("startNode"), _struct_column("endNode")]
        if query.get("conflictMode") == "delete":
            return 200, {"items": out}
        view = None
        if query.get("viewExternalId"):
            view = (query.get("viewSpace", ""), query["viewExternalId"], query.get("viewVersion", ""))
        elif query.get("type"):
            view = (query.get("dataModelSpace", ""), query["type"], query.get("dataModelVersion", ""))
        views = self.project.stores.get("views")
        if view is not None and views is not None:
            stored = next(
                (v for v in getattr(views, "items", {}).values()
                 if isinstance(v, dict) and (v.get("space"), v.get("externalId"), v.get("version")) == view),
                None,
            )  # fmt: skip
            for name, prop in ((stored or {}).get("properties") or {}).items():
                out.append(_column(name, _dm_type(prop), True))
        return 200, {"items": out}


def _dm_type(prop: Any) -> str:
    kind = ((prop or {}).get("type") or {}).get("type") if isinstance(prop, dict) else None
    return {"text": "string", "int32": "int", "int64": "bigint", "float32": "float", "float64": "double",
            "boolean": "boolean", "timestamp": "timestamp", "date": "date", "json": "string"}.get(kind or "", "string")  # fmt: skip


_SIMPLE = {"string": "string", "bigint": "long", "int": "integer", "double": "double", "boolean": "boolean",
           "timestamp": "timestamp", "float": "float", "date": "date"}  # fmt: skip


def _column(name: str, sql_type: str, nullable: bool) -> dict[str, Any]:
    if sql_type == "map<string,string>":
        kind: Any = {"type": "map", "keyType": "string", "valueType": "string", "valueContainsNull": True}
    elif sql_type.startswith("array<"):
        element = sql_type[len("array<") : -1]
        kind = {"type": "array", "elementType": _SIMPLE.get(element, element), "containsNull": True}
    else:
        kind = _SIMPLE.get(sql_type, sql_type)
    return {"name": name, "sqlType": sql_type, "type": kind, "nullable": nullable}


def _struct_column(name: str) -> dict[str, Any]:
    fields = [{"name": "space", "type": "string", "nullable": False, "metadata": {}},
              {"name": "externalId", "type": "string", "nullable": False, "metadata": {}}]  # fmt: skip
    return {"name": name, "sqlType": "struct<space:string,externalId:string>",
            "type": {"type": "struct", "fields": fields}, "nullable": True}  # fmt: skip


_META = ("metadata", "map<string,string>", True)
_DS = ("dataSetId", "bigint", True)
#: Columns of each destination type: (name, Spark SQL type, nullable).
_SCHEMAS: dict[str, list[tuple[str, str, bool]]] = {
    "assets": [("id", "bigint", True), ("externalId", "string", True), ("name", "string", False),
               ("parentId", "bigint", True), ("parentExternalId", "string", True), ("description", "string", True),
               ("source", "string", True), _META, _DS, ("labels", "array<string>", True)],
    "asset_hierarchy": [("externalId", "string", False), ("name", "string", False),
                        ("parentExternalId", "string", True), ("description", "string", True),
                        ("source", "string", True), _META, _DS, ("labels", "array<string>", True)],
    "events": [("id", "bigint", True), ("externalId", "string", True), ("startTime", "timestamp", True),
               ("endTime", "timestamp", True), ("type", "string", True), ("subtype", "string", True),
               ("description", "string", True), _META, ("assetIds", "array<bigint>", True),
               ("source", "string", True), _DS],
    "timeseries": [("id", "bigint", True), ("externalId", "string", True), ("name", "string", True), _META,
                   ("unit", "string", True), ("assetId", "bigint", True), ("isStep", "boolean", True),
                   ("description", "string", True), ("securityCategories", "array<bigint>", True), _DS,
                   ("isString", "boolean", True)],
    "datapoints": [("id", "bigint", True), ("externalId", "string", True), ("timestamp", "timestamp", False),
                   ("value", "double", False)],
    "string_datapoints": [("id", "bigint", True), ("externalId", "string", True), ("timestamp", "timestamp", False),
                          ("value", "string", False)],
    "sequences": [("id", "bigint", True), ("externalId", "string", True), ("name", "string", True),
                  ("description", "string", True), ("assetId", "bigint", True), _META, _DS,
                  ("columns", "array<string>", True)],
    "files": [("id", "bigint", True), ("externalId", "string", True), ("name", "string", False),
              ("directory", "string", True), ("source", "string", True), ("mimeType", "string", True), _META,
              ("assetIds", "array<bigint>", True), _DS, ("sourceCreatedTime", "timestamp", True),
              ("sourceModifiedTime", "timestamp", True), ("labels", "array<string>", True)],
    "labels": [("externalId", "string", False), ("name", "string", False), ("description", "string", True), _DS],
    "relationships": [("externalId", "string", False), ("sourceExternalId", "string", False),
                      ("sourceType", "string", False), ("targetExternalId", "string", False),
                      ("targetType", "string", False), ("startTime", "timestamp", True),
                      ("endTime", "timestamp", True), ("confidence", "float", True), _DS,
                      ("labels", "array<string>", True)],
    "data_sets": [("id", "bigint", True), ("externalId", "string", True), ("name", "string", True),
                  ("description", "string", True), _META, ("writeProtected", "boolean", True)],
    "raw": [("key", "string", False)],
}  # fmt: skip
_DELETE_KEYS = {"raw": ("key",), "labels": ("externalId",), "relationships": ("externalId",),
                "asset_hierarchy": ("externalId",), "datapoints": ("id", "externalId", "timestamp"),
                "string_datapoints": ("id", "externalId", "timestamp")}  # fmt: skip


# ---------------------------------------------------------------------------------------------- schedules


class TransformationRefHooks(Hooks):
    """Items that belong to a transformation (schedules, notifications): resolve and check it."""

    @staticmethod
    def transformation(store: ResourceStore, ref: Mapping[str, Any]) -> Item:
        transformations = store.project.store("transformations")
        found = transformations.get(ref) if ref else None
        if found is None:
            raise CDFError(400, "Transformations not found", missing=[dict(ref)])
        return found


class GetListStore(Int32IdStore):
    """A store whose list is ``GET {path}`` only (the spec has no ``POST {path}/list`` for it)."""

    def list_route(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET {path}``: list with query parameters."""
        return self.list_get(query)


class SchedulesStore(GetListStore):
    """Schedules, keyed by the id of their transformation."""

    def create(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /transformations/schedules``: one schedule per transformation (409 for a second)."""
        raw = self._items_of(body, "create")
        now = self.project.clock()
        new, duplicated, seen = [], [], set()
        for entry in raw:
            if (
                not isinstance(entry, dict)
                or not isinstance(entry.get("interval"), str)
                or not entry["interval"].strip()
            ):
                raise CDFError(400, f"Each schedule needs an interval (cron expression), got {entry!r}")
            if len(entry["interval"].split()) != 5:
                raise CDFError(400, f"Invalid cron expression {entry['interval']!r}: expected 5 fields")
            unknown = set(entry) - {"id", "externalId", "interval", "isPaused"}
            if unknown:
                raise CDFError(400, f"Unrecognized field(s) {sorted(unknown)} of a schedule")
            ref = {k: entry[k] for k in ("id", "externalId") if k in entry}
            target = TransformationRefHooks.transformation(self, ref)
            if target["id"] in self.items or target["id"] in seen:
                duplicated.append(ref)
            seen.add(target["id"])
            new.append({"id": target["id"], "externalId": target["externalId"], "createdTime": now,
                        "lastUpdatedTime": now, "interval": entry["interval"],
                        "isPaused": bool(entry.get("isPaused", False))})  # fmt: skip
        if duplicated:
            raise CDFError(409, "Transformations already scheduled", duplicated=duplicated)
        for item in new:
            self.items[item["id"]] = item
            self.order.append(item["id"])
            self.by_xid[item["externalId"]] = item["id"]
        return 201, {"items": new}


class SchedulesHooks(Hooks):
    """Intervals are cron expressions of 5 fields."""

    def apply_update(self, store: ResourceStore, item: Item, name: str, op: Mapping[str, Any]) -> bool:
        if name == "interval" and (not isinstance(op.get("set"), str) or len(op["set"].split()) != 5):
            raise CDFError(400, f"Invalid cron expression {op.get('set')!r}: expected 5 fields")
        return False


# ---------------------------------------------------------------------------------------------- notifications


class NotificationsHooks(Hooks):
    """A notification names its transformation by id or external id; it is stored by id."""

    def prepare_create(self, store: ResourceStore, new: list[Item]) -> None:
        for item in new:
            if ("transformationId" in item) == ("transformationExternalId" in item):
                raise CDFError(400, "Give one of transformationId and transformationExternalId")
            ref = ({"id": item.pop("transformationId")} if "transformationId" in item
                   else {"externalId": item.pop("transformationExternalId")})  # fmt: skip
            item["transformationId"] = TransformationRefHooks.transformation(store, ref)["id"]


def _notification_xid(value: Any, store: ResourceStore) -> Predicate:
    found = store.project.store("transformations").get({"externalId": value})
    tid = None if found is None else found["id"]
    return lambda item: item["transformationId"] == tid


def _eq_int(field: str) -> LegacyFilter:
    return lambda value, store: lambda item: item.get(field) == value


# ---------------------------------------------------------------------------------------------- external data


class ExternalDataStore(GetListStore):
    """External data sources by external id; the client secret is stored apart and never answered."""

    def create(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /transformations/externaldata``: create, or replace those whose external id exists."""
        raw = self._items_of(body, "create")
        now = self.project.clock()
        out = []
        secrets: dict[str, str] = self.state.setdefault("secrets", {})
        checked = []
        for entry in raw:
            if not isinstance(entry, dict) or entry.get("format") != "one_lake":
                raise CDFError(400, f"Each data source needs format 'one_lake', got {entry!r}")
            settings = entry.get("settings")
            creds = (settings or {}).get("credentials") if isinstance(settings, dict) else None
            loc = (settings or {}).get("locationDescription") if isinstance(settings, dict) else None
            if not isinstance(entry.get("externalId"), str) or not entry["externalId"]:
                raise CDFError(400, "Each data source needs an externalId")
            if not isinstance(creds, dict) or not all(
                isinstance(creds.get(k), str) for k in ("clientId", "tenantId", "clientSecret")
            ):
                raise CDFError(400, "settings.credentials needs clientId, tenantId and clientSecret")
            if not isinstance(loc, dict) or not all(
                isinstance(loc.get(k), str) for k in ("workspaceId", "containerId")
            ):
                raise CDFError(400, "settings.locationDescription needs workspaceId and containerId")
            checked.append((entry, creds, loc))
        for entry, creds, loc in checked:
            xid = entry["externalId"]
            secrets[xid] = creds["clientSecret"]
            item: Item = {
                "externalId": xid,
                "format": "one_lake",
                "settings": {"credentials": {"clientId": creds["clientId"], "tenantId": creds["tenantId"]},
                             "locationDescription": dict(loc)},
                "lastUpdatedTime": now,
            }  # fmt: skip
            for key in ("name", "dataSetId"):
                if entry.get(key) is not None:
                    item[key] = entry[key]
            existing = self.get({"externalId": xid})
            if existing is not None:
                item["id"], item["createdTime"] = existing["id"], existing["createdTime"]
                self.items[item["id"]] = item
            else:
                item["id"], item["createdTime"] = self.new_id(), now
                self.items[item["id"]] = item
                self.order.append(item["id"])
                self.by_xid[xid] = item["id"]
            out.append(item)
        return 201, {"items": self.public(out)}

    def usability(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /transformations/externaldata/usability``: a version for a data source that exists."""
        _only(query)
        xid = body.get("externalId")
        if not isinstance(xid, str) or not xid:
            raise CDFError(400, "externalId is required")
        item = self.get({"externalId": xid})
        if item is None:
            return 200, {"externalId": xid}
        version = uuid.uuid5(uuid.NAMESPACE_URL, f"{xid}:{item['lastUpdatedTime']}")
        return 200, {"externalId": xid, "usableVersion": str(version)}


def _parse_bool(raw: str) -> bool:
    if raw in ("true", "false"):
        return raw == "true"
    raise ValueError(raw)


TRANSFORMATIONS = Family(
    name="transformations",
    path="/transformations",
    write_fields={
        "name": str,
        "query": str,
        "destination": dict,
        "conflictMode": str,
        "isPublic": bool,
        "sourceOidcCredentials": dict,
        "destinationOidcCredentials": dict,
        "sourceNonce": dict,
        "destinationNonce": dict,
        "externalId": str,
        "ignoreNullFields": bool,
        "dataSetId": int,
        "tags": list,
    },
    required=("name", "externalId", "ignoreNullFields"),
    defaults={"query": "", "destination": {"type": "assets"}, "conflictMode": "upsert", "isPublic": True},
    updates={
        "name": "value",
        "externalId": "value",
        "destination": "value",
        "conflictMode": "value",
        "query": "value",
        "sourceOidcCredentials": "nullable",
        "destinationOidcCredentials": "nullable",
        "sourceNonce": "nullable",
        "destinationNonce": "nullable",
        "isPublic": "value",
        "ignoreNullFields": "value",
        "dataSetId": "nullable",
        "tags": "list",
    },
    filters={
        "isPublic": _accept,
        "nameRegex": _regex("name"),
        "queryRegex": _regex("query"),
        "destinationType": _destination_type,
        "conflictMode": _conflict_mode,
        "hasBlockedError": _blocked,
        "cdfProjectName": _project,
        "createdTime": time_range("createdTime"),
        "lastUpdatedTime": time_range("lastUpdatedTime"),
        "dataSetIds": refs("dataSetId", "datasets"),
        "tags": _tags,
    },
    create_status=200,
    verbs=frozenset({"create", "byids", "update", "delete"}),
    hooks=TransformationsHooks(),
    store_cls=TransformationsStore,
    routes={
        ("GET", ""): "list_route",
        ("POST", "/filter"): "filter_route",
        ("POST", "/run"): "run",
        ("POST", "/cancel"): "cancel",
        ("GET", "/jobs"): "list_jobs",
        ("POST", "/jobs/byids"): "jobs_byids",
        ("GET", "/jobs/{id}/metrics"): "job_metrics",
        ("POST", "/query/run"): "preview",
        ("GET", "/schema/sequence_rows"): "schema_sequence_rows",
        ("GET", "/schema/instances"): "schema_instances",
        ("GET", "/schema/{schemaType}"): "schema",
    },
)

TRANSFORMATION_SCHEDULES = Family(
    name="transformation_schedules",
    path="/transformations/schedules",
    write_fields={"id": int, "externalId": str, "interval": str, "isPaused": bool},
    updates={"interval": "value", "isPaused": "value"},
    filters={"includePublic": _accept},
    query_params={"includePublic": ("includePublic", _parse_bool)},
    create_status=201,
    verbs=frozenset({"create", "byids", "update", "delete"}),
    hooks=SchedulesHooks(),
    store_cls=SchedulesStore,
    routes={("GET", ""): "list_route"},
)

TRANSFORMATION_NOTIFICATIONS = Family(
    name="transformation_notifications",
    path="/transformations/notifications",
    write_fields={"destination": str, "transformationId": int, "transformationExternalId": str},
    required=("destination",),
    external_id=False,
    filters={
        "transformationId": _eq_int("transformationId"),
        "transformationExternalId": _notification_xid,
        "destination": _eq_int("destination"),
    },
    query_params={
        "transformationId": ("transformationId", int),
        "transformationExternalId": ("transformationExternalId", str),
        "destination": ("destination", str),
    },
    create_status=200,
    verbs=frozenset({"create", "delete"}),
    hooks=NotificationsHooks(),
    store_cls=GetListStore,
    routes={("GET", ""): "list_route"},
)

EXTERNAL_DATA = Family(
    name="transformation_external_data",
    path="/transformations/externaldata",
    write_fields={"externalId": str, "name": str, "dataSetId": int, "format": str, "settings": dict},
    internal_id=False,
    create_status=201,
    verbs=frozenset({"create", "delete"}),
    store_cls=ExternalDataStore,
    routes={("GET", ""): "list_route", ("POST", "/usability"): "usability"},
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
TRANSFORMATIONS_FAMILIES: tuple[Family, ...] = (
    TRANSFORMATIONS,
    TRANSFORMATION_SCHEDULES,
    TRANSFORMATION_NOTIFICATIONS,
    EXTERNAL_DATA,
)
