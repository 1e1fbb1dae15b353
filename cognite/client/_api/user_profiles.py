"""User profiles (``client.iam.user_profiles``): the profiles of the users of the project."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast, overload

import msgspec

from cognite.client._api_client import APIClient, IdentifierSequence, check_type
from cognite.client.data_classes._base import SequenceNotStr, set_client
from cognite.client.data_classes.user_profiles import UserProfile, UserProfileList, UserProfilesConfiguration

__all__ = ["UserProfilesAPI"]


class UserProfilesAPI(APIClient[UserProfile, UserProfileList]):
    """Enable user profiles in the project, and read them.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     client.iam.user_profiles.me().user_identifier
        'emulated-user-00000000'
    """

    _RESOURCE_PATH = "/profiles"
    _RESOURCE_CLS = UserProfile
    _LIST_CLS = UserProfileList
    _RETRIEVE_LIMIT = 1000
    _LIST_LIMIT = 1000

    async def _configure(self, enabled: bool) -> UserProfilesConfiguration:
        body = {"update": {"userProfilesConfiguration": {"set": {"enabled": enabled}}}}
        resp = await self._post("/update", json=body)
        return UserProfilesConfiguration.load(msgspec.json.decode(resp.content)["userProfilesConfiguration"])

    async def enable(self) -> UserProfilesConfiguration:
        """Enable user profiles in the project (an update of the project).

        Returns:
            The configuration now in force.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.iam.user_profiles.enable().enabled
            True
        """
        return await self._configure(True)

    async def disable(self) -> UserProfilesConfiguration:
        """Disable user profiles in the project (an update of the project).

        Returns:
            The configuration now in force.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.iam.user_profiles.disable().enabled
            False
        """
        return await self._configure(False)

    async def me(self) -> UserProfile:
        """Retrieve the profile of the caller.

        Returns:
            The profile.

        Raises:
            CogniteAPIError: The caller has no profile (404).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.iam.user_profiles.me().display_name
            'Emulated User'
        """
        resp = await self._get(self._RESOURCE_PATH + "/me")
        profile = msgspec.json.decode(resp.content, type=UserProfile, strict=False)
        set_client(profile, self._cognite_client)
        return profile

    @overload
    async def retrieve(self, user_identifier: str) -> UserProfile | None: ...
    @overload
    async def retrieve(self, user_identifier: SequenceNotStr[str]) -> UserProfileList: ...
    async def retrieve(self, user_identifier: str | SequenceNotStr[str]) -> UserProfile | UserProfileList | None:
        """Retrieve one or more profiles by user identifier.

        Args:
            user_identifier: One identifier (gives one profile, or None when there is none) or a list (gives a
                list; identifiers without a profile raise).

        Returns:
            The profile(s).

        Raises:
            CogniteNotFoundError: Some identifiers of a list have no profile.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.iam.user_profiles.retrieve("nobody") is None
            True
        """
        from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError

        identifiers = IdentifierSequence.load_keys(
            cast("str | Sequence[str]", user_identifier), "userIdentifier", "user_identifier"
        )
        try:
            found = await self._retrieve_items(identifiers.as_dicts())
        except CogniteAPIError as err:
            if identifiers.is_singleton and (isinstance(err, CogniteNotFoundError) or err.missing):
                return None
            raise
        if identifiers.is_singleton:
            return found[0] if found else None  # type: ignore[no-any-return]
        return found  # type: ignore[no-any-return]

    async def list(self, limit: int | None = 25) -> UserProfileList:
        """List the user profiles of the project.

        Args:
            limit: Maximum number of profiles (default 25; None, -1 or inf: all).

        Returns:
            The profiles.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.iam.user_profiles.list(limit=None).get(user_identifier="emulated-user-00000000").email
            'emulated-user@example.com'
        """
        return await self._list(limit=limit, method="GET")  # type: ignore[no-any-return]

    async def search(self, name: str, limit: int = 25) -> UserProfileList:
        """Search user profiles by name (given name, surname, display name).

        Args:
            name: The text to search for.
            limit: Maximum number of profiles (1-1000).

        Returns:
            The best matches first.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [p.user_identifier for p in client.iam.user_profiles.search("emulated")]
            ['emulated-user-00000000']
        """
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not {type(name).__name__}")
        check_type(limit, int, "limit")
        if not 1 <= limit <= 1000:
            raise ValueError(f"limit must be between 1 and 1000, got {limit!r}")
        body: dict[str, Any] = {"search": {"name": name}}
        return await self._search(body, limit)  # type: ignore[no-any-return]
