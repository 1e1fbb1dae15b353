"""Emulator table entries for time series metadata (filter factories and hooks come from ``_families``)."""

from __future__ import annotations

from cognite.client.testing._store import Family

TIMESERIES_FAMILIES: tuple[Family, ...] = ()
