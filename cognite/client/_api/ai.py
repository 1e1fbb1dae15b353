"""The AI API: ``client.ai.tools.documents`` summarizes documents and answers questions about them
(``/ai/tools/documents/summarize`` and ``/ai/tools/documents/ask``).

Documents are files, given by id, external id or instance id. A summary request carries one document (the API's
limit); a question may be asked about up to 100 documents at once.
"""

from __future__ import annotations

from typing import Any, Literal

from cognite.client._api_client import APIClient, IdentifierSequence, check_type, object_decoder
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.ai import Answer, AnswerLanguage, NodeId, Summary, SummaryList

__all__ = ["AIAPI", "AIDocumentsAPI", "AIToolsAPI"]

_MAX_DOCUMENTS = 100
_LANGUAGES = {lang.value for lang in AnswerLanguage}


class AIDocumentsAPI(APIClient[Summary, SummaryList]):
    """Language-model tools on documents: summaries and answers with references.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     f = client.files.upload_bytes(b"Pumps move fluids. They need power.", name="pumps.txt", external_id="p")
        ...     client.ai.tools.documents.summarize(external_id="p").summary
        'Pumps move fluids. They need power.'
    """

    _RESOURCE_PATH = "/ai/tools/documents"
    _RESOURCE_CLS = Summary
    _LIST_CLS = SummaryList

    async def summarize(
        self, id: int | None = None, external_id: str | None = None, instance_id: NodeId | None = None
    ) -> Summary:
        """Summarize a document with a language model.

        Args:
            id: The file id of the document.
            external_id: Its external id.
            instance_id: Its instance id (``NodeId`` or ``(space, external_id)``).

        Returns:
            The summary, with the identifier it was asked for by.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     f = client.files.upload_bytes(b"Valve V-1 is shut. It leaks.", name="v.txt")
            ...     client.ai.tools.documents.summarize(id=f.id).summary
            'Valve V-1 is shut. It leaks.'
        """
        identifiers = IdentifierSequence.load_one(id, external_id, instance_id)
        resp = await self._post(self._RESOURCE_PATH + "/summarize", json={"items": identifiers.as_dicts()})
        return self._decode_items(resp.content).items[0]  # type: ignore[no-any-return]

    async def ask_question(
        self,
        question: str,
        id: int | SequenceNotStr[int] | None = None,
        external_id: str | SequenceNotStr[str] | None = None,
        instance_id: NodeId | SequenceNotStr[NodeId] | None = None,
        language: AnswerLanguage
        | Literal[
            "Chinese", "Dutch", "English", "French", "German", "Italian", "Japanese", "Korean", "Latvian",
            "Norwegian", "Portuguese", "Spanish", "Swedish",
        ] = AnswerLanguage.English,
        additional_context: str | None = None,
        ignore_unknown_ids: bool = False,
    ) -> Answer:  # fmt: skip
        """Ask a question about one or more documents (up to 100) and get an answer with references to the places in
        the documents it comes from.

        Args:
            question: The question (1 to 2048 characters).
            id: File id(s) of the documents.
            external_id: External id(s) of the documents.
            instance_id: Instance id(s) of the documents.
            language: The language of the answer.
            additional_context: More context for the language model (10 to 2048 characters).
            ignore_unknown_ids: Answer from the documents that exist instead of failing on unknown ones.

        Returns:
            The answer, in parts (``content``) with their references; ``full_answer`` joins the parts.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     f = client.files.upload_bytes(b"The pump runs at 50 Hz. The tank is blue.", name="m.txt")
            ...     answer = client.ai.tools.documents.ask_question("How fast does the pump run?", id=f.id)
            ...     answer.full_answer, answer.all_references[0].file_name
            ('The pump runs at 50 Hz.', 'm.txt')
        """
        if not isinstance(question, str):
            raise TypeError(f"question must be a str, not {type(question).__name__}")
        if not 1 <= len(question) <= 2048:
            raise ValueError(f"question must be 1 to 2048 characters long, got {len(question)}")
        check_type(additional_context, str, "additional_context")
        if additional_context is not None and not 10 <= len(additional_context) <= 2048:
            raise ValueError(f"additional_context must be 10 to 2048 characters long, got {len(additional_context)}")
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        lang = language.value if isinstance(language, AnswerLanguage) else language
        if lang not in _LANGUAGES:
            raise ValueError(f"language must be one of {sorted(_LANGUAGES)}, got {language!r}")
        iids = instance_id if instance_id is None or isinstance(instance_id, NodeId | tuple) else list(instance_id)
        identifiers = IdentifierSequence(ids=id, external_ids=external_id, instance_ids=iids)
        if not identifiers:
            raise ValueError("Give at least one document: id, external_id or instance_id")
        if len(identifiers) > _MAX_DOCUMENTS:
            raise ValueError(
                f"A question can be asked about at most {_MAX_DOCUMENTS} documents, got {len(identifiers)}"
            )
        body: dict[str, Any] = {"question": question, "fileIds": identifiers.as_dicts(), "language": lang}
        if additional_context is not None:
            body["additionalContext"] = additional_context
        if ignore_unknown_ids:
            body["ignoreUnknownIds"] = True
        resp = await self._post(self._RESOURCE_PATH + "/ask", json=body)
        answer = object_decoder(Answer).decode(resp.content)
        return answer


class AIToolsAPI(APIClient[Any, Any]):
    """AI tools: ``documents``.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     callable(client.ai.tools.documents.ask_question)
        True
    """

    documents: LazyAPI[AIDocumentsAPI] = LazyAPI("cognite.client._api.ai:AIDocumentsAPI")


class AIAPI(APIClient[Any, Any]):
    """AI: ``tools`` (language-model tools on CDF data).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     callable(client.ai.tools.documents.summarize)
        True
    """

    tools: LazyAPI[AIToolsAPI] = LazyAPI("cognite.client._api.ai:AIToolsAPI")
