"""Emulator table entry for the unit catalog: ``/units`` and ``/units/systems``, read only.

The catalog is :mod:`cognite.client.testing._unit_catalog`, the same table datapoints convert with. Units are
identified by external id only (no internal ids); the store serves them from the table and keeps no state.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._store import Family, ResourceStore
from cognite.client.testing._unit_catalog import UNIT_SYSTEMS, UNITS

__all__ = ["UNITS_FAMILIES", "UNITS_FAMILY", "UnitsStore"]

_BY_XID: dict[str, dict[str, Any]] = {u["externalId"]: u for u in UNITS}
Query = Mapping[str, str]


def _no_query(query: Query) -> None:
    if query:
        raise CDFError(400, f"Unrecognized query parameter(s) {sorted(query)}")


class UnitsStore(ResourceStore):
    """The unit catalog of a project (the same for every project)."""

    def list_units(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /units``: every unit."""
        _no_query(query)
        return 200, {"items": list(UNITS)}

    def list_systems(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /units/systems``: every unit system."""
        _no_query(query)
        return 200, {"items": list(UNIT_SYSTEMS)}

    def retrieve_unit(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /units/{externalId}``: one unit, in an ``items`` list (400 when it does not exist)."""
        _no_query(query)
        xid = params["externalId"]
        unit = _BY_XID.get(xid)
        if unit is None:
            raise CDFError(400, f"Unit not found: {xid!r}", missing=[{"externalId": xid}])
        return 200, {"items": [unit]}

    def byids_units(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /units/byids``: units in the order asked; unknown ones fail unless ``ignoreUnknownIds``."""
        _no_query(query)
        refs = body.get("items")
        if not isinstance(refs, list) or not refs:
            raise CDFError(400, "The request body needs a non-empty 'items' array")
        xids = []
        for ref in refs:
            if not isinstance(ref, dict) or set(ref) != {"externalId"} or not isinstance(ref["externalId"], str):
                raise CDFError(400, f"Invalid identifier {ref!r}: expected {{'externalId': str}}")
            xids.append(ref["externalId"])
        missing = [{"externalId": x} for x in dict.fromkeys(xids) if x not in _BY_XID]
        if missing and not body.get("ignoreUnknownIds"):
            raise CDFError(400, "Units not found", missing=missing)
        return 200, {"items": [_BY_XID[x] for x in xids if x in _BY_XID]}


UNITS_FAMILY = Family(
    name="units",
    path="/units",
    write_fields={},
    verbs=frozenset(),
    internal_id=False,
    routes={
        ("GET", ""): "list_units",
        ("GET", "/systems"): "list_systems",
        ("GET", "/{externalId}"): "retrieve_unit",
        ("POST", "/byids"): "byids_units",
    },
    store_cls=UnitsStore,
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
UNITS_FAMILIES: tuple[Family, ...] = (UNITS_FAMILY,)
