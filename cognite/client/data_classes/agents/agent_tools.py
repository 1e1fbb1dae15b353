"""The tools of Atlas AI agents: one class per tool type (``type`` on the wire), as read and as written.

A tool of a type this SDK version does not know loads as :class:`UnknownAgentTool` (its type and configuration kept
as they are), so reading an agent and upserting it again never loses a tool.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResourceList,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
)
from cognite.client.data_classes.agents._kinds import Kinds

__all__ = [
    "AgentTool",
    "AgentToolCore",
    "AgentToolList",
    "AgentToolUpsert",
    "AgentToolUpsertList",
    "AskDocumentAgentTool",
    "AskDocumentAgentToolUpsert",
    "CogniteResourceList",
    "DataModelInfo",
    "InstanceSpaces",
    "QueryAgentTool",
    "QueryAgentToolConfiguration",
    "QueryAgentToolUpsert",
    "QueryKnowledgeGraphAgentTool",
    "QueryKnowledgeGraphAgentToolConfiguration",
    "QueryKnowledgeGraphAgentToolUpsert",
    "QueryTimeSeriesDatapointsAgentTool",
    "QueryTimeSeriesDatapointsAgentToolUpsert",
    "Subagent",
    "SubagentList",
    "SummarizeDocumentAgentTool",
    "SummarizeDocumentAgentToolUpsert",
    "UnknownAgentTool",
    "UnknownAgentToolUpsert",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]


# ------------------------------------------------------------------------------------------------ configuration


class DataModelInfo(WriteableCogniteResource["DataModelInfo"]):
    """A data model (and optionally some of its views) a query tool may read.

    Args:
        space: The space of the data model.
        external_id: Its external id.
        version: Its version.
        view_external_ids: The views of it the tool may use (None: all).

    Example:
        >>> from cognite.client.data_classes.agents import DataModelInfo
        >>> DataModelInfo("cdf_cdm", "CogniteCore", "v1", ["CogniteAsset"]).dump()
        {'space': 'cdf_cdm', 'externalId': 'CogniteCore', 'version': 'v1', 'viewExternalIds': ['CogniteAsset']}
    """

    space: str
    external_id: str
    version: str
    view_external_ids: list[str] | None = None

    def as_write(self) -> DataModelInfo:
        """Return the object itself (it is its own write form)."""
        return self


class InstanceSpaces(WriteableCogniteResource["InstanceSpaces"]):
    """The instance spaces a query tool may read: ``type="all"``, or ``type="manual"`` with a list of ``spaces``.

    Args:
        type: "all" or "manual".
        spaces: The spaces (with "manual").
    """

    type: Literal["all", "manual"] | str
    spaces: list[str] | None = None

    def as_write(self) -> InstanceSpaces:
        """Return the object itself (it is its own write form)."""
        return self


class QueryAgentToolConfiguration(WriteableCogniteResource["QueryAgentToolConfiguration"]):
    """What a query tool may read.

    Args:
        data_models: The data models.
        instance_spaces: The instance spaces.
    """

    data_models: list[DataModelInfo] | None = None
    instance_spaces: InstanceSpaces | None = None

    def as_write(self) -> QueryAgentToolConfiguration:
        """Return the object itself (it is its own write form)."""
        return self


class QueryKnowledgeGraphAgentToolConfiguration(WriteableCogniteResource["QueryKnowledgeGraphAgentToolConfiguration"]):
    """What a knowledge-graph query tool may read.

    Args:
        data_models: The data models.
        instance_spaces: The instance spaces.
        version: The version of the tool's query engine (e.g. "v1", "v2").
    """

    data_models: list[DataModelInfo] | None = None
    instance_spaces: InstanceSpaces | None = None
    version: str | None = None

    def as_write(self) -> QueryKnowledgeGraphAgentToolConfiguration:
        """Return the object itself (it is its own write form)."""
        return self


# ------------------------------------------------------------------------------------------------ bases


class AgentToolCore(Kinds):
    """What every agent tool has: a ``name`` and a ``description`` (the agent reads it to pick its tools)."""

    __slots__ = ()
    _WHAT = "agent tool"


class AgentToolUpsert(AgentToolCore):
    """Base of the agent tools to upsert; ``AgentToolUpsert.load`` picks the class by ``type``.

    Example:
        >>> from cognite.client.data_classes.agents import AgentToolUpsert
        >>> AgentToolUpsert.load({"type": "askDocument", "name": "ask", "description": "Ask a document"})
        AskDocumentAgentToolUpsert(name='ask', description='Ask a document')
    """

    __slots__ = ()

    def as_write(self) -> AgentToolUpsert:
        """Return the object itself (it is its own write form)."""
        return self


class AgentTool(AgentToolCore):
    """Base of the agent tools as read; ``AgentTool.load`` picks the class by ``type`` (an unknown type gives
    :class:`UnknownAgentTool`).

    Example:
        >>> from cognite.client.data_classes.agents import AgentTool
        >>> tool = AgentTool.load({"type": "runPython", "name": "py", "description": "Run code", "configuration": {}})
        >>> type(tool).__name__, tool.type
        ('UnknownAgentTool', 'runPython')
    """

    __slots__ = ()

    def as_write(self) -> AgentToolUpsert:
        """Return the write form of the tool."""
        raise NotImplementedError


class _Tool(CogniteObject, tag_field="type"):
    name: str
    description: str

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        return cls.load(data)


class _ToolRead(WriteableCogniteResource[Any], tag_field="type"):
    name: str
    description: str

    _WRITE: ClassVar[type[Any]]

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        return cls.load(data)

    def as_write(self) -> Any:
        """Return the write form of the tool."""
        config = getattr(self, "configuration", None)
        if config is not None:
            return self._WRITE(self.name, self.description, config)
        return self._WRITE(self.name, self.description)


# ------------------------------------------------------------------------------------------------ upserts


class SummarizeDocumentAgentToolUpsert(_Tool, AgentToolUpsert, tag="summarizeDocument"):  # type: ignore[misc]
    """A tool that summarizes documents, to upsert.

    Args:
        name: The name of the tool.
        description: What the tool does (the agent reads it).
    """


class AskDocumentAgentToolUpsert(_Tool, AgentToolUpsert, tag="askDocument"):  # type: ignore[misc]
    """A tool that answers questions about documents, to upsert.

    Args:
        name: The name of the tool.
        description: What the tool does (the agent reads it).
    """


class QueryTimeSeriesDatapointsAgentToolUpsert(_Tool, AgentToolUpsert, tag="queryTimeSeriesDatapoints"):  # type: ignore[misc]
    """A tool that reads datapoints of time series, to upsert.

    Args:
        name: The name of the tool.
        description: What the tool does (the agent reads it).
    """


class QueryKnowledgeGraphAgentToolUpsert(_Tool, AgentToolUpsert, tag="queryKnowledgeGraph"):  # type: ignore[misc]
    """A tool that queries the knowledge graph (data-modeling instances), to upsert.

    Args:
        name: The name of the tool.
        description: What the tool does (the agent reads it).
        configuration: The data models and instance spaces it may read.

    Example:
        >>> from cognite.client.data_classes.agents import (
        ...     DataModelInfo, QueryKnowledgeGraphAgentToolConfiguration, QueryKnowledgeGraphAgentToolUpsert)
        >>> QueryKnowledgeGraphAgentToolUpsert("find assets", "Finds assets", QueryKnowledgeGraphAgentToolConfiguration(
        ...     [DataModelInfo("cdf_cdm", "CogniteCore", "v1")])).dump()["configuration"]
        {'dataModels': [{'space': 'cdf_cdm', 'externalId': 'CogniteCore', 'version': 'v1'}]}
    """

    configuration: QueryKnowledgeGraphAgentToolConfiguration | None = None


class QueryAgentToolUpsert(_Tool, AgentToolUpsert, tag="query"):  # type: ignore[misc]
    """A tool that queries data-modeling instances (the generic query tool), to upsert.

    Args:
        name: The name of the tool.
        description: What the tool does (the agent reads it).
        configuration: The data models and instance spaces it may read.
    """

    configuration: QueryAgentToolConfiguration | None = None


class UnknownAgentToolUpsert(CogniteObject, AgentToolUpsert):  # type: ignore[misc]
    """A tool of a type this SDK version has no class for, to upsert as it is.

    Args:
        name: The name of the tool.
        description: What the tool does.
        type: The tool type (wire name).
        configuration: The configuration, as on the wire.

    Example:
        >>> from cognite.client.data_classes.agents import UnknownAgentToolUpsert
        >>> UnknownAgentToolUpsert("py", "Runs code", "runPython", {"timeout": 5}).dump()
        {'name': 'py', 'description': 'Runs code', 'type': 'runPython', 'configuration': {'timeout': 5}}
    """

    name: str
    description: str
    type: str
    configuration: dict[str, Any] | None = None

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        return cls.load(data)


# ------------------------------------------------------------------------------------------------ read


class SummarizeDocumentAgentTool(_ToolRead, AgentTool, tag="summarizeDocument"):  # type: ignore[misc]
    """A tool that summarizes documents.

    Args:
        name: The name of the tool.
        description: What the tool does.
    """

    _WRITE = SummarizeDocumentAgentToolUpsert


class AskDocumentAgentTool(_ToolRead, AgentTool, tag="askDocument"):  # type: ignore[misc]
    """A tool that answers questions about documents.

    Args:
        name: The name of the tool.
        description: What the tool does.
    """

    _WRITE = AskDocumentAgentToolUpsert


class QueryTimeSeriesDatapointsAgentTool(_ToolRead, AgentTool, tag="queryTimeSeriesDatapoints"):  # type: ignore[misc]
    """A tool that reads datapoints of time series.

    Args:
        name: The name of the tool.
        description: What the tool does.
    """

    _WRITE = QueryTimeSeriesDatapointsAgentToolUpsert


class QueryKnowledgeGraphAgentTool(_ToolRead, AgentTool, tag="queryKnowledgeGraph"):  # type: ignore[misc]
    """A tool that queries the knowledge graph.

    Args:
        name: The name of the tool.
        description: What the tool does.
        configuration: The data models and instance spaces it may read.
    """

    configuration: QueryKnowledgeGraphAgentToolConfiguration | None = None
    _WRITE = QueryKnowledgeGraphAgentToolUpsert


class QueryAgentTool(_ToolRead, AgentTool, tag="query"):  # type: ignore[misc]
    """A tool that queries data-modeling instances (the generic query tool).

    Args:
        name: The name of the tool.
        description: What the tool does.
        configuration: The data models and instance spaces it may read.
    """

    configuration: QueryAgentToolConfiguration | None = None
    _WRITE = QueryAgentToolUpsert


class UnknownAgentTool(WriteableCogniteResource[UnknownAgentToolUpsert], AgentTool):  # type: ignore[misc]
    """A tool of a type this SDK version has no class for: its type and configuration are kept as read.

    Args:
        name: The name of the tool.
        description: What the tool does.
        type: The tool type (wire name).
        configuration: The configuration, as on the wire.
    """

    name: str
    description: str
    type: str
    configuration: dict[str, Any] | None = None

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        return cls.load(data)

    def as_write(self) -> UnknownAgentToolUpsert:
        """Return the write form (the same type and configuration)."""
        return UnknownAgentToolUpsert(self.name, self.description, self.type, self.configuration)


AgentTool._OPTIONS = {
    "summarizeDocument": SummarizeDocumentAgentTool,
    "askDocument": AskDocumentAgentTool,
    "queryTimeSeriesDatapoints": QueryTimeSeriesDatapointsAgentTool,
    "queryKnowledgeGraph": QueryKnowledgeGraphAgentTool,
    "query": QueryAgentTool,
}
AgentTool._UNKNOWN = UnknownAgentTool
AgentToolUpsert._OPTIONS = {
    "summarizeDocument": SummarizeDocumentAgentToolUpsert,
    "askDocument": AskDocumentAgentToolUpsert,
    "queryTimeSeriesDatapoints": QueryTimeSeriesDatapointsAgentToolUpsert,
    "queryKnowledgeGraph": QueryKnowledgeGraphAgentToolUpsert,
    "query": QueryAgentToolUpsert,
}
AgentToolUpsert._UNKNOWN = UnknownAgentToolUpsert


# ------------------------------------------------------------------------------------------------ subagents


class Subagent(WriteableCogniteResource["Subagent"]):
    """Another agent an agent may delegate to.

    Args:
        agent_external_id: The external id of that agent.
    """

    agent_external_id: str

    def as_write(self) -> Subagent:
        """Return the object itself (it is its own write form)."""
        return self


# ------------------------------------------------------------------------------------------------ lists


def _load_items(kinds: type[Kinds], items: Any) -> list[Any]:
    return [kinds._load_wire(x) if isinstance(x, Mapping) else x for x in items]


class AgentToolUpsertList(CogniteResourceList[Any]):
    """A list of agent tools to upsert.

    Args:
        resources: The tools (objects, or dicts loaded by their ``type``).
        cognite_client: Not used.
    """

    _RESOURCE = AgentToolUpsert  # type: ignore[assignment]

    def __init__(self, resources: Any = (), cognite_client: Any = None) -> None:
        super().__init__(_load_items(AgentToolUpsert, resources), cognite_client)


class AgentToolList(WriteableCogniteResourceList[Any, Any]):
    """A list of agent tools as read.

    Args:
        resources: The tools (objects, or dicts loaded by their ``type``).
        cognite_client: Not used.
    """

    _RESOURCE = AgentTool  # type: ignore[assignment]
    _WRITE_LIST = AgentToolUpsertList

    def __init__(self, resources: Any = (), cognite_client: Any = None) -> None:
        super().__init__(_load_items(AgentTool, resources), cognite_client)


class SubagentList(CogniteResourceList[Subagent]):
    """A list of subagents.

    Args:
        resources: The subagents.
        cognite_client: Not used.
    """

    _RESOURCE = Subagent
