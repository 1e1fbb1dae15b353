"""End to end: every agents and AI document tools method, SDK against the emulator over loopback HTTP.

The emulator (``conftest.py``) validates every request and response against the CDF spec, so a wrong body fails here too.
"""

from __future__ import annotations

import doctest

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes.agents import (
    AgentUpsert,
    AskDocumentAgentToolUpsert,
    ClientToolAction,
    ClientToolCall,
    ClientToolResult,
    DataModelInfo,
    Message,
    QueryKnowledgeGraphAgentTool,
    QueryKnowledgeGraphAgentToolConfiguration,
    QueryKnowledgeGraphAgentToolUpsert,
    ToolConfirmationResult,
    UnknownAgentTool,
    UnknownAgentToolUpsert,
)
from cognite.client.data_classes.ai import NodeId
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError
from cognite.client.testing import CDFEmulator


def test_agents_lifecycle_and_lossless_tools(config: ClientConfig, emulator: CDFEmulator) -> None:
    with CogniteClient(config) as client:
        kg = QueryKnowledgeGraphAgentToolUpsert("assets", "Find assets", QueryKnowledgeGraphAgentToolConfiguration(
            [DataModelInfo("cdf_cdm", "CogniteCore", "v1", ["CogniteAsset"])]))  # fmt: skip
        future = UnknownAgentToolUpsert("py", "Runs Python", "runPython", {"timeout": 5})
        agents = client.agents.upsert([AgentUpsert("a", "A", tools=[kg, future]), AgentUpsert("b", "B")])
        assert agents.as_external_ids() == ["a", "b"]
        a = client.agents.retrieve("a")
        assert a is not None and a.owner_id
        assert isinstance(a.tools[0], QueryKnowledgeGraphAgentTool)  # type: ignore[index]
        assert isinstance(a.tools[1], UnknownAgentTool) and a.tools[1].configuration == {"timeout": 5}  # type: ignore[index]
        again = client.agents.upsert(a.as_write())  # read -> write -> upsert loses nothing
        assert again.tools == a.tools and again.created_time == a.created_time
        renamed = client.agents.upsert(AgentUpsert("a", "Renamed"))
        assert renamed.name == "Renamed" and renamed.tools is None
        assert sorted(client.agents.list().as_external_ids()) == ["a", "b"]
        assert client.agents.retrieve(["a", "zz"], ignore_unknown_ids=True).as_external_ids() == ["a"]
        with pytest.raises(CogniteNotFoundError):
            client.agents.retrieve(["a", "zz"])
        client.agents.delete(["a", "zz"], ignore_unknown_ids=True)
        with pytest.raises(CogniteNotFoundError):
            client.agents.delete("zz")
        assert client.agents.list().as_external_ids() == ["b"]
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


async def test_chat_continues_with_the_cursor_and_answers_actions(config: ClientConfig, emulator: CDFEmulator) -> None:
    async with AsyncCogniteClient(config) as client:
        await client.agents.upsert(AgentUpsert("helper", "Helper", tools=[AskDocumentAgentToolUpsert("ask", "Ask")]))
        first = await client.agents.chat("helper", Message("Hello"))
        assert first.text == 'You said: "Hello". I am Helper (helper) and can use the tools: ask (askDocument).'
        second = await client.agents.chat("helper", Message("Again"), cursor=first.cursor)
        assert second.text is not None and second.text.endswith('Earlier you said: "Hello".')
        assert second.cursor != first.cursor
        offered = ClientToolAction("lookup", "Looks up", {"type": "object", "properties": {}})
        called = await client.agents.chat("helper", Message("find P-1"), cursor=second.cursor, actions=[offered])
        (call,) = called.action_calls
        assert isinstance(call, ClientToolCall) and call.name == "lookup" and call.arguments == {"input": "find P-1"}
        answered = await client.agents.chat(
            "helper", [ClientToolResult(call.action_id, "P-1 is a pump"), ToolConfirmationResult("x", "DENY")],
            cursor=called.cursor,
        )  # fmt: skip
        assert answered.text == f"Action {call.action_id}: P-1 is a pump. Action x: DENY."
        with pytest.raises(CogniteAPIError, match="cursor"):
            await client.agents.chat("helper", Message("x"), cursor="not-a-cursor")
        with pytest.raises(CogniteAPIError):
            await client.agents.chat("nobody", Message("x"))
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


async def test_document_tools_read_the_documents(config: ClientConfig, emulator: CDFEmulator) -> None:
    async with AsyncCogniteClient(config) as client:
        text = b"Pump P-1 feeds tank T-2. The tank holds water.\nValves are shut at night. Nothing else happens."
        f = await client.files.upload_bytes(text, name="plant.txt", external_id="plant")
        other = await client.files.upload_bytes(b"The pump is red.", name="red.txt")
        docs = client.ai.tools.documents
        summary = await docs.summarize(external_id="plant")
        assert summary.external_id == "plant"
        assert summary.summary == "Pump P-1 feeds tank T-2. The tank holds water. Valves are shut at night."
        answer = await docs.ask_question("Which tank does the pump feed?", id=[f.id, other.id], language="English")
        assert [p.text for p in answer.content] == [
            "Pump P-1 feeds tank T-2.",
            "The tank holds water.",
            "The pump is red.",
        ]
        # both sentences of the first line share one reference (page 1, the band of line 1 of 2)
        assert [r.file_name for r in answer.all_references] == ["plant.txt", "red.txt"]
        assert answer.content[1].references[0].locations[0].bottom == 0.5
        none = await docs.ask_question("Anything about compressors?", id=f.id)
        assert none.full_answer == "No answer was found in the documents." and none.all_references == []
        with pytest.raises(CogniteAPIError) as err:
            await docs.ask_question("Q?", id=[f.id, 123])
        assert err.value.missing == [{"id": 123}]
        partial = await docs.ask_question("pump?", id=[f.id, 123], ignore_unknown_ids=True)
        assert partial.full_answer == "Pump P-1 feeds tank T-2."
        with pytest.raises(CogniteAPIError):
            await docs.summarize(instance_id=NodeId("s", "missing"))
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.agents as agents_api
    import cognite.client._api.ai as ai_api
    import cognite.client.data_classes.agents.agent_tools as tools_classes
    import cognite.client.data_classes.agents.agents as agents_classes
    import cognite.client.data_classes.agents.chat as chat_classes
    import cognite.client.data_classes.ai as ai_classes

    for module in (agents_api, ai_api, tools_classes, agents_classes, chat_classes, ai_classes):
        finder = doctest.DocTestFinder(exclude_empty=True)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module, module.__name__) if t.examples]
        assert tests, module.__name__
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
