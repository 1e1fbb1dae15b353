"""End to end: every Files API method against the emulator over real loopback HTTP, with multipart uploads,
a directory upload with a forced failure, interrupted downloads and a fault drill (every byte round-trips)."""

from __future__ import annotations

import doctest
import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient, global_config
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.data_classes.files import (
    FileMetadata,
    FileMetadataFilter,
    FileMetadataList,
    FileMetadataUpdate,
    FileMetadataWrite,
)
from cognite.client.exceptions import CogniteFileUploadError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e
MiB = 1024 * 1024


@pytest.fixture
def client(config: ClientConfig) -> Iterator[CogniteClient]:
    global_config.max_retry_backoff = 0
    with CogniteClient(config) as c:
        yield c


@pytest.fixture(autouse=True)
def _no_faults(emulator: CDFEmulator) -> Iterator[None]:
    yield
    emulator.faults.clear()


def small_parts(client: CogniteClient) -> None:
    """Make this client split files above 6 MiB into 5 MiB parts (the emulator's smallest part)."""
    api = client.files._async_api
    api._MULTIPART_THRESHOLD = 6 * MiB  # type: ignore[misc]
    api._TARGET_PART_SIZE = 5 * MiB  # type: ignore[misc]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_metadata_methods(client: CogniteClient) -> None:
    meta, url = client.files.create(FileMetadataWrite(name="a.txt", external_id="a", metadata={"k": "v"}))
    assert meta.uploaded is False and url.startswith("http://127.0.0.1")
    client.files.upload_bytes(b"b", name="b.txt", external_id="b", directory="/docs", source="scan")
    assert client.files.retrieve(external_id="a").name == "a.txt"  # type: ignore[union-attr]
    assert client.files.retrieve(id=1) is None
    assert client.files.retrieve_multiple(external_ids=["a", "b"]).as_external_ids() == ["a", "b"]
    listed = client.files.list(directory_prefix="/docs", uploaded=True, limit=None)
    assert isinstance(listed, FileMetadataList) and listed.as_external_ids() == ["b"]
    assert len(client.files.list(metadata={"k": "v"}, partitions=2, limit=None)) == 1
    assert [f.external_id for f in client.files(chunk_size=None, source="scan")] == ["b"]
    assert client.files.search(name="b.txt")[0].external_id == "b"
    assert client.files.aggregate_count() == 2
    assert client.files.aggregate_count(FileMetadataFilter(uploaded=False)) == 1
    updated = client.files.update(FileMetadataUpdate(external_id="a").source.set("s").metadata.add({"x": "y"}))
    assert updated.source == "s" and updated.metadata == {"k": "v", "x": "y"}
    assert client.files.update([FileMetadata(external_id="b", mime_type="text/plain")])[0].mime_type == "text/plain"
    client.files.delete(external_id=["a", "b"])
    assert client.files.aggregate_count() == 0


def test_upload_and_download_a_file(client: CogniteClient, tmp_path: Path) -> None:
    data = os.urandom(3 * MiB + 17)
    (tmp_path / "data.bin").write_bytes(data)
    seen: list[tuple[int, int]] = []
    meta = client.files.upload(tmp_path / "data.bin", external_id="d", progress=lambda d, t: seen.append((d, t)))
    assert isinstance(meta, FileMetadata) and meta.name == "data.bin"
    assert seen[-1] == (len(data), len(data))
    stored = client.files.retrieve(external_id="d")
    assert stored is not None and stored.uploaded is True and stored.uploaded_time is not None
    assert client.files.download_bytes(external_id="d") == data
    client.files.download_to_path(tmp_path / "out" / "copy.bin", id=meta.id)
    assert digest((tmp_path / "out" / "copy.bin").read_bytes()) == digest(data)
    urls = client.files.retrieve_download_urls(id=meta.id, external_id="d", extended_expiration=True)
    assert set(urls) == {meta.id, "d"}


def test_upload_bytes_and_content_of_existing_files(client: CogniteClient, tmp_path: Path) -> None:
    client.files.create(FileMetadataWrite(name="later.txt", external_id="later"))
    (tmp_path / "later.txt").write_bytes(b"from disk")
    assert client.files.upload_content(tmp_path / "later.txt", external_id="later").external_id == "later"
    assert client.files.download_bytes(external_id="later") == b"from disk"
    client.files.upload_content_bytes("replaced", external_id="later")
    assert client.files.download_bytes(external_id="later") == b"replaced"
    first = client.files.upload_bytes(b"one", name="o.txt", external_id="o")
    second = client.files.upload_bytes(b"two", name="o2.txt", external_id="o", overwrite=True)
    assert second.id == first.id and client.files.download_bytes(external_id="o") == b"two"


def test_multipart_upload_in_parallel_parts(client: CogniteClient, tmp_path: Path) -> None:
    small_parts(client)
    data = os.urandom(17 * MiB + 3)
    (tmp_path / "big.bin").write_bytes(data)
    client.files.upload(tmp_path / "big.bin", external_id="big")
    assert client.files.retrieve(external_id="big").uploaded is True  # type: ignore[union-attr]
    client.files.download_to_path(tmp_path / "back.bin", external_id="big")
    assert digest((tmp_path / "back.bin").read_bytes()) == digest(data)


def test_multipart_sessions(client: CogniteClient, tmp_path: Path) -> None:
    part = os.urandom(5 * MiB)
    with client.files.multipart_upload_session("s.bin", parts=2, external_id="s") as session:
        session.upload_part(1, b"tail")
        with (tmp_path / "p0").open("wb") as f:
            f.write(part)
        with (tmp_path / "p0").open("rb") as f:
            session.upload_part(0, f)
    assert client.files.download_bytes(external_id="s") == part + b"tail"
    client.files.create(FileMetadataWrite(name="c.bin", external_id="c"))
    with client.files.multipart_upload_content_session(parts=1, external_id="c") as session:
        session.upload_part(0, b"content session")
    assert client.files.download_bytes(external_id="c") == b"content session"
    assert client.files.calculate_part_size_and_count(10 * MiB) == (64 * MiB, 1)


async def test_async_client_and_async_multipart_session(config: ClientConfig) -> None:
    global_config.max_retry_backoff = 0
    async with AsyncCogniteClient(config) as client:
        session = await client.files.multipart_upload_session("a.bin", parts=1, external_id="a")
        async with session:
            await session.upload_part_async(0, b"async part")
        assert await client.files.download_bytes(external_id="a") == b"async part"
        assert [f.external_id async for f in client.files(limit=5)] == ["a"]


def test_files_by_instance_id(client: CogniteClient, emulator: CDFEmulator, config: ClientConfig) -> None:
    store = emulator.store(config.project, "files")
    store.seed([{"name": "node.txt", "instanceId": {"space": "sp", "externalId": "node"}, "uploaded": False}])
    node = NodeId("sp", "node")
    client.files.upload_content_bytes(b"node content", instance_id=node)
    assert client.files.retrieve(instance_id=node).uploaded is True  # type: ignore[union-attr]
    assert client.files.download_bytes(instance_id=node) == b"node content"
    assert list(client.files.retrieve_download_urls(instance_id=[node])) == [node]
    assert len(client.files.retrieve_multiple(instance_ids=[node])) == 1


def test_directory_upload_with_a_forced_failure_reports_each_file(
    client: CogniteClient, emulator: CDFEmulator, config: ClientConfig, tmp_path: Path
) -> None:
    for i in range(6):
        (tmp_path / f"f{i}.txt").write_bytes(f"file {i}".encode())
    emulator.faults.add(path="/_content/*", methods=["PUT"], statuses={400: 1.0}, max_faults=1)
    with pytest.raises(CogniteFileUploadError) as err:
        client.files.upload(tmp_path)
    successful, failed = err.value.successful, err.value.failed  # type: ignore[attr-defined]
    assert len(successful) == 5 and len(failed) == 1 and err.value.unknown == []  # type: ignore[attr-defined]
    uploaded = {f.name for f in client.files.list(uploaded=True, limit=None)}
    assert uploaded == {Path(p).name for p in successful}
    assert set(successful) | set(failed) == {str(p) for p in tmp_path.iterdir()}


def test_interrupted_downloads(client: CogniteClient, emulator: CDFEmulator, tmp_path: Path) -> None:
    data = os.urandom(2 * MiB)
    client.files.upload_bytes(data, name="i.bin", external_id="i")
    emulator.faults.add(path="/_content/*", methods=["GET"], reset_after=1.0, max_faults=1)
    client.files.download_to_path(tmp_path / "i.bin", external_id="i")  # cut halfway once, then started over
    assert digest((tmp_path / "i.bin").read_bytes()) == digest(data)
    emulator.faults.clear()
    (tmp_path / "i.bin").write_bytes(b"previous")
    global_config.max_retries = 1
    emulator.faults.add(path="/_content/*", methods=["GET"], reset_after=1.0)
    with pytest.raises(Exception, match="Connection"):
        client.files.download_to_path(tmp_path / "i.bin", external_id="i")
    assert os.listdir(tmp_path) == ["i.bin"] and (tmp_path / "i.bin").read_bytes() == b"previous"


def test_name_collisions_are_reported(client: CogniteClient, tmp_path: Path) -> None:
    client.files.upload_bytes(b"1", name="same.txt", external_id="x1", directory="/a")
    client.files.upload_bytes(b"2", name="same.txt", external_id="x2", directory="/b")
    with pytest.warns(UserWarning, match=re.escape("external_id='x2'")):
        client.files.download(tmp_path, external_id=["x1", "x2"])
    assert os.listdir(tmp_path) == ["same.txt"]
    (tmp_path / "kept").mkdir()
    client.files.download(tmp_path / "kept", external_id=["x1", "x2"], keep_directory_structure=True)
    assert (tmp_path / "kept" / "b" / "same.txt").read_bytes() == b"2"
    (tmp_path / "numbered").mkdir()
    client.files.download(tmp_path / "numbered", external_id=["x1", "x2"], resolve_duplicate_file_names=True)
    assert sorted(os.listdir(tmp_path / "numbered")) == ["same (1).txt", "same.txt"]


def test_fault_drill_every_byte_round_trips(client: CogniteClient, emulator: CDFEmulator, tmp_path: Path) -> None:
    small_parts(client)
    source = tmp_path / "source"
    source.mkdir()
    files = {f"f{i}.bin": os.urandom(size) for i, size in enumerate([0, 1, 1000, MiB + 7, 12 * MiB + 5])}
    for name, data in files.items():
        (source / name).write_bytes(data)
    emulator.faults.add(path="/_content/*", statuses={503: 0.2}, reset_before=0.1, reset_after=0.15)
    emulator.faults.add(path="/files*", statuses={503: 0.2}, auto_retryable=1.0)
    uploaded = client.files.upload(source)
    assert isinstance(uploaded, FileMetadataList) and len(uploaded) == len(files)
    (tmp_path / "back").mkdir()
    client.files.download(tmp_path / "back", id=uploaded.as_ids())
    assert {p.name: digest(p.read_bytes()) for p in (tmp_path / "back").iterdir()} == {
        name: digest(data) for name, data in files.items()
    }
    assert emulator.counters.faults["503"] > 0 and emulator.counters.faults["reset_after"] > 0


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.files as api_module
    import cognite.client.data_classes.files as classes_module

    for module in (api_module, classes_module):
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module) if t.examples]
        assert tests
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
