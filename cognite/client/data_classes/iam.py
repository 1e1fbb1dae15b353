"""Identity and access management: groups, security categories, sessions and token inspection.

Example:
    >>> from cognite.client.data_classes.capabilities import AssetsAcl
    >>> from cognite.client.data_classes.iam import GroupWrite
    >>> GroupWrite("readers", capabilities=[AssetsAcl([AssetsAcl.Action.Read])], members="allUserAccounts").dump()
    {'name': 'readers', 'capabilities': [{'assetsAcl': {'actions': ['READ'], 'scope': {'all': {}}}}], 'members': 'allUserAccounts'}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, TypeAlias

from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResource,
    CogniteResourceList,
    IdTransformerMixin,
    InternalIdTransformerMixin,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
)
from cognite.client.data_classes.capabilities import Capability, ProjectCapabilityList

__all__ = [
    "ALL_USER_ACCOUNTS",
    "Capability",
    "ClientCredentials",
    "CogniteResource",
    "CogniteResourceList",
    "CreatedSession",
    "Group",
    "GroupAttributes",
    "GroupAttributesToken",
    "GroupCore",
    "GroupList",
    "GroupWrite",
    "GroupWriteList",
    "IdTransformerMixin",
    "InternalIdTransformerMixin",
    "NameTransformerMixin",
    "ProjectCapabilityList",
    "ProjectSpec",
    "RevokedSession",
    "RevokedSessionList",
    "SecurityCategory",
    "SecurityCategoryCore",
    "SecurityCategoryList",
    "SecurityCategoryWrite",
    "SecurityCategoryWriteList",
    "Session",
    "SessionList",
    "SessionStatus",
    "SessionType",
    "TokenInspection",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]

#: ``members`` of a group every user account of the organization belongs to.
ALL_USER_ACCOUNTS: Literal["allUserAccounts"] = "allUserAccounts"

SessionStatus: TypeAlias = Literal["READY", "ACTIVE", "CANCELLED", "EXPIRED", "REVOKED", "ACCESS_LOST"]
SessionType: TypeAlias = Literal["CLIENT_CREDENTIALS", "TOKEN_EXCHANGE", "ONESHOT_TOKEN_EXCHANGE"]


class NameTransformerMixin:
    """Adds ``as_names()`` to lists of resources with names."""

    data: list[Any]

    def as_names(self) -> list[str]:
        """Return the names of the items, in order."""
        return [item.name for item in self.data]


def _capabilities(value: Any) -> list[Capability] | None:
    if value is None:
        return None
    if isinstance(value, Capability | dict) or not isinstance(value, Iterable):
        raise TypeError(f"capabilities must be a list of capabilities, not {type(value).__name__}")
    return [c if isinstance(c, Capability) else Capability.load(c) for c in value]


def _members(value: Any) -> list[str] | Literal["allUserAccounts"] | None:
    if value is None or value == ALL_USER_ACCOUNTS:
        return value  # type: ignore[no-any-return]
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise TypeError(f"members must be a list of principal ids or {ALL_USER_ACCOUNTS!r}, got {value!r}")
    members = list(value)
    if not all(isinstance(m, str) for m in members):
        raise TypeError(f"members must hold principal ids (str), got {members!r}")
    return members


# ------------------------------------------------------------------------------------------------------------ groups


class GroupAttributesToken(CogniteObject):
    """Token attributes of a group: the apps whose tokens get the group.

    Args:
        app_ids: The application ids.
    """

    app_ids: list[str] | None = None


class GroupAttributes(CogniteObject):
    """Attributes of a group.

    Args:
        token: Token attributes.
    """

    token: GroupAttributesToken | None = None


class GroupCore(WriteableCogniteResource["GroupWrite"]):
    """Base of the read and write forms of a group (holds no fields of its own)."""


class Group(GroupCore):
    """A group as read from CDF: a name, capabilities, and how membership is managed.

    Membership is managed in the identity provider (``source_id``, the IdP group's id) or in CDF (``members``: a list
    of principal ids, or ``"allUserAccounts"``).

    Args:
        id: The id.
        name: The name.
        is_deleted: Whether it is deleted.
        source_id: The id of the identity provider's group.
        capabilities: What members may do.
        attributes: Group attributes.
        deleted_time: When it was deleted, in ms since epoch.
        metadata: Custom string key-value pairs.
        members: Principal ids, or ``"allUserAccounts"``, when membership is managed in CDF.

    Example:
        >>> from cognite.client.data_classes.iam import Group
        >>> group = Group.load({"id": 1, "name": "g", "isDeleted": False, "members": ["u1"]})
        >>> group.is_managed_in_cdf(), group.as_write().members
        (True, ['u1'])
    """

    id: int
    name: str
    is_deleted: bool = False
    source_id: str | None = None
    capabilities: list[Capability] | None = None
    attributes: GroupAttributes | None = None
    deleted_time: int | None = None
    metadata: dict[str, str] | None = None
    members: list[str] | str | None = None

    def __post_init__(self) -> None:
        self.capabilities = _capabilities(self.capabilities)

    def as_write(self) -> GroupWrite:
        """Return the write form (what ``iam.groups.create`` accepts)."""
        return GroupWrite(
            name=self.name, source_id=self.source_id, capabilities=self.capabilities, attributes=self.attributes,
            metadata=self.metadata, members=self.members,
        )  # fmt: skip

    def is_managed_in_cdf(self) -> bool:
        """Whether membership is managed in CDF (``members``) rather than in the identity provider."""
        return self.members is not None

    def is_externally_managed(self) -> bool:
        """Whether membership is managed in the identity provider (``source_id``)."""
        return self.members is None


class GroupWrite(GroupCore):
    """A group to create.

    Args:
        name: The name.
        source_id: The id of the identity provider's group (membership managed there).
        capabilities: What members may do (capability objects or their wire dicts).
        attributes: Group attributes.
        metadata: Custom string key-value pairs.
        members: Principal ids, or ``"allUserAccounts"`` (membership managed in CDF; not with ``source_id``).

    Example:
        >>> from cognite.client.data_classes.iam import GroupWrite
        >>> GroupWrite("g", source_id="aad-group", capabilities=[{"eventsAcl": {"actions": ["READ"], "scope": {"all": {}}}}]).capabilities
        [EventsAcl(actions=[<_ReadWrite.Read: 'READ'>], scope=AllScope())]
    """

    name: str
    source_id: str | None = None
    capabilities: list[Capability] | None = None
    attributes: GroupAttributes | None = None
    metadata: dict[str, str] | None = None
    members: list[str] | str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str):
            raise TypeError(f"GroupWrite.name must be a str, not {type(self.name).__name__}")
        self.capabilities = _capabilities(self.capabilities)
        self.members = _members(self.members)
        if self.members is not None and self.source_id is not None:
            raise ValueError("A group has either source_id (managed in the IdP) or members (managed in CDF), not both")

    def as_write(self) -> GroupWrite:
        """Return self (this is already the write form)."""
        return self


class GroupWriteList(CogniteResourceList[GroupWrite], NameTransformerMixin):
    """A list of groups to create.

    Args:
        resources: The groups.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = GroupWrite


class GroupList(WriteableCogniteResourceList[GroupWrite, Group], NameTransformerMixin, InternalIdTransformerMixin):
    """A list of groups read from CDF.

    Args:
        resources: The groups.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = Group
    _WRITE_LIST = GroupWriteList

    def as_write(self) -> GroupWriteList:
        """Return the write form of every group."""
        return GroupWriteList._from_items([g.as_write() for g in self.data], self._cognite_client)


# ------------------------------------------------------------------------------------------------ security categories


class SecurityCategoryCore(WriteableCogniteResource["SecurityCategoryWrite"]):
    """Base of the read and write forms of a security category (holds no fields of its own)."""


class SecurityCategory(SecurityCategoryCore):
    """A security category as read from CDF.

    Args:
        id: The id.
        name: The name.
    """

    id: int
    name: str

    def as_write(self) -> SecurityCategoryWrite:
        """Return the write form."""
        return SecurityCategoryWrite(name=self.name)


class SecurityCategoryWrite(SecurityCategoryCore):
    """A security category to create.

    Args:
        name: The name.

    Example:
        >>> from cognite.client.data_classes.iam import SecurityCategoryWrite
        >>> SecurityCategoryWrite("secret").dump()
        {'name': 'secret'}
    """

    name: str

    def __post_init__(self) -> None:
        if not isinstance(self.name, str):
            raise TypeError(f"SecurityCategoryWrite.name must be a str, not {type(self.name).__name__}")

    def as_write(self) -> SecurityCategoryWrite:
        """Return self (this is already the write form)."""
        return self


class SecurityCategoryWriteList(CogniteResourceList[SecurityCategoryWrite], NameTransformerMixin):
    """A list of security categories to create.

    Args:
        resources: The security categories.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = SecurityCategoryWrite


class SecurityCategoryList(
    WriteableCogniteResourceList[SecurityCategoryWrite, SecurityCategory],
    NameTransformerMixin,
    InternalIdTransformerMixin,
):
    """A list of security categories read from CDF.

    Args:
        resources: The security categories.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = SecurityCategory
    _WRITE_LIST = SecurityCategoryWriteList

    def as_write(self) -> SecurityCategoryWriteList:
        """Return the write form of every security category."""
        return SecurityCategoryWriteList._from_items([c.as_write() for c in self.data], self._cognite_client)


# ----------------------------------------------------------------------------------------------------------- sessions


class ClientCredentials(CogniteObject):
    """Client credentials (of an app registration) to create a session with. The secret is never shown in reprs.

    Args:
        client_id: The client id.
        client_secret: The client secret.

    Example:
        >>> from cognite.client.data_classes.iam import ClientCredentials
        >>> ClientCredentials("my-app", "s3cr3t")
        ClientCredentials(client_id='my-app', client_secret=<hidden>)
    """

    client_id: str
    client_secret: str

    def __post_init__(self) -> None:
        for name in ("client_id", "client_secret"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name):
                raise TypeError(f"ClientCredentials.{name} must be a non-empty str")

    def __repr__(self) -> str:
        return f"ClientCredentials(client_id={self.client_id!r}, client_secret=<hidden>)"

    def __rich_repr__(self) -> Any:  # pragma: no cover - rich only
        yield "client_id", self.client_id


class CreatedSession(CogniteResource):
    """A session just created: its ``nonce`` lets a CDF service (e.g. a function) act with it.

    Args:
        id: The session id.
        status: The status.
        nonce: The nonce to hand to the service (valid for a short time, once).
        type: How it was created: CLIENT_CREDENTIALS, TOKEN_EXCHANGE or ONESHOT_TOKEN_EXCHANGE.
        client_id: The client id, for client-credentials sessions.
    """

    id: int
    status: str
    nonce: str
    type: str | None = None
    client_id: str | None = None

    def __repr__(self) -> str:
        return f"CreatedSession(id={self.id!r}, status={self.status!r}, type={self.type!r}, nonce=<hidden>)"


class Session(CogniteResource):
    """A session.

    Args:
        id: The session id.
        type: How it was created: CLIENT_CREDENTIALS, TOKEN_EXCHANGE or ONESHOT_TOKEN_EXCHANGE.
        status: READY, ACTIVE, CANCELLED, EXPIRED, REVOKED or ACCESS_LOST.
        creation_time: When it was created, in ms since epoch.
        expiration_time: When it expires, in ms since epoch.
        client_id: The client id, for client-credentials sessions.
    """

    id: int
    type: str | None = None
    status: str | None = None
    creation_time: int | None = None
    expiration_time: int | None = None
    client_id: str | None = None


class SessionList(CogniteResourceList[Session], IdTransformerMixin):
    """A list of sessions.

    Args:
        resources: The sessions.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = Session


class RevokedSession(Session):
    """A session that was revoked.

    Args:
        id: The session id.
        type: How it was created.
        status: The status (REVOKED).
        creation_time: When it was created, in ms since epoch.
        expiration_time: When it expires, in ms since epoch.
        client_id: The client id, for client-credentials sessions.
    """


class RevokedSessionList(CogniteResourceList[RevokedSession], IdTransformerMixin):
    """A list of revoked sessions.

    Args:
        resources: The sessions.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = RevokedSession


# ---------------------------------------------------------------------------------------------------- token inspection


class ProjectSpec(CogniteObject):
    """A project a token has access to, and the groups that give it.

    Args:
        url_name: The project's URL name.
        groups: The ids of the token's groups in the project.
    """

    url_name: str
    groups: list[int]

    @property
    def project_url_name(self) -> str:
        """The project's URL name (the wire name of ``url_name``)."""
        return self.url_name

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form, ``{"projectUrlName": ..., "groups": [...]}``.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        key = "projectUrlName" if camel_case else "project_url_name"
        return {key: self.url_name, "groups": list(self.groups)}

    @classmethod
    def _load_wire(cls, resource: Any) -> ProjectSpec:
        return cls(url_name=resource["projectUrlName"], groups=list(resource.get("groups", [])))


class TokenInspection(CogniteResource):
    """What a token gives access to: its subject, its projects (with groups) and its capabilities.

    Args:
        subject: The subject (the principal) of the token.
        projects: The projects, with the token's groups in each.
        capabilities: The capabilities, with the projects each applies to.
    """

    subject: str
    projects: list[Any]
    capabilities: Any

    def __post_init__(self) -> None:
        self.projects = [p if isinstance(p, ProjectSpec) else ProjectSpec._load_wire(p) for p in self.projects]
        if not isinstance(self.capabilities, ProjectCapabilityList):
            self.capabilities = ProjectCapabilityList._load_wire(self.capabilities)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        return {
            "subject": self.subject,
            "projects": [p.dump(camel_case) for p in self.projects],
            "capabilities": self.capabilities.dump(camel_case),
        }
