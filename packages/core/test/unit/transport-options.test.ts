import { inspect } from "node:util";
import { MockAgent } from "undici";
import { afterAll, describe, expect, test } from "vitest";
import { ConflictError, ConnectionError, SignhubError } from "../../src/index.js";
import { testClient } from "./test-client.js";

const mockAgent = new MockAgent();
mockAgent.disableNetConnect();
afterAll(() => mockAgent.close());

describe("how a client sends", () => {
  test("a dispatcher the caller gives (undici's MockAgent here) carries every request, answers and errors alike", async () => {
    const pool = mockAgent.get("https://api.acme.test");
    pool.intercept({ path: "/things/1", method: "GET" }).reply(200, { id: "1" }, { headers: { "content-type": "application/json" } });
    pool
      .intercept({ path: "/things/2", method: "PUT" })
      .reply(409, { code: "TAKEN", message: "already there" }, { headers: { "content-type": "application/json" } });
    const client = testClient({ dispatcher: mockAgent, maxRetries: 0 });
    await expect(client.getThing({ params: { path: { id: "1" } } })).resolves.toEqual({ id: "1" });
    const error = await client.putThing({ params: { path: { id: "2" } }, body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: "TAKEN", status: 409 });
    mockAgent.assertNoPendingInterceptors();
  });

  test("a client given both a fetch and a dispatcher is a TypeError", () => {
    expect(() => testClient({ dispatcher: mockAgent, fetch: async () => Response.json({}) })).toThrow(/a `fetch` or a `dispatcher`, not both/);
  });

  test.each([
    ["ftp://files.acme.test", "the baseUrl is not an http: or https: URL"],
    ["ftp:user:secret-password@files.acme.test", "the baseUrl is not an http: or https: URL"],
    ["https://user:secret-password@api.acme.test", "the baseUrl must not carry credentials (user:password@): give them as the client's auth"],
    ["https://api.acme.test/v1?tenant=1", "the baseUrl has a query or a fragment, which request paths would land in"],
    ["https://api.acme.test/v1?token=secret-password", "the baseUrl has a query or a fragment"],
    ["https://api.acme.test/v1#top", "the baseUrl has a query or a fragment"],
    ["https://api.acme.test/v1?", "the baseUrl has a query or a fragment"],
    ["api.acme.test/v1", "the baseUrl is not an absolute URL"],
    ["//user:secret-password@api.acme.test", "the baseUrl is not an absolute URL"],
    ["http:user:secret-password@bad host", "the baseUrl is not an absolute URL"],
  ])("a base URL %s is a SignhubError when the client is made, its credentials not shown", (baseUrl, message) => {
    for (const transport of [{ dispatcher: mockAgent }, { fetch: async () => Response.json({}) }]) {
      const error = (() => {
        try {
          testClient({ baseUrl, ...transport, maxRetries: 0 });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(SignhubError);
      expect((error as Error).message).toContain(`Acme client: ${message}`);
      expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain("secret-password");
    }
  });

  const TOKEN = "token-0123456789-secret";
  test.each([
    [
      "rejects with its own words, quoting the request",
      async (url: string, init: RequestInit) => Promise.reject(new TypeError(`failed ${url} ${JSON.stringify(init.headers)}`)),
    ],
    ["rejects with a string", async (url: string) => Promise.reject(`nope ${url} ${TOKEN}`)],
    ["resolves to something other than a Response", async () => ({}) as Response],
  ])("a fetch given that %s is a ConnectionError, not retried, showing no credential", async (_, fetch) => {
    let calls = 0;
    const counted = (url: string, init: RequestInit) => {
      calls++;
      return fetch(url, init);
    };
    const error = await testClient({ fetch: counted, token: TOKEN, maxRetries: 2 })
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(calls).toBe(1);
    expect(inspect(error, { depth: 10 }) + JSON.stringify(error) + (error as Error).stack).not.toContain(TOKEN);
  });

  test("a token function's own failure is a SignhubError with its text scrubbed; nothing is sent", async () => {
    let sent = 0;
    let asked = 0;
    const client = testClient({
      fetch: async () => {
        sent++;
        return Response.json({});
      },
      token: () => {
        if (++asked === 1) return TOKEN;
        throw new Error(`the identity provider refused to renew ${TOKEN}`);
      },
    });
    await client.getThing({ params: { path: { id: "1" } } });
    const error = await client.getThing({ params: { path: { id: "2" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignhubError);
    expect((error as Error).message).toBe(
      "Acme GET request: the credentials could not be had: the identity provider refused to renew [redacted]; nothing was sent",
    );
    expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(TOKEN);
    expect(sent).toBe(1);
  });
});
