"""Reprs that never show secrets (passwords, keys, client secrets, session nonces).

Data classes that carry a secret on the wire (write forms of credentials) keep it as a normal field, so that it is
sent and dumped, but their repr shows ``<hidden>`` in its place.

Example:
    >>> import msgspec
    >>> from cognite.client.data_classes._base import CogniteObject
    >>> from cognite.client.data_classes._secrets import masked_repr
    >>> class Login(CogniteObject):
    ...     user: str
    ...     password: str
    ...     _SECRETS = ("password",)
    ...     __repr__ = masked_repr
    >>> Login("ada", "pw")
    Login(user='ada', password=<hidden>)
"""

from __future__ import annotations

from typing import Any

import msgspec

__all__ = ["masked_repr", "masked_update_repr"]


def masked_repr(self: Any) -> str:
    """The repr of a struct with the fields named in its ``_SECRETS`` shown as ``<hidden>`` (unset ones left out)."""
    secrets = getattr(type(self), "_SECRETS", ())
    parts: list[str] = []
    for name in self.__struct_fields__:
        value = getattr(self, name)
        if value is None or value is msgspec.UNSET:
            continue
        parts.append(f"{name}=<hidden>" if name in secrets else f"{name}={value!r}")
    return f"{type(self).__name__}({', '.join(parts)})"


#: Keys whose values are secrets wherever they appear in a dumped update.
_SECRET_KEYS = frozenset({"password", "keyValue", "clientSecret", "keyPassword", "nonce"})


def _mask(value: Any) -> Any:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            secret = k in _SECRET_KEYS
            secret = secret or (k == "key" and "certificate" in value)  # the private key of a client certificate
            secret = secret or (k == "value" and value.get("type") in ("header", "query"))  # a token
            out[k] = "<hidden>" if secret else _mask(v)
        return out
    if isinstance(value, list):
        return [_mask(v) for v in value]
    return value


def masked_update_repr(self: Any) -> str:
    """The repr of an update object with the secrets it sets (passwords, keys, tokens, nonces) hidden.

    Example:
        >>> from cognite.client.data_classes.postgres_gateway import SessionCredentials, UserUpdate
        >>> UserUpdate("u1").credentials.set(SessionCredentials("n"))
        UserUpdate({"username": "u1", "update": {"credentials": {"set": {"nonce": "<hidden>"}}}})
    """
    import json

    return f"{type(self).__name__}({json.dumps(_mask(self.dump()), default=str)})"
