"""Emulator table entries for annotations and contextualization: entity matching, diagrams and vision.

Annotations go through the generic store, with their ``data`` checked against their ``annotationType``
(:mod:`cognite.client.testing._annotation_data`), ``/annotations/suggest`` and ``/annotations/reverselookup``.

Contextualization work runs as jobs in CDF. The emulator computes every result deterministically when a job is
started, answers the start with ``"status": "Queued"``, and the job is ``"Completed"`` from its first status poll
on (so ``wait_for_completion`` returns after one poll). What the jobs compute:

* Entity matching (``fit``/``predict``/``refit``): a plain string-similarity model. Fields named by
  ``matchFields`` (default ``name`` with ``name``) are compared after normalization (lower case, letters and digits
  only); equal values score 1.0, others the ``difflib`` ratio of the normalized strings; the score of a pair is the
  mean over the match fields. Known matches (``trueMatches``) score 1.0. Predictions keep the ``numMatches`` best
  targets per source scoring at least ``scoreThreshold``.
* Diagram detect: reads the content of each file from the emulator's files store. A file that is UTF-8 text is a
  diagram whose pages are separated by form feeds (``\\f``) and whose lines are rows of text; every occurrence of
  an entity's ``searchField`` value(s) is a detection (case-insensitive unless ``configuration.caseSensitive``;
  whole tokens unless ``partialMatch``; names match whole, so ``minTokens`` changes nothing), with a rectangle from
  its line and column. With ``patternMode`` a name stands for its shape (any digit for a digit, any letter for a
  letter): ``21-PT-1019`` also finds ``22-LT-2000``. Other files get an ``errorMessage`` (the emulator reads text
  only).
* Diagram convert: one page image per page of each file; the URLs serve an SVG of the page's text with the
  detections outlined, and a 1x1 PNG.
* Vision extract: for text files, ``TextDetection`` gives one text region per word and ``AssetTagDetection`` one
  asset link per word that is the name of an asset in the emulator's assets store (part of a name with
  ``partialMatch``); other features, and files that are not text, give no predictions.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

from cognite.client.testing._annotation_data import check_annotation_data
from cognite.client.testing._errors import CDFError
from cognite.client.testing._families import eq, refs
from cognite.client.testing._filters import Item, Predicate
from cognite.client.testing._store import (
    ContentResponse,
    Family,
    ResourceStore,
    _decode_cursor,
    _encode_cursor,
)

__all__ = [
    "ANNOTATIONS",
    "CONTEXTUALIZATION_FAMILIES",
    "DIAGRAMS",
    "ENTITY_MATCHING",
    "VISION",
    "AnnotationsStore",
    "DiagramsStore",
    "EntityMatchingStore",
    "VisionStore",
]

_TOKEN = re.compile(r"[A-Za-z0-9]+")
_WORD = re.compile(r"\S+")
_PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf"
    "c0f01f0005000201a5f6451a0000000049454e44ae426082"
)


# --------------------------------------------------------------------------- jobs
class _Jobs:
    """Jobs of one store: the answer to the start (Queued) and the result (Completed from the first poll on)."""

    def __init__(self, store: ResourceStore) -> None:
        self.store = store
        self.jobs: dict[int, dict[str, Any]] = store.state.setdefault("jobs", {})

    def start(self, result: dict[str, Any], echo: dict[str, Any]) -> dict[str, Any]:
        now = self.store.project.clock()
        job_id = self.store.new_id()
        while job_id in self.jobs:
            job_id = self.store.new_id()
        times = {"createdTime": now, "startTime": now, "statusTime": now}
        self.jobs[job_id] = {"jobId": job_id, "status": "Queued", **times, **result}
        return {"jobId": job_id, "status": "Queued", **times, **echo}

    def poll(self, raw_id: str) -> dict[str, Any]:
        try:
            job_id = int(raw_id)
        except ValueError:
            raise CDFError(400, f"Invalid job id {raw_id!r}") from None
        job = self.jobs.get(job_id)
        if job is None:
            raise CDFError(400, f"Job {job_id} not found", missing=[{"jobId": job_id}])
        if job["status"] != "Completed":
            job["status"] = "Completed"
            job["statusTime"] = self.store.project.clock()
        return job


def _resolve_files(store: ResourceStore, items: Any, max_items: int) -> list[tuple[Item, dict[str, Any]]]:
    """The files named by request items (``fileId``/``fileExternalId``/``fileInstanceId``), with each item."""
    if not isinstance(items, list) or not 1 <= len(items) <= max_items:
        raise CDFError(400, f"items must be an array of 1 to {max_items} files")
    files = store.project.store("files")
    out: list[tuple[Item, dict[str, Any]]] = []
    missing: list[dict[str, Any]] = []
    for entry in items:
        if not isinstance(entry, dict):
            raise CDFError(400, f"Invalid file reference {entry!r}")
        keys = [k for k in ("fileId", "fileExternalId", "fileInstanceId") if entry.get(k) is not None]
        if len(keys) != 1:
            raise CDFError(400, f"Each item needs exactly one of fileId, fileExternalId and fileInstanceId: {entry!r}")
        key = keys[0]
        ref = {"id": entry[key]} if key == "fileId" else {key[4].lower() + key[5:]: entry[key]}
        found = files.get(ref)
        if found is None:
            missing.append({key: entry[key]})
        else:
            out.append((found, entry))
    if missing:
        raise CDFError(400, "Files not found", missing=missing)
    return out


def _file_ident(file: Item) -> dict[str, Any]:
    out: dict[str, Any] = {"fileId": file["id"]}
    if "externalId" in file:
        out["fileExternalId"] = file["externalId"]
    if "instanceId" in file:
        out["fileInstanceId"] = {"space": file["instanceId"]["space"], "externalId": file["instanceId"]["externalId"]}
    return out


def _text_of(store: ResourceStore, file: Item) -> str | None:
    """The content of a file as text, or None when it is not UTF-8 text."""
    files = store.project.store("files")
    try:
        return bytes(files.content_bytes({"id": file["id"]})).decode("utf-8")  # type: ignore[attr-defined]
    except UnicodeDecodeError:
        return None


def _pages(text: str) -> list[list[str]]:
    return [page.split("\n") for page in text.split("\f")]


def _box(lines: list[str], row: int, start: int, end: int) -> dict[str, float]:
    width = max((len(line) for line in lines), default=1) or 1
    height = len(lines) or 1
    return {
        "xMin": round(start / width, 6),
        "xMax": round(min(end / width, 1.0), 6),
        "yMin": round(row / height, 6),
        "yMax": round((row + 1) / height, 6),
    }


# --------------------------------------------------------------------------- annotations
def _data_filter(value: Any, store: ResourceStore) -> Predicate:
    if not isinstance(value, dict):
        raise CDFError(400, "'data' filter must be an object")

    def contains(have: Any, want: Any) -> bool:
        if isinstance(want, dict):
            return isinstance(have, dict) and all(k in have and contains(have[k], v) for k, v in want.items())
        return bool(have == want)

    return lambda item: contains(item.get("data"), value)


_ANNOTATION_FIELDS = {
    "annotatedResourceType": str,
    "annotatedResourceId": int,
    "annotationType": str,
    "creatingApp": str,
    "creatingAppVersion": str,
    "creatingUser": str,
    "data": dict,
    "status": str,
}
_ANNOTATION_FILTERS = {
    "annotatedResourceType": eq("annotatedResourceType"),
    "annotatedResourceIds": refs("annotatedResourceId", "files"),
    "annotationType": eq("annotationType"),
    "creatingApp": eq("creatingApp"),
    "creatingAppVersion": eq("creatingAppVersion"),
    "creatingUser": eq("creatingUser"),
    "status": eq("status"),
    "data": _data_filter,
}


class AnnotationsStore(ResourceStore):
    """Annotations: ``data`` checked against ``annotationType`` on create, suggest and update; reverse lookup."""

    def _check(self, entry: Any, *, suggest: bool) -> Item:
        if not isinstance(entry, dict):
            raise CDFError(400, f"Each annotation must be an object, got {entry!r}")
        allowed = set(_ANNOTATION_FIELDS) - ({"status"} if suggest else set())
        unknown = sorted(set(entry) - allowed)
        if unknown:
            raise CDFError(400, f"Unrecognized field(s) {unknown} for annotations")
        for name in sorted(allowed - {"creatingUser"}):
            if entry.get(name) is None:
                raise CDFError(400, f"Missing required field '{name}'")
        for name, kind in _ANNOTATION_FIELDS.items():
            value = entry.get(name)
            if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
                raise CDFError(400, f"Invalid value for '{name}': {value!r}")
        if entry["annotatedResourceType"] not in ("file", "threedmodel"):
            raise CDFError(400, f"Invalid annotatedResourceType {entry['annotatedResourceType']!r}")
        if not suggest and entry["status"] not in ("suggested", "approved", "rejected"):
            raise CDFError(400, f"Invalid status {entry['status']!r}")
        check_annotation_data(entry["annotationType"], entry["data"])
        item = dict(entry)
        item.setdefault("creatingUser", None)
        if suggest:
            item["status"] = "suggested"
        return item

    def create(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /annotations``: create annotations (all or nothing)."""
        new = [self._check(e, suggest=False) for e in self._items_of(body, "create")]
        return 201, {"items": self._insert(new, self.project.clock())}

    def suggest(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /annotations/suggest``: create annotations with the status "suggested"."""
        new = [self._check(e, suggest=True) for e in self._items_of(body, "create")]
        return 201, {"items": self._insert(new, self.project.clock())}

    def list(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /annotations/list``: the filter must name the annotated resources."""
        flt = body.get("filter")
        if not isinstance(flt, dict) or "annotatedResourceType" not in flt or not flt.get("annotatedResourceIds"):
            raise CDFError(400, "filter.annotatedResourceType and filter.annotatedResourceIds are required")
        return super().list(body)

    def update(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /annotations/update``: the resulting data must fit the resulting type."""
        for entry in self._items_of(body, "update"):
            if not isinstance(entry, dict) or not isinstance(entry.get("update"), dict) or "id" not in entry:
                raise CDFError(400, f"Each update needs an id and an 'update' object, got {entry!r}")
            current = self.get({"id": entry["id"]})
            if current is None:
                continue  # the generic update reports it as missing
            change = entry["update"]
            for name, op in change.items():
                if not isinstance(op, dict) or set(op) != {"set"}:
                    raise CDFError(400, f"'{name}' supports only 'set'")
            new_type = change.get("annotationType", {}).get("set", current["annotationType"])
            new_data = change.get("data", {}).get("set", current["data"])
            if "status" in change and change["status"]["set"] not in ("suggested", "approved", "rejected"):
                raise CDFError(400, f"Invalid status {change['status']['set']!r}")
            check_annotation_data(new_type, new_data)
        return super().update(body)

    def reverse_lookup(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /annotations/reverselookup``: the resources that have annotations matching the filter."""
        flt = body.get("filter") if isinstance(body, dict) else None
        if not isinstance(flt, dict) or not isinstance(flt.get("annotatedResourceType"), str):
            raise CDFError(400, "filter.annotatedResourceType is required")
        if "annotatedResourceIds" in flt:
            raise CDFError(400, "Unrecognized filter 'annotatedResourceIds' for reverse lookup")
        limit = self._limit(body.get("limit"), (100, 1000))
        pred = self.compile_filter(flt)
        seen: dict[int, None] = {}
        for item in self.matching(pred):
            seen.setdefault(item["annotatedResourceId"], None)
        ids = list(seen)
        offset = 0 if body.get("cursor") is None else _decode_cursor(body["cursor"], "r")
        page = ids[offset : offset + limit]
        out: dict[str, Any] = {
            "items": [{"id": i} for i in page],
            "annotatedResourceType": flt["annotatedResourceType"],
        }
        if offset + limit < len(ids):
            out["nextCursor"] = _encode_cursor("r", offset + limit)
        return 200, out


ANNOTATIONS = Family(
    name="annotations",
    path="/annotations",
    write_fields=_ANNOTATION_FIELDS,
    updates={"annotationType": "value", "data": "value", "status": "value"},
    filters=_ANNOTATION_FILTERS,
    verbs=frozenset({"create", "list", "byids", "retrieve", "update", "delete"}),
    external_id=False,
    routes={("POST", "/suggest"): "suggest", ("POST", "/reverselookup"): "reverse_lookup"},
    store_cls=AnnotationsStore,
)


# --------------------------------------------------------------------------- entity matching
def _normalize(value: Any) -> str:
    return "".join(_TOKEN.findall(str(value))).lower() if value is not None else ""


def _similarity(a: Any, b: Any) -> float:
    na, nb = _normalize(a), _normalize(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    return round(difflib.SequenceMatcher(None, na, nb, autojunk=False).ratio(), 4)


def _named(match: Mapping[str, Any], entity: Mapping[str, Any], side: str) -> bool:
    """Whether a true match names the entity on its side (by id or by external id)."""
    if f"{side}Id" in match:
        return "id" in entity and entity["id"] == match[f"{side}Id"]
    return "externalId" in entity and entity["externalId"] == match.get(f"{side}ExternalId")


class EntityMatchingStore(ResourceStore):
    """Entity matching models (training data kept per model) and their prediction jobs."""

    @property
    def _training(self) -> dict[int, dict[str, Any]]:
        found: dict[int, dict[str, Any]] = self.state.setdefault("training", {})
        return found

    def public(self, items: list[Item]) -> list[Item]:
        """Models as answered: ``externalId``, ``name`` and ``description`` are always present (null when unset)."""
        return [{"externalId": None, "name": None, "description": None, **it} for it in items]

    def _entities(self, value: Any, name: str, min_items: int) -> list[dict[str, Any]]:
        if not isinstance(value, list) or len(value) < min_items or not all(isinstance(v, dict) for v in value):
            raise CDFError(400, f"'{name}' must be an array of at least {min_items} objects")
        return value

    def _check_fields(self, entities: list[dict[str, Any]], fields: list[str], name: str, ignore: bool) -> None:
        if ignore:
            return
        for entity in entities:
            lacking = [f for f in fields if f not in entity]
            if lacking:
                raise CDFError(
                    400, f"An entity of '{name}' lacks the match field(s) {lacking}; use ignoreMissingFields"
                )

    def _model(self, body: Mapping[str, Any], base: Mapping[str, Any] | None = None) -> Item:
        match_fields = body.get("matchFields", (base or {}).get("matchFields", [{"source": "name", "target": "name"}]))
        if not isinstance(match_fields, list) or not all(
            isinstance(m, dict) and isinstance(m.get("source"), str) and isinstance(m.get("target"), str)
            for m in match_fields
        ):
            raise CDFError(400, "matchFields must be an array of {'source', 'target'}")
        model: Item = {
            "featureType": body.get("featureType", (base or {}).get("featureType", "simple")),
            "classifier": body.get("classifier", (base or {}).get("classifier", "randomforest")),
            "matchFields": match_fields,
            "ignoreMissingFields": bool(
                body.get("ignoreMissingFields", (base or {}).get("ignoreMissingFields", False))
            ),
            "status": "Queued",
        }
        for key in ("name", "description", "externalId"):
            if body.get(key) is not None:
                model[key] = body[key]
        return model

    def _store_model(self, model: Item, training: dict[str, Any]) -> Item:
        xid = model.get("externalId")
        if xid is not None and xid in self.by_xid:
            raise CDFError(409, "ExternalIds duplicated", duplicated=[{"externalId": xid}])
        now = self.project.clock()
        model["startTime"] = now
        model["statusTime"] = now
        (stored,) = self._insert([model], now)
        self._training[stored["id"]] = training
        return stored

    def fit(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /context/entitymatching``: train a model (training data is kept; status Queued)."""
        sources = self._entities(body.get("sources"), "sources", 0)
        targets = self._entities(body.get("targets"), "targets", 1)
        model = self._model(body)
        fields = model["matchFields"]
        self._check_fields(sources, [f["source"] for f in fields], "sources", model["ignoreMissingFields"])
        self._check_fields(targets, [f["target"] for f in fields], "targets", model["ignoreMissingFields"])
        true_matches = body.get("trueMatches") or []
        stored = self._store_model(model, {"sources": sources, "targets": targets, "trueMatches": true_matches})
        return 200, self.public([self._created(stored)])[0]

    def _created(self, model: Item) -> Item:
        return {k: v for k, v in model.items() if k not in ("lastUpdatedTime",)}

    def refit(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /context/entitymatching/refit``: a new model from an old one plus more true matches."""
        old = self._one(body)
        true_matches = body.get("trueMatches")
        if not isinstance(true_matches, list) or not true_matches:
            raise CDFError(400, "trueMatches must be a non-empty array")
        training = self._training[old["id"]]
        model = self._model({}, old)
        if body.get("newExternalId") is not None:
            model["externalId"] = body["newExternalId"]
        for key in ("name", "description"):
            if key in old:
                model[key] = old[key]
        model["originalId"] = old["id"]
        new_training = {
            "sources": body.get("sources") or training["sources"],
            "targets": body.get("targets") or training["targets"],
            "trueMatches": [*training["trueMatches"], *true_matches],
        }
        stored = self._store_model(model, new_training)
        return 200, self.public([self._created(stored)])[0]

    def _one(self, body: Any) -> Item:
        if not isinstance(body, dict):
            raise CDFError(400, "The request body must be an object")
        refs_ = [{k: body[k]} for k in ("id", "externalId") if body.get(k) is not None]
        if len(refs_) != 1:
            raise CDFError(400, "Give exactly one of id and externalId")
        (model,) = self.resolve(refs_, ignore_unknown=False)
        return model

    def status(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /context/entitymatching/{id}``: the model; training is Completed from the first poll on."""
        try:
            model_id = int(params["id"])
        except ValueError:
            raise CDFError(400, f"Invalid id {params['id']!r}") from None
        model = self.items.get(model_id)
        if model is None:
            raise CDFError(400, "Ids not found", missing=[{"id": model_id}])
        if model["status"] != "Completed":
            model["status"] = "Completed"
            model["statusTime"] = self.project.clock()
        return 200, self.public([model])[0]

    def _score(
        self, model: Item, training: Mapping[str, Any], source: Mapping[str, Any], target: Mapping[str, Any]
    ) -> tuple[float, bool]:
        """The score of a pair, and whether it is a known (true) match; known matches score 1.0 and rank first."""
        for match in training["trueMatches"]:
            if _named(match, source, "source") and _named(match, target, "target"):
                return 1.0, True
        fields = model["matchFields"]
        scores = [_similarity(source.get(f["source"]), target.get(f["target"])) for f in fields]
        return (round(sum(scores) / len(scores), 4) if scores else 0.0), False

    def predict(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /context/entitymatching/predict``: start a prediction job with a trained model."""
        model = self._one(body)
        training = self._training[model["id"]]
        sources = (
            self._entities(body["sources"], "sources", 0) if body.get("sources") is not None else training["sources"]
        )
        targets = (
            self._entities(body["targets"], "targets", 1) if body.get("targets") is not None else training["targets"]
        )
        num = body.get("numMatches", 1)
        threshold = body.get("scoreThreshold", 0)
        items = []
        for source in sources:
            scored = [(*self._score(model, training, source, t), i, t) for i, t in enumerate(targets)]
            scored = [s for s in scored if s[0] > 0 and s[0] >= threshold]
            scored.sort(key=lambda s: (-s[0], not s[1], s[2]))
            items.append({"source": source, "matches": [{"score": s, "target": t} for s, _, _, t in scored[:num]]})
        return 200, _Jobs(self).start({"items": items}, {})

    def job(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /context/entitymatching/jobs/{jobId}``: a prediction job and (completed) its matches."""
        return 200, _Jobs(self).poll(params["jobId"])

    def jobs(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /context/entitymatching/jobs``: the prediction jobs (without their results)."""
        listed = [{k: v for k, v in job.items() if k != "items"} for job in _Jobs(self).jobs.values()]
        return 200, {"items": listed}

    def list(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /context/entitymatching/list``: filter on exact values; the API has no cursor."""
        _, out = super().list(body)
        out.pop("nextCursor", None)
        return 200, out

    def list_get(self, query: Mapping[str, str]) -> tuple[int, dict[str, Any]]:
        """``GET /context/entitymatching``: the models (``limit`` only)."""
        return self.list({"limit": int(query.get("limit", "100"))})


ENTITY_MATCHING = Family(
    name="entitymatching",
    path="/context/entitymatching",
    write_fields={"externalId": str, "name": str, "description": str},
    updates={"name": "value", "description": "value"},
    filters={
        "name": eq("name"),
        "description": eq("description"),
        "featureType": eq("featureType"),
        "classifier": eq("classifier"),
        "originalId": eq("originalId"),
    },
    verbs=frozenset({"list", "byids", "update", "delete"}),
    routes={
        ("POST", ""): "fit",
        ("GET", "/{id}"): "status",
        ("POST", "/predict"): "predict",
        ("POST", "/refit"): "refit",
        ("GET", "/jobs"): "jobs",
        ("GET", "/jobs/{jobId}"): "job",
    },
    store_cls=EntityMatchingStore,
)


# --------------------------------------------------------------------------- diagrams
def _names(entity: Mapping[str, Any], field: str) -> list[str]:
    value = entity.get(field)
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str) and v.strip()]


def _shape(name: str) -> str:
    """The pattern of a name in pattern mode: any digit for a digit, any letter for a letter, the rest as is."""
    return "".join("[0-9]" if c.isdigit() else "[A-Za-z]" if c.isalpha() else re.escape(c) for c in name)


def _detect_in(
    lines: list[str], page: int, entities: Sequence[Mapping[str, Any]], body: Mapping[str, Any]
) -> list[dict[str, Any]]:
    config = body.get("configuration") or {}
    case_sensitive = bool(config.get("caseSensitive", False))
    partial = bool(body.get("partialMatch", False))
    by_pattern = bool(body.get("patternMode", False))
    field = body.get("searchField", "name")
    spots: dict[tuple[int, int, int], dict[str, Any]] = {}
    for entity in entities:
        for name in _names(entity, field):
            if not _TOKEN.search(name):
                continue
            flags = 0 if case_sensitive else re.IGNORECASE
            edge = "" if partial else r"(?<![A-Za-z0-9])"
            tail = "" if partial else r"(?![A-Za-z0-9])"
            core = _shape(name) if by_pattern else re.escape(name)
            pattern = re.compile(edge + core + tail, flags)
            for row, line in enumerate(lines):
                for m in pattern.finditer(line):
                    key = (row, m.start(), m.end())
                    spot = spots.get(key)
                    if spot is None:
                        box = _box(lines, row, m.start(), m.end())
                        vertices = [
                            {"x": box["xMin"], "y": box["yMin"]},
                            {"x": box["xMax"], "y": box["yMin"]},
                            {"x": box["xMax"], "y": box["yMax"]},
                            {"x": box["xMin"], "y": box["yMax"]},
                        ]
                        spot = spots[key] = {
                            "text": m.group(0),
                            "confidence": 1.0,
                            "region": {"shape": "rectangle", "vertices": vertices, "page": page},
                            "entities": [],
                        }
                    if len(spot["entities"]) < 5 and entity not in spot["entities"]:
                        spot["entities"].append(entity)
    return [spots[k] for k in sorted(spots)]


class DiagramsStore(ResourceStore):
    """Diagram detect and convert jobs, computed from the text content of files."""

    def detect(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /context/diagram/detect``: start a detect job."""
        entities = body.get("entities")
        if not isinstance(entities, list) or not entities or not all(isinstance(e, dict) for e in entities):
            raise CDFError(400, "entities must be a non-empty array of objects")
        files = _resolve_files(self, body.get("items"), 50)
        echo = {k: body[k] for k in ("searchField", "partialMatch", "minTokens") if k in body}
        results = []
        started = []
        for file, entry in files:
            ident = _file_ident(file)
            page_range = entry.get("pageRange")
            started.append({**ident, **({"pageRange": page_range} if page_range else {})})
            text = _text_of(self, file)
            if text is None:
                message = f"File {file['id']} is not text: the emulator detects in UTF-8 text files only"
                results.append({**ident, "errorMessage": message})
                continue
            pages = _pages(text)
            first, last = (page_range["begin"], page_range["end"]) if page_range else (1, len(pages))
            annotations = []
            for number in range(first, min(last, len(pages)) + 1):
                annotations += _detect_in(pages[number - 1], number, entities, body)
            item = {**ident, "annotations": annotations, "pageCount": len(pages)}
            if page_range:
                item["pageRange"] = page_range
            results.append(item)
        return 200, _Jobs(self).start({"items": results, **echo}, {"items": started, **echo})

    def detect_job(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /context/diagram/detect/{jobId}``."""
        return 200, self._job(params["jobId"], "detect")

    def _job(self, raw_id: str, kind: str) -> dict[str, Any]:
        job = _Jobs(self).poll(raw_id)
        if job.get("kind", "detect") != kind:
            raise CDFError(400, f"Job {raw_id} is not a {kind} job")
        return {k: v for k, v in job.items() if k not in ("kind", "pages")}

    def convert(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /context/diagram/convert``: start a convert job (one page image per page)."""
        items = body.get("items")
        files = _resolve_files(self, items, 50)
        jobs = _Jobs(self)
        results = []
        pages_svg: dict[str, str] = {}
        for file, entry in files:
            annotations = entry.get("annotations")
            if not isinstance(annotations, list):
                raise CDFError(400, "Each item needs 'annotations'")
            ident = _file_ident(file)
            text = _text_of(self, file)
            pages = _pages(text) if text is not None else [[]]
            page_count = max([len(pages), *(a.get("region", {}).get("page", 1) for a in annotations)])
            pages_out = []
            for number in range(1, min(page_count, 50) + 1):
                lines = pages[number - 1] if number <= len(pages) else []
                key = f"{file['id']}/{number}"
                pages_svg[key] = _svg(lines, [a for a in annotations if a.get("region", {}).get("page") == number])
                pages_out.append({"page": number, "svgUrl": key, "pngUrl": key})
            results.append({**ident, "results": pages_out})
        echo: dict[str, Any] = {"items": [_file_ident(f) for f, _ in files]}
        if "grayscale" in body:
            echo["grayscale"] = body["grayscale"]
        answer = jobs.start({"items": results, "kind": "convert", "pages": pages_svg}, echo)
        job = jobs.jobs[answer["jobId"]]
        for item in job["items"]:
            for page in item["results"]:
                base = f"{answer['jobId']}/{page['svgUrl']}"
                page["svgUrl"] = self._url(f"{base}.svg")
                page["pngUrl"] = self._url(f"{base}.png")
        return 200, answer

    def convert_job(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /context/diagram/convert/{jobId}``."""
        return 200, self._job(params["jobId"], "convert")

    def _url(self, rest: str) -> str:
        from cognite.client.testing._app import CONTENT_PREFIX, request_base_url

        return f"{request_base_url()}{CONTENT_PREFIX}{self.project.name}/{self.family.name}/{rest}"

    async def page_image(
        self, rest: str, query: Mapping[str, str], headers: Mapping[str, str], body: AsyncIterator[bytes]
    ) -> ContentResponse:
        """``GET`` a page image of a convert job: ``{jobId}/{fileId}/{page}.svg`` or ``.png``."""
        stem, _, ext = rest.rpartition(".")
        job_id, _, key = stem.partition("/")
        job = _Jobs(self).jobs.get(int(job_id)) if job_id.isdigit() else None
        svg = (job or {}).get("pages", {}).get(key)
        if svg is None or ext not in ("svg", "png"):
            raise CDFError(404, f"Not found: {rest}")
        data = svg.encode() if ext == "svg" else _PNG_1X1
        mime = "image/svg+xml" if ext == "svg" else "image/png"

        async def content() -> AsyncIterator[bytes]:
            yield data

        return ContentResponse(200, [("content-type", mime), ("content-length", str(len(data)))], content())


def _svg(lines: list[str], annotations: list[dict[str, Any]]) -> str:
    width, row_height = 1000, 20
    height = max(len(lines), 1) * row_height
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">']
    for row, line in enumerate(lines):
        parts.append(f'<text x="0" y="{(row + 1) * row_height - 5}" font-family="monospace">{html.escape(line)}</text>')
    for a in annotations:
        xs = [v["x"] for v in a["region"]["vertices"]]
        ys = [v["y"] for v in a["region"]["vertices"]]
        x, y = min(xs) * width, min(ys) * height
        w, h = (max(xs) - min(xs)) * width, (max(ys) - min(ys)) * height
        parts.append(f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" fill="none" stroke="red"/>')
    parts.append("</svg>")
    return "".join(parts)


DIAGRAMS = Family(
    name="diagrams",
    path="/context/diagram",
    write_fields={},
    verbs=frozenset(),
    external_id=False,
    routes={
        ("POST", "/detect"): "detect",
        ("GET", "/detect/{jobId}"): "detect_job",
        ("POST", "/convert"): "convert",
        ("GET", "/convert/{jobId}"): "convert_job",
    },
    content_routes={"GET": "page_image"},
    store_cls=DiagramsStore,
)


# --------------------------------------------------------------------------- vision
_FEATURES = {
    "TextDetection": "textPredictions",
    "AssetTagDetection": "assetTagPredictions",
    "PeopleDetection": "peoplePredictions",
    "IndustrialObjectDetection": "industrialObjectPredictions",
    "PersonalProtectiveEquipmentDetection": "personalProtectiveEquipmentPredictions",
    "DigitalGaugeDetection": "digitalGaugePredictions",
    "DialGaugeDetection": "dialGaugePredictions",
    "LevelGaugeDetection": "levelGaugePredictions",
    "ValveDetection": "valvePredictions",
}


class VisionStore(ResourceStore):
    """Vision extract jobs: text and asset tags from text files; no predictions of the other features."""

    def extract(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /context/vision/extract``: start an extract job."""
        features = body.get("features")
        if not isinstance(features, list) or not features or any(f not in _FEATURES for f in features):
            raise CDFError(400, f"features must be a non-empty array of {sorted(_FEATURES)}")
        if len(set(features)) != len(features):
            raise CDFError(400, "features must not repeat")
        parameters = body.get("parameters") or {}
        files = _resolve_files(self, body.get("items"), 100)
        results = []
        for file, _ in files:
            text = _text_of(self, file)
            predictions: dict[str, list[Any]] = {_FEATURES[f]: [] for f in features}
            if text is not None:
                if "TextDetection" in features:
                    predictions["textPredictions"] = [
                        {"text": t, "textRegion": box, "confidence": 1.0} for t, box in _words(text)
                    ]
                if "AssetTagDetection" in features:
                    predictions["assetTagPredictions"] = self._asset_tags(
                        text, parameters.get("assetTagDetectionParameters") or {}
                    )
            ident = {k: v for k, v in _file_ident(file).items() if k != "fileInstanceId"}
            results.append({**ident, "predictions": predictions})
        echo: dict[str, Any] = {
            "items": [{k: v for k, v in _file_ident(f).items()} for f, _ in files],
            "features": features,
        }
        if body.get("parameters") is not None:
            echo["parameters"] = body["parameters"]
        return 200, _Jobs(self).start({"items": results, **({"parameters": parameters} if parameters else {})}, echo)

    def _asset_tags(self, text: str, settings: Mapping[str, Any]) -> list[dict[str, Any]]:
        assets = self.project.store("assets")
        candidates = assets.matching(None)
        subtree = settings.get("assetSubtreeIds")
        if subtree:
            allowed = self.project.subtree_ids(subtree)
            candidates = [a for a in candidates if a["id"] in allowed]
        partial = bool(settings.get("partialMatch", False))
        out = []
        for word, box in _words(text):
            norm = _normalize(word)
            for asset in candidates:
                name = _normalize(asset.get("name"))
                if name and (norm == name or (partial and len(norm) >= 3 and norm in name)):
                    out.append({"text": word, "textRegion": box, "assetRef": {"id": asset["id"]}, "confidence": 1.0})
                    break
        return out

    def extract_job(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /context/vision/extract/{jobId}``."""
        return 200, _Jobs(self).poll(params["jobId"])


def _words(text: str) -> list[tuple[str, dict[str, float]]]:
    out = []
    pages = _pages(text)
    lines = pages[0] if pages else []
    for row, line in enumerate(lines):
        for m in _WORD.finditer(line):
            word = m.group(0)[:128]
            out.append((word, _box(lines, row, m.start(), m.end())))
    return out


VISION = Family(
    name="vision",
    path="/context/vision",
    write_fields={},
    verbs=frozenset(),
    external_id=False,
    routes={("POST", "/extract"): "extract", ("GET", "/extract/{jobId}"): "extract_job"},
    store_cls=VisionStore,
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
CONTEXTUALIZATION_FAMILIES: tuple[Family, ...] = (ANNOTATIONS, ENTITY_MATCHING, DIAGRAMS, VISION)
