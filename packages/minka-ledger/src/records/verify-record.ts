import { hash as digestOf } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";
import { checkProof } from "./check-proof.js";
import { minkaSdkJson } from "./minka-sdk-json.js";
import type { RecordEncoding, VerifyRecordOptions, VerifyRecordResult } from "./types.js";

/**
 * The most proofs `verifyRecord` looks at. A record with more is rejected whole, before any of them is
 * read, even when a trusted proof is among the first: a response must not be able to make the client
 * check signatures by the thousand. A record gains one proof per signer; the ledger adds one or two.
 */
export const MAX_RECORD_PROOFS = 64;

const VALID: Readonly<Record<RecordEncoding, VerifyRecordResult>> = {
  rfc8785: Object.freeze({ valid: true, encoding: "rfc8785" }),
  "minka-sdk": Object.freeze({ valid: true, encoding: "minka-sdk" }),
};

/**
 * Checks a Minka record end to end: `hash` matches `data`, and the proofs it relies on hold. With
 * `trustedKeys`, those are the proofs by a trusted key, picked before any signature is checked: at least
 * one must be there and each must hold, and the other proofs are NOT verified (use `verifyProof` for
 * them). Without, every proof must hold. At most `MAX_RECORD_PROOFS` proofs. Never throws.
 *
 * `hash` may be of `data` written as RFC 8785 or as Minka's SDK writes it (the two differ only for characters
 * outside the Basic Multilingual Plane in strings longer than 100 UTF-16 units); the result's `encoding` says
 * which one matched. Each proof's digest may likewise be of either writing of its `custom`. Both writings are
 * JSON that parses back to the same value, so accepting either admits no other data.
 */
export function verifyRecord(record: unknown, options: VerifyRecordOptions = {}): VerifyRecordResult {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return invalid("record is not an object");
  const { hash, data, meta } = record as Record<string, unknown>;
  if (typeof hash !== "string") return invalid("record hash is not a string");
  if (data === undefined) return invalid("record has no data");
  if (typeof meta !== "object" || meta === null) return invalid("record has no meta");
  const proofs = (meta as Record<string, unknown>).proofs;
  if (!Array.isArray(proofs)) return invalid("record meta.proofs is not an array");
  if (proofs.length > MAX_RECORD_PROOFS) return invalid(`record has ${proofs.length} proofs, more than the ${MAX_RECORD_PROOFS} verified`);

  let json: string;
  try {
    json = canonicalJson(data, "data");
  } catch {
    return invalid("record data has no JSON form");
  }
  let encoding: RecordEncoding = "rfc8785";
  if (digestOf("sha256", json, "hex") !== hash) {
    // Only written differently when data has a long string with a character outside the BMP.
    const sdkJson = minkaSdkJson(data, "data");
    if (sdkJson === json || digestOf("sha256", sdkJson, "hex") !== hash) return invalid("hash does not match data");
    encoding = "minka-sdk";
  }
  if (proofs.length === 0) return invalid("record has no proofs");

  const { trustedKeys } = options;
  const relied = trustedKeys === undefined ? [...proofs.keys()] : trustedIndexes(proofs, trustedKeys);
  if (relied.length === 0) return invalid("no proof by a trusted key");
  for (const index of relied) {
    const problem = checkProof(hash, proofs[index]);
    if (problem !== undefined) return invalid(`proof ${index} ${problem}`);
  }
  return VALID[encoding];
}

/** Indexes of the proofs whose `public` is one of `trustedKeys`; no signature is read. */
function trustedIndexes(proofs: readonly unknown[], trustedKeys: readonly string[] | ReadonlySet<string>): number[] {
  const indexes: number[] = [];
  for (let index = 0; index < proofs.length; index++) {
    const publicKey = (proofs[index] as { public?: unknown } | null | undefined)?.public;
    if (typeof publicKey === "string" && isTrusted(trustedKeys, publicKey)) indexes.push(index);
  }
  return indexes;
}

function isTrusted(trustedKeys: readonly string[] | ReadonlySet<string>, publicKey: string): boolean {
  return Array.isArray(trustedKeys) ? trustedKeys.includes(publicKey) : (trustedKeys as ReadonlySet<string>).has(publicKey);
}

function invalid(reason: string): VerifyRecordResult {
  return { valid: false, reason };
}
