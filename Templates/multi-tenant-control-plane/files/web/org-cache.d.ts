// Types of portal/org-cache.js, re-exported for apps that import the cache from this path.
export * from "./portal/org-cache.js";
