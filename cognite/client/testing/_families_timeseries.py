"""Emulator table entries for time series metadata (filter factories and hooks come from ``_families``).

Datapoints are another family. Time series created by data modeling (CogniteTimeSeries nodes) carry an
``instanceId``; seed them with :meth:`~cognite.client.testing._store.ResourceStore.seed`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cognite.client.testing._datapoints import DATAPOINTS
from cognite.client.testing._errors import CDFError
from cognite.client.testing._families import (
    _TIME_FILTERS,
    eq,
    json_list,
    metadata,
    one_of,
    prefix,
    refs,
    subtree,
)
from cognite.client.testing._filters import Item, Predicate
from cognite.client.testing._store import VERBS, Family, Hooks, ResourceStore

__all__ = ["TIMESERIES", "TIMESERIES_FAMILIES", "TimeSeriesHooks"]

#: What a time series that data modeling owns (it has an ``instanceId``) takes through ``/timeseries/update``.
_INSTANCE_ID_UPDATES = frozenset({"externalId", "metadata", "assetId", "dataSetId"})


def unit_quantity(value: Any, store: ResourceStore) -> Predicate:
    """Filter: the quantity of the unit, read from the catalog form ``quantity:unit`` of ``unitExternalId``.

    ``"Angular Velocity"`` matches ``angular_velocity:rad-per-sec`` (case and spaces are ignored).
    """
    if not isinstance(value, str):
        raise CDFError(400, "unitQuantity must be a string")
    wanted = value.strip().lower().replace(" ", "_")
    return lambda item: isinstance(u := item.get("unitExternalId"), str) and u.partition(":")[0].lower() == wanted


class TimeSeriesHooks(Hooks):
    """Derived fields (``type``, defaults of ``isString``/``isStep``), the rules of data-modeling-owned time
    series, and the computed properties ``assetRootId`` and ``query``."""

    def after_delete(self, store: ResourceStore, removed: list[Item]) -> None:
        """Drop the datapoints of deleted time series (they can never be reached again)."""
        datapoints = store.project.stores.get(DATAPOINTS.name)
        series = getattr(datapoints, "series", None)
        if series is not None:
            for item in removed:
                series.pop(item["id"], None)

    def prepare_create(self, store: ResourceStore, new: list[Item]) -> None:
        """Fill in ``isString``/``isStep`` (default false) and ``type`` (``state`` is kept: seeded state series)."""
        for item in new:
            item.setdefault("isString", False)
            item.setdefault("isStep", False)
            if item.get("type") != "state":
                item["type"] = "string" if item["isString"] else "numeric"

    def apply_update(self, store: ResourceStore, item: Item, name: str, op: Mapping[str, Any]) -> bool:
        """Refuse changes that data modeling owns on time series with an ``instanceId``."""
        if "instanceId" in item and name not in _INSTANCE_ID_UPDATES:
            message = f"'{name}' of a time series with an instanceId is managed by data modeling"
            raise CDFError(400, message, extra={"missing": []})  # the spec's 400 body of /update has "missing"
        return False

    def store_property_getter(self, store: ResourceStore, path: Sequence[str]) -> Callable[[Item], Any] | None:
        """``assetRootId`` (the root of the linked asset) and ``query`` (name and description, for search)."""
        if list(path) == ["query"]:
            return lambda item: " ".join(str(item[k]) for k in ("name", "description") if item.get(k))
        if list(path) == ["assetRootId"]:
            assets = store.project.stores.get("assets")
            if assets is None:
                return lambda item: None

            def root(item: Item) -> Any:
                asset = assets.items.get(item["assetId"]) if "assetId" in item else None
                return None if asset is None else asset.get("rootId")

            return root
        return None


def _int_list(raw: str) -> list[int]:
    return [int(v) for v in json_list(raw)]


TIMESERIES = Family(
    name="timeseries",
    path="/timeseries",
    write_fields={
        "externalId": str,
        "name": str,
        "legacyName": str,
        "isString": bool,
        "metadata": dict,
        "unit": str,
        "unitExternalId": str,
        "assetId": int,
        "isStep": bool,
        "description": str,
        "securityCategories": list,
        "dataSetId": int,
    },
    updates={
        "externalId": "nullable",
        "name": "nullable",
        "metadata": "object",
        "unit": "nullable",
        "unitExternalId": "nullable",
        "assetId": "nullable",
        "isStep": "value",
        "description": "nullable",
        "securityCategories": "list",
        "dataSetId": "nullable",
    },
    filters={
        "name": eq("name"),
        "unit": eq("unit"),
        "unitExternalId": eq("unitExternalId"),
        "unitQuantity": unit_quantity,
        "isString": eq("isString"),
        "isStep": eq("isStep"),
        "metadata": metadata(),
        "assetIds": one_of("assetId"),
        "assetExternalIds": refs("assetId", "assets", xids_only=True),
        "rootAssetIds": subtree("assetId"),
        "assetSubtreeIds": subtree("assetId"),
        "dataSetIds": refs("dataSetId", "datasets"),
        "externalIdPrefix": prefix("externalId"),
        **_TIME_FILTERS,
    },
    query_params={
        "assetIds": ("assetIds", _int_list),
        "rootAssetIds": ("rootAssetIds", _int_list),
        "externalIdPrefix": ("externalIdPrefix", str),
    },
    search_fields={"name": ("name",), "description": ("description",), "query": ("name", "description")},
    filter_properties=frozenset(
        {
            "id",
            "externalId",
            "instanceId",
            "name",
            "description",
            "unit",
            "unitExternalId",
            "isString",
            "isStep",
            "assetId",
            "assetRootId",
            "dataSetId",
            "metadata",
            "securityCategories",
            "createdTime",
            "lastUpdatedTime",
            "query",
        }
    ),
    verbs=VERBS - {"retrieve"},  # no GET /timeseries/{id}
    sortable=True,
    instance_ids=True,
    unique_values_as_strings=True,
    duplicate_status=422,
    hooks=TimeSeriesHooks(),
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's. Datapoints
#: (``/timeseries/data``, ``/timeseries/synthetic/query``) are served by their own store (``_datapoints``).
TIMESERIES_FAMILIES: tuple[Family, ...] = (TIMESERIES, DATAPOINTS)
