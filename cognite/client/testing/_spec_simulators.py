"""Errata of the CDF spec for the Simulators API (what CDF serves and the SDK sends that the spec lacks).

* ``POST /simulators/models/revisions/data/list``: the data connectors extract from a model revision (flowsheets,
  information); absent from the spec, shape from the CDF API reference.
* Model revisions: ``externalDependencies`` (files the model depends on) on create and in answers, and
  ``deleteOldest`` on create (the CDF API reference documents both).
* Routines: ``kind`` (``"long"``) on create, in answers and in the filters of routines and routine revisions.
"""

from __future__ import annotations

from typing import Any

__all__ = ["SIMULATOR_PATHS", "SIMULATOR_SCHEMA_ERRATA"]

_DEPENDENCIES: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["file", "arguments"],
        "properties": {
            "file": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}},
            "arguments": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    },
}
_KIND: dict[str, Any] = {"type": "string", "enum": ["long"]}


def _with(properties: dict[str, Any]) -> Any:
    def fix(documented: dict[str, Any]) -> dict[str, Any]:
        return {**documented, "properties": {**documented.get("properties", {}), **properties}}

    return fix


#: Schema name -> function of the documented schema giving the corrected one.
SIMULATOR_SCHEMA_ERRATA: dict[str, Any] = {
    "SimulatorModelRevisionCreateCommand": _with({"externalDependencies": _DEPENDENCIES}),
    "SimulatorModelRevision": _with({"externalDependencies": _DEPENDENCIES}),
    "SimulatorModelRevisionView": _with({"externalDependencies": _DEPENDENCIES}),
    "SingleItemSimulatorModelRevisionCreateCommand": _with({"deleteOldest": {"type": "boolean"}}),
    "SimulatorRoutineCreateCommand": _with({"kind": _KIND}),
    "SimulatorRoutineBase": _with({"kind": _KIND}),
    "SimulatorRoutineRevision": _with({"kind": _KIND}),
    "SimulatorRoutineRevisionView": _with({"kind": _KIND}),
    "ListSimulatorRoutinesFilters": _with({"kind": _KIND}),
    "ListSimulatorRoutineRevisionsFilters": _with({"kind": _KIND}),
}

_NUMBER_OR_TEXT: dict[str, Any] = {
    "anyOf": [{"type": "string"}, {"type": "number"}, {"type": "array", "items": {"type": ["string", "number"]}}]
}
_FLOWSHEET: dict[str, Any] = {
    "type": "object",
    "properties": {
        "simulatorObjectNodes": {"type": "array", "items": {
            "type": "object", "required": ["id"],
            "properties": {
                "id": {"type": "string"}, "name": {"type": "string"}, "type": {"type": "string"},
                "graphicalObject": {"type": "object"},
                "properties": {"type": "array", "items": {
                    "type": "object", "required": ["name", "referenceObject", "valueType"],
                    "properties": {"name": {"type": "string"}, "referenceObject": {"type": "object"},
                                   "valueType": {"$ref": "#/components/schemas/SimulationValueType"},
                                   "value": _NUMBER_OR_TEXT, "unit": {"type": "object"},
                                   "readOnly": {"type": "boolean"}},
                }},
            },
        }},
        "simulatorObjectEdges": {"type": "array", "items": {
            "type": "object", "required": ["id"],
            "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "sourceId": {"type": "string"},
                           "targetId": {"type": "string"}, "connectionType": {"type": "string"}},
        }},
        "thermodynamics": {"type": "object", "properties": {
            "propertyPackages": {"type": "array", "items": {"type": "string"}},
            "components": {"type": "array", "items": {"type": "string"}},
        }},
    },
}  # fmt: skip
_REVISION_DATA: dict[str, Any] = {
    "type": "object",
    "required": ["modelRevisionExternalId", "dataSetId", "createdTime", "lastUpdatedTime"],
    "properties": {
        "modelRevisionExternalId": {"type": "string"},
        "dataSetId": {"type": "integer"},
        "createdTime": {"type": "integer"},
        "lastUpdatedTime": {"type": "integer"},
        "flowsheets": {"type": "array", "items": _FLOWSHEET},
        "info": {"type": "object"},
    },
}

#: Operations absent from the spec: path -> method -> operation.
SIMULATOR_PATHS: dict[str, dict[str, Any]] = {
    "/simulators/models/revisions/data/list": {
        "post": {
            "operationId": "retrieveSimulatorModelRevisionData",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["items"], "additionalProperties": False,
                "properties": {"items": {"type": "array", "minItems": 1, "maxItems": 1, "items": {
                    "type": "object", "required": ["modelRevisionExternalId"], "additionalProperties": False,
                    "properties": {"modelRevisionExternalId": {"type": "string"}},
                }}},
            }}}},
            "responses": {"200": {"content": {"application/json": {"schema": {
                "type": "object", "required": ["items"],
                "properties": {"items": {"type": "array", "items": _REVISION_DATA}},
            }}}}},
        }
    }
}  # fmt: skip
