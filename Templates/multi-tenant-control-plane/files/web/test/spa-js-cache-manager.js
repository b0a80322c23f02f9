// How auth0-spa-js 2.x uses an `ICache`, rewritten from the SDK's documented `CacheManager` and
// `CacheKey` behaviour so the tests can drive a cache exactly the way the SDK does:
// - `get` tries the exact key; on a miss it scans `allKeys()` for a key of the same client and
//   audience whose scope is a superset (parsing keys with `split("::")`), then `get`s that key;
// - an expired entry that holds a refresh token is stripped to `{refresh_token, audience, scope}`
//   and `set` again; an expired entry without one is removed;
// - `clear(clientId)` (what `logout()` runs) removes every `allKeys()` key containing the client id.
// The SDK awaits every cache call (each may return a Promise), so this harness does too.

/** The SDK's cache key prefix. */
export const CACHE_KEY_PREFIX = "@@auth0spajs@@";
/** The SDK's suffix for the ID token entry of a client. */
export const CACHE_KEY_ID_TOKEN_SUFFIX = "@@user@@";

/** The SDK's `CacheKey`: `@@auth0spajs@@::{clientId}::{audience}::{scope}`. */
export class CacheKey {
  constructor({ clientId, audience, scope }, prefix = CACHE_KEY_PREFIX, suffix = undefined) {
    this.clientId = clientId;
    this.audience = audience;
    this.scope = scope;
    this.prefix = prefix;
    this.suffix = suffix;
  }

  toKey() {
    return [this.prefix, this.clientId, this.audience, this.scope, this.suffix].filter(Boolean).join("::");
  }

  static fromKey(key) {
    const [prefix, clientId, audience, scope] = key.split("::");
    return new CacheKey({ clientId, audience, scope }, prefix);
  }
}

/** The SDK's `CacheManager` over a cache that has `allKeys()` (so no key manifest is written). */
export class SpaJsCacheManager {
  #cache;
  #now;

  /**
   * @param cache an `ICache`
   * @param now returns the current time in milliseconds (a fixed clock in tests)
   */
  constructor(cache, now) {
    this.#cache = cache;
    this.#now = now;
  }

  /** Caches a token response, as the SDK does after `/oauth/token`. */
  async set(entry) {
    const key = new CacheKey({ clientId: entry.client_id, audience: entry.audience, scope: entry.scope });
    const expiresAt = Math.floor(this.#now() / 1000) + entry.expires_in;
    await this.#cache.set(key.toKey(), { body: entry, expiresAt });
  }

  /** Caches the decoded ID token under the client's `@@user@@` key. */
  async setIdToken(clientId, idToken, decodedToken) {
    await this.#cache.set(this.#idTokenKey(clientId), { id_token: idToken, decodedToken });
  }

  /** The ID token entry of a client, as `getUser()` reads it. */
  async getIdToken(clientId) {
    const entry = await this.#cache.get(this.#idTokenKey(clientId));
    return entry ? { id_token: entry.id_token, decodedToken: entry.decodedToken } : undefined;
  }

  /** The cached body for `{clientId, audience, scope}`, as `getTokenSilently()` reads it. */
  async get(keyData, expiryAdjustmentSeconds = 0) {
    const cacheKey = new CacheKey(keyData);
    let wrapped = await this.#cache.get(cacheKey.toKey());
    if (!wrapped) {
      const keys = await this.#cache.allKeys();
      const matchedKey = matchExistingCacheKey(cacheKey, keys);
      if (matchedKey) {
        wrapped = await this.#cache.get(matchedKey);
      }
    }
    if (!wrapped) {
      return undefined;
    }
    const nowSeconds = Math.floor(this.#now() / 1000);
    if (wrapped.expiresAt - expiryAdjustmentSeconds < nowSeconds) {
      if (wrapped.body.refresh_token) {
        const { refresh_token, audience, scope } = wrapped.body;
        wrapped.body = { refresh_token, audience, scope };
        await this.#cache.set(cacheKey.toKey(), wrapped);
        return wrapped.body;
      }
      await this.#cache.remove(cacheKey.toKey());
      return undefined;
    }
    return wrapped.body;
  }

  /** Removes every listed key containing `clientId`, as `logout()` does. */
  async clear(clientId) {
    const keys = await this.#cache.allKeys();
    for (const key of keys.filter((k) => (clientId ? k.includes(clientId) : true))) {
      await this.#cache.remove(key);
    }
  }

  #idTokenKey(clientId) {
    return new CacheKey({ clientId }, CACHE_KEY_PREFIX, CACHE_KEY_ID_TOKEN_SUFFIX).toKey();
  }
}

function matchExistingCacheKey(keyToMatch, allKeys) {
  return allKeys.find((key) => {
    const cacheKey = CacheKey.fromKey(key);
    const scopeSet = new Set(cacheKey.scope && cacheKey.scope.split(" "));
    const scopesToMatch = keyToMatch.scope?.split(" ") ?? [];
    const hasAllScopes = cacheKey.scope && scopesToMatch.every((scope) => scopeSet.has(scope));
    return (
      cacheKey.prefix === CACHE_KEY_PREFIX &&
      cacheKey.clientId === keyToMatch.clientId &&
      cacheKey.audience === keyToMatch.audience &&
      hasAllScopes
    );
  });
}
