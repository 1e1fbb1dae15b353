"""Limits: the limit values of a project (``/limits/values``), identified by ``<service>.<limit>`` ids such as
``atlas.monthly_ai_tokens`` (service and limit names in lower_snake_case).

Example:
    >>> from cognite.client.data_classes.limits import Limit
    >>> Limit.load({"limitId": "atlas.monthly_ai_tokens", "value": 1000}).as_id()
    'atlas.monthly_ai_tokens'
"""

from __future__ import annotations

from cognite.client.data_classes._base import CogniteResource, CogniteResourceList

__all__ = ["CogniteResource", "CogniteResourceList", "Limit", "LimitList"]


class Limit(CogniteResource):
    """One limit value.

    Args:
        limit_id: The limit id: the service name and a service-scoped limit name, e.g. ``atlas.monthly_ai_tokens``.
        value: The value of the limit.
    """

    limit_id: str
    value: int | float

    def as_id(self) -> str:
        """Return the limit id.

        Returns:
            The limit id.
        """
        return self.limit_id


class LimitList(CogniteResourceList[Limit]):
    """A list of limit values.

    Args:
        resources: The limits.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = Limit

    def as_ids(self) -> list[str]:
        """Return the limit ids.

        Returns:
            The limit ids, in order.
        """
        return [limit.limit_id for limit in self]
