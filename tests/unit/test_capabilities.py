"""Capabilities: the ACL table, wire round trips (nothing lost for unknown names), validation, and flattening."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cognite.client.data_classes import capabilities as caps
from cognite.client.data_classes.capabilities import (
    AllProjectsScope,
    AllScope,
    AssetRootIDScope,
    AssetsAcl,
    Capability,
    CapabilityTuple,
    CurrentUserScope,
    DataSetsAcl,
    DataSetScope,
    ExperimentsAcl,
    ExperimentsScope,
    GroupsAcl,
    IDScopeLowerCase,
    LegacyCapability,
    LegacyGenericsAcl,
    ProjectCapability,
    ProjectCapabilityList,
    ProjectsScope,
    RawAcl,
    Scope,
    SpaceIDScope,
    TableScope,
    TimeSeriesAcl,
    UnknownAcl,
    UnknownScope,
)

ACLS = sorted(caps._ACL_BY_NAME.values(), key=lambda c: c.__name__)


def _example_scope(acl: type[Capability]) -> Scope:
    option = acl._allowed_scopes()[-1]
    samples: dict[type[Scope], Scope] = {
        TableScope: TableScope({"db": ["t"]}),
        AssetRootIDScope: AssetRootIDScope([3]),
        SpaceIDScope: SpaceIDScope(["sp"]),
        ExperimentsScope: ExperimentsScope(["exp"]),
    }
    if option in samples:
        return samples[option]
    if option._ids_field is None:
        return option()
    kind = str if option._ids_field in ("external_ids", "usernames", "instances", "apps") else int
    return option(**{option._ids_field: ["a"] if kind is str else [1]})


@pytest.mark.parametrize("acl", ACLS, ids=lambda c: c.__name__)
def test_every_acl_round_trips_on_the_wire(acl: type[Capability]) -> None:
    cap = acl(list(acl.Action), _example_scope(acl))
    dumped = cap.dump()
    assert list(dumped) == [acl._capability_name]
    assert dumped[acl._capability_name]["actions"] == [a.value for a in acl.Action]
    again = Capability.load(json.dumps(dumped))
    assert type(again) is acl and again == cap and again.dump() == dumped
    assert Capability.load(cap.dump(camel_case=False)) == cap  # snake_case names load too
    assert acl.show_example_usage().startswith(f"{acl.__name__}(actions=[")


def test_acl_table_is_complete_and_typed() -> None:
    assert len(ACLS) == 68 and caps.acl in ACLS
    assert AssetsAcl.Action.Read.value == "READ" and AssetsAcl.Scope.DataSet is DataSetScope
    assert TimeSeriesAcl.Scope.ID is IDScopeLowerCase and GroupsAcl.Scope.CurrentUser is CurrentUserScope
    assert issubclass(LegacyGenericsAcl, LegacyCapability) and LegacyGenericsAcl._capability_name == "genericsAcl"
    assert set(caps.__all__) >= {c.__name__ for c in ACLS}


def test_unknown_acl_and_scope_load_and_dump_losslessly() -> None:
    raw: dict[str, Any] = {"brandNewAcl": {"actions": ["FLY"], "scope": {"galaxyScope": {"ids": [1], "x": {"y": 2}}}}}
    cap = Capability.load(raw)
    assert isinstance(cap, UnknownAcl) and cap.capability_name == "brandNewAcl" and cap.actions == ["FLY"]
    assert isinstance(cap.scope, UnknownScope) and cap.scope["ids"] == [1]
    assert cap.dump() == raw and Capability.load(cap.dump()) == cap
    odd = {"assetsAcl": "not an object"}
    assert Capability.load(odd).dump() == odd
    known_with_new_field = {"assetsAcl": {"actions": ["READ"], "scope": {"datasetScope": {"ids": [1], "new": 1}}}}
    loaded = Capability._load_wire(known_with_new_field)
    assert isinstance(loaded, AssetsAcl) and isinstance(loaded.scope, UnknownScope)
    assert loaded.dump() == known_with_new_field


def test_unknown_actions_and_scopes_raise_unless_allowed() -> None:
    raw = {"assetsAcl": {"actions": ["READ", "TELEPORT"], "scope": {"all": {}}}}
    with pytest.raises(ValueError, match="TELEPORT"):
        Capability.load(raw)
    kept = Capability.load(raw, allow_unknown=True)
    assert kept.actions == [AssetsAcl.Action.Read, "TELEPORT"] and kept.dump() == raw
    with pytest.raises(ValueError, match="does not take TableScope"):
        AssetsAcl([AssetsAcl.Action.Read], TableScope({"db": []}))
    assert AssetsAcl([AssetsAcl.Action.Read], TableScope({"db": []}), allow_unknown=True).scope == TableScope(
        {"db": []}
    )


def test_constructor_checks_its_arguments() -> None:
    with pytest.raises(TypeError, match="actions must be a list"):
        AssetsAcl("READ")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="scope must be a Scope"):
        AssetsAcl(["READ"], {"all": {}})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="needs a scope"):
        ExperimentsAcl([ExperimentsAcl.Action.Use])
    with pytest.raises(TypeError, match=r"DataSetScope\.ids"):
        DataSetScope("1")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="dbs_to_tables"):
        TableScope(["db"])  # type: ignore[arg-type]
    assert AssetsAcl(["READ", "WRITE"]) == AssetsAcl([AssetsAcl.Action.Read, AssetsAcl.Action.Write], AllScope())
    with pytest.raises(ValueError, match="exactly one"):
        Capability.load({"assetsAcl": {}, "eventsAcl": {}})
    with pytest.raises(TypeError, match="dict or a JSON string"):
        Capability.load(42)  # type: ignore[arg-type]


def test_flattening_and_back() -> None:
    raw = RawAcl([RawAcl.Action.Read, RawAcl.Action.Write], TableScope({"db": ["a", "b"], "whole": []}))
    tuples = raw.as_tuples()
    assert len(tuples) == 6
    assert CapabilityTuple("rawAcl", "READ", "tableScope", "whole", None) in tuples
    grant = CapabilityTuple("rawAcl", "WRITE", "tableScope", "db", "b")
    assert grant.database == "db" and grant.table == "b"
    with pytest.raises(ValueError, match="no database"):
        _ = CapabilityTuple("assetsAcl", "READ", "all").database
    assert Capability.from_tuple(grant) == RawAcl([RawAcl.Action.Write], TableScope({"db": ["b"]}))
    assert Capability.from_tuple(("assetsAcl", "READ", "datasetScope", 7)) == AssetsAcl(["READ"], DataSetScope([7]))
    unknown = Capability.from_tuple(("newAcl", "X", "all"))
    assert isinstance(unknown, UnknownAcl) and unknown.dump() == {"newAcl": {"actions": ["X"], "scope": {"all": {}}}}
    assert DataSetScope([1, 2]).as_tuples() == {("datasetScope", 1), ("datasetScope", 2)}
    assert AllScope().as_tuples() == {("all",)}


def test_project_capabilities() -> None:
    wire = [
        {"assetsAcl": {"actions": ["READ"], "scope": {"all": {}}}, "projectScope": {"projects": ["p1"]}},
        {"eventsAcl": {"actions": ["WRITE"], "scope": {"all": {}}}, "projectScope": {"allProjects": {}}},
    ]
    pcs = ProjectCapabilityList.load(wire)
    assert pcs.dump() == wire and pcs.project is None
    assert pcs[0].project_scope == ProjectsScope(["p1"]) and pcs[1].project_scope == AllProjectsScope()
    assert {t.acl_name for t in pcs.as_tuples("p2")} == {"eventsAcl"}
    assert {t.acl_name for t in pcs.as_tuples()} == {"assetsAcl", "eventsAcl"}
    with pytest.raises(TypeError, match="capability must be a Capability"):
        ProjectCapability(capability={"assetsAcl": {}}, project_scope=AllProjectsScope())
    assert DataSetsAcl(["OWNER"], DataSetsAcl.Scope.ID([1])).dump() == {
        "datasetsAcl": {"actions": ["OWNER"], "scope": {"idScope": {"ids": [1]}}}
    }


def test_keys_beside_the_acl_are_kept() -> None:
    raw = {"agentsAcl": {"actions": ["READ"], "scope": {"all": {}}}, "projectUrlNames": {"urlNames": ["p"]}}
    cap = Capability.load(raw)
    assert type(cap).__name__ == "AgentsAcl" and cap.dump() == raw and Capability.load(cap.dump()) == cap
    unknown = {"zAcl": {"actions": ["Z"], "scope": {"all": {}}}, "projectUrlNames": {"urlNames": ["p"]}}
    assert Capability.load(unknown).dump() == unknown
    assert ProjectCapability.load({**raw, "projectScope": {"allProjects": {}}}).dump() == {
        **raw, "projectScope": {"allProjects": {}}
    }  # fmt: skip
