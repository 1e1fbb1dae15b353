"""Emulator table entries for hosted extractors: sources, destinations, jobs (with logs and metrics) and mappings.

Each is a generic family identified by external id only (``internal_id=False``), listed with GET and a cursor,
retrieved with ``/byIds``. The stores keep what was written (secrets included) and answer the read form:

* sources: by ``type`` (mqtt3, mqtt5, eventhub, rest, kafka), fields checked per type; passwords, key values, client
  secrets and header/query tokens are never answered; certificates are answered as ``{thumbprint, expiresAt}`` (a
  SHA-1 of the certificate text, expiring 365 days after it was set). An update names the source's ``type``, which
  must be the stored one; each type takes the updates its spec lists.
* destinations: ``credentials`` (a session nonce) become a ``sessionId`` (a fresh id per nonce: the emulator does not
  keep the nonces of ``/sessions``); ``targetDataSetId`` must be a data set that exists when the data-sets store
  serves it.
* mappings: the input defaults to JSON; protobuf file contents are not answered (only the names).
* jobs: the source, destination and (custom format) mapping must exist; a custom format is answered with the
  mapping's ``expression``; ``targetStatus`` defaults to ``running`` and ``status`` follows it (``running`` or
  ``paused``: the emulator runs no extractor). Deleting a source, destination or mapping used by a job fails (400)
  unless ``force``, which deletes those jobs.
* job logs and metrics (canned, deterministic): a job logs ``connected`` ("Connected to source <id>") when created
  running or resumed, ``paused`` ("Job paused") when created paused or paused; it has one metrics entry, at its
  creation time, with every counter 0 (nothing flows through the emulator). Both are answered newest first, filtered
  by job, source or destination, and go with the job when it is deleted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import Item
from cognite.client.testing._store import Family, Hooks, Project, ResourceStore

__all__ = ["HOSTED_EXTRACTOR_FAMILIES"]

_YEAR_MS = 365 * 24 * 3600 * 1000
_LOG_LIMIT = 1000

#: Per source type: the fields a create may carry (required ones marked), the updatable ones and their kinds.
_CERTS = ("caCertificate", "authCertificate")
_SOURCE_FIELDS: dict[str, dict[str, bool]] = {
    "mqtt3": {"host": True, "port": False, "authentication": False, "useTls": False, "caCertificate": False,
              "authCertificate": False},
    "mqtt5": {"host": True, "port": False, "authentication": False, "useTls": False, "caCertificate": False,
              "authCertificate": False},
    "eventhub": {"host": True, "eventHubName": True, "keyName": False, "keyValue": False, "authentication": False,
                 "consumerGroup": False},
    "rest": {"host": True, "scheme": False, "port": False, "caCertificate": False, "authCertificate": False,
             "authentication": False},
    "kafka": {"bootstrapBrokers": True, "authentication": False, "useTls": False, "caCertificate": False,
              "authCertificate": False},
}  # fmt: skip
_SOURCE_UPDATES: dict[str, dict[str, str]] = {
    "mqtt3": {"host": "value", "port": "nullable", "authentication": "nullable", "useTls": "value",
              "caCertificate": "nullable", "authCertificate": "nullable"},
    "mqtt5": {"host": "value", "port": "nullable", "authentication": "nullable", "useTls": "value",
              "caCertificate": "nullable", "authCertificate": "nullable"},
    "eventhub": {"host": "value", "eventHubName": "value", "keyName": "value", "keyValue": "value",
                 "authentication": "value", "consumerGroup": "nullable"},
    "rest": {"host": "value", "scheme": "value", "port": "value", "caCertificate": "nullable",
             "authentication": "nullable", "authCertificate": "nullable"},
    "kafka": {"bootstrapBrokers": "value", "authentication": "nullable", "useTls": "value",
              "caCertificate": "nullable", "authCertificate": "nullable"},
}  # fmt: skip
#: Secret fields of authentication objects (never answered).
_AUTH_SECRETS = {"password", "clientSecret", "value"}


def _certificate_details(cert: Mapping[str, Any], set_at: int) -> dict[str, Any]:
    thumbprint = hashlib.sha1(str(cert.get("certificate", "")).encode()).hexdigest().upper()
    return {"thumbprint": thumbprint[:40], "expiresAt": set_at + _YEAR_MS}


class _ExternalIdStore(ResourceStore):
    """A generic store whose items are answered in a read form (``read``) that may differ from what is stored."""

    def read(self, item: Item) -> Item:
        """The read form of a stored item (default: without the internal id)."""
        return {k: v for k, v in item.items() if k != "id"}

    def public(self, items: list[Item]) -> list[Item]:
        """Every item in its read form."""
        return [self.read(it) for it in items]

    def byids_camel(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST {path}/byIds``."""
        return self.byids(body)

    def list_query(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET {path}`` (these APIs have no ``POST {path}/list``)."""
        return self.list_get(query)

    def jobs_using(self, key: str, xids: set[str]) -> list[Item]:
        """The jobs whose ``key`` (sourceId, destinationId, or format mapping) is one of ``xids``."""
        jobs = self.project.store("hostedextractors_jobs")
        if key == "mappingId":
            return [j for j in jobs.items.values() if j.get("format", {}).get("mappingId") in xids]
        return [j for j in jobs.items.values() if j.get(key) in xids]

    def delete_in_use(self, body: Mapping[str, Any], key: str) -> tuple[int, dict[str, Any]]:
        """Delete items that jobs may use: refused (400) unless ``force``, which deletes those jobs too."""
        refs = self._items_of(body, "delete")
        targets = self.resolve(refs, ignore_unknown=bool(body.get("ignoreUnknownIds", False)))
        used = self.jobs_using(key, {t["externalId"] for t in targets})
        if used and body.get("force") is not True:
            in_use = sorted({j[key] if key != "mappingId" else j["format"]["mappingId"] for j in used})
            raise CDFError(400, f"In use by jobs (delete with force to delete the jobs too): {in_use}")
        if used:
            jobs = self.project.store("hostedextractors_jobs")
            jobs.delete({"items": [{"externalId": j["externalId"]} for j in used]})
        return super().delete({k: v for k, v in body.items() if k != "force"})


def _check_fields(entry: Mapping[str, Any], allowed: Mapping[str, bool], what: str) -> None:
    for key in entry:
        if key not in allowed and key not in ("type", "externalId"):
            raise CDFError(400, f"Unrecognized field '{key}' for {what}")
    for key, required in allowed.items():
        if required and entry.get(key) is None:
            raise CDFError(400, f"Missing required field '{key}' for {what}")
    if not isinstance(entry.get("externalId"), str):
        raise CDFError(400, "Missing required field 'externalId'")


def _create_checked(store: ResourceStore, body: Mapping[str, Any], check: Any) -> tuple[int, dict[str, Any]]:
    """Create items after ``check(entry) -> stored item``; external ids unique (409), items answered read."""
    raw = store._items_of(body, "create")
    new: list[Item] = []
    seen: set[str] = set()
    duplicated: list[dict[str, Any]] = []
    for entry in raw:
        if not isinstance(entry, dict):
            raise CDFError(400, f"Each item must be an object, got {entry!r}")
        item = check(entry)
        xid = item["externalId"]
        if xid in seen or xid in store.by_xid:
            duplicated.append({"externalId": xid})
        seen.add(xid)
        new.append(item)
    if duplicated:
        raise CDFError(409, "ExternalIds duplicated", duplicated=duplicated)
    return 200, {"items": store.public(store._insert(new, store.project.clock()))}


# ------------------------------------------------------------------------------------------------- sources


class SourcesStore(_ExternalIdStore):
    """Sources of every type; secrets are stored, never answered."""

    def _check(self, entry: Mapping[str, Any]) -> Item:
        kind = entry.get("type")
        fields = _SOURCE_FIELDS.get(kind) if isinstance(kind, str) else None
        if fields is None:
            raise CDFError(400, f"Unknown source type {kind!r}")
        _check_fields(entry, fields, f"a {kind} source")
        item = {k: v for k, v in entry.items() if v is not None}
        now = self.project.clock()
        for cert in _CERTS:
            if cert in item:
                item[cert] = {**item[cert], "_setAt": now}
        if kind == "rest":
            item.setdefault("scheme", "https")
        return item

    def create(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /hostedextractors/sources``."""
        return _create_checked(self, body, self._check)

    def read(self, item: Item) -> Item:
        """The source as answered: no secrets, certificates as thumbprint and expiry."""
        out: Item = {}
        for key, value in item.items():
            if key in ("id", "keyValue"):
                continue
            if key in _CERTS:
                out[key] = _certificate_details(value, value.get("_setAt", item["createdTime"]))
            elif key == "authentication" and isinstance(value, dict):
                out[key] = {k: v for k, v in value.items() if k not in _AUTH_SECRETS}
            else:
                out[key] = value
        return out

    def update(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /hostedextractors/sources/update``: each item names the source's type."""
        raw = self._items_of(body, "update")
        for entry in raw:
            if not isinstance(entry, dict):
                raise CDFError(400, f"Each update must be an object, got {entry!r}")
            stored = (
                self.get({"externalId": entry.get("externalId")}) if isinstance(entry.get("externalId"), str) else None
            )
            if stored is not None and entry.get("type") != stored["type"]:
                raise CDFError(
                    400, f"Source {stored['externalId']!r} is of type {stored['type']!r}, not {entry.get('type')!r}"
                )
        return super().update({"items": [{k: v for k, v in e.items() if k != "type"} for e in raw]})

    def delete(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /hostedextractors/sources/delete`` (``force`` deletes the jobs that read from them)."""
        return self.delete_in_use(body, "sourceId")


class _SourceHooks(Hooks):
    def apply_update(self, store: ResourceStore, item: Item, name: str, op: Mapping[str, Any]) -> bool:
        kind = _SOURCE_UPDATES[item["type"]].get(name)
        if kind is None:
            raise CDFError(400, f"Field '{name}' cannot be updated for a {item['type']} source")
        if op.get("setNull") is True and kind == "nullable":
            item.pop(name, None)
        elif "set" in op and op["set"] is not None and set(op) == {"set"}:
            value = op["set"]
            if name in _CERTS:
                value = {**value, "_setAt": store.project.clock()}
            item[name] = value
        else:
            raise CDFError(400, f"Invalid update for '{name}': {dict(op)!r}")
        return True


# ------------------------------------------------------------------------------------------------- destinations


class DestinationsStore(_ExternalIdStore):
    """Destinations: a session per set of credentials."""

    def _check(self, entry: Mapping[str, Any]) -> Item:
        _check_fields(entry, {"credentials": False, "targetDataSetId": False}, "a destination")
        item: Item = {"externalId": entry["externalId"]}
        if entry.get("credentials") is not None:
            item["sessionId"] = self.session_for(entry["credentials"])
        if entry.get("targetDataSetId") is not None:
            item["targetDataSetId"] = self.data_set(entry["targetDataSetId"])
        return item

    def session_for(self, credentials: Any) -> int:
        """A fresh session id for a session nonce."""
        if (
            not isinstance(credentials, dict)
            or not isinstance(credentials.get("nonce"), str)
            or not credentials["nonce"]
        ):
            raise CDFError(400, "credentials must be {'nonce': string}")
        return self.new_id()

    def data_set(self, data_set_id: Any) -> int:
        """Check that a data set exists (when the data-sets store is served)."""
        data_sets = self.project.stores.get("datasets")
        if data_sets is not None and data_sets.get({"id": data_set_id}) is None:
            raise CDFError(400, "Data set not found", missing=[{"id": data_set_id}])
        return int(data_set_id)

    def create(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /hostedextractors/destinations``."""
        return _create_checked(self, body, self._check)

    def delete(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /hostedextractors/destinations/delete`` (``force`` deletes the jobs that write to them)."""
        return self.delete_in_use(body, "destinationId")


class _DestinationHooks(Hooks):
    def apply_update(self, store: ResourceStore, item: Item, name: str, op: Mapping[str, Any]) -> bool:
        assert isinstance(store, DestinationsStore)
        key = {"credentials": "sessionId", "targetDataSetId": "targetDataSetId"}[name]
        if op.get("setNull") is True:
            item.pop(key, None)
        elif "set" in op and op["set"] is not None:
            item[key] = store.session_for(op["set"]) if name == "credentials" else store.data_set(op["set"])
        else:
            raise CDFError(400, f"Invalid update for '{name}': {dict(op)!r}")
        return True


# ------------------------------------------------------------------------------------------------- mappings


class MappingsStore(_ExternalIdStore):
    """Mappings: input JSON by default; protobuf file contents kept, not answered."""

    def _check(self, entry: Mapping[str, Any]) -> Item:
        _check_fields(entry, {"mapping": True, "input": False, "published": True}, "a mapping")
        item = {k: v for k, v in entry.items() if v is not None}
        item.setdefault("input", {"type": "json"})
        return item

    def create(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /hostedextractors/mappings``."""
        return _create_checked(self, body, self._check)

    def read(self, item: Item) -> Item:
        """The mapping as answered (protobuf files by name only)."""
        out = super().read(item)
        if out["input"].get("type") == "protobuf":
            files = [{"fileName": f["fileName"]} for f in out["input"].get("files", [])]
            out["input"] = {**out["input"], "files": files}
        return out

    def delete(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /hostedextractors/mappings/delete`` (``force`` deletes the jobs that use them)."""
        return self.delete_in_use(body, "mappingId")


class _MappingHooks(Hooks):
    def apply_update(self, store: ResourceStore, item: Item, name: str, op: Mapping[str, Any]) -> bool:
        if name == "input" and op.get("setNull") is True:
            item["input"] = {"type": "json"}
        elif "set" in op and op["set"] is not None:
            item[name] = op["set"]
        else:
            raise CDFError(400, f"Invalid update for '{name}': {dict(op)!r}")
        return True


# ------------------------------------------------------------------------------------------------- jobs


class JobsStore(_ExternalIdStore):
    """Jobs: references checked, status following the target status, canned logs and metrics."""

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        self.logs: list[Item] = []
        self.metrics: list[Item] = []

    def _exists(self, family: str, xid: Any, what: str) -> None:
        if not isinstance(xid, str) or self.project.store(family).get({"externalId": xid}) is None:
            raise CDFError(400, f"The {what} {xid!r} does not exist", missing=[{"externalId": xid}])

    def _check_refs(self, item: Mapping[str, Any]) -> None:
        self._exists("hostedextractors_sources", item.get("sourceId"), "source")
        self._exists("hostedextractors_destinations", item.get("destinationId"), "destination")
        fmt = item.get("format")
        if isinstance(fmt, dict) and fmt.get("type") == "custom":
            self._exists("hostedextractors_mappings", fmt.get("mappingId"), "mapping")

    def _check(self, entry: Mapping[str, Any]) -> Item:
        fields = {"destinationId": True, "sourceId": True, "format": True, "config": False, "name": False,
                  "description": False, "metadata": False}  # fmt: skip
        _check_fields(entry, fields, "a job")
        self._check_refs(entry)
        item = {k: v for k, v in entry.items() if v is not None}
        item["targetStatus"] = "running"
        return item

    def create(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /hostedextractors/jobs``."""
        status, out = _create_checked(self, body, self._check)
        for item in out["items"]:
            self._log(item, item["createdTime"])
            self.metrics.append(_zero_metrics(item["externalId"], item["createdTime"]))
        return status, out

    def _log(self, job: Mapping[str, Any], at: int) -> None:
        if job["targetStatus"] == "running":
            self.logs.append({"jobExternalId": job["externalId"], "type": "connected", "createdTime": at,
                              "message": f"Connected to source {job['sourceId']}"})  # fmt: skip
        else:
            self.logs.append({"jobExternalId": job["externalId"], "type": "paused", "createdTime": at,
                              "message": "Job paused"})  # fmt: skip

    def read(self, item: Item) -> Item:
        """The job as answered: with its status, and a custom format's expression."""
        out = super().read(item)
        out["status"] = "running" if item["targetStatus"] == "running" else "paused"
        out.setdefault("config", {})
        fmt = out.get("format", {})
        if fmt.get("type") == "custom":
            mapping = self.project.store("hostedextractors_mappings").get({"externalId": fmt["mappingId"]})
            out["format"] = {**fmt, "expression": mapping["mapping"]["expression"] if mapping else ""}
        return out

    def update(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /hostedextractors/jobs/update`` (references checked; a status change is logged)."""
        before = {xid: dict(self.items[i]) for xid, i in self.by_xid.items()}
        status, out = super().update(body)
        for job in out["items"]:
            old = before.get(job["externalId"])
            if old is not None and old["targetStatus"] != job["targetStatus"]:
                self._log(job, job["lastUpdatedTime"])
        return status, out

    def delete(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /hostedextractors/jobs/delete`` (their logs and metrics go with them)."""
        status, out = super().delete(body)
        live = set(self.by_xid)
        self.logs = [e for e in self.logs if e["jobExternalId"] in live]
        self.metrics = [e for e in self.metrics if e["jobExternalId"] in live]
        return status, out

    def _entries(self, entries: list[Item], query: Mapping[str, str]) -> tuple[int, Any]:
        unknown = sorted(set(query) - {"job", "source", "destination", "limit", "cursor"})
        if unknown:
            raise CDFError(400, f"Unrecognized query parameter(s) {unknown}")
        try:
            limit = int(query.get("limit", "100"))
        except ValueError:
            raise CDFError(400, f"Invalid limit {query.get('limit')!r}") from None
        if not 1 <= limit <= _LOG_LIMIT:
            raise CDFError(400, f"limit must be between 1 and {_LOG_LIMIT}, got {limit}")
        jobs = {xid: self.items[i] for xid, i in self.by_xid.items()}
        picked = [
            e for e in entries
            if ("job" not in query or e["jobExternalId"] == query["job"])
            and ("source" not in query or jobs[e["jobExternalId"]]["sourceId"] == query["source"])
            and ("destination" not in query or jobs[e["jobExternalId"]]["destinationId"] == query["destination"])
        ]  # fmt: skip
        ordered = sorted(enumerate(picked), key=lambda t: (-_time_of(t[1]), -t[0]))
        return 200, {"items": [dict(e) for _, e in ordered[:limit]]}

    def list_logs(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /hostedextractors/jobs/logs``: newest first."""
        return self._entries(self.logs, query)

    def list_metrics(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /hostedextractors/jobs/metrics``: newest first."""
        return self._entries(self.metrics, query)


def _time_of(entry: Mapping[str, Any]) -> int:
    return int(entry.get("createdTime", entry.get("timestamp", 0)))


def _zero_metrics(job: str, at: int) -> Item:
    counters = ("sourceMessages", "cdfInputValues", "cdfRequests", "transformFailures", "cdfWriteFailures",
                "cdfSkippedValues", "cdfFailedValues", "cdfUploadedValues")  # fmt: skip
    return {"jobExternalId": job, "timestamp": at, **dict.fromkeys(counters, 0)}


class _JobHooks(Hooks):
    def apply_update(self, store: ResourceStore, item: Item, name: str, op: Mapping[str, Any]) -> bool:
        if set(op) != {"set"} or op["set"] is None:
            raise CDFError(400, f"Invalid update for '{name}': {dict(op)!r}")
        assert isinstance(store, JobsStore)
        store._check_refs({**item, name: op["set"]})
        item[name] = op["set"]
        return True


# ------------------------------------------------------------------------------------------------- families

_VERBS = frozenset({"create", "update", "delete"})
_LIMITS = {"create": 10, "byids": 100, "update": 10, "delete": 100}


def _family(name: str, store: type[ResourceStore], updates: Mapping[str, str], hooks: Hooks, **kw: Any) -> Family:
    return Family(
        name=f"hostedextractors_{name}",
        path=f"/hostedextractors/{name}",
        write_fields={},
        updates=updates,
        verbs=_VERBS,
        internal_id=False,
        create_status=200,
        list_limit=(100, 100),
        limits=kw.pop("limits", _LIMITS),
        hooks=hooks,
        store_cls=store,
        routes={("POST", "/byIds"): "byids_camel", ("GET", ""): "list_query", **kw.pop("routes", {})},
        **kw,
    )


_ALL_SOURCE_UPDATES = {name: "nullable" for kinds in _SOURCE_UPDATES.values() for name in kinds}

HOSTED_EXTRACTOR_FAMILIES: tuple[Family, ...] = (
    _family("sources", SourcesStore, _ALL_SOURCE_UPDATES, _SourceHooks()),
    _family(
        "destinations", DestinationsStore, {"credentials": "nullable", "targetDataSetId": "nullable"},
        _DestinationHooks(), limits={**_LIMITS, "create": 100},
    ),
    _family("mappings", MappingsStore, {"mapping": "value", "input": "nullable", "published": "value"}, _MappingHooks()),
    _family(
        "jobs", JobsStore,
        {"destinationId": "value", "format": "value", "sourceId": "value", "targetStatus": "value", "config": "value"},
        _JobHooks(),
        routes={("GET", "/logs"): "list_logs", ("GET", "/metrics"): "list_metrics"},
        query_params={
            "source": ("sourceId", str), "destination": ("destinationId", str), "mapping": ("mappingId", str),
        },
        filters={
            "sourceId": lambda v, s: lambda it: it.get("sourceId") == v,
            "destinationId": lambda v, s: lambda it: it.get("destinationId") == v,
            "mappingId": lambda v, s: lambda it: it.get("format", {}).get("mappingId") == v,
        },
    ),
)  # fmt: skip
