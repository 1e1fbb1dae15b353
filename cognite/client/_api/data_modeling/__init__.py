"""The data modeling APIs (``client.data_modeling``): spaces, containers, views, data models and instances.

Each sub-API is a family of its own, declared in a module of this package; this class only composes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cognite.client._api_client import APIClient
from cognite.client._cognite_client import LazyAPI

if TYPE_CHECKING:
    from cognite.client._api.data_modeling.containers import ContainersAPI
    from cognite.client._api.data_modeling.data_models import DataModelsAPI
    from cognite.client._api.data_modeling.files import DataModelingFilesAPI
    from cognite.client._api.data_modeling.graphql import DataModelingGraphQLAPI
    from cognite.client._api.data_modeling.instances import InstancesAPI
    from cognite.client._api.data_modeling.records import RecordsAPI
    from cognite.client._api.data_modeling.spaces import SpacesAPI
    from cognite.client._api.data_modeling.statistics import StatisticsAPI
    from cognite.client._api.data_modeling.streams import StreamsAPI
    from cognite.client._api.data_modeling.time_series import DataModelingTimeSeriesAPI
    from cognite.client._api.data_modeling.views import ViewsAPI

__all__ = ["DataModelingAPI"]


class DataModelingAPI(APIClient[Any, Any]):
    """Work with data modeling: spaces, containers, views, data models and instances.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     api = client.data_modeling
    """

    _CATEGORY = "data_modeling"

    spaces: LazyAPI[SpacesAPI] = LazyAPI("cognite.client._api.data_modeling.spaces:SpacesAPI")
    containers: LazyAPI[ContainersAPI] = LazyAPI("cognite.client._api.data_modeling.containers:ContainersAPI")
    views: LazyAPI[ViewsAPI] = LazyAPI("cognite.client._api.data_modeling.views:ViewsAPI")
    data_models: LazyAPI[DataModelsAPI] = LazyAPI("cognite.client._api.data_modeling.data_models:DataModelsAPI")
    statistics: LazyAPI[StatisticsAPI] = LazyAPI("cognite.client._api.data_modeling.statistics:StatisticsAPI")

    instances: LazyAPI[InstancesAPI] = LazyAPI("cognite.client._api.data_modeling.instances:InstancesAPI")

    # Core Data Model nodes (time series, files), GraphQL, and streams with their records.
    time_series: LazyAPI[DataModelingTimeSeriesAPI] = LazyAPI(
        "cognite.client._api.data_modeling.time_series:DataModelingTimeSeriesAPI"
    )
    files: LazyAPI[DataModelingFilesAPI] = LazyAPI("cognite.client._api.data_modeling.files:DataModelingFilesAPI")
    graphql: LazyAPI[DataModelingGraphQLAPI] = LazyAPI(
        "cognite.client._api.data_modeling.graphql:DataModelingGraphQLAPI"
    )
    streams: LazyAPI[StreamsAPI] = LazyAPI("cognite.client._api.data_modeling.streams:StreamsAPI")
    records: LazyAPI[RecordsAPI] = LazyAPI("cognite.client._api.data_modeling.records:RecordsAPI")
