// The portal's error sentences: a server refusal is shown as the server said it, never as
// `[object Object]` or an empty line.

import assert from "node:assert/strict";
import { test } from "node:test";

import { ManagementApiError, describeError, segment } from "../portal/management-api.js";

test("a 403 says it was refused and gives the server's message", () => {
  const error = new ManagementApiError(403, {
    statusCode: 403,
    error: "Forbidden",
    message: "This organization token may manage only the tenant linked to its organization.",
    errorCode: "forbidden_tenant",
  });
  assert.equal(
    describeError(error),
    "Refused by the server (403): This organization token may manage only the tenant linked to its organization.",
  );
  assert.equal(error.status, 403);
  assert.equal(error.errorCode, "forbidden_tenant");
});

test("an answer without a message still says what happened", () => {
  assert.equal(describeError(new ManagementApiError(502, undefined)), "The server answered 502.");
  assert.equal(describeError(new ManagementApiError(500, { message: "" })), "The server answered 500.");
});

test("anything thrown becomes a sentence, never [object Object]", () => {
  for (const thrown of [{}, { nested: { message: 1 } }, null, undefined, 42, new Error("")]) {
    const sentence = describeError(thrown);
    assert.ok(sentence.length > 0);
    assert.ok(!sentence.includes("[object"), sentence);
  }
  assert.equal(describeError({ error: "login_required", error_description: "Login required" }), "Login required");
});

test("ids go into paths percent-encoded, as Auth0's SDKs send them", () => {
  assert.equal(segment("auth0|abc"), "auth0%7Cabc");
  assert.equal(segment("../tenants"), "..%2Ftenants");
});
