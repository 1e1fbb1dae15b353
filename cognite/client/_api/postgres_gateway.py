"""The Postgres Gateway API: users (``/postgresgateway``, keyed by user name) and their custom tables
(``/postgresgateway/tables/{username}``, keyed by table name)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Sequence
from typing import Any, ClassVar, overload

from cognite.client._api_client import APIClient, IdentifierSequence, check_type, resource_path
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.postgres_gateway import (
    Table,
    TableList,
    TableWrite,
    User,
    UserCreated,
    UserCreatedList,
    UserList,
    UserUpdate,
    UserWrite,
)

__all__ = ["PostgresGatewaysAPI", "TablesAPI", "UsersAPI"]


def _names(value: str | SequenceNotStr[str]) -> str | Sequence[str]:
    """A name, or a list of names (validated by ``IdentifierSequence.load_keys``)."""
    return value if isinstance(value, str) or not isinstance(value, Iterable) else list(value)


class UsersAPI(APIClient[User, UserList]):
    """Create, read, update and delete Postgres gateway users.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.postgres_gateway import SessionCredentials, UserWrite
        >>> with emulated_client() as client:
        ...     user = client.postgres_gateway.users.create(UserWrite(SessionCredentials("nonce")))
        ...     client.postgres_gateway.users.retrieve(user.username).username == user.username
        True
    """

    _RESOURCE_PATH = "/postgresgateway"
    _RESOURCE_CLS = User
    _LIST_CLS = UserList
    _UPDATE_CLS = UserUpdate
    _CREATE_LIMIT = 1
    _UPDATE_LIMIT = 1
    _DELETE_LIMIT = 1
    _RETRIEVE_LIMIT = 10
    _LIST_LIMIT = 100

    @overload
    async def create(self, user: UserWrite) -> UserCreated: ...
    @overload
    async def create(self, user: Sequence[UserWrite]) -> UserCreatedList: ...
    async def create(self, user: UserWrite | Sequence[UserWrite]) -> UserCreated | UserCreatedList:
        """Create one or more users (one per request, requests sent concurrently); CDF picks names and passwords.

        Args:
            user: A user or a list of users.

        Returns:
            The created user with its password (shown this once, never in reprs), or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.postgres_gateway import SessionCredentials, UserWrite
            >>> with emulated_client() as client:
            ...     created = client.postgres_gateway.users.create(UserWrite(SessionCredentials("nonce")))
            ...     len(created.password) > 0
            True
        """
        items = [user] if isinstance(user, UserWrite | User) else user
        for item in items if isinstance(items, Sequence) else [items]:
            if not isinstance(item, UserWrite | User):
                raise TypeError(f"user must be a UserWrite (or a list of them), not {type(item).__name__}")
        return await self._create_multiple(  # type: ignore[no-any-return]
            user, write_cls=UserWrite, resource_cls=UserCreated, list_cls=UserCreatedList, input_name="user"
        )

    @overload
    async def update(self, items: UserUpdate | UserWrite) -> User: ...
    @overload
    async def update(self, items: Sequence[UserUpdate | UserWrite]) -> UserList: ...
    async def update(self, items: UserUpdate | UserWrite | Sequence[UserUpdate | UserWrite]) -> User | UserList:
        """Update one or more users: give them new credentials (a session).

        Args:
            items: UserUpdate(s) (a UserWrite has no user name, so it cannot say which user to update).

        Returns:
            The updated user, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.postgres_gateway import SessionCredentials, UserUpdate, UserWrite
            >>> with emulated_client() as client:
            ...     user = client.postgres_gateway.users.create(UserWrite(SessionCredentials("n1")))
            ...     updated = client.postgres_gateway.users.update(UserUpdate(user.username).credentials.set(SessionCredentials("n2")))
            ...     updated.session_id != user.session_id
            True
        """
        for item in items if isinstance(items, Sequence) else [items]:
            if isinstance(item, UserWrite):
                raise ValueError("items: a UserWrite has no username; update users with UserUpdate(username)")
            if not isinstance(item, UserUpdate):
                raise TypeError(f"items must be UserUpdate (or a list of them), not {type(item).__name__}")
        return await self._update_multiple(items)  # type: ignore[no-any-return]

    async def delete(self, username: str | SequenceNotStr[str], ignore_unknown_ids: bool = False) -> None:
        """Delete one or more users.

        Args:
            username: The user name(s).
            ignore_unknown_ids: Do not raise for user names that do not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.postgres_gateway.users.delete("missing", ignore_unknown_ids=True)
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence.load_keys(_names(username), "username", "username")
        await self._delete_multiple(identifiers, ignore_unknown_ids=ignore_unknown_ids)

    @overload
    async def retrieve(self, username: str, ignore_unknown_ids: bool = False) -> User | None: ...
    @overload
    async def retrieve(self, username: SequenceNotStr[str], ignore_unknown_ids: bool = False) -> UserList: ...
    async def retrieve(
        self, username: str | SequenceNotStr[str], ignore_unknown_ids: bool = False
    ) -> User | UserList | None:
        """Retrieve one or more users by user name.

        Args:
            username: One user name (gives the user or None) or a list of them (gives a list).
            ignore_unknown_ids: Leave out user names that do not exist instead of raising.

        Returns:
            The user (None if it does not exist), or a list for a list.

        Raises:
            CogniteNotFoundError: Some user names do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.postgres_gateway.users.retrieve("missing") is None
            True
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence.load_keys(_names(username), "username", "username")
        identifiers.is_singleton = isinstance(username, str)
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def list(self, limit: int | None = 25) -> UserList:
        """List users.

        Args:
            limit: Maximum number of users (default 25; None, -1 or inf: all).

        Returns:
            The users.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.postgres_gateway.users.list())
            0
        """
        return await self._list(limit=limit, method="GET")  # type: ignore[no-any-return]

    def __call__(
        self, chunk_size: int | None = None, limit: int | None = None
    ) -> AsyncIterator[User] | AsyncIterator[UserList]:
        """Iterate over users lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many users (None: one at a time).
            limit: Maximum number of users (None: all).

        Returns:
            An async iterator of users or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [u.username for u in client.postgres_gateway.users()]
            []
        """
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET")


class TablesAPI(APIClient[Any, TableList]):
    """Create, read and delete the custom tables of a Postgres gateway user (on RAW tables or views).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.postgres_gateway import (
        ...     Column, RawTableOptions, RawTableWrite, SessionCredentials, UserWrite)
        >>> with emulated_client() as client:
        ...     user = client.postgres_gateway.users.create(UserWrite(SessionCredentials("nonce")))
        ...     table = RawTableWrite("pumps", RawTableOptions("db", "pumps"), [Column("name", "TEXT")])
        ...     _ = client.postgres_gateway.tables.create(user.username, table)
        ...     client.postgres_gateway.tables.list(user.username).as_tablenames()
        ['pumps']
    """

    _RESOURCE_PATH = "/postgresgateway/tables"
    _RESOURCE_CLS = Table
    _LIST_CLS = TableList
    _CREATE_LIMIT = 10
    _RETRIEVE_LIMIT = 10
    _DELETE_LIMIT = 10
    _LIST_LIMIT = 100
    _PATH: ClassVar[str] = "/postgresgateway/tables/{username}"

    def _path(self, username: str) -> str:
        return resource_path(self._PATH, username=username)

    @overload
    async def create(self, username: str, items: TableWrite) -> Table: ...
    @overload
    async def create(self, username: str, items: Sequence[TableWrite]) -> TableList: ...
    async def create(self, username: str, items: TableWrite | Sequence[TableWrite]) -> Table | TableList:
        """Create one or more tables for a user (10 per request, requests sent concurrently).

        Args:
            username: The user.
            items: A table or a list of tables (``RawTableWrite``, ``ViewTableWrite``, or read objects).

        Returns:
            The created table, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import ViewId
            >>> from cognite.client.data_classes.postgres_gateway import SessionCredentials, UserWrite, ViewTableWrite
            >>> with emulated_client() as client:
            ...     user = client.postgres_gateway.users.create(UserWrite(SessionCredentials("nonce")))
            ...     table = client.postgres_gateway.tables.create(user.username, ViewTableWrite("pumps", ViewId("s", "Pump", "v1")))
            ...     table.options
            ViewId(space='s', external_id='Pump', version='v1')
        """
        path = self._path(username)
        single = not isinstance(items, Sequence)
        wire = []
        for item in [items] if single else list(items):  # type: ignore[arg-type]
            if not isinstance(item, TableWrite | Table):
                raise TypeError(f"items must be RawTableWrite or ViewTableWrite (or a list), not {type(item).__name__}")
            wire.append(item.as_write().dump(camel_case=True))
        return await self._create_multiple(wire[0] if single else wire, path=path, input_name="items")  # type: ignore[no-any-return]

    @overload
    async def retrieve(self, username: str, tablename: str, ignore_unknown_ids: bool = False) -> Table | None: ...
    @overload
    async def retrieve(
        self, username: str, tablename: SequenceNotStr[str], ignore_unknown_ids: bool = False
    ) -> TableList: ...
    async def retrieve(
        self, username: str, tablename: str | SequenceNotStr[str], ignore_unknown_ids: bool = False
    ) -> Table | TableList | None:
        """Retrieve one or more tables of a user by name.

        Args:
            username: The user.
            tablename: One table name (gives the table or None) or a list of them (gives a list).
            ignore_unknown_ids: Leave out table names that do not exist instead of raising.

        Returns:
            The table (None if it does not exist), or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.postgres_gateway import SessionCredentials, UserWrite
            >>> with emulated_client() as client:
            ...     user = client.postgres_gateway.users.create(UserWrite(SessionCredentials("nonce")))
            ...     client.postgres_gateway.tables.retrieve(user.username, "missing") is None
            True
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        path = self._path(username)
        identifiers = IdentifierSequence.load_keys(_names(tablename), "tablename", "tablename")
        identifiers.is_singleton = isinstance(tablename, str)
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids, path=path)  # type: ignore[no-any-return]

    async def delete(
        self, username: str, tablename: str | SequenceNotStr[str], ignore_unknown_ids: bool = False
    ) -> None:
        """Delete one or more tables of a user.

        Args:
            username: The user.
            tablename: The table name(s).
            ignore_unknown_ids: Do not raise for table names that do not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.postgres_gateway import SessionCredentials, UserWrite
            >>> with emulated_client() as client:
            ...     user = client.postgres_gateway.users.create(UserWrite(SessionCredentials("nonce")))
            ...     client.postgres_gateway.tables.delete(user.username, "missing", ignore_unknown_ids=True)
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        path = self._path(username)
        identifiers = IdentifierSequence.load_keys(_names(tablename), "tablename", "tablename")
        await self._delete_multiple(identifiers, ignore_unknown_ids=ignore_unknown_ids, path=path)

    async def list(self, username: str, include_built_ins: bool | None = False, limit: int | None = 25) -> TableList:
        """List the tables of a user.

        Args:
            username: The user.
            include_built_ins: Also list the built-in tables (they load as ``UnknownTable``).
            limit: Maximum number of tables (default 25; None, -1 or inf: all).

        Returns:
            The tables.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.postgres_gateway import SessionCredentials, UserWrite
            >>> with emulated_client() as client:
            ...     user = client.postgres_gateway.users.create(UserWrite(SessionCredentials("nonce")))
            ...     len(client.postgres_gateway.tables.list(user.username, include_built_ins=True)) > 0
            True
        """
        check_type(include_built_ins, bool, "include_built_ins")
        params = {"includeBuiltIns": True} if include_built_ins else None
        return await self._list(limit=limit, method="GET", path=self._path(username), other_params=params)  # type: ignore[no-any-return]

    def __call__(
        self, chunk_size: int | None = None, limit: int | None = None, *, username: str | None = None
    ) -> AsyncIterator[Table] | AsyncIterator[TableList]:
        """Iterate over the custom tables of a user lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many tables (None: one at a time).
            limit: Maximum number of tables (None: all).
            username: The user (required: tables belong to a user).

        Returns:
            An async iterator of tables or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.postgres_gateway import SessionCredentials, UserWrite
            >>> with emulated_client() as client:
            ...     user = client.postgres_gateway.users.create(UserWrite(SessionCredentials("nonce")))
            ...     [t.tablename for t in client.postgres_gateway.tables(username=user.username)]
            []
        """
        if username is None:
            raise ValueError("username is required: tables belong to a user")
        path = self._path(username)
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET", path=path)


class PostgresGatewaysAPI(APIClient[Any, Any]):
    """The Postgres gateway: ``users`` and their ``tables``.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     len(client.postgres_gateway.users.list())
        0
    """

    users: LazyAPI[UsersAPI] = LazyAPI("cognite.client._api.postgres_gateway:UsersAPI")
    tables: LazyAPI[TablesAPI] = LazyAPI("cognite.client._api.postgres_gateway:TablesAPI")
