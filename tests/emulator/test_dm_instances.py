"""The emulator's data-modeling instances (``/models/instances``), driven with raw httpx; every request and response
is validated against the CDF spec."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator
from cognite.client.testing._families_dm_instances import DM_INSTANCES, DM_INSTANCES_FAMILIES
from cognite.client.testing._openapi import OpenAPISpec

BASE = "/models/instances"
AUTH = {"Authorization": "Bearer test-token"}
VIEW = {"type": "view", "space": "s", "externalId": "Pump", "version": "v1"}
BOX = {"type": "container", "space": "s", "externalId": "Box"}


def node(xid: str, props: dict[str, Any] | None = None, source: dict[str, Any] = VIEW, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"instanceType": "node", "space": "s", "externalId": xid, **extra}
    if props is not None:
        out["sources"] = [{"source": source, "properties": props}]
    return out


def edge(xid: str, start: str, end: str, props: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    out = {
        "instanceType": "edge", "space": "s", "externalId": xid, "type": {"space": "s", "externalId": "flows"},
        "startNode": {"space": "s", "externalId": start}, "endNode": {"space": "s", "externalId": end}, **extra,
    }  # fmt: skip
    if props is not None:
        out["sources"] = [{"source": VIEW, "properties": props}]
    return out


@pytest.fixture(autouse=True)
async def space(client: httpx.AsyncClient) -> None:
    """Instances live in a space; the emulator's spaces store must know it."""
    created = await client.post("/models/spaces", json={"items": [{"space": "s"}]})
    assert created.status_code == 200, created.text


def ref(xid: str) -> dict[str, str]:
    return {"space": "s", "externalId": xid}


async def apply(client: httpx.AsyncClient, items: list[dict[str, Any]], **flags: Any) -> httpx.Response:
    return await client.post(BASE, json={"items": items, **flags})


async def ids(client: httpx.AsyncClient, body: dict[str, Any]) -> list[str]:
    response = await client.post(BASE + "/list", json=body)
    assert response.status_code == 200, response.text
    return [it["externalId"] for it in response.json()["items"]]


async def test_every_route_is_a_spec_operation(spec: OpenAPISpec, client: httpx.AsyncClient) -> None:
    for (method, suffix), handler in DM_INSTANCES.routes.items():
        op = spec.find_operation(method, DM_INSTANCES.path + suffix)
        assert op is not None and op.path == DM_INSTANCES.path + suffix, (method, suffix)
        assert hasattr(DM_INSTANCES.store_cls, handler)
        if suffix in ("", "/byids", "/delete", "/inspect"):
            key = {"": "apply", "/byids": "byids", "/delete": "delete", "/inspect": "inspect"}[suffix]
            assert DM_INSTANCES.limits[key] == op.max_items
    assert (await client.post(BASE, json={"items": [node("a")]})).status_code == 200
    unknown_space = await client.post(BASE, json={"items": [{**node("a"), "space": "nowhere"}]})
    assert unknown_space.status_code == 400 and "nowhere" in unknown_space.json()["error"]["message"]
    templates = {(op.method, op.path) for op in spec.operations() if op.path.startswith(BASE)}
    assert templates == {(m, BASE + s) for m, s in DM_INSTANCES.routes}


async def test_apply_is_an_upsert_with_versions(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    first = await apply(client, [node("a", {"name": "A", "flow": 1}), node("b")])
    assert first.status_code == 200, first.text
    items = first.json()["items"]
    assert [(i["externalId"], i["version"], i["wasModified"]) for i in items] == [("a", 1, True), ("b", 1, True)]
    assert first.json()["deleted"] == []
    same = (await apply(client, [node("a", {"name": "A"})])).json()["items"][0]
    assert (same["version"], same["wasModified"], same["lastUpdatedTime"]) == (1, False, items[0]["lastUpdatedTime"])
    patched = (await apply(client, [node("a", {"flow": 2})])).json()["items"][0]
    assert (patched["version"], patched["wasModified"]) == (2, True)
    got = await client.post(BASE + "/byids", json={"items": [{"instanceType": "node", **ref("a")}],
                                                    "sources": [{"source": VIEW}]})  # fmt: skip
    assert got.json()["items"][0]["properties"] == {"s": {"Pump/v1": {"name": "A", "flow": 2}}}
    await apply(client, [node("a", {"flow": 3})], replace=True)
    got = await client.post(BASE + "/byids", json={"items": [{"instanceType": "node", **ref("a")}],
                                                    "sources": [{"source": VIEW}]})  # fmt: skip
    assert got.json()["items"][0]["properties"] == {"s": {"Pump/v1": {"flow": 3}}}
    await apply(client, [node("a", {"flow": None})])  # null clears
    got = await client.post(BASE + "/byids", json={"items": [{"instanceType": "node", **ref("a")}],
                                                    "sources": [{"source": VIEW}], "includeTyping": True})  # fmt: skip
    assert got.json()["items"][0]["properties"] == {}
    no_sources = await client.post(BASE + "/byids", json={"items": [{"instanceType": "node", **ref("a")}]})
    assert no_sources.json()["items"][0]["properties"] == {}
    assert emulator.spec_violations == []


async def test_existing_version_conflicts(client: httpx.AsyncClient) -> None:
    await apply(client, [node("a", {"n": 1}), node("b", {"n": 1})])
    await apply(client, [node("a", {"n": 2})])  # a is at version 2
    conflict = await apply(client, [node("a", {"n": 3}, existingVersion=1), node("c")])
    assert conflict.status_code == 409
    assert (await client.post(BASE + "/byids", json={"items": [{"instanceType": "node", **ref("c")}]})).json() == {
        "items": []
    }  # the whole request failed
    skipped = await apply(client, [node("a", {"n": 3}, existingVersion=1), node("b", {"n": 5}, existingVersion=1)],
                          skipOnVersionConflict=True)  # fmt: skip
    assert [(i["externalId"], i["version"]) for i in skipped.json()["items"]] == [("b", 2)]
    insert_only = await apply(client, [node("b", existingVersion=0)])
    assert insert_only.status_code == 409
    created = await apply(client, [node("new", existingVersion=0)])
    assert created.status_code == 200
    dup = await apply(client, [node("x"), node("x")])
    assert dup.status_code == 400 and dup.json()["error"]["duplicated"] == [ref("x")]
    wrong_kind = await apply(client, [edge("a", "b", "new")])
    assert wrong_kind.status_code == 400


async def test_auto_create_of_edge_ends_and_direct_relations(client: httpx.AsyncClient) -> None:
    missing = await apply(client, [edge("e", "a", "b")])
    assert missing.status_code == 400 and "start node" in missing.json()["error"]["message"]
    ok = await apply(client, [edge("e", "a", "b")], autoCreateStartNodes=True, autoCreateEndNodes=True)
    assert ok.status_code == 200 and [i["externalId"] for i in ok.json()["items"]] == ["e"]
    assert await ids(client, {"instanceType": "node"}) == ["a", "b"]
    no_auto = await apply(client, [node("p", {"site": ref("oslo")})], autoCreateDirectRelations=False)
    assert no_auto.status_code == 400
    await apply(client, [node("p", {"site": ref("oslo"), "alts": [ref("bergen")]})])
    assert await ids(client, {"instanceType": "node"}) == ["a", "b", "p", "oslo", "bergen"]


async def test_delete_takes_the_edges_of_a_node(client: httpx.AsyncClient) -> None:
    await apply(client, [node("a"), node("b"), edge("e1", "a", "b"), edge("e2", "b", "a")])
    gone = await client.post(BASE + "/delete", json={"items": [{"instanceType": "node", **ref("a")},
                                                                {"instanceType": "node", **ref("zz")}]})  # fmt: skip
    assert gone.json() == {"items": [{"instanceType": "node", **ref("a")}]}
    assert await ids(client, {"instanceType": "edge"}) == []
    nothing = await client.post(BASE + "/delete", json={"items": [{"instanceType": "edge", **ref("b")}]})
    assert nothing.json() == {"items": []}


async def test_list_filters_sort_and_cursors(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    pumps = [node(f"p{i:02}", {"name": f"pump {i}", "flow": i, "site": ref("oslo" if i % 2 else "bergen")})
             for i in range(25)]  # fmt: skip
    await apply(client, [*pumps, node("oslo", {"city": "Oslo"}), node("box", {"n": 1}, source=BOX)])
    prop = ["s", "Pump/v1"]
    assert await ids(client, {"filter": {"range": {"property": [*prop, "flow"], "gte": 22}}}) == ["p22", "p23", "p24"]
    assert await ids(client, {"filter": {"prefix": {"property": ["node", "externalId"], "value": "p0"}},
                              "sort": [{"property": [*prop, "flow"], "direction": "descending"}], "limit": 3}) == [
        "p09", "p08", "p07"]  # fmt: skip
    assert await ids(client, {"filter": {"hasData": [BOX]}}) == ["box"]
    assert await ids(client, {"filter": {"equals": {"property": [*prop, "site"], "value": ref("bergen")}},
                              "limit": 2}) == ["p00", "p02"]  # fmt: skip
    assert await ids(client, {"filter": {"in": {"property": [*prop, "site"], "values": [ref("bergen")]}},
                              "limit": 1}) == ["p00"]  # fmt: skip
    nested = {"nested": {"scope": [*prop, "site"], "filter": {"exists": {"property": [*prop, "city"]}}}}
    assert len(await ids(client, {"filter": nested})) == 12
    assert await ids(client, {"filter": {"instanceReferences": [ref("p03"), ref("box")]}}) == ["p03", "box"]
    assert await ids(client, {"filter": {"and": [{"matchAll": {}}, {"not": {"hasData": [VIEW]}}]}}) == ["box", "bergen"]
    descending = {"sort": [{"property": [*prop, "flow"], "direction": "descending"}]}
    assert (await ids(client, descending))[:2] == ["p24", "p23"]  # nulls last unless nullsFirst
    sorted_nulls = await ids(client, {"sort": [{"property": [*prop, "flow"], "nullsFirst": True}], "limit": 4})
    assert sorted_nulls[:3] == ["oslo", "box", "bergen"] and sorted_nulls[3] == "p00"
    seen: list[str] = []
    body: dict[str, Any] = {"limit": 10, "filter": {"hasData": [VIEW]}}
    while True:
        page = (await client.post(BASE + "/list", json=body)).json()
        seen += [it["externalId"] for it in page["items"]]
        if "nextCursor" not in page:
            break
        body["cursor"] = page["nextCursor"]
    assert len(seen) == 26 and len(set(seen)) == 26
    bad = await client.post(BASE + "/list", json={"cursor": "nope"})
    assert bad.status_code == 400
    assert emulator.spec_violations == []


async def test_search_and_aggregate(client: httpx.AsyncClient) -> None:
    await apply(client, [node(f"p{i}", {"name": n, "flow": i, "site": s}) for i, (n, s) in
                         enumerate([("cooling pump", "a"), ("feed pump", "a"), ("valve", "b"), ("pump house", "b")])])  # fmt: skip
    found = (await client.post(BASE + "/search", json={"view": VIEW, "query": "pump"})).json()["items"]
    assert {it["externalId"] for it in found} == {"p0", "p1", "p3"}
    assert found[0]["properties"]["s"]["Pump/v1"]["name"]
    both = await client.post(BASE + "/search", json={"view": VIEW, "query": "cooling pump", "operator": "AND"})
    assert [it["externalId"] for it in both.json()["items"]] == ["p0"]
    agg = await client.post(BASE + "/aggregate", json={"view": VIEW, "aggregates": [
        {"avg": {"property": "flow"}}, {"max": {"property": "flow"}}, {"count": {"property": "name"}},
        {"histogram": {"property": "flow", "interval": 2}}]})  # fmt: skip
    assert agg.status_code == 200, agg.text
    values = agg.json()["items"][0]["aggregates"]
    assert [v.get("value") for v in values[:3]] == [1.5, 3, 4]
    assert values[3]["buckets"] == [{"start": 0, "count": 2}, {"start": 2, "count": 2}]
    grouped = await client.post(BASE + "/aggregate", json={"view": VIEW, "groupBy": ["site"],
                                                            "aggregates": [{"sum": {"property": "flow"}}]})  # fmt: skip
    assert {(g["group"]["site"], g["aggregates"][0]["value"]) for g in grouped.json()["items"]} == {("a", 1), ("b", 5)}


async def test_query_traversal_and_set_operations(client: httpx.AsyncClient) -> None:
    await apply(client, [
        node("a", {"kind": "pump", "site": ref("oslo")}), node("b", {"kind": "pump"}), node("c", {"kind": "valve"}),
        node("oslo", {"kind": "site"}), edge("ab", "a", "b"), edge("bc", "b", "c"), edge("ca", "c", "a"),
    ])  # fmt: skip
    kind = ["s", "Pump/v1", "kind"]
    body = {
        "with": {
            "start": {"nodes": {"filter": {"equals": {"property": ["node", "externalId"], "value": {"parameter": "x"}}}}},
            "one_hop": {"edges": {"from": "start", "direction": "outwards", "maxDistance": 1}},
            "all_hops": {"edges": {"from": "start", "direction": "outwards"}},
            "in_hop": {"edges": {"from": "start", "direction": "inwards", "maxDistance": 1}},
            "targets": {"nodes": {"from": "one_hop"}},
            "sites": {"nodes": {"from": "start", "through": {"source": VIEW, "identifier": "site"}}},
            "site_of": {"nodes": {"from": "sites", "through": {"source": VIEW, "identifier": "site"},
                                  "direction": "inwards"}},
            "pumps": {"nodes": {"filter": {"equals": {"property": kind, "value": "pump"}}}},
            "u": {"union": ["targets", "sites"], "except": ["start"]},
            "i": {"intersection": ["pumps", "targets"]},
        },
        "select": {name: {} for name in ("one_hop", "all_hops", "in_hop", "targets", "sites", "site_of", "u", "i")},
        "parameters": {"x": "a"},
    }  # fmt: skip
    body["select"]["sites"] = {"sources": [{"source": VIEW, "properties": ["kind"]}]}
    res = await client.post(BASE + "/query", json=body)
    assert res.status_code == 200, res.text
    got = {name: [it["externalId"] for it in items] for name, items in res.json()["items"].items()}
    assert got == {
        "one_hop": ["ab"], "all_hops": ["ab", "bc", "ca"], "in_hop": ["ca"], "targets": ["b"], "sites": ["oslo"],
        "site_of": ["a"], "u": ["b", "oslo"], "i": ["b"],
    }  # fmt: skip
    assert res.json()["items"]["sites"][0]["properties"] == {"s": {"Pump/v1": {"kind": "site"}}}
    limited = {"with": {"n": {"nodes": {}, "limit": 2}}, "select": {"n": {}}}
    first = (await client.post(BASE + "/query", json=limited)).json()
    assert len(first["items"]["n"]) == 2 and "n" in first["nextCursor"]
    rest = (await client.post(BASE + "/query", json={**limited, "cursors": first["nextCursor"]})).json()
    assert len(rest["items"]["n"]) == 2
    cycle = await client.post(BASE + "/query", json={"with": {"a": {"nodes": {"from": "b"}}, "b": {"nodes": {"from": "a"}}},
                                                      "select": {"a": {}}})  # fmt: skip
    assert cycle.status_code == 400


async def test_sync_reports_changes_and_deletes(client: httpx.AsyncClient) -> None:
    await apply(client, [node(f"n{i}") for i in range(5)])
    body: dict[str, Any] = {"with": {"n": {"nodes": {}, "limit": 3}}, "select": {"n": {}}}
    first = (await client.post(BASE + "/sync", json=body)).json()
    assert [it["externalId"] for it in first["items"]["n"]] == ["n0", "n1", "n2"]
    second = (await client.post(BASE + "/sync", json={**body, "cursors": first["nextCursor"]})).json()
    assert [it["externalId"] for it in second["items"]["n"]] == ["n3", "n4"]
    quiet = (await client.post(BASE + "/sync", json={**body, "cursors": second["nextCursor"]})).json()
    assert quiet["items"]["n"] == []
    await apply(client, [node("n1", {"x": 1})])
    await client.post(BASE + "/delete", json={"items": [{"instanceType": "node", **ref("n4")}]})
    changes = (await client.post(BASE + "/sync", json={**body, "cursors": quiet["nextCursor"]})).json()["items"]["n"]
    assert [(it["externalId"], "deletedTime" in it) for it in changes] == [("n1", False), ("n4", True)]
    assert "properties" not in changes[1] or changes[1]["properties"] == {}

    fresh = {"with": {"n": {"nodes": {}, "mode": "noBackfill"}}, "select": {"n": {}}}
    start = (await client.post(BASE + "/sync", json=fresh)).json()
    assert start["items"]["n"] == []
    await apply(client, [node("late")])
    later = (await client.post(BASE + "/sync", json={**fresh, "cursors": start["nextCursor"]})).json()
    assert [it["externalId"] for it in later["items"]["n"]] == ["late"]
    too_many = {"with": {f"n{i}": {"nodes": {}} for i in range(51)}, "select": {"n0": {}}}
    assert (await client.post(BASE + "/query", json=too_many)).status_code == 400


async def test_inspect(client: httpx.AsyncClient) -> None:
    await apply(client, [node("a", {"x": 1})])
    await apply(client, [node("a", {"y": 1}, source=BOX)])
    res = await client.post(BASE + "/inspect", json={
        "items": [{"instanceType": "node", **ref("a")}, {"instanceType": "node", **ref("missing")}],
        "inspectionOperations": {"involvedViews": {}, "involvedContainers": {}}})  # fmt: skip
    assert res.json()["items"] == [{"instanceType": "node", **ref("a"), "inspectionResults": {
        "involvedViews": [VIEW], "involvedContainers": [BOX]}}]  # fmt: skip


@pytest.mark.parametrize("limit", [0, 1001])
async def test_limits(client: httpx.AsyncClient, limit: int) -> None:
    assert (await client.post(BASE + "/list", json={"limit": limit})).status_code == 400
    too_many = await apply(client, [node(f"n{i}") for i in range(1001)])
    assert too_many.status_code == 400


async def test_served_alone_any_space_is_accepted(spec: OpenAPISpec) -> None:
    emulator = CDFEmulator(validate=True, spec=spec, families=DM_INSTANCES_FAMILIES)  # no schema families
    async with httpx.AsyncClient(
        transport=emulator.transport(), base_url="http://cdf.local/api/v1/projects/p", headers=AUTH
    ) as client:
        res = await apply(client, [{**node("a"), "space": "anywhere"}])
        assert res.status_code == 200, res.text
        assert [it["space"] for it in (await client.post(BASE + "/list", json={})).json()["items"]] == ["anywhere"]


async def test_typing_comes_from_the_view_when_the_schema_knows_it(client: httpx.AsyncClient) -> None:
    container = {"space": "s", "externalId": "Box", "properties": {"flow": {"type": {"type": "float64"}}}}
    assert (await client.post("/models/containers", json={"items": [container]})).status_code == 200
    view = {"space": "s", "externalId": "Pump", "version": "v1",
            "properties": {"flow": {"container": BOX, "containerPropertyIdentifier": "flow"}}}  # fmt: skip
    assert (await client.post("/models/views", json={"items": [view]})).status_code == 200
    await apply(client, [node("a", {"flow": 3, "note": "x"})])
    got = await client.post(BASE + "/byids", json={"items": [{"instanceType": "node", **ref("a")}],
                                                    "sources": [{"source": VIEW}], "includeTyping": True})  # fmt: skip
    typing = got.json()["typing"]["s"]["Pump/v1"]
    assert typing["flow"]["type"]["type"] == "float64"  # from the view, though the value is an integer
    assert typing["note"]["type"] == {"type": "text", "list": False}  # not in the view: guessed from the value
