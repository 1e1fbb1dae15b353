"""The error hierarchy of the SDK.

Every error raised by the SDK derives from :class:`CogniteException`. Errors from multi-request operations
carry ``successful``, ``failed``, ``unknown`` and ``skipped`` so that callers know what happened to each item.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "CogniteAPIError",
    "CogniteAssetHierarchyError",
    "CogniteAuthError",
    "CogniteAuthorizationError",
    "CogniteConnectionError",
    "CogniteConnectionRefused",
    "CogniteDuplicatedError",
    "CogniteException",
    "CogniteFileUploadError",
    "CogniteGraphQLError",
    "CogniteHTTPStatusError",
    "CogniteImportError",
    "CogniteMissingClientError",
    "CogniteModelFailedError",
    "CogniteMultiException",
    "CogniteNotFoundError",
    "CogniteOAuthError",
    "CogniteOrganizationError",
    "CogniteProjectAccessError",
    "CogniteReadTimeout",
    "CogniteRequestError",
    "GraphQLErrorSpec",
    "JsException",
    "PyodideJsException",
]


class CogniteException(Exception):
    """Base class of every error raised by the SDK."""


class CogniteMultiException(CogniteException):
    """Base for errors of operations made of many requests; says what happened to each item.

    Args:
        successful: Items known to be processed by CDF.
        failed: Items known not to be processed.
        unknown: Items whose outcome is unknown (the request may or may not have reached CDF).
        skipped: Items that were never sent because an earlier request failed.
    """

    def __init__(
        self,
        successful: Sequence[Any] | None = None,
        failed: Sequence[Any] | None = None,
        unknown: Sequence[Any] | None = None,
        skipped: Sequence[Any] | None = None,
    ) -> None:
        self.successful: list[Any] = list(successful or [])
        self.failed: list[Any] = list(failed or [])
        self.unknown: list[Any] = list(unknown or [])
        self.skipped: list[Any] = list(skipped or [])

    def _outcome_text(self) -> str:
        parts = [
            f"{name}: {len(items)}"
            for name, items in (
                ("successful", self.successful),
                ("failed", self.failed),
                ("unknown", self.unknown),
                ("skipped", self.skipped),
            )
            if items
        ]
        return f" ({', '.join(parts)})" if parts else ""


class CogniteAPIError(CogniteMultiException):
    """CDF answered with an error status.

    Args:
        message: The error message from CDF.
        code: The HTTP status code.
        x_request_id: The request id CDF gave the request (quote it to support).
        missing: Identifiers CDF reported as missing.
        duplicated: Identifiers CDF reported as duplicated.
        successful: Items processed before the error.
        failed: Items that failed.
        unknown: Items whose outcome is unknown.
        skipped: Items never sent.
        cluster: The CDF cluster.
        project: The CDF project.
        extra: Any other fields of the error body.
    """

    def __init__(
        self,
        message: str,
        code: int,
        x_request_id: str | None = None,
        missing: Sequence[Any] | None = None,
        duplicated: Sequence[Any] | None = None,
        successful: Sequence[Any] | None = None,
        failed: Sequence[Any] | None = None,
        unknown: Sequence[Any] | None = None,
        skipped: Sequence[Any] | None = None,
        cluster: str | None = None,
        project: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(successful, failed, unknown, skipped)
        self.message = message
        self.code = code
        self.x_request_id = x_request_id
        self.missing = list(missing) if missing is not None else None
        self.duplicated = list(duplicated) if duplicated is not None else None
        self.cluster = cluster
        self.project = project
        self.extra = extra
        Exception.__init__(self, str(self))

    def __str__(self) -> str:
        text = f"{self.message} | code: {self.code} | X-Request-ID: {self.x_request_id}"
        if self.project:
            text += f" | project: {self.project}"
        if self.missing:
            text += f"\nMissing: {self.missing}"
        if self.duplicated:
            text += f"\nDuplicated: {self.duplicated}"
        if self.extra:
            text += f"\nExtra: {self.extra}"
        return text + self._outcome_text()


class CogniteAuthorizationError(CogniteAPIError):
    """CDF refused the request (401/403): the credentials lack access."""


class CogniteNotFoundError(CogniteAPIError):
    """Some of the requested identifiers do not exist in CDF.

    Args:
        message: The error message.
        code: The HTTP status code.
        missing: The identifiers that were not found.
        **kwargs: Any other :class:`CogniteAPIError` argument.
    """

    def __init__(
        self, message: str = "Not found", code: int = 400, missing: Sequence[Any] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(message, code, missing=missing, **kwargs)

    @property
    def not_found(self) -> list[Any]:
        """The identifiers that were not found."""
        return list(self.missing or [])


class CogniteDuplicatedError(CogniteAPIError):
    """Some of the given identifiers already exist in CDF.

    Args:
        message: The error message.
        code: The HTTP status code.
        duplicated: The identifiers that are duplicated.
        **kwargs: Any other :class:`CogniteAPIError` argument.
    """

    def __init__(
        self, message: str = "Duplicated", code: int = 409, duplicated: Sequence[Any] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(message, code, duplicated=duplicated, **kwargs)


class CogniteProjectAccessError(CogniteAPIError):
    """The credentials have no access to the project.

    Args:
        project: The project asked for.
        x_request_id: The request id.
        maybe_projects: Projects the credentials may access.
        cluster: The cluster.
    """

    def __init__(
        self,
        project: str,
        x_request_id: str | None = None,
        maybe_projects: Sequence[str] | None = None,
        cluster: str | None = None,
    ) -> None:
        self.maybe_projects = list(maybe_projects or [])
        msg = f"You do not have access to project {project!r}"
        if self.maybe_projects:
            msg += f"; you may have access to: {self.maybe_projects}"
        super().__init__(msg, 401, x_request_id=x_request_id, cluster=cluster, project=project)


class CogniteConnectionError(CogniteException):
    """The connection to CDF failed."""


class CogniteConnectionRefused(CogniteConnectionError):
    """CDF refused the connection."""


class CogniteReadTimeout(CogniteException):
    """CDF did not answer in time."""


class CogniteRequestError(CogniteException):
    """The request could not be sent."""


class CogniteAuthError(CogniteException):
    """Authentication failed (token could not be obtained)."""


class CogniteOAuthError(CogniteAuthError):
    """The OAuth token endpoint answered with an error.

    Args:
        error: The OAuth error code.
        description: The error description from the identity provider.
    """

    def __init__(self, error: str, description: str | None = None) -> None:
        self.error = error
        self.description = description
        super().__init__(f"{error}: {description}" if description else error)


class CogniteOrganizationError(CogniteException):
    """An organization-level request failed."""


class CogniteHTTPStatusError(CogniteException):
    """A non-CDF HTTP endpoint (such as a file upload URL) answered with an error status.

    Args:
        status_code: The HTTP status code.
        request: The request that failed.
        response: The response received.
    """

    def __init__(self, status_code: int, request: Any = None, response: Any = None) -> None:
        self.status_code = status_code
        self.request = request
        self.response = response
        super().__init__(f"HTTP status {status_code}")


class CogniteImportError(CogniteException):
    """An optional dependency is missing.

    Args:
        module: The module that could not be imported.
        message: Extra text.
    """

    def __init__(self, module: str, message: str | None = None) -> None:
        self.module = module
        self.message = message or (
            f"The functionality you are trying to use requires {module!r} to be installed (pip install {module})."
        )
        super().__init__(self.message)


class CogniteMissingClientError(CogniteException):
    """A data class method that calls CDF was used on an object that has no client.

    Args:
        obj: The object without a client.
    """

    def __init__(self, obj: Any) -> None:
        self.type = type(obj).__name__
        super().__init__(
            f"A CogniteClient has not been set on this {self.type} object. Objects returned by the client have one; "
            "objects built by hand do not, so methods that call CDF cannot be used on them."
        )


class CogniteFileUploadError(CogniteException):
    """A file upload failed.

    Args:
        message: What went wrong.
        code: The HTTP status code.
    """

    def __init__(self, message: str, code: int | None = None) -> None:
        self.message = message
        self.code = code
        super().__init__(f"{message} | code: {code}")


class CogniteAssetHierarchyError(CogniteException):
    """The asset hierarchy is invalid (orphans, duplicates, cycles or invalid assets).

    Args:
        message: What is wrong.
        hierarchy: The :class:`AssetHierarchy` that was validated.
    """

    def __init__(self, message: str, hierarchy: Any = None) -> None:
        self.message = message
        self.hierarchy = hierarchy
        super().__init__(message)


class GraphQLErrorSpec:
    """One error of a GraphQL response.

    Args:
        message: The error message.
        hint: A hint.
        kind: The kind of error.
        location: Where in the query.
        locations: All locations.
        path: The result path.
        extensions: Extra data.
    """

    def __init__(
        self,
        message: str,
        hint: str | None = None,
        kind: str | None = None,
        location: Any = None,
        locations: Any = None,
        path: Any = None,
        extensions: Any = None,
    ) -> None:
        self.message = message
        self.hint = hint
        self.kind = kind
        self.location = location
        self.locations = locations
        self.path = path
        self.extensions = extensions

    def __repr__(self) -> str:
        return f"GraphQLErrorSpec(message={self.message!r}, kind={self.kind!r})"


class CogniteGraphQLError(CogniteException):
    """A GraphQL query returned errors.

    Args:
        errors: The errors.
    """

    def __init__(self, errors: list[GraphQLErrorSpec]) -> None:
        self.errors = errors
        super().__init__(f"GraphQL errors: {errors}")


class CogniteModelFailedError(CogniteException):
    """A model (e.g. entity matching) failed.

    Args:
        typename: The type of model.
        id: The model id.
        error_message: The error from CDF.
    """

    def __init__(self, typename: str, id: int, error_message: str) -> None:
        self.typename = typename
        self.id = id
        self.error_message = error_message
        super().__init__(f"{typename} {id} failed with error {error_message!r}")


class JsException(Exception):
    """Placeholder for the JavaScript error type under Pyodide (never raised outside a browser)."""


PyodideJsException = JsException
