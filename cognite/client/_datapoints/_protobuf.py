"""The protobuf wire format of ``/timeseries/data`` (responses of ``/list``, bodies of inserts), hand-written.

The messages are those of ``data_points.proto``, ``data_point_list_response.proto`` and
``data_point_insertion_request.proto``; no protobuf runtime is needed.

Decoding: the envelope (items and their few metadata fields) is walked in Python; the repeated datapoint messages
are decoded column-wise with numpy when every sub-message has the same layout (same length, same field tags at
the same offsets, no nested message), which is the common case: a numeric datapoint is a timestamp varint of 6 bytes
and a double. That decoder reshapes the repeated field into a 2-D byte array and reads each field as a column, with
no Python object per point. Anything else (status codes, ``nullValue``, strings, min/max datapoints, mixed lengths)
goes through a straightforward loop, which gives the same result.

Encoding (inserts, and the emulator's responses) is the mirror image: rows of equal layout are written as one 2-D
byte array per timestamp-varint length. Fields are always written, zeros included (valid protobuf: a reader takes
an explicit default as the default), so that rows keep one layout.

numpy is optional for the loop decoder and the envelope; the column paths need it.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "AGGREGATE_FIELDS",
    "ListItem",
    "decode_aggregates",
    "decode_insert_request",
    "decode_list_response",
    "decode_numeric",
    "decode_strings",
    "encode_aggregates",
    "encode_insert_item",
    "encode_list_item",
    "encode_numeric",
    "encode_strings",
]

#: Field numbers of ``AggregateDatapoint`` (camelCase names as on the JSON wire); 18/19 are nested datapoints.
AGGREGATE_FIELDS: dict[str, int] = {
    "average": 2,
    "max": 3,
    "min": 4,
    "count": 5,
    "sum": 6,
    "interpolation": 7,
    "stepInterpolation": 8,
    "continuousVariance": 9,
    "discreteVariance": 10,
    "totalVariation": 11,
    "countGood": 12,
    "countUncertain": 13,
    "countBad": 14,
    "durationGood": 15,
    "durationUncertain": 16,
    "durationBad": 17,
    "maxDatapoint": 18,
    "minDatapoint": 19,
}
_AGGREGATE_NAMES = {num: name for name, num in AGGREGATE_FIELDS.items()}
_DOUBLE = struct.Struct("<d")
_U64 = 1 << 64


# ---------------------------------------------------------------------------------------------- primitives


def _varint(buf: bytes | memoryview, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, pos
        shift += 7


def _int64(value: int) -> int:
    return value - _U64 if value >= 1 << 63 else value


def _fields(buf: bytes | memoryview, pos: int, end: int) -> Iterator[tuple[int, int, Any]]:
    """Yield ``(field number, wire type, value)``; length-delimited values come as ``(start, end)`` offsets and
    fixed64 values as the offset of their 8 bytes."""
    while pos < end:
        key, pos = _varint(buf, pos)
        num, wire = key >> 3, key & 7
        value: Any
        if wire == 0:
            value, pos = _varint(buf, pos)
        elif wire == 1:
            value = pos
            pos += 8
        elif wire == 2:
            size, pos = _varint(buf, pos)
            value = (pos, pos + size)
            pos += size
        elif wire == 5:
            value = pos
            pos += 4
        else:
            raise ValueError(f"Unsupported protobuf wire type {wire} (field {num})")
        yield num, wire, value
    if pos != end:
        raise ValueError("Truncated protobuf message")


def _put_varint(out: bytearray, value: int) -> None:
    if value < 0:
        value += _U64
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def _put_bytes(out: bytearray, num: int, data: bytes) -> None:
    _put_varint(out, (num << 3) | 2)
    _put_varint(out, len(data))
    out += data


def _put_str(out: bytearray, num: int, text: str) -> None:
    _put_bytes(out, num, text.encode())


def _str(buf: bytes | memoryview, span: tuple[int, int]) -> str:
    return bytes(buf[span[0] : span[1]]).decode()


# ---------------------------------------------------------------------------------------------- the envelope


class ListItem:
    """One item of a ``DataPointListResponse``: metadata, and where its datapoints are in the buffer.

    Args:
        kind: 3 numeric, 4 string, 5 aggregate datapoints (0: none given).
        type: The series type when the answer says (JSON ``type``; ``"state"`` for state series, which protobuf
            does not carry); None: numeric or string, as ``is_string`` tells.
    """

    __slots__ = (
        "external_id", "id", "instance_id", "is_step", "is_string", "kind", "next_cursor", "span", "type", "unit",
        "unit_external_id",
    )  # fmt: skip

    def __init__(self) -> None:
        self.id = 0
        self.external_id: str | None = None
        self.instance_id: tuple[str, str] | None = None
        self.is_string = False
        self.is_step = False
        self.unit: str | None = None
        self.unit_external_id: str | None = None
        self.next_cursor: str | None = None
        self.kind = 0
        self.span: tuple[int, int] = (0, 0)
        self.type: str | None = None


def _instance_id(buf: bytes | memoryview, span: tuple[int, int]) -> tuple[str, str]:
    space = xid = ""
    for num, _, value in _fields(buf, *span):
        if num == 1:
            space = _str(buf, value)
        elif num == 2:
            xid = _str(buf, value)
    return space, xid


def decode_list_response(buf: bytes) -> list[ListItem]:
    """Walk a ``DataPointListResponse``: every item's metadata and the span of its datapoints message.

    Args:
        buf: The response body.

    Returns:
        The items, in order.
    """
    items = []
    for num, wire, span in _fields(buf, 0, len(buf)):
        if num != 1 or wire != 2:
            continue
        item = ListItem()
        for f, w, value in _fields(buf, *span):
            if f == 1:
                item.id = _int64(value)
            elif f == 2:
                item.external_id = _str(buf, value)
            elif f == 11:
                item.instance_id = _instance_id(buf, value)
            elif f == 6:
                item.is_string = bool(value)
            elif f == 7:
                item.is_step = bool(value)
            elif f == 8:
                item.unit = _str(buf, value)
            elif f == 9:
                item.next_cursor = _str(buf, value) or None
            elif f == 10:
                item.unit_external_id = _str(buf, value)
            elif f in (3, 4, 5) and w == 2:
                item.kind, item.span = f, value
        items.append(item)
    return items


# ---------------------------------------------------------------------------------------------- column decoding


def _uniform_columns(buf: bytes, start: int, end: int) -> tuple[int, dict[int, Any]] | None:
    """Decode ``repeated <Message> = 1`` spanning ``buf[start:end]`` column-wise, if every message has one layout
    of varint and fixed64 fields. Returns ``(count, {field number: uint64 or float64 array})`` or None."""
    import numpy as np

    if end - start < 2 or buf[start] != 0x0A:
        return None
    size, body = _varint(buf, start + 1)
    head = body - start  # the tag byte and the length varint
    stride = size + head
    if (end - start) % stride:
        return None
    layout: list[tuple[int, int, int, int]] = []  # field, wire, offset of the value (in the message), value length
    pos = head
    msg_end = head + size
    row0 = buf[start : start + stride]
    while pos < msg_end:
        key, vpos = _varint(row0, pos)
        if vpos - pos != 1 and key >> 3 < 16:
            return None
        num, wire = key >> 3, key & 7
        if wire == 0:
            _, after = _varint(row0, vpos)
        elif wire == 1:
            after = vpos + 8
        else:
            return None
        layout.append((num, wire, vpos, after - vpos))
        pos = after
    if pos != msg_end:
        return None
    rows = np.frombuffer(buf, dtype=np.uint8, count=end - start, offset=start).reshape(-1, stride)
    first = np.frombuffer(row0, dtype=np.uint8)
    # Every byte that is not a value must equal row 0's (prefix and tags); varints must end where row 0's end.
    fixed = np.ones(stride, dtype=bool)
    for _, _wire, off, length in layout:
        fixed[off : off + length] = False
    if not (rows[:, fixed] == first[fixed]).all():
        return None
    columns: dict[int, Any] = {}
    for num, wire, off, length in layout:
        if wire == 1:
            columns[num] = np.ascontiguousarray(rows[:, off : off + 8]).view("<f8").reshape(-1)
            continue
        block = rows[:, off : off + length]
        if length > 1 and not (block[:, :-1] >= 0x80).all():
            return None
        if (block[:, -1] >= 0x80).any():
            return None
        value = (block[:, 0] & 0x7F).astype(np.uint64)
        for k in range(1, length):
            value |= (block[:, k] & 0x7F).astype(np.uint64) << np.uint64(7 * k)
        columns[num] = value
    return len(rows), columns


def _status(buf: bytes | memoryview, span: tuple[int, int]) -> tuple[int, str | None]:
    code, symbol = 0, None
    for num, _, value in _fields(buf, *span):
        if num == 1:
            code = _int64(value)
        elif num == 2:
            symbol = _str(buf, value)
    return code, symbol


class NumericColumns:
    """Decoded numeric (or string) datapoints: lists, or numpy arrays when decoded with numpy.

    Attributes:
        timestamp: ms since epoch.
        value: The values (NaN, or None for strings, where ``null`` is set).
        status_code: Status codes (None when every point is good and no status was sent).
        status_symbol: Status symbols as sent (None entries where absent), or None.
        null: Indexes of points sent with ``nullValue`` (bad points without a value), or None.
    """

    __slots__ = ("null", "status_code", "status_symbol", "timestamp", "value")

    def __init__(
        self, timestamp: Any, value: Any, status_code: Any = None, status_symbol: Any = None, null: Any = None
    ) -> None:
        self.timestamp = timestamp
        self.value = value
        self.status_code = status_code
        self.status_symbol = status_symbol
        self.null = null


def _loop_points(buf: bytes, start: int, end: int, strings: bool) -> NumericColumns:
    """The straightforward decoder of ``repeated NumericDatapoint|StringDatapoint``: one message at a time."""
    ts: list[int] = []
    values: list[Any] = []
    codes: list[int] = []
    symbols: list[str | None] = []
    nulls: list[int] = []
    any_status = False
    default: Any = "" if strings else 0.0
    for num, _, span in _fields(buf, start, end):
        if num != 1:
            continue
        t, v, code, symbol, null = 0, default, 0, None, False
        for f, _, value in _fields(buf, *span):
            if f == 1:
                t = _int64(value)
            elif f == 2:
                v = _str(buf, value) if strings else _DOUBLE.unpack_from(buf, value)[0]
            elif f == 3:
                code, symbol = _status(buf, value)
                any_status = True
            elif f == 4:
                null = bool(value)
        if null:
            nulls.append(len(ts))
            v = None if strings else float("nan")
        ts.append(t)
        values.append(v)
        codes.append(code)
        symbols.append(symbol)
    if not any_status:
        return NumericColumns(ts, values, null=nulls or None)
    return NumericColumns(ts, values, codes, symbols, nulls or None)


def decode_numeric(buf: bytes, span: tuple[int, int], use_numpy: bool) -> NumericColumns:
    """Decode a ``NumericDatapoints`` message.

    With numpy, runs of messages that share one layout are decoded column-wise (see :func:`_uniform_columns`) and
    only the messages that break a run (a value of exactly 0.0 or a timestamp of 0 is left out on the wire, a
    status, a null value) go through the straightforward decoder, so a few irregular points do not slow down the
    whole response.

    Args:
        buf: The buffer.
        span: Where the message is.
        use_numpy: Return numpy arrays (int64 timestamps, float64 values, uint32 codes); otherwise Python lists.

    Returns:
        The columns.
    """
    start, end = span
    if not use_numpy:
        return _loop_points(buf, start, end, strings=False)
    import numpy as np

    parts: list[NumericColumns] = []
    pos = start
    while pos < end:
        run_end = _uniform_run_end(buf, pos, end)
        uniform = _uniform_columns(buf, pos, run_end) if run_end > pos else None
        if uniform is not None and set(uniform[1]) <= {1, 2}:
            n, cols = uniform
            ts = cols[1].view(np.int64) if 1 in cols else np.zeros(n, np.int64)
            values = cols[2] if 2 in cols else np.zeros(n, np.float64)
            parts.append(NumericColumns(ts, values))
            pos = run_end
            continue
        # Decode the irregular stretch (at least one message, at most the short run found) one message at a time.
        stop = max(run_end, _next_message(buf, pos))
        out = _loop_points(buf, pos, stop, strings=False)
        parts.append(
            NumericColumns(
                np.array(out.timestamp, dtype=np.int64),
                np.array(out.value, dtype=np.float64),
                None if out.status_code is None else np.array(out.status_code, dtype=np.uint32),
                out.status_symbol,
                out.null,
            )
        )
        pos = stop
    return _join_columns(parts)


_MIN_RUN = 32  # shorter runs of one layout are cheaper to decode message by message


def _next_message(buf: bytes, pos: int) -> int:
    """The offset just after the ``repeated`` element that starts at ``pos``."""
    _, body = _varint(buf, pos)
    size, payload = _varint(buf, body)
    return payload + size


def _uniform_run_end(buf: bytes, pos: int, end: int) -> int:
    """The end of the longest run of elements from ``pos`` whose tag and length prefix equal the first one's.

    Each element of the run starts where the one before ends (equal prefixes mean equal lengths), so the run is
    aligned; a run shorter than ``_MIN_RUN`` elements gives ``pos`` (not worth the column-wise decoder).
    """
    import numpy as np

    if buf[pos] != 0x0A:
        return pos
    size, body = _varint(buf, pos + 1)
    head = body - pos
    stride = head + size
    count = (end - pos) // stride
    if count < _MIN_RUN:
        return pos
    heads = np.frombuffer(buf, dtype=np.uint8, count=count * stride, offset=pos).reshape(count, stride)[:, :head]
    same = (heads == heads[0]).all(axis=1)
    run = count if same.all() else int(np.argmin(same))
    return pos + run * stride if run >= _MIN_RUN else pos


def _join_columns(parts: list[NumericColumns]) -> NumericColumns:
    """Concatenate decoded pieces (numpy) in order; status columns are filled in for pieces without them."""
    import numpy as np

    if len(parts) == 1:
        return parts[0]
    if not parts:
        return NumericColumns(np.zeros(0, np.int64), np.zeros(0, np.float64))
    ts = np.concatenate([p.timestamp for p in parts])
    values = np.concatenate([p.value for p in parts])
    offsets = np.cumsum([0] + [len(p.timestamp) for p in parts[:-1]])
    nulls = [int(o) + i for p, o in zip(parts, offsets, strict=True) if p.null for i in p.null]
    if all(p.status_code is None for p in parts):
        return NumericColumns(ts, values, null=nulls or None)
    codes = np.concatenate(
        [p.status_code if p.status_code is not None else np.zeros(len(p.timestamp), np.uint32) for p in parts]
    )
    symbols: list[str | None] = []
    for p in parts:
        symbols.extend(p.status_symbol if p.status_symbol is not None else [None] * len(p.timestamp))
    return NumericColumns(ts, values, codes, symbols, nulls or None)


def decode_strings(buf: bytes, span: tuple[int, int], use_numpy: bool) -> NumericColumns:
    """Decode a ``StringDatapoints`` message (values as Python strings; an object array with numpy)."""
    out = _loop_points(buf, span[0], span[1], strings=True)
    if not use_numpy:
        return out
    import numpy as np

    values = np.empty(len(out.value), dtype=object)
    values[:] = out.value
    codes = None if out.status_code is None else np.array(out.status_code, dtype=np.uint32)
    return NumericColumns(np.array(out.timestamp, dtype=np.int64), values, codes, out.status_symbol, out.null)


def decode_aggregates(
    buf: bytes, span: tuple[int, int], names: Sequence[str], use_numpy: bool
) -> tuple[Any, dict[str, Any]]:
    """Decode an ``AggregateDatapoints`` message into a timestamp column and one column per aggregate asked for.

    Args:
        buf: The buffer.
        span: Where the message is.
        names: The aggregates asked for (camelCase); absent fields read as 0 (the protobuf default).
        use_numpy: Return numpy arrays; otherwise lists. ``maxDatapoint``/``minDatapoint`` are lists of
            ``(timestamp, value, status code, status symbol)`` tuples either way.

    Returns:
        ``(timestamps, {aggregate: column})``.
    """
    start, end = span
    nested = [n for n in names if n in ("maxDatapoint", "minDatapoint")]
    if use_numpy and not nested:
        import numpy as np

        uniform = _uniform_columns(buf, start, end)
        if uniform is not None:
            n, cols = uniform
            ts = cols[1].view(np.int64) if 1 in cols else np.zeros(n, np.int64)
            out = {name: cols.get(AGGREGATE_FIELDS[name], np.zeros(n, np.float64)) for name in names}
            return ts, out
    ts_list: list[int] = []
    columns: dict[str, list[Any]] = {name: [] for name in names}
    wanted = {AGGREGATE_FIELDS[name]: name for name in names}
    for num, _, msg in _fields(buf, start, end):
        if num != 1:
            continue
        row: dict[str, Any] = {}
        t = 0
        for f, _, value in _fields(buf, *msg):
            if f == 1:
                t = _int64(value)
            elif f in wanted:
                if f >= 18:
                    row[wanted[f]] = _nested_point(buf, value)
                else:
                    row[wanted[f]] = _DOUBLE.unpack_from(buf, value)[0]
        ts_list.append(t)
        for name in names:
            columns[name].append(row.get(name, None if name in nested else 0.0))
    if not use_numpy:
        return ts_list, columns
    import numpy as np

    arrays: dict[str, Any] = {
        name: col if name in nested else np.array(col, dtype=np.float64) for name, col in columns.items()
    }
    return np.array(ts_list, dtype=np.int64), arrays


def _nested_point(buf: bytes, span: tuple[int, int]) -> tuple[int, float, int, str | None]:
    t, v, code, symbol = 0, 0.0, 0, None
    for f, _, value in _fields(buf, *span):
        if f == 1:
            t = _int64(value)
        elif f == 2:
            v = _DOUBLE.unpack_from(buf, value)[0]
        elif f == 3:
            code, symbol = _status(buf, value)
        elif f == 4 and value:
            v = float("nan")
    return t, v, code, symbol


# ---------------------------------------------------------------------------------------------- encoding


def _encode_rows(ts: npt.NDArray[np.int64], doubles: Sequence[tuple[int, Any]]) -> bytes:
    """Encode ``repeated <Message> = 1`` of messages ``{1: varint timestamp, <field>: double, ...}`` column-wise."""
    import numpy as np

    n = len(ts)
    if n == 0:
        return b""
    u = np.ascontiguousarray(ts, dtype=np.int64).view(np.uint64)
    lengths = np.ones(n, dtype=np.int64)
    rest = u >> np.uint64(7)
    while True:
        more = rest > 0
        if not more.any():
            break
        lengths += more
        rest >>= np.uint64(7)
    tags = []
    for num, _ in doubles:
        key = (num << 3) | 1
        tags.append(bytes([key]) if key < 0x80 else bytes([(key & 0x7F) | 0x80, key >> 7]))
    tail = sum(len(t) + 8 for t in tags)
    distinct = np.unique(lengths)

    def prefix(length: int) -> bytes:  # the field key and the length of one message
        head = bytearray(b"\x0a")
        _put_varint(head, 1 + length + tail)
        return bytes(head)

    row_size = {int(k): len(prefix(int(k))) + 1 + int(k) + tail for k in distinct.tolist()}
    out = None
    offsets = None
    if len(distinct) > 1:
        row_lengths = np.zeros(n, dtype=np.int64)
        for k, size in row_size.items():
            row_lengths[lengths == k] = size
        out = np.empty(int(row_lengths.sum()), dtype=np.uint8)
        offsets = np.concatenate(([0], np.cumsum(row_lengths)[:-1]))
    for length in distinct.tolist():
        idx = None if out is None else np.nonzero(lengths == length)[0]
        v = u if idx is None else u[idx]
        head = prefix(length)
        block = np.empty((len(v), row_size[length]), dtype=np.uint8)
        block[:, : len(head)] = np.frombuffer(head, dtype=np.uint8)
        block[:, len(head)] = 0x08
        first = len(head) + 1
        for k in range(length):
            byte = (v >> np.uint64(7 * k)) & np.uint64(0x7F)
            if k < length - 1:
                byte |= np.uint64(0x80)
            block[:, first + k] = byte
        pos = first + length
        for tag, (_, column) in zip(tags, doubles, strict=True):
            block[:, pos : pos + len(tag)] = np.frombuffer(tag, dtype=np.uint8)
            pos += len(tag)
            col = np.ascontiguousarray(column if idx is None else column[idx], dtype="<f8")
            block[:, pos : pos + 8] = col.view(np.uint8).reshape(-1, 8)
            pos += 8
        if out is None:
            return block.tobytes()
        assert offsets is not None and idx is not None
        out[(offsets[idx][:, None] + np.arange(row_size[length]))] = block
    assert out is not None
    return out.tobytes()


def _encode_status(code: int, symbol: str | None) -> bytes:
    out = bytearray()
    _put_varint(out, 1 << 3)
    _put_varint(out, code)
    if symbol:
        _put_str(out, 2, symbol)
    return bytes(out)


def _encode_point(t: int, value: Any, code: int, symbol: str | None, strings: bool) -> bytes:
    msg = bytearray()
    _put_varint(msg, 1 << 3)
    _put_varint(msg, int(t))
    if value is None or (not strings and value != value and code >= 1 << 31):
        msg += b"\x20\x01"  # nullValue = true
    elif strings:
        _put_str(msg, 2, value)
    else:
        msg.append(0x11)
        msg += _DOUBLE.pack(float(value))
    if code:
        _put_bytes(msg, 3, _encode_status(code, symbol))
    return bytes(msg)


def encode_numeric(
    timestamps: Any, values: Any, status_codes: Any = None, status_symbols: Sequence[str | None] | None = None
) -> bytes:
    """Encode the body of a ``NumericDatapoints`` message.

    Args:
        timestamps: ms since epoch (int64 array or list).
        values: float values (None or NaN with a bad status: ``nullValue``).
        status_codes: Status codes (0 or None: good), or None for all good.
        status_symbols: Status symbols to send along, or None.

    Returns:
        The message body.
    """
    good = status_codes is None or not any(status_codes)
    if good and not _has_none(values):
        try:
            import numpy as np
        except ImportError:
            pass
        else:
            return _encode_rows(np.asarray(timestamps, dtype=np.int64), [(2, np.asarray(values, dtype=np.float64))])
    out = bytearray()
    for i, (t, v) in enumerate(zip(timestamps, values, strict=True)):
        code = int(status_codes[i]) if status_codes is not None and status_codes[i] else 0
        symbol = status_symbols[i] if status_symbols is not None else None
        _put_bytes(out, 1, _encode_point(t, v, code, symbol, strings=False))
    return bytes(out)


def _has_none(values: Any) -> bool:
    if isinstance(values, list):
        return any(v is None for v in values)
    return getattr(values, "dtype", None) is not None and values.dtype == object and any(v is None for v in values)


def encode_strings(
    timestamps: Any, values: Sequence[str | None], status_codes: Any = None, status_symbols: Any = None
) -> bytes:
    """Encode the body of a ``StringDatapoints`` message (arguments as for :func:`encode_numeric`)."""
    out = bytearray()
    for i, (t, v) in enumerate(zip(timestamps, values, strict=True)):
        code = int(status_codes[i]) if status_codes is not None and status_codes[i] else 0
        symbol = status_symbols[i] if status_symbols is not None else None
        _put_bytes(out, 1, _encode_point(t, v, code, symbol, strings=True))
    return bytes(out)


def encode_aggregates(timestamps: Any, columns: dict[str, Any]) -> bytes:
    """Encode the body of an ``AggregateDatapoints`` message.

    Args:
        timestamps: Bucket timestamps (int64 array).
        columns: camelCase aggregate -> float array; ``maxDatapoint``/``minDatapoint`` -> list of
            ``(timestamp, value, status code, status symbol)``.

    Returns:
        The message body.
    """
    import numpy as np

    doubles = sorted((AGGREGATE_FIELDS[k], v) for k, v in columns.items() if AGGREGATE_FIELDS[k] < 18)
    nested = sorted((AGGREGATE_FIELDS[k], v) for k, v in columns.items() if AGGREGATE_FIELDS[k] >= 18)
    if not nested:
        return _encode_rows(np.asarray(timestamps, dtype=np.int64), doubles)
    out = bytearray()
    for i, t in enumerate(np.asarray(timestamps).tolist()):
        msg = bytearray(b"\x08")
        _put_varint(msg, t)
        for num, col in doubles:
            _put_varint(msg, (num << 3) | 1)
            msg += _DOUBLE.pack(float(col[i]))
        for num, col in nested:
            pt, pv, code, symbol = col[i]
            _put_bytes(msg, num, _encode_point(pt, pv, code, symbol, strings=False))
        _put_bytes(out, 1, bytes(msg))
    return bytes(out)


def _encode_identifier(out: bytearray, ident: dict[str, Any], instance_field: int) -> None:
    if "id" in ident:
        _put_varint(out, 1 << 3)
        _put_varint(out, ident["id"])
    elif "externalId" in ident:
        _put_str(out, 2, ident["externalId"])
    else:
        iid = ident["instanceId"]
        inner = bytearray()
        _put_str(inner, 1, iid["space"])
        _put_str(inner, 2, iid["externalId"])
        _put_bytes(out, instance_field, bytes(inner))


def encode_insert_item(identifier: dict[str, Any], body: bytes, is_string: bool) -> bytes:
    """Encode one ``items`` entry of a ``DataPointInsertionRequest`` (with its field key and length).

    Args:
        identifier: ``{"id"}``, ``{"externalId"}`` or ``{"instanceId": {"space", "externalId"}}``.
        body: The ``NumericDatapoints`` or ``StringDatapoints`` body.
        is_string: Which of the two it is.

    Returns:
        The bytes to concatenate into the request.
    """
    item = bytearray()
    _encode_identifier(item, identifier, 5)
    _put_bytes(item, 4 if is_string else 3, body)
    out = bytearray()
    _put_bytes(out, 1, bytes(item))
    return bytes(out)


def encode_list_item(meta: dict[str, Any], kind: int, body: bytes, instance_id: dict[str, Any] | None = None) -> bytes:
    """Encode one ``items`` entry of a ``DataPointListResponse`` (with its field key and length).

    Args:
        meta: ``id``, ``externalId``, ``isString``, ``isStep``, ``unit``, ``unitExternalId``, ``nextCursor``.
        kind: 3 numeric, 4 string, 5 aggregate.
        body: The datapoints message body.
        instance_id: The instance id, if any.

    Returns:
        The bytes to concatenate into the response.
    """
    item = bytearray()
    _put_varint(item, 1 << 3)
    _put_varint(item, meta["id"])
    if meta.get("externalId") is not None:
        _put_str(item, 2, meta["externalId"])
    _put_bytes(item, kind, body)
    if meta.get("isString"):
        item += b"\x30\x01"
    if meta.get("isStep"):
        item += b"\x38\x01"
    for num, key in ((8, "unit"), (9, "nextCursor"), (10, "unitExternalId")):
        if meta.get(key):
            _put_str(item, num, meta[key])
    if instance_id is not None:
        inner = bytearray()
        _put_str(inner, 1, instance_id["space"])
        _put_str(inner, 2, instance_id["externalId"])
        _put_bytes(item, 11, bytes(inner))
    out = bytearray()
    _put_bytes(out, 1, bytes(item))
    return bytes(out)


def decode_insert_request(buf: bytes) -> list[tuple[dict[str, Any], NumericColumns, bool]]:
    """Decode a ``DataPointInsertionRequest`` (the emulator's side of protobuf inserts).

    Args:
        buf: The request body.

    Returns:
        ``(identifier, columns, is_string)`` per item (numpy columns when numpy is installed).
    """
    try:
        import numpy  # noqa: F401

        use_numpy = True
    except ImportError:
        use_numpy = False
    out = []
    for num, _, span in _fields(buf, 0, len(buf)):
        if num != 1:
            continue
        ident: dict[str, Any] = {}
        columns = NumericColumns([], [])
        is_string = False
        for f, _, value in _fields(buf, *span):
            if f == 1:
                ident = {"id": _int64(value)}
            elif f == 2:
                ident = {"externalId": _str(buf, value)}
            elif f == 5:
                space, xid = _instance_id(buf, value)
                ident = {"instanceId": {"space": space, "externalId": xid}}
            elif f == 3:
                columns = decode_numeric(buf, value, use_numpy)
            elif f == 4:
                columns, is_string = decode_strings(buf, value, use_numpy), True
        out.append((ident, columns, is_string))
    return out
