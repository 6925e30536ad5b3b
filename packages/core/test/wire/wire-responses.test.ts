import { describe, expect, test } from "vitest";
import { InvalidResponseError, NotFoundError } from "../../src/index.js";
import { createWireClient, recordingFetch } from "./wire-client.js";

const answer =
  (body: BodyInit | null, status = 200, type?: string) =>
  () =>
    new Response(body, { status, headers: type === undefined ? {} : { "content-type": type } });
const clientAnswering = (respond: () => Response) => createWireClient({ fetch: recordingFetch(respond).fetch });

describe("success bodies are read by their media type", () => {
  test("text/plain 200 hello resolves to the string", async () => {
    await expect(clientAnswering(answer("hello", 200, "text/plain")).responseText()).resolves.toBe("hello");
  });

  test("text is never JSON-parsed, even when it looks like JSON", async () => {
    await expect(clientAnswering(answer('{"a":1}', 200, "text/plain; charset=utf-8")).responseText()).resolves.toBe('{"a":1}');
  });

  test("a PDF resolves to a Blob with the bytes untouched (not decoded as UTF-8)", async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff, 0xfe, 0x00, 0x80]);
    const blob = await clientAnswering(answer(bytes, 200, "application/pdf")).responsePdf();
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe("application/pdf");
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([...bytes]);
  });

  test("the bytes survive the openapi-fetch path too", async () => {
    const bytes = new Uint8Array([0xff, 0x00, 0xc3]);
    const client = createWireClient({ fetch: recordingFetch(answer(bytes, 200, "application/pdf")).fetch, middleware: [{ onRequest: () => undefined }] });
    expect([...new Uint8Array(await (await client.responsePdf()).arrayBuffer())]).toEqual([0xff, 0x00, 0xc3]);
  });

  test("application/json declared without a schema, and an empty 200, resolves to undefined", async () => {
    await expect(clientAnswering(answer("", 200, "application/json")).responseSchemalessJson()).resolves.toBeUndefined();
    await expect(clientAnswering(answer('{"a":1}', 200, "application/json")).responseSchemalessJson()).resolves.toEqual({ a: 1 });
  });

  test("an empty body where a JSON schema is promised is an InvalidResponseError", async () => {
    await expect(clientAnswering(answer("", 200, "application/json")).getThing({ params: { path: { id: "t1" } } })).rejects.toThrow(InvalidResponseError);
  });

  test("an HTML page where JSON is promised is an InvalidResponseError with an excerpt", async () => {
    const error = await clientAnswering(answer("<html>gateway</html>", 200, "text/html"))
      .getThing({ params: { path: { id: "t1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ bodyExcerpt: "<html>gateway</html>" });
  });

  test("HEAD, 204 and a response declared without content resolve to undefined", async () => {
    await expect(clientAnswering(answer(null, 200)).headThing({ params: { path: { id: "t1" } } })).resolves.toBeUndefined();
    await expect(clientAnswering(answer(null, 204)).deleteThing({ params: { path: { id: "t1" } } })).resolves.toBeUndefined();
    await expect(clientAnswering(answer("ignored", 200, "text/plain")).headThing({ params: { path: { id: "t1" } } })).resolves.toBeUndefined();
  });

  test("a 2XX range and a default response are read as declared", async () => {
    await expect(clientAnswering(answer('{"ok":true}', 202, "application/json")).responseRange()).resolves.toEqual({ ok: true });
    const error = await clientAnswering(answer('{"title":"Not found"}', 404, "application/problem+json"))
      .responseRange()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ body: { title: "Not found" } });
  });

  test("parseAs reads a success body as asked, on both paths", async () => {
    for (const middleware of [[], [{ onRequest: () => undefined }]]) {
      const client = createWireClient({ fetch: recordingFetch(answer('{"ok":true}', 200, "application/json")).fetch, middleware });
      await expect(client.bodyJson({ body: { name: "a" }, parseAs: "text" })).resolves.toBe('{"ok":true}');
      const buffer = await client.bodyJson({ body: { name: "a" }, parseAs: "arrayBuffer" });
      expect(new TextDecoder().decode(buffer)).toBe('{"ok":true}');
      await expect((await client.bodyJson({ body: { name: "a" }, parseAs: "blob" })).text()).resolves.toBe('{"ok":true}');
    }
  });
});

describe("withResponse", () => {
  test("gives the body with the status, headers and request id of a success", async () => {
    const client = clientAnswering(
      () => new Response("hello", { status: 200, headers: { "content-type": "text/plain", "x-request-id": "srv-1", etag: '"v1"' } }),
    );
    const { data, status, headers, requestId } = await client.responseText.withResponse();
    expect({ data, status, etag: headers.get("etag"), requestId }).toEqual({ data: "hello", status: 200, etag: '"v1"', requestId: "srv-1" });
  });

  test("the request id is the one signhub sent when the server sends none", async () => {
    const { fetch, seen } = recordingFetch(answer('{"ok":true}', 201, "application/json"));
    const result = await createWireClient({ fetch }).bodyJson.withResponse({ body: { name: "a" } });
    expect(result.status).toBe(201);
    expect(result.requestId).toBe(seen[0]!.headers.find(([name]) => name === "x-request-id")?.[1]);
  });

  test("an error still throws the typed error", async () => {
    await expect(clientAnswering(answer('{"title":"x"}', 404, "application/json")).responseRange.withResponse()).rejects.toThrow(NotFoundError);
  });
});
