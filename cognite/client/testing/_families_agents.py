"""Emulator table entries for Atlas AI agents (``/ai/agents``) and the document AI tools (``/ai/tools/documents``).

Agents are stored by external id (no internal id is shown): ``POST /ai/agents`` upserts one agent per request
(``createdTime`` kept on replace, ``ownerId`` is the emulator's principal), ``/byids`` and ``/delete`` take
``ignoreUnknownIds``, ``GET /ai/agents`` lists them all.

There is no language model: the answers are deterministic functions of the input, so tests can assert them.

* Chat (``POST /ai/agents/chat``): the agent answers one message. To a user message it answers
  ``You said: "<text>". I am <name> (<externalId>) and have no tools.`` (or ``... and can use the tools: <name>
  (<type>), ...``); when the conversation is continued with a cursor, it adds ``Earlier you said: "<previous>".``. When
  the request offers client tools (``actions``) and carries no action result, the agent instead calls the first client
  tool, with the arguments ``{"input": <text>}`` (action id ``<turn>-<tool name>``). To an action result it answers
  ``Action <actionId>: <result text | status | "session received">.``. Every answer has a new cursor; a cursor holds
  the user texts of the conversation so far; an unknown cursor is a 400.
* Summaries (``/ai/tools/documents/summarize``): the first three sentences of the document's text (the text the
  documents store extracts from the file), or ``"The document has no text."``.
* Answers (``/ai/tools/documents/ask``): the sentences of the documents that contain a word of the question (words
  of three letters or more, common question words left out), one answer part per sentence with a reference to its
  document and a location on page 1 (the vertical band of the sentence's line in the text); with none,
  ``"No answer was found in the documents."`` without references. ``language`` and ``additionalContext`` are
  accepted but do not change the answer (the text is not translated).
* Unknown documents are a 400 listing them in ``missing``, unless ``ignoreUnknownIds``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import Item
from cognite.client.testing._store import Family, ResourceStore

__all__ = ["AGENTS", "AGENTS_FAMILIES", "AI_DOCUMENTS", "AgentsStore", "DocumentAIStore"]

Query = Mapping[str, str]
_OWNER = "emulator-principal"
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    ("the", "and", "how", "does", "did", "what", "which", "who", "whom", "why", "when", "where", "are", "was", "were",
     "for", "with", "that", "this", "these", "those", "from", "about", "into", "can", "could", "would", "should",
     "will", "shall", "has", "have", "had", "you", "your", "not", "any", "all", "its", "their", "there", "then",
     "than", "them")
)  # fmt: skip
_AGENT_FIELDS = ("externalId", "name", "description", "instructions", "model", "runtimeVersion", "labels", "tools",
                 "subagents")  # fmt: skip


def _text_of(content: Any) -> str:
    if isinstance(content, Mapping) and content.get("type") == "text":
        return str(content.get("text", ""))
    return ""


class AgentsStore(ResourceStore):
    """The agents of one project, and their (stateless but cursor-continued) chats."""

    def upsert(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /ai/agents``: create or replace the agent (one per request)."""
        raw = self._items_of(body, "create")
        entry = raw[0]
        if not isinstance(entry, dict):
            raise CDFError(400, "Each item must be an object")
        for key in ("externalId", "name"):
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise CDFError(400, f"Missing required field '{key}'")
        unknown = sorted(set(entry) - set(_AGENT_FIELDS))
        if unknown:
            raise CDFError(400, f"Unrecognized fields {unknown} for agents")
        for tool in entry.get("tools") or []:
            if not isinstance(tool, dict) or not all(isinstance(tool.get(k), str) for k in ("type", "name")):
                raise CDFError(400, "Every tool needs a 'type' and a 'name'")
        now = self.project.clock()
        item: Item = {k: v for k, v in entry.items() if v is not None}
        item["ownerId"] = _OWNER
        existing = self.by_xid.get(item["externalId"])
        if existing is None:
            stored = self._insert([item], now)[0]
        else:
            old = self.items[existing]
            stored = {**item, "id": existing, "createdTime": old["createdTime"], "lastUpdatedTime": now}
            self.items[existing] = stored
        return 200, {"items": self.public([stored])}

    def list_agents(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``GET /ai/agents``: every agent."""
        return 200, {"items": self.public([self.items[i] for i in self.order if i in self.items])}

    def byids_route(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /ai/agents/byids``."""
        return self.byids(body)

    def delete_route(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /ai/agents/delete``."""
        return self.delete(body)

    # ----------------------------------------------------------------- chat
    def chat(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /ai/agents/chat``: the deterministic answer described in the module docstring."""
        xid = body.get("agentExternalId") or body.get("agentId")
        agent = self.get({"externalId": xid}) if isinstance(xid, str) else None
        if agent is None:
            raise CDFError(400, f"Agent {xid!r} not found", missing=[{"externalId": xid}])
        conversations: dict[str, list[str]] = self.state.setdefault("conversations", {})
        history: list[str] = []
        cursor = body.get("cursor")
        if cursor is not None:
            if cursor not in conversations:
                raise CDFError(400, "Invalid or expired cursor")
            history = list(conversations[cursor])
        messages = body.get("messages") or []
        user_texts = [_text_of(m.get("content")) for m in messages if m.get("role") == "user"]
        results = [m for m in messages if m.get("role") == "action"]
        turn = len(history) + 1
        actions: list[dict[str, Any]] = []
        if results:
            parts = [f"Action {r.get('actionId')}: {self._result_text(r)}." for r in results]
            text = " ".join(parts)
        else:
            said = user_texts[-1] if user_texts else ""
            client_tools = [a for a in body.get("actions") or [] if a.get("type") == "clientTool"]
            if client_tools:
                tool = client_tools[0]["clientTool"]
                text = f'Calling the client tool "{tool["name"]}".'
                actions.append({
                    "type": "clientTool", "actionId": f"{turn}-{tool['name']}",
                    "clientTool": {"name": tool["name"], "arguments": json.dumps({"input": said})},
                })  # fmt: skip
            else:
                text = f'You said: "{said}". I am {agent["name"]} ({agent["externalId"]}) and {self._tools(agent)}.'
                if history:
                    text += f' Earlier you said: "{history[-1]}".'
        history.extend(user_texts)
        new_cursor = f"chat-{len(conversations) + 1}-{turn}"
        conversations[new_cursor] = history
        message: dict[str, Any] = {"role": "agent", "content": {"type": "text", "text": text}, "data": [],
                                   "reasoning": [], "actions": actions}  # fmt: skip
        response = {"type": "result", "cursor": new_cursor, "messages": [message]}
        return 200, {"agentExternalId": agent["externalId"], "response": response}

    @staticmethod
    def _tools(agent: Item) -> str:
        tools = agent.get("tools") or []
        if not tools:
            return "have no tools"
        return "can use the tools: " + ", ".join(f"{t['name']} ({t['type']})" for t in tools)

    @staticmethod
    def _result_text(result: Mapping[str, Any]) -> str:
        kind = result.get("type")
        if kind == "toolConfirmation":
            return str(result.get("status", ""))
        if kind == "userSession":
            return "session received"
        return _text_of(result.get("content")) or "no content"


class DocumentAIStore(ResourceStore):
    """Summaries of and answers about the documents of the documents store (see the module docstring)."""

    def _documents(self, refs: Any, ignore: bool) -> list[tuple[dict[str, Any], Item, str]]:
        docs = self.project.store("documents")
        docs.refresh()  # type: ignore[attr-defined]
        texts: Mapping[int, str] = docs.texts  # type: ignore[attr-defined]
        out = []
        missing = []
        for ref in refs:
            found = docs.resolve([ref], ignore_unknown=True)
            if found:
                out.append((ref, found[0], texts.get(found[0]["id"], "")))
            else:
                missing.append(ref)
        if missing and not ignore:
            raise CDFError(400, "Documents not found", missing=missing)
        return out

    def summarize(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /ai/tools/documents/summarize``: the first three sentences."""
        items = []
        for ref, _, text in self._documents(body["items"], bool(body.get("ignoreUnknownIds"))):
            sentences = [s for s in _SENTENCE.split(text.strip()) if s]
            summary = " ".join(sentences[:3]) if sentences else "The document has no text."
            items.append({**ref, "summary": summary})
        return 200, {"items": items}

    def ask(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /ai/tools/documents/ask``: the sentences holding a word of the question, with references."""
        words = {w for w in _WORD.findall(body["question"].lower()) if len(w) >= 3 and w not in _STOP}
        parts = []
        for _, doc, text in self._documents(body["fileIds"], bool(body.get("ignoreUnknownIds"))):
            lines = text.splitlines() or [""]
            for n, line in enumerate(lines):
                for sentence in _SENTENCE.split(line.strip()):
                    if sentence and words & set(_WORD.findall(sentence.lower())):
                        parts.append({"text": sentence, "references": [_reference(doc, n, len(lines))]})
        if not parts:
            parts = [{"text": "No answer was found in the documents.", "references": []}]
        return 200, {"content": parts}


def _reference(doc: Item, line: int, lines: int) -> dict[str, Any]:
    ref: dict[str, Any] = {"fileId": doc["id"], "fileName": doc["sourceFile"]["name"]}
    if "externalId" in doc:
        ref["externalId"] = doc["externalId"]
    if "instanceId" in doc:
        ref["instanceId"] = {"space": doc["instanceId"]["space"], "externalId": doc["instanceId"]["externalId"]}
    ref["locations"] = [{"pageNumber": 1, "left": 0.0, "right": 1.0, "top": line / lines, "bottom": (line + 1) / lines}]
    return ref


AGENTS = Family(
    name="agents",
    path="/ai/agents",
    write_fields={},
    verbs=frozenset(),
    internal_id=False,
    limits={"create": 1, "byids": 1000, "delete": 1000},
    routes={
        ("POST", ""): "upsert",
        ("GET", ""): "list_agents",
        ("POST", "/byids"): "byids_route",
        ("POST", "/delete"): "delete_route",
        ("POST", "/chat"): "chat",
    },
    store_cls=AgentsStore,
)

AI_DOCUMENTS = Family(
    name="ai_documents",
    path="/ai/tools/documents",
    write_fields={},
    verbs=frozenset(),
    routes={("POST", "/summarize"): "summarize", ("POST", "/ask"): "ask"},
    store_cls=DocumentAIStore,
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
AGENTS_FAMILIES: tuple[Family, ...] = (AGENTS, AI_DOCUMENTS)
