// The cache interface of @auth0/auth0-spa-js 2.x (`src/cache/shared.ts`), transcribed so that
// `org-cache.d.ts` can be checked against it without installing the SDK. The ID token claims and
// user profile types are abbreviated to what a cache needs (the SDK's carry many optional claims).

export declare const CACHE_KEY_PREFIX = "@@auth0spajs@@";

export interface IdToken {
  __raw: string;
  [claim: string]: any;
}

export interface User {
  [attribute: string]: any;
}

export interface DecodedToken {
  claims: IdToken;
  user: User;
}

export interface IdTokenEntry {
  id_token: string;
  decodedToken: DecodedToken;
}

export type CacheEntry = {
  id_token?: string;
  access_token: string;
  expires_in: number;
  decodedToken?: DecodedToken;
  audience: string;
  scope: string;
  client_id: string;
  refresh_token?: string;
  oauthTokenScope?: string;
};

export type WrappedCacheEntry = {
  body: Partial<CacheEntry>;
  expiresAt: number;
};

export type KeyManifestEntry = {
  keys: string[];
};

export type Cacheable = WrappedCacheEntry | KeyManifestEntry;

export type MaybePromise<T> = Promise<T> | T;

export interface ICache {
  set<T = Cacheable>(key: string, entry: T): MaybePromise<void>;
  get<T = Cacheable>(key: string): MaybePromise<T | undefined>;
  remove(key: string): MaybePromise<void>;
  allKeys?(): MaybePromise<string[]>;
}
