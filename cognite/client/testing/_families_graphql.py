"""Emulator table entry for GraphQL on data models (``POST /dml/graphql`` and ``POST /userapis/spaces/{space}/
datamodels/{externalId}/versions/{version}/graphql``), served by :class:`GraphQLStore`. Neither path is in the CDF
spec; their operations are errata in ``testing/_openapi.py``.

A documented subset:

* DML: ``type Name { field: Type, other: [Type!]! }`` (directives and ``implements`` are ignored). Scalars
  ``String``, ``Int``/``Int32``, ``Int64``, ``Float``/``Float64``, ``Float32``, ``Boolean``, ``Timestamp``,
  ``Date``, ``JSONObject``, ``TimeSeries``, ``File``, ``Sequence`` map to container property types; another type
  name is a direct relation (a list of them a list of direct relations; CDF would make an edge connection). Each type
  becomes a container and a view (of the data model's version) in the data model's space, and the data model lists
  the views. Applying is the ``upsertGraphQlDmlVersion`` mutation; its variable ``dmCreate`` carries the document.
* Queries: root fields ``listName`` (optional ``first: n``) selecting ``items { field ... }`` with scalar fields
  (``space``, ``externalId``, ``createdTime``, ``lastUpdatedTime`` and the view's properties; a direct relation reads
  as ``{space, externalId}``). Anything else answers a GraphQL error (status 200, ``errors``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._store import Family, ResourceStore

__all__ = ["GRAPHQL", "GRAPHQL_FAMILIES", "GraphQLStore"]

Query = Mapping[str, str]

_SCALARS = {"String": "text", "Int": "int32", "Int32": "int32", "Int64": "int64", "Float": "float64",
            "Float64": "float64", "Float32": "float32", "Boolean": "boolean", "Timestamp": "timestamp",
            "Date": "date", "JSONObject": "json", "TimeSeries": "timeseries", "File": "file",
            "Sequence": "sequence"}  # fmt: skip
_TYPE = re.compile(r"type\s+(\w+)[^{]*\{([^}]*)\}")
_FIELD = re.compile(r"^\s*(\w+)\s*(?:\([^)]*\))?\s*:\s*(\[)?\s*(\w+)\s*(!)?\s*(\])?\s*(!)?")
_LIST = re.compile(r"(\w+)\s*(?:\(([^()]*)\))?\s*\{\s*items\s*\{([^{}]*)\}\s*\}")
_TOP = ("space", "externalId", "createdTime", "lastUpdatedTime")


def _error(message: str) -> tuple[int, dict[str, Any]]:
    return 200, {"data": None, "errors": [{"message": message}]}


def parse_dml(dml: str) -> dict[str, dict[str, tuple[str, bool, bool]]]:
    """The types of a DML document: type name -> field -> (type name, is list, required).

    Args:
        dml: The document.

    Returns:
        The types, in document order.
    """
    text = re.sub(r"#[^\n]*", "", re.sub(r'"""(.|\n)*?"""', "", dml))
    types: dict[str, dict[str, tuple[str, bool, bool]]] = {}
    for name, body in _TYPE.findall(text):
        fields: dict[str, tuple[str, bool, bool]] = {}
        for line in re.split(r"[\n,]", body):
            if not line.strip():
                continue
            match = _FIELD.match(line)
            if match is None:
                raise ValueError(f"Cannot parse the field {line.strip()!r} of type {name}")
            field, opened, kind, inner, closed, outer = match.groups()
            if bool(opened) != bool(closed):
                raise ValueError(f"Unbalanced list brackets in the field {field!r} of type {name}")
            fields[field] = (kind, bool(opened), bool(outer if opened else inner))
        types[name] = fields
    if not types:
        raise ValueError("The DML defines no types")
    return types


class GraphQLStore(ResourceStore):
    """GraphQL on the data models of one project (the schema and instances live in their own stores)."""

    def _schema(self) -> Any:
        return self.project.stores.get("dm_schema")

    def upsert_dml(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /dml/graphql``: the ``upsertGraphQlDmlVersion`` mutation."""
        text = body.get("query") if isinstance(body, dict) else None
        if not isinstance(text, str):
            raise CDFError(400, "A GraphQL request needs a 'query' string")
        if "upsertGraphQlDmlVersion" not in text:
            return _error("The emulator serves only the upsertGraphQlDmlVersion mutation on /dml/graphql")
        spec = (body.get("variables") or {}).get("dmCreate")
        if not isinstance(spec, dict) or not all(isinstance(spec.get(k), str) for k in ("space", "externalId",
                                                                                      "version", "graphQlDml")):  # fmt: skip
            return _error("dmCreate needs space, externalId, version and graphQlDml")
        try:
            types = parse_dml(spec["graphQlDml"])
        except ValueError as err:
            answer = {"errors": [{"kind": "DMLParseError", "message": str(err)}], "result": None}
            return 200, {"data": {"upsertGraphQlDmlVersion": answer}}
        space, version = spec["space"], spec["version"]
        containers, views = [], []
        for name, fields in types.items():
            props, view_props = {}, {}
            for field, (kind, is_list, required) in fields.items():
                ptype = {"type": _SCALARS.get(kind, "direct"), "list": is_list}
                props[field] = {"type": ptype, "nullable": not required}
                mapped: dict[str, Any] = {"container": {"type": "container", "space": space, "externalId": name},
                                          "containerPropertyIdentifier": field}  # fmt: skip
                if kind not in _SCALARS:
                    mapped["source"] = {"type": "view", "space": space, "externalId": kind, "version": version}
                view_props[field] = mapped
            containers.append({"space": space, "externalId": name, "properties": props})
            views.append({"space": space, "externalId": name, "version": version, "properties": view_props})
        schema = self._schema()
        try:
            schema.apply_containers({}, {}, {"items": containers})
            schema.apply_views({}, {}, {"items": views})
            model = {"space": space, "externalId": spec["externalId"], "version": version,
                     "views": [{"type": "view", "space": space, "externalId": v["externalId"], "version": version}
                               for v in views]}  # fmt: skip
            for key in ("name", "description"):
                if spec.get(key) is not None:
                    model[key] = spec[key]
            _, applied = schema.apply_models({}, {}, {"items": [model]})
        except CDFError as err:
            answer = {"errors": [{"kind": "DataModelError", "message": err.message}], "result": None}
            return 200, {"data": {"upsertGraphQlDmlVersion": answer}}
        stored = applied["items"][0]
        result = {k: stored.get(k) for k in ("space", "externalId", "version", "name", "description", "createdTime",
                                             "lastUpdatedTime")}  # fmt: skip
        result["graphQlDml"] = spec["graphQlDml"]
        return 200, {"data": {"upsertGraphQlDmlVersion": {"errors": None, "result": result}}}

    def query(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /userapis/.../graphql``: ``listName`` queries of the data model's views."""
        text = body.get("query") if isinstance(body, dict) else None
        if not isinstance(text, str):
            raise CDFError(400, "A GraphQL request needs a 'query' string")
        schema = self._schema()
        model = schema.models.get((path["space"], path["externalId"], path["version"]))
        if model is None:
            return _error(f"Data model {path['space']}:{path['externalId']}/{path['version']} does not exist")
        views = {v["externalId"]: v for v in model.get("views", [])}
        data: dict[str, Any] = {}
        roots = _LIST.findall(text)
        if not roots:
            return _error("The emulator serves queries of the form { listType(first: n) { items { fields } } }")
        instances = self.project.stores.get("dm_instances")
        for field, args, selection in roots:
            if not field.startswith("list") or field[4:] not in views:
                return _error(f"Unknown query field {field!r}")
            view = views[field[4:]]
            first = re.search(r"first\s*:\s*(\d+)", args or "")
            limit = int(first.group(1)) if first else 1000
            source = f"{view['externalId']}/{view['version']}"
            names = [n for n in re.split(r"[\s,]+", selection) if n]
            items = []
            for item in getattr(instances, "instances", {}).values():
                props = (item.get("properties") or {}).get(view["space"], {}).get(source)
                if item.get("instanceType") != "node" or props is None:
                    continue
                items.append({n: item.get(n) if n in _TOP else props.get(n) for n in names})
                if len(items) >= limit:
                    break
            data[field] = {"items": items}
        return 200, {"data": data}


GRAPHQL = Family(
    name="graphql",
    path="",
    write_fields={},
    verbs=frozenset(),
    routes={
        ("POST", "/dml/graphql"): "upsert_dml",
        ("POST", "/userapis/spaces/{space}/datamodels/{externalId}/versions/{version}/graphql"): "query",
    },
    store_cls=GraphQLStore,
)

GRAPHQL_FAMILIES: tuple[Family, ...] = (GRAPHQL,)
