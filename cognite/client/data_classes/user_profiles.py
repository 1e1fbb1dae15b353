"""User profiles: what CDF knows about the users of a project (from the identity provider).

Example:
    >>> from cognite.client.data_classes.user_profiles import UserProfileList
    >>> profiles = UserProfileList.load([{"userIdentifier": "u1", "lastUpdatedTime": 0, "displayName": "Ada"}])
    >>> profiles.get(user_identifier="u1").display_name
    'Ada'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cognite.client.data_classes._base import CogniteObject, CogniteResource, CogniteResourceList

__all__ = ["CogniteResource", "CogniteResourceList", "UserProfile", "UserProfileList", "UserProfilesConfiguration"]


class UserProfilesConfiguration(CogniteObject):
    """Whether user profiles are enabled in a project.

    Args:
        enabled: True when they are.
    """

    enabled: bool


class UserProfile(CogniteResource):
    """The profile of a user (as the identity provider describes them).

    Args:
        user_identifier: The user's principal id.
        last_updated_time: When the profile was last updated, in ms since epoch.
        given_name: Given name.
        surname: Surname.
        email: Email address.
        display_name: Display name.
        job_title: Job title.
        identity_type: USER, SERVICE_PRINCIPAL or INTERNAL_SERVICE.
    """

    user_identifier: str
    last_updated_time: int
    given_name: str | None = None
    surname: str | None = None
    email: str | None = None
    display_name: str | None = None
    job_title: str | None = None
    identity_type: str | None = None


class UserProfileList(CogniteResourceList[UserProfile]):
    """A list of user profiles, with look-up by user identifier.

    Args:
        resources: The profiles.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = UserProfile

    def get(  # type: ignore[override]
        self, user_identifier: str | None = None, id: Any = None, external_id: Any = None, instance_id: Any = None
    ) -> UserProfile | None:
        """Get a profile of the list by user identifier; None if absent.

        Args:
            user_identifier: The user identifier.
            id: Not used by profiles (kept for the list interface).
            external_id: Not used by profiles.
            instance_id: Not used by profiles.

        Returns:
            The profile, or None.
        """
        if user_identifier is None:
            raise ValueError("user_identifier must be given")
        return next((p for p in self.data if p.user_identifier == user_identifier), None)

    def extend(self, other: Iterable[UserProfile]) -> None:
        """Extend the list; user identifiers must not collide with profiles already in it.

        Args:
            other: The profiles to add.
        """
        other = list(other)
        existing = {p.user_identifier for p in self.data}
        clash = [p.user_identifier for p in other if p.user_identifier in existing]
        if clash:
            raise ValueError(f"Unable to extend: the lists share user identifiers {clash[:10]}")
        self.data.extend(other)
        self._invalidate()
