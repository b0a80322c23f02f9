// OidcClient against a scripted authorization server and a fake window: PKCE, the redirect
// callback, the cache contract and key format, refresh rotation, silent authentication and logout.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";

import { OrgCache } from "../portal/org-cache.js";
import { AuthenticationError, OidcClient } from "../portal/oidc-client.js";
import { ISSUER, PORTAL_URL, createFakeBrowser, createFakeServer, tokenAnswer } from "./fake-browser.js";
import { createWebStorage } from "./web-storage.js";

const CLIENT_ID = "portal_client_1";
const AUDIENCE = "urn:authhero:management";
const ORG_A = "org_A1b2C3d4E5f6G7h8";
const ORG_B = "org_Z9y8X7w6V5u4T3s2";
const SCOPE = "openid profile email offline_access";
const TOKEN_KEY = `@@auth0spajs@@::${CLIENT_ID}::${AUDIENCE}::${SCOPE}`;

function setUp({ silent, organization, cache } = {}) {
  const server = createFakeServer({ silent });
  const browser = createFakeBrowser(server);
  const client = new OidcClient(
    {
      domain: ISSUER,
      clientId: CLIENT_ID,
      authorizationParams: { redirect_uri: PORTAL_URL, audience: AUDIENCE, organization },
      useRefreshTokens: true,
      cache,
    },
    { fetch: server.fetch, window: browser.window, now: browser.now },
  );
  return { server, browser, client };
}

test("loginWithRedirect sends the browser to /authorize with PKCE S256, state and nonce", async () => {
  const { client, browser } = setUp({ organization: ORG_A });
  await client.loginWithRedirect({ authorizationParams: { screen_hint: "signup" } });
  const url = new URL(browser.assigned[0]);
  assert.equal(`${url.origin}${url.pathname}`, `${ISSUER}/authorize`);
  const query = Object.fromEntries(url.searchParams);
  assert.equal(query.client_id, CLIENT_ID);
  assert.equal(query.response_type, "code");
  assert.equal(query.redirect_uri, PORTAL_URL);
  assert.equal(query.audience, AUDIENCE);
  assert.equal(query.organization, ORG_A);
  assert.equal(query.scope, SCOPE);
  assert.equal(query.screen_hint, "signup");
  assert.equal(query.code_challenge_method, "S256");
  assert.match(query.state, /^[A-Za-z0-9_-]{20,}$/);
  assert.match(query.nonce, /^[A-Za-z0-9_-]{20,}$/);
  const transaction = JSON.parse(browser.window.sessionStorage.getItem(`a0.spajs.txs.${CLIENT_ID}`));
  assert.match(transaction.code_verifier, /^[A-Za-z0-9_-]{43}$/);
  const challenge = createHash("sha256").update(transaction.code_verifier).digest("base64url");
  assert.equal(query.code_challenge, challenge, "the challenge is the verifier's SHA-256");
});

test("the redirect callback exchanges the code with the verifier and caches under the SDK's keys", async () => {
  const setup = setUp();
  const { server, browser, client } = setup;
  const { authorize, result } = await signIn(setup, undefined, { returnTo: "#/organizations" });
  const { appState } = result;

  assert.deepEqual(appState, { returnTo: "#/organizations" });
  const [exchange] = server.tokenRequests;
  const transactionVerifier = exchange.code_verifier;
  assert.equal(exchange.grant_type, "authorization_code");
  assert.equal(exchange.code, "code-1");
  assert.equal(exchange.redirect_uri, PORTAL_URL);
  assert.equal(createHash("sha256").update(transactionVerifier).digest("base64url"), authorize.searchParams.get("code_challenge"));
  assert.equal(browser.window.sessionStorage.getItem(`a0.spajs.txs.${CLIENT_ID}`), null, "a transaction is used once");
  assert.equal(await client.getTokenSilently(), "access-1");
  assert.equal((await client.getUser()).email, "alice@example.com");
  assert.equal(await client.isAuthenticated(), true);
  assert.equal(server.tokenRequests.length, 1, "a cached valid token needs no request");
});

test("an answer for another state, or an error answer, is refused", async () => {
  const { client, browser } = setUp();
  await client.loginWithRedirect();
  browser.window.location.href = `${PORTAL_URL}?code=code-1&state=forged`;
  await assert.rejects(client.handleRedirectCallback(), (error) => error.error === "state_mismatch");
  await assert.rejects(client.handleRedirectCallback(), (error) => error.error === "missing_transaction");

  await client.loginWithRedirect();
  const state = new URL(browser.assigned.at(-1)).searchParams.get("state");
  browser.window.location.href = `${PORTAL_URL}?error=access_denied&error_description=not+a+member&state=${state}`;
  await assert.rejects(client.handleRedirectCallback(), (error) => {
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.error, "access_denied");
    assert.equal(error.message, "not a member");
    return true;
  });
});

test("an expired token is renewed with the refresh token, and the rotated one is kept", async () => {
  const setup = setUp();
  const { server, browser, client } = setup;
  await signIn(setup);
  browser.nowMs += 86_400_000;
  server.answer({ body: { access_token: "access-2", refresh_token: "refresh-2", expires_in: 86_400, scope: SCOPE } });
  assert.equal(await client.getTokenSilently(), "access-2");
  assert.equal(server.tokenRequests.at(-1).grant_type, "refresh_token");
  assert.equal(server.tokenRequests.at(-1).refresh_token, "refresh-1");

  browser.nowMs += 86_400_000;
  server.answer({ body: { access_token: "access-3", refresh_token: "refresh-3", expires_in: 86_400, scope: SCOPE } });
  assert.equal(await client.getTokenSilently(), "access-3");
  assert.equal(server.tokenRequests.at(-1).refresh_token, "refresh-2", "the rotated refresh token is used next");
});

test("concurrent renewals send one refresh request, so rotation never looks like a replay", async () => {
  const setup = setUp();
  const { server, browser, client } = setup;
  await signIn(setup);
  browser.nowMs += 86_400_000;
  server.answer({ body: { access_token: "access-2", refresh_token: "refresh-2", expires_in: 86_400, scope: SCOPE } });
  const tokens = await Promise.all([client.getTokenSilently(), client.getTokenSilently(), client.getTokenSilently()]);
  assert.deepEqual(tokens, ["access-2", "access-2", "access-2"]);
  assert.equal(server.tokenRequests.filter((form) => form.grant_type === "refresh_token").length, 1);
});

test("a refused refresh token falls back to silent authentication in a hidden iframe", async () => {
  const setup = setUp({ silent: () => ({ code: "silent-code" }) });
  const { server, browser, client } = setup;
  await signIn(setup);
  browser.nowMs += 86_400_000;
  server.answer({ status: 400, body: { error: "invalid_grant", error_description: "refresh token reused" } });
  server.answer(codeAnswer(setup, { accessToken: "access-silent", refreshToken: "refresh-silent" }));
  assert.equal(await client.getTokenSilently(), "access-silent");

  const authorize = server.authorizeRequests.at(-1);
  assert.equal(authorize.searchParams.get("prompt"), "none");
  assert.equal(authorize.searchParams.get("response_mode"), "web_message");
  assert.equal(authorize.searchParams.get("code_challenge_method"), "S256");
  const exchange = server.tokenRequests.at(-1);
  assert.equal(exchange.code, "silent-code", "only the message from the issuer's origin and the iframe counted");
  const [frame] = browser.iframes;
  assert.equal(frame.style.display, "none");
  assert.equal(frame.removed, true);
  assert.equal(browser.listenerCount, 0);
});

test("silent authentication without a session is login_required, which a redirect can resolve", async () => {
  const { client } = setUp();
  await assert.rejects(client.getTokenSilently(), (error) => {
    assert.equal(error.error, "login_required");
    assert.equal(error.needsInteraction, true);
    return true;
  });
});

test("an ID token for another organization is refused", async () => {
  const setup = setUp({ organization: ORG_A, silent: () => ({ code: "silent-code" }) });
  const { server, browser, client } = setup;
  server.answer(codeAnswer(setup, { organization: ORG_B, accessToken: "access-b" }));
  await assert.rejects(client.getTokenSilently(), (error) => error.error === "invalid_id_token");
  assert.equal(server.authorizeRequests.at(-1).searchParams.get("organization"), ORG_A);
});

test("with OrgCache, each organization's client stores its tokens apart in one storage", async () => {
  const storage = createWebStorage();
  const results = {};
  for (const organization of [ORG_A, ORG_B]) {
    const setup = setUp({
      organization,
      cache: new OrgCache(organization, { storage }),
      silent: () => ({ code: `code-${organization}` }),
    });
    const { server, client } = setup;
    server.answer(
      codeAnswer(setup, { organization, accessToken: `access-${organization}`, refreshToken: `refresh-${organization}` }),
    );
    results[organization] = { client, token: await client.getTokenSilently() };
  }
  assert.equal(results[ORG_A].token, `access-${ORG_A}`);
  assert.equal(results[ORG_B].token, `access-${ORG_B}`);
  assert.equal(await results[ORG_A].client.getTokenSilently(), `access-${ORG_A}`, "A's cache still answers A");
  const keys = Object.keys(storage).sort();
  assert.deepEqual(keys, [
    `@@authhero-org-cache@@::${ORG_A}::${TOKEN_KEY}`,
    `@@authhero-org-cache@@::${ORG_A}::@@auth0spajs@@::${CLIENT_ID}::@@user@@`,
    `@@authhero-org-cache@@::${ORG_B}::${TOKEN_KEY}`,
    `@@authhero-org-cache@@::${ORG_B}::@@auth0spajs@@::${CLIENT_ID}::@@user@@`,
  ].sort());
  const entry = JSON.parse(storage.getItem(`@@authhero-org-cache@@::${ORG_B}::${TOKEN_KEY}`));
  assert.equal(entry.body.client_id, CLIENT_ID);
  assert.equal(entry.body.audience, AUDIENCE);
  assert.equal(entry.body.refresh_token, `refresh-${ORG_B}`);
  assert.equal(typeof entry.expiresAt, "number");
});

test("logout removes the client's entries and ends the session through /v2/logout", async () => {
  const setup = setUp();
  const { browser, client } = setup;
  await signIn(setup);
  await client.logout({ logoutParams: { returnTo: PORTAL_URL } });
  assert.equal(await client.isAuthenticated(), false);
  const url = new URL(browser.assigned.at(-1));
  assert.equal(`${url.origin}${url.pathname}`, `${ISSUER}/v2/logout`);
  assert.equal(url.searchParams.get("client_id"), CLIENT_ID);
  assert.equal(url.searchParams.get("returnTo"), PORTAL_URL);
});

test("a client without clientId, domain or redirect_uri says what is missing", async () => {
  assert.throws(() => new OidcClient({ domain: ISSUER }), /clientId/);
  assert.throws(() => new OidcClient({ clientId: CLIENT_ID }), /domain/);
  const { browser, server } = setUp();
  const client = new OidcClient({ domain: ISSUER, clientId: CLIENT_ID }, { fetch: server.fetch, window: browser.window });
  await assert.rejects(client.loginWithRedirect(), /redirect_uri/);
});

// MARK: helpers

/** The token answer to the code of the last `/authorize` (framed, else redirected to). */
function codeAnswer(setup, values) {
  const { server, browser } = setup;
  return () => {
    const url = server.authorizeRequests.at(-1) ?? new URL(browser.assigned.at(-1));
    return tokenAnswer({ clientId: CLIENT_ID, nonce: url.searchParams.get("nonce"), nowMs: browser.nowMs, ...values });
  };
}

/** Signs in by redirect; returns the `/authorize` URL and the callback's result. */
async function signIn(setup, values = { accessToken: "access-1", refreshToken: "refresh-1" }, appState) {
  const { client, browser, server } = setup;
  await client.loginWithRedirect({ appState });
  const authorize = new URL(browser.assigned.at(-1));
  server.answer(codeAnswer(setup, values));
  browser.window.location.href = `${PORTAL_URL}?code=code-1&state=${authorize.searchParams.get("state")}`;
  return { authorize, result: await client.handleRedirectCallback() };
}
