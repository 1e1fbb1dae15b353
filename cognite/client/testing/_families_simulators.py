"""Emulator table entries for the Simulators API: simulators, integrations, models, model revisions, routines,
routine revisions, simulation runs (with their data) and logs.

CDF gets simulators and integrations from connectors (no public create), so the emulator seeds them:
``emulator.store(project, "simulators").seed_connector("DWSIM")`` registers a simulator ``DWSIM`` (steady-state
models, Get/Set/Command steps, a few units) and its active integration ``DWSIM-connector``.

Behaviour (deterministic):

* References are checked: a model's simulator, a model revision's model, a routine's model and integration, a
  routine revision's routine (400 when missing). Server-set fields are filled from them (simulator, integration,
  data set); revisions are numbered per model/routine from 1; model revisions are parsed at once (``status``
  ``success``); no file is read (the ``fileId`` is not checked). Deleting a model deletes its revisions, routines
  and routine revisions; deleting a routine deletes its revisions.
* byids leaves unknown identifiers out (the simulator byids take no ``ignoreUnknownIds``).
* Lists of revisions answer only the latest revision of each model/routine unless ``allVersions``; routine revision
  lists leave out the script and the configuration's inputs and outputs unless ``includeAllFields``. Simulators and
  integrations are answered without a cursor (their list endpoints have none).
* ``POST /simulators/run`` starts a run (``ready``) of a routine's latest revision with its model's latest revision,
  or of the routine revision and model revision named; overrides must name inputs of the routine revision. Every read
  of a run (byids or list) answers its status and then moves it one step: ``ready`` -> ``running`` -> ``success``
  (with ``simulationTime`` = ``runTime``). So a run created and then retrieved twice is ``running``, thrice
  ``success``.
* Run data: the inputs of the routine revision (constants with their values, time series inputs as 0.0), overrides
  applied (``overridden``); once the run succeeded, output *k* echoes input *k* (cycling; 0.0 without inputs) with
  the output's unit.
* Logs: every integration, model revision and run has a log; runs log "Simulation run created", "... started" and
  "... completed" as they move.
* Model revision data (``/simulators/models/revisions/data/list``) is empty unless seeded:
  ``emulator.store(project, "simulator_model_revisions").seed_data("rev", flowsheets=[...], info={...})``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import Item
from cognite.client.testing._store import Family, Hooks, Project, ResourceStore, _decode_cursor, _encode_cursor

__all__ = ["SIMULATOR_FAMILIES"]

_USER = "emulator-user"
_DEFAULT_LIMIT = 1000


# ------------------------------------------------------------------------------------------------- filters


def _in(field: str) -> Callable[[Any, ResourceStore], Callable[[Item], bool]]:
    return lambda values, store: lambda it: it.get(field) in set(values)


def _eq(field: str) -> Callable[[Any, ResourceStore], Callable[[Item], bool]]:
    return lambda value, store: lambda it: it.get(field) == value


def _range(field: str) -> Callable[[Any, ResourceStore], Callable[[Item], bool]]:
    def factory(spec: Any, store: ResourceStore) -> Callable[[Item], bool]:
        low, high = spec.get("min"), spec.get("max")

        def pred(it: Item) -> bool:
            v = it.get(field)
            return v is not None and (low is None or v >= low) and (high is None or v <= high)

        return pred

    return factory


def _prefix(field: str) -> Callable[[Any, ResourceStore], Callable[[Item], bool]]:
    return lambda value, store: lambda it: str(it.get(field, "")).startswith(value)


# ------------------------------------------------------------------------------------------------- stores


class _SimulatorStore(ResourceStore):
    """A simulator family: byids without ``ignoreUnknownIds``, lists with an offset cursor, versioned lists."""

    #: (default, maximum) of a list's ``limit``.
    list_bounds: tuple[int, int] = (_DEFAULT_LIMIT, 1000)

    #: Items are grouped by this field and only the latest of each group is listed unless ``allVersions``.
    versioned_by: str | None = None
    #: Whether list answers carry a cursor (the simulators and integrations lists have none).
    cursor: bool = True

    def byids(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        refs = self._items_of(body, "byids")
        return 200, {"items": [self.read(it) for it in self.resolve(refs, ignore_unknown=True)]}

    def read(self, item: Item) -> Item:
        """The answer form of a stored item."""
        return item

    def list_view(self, item: Item, body: Mapping[str, Any]) -> Item:
        """The form of an item in a list answer (default: as read)."""
        return self.read(item)

    def list(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        limit = self._limit(body.get("limit"), self.list_bounds)
        flt = dict(body.get("filter") or {})
        all_versions = bool(flt.pop("allVersions", False))
        pred = self.compile_filter(flt or None)
        found = self.matching(pred)
        if self.versioned_by is not None and not all_versions:
            latest: dict[Any, Item] = {}
            for it in found:
                key = it.get(self.versioned_by)
                if key not in latest or it["versionNumber"] > latest[key]["versionNumber"]:
                    latest[key] = it
            found = [it for it in found if latest.get(it.get(self.versioned_by)) is it]
        for spec in body.get("sort") or []:
            found.sort(key=lambda it: (it.get(spec["property"]) or 0, it["id"]), reverse=spec.get("order") == "desc")
        offset = _decode_cursor(body["cursor"], "s") if body.get("cursor") is not None else 0
        page = found[offset : offset + limit]
        out: dict[str, Any] = {"items": [self.list_view(it, body) for it in page]}
        if self.cursor and offset + limit < len(found):
            out["nextCursor"] = _encode_cursor("s", offset + limit)
        self.after_read(page)
        return 200, out

    def after_read(self, items: Sequence[Item]) -> None:
        """Called with the items a list answered (runs move on when read)."""

    def one(self, family: str, field: str, value: Any, what: str) -> Item:
        """The item of another simulator family with ``field == value`` (400 naming ``what`` when there is none)."""
        store = self.project.store(family)
        for it in store.items.values():
            if it.get(field) == value:
                return it
        raise CDFError(400, f"{what} {value!r} not found")

    def latest(self, family: str, field: str, value: Any) -> Item | None:
        """The latest revision in another family with ``field == value``."""
        revisions = [it for it in self.project.store(family).items.values() if it.get(field) == value]
        return max(revisions, key=lambda it: it["versionNumber"]) if revisions else None

    def new_log(self, message: str, data_set_id: int, severity: str | None = None) -> int:
        """Create a log with one entry and return its id."""
        logs = self.project.store("simulator_logs")
        now = self.project.clock()
        item: Item = {"dataSetId": data_set_id, "data": [{"timestamp": now, "message": message,
                                                         "severity": "Information"}]}  # fmt: skip
        if severity is not None:
            item["severity"] = severity
        return int(logs.seed([item])[0]["id"])

    def log(self, log_id: int, message: str) -> None:
        """Append an entry to a log."""
        log = self.project.store("simulator_logs").items.get(log_id)
        if log is not None:
            now = self.project.clock()
            log["data"] = [*log["data"], {"timestamp": now, "message": message, "severity": "Information"}]
            log["lastUpdatedTime"] = now


class SimulatorsStore(_SimulatorStore):
    """Simulators (seeded: connectors register them) and the ``/simulators/run`` route."""

    cursor = False

    def seed_connector(
        self,
        simulator_external_id: str,
        *,
        integration_external_id: str | None = None,
        data_set_id: int = 1,
        name: str | None = None,
    ) -> tuple[Item, Item]:
        """Register a simulator and an active integration (connector) for it, as a connector does.

        Args:
            simulator_external_id: The simulator's external id.
            integration_external_id: The integration's external id (default: ``<simulator>-connector``).
            data_set_id: The integration's data set.
            name: The simulator's name (default: its external id).

        Returns:
            The simulator and the integration, as stored.
        """
        simulator = self.seed([{
            "externalId": simulator_external_id,
            "name": name or simulator_external_id,
            "fileExtensionTypes": ["dwxmz", "xml"],
            "modelTypes": [{"name": "Steady State", "key": "SteadyState"}],
            "stepFields": [
                {"stepType": step, "fields": [{"name": "objectName", "label": "Object", "info": "The object"}]}
                for step in ("get", "set", "command")
            ],
            "unitQuantities": [
                {"name": "mass", "label": "Mass", "units": [{"label": "kg", "name": "kg"}, {"label": "g", "name": "g"}]},
                {"name": "pressure", "label": "Pressure", "units": [{"label": "bar", "name": "bar"},
                                                                    {"label": "Pa", "name": "Pa"}]},
            ],
        }])[0]  # fmt: skip
        xid = integration_external_id or f"{simulator_external_id}-connector"
        now = self.project.clock()
        integration = self.project.store("simulator_integrations").seed([{
            "externalId": xid,
            "simulatorExternalId": simulator_external_id,
            "dataSetId": data_set_id,
            "heartbeat": now,
            "connectorVersion": "1.0.0",
            "simulatorVersion": "1.0",
            "licenseStatus": "AVAILABLE",
            "licenseLastCheckedTime": now,
            "connectorStatus": "IDLE",
            "connectorStatusUpdatedTime": now,
            "active": True,
            "logId": self.new_log(f"Connector {xid} started", data_set_id),
        }])[0]  # fmt: skip
        return simulator, integration

    def run(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """Start a simulation run (``POST /simulators/run``)."""
        store = self.project.store("simulator_runs")
        assert isinstance(store, RunsStore)
        return store.start(body)


class ModelsStore(_SimulatorStore):
    """Simulator models."""


class _ModelHooks(Hooks):
    def prepare_create(self, store: ResourceStore, new: list[Item]) -> None:
        assert isinstance(store, _SimulatorStore)
        for item in new:
            store.one("simulators", "externalId", item["simulatorExternalId"], "Simulator")

    def after_delete(self, store: ResourceStore, removed: list[Item]) -> None:
        xids = {it["externalId"] for it in removed}
        _cascade(store.project, "simulator_model_revisions", "modelExternalId", xids)
        routines = _cascade(store.project, "simulator_routines", "modelExternalId", xids)
        _cascade(store.project, "simulator_routine_revisions", "routineExternalId", routines)


def _cascade(project: Project, family: str, field: str, values: set[Any]) -> set[Any]:
    """Delete the items of a family whose ``field`` is in ``values``; return their external ids."""
    store = project.store(family)
    gone = [it for it in store.items.values() if it.get(field) in values]
    for it in gone:
        store.items.pop(it["id"], None)
        store.by_xid.pop(it["externalId"], None)
    return {it["externalId"] for it in gone}


def _next_version(store: ResourceStore, field: str, value: Any, taken: dict[Any, int]) -> int:
    if value not in taken:
        taken[value] = max((it["versionNumber"] for it in store.items.values() if it.get(field) == value), default=0)
    taken[value] += 1
    return taken[value]


class ModelRevisionsStore(_SimulatorStore):
    """Simulator model revisions, and their (seeded) data."""

    versioned_by = "modelExternalId"

    def seed_data(
        self, model_revision_external_id: str, flowsheets: Sequence[Mapping[str, Any]] = (), info: Any = None
    ) -> None:
        """Give a model revision the data a connector would extract from its file.

        Args:
            model_revision_external_id: The model revision.
            flowsheets: Flowsheets in wire form.
            info: Other information (a dict).
        """
        self.one("simulator_model_revisions", "externalId", model_revision_external_id, "Model revision")
        self.state.setdefault("data", {})[model_revision_external_id] = {
            "flowsheets": list(flowsheets),
            "info": dict(info or {}),
            "at": self.project.clock(),
        }

    def revision_data(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /simulators/models/revisions/data/list``: the data of a model revision (seeded, else none)."""
        out = []
        for ref in self._items_of(body, "data"):
            xid = ref.get("modelRevisionExternalId")
            revision = self.get({"externalId": xid}) if isinstance(xid, str) else None
            data = self.state.get("data", {}).get(xid)
            if revision is None or data is None:
                continue
            out.append({
                "modelRevisionExternalId": xid, "dataSetId": revision["dataSetId"], "createdTime": data["at"],
                "lastUpdatedTime": data["at"], "flowsheets": data["flowsheets"], "info": data["info"],
            })  # fmt: skip
        return 200, {"items": out}


class _ModelRevisionHooks(Hooks):
    def prepare_create(self, store: ResourceStore, new: list[Item]) -> None:
        assert isinstance(store, _SimulatorStore)
        taken: dict[Any, int] = {}
        for item in new:
            model = store.one("simulator_models", "externalId", item["modelExternalId"], "Model")
            item.update(
                simulatorExternalId=model["simulatorExternalId"],
                dataSetId=model["dataSetId"],
                createdByUserId=_USER,
                status="success",
                versionNumber=_next_version(store, "modelExternalId", item["modelExternalId"], taken),
                logId=store.new_log(f"Model revision {item['externalId']} parsed", model["dataSetId"]),
            )


class RoutinesStore(_SimulatorStore):
    """Simulator routines."""


class _RoutineHooks(Hooks):
    def prepare_create(self, store: ResourceStore, new: list[Item]) -> None:
        assert isinstance(store, _SimulatorStore)
        for item in new:
            model = store.one("simulator_models", "externalId", item["modelExternalId"], "Model")
            store.one(
                "simulator_integrations", "externalId", item["simulatorIntegrationExternalId"], "Simulator integration"
            )
            item.update(simulatorExternalId=model["simulatorExternalId"], dataSetId=model["dataSetId"])

    def after_delete(self, store: ResourceStore, removed: list[Item]) -> None:
        _cascade(
            store.project, "simulator_routine_revisions", "routineExternalId", {it["externalId"] for it in removed}
        )


class RoutineRevisionsStore(_SimulatorStore):
    """Simulator routine revisions."""

    versioned_by = "routineExternalId"
    list_bounds = (10, 20)

    def read(self, item: Item) -> Item:
        return {k: v for k, v in item.items() if k != "lastUpdatedTime"}  # revisions do not change

    def public(self, items: list[Item]) -> list[Item]:
        return [self.read(it) for it in items]

    def list_view(self, item: Item, body: Mapping[str, Any]) -> Item:
        item = self.read(item)
        if body.get("includeAllFields"):
            return item
        config = {k: v for k, v in item["configuration"].items() if k not in ("inputs", "outputs")}
        return {**{k: v for k, v in item.items() if k != "script"}, "configuration": config}


class _RoutineRevisionHooks(Hooks):
    def prepare_create(self, store: ResourceStore, new: list[Item]) -> None:
        assert isinstance(store, _SimulatorStore)
        taken: dict[Any, int] = {}
        for item in new:
            routine = store.one("simulator_routines", "externalId", item["routineExternalId"], "Routine")
            item["configuration"] = {"inputs": [], "outputs": [], **item["configuration"]}
            item.update(
                simulatorExternalId=routine["simulatorExternalId"],
                simulatorIntegrationExternalId=routine["simulatorIntegrationExternalId"],
                modelExternalId=routine["modelExternalId"],
                dataSetId=routine["dataSetId"],
                createdByUserId=_USER,
                versionNumber=_next_version(store, "routineExternalId", item["routineExternalId"], taken),
            )
            if "kind" in routine:
                item["kind"] = routine["kind"]


_NEXT_STATUS = {"ready": "running", "running": "success"}


class RunsStore(_SimulatorStore):
    """Simulation runs: started by ``/simulators/run``, moving one status step per read."""

    def start(self, body: Any) -> tuple[int, Any]:
        """Create runs from run commands (by routine, or by routine revision and model revision)."""
        created: list[Item] = []
        for command in self._items_of(body, "create"):
            if "routineExternalId" in command:
                routine = self.one("simulator_routines", "externalId", command["routineExternalId"], "Routine")
                revision = self.latest("simulator_routine_revisions", "routineExternalId", routine["externalId"])
                model_revision = self.latest("simulator_model_revisions", "modelExternalId", routine["modelExternalId"])
                if revision is None or model_revision is None:
                    raise CDFError(400, f"Routine {routine['externalId']!r} has no routine or model revision to run")
            else:
                revision = self.one("simulator_routine_revisions", "externalId",
                                    command["routineRevisionExternalId"], "Routine revision")  # fmt: skip
                model_revision = self.one("simulator_model_revisions", "externalId",
                                          command["modelRevisionExternalId"], "Model revision")  # fmt: skip
            known = {i["referenceId"] for i in revision["configuration"].get("inputs", [])}
            unknown = [o["referenceId"] for o in command.get("inputs", []) if o["referenceId"] not in known]
            if unknown:
                raise CDFError(400, f"Input overrides name no input of the routine revision: {unknown}")
            now = self.project.clock()
            run: Item = {
                "simulatorExternalId": revision["simulatorExternalId"],
                "simulatorIntegrationExternalId": revision["simulatorIntegrationExternalId"],
                "modelExternalId": revision["modelExternalId"],
                "modelRevisionExternalId": model_revision["externalId"],
                "routineExternalId": revision["routineExternalId"],
                "routineRevisionExternalId": revision["externalId"],
                "runType": "external",
                "status": "ready",
                "dataSetId": revision["dataSetId"],
                "userId": _USER,
                "runTime": command.get("runTime", now),
                "logId": self.new_log("Simulation run created", revision["dataSetId"], command.get("logSeverity")),
            }
            stored = self.seed([run])[0]
            self.state.setdefault("overrides", {})[stored["id"]] = command.get("inputs", [])
            created.append(stored)
        return 201, {"items": created}

    def byids(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        status, out = super().byids(body)
        answered = [dict(it) for it in out["items"]]
        self.after_read(out["items"])
        return status, {"items": answered}

    def list_view(self, item: Item, body: Mapping[str, Any]) -> Item:
        return dict(item)

    def after_read(self, items: Sequence[Item]) -> None:
        for answered in items:
            run = self.items.get(answered["id"])
            if run is None or run["status"] not in _NEXT_STATUS:
                continue
            run["status"] = _NEXT_STATUS[run["status"]]
            run["lastUpdatedTime"] = self.project.clock()
            if run["status"] == "running":
                self.log(run["logId"], "Simulation started")
            else:
                run["simulationTime"] = run["runTime"]
                run["statusMessage"] = "Simulation completed"
                self.log(run["logId"], "Simulation completed")

    def run_data(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /simulators/runs/data/list``: the inputs and (once succeeded) outputs of a run."""
        out = []
        for ref in self._items_of(body, "data"):
            run = self.items.get(ref.get("runId"))
            if run is None:
                raise CDFError(400, "Simulation run not found", missing=[{"runId": ref.get("runId")}])
            revision = next(
                (it for it in self.project.store("simulator_routine_revisions").items.values()
                 if it["externalId"] == run["routineRevisionExternalId"]), None,
            )  # fmt: skip
            config = revision["configuration"] if revision else {}
            overrides = {o["referenceId"]: o for o in self.state.get("overrides", {}).get(run["id"], [])}
            inputs = [_input_value(i, overrides.get(i["referenceId"])) for i in config.get("inputs", [])]
            outputs = []
            if run["status"] == "success":
                for k, output in enumerate(config.get("outputs", [])):
                    source = inputs[k % len(inputs)] if inputs else {"value": 0.0, "valueType": "DOUBLE"}
                    value: Item = {"referenceId": output["referenceId"], "value": source["value"],
                                   "valueType": source["valueType"]}  # fmt: skip
                    if "unit" in output:
                        value["unit"] = {"name": output["unit"]["name"]}
                    if "saveTimeseriesExternalId" in output:
                        value["timeseriesExternalId"] = output["saveTimeseriesExternalId"]
                    outputs.append(value)
            out.append({"runId": run["id"], "inputs": inputs, "outputs": outputs})
        return 200, {"items": out}


def _value_type(value: Any) -> str:
    if isinstance(value, list):
        return "STRING_ARRAY" if value and isinstance(value[0], str) else "DOUBLE_ARRAY"
    return "STRING" if isinstance(value, str) else "DOUBLE"


def _input_value(spec: Mapping[str, Any], override: Mapping[str, Any] | None) -> Item:
    value = spec.get("value", 0.0) if "sourceExternalId" not in spec else 0.0
    unit = spec.get("unit")
    out: Item = {"referenceId": spec["referenceId"], "value": value,
                 "valueType": spec.get("valueType") or _value_type(value)}  # fmt: skip
    if override is not None:
        out["value"] = override["value"]
        out["valueType"] = _value_type(override["value"])
        out["overridden"] = True
        unit = override.get("unit", unit)
    if unit is not None:
        out["unit"] = {"name": unit["name"]}
    if "saveTimeseriesExternalId" in spec:
        out["timeseriesExternalId"] = spec["saveTimeseriesExternalId"]
    return out


class LogsStore(_SimulatorStore):
    """Simulator logs (created by the other simulator families)."""


class IntegrationsStore(_SimulatorStore):
    """Simulator integrations (seeded with ``SimulatorsStore.seed_connector``)."""

    cursor = False


# ------------------------------------------------------------------------------------------------- families


def _family(name: str, path: str, store: type[ResourceStore], verbs: set[str], **kw: Any) -> Family:
    return Family(
        name=name,
        path=path,
        write_fields=kw.pop("write_fields", {}),
        verbs=frozenset(verbs),
        store_cls=store,
        list_limit=(_DEFAULT_LIMIT, 1000),
        **kw,
    )


_SINGLE = {"create": 1, "byids": 1, "update": 1, "delete": 1, "data": 1}

SIMULATOR_FAMILIES: tuple[Family, ...] = (
    _family("simulators", "/simulators", SimulatorsStore, {"list"}, routes={("POST", "/run"): "run"}),
    _family(
        "simulator_integrations", "/simulators/integrations", IntegrationsStore, {"list", "delete"}, limits=_SINGLE,
        filters={"simulatorExternalIds": _in("simulatorExternalId"), "active": _eq("active")},
    ),
    _family(
        "simulator_models", "/simulators/models", ModelsStore, {"create", "list", "byids", "update", "delete"},
        limits=_SINGLE, hooks=_ModelHooks(),
        write_fields={"externalId": str, "simulatorExternalId": str, "name": str, "description": str,
                      "dataSetId": int, "type": str},
        required=("externalId", "simulatorExternalId", "name", "dataSetId", "type"),
        updates={"name": "value", "description": "value"},
        filters={"simulatorExternalIds": _in("simulatorExternalId"), "externalIdPrefix": _prefix("externalId"),
                 "dataSetIds": _in("dataSetId")},
    ),
    _family(
        "simulator_model_revisions", "/simulators/models/revisions", ModelRevisionsStore, {"create", "list", "byids"},
        limits={"create": 1, "byids": 100, "data": 1}, hooks=_ModelRevisionHooks(),
        write_fields={"externalId": str, "modelExternalId": str, "description": str, "fileId": int,
                      "externalDependencies": list},
        required=("externalId", "modelExternalId", "fileId"),
        routes={("POST", "/data/list"): "revision_data"},
        filters={"modelExternalIds": _in("modelExternalId"), "simulatorExternalIds": _in("simulatorExternalId"),
                 "createdTime": _range("createdTime"), "lastUpdatedTime": _range("lastUpdatedTime")},
    ),
    _family(
        "simulator_routines", "/simulators/routines", RoutinesStore, {"create", "list", "delete"},
        limits=_SINGLE, hooks=_RoutineHooks(),
        write_fields={"externalId": str, "modelExternalId": str, "simulatorIntegrationExternalId": str, "name": str,
                      "description": str, "kind": str},
        required=("externalId", "modelExternalId", "simulatorIntegrationExternalId", "name"),
        filters={"modelExternalIds": _in("modelExternalId"),
                 "simulatorIntegrationExternalIds": _in("simulatorIntegrationExternalId"),
                 "simulatorExternalIds": _in("simulatorExternalId"), "kind": _eq("kind")},
    ),
    _family(
        "simulator_routine_revisions", "/simulators/routines/revisions", RoutineRevisionsStore,
        {"create", "list", "byids"}, limits={"create": 1, "byids": 20}, hooks=_RoutineRevisionHooks(),
        write_fields={"externalId": str, "routineExternalId": str, "configuration": dict, "script": list},
        required=("externalId", "routineExternalId", "configuration", "script"),
        filters={"routineExternalIds": _in("routineExternalId"), "modelExternalIds": _in("modelExternalId"),
                 "simulatorIntegrationExternalIds": _in("simulatorIntegrationExternalId"),
                 "simulatorExternalIds": _in("simulatorExternalId"), "kind": _eq("kind"),
                 "createdTime": _range("createdTime")},
    ),
    _family(
        "simulator_runs", "/simulators/runs", RunsStore, {"list", "byids"}, limits=_SINGLE,
        routes={("POST", "/data/list"): "run_data"},
        filters={"status": _eq("status"), "runType": _eq("runType"), "modelExternalIds": _in("modelExternalId"),
                 "simulatorIntegrationExternalIds": _in("simulatorIntegrationExternalId"),
                 "simulatorExternalIds": _in("simulatorExternalId"), "routineExternalIds": _in("routineExternalId"),
                 "routineRevisionExternalIds": _in("routineRevisionExternalId"),
                 "modelRevisionExternalIds": _in("modelRevisionExternalId"), "createdTime": _range("createdTime"),
                 "simulationTime": _range("simulationTime")},
    ),
    _family("simulator_logs", "/simulators/logs", LogsStore, {"byids"}, limits={"byids": 100}, external_id=False),
)  # fmt: skip
