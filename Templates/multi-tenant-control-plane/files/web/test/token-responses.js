// Token responses as the SDK caches them, and a fixed clock, shared by the tests.

/** The SPA's client id in every test. */
export const CLIENT_ID = "spa_client_1";
/** The audience the portal asks tokens for. */
export const MANAGEMENT_AUDIENCE = "urn:authhero:management";
/** Two organizations, in the id format the control plane issues. */
export const ORG_A = "org_A1b2C3d4E5f6G7h8";
export const ORG_B = "org_Z9y8X7w6V5u4T3s2";

/** A fixed "now" in milliseconds, so expiry never depends on the wall clock. */
export const NOW_MS = 1_800_000_000_000;

/** A token response body for one organization; `overrides` replace fields. */
export function tokenResponse(organization, overrides = {}) {
  return {
    access_token: `access-token-of-${organization}`,
    id_token: `id-token-of-${organization}`,
    refresh_token: `refresh-token-of-${organization}`,
    expires_in: 86_400,
    scope: "openid profile email offline_access",
    audience: MANAGEMENT_AUDIENCE,
    client_id: CLIENT_ID,
    ...overrides,
  };
}
