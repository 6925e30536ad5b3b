import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { TimeoutError } from "../../src/index.js";
import { deadlineKindFor } from "../../src/timeout.js";
import { loopback } from "./loopback.js";
import { testClient } from "./test-client.js";

// /hang never answers; /redirect-to-hang answers 302 to /hang. Every socket's close is recorded.
let server: Awaited<ReturnType<typeof loopback>>;
let closedSockets = 0;
beforeAll(async () => {
  server = await loopback((req, res) => {
    req.socket.once("close", () => closedSockets++);
    if (req.url!.includes("redirect-to-hang")) res.writeHead(302, { location: "/things/hang" }).end();
    else if (!req.url!.includes("hang")) res.writeHead(200, { "content-type": "application/json" }).end('{"id":"1"}');
  });
});
afterAll(() => server.close());

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const untilClosed = async (count: number) => {
  for (let i = 0; i < 100 && closedSockets < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return closedSockets;
};

describe("per-attempt deadlines", () => {
  test("Node's own fetch keeps deadlines by dispatcher; any other fetch by signal", () => {
    expect(deadlineKindFor(false)).toBe("dispatcher");
    expect(deadlineKindFor(true)).toBe("signal");
  });

  test.each([
    ["Node's own fetch (dispatcher)", undefined],
    ["a custom fetch (signal)", (url: string, init: RequestInit) => realFetch(url, init)],
  ])("with %s, a timeout closes the connection, not just the call", async (_, fetch) => {
    const before = closedSockets;
    const error = await testClient({ baseUrl: server.url, maxRetries: 0, timeoutMs: 100, ...(fetch && { fetch }) })
      .getThing({ params: { path: { id: "hang" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(await untilClosed(before + 1)).toBe(before + 1);
  });

  test("the deadline spans redirects", async () => {
    const started = performance.now();
    const error = await testClient({ baseUrl: server.url, maxRetries: 0, timeoutMs: 150 })
      .getThing({ params: { path: { id: "redirect-to-hang" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test("a global fetch that ignores the dispatcher (a test double, say) still times out on time", async () => {
    let calls = 0;
    globalThis.fetch = (async (url: string, init: RequestInit & { dispatcher?: unknown }) => {
      calls++;
      const { dispatcher: _ignored, ...rest } = init;
      return realFetch(url, rest);
    }) as typeof fetch;
    const started = performance.now();
    const error = await testClient({ baseUrl: server.url, maxRetries: 0, timeoutMs: 150 })
      .getThing({ params: { path: { id: "hang" } } })
      .catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test("a fast answer clears the deadline: nothing fires later", async () => {
    const client = testClient({ baseUrl: server.url, maxRetries: 0, timeoutMs: 50 });
    await expect(client.getThing({ params: { path: { id: "1" } } })).resolves.toEqual({ id: "1" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(client.getThing({ params: { path: { id: "2" } } })).resolves.toEqual({ id: "1" });
  });
});
