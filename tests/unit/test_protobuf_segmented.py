"""The column-wise protobuf decoder gives exactly what the message-by-message decoder gives, whatever breaks the
uniform layout (values of 0.0 and timestamps of 0 left out on the wire, statuses, null values), wherever it is."""

from __future__ import annotations

import numpy as np
import pytest

from cognite.client._datapoints import _protobuf as pb


def _both(body: bytes) -> tuple[pb.NumericColumns, pb.NumericColumns]:
    fast = pb.decode_numeric(body, (0, len(body)), use_numpy=True)
    slow = pb.decode_numeric(body, (0, len(body)), use_numpy=False)
    return fast, slow


def _same(fast: pb.NumericColumns, slow: pb.NumericColumns) -> None:
    assert fast.timestamp.tolist() == slow.timestamp
    np.testing.assert_array_equal(fast.value, np.array(slow.value, dtype=np.float64))
    assert (fast.null or None) == (slow.null or None)
    if slow.status_code is None:
        assert fast.status_code is None
    else:
        assert fast.status_code.tolist() == slow.status_code
        assert list(fast.status_symbol) == list(slow.status_symbol)


@pytest.mark.parametrize("zero_at", [[0], [5_000], [9_999], [0, 17, 18, 19, 4_000, 9_999], list(range(0, 10_000, 97))])
def test_zero_values_anywhere_decode_alike(zero_at: list[int]) -> None:
    ts = np.arange(1_700_000_000_000, 1_700_000_000_000 + 10_000, dtype=np.int64)
    values = np.linspace(1.0, 2.0, 10_000)
    values[zero_at] = 0.0
    fast, slow = _both(pb.encode_numeric(ts, values))
    _same(fast, slow)
    assert len(fast.timestamp) == 10_000


def test_timestamp_zero_and_growing_varints_decode_alike() -> None:
    ts = np.array([0, 1, 127, 128, 16_383, 16_384, *range(10**12, 10**12 + 5_000)], dtype=np.int64)
    fast, slow = _both(pb.encode_numeric(ts, np.full(len(ts), 3.5)))
    _same(fast, slow)


def test_statuses_and_nulls_in_the_middle_decode_alike() -> None:
    n = 3_000
    ts = list(range(10**12, 10**12 + n))
    values: list[float | None] = [float(i + 1) for i in range(n)]
    codes = [0] * n
    symbols: list[str | None] = [None] * n
    for i in (10, 1_500, 2_999):
        codes[i], symbols[i] = 2147483648, "Bad"
    values[1_500] = None
    fast, slow = _both(pb.encode_numeric(ts, values, codes, symbols))
    _same(fast, slow)
    assert fast.null == [1_500]
