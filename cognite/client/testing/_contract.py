"""A fake CDF for contract tests: it checks every request (and its own answers) against the CDF OpenAPI spec.

Example::

    from cognite.client.testing import SpecCheckedCDF


    class AssetsCDF(SpecCheckedCDF):
        def answer(self, method, path, template, body, query):
            return 200, {"items": []}


    async def test_my_code_sends_valid_requests() -> None:
        cdf = AssetsCDF()
        await my_code(cdf.client())
        assert cdf.errors == []
"""

from __future__ import annotations

import gzip
import json
from typing import TYPE_CHECKING, Any, NamedTuple

import httpx

if TYPE_CHECKING:
    from cognite.client._cognite_client import AsyncCogniteClient
    from cognite.client.testing._openapi import OpenAPISpec

__all__ = ["ContractRequest", "SpecCheckedCDF"]


class ContractRequest(NamedTuple):
    """One request seen by a :class:`SpecCheckedCDF`.

    Args:
        method: The HTTP method.
        path: The path below the project, percent-encoded as sent (``/raw/dbs/a%2Fb/tables``).
        template: The path of the matched spec operation (``/raw/dbs/{dbName}/tables``), None for an unknown route.
        body: The decoded JSON body; None for no body; the raw bytes when it is not JSON.
        query: The query parameters (last value wins for repeated names).
    """

    method: str
    path: str
    template: str | None
    body: Any
    query: dict[str, str]


class SpecCheckedCDF:
    """An ``httpx.MockTransport`` handler that validates requests and answers against the CDF OpenAPI spec.

    Each request to the project is decoded (gzip, JSON), validated (body and query), recorded in
    :attr:`requests` and answered by :meth:`answer`; JSON answers are validated too. Every problem goes to
    :attr:`errors` (prefixed with method and path) rather than raising, so one test sees them all. Requests
    to other URLs (e.g. the storage URLs of file uploads) go to :meth:`answer_external`.

    Args:
        spec: The spec to check against (default: :meth:`OpenAPISpec.load`).
        project: The CDF project; request paths start with ``/api/v1/projects/{project}``.

    Example:
        >>> from cognite.client.testing import SpecCheckedCDF
        >>> class ListsNothing(SpecCheckedCDF):
        ...     def answer(self, method, path, template, body, query):
        ...         return 200, {"items": []}
        >>> cdf = ListsNothing()
        >>> client = cdf.client()  # then: await client.assets.list(); assert cdf.errors == []
    """

    #: The base URL of the clients made by :meth:`client`.
    base_url = "https://contract.cognitedata.com"

    def __init__(self, spec: OpenAPISpec | None = None, project: str = "contract") -> None:
        if spec is None:
            from cognite.client.testing._openapi import OpenAPISpec

            spec = OpenAPISpec.load()
        self.spec = spec
        self.project = project
        self.prefix = f"/api/v1/projects/{project}"
        self.requests: list[ContractRequest] = []
        self.errors: list[str] = []

    @property
    def seen(self) -> set[tuple[str, str]]:
        """The ``(method, template)`` of every request to a route the spec knows."""
        return {(r.method, r.template) for r in self.requests if r.template is not None}

    def client(self) -> AsyncCogniteClient:
        """Build an async client whose every request is answered by this fake.

        Returns:
            A client of project :attr:`project` at :attr:`base_url`, with a token credential.
        """
        from cognite.client import AsyncCogniteClient, ClientConfig
        from cognite.client.credentials import Token

        config = ClientConfig("contract", self.project, Token("t"), base_url=self.base_url)
        return AsyncCogniteClient(config, transport=httpx.MockTransport(self))

    def __call__(self, request: httpx.Request) -> httpx.Response:
        """Check, record and answer one request.

        Args:
            request: The request the client sends.

        Returns:
            The answer.
        """
        path = request.url.raw_path.split(b"?", 1)[0].decode("ascii")
        if not (path == self.prefix or path.startswith(self.prefix + "/")):
            return self.answer_external(request)
        path = path.removeprefix(self.prefix) or "/"
        method = request.method
        body = _decode(request)
        query = dict(request.url.params)
        op = self.spec.find_operation(method, path)
        template = op.path if op is not None else None
        self.requests.append(ContractRequest(method, path, template, body, query))
        if op is None:
            self.errors.append(f"{method} {path}: no such operation in the CDF API spec")
            return _error(404, f"{method} {path} is not in the CDF API spec")
        binary_types = {t for t in (op.raw.get("requestBody") or {}).get("content", {}) if "json" not in t}
        if isinstance(body, bytes) and request.headers.get("content-type", "").split(";")[0] in binary_types:
            body_problems = []  # a body the operation takes as bytes (e.g. a raster): its query is still checked
            body_problems += self.spec._query_errors(op, query) if query else []
        elif isinstance(body, bytes):
            self.errors.append(f"{method} {path}: the request body is not JSON")
            body_problems = self.spec.request_errors(method, path, None, query or None)
        else:
            body_problems = self.spec.request_errors(method, path, body, query or None)
        self.errors += [f"{method} {path}: {e}" for e in body_problems]
        status, answer = self.answer(method, path, op.path, body, query)
        if isinstance(answer, httpx.Response):
            return answer
        if isinstance(answer, bytes):
            return httpx.Response(status, content=answer)
        self.errors += [
            f"{method} {path} -> {status}: {e}" for e in self.spec.response_errors(method, path, status, answer)
        ]
        return httpx.Response(status) if answer is None else httpx.Response(status, json=answer)

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        """Answer a request to a known route; override it. The default records an error and answers 501.

        Args:
            method: The HTTP method.
            path: The path below the project, percent-encoded.
            template: The path of the matched spec operation, e.g. ``/assets/{id}``.
            body: The decoded JSON body (None for none, bytes when not JSON).
            query: The query parameters.

        Returns:
            The status and the body: JSON-able (validated against the spec), bytes, or an ``httpx.Response``
            (returned as is; its status wins).
        """
        self.errors.append(f"{method} {path}: no canned answer ({type(self).__name__}.answer is not overridden)")
        return 501, _error(501, f"no canned answer for {method} {template}")

    def answer_external(self, request: httpx.Request) -> httpx.Response:
        """Answer a request outside the project (e.g. a file's upload URL); override it. The default records an error.

        Args:
            request: The request.

        Returns:
            The response (default: 404).
        """
        self.errors.append(f"{request.method} {request.url}: a request outside project {self.project!r}")
        return _error(404, f"{request.url} is not served here")


def _decode(request: httpx.Request) -> Any:
    """The JSON body of a request (gunzipped), None for none, the bytes when it is not JSON."""
    raw = request.content
    if request.headers.get("content-encoding") == "gzip":
        raw = gzip.decompress(raw)
    if not raw:
        return None
    if "json" not in request.headers.get("content-type", "json"):
        return raw
    try:
        return json.loads(raw)
    except ValueError:  # also UnicodeDecodeError
        return raw


def _error(status: int, message: str) -> httpx.Response:
    return httpx.Response(status, json={"error": {"code": status, "message": message}})
