"""AsyncCogniteClient: the one source of truth; the sync CogniteClient is generated from it."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from cognite.client._version import __version__
from cognite.client.config import ClientConfig, global_config

if TYPE_CHECKING:
    import httpx
    from typing_extensions import Self

    from cognite.client._api.agents import AgentsAPI
    from cognite.client._api.ai import AIAPI
    from cognite.client._api.annotations import AnnotationsAPI
    from cognite.client._api.assets import AssetsAPI
    from cognite.client._api.data_modeling import DataModelingAPI
    from cognite.client._api.data_sets import DataSetsAPI
    from cognite.client._api.diagrams import DiagramsAPI
    from cognite.client._api.documents import DocumentsAPI
    from cognite.client._api.entity_matching import EntityMatchingAPI
    from cognite.client._api.events import EventsAPI
    from cognite.client._api.extractionpipelines import ExtractionPipelinesAPI
    from cognite.client._api.files import FilesAPI
    from cognite.client._api.functions import FunctionsAPI
    from cognite.client._api.geospatial import GeospatialAPI
    from cognite.client._api.hosted_extractors import HostedExtractorsAPI
    from cognite.client._api.iam import IAMAPI
    from cognite.client._api.integrations import IntegrationsAPI
    from cognite.client._api.labels import LabelsAPI
    from cognite.client._api.limits import LimitsAPI
    from cognite.client._api.metering import MeteringAPI
    from cognite.client._api.postgres_gateway import PostgresGatewaysAPI
    from cognite.client._api.raw import RawAPI
    from cognite.client._api.relationships import RelationshipsAPI
    from cognite.client._api.sequences import SequencesAPI
    from cognite.client._api.simulators import SimulatorsAPI
    from cognite.client._api.three_d import ThreeDAPI
    from cognite.client._api.time_series import TimeSeriesAPI
    from cognite.client._api.transformations import TransformationsAPI
    from cognite.client._api.units import UnitAPI
    from cognite.client._api.vision import VisionAPI
    from cognite.client._api.workflows import WorkflowAPI
    from cognite.client._sync_client import CogniteClient
    from cognite.client.credentials import CredentialProvider
    from cognite.client.response import CogniteHTTPResponse

__all__ = ["AsyncCogniteClient", "LazyAPI"]

T = TypeVar("T")


class LazyAPI(Generic[T]):
    """Declares an API family on a client (or a sub-API on an API); the module is imported on first use.

    Args:
        target: ``"module.path:ClassName"`` of the API class.
    """

    def __init__(self, target: str) -> None:
        self.target = target
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> LazyAPI[T]: ...
    @overload
    def __get__(self, obj: object, objtype: type | None = None) -> T: ...
    def __get__(self, obj: object | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        module_name, cls_name = self.target.split(":")
        cls = getattr(importlib.import_module(module_name), cls_name)
        instance = self._build(obj, cls)
        obj.__dict__[self.name] = instance
        return instance

    def _build(self, obj: Any, cls: type) -> Any:
        if isinstance(obj, AsyncCogniteClient):
            return cls(obj, obj._http)
        return cls(obj._cognite_client, obj._http)


class _ClientFactories:
    """The factory class methods both clients share (they return an instance of the class they are called on)."""

    def __init__(self, config: ClientConfig | None = None) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    @classmethod
    def default(
        cls, project: str, cdf_cluster: str, credentials: CredentialProvider, client_name: str | None = None
    ) -> Self:
        """Create a client for a project on a cluster with default settings.

        Args:
            project: The CDF project.
            cdf_cluster: The cluster, e.g. ``westeurope-1``.
            credentials: The credential provider.
            client_name: A name for your application.

        Returns:
            The client.
        """
        return cls(ClientConfig.default(project, cdf_cluster, credentials, client_name=client_name))

    @classmethod
    def default_oauth_client_credentials(
        cls,
        project: str,
        cdf_cluster: str,
        tenant_id: str,
        client_id: str,
        client_secret: str,
        client_name: str | None = None,
    ) -> Self:
        """Create a client that authenticates with client credentials against Entra ID.

        Args:
            project: The CDF project.
            cdf_cluster: The cluster.
            tenant_id: The Entra ID tenant.
            client_id: The app registration's client id.
            client_secret: Its client secret.
            client_name: A name for your application.

        Returns:
            The client.
        """
        from cognite.client.credentials import OAuthClientCredentials

        creds = OAuthClientCredentials.default_for_entra_id(tenant_id, client_id, client_secret, cdf_cluster)
        return cls.default(project, cdf_cluster, creds, client_name)

    @classmethod
    def default_oauth_interactive(
        cls,
        project: str,
        cdf_cluster: str,
        tenant_id: str,
        client_id: str,
        client_name: str | None = None,
        prompt: str | None = None,
        login_hint: str | None = None,
    ) -> Self:
        """Create a client that authenticates interactively (browser) against Entra ID (needs msal).

        Args:
            project: The CDF project.
            cdf_cluster: The cluster.
            tenant_id: The Entra ID tenant.
            client_id: The app registration's client id.
            client_name: A name for your application.
            prompt: msal prompt behaviour.
            login_hint: Pre-filled user name.

        Returns:
            The client.
        """
        from cognite.client.credentials import OAuthInteractive

        creds = OAuthInteractive.default_for_entra_id(tenant_id, client_id, cdf_cluster)
        if prompt is not None:
            creds.prompt = prompt  # type: ignore[attr-defined]
        if login_hint is not None:
            creds.login_hint = login_hint  # type: ignore[attr-defined]
        return cls.default(project, cdf_cluster, creds, client_name)

    @classmethod
    def load(cls, config: dict[str, Any] | str) -> Self:
        """Create a client from a config dict or JSON string (see ``ClientConfig.load``).

        Args:
            config: The configuration.

        Returns:
            The client.
        """
        return cls(ClientConfig.load(config))

    @property
    def version(self) -> str:
        """The SDK version."""
        return __version__


class AsyncCogniteClient(_ClientFactories):
    """The async client for Cognite Data Fusion; every API family as async methods.

    Args:
        config: The configuration (default: ``global_config.default_client_config``).
        transport: An httpx transport to send requests with instead of the network (tests, emulator).

    Example:
        >>> import asyncio
        >>> from cognite.client.testing import async_emulated_client
        >>> async def main():
        ...     async with async_emulated_client() as client:
        ...         return await client.assets.list(limit=5)
        >>> len(asyncio.run(main()))
        0
    """

    agents: LazyAPI[AgentsAPI] = LazyAPI("cognite.client._api.agents:AgentsAPI")
    ai: LazyAPI[AIAPI] = LazyAPI("cognite.client._api.ai:AIAPI")
    annotations: LazyAPI[AnnotationsAPI] = LazyAPI("cognite.client._api.annotations:AnnotationsAPI")
    assets: LazyAPI[AssetsAPI] = LazyAPI("cognite.client._api.assets:AssetsAPI")
    data_modeling: LazyAPI[DataModelingAPI] = LazyAPI("cognite.client._api.data_modeling:DataModelingAPI")
    data_sets: LazyAPI[DataSetsAPI] = LazyAPI("cognite.client._api.data_sets:DataSetsAPI")
    documents: LazyAPI[DocumentsAPI] = LazyAPI("cognite.client._api.documents:DocumentsAPI")
    diagrams: LazyAPI[DiagramsAPI] = LazyAPI("cognite.client._api.diagrams:DiagramsAPI")
    entity_matching: LazyAPI[EntityMatchingAPI] = LazyAPI("cognite.client._api.entity_matching:EntityMatchingAPI")
    events: LazyAPI[EventsAPI] = LazyAPI("cognite.client._api.events:EventsAPI")
    extraction_pipelines: LazyAPI[ExtractionPipelinesAPI] = LazyAPI(
        "cognite.client._api.extractionpipelines:ExtractionPipelinesAPI"
    )
    files: LazyAPI[FilesAPI] = LazyAPI("cognite.client._api.files:FilesAPI")
    hosted_extractors: LazyAPI[HostedExtractorsAPI] = LazyAPI(
        "cognite.client._api.hosted_extractors:HostedExtractorsAPI"
    )
    geospatial: LazyAPI[GeospatialAPI] = LazyAPI("cognite.client._api.geospatial:GeospatialAPI")
    functions: LazyAPI[FunctionsAPI] = LazyAPI("cognite.client._api.functions:FunctionsAPI")
    iam: LazyAPI[IAMAPI] = LazyAPI("cognite.client._api.iam:IAMAPI")
    integrations: LazyAPI[IntegrationsAPI] = LazyAPI("cognite.client._api.integrations:IntegrationsAPI")
    labels: LazyAPI[LabelsAPI] = LazyAPI("cognite.client._api.labels:LabelsAPI")
    limits: LazyAPI[LimitsAPI] = LazyAPI("cognite.client._api.limits:LimitsAPI")
    metering: LazyAPI[MeteringAPI] = LazyAPI("cognite.client._api.metering:MeteringAPI")
    postgres_gateway: LazyAPI[PostgresGatewaysAPI] = LazyAPI("cognite.client._api.postgres_gateway:PostgresGatewaysAPI")
    raw: LazyAPI[RawAPI] = LazyAPI("cognite.client._api.raw:RawAPI")
    relationships: LazyAPI[RelationshipsAPI] = LazyAPI("cognite.client._api.relationships:RelationshipsAPI")
    sequences: LazyAPI[SequencesAPI] = LazyAPI("cognite.client._api.sequences:SequencesAPI")
    simulators: LazyAPI[SimulatorsAPI] = LazyAPI("cognite.client._api.simulators:SimulatorsAPI")
    three_d: LazyAPI[ThreeDAPI] = LazyAPI("cognite.client._api.three_d:ThreeDAPI")
    time_series: LazyAPI[TimeSeriesAPI] = LazyAPI("cognite.client._api.time_series:TimeSeriesAPI")
    transformations: LazyAPI[TransformationsAPI] = LazyAPI("cognite.client._api.transformations:TransformationsAPI")
    units: LazyAPI[UnitAPI] = LazyAPI("cognite.client._api.units:UnitAPI")
    workflows: LazyAPI[WorkflowAPI] = LazyAPI("cognite.client._api.workflows:WorkflowAPI")
    vision: LazyAPI[VisionAPI] = LazyAPI("cognite.client._api.vision:VisionAPI")

    def __init__(
        self, config: ClientConfig | None = None, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        cfg = config or global_config.default_client_config
        if cfg is None:
            raise ValueError(
                "No ClientConfig given and global_config.default_client_config is not set: "
                "pass a ClientConfig or set the default"
            )
        if not isinstance(cfg, ClientConfig):
            raise TypeError(f"config must be a ClientConfig, not {type(cfg).__name__}")
        from cognite.client._http import HTTPClient  # imported on first client: keeps `import cognite.client` cheap

        self._config = cfg
        self._http = HTTPClient(cfg, transport)
        self._cognite_client = self

    @property
    def config(self) -> ClientConfig:
        """The configuration of this client."""
        return self._config

    async def get(
        self, url: str, params: Mapping[str, Any] | None = None, headers: Mapping[str, str] | None = None
    ) -> CogniteHTTPResponse:
        """Send a GET request to a path under ``/api/v1/projects/{project}``.

        Args:
            url: The path, e.g. ``/assets``.
            params: Query parameters.
            headers: Extra headers.

        Returns:
            The response.
        """
        from cognite.client.response import CogniteHTTPResponse

        return CogniteHTTPResponse(await self._http.request("GET", url, params=params, headers=headers))

    async def post(
        self,
        url: str,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> CogniteHTTPResponse:
        """Send a POST request to a path under ``/api/v1/projects/{project}``.

        Args:
            url: The path, e.g. ``/assets/list``.
            json: The JSON body.
            params: Query parameters.
            headers: Extra headers.

        Returns:
            The response.
        """
        from cognite.client.response import CogniteHTTPResponse

        return CogniteHTTPResponse(await self._http.request("POST", url, json=json, params=params, headers=headers))

    async def put(
        self,
        url: str,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> CogniteHTTPResponse:
        """Send a PUT request to a path under ``/api/v1/projects/{project}``.

        Args:
            url: The path.
            json: The JSON body.
            params: Query parameters.
            headers: Extra headers.

        Returns:
            The response.
        """
        from cognite.client.response import CogniteHTTPResponse

        return CogniteHTTPResponse(await self._http.request("PUT", url, json=json, params=params, headers=headers))

    def get_sync_client(self) -> CogniteClient:
        """Return a synchronous client sharing this client's configuration."""
        from cognite.client._sync_client import CogniteClient

        return CogniteClient(self._config, transport=self._http._custom_transport)

    def _copy(self) -> AsyncCogniteClient:
        """A new async client with this client's configuration and transport (its own connections)."""
        return AsyncCogniteClient(self._config, transport=self._http._custom_transport)

    async def aclose(self) -> None:
        """Close the connections of this client."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"AsyncCogniteClient(project={self._config.project!r}, base_url={self._config.base_url!r})"
