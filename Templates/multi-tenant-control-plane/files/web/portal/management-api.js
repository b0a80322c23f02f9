// Calls to the control plane's Management API with one token, and server errors in words.

/** An answer of the Management API that is not a success, in Auth0's error shape. */
export class ManagementApiError extends Error {
  constructor(status, body) {
    super(describeBody(status, body));
    this.name = "ManagementApiError";
    this.status = status;
    this.errorCode = body?.errorCode;
  }
}

/**
 * A client of `/api/v2` for `token`; `tenantId` sends the `tenant-id` header, which names the
 * customer tenant the request is for (an organization token may name only its own tenant).
 */
export class ManagementApi {
  #token;
  #tenantId;

  constructor(token, tenantId) {
    this.#token = token;
    this.#tenantId = tenantId;
  }

  get(path, query) {
    return this.request("GET", path, { query });
  }

  post(path, body) {
    return this.request("POST", path, { body });
  }

  patch(path, body) {
    return this.request("PATCH", path, { body });
  }

  delete(path, body) {
    return this.request("DELETE", path, { body });
  }

  /** Sends one request; resolves to the parsed JSON (or `undefined` for 204), rejects with `ManagementApiError`. */
  async request(method, path, { query, body } = {}) {
    const headers = { Authorization: `Bearer ${this.#token}`, Accept: "application/json" };
    if (this.#tenantId) headers["tenant-id"] = this.#tenantId;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const search = query ? `?${new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== ""))}` : "";
    let response;
    try {
      response = await fetch(`/api/v2/${path}${search}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ManagementApiError(0, { message: `The server could not be reached (${error.message}).` });
    }
    const text = await response.text();
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = { message: text.slice(0, 200) };
    }
    if (!response.ok) throw new ManagementApiError(response.status, parsed);
    return parsed;
  }
}

/** The path segment for an id (`auth0|abc` becomes `auth0%7Cabc`, as Auth0's SDKs send it). */
export function segment(id) {
  return encodeURIComponent(id);
}

/** Any error as one sentence for the page: never `[object Object]`, never empty. */
export function describeError(error) {
  if (error instanceof ManagementApiError) return error.message;
  if (error && typeof error.error_description === "string") return error.error_description;
  if (error && typeof error.message === "string" && error.message) return error.message;
  return "Something went wrong; reload the page and try again.";
}

function describeBody(status, body) {
  const message = typeof body?.message === "string" && body.message ? body.message : undefined;
  const prefix = status === 403 ? "Refused by the server (403)" : status ? `The server answered ${status}` : "";
  if (message && prefix) return `${prefix}: ${message}`;
  return message ?? `${prefix || "The request failed"}.`;
}
