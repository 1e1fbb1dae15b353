"""Postgres gateway users: the credentials PostgreSQL clients connect to CDF with.

Creating a user returns its password once (:class:`UserCreated`); it is never shown in reprs and never returned again.

Example:
    >>> from cognite.client.data_classes.postgres_gateway import SessionCredentials, UserWrite
    >>> UserWrite(SessionCredentials("nonce-1")).dump()
    {'credentials': {'nonce': 'nonce-1'}}
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from cognite.client.data_classes._base import (
    CogniteObject,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    PropertySpec,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    update_field,
)
from cognite.client.data_classes._secrets import masked_repr, masked_update_repr

__all__ = [
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "PropertySpec",
    "SessionCredentials",
    "User",
    "UserCreated",
    "UserCreatedList",
    "UserList",
    "UserUpdate",
    "UserWrite",
    "UserWriteList",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]


class SessionCredentials(CogniteObject):
    """Session credentials: the nonce of a session (``client.iam.sessions.create``), never shown in reprs.

    Args:
        nonce: The nonce.
    """

    nonce: str

    _SECRETS: ClassVar[tuple[str, ...]] = ("nonce",)
    __repr__ = masked_repr


class UserWrite(CogniteObject):
    """A user to create: CDF picks the user name and the password.

    Args:
        credentials: The session the user acts with.
    """

    credentials: SessionCredentials | None = None

    def as_write(self) -> UserWrite:
        """Return the object itself (it is the write form)."""
        return self


class User(WriteableCogniteResource[UserWrite]):
    """A user, as read.

    Args:
        username: The user name.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        session_id: The id of the session the user acts with.
    """

    username: str
    created_time: int | None = None
    last_updated_time: int | None = None
    session_id: int | None = None

    def as_write(self) -> UserWrite:
        """Return the write form (without credentials: a session nonce is used once)."""
        return UserWrite()


class UserCreated(WriteableCogniteResource[UserWrite]):
    """A user just created, with its password (returned this once; never shown in reprs).

    Args:
        host: The host PostgreSQL clients connect to.
        username: The user name.
        password: The password.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        session_id: The id of the session the user acts with.

    Example:
        >>> from cognite.client.data_classes.postgres_gateway import UserCreated
        >>> UserCreated("fdw.example.com", "u1", "s3cret", 0)
        UserCreated(host='fdw.example.com', username='u1', password=<hidden>, created_time=0)
    """

    host: str
    username: str
    password: str
    created_time: int | None = None
    last_updated_time: int | None = None
    session_id: int | None = None

    _SECRETS: ClassVar[tuple[str, ...]] = ("password",)
    __repr__ = masked_repr

    def as_write(self) -> UserWrite:
        """Return the write form (without credentials)."""
        return UserWrite()


class UserUpdate(CogniteUpdate):
    """Changes to a user: new ``credentials`` (a session).

    Args:
        username: The user name.

    Example:
        >>> from cognite.client.data_classes.postgres_gateway import SessionCredentials, UserUpdate
        >>> UserUpdate("u1").credentials.set(SessionCredentials("n")).dump()
        {'username': 'u1', 'update': {'credentials': {'set': {'nonce': 'n'}}}}
    """

    credentials = update_field(CognitePrimitiveUpdate)

    _PROPERTIES = (PropertySpec("credentials", is_nullable=False),)

    __repr__ = masked_update_repr

    def __init__(self, username: str) -> None:
        if not isinstance(username, str) or not username:
            raise TypeError(f"username must be a non-empty str, got {username!r}")
        super().__init__()
        self.username = username

    def _identifier(self) -> dict[str, Any]:
        return {"username": self.username}

    def dump(self, camel_case: Literal[True] = True) -> dict[str, Any]:
        """Dump the update to the wire format ``{"username": ..., "update": {...}}``.

        Args:
            camel_case: Kept for compatibility (the wire format is camelCase).

        Returns:
            The dictionary.
        """
        return super().dump()


class UserWriteList(CogniteResourceList[UserWrite]):
    """A list of users to create.

    Args:
        resources: The users.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = UserWrite


class UserList(WriteableCogniteResourceList[UserWrite, User]):
    """A list of users.

    Args:
        resources: The users.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = User
    _WRITE_LIST = UserWriteList

    def as_usernames(self) -> list[str]:
        """Return the user names, in order."""
        return [u.username for u in self.data]


class UserCreatedList(WriteableCogniteResourceList[UserWrite, UserCreated]):
    """A list of users just created (with their passwords).

    Args:
        resources: The users.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = UserCreated
    _WRITE_LIST = UserWriteList
