"""The emulator's identity and access management: groups, security categories, sessions, user profiles, the project
itself, token inspection and the organization's principals.

What the emulated identity is (documented for users' own tests):

* Every token is the same principal, ``emulated-user-00000000`` (a USER of organization ``emulated-org``); its user profile
  is seeded in every project.
* Every project starts with one group, ``emulator-admins`` (``sourceId`` ``"emulator-admins"``), holding every ACL the
  SDK knows with all its actions in all scope: a fresh emulator lets the token do everything, as an admin.
* The token is a member of every group whose membership is managed in the identity provider (a ``sourceId``, or
  neither ``sourceId`` nor ``members``), of ``allUserAccounts`` groups, and of groups whose ``members`` name
  ``emulated-user-00000000``. ``GET /groups`` answers those groups; with ``all=true`` every group.
* ``GET /api/v1/token/inspect`` answers the projects the emulator has seen (always the default project
  ``emulated``) with the token's groups in each, and the capabilities of those groups, each scoped to its project.
  Delete ``emulator-admins`` and create narrower groups to test code against missing capabilities.
* The organization has two principals: ``emulated-user-00000000`` and the service account ``emulated-service-account``.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from cognite.client.testing._clients import DEFAULT_PROJECT
from cognite.client.testing._errors import CDFError
from cognite.client.testing._store import Family, Project, ResourceStore, _decode_cursor, _encode_cursor

if TYPE_CHECKING:
    from cognite.client.testing._app import CDFEmulator

__all__ = [
    "ADMIN_GROUP",
    "EMULATED_ORG",
    "EMULATED_SUBJECT",
    "IAM_FAMILIES",
    "GroupsStore",
    "ProfilesStore",
    "ProjectStore",
    "SecurityCategoriesStore",
    "SessionsStore",
]

#: The principal every token is.
EMULATED_SUBJECT = "emulated-user-00000000"
#: The organization every project belongs to.
EMULATED_ORG = "emulated-org"
#: The name (and sourceId) of the group every project starts with.
ADMIN_GROUP = "emulator-admins"
_SESSION_TTL_MS = 24 * 3600 * 1000
_PRINCIPALS: tuple[dict[str, Any], ...] = (
    {
        "id": EMULATED_SUBJECT, "type": "USER", "name": "Emulated User", "pictureUrl": "https://example.com/u.png",
        "email": "emulated-user@example.com", "givenName": "Emulated", "familyName": "User",
    },
    {
        "id": "emulated-service-account", "type": "SERVICE_ACCOUNT", "name": "Emulated service account",
        "pictureUrl": "https://example.com/s.png", "externalId": "emulated-service-account",
        "createdBy": {"orgId": EMULATED_ORG, "userId": EMULATED_SUBJECT}, "createdTime": 0, "lastUpdatedTime": 0,
        "description": "A service account of the emulated organization",
    },
)  # fmt: skip


def admin_capabilities() -> list[dict[str, Any]]:
    """Every ACL the SDK knows (legacy ones excepted), with all its actions, in all scope."""
    from cognite.client.data_classes.capabilities import _ACL_BY_NAME, AllScope, LegacyCapability

    out = []
    for name, acl in sorted(_ACL_BY_NAME.items()):
        if issubclass(acl, LegacyCapability) or AllScope not in acl._allowed_scopes():
            continue
        out.append({name: {"actions": [a.value for a in acl.Action], "scope": {"all": {}}}})
    return out


def _limit(value: Any, maximum: int, default: int = 25) -> int:
    if value is None:
        return default
    try:
        limit = int(value)
    except (TypeError, ValueError):
        raise CDFError(400, f"limit must be an integer, got {value!r}") from None
    if not 1 <= limit <= maximum:
        raise CDFError(400, f"limit must be between 1 and {maximum}, got {limit}")
    return limit


def _page(items: list[dict[str, Any]], query: Mapping[str, str], maximum: int, kind: str) -> dict[str, Any]:
    """One page of ``items`` from ``limit`` and ``cursor`` query parameters."""
    limit = _limit(query.get("limit"), maximum)
    offset = 0 if query.get("cursor") is None else _decode_cursor(query["cursor"], kind)
    out: dict[str, Any] = {"items": items[offset : offset + limit]}
    if offset + limit < len(items):
        out["nextCursor"] = _encode_cursor(kind, offset + limit)
    return out


def _body_items(body: Any, maximum: int | None = None) -> list[Any]:
    items = body.get("items") if isinstance(body, dict) else None
    if not isinstance(items, list) or not items:
        raise CDFError(400, "The request body needs a non-empty 'items' array")
    if maximum is not None and len(items) > maximum:
        raise CDFError(400, f"items size must be between 1 and {maximum}, got {len(items)}")
    return items


class _IamStore(ResourceStore):
    """A store with ids of its own (so that seeding it does not shift the ids of other families)."""

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        # Seeded from the project's generator without drawing from it (drawing would shift other families' ids).
        self.rng = random.Random(f"{family.name}:{project.rng.getstate()[1][:4]}")

    def new_id(self) -> int:
        """A fresh id below 2**53, from this store's own generator."""
        while True:
            candidate = self.rng.randint(1, 2**53 - 1)
            if candidate not in self.items:
                return candidate

    def put(self, item: dict[str, Any]) -> dict[str, Any]:
        """Store an item as it is (it has its id)."""
        self.items[item["id"]] = item
        self.order.append(item["id"])
        return item

    def delete_ids(self, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST .../delete`` with ``{"items": [ids]}``; unknown ids answer 400 with ``missing``."""
        ids = _body_items(body)
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
            raise CDFError(400, "items must be ids (integers)")
        missing = [{"id": i} for i in dict.fromkeys(ids) if i not in self.items]
        if missing:
            raise CDFError(400, "Ids not found", missing=missing)
        for i in ids:
            self.items.pop(i, None)
        return 200, {}


class GroupsStore(_IamStore):
    """Groups of a project; the project starts with the admin group."""

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        self.put({
            "id": self.new_id(), "name": ADMIN_GROUP, "sourceId": ADMIN_GROUP, "capabilities": admin_capabilities(),
            "metadata": {"origin": "cognite-emulator"}, "isDeleted": False,
        })  # fmt: skip

    @staticmethod
    def is_member(group: Mapping[str, Any], subject: str = EMULATED_SUBJECT) -> bool:
        """Whether the emulated identity is a member of a group (see the module docs)."""
        members = group.get("members")
        return members is None or members == "allUserAccounts" or subject in members

    def list_groups(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /groups``: the caller's groups, or every group with ``all=true``."""
        every = query.get("all", "false")
        if every not in ("true", "false"):
            raise CDFError(400, f"all must be true or false, got {every!r}")
        groups = list(self.items.values())
        return 200, {"items": groups if every == "true" else [g for g in groups if self.is_member(g)]}

    def create_groups(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /groups``."""
        new = []
        for entry in _body_items(body):
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                raise CDFError(400, "Each group needs a 'name' (string)")
            unknown = set(entry) - {"name", "sourceId", "capabilities", "metadata", "attributes", "members"}
            if unknown:
                raise CDFError(400, f"Unrecognized field(s) {sorted(unknown)} for groups")
            if entry.get("sourceId") is not None and entry.get("members") is not None:
                raise CDFError(400, "A group has either sourceId or members, not both")
            for cap in entry.get("capabilities") or []:
                names = (
                    [k for k in cap if k not in ("projectScope", "projectUrlNames")] if isinstance(cap, dict) else []
                )
                body_of = cap.get(names[0]) if len(names) == 1 else None
                if (
                    not isinstance(body_of, dict)
                    or not isinstance(body_of.get("actions"), list)
                    or not body_of.get("scope")
                ):
                    raise CDFError(400, f"Invalid capability {cap!r}: expected {{acl: {{actions, scope}}}}")
            item = {k: v for k, v in entry.items() if v is not None}
            new.append({**item, "id": self.new_id(), "isDeleted": False})
        return 201, {"items": [self.put(g) for g in new]}

    def delete_groups(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /groups/delete``."""
        return self.delete_ids(body)


class SecurityCategoriesStore(_IamStore):
    """Security categories of a project."""

    def list_categories(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /securitycategories`` (sorted by name, ``sort=ASC|DESC``)."""
        order = query.get("sort", "ASC")
        if order not in ("ASC", "DESC"):
            raise CDFError(400, f"sort must be ASC or DESC, got {order!r}")
        ordered = sorted(self.items.values(), key=lambda c: (c["name"], c["id"]), reverse=order == "DESC")
        return 200, _page(ordered, query, 1000, "sc")

    def create_categories(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /securitycategories``."""
        new = []
        for entry in _body_items(body):
            if not isinstance(entry, dict) or set(entry) != {"name"} or not isinstance(entry["name"], str):
                raise CDFError(400, "Each security category is {'name': string}")
            new.append({"name": entry["name"], "id": self.new_id()})
        return 201, {"items": [self.put(c) for c in new]}

    def delete_categories(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /securitycategories/delete``."""
        return self.delete_ids(body)


class SessionsStore(_IamStore):
    """Sessions of a project: created READY, REVOKED when revoked."""

    _STATUSES = ("ready", "active", "cancelled", "revoked", "access_lost", "expired")

    def list_sessions(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /sessions`` (``status`` in lower case)."""
        status = query.get("status")
        if status is not None and status not in self._STATUSES:
            raise CDFError(400, f"Invalid status {status!r}")
        found = [s for s in self.items.values() if status is None or s["status"] == status.upper()]
        return 200, _page(found, query, 1000, "se")

    def create_session(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /sessions`` (one item: client credentials, token exchange or one-shot token exchange)."""
        (entry,) = _body_items(body, maximum=1)
        if not isinstance(entry, dict):
            raise CDFError(400, "A session request must be an object")
        if "clientId" in entry or "clientSecret" in entry:
            if not isinstance(entry.get("clientId"), str) or not isinstance(entry.get("clientSecret"), str):
                raise CDFError(400, "Client credentials need clientId and clientSecret")
            kind, client_id = "CLIENT_CREDENTIALS", entry["clientId"]
        elif entry.get("tokenExchange") is True:
            kind, client_id = "TOKEN_EXCHANGE", None
        elif entry.get("oneshotTokenExchange") is True:
            kind, client_id = "ONESHOT_TOKEN_EXCHANGE", None
        else:
            raise CDFError(400, "Give clientId and clientSecret, tokenExchange: true or oneshotTokenExchange: true")
        now = self.project.clock()
        session = {
            "id": self.new_id(), "type": kind, "status": "READY", "creationTime": now,
            "expirationTime": now + _SESSION_TTL_MS, **({"clientId": client_id} if client_id else {}),
        }  # fmt: skip
        self.put(session)
        created: dict[str, Any] = {k: session[k] for k in ("id", "type", "status")}
        created["nonce"] = "emu-nonce-" + secrets.token_urlsafe(16)
        if client_id:
            created["clientId"] = client_id
        return 200, {"items": [created]}

    def _resolve(self, body: Any, maximum: int | None) -> list[dict[str, Any]]:
        refs = _body_items(body, maximum)
        ids: list[Any] = [r.get("id") if isinstance(r, dict) else None for r in refs]
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
            raise CDFError(400, "items must be {'id': integer}")
        missing = [{"id": i} for i in dict.fromkeys(ids) if i not in self.items]
        if missing:
            raise CDFError(400, "Sessions not found", missing=missing)
        return [self.items[i] for i in dict.fromkeys(ids)]

    def sessions_byids(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /sessions/byids``."""
        return 200, {"items": self._resolve(body, 1000)}

    def revoke_sessions(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /sessions/revoke``: the sessions become REVOKED."""
        found = self._resolve(body, None)
        for session in found:
            session["status"] = "REVOKED"
        return 200, {"items": found}


class ProfilesStore(_IamStore):
    """User profiles of a project; the emulated user's profile is seeded."""

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        self.profiles: dict[str, dict[str, Any]] = {}
        self.seed_profile(
            user_identifier=EMULATED_SUBJECT, given_name="Emulated", surname="User", display_name="Emulated User",
            email="emulated-user@example.com", job_title="Tester",
        )  # fmt: skip

    def seed_profile(self, user_identifier: str, **fields: Any) -> dict[str, Any]:
        """Add (or replace) a user profile, e.g. for users' own tests.

        Args:
            user_identifier: The user's principal id.
            **fields: Profile fields in snake_case: given_name, surname, email, display_name, job_title,
                identity_type (default USER).

        Returns:
            The stored profile (wire form).
        """
        names = {"given_name": "givenName", "display_name": "displayName", "job_title": "jobTitle"}
        profile = {"userIdentifier": user_identifier, "identityType": "USER", "lastUpdatedTime": self.project.clock()}
        profile.update({names.get(k, "identityType" if k == "identity_type" else k): v for k, v in fields.items()})
        self.profiles[user_identifier] = profile
        return profile

    def list_profiles(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /profiles`` (``identityType`` filter)."""
        kind = query.get("identityType", "ALL")
        found = [p for p in self.profiles.values() if kind == "ALL" or p.get("identityType") == kind]
        return 200, _page(found, query, 1000, "pr")

    def my_profile(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /profiles/me``: the emulated user's profile (404 when it was removed)."""
        profile = self.profiles.get(EMULATED_SUBJECT)
        if profile is None:
            raise CDFError(404, "The caller has no user profile")
        return 200, profile

    def profiles_byids(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /profiles/byids``: unknown identifiers answer 400 with ``missing``."""
        refs = _body_items(body, 1000)
        wanted: list[Any] = [r.get("userIdentifier") if isinstance(r, dict) else None for r in refs]
        if not all(isinstance(w, str) for w in wanted):
            raise CDFError(400, "items must be {'userIdentifier': string}")
        missing = [{"userIdentifier": w} for w in dict.fromkeys(wanted) if w not in self.profiles]
        if missing:
            raise CDFError(400, "User profiles not found", missing=missing)
        return 200, {"items": [self.profiles[w] for w in dict.fromkeys(wanted)]}

    def search_profiles(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /profiles/search``: profiles whose names contain every word of ``search.name``."""
        search = (body or {}).get("search") or {}
        limit = _limit((body or {}).get("limit"), 1000)
        words = str(search.get("name") or "").lower().split()

        def text(p: dict[str, Any]) -> str:
            return " ".join(str(p.get(k) or "") for k in ("givenName", "surname", "displayName")).lower()

        return 200, {"items": [p for p in self.profiles.values() if all(w in text(p) for w in words)][:limit]}


class ProjectStore(_IamStore):
    """The project itself: its organization and its user profiles configuration."""

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        self.user_profiles_enabled = True

    def _project(self) -> dict[str, Any]:
        name = self.project.name
        return {
            "name": name, "urlName": name, "organization": EMULATED_ORG,
            "userProfilesConfiguration": {"enabled": self.user_profiles_enabled},
        }  # fmt: skip

    def get_project(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /api/v1/projects/{project}``."""
        return 200, self._project()

    def update_project(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /api/v1/projects/{project}/update``: only ``userProfilesConfiguration`` (set or modify)."""
        update = (body or {}).get("update")
        if not isinstance(update, dict):
            raise CDFError(400, "The request body needs an 'update' object")
        unknown = set(update) - {"userProfilesConfiguration"}
        if unknown:
            raise CDFError(400, f"The emulator cannot update {sorted(unknown)} of a project")
        config = update.get("userProfilesConfiguration")
        if config is not None:
            op = config.get("set", config.get("modify")) if isinstance(config, dict) else None
            if not isinstance(op, dict) or not isinstance(op.get("enabled", False), bool):
                raise CDFError(400, "userProfilesConfiguration takes {'set': {'enabled': bool}}")
            self.user_profiles_enabled = op.get("enabled", self.user_profiles_enabled)
        return 200, self._project()


# --------------------------------------------------------------------------------- routes outside the project


def _projects_seen(emulator: CDFEmulator) -> list[Project]:
    emulator.project(DEFAULT_PROJECT)
    return [emulator.projects[name] for name in sorted(emulator.projects)]


def token_inspect(
    emulator: CDFEmulator, path: Mapping[str, str], query: Mapping[str, str], body: Any, headers: Mapping[str, str]
) -> tuple[int, Any]:
    """``GET /api/v1/token/inspect``: the token's projects, groups and capabilities (see the module docs)."""
    projects, capabilities = [], []
    for project in _projects_seen(emulator):
        groups = [g for g in project.store("groups").items.values() if GroupsStore.is_member(g)]
        projects.append({"projectUrlName": project.name, "groups": [g["id"] for g in groups]})
        for group in groups:
            for cap in group.get("capabilities") or []:
                scoped = {k: v for k, v in cap.items() if k != "projectScope"}
                capabilities.append({**scoped, "projectScope": {"projects": [project.name]}})
    return 200, {"subject": EMULATED_SUBJECT, "projects": projects, "capabilities": capabilities}


def principals_me(
    emulator: CDFEmulator, path: Mapping[str, str], query: Mapping[str, str], body: Any, headers: Mapping[str, str]
) -> tuple[int, Any]:
    """``GET /api/v1/principals/me``."""
    return 200, dict(_PRINCIPALS[0])


def _check_org(path: Mapping[str, str]) -> None:
    if path.get("org") != EMULATED_ORG:
        raise CDFError(403, f"The caller is not logged into organization {path.get('org')!r}")


def principals_list(
    emulator: CDFEmulator, path: Mapping[str, str], query: Mapping[str, str], body: Any, headers: Mapping[str, str]
) -> tuple[int, Any]:
    """``GET /api/v1/orgs/{org}/principals`` (``types``, ``limit`` up to 100, ``cursor``)."""
    _check_org(path)
    kind = query.get("types")
    found = [dict(p) for p in _PRINCIPALS if kind is None or p["type"] == kind]
    page = _page(found, query, 100, "pl")
    if "nextCursor" in page:  # the organization API wraps its cursor in an object
        page["nextCursor"] = {"cursor": page["nextCursor"]}
    return 200, page


def principals_byids(
    emulator: CDFEmulator, path: Mapping[str, str], query: Mapping[str, str], body: Any, headers: Mapping[str, str]
) -> tuple[int, Any]:
    """``POST /api/v1/orgs/{org}/principals/byids`` (by ``id``, or ``externalId`` of service accounts)."""
    _check_org(path)
    refs = _body_items(body, 100)
    found, missing = [], []
    for ref in refs:
        key = "id" if isinstance(ref, dict) and "id" in ref else "externalId"
        value = ref.get(key) if isinstance(ref, dict) else None
        hit = next((p for p in _PRINCIPALS if p.get(key) == value), None)
        if hit is None:
            missing.append({key: value})
        elif hit not in found:
            found.append(hit)
    if missing and not body.get("ignoreUnknownIds", False):
        raise CDFError(400, "Principals not found", missing=missing)
    return 200, {"items": [dict(p) for p in found]}


GROUPS = Family(
    name="groups",
    path="/groups",
    write_fields={},
    verbs=frozenset(),
    routes={("GET", ""): "list_groups", ("POST", ""): "create_groups", ("POST", "/delete"): "delete_groups"},
    store_cls=GroupsStore,
)
SECURITY_CATEGORIES = Family(
    name="securitycategories",
    path="/securitycategories",
    write_fields={},
    verbs=frozenset(),
    routes={
        ("GET", ""): "list_categories",
        ("POST", ""): "create_categories",
        ("POST", "/delete"): "delete_categories",
    },
    store_cls=SecurityCategoriesStore,
)
SESSIONS = Family(
    name="sessions",
    path="/sessions",
    write_fields={},
    verbs=frozenset(),
    routes={
        ("GET", ""): "list_sessions",
        ("POST", ""): "create_session",
        ("POST", "/byids"): "sessions_byids",
        ("POST", "/revoke"): "revoke_sessions",
    },
    store_cls=SessionsStore,
)
PROFILES = Family(
    name="profiles",
    path="/profiles",
    write_fields={},
    verbs=frozenset(),
    routes={
        ("GET", ""): "list_profiles",
        ("GET", "/me"): "my_profile",
        ("POST", "/byids"): "profiles_byids",
        ("POST", "/search"): "search_profiles",
    },
    store_cls=ProfilesStore,
)
PROJECT = Family(
    name="project",
    path="",
    write_fields={},
    verbs=frozenset(),
    routes={("GET", "/"): "get_project", ("POST", "/update"): "update_project"},
    store_cls=ProjectStore,
    outside_routes={
        ("GET", "/api/v1/token/inspect"): token_inspect,
        ("GET", "/api/v1/principals/me"): principals_me,
        ("GET", "/api/v1/orgs/{org}/principals"): principals_list,
        ("POST", "/api/v1/orgs/{org}/principals/byids"): principals_byids,
    },
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
IAM_FAMILIES: tuple[Family, ...] = (GROUPS, SECURITY_CATEGORIES, SESSIONS, PROFILES, PROJECT)
