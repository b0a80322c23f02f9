// Who is signed in, and the tokens the pages use: the portal token (no organization) from the
// portal client, and one organization token per organization, each from its own client with its
// own OrgCache. A refresh token never changes organization, so switching organization means
// another client, never another `organization` on the same one.

import { clearOrganizationTokenCache, createOrganizationClient } from "./org-cache.js";
import { OidcClient, decodeJwtClaims, needsInteraction } from "./oidc-client.js";

// The organization whose redirect login is in progress in this tab, so the callback lands in that
// organization's cache and not in the portal's.
const PENDING_ORGANIZATION_KEY = "authhero.portal.pending-organization";
const PLATFORM_STAFF_PERMISSION = "admin:tenants";

export class Session {
  #options;
  #portal;
  #organizations = new Map();

  /** Reads `config.json` (the seeded Portal client, the issuer, the audience) and builds the portal client. */
  static async open() {
    const response = await fetch("config.json", { headers: { Accept: "application/json" } });
    const config = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(config.message ?? `The portal's settings could not be read (${response.status}).`);
    }
    return new Session(config);
  }

  constructor(config) {
    this.portalUrl = new URL(".", location.href).href;
    this.#options = {
      domain: config.domain,
      clientId: config.client_id,
      authorizationParams: { redirect_uri: this.portalUrl, audience: config.audience },
      useRefreshTokens: true,
    };
    // With npm, `new Auth0Client(...)` from @auth0/auth0-spa-js takes these same options.
    this.#portal = new OidcClient({ ...this.#options, cacheLocation: "localstorage" });
  }

  /**
   * Finishes a redirect login when the URL carries its answer; returns the fragment to go back to,
   * or `undefined` when there was nothing to finish.
   */
  async finishRedirectLogin() {
    const query = new URLSearchParams(location.search);
    if (!query.has("state") || !(query.has("code") || query.has("error"))) return undefined;
    const organizationId = sessionStorage.getItem(PENDING_ORGANIZATION_KEY);
    sessionStorage.removeItem(PENDING_ORGANIZATION_KEY);
    const client = organizationId ? this.organizationClient(organizationId) : this.#portal;
    const { appState } = await client.handleRedirectCallback();
    return appState?.returnTo ?? "#/";
  }

  async isSignedIn() {
    return this.#portal.isAuthenticated();
  }

  /** The signed-in user's ID token claims. */
  async user() {
    return this.#portal.getUser();
  }

  /** The portal token; signs in again (a redirect) when the session has ended. */
  async portalToken() {
    try {
      return await this.#portal.getTokenSilently();
    } catch (error) {
      if (needsInteraction(error)) {
        await this.signIn();
        return new Promise(() => {});
      }
      throw error;
    }
  }

  /** Whether the portal token carries the platform-staff permission (every tenant, every request audited). */
  async isPlatformStaff() {
    return permissionsOf(await this.portalToken()).includes(PLATFORM_STAFF_PERMISSION);
  }

  /** The client of one organization, made once per page. */
  organizationClient(organizationId) {
    let client = this.#organizations.get(organizationId);
    if (!client) {
      client = createOrganizationClient(OidcClient, { ...this.#options, organizationId });
      this.#organizations.set(organizationId, client);
    }
    return client;
  }

  /**
   * The organization's token: its cache, its refresh token, or silent authentication; when that
   * needs the person (no session, or a new organization to consent to), a redirect login with
   * `organization` that comes back to `returnTo`.
   */
  async organizationToken(organizationId, returnTo = location.hash) {
    const client = this.organizationClient(organizationId);
    try {
      return await client.getTokenSilently();
    } catch (error) {
      if (!needsInteraction(error)) throw error;
      sessionStorage.setItem(PENDING_ORGANIZATION_KEY, organizationId);
      await client.loginWithRedirect({ appState: { returnTo } });
      return new Promise(() => {});
    }
  }

  async signIn({ signUp = false } = {}) {
    await this.#portal.loginWithRedirect({
      authorizationParams: signUp ? { screen_hint: "signup" } : {},
      appState: { returnTo: location.hash || "#/" },
    });
  }

  /** Forgets every organization's tokens and the portal's, then ends the server session. */
  async signOut() {
    clearOrganizationTokenCache();
    sessionStorage.removeItem(PENDING_ORGANIZATION_KEY);
    await this.#portal.logout({ logoutParams: { returnTo: this.portalUrl } });
  }
}

/** The `permissions` claim of an access token (empty when it has none). */
export function permissionsOf(token) {
  const permissions = decodeJwtClaims(token)?.permissions;
  return Array.isArray(permissions) ? permissions : [];
}
