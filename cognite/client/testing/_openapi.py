"""Validate CDF requests and responses against the CDF OpenAPI spec.

Used by the SDK's contract tests (every request the SDK sends) and by the emulator's tests (every response the
emulator gives). Needs the ``jsonschema`` package (a development dependency).

Notes on how the spec is read:

* ``oneOf`` is checked as ``anyOf``. The CDF spec uses ``oneOf`` loosely (``{"type": "number"}`` next to
  ``{"type": "integer"}``, ``{"set": ...}`` next to ``{"add": ..., "remove": ...}`` without
  ``additionalProperties: false``), so a strict ``oneOf`` would reject valid requests.
* ``format`` is not asserted, ``discriminator`` and ``x-*`` keywords are ignored.
* An error status that an operation does not document is checked against the generic CDF error body.
* Known errata of the spec are patched (see ``_ERRATA``): ``StringValue`` (the ``value`` of ``prefix`` filters)
  is documented as an object ``{"value": str}`` but CDF takes (and the SDK sends) a plain string. State time series:
  the ``Aggregate`` enum gains ``stateCount``, ``stateTransitions`` and ``stateDuration``; inserted datapoints may be
  state datapoints (``numericValue``/``stringValue``, which numeric and string datapoints do not have); list and
  latest answers of items with ``type: "state"`` are checked against the spec's state shapes, which it documents
  but does not reference.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from cognite.client.testing._spec_agents import AGENT_PATHS
from cognite.client.testing._spec_alpha import ALPHA_PATHS
from cognite.client.testing._spec_simulators import SIMULATOR_PATHS, SIMULATOR_SCHEMA_ERRATA

try:
    import jsonschema
    import referencing
    import referencing.jsonschema
except ImportError as _err:  # pragma: no cover - exercised only without the dev dependency
    raise ImportError(
        "cognite.client.testing._openapi needs the 'jsonschema' package (a development dependency): "
        "pip install jsonschema"
    ) from _err

__all__ = ["Operation", "OpenAPISpec", "SpecValidationError", "find_spec_path"]

SPEC_ENV_VAR = "COGNITE_OPENAPI_SPEC"
_SPEC_URI = "urn:cdf-openapi"
_API_PREFIX = re.compile(r"^/api/v1/projects/[^/]+")
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
_GENERIC_ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"$ref": "#/components/schemas/Error"}},
}


class SpecValidationError(AssertionError):
    """A request or response does not match the CDF OpenAPI spec.

    Args:
        message: What did not match, with the JSON path of each problem.
        errors: One line per problem.
    """

    def __init__(self, message: str, errors: list[str] | None = None) -> None:
        super().__init__(message)
        self.errors: list[str] = errors or [message]


def find_spec_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Find the CDF OpenAPI spec file.

    Args:
        path: An explicit path. Without it: the ``COGNITE_OPENAPI_SPEC`` environment variable, then
            ``../shared/reference/cdf-openapi.json`` relative to the repository root (searched upwards from this
            file and from the working directory).

    Returns:
        The path of an existing spec file.
    """
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise FileNotFoundError(f"CDF OpenAPI spec not found at {p}")
        return p
    if env := os.environ.get(SPEC_ENV_VAR):
        return find_spec_path(env)
    for start in (Path(__file__).resolve(), Path.cwd().resolve()):
        for parent in (start, *start.parents):
            for candidate in (
                parent / "shared" / "reference" / "cdf-openapi.json",
                parent.parent / "shared" / "reference" / "cdf-openapi.json",
            ):
                if candidate.is_file():
                    return candidate
    raise FileNotFoundError(
        f"CDF OpenAPI spec not found; pass a path or set {SPEC_ENV_VAR} (expected ../shared/reference/cdf-openapi.json)"
    )


def _pointer_escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


#: Schema name -> function giving the corrected schema from the documented one.
_ERRATA: dict[str, Any] = {
    "StringValue": lambda documented: {"anyOf": [{"type": "string"}, documented]},
    # requires "resource"/"resourceId", which are not among its properties (type, externalId)
    "resourceReferenceWithExternalId": lambda documented: {**documented, "required": ["type", "externalId"]},
    # a sequence column has no "id" (not among its properties); it is identified by its externalId
    "GetSequenceColumnDTO": lambda documented: {
        **documented,
        "required": ["externalId" if r == "id" else r for r in documented["required"]],
    },
    # a value of a sequence row is null where the row has no value in that column (CDF takes and answers null)
    "SequenceItemDTO": lambda documented: {"anyOf": [documented, {"type": "null"}]},
    # a uniqueValues bucket of sequences requires "property", which is not among its properties (values, count)
    "SequencesUniqueValuesAggregateResponse": lambda documented: {
        **documented,
        "properties": {
            "items": {
                **documented["properties"]["items"],
                "items": {**documented["properties"]["items"]["items"], "required": ["values", "count"]},
            }
        },
    },
    # buckets of uniqueValues/uniqueProperties: no matching item gives no bucket (CDF answers {"items": []})
    "ValuesAggregateResult": lambda documented: {
        **documented,
        "properties": {"items": {**documented["properties"]["items"], "minItems": 0}},
    },
    # relationship answers: a list (or byids with ignoreUnknownIds) that finds nothing answers {"items": []}
    "relationshipResponseWrapper": lambda documented: {
        **documented,
        "properties": {"items": {**documented["properties"]["items"], "minItems": 0}},
    },
    "enrichedRelationshipResponseWrapper": lambda documented: {
        **documented,
        "properties": {"items": {**documented["properties"]["items"], "minItems": 0}},
    },
}


# State time series (type "state"). The spec has the shapes of their datapoints (GetStateDatapoint,
# DatapointsGetStateDatapoint, GetStateAggregateDatapoint) but does not use them: the errata below add them where CDF
# takes and answers them, chosen by the item's "type", so that state items are checked against their own shapes.
_STATE_ITEM = {"required": ["type"], "properties": {"type": {"const": "state"}}}
_NOT_STATE_VALUES = {"not": {"anyOf": [{"required": ["numericValue"]}, {"required": ["stringValue"]}]}}
#: An inserted state datapoint: a state given by numericValue and/or stringValue, or only a (bad) status.
_POST_STATE_DATAPOINT = {
    "title": "StateDatapoint",
    "type": "object",
    "required": ["timestamp"],
    "additionalProperties": False,
    "properties": {
        "timestamp": {"minimum": -2208988800000, "maximum": 4102444799999},
        "numericValue": {"type": "integer"},
        "stringValue": {"type": "string"},
        "status": {"$ref": "#/components/schemas/DatapointStatus"},
    },
}
#: A list answer of state aggregates (the spec has GetStateAggregateDatapoint, but no item holding them).
_STATE_AGGREGATES_ITEM = {
    "allOf": [
        {"$ref": "#/components/schemas/DatapointsMetadata"},
        {
            "type": "object",
            "required": ["datapoints", "isString", "type"],
            "properties": {
                "isString": {"enum": [False]},
                "type": {"$ref": "#/components/schemas/TimeSeriesType"},
                "isStep": {"type": "boolean"},
                "unit": {"type": "string"},
                "nextCursor": {"type": "string"},
                "datapoints": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/GetStateAggregateDatapoint"},
                },
            },
        },
    ]
}
_RAW_STATE_ITEM = {
    "allOf": [
        {"$ref": "#/components/schemas/DatapointsGetStateDatapoint"},
        {"properties": {"datapoints": {"items": {"not": {"required": ["stateAggregates"]}}}}},
    ]
}
#: State datapoints, raw or aggregates, never have a "value".
_NO_VALUE = {"properties": {"datapoints": {"items": {"not": {"required": ["value"]}}}}}


def _by_type(documented_items: Any, state_items: Any) -> dict[str, Any]:
    """Items of a datapoints answer: state ones (``type: "state"``) by ``state_items``, the others as documented."""
    return {"if": _STATE_ITEM, "then": {"allOf": [_NO_VALUE, state_items]}, "else": documented_items}


_ERRATA.update(
    {
        # the aggregates of state time series are requested by these names
        "Aggregate": lambda documented: {
            **documented,
            "enum": [*documented["enum"], "stateCount", "stateTransitions", "stateDuration"],
        },
        # state datapoints are inserted with numericValue/stringValue (only into state series); values are not
        "PostDatapoint": lambda documented: {
            "anyOf": [*({**alt, **_NOT_STATE_VALUES} for alt in documented["anyOf"]), _POST_STATE_DATAPOINT]
        },
        # a list answer holds raw state datapoints or state aggregates for an item of type "state"
        "DatapointsOrAggregatesResponse": lambda documented: {
            **documented,
            "properties": {
                "items": {
                    **documented["properties"]["items"],
                    "items": _by_type(
                        documented["properties"]["items"]["items"],
                        {"anyOf": [_RAW_STATE_ITEM, _STATE_AGGREGATES_ITEM]},
                    ),
                }
            },
        },
        # a latest answer of a state series holds a raw state datapoint
        "DatapointsResponse": lambda documented: {
            **documented,
            "properties": {
                "items": {
                    **documented["properties"]["items"],
                    "items": _by_type(documented["properties"]["items"]["items"], _RAW_STATE_ITEM),
                }
            },
        },
    }
)


# Annotations and contextualization.
_ONE_FILE = {"anyOf": [{"required": ["fileId"]}, {"required": ["fileExternalId"]}, {"required": ["fileInstanceId"]}]}


def _one_file_fix(documented: dict[str, Any]) -> dict[str, Any]:
    """A file reference has one of fileId, fileExternalId and fileInstanceId (the spec requires all three at once
    and lists them as alternatives)."""
    fixed = {k: v for k, v in documented.items() if k != "required"}
    return {**fixed, "allOf": [*fixed.get("allOf", []), _ONE_FILE]}


def _nullable(ref: str) -> dict[str, Any]:
    return {"anyOf": [{"$ref": f"#/components/schemas/{ref}"}, {"type": "null"}]}


def _matcher_fix(documented: dict[str, Any]) -> dict[str, Any]:
    """A model answers null for an externalId it was not given (the spec requires a string)."""
    first = dict(documented["allOf"][0])
    first["properties"] = {**first["properties"], "externalId": _nullable("CogniteExternalId")}
    return {**documented, "allOf": [first, *documented["allOf"][1:]]}


_ERRATA.update(
    {
        # "nullable: true" (an OpenAPI 3.0 keyword, ignored in 3.1): the creating user of an annotation may be null
        "User": lambda documented: {"anyOf": [documented, {"type": "null"}]},
        "FileReferenceWithPageRange": _one_file_fix,
        "OneOfFileId": _one_file_fix,
        "FileReference": _one_file_fix,
        "EntityMatcherResponseSchema": _matcher_fix,
        # a model answers null for a name or description it was not given
        "EntityMatchingFeatureSchema": lambda documented: {
            **documented,
            "properties": {
                **documented["properties"],
                "name": _nullable("ModelName"),
                "description": _nullable("ModelDescription"),
            },
        },
    }
)


#: Response name -> function giving the corrected JSON schema of that (shared) response from the documented one.
# Data-modeling instances.
_ERRATA.update(
    {
        # the pattern is meant to forbid NUL characters, but its doubled escape forbids backslashes, "x" and "0"
        "NodeOrEdgeExternalId": lambda documented: {**documented, "pattern": "^[^\\x00]{1,256}$"},
        # a property written as null clears it (CDF takes null values in sources and filters answer them)
        "RawPropertyValueV3": lambda documented: {"anyOf": [documented, {"type": "null"}]},
        # an apply without "delete" answers "deleted": [], a delete of ids that do not exist "items": []
        "DeletedInstances": lambda documented: {**documented, "minItems": 0},
        # requires "properties", which is not among its properties (it is the schema keyword): only "items"
        "AggregatedResultItemCollection": lambda documented: {**documented, "required": ["items"]},
    }
)


def _enum_values_fix(documented: dict[str, Any]) -> dict[str, Any]:
    """The 1..32 bound of an enum is on its ``values`` (the spec puts it on each value, whose fields are optional:
    its own example has a value ``{}``)."""
    values = dict(documented["properties"]["values"])
    each = {k: v for k, v in values["additionalProperties"].items() if k not in ("minProperties", "maxProperties")}
    values.update(additionalProperties=each, minProperties=1, maxProperties=32)
    return {**documented, "properties": {**documented["properties"], "values": values}}


# Data-modeling schema (spaces, containers, views, data models).
_ERRATA.update({"EnumProperty": _enum_values_fix})


# Documents: the cardinalityProperties aggregate's "path" is documented as ["metadata"] only, while the operation's
# description (and CDF) scope it with ["sourceFile", "metadata"], as the uniqueProperties aggregate is.
def _documents_cardinality_path_fix(documented: dict[str, Any]) -> dict[str, Any]:
    parts = []
    for part in documented["allOf"]:
        path = part.get("properties", {}).get("path") if isinstance(part, dict) else None
        if path is not None:
            either = {"anyOf": [path, {"type": "array", "prefixItems": [{"const": "sourceFile"}, {"const": "metadata"}],
                                        "minItems": 2, "maxItems": 2}]}  # fmt: skip
            part = {**part, "properties": {**part["properties"], "path": either}}
        parts.append(part)
    return {**documented, "allOf": parts}


_ERRATA.update({"DocumentsAggregateCardinalityPropertiesRequest": _documents_cardinality_path_fix})


# Unit catalog: its errors are documented as a bare {"message", "code"}; CDF answers them in the usual wrapper.
_ERRATA.update({"APIError": lambda documented: {"anyOf": [documented, _GENERIC_ERROR_SCHEMA]}})


# Hosted extractors: a REST source's update takes ``authentication`` and ``caCertificate`` (set, or setNull) as the
# other source types' updates do; the spec's UpdateRestSource lacks them, though cognite-sdk 8.22 sends them.
_ERRATA.update(
    {
        "UpdateRestSource": lambda documented: {
            **documented,
            "properties": {
                **documented["properties"],
                "authentication": {
                    "anyOf": [
                        {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["set"],
                            "properties": {
                                "set": {"$ref": "#/components/schemas/CreateRestSource/properties/authentication"}
                            },
                        },
                        {"$ref": "#/components/schemas/UpdateSetNull"},
                    ]
                },
                "caCertificate": {
                    "anyOf": [
                        {"$ref": "#/components/schemas/UpdateItem_CACertificate_"},
                        {"$ref": "#/components/schemas/UpdateSetNull"},
                    ]
                },
            },
        }
    }
)


def _pg_create_table(kind: str, options: str, columns: bool) -> Any:
    """A Postgres gateway table to create, flat: the spec's ``allOf`` of ``CreateTable_`` (which forbids any property
    but ``type`` and ``tablename``) and the kind's fields, under ``additionalProperties: false``, takes no table."""

    def fix(documented: dict[str, Any]) -> dict[str, Any]:
        properties: dict[str, Any] = {
            "type": {"enum": [kind]},
            "tablename": {"type": "string", "minLength": 1, "maxLength": 60},
            "options": {"$ref": f"#/components/schemas/{options}"},
        }
        if columns:
            properties["columns"] = {"$ref": "#/components/schemas/Column_"}
        return {"type": "object", "additionalProperties": False, "required": ["type", "tablename", "options",
                *(["columns"] if columns else [])], "properties": properties}  # fmt: skip

    return fix


# Postgres gateway tables: the create schemas combine allOf/oneOf with additionalProperties: false (see above).
_ERRATA.update(
    {
        "CreateRawTable": _pg_create_table("raw_rows", "RawTableOptions", columns=True),
        "CreateFdmTable": _pg_create_table("view", "FdmTableOptions", columns=False),
        "CreateTable": lambda documented: {k: v for k, v in documented.items() if k != "additionalProperties"},
    }
)


# Functions.
_ERRATA.update(
    {
        # requires "nonce", which CDF takes in a create but never answers (the schema serves both)
        "FunctionSchedule": lambda documented: {
            **documented,
            "required": [r for r in documented.get("required", []) if r != "nonce"],
        },
        # requires "code", which is not among its properties (message, trace)
        "FunctionCallError": lambda documented: {**documented, "required": ["message"]},
        # spells the function filters "FunctionId" and "FunctionExternalId"; CDF takes (and the SDK sends) camelCase
        "FunctionScheduleFilter": lambda documented: {
            **documented,
            "properties": {
                "filter": {
                    **documented["properties"]["filter"],
                    "properties": {
                        **documented["properties"]["filter"]["properties"],
                        "functionId": {"$ref": "#/components/schemas/CogniteInternalId"},
                        "functionExternalId": {"$ref": "#/components/schemas/CogniteExternalId"},
                    },
                }
            },
        },
    }
)


def _any_json_response(documented: dict[str, Any]) -> dict[str, Any]:
    """A call's ``response`` is whatever the function returned (any JSON value), not only an object."""
    return {**documented, "properties": {**documented["properties"], "response": {}}}


def request_view(node: Any) -> Any:
    """A copy of an (inlined) schema as it applies to requests: properties marked ``readOnly`` are not required (the
    OpenAPI rule; e.g. the ``id`` and ``status`` of a function, whose create takes the read schema)."""
    if isinstance(node, list):
        return [request_view(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: request_view(v) for k, v in node.items()}
    required = node.get("required")
    if isinstance(required, list):
        props: dict[str, Any] = dict(node.get("properties") or {})
        for member in node.get("allOf") or ():
            if isinstance(member, dict):
                props.update(member.get("properties") or {})
        read_only = {name for name, prop in props.items() if isinstance(prop, dict) and prop.get("readOnly") is True}
        out["required"] = [r for r in required if r not in read_only]
    return out


_RESPONSE_ERRATA: dict[str, Any] = {
    # documents the inner error object without its {"error": ...} wrapper; CDF answers errors in the wrapper
    "MissingField": lambda documented: {"anyOf": [documented, _GENERIC_ERROR_SCHEMA]},
    "FunctionCallResponse": _any_json_response,
}


_PROJECT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["name", "urlName"],
    "properties": {
        "name": {"type": "string"},
        "urlName": {"type": "string"},
        "organization": {"type": "string"},
        "userProfilesConfiguration": {"$ref": "#/components/schemas/UserProfilesConfigurationDTO"},
    },
}
#: Operations CDF serves that the spec lacks, though it has their schemas: path (relative to the project) -> method ->
#: operation. The project itself (``GET /api/v1/projects/{project}``, where the SDK reads the organization a project
#: belongs to) and its update (``POST .../update``, e.g. to enable user profiles: ``ProjectUpdateObjectDTO``).
_PATH_ERRATA: dict[str, dict[str, Any]] = {
    "/": {
        "get": {
            "operationId": "retrieveProject",
            "responses": {"200": {"content": {"application/json": {"schema": _PROJECT_SCHEMA}}}},
        }
    },
    "/update": {
        "post": {
            "operationId": "updateProject",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["update"],
                            "properties": {"update": {"$ref": "#/components/schemas/ProjectUpdateObjectDTO"}},
                        }
                    }
                },
            },
            "responses": {"200": {"content": {"application/json": {"schema": _PROJECT_SCHEMA}}}},
        }
    },
}


#: Annotations: ``POST /annotations/reverselookup`` (the spec has its request and response, not the path);
#: entity matching: ``GET /context/entitymatching/jobs`` lists the prediction jobs.
_PATH_ERRATA.update(
    {
        "/annotations/reverselookup": {
            "post": {
                "operationId": "annotationsReverseLookup",
                "requestBody": {"$ref": "#/components/requestBodies/AnnotationsV2ReverseLookupRequestSchema"},
                "responses": {"200": {"$ref": "#/components/responses/AnnotationsV2ReverseLookupSchema"}},
            }
        },
        "/context/entitymatching/jobs": {
            "get": {
                "operationId": "entityMatchingListJobs",
                "responses": {
                    "200": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["items"],
                                    "properties": {
                                        "items": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "required": ["jobId"],
                                                "allOf": [
                                                    {"properties": {"jobId": {"$ref": "#/components/schemas/JobId"}}},
                                                    {"$ref": "#/components/schemas/StatusSchema"},
                                                ],
                                            },
                                        }
                                    },
                                }
                            }
                        }
                    }
                },
            }
        },
    }
)


# Transformations: a preview answers its rows with values of any JSON type (strings only with convertToString); the
# spec documents every value as a string.
_ERRATA.update(
    {
        "Items_JsonObject": lambda documented: {
            "type": "object",
            "properties": {"items": {"type": "array", "items": {"type": "object"}}},
        }
    }
)
_EXT_SOURCE_WRITE: dict[str, Any] = {
    "type": "object",
    "required": ["externalId", "format", "settings"],
    "properties": {
        "externalId": {"type": "string", "minLength": 1, "maxLength": 255},
        "name": {"type": "string"},
        "dataSetId": {"type": "integer"},
        "format": {"type": "string", "enum": ["one_lake"]},
        "settings": {
            "type": "object",
            "required": ["credentials", "locationDescription"],
            "properties": {
                "credentials": {
                    "type": "object",
                    "required": ["clientId", "tenantId", "clientSecret"],
                    "properties": {n: {"type": "string"} for n in ("clientId", "tenantId", "clientSecret")},
                },
                "locationDescription": {
                    "type": "object",
                    "required": ["workspaceId", "containerId"],
                    "properties": {n: {"type": "string"} for n in ("workspaceId", "containerId")},
                },
            },
        },
    },
}
_EXT_SOURCE_READ: dict[str, Any] = {
    "type": "object",
    "required": ["externalId", "format", "settings", "createdTime", "lastUpdatedTime"],
    "properties": {
        **{k: v for k, v in _EXT_SOURCE_WRITE["properties"].items() if k != "settings"},
        "createdTime": {"type": "integer"},
        "lastUpdatedTime": {"type": "integer"},
        "settings": {
            "type": "object",
            "required": ["credentials", "locationDescription"],
            "properties": {
                # the client secret is write-only: never answered
                "credentials": {
                    "type": "object",
                    "required": ["clientId", "tenantId"],
                    "not": {"required": ["clientSecret"]},
                    "properties": {n: {"type": "string"} for n in ("clientId", "tenantId")},
                },
                "locationDescription": _EXT_SOURCE_WRITE["properties"]["settings"]["properties"]["locationDescription"],
            },
        },
    },
}


def _json_op(request: Any, response: Any, status: str = "200", operation_id: str = "") -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": operation_id,
        "responses": {status: {"content": {"application/json": {"schema": response}}}},
    }
    if request is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": request}}}
    return op


def _items(schema: Any, max_items: int | None = None) -> dict[str, Any]:
    array: dict[str, Any] = {"type": "array", "items": schema}
    if max_items is not None:
        array.update(minItems=1, maxItems=max_items)
    return {"type": "object", "required": ["items"], "properties": {"items": array}}


_XID_ONLY = {"type": "object", "required": ["externalId"], "properties": {"externalId": {"type": "string"}}}
#: Transformation external data sources (a beta API, absent from the spec; shapes from the CDF API documentation).
_PATH_ERRATA.update(
    {
        "/transformations/externaldata": {
            "get": {
                **_json_op(None, {**_items(_EXT_SOURCE_READ), "properties": {
                    **_items(_EXT_SOURCE_READ)["properties"], "nextCursor": {"type": "string"}}},
                    operation_id="listExternalDataSources"),
                "parameters": [
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}},
                    {"name": "cursor", "in": "query", "schema": {"type": "string"}},
                ],
            },
            "post": _json_op(_items(_EXT_SOURCE_WRITE, 1000), _items(_EXT_SOURCE_READ), "201", "createExternalDataSources"),
        },
        "/transformations/externaldata/delete": {
            "post": _json_op(_items(_XID_ONLY, 1000), {"type": "object"}, operation_id="deleteExternalDataSources")
        },
        "/transformations/externaldata/usability": {
            "post": _json_op(
                _XID_ONLY,
                {"type": "object", "required": ["externalId"],
                 "properties": {"externalId": {"type": "string"}, "usableVersion": {"type": "string"}}},
                operation_id="verifyExternalDataSourceUsability",
            )
        },
    }
)  # fmt: skip


# Records: the external id of a record is "1 to 256 characters, no NUL"; the documented pattern escapes the backslash
# twice (``[^\\\\x00]``), which in a regex excludes the characters backslash, "x" and "0" (rejecting e.g. "r0").
_ERRATA.update({"RecordExternalId": lambda documented: {**documented, "pattern": "^[^\\x00]{1,256}$"}})

# GraphQL on data models: CDF serves it (the SDK's ``data_modeling.graphql``) but the spec has no operation for it. A
# GraphQL request is ``{"query", "variables"}``; the answer has ``data`` and/or ``errors`` (status 200 either way).
_GRAPHQL_OPERATION: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["query"],
                    "properties": {"query": {"type": "string"}, "variables": {"type": "object"}},
                }
            }
        },
    },
    "responses": {
        "200": {
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {"data": {"type": ["object", "null"]}, "errors": {"type": ["array", "null"]}},
                    }
                }
            }
        }
    },
}
_PATH_ERRATA.update({
    "/dml/graphql": {"post": {"operationId": "graphQlDml", **_GRAPHQL_OPERATION}},
    "/userapis/spaces/{space}/datamodels/{externalId}/versions/{version}/graphql": {
        "post": {"operationId": "graphQlQuery", **_GRAPHQL_OPERATION}
    },
})  # fmt: skip


# Limits and metering: alpha APIs, absent from the (stable) spec; shapes from the CDF alpha API reference.
_PATH_ERRATA.update(ALPHA_PATHS)

# Atlas AI agents: a beta API, absent from the spec; shapes from the CDF API reference (see _spec_agents).
_PATH_ERRATA.update(AGENT_PATHS)

# Simulators: model revision data, external dependencies and routine kinds (see _spec_simulators).
_PATH_ERRATA.update(SIMULATOR_PATHS)
_ERRATA.update(SIMULATOR_SCHEMA_ERRATA)


def _add_path_errata(raw: dict[str, Any]) -> dict[str, Any]:
    """The spec with the operations of ``_PATH_ERRATA`` it lacks (a copy; the given spec is not changed)."""
    paths = dict(raw.get("paths", {}))
    for path, operations in _PATH_ERRATA.items():
        item = dict(paths.get(path, {}))
        for method, operation in operations.items():
            item.setdefault(method, operation)
        paths[path] = item
    return {**raw, "paths": paths}


def _server_path(item: dict[str, Any], operation: dict[str, Any]) -> str | None:
    """The path of the server an operation overrides the default with (e.g. ``/api/v1`` for token inspection)."""
    from urllib.parse import urlsplit

    servers = operation.get("servers") or item.get("servers")
    if not servers:
        return None
    path = urlsplit(str(servers[0].get("url", ""))).path.rstrip("/")
    return path if path and "{project}" not in path and "/projects/" not in path else None


#: Operation responses documented as the bare error object, without the ``{"error": ...}`` wrapper CDF answers errors
#: in: (path, method, status). Workflow triggers: pause and resume of an unknown trigger (404).
_BARE_ERROR_RESPONSES: tuple[tuple[str, str, str], ...] = (
    ("/workflows/triggers/{triggerExternalId}/pause", "post", "404"),
    ("/workflows/triggers/{triggerExternalId}/resume", "post", "404"),
)


def _apply_errata(loose: dict[str, Any]) -> dict[str, Any]:
    paths = loose.get("paths", {})
    for path, method, status in _BARE_ERROR_RESPONSES:
        response = paths.get(path, {}).get(method, {}).get("responses", {}).get(status, {})
        content = response.get("content", {}).get("application/json")
        if content is not None and "schema" in content:
            content["schema"] = {"anyOf": [content["schema"], _GENERIC_ERROR_SCHEMA]}
    schemas = loose.get("components", {}).get("schemas", {})
    for name, fix in _ERRATA.items():
        if name in schemas:
            schemas[name] = fix(schemas[name])
    responses = loose.get("components", {}).get("responses", {})
    for name, fix in _RESPONSE_ERRATA.items():
        content = responses.get(name, {}).get("content", {}).get("application/json")
        if content is not None and "schema" in content:
            content["schema"] = fix(content["schema"])
    return loose


def _loosen(node: Any) -> Any:
    """Return a copy of a schema tree with ``oneOf`` turned into ``anyOf`` and ``discriminator`` dropped."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "discriminator":
                continue
            out["anyOf" if key == "oneOf" and "anyOf" not in node else key] = _loosen(value)
        return out
    if isinstance(node, list):
        return [_loosen(v) for v in node]
    return node


@dataclass
class Operation:
    """One operation (method + path template) of the spec.

    Args:
        method: Upper-case HTTP method.
        path: The path template, relative to ``/api/v1/projects/{project}`` (e.g. ``/assets/{id}``).
        operation_id: The spec's ``operationId``.
        spec: The spec this operation belongs to.
        raw: The operation object of the spec (``$ref``s unresolved).
    """

    method: str
    path: str
    operation_id: str
    spec: OpenAPISpec = field(repr=False)
    raw: dict[str, Any] = field(repr=False)
    _pointer: str = field(repr=False, default="")

    @functools.cached_property
    def request_schema_pointer(self) -> str | None:
        """The JSON pointer of the JSON request body schema, or None when the operation takes no JSON body."""
        body = self.raw.get("requestBody")
        if body is None:
            return None
        pointer = f"{self._pointer}/requestBody"
        if "$ref" in body:
            pointer = body["$ref"].lstrip("#")
            body = self.spec.resolve(body["$ref"])
        for ctype in body.get("content", {}):
            if "json" in ctype:
                return f"{pointer}/content/{_pointer_escape(ctype)}/schema"
        return None

    @functools.cached_property
    def request_required(self) -> bool:
        """Whether the spec says the request body is required."""
        body = self.raw.get("requestBody") or {}
        if "$ref" in body:
            body = self.spec.resolve(body["$ref"])
        return bool(body.get("required", False))

    @functools.cached_property
    def parameters(self) -> dict[tuple[str, str], dict[str, Any]]:
        """The resolved parameters, keyed by ``(in, name)``."""
        params: dict[tuple[str, str], dict[str, Any]] = {}
        path_item = self.spec.raw["paths"][self.path]
        for p in [*path_item.get("parameters", []), *self.raw.get("parameters", [])]:
            resolved = self.spec.resolve(p["$ref"]) if "$ref" in p else p
            params[(resolved["in"], resolved["name"])] = resolved
        return params

    def response_schema_pointer(self, status: int) -> str | None:
        """The JSON pointer of the JSON response schema for a status.

        Args:
            status: The HTTP status code.

        Returns:
            The pointer, None when the documented response has no JSON body, or ``"error"`` for an undocumented
            error status (checked against the generic error body).
        """
        responses = self.raw.get("responses", {})
        key = str(status)
        if key not in responses:
            key = f"{str(status)[0]}XX" if f"{str(status)[0]}XX" in responses else "default"
        if key not in responses:
            if status >= 400:
                return "error"
            raise SpecValidationError(
                f"{self.method} {self.path}: status {status} is not documented (documented: {sorted(responses)})"
            )
        response = responses[key]
        pointer = f"{self._pointer}/responses/{key}"
        if "$ref" in response:
            pointer = response["$ref"].lstrip("#")
            response = self.spec.resolve(response["$ref"])
        for ctype in response.get("content", {}):
            if "json" in ctype:
                return f"{pointer}/content/{_pointer_escape(ctype)}/schema"
        return None

    @functools.cached_property
    def max_items(self) -> int | None:
        """The ``maxItems`` of the request body's ``items`` array, if the spec gives one."""
        pointer = self.request_schema_pointer
        if pointer is None:
            return None
        return self.spec.items_max(self.spec.resolve("#" + pointer))


class OpenAPISpec:
    """The CDF OpenAPI spec, ready to match paths and validate bodies.

    Args:
        source: A path to the spec file, or the parsed spec. Default: :func:`find_spec_path`.
    """

    def __init__(self, source: str | os.PathLike[str] | Mapping[str, Any] | None = None) -> None:
        if isinstance(source, Mapping):
            raw: dict[str, Any] = dict(source)
            self.path: Path | None = None
        else:
            self.path = find_spec_path(source)
            raw = _load_json(self.path)
        raw = _add_path_errata(raw)
        self.raw = raw
        self._loose = _apply_errata(_loosen(raw))
        resource = referencing.Resource.from_contents(
            self._loose, default_specification=referencing.jsonschema.DRAFT202012
        )
        self._registry: referencing.Registry[Any] = referencing.Registry().with_resource(_SPEC_URI, resource)
        self._validators: dict[str, jsonschema.protocols.Validator] = {}
        self._lock = threading.Lock()
        self._literal: dict[tuple[str, str], Operation] = {}
        self._templated: list[tuple[str, re.Pattern[str], Operation]] = []
        for path, item in raw.get("paths", {}).items():
            for method in _METHODS:
                if method not in item:
                    continue
                op = Operation(
                    method=method.upper(),
                    path=path,
                    operation_id=item[method].get("operationId", ""),
                    spec=self,
                    raw=item[method],
                    _pointer=f"/paths/{_pointer_escape(path)}/{method}",
                )
                if "{" in path:
                    pattern = re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)) + "$")
                    self._templated.append((method.upper(), pattern, op))
                else:
                    self._literal[(method.upper(), path)] = op
        # Operations served outside the project (their own ``servers``, e.g. ``/api/v1/token/inspect``) are found by
        # their full path too, unless the spec has another operation there.
        for (method, path), op in list(self._literal.items()):
            prefix = _server_path(raw["paths"][path], op.raw)
            if prefix is not None:
                self._literal.setdefault((method, prefix + path), op)
        # Fewer path parameters first, so /assets/list beats /assets/{id}.
        self._templated.sort(key=lambda t: (t[2].path.count("{"), -len(t[2].path)))

    @classmethod
    @functools.lru_cache(maxsize=4)
    def load(cls, path: str | None = None) -> OpenAPISpec:
        """Load (once per path) and return the spec.

        Args:
            path: The spec file; default: :func:`find_spec_path`.

        Returns:
            The shared, cached spec object.
        """
        return cls(str(find_spec_path(path)))

    def resolve(self, ref: str) -> Any:
        """Resolve a local ``#/...`` reference in the raw spec.

        Args:
            ref: The reference, e.g. ``#/components/schemas/Asset``.

        Returns:
            The referenced node.
        """
        node: Any = self.raw
        for part in ref.lstrip("#").strip("/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def items_max(self, schema: Any, _depth: int = 0) -> int | None:
        """The ``maxItems`` of the ``items`` property of an object schema (following ``$ref`` and ``allOf``).

        Args:
            schema: A raw schema node.

        Returns:
            The limit or None.
        """
        if not isinstance(schema, dict) or _depth > 8:
            return None
        if "$ref" in schema:
            return self.items_max(self.resolve(schema["$ref"]), _depth + 1)
        items = schema.get("properties", {}).get("items")
        if isinstance(items, dict):
            if "$ref" in items:
                items = self.resolve(items["$ref"])
            if "maxItems" in items:
                return int(items["maxItems"])
        for sub in schema.get("allOf", []):
            if (found := self.items_max(sub, _depth + 1)) is not None:
                return found
        return None

    def operations(self) -> Iterator[Operation]:
        """Iterate over every operation of the spec."""
        yield from self._literal.values()
        for _, _, op in self._templated:
            yield op

    def find_operation(self, method: str, path: str) -> Operation | None:
        """Find the operation that serves a concrete request path.

        Args:
            method: The HTTP method.
            path: The path, either relative to the project (``/assets/123``) or absolute
                (``/api/v1/projects/p/assets/123``); a query string is ignored.

        Returns:
            The operation, or None when the spec has no such route.
        """
        method = method.upper()
        path = _API_PREFIX.sub("", path.split("?", 1)[0]) or "/"
        if (op := self._literal.get((method, path))) is not None:
            return op
        for m, pattern, op in self._templated:
            if m == method and pattern.match(path):
                return op
        return None

    def operation(self, method: str, path: str) -> Operation:
        """Like :meth:`find_operation`, but raise :class:`SpecValidationError` for an unknown route.

        Args:
            method: The HTTP method.
            path: The concrete path.

        Returns:
            The operation.
        """
        op = self.find_operation(method, path)
        if op is None:
            raise SpecValidationError(f"{method.upper()} {path}: no such operation in the CDF API spec")
        return op

    def _inline(self, node: Any, stack: tuple[str, ...] = ()) -> Any:
        """Copy a (loosened) schema with local ``$ref``s inlined; recursive ones point into the registry.

        Inlining makes validation about twice as fast as resolving references on every instance.
        """
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#"):
                if ref in stack or len(stack) > 30:
                    return {**node, "$ref": _SPEC_URI + ref}
                target = self._loose
                for part in ref[1:].strip("/").split("/"):
                    target = target[part.replace("~1", "/").replace("~0", "~")]
                inlined = self._inline(target, (*stack, ref))
                rest = {k: self._inline(v, stack) for k, v in node.items() if k != "$ref"}
                return {**inlined, **rest} if not rest else {"allOf": [inlined], **rest}
            return {k: self._inline(v, stack) for k, v in node.items()}
        if isinstance(node, list):
            return [self._inline(v, stack) for v in node]
        return node

    def _validator(self, pointer: str) -> jsonschema.protocols.Validator:
        validator = self._validators.get(pointer)
        if validator is None:
            with self._lock:
                schema = _GENERIC_ERROR_SCHEMA if pointer == "error" else {"$ref": f"#{pointer}"}
                inlined = self._inline(schema)
                if "/requestBod" in pointer:  # ``/requestBody`` of an operation or ``/requestBodies`` of components
                    inlined = request_view(inlined)
                validator = jsonschema.Draft202012Validator(inlined, registry=self._registry)
                self._validators[pointer] = validator
        return validator

    @staticmethod
    def _errors(validator: jsonschema.protocols.Validator, instance: Any, limit: int = 10) -> list[str]:
        out = []
        for err in validator.iter_errors(instance):
            best = jsonschema.exceptions.best_match([err]) if err.context else err
            where = "/".join(str(p) for p in best.absolute_path) or "<root>"
            message = best.message
            if len(message) > 200:
                message = f"fails {best.validator!r} = {str(best.validator_value)[:100]}"
            out.append(f"at {where}: {message}")
            if len(out) >= limit:
                break
        return out

    def request_errors(
        self,
        method: str,
        path: str,
        body: Any = None,
        query: Mapping[str, Any] | str | None = None,
    ) -> list[str]:
        """List what is wrong with a request; empty when it is valid.

        Args:
            method: The HTTP method.
            path: The concrete path (query string allowed, it is checked unless ``query`` is given).
            body: The decoded JSON body, or None for no body.
            query: Query parameters (a mapping or a raw query string).

        Returns:
            One line per problem.
        """
        op = self.find_operation(method, path)
        if op is None:
            return [f"{method.upper()} {path}: no such operation in the CDF API spec"]
        errors: list[str] = []
        if query is None and "?" in path:
            query = path.split("?", 1)[1]
        if isinstance(query, str):
            query = dict(parse_qsl(query, keep_blank_values=True))
        if query:
            errors += self._query_errors(op, query)
        pointer = op.request_schema_pointer
        if pointer is None:
            if body is not None and method.upper() not in ("GET", "DELETE"):
                errors.append(f"{op.method} {op.path}: the spec documents no JSON request body")
        elif body is None:
            if op.request_required:
                errors.append(f"{op.method} {op.path}: a JSON request body is required")
        else:
            errors += self._errors(self._validator(pointer), body)
        return errors

    def _query_errors(self, op: Operation, query: Mapping[str, Any]) -> list[str]:
        errors = []
        for name, value in query.items():
            param = op.parameters.get(("query", name))
            if param is None:
                errors.append(f"query parameter {name!r} is not documented for {op.method} {op.path}")
                continue
            schema = param.get("schema", {})
            if "$ref" in schema:
                schema = self.resolve(schema["$ref"])
            coerced: Any = value
            typed = schema
            while "type" not in typed and len(typed.get("allOf", ())) == 1:  # {"allOf": [{"$ref": ...}]} wrappers
                typed = typed["allOf"][0]
                typed = self.resolve(typed["$ref"]) if "$ref" in typed else typed
            kind = typed.get("type")
            if isinstance(value, str):
                try:
                    if kind == "integer":
                        coerced = int(value)
                    elif kind == "number":
                        coerced = float(value)
                    elif kind == "boolean":
                        if value not in ("true", "false"):
                            raise ValueError(value)
                        coerced = value == "true"
                    elif kind == "array":  # an exploded array (``?usedFor=node&usedFor=edge``), values comma-joined
                        coerced = value.split(",")
                except ValueError:
                    errors.append(f"query parameter {name!r}: {value!r} is not a valid {kind}")
                    continue
            elif isinstance(value, bool):
                coerced = value
            key = f"query:{op.method} {op.path} {name}"
            validator = self._validators.get(key)
            if validator is None:
                validator = jsonschema.Draft202012Validator(self._inline(_loosen(schema)), registry=self._registry)
                self._validators[key] = validator
            errors += [f"query parameter {name!r} {e}" for e in self._errors(validator, coerced)]
        return errors

    def response_errors(self, method: str, path: str, status: int, body: Any) -> list[str]:
        """List what is wrong with a response; empty when it is valid.

        Args:
            method: The HTTP method of the request.
            path: The concrete request path.
            status: The response status.
            body: The decoded JSON body (None for an empty body).

        Returns:
            One line per problem.
        """
        op = self.find_operation(method, path)
        if op is None:
            return [f"{method.upper()} {path}: no such operation in the CDF API spec"]
        try:
            pointer = op.response_schema_pointer(status)
        except SpecValidationError as err:
            return err.errors
        if pointer is None:
            return []
        if body is None:
            return [f"{op.method} {op.path} -> {status}: a JSON body was expected"]
        return self._errors(self._validator(pointer), body)

    def schema_errors(self, name: str, instance: Any) -> list[str]:
        """List what is wrong with an instance of a named schema (``#/components/schemas/<name>``).

        Args:
            name: The schema name, e.g. ``"AssetAdvancedFilter"``.
            instance: The decoded JSON value.

        Returns:
            One line per problem; empty when it is valid.
        """
        if name not in self.raw.get("components", {}).get("schemas", {}):
            raise KeyError(f"no schema {name!r} in the CDF API spec")
        return self._errors(self._validator(f"/components/schemas/{_pointer_escape(name)}"), instance)

    def validate_schema(self, name: str, instance: Any) -> None:
        """Raise :class:`SpecValidationError` unless ``instance`` is valid for the named schema.

        Args:
            name: The schema name.
            instance: The decoded JSON value.
        """
        errors = self.schema_errors(name, instance)
        if errors:
            raise SpecValidationError(f"does not match schema {name}: {errors}", errors)

    def validate_request(
        self, method: str, path: str, body: Any = None, query: Mapping[str, Any] | str | None = None
    ) -> Operation:
        """Validate a request; raise :class:`SpecValidationError` when it does not match the spec.

        Args:
            method: The HTTP method.
            path: The concrete path.
            body: The decoded JSON body, or None.
            query: Query parameters, or None.

        Returns:
            The matched operation.
        """
        errors = self.request_errors(method, path, body, query)
        if errors:
            raise SpecValidationError(f"{method.upper()} {path}: request does not match the spec: {errors}", errors)
        return self.operation(method, path)

    def validate_response(self, method: str, path: str, status: int, body: Any) -> Operation:
        """Validate a response; raise :class:`SpecValidationError` when it does not match the spec.

        Args:
            method: The HTTP method of the request.
            path: The concrete request path.
            status: The response status.
            body: The decoded JSON body (None for none).

        Returns:
            The matched operation.
        """
        errors = self.response_errors(method, path, status, body)
        if errors:
            raise SpecValidationError(
                f"{method.upper()} {path} -> {status}: response does not match the spec: {errors}", errors
            )
        return self.operation(method, path)


def _load_json(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    try:
        import msgspec

        out: dict[str, Any] = msgspec.json.decode(data)
    except ImportError:  # pragma: no cover
        import json

        out = json.loads(data)
    return out
