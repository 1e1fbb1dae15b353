"""The system containers and views of the Core Data Model (``cdf_cdm``) and its extractor extensions
(``cdf_extraction_extensions``), built from the table the SDK's typed classes are generated from
(``data_modeling/_cdm_table.py``), so that the emulator knows every property those classes read and write.

Each view gets a container of the same name holding its own properties; a view maps its own properties to that
container and implements the views its table entry names. Existing system resources are extended (properties
they lack are added), never replaced.
"""

from __future__ import annotations

from typing import Any

from cognite.client.data_classes.data_modeling._cdm_table import EXTENSIONS_SPACE, VIEWS, implemented

__all__ = ["extend_system"]

Item = dict[str, Any]


def _property_type(kind: str) -> Item:
    kind = kind.rstrip("!*")
    is_list = kind.endswith("[]")
    base = kind.removesuffix("[]")
    if base.startswith("enum:"):
        return {"type": "enum", "values": {v: {} for v in base[5:].split("|")}}
    if base == "states":
        return {"type": "json", "list": True}
    name = {"int": "int64", "bool": "boolean"}.get(base, base)
    return {"type": name, "list": is_list}


def _own(view: str) -> list[tuple[str, str]]:
    return [(wire, kind) for entry in VIEWS[view][1] if not isinstance(entry, str) for _, wire, kind in [entry]]


def extend_system(spaces: list[Item], containers: list[Item], views: list[Item], models: list[Item]) -> None:
    """Add the Core Data Model's containers and views (and the extensions' space) to the system resources.

    Args:
        spaces: The system spaces (extended in place).
        containers: The system containers (extended in place).
        views: The system views (extended in place).
        models: The system data models (their first model, CogniteCore, gets the cdf_cdm views).
    """
    if not any(s["space"] == EXTENSIONS_SPACE for s in spaces):
        spaces.append({"space": EXTENSIONS_SPACE, "name": "Extractor extensions", "description": "System space"})
    by_container = {(c["space"], c["externalId"]): c for c in containers}
    by_view = {(v["space"], v["externalId"], v["version"]): v for v in views}
    for name, (space, _) in VIEWS.items():
        own = _own(name)
        ref = {"type": "container", "space": space, "externalId": name}
        if own:
            container = by_container.get((space, name))
            if container is None:
                container = {"space": space, "externalId": name, "usedFor": "node", "properties": {}}
                containers.append(container)
                by_container[(space, name)] = container
            for wire, kind in own:
                container["properties"].setdefault(wire, {"type": _property_type(kind), "nullable": True})
        view = by_view.get((space, name, "v1"))
        if view is None:
            view = {"space": space, "externalId": name, "version": "v1", "name": name, "implements": [],
                    "properties": {}}  # fmt: skip
            views.append(view)
            by_view[(space, name, "v1")] = view
        for parent in implemented(name):
            parent_ref = {"type": "view", "space": VIEWS[parent][0], "externalId": parent, "version": "v1"}
            if parent_ref not in view["implements"]:
                view["implements"].append(parent_ref)
        for wire, _ in own:
            view["properties"].setdefault(wire, {"container": ref, "containerPropertyIdentifier": wire})
    if models:
        listed = models[0].setdefault("views", [])
        for name, (space, _) in VIEWS.items():
            ref = {"type": "view", "space": space, "externalId": name, "version": "v1"}
            if space == models[0]["space"] and ref not in listed:
                listed.append(ref)
