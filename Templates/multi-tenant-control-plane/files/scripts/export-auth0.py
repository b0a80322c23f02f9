#!/usr/bin/env python3
"""Exports an Auth0 tenant into the folder `import-auth0` reads (nothing else reads or changes the tenant).

Needs auth0-python 6.x (`pip install 'auth0-python>=6,<7'`) and a Management API token with read:users,
read:roles, read:resource_servers, read:clients, read:connections, read:organizations,
read:organization_members and read:organization_member_roles.

  python3 scripts/export-auth0.py --domain acme.eu.auth0.com --token "$AUTH0_TOKEN" --output auth0-export

Writes, each JSON file one array of the API's objects (pages concatenated):
  users.ndjson                          a users-exports job per database connection, un-gzipped
  connections.json  resource-servers.json  roles.json  roles/<id>/permissions.json  clients.json
  organizations.json  organizations/<id>/members.json  organizations/<id>/members/<user_id>/roles.json
An export carries no password hashes (Auth0 gives them only through a support request): put the bulk-import file
Auth0 support sends as users.json in the folder, and remove users.ndjson, to keep passwords.
"""
import argparse
import gzip
import json
import os
import time

import httpx
from auth0.management import Auth0

USER_FIELDS = ["user_id", "email", "email_verified", "username", "name", "given_name", "family_name", "nickname",
               "picture", "blocked", "user_metadata", "app_metadata", "identities", "created_at"]


def dump(items):
    """The SDK's models back in the API's JSON shape."""
    return [item.model_dump(mode="json", by_alias=True, exclude_none=True) for item in items]


def write(folder, relative, value):
    path = os.path.join(folder, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        json.dump(value, file, indent=1)
        file.write("\n")


def export_users(api, connection_id):
    """Runs a users-exports job (NDJSON) for one connection and returns its lines, un-gzipped."""
    job = api.jobs.users_exports.create(
        connection_id=connection_id, format="json", fields=[{"name": name} for name in USER_FIELDS])
    while True:
        state = api.jobs.get(job.id)
        if state.status == "completed":
            break
        if state.status == "failed":
            raise SystemExit(f"the users export of {connection_id} failed: {state}")
        time.sleep(2)
    # The location is a signed URL fetched without the token.
    answer = httpx.get(state.location, timeout=120)
    answer.raise_for_status()
    return gzip.decompress(answer.content).decode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--domain", required=True, help="the tenant's domain, e.g. acme.eu.auth0.com")
    parser.add_argument("--token", required=True, help="a Management API access token")
    parser.add_argument("--output", required=True, help="the folder to write (created)")
    arguments = parser.parse_args()
    api = Auth0(base_url=f"https://{arguments.domain}/api/v2", token=arguments.token)
    folder = arguments.output
    os.makedirs(folder, exist_ok=True)

    connections = dump(api.connections.list(take=50))
    write(folder, "connections.json", connections)
    with open(os.path.join(folder, "users.ndjson"), "w", encoding="utf-8") as users:
        for connection in connections:
            if connection["strategy"] == "auth0":
                users.write(export_users(api, connection["id"]).rstrip("\n") + "\n")

    write(folder, "resource-servers.json", dump(api.resource_servers.list(per_page=50)))
    roles = dump(api.roles.list(per_page=50))
    write(folder, "roles.json", roles)
    for role in roles:
        write(folder, f"roles/{role['id']}/permissions.json", dump(api.roles.permissions.list(role["id"], per_page=50)))
    write(folder, "clients.json", dump(api.clients.list(per_page=50)))

    # Organizations and members use checkpoint paging (from/take): the SDK's pager follows `next`.
    organizations = dump(api.organizations.list(take=50))
    write(folder, "organizations.json", organizations)
    for organization in organizations:
        base = f"organizations/{organization['id']}"
        members = dump(api.organizations.members.list(organization["id"], take=50))
        write(folder, f"{base}/members.json", members)
        for member in members:
            member_roles = api.organizations.members.roles.list(organization["id"], member["user_id"], per_page=50)
            write(folder, f"{base}/members/{member['user_id']}/roles.json", dump(member_roles))
    print(f"Wrote {folder}: {len(connections)} connections, {len(roles)} roles, {len(organizations)} organizations.")


if __name__ == "__main__":
    main()
