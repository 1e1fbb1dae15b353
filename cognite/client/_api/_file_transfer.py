"""Streaming pieces of file transfers: bodies read from disk in chunks, responses written to disk in chunks, and
progress reporting.

Memory stays bounded by the chunk size times the number of transfers in flight (the ``files`` concurrency
limits), whatever the file sizes: a body is read from disk one chunk at a time as the connection takes it, and a
download is written to disk as it arrives. Every body is a factory, so that a retried request sends (or writes)
its bytes again from the start: a failed attempt never leaves half a part behind.

Downloads are written to a temporary file next to the target and renamed over it only when complete, so a
failed or interrupted download never leaves a truncated file under the final name.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
import secrets
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import IO, Any, BinaryIO

import httpx

__all__ = ["CHUNK_SIZE", "Progress", "ProgressArg", "ResponseToFile", "content_chunks", "file_chunks"]

#: Bytes read from disk (or gathered before a write to disk) at a time, per transfer.
CHUNK_SIZE = 4 * 1024 * 1024

ProgressArg = bool | Callable[[int, int], Any] | None
"""Progress reporting: None/False (off), True (a tqdm progress bar; needs tqdm), or a callback
``callback(bytes_done, bytes_total)`` called as the bytes go (``bytes_total`` is 0 when unknown)."""


class Progress:
    """Bytes transferred out of a total, reported to a callback and/or a tqdm bar.

    Args:
        progress: See :data:`ProgressArg`.
        total: The total bytes (0 when unknown).
        description: The label of a progress bar.
    """

    def __init__(self, progress: ProgressArg, total: int, description: str) -> None:
        self.total = total
        self.done = 0
        self._callback: Callable[[int, int], Any] | None = None
        self._bar: Any = None
        if progress is True:
            try:
                from tqdm.auto import tqdm  # type: ignore[import-untyped, import-not-found, unused-ignore]
            except ImportError:
                from cognite.client.exceptions import CogniteImportError

                raise CogniteImportError("tqdm", "progress=True shows a tqdm progress bar: pip install tqdm") from None
            self._bar = tqdm(total=total or None, unit="B", unit_scale=True, unit_divisor=1024, desc=description)
        elif callable(progress):
            self._callback = progress
        elif progress not in (None, False):
            raise TypeError(f"progress must be a bool or a callable(done, total), not {type(progress).__name__}")

    @property
    def enabled(self) -> bool:
        """Whether anything is reported."""
        return self._callback is not None or self._bar is not None

    def add_total(self, n: int) -> None:
        """Add ``n`` bytes to the total (when a size becomes known)."""
        self.total += n
        if self._bar is not None:
            self._bar.total = self.total
            self._bar.refresh()

    def add(self, n: int) -> None:
        """Count ``n`` more bytes (negative when an attempt that had counted them is started over)."""
        if n == 0:
            return
        self.done += n
        if self._callback is not None:
            self._callback(self.done, self.total)
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        """Close the progress bar, if any."""
        if self._bar is not None:
            self._bar.close()


def check_progress(progress: Any) -> None:
    """Raise TypeError unless ``progress`` is a valid :data:`ProgressArg` (before any request is sent)."""
    if progress is not None and not isinstance(progress, bool) and not callable(progress):
        raise TypeError(f"progress must be a bool or a callable(done, total), not {type(progress).__name__}")


def file_chunks(
    path: Path, offset: int, size: int, progress: Progress | None = None
) -> Callable[[], AsyncIterator[bytes]]:
    """A body factory: ``size`` bytes of a file from ``offset``, read in chunks off the event loop.

    Args:
        path: The file.
        offset: Where the bytes start.
        size: How many bytes.
        progress: Counts the bytes as they are read (and uncounts them when an attempt starts over).

    Returns:
        A function giving a fresh async iterator of the bytes on each call.
    """

    def open_at() -> IO[bytes]:
        f = path.open("rb")
        f.seek(offset)
        return f

    return _chunks_of(open_at, size, progress, close=True)


def content_chunks(
    content: str | bytes | bytearray | memoryview | BinaryIO, progress: Progress | None = None
) -> tuple[int, Callable[[], AsyncIterator[bytes]]]:
    """The size and a body factory of in-memory content or a binary file object (streamed from its position).

    Args:
        content: Bytes, a string (sent as UTF-8) or a file opened in binary mode (must be seekable, so that a
            retry can send it again).
        progress: Counts the bytes as they are read.

    Returns:
        (size in bytes, body factory).
    """
    if isinstance(content, str):
        content = content.encode("utf-8")
    if isinstance(content, bytes | bytearray | memoryview):
        data = memoryview(content).cast("B")

        def from_memory() -> IO[bytes]:
            return io.BytesIO(data)  # a view: the bytes are copied a chunk at a time as they are read

        return len(data), _chunks_of(from_memory, len(data), progress, close=True)
    read = getattr(content, "read", None)
    if read is None or not hasattr(content, "seek"):
        raise TypeError(f"content must be str, bytes or a binary file object, not {type(content).__name__}")
    if isinstance(content, io.TextIOBase):
        raise TypeError("content is a file opened in text mode; open it in binary mode ('rb')")
    start = content.tell()
    size = content.seek(0, os.SEEK_END) - start
    content.seek(start)

    def rewind() -> BinaryIO:
        content.seek(start)
        return content

    return size, _chunks_of(rewind, size, progress, close=False)


def _chunks_of(
    open_source: Callable[[], IO[bytes]], size: int, progress: Progress | None, *, close: bool
) -> Callable[[], AsyncIterator[bytes]]:
    counted = 0  # by the latest attempt: a new attempt (a retry) uncounts it and starts over

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal counted
        if progress is not None:
            progress.add(-counted)
        counted = 0

        def open_and_read() -> tuple[IO[bytes], bytes]:  # one hop to a thread for the whole of a small file
            source = open_source()
            return source, source.read(min(CHUNK_SIZE, size))

        source, chunk = await asyncio.to_thread(open_and_read)
        try:
            while counted < size:
                if counted:
                    chunk = await asyncio.to_thread(source.read, min(CHUNK_SIZE, size - counted))
                if not chunk:
                    raise OSError(f"The file ended {size - counted} bytes early (did it change during the upload?)")
                counted += len(chunk)
                if progress is not None:
                    progress.add(len(chunk))
                yield chunk
        finally:
            if close:
                source.close()

    return chunks


class ResponseToFile:
    """Writes a download to ``target`` through a temporary file in the same directory, renamed when complete.

    Use :meth:`write` as the HTTP layer's ``stream_response`` (each attempt starts the temporary file over), then
    :meth:`commit`; :meth:`discard` removes what a failed download left.

    Args:
        target: The final path.
        progress: Counts the bytes as they are written.
    """

    def __init__(self, target: Path, progress: Progress | None = None) -> None:
        self.target = target
        self.temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        self.progress = progress
        self._counted = 0
        self._sized = False

    async def write(self, response: httpx.Response) -> None:
        """Stream the response body into the temporary file (from its start)."""
        if self.progress is not None:
            self.progress.add(-self._counted)
            if not self._sized:
                self.progress.add_total(int(response.headers.get("content-length", 0)))
                self._sized = True
        self._counted = 0
        f = await asyncio.to_thread(self.temporary.open, "wb")
        pending: list[bytes] = []
        pending_size = 0
        try:
            async for chunk in response.aiter_bytes():
                pending.append(chunk)
                pending_size += len(chunk)
                if pending_size >= CHUNK_SIZE:
                    await self._flush(f, pending, pending_size)
                    pending, pending_size = [], 0
            if pending:
                await self._flush(f, pending, pending_size)
            check_complete(response, self._counted)
        finally:
            await asyncio.to_thread(f.close)

    async def _flush(self, f: IO[bytes], pending: list[bytes], size: int) -> None:
        await asyncio.to_thread(f.writelines, pending)
        self._counted += size
        if self.progress is not None:
            self.progress.add(size)

    def commit(self) -> None:
        """Move the complete download to its final name (replacing what was there)."""
        os.replace(self.temporary, self.target)

    def discard(self) -> None:
        """Remove the temporary file, if any."""
        with contextlib.suppress(FileNotFoundError):
            self.temporary.unlink()


class ResponseToMemory:
    """Collects a download in memory (``download_bytes``); each attempt starts over."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    async def write(self, response: httpx.Response) -> None:
        """Read the response body (from its start)."""
        self.parts = [chunk async for chunk in response.aiter_bytes()]
        check_complete(response, sum(len(p) for p in self.parts))

    def value(self) -> bytes:
        """The bytes downloaded."""
        return b"".join(self.parts)


def check_complete(response: httpx.Response, received: int) -> None:
    """Raise httpx.ReadError (retried like a dropped connection) when the body is shorter than announced."""
    expected = response.headers.get("content-length")
    if expected is not None and int(expected) != received:
        raise httpx.ReadError(f"Got {received} of {expected} bytes")
