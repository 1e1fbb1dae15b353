"""Data-modeling statistics: counts and limits of the project and of each space.

Example:
    >>> from cognite.client.testing import emulated_client
    >>> from cognite.client.data_classes.data_modeling import SpaceApply
    >>> with emulated_client() as client:
    ...     _ = client.data_modeling.spaces.apply(SpaceApply("plant"))
    ...     stats = client.data_modeling.statistics.project()
    ...     stats.spaces.count
    1
"""

from __future__ import annotations

from typing import Any, ClassVar

from cognite.client.data_classes._base import CogniteObject, CogniteResource, CogniteResourceList

__all__ = [
    "CogniteResource",
    "CogniteResourceList",
    "CountLimit",
    "InstanceStatistics",
    "ProjectStatistics",
    "SpaceStatistics",
    "SpaceStatisticsList",
]


class CountLimit(CogniteObject):
    """How many there are, and how many there may be.

    Args:
        count: The number in use.
        limit: The most allowed.

    Example:
        >>> from cognite.client.data_classes.data_modeling.statistics import CountLimit
        >>> CountLimit.load({"count": 3, "limit": 100})
        CountLimit(count=3, limit=100)
    """

    count: int
    limit: int


class InstanceStatistics(CogniteObject):
    """Counts and limits of the instances of a project.

    Args:
        edges: Edges.
        soft_deleted_edges: Soft-deleted edges.
        nodes: Nodes.
        soft_deleted_nodes: Soft-deleted nodes.
        instances: Nodes and edges.
        instances_limit: The most instances allowed.
        soft_deleted_instances: Soft-deleted instances.
        soft_deleted_instances_limit: The most soft-deleted instances allowed.

    Example:
        >>> from cognite.client.data_classes.data_modeling.statistics import InstanceStatistics
        >>> InstanceStatistics(1, 0, 2, 0, 3, 5_000_000, 0, 10_000_000).instances
        3
    """

    edges: int
    soft_deleted_edges: int
    nodes: int
    soft_deleted_nodes: int
    instances: int
    instances_limit: int
    soft_deleted_instances: int
    soft_deleted_instances_limit: int


class ProjectStatistics(CogniteResource):
    """Counts and limits of the data-modeling resources of a project.

    Args:
        spaces: Spaces.
        containers: Containers.
        views: Views.
        data_models: Data models.
        container_properties: Container properties.
        instances: Instances.
        concurrent_read_limit: The most concurrent read requests.
        concurrent_write_limit: The most concurrent write requests.
        concurrent_delete_limit: The most concurrent delete requests.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     stats = client.data_modeling.statistics.project()
        ...     stats.project, stats.views.count
        ('emulated', 0)
    """

    spaces: CountLimit
    containers: CountLimit
    views: CountLimit
    data_models: CountLimit
    container_properties: CountLimit
    instances: InstanceStatistics
    concurrent_read_limit: int
    concurrent_write_limit: int
    concurrent_delete_limit: int

    @property
    def project(self) -> str | None:
        """The project the statistics are of (known when read by a client)."""
        return self.__dict__.get("_project")


class SpaceStatistics(CogniteResource):
    """Counts of the data-modeling resources of one space.

    Args:
        space: The space.
        containers: Containers.
        views: Views.
        data_models: Data models.
        edges: Edges.
        soft_deleted_edges: Soft-deleted edges.
        nodes: Nodes.
        soft_deleted_nodes: Soft-deleted nodes.

    Example:
        >>> from cognite.client.data_classes.data_modeling.statistics import SpaceStatistics
        >>> SpaceStatistics("s", 1, 2, 0, 0, 0, 5, 0).nodes
        5
    """

    space: str
    containers: int
    views: int
    data_models: int
    edges: int
    soft_deleted_edges: int
    nodes: int
    soft_deleted_nodes: int


class SpaceStatisticsList(CogniteResourceList[SpaceStatistics]):
    """Statistics of several spaces; ``get(space)`` looks one up.

    Args:
        resources: The statistics.

    Example:
        >>> from cognite.client.data_classes.data_modeling.statistics import SpaceStatistics, SpaceStatisticsList
        >>> SpaceStatisticsList([SpaceStatistics("s", 1, 2, 0, 0, 0, 5, 0)]).get("s").views
        2
    """

    _RESOURCE: ClassVar[type[CogniteObject]] = SpaceStatistics

    def get(  # type: ignore[override]
        self, space: str | None = None, external_id: str | None = None, instance_id: Any = None
    ) -> SpaceStatistics | None:
        """Return the statistics of this space, or None.

        Args:
            space: The space id.
            external_id: Not used.
            instance_id: Not used.

        Returns:
            The statistics or None.
        """
        return next((s for s in self.data if s.space == space), None)
