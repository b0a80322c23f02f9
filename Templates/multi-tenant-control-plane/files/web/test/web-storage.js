// A stand-in for the browser's `localStorage` (Node 20 has none). Like the real one it has
// `length`, `key(i)`, `getItem`, `setItem` and `removeItem`, stores strings, and exposes each stored
// key as an own enumerable property, so `Object.keys(storage)` lists the stored keys the way
// auth0-spa-js's own `LocalStorageCache.allKeys()` reads `Object.keys(window.localStorage)`.

/** Returns an empty Web-Storage-like object. */
export function createWebStorage() {
  const items = new Map();
  const api = {
    get length() {
      return items.size;
    },
    key(index) {
      return [...items.keys()][index] ?? null;
    },
    getItem(key) {
      return items.has(String(key)) ? items.get(String(key)) : null;
    },
    setItem(key, value) {
      items.set(String(key), String(value));
    },
    removeItem(key) {
      items.delete(String(key));
    },
  };
  return new Proxy(api, {
    get(target, property) {
      if (property in target) {
        return target[property];
      }
      return typeof property === "string" && items.has(property) ? items.get(property) : undefined;
    },
    ownKeys() {
      return [...items.keys()];
    },
    getOwnPropertyDescriptor(target, property) {
      if (typeof property === "string" && items.has(property)) {
        return { value: items.get(property), writable: true, enumerable: true, configurable: true };
      }
      return undefined;
    },
  });
}

/**
 * Makes `globalThis.localStorage` be `storage` (or absent, for `undefined`) until the test `t`
 * ends, then restores whatever was there (Node 20 has none; newer Node versions may have one).
 */
export function replaceGlobalLocalStorage(t, storage) {
  const original = Object.getOwnPropertyDescriptor(globalThis, "localStorage");
  Object.defineProperty(globalThis, "localStorage", { value: storage, writable: true, configurable: true });
  t.after(() => {
    if (original) {
      Object.defineProperty(globalThis, "localStorage", original);
    } else {
      delete globalThis.localStorage;
    }
  });
}
