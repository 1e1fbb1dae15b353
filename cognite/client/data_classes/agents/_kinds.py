"""The base of the polymorphic agent classes: the concrete class is picked by a wire key (``type``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, ClassVar

__all__ = ["Kinds"]


class Kinds:
    """Mixin of a polymorphic family: ``load`` (and decoding a field typed with the base) picks the class by ``_KEY``.

    Subclasses set ``_OPTIONS`` (wire value -> class with a ``_from_wire(data)`` class method), ``_UNKNOWN`` (the
    class holding a value of a kind not in ``_OPTIONS``, losslessly) and ``_WHAT`` (for error messages).
    """

    __slots__ = ()

    _NEEDS_CLIENT: ClassVar[bool] = False
    _KEY: ClassVar[str] = "type"
    _OPTIONS: ClassVar[dict[str, Any]] = {}
    _UNKNOWN: ClassVar[Any] = None
    _WHAT: ClassVar[str] = "object"

    @classmethod
    def load(cls, resource: Mapping[str, Any] | str, cognite_client: Any = None) -> Any:
        """Load an object as the class of its kind (an unknown kind keeps its data).

        Args:
            resource: The dictionary (camelCase keys, as on the wire) or a JSON string.
            cognite_client: Not used (kept for the common ``load`` signature).

        Returns:
            The object.
        """
        data = json.loads(resource) if isinstance(resource, str | bytes) else resource
        return cls._load_wire(data)

    @classmethod
    def _load_wire(cls, data: Any) -> Any:
        if isinstance(data, cls):
            return data
        if not isinstance(data, Mapping):
            raise TypeError(f"Cannot load a {cls._WHAT} from {data!r}: expected a dict")
        target = cls._OPTIONS.get(str(data.get(cls._KEY))) or cls._UNKNOWN
        if target is None:
            raise ValueError(f"Unknown {cls._WHAT} {data.get(cls._KEY)!r}")
        return target._from_wire(dict(data))
