"""The sequences endpoints of the emulator and their rows, driven with raw httpx through the in-process transport.

The emulator fixture validates every request and response against the CDF OpenAPI spec (and raises on a response
that does not match).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator
from cognite.client.testing._families_sequences import PAGE_VALUES

PROJECT = "test-project"
AUTH = {"Authorization": "Bearer test-token"}

COLUMNS = [
    {"externalId": "name", "valueType": "STRING"},
    {"externalId": "depth", "valueType": "DOUBLE", "metadata": {"unit": "m"}},
    {"externalId": "count", "valueType": "LONG", "name": "Count"},
]


async def create(client: httpx.AsyncClient, *items: dict[str, Any]) -> list[dict[str, Any]]:
    response = await client.post("/sequences", json={"items": list(items)})
    assert response.status_code == 201, response.text
    created: list[dict[str, Any]] = response.json()["items"]
    return created


async def insert(client: httpx.AsyncClient, *items: dict[str, Any]) -> httpx.Response:
    return await client.post("/sequences/data", json={"items": list(items)})


async def rows(client: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    response = await client.post("/sequences/data/list", json=body)
    assert response.status_code == 200, response.text
    out: dict[str, Any] = response.json()
    return out


async def all_rows(client: httpx.AsyncClient, **body: Any) -> tuple[list[dict[str, Any]], int]:
    """Every row, following cursors; also the number of pages."""
    out: list[dict[str, Any]] = []
    pages, cursor = 0, None
    while True:
        page = await rows(client, **body, **({"cursor": cursor} if cursor else {}))
        pages += 1
        out += page["rows"]
        cursor = page.get("nextCursor")
        if cursor is None:
            return out, pages


@pytest.fixture
async def unchecked() -> AsyncIterator[httpx.AsyncClient]:
    """A client of an emulator that does not validate against the spec (fast with requests of 100,000 values)."""
    async with httpx.AsyncClient(
        transport=CDFEmulator(seed=5).transport(), base_url=f"http://cdf.local/api/v1/projects/{PROJECT}", headers=AUTH
    ) as c:
        yield c


@pytest.fixture
async def seq(client: httpx.AsyncClient) -> dict[str, Any]:
    (item,) = await create(client, {"externalId": "log", "name": "well log", "columns": COLUMNS})
    return item


# ---------------------------------------------------------------------------------------------- sequences


async def test_create_completes_columns(seq: dict[str, Any]) -> None:
    assert [c["externalId"] for c in seq["columns"]] == ["name", "depth", "count"]
    assert [c["valueType"] for c in seq["columns"]] == ["STRING", "DOUBLE", "LONG"]
    assert all(c["createdTime"] == seq["createdTime"] == c["lastUpdatedTime"] for c in seq["columns"])
    assert seq["columns"][1]["metadata"] == {"unit": "m"}


@pytest.mark.parametrize(
    "columns",
    [
        [],
        [{"externalId": "a"}, {"externalId": "a"}],
        [{"externalId": "a", "valueType": "BOOLEAN"}],
        [{"externalId": "a", "unknown": 1}],
        [{"externalId": f"c{i}"} for i in range(401)],
    ],
    ids=["none", "duplicated", "bad-type", "unknown-field", "too-many"],
)
async def test_create_rejects_bad_columns(client: httpx.AsyncClient, columns: list[Any]) -> None:
    response = await client.post("/sequences", json={"items": [{"externalId": "x", "columns": columns}]})
    assert response.status_code == 400
    assert (await client.post("/sequences/list", json={})).json()["items"] == []


async def test_default_value_type_is_double(client: httpx.AsyncClient) -> None:
    (item,) = await create(client, {"columns": [{"externalId": "v"}]})
    assert item["columns"][0]["valueType"] == "DOUBLE"
    assert "externalId" not in item


async def test_list_filters_search_and_aggregate(client: httpx.AsyncClient) -> None:
    asset = (await client.post("/assets", json={"items": [{"name": "root", "externalId": "root"}]})).json()["items"][0]
    await create(
        client,
        {"externalId": "a1", "name": "pump curve", "assetId": asset["id"], "metadata": {"k": "v"}, "columns": COLUMNS},
        {"externalId": "a2", "name": "well log", "description": "pump depth", "columns": COLUMNS},
        {"externalId": "b1", "name": "other", "dataSetId": 5, "columns": COLUMNS},
    )

    async def listed(body: dict[str, Any]) -> list[str]:
        response = await client.post("/sequences/list", json=body)
        assert response.status_code == 200, response.text
        return [it["externalId"] for it in response.json()["items"]]

    assert await listed({"filter": {"externalIdPrefix": "a"}}) == ["a1", "a2"]
    assert await listed({"filter": {"assetIds": [asset["id"]]}}) == ["a1"]
    assert await listed({"filter": {"rootAssetIds": [asset["id"]]}}) == ["a1"]
    assert await listed({"filter": {"assetSubtreeIds": [{"externalId": "root"}]}}) == ["a1"]
    assert await listed({"filter": {"metadata": {"k": "v"}}}) == ["a1"]
    assert await listed({"filter": {"dataSetIds": [{"id": 5}]}}) == ["b1"]
    assert await listed({"advancedFilter": {"equals": {"property": ["assetRootId"], "value": asset["id"]}}}) == ["a1"]
    assert await listed({"sort": [{"property": ["name"], "order": "desc"}]}) == ["a2", "a1", "b1"]
    search = await client.post("/sequences/search", json={"search": {"query": "pump"}})
    assert sorted(it["externalId"] for it in search.json()["items"]) == ["a1", "a2"]
    count = await client.post("/sequences/aggregate", json={"aggregate": "count", "filter": {"name": "other"}})
    assert count.json()["items"] == [{"count": 1}]
    got = await client.get("/sequences", params={"limit": 2})
    assert len(got.json()["items"]) == 2 and "nextCursor" in got.json()


# ---------------------------------------------------------------------------------------------- columns


async def test_update_columns_add_remove_modify(client: httpx.AsyncClient, seq: dict[str, Any]) -> None:
    change = {
        "modify": [
            {"externalId": "depth", "update": {"externalId": {"set": "md"}, "metadata": {"add": {"src": "x"}}}},
            {"externalId": "count", "update": {"name": {"setNull": True}, "description": {"set": "n"}}},
        ],
        "remove": [{"externalId": "name"}],
        "add": [{"externalId": "tool", "valueType": "STRING"}],
    }
    response = await client.post(
        "/sequences/update", json={"items": [{"id": seq["id"], "update": {"columns": change}}]}
    )
    assert response.status_code == 200, response.text
    columns = response.json()["items"][0]["columns"]
    assert [c["externalId"] for c in columns] == ["md", "count", "tool"]
    assert columns[0]["metadata"] == {"unit": "m", "src": "x"}
    assert "name" not in columns[1] and columns[1]["description"] == "n"
    assert columns[2]["valueType"] == "STRING"


@pytest.mark.parametrize(
    "change",
    [
        {"remove": [{"externalId": "nope"}]},
        {"modify": [{"externalId": "nope", "update": {"name": {"set": "x"}}}]},
        {"add": [{"externalId": "depth"}]},
        {"modify": [{"externalId": "depth", "update": {"externalId": {"set": "count"}}}]},
        {"remove": [{"externalId": "name"}, {"externalId": "depth"}, {"externalId": "count"}]},
    ],
    ids=["remove-unknown", "modify-unknown", "add-existing", "rename-to-existing", "remove-all"],
)
async def test_bad_column_updates_change_nothing(
    client: httpx.AsyncClient, seq: dict[str, Any], change: dict[str, Any]
) -> None:
    await insert(client, {"id": seq["id"], "columns": ["depth"], "rows": [{"rowNumber": 1, "values": [1.5]}]})
    response = await client.post(
        "/sequences/update", json={"items": [{"id": seq["id"], "update": {"columns": change}}]}
    )
    assert response.status_code == 400
    after = (await client.post("/sequences/byids", json={"items": [{"id": seq["id"]}]})).json()["items"][0]
    assert after["columns"] == seq["columns"]
    # the failed change left nothing pending: a later update of another field keeps the values
    await client.post("/sequences/update", json={"items": [{"id": seq["id"], "update": {"name": {"set": "x"}}}]})
    assert (await rows(client, id=seq["id"], columns=["depth"]))["rows"] == [{"rowNumber": 1, "values": [1.5]}]


async def test_removing_a_column_drops_its_values_and_renaming_keeps_them(
    client: httpx.AsyncClient, seq: dict[str, Any]
) -> None:
    rows_in = [{"rowNumber": 1, "values": ["a", 1.5, 3]}, {"rowNumber": 2, "values": ["b", None, None]}]
    assert (await insert(client, {"id": seq["id"], "columns": ["name", "depth", "count"], "rows": rows_in})).is_success
    change = {
        "remove": [{"externalId": "name"}],
        "modify": [{"externalId": "depth", "update": {"externalId": {"set": "md"}}}],
    }
    await client.post("/sequences/update", json={"items": [{"id": seq["id"], "update": {"columns": change}}]})
    got = await rows(client, id=seq["id"])
    assert [c["externalId"] for c in got["columns"]] == ["md", "count"]
    assert got["rows"] == [{"rowNumber": 1, "values": [1.5, 3]}]  # row 2 had only a name: gone with the column
    # a column added again under an old name starts empty
    add = {"add": [{"externalId": "name", "valueType": "STRING"}]}
    await client.post("/sequences/update", json={"items": [{"id": seq["id"], "update": {"columns": add}}]})
    assert (await rows(client, id=seq["id"], columns=["name"]))["rows"] == [{"rowNumber": 1, "values": [None]}]


# ---------------------------------------------------------------------------------------------- rows


async def test_insert_overwrites_only_the_given_columns(client: httpx.AsyncClient, seq: dict[str, Any]) -> None:
    first = [{"rowNumber": 5, "values": ["x", 1, 2]}, {"rowNumber": 1, "values": ["y", 2.5, 7.0]}]
    assert (
        await insert(client, {"externalId": "log", "columns": ["name", "depth", "count"], "rows": first})
    ).json() == {}
    await insert(client, {"id": seq["id"], "columns": ["depth"], "rows": [{"rowNumber": 5, "values": [9.5]}]})
    got = await rows(client, externalId="log")
    assert got["id"] == seq["id"] and got["externalId"] == "log"
    assert got["columns"] == [
        {"externalId": "name", "valueType": "STRING"},
        {"externalId": "depth", "valueType": "DOUBLE"},
        {"externalId": "count", "valueType": "LONG", "name": "Count"},
    ]
    assert got["rows"] == [
        {"rowNumber": 1, "values": ["y", 2.5, 7]},
        {"rowNumber": 5, "values": ["x", 9.5, 2]},
    ]
    assert "nextCursor" not in got


@pytest.mark.parametrize(
    ("columns", "values"),
    [
        (["name"], [1]),
        (["depth"], ["1.5"]),
        (["depth"], [True]),
        (["count"], [1.5]),
        (["count"], ["1"]),
        (["depth", "count"], [1.0]),
        (["nope"], [1.0]),
        (["depth", "depth"], [1.0, 2.0]),
    ],
    ids=["str-number", "double-str", "double-bool", "long-fraction", "long-str", "width", "unknown", "dup"],
)
async def test_insert_validates_values_against_columns(
    client: httpx.AsyncClient, seq: dict[str, Any], columns: list[str], values: list[Any]
) -> None:
    good = {"id": seq["id"], "columns": ["depth"], "rows": [{"rowNumber": 0, "values": [1.0]}]}
    bad = {"id": seq["id"], "columns": columns, "rows": [{"rowNumber": 1, "values": values}]}
    response = await insert(client, good, bad)
    assert response.status_code == 400
    assert (await rows(client, id=seq["id"]))["rows"] == []  # all or nothing


async def test_insert_limits_and_unknown_sequences(unchecked: httpx.AsyncClient) -> None:
    client = unchecked
    (seq,) = await create(client, {"externalId": "log", "columns": COLUMNS})
    too_many_rows = [{"rowNumber": i, "values": [1.0]} for i in range(10_001)]
    assert (await insert(client, {"id": seq["id"], "columns": ["depth"], "rows": too_many_rows})).status_code == 400
    half = [{"rowNumber": i, "values": [1.0]} for i in range(6_000)]
    split = [
        {"id": seq["id"], "columns": ["depth"], "rows": half},
        {"externalId": "log", "columns": ["count"], "rows": half},
    ]
    assert (await insert(client, *split)).status_code == 400  # 12,000 rows in one request
    wide = [{"externalId": f"c{i}"} for i in range(30)]
    (wide_seq,) = await create(client, {"externalId": "wide", "columns": wide})
    many_values = [{"rowNumber": i, "values": [1.0] * 30} for i in range(4_000)]
    body = {"id": wide_seq["id"], "columns": [c["externalId"] for c in wide], "rows": many_values}
    assert (await insert(client, body)).status_code == 400  # 120,000 values
    missing = await insert(client, {"externalId": "nope", "columns": ["a"], "rows": [{"rowNumber": 1, "values": [1]}]})
    assert missing.status_code == 400
    assert missing.json()["error"]["missing"] == [{"externalId": "nope"}]
    negative = {"id": seq["id"], "columns": ["depth"], "rows": [{"rowNumber": -1, "values": [1.0]}]}
    assert (await insert(client, negative)).status_code == 400


async def test_list_pages_by_cursor_within_start_and_end(client: httpx.AsyncClient, seq: dict[str, Any]) -> None:
    body = {"id": seq["id"], "columns": ["count"], "rows": [{"rowNumber": n, "values": [n]} for n in range(0, 300, 3)]}
    await insert(client, body)
    got, pages = await all_rows(client, id=seq["id"], start=10, end=100, limit=7, columns=["count"])
    assert [r["rowNumber"] for r in got] == list(range(12, 100, 3))
    assert [r["values"] for r in got] == [[n] for n in range(12, 100, 3)]
    assert pages == 5
    assert len((await rows(client, id=seq["id"]))["rows"]) == 100  # default limit
    bad = await client.post("/sequences/data/list", json={"id": seq["id"], "limit": 10_001})
    assert bad.status_code == 400
    bad_cursor = await client.post("/sequences/data/list", json={"id": seq["id"], "cursor": "nonsense"})
    assert bad_cursor.status_code == 400
    unknown = await client.post("/sequences/data/list", json={"id": seq["id"], "columns": ["nope"]})
    assert unknown.status_code == 400


async def test_pages_shrink_with_wide_rows(unchecked: httpx.AsyncClient) -> None:
    client = unchecked
    width = 400
    (wide,) = await create(client, {"externalId": "wide", "columns": [{"externalId": f"c{i}"} for i in range(width)]})
    for lo in range(0, 1000, 200):
        group = [f"c{i}" for i in range(200)]
        chunk = [{"rowNumber": n, "values": [float(n)] * 200} for n in range(lo, lo + 200)]
        assert (await insert(client, {"id": wide["id"], "columns": group, "rows": chunk})).is_success
    page = await rows(client, id=wide["id"], limit=10_000)
    assert len(page["rows"]) == PAGE_VALUES // width and "nextCursor" in page
    got, _ = await all_rows(client, id=wide["id"], limit=10_000)
    assert len(got) == 1000 and got[0]["values"][:200] == [0.0] * 200 and got[0]["values"][200:] == [None] * 200


async def test_latest_row(client: httpx.AsyncClient, seq: dict[str, Any]) -> None:
    empty = await client.post("/sequences/data/latest", json={"id": seq["id"]})
    assert empty.status_code == 200 and empty.json()["rows"] == []
    await insert(
        client, {"id": seq["id"], "columns": ["count"], "rows": [{"rowNumber": n, "values": [n]} for n in (1, 5, 9)]}
    )
    latest = await client.post("/sequences/data/latest", json={"externalId": "log", "columns": ["count"]})
    assert latest.json()["rows"] == [{"rowNumber": 9, "values": [9]}]
    before = await client.post("/sequences/data/latest", json={"id": seq["id"], "before": 9, "columns": ["count"]})
    assert before.json()["rows"] == [{"rowNumber": 5, "values": [5]}]
    assert (await client.post("/sequences/data/latest", json={"id": seq["id"], "before": 1})).json()["rows"] == []


async def test_delete_rows_and_sequences(client: httpx.AsyncClient, seq: dict[str, Any]) -> None:
    await insert(
        client, {"id": seq["id"], "columns": ["count"], "rows": [{"rowNumber": n, "values": [n]} for n in range(5)]}
    )
    deleted = await client.post("/sequences/data/delete", json={"items": [{"externalId": "log", "rows": [1, 3, 99]}]})
    assert deleted.status_code == 200 and deleted.json() == {}
    assert [r["rowNumber"] for r in (await rows(client, id=seq["id"]))["rows"]] == [0, 2, 4]
    missing = await client.post("/sequences/data/delete", json={"items": [{"id": 1, "rows": [1]}]})
    assert missing.status_code == 400 and missing.json()["error"]["missing"] == [{"id": 1}]
    await client.post("/sequences/delete", json={"items": [{"id": seq["id"]}]})
    gone = await client.post("/sequences/data/list", json={"id": seq["id"]})
    assert gone.status_code == 400
    (again,) = await create(client, {"externalId": "log", "columns": COLUMNS})
    assert (await rows(client, id=again["id"]))["rows"] == []


async def test_wrong_method_on_rows_routes(client: httpx.AsyncClient) -> None:
    assert (await client.get("/sequences/data/list")).status_code == 405


async def test_rows_are_isolated_per_project(
    emulator: CDFEmulator, client: httpx.AsyncClient, seq: dict[str, Any]
) -> None:
    await insert(client, {"id": seq["id"], "columns": ["count"], "rows": [{"rowNumber": 1, "values": [1]}]})
    store = emulator.store("other-project", "sequences")
    assert len(store) == 0 and store.rows == {}  # type: ignore[attr-defined]
