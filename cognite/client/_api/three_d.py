"""The 3D API: models, their revisions (with node trees and thumbnails), 3D files and asset mappings.

Every path below a model embeds its id (``/3d/models/{modelId}/revisions/{revisionId}/...``); the methods are a
few lines each on the generic verbs with that path.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Sequence
from typing import Any, Literal, overload

from cognite.client._api_client import APIClient, IdentifierSequence, check_type, chunks
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.three_d import (
    BoundingBox3D,
    ThreeDAssetMapping,
    ThreeDAssetMappingList,
    ThreeDAssetMappingWrite,
    ThreeDModel,
    ThreeDModelList,
    ThreeDModelRevision,
    ThreeDModelRevisionList,
    ThreeDModelRevisionUpdate,
    ThreeDModelRevisionWrite,
    ThreeDModelUpdate,
    ThreeDModelWrite,
    ThreeDNode,
    ThreeDNodeList,
)

__all__ = ["ThreeDAPI", "ThreeDAssetMappingAPI", "ThreeDFilesAPI", "ThreeDModelsAPI", "ThreeDRevisionsAPI"]

UpdateMode = Literal["replace_ignore_null", "patch", "replace"]


def _id(value: Any, name: str) -> int:
    """Validate an id embedded in a path (a positive int)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be a positive int, got {value}")
    return value


def _revisions_path(model_id: Any) -> str:
    return f"/3d/models/{_id(model_id, 'model_id')}/revisions"


def _revision_path(model_id: Any, revision_id: Any) -> str:
    return f"{_revisions_path(model_id)}/{_id(revision_id, 'revision_id')}"


def _published(published: bool | None) -> bool | None:
    return check_type(published, bool, "published")


class ThreeDModelsAPI(APIClient[ThreeDModel, ThreeDModelList]):
    """Create, read, update and delete 3D models.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     model = client.three_d.models.create("plant")
        ...     client.three_d.models.retrieve(model.id).name
        'plant'
    """

    _RESOURCE_PATH = "/3d/models"
    _RESOURCE_CLS = ThreeDModel
    _LIST_CLS = ThreeDModelList
    _UPDATE_CLS = ThreeDModelUpdate
    _CREATE_LIMIT = 1000
    _UPDATE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _LIST_LIMIT = 1000

    def __call__(
        self, chunk_size: int | None = None, published: bool | None = None, limit: int | None = None
    ) -> AsyncIterator[ThreeDModel] | AsyncIterator[ThreeDModelList]:
        """Iterate over 3D models lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many models (None: one model at a time).
            published: Only models with (True) or without (False) a published revision.
            limit: Maximum number of models (None: all).

        Returns:
            An async iterator of models or model lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.three_d.models.create(["a", "b"])
            ...     sorted(m.name for m in client.three_d.models())
            ['a', 'b']
        """
        flt = {"published": _published(published)}
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET", filter=flt)

    async def retrieve(self, id: int) -> ThreeDModel | None:
        """Retrieve one 3D model by id.

        Args:
            id: The id of the model.

        Returns:
            The model, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.three_d.models.retrieve(id=1) is None
            True
        """
        return await self._retrieve(f"{self._RESOURCE_PATH}/{_id(id, 'id')}")  # type: ignore[no-any-return]

    async def list(self, published: bool | None = None, limit: int | None = 25) -> ThreeDModelList:
        """List 3D models.

        Args:
            published: Only models with (True) or without (False) a published revision (None: all).
            limit: Maximum number of models (default 25; None, -1 or inf: all).

        Returns:
            The models.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.three_d.models.create("plant")
            ...     [m.name for m in client.three_d.models.list(limit=5)]
            ['plant']
        """
        flt = {"published": _published(published)}
        return await self._list(limit=limit, method="GET", filter=flt)  # type: ignore[no-any-return]

    @overload
    async def create(
        self,
        name: str | ThreeDModelWrite,
        data_set_id: int | None = None,
        metadata: dict[str, str] | None = None,
    ) -> ThreeDModel: ...
    @overload
    async def create(
        self,
        name: SequenceNotStr[str | ThreeDModelWrite],
        data_set_id: int | None = None,
        metadata: dict[str, str] | None = None,
    ) -> ThreeDModelList: ...
    async def create(
        self,
        name: str | ThreeDModelWrite | SequenceNotStr[str | ThreeDModelWrite],
        data_set_id: int | None = None,
        metadata: dict[str, str] | None = None,
    ) -> ThreeDModel | ThreeDModelList:
        """Create one or more 3D models, by name or from ThreeDModelWrite objects.

        Args:
            name: A name, a ThreeDModelWrite, or a list of them.
            data_set_id: The data set of the models given by name.
            metadata: The metadata of the models given by name.

        Returns:
            The created model, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import ThreeDModelWrite
            >>> with emulated_client() as client:
            ...     models = client.three_d.models.create(["a", ThreeDModelWrite("b", metadata={"k": "v"})])
            ...     [m.name for m in models]
            ['a', 'b']
        """
        check_type(data_set_id, int, "data_set_id")
        if metadata is not None and not isinstance(metadata, dict):
            raise TypeError(f"metadata must be a dict, not {type(metadata).__name__}")

        def one(item: Any) -> Any:
            if isinstance(item, str):
                return ThreeDModelWrite(name=item, data_set_id=data_set_id, metadata=metadata)
            if isinstance(item, ThreeDModelWrite | ThreeDModel):
                return item
            raise TypeError(f"name must be a str or a ThreeDModelWrite (or a list of them), not {type(item).__name__}")

        if isinstance(name, str | ThreeDModelWrite | ThreeDModel):
            items: Any = one(name)
        elif isinstance(name, Sequence):
            items = [one(x) for x in name]
        else:
            raise TypeError(f"name must be a str or a ThreeDModelWrite (or a list of them), not {type(name).__name__}")
        return await self._create_multiple(items, write_cls=ThreeDModelWrite, input_name="name")  # type: ignore[no-any-return]

    @overload
    async def update(
        self, item: ThreeDModel | ThreeDModelUpdate, mode: UpdateMode = "replace_ignore_null"
    ) -> ThreeDModel: ...
    @overload
    async def update(
        self, item: Sequence[ThreeDModel | ThreeDModelUpdate], mode: UpdateMode = "replace_ignore_null"
    ) -> ThreeDModelList: ...
    async def update(
        self,
        item: ThreeDModel | ThreeDModelUpdate | Sequence[ThreeDModel | ThreeDModelUpdate],
        mode: UpdateMode = "replace_ignore_null",
    ) -> ThreeDModel | ThreeDModelList:
        """Update one or more 3D models, from ThreeDModelUpdate objects or whole models (with ids).

        Args:
            item: Model(s) or ThreeDModelUpdate(s).
            mode: For whole models: "replace_ignore_null" (set given fields), "patch" (also add to metadata), or
                "replace" (clear what is not given).

        Returns:
            The updated model, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import ThreeDModelUpdate
            >>> with emulated_client() as client:
            ...     model = client.three_d.models.create("plant")
            ...     client.three_d.models.update(ThreeDModelUpdate(id=model.id).name.set("refinery")).name
            'refinery'
        """
        return await self._update_multiple(item, mode)  # type: ignore[no-any-return]

    async def delete(self, id: int | Sequence[int]) -> None:
        """Delete one or more 3D models (their revisions go with them).

        Args:
            id: Id(s) of the models.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     model = client.three_d.models.create("plant")
            ...     client.three_d.models.delete(id=model.id)
            ...     client.three_d.models.retrieve(model.id) is None
            True
        """
        identifiers = IdentifierSequence(ids=id, id_name="id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=None)


class ThreeDRevisionsAPI(APIClient[ThreeDModelRevision, ThreeDModelRevisionList]):
    """Create, read, update and delete revisions of 3D models, and read their node trees.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes import FileMetadataWrite, ThreeDModelRevisionWrite
        >>> with emulated_client() as client:
        ...     file, _ = client.files.create(FileMetadataWrite(name="plant.fbx"))
        ...     model = client.three_d.models.create("plant")
        ...     rev = client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file_id=file.id))
        ...     rev.status
        'Queued'
    """

    _RESOURCE_CLS = ThreeDModelRevision
    _LIST_CLS = ThreeDModelRevisionList
    _UPDATE_CLS = ThreeDModelRevisionUpdate
    _CREATE_LIMIT = 1000
    _UPDATE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _LIST_LIMIT = 1000

    def __call__(
        self, model_id: int, chunk_size: int | None = None, published: bool = False, limit: int | None = None
    ) -> AsyncIterator[ThreeDModelRevision] | AsyncIterator[ThreeDModelRevisionList]:
        """Iterate over the revisions of a model lazily, one at a time or in lists of ``chunk_size``.

        Args:
            model_id: The id of the model.
            chunk_size: Yield lists of this many revisions (None: one at a time).
            published: Only published (True) or only unpublished (False, the default) revisions.
            limit: Maximum number of revisions (None: all).

        Returns:
            An async iterator of revisions or revision lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import FileMetadataWrite, ThreeDModelRevisionWrite
            >>> with emulated_client() as client:
            ...     file, _ = client.files.create(FileMetadataWrite(name="plant.fbx"))
            ...     model = client.three_d.models.create("plant")
            ...     _ = client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file.id, published=True))
            ...     [r.file_id == file.id for r in client.three_d.revisions(model.id, published=True)]
            [True]
        """
        path = _revisions_path(model_id)
        flt = {"published": _published(published)}
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET", filter=flt, path=path)

    @overload
    async def create(
        self, model_id: int, revision: ThreeDModelRevision | ThreeDModelRevisionWrite
    ) -> ThreeDModelRevision: ...
    @overload
    async def create(
        self, model_id: int, revision: Sequence[ThreeDModelRevision] | Sequence[ThreeDModelRevisionWrite]
    ) -> ThreeDModelRevisionList: ...
    async def create(
        self,
        model_id: int,
        revision: ThreeDModelRevision
        | ThreeDModelRevisionWrite
        | Sequence[ThreeDModelRevision]
        | Sequence[ThreeDModelRevisionWrite],
    ) -> ThreeDModelRevision | ThreeDModelRevisionList:
        """Create one or more revisions of a model, each from a file in the Files API (CDF then processes it).

        Args:
            model_id: The id of the model.
            revision: A revision or a list of revisions (write or read objects).

        Returns:
            The created revision (status "Queued"), or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import FileMetadataWrite, ThreeDModelRevisionWrite
            >>> with emulated_client() as client:
            ...     file, _ = client.files.create(FileMetadataWrite(name="plant.fbx"))
            ...     model = client.three_d.models.create("plant")
            ...     client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file_id=file.id)).published
            False
        """
        path = _revisions_path(model_id)
        return await self._create_multiple(  # type: ignore[no-any-return]
            revision, write_cls=ThreeDModelRevisionWrite, path=path, input_name="revision"
        )

    async def retrieve(self, model_id: int, id: int) -> ThreeDModelRevision | None:
        """Retrieve one revision of a model by id.

        Args:
            model_id: The id of the model.
            id: The id of the revision.

        Returns:
            The revision, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     model = client.three_d.models.create("plant")
            ...     client.three_d.revisions.retrieve(model.id, id=1) is None
            True
        """
        return await self._retrieve(_revision_path(model_id, id))  # type: ignore[no-any-return]

    @overload
    async def update(
        self,
        model_id: int,
        item: ThreeDModelRevision | ThreeDModelRevisionUpdate,
        mode: UpdateMode = "replace_ignore_null",
    ) -> ThreeDModelRevision: ...
    @overload
    async def update(
        self,
        model_id: int,
        item: Sequence[ThreeDModelRevision | ThreeDModelRevisionUpdate],
        mode: UpdateMode = "replace_ignore_null",
    ) -> ThreeDModelRevisionList: ...
    async def update(
        self,
        model_id: int,
        item: ThreeDModelRevision
        | ThreeDModelRevisionUpdate
        | Sequence[ThreeDModelRevision | ThreeDModelRevisionUpdate],
        mode: UpdateMode = "replace_ignore_null",
    ) -> ThreeDModelRevision | ThreeDModelRevisionList:
        """Update one or more revisions of a model, from ThreeDModelRevisionUpdate objects or whole revisions.

        Args:
            model_id: The id of the model.
            item: Revision(s) or ThreeDModelRevisionUpdate(s).
            mode: For whole revisions: "replace_ignore_null" (set given fields), "patch" (also add to metadata),
                or "replace" (clear metadata when not given; the other fields can only be set).

        Returns:
            The updated revision, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import FileMetadataWrite, ThreeDModelRevisionUpdate
            >>> from cognite.client.data_classes import ThreeDModelRevisionWrite
            >>> with emulated_client() as client:
            ...     file, _ = client.files.create(FileMetadataWrite(name="plant.fbx"))
            ...     model = client.three_d.models.create("plant")
            ...     rev = client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file_id=file.id))
            ...     client.three_d.revisions.update(model.id, ThreeDModelRevisionUpdate(id=rev.id).published.set(True)).published
            True
        """
        return await self._update_multiple(item, mode, path=_revisions_path(model_id))  # type: ignore[no-any-return]

    async def delete(self, model_id: int, id: int | Sequence[int]) -> None:
        """Delete one or more revisions of a model.

        Args:
            model_id: The id of the model.
            id: Id(s) of the revisions.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import FileMetadataWrite, ThreeDModelRevisionWrite
            >>> with emulated_client() as client:
            ...     file, _ = client.files.create(FileMetadataWrite(name="plant.fbx"))
            ...     model = client.three_d.models.create("plant")
            ...     rev = client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file_id=file.id))
            ...     client.three_d.revisions.delete(model.id, id=rev.id)
            ...     client.three_d.revisions.retrieve(model.id, rev.id) is None
            True
        """
        path = _revisions_path(model_id)
        await self._delete_multiple(IdentifierSequence(ids=id, id_name="id"), ignore_unknown_ids=None, path=path)

    async def list(self, model_id: int, published: bool = False, limit: int | None = 25) -> ThreeDModelRevisionList:
        """List the revisions of a model.

        Args:
            model_id: The id of the model.
            published: Only published (True) or only unpublished (False, the default) revisions.
            limit: Maximum number of revisions (default 25; None, -1 or inf: all).

        Returns:
            The revisions.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import FileMetadataWrite, ThreeDModelRevisionWrite
            >>> with emulated_client() as client:
            ...     file, _ = client.files.create(FileMetadataWrite(name="plant.fbx"))
            ...     model = client.three_d.models.create("plant")
            ...     _ = client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file_id=file.id))
            ...     len(client.three_d.revisions.list(model.id, limit=5))
            1
        """
        path = _revisions_path(model_id)
        flt = {"published": _published(published)}
        return await self._list(limit=limit, method="GET", filter=flt, path=path)  # type: ignore[no-any-return]

    async def update_thumbnail(self, model_id: int, revision_id: int, file_id: int) -> None:
        """Set the thumbnail of a revision from an image (JPEG or PNG) in the Files API.

        Args:
            model_id: The id of the model.
            revision_id: The id of the revision.
            file_id: The id of the image file in the Files API.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import ThreeDModelRevisionWrite
            >>> with emulated_client() as client:
            ...     source = client.files.upload_bytes(b"fbx", name="plant.fbx")
            ...     image = client.files.upload_bytes(b"png", name="thumb.png", mime_type="image/png")
            ...     model = client.three_d.models.create("plant")
            ...     rev = client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file_id=source.id))
            ...     client.three_d.revisions.update_thumbnail(model.id, rev.id, file_id=image.id)
            ...     rev = client.three_d.revisions.retrieve(model.id, rev.id)
            ...     client.three_d.files.retrieve(rev.thumbnail_threed_file_id)
            b'png'
        """
        _id(file_id, "file_id")
        await self._post(_revision_path(model_id, revision_id) + "/thumbnail", json={"fileId": file_id})

    async def list_nodes(
        self,
        model_id: int,
        revision_id: int,
        node_id: int | None = None,
        depth: int | None = None,
        sort_by_node_id: bool = False,
        partitions: int | None = None,
        limit: int | None = 25,
    ) -> ThreeDNodeList:
        """List the nodes of a revision: the whole tree, or the subtree of a node down to ``depth`` levels.

        Args:
            model_id: The id of the model.
            revision_id: The id of the revision.
            node_id: The root of the subtree (default: the root of the tree).
            depth: Levels below ``node_id`` to include (0: the node only; None: all).
            sort_by_node_id: Order by node id instead of tree index (needed for ``partitions``).
            partitions: Fetch this many partitions in parallel (needs ``sort_by_node_id`` and an unlimited limit).
            limit: Maximum number of nodes (default 25; None, -1 or inf: all).

        Returns:
            The nodes, in tree-index order (or node-id order).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import FileMetadataWrite, ThreeDModelRevisionWrite
            >>> with emulated_client() as client:
            ...     file, _ = client.files.create(FileMetadataWrite(name="plant.fbx"))
            ...     model = client.three_d.models.create("plant")
            ...     rev = client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file_id=file.id))
            ...     [(n.depth, n.name) for n in client.three_d.revisions.list_nodes(model.id, rev.id, depth=1)]
            [(0, 'plant.fbx'), (1, 'Area A'), (1, 'Area B')]
        """
        path = _revision_path(model_id, revision_id) + "/nodes"
        if node_id is not None:
            _id(node_id, "node_id")
        if depth is not None and (isinstance(depth, bool) or not isinstance(depth, int) or depth < 0):
            raise ValueError(f"depth must be a non-negative int or None, got {depth!r}")
        check_type(sort_by_node_id, bool, "sort_by_node_id")
        if partitions is not None and not sort_by_node_id:
            raise ValueError("partitions needs sort_by_node_id=True")
        params = {"nodeId": node_id, "depth": depth, "sortByNodeId": sort_by_node_id or None}
        return await self._list(  # type: ignore[no-any-return]
            limit=limit, method="GET", filter=params, partitions=partitions, path=path,
            resource_cls=ThreeDNode, list_cls=ThreeDNodeList,
        )  # fmt: skip

    async def filter_nodes(
        self,
        model_id: int,
        revision_id: int,
        properties: dict[str, dict[str, SequenceNotStr[str] | str]] | None = None,
        limit: int | None = 25,
        partitions: int | None = None,
    ) -> ThreeDNodeList:
        """List the nodes of a revision whose properties match: any of the values of a property, all properties.

        Args:
            model_id: The id of the model.
            revision_id: The id of the revision.
            properties: ``{category: {property: [values]}}`` (a single value may be given as a str).
            limit: Maximum number of nodes (default 25; None, -1 or inf: all).
            partitions: Fetch this many partitions in parallel (only with an unlimited limit).

        Returns:
            The matching nodes.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import FileMetadataWrite, ThreeDModelRevisionWrite
            >>> with emulated_client() as client:
            ...     file, _ = client.files.create(FileMetadataWrite(name="plant.fbx"))
            ...     model = client.three_d.models.create("plant")
            ...     rev = client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file_id=file.id))
            ...     nodes = client.three_d.revisions.filter_nodes(model.id, rev.id, {"Item": {"Type": ["Pipe"]}})
            ...     sorted(n.name for n in nodes)
            ['Pipe 1', 'Pipe 2']
        """
        path = _revision_path(model_id, revision_id) + "/nodes"
        flt = None if properties is None else {"properties": _node_properties(properties)}
        return await self._list(  # type: ignore[no-any-return]
            limit=limit, filter=flt, partitions=partitions, path=path, resource_cls=ThreeDNode, list_cls=ThreeDNodeList
        )

    async def list_ancestor_nodes(
        self, model_id: int, revision_id: int, node_id: int | None = None, limit: int | None = 25
    ) -> ThreeDNodeList:
        """List a node and its ancestors, root first.

        Args:
            model_id: The id of the model.
            revision_id: The id of the revision.
            node_id: The id of the node.
            limit: Maximum number of nodes (default 25; None, -1 or inf: all).

        Returns:
            The node and its ancestors.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import FileMetadataWrite, ThreeDModelRevisionWrite
            >>> with emulated_client() as client:
            ...     file, _ = client.files.create(FileMetadataWrite(name="plant.fbx"))
            ...     model = client.three_d.models.create("plant")
            ...     rev = client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file_id=file.id))
            ...     pipe = client.three_d.revisions.filter_nodes(model.id, rev.id, {"Item": {"Type": "Pipe"}})[0]
            ...     [n.name for n in client.three_d.revisions.list_ancestor_nodes(model.id, rev.id, pipe.id)]
            ['plant.fbx', 'Area A', 'Pipe 1']
        """
        if node_id is None:
            raise ValueError("node_id is required")
        path = f"{_revision_path(model_id, revision_id)}/nodes/{_id(node_id, 'node_id')}/ancestors"
        return await self._list(  # type: ignore[no-any-return]
            limit=limit, method="GET", path=path, resource_cls=ThreeDNode, list_cls=ThreeDNodeList
        )


def _node_properties(properties: Any) -> dict[str, dict[str, list[str]]]:
    """Validate a node property filter and give it in wire form (every value a list of strings)."""
    if not isinstance(properties, dict):
        raise TypeError(f"properties must be a dict of categories, not {type(properties).__name__}")
    out: dict[str, dict[str, list[str]]] = {}
    for category, props in properties.items():
        if not isinstance(category, str) or not isinstance(props, dict):
            raise TypeError(f"properties must map category names to dicts, got {category!r}: {props!r}")
        out[category] = {}
        for name, values in props.items():
            listed = [values] if isinstance(values, str) else values
            if (
                not isinstance(name, str)
                or not isinstance(listed, Sequence)
                or not all(isinstance(v, str) for v in listed)
            ):
                raise TypeError(f"properties[{category!r}][{name!r}] must be a str or a list of str, got {values!r}")
            out[category][name] = list(listed)
    return out


class ThreeDFilesAPI(APIClient[Any, Any]):
    """Read 3D files: the outputs of processed revisions and revision thumbnails.

    Example:
        >>> from cognite.client.testing import CDFEmulator, emulated_client
        >>> emulator = CDFEmulator()
        >>> file_id = emulator.store("emulated", "3d").seed_file(b"ciff")
        >>> with emulated_client(emulator=emulator) as client:
        ...     client.three_d.files.retrieve(file_id)
        b'ciff'
    """

    _RESOURCE_PATH = "/3d/files"

    async def retrieve(self, id: int) -> bytes:
        """Retrieve the content of a 3D file.

        Args:
            id: The id of the 3D file (3D file ids are not Files API ids).

        Returns:
            The content.

        Example:
            >>> from cognite.client.testing import CDFEmulator, emulated_client
            >>> emulator = CDFEmulator()
            >>> file_id = emulator.store("emulated", "3d").seed_file(b"\\x00\\x01")
            >>> with emulated_client(emulator=emulator) as client:
            ...     client.three_d.files.retrieve(id=file_id)
            b'\\x00\\x01'
        """
        path = f"{self._RESOURCE_PATH}/{_id(id, 'id')}"
        resp = await self._http.request("GET", path, headers={"accept": "*/*"}, category=self._CATEGORY)
        return resp.content


class ThreeDAssetMappingAPI(APIClient[ThreeDAssetMapping, ThreeDAssetMappingList]):
    """Link nodes of 3D revisions to assets, and find the links.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes import (
        ...     AssetWrite, FileMetadataWrite, ThreeDAssetMappingWrite, ThreeDModelRevisionWrite)
        >>> with emulated_client() as client:
        ...     file, _ = client.files.create(FileMetadataWrite(name="plant.fbx"))
        ...     pump = client.assets.create(AssetWrite(name="pump"))
        ...     model = client.three_d.models.create("plant")
        ...     rev = client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file_id=file.id))
        ...     root = client.three_d.revisions.list_nodes(model.id, rev.id, depth=0)[0]
        ...     mapping = client.three_d.asset_mappings.create(model.id, rev.id, ThreeDAssetMappingWrite(root.id, pump.id))
        ...     mapping.tree_index
        0
    """

    _RESOURCE_CLS = ThreeDAssetMapping
    _LIST_CLS = ThreeDAssetMappingList
    _CREATE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _LIST_LIMIT = 1000

    async def list(
        self,
        model_id: int,
        revision_id: int,
        node_id: int | None = None,
        asset_id: int | None = None,
        intersects_bounding_box: BoundingBox3D | None = None,
        limit: int | None = 25,
    ) -> ThreeDAssetMappingList:
        """List the asset mappings of a revision.

        Args:
            model_id: The id of the model.
            revision_id: The id of the revision.
            node_id: Only mappings of this node.
            asset_id: Only mappings to this asset.
            intersects_bounding_box: Only mappings whose node's bounding box intersects this box.
            limit: Maximum number of mappings (default 25; None, -1 or inf: all).

        Returns:
            The asset mappings.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import (
            ...     AssetWrite, BoundingBox3D, FileMetadataWrite, ThreeDAssetMappingWrite, ThreeDModelRevisionWrite)
            >>> with emulated_client() as client:
            ...     file, _ = client.files.create(FileMetadataWrite(name="plant.fbx"))
            ...     pump = client.assets.create(AssetWrite(name="pump"))
            ...     model = client.three_d.models.create("plant")
            ...     rev = client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file_id=file.id))
            ...     nodes = client.three_d.revisions.list_nodes(model.id, rev.id, depth=1)
            ...     _ = client.three_d.asset_mappings.create(
            ...         model.id, rev.id, [ThreeDAssetMappingWrite(n.id, pump.id) for n in nodes])
            ...     box = BoundingBox3D(min=[0, 0, 0], max=[1, 1, 1])
            ...     found = client.three_d.asset_mappings.list(model.id, rev.id, intersects_bounding_box=box)
            ...     sorted(nodes.get(id=m.node_id).name for m in found)
            ['Area A', 'plant.fbx']
        """
        path = _revision_path(model_id, revision_id) + "/mappings"
        if node_id is not None:
            _id(node_id, "node_id")
        if asset_id is not None:
            _id(asset_id, "asset_id")
        box: str | None = None
        if intersects_bounding_box is not None:
            if not isinstance(intersects_bounding_box, BoundingBox3D):
                raise TypeError(
                    f"intersects_bounding_box must be a BoundingBox3D, not {type(intersects_bounding_box).__name__}"
                )
            if intersects_bounding_box.min is None or intersects_bounding_box.max is None:
                raise ValueError("intersects_bounding_box needs both min and max")
            box = json.dumps(intersects_bounding_box.dump(camel_case=True), separators=(",", ":"))
        params = {"nodeId": node_id, "assetId": asset_id, "intersectsBoundingBox": box}
        return await self._list(limit=limit, method="GET", filter=params, path=path)  # type: ignore[no-any-return]

    @overload
    async def create(
        self, model_id: int, revision_id: int, asset_mapping: ThreeDAssetMapping | ThreeDAssetMappingWrite
    ) -> ThreeDAssetMapping: ...
    @overload
    async def create(
        self,
        model_id: int,
        revision_id: int,
        asset_mapping: Sequence[ThreeDAssetMapping] | Sequence[ThreeDAssetMappingWrite],
    ) -> ThreeDAssetMappingList: ...
    async def create(
        self,
        model_id: int,
        revision_id: int,
        asset_mapping: ThreeDAssetMapping
        | ThreeDAssetMappingWrite
        | Sequence[ThreeDAssetMapping]
        | Sequence[ThreeDAssetMappingWrite],
    ) -> ThreeDAssetMapping | ThreeDAssetMappingList:
        """Map nodes of a revision to assets (chunked by the API limit).

        Args:
            model_id: The id of the model.
            revision_id: The id of the revision.
            asset_mapping: A mapping or a list of mappings (write or read objects).

        Returns:
            The created mapping (with the node's tree index and subtree size), or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import (
            ...     AssetWrite, FileMetadataWrite, ThreeDAssetMappingWrite, ThreeDModelRevisionWrite)
            >>> with emulated_client() as client:
            ...     file, _ = client.files.create(FileMetadataWrite(name="plant.fbx"))
            ...     pump = client.assets.create(AssetWrite(name="pump"))
            ...     model = client.three_d.models.create("plant")
            ...     rev = client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file_id=file.id))
            ...     root = client.three_d.revisions.list_nodes(model.id, rev.id, depth=0)[0]
            ...     client.three_d.asset_mappings.create(model.id, rev.id, ThreeDAssetMappingWrite(root.id, pump.id)).subtree_size
            6
        """
        path = _revision_path(model_id, revision_id) + "/mappings"
        return await self._create_multiple(  # type: ignore[no-any-return]
            asset_mapping, write_cls=ThreeDAssetMappingWrite, path=path, input_name="asset_mapping"
        )

    async def delete(
        self,
        model_id: int,
        revision_id: int,
        asset_mapping: ThreeDAssetMapping
        | ThreeDAssetMappingWrite
        | Sequence[ThreeDAssetMapping | ThreeDAssetMappingWrite],
    ) -> None:
        """Delete asset mappings of a revision (by node id and asset id).

        Args:
            model_id: The id of the model.
            revision_id: The id of the revision.
            asset_mapping: A mapping or a list of mappings.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import (
            ...     AssetWrite, FileMetadataWrite, ThreeDAssetMappingWrite, ThreeDModelRevisionWrite)
            >>> with emulated_client() as client:
            ...     file, _ = client.files.create(FileMetadataWrite(name="plant.fbx"))
            ...     pump = client.assets.create(AssetWrite(name="pump"))
            ...     model = client.three_d.models.create("plant")
            ...     rev = client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file_id=file.id))
            ...     root = client.three_d.revisions.list_nodes(model.id, rev.id, depth=0)[0]
            ...     mapping = client.three_d.asset_mappings.create(model.id, rev.id, ThreeDAssetMappingWrite(root.id, pump.id))
            ...     client.three_d.asset_mappings.delete(model.id, rev.id, mapping)
            ...     len(client.three_d.asset_mappings.list(model.id, rev.id))
            0
        """
        path = _revision_path(model_id, revision_id) + "/mappings/delete"
        single = isinstance(asset_mapping, ThreeDAssetMapping | ThreeDAssetMappingWrite)
        items = [asset_mapping] if single else asset_mapping
        if not isinstance(items, Sequence):
            raise TypeError(f"asset_mapping must be a mapping or a list of them, not {type(asset_mapping).__name__}")
        wire: list[dict[str, int]] = []
        for m in items:
            if not isinstance(m, ThreeDAssetMapping | ThreeDAssetMappingWrite):
                raise TypeError(f"asset_mapping must contain ThreeDAssetMapping objects, not {type(m).__name__}")
            if m.node_id is None or m.asset_id is None:
                raise ValueError(f"asset_mapping needs node_id and asset_id, got {m!r}")
            wire.append({"nodeId": m.node_id, "assetId": m.asset_id})
        if not wire:
            return
        batches = chunks(wire, self._DELETE_LIMIT)
        await self._post_concurrently(path, [{"items": list(b)} for b in batches], operation="delete", reported=batches)


class ThreeDAPI(APIClient[Any, Any]):
    """3D models, revisions, files and asset mappings.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     len(client.three_d.models.list())
        0
    """

    models: LazyAPI[ThreeDModelsAPI] = LazyAPI("cognite.client._api.three_d:ThreeDModelsAPI")
    revisions: LazyAPI[ThreeDRevisionsAPI] = LazyAPI("cognite.client._api.three_d:ThreeDRevisionsAPI")
    files: LazyAPI[ThreeDFilesAPI] = LazyAPI("cognite.client._api.three_d:ThreeDFilesAPI")
    asset_mappings: LazyAPI[ThreeDAssetMappingAPI] = LazyAPI("cognite.client._api.three_d:ThreeDAssetMappingAPI")
