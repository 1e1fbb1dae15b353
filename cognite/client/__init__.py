"""Cognite Data Fusion SDK, async-first.

``AsyncCogniteClient`` is the source of truth; ``CogniteClient`` is the same API, synchronous.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cognite.client._cognite_client import AsyncCogniteClient
from cognite.client._version import __version__
from cognite.client.config import ClientConfig, global_config

if TYPE_CHECKING:
    from cognite.client import data_classes, testing, utils  # noqa: F401
    from cognite.client._sync_client import CogniteClient

__all__ = ["AsyncCogniteClient", "ClientConfig", "CogniteClient", "__version__", "global_config"]

_LAZY_MODULES = {"data_classes", "testing", "utils", "data_modeling", "annotations"}


def __getattr__(name: str) -> Any:
    if name == "CogniteClient":
        from cognite.client._sync_client import CogniteClient

        return CogniteClient
    if name in _LAZY_MODULES:
        import importlib

        target = "cognite.client.data_classes.data_modeling" if name == "data_modeling" else f"cognite.client.{name}"
        if name == "annotations":
            target = "cognite.client.data_classes.annotations"
        return importlib.import_module(target)
    raise AttributeError(f"module 'cognite.client' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*__all__, "config", "credentials", "exceptions", "response", *_LAZY_MODULES])
