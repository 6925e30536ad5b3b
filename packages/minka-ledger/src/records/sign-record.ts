import { createProof } from "./create-proof.js";
import { hashRecordData } from "./hash-record-data.js";
import type { KeyPair, LedgerRecord, ProofCustom } from "./types.js";

/** Wraps `data` as a record signed by `keyPair`: `{ hash, data, meta: { proofs: [proof] } }`. */
export function signRecord<T>(data: T, keyPair: KeyPair, custom?: ProofCustom): LedgerRecord<T> {
  const hash = hashRecordData(data);
  return { hash, data, meta: { proofs: [createProof(hash, keyPair, custom)] } };
}
