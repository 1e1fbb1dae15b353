"""Every RAW endpoint of the emulator, driven with raw httpx (requests and responses validated against the spec)."""

from __future__ import annotations

import base64
from typing import Any

import httpx

from cognite.client.testing import CDFEmulator, EmulatorServer
from cognite.client.testing._families_raw import RAW
from cognite.client.testing._openapi import OpenAPISpec

PROJECT = "test-project"
AUTH = {"Authorization": "Bearer test-token"}
ROWS = "/raw/dbs/db/tables/t/rows"


async def insert(client: httpx.AsyncClient, rows: dict[str, Any], path: str = ROWS, **params: str) -> None:
    items = [{"key": k, "columns": v} for k, v in rows.items()]
    response = await client.post(path, json={"items": items}, params=params)
    assert response.status_code == 200, response.text
    assert response.json() == {}


async def read_all(client: httpx.AsyncClient, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    query = {"limit": 3, **(params or {})}
    while True:
        response = await client.get(ROWS, params=query)
        assert response.status_code == 200, response.text
        out += response.json()["items"]
        if "nextCursor" not in response.json():
            return out
        query = {**query, "cursor": response.json()["nextCursor"]}


def test_every_route_is_a_spec_operation(spec: OpenAPISpec) -> None:
    for (method, suffix), handler in RAW.routes.items():
        op = spec.find_operation(method, RAW.path + suffix)
        assert op is not None and op.path == RAW.path + suffix, (method, suffix)
        assert hasattr(RAW.store_cls, handler)
    templates = {(m, p) for op in spec.operations() for m, p in [(op.method, op.path)] if p.startswith("/raw/")}
    assert templates == {(m, RAW.path + s) for m, s in RAW.routes}


async def test_databases(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    created = await client.post("/raw/dbs", json={"items": [{"name": n} for n in ("a", "b/c", "d")]})
    assert created.status_code == 201 and created.json() == {"items": [{"name": "a"}, {"name": "b/c"}, {"name": "d"}]}
    dup = await client.post("/raw/dbs", json={"items": [{"name": "a"}]})
    assert dup.status_code == 400 and dup.json()["error"]["duplicated"] == [{"name": "a"}]
    same = await client.post("/raw/dbs", json={"items": [{"name": "x"}, {"name": "x"}]})
    assert same.status_code == 400
    long = await client.post("/raw/dbs", json={"items": [{"name": "x" * 33}]})
    assert long.status_code == 400
    first = await client.get("/raw/dbs", params={"limit": 2})
    assert first.json()["items"] == [{"name": "a"}, {"name": "b/c"}]
    rest = await client.get("/raw/dbs", params={"limit": 2, "cursor": first.json()["nextCursor"]})
    assert rest.json() == {"items": [{"name": "d"}]}
    assert len((await client.get("/raw/dbs")).json()["items"]) == 3

    await client.post("/raw/dbs/a/tables", json={"items": [{"name": "t"}]})
    not_empty = await client.post("/raw/dbs/delete", json={"items": [{"name": "a"}]})
    assert not_empty.status_code == 400
    missing = await client.post("/raw/dbs/delete", json={"items": [{"name": "nope"}, {"name": "d"}]})
    assert missing.status_code == 404 and missing.json()["error"]["missing"] == [{"name": "nope"}]
    deleted = await client.post("/raw/dbs/delete", json={"items": [{"name": "a"}, {"name": "d"}], "recursive": True})
    assert deleted.status_code == 200 and deleted.json() == {}
    assert (await client.get("/raw/dbs")).json()["items"] == [{"name": "b/c"}]
    assert emulator.counters.by_route["POST /raw/dbs/delete"] == 3


async def test_tables(client: httpx.AsyncClient) -> None:
    no_db = await client.post("/raw/dbs/db/tables", json={"items": [{"name": "t"}]})
    assert no_db.status_code == 404 and no_db.json()["error"]["missing"] == [{"name": "db"}]
    made = await client.post(
        "/raw/dbs/db/tables", params={"ensureParent": "true"}, json={"items": [{"name": "t"}, {"name": "u v"}]}
    )
    assert made.status_code == 201 and made.json()["items"] == [{"name": "t"}, {"name": "u v"}]
    dup = await client.post("/raw/dbs/db/tables", json={"items": [{"name": "t"}]})
    assert dup.status_code == 400 and dup.json()["error"]["duplicated"] == [{"name": "t"}]
    page = await client.get("/raw/dbs/db/tables", params={"limit": 1})
    assert page.json()["items"] == [{"name": "t"}] and "nextCursor" in page.json()
    gone = await client.post("/raw/dbs/db/tables/delete", json={"items": [{"name": "u v"}, {"name": "zz"}]})
    assert gone.status_code == 404 and gone.json()["error"]["missing"] == [{"name": "zz"}]
    assert (await client.post("/raw/dbs/db/tables/delete", json={"items": [{"name": "u v"}]})).status_code == 200
    assert (await client.get("/raw/dbs/db/tables")).json() == {"items": [{"name": "t"}]}
    assert (await client.get("/raw/dbs/nope/tables")).status_code == 404


async def test_insert_upserts_and_tracks_last_updated_time(spec: OpenAPISpec) -> None:
    now = [1000]
    emulator = CDFEmulator(seed=1, validate=True, spec=spec, clock=lambda: now[0])
    async with httpx.AsyncClient(
        transport=emulator.transport(), base_url=f"http://cdf.local/api/v1/projects/{PROJECT}", headers=AUTH
    ) as client:
        no_table = await client.post(ROWS, json={"items": [{"key": "a", "columns": {}}]})
        assert no_table.status_code == 404
        await insert(client, {"a": {"x": 1}, "b": {"x": 2}}, ensureParent="true")
        now[0] = 2000
        await insert(client, {"a": {"x": 1}, "b": {"x": 3}, "c": {"nested": {"l": [1, None]}}})
        rows = {r["key"]: r for r in await read_all(client)}
        assert {k: (r["columns"], r["lastUpdatedTime"]) for k, r in rows.items()} == {
            "a": ({"x": 1}, 1000),
            "b": ({"x": 3}, 2000),
            "c": ({"nested": {"l": [1, None]}}, 2000),
        }
        newer = await read_all(client, {"minLastUpdatedTime": 1000})
        assert [r["key"] for r in newer] == ["b", "c"]
        older = await read_all(client, {"maxLastUpdatedTime": 1000})
        assert [r["key"] for r in older] == ["a"]


async def test_insert_checks_rows_and_limits(client: httpx.AsyncClient) -> None:
    await insert(client, {"a": {}}, ensureParent="true")
    too_many = [{"key": f"k{i}", "columns": {}} for i in range(10_001)]
    assert (await client.post(ROWS, json={"items": too_many})).status_code == 400
    assert (await client.post(ROWS, json={"items": [{"key": "a", "columns": [1]}]})).status_code == 400
    assert (await client.post(ROWS, json={"items": [{"key": 1, "columns": {}}]})).status_code == 400
    assert (await client.post(ROWS, json={"items": [{"key": "k" * 1025, "columns": {}}]})).status_code == 400
    assert (await client.post(ROWS, json={"items": []})).status_code == 400


async def test_list_rows_pages_and_columns(client: httpx.AsyncClient) -> None:
    await insert(client, {f"k{i}": {"a": i, "b": str(i), "c": [i]} for i in range(10)}, ensureParent="true")
    rows = await read_all(client)
    assert [r["key"] for r in rows] == [f"k{i}" for i in range(10)]
    only_keys = await read_all(client, {"columns": ","})
    assert all(r["columns"] == {} for r in only_keys) and len(only_keys) == 10
    some = (await client.get(ROWS, params={"columns": "c,a,zz", "limit": 1})).json()["items"]
    assert some[0]["columns"] == {"c": [0], "a": 0} and list(some[0]["columns"]) == ["c", "a"]
    assert len((await client.get(ROWS)).json()["items"]) == 10
    assert (await client.get(ROWS, params={"limit": 10_001})).status_code == 400
    assert (await client.get(ROWS, params={"cursor": "garbage"})).status_code == 400
    assert (await client.get("/raw/dbs/db/tables/nope/rows")).status_code == 404


async def test_cursors_partition_the_table(client: httpx.AsyncClient) -> None:
    await insert(client, {f"k{i}": {"i": i} for i in range(100)}, ensureParent="true")
    await client.post(ROWS + "/delete", json={"items": [{"key": f"k{i}"} for i in range(0, 100, 7)]})
    response = await client.get("/raw/dbs/db/tables/t/cursors", params={"numberOfCursors": 4})
    cursors = response.json()["items"]
    assert len(cursors) == 4
    seen: list[str] = []
    for cursor in cursors:
        part = await read_all(client, {"cursor": cursor, "limit": 5})
        seen += [r["key"] for r in part]
    assert sorted(seen) == sorted(f"k{i}" for i in range(100) if i % 7)
    assert len(seen) == len(set(seen))
    default = await client.get("/raw/dbs/db/tables/t/cursors")
    assert len(default.json()["items"]) == 10
    filtered = await client.get("/raw/dbs/db/tables/t/cursors", params={"minLastUpdatedTime": 4_102_444_800_000})
    assert [await read_all(client, {"cursor": c}) for c in filtered.json()["items"]] == [[]] * 10


async def test_retrieve_and_delete_rows_with_encoded_keys(client: httpx.AsyncClient) -> None:
    await insert(client, {"a/b c?": {"x": 1}, "plain": {"x": 2}}, ensureParent="true")
    found = await client.get(ROWS + "/a%2Fb%20c%3F")
    assert found.status_code == 200 and found.json()["key"] == "a/b c?" and found.json()["columns"] == {"x": 1}
    assert (await client.get(ROWS + "/nope")).status_code == 404
    deleted = await client.post(ROWS + "/delete", json={"items": [{"key": "a/b c?"}, {"key": "never"}]})
    assert deleted.status_code == 200 and deleted.json() == {}
    assert (await client.get(ROWS + "/a%2Fb%20c%3F")).status_code == 404
    assert [r["key"] for r in await read_all(client)] == ["plain"]
    assert (await client.put(ROWS, json={})).status_code == 405
    assert (await client.get("/raw/dbs/db/tables/t/nothing")).status_code == 404


def test_encoded_names_over_loopback(server: EmulatorServer, loopback_emulator: CDFEmulator) -> None:
    with httpx.Client(base_url=server.project_url(PROJECT), headers=AUTH) as client:
        path = "/raw/dbs/d%2F1/tables/t%2F2/rows"
        made = client.post(path, params={"ensureParent": "true"}, json={"items": [{"key": "k/1", "columns": {}}]})
        assert made.status_code == 200, made.text
        assert client.get("/raw/dbs").json() == {"items": [{"name": "d/1"}]}
        assert client.get("/raw/dbs/d%2F1/tables").json() == {"items": [{"name": "t/2"}]}
        assert client.get(path + "/k%2F1").json()["key"] == "k/1"
    assert loopback_emulator.spec_violations == [] and loopback_emulator.invalid_requests == []


def test_row_cursor_is_opaque_base64() -> None:
    from cognite.client.testing._families_raw import _decode_row_cursor, _row_cursor

    cursor = _row_cursor(5, None, 1, 2)
    assert base64.urlsafe_b64decode(cursor + "==").startswith(b"cdfemu:raw:")
    assert _decode_row_cursor(cursor) == (5, None, 1, 2)
