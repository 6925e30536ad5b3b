import { MockAgent } from "undici";
import { afterAll, describe, expect, test } from "vitest";
import { ConflictError, SignhubError } from "../../src/index.js";
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
    ["ftp://files.acme.test", 'the baseUrl "ftp://files.acme.test" is not an http: or https: URL'],
    ["https://user:secret-password@api.acme.test", "the baseUrl must not carry credentials (user:password@): give them as the client's auth"],
    ["https://api.acme.test/v1?tenant=1", 'the baseUrl "https://api.acme.test/v1?tenant=1" has a query or a fragment, which request paths would land in'],
    ["https://api.acme.test/v1#top", 'the baseUrl "https://api.acme.test/v1#top" has a query or a fragment'],
    ["https://api.acme.test/v1?", 'the baseUrl "https://api.acme.test/v1?" has a query or a fragment'],
    ["api.acme.test/v1", 'the baseUrl "api.acme.test/v1" is not an absolute URL'],
    ["//user:secret-password@api.acme.test", 'the baseUrl "//[redacted]@api.acme.test" is not an absolute URL'],
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
      expect((error as Error).message).not.toContain("secret-password");
    }
  });
});
