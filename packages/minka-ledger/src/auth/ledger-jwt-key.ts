import { importJWK } from "jose";
import { setBounded } from "../records/bounded-map.js";
import { secretKeyObject } from "../records/key-objects.js";
import type { KeyPair } from "../records/types.js";

const MAX_CACHED_KEYS = 256;
const keys = new Map<string, { publicKey: string; key: Promise<CryptoKey> }>();

/** The signer's key imported for jose (EdDSA), once per key pair. */
export function ledgerJwtKey(keyPair: KeyPair): Promise<CryptoKey> {
  const cached = keys.get(keyPair.secretKey);
  if (cached !== undefined && cached.publicKey === keyPair.publicKey) return cached.key;
  // secretKeyObject throws unless publicKey is the public half of secretKey.
  const jwk = secretKeyObject(keyPair).export({ format: "jwk" });
  const key = importJWK(jwk, "EdDSA") as Promise<CryptoKey>;
  setBounded(keys, keyPair.secretKey, { publicKey: keyPair.publicKey, key }, MAX_CACHED_KEYS);
  key.catch(() => {
    if (keys.get(keyPair.secretKey)?.key === key) keys.delete(keyPair.secretKey);
  });
  return key;
}
