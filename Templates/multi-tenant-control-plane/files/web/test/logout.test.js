import { test } from "node:test";
import assert from "node:assert/strict";

import { OrgCache, clearOrganizationTokenCache } from "../org-cache.js";
import { createWebStorage, replaceGlobalLocalStorage } from "./web-storage.js";
import { ORG_A, ORG_B } from "./token-responses.js";

const ACCESS_KEY = "@@auth0spajs@@::spa_client_1::urn:authhero:management::openid";
const ENTRY = { body: { access_token: "at", refresh_token: "rt" }, expiresAt: 1 };

test("clearOrganizationTokenCache removes the entries of every organization", () => {
  const storage = createWebStorage();
  new OrgCache(ORG_A, { storage }).set(ACCESS_KEY, ENTRY);
  new OrgCache(ORG_B, { storage }).set(ACCESS_KEY, ENTRY);
  new OrgCache(ORG_B, { storage }).set("@@auth0spajs@@::spa_client_1::@@user@@", { id_token: "it" });

  clearOrganizationTokenCache(storage);

  assert.deepEqual(new OrgCache(ORG_A, { storage }).allKeys(), []);
  assert.deepEqual(new OrgCache(ORG_B, { storage }).allKeys(), []);
  assert.equal(storage.length, 0);
});

test("clearOrganizationTokenCache leaves keys it did not write alone", () => {
  const storage = createWebStorage();
  new OrgCache(ORG_A, { storage }).set(ACCESS_KEY, ENTRY);
  const unrelated = {
    [ACCESS_KEY]: "{\"portal\":true}",
    "@@auth0spajs@@::spa_client_1::@@user@@": "{}",
    "a0.spajs.txs.spa_client_1": "{}",
    "theme": "dark",
    "@@authhero-org-cache@@": "not ours: no separator",
    "@@authhero-org-cache@@::someone-else": "not ours: no organization id",
  };
  for (const [key, value] of Object.entries(unrelated)) {
    storage.setItem(key, value);
  }

  clearOrganizationTokenCache(storage);

  assert.deepEqual(Object.keys(storage).sort(), Object.keys(unrelated).sort());
  for (const [key, value] of Object.entries(unrelated)) {
    assert.equal(storage.getItem(key), value);
  }
});

test("clearOrganizationTokenCache clears localStorage by default", (t) => {
  const storage = createWebStorage();
  replaceGlobalLocalStorage(t, storage);
  new OrgCache(ORG_A).set(ACCESS_KEY, ENTRY);
  storage.setItem("theme", "dark");

  clearOrganizationTokenCache();

  assert.deepEqual(Object.keys(storage), ["theme"]);
});

test("clearOrganizationTokenCache clears the shared memory storage", () => {
  new OrgCache(ORG_A, { storage: "memory" }).set(ACCESS_KEY, ENTRY);
  clearOrganizationTokenCache("memory");
  assert.equal(new OrgCache(ORG_A, { storage: "memory" }).get(ACCESS_KEY), undefined);
});
