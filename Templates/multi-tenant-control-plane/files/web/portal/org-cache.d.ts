/**
 * The part of the Web Storage API (`localStorage`, `sessionStorage`) that `OrgCache` uses. Any
 * object with these members works, e.g. one from `createMemoryStorage()`.
 */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Where an `OrgCache` keeps its entries: `"localStorage"` (the default; survives reloads, but
 * refresh tokens there are readable by any script that runs on the page), `"memory"` (one store
 * shared by the page's caches, lost on reload), or any `StorageLike` object.
 */
export type OrgCacheStorage = "localStorage" | "memory" | StorageLike;

/** Options of `new OrgCache(organizationId, options)`. */
export interface OrgCacheOptions {
  /** Where entries are kept; `"localStorage"` when omitted. */
  storage?: OrgCacheStorage;
}

/** The prefix of every key `OrgCache` writes; it is deliberately not `@@auth0spajs@@`. */
export declare const ORG_CACHE_KEY_PREFIX: "@@authhero-org-cache@@::";

/**
 * An auth0-spa-js `ICache` for one organization: pass it as `cache` to an `Auth0Client` created
 * for that organization. Entries of other organizations are never read, listed or removed through
 * it. Build a new client with a new `OrgCache` when the user switches organization.
 */
export declare class OrgCache {
  /**
   * @param organizationId the organization's id (`org_` followed by letters and digits), not its
   *   name; anything else throws a `TypeError`
   * @throws TypeError when the id is malformed, or the storage is not usable
   */
  constructor(organizationId: string, options?: OrgCacheOptions);

  /** The organization whose entries this cache reads and writes. */
  readonly organizationId: string;

  /** Stores `entry` (a JSON-serialisable object) under the SDK's `key`, for this organization only. */
  set<T = unknown>(key: string, entry: T): void;

  /**
   * This organization's entry for `key`, or `undefined`. A stored value that is not a JSON object
   * is removed and treated as a miss, never thrown.
   */
  get<T = unknown>(key: string): T | undefined;

  /** Removes this organization's entry for `key`; other organizations keep theirs. */
  remove(key: string): void;

  /**
   * This organization's keys in the SDK's logical format (`@@auth0spajs@@::...`), exactly as the
   * SDK passed them to `set`, so that the SDK's `get(key)` and `remove(key)` with them work.
   */
  allKeys(): string[];
}

/**
 * Removes every entry `OrgCache` wrote to `storage` (default `localStorage`), for all
 * organizations, and nothing else. Call it on logout: the SDK's own `logout()` clears only the
 * active organization's entries.
 */
export declare function clearOrganizationTokenCache(storage?: OrgCacheStorage): void;

/** Options of `createOrganizationClient`: the SDK's client options plus the organization. */
export interface OrganizationClientOptions {
  /** The organization the client (and its cache) serves. */
  organizationId: string;
  /** Where the client's `OrgCache` keeps entries; `"localStorage"` when omitted. */
  storage?: OrgCacheStorage;
  /** The SDK's `authorizationParams`; `organization`, if given, must equal `organizationId`. */
  authorizationParams?: { organization?: string; [parameter: string]: unknown };
  /** Every other `Auth0Client` option (`domain`, `clientId`, `useRefreshTokens`, ...). */
  [option: string]: unknown;
}

/**
 * Builds an auth0-spa-js client bound to one organization, with its own `OrgCache`. Pass the SDK's
 * class: `createOrganizationClient(Auth0Client, { domain, clientId, organizationId })`. Call it
 * again with the other organization's id when the user switches organization.
 *
 * @throws TypeError when `authorizationParams.organization` differs from `organizationId`, or the
 *   id is malformed
 */
export declare function createOrganizationClient<TClient>(
  Auth0Client: new (options: any) => TClient,
  options: OrganizationClientOptions,
): TClient;

/**
 * A `StorageLike` object kept in memory (lost on reload); use it, or `storage: "memory"`, to keep
 * refresh tokens out of `localStorage`.
 */
export declare function createMemoryStorage(): StorageLike;
