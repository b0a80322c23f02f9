// auth0-spa-js's own `LocalStorageCache` (what `cacheLocation: "localstorage"` uses when no `cache`
// is given, e.g. for the portal client that has no organization), over an injected storage instead
// of `window.localStorage`. Its `allKeys()` lists every storage key starting with `@@auth0spajs@@`.

import { CACHE_KEY_PREFIX } from "./spa-js-cache-manager.js";

/** The SDK's default `localStorage` cache. */
export class SpaJsLocalStorageCache {
  #storage;

  constructor(storage) {
    this.#storage = storage;
  }

  set(key, entry) {
    this.#storage.setItem(key, JSON.stringify(entry));
  }

  get(key) {
    const json = this.#storage.getItem(key);
    if (!json) {
      return undefined;
    }
    try {
      return JSON.parse(json);
    } catch {
      return undefined;
    }
  }

  remove(key) {
    this.#storage.removeItem(key);
  }

  allKeys() {
    return Object.keys(this.#storage).filter((key) => key.startsWith(CACHE_KEY_PREFIX));
  }
}
