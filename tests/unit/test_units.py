"""The Units API (catalog, alias look-up, unit systems) and its data classes, against a fake CDF behind
``httpx.MockTransport``."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, CogniteClient
from cognite.client.data_classes.units import Unit, UnitConversion, UnitID, UnitList, UnitSystem, UnitSystemList
from cognite.client.exceptions import CogniteNotFoundError


def unit(xid: str, quantity: str, aliases: list[str], multiplier: float = 1.0, offset: float = 0.0) -> dict[str, Any]:
    return {
        "externalId": xid, "name": xid.split(":")[1].upper(), "longName": xid, "symbol": aliases[0],
        "aliasNames": aliases, "quantity": quantity, "conversion": {"multiplier": multiplier, "offset": offset},
    }  # fmt: skip


CATALOG = [
    unit("temperature:deg_c", "Temperature", ["°C", "degC"], 1.0, 273.15),
    unit("temperature:deg_f", "Temperature", ["°F", "F", "degF"], 5 / 9, 255.37),
    unit("capacitance:farad", "Capacitance", ["F", "farad"]),
    unit("power:kilow", "Power", ["kW", "kilowatt"], 1000.0),
    unit("power:w", "Power", ["W", "watt"]),
]


class TestDataClasses:
    def test_unit_load_dump_and_conversion(self) -> None:
        u = Unit.load({**CATALOG[0], "source": "qudt.org", "futureField": 1})
        assert u.conversion == UnitConversion(1.0, 273.15) and u.source == "qudt.org"
        assert u.conversion.to_base(0.0) == 273.15 and u.conversion.from_base(273.15) == 0.0
        assert u.as_unit_id() == UnitID("temperature:deg_c", "DEG_C")
        assert Unit.load(u.dump(camel_case=False)) == u
        assert u.dump()["aliasNames"] == ["°C", "degC"]
        assert UnitList.load(CATALOG).as_external_ids()[:2] == ["temperature:deg_c", "temperature:deg_f"]

    def test_unit_system(self) -> None:
        si = UnitSystem.load({"name": "SI", "quantities": [{"name": "Temperature", "unitExternalId": "temperature:k"}]})
        assert si.quantities == [UnitID("temperature:k", "Temperature")]
        assert si.dump() == {"name": "SI", "quantities": [{"unitExternalId": "temperature:k", "name": "Temperature"}]}
        assert UnitSystemList([si]).as_names() == ["SI"]


@pytest.fixture
def catalog(routed_cdf: Any) -> Any:
    def byids(body: dict[str, Any]) -> Any:
        by_xid = {u["externalId"]: u for u in CATALOG}
        missing = [i for i in body["items"] if i["externalId"] not in by_xid]
        if missing and not body.get("ignoreUnknownIds"):
            return httpx.Response(400, json={"error": {"code": 400, "message": "not found", "missing": missing}})
        return {"items": [by_xid[i["externalId"]] for i in body["items"] if i["externalId"] in by_xid]}

    return routed_cdf({
        "GET /units": {"items": CATALOG},
        "POST /units/byids": byids,
        "GET /units/systems": {"items": [{"name": "SI", "quantities": [{"name": "Power", "unitExternalId": "power:w"}]}]},
    })  # fmt: skip


class TestUnitAPI:
    async def test_list_retrieve_systems(self, catalog: Any, async_client: AsyncCogniteClient) -> None:
        units = await async_client.units.list()
        assert isinstance(units, UnitList) and len(units) == len(CATALOG)
        one = await async_client.units.retrieve("power:w")
        assert isinstance(one, Unit) and one.quantity == "Power"
        assert await async_client.units.retrieve("nope:x") is None
        many = await async_client.units.retrieve(["power:w", "power:kilow", "power:w"])
        assert many.as_external_ids() == ["power:w", "power:kilow"]
        assert [r.body for r in catalog.calls("POST /units/byids")][-1] == {
            "items": [{"externalId": "power:w"}, {"externalId": "power:kilow"}], "ignoreUnknownIds": False,
        }  # fmt: skip
        with pytest.raises(CogniteNotFoundError):
            await async_client.units.retrieve(["power:w", "nope:x"])
        assert (await async_client.units.retrieve(["nope:x"], ignore_unknown_ids=True)) == UnitList([])
        systems = await async_client.units.systems.list()
        assert isinstance(systems, UnitSystemList) and systems[0].quantities[0].unit_external_id == "power:w"

    async def test_from_alias(self, catalog: Any, async_client: AsyncCogniteClient) -> None:
        units = async_client.units
        assert (await units.from_alias("degC")).external_id == "temperature:deg_c"
        assert (await units.from_alias("F", "Temperature")).external_id == "temperature:deg_f"
        assert (await units.from_alias("F", "Capacitance")).external_id == "capacitance:farad"
        with pytest.raises(ValueError, match=r"ambiguous.*Capacitance.*Temperature"):
            await units.from_alias("F")
        ambiguous = await units.from_alias("F", return_ambiguous=True)
        assert isinstance(ambiguous, UnitList) and sorted(ambiguous.as_external_ids()) == [
            "capacitance:farad", "temperature:deg_f",
        ]  # fmt: skip
        with pytest.raises(ValueError, match=r"kilo watt.*closest aliases: \['kilowatt'"):
            await units.from_alias("kilo watt")
        close = await units.from_alias("kilo watt", return_closest_matches=True)
        assert isinstance(close, UnitList) and close[0].external_id == "power:kilow"
        assert len(await units.from_alias("zzzzzz", return_closest_matches=True)) == 0
        with pytest.raises(ValueError, match="Power"):
            await units.from_alias("degC", "Power")
        with pytest.raises(ValueError, match="quantity 'Speed' is unknown"):
            await units.from_alias("kW", "Speed")
        assert (await units.from_alias("degc", return_closest_matches=True))[0].external_id == "temperature:deg_c"
        # the catalog is fetched once per client
        assert len(catalog.calls("GET /units")) == 1

    async def test_bad_arguments_fail_before_any_request(self, catalog: Any, async_client: AsyncCogniteClient) -> None:
        with pytest.raises(TypeError, match="alias"):
            await async_client.units.from_alias(3)  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="quantity"):
            await async_client.units.from_alias("F", 1)  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="return_ambiguous"):
            await async_client.units.from_alias("F", return_ambiguous="yes")  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="external_id"):
            await async_client.units.retrieve(5)  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="ignore_unknown_ids"):
            await async_client.units.retrieve("a", ignore_unknown_ids=1)  # type: ignore[arg-type]
        assert catalog.requests == []


def test_sync_units(catalog: Any, sync_client: CogniteClient) -> None:
    assert sync_client.units.from_alias("kW").external_id == "power:kilow"
    assert sync_client.units.systems.list().as_names() == ["SI"]
