import { randomUUID } from "node:crypto";
import type { HeaderRecord } from "./headers.js";

/** The header signhub sends a request id in, and reads the server's from. */
export const REQUEST_ID_HEADER = "x-request-id";

/** Sets a fresh request id on `headers` unless the caller already set one; returns the id in use. */
export function ensureRequestId(headers: HeaderRecord): string {
  const given = headers[REQUEST_ID_HEADER];
  if (given) return given;
  const id = randomUUID();
  headers[REQUEST_ID_HEADER] = id;
  return id;
}
