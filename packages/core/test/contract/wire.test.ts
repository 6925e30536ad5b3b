import { describe, expect, inject, test } from "vitest";
import { createWireClient } from "../wire/wire-client.js";

// Prism (with --errors) answers 422 to a request that breaks the spec, so each call below proves that the
// request it sends is one the spec accepts, for each parameter location and media type. Prism accepts
// several wire forms for some styles: the unit tables (test/wire) prove the exact form.
const client = () => createWireClient({ baseUrl: inject("wireMock") });

describe("wire contract (Prism mock of test/wire/openapi.yaml)", () => {
  test.each([
    ["path, simple", () => client().pathSimple({ params: { path: { color: "blue" } } })],
    ["path, label", () => client().pathLabel({ params: { path: { color: "blue" } } })],
    ["path, matrix", () => client().pathMatrix({ params: { path: { color: "blue" } } })],
    ["query, form", () => client().queryForm({ params: { query: { color: ["blue", "black"] } } })],
    ["query, form, explode: false", () => client().queryFormFlat({ params: { query: { color: ["blue", "black"] } } })],
    ["query, pipeDelimited", () => client().queryPipeDelimited({ params: { query: { color: ["blue", "black"] } } })],
    ["query, deepObject", () => client().queryDeepObject({ params: { query: { color: { R: 100, G: 200 } } } })],
    ["header, simple", () => client().headerSimple({ params: { header: { "X-Limit": 10, "X-Dry-Run": true } } })],
    ["cookie", () => client().cookieForm({ params: { cookie: { session: "abc", theme: "dark" } } })],
    ["JSON body", () => client().bodyJson({ body: { name: "Camille" } })],
    ["text/plain body", () => client().bodyText({ body: "hello" })],
    // Prism reads a repeated form field (scope=a&scope=b, form style exploded) as its last value, and
    // ignores an Encoding Object's contentType: arrays and JSON fields in forms are proven by the unit tables.
    ["form body", () => client().bodyForm({ body: { grant_type: "client_credentials" } })],
    ["multipart body", () => client().bodyMultipart({ body: { title: "Contract", file: new Blob(["%PDF-1.7"]) } })],
    ["octet-stream body", () => client().bodyOctetStream({ body: new Uint8Array([1, 2, 3]) })],
    ["a chosen media type", () => client().bodyChoice({ body: "hi", headers: { "content-type": "text/plain" } })],
    ["an operation with its own server and no security", () => client().requestToken({ body: { grant_type: "client_credentials" } })],
  ])("%s: the mock accepts the request", async (_, call) => {
    await expect(call()).resolves.toBeDefined();
  });

  test("a request that breaks the spec is refused by the mock: these tests can fail", async () => {
    await expect(client().bodyForm({ body: { scope: ["a"] } } as never)).rejects.toMatchObject({ status: 422 });
  });

  test("a text/plain response resolves to the string", async () => {
    await expect(client().responseText()).resolves.toBe("hello");
  });

  test("a PDF response resolves to a Blob", async () => {
    const blob = await client().responsePdf();
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toMatch(/^application\/pdf/);
  });

  test("HEAD and 204 resolve to undefined", async () => {
    await expect(client().headThing({ params: { path: { id: "t1" } } })).resolves.toBeUndefined();
    await expect(client().deleteThing({ params: { path: { id: "t1" } } })).resolves.toBeUndefined();
  });

  test("a 2XX range resolves to its example", async () => {
    await expect(client().responseRange()).resolves.toEqual({ ok: true });
  });
});
