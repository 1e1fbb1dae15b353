"""The Files API: file metadata, uploads and downloads (being built)."""

from __future__ import annotations

from typing import Any

from cognite.client._api_client import APIClient

__all__ = ["FilesAPI"]


class FilesAPI(APIClient[Any, Any]):
    """Work with files: metadata, uploads and downloads."""
