"""Chatting with Atlas AI agents: the messages sent, the actions a client offers, and the agent's answer.

Wire shapes (``POST /ai/agents/chat``):

* a user message: ``{"role": "user", "content": {"type": "text", "text": ...}}``;
* the result of an action the agent called: ``{"role": "action", "type": "clientTool" | "toolConfirmation" |
  "userSession", "actionId": ..., ...}``;
* an action the client offers: ``{"type": "clientTool", "clientTool": {"name", "description", "parameters"}}``;
* the answer: ``{"agentExternalId", "response": {"type": "result", "cursor", "messages": [...]}}``, each message
  ``{"role": "agent", "content", "data", "reasoning", "actions"}``; an action call carries its ``actionId`` and,
  under the key named by its ``type``, its details.

Content, data items, reasoning data, actions and action calls of a kind this SDK version does not know load as the
``Unknown...`` classes, which keep their wire data and dump it back unchanged.
"""

from __future__ import annotations

import base64
import json
import mimetypes
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, Literal

from cognite.client.data_classes._base import CogniteObject, CogniteResource, CogniteResourceList
from cognite.client.data_classes.agents._kinds import Kinds

__all__ = [
    "Action",
    "ActionCall",
    "ActionResult",
    "AgentChatResponse",
    "AgentDataItem",
    "AgentMessage",
    "AgentMessageList",
    "AgentReasoningItem",
    "ClientToolAction",
    "ClientToolCall",
    "ClientToolResult",
    "CogniteResource",
    "CogniteResourceList",
    "ImageContent",
    "Message",
    "MessageContent",
    "MessageList",
    "ReasoningDataItem",
    "TextContent",
    "ToolCallDetail",
    "ToolCallReasoningDataItem",
    "ToolConfirmationCall",
    "ToolConfirmationResult",
    "UnknownAction",
    "UnknownActionCall",
    "UnknownContent",
    "UnknownReasoningDataItem",
    "UserSessionCall",
    "UserSessionResult",
]


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


def _keys(data: Mapping[str, Any], camel_case: bool) -> dict[str, Any]:
    """A wire dict with its top-level keys in snake_case unless ``camel_case``."""
    return dict(data) if camel_case else {_snake(k): v for k, v in data.items()}


def _dump(value: Any, camel_case: bool) -> Any:
    if isinstance(value, list):
        return [_dump(v, camel_case) for v in value]
    return value.dump(camel_case) if hasattr(value, "dump") else value


class _Wire(CogniteObject):
    """A chat object whose wire form is not its fields one to one: it loads and dumps itself."""

    @classmethod
    def load(cls, resource: Any, cognite_client: Any = None) -> Any:
        """Load the object from its wire form (a dict or a JSON string).

        Args:
            resource: The dictionary or JSON string.
            cognite_client: Not used.

        Returns:
            The object.
        """
        data = json.loads(resource) if isinstance(resource, str | bytes) else resource
        if not isinstance(data, Mapping):
            raise TypeError(f"Cannot load a {cls.__name__} from {data!r}: expected a dict")
        return cls._from_wire(dict(data))

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the object to its wire form.

        Args:
            camel_case: Use camelCase keys (the wire format) when True, snake_case otherwise.

        Returns:
            The dictionary.
        """
        raise NotImplementedError


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


# ------------------------------------------------------------------------------------------------ content


class MessageContent(Kinds):
    """Base of message content; ``MessageContent.load`` picks the class by ``type`` ("text", "image").

    Example:
        >>> from cognite.client.data_classes.agents import MessageContent
        >>> MessageContent.load({"type": "text", "text": "hi"})
        TextContent(text='hi')
    """

    __slots__ = ()
    _WHAT = "message content"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the content to its wire form.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        raise NotImplementedError


class TextContent(_Wire, MessageContent):
    """Text content of a message.

    Args:
        text: The text.
    """

    text: str = ""

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        return cls(str(data.get("text", "")))

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the content (``{"type": "text", "text": ...}``)."""
        return {"type": "text", "text": self.text}


class ImageContent(_Wire, MessageContent):
    """An image in a message, base64-encoded.

    Args:
        data: The image, base64-encoded.
        media_type: Its media type, e.g. ``"image/png"``.

    Example:
        >>> from cognite.client.data_classes.agents import ImageContent
        >>> ImageContent.from_bytes(b"png-bytes", "image/png").dump()
        {'type': 'image', 'data': 'cG5nLWJ5dGVz', 'mediaType': 'image/png'}
    """

    data: str
    media_type: str

    @classmethod
    def from_bytes(cls, data: bytes, media_type: str) -> ImageContent:
        """Make image content from raw bytes.

        Args:
            data: The image bytes.
            media_type: Its media type.

        Returns:
            The content.
        """
        if not isinstance(data, bytes | bytearray):
            raise TypeError(f"data must be bytes, not {type(data).__name__}")
        return cls(base64.b64encode(bytes(data)).decode("ascii"), media_type)

    @classmethod
    def from_file(cls, path: str | Path, media_type: str | None = None) -> ImageContent:
        """Make image content from an image file.

        Args:
            path: The file.
            media_type: Its media type (default: guessed from the file name).

        Returns:
            The content.
        """
        guessed = media_type or mimetypes.guess_type(str(path))[0]
        if guessed is None:
            raise ValueError(f"Cannot tell the media type of {str(path)!r}: pass media_type")
        return cls.from_bytes(Path(path).read_bytes(), guessed)

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        return cls(str(data.get("data", "")), str(data.get("mediaType", "")))

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the content (``{"type": "image", "data", "mediaType"}``)."""
        return {"type": "image", "data": self.data, ("mediaType" if camel_case else "media_type"): self.media_type}


class UnknownContent(_Wire, MessageContent):
    """Content of a kind this SDK version does not know: keeps its wire data.

    Args:
        type: The content type.
        data: The other keys, as on the wire.
    """

    type: str
    data: dict[str, Any] = {}

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        kind = data.pop("type", "")
        return cls(str(kind), data)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the content as it was read."""
        return {"type": self.type, **self.data}


MessageContent._OPTIONS = {"text": TextContent, "image": ImageContent}
MessageContent._UNKNOWN = UnknownContent


def _content(value: Any) -> MessageContent:
    if isinstance(value, str):
        return TextContent(value)
    if isinstance(value, Mapping):
        return MessageContent._load_wire(value)  # type: ignore[no-any-return]
    if not isinstance(value, MessageContent):
        raise TypeError(f"content must be a str or MessageContent, not {type(value).__name__}")
    return value


# ------------------------------------------------------------------------------------------------ messages


class Message(_Wire):
    """A message from the user to an agent.

    Args:
        content: The content: a text (str) or a ``MessageContent``.
        role: The role of the sender (only "user").

    Example:
        >>> from cognite.client.data_classes.agents import Message
        >>> Message("What is pump P-101?").dump()
        {'role': 'user', 'content': {'type': 'text', 'text': 'What is pump P-101?'}}
    """

    content: Any
    role: Literal["user"] = "user"

    def __post_init__(self) -> None:
        self.content = _content(self.content)

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        return cls(_content(data.get("content", "")), data.get("role", "user"))

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the message to its wire form."""
        return {"role": self.role, "content": self.content.dump(camel_case)}


class ActionResult(Kinds):
    """Base of the results a client sends back for the actions an agent called (as messages with role "action").

    Args:
        action_id: The id of the action call answered.
    """

    __slots__ = ()
    _WHAT = "action result"


class ClientToolResult(_Wire, ActionResult):
    """The result of a client tool the agent called.

    Args:
        action_id: The id of the action call answered.
        content: The result: a text (str) or a ``MessageContent``.
        data: Structured data of the result.

    Example:
        >>> from cognite.client.data_classes.agents import ClientToolResult
        >>> ClientToolResult("call-1", "42 °C").dump()
        {'role': 'action', 'type': 'clientTool', 'actionId': 'call-1', 'content': {'type': 'text', 'text': '42 °C'}}
    """

    action_id: str
    content: Any
    data: list[Any] | None = None

    def __post_init__(self) -> None:
        self.content = _content(self.content)

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        return cls(str(data.get("actionId", "")), _content(data.get("content", "")), data.get("data"))

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the result as an action message."""
        out = {"role": "action", "type": "clientTool", "actionId": self.action_id, "content": self.content.dump()}
        if self.data is not None:
            out["data"] = list(self.data)
        return _keys(out, camel_case)


class ToolConfirmationResult(_Wire, ActionResult):
    """The user's answer to an agent asking to confirm a tool call.

    Args:
        action_id: The id of the action call answered.
        status: "ALLOW" or "DENY".
    """

    action_id: str
    status: Literal["ALLOW", "DENY"] | str

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        return cls(str(data.get("actionId", "")), str(data.get("status", "")))

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the result as an action message."""
        out = {"role": "action", "type": "toolConfirmation", "actionId": self.action_id, "status": self.status}
        return _keys(out, camel_case)


class UserSessionResult(_Wire, ActionResult):
    """The answer to an agent asking for a user session: the nonce of a session the user created.

    Args:
        action_id: The id of the action call answered.
        nonce: The session nonce.
    """

    action_id: str
    nonce: str

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        return cls(str(data.get("actionId", "")), str(data.get("nonce", "")))

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the result as an action message."""
        out = {"role": "action", "type": "userSession", "actionId": self.action_id, "nonce": self.nonce}
        return _keys(out, camel_case)


ActionResult._OPTIONS = {
    "clientTool": ClientToolResult,
    "toolConfirmation": ToolConfirmationResult,
    "userSession": UserSessionResult,
}


class MessageList(CogniteResourceList[Message]):
    """A list of user messages.

    Args:
        resources: The messages.
        cognite_client: Not used.
    """

    _RESOURCE = Message

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every message to its wire form."""
        return [m.dump(camel_case) for m in self.data]


# ------------------------------------------------------------------------------------------------ actions


class Action(Kinds):
    """Base of the actions a client offers an agent in a chat (tools the client runs itself)."""

    __slots__ = ()
    _WHAT = "action"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the action to its wire form."""
        raise NotImplementedError


class ClientToolAction(_Wire, Action):
    """A tool the client runs itself: the agent may call it, and the client answers with a ``ClientToolResult``.

    Args:
        name: The name of the tool.
        description: What it does (the agent reads it).
        parameters: A JSON schema of its arguments (``{"type": "object", "properties": ...}``).

    Example:
        >>> from cognite.client.data_classes.agents import ClientToolAction
        >>> ClientToolAction("add", "Adds two numbers", {"type": "object", "properties": {}}).dump()["type"]
        'clientTool'
    """

    name: str
    description: str
    parameters: dict[str, Any] = {}

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        tool = data.get("clientTool") or {}
        return cls(str(tool.get("name", "")), str(tool.get("description", "")), dict(tool.get("parameters") or {}))

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the action (``{"type": "clientTool", "clientTool": {...}}``)."""
        tool = {"name": self.name, "description": self.description, "parameters": self.parameters}
        return {"type": "clientTool", ("clientTool" if camel_case else "client_tool"): tool}


class UnknownAction(_Wire, Action):
    """An action of a kind this SDK version does not know: sent as given.

    Args:
        type: The action type.
        data: The other keys, as on the wire.
    """

    type: str
    data: dict[str, Any] = {}

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        kind = data.pop("type", "")
        return cls(str(kind), data)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the action as given."""
        return {"type": self.type, **self.data}


Action._OPTIONS = {"clientTool": ClientToolAction}
Action._UNKNOWN = UnknownAction


class ActionCall(Kinds):
    """Base of the calls of actions an agent makes in its answer; ``ActionCall.load`` picks the class by ``type``.

    Args:
        action_id: The id of the call (answer it with an ``ActionResult`` of the same id).
    """

    __slots__ = ()
    _WHAT = "action call"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the call to its wire form."""
        raise NotImplementedError


class ClientToolCall(_Wire, ActionCall):
    """The agent calls a client tool.

    Args:
        action_id: The id of the call.
        name: The name of the tool.
        arguments: The arguments (decoded from the JSON string on the wire).
    """

    action_id: str
    name: str
    arguments: dict[str, Any] = {}

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        tool = data.get("clientTool") or {}
        raw = tool.get("arguments")
        args = json.loads(raw) if isinstance(raw, str) and raw else raw
        return cls(str(data.get("actionId", "")), str(tool.get("name", "")), dict(args or {}))

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the call (the arguments as a JSON string, as on the wire)."""
        tool = {"name": self.name, "arguments": json.dumps(self.arguments)}
        return _keys({"type": "clientTool", "actionId": self.action_id, "clientTool": tool}, camel_case)


_CONFIRM_FIELDS = ("content", "toolName", "toolArguments", "toolDescription", "toolType")


class ToolConfirmationCall(_Wire, ActionCall):
    """The agent asks the user to confirm a tool call; answer with a ``ToolConfirmationResult``.

    Args:
        action_id: The id of the call.
        content: What the agent says about it.
        tool_name: The tool to call.
        tool_arguments: Its arguments.
        tool_description: What the tool does.
        tool_type: The tool type.
        details: More about the call.
    """

    action_id: str
    content: Any
    tool_name: str
    tool_arguments: dict[str, Any]
    tool_description: str
    tool_type: str
    details: dict[str, Any] | None = None

    _KIND: ClassVar[str] = "toolConfirmation"

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        inner = data.get(cls._KIND) or {}
        values: list[Any] = [inner.get(k) for k in _CONFIRM_FIELDS]
        values[0] = _content(values[0] or "")
        values[1], values[3], values[4] = (str(values[i] or "") for i in (1, 3, 4))
        values[2] = dict(values[2] or {})
        extra: list[Any] = [inner.get("details")] if cls is ToolConfirmationCall else []
        return cls(str(data.get("actionId", "")), *values, *extra)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the call to its wire form."""
        inner: dict[str, Any] = {
            "content": self.content.dump(), "toolName": self.tool_name, "toolArguments": self.tool_arguments,
            "toolDescription": self.tool_description, "toolType": self.tool_type,
        }  # fmt: skip
        details = getattr(self, "details", None)
        if details is not None:
            inner["details"] = details
        return _keys({"type": self._KIND, "actionId": self.action_id, self._KIND: inner}, camel_case)


class UserSessionCall(_Wire, ActionCall):
    """The agent needs a session of the user to call a tool; answer with a ``UserSessionResult``.

    Args:
        action_id: The id of the call.
        content: What the agent says about it.
        tool_name: The tool to call.
        tool_arguments: Its arguments.
        tool_description: What the tool does.
        tool_type: The tool type.
    """

    action_id: str
    content: Any
    tool_name: str
    tool_arguments: dict[str, Any]
    tool_description: str
    tool_type: str

    _KIND: ClassVar[str] = "userSession"
    _from_wire = ToolConfirmationCall.__dict__["_from_wire"]
    dump = ToolConfirmationCall.dump


class UnknownActionCall(_Wire, ActionCall):
    """A call of a kind this SDK version does not know: keeps its wire data.

    Args:
        action_id: The id of the call.
        type: The call type.
        data: The other keys, as on the wire.
    """

    action_id: str
    type: str
    data: dict[str, Any] = {}

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        action_id, kind = data.pop("actionId", ""), data.pop("type", "")
        return cls(str(action_id), str(kind), data)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the call as it was read."""
        return {"type": self.type, "actionId": self.action_id, **self.data}


ActionCall._OPTIONS = {
    "clientTool": ClientToolCall,
    "toolConfirmation": ToolConfirmationCall,
    "userSession": UserSessionCall,
}
ActionCall._UNKNOWN = UnknownActionCall


# ------------------------------------------------------------------------------------------------ answer


class AgentDataItem(_Wire):
    """Structured data in an agent's answer (e.g. the instances it found), kept as on the wire.

    Args:
        type: The kind of data.
        data: The other keys, as on the wire.
    """

    type: str
    data: dict[str, Any] = {}

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        kind = data.pop("type", "")
        return cls(str(kind), data)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the item as it was read."""
        return {"type": self.type, **self.data}


class ToolCallDetail(_Wire):
    """A tool call the agent made while reasoning.

    Args:
        id: The id of the call.
        name: The tool.
        tool_type: The tool type.
        input: Its input.
        result: Its result.
    """

    id: str
    name: str
    tool_type: str
    input: Any = None
    result: Any = None

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        return cls(str(data.get("id", "")), str(data.get("name", "")), str(data.get("toolType", "")),
                   data.get("input"), data.get("result"))  # fmt: skip

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the call to its wire form."""
        out = {"id": self.id, "name": self.name, "toolType": self.tool_type, "input": self.input,
               "result": self.result}  # fmt: skip
        return _keys(_drop_none(out), camel_case)


class ReasoningDataItem(Kinds):
    """Base of the data in an agent's reasoning; ``ReasoningDataItem.load`` picks the class by ``type``."""

    __slots__ = ()
    _WHAT = "reasoning data item"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the item to its wire form."""
        raise NotImplementedError


class ToolCallReasoningDataItem(_Wire, ReasoningDataItem):
    """A tool call in an agent's reasoning.

    Args:
        tool_call: The call.
    """

    tool_call: ToolCallDetail

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        return cls(ToolCallDetail._from_wire(dict(data.get("toolCall") or {})))

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the item (``{"type": "toolCall", "toolCall": {...}}``)."""
        return {"type": "toolCall", ("toolCall" if camel_case else "tool_call"): self.tool_call.dump(camel_case)}


class UnknownReasoningDataItem(_Wire, ReasoningDataItem):
    """Reasoning data of a kind this SDK version does not know: keeps its wire data.

    Args:
        type: The kind.
        data: The other keys, as on the wire.
    """

    type: str
    data: dict[str, Any] = {}

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        kind = data.pop("type", "")
        return cls(str(kind), data)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the item as it was read."""
        return {"type": self.type, **self.data}


ReasoningDataItem._OPTIONS = {"toolCall": ToolCallReasoningDataItem}
ReasoningDataItem._UNKNOWN = UnknownReasoningDataItem


class AgentReasoningItem(_Wire):
    """A step of an agent's reasoning.

    Args:
        content: What it thought (content objects).
        data: What it did (e.g. tool calls).
    """

    content: list[Any] = []
    data: list[Any] = []

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        return cls([_content(c) for c in data.get("content") or []],
                   [ReasoningDataItem._load_wire(d) for d in data.get("data") or []])  # fmt: skip

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the step to its wire form."""
        return {"content": _dump(self.content, camel_case), "data": _dump(self.data, camel_case)}


class AgentMessage(_Wire):
    """A message of an agent's answer.

    Args:
        content: The text (or other content) of the message.
        data: Structured data it refers to.
        reasoning: How the agent got there.
        actions: Actions the agent calls (answer them in the next chat with ``ActionResult`` messages).
        role: "agent".
    """

    content: Any = None
    data: list[AgentDataItem] | None = None
    reasoning: list[AgentReasoningItem] | None = None
    actions: list[Any] | None = None
    role: Literal["agent"] | str = "agent"

    @classmethod
    def _from_wire(cls, data: dict[str, Any]) -> Any:
        content = data.get("content")
        return cls(
            None if content is None else _content(content),
            None if data.get("data") is None else [AgentDataItem._from_wire(dict(d)) for d in data["data"]],
            None if data.get("reasoning") is None else [AgentReasoningItem._from_wire(r) for r in data["reasoning"]],
            None if data.get("actions") is None else [ActionCall._load_wire(a) for a in data["actions"]],
            str(data.get("role", "agent")),
        )

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the message to its wire form."""
        out: dict[str, Any] = {"role": self.role}
        for key in ("content", "data", "reasoning", "actions"):
            value = getattr(self, key)
            if value is not None:
                out[key] = _dump(value, camel_case)
        return out


class AgentMessageList(CogniteResourceList[AgentMessage]):
    """The messages of an agent's answer.

    Args:
        resources: The messages.
        cognite_client: Not used.
    """

    _RESOURCE = AgentMessage

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every message to its wire form."""
        return [m.dump(camel_case) for m in self.data]


class AgentChatResponse(CogniteResource):
    """An agent's answer to a chat.

    Args:
        agent_external_id: The agent.
        messages: Its messages.
        type: The kind of answer ("result").
        cursor: Pass it to the next ``chat`` to continue the conversation.
    """

    agent_external_id: str
    messages: Any = None
    type: str = "result"
    cursor: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.messages, AgentMessageList):
            self.messages = AgentMessageList(
                [m if isinstance(m, AgentMessage) else AgentMessage.load(m) for m in self.messages or []]
            )

    @classmethod
    def load(cls, resource: Any, cognite_client: Any = None) -> Any:
        """Load an answer from the wire form of ``POST /ai/agents/chat``.

        Args:
            resource: The dictionary or JSON string.
            cognite_client: Not used.

        Returns:
            The answer.
        """
        data = json.loads(resource) if isinstance(resource, str | bytes) else dict(resource)
        response = data.get("response") or {}
        messages = [AgentMessage.load(m) for m in response.get("messages") or []]
        xid = data.get("agentExternalId", data.get("agentId", ""))
        return cls(str(xid), AgentMessageList(messages), str(response.get("type", "result")), response.get("cursor"))

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the answer to its wire form."""
        response = _drop_none({"type": self.type, "cursor": self.cursor, "messages": self.messages.dump(camel_case)})
        return {("agentExternalId" if camel_case else "agent_external_id"): self.agent_external_id,
                "response": response}  # fmt: skip

    @property
    def text(self) -> str | None:
        """The text of the agent's messages (joined by newlines), or None when there is none."""
        texts = [m.content.text for m in self.messages if isinstance(m.content, TextContent)]
        return "\n".join(texts) if texts else None

    @property
    def action_calls(self) -> list[Any]:
        """The actions the agent calls in its messages (answer them with ``ActionResult`` messages)."""
        return [a for m in self.messages for a in (m.actions or [])]


def messages_wire(messages: Any) -> list[dict[str, Any]]:
    """The wire form of the messages of a chat: ``Message``/``ActionResult`` objects (or plain strings)."""
    items = [messages] if isinstance(messages, Message | ActionResult | str) else list(messages)
    out = []
    for item in items:
        if isinstance(item, str):
            item = Message(item)
        if not isinstance(item, Message | ActionResult):
            raise TypeError(f"messages must be Message or ActionResult objects, not {type(item).__name__}")
        out.append(item.dump())  # type: ignore[union-attr]
    return out


def actions_wire(actions: Sequence[Any] | None) -> list[dict[str, Any]] | None:
    """The wire form of the actions of a chat (None: none)."""
    if actions is None:
        return None
    out = []
    for action in [actions] if isinstance(actions, Action) else list(actions):
        if not isinstance(action, Action):
            raise TypeError(f"actions must be Action objects, not {type(action).__name__}")
        out.append(action.dump())
    return out
