"""The emulator: request handling core, counters, auth, and the Starlette ASGI app around it."""

from __future__ import annotations

import asyncio
import contextvars
import gzip
import os
import secrets
import threading
import time
import zlib
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple
from urllib.parse import parse_qsl, unquote

import msgspec

from cognite.client.testing._clients import DEFAULT_PROJECT
from cognite.client.testing._errors import CDFError, ConnectionDropped
from cognite.client.testing._faults import FaultDecision, Faults
from cognite.client.testing._media import BINARY_MEDIA_TYPES, BinaryBody, Negotiated, RawContent
from cognite.client.testing._registry import FAMILIES
from cognite.client.testing._store import ContentResponse, Family, Project, ResourceStore

if TYPE_CHECKING:
    import httpx
    from starlette.applications import Starlette
    from starlette.types import Receive, Scope, Send

    from cognite.client.testing._openapi import OpenAPISpec

__all__ = [
    "CONTENT_PREFIX",
    "AuthMode",
    "CDFEmulator",
    "Counters",
    "EmulatorResponse",
    "TRANSPORT_EXTENSION",
    "request_base_url",
]

AuthMode = Literal["any", "none", "strict"]
#: Scope extension under which the emulator's uvicorn protocol passes the socket transport (to drop connections).
TRANSPORT_EXTENSION = "cognite.emulator.transport"
_API_PREFIX = "/api/v1/projects/"
_TOKEN_PATH = "/oauth2/token"
#: Paths of the raw-bytes routes families serve outside the project API: ``/_content/{project}/{family}/{rest}``.
CONTENT_PREFIX = "/_content/"
#: The scheme and host the request being handled was sent to (for URLs the emulator hands out, e.g. upload links).
_BASE_URL: contextvars.ContextVar[str] = contextvars.ContextVar("cdf_emulator_base_url", default="http://localhost")
_JSON_HEADERS = (("content-type", "application/json"),)
_encode = msgspec.json.encode
_decode = msgspec.json.decode


class EmulatorResponse(NamedTuple):
    """A response of the emulator core.

    Args:
        status: The HTTP status.
        headers: Header name/value pairs.
        body: The body bytes.
    """

    status: int
    headers: list[tuple[str, str]]
    body: bytes


@dataclass
class Counters:
    """What the emulator has served; readable (and resettable) by tests.

    Args:
        requests: Requests received (including failed and dropped ones).
        by_route: Requests per route, keyed like ``"POST /assets/list"`` or ``"GET /assets/{id}"``.
        by_status: Responses per status.
        in_flight: Requests being processed now.
        max_in_flight: The highest ``in_flight`` seen.
        faults: Injected faults by kind: the status as a string (``"503"``), ``"latency"``, ``"reset_before"``,
            ``"reset_after"``, ``"auto_retryable"``.
        token_requests: Requests to the OAuth token endpoint.
    """

    requests: int = 0
    by_route: Counter[str] = field(default_factory=Counter)
    by_status: Counter[int] = field(default_factory=Counter)
    in_flight: int = 0
    max_in_flight: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    token_requests: int = 0

    def reset(self) -> None:
        """Set every counter back to zero (``in_flight`` is kept)."""
        self.requests = 0
        self.by_route.clear()
        self.by_status.clear()
        self.max_in_flight = self.in_flight
        self.faults.clear()
        self.token_requests = 0


class CDFEmulator:
    """A local Cognite Data Fusion: an ASGI app plus the state of every project it has seen.

    Use it in-process with :meth:`transport` (an ``httpx`` transport, no sockets) or over loopback HTTP with
    :meth:`serve` (uvicorn in a background thread). Projects are created on first use and isolated.

    Args:
        seed: Seed for internal ids and fault injection (None: random).
        auth: ``"any"``: any ``Authorization: Bearer ...`` is accepted (default); ``"strict"``: only tokens issued
            by the emulator's ``POST /oauth2/token`` that have not expired; ``"none"``: no check.
        token_ttl: Lifetime of issued tokens in seconds (``expires_in``).
        clients: ``client_id -> client_secret`` accepted by the token endpoint (None: any).
        validate: Check every request and response against the CDF OpenAPI spec (needs ``jsonschema`` and the
            spec file). Invalid requests get 400; an invalid response raises
            :class:`~cognite.client.testing._openapi.SpecValidationError` (and is kept in ``spec_violations``).
        spec: The spec (or its path) for ``validate``; default: found by
            :func:`~cognite.client.testing._openapi.find_spec_path`.
        families: The API families to serve (default: all known).
        clock: Returns the current time in ms since epoch (for ``createdTime``/``lastUpdatedTime``).
    """

    def __init__(
        self,
        seed: int | str | None = None,
        *,
        auth: AuthMode = "any",
        token_ttl: float = 3600.0,
        clients: Mapping[str, str] | None = None,
        validate: bool = False,
        spec: OpenAPISpec | str | os.PathLike[str] | None = None,
        families: Iterable[Family] = FAMILIES,
        clock: Callable[[], int] | None = None,
    ) -> None:
        if auth not in ("any", "none", "strict"):
            raise ValueError(f"auth must be 'any', 'none' or 'strict', got {auth!r}")
        self.seed = seed
        self.auth: AuthMode = auth
        self.token_ttl = token_ttl
        self.clients = dict(clients) if clients is not None else None
        self.families: tuple[Family, ...] = tuple(families)
        self.clock: Callable[[], int] = clock or (lambda: time.time_ns() // 1_000_000)
        self.counters = Counters()
        self.faults = Faults(seed)
        self.projects: dict[str, Project] = {}
        self.tokens: dict[str, float] = {}
        self.spec_violations: list[str] = []
        self.invalid_requests: list[str] = []
        self._spec: OpenAPISpec | None = None
        self.validate = validate
        if validate:
            from cognite.client.testing._openapi import OpenAPISpec

            self._spec = (
                spec if isinstance(spec, OpenAPISpec) else OpenAPISpec.load(None if spec is None else str(spec))
            )
        self._lock = threading.Lock()
        self._app: Starlette | None = None
        self._routes: dict[tuple[str, str], tuple[Family, str]] = {}
        self._id_routes: dict[str, Family] = {}
        verb_routes = {
            "create": ("POST", ""),
            "list": ("POST", "/list"),
            "byids": ("POST", "/byids"),
            "update": ("POST", "/update"),
            "delete": ("POST", "/delete"),
            "search": ("POST", "/search"),
            "aggregate": ("POST", "/aggregate"),
        }
        for fam in self.families:
            for verb in fam.verbs:
                if verb == "retrieve":
                    self._id_routes[fam.path] = fam
                    continue
                method, suffix = verb_routes[verb]
                self._routes[(method, fam.path + suffix)] = (fam, verb)
                if verb == "list":
                    self._routes[("GET", fam.path)] = (fam, "list_get")
        # Routes outside the project path (token inspection, organization APIs): (method, segments, family, handler).
        self._outside: list[tuple[str, list[str], Family, Callable[..., tuple[int, Any]], str]] = [
            (method, template.split("/"), fam, handler, template)
            for fam in self.families
            for (method, template), handler in fam.outside_routes.items()
        ]
        self._outside_prefixes = tuple(f"{method} {route}" for method, _, _, _, route in self._outside)
        # Families' own routes (path templates with embedded names), fewest placeholders first.
        self._templated: list[tuple[str, list[str], Family, str, str]] = sorted(
            (
                (method, (fam.path + suffix).split("/"), fam, handler, fam.path + suffix)
                for fam in self.families
                for (method, suffix), handler in fam.routes.items()
            ),
            key=lambda route: route[4].count("{"),
        )

    # ----------------------------------------------------------------- state
    def project(self, name: str) -> Project:
        """Return (creating on first use) the state of a project.

        Args:
            name: The project name.

        Returns:
            The project state.
        """
        proj = self.projects.get(name)
        if proj is None:
            with self._lock:
                proj = self.projects.get(name)
                if proj is None:
                    proj = Project(name, self.families, self.seed, self.clock)
                    proj.dispatch = self.handle
                    self.projects[name] = proj
        return proj

    def store(self, project: str, family: str) -> ResourceStore:
        """Return the store of one family in one project (for seeding data or inspecting it in tests).

        Args:
            project: The project name.
            family: The family name, e.g. ``"assets"``.

        Returns:
            The store.
        """
        return self.project(project).store(family)

    def seed_state_time_series(
        self,
        instance_id: Any,
        states: Sequence[tuple[int, str]] | None = None,
        project: str | None = None,
        *,
        state_set: Any = None,
        external_id: str | None = None,
        name: str | None = None,
        **fields: Any,
    ) -> dict[str, Any]:
        """Seed a state time series with its state set, as data modeling makes them (a CogniteTimeSeries of type
        ``state`` whose ``stateSet`` points to a CogniteStateSet): the series gets ``type: "state"``, ``isStep: true``
        and takes state datapoints (``insert_states``); see :mod:`cognite.client.testing._states` for the semantics.

        Args:
            instance_id: The instance id of the time series: a ``NodeId``, a ``(space, external id)`` tuple or a wire
                dict ``{"space", "externalId"}``.
            states: The states of its state set: ``(numeric value, string value)`` pairs, both unique, at most 100.
                Leave out to use a state set seeded before (``state_set``), shared with other series.
            project: The project (default: ``"emulated"``, the project of ``emulated_client()`` and of the pytest
                fixtures).
            state_set: The instance id of the state set (default: in the series' space, external id
                ``<series external id>_states``).
            external_id: An external id for the series (series made by data modeling have none unless it is set).
            name: A name for the series.
            **fields: Other time series fields, in wire form (``metadata``, ``unit``, ``dataSetId``, ...).

        Returns:
            The stored time series (wire form, with its ``id``).

        Raises:
            ValueError: The states are not a valid state set, differ from those of the state set seeded before
                under the same id, or are left out for a state set not seeded before.
            CDFError: A time series with this instance id or external id exists (409).

        Example:
            >>> from cognite.client.testing import CDFEmulator
            >>> emulator = CDFEmulator()
            >>> ts = emulator.seed_state_time_series(("plant", "valve"), states=[(0, "closed"), (1, "open")])
            >>> ts["type"], ts["stateSet"]
            ('state', {'space': 'plant', 'externalId': 'valve_states'})
        """
        from cognite.client.testing._states import StateSet

        node = _node_id(instance_id, "instance_id")
        set_id = _node_id(state_set, "state_set") if state_set is not None else {
            "space": node["space"], "externalId": f"{node['externalId']}_states",
        }  # fmt: skip
        proj = self.project(project if project is not None else DEFAULT_PROJECT)
        key = (set_id["space"], set_id["externalId"])
        known = proj.state_sets.get(key)
        given = None if states is None else StateSet(states)
        if given is None and known is None:
            raise ValueError(f"Give the states: the state set {key} has not been seeded before")
        if given is not None and known is not None and given != known:
            raise ValueError(f"The state set {key} was seeded with other states: {known.states}")
        item = {
            **fields, "instanceId": node, "externalId": external_id, "name": name, "type": "state",
            "isString": False, "isStep": True, "stateSet": set_id,
        }  # fmt: skip
        stored = proj.store("timeseries").seed([item])[0]
        proj.state_sets[key] = known or given
        return dict(stored)

    def reset(self) -> None:
        """Forget all projects, tokens, counters and fault rules (the seed is kept)."""
        with self._lock:
            self.projects.clear()
            self.tokens.clear()
            self.spec_violations.clear()
            self.invalid_requests.clear()
        self.counters.reset()
        self.faults.clear()
        self.faults.reseed(self.seed)

    def issue_token(self) -> str:
        """Issue an access token accepted in strict auth mode (like a client-credentials grant would).

        Returns:
            The token.
        """
        token = "emu-" + secrets.token_urlsafe(24)
        self.tokens[token] = time.monotonic() + self.token_ttl
        return token

    # ----------------------------------------------------------------- serving
    @property
    def app(self) -> Starlette:
        """The Starlette ASGI application (built on first use)."""
        if self._app is None:
            from starlette.applications import Starlette
            from starlette.routing import Route

            self._app = Starlette(routes=[Route("/{path:path}", endpoint=_ASGIEndpoint(self))])
        return self._app

    def transport(self) -> httpx.AsyncBaseTransport:
        """Return an in-process ``httpx`` transport to this emulator (no sockets; faster than ASGI).

        Returns:
            The transport, e.g. for ``httpx.AsyncClient(transport=emulator.transport(), base_url="http://cdf")``.
        """
        from cognite.client.testing._transport import EmulatorTransport

        return EmulatorTransport(self)

    def serve(self, host: str = "127.0.0.1", port: int = 0, **kwargs: Any) -> Any:
        """Start serving over HTTP with uvicorn in a background thread.

        Args:
            host: The interface (loopback by default).
            port: The port (0: a free one).
            **kwargs: More arguments for :class:`~cognite.client.testing._server.EmulatorServer`.

        Returns:
            A started :class:`~cognite.client.testing._server.EmulatorServer` (a context manager that stops it).
        """
        from cognite.client.testing._server import EmulatorServer

        return EmulatorServer(self, host=host, port=port, **kwargs).start()

    # ----------------------------------------------------------------- content routes
    def content_url(self, project: str, family: str, rest: str) -> str:
        """The absolute URL of a content route, on the host the current request was sent to.

        Args:
            project: The project.
            family: The family name.
            rest: The rest of the path (e.g. ``"upload/<token>"``).

        Returns:
            ``http://{host}/_content/{project}/{family}/{rest}``.
        """
        return f"{request_base_url()}{CONTENT_PREFIX}{project}/{family}/{rest}"

    async def handle_content(
        self, method: str, path: str, query: bytes | str, headers: Mapping[str, str], body: AsyncIterator[bytes]
    ) -> ContentResponse:
        """Handle one request to a content route (``/_content/...``): raw bytes, streamed both ways, no auth (the
        URL is the credential, like a signed storage URL).

        Faults apply as to other routes (the path matched is the full path, e.g. ``/_content/*``); an injected
        ``reset_after`` on a successful GET drops the connection halfway through the body (an interrupted
        download).

        Args:
            method: The HTTP method.
            path: The URL path.
            query: The raw query string.
            headers: Request headers with lower-case names.
            body: The request body, as it arrives.

        Returns:
            The response, its body an async iterator.

        Raises:
            ConnectionDropped: When a connection reset is injected.
        """
        counters = self.counters
        counters.requests += 1
        project, _, rest = path[len(CONTENT_PREFIX) :].partition("/")
        family_name, _, rest = rest.partition("/")
        decision = self.faults.decide(method, path, project or None)
        route = f"{method} {CONTENT_PREFIX}{{project}}/{family_name}"
        counters.by_route[route] += 1
        try:
            if decision is not None:
                await self._pre_faults(decision)
            fam = next((f for f in self.families if f.name == family_name and f.content_routes), None)
            if not project or fam is None:
                raise CDFError(404, f"Not found: {path}")
            handler = fam.content_routes.get(method)
            if handler is None:
                raise CDFError(405, f"Method {method} not allowed for {path}")
            q = query.decode("latin-1") if isinstance(query, bytes) else query
            params = dict(parse_qsl(q, keep_blank_values=True)) if q else {}
            store = self.project(project).store(fam.name)
            response: ContentResponse = await getattr(store, handler)(rest, params, headers, body)
        except CDFError as err:
            response = ContentResponse(err.code, [*_JSON_HEADERS, *err.headers.items()], _chunks(_encode(err.body())))
        counters.by_status[response.status] += 1
        if decision is not None and decision.reset_after:
            counters.faults["reset_after"] += 1
            size = dict(response.headers).get("content-length")
            if method != "GET" or response.status >= 400 or not size:
                raise ConnectionDropped("Connection reset by the emulator after processing", processed=True)
            return response._replace(body=_cut(response.body, int(size) // 2))
        return response

    # ----------------------------------------------------------------- core
    async def handle(
        self,
        method: str,
        path: str,
        query: bytes | str,
        headers: Mapping[str, str],
        body: bytes,
        raw_path: str | None = None,
    ) -> EmulatorResponse:
        """Handle one HTTP request (the core shared by the ASGI app and the in-process transport).

        Args:
            method: The HTTP method.
            path: The URL path.
            query: The raw query string.
            headers: Request headers with lower-case names.
            body: The raw (possibly compressed) request body.
            raw_path: The URL path as sent (percent-encoded); when given, names embedded in paths may contain
                ``/`` (routing and spec checks see the path as CDF would).

        Returns:
            The response.

        Raises:
            ConnectionDropped: When a connection reset is injected.
        """
        counters = self.counters
        counters.requests += 1
        counters.in_flight += 1
        if counters.in_flight > counters.max_in_flight:
            counters.max_in_flight = counters.in_flight
        request_id = os.urandom(8).hex()
        decision: FaultDecision | None = None
        if "host" in headers:
            _BASE_URL.set(f"http://{headers['host']}")
        if raw_path is not None:
            path = raw_path
        try:
            project_name: str | None = None
            if path.startswith(_API_PREFIX):
                project_name, _, rest = path[len(_API_PREFIX) :].partition("/")
                rel = "/" + rest.rstrip("/")
            else:
                rel = path
            decision = self.faults.decide(method, rel, project_name)
            route = "?"
            extra_headers: Mapping[str, str] = {}
            try:
                target, route = self._route(method, path, rel, project_name)
                counters.by_route[route] += 1
                if decision is not None:
                    await self._pre_faults(decision)
                if target is None:
                    status, payload = self._token(headers, body)
                else:
                    result: Any = self._process(target, project_name or "", query, headers, body, method, rel)
                    if asyncio.iscoroutine(result):  # a family route that waits (e.g. a long poll for new data)
                        result = await result
                    status, payload = result
            except CDFError as err:
                status, payload, extra_headers = err.code, err.body(), err.headers
                if route == "?":
                    counters.by_route[str(err.code)] += 1
            counters.by_status[status] += 1
            encoded: tuple[str, bytes] | None = None
            if isinstance(payload, RawContent):  # a family route that answers bytes (no JSON body to check)
                encoded, payload = (payload.content_type, payload.content), None
            if isinstance(payload, Negotiated):  # a family route that can answer in other media types
                encoded = payload.choose(headers.get("accept", ""))
                if encoded is None or self._spec is not None:
                    payload = payload.json()
            if self._spec is not None and (project_name or route.startswith(self._outside_prefixes)):
                self._check_response(method, rel, status, payload)
            out_headers = [*_JSON_HEADERS, ("x-request-id", request_id)]
            if encoded is not None:
                out_headers[0] = ("content-type", encoded[0])
            out_headers += extra_headers.items()
            if status >= 400 and decision is not None and decision.auto_retryable:
                counters.faults["auto_retryable"] += 1
                out_headers.append(("cdf-is-auto-retryable", "true"))
            if decision is not None and decision.reset_after:
                counters.faults["reset_after"] += 1
                raise ConnectionDropped("Connection reset by the emulator after processing", processed=True)
            return EmulatorResponse(status, out_headers, encoded[1] if encoded is not None else _encode(payload))
        finally:
            counters.in_flight -= 1

    async def _pre_faults(self, decision: FaultDecision) -> None:
        if decision.latency_s > 0:
            self.counters.faults["latency"] += 1
            await asyncio.sleep(decision.latency_s)
        if decision.reset_before:
            self.counters.faults["reset_before"] += 1
            raise ConnectionDropped("Connection reset by the emulator before processing", processed=False)
        if decision.status is not None:
            self.counters.faults[str(decision.status)] += 1
            headers = {}
            if decision.retry_after is not None and decision.status in (429, 503):
                headers["retry-after"] = f"{decision.retry_after:g}"
            messages = {429: "Too many requests", 503: "Service unavailable", 502: "Bad gateway"}
            raise CDFError(decision.status, messages.get(decision.status, "Injected fault"), headers=headers)

    def _check_response(self, method: str, rel: str, status: int, payload: Any) -> None:
        assert self._spec is not None
        if self._spec.find_operation(method, rel) is None:
            return  # unknown route (404/405): nothing to compare with
        from cognite.client.testing._openapi import SpecValidationError

        errors = self._spec.response_errors(method, rel, status, payload)
        if errors:
            message = f"{method} {rel} -> {status}: response does not match the spec: {errors}"
            self.spec_violations.append(message)
            raise SpecValidationError(message, errors)

    def _route(
        self, method: str, path: str, rel: str, project_name: str | None
    ) -> tuple[tuple[Family, str, Any] | None, str]:
        """Find what serves a request: ((family, verb, argument) or None for the token endpoint, route key)."""
        if project_name is None:
            if path == _TOKEN_PATH:
                if method != "POST":
                    raise CDFError(405, "Method not allowed")
                return None, "POST /oauth2/token"
            outside = self._route_outside(method, path)
            if outside is not None:
                return outside
            raise CDFError(404, f"Not found: {path}")
        if not project_name:
            raise CDFError(404, f"Not found: {path}")
        hit = self._routes.get((method, rel))
        if hit is not None:
            return (hit[0], hit[1], ""), f"{method} {rel}"
        head, _, tail = rel.rpartition("/")
        id_family = self._id_routes.get(head)
        if id_family is not None and tail and method == "GET":
            return (id_family, "retrieve", tail), f"GET {head}/{{id}}"
        routed = self._route_templated(method, rel)
        if routed is not None:
            return routed
        if id_family is not None or any((m, rel) in self._routes for m in ("GET", "POST")):
            raise CDFError(405, f"Method {method} not allowed for {rel}")
        raise CDFError(404, f"Not found: {method} {rel}")

    def _route_outside(self, method: str, path: str) -> tuple[tuple[Family, str, Any], str] | None:
        """Match a route outside the project path: ((family, "outside", (handler, path parameters)), route key)."""
        segments = path.rstrip("/").split("/")
        path_matched = False
        for route_method, template, fam, handler, route in self._outside:
            if len(template) != len(segments):
                continue
            params: dict[str, str] = {}
            for want, got in zip(template, segments, strict=True):
                if want.startswith("{") and want.endswith("}") and got:
                    params[want[1:-1]] = unquote(got)
                elif want != got:
                    break
            else:
                if route_method == method:
                    return (fam, "outside", (handler, params)), f"{method} {route}"
                path_matched = True
        if path_matched:
            raise CDFError(405, f"Method {method} not allowed for {path}")
        return None

    def _route_templated(self, method: str, rel: str) -> tuple[tuple[Family, str, Any], str] | None:
        """Match a family's own routes: ((family, handler, path parameters), route key), 405 for a wrong method."""
        segments = rel.split("/")
        path_matched = False
        for route_method, template, fam, handler, route in self._templated:
            if len(template) != len(segments):
                continue
            params: dict[str, str] = {}
            for want, got in zip(template, segments, strict=True):
                if want.startswith("{") and want.endswith("}") and got:
                    params[want[1:-1]] = unquote(got)
                elif want != got:
                    break
            else:
                if route_method == method:
                    return (fam, handler, params), f"{method} {route}"
                path_matched = True
        if path_matched:
            raise CDFError(405, f"Method {method} not allowed for {rel}")
        return None

    def _process(
        self,
        target: tuple[Family, str, Any],
        project_name: str,
        query: bytes | str,
        headers: Mapping[str, str],
        body: bytes,
        method: str,
        rel: str,
    ) -> tuple[int, Any]:
        fam, verb, arg = target
        self._authorize(headers)
        q = query.decode("latin-1") if isinstance(query, bytes) else query
        params: dict[str, str] = {}
        for key, value in parse_qsl(q, keep_blank_values=True) if q else ():
            # a repeated parameter is an exploded array (``usedFor=node&usedFor=edge``): its values comma-joined
            params[key] = f"{params[key]},{value}" if key in params else value
        data: Any = None
        media = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if method in ("POST", "PUT") and media in BINARY_MEDIA_TYPES:
            if not isinstance(arg, dict):  # only a family's own routes take other media types
                raise CDFError(415, f"Unsupported media type {media!r}")
            data = BinaryBody(media, _decompress(headers, body))
        elif method in ("POST", "PUT") and isinstance(arg, dict) and verb in fam.bodyless and not body:
            data = None  # a family route that takes no request body (e.g. ``POST /functions/status``)
        elif method in ("POST", "PUT"):
            data = _decode_body(headers, body)
            if not isinstance(data, dict):
                raise CDFError(400, "The request body must be a JSON object")
        if self._spec is not None and not isinstance(data, BinaryBody):
            errors = self._spec.request_errors(method, rel, data, params or None)
            if errors:
                self.invalid_requests.append(f"{method} {rel}: {errors}")
                raise CDFError(400, f"Request does not match the API spec: {'; '.join(errors)}")
        if verb == "outside":  # a route outside the project: handler(emulator, path parameters, query, body, headers)
            handler, path_params = arg
            outside: tuple[int, Any] = handler(self, path_params, params, data, headers)
            return outside
        store = self.project(project_name).store(fam.name)
        if verb == "retrieve":
            return store.retrieve(arg)
        if verb == "list_get":
            return store.list_get(params)
        if isinstance(arg, dict):  # a family's own route: handler(path parameters, query, body)
            routed: tuple[int, Any] = getattr(store, verb)(arg, params, data)
            return routed
        result: tuple[int, Any] = getattr(store, verb)(data)
        return result

    def _authorize(self, headers: Mapping[str, str]) -> None:
        if self.auth == "none":
            return
        value = headers.get("authorization", "")
        scheme, _, token = value.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise CDFError(401, "Unauthorized: a bearer token is required")
        if self.auth == "strict":
            expiry = self.tokens.get(token.strip())
            if expiry is None:
                raise CDFError(401, "Unauthorized: unknown token")
            if expiry < time.monotonic():
                raise CDFError(401, "Unauthorized: the token has expired")

    def _token(self, headers: Mapping[str, str], body: bytes) -> tuple[int, Any]:
        self.counters.token_requests += 1
        raw = _decompress(headers, body).decode("utf-8", "replace")
        form = dict(parse_qsl(raw, keep_blank_values=True))
        if form.get("grant_type") != "client_credentials":
            return 400, {"error": "unsupported_grant_type", "error_description": "Only client_credentials"}
        client_id = form.get("client_id", "")
        secret = form.get("client_secret", "")
        if "authorization" in headers and headers["authorization"].lower().startswith("basic "):
            import base64

            try:
                client_id, _, secret = base64.b64decode(headers["authorization"][6:]).decode().partition(":")
            except ValueError:
                return 401, {"error": "invalid_client"}
        if self.clients is not None and self.clients.get(client_id) != secret:
            return 401, {"error": "invalid_client", "error_description": "Unknown client or wrong secret"}
        token = self.issue_token()
        ttl = int(self.token_ttl) if float(self.token_ttl).is_integer() else self.token_ttl
        return 200, {"access_token": token, "token_type": "Bearer", "expires_in": ttl}


def _node_id(value: Any, name: str) -> dict[str, str]:
    """An instance id in wire form, from a NodeId (anything with ``space`` and ``external_id``), a tuple or a dict."""
    if isinstance(value, Mapping) and {"space", "externalId"} <= set(value):
        space, xid = value["space"], value["externalId"]
    elif isinstance(value, tuple) and len(value) == 2:
        space, xid = value
    elif hasattr(value, "space") and hasattr(value, "external_id"):
        space, xid = value.space, value.external_id
    else:
        raise TypeError(f"{name} must be a NodeId, a (space, external id) tuple or a dict, got {value!r}")
    if not isinstance(space, str) or not isinstance(xid, str) or not space or not xid:
        raise TypeError(f"{name} needs a non-empty space and external id, got {value!r}")
    return {"space": space, "externalId": xid}


def request_base_url() -> str:
    """The scheme and host the request being handled was sent to, e.g. ``http://127.0.0.1:8123``."""
    return _BASE_URL.get()


async def _chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


async def _cut(body: AsyncIterator[bytes], limit: int) -> AsyncIterator[bytes]:
    """Pass on the first ``limit`` bytes of a body, then drop the connection."""
    sent = 0
    async for chunk in body:
        if sent + len(chunk) >= limit:
            yield chunk[: limit - sent]
            break
        sent += len(chunk)
        yield chunk
    aclose = getattr(body, "aclose", None)
    if aclose is not None:
        await aclose()
    raise ConnectionDropped("Connection reset by the emulator in the middle of the body", processed=True)


def _decompress(headers: Mapping[str, str], body: bytes) -> bytes:
    encoding = headers.get("content-encoding", "").strip().lower()
    if not encoding or encoding == "identity" or not body:
        return body
    try:
        if encoding == "gzip":
            return gzip.decompress(body)
        if encoding == "deflate":
            return zlib.decompress(body)
    except (OSError, EOFError, zlib.error):
        raise CDFError(400, f"The request body is not valid {encoding}") from None
    raise CDFError(400, f"Unsupported Content-Encoding {encoding!r}")


def _decode_body(headers: Mapping[str, str], body: bytes) -> Any:
    raw = _decompress(headers, body)
    if not raw.strip():
        raise CDFError(400, "A JSON request body is required")
    try:
        return _decode(raw)
    except msgspec.DecodeError as err:
        raise CDFError(400, f"Invalid JSON in the request body: {err}") from None


class _ASGIEndpoint:
    """The raw ASGI endpoint behind the Starlette route: reads the request, calls the core, writes the response."""

    def __init__(self, emulator: CDFEmulator) -> None:
        self.emulator = emulator

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # pragma: no cover - websockets are not served
            return
        if scope["path"].startswith(CONTENT_PREFIX):
            await self._content(scope, receive, send)
            return
        chunks = []
        more = True
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        try:
            raw_path = scope.get("raw_path")
            response = await self.emulator.handle(
                scope["method"],
                scope["path"],
                scope.get("query_string", b""),
                headers,
                b"".join(chunks),
                raw_path=raw_path.split(b"?", 1)[0].decode("ascii") if raw_path else None,
            )
        except ConnectionDropped:
            transport = scope.get("extensions", {}).get(TRANSPORT_EXTENSION)
            if transport is None:
                raise  # the server closes the connection (or httpx.ASGITransport re-raises it)
            transport.abort()  # a reset: the client sees the connection close without a response
            await asyncio.sleep(0)  # let the server notice the disconnect before the endpoint returns
            return
        await send(
            {
                "type": "http.response.start",
                "status": response.status,
                "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in response.headers],
            }
        )
        await send({"type": "http.response.body", "body": response.body})

    async def _content(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve a content route with the request and response bodies streamed (never held whole)."""

        async def body() -> AsyncIterator[bytes]:
            more = True
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    raise ConnectionDropped("The client went away", processed=False)
                if message.get("body"):
                    yield message["body"]
                more = message.get("more_body", False)

        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        transport = scope.get("extensions", {}).get(TRANSPORT_EXTENSION)
        started = False
        try:
            _BASE_URL.set(f"http://{headers.get('host', 'localhost')}")
            response = await self.emulator.handle_content(
                scope["method"], scope["path"], scope.get("query_string", b""), headers, body()
            )
            out_headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in response.headers]
            await send({"type": "http.response.start", "status": response.status, "headers": out_headers})
            started = True
            async for chunk in response.body:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        except ConnectionDropped:
            if transport is None:
                raise
            transport.abort()
            await asyncio.sleep(0)
            return
        if started:
            await send({"type": "http.response.body", "body": b""})
