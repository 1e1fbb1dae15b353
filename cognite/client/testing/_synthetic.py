"""Synthetic time series for the emulator: the expression language of ``POST /timeseries/synthetic/query``.

An expression combines time series references, numbers, ``+ - * /``, brackets and functions::

    3.6 * ts{externalId='wind-speed'}
    ts{id=123} + ts{space='dm', externalId='x'} / ts{externalId="y", aggregate='average', granularity='1h'}
    on_error(1 / ts{id=1}, 0)          max(ts{id=1}, ts{id=2}, 0)          map(ts{id=3}, ['OPEN', 'CLOSED'], [1, 0], -1)

Functions: ``sin cos pi ln pow sqrt exp abs max min avg round on_error map``. The expression is parsed by a small
recursive-descent parser into a tree (never ``eval``); it is evaluated point by point at every timestamp where
one of its time series has a datapoint, the other series interpolated there (linearly, or stepwise for step and
string series); a timestamp where a series has no value (before its first or after its last datapoint) gives no
output. A point whose computation fails gives ``{"timestamp", "error"}`` unless ``on_error`` catches it:
``TYPE_ERROR`` (a string where a number is needed), ``BAD_DOMAIN`` (division by zero, ``ln`` of a non-positive
number, ...), ``OVERFLOW`` (a result of 1e100 or more in absolute value).

The datapoints come from a callable the caller passes in (the emulator's datapoints store), so this module knows
nothing of how they are stored::

    from cognite.client.testing._synthetic import SeriesData, SeriesRef, synthetic_query

    def fetch(ref: SeriesRef) -> SeriesData: ...  # raise CDFError(400, ..., missing=[...]) for unknown series
    status, body = synthetic_query(request_body, fetch, now_ms=project.clock())
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cognite.client.testing._errors import CDFError

__all__ = ["FUNCTIONS", "SeriesData", "SeriesRef", "evaluate", "parse", "synthetic_query"]

MAX_QUERIES = 10  # items of one request (maxItems)
LIMIT = (100, 10_000)  # (default, maximum) of ``limit`` per query
MAX_SERIES = 100  # time series references in one expression
MAX_VALUE = 1e100
_UNITS_MS = {"w": 604_800_000, "d": 86_400_000, "h": 3_600_000, "m": 60_000, "s": 1000}
_AGO = re.compile(r"^(\d+)([wdhms])-ago$")
#: Keys of a reference that identify the time series; the others are options passed to the fetcher.
_IDENTIFIER_KEYS = ("id", "externalId", "space")


# ---------------------------------------------------------------------------------------------- data in


@dataclass(frozen=True)
class SeriesRef:
    """A time series reference of an expression, as the fetcher receives it.

    Args:
        identifier: ``{"id": int}``, ``{"externalId": str}`` or ``{"instanceId": {"space", "externalId"}}``.
        start: Start of the query (ms, inclusive).
        end: End of the query (ms, exclusive).
        aggregate: The aggregate asked for (e.g. ``"average"``), or None for raw datapoints.
        granularity: The granularity of the aggregate (e.g. ``"1h"``).
        options: Other ``key=value`` options of the reference (e.g. ``targetUnit``), as written.
    """

    identifier: tuple[tuple[str, Any], ...]
    start: int
    end: int
    aggregate: str | None = None
    granularity: str | None = None
    options: tuple[tuple[str, Any], ...] = ()

    def identifier_dict(self) -> dict[str, Any]:
        """The identifier in wire form."""
        return {k: dict(v) if isinstance(v, tuple) else v for k, v in self.identifier}


@dataclass
class SeriesData:
    """Datapoints of a referenced time series (or its aggregates), sorted by timestamp.

    Points just outside ``[start, end)`` may be included: they are used to interpolate near the edges.

    Args:
        timestamps: The timestamps (ms).
        values: The values (numbers, or strings for a string time series).
        is_step: Interpolate stepwise (a step time series).
        is_string: A string time series (always stepwise).
    """

    timestamps: Sequence[int]
    values: Sequence[Any]
    is_step: bool = False
    is_string: bool = False

    def value_at(self, t: int) -> Any:
        """The value at ``t``: the datapoint there, or interpolated between its neighbours; None outside the data."""
        ts = self.timestamps
        i = bisect.bisect_left(ts, t)
        if i < len(ts) and ts[i] == t:
            return self.values[i]
        if i == 0 or i == len(ts):
            return None
        before, after = self.values[i - 1], self.values[i]
        if self.is_step or self.is_string or not _is_number(before) or not _is_number(after):
            return before
        t0, t1 = ts[i - 1], ts[i]
        return before + (after - before) * (t - t0) / (t1 - t0)


# ---------------------------------------------------------------------------------------------- parsing

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
      | (?P<string>'[^']*'|"[^"]*")
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<op>[-+*/(),{}=\[\]])
    )""",
    re.VERBOSE,
)


def _tokens(text: str) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            raise CDFError(400, f"Invalid expression: unexpected character {text[pos:].lstrip()[:1]!r} at {pos}")
        kind = match.lastgroup or ""
        raw = match.group(kind)
        if kind == "number":
            out.append(("number", float(raw)))
        elif kind == "string":
            out.append(("string", raw[1:-1]))
        else:
            out.append((kind, raw))
        pos = match.end()
    out.append(("end", None))
    return out


@dataclass(frozen=True)
class Node:
    """A node of a parsed expression.

    Args:
        kind: ``"number"``, ``"series"``, ``"neg"``, ``"binary"``, ``"call"`` or ``"list"``.
        value: The number; the reference options of a series; the operator of a binary node; the function name.
        children: The operands or arguments.
    """

    kind: str
    value: Any = None
    children: tuple[Node, ...] = field(default_factory=tuple)


class _Parser:
    """expression := term (('+'|'-') term)*; term := unary (('*'|'/') unary)*; unary := ('-'|'+') unary | atom;
    atom := number | ts{...} | name(args) | '(' expression ')' | '[' items ']'."""

    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.pos = 0

    def peek(self) -> tuple[str, Any]:
        return self.tokens[self.pos]

    def take(self, kind: str, value: Any = None) -> Any:
        got_kind, got = self.tokens[self.pos]
        if got_kind != kind or (value is not None and got != value):
            wanted = value if value is not None else kind
            found = got if got is not None else "the end"
            raise CDFError(400, f"Invalid expression: expected {wanted!r}, found {found!r}")
        self.pos += 1
        return got

    def parse(self) -> Node:
        node = self.expression()
        self.take("end")
        return node

    def expression(self) -> Node:
        return self.binary(("+", "-"), self.term)

    def term(self) -> Node:
        return self.binary(("*", "/"), self.unary)

    def binary(self, ops: tuple[str, ...], operand: Callable[[], Node]) -> Node:
        """A left-associative chain of ``operand`` joined by ``ops``."""
        node = operand()
        while self.peek()[0] == "op" and self.peek()[1] in ops:
            op = self.take("op")
            node = Node("binary", op, (node, operand()))
        return node

    def unary(self) -> Node:
        if self.peek() == ("op", "-"):
            self.take("op")
            return Node("neg", None, (self.unary(),))
        if self.peek() == ("op", "+"):
            self.take("op")
            return self.unary()
        return self.atom()

    def atom(self) -> Node:
        kind, value = self.peek()
        if kind == "number":
            self.take("number")
            return Node("number", value)
        if kind == "string":
            self.take("string")
            return Node("string", value)
        if kind == "op" and value == "(":
            self.take("op", "(")
            node = self.expression()
            self.take("op", ")")
            return node
        if kind == "op" and value == "[":
            return Node("list", None, tuple(self.arguments("[", "]")))
        if kind == "name":
            name = self.take("name")
            if name.lower() == "ts" and self.peek() == ("op", "{"):
                return Node("series", self.reference())
            if name.lower() not in FUNCTIONS:
                raise CDFError(400, f"Invalid expression: unknown function {name!r}")
            return Node("call", name.lower(), tuple(self.arguments("(", ")")))
        raise CDFError(400, f"Invalid expression: unexpected {value if value is not None else 'end'!r}")

    def arguments(self, open_: str, close: str) -> list[Node]:
        self.take("op", open_)
        args: list[Node] = []
        if self.peek() != ("op", close):
            args.append(self.expression())
            while self.peek() == ("op", ","):
                self.take("op", ",")
                args.append(self.expression())
        self.take("op", close)
        return args

    def reference(self) -> tuple[tuple[str, Any], ...]:
        self.take("op", "{")
        pairs: dict[str, Any] = {}
        while True:
            key = self.take("name")
            self.take("op", "=")
            kind, value = self.peek()
            if kind not in ("number", "string"):
                raise CDFError(400, f"Invalid expression: the value of {key!r} must be a number or a quoted string")
            self.pos += 1
            if key in pairs:
                raise CDFError(400, f"Invalid expression: {key!r} is given twice in a time series reference")
            pairs[key] = value
            if self.peek() == ("op", "}"):
                self.take("op", "}")
                return tuple(pairs.items())
            self.take("op", ",")


def parse(expression: str) -> Node:
    """Parse an expression into a tree; 400 (CDFError) for a syntax error or an unknown function.

    Args:
        expression: The expression text.

    Returns:
        The root node.
    """
    if not isinstance(expression, str) or not expression.strip():
        raise CDFError(400, "The expression must be a non-empty string")
    return _Parser(expression).parse()


def _series_refs(node: Node) -> list[Node]:
    if node.kind == "series":
        return [node]
    return [ref for child in node.children for ref in _series_refs(child)]


def _reference(pairs: tuple[tuple[str, Any], ...], start: int, end: int) -> SeriesRef:
    options = dict(pairs)
    ident = {k: options.pop(k) for k in _IDENTIFIER_KEYS if k in options}
    if "id" in ident and len(ident) == 1 and float(ident["id"]).is_integer():
        identifier: tuple[tuple[str, Any], ...] = (("id", int(ident["id"])),)
    elif set(ident) == {"externalId"} and isinstance(ident["externalId"], str):
        identifier = (("externalId", ident["externalId"]),)
    elif set(ident) == {"space", "externalId"} and all(isinstance(v, str) for v in ident.values()):
        identifier = (("instanceId", (("space", ident["space"]), ("externalId", ident["externalId"]))),)
    else:
        raise CDFError(
            400, f"Invalid time series reference {dict(pairs)!r}: give id, externalId, or space and externalId"
        )
    aggregate, granularity = options.pop("aggregate", None), options.pop("granularity", None)
    if (aggregate is None) != (granularity is None):
        raise CDFError(400, "A time series reference needs both aggregate and granularity, or neither")
    return SeriesRef(identifier, start, end, aggregate, granularity, tuple(options.items()))


# ---------------------------------------------------------------------------------------------- evaluation


class PointError(Exception):
    """The computation of one point failed (becomes ``{"timestamp", "error"}`` unless ``on_error`` catches it)."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _num(value: Any) -> float:
    if not _is_number(value):
        raise PointError("TYPE_ERROR", f"expected a number, got {value!r}")
    return float(value)


def _checked(value: float) -> float:
    if math.isnan(value):
        raise PointError("BAD_DOMAIN", "the result is not a number")
    if math.isinf(value) or abs(value) >= MAX_VALUE:
        raise PointError("OVERFLOW", "the result is too large")
    return value


def _divide(a: float, b: float) -> float:
    if b == 0:
        raise PointError("BAD_DOMAIN", "division by zero")
    return a / b


def _ln(x: float) -> float:
    if x <= 0:
        raise PointError("BAD_DOMAIN", "ln of a non-positive number")
    return math.log(x)


def _sqrt(x: float) -> float:
    if x < 0:
        raise PointError("BAD_DOMAIN", "sqrt of a negative number")
    return math.sqrt(x)


def _pow(base: float, exponent: float) -> float:
    if base == 0 and exponent < 0:
        raise PointError("BAD_DOMAIN", "zero to a negative power")
    if base < 0 and not exponent.is_integer():
        raise PointError("BAD_DOMAIN", "a negative number to a fractional power")
    try:
        return float(math.pow(base, exponent))
    except OverflowError:
        raise PointError("OVERFLOW", "the result is too large") from None


def _exp(x: float) -> float:
    try:
        return math.exp(x)
    except OverflowError:
        raise PointError("OVERFLOW", "the result is too large") from None


def _round(x: float, decimals: float) -> float:
    if not decimals.is_integer() or not -10 < decimals < 10:
        raise PointError("BAD_DOMAIN", "round takes a whole number of decimals between -10 and 10")
    return float(round(x, int(decimals)))


def _variadic(fn: Callable[[list[float]], float]) -> tuple[int, int | None, Callable[..., float]]:
    return 1, None, lambda *xs: fn(list(xs))


#: Numeric functions: name -> (least arguments, most arguments (None: any), implementation on floats).
FUNCTIONS: dict[str, tuple[int, int | None, Callable[..., float]]] = {
    "sin": (1, 1, math.sin),
    "cos": (1, 1, math.cos),
    "pi": (0, 0, lambda: math.pi),
    "ln": (1, 1, _ln),
    "pow": (2, 2, _pow),
    "sqrt": (1, 1, _sqrt),
    "exp": (1, 1, _exp),
    "abs": (1, 1, abs),
    "round": (2, 2, _round),
    "max": _variadic(max),
    "min": _variadic(min),
    "avg": _variadic(lambda xs: sum(xs) / len(xs)),
    "on_error": (2, 2, lambda x, default: x),  # evaluated specially
    "map": (4, 4, lambda *a: 0.0),  # evaluated specially
}
_OPERATORS: dict[str, Callable[[float, float], float]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": _divide,
}


def _check_calls(node: Node) -> None:
    """Check argument counts, and that lists and strings appear only as the lists of ``map``, before anything is
    fetched."""
    if node.kind in ("list", "string"):
        raise CDFError(400, "Invalid expression: lists and strings are only allowed as the lists of map()")
    if node.kind != "call":
        for child in node.children:
            _check_calls(child)
        return
    least, most, _ = FUNCTIONS[node.value]
    args = node.children
    if len(args) < least or (most is not None and len(args) > most):
        expected = least if most == least else f"at least {least}"
        raise CDFError(400, f"Invalid expression: {node.value}() takes {expected} arguments, got {len(args)}")
    if node.value == "map":
        keys, values = args[1], args[2]
        if keys.kind != "list" or values.kind != "list" or len(keys.children) != len(values.children):
            raise CDFError(400, "Invalid expression: map() needs two lists of the same length")
        if any(k.kind not in ("string", "number") for k in keys.children) or any(
            v.kind != "number" for v in values.children
        ):
            raise CDFError(400, "Invalid expression: map() maps strings (or numbers) to numbers")
        args = (args[0], args[3])
    for child in args:
        _check_calls(child)


def evaluate(node: Node, values: Mapping[Node, Any]) -> Any:
    """Evaluate an expression tree at one point in time.

    Args:
        node: The tree.
        values: The value of every series node at that time.

    Returns:
        The value (a float).

    Raises:
        PointError: The computation failed at this point.
    """
    kind = node.kind
    if kind == "number":
        return node.value
    if kind == "string":
        return node.value
    if kind == "series":
        return values[node]
    if kind == "neg":
        return -_num(evaluate(node.children[0], values))
    if kind == "binary":
        a, b = (_num(evaluate(c, values)) for c in node.children)
        return _checked(_OPERATORS[node.value](a, b))
    if kind == "call":
        name, args = node.value, node.children
        if name == "on_error":
            try:
                return _checked(_num(evaluate(args[0], values)))
            except PointError:
                return _num(evaluate(args[1], values))
        if name == "map":
            value = evaluate(args[0], values)
            for key, mapped in zip(args[1].children, args[2].children, strict=True):
                if key.value == value:
                    return mapped.value
            return _num(evaluate(args[3], values))
        fn = FUNCTIONS[name][2]
        return _checked(fn(*(_num(evaluate(a, values)) for a in args)))
    raise PointError("TYPE_ERROR", "a list is only allowed as an argument of map()")


# ---------------------------------------------------------------------------------------------- the endpoint


def _time(value: Any, default: int, now_ms: int, name: str) -> int:
    if value is None:
        return default
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        if value == "now":
            return now_ms
        match = _AGO.match(value)
        if match is not None:
            return now_ms - int(match.group(1)) * _UNITS_MS[match.group(2)]
    raise CDFError(400, f"Invalid {name}: {value!r} (ms since epoch, 'now' or 'N[w|d|h|m|s]-ago')")


def _query(item: Any, fetch: Callable[[SeriesRef], SeriesData], now_ms: int) -> dict[str, Any]:
    if not isinstance(item, Mapping):
        raise CDFError(400, "Each query must be an object")
    tree = parse(item.get("expression"))  # type: ignore[arg-type]
    _check_calls(tree)
    start = _time(item.get("start"), 0, now_ms, "start")
    end = _time(item.get("end"), now_ms, now_ms, "end")
    limit = item.get("limit", LIMIT[0])
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= LIMIT[1]:
        raise CDFError(400, f"limit must be an integer between 1 and {LIMIT[1]}, got {limit!r}")
    nodes = _series_refs(tree)
    if len(nodes) > MAX_SERIES:
        raise CDFError(400, f"An expression can reference at most {MAX_SERIES} time series, got {len(nodes)}")
    fetched: dict[SeriesRef, SeriesData] = {}
    data: dict[Node, SeriesData] = {}
    for node in nodes:
        ref = _reference(node.value, start, end)
        if ref not in fetched:
            fetched[ref] = fetch(ref)
        data[node] = fetched[ref]
    times = sorted({t for series in fetched.values() for t in series.timestamps if start <= t < end})
    points: list[dict[str, Any]] = []
    for t in times:
        at = {node: series.value_at(t) for node, series in data.items()}
        if any(v is None for v in at.values()):
            continue
        try:
            points.append({"timestamp": t, "value": _num(evaluate(tree, at))})
        except PointError as err:
            points.append({"timestamp": t, "error": str(err)})
        if len(points) == limit:
            break
    return {"isString": False, "datapoints": points}


def synthetic_query(
    body: Mapping[str, Any], fetch: Callable[[SeriesRef], SeriesData], now_ms: int
) -> tuple[int, dict[str, Any]]:
    """Answer ``POST /timeseries/synthetic/query``.

    Args:
        body: ``{"items": [{"expression", "start", "end", "limit"}, ...]}``.
        fetch: Gives the datapoints of a time series reference (raises CDFError for one that does not exist).
        now_ms: The current time (ms), for ``"now"`` and ``"2d-ago"``.

    Returns:
        Status and response body: ``{"items": [{"isString": false, "datapoints": [...]}, ...]}`` in query order.
    """
    items = body.get("items")
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_QUERIES:
        raise CDFError(400, f"items must be an array of 1 to {MAX_QUERIES} queries")
    return 200, {"items": [_query(item, fetch, now_ms) for item in items]}
