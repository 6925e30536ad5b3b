import { describe, expect, test } from "vitest";
import { AuthenticationError, BadRequestError, ConnectionError, InternalServerError, RateLimitError } from "../../src/index.js";
import { connectionRefused, json, scriptedFetch } from "./fake-fetch.js";
import { testClient } from "./test-client.js";

const fast = { "retry-after-ms": "0" };

describe("retries", () => {
  test("retries a 503 twice, then returns the body", async () => {
    const { fetch, seen } = scriptedFetch(json(503, {}), json(503, {}), json(200, { id: "1" }));
    const started = performance.now();
    await expect(testClient({ fetch }).getThing({ params: { path: { id: "1" } } })).resolves.toEqual({ id: "1" });
    expect(seen).toHaveLength(3);
    // Backoff 0.5 s then 1 s, each up to a quarter less.
    expect(performance.now() - started).toBeGreaterThanOrEqual(375 + 750 - 5);
  });

  test("waits at least Retry-After: 1 before retrying a 429", async () => {
    const { fetch, seen } = scriptedFetch(json(429, { code: "SLOW_DOWN" }, { "retry-after": "1" }), json(200, { id: "1" }));
    const started = performance.now();
    await testClient({ fetch }).getThing({ params: { path: { id: "1" } } });
    expect(seen).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(995);
  });

  test("gives up after maxRetries and throws the last status's error", async () => {
    const { fetch, seen } = scriptedFetch(json(500, { code: "BOOM", message: "down" }, fast));
    const error = await testClient({ fetch })
      .getThing({ params: { path: { id: "1" } } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.code).toBe("BOOM");
    expect(seen).toHaveLength(3);
  });

  test("honours maxRetries per call over the client's", async () => {
    const { fetch, seen } = scriptedFetch(json(503, {}, fast));
    await expect(testClient({ fetch, maxRetries: 5 }).getThing({ params: { path: { id: "1" } }, maxRetries: 1 })).rejects.toThrow();
    expect(seen).toHaveLength(2);
  });

  test("does not retry a POST the spec does not mark safe", async () => {
    const { fetch, seen } = scriptedFetch(json(503, {}, fast), json(200, {}));
    await expect(testClient({ fetch }).createThing({ body: {} })).rejects.toBeInstanceOf(InternalServerError);
    expect(seen).toHaveLength(1);
  });

  test("does not retry a POST after a connection error either", async () => {
    const { fetch, seen } = scriptedFetch(connectionRefused(), json(200, {}));
    await expect(testClient({ fetch }).createThing({ body: {} })).rejects.toBeInstanceOf(ConnectionError);
    expect(seen).toHaveLength(1);
  });

  test("retries a PATCH the spec marks safe, resending the same body", async () => {
    const { fetch, seen } = scriptedFetch(json(502, {}, fast), json(200, { ok: true }));
    await expect(testClient({ fetch }).patchThing({ params: { path: { id: "1" } }, body: { version: 3 } })).resolves.toEqual({ ok: true });
    expect(seen.map((r) => r.body)).toEqual(['{"version":3}', '{"version":3}']);
  });

  test("retries connection errors, then succeeds", async () => {
    const { fetch, seen } = scriptedFetch(connectionRefused(), json(200, { id: "1" }));
    await expect(testClient({ fetch }).putThing({ params: { path: { id: "1" } }, body: {} })).resolves.toEqual({ id: "1" });
    expect(seen).toHaveLength(2);
  });

  test("never retries other 4xx", async () => {
    const { fetch, seen } = scriptedFetch(json(400, { code: "BAD" }), json(200, {}));
    await expect(testClient({ fetch }).getThing({ params: { path: { id: "1" } } })).rejects.toBeInstanceOf(BadRequestError);
    expect(seen).toHaveLength(1);
  });

  test("never retries a programming error", async () => {
    const { fetch, seen } = scriptedFetch(new RangeError("bug"), json(200, {}));
    await expect(testClient({ fetch }).getThing({ params: { path: { id: "1" } } })).rejects.toThrow(RangeError);
    expect(seen).toHaveLength(1);
  });

  test("never retries after the caller aborts, and rejects with the caller's reason", async () => {
    const controller = new AbortController();
    const { fetch, seen } = scriptedFetch(() => {
      controller.abort(new Error("caller gave up"));
      return json(503, {});
    });
    await expect(testClient({ fetch }).getThing({ params: { path: { id: "1" } }, signal: controller.signal })).rejects.toThrow("caller gave up");
    expect(seen).toHaveLength(1);
  });

  test("reports a 429 that outlasts the retries as RateLimitError", async () => {
    const { fetch } = scriptedFetch(json(429, { code: "SLOW_DOWN" }, fast));
    await expect(testClient({ fetch }).getThing({ params: { path: { id: "1" } } })).rejects.toBeInstanceOf(RateLimitError);
  });
});

describe("request ids", () => {
  test("sends one generated X-Request-ID, kept across retries", async () => {
    const { fetch, seen } = scriptedFetch(json(503, {}, fast), json(200, {}));
    await testClient({ fetch }).getThing({ params: { path: { id: "1" } } });
    const ids = seen.map((r) => r.headers.get("x-request-id"));
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe(ids[0]);
  });

  test("keeps the caller's request id", async () => {
    const { fetch, seen } = scriptedFetch(json(200, {}));
    await testClient({ fetch }).getThing({ params: { path: { id: "1" } }, headers: { "X-Request-ID": "mine" } });
    expect(seen[0]!.headers.get("x-request-id")).toBe("mine");
  });

  test("a new call gets a new id", async () => {
    const { fetch, seen } = scriptedFetch(json(200, {}));
    const client = testClient({ fetch });
    await client.getThing({ params: { path: { id: "1" } } });
    await client.getThing({ params: { path: { id: "1" } } });
    expect(seen[0]!.headers.get("x-request-id")).not.toBe(seen[1]!.headers.get("x-request-id"));
  });

  test("error.requestId is the server's x-request-id when it sent one, else ours", async () => {
    const server = scriptedFetch(json(404, {}, { "x-request-id": "srv-1" }));
    await expect(testClient({ fetch: server.fetch }).getThing({ params: { path: { id: "1" } } })).rejects.toMatchObject({ requestId: "srv-1" });
    const ours = scriptedFetch(json(404, {}));
    const error = await testClient({ fetch: ours.fetch })
      .getThing({ params: { path: { id: "1" } } })
      .catch((e) => e);
    expect(error.requestId).toBe(ours.seen[0]!.headers.get("x-request-id"));
  });
});

describe("bearer auth", () => {
  test("sends a static token on every attempt", async () => {
    const { fetch, seen } = scriptedFetch(json(503, {}, fast), json(200, {}));
    await testClient({ fetch, token: "tok_static_123456" }).getThing({ params: { path: { id: "1" } } });
    expect(seen.map((r) => r.headers.get("authorization"))).toEqual(["Bearer tok_static_123456", "Bearer tok_static_123456"]);
  });

  test("asks a token function on every request", async () => {
    let calls = 0;
    const { fetch, seen } = scriptedFetch(json(200, {}));
    const client = testClient({ fetch, token: async () => `tok_${++calls}_abcdefgh` });
    await client.getThing({ params: { path: { id: "1" } } });
    await client.getThing({ params: { path: { id: "1" } } });
    expect(seen.map((r) => r.headers.get("authorization"))).toEqual(["Bearer tok_1_abcdefgh", "Bearer tok_2_abcdefgh"]);
  });

  test("on a 401 asks once more for a fresh token and retries once, a PATCH too when the spec says it is safe", async () => {
    const asked: boolean[] = [];
    const { fetch, seen } = scriptedFetch(json(401, { code: "EXPIRED" }), json(200, { id: "1" }));
    const client = testClient({ fetch, token: ({ forceRefresh }) => (asked.push(forceRefresh), forceRefresh ? "fresh_token_1" : "stale_token_1") });
    await expect(client.patchThing({ params: { path: { id: "1" } }, body: { a: 1 } })).resolves.toEqual({ id: "1" });
    expect(asked).toEqual([false, true]);
    expect(seen.map((r) => [r.headers.get("authorization"), r.body])).toEqual([
      ["Bearer stale_token_1", '{"a":1}'],
      ["Bearer fresh_token_1", '{"a":1}'],
    ]);
  });

  test("a 401 on an operation the spec marks unsafe to repeat is not sent again, even with a token function", async () => {
    const asked: boolean[] = [];
    const { fetch, seen } = scriptedFetch(json(401, { code: "EXPIRED" }), json(200, { id: "1" }));
    const client = testClient({ fetch, token: ({ forceRefresh }) => (asked.push(forceRefresh), "stale_token_1") });
    await expect(client.createThing({ body: { a: 1 } })).rejects.toBeInstanceOf(AuthenticationError);
    expect(asked).toEqual([false]);
    expect(seen).toHaveLength(1);
  });

  test("a second 401 is an AuthenticationError", async () => {
    const { fetch, seen } = scriptedFetch(json(401, { code: "EXPIRED" }));
    await expect(testClient({ fetch, token: () => "always_stale_1" }).getThing({ params: { path: { id: "1" } } })).rejects.toBeInstanceOf(AuthenticationError);
    expect(seen).toHaveLength(2);
  });

  test("a static token gets no second try on a 401", async () => {
    const { fetch, seen } = scriptedFetch(json(401, {}));
    await expect(testClient({ fetch, token: "tok_static_123456" }).getThing({ params: { path: { id: "1" } } })).rejects.toBeInstanceOf(AuthenticationError);
    expect(seen).toHaveLength(1);
  });
});

describe("raw", () => {
  test("shares auth, request ids and retries with the methods", async () => {
    const { fetch, seen } = scriptedFetch(json(503, {}, fast), json(200, { id: "1" }));
    const { data } = await testClient({ fetch, token: "tok_static_123456" }).raw.GET("/things/{id}", { params: { path: { id: "1" } } });
    expect(data).toEqual({ id: "1" });
    expect(seen).toHaveLength(2);
    expect(seen[1]!.headers.get("authorization")).toBe("Bearer tok_static_123456");
    expect(seen[1]!.headers.get("x-request-id")).toBe(seen[0]!.headers.get("x-request-id"));
  });
});

describe("call options", () => {
  test("a timeoutMs or maxRetries that makes no sense is a RangeError, per client and per call, and nothing is sent", async () => {
    expect(() => testClient({ timeoutMs: 0 })).toThrow(RangeError);
    expect(() => testClient({ timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
    expect(() => testClient({ maxRetries: -1 })).toThrow(/maxRetries/);
    const { fetch, seen } = scriptedFetch(json(200, { id: "1" }));
    const client = testClient({ fetch });
    await expect(client.getThing({ params: { path: { id: "1" } }, timeoutMs: -5 })).rejects.toThrow(RangeError);
    await expect(client.getThing({ params: { path: { id: "1" } }, maxRetries: 1.5 })).rejects.toThrow(/maxRetries/);
    expect(seen).toEqual([]);
  });

  test("timeoutMs: Infinity means no deadline", async () => {
    const { fetch } = scriptedFetch(json(200, { id: "1" }));
    await expect(testClient({ fetch, timeoutMs: Number.POSITIVE_INFINITY }).getThing({ params: { path: { id: "1" } } })).resolves.toEqual({ id: "1" });
  });
});
