"""Capabilities: what a group (or a token) may do in CDF, as ACL objects with actions and a scope.

On the wire a capability is a one-key object, ``{"assetsAcl": {"actions": ["READ"], "scope": {"all": {}}}}``. Each ACL
the SDK knows is a class (``AssetsAcl``) with its actions (``AssetsAcl.Action.Read``) and the scopes it allows
(``AssetsAcl.Scope.DataSet([1, 2])``); the classes are declared by a table (one entry per ACL: wire name, action set,
scope set) and share all their behaviour. A name the SDK does not know loads as :class:`UnknownAcl`, an unknown scope
as :class:`UnknownScope`: both dump exactly what was loaded, so nothing is lost on a round trip.

Example:
    >>> from cognite.client.data_classes.capabilities import AssetsAcl, Capability
    >>> acl = AssetsAcl([AssetsAcl.Action.Read], AssetsAcl.Scope.DataSet([1]))
    >>> acl.dump()
    {'assetsAcl': {'actions': ['READ'], 'scope': {'datasetScope': {'ids': [1]}}}}
    >>> Capability.load(acl.dump()) == acl
    True
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, NamedTuple, TypeAlias, cast

from typing_extensions import Self

from cognite.client.data_classes._base import CogniteResource, CogniteResourceList

__all__ = [
    "AgentsAcl",
    "AllProjectsScope",
    "AllScope",
    "AnalyticsAcl",
    "AnnotationsAcl",
    "AppConfigAcl",
    "AppConfigScope",
    "AppExternalIdScope",
    "AppHostingAcl",
    "AssetRootIDScope",
    "AssetsAcl",
    "AuditlogAcl",
    "Capability",
    "CapabilityAction",
    "CapabilityTuple",
    "ChartsAdminAcl",
    "CogUnitsAcl",
    "CogniteResource",
    "CogniteResourceList",
    "CurrentUserScope",
    "DataModelInstancesAcl",
    "DataModelsAcl",
    "DataProductScope",
    "DataProductsAcl",
    "DataSetScope",
    "DataSetsAcl",
    "DiagramParsingAcl",
    "DigitalTwinAcl",
    "DocumentFeedbackAcl",
    "DocumentPipelinesAcl",
    "EntityMatchingAcl",
    "EventsAcl",
    "ExperimentsAcl",
    "ExperimentsScope",
    "ExtractionConfigsAcl",
    "ExtractionPipelineScope",
    "ExtractionPipelinesAcl",
    "ExtractionsRunAcl",
    "FilePipelinesAcl",
    "FilesAcl",
    "FunctionsAcl",
    "GeospatialAcl",
    "GeospatialCrsAcl",
    "GroupsAcl",
    "HostedExtractorsAcl",
    "IDScope",
    "IDScopeLowerCase",
    "InstancesScope",
    "IntegrationConfigsAcl",
    "IntegrationsAcl",
    "LabelsAcl",
    "LegacyCapability",
    "LegacyDataModelScope",
    "LegacyGenericsAcl",
    "LegacyModelHostingAcl",
    "LegacySpaceScope",
    "LocationFiltersAcl",
    "MonitoringTasksAcl",
    "NotificationsAcl",
    "PartitionScope",
    "PipelinesAcl",
    "PostgresGatewayAcl",
    "PostgresGatewayUsersScope",
    "ProjectCapability",
    "ProjectCapabilityList",
    "ProjectScope",
    "ProjectsAcl",
    "ProjectsScope",
    "RawAcl",
    "RelationshipsAcl",
    "RoboticsAcl",
    "SAPWritebackAcl",
    "SAPWritebackRequestsAcl",
    "ScheduledCalculationsAcl",
    "Scope",
    "ScopeOptions",
    "SecurityCategoriesAcl",
    "SeismicAcl",
    "SequencesAcl",
    "SessionsAcl",
    "SimulatorsAcl",
    "SlaAcl",
    "SpaceIDScope",
    "StreamRecordsAcl",
    "StreamsAcl",
    "SubscribeSignalsAcl",
    "TableScope",
    "TemplateGroupsAcl",
    "TemplateInstancesAcl",
    "ThreeDAcl",
    "TimeSeriesAcl",
    "TimeSeriesSubscriptionsAcl",
    "TransformationsAcl",
    "TransformationsExternalDataSourcesAcl",
    "TypesAcl",
    "UnknownAcl",
    "UnknownScope",
    "UserProfilesAcl",
    "VisionModelAcl",
    "WellsAcl",
    "WorkflowOrchestrationAcl",
    "acl",
]


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def _snake(name: str) -> str:
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i and (not name[i - 1].isupper() or (i + 1 < len(name) and name[i + 1].islower())):
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


def _load_json(resource: Any, name: str) -> dict[str, Any]:
    if isinstance(resource, str | bytes):
        resource = json.loads(resource)
    if not isinstance(resource, Mapping):
        raise TypeError(f"{name} must be a dict or a JSON string, not {type(resource).__name__}")
    return dict(resource)


# ------------------------------------------------------------------------------------------------------------- scopes


class CapabilityTuple(NamedTuple):
    """One grant, flattened: one ACL, one action, one scope (and one id, or one RAW table, of that scope).

    Args:
        acl_name: The wire name of the ACL, e.g. ``"assetsAcl"``.
        action: The action, e.g. ``"READ"``.
        scope_name: The wire name of the scope, e.g. ``"datasetScope"``.
        scope_id: The one id (or space, database, ...) of the scope; None for scopes without ids.
        scope_extra: The RAW table of a table scope (None: the whole database).
    """

    acl_name: str
    action: str
    scope_name: str
    scope_id: int | str | None = None
    scope_extra: str | None = None

    @property
    def database(self) -> str:
        """The RAW database of a table-scope grant."""
        if self.scope_name != TableScope._scope_name:
            raise ValueError(f"{self.scope_name!r} grants have no database")
        return cast(str, self.scope_id)

    @property
    def table(self) -> str | None:
        """The RAW table of a table-scope grant (None: every table of the database)."""
        if self.scope_name != TableScope._scope_name:
            raise ValueError(f"{self.scope_name!r} grants have no table")
        return self.scope_extra


class Scope:
    """Base of the scopes of capabilities: what data a capability applies to."""

    _scope_name: ClassVar[str] = ""
    #: The field holding the scope's list of ids (or names), if it has one: one grant per value.
    _ids_field: ClassVar[str | None] = None

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the scope to its wire form, ``{scope name: {...}}``.

        Args:
            camel_case: Use camelCase keys inside the scope (the wire format).

        Returns:
            The scope as a dictionary.
        """
        data = {(_camel(f.name) if camel_case else f.name): list(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]
        return {self._scope_name: data}

    @classmethod
    def load(cls, resource: dict[str, Any] | str, allow_unknown: bool = False) -> Scope:
        """Load a scope from its wire form (``{"datasetScope": {"ids": [1]}}``), dict or JSON string.

        A scope name the SDK does not know (or a known one with fields it does not know) loads as an
        :class:`UnknownScope` that dumps what was loaded.

        Args:
            resource: The scope.
            allow_unknown: Kept for symmetry with :meth:`Capability.load` (unknown scopes always load).

        Returns:
            The scope.
        """
        data = _load_json(resource, "scope")
        if len(data) != 1:
            raise ValueError(f"A scope has exactly one key (its name), got {sorted(data)}")
        ((name, body),) = data.items()
        scope_cls = _SCOPE_BY_NAME.get(name)
        if scope_cls is None or not isinstance(body, Mapping):
            return UnknownScope(name, body if isinstance(body, dict) else {"value": body})
        try:
            return scope_cls._from_body(body)
        except (TypeError, ValueError, KeyError):
            return UnknownScope(name, dict(body))

    @classmethod
    def _from_body(cls, body: Mapping[str, Any]) -> Scope:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        kwargs = {(k if k in names else _snake(k)): v for k, v in body.items()}
        if set(kwargs) != names:
            raise KeyError(sorted(set(kwargs) ^ names))
        return cls(**kwargs)

    def _grants(self) -> list[tuple[int | str | None, str | None]]:
        """(scope id, scope extra) of every grant of this scope."""
        if self._ids_field is None:
            return [(None, None)]
        return [(v, None) for v in getattr(self, self._ids_field)]

    def as_tuples(self) -> set[tuple[Any, ...]]:
        """The scope flattened: ``(scope name,)``, or ``(scope name, id)`` per id of the scope.

        Returns:
            The tuples.
        """
        return {(self._scope_name, *(x for x in grant if x is not None)) for grant in self._grants()}

    @classmethod
    def _from_grant(cls, scope_id: Any, extra: Any) -> Scope:
        if cls._ids_field is None:
            return cls()
        return cls(**{cls._ids_field: [scope_id]})

    def __repr__(self) -> str:
        args = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self))  # type: ignore[arg-type]
        return f"{type(self).__name__}({args})"


def _as_list(value: Any, name: str, kind: type | tuple[type, ...]) -> list[Any]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise TypeError(f"{name} must be a list, not {type(value).__name__}")
    out = list(value)
    for v in out:
        if isinstance(v, bool) or not isinstance(v, kind):
            raise TypeError(f"{name} must hold only {getattr(kind, '__name__', kind)}, got {v!r}")
    return out


@dataclass(eq=True, repr=False)
class AllScope(Scope):
    """Everything of the ACL's resource type."""

    _scope_name = "all"


@dataclass(eq=True, repr=False)
class CurrentUserScope(Scope):
    """Only what concerns the current user (e.g. the groups the caller is a member of)."""

    _scope_name = "currentuserscope"


@dataclass(eq=True, repr=False)
class _IdsScope(Scope):
    ids: list[int]
    _ids_field = "ids"

    def __post_init__(self) -> None:
        self.ids = _as_list(self.ids, f"{type(self).__name__}.ids", (int, str))


@dataclass(eq=True, repr=False)
class IDScope(_IdsScope):
    """Resources by their internal ids (``idScope``).

    Args:
        ids: The ids.
    """

    _scope_name = "idScope"


@dataclass(eq=True, repr=False)
class IDScopeLowerCase(_IdsScope):
    """Resources by their internal ids, for the ACLs whose scope is spelled ``idscope`` on the wire.

    Args:
        ids: The ids.
    """

    _scope_name = "idscope"


@dataclass(eq=True, repr=False)
class DataSetScope(_IdsScope):
    """Resources in the given data sets.

    Args:
        ids: The data set ids.
    """

    _scope_name = "datasetScope"


@dataclass(eq=True, repr=False)
class ExtractionPipelineScope(_IdsScope):
    """Resources of the given extraction pipelines.

    Args:
        ids: The extraction pipeline ids.
    """

    _scope_name = "extractionPipelineScope"


@dataclass(eq=True, repr=False)
class AssetRootIDScope(Scope):
    """Resources linked to assets in the given asset hierarchies.

    Args:
        root_ids: The ids of the root assets.
    """

    _scope_name = "assetRootIdScope"
    _ids_field = "root_ids"
    root_ids: list[int]

    def __post_init__(self) -> None:
        self.root_ids = _as_list(self.root_ids, "AssetRootIDScope.root_ids", int)


@dataclass(eq=True, repr=False)
class SpaceIDScope(Scope):
    """Data modeling resources in the given spaces.

    Args:
        space_ids: The spaces.
    """

    _scope_name = "spaceIdScope"
    _ids_field = "space_ids"
    space_ids: list[str]

    def __post_init__(self) -> None:
        self.space_ids = _as_list(self.space_ids, "SpaceIDScope.space_ids", str)


@dataclass(eq=True, repr=False)
class ExperimentsScope(Scope):
    """The given experimental features.

    Args:
        experiments: The experiments.
    """

    _scope_name = "experimentscope"
    _ids_field = "experiments"
    experiments: list[str]

    def __post_init__(self) -> None:
        self.experiments = _as_list(self.experiments, "ExperimentsScope.experiments", str)


@dataclass(eq=True, repr=False)
class PartitionScope(Scope):
    """Seismic data in the given partitions.

    Args:
        partition_ids: The partition ids.
    """

    _scope_name = "partition"
    _ids_field = "partition_ids"
    partition_ids: list[int]

    def __post_init__(self) -> None:
        self.partition_ids = _as_list(self.partition_ids, "PartitionScope.partition_ids", int)


@dataclass(eq=True, repr=False)
class _ExternalIdsScope(Scope):
    external_ids: list[str]
    _ids_field = "external_ids"

    def __post_init__(self) -> None:
        self.external_ids = _as_list(self.external_ids, f"{type(self).__name__}.external_ids", str)


@dataclass(eq=True, repr=False)
class LegacySpaceScope(_ExternalIdsScope):
    """Spaces by external id (a scope no longer used by the API).

    Args:
        external_ids: The spaces.
    """

    _scope_name = "spaceScope"


@dataclass(eq=True, repr=False)
class LegacyDataModelScope(_ExternalIdsScope):
    """Data models by external id (a scope no longer used by the API).

    Args:
        external_ids: The data models.
    """

    _scope_name = "dataModelScope"


@dataclass(eq=True, repr=False)
class AppExternalIdScope(_ExternalIdsScope):
    """Hosted apps by external id.

    Args:
        external_ids: The apps.
    """

    _scope_name = "appExternalIdScope"


@dataclass(eq=True, repr=False)
class DataProductScope(_ExternalIdsScope):
    """Data products by external id.

    Args:
        external_ids: The data products.
    """

    _scope_name = "dataProductScope"


@dataclass(eq=True, repr=False)
class PostgresGatewayUsersScope(Scope):
    """Postgres gateway users by name.

    Args:
        usernames: The users.
    """

    _scope_name = "usersScope"
    _ids_field = "usernames"
    usernames: list[str]

    def __post_init__(self) -> None:
        self.usernames = _as_list(self.usernames, "PostgresGatewayUsersScope.usernames", str)


@dataclass(eq=True, repr=False)
class InstancesScope(Scope):
    """Data modeling instances.

    Args:
        instances: The instances.
    """

    _scope_name = "instancesScope"
    _ids_field = "instances"
    instances: list[str]

    def __post_init__(self) -> None:
        self.instances = _as_list(self.instances, "InstancesScope.instances", str)


@dataclass(eq=True, repr=False)
class AppConfigScope(Scope):
    """App configurations of the given apps (e.g. ``["SEARCH"]``).

    Args:
        apps: The apps.
    """

    _scope_name = "appScope"
    _ids_field = "apps"
    apps: list[str]

    def __post_init__(self) -> None:
        self.apps = _as_list(self.apps, "AppConfigScope.apps", str)


@dataclass(eq=True, repr=False)
class TableScope(Scope):
    """RAW tables by database: ``{database: [tables]}``; an empty list of tables grants the whole database.

    Args:
        dbs_to_tables: Database name -> table names.

    Example:
        >>> from cognite.client.data_classes.capabilities import TableScope
        >>> TableScope({"db": ["t1"], "whole_db": []}).dump()
        {'tableScope': {'dbsToTables': {'db': {'tables': ['t1']}, 'whole_db': {'tables': []}}}}
    """

    _scope_name = "tableScope"
    dbs_to_tables: dict[str, list[str]]

    def __post_init__(self) -> None:
        if not isinstance(self.dbs_to_tables, Mapping):
            raise TypeError(f"TableScope.dbs_to_tables must be a dict, not {type(self.dbs_to_tables).__name__}")
        out: dict[str, list[str]] = {}
        for db, tables in self.dbs_to_tables.items():
            if not isinstance(db, str):
                raise TypeError(f"TableScope database names must be str, got {db!r}")
            if isinstance(tables, Mapping):  # the wire form {"tables": [...]}
                tables = tables.get("tables", [])
            out[db] = _as_list(tables, f"TableScope.dbs_to_tables[{db!r}]", str)
        self.dbs_to_tables = out

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the scope to its wire form, ``{"tableScope": {"dbsToTables": {db: {"tables": [...]}}}}``.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The scope as a dictionary.
        """
        key = "dbsToTables" if camel_case else "dbs_to_tables"
        return {self._scope_name: {key: {db: {"tables": list(t)} for db, t in self.dbs_to_tables.items()}}}

    def _grants(self) -> list[tuple[int | str | None, str | None]]:
        out: list[tuple[int | str | None, str | None]] = []
        for db, tables in self.dbs_to_tables.items():
            out.extend([(db, t) for t in tables] or [(db, None)])
        return out

    @classmethod
    def _from_grant(cls, scope_id: Any, extra: Any) -> Scope:
        return cls({scope_id: [] if extra is None else [extra]})


@dataclass(eq=True, repr=False)
class UnknownScope(Scope):
    """A scope this SDK version does not know; dumps exactly what was loaded.

    Args:
        name: The wire name of the scope.
        data: Its body.
    """

    name: str
    data: dict[str, Any] = field(default_factory=dict)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Return the scope as it was loaded."""
        return {self.name: self.data}

    def __getitem__(self, item: str) -> Any:
        return self.data[item]

    def _grants(self) -> list[tuple[int | str | None, str | None]]:
        return [(json.dumps(self.data, sort_keys=True), None)]

    def as_tuples(self) -> set[tuple[Any, ...]]:
        """The scope as one tuple: ``(name, its body as JSON)``.

        Returns:
            The tuples.
        """
        return {(self.name, json.dumps(self.data, sort_keys=True))}


_SCOPE_BY_NAME: dict[str, type[Scope]] = {
    s._scope_name: s
    for s in (
        AllScope, CurrentUserScope, IDScope, IDScopeLowerCase, DataSetScope, ExtractionPipelineScope, AssetRootIDScope,
        SpaceIDScope, ExperimentsScope, PartitionScope, LegacySpaceScope, LegacyDataModelScope, AppExternalIdScope,
        DataProductScope, PostgresGatewayUsersScope, InstancesScope, AppConfigScope, TableScope,
    )
}  # fmt: skip


def _scope_from_tuple(scope_name: str, scope_id: Any, extra: Any) -> Scope:
    scope_cls = _SCOPE_BY_NAME.get(scope_name)
    if scope_cls is None:
        return UnknownScope(scope_name, json.loads(scope_id) if isinstance(scope_id, str) else {})
    return scope_cls._from_grant(scope_id, extra)


# ------------------------------------------------------------------------------------------------------- capabilities


#: The scope base class, under a name the ACL classes do not shadow (their ``Scope`` is the namespace of options).
AnyScope: TypeAlias = Scope


#: Keys a capability may carry next to its ACL name: the projects it applies to (token inspection: ``projectScope``;
#: groups: ``projectUrlNames``). They are not ACL names.
_BESIDE_ACL = frozenset({"projectScope", "project_scope", "projectUrlNames", "project_url_names"})


class CapabilityAction(enum.Enum):
    """Base of the action enums of the ACLs (``AssetsAcl.Action.Read``)."""


class ScopeOptions:
    """Base of the namespaces of the scopes an ACL allows (``AssetsAcl.Scope.DataSet``)."""


class Capability:
    """Base of every ACL: actions on a scope.

    Args:
        actions: The actions (members of the ACL's ``Action`` enum, or their wire strings).
        scope: The scope (one of the ACL's ``Scope`` options; default: all, where the ACL allows it).
        allow_unknown: Keep actions and scopes the ACL does not know instead of raising ValueError.

    Example:
        >>> from cognite.client.data_classes.capabilities import Capability, EventsAcl
        >>> acl = Capability.load({"eventsAcl": {"actions": ["WRITE"], "scope": {"datasetScope": {"ids": [7]}}}})
        >>> acl == EventsAcl([EventsAcl.Action.Write], EventsAcl.Scope.DataSet([7]))
        True
    """

    _capability_name: ClassVar[str] = ""
    Action: ClassVar[type[CapabilityAction]] = CapabilityAction
    Scope: ClassVar[type[ScopeOptions]] = ScopeOptions

    def __init__(
        self,
        actions: Sequence[CapabilityAction | str],
        scope: AnyScope | None = None,
        allow_unknown: bool = False,
    ) -> None:
        if isinstance(actions, str | CapabilityAction) or not isinstance(actions, Iterable):
            raise TypeError(f"actions must be a list of actions, not {type(actions).__name__}")
        allowed = self._allowed_scopes()
        if scope is None:
            if AllScope not in allowed:
                raise TypeError(f"{type(self).__name__} needs a scope: one of {[s.__name__ for s in allowed]}")
            scope = AllScope()
        if not isinstance(scope, Scope):
            raise TypeError(f"scope must be a Scope (e.g. AllScope()), not {type(scope).__name__}")
        if type(scope) not in allowed and not allow_unknown:
            raise ValueError(
                f"{type(self).__name__} does not take {type(scope).__name__}; "
                f"allowed: {[s.__name__ for s in allowed]} (or pass allow_unknown=True)"
            )
        self.actions: list[Any] = [self._action(a, allow_unknown) for a in actions]
        self.scope: AnyScope = scope
        self.allow_unknown = allow_unknown

    @classmethod
    def _allowed_scopes(cls) -> list[type[AnyScope]]:
        options = {k: getattr(cls.Scope, k) for k in dir(cls.Scope) if not k.startswith("_")}
        return [v for v in options.values() if isinstance(v, type) and issubclass(v, Scope)]

    def _action(self, action: Any, allow_unknown: bool) -> Any:
        if isinstance(action, self.Action):
            return action
        value = action.value if isinstance(action, enum.Enum) else action
        try:
            return self.Action(value)
        except ValueError:
            if allow_unknown and isinstance(value, str):
                return value
            known = [a.value for a in self.Action]
            raise ValueError(f"{type(self).__name__} has no action {action!r}; known: {known}") from None

    # ------------------------------------------------------------------------------------------ wire form

    @property
    def _name(self) -> str:
        return self._capability_name

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the capability to its wire form, ``{"assetsAcl": {"actions": [...], "scope": {...}}}``.

        Args:
            camel_case: Use the wire (camelCase) names; False gives snake_case names.

        Returns:
            The capability as a dictionary.
        """
        body = {
            "actions": [a.value if isinstance(a, enum.Enum) else a for a in self.actions],
            "scope": self.scope.dump(camel_case=camel_case),
        }
        return {self._name if camel_case else _snake(self._name): body, **self._extra}

    @property
    def _extra(self) -> dict[str, Any]:
        """Keys a capability carries next to its ACL (e.g. ``projectUrlNames``), kept as loaded."""
        return cast("dict[str, Any]", self.__dict__.get("_extra_keys", {}))

    @classmethod
    def load(cls, resource: dict[str, Any] | str, allow_unknown: bool = False) -> Capability:
        """Load a capability from its wire form (camelCase or snake_case name), a dict or a JSON string.

        An ACL name the SDK does not know loads as :class:`UnknownAcl`; unknown actions or scopes of a known ACL
        raise ValueError unless ``allow_unknown`` (then they are kept as they are).

        Args:
            resource: The capability, e.g. ``{"assetsAcl": {"actions": ["READ"], "scope": {"all": {}}}}``.
            allow_unknown: Keep actions and scopes the ACL does not know.

        Returns:
            The capability.
        """
        data = _load_json(resource, "capability")
        names = [k for k in data if k not in _BESIDE_ACL]
        if len(names) != 1:
            raise ValueError(f"A capability has exactly one ACL name as key, got {sorted(data)}")
        name = names[0]
        body = data[name]
        extra = {k: v for k, v in data.items() if k in _BESIDE_ACL and k not in ("projectScope", "project_scope")}
        acl_cls = _ACL_BY_NAME.get(name) or _ACL_BY_NAME.get(_camel(name))
        out: Capability
        if not isinstance(body, Mapping) or not isinstance(body.get("actions"), list) or "scope" not in body:
            out = UnknownAcl(capability_name=name, raw_data={name: body}, allow_unknown=True)
        elif acl_cls is None:
            scope = Scope.load(body["scope"])
            out = UnknownAcl(body["actions"], scope, capability_name=name, raw_data={name: body}, allow_unknown=True)
        else:
            out = acl_cls(body["actions"], Scope.load(body["scope"]), allow_unknown=allow_unknown)
        if extra:
            out.__dict__["_extra_keys"] = extra
        return out

    @classmethod
    def _load_wire(cls, resource: Any) -> Capability:
        """Load a capability answered by CDF: never fails, keeps whatever the SDK does not know."""
        return cls.load(resource, allow_unknown=True)

    # ------------------------------------------------------------------------------------------ flattening

    def as_tuples(self) -> set[CapabilityTuple]:
        """Flatten the capability: one tuple per action and scope id (or RAW table).

        Returns:
            The grants.

        Example:
            >>> from cognite.client.data_classes.capabilities import DataSetScope, EventsAcl
            >>> sorted(EventsAcl([EventsAcl.Action.Read], DataSetScope([1, 2])).as_tuples())
            [CapabilityTuple(acl_name='eventsAcl', action='READ', scope_name='datasetScope', scope_id=1, scope_extra=None), CapabilityTuple(acl_name='eventsAcl', action='READ', scope_name='datasetScope', scope_id=2, scope_extra=None)]
        """
        scope_name = self.scope.name if isinstance(self.scope, UnknownScope) else self.scope._scope_name
        return {
            CapabilityTuple(self._name, a.value if isinstance(a, enum.Enum) else a, scope_name, sid, extra)
            for a in self.actions
            for sid, extra in self.scope._grants()
        }

    @classmethod
    def from_tuple(cls, tpl: CapabilityTuple | tuple[Any, ...]) -> Capability:
        """Build a capability of one action on one scope id from a flattened grant.

        Args:
            tpl: The grant (a :class:`CapabilityTuple` or a plain tuple in the same order).

        Returns:
            The capability.

        Example:
            >>> from cognite.client.data_classes.capabilities import Capability
            >>> Capability.from_tuple(("rawAcl", "READ", "tableScope", "db", "t")).dump()
            {'rawAcl': {'actions': ['READ'], 'scope': {'tableScope': {'dbsToTables': {'db': {'tables': ['t']}}}}}}
        """
        grant = CapabilityTuple(*tpl)
        scope = _scope_from_tuple(grant.scope_name, grant.scope_id, grant.scope_extra)
        acl_cls = _ACL_BY_NAME.get(grant.acl_name)
        if acl_cls is None:
            body = {"actions": [grant.action], "scope": scope.dump()}
            return UnknownAcl(
                [grant.action], scope, capability_name=grant.acl_name, raw_data={grant.acl_name: body},
                allow_unknown=True,
            )  # fmt: skip
        return acl_cls([grant.action], scope, allow_unknown=True)

    @classmethod
    def show_example_usage(cls) -> str:
        """Show how to build this capability in code (every action, the first scope it allows).

        Returns:
            The example, as a line of Python.

        Example:
            >>> from cognite.client.data_classes.capabilities import LabelsAcl
            >>> print(LabelsAcl.show_example_usage())
            LabelsAcl(actions=[LabelsAcl.Action.Read, LabelsAcl.Action.Write], scope=LabelsAcl.Scope.All())
        """
        name = cls.__name__
        actions = ", ".join(f"{name}.Action.{a.name}" for a in cls.Action)
        options = [k for k, v in vars(cls.Scope).items() if not k.startswith("_") and isinstance(v, type)]
        option = options[0] if options else "All"
        scope_cls = getattr(cls.Scope, option, AllScope)
        args = "" if scope_cls._ids_field is None and scope_cls is not TableScope else "..."
        return f"{name}(actions=[{actions}], scope={name}.Scope.{option}({args}))"

    # ------------------------------------------------------------------------------------------ python

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(json.dumps(self.dump(), sort_keys=True))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(actions={self.actions!r}, scope={self.scope!r})"


class LegacyCapability(Capability):
    """Base of capabilities the API no longer uses (ignored when capabilities are compared)."""


class UnknownAcl(Capability):
    """A capability this SDK version does not know; dumps exactly what was loaded.

    Args:
        actions: The actions (strings).
        scope: The scope.
        capability_name: The wire name of the ACL.
        raw_data: The capability as it was loaded.
        allow_unknown: Always treated as True.
    """

    def __init__(
        self,
        actions: Sequence[Any] = (),
        scope: AnyScope | None = None,
        capability_name: str = "unknownAcl",
        raw_data: dict[str, Any] | None = None,
        allow_unknown: bool = True,
    ) -> None:
        self.capability_name = capability_name
        self.actions = [a.value if isinstance(a, enum.Enum) else a for a in actions]
        self.scope = scope if scope is not None else UnknownScope("unknown", {})
        self.allow_unknown = True
        self.raw_data = raw_data if raw_data is not None else {}

    @property
    def _name(self) -> str:
        return self.capability_name

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Return the capability as it was loaded (or as built, when it was not loaded)."""
        if self.raw_data:
            return {**self.raw_data, **self._extra}
        return super().dump(camel_case=True)

    @classmethod
    def show_example_usage(cls) -> str:
        """An unknown ACL is only made by loading; there is no example.

        Returns:
            A note saying so.
        """
        return "UnknownAcl is made by Capability.load for ACL names this SDK version does not know"


# ---------------------------------------------------------------------------------- the ACL table: action sets


class _Read(CapabilityAction):
    Read = "READ"


class _ReadWrite(CapabilityAction):
    Read = "READ"
    Write = "WRITE"


class _ReadWriteRun(CapabilityAction):
    Read = "READ"
    Write = "WRITE"
    Run = "RUN"


class _ReadWriteUse(CapabilityAction):
    Read = "READ"
    Write = "WRITE"
    Use = "USE"


class _ReadWriteOwner(CapabilityAction):
    Read = "READ"
    Write = "WRITE"
    Owner = "OWNER"


class _ReadWriteList(CapabilityAction):
    Read = "READ"
    Write = "WRITE"
    List = "LIST"


class _ReadExecuteList(CapabilityAction):
    Read = "READ"
    Execute = "EXECUTE"
    List = "LIST"


class _Annotations(CapabilityAction):
    Read = "READ"
    Write = "WRITE"
    Suggest = "SUGGEST"
    Review = "REVIEW"


class _ReadUpdateDelete(CapabilityAction):
    Read = "READ"
    Update = "UPDATE"
    Delete = "DELETE"


class _Crud(CapabilityAction):
    Create = "CREATE"
    Read = "READ"
    Update = "UPDATE"
    Delete = "DELETE"


class _ReadCreateUpdateDelete(CapabilityAction):
    Read = "READ"
    Create = "CREATE"
    Update = "UPDATE"
    Delete = "DELETE"


class _CreateReadDelete(CapabilityAction):
    Create = "CREATE"
    Read = "READ"
    Delete = "DELETE"


class _ReadCreateDelete(CapabilityAction):
    Read = "READ"
    Create = "CREATE"
    Delete = "DELETE"


class _InstancesActions(CapabilityAction):
    Read = "READ"
    Write = "WRITE"
    WriteProperties = "WRITE_PROPERTIES"


class _Use(CapabilityAction):
    Use = "USE"


class _Groups(CapabilityAction):
    Create = "CREATE"
    Delete = "DELETE"
    Read = "READ"
    List = "LIST"
    Update = "UPDATE"


class _Projects(CapabilityAction):
    Read = "READ"
    Create = "CREATE"
    List = "LIST"
    Update = "UPDATE"
    Delete = "DELETE"


class _SecurityCategories(CapabilityAction):
    MemberOf = "MEMBEROF"
    List = "LIST"
    Create = "CREATE"
    Update = "UPDATE"
    Delete = "DELETE"


class _ListCreateDelete(CapabilityAction):
    List = "LIST"
    Create = "CREATE"
    Delete = "DELETE"


class _WriteList(CapabilityAction):
    Write = "WRITE"
    List = "LIST"


class _Simulators(CapabilityAction):
    Read = "READ"
    Write = "WRITE"
    Delete = "DELETE"
    Run = "RUN"
    Manage = "MANAGE"


# ----------------------------------------------------------------------------------- the ACL table: scope sets


class _All(ScopeOptions):
    All = AllScope


class _AllOrDataSet(ScopeOptions):
    All = AllScope
    DataSet = DataSetScope


class _AllOrSpaceID(ScopeOptions):
    All = AllScope
    SpaceID = SpaceIDScope


class _AllOrID(ScopeOptions):
    All = AllScope
    ID = IDScope
    IDLowerCase = IDScopeLowerCase


class _AllOrCurrentUser(ScopeOptions):
    All = AllScope
    CurrentUser = CurrentUserScope


class _AllOrInstances(ScopeOptions):
    All = AllScope
    Instances = InstancesScope


class _AllIDOrDataSet(ScopeOptions):
    All = AllScope
    ID = IDScope
    IDLowerCase = IDScopeLowerCase
    DataSet = DataSetScope


class _AllDataSetOrPipeline(ScopeOptions):
    All = AllScope
    DataSet = DataSetScope
    ExtractionPipeline = ExtractionPipelineScope


class _TimeSeriesScopes(ScopeOptions):
    All = AllScope
    DataSet = DataSetScope
    ID = IDScopeLowerCase
    AssetRootID = AssetRootIDScope


class _SecurityCategoryScopes(ScopeOptions):
    All = AllScope
    ID = IDScopeLowerCase


class _RawScopes(ScopeOptions):
    All = AllScope
    Table = TableScope


class _SeismicScopes(ScopeOptions):
    All = AllScope
    Partition = PartitionScope


class _AppConfigScopes(ScopeOptions):
    All = AllScope
    AppConfig = AppConfigScope


class _AppHostingScopes(ScopeOptions):
    All = AllScope
    AppExternalId = AppExternalIdScope


class _DataProductScopes(ScopeOptions):
    All = AllScope
    DataProduct = DataProductScope


class _PostgresScopes(ScopeOptions):
    All = AllScope
    Users = PostgresGatewayUsersScope


class _ExperimentScopes(ScopeOptions):
    Experiment = ExperimentsScope


# --------------------------------------------------------------------------------- the ACL table: one per ACL


class AgentsAcl(Capability):
    """Access to agents."""

    _capability_name, Action, Scope = "agentsAcl", _ReadWriteRun, _All


class AnalyticsAcl(Capability):
    """Access to analytics."""

    _capability_name, Action, Scope = "analyticsAcl", _ReadExecuteList, _All


class AnnotationsAcl(Capability):
    """Access to annotations."""

    _capability_name, Action, Scope = "annotationsAcl", _Annotations, _All


class AppConfigAcl(Capability):
    """Access to app configurations."""

    _capability_name, Action, Scope = "appConfigAcl", _ReadWrite, _AppConfigScopes


class AppHostingAcl(Capability):
    """Access to hosted apps."""

    _capability_name, Action, Scope = "appHostingAcl", _ReadWriteRun, _AppHostingScopes


class AssetsAcl(Capability):
    """Access to assets."""

    _capability_name, Action, Scope = "assetsAcl", _ReadWrite, _AllOrDataSet


class AuditlogAcl(Capability):
    """Access to the audit log."""

    _capability_name, Action, Scope = "auditlogAcl", _Read, _All


class ChartsAdminAcl(Capability):
    """Administration of charts."""

    _capability_name, Action, Scope = "chartsAdminAcl", _ReadUpdateDelete, _All


class CogUnitsAcl(Capability):
    """Access to units."""

    _capability_name, Action, Scope = "cogUnitsAcl", _Read, _All


class DataModelInstancesAcl(Capability):
    """Access to data modeling instances."""

    _capability_name, Action, Scope = "dataModelInstancesAcl", _InstancesActions, _AllOrSpaceID


class DataModelsAcl(Capability):
    """Access to data models, views, containers and spaces."""

    _capability_name, Action, Scope = "dataModelsAcl", _ReadWrite, _AllOrSpaceID


class DataProductsAcl(Capability):
    """Access to data products."""

    _capability_name, Action, Scope = "dataProductsAcl", _Crud, _DataProductScopes


class DataSetsAcl(Capability):
    """Access to data sets."""

    _capability_name, Action, Scope = "datasetsAcl", _ReadWriteOwner, _AllOrID


class DiagramParsingAcl(Capability):
    """Access to diagram parsing."""

    _capability_name, Action, Scope = "diagramParsingAcl", _ReadWrite, _All


class DigitalTwinAcl(Capability):
    """Access to digital twins."""

    _capability_name, Action, Scope = "digitalTwinAcl", _ReadWrite, _All


class DocumentFeedbackAcl(Capability):
    """Access to document feedback."""

    _capability_name, Action, Scope = "documentFeedbackAcl", _CreateReadDelete, _All


class DocumentPipelinesAcl(Capability):
    """Access to document pipelines."""

    _capability_name, Action, Scope = "documentPipelinesAcl", _ReadWrite, _All


class EntityMatchingAcl(Capability):
    """Access to entity matching."""

    _capability_name, Action, Scope = "entitymatchingAcl", _ReadWrite, _All


class EventsAcl(Capability):
    """Access to events."""

    _capability_name, Action, Scope = "eventsAcl", _ReadWrite, _AllOrDataSet


class ExperimentsAcl(Capability):
    """Access to experimental features."""

    _capability_name, Action, Scope = "experimentAcl", _Use, _ExperimentScopes


class ExtractionConfigsAcl(Capability):
    """Access to extraction pipeline configurations."""

    _capability_name, Action, Scope = "extractionConfigsAcl", _ReadWrite, _AllDataSetOrPipeline


class ExtractionPipelinesAcl(Capability):
    """Access to extraction pipelines."""

    _capability_name, Action, Scope = "extractionPipelinesAcl", _ReadWrite, _AllIDOrDataSet


class ExtractionsRunAcl(Capability):
    """Access to extraction pipeline runs."""

    _capability_name, Action, Scope = "extractionRunsAcl", _ReadWrite, _AllDataSetOrPipeline


class FilePipelinesAcl(Capability):
    """Access to file pipelines."""

    _capability_name, Action, Scope = "filePipelinesAcl", _ReadWrite, _All


class FilesAcl(Capability):
    """Access to files."""

    _capability_name, Action, Scope = "filesAcl", _ReadWrite, _AllOrDataSet


class FunctionsAcl(Capability):
    """Access to functions."""

    _capability_name, Action, Scope = "functionsAcl", _ReadWriteRun, _All


class GeospatialAcl(Capability):
    """Access to geospatial data."""

    _capability_name, Action, Scope = "geospatialAcl", _ReadWrite, _All


class GeospatialCrsAcl(Capability):
    """Access to geospatial coordinate reference systems."""

    _capability_name, Action, Scope = "geospatialCrsAcl", _ReadWrite, _All


class GroupsAcl(Capability):
    """Access to groups."""

    _capability_name, Action, Scope = "groupsAcl", _Groups, _AllOrCurrentUser


class HostedExtractorsAcl(Capability):
    """Access to hosted extractors."""

    _capability_name, Action, Scope = "hostedExtractorsAcl", _ReadWrite, _All


class IntegrationConfigsAcl(Capability):
    """Access to integration configurations."""

    _capability_name, Action, Scope = "integrationConfigsAcl", _ReadWrite, _All


class IntegrationsAcl(Capability):
    """Access to integrations."""

    _capability_name, Action, Scope = "integrationsAcl", _ReadWriteUse, _All


class LabelsAcl(Capability):
    """Access to labels."""

    _capability_name, Action, Scope = "labelsAcl", _ReadWrite, _AllOrDataSet


class LegacyGenericsAcl(LegacyCapability):
    """Access to generics (no longer used by the API)."""

    _capability_name, Action, Scope = "genericsAcl", _ReadWrite, _All


class LegacyModelHostingAcl(LegacyCapability):
    """Access to model hosting (no longer used by the API)."""

    _capability_name, Action, Scope = "modelHostingAcl", _ReadWrite, _All


class LocationFiltersAcl(Capability):
    """Access to location filters."""

    _capability_name, Action, Scope = "locationFiltersAcl", _ReadWrite, _AllOrID


class MonitoringTasksAcl(Capability):
    """Access to monitoring tasks."""

    _capability_name, Action, Scope = "monitoringTasksAcl", _ReadWrite, _All


class NotificationsAcl(Capability):
    """Access to notifications."""

    _capability_name, Action, Scope = "notificationsAcl", _ReadWrite, _All


class PipelinesAcl(Capability):
    """Access to pipelines."""

    _capability_name, Action, Scope = "pipelinesAcl", _ReadWrite, _All


class PostgresGatewayAcl(Capability):
    """Access to the Postgres gateway."""

    _capability_name, Action, Scope = "postgresGatewayAcl", _ReadWrite, _PostgresScopes


class ProjectsAcl(Capability):
    """Access to projects."""

    _capability_name, Action, Scope = "projectsAcl", _Projects, _All


class RawAcl(Capability):
    """Access to RAW databases and tables."""

    _capability_name, Action, Scope = "rawAcl", _ReadWriteList, _RawScopes


class RelationshipsAcl(Capability):
    """Access to relationships."""

    _capability_name, Action, Scope = "relationshipsAcl", _ReadWrite, _AllOrDataSet


class RoboticsAcl(Capability):
    """Access to robotics."""

    _capability_name, Action, Scope = "roboticsAcl", _ReadCreateUpdateDelete, _AllOrDataSet


class SAPWritebackAcl(Capability):
    """Access to SAP writeback."""

    _capability_name, Action, Scope = "sapWritebackAcl", _ReadWrite, _AllOrInstances


class SAPWritebackRequestsAcl(Capability):
    """Access to SAP writeback requests."""

    _capability_name, Action, Scope = "sapWritebackRequestsAcl", _WriteList, _AllOrInstances


class ScheduledCalculationsAcl(Capability):
    """Access to scheduled calculations."""

    _capability_name, Action, Scope = "scheduledCalculationsAcl", _ReadWrite, _All


class SecurityCategoriesAcl(Capability):
    """Access to security categories."""

    _capability_name, Action, Scope = "securityCategoriesAcl", _SecurityCategories, _SecurityCategoryScopes


class SeismicAcl(Capability):
    """Access to seismic data."""

    _capability_name, Action, Scope = "seismicAcl", _ReadWrite, _SeismicScopes


class SequencesAcl(Capability):
    """Access to sequences."""

    _capability_name, Action, Scope = "sequencesAcl", _ReadWrite, _AllOrDataSet


class SessionsAcl(Capability):
    """Access to sessions."""

    _capability_name, Action, Scope = "sessionsAcl", _ListCreateDelete, _All


class SimulatorsAcl(Capability):
    """Access to simulators."""

    _capability_name, Action, Scope = "simulatorsAcl", _Simulators, _AllOrDataSet


class SlaAcl(Capability):
    """Access to service level agreements."""

    _capability_name, Action, Scope = "slaAcl", _ReadWrite, _All


class StreamRecordsAcl(Capability):
    """Access to stream records."""

    _capability_name, Action, Scope = "streamRecordsAcl", _ReadWrite, _AllOrSpaceID


class StreamsAcl(Capability):
    """Access to streams."""

    _capability_name, Action, Scope = "streamsAcl", _ReadCreateDelete, _All


class SubscribeSignalsAcl(Capability):
    """Access to signal subscriptions."""

    _capability_name, Action, Scope = "subscribeSignalsAcl", _ReadWrite, _AllOrCurrentUser


class TemplateGroupsAcl(Capability):
    """Access to template groups."""

    _capability_name, Action, Scope = "templateGroupsAcl", _ReadWrite, _AllOrDataSet


class TemplateInstancesAcl(Capability):
    """Access to template instances."""

    _capability_name, Action, Scope = "templateInstancesAcl", _ReadWrite, _AllOrDataSet


class ThreeDAcl(Capability):
    """Access to 3D models."""

    _capability_name, Action, Scope = "threedAcl", _ReadCreateUpdateDelete, _AllOrDataSet


class TimeSeriesAcl(Capability):
    """Access to time series."""

    _capability_name, Action, Scope = "timeSeriesAcl", _ReadWrite, _TimeSeriesScopes


class TimeSeriesSubscriptionsAcl(Capability):
    """Access to time series subscriptions."""

    _capability_name, Action, Scope = "timeSeriesSubscriptionsAcl", _ReadWrite, _AllOrDataSet


class TransformationsAcl(Capability):
    """Access to transformations."""

    _capability_name, Action, Scope = "transformationsAcl", _ReadWrite, _AllOrDataSet


class TransformationsExternalDataSourcesAcl(Capability):
    """Access to the external data sources of transformations."""

    _capability_name, Action, Scope = "transformationsExternalDataSourcesAcl", _ReadWriteUse, _AllOrDataSet


class TypesAcl(Capability):
    """Access to types."""

    _capability_name, Action, Scope = "typesAcl", _ReadWrite, _All


class UserProfilesAcl(Capability):
    """Access to user profiles."""

    _capability_name, Action, Scope = "userProfilesAcl", _Read, _All


class VisionModelAcl(Capability):
    """Access to vision models."""

    _capability_name, Action, Scope = "visionModelAcl", _ReadWrite, _All


class WellsAcl(Capability):
    """Access to wells."""

    _capability_name, Action, Scope = "wellsAcl", _ReadWrite, _All


class WorkflowOrchestrationAcl(Capability):
    """Access to workflows."""

    _capability_name, Action, Scope = "workflowOrchestrationAcl", _ReadWrite, _AllOrDataSet


def _all_acls() -> list[type[Capability]]:
    out: list[type[Capability]] = []
    stack = list(Capability.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls._capability_name:
            out.append(cls)
    return sorted(out, key=lambda c: c.__name__)


#: Every ACL the SDK knows, by wire name. (``acl``, the loop variable, stays importable as in cognite-sdk 8.)
_ACL_BY_NAME: dict[str, type[Capability]] = {}
for acl in _all_acls():
    _ACL_BY_NAME[acl._capability_name] = acl


# ------------------------------------------------------------------------------------------------ project scopes


class ProjectScope:
    """Base of the project scopes of a capability in a token: which projects it applies to."""

    _name: ClassVar[str] = ""

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the project scope to its wire form.

        Args:
            camel_case: Kept for compatibility (the wire form has no compound keys).

        Returns:
            ``{"allProjects": {}}`` or ``{"projects": [...]}``.
        """
        return {self._name: {}}

    @classmethod
    def load(cls, resource: dict[str, Any] | str) -> ProjectScope:
        """Load a project scope from its wire form.

        Args:
            resource: ``{"allProjects": {}}`` or ``{"projects": ["p"]}``.

        Returns:
            The project scope.
        """
        data = _load_json(resource, "project scope")
        if "projects" in data:
            return ProjectsScope(list(data["projects"]))
        if "allProjects" in data:
            return AllProjectsScope()
        raise ValueError(f"Unknown project scope {data!r}")

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(json.dumps(self.dump(), sort_keys=True))

    def covers(self, project: str) -> bool:
        """Whether the scope includes a project.

        Args:
            project: The project.

        Returns:
            True when it does.
        """
        return True


class AllProjectsScope(ProjectScope):
    """Every project."""

    _name = "allProjects"

    def __repr__(self) -> str:
        return "AllProjectsScope()"


class ProjectsScope(ProjectScope):
    """The given projects.

    Args:
        projects: The project names.
    """

    _name = "projects"

    def __init__(self, projects: list[str]) -> None:
        self.projects = _as_list(projects, "ProjectsScope.projects", str)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the project scope to its wire form, ``{"projects": [...]}``."""
        return {"projects": list(self.projects)}

    def covers(self, project: str) -> bool:
        """Whether the scope includes a project."""
        return project in self.projects

    def __repr__(self) -> str:
        return f"ProjectsScope(projects={self.projects!r})"


class ProjectCapability(CogniteResource):
    """A capability of a token, with the projects it applies to (as token inspection answers it).

    Args:
        capability: The capability.
        project_scope: The projects it applies to.

    Example:
        >>> from cognite.client.data_classes.capabilities import ProjectCapability
        >>> pc = ProjectCapability.load(
        ...     {"assetsAcl": {"actions": ["READ"], "scope": {"all": {}}}, "projectScope": {"projects": ["p"]}}
        ... )
        >>> pc.project_scope.projects, type(pc.capability).__name__
        (['p'], 'AssetsAcl')
    """

    capability: Any
    project_scope: Any

    def __post_init__(self) -> None:
        if not isinstance(self.capability, Capability):
            raise TypeError(f"capability must be a Capability, not {type(self.capability).__name__}")
        if not isinstance(self.project_scope, ProjectScope):
            raise TypeError(f"project_scope must be a ProjectScope, not {type(self.project_scope).__name__}")

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form: the capability's key next to ``projectScope``.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        key = "projectScope" if camel_case else "project_scope"
        return {**self.capability.dump(camel_case=camel_case), key: self.project_scope.dump(camel_case)}

    @classmethod
    def load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> Self:  # type: ignore[override]
        """Load from the wire form (a capability with ``projectScope``).

        Args:
            resource: The dictionary or JSON string.
            cognite_client: Not used.

        Returns:
            The project capability.
        """
        data = _load_json(resource, "project capability")
        scope = data.pop("projectScope", data.pop("project_scope", {"allProjects": {}}))
        return cls(capability=Capability._load_wire(data), project_scope=ProjectScope.load(scope))

    @classmethod
    def _load_wire(cls, resource: Any) -> Self:
        return cls.load(resource)


class ProjectCapabilityList(CogniteResourceList[ProjectCapability]):
    """The capabilities of a token, with their project scopes.

    Args:
        resources: The project capabilities.
        cognite_client: The client that loaded them (its project is :attr:`project`).
    """

    _RESOURCE = ProjectCapability

    @property
    def project(self) -> str | None:
        """The project of the client that loaded the list (None for a list built by hand)."""
        client = self._cognite_client
        return None if client is None else cast(str, client.config.project)

    def as_tuples(self, project: str | None = None) -> set[CapabilityTuple]:
        """Flatten the capabilities that apply to a project (see :meth:`Capability.as_tuples`).

        Args:
            project: The project (default: :attr:`project`; when neither is known, every capability counts).

        Returns:
            The grants.
        """
        project = project or self.project
        return {
            t
            for pc in self.data
            if project is None or pc.project_scope.covers(project)
            for t in pc.capability.as_tuples()
        }

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every project capability to its wire form.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionaries.
        """
        return [pc.dump(camel_case) for pc in self.data]

    @classmethod
    def _load_wire(cls, resource: Any) -> ProjectCapabilityList:
        return cls._from_items([ProjectCapability.load(r) for r in resource])
