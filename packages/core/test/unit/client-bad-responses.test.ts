import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type ApiError,
  BadRequestError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  isApiError,
  isConnectionError,
  isTimeoutError,
  NotFoundError,
  TimeoutError,
} from "../../src/index.js";
import { loopback } from "./loopback.js";
import { testClient } from "./test-client.js";

// Each path of this server misbehaves in one way; the status is taken from the id.
let server: Awaited<ReturnType<typeof loopback>>;
beforeAll(async () => {
  server = await loopback((req, res) => {
    const [, , kind, status = "200"] = decodeURIComponent(req.url!).split("/");
    const code = Number(status);
    switch (kind) {
      case "html":
        res.writeHead(code, { "content-type": "text/html" }).end("<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>");
        return;
      case "empty":
        res.writeHead(code).end();
        return;
      case "truncated":
        res.writeHead(code, { "content-type": "application/json" }).end('{"code":"BAD","message":"cut sh');
        return;
      case "reset":
        req.socket.destroy();
        return;
      case "reset-mid-body":
        res.writeHead(code, { "content-type": "application/json", "content-length": "100" });
        res.write('{"id":');
        setTimeout(() => req.socket.destroy(), 10);
        return;
      case "hang":
        return;
      case "slow-body":
        res.writeHead(code, { "content-type": "application/json" });
        res.write('{"id":');
        return;
      default:
        res.writeHead(code, { "content-type": "application/json" }).end('{"id":"1"}');
    }
  });
});
afterAll(() => server.close());

const get = (kind: string, status: number, options: Parameters<typeof testClient>[0] = {}) =>
  testClient({ baseUrl: server.url, maxRetries: 0, ...options })
    .getThing({ params: { path: { id: `${kind}/${status}` as string } } })
    .catch((error: unknown) => error);

describe("bad responses", () => {
  test("an HTML error page is still the status's ApiError subclass, with an excerpt", async () => {
    const error = await get("html", 502);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as ApiError).status).toBe(502);
    expect((error as ApiError).body).toBe("<html><body><h1>502 Bad Gateway</h1> <p>nginx</p></body></html>");
    expect((error as Error).message).toContain("Acme 502 on GET /things/{id}");
  });

  test("an empty error body is still the status's subclass", async () => {
    const error = await get("empty", 404);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe("Acme 404 on GET /things/{id}: empty body");
  });

  test("a truncated JSON error body is still the status's subclass, with an excerpt", async () => {
    const error = await get("truncated", 400);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as ApiError).body).toBe('{"code":"BAD","message":"cut sh');
  });

  test("a 200 whose body is HTML is an InvalidResponseError, never a SyntaxError", async () => {
    const error = await get("html", 200);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).bodyExcerpt).toContain("502 Bad Gateway");
  });

  test("a 200 with truncated JSON is an InvalidResponseError", async () => {
    await expect(get("truncated", 200)).resolves.toBeInstanceOf(InvalidResponseError);
  });

  test("a 200 with an empty body where JSON is promised is an InvalidResponseError", async () => {
    const error = await get("empty", 200);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain("got an empty body");
  });

  test("a reset connection is a ConnectionError with the cause kept", async () => {
    const error = await get("reset", 200);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(isConnectionError(error)).toBe(true);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  test("a connection reset mid-body is a ConnectionError, and retried when safe", async () => {
    const started = performance.now();
    const error = await get("reset-mid-body", 200, { maxRetries: 1 });
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeGreaterThan(350);
  });

  test("a server that never answers raises TimeoutError after timeoutMs", async () => {
    const started = performance.now();
    const error = await get("hang", 200, { timeoutMs: 150 });
    expect(error).toBeInstanceOf(TimeoutError);
    expect(isTimeoutError(error)).toBe(true);
    expect((error as TimeoutError).timeoutMs).toBe(150);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  test("the timeout covers the body too", async () => {
    await expect(get("slow-body", 200, { timeoutMs: 150 })).resolves.toBeInstanceOf(TimeoutError);
  });

  test("timeoutMs per call overrides the client's", async () => {
    const error = await testClient({ baseUrl: server.url, maxRetries: 0, timeoutMs: 60_000 })
      .getThing({ params: { path: { id: "hang/200" } }, timeoutMs: 100 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  test("a caller's abort stops a hanging request at once, with the caller's reason rather than a timeout", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user navigated away")), 50);
    const started = performance.now();
    const error = await testClient({ baseUrl: server.url, timeoutMs: 5_000 })
      .getThing({ params: { path: { id: "hang/200" } }, signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe("user navigated away");
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test("a timed-out attempt is retried when safe", async () => {
    let attempts = 0;
    const counting = (request: string, init: RequestInit) => (attempts++, fetch(request, init));
    await get("hang", 200, { timeoutMs: 100, maxRetries: 1, fetch: counting });
    expect(attempts).toBe(2);
  });

  test("a refused connection is a ConnectionError naming the provider and method", async () => {
    const closed = await loopback(() => {});
    await closed.close();
    const error = await testClient({ baseUrl: closed.url, maxRetries: 0 })
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^Acme GET request failed: .*ECONNREFUSED/);
    expect(isApiError(error)).toBe(false);
  });
});
