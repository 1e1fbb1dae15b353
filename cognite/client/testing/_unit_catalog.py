"""The unit catalog the emulator serves: one table read by the units endpoints and by datapoints unit conversion.

Each unit converts to the base unit of its quantity as ``base = value * multiplier + offset`` (as CDF's catalog
says). ``/units`` and ``/units/systems`` answer :data:`UNITS` and :data:`UNIT_SYSTEMS`; the datapoints emulator
converts with :data:`CONVERSIONS` and :data:`SYSTEM_DEFAULTS`, derived from the same table, so a unit the catalog
lists is a unit datapoints convert, and the reverse.
"""

from __future__ import annotations

from typing import Any

__all__ = ["CONVERSIONS", "SYSTEM_DEFAULTS", "UNITS", "UNIT_SYSTEMS"]

_QUDT = "http://qudt.org/vocab/unit/"


def _unit(
    external_id: str,
    name: str,
    long_name: str,
    symbol: str,
    aliases: list[str],
    quantity: str,
    multiplier: float,
    offset: float = 0.0,
) -> dict[str, Any]:
    return {
        "externalId": external_id,
        "name": name,
        "longName": long_name,
        "symbol": symbol,
        "aliasNames": aliases,
        "quantity": quantity,
        "conversion": {"multiplier": multiplier, "offset": offset},
        "source": "qudt.org",
        "sourceReference": _QUDT + name,
    }


# fmt: off
#: The units, in the wire shape of ``GET /units``.
UNITS: tuple[dict[str, Any], ...] = (
    _unit("temperature:k", "K", "kelvin", "K", ["K", "kelvin", "Kelvin"], "Temperature", 1.0),
    _unit("temperature:deg_c", "DEG_C", "degree Celsius", "°C", ["°C", "C", "deg C", "degC", "DegC"], "Temperature",
          1.0, 273.15),
    _unit("temperature:deg_f", "DEG_F", "degree Fahrenheit", "°F", ["°F", "F", "deg F", "degF", "DegF"], "Temperature",
          5 / 9, 273.15 - 32 * 5 / 9),
    _unit("length:m", "M", "metre", "m", ["m", "meter", "metre"], "Length", 1.0),
    _unit("length:km", "KiloM", "kilometre", "km", ["km", "kilometer", "kilometre"], "Length", 1000.0),
    _unit("length:ft", "FT", "foot", "ft", ["ft", "foot", "feet"], "Length", 0.3048),
    _unit("pressure:pa", "PA", "pascal", "Pa", ["Pa", "pascal"], "Pressure", 1.0),
    _unit("pressure:bar", "BAR", "bar", "bar", ["bar", "bara"], "Pressure", 1e5),
    _unit("pressure:psi", "PSI", "pound-force per square inch", "psi", ["psi", "PSI", "lbf/in2"], "Pressure",
          6894.757293168),
    _unit("capacitance:farad", "FARAD", "farad", "F", ["F", "farad"], "Capacitance", 1.0),
    _unit("capacitance:microfarad", "MicroFARAD", "microfarad", "μF", ["μF", "uF", "microfarad"], "Capacitance", 1e-6),
    _unit("power:w", "W", "watt", "W", ["W", "watt"], "Power", 1.0),
    _unit("power:kilow", "KiloW", "kilowatt", "kW", ["kW", "kilowatt"], "Power", 1000.0),
    _unit("power:megaw", "MegaW", "megawatt", "MW", ["MW", "megawatt"], "Power", 1e6),
    _unit("energy:j", "J", "joule", "J", ["J", "joule"], "Energy", 1.0),
    _unit("energy:kilow-hr", "KiloW-HR", "kilowatt hour", "kWh", ["kWh", "kilowatt hour"], "Energy", 3.6e6),
    _unit("mass:kilogm", "KiloGM", "kilogram", "kg", ["kg", "kilogram"], "Mass", 1.0),
    _unit("mass:lb", "LB", "pound mass", "lbm", ["lb", "lbm", "pound"], "Mass", 0.45359237),
    _unit("volume:m3", "M3", "cubic metre", "m³", ["m3", "m^3", "cubic meter"], "Volume", 1.0),
    _unit("volume:l", "L", "litre", "L", ["L", "l", "litre", "liter"], "Volume", 1e-3),
    _unit("velocity:m-per-sec", "M-PER-SEC", "metre per second", "m/s", ["m/s", "meter per second"], "Velocity", 1.0),
    _unit("velocity:km-per-hr", "KiloM-PER-HR", "kilometre per hour", "km/h", ["km/h", "kph", "kilometer per hour"],
          "Velocity", 1 / 3.6),
    _unit("amount_of_substance_concentration:centimol-per-l", "CentiMOL-PER-L", "centimole per litre", "cmol/L",
          ["cmol / L", "cmol/L", "centimole per litre"], "Amount of Substance Concentration", 10.0),
)
# fmt: on


def _system(name: str, defaults: dict[str, str]) -> dict[str, Any]:
    return {"name": name, "quantities": [{"name": q, "unitExternalId": xid} for q, xid in defaults.items()]}


_BASE_DEFAULTS = {
    "Capacitance": "capacitance:farad",
    "Power": "power:w",
    "Energy": "energy:j",
    "Mass": "mass:kilogm",
    "Volume": "volume:m3",
    "Velocity": "velocity:m-per-sec",
    "Amount of Substance Concentration": "amount_of_substance_concentration:centimol-per-l",
}
# fmt: off
#: The unit systems, in the wire shape of ``GET /units/systems``.
UNIT_SYSTEMS: tuple[dict[str, Any], ...] = (
    _system("Default", {"Temperature": "temperature:deg_c", "Length": "length:m", "Pressure": "pressure:bar",
                        **_BASE_DEFAULTS, "Power": "power:kilow", "Energy": "energy:kilow-hr"}),
    _system("SI", {"Temperature": "temperature:k", "Length": "length:m", "Pressure": "pressure:pa", **_BASE_DEFAULTS}),
    _system("Imperial", {"Temperature": "temperature:deg_f", "Length": "length:ft", "Pressure": "pressure:psi",
                         **_BASE_DEFAULTS, "Mass": "mass:lb"}),
)
# fmt: on

#: Unit external id -> (quantity, multiplier, offset), for datapoints unit conversion.
CONVERSIONS: dict[str, tuple[str, float, float]] = {
    u["externalId"]: (u["quantity"], u["conversion"]["multiplier"], u["conversion"]["offset"]) for u in UNITS
}
#: Unit system name -> quantity -> the external id of its default unit, for datapoints unit conversion.
SYSTEM_DEFAULTS: dict[str, dict[str, str]] = {
    s["name"]: {q["name"]: q["unitExternalId"] for q in s["quantities"]} for s in UNIT_SYSTEMS
}
