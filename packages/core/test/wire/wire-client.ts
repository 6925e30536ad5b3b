import { bearerAuth, type ClientOptions, createOperations } from "../../src/index.js";
import { dispatcherDouble } from "../unit/dispatcher-double.js";
import { operationTable } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";

export type { components, paths } from "./generated/schema.js";
export { operationTable };

/** The bearer token every wire client sends where the spec asks for credentials. */
export const WIRE_TOKEN = "wire-secret-token";

/** A client of the test-only wire spec (test/wire/openapi.yaml), generated as a provider's would be. */
export function createWireClient(options: ClientOptions = {}) {
  return createOperations<paths, typeof operationTable>(
    operationTable,
    { provider: "wire", title: "Wire", baseUrl: "https://api.wire.test/v1", auth: bearerAuth(WIRE_TOKEN, "wire") },
    { maxRetries: 0, ...options },
  );
}

/** One request as the server received it: bytes and all. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: Uint8Array;
}

/** A `fetch` that records what it is sent, as a server would receive it, and answers with `answer`. */
export function recordingFetch(answer: () => Response = () => Response.json({ ok: true })) {
  const seen: SeenRequest[] = [];
  const fetch = async (input: string | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    const body = new Uint8Array(await request.arrayBuffer());
    seen.push({ method: request.method, url: request.url, headers: [...request.headers], body });
    return answer();
  };
  return { fetch, seen };
}

/** The body as text, a multipart boundary replaced by a fixed one, so that two sendings compare equal. */
export function normalized(request: SeenRequest) {
  const text = new TextDecoder().decode(request.body);
  const type = request.headers.find(([name]) => name === "content-type")?.[1] ?? "";
  const boundary = /boundary=(.+)$/.exec(type)?.[1];
  const fix = (value: string) => (boundary ? value.replaceAll(boundary, "BOUNDARY") : value);
  return {
    method: request.method,
    url: request.url,
    headers: request.headers.filter(([name]) => name !== "x-request-id").map(([name, value]) => [name, fix(value)]),
    body: fix(text),
  };
}

/** An undici dispatcher that records what it is asked to send, as a server would receive it, and answers `{"ok":true}`. */
export function recordingDispatcher() {
  const seen: SeenRequest[] = [];
  const dispatcher = dispatcherDouble({
    onDispatch: ({ origin, path, method, headers, body }) =>
      seen.push({
        method,
        url: `${origin}${path}`,
        headers: Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : 1)),
        body: typeof body === "string" ? new TextEncoder().encode(body) : (body ?? new Uint8Array(0)),
      }),
  });
  return { dispatcher, seen };
}
