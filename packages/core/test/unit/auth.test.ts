import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { type Auth, AuthenticationError, apiKeyAuth, basicAuth, createOperations, SignhubError } from "../../src/index.js";
import { recordingFetch } from "../wire/wire-client.js";
import { operations } from "./test-client.js";

const KEY = "key-0123456789-secret";

/** A client of the test provider with `auth`, sending through a fetch that records each request. */
function clientWith(auth: Auth, answer?: () => Response) {
  const recorded = recordingFetch(answer);
  const client = createOperations<any, typeof operations>(
    operations,
    { provider: "acme", title: "Acme", baseUrl: "https://api.acme.test/v1", auth, parseError: (body) => body as { code?: string; message?: string } },
    { fetch: recorded.fetch, maxRetries: 0 },
  );
  return { client, seen: recorded.seen };
}

describe("basicAuth", () => {
  test("sends Authorization: Basic with the user-id and password in UTF-8, base64 (RFC 7617 §2's example)", async () => {
    const { client, seen } = clientWith(basicAuth({ username: "Aladdin", password: "open sesame" }));
    await client.getThing({ params: { path: { id: "1" } } });
    expect(seen[0]!.headers).toContainEqual(["authorization", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="]);
  });

  test.each([
    ["a user-id with a colon", { username: "a:b", password: "p" }],
    ["a password with a line break", { username: "a", password: "p\nq" }],
  ])("refuses %s, quoting neither", (_, credentials) => {
    const error = (() => {
      try {
        basicAuth(credentials);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SignhubError);
    expect((error as Error).message).not.toContain(credentials.password);
  });

  test("a password echoed by a 401 is in no view of the error", async () => {
    const password = "basic-password-0123456789";
    const { client } = clientWith(basicAuth({ username: "u", password }), () => Response.json({ code: "BAD", message: `wrong ${password}` }, { status: 401 }));
    const error = await client.getThing({ params: { path: { id: "1" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(password);
  });
});

describe("apiKeyAuth", () => {
  test("in a header, under the scheme's name", async () => {
    const { client, seen } = clientWith(apiKeyAuth({ in: "header", name: "X-Api-Key", key: KEY }));
    await client.getThing({ params: { path: { id: "1" } } });
    expect(seen[0]!.headers).toContainEqual(["x-api-key", KEY]);
  });

  test("in a cookie, after the caller's own", async () => {
    const { client, seen } = clientWith(apiKeyAuth({ in: "cookie", name: "api_key", key: "k y;1-0123456789" }));
    await client.getThing({ params: { path: { id: "1" } }, headers: { cookie: "theme=dark" } });
    expect(seen[0]!.headers).toContainEqual(["cookie", "theme=dark; api_key=k%20y%3B1-0123456789"]);
  });

  test("in the query, percent-encoded, after the operation's own parameters", async () => {
    const { client, seen } = clientWith(apiKeyAuth({ in: "query", name: "api key", key: "a&b=c-0123456789" }));
    await client.getThing({ params: { path: { id: "1" } } });
    expect(seen[0]!.url).toBe("https://api.acme.test/v1/things/1?api%20key=a%26b%3Dc-0123456789");
  });

  test("a key echoed by a 401, in a query or not, is in no view of the error", async () => {
    for (const location of ["header", "query", "cookie"] as const) {
      const { client } = clientWith(apiKeyAuth({ in: location, name: "key", key: KEY }), () =>
        Response.json({ code: "BAD", message: `bad key ${KEY}` }, { status: 401, headers: { "x-request-id": KEY } }),
      );
      const error = await client.getThing({ params: { path: { id: "1" } } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(KEY);
    }
  });

  test.each([
    ["an empty key", { in: "header", name: "x-api-key", key: "" }],
    ["a key with a line break", { in: "header", name: "x-api-key", key: "a\nb" }],
    ["a name that is not a token", { in: "header", name: "x api key", key: KEY }],
    ["a place that is not header, query or cookie", { in: "body", name: "k", key: KEY }],
  ])("refuses %s, quoting no key", (_, options) => {
    expect(() => apiKeyAuth(options as Parameters<typeof apiKeyAuth>[0])).toThrow(SignhubError);
    try {
      apiKeyAuth(options as Parameters<typeof apiKeyAuth>[0]);
    } catch (error) {
      expect((error as Error).message).not.toContain(KEY);
    }
  });
});
