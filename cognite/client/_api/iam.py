"""Identity and access management (``client.iam``): groups, security categories, sessions, token inspection,
principals and user profiles, and the comparison of capabilities.

Each sub-API is a small table on the generic verbs. Two routes live outside the project path: token inspection
(``/api/v1/token/inspect`` on the cluster) and the principals of the organization (see
:mod:`cognite.client._api.principals`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, overload

import msgspec

from cognite.client._api_client import APIClient, IdentifierSequence, check_type, chunks
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes._base import SequenceNotStr, dec_hook, set_client
from cognite.client.data_classes.capabilities import (
    Capability,
    CapabilityTuple,
    LegacyCapability,
    ProjectCapability,
    ProjectCapabilityList,
)
from cognite.client.data_classes.iam import (
    ClientCredentials,
    CreatedSession,
    Group,
    GroupList,
    GroupWrite,
    RevokedSession,
    RevokedSessionList,
    SecurityCategory,
    SecurityCategoryList,
    SecurityCategoryWrite,
    Session,
    SessionList,
    TokenInspection,
)

if TYPE_CHECKING:
    from cognite.client._api.principals import PrincipalsAPI
    from cognite.client._api.user_profiles import UserProfilesAPI

__all__ = ["GroupsAPI", "IAMAPI", "SecurityCategoriesAPI", "SessionsAPI", "TokenAPI"]

ComparableCapability: TypeAlias = (
    Capability
    | Sequence[Capability]
    | dict[str, Any]
    | Sequence[dict[str, Any]]
    | Group
    | GroupList
    | ProjectCapability
    | ProjectCapabilityList
)
SessionTypeArg: TypeAlias = Literal["CLIENT_CREDENTIALS", "TOKEN_EXCHANGE", "ONESHOT_TOKEN_EXCHANGE", "DEFAULT"]
SessionStatusArg: TypeAlias = Literal["READY", "ACTIVE", "CANCELLED", "EXPIRED", "REVOKED", "ACCESS_LOST"]
_SESSION_TYPES = ("CLIENT_CREDENTIALS", "TOKEN_EXCHANGE", "ONESHOT_TOKEN_EXCHANGE", "DEFAULT")
_SESSION_STATUSES = ("READY", "ACTIVE", "CANCELLED", "EXPIRED", "REVOKED", "ACCESS_LOST")


def _grants(value: Any, project: str | None, name: str) -> set[CapabilityTuple]:
    """Flatten any of the accepted forms of capabilities into grants (legacy capabilities left out)."""
    if isinstance(value, ProjectCapabilityList):
        return {t for pc in value.data for t in _grants(pc, project, name)}
    if isinstance(value, ProjectCapability):
        if project is not None and not value.project_scope.covers(project):
            return set()
        return _grants(value.capability, project, name)
    if isinstance(value, Capability):
        return set() if isinstance(value, LegacyCapability) else value.as_tuples()
    if isinstance(value, dict):
        if "projectScope" in value:
            return _grants(ProjectCapability.load(value), project, name)
        return _grants(Capability.load(value), project, name)
    if isinstance(value, Group):
        return _grants(value.capabilities or [], project, name)
    if isinstance(value, GroupList):
        return {t for g in value.data for t in _grants(g, project, name)}
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return {t for v in value for t in _grants(v, project, name)}
    raise TypeError(
        f"{name} must be capabilities, dicts, groups or project capabilities (or lists of them), "
        f"not {type(value).__name__}"
    )


def _is_covered(grant: CapabilityTuple, existing: set[CapabilityTuple]) -> bool:
    if grant in existing:
        return True
    if CapabilityTuple(grant.acl_name, grant.action, "all") in existing:
        return True
    return grant.scope_name == "tableScope" and (
        CapabilityTuple(grant.acl_name, grant.action, "tableScope", grant.scope_id) in existing
    )


class GroupsAPI(APIClient[Group, GroupList]):
    """Create, list and delete groups: who gets which capabilities.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     [g.name for g in client.iam.groups.list(all=True)]
        ['emulator-admins']
    """

    _RESOURCE_PATH = "/groups"
    _RESOURCE_CLS = Group
    _LIST_CLS = GroupList
    _CREATE_LIMIT = 1000
    _DELETE_LIMIT = 1000

    async def list(self, all: bool = False) -> GroupList:
        """List the groups of the caller, or every group of the project.

        Args:
            all: Every group of the project (needs ``groupsAcl:LIST`` in all scope); default: the caller's groups.

        Returns:
            The groups.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.iam.groups.list())
            1
        """
        check_type(all, bool, "all")
        resp = await self._get(self._RESOURCE_PATH, params={"all": all} if all else None)
        return self._make_list(self._decode_items(resp.content).items)  # type: ignore[no-any-return]

    @overload
    async def create(self, group: Group | GroupWrite) -> Group: ...
    @overload
    async def create(self, group: Sequence[Group] | Sequence[GroupWrite]) -> GroupList: ...
    async def create(self, group: Group | GroupWrite | Sequence[Group] | Sequence[GroupWrite]) -> Group | GroupList:
        """Create one or more groups.

        Args:
            group: A group or a list of them (write or read objects).

        Returns:
            The created group, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import GroupWrite
            >>> from cognite.client.data_classes.capabilities import AssetsAcl
            >>> with emulated_client() as client:
            ...     group = client.iam.groups.create(
            ...         GroupWrite("readers", capabilities=[AssetsAcl([AssetsAcl.Action.Read], AssetsAcl.Scope.All())])
            ...     )
            ...     group.name, group.capabilities[0].dump()
            ('readers', {'assetsAcl': {'actions': ['READ'], 'scope': {'all': {}}}})
        """
        return await self._create_multiple(group, write_cls=GroupWrite, input_name="group")  # type: ignore[no-any-return]

    async def delete(self, id: int | Sequence[int]) -> None:
        """Delete one or more groups.

        Args:
            id: The id(s) of the groups.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import GroupWrite
            >>> with emulated_client() as client:
            ...     group = client.iam.groups.create(GroupWrite("temporary"))
            ...     client.iam.groups.delete(group.id)
            ...     "temporary" in [g.name for g in client.iam.groups.list(all=True)]
            False
        """
        await _delete_plain_ids(self, id)


async def _delete_plain_ids(api: APIClient[Any, Any], id: Any) -> None:
    """POST ``{path}/delete`` with ``{"items": [ids]}`` (plain ints, as groups and security categories take them)."""
    ids = IdentifierSequence(ids=id, id_name="id").as_primitives()
    id_chunks = chunks(ids, api._DELETE_LIMIT)
    bodies = [{"items": list(c)} for c in id_chunks]
    await api._post_concurrently(api._RESOURCE_PATH + "/delete", bodies, operation="delete", reported=id_chunks)


class SecurityCategoriesAPI(APIClient[SecurityCategory, SecurityCategoryList]):
    """Create, list and delete security categories.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes import SecurityCategoryWrite
        >>> with emulated_client() as client:
        ...     _ = client.iam.security_categories.create(SecurityCategoryWrite("secret"))
        ...     client.iam.security_categories.list().as_names()
        ['secret']
    """

    _RESOURCE_PATH = "/securitycategories"
    _RESOURCE_CLS = SecurityCategory
    _LIST_CLS = SecurityCategoryList
    _CREATE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _LIST_LIMIT = 1000

    async def list(self, limit: int | None = 25, sort: Literal["ASC", "DESC"] | None = None) -> SecurityCategoryList:
        """List security categories.

        Args:
            limit: Maximum number of security categories (default 25; None, -1 or inf: all).
            sort: Order by name: "ASC" or "DESC" (default: the API's, ascending).

        Returns:
            The security categories.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.iam.security_categories.list(limit=None, sort="DESC"))
            0
        """
        if sort is not None and sort not in ("ASC", "DESC"):
            raise ValueError(f"sort must be 'ASC' or 'DESC', got {sort!r}")
        params = {"sort": sort} if sort is not None else None
        return await self._list(limit=limit, method="GET", other_params=params)  # type: ignore[no-any-return]

    @overload
    async def create(self, security_category: SecurityCategory | SecurityCategoryWrite) -> SecurityCategory: ...
    @overload
    async def create(
        self, security_category: Sequence[SecurityCategory] | Sequence[SecurityCategoryWrite]
    ) -> SecurityCategoryList: ...
    async def create(
        self,
        security_category: SecurityCategory
        | SecurityCategoryWrite
        | Sequence[SecurityCategory]
        | Sequence[SecurityCategoryWrite],
    ) -> SecurityCategory | SecurityCategoryList:
        """Create one or more security categories.

        Args:
            security_category: A security category or a list of them (write or read objects).

        Returns:
            The created security category, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import SecurityCategoryWrite
            >>> with emulated_client() as client:
            ...     client.iam.security_categories.create([SecurityCategoryWrite("a"), SecurityCategoryWrite("b")]).as_names()
            ['a', 'b']
        """
        return await self._create_multiple(  # type: ignore[no-any-return]
            security_category, write_cls=SecurityCategoryWrite, input_name="security_category"
        )

    async def delete(self, id: int | Sequence[int]) -> None:
        """Delete one or more security categories.

        Args:
            id: The id(s) of the security categories.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import SecurityCategoryWrite
            >>> with emulated_client() as client:
            ...     category = client.iam.security_categories.create(SecurityCategoryWrite("old"))
            ...     client.iam.security_categories.delete(category.id)
            ...     len(client.iam.security_categories.list())
            0
        """
        await _delete_plain_ids(self, id)


class SessionsAPI(APIClient[Session, SessionList]):
    """Create, list, retrieve and revoke sessions (delegated access for CDF services such as functions).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     session = client.iam.sessions.create(session_type="TOKEN_EXCHANGE")
        ...     client.iam.sessions.retrieve(session.id).status
        'READY'
    """

    _RESOURCE_PATH = "/sessions"
    _RESOURCE_CLS = Session
    _LIST_CLS = SessionList
    _RETRIEVE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _LIST_LIMIT = 1000

    def _session_item(self, client_credentials: ClientCredentials | None, session_type: str) -> dict[str, Any]:
        from cognite.client.credentials import OAuthClientCredentials

        if session_type not in _SESSION_TYPES:
            raise ValueError(f"session_type must be one of {list(_SESSION_TYPES)}, got {session_type!r}")
        if client_credentials is not None and not isinstance(client_credentials, ClientCredentials):
            raise TypeError(f"client_credentials must be ClientCredentials, not {type(client_credentials).__name__}")
        if session_type == "DEFAULT":
            if client_credentials is not None:
                session_type = "CLIENT_CREDENTIALS"
            else:
                creds = self._cognite_client.config.credentials
                if isinstance(creds, OAuthClientCredentials):
                    client_credentials = ClientCredentials(creds.client_id, creds.client_secret)
                    session_type = "CLIENT_CREDENTIALS"
                else:
                    session_type = "TOKEN_EXCHANGE"
        if session_type == "CLIENT_CREDENTIALS":
            if client_credentials is None:
                raise ValueError("session_type='CLIENT_CREDENTIALS' needs client_credentials")
            return {"clientId": client_credentials.client_id, "clientSecret": client_credentials.client_secret}
        if client_credentials is not None:
            raise ValueError(f"client_credentials cannot be used with session_type={session_type!r}")
        return {"tokenExchange": True} if session_type == "TOKEN_EXCHANGE" else {"oneshotTokenExchange": True}

    async def create(
        self, client_credentials: ClientCredentials | None = None, session_type: SessionTypeArg = "DEFAULT"
    ) -> CreatedSession:
        """Create a session, and with it a nonce that a CDF service can use to act on the caller's behalf.

        With ``session_type="DEFAULT"``: client credentials when given, else the client's own client credentials
        when it authenticates with them, else token exchange (the caller's token).

        Args:
            client_credentials: The client credentials to create the session with.
            session_type: CLIENT_CREDENTIALS, TOKEN_EXCHANGE, ONESHOT_TOKEN_EXCHANGE or DEFAULT.

        Returns:
            The created session, with its nonce.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import ClientCredentials
            >>> with emulated_client() as client:
            ...     client.iam.sessions.create(ClientCredentials("my-app", "my-secret")).type
            'CLIENT_CREDENTIALS'
        """
        item = self._session_item(client_credentials, session_type)
        resp = await self._post(self._RESOURCE_PATH, json={"items": [item]})
        created: CreatedSession = self._decode_items(resp.content, CreatedSession).items[0]
        return created

    async def list(self, status: SessionStatusArg | None = None, limit: int | None = 25) -> SessionList:
        """List the caller's sessions.

        Args:
            status: Only sessions with this status (READY, ACTIVE, CANCELLED, EXPIRED, REVOKED, ACCESS_LOST).
            limit: Maximum number of sessions (default 25; None, -1 or inf: all).

        Returns:
            The sessions.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.iam.sessions.create(session_type="TOKEN_EXCHANGE")
            ...     [s.status for s in client.iam.sessions.list(status="READY")]
            ['READY']
        """
        flt = None
        if status is not None:
            if not isinstance(status, str) or status.upper() not in _SESSION_STATUSES:
                raise ValueError(f"status must be one of {list(_SESSION_STATUSES)}, got {status!r}")
            flt = {"status": status.lower()}
        return await self._list(limit=limit, method="GET", filter=flt)  # type: ignore[no-any-return]

    @overload
    async def retrieve(self, id: int) -> Session: ...
    @overload
    async def retrieve(self, id: SequenceNotStr[int]) -> SessionList: ...
    async def retrieve(self, id: int | SequenceNotStr[int]) -> Session | SessionList:
        """Retrieve one or more sessions by id.

        Args:
            id: One id (gives one session) or a list (gives a list).

        Returns:
            The session, or a list for a list.

        Raises:
            CogniteAPIError: A session does not exist (CDF lists it in ``missing``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     session = client.iam.sessions.create(session_type="ONESHOT_TOKEN_EXCHANGE")
            ...     client.iam.sessions.retrieve([session.id]).as_ids() == [session.id]
            True
        """
        identifiers = IdentifierSequence(ids=id, id_name="id")
        found = await self._retrieve_items(identifiers.as_dicts())
        if identifiers.is_singleton:
            return found[0]  # type: ignore[no-any-return]
        return found  # type: ignore[no-any-return]

    @overload
    async def revoke(self, id: int) -> RevokedSession: ...
    @overload
    async def revoke(self, id: Sequence[int]) -> RevokedSessionList: ...
    async def revoke(self, id: int | Sequence[int]) -> RevokedSession | RevokedSessionList:
        """Revoke one or more sessions: services holding them lose the access they gave.

        Args:
            id: One id (gives one session) or a list (gives a list).

        Returns:
            The revoked session(s).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     session = client.iam.sessions.create(session_type="TOKEN_EXCHANGE")
            ...     client.iam.sessions.revoke(session.id).status
            'REVOKED'
        """
        identifiers = IdentifierSequence(ids=id, id_name="id")
        id_chunks = identifiers.chunked(self._DELETE_LIMIT)
        bodies = [{"items": c} for c in id_chunks]
        responses = await self._post_concurrently(
            self._RESOURCE_PATH + "/revoke", bodies, operation="delete", reported=id_chunks
        )
        revoked = [s for r in responses for s in self._decode_items(r.content, RevokedSession).items]
        if identifiers.is_singleton:
            return revoked[0]  # type: ignore[no-any-return]
        return RevokedSessionList._from_items(revoked, self._cognite_client)


class TokenAPI(APIClient[Any, Any]):
    """Inspect the token the client uses.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     [p.url_name for p in client.iam.token.inspect().projects]
        ['emulated']
    """

    async def inspect(self) -> TokenInspection:
        """Inspect the token the client uses: its subject, its projects and groups, and its capabilities.

        Returns:
            The inspection (``/api/v1/token/inspect`` on the cluster, outside the project).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.capabilities import GroupsAcl
            >>> with emulated_client() as client:
            ...     inspection = client.iam.token.inspect()
            ...     any(isinstance(pc.capability, GroupsAcl) for pc in inspection.capabilities)
            True
        """
        url = f"{self._cognite_client.config.base_url}/api/v1/token/inspect"
        resp = await self._get(url)
        inspection = msgspec.json.decode(resp.content, type=TokenInspection, strict=False, dec_hook=dec_hook)
        set_client(inspection, self._cognite_client)
        inspection.capabilities._attach(self._cognite_client)
        return inspection


class IAMAPI(APIClient[Any, Any]):
    """Identity and access management: groups, security categories, sessions, tokens, principals, user profiles.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.capabilities import AssetsAcl
        >>> with emulated_client() as client:
        ...     client.iam.verify_capabilities([AssetsAcl([AssetsAcl.Action.Read], AssetsAcl.Scope.All())])
        []
    """

    groups: LazyAPI[GroupsAPI] = LazyAPI("cognite.client._api.iam:GroupsAPI")
    security_categories: LazyAPI[SecurityCategoriesAPI] = LazyAPI("cognite.client._api.iam:SecurityCategoriesAPI")
    sessions: LazyAPI[SessionsAPI] = LazyAPI("cognite.client._api.iam:SessionsAPI")
    token: LazyAPI[TokenAPI] = LazyAPI("cognite.client._api.iam:TokenAPI")
    principals: LazyAPI[PrincipalsAPI] = LazyAPI("cognite.client._api.principals:PrincipalsAPI")
    user_profiles: LazyAPI[UserProfilesAPI] = LazyAPI("cognite.client._api.user_profiles:UserProfilesAPI")

    def compare_capabilities(
        self,
        existing_capabilities: ComparableCapability,
        desired_capabilities: ComparableCapability,
        project: str | None = None,
    ) -> list[Capability]:
        """Find which of the desired capabilities the existing ones do not give (no request is sent).

        Both sides are flattened to single grants (one action on one scope id, or one RAW table); a grant is
        covered by the same grant, by the same ACL and action in all scope, or (RAW) by its whole database.
        Capabilities the API no longer uses (``LegacyCapability``) are ignored on both sides.

        Args:
            existing_capabilities: What is there: capabilities, their dicts, groups, or project capabilities (e.g.
                from token inspection), or lists of them.
            desired_capabilities: What is wanted, in the same forms.
            project: For project capabilities: only those applying to this project count (default: all of them,
                or the project of the client that inspected the token for a ``ProjectCapabilityList``).

        Returns:
            The missing grants, one capability each (one action, one scope id).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.capabilities import AssetsAcl, DataSetScope, EventsAcl
            >>> with emulated_client() as client:
            ...     client.iam.compare_capabilities(
            ...         [AssetsAcl([AssetsAcl.Action.Read], AssetsAcl.Scope.All())],
            ...         [AssetsAcl([AssetsAcl.Action.Read], DataSetScope([1])), EventsAcl([EventsAcl.Action.Write])],
            ...     )
            [EventsAcl(actions=[<_ReadWrite.Write: 'WRITE'>], scope=AllScope())]
        """
        check_type(project, str, "project")
        if project is None and isinstance(existing_capabilities, ProjectCapabilityList):
            project = existing_capabilities.project
        existing = _grants(existing_capabilities, project, "existing_capabilities")
        desired = _grants(desired_capabilities, project, "desired_capabilities")
        missing = sorted((g for g in desired if not _is_covered(g, existing)), key=lambda g: tuple(map(str, g)))
        return [Capability.from_tuple(g) for g in missing]

    async def verify_capabilities(self, desired_capabilities: ComparableCapability) -> list[Capability]:
        """Find which of the desired capabilities the client's token does not give in the client's project.

        Args:
            desired_capabilities: What is wanted: capabilities, their dicts, groups or project capabilities, or lists
                of them.

        Returns:
            The missing grants, one capability each (empty when the token has them all).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.iam.verify_capabilities({"rawAcl": {"actions": ["READ"], "scope": {"all": {}}}})
            []
        """
        _grants(desired_capabilities, None, "desired_capabilities")  # bad input fails before any request
        inspection = await self.token.inspect()
        project = self._cognite_client.config.project
        return self.compare_capabilities(inspection.capabilities, desired_capabilities, project=project)
