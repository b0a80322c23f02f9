// Stand-ins for what OidcClient uses of a browser (Node 20 has `crypto` and `fetch` but no window),
// and an authorization server that answers `/oauth/token` and the silent-authentication iframe
// from scripted answers. Every request is recorded, so a test can assert what was sent.

import { createWebStorage } from "./web-storage.js";

export const ISSUER = "http://localhost:3000";
export const PORTAL_URL = `${ISSUER}/portal/`;

/** An unsigned compact JWS with `claims` (OidcClient checks claims, not signatures). */
export function fakeJwt(claims) {
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "RS256", typ: "JWT" })}.${encode(claims)}.signature`;
}

/**
 * A window with `location`, `sessionStorage`, a `document` whose iframes the `server` answers, and
 * message events; `now` is a settable clock in milliseconds.
 */
export function createFakeBrowser(server) {
  const listeners = new Set();
  const browser = {
    assigned: [],
    iframes: [],
    nowMs: 1_800_000_000_000,
    window: {
      location: {
        href: PORTAL_URL,
        assign(url) {
          browser.assigned.push(url);
        },
      },
      sessionStorage: createWebStorage(),
      addEventListener(type, listener) {
        if (type === "message") listeners.add(listener);
      },
      removeEventListener(type, listener) {
        if (type === "message") listeners.delete(listener);
      },
      // The silent-authentication timeout never fires in these tests: every iframe is answered.
      setTimeout() {
        return 0;
      },
      clearTimeout() {},
      document: {
        createElement() {
          const frame = {
            attributes: {},
            style: {},
            contentWindow: { frame: true },
            setAttribute(name, value) {
              frame.attributes[name] = value;
            },
            remove() {
              frame.removed = true;
            },
          };
          return frame;
        },
        body: {
          appendChild(frame) {
            browser.iframes.push(frame);
            const answer = server.silentAnswer(new URL(frame.src));
            // The server's page posts from the issuer's origin; a stray message from elsewhere is ignored.
            const post = (event) => {
              for (const listener of [...listeners]) listener(event);
            };
            const forged = { ...answer.message, response: { ...answer.message.response, code: "forged-code" } };
            queueMicrotask(() => {
              post({ origin: "http://evil.example", source: frame.contentWindow, data: forged });
              post({ origin: ISSUER, source: { other: true }, data: forged });
              post({ origin: ISSUER, source: frame.contentWindow, data: answer.message });
            });
          },
        },
      },
    },
    now: () => browser.nowMs,
    /** Message listeners still registered (none once an iframe has answered). */
    get listenerCount() {
      return listeners.size;
    },
  };
  return browser;
}

/**
 * A scripted authorization server: `/oauth/token` returns the answers given to `answer()` in order
 * (an answer may be a function of the form), and `silent` decides the iframe's answer from the
 * `/authorize` URL (default: `login_required`).
 */
export function createFakeServer({ silent } = {}) {
  const answers = [];
  const server = {
    tokenRequests: [],
    authorizeRequests: [],
    answer(next) {
      answers.push(next);
    },
    fetch: async (url, init) => {
      if (url !== `${ISSUER}/oauth/token`) throw new Error(`unexpected fetch of ${url}`);
      const form = Object.fromEntries(new URLSearchParams(init.body));
      server.tokenRequests.push(form);
      const next = answers.shift() ?? { status: 500, body: { error: "no_answer_scripted" } };
      const answer = typeof next === "function" ? next(form) : next;
      return {
        ok: answer.status === undefined || answer.status < 300,
        status: answer.status ?? 200,
        json: async () => answer.body,
      };
    },
    silentAnswer(url) {
      server.authorizeRequests.push(url);
      const state = url.searchParams.get("state");
      const response = silent ? silent(url) : { error: "login_required", error_description: "Login required" };
      return { message: { type: "authorization_response", response: { state, ...response } } };
    },
  };
  return server;
}

/** A token response whose ID token carries `claims` (iss, aud and exp filled in for `clientId`). */
export function tokenAnswer({ clientId, nonce, organization, accessToken, refreshToken, nowMs }) {
  const now = Math.floor(nowMs / 1000);
  const claims = { iss: `${ISSUER}/`, aud: clientId, exp: now + 3600, iat: now, sub: "auth0|alice", email: "alice@example.com" };
  if (nonce) claims.nonce = nonce;
  if (organization) claims.org_id = organization;
  return {
    body: {
      access_token: accessToken,
      id_token: fakeJwt(claims),
      refresh_token: refreshToken,
      expires_in: 86_400,
      token_type: "Bearer",
      scope: "openid profile email offline_access",
    },
  };
}
