"""Small string helpers: camelCase <-> snake_case (the wire uses camelCase, Python uses snake_case)."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["to_camel_case", "to_snake_case"]

_UPPER_AFTER_LOWER = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_UPPER_RUN_END = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z])")


@lru_cache(maxsize=4096)
def to_camel_case(snake_case: str) -> str:
    """Convert a snake_case string to camelCase; a camelCase string is returned unchanged.

    Args:
        snake_case: The string to convert.

    Returns:
        The camelCase string. Leading underscores are kept.

    Example:
        >>> to_camel_case("external_id")
        'externalId'
    """
    stripped = snake_case.lstrip("_")
    prefix = snake_case[: len(snake_case) - len(stripped)]
    head, *rest = stripped.split("_")
    return prefix + head + "".join(part[:1].upper() + part[1:] for part in rest)


@lru_cache(maxsize=4096)
def to_snake_case(camel_case: str) -> str:
    """Convert a camelCase (or PascalCase) string to snake_case; a snake_case string is returned unchanged.

    Args:
        camel_case: The string to convert.

    Returns:
        The snake_case string.

    Example:
        >>> to_snake_case("externalId")
        'external_id'
        >>> to_snake_case("HTTPResponse")
        'http_response'
    """
    s = _UPPER_RUN_END.sub("_", camel_case)
    return _UPPER_AFTER_LOWER.sub("_", s).lower()
