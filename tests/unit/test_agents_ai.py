"""The agents and AI document tools APIs and their data classes, against a fake CDF behind ``httpx.MockTransport``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cognite.client import AsyncCogniteClient, CogniteClient
from cognite.client.data_classes.agents import (
    Agent,
    AgentChatResponse,
    AgentList,
    AgentTool,
    AgentToolList,
    AgentToolUpsert,
    AgentUpsert,
    AskDocumentAgentTool,
    AskDocumentAgentToolUpsert,
    ClientToolAction,
    ClientToolCall,
    ClientToolResult,
    DataModelInfo,
    ImageContent,
    InstanceSpaces,
    Message,
    MessageContent,
    QueryAgentTool,
    QueryAgentToolConfiguration,
    QueryAgentToolUpsert,
    QueryKnowledgeGraphAgentTool,
    QueryKnowledgeGraphAgentToolConfiguration,
    QueryKnowledgeGraphAgentToolUpsert,
    QueryTimeSeriesDatapointsAgentTool,
    Subagent,
    SummarizeDocumentAgentTool,
    TextContent,
    ToolCallReasoningDataItem,
    ToolConfirmationCall,
    ToolConfirmationResult,
    UnknownAction,
    UnknownActionCall,
    UnknownAgentTool,
    UnknownAgentToolUpsert,
    UnknownContent,
    UnknownReasoningDataItem,
    UserSessionCall,
    UserSessionResult,
)
from cognite.client.data_classes.ai import Answer, AnswerLanguage, NodeId, Summary
from cognite.client.exceptions import CogniteNotFoundError
from tests.unit.conftest import FakeCDF, error_response

_AGENT = {"externalId": "a", "name": "A", "createdTime": 1, "lastUpdatedTime": 2, "ownerId": "me"}


def _echo_agents(body: dict[str, Any]) -> dict[str, Any]:
    return {"items": [{**item, "createdTime": 1, "lastUpdatedTime": 2} for item in body["items"]]}


# ---------------------------------------------------------------------------------------------- data classes


def test_every_tool_kind_loads_as_its_class_and_round_trips() -> None:
    config = {"dataModels": [{"space": "s", "externalId": "m", "version": "v1", "viewExternalIds": ["V"]}],
              "instanceSpaces": {"type": "manual", "spaces": ["x"]}}  # fmt: skip
    wire = [
        {"type": "summarizeDocument", "name": "s", "description": "d"},
        {"type": "askDocument", "name": "a", "description": "d"},
        {"type": "queryTimeSeriesDatapoints", "name": "t", "description": "d"},
        {"type": "queryKnowledgeGraph", "name": "k", "description": "d", "configuration": {**config, "version": "v2"}},
        {"type": "query", "name": "q", "description": "d", "configuration": config},
        {"type": "runPython", "name": "p", "description": "d", "configuration": {"timeout": 3}},
    ]
    tools = [AgentTool.load(w) for w in wire]
    assert [type(t) for t in tools] == [SummarizeDocumentAgentTool, AskDocumentAgentTool,
                                        QueryTimeSeriesDatapointsAgentTool, QueryKnowledgeGraphAgentTool,
                                        QueryAgentTool, UnknownAgentTool]  # fmt: skip
    kg = tools[3]
    assert isinstance(kg, QueryKnowledgeGraphAgentTool) and kg.configuration is not None
    assert kg.configuration.version == "v2"
    assert kg.configuration.data_models == [DataModelInfo("s", "m", "v1", ["V"])]
    assert kg.configuration.instance_spaces == InstanceSpaces("manual", ["x"])
    for tool, raw in zip(tools, wire, strict=True):
        assert tool.dump() == raw  # lossless, the unknown kind included
        assert tool.as_write().dump() == raw  # type: ignore[attr-defined]
        assert AgentToolUpsert.load(raw).dump() == raw
    assert isinstance(AgentToolUpsert.load(wire[-1]), UnknownAgentToolUpsert)
    assert isinstance(AgentToolUpsert.load(wire[4]), QueryAgentToolUpsert)
    assert isinstance(tools[4].configuration, QueryAgentToolConfiguration)  # type: ignore[attr-defined]
    assert [type(t).__name__ for t in AgentToolList(wire[:2]).as_write()] == [
        "SummarizeDocumentAgentToolUpsert", "AskDocumentAgentToolUpsert"]  # fmt: skip


def test_agent_loads_tools_and_subagents_and_writes_back() -> None:
    raw = {**_AGENT, "description": "d", "instructions": "i", "model": "azure/gpt-4.1", "runtimeVersion": "1",
           "labels": ["l"], "tools": [{"type": "askDocument", "name": "x", "description": "y"},
                                      {"type": "newKind", "name": "n", "description": "m", "configuration": {"a": 1}}],
           "subagents": [{"agentExternalId": "b"}]}  # fmt: skip
    agent = Agent.load(raw)
    assert agent.tools is not None and isinstance(agent.tools[1], UnknownAgentTool)
    assert agent.subagents == [Subagent("b")]
    assert agent.dump() == raw
    write = agent.as_write()
    assert isinstance(write, AgentUpsert)
    assert write.dump() == {k: v for k, v in raw.items() if k not in ("createdTime", "lastUpdatedTime", "ownerId")}
    assert AgentList([agent]).as_write()[0] == write
    assert Agent.load(raw).dump(camel_case=False)["external_id"] == "a"


def test_agent_upsert_takes_tool_dicts_and_rejects_other_things() -> None:
    upsert = AgentUpsert("a", "A", tools=[{"type": "askDocument", "name": "x", "description": "y"}])  # type: ignore[list-item]
    assert upsert.tools == [AskDocumentAgentToolUpsert("x", "y")]
    with pytest.raises(TypeError, match="tools"):
        AgentUpsert("a", "A", tools=[AskDocumentAgentTool("x", "y")])  # type: ignore[list-item]


def test_message_content_kinds_and_unknown_kinds_are_kept() -> None:
    assert Message("hi").dump() == {"role": "user", "content": {"type": "text", "text": "hi"}}
    assert Message.load({"role": "user", "content": {"type": "text", "text": "x"}}) == Message(TextContent("x"))
    odd = {"type": "audio", "data": "AAA", "format": "wav"}
    content = MessageContent.load(odd)
    assert isinstance(content, UnknownContent) and content.dump() == odd
    assert isinstance(MessageContent.load({"type": "image", "data": "AA==", "mediaType": "image/png"}), ImageContent)


def test_image_content_from_file_and_bytes(tmp_path: Path) -> None:
    path = tmp_path / "x.png"
    path.write_bytes(b"\x89PNG")
    image = ImageContent.from_file(path)
    assert image.media_type == "image/png" and image == ImageContent.from_bytes(b"\x89PNG", "image/png")
    with pytest.raises(ValueError, match="media_type"):
        ImageContent.from_file(tmp_path / "noext")
    with pytest.raises(TypeError, match="data"):
        ImageContent.from_bytes("text", "image/png")  # type: ignore[arg-type]


def test_chat_response_with_every_call_kind_and_reasoning() -> None:
    confirm = {"content": {"type": "text", "text": "ok?"}, "toolName": "t", "toolArguments": {"a": 1},
               "toolDescription": "d", "toolType": "x"}  # fmt: skip
    raw = {
        "agentExternalId": "a",
        "response": {"type": "result", "cursor": "c1", "messages": [{
            "role": "agent", "content": {"type": "text", "text": "first"},
            "data": [{"type": "instances", "instances": {"x": 1}}],
            "reasoning": [{"content": [{"type": "text", "text": "thinking"}],
                           "data": [{"type": "toolCall", "toolCall": {"id": "1", "name": "n", "toolType": "t",
                                                                      "input": {}, "result": {"r": 1}}},
                                    {"type": "future", "v": 2}]}],
            "actions": [
                {"type": "clientTool", "actionId": "1", "clientTool": {"name": "add", "arguments": '{"a": 1}'}},
                {"type": "toolConfirmation", "actionId": "2", "toolConfirmation": {**confirm, "details": {"k": 1}}},
                {"type": "userSession", "actionId": "3", "userSession": confirm},
                {"type": "future", "actionId": "4", "payload": [1]},
            ]}, {"role": "agent", "content": {"type": "text", "text": "second"}}]},
    }  # fmt: skip
    answer = AgentChatResponse.load(raw)
    assert answer.text == "first\nsecond" and answer.cursor == "c1"
    calls = answer.action_calls
    assert [type(c) for c in calls] == [ClientToolCall, ToolConfirmationCall, UserSessionCall, UnknownActionCall]
    assert calls[0].arguments == {"a": 1}
    assert isinstance(calls[1], ToolConfirmationCall) and calls[1].details == {"k": 1}
    reasoning = answer.messages[0].reasoning
    assert reasoning is not None
    assert isinstance(reasoning[0].data[0], ToolCallReasoningDataItem)
    assert isinstance(reasoning[0].data[1], UnknownReasoningDataItem)
    assert answer.dump() == raw
    assert AgentChatResponse.load(json.dumps(raw)) == answer
    assert AgentChatResponse.load({"agentExternalId": "a", "response": {"type": "result", "messages": []}}).text is None


def test_action_results_and_actions_dump_to_the_wire() -> None:
    assert ClientToolResult("1", "3").dump() == {"role": "action", "type": "clientTool", "actionId": "1",
                                                 "content": {"type": "text", "text": "3"}}  # fmt: skip
    assert ToolConfirmationResult("2", "ALLOW").dump()["status"] == "ALLOW"
    assert UserSessionResult("3", "n").dump(camel_case=False)["action_id"] == "3"
    tool = ClientToolAction("add", "Adds", {"type": "object"})
    assert ClientToolAction.load(tool.dump()) == tool
    assert UnknownAction("mcp", {"server": "x"}).dump() == {"type": "mcp", "server": "x"}


def test_answer_and_summary_classes() -> None:
    ref = {"fileId": 1, "fileName": "f.pdf", "instanceId": {"space": "s", "externalId": "x"},
           "locations": [{"pageNumber": 2, "left": 0, "right": 1, "top": 0.1, "bottom": 0.2}]}  # fmt: skip
    answer = Answer.load({"content": [{"text": "A.", "references": [ref]}, {"text": "B.", "references": [ref]}]})
    assert answer.full_answer == "A. B."
    assert len(answer.all_references) == 1 and answer.all_references[0].instance_id == NodeId("s", "x")
    summary = Summary.load({"instanceId": {"space": "s", "externalId": "x"}, "summary": "S"})
    assert summary.dump() == {"summary": "S", "instanceId": {"space": "s", "externalId": "x"}}
    assert AnswerLanguage("Norwegian") is AnswerLanguage.Norwegian


# ---------------------------------------------------------------------------------------------- agents API


async def test_upsert_sends_one_agent_per_request_concurrently(
    async_client: AsyncCogniteClient, routed_cdf: Callable[[dict[str, Any]], FakeCDF]
) -> None:
    cdf = routed_cdf({"POST /ai/agents": _echo_agents})
    tool = QueryKnowledgeGraphAgentToolUpsert("k", "d", QueryKnowledgeGraphAgentToolConfiguration(
        [DataModelInfo("s", "m", "v1")], InstanceSpaces("all")))  # fmt: skip
    agents = await async_client.agents.upsert([AgentUpsert("a", "A", tools=[tool]), AgentUpsert("b", "B")])
    assert isinstance(agents, AgentList) and agents.as_external_ids() == ["a", "b"]
    calls = cdf.calls("POST /ai/agents")
    assert sorted(len(c.body["items"]) for c in calls) == [1, 1]
    sent = next(c.body["items"][0] for c in calls if c.body["items"][0]["externalId"] == "a")
    assert sent["tools"] == [
        {
            "type": "queryKnowledgeGraph",
            "name": "k",
            "description": "d",
            "configuration": {
                "dataModels": [{"space": "s", "externalId": "m", "version": "v1"}],
                "instanceSpaces": {"type": "all"},
            },
        }
    ]
    one = await async_client.agents.upsert(Agent.load(_AGENT))
    assert isinstance(one, Agent) and one.external_id == "a"
    assert await async_client.agents.upsert([]) == AgentList([])


async def test_upsert_rejects_wrong_types_before_any_request(
    async_client: AsyncCogniteClient, fake_cdf: FakeCDF
) -> None:
    with pytest.raises(TypeError, match="agents"):
        await async_client.agents.upsert("a")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="agents"):
        await async_client.agents.upsert([AgentUpsert("a", "A"), {"externalId": "b"}])  # type: ignore[list-item]
    assert fake_cdf.calls() == []


async def test_retrieve_list_delete(
    async_client: AsyncCogniteClient, routed_cdf: Callable[[dict[str, Any]], FakeCDF]
) -> None:
    def byids(body: dict[str, Any]) -> Any:
        known = [i for i in body["items"] if i["externalId"] == "a"]
        if len(known) < len(body["items"]) and not body["ignoreUnknownIds"]:
            return error_response(400, "missing", missing=[i for i in body["items"] if i not in known])
        return {"items": [_AGENT for _ in known]}

    cdf = routed_cdf({"POST /ai/agents/byids": byids, "GET /ai/agents": {"items": [_AGENT, {**_AGENT, "externalId": "b"}]},
                      "POST /ai/agents/delete": {}})  # fmt: skip
    assert (await async_client.agents.retrieve("a")).name == "A"  # type: ignore[union-attr]
    assert await async_client.agents.retrieve("zz") is None
    found = await async_client.agents.retrieve(["a", "zz"], ignore_unknown_ids=True)
    assert found.as_external_ids() == ["a"]
    with pytest.raises(CogniteNotFoundError):
        await async_client.agents.retrieve(["a", "zz"])
    assert (await async_client.agents.list()).as_external_ids() == ["a", "b"]
    await async_client.agents.delete(["a", "b"], ignore_unknown_ids=True)
    assert cdf.calls("POST /ai/agents/delete")[0].body == {
        "items": [{"externalId": "a"}, {"externalId": "b"}],
        "ignoreUnknownIds": True,
    }
    with pytest.raises(TypeError, match="ignore_unknown_ids"):
        await async_client.agents.delete("a", ignore_unknown_ids="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        await async_client.agents.retrieve(1)  # type: ignore[call-overload]


async def test_chat_sends_messages_cursor_and_actions(
    async_client: AsyncCogniteClient, routed_cdf: Callable[[dict[str, Any]], FakeCDF]
) -> None:
    answer = {"agentExternalId": "a", "response": {"type": "result", "cursor": "c2", "messages": [
        {"role": "agent", "content": {"type": "text", "text": "hello"}}]}}  # fmt: skip
    cdf = routed_cdf({"POST /ai/agents/chat": answer})
    got = await async_client.agents.chat("a", Message("hi"))
    assert got.text == "hello" and got.cursor == "c2"
    assert cdf.calls("POST /ai/agents/chat")[0].body == {
        "agentExternalId": "a",
        "messages": [{"role": "user", "content": {"type": "text", "text": "hi"}}],
    }
    await async_client.agents.chat(
        "a", [ClientToolResult("1", "3"), ToolConfirmationResult("2", "DENY")], cursor="c2",
        actions=[ClientToolAction("add", "Adds", {"type": "object"})],
    )  # fmt: skip
    body = cdf.calls("POST /ai/agents/chat")[1].body
    assert body["cursor"] == "c2" and [m["type"] for m in body["messages"]] == ["clientTool", "toolConfirmation"]
    assert body["actions"] == [{"type": "clientTool", "clientTool": {"name": "add", "description": "Adds",
                                                                     "parameters": {"type": "object"}}}]  # fmt: skip


async def test_chat_rejects_bad_input_before_any_request(async_client: AsyncCogniteClient, fake_cdf: FakeCDF) -> None:
    with pytest.raises(TypeError, match="agent_external_id"):
        await async_client.agents.chat("", Message("x"))
    with pytest.raises(TypeError, match="messages"):
        await async_client.agents.chat("a", [1])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="messages"):
        await async_client.agents.chat("a", [])
    with pytest.raises(TypeError, match="cursor"):
        await async_client.agents.chat("a", Message("x"), cursor=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="actions"):
        await async_client.agents.chat("a", Message("x"), actions=["x"])  # type: ignore[list-item]
    assert fake_cdf.calls() == []


# ---------------------------------------------------------------------------------------------- AI documents


async def test_summarize_by_each_identifier(
    async_client: AsyncCogniteClient, routed_cdf: Callable[[dict[str, Any]], FakeCDF]
) -> None:
    cdf = routed_cdf({"POST /ai/tools/documents/summarize": lambda b: {"items": [{**b["items"][0], "summary": "S"}]}})
    assert (await async_client.ai.tools.documents.summarize(id=1)).id == 1
    assert (await async_client.ai.tools.documents.summarize(external_id="x")).external_id == "x"
    got = await async_client.ai.tools.documents.summarize(instance_id=NodeId("s", "x"))
    assert got.instance_id == NodeId("s", "x") and got.summary == "S"
    assert [c.body for c in cdf.calls()] == [
        {"items": [{"id": 1}]}, {"items": [{"externalId": "x"}]},
        {"items": [{"instanceId": {"space": "s", "externalId": "x"}}]},
    ]  # fmt: skip
    with pytest.raises(ValueError, match="Exactly one"):
        await async_client.ai.tools.documents.summarize(id=1, external_id="x")
    with pytest.raises(ValueError, match="Exactly one"):
        await async_client.ai.tools.documents.summarize()


async def test_ask_question_sends_documents_language_and_context(
    async_client: AsyncCogniteClient, routed_cdf: Callable[[dict[str, Any]], FakeCDF]
) -> None:
    cdf = routed_cdf({"POST /ai/tools/documents/ask": {"content": [{"text": "T", "references": []}]}})
    answer = await async_client.ai.tools.documents.ask_question(
        "Why?", id=[1, 2], external_id="x", instance_id=[NodeId("s", "y")], language="German",
        additional_context="Only about pumps", ignore_unknown_ids=True,
    )  # fmt: skip
    assert answer.full_answer == "T"
    assert cdf.calls()[0].body == {
        "question": "Why?", "language": "German", "additionalContext": "Only about pumps", "ignoreUnknownIds": True,
        "fileIds": [{"id": 1}, {"id": 2}, {"externalId": "x"}, {"instanceId": {"space": "s", "externalId": "y"}}],
    }  # fmt: skip
    await async_client.ai.tools.documents.ask_question("Q", id=1, language=AnswerLanguage.French)
    assert cdf.calls()[1].body == {"question": "Q", "fileIds": [{"id": 1}], "language": "French"}


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"question": ""}, ValueError, "question"),
        ({"question": 1}, TypeError, "question"),
        ({"language": "Klingon"}, ValueError, "language"),
        ({"additional_context": "short"}, ValueError, "additional_context"),
        ({"ignore_unknown_ids": 1}, TypeError, "ignore_unknown_ids"),
        ({"id": None}, ValueError, "at least one"),
        ({"id": list(range(101))}, ValueError, "at most 100"),
    ],
)
async def test_ask_question_rejects_bad_input_before_any_request(
    async_client: AsyncCogniteClient, fake_cdf: FakeCDF, kwargs: dict[str, Any], error: type, match: str
) -> None:
    args: dict[str, Any] = {"question": "Q", "id": 1, **kwargs}
    with pytest.raises(error, match=match):
        await async_client.ai.tools.documents.ask_question(**args)
    assert fake_cdf.calls() == []


def test_sync_client_has_the_same_methods(sync_client: CogniteClient, routed_cdf: Callable[..., FakeCDF]) -> None:
    routed_cdf({"GET /ai/agents": {"items": [_AGENT]}})
    assert sync_client.agents.list().as_external_ids() == ["a"]
    assert callable(sync_client.ai.tools.documents.ask_question)
