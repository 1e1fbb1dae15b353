"""The Functions API: functions (created from a folder, a zip file or a Python function), their calls and schedules.

Creating from a folder or a function handle zips the code, uploads it through ``client.files`` and creates the
function from the file; the code is checked first (the handler file exists and defines ``handle`` with known
arguments), so bad code fails before any request. Calls run with a session (a nonce): ``call`` makes a one-shot
session unless given a nonce; ``schedules.create`` makes one from client credentials, or from the client's own.
"""

from __future__ import annotations

import ast
import inspect
import io
import os
import re
import textwrap
import zipfile
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path
from typing import Any, overload

from cognite.client._api_client import APIClient, IdentifierSequence, check_type, object_decoder
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes._base import SequenceNotStr, set_client
from cognite.client.data_classes.functions import (
    HANDLE_ARGS,
    Function,
    FunctionCall,
    FunctionCallList,
    FunctionCallLog,
    FunctionCallLogEntry,
    FunctionCallsFilter,
    FunctionFilter,
    FunctionHandle,
    FunctionList,
    FunctionSchedule,
    FunctionSchedulesFilter,
    FunctionSchedulesList,
    FunctionScheduleWrite,
    FunctionsLimits,
    FunctionsStatus,
    FunctionWrite,
)
from cognite.client.data_classes.iam import ClientCredentials
from cognite.client.data_classes.shared import TimestampRange
from cognite.client.exceptions import CogniteNotFoundError

__all__ = ["FunctionCallsAPI", "FunctionSchedulesAPI", "FunctionsAPI"]

#: The file holding ``handle`` when none is named (and always for a function handle).
HANDLER_FILE_NAME = "handler.py"
#: The most functions ``list`` asks for when no limit is given (the API does not page functions).
_LIST_ALL = 10_000
_RUNTIMES = ("py310", "py311", "py312", "py313")
_FUNCTION_STATUSES = ("Queued", "Deploying", "Ready", "Failed")
_CALL_STATUSES = ("Running", "Completed", "Failed", "Timeout")
_SECRET_KEY = re.compile(r"^[a-z0-9-]{1,15}$")
_RESERVED_SECRETS = frozenset({"token", "indexurl", "extraindexurls"})
_REQUIREMENTS = re.compile(r"\[requirements\](.*?)\[/requirements\]", re.DOTALL)
_SKIPPED_DIRS = frozenset({"__pycache__", ".git", ".venv", ".mypy_cache", ".pytest_cache", ".ruff_cache"})


# ---------------------------------------------------------------------------------------------- code checks


def _check_handle_args(names: Sequence[str], where: str) -> None:
    unknown = [n for n in names if n not in HANDLE_ARGS]
    if unknown:
        raise ValueError(f"{where}: handle takes only {sorted(HANDLE_ARGS)} as arguments, not {unknown}")


def _check_handler_source(source: str, where: str) -> None:
    """Raise ValueError unless the code defines a module-level ``handle`` with known arguments (parsed, not run)."""
    try:
        tree = ast.parse(source, filename=where)
    except SyntaxError as err:
        raise ValueError(f"{where} is not valid Python: {err}") from None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == "handle":
            args = node.args
            _check_handle_args([a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]], where)
            return
        bound = [getattr(t, "id", None) for t in getattr(node, "targets", [])] if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.Import | ast.ImportFrom):
            bound = [alias.asname or alias.name for alias in node.names]
        if "handle" in bound:
            return  # handle bound by assignment or import: its arguments are checked when it is called
    raise ValueError(f"{where} must define a function named 'handle'")


def _check_function_path(function_path: Any) -> str:
    check_type(function_path, str, "function_path")
    if not function_path or not function_path.endswith(".py"):
        raise ValueError(f"function_path must be the path of a .py file, got {function_path!r}")
    if Path(function_path).is_absolute() or ".." in Path(function_path).parts:
        raise ValueError(f"function_path must be relative to the code folder, got {function_path!r}")
    return str(function_path)


def _validate_folder(folder: str, function_path: str) -> None:
    root = Path(folder)
    if not root.is_dir():
        raise ValueError(f"folder {folder!r} is not a directory")
    handler = root / function_path
    if not handler.is_file():
        raise ValueError(f"folder {folder!r} has no {function_path!r} (function_path)")
    _check_handler_source(handler.read_text(encoding="utf-8"), str(handler))


def _zip_folder(folder: str) -> bytes:
    """The folder's files in a zip, with paths relative to the folder (caches and VCS folders left out)."""
    root = Path(folder)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d not in _SKIPPED_DIRS)
            for filename in sorted(filenames):
                if filename.endswith(".pyc"):
                    continue
                path = Path(dirpath) / filename
                zf.write(path, path.relative_to(root).as_posix())
    return buffer.getvalue()


def _handle_code(function_handle: Callable[..., Any]) -> bytes:
    """The zip of a function handle: its source as ``handler.py``, and ``requirements.txt`` from a
    ``[requirements] ... [/requirements]`` block of its docstring."""
    if not callable(function_handle) or not inspect.isfunction(function_handle):
        raise TypeError(f"function_handle must be a Python function, not {type(function_handle).__name__}")
    if function_handle.__name__ != "handle":
        raise ValueError(f"function_handle must be named 'handle', not {function_handle.__name__!r}")
    _check_handle_args(list(inspect.signature(function_handle).parameters), "function_handle")
    try:
        source = textwrap.dedent(inspect.getsource(function_handle))
    except OSError as err:
        raise ValueError(f"The source of function_handle is not available: {err}") from None
    _check_handler_source(source, "function_handle")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(HANDLER_FILE_NAME, source)
        found = _REQUIREMENTS.search(inspect.getdoc(function_handle) or "")
        if found:
            lines = [line.strip() for line in found.group(1).splitlines() if line.strip()]
            zf.writestr("requirements.txt", "\n".join(lines) + "\n")
    return buffer.getvalue()


def _check_str_dict(value: Any, name: str, max_items: int) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise TypeError(f"{name} must be a dict of str to str")
    if len(value) > max_items:
        raise ValueError(f"{name} takes at most {max_items} entries, got {len(value)}")
    return value


def _check_secrets(secrets: Any) -> dict[str, str] | None:
    checked = _check_str_dict(secrets, "secrets", 30)
    for key in checked or ():
        if not _SECRET_KEY.match(key) or key in _RESERVED_SECRETS:
            raise ValueError(
                f"secrets keys must be lower-case letters, digits or dashes (at most 15) and not reserved, got {key!r}"
            )
    return checked


def _time_range(value: Any, name: str) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, TimestampRange):
        return value.dump()
    if isinstance(value, dict):
        unknown = set(value) - {"min", "max"}
        if unknown:
            raise ValueError(f"{name} takes only 'min' and 'max', got {sorted(unknown)}")
        for key, bound in value.items():
            if isinstance(bound, bool) or not isinstance(bound, int):
                raise TypeError(f"{name}[{key!r}] must be an int (ms since epoch)")
        return dict(value)
    raise TypeError(f"{name} must be a dict or a TimestampRange, not {type(value).__name__}")


def _check_choice(value: Any, choices: Sequence[str], name: str) -> None:
    if value is not None and value not in choices:
        raise ValueError(f"{name} must be one of {list(choices)}, got {value!r}")


def _positive_id(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be a positive int, got {value}")
    return value


def _list_limit(limit: Any) -> int:
    from cognite.client._api_client import check_limit

    checked = check_limit(limit)
    return _LIST_ALL if checked is None else checked


def _one_page(api: APIClient[Any, Any], flt: dict[str, Any], chunk_size: int | None, limit: Any) -> AsyncIterator[Any]:
    """Iterate over what one list request answers (functions and schedules are not paged): one item at a time, or
    lists of ``chunk_size``; arguments are checked now, the request is sent on the first step."""
    if chunk_size is not None and (isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1):
        raise ValueError(f"chunk_size must be a positive int, got {chunk_size!r}")
    max_items = _list_limit(limit)

    async def iterate() -> AsyncIterator[Any]:
        listed = await api._list(limit=max_items, filter=flt)
        if chunk_size is None:
            for item in listed:
                yield item
            return
        for start in range(0, len(listed), chunk_size):
            yield api._make_list(listed.data[start : start + chunk_size])

    return iterate()


# ---------------------------------------------------------------------------------------------- functions


class FunctionsAPI(APIClient[Function, FunctionList]):
    """Create, list, retrieve, call and delete functions; their calls (``.calls``) and schedules (``.schedules``).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> def handle(data):
        ...     return {"sum": data["a"] + data["b"]}
        >>> with emulated_client() as client:
        ...     fn = client.functions.create(name="adder", external_id="adder", function_handle=handle)
        ...     while fn.status not in ("Ready", "Failed"):
        ...         fn.update()
        ...     client.functions.call(external_id="adder", data={"a": 1, "b": 2}).get_response()
        {'sum': 3}
    """

    _RESOURCE_PATH = "/functions"
    _RESOURCE_CLS = Function
    _LIST_CLS = FunctionList
    _CREATE_LIMIT = 1
    _RETRIEVE_LIMIT = 10
    _DELETE_LIMIT = 10
    _LIST_LIMIT = _LIST_ALL

    calls: LazyAPI[FunctionCallsAPI] = LazyAPI("cognite.client._api.functions:FunctionCallsAPI")
    schedules: LazyAPI[FunctionSchedulesAPI] = LazyAPI("cognite.client._api.functions:FunctionSchedulesAPI")

    async def create(
        self,
        name: str | FunctionWrite,
        folder: str | None = None,
        file_id: int | None = None,
        function_path: str = HANDLER_FILE_NAME,
        function_handle: FunctionHandle | None = None,
        external_id: str | None = None,
        description: str | None = None,
        owner: str | None = None,
        secrets: dict[str, str] | None = None,
        env_vars: dict[str, str] | None = None,
        cpu: float | None = None,
        memory: float | None = None,
        runtime: str | None = None,
        metadata: dict[str, str] | None = None,
        index_url: str | None = None,
        extra_index_urls: list[str] | None = None,
        skip_folder_validation: bool = False,
        data_set_id: int | None = None,
    ) -> Function:
        """Create a function from a folder of code, an uploaded zip file, or a Python function named ``handle``.

        A folder is zipped (caches left out) and uploaded through ``client.files``; so is a function handle (its
        source as ``handler.py``, with a ``requirements.txt`` from a ``[requirements]...[/requirements]`` block of
        its docstring). Before any request, the handler file must exist and define ``handle`` taking only ``data``,
        ``client``, ``secrets`` and ``function_call_info`` (checked by parsing the code, which is not run). The
        function is created with status "Queued"; CDF deploys it (status "Ready" or "Failed") in the background.

        Args:
            name: The name, or a whole FunctionWrite (then give no other code source).
            folder: A folder with the code (``function_path`` relative to it).
            file_id: The id of a zip file with the code, already uploaded.
            function_path: The file with ``handle``, relative to the code root (default ``handler.py``).
            function_handle: A Python function named ``handle`` (its source becomes the code).
            external_id: The external id.
            description: A description.
            owner: The owner.
            secrets: Secrets, passed to ``handle`` as ``secrets`` (lower-case keys, at most 15 characters, 30 keys).
            env_vars: Environment variables (at most 100).
            cpu: CPU cores per call.
            memory: Memory per call, in GB.
            runtime: "py310", "py311", "py312" or "py313".
            metadata: Custom string key-value pairs.
            index_url: The package index to install requirements from.
            extra_index_urls: Further package indexes.
            skip_folder_validation: Do not check the folder's handler before uploading.
            data_set_id: The data set of the uploaded code file.

        Returns:
            The created function.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> def handle(data, client, function_call_info):
            ...     return function_call_info["function_id"] > 0
            >>> with emulated_client() as client:
            ...     client.functions.create(name="check", function_handle=handle).status
            'Queued'
        """
        if isinstance(name, FunctionWrite):
            if folder is not None or file_id is not None or function_handle is not None:
                raise ValueError("Give either a FunctionWrite or folder/file_id/function_handle, not both")
            return await self._create_multiple(name, write_cls=FunctionWrite, input_name="name")  # type: ignore[no-any-return]
        check_type(name, str, "name")
        if not name:
            raise ValueError("name must be a non-empty str")
        sources = [x for x in (folder, file_id, function_handle) if x is not None]
        if len(sources) != 1:
            raise ValueError("Give exactly one of folder, file_id and function_handle")
        path = _check_function_path(function_path)
        check_type(folder, str, "folder")
        check_type(external_id, str, "external_id")
        check_type(description, str, "description")
        check_type(owner, str, "owner")
        check_type(cpu, (int, float), "cpu")
        check_type(memory, (int, float), "memory")
        check_type(index_url, str, "index_url")
        check_type(skip_folder_validation, bool, "skip_folder_validation")
        check_type(data_set_id, int, "data_set_id")
        _check_choice(runtime, _RUNTIMES, "runtime")
        if extra_index_urls is not None and (
            not isinstance(extra_index_urls, list) or not all(isinstance(u, str) for u in extra_index_urls)
        ):
            raise TypeError("extra_index_urls must be a list of str")
        write = FunctionWrite(
            name=name, file_id=1, external_id=external_id, description=description, owner=owner,
            function_path=path, secrets=_check_secrets(secrets), env_vars=_check_str_dict(env_vars, "env_vars", 100),
            cpu=cpu, memory=memory, runtime=runtime, metadata=_check_str_dict(metadata, "metadata", 256),
            index_url=index_url, extra_index_urls=extra_index_urls,
        )  # fmt: skip
        if file_id is not None:
            write.file_id = _positive_id(file_id, "file_id")
        else:
            import asyncio

            if function_handle is not None:
                if path != HANDLER_FILE_NAME:
                    raise ValueError(f"function_path must be {HANDLER_FILE_NAME!r} with function_handle")
                code = _handle_code(function_handle)
            else:
                assert folder is not None
                if not skip_folder_validation:
                    _validate_folder(folder, path)
                code = await asyncio.to_thread(_zip_folder, folder)
            uploaded = await self._cognite_client.files.upload_bytes(
                code, name=f"{name}.zip", data_set_id=data_set_id, mime_type="application/zip"
            )
            assert uploaded.id is not None
            write.file_id = uploaded.id
        return await self._create_multiple(write, write_cls=FunctionWrite, input_name="name")  # type: ignore[no-any-return]

    async def retrieve(self, id: int | None = None, external_id: str | None = None) -> Function | None:
        """Retrieve one function by id or external id.

        Args:
            id: The id.
            external_id: The external id.

        Returns:
            The function, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.functions.retrieve(external_id="missing") is None
            True
        """
        return await self._retrieve_multiple(IdentifierSequence.load_one(id=id, external_id=external_id))  # type: ignore[no-any-return]

    async def retrieve_multiple(
        self,
        ids: Sequence[int] | None = None,
        external_ids: SequenceNotStr[str] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> FunctionList:
        """Retrieve several functions by ids and/or external ids (10 per request, requests sent concurrently).

        Args:
            ids: The ids.
            external_ids: The external ids.
            ignore_unknown_ids: Leave out identifiers that do not exist instead of raising.

        Returns:
            The functions.

        Raises:
            CogniteNotFoundError: Some identifiers do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.functions.retrieve_multiple(external_ids=["a", "b"], ignore_unknown_ids=True))
            0
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(ids=ids, external_ids=external_ids)
        identifiers.is_singleton = False
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    @staticmethod
    def _filter(
        name: str | None,
        owner: str | None,
        file_id: int | None,
        status: str | None,
        external_id_prefix: str | None,
        created_time: dict[str, int] | TimestampRange | None,
        metadata: dict[str, str] | None,
    ) -> dict[str, Any]:
        check_type(name, str, "name")
        check_type(owner, str, "owner")
        check_type(external_id_prefix, str, "external_id_prefix")
        if file_id is not None:
            _positive_id(file_id, "file_id")
        _check_choice(status, _FUNCTION_STATUSES, "status")
        return FunctionFilter(
            name=name, owner=owner, file_id=file_id, status=status, external_id_prefix=external_id_prefix,
            created_time=_time_range(created_time, "created_time"), metadata=_check_str_dict(metadata, "metadata", 256),
        ).dump()  # fmt: skip

    async def list(
        self,
        name: str | None = None,
        owner: str | None = None,
        file_id: int | None = None,
        status: str | None = None,
        external_id_prefix: str | None = None,
        created_time: dict[str, int] | TimestampRange | None = None,
        metadata: dict[str, str] | None = None,
        limit: int | None = 25,
    ) -> FunctionList:
        """List functions, optionally filtered.

        Args:
            name: Only functions with this name.
            owner: Only functions with this owner.
            file_id: Only functions with this code file.
            status: Only functions with this status ("Queued", "Deploying", "Ready", "Failed").
            external_id_prefix: Only functions whose external id starts with this.
            created_time: Range of creation time: ``{"min": ms, "max": ms}`` or a TimestampRange.
            metadata: Only functions with all these metadata key-value pairs.
            limit: Maximum number of functions (default 25; None, -1 or inf: all).

        Returns:
            The functions.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.functions.list(status="Ready", limit=None))
            0
        """
        flt = self._filter(name, owner, file_id, status, external_id_prefix, created_time, metadata)
        return await self._list(limit=_list_limit(limit), filter=flt)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        name: str | None = None,
        owner: str | None = None,
        file_id: int | None = None,
        status: str | None = None,
        external_id_prefix: str | None = None,
        created_time: dict[str, int] | TimestampRange | None = None,
        metadata: dict[str, str] | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[Any]:
        """Iterate over functions, one at a time or in lists of ``chunk_size`` (CDF answers functions in one page).

        Args:
            chunk_size: Yield lists of this many functions (None: one at a time).
            name: Only functions with this name.
            owner: Only functions with this owner.
            file_id: Only functions with this code file.
            status: Only functions with this status.
            external_id_prefix: Only functions whose external id starts with this.
            created_time: Range of creation time.
            metadata: Only functions with all these metadata key-value pairs.
            limit: Maximum number of functions (None: all).

        Returns:
            An async iterator of functions or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for fn in client.functions(chunk_size=10):
            ...         pass
        """
        flt = self._filter(name, owner, file_id, status, external_id_prefix, created_time, metadata)
        return _one_page(self, flt, chunk_size, limit)

    async def delete(
        self, id: int | Sequence[int] | None = None, external_id: str | SequenceNotStr[str] | None = None
    ) -> None:
        """Delete one or more functions (with their calls and schedules; the code file stays).

        Args:
            id: Id(s) to delete.
            external_id: External id(s) to delete.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> def handle():
            ...     return 1
            >>> with emulated_client() as client:
            ...     _ = client.functions.create(name="tmp", external_id="tmp", function_handle=handle)
            ...     client.functions.delete(external_id="tmp")
            ...     client.functions.retrieve(external_id="tmp") is None
            True
        """
        identifiers = IdentifierSequence(ids=id, external_ids=external_id, id_name="id", external_id_name="external_id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=None)

    async def _function_id(self, id: int | None, external_id: str | None) -> int:
        """The internal id of a function given by id or external id (looked up; raises when it does not exist)."""
        if (id is None) == (external_id is None):
            raise ValueError("Give exactly one of id and external_id (function_id and function_external_id)")
        if id is not None:
            return _positive_id(id, "id")
        check_type(external_id, str, "external_id")
        found = await self.retrieve(external_id=external_id)
        if found is None or found.id is None:
            raise CogniteNotFoundError("Function not found", missing=[{"externalId": external_id}])
        return found.id

    async def call(
        self,
        id: int | None = None,
        external_id: str | None = None,
        data: dict[str, Any] | None = None,
        wait: bool = True,
        nonce: str | None = None,
    ) -> FunctionCall:
        """Call a function (it must be "Ready"); by default wait for the call to finish.

        Args:
            id: The function id.
            external_id: The function external id.
            data: Input passed to ``handle`` as ``data`` (a JSON object; no secrets here, use ``secrets``).
            wait: Wait until the call has finished (polls its status with growing waits).
            nonce: A session nonce for the call (default: a new one-shot token-exchange session).

        Returns:
            The call (finished when ``wait``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> def handle(data):
            ...     print("got", data)
            ...     return data["x"] * 2
            >>> with emulated_client() as client:
            ...     fn = client.functions.create(name="double", function_handle=handle)
            ...     while fn.status not in ("Ready", "Failed"):
            ...         fn.update()
            ...     call = client.functions.call(id=fn.id, data={"x": 21})
            ...     call.status, call.get_response(), call.get_logs().to_text()
            ('Completed', 42, "got {'x': 21}")
        """
        if data is not None and not isinstance(data, dict):
            raise TypeError(f"data must be a dict (a JSON object), not {type(data).__name__}")
        check_type(wait, bool, "wait")
        check_type(nonce, str, "nonce")
        function_id = await self._function_id(id, external_id)
        if nonce is None:
            session = await self._cognite_client.iam.sessions.create(session_type="ONESHOT_TOKEN_EXCHANGE")
            nonce = session.nonce
        body: dict[str, Any] = {"nonce": nonce}
        if data is not None:
            body["data"] = data
        resp = await self._post(f"{self._RESOURCE_PATH}/{function_id}/call", json=body)
        call = object_decoder(FunctionCall).decode(resp.content)
        set_client(call, self._cognite_client)
        if wait:
            await call.wait_async()
        return call

    async def limits(self) -> FunctionsLimits:
        """Return what functions of this project may use (timeout, CPU, memory, runtimes, response size).

        Returns:
            The limits.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.functions.limits().timeout_minutes
            10
        """
        resp = await self._get(f"{self._RESOURCE_PATH}/limits")
        return object_decoder(FunctionsLimits).decode(resp.content)

    async def activate(self) -> FunctionsStatus:
        """Ask CDF to activate Cognite Functions for the project (status "requested", then "activated").

        Returns:
            The activation status.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.functions.activate().status in ("requested", "activated")
            True
        """
        resp = await self._post(f"{self._RESOURCE_PATH}/status")
        return object_decoder(FunctionsStatus).decode(resp.content)

    async def status(self) -> FunctionsStatus:
        """Return whether Cognite Functions is activated for the project.

        Returns:
            The activation status: "inactive", "requested" or "activated".

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.functions.status().status
            'inactive'
        """
        resp = await self._get(f"{self._RESOURCE_PATH}/status")
        return object_decoder(FunctionsStatus).decode(resp.content)


# ---------------------------------------------------------------------------------------------- calls


class FunctionCallsAPI(APIClient[FunctionCall, FunctionCallList]):
    """The calls of functions: list, retrieve, and their responses and logs.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> def handle(data):
        ...     return "ok"
        >>> with emulated_client() as client:
        ...     fn = client.functions.create(name="f", external_id="f", function_handle=handle)
        ...     while fn.status not in ("Ready", "Failed"):
        ...         fn.update()
        ...     _ = client.functions.call(id=fn.id)
        ...     [c.status for c in client.functions.calls.list(function_external_id="f")]
        ['Completed']
    """

    _RESOURCE_PATH = "/functions"
    _RESOURCE_CLS = FunctionCall
    _LIST_CLS = FunctionCallList
    _LIST_LIMIT = 10_000

    async def _fid(self, function_id: int | None, function_external_id: str | None) -> int:
        return await self._cognite_client.functions._function_id(function_id, function_external_id)

    async def list(
        self,
        function_id: int | None = None,
        function_external_id: str | None = None,
        status: str | None = None,
        schedule_id: int | None = None,
        start_time: dict[str, int] | TimestampRange | None = None,
        end_time: dict[str, int] | TimestampRange | None = None,
        limit: int | None = 25,
    ) -> FunctionCallList:
        """List the calls of a function, newest first.

        Args:
            function_id: The function id.
            function_external_id: The function external id.
            status: Only calls with this status ("Running", "Completed", "Failed", "Timeout").
            schedule_id: Only calls made by this schedule.
            start_time: Range of start time: ``{"min": ms, "max": ms}`` or a TimestampRange.
            end_time: Range of end time.
            limit: Maximum number of calls (default 25; None, -1 or inf: all).

        Returns:
            The calls.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> def handle():
            ...     raise RuntimeError("boom")
            >>> with emulated_client() as client:
            ...     fn = client.functions.create(name="f", function_handle=handle)
            ...     while fn.status not in ("Ready", "Failed"):
            ...         fn.update()
            ...     _ = client.functions.call(id=fn.id)
            ...     [c.error["message"] for c in client.functions.calls.list(function_id=fn.id, status="Failed")]
            ['RuntimeError: boom']
        """
        _check_choice(status, _CALL_STATUSES, "status")
        if schedule_id is not None:
            _positive_id(schedule_id, "schedule_id")
        flt = FunctionCallsFilter(
            status=status, schedule_id=schedule_id, start_time=_time_range(start_time, "start_time"),
            end_time=_time_range(end_time, "end_time"),
        ).dump()  # fmt: skip
        fid = await self._fid(function_id, function_external_id)
        return await self._list(limit=limit, filter=flt, path=f"/functions/{fid}/calls")  # type: ignore[no-any-return]

    async def retrieve(
        self, call_id: int, function_id: int | None = None, function_external_id: str | None = None
    ) -> FunctionCall | None:
        """Retrieve one call of a function.

        Args:
            call_id: The call id.
            function_id: The function id.
            function_external_id: The function external id.

        Returns:
            The call, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> def handle():
            ...     return None
            >>> with emulated_client() as client:
            ...     fn = client.functions.create(name="f", function_handle=handle)
            ...     while fn.status not in ("Ready", "Failed"):
            ...         fn.update()
            ...     call = client.functions.call(id=fn.id, wait=False)
            ...     client.functions.calls.retrieve(call.id, function_id=fn.id).status
            'Completed'
        """
        cid = _positive_id(call_id, "call_id")
        fid = await self._fid(function_id, function_external_id)
        return await self._retrieve(f"/functions/{fid}/calls/{cid}")  # type: ignore[no-any-return]

    async def get_response(
        self, call_id: int, function_id: int | None = None, function_external_id: str | None = None
    ) -> Any:
        """Return what the function's ``handle`` returned in a call.

        Args:
            call_id: The call id.
            function_id: The function id.
            function_external_id: The function external id.

        Returns:
            The response (any JSON value; None while running, after a failure, or when ``handle`` returned None).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> def handle(data):
            ...     return [data["n"]] * 3
            >>> with emulated_client() as client:
            ...     fn = client.functions.create(name="f", function_handle=handle)
            ...     while fn.status not in ("Ready", "Failed"):
            ...         fn.update()
            ...     call = client.functions.call(id=fn.id, data={"n": 1})
            ...     client.functions.calls.get_response(call.id, function_id=fn.id)
            [1, 1, 1]
        """
        import msgspec

        cid = _positive_id(call_id, "call_id")
        fid = await self._fid(function_id, function_external_id)
        resp = await self._get(f"/functions/{fid}/calls/{cid}/response")
        return msgspec.json.decode(resp.content).get("response")

    async def get_logs(
        self, call_id: int, function_id: int | None = None, function_external_id: str | None = None
    ) -> FunctionCallLog:
        """Return the log of a call: what the function printed, one entry per line.

        Args:
            call_id: The call id.
            function_id: The function id.
            function_external_id: The function external id.

        Returns:
            The log.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> def handle():
            ...     print("one")
            ...     print("two")
            >>> with emulated_client() as client:
            ...     fn = client.functions.create(name="f", function_handle=handle)
            ...     while fn.status not in ("Ready", "Failed"):
            ...         fn.update()
            ...     call = client.functions.call(id=fn.id)
            ...     [e.message for e in client.functions.calls.get_logs(call.id, function_id=fn.id)]
            ['one', 'two']
        """
        cid = _positive_id(call_id, "call_id")
        fid = await self._fid(function_id, function_external_id)
        resp = await self._get(f"/functions/{fid}/calls/{cid}/logs")
        entries = self._decode_items(resp.content, FunctionCallLogEntry).items
        return FunctionCallLog._from_items(entries, self._cognite_client)


# ---------------------------------------------------------------------------------------------- schedules


class FunctionSchedulesAPI(APIClient[FunctionSchedule, FunctionSchedulesList]):
    """Schedules that call functions by cron expressions: create, list, retrieve, delete, and their input data.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> def handle(data):
        ...     return data
        >>> with emulated_client() as client:
        ...     fn = client.functions.create(name="f", function_handle=handle)
        ...     _ = client.functions.schedules.create("hourly", "0 * * * *", function_id=fn.id, data={"k": 1})
        ...     [s.name for s in client.functions.schedules.list(function_id=fn.id)]
        ['hourly']
    """

    _RESOURCE_PATH = "/functions/schedules"
    _RESOURCE_CLS = FunctionSchedule
    _LIST_CLS = FunctionSchedulesList
    _CREATE_LIMIT = 1
    _RETRIEVE_LIMIT = 10_000
    _DELETE_LIMIT = 10_000
    _LIST_LIMIT = _LIST_ALL

    @overload
    async def retrieve(self, id: int, ignore_unknown_ids: bool = False) -> FunctionSchedule | None: ...
    @overload
    async def retrieve(self, id: Sequence[int], ignore_unknown_ids: bool = False) -> FunctionSchedulesList: ...
    async def retrieve(
        self, id: int | Sequence[int], ignore_unknown_ids: bool = False
    ) -> FunctionSchedule | FunctionSchedulesList | None:
        """Retrieve one schedule (None if it does not exist), or several by a list of ids.

        Args:
            id: One id, or a sequence of ids.
            ignore_unknown_ids: For several ids: leave out those that do not exist instead of raising.

        Returns:
            The schedule (or None), or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.functions.schedules.retrieve(123) is None
            True
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(ids=id, id_name="id")
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    @staticmethod
    def _filter(
        name: str | None,
        function_id: int | None,
        function_external_id: str | None,
        created_time: dict[str, int] | TimestampRange | None,
        cron_expression: str | None,
    ) -> dict[str, Any]:
        check_type(name, str, "name")
        check_type(function_external_id, str, "function_external_id")
        check_type(cron_expression, str, "cron_expression")
        if function_id is not None:
            _positive_id(function_id, "function_id")
        if function_id is not None and function_external_id is not None:
            raise ValueError("Give at most one of function_id and function_external_id")
        return FunctionSchedulesFilter(
            name=name, function_id=function_id, function_external_id=function_external_id,
            created_time=_time_range(created_time, "created_time"), cron_expression=cron_expression,
        ).dump()  # fmt: skip

    async def list(
        self,
        name: str | None = None,
        function_id: int | None = None,
        function_external_id: str | None = None,
        created_time: dict[str, int] | TimestampRange | None = None,
        cron_expression: str | None = None,
        limit: int | None = 25,
    ) -> FunctionSchedulesList:
        """List schedules, optionally filtered.

        Args:
            name: Only schedules with this name.
            function_id: Only schedules of this function.
            function_external_id: Only schedules of this function, by external id.
            created_time: Range of creation time: ``{"min": ms, "max": ms}`` or a TimestampRange.
            cron_expression: Only schedules with this cron expression.
            limit: Maximum number of schedules (default 25; None, -1 or inf: all).

        Returns:
            The schedules.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.functions.schedules.list(cron_expression="0 0 * * *"))
            0
        """
        flt = self._filter(name, function_id, function_external_id, created_time, cron_expression)
        return await self._list(limit=_list_limit(limit), filter=flt)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        name: str | None = None,
        function_id: int | None = None,
        function_external_id: str | None = None,
        created_time: dict[str, int] | TimestampRange | None = None,
        cron_expression: str | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[Any]:
        """Iterate over schedules, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many schedules (None: one at a time).
            name: Only schedules with this name.
            function_id: Only schedules of this function.
            function_external_id: Only schedules of this function, by external id.
            created_time: Range of creation time.
            cron_expression: Only schedules with this cron expression.
            limit: Maximum number of schedules (None: all).

        Returns:
            An async iterator of schedules or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for schedule in client.functions.schedules():
            ...         pass
        """
        flt = self._filter(name, function_id, function_external_id, created_time, cron_expression)
        return _one_page(self, flt, chunk_size, limit)

    async def create(
        self,
        name: str | FunctionScheduleWrite,
        cron_expression: str | None = None,
        function_id: int | None = None,
        function_external_id: str | None = None,
        client_credentials: dict[str, str] | ClientCredentials | None = None,
        description: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> FunctionSchedule:
        """Create a schedule that calls a function by a cron expression (UTC), with a session for its calls.

        The session is made from ``client_credentials`` when given, else from the client's own credentials (client
        credentials when it has them, else token exchange). A function given by external id is looked up, and the
        schedule refers to it by id.

        Args:
            name: The name, or a whole FunctionScheduleWrite (then give only ``client_credentials`` besides).
            cron_expression: When to call, e.g. ``"0 * * * *"`` (five fields, UTC).
            function_id: The function to call.
            function_external_id: The function to call, by external id.
            client_credentials: Client credentials for the calls' session (``{"client_id", "client_secret"}`` or
                ClientCredentials).
            description: A description.
            data: Input data for every call (a JSON object; no secrets here).

        Returns:
            The created schedule.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import ClientCredentials
            >>> def handle(data):
            ...     return data
            >>> with emulated_client() as client:
            ...     fn = client.functions.create(name="f", external_id="f", function_handle=handle)
            ...     schedule = client.functions.schedules.create(
            ...         "nightly", "0 2 * * *", function_external_id="f", data={"mode": "full"},
            ...         client_credentials=ClientCredentials("app", "secret"))
            ...     schedule.function_id == fn.id, schedule.get_input_data()
            (True, {'mode': 'full'})
        """
        if isinstance(name, FunctionScheduleWrite):
            if any(x is not None for x in (cron_expression, function_id, function_external_id, description, data)):
                raise ValueError("Give either a FunctionScheduleWrite or the schedule's fields, not both")
            write = FunctionScheduleWrite(
                name=name.name, cron_expression=name.cron_expression, function_id=name.function_id,
                function_external_id=name.function_external_id, description=name.description, data=name.data,
                nonce=name.nonce,
            )  # fmt: skip
        else:
            check_type(name, str, "name")
            if cron_expression is None:
                raise ValueError("cron_expression is required")
            write = FunctionScheduleWrite(
                name=name, cron_expression=cron_expression, function_id=function_id,
                function_external_id=function_external_id, description=description, data=data,
            )  # fmt: skip
        check_type(write.cron_expression, str, "cron_expression")
        if not write.name:
            raise ValueError("name must be a non-empty str")
        if len(write.cron_expression.split()) != 5:
            raise ValueError(
                f"cron_expression must have five fields (minute hour day month weekday), got {write.cron_expression!r}"
            )
        check_type(write.description, str, "description")
        if write.data is not None and not isinstance(write.data, dict):
            raise TypeError(f"data must be a dict (a JSON object), not {type(write.data).__name__}")
        if isinstance(client_credentials, dict):
            try:
                client_credentials = ClientCredentials(
                    client_credentials["client_id"], client_credentials["client_secret"]
                )
            except KeyError as err:
                raise ValueError(f"client_credentials needs 'client_id' and 'client_secret', missing {err}") from None
        elif client_credentials is not None and not isinstance(client_credentials, ClientCredentials):
            raise TypeError(
                f"client_credentials must be a dict or ClientCredentials, not {type(client_credentials).__name__}"
            )
        functions = self._cognite_client.functions
        write.function_id = await functions._function_id(write.function_id, write.function_external_id)
        write.function_external_id = None
        if write.nonce is None:
            session = await self._cognite_client.iam.sessions.create(client_credentials)
            write.nonce = session.nonce
        return await self._create_multiple(write, write_cls=FunctionScheduleWrite, input_name="name")  # type: ignore[no-any-return]

    async def delete(self, id: int | Sequence[int]) -> None:
        """Delete one or more schedules (their functions stay).

        Args:
            id: The id(s).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> def handle():
            ...     return 1
            >>> with emulated_client() as client:
            ...     fn = client.functions.create(name="f", function_handle=handle)
            ...     schedule = client.functions.schedules.create("s", "*/5 * * * *", function_id=fn.id)
            ...     client.functions.schedules.delete(schedule.id)
            ...     client.functions.schedules.retrieve(schedule.id) is None
            True
        """
        identifiers = IdentifierSequence(ids=id, id_name="id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=None)

    async def get_input_data(self, id: int) -> dict[str, Any] | None:
        """Return the input data a schedule calls its function with.

        Args:
            id: The schedule id.

        Returns:
            The data, or None when the schedule has none.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> def handle():
            ...     return 1
            >>> with emulated_client() as client:
            ...     fn = client.functions.create(name="f", function_handle=handle)
            ...     schedule = client.functions.schedules.create("s", "0 0 * * 1", function_id=fn.id)
            ...     client.functions.schedules.get_input_data(schedule.id) is None
            True
        """
        import msgspec

        sid = _positive_id(id, "id")
        resp = await self._get(f"{self._RESOURCE_PATH}/{sid}/input_data")
        data = msgspec.json.decode(resp.content).get("data")
        return data if isinstance(data, dict) else None
