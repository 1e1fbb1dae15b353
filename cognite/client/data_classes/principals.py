"""Principals: the users and service accounts of a CDF organization.

A principal loads as the class of its ``type``: :class:`UserPrincipal` (``USER``), :class:`ServicePrincipal`
(``SERVICE_ACCOUNT``), or :class:`UnknownPrincipal` for a type this SDK version does not know (it keeps the data).

Example:
    >>> from cognite.client.data_classes.principals import Principal
    >>> p = Principal.load({"id": "u1", "type": "USER", "name": "Ada", "pictureUrl": "https://x/ada.png"})
    >>> type(p).__name__, p.name
    ('UserPrincipal', 'Ada')
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

from cognite.client.data_classes._base import CogniteObject, CogniteResource, CogniteResourceList

__all__ = [
    "CogniteResource",
    "CogniteResourceList",
    "Principal",
    "PrincipalList",
    "ServiceAccountCreator",
    "ServicePrincipal",
    "UnknownPrincipal",
    "UserPrincipal",
]


class ServiceAccountCreator(CogniteObject):
    """Who created a service account.

    Args:
        org_id: The organization of the creator.
        user_id: The user id of the creator.
    """

    org_id: str
    user_id: str


class Principal(CogniteResource):
    """Base of principals; ``Principal.load`` picks the class of the principal's ``type``.

    Args:
        id: The principal id.
    """

    _TYPE: ClassVar[str] = ""

    id: str

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form (with the principal's ``type``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        return {**super().dump(camel_case), "type": self._TYPE}

    @classmethod
    def load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> Any:
        """Load a principal as the class of its ``type`` (USER, SERVICE_ACCOUNT, or unknown).

        Args:
            resource: The dictionary or JSON string.
            cognite_client: The client to attach (optional).

        Returns:
            The principal.
        """
        data = json.loads(resource) if isinstance(resource, str | bytes) else dict(resource)
        kind = data.get("type")
        target = _BY_TYPE.get(kind) if isinstance(kind, str) else None
        if target is None:
            return UnknownPrincipal(id=str(data.get("id", "")), type=str(kind), data=data)
        body = {k: v for k, v in data.items() if k != "type"}
        return CogniteObject.load.__func__(target, body, cognite_client)  # type: ignore[attr-defined]

    @classmethod
    def _load_wire(cls, resource: Any) -> Any:
        return cls.load(resource)


class UserPrincipal(Principal):
    """A user.

    Args:
        id: The principal id.
        name: The name.
        picture_url: A picture.
        email: Email address.
        given_name: Given name.
        middle_name: Middle name.
        family_name: Family name.
    """

    _TYPE: ClassVar[str] = "USER"

    name: str | None = None
    picture_url: str | None = None
    email: str | None = None
    given_name: str | None = None
    middle_name: str | None = None
    family_name: str | None = None


class ServicePrincipal(Principal):
    """A service account.

    Args:
        id: The principal id.
        name: The name.
        created_by: Who created it.
        created_time: When it was created, in ms since epoch.
        last_updated_time: When it was last updated, in ms since epoch.
        picture_url: A picture.
        external_id: The external id.
        description: A description.
    """

    _TYPE: ClassVar[str] = "SERVICE_ACCOUNT"

    name: str | None = None
    created_by: ServiceAccountCreator | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    picture_url: str | None = None
    external_id: str | None = None
    description: str | None = None


class UnknownPrincipal(Principal):
    """A principal of a type this SDK version does not know; keeps the data as loaded.

    Args:
        id: The principal id.
        type: Its type.
        data: The principal as loaded.
    """

    type: str = ""
    data: dict[str, Any] | None = None

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Return the principal as it was loaded."""
        return dict(self.data or {"id": self.id, "type": self.type})


_BY_TYPE: dict[str, type[Principal]] = {"USER": UserPrincipal, "SERVICE_ACCOUNT": ServicePrincipal}


class PrincipalList(CogniteResourceList[Principal]):
    """A list of principals.

    Args:
        resources: The principals.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = Principal

    def as_ids(self) -> list[str]:
        """Return the principal ids, in order."""
        return [p.id for p in self.data]

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every principal (with its ``type``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionaries.
        """
        return [p.dump(camel_case) for p in self.data]
