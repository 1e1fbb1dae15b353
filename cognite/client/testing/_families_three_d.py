"""Emulator table entry for 3D: models (generic store), revisions (a generic store per model), node trees, asset
mappings and 3D files, served by :class:`ThreeDStore` under ``/3d``.

Behaviour:

- Models are items of the generic store (``name``, ``dataSetId``, ``metadata``); ``published`` lists the models with
  (or without) a published revision. Deleting a model deletes its revisions.
- Revisions live in one generic store per model. A revision needs a file of the Files API (``fileId``) and starts
  ``"Queued"``; each time it is read (retrieved or listed) its status moves one step, ``Queued -> Processing ->
  Done``, so a poll loop sees every state, deterministically. ``assetMappingCount`` counts its mappings.
- Node trees: a revision created from a file gets a small tree (names and properties fixed; ids from the
  emulator's seed)::

      <file name>            bounding box [0,0,0]..[10,10,10]
        Area A               {"Item": {"Type": "Area"}}   [0,0,0]..[5,5,5]
          Pipe 1             {"Item": {"Type": "Pipe"}}   [0,0,0]..[1,1,1]
          Pipe 2             {"Item": {"Type": "Pipe"}}   [3,3,3]..[4,4,4]
        Area B               {"Item": {"Type": "Area"}}   [6,6,6]..[10,10,10]
          Valve 1            {"Item": {"Type": "Valve"}}  [7,7,7]..[8,8,8]

  Tests seed their own tree with :meth:`ThreeDStore.seed_nodes` (which also marks the revision ``"Done"``).
  Tree indexes follow a depth-first walk; depth and subtree sizes are computed.
- Asset mappings link a node of the tree to an asset of the assets store; ``intersectsBoundingBox`` keeps the
  mappings whose node's bounding box intersects the given box (nodes without one never match).
- 3D files are bytes: a thumbnail set from an image of the Files API becomes one (``thumbnailThreedFileId``), and
  :meth:`ThreeDStore.seed_file` stores others. ``GET /3d/files/{id}`` answers the bytes.

Example:
    >>> from cognite.client.testing import CDFEmulator
    >>> emulator = CDFEmulator(seed=1)
    >>> store = emulator.store("emulated", "3d")
    >>> _, body = store.create_models({}, {}, {"items": [{"name": "plant"}]})
    >>> body["items"][0]["name"]
    'plant'
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping, Sequence
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import Item
from cognite.client.testing._media import RawContent
from cognite.client.testing._store import Family, Hooks, Project, ResourceStore, _decode_cursor, _encode_cursor

__all__ = ["REVISIONS", "THREE_D", "THREE_D_FAMILIES", "ThreeDStore"]

Query = Mapping[str, str]
_STATUS_NEXT = {"Queued": "Processing", "Processing": "Done"}
_LIST_BOUNDS = (100, 1000)


# --------------------------------------------------------------------------- small parsers
def _int(raw: Any, name: str) -> int:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise CDFError(400, f"Invalid value for '{name}': {raw!r}") from None
    return value


def _bool(query: Query, name: str) -> bool:
    raw = query.get(name, "false")
    if raw not in ("true", "false"):
        raise CDFError(400, f"Invalid value for query parameter '{name}': {raw!r}")
    return raw == "true"


def _json(query: Query, name: str) -> Any:
    raw = query.get(name)
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        raise CDFError(400, f"Query parameter '{name}' must be JSON, got {raw!r}") from None


def _only(query: Query, *allowed: str) -> None:
    unknown = sorted(set(query) - set(allowed))
    if unknown:
        raise CDFError(400, f"Unrecognized query parameter(s) {unknown}")


def _limit(value: Any) -> int:
    if value is None:
        return _LIST_BOUNDS[0]
    limit = _int(value, "limit") if isinstance(value, str) else value
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= _LIST_BOUNDS[1]:
        raise CDFError(400, f"limit must be an integer between 1 and {_LIST_BOUNDS[1]}, got {value!r}")
    return limit


def _page(items: Sequence[Item], limit_value: Any, cursor: Any, partition: Any, kind: str) -> dict[str, Any]:
    """One page of a list held in memory: ``partition`` ``m/n`` keeps positions ``p % n == m - 1``; the cursor is
    a position."""
    limit = _limit(limit_value)
    selected: Sequence[Item] = items
    if partition is not None:
        try:
            m_text, n_text = str(partition).split("/")
            m, n = int(m_text), int(n_text)
        except ValueError:
            raise CDFError(400, f"Invalid partition {partition!r}: expected 'm/n'") from None
        if not 1 <= m <= n or n > 10:
            raise CDFError(400, f"Invalid partition {partition!r}: need 1 <= m <= n <= 10")
        selected = items[m - 1 :: n]
    start = 0 if cursor is None else _decode_cursor(cursor, kind)
    out: dict[str, Any] = {"items": list(selected[start : start + limit])}
    if start + limit < len(selected):
        out["nextCursor"] = _encode_cursor(kind, start + limit)
    return out


def _box(value: Any, name: str) -> tuple[list[float], list[float]]:
    if not isinstance(value, dict) or not isinstance(value.get("min"), list) or not isinstance(value.get("max"), list):
        raise CDFError(400, f"'{name}' must be an object with 'min' and 'max' arrays")
    lo, hi = value["min"], value["max"]
    if len(lo) != 3 or len(hi) != 3 or not all(isinstance(v, int | float) for v in (*lo, *hi)):
        raise CDFError(400, f"'{name}' needs 3 coordinates in 'min' and in 'max'")
    return lo, hi


def _vector(value: Any, name: str) -> None:
    if (
        not isinstance(value, list)
        or len(value) != 3
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    ):
        raise CDFError(400, f"'{name}' must be an array of 3 numbers, got {value!r}")


def _check_vectors(item: Mapping[str, Any]) -> None:
    """Rotation, scale, translation and the camera's target and position are ``[x, y, z]``."""
    for name in ("rotation", "scale", "translation"):
        if item.get(name) is not None:
            _vector(item[name], name)
    camera = item.get("camera")
    if camera is not None:
        if not isinstance(camera, dict) or set(camera) != {"target", "position"}:
            raise CDFError(400, f"'camera' must be an object with 'target' and 'position', got {camera!r}")
        _vector(camera["target"], "camera.target")
        _vector(camera["position"], "camera.position")


def _intersects(node: Item, lo: Sequence[float], hi: Sequence[float]) -> bool:
    bbox = node.get("boundingBox")
    if not bbox:
        return False
    return all(bbox["min"][i] <= hi[i] and bbox["max"][i] >= lo[i] for i in range(3))


# --------------------------------------------------------------------------- node trees
class _Tree:
    """The nodes of one revision, in tree-index (depth-first) order."""

    __slots__ = ("by_id", "nodes")

    def __init__(self, nodes: list[Item]) -> None:
        self.nodes = nodes
        self.by_id = {n["id"]: n for n in nodes}

    def node(self, node_id: int) -> Item:
        found = self.by_id.get(node_id)
        if found is None:
            raise CDFError(400, f"Node {node_id} not found", missing=[{"id": node_id}])
        return found

    def subtree(self, node: Item) -> list[Item]:
        return self.nodes[node["treeIndex"] : node["treeIndex"] + node["subtreeSize"]]

    def ancestors(self, node: Item) -> list[Item]:
        chain = [node]
        while "parentId" in chain[-1]:
            chain.append(self.by_id[chain[-1]["parentId"]])
        return chain[::-1]


def _default_tree(root_name: str) -> dict[str, Any]:
    def box(lo: float, hi: float) -> dict[str, list[float]]:
        return {"min": [lo, lo, lo], "max": [hi, hi, hi]}

    def leaf(name: str, kind: str, lo: float, hi: float) -> dict[str, Any]:
        return {"name": name, "properties": {"Item": {"Type": kind}}, "boundingBox": box(lo, hi)}

    return {
        "name": root_name,
        "boundingBox": box(0, 10),
        "children": [
            {**leaf("Area A", "Area", 0, 5), "children": [leaf("Pipe 1", "Pipe", 0, 1), leaf("Pipe 2", "Pipe", 3, 4)]},
            {**leaf("Area B", "Area", 6, 10), "children": [leaf("Valve 1", "Valve", 7, 8)]},
        ],
    }


def _properties_match(node: Item, wanted: Mapping[str, Mapping[str, Any]], *, any_of: bool) -> bool:
    """Every property given matches (with ``any_of``: the node's value is one of a list of values)."""
    have = node.get("properties") or {}
    for category, props in wanted.items():
        cat = have.get(category) or {}
        for name, value in props.items():
            got = cat.get(name)
            if got is None or (got not in value if any_of else got != value):
                return False
    return True


# --------------------------------------------------------------------------- hooks
class _ModelHooks(Hooks):
    """Deleting a model deletes its revisions (and their trees and mappings)."""

    def after_delete(self, store: ResourceStore, removed: list[Item]) -> None:
        """Drop the revisions of deleted models."""
        assert isinstance(store, ThreeDStore)
        for model in removed:
            revisions = store.revisions.pop(model["id"], None)
            if revisions is not None:
                store.drop_revisions(list(revisions.items))


class _RevisionHooks(Hooks):
    """Revisions need a file of the Files API, start "Queued" and get the default tree."""

    def prepare_create(self, store: ResourceStore, new: list[Item]) -> None:
        """Check the vectors and the files, and set the status."""
        for item in new:
            _check_vectors(item)
        files = store.project.stores.get("files")
        missing = [{"id": it["fileId"]} for it in new if files is None or it["fileId"] not in files.items]
        if missing:
            raise CDFError(400, "Files not found", missing=missing)
        for item in new:
            item["status"] = "Queued"

    def apply_update(self, store: ResourceStore, item: Item, name: str, op: Mapping[str, Any]) -> bool:
        """Check the vectors and the camera set by an update (then the generic rules apply them)."""
        if name in ("rotation", "scale", "translation", "camera") and "set" in op:
            _check_vectors({name: op["set"]})
        return False

    def after_insert(self, store: ResourceStore, new: list[Item]) -> None:
        """Give every new revision the default tree, its root named after the file."""
        three_d = store.project.stores["3d"]
        assert isinstance(three_d, ThreeDStore)
        files = store.project.stores["files"]
        for item in new:
            name = files.items[item["fileId"]].get("name") or "root"
            three_d.trees[item["id"]] = three_d.build_tree(_default_tree(name))

    def after_delete(self, store: ResourceStore, removed: list[Item]) -> None:
        """Drop the trees and mappings of deleted revisions."""
        three_d = store.project.stores["3d"]
        assert isinstance(three_d, ThreeDStore)
        three_d.drop_revisions([it["id"] for it in removed])


def _has_published_revision(value: Any, store: ResourceStore) -> Any:
    assert isinstance(store, ThreeDStore)
    want = bool(value)

    def pred(item: Item) -> bool:
        revisions = store.revisions.get(item["id"])
        found = revisions is not None and any(r.get("published") for r in revisions.items.values())
        return found is want

    return pred


def _parse_bool(raw: str) -> bool:
    if raw not in ("true", "false"):
        raise ValueError(raw)
    return raw == "true"


REVISIONS = Family(
    name="3d_revisions",
    path="/3d/models/{modelId}/revisions",
    write_fields={
        "fileId": int,
        "published": bool,
        "rotation": list,
        "scale": list,
        "translation": list,
        "metadata": dict,
        "camera": dict,
    },
    required=("fileId",),
    updates={
        "published": "value",
        "rotation": "value",
        "scale": "value",
        "translation": "value",
        "camera": "value",
        "metadata": "object",
    },
    filters={"published": lambda value, store: lambda item: item.get("published") is bool(value)},
    query_params={"published": ("published", _parse_bool)},
    defaults={"published": False},
    verbs=frozenset(),
    external_id=False,
    hooks=_RevisionHooks(),
)


# --------------------------------------------------------------------------- the stores
class _RevisionStore(ResourceStore):
    """The revisions of one model: the generic store, with ids from the 3D store's generator."""

    def __init__(self, family: Family, project: Project, three_d: ThreeDStore) -> None:
        super().__init__(family, project)
        self.three_d = three_d

    def new_id(self) -> int:
        """A fresh revision id."""
        while True:
            candidate = self.three_d.new_id()
            if candidate not in self.items:
                return candidate


class ThreeDStore(ResourceStore):
    """3D in one project: models (this store's items), revisions (a store per model), trees, mappings and files.

    Args:
        family: The 3D family entry.
        project: The owning project.
    """

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        # ids from a generator of its own (seeded from the project's), so 3D does not shift other families' ids
        self.rng = random.Random(f"{family.name}:{project.rng.getstate()[1][:4]}")
        #: Model id -> the store of its revisions.
        self.revisions: dict[int, ResourceStore] = {}
        #: Revision id -> its node tree.
        self.trees: dict[int, _Tree] = {}
        #: Revision id -> (node id, asset id) -> mapping.
        self.mappings: dict[int, dict[tuple[int, int], Item]] = {}
        #: 3D file id -> (media type, content).
        self.files: dict[int, tuple[str, bytes]] = {}

    def new_id(self) -> int:
        """A fresh id for a model, revision, node or 3D file (below 2**53, like CDF)."""
        while True:
            candidate = self.rng.randint(1, 2**53 - 1)
            if candidate not in self.items:
                return candidate

    # ----------------------------------------------------------------- helpers for tests
    def seed_nodes(self, model_id: int, revision_id: int, root: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Replace the node tree of a revision (and its asset mappings) and mark the revision ``"Done"``.

        Args:
            model_id: The id of the model.
            revision_id: The id of the revision.
            root: The root node: ``{"name", "properties"?, "boundingBox"?, "children"?: [nodes like this]}``
                (``properties``: ``{category: {name: value}}``; ``boundingBox``: ``{"min": [x, y, z], "max": [...]}``).

        Returns:
            The nodes in tree-index order, in wire form (ids, tree indexes, depths and subtree sizes filled in).

        Example:
            >>> from cognite.client.testing import CDFEmulator, emulated_client
            >>> from cognite.client.data_classes import FileMetadataWrite, ThreeDModelRevisionWrite
            >>> emulator = CDFEmulator()
            >>> with emulated_client(emulator=emulator) as client:
            ...     file, _ = client.files.create(FileMetadataWrite(name="ship.obj"))
            ...     model = client.three_d.models.create("ship")
            ...     rev = client.three_d.revisions.create(model.id, ThreeDModelRevisionWrite(file_id=file.id))
            ...     nodes = emulator.store("emulated", "3d").seed_nodes(
            ...         model.id, rev.id, {"name": "hull", "children": [{"name": "deck"}, {"name": "mast"}]})
            ...     [(n.name, n.subtree_size) for n in client.three_d.revisions.list_nodes(model.id, rev.id)]
            [('hull', 3), ('deck', 1), ('mast', 1)]
        """
        revision = self._revision(model_id, revision_id)
        tree = self.build_tree(root)
        self.trees[revision_id] = tree
        self.mappings.pop(revision_id, None)
        revision["status"] = "Done"
        return [dict(n) for n in tree.nodes]

    def seed_file(self, content: bytes, content_type: str = "application/octet-stream") -> int:
        """Store a 3D file (as processing outputs are) and return its id.

        Args:
            content: The bytes.
            content_type: The media type it is served with.

        Returns:
            The 3D file id.
        """
        if not isinstance(content, bytes):
            raise TypeError(f"content must be bytes, not {type(content).__name__}")
        file_id = self.new_id()
        while file_id in self.files:
            file_id = self.new_id()
        self.files[file_id] = (content_type, content)
        return file_id

    def build_tree(self, root: Mapping[str, Any]) -> _Tree:
        """Build a tree from nested node specs (see :meth:`seed_nodes`)."""
        nodes: list[Item] = []
        taken: set[int] = set()

        def walk(spec: Any, parent: Item | None, depth: int) -> Item:
            if not isinstance(spec, Mapping) or not isinstance(spec.get("name"), str):
                raise ValueError(f"Each node needs a 'name' string, got {spec!r}")
            node_id = self.new_id()
            while node_id in taken:
                node_id = self.new_id()
            taken.add(node_id)
            node: Item = {"id": node_id, "treeIndex": len(nodes), "depth": depth, "name": spec["name"]}
            if parent is not None:
                node["parentId"] = parent["id"]
            if spec.get("properties"):
                node["properties"] = {c: dict(p) for c, p in spec["properties"].items()}
            if spec.get("boundingBox"):
                lo, hi = _box(spec["boundingBox"], "boundingBox")
                node["boundingBox"] = {"min": list(lo), "max": list(hi)}
            nodes.append(node)
            for child in spec.get("children") or ():
                walk(child, node, depth + 1)
            node["subtreeSize"] = len(nodes) - node["treeIndex"]
            return node

        walk(root, None, 0)
        for node in nodes:  # the wire order of the fields
            size = node.pop("subtreeSize")
            node["subtreeSize"] = size
        return _Tree(nodes)

    def drop_revisions(self, revision_ids: Sequence[int]) -> None:
        """Forget the trees and mappings of revisions."""
        for rid in revision_ids:
            self.trees.pop(rid, None)
            self.mappings.pop(rid, None)

    # ----------------------------------------------------------------- lookups
    def _model(self, raw: Any) -> Item:
        model_id = _int(raw, "modelId")
        item = self.items.get(model_id)
        if item is None:
            raise CDFError(400, f"Model {model_id} not found", missing=[{"id": model_id}])
        return item

    def _revisions_of(self, raw_model_id: Any) -> ResourceStore:
        model = self._model(raw_model_id)
        store = self.revisions.get(model["id"])
        if store is None:
            store = self.revisions[model["id"]] = _RevisionStore(REVISIONS, self.project, self)
        return store

    def _revision(self, raw_model_id: Any, raw_revision_id: Any) -> Item:
        store = self._revisions_of(raw_model_id)
        revision_id = _int(raw_revision_id, "revisionId")
        item = store.items.get(revision_id)
        if item is None:
            raise CDFError(400, f"Revision {revision_id} not found", missing=[{"id": revision_id}])
        return item

    def _tree(self, params: Mapping[str, str]) -> _Tree:
        revision = self._revision(params["modelId"], params["revisionId"])
        tree = self.trees.get(revision["id"])
        if tree is None:
            tree = self.trees[revision["id"]] = _Tree([])
        return tree

    @staticmethod
    def _model_out(item: Item) -> Item:
        return {k: v for k, v in item.items() if k != "lastUpdatedTime"}

    def _revision_out(self, item: Item) -> Item:
        out = {k: v for k, v in item.items() if k != "lastUpdatedTime"}
        out["assetMappingCount"] = len(self.mappings.get(item["id"], ()))
        return out

    # ----------------------------------------------------------------- models
    def create_models(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /3d/models``."""
        status, out = self.create(body)
        return status, {"items": [self._model_out(it) for it in out["items"]]}

    def list_models(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /3d/models`` (``published``: models with or without a published revision)."""
        q = {k: v for k, v in query.items() if k != "includeRevisionInfo"}
        status, out = self.list_get(q)
        return status, {**out, "items": [self._model_out(it) for it in out["items"]]}

    def get_model(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /3d/models/{modelId}``."""
        return 200, self._model_out(self._model(params["modelId"]))

    def update_models(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /3d/models/update``."""
        status, out = self.update(body)
        return status, {"items": [self._model_out(it) for it in out["items"]]}

    def delete_models(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /3d/models/delete``."""
        return self.delete(body)

    # ----------------------------------------------------------------- revisions
    def _advance(self, item: Item) -> None:
        item["status"] = _STATUS_NEXT.get(item.get("status", ""), item.get("status"))

    def create_revisions(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /3d/models/{modelId}/revisions``."""
        status, out = self._revisions_of(params["modelId"]).create(body)
        return status, {"items": [self._revision_out(it) for it in out["items"]]}

    def list_revisions(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /3d/models/{modelId}/revisions`` (each listed revision moves one status step)."""
        store = self._revisions_of(params["modelId"])
        status, out = store.list_get(query)
        for item in out["items"]:
            self._advance(store.items[item["id"]])
        return status, {**out, "items": [self._revision_out(store.items[it["id"]]) for it in out["items"]]}

    def get_revision(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /3d/models/{modelId}/revisions/{revisionId}`` (the revision moves one status step)."""
        item = self._revision(params["modelId"], params["revisionId"])
        self._advance(item)
        return 200, self._revision_out(item)

    def update_revisions(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /3d/models/{modelId}/revisions/update``."""
        status, out = self._revisions_of(params["modelId"]).update(body)
        return status, {"items": [self._revision_out(it) for it in out["items"]]}

    def delete_revisions(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /3d/models/{modelId}/revisions/delete``."""
        return self._revisions_of(params["modelId"]).delete(body)

    def update_thumbnail(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST .../revisions/{revisionId}/thumbnail``: the image (a Files API file) becomes a 3D file."""
        from cognite.client.testing._app import request_base_url

        revision = self._revision(params["modelId"], params["revisionId"])
        file_id = body.get("fileId")
        files = self.project.stores.get("files")
        image = None if files is None or not isinstance(file_id, int) else files.items.get(file_id)
        if image is None or files is None:
            raise CDFError(400, "Files not found", missing=[{"id": file_id}])
        content_of = getattr(files, "content_bytes", None)
        content = content_of({"id": file_id}) if content_of is not None else b""
        threed_id = self.seed_file(content, image.get("mimeType") or "application/octet-stream")
        revision["thumbnailThreedFileId"] = threed_id
        revision["thumbnailURL"] = f"{request_base_url()}/api/v1/projects/{self.project.name}/3d/files/{threed_id}"
        return 200, {}

    # ----------------------------------------------------------------- nodes
    def list_nodes(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET .../nodes``: the subtree of ``nodeId`` (default: the root) down to ``depth`` levels."""
        _only(query, "limit", "cursor", "partition", "depth", "nodeId", "sortByNodeId", "properties")
        tree = self._tree(params)
        if not tree.nodes:
            return 200, {"items": []}
        start = tree.node(_int(query["nodeId"], "nodeId")) if "nodeId" in query else tree.nodes[0]
        nodes = tree.subtree(start)
        if "depth" in query:
            max_depth = start["depth"] + _int(query["depth"], "depth")
            nodes = [n for n in nodes if n["depth"] <= max_depth]
        wanted = _json(query, "properties")
        if wanted is not None:
            if not isinstance(wanted, dict) or not all(isinstance(v, dict) for v in wanted.values()):
                raise CDFError(400, "'properties' must be a JSON object of objects")
            nodes = [n for n in nodes if _properties_match(n, wanted, any_of=False)]
        sort_by_id = _bool(query, "sortByNodeId")
        if "partition" in query and not sort_by_id:
            raise CDFError(400, "partition can only be used with sortByNodeId=true")
        if sort_by_id:
            nodes = sorted(nodes, key=lambda n: n["id"])
        return 200, _page(nodes, query.get("limit"), query.get("cursor"), query.get("partition"), "n3d")

    def filter_nodes(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST .../nodes/list``: nodes whose properties match (any listed value, every property) or by names."""
        tree = self._tree(params)
        flt = body.get("filter") or {}
        nodes = tree.nodes
        if "properties" in flt:
            wanted = flt["properties"]
            total = sum(len(v) for props in wanted.values() for v in props.values())
            if total > 1000:
                raise CDFError(400, f"At most 1000 property values in total, got {total}")
            nodes = [n for n in nodes if _properties_match(n, wanted, any_of=True)]
        if "names" in flt:
            names = set(flt["names"])
            nodes = [n for n in nodes if n["name"] in names]
        return 200, _page(nodes, body.get("limit"), body.get("cursor"), body.get("partition"), "f3d")

    def nodes_by_ids(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST .../nodes/byids``."""
        tree = self._tree(params)
        refs = self._items_of(body, "byids")
        missing = [r for r in refs if r.get("id") not in tree.by_id]
        if missing:
            raise CDFError(400, "Nodes not found", missing=missing)
        return 200, {"items": [tree.by_id[r["id"]] for r in refs]}

    def ancestors(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET .../nodes/{nodeId}/ancestors``: the node and its ancestors, root first."""
        _only(query, "limit", "cursor")
        tree = self._tree(params)
        chain = tree.ancestors(tree.node(_int(params["nodeId"], "nodeId")))
        return 200, _page(chain, query.get("limit"), query.get("cursor"), None, "a3d")

    # ----------------------------------------------------------------- asset mappings
    def _mappings(self, params: Mapping[str, str]) -> tuple[_Tree, dict[tuple[int, int], Item]]:
        tree = self._tree(params)
        return tree, self.mappings.setdefault(_int(params["revisionId"], "revisionId"), {})

    def create_mappings(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST .../mappings``: map nodes to assets (an existing mapping is answered as it is)."""
        tree, mappings = self._mappings(params)
        entries = self._items_of(body, "create")
        assets = self.project.stores.get("assets")
        missing_nodes, missing_assets = [], []
        for entry in entries:
            if "assetInstanceId" in entry or not isinstance(entry.get("assetId"), int):
                raise CDFError(400, "The emulator maps nodes to assets by 'assetId' only")
            if entry["nodeId"] not in tree.by_id:
                missing_nodes.append({"nodeId": entry["nodeId"]})
            if assets is None or entry["assetId"] not in assets.items:
                missing_assets.append({"id": entry["assetId"]})
        if missing_nodes:
            raise CDFError(400, "Nodes not found", missing=missing_nodes)
        if missing_assets:
            raise CDFError(400, "Assets not found", missing=missing_assets)
        out = []
        for entry in entries:
            node = tree.by_id[entry["nodeId"]]
            key = (node["id"], entry["assetId"])
            mapping = mappings.get(key)
            if mapping is None:
                mapping = mappings[key] = {
                    "nodeId": node["id"], "assetId": entry["assetId"],
                    "treeIndex": node["treeIndex"], "subtreeSize": node["subtreeSize"],
                }  # fmt: skip
            out.append(mapping)
        return 201, {"items": out}

    def delete_mappings(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST .../mappings/delete`` (mappings that do not exist are ignored)."""
        _, mappings = self._mappings(params)
        for entry in self._items_of(body, "delete"):
            mappings.pop((entry.get("nodeId"), entry.get("assetId")), None)
        return 200, {}

    def list_mappings(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET .../mappings``: by node, by asset, and by intersection with a bounding box."""
        _only(query, "limit", "cursor", "nodeId", "assetId", "intersectsBoundingBox", "getDmsInstances")
        tree, mappings = self._mappings(params)
        found = list(mappings.values())
        if "nodeId" in query:
            node_id = _int(query["nodeId"], "nodeId")
            found = [m for m in found if m["nodeId"] == node_id]
        if "assetId" in query:
            asset_id = _int(query["assetId"], "assetId")
            found = [m for m in found if m["assetId"] == asset_id]
        box = _json(query, "intersectsBoundingBox")
        if box is not None:
            lo, hi = _box(box, "intersectsBoundingBox")
            found = [m for m in found if _intersects(tree.by_id[m["nodeId"]], lo, hi)]
        return 200, _page(found, query.get("limit"), query.get("cursor"), None, "m3d")

    def filter_mappings(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST .../mappings/list``: by asset ids, node ids or tree indexes."""
        _, mappings = self._mappings(params)
        found = list(mappings.values())
        flt = body.get("filter") or {}
        for key, field in (("assetIds", "assetId"), ("nodeIds", "nodeId"), ("treeIndexes", "treeIndex")):
            if key in flt:
                wanted = set(flt[key])
                found = [m for m in found if m[field] in wanted]
        if "assetInstanceIds" in flt:
            found = []
        return 200, _page(found, body.get("limit"), body.get("cursor"), None, "l3d")

    # ----------------------------------------------------------------- files
    def get_file(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /3d/files/{threedFileId}``: the bytes."""
        file_id = _int(params["threedFileId"], "threedFileId")
        found = self.files.get(file_id)
        if found is None:
            raise CDFError(400, f"3D file {file_id} not found", missing=[{"id": file_id}])
        return 200, RawContent(*found)


_REV = "/models/{modelId}/revisions/{revisionId}"

THREE_D = Family(
    name="3d",
    path="/3d",
    write_fields={"name": str, "dataSetId": int, "metadata": dict},
    required=("name",),
    updates={"name": "value", "dataSetId": "nullable", "metadata": "object"},
    filters={"published": _has_published_revision},
    query_params={"published": ("published", _parse_bool)},
    verbs=frozenset(),
    external_id=False,
    hooks=_ModelHooks(),
    store_cls=ThreeDStore,
    routes={
        ("POST", "/models"): "create_models",
        ("GET", "/models"): "list_models",
        ("GET", "/models/{modelId}"): "get_model",
        ("POST", "/models/update"): "update_models",
        ("POST", "/models/delete"): "delete_models",
        ("POST", "/models/{modelId}/revisions"): "create_revisions",
        ("GET", "/models/{modelId}/revisions"): "list_revisions",
        ("POST", "/models/{modelId}/revisions/update"): "update_revisions",
        ("POST", "/models/{modelId}/revisions/delete"): "delete_revisions",
        ("GET", _REV): "get_revision",
        ("POST", _REV + "/thumbnail"): "update_thumbnail",
        ("GET", _REV + "/nodes"): "list_nodes",
        ("POST", _REV + "/nodes/list"): "filter_nodes",
        ("POST", _REV + "/nodes/byids"): "nodes_by_ids",
        ("GET", _REV + "/nodes/{nodeId}/ancestors"): "ancestors",
        ("GET", _REV + "/mappings"): "list_mappings",
        ("POST", _REV + "/mappings"): "create_mappings",
        ("POST", _REV + "/mappings/delete"): "delete_mappings",
        ("POST", _REV + "/mappings/list"): "filter_mappings",
        ("GET", "/files/{threedFileId}"): "get_file",
    },
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
THREE_D_FAMILIES: tuple[Family, ...] = (THREE_D,)
