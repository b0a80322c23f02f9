// A well-known `OrgCache` sketch stores `${key}:${orgId}` and lists those suffixed physical
// keys from `allKeys()`. These tests prove the SDK harness catches its bugs, so the harness is able
// to fail the same way for `OrgCache`; they keep that sketch from ever being ported.

import { test } from "node:test";
import assert from "node:assert/strict";

import { OrgCache } from "../org-cache.js";
import { createWebStorage } from "./web-storage.js";
import { SpaJsCacheManager } from "./spa-js-cache-manager.js";
import { SpaJsLocalStorageCache } from "./spa-js-local-storage-cache.js";
import { CLIENT_ID, MANAGEMENT_AUDIENCE, NOW_MS, ORG_A, tokenResponse } from "./token-responses.js";

/** A line-by-line port of that sketch, with `window.localStorage` injected. */
class SeedSketchOrgCache {
  constructor(orgId, storage) {
    this.orgId = orgId;
    this.storage = storage;
  }
  set(key, entry) {
    this.storage.setItem(`${key}:${this.orgId}`, JSON.stringify(entry));
  }
  get(key) {
    const json = this.storage.getItem(`${key}:${this.orgId}`);
    if (!json) return undefined;
    try {
      return JSON.parse(json);
    } catch {
      return undefined;
    }
  }
  remove(key) {
    this.storage.removeItem(`${key}:${this.orgId}`);
  }
  allKeys() {
    const orgSuffix = `:${this.orgId}`;
    return Object.keys(this.storage).filter((key) => key.startsWith("@@auth0spajs@@") && key.endsWith(orgSuffix));
  }
}

const NARROWER_SCOPE = { clientId: CLIENT_ID, audience: MANAGEMENT_AUDIENCE, scope: "openid email" };

const designs = {
  "the seed sketch": (storage) => new SeedSketchOrgCache(ORG_A, storage),
  OrgCache: (storage) => new OrgCache(ORG_A, { storage }),
};

async function scopeFallbackFinds(makeCache) {
  const manager = new SpaJsCacheManager(makeCache(createWebStorage()), () => NOW_MS);
  await manager.set(tokenResponse(ORG_A));
  return (await manager.get(NARROWER_SCOPE)) !== undefined;
}

async function logoutClears(makeCache) {
  const storage = createWebStorage();
  const manager = new SpaJsCacheManager(makeCache(storage), () => NOW_MS);
  await manager.set(tokenResponse(ORG_A));
  await manager.clear(CLIENT_ID);
  return storage.length === 0;
}

async function portalClientStaysApart(makeCache) {
  const storage = createWebStorage();
  const organization = new SpaJsCacheManager(makeCache(storage), () => NOW_MS);
  const portal = new SpaJsCacheManager(new SpaJsLocalStorageCache(storage), () => NOW_MS);
  await organization.set(tokenResponse(ORG_A, { scope: "openid email offline_access" }));
  return (await portal.get({ ...NARROWER_SCOPE, scope: "openid" })) === undefined;
}

test("the harness catches the seed sketch's scope-fallback miss, and OrgCache passes it", async () => {
  assert.equal(await scopeFallbackFinds(designs["the seed sketch"]), false);
  assert.equal(await scopeFallbackFinds(designs.OrgCache), true);
});

test("the harness catches the seed sketch's logout that clears nothing, and OrgCache passes it", async () => {
  assert.equal(await logoutClears(designs["the seed sketch"]), false);
  assert.equal(await logoutClears(designs.OrgCache), true);
});

test("the harness catches the seed sketch leaking tokens to the portal client, and OrgCache passes it", async () => {
  assert.equal(await portalClientStaysApart(designs["the seed sketch"]), false);
  assert.equal(await portalClientStaysApart(designs.OrgCache), true);
});
