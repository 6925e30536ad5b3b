import { describe, expect, test } from "vitest";
import { InvalidRequestError } from "../../src/index.js";
import { createWireClient, normalized, operationTable, recordingDispatcher, recordingFetch, WIRE_TOKEN } from "./wire-client.js";

// The values of OpenAPI 3.1 §4.8.12.4's style examples.
const string = "blue";
const array = ["blue", "black", "brown"];
const object = { R: 100, G: 200, B: 150 };
const base = "https://api.wire.test/v1";

type Call = (client: ReturnType<typeof createWireClient>) => Promise<unknown>;
type Case = { name: string; given: Call; want: { url?: string; headers?: Record<string, string>; body?: string | number[] } };

const any = (value: unknown) => value as any;

const cells: [string, string, unknown, string][] = [
  // operationId, style/explode, value, want (path or query as sent)
  ["pathSimple", "simple", string, "/path/simple/blue"],
  ["pathSimple", "simple", array, "/path/simple/blue,black,brown"],
  ["pathSimple", "simple", object, "/path/simple/R,100,G,200,B,150"],
  ["pathSimpleExplode", "simple*", string, "/path/simple-explode/blue"],
  ["pathSimpleExplode", "simple*", array, "/path/simple-explode/blue,black,brown"],
  ["pathSimpleExplode", "simple*", object, "/path/simple-explode/R=100,G=200,B=150"],
  ["pathLabel", "label", string, "/path/label/.blue"],
  ["pathLabel", "label", array, "/path/label/.blue,black,brown"],
  ["pathLabel", "label", object, "/path/label/.R,100,G,200,B,150"],
  ["pathLabelExplode", "label*", string, "/path/label-explode/.blue"],
  ["pathLabelExplode", "label*", array, "/path/label-explode/.blue.black.brown"],
  ["pathLabelExplode", "label*", object, "/path/label-explode/.R=100.G=200.B=150"],
  ["pathMatrix", "matrix", string, "/path/matrix/;color=blue"],
  ["pathMatrix", "matrix", array, "/path/matrix/;color=blue,black,brown"],
  ["pathMatrix", "matrix", object, "/path/matrix/;color=R,100,G,200,B,150"],
  ["pathMatrixExplode", "matrix*", string, "/path/matrix-explode/;color=blue"],
  ["pathMatrixExplode", "matrix*", array, "/path/matrix-explode/;color=blue;color=black;color=brown"],
  ["pathMatrixExplode", "matrix*", object, "/path/matrix-explode/;R=100;G=200;B=150"],
  ["queryForm", "form*", "", "/query/form?color="],
  ["queryForm", "form*", string, "/query/form?color=blue"],
  ["queryForm", "form*", array, "/query/form?color=blue&color=black&color=brown"],
  ["queryForm", "form*", object, "/query/form?R=100&G=200&B=150"],
  ["queryFormFlat", "form", "", "/query/form-flat?color="],
  ["queryFormFlat", "form", string, "/query/form-flat?color=blue"],
  ["queryFormFlat", "form", array, "/query/form-flat?color=blue,black,brown"],
  ["queryFormFlat", "form", object, "/query/form-flat?color=R,100,G,200,B,150"],
  ["querySpaceDelimited", "spaceDelimited", array, "/query/space?color=blue%20black%20brown"],
  ["querySpaceDelimited", "spaceDelimited", object, "/query/space?color=R%20100%20G%20200%20B%20150"],
  ["queryPipeDelimited", "pipeDelimited", array, "/query/pipe?color=blue|black|brown"],
  ["queryPipeDelimited", "pipeDelimited", object, "/query/pipe?color=R|100|G|200|B|150"],
  ["queryDeepObject", "deepObject*", object, "/query/deep?color[R]=100&color[G]=200&color[B]=150"],
];

/** The client's operations, each called through `client.raw.request(method, path, init)` instead. */
function throughRaw(client: ReturnType<typeof createWireClient>): ReturnType<typeof createWireClient> {
  const methods: Record<string, unknown> = {};
  for (const [operationId, op] of Object.entries(operationTable)) {
    methods[operationId] = (init: unknown) =>
      (client.raw.request as (method: string, path: string, init: unknown) => Promise<unknown>)(op.method, op.path, init);
  }
  return methods as ReturnType<typeof createWireClient>;
}

function callFor(operationId: string, value: unknown): Call {
  const location = operationId.startsWith("path") ? "path" : "query";
  return (client) => (client as unknown as Record<string, (init: unknown) => Promise<unknown>>)[operationId]!({ params: { [location]: { color: value } } });
}

const cases: Case[] = [
  ...cells.map(
    ([operationId, style, value, want]): Case => ({ name: `${style} ${JSON.stringify(value)}`, given: callFor(operationId, value), want: { url: want } }),
  ),
  // Regression inputs.
  {
    name: "an array with explode: false",
    given: (c) => c.queryFormFlat({ params: { query: { color: ["x", "y"] } } }),
    want: { url: "/query/form-flat?color=x,y" },
  },
  {
    name: "an object in default form style",
    given: (c) => c.queryForm({ params: { query: { color: any({ color: "red", size: "L" }) } } }),
    want: { url: "/query/form?color=red&size=L" },
  },
  {
    name: "a quote in a query value is sent as the URL parser writes it",
    given: (c) => c.queryForm({ params: { query: { color: "it's^" } } }),
    want: { url: "/query/form?color=it%27s%5E" },
  },
  {
    name: "values are percent-encoded",
    given: (c) => c.queryForm({ params: { query: { color: "a b&c=d/é" } } }),
    want: { url: "/query/form?color=a%20b%26c%3Dd%2F%C3%A9" },
  },
  {
    name: "allowReserved sends reserved characters as they are, but not & = # + [ ]",
    given: (c) => c.queryAllowReserved({ params: { query: { redirect: "/a/b?c:d@e,f;g!&h=i#j+k[l]%41", plain: "/a?b" } } }),
    want: { url: "/query/reserved?redirect=/a/b?c:d@e,f;g!%26h%3Di%23j%2Bk%5Bl%5D%41&plain=%2Fa%3Fb" },
  },
  {
    name: "a parameter with content: application/json",
    given: (c) => c.queryContent({ params: { query: { filter: any({ status: "open" }) } } }),
    want: { url: "/query/json?filter=%7B%22status%22%3A%22open%22%7D" },
  },
  {
    name: "a path value with a slash stays in its segment",
    given: (c) => c.pathSimple({ params: { path: { color: "a/b" } } }),
    want: { url: "/path/simple/a%2Fb" },
  },
  {
    name: "header parameters: simple style, numbers and booleans as text",
    given: (c) => c.headerSimple({ params: { header: { "X-Color": any(array), "X-Color-Exploded": any(object), "X-Limit": 10, "X-Dry-Run": true } } }),
    want: { url: "/headers", headers: { "x-color": "blue,black,brown", "x-color-exploded": "R=100,G=200,B=150", "x-limit": "10", "x-dry-run": "true" } },
  },
  {
    name: "a header given as an object, not exploded",
    given: (c) => c.headerSimple({ params: { header: { "X-Color": any(object) } } }),
    want: { headers: { "x-color": "R,100,G,200,B,150" } },
  },
  {
    name: "a cookie parameter",
    given: (c) => c.cookieForm({ params: { cookie: { session: "abc" } } }),
    want: { url: "/cookies", headers: { cookie: "session=abc" } },
  },
  {
    name: "cookie parameters, path item's and operation's, in one Cookie header",
    given: (c) => c.cookieForm({ params: { cookie: { session: "a b;c", theme: "dark", color: ["red", "blue"] } } }),
    want: { headers: { cookie: "session=a%20b%3Bc; theme=dark; color=red,blue" } },
  },
  // Bodies by media type.
  {
    name: "a JSON body",
    given: (c) => c.bodyJson({ body: { name: "Camille" } }),
    want: { headers: { "content-type": "application/json" }, body: '{"name":"Camille"}' },
  },
  {
    name: "a text/plain body is sent as it is",
    given: (c) => c.bodyText({ body: "hello" }),
    want: { headers: { "content-type": "text/plain" }, body: "hello" },
  },
  {
    name: "a form body",
    given: (c) => c.bodyForm({ body: { grant_type: "client_credentials" } }),
    want: { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" },
  },
  {
    name: "a form body under a Content-Type with a charset",
    given: (c) => c.bodyForm({ body: { grant_type: "client_credentials" }, headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" } }),
    want: { headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" }, body: "grant_type=client_credentials" },
  },
  {
    name: "a form body: arrays repeated, a JSON-encoded property, spaces as +",
    given: (c) => c.bodyForm({ body: { grant_type: "client credentials", scope: ["a", "b"], claims: { sub: "u1" } } }),
    want: { body: "grant_type=client+credentials&scope=a&scope=b&claims=%7B%22sub%22%3A%22u1%22%7D" },
  },
  { name: "URLSearchParams as a form body", given: (c) => c.bodyForm({ body: new URLSearchParams({ grant_type: "x" }) }), want: { body: "grant_type=x" } },
  {
    name: "a Uint8Array on an octet-stream upload",
    given: (c) => c.bodyOctetStream({ body: new Uint8Array([1, 2, 3]) }),
    want: { headers: { "content-type": "application/octet-stream" }, body: [1, 2, 3] },
  },
  { name: "a Blob on an octet-stream upload", given: (c) => c.bodyOctetStream({ body: new Blob([new Uint8Array([1, 2, 3])]) }), want: { body: [1, 2, 3] } },
  { name: "an ArrayBuffer on an octet-stream upload", given: (c) => c.bodyOctetStream({ body: new Uint8Array([1, 2, 3]).buffer }), want: { body: [1, 2, 3] } },
  {
    name: "several media types: JSON by default",
    given: (c) => c.bodyChoice({ body: { name: "a" } }),
    want: { headers: { "content-type": "application/json" }, body: '{"name":"a"}' },
  },
  {
    name: "several media types: the caller's Content-Type picks one",
    given: (c) => c.bodyChoice({ body: "hi", headers: { "content-type": "text/plain; charset=utf-8" } }),
    want: { headers: { "content-type": "text/plain; charset=utf-8" }, body: "hi" },
  },
  {
    name: "several media types: URLSearchParams picks the form",
    given: (c) => c.bodyChoice({ body: new URLSearchParams({ name: "a" }) }),
    want: { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "name=a" },
  },
];

describe("requests are written as the spec says", () => {
  test.each(cases)("$name", async ({ given, want }) => {
    const { fetch, seen } = recordingFetch();
    await given(createWireClient({ fetch }));
    const [request] = seen;
    if (want.url) expect(request!.url).toBe(`${base}${want.url}`);
    for (const [name, value] of Object.entries(want.headers ?? {})) expect(request!.headers).toContainEqual([name, value]);
    if (typeof want.body === "string") expect(new TextDecoder().decode(request!.body)).toBe(want.body);
    if (Array.isArray(want.body)) expect([...request!.body]).toEqual(want.body);
  });

  test.each(cases)("$name: the same request through openapi-fetch (middleware) and client.raw", async ({ given }) => {
    const direct = recordingFetch();
    await given(createWireClient({ fetch: direct.fetch }));
    const viaMiddleware = recordingFetch();
    await given(createWireClient({ fetch: viaMiddleware.fetch, middleware: [{ onRequest: () => undefined }] }));
    const viaRaw = recordingFetch();
    await given(throughRaw(createWireClient({ fetch: viaRaw.fetch })));
    expect(normalized(viaMiddleware.seen[0]!)).toEqual(normalized(direct.seen[0]!));
    expect(normalized(viaRaw.seen[0]!)).toEqual(normalized(direct.seen[0]!));
  });

  test.each(cases)("$name: the same request by undici's dispatcher as by fetch", async ({ given }) => {
    const { byDispatcher, byFetch } = await sentBothWays(given);
    expect(byDispatcher).toEqual(byFetch);
  });
});

describe("multipart bodies", () => {
  test("a plain object becomes FormData: fields, repeated arrays, a JSON part, a file part typed by its encoding", async () => {
    const { fetch, seen } = recordingFetch();
    const file = new Blob(["%PDF-1.7"]);
    await createWireClient({ fetch }).bodyMultipart({ body: { title: "Contract", tags: ["a", "b"], meta: { pages: 2 }, file } });
    const request = new Request("https://x.test", { method: "POST", body: seen[0]!.body as BodyInit, headers: seen[0]!.headers });
    expect(request.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    const form = await request.formData();
    expect(form.get("title")).toBe("Contract");
    expect(form.getAll("tags")).toEqual(["a", "b"]);
    const meta = form.get("meta") as File;
    expect([meta.type, await meta.text()]).toEqual(["application/json", '{"pages":2}']);
    const part = form.get("file") as File;
    expect([part.type, await part.text()]).toEqual(["application/pdf", "%PDF-1.7"]);
  });

  test("a FormData is sent as it is, with fetch's own boundary", async () => {
    const { fetch, seen } = recordingFetch();
    const form = new FormData();
    form.append("file", new Blob(["x"]), "a.pdf");
    await createWireClient({ fetch }).bodyMultipart({ body: form });
    expect(seen[0]!.headers.find(([n]) => n === "content-type")?.[1]).toMatch(/^multipart\/form-data; boundary=/);
    expect(new TextDecoder().decode(seen[0]!.body)).toContain('filename="a.pdf"');
  });

  test("a Content-Type the caller set for multipart does not hide the boundary", async () => {
    const { fetch, seen } = recordingFetch();
    await createWireClient({ fetch }).bodyMultipart({ body: { file: new Blob(["x"]) }, headers: { "content-type": "multipart/form-data" } });
    expect(seen[0]!.headers.find(([n]) => n === "content-type")?.[1]).toMatch(/^multipart\/form-data; boundary=/);
  });
  test.each([
    [
      "a plain object",
      (c: ReturnType<typeof createWireClient>) =>
        c.bodyMultipart({ body: { title: "Contract", tags: ["a", "b"], meta: { pages: 2 }, file: new Blob(["%PDF-1.7"]) } }),
    ],
    [
      "a FormData",
      (c: ReturnType<typeof createWireClient>) => {
        const form = new FormData();
        form.append("file", new Blob(["x"]), "a.pdf");
        return c.bodyMultipart({ body: form });
      },
    ],
    [
      "a caller's bare multipart Content-Type",
      (c: ReturnType<typeof createWireClient>) => c.bodyMultipart({ body: { file: new Blob(["x"]) }, headers: { "content-type": "multipart/form-data" } }),
    ],
  ])("%s: the same multipart request by undici's dispatcher as by fetch, boundary aside", async (_, given) => {
    const { byDispatcher, byFetch } = await sentBothWays(given);
    expect(byDispatcher.body).toContain("Content-Disposition: form-data");
    expect(byDispatcher).toEqual(byFetch);
  });
});

describe("servers and security per operation", () => {
  test("an operation with its own servers and security: [] goes to its server without Authorization", async () => {
    const { fetch, seen } = recordingFetch(() => Response.json({ access_token: "t" }));
    const client = createWireClient({ fetch });
    await client.requestToken({ body: { grant_type: "client_credentials" } });
    await client.getThing({ params: { path: { id: "t1" } } });
    expect(seen.map((r) => r.url)).toEqual(["https://eu.auth.wire.test/oauth/token", `${base}/things/t1`]);
    expect(seen[0]!.headers.map(([name]) => name)).not.toContain("authorization");
    expect(seen[1]!.headers).toContainEqual(["authorization", `Bearer ${WIRE_TOKEN}`]);
  });

  test("a baseUrl the caller sets replaces every server, the operation's own too", async () => {
    const { fetch, seen } = recordingFetch(() => Response.json({ access_token: "t" }));
    await createWireClient({ fetch, baseUrl: "http://127.0.0.1:9/mock" }).requestToken({ body: { grant_type: "client_credentials" } });
    expect(seen[0]!.url).toBe("http://127.0.0.1:9/mock/oauth/token");
    expect(seen[0]!.headers.map(([name]) => name)).not.toContain("authorization");
  });

  test("client.raw obeys the same servers and security", async () => {
    const { fetch, seen } = recordingFetch(() => Response.json({ access_token: "t" }));
    await createWireClient({ fetch }).raw.POST("/oauth/token", { body: { grant_type: "client_credentials" } });
    expect(seen[0]!.url).toBe("https://eu.auth.wire.test/oauth/token");
    expect(new TextDecoder().decode(seen[0]!.body)).toBe("grant_type=client_credentials");
    expect(seen[0]!.headers.map(([name]) => name)).not.toContain("authorization");
  });
});

describe("path values that would change the endpoint are refused, nothing sent", () => {
  const refused: [string, unknown][] = [
    ["..", ".."],
    [".", "."],
    ["an empty string", ""],
    ["undefined", undefined],
    ["null", null],
    ["an empty array", []],
    ["an array of one ..", [".."]],
  ];
  test.each(refused)("%s", async (_, value) => {
    const { fetch, seen } = recordingFetch();
    const client = createWireClient({ fetch });
    const error = await client.getThing({ params: { path: { id: value as string } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ operationId: "getThing", parameter: "id" });
    expect((error as Error).message).toMatch(/^getThing \(GET \/things\/\{id\}\): path parameter "id" /);
    expect(seen).toHaveLength(0);
  });

  test("a missing path parameter, and no params at all", async () => {
    const { fetch, seen } = recordingFetch();
    const client = createWireClient({ fetch });
    await expect(client.getThing({ params: { path: {} } } as never)).rejects.toThrow(InvalidRequestError);
    await expect((client.getThing as (init?: unknown) => Promise<unknown>)()).rejects.toThrow('path parameter "id" is missing');
    expect(seen).toHaveLength(0);
  });

  test.each([
    ["a label value that makes a dot segment", (c: ReturnType<typeof createWireClient>) => c.pathLabel({ params: { path: { color: "." } } })],
    [
      "through middleware",
      (c: ReturnType<typeof createWireClient>) => c.getThing({ params: { path: { id: ".." } }, middleware: [{ onRequest: () => undefined }] }),
    ],
    ["through client.raw", (c: ReturnType<typeof createWireClient>) => c.raw.GET("/things/{id}", { params: { path: { id: ".." } } })],
    ["through client.raw, params missing", (c: ReturnType<typeof createWireClient>) => c.raw.GET("/things/{id}", {} as never)],
  ])("%s", async (_, call) => {
    const { fetch, seen } = recordingFetch();
    await expect(call(createWireClient({ fetch }))).rejects.toThrow(InvalidRequestError);
    expect(seen).toHaveLength(0);
  });

  test("dots inside a value, or beside other text, are sent percent-encoded as before", async () => {
    const { fetch, seen } = recordingFetch(() => Response.json({ id: "x", name: "n" }));
    const client = createWireClient({ fetch });
    await client.getThing({ params: { path: { id: "..." } } });
    await client.getThing({ params: { path: { id: "a..b" } } });
    await client.getThing({ params: { path: { id: "%2e%2e" } } });
    expect(seen.map((r) => r.url.slice(base.length))).toEqual(["/things/...", "/things/a..b", "/things/%252e%252e"]);
  });
});

describe("a body its media type cannot carry is refused before sending", () => {
  test.each([
    ["an object on text/plain", (c: ReturnType<typeof createWireClient>) => c.bodyText({ body: { a: 1 } as never })],
    ["a number array on octet-stream", (c: ReturnType<typeof createWireClient>) => c.bodyOctetStream({ body: [1, 2, 3] as never })],
    [
      "a media type the operation does not declare",
      (c: ReturnType<typeof createWireClient>) => c.bodyJson({ body: { name: "a" }, headers: { "content-type": "text/csv" } }),
    ],
    ["a nested object in a query parameter", (c: ReturnType<typeof createWireClient>) => c.queryForm({ params: { query: { color: any({ a: { b: 1 } }) } } })],
    ["bytes on a JSON operation", (c: ReturnType<typeof createWireClient>) => c.bodyJson({ body: any(new Uint8Array([1])) })],
    ["a required body left out", (c: ReturnType<typeof createWireClient>) => c.bodyJson(any({}))],
    [
      "a required body left out, through middleware",
      (c: ReturnType<typeof createWireClient>) => c.bodyJson(any({ middleware: [{ onRequest: () => undefined }] })),
    ],
    ["a required cookie left out", (c: ReturnType<typeof createWireClient>) => c.cookieForm({ params: { cookie: any({ theme: "dark" }) } })],
    ["a required cookie left out, through client.raw", (c: ReturnType<typeof createWireClient>) => c.raw.GET("/cookies", { params: { cookie: any({}) } })],
  ])("%s", async (_, call) => {
    const { fetch, seen } = recordingFetch();
    await expect(call(createWireClient({ fetch }))).rejects.toThrow(InvalidRequestError);
    expect(seen).toHaveLength(0);
  });
});

/** One call sent by undici's dispatcher and by fetch, each as the server would receive it (see `normalized`). */
async function sentBothWays(given: Call) {
  const byFetch = recordingFetch();
  await given(createWireClient({ fetch: byFetch.fetch }));
  const byDispatcher = recordingDispatcher();
  await given(createWireClient({ dispatcher: byDispatcher.dispatcher }));
  const sent = normalized(byDispatcher.seen[0]!);
  // By dispatcher signhub asks for compressed bodies itself (fetch adds its own Accept-Encoding later).
  sent.headers = sent.headers.filter(([name]) => name !== "accept-encoding");
  return { byDispatcher: sent, byFetch: normalized(byFetch.seen[0]!) };
}
