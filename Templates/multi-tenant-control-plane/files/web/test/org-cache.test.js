import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { OrgCache, ORG_CACHE_KEY_PREFIX, createMemoryStorage } from "../org-cache.js";
import { createWebStorage, replaceGlobalLocalStorage } from "./web-storage.js";
import { ORG_A, ORG_B } from "./token-responses.js";

const ACCESS_KEY = "@@auth0spajs@@::spa_client_1::urn:authhero:management::openid profile";
const ENTRY = { body: { access_token: "at" }, expiresAt: 1 };

test("an entry set for one organization is read back by the same organization", () => {
  const cache = new OrgCache(ORG_A, { storage: createWebStorage() });
  cache.set(ACCESS_KEY, ENTRY);
  assert.deepEqual(cache.get(ACCESS_KEY), ENTRY);
});

test("an entry set for one organization is invisible to another organization sharing the storage", () => {
  const storage = createWebStorage();
  new OrgCache(ORG_A, { storage }).set(ACCESS_KEY, ENTRY);
  const cacheOfB = new OrgCache(ORG_B, { storage });
  assert.equal(cacheOfB.get(ACCESS_KEY), undefined);
  assert.deepEqual(cacheOfB.allKeys(), []);
});

test("remove deletes only the calling organization's entry", () => {
  const storage = createWebStorage();
  const cacheOfA = new OrgCache(ORG_A, { storage });
  const cacheOfB = new OrgCache(ORG_B, { storage });
  cacheOfA.set(ACCESS_KEY, ENTRY);
  cacheOfB.set(ACCESS_KEY, ENTRY);
  cacheOfB.remove(ACCESS_KEY);
  assert.deepEqual(cacheOfA.get(ACCESS_KEY), ENTRY);
  assert.equal(cacheOfB.get(ACCESS_KEY), undefined);
});

test("allKeys returns the SDK's logical keys exactly as they were set", () => {
  const cache = new OrgCache(ORG_A, { storage: createWebStorage() });
  const idTokenKey = "@@auth0spajs@@::spa_client_1::@@user@@";
  cache.set(ACCESS_KEY, ENTRY);
  cache.set(idTokenKey, { id_token: "it" });
  assert.deepEqual(cache.allKeys().sort(), [ACCESS_KEY, idTokenKey].sort());
});

test("allKeys of an organization whose id is a prefix of another's lists only its own keys", () => {
  const storage = createWebStorage();
  new OrgCache("org_abc", { storage }).set(ACCESS_KEY, ENTRY);
  assert.deepEqual(new OrgCache("org_ab", { storage }).allKeys(), []);
});

test("stored keys never start with the SDK's prefix, so the SDK's default cache cannot list them", () => {
  const storage = createWebStorage();
  new OrgCache(ORG_A, { storage }).set(ACCESS_KEY, ENTRY);
  const physicalKeys = Object.keys(storage);
  assert.equal(physicalKeys.length, 1);
  assert.ok(physicalKeys[0].startsWith(ORG_CACHE_KEY_PREFIX));
  assert.ok(!physicalKeys[0].startsWith("@@auth0spajs@@"));
});

test("a stored value that is not JSON is ignored and removed instead of thrown", () => {
  const storage = createWebStorage();
  const cache = new OrgCache(ORG_A, { storage });
  cache.set(ACCESS_KEY, ENTRY);
  const [physicalKey] = Object.keys(storage);
  storage.setItem(physicalKey, "{not json");
  assert.equal(cache.get(ACCESS_KEY), undefined);
  assert.equal(storage.getItem(physicalKey), null);
});

test("a stored JSON value that is not an object is ignored and removed", () => {
  const storage = createWebStorage();
  const cache = new OrgCache(ORG_A, { storage });
  for (const value of ["null", "42", '"text"', "[1,2]"]) {
    cache.set(ACCESS_KEY, ENTRY);
    const [physicalKey] = Object.keys(storage);
    storage.setItem(physicalKey, value);
    assert.equal(cache.get(ACCESS_KEY), undefined, value);
    assert.equal(storage.length, 0, value);
  }
});

test("setting a non-object entry is refused", () => {
  const cache = new OrgCache(ORG_A, { storage: createWebStorage() });
  assert.throws(() => cache.set(ACCESS_KEY, undefined), TypeError);
  assert.throws(() => cache.set(ACCESS_KEY, "token"), TypeError);
});

test("crafted organization ids are refused before they can address another organization's keys", () => {
  const attacks = [
    `${ORG_A}::@@auth0spajs@@`,
    `${ORG_A}::`,
    "org_a:org_b",
    "org_",
    "org_coffee_shop",
    "../org_a",
    ` ${ORG_A}`,
    `${ORG_A}\n`,
    "ORG_abc",
    "",
    undefined,
    null,
    42,
    { toString: () => ORG_A },
    Symbol(ORG_A),
  ];
  for (const organizationId of attacks) {
    const storage = createWebStorage();
    assert.throws(() => new OrgCache(organizationId, { storage }), TypeError, String(organizationId));
  }
});

test("the refusal names the expected id format", () => {
  assert.throws(() => new OrgCache("acme", { storage: createWebStorage() }), /org_\[A-Za-z0-9\]\+/);
});

test("localStorage is the default storage", (t) => {
  const storage = createWebStorage();
  replaceGlobalLocalStorage(t, storage);
  new OrgCache(ORG_A).set(ACCESS_KEY, ENTRY);
  assert.equal(storage.length, 1);
});

test("without a localStorage the default storage is refused with advice", (t) => {
  replaceGlobalLocalStorage(t, undefined);
  assert.throws(() => new OrgCache(ORG_A), /storage: "memory"/);
});

test("memory storage is shared by the page's caches and keeps organizations apart", () => {
  new OrgCache(ORG_A, { storage: "memory" }).set(ACCESS_KEY, ENTRY);
  assert.deepEqual(new OrgCache(ORG_A, { storage: "memory" }).get(ACCESS_KEY), ENTRY);
  assert.equal(new OrgCache(ORG_B, { storage: "memory" }).get(ACCESS_KEY), undefined);
  new OrgCache(ORG_A, { storage: "memory" }).remove(ACCESS_KEY);
});

test("a storage object from createMemoryStorage works like Web Storage", () => {
  const storage = createMemoryStorage();
  const cache = new OrgCache(ORG_A, { storage });
  cache.set(ACCESS_KEY, ENTRY);
  assert.equal(storage.length, 1);
  assert.deepEqual(cache.allKeys(), [ACCESS_KEY]);
  cache.remove(ACCESS_KEY);
  assert.equal(storage.length, 0);
});

test("a storage that lacks the Web Storage methods is refused", () => {
  assert.throws(() => new OrgCache(ORG_A, { storage: {} }), TypeError);
  assert.throws(() => new OrgCache(ORG_A, { storage: "sessionstorage" }), TypeError);
});

test("entries are copies: changing a returned entry does not change the stored one", () => {
  const cache = new OrgCache(ORG_A, { storage: createWebStorage() });
  cache.set(ACCESS_KEY, ENTRY);
  cache.get(ACCESS_KEY).body.access_token = "changed";
  assert.equal(cache.get(ACCESS_KEY).body.access_token, "at");
});

test("the module imports nothing, so apps can copy it and it never pulls in the SDK", () => {
  const source = readFileSync(new URL("../org-cache.js", import.meta.url), "utf8");
  assert.doesNotMatch(source, /^\s*import\b|\bimport\s*\(|\brequire\s*\(/m);
});
