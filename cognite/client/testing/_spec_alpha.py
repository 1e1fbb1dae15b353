"""Operations of the alpha APIs the emulator serves that the CDF spec (the stable version) lacks: limits
(``/limits/values``) and metering (``/metering/meters``), as the CDF alpha API reference documents them (requests
carry ``cdf-version: 20230101-alpha``). Merged into the spec by ``_openapi._PATH_ERRATA``."""

from __future__ import annotations

from typing import Any

__all__ = ["ALPHA_PATHS"]

_STRING = {"type": "string"}
_DATE_TIME = {"type": "string", "format": "date-time"}
_PAGE_LIMIT = {"type": "integer", "minimum": 1, "maximum": 1000}


def _query(*names: tuple[str, Any]) -> list[dict[str, Any]]:
    return [{"name": n, "in": "query", "schema": s} for n, s in names]


def _prefix(prop: str) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["prefix"],
        "properties": {
            "prefix": {
                "type": "object",
                "required": ["property", "value"],
                "properties": {
                    "property": {"type": "array", "items": {"const": prop}, "minItems": 1, "maxItems": 1},
                    "value": _STRING,
                },
            }
        },
    }


def _op(op_id: str, response: Any, request: Any = None, params: list[dict[str, Any]] | None = None) -> Any:
    op: dict[str, Any] = {
        "operationId": op_id,
        "responses": {"200": {"content": {"application/json": {"schema": response}}}},
    }
    if request is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": request}}}
    if params:
        op["parameters"] = params
    return op


def _page(item: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["items"],
        "properties": {"items": {"type": "array", "items": item}, "nextCursor": _STRING},
    }


_LIMIT = {
    "type": "object",
    "required": ["limitId", "value"],
    "properties": {"limitId": _STRING, "value": {"type": "number"}},
}
_METER = {
    "type": "object",
    "required": ["meterId"],
    "properties": {
        "meterId": _STRING,
        "datapoints": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["timestamp", "average"],
                "properties": {"timestamp": _DATE_TIME, "average": {"type": "number"}},
            },
        },
    },
}
_RANGE: dict[str, dict[str, Any]] = {
    "start": _DATE_TIME,
    "end": _DATE_TIME,
    "numberOfDatapoints": {"type": "integer", "minimum": 0, "maximum": 600},
}

ALPHA_PATHS: dict[str, dict[str, Any]] = {
    "/limits/values": {
        "get": _op("listLimitValues", _page(_LIMIT), params=_query(("limit", _PAGE_LIMIT), ("cursor", _STRING))),
    },
    "/limits/values/list": {
        "post": _op(
            "filterLimitValues",
            _page(_LIMIT),
            {
                "type": "object",
                "additionalProperties": False,
                "properties": {"filter": _prefix("limitId"), "limit": _PAGE_LIMIT, "cursor": _STRING},
            },
        )
    },
    "/limits/values/{limitId}": {
        "get": {
            **_op("retrieveLimitValue", _LIMIT),
            "parameters": [{"name": "limitId", "in": "path", "required": True, "schema": _STRING}],
        }
    },
    "/metering/meters": {
        "get": _op(
            "listMeters",
            _page(_METER),
            params=_query(("limit", _PAGE_LIMIT), ("cursor", _STRING), *_RANGE.items()),
        )
    },
    "/metering/meters/list": {
        "post": _op(
            "filterMeters",
            _page(_METER),
            {
                "type": "object",
                "additionalProperties": False,
                "properties": {"filter": _prefix("meterId"), "limit": _PAGE_LIMIT, "cursor": _STRING, **_RANGE},
            },
        )
    },
    "/metering/meters/byids": {
        "post": _op(
            "retrieveMetersByIds",
            _page(_METER),
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["items"],
                "properties": {
                    "items": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["meterId"],
                            "properties": {"meterId": _STRING},
                        },
                    },
                    **_RANGE,
                },
            },
        )
    },
    "/metering/meters/{meterId}": {
        "get": {
            **_op("retrieveMeter", _METER),
            "parameters": [
                {"name": "meterId", "in": "path", "required": True, "schema": _STRING},
                *_query(*_RANGE.items()),
            ],
        }
    },
}
