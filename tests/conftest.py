"""Fixtures for every test: each test starts from, and leaves behind, the same global settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cognite.client import global_config

_GLOBAL_KEYS = (
    "max_retries",
    "max_retries_connect",
    "max_retry_backoff",
    "status_forcelist",
    "disable_gzip",
    "max_workers",
    "default_client_config",
)


@pytest.fixture(autouse=True)
def _restore_global_config() -> Iterator[None]:
    """Restore the global settings after each test, and unfreeze the concurrency limits a request froze."""
    saved = {k: getattr(global_config, k) for k in _GLOBAL_KEYS}
    saved["status_forcelist"] = set(global_config.status_forcelist)
    yield
    for k, v in saved.items():
        setattr(global_config, k, v)
    global_config.concurrency_settings._frozen = False
