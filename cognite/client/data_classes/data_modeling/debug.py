"""Debug settings and debug information of data-modeling queries (list, query, sync with ``debug=...``).

CDF answers a request with debug settings with ``debug.notices``: advice on sorting, indexing, filtering and
cursoring, each with a ``code``. Notices are loaded as the class of their code (or :class:`UnknownDebugNotice`).

Example:
    >>> from cognite.client.data_classes.data_modeling.debug import DebugParameters, DebugInfo
    >>> DebugParameters(timeout=5000).dump()
    {'emitResults': True, 'timeout': 5000, 'profile': False}
    >>> info = DebugInfo.load({"notices": [{"code": "excessiveTimeout", "category": "cursoring", "level": "warning",
    ...     "hint": "lower it", "timeout": 5000}]})
    >>> type(info.notices[0]).__name__, info.notices[0].timeout
    ('ExcessiveTimeoutNotice', 5000)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from typing_extensions import Self

from cognite.client.data_classes._base import CogniteResource, CogniteResourceList
from cognite.client.data_classes.data_modeling.ids import ContainerId
from cognite.client.data_classes.data_modeling.instances import InstanceSort

__all__ = [
    "CogniteResource",
    "CogniteResourceList",
    "ContainerId",
    "ContainersWithoutIndexesInvolvedNotice",
    "CursoringNotice",
    "DebugInfo",
    "DebugNotice",
    "DebugNoticeList",
    "DebugParameters",
    "ExcessiveTimeoutNotice",
    "ExecutionPlan",
    "FilterMatchesCursorableSortNotice",
    "FilteringNotice",
    "IndexingNotice",
    "InstanceSort",
    "IntractableDirectRelationsCursorNotice",
    "InvalidDebugOptionsNotice",
    "NoTimeoutWithResultsNotice",
    "SelectiveExternalIDFilterNotice",
    "SignificantHasDataFiltersNotice",
    "SignificantPostFilteringNotice",
    "SortNotBackedByIndexNotice",
    "SortingNotice",
    "TranslatedQuery",
    "UnindexedThroughNotice",
    "UnknownDebugNotice",
]


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


class DebugParameters:
    """Debug settings of a list, query or sync request.

    Args:
        emit_results: Return the results (False: only the debug information).
        timeout: Query timeout in ms.
        include_translated_query: Return the query as CDF translated it (alpha).
        include_plan: Return the execution plan (alpha).
        profile: Profile the query.
        include_llm_prompt: Return an explanation prompt for a language model (alpha).
    """

    def __init__(
        self,
        emit_results: bool = True,
        timeout: int | None = None,
        include_translated_query: bool = False,
        include_plan: bool = False,
        profile: bool = False,
        include_llm_prompt: bool = False,
    ) -> None:
        for name, value in (
            ("emit_results", emit_results),
            ("include_translated_query", include_translated_query),
            ("include_plan", include_plan),
            ("profile", profile),
            ("include_llm_prompt", include_llm_prompt),
        ):
            if not isinstance(value, bool):
                raise TypeError(f"{name} must be a bool, not {type(value).__name__}")
        if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, int) or timeout < 1):
            raise ValueError(f"timeout must be a positive int (ms), not {timeout!r}")
        self.emit_results = emit_results
        self.timeout = timeout
        self.include_translated_query = include_translated_query
        self.include_plan = include_plan
        self.profile = profile
        self.include_llm_prompt = include_llm_prompt

    def requires_alpha_header(self) -> bool:
        """True when a setting is an alpha feature of CDF."""
        return self.include_translated_query or self.include_plan or self.include_llm_prompt

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form (``emitResults``, ``timeout``, ``profile``; alpha settings when set)."""
        out: dict[str, Any] = {"emit_results": self.emit_results}
        if self.timeout is not None:
            out["timeout"] = self.timeout
        out["profile"] = self.profile
        for name in ("include_translated_query", "include_plan", "include_llm_prompt"):
            if getattr(self, name):
                out[name] = True
        return {_camel(k): v for k, v in out.items()} if camel_case else out

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DebugParameters) and vars(self) == vars(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"DebugParameters({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"


class _Plain:
    """Dump/load by the constructor's parameters (camelCase on the wire)."""

    _FIELDS: ClassVar[tuple[str, ...]] = ()

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to a dictionary (fields without a value left out)."""
        out: dict[str, Any] = {}
        for name in self._FIELDS:
            value = getattr(self, name, None)
            if value is None:
                continue
            if hasattr(value, "dump"):
                value = value.dump(camel_case)
            elif isinstance(value, list):
                value = [v.dump(camel_case) if hasattr(v, "dump") else v for v in value]
            out[_camel(name) if camel_case else name] = value
        return out

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        kwargs = {_snake(k): v for k, v in data.items() if _snake(k) in cls._FIELDS}
        return cls(**kwargs)

    @classmethod
    def load(cls, data: dict[str, Any] | str, cognite_client: Any = None) -> Self:
        """Load from a dictionary or a JSON string."""
        if isinstance(data, str):
            data = json.loads(data)
        return cls._load(dict(data))  # type: ignore[arg-type]

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.dump(camel_case=False)!r})"


class DebugNotice(_Plain):
    """A notice of CDF about a query: what it noticed and how to improve the query.

    Args:
        category: ``"sorting"``, ``"indexing"``, ``"filtering"``, ``"cursoring"`` or ``"invalidDebugOptions"``.
        code: The kind of notice.
        hint: What to do about it.
        level: ``"info"`` or ``"warning"``.
    """

    _FIELDS: ClassVar[tuple[str, ...]] = ("code", "category", "level", "hint")
    _CODE: ClassVar[str | None] = None

    def __init__(self, category: str, code: str, hint: str, level: str) -> None:
        self.category = category
        self.code = code
        self.hint = hint
        self.level = level

    @classmethod
    def load(cls, data: dict[str, Any] | str, cognite_client: Any = None) -> Any:
        """Load as the class of the notice's ``code`` (UnknownDebugNotice for a code this SDK does not know)."""
        if isinstance(data, str):
            data = json.loads(data)
        assert isinstance(data, dict)
        if cls is DebugNotice:
            target = _NOTICES.get(data.get("code", "")) or _BY_CATEGORY.get(data.get("category", ""))
            if target is None:
                return UnknownDebugNotice._load(data)
            return target._load(data)
        return cls._load(data)


class _GradedNotice(DebugNotice):
    _FIELDS: ClassVar[tuple[str, ...]] = (*DebugNotice._FIELDS, "grade", "result_expression")

    def __init__(
        self,
        category: str,
        code: str,
        hint: str,
        level: str,
        grade: str | None = None,
        result_expression: str | None = None,
    ) -> None:
        super().__init__(category, code, hint, level)
        self.grade = grade
        self.result_expression = result_expression


class InvalidDebugOptionsNotice(DebugNotice):
    """The debug options of the request are not valid together."""


class SortingNotice(DebugNotice):
    """A notice about sorting."""


class IndexingNotice(DebugNotice):
    """A notice about indexes."""


class FilteringNotice(DebugNotice):
    """A notice about filters."""


class CursoringNotice(DebugNotice):
    """A notice about cursors."""


class ExcessiveTimeoutNotice(CursoringNotice):
    """The timeout asked for is longer than CDF allows.

    Args:
        category: The category.
        code: The code.
        hint: What to do.
        level: The level.
        timeout: The timeout asked for.
    """

    _FIELDS = (*DebugNotice._FIELDS, "timeout")
    _CODE = "excessiveTimeout"

    def __init__(self, category: str, code: str, hint: str, level: str, timeout: int | None = None) -> None:
        super().__init__(category, code, hint, level)
        self.timeout = timeout


class NoTimeoutWithResultsNotice(InvalidDebugOptionsNotice):
    """A timeout was asked for together with results."""

    _CODE = "noTimeoutWithResults"


class SortNotBackedByIndexNotice(_GradedNotice):
    """A sort has no index to back it (slow on much data).

    Args:
        category: The category.
        code: The code.
        hint: What to do.
        level: The level.
        grade: How severe.
        result_expression: The result set concerned.
        sort: The sort.
    """

    _FIELDS = (*_GradedNotice._FIELDS, "sort")
    _CODE = "sortNotBackedByIndex"

    def __init__(
        self,
        category: str,
        code: str,
        hint: str,
        level: str,
        grade: str | None = None,
        result_expression: str | None = None,
        sort: Any = None,
    ) -> None:
        super().__init__(category, code, hint, level, grade, result_expression)
        self.sort = [InstanceSort.load(s) if isinstance(s, dict) else s for s in sort] if sort else None


class FilterMatchesCursorableSortNotice(SortNotBackedByIndexNotice):
    """A filter matches a sort that can be cursored."""

    _CODE = "filterMatchesCursorableSort"


class ContainersWithoutIndexesInvolvedNotice(_GradedNotice):
    """Containers without indexes are involved.

    Args:
        category: The category.
        code: The code.
        hint: What to do.
        level: The level.
        grade: How severe.
        result_expression: The result set concerned.
        containers: The containers.
    """

    _FIELDS = (*_GradedNotice._FIELDS, "containers")
    _CODE = "containersWithoutIndexesInvolved"

    def __init__(
        self,
        category: str,
        code: str,
        hint: str,
        level: str,
        grade: str | None = None,
        result_expression: str | None = None,
        containers: Sequence[Any] | None = None,
    ) -> None:
        super().__init__(category, code, hint, level, grade, result_expression)
        self.containers = [ContainerId.load(c) for c in containers] if containers else None


class SignificantHasDataFiltersNotice(ContainersWithoutIndexesInvolvedNotice):
    """hasData filters on many containers."""

    _CODE = "significantHasDataFilters"


class IntractableDirectRelationsCursorNotice(_GradedNotice):
    """Cursoring over direct relations is intractable."""

    _CODE = "intractableDirectRelationsCursor"


class SelectiveExternalIDFilterNotice(_GradedNotice):
    """An external id filter is selective.

    Args:
        category: The category.
        code: The code.
        hint: What to do.
        level: The level.
        grade: How severe.
        result_expression: The result set concerned.
        via_from: The result set it is reached from.
    """

    _FIELDS = (*_GradedNotice._FIELDS, "via_from")
    _CODE = "selectiveExternalIdFilter"

    def __init__(
        self,
        category: str,
        code: str,
        hint: str,
        level: str,
        grade: str | None = None,
        result_expression: str | None = None,
        via_from: str | None = None,
    ) -> None:
        super().__init__(category, code, hint, level, grade, result_expression)
        self.via_from = via_from


class SignificantPostFilteringNotice(_GradedNotice):
    """Many rows are filtered after they were read.

    Args:
        category: The category.
        code: The code.
        hint: What to do.
        level: The level.
        grade: How severe.
        result_expression: The result set concerned.
        limit: The limit.
        max_involved_rows: The most rows read.
    """

    _FIELDS = (*_GradedNotice._FIELDS, "limit", "max_involved_rows")
    _CODE = "significantPostFiltering"

    def __init__(
        self,
        category: str,
        code: str,
        hint: str,
        level: str,
        grade: str | None = None,
        result_expression: str | None = None,
        limit: int | None = None,
        max_involved_rows: int | None = None,
    ) -> None:
        super().__init__(category, code, hint, level, grade, result_expression)
        self.limit = limit
        self.max_involved_rows = max_involved_rows


class UnindexedThroughNotice(_GradedNotice):
    """A ``through`` direct relation has no index.

    Args:
        category: The category.
        code: The code.
        hint: What to do.
        level: The level.
        grade: How severe.
        result_expression: The result set concerned.
        property: The direct relation property.
    """

    _FIELDS = (*_GradedNotice._FIELDS, "property")
    _CODE = "unindexedThrough"

    def __init__(
        self,
        category: str,
        code: str,
        hint: str,
        level: str,
        grade: str | None = None,
        result_expression: str | None = None,
        property: list[str] | None = None,
    ) -> None:
        super().__init__(category, code, hint, level, grade, result_expression)
        self.property = property


class UnknownDebugNotice(DebugNotice):
    """A notice this SDK version does not know; keeps its data.

    Args:
        category: The category.
        code: The code.
        hint: What to do.
        level: The level.
        data: Everything else the notice holds.
    """

    def __init__(self, category: str, code: str, hint: str, level: str, data: dict[str, Any] | None = None) -> None:
        super().__init__(category, code, hint, level)
        self.data = data or {}

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the notice with everything it holds."""
        return {**self.data, **super().dump(camel_case)}

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        rest = {k: v for k, v in data.items() if k not in ("category", "code", "hint", "level")}
        return cls(data.get("category", ""), data.get("code", ""), data.get("hint", ""), data.get("level", ""), rest)


_NOTICES: dict[str, type[DebugNotice]] = {
    c._CODE: c
    for c in (
        ExcessiveTimeoutNotice,
        NoTimeoutWithResultsNotice,
        SortNotBackedByIndexNotice,
        FilterMatchesCursorableSortNotice,
        ContainersWithoutIndexesInvolvedNotice,
        SignificantHasDataFiltersNotice,
        IntractableDirectRelationsCursorNotice,
        SelectiveExternalIDFilterNotice,
        SignificantPostFilteringNotice,
        UnindexedThroughNotice,
    )
    if c._CODE
}
_BY_CATEGORY: dict[str, type[DebugNotice]] = {
    "invalidDebugOptions": InvalidDebugOptionsNotice,
    "sorting": SortingNotice,
    "indexing": IndexingNotice,
    "filtering": FilteringNotice,
    "cursoring": CursoringNotice,
}


class DebugNoticeList(CogniteResourceList[Any]):
    """The notices of a debug answer.

    Args:
        resources: The notices.
    """

    _RESOURCE = DebugNotice  # type: ignore[assignment]

    def __init__(self, resources: Iterable[Any] = (), cognite_client: Any = None) -> None:
        items = [DebugNotice.load(r) if isinstance(r, dict) else r for r in resources]
        super().__init__(items, cognite_client)

    def get(self, code: str | None = None, **kwargs: Any) -> Any:  # type: ignore[override]
        """The first notice with this code (None if there is none).

        Args:
            code: The notice code.
            **kwargs: Not used.

        Returns:
            The notice or None.
        """
        return next((n for n in self.data if n.code == code), None)


class TranslatedQuery(_Plain):
    """The query as CDF translated it (alpha).

    Args:
        query: The translated query.
        parameters: Its parameters.
    """

    _FIELDS = ("query", "parameters")

    def __init__(self, query: Any, parameters: Any = None) -> None:
        self.query = query
        self.parameters = parameters


class ExecutionPlan(_Plain):
    """The execution plan of a query (alpha).

    Args:
        full_plan: The plan.
        profiled: Whether it was profiled.
        by_identifier: The plan per result set.
    """

    _FIELDS = ("full_plan", "profiled", "by_identifier")

    def __init__(self, full_plan: Any = None, profiled: bool = False, by_identifier: Any = None) -> None:
        self.full_plan = full_plan
        self.profiled = profiled
        self.by_identifier = by_identifier


class DebugInfo(_Plain):
    """The debug information of an answer.

    Args:
        notices: The notices.
        translated_query: The translated query (alpha).
        plan: The execution plan (alpha).
    """

    _FIELDS = ("notices", "translated_query", "plan")

    def __init__(
        self,
        notices: DebugNoticeList | None = None,
        translated_query: TranslatedQuery | None = None,
        plan: ExecutionPlan | None = None,
    ) -> None:
        self.notices = notices if notices is not None else DebugNoticeList([])
        self.translated_query = translated_query
        self.plan = plan

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        tq = data.get("translatedQuery")
        plan = data.get("plan")
        return cls(
            DebugNoticeList(data.get("notices") or []),
            TranslatedQuery._load(tq) if tq else None,
            ExecutionPlan._load(plan) if plan else None,
        )
