import type { KeyPair } from "../records/types.js";

/** The parts of an HTTP request a ledger JWT binds through its `hsh` claim. */
export interface LedgerRequest {
  /** HTTP method; hashed upper-case. */
  method: string;
  /**
   * The request URL as sent: base URL, path and query, e.g.
   * `https://ledger-host/api/v2/signers/tesla-bank-admin/factors?include=signer`.
   * Percent-decoded before hashing (see `hashLedgerRequest`).
   */
  url: string;
  /** Parsed JSON body; undefined (or empty) hashes as `null`. */
  body?: unknown;
  /** The `x-ledger` header value, when the request carries one. */
  ledger?: string;
}

/** Who signs the JWT: a ledger signer's handle and its Ed25519 key pair (base64 raw keys). */
export interface LedgerSigner extends KeyPair {
  handle: string;
}

/** Options of `createLedgerJwt`. */
export interface LedgerJwtOptions {
  /**
   * The ledger the token is for (its handle or public key), sent as `aud`.
   * @default request.ledger
   */
  audience?: string;
  /**
   * Seconds between `iat` and `exp`; short, as each token is bound to one request.
   * @default 60
   */
  lifetimeSeconds?: number;
  /**
   * The `sub` claim.
   * @default signer.handle (the `kid`)
   */
  subject?: string;
}
