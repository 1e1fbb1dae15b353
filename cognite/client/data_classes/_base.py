"""The data-class foundation: one declarative mechanism for every resource.

Resources are :mod:`msgspec` structs. The field names are snake_case and the wire names camelCase
(``rename="camel"``), so one typed decoder turns a CDF response straight into objects, with no Python
loop per field (see ARCHITECTURE.md for the decode numbers that chose this). Unknown fields that CDF adds
later are ignored, never fatal.

- :class:`CogniteObject`: any (nested) object; ``dump``/``load``, equality, a readable repr.
- :class:`CogniteResource`: a read resource returned by CDF; knows the client that loaded it.
- :class:`WriteableCogniteResource`: a read resource with ``as_write()``.
- :class:`CogniteResourceList`: a list of resources with ``get``, ``dump``, ``to_pandas``.
- :class:`CogniteUpdate`: declarative update objects (``AssetUpdate(id=1).name.set("x")``).
- :class:`CogniteFilter`: filter objects, dumped to the wire.
- :class:`CogniteSort`: sort specifications.
"""

from __future__ import annotations

import json
import typing
from collections import UserList
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, Protocol, SupportsIndex, TypeVar, cast, overload

import msgspec
from typing_extensions import Self

from cognite.client.exceptions import CogniteMissingClientError

if TYPE_CHECKING:
    import pandas

    from cognite.client._cognite_client import AsyncCogniteClient

__all__ = [
    "CogniteFilter",
    "CogniteInstanceIdUpdate",
    "CogniteResourceWithClientRef",
    "InternalIdTransformerMixin",
    "ExternalIDTransformerMixin",
    "IdTransformerMixin",
    "WriteableCogniteResourceListWithClientRef",
    "WriteableCogniteResourceWithClientRef",
    "CogniteLabelUpdate",
    "CogniteListUpdate",
    "CogniteObject",
    "CogniteObjectUpdate",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteSort",
    "CogniteUpdate",
    "PropertySpec",
    "UnknownCogniteResource",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
    "set_client",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
T_Object = TypeVar("T_Object", bound="CogniteObject")
T_Resource = TypeVar("T_Resource", bound="CogniteObject")
T_WriteClass = TypeVar("T_WriteClass", bound="CogniteObject")
T_Update = TypeVar("T_Update", bound="CogniteUpdate")


def dec_hook(tp: Any, obj: Any) -> Any:
    """Decode a value of a field typed with a class that is not a struct, e.g. the base of polymorphic values.

    The class decodes itself: ``_load_wire(obj)`` (the bases of e.g. data-modeling property types pick the
    concrete class from the wire), else ``load(obj)`` (e.g. ``filters.Filter``).
    """
    load = getattr(tp, "_load_wire", None) or getattr(tp, "load", None)
    if load is None or (isinstance(tp, type) and issubclass(tp, msgspec.Struct) and not hasattr(tp, "_load_wire")):
        raise NotImplementedError(f"Cannot decode {tp!r}")
    return load(obj)


def _snake_dump(value: Any) -> Any:
    """Dump a value with snake_case keys for struct fields (dict keys given by users are kept as they are)."""
    if isinstance(value, msgspec.Struct):
        out: dict[str, Any] = {}
        config = value.__struct_config__
        if config.tag_field is not None:  # a tagged struct (e.g. a property type) names its kind
            out[config.tag_field] = config.tag
        for name in value.__struct_fields__:
            v = getattr(value, name)
            if v is None or v is msgspec.UNSET:
                continue
            out[name] = _snake_dump(v)
        return out
    if isinstance(value, list | tuple):
        return [_snake_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _snake_dump(v) for k, v in value.items()}
    if hasattr(value, "dump"):
        return value.dump(camel_case=False)
    return value


def _enc_hook(value: Any) -> Any:
    dump = getattr(value, "dump", None)
    if dump is not None:
        return dump(camel_case=True)
    raise NotImplementedError(f"Cannot serialize {type(value).__name__}")


def _to_builtins(value: Any) -> Any:
    return msgspec.to_builtins(value, enc_hook=_enc_hook)


def basic_obj_dump(obj: Any, camel_case: bool) -> dict[str, Any]:
    """Dump any data-class object to a dict, camelCase or snake_case."""
    return cast("dict[str, Any]", _to_builtins(obj) if camel_case else _snake_dump(obj))


class CogniteObject(msgspec.Struct, rename="camel", omit_defaults=True, repr_omit_defaults=True, dict=True):
    """Base of every data object: loads from and dumps to the CDF wire format."""

    #: The class has helper methods that call CDF, so objects loaded by a client keep a reference to it. Only such
    #: classes get one (it costs a per-object dict, and time, on every large list).
    _NEEDS_CLIENT: ClassVar[bool] = False

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the object to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format) when True, snake_case otherwise.

        Returns:
            The object as a dictionary, fields without a value left out.
        """
        return basic_obj_dump(self, camel_case)

    def dump_yaml(self) -> str:
        """Dump the object as YAML (a JSON document is valid YAML)."""
        return json.dumps(self.dump(camel_case=True), indent=2)

    @classmethod
    def load(cls: type[T_Object], resource: dict[str, Any] | str, cognite_client: Any = None) -> T_Object:
        """Load an object from a dictionary (camelCase or snake_case keys) or a JSON string.

        Args:
            resource: The dictionary or JSON string.
            cognite_client: The client to attach (optional).

        Returns:
            The loaded object.
        """
        if isinstance(resource, str | bytes):
            obj = msgspec.json.decode(resource, type=cls, strict=False, dec_hook=dec_hook)
        elif isinstance(resource, dict):
            obj = msgspec.convert(_camelize_keys(cls, resource), type=cls, strict=False, dec_hook=dec_hook)
        else:
            raise TypeError(f"resource must be a dict or a JSON string, not {type(resource).__name__}")
        if cognite_client is not None:
            set_client(obj, cognite_client)
        return obj

    @classmethod
    def _load(cls: type[T_Object], resource: dict[str, Any] | str, cognite_client: Any = None) -> T_Object:
        return cls.load(resource, cognite_client)

    @classmethod
    def load_if(cls: type[T_Object], resource: dict[str, Any] | str | None) -> T_Object | None:
        """Load the object, or return None for None."""
        return None if resource is None else cls.load(resource)

    def to_pandas(self, camel_case: bool = False, expand_metadata: bool = False) -> pandas.DataFrame:
        """Convert the object to a one-column pandas DataFrame, one row per field.

        Args:
            camel_case: Use camelCase row names.
            expand_metadata: Put each metadata key on its own row.

        Returns:
            The DataFrame.
        """
        pd = _import_pandas()
        dumped = self.dump(camel_case=camel_case)
        if expand_metadata and isinstance(dumped.get("metadata"), dict):
            for key, value in dumped.pop("metadata").items():
                dumped[f"metadata.{key}"] = value
        return pd.DataFrame.from_dict({k: [v] for k, v in dumped.items()}, orient="index", columns=["value"])

    def _repr_html_(self) -> str:
        return str(self.to_pandas()._repr_html_())


def set_client(obj: Any, cognite_client: Any) -> None:
    """Give a loaded object the client that loaded it, if its class has helper methods that call CDF."""
    if getattr(type(obj), "_NEEDS_CLIENT", False):
        obj.__dict__["_cognite_client"] = cognite_client


def _camelize_keys(cls: type[msgspec.Struct], data: dict[str, Any]) -> dict[str, Any]:
    """Accept snake_case keys for struct fields (nested structs included) when loading a user's dict.

    Keys of plain dict fields (such as metadata) are the user's own and are never renamed.
    """
    names, nested = _field_info(cls)
    out: dict[str, Any] = {}
    for key, value in data.items():
        wire = names.get(key, key)
        inner = nested.get(wire)
        if inner is not None:
            if isinstance(value, dict) and wire in _dict_fields(cls):  # dict[str, Struct]: the keys are the user's
                value = {k: _camelize_keys(inner, v) if isinstance(v, dict) else v for k, v in value.items()}
            elif isinstance(value, dict):
                value = _camelize_keys(inner, value)
            elif isinstance(value, list):
                value = [_camelize_keys(inner, v) if isinstance(v, dict) else v for v in value]
        out[wire] = value
    return out


_FIELD_INFO_CACHE: dict[type, tuple[dict[str, str], dict[str, type[msgspec.Struct]]]] = {}


def _struct_in(tp: Any) -> type[msgspec.Struct] | None:
    """The struct class inside a field type such as ``X``, ``X | None`` or ``list[X] | None``."""
    if isinstance(tp, type) and issubclass(tp, msgspec.Struct):
        return tp
    for arg in typing.get_args(tp):
        found = _struct_in(arg)
        if found is not None:
            return found
    return None


_DICT_FIELDS_CACHE: dict[type, frozenset[str]] = {}


def _dict_fields(cls: type[msgspec.Struct]) -> frozenset[str]:
    """Wire names of the fields typed as a dict (``dict[str, X]``, optionally ``| None``)."""
    found = _DICT_FIELDS_CACHE.get(cls)
    if found is None:
        found = _DICT_FIELDS_CACHE[cls] = frozenset(
            f.encode_name
            for f in msgspec.structs.fields(cls)
            if typing.get_origin(f.type) is dict
            or any(typing.get_origin(arg) is dict for arg in typing.get_args(f.type))
        )
    return found


def _field_info(cls: type[msgspec.Struct]) -> tuple[dict[str, str], dict[str, type[msgspec.Struct]]]:
    """snake_case -> wire names that differ, and wire name -> struct class of nested struct fields."""
    info = _FIELD_INFO_CACHE.get(cls)
    if info is None:
        fields = msgspec.structs.fields(cls)
        names = {f.name: f.encode_name for f in fields if f.name != f.encode_name}
        nested = {f.encode_name: st for f in fields if (st := _struct_in(f.type)) is not None}
        info = _FIELD_INFO_CACHE[cls] = (names, nested)
    return info


class CogniteResource(CogniteObject):
    """A resource read from CDF. It remembers the client that loaded it, for helper methods."""

    def _get_client(self) -> AsyncCogniteClient:
        client = self.__dict__.get("_cognite_client")
        if client is None:
            raise CogniteMissingClientError(self)
        return cast("AsyncCogniteClient", client)


class WriteableCogniteResource(CogniteResource, Generic[T_WriteClass]):
    """A read resource that has a write form."""

    def as_write(self) -> T_WriteClass:
        """Return the write form of this resource (what ``create`` accepts)."""
        raise NotImplementedError


class UnknownCogniteResource(CogniteResource):
    """A resource of a kind this SDK version does not know; keeps the raw data.

    Args:
        data: The raw dictionary.
    """

    data: dict[str, Any] = msgspec.field(default_factory=dict)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Return the raw data."""
        return dict(self.data)


class CogniteResourceList(UserList[T_Resource], Generic[T_Resource]):
    """A list of resources, with look-up by id and external id, dump and pandas conversion.

    Args:
        resources: The resources.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE: ClassVar[type[CogniteObject]]

    def __init__(self, resources: Iterable[Any] = (), cognite_client: Any = None) -> None:
        items = list(resources)
        for i, item in enumerate(items):
            if isinstance(item, dict):
                items[i] = self._RESOURCE.load(item)
            elif not isinstance(item, self._RESOURCE):
                raise TypeError(
                    f"All resources of {type(self).__name__} must be {self._RESOURCE.__name__}, not {type(item).__name__}"
                )
        super().__init__(items)
        self._attach(cognite_client)

    @classmethod
    def _from_items(cls, items: list[Any], cognite_client: Any = None) -> Self:
        """Build a list from already loaded items without re-checking them (the hot path)."""
        obj = cls.__new__(cls)
        obj.data = items
        obj._attach(cognite_client)
        return obj

    def _attach(self, cognite_client: Any) -> None:
        self._cognite_client = cognite_client
        self._id_index: dict[Any, T_Resource] | None = None
        self._xid_index: dict[Any, T_Resource] | None = None
        if cognite_client is not None and self._RESOURCE._NEEDS_CLIENT:
            for item in self.data:
                item.__dict__["_cognite_client"] = cognite_client

    def _get_client(self) -> AsyncCogniteClient:
        if self._cognite_client is None:
            raise CogniteMissingClientError(self)
        return cast("AsyncCogniteClient", self._cognite_client)

    @overload
    def __getitem__(self, i: SupportsIndex) -> T_Resource: ...
    @overload
    def __getitem__(self, i: slice) -> CogniteResourceList[T_Resource]: ...
    def __getitem__(self, i: SupportsIndex | slice) -> Any:
        if isinstance(i, slice):
            return type(self)._from_items(self.data[i], self._cognite_client)
        return self.data[i]

    def get(self, id: int | None = None, external_id: str | None = None, instance_id: Any = None) -> T_Resource | None:
        """Get an item of the list by id, external id or instance id; None if absent.

        Args:
            id: The id.
            external_id: The external id.
            instance_id: The instance id.

        Returns:
            The item, or None.
        """
        given = sum(x is not None for x in (id, external_id, instance_id))
        if given != 1:
            raise ValueError("Exactly one of id, external_id and instance_id must be given")
        if id is not None:
            if self._id_index is None:
                self._id_index = {getattr(r, "id", None): r for r in self.data}
            return self._id_index.get(id)
        if external_id is not None:
            if self._xid_index is None:
                self._xid_index = {getattr(r, "external_id", None): r for r in self.data}
            return self._xid_index.get(external_id)
        return next((r for r in self.data if getattr(r, "instance_id", None) == instance_id), None)

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every item to a dictionary.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            A list of dictionaries.
        """
        if camel_case:
            return cast("list[dict[str, Any]]", _to_builtins(self.data))
        return [r.dump(camel_case=False) for r in self.data]

    def dump_raw(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every item to a dictionary (same as ``dump``)."""
        return self.dump(camel_case)

    def dump_yaml(self) -> str:
        """Dump the list as YAML (a JSON document is valid YAML)."""
        return json.dumps(self.dump(camel_case=True), indent=2)

    @classmethod
    def load(cls, resource_list: Iterable[dict[str, Any]] | str, cognite_client: Any = None) -> Any:
        """Load a list from a list of dictionaries or a JSON string.

        Args:
            resource_list: The items.
            cognite_client: The client to attach (optional).

        Returns:
            The list.
        """
        if isinstance(resource_list, str | bytes):
            resource_list = json.loads(resource_list)
        items: list[Any] = [cls._RESOURCE.load(r) for r in resource_list]
        return cls._from_items(items, cognite_client)

    @classmethod
    def _load(cls, resource_list: Iterable[dict[str, Any]] | str, cognite_client: Any = None) -> Any:
        return cls.load(resource_list, cognite_client)

    @classmethod
    def load_if(cls, resource_list: Iterable[dict[str, Any]] | str | None) -> Any:
        """Load the list, or return None for None."""
        return None if resource_list is None else cls.load(resource_list)

    def extend(self, other: Iterable[T_Resource]) -> None:
        """Extend the list; ids must not collide with items already in it.

        Args:
            other: The items to add.
        """
        other = list(other)
        existing = {getattr(r, "id", None) for r in self.data} - {None}
        clash = [getattr(r, "id", None) for r in other if getattr(r, "id", None) in existing]
        if clash:
            raise ValueError(f"Unable to extend: the lists share ids {clash[:10]}")
        self.data.extend(other)
        self._id_index = self._xid_index = None

    def _invalidate(self) -> None:
        self._id_index = self._xid_index = None

    def append(self, item: T_Resource) -> None:
        """Append an item."""
        self._invalidate()
        self.data.append(item)

    def insert(self, i: int, item: T_Resource) -> None:
        """Insert an item at index i."""
        self._invalidate()
        self.data.insert(i, item)

    def remove(self, item: T_Resource) -> None:
        """Remove the first occurrence of an item."""
        self._invalidate()
        self.data.remove(item)

    def clear(self) -> None:
        """Remove every item."""
        self._invalidate()
        self.data.clear()

    def __setitem__(self, i: Any, item: Any) -> None:
        self._invalidate()
        self.data[i] = item

    def __delitem__(self, i: Any) -> None:
        self._invalidate()
        del self.data[i]

    def __iadd__(self, other: Iterable[T_Resource]) -> Self:
        self._invalidate()
        self.data.extend(other)
        return self

    def pop(self, i: int = -1) -> T_Resource:
        """Remove and return the item at index i."""
        self._id_index = self._xid_index = None
        return self.data.pop(i)

    def to_pandas(
        self, camel_case: bool = False, expand_metadata: bool = False, metadata_prefix: str = "metadata."
    ) -> pandas.DataFrame:
        """Convert the list to a pandas DataFrame, one row per item.

        Args:
            camel_case: Use camelCase column names.
            expand_metadata: Put each metadata key in its own column.
            metadata_prefix: Prefix of expanded metadata columns.

        Returns:
            The DataFrame.
        """
        pd = _import_pandas()
        rows = self.dump(camel_case=camel_case)
        df = pd.DataFrame(rows)
        if expand_metadata and "metadata" in df.columns:
            meta = pd.DataFrame([m if isinstance(m, dict) else {} for m in df.pop("metadata")]).add_prefix(
                metadata_prefix
            )
            df = pd.concat([df, meta], axis=1)
        return df

    def _repr_html_(self) -> str:
        return str(self.to_pandas()._repr_html_())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.data!r})"


class WriteableCogniteResourceList(CogniteResourceList[T_Resource], Generic[T_WriteClass, T_Resource]):
    """A list of read resources that have a write form."""

    _WRITE_LIST: ClassVar[type[CogniteResourceList[Any]]]

    def as_write(self) -> Any:
        """Return the write form of every item, as the write list class."""
        return self._WRITE_LIST._from_items([r.as_write() for r in self.data])  # type: ignore[attr-defined]


class IdTransformerMixin:
    """Adds ``as_ids()`` to lists of resources that have ids."""

    data: list[Any]

    def as_ids(self) -> list[int]:
        """Return the ids of the items, in order."""
        out = []
        for item in self.data:
            rid = getattr(item, "id", None)
            if rid is None:
                raise ValueError(f"{type(item).__name__} has no id: {item!r}")
            out.append(rid)
        return out


class ExternalIDTransformerMixin:
    """Adds ``as_external_ids()`` to lists of resources that have external ids."""

    data: list[Any]

    def as_external_ids(self) -> list[str]:
        """Return the external ids of the items, in order."""
        out = []
        for item in self.data:
            xid = getattr(item, "external_id", None)
            if xid is None:
                raise ValueError(f"{type(item).__name__} has no external_id: {item!r}")
            out.append(xid)
        return out


class WriteableCogniteResourceWithClientRef(WriteableCogniteResource[T_WriteClass]):
    """A writeable resource that keeps a reference to the client that loaded it."""


class CogniteResourceWithClientRef(CogniteResource):
    """A resource with helper methods that call CDF: it keeps a reference to the client that loaded it."""

    _NEEDS_CLIENT = True


class InternalIdTransformerMixin(IdTransformerMixin):
    """Adds ``as_ids()`` to lists of resources identified by internal ids only."""


class WriteableCogniteResourceListWithClientRef(WriteableCogniteResourceList[T_WriteClass, T_Resource]):
    """A writeable list that keeps a reference to the client that loaded it."""


# ---------------------------------------------------------------------------------------------- updates


class PropertySpec:
    """Declares one updatable property of a resource.

    Args:
        name: The snake_case name of the property.
        is_list: The property is a list (add/remove/set).
        is_object: The property is a dict (add/remove/set).
        is_nullable: The property can be set to null.
        is_beta: The property is in beta.
        is_explicit_nullable_object: Setting it to an empty object clears it.
    """

    def __init__(
        self,
        name: str,
        is_list: bool = False,
        is_object: bool = False,
        is_nullable: bool = True,
        is_beta: bool = False,
        is_explicit_nullable_object: bool = False,
    ) -> None:
        self.name = name
        self.is_list = is_list
        self.is_object = is_object
        self.is_nullable = is_nullable
        self.is_beta = is_beta
        self.is_explicit_nullable_object = is_explicit_nullable_object
        self.is_container = is_list or is_object

    def __repr__(self) -> str:
        return f"PropertySpec({self.name!r})"


def _to_camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.capitalize() for p in rest)


class _UpdateField(Generic[T_Update]):
    """Base of the objects returned by ``update.<property>``; each records one operation."""

    def __init__(self, update_object: T_Update, name: str) -> None:
        self._update_object = update_object
        self._name = name

    def _set(self, value: Any) -> T_Update:
        if value is None:
            self._update_object._update_object[self._name] = {"setNull": True}
        else:
            self._update_object._update_object[self._name] = {"set": _to_builtins(value)}
        return self._update_object

    def _add(self, value: Any) -> T_Update:
        self._update_object._update_object.setdefault(self._name, {})["add"] = _to_builtins(value)
        return self._update_object

    def _remove(self, value: Any) -> T_Update:
        self._update_object._update_object.setdefault(self._name, {})["remove"] = _to_builtins(value)
        return self._update_object


class CognitePrimitiveUpdate(_UpdateField[T_Update]):
    """Update of a single value: ``set`` (None clears it)."""

    def set(self, value: Any) -> T_Update:
        """Set the value; None sets it to null."""
        return self._set(value)


class CogniteObjectUpdate(_UpdateField[T_Update]):
    """Update of a dict property (such as metadata): ``set``, ``add`` keys, ``remove`` keys."""

    def set(self, value: dict[str, Any]) -> T_Update:
        """Replace the whole dict."""
        return self._set(value)

    def add(self, value: dict[str, Any]) -> T_Update:
        """Add or overwrite the given keys."""
        return self._add(value)

    def remove(self, value: list[str]) -> T_Update:
        """Remove the given keys."""
        return self._remove(value)


class CogniteListUpdate(_UpdateField[T_Update]):
    """Update of a list property: ``set``, ``add`` items, ``remove`` items."""

    def set(self, value: list[Any]) -> T_Update:
        """Replace the whole list."""
        return self._set(value)

    def add(self, value: list[Any]) -> T_Update:
        """Add the given items."""
        return self._add(value)

    def remove(self, value: list[Any]) -> T_Update:
        """Remove the given items."""
        return self._remove(value)


class CogniteLabelUpdate(_UpdateField[T_Update]):
    """Update of labels: ``add`` and ``remove`` by external id."""

    def add(self, external_id: str | list[str] | Any) -> T_Update:
        """Add labels (external ids or Label objects)."""
        return self._add(_label_refs(external_id))

    def remove(self, external_id: str | list[str] | Any) -> T_Update:
        """Remove labels (external ids or Label objects)."""
        return self._remove(_label_refs(external_id))


def _label_refs(value: Any) -> list[dict[str, Any]]:
    values = value if isinstance(value, list | tuple) else [value]
    out: list[dict[str, Any]] = []
    for v in values:
        if isinstance(v, str):
            out.append({"externalId": v})
        elif isinstance(v, dict):
            out.append({"externalId": v.get("externalId", v.get("external_id"))})
        else:
            out.append({"externalId": v.external_id})
    return out


class CogniteUpdate:
    """Base of update objects: an identifier and the operations recorded on its properties.

    Args:
        id: The id of the resource to update.
        external_id: The external id of the resource to update.
    """

    _PROPERTIES: ClassVar[tuple[PropertySpec, ...]] = ()

    def __init__(self, id: int | None = None, external_id: str | None = None) -> None:
        self._id = id
        self._external_id = external_id
        self._update_object: dict[str, Any] = {}

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({json.dumps(self.dump(), default=str)})"

    def _identifier(self) -> dict[str, Any]:
        if self._id is not None:
            return {"id": self._id}
        if self._external_id is not None:
            return {"externalId": self._external_id}
        identifier = getattr(self, "_instance_id", None)
        if identifier is not None:
            return {"instanceId": _to_builtins(identifier)}
        raise ValueError(f"{type(self).__name__} needs id or external_id")

    def dump(self, camel_case: Literal[True] = True) -> dict[str, Any]:
        """Dump the update to the wire format ``{"id": ..., "update": {...}}``."""
        return {**self._identifier(), "update": {_to_camel(k): v for k, v in self._update_object.items()}}

    @classmethod
    def _get_update_properties(cls, item: Any = None) -> list[PropertySpec]:
        return list(cls._PROPERTIES)

    @classmethod
    def _from_resource(
        cls, resource: CogniteObject, mode: Literal["replace_ignore_null", "patch", "replace"]
    ) -> dict[str, Any]:
        """Turn a (write or read) resource into the wire form of an update, following the update mode."""
        identifier = _resource_identifier(resource)
        update: dict[str, Any] = {}
        for spec in cls._get_update_properties(resource):
            value = getattr(resource, spec.name, None)
            key = _to_camel(spec.name)
            if value is None:
                if mode == "replace" and spec.is_container:
                    update[key] = {"set": [] if spec.is_list else {}}
                elif mode == "replace" and spec.is_nullable:
                    update[key] = {"setNull": True}
                continue
            dumped = _to_builtins(value)
            if spec.is_container and mode == "patch":
                update[key] = {"add": dumped}
            else:
                update[key] = {"set": dumped}
        return {**identifier, "update": update}


class CogniteExternalIdUpdate(CogniteUpdate):
    """An update of a resource identified by its external id only (it has no internal id).

    Args:
        external_id: The external id of the resource to update.
    """

    def __init__(self, external_id: str) -> None:
        if not isinstance(external_id, str) or not external_id:
            raise TypeError(f"external_id must be a non-empty str, got {external_id!r}")
        super().__init__(external_id=external_id)


class CogniteInstanceIdUpdate(CogniteUpdate):
    """Base of updates of resources that data modeling may own (those with an instance id, e.g. files): by id,
    external id or instance id.

    A resource with an instance id takes only the properties named in ``_INSTANCE_ID_UPDATABLE`` through its own
    API (the rest belong on its node): whole objects with an instance id are updated in those only, and an update
    by instance id of other properties warns (CDF refuses them).

    Args:
        id: The id of the resource to update.
        external_id: The external id of the resource to update.
        instance_id: The instance id (NodeId) of the resource to update.
    """

    _INSTANCE_ID_UPDATABLE: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, id: int | None = None, external_id: str | None = None, instance_id: Any = None) -> None:
        from cognite.client.data_classes.data_modeling.ids import NodeId

        super().__init__(id=id, external_id=external_id)
        if instance_id is not None and not isinstance(instance_id, NodeId):
            raise TypeError(f"instance_id must be a NodeId, not {type(instance_id).__name__}")
        self._instance_id = instance_id

    @classmethod
    def _get_update_properties(cls, item: Any = None) -> list[PropertySpec]:
        """The updatable properties; for a resource with an instance id, only those data modeling leaves to it."""
        if item is not None and getattr(item, "instance_id", None) is not None:
            return [p for p in cls._PROPERTIES if p.name in cls._INSTANCE_ID_UPDATABLE]
        return list(cls._PROPERTIES)

    def warn_on_instance_id_update(self) -> list[str]:
        """Warn when this update targets a resource by instance id and changes properties data modeling owns.

        Returns:
            The snake_case names of the properties CDF will refuse (empty when there is nothing to warn about).
        """
        if self._instance_id is None or self._id is not None or self._external_id is not None:
            return []
        refused = sorted(set(self._update_object) - self._INSTANCE_ID_UPDATABLE)
        if refused:
            import warnings

            allowed = sorted(self._INSTANCE_ID_UPDATABLE)
            message = f"{type(self).__name__} by instance_id can only update {allowed}; data modeling owns {refused}"
            warnings.warn(message, UserWarning, stacklevel=3)
        return refused

    def dump(self, camel_case: Any = True) -> dict[str, Any]:
        """Dump the update to the wire format (warns about properties that data modeling owns).

        Args:
            camel_case: Kept for compatibility (the wire format is always camelCase).

        Returns:
            ``{"id" | "externalId" | "instanceId": ..., "update": {...}}``.
        """
        self.warn_on_instance_id_update()
        return super().dump()


def _resource_identifier(resource: Any) -> dict[str, Any]:
    rid = getattr(resource, "id", None)
    if rid is not None:
        return {"id": rid}
    xid = getattr(resource, "external_id", None)
    if xid is not None:
        return {"externalId": xid}
    iid = getattr(resource, "instance_id", None)
    if iid is not None:
        return {"instanceId": _to_builtins(iid)}
    raise ValueError(f"{type(resource).__name__} must have id or external_id to be updated")


class _UpdateDescriptor(Generic[T]):
    """Class attribute that gives ``Update(...).<name>`` its operations object."""

    def __init__(self, kind: type[T]) -> None:
        self._kind = kind
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> _UpdateDescriptor[T]: ...
    @overload
    def __get__(self, obj: object, objtype: type | None = None) -> T: ...
    def __get__(self, obj: object | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        return self._kind(obj, self._name)  # type: ignore[call-arg]


def update_field(kind: type[Any]) -> Any:
    """Declare an updatable property on an update class (``name = update_field(CognitePrimitiveUpdate)``)."""
    return _UpdateDescriptor(kind)


# ---------------------------------------------------------------------------------------------- filters, sort


class CogniteFilter(msgspec.Struct, rename="camel", omit_defaults=True, repr_omit_defaults=True):
    """Base of filter objects: the fields given are dumped to the wire."""

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the filter to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The filter as a dictionary.
        """
        return basic_obj_dump(self, camel_case)

    @classmethod
    def load(cls, resource: dict[str, Any]) -> Any:
        """Load a filter from a dictionary."""
        data = _camelize_keys(cls, resource)
        try:
            return msgspec.convert(data, type=cls, strict=False)
        except TypeError:  # field types msgspec cannot convert into (``dict | Struct`` unions): use the constructor
            names = {f.encode_name: f.name for f in msgspec.structs.fields(cls)}
            return cls(**{names.get(k, k): v for k, v in data.items()})


class CogniteSort:
    """A sort specification: a property, an order and where nulls go.

    Args:
        property: The property to sort by.
        order: "asc" or "desc".
        nulls: "first", "last" or "auto".
    """

    def __init__(
        self,
        property: Any,
        order: Literal["asc", "desc"] = "asc",
        nulls: Literal["auto", "first", "last"] | None = None,
    ) -> None:
        if order not in ("asc", "desc"):
            raise ValueError(f"order must be 'asc' or 'desc', not {order!r}")
        if nulls not in (None, "auto", "first", "last"):
            raise ValueError(f"nulls must be 'auto', 'first' or 'last', not {nulls!r}")
        self.property = property
        self.order = order
        self.nulls = nulls

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and vars(self) == vars(other)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(property={self.property!r}, order={self.order!r}, nulls={self.nulls!r})"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the sort to the wire format."""
        prop = self.property
        if isinstance(prop, str):
            prop = [_to_camel(prop) if camel_case else prop]
        elif hasattr(prop, "as_reference"):
            prop = prop.as_reference()
        else:
            prop = list(prop)
        out: dict[str, Any] = {"property": prop, "order": self.order}
        if self.nulls is not None:
            out["nulls"] = self.nulls
        return out

    @classmethod
    def load(cls, data: dict[str, Any] | str | tuple[Any, ...] | list[Any]) -> Any:
        """Load a sort from a dict, a property name, or a (property, order[, nulls]) tuple."""
        if isinstance(data, str):
            return cls(data)
        if isinstance(data, tuple) and 1 <= len(data) <= 3:
            return cls(*data)  # (property, order[, nulls]); the property may be a name, an enum member or a path
        if isinstance(data, list) and data and isinstance(data[0], str) and len(data) <= 3:
            return cls(*data)
        if isinstance(data, dict):
            return cls(data["property"], data.get("order", "asc"), data.get("nulls"))
        raise TypeError(f"Cannot load a sort from {type(data).__name__}")


# ---------------------------------------------------------------------------------------------- helpers


def lazy_names(module: str, names: typing.Mapping[str, str]) -> typing.Callable[[str], Any]:
    """A module ``__getattr__`` that gives names re-exported from other data-class modules on first use (so that
    importing one module does not import the others, and a module that does not exist yet is no error).

    Args:
        module: The name of the module that re-exports (for error messages).
        names: Name -> the module defining it.

    Returns:
        The ``__getattr__`` function (``__getattr__ = lazy_names(__name__, {...})``).
    """
    import importlib

    def __getattr__(name: str) -> Any:
        home = names.get(name)
        if home is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        try:
            return getattr(importlib.import_module(home), name)
        except (ImportError, AttributeError):
            raise AttributeError(f"module {module!r} has no attribute {name!r} ({home} is not available)") from None

    return __getattr__


def _import_pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:
        from cognite.client.exceptions import CogniteImportError

        raise CogniteImportError("pandas") from None
    return pd


class SequenceNotStr(Protocol[T_co]):
    """A sequence of items that is not a ``str`` (a ``str`` is a sequence of str, which identifier lists are not).

    A structural type: lists and tuples match it, ``str`` does not (its ``__contains__`` only takes ``str``).
    """

    @overload
    def __getitem__(self, index: int, /) -> T_co: ...
    @overload
    def __getitem__(self, index: slice, /) -> Sequence[T_co]: ...
    def __contains__(self, value: object, /) -> bool: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[T_co]: ...
    def __reversed__(self) -> Iterator[T_co]: ...
    def index(self, value: Any, start: int = 0, stop: int = ..., /) -> int: ...
    def count(self, value: Any, /) -> int: ...
