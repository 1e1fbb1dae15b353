"""The containers API (``client.data_modeling.containers``): apply, retrieve, delete and list containers, and
delete their constraints and indexes."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any, Literal, overload

from cognite.client._api.data_modeling._schema import SchemaBase, check_bool, check_space, check_used_for, load_ids
from cognite.client.data_classes.data_modeling.containers import (
    Container,
    ContainerApply,
    ContainerList,
)
from cognite.client.data_classes.data_modeling.ids import (
    ConstraintIdentifier,
    ContainerId,
    ContainerIdentifier,
    DataModelingIdentifierSequence,
    IndexIdentifier,
)

__all__ = ["ContainersAPI"]

UsedFor = Literal["node", "edge", "record", "all"]

#: The most constraints or indexes per delete request (the spec's ``maxItems``).
_SUB_OBJECT_LIMIT = 10


def _container_ids(ids: Any) -> DataModelingIdentifierSequence:
    return load_ids(ids, "container")


def _sub_objects(ids: Any, name: str) -> list[dict[str, str]]:
    """``[(ContainerId, identifier), ...]`` as ``{"space", "containerExternalId", "identifier"}`` items."""
    if not isinstance(ids, Sequence) or isinstance(ids, str | tuple):
        raise TypeError(f"{name} must be a list of (ContainerId, identifier) tuples, got {ids!r}")
    out = []
    for entry in ids:
        if not (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], str)):
            raise TypeError(f"{name} must contain (ContainerId, identifier) tuples, got {entry!r}")
        try:
            container = ContainerId.load(entry[0])
        except (TypeError, ValueError, KeyError) as err:
            raise TypeError(f"{name}: {err}") from None
        out.append({"space": container.space, "containerExternalId": container.external_id, "identifier": entry[1]})
    return out


def _as_sub_object(item: dict[str, Any]) -> tuple[ContainerId, str]:
    return ContainerId(item["space"], item["containerExternalId"]), item["identifier"]


class ContainersAPI(SchemaBase):
    """Apply, retrieve, delete and list containers.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.data_modeling import ContainerApply, ContainerProperty, SpaceApply, Text
        >>> with emulated_client() as client:
        ...     _ = client.data_modeling.spaces.apply(SpaceApply("plant"))
        ...     _ = client.data_modeling.containers.apply(ContainerApply("plant", "Pump", {"name": ContainerProperty(Text)}))
        ...     client.data_modeling.containers.list(space="plant").as_ids()
        [ContainerId(space='plant', external_id='Pump')]
    """

    _RESOURCE_PATH = "/models/containers"
    _RESOURCE_CLS = Container
    _LIST_CLS = ContainerList

    @overload
    async def apply(self, container: ContainerApply | Container) -> Container: ...
    @overload
    async def apply(self, container: Sequence[ContainerApply | Container]) -> ContainerList: ...
    async def apply(
        self, container: ContainerApply | Container | Sequence[ContainerApply | Container]
    ) -> Container | ContainerList:
        """Create or update (upsert) one or more containers.

        Properties, constraints and indexes can be added to a container; changing the type of a property (or
        removing one) is a conflict. Sent in chunks of 100, chunks concurrently.

        Args:
            container: A container (``ContainerApply``; a ``Container`` is applied as its write form) or a sequence.

        Returns:
            The applied container, or a list for a sequence.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import ContainerApply, ContainerProperty, Int64, SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("plant"))
            ...     c = client.data_modeling.containers.apply(ContainerApply("plant", "Counter", {"n": ContainerProperty(Int64)}))
            ...     c.properties["n"].type, c.used_for
            (Int64(), 'node')
        """
        return await self._apply(container, (ContainerApply, Container), "container")  # type: ignore[no-any-return]

    @overload
    async def retrieve(self, ids: ContainerIdentifier) -> Container | None: ...
    @overload
    async def retrieve(self, ids: Sequence[ContainerIdentifier]) -> ContainerList: ...
    async def retrieve(
        self, ids: ContainerIdentifier | Sequence[ContainerIdentifier]
    ) -> Container | ContainerList | None:
        """Retrieve one or more containers by id (containers that do not exist are left out).

        Args:
            ids: A container id (``ContainerId`` or ``(space, external_id)``; gives one container or None) or a
                sequence of them (gives a list).

        Returns:
            The container (None if it does not exist), or a list for a sequence.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import ContainerId
            >>> with emulated_client() as client:
            ...     client.data_modeling.containers.retrieve(ContainerId("cdf_cdm", "CogniteDescribable")).is_global
            True
        """
        seq = _container_ids(ids)
        found = await self._retrieve_items(seq.as_dicts())
        if seq.is_singleton():
            return found[0] if found else None  # type: ignore[no-any-return]
        return found  # type: ignore[no-any-return]

    async def delete(self, ids: ContainerIdentifier | Sequence[ContainerIdentifier]) -> list[ContainerId]:
        """Delete one or more containers (and the data instances hold in them).

        Args:
            ids: A container id (``ContainerId`` or ``(space, external_id)``) or a sequence of them.

        Returns:
            The ids of the deleted containers.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import ContainerApply, ContainerProperty, SpaceApply, Text
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("plant"))
            ...     _ = client.data_modeling.containers.apply(ContainerApply("plant", "Pump", {"name": ContainerProperty(Text)}))
            ...     client.data_modeling.containers.delete(("plant", "Pump"))
            [ContainerId(space='plant', external_id='Pump')]
        """
        deleted = await self._delete_items(_container_ids(ids).as_dicts())
        return [ContainerId(d["space"], d["externalId"]) for d in deleted]

    async def delete_constraints(self, ids: Sequence[ConstraintIdentifier]) -> list[ConstraintIdentifier]:
        """Delete constraints of containers.

        Args:
            ids: ``(ContainerId, constraint identifier)`` tuples.

        Returns:
            The deleted constraints, as ``(ContainerId, constraint identifier)`` tuples.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import (
            ...     ContainerApply, ContainerId, ContainerProperty, SpaceApply, Text, UniquenessConstraintApply,
            ... )
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("plant"))
            ...     _ = client.data_modeling.containers.apply(ContainerApply(
            ...         "plant", "Pump", {"serial": ContainerProperty(Text)},
            ...         constraints={"uniqueSerial": UniquenessConstraintApply(["serial"])},
            ...     ))
            ...     client.data_modeling.containers.delete_constraints([(ContainerId("plant", "Pump"), "uniqueSerial")])
            [(ContainerId(space='plant', external_id='Pump'), 'uniqueSerial')]
        """
        items = _sub_objects(ids, "ids")
        deleted = await self._delete_items(items, suffix="/constraints/delete", limit=_SUB_OBJECT_LIMIT)
        return [_as_sub_object(d) for d in deleted]

    async def delete_indexes(self, ids: Sequence[IndexIdentifier]) -> list[IndexIdentifier]:
        """Delete indexes of containers.

        Args:
            ids: ``(ContainerId, index identifier)`` tuples.

        Returns:
            The deleted indexes, as ``(ContainerId, index identifier)`` tuples.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import (
            ...     BTreeIndexApply, ContainerApply, ContainerId, ContainerProperty, SpaceApply, Text,
            ... )
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("plant"))
            ...     _ = client.data_modeling.containers.apply(ContainerApply(
            ...         "plant", "Pump", {"name": ContainerProperty(Text)}, indexes={"byName": BTreeIndexApply(["name"])},
            ...     ))
            ...     client.data_modeling.containers.delete_indexes([(ContainerId("plant", "Pump"), "byName")])
            [(ContainerId(space='plant', external_id='Pump'), 'byName')]
        """
        items = _sub_objects(ids, "ids")
        deleted = await self._delete_items(items, suffix="/indexes/delete", limit=_SUB_OBJECT_LIMIT)
        return [_as_sub_object(d) for d in deleted]

    async def list(
        self,
        space: str | None = None,
        limit: int | None = 25,
        include_global: bool = False,
        used_for: UsedFor | Sequence[UsedFor] | None = None,
    ) -> ContainerList:
        """List containers.

        Args:
            space: Only containers in this space.
            limit: Maximum number of containers (default 25; None, -1 or inf: all).
            include_global: Include the containers CDF defines.
            used_for: Only containers for these kinds of instances: ``"node"``, ``"edge"``, ``"record"``, ``"all"``.

        Returns:
            The containers.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.data_modeling.containers.list(space="cdf_cdm", include_global=True)) > 0
            True
        """
        return await self._list_schema(limit, _params(space, include_global, used_for))  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        space: str | None = None,
        include_global: bool = False,
        used_for: UsedFor | Sequence[UsedFor] | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[Container] | AsyncIterator[ContainerList]:
        """Iterate over containers lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many containers (None: one container at a time).
            space: Only containers in this space.
            include_global: Include the containers CDF defines.
            used_for: Only containers for these kinds of instances.
            limit: Maximum number of containers (None: all).

        Returns:
            An async iterator of containers or container lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [c.external_id for c in client.data_modeling.containers(space="cdf_cdm", include_global=True)][:1]
            ['CogniteDescribable']
        """
        return self._iterate_schema(chunk_size, limit, _params(space, include_global, used_for))


def _params(space: Any, include_global: Any, used_for: Any) -> dict[str, Any]:
    params: dict[str, Any] = {"includeGlobal": check_bool(include_global, "include_global")}
    if check_space(space) is not None:
        params["space"] = space
    kinds = check_used_for(used_for)
    if kinds is not None:
        params["usedFor"] = kinds
    return params
