"""Contextualization data classes: entity matching models, diagram detect/convert jobs and vision extract jobs.

Contextualization work runs as jobs in CDF: a request starts one and answers with its id and status; the job
classes poll the status (``update_status``, ``wait_for_completion``) and hold the result once it is done.
"""

from __future__ import annotations

import asyncio
import enum
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import msgspec

from cognite.client._sync import run_sync
from cognite.client.data_classes._base import (
    CogniteObject,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    IdTransformerMixin,
    PropertySpec,
    update_field,
)
from cognite.client.data_classes.annotation_types.images import (
    AssetLink,
    KeypointCollectionWithObjectDetection,
    ObjectDetection,
    TextRegion,
)
from cognite.client.data_classes.annotation_types.primitives import VisionResource
from cognite.client.data_classes.annotations import Annotation, AnnotationList, AnnotationWrite
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.exceptions import CogniteAPIError, CogniteModelFailedError

if TYPE_CHECKING:
    import pandas


class JobStatus(enum.Enum):
    """The status of a contextualization job (diagram jobs pass through more states than the others)."""

    QUEUED = "Queued"
    RUNNING = "Running"
    COMPLETED = "Completed"
    FAILED = "Failed"
    DISTRIBUTING = "Distributing"
    DISTRIBUTED = "Distributed"
    COLLECTING = "Collecting"
    TIMEOUT = "Timeout"

    def is_finished(self) -> bool:
        """True when the job will not change any more (completed, failed or timed out)."""
        return self in (JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.TIMEOUT)

    def is_not_finished(self) -> bool:
        """True while the job is queued or running."""
        return not self.is_finished()


_FINISHED = frozenset({"Completed", "Failed", "Timeout"})


class ContextualizationJobType(enum.Enum):
    """The kinds of contextualization jobs."""

    ENTITY_MATCHING = "entity_matching"
    DIAGRAMS = "diagrams"
    VISION = "vision"


class CogniteResourceWithClientRef(CogniteResource):
    """A resource that keeps the client that loaded it (for methods that call CDF)."""

    _NEEDS_CLIENT = True

    def set_client_ref(self, cognite_client: Any) -> None:
        """Attach a client (an async client, or a sync one whose async client is used).

        Args:
            cognite_client: The client.
        """
        self.__dict__["_cognite_client"] = getattr(cognite_client, "_async_client", cognite_client)


class CogniteResourceListWithClientRef(CogniteResourceList[Any]):
    """A list of resources that keeps the client that loaded it."""

    def set_client_ref(self, cognite_client: Any) -> None:
        """Attach a client to the list and its items.

        Args:
            cognite_client: The client.
        """
        self._attach(getattr(cognite_client, "_async_client", cognite_client))


async def _wait(job: Any, timeout: float | None, interval: float, refresh: Any) -> None:
    """Poll ``refresh`` until the job's status is final or ``timeout`` seconds have passed."""
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout < 0):
        raise ValueError(f"timeout must be a non-negative number or None, got {timeout!r}")
    if isinstance(interval, bool) or not isinstance(interval, int | float) or interval < 0:
        raise ValueError(f"interval must be a non-negative number, got {interval!r}")
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        await refresh()
        if job.status in _FINISHED:
            break
        remaining = None if deadline is None else deadline - time.monotonic()
        if remaining is not None and remaining <= 0:
            return
        await asyncio.sleep(interval if remaining is None else min(interval, remaining))
    if job.status != "Completed":
        ident = getattr(job, "job_id", None) or getattr(job, "id", None) or 0
        raise CogniteModelFailedError(type(job).__name__, ident, job.error_message or job.status)


class ContextualizationJob(CogniteResourceWithClientRef):
    """A contextualization job: its id and status, and its result once completed.

    Args:
        job_id: The job id.
        status: "Queued", "Running", "Completed", "Failed" (diagram jobs have more states).
        status_time: When the status last changed (ms since epoch).
        created_time: When the job was created (ms since epoch).
        error_message: Why the job failed.
        start_time: When the job started (ms since epoch).
    """

    _STATUS_PATH: ClassVar[str] = "/context/entitymatching/jobs/"

    job_id: int | None = None
    status: str | None = None
    status_time: int | None = None
    created_time: int | None = None
    error_message: str | None = None
    start_time: int | None = None

    def _status_path(self) -> str:
        return str(self.__dict__.get("_status_path", self._STATUS_PATH)) + str(self.job_id)

    def _apply(self, data: dict[str, Any]) -> None:
        for wire, name in (
            ("status", "status"),
            ("statusTime", "status_time"),
            ("createdTime", "created_time"),
            ("startTime", "start_time"),
            ("errorMessage", "error_message"),
        ):
            if wire in data:
                setattr(self, name, data[wire])
        if data.get("status") == "Completed":
            self.__dict__["_result"] = data

    async def update_status_async(self) -> str:
        """Fetch the current status of the job from CDF.

        Returns:
            The status.
        """
        resp = await self._get_client().get(self._status_path())
        self._apply(resp.json())
        return str(self.status)

    def update_status(self) -> str:
        """Fetch the current status of the job from CDF (sync form of ``update_status_async``)."""
        return run_sync(self.update_status_async())

    async def wait_for_completion_async(self, timeout: float | None = None, interval: float = 10) -> None:
        """Poll the status until the job is completed, failed, or ``timeout`` seconds have passed.

        Args:
            timeout: Give up waiting after this many seconds (None: wait until it is done); no error is raised.
            interval: Seconds between polls.

        Raises:
            CogniteModelFailedError: The job failed.
        """
        await _wait(self, timeout, interval, self.update_status_async)

    def wait_for_completion(self, timeout: float | None = None, interval: float = 10) -> None:
        """Wait for the job to finish (sync form of ``wait_for_completion_async``).

        Args:
            timeout: Give up waiting after this many seconds (None: wait until it is done).
            interval: Seconds between polls.
        """
        run_sync(self.wait_for_completion_async(timeout, interval))

    async def get_result_async(self) -> dict[str, Any]:
        """Wait for the job to complete and return its result (the API's answer, e.g. with ``items``).

        Returns:
            The result.
        """
        if "_result" not in self.__dict__:
            await self.wait_for_completion_async()
        result: dict[str, Any] = self.__dict__["_result"]
        return result

    def get_result(self) -> dict[str, Any]:
        """Wait for the job to complete and return its result (sync form of ``get_result_async``)."""
        return run_sync(self.get_result_async())

    @property
    def result(self) -> dict[str, Any]:
        """The result of the job; waits for it to complete (from sync code)."""
        return self.get_result()


class ContextualizationJobList(CogniteResourceList[ContextualizationJob]):
    """A list of contextualization jobs."""

    _RESOURCE = ContextualizationJob


class EntityMatchingPredictionResult(ContextualizationJob):
    """A prediction job of an entity matching model; its result has ``items`` of ``{source, matches}``.

    Args:
        job_id: The job id.
        status: The status.
        status_time: When the status last changed.
        created_time: When the job was created.
        start_time: When the job started.
        error_message: Why the job failed.
    """


# ---------------------------------------------------------------------------------------------- entity matching


class EntityMatchingModel(CogniteResourceWithClientRef):
    """An entity matching model: it learns which sources match which targets, and predicts matches.

    Args:
        id: The id.
        created_time: When it was created (ms since epoch).
        status: The training status ("Queued", "Running", "Completed", "Failed").
        error_message: Why training failed.
        start_time: When training started.
        status_time: When the status last changed.
        classifier: The classifier.
        feature_type: How fields are compared.
        match_fields: The source/target field pairs compared.
        model_type: The kind of model.
        name: The name.
        description: The description.
        external_id: The external id.
        original_id: The model this one was refitted from.
        ignore_missing_fields: Whether entities lacking a match field are used.
    """

    id: int | None = None
    created_time: int | None = None
    status: str | None = None
    error_message: str | None = None
    start_time: int | None = None
    status_time: int | None = None
    classifier: str | None = None
    feature_type: str | None = None
    match_fields: list[dict[str, str]] | None = None
    model_type: str | None = None
    name: str | None = None
    description: str | None = None
    external_id: str | None = None
    original_id: int | None = None
    ignore_missing_fields: bool | None = None

    async def update_status_async(self) -> str:
        """Fetch the current training status from CDF.

        Returns:
            The status.
        """
        resp = await self._get_client().get(f"/context/entitymatching/{self.id}")
        data = resp.json()
        for name in ("status", "error_message", "start_time", "status_time"):
            wire = {"error_message": "errorMessage", "start_time": "startTime", "status_time": "statusTime"}.get(
                name, name
            )
            if wire in data:
                setattr(self, name, data[wire])
        return str(self.status)

    def update_status(self) -> str:
        """Fetch the current training status (sync form of ``update_status_async``)."""
        return run_sync(self.update_status_async())

    async def wait_for_completion_async(self, timeout: float | None = None, interval: float = 10) -> None:
        """Poll until training is completed, failed, or ``timeout`` seconds have passed.

        Args:
            timeout: Give up waiting after this many seconds (None: wait until it is done).
            interval: Seconds between polls.

        Raises:
            CogniteModelFailedError: Training failed.
        """
        await _wait(self, timeout, interval, self.update_status_async)

    def wait_for_completion(self, timeout: float | None = None, interval: float = 10) -> None:
        """Wait for training to finish (sync form of ``wait_for_completion_async``).

        Args:
            timeout: Give up waiting after this many seconds.
            interval: Seconds between polls.
        """
        run_sync(self.wait_for_completion_async(timeout, interval))

    async def predict_async(
        self,
        sources: Sequence[dict[str, Any] | CogniteResource] | None = None,
        targets: Sequence[dict[str, Any] | CogniteResource] | None = None,
        num_matches: int = 1,
        score_threshold: float | None = None,
    ) -> EntityMatchingPredictionResult:
        """Wait for training, then predict matches with this model.

        Args:
            sources: Entities to match (None: the training sources).
            targets: Entities to match against (None: the training targets).
            num_matches: The most matches per source.
            score_threshold: Only matches scoring at least this.

        Returns:
            The prediction job.
        """
        if self.status != "Completed":
            await self.wait_for_completion_async()
        return await self._get_client().entity_matching.predict(
            sources=sources, targets=targets, num_matches=num_matches, score_threshold=score_threshold, id=self.id
        )

    def predict(
        self,
        sources: Sequence[dict[str, Any] | CogniteResource] | None = None,
        targets: Sequence[dict[str, Any] | CogniteResource] | None = None,
        num_matches: int = 1,
        score_threshold: float | None = None,
    ) -> EntityMatchingPredictionResult:
        """Predict matches with this model (sync form of ``predict_async``).

        Args:
            sources: Entities to match.
            targets: Entities to match against.
            num_matches: The most matches per source.
            score_threshold: Only matches scoring at least this.

        Returns:
            The prediction job.
        """
        return run_sync(self.predict_async(sources, targets, num_matches, score_threshold))

    async def refit_async(
        self, true_matches: Sequence[dict[str, Any] | tuple[int | str, int | str]]
    ) -> EntityMatchingModel:
        """Train a new model from this one with more known matches.

        Args:
            true_matches: Known matches, as dicts or ``(source, target)`` id/external-id pairs.

        Returns:
            The new model.
        """
        if self.status != "Completed":
            await self.wait_for_completion_async()
        return await self._get_client().entity_matching.refit(true_matches=true_matches, id=self.id)

    def refit(self, true_matches: Sequence[dict[str, Any] | tuple[int | str, int | str]]) -> EntityMatchingModel:
        """Train a new model from this one (sync form of ``refit_async``).

        Args:
            true_matches: Known matches.

        Returns:
            The new model.
        """
        return run_sync(self.refit_async(true_matches))


class EntityMatchingModelList(CogniteResourceList[EntityMatchingModel], IdTransformerMixin):
    """A list of entity matching models."""

    _RESOURCE = EntityMatchingModel


class EntityMatchingModelUpdate(CogniteUpdate):
    """Changes to an entity matching model: its name and description.

    Args:
        id: The id of the model.
        external_id: The external id of the model.

    Example:
        >>> from cognite.client.data_classes.contextualization import EntityMatchingModelUpdate
        >>> EntityMatchingModelUpdate(id=1).name.set("pumps").dump()
        {'id': 1, 'update': {'name': {'set': 'pumps'}}}
    """

    _PROPERTIES = (PropertySpec("name", is_nullable=False), PropertySpec("description", is_nullable=False))

    name: CognitePrimitiveUpdate[EntityMatchingModelUpdate] = update_field(CognitePrimitiveUpdate)
    description: CognitePrimitiveUpdate[EntityMatchingModelUpdate] = update_field(CognitePrimitiveUpdate)

    def __init__(self, id: int | None = None, external_id: str | None = None) -> None:
        super().__init__(id=id, external_id=external_id)


# ---------------------------------------------------------------------------------------------- diagrams


class FileReference:
    """A file to run diagram detection on, by id, external id or instance id, optionally a page range.

    Args:
        file_id: The file id.
        file_external_id: The file external id.
        file_instance_id: The file's instance id.
        first_page: The first page to detect in (1-based).
        last_page: The last page to detect in.
    """

    def __init__(
        self,
        file_id: int | None = None,
        file_external_id: str | None = None,
        file_instance_id: NodeId | None = None,
        first_page: int | None = None,
        last_page: int | None = None,
    ) -> None:
        given = sum(x is not None for x in (file_id, file_external_id, file_instance_id))
        if given != 1:
            raise ValueError("FileReference needs exactly one of file_id, file_external_id and file_instance_id")
        if (first_page is None) != (last_page is None):
            raise ValueError("first_page and last_page must be given together")
        if first_page is not None and last_page is not None and not 1 <= first_page <= last_page:
            raise ValueError(f"Invalid page range {first_page}-{last_page}")
        self.file_id = file_id
        self.file_external_id = file_external_id
        self.file_instance_id = file_instance_id
        self.first_page = first_page
        self.last_page = last_page

    def to_api_item(self) -> dict[str, Any]:
        """The item of a detect request: the file identifier, and ``pageRange`` if given."""
        out: dict[str, Any]
        if self.file_id is not None:
            out = {"fileId": self.file_id}
        elif self.file_external_id is not None:
            out = {"fileExternalId": self.file_external_id}
        else:
            assert self.file_instance_id is not None
            out = {
                "fileInstanceId": {
                    "space": self.file_instance_id.space,
                    "externalId": self.file_instance_id.external_id,
                }
            }
        if self.first_page is not None:
            out["pageRange"] = {"begin": self.first_page, "end": self.last_page}
        return out

    def __repr__(self) -> str:
        return f"FileReference({self.to_api_item()})"


class CustomizeFuzziness(CogniteObject):
    """How fuzzy matching in diagram detection is tuned.

    Args:
        fuzzy_score: The lowest score of a fuzzy match (0 to 1).
        max_boxes: The most boxes a match may span.
        min_chars: The fewest characters of a fuzzy match.
    """

    fuzzy_score: float | None = None
    max_boxes: int | None = None
    min_chars: int | None = None


class DirectionWeights(CogniteObject):
    """Weights of reading directions when diagram detection joins text.

    Args:
        left: Weight of joining to the left.
        right: Weight of joining to the right.
        up: Weight of joining upwards.
        down: Weight of joining downwards.
    """

    left: float | None = None
    right: float | None = None
    up: float | None = None
    down: float | None = None


class ConnectionFlags:
    """Flags of how diagram detection connects text; dumped as the list of the flags that are on.

    Args:
        natural_reading_order: Join text in natural reading order.
        no_text_inbetween: Only join text with nothing in between.
        **flags: Other flags (name: on/off).
    """

    def __init__(self, natural_reading_order: bool = False, no_text_inbetween: bool = False, **flags: bool) -> None:
        self._flags = {"natural_reading_order": natural_reading_order, "no_text_inbetween": no_text_inbetween, **flags}
        for name, value in self._flags.items():
            if not isinstance(value, bool):
                raise TypeError(f"{name} must be a bool, not {type(value).__name__}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ConnectionFlags) and self.dump() == other.dump()

    def __repr__(self) -> str:
        return f"ConnectionFlags({self.dump()})"

    def dump(self, camel_case: bool = False) -> list[str]:
        """The names of the flags that are on.

        Args:
            camel_case: camelCase names (as CDF takes them) instead of snake_case.

        Returns:
            The flag names.
        """
        from cognite.client.data_classes._base import _to_camel

        return [_to_camel(k) if camel_case else k for k, v in self._flags.items() if v]

    @classmethod
    def load(cls, resource: list[str] | dict[str, bool]) -> ConnectionFlags:
        """Load from a list of flag names (camelCase or snake_case) or a dict of name: on/off.

        Args:
            resource: The flags.

        Returns:
            The flags.
        """
        import re

        items = resource.items() if isinstance(resource, dict) else ((name, True) for name in resource)
        return cls(**{re.sub(r"(?<!^)([A-Z])", r"_\1", k).lower(): v for k, v in items})

    @classmethod
    def load_if(cls, resource: list[str] | dict[str, bool] | None) -> ConnectionFlags | None:
        """Load the flags, or return None for None."""
        return None if resource is None else cls.load(resource)


class DiagramDetectConfig:
    """Advanced settings of diagram detection (the ``configuration`` of a detect request).

    Args:
        annotation_extract: Read existing annotations of the file (e.g. PDF annotations).
        case_sensitive: Match case-sensitively.
        connection_flags: How text is joined.
        customize_fuzziness: Fuzzy-matching settings.
        direction_delta: The largest angle (degrees) between joined text.
        direction_weights: Weights of reading directions.
        min_fuzzy_score: The lowest score of a fuzzy match (0 to 1).
        read_embedded_text: Read text embedded in the file.
        remove_leading_zeros: Ignore leading zeros in numbers.
        substitutions: Characters that may stand for others.
        **params: Other settings, sent as given.

    Example:
        >>> from cognite.client.data_classes.contextualization import DiagramDetectConfig
        >>> DiagramDetectConfig(case_sensitive=False, min_fuzzy_score=0.9).dump()
        {'caseSensitive': False, 'minFuzzyScore': 0.9}
    """

    def __init__(
        self,
        annotation_extract: bool | None = None,
        case_sensitive: bool | None = None,
        connection_flags: ConnectionFlags | list[str] | None = None,
        customize_fuzziness: CustomizeFuzziness | dict[str, Any] | None = None,
        direction_delta: float | None = None,
        direction_weights: DirectionWeights | dict[str, Any] | None = None,
        min_fuzzy_score: float | None = None,
        read_embedded_text: bool | None = None,
        remove_leading_zeros: bool | None = None,
        substitutions: dict[str, list[str]] | None = None,
        **params: Any,
    ) -> None:
        self.annotation_extract = annotation_extract
        self.case_sensitive = case_sensitive
        self.connection_flags = connection_flags
        self.customize_fuzziness = customize_fuzziness
        self.direction_delta = direction_delta
        self.direction_weights = direction_weights
        self.min_fuzzy_score = min_fuzzy_score
        self.read_embedded_text = read_embedded_text
        self.remove_leading_zeros = remove_leading_zeros
        self.substitutions = substitutions
        self.params = params

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DiagramDetectConfig) and self.dump() == other.dump()

    def __repr__(self) -> str:
        return f"DiagramDetectConfig({self.dump(camel_case=False)})"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the settings that are given.

        Args:
            camel_case: camelCase keys (the wire format).

        Returns:
            The settings.
        """
        from cognite.client.data_classes._base import _to_camel

        out: dict[str, Any] = {}
        for name in (
            "annotation_extract", "case_sensitive", "connection_flags", "customize_fuzziness", "direction_delta",
            "direction_weights", "min_fuzzy_score", "read_embedded_text", "remove_leading_zeros", "substitutions",
        ):  # fmt: skip
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, ConnectionFlags | CogniteObject):
                value = value.dump(camel_case=camel_case)
            out[_to_camel(name) if camel_case else name] = value
        out.update(self.params)
        return out


class DiagramDetectItem(CogniteResource):
    """The detections in one file of a diagram detect job.

    Args:
        file_id: The file id.
        file_external_id: The file external id.
        file_instance_id: The file's instance id (``{"space", "externalId"}``).
        annotations: What was found: text, region (page and rectangle) and the matching entities.
        page_range: The pages searched (``{"begin", "end"}``).
        page_count: The number of pages of the file.
        error_message: Why this file could not be processed.
    """

    file_id: int | None = None
    file_external_id: str | None = None
    file_instance_id: dict[str, str] | None = None
    annotations: list[dict[str, Any]] | None = None
    page_range: dict[str, int] | None = None
    page_count: int | None = None
    error_message: str | None = None

    def to_pandas(self, camel_case: bool = False, expand_metadata: bool = False) -> pandas.DataFrame:
        """One row per detection: text, confidence, page, region and entities.

        Args:
            camel_case: camelCase column names.
            expand_metadata: Unused (kept for compatibility).

        Returns:
            The DataFrame.
        """
        from cognite.client.data_classes._base import _import_pandas

        pd = _import_pandas()
        return pd.DataFrame([dict(a) for a in self.annotations or []])


class DiagramDetectResults(ContextualizationJob):
    """A diagram detect job; its ``items`` hold the detections per file once it is completed.

    Args:
        job_id: The job id.
        status: The status.
        status_time: When the status last changed.
        created_time: When the job was created.
        items: The files and (once completed) their detections.
        start_time: When the job started.
        error_message: Why the job failed.
    """

    _STATUS_PATH: ClassVar[str] = "/context/diagram/detect/"

    items: list[DiagramDetectItem] | None = None

    def _apply(self, data: dict[str, Any]) -> None:
        super()._apply(data)
        if data.get("items") is not None:
            self.items = [DiagramDetectItem.load(x) for x in data["items"]]

    @property
    def errors(self) -> list[str]:
        """The error messages of the files that could not be processed (once completed)."""
        return self.get_errors()

    async def get_errors_async(self) -> list[str]:
        """Wait for the job and return the error messages of the files that could not be processed.

        Returns:
            The error messages.
        """
        result = await self.get_result_async()
        return [item["errorMessage"] for item in result.get("items", []) if item.get("errorMessage")]

    def get_errors(self) -> list[str]:
        """The error messages of the files that could not be processed (sync form of ``get_errors_async``)."""
        return run_sync(self.get_errors_async())

    async def convert_async(self) -> DiagramConvertResults:
        """Start a job that renders the diagrams with the detections highlighted.

        Returns:
            The convert job.
        """
        return await self._get_client().diagrams.convert(self)

    def convert(self) -> DiagramConvertResults:
        """Start a convert job (sync form of ``convert_async``)."""
        return run_sync(self.convert_async())

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the job and its items.

        Args:
            camel_case: camelCase keys.

        Returns:
            The job as a dictionary.
        """
        return super().dump(camel_case)


class DiagramConvertPage(CogniteResource):
    """One page of a converted diagram.

    Args:
        page: The page number (1-based).
        png_url: Where to download the PNG.
        svg_url: Where to download the SVG.
        error_message: Why the page could not be converted.
    """

    page: int | None = None
    png_url: str | None = None
    svg_url: str | None = None
    error_message: str | None = None


class DiagramConvertPageList(CogniteResourceList[DiagramConvertPage]):
    """The pages of a converted diagram."""

    _RESOURCE = DiagramConvertPage


class DiagramConvertItem(CogniteResource):
    """One converted file.

    Args:
        file_id: The file id.
        file_external_id: The file external id.
        results: The pages (``{"page", "pngUrl", "svgUrl"}``).
        file_instance_id: The file's instance id.
        error_message: Why the file could not be converted.
    """

    file_id: int | None = None
    file_external_id: str | None = None
    results: list[dict[str, Any]] | None = None
    file_instance_id: dict[str, str] | None = None
    error_message: str | None = None

    @property
    def pages(self) -> DiagramConvertPageList:
        """The pages, as objects."""
        return DiagramConvertPageList([DiagramConvertPage.load(r) for r in self.results or []])

    def to_pandas(self, camel_case: bool = False, expand_metadata: bool = False) -> pandas.DataFrame:
        """One row per page.

        Args:
            camel_case: camelCase column names.
            expand_metadata: Unused (kept for compatibility).

        Returns:
            The DataFrame.
        """
        return self.pages.to_pandas(camel_case=camel_case)


class DiagramConvertResults(ContextualizationJob):
    """A diagram convert job; its ``items`` hold the page images per file once it is completed.

    Args:
        job_id: The job id.
        status: The status.
        status_time: When the status last changed.
        created_time: When the job was created.
        items: The files and (once completed) their pages.
        start_time: When the job started.
        error_message: Why the job failed.
    """

    _STATUS_PATH: ClassVar[str] = "/context/diagram/convert/"

    items: list[DiagramConvertItem] | None = None

    def _apply(self, data: dict[str, Any]) -> None:
        super()._apply(data)
        if data.get("items") is not None:
            self.items = [DiagramConvertItem.load(x) for x in data["items"]]

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the job and its items.

        Args:
            camel_case: camelCase keys.

        Returns:
            The job as a dictionary.
        """
        return super().dump(camel_case)


class DetectJobBundle:
    """Several diagram detect jobs started together (``diagrams.detect(..., multiple_jobs=True)``).

    Args:
        job_ids: The ids of the jobs.
        client: The client that started them (async or sync).
    """

    def __init__(self, job_ids: list[int], client: Any = None) -> None:
        if not isinstance(job_ids, list) or not all(isinstance(j, int) and not isinstance(j, bool) for j in job_ids):
            raise TypeError("job_ids must be a list of ints")
        self.job_ids = job_ids
        self._client = getattr(client, "_async_client", client)
        self.jobs: list[DiagramDetectResults] = []

    def __repr__(self) -> str:
        return f"DetectJobBundle(job_ids={self.job_ids})"

    async def fetch_results_async(self) -> list[DiagramDetectResults]:
        """Fetch the current state of every job."""
        if self._client is None:
            from cognite.client.exceptions import CogniteMissingClientError

            raise CogniteMissingClientError(self)
        self.jobs = await self._client.diagrams.get_detect_jobs(self.job_ids)
        return self.jobs

    def fetch_results(self) -> list[DiagramDetectResults]:
        """Fetch the current state of every job (sync)."""
        return run_sync(self.fetch_results_async())

    async def wait_for_completion_async(self, timeout: float | None = None) -> None:
        """Poll until every job is finished or ``timeout`` seconds have passed.

        Args:
            timeout: Give up waiting after this many seconds (None: until all are done).
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        interval = 1.0
        while True:
            jobs = await self.fetch_results_async()
            if all(j.status in _FINISHED for j in jobs):
                return
            if deadline is not None and time.monotonic() >= deadline:
                return
            await asyncio.sleep(interval)
            interval = min(interval * 2, 10.0)

    def wait_for_completion(self, timeout: float | None = None) -> None:
        """Wait for every job to finish (sync form of ``wait_for_completion_async``).

        Args:
            timeout: Give up waiting after this many seconds.
        """
        run_sync(self.wait_for_completion_async(timeout))

    async def get_result_async(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Wait for the jobs and return the results: the completed jobs' answers and the failed ones'.

        Returns:
            (succeeded, failed): the raw answers of the jobs.
        """
        await self.wait_for_completion_async()
        succeeded = [j.__dict__["_result"] for j in self.jobs if "_result" in j.__dict__]
        failed = [j.dump() for j in self.jobs if "_result" not in j.__dict__]
        return succeeded, failed

    def get_result(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Wait for the jobs and return (succeeded, failed) (sync form of ``get_result_async``)."""
        return run_sync(self.get_result_async())

    @property
    def result(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(succeeded, failed) answers of the jobs; waits for them (from sync code)."""
        return self.get_result()


# ---------------------------------------------------------------------------------------------- vision


class VisionFeature(str, enum.Enum):
    """What vision extract can look for in images."""

    TEXT_DETECTION = "TextDetection"
    ASSET_TAG_DETECTION = "AssetTagDetection"
    PEOPLE_DETECTION = "PeopleDetection"
    INDUSTRIAL_OBJECT_DETECTION = "IndustrialObjectDetection"
    PERSONAL_PROTECTIVE_EQUIPMENT_DETECTION = "PersonalProtectiveEquipmentDetection"
    DIGITAL_GAUGE_DETECTION = "DigitalGaugeDetection"
    DIAL_GAUGE_DETECTION = "DialGaugeDetection"
    LEVEL_GAUGE_DETECTION = "LevelGaugeDetection"
    VALVE_DETECTION = "ValveDetection"

    @classmethod
    def beta_features(cls) -> set[VisionFeature]:
        """The features that are in beta."""
        return {
            cls.PERSONAL_PROTECTIVE_EQUIPMENT_DETECTION,
            cls.DIGITAL_GAUGE_DETECTION,
            cls.DIAL_GAUGE_DETECTION,
            cls.LEVEL_GAUGE_DETECTION,
            cls.VALVE_DETECTION,
        }


class ThresholdParameter(CogniteObject):
    """A detection threshold: the lowest confidence reported (0 to 1).

    Args:
        threshold: The threshold.
    """

    threshold: float | None = None


class TextDetectionParameters(ThresholdParameter):
    """Settings of text detection.

    Args:
        threshold: The lowest confidence reported.
    """


class AssetTagDetectionParameters(ThresholdParameter):
    """Settings of asset tag detection.

    Args:
        threshold: The lowest confidence reported.
        partial_match: Also report tags that match part of an asset name.
        asset_subtree_ids: Only assets in these subtrees.
    """

    partial_match: bool | None = None
    asset_subtree_ids: list[int] | None = None


class PeopleDetectionParameters(ThresholdParameter):
    """Settings of people detection.

    Args:
        threshold: The lowest confidence reported.
    """


class IndustrialObjectDetectionParameters(ThresholdParameter):
    """Settings of industrial object detection.

    Args:
        threshold: The lowest confidence reported.
    """


class PersonalProtectiveEquipmentDetectionParameters(ThresholdParameter):
    """Settings of personal protective equipment detection.

    Args:
        threshold: The lowest confidence reported.
    """


class DigitalGaugeDetection(ThresholdParameter):
    """Settings of digital gauge reading.

    Args:
        threshold: The lowest confidence reported.
        comma_position: Where the decimal comma is.
        min_num_digits: The fewest digits.
        max_num_digits: The most digits.
    """

    comma_position: int | None = msgspec.field(default=None, name="commaPos")
    min_num_digits: int | None = None
    max_num_digits: int | None = None


class DialGaugeDetection(ThresholdParameter):
    """Settings of dial gauge reading.

    Args:
        threshold: The lowest confidence reported.
        min_level: The value at the start of the dial.
        max_level: The value at the end of the dial.
        dead_angle: The angle of the dial without a scale.
        non_linear_angle: The angle where the scale stops being linear.
    """

    min_level: float | None = None
    max_level: float | None = None
    dead_angle: float | None = None
    non_linear_angle: float | None = msgspec.field(default=None, name="nonLinAngle")


class LevelGaugeDetection(ThresholdParameter):
    """Settings of level gauge reading.

    Args:
        threshold: The lowest confidence reported.
        min_level: The value at the bottom.
        max_level: The value at the top.
    """

    min_level: float | None = None
    max_level: float | None = None


class ValveDetection(ThresholdParameter):
    """Settings of valve detection.

    Args:
        threshold: The lowest confidence reported.
    """


class FeatureParameters(CogniteObject):
    """Settings per vision feature (the ``parameters`` of an extract request).

    Args:
        text_detection_parameters: Text detection.
        asset_tag_detection_parameters: Asset tag detection.
        people_detection_parameters: People detection.
        industrial_object_detection_parameters: Industrial object detection.
        personal_protective_equipment_detection_parameters: Personal protective equipment detection.
        digital_gauge_detection_parameters: Digital gauge reading.
        dial_gauge_detection_parameters: Dial gauge reading.
        level_gauge_detection_parameters: Level gauge reading.
        valve_detection_parameters: Valve detection.
    """

    text_detection_parameters: TextDetectionParameters | None = None
    asset_tag_detection_parameters: AssetTagDetectionParameters | None = None
    people_detection_parameters: PeopleDetectionParameters | None = None
    industrial_object_detection_parameters: IndustrialObjectDetectionParameters | None = None
    personal_protective_equipment_detection_parameters: PersonalProtectiveEquipmentDetectionParameters | None = None
    digital_gauge_detection_parameters: DigitalGaugeDetection | None = None
    dial_gauge_detection_parameters: DialGaugeDetection | None = None
    level_gauge_detection_parameters: LevelGaugeDetection | None = None
    valve_detection_parameters: ValveDetection | None = None


class VisionExtractPredictions(VisionResource):
    """What vision extract found in one image, per feature.

    Args:
        text_predictions: Text.
        asset_tag_predictions: Text naming assets.
        industrial_object_predictions: Industrial objects.
        people_predictions: People.
        personal_protective_equipment_predictions: Personal protective equipment.
        digital_gauge_predictions: Digital gauges.
        dial_gauge_predictions: Dial gauges and their keypoints.
        level_gauge_predictions: Level gauges and their keypoints.
        valve_predictions: Valves and their keypoints.
    """

    text_predictions: list[TextRegion] | None = None
    asset_tag_predictions: list[AssetLink] | None = None
    industrial_object_predictions: list[ObjectDetection] | None = None
    people_predictions: list[ObjectDetection] | None = None
    personal_protective_equipment_predictions: list[ObjectDetection] | None = None
    digital_gauge_predictions: list[ObjectDetection] | None = None
    dial_gauge_predictions: list[KeypointCollectionWithObjectDetection] | None = None
    level_gauge_predictions: list[KeypointCollectionWithObjectDetection] | None = None
    valve_predictions: list[KeypointCollectionWithObjectDetection] | None = None


class VisionExtractItem(CogniteResource):
    """The predictions of one image.

    Args:
        file_id: The file id.
        predictions: What was found.
        file_external_id: The file external id.
        error_message: Why the image could not be processed.
    """

    file_id: int | None = None
    predictions: VisionExtractPredictions | None = None
    file_external_id: str | None = None
    error_message: str | None = None


#: Annotation type of each kind of prediction (keypoint predictions give an object and a keypoint collection).
_PREDICTION_TYPES: dict[str, str] = {
    "text_predictions": "images.TextRegion",
    "asset_tag_predictions": "images.AssetLink",
    "industrial_object_predictions": "images.ObjectDetection",
    "people_predictions": "images.ObjectDetection",
    "personal_protective_equipment_predictions": "images.ObjectDetection",
    "digital_gauge_predictions": "images.ObjectDetection",
    "dial_gauge_predictions": "keypoints",
    "level_gauge_predictions": "keypoints",
    "valve_predictions": "keypoints",
}


class VisionExtractJob(ContextualizationJob):
    """A vision extract job; its ``items`` hold the predictions per image once it is completed.

    Args:
        job_id: The job id.
        status: The status.
        status_time: When the status last changed.
        created_time: When the job was created.
        items: The images and (once completed) their predictions.
        start_time: When the job started.
        error_message: Why the job failed.
    """

    _STATUS_PATH: ClassVar[str] = "/context/vision/extract/"

    items: list[VisionExtractItem] | None = None

    def _apply(self, data: dict[str, Any]) -> None:
        super()._apply(data)
        if data.get("items") is not None:
            self.items = [VisionExtractItem.load(x) for x in data["items"]]

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the job and its items.

        Args:
            camel_case: camelCase keys.

        Returns:
            The job as a dictionary.
        """
        return super().dump(camel_case)

    async def get_errors_async(self) -> list[str]:
        """Wait for the job and return the error messages of the images that could not be processed.

        Returns:
            The error messages.
        """
        result = await self.get_result_async()
        return [batch["errorMessage"] for batch in result.get("failedItems", []) if batch.get("errorMessage")]

    def get_errors(self) -> list[str]:
        """The error messages of the images that could not be processed (sync form of ``get_errors_async``)."""
        return run_sync(self.get_errors_async())

    def _annotations(
        self, creating_user: str | None, creating_app: str | None, creating_app_version: str | None
    ) -> list[AnnotationWrite]:
        from cognite.client._version import __version__

        app = creating_app or "cognite-sdk-python"
        version = creating_app_version or __version__
        out: list[AnnotationWrite] = []
        for item in self.items or []:
            if item.predictions is None or item.file_id is None:
                continue
            for field, kind in _PREDICTION_TYPES.items():
                found: Sequence[Any] = getattr(item.predictions, field) or []
                for prediction in found:
                    pairs: list[tuple[str, Any]]
                    if kind == "keypoints":
                        pairs = [("images.ObjectDetection", prediction.object_detection)]
                        pairs.append(("images.KeypointCollection", prediction.keypoint_collection))
                    else:
                        pairs = [(kind, prediction)]
                    for annotation_type, data in pairs:
                        if data is None:
                            continue
                        out.append(
                            AnnotationWrite(
                                annotation_type=annotation_type,
                                data=data.dump(camel_case=True),
                                status="suggested",
                                creating_app=app,
                                creating_app_version=version,
                                creating_user=creating_user,
                                annotated_resource_type="file",
                                annotated_resource_id=item.file_id,
                            )
                        )
        return out

    async def save_predictions_async(
        self,
        creating_user: str | None = None,
        creating_app: str | None = None,
        creating_app_version: str | None = None,
    ) -> Annotation | AnnotationList:
        """Wait for the job and save its predictions as suggested annotations of the images.

        Args:
            creating_user: The user to record (default: None).
            creating_app: The application to record (default: "cognite-sdk-python").
            creating_app_version: Its version (default: the SDK version).

        Returns:
            The annotations created.
        """
        await self.get_result_async()
        annotations = self._annotations(creating_user, creating_app, creating_app_version)
        if not annotations:
            return AnnotationList([])
        return await self._get_client().annotations.suggest(annotations)

    def save_predictions(
        self,
        creating_user: str | None = None,
        creating_app: str | None = None,
        creating_app_version: str | None = None,
    ) -> Annotation | AnnotationList:
        """Save the predictions as suggested annotations (sync form of ``save_predictions_async``).

        Args:
            creating_user: The user to record.
            creating_app: The application to record.
            creating_app_version: Its version.

        Returns:
            The annotations created.
        """
        return run_sync(self.save_predictions_async(creating_user, creating_app, creating_app_version))


# ---------------------------------------------------------------------------------------------- references


class ResourceReference(CogniteResource):
    """A reference to a resource by id or external id (e.g. what a reverse lookup of annotations answers).

    Args:
        id: The id.
        external_id: The external id.
    """

    id: int | None = None
    external_id: str | None = None


class ResourceReferenceList(CogniteResourceList[ResourceReference], IdTransformerMixin):
    """A list of resource references."""

    _RESOURCE = ResourceReference


__all__ = [
    "Annotation",
    "AnnotationList",
    "AnnotationWrite",
    "AssetLink",
    "AssetTagDetectionParameters",
    "CogniteAPIError",
    "CogniteModelFailedError",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteResourceListWithClientRef",
    "CogniteResourceWithClientRef",
    "CogniteUpdate",
    "ConnectionFlags",
    "ContextualizationJob",
    "ContextualizationJobList",
    "ContextualizationJobType",
    "CustomizeFuzziness",
    "DetectJobBundle",
    "DiagramConvertItem",
    "DiagramConvertPage",
    "DiagramConvertPageList",
    "DiagramConvertResults",
    "DiagramDetectConfig",
    "DiagramDetectItem",
    "DiagramDetectResults",
    "DialGaugeDetection",
    "DigitalGaugeDetection",
    "DirectionWeights",
    "EntityMatchingModel",
    "EntityMatchingModelList",
    "EntityMatchingModelUpdate",
    "EntityMatchingPredictionResult",
    "FeatureParameters",
    "FileReference",
    "IdTransformerMixin",
    "IndustrialObjectDetectionParameters",
    "JobStatus",
    "KeypointCollectionWithObjectDetection",
    "LevelGaugeDetection",
    "NodeId",
    "ObjectDetection",
    "PeopleDetectionParameters",
    "PersonalProtectiveEquipmentDetectionParameters",
    "PropertySpec",
    "ResourceReference",
    "ResourceReferenceList",
    "TextDetectionParameters",
    "TextRegion",
    "ThresholdParameter",
    "ValveDetection",
    "VisionExtractItem",
    "VisionExtractJob",
    "VisionExtractPredictions",
    "VisionFeature",
    "VisionResource",
]
