import { expect, test } from "vitest";
import { createOperations, IntegrityError } from "../../src/index.js";
import { json, scriptedFetch } from "./fake-fetch.js";
import { operations, testClient } from "./test-client.js";

test("user middleware sees a real Request, and retries still resend the body", async () => {
  const { fetch, seen } = scriptedFetch(json(503, {}, { "retry-after-ms": "0" }), json(200, { id: "1" }));
  const kinds: string[] = [];
  const client = testClient({
    fetch,
    middleware: [
      {
        onRequest({ request }) {
          kinds.push(request instanceof Request ? "Request" : "other");
          request.headers.set("x-tenant", "t1");
          return request;
        },
      },
    ],
  });
  await expect(client.putThing({ params: { path: { id: "1" } }, body: { a: 1 } })).resolves.toEqual({ id: "1" });
  expect(kinds).toEqual(["Request"]);
  expect(seen.map((r) => [r.headers.get("x-tenant"), r.body])).toEqual([
    ["t1", '{"a":1}'],
    ["t1", '{"a":1}'],
  ]);
});

test("user middleware gets a real, clonable Response", async () => {
  const { fetch } = scriptedFetch(json(200, { id: "1" }));
  const seenBodies: unknown[] = [];
  const client = testClient({
    fetch,
    middleware: [
      {
        async onResponse({ response }) {
          seenBodies.push(await response.clone().json());
        },
      },
    ],
  });
  await expect(client.getThing({ params: { path: { id: "1" } } })).resolves.toEqual({ id: "1" });
  expect(seenBodies).toEqual([{ id: "1" }]);
});

test("raw calls parse buffered bodies as openapi-fetch would", async () => {
  const { fetch } = scriptedFetch(json(200, { id: "1" }));
  const { data, response } = await testClient({ fetch }).raw.GET("/things/{id}", { params: { path: { id: "1" } }, parseAs: "text" });
  expect(data).toBe('{"id":"1"}');
  expect(response.status).toBe(200);
});

test("verifyBody sees every success and error body, and what it throws is what the caller gets", async () => {
  const checked: [unknown, number][] = [];
  const { fetch } = scriptedFetch(json(200, { id: "1" }), json(404, { code: "NOPE" }), new Response("<html>", { status: 502 }));
  const client = createOperations<any, typeof operations>(
    operations,
    {
      provider: "acme",
      title: "Acme",
      baseUrl: "https://api.acme.test",
      verifyBody(body, { status }) {
        checked.push([body, status]);
        if (status === 404) throw new IntegrityError("forged", { reason: "bad proof", status });
      },
    },
    { fetch, maxRetries: 0 },
  );
  await expect(client.getThing({ params: { path: { id: "1" } } })).resolves.toEqual({ id: "1" });
  await expect(client.getThing({ params: { path: { id: "1" } } })).rejects.toBeInstanceOf(IntegrityError);
  await expect(client.getThing({ params: { path: { id: "1" } } })).rejects.toMatchObject({ status: 502 });
  expect(checked).toEqual([
    [{ id: "1" }, 200],
    [{ code: "NOPE" }, 404],
    [undefined, 502],
  ]);
});
