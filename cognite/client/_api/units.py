"""The Units API: the CDF unit catalog (read only), alias look-up, and unit systems."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, overload

from cognite.client._api_client import APIClient, IdentifierSequence, check_type
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.units import Unit, UnitList, UnitSystem, UnitSystemList

if TYPE_CHECKING:
    from cognite.client._cognite_client import AsyncCogniteClient
    from cognite.client._http import HTTPClient

__all__ = ["UnitAPI", "UnitSystemAPI"]

#: The most aliases offered as closest matches.
_MAX_CLOSE_MATCHES = 5
#: How similar (0..1, difflib's ratio) an alias must be to count as a close match.
_CLOSE_MATCH_CUTOFF = 0.6


class UnitAPI(APIClient[Unit, UnitList]):
    """List and retrieve units of the unit catalog, and look units up by alias.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     client.units.from_alias("degC").external_id
        'temperature:deg_c'
    """

    _RESOURCE_PATH = "/units"
    _RESOURCE_CLS = Unit
    _LIST_CLS = UnitList
    _RETRIEVE_LIMIT = 1000

    systems: LazyAPI[UnitSystemAPI] = LazyAPI("cognite.client._api.units:UnitSystemAPI")

    def __init__(self, cognite_client: AsyncCogniteClient, http: HTTPClient) -> None:
        super().__init__(cognite_client, http)
        self._catalog: UnitList | None = None

    async def list(self) -> UnitList:
        """List every unit of the catalog.

        Returns:
            The units.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     "pressure:bar" in client.units.list().as_external_ids()
            True
        """
        resp = await self._get(self._RESOURCE_PATH)
        return self._make_list(self._decode_items(resp.content).items)  # type: ignore[no-any-return]

    @overload
    async def retrieve(self, external_id: str, ignore_unknown_ids: bool = False) -> Unit | None: ...
    @overload
    async def retrieve(self, external_id: SequenceNotStr[str], ignore_unknown_ids: bool = False) -> UnitList: ...
    async def retrieve(
        self, external_id: str | SequenceNotStr[str], ignore_unknown_ids: bool = False
    ) -> Unit | UnitList | None:
        """Retrieve one or more units by external id.

        Args:
            external_id: One external id (gives one unit or None) or a list (gives a list, in the order asked).
            ignore_unknown_ids: With a list: leave out external ids that do not exist instead of raising.

        Returns:
            The unit (None if it does not exist), or a list for a list.

        Raises:
            CogniteNotFoundError: Some external ids of a list do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.units.retrieve(["temperature:deg_c", "pressure:bar"]).as_external_ids()
            ['temperature:deg_c', 'pressure:bar']
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(external_ids=external_id, external_id_name="external_id")
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    @overload
    async def from_alias(
        self,
        alias: str,
        quantity: str | None = None,
        return_ambiguous: Literal[False] = False,
        return_closest_matches: Literal[False] = False,
    ) -> Unit: ...
    @overload
    async def from_alias(
        self,
        alias: str,
        quantity: str | None = None,
        return_ambiguous: bool = False,
        return_closest_matches: bool = False,
    ) -> Unit | UnitList: ...
    async def from_alias(
        self,
        alias: str,
        quantity: str | None = None,
        return_ambiguous: bool = False,
        return_closest_matches: bool = False,
    ) -> Unit | UnitList:
        """Look a unit up by one of its aliases, optionally within a quantity (both case-sensitive).

        The catalog is fetched once per client and looked up locally. Without ``quantity``, an alias that units of
        several quantities share (``"F"``: farad and degree Fahrenheit) is ambiguous.

        Args:
            alias: The alias, e.g. ``"degC"`` or ``"kilowatt"``.
            quantity: The quantity, e.g. ``"Temperature"``.
            return_ambiguous: For an ambiguous alias, return every matching unit instead of raising.
            return_closest_matches: When nothing matches, return the units whose aliases are closest (perhaps none)
                instead of raising.

        Returns:
            The unit; a UnitList where ``return_ambiguous`` or ``return_closest_matches`` apply.

        Raises:
            ValueError: The alias is ambiguous, or nothing matches (the message suggests the closest aliases).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.units.from_alias("F", "Temperature").external_id
            ...     client.units.from_alias("F", return_ambiguous=True).as_external_ids()
            ...     client.units.from_alias("kilo watt", return_closest_matches=True)[0].external_id
            'temperature:deg_f'
            ['temperature:deg_f', 'capacitance:farad']
            'power:kilow'
        """
        if not isinstance(alias, str):
            raise TypeError(f"alias must be a str, not {type(alias).__name__}")
        check_type(quantity, str, "quantity")
        check_type(return_ambiguous, bool, "return_ambiguous")
        check_type(return_closest_matches, bool, "return_closest_matches")
        units = await self._units()
        in_scope = [u for u in units if quantity is None or u.quantity == quantity]
        found = [u for u in in_scope if alias in u.alias_names]
        if len({u.quantity for u in found}) > 1:
            if return_ambiguous:
                return UnitList._from_items(found, self._cognite_client)
            quantities = sorted({u.quantity for u in found})
            raise ValueError(f"The alias {alias!r} is ambiguous: units of {quantities} have it; give a quantity")
        if found:
            return found[0]
        scope = in_scope if in_scope else units
        folded: dict[str, list[str]] = {}  # closeness ignores case: "degc" is closest to "degC"
        for a in sorted({a for u in scope for a in u.alias_names}):
            folded.setdefault(a.casefold(), []).append(a)
        near = difflib.get_close_matches(alias.casefold(), list(folded), _MAX_CLOSE_MATCHES, _CLOSE_MATCH_CUTOFF)
        close = [a for f in near for a in folded[f]]
        matches = [u for a in close for u in scope if a in u.alias_names]
        matches = list({u.external_id: u for u in matches}.values())
        if return_closest_matches:
            return UnitList._from_items(matches, self._cognite_client)
        where = "" if quantity is None else f" for the quantity {quantity!r}"
        if quantity is not None and not in_scope:
            where = f" (the quantity {quantity!r} is unknown)"
        hint = f"; closest aliases: {close}" if close else ""
        raise ValueError(f"No unit has the alias {alias!r}{where}{hint}")

    async def _units(self) -> Sequence[Unit]:
        """The catalog, fetched on first use and kept for the life of the client."""
        if self._catalog is None:
            self._catalog = await self.list()
        return list(self._catalog.data)


class UnitSystemAPI(APIClient[UnitSystem, UnitSystemList]):
    """List unit systems (a default unit per quantity, e.g. SI).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     "SI" in client.units.systems.list().as_names()
        True
    """

    _RESOURCE_PATH = "/units/systems"
    _RESOURCE_CLS = UnitSystem
    _LIST_CLS = UnitSystemList

    async def list(self) -> UnitSystemList:
        """List every unit system.

        Returns:
            The unit systems.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     si = client.units.systems.list()[0]
            ...     si.name, len(si.quantities) > 0
            ('Default', True)
        """
        resp = await self._get(self._RESOURCE_PATH)
        return self._make_list(self._decode_items(resp.content).items)  # type: ignore[no-any-return]
