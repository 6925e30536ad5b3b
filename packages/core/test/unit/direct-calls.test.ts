import { expect, test } from "vitest";
import { json, scriptedFetch } from "./fake-fetch.js";
import { testClient } from "./test-client.js";

// Without middleware, operation methods build their request from openapi-fetch's serializers and send it
// straight away; with middleware, openapi-fetch builds it. Both must send the very same request.
const calls: [string, Record<string, unknown>][] = [
  ["getThing", { params: { path: { id: "a b/c?d#é" } } }],
  ["getThing", { params: { path: { id: 7 }, query: { tag: ["x", "y z"], limit: 10, empty: undefined } } }],
  ["getThing", { params: { path: { id: "1" }, query: { filter: { status: "open", owner: "me" } } } }],
  ["getThing", { params: { path: { id: "1" }, header: { "x-tenant": "t1" } }, headers: { "x-trace": "abc" } }],
  ["getThing", { params: { path: { id: "1" } }, headers: { "x-default": null } }],
  ["putThing", { params: { path: { id: "1" } }, body: { name: "Camille", tags: ["a"], nested: { n: 1 } } }],
  ["createThing", { body: "a string body" }],
  ["createThing", { body: null }],
  ["deleteThing", { params: { path: { id: "1" } }, headers: { "x-request-id": "caller-id" } }],
];

async function sent(viaOpenapiFetch: boolean, operationId: string, init: Record<string, unknown>) {
  const { fetch, seen } = scriptedFetch(json(200, { id: "1" }));
  const client = testClient({
    baseUrl: "https://api.acme.test/v1/",
    headers: { "x-default": "d", "x-client": "c" },
    fetch,
    middleware: viaOpenapiFetch ? [{ onRequest: () => undefined }] : [],
  }) as unknown as Record<string, (init: unknown) => Promise<unknown>>;
  await client[operationId]!(init);
  const [request] = seen;
  // A generated request id differs per call; a caller's must arrive as given.
  const callerId = (init.headers as Record<string, unknown> | undefined)?.["x-request-id"];
  const headers = [...request!.headers].filter(([name]) => name !== "x-request-id" || callerId);
  return { method: request!.method, url: request!.url, headers, body: request!.body };
}

test.each(calls)("%s %j is sent as openapi-fetch sends it", async (operationId, init) => {
  const direct = await sent(false, operationId, init);
  expect(direct).toEqual(await sent(true, operationId, init));
  expect(direct.url.startsWith("https://api.acme.test/v1/things")).toBe(true);
});

test("options openapi-fetch alone understands still work on a method: a per-call baseUrl", async () => {
  const { fetch, seen } = scriptedFetch(json(200, { id: "1" }));
  await testClient({ fetch }).getThing({ params: { path: { id: "1" } }, baseUrl: "https://eu.acme.test" } as never);
  expect(seen[0]!.url).toBe("https://eu.acme.test/things/1");
});
