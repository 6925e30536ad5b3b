import type { ClientOptions } from "@signhub/core";

/** openapi-fetch middleware, as a signhub client's `middleware` option takes it. */
type Middleware = NonNullable<ClientOptions["middleware"]>[number];

/** A request as it left the client: method, the spec's path template, and its JSON body. */
export interface SentRequest {
  method: string;
  schemaPath: string;
  body: unknown;
}

/**
 * Sends `Prefer: <prefer>` with the requests of one operation only, by method and spec path: how a test picks
 * the mock's answer to one call of a helper (such as Minka's `changeSignerFactor`) that makes several calls and
 * takes no headers of its own.
 */
export function preferOn(method: string, schemaPath: string, prefer: string): Middleware {
  return {
    onRequest({ request, schemaPath: path }) {
      if (request.method === method && path === schemaPath) request.headers.set("Prefer", prefer);
    },
  };
}

/** Records every request a client sends, in order. */
export function recordRequests(): { middleware: Middleware; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const middleware: Middleware = {
    async onRequest({ request, schemaPath }) {
      const text = await request.clone().text();
      sent.push({ method: request.method, schemaPath, body: text === "" ? undefined : JSON.parse(text) });
    },
  };
  return { middleware, sent };
}
