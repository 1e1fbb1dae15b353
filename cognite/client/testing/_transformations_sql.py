"""The small SQL subset the emulator runs for transformation previews and jobs.

Supported (case-insensitive keywords)::

    SELECT item [, item ...] [FROM source] [WHERE column = literal [AND column = literal ...]] [LIMIT n]

* ``item``: ``*`` (with a source), a literal, or a column of the source; each optionally ``AS alias`` (a name or a
  back-quoted name). Literals: integers, decimals, ``'strings'`` (``''`` escapes a quote), ``true``, ``false``, ``null``.
  A literal without an alias is named by its text, as Spark does (``1``, ``pump``).
* ``source``: a RAW table, ``` `db`.`table` ``` or ``db.table``; its rows have a ``key`` column, a
  ``lastUpdatedTime`` column (a timestamp, ms) and one column per key of the row's columns (missing ones are null).

Anything else (joins, functions, expressions, ``GROUP BY``, ...) raises :class:`UnsupportedQuery`, which the
emulator answers as a 400 for previews and as a failed job for runs. Types follow Spark's: whole numbers are ``int``
(``bigint`` beyond 32 bits), decimals ``double``, text ``string``, truth values ``boolean``; a RAW column whose
values differ in type is a ``string``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["Column", "QueryResult", "UnsupportedQuery", "column_schema", "run_query"]

Rows = list[dict[str, Any]]
RawReader = Callable[[str, str, int | None], Rows]


class UnsupportedQuery(ValueError):
    """The query is outside the SQL subset the emulator runs (or invalid)."""


class Column:
    """A column of a query result: name and Spark type.

    Args:
        name: The column name.
        sql_type: The Spark SQL type (``int``, ``bigint``, ``double``, ``string``, ``boolean``, ``timestamp``, ``void``).
        nullable: Whether values may be null.
    """

    def __init__(self, name: str, sql_type: str, nullable: bool) -> None:
        self.name, self.sql_type, self.nullable = name, sql_type, nullable


class QueryResult:
    """The columns and rows of a query.

    Args:
        columns: The columns, in order.
        rows: The rows (dicts by column name).
    """

    def __init__(self, columns: list[Column], rows: Rows) -> None:
        self.columns, self.rows = columns, rows


_TYPE_NAMES = {"int": "integer", "bigint": "long", "double": "double", "string": "string", "boolean": "boolean",
               "timestamp": "timestamp", "void": "null"}  # fmt: skip


def column_schema(column: Column) -> dict[str, Any]:
    """The wire form of a column (``ColumnType``)."""
    return {"name": column.name, "sqlType": column.sql_type, "type": _TYPE_NAMES[column.sql_type],
            "nullable": column.nullable}  # fmt: skip


_TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|(?P<quoted>`[^`]+`)"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_]*)|(?P<sym>[*,.=;()]))"
)


def _tokens(query: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos, text = 0, query.strip().rstrip(";").strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise UnsupportedQuery(f"Cannot parse the query near {text[pos : pos + 20]!r}")
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, query: str) -> None:
        self.toks = _tokens(query)
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def keyword(self, word: str) -> bool:
        tok = self.peek()
        if tok is not None and tok[0] == "word" and tok[1].lower() == word:
            self.i += 1
            return True
        return False

    def symbol(self, sym: str) -> bool:
        tok = self.peek()
        if tok is not None and tok == ("sym", sym):
            self.i += 1
            return True
        return False

    def take(self) -> tuple[str, str]:
        tok = self.peek()
        if tok is None:
            raise UnsupportedQuery("The query ends too early")
        self.i += 1
        return tok

    def name(self) -> str:
        kind, text = self.take()
        if kind == "quoted":
            return text[1:-1]
        if kind == "word" and text.lower() not in _RESERVED:
            return text
        raise UnsupportedQuery(f"Expected a name, got {text!r}")


_RESERVED = frozenset({"select", "from", "where", "limit", "as", "and", "join", "group", "order", "by", "union"})


def _literal(kind: str, text: str) -> tuple[bool, Any]:
    if kind == "str":
        return True, text[1:-1].replace("''", "'")
    if kind == "num":
        return True, float(text) if any(c in text for c in ".eE") else int(text)
    if kind == "word" and text.lower() in ("true", "false"):
        return True, text.lower() == "true"
    if kind == "word" and text.lower() == "null":
        return True, None
    return False, None


def _sql_type(values: Sequence[Any]) -> str:
    kinds: set[str] = set()
    for v in values:
        if v is None:
            continue
        if isinstance(v, bool):
            kinds.add("boolean")
        elif isinstance(v, int):
            kinds.add("int" if -(2**31) <= v < 2**31 else "bigint")
        elif isinstance(v, float):
            kinds.add("double")
        else:
            kinds.add("string")
    if not kinds:
        return "void"
    if kinds <= {"int", "bigint"}:
        return "bigint" if "bigint" in kinds else "int"
    if kinds <= {"int", "bigint", "double"}:
        return "double"
    return kinds.pop() if len(kinds) == 1 else "string"


def _stringify(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


def run_query(
    query: str,
    read_raw: RawReader,
    *,
    limit: int | None = None,
    source_limit: int | None = None,
    convert_to_string: bool = False,
) -> QueryResult:
    """Run a query of the subset.

    Args:
        query: The SQL.
        read_raw: Reads a RAW table: ``(database, table, at most n rows or None)`` -> rows as
            ``{"key", "lastUpdatedTime", **columns}`` (raises :class:`UnsupportedQuery` when it does not exist).
        limit: The most rows to return.
        source_limit: The most rows to read from the source.
        convert_to_string: Give every value as a string (nulls stay null).

    Returns:
        The result.
    """
    p = _Parser(query)
    if not p.keyword("select"):
        raise UnsupportedQuery("Only SELECT queries are supported")
    items: list[tuple[str, Any, str]] = []  # (kind: star|lit|col, value, name)
    while True:
        if p.symbol("*"):
            items.append(("star", None, "*"))
        else:
            kind, text = p.take()
            is_lit, value = _literal(kind, text)
            if is_lit:
                item = ("lit", value, text[1:-1].replace("''", "'") if kind == "str" else text)
            elif kind in ("word", "quoted") and text.lower() not in _RESERVED:
                if p.symbol("("):
                    raise UnsupportedQuery(f"Functions are not supported by the emulator: {text}(...)")
                column = text[1:-1] if kind == "quoted" else text
                item = ("col", column, column)
            else:
                raise UnsupportedQuery(f"Unexpected {text!r} in the select list")
            if p.keyword("as"):
                item = (item[0], item[1], p.name())
            else:
                nxt = p.peek()
                if nxt is not None and nxt[0] in ("word", "quoted") and nxt[1].lower() not in _RESERVED:
                    item = (item[0], item[1], p.name())
            items.append(item)
        if not p.symbol(","):
            break
    source: tuple[str, str] | None = None
    if p.keyword("from"):
        db = p.name()
        if not p.symbol("."):
            raise UnsupportedQuery("The source must be a RAW table: `database`.`table`")
        source = (db, p.name())
    conditions: list[tuple[str, Any]] = []
    if p.keyword("where"):
        while True:
            column = p.name()
            if not p.symbol("="):
                raise UnsupportedQuery("Only `column = literal` conditions are supported")
            is_lit, value = _literal(*p.take())
            if not is_lit:
                raise UnsupportedQuery("Only `column = literal` conditions are supported")
            conditions.append((column, value))
            if not p.keyword("and"):
                break
    row_limit: int | None = None
    if p.keyword("limit"):
        kind, text = p.take()
        if kind != "num" or not text.isdigit():
            raise UnsupportedQuery(f"LIMIT needs a whole number, got {text!r}")
        row_limit = int(text)
    if p.peek() is not None:
        raise UnsupportedQuery(f"Not supported by the emulator: {' '.join(t for _, t in p.toks[p.i :])!r}")

    if source is None:
        if any(kind != "lit" for kind, _, _ in items):
            raise UnsupportedQuery("Without FROM, only literals can be selected")
        source_rows: Rows = [{}]
        source_columns: list[str] = []
    else:
        source_rows = read_raw(source[0], source[1], source_limit)
        source_columns = ["key", "lastUpdatedTime"]
        for row in source_rows:
            source_columns.extend(c for c in row if c not in source_columns)
    source_rows = [r for r in source_rows if all(r.get(c) == v for c, v in conditions)]
    names: list[str] = []
    getters: list[Callable[[Mapping[str, Any]], Any]] = []

    def column_of(column: str) -> Callable[[Mapping[str, Any]], Any]:
        return lambda row: row.get(column)

    def constant(value: Any) -> Callable[[Mapping[str, Any]], Any]:
        return lambda row: value

    for kind, value, name in items:
        if kind == "star":
            if source is None:
                raise UnsupportedQuery("SELECT * needs a FROM")
            for column in source_columns:
                names.append(column)
                getters.append(column_of(column))
        elif kind == "lit":
            names.append(name)
            getters.append(constant(value))
        else:
            if value not in source_columns and source is not None and source_rows:
                raise UnsupportedQuery(f"Unknown column {value!r}")
            names.append(name)
            getters.append(column_of(value))
    caps = [n for n in (limit, row_limit) if n is not None]
    cap = min(caps) if caps else None
    picked = source_rows if cap is None else source_rows[:cap]
    rows = [dict(zip(names, (g(r) for g in getters), strict=True)) for r in picked]
    columns = []
    for name in names:
        values = [r[name] for r in rows]
        sql_type = "timestamp" if name == "lastUpdatedTime" and source is not None else _sql_type(values)
        columns.append(Column(name, sql_type, any(v is None for v in values) or source is not None))
    if convert_to_string:
        rows = [{k: _stringify(v) for k, v in r.items()} for r in rows]
    return QueryResult(columns, rows)
