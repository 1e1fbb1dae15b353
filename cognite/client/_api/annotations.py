"""The Annotations API: typed annotations of files and 3D models, with suggest, reverse lookup and update."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, overload

import msgspec

from cognite.client._api_client import APIClient, IdentifierSequence, check_limit
from cognite.client.data_classes.annotations import (
    Annotation,
    AnnotationFilter,
    AnnotationList,
    AnnotationReverseLookupFilter,
    AnnotationUpdate,
    AnnotationWrite,
)
from cognite.client.data_classes.contextualization import ResourceReference, ResourceReferenceList

__all__ = ["AnnotationsAPI"]


class _ReverseLookupPage(msgspec.Struct, rename="camel"):
    items: list[ResourceReference]
    next_cursor: str | None = None


def _writes(annotations: Any, name: str) -> tuple[bool, list[AnnotationWrite]]:
    """The annotations as write objects (one or a list), checked before anything is sent."""
    single = not isinstance(annotations, Sequence) or isinstance(annotations, str | bytes)
    items = [annotations] if single else list(annotations)
    out = []
    for item in items:
        if isinstance(item, AnnotationWrite):
            out.append(item)
        elif isinstance(item, Annotation):
            out.append(item.as_write())
        else:
            raise TypeError(f"{name} must be Annotation or AnnotationWrite objects, not {type(item).__name__}")
    if not out:
        raise ValueError(f"{name} must not be empty")
    return single, out


def _dump_filter(flt: Any, cls: type[Any], name: str) -> dict[str, Any]:
    if isinstance(flt, cls):
        return flt.dump(camel_case=True)  # type: ignore[no-any-return]
    if isinstance(flt, dict):
        return cls.load(flt).dump(camel_case=True)  # type: ignore[no-any-return]
    raise TypeError(f"{name} must be a {cls.__name__} or a dict, not {type(flt).__name__}")


class AnnotationsAPI(APIClient[Annotation, AnnotationList]):
    """Create, suggest, read, update and delete annotations, and find which resources have annotations.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes import AnnotationFilter, AnnotationWrite
        >>> with emulated_client() as client:
        ...     ann = AnnotationWrite("images.Classification", {"label": "pump"}, "approved", "app", "1.0.0", None, "file", 7)
        ...     _ = client.annotations.create(ann)
        ...     [a.data["label"] for a in client.annotations.list(AnnotationFilter("file", [{"id": 7}]))]
        ['pump']
    """

    _RESOURCE_PATH = "/annotations"
    _RESOURCE_CLS = Annotation
    _LIST_CLS = AnnotationList
    _UPDATE_CLS = AnnotationUpdate
    _CREATE_LIMIT = 1000
    _RETRIEVE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _UPDATE_LIMIT = 1000
    _LIST_LIMIT = 1000

    @overload
    async def create(self, annotations: Annotation | AnnotationWrite) -> Annotation: ...
    @overload
    async def create(self, annotations: Sequence[Annotation | AnnotationWrite]) -> AnnotationList: ...
    async def create(
        self, annotations: Annotation | AnnotationWrite | Sequence[Annotation | AnnotationWrite]
    ) -> Annotation | AnnotationList:
        """Create one or more annotations (CDF checks ``data`` against ``annotation_type``).

        Args:
            annotations: An annotation or a list of annotations.

        Returns:
            The created annotation, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import AnnotationWrite
            >>> with emulated_client() as client:
            ...     client.annotations.create(
            ...         AnnotationWrite("images.Classification", {"label": "valve"}, "suggested", "app", "1.0.0", "me", "file", 1)
            ...     ).status
            'suggested'
        """
        single, items = _writes(annotations, "annotations")
        return await self._create_multiple(items[0] if single else items, write_cls=AnnotationWrite)  # type: ignore[no-any-return]

    @overload
    async def suggest(self, annotations: Annotation | AnnotationWrite) -> Annotation: ...
    @overload
    async def suggest(self, annotations: Sequence[Annotation | AnnotationWrite]) -> AnnotationList: ...
    async def suggest(
        self, annotations: Annotation | AnnotationWrite | Sequence[Annotation | AnnotationWrite]
    ) -> Annotation | AnnotationList:
        """Suggest one or more annotations: they are created with the status "suggested".

        Args:
            annotations: An annotation or a list; a status other than "suggested" is an error.

        Returns:
            The suggested annotation, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import AnnotationWrite
            >>> with emulated_client() as client:
            ...     client.annotations.suggest(
            ...         AnnotationWrite("images.Classification", {"label": "valve"}, "suggested", "app", "1.0.0", None, "file", 1)
            ...     ).status
            'suggested'
        """
        single, items = _writes(annotations, "annotations")
        bad = [a.status for a in items if a.status != "suggested"]
        if bad:
            raise ValueError(f"annotations to suggest must have the status 'suggested', got {bad[0]!r}")
        bodies = [{k: v for k, v in a.dump(camel_case=True).items() if k != "status"} for a in items]
        return await self._create_multiple(  # type: ignore[no-any-return]
            bodies[0] if single else bodies, path=self._RESOURCE_PATH + "/suggest"
        )

    @overload
    async def update(
        self,
        item: Annotation | AnnotationWrite | AnnotationUpdate,
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> Annotation: ...
    @overload
    async def update(
        self,
        item: Sequence[Annotation | AnnotationWrite | AnnotationUpdate],
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> AnnotationList: ...
    async def update(
        self,
        item: Annotation
        | AnnotationWrite
        | AnnotationUpdate
        | Sequence[Annotation | AnnotationWrite | AnnotationUpdate],
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> Annotation | AnnotationList:
        """Update the type, data or status of one or more annotations.

        Args:
            item: Annotation(s) (with an id) or AnnotationUpdate(s).
            mode: For whole annotations: "replace_ignore_null" and "patch" set the given fields; "replace" too
                (the fields cannot be cleared).

        Returns:
            The updated annotation, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import AnnotationUpdate, AnnotationWrite
            >>> with emulated_client() as client:
            ...     ann = client.annotations.create(
            ...         AnnotationWrite("images.Classification", {"label": "valve"}, "suggested", "app", "1.0.0", None, "file", 1)
            ...     )
            ...     client.annotations.update(AnnotationUpdate(id=ann.id).status.set("approved")).status
            'approved'
        """
        return await self._update_multiple(item, mode)  # type: ignore[no-any-return]

    async def delete(self, id: int | Sequence[int]) -> None:
        """Delete one or more annotations.

        Args:
            id: Id(s) to delete.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import AnnotationWrite
            >>> with emulated_client() as client:
            ...     ann = client.annotations.create(
            ...         AnnotationWrite("images.Classification", {"label": "valve"}, "suggested", "app", "1.0.0", None, "file", 1)
            ...     )
            ...     client.annotations.delete(ann.id)
            ...     client.annotations.retrieve(ann.id) is None
            True
        """
        identifiers = IdentifierSequence(ids=id, id_name="id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=None)

    async def retrieve(self, id: int) -> Annotation | None:
        """Retrieve one annotation by id.

        Args:
            id: The id.

        Returns:
            The annotation, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.annotations.retrieve(123) is None
            True
        """
        if isinstance(id, bool) or not isinstance(id, int):
            raise TypeError(f"id must be an int, not {type(id).__name__}")
        return await self._retrieve(f"{self._RESOURCE_PATH}/{id}")  # type: ignore[no-any-return]

    async def retrieve_multiple(self, ids: Sequence[int]) -> AnnotationList:
        """Retrieve several annotations by id.

        Args:
            ids: The ids.

        Returns:
            The annotations.

        Raises:
            CogniteNotFoundError: Some ids do not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.annotations.retrieve_multiple([]))
            0
        """
        identifiers = IdentifierSequence(ids=ids)
        if not identifiers:
            return AnnotationList._from_items([], self._cognite_client)
        return await self._retrieve_items(identifiers.as_dicts())  # type: ignore[no-any-return]

    async def list(self, filter: AnnotationFilter | dict[str, Any], limit: int | None = 25) -> AnnotationList:
        """List the annotations of given resources.

        Args:
            filter: Which annotations: the resource type and ids are required.
            limit: Maximum number of annotations (default 25; None, -1 or inf: all).

        Returns:
            The annotations.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import AnnotationFilter
            >>> with emulated_client() as client:
            ...     len(client.annotations.list(AnnotationFilter("file", [{"id": 1}]), limit=None))
            0
        """
        flt = _dump_filter(filter, AnnotationFilter, "filter")
        return await self._list(limit=limit, filter=flt)  # type: ignore[no-any-return]

    async def reverse_lookup(
        self, filter: AnnotationReverseLookupFilter | dict[str, Any], limit: int | None = None
    ) -> ResourceReferenceList:
        """Find the resources that have annotations matching a filter.

        Args:
            filter: Which annotations (the resource type is required).
            limit: Maximum number of resources (None, -1 or inf: all).

        Returns:
            References to the annotated resources.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import AnnotationWrite
            >>> from cognite.client.data_classes.annotations import AnnotationReverseLookupFilter
            >>> with emulated_client() as client:
            ...     _ = client.annotations.create(
            ...         AnnotationWrite("images.Classification", {"label": "valve"}, "approved", "app", "1.0.0", None, "file", 5)
            ...     )
            ...     client.annotations.reverse_lookup(AnnotationReverseLookupFilter("file", status="approved")).as_ids()
            [5]
        """
        flt = _dump_filter(filter, AnnotationReverseLookupFilter, "filter")
        max_items = check_limit(limit)
        found: list[ResourceReference] = []
        pages = self._cursor_pages(
            self._RESOURCE_PATH + "/reverselookup",
            {"filter": flt},
            _ReverseLookupPage,
            max_items=max_items,
            page_limit=self._LIST_LIMIT,
            count=lambda page: len(page.items),
        )
        async for page in pages:
            found.extend(page.items)
        if max_items is not None:
            found = found[:max_items]
        return ResourceReferenceList._from_items(found, self._cognite_client)
