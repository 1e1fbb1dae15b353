"""The Engineering Diagrams API: detect entity names in diagrams, and convert diagrams with the detections shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, overload

from cognite.client._api_client import APIClient, chunks, object_decoder
from cognite.client._concurrency import execute, raise_if_failed
from cognite.client.data_classes._base import CogniteResource, set_client
from cognite.client.data_classes.contextualization import (
    DetectJobBundle,
    DiagramConvertResults,
    DiagramDetectConfig,
    DiagramDetectResults,
    FileReference,
)
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.exceptions import CogniteAPIError

__all__ = ["DiagramsAPI"]


def _file_items(
    file_ids: Any, file_external_ids: Any, file_instance_ids: Any, file_references: Any
) -> list[dict[str, Any]]:
    def as_list(value: Any, name: str) -> list[Any]:
        if value is None:
            return []
        return list(value) if isinstance(value, Sequence) and not isinstance(value, str) else [value]

    items: list[dict[str, Any]] = []
    for fid in as_list(file_ids, "file_ids"):
        if isinstance(fid, bool) or not isinstance(fid, int):
            raise TypeError(f"file_ids must contain ints, got {fid!r}")
        items.append({"fileId": fid})
    for xid in as_list(file_external_ids, "file_external_ids"):
        if not isinstance(xid, str):
            raise TypeError(f"file_external_ids must contain strs, got {xid!r}")
        items.append({"fileExternalId": xid})
    for iid in as_list(file_instance_ids, "file_instance_ids"):
        if not isinstance(iid, NodeId):
            raise TypeError(f"file_instance_ids must contain NodeIds, got {iid!r}")
        items.append({"fileInstanceId": {"space": iid.space, "externalId": iid.external_id}})
    for ref in as_list(file_references, "file_references"):
        if not isinstance(ref, FileReference):
            raise TypeError(f"file_references must contain FileReference objects, got {ref!r}")
        items.append(ref.to_api_item())
    if not items:
        raise ValueError("Give at least one file: file_ids, file_external_ids, file_instance_ids or file_references")
    return items


def _detect_entities(entities: Any) -> list[dict[str, Any]]:
    if isinstance(entities, str | bytes | dict) or not isinstance(entities, Sequence):
        raise TypeError("entities must be a list of dicts or resources")
    out = []
    for entity in entities:
        if isinstance(entity, dict):
            out.append(entity)
        elif isinstance(entity, CogniteResource):
            out.append(entity.dump(camel_case=False))
        else:
            raise TypeError(f"entities must contain dicts or resources, not {type(entity).__name__}")
    if not out:
        raise ValueError("entities must not be empty")
    return out


class DiagramsAPI(APIClient[DiagramDetectResults, Any]):
    """Detect entities (e.g. asset names) in engineering diagrams, and convert diagrams to interactive SVGs.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     f = client.files.upload_bytes(b"Pump 21-PT-1019 feeds tank T-1", name="pid.txt")
        ...     job = client.diagrams.detect([{"name": "21-PT-1019"}], file_ids=[f.id])
        ...     [a["text"] for a in job.result["items"][0]["annotations"]]
        ['21-PT-1019']
    """

    _RESOURCE_PATH = "/context/diagram"
    _RESOURCE_CLS = DiagramDetectResults
    _DETECT_FILE_LIMIT = 50

    async def _start(self, path: str, body: dict[str, Any], cls: type[Any]) -> Any:
        resp = await self._post(self._RESOURCE_PATH + path, json=body)
        job = object_decoder(cls).decode(resp.content)
        set_client(job, self._cognite_client)
        return job

    @overload
    async def detect(
        self,
        entities: Sequence[dict[str, Any] | CogniteResource],
        search_field: str = "name",
        partial_match: bool = False,
        min_tokens: int = 2,
        file_ids: int | Sequence[int] | None = None,
        file_external_ids: str | Sequence[str] | None = None,
        file_instance_ids: NodeId | Sequence[NodeId] | None = None,
        file_references: FileReference | Sequence[FileReference] | None = None,
        pattern_mode: bool | None = None,
        configuration: DiagramDetectConfig | dict[str, Any] | None = None,
        *,
        multiple_jobs: Literal[False] = False,
    ) -> DiagramDetectResults: ...
    @overload
    async def detect(
        self,
        entities: Sequence[dict[str, Any] | CogniteResource],
        search_field: str = "name",
        partial_match: bool = False,
        min_tokens: int = 2,
        file_ids: int | Sequence[int] | None = None,
        file_external_ids: str | Sequence[str] | None = None,
        file_instance_ids: NodeId | Sequence[NodeId] | None = None,
        file_references: FileReference | Sequence[FileReference] | None = None,
        pattern_mode: bool | None = None,
        configuration: DiagramDetectConfig | dict[str, Any] | None = None,
        *,
        multiple_jobs: Literal[True],
    ) -> tuple[DetectJobBundle | None, list[dict[str, Any]]]: ...
    @overload
    async def detect(
        self,
        entities: Sequence[dict[str, Any] | CogniteResource],
        search_field: str = "name",
        partial_match: bool = False,
        min_tokens: int = 2,
        file_ids: int | Sequence[int] | None = None,
        file_external_ids: str | Sequence[str] | None = None,
        file_instance_ids: NodeId | Sequence[NodeId] | None = None,
        file_references: FileReference | Sequence[FileReference] | None = None,
        pattern_mode: bool | None = None,
        configuration: DiagramDetectConfig | dict[str, Any] | None = None,
        *,
        multiple_jobs: bool,
    ) -> DiagramDetectResults | tuple[DetectJobBundle | None, list[dict[str, Any]]]: ...
    async def detect(
        self,
        entities: Sequence[dict[str, Any] | CogniteResource],
        search_field: str = "name",
        partial_match: bool = False,
        min_tokens: int = 2,
        file_ids: int | Sequence[int] | None = None,
        file_external_ids: str | Sequence[str] | None = None,
        file_instance_ids: NodeId | Sequence[NodeId] | None = None,
        file_references: FileReference | Sequence[FileReference] | None = None,
        pattern_mode: bool | None = None,
        configuration: DiagramDetectConfig | dict[str, Any] | None = None,
        *,
        multiple_jobs: bool = False,
    ) -> DiagramDetectResults | tuple[DetectJobBundle | None, list[dict[str, Any]]]:
        """Detect the entities named in diagrams (runs as a job).

        Args:
            entities: What to look for: dicts (or resources) whose ``search_field`` holds the name(s) to find.
            search_field: The field of the entities holding the name to search for.
            partial_match: Also find names that match only partly.
            min_tokens: The fewest tokens a match must have.
            file_ids: Files by id.
            file_external_ids: Files by external id.
            file_instance_ids: Files by instance id.
            file_references: Files with page ranges.
            pattern_mode: Find names by pattern (e.g. tags in a naming standard) instead of exactly.
            configuration: Advanced settings.
            multiple_jobs: Split more than 50 files into several jobs; then returns (bundle, batches not started).

        Returns:
            The job (its result has ``items`` with ``annotations`` per file); with ``multiple_jobs``, a bundle of
            jobs and the batches that could not be started (``{"files", "error"}``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     f = client.files.upload_bytes(b"V-101 and V-102", name="d.txt")
            ...     job = client.diagrams.detect([{"name": "V-102"}, {"name": "P-1"}], file_ids=f.id)
            ...     job.wait_for_completion()
            ...     len(job.items[0].annotations)
            1
        """
        items = _file_items(file_ids, file_external_ids, file_instance_ids, file_references)
        if not isinstance(search_field, str) or not search_field:
            raise TypeError("search_field must be a non-empty str")
        if not isinstance(partial_match, bool):
            raise TypeError("partial_match must be a bool")
        if isinstance(min_tokens, bool) or not isinstance(min_tokens, int) or min_tokens < 1:
            raise ValueError(f"min_tokens must be a positive int, got {min_tokens!r}")
        body: dict[str, Any] = {
            "entities": _detect_entities(entities),
            "searchField": search_field,
            "partialMatch": partial_match,
            "minTokens": min_tokens,
        }
        if pattern_mode is not None:
            body["patternMode"] = bool(pattern_mode)
        if configuration is not None:
            if isinstance(configuration, DiagramDetectConfig):
                body["configuration"] = configuration.dump(camel_case=True)
            elif isinstance(configuration, dict):
                body["configuration"] = configuration
            else:
                raise TypeError(
                    f"configuration must be a DiagramDetectConfig or dict, not {type(configuration).__name__}"
                )
        if not multiple_jobs:
            if len(items) > self._DETECT_FILE_LIMIT:
                raise ValueError(
                    f"At most {self._DETECT_FILE_LIMIT} files per detect job, got {len(items)}: pass multiple_jobs=True"
                )
            return await self._start("/detect", {**body, "items": items}, DiagramDetectResults)  # type: ignore[no-any-return]
        batches = chunks(items, self._DETECT_FILE_LIMIT)

        def task(batch: Sequence[dict[str, Any]]) -> Callable[[], Any]:
            async def run() -> Any:
                try:
                    return await self._start("/detect", {**body, "items": list(batch)}, DiagramDetectResults)
                except CogniteAPIError as err:
                    return {"files": list(batch), "error": str(err)}

            return run

        outcome = await execute([task(b) for b in batches], self._max_workers("write"))
        raise_if_failed(outcome, [list(b) for b in batches])
        started = [r for r in outcome.values() if isinstance(r, DiagramDetectResults)]
        unposted = [r for r in outcome.values() if isinstance(r, dict)]
        bundle = (
            DetectJobBundle([j.job_id for j in started if j.job_id is not None], self._cognite_client)
            if started
            else None
        )
        return bundle, unposted

    async def get_detect_jobs(self, job_ids: list[int]) -> list[DiagramDetectResults]:
        """Fetch the current state (and, when completed, the result) of detect jobs.

        Args:
            job_ids: The job ids.

        Returns:
            The jobs, in the order asked.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     f = client.files.upload_bytes(b"V-101", name="d.txt")
            ...     job = client.diagrams.detect([{"name": "V-101"}], file_ids=[f.id])
            ...     [j.status for j in client.diagrams.get_detect_jobs([job.job_id])]
            ['Completed']
        """
        if not isinstance(job_ids, Sequence) or not all(
            isinstance(j, int) and not isinstance(j, bool) for j in job_ids
        ):
            raise TypeError("job_ids must be a list of ints")

        def task(job_id: int) -> Callable[[], Any]:
            async def run() -> DiagramDetectResults:
                resp = await self._get(f"{self._RESOURCE_PATH}/detect/{job_id}")
                job = DiagramDetectResults(job_id=job_id)
                job._apply(resp.json())
                set_client(job, self._cognite_client)
                return job

            return run

        outcome = await execute([task(j) for j in job_ids], self._max_workers("read"))
        raise_if_failed(outcome, [[j] for j in job_ids])
        return outcome.values()

    async def convert(self, detect_job: DiagramDetectResults) -> DiagramConvertResults:
        """Render diagrams with their detections highlighted (runs as a job; waits for the detect job first).

        Args:
            detect_job: A detect job.

        Returns:
            The convert job (its result has the page images of each file).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     f = client.files.upload_bytes(b"V-101", name="d.txt")
            ...     job = client.diagrams.detect([{"name": "V-101"}], file_ids=[f.id])
            ...     converted = client.diagrams.convert(job)
            ...     converted.wait_for_completion()
            ...     converted.items[0].pages[0].page
            1
        """
        if not isinstance(detect_job, DiagramDetectResults):
            raise TypeError(f"detect_job must be a DiagramDetectResults, not {type(detect_job).__name__}")
        result = await detect_job.get_result_async()
        items = []
        for item in result.get("items", []):
            if "annotations" not in item:
                continue
            if item.get("fileId") is not None:
                ident: dict[str, Any] = {"fileId": item["fileId"]}
            elif item.get("fileInstanceId") is not None:
                ident = {"fileInstanceId": item["fileInstanceId"]}
            else:
                ident = {"fileExternalId": item["fileExternalId"]}
            items.append({**ident, "annotations": item["annotations"]})
        if not items:
            raise ValueError("The detect job has no files with detections to convert")
        return await self._start("/convert", {"items": items}, DiagramConvertResults)  # type: ignore[no-any-return]
