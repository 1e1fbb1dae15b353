"""The family table agrees with the CDF spec, and the spec validator itself behaves."""

from __future__ import annotations

import pytest

from cognite.client.testing._openapi import OpenAPISpec, SpecValidationError
from cognite.client.testing._registry import FAMILIES
from cognite.client.testing._store import Family

VERB_ROUTES = {
    "create": ("POST", ""),
    "list": ("POST", "/list"),
    "byids": ("POST", "/byids"),
    "update": ("POST", "/update"),
    "delete": ("POST", "/delete"),
    "search": ("POST", "/search"),
    "aggregate": ("POST", "/aggregate"),
    "retrieve": ("GET", "/123"),
}


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_family_table_matches_spec(family: Family, spec: OpenAPISpec) -> None:
    for verb in family.verbs:
        method, suffix = VERB_ROUTES[verb]
        op = spec.find_operation(method, family.path + suffix)
        assert op is not None, f"{method} {family.path}{suffix} is not in the spec"
        if verb in family.limits and op.max_items is not None:
            assert family.limits[verb] == op.max_items, (verb, op.max_items)
        if verb == "create":
            assert str(family.create_status) in op.raw["responses"]


def test_validator_basics(spec: OpenAPISpec) -> None:
    op = spec.operation("POST", "/api/v1/projects/p/assets/list")
    assert op.operation_id == "listAssets" and spec.operation("GET", "/assets/42").path == "/assets/{id}"
    assert spec.find_operation("GET", "/no/such/thing") is None
    assert spec.request_errors("POST", "/assets", {"items": [{"name": "ok"}]}) == []
    assert spec.request_errors("POST", "/assets", {"items": [{"name": 1}]})
    assert spec.request_errors("POST", "/assets/byids", {"items": [{"id": 1}] * 1001})
    assert spec.request_errors("GET", "/assets?limit=10&root=true") == []
    assert spec.request_errors("GET", "/assets", query={"limit": "5000"})
    assert spec.request_errors("GET", "/assets", query={"bogus": "1"})
    with pytest.raises(SpecValidationError):
        spec.validate_response("POST", "/assets/list", 200, {"items": [{"id": 1}]})
    spec.validate_response("POST", "/assets/list", 409, {"error": {"code": 409, "message": "m", "duplicated": []}})
    assert spec.response_errors("POST", "/assets/list", 200, {"items": []}) == []


def test_spec_errata_prefix_takes_a_string(spec: OpenAPISpec) -> None:
    body = {"advancedFilter": {"prefix": {"property": ["name"], "value": "p"}}}
    assert spec.request_errors("POST", "/assets/list", body) == []
