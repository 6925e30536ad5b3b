import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { setBounded } from "./bounded-map.js";
import { decodeKeyBase64 } from "./strict-base64.js";
import type { KeyPair } from "./types.js";

// RFC 8410 §4 and §7: DER prefixes that wrap a raw Ed25519 key as SPKI / PKCS #8.
const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const MAX_CACHED_KEYS = 1024;

const publicKeys = new Map<string, KeyObject>();
const secretKeys = new Map<string, { publicKey: string; keyObject: KeyObject }>();

/** The public KeyObject for a base64 raw Ed25519 key, parsed once; undefined when malformed. */
export function publicKeyObject(publicKey: unknown): KeyObject | undefined {
  if (typeof publicKey !== "string") return undefined;
  const cached = publicKeys.get(publicKey);
  if (cached !== undefined) return cached;
  const raw = decodeKeyBase64(publicKey);
  if (raw === undefined) return undefined;
  let keyObject: KeyObject;
  try {
    keyObject = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: "der", type: "spki" });
  } catch {
    return undefined;
  }
  setBounded(publicKeys, publicKey, keyObject, MAX_CACHED_KEYS);
  return keyObject;
}

/** The private KeyObject for a key pair, parsed and checked against its public key once; throws when malformed. */
export function secretKeyObject(keyPair: KeyPair): KeyObject {
  const cached = secretKeys.get(keyPair.secretKey);
  if (cached !== undefined && cached.publicKey === keyPair.publicKey) return cached.keyObject;
  const seed = decodeKeyBase64(keyPair.secretKey);
  if (seed === undefined) throw new TypeError("secretKey must be a base64 raw 32-byte Ed25519 key");
  const keyObject = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });
  if (rawPublicKey(createPublicKey(keyObject)) !== keyPair.publicKey) {
    throw new TypeError("publicKey is not the public half of secretKey");
  }
  setBounded(secretKeys, keyPair.secretKey, { publicKey: keyPair.publicKey, keyObject }, MAX_CACHED_KEYS);
  return keyObject;
}

/** Base64 raw 32-byte form of an Ed25519 private KeyObject. */
export function rawSecretKey(keyObject: KeyObject): string {
  return keyObject.export({ format: "der", type: "pkcs8" }).subarray(PKCS8_PREFIX.length).toString("base64");
}

/** Base64 raw 32-byte form of an Ed25519 public KeyObject. */
export function rawPublicKey(keyObject: KeyObject): string {
  return keyObject.export({ format: "der", type: "spki" }).subarray(SPKI_PREFIX.length).toString("base64");
}
