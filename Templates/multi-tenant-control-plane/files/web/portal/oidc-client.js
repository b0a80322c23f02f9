// A small OpenID Connect client for single-page apps, for where npm (and so auth0-spa-js) is out of
// reach: Authorization Code with PKCE (S256, WebCrypto), refresh-token rotation, silent
// authentication (`prompt=none` + `response_mode=web_message` in a hidden iframe) and logout through
// `/v2/logout`.
//
// It takes auth0-spa-js's `Auth0Client` options and methods (`loginWithRedirect`,
// `handleRedirectCallback`, `getTokenSilently`, `getUser`, `isAuthenticated`, `logout`) and stores
// tokens through the SDK's `ICache` contract (`get`, `set`, `remove`, `allKeys`) under the SDK's key
// format (`@@auth0spajs@@::{clientId}::{audience}::{scope}`), so `OrgCache` plugs in unchanged and
// `Auth0Client` can replace this class where npm exists. See ../README.md.
//
// No dependencies.

/** The SDK's cache key prefix. */
export const CACHE_KEY_PREFIX = "@@auth0spajs@@";
/** The SDK's suffix of the key holding the signed-in user's ID token. */
export const ID_TOKEN_KEY_SUFFIX = "@@user@@";

// A token is renewed this long before it expires, as the SDK does (DEFAULT_NOW_PROVIDER leeway).
const EXPIRY_LEEWAY_SECONDS = 60;
// How long the hidden iframe may take to answer (the SDK's `authorizeTimeoutInSeconds` default).
const SILENT_TIMEOUT_MS = 60_000;
// The errors of a silent attempt that a person can fix by signing in (OIDC Core 3.1.2.6).
const INTERACTION_ERRORS = new Set(["login_required", "consent_required", "interaction_required"]);

/** An error the authorization server answered (`error`, `error_description`), as the SDK throws it. */
export class AuthenticationError extends Error {
  /**
   * @param {string} error the OAuth error code, e.g. `login_required`
   * @param {string} [description] the server's explanation
   */
  constructor(error, description) {
    super(description || error);
    this.name = "AuthenticationError";
    this.error = error;
    this.error_description = description || error;
  }

  /** Whether signing in interactively (a redirect) can resolve this error. */
  get needsInteraction() {
    return needsInteraction(this);
  }
}

/** Whether a redirect login can resolve `error` (ours, or an auth0-spa-js error: both carry `error`). */
export function needsInteraction(error) {
  return INTERACTION_ERRORS.has(error?.error);
}

/** A cache in memory, for a client given no `cache`. */
export class InMemoryCache {
  #entries = new Map();

  set(key, entry) {
    this.#entries.set(key, entry);
  }

  get(key) {
    return this.#entries.get(key);
  }

  remove(key) {
    this.#entries.delete(key);
  }

  allKeys() {
    return [...this.#entries.keys()];
  }
}

/**
 * A cache in `localStorage` under the SDK's keys as they are (its `cacheLocation: "localstorage"`):
 * survives reloads; every script on the page can read it.
 */
export class LocalStorageCache {
  #storage;

  constructor(storage = globalThis.localStorage) {
    this.#storage = storage;
  }

  set(key, entry) {
    this.#storage.setItem(key, JSON.stringify(entry));
  }

  get(key) {
    const raw = this.#storage.getItem(key);
    try {
      return raw === null ? undefined : JSON.parse(raw);
    } catch {
      this.#storage.removeItem(key);
      return undefined;
    }
  }

  remove(key) {
    this.#storage.removeItem(key);
  }

  allKeys() {
    const keys = [];
    for (let index = 0; index < this.#storage.length; index += 1) {
      const key = this.#storage.key(index);
      if (key?.startsWith(CACHE_KEY_PREFIX)) keys.push(key);
    }
    return keys;
  }
}

/**
 * A client of one authorization server for one client id (and, with
 * `authorizationParams.organization`, one organization: give each organization its own client and
 * its own cache, since a refresh token never changes organization).
 */
export class OidcClient {
  #options;
  #environment;
  #cache;
  #issuer;
  #scope;
  #renewal;

  /**
   * @param {object} options auth0-spa-js's `Auth0ClientOptions`: `domain` (a URL, or a host for
   *   https), `clientId`, `authorizationParams` (`redirect_uri`, `audience`, `scope`,
   *   `organization`, ...), `cache` (an `ICache`; else `cacheLocation: "localstorage"` or memory),
   *   `useRefreshTokens`
   * @param {object} [environment] the browser APIs used, for tests: `fetch`, `crypto`, `window`
   *   (its `location`, `document`, `sessionStorage`, `addEventListener`, `setTimeout`), `now`
   */
  constructor(options, environment = {}) {
    if (!options || typeof options.clientId !== "string" || options.clientId === "") {
      throw new TypeError("OidcClient needs options.clientId, the client id of the application.");
    }
    if (typeof options.domain !== "string" || options.domain === "") {
      throw new TypeError('OidcClient needs options.domain, e.g. "http://localhost:3000" or "auth.example.com".');
    }
    const window = environment.window ?? globalThis.window;
    this.#environment = {
      window,
      fetch: environment.fetch ?? globalThis.fetch.bind(globalThis),
      crypto: environment.crypto ?? globalThis.crypto,
      now: environment.now ?? (() => Date.now()),
    };
    this.#options = { useRefreshTokens: false, ...options, authorizationParams: { ...options.authorizationParams } };
    this.#cache =
      options.cache ?? (options.cacheLocation === "localstorage" ? new LocalStorageCache() : new InMemoryCache());
    this.#issuer = (/^https?:\/\//.test(options.domain) ? options.domain : `https://${options.domain}`).replace(
      /\/+$/,
      "",
    );
    const scopes = new Set(["openid", ...(this.#options.authorizationParams.scope ?? "profile email").split(/\s+/)]);
    if (this.#options.useRefreshTokens) {
      scopes.add("offline_access");
    }
    this.#scope = [...scopes].filter(Boolean).join(" ");
  }

  /** The organization this client asks tokens for, if any. */
  get organization() {
    return this.#options.authorizationParams.organization;
  }

  /**
   * Sends the browser to `/authorize` (PKCE S256). `options.authorizationParams` add to the
   * client's (`screen_hint: "signup"` opens the sign-up page); `options.appState` comes back from
   * `handleRedirectCallback`.
   */
  async loginWithRedirect(options = {}) {
    const { url, transaction } = await this.#beginAuthorization(options.authorizationParams ?? {}, options.appState);
    this.#saveTransaction(transaction);
    this.#environment.window.location.assign(url);
  }

  /**
   * Finishes a redirect login: checks the `state`, exchanges the code (with the PKCE verifier) and
   * caches the tokens. Returns `{ appState }`.
   *
   * @param {string} [url] the URL the server redirected to (default: the page's URL)
   */
  async handleRedirectCallback(url = this.#environment.window.location.href) {
    const query = new URL(url).searchParams;
    const transaction = this.#takeTransaction();
    if (!transaction) {
      throw new AuthenticationError("missing_transaction", "No login is in progress in this tab; sign in again.");
    }
    if (query.get("state") !== transaction.state) {
      throw new AuthenticationError("state_mismatch", "The answer does not belong to the login this tab started.");
    }
    if (query.has("error")) {
      throw new AuthenticationError(query.get("error"), query.get("error_description"));
    }
    const code = query.get("code");
    if (!code) {
      throw new AuthenticationError("missing_code", "The server's answer holds neither a code nor an error.");
    }
    await this.#exchangeCode(code, transaction);
    return { appState: transaction.appState };
  }

  /**
   * An access token for the client's audience and scope: from the cache while it is valid, else
   * through the refresh token (which the server rotates), else by silent authentication. Throws an
   * `AuthenticationError` (`login_required` when nobody is signed in). `options.cacheMode: "off"`
   * skips the cache; `options.detailedResponse` returns the whole token response.
   */
  async getTokenSilently(options = {}) {
    const key = this.#tokenKey();
    const cached = options.cacheMode === "off" ? undefined : await this.#cache.get(key);
    const nowSeconds = Math.floor(this.#environment.now() / 1000);
    if (cached?.body?.access_token && cached.expiresAt - EXPIRY_LEEWAY_SECONDS > nowSeconds) {
      return options.detailedResponse ? cached.body : cached.body.access_token;
    }
    // One renewal at a time: two refreshes with the same token would look like a replayed (stolen)
    // refresh token to the server, which then revokes the whole family.
    const entry = cached ?? (await this.#cache.get(key));
    this.#renewal ??= this.#renew(entry).finally(() => {
      this.#renewal = undefined;
    });
    const body = await this.#renewal;
    return options.detailedResponse ? body : body.access_token;
  }

  async #renew(cached) {
    let body;
    const refreshToken = cached?.body?.refresh_token;
    if (this.#options.useRefreshTokens && refreshToken) {
      body = await this.#refresh(refreshToken).catch((error) => {
        // A revoked, expired or reused refresh token: forget it and try the session instead.
        if (error instanceof AuthenticationError && error.error === "invalid_grant") {
          return undefined;
        }
        throw error;
      });
    }
    return body ?? this.#silentAuthentication();
  }

  /** The signed-in user's ID token claims, or `undefined`. */
  async getUser() {
    const entry = await this.#cache.get(this.#idTokenKey());
    return entry?.decodedToken?.user;
  }

  /** Whether a user is signed in through this client (its cache holds an ID token). */
  async isAuthenticated() {
    return (await this.getUser()) !== undefined;
  }

  /**
   * Removes this client's cached tokens and, unless `options.openUrl === false`, ends the server
   * session through `/v2/logout`, returning to `options.logoutParams.returnTo` (an allowed logout
   * URL of the client).
   */
  async logout(options = {}) {
    for (const key of await this.#cache.allKeys()) {
      if (key.startsWith(`${CACHE_KEY_PREFIX}::${this.#options.clientId}::`)) {
        await this.#cache.remove(key);
      }
    }
    if (options.openUrl === false) {
      return;
    }
    const query = new URLSearchParams({ client_id: this.#options.clientId });
    const returnTo = options.logoutParams?.returnTo;
    if (returnTo) {
      query.set("returnTo", returnTo);
    }
    this.#environment.window.location.assign(`${this.#issuer}/v2/logout?${query}`);
  }

  // MARK: Authorization requests

  async #beginAuthorization(extraParams, appState, responseMode) {
    const verifier = base64url(this.#randomBytes(32));
    const digest = await this.#environment.crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
    const state = base64url(this.#randomBytes(16));
    const nonce = base64url(this.#randomBytes(16));
    const params = {
      ...this.#options.authorizationParams,
      ...extraParams,
      client_id: this.#options.clientId,
      response_type: "code",
      scope: this.#scope,
      state,
      nonce,
      code_challenge: base64url(new Uint8Array(digest)),
      code_challenge_method: "S256",
    };
    if (!params.redirect_uri) {
      throw new TypeError("OidcClient needs authorizationParams.redirect_uri (an allowed callback URL).");
    }
    if (responseMode) {
      params.response_mode = responseMode;
    }
    const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== undefined));
    const transaction = {
      state,
      nonce,
      code_verifier: verifier,
      redirect_uri: params.redirect_uri,
      organization: params.organization,
      appState,
    };
    return { url: `${this.#issuer}/authorize?${query}`, transaction };
  }

  async #exchangeCode(code, transaction) {
    const body = await this.#tokenRequest({
      grant_type: "authorization_code",
      client_id: this.#options.clientId,
      code,
      code_verifier: transaction.code_verifier,
      redirect_uri: transaction.redirect_uri,
    });
    await this.#store(body, transaction);
    return body;
  }

  async #refresh(refreshToken) {
    const body = await this.#tokenRequest({
      grant_type: "refresh_token",
      client_id: this.#options.clientId,
      refresh_token: refreshToken,
    });
    // Rotation: the server answers a new refresh token and refuses the old one from now on.
    await this.#store(body, undefined);
    return body;
  }

  async #tokenRequest(form) {
    let response;
    try {
      response = await this.#environment.fetch(`${this.#issuer}/oauth/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form).toString(),
      });
    } catch (error) {
      throw new AuthenticationError("network_error", `The token endpoint did not answer: ${error.message}`);
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new AuthenticationError(
        body.error || "token_error",
        body.error_description || `The token endpoint answered ${response.status}.`,
      );
    }
    return body;
  }

  // MARK: Silent authentication

  async #silentAuthentication() {
    const { url, transaction } = await this.#beginAuthorization({ prompt: "none" }, undefined, "web_message");
    const answer = await this.#runIframe(url);
    if (answer.state !== transaction.state) {
      throw new AuthenticationError("state_mismatch", "The silent answer does not belong to this request.");
    }
    if (answer.error) {
      throw new AuthenticationError(answer.error, answer.error_description);
    }
    return this.#exchangeCode(answer.code, transaction);
  }

  // The `/authorize` page posts `{type: "authorization_response", response}` to its parent, and only
  // to the redirect URI's origin; a message from any other origin or window is ignored.
  #runIframe(url) {
    const { window } = this.#environment;
    return new Promise((resolve, reject) => {
      const iframe = window.document.createElement("iframe");
      iframe.setAttribute("width", "0");
      iframe.setAttribute("height", "0");
      iframe.style.display = "none";
      iframe.title = "Silent sign-in";
      const finish = () => {
        window.clearTimeout(timer);
        window.removeEventListener("message", listener);
        iframe.remove();
      };
      const timer = window.setTimeout(() => {
        finish();
        reject(new AuthenticationError("timeout", "Silent sign-in did not answer in time."));
      }, SILENT_TIMEOUT_MS);
      const listener = (event) => {
        if (event.origin !== this.#issuer || event.source !== iframe.contentWindow) {
          return;
        }
        if (event.data?.type !== "authorization_response") {
          return;
        }
        finish();
        resolve(event.data.response ?? {});
      };
      window.addEventListener("message", listener);
      iframe.src = url;
      window.document.body.appendChild(iframe);
    });
  }

  // MARK: Cache

  #tokenKey() {
    const audience = this.#options.authorizationParams.audience ?? "default";
    return `${CACHE_KEY_PREFIX}::${this.#options.clientId}::${audience}::${this.#scope}`;
  }

  #idTokenKey() {
    return `${CACHE_KEY_PREFIX}::${this.#options.clientId}::${ID_TOKEN_KEY_SUFFIX}`;
  }

  async #store(body, transaction) {
    const nowSeconds = Math.floor(this.#environment.now() / 1000);
    const audience = this.#options.authorizationParams.audience ?? "default";
    let decodedToken;
    if (body.id_token) {
      decodedToken = decodeIdToken(body.id_token);
      this.#checkIdToken(decodedToken.claims, transaction, nowSeconds);
      await this.#cache.set(this.#idTokenKey(), { id_token: body.id_token, decodedToken });
    }
    const entry = {
      body: {
        ...body,
        client_id: this.#options.clientId,
        audience,
        scope: this.#scope,
        oauthTokenScope: body.scope,
        decodedToken,
      },
      expiresAt: nowSeconds + (Number(body.expires_in) || 0),
    };
    // A refresh answer without a new refresh token keeps the one in hand.
    if (!entry.body.refresh_token) {
      delete entry.body.refresh_token;
      const previous = await this.#cache.get(this.#tokenKey());
      if (previous?.body?.refresh_token) {
        entry.body.refresh_token = previous.body.refresh_token;
      }
    }
    await this.#cache.set(this.#tokenKey(), entry);
  }

  // The checks auth0-spa-js makes of an ID token; its signature is the server's own, fetched over
  // the same TLS connection, so only the claims are checked (OIDC Core 3.1.3.7 allows this).
  #checkIdToken(claims, transaction, nowSeconds) {
    const fail = (message) => {
      throw new AuthenticationError("invalid_id_token", message);
    };
    if (claims.iss !== `${this.#issuer}/`) {
      fail(`The ID token's issuer ${JSON.stringify(claims.iss)} is not ${this.#issuer}/.`);
    }
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.includes(this.#options.clientId)) {
      fail("The ID token was not issued to this client.");
    }
    if (typeof claims.exp !== "number" || claims.exp + EXPIRY_LEEWAY_SECONDS < nowSeconds) {
      fail("The ID token has expired.");
    }
    if (transaction && claims.nonce !== transaction.nonce) {
      fail("The ID token's nonce does not match the login request.");
    }
    const organization = transaction?.organization ?? this.#options.authorizationParams.organization;
    if (organization && claims.org_id !== organization) {
      fail(`The ID token is for organization ${JSON.stringify(claims.org_id)}, not ${organization}.`);
    }
  }

  // MARK: Transactions

  // One login at a time per tab and client, in sessionStorage (the SDK's `a0.spajs.txs` key), so it
  // survives the redirect and is read once.
  get #transactionKey() {
    return `a0.spajs.txs.${this.#options.clientId}`;
  }

  #saveTransaction(transaction) {
    this.#environment.window.sessionStorage.setItem(this.#transactionKey, JSON.stringify(transaction));
  }

  #takeTransaction() {
    const storage = this.#environment.window.sessionStorage;
    const raw = storage.getItem(this.#transactionKey);
    storage.removeItem(this.#transactionKey);
    try {
      return raw ? JSON.parse(raw) : undefined;
    } catch {
      return undefined;
    }
  }

  #randomBytes(count) {
    return this.#environment.crypto.getRandomValues(new Uint8Array(count));
  }
}

/** The header, claims and user of a compact JWS, without checking its signature. */
export function decodeIdToken(token) {
  const parts = String(token).split(".");
  if (parts.length !== 3) {
    throw new AuthenticationError("invalid_id_token", "The ID token is not a compact JWS.");
  }
  let header;
  let claims;
  try {
    header = JSON.parse(base64urlDecode(parts[0]));
    claims = JSON.parse(base64urlDecode(parts[1]));
  } catch {
    throw new AuthenticationError("invalid_id_token", "The ID token cannot be decoded.");
  }
  const user = {};
  for (const [name, value] of Object.entries(claims)) {
    if (!PROTOCOL_CLAIMS.has(name)) {
      user[name] = value;
    }
  }
  return { encoded: { header: parts[0], payload: parts[1], signature: parts[2] }, header, claims, user };
}

/** The claims of a JWT (an access token), without checking anything; `undefined` if unreadable. */
export function decodeJwtClaims(token) {
  try {
    return JSON.parse(base64urlDecode(String(token).split(".")[1]));
  } catch {
    return undefined;
  }
}

// The claims auth0-spa-js leaves out of `getUser()`.
const PROTOCOL_CLAIMS = new Set(["iss", "aud", "exp", "nbf", "iat", "jti", "azp", "nonce", "auth_time", "at_hash", "c_hash"]);

function base64url(bytes) {
  let binary = "";
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function base64urlDecode(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
}
