// OrgCache driven the way auth0-spa-js 2.x drives a cache (see spa-js-cache-manager.js).

import { test } from "node:test";
import assert from "node:assert/strict";

import { OrgCache } from "../org-cache.js";
import { createWebStorage } from "./web-storage.js";
import { SpaJsCacheManager } from "./spa-js-cache-manager.js";
import { SpaJsLocalStorageCache } from "./spa-js-local-storage-cache.js";
import { CLIENT_ID, MANAGEMENT_AUDIENCE, NOW_MS, ORG_A, ORG_B, tokenResponse } from "./token-responses.js";

const EXACT_SCOPE = {
  clientId: CLIENT_ID,
  audience: MANAGEMENT_AUDIENCE,
  scope: "openid profile email offline_access",
};
const NARROWER_SCOPE = { clientId: CLIENT_ID, audience: MANAGEMENT_AUDIENCE, scope: "openid email" };

function managersFor(storage, now = () => NOW_MS) {
  return {
    a: new SpaJsCacheManager(new OrgCache(ORG_A, { storage }), now),
    b: new SpaJsCacheManager(new OrgCache(ORG_B, { storage }), now),
  };
}

test("organization A's token is never returned for organization B, by exact key or by scope fallback", async () => {
  const { a, b } = managersFor(createWebStorage());
  await a.set(tokenResponse(ORG_A));
  assert.equal(await b.get(EXACT_SCOPE), undefined);
  assert.equal(await b.get(NARROWER_SCOPE), undefined);
});

test("after switching back and forth each organization gets its own token", async () => {
  const { a, b } = managersFor(createWebStorage());
  await a.set(tokenResponse(ORG_A));
  await b.set(tokenResponse(ORG_B));
  assert.equal((await a.get(EXACT_SCOPE)).access_token, `access-token-of-${ORG_A}`);
  assert.equal((await b.get(EXACT_SCOPE)).access_token, `access-token-of-${ORG_B}`);
});

test("the scope-superset fallback finds organization A's entry through allKeys", async () => {
  const { a } = managersFor(createWebStorage());
  await a.set(tokenResponse(ORG_A));
  const body = await a.get(NARROWER_SCOPE);
  assert.equal(body?.access_token, `access-token-of-${ORG_A}`);
});

test("the scope fallback does not match another audience", async () => {
  const { a } = managersFor(createWebStorage());
  await a.set(tokenResponse(ORG_A));
  assert.equal(await a.get({ ...NARROWER_SCOPE, audience: "internal:platform-api" }), undefined);
});

test("logout's clear through the SDK path removes organization A's entries and only those", async () => {
  const storage = createWebStorage();
  const { a, b } = managersFor(storage);
  await a.set(tokenResponse(ORG_A));
  await a.setIdToken(CLIENT_ID, `id-token-of-${ORG_A}`, { claims: { org_id: ORG_A } });
  await b.set(tokenResponse(ORG_B));
  storage.setItem("unrelated", "kept");

  await a.clear(CLIENT_ID);

  assert.deepEqual(new OrgCache(ORG_A, { storage }).allKeys(), []);
  assert.equal(await a.get(EXACT_SCOPE), undefined);
  assert.equal(await a.getIdToken(CLIENT_ID), undefined);
  assert.equal((await b.get(EXACT_SCOPE)).access_token, `access-token-of-${ORG_B}`);
  assert.equal(storage.getItem("unrelated"), "kept");
});

test("an expired entry keeps its refresh token in its own organization only", async () => {
  const storage = createWebStorage();
  let now = NOW_MS;
  const { a, b } = managersFor(storage, () => now);
  await a.set(tokenResponse(ORG_A, { expires_in: 60 }));
  await b.set(tokenResponse(ORG_B, { expires_in: 60 }));
  now += 3_600_000;

  const strippedA = await a.get(EXACT_SCOPE);
  assert.deepEqual(strippedA, {
    refresh_token: `refresh-token-of-${ORG_A}`,
    audience: MANAGEMENT_AUDIENCE,
    scope: EXACT_SCOPE.scope,
  });
  const storedA = new OrgCache(ORG_A, { storage }).get(
    `@@auth0spajs@@::${CLIENT_ID}::${MANAGEMENT_AUDIENCE}::${EXACT_SCOPE.scope}`,
  );
  assert.equal(storedA.body.access_token, undefined);
  assert.equal(storedA.body.refresh_token, `refresh-token-of-${ORG_A}`);
  assert.equal((await b.get(EXACT_SCOPE)).refresh_token, `refresh-token-of-${ORG_B}`);
});

test("an expired entry without a refresh token is removed from its organization only", async () => {
  const storage = createWebStorage();
  let now = NOW_MS;
  const { a, b } = managersFor(storage, () => now);
  await a.set(tokenResponse(ORG_A, { expires_in: 60, refresh_token: undefined }));
  await b.set(tokenResponse(ORG_B));
  now += 3_600_000;

  assert.equal(await a.get(EXACT_SCOPE), undefined);
  assert.deepEqual(new OrgCache(ORG_A, { storage }).allKeys(), []);
  assert.equal(new OrgCache(ORG_B, { storage }).allKeys().length, 1);
});

test("the ID token (the signed-in user) is kept per organization", async () => {
  const { a, b } = managersFor(createWebStorage());
  await a.setIdToken(CLIENT_ID, `id-token-of-${ORG_A}`, { claims: { org_id: ORG_A } });
  assert.equal(await b.getIdToken(CLIENT_ID), undefined);
  assert.equal((await a.getIdToken(CLIENT_ID)).decodedToken.claims.org_id, ORG_A);
});

test("a key manifest entry written by the SDK stays in its organization", () => {
  const storage = createWebStorage();
  const manifestKey = `@@auth0spajs@@::${CLIENT_ID}`;
  new OrgCache(ORG_A, { storage }).set(manifestKey, { keys: ["@@auth0spajs@@::x"] });
  assert.equal(new OrgCache(ORG_B, { storage }).get(manifestKey), undefined);
  assert.deepEqual(new OrgCache(ORG_A, { storage }).get(manifestKey), { keys: ["@@auth0spajs@@::x"] });
});

test("a malformed stored entry makes the SDK miss instead of throwing", async () => {
  const storage = createWebStorage();
  const { a } = managersFor(storage);
  await a.set(tokenResponse(ORG_A));
  const [physicalKey] = Object.keys(storage);
  storage.setItem(physicalKey, "{\"body\":");
  assert.equal(await a.get(EXACT_SCOPE), undefined);
  assert.equal(storage.length, 0);
});

test("a portal client on the SDK's default localStorage cache never sees organization tokens", async () => {
  const storage = createWebStorage();
  const { a } = managersFor(storage);
  const portal = new SpaJsCacheManager(new SpaJsLocalStorageCache(storage), () => NOW_MS);
  await a.set(tokenResponse(ORG_A));

  assert.equal(await portal.get(NARROWER_SCOPE), undefined);
  await portal.clear(CLIENT_ID);
  assert.equal((await a.get(EXACT_SCOPE)).access_token, `access-token-of-${ORG_A}`);
});
