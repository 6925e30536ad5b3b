export { createProof, PROOF_METHOD } from "./create-proof.js";
export { generateKeyPair } from "./generate-key-pair.js";
export { hashRecordData } from "./hash-record-data.js";
export { JsonValueError } from "./json-value.js";
export { minkaSdkJson } from "./minka-sdk-json.js";
export { proofDigest } from "./proof-digest.js";
export { signRecord } from "./sign-record.js";
export type {
  KeyPair,
  LedgerRecord,
  Proof,
  ProofCustom,
  RecordEncoding,
  RecordMeta,
  VerifyRecordOptions,
  VerifyRecordResult,
} from "./types.js";
export { verifyProof } from "./verify-proof.js";
export { MAX_RECORD_PROOFS, verifyRecord } from "./verify-record.js";
