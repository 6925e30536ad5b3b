import { hash } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";
import { minkaSdkJson } from "./minka-sdk-json.js";
import type { RecordEncoding } from "./types.js";

/**
 * A proof's `digest`: lowercase hex SHA-256 of `hash + canonicalJSON(custom)`, of `hash` alone without `custom`.
 * `encoding` picks how `custom` is written: RFC 8785 (what signhub signs with), or as Minka's SDK writes it.
 */
export function proofDigest(recordHash: string, custom?: unknown, encoding: RecordEncoding = "rfc8785"): string {
  // @minka/ledger-sdk createSignatureDigest: a proof without custom signs the hash alone.
  if (custom == null) return hash("sha256", recordHash, "hex");
  const json = encoding === "rfc8785" ? canonicalJson(custom, "custom") : minkaSdkJson(custom, "custom");
  return hash("sha256", recordHash + json, "hex");
}
