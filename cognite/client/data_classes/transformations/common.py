"""Pieces shared by transformations and their jobs: destinations, credentials, sessions and blocked info.

A destination loads as the class of its ``type``: :class:`RawTable` (``raw``), :class:`SequenceRowsDestination`
(``sequence_rows``), :class:`Nodes`, :class:`Edges`, :class:`Instances` (data modeling), and
:class:`TransformationDestination` itself for the asset-centric types (``assets``, ``events``, ...).

Example:
    >>> from cognite.client.data_classes.transformations.common import TransformationDestination, ViewInfo
    >>> TransformationDestination.raw("db", "table").dump()
    {'database': 'db', 'table': 'table', 'type': 'raw'}
    >>> TransformationDestination.nodes(ViewInfo("space", "Pump", "v1"), instance_space="data").dump()
    {'view': {'space': 'space', 'externalId': 'Pump', 'version': 'v1'}, 'instanceSpace': 'data', 'type': 'nodes'}
    >>> type(TransformationDestination.load({"type": "sequence_rows", "externalId": "s"})).__name__
    'SequenceRowsDestination'
"""

from __future__ import annotations

from typing import Any, ClassVar

from cognite.client.credentials import OAuthClientCredentials
from cognite.client.data_classes._base import CogniteObject, CogniteResource, UnknownCogniteResource
from cognite.client.data_classes.iam import ClientCredentials

__all__ = [
    "ASSET_CENTRIC_TYPES",
    "ClientCredentials",
    "CogniteResource",
    "DataModelInfo",
    "EdgeType",
    "Edges",
    "Instances",
    "Nodes",
    "NonceCredentials",
    "OAuthClientCredentials",
    "OidcCredentials",
    "RawTable",
    "SequenceRowsDestination",
    "SessionDetails",
    "TransformationBlockedInfo",
    "TransformationDestination",
    "UnknownCogniteResource",
    "ViewInfo",
    "load_destination",
]

#: Destination types that carry nothing but their type.
ASSET_CENTRIC_TYPES: frozenset[str] = frozenset(
    {
        "assets",
        "asset_hierarchy",
        "events",
        "timeseries",
        "datapoints",
        "string_datapoints",
        "sequences",
        "files",
        "labels",
        "relationships",
        "data_sets",
    }
)


class ViewInfo(CogniteObject):
    """The view a data-modeling destination writes through.

    Args:
        space: The space of the view.
        external_id: The external id of the view.
        version: The version of the view.
    """

    space: str
    external_id: str
    version: str


class EdgeType(CogniteObject):
    """The type of the edges a destination writes (a node reference).

    Args:
        space: The space of the type node.
        external_id: The external id of the type node.
    """

    space: str
    external_id: str


class DataModelInfo(CogniteObject):
    """The data model (and type in it) an ``instances`` destination writes to.

    Args:
        space: The space of the data model.
        external_id: The external id of the data model.
        version: The version of the data model.
        destination_type: The external id of the view (type) in the model to write.
        destination_relationship_from_type: For edges: the property of ``destination_type`` they belong to.
    """

    space: str
    external_id: str
    version: str
    destination_type: str
    destination_relationship_from_type: str | None = None


def _nested(value: Any, cls: type[CogniteObject]) -> Any:
    return cls.load(value) if isinstance(value, dict) else value


class TransformationDestination(CogniteObject, kw_only=True):
    """Where a transformation writes. Build one with the class methods, e.g. ``TransformationDestination.assets()``.

    Args:
        type: The destination type, e.g. ``"assets"`` (keyword-only).

    Example:
        >>> from cognite.client.data_classes.transformations.common import TransformationDestination
        >>> TransformationDestination.assets() == TransformationDestination(type="assets")
        True
    """

    _TYPE: ClassVar[str] = ""

    type: str = ""

    def __post_init__(self) -> None:
        if not self.type:
            self.type = self._TYPE
        if not isinstance(self.type, str) or not self.type:
            raise TypeError(f"type must be a non-empty str, got {self.type!r}")

    @classmethod
    def load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> Any:
        """Load a destination as the class of its ``type``.

        Args:
            resource: The dictionary (or JSON string).
            cognite_client: Unused (destinations call no API).

        Returns:
            The destination.
        """
        return load_destination(resource)

    @classmethod
    def _load_wire(cls, data: Any) -> Any:
        return load_destination(data)

    # ---------------------------------------------------------------- constructors
    @staticmethod
    def assets() -> TransformationDestination:
        """Write assets."""
        return TransformationDestination(type="assets")

    @staticmethod
    def timeseries() -> TransformationDestination:
        """Write time series."""
        return TransformationDestination(type="timeseries")

    @staticmethod
    def asset_hierarchy() -> TransformationDestination:
        """Write an asset hierarchy (parents before children, in one job)."""
        return TransformationDestination(type="asset_hierarchy")

    @staticmethod
    def events() -> TransformationDestination:
        """Write events."""
        return TransformationDestination(type="events")

    @staticmethod
    def datapoints() -> TransformationDestination:
        """Write numeric datapoints."""
        return TransformationDestination(type="datapoints")

    @staticmethod
    def string_datapoints() -> TransformationDestination:
        """Write string datapoints."""
        return TransformationDestination(type="string_datapoints")

    @staticmethod
    def sequences() -> TransformationDestination:
        """Write sequences."""
        return TransformationDestination(type="sequences")

    @staticmethod
    def files() -> TransformationDestination:
        """Write file metadata."""
        return TransformationDestination(type="files")

    @staticmethod
    def labels() -> TransformationDestination:
        """Write label definitions."""
        return TransformationDestination(type="labels")

    @staticmethod
    def relationships() -> TransformationDestination:
        """Write relationships."""
        return TransformationDestination(type="relationships")

    @staticmethod
    def data_sets() -> TransformationDestination:
        """Write data sets."""
        return TransformationDestination(type="data_sets")

    @staticmethod
    def raw(database: str = "", table: str = "") -> RawTable:
        """Write rows of a RAW table.

        Args:
            database: The database.
            table: The table.

        Returns:
            The destination.
        """
        return RawTable(database=database, table=table)

    @staticmethod
    def sequence_rows(external_id: str = "") -> SequenceRowsDestination:
        """Write rows of a sequence.

        Args:
            external_id: The external id of the sequence.

        Returns:
            The destination.
        """
        return SequenceRowsDestination(external_id=external_id)

    @staticmethod
    def nodes(view: ViewInfo | None = None, instance_space: str | None = None) -> Nodes:
        """Write nodes (through a view, or just the nodes without properties).

        Args:
            view: The view to write properties through.
            instance_space: The space of the nodes (else each row gives its ``space``).

        Returns:
            The destination.
        """
        return Nodes(view=view, instance_space=instance_space)

    @staticmethod
    def edges(
        view: ViewInfo | None = None, instance_space: str | None = None, edge_type: EdgeType | None = None
    ) -> Edges:
        """Write edges (through a view, or of an edge type).

        Args:
            view: The view to write properties through.
            instance_space: The space of the edges.
            edge_type: The type of the edges.

        Returns:
            The destination.
        """
        return Edges(view=view, instance_space=instance_space, edge_type=edge_type)

    @staticmethod
    def instances(data_model: DataModelInfo | None = None, instance_space: str | None = None) -> Instances:
        """Write instances of a type of a data model.

        Args:
            data_model: The data model and the type in it.
            instance_space: The space of the instances.

        Returns:
            The destination.
        """
        return Instances(data_model=data_model, instance_space=instance_space)


class RawTable(TransformationDestination):
    """A RAW table destination.

    Args:
        database: The database.
        table: The table.
    """

    _TYPE: ClassVar[str] = "raw"

    database: str = ""
    table: str = ""


class SequenceRowsDestination(TransformationDestination):
    """A destination writing the rows of one sequence.

    Args:
        external_id: The external id of the sequence.
    """

    _TYPE: ClassVar[str] = "sequence_rows"

    external_id: str = ""


class Nodes(TransformationDestination):
    """A destination writing nodes.

    Args:
        view: The view to write properties through (None: nodes without properties).
        instance_space: The space of the nodes.
    """

    _TYPE: ClassVar[str] = "nodes"

    view: ViewInfo | None = None
    instance_space: str | None = None


class Edges(TransformationDestination):
    """A destination writing edges.

    Args:
        view: The view to write properties through.
        instance_space: The space of the edges.
        edge_type: The type of the edges.
    """

    _TYPE: ClassVar[str] = "edges"

    view: ViewInfo | None = None
    instance_space: str | None = None
    edge_type: EdgeType | None = None


class Instances(TransformationDestination):
    """A destination writing instances of a type in a data model.

    Args:
        data_model: The data model and the type in it.
        instance_space: The space of the instances.
    """

    _TYPE: ClassVar[str] = "instances"

    data_model: DataModelInfo | None = None
    instance_space: str | None = None


_BY_TYPE: dict[str, type[TransformationDestination]] = {
    "raw": RawTable,
    "sequence_rows": SequenceRowsDestination,
    "nodes": Nodes,
    "edges": Edges,
    "instances": Instances,
}


def load_destination(data: Any) -> Any:
    """Load a destination (a dict in wire or snake_case form, or a destination object) as the class of its type.

    Args:
        data: The destination.

    Returns:
        The destination object (None for None).
    """
    if data is None or isinstance(data, TransformationDestination):
        return data
    if isinstance(data, str | bytes):
        import json

        data = json.loads(data)
    if not isinstance(data, dict):
        raise TypeError(f"destination must be a TransformationDestination or a dict, not {type(data).__name__}")
    kind = data.get("type")
    cls = _BY_TYPE.get(kind, TransformationDestination) if isinstance(kind, str) else TransformationDestination
    if cls is TransformationDestination:
        return TransformationDestination(type=str(kind))
    return CogniteObject.load.__func__(cls, data)  # type: ignore[attr-defined]


def _check_str(value: Any, name: str, required: bool = True) -> None:
    if value is None and not required:
        return
    if not isinstance(value, str) or not value:
        raise TypeError(f"{name} must be a non-empty str, got {value!r}")


class OidcCredentials(CogniteObject):
    """Client credentials a transformation reads or writes with. The secret never shows in reprs.

    Args:
        client_id: The client id.
        client_secret: The client secret.
        token_uri: The token URL of the identity provider.
        cdf_project_name: The CDF project.
        scopes: The scopes, a comma-separated string or a list.
        audience: The audience (some identity providers).

    Example:
        >>> from cognite.client.data_classes.transformations.common import OidcCredentials
        >>> creds = OidcCredentials("app", "s3cr3t", "https://idp/token", "proj", scopes=["a", "b"])
        >>> creds
        OidcCredentials(client_id='app', client_secret=<hidden>, token_uri='https://idp/token', cdf_project_name='proj', scopes='a,b')
        >>> creds.as_client_credentials().client_id
        'app'
    """

    client_id: str
    client_secret: str
    token_uri: str
    cdf_project_name: str
    scopes: str | None = None
    audience: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.scopes, list | tuple):
            self.scopes = ",".join(self.scopes)
        _check_str(self.client_id, "client_id")
        _check_str(self.client_secret, "client_secret")
        _check_str(self.token_uri, "token_uri")
        _check_str(self.cdf_project_name, "cdf_project_name")
        if self.scopes is not None and not isinstance(self.scopes, str):
            raise TypeError(f"scopes must be a str or a list of str, got {self.scopes!r}")

    def __repr__(self) -> str:
        shown = [
            f"client_id={self.client_id!r}",
            "client_secret=<hidden>",
            f"token_uri={self.token_uri!r}",
            f"cdf_project_name={self.cdf_project_name!r}",
        ]
        if self.scopes is not None:
            shown.append(f"scopes={self.scopes!r}")
        if self.audience is not None:
            shown.append(f"audience={self.audience!r}")
        return f"OidcCredentials({', '.join(shown)})"

    def as_credential_provider(self) -> OAuthClientCredentials:
        """Return a credential provider that fetches tokens with these credentials."""
        scopes = [s for s in (self.scopes or "").split(",") if s]
        extra: dict[str, Any] = {"audience": self.audience} if self.audience else {}
        return OAuthClientCredentials(self.token_uri, self.client_id, self.client_secret, scopes or None, **extra)

    def as_client_credentials(self) -> ClientCredentials:
        """Return the client id and secret, as the sessions API takes them."""
        return ClientCredentials(client_id=self.client_id, client_secret=self.client_secret)

    def _masked(self) -> dict[str, Any]:
        return {**self.dump(), "clientSecret": "***"}


class NonceCredentials(CogniteObject):
    """A session (id and nonce) a transformation reads or writes with. The nonce never shows in reprs.

    Args:
        session_id: The session id.
        nonce: The nonce of the session.
        cdf_project_name: The CDF project.

    Example:
        >>> from cognite.client.data_classes.transformations.common import NonceCredentials
        >>> NonceCredentials(1, "n0nce", "proj")
        NonceCredentials(session_id=1, nonce=<hidden>, cdf_project_name='proj')
    """

    session_id: int
    nonce: str
    cdf_project_name: str

    def __post_init__(self) -> None:
        if isinstance(self.session_id, bool) or not isinstance(self.session_id, int):
            raise TypeError(f"session_id must be an int, got {self.session_id!r}")
        _check_str(self.nonce, "nonce")
        _check_str(self.cdf_project_name, "cdf_project_name")

    def __repr__(self) -> str:
        return (
            f"NonceCredentials(session_id={self.session_id!r}, nonce=<hidden>, "
            f"cdf_project_name={self.cdf_project_name!r})"
        )


class SessionDetails(CogniteObject):
    """The session a transformation runs with (as CDF reports it).

    Args:
        session_id: The session id.
        client_id: The client id of the session.
        project_name: The CDF project.
    """

    session_id: int | None = None
    client_id: str | None = None
    project_name: str | None = None


class TransformationBlockedInfo(CogniteObject):
    """Why a transformation is blocked from running.

    Args:
        reason: The reason.
        created_time: When it was blocked (ms since epoch).
    """

    reason: str
    created_time: int
