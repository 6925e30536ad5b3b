import { checkProof } from "./check-proof.js";
import { hashRecordData } from "./hash-record-data.js";
import type { Proof, VerifyRecordOptions, VerifyRecordResult } from "./types.js";

const VALID: VerifyRecordResult = Object.freeze({ valid: true });

/**
 * Checks a Minka record end to end: `hash` matches `data`, every proof's digest and
 * signature hold, and (with `trustedKeys`) a trusted key signed it. Never throws.
 */
export function verifyRecord(record: unknown, options: VerifyRecordOptions = {}): VerifyRecordResult {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return invalid("record is not an object");
  const { hash, data, meta } = record as Record<string, unknown>;
  if (typeof hash !== "string") return invalid("record hash is not a string");
  if (data === undefined) return invalid("record has no data");
  if (typeof meta !== "object" || meta === null) return invalid("record has no meta");
  const proofs = (meta as Record<string, unknown>).proofs;
  if (!Array.isArray(proofs)) return invalid("record meta.proofs is not an array");

  let dataHash: string;
  try {
    dataHash = hashRecordData(data);
  } catch {
    return invalid("record data has no JSON form");
  }
  if (dataHash !== hash) return invalid("hash does not match data");
  if (proofs.length === 0) return invalid("record has no proofs");

  for (let index = 0; index < proofs.length; index++) {
    const problem = checkProof(hash, proofs[index]);
    if (problem !== undefined) return invalid(`proof ${index} ${problem}`);
  }

  const { trustedKeys } = options;
  if (trustedKeys !== undefined && !proofs.some((proof: Proof) => isTrusted(trustedKeys, proof.public))) {
    return invalid("no proof by a trusted key");
  }
  return VALID;
}

function isTrusted(trustedKeys: readonly string[] | ReadonlySet<string>, publicKey: string): boolean {
  return Array.isArray(trustedKeys) ? trustedKeys.includes(publicKey) : (trustedKeys as ReadonlySet<string>).has(publicKey);
}

function invalid(reason: string): VerifyRecordResult {
  return { valid: false, reason };
}
