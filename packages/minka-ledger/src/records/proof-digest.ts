import { hash } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";

/** A proof's `digest`: lowercase hex SHA-256 of `hash + canonicalJSON(custom)`, of `hash` alone without `custom`. */
export function proofDigest(recordHash: string, custom?: unknown): string {
  // @minka/ledger-sdk createSignatureDigest: a proof without custom signs the hash alone.
  const input = custom == null ? recordHash : recordHash + canonicalJson(custom, "custom");
  return hash("sha256", input, "hex");
}
