import { test } from "node:test";
import assert from "node:assert/strict";

import { OrgCache, createOrganizationClient } from "../org-cache.js";
import { createWebStorage } from "./web-storage.js";
import { ORG_A, ORG_B } from "./token-responses.js";

/** Records the options it was built with, like a constructor the SDK would receive. */
class RecordingAuth0Client {
  constructor(options) {
    this.options = options;
  }
}

test("createOrganizationClient gives the client the organization and an OrgCache for it", () => {
  const storage = createWebStorage();
  const client = createOrganizationClient(RecordingAuth0Client, {
    domain: "auth.example.com",
    clientId: "spa_client_1",
    organizationId: ORG_A,
    storage,
    useRefreshTokens: true,
    authorizationParams: { audience: "urn:authhero:management" },
  });

  assert.ok(client instanceof RecordingAuth0Client);
  const { cache, ...options } = client.options;
  assert.deepEqual(options, {
    domain: "auth.example.com",
    clientId: "spa_client_1",
    useRefreshTokens: true,
    authorizationParams: { audience: "urn:authhero:management", organization: ORG_A },
  });
  assert.ok(cache instanceof OrgCache);
  assert.equal(cache.organizationId, ORG_A);
  cache.set("@@auth0spajs@@::k", { v: 1 });
  assert.deepEqual(new OrgCache(ORG_A, { storage }).allKeys(), ["@@auth0spajs@@::k"]);
});

test("createOrganizationClient refuses an authorizationParams.organization that differs from its cache's", () => {
  assert.throws(
    () =>
      createOrganizationClient(RecordingAuth0Client, {
        organizationId: ORG_A,
        storage: createWebStorage(),
        authorizationParams: { organization: ORG_B },
      }),
    /differs from organizationId/,
  );
});

test("createOrganizationClient refuses a malformed organization id", () => {
  assert.throws(
    () => createOrganizationClient(RecordingAuth0Client, { organizationId: "acme", storage: createWebStorage() }),
    TypeError,
  );
});
