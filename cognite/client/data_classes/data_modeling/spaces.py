"""Spaces: the namespaces every data-modeling resource and instance lives in.

Example:
    >>> from cognite.client.data_classes.data_modeling import SpaceApply
    >>> SpaceApply("plant", name="Plant", description="Everything about the plant").dump()
    {'space': 'plant', 'description': 'Everything about the plant', 'name': 'Plant'}
"""

from __future__ import annotations

from typing import Any, ClassVar

from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResourceList,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
)
from cognite.client.data_classes.data_modeling.core import DataModelingResource, WritableDataModelingResource

__all__ = [
    "CogniteResourceList",
    "Space",
    "SpaceApply",
    "SpaceApplyList",
    "SpaceCore",
    "SpaceList",
    "WritableDataModelingResource",
    "WriteableCogniteResourceList",
]


def _check_space(obj: Any) -> None:
    if not isinstance(obj.space, str):
        raise TypeError(f"{type(obj).__name__}.space must be a str, got {obj.space!r}")


class SpaceCore(DataModelingResource):
    """Mixin of spaces (read and write).

    Example:
        >>> from cognite.client.data_classes.data_modeling import SpaceApply
        >>> SpaceApply("plant").as_id()
        'plant'
    """

    __slots__ = ()
    space: str

    def as_id(self) -> str:
        """Return the id of the space: its name."""
        return self.space


class SpaceApply(CogniteObject, SpaceCore, WritableDataModelingResource):  # type: ignore[misc]
    """A space as written (``spaces.apply``).

    Args:
        space: The space id (letters, digits, ``_`` and ``-``; at most 43 characters; some names are reserved).
        description: A description.
        name: A readable name.

    Example:
        >>> from cognite.client.data_classes.data_modeling import SpaceApply
        >>> SpaceApply.load({"space": "plant", "name": "Plant"})
        SpaceApply(space='plant', name='Plant')
    """

    space: str
    description: str | None = None
    name: str | None = None

    def __post_init__(self) -> None:
        _check_space(self)

    def as_write(self) -> SpaceApply:
        """Return the space itself (it is the write form)."""
        return self


class Space(WriteableCogniteResource[SpaceApply], SpaceCore):  # type: ignore[misc]
    """A space as read.

    Args:
        space: The space id.
        is_global: The space is defined by CDF (a system space such as ``cdf_cdm``).
        last_updated_time: When the space last changed (ms since epoch).
        created_time: When the space was created (ms since epoch).
        description: A description.
        name: A readable name.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.data_modeling import SpaceApply
        >>> with emulated_client() as client:
        ...     client.data_modeling.spaces.apply(SpaceApply("plant", name="Plant")).as_write()
        SpaceApply(space='plant', name='Plant')
    """

    space: str
    is_global: bool
    last_updated_time: int
    created_time: int
    description: str | None = None
    name: str | None = None

    def __post_init__(self) -> None:
        _check_space(self)

    def as_apply(self) -> SpaceApply:
        """Return the write form of the space."""
        return SpaceApply(self.space, self.description, self.name)

    def as_write(self) -> SpaceApply:
        """Return the write form of the space."""
        return self.as_apply()


class SpaceApplyList(CogniteResourceList[SpaceApply]):
    """A list of spaces as written.

    Args:
        resources: The spaces.

    Example:
        >>> from cognite.client.data_classes.data_modeling import SpaceApply, SpaceApplyList
        >>> SpaceApplyList([SpaceApply("a"), SpaceApply("b")]).as_ids()
        ['a', 'b']
    """

    _RESOURCE: ClassVar[type[CogniteObject]] = SpaceApply

    def as_ids(self) -> list[str]:
        """Return the ids of the spaces."""
        return [s.space for s in self.data]


class SpaceList(WriteableCogniteResourceList[SpaceApply, Space]):
    """A list of spaces as read; ``get(space)`` looks one up.

    Args:
        resources: The spaces.

    Example:
        >>> from cognite.client.data_classes.data_modeling import Space, SpaceList
        >>> spaces = SpaceList([Space("a", False, 0, 0), Space("b", False, 0, 0)])
        >>> spaces.get("b").space, spaces.as_ids()
        ('b', ['a', 'b'])
    """

    _RESOURCE: ClassVar[type[CogniteObject]] = Space

    def as_ids(self) -> list[str]:
        """Return the ids of the spaces."""
        return [s.space for s in self.data]

    def as_apply(self) -> SpaceApplyList:
        """Return the write form of the spaces."""
        return SpaceApplyList([s.as_apply() for s in self.data])

    def as_write(self) -> SpaceApplyList:
        """Return the write form of the spaces."""
        return self.as_apply()

    def get(self, space: str | None = None, external_id: str | None = None, instance_id: Any = None) -> Space | None:  # type: ignore[override]
        """Return the space with this id, or None.

        Args:
            space: The space id.
            external_id: Not used by spaces.
            instance_id: Not used by spaces.

        Returns:
            The space or None.
        """
        return next((s for s in self.data if s.space == space), None)

    def extend(self, other: Any) -> None:
        """Add spaces to the list; a space already in the list raises ValueError.

        Args:
            other: The spaces.
        """
        new = list(other)
        have = {s.space for s in self.data}
        dup = [s.space for s in new if s.space in have]
        if dup:
            raise ValueError(f"Spaces already in the list: {dup}")
        super().extend(new)
