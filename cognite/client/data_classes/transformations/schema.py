"""The schema of a transformation destination: the columns a query must produce, with their Spark SQL types.

A column type is a plain type (:class:`TransformationSchemaType`, e.g. ``long``), an array, a map or a struct; a kind
this SDK version does not know is kept as :class:`TransformationSchemaUnknownType`.

Example:
    >>> from cognite.client.data_classes.transformations.schema import TransformationSchemaColumn
    >>> col = TransformationSchemaColumn.load({"name": "labels", "sqlType": "array<string>", "nullable": True,
    ...     "type": {"type": "array", "elementType": "string", "containsNull": False}})
    >>> type(col.type).__name__, col.type.element_type
    ('TransformationSchemaArrayType', 'string')
    >>> col.dump()["type"]
    {'type': 'array', 'elementType': 'string', 'containsNull': False}
"""

from __future__ import annotations

from typing import Any

from cognite.client.data_classes._base import CogniteResource, CogniteResourceList

__all__ = [
    "CogniteResource",
    "CogniteResourceList",
    "TransformationSchemaArrayType",
    "TransformationSchemaColumn",
    "TransformationSchemaColumnList",
    "TransformationSchemaMapType",
    "TransformationSchemaStructType",
    "TransformationSchemaType",
    "TransformationSchemaUnknownType",
]


class TransformationSchemaType:
    """A column type; a plain one (``string``, ``long``, ``double``, ``boolean``, ...) is just its name.

    Args:
        type: The type name.
    """

    def __init__(self, type: str | None = None) -> None:
        self.type = type

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and vars(self) == vars(other)

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({shown})"

    def dump(self, camel_case: bool = True) -> Any:
        """The type in wire form (a plain type is its name).

        Args:
            camel_case: Use camelCase keys (for complex types).

        Returns:
            The name, or a dictionary for complex types.
        """
        return self.type

    @staticmethod
    def load(data: Any) -> TransformationSchemaType:
        """Load a column type from its wire form (a name, or an object with ``type``).

        Args:
            data: The wire form.

        Returns:
            The type object.
        """
        if isinstance(data, TransformationSchemaType):
            return data
        if isinstance(data, str):
            return TransformationSchemaType(data)
        if isinstance(data, dict):
            kind = data.get("type")
            if kind == "array":
                return TransformationSchemaArrayType(kind, data.get("containsNull"), data.get("elementType"))
            if kind == "map":
                return TransformationSchemaMapType(
                    kind, data.get("keyType"), data.get("valueType"), data.get("valueContainsNull")
                )
            if kind == "struct":
                return TransformationSchemaStructType(kind, data.get("fields"))
        return TransformationSchemaUnknownType(data)


class TransformationSchemaArrayType(TransformationSchemaType):
    """An array type.

    Args:
        type: ``"array"``.
        contains_null: Whether elements may be null.
        element_type: The type of the elements (a name or a nested type in wire form).
    """

    def __init__(self, type: str | None = "array", contains_null: bool | None = None, element_type: Any = None) -> None:
        super().__init__(type)
        self.contains_null = contains_null
        self.element_type = element_type

    def dump(self, camel_case: bool = True) -> Any:
        """The type in wire form.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        keys = ("elementType", "containsNull") if camel_case else ("element_type", "contains_null")
        return {"type": self.type, keys[0]: self.element_type, keys[1]: self.contains_null}


class TransformationSchemaMapType(TransformationSchemaType):
    """A map type.

    Args:
        type: ``"map"``.
        key_type: The type of the keys.
        value_type: The type of the values.
        value_contains_null: Whether values may be null.
    """

    def __init__(
        self,
        type: str | None = "map",
        key_type: Any = None,
        value_type: Any = None,
        value_contains_null: bool | None = None,
    ) -> None:
        super().__init__(type)
        self.key_type = key_type
        self.value_type = value_type
        self.value_contains_null = value_contains_null

    def dump(self, camel_case: bool = True) -> Any:
        """The type in wire form.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        names = ("keyType", "valueType", "valueContainsNull") if camel_case else (
            "key_type", "value_type", "value_contains_null")  # fmt: skip
        return {
            "type": self.type,
            names[0]: self.key_type,
            names[1]: self.value_type,
            names[2]: self.value_contains_null,
        }


class TransformationSchemaStructType(TransformationSchemaType):
    """A struct type.

    Args:
        type: ``"struct"``.
        fields: The fields, in wire form (``name``, ``type``, ``nullable``, ...).
    """

    def __init__(self, type: str | None = "struct", fields: list[dict[str, Any]] | None = None) -> None:
        super().__init__(type)
        self.fields = fields

    def dump(self, camel_case: bool = True) -> Any:
        """The type in wire form.

        Args:
            camel_case: Unused (the fields are kept as given).

        Returns:
            The dictionary.
        """
        return {"type": self.type, "fields": self.fields}


class TransformationSchemaUnknownType(TransformationSchemaType):
    """A type this SDK version does not know; keeps the wire form.

    Args:
        raw_schema: The wire form.
    """

    def __init__(self, raw_schema: Any) -> None:
        super().__init__(raw_schema.get("type") if isinstance(raw_schema, dict) else None)
        self.raw_schema = raw_schema

    def dump(self, camel_case: bool = True) -> Any:
        """Return the wire form as it came.

        Args:
            camel_case: Unused.

        Returns:
            The wire form.
        """
        return self.raw_schema


class TransformationSchemaColumn(CogniteResource):
    """A column of a destination schema.

    Args:
        name: The column name.
        sql_type: The Spark SQL type, e.g. ``"bigint"`` or ``"map<string,string>"``.
        type: The type as an object.
        nullable: Whether the column may be null.
    """

    name: str | None = None
    sql_type: str | None = None
    type: Any = None
    nullable: bool = False

    def __post_init__(self) -> None:
        if self.type is not None:
            self.type = TransformationSchemaType.load(self.type)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the column, its type in wire form.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        out = super().dump(camel_case)
        if self.type is not None:
            out["type"] = self.type.dump(camel_case)
        out["nullable"] = self.nullable
        return out


class TransformationSchemaColumnList(CogniteResourceList[TransformationSchemaColumn]):
    """The columns of a destination schema."""

    _RESOURCE = TransformationSchemaColumn
