/** Extra signed fields of a proof; the ledger's own proofs carry `{ luid, moment }`. */
export type ProofCustom = Record<string, unknown>;

/** One signature over a record's hash, as Minka writes it in `meta.proofs`. */
export interface Proof {
  /** Signature scheme; signhub signs and verifies `ed25519-v2`. */
  method: string;
  /** Lowercase hex SHA-256 of `hash + canonicalJSON(custom)` (of `hash` alone without `custom`). */
  digest: string;
  /** Signer's raw 32-byte Ed25519 public key, base64 (`ed25519-raw`). */
  public: string;
  /** Ed25519 signature over the 32 digest bytes, base64. */
  result: string;
  /** Signed extra fields, part of the digest. */
  custom?: ProofCustom;
  /** Handle of the signer; added by the ledger and not part of the digest. */
  signer?: string;
}

/** A record's `meta`: its proofs plus what the ledger adds (status, moment, owners…). */
export interface RecordMeta {
  proofs: Proof[];
  [field: string]: unknown;
}

/** A signed Minka Ledger record: `hash` is the SHA-256 of the canonical JSON of `data`. */
export interface LedgerRecord<T = unknown> {
  /** Ledger-assigned unique id; absent on records a client has not yet submitted. */
  luid?: string;
  hash: string;
  data: T;
  meta: RecordMeta;
}

/** An Ed25519 key pair as Minka writes keys: raw 32-byte keys, base64. */
export interface KeyPair {
  publicKey: string;
  secretKey: string;
}

/** Options of `verifyRecord`. */
export interface VerifyRecordOptions {
  /**
   * Base64 public keys of which at least one must have signed the record,
   * e.g. the ledger's `system` key from `GET /signers/system`. Only their proofs are verified.
   * @default undefined (every proof is verified, and any correctly signed record is valid)
   */
  trustedKeys?: readonly string[] | ReadonlySet<string>;
}

/**
 * How a record's `data` was written when it was hashed: `rfc8785`, RFC 8785 canonical JSON (what signhub signs
 * with), or `minka-sdk`, as @minka/ledger-sdk writes it (RFC 8785 but for characters outside the Basic
 * Multilingual Plane, escaped as `\uXXXX` pairs in strings longer than 100 UTF-16 units; see `minkaSdkJson`).
 */
export type RecordEncoding = "rfc8785" | "minka-sdk";

/**
 * Outcome of `verifyRecord`: when valid, `encoding` says which writing of `data` its `hash` matched; when not,
 * `reason` names the first check that failed.
 */
export type VerifyRecordResult = { valid: true; encoding: RecordEncoding; reason?: undefined } | { valid: false; reason: string; encoding?: undefined };
