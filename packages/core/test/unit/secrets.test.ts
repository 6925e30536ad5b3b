import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { ConnectionError, isSecretName, REDACTED, redactBody, SignhubError } from "../../src/index.js";
import { json, scriptedFetch } from "./fake-fetch.js";
import { testClient } from "./test-client.js";

const token = "tok_live_4f9a8b7c6d5e";

/** Everything a caller, a logger or a snapshot could see of an error. */
function views(error: Error): string {
  return [error.message, String(error), JSON.stringify(error), inspect(error), inspect(error.cause), error.stack ?? ""].join("\n");
}

describe("secrets never leak", () => {
  test("a token echoed back in an error body is redacted from the message, body and headers", async () => {
    const echo = json(
      401,
      { code: "BAD_TOKEN", message: `token ${token} is not valid`, token, nested: [{ authSecret: "as_123456789" }] },
      { authorization: `Bearer ${token}` },
    );
    const { fetch } = scriptedFetch(echo);
    const error = await testClient({ fetch, token })
      .getThing({ params: { path: { id: "1" } } })
      .catch((e) => e);
    expect(views(error)).not.toContain(token);
    expect(views(error)).not.toContain("as_123456789");
    expect(error.message).toBe(`Acme 401 BAD_TOKEN on GET /things/{id}: token ${REDACTED} is not valid`);
    expect(error.body).toEqual({
      code: "BAD_TOKEN",
      message: `token ${REDACTED} is not valid`,
      token: REDACTED,
      nested: [{ authSecret: REDACTED }],
    });
    expect(error.headers.authorization).toBe(REDACTED);
  });

  test("a token function's tokens are scrubbed too", async () => {
    const { fetch } = scriptedFetch(new Response(`<p>bad ${token}</p>`, { status: 500 }));
    const error = await testClient({ fetch, token: async () => token, maxRetries: 0 })
      .getThing({ params: { path: { id: "1" } } })
      .catch((e) => e);
    expect(views(error)).not.toContain(token);
  });

  test("a connection error's cause is scrubbed", async () => {
    const cause = Object.assign(new Error(`socket closed while sending Bearer ${token}`), { code: "ECONNRESET" });
    const { fetch } = scriptedFetch(new TypeError("fetch failed", { cause }));
    const error = await testClient({ fetch, token, maxRetries: 0 })
      .getThing({ params: { path: { id: "1" } } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(views(error)).not.toContain(token);
  });

  test("a malformed token is refused without being quoted", async () => {
    const bad = "tok_with\nnewline_secret";
    const { fetch } = scriptedFetch(json(200, {}));
    const error = await testClient({ fetch, token: () => bad })
      .getThing({ params: { path: { id: "1" } } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(SignhubError);
    expect(views(error)).not.toContain("newline_secret");
  });

  test("the CORS headers are shown, access-control-allow-credentials included", async () => {
    const cors = { "access-control-allow-credentials": "true", "access-control-allow-headers": "Authorization", "x-client-credentials": "c" };
    const { fetch } = scriptedFetch(json(404, { code: "NOT_FOUND" }, cors));
    const error = await testClient({ fetch, token })
      .getThing({ params: { path: { id: "1" } } })
      .catch((e) => e);
    expect(error.headers).toMatchObject({
      "access-control-allow-credentials": "true",
      "access-control-allow-headers": "Authorization",
      "x-client-credentials": REDACTED,
    });
    expect(isSecretName("Access-Control-Allow-Credentials")).toBe(false);
    expect(isSecretName("client_credentials")).toBe(true);
  });

  test("redactBody leaves ordinary fields alone", () => {
    expect(redactBody({ signerId: "s1", authSecret: "x", password: null, list: ["a"] })).toEqual({
      signerId: "s1",
      authSecret: REDACTED,
      password: null,
      list: ["a"],
    });
  });
});
