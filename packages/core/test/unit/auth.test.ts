import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import {
  type Auth,
  AuthenticationError,
  apiKeyAuth,
  basicAuth,
  bearerAuth,
  createOperations,
  InvalidRequestError,
  type OperationTable,
  SignhubError,
  securitySchemes,
} from "../../src/index.js";
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

  test("an API key sent as the user-id, with an empty password, and echoed by a 401 is in no view of the error", async () => {
    const { client } = clientWith(basicAuth({ username: KEY, password: "" }), () =>
      Response.json({ code: "BAD", message: `unknown key ${KEY}` }, { status: 401 }),
    );
    const error = await client.getThing({ params: { path: { id: "1" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(KEY);
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

describe("securitySchemes", () => {
  const TOKEN = "bearer-token-0123456789";
  const json = { "application/json": true } as const;
  /** One operation per shape of `security` (OpenAPI 3.1 §4.8.30). */
  const secured = {
    byToken: { method: "get", path: "/a", retrySafe: true, responses: { 200: json }, security: [["oauth"]] },
    byKeyOrToken: { method: "get", path: "/b", retrySafe: true, responses: { 200: json }, security: [["partnerKey"], ["oauth"]] },
    byBoth: { method: "get", path: "/c", retrySafe: true, responses: { 200: json }, security: [["partnerKey", "queryKey"]] },
    byCertificate: { method: "get", path: "/f", retrySafe: true, responses: { 200: json }, security: [["mtls"]] },
    optional: { method: "get", path: "/d", retrySafe: true, responses: { 200: json }, security: [[], ["oauth"]] },
    open: { method: "get", path: "/e", retrySafe: true, responses: { 200: json }, security: [] },
  } as const satisfies OperationTable;

  function clientHolding(schemes: Parameters<typeof securitySchemes>[0], answer?: () => Response) {
    const recorded = recordingFetch(answer);
    const client = createOperations<any, typeof secured>(
      secured,
      { provider: "acme", title: "Acme", baseUrl: "https://api.acme.test", auth: securitySchemes(schemes) },
      { fetch: recorded.fetch, maxRetries: 0 },
    );
    return { client, seen: recorded.seen };
  }
  const all = () => ({
    oauth: bearerAuth(TOKEN),
    partnerKey: apiKeyAuth({ in: "header", name: "X-Partner-Key", key: KEY }),
    queryKey: apiKeyAuth({ in: "query", name: "key", key: "query-key-0123456789" }),
  });
  const credentialsOf = (request: { url: string; headers: [string, string][] }) => ({
    url: request.url,
    authorization: request.headers.find(([name]) => name === "authorization")?.[1],
    partnerKey: request.headers.find(([name]) => name === "x-partner-key")?.[1],
  });

  test.each([
    ["one scheme", "byToken", all(), { url: "https://api.acme.test/a", authorization: `Bearer ${TOKEN}`, partnerKey: undefined }],
    ["the first alternative held", "byKeyOrToken", all(), { url: "https://api.acme.test/b", authorization: undefined, partnerKey: KEY }],
    [
      "the next alternative when the first is not held",
      "byKeyOrToken",
      { oauth: bearerAuth(TOKEN) },
      { url: "https://api.acme.test/b", authorization: `Bearer ${TOKEN}`, partnerKey: undefined },
    ],
    [
      "every scheme of a requirement together",
      "byBoth",
      all(),
      { url: "https://api.acme.test/c?key=query-key-0123456789", authorization: undefined, partnerKey: KEY },
    ],
    ["credentials when optional and held", "optional", all(), { url: "https://api.acme.test/d", authorization: `Bearer ${TOKEN}`, partnerKey: undefined }],
    [
      "none when optional and not held",
      "optional",
      { partnerKey: apiKeyAuth({ in: "header", name: "X-Partner-Key", key: KEY }) },
      { url: "https://api.acme.test/d", authorization: undefined, partnerKey: undefined },
    ],
    ["none for `security: []`", "open", all(), { url: "https://api.acme.test/e", authorization: undefined, partnerKey: undefined }],
    [
      "none for a scheme the client was not given (the caller's to send)",
      "byCertificate",
      all(),
      { url: "https://api.acme.test/f", authorization: undefined, partnerKey: undefined },
    ],
  ] as const)("sends %s", async (_, operationId, schemes, want) => {
    const { client, seen } = clientHolding(schemes);
    await client[operationId]({});
    expect(seen.map(credentialsOf)).toEqual([want]);
  });

  test("a request matching no operation (through raw) is sent with the first scheme held", async () => {
    const { client, seen } = clientHolding({ partnerKey: apiKeyAuth({ in: "header", name: "X-Partner-Key", key: KEY }), oauth: bearerAuth(TOKEN) });
    await client.raw.GET("/elsewhere" as never, {} as never);
    expect(seen.map(credentialsOf)).toEqual([{ url: "https://api.acme.test/elsewhere", authorization: undefined, partnerKey: KEY }]);
  });

  test("an operation whose requirements the client holds none of is refused before sending, naming them, quoting no secret", async () => {
    const { client, seen } = clientHolding({ oauth: undefined, partnerKey: apiKeyAuth({ in: "header", name: "X-Partner-Key", key: KEY }) });
    const error = await client.byToken({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ operationId: "byToken" });
    expect((error as Error).message).toBe(
      "Acme GET request: the operation needs credentials for oauth, and the client holds only partnerKey; nothing was sent",
    );
    const both = await client.byBoth({}).catch((e: unknown) => e);
    expect((both as Error).message).toContain("needs credentials for partnerKey + queryKey");
    expect(seen).toEqual([]);
    expect(inspect(error, { depth: 10 }) + inspect(both, { depth: 10 })).not.toContain(KEY);
  });

  test("every held scheme's secret is scrubbed from an error, whichever scheme the operation used", async () => {
    const { client } = clientHolding(all(), () => Response.json({ code: "BAD", message: `bad ${TOKEN} ${KEY} query-key-0123456789` }, { status: 401 }));
    const error = await client.byToken({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    const views = inspect(error, { depth: 10 }) + JSON.stringify(error);
    for (const secret of [TOKEN, KEY, "query-key-0123456789"]) expect(views).not.toContain(secret);
  });

  test("a refreshable token among the schemes is asked again after a 401", async () => {
    const asked: boolean[] = [];
    let calls = 0;
    const { client, seen } = clientHolding(
      {
        oauth: bearerAuth(({ forceRefresh }) => {
          asked.push(forceRefresh);
          return `token-${asked.length}-0123456789`;
        }),
      },
      () => (++calls === 1 ? Response.json({ code: "EXPIRED" }, { status: 401 }) : Response.json({})),
    );
    await client.byToken({});
    expect(asked).toEqual([false, true]);
    expect(seen.map(credentialsOf).map((request) => request.authorization)).toEqual(["Bearer token-1-0123456789", "Bearer token-2-0123456789"]);
  });
});
