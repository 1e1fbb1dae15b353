"""Datapoints through httpx.MockTransport: the protobuf codec, insert planning within limits, argument checks."""

from __future__ import annotations

import gzip
import json

import httpx
import numpy as np
import pytest

from cognite.client import ClientConfig, CogniteClient
from cognite.client._datapoints import _protobuf as pb
from cognite.client.credentials import Token


def test_codec_known_bytes_and_fallback() -> None:
    # NumericDatapoint {timestamp: 1, value: 0.5} inside a repeated field 1: 0a 0b 08 01 11 <0.5 as double>
    body = pb.encode_numeric([1], [0.5])
    assert body == bytes([0x0A, 0x0B, 0x08, 0x01, 0x11]) + np.float64(0.5).tobytes()
    ts = np.array([-5, 0, 2**40, 1_700_000_000_000], dtype=np.int64)  # mixed varint lengths: the loop decoder
    vals = np.array([1.0, 0.0, -2.5, 3.0])
    msg = pb.encode_list_item({"id": 7, "externalId": "x", "nextCursor": "c"}, 3, pb.encode_numeric(ts, vals))
    (item,) = pb.decode_list_response(msg)
    assert (item.id, item.external_id, item.next_cursor) == (7, "x", "c")
    for use_numpy in (True, False):
        cols = pb.decode_numeric(msg, item.span, use_numpy)
        assert list(cols.timestamp) == ts.tolist() and list(cols.value) == vals.tolist()
    with_status = pb.encode_numeric([1, 2], [1.0, None], [0, 0x80000000], [None, "Bad"])
    cols = pb.decode_numeric(with_status, (0, len(with_status)), True)
    assert cols.status_code.tolist() == [0, 0x80000000] and cols.null == [1] and cols.status_symbol == [None, "Bad"]


def _client(handler: httpx.MockTransport) -> CogniteClient:
    return CogniteClient(ClientConfig("u", "p", Token("t"), base_url="https://x.cognitedata.com"), transport=handler)


def test_insert_is_chunked_within_limits_and_retryable() -> None:
    seen: list[int] = []
    calls = {"n": 0}

    def handle(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] == 2:
            return httpx.Response(503, json={"error": {"code": 503, "message": "busy"}})
        raw = gzip.decompress(request.content) if request.headers.get("content-encoding") == "gzip" else request.content
        if request.headers["content-type"] == "application/protobuf":
            seen.append(sum(len(c.timestamp) for _, c, _ in pb.decode_insert_request(raw)))
        else:
            seen.append(sum(len(i["datapoints"]) for i in json.loads(raw)["items"]))
        return httpx.Response(200, json={})

    from cognite.client import global_config

    global_config.max_retry_backoff = 0
    with _client(httpx.MockTransport(handle)) as client:
        client.time_series.data.insert_multiple(
            [{"id": i + 1, "datapoints": [(t, float(t)) for t in range(60_000)]} for i in range(4)]
        )
    assert sorted(seen) == [40_000, 100_000, 100_000] and sum(seen) == 240_000  # the 503 was resent


def test_bad_arguments_fail_before_any_request() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request expected")

    with _client(httpx.MockTransport(handle)) as client:
        with pytest.raises(ValueError, match="granularity"):
            client.time_series.data.retrieve(id=1, aggregates="average")
        with pytest.raises(ValueError, match="end"):
            client.time_series.data.retrieve(id=1, start=10, end=5)
        with pytest.raises(TypeError, match="external_id"):
            client.time_series.data.retrieve(external_id=[1])  # type: ignore[list-item]
        with pytest.raises(ValueError, match="Unknown aggregate"):
            client.time_series.data.retrieve(id=1, aggregates="median", granularity="1h")
        with pytest.raises(TypeError):
            client.time_series.data.insert("nope", id=1)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            client.time_series.data.delete_range(5, 1, id=1)
        client.time_series.data.insert([], id=1)  # empty: no request
