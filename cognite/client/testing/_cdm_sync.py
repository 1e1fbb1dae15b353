"""What CDF does when Core Data Model file and time series nodes change.

A node with data in ``cdf_cdm:CogniteFile/v1`` (or the extractor extensions' ``CogniteExtractorFile/v1``) has a file
in the files API, identified by its ``instanceId``, that holds its content (so that
``files.upload_content(instance_id=...)`` and ``data_modeling.files`` work). The file is created with the node (named
after the node's ``name``, else its external id), follows its ``name``, ``mimeType`` and ``directory``, and is deleted
with it. Likewise a node with data in ``cdf_cdm:CogniteTimeSeries/v1`` (or ``CogniteExtractorTimeSeries/v1``) has a
time series (``isString`` from its ``type``, ``isStep``, ``name``) that holds its datapoints. Resources seeded by hand
keep working as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["sync_core_nodes"]

_FILE_VIEWS = (("cdf_cdm", "CogniteFile/v1"), ("cdf_extraction_extensions", "CogniteExtractorFile/v1"))
_TS_VIEWS = (("cdf_cdm", "CogniteTimeSeries/v1"), ("cdf_extraction_extensions", "CogniteExtractorTimeSeries/v1"))


def _view_props(node: dict[str, Any], views: tuple[tuple[str, str], ...]) -> dict[str, Any] | None:
    props = node.get("properties") or {}
    found = [props.get(space, {}).get(view) for space, view in views]
    present = [p for p in found if isinstance(p, dict)]
    if not present:
        return None
    merged: dict[str, Any] = {}
    for p in present:
        merged.update(p)
    return merged


def _file_meta(node: dict[str, Any], props: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    meta = {"name": props.get("name") or node["externalId"], "mimeType": props.get("mimeType"),
            "directory": props.get("directory")}  # fmt: skip
    return meta, {"uploaded": False}


def _ts_meta(node: dict[str, Any], props: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    meta = {"name": props.get("name"), "isStep": props.get("isStep")}
    kind = props.get("type")
    fixed = {"isString": kind == "string", **({"type": "state"} if kind == "state" else {})}
    return meta, fixed


def _sync(project: Any, store_name: str, views: tuple[tuple[str, str], ...], describe: Any,
          written: list[dict[str, Any]], deleted: list[tuple[str, str]]) -> None:  # fmt: skip
    store = project.stores.get(store_name)
    if store is None:
        return
    for node in written:
        props = _view_props(node, views)
        if node.get("instanceType") != "node" or props is None:
            continue
        key = (node["space"], node["externalId"])
        meta, fixed = describe(node, props)
        item_id = store.by_iid.get(key)
        if item_id is None:
            new = {k: v for k, v in meta.items() if v is not None}
            store.seed([{**new, **fixed, "instanceId": {"space": key[0], "externalId": key[1]}}])
        else:
            item = store.items[item_id]
            changed = {k: v for k, v in meta.items() if v is not None and item.get(k) != v}
            if changed:
                store.items[item_id] = {**item, **changed, "lastUpdatedTime": project.clock()}
    gone = [{"instanceId": {"space": s, "externalId": x}} for s, x in deleted if (s, x) in store.by_iid]
    if gone:
        store.delete({"items": gone, "ignoreUnknownIds": True})


def sync_core_nodes(project: Any, written: Iterable[dict[str, Any]], deleted: Iterable[tuple[str, str]]) -> None:
    """Create, update and delete the files of file nodes and the time series of time series nodes.

    Args:
        project: The emulator project.
        written: The nodes written (their stored form).
        deleted: The ``(space, external_id)`` of the nodes deleted.
    """
    nodes, gone = list(written), list(deleted)
    _sync(project, "files", _FILE_VIEWS, _file_meta, nodes, gone)
    _sync(project, "timeseries", _TS_VIEWS, _ts_meta, nodes, gone)
