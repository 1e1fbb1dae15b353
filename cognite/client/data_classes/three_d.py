"""3D data classes: models, revisions, nodes, asset mappings and their bounding boxes.

Example:
    >>> from cognite.client.data_classes.three_d import ThreeDModelRevisionWrite, RevisionCameraProperties
    >>> ThreeDModelRevisionWrite(file_id=1, camera=RevisionCameraProperties([0, 0, 0], [1, 1, 1])).dump()
    {'fileId': 1, 'camera': {'target': [0, 0, 0], 'position': [1, 1, 1]}}
"""

from __future__ import annotations

from typing import Any

import msgspec

from cognite.client.data_classes._base import (
    CogniteLabelUpdate,
    CogniteListUpdate,
    CogniteObject,
    CogniteObjectUpdate,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    PropertySpec,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    update_field,
)
from cognite.client.data_classes.iam import InternalIdTransformerMixin
from cognite.client.data_classes.raw import NameTransformerMixin

__all__ = [
    "BoundingBox3D",
    "CogniteLabelUpdate",
    "CogniteListUpdate",
    "CogniteObjectUpdate",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "InternalIdTransformerMixin",
    "NameTransformerMixin",
    "PropertySpec",
    "RevisionCameraProperties",
    "ThreeDAssetMapping",
    "ThreeDAssetMappingCore",
    "ThreeDAssetMappingList",
    "ThreeDAssetMappingWrite",
    "ThreeDAssetMappingWriteList",
    "ThreeDModel",
    "ThreeDModelCore",
    "ThreeDModelList",
    "ThreeDModelRevision",
    "ThreeDModelRevisionCore",
    "ThreeDModelRevisionList",
    "ThreeDModelRevisionUpdate",
    "ThreeDModelRevisionWrite",
    "ThreeDModelRevisionWriteList",
    "ThreeDModelUpdate",
    "ThreeDModelWrite",
    "ThreeDModelWriteList",
    "ThreeDNode",
    "ThreeDNodeList",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]


# ---------------------------------------------------------------------------------------------- shared shapes


class BoundingBox3D(CogniteObject):
    """An axis-aligned box: the smallest and largest corner, each ``[x, y, z]``.

    Args:
        max: The largest coordinates.
        min: The smallest coordinates.

    Example:
        >>> from cognite.client.data_classes import BoundingBox3D
        >>> BoundingBox3D(max=[1, 1, 1], min=[0, 0, 0]).dump()
        {'max': [1, 1, 1], 'min': [0, 0, 0]}
    """

    max: list[float] | None = None
    min: list[float] | None = None


class RevisionCameraProperties(CogniteObject):
    """Where the camera of a revision starts: what it looks at and where it stands, each ``[x, y, z]``.

    Args:
        target: The point the camera looks at.
        position: The position of the camera.
    """

    target: list[float] | None = None
    position: list[float] | None = None


# ---------------------------------------------------------------------------------------------- models


class ThreeDModelCore(CogniteObject):
    """The fields a 3D model is written with.

    Args:
        name: The name of the model.
        data_set_id: The data set it belongs to.
        metadata: Custom string key-value pairs (at most 16).
    """

    name: str | None = None
    data_set_id: int | None = None
    metadata: dict[str, str] | None = None


class ThreeDModelWrite(ThreeDModelCore):
    """A 3D model to create.

    Args:
        name: The name of the model.
        data_set_id: The data set it belongs to.
        metadata: Custom string key-value pairs (at most 16).

    Example:
        >>> from cognite.client.data_classes import ThreeDModelWrite
        >>> ThreeDModelWrite("plant", metadata={"site": "north"}).dump()
        {'name': 'plant', 'metadata': {'site': 'north'}}
    """

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise TypeError(f"name must be a non-empty str, got {self.name!r}")

    def as_write(self) -> ThreeDModelWrite:
        """Return this object (it is already the write form)."""
        return self


class ThreeDModel(WriteableCogniteResource[ThreeDModelWrite]):
    """A 3D model: a container of revisions (the versions of one 3D scene).

    Args:
        name: The name of the model.
        id: The internal id.
        created_time: When it was created (ms since epoch).
        data_set_id: The data set it belongs to.
        metadata: Custom string key-value pairs.
    """

    name: str | None = None
    id: int | None = None
    created_time: int | None = None
    data_set_id: int | None = None
    metadata: dict[str, str] | None = None

    def as_write(self) -> ThreeDModelWrite:
        """Return the write form of this model (what ``create`` accepts)."""
        if self.name is None:
            raise ValueError("name is required to turn a ThreeDModel into a ThreeDModelWrite")
        return ThreeDModelWrite(name=self.name, data_set_id=self.data_set_id, metadata=self.metadata)


class ThreeDModelUpdate(CogniteUpdate):
    """Changes to a 3D model, by id: ``ThreeDModelUpdate(id=1).name.set("new name")``.

    Args:
        id: The id of the model.
        external_id: Not used by 3D models (kept for compatibility; models have ids only).
    """

    _PROPERTIES = (
        PropertySpec("name", is_nullable=False),
        PropertySpec("data_set_id"),
        PropertySpec("metadata", is_object=True),
    )
    name = update_field(CognitePrimitiveUpdate)
    data_set_id = update_field(CognitePrimitiveUpdate)
    metadata = update_field(CogniteObjectUpdate)


class ThreeDModelWriteList(CogniteResourceList[ThreeDModelWrite], NameTransformerMixin):
    """A list of 3D models to create."""

    _RESOURCE = ThreeDModelWrite


class ThreeDModelList(
    WriteableCogniteResourceList[ThreeDModelWrite, ThreeDModel], NameTransformerMixin, InternalIdTransformerMixin
):
    """A list of 3D models."""

    _RESOURCE = ThreeDModel
    _WRITE_LIST = ThreeDModelWriteList


# ---------------------------------------------------------------------------------------------- revisions


class ThreeDModelRevisionCore(CogniteObject):
    """The fields a revision is written with.

    Args:
        file_id: The id of the source file in the Files API (set at creation only).
        published: Whether the revision is published.
        rotation: Rotation of the whole model, Euler angles in radians (XYZ).
        scale: Scale of the whole model (XYZ).
        translation: Offset of the whole model (XYZ).
        camera: The initial camera.
        metadata: Custom string key-value pairs (at most 16).
    """

    file_id: int | None = None
    published: bool | None = None
    rotation: list[float] | None = None
    scale: list[float] | None = None
    translation: list[float] | None = None
    camera: RevisionCameraProperties | None = None
    metadata: dict[str, str] | None = None

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the revision to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The revision as a dictionary, fields without a value left out.
        """
        return super().dump(camel_case)


class ThreeDModelRevisionWrite(ThreeDModelRevisionCore):
    """A revision to create from a file uploaded to the Files API.

    Args:
        file_id: The id of the source file in the Files API.
        published: Whether the revision is published (default False).
        rotation: Rotation of the whole model, Euler angles in radians (XYZ).
        scale: Scale of the whole model (XYZ).
        translation: Offset of the whole model (XYZ).
        camera: The initial camera.
        metadata: Custom string key-value pairs (at most 16).

    Example:
        >>> from cognite.client.data_classes import ThreeDModelRevisionWrite
        >>> ThreeDModelRevisionWrite(file_id=123, published=True).dump()
        {'fileId': 123, 'published': True}
    """

    file_id: int | None = None
    published: bool | None = False

    def __post_init__(self) -> None:
        if isinstance(self.file_id, bool) or not isinstance(self.file_id, int):
            raise TypeError(f"file_id must be an int, got {self.file_id!r}")
        if isinstance(self.camera, dict):
            self.camera = RevisionCameraProperties.load(self.camera)

    def as_write(self) -> ThreeDModelRevisionWrite:
        """Return this object (it is already the write form)."""
        return self


class ThreeDModelRevision(WriteableCogniteResource[ThreeDModelRevisionWrite]):
    """A revision of a 3D model: one processed version of the scene, with its node tree.

    Args:
        id: The internal id.
        file_id: The id of the source file in the Files API.
        published: Whether the revision is published.
        status: Processing status: "Queued", "Processing", "Done" or "Failed".
        asset_mapping_count: The number of asset mappings of the revision.
        created_time: When it was created (ms since epoch).
        rotation: Rotation of the whole model (XYZ, radians).
        scale: Scale of the whole model (XYZ).
        translation: Offset of the whole model (XYZ).
        camera: The initial camera.
        metadata: Custom string key-value pairs.
        thumbnail_threed_file_id: The 3D file id of the thumbnail (see ``three_d.files.retrieve``).
        thumbnail_url: The URL of the thumbnail.
    """

    id: int | None = None
    file_id: int | None = None
    published: bool | None = None
    status: str | None = None
    asset_mapping_count: int | None = None
    created_time: int | None = None
    rotation: list[float] | None = None
    scale: list[float] | None = None
    translation: list[float] | None = None
    camera: RevisionCameraProperties | None = None
    metadata: dict[str, str] | None = None
    thumbnail_threed_file_id: int | None = None
    thumbnail_url: str | None = msgspec.field(default=None, name="thumbnailURL")

    def __post_init__(self) -> None:
        if isinstance(self.camera, dict):
            self.camera = RevisionCameraProperties.load(self.camera)

    def as_write(self) -> ThreeDModelRevisionWrite:
        """Return the write form of this revision (what ``create`` accepts)."""
        if self.file_id is None:
            raise ValueError("file_id is required to turn a ThreeDModelRevision into a ThreeDModelRevisionWrite")
        return ThreeDModelRevisionWrite(
            file_id=self.file_id,
            published=self.published,
            rotation=self.rotation,
            scale=self.scale,
            translation=self.translation,
            camera=self.camera,
            metadata=self.metadata,
        )


class ThreeDModelRevisionUpdate(CogniteUpdate):
    """Changes to a revision, by id: ``ThreeDModelRevisionUpdate(id=1).published.set(True)``.

    Args:
        id: The id of the revision.
        external_id: Not used by revisions (kept for compatibility; revisions have ids only).
    """

    _PROPERTIES = (
        PropertySpec("published", is_nullable=False),
        PropertySpec("rotation", is_nullable=False),
        PropertySpec("scale", is_nullable=False),
        PropertySpec("translation", is_nullable=False),
        PropertySpec("camera", is_nullable=False),
        PropertySpec("metadata", is_object=True),
    )
    published = update_field(CognitePrimitiveUpdate)
    rotation = update_field(CognitePrimitiveUpdate)
    scale = update_field(CognitePrimitiveUpdate)
    translation = update_field(CognitePrimitiveUpdate)
    camera = update_field(CognitePrimitiveUpdate)
    metadata = update_field(CogniteObjectUpdate)


class ThreeDModelRevisionWriteList(CogniteResourceList[ThreeDModelRevisionWrite]):
    """A list of revisions to create."""

    _RESOURCE = ThreeDModelRevisionWrite


class ThreeDModelRevisionList(
    WriteableCogniteResourceList[ThreeDModelRevisionWrite, ThreeDModelRevision], InternalIdTransformerMixin
):
    """A list of revisions."""

    _RESOURCE = ThreeDModelRevision
    _WRITE_LIST = ThreeDModelRevisionWriteList


# ---------------------------------------------------------------------------------------------- nodes


class ThreeDNode(CogniteResource):
    """A node of the tree of a revision (an object of the scene, or a group of them).

    Args:
        id: The id of the node.
        tree_index: Its position in a depth-first walk of the tree (the root has 0).
        depth: Levels below the root (the root has 0).
        name: The name.
        subtree_size: The number of nodes in its subtree, itself included.
        parent_id: The id of its parent (None for the root).
        properties: Properties by category: ``{category: {property: value}}``.
        bounding_box: The box around the geometry of its subtree (None without geometry).
    """

    id: int | None = None
    tree_index: int | None = None
    depth: int | None = None
    name: str | None = None
    subtree_size: int | None = None
    parent_id: int | None = None
    properties: dict[str, dict[str, str]] | None = None
    bounding_box: BoundingBox3D | None = None

    def __post_init__(self) -> None:
        if isinstance(self.bounding_box, dict):
            self.bounding_box = BoundingBox3D.load(self.bounding_box)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the node to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The node as a dictionary, fields without a value left out.
        """
        return super().dump(camel_case)


class ThreeDNodeList(CogniteResourceList[ThreeDNode], InternalIdTransformerMixin):
    """A list of 3D nodes."""

    _RESOURCE = ThreeDNode


# ---------------------------------------------------------------------------------------------- asset mappings


class ThreeDAssetMappingCore(CogniteObject):
    """The fields an asset mapping is written with.

    Args:
        node_id: The id of the node.
        asset_id: The id of the asset.
    """

    node_id: int | None = None
    asset_id: int | None = None


class ThreeDAssetMappingWrite(ThreeDAssetMappingCore):
    """A link between a node of a revision and an asset, to create.

    Args:
        node_id: The id of the node.
        asset_id: The id of the asset.

    Example:
        >>> from cognite.client.data_classes import ThreeDAssetMappingWrite
        >>> ThreeDAssetMappingWrite(node_id=1, asset_id=2).dump()
        {'nodeId': 1, 'assetId': 2}
    """

    def __post_init__(self) -> None:
        for name in ("node_id", "asset_id"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} must be an int, got {value!r}")

    def as_write(self) -> ThreeDAssetMappingWrite:
        """Return this object (it is already the write form)."""
        return self


class ThreeDAssetMapping(WriteableCogniteResource[ThreeDAssetMappingWrite]):
    """A link between a node of a revision and an asset.

    Args:
        node_id: The id of the node.
        asset_id: The id of the asset.
        tree_index: The tree index of the node.
        subtree_size: The subtree size of the node.
    """

    node_id: int | None = None
    asset_id: int | None = None
    tree_index: int | None = None
    subtree_size: int | None = None

    def as_write(self) -> ThreeDAssetMappingWrite:
        """Return the write form of this mapping (what ``create`` accepts)."""
        if self.node_id is None or self.asset_id is None:
            raise ValueError("node_id and asset_id are required to turn a mapping into a ThreeDAssetMappingWrite")
        return ThreeDAssetMappingWrite(node_id=self.node_id, asset_id=self.asset_id)


class ThreeDAssetMappingWriteList(CogniteResourceList[ThreeDAssetMappingWrite]):
    """A list of asset mappings to create."""

    _RESOURCE = ThreeDAssetMappingWrite


class ThreeDAssetMappingList(WriteableCogniteResourceList[ThreeDAssetMappingWrite, ThreeDAssetMapping]):
    """A list of asset mappings."""

    _RESOURCE = ThreeDAssetMapping
    _WRITE_LIST = ThreeDAssetMappingWriteList
