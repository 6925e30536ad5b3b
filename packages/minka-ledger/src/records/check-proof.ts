import { verify } from "node:crypto";
import { PROOF_METHOD } from "./create-proof.js";
import { publicKeyObject } from "./key-objects.js";
import { proofDigest } from "./proof-digest.js";
import { decodeSignatureBase64 } from "./strict-base64.js";

/** Why `proof` does not sign `hash` (e.g. `digest does not match`), or undefined when it does. */
export function checkProof(hash: string, proof: unknown): string | undefined {
  if (typeof proof !== "object" || proof === null || Array.isArray(proof)) return "is not an object";
  const { method, digest, public: publicKey, result, custom } = proof as Record<string, unknown>;
  if (method !== PROOF_METHOD) return `method ${JSON.stringify(method) ?? "undefined"} is not supported`;
  if (typeof digest !== "string") return "digest is not a string";
  let expected: string;
  try {
    expected = proofDigest(hash, custom);
  } catch {
    return "custom has no JSON form";
  }
  // A proof made by Minka's SDK digests its own serialization of custom (see minkaSdkJson): accept either.
  if (expected !== digest && (custom == null || proofDigest(hash, custom, "minka-sdk") !== digest)) return "digest does not match";
  const keyObject = publicKeyObject(publicKey);
  if (keyObject === undefined) return "public is not a base64 raw Ed25519 key";
  const signature = decodeSignatureBase64(result);
  if (signature === undefined) return "result is not a base64 64-byte signature";
  return verify(null, Buffer.from(digest, "hex"), keyObject, signature) ? undefined : "signature invalid";
}
