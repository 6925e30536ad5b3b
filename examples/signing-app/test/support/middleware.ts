import type { ClientOptions } from "@signhub/core";

/** openapi-fetch middleware, as a signhub client's `middleware` option takes it. */
export type Middleware = NonNullable<ClientOptions["middleware"]>[number];

/** A request as it left the client. */
export interface SentRequest {
  method: string;
  /** The URL's path, parameters filled in. */
  path: string;
  /** The spec's path template, e.g. `/signers/{signer}/factors/{id}`. */
  schemaPath: string;
  contentType: string | null;
  /** The body parsed: JSON as a value, multipart as `FormData`; `undefined` for none. */
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

/** Records every request a client sends, in order: what the mock, which keeps no state, cannot tell a test. */
export function recordRequests(): { middleware: Middleware; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const middleware: Middleware = {
    async onRequest({ request, schemaPath }) {
      const copy = request.clone();
      const contentType = copy.headers.get("content-type");
      const body = contentType?.startsWith("multipart/form-data") ? await copy.formData() : contentType?.includes("json") ? await copy.json() : undefined;
      sent.push({ method: request.method, path: new URL(request.url).pathname, schemaPath, contentType, body });
    },
  };
  return { middleware, sent };
}
