"""Postgres gateway data classes: users and their custom tables.

Example:
    >>> from cognite.client.data_classes.postgres_gateway import UserUpdate
    >>> UserUpdate("u1").dump()
    {'username': 'u1', 'update': {}}
"""

from __future__ import annotations

from cognite.client.data_classes.postgres_gateway.tables import (
    Column,
    ColumnList,
    RawTable,
    RawTableOptions,
    RawTableWrite,
    Table,
    TableList,
    TableWrite,
    TableWriteList,
    UnknownTable,
    ViewTable,
    ViewTableWrite,
)
from cognite.client.data_classes.postgres_gateway.users import (
    SessionCredentials,
    User,
    UserCreated,
    UserCreatedList,
    UserList,
    UserUpdate,
    UserWrite,
    UserWriteList,
)

__all__ = [
    "Column",
    "ColumnList",
    "RawTable",
    "RawTableOptions",
    "RawTableWrite",
    "SessionCredentials",
    "Table",
    "TableList",
    "TableWrite",
    "TableWriteList",
    "UnknownTable",
    "User",
    "UserCreated",
    "UserCreatedList",
    "UserList",
    "UserUpdate",
    "UserWrite",
    "UserWriteList",
    "ViewTable",
    "ViewTableWrite",
]
