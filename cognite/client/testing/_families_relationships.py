"""Emulator table entries for relationships (filter factories and hooks come from ``_families``)."""

from __future__ import annotations

from cognite.client.testing._store import Family

RELATIONSHIP_FAMILIES: tuple[Family, ...] = ()
