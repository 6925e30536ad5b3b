import { hash } from "node:crypto";
import { canonicalJson } from "../records/canonical-json.js";
import type { LedgerRequest } from "./types.js";

/**
 * A JWT's `hsh` claim: SHA-256 hex of the canonical JSON of
 * `{ method, url, body|null, headers: { "x-ledger" }|null }`, followed by
 * `:x-ledger` when that header is bound.
 */
export function hashLedgerRequest(request: LedgerRequest): string {
  // Mirrors @minka/ledger-sdk 2.25 BaseClient.buildRequestHash: `url` is axios
  // getUri() of the request (base URL + path + query, so absolute) passed
  // through decodeURIComponent; empty bodies hash as null; the names of the
  // bound headers are appended after a colon.
  const headers = request.ledger === undefined ? null : { "x-ledger": request.ledger };
  const digest = hash(
    "sha256",
    canonicalJson({
      method: request.method.toUpperCase(),
      url: decodeUrl(request.url),
      body: isEmptyBody(request.body) ? null : request.body,
      headers,
    }),
    "hex",
  );
  return headers === null ? digest : `${digest}:x-ledger`;
}

function decodeUrl(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    // A malformed escape: hash the URL as sent rather than fail the request.
    return url;
  }
}

function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === null) return true;
  if (Array.isArray(body)) return body.length === 0;
  return typeof body === "object" && Object.keys(body).length === 0;
}
