// Compile-time checks (tsc --noEmit): OrgCache is an auth0-spa-js ICache with allKeys, the helpers
// have the documented shapes, and misuse is rejected.

import type { ICache, WrappedCacheEntry } from "./auth0-spa-js-icache";
import {
  OrgCache,
  clearOrganizationTokenCache,
  createMemoryStorage,
  createOrganizationClient,
  type StorageLike,
} from "../org-cache.js";

const cache: ICache = new OrgCache("org_A1b2C3d4E5f6G7h8");
const withAllKeys: Required<Pick<ICache, "allKeys">> = new OrgCache("org_A1b2C3d4E5f6G7h8", { storage: "memory" });
const entry: WrappedCacheEntry | undefined = new OrgCache("org_A1b2C3d4E5f6G7h8").get<WrappedCacheEntry>("key");
const keys: string[] = new OrgCache("org_A1b2C3d4E5f6G7h8").allKeys();

const memory: StorageLike = createMemoryStorage();
const onMemory: ICache = new OrgCache("org_A1b2C3d4E5f6G7h8", { storage: memory });
clearOrganizationTokenCache();
clearOrganizationTokenCache("memory");
clearOrganizationTokenCache(memory);

interface SdkOptions {
  domain: string;
  clientId: string;
  cache?: ICache;
}
class SdkClient {
  constructor(readonly options: SdkOptions) {}
}
const client: SdkClient = createOrganizationClient(SdkClient, {
  domain: "auth.example.com",
  clientId: "spa",
  organizationId: "org_A1b2C3d4E5f6G7h8",
  authorizationParams: { audience: "urn:authhero:management" },
});

// @ts-expect-error the organization id is required
new OrgCache();
// @ts-expect-error storage is "localStorage", "memory" or a Storage-like object
new OrgCache("org_A1b2C3d4E5f6G7h8", { storage: "sessionStorage" });
// @ts-expect-error a Storage-like object needs every Web Storage member
new OrgCache("org_A1b2C3d4E5f6G7h8", { storage: { getItem: () => null } });
// @ts-expect-error createOrganizationClient needs the organization id
createOrganizationClient(SdkClient, { domain: "auth.example.com", clientId: "spa" });

export { cache, withAllKeys, entry, keys, onMemory, client };
