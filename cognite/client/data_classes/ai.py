"""AI tools on documents: summaries (:class:`Summary`) and answers to questions (:class:`Answer`) with references to
the places in the documents they come from."""

from __future__ import annotations

from enum import Enum

from cognite.client.data_classes._base import CogniteObject, CogniteResource, CogniteResourceList
from cognite.client.data_classes.data_modeling.ids import NodeId

__all__ = [
    "Answer",
    "AnswerContent",
    "AnswerLanguage",
    "AnswerLocation",
    "AnswerReference",
    "NodeId",
    "Summary",
    "SummaryList",
]


class AnswerLanguage(str, Enum):
    """The languages the document AI tools answer in."""

    Chinese = "Chinese"
    Dutch = "Dutch"
    English = "English"
    French = "French"
    German = "German"
    Italian = "Italian"
    Japanese = "Japanese"
    Korean = "Korean"
    Latvian = "Latvian"
    Norwegian = "Norwegian"
    Portuguese = "Portuguese"
    Spanish = "Spanish"
    Swedish = "Swedish"


class Summary(CogniteResource):
    """The summary of a document, with the identifier it was asked for by.

    Args:
        summary: The summary.
        id: The file id of the document (when asked for by id).
        external_id: Its external id (when asked for by external id).
        instance_id: Its instance id (when asked for by instance id).
    """

    summary: str
    id: int | None = None
    external_id: str | None = None
    instance_id: NodeId | None = None


class SummaryList(CogniteResourceList[Summary]):
    """A list of document summaries.

    Args:
        resources: The summaries.
        cognite_client: Not used.
    """

    _RESOURCE = Summary


class AnswerLocation(CogniteObject):
    """A place in a document: a box on a page (coordinates relative to the page, from 0 to 1).

    Args:
        page_number: The page (from 1).
        left: Left edge.
        right: Right edge.
        top: Top edge.
        bottom: Bottom edge.
    """

    page_number: int
    left: float
    right: float
    top: float
    bottom: float


class AnswerReference(CogniteObject):
    """A document an answer part comes from, and where in it.

    Args:
        file_id: The file id of the document.
        external_id: Its external id.
        instance_id: Its instance id.
        file_name: Its file name.
        locations: The places in it.
    """

    file_id: int
    external_id: str | None = None
    instance_id: NodeId | None = None
    file_name: str = ""
    locations: list[AnswerLocation] = []


class AnswerContent(CogniteObject):
    """A part of an answer and the document places it comes from.

    Args:
        text: The text of the part.
        references: Where it comes from.
    """

    text: str
    references: list[AnswerReference] = []


class Answer(CogniteResource):
    """An answer to a question about documents, in parts with references.

    Args:
        content: The parts.

    Example:
        >>> from cognite.client.data_classes.ai import Answer
        >>> ref = {"fileId": 1, "fileName": "manual.pdf", "locations": []}
        >>> answer = Answer.load({"content": [{"text": "It runs at 50 Hz.", "references": [ref]},
        ...                                   {"text": "It is blue.", "references": [ref]}]})
        >>> answer.full_answer, [r.file_name for r in answer.all_references]
        ('It runs at 50 Hz. It is blue.', ['manual.pdf'])
    """

    content: list[AnswerContent]

    @property
    def full_answer(self) -> str:
        """The text of every part, joined by spaces."""
        return " ".join(part.text for part in self.content)

    @property
    def all_references(self) -> list[AnswerReference]:
        """The references of every part, each document place once, in order."""
        seen: list[AnswerReference] = []
        for part in self.content:
            for ref in part.references:
                if ref not in seen:
                    seen.append(ref)
        return seen
