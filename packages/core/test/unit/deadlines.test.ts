import { Agent, type Dispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { TimeoutError } from "../../src/index.js";
import { loopback } from "./loopback.js";
import { testClient } from "./test-client.js";

// /hang never answers; /slow answers after 100 ms; /redirect-to-hang answers 302 to /hang. Every socket's
// close is recorded.
let server: Awaited<ReturnType<typeof loopback>>;
const received: string[] = [];
const closedAfter: string[] = [];
beforeAll(async () => {
  server = await loopback((req, res) => {
    received.push(req.url!);
    req.socket.once("close", () => closedAfter.push(req.url!));
    const answer = () => res.writeHead(200, { "content-type": "application/json" }).end('{"id":"1"}');
    if (req.url!.includes("redirect-to-hang")) res.writeHead(302, { location: "/things/hang" }).end();
    else if (req.url!.includes("slow")) setTimeout(answer, 100);
    else if (!req.url!.includes("hang")) answer();
  });
});
afterAll(() => server.close());

const realFetch = globalThis.fetch;
const agent = new Agent();
afterAll(() => agent.close());

/** Whether the connection that carried `url` is closed within five seconds. */
const closes = async (url: string) => {
  for (let i = 0; i < 500 && !closedAfter.includes(url); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return closedAfter.includes(url);
};

describe("per-attempt deadlines", () => {
  test("attempts in flight together each time out at their own deadline, an earlier one started last", async () => {
    const client = testClient({ baseUrl: server.url, maxRetries: 0 });
    const started = performance.now();
    const elapsed = (timeoutMs: number, id: string) =>
      client.getThing({ params: { path: { id } }, timeoutMs }).then(
        () => Number.NaN,
        (error: unknown) => (expect(error).toBeInstanceOf(TimeoutError), performance.now() - started),
      );
    const [late, early, middle] = await Promise.all([elapsed(4_000, "hang-a"), elapsed(200, "hang-b"), elapsed(1_500, "hang-c")]);
    // Each no sooner than its own deadline, and each before the next one's: timers may run late under load.
    expect(early).toBeGreaterThanOrEqual(195);
    expect(early).toBeLessThan(1_400);
    expect(middle).toBeGreaterThanOrEqual(1_495);
    expect(middle).toBeLessThan(3_900);
    expect(late).toBeGreaterThanOrEqual(3_995);
  }, 15_000);

  test.each([
    ["the default undici dispatcher", "hang-1", undefined],
    ["a custom fetch (signal)", "hang-2", (url: string, init: RequestInit) => realFetch(url, init)],
  ])("with %s, a timeout closes the connection, not just the call", async (_, id, fetch) => {
    const error = await testClient({ baseUrl: server.url, maxRetries: 0, timeoutMs: 500, ...(fetch && { fetch }) })
      .getThing({ params: { path: { id } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(received).toContain(`/things/${id}`);
    expect(await closes(`/things/${id}`)).toBe(true);
  });

  test("the deadline spans redirects", async () => {
    const started = performance.now();
    const error = await testClient({ baseUrl: server.url, maxRetries: 0, timeoutMs: 150 })
      .getThing({ params: { path: { id: "redirect-to-hang" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test("a given fetch that ignores its signal (a test double, say) still times out on time", async () => {
    let calls = 0;
    const fetch = async (url: string, init: RequestInit) => {
      calls++;
      return realFetch(url, { ...init, signal: null });
    };
    const started = performance.now();
    const error = await testClient({ baseUrl: server.url, maxRetries: 0, timeoutMs: 150, fetch })
      .getThing({ params: { path: { id: "hang" } } })
      .catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test("a request still waiting for its connection fails on time, and is never sent", async () => {
    // A dispatcher (as a proxy agent would be) whose connections take 400 ms.
    const slow = { dispatch: (options, handler) => (setTimeout(() => agent.dispatch(options, handler), 400), true) } as Dispatcher;
    const started = performance.now();
    const error = await testClient({ baseUrl: server.url, maxRetries: 0, timeoutMs: 100, dispatcher: slow })
      .getThing({ params: { path: { id: "slow-connection" } } })
      .catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(elapsed).toBeLessThan(350);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received.filter((url) => url.includes("slow-connection"))).toEqual([]);
  });

  test("a timeout beyond setTimeout's limit (about 24.8 days) does not fire at once", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on("warning", onWarning);
    const client = testClient({ baseUrl: server.url, maxRetries: 0, timeoutMs: 2 ** 31 + 1_000 });
    await expect(client.getThing({ params: { path: { id: "slow-1" } } })).resolves.toEqual({ id: "1" });
    await new Promise((resolve) => setImmediate(resolve));
    process.off("warning", onWarning);
    // Node clamps a longer delay to 1 ms, with a TimeoutOverflowWarning.
    expect(warnings).not.toContain("TimeoutOverflowWarning");
  });

  test("an attempt's deadline is a timer only while the attempt is in flight", async () => {
    // The deadline's own timers, told from any other (undici's, the server's) by their delay: timeoutMs.
    const originalSetTimeout = globalThis.setTimeout;
    const originalClearTimeout = globalThis.clearTimeout;
    const live = new Set<unknown>();
    const set = vi.spyOn(globalThis, "setTimeout");
    const clear = vi.spyOn(globalThis, "clearTimeout");
    set.mockImplementation(((callback: () => void, delay?: number, ...rest: unknown[]) => {
      const handle = originalSetTimeout(callback, delay, ...rest);
      if (delay === 60_000) live.add(handle);
      return handle;
    }) as typeof setTimeout);
    clear.mockImplementation(((handle?: Parameters<typeof clearTimeout>[0]) => {
      live.delete(handle);
      originalClearTimeout(handle);
    }) as typeof clearTimeout);
    try {
      const client = testClient({ baseUrl: server.url, maxRetries: 0, timeoutMs: 60_000 });
      await client.getThing({ params: { path: { id: "1" } } });
      expect(live.size).toBe(0);
      const controller = new AbortController();
      const call = client.getThing({ params: { path: { id: "hang-held" } }, signal: controller.signal }).catch((e: unknown) => e);
      await new Promise((resolve) => setImmediate(resolve));
      expect(live.size).toBe(1);
      controller.abort();
      await call;
      expect(live.size).toBe(0);
    } finally {
      set.mockRestore();
      clear.mockRestore();
    }
  });
});
