"""Emulator table entries for sequences and their rows (filter factories and hooks come from ``_families``)."""

from __future__ import annotations

from cognite.client.testing._store import Family

SEQUENCE_FAMILIES: tuple[Family, ...] = ()
