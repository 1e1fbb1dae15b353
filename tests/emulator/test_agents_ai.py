"""The emulator's agents (``/ai/agents``) and document AI tools (``/ai/tools/documents``), driven with raw httpx
through the in-process transport. The emulator fixture validates every request and response against the CDF spec
(with the agents errata)."""

from __future__ import annotations

from typing import Any

import httpx

from cognite.client.testing import CDFEmulator


async def post(client: httpx.AsyncClient, path: str, body: Any, status: int = 200) -> Any:
    response = await client.post(path, json=body)
    assert response.status_code == status, response.text
    return response.json()


def _user(text: str) -> dict[str, Any]:
    return {"role": "user", "content": {"type": "text", "text": text}}


async def test_upsert_replaces_and_keeps_created_time(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    tool = {"type": "askDocument", "name": "ask", "description": "d"}
    first = (await post(client, "/ai/agents", {"items": [{"externalId": "a", "name": "A", "tools": [tool]}]}))["items"]
    assert first[0]["ownerId"] and "id" not in first[0]
    second = (await post(client, "/ai/agents", {"items": [{"externalId": "a", "name": "B"}]}))["items"][0]
    assert second["createdTime"] == first[0]["createdTime"] and second["name"] == "B" and "tools" not in second
    listed = (await client.get("/ai/agents")).json()["items"]
    assert [a["name"] for a in listed] == ["B"]
    await post(
        client, "/ai/agents", {"items": [{"externalId": "a", "name": "A"}, {"externalId": "b", "name": "B"}]}, 400
    )
    await post(client, "/ai/agents", {"items": [{"externalId": "a"}]}, 400)
    assert emulator.spec_violations == []


async def test_byids_and_delete_know_unknown_ids(client: httpx.AsyncClient) -> None:
    await post(client, "/ai/agents", {"items": [{"externalId": "a", "name": "A"}]})
    missing = await post(client, "/ai/agents/byids", {"items": [{"externalId": "a"}, {"externalId": "x"}]}, 400)
    assert missing["error"]["missing"] == [{"externalId": "x"}]
    got = await post(client, "/ai/agents/byids", {"items": [{"externalId": "x"}, {"externalId": "a"}],
                                                  "ignoreUnknownIds": True})  # fmt: skip
    assert [a["externalId"] for a in got["items"]] == ["a"]
    await post(client, "/ai/agents/delete", {"items": [{"externalId": "x"}]}, 400)
    await post(
        client, "/ai/agents/delete", {"items": [{"externalId": "a"}, {"externalId": "x"}], "ignoreUnknownIds": True}
    )
    assert (await client.get("/ai/agents")).json()["items"] == []


async def test_chat_is_deterministic_and_cursors_carry_the_conversation(client: httpx.AsyncClient) -> None:
    await post(client, "/ai/agents", {"items": [{"externalId": "a", "name": "A"}]})
    one = await post(client, "/ai/agents/chat", {"agentExternalId": "a", "messages": [_user("hi")]})
    assert one["response"]["messages"][0]["content"]["text"] == 'You said: "hi". I am A (a) and have no tools.'
    again = await post(client, "/ai/agents/chat", {"agentExternalId": "a", "messages": [_user("hi")]})
    assert again["response"]["messages"] == one["response"]["messages"]
    cursor = one["response"]["cursor"]
    two = await post(client, "/ai/agents/chat", {"agentExternalId": "a", "messages": [_user("bye")], "cursor": cursor})
    assert two["response"]["messages"][0]["content"]["text"].endswith('Earlier you said: "hi".')
    await post(client, "/ai/agents/chat", {"agentExternalId": "a", "messages": [_user("x")], "cursor": "nope"}, 400)
    await post(client, "/ai/agents/chat", {"agentExternalId": "zz", "messages": [_user("x")]}, 400)


async def test_chat_calls_client_tools_and_reads_results(client: httpx.AsyncClient) -> None:
    await post(client, "/ai/agents", {"items": [{"externalId": "a", "name": "A"}]})
    action = {"type": "clientTool", "clientTool": {"name": "sum", "description": "d", "parameters": {"type": "object"}}}
    called = await post(client, "/ai/agents/chat", {"agentExternalId": "a", "messages": [_user("1+1")],
                                                    "actions": [action]})  # fmt: skip
    (call,) = called["response"]["messages"][0]["actions"]
    assert call == {
        "type": "clientTool",
        "actionId": "1-sum",
        "clientTool": {"name": "sum", "arguments": '{"input": "1+1"}'},
    }
    results = [
        {"role": "action", "type": "clientTool", "actionId": "1-sum", "content": {"type": "text", "text": "2"}},
        {"role": "action", "type": "toolConfirmation", "actionId": "c", "status": "ALLOW"},
        {"role": "action", "type": "userSession", "actionId": "s", "nonce": "n"},
    ]
    answer = await post(client, "/ai/agents/chat", {"agentExternalId": "a", "messages": results,
                                                    "cursor": called["response"]["cursor"]})  # fmt: skip
    text = answer["response"]["messages"][0]["content"]["text"]
    assert text == "Action 1-sum: 2. Action c: ALLOW. Action s: session received."


async def _upload(client: httpx.AsyncClient, content: bytes, **meta: Any) -> dict[str, Any]:
    created = (await client.post("/files", json={"name": "a.txt", **meta})).json()
    assert (await client.put(created["uploadUrl"], content=content)).status_code == 201
    return created  # type: ignore[no-any-return]


async def test_summaries_echo_the_identifier_and_take_the_first_sentences(client: httpx.AsyncClient) -> None:
    f = await _upload(client, b"One. Two! Three? Four.", externalId="doc")
    empty = await _upload(client, b"", name="empty.txt")
    by_id = await post(client, "/ai/tools/documents/summarize", {"items": [{"id": f["id"]}]})
    assert by_id == {"items": [{"id": f["id"], "summary": "One. Two! Three?"}]}
    by_xid = await post(client, "/ai/tools/documents/summarize", {"items": [{"externalId": "doc"}]})
    assert by_xid["items"][0]["externalId"] == "doc"
    missing = await post(client, "/ai/tools/documents/summarize", {"items": [{"id": 1}]}, 400)
    assert missing["error"]["missing"] == [{"id": 1}]
    ignored = await post(client, "/ai/tools/documents/summarize", {"items": [{"id": 1}], "ignoreUnknownIds": True})
    assert ignored == {"items": []}
    await post(client, "/ai/tools/documents/summarize", {"items": [{"id": f["id"]}, {"id": empty["id"]}]}, 400)


async def test_answers_quote_matching_sentences_with_locations(
    client: httpx.AsyncClient, emulator: CDFEmulator
) -> None:
    f = await _upload(client, b"Intro line.\nThe compressor trips often.\nEnd.", name="c.txt")
    answer = await post(client, "/ai/tools/documents/ask",
                        {"question": "Why does the compressor trip?", "fileIds": [{"id": f["id"]}],
                         "language": "Norwegian", "additionalContext": "About compressors only"})  # fmt: skip
    (part,) = answer["content"]
    assert part["text"] == "The compressor trips often."
    (ref,) = part["references"]
    assert ref["fileId"] == f["id"] and ref["fileName"] == "c.txt"
    assert ref["locations"] == [{"pageNumber": 1, "left": 0.0, "right": 1.0, "top": 1 / 3, "bottom": 2 / 3}]
    await post(client, "/ai/tools/documents/ask", {"question": "", "fileIds": [{"id": f["id"]}]}, 400)
    assert emulator.spec_violations == []
