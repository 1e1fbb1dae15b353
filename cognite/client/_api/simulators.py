"""The Simulators API: simulators and their integrations (connectors), models and model revisions, routines and
routine revisions, simulation runs (with their data) and logs.

Most simulator endpoints take one item per request (creates, deletes, model byids, run byids): the generic verbs
chunk by the limits declared below and send the chunks concurrently. Lists are POST ``/list`` with a cursor.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any, Literal, overload

from cognite.client._api_client import APIClient, IdentifierSequence, check_type, external_id_list
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.shared import TimestampRange
from cognite.client.data_classes.simulators.filters import PropertySort, SimulationRunsSort
from cognite.client.data_classes.simulators.logs import SimulatorLog, SimulatorLogList
from cognite.client.data_classes.simulators.models import (
    SimulatorModel,
    SimulatorModelList,
    SimulatorModelRevision,
    SimulatorModelRevisionData,
    SimulatorModelRevisionDataList,
    SimulatorModelRevisionList,
    SimulatorModelRevisionWrite,
    SimulatorModelUpdate,
    SimulatorModelWrite,
)
from cognite.client.data_classes.simulators.routine_revisions import (
    SimulatorRoutineRevision,
    SimulatorRoutineRevisionList,
    SimulatorRoutineRevisionWrite,
)
from cognite.client.data_classes.simulators.routines import (
    SimulatorRoutine,
    SimulatorRoutineList,
    SimulatorRoutineWrite,
)
from cognite.client.data_classes.simulators.runs import (
    SimulationInputOverride,
    SimulationRun,
    SimulationRunDataItem,
    SimulationRunDataList,
    SimulationRunList,
    SimulationRunWrite,
)
from cognite.client.data_classes.simulators.simulators import (
    Simulator,
    SimulatorIntegration,
    SimulatorIntegrationList,
    SimulatorList,
)

__all__ = [
    "SimulationRunsAPI",
    "SimulatorIntegrationsAPI",
    "SimulatorLogsAPI",
    "SimulatorModelRevisionsAPI",
    "SimulatorModelsAPI",
    "SimulatorRoutineRevisionsAPI",
    "SimulatorRoutinesAPI",
    "SimulatorsAPI",
]

TimeRange = dict[str, Any] | TimestampRange


def _filter(**fields: Any) -> dict[str, Any]:
    """A filter in wire form from the fields given (None left out)."""
    return {key: value for key, value in fields.items() if value is not None}


def _xids(value: Any, name: str) -> list[str] | None:
    return external_id_list(value, name)


def _time_range(value: TimeRange | None, name: str) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, TimestampRange):
        return value.dump()
    if isinstance(value, dict):
        return TimestampRange.load(value).dump()
    raise TypeError(f"{name} must be a dict or a TimestampRange, not {type(value).__name__}")


def _choice(value: str | None, allowed: tuple[str, ...], name: str) -> str | None:
    if value is not None and value not in allowed:
        raise ValueError(f"{name} must be one of {list(allowed)}, not {value!r}")
    return value


def _sort(sort: Any, sort_cls: type[PropertySort]) -> dict[str, Any]:
    if sort is None:
        return {}
    return {"sort": [sort_cls.load(sort).dump()]}


def _write_items(items: Any, kinds: tuple[type, ...], name: str) -> Any:
    """The write form of one item or a list of them, checked to be of ``kinds`` (write or read classes)."""
    single = not isinstance(items, Sequence) or isinstance(items, str | bytes)
    out: list[Any] = []
    for item in [items] if single else list(items):
        if not isinstance(item, kinds):
            expected = " or ".join(k.__name__ for k in kinds)
            raise TypeError(f"{name} must be {expected} (or a list of them), not {type(item).__name__}")
        write: Any = getattr(item, "as_write")()  # noqa: B009 - every class in kinds has as_write
        out.append(write)
    return out[0] if single else out


class _SimulatorAPI(APIClient[Any, Any]):
    """What the simulator sub-APIs share: byids without ``ignoreUnknownIds`` (unknown identifiers are left out)."""

    _LIST_LIMIT = 1000

    async def _by_identifiers(self, ids: Any, external_ids: Any) -> Any:
        if ids is None and external_ids is None:
            raise ValueError("Give ids or external_ids")
        identifiers = IdentifierSequence(ids, external_ids)
        found = await self._retrieve_items(identifiers.as_dicts())
        if identifiers.is_singleton:
            return found[0] if found else None
        return found

    async def _delete_identifiers(self, ids: Any, external_ids: Any) -> None:
        if ids is None and external_ids is None:
            raise ValueError("Give ids or external_ids")
        await self._delete_multiple(IdentifierSequence(ids, external_ids), ignore_unknown_ids=None)


# ---------------------------------------------------------------------------------------------- integrations


class SimulatorIntegrationsAPI(_SimulatorAPI):
    """Simulator integrations: the connectors that run simulations (they register themselves).

    Example:
        >>> from cognite.client.testing import CDFEmulator, emulated_client
        >>> emulator = CDFEmulator()
        >>> _ = emulator.store("emulated", "simulators").seed_connector("DWSIM")
        >>> with emulated_client(emulator=emulator) as client:
        ...     client.simulators.integrations.list()[0].external_id
        'DWSIM-connector'
    """

    _RESOURCE_PATH = "/simulators/integrations"
    _RESOURCE_CLS = SimulatorIntegration
    _LIST_CLS = SimulatorIntegrationList
    _DELETE_LIMIT = 1

    def _filter(self, simulator_external_ids: Any, active: Any) -> dict[str, Any]:
        check_type(active, bool, "active")
        return _filter(simulatorExternalIds=_xids(simulator_external_ids, "simulator_external_ids"), active=active)

    async def list(
        self,
        limit: int | None = 25,
        simulator_external_ids: str | SequenceNotStr[str] | None = None,
        active: bool | None = None,
    ) -> SimulatorIntegrationList:
        """List simulator integrations.

        Args:
            limit: Maximum number of integrations (default 25; None, -1 or inf: all).
            simulator_external_ids: Only integrations of these simulators.
            active: Only integrations that reported within the last minute (True) or did not (False).

        Returns:
            The integrations.

        Example:
            >>> from cognite.client.testing import CDFEmulator, emulated_client
            >>> emulator = CDFEmulator()
            >>> _ = emulator.store("emulated", "simulators").seed_connector("DWSIM")
            >>> with emulated_client(emulator=emulator) as client:
            ...     len(client.simulators.integrations.list(simulator_external_ids="DWSIM", active=True))
            1
        """
        flt = self._filter(simulator_external_ids, active)
        return await self._list(limit=limit, filter=flt)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        simulator_external_ids: str | SequenceNotStr[str] | None = None,
        active: bool | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[SimulatorIntegration] | AsyncIterator[SimulatorIntegrationList]:
        """Iterate over simulator integrations, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many integrations (None: one at a time).
            simulator_external_ids: Only integrations of these simulators.
            active: Only (in)active integrations.
            limit: Maximum number of integrations (None: all).

        Returns:
            An async iterator of integrations or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [i.external_id for i in client.simulators.integrations()]
            []
        """
        flt = self._filter(simulator_external_ids, active)
        return self._list_generator(chunk_size=chunk_size, limit=limit, filter=flt)

    async def delete(
        self, ids: int | Sequence[int] | None = None, external_ids: str | SequenceNotStr[str] | None = None
    ) -> None:
        """Delete simulator integrations (one request per integration, sent concurrently).

        Args:
            ids: Ids.
            external_ids: External ids.

        Example:
            >>> from cognite.client.testing import CDFEmulator, emulated_client
            >>> emulator = CDFEmulator()
            >>> _ = emulator.store("emulated", "simulators").seed_connector("DWSIM")
            >>> with emulated_client(emulator=emulator) as client:
            ...     client.simulators.integrations.delete(external_ids="DWSIM-connector")
            ...     len(client.simulators.integrations.list())
            0
        """
        await self._delete_identifiers(ids, external_ids)


# ---------------------------------------------------------------------------------------------- models


class SimulatorModelRevisionsAPI(_SimulatorAPI):
    """Simulator model revisions: versions of a model's file.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     len(client.simulators.models.revisions.list())
        0
    """

    _RESOURCE_PATH = "/simulators/models/revisions"
    _RESOURCE_CLS = SimulatorModelRevision
    _LIST_CLS = SimulatorModelRevisionList
    _CREATE_LIMIT = 1
    _RETRIEVE_LIMIT = 100

    def _filter(self, model_external_ids: Any, all_versions: Any, created_time: Any, last_updated_time: Any) -> Any:
        check_type(all_versions, bool, "all_versions")
        return _filter(
            modelExternalIds=_xids(model_external_ids, "model_external_ids"),
            allVersions=all_versions,
            createdTime=_time_range(created_time, "created_time"),
            lastUpdatedTime=_time_range(last_updated_time, "last_updated_time"),
        )

    async def list(
        self,
        limit: int | None = 25,
        sort: PropertySort | None = None,
        model_external_ids: str | SequenceNotStr[str] | None = None,
        all_versions: bool | None = None,
        created_time: TimeRange | None = None,
        last_updated_time: TimeRange | None = None,
    ) -> SimulatorModelRevisionList:
        """List simulator model revisions (by default only the latest revision of each model).

        Args:
            limit: Maximum number of revisions (default 25; None, -1 or inf: all).
            sort: Sort by ``created_time`` (a PropertySort, a property name or a (property, order) tuple).
            model_external_ids: Only revisions of these models.
            all_versions: All revisions of each model, not only the latest.
            created_time: Only revisions created in this range (ms, inclusive).
            last_updated_time: Only revisions last updated in this range.

        Returns:
            The revisions.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.simulators.models.revisions.list(model_external_ids=["pump"], all_versions=True))
            0
        """
        flt = self._filter(model_external_ids, all_versions, created_time, last_updated_time)
        return await self._list(limit=limit, filter=flt, other_params=_sort(sort, PropertySort))  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        sort: PropertySort | None = None,
        model_external_ids: str | SequenceNotStr[str] | None = None,
        all_versions: bool | None = None,
        created_time: TimeRange | None = None,
        last_updated_time: TimeRange | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[SimulatorModelRevision] | AsyncIterator[SimulatorModelRevisionList]:
        """Iterate over simulator model revisions, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many revisions (None: one at a time).
            sort: Sort by ``created_time``.
            model_external_ids: Only revisions of these models.
            all_versions: All revisions, not only the latest of each model.
            created_time: Only revisions created in this range.
            last_updated_time: Only revisions last updated in this range.
            limit: Maximum number of revisions (None: all).

        Returns:
            An async iterator of revisions or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [r.external_id for r in client.simulators.models.revisions(chunk_size=10)]
            []
        """
        flt = self._filter(model_external_ids, all_versions, created_time, last_updated_time)
        return self._list_generator(
            chunk_size=chunk_size, limit=limit, filter=flt, other_params=_sort(sort, PropertySort)
        )

    async def retrieve(
        self, ids: int | Sequence[int] | None = None, external_ids: str | SequenceNotStr[str] | None = None
    ) -> SimulatorModelRevision | SimulatorModelRevisionList | None:
        """Retrieve simulator model revisions by id or external id (unknown ones are left out).

        Args:
            ids: One id (gives the revision or None) or a list of them (gives a list).
            external_ids: One external id or a list of them.

        Returns:
            The revision (None if it does not exist), or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.simulators.models.revisions.retrieve(external_ids="missing") is None
            True
        """
        return await self._by_identifiers(ids, external_ids)  # type: ignore[no-any-return]

    @overload
    async def create(
        self, items: SimulatorModelRevisionWrite, delete_oldest: bool = False
    ) -> SimulatorModelRevision: ...
    @overload
    async def create(
        self, items: Sequence[SimulatorModelRevisionWrite], delete_oldest: bool = False
    ) -> SimulatorModelRevisionList: ...
    async def create(
        self,
        items: SimulatorModelRevisionWrite | Sequence[SimulatorModelRevisionWrite],
        delete_oldest: bool = False,
    ) -> SimulatorModelRevision | SimulatorModelRevisionList:
        """Create simulator model revisions (one request per revision, sent concurrently).

        Args:
            items: A revision or a list of them (write or read objects).
            delete_oldest: Delete the oldest revision of the model when it has reached the most revisions CDF keeps.

        Returns:
            The created revision, or a list for a list.

        Example:
            >>> from cognite.client.testing import CDFEmulator, emulated_client
            >>> from cognite.client.data_classes.simulators import SimulatorModelRevisionWrite, SimulatorModelWrite
            >>> emulator = CDFEmulator()
            >>> _ = emulator.store("emulated", "simulators").seed_connector("DWSIM")
            >>> with emulated_client(emulator=emulator) as client:
            ...     _ = client.simulators.models.create(SimulatorModelWrite("pump", "DWSIM", 1, "Pump", "SteadyState"))
            ...     rev = client.simulators.models.revisions.create(SimulatorModelRevisionWrite("pump-v1", "pump", 1))
            ...     rev.version_number, rev.status
            (1, 'success')
        """
        check_type(delete_oldest, bool, "delete_oldest")
        write = _write_items(items, (SimulatorModelRevisionWrite, SimulatorModelRevision), "items")
        extra = {"deleteOldest": True} if delete_oldest else None
        return await self._create_multiple(write, extra_body=extra)  # type: ignore[no-any-return]

    async def retrieve_data(self, model_revision_external_id: str) -> SimulatorModelRevisionDataList:
        """Retrieve the data a connector extracted from a model revision (flowsheets and simulator information).

        Args:
            model_revision_external_id: The external id of the model revision.

        Returns:
            The data (empty when the revision has none).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.simulators.models.revisions.retrieve_data("missing"))
            0
        """
        check_type(model_revision_external_id, str, "model_revision_external_id")
        if model_revision_external_id is None:
            raise TypeError("model_revision_external_id must be a str, not NoneType")
        body = {"items": [{"modelRevisionExternalId": model_revision_external_id}]}
        resp = await self._post(self._RESOURCE_PATH + "/data/list", json=body)
        items = self._decode_items(resp.content, SimulatorModelRevisionData).items
        return self._make_list(items, SimulatorModelRevisionDataList)  # type: ignore[no-any-return]


class SimulatorModelsAPI(_SimulatorAPI):
    """Simulator models (and their ``revisions``).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     len(client.simulators.models.list())
        0
    """

    _RESOURCE_PATH = "/simulators/models"
    _RESOURCE_CLS = SimulatorModel
    _LIST_CLS = SimulatorModelList
    _UPDATE_CLS = SimulatorModelUpdate
    _CREATE_LIMIT = 1
    _RETRIEVE_LIMIT = 1
    _UPDATE_LIMIT = 1
    _DELETE_LIMIT = 1

    revisions: LazyAPI[SimulatorModelRevisionsAPI] = LazyAPI(
        "cognite.client._api.simulators:SimulatorModelRevisionsAPI"
    )

    async def list(
        self,
        limit: int | None = 25,
        simulator_external_ids: str | SequenceNotStr[str] | None = None,
        sort: PropertySort | None = None,
    ) -> SimulatorModelList:
        """List simulator models.

        Args:
            limit: Maximum number of models (default 25; None, -1 or inf: all).
            simulator_external_ids: Only models of these simulators.
            sort: Sort by ``created_time`` (a PropertySort, a property name or a (property, order) tuple).

        Returns:
            The models.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.simulators import PropertySort
            >>> with emulated_client() as client:
            ...     len(client.simulators.models.list(simulator_external_ids="DWSIM", sort=PropertySort(order="desc")))
            0
        """
        flt = _filter(simulatorExternalIds=_xids(simulator_external_ids, "simulator_external_ids"))
        return await self._list(limit=limit, filter=flt, other_params=_sort(sort, PropertySort))  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        simulator_external_ids: str | SequenceNotStr[str] | None = None,
        sort: PropertySort | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[SimulatorModel] | AsyncIterator[SimulatorModelList]:
        """Iterate over simulator models, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many models (None: one at a time).
            simulator_external_ids: Only models of these simulators.
            sort: Sort by ``created_time``.
            limit: Maximum number of models (None: all).

        Returns:
            An async iterator of models or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [m.external_id for m in client.simulators.models()]
            []
        """
        flt = _filter(simulatorExternalIds=_xids(simulator_external_ids, "simulator_external_ids"))
        return self._list_generator(
            chunk_size=chunk_size, limit=limit, filter=flt, other_params=_sort(sort, PropertySort)
        )

    async def retrieve(
        self, ids: int | Sequence[int] | None = None, external_ids: str | SequenceNotStr[str] | None = None
    ) -> SimulatorModel | SimulatorModelList | None:
        """Retrieve simulator models by id or external id (unknown ones are left out).

        Args:
            ids: One id (gives the model or None) or a list of them (gives a list).
            external_ids: One external id or a list of them.

        Returns:
            The model (None if it does not exist), or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.simulators.models.retrieve(external_ids=["a", "b"]))
            0
        """
        return await self._by_identifiers(ids, external_ids)  # type: ignore[no-any-return]

    @overload
    async def create(self, items: SimulatorModelWrite) -> SimulatorModel: ...
    @overload
    async def create(self, items: Sequence[SimulatorModelWrite]) -> SimulatorModelList: ...
    async def create(
        self, items: SimulatorModelWrite | Sequence[SimulatorModelWrite]
    ) -> SimulatorModel | SimulatorModelList:
        """Create simulator models (one request per model, sent concurrently).

        Args:
            items: A model or a list of them (write or read objects).

        Returns:
            The created model, or a list for a list.

        Example:
            >>> from cognite.client.testing import CDFEmulator, emulated_client
            >>> from cognite.client.data_classes.simulators import SimulatorModelWrite
            >>> emulator = CDFEmulator()
            >>> _ = emulator.store("emulated", "simulators").seed_connector("DWSIM")
            >>> with emulated_client(emulator=emulator) as client:
            ...     client.simulators.models.create(SimulatorModelWrite("pump", "DWSIM", 1, "Pump", "SteadyState")).name
            'Pump'
        """
        write = _write_items(items, (SimulatorModelWrite, SimulatorModel), "items")
        return await self._create_multiple(write)  # type: ignore[no-any-return]

    @overload
    async def update(self, items: SimulatorModel | SimulatorModelWrite | SimulatorModelUpdate) -> SimulatorModel: ...
    @overload
    async def update(
        self, items: Sequence[SimulatorModel | SimulatorModelWrite | SimulatorModelUpdate]
    ) -> SimulatorModelList: ...
    async def update(
        self,
        items: SimulatorModel
        | SimulatorModelWrite
        | SimulatorModelUpdate
        | Sequence[SimulatorModel | SimulatorModelWrite | SimulatorModelUpdate],
    ) -> SimulatorModel | SimulatorModelList:
        """Update the name and description of simulator models (CDF updates by id: external ids are looked up).

        Args:
            items: Model(s) (their name and description are set) or SimulatorModelUpdate(s).

        Returns:
            The updated model, or a list for a list.

        Example:
            >>> from cognite.client.testing import CDFEmulator, emulated_client
            >>> from cognite.client.data_classes.simulators import SimulatorModelUpdate, SimulatorModelWrite
            >>> emulator = CDFEmulator()
            >>> _ = emulator.store("emulated", "simulators").seed_connector("DWSIM")
            >>> with emulated_client(emulator=emulator) as client:
            ...     _ = client.simulators.models.create(SimulatorModelWrite("pump", "DWSIM", 1, "Pump", "SteadyState"))
            ...     client.simulators.models.update(SimulatorModelUpdate(external_id="pump").name.set("P-1")).name
            'P-1'
        """
        single = not isinstance(items, Sequence)
        item_list: list[Any] = [items] if single else list(items)  # type: ignore[arg-type]
        for item in item_list:
            if not isinstance(item, SimulatorModel | SimulatorModelWrite | SimulatorModelUpdate):
                raise TypeError(
                    f"items must be SimulatorModel(Write) or SimulatorModelUpdate, not {type(item).__name__}"
                )
        by_xid = [x for x in item_list if _model_id(x) is None]
        if by_xid:
            xids = [_model_xid(x) for x in by_xid]
            found = await self._retrieve_items([{"externalId": x} for x in dict.fromkeys(xids)])
            ids = {m.external_id: m.id for m in found}
            missing = [x for x in xids if x not in ids]
            if missing:
                from cognite.client.exceptions import CogniteNotFoundError

                raise CogniteNotFoundError("Not found", code=400, missing=[{"externalId": x} for x in missing])
            item_list = [_with_id(x, ids[_model_xid(x)]) if _model_id(x) is None else x for x in item_list]
        updated = await self._update_multiple(item_list, "replace_ignore_null")
        return updated[0] if single else updated  # type: ignore[no-any-return]

    async def delete(
        self, ids: int | Sequence[int] | None = None, external_ids: str | SequenceNotStr[str] | None = None
    ) -> None:
        """Delete simulator models, with their revisions and routines (one request per model, sent concurrently).

        Args:
            ids: Ids.
            external_ids: External ids.

        Example:
            >>> from cognite.client.testing import CDFEmulator, emulated_client
            >>> from cognite.client.data_classes.simulators import SimulatorModelWrite
            >>> emulator = CDFEmulator()
            >>> _ = emulator.store("emulated", "simulators").seed_connector("DWSIM")
            >>> with emulated_client(emulator=emulator) as client:
            ...     _ = client.simulators.models.create(SimulatorModelWrite("pump", "DWSIM", 1, "Pump", "SteadyState"))
            ...     client.simulators.models.delete(external_ids="pump")
            ...     len(client.simulators.models.list())
            0
        """
        await self._delete_identifiers(ids, external_ids)


def _model_id(item: Any) -> int | None:
    return item._id if isinstance(item, SimulatorModelUpdate) else getattr(item, "id", None)


def _model_xid(item: Any) -> str:
    xid = item._external_id if isinstance(item, SimulatorModelUpdate) else item.external_id
    if xid is None:
        raise ValueError("A simulator model to update needs an id or an external_id")
    return str(xid)


def _with_id(item: Any, model_id: int) -> Any:
    if isinstance(item, SimulatorModelUpdate):  # a copy by id: the caller's update object is left as it is
        by_id = SimulatorModelUpdate(id=model_id)
        by_id._update_object = dict(item._update_object)
        return by_id
    update = SimulatorModelUpdate(id=model_id).name.set(item.name)
    if item.description is not None:
        update.description.set(item.description)
    return update


# ---------------------------------------------------------------------------------------------- routines


_KINDS = ("long",)


class SimulatorRoutineRevisionsAPI(_SimulatorAPI):
    """Simulator routine revisions: a routine's configuration and script, versioned.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     len(client.simulators.routines.revisions.list())
        0
    """

    _RESOURCE_PATH = "/simulators/routines/revisions"
    _RESOURCE_CLS = SimulatorRoutineRevision
    _LIST_CLS = SimulatorRoutineRevisionList
    _CREATE_LIMIT = 1
    _RETRIEVE_LIMIT = 20
    _LIST_LIMIT = 20

    def _params(
        self, routine_external_ids: Any, model_external_ids: Any, simulator_integration_external_ids: Any,
        simulator_external_ids: Any, kind: Any, created_time: Any, all_versions: Any, include_all_fields: Any,
        sort: Any,
    ) -> tuple[dict[str, Any], dict[str, Any]]:  # fmt: skip
        check_type(all_versions, bool, "all_versions")
        check_type(include_all_fields, bool, "include_all_fields")
        flt = _filter(
            routineExternalIds=_xids(routine_external_ids, "routine_external_ids"),
            modelExternalIds=_xids(model_external_ids, "model_external_ids"),
            simulatorIntegrationExternalIds=_xids(
                simulator_integration_external_ids, "simulator_integration_external_ids"
            ),
            simulatorExternalIds=_xids(simulator_external_ids, "simulator_external_ids"),
            kind=_choice(kind, _KINDS, "kind"),
            createdTime=_time_range(created_time, "created_time"),
            allVersions=all_versions,
        )
        other = _sort(sort, PropertySort)
        if include_all_fields is not None:
            other["includeAllFields"] = include_all_fields
        return flt, other

    async def list(
        self,
        routine_external_ids: SequenceNotStr[str] | None = None,
        model_external_ids: SequenceNotStr[str] | None = None,
        simulator_integration_external_ids: SequenceNotStr[str] | None = None,
        simulator_external_ids: SequenceNotStr[str] | None = None,
        kind: Literal["long"] | None = None,
        created_time: TimeRange | None = None,
        all_versions: bool = False,
        include_all_fields: bool = False,
        limit: int | None = 25,
        sort: PropertySort | None = None,
    ) -> SimulatorRoutineRevisionList:
        """List routine revisions (by default only the latest revision of each routine, without its script).

        Args:
            routine_external_ids: Only revisions of these routines.
            model_external_ids: Only revisions of routines of these models.
            simulator_integration_external_ids: Only revisions of routines of these integrations.
            simulator_external_ids: Only revisions of routines of these simulators.
            kind: Only revisions of routines of this kind ("long").
            created_time: Only revisions created in this range.
            all_versions: All revisions of each routine, not only the latest.
            include_all_fields: Include the script and the inputs and outputs of the configuration.
            limit: Maximum number of revisions (default 25; None, -1 or inf: all).
            sort: Sort by ``created_time``.

        Returns:
            The revisions.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.simulators.routines.revisions.list(routine_external_ids=["r1"], all_versions=True))
            0
        """
        flt, other = self._params(
            routine_external_ids, model_external_ids, simulator_integration_external_ids, simulator_external_ids,
            kind, created_time, all_versions, include_all_fields, sort,
        )  # fmt: skip
        return await self._list(limit=limit, filter=flt, other_params=other)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        routine_external_ids: SequenceNotStr[str] | None = None,
        model_external_ids: SequenceNotStr[str] | None = None,
        simulator_integration_external_ids: SequenceNotStr[str] | None = None,
        simulator_external_ids: SequenceNotStr[str] | None = None,
        kind: Literal["long"] | None = None,
        created_time: TimeRange | None = None,
        all_versions: bool = False,
        include_all_fields: bool = False,
        limit: int | None = None,
        sort: PropertySort | None = None,
    ) -> AsyncIterator[SimulatorRoutineRevision] | AsyncIterator[SimulatorRoutineRevisionList]:
        """Iterate over routine revisions, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many revisions (None: one at a time).
            routine_external_ids: Only revisions of these routines.
            model_external_ids: Only revisions of routines of these models.
            simulator_integration_external_ids: Only revisions of routines of these integrations.
            simulator_external_ids: Only revisions of routines of these simulators.
            kind: Only revisions of routines of this kind ("long").
            created_time: Only revisions created in this range.
            all_versions: All revisions, not only the latest of each routine.
            include_all_fields: Include the script and the inputs and outputs of the configuration.
            limit: Maximum number of revisions (None: all).
            sort: Sort by ``created_time``.

        Returns:
            An async iterator of revisions or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [r.external_id for r in client.simulators.routines.revisions()]
            []
        """
        flt, other = self._params(
            routine_external_ids, model_external_ids, simulator_integration_external_ids, simulator_external_ids,
            kind, created_time, all_versions, include_all_fields, sort,
        )  # fmt: skip
        return self._list_generator(chunk_size=chunk_size, limit=limit, filter=flt, other_params=other)

    async def retrieve(
        self, ids: int | Sequence[int] | None = None, external_ids: str | SequenceNotStr[str] | None = None
    ) -> SimulatorRoutineRevision | SimulatorRoutineRevisionList | None:
        """Retrieve routine revisions (with every field) by id or external id (unknown ones are left out).

        Args:
            ids: One id (gives the revision or None) or a list of them (gives a list).
            external_ids: One external id or a list of them.

        Returns:
            The revision (None if it does not exist), or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.simulators.routines.revisions.retrieve(ids=1) is None
            True
        """
        return await self._by_identifiers(ids, external_ids)  # type: ignore[no-any-return]

    @overload
    async def create(self, items: SimulatorRoutineRevisionWrite) -> SimulatorRoutineRevision: ...
    @overload
    async def create(self, items: Sequence[SimulatorRoutineRevisionWrite]) -> SimulatorRoutineRevisionList: ...
    async def create(
        self, items: SimulatorRoutineRevisionWrite | Sequence[SimulatorRoutineRevisionWrite]
    ) -> SimulatorRoutineRevision | SimulatorRoutineRevisionList:
        """Create routine revisions (one request per revision, sent concurrently).

        Args:
            items: A revision or a list of them (write or read objects).

        Returns:
            The created revision, or a list for a list.

        Example:
            >>> from cognite.client.testing import CDFEmulator, emulated_client
            >>> from cognite.client.data_classes.simulators import (SimulatorModelWrite, SimulatorRoutineConfiguration,
            ...     SimulatorRoutineInputConstant, SimulatorRoutineRevisionWrite, SimulatorRoutineWrite)
            >>> emulator = CDFEmulator()
            >>> _ = emulator.store("emulated", "simulators").seed_connector("DWSIM")
            >>> with emulated_client(emulator=emulator) as client:
            ...     _ = client.simulators.models.create(SimulatorModelWrite("pump", "DWSIM", 1, "Pump", "SteadyState"))
            ...     _ = client.simulators.routines.create(SimulatorRoutineWrite("r1", "pump", "Rate", "DWSIM-connector"))
            ...     config = SimulatorRoutineConfiguration(inputs=[SimulatorRoutineInputConstant("Rate", "rate", 2.0)])
            ...     client.simulators.routines.revisions.create(SimulatorRoutineRevisionWrite("r1-v1", "r1", config)).version_number
            1
        """
        write = _write_items(items, (SimulatorRoutineRevisionWrite, SimulatorRoutineRevision), "items")
        return await self._create_multiple(write)  # type: ignore[no-any-return]


class SimulatorRoutinesAPI(_SimulatorAPI):
    """Simulator routines (and their ``revisions``); ``run`` starts a simulation run of a routine.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     len(client.simulators.routines.list())
        0
    """

    _RESOURCE_PATH = "/simulators/routines"
    _RESOURCE_CLS = SimulatorRoutine
    _LIST_CLS = SimulatorRoutineList
    _CREATE_LIMIT = 1
    _DELETE_LIMIT = 1

    revisions: LazyAPI[SimulatorRoutineRevisionsAPI] = LazyAPI(
        "cognite.client._api.simulators:SimulatorRoutineRevisionsAPI"
    )

    def _filter(self, model_external_ids: Any, simulator_integration_external_ids: Any, kind: Any) -> dict[str, Any]:
        return _filter(
            modelExternalIds=_xids(model_external_ids, "model_external_ids"),
            simulatorIntegrationExternalIds=_xids(
                simulator_integration_external_ids, "simulator_integration_external_ids"
            ),
            kind=_choice(kind, _KINDS, "kind"),
        )

    async def list(
        self,
        limit: int | None = 25,
        model_external_ids: SequenceNotStr[str] | None = None,
        simulator_integration_external_ids: SequenceNotStr[str] | None = None,
        kind: Literal["long"] | None = None,
        sort: PropertySort | None = None,
    ) -> SimulatorRoutineList:
        """List simulator routines.

        Args:
            limit: Maximum number of routines (default 25; None, -1 or inf: all).
            model_external_ids: Only routines of these models.
            simulator_integration_external_ids: Only routines of these integrations.
            kind: Only routines of this kind ("long").
            sort: Sort by ``created_time``.

        Returns:
            The routines.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.simulators.routines.list(model_external_ids=["pump"]))
            0
        """
        flt = self._filter(model_external_ids, simulator_integration_external_ids, kind)
        return await self._list(limit=limit, filter=flt, other_params=_sort(sort, PropertySort))  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        model_external_ids: SequenceNotStr[str] | None = None,
        simulator_integration_external_ids: SequenceNotStr[str] | None = None,
        sort: PropertySort | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[SimulatorRoutine] | AsyncIterator[SimulatorRoutineList]:
        """Iterate over simulator routines, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many routines (None: one at a time).
            model_external_ids: Only routines of these models.
            simulator_integration_external_ids: Only routines of these integrations.
            sort: Sort by ``created_time``.
            limit: Maximum number of routines (None: all).

        Returns:
            An async iterator of routines or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [r.external_id for r in client.simulators.routines()]
            []
        """
        flt = self._filter(model_external_ids, simulator_integration_external_ids, None)
        return self._list_generator(
            chunk_size=chunk_size, limit=limit, filter=flt, other_params=_sort(sort, PropertySort)
        )

    @overload
    async def create(self, routine: SimulatorRoutineWrite) -> SimulatorRoutine: ...
    @overload
    async def create(self, routine: Sequence[SimulatorRoutineWrite]) -> SimulatorRoutineList: ...
    async def create(
        self, routine: SimulatorRoutineWrite | Sequence[SimulatorRoutineWrite]
    ) -> SimulatorRoutine | SimulatorRoutineList:
        """Create simulator routines (one request per routine, sent concurrently).

        Args:
            routine: A routine or a list of them (write or read objects).

        Returns:
            The created routine, or a list for a list.

        Example:
            >>> from cognite.client.testing import CDFEmulator, emulated_client
            >>> from cognite.client.data_classes.simulators import SimulatorModelWrite, SimulatorRoutineWrite
            >>> emulator = CDFEmulator()
            >>> _ = emulator.store("emulated", "simulators").seed_connector("DWSIM")
            >>> with emulated_client(emulator=emulator) as client:
            ...     _ = client.simulators.models.create(SimulatorModelWrite("pump", "DWSIM", 1, "Pump", "SteadyState"))
            ...     client.simulators.routines.create(SimulatorRoutineWrite("r1", "pump", "Rate", "DWSIM-connector")).simulator_external_id
            'DWSIM'
        """
        write = _write_items(routine, (SimulatorRoutineWrite, SimulatorRoutine), "routine")
        return await self._create_multiple(write, input_name="routine")  # type: ignore[no-any-return]

    async def delete(
        self, ids: int | Sequence[int] | None = None, external_ids: str | SequenceNotStr[str] | None = None
    ) -> None:
        """Delete simulator routines, with their revisions (one request per routine, sent concurrently).

        Args:
            ids: Ids.
            external_ids: External ids.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.exceptions import CogniteAPIError
            >>> with emulated_client() as client:
            ...     try:
            ...         client.simulators.routines.delete(external_ids="missing")
            ...     except CogniteAPIError as err:
            ...         print(err.code)
            400
        """
        await self._delete_identifiers(ids, external_ids)

    async def run(
        self,
        routine_external_id: str | None = None,
        routine_revision_external_id: str | None = None,
        model_revision_external_id: str | None = None,
        inputs: Sequence[SimulationInputOverride] | None = None,
        run_time: int | None = None,
        queue: bool | None = None,
        log_severity: Literal["Debug", "Information", "Warning", "Error"] | None = None,
        wait: bool = True,
        timeout: float = 60,
    ) -> SimulationRun:
        """Run a routine: by routine (its latest revision and the model's latest revision) or by routine revision
        and model revision; by default wait until the run has finished.

        Args:
            routine_external_id: The routine.
            routine_revision_external_id: The routine revision (with ``model_revision_external_id``).
            model_revision_external_id: The model revision (with ``routine_revision_external_id``).
            inputs: Input overrides.
            run_time: The reference time for data sampling (ms since epoch; default: now).
            queue: Queue the run when the connector is down.
            log_severity: The minimum severity logged.
            wait: Wait until the run has finished (success or failure).
            timeout: The most seconds to wait.

        Returns:
            The run (finished, when waited for and done within the timeout).

        Example:
            >>> from cognite.client.testing import CDFEmulator, emulated_client
            >>> from cognite.client.data_classes.simulators import (SimulationInputOverride, SimulatorModelRevisionWrite,
            ...     SimulatorModelWrite, SimulatorRoutineConfiguration, SimulatorRoutineInputConstant,
            ...     SimulatorRoutineOutput, SimulatorRoutineRevisionWrite, SimulatorRoutineWrite)
            >>> emulator = CDFEmulator()
            >>> _ = emulator.store("emulated", "simulators").seed_connector("DWSIM")
            >>> with emulated_client(emulator=emulator) as client:
            ...     sim = client.simulators
            ...     _ = sim.models.create(SimulatorModelWrite("pump", "DWSIM", 1, "Pump", "SteadyState"))
            ...     _ = sim.models.revisions.create(SimulatorModelRevisionWrite("pump-v1", "pump", 1))
            ...     _ = sim.routines.create(SimulatorRoutineWrite("r1", "pump", "Rate", "DWSIM-connector"))
            ...     config = SimulatorRoutineConfiguration(inputs=[SimulatorRoutineInputConstant("Rate", "rate", 2.0)],
            ...         outputs=[SimulatorRoutineOutput("Head", "head", "DOUBLE")])
            ...     _ = sim.routines.revisions.create(SimulatorRoutineRevisionWrite("r1-v1", "r1", config))
            ...     run = sim.routines.run("r1", inputs=[SimulationInputOverride("rate", 5.0)])
            ...     run.status, run.get_data().outputs[0].value
            ('success', 5.0)
        """
        check_type(wait, bool, "wait")
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout < 0:
            raise ValueError(f"timeout must be a non-negative number, got {timeout!r}")
        check_type(run_time, int, "run_time")
        check_type(queue, bool, "queue")
        _choice(log_severity, ("Debug", "Information", "Warning", "Error"), "log_severity")
        item = SimulationRunWrite(
            routine_external_id=routine_external_id,
            routine_revision_external_id=routine_revision_external_id,
            model_revision_external_id=model_revision_external_id,
            run_time=run_time,
            queue=queue,
            log_severity=log_severity,
            inputs=None if inputs is None else list(inputs),
        )
        run: SimulationRun = await self._cognite_client.simulators.runs.create(item)
        if wait:
            await run.wait_async(timeout=timeout)
        return run


# ---------------------------------------------------------------------------------------------- runs, logs


_STATUSES = ("ready", "running", "success", "failure")
_RUN_TYPES = ("external", "manual", "scheduled")


class SimulationRunsAPI(_SimulatorAPI):
    """Simulation runs: create (start) them, list and retrieve them, and read their data.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     len(client.simulators.runs.list())
        0
    """

    _RESOURCE_PATH = "/simulators/runs"
    _RESOURCE_CLS = SimulationRun
    _LIST_CLS = SimulationRunList
    _CREATE_LIMIT = 1
    _RETRIEVE_LIMIT = 1

    def _filter(
        self, status: Any, run_type: Any, model_external_ids: Any, simulator_integration_external_ids: Any,
        simulator_external_ids: Any, routine_external_ids: Any, routine_revision_external_ids: Any,
        model_revision_external_ids: Any, created_time: Any, simulation_time: Any,
    ) -> dict[str, Any]:  # fmt: skip
        return _filter(
            status=_choice(status, _STATUSES, "status"),
            runType=_choice(run_type, _RUN_TYPES, "run_type"),
            modelExternalIds=_xids(model_external_ids, "model_external_ids"),
            simulatorIntegrationExternalIds=_xids(
                simulator_integration_external_ids, "simulator_integration_external_ids"
            ),
            simulatorExternalIds=_xids(simulator_external_ids, "simulator_external_ids"),
            routineExternalIds=_xids(routine_external_ids, "routine_external_ids"),
            routineRevisionExternalIds=_xids(routine_revision_external_ids, "routine_revision_external_ids"),
            modelRevisionExternalIds=_xids(model_revision_external_ids, "model_revision_external_ids"),
            createdTime=_time_range(created_time, "created_time"),
            simulationTime=_time_range(simulation_time, "simulation_time"),
        )

    async def list(
        self,
        limit: int | None = 25,
        status: Literal["ready", "running", "success", "failure"] | None = None,
        run_type: Literal["external", "manual", "scheduled"] | None = None,
        model_external_ids: SequenceNotStr[str] | None = None,
        simulator_integration_external_ids: SequenceNotStr[str] | None = None,
        simulator_external_ids: SequenceNotStr[str] | None = None,
        routine_external_ids: SequenceNotStr[str] | None = None,
        routine_revision_external_ids: SequenceNotStr[str] | None = None,
        model_revision_external_ids: SequenceNotStr[str] | None = None,
        created_time: TimeRange | None = None,
        simulation_time: TimeRange | None = None,
        sort: SimulationRunsSort | None = None,
    ) -> SimulationRunList:
        """List simulation runs.

        Args:
            limit: Maximum number of runs (default 25; None, -1 or inf: all).
            status: Only runs with this status.
            run_type: Only runs of this type.
            model_external_ids: Only runs of these models.
            simulator_integration_external_ids: Only runs of these integrations.
            simulator_external_ids: Only runs of these simulators.
            routine_external_ids: Only runs of these routines.
            routine_revision_external_ids: Only runs of these routine revisions.
            model_revision_external_ids: Only runs of these model revisions.
            created_time: Only runs created in this range.
            simulation_time: Only runs simulated in this range.
            sort: Sort by ``created_time`` or ``simulation_time``.

        Returns:
            The runs.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.simulators import SimulationRunsSort
            >>> with emulated_client() as client:
            ...     len(client.simulators.runs.list(status="success", sort=SimulationRunsSort("created_time", "desc")))
            0
        """
        flt = self._filter(
            status, run_type, model_external_ids, simulator_integration_external_ids, simulator_external_ids,
            routine_external_ids, routine_revision_external_ids, model_revision_external_ids, created_time,
            simulation_time,
        )  # fmt: skip
        return await self._list(limit=limit, filter=flt, other_params=_sort(sort, SimulationRunsSort))  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        limit: int | None = None,
        status: Literal["ready", "running", "success", "failure"] | None = None,
        run_type: Literal["external", "manual", "scheduled"] | None = None,
        model_external_ids: SequenceNotStr[str] | None = None,
        simulator_integration_external_ids: SequenceNotStr[str] | None = None,
        simulator_external_ids: SequenceNotStr[str] | None = None,
        routine_external_ids: SequenceNotStr[str] | None = None,
        routine_revision_external_ids: SequenceNotStr[str] | None = None,
        model_revision_external_ids: SequenceNotStr[str] | None = None,
        created_time: TimeRange | None = None,
        simulation_time: TimeRange | None = None,
        sort: SimulationRunsSort | None = None,
    ) -> AsyncIterator[SimulationRun] | AsyncIterator[SimulationRunList]:
        """Iterate over simulation runs, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many runs (None: one at a time).
            limit: Maximum number of runs (None: all).
            status: Only runs with this status.
            run_type: Only runs of this type.
            model_external_ids: Only runs of these models.
            simulator_integration_external_ids: Only runs of these integrations.
            simulator_external_ids: Only runs of these simulators.
            routine_external_ids: Only runs of these routines.
            routine_revision_external_ids: Only runs of these routine revisions.
            model_revision_external_ids: Only runs of these model revisions.
            created_time: Only runs created in this range.
            simulation_time: Only runs simulated in this range.
            sort: Sort by ``created_time`` or ``simulation_time``.

        Returns:
            An async iterator of runs or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [r.id for r in client.simulators.runs(run_type="external")]
            []
        """
        flt = self._filter(
            status, run_type, model_external_ids, simulator_integration_external_ids, simulator_external_ids,
            routine_external_ids, routine_revision_external_ids, model_revision_external_ids, created_time,
            simulation_time,
        )  # fmt: skip
        other = _sort(sort, SimulationRunsSort)
        return self._list_generator(chunk_size=chunk_size, limit=limit, filter=flt, other_params=other)

    @overload
    async def retrieve(self, ids: int) -> SimulationRun | None: ...
    @overload
    async def retrieve(self, ids: Sequence[int]) -> SimulationRunList: ...
    async def retrieve(self, ids: int | Sequence[int]) -> SimulationRun | SimulationRunList | None:
        """Retrieve simulation runs by id (one request per run, sent concurrently; unknown ones are left out).

        Args:
            ids: One id (gives the run or None) or a list of them (gives a list).

        Returns:
            The run (None if it does not exist), or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.simulators.runs.retrieve(ids=123) is None
            True
        """
        return await self._by_identifiers(ids, None)  # type: ignore[no-any-return]

    @overload
    async def create(self, items: SimulationRunWrite) -> SimulationRun: ...
    @overload
    async def create(self, items: Sequence[SimulationRunWrite]) -> SimulationRunList: ...
    async def create(
        self, items: SimulationRunWrite | Sequence[SimulationRunWrite]
    ) -> SimulationRun | SimulationRunList:
        """Start simulation runs (one request per run, sent concurrently); they start as ``ready``.

        Args:
            items: A run or a list of them.

        Returns:
            The created run, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.simulators import SimulationRunWrite
            >>> from cognite.client.exceptions import CogniteAPIError
            >>> with emulated_client() as client:
            ...     try:
            ...         client.simulators.runs.create(SimulationRunWrite(routine_external_id="missing"))
            ...     except CogniteAPIError as err:
            ...         print(err.code)
            400
        """
        write = _write_items(items, (SimulationRunWrite,), "items")
        return await self._create_multiple(write, path="/simulators/run")  # type: ignore[no-any-return]

    async def list_run_data(self, run_id: int) -> SimulationRunDataList:
        """The inputs and outputs of a simulation run.

        Args:
            run_id: The id of the run.

        Returns:
            The run data (one item).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.exceptions import CogniteAPIError
            >>> with emulated_client() as client:
            ...     try:
            ...         client.simulators.runs.list_run_data(123)
            ...     except CogniteAPIError as err:
            ...         print(err.code)
            400
        """
        if isinstance(run_id, bool) or not isinstance(run_id, int):
            raise TypeError(f"run_id must be an int, not {type(run_id).__name__}")
        resp = await self._post(self._RESOURCE_PATH + "/data/list", json={"items": [{"runId": run_id}]})
        items = self._decode_items(resp.content, SimulationRunDataItem).items
        return self._make_list(items, SimulationRunDataList)  # type: ignore[no-any-return]


class SimulatorLogsAPI(_SimulatorAPI):
    """Simulator logs (of runs, model revisions and integrations), by id.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     client.simulators.logs.retrieve(ids=1) is None
        True
    """

    _RESOURCE_PATH = "/simulators/logs"
    _RESOURCE_CLS = SimulatorLog
    _LIST_CLS = SimulatorLogList
    _RETRIEVE_LIMIT = 100

    @overload
    async def retrieve(self, ids: int) -> SimulatorLog | None: ...
    @overload
    async def retrieve(self, ids: Sequence[int]) -> SimulatorLogList: ...
    async def retrieve(self, ids: int | Sequence[int]) -> SimulatorLog | SimulatorLogList | None:
        """Retrieve simulator logs by id (unknown ones are left out).

        Args:
            ids: One id (gives the log or None) or a list of them (gives a list).

        Returns:
            The log (None if it does not exist), or a list for a list.

        Example:
            >>> from cognite.client.testing import CDFEmulator, emulated_client
            >>> emulator = CDFEmulator()
            >>> _ = emulator.store("emulated", "simulators").seed_connector("DWSIM")
            >>> with emulated_client(emulator=emulator) as client:
            ...     integration = client.simulators.integrations.list()[0]
            ...     client.simulators.logs.retrieve(ids=integration.log_id).data[0].message
            'Connector DWSIM-connector started'
        """
        return await self._by_identifiers(ids, None)  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------------------------- simulators


class SimulatorsAPI(_SimulatorAPI):
    """Simulators (registered by their connectors), with ``integrations``, ``models``, ``routines``, ``runs`` and
    ``logs``.

    Example:
        >>> from cognite.client.testing import CDFEmulator, emulated_client
        >>> emulator = CDFEmulator()
        >>> _ = emulator.store("emulated", "simulators").seed_connector("DWSIM")
        >>> with emulated_client(emulator=emulator) as client:
        ...     [s.external_id for s in client.simulators.list()]
        ['DWSIM']
    """

    _RESOURCE_PATH = "/simulators"
    _RESOURCE_CLS = Simulator
    _LIST_CLS = SimulatorList

    integrations: LazyAPI[SimulatorIntegrationsAPI] = LazyAPI("cognite.client._api.simulators:SimulatorIntegrationsAPI")
    models: LazyAPI[SimulatorModelsAPI] = LazyAPI("cognite.client._api.simulators:SimulatorModelsAPI")
    routines: LazyAPI[SimulatorRoutinesAPI] = LazyAPI("cognite.client._api.simulators:SimulatorRoutinesAPI")
    runs: LazyAPI[SimulationRunsAPI] = LazyAPI("cognite.client._api.simulators:SimulationRunsAPI")
    logs: LazyAPI[SimulatorLogsAPI] = LazyAPI("cognite.client._api.simulators:SimulatorLogsAPI")

    async def list(self, limit: int | None = 25) -> SimulatorList:
        """List simulators.

        Args:
            limit: Maximum number of simulators (default 25; None, -1 or inf: all).

        Returns:
            The simulators.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.simulators.list(limit=None))
            0
        """
        return await self._list(limit=limit)  # type: ignore[no-any-return]

    def __call__(
        self, chunk_size: int | None = None, limit: int | None = None
    ) -> AsyncIterator[Simulator] | AsyncIterator[SimulatorList]:
        """Iterate over simulators, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many simulators (None: one at a time).
            limit: Maximum number of simulators (None: all).

        Returns:
            An async iterator of simulators or lists of them.

        Example:
            >>> from cognite.client.testing import CDFEmulator, emulated_client
            >>> emulator = CDFEmulator()
            >>> _ = emulator.store("emulated", "simulators").seed_connector("DWSIM")
            >>> with emulated_client(emulator=emulator) as client:
            ...     [s.name for s in client.simulators()]
            ['DWSIM']
        """
        return self._list_generator(chunk_size=chunk_size, limit=limit)
