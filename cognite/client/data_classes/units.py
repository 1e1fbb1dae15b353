"""The unit catalog: units, their conversions to the base unit of their quantity, and unit systems.

Example:
    >>> from cognite.client.data_classes.units import Unit, UnitConversion
    >>> celsius = Unit.load({"externalId": "temperature:deg_c", "name": "DEG_C", "longName": "degree Celsius",
    ...     "symbol": "°C", "aliasNames": ["degC"], "quantity": "Temperature",
    ...     "conversion": {"multiplier": 1.0, "offset": 273.15}})
    >>> celsius.conversion.to_base(20.0)
    293.15
    >>> celsius.as_unit_id()
    UnitID(unit_external_id='temperature:deg_c', name='DEG_C')
"""

from __future__ import annotations

from typing import Any

from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResource,
    CogniteResourceList,
    ExternalIDTransformerMixin,
)
from cognite.client.data_classes.raw import NameTransformerMixin

__all__ = [
    "CogniteResource",
    "CogniteResourceList",
    "ExternalIDTransformerMixin",
    "NameTransformerMixin",
    "Unit",
    "UnitConversion",
    "UnitID",
    "UnitList",
    "UnitSystem",
    "UnitSystemList",
]


class UnitConversion(CogniteObject):
    """How a unit converts to the base unit of its quantity: ``base = value * multiplier + offset``.

    Args:
        multiplier: The factor.
        offset: The offset added after multiplying.

    Example:
        >>> from cognite.client.data_classes.units import UnitConversion
        >>> UnitConversion(multiplier=1000.0, offset=0.0).from_base(2500.0)
        2.5
    """

    multiplier: float
    offset: float

    def to_base(self, value: float) -> float:
        """Convert a value in this unit to the base unit of its quantity.

        Args:
            value: The value in this unit.

        Returns:
            The value in the base unit.
        """
        return value * self.multiplier + self.offset

    def from_base(self, value: float) -> float:
        """Convert a value in the base unit of the quantity to this unit.

        Args:
            value: The value in the base unit.

        Returns:
            The value in this unit.
        """
        return (value - self.offset) / self.multiplier


class UnitID(CogniteObject):
    """A unit named by its external id (and its name), as unit systems list their default units.

    Args:
        unit_external_id: The external id of the unit, e.g. ``"temperature:deg_c"``.
        name: The name: of the unit, or of the quantity in a unit system.

    Example:
        >>> from cognite.client.data_classes.units import UnitID
        >>> UnitID("temperature:k", "Temperature").dump()
        {'unitExternalId': 'temperature:k', 'name': 'Temperature'}
    """

    unit_external_id: str
    name: str


class Unit(CogniteResource):
    """A unit of the CDF unit catalog.

    Args:
        external_id: The unique identifier, ``<quantity>:<unit>``, e.g. ``"temperature:deg_c"``.
        name: The compact name, e.g. ``"DEG_C"``.
        long_name: The descriptive name, e.g. ``"degree Celsius"``.
        symbol: The symbol, e.g. ``"°C"``.
        alias_names: Other names the unit is known by (what ``client.units.from_alias`` looks up).
        quantity: The physical quantity, e.g. ``"Temperature"``.
        conversion: The conversion to the base unit of the quantity.
        source: Where the definition comes from, e.g. ``"qudt.org"``.
        source_reference: A reference into the source.

    Example:
        >>> from cognite.client.data_classes.units import Unit, UnitConversion
        >>> Unit("length:km", "KiloM", "kilometre", "km", ["km"], "Length", UnitConversion(1000.0, 0.0)).dump()["conversion"]
        {'multiplier': 1000.0, 'offset': 0.0}
    """

    external_id: str
    name: str
    long_name: str
    symbol: str
    alias_names: list[str]
    quantity: str
    conversion: UnitConversion
    source: str | None = None
    source_reference: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.conversion, dict):
            self.conversion = UnitConversion.load(self.conversion)

    def as_unit_id(self) -> UnitID:
        """The unit as a UnitID (external id and name)."""
        return UnitID(unit_external_id=self.external_id, name=self.name)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the unit to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The unit as a dictionary.
        """
        return super().dump(camel_case)


class UnitList(CogniteResourceList[Unit], ExternalIDTransformerMixin):
    """A list of units.

    Example:
        >>> from cognite.client.data_classes.units import UnitList
        >>> UnitList.load([{"externalId": "length:m", "name": "M", "longName": "metre", "symbol": "m",
        ...     "aliasNames": ["m"], "quantity": "Length", "conversion": {"multiplier": 1, "offset": 0}}]).as_external_ids()
        ['length:m']
    """

    _RESOURCE = Unit


class UnitSystem(CogniteResource):
    """A unit system: a default unit for each quantity (e.g. SI: kelvin for temperature).

    Args:
        name: The name, e.g. ``"SI"``.
        quantities: The quantities, each with the external id of its default unit.

    Example:
        >>> from cognite.client.data_classes.units import UnitSystem
        >>> si = UnitSystem.load({"name": "SI", "quantities": [{"name": "Temperature", "unitExternalId": "temperature:k"}]})
        >>> si.quantities[0].unit_external_id
        'temperature:k'
    """

    name: str
    quantities: list[UnitID]

    def __post_init__(self) -> None:
        self.quantities = [UnitID.load(q) if isinstance(q, dict) else q for q in self.quantities]

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the unit system to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The unit system as a dictionary.
        """
        return super().dump(camel_case)


class UnitSystemList(CogniteResourceList[UnitSystem], NameTransformerMixin):
    """A list of unit systems.

    Example:
        >>> from cognite.client.data_classes.units import UnitSystemList
        >>> UnitSystemList.load([{"name": "SI", "quantities": []}]).as_names()
        ['SI']
    """

    _RESOURCE = UnitSystem
