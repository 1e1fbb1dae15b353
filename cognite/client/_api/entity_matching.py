"""The Entity Matching API: train models that match entities (e.g. time series to assets), and predict matches."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, overload

from cognite.client._api_client import APIClient, IdentifierSequence, object_decoder
from cognite.client.data_classes._base import CogniteResource, set_client
from cognite.client.data_classes.contextualization import (
    ContextualizationJob,
    ContextualizationJobList,
    EntityMatchingModel,
    EntityMatchingModelList,
    EntityMatchingModelUpdate,
    EntityMatchingPredictionResult,
)

__all__ = ["EntityMatchingAPI"]

FEATURE_TYPES = ("simple", "insensitive", "bigram", "frequencyweightedbigram", "bigramextratokenizers", "bigramcombo")
CLASSIFIERS = (
    "randomforest",
    "decisiontree",
    "logisticregression",
    "augmentedlogisticregression",
    "augmentedrandomforest",
)


def _entities(entities: Any, name: str, *, allow_empty: bool = True) -> list[dict[str, Any]]:
    """Entities in wire form: dicts as given; resources dumped (scalar fields and metadata only)."""
    if entities is None or isinstance(entities, str | bytes | dict) or not isinstance(entities, Sequence):
        raise TypeError(f"{name} must be a list of dicts or resources")
    out = []
    for entity in entities:
        if isinstance(entity, dict):
            out.append(entity)
        elif isinstance(entity, CogniteResource):
            dumped = entity.dump(camel_case=True)
            out.append(
                {
                    k: v
                    for k, v in dumped.items()
                    if (isinstance(v, str | int | float) and not isinstance(v, bool)) or k == "metadata"
                }
            )
        else:
            raise TypeError(f"{name} must contain dicts or resources, not {type(entity).__name__}")
    if not out and not allow_empty:
        raise ValueError(f"{name} must not be empty")
    return out


def _side(value: Any, side: str) -> dict[str, Any]:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"true_matches: a {side} must be an id (int) or external id (str), got {value!r}")
    return {f"{side}Id": value} if isinstance(value, int) else {f"{side}ExternalId": value}


def _true_matches(matches: Any) -> list[dict[str, Any]]:
    if isinstance(matches, str | bytes | dict) or not isinstance(matches, Sequence):
        raise TypeError("true_matches must be a list of dicts or (source, target) pairs")
    out = []
    for match in matches:
        if isinstance(match, dict):
            keys = set(match)
            if len(keys & {"sourceId", "sourceExternalId"}) != 1 or len(keys & {"targetId", "targetExternalId"}) != 1:
                raise ValueError(f"true_matches: each dict needs one source and one target identifier, got {match!r}")
            out.append(match)
        elif isinstance(match, tuple | list) and len(match) == 2:
            out.append({**_side(match[0], "source"), **_side(match[1], "target")})
        else:
            raise TypeError(f"true_matches must contain dicts or (source, target) pairs, got {match!r}")
    if not out:
        raise ValueError("true_matches must not be empty")
    return out


def _match_fields(fields: Any) -> list[dict[str, str]]:
    if isinstance(fields, str | bytes | dict) or not isinstance(fields, Sequence):
        raise TypeError("match_fields must be a list of dicts or (source, target) pairs")
    out = []
    for pair in fields:
        if isinstance(pair, dict) and set(pair) == {"source", "target"}:
            out.append(dict(pair))
        elif isinstance(pair, tuple | list) and len(pair) == 2 and all(isinstance(x, str) for x in pair):
            out.append({"source": pair[0], "target": pair[1]})
        else:
            raise TypeError(
                f"match_fields must contain {{'source', 'target'}} dicts or (source, target) pairs, got {pair!r}"
            )
    return out


def _one_of(value: Any, allowed: Sequence[str], name: str) -> str | None:
    if value is None:
        return None
    if value not in allowed:
        raise ValueError(f"{name} must be one of {list(allowed)}, got {value!r}")
    return str(value)


class EntityMatchingAPI(APIClient[EntityMatchingModel, EntityMatchingModelList]):
    """Train entity matching models, predict matches with them, and manage them.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     model = client.entity_matching.fit(
        ...         sources=[{"id": 1, "name": "21PT1019"}], targets=[{"id": 10, "name": "21-PT-1019"}]
        ...     )
        ...     job = model.predict()
        ...     [m["target"]["id"] for m in job.result["items"][0]["matches"]]
        [10]
    """

    _RESOURCE_PATH = "/context/entitymatching"
    _RESOURCE_CLS = EntityMatchingModel
    _LIST_CLS = EntityMatchingModelList
    _UPDATE_CLS = EntityMatchingModelUpdate
    _RETRIEVE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _UPDATE_LIMIT = 1000
    _LIST_LIMIT = 1000

    async def _post_model(self, path: str, body: dict[str, Any], cls: type[Any]) -> Any:
        resp = await self._post(path, json=body)
        obj = object_decoder(cls).decode(resp.content)
        set_client(obj, self._cognite_client)
        return obj

    async def retrieve(self, id: int | None = None, external_id: str | None = None) -> EntityMatchingModel | None:
        """Retrieve one model by id or external id.

        Args:
            id: The id.
            external_id: The external id.

        Returns:
            The model, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.entity_matching.retrieve(id=1) is None
            True
        """
        return await self._retrieve_multiple(IdentifierSequence.load_one(id=id, external_id=external_id))  # type: ignore[no-any-return]

    async def retrieve_multiple(
        self, ids: Sequence[int] | None = None, external_ids: Sequence[str] | None = None
    ) -> EntityMatchingModelList:
        """Retrieve several models by ids and/or external ids.

        Args:
            ids: The ids.
            external_ids: The external ids.

        Returns:
            The models.

        Raises:
            CogniteNotFoundError: Some identifiers do not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     m = client.entity_matching.fit(sources=[{"id": 1, "name": "a"}], targets=[{"id": 2, "name": "a"}], external_id="m")
            ...     [x.external_id for x in client.entity_matching.retrieve_multiple(external_ids=["m"])]
            ['m']
        """
        identifiers = IdentifierSequence(ids=ids, external_ids=external_ids)
        identifiers.is_singleton = False
        return await self._retrieve_multiple(identifiers)  # type: ignore[no-any-return]

    @overload
    async def update(
        self,
        item: EntityMatchingModel | EntityMatchingModelUpdate,
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> EntityMatchingModel: ...
    @overload
    async def update(
        self,
        item: Sequence[EntityMatchingModel | EntityMatchingModelUpdate],
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> EntityMatchingModelList: ...
    async def update(
        self,
        item: EntityMatchingModel
        | EntityMatchingModelUpdate
        | Sequence[EntityMatchingModel | EntityMatchingModelUpdate],
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> EntityMatchingModel | EntityMatchingModelList:
        """Update the name and description of one or more models.

        Args:
            item: Model(s) or EntityMatchingModelUpdate(s).
            mode: For whole models: every mode sets the given name/description (they cannot be cleared).

        Returns:
            The updated model, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.contextualization import EntityMatchingModelUpdate
            >>> with emulated_client() as client:
            ...     m = client.entity_matching.fit(sources=[{"id": 1, "name": "a"}], targets=[{"id": 2, "name": "a"}])
            ...     client.entity_matching.update(EntityMatchingModelUpdate(id=m.id).name.set("pumps")).name
            'pumps'
        """
        return await self._update_multiple(item, mode)  # type: ignore[no-any-return]

    async def list(
        self,
        name: str | None = None,
        description: str | None = None,
        original_id: int | None = None,
        feature_type: str | None = None,
        classifier: str | None = None,
        limit: int | None = 25,
    ) -> EntityMatchingModelList:
        """List models, optionally filtered.

        Args:
            name: Exact name.
            description: Exact description.
            original_id: Only models refitted from this one.
            feature_type: Only models with this feature type.
            classifier: Only models with this classifier.
            limit: Maximum number of models (default 25; None, -1 or inf: all).

        Returns:
            The models.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.entity_matching.list(limit=5))
            0
        """
        for value, kind, label in ((name, str, "name"), (description, str, "description")):
            if value is not None and not isinstance(value, kind):
                raise TypeError(f"{label} must be a str, not {type(value).__name__}")
        if original_id is not None and (isinstance(original_id, bool) or not isinstance(original_id, int)):
            raise TypeError(f"original_id must be an int, not {type(original_id).__name__}")
        flt = {
            "name": name,
            "description": description,
            "originalId": original_id,
            "featureType": _one_of(feature_type, FEATURE_TYPES, "feature_type"),
            "classifier": _one_of(classifier and classifier.lower(), CLASSIFIERS, "classifier"),
        }
        wire = {k: v for k, v in flt.items() if v is not None}
        return await self._list(limit=limit, other_params={"filter": wire})  # type: ignore[no-any-return]

    async def list_jobs(self) -> ContextualizationJobList:
        """List the recent prediction jobs of entity matching.

        Returns:
            The jobs.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.entity_matching.list_jobs())
            0
        """
        resp = await self._get(self._RESOURCE_PATH + "/jobs")
        return ContextualizationJobList._from_items(
            self._decode_items(resp.content, ContextualizationJob).items, self._cognite_client
        )

    async def delete(
        self, id: int | Sequence[int] | None = None, external_id: str | Sequence[str] | None = None
    ) -> None:
        """Delete one or more models.

        Args:
            id: Id(s) to delete.
            external_id: External id(s) to delete.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     m = client.entity_matching.fit(sources=[{"id": 1, "name": "a"}], targets=[{"id": 2, "name": "a"}])
            ...     client.entity_matching.delete(id=m.id)
            ...     client.entity_matching.retrieve(id=m.id) is None
            True
        """
        identifiers = IdentifierSequence(ids=id, external_ids=external_id, id_name="id", external_id_name="external_id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=None)

    async def fit(
        self,
        sources: Sequence[dict[str, Any] | CogniteResource],
        targets: Sequence[dict[str, Any] | CogniteResource],
        true_matches: Sequence[dict[str, Any] | tuple[int | str, int | str]] | None = None,
        match_fields: Sequence[dict[str, str] | tuple[str, str]] | None = None,
        feature_type: str | None = None,
        classifier: str | None = None,
        ignore_missing_fields: bool = False,
        name: str | None = None,
        description: str | None = None,
        external_id: str | None = None,
    ) -> EntityMatchingModel:
        """Train a model that matches sources to targets (training runs as a job; the model shows its status).

        Args:
            sources: Entities to match: dicts, or resources (their scalar fields and metadata are sent).
            targets: Entities to match against.
            true_matches: Known matches: dicts, or ``(source, target)`` pairs of ids (int) or external ids (str).
            match_fields: Pairs of source/target fields to compare (default: name with name).
            feature_type: How fields are compared, e.g. "simple", "bigram".
            classifier: The classifier, e.g. "randomforest" (used with true matches).
            ignore_missing_fields: Use entities that lack a match field (as empty) instead of failing.
            name: A name.
            description: A description.
            external_id: An external id.

        Returns:
            The model (training may still run: see ``wait_for_completion``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     model = client.entity_matching.fit(sources=[{"id": 1, "name": "a"}], targets=[{"id": 2, "name": "a"}])
            ...     model.wait_for_completion()
            ...     model.status
            'Completed'
        """
        body: dict[str, Any] = {
            "sources": _entities(sources, "sources"),
            "targets": _entities(targets, "targets", allow_empty=False),
            "ignoreMissingFields": bool(ignore_missing_fields),
        }
        if true_matches is not None:
            body["trueMatches"] = _true_matches(true_matches)
        if match_fields is not None:
            body["matchFields"] = _match_fields(match_fields)
        if feature_type is not None:
            body["featureType"] = _one_of(feature_type, FEATURE_TYPES, "feature_type")
        if classifier is not None:
            body["classifier"] = _one_of(
                classifier.lower() if isinstance(classifier, str) else classifier, CLASSIFIERS, "classifier"
            )
        for key, value, label in (
            ("name", name, "name"),
            ("description", description, "description"),
            ("externalId", external_id, "external_id"),
        ):
            if value is not None:
                if not isinstance(value, str):
                    raise TypeError(f"{label} must be a str, not {type(value).__name__}")
                body[key] = value
        return await self._post_model(self._RESOURCE_PATH, body, EntityMatchingModel)  # type: ignore[no-any-return]

    async def predict(
        self,
        sources: Sequence[dict[str, Any] | CogniteResource] | None = None,
        targets: Sequence[dict[str, Any] | CogniteResource] | None = None,
        num_matches: int = 1,
        score_threshold: float | None = None,
        id: int | None = None,
        external_id: str | None = None,
    ) -> EntityMatchingPredictionResult:
        """Predict matches with a trained model (runs as a job).

        Args:
            sources: Entities to match (None: the training sources).
            targets: Entities to match against (None: the training targets).
            num_matches: The most matches per source (0 to 100).
            score_threshold: Only matches scoring at least this (0 to 1).
            id: The model id.
            external_id: The model external id.

        Returns:
            The prediction job; ``result["items"]`` holds ``{"source", "matches": [{"score", "target"}]}``.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     m = client.entity_matching.fit(sources=[{"id": 1, "name": "a"}], targets=[{"id": 2, "name": "a"}])
            ...     job = client.entity_matching.predict(id=m.id, sources=[{"id": 3, "name": "a"}])
            ...     job.result["items"][0]["matches"][0]["score"]
            1.0
        """
        identifier = IdentifierSequence.load_one(id=id, external_id=external_id).as_dicts()[0]
        if isinstance(num_matches, bool) or not isinstance(num_matches, int) or not 0 <= num_matches <= 100:
            raise ValueError(f"num_matches must be an int from 0 to 100, got {num_matches!r}")
        if score_threshold is not None and (
            isinstance(score_threshold, bool)
            or not isinstance(score_threshold, int | float)
            or not 0 <= score_threshold <= 1
        ):
            raise ValueError(f"score_threshold must be a number from 0 to 1, got {score_threshold!r}")
        body: dict[str, Any] = {**identifier, "numMatches": num_matches}
        if sources is not None:
            body["sources"] = _entities(sources, "sources")
        if targets is not None:
            body["targets"] = _entities(targets, "targets", allow_empty=False)
        if score_threshold is not None:
            body["scoreThreshold"] = score_threshold
        return await self._post_model(self._RESOURCE_PATH + "/predict", body, EntityMatchingPredictionResult)  # type: ignore[no-any-return]

    async def refit(
        self,
        true_matches: Sequence[dict[str, Any] | tuple[int | str, int | str]],
        id: int | None = None,
        external_id: str | None = None,
    ) -> EntityMatchingModel:
        """Train a new model from an existing one with more known matches.

        Args:
            true_matches: Known matches: dicts, or ``(source, target)`` pairs of ids (int) or external ids (str).
            id: The id of the model to refit.
            external_id: The external id of the model to refit.

        Returns:
            The new model (its ``original_id`` is the refitted model).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     m = client.entity_matching.fit(sources=[{"id": 1, "name": "a"}], targets=[{"id": 2, "name": "b"}])
            ...     new = client.entity_matching.refit(true_matches=[(1, 2)], id=m.id)
            ...     new.original_id == m.id
            True
        """
        identifier = IdentifierSequence.load_one(id=id, external_id=external_id).as_dicts()[0]
        body = {**identifier, "trueMatches": _true_matches(true_matches)}
        return await self._post_model(self._RESOURCE_PATH + "/refit", body, EntityMatchingModel)  # type: ignore[no-any-return]
