"""The Agents API (``/ai/agents``): upsert, retrieve, list and delete Atlas AI agents, and chat with them.

Agents are identified by external id. An upsert carries one agent per request (the API takes exactly one), so a
list of agents is sent as concurrent requests of one agent each; retrieve and delete take up to 1000 external ids per
request. A chat is one request; the cursor of an answer continues the conversation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, overload

import msgspec

from cognite.client._api_client import APIClient, IdentifierSequence, check_type
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.agents import (
    Action,
    ActionResult,
    Agent,
    AgentChatResponse,
    AgentList,
    AgentUpsert,
    Message,
)
from cognite.client.data_classes.agents.chat import actions_wire, messages_wire

__all__ = ["AgentsAPI"]


class AgentsAPI(APIClient[Agent, AgentList]):
    """Atlas AI agents: create or update them, read them, delete them, and chat with them.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.agents import AgentUpsert, Message
        >>> with emulated_client() as client:
        ...     _ = client.agents.upsert(AgentUpsert("helper", "Helper"))
        ...     client.agents.chat("helper", Message("Hello there")).text
        'You said: "Hello there". I am Helper (helper) and have no tools.'
    """

    _RESOURCE_PATH = "/ai/agents"
    _RESOURCE_CLS = Agent
    _LIST_CLS = AgentList
    _CREATE_LIMIT = 1
    _RETRIEVE_LIMIT = 1000
    _DELETE_LIMIT = 1000

    @overload
    async def upsert(self, agents: AgentUpsert) -> Agent: ...
    @overload
    async def upsert(self, agents: Sequence[AgentUpsert]) -> AgentList: ...
    async def upsert(self, agents: AgentUpsert | Sequence[AgentUpsert]) -> Agent | AgentList:
        """Create or update one or more agents (an agent with the same external id is replaced).

        Args:
            agents: An agent or a list of agents (``AgentUpsert``, or ``Agent`` objects as read).

        Returns:
            The agent as stored, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.agents import AgentUpsert, AskDocumentAgentToolUpsert
            >>> with emulated_client() as client:
            ...     agent = client.agents.upsert(
            ...         AgentUpsert("doc_agent", "Documents", tools=[AskDocumentAgentToolUpsert("ask", "Ask a PDF")]))
            ...     type(agent.tools[0]).__name__
            'AskDocumentAgentTool'
        """
        single = isinstance(agents, AgentUpsert | Agent)
        items = [agents] if single else agents
        if not isinstance(items, Sequence) or isinstance(items, str):
            raise TypeError(f"agents must be an AgentUpsert or a list of them, not {type(agents).__name__}")
        for item in items:
            if not isinstance(item, AgentUpsert | Agent):
                raise TypeError(f"agents must contain AgentUpsert objects, not {type(item).__name__}")
        if not items:
            return AgentList([])
        return await self._create_multiple(  # type: ignore[no-any-return]
            agents if single else list(items), input_name="agents", retryable=True
        )

    @overload
    async def retrieve(self, external_ids: str, ignore_unknown_ids: bool = False) -> Agent | None: ...
    @overload
    async def retrieve(self, external_ids: SequenceNotStr[str], ignore_unknown_ids: bool = False) -> AgentList: ...
    async def retrieve(
        self, external_ids: str | SequenceNotStr[str], ignore_unknown_ids: bool = False
    ) -> Agent | AgentList | None:
        """Retrieve one or more agents by external id.

        Args:
            external_ids: One external id (gives the agent or None) or a list of them (gives a list).
            ignore_unknown_ids: Leave out external ids that do not exist instead of raising.

        Returns:
            The agent (None if it does not exist), or a list for a list.

        Raises:
            CogniteNotFoundError: Some external ids do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.agents.retrieve("missing") is None
            True
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(external_ids=external_ids)
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def list(self) -> AgentList:
        """List every agent of the project.

        Returns:
            The agents.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.agents import AgentUpsert
            >>> with emulated_client() as client:
            ...     _ = client.agents.upsert([AgentUpsert("a", "A"), AgentUpsert("b", "B")])
            ...     sorted(client.agents.list().as_external_ids())
            ['a', 'b']
        """
        resp = await self._get(self._RESOURCE_PATH)
        return self._make_list(self._decode_items(resp.content).items)  # type: ignore[no-any-return]

    async def delete(self, external_ids: str | SequenceNotStr[str], ignore_unknown_ids: bool = False) -> None:
        """Delete one or more agents.

        Args:
            external_ids: The external id(s).
            ignore_unknown_ids: Do not raise for external ids that do not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.agents import AgentUpsert
            >>> with emulated_client() as client:
            ...     _ = client.agents.upsert(AgentUpsert("a", "A"))
            ...     client.agents.delete("a")
            ...     len(client.agents.list())
            0
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(external_ids=external_ids)
        await self._delete_multiple(identifiers, ignore_unknown_ids=ignore_unknown_ids)

    async def chat(
        self,
        agent_external_id: str,
        messages: Message | ActionResult | Sequence[Message | ActionResult],
        cursor: str | None = None,
        actions: Sequence[Action] | None = None,
    ) -> AgentChatResponse:
        """Send messages to an agent and get its answer.

        Args:
            agent_external_id: The agent.
            messages: A message, an action result (the answer to an action the agent called), or a list of them.
            cursor: The cursor of the previous answer, to continue that conversation (no need to resend it).
            actions: Tools the client runs itself (``ClientToolAction``) that the agent may call.

        Returns:
            The answer: its ``text``, ``messages``, ``action_calls`` and the ``cursor`` to continue with.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.agents import AgentUpsert, ClientToolAction, Message
            >>> with emulated_client() as client:
            ...     _ = client.agents.upsert(AgentUpsert("calc", "Calculator"))
            ...     add = ClientToolAction("add", "Adds numbers", {"type": "object", "properties": {}})
            ...     first = client.agents.chat("calc", Message("add 1 and 2"), actions=[add])
            ...     [call.name for call in first.action_calls]
            ['add']
        """
        if not isinstance(agent_external_id, str) or not agent_external_id:
            raise TypeError(f"agent_external_id must be a non-empty str, not {agent_external_id!r}")
        check_type(cursor, str, "cursor")
        wire_messages = messages_wire(messages)
        if not wire_messages:
            raise ValueError("messages must hold at least one message")
        body: dict[str, Any] = {"agentExternalId": agent_external_id, "messages": wire_messages}
        if cursor is not None:
            body["cursor"] = cursor
        wire_actions = actions_wire(actions)
        if wire_actions:
            body["actions"] = wire_actions
        resp = await self._post(self._RESOURCE_PATH + "/chat", json=body)
        answer: AgentChatResponse = AgentChatResponse.load(msgspec.json.decode(resp.content))
        return answer
