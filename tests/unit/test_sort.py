"""Sort specifications given by users in every accepted form dump to the wire the same way."""

from __future__ import annotations

import pytest

from cognite.client._api_client import dump_sort
from cognite.client.data_classes.events import EventSort, SortableEventProperty


@pytest.mark.parametrize(
    "spec",
    [
        "start_time",
        ("start_time",),
        ("start_time", "asc"),
        SortableEventProperty.start_time,
        (SortableEventProperty.start_time, "asc"),
        EventSort("start_time"),
    ],
)
def test_sort_forms_dump_alike(spec: object) -> None:
    assert dump_sort(spec, EventSort) == [{"property": ["startTime"], "order": "asc"}]


def test_enum_property_with_order_and_nulls() -> None:
    dumped = dump_sort([(SortableEventProperty.start_time, "desc", "last"), "source"], EventSort)
    assert dumped == [
        {"property": ["startTime"], "order": "desc", "nulls": "last"},
        {"property": ["source"], "order": "asc"},
    ]


def test_bad_order_is_rejected_naming_it() -> None:
    with pytest.raises(ValueError, match="order"):
        dump_sort(("start_time", "up"), EventSort)
