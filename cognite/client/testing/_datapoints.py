"""The emulator's datapoints: ``/timeseries/data`` (insert, list, latest, delete) and ``/timeseries/synthetic/query``.

Storage: per time series (keyed by its internal id in the time series store) sorted numpy arrays of timestamps,
values (float64, or object for strings) and status codes (uint32, only once a non-good code was written), plus a
mask of bad datapoints stored without a value. Appends in time order are kept as chunks and joined on the next read
(so inserting a long series in pieces stays linear); out-of-order inserts and overwrites (same timestamp: the
new datapoint wins) merge with a stable sort.

Reads: raw datapoints with ``limit``, cursors (the next timestamp), ``includeOutsidePoints``, status codes
(``includeStatus``, ``ignoreBadDataPoints``, ``treatUncertainAsBad``) and unit conversion for a few catalog units;
every aggregate of the spec at fixed granularities (s, m, h, d, w; aligned to the unit, in the ``timeZone`` for
hours and longer) and calendar ones (mo, q, y) in a time zone. Answers are JSON, or protobuf when the request
accepts ``application/protobuf``; inserts take either. State time series (``type: "state"``) are answered and
validated by :mod:`._states` (JSON only, state aggregates).

Aggregate definitions (a bucket is ``[a, b)``; only buckets holding a datapoint are returned; the datapoints used
are the good ones, plus uncertain ones when ``treatUncertainAsBad`` is false; ``f`` is the series interpolated
linearly between datapoints, or stepwise for step series, defined from the first to the last datapoint). With
``ignoreBadDataPoints`` false, bad datapoints (and uncertain ones treated as bad) cut ``f``, as the spec describes:
from the previous usable datapoint up to a bad one ``f`` holds that datapoint's value, and from the bad datapoint to
the next usable one ``f`` is undefined; ``totalVariation`` then skips the differences across such a cut.

- ``count``, ``sum``, ``min``, ``max``, ``discreteVariance`` (population variance): over the datapoints in the bucket;
  ``maxDatapoint``/``minDatapoint``: the first datapoint with that value.
- ``average``: the time-weighted mean of ``f`` over the part of the bucket where ``f`` is defined; the plain mean
  when that part has no length. ``continuousVariance``: the time-weighted variance of ``f`` likewise.
- ``interpolation`` / ``stepInterpolation``: ``f`` (linear; stepwise for step series) / the last value at or before
  ``a``; the first value of the bucket when there is no datapoint before ``a``.
- ``totalVariation``: the sum of absolute differences between consecutive datapoints inside the bucket.
- ``countGood/Uncertain/Bad``: datapoints of each status category in the bucket (whatever they are treated as);
  ``durationGood/Uncertain/Bad``: time in the bucket whose previous datapoint has that category.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from cognite.client._datapoints import _protobuf as pb
from cognite.client.testing import _unit_catalog
from cognite.client.testing._errors import CDFError
from cognite.client.testing._families_subscriptions import record_datapoint_change
from cognite.client.testing._media import BinaryBody, Negotiated
from cognite.client.testing._store import Family, ResourceStore, _decode_cursor, _encode_cursor
from cognite.client.testing._synthetic import SeriesData, SeriesRef, _time, synthetic_query

if TYPE_CHECKING:
    pass

__all__ = ["DATAPOINTS", "DatapointsStore", "reference_aggregates"]

RAW_LIMIT = 100_000  # datapoints per list request, across items
AGG_LIMIT = 10_000  # aggregate datapoints per list request, across items
QUERY_ITEMS = 100  # items per list/latest request
INSERT_ITEMS = 10_000  # items per insert/delete request
INSERT_POINTS = 100_000  # datapoints per insert request, across items
DEFAULT_LIMIT = 100
MAX_ABS_VALUE = 1e100
PROTOBUF = "application/protobuf"

GOOD, UNCERTAIN, BAD = 0, 0x40000000, 0x80000000
_SYMBOLS = {"Good": GOOD, "Uncertain": UNCERTAIN, "Bad": BAD}
_SYMBOLS.update({"GoodClamped": 0x300000, "UncertainLastUsableValue": 0x40900000, "BadNoData": 0x809B0000})
_CODE_SYMBOLS = {v: k for k, v in _SYMBOLS.items()}
_SPECIAL_VALUES = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}

# Unit conversion: catalog unit -> (quantity, factor, offset) so that base = value * factor + offset; unit system ->
# quantity -> default unit. Both come from the unit catalog the units endpoints serve (one table).
_UNITS: dict[str, tuple[str, float, float]] = _unit_catalog.CONVERSIONS
_UNIT_SYSTEMS: dict[str, dict[str, str]] = _unit_catalog.SYSTEM_DEFAULTS
_VALUE_AGGREGATES = frozenset(pb.AGGREGATE_FIELDS) - {
    "countGood", "countUncertain", "countBad", "durationGood", "durationUncertain", "durationBad",
}  # fmt: skip
_INT_AGGREGATES = frozenset(
    {"count", "countGood", "countUncertain", "countBad", "durationGood", "durationUncertain", "durationBad"}
)


def _bad(message: str, **kwargs: Any) -> CDFError:
    """A 400 error; the spec's 400 body of the datapoints endpoints always has ``missing``."""
    if "missing" not in kwargs:
        kwargs["extra"] = {**kwargs.get("extra", {}), "missing": []}
    return CDFError(400, message, **kwargs)


def _ms(value: Any, default: int, now: int, name: str) -> int:
    try:
        return _time(value, default, now, name)
    except CDFError as err:
        raise _bad(err.message) from None


def _np() -> Any:
    try:
        import numpy
    except ImportError:  # pragma: no cover - the emulator's datapoints need numpy
        raise CDFError(501, "The emulator serves datapoints only when numpy is installed") from None
    return numpy


def _category(codes: Any) -> Any:
    """0 good, 1 uncertain, 2 bad (codes with the top bit set)."""
    np = _np()
    return np.minimum(codes >> np.uint32(30), 2).astype(np.int8)


# ---------------------------------------------------------------------------------------------- one series


class _Series:
    """The datapoints of one time series, sorted by timestamp."""

    def __init__(self, is_string: bool) -> None:
        np = _np()
        self.is_string = is_string
        self.ts = np.empty(0, dtype=np.int64)
        self.values = np.empty(0, dtype=object if is_string else np.float64)
        self.codes: Any = None  # uint32 array once a non-good code was stored
        self.null: Any = None  # bool array once a value-less datapoint was stored
        self._chunks: list[tuple[Any, Any, Any, Any]] = []

    def _columns(self, n: int, codes: Any, null: Any) -> tuple[Any, Any]:
        np = _np()
        return (np.zeros(n, np.uint32) if codes is None else codes), (np.zeros(n, bool) if null is None else null)

    def consolidate(self) -> None:
        """Join appended chunks into the arrays."""
        if not self._chunks:
            return
        np = _np()
        parts = [(self.ts, self.values, self.codes, self.null), *self._chunks]
        self._chunks = []
        any_codes = any(p[2] is not None for p in parts)
        any_null = any(p[3] is not None for p in parts)
        self.ts = np.concatenate([p[0] for p in parts])
        self.values = np.concatenate([p[1] for p in parts])
        self.codes = np.concatenate([self._columns(len(p[0]), p[2], p[3])[0] for p in parts]) if any_codes else None
        self.null = np.concatenate([self._columns(len(p[0]), p[2], p[3])[1] for p in parts]) if any_null else None

    def last_ts(self) -> int | None:
        if self._chunks:
            return int(self._chunks[-1][0][-1])
        return int(self.ts[-1]) if len(self.ts) else None

    def insert(self, ts: Any, values: Any, codes: Any, null: Any) -> None:
        """Insert datapoints (any order; a timestamp given twice or already stored takes the last value)."""
        np = _np()
        if not len(ts):
            return
        ordered = bool((ts[1:] > ts[:-1]).all())
        last = self.last_ts()
        if ordered and (last is None or ts[0] > last):
            self._chunks.append((ts, values, codes, null))
            return
        self.consolidate()
        n_old = len(self.ts)
        all_ts = np.concatenate([self.ts, ts])
        order = np.argsort(all_ts, kind="stable")
        sorted_ts = all_ts[order]
        keep = np.ones(len(order), dtype=bool)
        keep[:-1] = sorted_ts[1:] != sorted_ts[:-1]  # the last of equal timestamps (the newest) wins
        pick = order[keep]
        old_codes, old_null = self._columns(n_old, self.codes, self.null)
        new_codes, new_null = self._columns(len(ts), codes, null)
        self.ts = sorted_ts[keep]
        self.values = np.concatenate([self.values, values])[pick]
        if self.codes is not None or codes is not None:
            self.codes = np.concatenate([old_codes, new_codes])[pick]
        if self.null is not None or null is not None:
            self.null = np.concatenate([old_null, new_null])[pick]

    def delete(self, begin: int, end: int) -> None:
        """Remove the datapoints in ``[begin, end)``."""
        np = _np()
        self.consolidate()
        i, j = np.searchsorted(self.ts, [begin, end])
        if i == j:
            return
        keep = np.r_[0:i, j : len(self.ts)]
        self.ts, self.values = self.ts[keep], self.values[keep]
        if self.codes is not None:
            self.codes = self.codes[keep]
        if self.null is not None:
            self.null = self.null[keep]

    def usable(self, ignore_bad: bool, uncertain_as_bad: bool) -> Any:
        """Indexes of the datapoints a query uses (None: all of them)."""
        np = _np()
        self.consolidate()
        if self.codes is None or not ignore_bad:
            return None
        cat = _category(self.codes)
        ok = cat == 0 if uncertain_as_bad else cat < 2
        return None if ok.all() else np.flatnonzero(ok)


# ---------------------------------------------------------------------------------------------- bucketing


def _granularity(text: Any) -> tuple[int, str]:
    from cognite.client.utils._time import parse_granularity

    if not isinstance(text, str):
        raise _bad("granularity is required with aggregates")
    try:
        mult, unit = parse_granularity(text)
    except ValueError as err:
        raise _bad(str(err)) from None
    top = 120 if unit in ("s", "m") else 100_000
    if mult > top:
        raise _bad(f"Invalid granularity {text!r}: the multiple of '{unit}' must be at most {top}")
    return mult, unit


def _timezone(text: Any) -> dt.tzinfo:
    from cognite.client.utils._time import parse_str_timezone

    if text is None:
        return dt.timezone.utc
    if not isinstance(text, str):
        raise _bad(f"Invalid timeZone {text!r}")
    try:
        return parse_str_timezone(text)
    except (ValueError, TypeError) as err:
        raise _bad(f"Invalid timeZone {text!r}: {err}") from None


_FIXED_MS = {"s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000}
_MONTHS = {"mo": 1, "q": 3, "y": 12}
_WEEK_ORIGIN = 4 * 86_400_000  # 1970-01-05, a Monday


def _usable_neighbour(data: Any, i: int, step: int, uncertain_bad: bool) -> int:
    """The index of the first datapoint value aggregates may use, from ``i`` on in direction ``step`` (clamped to the
    series): interpolating aggregates need the nearest usable datapoint on each side of a window."""
    n = len(data.ts)
    while 0 <= i < n:
        bad = data.null is not None and bool(data.null[i])
        if not bad and data.codes is not None:
            cat = int(_category(data.codes[i : i + 1])[0])
            bad = cat == 2 or (uncertain_bad and cat == 1)
        if not bad:
            return i
        i += step
    return max(0, min(i, n - 1)) if step > 0 else 0


class Buckets:
    """The aggregate intervals of one query: ``start_of(ts)`` and ``end_of(starts)``, both in UTC ms.

    Args:
        start: The query start (ms); the first bucket starts at it rounded down to the granularity unit.
        granularity: E.g. ``"2h"``, ``"1mo"``.
        tz: The time zone; for hours and longer, buckets are aligned in local time.
    """

    def __init__(self, start: int, granularity: str, tz: dt.tzinfo) -> None:
        self.mult, self.unit = _granularity(granularity)
        self.tz = tz
        fixed_offset = tz.utcoffset(None) if isinstance(tz, dt.timezone) else None
        self.offset = 0
        if self.unit in ("s", "m"):
            self.tz = dt.timezone.utc
        elif fixed_offset is not None:
            self.offset = int(fixed_offset.total_seconds() * 1000)
        self.calendar = self.unit in _MONTHS or (self.tz.utcoffset(None) is None and self.unit != "h")
        if self.unit == "h" and not isinstance(self.tz, dt.timezone):
            self.offset = 0  # whole-hour zones: hours align as in UTC
        if self.calendar:
            self.first = self._local_floor(start)
        else:
            unit_ms = _FIXED_MS[self.unit]
            origin = _WEEK_ORIGIN if self.unit == "w" else 0
            local = start + self.offset
            self.first = local - (local - origin) % unit_ms - self.offset
            self.width = unit_ms * self.mult

    # calendar helpers
    def _local(self, ms: int) -> dt.datetime:
        return dt.datetime.fromtimestamp(ms / 1000, tz=dt.timezone.utc).astimezone(self.tz)

    def _to_ms(self, local: dt.datetime) -> int:
        return int(local.replace(tzinfo=self.tz).timestamp() * 1000)

    def _local_floor(self, ms: int) -> int:
        loc = self._local(ms)
        if self.unit in _MONTHS:
            month = (loc.month - 1) // _MONTHS[self.unit] * _MONTHS[self.unit] + 1
            return self._to_ms(dt.datetime(loc.year, month, 1))
        day = dt.datetime(loc.year, loc.month, loc.day)
        if self.unit == "w":
            day -= dt.timedelta(days=day.weekday())
        return self._to_ms(day)

    def _step(self, ms: int, k: int) -> int:
        """The boundary ``k`` buckets after the bucket boundary ``ms``."""
        loc = self._local(ms).replace(tzinfo=None)
        if self.unit in _MONTHS:
            months = loc.year * 12 + loc.month - 1 + k * self.mult * _MONTHS[self.unit]
            return self._to_ms(dt.datetime(months // 12, months % 12 + 1, 1))
        days = k * self.mult * (7 if self.unit == "w" else 1)
        return self._to_ms(loc + dt.timedelta(days=days))

    def start_of(self, ts: Any) -> Any:
        """The start of the bucket of each timestamp (ts >= the query start)."""
        np = _np()
        if not self.calendar:
            return ts - (ts - self.first) % self.width
        if not len(ts):
            return ts
        bounds = [self.first]
        last = int(ts[-1])
        while bounds[-1] <= last:
            bounds.append(self._step(bounds[-1], 1))
        b = np.array(bounds, dtype=np.int64)
        return b[np.searchsorted(b, ts, side="right") - 1]

    def end_of(self, starts: Any) -> Any:
        """The end of each bucket."""
        np = _np()
        if not self.calendar:
            return starts + self.width
        return np.array([self._step(int(s), 1) for s in starts], dtype=np.int64)

    def boundary_after(self, ms: int, k: int) -> int:
        """The bucket boundary ``k`` buckets after the boundary ``ms``."""
        return ms + k * self.width if not self.calendar else self._step(ms, k)

    def align_end(self, end: int) -> int:
        """The query end rounded up to a whole bucket."""
        if not self.calendar:
            return self.first + -(-(end - self.first) // self.width) * self.width
        b = self.first
        while b < end:
            b = self._step(b, 1)
        return b


# ---------------------------------------------------------------------------------------------- aggregates


def _integral(t: Any, v: Any, step: bool, x: Any, squared: bool = False, gap: Any = None) -> Any:
    """The integral of the interpolated series (or of its square) from ``t[0]`` to each ``x`` (clipped to the data).

    ``gap[k]`` marks the segment from ``t[k]`` to ``t[k + 1]`` as undefined: it adds nothing.
    """
    np = _np()
    if len(t) < 2:
        return np.zeros(len(x))
    x = np.clip(x, t[0], t[-1])
    dt_ = np.diff(t).astype(np.float64)
    a, b = v[:-1], v[1:]
    if step:
        seg = dt_ * (a * a if squared else a)
    else:
        seg = dt_ * ((a * a + a * b + b * b) / 3 if squared else (a + b) / 2)
    if gap is not None:
        seg = np.where(gap[:-1], 0.0, seg)
    cum = np.concatenate(([0.0], np.cumsum(seg)))
    i = np.clip(np.searchsorted(t, x, side="right") - 1, 0, len(t) - 2)
    dx = (x - t[i]).astype(np.float64)
    vi = v[i]
    if step:
        part = dx * (vi * vi if squared else vi)
    else:
        vx = vi + (v[i + 1] - vi) * dx / (t[i + 1] - t[i])
        part = dx * ((vi * vi + vi * vx + vx * vx) / 3 if squared else (vi + vx) / 2)
    if gap is not None:
        part = np.where(gap[i], 0.0, part)
    return cum[i] + part


def _knots(t_all: Any, v_all: Any, usable: Any, keep_bad: bool) -> tuple[Any, Any, Any]:
    """The points that define ``f``: ``(timestamps, values, gap)``.

    Ignoring bad datapoints, they are the usable datapoints and nothing is a gap. Keeping them, the first bad datapoint
    after a usable one is a knot too: it holds the previous value (``f`` is constant up to it) and starts a gap that
    lasts until the next usable datapoint (``gap[k]``: the segment after knot ``k`` is undefined).
    """
    np = _np()
    if not keep_bad or bool(usable.all()):
        return t_all[usable], v_all[usable], None
    prev_ok = np.concatenate(([False], usable[:-1]))
    knot = usable | prev_ok
    last_ok = np.maximum.accumulate(np.where(usable, np.arange(len(usable)), -1))
    return t_all[knot], v_all[last_ok[knot]], ~usable[knot]


def _category_durations(t: Any, cat: Any, x: Any) -> list[Any]:
    """Per category, the time from ``t[0]`` to each ``x`` during which the previous datapoint had that category."""
    np = _np()
    out = []
    if len(t) < 2:
        return [np.zeros(len(x)) for _ in range(3)]
    x = np.clip(x, t[0], t[-1])
    seg = np.diff(t)
    i = np.clip(np.searchsorted(t, x, side="right") - 1, 0, len(t) - 2)
    for c in range(3):
        mine = np.where(cat[:-1] == c, seg, 0)
        cum = np.concatenate(([0], np.cumsum(mine)))
        out.append(cum[i] + np.where(cat[i] == c, x - t[i], 0))
    return out


def compute_aggregates(
    t_all: Any,
    v_all: Any,
    cat_all: Any,
    usable: Any,
    lo: int,
    hi: int,
    buckets: Buckets,
    names: Sequence[str],
    is_step: bool,
    keep_bad: bool = False,
) -> tuple[Any, dict[str, Any], Any]:
    """Aggregates of the buckets of ``[lo, hi)`` that hold a datapoint (see the module docstring).

    Args:
        t_all: All timestamps of the series (sorted).
        v_all: All values (float; NaN where a bad datapoint has none).
        cat_all: Status category of every datapoint (0 good, 1 uncertain, 2 bad).
        usable: Mask of the datapoints value aggregates use.
        lo: The first bucket's start.
        hi: The end (a bucket boundary).
        buckets: The bucketing.
        names: camelCase aggregates.
        is_step: Step series.
        keep_bad: ``ignoreBadDataPoints`` is false: bad datapoints cut ``f`` (see the module docstring).

    Returns:
        ``(bucket starts, {aggregate: column}, index of each bucket's first datapoint)``.
    """
    np = _np()
    t_u, v_u = t_all[usable], v_all[usable]
    in_u = slice(*np.searchsorted(t_u, [lo, hi]))
    value_aggs = [n for n in names if n in _VALUE_AGGREGATES]
    if value_aggs:
        t_r = t_u[in_u]
    else:
        t_r = t_all[slice(*np.searchsorted(t_all, [lo, hi]))]
    bstart = buckets.start_of(t_r)
    starts, first, counts = np.unique(bstart, return_index=True, return_counts=True)
    ends = buckets.end_of(starts)
    out: dict[str, Any] = {}
    if value_aggs and len(starts):
        v_r = v_u[in_u]
        bidx = np.repeat(np.arange(len(starts)), counts)
        sums = np.add.reduceat(v_r, first)
        means = sums / counts
        if "count" in names:
            out["count"] = counts.astype(np.float64)
        if "sum" in names:
            out["sum"] = sums
        if "max" in names or "maxDatapoint" in names:
            out["max"] = np.maximum.reduceat(v_r, first)
        if "min" in names or "minDatapoint" in names:
            out["min"] = np.minimum.reduceat(v_r, first)
        for name, ref in (("maxDatapoint", "max"), ("minDatapoint", "min")):
            if name in names:
                hits = np.flatnonzero(v_r == out[ref][bidx])
                _, pos = np.unique(bidx[hits], return_index=True)
                out[name] = hits[pos] + in_u.start  # indexes into the usable arrays; resolved by the caller
        if "discreteVariance" in names:
            out["discreteVariance"] = np.add.reduceat((v_r - means[bidx]) ** 2, first) / counts
        if {"average", "continuousVariance", "interpolation", "stepInterpolation"} & set(names):
            kt, kv, gap = _knots(t_all, v_all, usable, keep_bad)
        if {"average", "continuousVariance"} & set(names):
            ones = np.ones(len(kt))
            span = _integral(kt, ones, True, ends, gap=gap) - _integral(kt, ones, True, starts, gap=gap)
            has = span > 0
            safe = np.where(has, span, 1.0)
            area = _integral(kt, kv, is_step, ends, gap=gap) - _integral(kt, kv, is_step, starts, gap=gap)
            avg = np.where(has, area / safe, means)
            if "average" in names:
                out["average"] = avg
            if "continuousVariance" in names:
                sq = _integral(kt, kv, is_step, ends, True, gap) - _integral(kt, kv, is_step, starts, True, gap)
                discrete = np.add.reduceat((v_r - means[bidx]) ** 2, first) / counts
                out["continuousVariance"] = np.where(has, np.maximum(sq / safe - avg * avg, 0.0), discrete)
        first_values = v_r[first]
        if {"interpolation", "stepInterpolation"} & set(names):
            k = np.searchsorted(kt, starts, side="right") - 1
            defined = k >= 0
            if gap is not None:
                defined &= ~gap[np.maximum(k, 0)]
            held = np.where(defined, kv[np.maximum(k, 0)], first_values)
            if "interpolation" in names:
                out["interpolation"] = held if is_step else np.where(defined, np.interp(starts, kt, kv), first_values)
            if "stepInterpolation" in names:
                out["stepInterpolation"] = held
        if "totalVariation" in names:
            same = bidx[1:] == bidx[:-1]
            if keep_bad:
                bad_before = np.cumsum(~usable)[usable][in_u]
                same &= bad_before[1:] == bad_before[:-1]
            tv = np.abs(np.diff(v_r)) * same
            out["totalVariation"] = np.bincount(bidx[1:], weights=tv, minlength=len(starts))
        for name in ("max", "min"):
            if name not in names and name in out:
                del out[name]
    status_aggs = [n for n in names if n not in _VALUE_AGGREGATES]
    if status_aggs and len(starts):
        window = slice(*np.searchsorted(t_all, [lo, hi]))
        t_w, c_w = t_all[window], cat_all[window]
        pos = np.searchsorted(starts, buckets.start_of(t_w))
        pos = np.minimum(pos, len(starts) - 1)
        member = starts[pos] == buckets.start_of(t_w)
        for c, name in enumerate(("countGood", "countUncertain", "countBad")):
            if name in names:
                out[name] = np.bincount(pos[member & (c_w == c)], minlength=len(starts)).astype(np.float64)
        if {"durationGood", "durationUncertain", "durationBad"} & set(names):
            g_hi = _category_durations(t_all, cat_all, ends)
            g_lo = _category_durations(t_all, cat_all, starts)
            for c, name in enumerate(("durationGood", "durationUncertain", "durationBad")):
                if name in names:
                    out[name] = (g_hi[c] - g_lo[c]).astype(np.float64)
    return starts, out, first


def reference_aggregates(
    points: Sequence[tuple[int, float, int]],
    lo: int,
    hi: int,
    bucket_bounds: Sequence[int],
    name: str,
    is_step: bool = False,
    uncertain_as_bad: bool = True,
    ignore_bad: bool = True,
) -> dict[int, float]:
    """A straightforward computation of one aggregate (the definitions of the module docstring), for tests.

    Args:
        points: ``(timestamp, value, status code)`` sorted by timestamp.
        lo: Start of the query (a bucket boundary).
        hi: End of the query (a bucket boundary).
        bucket_bounds: Every bucket boundary from ``lo`` to ``hi``.
        name: The camelCase aggregate.
        is_step: Step series.
        uncertain_as_bad: Treat uncertain datapoints as bad.
        ignore_bad: Bad datapoints do not exist (``ignoreBadDataPoints``); otherwise they cut the series.

    Returns:
        Bucket start -> value, for the buckets the emulator returns.
    """

    def cat(code: int) -> int:
        return min(code >> 30, 2)

    def ok(code: int) -> bool:
        return cat(code) == 0 or (cat(code) == 1 and not uncertain_as_bad)

    # (timestamp, value, usable): the datapoints f is built from
    pts = [(t, v, ok(c)) for t, v, c in points if ok(c) or not ignore_bad]
    use = [(t, v) for t, v, good in pts if good]

    def line(x: float, step: bool) -> tuple[float, float, float] | None:
        """``(t0, v0, slope)`` with ``f = v0 + slope * (y - t0)`` around ``x`` (at and right after it); None where the
        series is undefined."""
        goods = [(t, v) for t, v, good in pts if good and t <= x]
        if not goods:
            return None
        g_t, g_v = goods[-1]
        if any(not good and g_t < t <= x for t, _, good in pts):
            return None  # from a bad datapoint to the next usable one
        after = [(t, v, good) for t, v, good in pts if t > x]
        if not after:
            return (g_t, g_v, 0.0) if x == g_t else None
        n_t, n_v, n_good = after[0]
        if step or not n_good:
            return g_t, g_v, 0.0  # step series, or held up to a bad datapoint
        return g_t, g_v, (n_v - g_v) / (n_t - g_t)

    def f(x: int, step: bool) -> float | None:
        found = line(x, step)
        return None if found is None else found[1] + found[2] * (x - found[0])

    def pieces(a: int, b: int) -> list[tuple[int, int, float, float]]:
        """The defined pieces of ``[a, b]`` between datapoints, with ``f`` at both ends (the limits from inside)."""
        bounds = sorted({a, b} | {t for t, _, _ in pts if a < t < b})
        found = []
        for s, e in itertools.pairwise(bounds):
            here = line((s + e) / 2, is_step)
            if here is not None:
                t0, v0, slope = here
                found.append((s, e, v0 + slope * (s - t0), v0 + slope * (e - t0)))
        return found

    out: dict[int, float] = {}
    status_only = name in (
        "countGood",
        "countUncertain",
        "countBad",
        "durationGood",
        "durationUncertain",
        "durationBad",
    )
    for a, b in itertools.pairwise(bucket_bounds):
        if a < lo or b > hi:
            continue
        inside = [(t, v) for t, v in use if a <= t < b]
        everything = [(t, v, c) for t, v, c in points if a <= t < b]
        if not (everything if status_only else inside):
            continue
        values = [v for _, v in inside]
        if name.startswith("count") and name != "count":
            wanted = {"countGood": 0, "countUncertain": 1, "countBad": 2}[name]
            out[a] = float(sum(1 for _, _, c in everything if cat(c) == wanted))
            continue
        if name.startswith("duration"):
            wanted = {"durationGood": 0, "durationUncertain": 1, "durationBad": 2}[name]
            total = 0
            for (t0, _, c0), (t1, _, _) in itertools.pairwise(points):
                if cat(c0) == wanted:
                    total += max(0, min(b, t1) - max(a, t0))
            out[a] = float(total)
            continue
        n = len(values)
        mean = sum(values) / n
        if name == "count":
            out[a] = float(n)
        elif name == "sum":
            out[a] = sum(values)
        elif name == "max":
            out[a] = max(values)
        elif name == "min":
            out[a] = min(values)
        elif name == "discreteVariance":
            out[a] = sum((v - mean) ** 2 for v in values) / n
        elif name in ("average", "continuousVariance"):
            parts = pieces(a, b)
            length = sum(e - s for s, e, _, _ in parts)
            if length > 0:
                avg = sum((e - s) * (y1 + y2) / 2 for s, e, y1, y2 in parts) / length
                square = sum((e - s) * (y1 * y1 + y1 * y2 + y2 * y2) / 3 for s, e, y1, y2 in parts) / length
                out[a] = avg if name == "average" else max(square - avg * avg, 0.0)
            else:
                out[a] = mean if name == "average" else sum((v - mean) ** 2 for v in values) / n
        elif name in ("interpolation", "stepInterpolation"):
            at = f(a, is_step or name == "stepInterpolation")
            out[a] = values[0] if at is None else at
        elif name == "totalVariation":
            variation, prev = 0.0, None
            for t, v, good in pts:
                if not a <= t < b:
                    continue
                if good and prev is not None:
                    variation += abs(v - prev)
                prev = v if good else None
            out[a] = variation
    return out


# ---------------------------------------------------------------------------------------------- the store


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _status_code(status: Any) -> int:
    if status is None:
        return GOOD
    if not isinstance(status, dict):
        raise _bad(f"Invalid status {status!r}")
    code, symbol = status.get("code"), status.get("symbol")
    if symbol is not None:
        if symbol not in _SYMBOLS:
            raise _bad(f"Unknown status symbol {symbol!r}")
        if code is not None and code != _SYMBOLS[symbol]:
            raise _bad(f"Status code {code} and symbol {symbol!r} do not match")
        return _SYMBOLS[symbol]
    if code is None:
        return GOOD
    if not _is_number(code) or int(code) != code or not 0 <= code < 2**32:
        raise _bad(f"Invalid status code {code!r}")
    return int(code)


def _symbol(code: int) -> str:
    return _CODE_SYMBOLS.get(code) or ("Good", "Uncertain", "Bad", "Bad")[code >> 30]


def _convert(values: Any, unit: str | None, target: str | None, system: str | None) -> tuple[Any, str | None]:
    """Values converted to a target unit (or unit system); the unit external id of the result."""
    if target is None and system is None:
        return values, unit
    if unit not in _UNITS:
        raise _bad(f"Cannot convert: the time series unit {unit!r} is not a unit the emulator converts")
    quantity, factor, offset = _UNITS[unit]
    if system is not None:
        if system not in _UNIT_SYSTEMS:
            raise _bad(f"Unknown unit system {system!r}")
        target = _UNIT_SYSTEMS[system][quantity]
    assert target is not None
    if target not in _UNITS or _UNITS[target][0] != quantity:
        raise _bad(f"Cannot convert {unit!r} to {target!r}")
    _, t_factor, t_offset = _UNITS[target]
    return (values * factor + offset - t_offset) / t_factor, target


def raw_rows(data: _Series, q: Mapping[str, Any], start: int, end: int, limit: int) -> tuple[Any, str | None]:
    """The rows of a raw query on one series: the datapoints in ``[start, end)`` from the cursor on, at most ``limit``,
    with the datapoints just outside when ``includeOutsidePoints``; and the cursor of the next page (or None).

    Args:
        data: The series.
        q: The query item (``cursor``, ``includeOutsidePoints``, ``ignoreBadDataPoints``, ``treatUncertainAsBad``).
        start: Start (ms).
        end: End (ms).
        limit: The most datapoints to answer.

    Returns:
        ``(row indexes into the series, next cursor)``.
    """
    np = _np()
    idx = data.usable(bool(q.get("ignoreBadDataPoints", True)), bool(q.get("treatUncertainAsBad", True)))
    ts = data.ts if idx is None else data.ts[idx]
    lo = start
    outside = bool(q.get("includeOutsidePoints"))
    if q.get("cursor") is not None:
        if outside:
            raise _bad("includeOutsidePoints cannot be combined with a cursor")
        lo = max(lo, _decode_cursor(q["cursor"], "dp"))
    i, j = (int(x) for x in np.searchsorted(ts, [lo, end]))
    cursor = None
    j_out = j
    if j - i > limit:
        cursor = _encode_cursor("dp", int(ts[i + limit]))
        j_out = i + limit
    picks = np.arange(i, j_out)
    if outside:
        before = [i - 1] if i > 0 else []
        after = [j] if j < len(ts) else []
        picks = np.concatenate([np.array(before, np.int64), picks, np.array(after, np.int64)])
        cursor = None
    return (picks if idx is None else idx[picks]), cursor


class DatapointsStore(ResourceStore):
    """The datapoints of one project, keyed by time series id (the time series live in the ``timeseries`` store)."""

    def __init__(self, family: Family, project: Any) -> None:
        super().__init__(family, project)
        self.series: dict[int, _Series] = {}

    # ----------------------------------------------------------------- helpers
    def _timeseries(self, refs: Sequence[Any], ignore_unknown: bool) -> list[dict[str, Any] | None]:
        ts_store = self.project.store("timeseries")
        found: list[dict[str, Any] | None] = []
        missing = []
        for ref in refs:
            ident = {k: ref[k] for k in ("id", "externalId", "instanceId") if isinstance(ref, dict) and k in ref}
            if len(ident) != 1:
                raise _bad(f"Each item needs exactly one of id, externalId and instanceId: {ref!r}")
            item = ts_store.get(ident)
            if item is None and not ignore_unknown:
                missing.append(ident)
            found.append(item)
        if missing:
            unique = [dict(t) for t in {tuple(sorted((k, str(v)) for k, v in m.items())): m for m in missing}.values()]
            raise _bad("Time series not found", missing=unique if len(unique) == len(missing) else missing)
        return found

    def _data(self, ts_item: dict[str, Any], create: bool = False) -> _Series | None:
        data = self.series.get(ts_item["id"])
        if data is None and create:
            data = self.series[ts_item["id"]] = _Series(bool(ts_item.get("isString")))
        return data

    @staticmethod
    def _meta(ts_item: dict[str, Any], unit_external_id: str | None) -> dict[str, Any]:
        meta: dict[str, Any] = {"id": ts_item["id"]}
        for key in ("externalId", "instanceId"):
            if key in ts_item:
                meta[key] = ts_item[key]
        meta["isString"] = bool(ts_item.get("isString"))
        meta["isStep"] = bool(ts_item.get("isStep"))
        meta["type"] = "state" if ts_item.get("type") == "state" else "string" if meta["isString"] else "numeric"
        if ts_item.get("unit") is not None:
            meta["unit"] = ts_item["unit"]
        if unit_external_id is not None:
            meta["unitExternalId"] = unit_external_id
        return meta

    # ----------------------------------------------------------------- insert
    def dp_insert(self, path: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /timeseries/data`` (JSON or protobuf); all or nothing."""
        np = _np()
        parsed: list[tuple[dict[str, Any], Any, Any, Any, Any, bool]] = []  # ident, ts, values, codes, null, string
        raw_points: list[Any] = []  # the JSON datapoints of each item (None for protobuf): state series parse them
        if isinstance(body, BinaryBody):
            for ident, cols, is_string in pb.decode_insert_request(body.content):
                codes = None if cols.status_code is None else np.asarray(cols.status_code, np.uint32)
                null = None
                if cols.null:
                    null = np.zeros(len(cols.timestamp), bool)
                    null[cols.null] = True
                parsed.append((ident, np.asarray(cols.timestamp, np.int64), cols.value, codes, null, is_string))
                raw_points.append(None)
        else:
            items = body.get("items")
            if not isinstance(items, list) or not items:
                raise _bad("items must be a non-empty array")
            for item in items:
                if not isinstance(item, dict) or not isinstance(item.get("datapoints"), list):
                    raise _bad("Each item needs an identifier and a 'datapoints' array")
                parsed.append(self._parse_json_points(item))
                raw_points.append(item["datapoints"])
        if len(parsed) > INSERT_ITEMS:
            raise _bad(f"At most {INSERT_ITEMS} items per request, got {len(parsed)}")
        total = sum(len(p[1]) for p in parsed)
        if total > INSERT_POINTS:
            raise _bad(f"At most {INSERT_POINTS} datapoints per request, got {total}")
        targets = self._timeseries([p[0] for p in parsed], ignore_unknown=False)
        from cognite.client.testing import _states

        prepared = []
        for (_, ts, values, codes, null, given_string), target, raw in zip(parsed, targets, raw_points, strict=True):
            assert target is not None
            if _states.is_state_series(target):
                prepared.append((target, *_states.parse_state_points(self, target, raw)))
                continue
            if raw is not None and _states.has_state_fields(raw):
                name = _states.series_name(target)
                raise _bad(f"numericValue and stringValue are only for state time series; {name!r} is not one")
            prepared.append((target, *self._check_points(target, ts, values, codes, null, given_string)))
        for target, ts, values, codes, null in prepared:
            data = self._data(target, create=True)
            assert data is not None
            data.insert(ts, values, codes, null)
            shown = values if null is None else [None if n else v for v, n in zip(values, null, strict=True)]
            record_datapoint_change(self.project, target["id"], timestamps=ts, values=shown, status_codes=codes)
        return 200, {}

    def _parse_json_points(self, item: dict[str, Any]) -> tuple[dict[str, Any], Any, Any, Any, Any, bool]:
        np = _np()
        ident: dict[str, Any] = {k: item[k] for k in ("id", "externalId", "instanceId") if k in item}
        points = item["datapoints"]
        ts, values, codes, nulls = [], [], [], []
        strings = False
        for p in points:
            if not isinstance(p, dict) or not _is_number(p.get("timestamp")):
                raise _bad(f"Invalid datapoint {p!r}: needs an integer 'timestamp'")
            code = _status_code(p.get("status"))
            value = p.get("value")
            if isinstance(value, str) and value in _SPECIAL_VALUES and code >> 31:
                value = _SPECIAL_VALUES[value]
            elif isinstance(value, str):
                strings = True
            ts.append(int(p["timestamp"]))
            values.append(value)
            codes.append(code)
            nulls.append(value is None)
        arr_codes = np.array(codes, dtype=np.uint32) if any(codes) else None
        arr_null = np.array(nulls, dtype=bool) if any(nulls) else None
        return ident, np.array(ts, dtype=np.int64), values, arr_codes, arr_null, strings

    def _check_points(
        self, target: dict[str, Any], ts: Any, values: Any, codes: Any, null: Any, given_string: bool
    ) -> tuple[Any, Any, Any, Any]:
        np = _np()
        from cognite.client.utils._time import MAX_TIMESTAMP_MS, MIN_TIMESTAMP_MS

        name = target.get("externalId", target["id"])
        if len(ts) and (ts.min() < MIN_TIMESTAMP_MS or ts.max() > MAX_TIMESTAMP_MS):
            raise _bad(f"Timestamps of {name!r} must be between {MIN_TIMESTAMP_MS} and {MAX_TIMESTAMP_MS}")
        bad = np.zeros(len(ts), bool) if codes is None else (codes >> np.uint32(31)).astype(bool)
        if null is not None and (null & ~bad).any():
            raise _bad(f"Datapoints of {name!r} without a value must have a bad status")
        if target.get("isString"):
            out = np.empty(len(ts), dtype=object)
            out[:] = list(values)
            for v, b in zip(out, bad, strict=True):
                if v is None and b:
                    continue
                if not isinstance(v, str):
                    raise _bad(f"Time series {name!r} holds strings; got {v!r}")
                if len(v.encode()) > 1023:
                    raise _bad("String datapoints can be at most 1023 bytes")
            return ts, out, codes, null
        if given_string or (isinstance(values, list) and any(isinstance(v, str | bool) for v in values)):
            raise _bad(f"Time series {name!r} is numeric; got a string value")
        if isinstance(values, list):
            values = np.array([math.nan if v is None else v for v in values], dtype=np.float64)
        values = np.asarray(values, dtype=np.float64)
        if null is not None:
            values = np.where(null, math.nan, values)
        out_of_range = ~(np.abs(values) < MAX_ABS_VALUE) & ~bad
        if out_of_range.any():
            raise _bad(f"Numeric values of {name!r} must be finite and within (-1e100, 1e100)")
        return ts, values, codes, null

    # ----------------------------------------------------------------- delete
    def dp_delete(self, path: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /timeseries/data/delete``."""
        items = body.get("items")
        if not isinstance(items, list) or not 1 <= len(items) <= INSERT_ITEMS:
            raise _bad(f"items must be an array of 1 to {INSERT_ITEMS} ranges")
        targets = self._timeseries(items, ignore_unknown=False)
        ranges = []
        for item, target in zip(items, targets, strict=True):
            begin = item.get("inclusiveBegin")
            end = item.get("exclusiveEnd", None if begin is None else begin + 1)
            if not _is_number(begin) or not _is_number(end):
                raise _bad("Each range needs an integer inclusiveBegin (and optionally exclusiveEnd)")
            ranges.append((target, int(begin), int(end)))
        for target, begin, end in ranges:
            assert target is not None
            data = self._data(target)
            if data is not None:
                data.delete(begin, end)
            record_datapoint_change(self.project, target["id"], deletes=[(begin, end)])
        return 200, {}

    # ----------------------------------------------------------------- retrieve
    def dp_list(self, path: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /timeseries/data/list``."""
        items = body.get("items")
        if not isinstance(items, list) or not 1 <= len(items) <= QUERY_ITEMS:
            raise _bad(f"items must be an array of 1 to {QUERY_ITEMS} queries")
        defaults = {k: v for k, v in body.items() if k not in ("items", "ignoreUnknownIds")}
        queries = [{**defaults, **item} for item in items]
        total = {True: 0, False: 0}
        for q in queries:
            limit = q.get("limit", DEFAULT_LIMIT)
            is_agg = bool(q.get("aggregates"))
            if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
                raise _bad(f"Invalid limit {limit!r}")
            total[is_agg] += limit
        if total[False] > RAW_LIMIT:
            raise _bad(f"The sum of limits of raw queries must be at most {RAW_LIMIT}, got {total[False]}")
        if total[True] > AGG_LIMIT:
            raise _bad(f"The sum of limits of aggregate queries must be at most {AGG_LIMIT}, got {total[True]}")
        targets = self._timeseries(items, ignore_unknown=bool(body.get("ignoreUnknownIds", False)))
        answers = [self._answer(q, t) for q, t in zip(queries, targets, strict=True) if t is not None]
        from cognite.client.testing._states import StateAnswer

        json_only = any(isinstance(a, StateAnswer) for a in answers)  # protobuf has no state datapoints
        return 200, Negotiated(
            lambda: {"items": [a.json() for a in answers]},
            {} if json_only else {PROTOBUF: lambda: b"".join(a.protobuf() for a in answers)},
        )

    def _answer(self, q: dict[str, Any], target: dict[str, Any]) -> _Answer:
        if target.get("type") == "state":
            from cognite.client.testing._states import state_answer

            return state_answer(self, q, target)
        np = _np()
        now = self.project.clock()
        start = _ms(q.get("start"), 0, now, "start")
        end = _ms(q.get("end"), now, now, "end")
        limit = q.get("limit", DEFAULT_LIMIT)
        aggregates = q.get("aggregates")
        include_status = bool(q.get("includeStatus", False))
        ignore_bad = bool(q.get("ignoreBadDataPoints", True))
        uncertain_bad = bool(q.get("treatUncertainAsBad", True))
        target_unit, unit_system = q.get("targetUnit"), q.get("targetUnitSystem")
        if target_unit is not None and unit_system is not None:
            raise _bad("Give at most one of targetUnit and targetUnitSystem")
        data = self._data(target) or _Series(bool(target.get("isString")))
        data.consolidate()
        unit = target.get("unitExternalId")
        if target.get("isString") and (target_unit or unit_system):
            raise _bad("String time series cannot be converted to other units")
        if aggregates:
            if target.get("isString"):
                raise _bad("Aggregates are not supported for string time series")
            if q.get("includeOutsidePoints"):
                raise _bad("includeOutsidePoints is not supported for aggregates")
            if not isinstance(aggregates, list) or any(a not in pb.AGGREGATE_FIELDS for a in aggregates):
                raise _bad(f"Invalid aggregates {aggregates!r}")
            buckets = Buckets(start, str(q.get("granularity")), _timezone(q.get("timeZone")))
            lo = buckets.first
            if q.get("cursor") is not None:
                lo = max(lo, _decode_cursor(q["cursor"], "dp"))
            hi = buckets.align_end(end)
            # Aggregate only as far as the answer needs: limit + 1 buckets (to know whether a cursor follows),
            # widening the window while empty buckets leave too few; only the datapoints in (and next to) the window
            # are looked at.
            window = limit + 1
            while True:
                window_hi = min(hi, buckets.boundary_after(lo, window))
                a = _usable_neighbour(data, int(np.searchsorted(data.ts, lo)) - 1, -1, uncertain_bad)
                b = _usable_neighbour(data, int(np.searchsorted(data.ts, window_hi)), 1, uncertain_bad) + 1
                ts_w = data.ts[a:b]
                codes_w = data.codes[a:b] if data.codes is not None else None
                cats = _category(codes_w) if codes_w is not None else np.zeros(len(ts_w), np.int8)
                usable = (cats == 0) if uncertain_bad else (cats < 2)
                if data.null is not None:
                    usable &= ~data.null[a:b]
                values, out_unit = _convert(data.values[a:b], unit, target_unit, unit_system)
                starts, cols, _ = compute_aggregates(
                    ts_w,
                    values,
                    cats,
                    usable,
                    lo,
                    window_hi,
                    buckets,
                    aggregates,
                    bool(target.get("isStep")),
                    keep_bad=not ignore_bad,
                )
                if len(starts) > limit or window_hi >= hi:
                    break
                window *= 4
            cursor = None
            if len(starts) > limit:
                cursor = _encode_cursor("dp", int(starts[limit]))
                starts = starts[:limit]
                cols = {k: v[:limit] for k, v in cols.items()}
            usable_idx = np.flatnonzero(usable)
            for name in ("maxDatapoint", "minDatapoint"):
                if name in cols:
                    idx = usable_idx[cols[name]]
                    cols[name] = [
                        (int(ts_w[i]), float(values[i]), int(codes_w[i]) if codes_w is not None else 0, None)
                        for i in idx.tolist()
                    ]
            meta = self._meta(target, out_unit)
            return _Answer(meta, starts, None, cols, None, None, include_status, cursor)
        rows, cursor = raw_rows(data, q, start, end, limit)
        values = data.values[rows]
        out_unit = unit
        if not target.get("isString"):
            values, out_unit = _convert(values, unit, target_unit, unit_system)
        codes = None if data.codes is None else data.codes[rows]
        null = None if data.null is None else data.null[rows]
        return _Answer(self._meta(target, out_unit), data.ts[rows], values, None, codes, null, include_status, cursor)

    def dp_latest(self, path: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /timeseries/data/latest``."""
        np = _np()
        items = body.get("items")
        if not isinstance(items, list) or not 1 <= len(items) <= QUERY_ITEMS:
            raise _bad(f"items must be an array of 1 to {QUERY_ITEMS} queries")
        targets = self._timeseries(items, ignore_unknown=bool(body.get("ignoreUnknownIds", False)))
        now = self.project.clock()
        out = []
        for item, target in zip(items, targets, strict=True):
            if target is None:
                continue
            before = item.get("before")
            if isinstance(before, str) and before.lstrip("-").isdigit():
                before = int(before)
            before_ms = _ms(before, now, now, "before")
            data = self._data(target) or _Series(bool(target.get("isString")))
            idx = data.usable(bool(item.get("ignoreBadDataPoints", True)), bool(item.get("treatUncertainAsBad", True)))
            ts = data.ts if idx is None else data.ts[idx]
            k = int(np.searchsorted(ts, before_ms)) - 1
            values, unit = data.values, target.get("unitExternalId")
            rows = np.array([k if idx is None else idx[k]], np.int64) if k >= 0 else np.array([], np.int64)
            if target.get("type") == "state":
                from cognite.client.testing._states import latest_state_answer

                status = bool(item.get("includeStatus", False))
                out.append(latest_state_answer(self, target, data, rows, status, item))
                continue
            vals = values[rows]
            if not target.get("isString"):
                vals, unit = _convert(vals, unit, item.get("targetUnit"), item.get("targetUnitSystem"))
            answer = _Answer(
                self._meta(target, unit),
                data.ts[rows],
                vals,
                None,
                None if data.codes is None else data.codes[rows],
                None if data.null is None else data.null[rows],
                bool(item.get("includeStatus", False)),
                None,
            )
            out.append(answer.json())
        return 200, {"items": out}

    # ----------------------------------------------------------------- synthetic
    def dp_synthetic(self, path: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /timeseries/synthetic/query``."""
        return synthetic_query(body, self._synthetic_series, self.project.clock())

    def _synthetic_series(self, ref: SeriesRef) -> SeriesData:
        np = _np()
        target = self._timeseries([ref.identifier_dict()], ignore_unknown=False)[0]
        assert target is not None
        data = self._data(target) or _Series(bool(target.get("isString")))
        if ref.aggregate is None:
            idx = data.usable(True, True)
            ts = data.ts if idx is None else data.ts[idx]
            values = data.values if idx is None else data.values[idx]
            i, j = np.searchsorted(ts, [ref.start, ref.end])
            i, j = max(int(i) - 1, 0), min(int(j) + 1, len(ts))
            return SeriesData(ts[i:j].tolist(), values[i:j].tolist(), bool(target.get("isStep")), data.is_string)
        answer = self._answer(
            {"start": ref.start, "end": ref.end, "aggregates": [ref.aggregate], "granularity": ref.granularity,
             "limit": AGG_LIMIT},
            target,
        )  # fmt: skip
        assert answer.aggregates is not None
        return SeriesData(answer.ts.tolist(), answer.aggregates[ref.aggregate].tolist())


class _Answer:
    """One item of a list/latest answer, encodable as JSON or protobuf."""

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
    ) -> None:
        self.meta = meta
        self.ts = ts
        self.values = values
        self.aggregates = aggregates
        self.codes = codes if include_status else None
        self.null = null
        self.cursor = cursor

    def json(self) -> dict[str, Any]:
        item = dict(self.meta)
        if self.cursor is not None:
            item["nextCursor"] = self.cursor
        ts = self.ts.tolist()
        if self.aggregates is not None:
            points: list[dict[str, Any]] = [{"timestamp": t} for t in ts]
            for name, col in self.aggregates.items():
                if name in ("maxDatapoint", "minDatapoint"):
                    for p, (t, v, code, _) in zip(points, col, strict=True):
                        p[name] = {"timestamp": t, "value": v}
                        if self.codes is not None and code:
                            p[name]["status"] = {"code": code, "symbol": _symbol(code)}
                    continue
                as_int = name in _INT_AGGREGATES
                for p, v in zip(points, col.tolist(), strict=True):
                    p[name] = int(v) if as_int else v
            item["datapoints"] = points
            return item
        values = self.values.tolist()
        nulls = self.null.tolist() if self.null is not None else None
        codes = self.codes.tolist() if self.codes is not None else None
        out = []
        for k, (t, v) in enumerate(zip(ts, values, strict=True)):
            point: dict[str, Any] = {"timestamp": t}
            if not (nulls and nulls[k]):
                if isinstance(v, float) and not math.isfinite(v):
                    v = "NaN" if v != v else ("Infinity" if v > 0 else "-Infinity")
                point["value"] = v
            if codes and codes[k]:
                point["status"] = {"code": codes[k], "symbol": _symbol(codes[k])}
            out.append(point)
        item["datapoints"] = out
        return item

    def protobuf(self) -> bytes:
        meta = {**self.meta, "nextCursor": self.cursor}
        iid = meta.pop("instanceId", None)
        if self.aggregates is not None:
            columns = dict(self.aggregates)
            if self.codes is None:
                for name in ("maxDatapoint", "minDatapoint"):
                    if name in columns:
                        columns[name] = [(t, v, 0, None) for t, v, _, _ in columns[name]]
            else:
                for name in ("maxDatapoint", "minDatapoint"):
                    if name in columns:
                        columns[name] = [(t, v, c, _symbol(c) if c else None) for t, v, c, _ in columns[name]]
            return pb.encode_list_item(meta, 5, pb.encode_aggregates(self.ts, columns), iid)
        codes = self.codes
        symbols = None if codes is None else [_symbol(c) if c else None for c in codes.tolist()]
        values = self.values
        if self.null is not None and self.null.any():
            values = [None if n else v for v, n in zip(values.tolist(), self.null.tolist(), strict=True)]
        if self.meta["isString"]:
            body = pb.encode_strings(self.ts.tolist(), list(values), codes, symbols)
            return pb.encode_list_item(meta, 4, body, iid)
        return pb.encode_list_item(meta, 3, pb.encode_numeric(self.ts, values, codes, symbols), iid)


DATAPOINTS = Family(
    name="datapoints",
    path="/timeseries",
    write_fields={},
    verbs=frozenset(),
    routes={
        ("POST", "/data"): "dp_insert",
        ("POST", "/data/list"): "dp_list",
        ("POST", "/data/latest"): "dp_latest",
        ("POST", "/data/delete"): "dp_delete",
        ("POST", "/synthetic/query"): "dp_synthetic",
    },
    store_cls=DatapointsStore,
)
