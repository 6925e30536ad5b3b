import { MockAgent } from "undici";
import { afterAll, describe, expect, test } from "vitest";
import { ConflictError } from "../../src/index.js";
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
    ["ftp://files.acme.test", /http\(s\) URLs only/],
    ["https://user:secret-password@api.acme.test", /must not include credentials/],
  ])("a base URL %s is a TypeError before anything is sent, its credentials not shown, by dispatcher or by fetch", async (baseUrl, message) => {
    for (const transport of [{ dispatcher: mockAgent }, { fetch: async () => Response.json({}) }]) {
      const error = await testClient({ baseUrl, ...transport, maxRetries: 0 })
        .getThing({ params: { path: { id: "1" } } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain("secret-password");
    }
  });
});
