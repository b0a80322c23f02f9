"""Schemathesis hooks for the Management API fuzz run's negative cases (SCHEMATHESIS_HOOKS=security_rules).

The attacker is a customer tenant's administrator: a token holding what the tenant's `admin` role holds, sent to
the tenant's own host. Schemathesis generates its requests; these hooks steer those that hand out power towards
real objects and permissions the attacker may lack, and two checks hold every answer to the hardening rules:

- `scope_enforced`: an operation whose scope the token lacks never succeeds, and refuses with 403
  `insufficient_scope`.
- `NoEscalation`: adding role permissions, assigning user or organization member roles, and creating or changing
  client grants succeed only for Management API permissions the token holds (and nothing on an internal API); a
  refusal is 403 `insufficient_scope` naming what is missing, and the holder's state is exactly as before. The run
  fails unless every steered operation saw such a refusal.

The objects the steered requests use (a role holding platform-only permissions, a plain role, a user, an
organization with that user as member) are created at import through the platform-staff token.

Environment (set by Scripts/management-api-fuzz.sh): FUZZ_BASE_URL, FUZZ_STAFF_TOKEN, FUZZ_TENANT_ID,
FUZZ_TENANT_SCOPES (space-separated).
"""

import json
import os
import urllib.error
import urllib.parse
import urllib.request

import schemathesis
from hypothesis import strategies as st

MANAGEMENT = "urn:authhero:management"
BASE = os.environ["FUZZ_BASE_URL"]
STAFF_TOKEN = os.environ["FUZZ_STAFF_TOKEN"]
TENANT = os.environ["FUZZ_TENANT_ID"]
HELD = set(os.environ["FUZZ_TENANT_SCOPES"].split())
PLATFORM_ONLY = ["update:connections", "create:signing_keys", "update:tenant_settings", "create:resource_servers"]


def staff(method, path, body=None):
    """A request to the tenant through the platform-staff token; returns (status, parsed body or None)."""
    request = urllib.request.Request(
        f"{BASE}/api/v2/{path}", method=method, data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {STAFF_TOKEN}", "tenant-id": TENANT, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        raw = error.read()
        return error.code, json.loads(raw) if raw else None


def created(method, path, body):
    status, answer = staff(method, path, body)
    assert 200 <= status < 300, f"fixture {method} {path} answered {status}: {answer}"
    return answer


def every_scope():
    """Every scope an operation of the document requires, the platform-only ones and admin:tenants."""
    with urllib.request.urlopen(f"{BASE}/api/v2/spec", timeout=20) as response:
        document = json.load(response)
    required = {scope for item in document["paths"].values() for operation in item.values()
                for requirement in operation.get("security", []) for scopes in requirement.values()
                for scope in scopes}
    return sorted(required | set(PLATFORM_ONLY) | {"admin:tenants"})


SCOPES = every_scope()
POWERFUL = created("POST", "roles", {"name": "fuzz-platform-like", "description": "holds platform-only permissions"})
created("POST", f"roles/{POWERFUL['id']}/permissions",
        {"permissions": [{"permission_name": name, "resource_server_identifier": MANAGEMENT} for name in PLATFORM_ONLY]})
PLAIN = created("POST", "roles", {"name": "fuzz-plain"})
USER = created("POST", "users", {"email": "fuzz-member@example.com", "password": "a long fuzz password 1",
                                 "connection": "Username-Password-Authentication"})
ORGANIZATION = created("POST", "organizations", {"name": "fuzz-org", "display_name": "Fuzz"})
created("POST", f"organizations/{ORGANIZATION['id']}/members", {"members": [USER["user_id"]]})
PEER = created("POST", "clients", {"name": "fuzz-peer", "app_type": "non_interactive"})
ROLE_IDS = [POWERFUL["id"], PLAIN["id"]]


def segment(value):
    """`value` as one path segment: generated ids hold any character."""
    return urllib.parse.quote(str(value), safe="")


def permissions_of_role(role_id):
    status, answer = staff("GET", f"roles/{segment(role_id)}/permissions?per_page=100")
    return sorted((p["resource_server_identifier"], p["permission_name"]) for p in answer or []) if status == 200 else None


def roles_state(path):
    status, answer = staff("GET", f"{path}?per_page=100")
    return sorted(role["id"] for role in answer or []) if status == 200 else None


def grants_state():
    status, answer = staff("GET", "client-grants?per_page=100")
    return sorted(json.dumps(grant, sort_keys=True) for grant in answer or []) if status == 200 else None


def unheld(permissions):
    """The Management API permissions of `permissions` ((api, name) pairs) the attacker does not hold."""
    return sorted({name for api, name in permissions if api == MANAGEMENT and name not in HELD})


# -- Steering: grants of real objects, asking for permissions the attacker may or may not hold --------------------

permission = st.builds(lambda name: {"permission_name": name, "resource_server_identifier": MANAGEMENT},
                       st.sampled_from(SCOPES))


STEERED = ["addRolePermissions", "assignUserRoles", "assignMemberRoles", "createClientGrant"]
ROLES_BODY = st.builds(lambda r: {"roles": r}, st.lists(st.sampled_from(ROLE_IDS), min_size=1, max_size=2))
# Per steered operation: real objects for its path, and a body asking for permissions held or not.
STEERING = {
    "addRolePermissions": (
        st.fixed_dictionaries({"id": st.sampled_from(ROLE_IDS)}),
        st.builds(lambda p: {"permissions": p}, st.lists(permission, min_size=1, max_size=4))),
    "assignUserRoles": (st.just({"id": USER["user_id"]}), ROLES_BODY),
    "assignMemberRoles": (st.just({"id": ORGANIZATION["id"], "user_id": USER["user_id"]}), ROLES_BODY),
    "createClientGrant": (
        st.just({}),
        st.builds(lambda s: {"client_id": PEER["client_id"], "audience": MANAGEMENT, "scope": s},
                  st.lists(st.sampled_from(SCOPES), min_size=1, max_size=4, unique=True))),
}


@schemathesis.hook("flatmap_case").apply_to(operation_id=STEERED)
def steered_case(context, case):
    """Every generated case of a steered operation becomes a grant of real objects, at the attacker's own tenant (no
    `tenant-id` header), asking for permissions the attacker may or may not hold (the other runs fuzz their bodies
    freely)."""
    paths, bodies = STEERING[case.operation.definition.raw["operationId"]]

    def steer(parameters, body):
        case.path_parameters = {**(case.path_parameters or {}), **parameters}
        case.body = body
        case.headers = {name: value for name, value in (case.headers or {}).items() if name.lower() != "tenant-id"}
        return case

    return st.builds(steer, paths, bodies)


# -- Checks -------------------------------------------------------------------------------------------------------

def required_scope(case):
    security = case.operation.definition.raw.get("security") or [{}]
    scopes = next(iter(security[0].values()), [])
    return scopes[0] if scopes else None


def error_code(response):
    try:
        return response.json().get("errorCode")
    except ValueError:
        return None


@schemathesis.check
def scope_enforced(ctx, response, case):
    """An operation whose scope the token lacks never succeeds; it answers 403 insufficient_scope."""
    scope = required_scope(case)
    if scope is None or scope in HELD:
        return None
    if 200 <= response.status_code < 300:
        raise AssertionError(f"{case.operation.label} answered {response.status_code} to a token without {scope}")
    headers = {name.lower() for name in (case.headers or {})}
    if "tenant-id" not in headers and response.status_code != 404:
        assert response.status_code == 403 and error_code(response) == "insufficient_scope", (
            f"{case.operation.label} without {scope} answered {response.status_code} {response.text[:200]}")
    return None


def listed(body, key):
    """The list `body` holds under `key`; generated bodies hold anything there."""
    value = body.get(key)
    return value if isinstance(value, list) else []


def state_and_requested(case):
    """What the operation would hand out, and the state of its holder that a refusal must leave untouched."""
    operation = case.operation.definition.raw.get("operationId")
    body = case.body if isinstance(case.body, dict) else {}
    parameters = case.path_parameters or {}
    if operation == "addRolePermissions":
        asked = [(p.get("resource_server_identifier"), p.get("permission_name"))
                 for p in listed(body, "permissions") if isinstance(p, dict)]
        return (lambda: permissions_of_role(parameters.get("id"))), asked
    if operation in ("assignUserRoles", "assignMemberRoles"):
        roles = [r for r in listed(body, "roles") if isinstance(r, str)]
        asked = [p for role in roles for p in (permissions_of_role(role) or [])]
        path = (f"users/{segment(parameters.get('id'))}/roles" if operation == "assignUserRoles"
                else f"organizations/{segment(parameters.get('id'))}/members/{segment(parameters.get('user_id'))}/roles")
        return (lambda: roles_state(path)), asked
    if operation in ("createClientGrant", "updateClientGrant"):
        audience = body.get("audience") or MANAGEMENT
        asked = [(audience, s) for s in listed(body, "scope") if isinstance(s, str)]
        return grants_state, asked
    return None, []


# The holder's state read just before each steered request, by the case's identity, for NoEscalation.
BEFORE = {}


@schemathesis.hook
def before_call(context, case, kwargs):
    state, _ = state_and_requested(case)
    if state is not None:
        BEFORE[id(case)] = state()


@schemathesis.check
class NoEscalation:
    """Handing out a Management API permission the token lacks is refused, names it, and writes nothing; and the
    run did try that through every operation it steers (a negative case that never ran proves nothing)."""

    def __init__(self):
        self.refused = {}  # operationId -> distinct refused requests

    def after_response(self, ctx, response, case):
        state, asked = state_and_requested(case)
        missing = unheld(asked)
        if state is None or not missing:
            return None
        assert response.status_code in (400, 403, 404), (
            f"{case.operation.label} granted {missing}, which the token lacks: "
            f"{response.status_code} {response.text[:200]}")
        if response.status_code == 403:
            assert error_code(response) == "insufficient_scope", response.text[:200]
            message = response.json().get("message", "")
            assert all(name in message for name in missing), f"the refusal does not name {missing}: {message}"
            operation = case.operation.definition.raw.get("operationId")
            self.refused.setdefault(operation, set()).add(json.dumps([case.path_parameters, case.body], default=str))
        before, after = BEFORE.pop(id(case), None), state()
        assert before is None or after == before, (
            f"{case.operation.label} was refused but changed its holder: {before} -> {after}")
        return None

    def after_run(self, ctx):
        counts = {operation: len(self.refused.get(operation, ())) for operation in sorted(STEERED)}
        print(f"escalation attempts refused with 403 insufficient_scope: {counts}", flush=True)
        never = [operation for operation, count in counts.items() if count == 0]
        assert not never, f"no escalation was attempted through {never}: the steering hooks did not reach them"
