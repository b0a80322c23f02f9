"""Writes this Auth0 export fixture (run from this folder): Auth0's documented Management API shapes, 50 users in
Auth0's bulk-import format with one hash kind each. Password `correct horse` for the digests; the bcrypt users carry
PHP's documented `$2y$` vector for `rasmuslerdorf` under each of the `2a`, `2b` and `2y` labels (one algorithm: the
labels differ only for passwords over 255 bytes)."""
import base64, hashlib, json, os

PASSWORD = "correct horse"
BCRYPT = ".vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a"
b64 = lambda raw: base64.b64encode(raw).decode()
phc = lambda raw: b64(raw).rstrip("=")


def pbkdf2(digest, length, salt):
    raw = hashlib.pbkdf2_hmac(digest, PASSWORD.encode(), salt.encode(), 1000, length)
    return {"algorithm": "pbkdf2", "hash": {"value": f"$pbkdf2-{digest}$i=1000,l={length}${phc(salt.encode())}${phc(raw)}", "encoding": "utf8"}}


def salted(digest, position, salt, encoding):
    text = salt + PASSWORD if position == "prefix" else PASSWORD + salt
    raw = hashlib.new(digest, text.encode()).digest()
    value = raw.hex() if encoding == "hex" else b64(raw)
    return {"algorithm": digest, "hash": {"value": value, "encoding": encoding}, "salt": {"value": salt, "encoding": "utf8", "position": position}}


KINDS = [
    ("bcrypt-2a", lambda s: {"password_hash": "$2a$10$" + BCRYPT}),
    ("bcrypt-2b", lambda s: {"password_hash": "$2b$10$" + BCRYPT}),
    ("bcrypt-2y", lambda s: {"password_hash": "$2y$10$" + BCRYPT}),
    ("pbkdf2-sha256", lambda s: {"custom_password_hash": pbkdf2("sha256", 32, s)}),
    ("pbkdf2-sha512", lambda s: {"custom_password_hash": pbkdf2("sha512", 64, s)}),
    ("sha256-prefix", lambda s: {"custom_password_hash": salted("sha256", "prefix", s, "hex")}),
    ("sha256-suffix", lambda s: {"custom_password_hash": salted("sha256", "suffix", s, "base64")}),
    ("sha512-prefix", lambda s: {"custom_password_hash": salted("sha512", "prefix", s, "hex")}),
    ("sha512-suffix", lambda s: {"custom_password_hash": salted("sha512", "suffix", s, "base64")}),
    ("md5", lambda s: {"custom_password_hash": {"algorithm": "md5", "hash": {"value": hashlib.md5(PASSWORD.encode()).hexdigest(), "encoding": "hex"}}}),
]

users = []
for index in range(49):
    name, members = KINDS[index % len(KINDS)]
    user = {"user_id": f"user{index:02d}", "email": f"user{index:02d}@reports.example", "email_verified": True,
            "name": f"User {index:02d}", "user_metadata": {"hash_kind": name}}
    user.update(members(f"salt-{index:02d}"))
    users.append(user)
users.append({"user_id": "user49", "email": "user49@reports.example", "email_verified": True, "name": "User 49",
              "custom_password_hash": {"algorithm": "md4", "hash": {"value": "0" * 32, "encoding": "hex"}}})

API = "https://reports.example.com"
MANAGEMENT = "https://reports-co.eu.auth0.com/api/v2/"
roles = [
    {"id": "rol_ReaderAAAAAAAAA", "name": "reader", "description": "Reads reports"},
    {"id": "rol_EditorBBBBBBBBB", "name": "editor", "description": "Writes reports"},
    {"id": "rol_BillingCCCCCCCC", "name": "billing", "description": "Manages billing"},
]
permissions = {
    "rol_ReaderAAAAAAAAA": ["read:reports"],
    "rol_EditorBBBBBBBBB": ["read:reports", "write:reports"],
    "rol_BillingCCCCCCCC": ["manage:billing"],
}
organizations = [
    {"id": "org_AcmeAAAAAAAAAAAA", "name": "acme", "display_name": "Acme Corp", "metadata": {"plan": "gold"}},
    {"id": "org_GlobexBBBBBBBBBB", "name": "globex", "display_name": "Globex"},
    {"id": "org_InitechCCCCCCCCC", "name": "initech", "display_name": "Initech", "branding": {"colors": {"primary": "#0059d6"}}},
]
# Each organization: its members (user index) and their roles there.
membership = {
    "org_AcmeAAAAAAAAAAAA": {0: ["rol_EditorBBBBBBBBB"], 1: ["rol_ReaderAAAAAAAAA"], 2: []},
    "org_GlobexBBBBBBBBBB": {0: ["rol_ReaderAAAAAAAAA"], 3: ["rol_BillingCCCCCCCC", "rol_ReaderAAAAAAAAA"]},
    "org_InitechCCCCCCCCC": {4: ["rol_EditorBBBBBBBBB"], 49: ["rol_ReaderAAAAAAAAA"]},
}


def write(path, value):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w") as file:
        json.dump(value, file, indent=1)
        file.write("\n")


write("users.json", users)
write("connections.json", [
    {"id": "con_DbAAAAAAAAAAAAAA", "name": "Username-Password-Authentication", "strategy": "auth0",
     "options": {"brute_force_protection": True}, "enabled_clients": [], "realms": ["Username-Password-Authentication"]},
    {"id": "con_GoogleBBBBBBBBBB", "name": "google-oauth2", "strategy": "google-oauth2", "options": {}, "realms": ["google-oauth2"]},
])
write("resource-servers.json", [
    {"id": "5f0c0a1b2c3d4e5f6a7b8c9d", "name": "Reports API", "identifier": API, "signing_alg": "RS256",
     "token_lifetime": 600, "allow_offline_access": True, "skip_consent_for_verifiable_first_party_clients": True,
     "enforce_policies": True, "token_dialect": "access_token_authz",
     "scopes": [{"value": "read:reports", "description": "Read reports"}, {"value": "write:reports", "description": "Write reports"},
                {"value": "manage:billing", "description": "Manage billing"}]},
    {"id": "5f0c0a1b2c3d4e5f6a7b8c00", "name": "Auth0 Management API", "identifier": MANAGEMENT, "is_system": True,
     "signing_alg": "RS256", "token_lifetime": 86400, "allow_offline_access": False, "scopes": [{"value": "read:users", "description": "Read Users"}]},
])
write("roles.json", roles)
for role_id, names in permissions.items():
    entries = [{"resource_server_identifier": API, "permission_name": name, "resource_server_name": "Reports API",
                "description": name} for name in names]
    if role_id == "rol_BillingCCCCCCCC":
        entries.append({"resource_server_identifier": MANAGEMENT, "permission_name": "read:users",
                        "resource_server_name": "Auth0 Management API", "description": "Read Users"})
    write(f"roles/{role_id}/permissions.json", entries)
write("clients.json", [
    {"client_id": "ReportsSpaAAAAAAAAAAAAAAAAAAAAAA", "name": "Reports SPA", "app_type": "spa", "is_first_party": True,
     "callbacks": ["http://localhost:5173/callback"], "allowed_logout_urls": ["http://localhost:5173/"],
     "web_origins": ["http://localhost:5173"], "grant_types": ["authorization_code", "refresh_token", "implicit"],
     "token_endpoint_auth_method": "none", "jwt_configuration": {"alg": "RS256", "lifetime_in_seconds": 36000}},
    {"client_id": "ReportsWebBBBBBBBBBBBBBBBBBBBBBB", "name": "Reports Web", "app_type": "regular_web",
     "client_secret": "auth0-secret-that-cannot-be-kept", "callbacks": ["https://reports.example/callback"],
     "grant_types": ["authorization_code", "refresh_token"], "token_endpoint_auth_method": "client_secret_post"},
    {"client_id": "ReportsJobsCCCCCCCCCCCCCCCCCCCCC", "name": "Reports jobs", "app_type": "non_interactive",
     "client_secret": "auth0-secret-that-cannot-be-kept", "grant_types": ["client_credentials"],
     "token_endpoint_auth_method": "client_secret_post"},
    {"client_id": "GlobalDDDDDDDDDDDDDDDDDDDDDDDDDD", "name": "All Applications", "global": True,
     "callbacks": [], "is_first_party": True},
])
write("organizations.json", organizations)
for org_id, members in membership.items():
    write(f"organizations/{org_id}/members.json", [
        {"user_id": f"auth0|user{index:02d}", "email": f"user{index:02d}@reports.example", "picture": "", "name": f"User {index:02d}"}
        for index in members])
    for index, role_ids in members.items():
        names = {role["id"]: role["name"] for role in roles}
        write(f"organizations/{org_id}/members/auth0|user{index:02d}/roles.json",
              [{"id": role_id, "name": names[role_id], "description": ""} for role_id in role_ids])
