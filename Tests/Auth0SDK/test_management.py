"""Auth0 compatibility suite on Auth0's own Python SDK (auth0-python 6.x).

Drives a running, seeded server (Scripts/auth0-sdk-compat.sh starts one) through the SDK's Management client and its
authentication API. The SDK validates every response with its pydantic models, so a call that returns is a response
that parsed; each check also asserts what the server must have done. Prints one line per check and exits non-zero
if any failed.

Usage: python3 test_management.py <base URL, e.g. http://127.0.0.1:PORT> <management token>
"""

import base64
import hashlib
import html
import re
import secrets
import sys
import traceback
import urllib.parse

import httpx
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from auth0.authentication import GetToken
from auth0.management import Auth0
from auth0.management.core.api_error import ApiError

BASE, TOKEN = sys.argv[1].rstrip("/"), sys.argv[2]
DOMAIN = urllib.parse.urlparse(BASE).netloc
MANAGEMENT_AUDIENCE = "urn:authhero:management"
# Seeded by ManagementFuzzServer.
SEEDED_USER = ("fuzz@example.com", "correct horse battery staple")
CONNECTION = "Username-Password-Authentication"

# No retries: a 429 or 5xx must show up as the failure it is, not be hidden by the SDK's back-off.
api = Auth0(base_url=BASE + "/api/v2", token=TOKEN, max_retries=0)
# The same token acting on the seeded customer tenant (platform staff may name any tenant at the control plane).
CUSTOMER_TENANT = "acme"
CUSTOMER_HOST = "acme.localhost:3000"  # the tenant's own host under the seeded base URL http://localhost:3000/
customer = Auth0(base_url=BASE + "/api/v2", token=TOKEN, max_retries=0, headers={"tenant-id": CUSTOMER_TENANT})
failures = []


def check(name):
    def run(fn):
        try:
            fn()
            print(f"ok    {name}")
        except Exception as error:  # every failure is reported, then the suite goes on
            failures.append(name)
            print(f"FAIL  {name}: {type(error).__name__}: {error}")
            traceback.print_exc(limit=-3)
        return fn

    return run


def expect_error(status, error_code, call):
    """The call must fail with the SDK's ApiError, Auth0's status and Auth0's error body."""
    try:
        call()
    except ApiError as error:
        assert error.status_code == status, f"status {error.status_code}, expected {status}: {error.body}"
        body = error.body
        assert isinstance(body, dict), f"error body is not a JSON object: {body!r}"
        assert body.get("statusCode") == status, f"statusCode {body.get('statusCode')} in {body}"
        assert isinstance(body.get("error"), str) and isinstance(body.get("message"), str), body
        if error_code is not None:
            assert body.get("errorCode") == error_code, f"errorCode {body.get('errorCode')} in {body}"
        return body
    raise AssertionError(f"expected ApiError {status}, the call succeeded")


def every_item(pager):
    """Every item the SDK's pager yields, walking all pages; a page served twice would repeat items."""
    items = list(pager)
    dumps = [item.model_dump_json() for item in items]
    assert len(set(dumps)) == len(dumps), "the pager yielded an item twice"
    return items


suffix = secrets.token_hex(4)
state = {}


@check("users: create, get, update, list by page, by email")
def users():
    created = [
        api.users.create(connection=CONNECTION, email=f"sdk{i}-{suffix}@example.com", password=f"Sdk-{suffix}-pass-{i}!")
        for i in range(7)
    ]
    state["users"] = [u.user_id for u in created]
    got = api.users.get(created[0].user_id)
    assert got.email == created[0].email
    updated = api.users.update(created[0].user_id, name="SDK User", user_metadata={"plan": "pro"})
    assert updated.name == "SDK User", updated
    listed = {u.user_id for u in every_item(api.users.list(per_page=3))}
    assert set(state["users"]) <= listed, f"the pager missed {set(state['users']) - listed}"
    by_email = api.users.list_users_by_email(email=created[1].email)
    assert [u.user_id for u in by_email] == [created[1].user_id]
    expect_error(404, "inexistent_user", lambda: api.users.get("auth0|does-not-exist"))


@check("roles: create, update, permissions, users, list by page")
def roles():
    rs = api.resource_servers.create(
        identifier=f"https://sdk-{suffix}.example.com", name=f"SDK API {suffix}",
        scopes=[{"value": "read:things", "description": "Read things"}, {"value": "write:things", "description": "W"}],
    )
    state["resource_server"] = rs
    made = [api.roles.create(name=f"sdk-role-{suffix}-{i}", description="made by the SDK suite") for i in range(5)]
    state["roles"] = [r.id for r in made]
    role = api.roles.update(made[0].id, description="updated")
    assert role.description == "updated"
    assert api.roles.get(made[0].id).name == made[0].name
    listed = {r.id for r in every_item(api.roles.list(per_page=2))}
    assert set(state["roles"]) <= listed, f"the pager missed {set(state['roles']) - listed}"
    permissions = [{"resource_server_identifier": rs.identifier, "permission_name": "read:things"},
                   {"resource_server_identifier": rs.identifier, "permission_name": "write:things"}]
    api.roles.permissions.add(made[0].id, permissions=permissions)
    got = {p.permission_name for p in every_item(api.roles.permissions.list(made[0].id, per_page=1))}
    assert got == {"read:things", "write:things"}, got
    api.roles.permissions.delete(made[0].id, permissions=permissions[1:])
    got = {p.permission_name for p in every_item(api.roles.permissions.list(made[0].id))}
    assert got == {"read:things"}, got
    users = state["users"]
    api.users.roles.assign(users[0], roles=[made[0].id, made[1].id])
    got = {r.id for r in every_item(api.users.roles.list(users[0], per_page=1))}
    assert got == {made[0].id, made[1].id}, got
    members = {u.user_id for u in every_item(api.roles.users.list(made[0].id, take=1))}
    assert members == {users[0]}, members
    permissions_of_user = {p.permission_name for p in every_item(api.users.permissions.list(users[0]))}
    assert permissions_of_user == {"read:things"}, permissions_of_user
    api.users.roles.delete(users[0], roles=[made[1].id])
    got = {r.id for r in every_item(api.users.roles.list(users[0]))}
    assert got == {made[0].id}, got
    expect_error(404, None, lambda: api.roles.get("rol_doesnotexist0000"))


@check("resource servers: get, update, list by page, delete")
def resource_servers():
    rs = state["resource_server"]
    assert api.resource_servers.get(rs.id).identifier == rs.identifier
    updated = api.resource_servers.update(rs.id, name=f"SDK API renamed {suffix}")
    assert updated.name == f"SDK API renamed {suffix}"
    extra = [api.resource_servers.create(identifier=f"https://sdk-{suffix}-{i}.example.com", name=f"x{i}-{suffix}")
             for i in range(3)]
    listed = {r.id for r in every_item(api.resource_servers.list(per_page=2))}
    assert {rs.id} | {r.id for r in extra} <= listed
    for r in extra:
        api.resource_servers.delete(r.id)
    expect_error(404, None, lambda: api.resource_servers.get(extra[0].id))


@check("organizations: create, get, by name, update, members, member roles, list by checkpoint")
def organizations():
    orgs = [api.organizations.create(name=f"sdk-org-{suffix}-{i}", display_name=f"SDK Org {i}") for i in range(4)]
    state["orgs"] = [o.id for o in orgs]
    assert api.organizations.get(orgs[0].id).name == orgs[0].name
    assert api.organizations.get_by_name(orgs[0].name).id == orgs[0].id
    assert api.organizations.update(orgs[0].id, display_name="Renamed").display_name == "Renamed"
    listed = {o.id for o in every_item(api.organizations.list(take=2))}
    assert set(state["orgs"]) <= listed, f"the pager missed {set(state['orgs']) - listed}"
    users = state["users"]
    api.organizations.members.create(orgs[0].id, members=users[:3])
    members = {m.user_id for m in every_item(api.organizations.members.list(orgs[0].id, take=2))}
    assert members == set(users[:3]), members
    api.organizations.members.roles.assign(orgs[0].id, users[0], roles=[state["roles"][2]])
    got = {r.id for r in every_item(api.organizations.members.roles.list(orgs[0].id, users[0]))}
    assert got == {state["roles"][2]}, got
    in_orgs = {o.id for o in every_item(api.users.organizations.list(users[0]))}
    assert orgs[0].id in in_orgs, in_orgs
    api.organizations.members.roles.delete(orgs[0].id, users[0], roles=[state["roles"][2]])
    assert every_item(api.organizations.members.roles.list(orgs[0].id, users[0])) == []
    api.organizations.members.delete(orgs[0].id, members=[users[2]])
    members = {m.user_id for m in every_item(api.organizations.members.list(orgs[0].id))}
    assert members == set(users[:2]), members
    api.organizations.delete(orgs[3].id)
    expect_error(404, None, lambda: api.organizations.get(orgs[3].id))


@check("clients: create, get, update, rotate secret, list by page; client grants")
def clients():
    m2m = api.clients.create(name=f"sdk-m2m-{suffix}", app_type="non_interactive")
    web = api.clients.create(
        name=f"sdk-web-{suffix}", app_type="regular_web", callbacks=["http://127.0.0.1:9/callback"],
        grant_types=["authorization_code", "refresh_token"],
    )
    state["m2m"], state["web"] = m2m, web
    assert api.clients.get(m2m.client_id).name == m2m.name
    assert api.clients.update(m2m.client_id, description="SDK machine").description == "SDK machine"
    rotated = api.clients.rotate_secret(m2m.client_id)
    assert rotated.client_secret and rotated.client_secret != m2m.client_secret
    state["m2m_secret"] = rotated.client_secret
    listed = {c.client_id for c in every_item(api.clients.list(per_page=2))}
    assert {m2m.client_id, web.client_id} <= listed
    grant = api.client_grants.create(client_id=m2m.client_id, audience=MANAGEMENT_AUDIENCE, scope=["read:users"])
    state["grant"] = grant
    updated = api.client_grants.update(grant.id, scope=["read:users", "read:roles"])
    assert set(updated.scope) == {"read:users", "read:roles"}, updated.scope
    grants = {g.id for g in every_item(api.client_grants.list(take=1))}
    assert grant.id in grants
    expect_error(409, None, lambda: api.client_grants.create(
        client_id=m2m.client_id, audience=MANAGEMENT_AUDIENCE, scope=["read:users"]))


@check("authentication: client credentials through GetToken")
def client_credentials():
    token = GetToken(DOMAIN, state["m2m"].client_id, client_secret=state["m2m_secret"], protocol="http")
    issued = token.client_credentials(MANAGEMENT_AUDIENCE)
    assert issued["token_type"] == "Bearer" and issued["access_token"], issued
    scoped = Auth0(base_url=BASE + "/api/v2", token=issued["access_token"], max_retries=0)
    assert scoped.users.get(state["users"][0]).user_id == state["users"][0]
    expect_error(403, None, lambda: scoped.roles.create(name=f"not-allowed-{suffix}"))


def authorization_code(client, email, password, redirect_uri):
    """Drives /authorize and the login form like a browser and returns the code from the redirect."""
    with httpx.Client(base_url=BASE, follow_redirects=False) as browser:
        response = browser.get("/authorize", params={
            "response_type": "code", "client_id": client.client_id, "redirect_uri": redirect_uri,
            "scope": "openid profile email offline_access", "state": "sdk-state", "audience": MANAGEMENT_AUDIENCE,
        })
        while response.status_code in (302, 303) and not response.headers["location"].startswith(redirect_uri):
            response = browser.get(response.headers["location"])
        assert response.status_code == 200, f"login page: {response.status_code} {response.text[:300]}"
        form = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', response.text))
        action = html.unescape(re.search(r'<form method="post" action="([^"]+)"', response.text).group(1))
        response = browser.post(action, data={**{k: html.unescape(v) for k, v in form.items()},
                                              "email": email, "password": password})
        while response.status_code in (302, 303) and not response.headers["location"].startswith(redirect_uri):
            response = browser.get(response.headers["location"])
        assert response.status_code in (302, 303), f"after login: {response.status_code} {response.text[:300]}"
        query = urllib.parse.parse_qs(urllib.parse.urlparse(response.headers["location"]).query)
        assert query.get("state") == ["sdk-state"], query
        return query["code"][0]


@check("authentication: authorization code and refresh token through GetToken")
def code_and_refresh():
    web = state["web"]
    redirect_uri = "http://127.0.0.1:9/callback"
    code = authorization_code(web, *SEEDED_USER, redirect_uri)
    token = GetToken(DOMAIN, web.client_id, client_secret=web.client_secret, protocol="http")
    issued = token.authorization_code(code, redirect_uri)
    assert issued["access_token"] and issued["id_token"] and issued["refresh_token"], issued
    refreshed = token.refresh_token(issued["refresh_token"])
    assert refreshed["access_token"] and refreshed["access_token"] != issued["access_token"], refreshed


@check("connections: list by page, get, update")
def connections():
    listed = every_item(api.connections.list(take=1))
    database = next(c for c in listed if c.name == CONNECTION)
    assert api.connections.get(database.id).name == CONNECTION
    api.connections.update(database.id, options={"passwordPolicy": "good"})


@check("custom domains: create, get, list, verify, delete")
def custom_domains():
    expect_error(403, "operation_not_supported", lambda: api.custom_domains.create(
        domain=f"login-{suffix}.example.com", type="self_managed_certs"))
    domain = customer.custom_domains.create(domain=f"login-{suffix}.example.com", type="self_managed_certs")
    assert customer.custom_domains.get(domain.custom_domain_id).domain == domain.domain
    assert domain.custom_domain_id in {d.custom_domain_id for d in customer.custom_domains.list()}
    verified = customer.custom_domains.verify(domain.custom_domain_id)
    assert verified.status != "ready", verified
    customer.custom_domains.delete(domain.custom_domain_id)
    expect_error(404, None, lambda: customer.custom_domains.get(domain.custom_domain_id))


# On the customer tenant: revoking a control-plane key would revoke the key that signed the suite's own token.
@check("keys: signing list, get, rotate, revoke; JWKS x5c and x5t")
def signing_keys():
    before = customer.keys.signing.list()
    current = next(k for k in before if k.current)
    got = customer.keys.signing.get(current.kid)
    assert got.cert == current.cert, "the certificate changed between two reads"
    assert got.cert.startswith("-----BEGIN CERTIFICATE-----\r\n"), got.cert[:40]
    certificate = x509.load_pem_x509_certificate(got.cert.encode())
    der = certificate.public_bytes(Encoding.DER)
    sha1 = hashlib.sha1(der).hexdigest().upper()
    assert got.thumbprint == sha1, (got.thumbprint, sha1)
    assert got.fingerprint == ":".join(sha1[i:i + 2] for i in range(0, len(sha1), 2)), got.fingerprint
    assert got.pkcs_7 is None
    jwks = httpx.get(BASE + "/.well-known/jwks.json", headers={"Host": CUSTOMER_HOST}).json()["keys"]
    entry = next(k for k in jwks if k["kid"] == current.kid)
    assert base64.b64decode(entry["x5c"][0]) == der
    assert entry["x5t"] == base64.urlsafe_b64encode(hashlib.sha1(der).digest()).rstrip(b"=").decode()
    rotated = customer.keys.signing.rotate()
    assert rotated.kid != current.kid
    assert x509.load_pem_x509_certificate(rotated.cert.encode()).public_key() is not None
    expect_error(409, "signing_key_in_use", lambda: customer.keys.signing.revoke(rotated.kid))
    revoked = customer.keys.signing.revoke(current.kid)
    assert revoked.kid == current.kid and revoked.cert == got.cert
    assert customer.keys.signing.get(current.kid).revoked
    expect_error(404, "inexistent_signing_key", lambda: customer.keys.signing.get("no-such-kid"))


@check("logs: list by page, get")
def logs():
    entries = every_item(api.logs.list(per_page=5))
    assert entries, "no log entries"
    assert api.logs.get(entries[0].log_id).log_id == entries[0].log_id


@check("tenant settings: get, update")
def tenant_settings():
    settings = api.tenants.settings.get()
    updated = api.tenants.settings.update(friendly_name=f"SDK {suffix}")
    assert updated.friendly_name == f"SDK {suffix}", updated
    assert settings is not None


@check("jobs: users import, get, errors, export fetched from its location without a token")
def jobs():
    import gzip
    import json
    import time

    database = next(c for c in every_item(customer.connections.list(take=50)) if c.name == CONNECTION)
    users_file = json.dumps([
        {"email": f"job-{suffix}@example.com", "user_id": f"job-{suffix}",
         "password_hash": "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a"},
        {"email": f"job-odd-{suffix}@example.com",
         "custom_password_hash": {"algorithm": "whirlpool", "hash": {"value": "00", "encoding": "hex"}}},
    ])
    created = customer.jobs.users_imports.create(
        users=("users.json", users_file.encode(), "application/json"), connection_id=database.id, upsert=False,
        external_id=f"sdk-{suffix}", send_completion_email=False)
    assert created.type == "users_import" and created.connection_id == database.id, created

    def finished(job_id):
        for _ in range(100):
            job = customer.jobs.get(job_id)
            if job.status in ("completed", "failed"):
                return job
            time.sleep(0.1)
        raise AssertionError(f"job {job_id} did not finish")

    job = finished(created.id)
    assert job.status == "completed", job
    assert (job.summary.inserted, job.summary.failed, job.summary.total) == (1, 1, 2), job.summary
    errors = customer.jobs.errors.get(created.id)
    assert [e.errors[0].code for e in errors] == ["INVALID_HASH"], errors
    assert errors[0].user["email"] == f"job-odd-{suffix}@example.com"
    expect_error(404, "inexistent_job", lambda: api.jobs.get(created.id))
    too_big = json.dumps([{"email": "big@example.com", "name": "x" * (600 * 1024)}]).encode()
    expect_error(413, "payload_too_large", lambda: customer.jobs.users_imports.create(
        users=("users.json", too_big, "application/json"), connection_id=database.id))
    expect_error(400, "invalid_body", lambda: customer.jobs.users_imports.create(
        users=("users.json", b'{"email": "x@example.com"}', "application/json"), connection_id=database.id))

    export = customer.jobs.users_exports.create(
        connection_id=database.id, format="json", fields=[{"name": "email"}, {"name": "user_id", "export_as": "id"}])
    assert export.type == "users_export", export
    done = finished(export.id)
    assert done.location, done
    # The location is fetched without a token, as Auth0's is; the host is the server's own.
    location = urllib.parse.urlparse(done.location)
    answer = httpx.get(BASE + location.path + "?" + location.query, headers={"Host": location.netloc})
    assert answer.status_code == 200, answer.text
    lines = [json.loads(line) for line in gzip.decompress(answer.content).decode().splitlines()]
    assert {"email": f"job-{suffix}@example.com", "id": f"auth0|job-{suffix}"} in lines, lines
    forged = httpx.get(BASE + location.path + "?" + location.query + "x", headers={"Host": location.netloc})
    assert forged.status_code == 403, forged.text
    customer.users.delete(f"auth0|job-{suffix}")


@check("errors: Auth0 status and body for a bad token and a bad body")
def errors():
    anonymous = Auth0(base_url=BASE + "/api/v2", token="not-a-token", max_retries=0)
    expect_error(401, None, lambda: anonymous.users.list().items)
    expect_error(400, None, lambda: api.users.create(connection="no-such-connection", email="x@example.com",
                                                      password="Sdk-x-pass-1!"))


@check("cleanup: delete what the suite made")
def cleanup():
    for org in state.get("orgs", [])[:3]:
        api.organizations.delete(org)
    for role in state.get("roles", []):
        api.roles.delete(role)
    api.resource_servers.delete(state["resource_server"].id)
    api.client_grants.delete(state["grant"].id)
    for client in (state["m2m"], state["web"]):
        api.clients.delete(client.client_id)
    for user in state.get("users", []):
        api.users.delete(user)
    expect_error(404, None, lambda: api.users.get(state["users"][0]))


print(f"{len(failures)} check(s) failed" if failures else "every check passed")
sys.exit(1 if failures else 0)
