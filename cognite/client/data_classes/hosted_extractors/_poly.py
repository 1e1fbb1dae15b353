"""Pieces the polymorphic hosted-extractor and Postgres-gateway classes share: the base of a resource family whose
concrete class is picked by a wire key, and the holder of a resource of a kind this SDK version does not know."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, ClassVar

from cognite.client.data_classes.data_modeling.core import UnknownWireObject, load_polymorphic

__all__ = ["PolymorphicBase", "UnknownResource"]


class PolymorphicBase:
    """Base of a polymorphic family (a mixin of the concrete structs): ``load`` picks the class by ``_KEY``.

    Subclasses set ``_OPTIONS`` (wire value -> class, filled after the concrete classes are defined), ``_KEY`` and
    ``_UNKNOWN`` (the class holding a value of a kind not in ``_OPTIONS``).
    """

    __slots__ = ()

    _NEEDS_CLIENT: ClassVar[bool] = False
    _KEY: ClassVar[str] = "type"
    _OPTIONS: ClassVar[dict[str, type[Any]]] = {}
    _UNKNOWN: ClassVar[type[UnknownWireObject] | None] = None
    _WHAT: ClassVar[str] = "kind"

    @classmethod
    def load(cls, resource: Mapping[str, Any] | str, cognite_client: Any = None) -> Any:
        """Load an object as the class of its kind (an unknown kind keeps its data as loaded).

        Args:
            resource: The dictionary (camelCase or snake_case keys) or a JSON string.
            cognite_client: Not used (kept for the common ``load`` signature).

        Returns:
            The object.
        """
        data = json.loads(resource) if isinstance(resource, str | bytes) else resource
        return cls._load_wire(data)

    @classmethod
    def _load_wire(cls, data: Any) -> Any:
        if isinstance(data, PolymorphicBase | UnknownWireObject):
            return data
        return load_polymorphic(data, cls._OPTIONS, cls._KEY, what=cls._WHAT, unknown=cls._UNKNOWN)


class UnknownResource(UnknownWireObject):
    """A resource of a kind this SDK version does not know: keeps the data as loaded, dumps and writes it unchanged.

    Args:
        data: The raw dictionary.
    """

    __slots__ = ()

    _NEEDS_CLIENT: ClassVar[bool] = False

    @property
    def external_id(self) -> str:
        """The external id of the resource."""
        return str(self.data.get("externalId", self.data.get("external_id", "")))

    @external_id.setter
    def external_id(self, value: str) -> None:
        self.data["externalId"] = value

    def as_write(self) -> Any:
        """Return the object itself (its raw data is what is written)."""
        return self
