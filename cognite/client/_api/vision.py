"""The Vision API: extract text, asset tags, objects and gauge readings from images (runs as jobs)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cognite.client._api_client import APIClient, object_decoder
from cognite.client.data_classes._base import set_client
from cognite.client.data_classes.contextualization import FeatureParameters, VisionExtractJob, VisionFeature

__all__ = ["VisionAPI"]


class VisionAPI(APIClient[VisionExtractJob, Any]):  # type: ignore[type-var]
    """Extract features from images: text, asset tags, people, industrial objects, gauges and valves.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     f = client.files.upload_bytes(b"GAUGE 21-PI-1", name="img.txt")
        ...     job = client.vision.extract(features="TextDetection", file_ids=[f.id])
        ...     job.wait_for_completion()
        ...     [t.text for t in job.items[0].predictions.text_predictions]
        ['GAUGE', '21-PI-1']
    """

    _RESOURCE_PATH = "/context/vision"
    _RESOURCE_CLS = VisionExtractJob
    _EXTRACT_FILE_LIMIT = 100

    async def extract(
        self,
        features: VisionFeature | str | Sequence[VisionFeature | str],
        file_ids: int | Sequence[int] | None = None,
        file_external_ids: str | Sequence[str] | None = None,
        parameters: FeatureParameters | None = None,
    ) -> VisionExtractJob:
        """Start a job that extracts features from images.

        Args:
            features: The feature(s) to extract, e.g. ``VisionFeature.TEXT_DETECTION``.
            file_ids: Images by file id.
            file_external_ids: Images by file external id.
            parameters: Settings per feature.

        Returns:
            The job; once completed its ``items`` hold the predictions per image.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.contextualization import VisionFeature
            >>> with emulated_client() as client:
            ...     f = client.files.upload_bytes(b"", name="img.png")
            ...     client.vision.extract(VisionFeature.PEOPLE_DETECTION, file_ids=f.id).status
            'Queued'
        """
        listed = [features] if isinstance(features, str | VisionFeature) else list(features)
        wire: list[str] = []
        for feature in listed:
            try:
                value = VisionFeature(feature).value
            except ValueError:
                raise ValueError(
                    f"features must be among {[f.value for f in VisionFeature]}, got {feature!r}"
                ) from None
            if value not in wire:
                wire.append(value)
        if not wire:
            raise ValueError("features must not be empty")
        items: list[dict[str, Any]] = []
        for fid in [file_ids] if isinstance(file_ids, int) else list(file_ids or []):
            if isinstance(fid, bool) or not isinstance(fid, int):
                raise TypeError(f"file_ids must contain ints, got {fid!r}")
            items.append({"fileId": fid})
        for xid in [file_external_ids] if isinstance(file_external_ids, str) else list(file_external_ids or []):
            if not isinstance(xid, str):
                raise TypeError(f"file_external_ids must contain strs, got {xid!r}")
            items.append({"fileExternalId": xid})
        if not items:
            raise ValueError("Give at least one image: file_ids or file_external_ids")
        if len(items) > self._EXTRACT_FILE_LIMIT:
            raise ValueError(f"At most {self._EXTRACT_FILE_LIMIT} images per extract job, got {len(items)}")
        body: dict[str, Any] = {"items": items, "features": wire}
        if parameters is not None:
            if not isinstance(parameters, FeatureParameters):
                raise TypeError(f"parameters must be a FeatureParameters, not {type(parameters).__name__}")
            body["parameters"] = parameters.dump(camel_case=True)
        resp = await self._post(self._RESOURCE_PATH + "/extract", json=body)
        job = object_decoder(VisionExtractJob).decode(resp.content)
        set_client(job, self._cognite_client)
        return job

    async def get_extract_job(self, job_id: int) -> VisionExtractJob:
        """Fetch the current state (and, when completed, the predictions) of an extract job.

        Args:
            job_id: The job id.

        Returns:
            The job.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     f = client.files.upload_bytes(b"", name="img.png")
            ...     job = client.vision.extract("TextDetection", file_ids=[f.id])
            ...     client.vision.get_extract_job(job.job_id).status
            'Completed'
        """
        if isinstance(job_id, bool) or not isinstance(job_id, int):
            raise TypeError(f"job_id must be an int, not {type(job_id).__name__}")
        job = VisionExtractJob(job_id=job_id)
        set_client(job, self._cognite_client)
        job._apply((await self._get(f"{self._RESOURCE_PATH}/extract/{job_id}")).json())
        return job
