"""Emulator table entries for RAW databases, tables and rows (filter factories and hooks come from ``_families``)."""

from __future__ import annotations

from cognite.client.testing._store import Family

RAW_FAMILIES: tuple[Family, ...] = ()
