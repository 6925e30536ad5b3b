import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { AuthenticationError, bearerAuth, createOperations, errorFields, InvalidRequestError, InvalidResponseError, NotFoundError } from "../../src/index.js";
import type { paths } from "./generated/schema.js";
import { createWireClient, normalized, operationTable, recordingFetch, WIRE_TOKEN } from "./wire-client.js";

type Client = ReturnType<typeof createWireClient>;
const any = (value: unknown) => value as any;
const viaMiddleware = { middleware: [{ onRequest: () => undefined }] };

describe("a caller's value no wire form can carry is an InvalidRequestError, and nothing is sent", () => {
  const lone = "a\uD800b";
  test.each<[string, (c: Client) => Promise<unknown>]>([
    ["a lone surrogate in a path", (c) => c.pathSimple({ params: { path: { color: lone } } })],
    ["a lone surrogate in a query", (c) => c.queryForm({ params: { query: { color: lone } } })],
    ["a lone surrogate in an allowReserved query", (c) => c.queryAllowReserved({ params: { query: { redirect: lone } } })],
    ["a lone surrogate in a cookie", (c) => c.cookieForm({ params: { cookie: { session: lone } } })],
    ["a lone surrogate in a form body", (c) => c.bodyForm({ body: { grant_type: lone } })],
    ["an invalid Date in a path", (c) => c.pathSimple({ params: { path: { color: any(new Date(Number.NaN)) } } })],
    ["an invalid Date in a header", (c) => c.headerSimple({ params: { header: { "X-Color": any(new Date(Number.NaN)) } } })],
    ["NaN in a path", (c) => c.pathSimple({ params: { path: { color: any(Number.NaN) } } })],
    ["Infinity in a query", (c) => c.queryForm({ params: { query: { color: any(Number.POSITIVE_INFINITY) } } })],
    ["a boxed string in a path", (c) => c.pathSimple({ params: { path: { color: any(new String("..")) } } })],
    ["a Map in a deepObject query", (c) => c.queryDeepObject({ params: { query: { color: any(new Map([["R", 1]])) } } })],
    ["an empty object in an exploded matrix path", (c) => c.pathMatrixExplode({ params: { path: { color: any({}) } } })],
    ["a header value with CR LF", (c) => c.headerSimple({ params: { header: { "X-Color": "a\r\nX-Injected: 1" } } })],
    ["a header value beyond Latin-1", (c) => c.headerSimple({ params: { header: { "X-Color": "€" } } })],
    ["a BigInt in a JSON body", (c) => c.bodyJson({ body: any({ name: 1n }) })],
    [
      "a circular JSON body",
      (c) =>
        c.bodyJson({
          body: any(
            (() => {
              const o: Record<string, unknown> = {};
              o.self = o;
              return o;
            })(),
          ),
        }),
    ],
    ["a function as a JSON body", (c) => c.bodyJson({ body: any(() => 1) })],
    ["a Map as a JSON body", (c) => c.bodyJson({ body: any(new Map([["name", "a"]])) })],
    ["a body on an operation that takes none", (c) => c.getThing({ params: { path: { id: "t1" } }, body: any({ a: 1 }) })],
    [
      "a body on an operation that takes none, through middleware",
      (c) => c.deleteThing({ params: { path: { id: "t1" } }, body: any({ a: 1 }), ...viaMiddleware }),
    ],
  ])("%s", async (_, call) => {
    const { fetch, seen } = recordingFetch();
    const error = await call(createWireClient({ fetch })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(seen).toHaveLength(0);
  });

  test("an unknown parseAs is a TypeError before anything is sent", async () => {
    const { fetch, seen } = recordingFetch();
    await expect(createWireClient({ fetch }).bodyJson({ body: { name: "a" }, parseAs: any("bogus") })).rejects.toThrow(TypeError);
    expect(seen).toHaveLength(0);
  });
});

describe("headers and cookies the caller sets beside parameters", () => {
  const sendings = async (call: (c: Client) => Promise<unknown>) => {
    const direct = recordingFetch();
    await call(createWireClient({ fetch: direct.fetch }));
    const middleware = recordingFetch();
    await call(createWireClient({ fetch: middleware.fetch, ...viaMiddleware }));
    return [normalized(direct.seen[0]!), normalized(middleware.seen[0]!)];
  };

  test("headers given as pairs are sent by name, per call and per client", async () => {
    const [direct, middleware] = await sendings((c) => c.getThing({ params: { path: { id: "t1" } }, headers: [["X-Tenant", "acme"]] }));
    expect(direct!.headers).toContainEqual(["x-tenant", "acme"]);
    expect(middleware).toEqual(direct);
    for (const options of [{}, viaMiddleware]) {
      const { fetch, seen } = recordingFetch();
      await createWireClient({ fetch, headers: [["X-Client", "c"]], ...options }).getThing({ params: { path: { id: "t1" } } });
      expect(seen[0]!.headers).toContainEqual(["x-client", "c"]);
    }
  });

  test("cookie parameters join the Cookie header the caller set, not replace it", async () => {
    const [direct, middleware] = await sendings((c) => c.cookieForm({ params: { cookie: { session: "s" } }, headers: { Cookie: "a=1" } }));
    expect(direct!.headers).toContainEqual(["cookie", "a=1; session=s"]);
    expect(middleware).toEqual(direct);
  });

  test("an empty array in a cookie or a header sends nothing for it", async () => {
    const { fetch, seen } = recordingFetch();
    await createWireClient({ fetch }).cookieForm({ params: { cookie: { session: "s", color: [] } } });
    await createWireClient({ fetch }).headerSimple({ params: { header: { "X-Color": any([]) } } });
    expect(seen[0]!.headers).toContainEqual(["cookie", "session=s"]);
    expect(seen[1]!.headers.map(([name]) => name)).not.toContain("x-color");
  });

  test("a multipart Content-Type given as a header parameter keeps fetch's boundary on every path", async () => {
    const [direct, middleware] = await sendings((c) =>
      c.bodyMultipart({ body: { file: new File(["x"], "a.pdf") }, params: { header: any({ "Content-Type": "multipart/form-data" }) } }),
    );
    expect(direct!.headers.find(([name]) => name === "content-type")?.[1]).toBe("multipart/form-data; boundary=BOUNDARY");
    expect(middleware).toEqual(direct);
  });

  test('a Blob part that is not a File is named as FormData names it, never "undefined"', async () => {
    const { fetch, seen } = recordingFetch();
    await createWireClient({ fetch }).bodyMultipart({ body: { file: new Blob(["%PDF"]) } });
    const text = new TextDecoder().decode(seen[0]!.body);
    expect(text).toContain('name="file"; filename="blob"');
    expect(text).not.toContain("undefined");
  });
});

describe("responses a server may send that the spec does not pin down", () => {
  const answering = (response: () => Response, options = {}) => createWireClient({ fetch: recordingFetch(response).fetch, ...options });

  test.each([
    ["directly", {}],
    ["through middleware", viaMiddleware],
  ])("the bytes of an undeclared binary success stay untouched, %s", async (_, options) => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00, 0x80, 0xc3]);
    const client = answering(() => new Response(bytes, { status: 203, headers: { "content-type": "image/png" } }), options);
    const blob = (await client.getThing({ params: { path: { id: "t1" } } })) as unknown as Blob;
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([...bytes]);
  });

  test.each([
    ["directly", {}],
    ["through middleware", viaMiddleware],
  ])("a 304 answering a conditional request resolves to undefined, %s", async (_, options) => {
    const client = answering(() => new Response(null, { status: 304, headers: { etag: '"1"' } }), options);
    const result = await client.getThing.withResponse({ params: { path: { id: "t1" } }, headers: { "If-None-Match": '"1"' } });
    expect(result).toMatchObject({ data: undefined, status: 304 });
  });

  test("text in a charset other than UTF-8 is decoded in it", async () => {
    const client = answering(() => new Response(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), { headers: { "content-type": "text/plain; charset=iso-8859-1" } }));
    await expect(client.responseText()).resolves.toBe("café");
  });

  test("client.raw reads a success by its media type too", async () => {
    const pdf = answering(() => new Response("%PDF-1.7", { headers: { "content-type": "application/pdf" } }));
    expect((await pdf.raw.GET("/responses/pdf")).data).toBeInstanceOf(Blob);
    const text = answering(() => new Response("hello", { headers: { "content-type": "text/plain" } }));
    expect((await text.raw.GET("/responses/text")).data).toBe("hello");
    const html = answering(() => new Response("<html></html>", { headers: { "content-type": "text/html" } }));
    await expect(html.raw.GET("/things/{id}", { params: { path: { id: "t1" } } })).rejects.toThrow(InvalidResponseError);
  });
});

describe("secrets a hostile server echoes never reach an error", () => {
  const client = (response: () => Response) =>
    createOperations<paths, typeof operationTable>(
      operationTable,
      {
        provider: "wire",
        title: "Wire",
        baseUrl: "https://api.wire.test/v1",
        auth: bearerAuth(WIRE_TOKEN),
        parseError: errorFields({ code: "code", message: "message" }),
      },
      { maxRetries: 0, fetch: recordingFetch(response).fetch },
    );
  const shown = (error: unknown) => [inspect(error, { depth: 10 }), JSON.stringify(error), String(error), (error as Error).stack].join("\n");

  test.each<[string, () => Response]>([
    ["in the error code", () => Response.json({ code: `INVALID ${WIRE_TOKEN}`, message: "no" }, { status: 401 })],
    ["in x-request-id", () => Response.json({ code: "X" }, { status: 401, headers: { "x-request-id": WIRE_TOKEN } })],
    ["in another header", () => Response.json({ code: "X" }, { status: 401, headers: { "www-authenticate": `Bearer token="${WIRE_TOKEN}"` } })],
    ["as a key of the error body", () => Response.json({ errors: { [`Bearer ${WIRE_TOKEN}`]: "invalid" } }, { status: 401 })],
  ])("%s", async (_, response) => {
    const error = await client(response)
      .getThing({ params: { path: { id: "t1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(shown(error)).not.toContain(WIRE_TOKEN);
  });

  test("an error body 20,000 levels deep is still the status's typed error, and can be shown", async () => {
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    const error = await client(() => new Response(deep, { status: 404, headers: { "content-type": "application/json" } }))
      .getThing({ params: { path: { id: "t1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(() => JSON.stringify(error)).not.toThrow();
  });

  test("a __proto__ key in an error body stays an own property and changes no prototype", async () => {
    const error = (await client(
      () => new Response('{"__proto__":{"polluted":true},"code":"X"}', { status: 404, headers: { "content-type": "application/json" } }),
    )
      .getThing({ params: { path: { id: "t1" } } })
      .catch((e: unknown) => e)) as NotFoundError;
    const body = error.body as Record<string, unknown>;
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.hasOwn(body, "__proto__")).toBe(true);
    expect((body as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe("a middleware that returns a new Request", () => {
  const replacing = { middleware: [{ onRequest: ({ request }: { request: Request }) => new Request(request) }] };

  test("keeps the operation's security: [] (no token to the auth server) and its own server", async () => {
    const { fetch, seen } = recordingFetch(() => Response.json({ access_token: "t" }));
    await createWireClient({ fetch, ...replacing }).requestToken({ body: { grant_type: "client_credentials" } });
    expect(seen[0]!.url).toBe("https://eu.auth.wire.test/oauth/token");
    expect(seen[0]!.headers.map(([name]) => name)).not.toContain("authorization");
  });

  test("keeps the call's maxRetries and the operation's retry decision", async () => {
    let calls = 0;
    const { fetch } = recordingFetch(() => (calls++, new Response("{}", { status: 503, headers: { "retry-after-ms": "0" } })));
    await createWireClient({ fetch, maxRetries: 2, ...replacing })
      .getThing({ params: { path: { id: "t1" } }, maxRetries: 0 })
      .catch(() => {});
    expect(calls).toBe(1);
    calls = 0;
    // bodyJson is marked unsafe to repeat: never retried, whatever maxRetries says.
    await createWireClient({ fetch, maxRetries: 2, ...replacing })
      .bodyJson({ body: { name: "a" } })
      .catch(() => {});
    expect(calls).toBe(1);
  });
});
