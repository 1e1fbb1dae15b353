"""Operations of the Atlas AI Agents API (``/ai/agents``, a beta API) that the CDF spec lacks, as the CDF API
reference documents them: upsert (exactly one agent per request), ``/byids``, list (``GET``), ``/delete`` and
``/chat``. Merged into the spec by ``_openapi._PATH_ERRATA``."""

from __future__ import annotations

from typing import Any

__all__ = ["AGENT_PATHS"]

_STRING = {"type": "string"}
_XID = {"type": "string", "pattern": "^[^\\x00]{1,128}$"}
_STRINGS = {"type": "array", "items": _STRING}

_DATA_MODEL = {
    "type": "object",
    "additionalProperties": False,
    "required": ["space", "externalId", "version"],
    "properties": {"space": _STRING, "externalId": _STRING, "version": _STRING, "viewExternalIds": _STRINGS},
}
_INSTANCE_SPACES = {
    "type": "object",
    "required": ["type"],
    "properties": {"type": {"enum": ["all", "manual"]}, "spaces": _STRINGS},
}
_QUERY_CONFIG = {
    "type": "object",
    "properties": {
        "dataModels": {"type": "array", "items": _DATA_MODEL},
        "instanceSpaces": _INSTANCE_SPACES,
        "version": _STRING,
    },
}
_TOOL = {
    "type": "object",
    "additionalProperties": False,
    "required": ["type", "name", "description"],
    "properties": {
        "type": {"type": "string", "minLength": 1},
        "name": {"type": "string", "minLength": 1, "maxLength": 64},
        "description": {"type": "string", "minLength": 1, "maxLength": 1024},
        "configuration": {"type": "object"},
    },
    "allOf": [
        {
            "if": {"properties": {"type": {"enum": ["queryKnowledgeGraph", "query"]}}},
            "then": {"properties": {"configuration": _QUERY_CONFIG}},
        }
    ],
}
_SUBAGENT = {
    "type": "object",
    "additionalProperties": False,
    "required": ["agentExternalId"],
    "properties": {"agentExternalId": _XID},
}
_AGENT_PROPS: dict[str, Any] = {
    "externalId": _XID,
    "name": {"type": "string", "minLength": 1, "maxLength": 255},
    "description": {"type": "string", "maxLength": 1024},
    "instructions": {"type": "string", "maxLength": 32000},
    "model": _STRING,
    "runtimeVersion": _STRING,
    "labels": _STRINGS,
    "tools": {"type": "array", "items": _TOOL, "maxItems": 30},
    "subagents": {"type": "array", "items": _SUBAGENT},
}
_AGENT_WRITE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["externalId", "name"],
    "properties": _AGENT_PROPS,
}
_AGENT_READ = {
    "type": "object",
    "required": ["externalId", "name", "createdTime", "lastUpdatedTime"],
    "properties": {**_AGENT_PROPS, "createdTime": {"type": "integer"}, "lastUpdatedTime": {"type": "integer"},
                   "ownerId": _STRING},
}  # fmt: skip
_XID_ITEM = {
    "type": "object",
    "additionalProperties": False,
    "required": ["externalId"],
    "properties": {"externalId": _XID},
}
_BY_XIDS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["items"],
    "properties": {
        "items": {"type": "array", "items": _XID_ITEM, "minItems": 1, "maxItems": 1000},
        "ignoreUnknownIds": {"type": "boolean"},
    },
}

_CONTENT = {
    "type": "object",
    "required": ["type"],
    "properties": {"type": _STRING},
    "allOf": [{"if": {"properties": {"type": {"const": "text"}}}, "then": {"required": ["text"],
                                                                          "properties": {"text": _STRING}}}],
}  # fmt: skip
_USER_MESSAGE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["role", "content"],
    "properties": {"role": {"const": "user"}, "content": _CONTENT},
}
_ACTION_MESSAGE = {
    "type": "object",
    "required": ["role", "type", "actionId"],
    "properties": {
        "role": {"const": "action"},
        "type": _STRING,
        "actionId": _STRING,
        "content": _CONTENT,
        "data": {"type": "array"},
        "status": {"enum": ["ALLOW", "DENY"]},
        "nonce": _STRING,
    },
}
_ACTION = {
    "type": "object",
    "required": ["type"],
    "properties": {
        "type": _STRING,
        "clientTool": {
            "type": "object",
            "required": ["name", "parameters"],
            "properties": {"name": _STRING, "description": _STRING, "parameters": {"type": "object"}},
        },
    },
}
_CHAT_REQUEST = {
    "type": "object",
    "additionalProperties": False,
    "required": ["messages"],
    "properties": {
        "agentExternalId": _XID,
        "agentId": _XID,
        "cursor": _STRING,
        "messages": {"type": "array", "items": {"anyOf": [_USER_MESSAGE, _ACTION_MESSAGE]}, "minItems": 1,
                     "maxItems": 1000},
        "actions": {"type": "array", "items": _ACTION, "maxItems": 10},
        "stream": {"type": "boolean"},
        "retentionPolicy": _STRING,
    },
}  # fmt: skip
_AGENT_MESSAGE = {
    "type": "object",
    "required": ["role"],
    "properties": {
        "role": _STRING,
        "content": _CONTENT,
        "data": {"type": "array", "items": {"type": "object", "required": ["type"]}},
        "reasoning": {"type": "array", "items": {"type": "object"}},
        "actions": {"type": "array", "items": {"type": "object", "required": ["type", "actionId"]}},
    },
}
_CHAT_RESPONSE = {
    "type": "object",
    "required": ["response"],
    "properties": {
        "agentExternalId": _STRING,
        "agentId": _STRING,
        "response": {
            "type": "object",
            "required": ["type", "messages"],
            "properties": {"type": _STRING, "cursor": _STRING, "messages": {"type": "array", "items": _AGENT_MESSAGE}},
        },
    },
}


def _op(op_id: str, response: Any, request: Any = None) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": op_id,
        "responses": {"200": {"content": {"application/json": {"schema": response}}}},
    }
    if request is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": request}}}
    return op


def _items(schema: Any, max_items: int | None = None) -> dict[str, Any]:
    array: dict[str, Any] = {"type": "array", "items": schema}
    if max_items is not None:
        array.update(minItems=1, maxItems=max_items)
    return {"type": "object", "additionalProperties": False, "required": ["items"], "properties": {"items": array}}


AGENT_PATHS: dict[str, dict[str, Any]] = {
    "/ai/agents": {
        "post": _op("upsertAgents", _items(_AGENT_READ), _items(_AGENT_WRITE, 1)),
        "get": _op("listAgents", _items(_AGENT_READ)),
    },
    "/ai/agents/byids": {"post": _op("getAgentsByIds", _items(_AGENT_READ), _BY_XIDS)},
    "/ai/agents/delete": {"post": _op("deleteAgents", {"type": "object"}, _BY_XIDS)},
    "/ai/agents/chat": {"post": _op("agentChat", _CHAT_RESPONSE, _CHAT_REQUEST)},
}
