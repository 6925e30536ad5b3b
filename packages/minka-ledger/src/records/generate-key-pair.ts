import { generateKeyPairSync } from "node:crypto";
import { rawPublicKey, rawSecretKey } from "./key-objects.js";
import type { KeyPair } from "./types.js";

/** A fresh Ed25519 key pair in Minka's `ed25519-raw` form (raw 32-byte keys, base64). */
export function generateKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return { publicKey: rawPublicKey(publicKey), secretKey: rawSecretKey(privateKey) };
}
