"""Contract tests: every request the agents and AI document tools APIs send validates against the CDF OpenAPI spec
(the agents operations are errata of the spec, see ``testing/_spec_agents.py``).

Each method is called with every parameter it has, every tool kind and every message, action and result kind is
sent, so each field of each request body is checked.
"""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes.agents import (
    AgentUpsert,
    AskDocumentAgentToolUpsert,
    ClientToolAction,
    ClientToolResult,
    DataModelInfo,
    ImageContent,
    InstanceSpaces,
    Message,
    QueryAgentToolConfiguration,
    QueryAgentToolUpsert,
    QueryKnowledgeGraphAgentToolConfiguration,
    QueryKnowledgeGraphAgentToolUpsert,
    QueryTimeSeriesDatapointsAgentToolUpsert,
    Subagent,
    SummarizeDocumentAgentToolUpsert,
    ToolConfirmationResult,
    UnknownAgentToolUpsert,
    UserSessionResult,
)
from cognite.client.data_classes.ai import NodeId
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

_AGENT = {"externalId": "a", "name": "A", "createdTime": 0, "lastUpdatedTime": 0}
_CHAT = {"agentExternalId": "a", "response": {"type": "result", "cursor": "c", "messages": [
    {"role": "agent", "content": {"type": "text", "text": "t"}, "actions": [
        {"type": "clientTool", "actionId": "1", "clientTool": {"name": "add", "arguments": "{}"}}]}]}}  # fmt: skip


class AgentsAICDF(SpecCheckedCDF):
    """Answers agents and AI document tool requests with valid canned bodies."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if template == "/ai/agents/delete":
            return 200, {}
        if template == "/ai/agents/chat":
            return 200, _CHAT
        if template == "/ai/tools/documents/summarize":
            return 200, {"items": [{**body["items"][0], "summary": "s"}]}
        if template == "/ai/tools/documents/ask":
            ref = {"fileId": 1, "fileName": "f", "locations": [{"pageNumber": 1, "left": 0, "right": 1, "top": 0,
                                                                "bottom": 1}]}  # fmt: skip
            return 200, {"content": [{"text": "t", "references": [ref]}]}
        n = len(body["items"]) if isinstance(body, dict) else 2
        return 200, {"items": [_AGENT for _ in range(n)]}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> AgentsAICDF:
    return AgentsAICDF(spec)


async def test_every_agents_request_matches_the_spec(client: AsyncCogniteClient, cdf: AgentsAICDF) -> None:
    spaces = InstanceSpaces("manual", ["s"])
    tools = [
        SummarizeDocumentAgentToolUpsert("s", "d"),
        AskDocumentAgentToolUpsert("a", "d"),
        QueryTimeSeriesDatapointsAgentToolUpsert("t", "d"),
        QueryKnowledgeGraphAgentToolUpsert("k", "d", QueryKnowledgeGraphAgentToolConfiguration(
            [DataModelInfo("s", "m", "v1", ["V"])], spaces, "v2")),
        QueryAgentToolUpsert("q", "d", QueryAgentToolConfiguration([DataModelInfo("s", "m", "v1")], InstanceSpaces("all"))),
        UnknownAgentToolUpsert("u", "d", "runPython", {"x": 1}),
    ]  # fmt: skip
    full = AgentUpsert("a", "A", "desc", "instr", "azure/gpt-4.1", "1.0", ["l"], tools, [Subagent("b")])
    await client.agents.upsert([full, AgentUpsert("b", "B")])
    await client.agents.upsert(full)
    await client.agents.retrieve("a")
    await client.agents.retrieve(["a", "b"], ignore_unknown_ids=True)
    await client.agents.list()
    await client.agents.delete(["a", "b"], ignore_unknown_ids=True)
    await client.agents.delete("a")
    action = ClientToolAction("add", "Adds", {"type": "object", "properties": {"a": {"type": "number"}}})
    await client.agents.chat("a", Message("hi"), actions=[action])
    await client.agents.chat("a", [Message(ImageContent.from_bytes(b"x", "image/png")), Message("and")], cursor="c")
    await client.agents.chat(
        "a", [ClientToolResult("1", "3", [{"k": 1}]), ToolConfirmationResult("2", "ALLOW"), UserSessionResult("3", "n")],
        cursor="c",
    )  # fmt: skip
    assert cdf.errors == []
    assert cdf.seen == {("POST", "/ai/agents"), ("POST", "/ai/agents/byids"), ("GET", "/ai/agents"),
                        ("POST", "/ai/agents/delete"), ("POST", "/ai/agents/chat")}  # fmt: skip


async def test_every_ai_documents_request_matches_the_spec(client: AsyncCogniteClient, cdf: AgentsAICDF) -> None:
    docs = client.ai.tools.documents
    await docs.summarize(id=1)
    await docs.summarize(external_id="x")
    await docs.summarize(instance_id=NodeId("s", "x"))
    await docs.ask_question("Q?", id=[1, 2], external_id=["x"], instance_id=NodeId("s", "x"), language="Japanese",
                            additional_context="Context of ten+", ignore_unknown_ids=True)  # fmt: skip
    await docs.ask_question("Q?", instance_id=[NodeId("s", "y")])
    assert cdf.errors == []
    assert cdf.seen == {("POST", "/ai/tools/documents/summarize"), ("POST", "/ai/tools/documents/ask")}


def test_the_spec_rejects_what_the_api_rejects(spec: OpenAPISpec) -> None:
    two = {"items": [{"externalId": "a", "name": "A"}, {"externalId": "b", "name": "B"}]}
    assert spec.request_errors("POST", "/ai/agents", two)
    bad_tool = {"items": [{"externalId": "a", "name": "A", "tools": [{"type": "query", "name": "q", "description": "d",
                                                                      "configuration": {"dataModels": [{}]}}]}]}  # fmt: skip
    assert spec.request_errors("POST", "/ai/agents", bad_tool)
    assert spec.request_errors("POST", "/ai/agents/chat", {"agentExternalId": "a", "messages": []})
