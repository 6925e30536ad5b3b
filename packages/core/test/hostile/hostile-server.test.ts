import { fork } from "node:child_process";
import { getEventListeners } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { brotliCompressSync, deflateSync, gzipSync, constants as zlibConstants } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  AuthenticationError,
  type ClientOptions,
  ConnectionError,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
  PermissionDeniedError,
  RedirectError,
  ResponseReadError,
  TimeoutError,
} from "../../src/index.js";
import { dispatcherDouble } from "../unit/dispatcher-double.js";
import { loopback } from "../unit/loopback.js";
import { testClient } from "../unit/test-client.js";

// A loopback server on 127.0.0.1 that misbehaves as each test says: every test asserts the typed error,
// the requests the server saw, and that no secret shows in any view of the error.
const TOKEN = "tok_hostile_secret_0123456789";
const API_KEY = "key_hostile_secret_9876543210";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handle: Handler = (_, res) => res.end();
let seen: { method: string; url: string; authorization: string | undefined; apiKey: string | undefined }[] = [];
let server: Awaited<ReturnType<typeof loopback>>;
let other: Awaited<ReturnType<typeof loopback>>;
const otherSeen: { authorization: string | undefined; apiKey: string | undefined; tenantKey?: string | undefined }[] = [];

beforeAll(async () => {
  server = await loopback((req, res) => {
    seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, apiKey: req.headers["x-api-key"] as string | undefined });
    handle(req, res);
  });
  // Another origin, for redirects.
  other = await loopback((req, res) => {
    const tenantKey = req.headers["x-tenant-key"] as string | undefined;
    otherSeen.push({ authorization: req.headers.authorization, apiKey: req.headers["x-api-key"] as string | undefined, ...(tenantKey ? { tenantKey } : {}) });
    res.writeHead(200, { "content-type": "application/json" }).end('{"id":"moved"}');
  });
});
afterAll(async () => {
  await server.close();
  await other.close();
});

function serve(handler: Handler) {
  seen = [];
  handle = handler;
}

const hostileClient = (
  options: ClientOptions & { token?: Parameters<typeof testClient>[0] extends infer O ? (O extends { token?: infer T } ? T : never) : never } = {},
) => testClient({ baseUrl: server.url, token: TOKEN, maxRetries: 2, ...options });

function expectNoSecret(error: unknown) {
  const views = [inspect(error, { depth: 10 }), JSON.stringify(error), String(error), (error as Error).stack ?? ""].join("\n");
  for (const secret of [TOKEN, API_KEY]) expect(views).not.toContain(secret);
}

// 64 MiB of zeros, about 50 KiB compressed (brotli's fastest quality: the test is about decoding).
const brotliBomb = brotliCompressSync(Buffer.alloc(64 * 1024 * 1024), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 } });

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));

// Every kind of misbehaviour, against each way signhub sends: undici's dispatcher (the default) and a given fetch.
const transports: [string, ClientOptions][] = [
  ["by dispatcher", {}],
  ["by a given fetch", { fetch: (url, init) => fetch(url, init) }],
];

describe.each(transports)("a hostile server, %s", (transportName, transport) => {
  const byDispatcher = transportName === "by dispatcher";
  const client = (options: Parameters<typeof hostileClient>[0] = {}) => hostileClient({ ...transport, ...options });

  test("a 404 whose x-request-id is the API key: the key is in no view of the error", async () => {
    serve((_, res) => json(res, 404, { code: "NOPE", message: "not here" }, { "x-request-id": TOKEN }));
    const error = await client()
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(seen).toHaveLength(1);
    expectNoSecret(error);
  });

  test("a 500 gzip body that inflates to 1 GiB ends early in a ResponseReadError with the status kept, and is not retried", async () => {
    // 64 gzip members of 16 MiB of zeros each: 1 GiB inflated, about 1 MiB sent.
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024));
    serve((_, res) => {
      res.writeHead(500, { "content-type": "application/json", "content-encoding": "gzip" });
      let sent = 0;
      const next = () => {
        while (sent < 64) {
          sent++;
          if (!res.write(member)) return void res.once("drain", next);
        }
        res.end();
      };
      next();
    });
    const before = process.memoryUsage().rss;
    const error = await client()
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseReadError);
    expect(error).toMatchObject({ status: 500 });
    expect(seen).toHaveLength(1);
    // Nothing near the inflated size was held: well under the 1 GiB the body inflates to.
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
    expectNoSecret(error);
  });

  test("a plain body over maxResponseBytes is a ResponseReadError; a call can allow more", async () => {
    serve((_, res) => json(res, 200, { id: "x".repeat(2000) }));
    await expect(client({ maxResponseBytes: 1000 }).getThing({ params: { path: { id: "1" } } })).rejects.toBeInstanceOf(ResponseReadError);
    await expect(client({ maxResponseBytes: 1000 }).getThing({ params: { path: { id: "1" } }, maxResponseBytes: 4000 })).resolves.toMatchObject({
      id: expect.any(String),
    });
  });

  test("a 303 answering a PUT is a RedirectError: the PUT is not turned into a GET, nor reported a success", async () => {
    serve((req, res) => (req.method === "PUT" ? res.writeHead(303, { location: "/things/elsewhere" }).end() : json(res, 200, { id: "get" })));
    const error = await client()
      .putThing({ params: { path: { id: "1" } }, body: { a: 1 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 303, method: "PUT", location: "/things/elsewhere" });
    expect(seen.map((r) => r.method)).toEqual(["PUT"]);
    expectNoSecret(error);
  });

  test("a 302 loop on a GET is one RedirectError after a few hops, not retried", async () => {
    serve((_, res) => res.writeHead(302, { location: "/things/loop" }).end());
    const error = await client()
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(seen.length).toBeLessThanOrEqual(6);
  });

  test("a GET redirected to another origin carries neither Authorization nor a secret header", async () => {
    serve((_, res) => res.writeHead(307, { location: `${other.url}/things/1` }).end());
    otherSeen.length = 0;
    const result = await client({ headers: { "x-api-key": API_KEY } }).getThing({ params: { path: { id: "1" } } });
    expect(result).toEqual({ id: "moved" });
    expect(seen[0]).toMatchObject({ authorization: `Bearer ${TOKEN}`, apiKey: API_KEY });
    expect(otherSeen).toEqual([{ authorization: undefined, apiKey: undefined }]);
  });

  test.each([
    ["ftp://files.example/x", "not an http(s) URL"],
    ["javascript:alert(1)", "not an http(s) URL"],
    ["http://[::1", "not an http(s) URL"],
    ["http://u:third-party-pass@127.0.0.1:9/x", "credentials in it"],
    ["http://a@b:third-party-pass@127.0.0.1:9/x", "credentials in it"],
    ["//u:third-party-pass@127.0.0.1:9/x", "credentials in it"],
  ])("a GET redirected to %s (%s) is a RedirectError, not followed, that shows no credentials", async (location) => {
    serve((_, res) => res.writeHead(302, { location }).end());
    const error = await client()
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(seen).toHaveLength(1);
    expect(inspect(error)).not.toContain("third-party-pass");
    expect(JSON.stringify(error)).not.toContain("third-party-pass");
  });

  test.each([
    ["named like a secret", { "x-api-key": API_KEY }, []],
    ["listed in secretHeaders", { "x-tenant-pass": API_KEY }, ["X-Tenant-Pass"]],
  ])("a per-call header %s, echoed in the body, x-request-id and a header, is in no view of the error", async (_, headers, secretHeaders) => {
    serve((_, res) => json(res, 404, { code: "NOPE", message: `no key ${API_KEY}`, echo: API_KEY }, { "x-request-id": API_KEY, "x-echo": API_KEY }));
    const error = await client({ secretHeaders })
      .getThing({ params: { path: { id: "1" } }, headers })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expectNoSecret(error);
  });

  test("a request body stream that never ends (a bodySerializer's) is bounded by timeoutMs, and ended at once by the caller's abort", async () => {
    serve((_, res) => json(res, 200, { id: "1" }));
    const neverEnds = () => new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode("{")) });
    const put = (options: ClientOptions, signal?: AbortSignal) =>
      client(options)
        .raw.PUT("/things/{id}", { params: { path: { id: "1" } }, body: {}, bodySerializer: neverEnds as never, ...(signal && { signal }) })
        .catch((e: unknown) => e);
    const started = performance.now();
    expect(await put({ maxRetries: 0, timeoutMs: 300 })).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(5_000);
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const call = put({ maxRetries: 0, timeoutMs: 60_000 }, controller.signal);
    setTimeout(() => controller.abort(reason), 50);
    expect(await call).toBe(reason);
  });

  test("a stream or a promise given as a JSON body is an InvalidRequestError, not the text {}", async () => {
    for (const body of [new ReadableStream(), Promise.resolve({ a: 1 })]) {
      const error = await client()
        .putThing({ params: { path: { id: "1" } }, body: body as never })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
    }
    expect(seen).toHaveLength(0);
  });

  test.each([
    ["a status line that is not HTTP", "NOT HTTP AT ALL\r\n\r\n"],
    ["a header with a control character", "HTTP/1.1 200 OK\r\nx-bad: a\u0001b\r\ncontent-length: 2\r\n\r\n{}"],
    ["a status of 2000", "HTTP/1.1 2000 Odd\r\ncontent-length: 2\r\n\r\n{}"],
    ["both Content-Length and Transfer-Encoding", "HTTP/1.1 200 OK\r\ncontent-length: 2\r\ntransfer-encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"],
  ])("a response with %s is a ConnectionError, not retried, that shows none of the bytes the server echoed", async (_, head) => {
    // The server echoes the request's Authorization after the broken part: a parser keeps those bytes.
    serve((req, res) => res.socket?.end(`${head}${req.headers.authorization ?? ""}\r\n\r\n`));
    const error = await client()
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(seen).toHaveLength(1);
    expectNoSecret(error);
  });

  test("an Authorization and a Cookie set in headers have their credentials scrubbed when a server echoes them alone", async () => {
    const cookieValue = "cookie-secret-value-42";
    serve((_, res) => json(res, 401, { code: TOKEN, message: `bad ${TOKEN} / ${cookieValue}` }, { "x-request-id": cookieValue }));
    const error = await client({ token: undefined, headers: { authorization: `Bearer ${TOKEN}` } })
      .getThing({ params: { path: { id: "1" } }, headers: { cookie: `session=${cookieValue}` } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoSecret(error);
    expect(inspect(error, { depth: 10 })).not.toContain(cookieValue);
  });

  test.each(["x-auth-token", "x-access-token", "api-token", "x-session-token"])(
    "a header named %s is a secret: scrubbed from errors, not carried to another origin",
    async (name) => {
      serve((_, res) => res.writeHead(302, { location: `${other.url}/elsewhere` }).end());
      otherSeen.length = 0;
      await client({ headers: { [name]: API_KEY } }).getThing({ params: { path: { id: "1" } } });
      expect(JSON.stringify(otherSeen)).not.toContain(API_KEY);
      serve((_, res) => json(res, 404, { code: "NOPE", message: API_KEY }));
      const error = await client({ headers: { [name]: API_KEY } })
        .getThing({ params: { path: { id: "1" } } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expectNoSecret(error);
    },
  );

  test.each([
    ["a value with another control character", { "x-note": "a\u0001b" }],
    ["a value beyond Latin-1", { "x-note": "\u20ac" }],
    ["a value with CR LF", { "x-note": "a\r\nx-injected: 1" }],
    ["a value with NUL", { "x-note": "a\u0000b" }],
    ["a name that is not a token", { "x note": "a" }],
    ["Transfer-Encoding", { "transfer-encoding": "chunked" }],
    ["Host", { host: "elsewhere.test" }],
    ["Upgrade", { upgrade: "websocket" }],
  ])("a caller's header with %s is an InvalidRequestError, and nothing is sent", async (_, headers) => {
    serve((_, res) => json(res, 200, { id: "1" }));
    const error = await client()
      .getThing({ params: { path: { id: "1" } }, headers })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(seen).toHaveLength(0);
  });

  test("two Set-Cookie lines stay two in withResponse().headers", async () => {
    serve((_, res) => {
      res.setHeader("set-cookie", ["a=1; Path=/", "b=2; Path=/"]);
      json(res, 200, { id: "1" });
    });
    const { headers } = await client().getThing.withResponse({ params: { path: { id: "1" } } });
    expect(headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });

  test("a gzip body decodes under a maxResponseBytes beyond what one buffer holds", async () => {
    serve((_, res) => res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(gzipSync('{"id":"big-limit"}')));
    await expect(client({ maxResponseBytes: Number.MAX_SAFE_INTEGER }).getThing({ params: { path: { id: "1" } } })).resolves.toEqual({ id: "big-limit" });
  });

  test("with middleware, a status outside 200–599 is the status's typed error, whatever onResponse returns", async () => {
    serve((_, res) => {
      res.statusCode = 600;
      res.end("{}");
    });
    const error = await client({ maxRetries: 0, middleware: [{ onResponse: ({ response }) => response }] })
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 600 });
  });

  test("a middleware's Request with a body stream that never ends is bounded by timeoutMs", async () => {
    serve((_, res) => json(res, 200, { id: "1" }));
    const neverEnds = new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode("{")) });
    const middleware = [{ onRequest: ({ request }: { request: Request }) => new Request(request, { body: neverEnds, duplex: "half" } as RequestInit) }];
    const started = performance.now();
    const error = await client({ maxRetries: 0, timeoutMs: 300, middleware })
      .putThing({ params: { path: { id: "1" } }, body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test("a per-call secret header echoed in a redirect's Location is not shown", async () => {
    serve((_, res) => res.writeHead(307, { location: `/elsewhere?key=${API_KEY}` }).end());
    const error = await client()
      .putThing({ params: { path: { id: "1" } }, body: {}, headers: { "x-api-key": API_KEY } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expectNoSecret(error);
  });

  test("a secret as a response header's name is scrubbed too", async () => {
    serve((_, res) => json(res, 400, { code: "X" }, { [`x-${TOKEN}`]: "1" }));
    expectNoSecret(
      await client()
        .getThing({ params: { path: { id: "1" } } })
        .catch((e: unknown) => e),
    );
  });

  test("tokens from a token function are scrubbed from the errors of every call in flight", async () => {
    serve((req, res) => json(res, 400, { code: "X", message: `bad ${req.headers.authorization}` }));
    let n = 0;
    const rotating = testClient({ baseUrl: server.url, token: () => `${TOKEN}-${n++}`, maxRetries: 0 });
    const errors = await Promise.all(Array.from({ length: 12 }, () => rotating.getThing({ params: { path: { id: "1" } } }).catch((e: unknown) => e)));
    for (const error of errors) expectNoSecret(error);
  });

  test("a cross-origin redirect drops Cookie and Proxy-Authorization too", async () => {
    let carried: string[] = [];
    const watching = await loopback((req, res) => {
      carried = Object.keys(req.headers);
      res.writeHead(200, { "content-type": "application/json" }).end('{"id":"moved"}');
    });
    try {
      serve((_, res) => res.writeHead(307, { location: `${watching.url}/things/1` }).end());
      await client({ headers: { cookie: "session=s", "proxy-authorization": `Basic ${API_KEY}`, "x-trace": "t" } }).getThing({ params: { path: { id: "1" } } });
      expect(carried).toContain("x-trace");
      for (const name of ["authorization", "cookie", "proxy-authorization"]) expect(carried).not.toContain(name);
    } finally {
      await watching.close();
    }
  });

  test("headers larger than the client accepts are a ResponseReadError, not retried", async () => {
    serve((_, res) => res.writeHead(200, { "content-type": "application/json", "x-huge": "a".repeat(70_000) }).end("{}"));
    const error = await client()
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseReadError);
    expect(seen).toHaveLength(1);
  });

  test("a maxResponseBytes that is not a whole number > 0 is a RangeError before anything is sent", async () => {
    serve((_, res) => json(res, 200, { id: "1" }));
    for (const maxResponseBytes of [0, -1, 1.5, Number.NaN]) {
      expect(() => client({ maxResponseBytes })).toThrow(RangeError);
      await expect(client().getThing({ params: { path: { id: "1" } }, maxResponseBytes })).rejects.toThrow(RangeError);
    }
    expect(seen).toHaveLength(0);
  });

  test("a header the client marks secret is not carried across origins either, and is scrubbed from errors", async () => {
    serve((_, res) => res.writeHead(302, { location: `${other.url}/things/1` }).end());
    otherSeen.length = 0;
    const marked = testClient({ baseUrl: server.url, headers: { "x-tenant-key": API_KEY }, secretHeaders: ["X-Tenant-Key"] });
    await marked.getThing({ params: { path: { id: "1" } } });
    expect(otherSeen).toEqual([{ authorization: undefined, apiKey: undefined }]);
    serve((_, res) => json(res, 400, { code: "BAD", message: `tenant key ${API_KEY} is not allowed` }));
    expectNoSecret(await marked.getThing({ params: { path: { id: "1" } } }).catch((e: unknown) => e));
  });

  test("a token function that never settles ends at timeoutMs, and at once on the caller's abort", async () => {
    serve((_, res) => json(res, 200, { id: "1" }));
    const never = testClient({ baseUrl: server.url, token: () => new Promise<string>(() => {}), maxRetries: 0, timeoutMs: 500 });
    const started = Date.now();
    await expect(never.getThing({ params: { path: { id: "1" } } })).rejects.toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
    const controller = new AbortController();
    const call = testClient({ baseUrl: server.url, token: () => new Promise<string>(() => {}), maxRetries: 0 }).getThing({
      params: { path: { id: "1" } },
      signal: controller.signal,
    });
    controller.abort(new Error("caller gave up"));
    await expect(call).rejects.toThrow("caller gave up");
    expect(seen).toHaveLength(0);
  });

  test("a 401 on an operation never to be repeated is sent once, even with a token function", async () => {
    serve((_, res) => json(res, 401, { code: "EXPIRED" }));
    const error = await testClient({ baseUrl: server.url, token: () => TOKEN })
      .createThing({ body: { a: 1 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(seen.map((r) => r.method)).toEqual(["POST"]);
    expectNoSecret(error);
  });

  test("an error body 10,000 levels deep is the status's typed error, and JSON.stringify(error) does not throw", async () => {
    serve((_, res) => res.writeHead(403, { "content-type": "application/json" }).end(`${"[".repeat(10_000)}${"]".repeat(10_000)}`));
    const error = await client()
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(() => JSON.stringify(error)).not.toThrow();
  });

  test("a 403 body with a __proto__ key changes no prototype", async () => {
    serve((_, res) => res.writeHead(403, { "content-type": "application/json" }).end('{"__proto__":{"admin":true},"code":"X"}'));
    const error = (await client()
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e)) as PermissionDeniedError;
    expect(Object.getPrototypeOf(error.body)).toBe(Object.prototype);
    expect((error.body as { admin?: boolean }).admin).toBeUndefined();
  });

  test.each([
    ["directly", []],
    ["through middleware", [{ onRequest: () => undefined }]],
  ])("a status outside 200–599 is a typed error, %s", async (_, middleware) => {
    serve((_, res) => {
      res.statusCode = 600;
      res.end("{}");
    });
    const error = await client({ maxRetries: 0, middleware })
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 600 });
  });

  test.each(["gzip", "deflate", "br"])("a corrupt %s body is a ResponseReadError, not retried", async (encoding) => {
    serve((_, res) =>
      res.writeHead(200, { "content-type": "application/json", "content-encoding": encoding }).end(Buffer.from("not compressed at all, not at all")),
    );
    const error = await client()
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseReadError);
    expect(seen).toHaveLength(1);
  });

  test.each([
    ["gzip", (b: Buffer) => gzipSync(b)],
    ["x-gzip", (b: Buffer) => gzipSync(b)],
    ["deflate", (b: Buffer) => deflateSync(b)],
    ["br", (b: Buffer) => brotliCompressSync(b)],
    ["gzip, br", (b: Buffer) => brotliCompressSync(gzipSync(b))],
  ] as const)("a body in %s is decoded", async (encoding, encode) => {
    serve((_, res) => res.writeHead(200, { "content-type": "application/json", "content-encoding": encoding }).end(encode(Buffer.from('{"id":"packed"}'))));
    await expect(client().getThing({ params: { path: { id: "1" } } })).resolves.toEqual({ id: "packed" });
  });

  test("a brotli body that decodes past maxResponseBytes stops at the limit in a ResponseReadError with the status kept", async () => {
    serve((_, res) => res.writeHead(502, { "content-type": "application/json", "content-encoding": "br" }).end(brotliBomb));
    const error = await client({ maxResponseBytes: 1024 * 1024 })
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseReadError);
    expect(error).toMatchObject({ status: 502 });
    expect(seen).toHaveLength(1);
  });

  test("a 101 Switching Protocols nobody asked for is a ConnectionError that says so", async () => {
    serve((_, res) => res.socket?.end("HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\n\r\n"));
    const error = await client({ maxRetries: 0 })
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe("Acme GET request failed: the server answered 101 Switching Protocols, an upgrade the request never asked for");
    expectNoSecret(error);
  });

  test("a 103 Early Hints before the answer is passed over", async () => {
    serve((_, res) => {
      res.writeEarlyHints({ link: "</style.css>; rel=preload; as=style" });
      json(res, 200, { id: "hinted" });
    });
    await expect(client().getThing({ params: { path: { id: "1" } } })).resolves.toEqual({ id: "hinted" });
  });

  test("response headers named __proto__ and constructor are headers like any other", async () => {
    serve((_, res) => {
      res.setHeader("__proto__", "p");
      res.setHeader("constructor", "c");
      json(res, 404, { code: "NOPE" }, { "x-request-id": "req-9" });
    });
    const error = await client()
      .getThing({ params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ requestId: "req-9", headers: { constructor: "c", ["__proto__"]: "p" } });
    expect(Object.getPrototypeOf((error as NotFoundError).headers)).toBe(Object.prototype);
  });

  test("an unknown content coding, or more than five, is a ResponseReadError (fetch passes unknown ones through undecoded)", async () => {
    if (!byDispatcher) return;
    for (const encoding of ["compress", "gzip, gzip, gzip, gzip, gzip, gzip"]) {
      serve((_, res) => res.writeHead(200, { "content-type": "application/json", "content-encoding": encoding }).end("{}"));
      const error = await client()
        .getThing({ params: { path: { id: "1" } } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseReadError);
      expect(seen).toHaveLength(1);
    }
  });
});

describe("a shared caller signal", () => {
  // Counted, not timed: the listeners on the shared signal while calls are in flight and after, and the
  // calls that time out. The server runs in a process of its own, and the deadline leaves a loaded machine
  // ample time to answer two thirds of 300 calls (10,000 sockets at once would measure the machine's TCP
  // backlog under load rather than signhub: the next test takes 10,000 calls through a dispatcher instead).
  test("300 concurrent calls on one AbortSignal over loopback, a third never answered: one listener at most, none left, no warning, only the unanswered time out", async () => {
    const serverProcess = fork(fileURLToPath(new URL("./two-thirds-server.mjs", import.meta.url)));
    try {
      const port = await new Promise<number>((resolve) => serverProcess.once("message", (message) => resolve(message as number)));
      const many = testClient({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN, maxRetries: 0, timeoutMs: 10_000 });
      expect(await sharedSignalRun(many, 300)).toEqual({ answered: 200, timedOut: 100, mostListeners: 1, listenersLeft: 0, listenerWarnings: 0 });
    } finally {
      serverProcess.kill();
    }
  }, 60_000);

  test("10,000 concurrent calls on one AbortSignal, a third never answered: one listener at most, none left, no warning, only the unanswered time out", async () => {
    const twoThirds = dispatcherDouble({ body: '{"id":"1"}', answers: (index) => index % 3 !== 2 });
    const many = testClient({ baseUrl: server.url, token: TOKEN, maxRetries: 0, timeoutMs: 5_000, dispatcher: twoThirds });
    expect(await sharedSignalRun(many, 10_000)).toEqual({ answered: 6_667, timedOut: 3_333, mostListeners: 1, listenersLeft: 0, listenerWarnings: 0 });
  }, 30_000);

  test("with middleware too, 2,000 calls on one AbortSignal leave it one listener at most, and raise no warning", async () => {
    const answers = dispatcherDouble({ body: '{"id":"1"}', later: setImmediate });
    const many = testClient({ baseUrl: server.url, maxRetries: 0, dispatcher: answers, middleware: [{ onRequest: () => undefined }] });
    const run = await sharedSignalRun(many, 2_000);
    expect(run).toMatchObject({ answered: 2_000, listenersLeft: 0, listenerWarnings: 0 });
    expect(run.mostListeners).toBeLessThanOrEqual(1);
  }, 30_000);
});

/**
 * Sends `count` calls of `client.getThing` at once, all with one `AbortSignal`: how many were answered and
 * how many timed out, the most listeners the signal had while they were in flight and those left after, and
 * the MaxListenersExceeded warnings raised.
 */
async function sharedSignalRun(client: ReturnType<typeof testClient>, count: number) {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on("warning", onWarning);
  try {
    const shared = new AbortController();
    let mostListeners = 0;
    const watch = setInterval(() => (mostListeners = Math.max(mostListeners, getEventListeners(shared.signal, "abort").length)), 1);
    const results = await Promise.allSettled(Array.from({ length: count }, () => client.getThing({ params: { path: { id: "1" } }, signal: shared.signal })));
    clearInterval(watch);
    return {
      answered: results.filter((r) => r.status === "fulfilled").length,
      timedOut: results.filter((r) => r.status === "rejected" && r.reason instanceof TimeoutError).length,
      mostListeners,
      listenersLeft: getEventListeners(shared.signal, "abort").length,
      listenerWarnings: warnings.filter((w) => w.name === "MaxListenersExceededWarning").length,
    };
  } finally {
    process.off("warning", onWarning);
  }
}
