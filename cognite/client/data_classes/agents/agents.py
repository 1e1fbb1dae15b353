"""Atlas AI agents: the agent as read (:class:`Agent`) and as upserted (:class:`AgentUpsert`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResourceList,
    ExternalIDTransformerMixin,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
)
from cognite.client.data_classes.agents.agent_tools import (
    AgentTool,
    AgentToolList,
    AgentToolUpsert,
    AgentToolUpsertList,
    Subagent,
    SubagentList,
)

__all__ = [
    "Agent",
    "AgentCore",
    "AgentList",
    "AgentTool",
    "AgentToolList",
    "AgentToolUpsert",
    "AgentToolUpsertList",
    "AgentUpsert",
    "AgentUpsertList",
    "CogniteResourceList",
    "ExternalIDTransformerMixin",
    "Subagent",
    "SubagentList",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]


class AgentCore(CogniteObject):
    """What agents as read and as upserted share.

    Args:
        external_id: The external id of the agent.
        name: Its name.
        description: What it is for.
        instructions: The instructions the language model follows.
        model: The language model, e.g. ``"azure/gpt-4.1"``.
        runtime_version: The version of the agent runtime.
        labels: Labels.
    """

    external_id: str
    name: str
    description: str | None = None
    instructions: str | None = None
    model: str | None = None
    runtime_version: str | None = None
    labels: list[str] | None = None


def _tools(tools: Any, kinds: Any, name: str) -> Any:
    if tools is None:
        return None
    out = []
    for tool in tools:
        if isinstance(tool, Mapping):
            tool = kinds._load_wire(tool)
        if not isinstance(tool, kinds):
            raise TypeError(f"{name} must hold {kinds.__name__} objects, not {type(tool).__name__}")
        out.append(tool)
    return out


def _subagents(subagents: Any) -> Any:
    if subagents is None:
        return None
    return [Subagent.load(dict(s)) if isinstance(s, Mapping) else s for s in subagents]


class AgentUpsert(CogniteObject):
    """An agent to create or update (upsert: an agent with the same external id is replaced).

    Args:
        external_id: The external id of the agent.
        name: Its name.
        description: What it is for.
        instructions: The instructions the language model follows.
        model: The language model, e.g. ``"azure/gpt-4.1"``.
        runtime_version: The version of the agent runtime.
        labels: Labels.
        tools: Its tools (``...AgentToolUpsert`` objects, or dicts loaded by their ``type``).
        subagents: Other agents it may delegate to.

    Example:
        >>> from cognite.client.data_classes.agents import AgentUpsert, AskDocumentAgentToolUpsert
        >>> AgentUpsert("my_agent", "My agent", tools=[AskDocumentAgentToolUpsert("ask", "Ask a PDF")]).dump()
        {'externalId': 'my_agent', 'name': 'My agent', 'tools': [{'type': 'askDocument', 'name': 'ask', 'description': 'Ask a PDF'}]}
    """

    external_id: str
    name: str
    description: str | None = None
    instructions: str | None = None
    model: str | None = None
    runtime_version: str | None = None
    labels: list[str] | None = None
    tools: list[AgentToolUpsert] | None = None
    subagents: list[Subagent] | None = None

    def __post_init__(self) -> None:
        self.tools = _tools(self.tools, AgentToolUpsert, "tools")
        self.subagents = _subagents(self.subagents)

    def as_write(self) -> AgentUpsert:
        """Return the object itself (it is its own write form)."""
        return self


class Agent(WriteableCogniteResource[AgentUpsert]):
    """An Atlas AI agent, as read.

    Args:
        external_id: The external id of the agent.
        name: Its name.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        description: What it is for.
        instructions: The instructions the language model follows.
        model: The language model.
        runtime_version: The version of the agent runtime.
        labels: Labels.
        tools: Its tools (an unknown tool type loads as ``UnknownAgentTool``).
        subagents: Other agents it may delegate to.
        owner_id: The id of the principal that owns it.
    """

    external_id: str
    name: str
    created_time: int = 0
    last_updated_time: int = 0
    description: str | None = None
    instructions: str | None = None
    model: str | None = None
    runtime_version: str | None = None
    labels: list[str] | None = None
    tools: list[AgentTool] | None = None
    subagents: list[Subagent] | None = None
    owner_id: str | None = None

    def __post_init__(self) -> None:
        self.tools = _tools(self.tools, AgentTool, "tools")
        self.subagents = _subagents(self.subagents)

    def as_write(self) -> AgentUpsert:
        """Return the write form of the agent (what ``agents.upsert`` takes)."""
        return AgentUpsert(
            self.external_id, self.name, self.description, self.instructions, self.model, self.runtime_version,
            None if self.labels is None else list(self.labels),
            None if self.tools is None else [t.as_write() for t in self.tools],
            None if self.subagents is None else list(self.subagents),
        )  # fmt: skip


class AgentUpsertList(CogniteResourceList[AgentUpsert], ExternalIDTransformerMixin):
    """A list of agents to upsert.

    Args:
        resources: The agents.
        cognite_client: Not used.
    """

    _RESOURCE = AgentUpsert


class AgentList(WriteableCogniteResourceList[AgentUpsert, Agent], ExternalIDTransformerMixin):
    """A list of agents.

    Args:
        resources: The agents.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = Agent
    _WRITE_LIST = AgentUpsertList
