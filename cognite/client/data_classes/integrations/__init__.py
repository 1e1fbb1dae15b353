"""Integrations (on-premises extractors registered in CDF) and the errors they report."""

from __future__ import annotations

from cognite.client.data_classes.integrations.errors import IntegrationError, IntegrationErrorList
from cognite.client.data_classes.integrations.integrations import (
    Extractor,
    Integration,
    IntegrationList,
    IntegrationUpdate,
    IntegrationWrite,
    IntegrationWriteList,
    Task,
)

__all__ = [
    "Extractor",
    "Integration",
    "IntegrationError",
    "IntegrationErrorList",
    "IntegrationList",
    "IntegrationUpdate",
    "IntegrationWrite",
    "IntegrationWriteList",
    "Task",
]
