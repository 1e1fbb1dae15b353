"""The emulator's state time series: state sets, state inserts, raw state datapoints and state aggregates.

A state time series (``type: "state"``, made by data modeling as a CogniteTimeSeries with a ``stateSet``) holds
datapoints whose value is one state of its state set: a ``(numericValue, stringValue)`` pair. State sets live on the
emulated project (``Project.state_sets``, keyed by the instance id of the state set); seed a series and its states
with :meth:`~cognite.client.testing.CDFEmulator.seed_state_time_series`.

Storage reuses the numeric series of :mod:`._datapoints`: the value stored is the numeric state (NaN, with the null
mask set, for a bad datapoint without a state); the string state is looked up in the state set when answering.

Wire (JSON only; a protobuf insert into a state series is refused, and a list request that reaches a state series
is answered in JSON even when it accepts protobuf):

- insert: ``{"timestamp", "numericValue"?, "stringValue"?, "status"?}``; the values must name one state of the set
  (both given: the same state); a datapoint without either needs a Bad status.
- raw: ``{"timestamp", "numericValue", "stringValue", "status"?}`` (no values for a bad datapoint stored without).
- aggregates ``stateCount``, ``stateTransitions``, ``stateDuration`` (and the common ``count``, ``countGood``,
  ``countUncertain``, ``countBad``, ``durationGood``, ``durationUncertain``, ``durationBad``); value aggregates
  (``average``, ``min``, ...) are refused. Bucketing as for numeric series; only buckets holding a datapoint are
  returned. Per bucket ``[a, b)``, ``stateAggregates`` lists the states with a non-zero requested value, sorted by
  ``numericValue``, with only the requested fields.

Definitions (a datapoint *has a state* when it has a value and is usable: good, or uncertain when
``treatUncertainAsBad`` is false; the series is step-wise, defined from its first to its last datapoint):

- ``stateCount``: datapoints in the bucket having that state; ``count``: datapoints in the bucket having a state.
- ``stateTransitions``: datapoints in the bucket having that state whose previous datapoint (in the whole series)
  does not have it: the very first datapoint, one after a datapoint without a state (bad), or after another state.
- ``stateDuration``: time in the bucket whose previous datapoint has that state (it carries over from earlier
  buckets); the time after a datapoint without a state belongs to no state.
- ``countGood/Uncertain/Bad`` and ``durationGood/Uncertain/Bad``: as for numeric series.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from cognite.client.testing._datapoints import (
    DEFAULT_LIMIT,
    Buckets,
    _Answer,
    _bad,
    _category,
    _ms,
    _np,
    _Series,
    _status_code,
    _symbol,
    _timezone,
    raw_rows,
)
from cognite.client.testing._errors import CDFError
from cognite.client.testing._store import _decode_cursor, _encode_cursor

if TYPE_CHECKING:
    from cognite.client.testing._datapoints import DatapointsStore

__all__ = [
    "COMMON_AGGREGATES",
    "MAX_STATES",
    "STATE_AGGREGATES",
    "StateAnswer",
    "StateSet",
    "reference_state_aggregates",
]

#: Most states in one state set.
MAX_STATES = 100
#: The aggregates of state series, per state (camelCase, as requested).
STATE_AGGREGATES: tuple[str, ...] = ("stateCount", "stateTransitions", "stateDuration")
#: The aggregates every time series has (``CommonAggregateFunctions`` of the spec).
COMMON_AGGREGATES: tuple[str, ...] = (
    "count", "countGood", "countUncertain", "countBad", "durationGood", "durationUncertain", "durationBad",
)  # fmt: skip
_STATUS_COUNTS = ("countGood", "countUncertain", "countBad")
_STATUS_DURATIONS = ("durationGood", "durationUncertain", "durationBad")


class StateSet:
    """The states of a state set: ``(numeric value, string value)`` pairs, both unique, at most 100.

    Args:
        states: The pairs, e.g. ``[(0, "off"), (1, "on")]``.

    Example:
        >>> from cognite.client.testing._states import StateSet
        >>> StateSet([(1, "on"), (0, "off")]).states
        [(0, 'off'), (1, 'on')]
    """

    def __init__(self, states: Iterable[tuple[int, str]]) -> None:
        pairs: list[tuple[Any, ...]] = [tuple(s) for s in states]
        if not 1 <= len(pairs) <= MAX_STATES:
            raise ValueError(f"A state set has 1 to {MAX_STATES} states, got {len(pairs)}")
        for pair in pairs:
            if len(pair) != 2:
                raise ValueError(f"A state is a (numeric value, string value) pair, got {pair!r}")
            num, text = pair
            if isinstance(num, bool) or not isinstance(num, int):
                raise ValueError(f"The numeric value of a state must be an int, got {num!r}")
            if not isinstance(text, str) or not text:
                raise ValueError(f"The string value of a state must be a non-empty str, got {text!r}")
        self.states: list[tuple[int, str]] = sorted((int(n), str(s)) for n, s in pairs)
        self.by_numeric: dict[int, str] = dict(self.states)
        self.by_string: dict[str, int] = {s: n for n, s in self.states}
        if len(self.by_numeric) < len(pairs) or len(self.by_string) < len(pairs):
            raise ValueError(f"The numeric and the string values of a state set must be unique: {self.states}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StateSet) and self.states == other.states

    def __repr__(self) -> str:
        return f"StateSet({self.states!r})"

    def numerics(self) -> Any:
        """The numeric values, sorted (a float64 array, as stored)."""
        np = _np()
        return np.array([n for n, _ in self.states], dtype=np.float64)


def is_state_series(target: Mapping[str, Any]) -> bool:
    """True for a time series of type ``state``."""
    return target.get("type") == "state"


def state_set_of(store: DatapointsStore, target: Mapping[str, Any]) -> StateSet:
    """The state set of a state time series (registered on its project)."""
    ref = target.get("stateSet") or {}
    found: StateSet | None = store.project.state_sets.get((str(ref.get("space")), str(ref.get("externalId"))))
    if found is None:
        name = series_name(target)
        raise CDFError(500, f"The state set {ref!r} of time series {name!r} is not known to the emulator")
    return found


def series_name(target: Mapping[str, Any]) -> Any:
    """How error messages name a time series: its external id, else its instance id, else its id."""
    if "externalId" in target:
        return target["externalId"]
    iid = target.get("instanceId")
    return f"{iid['space']}:{iid['externalId']}" if isinstance(iid, dict) else target["id"]


# ---------------------------------------------------------------------------------------------- insert


def parse_state_points(
    store: DatapointsStore, target: Mapping[str, Any], points: Sequence[Any] | None
) -> tuple[Any, Any, Any, Any]:
    """Validate the datapoints of one insert item into a state series against its state set.

    Args:
        store: The datapoints store.
        target: The time series.
        points: The JSON datapoints (None: the item came as protobuf, which cannot carry states).

    Returns:
        ``(timestamps, numeric states, status codes or None, null mask or None)`` as stored.
    """
    from cognite.client.utils._time import MAX_TIMESTAMP_MS, MIN_TIMESTAMP_MS

    np = _np()
    name = series_name(target)
    if points is None:
        raise _bad(f"Time series {name!r} is a state time series: insert its datapoints as JSON, not protobuf")
    states = state_set_of(store, target)
    ts, values, codes, nulls = [], [], [], []
    for p in points:
        if "value" in p:
            raise _bad(f"Time series {name!r} is a state time series: give numericValue and/or stringValue, not value")
        t = int(p["timestamp"])
        if not MIN_TIMESTAMP_MS <= t <= MAX_TIMESTAMP_MS:
            raise _bad(f"Timestamps of {name!r} must be between {MIN_TIMESTAMP_MS} and {MAX_TIMESTAMP_MS}")
        code = _status_code(p.get("status"))
        num, text = p.get("numericValue"), p.get("stringValue")
        if num is not None:
            if isinstance(num, bool) or not isinstance(num, int | float) or int(num) != num:
                raise _bad(f"Invalid numericValue {num!r} for state time series {name!r}")
            if int(num) not in states.by_numeric:
                raise _bad(f"numericValue {num!r} is not a state of the state set of {name!r}")
        if text is not None:
            if not isinstance(text, str) or text not in states.by_string:
                raise _bad(f"stringValue {text!r} is not a state of the state set of {name!r}")
            if num is not None and states.by_string[text] != int(num):
                raise _bad(f"numericValue {num!r} and stringValue {text!r} are different states of {name!r}")
            num = states.by_string[text]
        if num is None and not code >> 31:
            raise _bad(f"A datapoint of state time series {name!r} without a state must have a bad status: {p!r}")
        ts.append(t)
        values.append(math.nan if num is None else float(num))
        codes.append(code)
        nulls.append(num is None)
    arr_codes = np.array(codes, dtype=np.uint32) if any(codes) else None
    arr_null = np.array(nulls, dtype=bool) if any(nulls) else None
    return np.array(ts, dtype=np.int64), np.array(values, dtype=np.float64), arr_codes, arr_null


def has_state_fields(points: Sequence[Any]) -> bool:
    """True when JSON datapoints carry ``numericValue`` or ``stringValue`` (only state series take them)."""
    return any("numericValue" in p or "stringValue" in p for p in points)


# ---------------------------------------------------------------------------------------------- answers


class StateAnswer(_Answer):
    """One item of a list/latest answer of a state series (JSON only).

    Args:
        meta: The item's metadata.
        ts: Timestamps (raw) or bucket starts (aggregates).
        values: Numeric states (raw; NaN where a bad datapoint has none).
        aggregates: Common aggregate columns (aggregates).
        codes: Status codes (raw).
        null: Mask of datapoints without a state (raw).
        include_status: Show status codes.
        cursor: The next cursor.
        states: The state set.
        per_state: Aggregate -> (buckets x states) array, for the state aggregates asked for.
    """

    def __init__(
        self,
        meta: dict[str, Any],
        ts: Any,
        values: Any,
        aggregates: dict[str, Any] | None,
        codes: Any,
        null: Any,
        include_status: bool,
        cursor: str | None,
        states: StateSet,
        per_state: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(meta, ts, values, aggregates, codes, null, include_status, cursor)
        self.states = states
        self.per_state = per_state

    def json(self) -> dict[str, Any]:
        item = dict(self.meta)
        if self.cursor is not None:
            item["nextCursor"] = self.cursor
        ts = self.ts.tolist()
        if self.aggregates is not None:
            item["datapoints"] = self._aggregate_points(ts)
            return item
        values = self.values.tolist()
        nulls = self.null.tolist() if self.null is not None else None
        codes = self.codes.tolist() if self.codes is not None else None
        out = []
        for k, (t, v) in enumerate(zip(ts, values, strict=True)):
            point: dict[str, Any] = {"timestamp": t}
            if not (nulls and nulls[k]):
                point["numericValue"] = int(v)
                text = self.states.by_numeric.get(int(v))
                if text is not None:
                    point["stringValue"] = text
            if codes and codes[k]:
                point["status"] = {"code": codes[k], "symbol": _symbol(codes[k])}
            out.append(point)
        item["datapoints"] = out
        return item

    def _aggregate_points(self, ts: list[int]) -> list[dict[str, Any]]:
        assert self.aggregates is not None
        points: list[dict[str, Any]] = [{"timestamp": t} for t in ts]
        for name, col in self.aggregates.items():
            for p, v in zip(points, col.tolist(), strict=True):
                p[name] = int(v)
        if self.per_state:
            names = list(self.per_state)
            stacked = [self.per_state[n].tolist() for n in names]
            for b, p in enumerate(points):
                entries = []
                for k, (num, text) in enumerate(self.states.states):
                    row = [col[b][k] for col in stacked]
                    if any(row):
                        entry: dict[str, Any] = {"numericValue": num, "stringValue": text}
                        entry.update((n, int(v)) for n, v in zip(names, row, strict=True))
                        entries.append(entry)
                p["stateAggregates"] = entries
        return points

    def protobuf(self) -> bytes:
        raise AssertionError("State time series are answered in JSON only")  # dp_list offers no protobuf for them


def state_answer(store: DatapointsStore, q: Mapping[str, Any], target: dict[str, Any]) -> StateAnswer:
    """Answer one list query on a state series: raw state datapoints or state aggregates (see the module docstring).

    Args:
        store: The datapoints store.
        q: The query item (top-level defaults merged in).
        target: The time series.

    Returns:
        The answer.
    """
    if q.get("targetUnit") is not None or q.get("targetUnitSystem") is not None:
        raise _bad("State time series cannot be converted to other units")
    states = state_set_of(store, target)
    now = store.project.clock()
    start = _ms(q.get("start"), 0, now, "start")
    end = _ms(q.get("end"), now, now, "end")
    limit = q.get("limit", DEFAULT_LIMIT)
    uncertain_bad = bool(q.get("treatUncertainAsBad", True))
    data = store._data(target) or _Series(False)
    data.consolidate()
    meta = store._meta(target, None)
    if q.get("aggregates"):
        return _aggregate_answer(q, data, states, start, end, limit, uncertain_bad, meta)
    rows, cursor = raw_rows(data, q, start, end, limit)
    codes = None if data.codes is None else data.codes[rows]
    null = None if data.null is None else data.null[rows]
    include_status = bool(q.get("includeStatus", False))
    return StateAnswer(meta, data.ts[rows], data.values[rows], None, codes, null, include_status, cursor, states)


def latest_state_answer(
    store: DatapointsStore, target: dict[str, Any], data: _Series, rows: Any, include_status: bool, item: Any
) -> dict[str, Any]:
    """The JSON item of ``/timeseries/data/latest`` for a state series (``rows``: the latest datapoint, or none)."""
    if item.get("targetUnit") is not None or item.get("targetUnitSystem") is not None:
        raise _bad("State time series cannot be converted to other units")
    codes = None if data.codes is None else data.codes[rows]
    null = None if data.null is None else data.null[rows]
    answer = StateAnswer(
        store._meta(target, None), data.ts[rows], data.values[rows], None, codes, null, include_status, None,
        state_set_of(store, target),
    )  # fmt: skip
    return answer.json()


def _aggregate_answer(
    q: Mapping[str, Any],
    data: _Series,
    states: StateSet,
    start: int,
    end: int,
    limit: int,
    uncertain_bad: bool,
    meta: dict[str, Any],
) -> StateAnswer:
    np = _np()
    names = q["aggregates"]
    if q.get("includeOutsidePoints"):
        raise _bad("includeOutsidePoints is not supported for aggregates")
    if not isinstance(names, list):
        raise _bad(f"Invalid aggregates {names!r}")
    wrong = [n for n in names if n not in STATE_AGGREGATES and n not in COMMON_AGGREGATES]
    if wrong:
        raise _bad(
            f"Aggregates {wrong} are not supported for state time series; use {list(STATE_AGGREGATES)} "
            f"or {list(COMMON_AGGREGATES)}"
        )
    buckets = Buckets(start, str(q.get("granularity")), _timezone(q.get("timeZone")))
    lo = buckets.first
    if q.get("cursor") is not None:
        lo = max(lo, _decode_cursor(q["cursor"], "dp"))
    hi = buckets.align_end(end)
    t = data.ts
    i0, i1 = (int(x) for x in np.searchsorted(t, [lo, hi]))
    # The first limit + 1 buckets holding a datapoint, looking at a growing run of datapoints from lo.
    run = limit + 1
    while True:
        j = min(i1, i0 + run)
        found = np.unique(buckets.start_of(t[i0:j]))
        if len(found) > limit or j >= i1:
            break
        run *= 4
    cursor = None
    if len(found) > limit:
        cursor = _encode_cursor("dp", int(found[limit]))
        hi = int(found[limit])
    cats = _category(data.codes) if data.codes is not None else np.zeros(len(t), np.int8)
    usable = (cats == 0) if uncertain_bad else (cats < 2)
    if data.null is not None:
        usable &= ~data.null
    k_all = np.searchsorted(states.numerics(), data.values)
    k_all = np.where(usable, np.minimum(k_all, len(states.states) - 1), -1)
    starts, common, per_state = compute_state_aggregates(t, k_all, cats, len(states.states), lo, hi, buckets, names)
    return StateAnswer(meta, starts, None, common, None, None, False, cursor, states, per_state)


def compute_state_aggregates(
    t: Any, state: Any, cat: Any, n_states: int, lo: int, hi: int, buckets: Buckets, names: Sequence[str]
) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    """State and common aggregates of the buckets of ``[lo, hi)`` that hold a datapoint (see the module docstring).

    Args:
        t: All timestamps of the series (sorted).
        state: The state index (into the sorted state set) of every datapoint; -1 where it has no state.
        cat: The status category of every datapoint (0 good, 1 uncertain, 2 bad).
        n_states: The number of states of the set.
        lo: The first bucket's start.
        hi: The end (a bucket boundary).
        buckets: The bucketing.
        names: camelCase aggregates.

    Returns:
        ``(bucket starts, {common aggregate: column}, {state aggregate: buckets x states array})``.
    """
    np = _np()
    n = len(t)
    i0, i1 = (int(x) for x in np.searchsorted(t, [lo, hi]))
    t_w, s_w, c_w = t[i0:i1], state[i0:i1], cat[i0:i1]
    starts, counts = np.unique(buckets.start_of(t_w), return_counts=True)
    ends = buckets.end_of(starts)
    pos = np.repeat(np.arange(len(starts)), counts)
    n_b = len(starts)
    has = s_w >= 0
    common: dict[str, Any] = {}
    if "count" in names:
        common["count"] = np.bincount(pos[has], minlength=n_b)
    for c, name in enumerate(_STATUS_COUNTS):
        if name in names:
            common[name] = np.bincount(pos[c_w == c], minlength=n_b)
    # Durations need the datapoint before the window (what carries into it) and the one after (where it ends).
    a0, b0 = max(i0 - 1, 0), min(i1 + 1, n)
    t_s = t[a0:b0]
    if set(_STATUS_DURATIONS) & set(names):
        spans = _class_time(t_s, cat[a0:b0], 3, ends) - _class_time(t_s, cat[a0:b0], 3, starts)
        for c, name in enumerate(_STATUS_DURATIONS):
            if name in names:
                common[name] = spans[:, c]
    per_state: dict[str, Any] = {}
    flat = pos[has] * n_states + s_w[has]
    if "stateCount" in names:
        per_state["stateCount"] = np.bincount(flat, minlength=n_b * n_states).reshape(n_b, n_states)
    if "stateTransitions" in names:
        prev = state[i0 - 1 : i1 - 1] if i0 > 0 else np.concatenate(([-1], state[: max(i1 - 1, 0)]))
        moved = has & (s_w != prev[: len(s_w)])
        per_state["stateTransitions"] = np.bincount(
            pos[moved] * n_states + s_w[moved], minlength=n_b * n_states
        ).reshape(n_b, n_states)
    if "stateDuration" in names:
        s_s = state[a0:b0]
        per_state["stateDuration"] = _class_time(t_s, s_s, n_states, ends) - _class_time(t_s, s_s, n_states, starts)
    ordered = {name: per_state[name] for name in names if name in per_state}
    return starts, {name: common[name] for name in names if name in common}, ordered


def _class_time(t: Any, cls: Any, n_classes: int, x: Any) -> Any:
    """Per class, the time from ``t[0]`` to each ``x`` (clipped to ``[t[0], t[-1]]``) whose previous datapoint is of
    that class: a ``len(x) x n_classes`` int64 array (class -1 counts for none)."""
    np = _np()
    out = np.zeros((len(x), n_classes), dtype=np.int64)
    if len(t) < 2 or not len(x):
        return out
    x = np.clip(x, t[0], t[-1])
    seg = np.diff(t)
    i = np.clip(np.searchsorted(t, x, side="right") - 1, 0, len(t) - 2)
    seg_cls = cls[:-1]
    for k in np.unique(seg_cls[seg_cls >= 0]).tolist():
        where = np.flatnonzero(seg_cls == k)
        cum = np.concatenate(([0], np.cumsum(seg[where])))
        done = cum[np.searchsorted(where, i)]  # the whole segments of class k before segment i
        out[:, k] = done + np.where(seg_cls[i] == k, x - t[i], 0)
    return out


# ---------------------------------------------------------------------------------------------- reference


def reference_state_aggregates(
    points: Sequence[tuple[int, int | None, int]],
    lo: int,
    hi: int,
    bucket_bounds: Sequence[int],
    name: str,
    uncertain_as_bad: bool = True,
) -> dict[int, Any]:
    """A straightforward computation of one aggregate of a state series (the definitions of the module docstring),
    for tests.

    Args:
        points: ``(timestamp, numeric state or None, status code)`` sorted by timestamp.
        lo: Start of the query (a bucket boundary).
        hi: End of the query (a bucket boundary).
        bucket_bounds: Every bucket boundary from ``lo`` to ``hi``.
        name: The camelCase aggregate: a state aggregate or a common one.
        uncertain_as_bad: Treat uncertain datapoints as bad.

    Returns:
        Bucket start -> value for the buckets the emulator returns: ``{numeric state: value}`` (non-zero values only)
        for state aggregates, a number for common ones.
    """

    def cat(code: int) -> int:
        return min(code >> 30, 2)

    def state(point: tuple[int, int | None, int]) -> int | None:
        usable = cat(point[2]) == 0 or (cat(point[2]) == 1 and not uncertain_as_bad)
        return point[1] if usable else None

    out: dict[int, Any] = {}
    for a, b in itertools.pairwise(bucket_bounds):
        if a < lo or b > hi:
            continue
        inside = [k for k, p in enumerate(points) if a <= p[0] < b]
        if not inside:
            continue
        if name == "count":
            out[a] = sum(1 for k in inside if state(points[k]) is not None)
        elif name in _STATUS_COUNTS:
            out[a] = sum(1 for k in inside if cat(points[k][2]) == _STATUS_COUNTS.index(name))
        elif name in _STATUS_DURATIONS:
            wanted = _STATUS_DURATIONS.index(name)
            out[a] = sum(
                max(0, min(b, p1[0]) - max(a, p0[0])) for p0, p1 in itertools.pairwise(points) if cat(p0[2]) == wanted
            )
        else:
            per: dict[int, int] = {}
            if name == "stateCount":
                for k in inside:
                    if (s := state(points[k])) is not None:
                        per[s] = per.get(s, 0) + 1
            elif name == "stateTransitions":
                for k in inside:
                    s = state(points[k])
                    if s is not None and (k == 0 or state(points[k - 1]) != s):
                        per[s] = per.get(s, 0) + 1
            elif name == "stateDuration":
                for p0, p1 in itertools.pairwise(points):
                    s = state(p0)
                    overlap = max(0, min(b, p1[0]) - max(a, p0[0]))
                    if s is not None and overlap:
                        per[s] = per.get(s, 0) + overlap
            else:
                raise ValueError(f"Not an aggregate of state time series: {name!r}")
            out[a] = dict(sorted(per.items()))
    return out
