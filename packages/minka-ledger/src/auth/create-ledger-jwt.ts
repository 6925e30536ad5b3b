import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { hashLedgerRequest } from "./hash-ledger-request.js";
import { ledgerJwtKey } from "./ledger-jwt-key.js";
import type { LedgerJwtOptions, LedgerRequest, LedgerSigner } from "./types.js";

const DEFAULT_LIFETIME_SECONDS = 60;

/**
 * A bearer token for one Minka Ledger request: an EdDSA JWT with header
 * `{ alg, kid: signer.handle }` and claims `iat, exp, iss, aud, sub, jti, hsh`.
 */
export async function createLedgerJwt(request: LedgerRequest, signer: LedgerSigner, options: LedgerJwtOptions = {}): Promise<string> {
  const audience = options.audience ?? request.ledger;
  if (audience === undefined) throw new TypeError("createLedgerJwt needs options.audience or request.ledger");
  const lifetimeSeconds = options.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS;
  if (!Number.isInteger(lifetimeSeconds) || lifetimeSeconds <= 0) {
    throw new RangeError("lifetimeSeconds must be a positive whole number of seconds");
  }
  const key = await ledgerJwtKey(signer);
  const issuedAt = Math.floor(Date.now() / 1000);
  return new SignJWT({ hsh: hashLedgerRequest(request) })
    .setProtectedHeader({ alg: "EdDSA", kid: signer.handle })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .setIssuer(signer.handle)
    .setAudience(audience)
    .setSubject(options.subject ?? signer.handle)
    .setJti(randomUUID())
    .sign(key);
}
