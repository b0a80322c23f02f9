// Organization-isolated token cache for auth0-spa-js (its `ICache` interface).
//
// auth0-spa-js builds cache keys from client id, audience and scope only
// (`@@auth0spajs@@::{clientId}::{audience}::{scope}`), so after switching organizations its default
// cache hands back the previous organization's token. `OrgCache` stores each organization's entries
// apart and shows the SDK only the active organization's keys, in the SDK's own key format, so the
// SDK's lookups (`get`), scope fallback (`allKeys` then `get`) and logout (`allKeys` then `remove`)
// all stay inside one organization. See README.md next to this file.
//
// No dependencies: this module does not import the SDK.

/** The prefix of every key this module writes; it is deliberately not `@@auth0spajs@@`. */
export const ORG_CACHE_KEY_PREFIX = "@@authhero-org-cache@@::";

// Organization ids look like `org_` + alphanumerics. Anything else is refused so that no id can
// contain the `::` separator and so reach into another organization's physical keys.
const ORGANIZATION_ID_PATTERN = /^org_[A-Za-z0-9]+$/;

// A key this module wrote: the prefix, a valid organization id, the separator.
const WRITTEN_KEY_PATTERN = /^@@authhero-org-cache@@::org_[A-Za-z0-9]+::/;

/** One in-memory store shared by every `OrgCache` built with `storage: "memory"`. */
const sharedMemoryStorage = createMemoryStorage();

/**
 * A cache for one organization, to pass as `cache` to an auth0-spa-js `Auth0Client` that was
 * created for that organization. Build a new client (with a new `OrgCache`) when the user switches
 * organization; entries of other organizations are never read, listed or removed through it.
 */
export class OrgCache {
  #organizationId;
  #storage;
  #keyPrefix;

  /**
   * @param {string} organizationId the organization id (`org_` + letters and digits), not its name
   * @param {OrgCacheOptions} [options] where to keep entries (see org-cache.d.ts)
   */
  constructor(organizationId, options = {}) {
    if (typeof organizationId !== "string" || !ORGANIZATION_ID_PATTERN.test(organizationId)) {
      throw new TypeError(
        `OrgCache needs an organization id matching ${ORGANIZATION_ID_PATTERN} (for example "org_4f9Qx2LmT7bKc1Za"), ` +
          `got ${describe(organizationId)}; pass the organization's id, not its name.`,
      );
    }
    this.#organizationId = organizationId;
    this.#storage = resolveStorage(options.storage);
    this.#keyPrefix = `${ORG_CACHE_KEY_PREFIX}${organizationId}::`;
  }

  /** The organization whose entries this cache reads and writes. */
  get organizationId() {
    return this.#organizationId;
  }

  /** Stores `entry` (a JSON-serialisable object) under the SDK's `key`, for this organization only. */
  set(key, entry) {
    if (entry === null || typeof entry !== "object") {
      throw new TypeError(`OrgCache.set expects an object entry for ${JSON.stringify(key)}.`);
    }
    this.#storage.setItem(this.#physicalKey(key), JSON.stringify(entry));
  }

  /**
   * Returns this organization's entry for `key`, or `undefined`. A stored value that is not a JSON
   * object (corrupted or written by something else) is removed and treated as a miss.
   */
  get(key) {
    const physicalKey = this.#physicalKey(key);
    const raw = this.#storage.getItem(physicalKey);
    if (raw === null || raw === undefined) {
      return undefined;
    }
    const entry = parseEntry(raw);
    if (entry === undefined) {
      this.#storage.removeItem(physicalKey);
    }
    return entry;
  }

  /** Removes this organization's entry for `key`; other organizations keep theirs. */
  remove(key) {
    this.#storage.removeItem(this.#physicalKey(key));
  }

  /**
   * This organization's keys in the SDK's logical format (`@@auth0spajs@@::...`), exactly as the
   * SDK passed them to `set`, so that the SDK's `get(key)` and `remove(key)` with them work.
   */
  allKeys() {
    return storageKeys(this.#storage)
      .filter((physicalKey) => physicalKey.startsWith(this.#keyPrefix))
      .map((physicalKey) => physicalKey.slice(this.#keyPrefix.length));
  }

  #physicalKey(key) {
    return `${this.#keyPrefix}${key}`;
  }
}

/**
 * Removes every entry `OrgCache` wrote to `storage`, for all organizations, and nothing else. Call
 * it on logout: the SDK's own `logout()` clears only the active organization's entries.
 *
 * @param {"localStorage" | "memory" | StorageLike} [storage] the storage the caches used
 *   (default `localStorage`)
 */
export function clearOrganizationTokenCache(storage) {
  const resolved = resolveStorage(storage);
  for (const physicalKey of storageKeys(resolved)) {
    if (WRITTEN_KEY_PATTERN.test(physicalKey)) {
      resolved.removeItem(physicalKey);
    }
  }
}

/**
 * Builds an auth0-spa-js client bound to one organization, with its own `OrgCache`. The SDK class
 * is passed in (`createOrganizationClient(Auth0Client, {...})`) so this module never imports it.
 * Call it again, with the other organization's id, when the user switches organization.
 *
 * @param {new (options: object) => TClient} Auth0Client the SDK's `Auth0Client` class
 * @param {OrganizationClientOptions} options the SDK's client options plus `organizationId` and
 *   `storage` (see org-cache.d.ts)
 * @returns {TClient}
 * @template TClient
 */
export function createOrganizationClient(Auth0Client, options) {
  const { organizationId, storage, authorizationParams = {}, ...clientOptions } = options;
  const requested = authorizationParams.organization;
  if (requested !== undefined && requested !== organizationId) {
    throw new TypeError(
      `authorizationParams.organization (${JSON.stringify(requested)}) differs from organizationId ` +
        `(${JSON.stringify(organizationId)}); a client and its cache must serve one organization.`,
    );
  }
  return new Auth0Client({
    ...clientOptions,
    authorizationParams: { ...authorizationParams, organization: organizationId },
    cache: new OrgCache(organizationId, { storage }),
  });
}

/**
 * A Web-Storage-like object kept in memory (lost on reload). Use it, or `storage: "memory"`, to
 * keep refresh tokens out of `localStorage`.
 *
 * @returns {StorageLike}
 */
export function createMemoryStorage() {
  const items = new Map();
  return {
    get length() {
      return items.size;
    },
    key(index) {
      return [...items.keys()][index] ?? null;
    },
    getItem(key) {
      return items.has(key) ? items.get(key) : null;
    },
    setItem(key, value) {
      items.set(String(key), String(value));
    },
    removeItem(key) {
      items.delete(key);
    },
  };
}

function resolveStorage(storage = "localStorage") {
  if (storage === "memory") {
    return sharedMemoryStorage;
  }
  if (storage === "localStorage") {
    if (globalThis.localStorage === undefined) {
      throw new TypeError(
        'localStorage is not available here; pass { storage: "memory" } or a Web-Storage-like object.',
      );
    }
    return globalThis.localStorage;
  }
  const methods = ["key", "getItem", "setItem", "removeItem"];
  if (storage === null || typeof storage !== "object" || methods.some((m) => typeof storage[m] !== "function")) {
    throw new TypeError(
      'storage must be "localStorage", "memory" or an object with length, key, getItem, setItem and removeItem.',
    );
  }
  return storage;
}

// Collects the keys first: removing while walking `key(i)` would shift the indices.
function storageKeys(storage) {
  const keys = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key !== null) {
      keys.push(key);
    }
  }
  return keys;
}

function parseEntry(raw) {
  let value;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}

function describe(value) {
  return typeof value === "string" ? JSON.stringify(value) : `a value of type ${typeof value}`;
}
