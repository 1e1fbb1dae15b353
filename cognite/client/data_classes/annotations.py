"""Annotation data classes: read, write, update, filters and lists.

An annotation links a resource (a file or a 3D model) to typed data, e.g. an ``images.ObjectDetection`` or a
``diagrams.AssetLink``; ``data`` is the wire form of that type (see :mod:`cognite.client.data_classes.annotation_types`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from cognite.client.data_classes._base import (
    CogniteFilter,
    CogniteObject,
    CogniteObjectUpdate,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    IdTransformerMixin,
    PropertySpec,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    update_field,
)

AnnotationStatus = Literal["suggested", "approved", "rejected"]
AnnotatedResourceType = Literal["file", "threedmodel"]
_STATUSES = ("suggested", "approved", "rejected")
_RESOURCE_TYPES = ("file", "threedmodel")


def _check_core(obj: Any) -> None:
    if obj.data is not None and not isinstance(obj.data, dict):
        obj.data = _dump_data(obj.data)
    if obj.status is not None and obj.status not in _STATUSES:
        raise ValueError(f"status must be one of {_STATUSES}, got {obj.status!r}")
    if obj.annotated_resource_type is not None and obj.annotated_resource_type not in _RESOURCE_TYPES:
        raise ValueError(
            f"annotated_resource_type must be one of {_RESOURCE_TYPES}, got {obj.annotated_resource_type!r}"
        )


def _dump_data(data: Any) -> dict[str, Any]:
    if isinstance(data, CogniteObject):
        return data.dump(camel_case=True)
    if isinstance(data, dict):
        return data
    raise TypeError(f"data must be a dict or an annotation-type object, not {type(data).__name__}")


class AnnotationCore(WriteableCogniteResource["AnnotationWrite"]):
    """The fields every annotation has (base of :class:`Annotation` and :class:`AnnotationWrite`).

    Args:
        annotation_type: The type of ``data``, e.g. ``"images.ObjectDetection"``.
        data: The annotation data (a dict in wire form, or an annotation-type object).
        status: "suggested", "approved" or "rejected".
        creating_app: The application that made it.
        creating_app_version: Its version (semantic version).
        creating_user: The user that made it (or None).
        annotated_resource_type: "file" or "threedmodel".
        annotated_resource_id: The id of the annotated resource.
    """

    annotation_type: str | None = None
    data: dict[str, Any] | None = None
    status: str | None = None
    creating_app: str | None = None
    creating_app_version: str | None = None
    creating_user: str | None = None
    annotated_resource_type: str | None = None
    annotated_resource_id: int | None = None

    def __post_init__(self) -> None:
        _check_core(self)

    def as_write(self) -> AnnotationWrite:
        """Return the write form (what ``create`` and ``suggest`` accept)."""
        missing = [
            n for n in ("annotation_type", "data", "creating_app", "creating_app_version") if getattr(self, n) is None
        ]
        missing += [n for n in ("annotated_resource_type", "annotated_resource_id") if getattr(self, n) is None]
        if missing:
            raise ValueError(f"{type(self).__name__} lacks {missing} to be written")
        return AnnotationWrite(
            annotation_type=self.annotation_type,  # type: ignore[arg-type]
            data=self.data,
            status=self.status or "suggested",
            creating_app=self.creating_app,  # type: ignore[arg-type]
            creating_app_version=self.creating_app_version,  # type: ignore[arg-type]
            creating_user=self.creating_user,
            annotated_resource_type=self.annotated_resource_type,  # type: ignore[arg-type]
            annotated_resource_id=self.annotated_resource_id,  # type: ignore[arg-type]
        )


class AnnotationWrite(WriteableCogniteResource["AnnotationWrite"]):
    """An annotation to create (or suggest).

    Args:
        annotation_type: The type of ``data``, e.g. ``"images.ObjectDetection"``.
        data: The annotation data (a dict in wire form, or an annotation-type object).
        status: "suggested", "approved" or "rejected".
        creating_app: The application that made it.
        creating_app_version: Its version (semantic version).
        creating_user: The user that made it (or None).
        annotated_resource_type: "file" or "threedmodel".
        annotated_resource_id: The id of the annotated resource.

    Example:
        >>> from cognite.client.data_classes import AnnotationWrite
        >>> AnnotationWrite("images.Classification", {"label": "pump"}, "approved", "app", "1.0.0", None, "file", 1).data
        {'label': 'pump'}
    """

    annotation_type: str
    data: Any
    status: str
    creating_app: str
    creating_app_version: str
    creating_user: str | None
    annotated_resource_type: str
    annotated_resource_id: int

    def __post_init__(self) -> None:
        _check_core(self)
        if not isinstance(self.annotation_type, str):
            raise TypeError(f"annotation_type must be a str, not {type(self.annotation_type).__name__}")
        if isinstance(self.annotated_resource_id, bool) or not isinstance(self.annotated_resource_id, int):
            raise TypeError(f"annotated_resource_id must be an int, not {type(self.annotated_resource_id).__name__}")

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the annotation; ``creatingUser`` is always present (null when unknown), as CDF requires.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The annotation as a dictionary.
        """
        out = super().dump(camel_case)
        out.setdefault("creatingUser" if camel_case else "creating_user", self.creating_user)
        return out

    def as_write(self) -> AnnotationWrite:
        """Return this object (it is already the write form)."""
        return self


class Annotation(AnnotationCore):
    """An annotation stored in CDF.

    Args:
        id: The id.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        annotation_type: The type of ``data``.
        data: The annotation data.
        status: "suggested", "approved" or "rejected".
        creating_app: The application that made it.
        creating_app_version: Its version.
        creating_user: The user that made it.
        annotated_resource_type: "file" or "threedmodel".
        annotated_resource_id: The id of the annotated resource.
    """

    id: int | None = None
    created_time: int | None = None
    last_updated_time: int | None = None


class AnnotationWriteList(CogniteResourceList[AnnotationWrite]):
    """A list of annotations to create."""

    _RESOURCE = AnnotationWrite


class AnnotationList(WriteableCogniteResourceList[AnnotationWrite, Annotation], IdTransformerMixin):
    """A list of annotations."""

    _RESOURCE = Annotation
    _WRITE_LIST = AnnotationWriteList


class AnnotationUpdate(CogniteUpdate):
    """Changes to an annotation, by id: its type, data and status can be set.

    Args:
        id: The id of the annotation.

    Example:
        >>> from cognite.client.data_classes import AnnotationUpdate
        >>> AnnotationUpdate(id=1).status.set("approved").dump()
        {'id': 1, 'update': {'status': {'set': 'approved'}}}
    """

    _PROPERTIES = (
        PropertySpec("annotation_type", is_nullable=False),
        PropertySpec("data", is_nullable=False),
        PropertySpec("status", is_nullable=False),
    )

    annotation_type: CognitePrimitiveUpdate[AnnotationUpdate] = update_field(CognitePrimitiveUpdate)
    data: CognitePrimitiveUpdate[AnnotationUpdate] = update_field(CognitePrimitiveUpdate)
    status: CognitePrimitiveUpdate[AnnotationUpdate] = update_field(CognitePrimitiveUpdate)

    def __init__(self, id: int) -> None:
        if isinstance(id, bool) or not isinstance(id, int):
            raise TypeError(f"id must be an int, not {type(id).__name__}")
        super().__init__(id=id)


class AnnotationFilter(CogniteFilter):
    """Filter on annotations of given resources (CDF needs the resource type and ids).

    Args:
        annotated_resource_type: "file" or "threedmodel".
        annotated_resource_ids: The resources, as ``{"id": ..}`` or ``{"externalId": ..}``.
        status: Only annotations with this status.
        creating_user: Only annotations made by this user.
        creating_app: Only annotations made by this application.
        creating_app_version: Only annotations made by this application version.
        annotation_type: Only annotations of this type.
        data: Only annotations whose data contains these key/values.

    Example:
        >>> from cognite.client.data_classes import AnnotationFilter
        >>> AnnotationFilter("file", [{"id": 1}], status="approved").dump()
        {'annotatedResourceType': 'file', 'annotatedResourceIds': [{'id': 1}], 'status': 'approved'}
    """

    annotated_resource_type: str
    annotated_resource_ids: list[dict[str, Any]]
    status: str | None = None
    creating_user: str | None = None
    creating_app: str | None = None
    creating_app_version: str | None = None
    annotation_type: str | None = None
    data: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        if self.annotated_resource_type not in _RESOURCE_TYPES:
            raise ValueError(
                f"annotated_resource_type must be one of {_RESOURCE_TYPES}, got {self.annotated_resource_type!r}"
            )
        if not isinstance(self.annotated_resource_ids, Sequence) or isinstance(self.annotated_resource_ids, str):
            raise TypeError("annotated_resource_ids must be a list of {'id': ..} or {'externalId': ..}")
        if not self.annotated_resource_ids:
            raise ValueError("annotated_resource_ids must not be empty")
        self.annotated_resource_ids = [_ref(r) for r in self.annotated_resource_ids]
        if self.status is not None and self.status not in _STATUSES:
            raise ValueError(f"status must be one of {_STATUSES}, got {self.status!r}")


class AnnotationReverseLookupFilter(CogniteFilter):
    """Filter of a reverse lookup: which resources have annotations like these.

    Args:
        annotated_resource_type: "file" or "threedmodel".
        status: Only annotations with this status.
        creating_user: Only annotations made by this user.
        creating_app: Only annotations made by this application.
        creating_app_version: Only annotations made by this application version.
        annotation_type: Only annotations of this type.
        data: Only annotations whose data contains these key/values.
    """

    annotated_resource_type: str
    status: str | None = None
    creating_user: str | None = None
    creating_app: str | None = None
    creating_app_version: str | None = None
    annotation_type: str | None = None
    data: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        if self.annotated_resource_type not in _RESOURCE_TYPES:
            raise ValueError(
                f"annotated_resource_type must be one of {_RESOURCE_TYPES}, got {self.annotated_resource_type!r}"
            )
        if self.status is not None and self.status not in _STATUSES:
            raise ValueError(f"status must be one of {_STATUSES}, got {self.status!r}")


def _ref(value: Any) -> dict[str, Any]:
    if isinstance(value, int) and not isinstance(value, bool):
        return {"id": value}
    if isinstance(value, dict) and len(value) == 1:
        key = next(iter(value))
        wire = {"id": "id", "externalId": "externalId", "external_id": "externalId"}.get(key)
        if wire is not None:
            return {wire: value[key]}
    raise ValueError(f"Invalid resource reference {value!r}: expected {{'id': int}} or {{'externalId': str}}")


__all__ = [
    "Annotation",
    "AnnotationCore",
    "AnnotationFilter",
    "AnnotationList",
    "AnnotationReverseLookupFilter",
    "AnnotationUpdate",
    "AnnotationWrite",
    "AnnotationWriteList",
    "CogniteFilter",
    "CogniteObjectUpdate",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "IdTransformerMixin",
    "PropertySpec",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]
