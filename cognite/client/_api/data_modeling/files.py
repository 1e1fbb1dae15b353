"""File nodes (``client.data_modeling.files``): list and retrieve the nodes that have data in the Core Data Model
view ``cdf_cdm:CogniteFile/v1``, and upload and download their content (through the files API, by instance id).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO, overload

from cognite.client._api.data_modeling._core_nodes import CoreNodesAPI
from cognite.client._api.data_modeling._core_nodes import node_id as _node_id
from cognite.client._api.data_modeling._core_nodes import node_ids as _node_ids
from cognite.client._api_client import check_limit, check_type
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.data_modeling.ids import NodeId, ViewId
from cognite.client.data_classes.data_modeling.instances import InstanceSort, Node, NodeApply, NodeList
from cognite.client.data_classes.filters import Filter

__all__ = ["DataModelingFilesAPI"]

_VIEW = ViewId("cdf_cdm", "CogniteFile", "v1")


class DataModelingFilesAPI(CoreNodesAPI):
    """File nodes (with data in ``cdf_cdm:CogniteFile/v1``): list, retrieve, upload and download.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.data_modeling import SpaceApply
        >>> from cognite.client.data_classes.data_modeling.cdm.v1 import CogniteFileApply
        >>> with emulated_client() as client:
        ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
        ...     client.data_modeling.files.upload_bytes(b"hello", CogniteFileApply("s", "note", name="note.txt"))
        ...     client.data_modeling.files.download_bytes(("s", "note"))
        b'hello'
    """

    _VIEW = _VIEW

    async def list(
        self,
        *,
        source: Any = _VIEW,
        space: str | SequenceNotStr[str] | None = None,
        sort: Sequence[InstanceSort | dict[str, Any]] | InstanceSort | dict[str, Any] | None = None,
        filter: Filter | dict[str, Any] | None = None,
        limit: int | None = 25,
    ) -> NodeList[Node]:
        """List file nodes; only nodes with data in CogniteFile are returned, whatever ``source`` is.

        Args:
            source: The view to read properties from (View, ViewId or tuple; default CogniteFile).
            space: Only nodes in this space (or these spaces).
            sort: How to sort (InstanceSort or dicts).
            filter: An advanced filter the nodes must match too.
            limit: Maximum number of nodes (default 25; None, -1 or inf: all).

        Returns:
            The file nodes.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import NodeApply, SpaceApply
            >>> from cognite.client.data_classes.data_modeling.cdm.v1 import CogniteFileApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
            ...     _ = client.data_modeling.instances.apply([CogniteFileApply("s", "f1"), NodeApply("s", "other")])
            ...     client.data_modeling.files.list(space="s").as_ids()
            [NodeId(space='s', external_id='f1')]
        """
        check_limit(limit)
        return await self._list_nodes(source, space, sort, filter, limit)

    @overload
    async def retrieve(self, node_ids: NodeId | tuple[str, str], source: Any = ...) -> Node | None: ...
    @overload
    async def retrieve(self, node_ids: Sequence[NodeId | tuple[str, str]], source: Any = ...) -> NodeList[Node]: ...
    async def retrieve(
        self, node_ids: NodeId | tuple[str, str] | Sequence[NodeId | tuple[str, str]], source: Any = _VIEW
    ) -> Node | NodeList[Node] | None:
        """Retrieve file nodes by id (ids that do not exist are left out; with the default source, so are nodes
        without data in CogniteFile).

        Args:
            node_ids: A node id (NodeId or ``(space, external_id)``) or a sequence of them.
            source: The view to read properties from (default CogniteFile).

        Returns:
            The node (None if there is none) for one id; a NodeList for a sequence.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> from cognite.client.data_classes.data_modeling.cdm.v1 import CogniteFileApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
            ...     _ = client.data_modeling.instances.apply(CogniteFileApply("s", "f1", mime_type="text/plain"))
            ...     client.data_modeling.files.retrieve([("s", "f1"), ("s", "none")]).as_ids()
            [NodeId(space='s', external_id='f1')]
        """
        return await self._retrieve_nodes(node_ids, source)

    async def __call__(self, limit: int | None = None) -> NodeList[Node]:
        """List every file node (the same as ``list(limit=None)``).

        Args:
            limit: Maximum number of nodes (None: all).

        Returns:
            The file nodes.

        Example:
            >>> import asyncio
            >>> from cognite.client.testing import async_emulated_client
            >>> async def main():
            ...     async with async_emulated_client() as client:
            ...         return len(await client.data_modeling.files())
            >>> asyncio.run(main())
            0
        """
        return await self.list(limit=limit)

    # ------------------------------------------------------------------------------------------ content

    async def _apply_file(self, node: Any) -> NodeId:
        if not isinstance(node, NodeApply):
            raise TypeError(f"node must be a NodeApply (e.g. a CogniteFileApply), got {type(node).__name__}")
        await self._cognite_client.data_modeling.instances.apply(node)
        return NodeId(node.space, node.external_id)

    async def upload(self, path: Path | str, node: NodeApply) -> None:
        """Create (or update) a file node and upload the content of a file on disk to it.

        Args:
            path: The file on disk.
            node: The file node to apply first (e.g. a ``CogniteFileApply``).

        Example:
            >>> import tempfile, pathlib
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> from cognite.client.data_classes.data_modeling.cdm.v1 import CogniteFileApply
            >>> with tempfile.TemporaryDirectory() as tmp, emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
            ...     _ = pathlib.Path(tmp, "a.txt").write_bytes(b"abc")
            ...     client.data_modeling.files.upload(pathlib.Path(tmp, "a.txt"), CogniteFileApply("s", "a"))
            ...     client.data_modeling.files.download_bytes(("s", "a"))
            b'abc'
        """
        check_type(path, (str, Path), "path")
        if not Path(path).expanduser().is_file():
            raise ValueError(f"path {str(path)!r} is not a file")
        await self.upload_content(path, await self._apply_file(node))

    async def upload_bytes(self, content: str | bytes | BinaryIO, node: NodeApply) -> None:
        """Create (or update) a file node and upload content from memory (bytes, a string or a binary file object).

        Args:
            content: The content.
            node: The file node to apply first (e.g. a ``CogniteFileApply``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> from cognite.client.data_classes.data_modeling.cdm.v1 import CogniteFileApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
            ...     client.data_modeling.files.upload_bytes("text", CogniteFileApply("s", "t", name="t.txt"))
            ...     client.data_modeling.files.download_bytes(("s", "t"))
            b'text'
        """
        if not isinstance(content, str | bytes) and not hasattr(content, "read"):
            raise TypeError(f"content must be bytes, a str or a binary file object, got {type(content).__name__}")
        await self.upload_content_bytes(content, await self._apply_file(node))

    async def upload_content(self, path: Path | str, node_id: NodeId | tuple[str, str]) -> None:
        """Upload the content of a file on disk to an existing file node.

        Args:
            path: The file on disk.
            node_id: The file node (NodeId or ``(space, external_id)``).

        Example:
            >>> import tempfile, pathlib
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> from cognite.client.data_classes.data_modeling.cdm.v1 import CogniteFileApply
            >>> with tempfile.TemporaryDirectory() as tmp, emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
            ...     _ = client.data_modeling.instances.apply(CogniteFileApply("s", "a"))
            ...     _ = pathlib.Path(tmp, "a.txt").write_bytes(b"abc")
            ...     client.data_modeling.files.upload_content(pathlib.Path(tmp, "a.txt"), ("s", "a"))
            ...     client.data_modeling.files.download_bytes(("s", "a"))
            b'abc'
        """
        await self._cognite_client.files.upload_content(path, instance_id=_node_id(node_id, "node_id"))

    async def upload_content_bytes(self, content: str | bytes | BinaryIO, node_id: NodeId | tuple[str, str]) -> None:
        """Upload content from memory to an existing file node.

        Args:
            content: The content (bytes, a string or a binary file object).
            node_id: The file node (NodeId or ``(space, external_id)``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> from cognite.client.data_classes.data_modeling.cdm.v1 import CogniteFileApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
            ...     _ = client.data_modeling.instances.apply(CogniteFileApply("s", "a"))
            ...     client.data_modeling.files.upload_content_bytes(b"xyz", ("s", "a"))
            ...     client.data_modeling.files.download_bytes(("s", "a"))
            b'xyz'
        """
        await self._cognite_client.files.upload_content_bytes(content, instance_id=_node_id(node_id, "node_id"))

    async def retrieve_download_urls(
        self,
        node_ids: NodeId | tuple[str, str] | Sequence[NodeId | tuple[str, str]],
        *,
        extended_expiration: bool = False,
    ) -> dict[NodeId, str]:
        """Get download URLs of file nodes (they expire after 30 seconds, or an hour with ``extended_expiration``).

        Args:
            node_ids: A file node (NodeId or ``(space, external_id)``) or a sequence of them.
            extended_expiration: Ask for URLs that last an hour.

        Returns:
            The URL of each file, keyed by NodeId.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> from cognite.client.data_classes.data_modeling.cdm.v1 import CogniteFileApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
            ...     client.data_modeling.files.upload_bytes(b"x", CogniteFileApply("s", "a"))
            ...     list(client.data_modeling.files.retrieve_download_urls(("s", "a")))
            [NodeId(space='s', external_id='a')]
        """
        ids, _ = _node_ids(node_ids, "node_ids")
        check_type(extended_expiration, bool, "extended_expiration")
        if not ids:
            return {}
        urls = await self._cognite_client.files.retrieve_download_urls(
            instance_id=ids, extended_expiration=extended_expiration
        )
        return {NodeId(k.space, k.external_id): v for k, v in urls.items() if isinstance(k, NodeId)}

    async def download_bytes(self, node_id: NodeId | tuple[str, str]) -> bytes:
        """Download the content of a file node into memory.

        Args:
            node_id: The file node (NodeId or ``(space, external_id)``).

        Returns:
            The content.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> from cognite.client.data_classes.data_modeling.cdm.v1 import CogniteFileApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
            ...     client.data_modeling.files.upload_bytes(b"abc", CogniteFileApply("s", "a"))
            ...     client.data_modeling.files.download_bytes(("s", "a"))
            b'abc'
        """
        return await self._cognite_client.files.download_bytes(instance_id=_node_id(node_id, "node_id"))

    async def download_to_path(self, path: Path | str, node_id: NodeId | tuple[str, str]) -> None:
        """Download the content of a file node to a path (streamed; the file appears only when complete).

        Args:
            path: Where to write it (missing parent directories are created).
            node_id: The file node (NodeId or ``(space, external_id)``).

        Example:
            >>> import tempfile, pathlib
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> from cognite.client.data_classes.data_modeling.cdm.v1 import CogniteFileApply
            >>> with tempfile.TemporaryDirectory() as tmp, emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
            ...     client.data_modeling.files.upload_bytes(b"abc", CogniteFileApply("s", "a"))
            ...     client.data_modeling.files.download_to_path(pathlib.Path(tmp, "out.bin"), ("s", "a"))
            ...     pathlib.Path(tmp, "out.bin").read_bytes()
            b'abc'
        """
        await self._cognite_client.files.download_to_path(path, instance_id=_node_id(node_id, "node_id"))

    async def download(
        self,
        directory: str | Path,
        node_ids: NodeId | tuple[str, str] | Sequence[NodeId | tuple[str, str]],
        *,
        keep_directory_structure: bool = False,
        resolve_duplicate_file_names: bool = False,
    ) -> None:
        """Download file nodes to a directory, named as their files, concurrently and streamed.

        Args:
            directory: The directory to download to (must exist).
            node_ids: A file node (NodeId or ``(space, external_id)``) or a sequence of them.
            keep_directory_structure: Put each file in subdirectories following its ``directory``.
            resolve_duplicate_file_names: Give files with a name already taken a numbered name.

        Example:
            >>> import tempfile, pathlib
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> from cognite.client.data_classes.data_modeling.cdm.v1 import CogniteFileApply
            >>> with tempfile.TemporaryDirectory() as tmp, emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
            ...     client.data_modeling.files.upload_bytes(b"abc", CogniteFileApply("s", "a", name="a.txt"))
            ...     client.data_modeling.files.download(tmp, [("s", "a")])
            ...     sorted(p.name for p in pathlib.Path(tmp).iterdir())
            ['a.txt']
        """
        ids, _ = _node_ids(node_ids, "node_ids")
        await self._cognite_client.files.download(
            directory, instance_id=ids, keep_directory_structure=keep_directory_structure,
            resolve_duplicate_file_names=resolve_duplicate_file_names,
        )  # fmt: skip
